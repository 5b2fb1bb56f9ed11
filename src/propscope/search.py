"""What a search hit shows, the same on the command line and on the web: the words a query is
made of, which stored passages hold one of them, and the text around the first match with every
match marked.

The database finds the articles (``Store.search``, ``Store.list_articles``); this module only
decides what of each article a reader sees, so that ``propscope search`` and the search page agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from .document import headline_title


def terms(query: str) -> list[str]:
    """The words of a query: runs of letters and digits. Punctuation, quotes and operators are
    dropped, so no query syntax reaches a database."""
    return "".join(c if c.isalnum() else " " for c in query).split()


def word_pattern(words: Sequence[str]) -> re.Pattern | None:
    """A match of any query word at the start of a word ('harbour' finds 'harbours', not
    'neharbour'), ignoring case. Common words ('the', 'and') count only when the query has no
    other: 'armed the rebels' marked every 'the' of an article and listed every passage with one."""
    words = [w for w in words if w]
    kept = [w for w in words if w.casefold() not in STOP_WORDS] or words
    if not kept:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in kept) + r")\w*", re.I)


def holds(text: str, pattern: re.Pattern | None) -> bool:
    """Whether a passage holds a query word (``word_pattern``)."""
    return pattern is not None and pattern.search(text) is not None


def snippet(text: str, words: Sequence[str], width: int = 90) -> list[tuple[str, bool]]:
    """The text around the first match of a query word, cut at word boundaries, as pieces that
    are ``True`` where they are a match; "… " and " …" mark a cut, " ¶ " a paragraph break.

    With no match (a listing by filters alone) it is the article's opening, after its headline
    line if it opens with one: the listing shows the title just above, and every snippet began by
    repeating it."""
    pattern = word_pattern(words)
    found = pattern.search(text) if pattern else None
    base = _after_headline(text) if not found else 0
    start, end = (found.start() - width, found.end() + width) if found else (base, base + 2 * width)
    start, end = max(start, 0), min(end, len(text))
    if start > base:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (found.start() if found else end) else start
    if end < len(text):
        space = text.rfind(" ", found.end() if found else start, end)
        end = space if space > 0 else end
    flat = " ".join(re.sub(r"\s*\n\s*", " ¶ ", text[start:end].strip()).split())  # one line, paragraphs kept apart
    pieces: list[tuple[str, bool]] = [("… ", False)] if start > base else []
    pos = 0
    for m in pattern.finditer(flat) if pattern else ():
        pieces += [(flat[pos:m.start()], False), (m.group(0), True)]
        pos = m.end()
    pieces.append((flat[pos:], False))
    if end < len(text):
        pieces.append((" …", False))
    return [p for p in pieces if p[0]]


def _after_headline(text: str) -> int:
    """Where an article's body starts when its text opens with a headline line (``headline_title``), else 0."""
    head = headline_title(text)
    if head is None:
        return 0
    at = text.index(head) + len(head)
    return len(text) - len(text[at:].lstrip())
