"""Direct quotes, found from the quote marks alone, apart from the parse: straight, curly and curly
single marks paired within a line, a quote left open at a line's start running to its end. The
attribution rules ask whether a clause sits in one, and the linking rules give each its speaker."""

from __future__ import annotations

import re

from .results import Quote


def _curly_close_after(line: str, a: int) -> int | None:
    """Index of a curly closing mark that closes the unpaired straight mark at ``a``, if one does.

    Copy edited in two programs mixes marks: '"We are ready,” the general said.' opens straight and
    closes curly. Without this the straight mark stays open and (at a line's start) quotes the whole
    line, the speaker's words and the cue with it. Only a ” with no “ between the two marks counts.
    """
    close = line.find("”", a + 1)
    if close < 0 or "“" in line[a + 1 : close]:
        return None
    return close


def find_quotes(text: str) -> list[Quote]:
    """Direct quotes in straight ("), curly double (“ ”), curly single (‘ ’) marks, and in the marks
    translated copy keeps from its source language: guillemets (« », Russian, French, Ukrainian) and the
    German and East European low-high pair („ “).

    Marks are paired within a line (news keeps a paragraph per line); an opening mark left unclosed
    at the start of a line quotes to the end of the line, the convention for quotes running over
    paragraphs. A curly single pair counts only where it cannot be an apostrophe: the opening mark
    follows a space or punctuation, the closing one is not followed by a letter.
    """
    from ..reuse.align import single_quoted  # here: importing reuse costs ~0.7 s, sources alone ~0.05 s

    quotes: list[Quote] = []
    for m in re.finditer(r"[^\n]+", text):
        base, line = m.start(), m.group()
        # guillemets, and the low-high pair, whose closing “ must not open a curly quote below
        for q in re.finditer(r"«([^»\n]*)(»|$)", line):
            quotes.append(Quote(base + q.start(1), base + q.end(1), q.group(1), "curly"))
        for q in re.finditer(r"„([^“”\n]*)([“”]|$)", line):
            quotes.append(Quote(base + q.start(1), base + q.end(1), q.group(1), "curly"))
            if q.group(2):
                line = line[: q.start(2)] + "\0" + line[q.end(2) :]
        # curly double
        for q in re.finditer(r"“([^”\n]*)(”|$)", line):
            quotes.append(Quote(base + q.start(1), base + q.end(1), q.group(1), "curly"))
        # straight double: pair in order
        pos = [i for i, c in enumerate(line) if c == '"']
        for a, b in zip(pos[0::2], pos[1::2]):
            quotes.append(Quote(base + a + 1, base + b, line[a + 1 : b], "straight"))
        if len(pos) % 2 == 1:
            a = pos[-1]
            close = _curly_close_after(line, a)
            if close is not None:
                quotes.append(Quote(base + a + 1, base + close, line[a + 1 : close], "straight"))
            elif not line[:a].strip():
                quotes.append(Quote(base + a + 1, base + len(line), line[a + 1 :], "straight"))
        # single, straight or curly, where the marks cannot be apostrophes (``reuse.align.single_quoted``,
        # the rule text reuse reads quotations by); one left open at the line's end is no quote here
        for a, b in single_quoted(line, 0, len(line)):
            if b - a > 2 and line[b - 1] in "'’":
                quotes.append(Quote(base + a + 1, base + b - 1, line[a + 1 : b - 1], "single"))
    quotes = [q for q in quotes if q.text.strip()]
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes
