"""Candidate stage of the reuse detector: which passage pairs are worth aligning.

Aligning every pair of articles is quadratic, so, as in passim, a cheap filter proposes pairs first.
Each article is cut into overlapping windows of ``window`` words (step ``window // 2``); each window
is a set of word ``shingle``-grams summarised by a MinHash sketch, and a ``datasketch`` MinHashLSH
index puts windows with similar shingle sets into the same buckets. Working on windows rather than
whole articles is what lets a copied paragraph inside a long unrelated article be found: its
window is nearly identical to the source window even when the articles as a whole are not.

Cost is linear in the number of windows (sketching, indexing, one pass over the buckets) plus the
number of colliding pairs. A bucket shared by many windows (a wire story reprinted everywhere, a
site footer) would make that quadratic, so each window is paired only with the next
``max_bucket`` windows of the bucket in a fixed order: enough to connect them all into one
cluster later, never all pairs.

Offsets here are token indices into :func:`tokenize`'s output, which keeps the character offsets
of every token in the original text, so nothing downstream ever works on a normalised copy.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_TOKEN = re.compile(r"\S+")
_NON_WORD = re.compile(r"[\W_]+")
_SCHEME = "affine32"
# Odd 64-bit multipliers that make a shingle hash depend on word order.
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
        0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3)


@dataclass(frozen=True)
class Tokens:
    """Words of one text: ``norms[i]`` is the matching key of ``text[starts[i]:ends[i]]``."""

    starts: list[int]
    ends: list[int]
    norms: list[str]

    def __len__(self) -> int:
        return len(self.norms)


@dataclass(frozen=True)
class Candidate:
    """Two articles (indices into the id-sorted article list, ``a < b``) and the token rectangles
    ``(a_lo, a_hi, b_lo, b_hi)`` (ends exclusive) in which they probably share text."""

    a: int
    b: int
    regions: tuple[tuple[int, int, int, int], ...]


@lru_cache(maxsize=1 << 18)
def normalize(word: str) -> str:
    """Matching key of a whitespace-delimited word: casefolded, punctuation (straight or curly
    quotes, dashes, commas...) removed, so that case, quoting and punctuation edits still match."""
    return _NON_WORD.sub("", word.casefold())


def tokenize(text: str) -> Tokens:
    """Split on whitespace (so line wrapping does not matter) and keep each word's character
    offsets in ``text``; words that are punctuation only are dropped. A token's span includes
    attached punctuation, so a copied sentence is reported with its final full stop."""
    starts: list[int] = []
    ends: list[int] = []
    norms: list[str] = []
    for m in _TOKEN.finditer(text):
        key = normalize(m.group())
        if key:
            starts.append(m.start())
            ends.append(m.end())
            norms.append(key)
    return Tokens(starts, ends, norms)


@lru_cache(maxsize=1 << 18)
def _word_hash(key: str) -> int:
    # crc32 is stable across processes (unlike hash()), which keeps results reproducible.
    return zlib.crc32(key.encode("utf-8"))


def shingle_hashes(norms: Sequence[str], k: int) -> np.ndarray:
    """32-bit hashes of the word k-grams of ``norms`` (one shingle for texts shorter than k)."""
    if not norms:
        return np.zeros(0, dtype=np.uint32)
    words = np.fromiter((_word_hash(w) for w in norms), dtype=np.uint64, count=len(norms))
    k = max(1, min(k, len(norms), len(_MIX)))
    n = len(norms) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        h ^= words[i : i + n] * np.uint64(_MIX[i])
        h = (h << np.uint64(13)) | (h >> np.uint64(51))
    return ((h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    # The MurmurHash3 finalizer that datasketch's "affine32" scheme applies before permuting.
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def permutations(num_perm: int, seed: int) -> np.ndarray:
    """The (2, num_perm) affine permutation parameters of a datasketch MinHash, so our sketches
    are datasketch sketches (interchangeable with ``MinHash.update_batch`` on the same hashes)."""
    return MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations


def window_sketches(shingles: np.ndarray, step: int, perms: np.ndarray) -> np.ndarray:
    """MinHash signatures (rows) of the windows of two consecutive blocks of ``step`` shingles.

    Equivalent to one ``MinHash.update_batch`` per window but computed once per article: the
    permuted hashes are reduced per block, and a window's minimum is the minimum of its blocks.
    """
    if len(shingles) == 0:
        return np.zeros((0, perms.shape[1]), dtype=np.uint32)
    a, b = perms
    with np.errstate(over="ignore"):
        phv = _fmix32(shingles)[:, None] * a[None, :] + b[None, :]
    blocks = np.minimum.reduceat(phv, np.arange(0, len(shingles), step), axis=0)
    if len(blocks) == 1:
        return blocks
    return np.minimum(blocks[:-1], blocks[1:])


def window_spans(n_tokens: int, n_windows: int, step: int, k: int) -> list[tuple[int, int]]:
    """Token range ``[lo, hi)`` covered by each window of :func:`window_sketches`."""
    n_sh = max(0, n_tokens - k + 1) if n_tokens >= k else (1 if n_tokens else 0)
    return [(w * step, min(n_tokens, min((w + 2) * step, n_sh) + k - 1)) for w in range(n_windows)]


def find_candidates(
    tokens: Sequence[Tokens],
    *,
    window: int = 24,
    shingle: int = 3,
    num_perm: int = 64,
    threshold: float = 0.3,
    max_bucket: int = 32,
    seed: int = 1,
) -> tuple[list[Candidate], dict[str, int]]:
    """Candidate article pairs with the token regions to align, and counts for reporting.

    ``threshold`` is the window Jaccard similarity the LSH banding is tuned for (datasketch picks
    bands and rows); several windows of one copied passage each get a chance, so passages whose
    windows sit somewhat below it are usually still proposed.
    """
    if window < 2:
        raise ValueError("window must be at least 2 words")
    step = window // 2
    perms = permutations(num_perm, seed)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    owner: list[int] = []
    spans: list[tuple[int, int]] = []
    with lsh.insertion_session() as session:
        for i, toks in enumerate(tokens):
            sig = window_sketches(shingle_hashes(toks.norms, shingle), step, perms)
            for row, span in zip(sig, window_spans(len(toks), len(sig), step, shingle)):
                key = len(owner)
                owner.append(i)
                spans.append(span)
                session.insert(key, LeanMinHash(seed=seed, hashvalues=row, scheme=_SCHEME), check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for bucket in table.keys():
            keys = table.get(bucket)
            if len(keys) < 2:
                continue
            ordered = sorted(keys)
            for p, x in enumerate(ordered):
                for y in ordered[p + 1 : p + 1 + max_bucket]:
                    if owner[x] != owner[y]:
                        pairs.add((x, y))
    by_articles: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
    margin = window
    for x, y in pairs:
        (ia, ib), (sa, sb) = (owner[x], owner[y]), (spans[x], spans[y])
        if ia > ib:
            ia, ib, sa, sb = ib, ia, sb, sa
        na, nb = len(tokens[ia]), len(tokens[ib])
        by_articles[ia, ib].append(
            (max(0, sa[0] - margin), min(na, sa[1] + margin), max(0, sb[0] - margin), min(nb, sb[1] + margin))
        )
    candidates = [Candidate(ia, ib, merge_rectangles(rects)) for (ia, ib), rects in sorted(by_articles.items())]
    stats = {"windows": len(owner), "window_pairs": len(pairs), "candidate_pairs": len(candidates),
             "bands": lsh.b, "rows": lsh.r}
    return candidates, stats


def merge_rectangles(rects: list[tuple[int, int, int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Union rectangles that overlap in both texts, so the windows of one copied passage become
    one region to align, while copies at unrelated places stay apart."""
    current = sorted(set(rects))
    changed = True
    while changed:
        changed = False
        out: list[tuple[int, int, int, int]] = []
        for r in current:
            for k, o in enumerate(out):
                if r[0] < o[1] and o[0] < r[1] and r[2] < o[3] and o[2] < r[3]:
                    out[k] = (min(o[0], r[0]), max(o[1], r[1]), min(o[2], r[2]), max(o[3], r[3]))
                    changed = True
                    break
            else:
                out.append(r)
        current = sorted(out)
    return tuple(current)
