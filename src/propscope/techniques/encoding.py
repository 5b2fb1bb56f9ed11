"""Tokenise whole articles once and cut them into overlapping encoder windows.

Windows are cut by token index on one tokenisation of the full text, so every
token keeps its character offsets into the original ``Article.text`` and
probabilities from overlapping windows are averaged per token: no text is
dropped, however long the article.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Encoded:
    """One article's tokens: ids and ``(start, end)`` character offsets, specials excluded."""

    ids: np.ndarray
    offsets: np.ndarray  # shape (n, 2)


def encode(tokenizer, texts: list[str]) -> list[Encoded]:
    out = tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True,
                    return_attention_mask=False, verbose=False)
    result = []
    for ids, offs in zip(out["input_ids"], out["offset_mapping"]):
        offsets = np.asarray(offs, dtype=np.int64).reshape(-1, 2)
        keep = offsets[:, 1] > offsets[:, 0]  # drop zero-width tokens: they cover no text
        result.append(Encoded(np.asarray(ids, dtype=np.int64)[keep], offsets[keep]))
    return result


def tokens_inside(offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """Mask of the tokens whose characters intersect ``[start, end)``."""
    return (offsets[:, 0] < end) & (offsets[:, 1] > start)


def windows(n_tokens: int, max_tokens: int, overlap: int) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of at most ``max_tokens`` covering ``range(n_tokens)``.

    As few windows as keep at least ``overlap`` shared tokens between neighbours, of equal
    length and spread evenly: every token gets context on both sides, and the encoder sees as
    few tokens twice as possible (overlap is pure extra cost).
    """
    if n_tokens <= max_tokens:
        return [(0, n_tokens)]
    step = max_tokens - overlap
    if step <= 0:
        raise ValueError("window overlap must be smaller than the window")
    k = -(-(n_tokens - overlap) // step)  # ceil: windows needed
    size = -(-(n_tokens + (k - 1) * overlap) // k)  # equal windows, just long enough
    starts = [round(i * (n_tokens - size) / (k - 1)) for i in range(k)]
    return [(a, a + size) for a in starts]
