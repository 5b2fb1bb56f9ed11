"""Alignment stage of the reuse detector: exact character offsets of what two articles share.

A candidate pair comes with token rectangles (from :mod:`.candidates`). Inside each, the two word
sequences (normalised: casefolded, punctuation and quote style removed) are aligned with
``difflib.SequenceMatcher``, which returns the monotone list of exactly matching word runs
(longest run first, then recursively left and right of it). Runs are then chained into passages
while the gap between consecutive runs stays within ``max_gap`` words on both sides, which is what
makes the result robust to substituted, inserted and deleted words; a longer gap (a dropped
sentence, unrelated text) ends the passage. Sentences copied in another order cross each other, so
what one alignment leaves unmatched is aligned again (see :func:`align_region`).

Common words match by chance everywhere, so three rules keep passages honest: single-word runs at
the ends of a chain are trimmed; an edge is moved to the nearest sentence boundary when what lies
beyond it is a few words or has no run of three matching words; and a passage needs at least
``MIN_ANCHORED`` words in runs of three or more, which a chain of chance matches does not have.
The last rule also means no passage is shorter than about eight words, whatever ``min_chars``.
An edge moved back to a sentence boundary may leave the next sentence without its first word,
taken by the run before it; :func:`_regain` gives it back. A passage that stops up to three words
short of a sentence both texts finish is taken to its end, and one that starts up to three words
after a sentence both texts begin is taken back to its start (:func:`_edges`: those words were
edited). A line one text has inside a passage and the other has not ("ADVERTISEMENT", "READ
MORE: ...") is not copied text: the passage is cut around it when both pieces still make
passages (:func:`split_at_lines`), and so is a lead-in one text puts before a copied sentence
("As our readers know,"). A passage that fills its paragraphs in both texts is aligned
again with the paragraph after and the one before it (:func:`_next_paragraphs`): a reworded
paragraph next to copied ones may lie outside the candidate region. Passages that meet exactly in
both texts, in the same order, are one (:func:`_joined`: the pieces of a paragraph translated
there and back, split by a moved phrase). A moved phrase long enough to be a passage of its own
takes in the rest of its sentence, aligned again over the phrase's words (:func:`_masked_gap`) and
lying around it or beside it (:func:`_around`). Words matched before a dateline's dash both texts
have ("HOLLIN RIDGE (AW) -") are not copied text (:func:`_past_labels`). A passage that is itself
reworded takes in the rest of its paragraphs and whole paragraphs next to it, and the sentences
between it and the next passage, where both texts' words there are alike in any order
(:func:`_grown`): a story translated there and back keeps few runs of three words.
Figures do not count towards those runs: independent reports of one poll, market day or court
case share their numbers ("44 per cent", "3.5 million dinars") and the names around them, so a
run is cut at every figure and the :data:`FIGURE_UNIT` words after it (see :func:`anchored_words`),
unless it is :data:`LIST_RUN` words long or more with a figure in it: a copied results table is
mostly figures. Names both texts give do not count either, however long their list (see :func:`_evidence`).
A whole sentence both texts give word for word, in paragraphs where both hold passages, is reported
however few words its figures leave (:func:`_sentences_beside`: a sentence of a reordered copy),
and so is one of four words or more, shorter than ``min_chars`` too, that stands right after or
before the same passage in both texts (:func:`_short_sentences_beside`).

Only normalised *keys* are compared; offsets always come from the token table of the original
text, so ``text[start:end]`` is the passage exactly as it appears in each article.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np

from ..metrics import merge_intervals
from .candidates import Tokens, normalize, tokenize

# A run of this many consecutive matching words is rarely chance, even for common words; a passage
# needs MIN_ANCHORED words in such runs, which rejects chains of chance matches of frequent words.
ANCHOR_RUN = 3
MIN_ANCHORED = 8
# A figure (a word starting with a digit, or a number word) and this many words after it (its unit: "per
# cent", "million dinars", "basis points") are facts any report of the same event repeats: they cut
# runs of matching words, and are not evidence of copying.
FIGURE_UNIT = 2
# ... except in a run of at least this many matching words (a window): independent reports share a
# figure with a few words around it, never a list of them in one wording ("Harrowby: Civic Alliance
# 7,615 (41.9%), Labour Union 5,180 (28.5%), ..."). Such a run is a copied table, every word of it.
LIST_RUN = 16
# ... but not a table in columns: lines of a name and figures alone, COLUMN_FIGURES or more of them in a
# row ("3 Tessdal IF 14 8 3 3 27"). Its words are the data (standings, a timetable) in the one layout a
# table has, which every outlet printing it gives; a list in its writer's words and punctuation is not.
COLUMN_FIGURES = 3
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "trillion half quarter third thirds dozen".split())
# A passage edge moves to a sentence boundary when that drops at most SNAP_WORDS words, or at
# most SNAP_MAX words none of which are in a run of ANCHOR_RUN matching words.
SNAP_WORDS = 3
SNAP_MAX = 8
# A passage that stops at most this many words short of a sentence end in both texts is taken to
# it: those words were edited (see _edges). Three, not two: a translation back into English
# rewords a sentence's last or first three words ("for discussing it." for "to discuss it.",
# "President of Velnia" for "Velnian President"), and so do slanted copies ("over recent years.").
EDGE_WORDS = 3
# A chain's last single-word runs are kept when there are this many, close together, ending a sentence
# in both texts (see _sentence_tail).
TAIL_RUNS = 3
# A dash or a colon among a line's first this many words ends a dateline or a label (see _past_labels).
LABEL_WORDS = 8
# A passage that fills its paragraphs in both texts is aligned again with the next (and the
# previous) paragraph of both, each taken up to this many words (see _next_paragraphs).
PARAGRAPH_REACH = 64
# A whole sentence of at least SHORT_WORDS words that both texts give word for word, within SHORT_REACH
# line breaks after or before the same copied passage in both, is copied too, however short (see
# _short_sentences_beside): "Talks resume on Friday." between copied paragraphs, one left out between.
SHORT_WORDS = 4
SHORT_REACH = 2
# A line of at most this many words that does not end a sentence is a heading (see heading_end).
HEADING_WORDS = 20
# Capitals mark names only in a sentence with a word in lower case, looked for this many words either
# side of the name (see _in_name): a line in capitals or in title case marks none. A list of names runs
# on for dozens of words with no word in lower case ("The recipients are Agnes Birkeland, Ali Hassan,
# ..." and forty more), so the look reaches that far; the bound is for a text with no full stop or
# line break at all.
CASE_REACH = 100
# Text next to a passage, back or on to a paragraph's end, whose words (cut to STEM_CHARS letters)
# are at least this alike (Dice) in both texts, BAG_MIN_SHARED or more, is part of it (see _grown);
# a gap between two passages inside one paragraph needs GAP_SIMILARITY only.
BAG_SIMILARITY = 0.5
# ... but only for a passage itself reworded, under this word similarity: a verbatim or lightly edited
# copy's neighbours were copied as they stood if at all, and text around it that is only alike in
# its words is the copier's own report of the same event (an intro of its own, a quotation's context).
REWORDED = 0.9
GAP_SIMILARITY = 0.3
BAG_MIN_SHARED = 4
STEM_CHARS = 4
# A passage is a shared quotation when at least this share of its words, in both articles, lies
# inside quotation marks or the words attributing them in their sentence (see quotation_regions;
# what is left: a word or two of context). align_pair judges its fragments by their evidence
# instead, and reports a shared quotation cut to the quotation.
QUOTED_SHARE = 0.8
# Double quotation marks, also as HTML entities a CMS left in the text ("&quot;", "&ldquo;", "&#8221;").
_QUOTE_MARK = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]"
                         "|&(?:quot|ldquo|rdquo|bdquo|laquo|raquo|#34|#x22|#171|#187|#822[012]|#x201[cde]);", re.I)
# Single quotation marks and apostrophes, also as HTML entities ("&#8216;", "&rsquo;", "&#39;").
_SINGLE_MARK = re.compile("['\u2018\u2019]|&(?:lsquo|rsquo|apos|#0*39|#x0*27|#0*821[67]|#x0*201[89]);", re.I)
_OPENS_AFTER = "([\u2014\u2013-\"\u201c"  # a single quote after a space or one of these may open a quotation
_CLOSES_AFTER = ".,!?;:\u2026"  # ... and one after these closes it
_CLOSES_BEFORE = ")]\u2014\u2013-\"\u201d"
# An article that only one text has before a copied sentence was dropped or added by the copy (see _edges).
_ARTICLES = frozenset(("the", "a", "an"))
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Fragment:
    """An aligned passage in token coordinates (ends exclusive) with its matched word count, and
    its runs of matching words ``(a_pos, b_pos, length)`` (not part of its identity)."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    matched: int
    anchored: int = 0
    runs: tuple[tuple[int, int, int], ...] = field(default=(), compare=False, repr=False)

    @property
    def score(self) -> float:
        """Dice similarity over words: matched words relative to the two passage lengths."""
        return 2.0 * self.matched / ((self.a_hi - self.a_lo) + (self.b_hi - self.b_lo))


def _chains(blocks: Sequence[tuple[int, int, int]], max_gap: int,
            gap: Callable[[int, int, int, int], bool] | None = None) -> list[list[tuple[int, int, int]]]:
    """Group matching runs ``(i, j, n)`` into chains whose gaps are at most ``max_gap`` words, or
    that ``gap(i0, i1, j0, j1)`` (the gap's bounds in both texts) accepts."""
    chains: list[list[tuple[int, int, int]]] = []
    for i, j, n in blocks:
        if n == 0:
            continue
        if chains:
            pi, pj, pn = chains[-1][-1]
            if ((0 <= i - (pi + pn) <= max_gap and 0 <= j - (pj + pn) <= max_gap)
                    or (gap is not None and i >= pi + pn and j >= pj + pn and gap(pi + pn, i, pj + pn, j))):
                chains[-1].append((i, j, n))
                continue
        chains.append([(i, j, n)])
    return chains


