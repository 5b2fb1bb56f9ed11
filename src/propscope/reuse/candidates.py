"""Candidate stage of the reuse detector: which passage pairs are worth aligning.

Aligning every pair of articles is quadratic, so, as in passim, a cheap filter proposes pairs first.
Each article is cut into overlapping windows of ``window`` words (step ``window // 2``); each window
is a set of word ``shingle``-grams summarised by a ``datasketch`` MinHash sketch (same permutations
and scheme, computed for all windows of an article at once), and LSH banding with datasketch's
optimal bands and rows for the requested Jaccard ``threshold`` puts windows with similar shingle
sets into the same buckets. Working on windows rather than whole articles is what lets a copied
paragraph inside a long unrelated article be found: its window is nearly identical to the source
window even when the articles as a whole are not.

The banding runs either in a datasketch ``MinHashLSH`` index (``index="datasketch"``) or by sorting
each band's values with numpy (``index="numpy"``, the default); both give exactly the same pairs,
but the dict-of-sets index needs about 6 GB and 100 s for 10,000 articles where sorting needs well
under 1 GB and a few seconds (bench/reuse.py).

Cost is linear in the number of windows (sketching, banding) plus the number of colliding pairs.
Two things would make the latter grow with the square of the corpus, and both are cut off:
shingles made only of stop words (computed from the corpus, see :func:`frequent_words`) are left
out of the sketches, and a bucket shared by many windows (a wire story reprinted everywhere, a
site footer) pairs each window only with the next ``max_bucket`` windows of the bucket in a fixed
order: enough to connect them all into one cluster later, never all pairs.

A pair's region is its colliding windows widened by ``window`` words and then out to the ends of
the paragraphs (lines) they touch, by at most ``4 * window`` words each way: copying goes paragraph
by paragraph, and a copy that kept one paragraph verbatim often rewrote the ones around it too
heavily for any of their windows to collide (a content farm replacing every third word, a
paragraph translated and back), yet close enough for the alignment to chain them.

Offsets here are token indices into :func:`tokenize`'s output, which keeps the character offsets
of every token in the original text, so nothing downstream ever works on a normalised copy.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_TOKEN = re.compile(r"\S+")
_LINE_BREAK = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # what str.splitlines() splits at
_NON_WORD = re.compile(r"[\W_]+")
_SCHEME = "affine32"
_FINAL = (".", "!", "?", "\u2026")
_CLOSERS = "\"')]\u201d\u2019\u00bb"
_OPENERS = "\"'([\u201c\u2018\u00ab"
_LABEL_ENDS = (":", "-", "\u2013", "\u2014", "|")  # a dateline's or a label's end: "KORVATH (BWS) -", "UPDATE:"
# A dateline without a dash ends at an agency in brackets among a line's first this many words (see _bare_datelines).
DATELINE_WORDS = 6
_AGENCY = re.compile(r"[(\[][A-Z][\w.&/-]*[)\]][,:]?")
# A corpus needs this many texts containing a word before the word can count as a stop word.
STOPWORD_MIN_DOCS = 50
# Odd 64-bit multipliers that make a shingle hash depend on word order.
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
        0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3, 0x589965CC75374CC3)


@dataclass(frozen=True, eq=False)
class Tokens:
    """Words of one text: ``norms[i]`` is the matching key of ``text[starts[i]:ends[i]]``,
    ``sentence_end[i]`` says whether that word ends with sentence-final punctuation, and
    ``line_start[i]`` whether a line break lies between it and the word before (the first word
    starts a line too). ``cut_after[i]`` says whether a colon, a dash or a bar ends it or stands
    between it and the next word, as after a dateline or a label ("KORVATH (BWS) -", "UPDATE:"), or
    it is the bracketed agency ending a dateline without a dash ("HOLLSTAD (MNA) ...", see _bare_datelines).
    ``capital[i]`` says whether the word begins with a capital letter (after any opening quote or
    bracket). Offsets are numpy arrays: a corpus has millions of words, and lists of int objects cost five
    times more."""

    starts: np.ndarray
    ends: np.ndarray
    norms: list[str]
    sentence_end: np.ndarray
    line_start: np.ndarray
    cut_after: np.ndarray
    capital: np.ndarray

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
    quotes, dashes, commas...) removed, so that case, quoting and punctuation edits still match;
    read as a reader sees it (:func:`shown`), so an entity a CMS left ("&amp;", "don&#8217;t"), a
    ligature or a full-width digit matches the plain word."""
    return _NON_WORD.sub("", shown(word).casefold())


