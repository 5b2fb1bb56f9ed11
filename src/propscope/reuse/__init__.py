"""Text reuse: passages copied between articles, possibly edited, grouped with a likely origin.

A small pipeline in the style of passim (Smith et al.), in three stages:

1. :mod:`.candidates` proposes article pairs and token regions with MinHash LSH over word shingles
   of sliding windows, so the cost grows with the corpus, not with the number of article pairs;
2. :mod:`.align` aligns each proposed pair word by word and reports exact character offsets in
   both original texts, tolerating substituted, inserted and deleted words and changed
   punctuation, case, quotes and line wrapping;
3. :mod:`.clusters` joins passages covering the same text into clusters, names the earliest
   published member as the likely origin and deals with one outlet's boilerplate.

    >>> from propscope.reuse import find_reuse
    >>> result = find_reuse(articles)            # Sequence[Article]
    >>> for p in result.passages:
    ...     print(p.a, p.a_start, p.a_end, p.b, p.b_start, p.b_end, p.score)

:func:`find_reuse_dask` runs stage 2, by far the most expensive, on a ``dask.distributed`` client
and returns exactly the same result.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..document import Article
from .align import QUOTED_SHARE, align_pair, opening_left_out, quotation_regions, quoted_share
from .candidates import Candidate, Tokens, find_candidates, normalize, spaced_zero_width, tokenize
from .clusters import (
    BOILERPLATE_MODES,
    PassageTuple,
    boilerplate_passages,
    group_passages,
    members_of,
    origin_of,
    same_block,
    split_at_first_printings,
    trim_boilerplate,
)

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["Cluster", "Passage", "ReuseResult", "find_reuse", "find_reuse_dask"]


@dataclass(frozen=True)
class Passage:
    """Text shared by articles ``a`` and ``b`` (``a < b`` by id): ``a.text[a_start:a_end]`` and
    ``b.text[b_start:b_end]``, with ``score`` the word-level similarity of the two sides (1.0 for
    a verbatim copy). ``cluster`` is the id of its :class:`Cluster`; ``boilerplate`` is set when
    the passage is one outlet repeating its own text (kept only with ``boilerplate="flag"``)."""

    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    score: float
    cluster: int | None = None
    boilerplate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Cluster:
    """One text found in several articles: ``members`` are ``(article_id, start, end)`` spans,
    ``origin`` the article that published it first (None when dates are missing or tied)."""

    id: int
    members: list[tuple[str, int, int]]
    origin: str | None
    boilerplate: bool = False

    @property
    def articles(self) -> list[str]:
        """Distinct member article ids, sorted."""
        return sorted({m[0] for m in self.members})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "members": [{"article": a, "start": s, "end": e} for a, s, e in self.members],
            "origin": self.origin,
            "boilerplate": self.boilerplate,
        }


@dataclass
class ReuseResult:
    """Passages sorted by ``(a, a_start, b, b_start)``, clusters by id, and stage counts."""

    passages: list[Passage]
    clusters: list[Cluster]
    stats: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passages": [p.to_dict() for p in self.passages],
            "clusters": [c.to_dict() for c in self.clusters],
            "stats": dict(self.stats),
        }


@dataclass(frozen=True)
class _Params:
    min_chars: int = 50
    window: int = 16
    shingle: int = 3
    num_perm: int = 128
    threshold: float = 0.25
    max_bucket: int = 32
    max_gap: int = 6
    min_score: float = 0.5
    min_overlap: float = 0.5
    boilerplate: str = "suppress"
    boilerplate_min_articles: int = 3
    seed: int = 1
    index: str = "numpy"
    stopword_df: float = 0.2
    report_quotations: bool = False

    def __post_init__(self) -> None:
        if self.boilerplate not in BOILERPLATE_MODES:
            raise ValueError(f"boilerplate must be one of {BOILERPLATE_MODES}, not {self.boilerplate!r}")
        if self.min_chars < 1:
            raise ValueError("min_chars must be positive")
        if not 0 < self.threshold < 1:
            raise ValueError("threshold is a Jaccard similarity: between 0 and 1, exclusive")


_Item = tuple[str, str, str, str, tuple[tuple[int, int, int, int], ...]]  # (id_a, text_a, id_b, text_b, regions)
_Found = tuple[str, int, int, str, int, int, float]


def _align_items(
    items: Sequence[_Item], *, min_chars: int, min_score: float, max_gap: int,
    tokens: dict[str, Tokens] | None = None,
) -> list[_Found]:
    """Stage 2 for a batch of candidate pairs; a plain function so a Dask worker can run it."""
    out: list[_Found] = []
    for id_a, text_a, id_b, text_b, regions in items:
        ta = tokens.get(id_a) if tokens else None
        tb = tokens.get(id_b) if tokens else None
        for a0, a1, b0, b1, score in align_pair(text_a, text_b, regions, min_chars=min_chars, min_score=min_score,
                                                max_gap=max_gap, tokens_a=ta, tokens_b=tb):
            out.append((id_a, a0, a1, id_b, b0, b1, score))
    return out


def _prepare(articles: Sequence[Article], p: _Params) -> tuple[list[Article], list[str], list[Tokens], list[Candidate],
                                                              dict]:
    """Stage 1: articles in id order (so the result does not depend on input order), the texts
    to align (each article's, with zero-width spaces that stand for a space read as one:
    :func:`.candidates.spaced_zero_width`; same offsets), their tokens and the candidate pairs."""
    arts = sorted(articles, key=lambda a: a.id)
    for x, y in zip(arts, arts[1:]):
        if x.id == y.id:
            raise ValueError(f"duplicate article id {x.id!r}")
    texts = [a.text for a in arts]
    tokens = [tokenize(text) for text in texts]
    for k, spaced in spaced_zero_width(texts, tokens).items():
        texts[k], tokens[k] = spaced, tokenize(spaced)
    cands, stats = find_candidates(tokens, window=p.window, shingle=p.shingle, num_perm=p.num_perm,
                                   threshold=p.threshold, max_bucket=p.max_bucket, seed=p.seed, index=p.index,
                                   stopword_df=p.stopword_df)
    stats = {"articles": len(arts), "tokens": sum(len(t) for t in tokens), **stats}
    return arts, texts, tokens, cands, stats


def _items(arts: Sequence[Article], texts: Sequence[str], cands: Sequence[Candidate]) -> list[_Item]:
    return [(arts[c.a].id, texts[c.a], arts[c.b].id, texts[c.b], c.regions) for c in cands]


def _quotations(arts: Sequence[Article], found: Sequence[_Found], max_gap: int) -> set[int]:
    """Indices of passages that are a shared quotation: in both articles, at least QUOTED_SHARE
    of the words the other article's side has too are inside quotation marks or attribute the
    quotation in its sentence (a report quoting a speech in pieces has words of its own between
    them, which another report quoting it whole does not share; the
    same "the president said in a televised address on Sunday" follows one speech in many
    reports). Two outlets quoting one speaker is not one copying the other, and the quotation's
    "origin" would only be whoever quoted it first; a copy keeps
    the copied article's own words around the quotation, and is kept. So is a quotation next to
    a passage of the same two articles that is not one, in one block of both or next to it in
    one and in the same order in the other (:func:`.clusters.same_block`): a press release's
    quotation paragraph printed after its copied opening, with a paragraph left out between."""
    texts = {a.id: a.text for a in arts}
    regions: dict[str, list[tuple[int, int]]] = {}

    def share(article: str, start: int, end: int, other: str, other_start: int, other_end: int) -> float:
        if article not in regions:
            regions[article] = quotation_regions(texts[article])
        shared = {normalize(w) for w in texts[other][other_start:other_end].split()}
        return quoted_share(texts[article], start, end, regions[article], shared)

    quoted = {k for k, (a, a0, a1, b, b0, b1, _) in enumerate(found)
              if share(a, a0, a1, b, b0, b1) >= QUOTED_SHARE and share(b, b0, b1, a, a0, a1) >= QUOTED_SHARE}
    if not quoted:
        return quoted
    beside = same_block([f[:6] for f in found], texts, max_gap)
    copied = set(range(len(found))) - quoted
    while True:  # a quotation next to one that is next to copied text was copied too
        more = {x for k, m in beside for x, y in ((k, m), (m, k)) if x in quoted and y in copied}
        if not more:
            return quoted
        quoted -= more
        copied |= more


def _openings(arts: Sequence[Article], found: list[_Found]) -> list[_Found]:
    """``found`` with the earlier article's side of each passage between two dated articles
    (different days) starting at its sentence's start when the later copy left out the words
    before the copied ones (:func:`.align.opening_left_out`)."""
    by_id = {a.id: a for a in arts}
    tokens: dict[str, Tokens] = {}

    def tok(article: str) -> Tokens:
        if article not in tokens:
            tokens[article] = tokenize(by_id[article].text)
        return tokens[article]

    out = []
    for a, a0, a1, b, b0, b1, score in found:
        day_a, day_b = by_id[a].published, by_id[b].published
        if day_a is not None and day_b is not None and day_a != day_b:
            if day_a < day_b:
                a0 = opening_left_out(tok(a), a0, tok(b), b0)
            else:
                b0 = opening_left_out(tok(b), b0, tok(a), a0)
        out.append((a, a0, a1, b, b0, b1, score))
    return out


def _assemble(arts: Sequence[Article], found: list[_Found], stats: dict, p: _Params) -> ReuseResult:
    """Stage 3, shared by the local and the Dask path so both give the same result."""
    found = sorted(set(found), key=lambda f: (f[0], f[1], f[3], f[4], f[2], f[5]))
    quotations = set() if p.report_quotations else _quotations(arts, found, p.max_gap)
    found = _openings(arts, [f for k, f in enumerate(found) if k not in quotations])
    outlets = {a.id: a.outlet for a in arts}
    published = {a.id: a.published for a in arts}
    texts = {a.id: a.text for a in arts}
    pieces = split_at_first_printings([f[:6] for f in found], texts, published)
    found = sorted(((*piece, f[6]) for k, f in enumerate(found) for piece in pieces.get(k, [f[:6]])),
                   key=lambda f: (f[0], f[1], f[3], f[4], f[2], f[5]))
    tuples = [f[:6] for f in found]
    flagged: set[int] = set()
    groups = group_passages(tuples, p.min_overlap)
    if p.boilerplate != "keep":
        flagged = boilerplate_passages(tuples, groups, outlets, p.boilerplate_min_articles, texts)
        for k, bounds in trim_boilerplate(tuples, flagged, outlets, texts).items():
            found[k], tuples[k] = (*bounds, found[k][6]), bounds
    n_boilerplate = len(flagged)
    if p.boilerplate == "suppress" and flagged:
        found = [f for k, f in enumerate(found) if k not in flagged]
        tuples = [f[:6] for f in found]
        flagged = set()
    if flagged:  # flagged passages form clusters of their own: reuse clusters and origins as with "suppress"
        groups = sorted((part for keep in (False, True)
                         for part in _regroup(tuples, flagged, keep, p.min_overlap, texts, p.max_gap, published)),
                        key=lambda g: g[0])
    else:  # now also passages of a reordered copy, next to each other in both articles
        groups = group_passages(tuples, p.min_overlap, texts, p.max_gap, published)
    cluster_of: dict[int, int] = {}
    clusters = []
    for cid, group in enumerate(groups):
        members = members_of(tuples, group, texts, p.max_gap)
        origin = origin_of([m[0] for m in members], published)
        clusters.append(Cluster(cid, members, origin, boilerplate=all(k in flagged for k in group)))
        for k in group:
            cluster_of[k] = cid
    passages = [Passage(*f, cluster=cluster_of[k], boilerplate=k in flagged) for k, f in enumerate(found)]
    stats = {**stats, "passages": len(passages), "clusters": len(clusters), "boilerplate_passages": n_boilerplate,
             "quotation_passages": len(quotations)}
    return ReuseResult(passages, clusters, stats)


def _regroup(tuples: list[PassageTuple], flagged: set[int], boilerplate: bool, min_overlap: float,
             texts: dict[str, str], max_gap: int, published: dict[str, Any]) -> list[list[int]]:
    """Clusters of the flagged passages only (``boilerplate``) or of the others, as indices into ``tuples``."""
    chosen = [k for k in range(len(tuples)) if (k in flagged) == boilerplate]
    return [[chosen[i] for i in g]
            for g in group_passages([tuples[k] for k in chosen], min_overlap, texts, max_gap, published)]


def find_reuse(
    articles: Sequence[Article],
    min_chars: int = 50,
    *,
    window: int = 16,
    shingle: int = 3,
    num_perm: int = 128,
    threshold: float = 0.25,
    max_bucket: int = 32,
    max_gap: int = 6,
    min_score: float = 0.5,
    min_overlap: float = 0.5,
    boilerplate: str = "suppress",
    boilerplate_min_articles: int = 3,
    seed: int = 1,
    index: str = "numpy",
    stopword_df: float = 0.2,
    report_quotations: bool = False,
) -> ReuseResult:
    """Passages of at least ``min_chars`` characters shared between ``articles``, and their clusters.

    Candidates: windows of ``window`` words (step ``window // 2``), ``shingle``-word shingles,
    ``num_perm`` MinHash permutations, LSH tuned for window Jaccard ``threshold``; a bucket pairs
    each window with at most ``max_bucket`` others; shingles made only of words found in more than
    ``stopword_df`` of the articles (and in 50 or more) are ignored; ``index`` is ``"numpy"`` or
    ``"datasketch"`` (same pairs, the latter needs far more memory and time: see
    :mod:`.candidates`). Alignment: runs of matching words chained across gaps of at most
    ``max_gap`` words, passages kept at word similarity ``min_score``. Clusters: spans of one
    article overlapping by ``min_overlap`` of the shorter are the same text; ``boilerplate`` is
    ``"suppress"`` (drop passages between articles of one outlet whose cluster holds at least
    ``boilerplate_min_articles`` articles of one outlet, that one or another, or at least two
    articles of each of two or more outlets and no outlet's article alone, unless that text is at
    least half of each of its articles, and passages to another outlet's article that reprinted
    that text; a passage between two pages of one outlet that shares at least half of both, and
    neither closes both after their own text nor opens both before it, is a story it printed
    again and stays, without the footer its other pages share; and a one-paragraph notice with a
    phone number or an address closing every article showing it, where they share nothing else),
    ``"flag"`` (keep and mark them, in clusters of their own) or ``"keep"``;
    ``stats["boilerplate_passages"]`` counts them. A passage that is only a
    quotation in both articles (see :data:`.align.QUOTED_SHARE`) is independent articles quoting
    one speaker, not copying: it is left out unless ``report_quotations``, and
    ``stats["quotation_passages"]`` counts it.

    Passages much shorter than ``window`` words may be missed by the candidate stage, and no
    passage has fewer than about eight words (see :mod:`.align`), whatever ``min_chars``, but one:
    a whole sentence of four words or more that both articles give word for word right after or
    before the same copied passage (at most two line breaks away in each) is reported however
    short, as part of that copy ("Talks resume on Friday." between copied paragraphs).
    Raises ValueError on duplicate article ids or an unknown ``boilerplate`` mode.
    """
    p = _Params(min_chars, window, shingle, num_perm, threshold, max_bucket, max_gap, min_score, min_overlap,
                boilerplate, boilerplate_min_articles, seed, index, stopword_df, report_quotations)
    arts, texts, tokens, cands, stats = _prepare(articles, p)
    found = _align_items(_items(arts, texts, cands), min_chars=p.min_chars, min_score=p.min_score, max_gap=p.max_gap,
                         tokens={a.id: t for a, t in zip(arts, tokens)})
    return _assemble(arts, found, stats, p)


def find_reuse_dask(
    articles: Sequence[Article],
    client: Client,
    min_chars: int = 50,
    *,
    pairs_per_task: int = 200,
    **kwargs: Any,
) -> ReuseResult:
    """:func:`find_reuse` with the alignment of candidate pairs spread over a ``dask.distributed``
    client, ``pairs_per_task`` pairs per task (each task carries only the texts it needs).

    Candidates and clusters are computed here; alignment is deterministic per pair and the
    results are sorted before clustering, so the result equals :func:`find_reuse`'s exactly.
    ``kwargs`` are the keyword arguments of :func:`find_reuse`.
    """
    p = _Params(min_chars, **kwargs)
    arts, texts, _, cands, stats = _prepare(articles, p)
    items = _items(arts, texts, cands)
    batches = [items[k : k + pairs_per_task] for k in range(0, len(items), pairs_per_task)]
    task = functools.partial(_align_items, min_chars=p.min_chars, min_score=p.min_score, max_gap=p.max_gap)
    found: list[_Found] = []
    if batches:  # as they finish (they are sorted before clustering): ``client.gather`` left a waiting task per
        # future in the cluster's event loop, and a Ctrl-C closing the client ended each with an exception
        # nobody read, printed as "Task exception was never retrieved ... AllExit" before the command's line
        from distributed import as_completed

        for fut in as_completed(client.map(task, batches, pure=False)):
            found.extend(fut.result())
    return _assemble(arts, found, stats, p)