def _masked_gap(keys_a: list, keys_b: list, ta: Tokens, tb: Tokens, a_lo: int, b_lo: int,
                max_gap: int) -> Callable[[int, int, int, int], bool]:
    """A test for :func:`_chains` that does not count words an earlier pass matched (masked keys):
    a phrase moved within a sentence (a translation back into English puts "according to figures
    the company published in April" before the clause it followed) was matched as a passage of
    its own, and the words of its sentence around it, in one text on both sides of it, could not
    be chained across it. Only masked words within one sentence are passed over: a whole
    sentence matched elsewhere is a reordered copy, whose in-order runs stay passages apart."""

    def free(keys: list, t: Tokens, lo: int, start: int, end: int) -> int | None:
        if end - start > 8 * max_gap:
            return None
        masked = [k for k in range(start, end) if not isinstance(keys[k], str)]
        if any(t.sentence_end[lo + k] for k in masked):
            return None
        return end - start - len(masked)

    def ok(i0: int, i1: int, j0: int, j1: int) -> bool:
        da, db = free(keys_a, ta, a_lo, i0, i1), free(keys_b, tb, b_lo, j0, j1)
        return da is not None and db is not None and da <= max_gap and db <= max_gap and (da, db) != (i1 - i0, j1 - j0)

    return ok


