"""Sentence boundaries as character offsets into the original text.

Lines are split first (news exports keep one paragraph or sentence per line),
then spaCy's rule-based sentencizer splits inside each line. Most lines are one
sentence, and the sentencizer can only split where a sentence-ending character
is followed by more words, so lines without one skip spaCy: its tokenizer was
a sixth of ``analyze``'s time outside the encoder.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def _sentence_end() -> re.Pattern:
    from spacy.pipeline.sentencizer import Sentencizer

    return re.compile("[" + "".join(re.escape(c) for c in Sentencizer.default_punct_chars) + "]")


def _one_sentence(line: str) -> bool:
    """True when the sentencizer cannot split ``line``: it starts a sentence only at a token that
    is not punctuation after a sentence-ending one, and every such token has a character that is
    neither punctuation nor space."""
    end = _sentence_end().search(line)
    return end is None or all(c.isspace() or unicodedata.category(c)[0] == "P" for c in line[end.end():])


def _trimmed(base: int, line: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    return (base + s, base + e) if e > s else None


def split(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, whitespace trimmed, in order."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    spans: list[tuple[int, int]] = []
    simple = [_one_sentence(line) for _, line in lines]
    docs = iter(_nlp().pipe(line for (_, line), one in zip(lines, simple) if not one))
    for (base, line), one in zip(lines, simple):
        if one:
            spans.append(_trimmed(base, line, 0, len(line)))
            continue
        for sent in next(docs).sents:
            if trimmed := _trimmed(base, line, sent.start_char, sent.end_char):
                spans.append(trimmed)
    return spans
