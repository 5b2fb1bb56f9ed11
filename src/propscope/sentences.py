"""Sentence boundaries as character offsets into the original text.

Lines are split first (news exports keep one paragraph or sentence per line),
then spaCy's rule-based sentencizer splits inside each line: it is fast enough
to leave the encoder as the only cost of ``analyze``.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, whitespace trimmed, in order."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    spans: list[tuple[int, int]] = []
    for (base, line), doc in zip(lines, _nlp().pipe(line for _, line in lines)):
        for sent in doc.sents:
            s, e = sent.start_char, sent.end_char
            while s < e and line[s].isspace():
                s += 1
            while e > s and line[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((base + s, base + e))
    return spans