def _trim(chain: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop single-word runs at either end: inside a chain they bridge edits, at its ends they are
    almost always a chance match of a common word just outside the copied passage."""
    lo, hi = 0, len(chain)
    while hi - lo > 1 and chain[lo][2] < 2:
        lo += 1
    while hi - lo > 1 and chain[hi - 1][2] < 2:
        hi -= 1
    return chain[lo:hi]


def _sentence_tail(chain: list[tuple[int, int, int]], ta: Tokens, tb: Tokens, a_lo: int,
                   b_lo: int) -> list[tuple[int, int, int]]:
    """The chain trimmed (:func:`_trim`), but with its last single-word runs kept when there are
    TAIL_RUNS or more of them, at most two words apart in both texts, and the last ends a sentence
    in both: a reworded end of a copied sentence ("cost of pumping water out of its deepest
    galleries." and "cost of the pumping of water from its most deep galleries."), which no run of
    two words reaches. Chance matches of common words after a passage are sparse, and seldom end
    a sentence in both texts at once."""
    out = _trim(chain)
    if not out or out[-1] == chain[-1]:
        return out
    tail = chain[chain.index(out[-1]) + 1 :]
    (li, lj, ln) = tail[-1]
    if len(tail) < TAIL_RUNS or not (ta.sentence_end[a_lo + li + ln - 1] and tb.sentence_end[b_lo + lj + ln - 1]):
        return out
    steps = zip([out[-1], *tail], tail)
    if all(i - (pi + pn) <= 2 and j - (pj + pn) <= 2 for (pi, pj, pn), (i, j, _) in steps):
        return out + tail
    return out


def _past_labels(chain: list[tuple[int, int, int]], ta: Tokens, tb: Tokens, a_lo: int,
                 b_lo: int) -> list[tuple[int, int, int]]:
    """The chain without the words it matched before a dateline's or a label's dash or colon that
    both texts have among the first LABEL_WORDS words of the line where it starts ("HOLLIN RIDGE
    (AW) -" and "HOLLIN RIDGE, 5 June (DSA) -"): a wire's dateline names the place the copy names
    again in its own, and is no copied text (single words there are trimmed already, a two-word
    place name was not)."""
    if not chain:
        return chain

    def cut(t: Tokens, k: int) -> int | None:
        """The label's last word, if the line holding word ``k`` has one after it, in reach."""
        line = k
        while line > 0 and not t.line_start[line] and k - line < LABEL_WORDS:
            line -= 1
        if not t.line_start[line]:
            return None
        for c in range(k, min(len(t), line + LABEL_WORDS)):
            if t.cut_after[c]:
                return c
            if t.sentence_end[c] or (c > k and t.line_start[c]):
                return None
        return None

    i, j, _ = chain[0]
    ca, cb = cut(ta, a_lo + i), cut(tb, b_lo + j)
    if ca is None or cb is None:
        return chain
    out = []
    for i, j, n in chain:
        skip = max(0, ca + 1 - (a_lo + i), cb + 1 - (b_lo + j))
        if skip < n:
            out.append((i + skip, j + skip, n - skip))
    return _trim(out) if out else chain


def _slide(chain: list[tuple[int, int, int]], keys_a: list, keys_b: list) -> list[tuple[int, int, int]]:
    """The chain's first run moved, in either text, to the last place its words take before the
    second run. SequenceMatcher takes the first of equal words, so a lead-in line opening with the
    copied sentence's first words ("The Ministry of Health reports:" above "The Ministry of Health
    today announced ...") gave the run when the other text edited the word after them, and the
    chain bridged the line. A copy is contiguous: of two places of the same words, the one next to
    the rest of it is the copied one. (At a chain's end the first place after the run before is
    the one next to it, and SequenceMatcher already takes that.)"""
    if len(chain) < 2:
        return chain
    (i, j, n), (i2, j2, _) = chain[0], chain[1]
    words = keys_a[i : i + n]

    def last_at(keys: list, lo: int, hi: int) -> int:
        """The last start of ``words`` in ``keys[lo:hi]`` (``lo`` is one)."""
        return next(p for p in range(hi - n, lo - 1, -1) if keys[p : p + n] == words)

    return [(last_at(keys_a, i, i2), last_at(keys_b, j, j2), n), *chain[1:]]


def _snap(chain: list[tuple[int, int, int]], ta: Tokens, tb: Tokens, a_lo: int, b_lo: int) -> list[tuple[int, int, int]]:
    """Cut a passage at the sentence boundary nearest each edge when what lies beyond it looks
    like chance: at most SNAP_WORDS words, or at most SNAP_MAX words without a run of ANCHOR_RUN
    matching words. The last words of the sentence before a copied one often match by chance
    ("...the said. <copy>"), and copying is mostly done sentence by sentence. An end that closes
    a sentence in one text only is cut back only in the second case: a few words matched here and
    there in the copy's own next sentence ("We have asked the ministry what happened to that
    request.") ran the passage on to its full stop."""
    ea, eb = ta.sentence_end, tb.sentence_end
    # matched word pairs (position in a, position in b, run number)
    pairs = [(a_lo + i + t, b_lo + j + t, r) for r, (i, j, n) in enumerate(chain) for t in range(n)]

    def boundary_after(k: int) -> bool:
        """A sentence ends between matched pairs k and k + 1, in either text."""
        (x, y, _), (nx, ny, _) = pairs[k], pairs[k + 1]
        return bool(ea[x:nx].any() or eb[y:ny].any())

    def scattered(part: list[tuple[int, int, int]]) -> bool:
        """At most SNAP_MAX words wide, with no run of ANCHOR_RUN matching words."""
        longest = max(sum(1 for p in part if p[2] == r) for r in {p[2] for p in part})
        return part[-1][0] - part[0][0] < SNAP_MAX and longest < ANCHOR_RUN

    def chance(part: list[tuple[int, int, int]]) -> bool:
        return part[-1][0] - part[0][0] < SNAP_WORDS or scattered(part)

    x0, y0, _ = pairs[0]
    if not (x0 == 0 or y0 == 0 or ea[x0 - 1] or eb[y0 - 1]):  # not already at a sentence start
        for k in range(len(pairs) - 1):
            if pairs[k][0] - x0 >= SNAP_MAX:
                break
            if boundary_after(k):
                if chance(pairs[: k + 1]):
                    pairs = pairs[k + 1 :]
                break
    x1, y1, _ = pairs[-1]
    if not (ea[x1] and eb[y1]):  # the passage does not already end a sentence in both texts
        # where it ends one in one text only, the words beyond the last boundary go only when
        # they are scattered chance matches: a short sentence copied whole ("Nobody was hurt.")
        # is one run, and stays
        cut = chance if not (ea[x1] or eb[y1]) else scattered
        for k in range(len(pairs) - 2, -1, -1):
            if x1 - pairs[k + 1][0] >= SNAP_MAX:
                break
            if boundary_after(k):
                if cut(pairs[k + 1 :]):
                    pairs = pairs[: k + 1]
                break
    runs: list[list[int]] = []  # back to runs (i, j, n) relative to the region
    for x, y, r in pairs:
        if runs and runs[-1][3] == r:
            runs[-1][2] += 1
        else:
            runs.append([x - a_lo, y - b_lo, 1, r])
    return [(i, j, n) for i, j, n, _ in runs]


def _fragments(keys_a: list, keys_b: list, ta: Tokens, tb: Tokens, a_lo: int, b_lo: int,
               max_gap: int) -> list[Fragment]:
    """One monotone alignment of two key sequences, as fragments in token coordinates."""
    sm = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    out = []
    masked = not all(isinstance(k, str) for k in keys_a)
    gap = _masked_gap(keys_a, keys_b, ta, tb, a_lo, b_lo, max_gap) if masked else None
    for chain in _chains(sm.get_matching_blocks(), max_gap, gap):
        chain = _past_labels(_sentence_tail(chain, ta, tb, a_lo, b_lo), ta, tb, a_lo, b_lo)
        chain = _regain(_snap(_slide(chain, keys_a, keys_b), ta, tb, a_lo, b_lo), keys_a, keys_b, ta, tb, a_lo, b_lo)
        i0, i1, j0, j1 = _edges(chain, keys_a, keys_b, ta, tb, a_lo, b_lo)
        out.append(Fragment(a_lo + i0, a_lo + i1, b_lo + j0, b_lo + j1, sum(n for _, _, n in chain),
                            sum(anchored_words(keys_a[i : i + n]) for i, _, n in chain),
                            tuple((a_lo + i, b_lo + j, n) for i, j, n in chain)))
    return out


def _edges(chain: list[tuple[int, int, int]], keys_a: list, keys_b: list, ta: Tokens, tb: Tokens,
           a_lo: int, b_lo: int) -> tuple[int, int, int, int]:
    """Bounds ``(i0, i1, j0, j1)`` (region coordinates, ends exclusive) of a chain's passage: its
    runs, taken on to the end of their sentence or line when at most EDGE_WORDS words are left to it
    in both texts. Those words were edited ("above teh town." for "above the town.", "on Monday."
    for "on Tuesday."), so no run reaches them, and the passage stopped short of a sentence both
    texts finish; so is one followed by up to SNAP_MAX words in both that differ only in their names
    and figures, the other words the same and in the same places (:func:`_named`: "on Station Road
    until October 15." and "on Market Street until November 1."). Likewise back to the start of the
    sentence or line when one to EDGE_WORDS words lie before the first match in both texts: the
    opening words were edited ("Doctors at" for "Medics at", "Last year, the" for "In 2025, the"),
    or up to SNAP_MAX words alike in their stems (:func:`_alike`: "Under the law passed last year,"
    for "Under last year's law,"), an opening clause reworded;
    words only one text has there were added ("Rail operator Veltra Rail will ..."), and are not
    taken. Nor are words before a colon, a dash or a bar (``Tokens.cut_after``): a dateline or a
    label ("KORVATH (BWS) -", "UPDATE:") that was not copied. Words matched by an earlier pass
    (masked keys) are not taken either. An article ("the", "a", "an") that only one text has before
    a sentence the other begins with the first match is taken: the copy dropped it ("Repairs are"
    for "The repairs are"), no copier's own words are an article alone. So are words that one text
    has before a sentence the other begins with the first match, when the other's sentence has them
    further on (:func:`_moved_front`: "From 1 May the government will" for "The government will ...
    from 1 May"): a phrase moved to the front."""
    (i0, j0, _), (i1, j1, n1) = chain[0], chain[-1]
    i1, j1 = i1 + n1, j1 + n1

    def behind(keys: list, t: Tokens, lo: int, k: int) -> int | None:
        """Words from the sentence's start to ``k``, or None when more than SNAP_MAX or not free."""
        for d in range(SNAP_MAX + 1):
            if d and (k - d < 0 or not isinstance(keys[k - d], str) or t.cut_after[lo + k - d]):
                return None
            g = lo + k - d
            if g == 0 or t.sentence_end[g - 1] or t.line_start[g]:
                return d
        return None

    da, db = behind(keys_a, ta, a_lo, i0), behind(keys_b, tb, b_lo, j0)
    if da and db and ((da <= EDGE_WORDS and db <= EDGE_WORDS)
                      or _alike(keys_a[i0 - da : i0], keys_b[j0 - db : j0], BAG_SIMILARITY)):
        i0, j0 = i0 - da, j0 - db
    elif da == 1 and db == 0 and keys_a[i0 - 1] in _ARTICLES:
        i0 -= 1
    elif db == 1 and da == 0 and keys_b[j0 - 1] in _ARTICLES:
        j0 -= 1
    elif da and _opens(tb, b_lo + j0) and _moved_front(keys_a[i0 - da : i0], keys_b, tb, b_lo, j0):
        i0 -= da
    elif db and _opens(ta, a_lo + i0) and _moved_front(keys_b[j0 - db : j0], keys_a, ta, a_lo, i0):
        j0 -= db

    def ended(t: Tokens, k: int) -> bool:
        """A sentence or a line ends after token ``k`` (or the text does)."""
        return bool(t.sentence_end[k] or k + 1 == len(t) or t.line_start[k + 1])

    def ahead(keys: list, t: Tokens, lo: int, k: int) -> int:
        """Words from ``k`` to the end of the sentence, or 0 when more than SNAP_MAX or not free."""
        for d in range(1, SNAP_MAX + 1):
            if k + d > len(keys) or not isinstance(keys[k + d - 1], str):
                return 0
            if ended(t, lo + k + d - 1):
                return d
        return 0

    def shape(keys: list, t: Tokens, lo: int, k: int, d: int) -> list[str | None]:
        """The ``d`` words from ``k``, each stretch of names and figures (:func:`_named`) one None."""
        out: list[str | None] = []
        for e in range(k, k + d):
            named = _named(keys, t, lo, e)
            if not (named and out and out[-1] is None):
                out.append(None if named else keys[e])
        return out

    if not (ended(ta, a_lo + i1 - 1) or ended(tb, b_lo + j1 - 1)):
        da, db = ahead(keys_a, ta, a_lo, i1), ahead(keys_b, tb, b_lo, j1)
        if da and db and ((da <= EDGE_WORDS and db <= EDGE_WORDS)
                          or shape(keys_a, ta, a_lo, i1, da) == shape(keys_b, tb, b_lo, j1, db)):
            i1, j1 = i1 + da, j1 + db
    return i0, i1, j0, j1


# Words an earlier article has before a copied sentence, back to that sentence's start, that a later
# copy starting the sentence there left out ("As expected, the prosecutor" for "The prosecutor") are
# at most this many.
OPENING_MAX = 12


def opening_left_out(t: Tokens, start: int, other: Tokens, other_start: int) -> int:
    """Where the passage of the earlier article ``t`` at character ``start`` begins when the words
    before it in its sentence are ones the later copy (``other`` at ``other_start``) left out: the
    copy's side starts a sentence or a line there and ``t``'s does not, and at most OPENING_MAX
    words lie between its sentence's start and ``start``, none of them a dateline's or a label's
    end (``Tokens.cut_after``). They are the source's sentence the copier took ("The first trams"
    for "Trams", "In a ruling that surprised many, the court" for "The court"); the same words in
    the later article are its own (a lead-in, "As our readers will recall,"), and so are not taken
    (:func:`_edges`, which cannot tell the two apart: it does not know which text came first).
    Otherwise ``start``."""
    k = int(np.searchsorted(t.starts, start))
    m = int(np.searchsorted(other.starts, other_start))
    if k >= len(t) or t.starts[k] != start or m >= len(other) or other.starts[m] != other_start:
        return start

    def opens(u: Tokens, g: int) -> bool:
        return g == 0 or bool(u.sentence_end[g - 1] or u.line_start[g])

    if opens(t, k) or not opens(other, m):
        return start
    for d in range(1, OPENING_MAX + 1):
        g = k - d
        if g < 0 or t.cut_after[g]:
            return start
        if opens(t, g):
            return int(t.starts[g])
    return start


def _opens(t: Tokens, g: int) -> bool:
    """Word ``g`` of ``t`` starts a sentence or a line, or follows a dateline or a label."""
    return g == 0 or bool(t.sentence_end[g - 1] or t.line_start[g] or t.cut_after[g - 1])


# A phrase moved to the front of a copied sentence has at least this many words.
MOVED_WORDS = 2


def _moved_front(phrase: list, keys: list, t: Tokens, lo: int, k: int) -> bool:
    """``phrase`` (at least MOVED_WORDS words) is found, word for word, in the sentence of ``keys``
    that starts at ``k`` (region coordinates): the words one text put before a copied sentence were
    moved there from inside it ("From 1 May the ..." for "... by 4.5 per cent from 1 May, ...",
    "On Monday the governments ..." for "The governments ... signed an agreement on Monday")."""
    n = len(phrase)
    if n < MOVED_WORDS or not all(isinstance(w, str) for w in phrase):
        return False
    end = k  # the sentence's words are keys[k:end]
    while end < len(keys) and not (end > k and t.line_start[lo + end]):
        end += 1
        if t.sentence_end[lo + end - 1]:
            break
    return any(keys[e : e + n] == phrase for e in range(k, end - n + 1))


def _named(keys: list, t: Tokens, lo: int, k: int) -> bool:
    """Word ``k`` (region coordinates) is a name or a figure: a capitalised word that does not open
    a sentence or a line, or a figure (:func:`_is_figure`). A copy that changed only the names,
    places, dates and figures of a story ("at the library on Station Road until October 15." and
    "at the library on Market Street until November 1.") keeps every other word of its sentence
    in its place."""
    g = lo + k
    opens = g == 0 or bool(t.sentence_end[g - 1] or t.line_start[g])
    return _is_figure(keys[k]) or (bool(t.capital[g]) and not opens)


def _line_gap(run: tuple[int, int, int], nxt: tuple[int, int, int], ta: Tokens, tb: Tokens) -> bool:
    """The words between two runs of a chain are, in either text, whole lines of their own: a line
    the other text does not have ("ADVERTISEMENT", "READ MORE: ...", a dropped subheading)."""
    (x, y, n), (nx, ny, _) = run, nxt
    return bool((nx > x + n and ta.line_start[x + n] and ta.line_start[nx])
                or (ny > y + n and tb.line_start[y + n] and tb.line_start[ny]))


def _own_words(run: tuple[int, int, int], nxt: tuple[int, int, int], ta: Tokens, tb: Tokens,
               texts: tuple[str, str]) -> bool:
    """The words between two runs of a chain are, in one text, a lead-in of its own before a copied
    sentence ("As our readers know,", "Once again,", "Read this:") or whole sentences of its own
    between two copied ones (a comment after each: "Read that again.", "And after that?"): they
    start after a sentence's end there and end with a comma, a colon, a dash or a sentence's end,
    and the other text goes on from the one sentence to the next with nothing between. Words that
    run into the sentence ("Even the police admitted that" for "Police said") are an edit of it,
    and stay."""
    (x, y, n), (nx, ny, _) = run, nxt

    def starts(t: Tokens, k: int) -> bool:
        return bool(k == 0 or t.sentence_end[k - 1] or t.line_start[k])

    def own(here: Tokens, text: str, k: int, k_next: int, there: Tokens, m: int, m_next: int) -> bool:
        return (k_next > k and m_next == m and starts(here, k) and starts(there, m)
                and (text[int(here.ends[k_next - 1]) - 1] in ",;:" or bool(here.cut_after[k_next - 1])
                     or bool(here.sentence_end[k_next - 1])))

    return own(ta, texts[0], x + n, nx, tb, y + n, ny) or own(tb, texts[1], y + n, ny, ta, x + n, nx)


def _piece(runs: Sequence[tuple[int, int, int]], ta: Tokens, outer: Fragment) -> Fragment:
    """The passage of some of ``outer``'s runs; where they are its first or last runs, it starts or
    ends where ``outer`` does (see :func:`_edges`)."""
    first, last = runs[0] == outer.runs[0], runs[-1] == outer.runs[-1]
    runs = _trim(list(runs))
    (x0, y0, _), (x1, y1, n1) = runs[0], runs[-1]
    return Fragment(outer.a_lo if first else x0, outer.a_hi if last else x1 + n1, outer.b_lo if first else y0,
                    outer.b_hi if last else y1 + n1, sum(n for _, _, n in runs),
                    sum(anchored_words(ta.norms[x : x + n]) for x, _, n in runs), tuple(runs))


def split_at_lines(f: Fragment, ta: Tokens, tb: Tokens, keep: Callable[[Fragment], bool],
                   texts: tuple[str, str] | None = None) -> list[Fragment]:
    """``f`` cut where one text has a line of its own inside it (:func:`_line_gap`): chained
    across a gap of a word or two, such a line ("ADVERTISEMENT") was reported as part of the copied
    text. With the two ``texts``, also where one text has a lead-in of its own before a copied
    sentence (:func:`_own_words`: "As our readers know,"), which was reported inside the passage.
    A cut is made only where both pieces are still passages (``keep``); a piece that is
    not goes back to its neighbour. Passages of one pair next to each other in both texts are
    one cluster (:mod:`.clusters`), so the pieces still make one copied text."""
    runs = list(f.runs)
    # words of a moved phrase, matched by a run elsewhere in the passage, are no line or lead-in of one text's own
    taken_a = {x + t for x, _, n in runs for t in range(n)}
    taken_b = {y + t for _, y, n in runs for t in range(n)}

    def free(run: tuple[int, int, int], nxt: tuple[int, int, int]) -> bool:
        (x, y, n), (nx, ny, _) = run, nxt
        return not (taken_a.intersection(range(x + n, nx)) or taken_b.intersection(range(y + n, ny)))

    cuts = [k for k in range(1, len(runs)) if free(runs[k - 1], runs[k])
            and (_line_gap(runs[k - 1], runs[k], ta, tb)
                 or (texts is not None and _own_words(runs[k - 1], runs[k], ta, tb, texts)))]
    if not cuts:
        return [f]
    bounds = [0, *cuts, len(runs)]
    groups = [runs[s:e] for s, e in zip(bounds, bounds[1:])]
    while len(groups) > 1:
        pieces = [_piece(g, ta, f) for g in groups]
        bad = next((k for k, p in enumerate(pieces) if not keep(p)), None)
        if bad is None:
            return pieces
        into = bad - 1 if bad > 0 else 1
        lo, hi = min(bad, into), max(bad, into)
        groups[lo : hi + 1] = [groups[lo] + groups[hi]]
    return [f]


def _regain(chain: list[tuple[int, int, int]], keys_a: list, keys_b: list, ta: Tokens, tb: Tokens,
            a_lo: int, b_lo: int) -> list[tuple[int, int, int]]:
    """Extend the chain's first and last runs over matching words up to the sentence's start and
    end. In a copy whose sentences were reordered, the run of one sentence often takes the first
    word of the next ("... the water. The"), which :func:`_snap` then cuts off: that sentence's
    own passage began at its second word. Words matched by an earlier pass are masked (their
    keys never match), and no sentence boundary is crossed, so nothing :func:`_snap` removed
    comes back. Going back over a dateline's or a label's end (:func:`_past_labels` took the words
    before it off) reaches the start of the line in both texts or stops after it: a label both
    texts give whole ("Fenmore Central:" on a copied table's line) is copied, the agency of two
    datelines that differ before it ("HOLLSTAD (MNA)" and "HOLLSTAD, Jan 12 (MNA) -") is not."""
    ea, eb = ta.sentence_end, tb.sentence_end
    i0, j0, n = chain[0]
    i, j = i0, j0
    while (i > 0 and j > 0 and keys_a[i - 1] == keys_b[j - 1]
           and not (ea[a_lo + i - 1] or eb[b_lo + j - 1])):
        i, j = i - 1, j - 1
    if not (ta.line_start[a_lo + i] and tb.line_start[b_lo + j]):
        cuts = [d for d in range(i0 - i) if ta.cut_after[a_lo + i + d] or tb.cut_after[b_lo + j + d]]
        if cuts:
            i, j = i + cuts[-1] + 1, j + cuts[-1] + 1
    chain = [(i, j, n + i0 - i), *chain[1:]]
    i, j, n = chain[-1]
    while (i + n < len(keys_a) and j + n < len(keys_b) and keys_a[i + n] == keys_b[j + n]
           and not (ea[a_lo + i + n - 1] or eb[b_lo + j + n - 1])):
        n += 1
    return [*chain[:-1], (i, j, n)]


def _is_figure(key: object) -> bool:
    # "4.2", "2,300", "$5" and "10km" normalise to keys that start with a digit; "covid19" or "g7" are words
    return isinstance(key, str) and (key[:1].isdigit() or key in _NUMBER_WORDS)


def anchored_words(run: Sequence[object], lists: bool = True) -> int:
    """Words of one run of matching keys that count as evidence of copying: those in stretches of
    at least ANCHOR_RUN words once each figure and the FIGURE_UNIT words after it are taken out.
    "found that 44 per cent thought" shares facts, not wording: it gives 0. A run of LIST_RUN or
    more words counts whole, figures included: a results table or a list of figures copied as it
    stood, which the figures and their units would otherwise cut into pieces too short to count
    (not with ``lists`` false: a table in columns, :func:`_in_columns`)."""
    if lists and len(run) >= LIST_RUN:
        return len(run)
    count = stretch = skip = 0
    for key in run:
        if _is_figure(key):
            skip = FIGURE_UNIT
        elif skip:
            skip -= 1
        else:
            stretch += 1
            continue
        count += stretch if stretch >= ANCHOR_RUN else 0
        stretch = 0
    return count + (stretch if stretch >= ANCHOR_RUN else 0)


def _shared_runs(keys_a: list, keys_b: list, n: int = ANCHOR_RUN) -> int:
    """How many runs of ``n`` consecutive keys of ``keys_a`` also occur in ``keys_b``."""
    grams = {tuple(keys_b[k : k + n]) for k in range(len(keys_b) - n + 1)}
    return sum(tuple(keys_a[k : k + n]) in grams for k in range(len(keys_a) - n + 1))


def heading_end(t: Tokens) -> int:
    """Where ``t``'s headings end: its words before this index are the lines of at most
    HEADING_WORDS words that end no sentence, at the top of the text before any line that does
    (extracted pages often open with their headline, a kicker above it). Independent reports of
    one event give it nearly the same headline ("Mayor resigns over expenses claims, says she was
    hounded out"), short and formulaic, so a shared headline is no evidence of copying; a copied
    story is copied below its headline too. Short lines further down (a copied list, a table's
    rows) are text like any other."""
    end = 0
    for hi in [*np.flatnonzero(t.line_start[1:]) + 1, len(t)]:
        if hi - end > HEADING_WORDS or t.sentence_end[end:hi].any():
            break
        end = int(hi)
    return end


def _in_name(t: Tokens, g: int) -> bool:
    """Word ``g`` of ``t`` is part of a name: it and a word next to it in the same sentence and line
    are capitalised, and one of the two does not open a sentence, a line or what follows a
    dateline or a label ("Arvid Kessel", "the State Security Committee", "Hadley Cross"; not "In"
    before a lower-case word, nor "The" after "TARN (CWS) -"). Only where its sentence has a word
    in lower case: in a line written in capitals or in title case, capitals mark no names."""
    if not t.capital[g]:
        return False

    def opens(k: int) -> bool:
        return k == 0 or bool(t.sentence_end[k - 1] or t.line_start[k] or t.cut_after[k - 1])

    return (any(0 <= h - 1 and h < len(t) and t.capital[h - 1] and t.capital[h] and not opens(h) for h in (g, g + 1))
            and _lower_case_in_sentence(t, g))


def _lower_case_in_sentence(t: Tokens, g: int, reach: int = CASE_REACH) -> bool:
    """Some word of the sentence (and line) holding word ``g`` of ``t``, at most ``reach`` words
    away, begins with a lower-case letter (a figure does not count; a bounded look: a text may
    have no full stop or line break at all)."""
    k = g
    while k > max(0, g - reach) and not (t.sentence_end[k - 1] or t.line_start[k]):
        k -= 1
    while k < min(len(t), g + reach + 1):
        if not t.capital[k] and t.norms[k][:1].isalpha():
            return True
        if t.sentence_end[k] or (k + 1 < len(t) and t.line_start[k + 1]):
            return False
        k += 1
    return False


def _a_table(run: Sequence[object]) -> bool:
    """A run of LIST_RUN words or more with a figure in it: a copied table or list of figures, which
    counts whole (:func:`anchored_words`). A long run of names without figures (twenty signatories
    of one letter, a team's line-up) is what every report of the letter or the match lists."""
    return len(run) >= LIST_RUN and any(map(_is_figure, run))


def _in_columns(t: Tokens, x: int, n: int) -> bool:
    """Words ``x`` to ``x + n`` of ``t`` lie in a table in columns: every line they touch has no word in
    lower case, and two or more of those lines are rows holding COLUMN_FIGURES figures in a row
    ("1. Orsund FK 14 10 3 1 33"). Standings, a timetable or a results grid printed as a table are
    the same words in every outlet that prints them; a list written in sentences ("Harrowby: Civic
    Alliance 7,615 (41.9%), Labour Union ...") has its writer's order, words and punctuation."""
    if n <= 0:
        return False
    lo, hi = x, x + n
    while lo > 0 and not t.line_start[lo]:
        lo -= 1
    while hi < len(t) and not t.line_start[hi]:
        hi += 1
    rows = 0
    in_row = figures = 0
    for k in range(lo, hi + 1):
        if k == hi or (k > lo and t.line_start[k]):
            rows += in_row >= COLUMN_FIGURES
            in_row = figures = 0
            if k == hi:
                break
        if not t.capital[k] and t.norms[k][:1].isalpha():
            return False
        figures = figures + 1 if _is_figure(t.norms[k]) else 0
        in_row = max(in_row, figures)
    return rows >= 2


def _without_names(run: Sequence[object], names: Sequence[bool]) -> int:
    """:func:`anchored_words` of a run once its names are taken out (each piece between names
    counted on its own); a table (:func:`_a_table`) counts whole, as there."""
    if _a_table(run):
        return len(run)
    count, piece = 0, []
    for key, name in zip([*run, None], [*names, True]):
        if name:
            count += anchored_words(piece)
            piece = []
        else:
            piece.append(key)
    return count


def _evidence(f: Fragment, ta: Tokens, tb: Tokens, heads_a: int, heads_b: int, enough: int | None = None) -> int:
    """``f``'s anchored words (see :func:`anchored_words`) outside runs that lie in the headings of
    both texts (:func:`heading_end`), and not counting names that both texts give (:func:`_in_name`):
    independent reports of one event list the same people in the order they were announced ("The
    six ministers are Arvid Kessel at finance, Lena Morrow at ..." and "The new ministers are:
    Arvid Kessel (finance), Lena Morrow (interior), ..."), and the few words between the names
    are no evidence of copying, as figures are not, however long the list (a letter's twenty
    signatories); only a table with figures counts whole (:func:`_a_table`). Copied prose keeps
    runs of its other words.

    With ``enough``, a lower bound is returned as soon as it reaches ``enough``: every word
    capitalised in both texts taken for a name (a superset of names, read without looking at
    sentences). A long copy clears it at once; names are looked up only where it is close."""
    for exact in ((False, True) if enough is not None else (True,)):
        lost = 0
        for x, y, n in f.runs:
            run = ta.norms[x : x + n]
            if x + n <= heads_a and y + n <= heads_b:
                lost += anchored_words(run)
            elif _a_table(run) and _in_columns(ta, x, n) and _in_columns(tb, y, n):
                lost += anchored_words(run) - anchored_words(run, lists=False)
            elif not _a_table(run):
                if exact:
                    names = [_in_name(ta, x + k) and _in_name(tb, y + k) for k in range(n)]
                else:
                    names = (ta.capital[x : x + n] & tb.capital[y : y + n]).tolist()
                if any(names):
                    lost += anchored_words(run) - _without_names(run, names)
        if not exact and f.anchored - lost >= enough:
            break
    return f.anchored - lost


def align_region(ta: Tokens, tb: Tokens, region: tuple[int, int, int, int], *, max_gap: int = 6) -> list[Fragment]:
    """Aligned fragments of two token tables inside one token rectangle.

    One alignment is monotone: when a copy puts sentences in another order, it keeps the
    longest in-order subset and loses the rest. So the words of every anchored fragment found
    are masked and what is left is aligned again, until a pass finds no new anchored fragment
    (or what is left cannot hold one: fewer shared runs of ANCHOR_RUN words than an anchored
    fragment needs). A plain in-order copy costs one more pass over its leftovers at most.
    """
    a_lo, a_hi, b_lo, b_hi = region
    keys_a: list = ta.norms[a_lo:a_hi]
    keys_b: list = tb.norms[b_lo:b_hi]
    out = _fragments(keys_a, keys_b, ta, tb, a_lo, b_lo, max_gap)
    need = -(-MIN_ANCHORED // ANCHOR_RUN)  # runs of ANCHOR_RUN shared words an anchored fragment has at least
    found = [f for f in out if f.anchored >= MIN_ANCHORED]
    while found:
        keys_a, keys_b = list(keys_a), list(keys_b)
        for f in found:  # masked words match nothing (the tuples differ between the two sides)
            keys_a[f.a_lo - a_lo : f.a_hi - a_lo] = [("a", k) for k in range(f.a_lo, f.a_hi)]
            keys_b[f.b_lo - b_lo : f.b_hi - b_lo] = [("b", k) for k in range(f.b_lo, f.b_hi)]
        # the words of a moved phrase's sentence share fewer runs than a passage holds; only a copy
        # split into pieces (more than one anchored fragment) can have one, a plain copy does not
        pieces = sum(g.anchored >= MIN_ANCHORED for g in out)
        if _shared_runs(keys_a, keys_b) < (need if pieces < 2 else 1):
            break
        found = []
        for f in _fragments(keys_a, keys_b, ta, tb, a_lo, b_lo, max_gap):
            k = next((k for k, g in enumerate(out) if g.anchored >= MIN_ANCHORED and _around(f, g)), None)
            if k is not None:  # the words of a moved phrase's sentence, next to it or around it
                out[k] = found_f = _with(out[k], f)
                found.append(found_f)
            elif f.anchored >= MIN_ANCHORED:
                found.append(f)
                out.append(f)
    return out


def _around(f: Fragment, g: Fragment) -> bool:
    """``f`` is the rest of the sentence that ``g``, a phrase moved within it, was taken from: it
    holds ``g`` in one text and meets it (at most one word between) in the other (it was chained
    across the phrase there, see :func:`_masked_gap`), or, too short to be a passage of its own and
    so left out of the copy, meets it in both, before it in one and after it in the other ("The
    mine has not made a profit since 2024, according to its accounts." and "According to its
    accounts, the mine did not make profit since 2024."). A passage of its own met so is a part of
    a reordered copy, and stays one."""
    def before(hi: int, lo: int) -> bool:
        return 0 <= lo - hi <= 1

    holds_a, holds_b = f.a_lo < g.a_lo and g.a_hi < f.a_hi, f.b_lo < g.b_lo and g.b_hi < f.b_hi
    before_a, after_a = before(f.a_hi, g.a_lo), before(g.a_hi, f.a_lo)
    before_b, after_b = before(f.b_hi, g.b_lo), before(g.b_hi, f.b_lo)
    return ((holds_b and (before_a or after_a)) or (holds_a and (before_b or after_b))
            or (f.anchored < MIN_ANCHORED and ((before_a and after_b) or (after_a and before_b))))


def _with(g: Fragment, f: Fragment) -> Fragment:
    """``g`` and ``f`` as one passage (:func:`_around`)."""
    return Fragment(min(f.a_lo, g.a_lo), max(f.a_hi, g.a_hi), min(f.b_lo, g.b_lo), max(f.b_hi, g.b_hi),
                    f.matched + g.matched, f.anchored + g.anchored, tuple(sorted(f.runs + g.runs)))


def _next_paragraphs(f: Fragment, ta: Tokens, tb: Tokens) -> list[tuple[int, int, int, int]]:
    """Regions of ``f`` with the paragraph (line) after it, and with the one before it, in both
    texts, where ``f`` is an anchored passage ending (or starting) at a line's end (or start) in
    both: copying goes paragraph by paragraph, and a neighbouring paragraph translated there and
    back, or heavily reworded, may have no window that collides, nor lie within the margin of the
    candidate region (each paragraph is at most PARAGRAPH_REACH words: a longer one is taken that
    far, and a passage reaching its end goes on from there)."""
    if f.anchored < MIN_ANCHORED:
        return []

    def after(t: Tokens, k: int) -> int:
        stop = min(len(t), k + PARAGRAPH_REACH)
        k += 1
        while k < stop and not t.line_start[k]:
            k += 1
        return k

    def before(t: Tokens, k: int) -> int:
        stop = max(0, k - PARAGRAPH_REACH)
        k -= 1
        while k > stop and not t.line_start[k]:
            k -= 1
        return k

    out = []
    if f.a_hi < len(ta) and f.b_hi < len(tb) and ta.line_start[f.a_hi] and tb.line_start[f.b_hi]:
        out.append((f.a_lo, after(ta, f.a_hi), f.b_lo, after(tb, f.b_hi)))
    if f.a_lo > 0 and f.b_lo > 0 and ta.line_start[f.a_lo] and tb.line_start[f.b_lo]:
        out.append((before(ta, f.a_lo), f.a_hi, before(tb, f.b_lo), f.b_hi))
    return out


def _touch(f: Fragment, g: Fragment, gap: int) -> bool:
    return f.a_lo <= g.a_hi + gap and g.a_lo <= f.a_hi + gap and f.b_lo <= g.b_hi + gap and g.b_lo <= f.b_hi + gap


def align_tokens(
    ta: Tokens,
    tb: Tokens,
    regions: Sequence[tuple[int, int, int, int]],
    *,
    max_gap: int = 6,
) -> list[Fragment]:
    """All fragments of a pair: aligned per region, then fragments found twice (by overlapping
    regions) or lying next to each other in both texts are re-aligned as one span so that every
    shared passage is reported once."""
    found = {f for r in regions for f in align_region(ta, tb, r, max_gap=max_gap)}
    seen = set(regions)
    new = found
    while new:  # the paragraphs next to passages that fill theirs in both texts
        todo = {r for f in new for r in _next_paragraphs(f, ta, tb)} - seen
        seen |= todo
        new = {f for r in todo for f in align_region(ta, tb, r, max_gap=max_gap)} - found
        found |= new
    frags = sorted(found, key=lambda f: (f.a_lo, f.b_lo, f.a_hi, f.b_hi))
    for _ in range(3):
        merged: list[Fragment] = []
        touched = False
        for f in frags:
            for k, g in enumerate(merged):
                if _touch(f, g, max_gap):
                    merged[k] = Fragment(min(f.a_lo, g.a_lo), max(f.a_hi, g.a_hi), min(f.b_lo, g.b_lo),
                                         max(f.b_hi, g.b_hi), -1)
                    touched = True
                    break
            else:
                merged.append(f)
        if not touched:
            break
        frags = []
        for g in merged:
            if g.matched >= 0:
                frags.append(g)
            else:
                frags.extend(align_region(ta, tb, (g.a_lo, g.a_hi, g.b_lo, g.b_hi), max_gap=max_gap))
        frags = sorted(set(frags), key=lambda f: (f.a_lo, f.b_lo, f.a_hi, f.b_hi))
    return _joined(_moved_phrases(frags, ta, tb))


def _stems(keys: Sequence[object]) -> set[str]:
    """The words of ``keys`` cut to their first STEM_CHARS letters (figures whole): a crude stem
    under which "leaked" and "leak", "fertiliser" and "fertilisers" are one word."""
    return {k if _is_figure(k) else k[:STEM_CHARS] for k in keys if isinstance(k, str)}


def _alike(keys_a: Sequence[object], keys_b: Sequence[object], least: float) -> int:
    """How many stems (:func:`_stems`) two word sequences share when that is at least ``least`` of
    their stems (Dice) and at least BAG_MIN_SHARED, else 0: the words of a sentence translated there
    and back, in another order and partly replaced by synonyms."""
    sa, sb = _stems(keys_a), _stems(keys_b)
    shared = len(sa & sb)
    return shared if shared >= BAG_MIN_SHARED and 2 * shared >= least * (len(sa) + len(sb)) else 0


def _past_label(t: Tokens, lo: int, hi: int) -> int:
    """``lo``, or the word after a dateline's or a label's dash or colon among the first LABEL_WORDS
    words of ``t[lo:hi]`` when ``lo`` starts a line ("SKELDA (LWN) -")."""
    if not t.line_start[lo]:
        return lo
    for k in range(lo, min(hi, lo + LABEL_WORDS)):
        if t.cut_after[k]:
            return k + 1
        if t.sentence_end[k]:
            break
    return lo


def _paragraph_before(t: Tokens, k: int, floor: int) -> int:
    """Where the text before word ``k`` back to its paragraph's start begins (the whole paragraph
    before when ``k`` starts one), not before ``floor``; -1 when that is more than
    PARAGRAPH_REACH words or reaches ``floor`` inside a paragraph."""
    lo = k - 1
    while lo > floor and not t.line_start[lo] and k - lo <= PARAGRAPH_REACH:
        lo -= 1
    return lo if lo >= floor and t.line_start[lo] and k - lo <= PARAGRAPH_REACH else -1


def _paragraph_after(t: Tokens, k: int, ceiling: int) -> int:
    """Where the text from word ``k`` to its paragraph's end ends (exclusive; the whole paragraph
    after when ``k`` starts one), not after ``ceiling``; -1 when that is more than PARAGRAPH_REACH
    words or reaches ``ceiling`` inside a paragraph."""
    hi = k + 1 if k < len(t) and t.line_start[k] else k
    while hi < min(ceiling, len(t)) and not t.line_start[hi] and hi - k <= PARAGRAPH_REACH:
        hi += 1
    ends = hi == len(t) or (hi <= ceiling and bool(t.line_start[hi]))
    return hi if ends and hi - k <= PARAGRAPH_REACH else -1


def _grown(frags: list[Fragment], ta: Tokens, tb: Tokens,
           fixed: Callable[[Fragment], bool] = lambda f: False) -> list[Fragment]:
    """Anchored fragments taken over the rest of their paragraphs, and over whole paragraphs next
    to them, where both texts have such text and its words are alike (:func:`_alike`, in any
    order, at least BAG_SIMILARITY): a story translated there and back keeps few runs of three
    words, so only some of its sentences are found, but its sentences keep most of their words and
    its paragraphs their place next to the found ones. The gap between two fragments that follow
    each other in both texts, within one paragraph of each, needs GAP_SIMILARITY only: the sentence
    between two copied ones, reworded. No text another fragment holds is taken, nor a dateline, nor
    text past a verbatim passage in another paragraph (:func:`_other_paragraphs`).
    Fragments that ``fixed`` accepts do not grow: one too weak to be a passage by itself, which
    words alike around it would make one, and a quotation both texts share, which is no copy (the
    reports around it tell the same facts in words of their own)."""
    anchored = sorted((f for f in frags if f.anchored >= MIN_ANCHORED and f.score < REWORDED and not fixed(f)),
                      key=lambda f: (f.a_lo, f.b_lo))
    others = [f for f in frags if f not in anchored]
    out: list[Fragment] = []
    for f in anchored:  # bridge reworded sentences between fragments in order
        g = out[-1] if out else None
        if (g is not None and g.a_hi < f.a_lo and g.b_hi < f.b_lo
                and not ta.line_start[g.a_hi + 1 : f.a_lo].any() and not tb.line_start[g.b_hi + 1 : f.b_lo].any()):
            shared = _alike(ta.norms[g.a_hi : f.a_lo], tb.norms[g.b_hi : f.b_lo], GAP_SIMILARITY)
            if shared:
                out[-1] = Fragment(g.a_lo, f.a_hi, g.b_lo, f.b_hi, g.matched + f.matched + shared,
                                   g.anchored + f.anchored, g.runs + f.runs)
                continue
        out.append(f)
    held = [f for f in others if f.anchored >= MIN_ANCHORED]  # passages that do not grow: verbatim copies
    for n, f in enumerate(out):
        rest = out[:n] + out[n + 1 :] + [g for g in held if _other_paragraphs(f, g, ta, tb)]
        floor_a = max([g.a_hi for g in rest if g.a_hi <= f.a_lo], default=0)
        floor_b = max([g.b_hi for g in rest if g.b_hi <= f.b_lo], default=0)
        ceil_a = min([g.a_lo for g in rest if g.a_lo >= f.a_hi], default=len(ta))
        ceil_b = min([g.b_lo for g in rest if g.b_lo >= f.b_hi], default=len(tb))
        while True:
            lo_a, lo_b = _paragraph_before(ta, f.a_lo, floor_a), _paragraph_before(tb, f.b_lo, floor_b)
            if lo_a >= 0 and lo_b >= 0:
                lo_a, lo_b = _past_label(ta, lo_a, f.a_lo), _past_label(tb, lo_b, f.b_lo)
                shared = _alike(ta.norms[lo_a : f.a_lo], tb.norms[lo_b : f.b_lo], BAG_SIMILARITY)
                if shared:
                    f = replace(f, a_lo=lo_a, b_lo=lo_b, matched=f.matched + shared)
                    continue
            break
        while True:
            hi_a, hi_b = _paragraph_after(ta, f.a_hi, ceil_a), _paragraph_after(tb, f.b_hi, ceil_b)
            if hi_a > f.a_hi and hi_b > f.b_hi:
                shared = _alike(ta.norms[f.a_hi : hi_a], tb.norms[f.b_hi : hi_b], BAG_SIMILARITY)
                if shared:
                    f = replace(f, a_hi=hi_a, b_hi=hi_b, matched=f.matched + shared)
                    continue
            break
        out[n] = f
    return sorted(out + others, key=lambda f: (f.a_lo, f.b_lo, f.a_hi, f.b_hi))


def _other_paragraphs(f: Fragment, g: Fragment, ta: Tokens, tb: Tokens) -> bool:
    """``g`` lies wholly before or wholly after ``f`` with a line break between them in both texts.
    A verbatim passage in another paragraph bounds a reworded one's growth (:func:`_grown`): the
    paragraph it holds was copied as it stands, and what only one text has there (a sentence the
    copier dropped at its end) was not copied. Within one paragraph the reworded passage still
    reaches it: a clause cut between the two was part of the copied sentence."""
    if g.a_hi <= f.a_lo and g.b_hi <= f.b_lo:
        return bool(ta.line_start[g.a_hi : f.a_lo + 1].any()) and bool(tb.line_start[g.b_hi : f.b_lo + 1].any())
    if f.a_hi <= g.a_lo and f.b_hi <= g.b_lo:
        return bool(ta.line_start[f.a_hi : g.a_lo + 1].any()) and bool(tb.line_start[f.b_hi : g.b_lo + 1].any())
    return False


def _joined(frags: list[Fragment]) -> list[Fragment]:
    """Anchored fragments that meet exactly in both texts, in the same order, as one: a phrase
    moved within a sentence (a translation back into English) splits one monotone alignment in
    two, and once the phrase is given back (:func:`_moved_phrases`) the two pieces are one copied
    stretch with nothing between them in either text, which was reported as two passages."""
    out: list[Fragment] = []
    for f in sorted(frags, key=lambda f: (f.a_lo, f.b_lo, f.a_hi, f.b_hi)):
        g = out[-1] if out else None
        if (g is not None and g.a_hi == f.a_lo and g.b_hi == f.b_lo
                and min(g.anchored, f.anchored) >= MIN_ANCHORED):
            out[-1] = Fragment(g.a_lo, f.a_hi, g.b_lo, f.b_hi, g.matched + f.matched, g.anchored + f.anchored,
                               g.runs + f.runs)
        else:
            out.append(f)
    return out


def _moved_phrases(frags: list[Fragment], ta: Tokens, tb: Tokens) -> list[Fragment]:
    """Fragments with the phrases moved between them given back. When a phrase of ANCHOR_RUN or
    more words lies between two passages of one text, next to both, and the other text has it
    unmatched inside one of them, the phrase was moved within the copied stretch ("when divers
    for the first time in eleven years examined ..." for "when divers examined ... for the first
    time in eleven years"), as a translation back into English moves it. One monotone alignment
    cannot match it, and it is too short to be a passage of its own: it goes to the passage that
    holds it in the other text, which now reaches the one before it."""
    out = list(frags)
    for flip in (False, True):  # phrases between passages of b, then of a
        view = [_flipped(f) for f in out] if flip else out
        here, there = (ta, tb) if flip else (tb, ta)
        order = sorted((k for k, f in enumerate(view) if f.anchored >= MIN_ANCHORED), key=lambda k: view[k].b_lo)
        for k, m in zip(order, order[1:]):
            f, g = view[k], view[m]
            gap = here.norms[f.b_hi : g.b_lo]
            if len(gap) < ANCHOR_RUN:
                continue
            for n, h in ((m, g), (k, f)):
                taken = _unmatched_at(gap, there.norms, h)
                if taken is not None:
                    view[n] = replace(h, b_lo=f.b_hi if h is g else h.b_lo, b_hi=g.b_lo if h is f else h.b_hi,
                                      matched=h.matched + len(gap) - taken)
                    break
        out = [_flipped(f) for f in view] if flip else view
    return out


def _flipped(f: Fragment) -> Fragment:
    """``f`` with its two texts swapped."""
    return Fragment(f.b_lo, f.b_hi, f.a_lo, f.a_hi, f.matched, f.anchored, tuple((j, i, n) for i, j, n in f.runs))


def _unmatched_at(phrase: list[str], keys: list[str], f: Fragment) -> int | None:
    """Whether ``phrase`` occurs in ``keys`` inside ``f``'s span of that text (``a_lo``/``a_hi``)
    on words none of ``f``'s runs of two or more words matched (a lone word such as "the" matches
    by chance while a chain bridges the phrase): how many of its words single-word runs matched
    there, or None where it does not occur so."""
    solid = {i + t for i, _, n in f.runs if n > 1 for t in range(n)}
    lone = {i for i, _, n in f.runs if n == 1}
    size = len(phrase)
    for p in range(f.a_lo, f.a_hi - size + 1):  # the first word before a slice: gaps can be long
        if keys[p] == phrase[0] and keys[p : p + size] == phrase and not solid.intersection(range(p, p + size)):
            return len(lone.intersection(range(p, p + size)))
    return None


def align_pair(
    text_a: str,
    text_b: str,
    regions: Sequence[tuple[int, int, int, int]],
    *,
    min_chars: int = 50,
    min_score: float = 0.5,
    max_gap: int = 6,
    min_anchored: int = MIN_ANCHORED,
    tokens_a: Tokens | None = None,
    tokens_b: Tokens | None = None,
) -> list[tuple[int, int, int, int, float]]:
    """Shared passages of two texts as ``(a_start, a_end, b_start, b_end, score)`` character
    offsets into the original texts, restricted to the candidate token ``regions``.

    A passage is kept when both sides are at least ``min_chars`` characters long and its word
    similarity is at least ``min_score``. Pass the token tables if already computed; they must
    come from :func:`tokenize` on the same texts.
    """
    ta = tokens_a if tokens_a is not None else tokenize(text_a)
    tb = tokens_b if tokens_b is not None else tokenize(text_b)
    # Most candidates of a low --similarity are chance: regions sharing fewer runs of ANCHOR_RUN
    # words than a passage of min_anchored anchored words holds. Aligning them is most of the
    # time spent and finds nothing that is kept, so they are not aligned.
    need = -(-min_anchored // ANCHOR_RUN)
    if sum(_shared_runs(ta.norms[a0:a1], tb.norms[b0:b1]) for a0, a1, b0, b1 in regions) < need:
        return []

    def chars(f: Fragment) -> tuple[int, int, int, int]:
        return int(ta.starts[f.a_lo]), int(ta.ends[f.a_hi - 1]), int(tb.starts[f.b_lo]), int(tb.ends[f.b_hi - 1])

    heads_a, heads_b = heading_end(ta), heading_end(tb)

    def keep(f: Fragment) -> bool:
        a_start, a_end, b_start, b_end = chars(f)
        return (min(a_end - a_start, b_end - b_start) >= min_chars and f.score >= min_score
                and f.anchored >= min_anchored and _evidence(f, ta, tb, heads_a, heads_b, min_anchored) >= min_anchored)

    flags: list[np.ndarray] = []  # per text, whether each word is quoted: found when first asked

    def quoted() -> tuple[np.ndarray, np.ndarray]:
        if not flags:
            flags.extend((_in_regions(ta, quotation_regions(text_a)), _in_regions(tb, quotation_regions(text_b))))
        return flags[0], flags[1]

    def quotation(f: Fragment) -> bool:
        """Both sides of ``f`` are a quotation: its evidence (words in runs of ANCHOR_RUN or more)
        lies inside quotation marks or the words attributing them (:func:`quotation_regions`),
        but for fewer than ``min_anchored`` words of evidence in each text (:func:`_unquoted_evidence`).
        What a chain took in around the quotation one, two or three words at a time ("and the
        town", "the winter" before it), or figures with their units, is chance or shared facts
        between two reports' own sentences; a copy keeps more of the copied article's words. A name
        both texts give, inside a quotation or its attribution in one, is no evidence in the other
        either: one report names the speaker in the sentence before the quotation ("Transport
        Minister Karel Novak said the government would ..."), the other after it as its
        attribution ('...," Transport Minister Karel Novak said.')."""
        quoted_a, quoted_b = quoted()
        inside_a = inside_b = outside_a = outside_b = 0
        for x, y, n in f.runs:
            if n >= ANCHOR_RUN:
                inside_a += int(quoted_a[x : x + n].sum())
                inside_b += int(quoted_b[y : y + n].sum())
                in_a, in_b = quoted_a[x : x + n], quoted_b[y : y + n]
                if (in_a != in_b).any():  # a speaker's name that only one text gives in a quotation's attribution
                    names = np.fromiter((_in_name(ta, x + k) and _in_name(tb, y + k) for k in range(n)), bool, n)
                    in_a, in_b = in_a | (in_b & names), in_b | (in_a & names)
                outside_a += _unquoted_evidence(ta.norms[x : x + n], in_a)
                outside_b += _unquoted_evidence(tb.norms[y : y + n], in_b)
        return min(inside_a, inside_b) >= min_anchored and max(outside_a, outside_b) < min_anchored

    def quoted_part(f: Fragment) -> Fragment:
        """``f`` cut to its words inside quotations and their attributions, in both texts, with its
        runs cut to them too: a run that goes on past the quotation's attribution into the next
        sentence ('... said board chair Agnes Lindqvist. Work will start in June.') counts only
        its words inside, so the cut passage's similarity is that of its own words."""
        quoted_a, quoted_b = quoted()
        a = np.flatnonzero(quoted_a[f.a_lo : f.a_hi]) + f.a_lo
        b = np.flatnonzero(quoted_b[f.b_lo : f.b_hi]) + f.b_lo
        a_lo, a_hi, b_lo, b_hi = int(a[0]), int(a[-1]) + 1, int(b[0]), int(b[-1]) + 1
        runs = []
        for x, y, n in f.runs:
            lo, hi = max(0, a_lo - x, b_lo - y), min(n, a_hi - x, b_hi - y)
            if lo < hi:
                runs.append((x + lo, y + lo, hi - lo))
        return replace(f, a_lo=a_lo, a_hi=a_hi, b_lo=b_lo, b_hi=b_hi,
                       matched=sum(n for _, _, n in runs) or f.matched, runs=tuple(runs) or f.runs)

    out = []
    kept = []
    fixed = lambda f: not keep(f) or quotation(f)  # noqa: E731
    for f in _joined(_grown(align_tokens(ta, tb, regions, max_gap=max_gap), ta, tb, fixed)):
        if keep(f):
            if quotation(f):
                f = quoted_part(f)
            else:
                kept.append(f)
            out += [(*chars(piece), round(piece.score, 6)) for piece in split_at_lines(f, ta, tb, keep, (text_a, text_b))]
    out += [(*chars(f), 1.0) for f in _sentences_beside(kept, ta, tb)
            if min(chars(f)[1] - chars(f)[0], chars(f)[3] - chars(f)[2]) >= min_chars]
    taken = [(x0, x1, y0, y1) for x0, x1, y0, y1, _ in out]
    out += [(*chars(f), 1.0) for f in _short_sentences_beside(kept, ta, tb)
            if not any(chars(f)[0] < x1 and x0 < chars(f)[1] or chars(f)[2] < y1 and y0 < chars(f)[3]
                       for x0, x1, y0, y1 in taken)]
    return sorted(out)


def _paragraph_of(t: Tokens, k: int) -> tuple[int, int]:
    """The words of the paragraph (line) holding word ``k`` of ``t``."""
    lines = np.flatnonzero(t.line_start)
    i = int(np.searchsorted(lines, k, side="right")) - 1
    return int(lines[i]) if i >= 0 else 0, int(lines[i + 1]) if i + 1 < len(lines) else len(t)


def _sentences_of(t: Tokens, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentences of words ``lo`` to ``hi`` of ``t`` (one paragraph), as word ranges."""
    out, start = [], lo
    for k in range(lo, hi):
        if t.sentence_end[k] or k == hi - 1:
            out.append((start, k + 1))
            start = k + 1
    return out


def _sentences_beside(kept: Sequence[Fragment], ta: Tokens, tb: Tokens) -> list[Fragment]:
    """Whole sentences of at least MIN_ANCHORED words that both texts give word for word, in
    paragraphs where both hold copied passages (``kept``) and outside them: a sentence of a copied
    paragraph moved to another place in it ("A petition has collected 2,100 signatures in ten
    days." from its end to its start) whose figures leave it too few anchored words to be a
    passage alone. Beside copied text it is copied too; alone it would be a shared fact."""
    if not kept:
        return []
    paras_a = {_paragraph_of(ta, k) for f in kept for k in (f.a_lo, f.a_hi - 1)}
    paras_b = {_paragraph_of(tb, k) for f in kept for k in (f.b_lo, f.b_hi - 1)}

    def free(t: Tokens, paras: set[tuple[int, int]], spans: list[tuple[int, int]]) -> dict[tuple, tuple[int, int]]:
        out = {}
        for lo, hi in paras:
            for s, e in _sentences_of(t, lo, hi):
                if e - s >= MIN_ANCHORED and all(e <= x or y <= s for x, y in spans):
                    out.setdefault(tuple(t.norms[s:e]), (s, e))
        return out

    in_a = free(ta, paras_a, [(f.a_lo, f.a_hi) for f in kept])
    in_b = free(tb, paras_b, [(f.b_lo, f.b_hi) for f in kept])
    found = []
    for key, (s, e) in in_a.items():
        if key in in_b and anchored_words(key) >= ANCHOR_RUN:
            y0, _ = in_b[key]
            found.append(Fragment(s, e, y0, y0 + e - s, e - s, anchored_words(key), ((s, y0, e - s),)))
    return found


def _line_breaks(t: Tokens, lo: int, hi: int) -> int:
    """Line breaks between word ``lo - 1`` and word ``hi`` of ``t`` (``lo <= hi``)."""
    return int(t.line_start[lo : hi + 1].sum()) if hi < len(t) else int(t.line_start[lo:].sum())


def _short_sentences_beside(kept: Sequence[Fragment], ta: Tokens, tb: Tokens) -> list[Fragment]:
    """Whole sentences of SHORT_WORDS or more words, at least ANCHOR_RUN of them evidence, that
    each text has once, word for word, outside the copied passages (``kept``), and that stand
    right after (or before) the same copied passage in both, with at most SHORT_REACH line breaks
    between: a one-line sentence a copier took with the paragraphs around it ("Tickets go on sale
    on Friday."), perhaps after leaving out a paragraph. It is too short for ``min_chars`` or too
    few words to be a passage alone, and alone it would be a commonplace (a name "declined to
    comment"); where it stands, beside the copy, it is part of it."""
    if not kept:
        return []

    def whole(t: Tokens, spans: list[tuple[int, int]]) -> dict[tuple, list[tuple[int, int]]]:
        """The sentences of the lines within SHORT_REACH lines of ``spans``, outside them, by their words."""
        out: dict[tuple, list[tuple[int, int]]] = {}
        lines = [*np.flatnonzero(t.line_start).tolist(), len(t)]
        near = {i for lo, hi in spans
                for i in range(max(0, bisect_right(lines, lo) - 1 - SHORT_REACH),
                               min(len(lines) - 1, bisect_right(lines, hi - 1) + SHORT_REACH))}
        for i in sorted(near):
            for s, e in _sentences_of(t, lines[i], lines[i + 1]):
                if e - s >= SHORT_WORDS and all(e <= x or y <= s for x, y in spans):
                    out.setdefault(tuple(t.norms[s:e]), []).append((s, e))
        return out

    in_a = whole(ta, [(f.a_lo, f.a_hi) for f in kept])
    in_b = whole(tb, [(f.b_lo, f.b_hi) for f in kept])
    found = []
    for key, places in in_a.items():
        if len(places) != 1 or len(in_b.get(key, ())) != 1 or anchored_words(key) < ANCHOR_RUN:
            continue
        (s, e), (y0, y1) = places[0], in_b[key][0]
        if any((f.a_hi <= s and f.b_hi <= y0 and _line_breaks(ta, f.a_hi, s) <= SHORT_REACH
                and _line_breaks(tb, f.b_hi, y0) <= SHORT_REACH)
               or (e <= f.a_lo and y1 <= f.b_lo and _line_breaks(ta, e, f.a_lo) <= SHORT_REACH
                   and _line_breaks(tb, y1, f.b_lo) <= SHORT_REACH) for f in kept):
            found.append(Fragment(s, e, y0, y1, e - s, anchored_words(key), ((s, y0, e - s),)))
    return found


def _in_regions(t: Tokens, regions: Sequence[tuple[int, int]]) -> np.ndarray:
    """For each word of ``t``, whether it begins inside one of the character ``regions``."""
    starts = np.asarray([s for s, _ in regions], dtype=np.int64)
    ends = np.asarray([e for _, e in regions], dtype=np.int64)
    k = np.searchsorted(starts, np.asarray(t.starts, dtype=np.int64), side="right") - 1
    return (k >= 0) & (np.asarray(t.starts) < ends[np.maximum(k, 0)]) if len(regions) else np.zeros(len(t), bool)


def _unquoted_evidence(run: Sequence[object], quoted: np.ndarray) -> int:
    """:func:`anchored_words` of the stretches of a run of matching words outside quotations (each
    stretch on its own): the words that would tie a quotation's passage to copied text. Figures and
    their units are facts two reports of one speech share around its quotations ("400 million
    crowns over five years"), as a copy's are not evidence either."""
    count, piece = 0, []
    for key, inside in zip([*run, None], [*quoted.tolist(), True]):
        if inside:
            count += anchored_words(piece)
            piece = []
        else:
            piece.append(key)
    return count


def _stretches(flags: np.ndarray) -> int:
    """Words in stretches of ANCHOR_RUN or more consecutive true ``flags``."""
    count = stretch = 0
    for flag in [*flags.tolist(), False]:
        if flag:
            stretch += 1
        else:
            count += stretch if stretch >= ANCHOR_RUN else 0
            stretch = 0
    return count


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` inside quotation marks (the marks included), disjoint and in
    order: double quotes (straight, curly, low-9 or guillemets) and single quotes (straight or
    curly, as British and many other outlets quote). Marks pair up within a paragraph; one left
    open runs to the paragraph's end, as a quotation continued into the next paragraph does.
    Single quotes are also apostrophes ("won't", "the farmers' union"), so they are read by
    where they stand: see :func:`single_quoted`."""
    regions = []
    start = 0
    for end in [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        open_at = None
        for m in _QUOTE_MARK.finditer(text, start, end):
            if open_at is None:
                open_at = m.start()
            else:
                regions.append((open_at, m.end()))
                open_at = None
        if open_at is not None:
            regions.append((open_at, end))
        regions.extend(single_quoted(text, start, end))
        start = end
    return merge_intervals(regions)  # a single-quoted phrase inside a double-quoted one, or the reverse


def single_quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Single-quoted ranges (marks included) of the paragraph ``text[start:end]``. An apostrophe inside a word
    ("won't", "Valdoria's") neither opens nor closes. A quotation opens with a mark at the start
    of a word followed by a letter; it closes at a mark after ``.,!?;:`` (`` 'So be it.' ``,
    `` 'We wait,' she said``) or after a letter and before such punctuation. A mark after a
    letter and before a space may be a plural possessive ("the farmers' union"): it closes the
    quotation only when no surer closing mark comes before the next opening one or the
    paragraph's end (`` 'a disgrace' and ...``).

    A mark before a digit opens a quotation (`` '2026 will be the year ...,' he said``) only
    when such a sure closing mark follows before any other opening mark: it is as often a
    year cut short ("the '90s", "the summer of '69"), which closes nothing. A mark a CMS left as an
    HTML entity ("&#8216;", "&rsquo;", "&#39;") is read as the mark it stands for."""
    regions = []
    open_at = weak = None
    tentative = False  # open_at is a mark before a digit, not yet closed
    for m in _SINGLE_MARK.finditer(text, start, end):
        i, after = m.start(), m.end()
        mark, prev = html.unescape(m.group()), text[i - 1] if i > start else " "
        nxt = text[after] if after < end else " "
        at_word_start = mark != "\u2019" and (prev.isspace() or prev in _OPENS_AFTER)
        opens = at_word_start and nxt.isalpha()
        if open_at is None:
            if opens or (at_word_start and nxt.isdigit()):
                open_at, weak, tentative = i, None, not opens
            continue
        if mark != "\u2018" and ((prev in _CLOSES_AFTER and (nxt.isspace() or nxt in _CLOSES_BEFORE))
                                  or (prev.isalnum() and nxt in _CLOSES_AFTER)):
            regions.append((open_at, after))
            open_at = None
        elif opens and tentative:  # the digit was a shortened year: the quotation opens here
            open_at, weak, tentative = i, None, False
        elif opens and weak is not None:
            regions.append((open_at, weak))
            open_at, weak = i, None
        elif mark != "\u2018" and prev.isalnum() and nxt.isspace() and weak is None:
            weak = after  # where the quotation ends if this mark closes it
    if open_at is not None and not tentative:
        regions.append((open_at, end if weak is None else weak))
    return regions


# The words that attribute a quotation in its own sentence ("..., the president said in a televised
# address on Sunday evening.", "The minister told MPs: ...") are at most this many, with a verb of saying.
ATTRIBUTION_WORDS = 14
_SAYING = re.compile(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|declared|announced|stated|insisted|"
                     r"warned|explained|argued|claimed|replied|according)\b")
_SENTENCE_TAIL = re.compile(r"[^.!?\n\"\u201c\u201d]*?[.!?](?=[\s\"\u201d]|$)|[^.!?\n\"\u201c\u201d]*(?=\n|$)")
_SENTENCE_BREAK = re.compile(r"[.!?\n\"\u201c\u201d]")
_LEAD_IN = re.compile(r"[:,]\s*$")
_THAT = re.compile(r"\bthat\b")


@lru_cache(maxsize=1024)
def quotation_regions(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`quoted_regions` of ``text`` with the words attributing each quotation in its sentence:
    after its closing mark to the sentence's end, when the quotation does not end the sentence
    itself (it closes on a comma or a dash, or lower case follows), or before its opening mark
    from the sentence's start when they end with a colon or a comma; either at most
    ATTRIBUTION_WORDS words with a verb of saying. Independent reports of one speech often
    attribute it in the same plain words, which are part of quoting, not of copying."""
    out = []
    for start, end in quoted_regions(text):
        tail = _SENTENCE_TAIL.match(text, end)
        mark = _QUOTE_MARK.search(text, max(0, end - 9), end) if text[end - 1 : end] == ";" else None
        before = mark.start() if mark and mark.end() == end else end - 1  # the closing mark an entity?
        closes_on = text[before - 1 : before] if before >= 1 else ""
        if (tail and (closes_on in ",\u2014\u2013-" or tail.group().lstrip()[:1].islower())
                and _attribution(tail.group())):
            end = tail.end()
        head = _sentence_head(text, start)
        if _LEAD_IN.search(head) and _attribution(head):
            start -= len(head.lstrip())
        out.append((start, end))
        clause = _speech_clause(text, start)
        if clause:
            out.append(clause)
    return tuple(merge_intervals(out))


def _speech_clause(text: str, start: int) -> tuple[int, int] | None:
    """The opening of the sentence right before a quotation (``start``), in its paragraph, up to the
    "that" of a reported speech ("The minister told a press conference in Sorvik on Tuesday that"),
    when those words are at most ATTRIBUTION_WORDS with a verb of saying. Independent reports of one
    press conference introduce the quotation so; the rest of the sentence is each report's own."""
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] not in ".!?":
        return None
    head = _sentence_head(text, k - 1)
    opening = len(head) - len(head.lstrip())
    saying = _SAYING.search(head)
    that = _THAT.search(head, saying.end()) if saying else None
    if not that or not head[opening:opening + 1].isupper() or not _attribution(head[opening : that.end()]):
        return None
    lo = k - 1 - len(head)
    return lo + opening, lo + that.end()


def _sentence_head(text: str, start: int, reach: int = 200) -> str:
    """The words of ``text``'s sentence before ``start`` (at most ``reach`` characters back, after
    the last sentence end, line break or quotation mark)."""
    lo = max(0, start - reach)
    cut = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, start):
        cut = m.end()
    return text[cut:start]


def _attribution(words: str) -> bool:
    return 0 < len(words.split()) <= ATTRIBUTION_WORDS and bool(_SAYING.search(words))


def quoted_share(text: str, start: int, end: int, regions: Sequence[tuple[int, int]] | None = None,
                 shared: Collection[str] | None = None) -> float:
    """Share of the words of ``text[start:end]`` that begin inside a quotation (``regions`` from
    :func:`quoted_regions`, computed when not given; pass :func:`quotation_regions` to count the
    words attributing a quotation as part of it). With ``shared`` (matching keys, see
    :func:`.candidates.normalize`), only the words whose key is in it are counted: the words the
    other text of a passage has too. A report that quotes a speech in pieces puts words of its own
    between them ('would "not be lectured ..." and that it had been "sent the bill ..."'); another
    report quoting the same words whole does not share them, and they say nothing of copying."""
    regions = quoted_regions(text) if regions is None else regions
    starts = [s for s, _ in regions]
    words = inside = 0
    for m in _WORD.finditer(text, start, end):
        if shared is not None and normalize(m.group()) not in shared:
            continue
        words += 1
        k = bisect_right(starts, m.start()) - 1
        inside += k >= 0 and m.start() < regions[k][1]
    return inside / words if words else 0.0