def shown(word: str) -> str:
    """``word`` as a reader sees it: HTML entities decoded, compatibility characters (ligatures,
    full-width letters, digits and punctuation) in their plain form (NFKC)."""
    if "&" in word:
        word = html.unescape(word)
    return word if word.isascii() else unicodedata.normalize("NFKC", word)


# Where one whitespace-delimited word holds two, joined by what a reader sees as a break: an em dash,
# an ellipsis or "--" with no space around it ("March—a"), a full-width comma, colon or
# semicolon ("negotiator，Sofie"), or an entity for a dash, an ellipsis or a space ("260&nbsp;people").
# The words split after it, so the mark stays on the word before, as when it is spaced. En dashes and
# hyphens join ranges and compounds ("1990-2000", "well-known") and stay inside the word. A full-width
# opening bracket opens a word ("output.（来源：...": a credit put right after a full stop).
_JOINED = re.compile("(?:\u2014|\u2026|--|[\uff0c\uff1a\uff1b\u3001]"
                     r"|&(?:mdash|hellip|nbsp|#8212|#8230|#160|#x2014|#x2026|#xa0);)(?=[^\W_]|&)"
                     "|(?<=.)(?=[\uff08\uff3b\u3010\u300c\u300e])", re.I)


def _split_joined(words: list[str], starts: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """:data:`_JOINED` words split into their parts, with their offsets."""
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for w, s in zip(words, starts.tolist(), strict=True):
        cuts = [m.end() for m in _JOINED.finditer(w)] if not w.isalnum() else []
        for lo, hi in zip([0, *cuts], [*cuts, len(w)], strict=True):
            out_w.append(w[lo:hi])
            out_s.append(s + lo)
            out_e.append(s + hi)
    return out_w, np.array(out_s, dtype=np.int64), np.array(out_e, dtype=np.int64)


def _space_table() -> np.ndarray:
    # Every code point str.isspace() (hence str.split() and re's \s) treats as whitespace is below U+3001.
    table = np.zeros(0x3001, dtype=bool)
    table[[c for c in range(0x3001) if chr(c).isspace()]] = True
    return table


_SPACE = _space_table()


def word_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (exclusive) ``str`` offsets of the whitespace-delimited words of ``text``,
    in the order of ``text.split()``; vectorised because this runs over the whole corpus."""
    if not text:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = np.zeros(len(codes) + 2, dtype=bool)
    space[0] = space[-1] = True
    low = codes < len(_SPACE)
    space[1:-1][low] = _SPACE[codes[low]]
    word = ~space
    starts = np.flatnonzero(word[1:-1] & space[:-2])
    ends = np.flatnonzero(word[1:-1] & space[2:]) + 1
    return starts, ends


def tokenize(text: str) -> Tokens:
    """Split on whitespace (so line wrapping does not matter) and keep each word's character
    offsets in ``text``; words that are punctuation only are dropped. A token's span includes
    attached punctuation, so a copied sentence is reported with its final full stop."""
    words = text.split()
    starts, ends = word_spans(text)
    if len(starts) != len(words):  # cannot happen while _SPACE agrees with str.isspace; stay safe
        matches = list(_TOKEN.finditer(text))
        words = [m.group() for m in matches]
        starts = np.array([m.start() for m in matches], dtype=np.int64)
        ends = np.array([m.end() for m in matches], dtype=np.int64)
    if _JOINED.search(text):  # one pass over the text, not a search per word
        words, starts, ends = _split_joined(words, starts)
    if not text.isascii() or "&" in text:
        words = list(map(shown, words))  # offsets stay those of the text as it stands
    keys = [_NON_WORD.sub("", w.casefold()) for w in words]  # normalize() of words already shown
    cut_after = np.fromiter((w.rstrip(_CLOSERS).endswith(_LABEL_ENDS) for w in words), dtype=bool, count=len(words))
    if not all(keys):
        kept = np.array([k for k, key in enumerate(keys) if key], dtype=np.int64)
        dropped_next = np.zeros(len(kept), dtype=bool)  # a punctuation-only word ("-", "|") follows
        dropped_next[:-1] = np.diff(kept) > 1
        cut_after = cut_after[kept] | dropped_next
        starts, ends = starts[kept], ends[kept]
        words, keys = [words[k] for k in kept], [keys[k] for k in kept]
    if _GROUP_SPACE.search(text):
        words, keys, starts, ends, cut_after = _grouped_figures(text, words, keys, starts, ends, cut_after)
    lines = line_starts(text, starts, ends)
    return Tokens(starts, ends, keys, np.fromiter(map(_ends_sentence, words), dtype=bool, count=len(words)),
                  lines, cut_after | _bare_datelines(words, lines),
                  np.fromiter((w.lstrip(_OPENERS)[:1].isupper() for w in words), dtype=bool, count=len(words)))


# A figure's groups of three digits apart ("12 000", "2 150 000"): a space, a no-break, narrow
# no-break, figure or thin space between them, or an entity for a no-break space left in ("2&nbsp;400").
_GROUP_SPACE = re.compile("\\d[ \u00a0\u202f\u2007\u2009]\\d{3}(?!\\d)|\\d&(?:nbsp|#160|#xa0);\\d{3}(?!\\d)", re.I)
_GROUP_FIRST = re.compile(r"[^\w\s]*\d{1,3}")
_GROUP_NEXT = re.compile(r"\d{3}(?:[^\w\s]*)")
_NBSP_ENTITY = re.compile(r"&(?:nbsp|#160|#xa0);$", re.I)


def _grouped_figures(text: str, words: list[str], keys: list[str], starts: np.ndarray, ends: np.ndarray,
                     cut_after: np.ndarray) -> tuple[list[str], list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Words that are one figure written in groups of three digits ("12 000", "1 250", "2 150 000",
    "2&nbsp;400") joined into one word, as "12,000" and "12000" are one, so that a copy writing its
    figures so matches its source whichever way either writes them. The groups are one space apart
    (of any kind: "4 500" in one text is "4\u202f500" in its copy) on one line, and the words before
    and after are not figures: columns of figures in a table ("Orsund 14 10 3 1 33") stay apart."""
    n = len(words)

    def figure(k: int) -> bool:
        return 0 <= k < n and keys[k].isdigit()

    def linked(k: int) -> bool:  # word k and word k + 1 are groups of one figure
        gap = text[int(ends[k]) : int(starts[k + 1])]
        raw = text[int(starts[k]) : int(ends[k])]
        return ((gap in (" ", "\u00a0", "\u202f", "\u2007", "\u2009") or (not gap and bool(_NBSP_ENTITY.search(raw))))
                and bool(_GROUP_NEXT.fullmatch(words[k + 1])) and keys[k + 1].isdigit() and len(keys[k + 1]) == 3)

    merged: list[tuple[int, int]] = []  # (first, last) words of each figure to join
    k = 0
    while k < n - 1:
        if _GROUP_FIRST.fullmatch(words[k].rstrip()) and keys[k].isdigit() and linked(k):
            last = k + 1
            while last < n - 1 and len(words[last].rstrip()) == 3 and linked(last):
                last += 1
            if not figure(k - 1) and not figure(last + 1):
                merged.append((k, last))
            k = last + 1
        else:
            k += 1
    if not merged:
        return words, keys, starts, ends, cut_after
    keep = np.ones(n, dtype=bool)
    words, keys, ends = list(words), list(keys), ends.copy()
    cut_after = cut_after.copy()
    for first, last in merged:
        words[first] = "".join(w.rstrip() for w in words[first : last + 1])
        keys[first] = "".join(keys[first : last + 1])
        ends[first] = ends[last]
        cut_after[first] = cut_after[last]
        keep[first + 1 : last + 1] = False
    return ([w for w, k in zip(words, keep, strict=True) if k], [x for x, k in zip(keys, keep, strict=True) if k],
            starts[keep], ends[keep], cut_after[keep])


ZERO_WIDTH_SPACE = "\u200b"


def spaced_zero_width(texts: Sequence[str], tokens: Sequence[Tokens]) -> dict[int, str]:
    """For each of ``texts`` (with their ``tokens``) holding a zero-width space (U+200B) that stands
    for a space, the text with it turned into one (same length, so offsets hold). A CMS or a
    converter leaves the character where a space stood ("on\u200bWednesday") or inside a word
    ("libr\u200barian"); a reader sees neither, and it is no whitespace, so both join into one
    word. Telling them apart needs a vocabulary, which the collection is: a word holding it stands
    for words with a space between when the collection writes the joined word nowhere else and
    every part of it elsewhere as a word of its own ("on" and "Wednesday", not "onWednesday"). One
    after a hyphen marks where a compound may break at a line's end ("long-\u200bterm"), and stays."""
    where = [k for k, text in enumerate(texts) if ZERO_WIDTH_SPACE in text]
    if not where:
        return {}
    joined: dict[int, list[tuple[int, int, str, list[str]]]] = {}
    counts: dict[str, int] = {}  # the joined words' keys -> how often they are written so
    for k in where:
        text = texts[k]
        found = []
        for m in re.finditer(r"\S*\u200b\S*", text):
            word = m.group()
            if re.search(r"[-\u00ad\u2010\u2011]\u200b", word):
                continue
            key = normalize(word.replace(ZERO_WIDTH_SPACE, ""))
            parts = [normalize(part) for part in word.split(ZERO_WIDTH_SPACE)]
            found.append((m.start(), m.end(), key, parts))
            counts[key] = counts.get(key, 0) + 1
        joined[k] = found
    wanted = set(counts) | {part for found in joined.values() for *_, parts in found for part in parts}
    seen: dict[str, int] = dict.fromkeys(wanted, 0)  # how often each key is a word of the collection
    for t in tokens:
        for key in t.norms:
            if key in seen:
                seen[key] += 1
    out: dict[int, str] = {}
    for k, found in joined.items():
        chars = list(texts[k])
        for start, end, key, parts in found:
            if seen[key] == counts[key] and all(part and seen[part] for part in parts):
                for g in range(start, end):
                    if chars[g] == ZERO_WIDTH_SPACE:
                        chars[g] = " "
        spaced = "".join(chars)
        if spaced != texts[k]:
            out[k] = spaced
    return out


def _bare_datelines(words: Sequence[str], lines: np.ndarray) -> np.ndarray:
    """Which words end a dateline that has no dash: an agency in brackets, one word, after a place
    in capitals opening a line, with only capitalised words or figures between ("HOLLSTAD (MNA) The
    ...", "KARNHOLM (BWS) ..." from a full-width bracket, "OSLO, Jan 3 [NTB] ..."). A copy that
    kept the wire's dateline but not its dash ends it there as the wire's "(MNA) -" ends it."""
    out = np.zeros(len(words), dtype=bool)
    for k in np.flatnonzero(lines):
        place = words[k].rstrip(",")
        if len(place) < 2 or not place.isupper():
            continue
        for c in range(k + 1, min(len(words), k + DATELINE_WORDS)):
            if lines[c]:
                break
            if _AGENCY.fullmatch(words[c]):
                out[c] = True
                break
            if not words[c][:1].isupper() and not words[c][:1].isdigit():
                break
    return out


def line_starts(text: str, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Which of the words at ``starts``/``ends`` begin a line: a line break lies between the end of
    the word before and their start (the first word always does)."""
    out = np.ones(len(starts), dtype=bool)
    breaks = np.array([m.start() for m in _LINE_BREAK.finditer(text)], dtype=np.int64)
    if len(starts) > 1:
        out[1:] = np.searchsorted(breaks, starts[1:]) > np.searchsorted(breaks, ends[:-1])
    return out


@lru_cache(maxsize=1 << 16)
def _ends_sentence(word: str) -> bool:
    return word.rstrip(_CLOSERS).endswith(_FINAL)


@lru_cache(maxsize=1 << 18)
def _word_hash(key: str) -> int:
    # crc32 is stable across processes (unlike hash()), which keeps results reproducible.
    return zlib.crc32(key.encode("utf-8"))


def word_hashes(norms: Sequence[str]) -> np.ndarray:
    """Stable 32-bit hashes of word keys."""
    return np.fromiter(map(_word_hash, norms), dtype=np.uint32, count=len(norms))


def frequent_words(words: Sequence[np.ndarray], max_df: float, min_docs: int = STOPWORD_MIN_DOCS) -> np.ndarray:
    """Sorted hashes of the corpus's stop words: words found in more than ``max_df`` of the texts
    and in at least ``min_docs`` of them (so a small corpus has none).

    Shingles made only of such words ("one of the", "said on the") occur in countless unrelated
    texts; left in, they make unrelated windows collide, and the number of such collisions grows
    with the square of the corpus. Content words of even a widely reprinted story stay below
    ``max_df``, so copied passages keep their shingles.
    """
    if not words or max_df >= 1.0:
        return np.zeros(0, dtype=np.uint32)
    hashes, counts = np.unique(np.concatenate([np.unique(w) for w in words]), return_counts=True)
    return hashes[(counts > max_df * len(words)) & (counts >= min_docs)]


def shingle_hashes(words: np.ndarray, k: int, stop: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of the word k-grams of a text given its word hashes (one shingle for texts
    shorter than k), and which shingles to use: not those made of ``stop`` words only."""
    if len(words) == 0:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=bool)
    k = max(1, min(k, len(words), len(_MIX)))
    n = len(words) - k + 1
    w64 = words.astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        h ^= w64[i : i + n] * np.uint64(_MIX[i])
        h = (h << np.uint64(13)) | (h >> np.uint64(51))
    hashes = ((h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    if stop is None or len(stop) == 0:
        return hashes, np.ones(n, dtype=bool)
    is_stop = np.concatenate([[0], np.cumsum(np.isin(words, stop, assume_unique=False))])
    return hashes, (is_stop[k:] - is_stop[:n]) < k


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


def window_sketches(
    shingles: np.ndarray, step: int, perms: np.ndarray, use: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures (rows) of the windows of two consecutive blocks of ``step`` shingles,
    counting only the shingles where ``use`` is true, and which windows have any such shingle.

    Equivalent to one ``MinHash.update_batch`` per window but computed once per article: the
    permuted hashes are reduced per block, and a window's minimum is the minimum of its blocks.
    """
    if len(shingles) == 0:
        return np.zeros((0, perms.shape[1]), dtype=np.uint32), np.zeros(0, dtype=bool)
    use = np.ones(len(shingles), dtype=bool) if use is None else use
    a, b = perms
    with np.errstate(over="ignore"):
        phv = _fmix32(shingles)[:, None] * a[None, :] + b[None, :]
    phv[~use] = np.iinfo(np.uint32).max
    blocks = np.minimum.reduceat(phv, np.arange(0, len(shingles), step), axis=0)
    if len(blocks) > 1:
        blocks = np.minimum(blocks[:-1], blocks[1:])
    return blocks, _windows_in_use(use, step)


def window_spans(n_tokens: int, n_windows: int, step: int, k: int) -> list[tuple[int, int]]:
    """Token range ``[lo, hi)`` covered by each window of :func:`window_sketches`."""
    n_sh = max(0, n_tokens - k + 1) if n_tokens >= k else (1 if n_tokens else 0)
    return [(w * step, min(n_tokens, min((w + 2) * step, n_sh) + k - 1)) for w in range(n_windows)]


def _windows_in_use(use: np.ndarray, step: int) -> np.ndarray:
    """Which windows of :func:`window_sketches` have at least one shingle in use."""
    if len(use) == 0:
        return np.zeros(0, dtype=bool)
    used = np.add.reduceat(use.astype(np.int64), np.arange(0, len(use), step))
    return used > 0 if len(used) == 1 else (used[:-1] + used[1:]) > 0


def sketch_windows(
    tokens: Sequence[Tokens], window: int, shingle: int, perms: np.ndarray, stopword_df: float = 1.0
) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]], int]:
    """Signatures of the windows of all texts that have any usable shingle (rows, in text order),
    the text of each window, its token range, and the number of stop words. A window's row
    number is its key in the LSH index.

    The signature matrix is the biggest object of the whole pipeline (windows x permutations), so
    it is allocated once, permutation-major (banding reads it a few permutations at a time), and
    filled article by article; the rows returned are a transposed view of it.
    """
    step = window // 2
    words = [word_hashes(t.norms) for t in tokens]
    stop = frequent_words(words, stopword_df)
    shingles = [shingle_hashes(wh, shingle, stop) for wh in words]
    counts = [int(_windows_in_use(use, step).sum()) for _, use in shingles]
    sigs = np.empty((perms.shape[1], sum(counts)), dtype=np.uint32)
    owner = np.repeat(np.arange(len(tokens), dtype=np.int64), counts)
    spans: list[tuple[int, int]] = []
    pos = 0
    for (hashes, use), wh, count in zip(shingles, words, counts):
        sig, valid = window_sketches(hashes, step, perms, use)
        sigs[:, pos : pos + count] = sig[valid].T
        pos += count
        spans.extend(span for span, ok in zip(window_spans(len(wh), len(sig), step, shingle), valid) if ok)
    return sigs.T, owner, spans, len(stop)


def _pairs_datasketch(sigs: np.ndarray, owner: np.ndarray, bands: int, rows: int, max_bucket: int,
                      seed: int) -> set[tuple[int, int]]:
    """Colliding window pairs from a datasketch MinHashLSH index: insert every window, then walk
    the buckets once (cheaper than one query per window, and it sees each bucket whole)."""
    lsh = MinHashLSH(num_perm=sigs.shape[1], params=(bands, rows))
    with lsh.insertion_session() as session:
        for key, row in enumerate(sigs):
            session.insert(key, LeanMinHash(seed=seed, hashvalues=row, scheme=_SCHEME), check_duplication=False)
    own = owner.tolist()
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for bucket in table.keys():
            keys = table.get(bucket)
            if len(keys) < 2:
                continue
            ordered = sorted(keys)
            for p, x in enumerate(ordered):
                for y in ordered[p + 1 : p + 1 + max_bucket]:
                    if own[x] != own[y]:
                        pairs.add((x, y))
    return pairs


def _pairs_numpy(sigs: np.ndarray, owner: np.ndarray, bands: int, rows: int, max_bucket: int) -> set[tuple[int, int]]:
    """The same pairs as :func:`_pairs_datasketch` (same bands, same exact bucket equality, same
    pairing rule), found by sorting each band's values: far less memory and time on big corpora."""
    n = len(sigs)
    cols = np.ascontiguousarray(sigs.T)  # one contiguous row per permutation
    found: list[np.ndarray] = []
    for band in range(bands):
        part = cols[band * rows : (band + 1) * rows]
        h = np.zeros(n, dtype=np.uint64)
        for c in range(rows):
            h = (h ^ part[c].astype(np.uint64)) * np.uint64(_MIX[c])
        order = np.argsort(h)
        hs = h[order]
        shared = np.zeros(n, dtype=bool)  # only windows that share their band hash matter
        shared[1:] |= hs[1:] == hs[:-1]
        shared[:-1] |= hs[1:] == hs[:-1]
        order = order[shared]
        if len(order) < 2:
            continue
        # exact band values, then window key ascending (the order datasketch's sorted bucket has);
        # sorting on the values themselves also separates any 64-bit hash collision
        order = order[np.lexsort([order, *(part[c][order] for c in reversed(range(rows)))])]
        ordered = part[:, order]
        lab = np.concatenate([[0], np.cumsum((ordered[:, 1:] != ordered[:, :-1]).any(axis=0))])
        for d in range(1, max_bucket + 1):
            same = lab[:-d] == lab[d:]
            if not same.any():
                break
            x, y = order[:-d][same], order[d:][same]
            keep = owner[x] != owner[y]
            found.append(x[keep].astype(np.int64) * n + y[keep])
    if not found:
        return set()
    flat = np.unique(np.concatenate(found))
    return set(zip((flat // n).tolist(), (flat % n).tolist()))


def find_candidates(
    tokens: Sequence[Tokens],
    *,
    window: int = 16,
    shingle: int = 3,
    num_perm: int = 128,
    threshold: float = 0.25,
    max_bucket: int = 32,
    seed: int = 1,
    index: str = "numpy",
    stopword_df: float = 0.2,
) -> tuple[list[Candidate], dict[str, int]]:
    """Candidate article pairs with the token regions to align, and counts for reporting.

    ``threshold`` is the window Jaccard similarity the LSH banding is tuned for (datasketch picks
    bands and rows); several windows of one copied passage each get a chance, so passages whose
    windows sit somewhat below it are usually still proposed. ``index="datasketch"`` uses a
    ``MinHashLSH`` index; ``index="numpy"`` finds exactly the same pairs by sorting band values,
    for corpora where millions of windows would not fit a Python dict index in memory.
    Shingles made only of :func:`frequent_words` (document frequency above ``stopword_df``) are
    left out of the sketches.
    """
    if window < 2:
        raise ValueError("window must be at least 2 words")
    if not 1 <= shingle <= len(_MIX):
        raise ValueError(f"shingle must be between 1 and {len(_MIX)} words")
    if index not in ("datasketch", "numpy"):
        raise ValueError(f"index must be 'datasketch' or 'numpy', not {index!r}")
    probe = MinHashLSH(threshold=threshold, num_perm=num_perm)
    bands, rows = probe.b, probe.r
    sigs, owner, spans, n_stop = sketch_windows(tokens, window, shingle, permutations(num_perm, seed), stopword_df)
    if index == "datasketch":
        pairs = _pairs_datasketch(sigs, owner, bands, rows, max_bucket, seed)
    else:
        pairs = _pairs_numpy(sigs, owner, bands, rows, max_bucket)
    by_articles: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
    margin = window
    for x, y in pairs:
        (ia, ib), (sa, sb) = (int(owner[x]), int(owner[y])), (spans[x], spans[y])
        if ia > ib:
            ia, ib, sa, sb = ib, ia, sb, sa
        ta, tb = tokens[ia], tokens[ib]
        by_articles[ia, ib].append((*_to_paragraphs(ta, sa[0] - margin, sa[1] + margin, 4 * window),
                                    *_to_paragraphs(tb, sb[0] - margin, sb[1] + margin, 4 * window)))
    candidates = [Candidate(ia, ib, merge_rectangles(rects)) for (ia, ib), rects in sorted(by_articles.items())]
    stats = {"stopwords": n_stop, "windows": len(sigs), "window_pairs": len(pairs), "candidate_pairs": len(candidates),
             "bands": bands, "rows": rows}
    return candidates, stats


def _to_paragraphs(t: Tokens, lo: int, hi: int, reach: int) -> tuple[int, int]:
    """``[lo, hi)`` clipped to the text and taken out to the start and end of the lines (paragraphs)
    it touches, by at most ``reach`` words each way (a text without line breaks is not aligned
    whole for every window that collides)."""
    lo, hi = max(0, lo), min(len(t), hi)
    starts = t.line_start
    stop = max(0, lo - reach)
    while lo > stop and not starts[lo]:
        lo -= 1
    stop = min(len(t), hi + reach)
    while hi < stop and not starts[hi]:
        hi += 1
    return lo, hi


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
