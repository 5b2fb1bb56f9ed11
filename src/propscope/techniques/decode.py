"""From per-token probabilities to character spans: pure numpy, no network.

Spans come from runs of tokens whose "any technique" probability passes a
threshold; each span gets its most probable technique and every other that is
probable enough (by the span classifier when there is one, else by the head's
mean over the span), so one span can carry several techniques and spans of
different techniques can overlap (both occur in the PTC gold). The thresholds
are an argument, not state: tuning tries many on the same probabilities, and
out-of-fold tuning decodes each fold with its own span models.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from .. import sentences as sentence_split
from ..document import Sentence, Span
from . import calibration
from .encoding import Encoded, tokens_inside
from .span_classifier import SpanClassifier, span_features

ANY = 0  # head output 0 is "any technique"; outputs 1.. follow the labels


@dataclass
class TokenProbs:
    encoded: Encoded
    probs: np.ndarray  # (n_tokens, 1 + n_labels)
    hidden: np.ndarray | None = None  # (n_tokens, hidden size) float16, for the span models
    # the same from a layer below the trained ones (``TaggerConfig.frozen_layer``): base weights, so
    # the training articles look to it like any other, as they do not to the trained top
    frozen: np.ndarray | None = None


@dataclass(frozen=True)
class Thresholds:
    span: float = 0.5  # "any technique" probability that starts a span
    technique: float | None = 0.3  # extra techniques on a span; None: only the best one
    technique_span: float | None = None  # a run where one technique alone is this probable; None: off
    span_filter: float = 0.0  # spans the span filter rates below this are dropped
    max_gap_tokens: int = 1
    min_span_chars: int = 2
    levers: tuple[str, ...] = ()  # post-processing steps (``LEVERS``), kept when cross-validation says so
    # a run longer than this is cut where a sentence starts (``sentence_cut_runs``); None: never
    max_run_chars: int | None = 600
    # a run grows over the tokens next to it that reach this, below ``span`` (``grown``); None: off
    span_extend: float | None = None

    @classmethod
    def from_config(cls, cfg) -> Thresholds:
        """Read a model config; None means "off", and so does a value above 1 (older configs)."""
        def off(v: float | None) -> float | None:
            return None if v is None or v > 1 else v

        return cls(cfg.span_threshold, off(cfg.technique_threshold), off(cfg.technique_span_threshold),
                   cfg.span_filter_threshold, cfg.max_gap_tokens, cfg.min_span_chars, tuple(cfg.levers),
                   cfg.max_run_chars, cfg.span_extend_threshold)

    def to_config(self, cfg) -> None:
        cfg.span_threshold, cfg.span_filter_threshold = self.span, self.span_filter
        cfg.technique_threshold, cfg.technique_span_threshold = self.technique, self.technique_span
        cfg.max_gap_tokens, cfg.min_span_chars = self.max_gap_tokens, self.min_span_chars
        cfg.levers = list(self.levers)
        cfg.max_run_chars = self.max_run_chars
        cfg.span_extend_threshold = self.span_extend


@dataclass
class Decoder:
    """What turns one model's token probabilities into spans: its labels, its span models and
    its calibration. ``judged`` memoises whole-span judgements per (article, span), so that
    tuning can decode the same probabilities under many thresholds cheaply."""

    labels: list[str]
    span_classifier: SpanClassifier | None = None
    span_filter: SpanClassifier | None = None
    given_classifier: SpanClassifier | None = None  # the techniques of a span a user gives (``classify``)
    span_calibration: list[float] = field(default_factory=lambda: [1.0, 0.0])
    sentence_calibration: list[float] = field(default_factory=lambda: [1.0, 0.0])
    judged: dict | None = None

    def decode(self, text: str, tp: TokenProbs, th: Thresholds) -> list[Span]:
        probs, offsets = tp.probs, tp.encoded.offsets
        spans: list[Span] = []
        starts = cache(lambda: sentence_starts(text))  # split once, and only if a run is long

        def runs_of(mask: np.ndarray) -> list[tuple[int, int]]:
            runs = paragraph_runs(mask, th.max_gap_tokens, offsets, text)
            return runs if th.max_run_chars is None else sentence_cut_runs(runs, mask, offsets, starts,
                                                                           th.max_run_chars)

        any_mask = probs[:, ANY] >= th.span
        if th.span_extend is not None and th.span_extend < th.span:
            any_mask = grown(any_mask, probs[:, ANY] >= th.span_extend)
        for a, b in runs_of(any_mask):
            start, end = snap_to_words(text, int(offsets[a, 0]), int(offsets[b - 1, 1]))
            if end - start < th.min_span_chars:
                continue
            keep, tech_p = self.judge(text, tp, start, end)
            if keep < th.span_filter:
                continue
            any_p = float(probs[a:b, ANY].mean())
            chosen = [int(np.argmax(tech_p))]
            if th.technique is not None:
                chosen += [j for j in np.flatnonzero(tech_p >= th.technique) if j != chosen[0]]
            for j in chosen:
                spans.append(self._span(text, start, end, self.labels[j], span_raw_score(any_p, float(tech_p[j]))))
        # Runs where one technique alone is confident become spans of their own, so spans of
        # different techniques can overlap partially (e.g. Repetition inside Loaded_Language).
        if th.technique_span is not None:
            for j, label in enumerate(self.labels):
                for a, b in runs_of(probs[:, 1 + j] >= th.technique_span):
                    start, end = snap_to_words(text, int(offsets[a, 0]), int(offsets[b - 1, 1]))
                    if end - start < th.min_span_chars or any(
                            s.technique == label and s.start < end and s.end > start for s in spans):
                        continue
                    if self.span_filter is not None and self.judge(text, tp, start, end)[0] < th.span_filter:
                        continue
                    raw = span_raw_score(float(probs[a:b, ANY].mean()), float(probs[a:b, 1 + j].mean()))
                    spans.append(self._span(text, start, end, label, raw))
        for lever in th.levers:
            spans = LEVERS[lever](text, spans)
        spans.sort(key=lambda s: (s.start, s.end, s.technique))
        return spans

    def _span(self, text: str, start: int, end: int, label: str, raw: float) -> Span:
        score = float(calibration.apply(self.span_calibration, raw))
        return Span(start, end, label, round(score, 4), text[start:end])

    def judge(self, text: str, tp: TokenProbs, start: int, end: int) -> tuple[float, np.ndarray]:
        """The span ``[start, end)`` as a whole: the probability that it uses a technique at all
        (the span filter's; 1 without one), and one probability per technique (the span
        classifier's; without one, the token head's mean over the span's tokens)."""
        key = (id(tp), start, end)
        if self.judged is not None and key in self.judged:
            return self.judged[key]
        offsets = tp.encoded.offsets
        inside = tokens_inside(offsets, start, end)
        if not inside.any():
            # a span inside one token or outside all tokens: use the nearest token
            if not len(offsets):
                return 1.0, np.zeros(len(self.labels), dtype=np.float32)
            inside[np.argmin(np.abs(offsets.mean(axis=1) - (start + end) / 2))] = True
        head = tp.probs[inside, 1:].mean(axis=0)
        if tp.hidden is None or (self.span_classifier is None and self.span_filter is None):
            result = (1.0, head)
        else:
            features = span_features(text, tp.hidden, tp.probs, inside, start, end, tp.frozen)
            keep = float(self.span_filter.predict(features)[1]) if self.span_filter is not None else 1.0
            result = (keep, self.span_classifier.predict(features, text[start:end]) if self.span_classifier is not None
                      else head)
        if self.judged is not None:
            self.judged[key] = result
        return result

    def classify(self, text: str, tp: TokenProbs, start: int, end: int) -> list[tuple[str, float]]:
        """Techniques for a given character span, most probable first (the TC task): by the
        given-span classifier when the model has one (``span_classifier.pooled_features``), else
        as a decoded span's."""
        tech_p = self.judge_given(text, tp, start, end)
        order = np.argsort(-tech_p, kind="stable")
        return [(self.labels[j], float(tech_p[j])) for j in order]

    def judge_given(self, text: str, tp: TokenProbs, start: int, end: int) -> np.ndarray:
        """One probability per technique for the span ``[start, end)`` as a user gives it;
        memoised in ``judged`` like ``judge``."""
        if self.given_classifier is None or tp.hidden is None or tp.frozen is None:
            return self.judge(text, tp, start, end)[1]
        key = (id(tp), start, end, "given")
        if self.judged is not None and key in self.judged:
            return self.judged[key]
        inside = tokens_inside(tp.encoded.offsets, start, end)
        if not inside.any():  # inside one token or outside all: ``judge`` picks the nearest token
            return self.judge(text, tp, start, end)[1]
        features = span_features(text, tp.hidden, tp.probs, inside, start, end, tp.frozen, pooled=True)
        result = self.given_classifier.predict(features, text[start:end])
        if self.judged is not None:
            self.judged[key] = result
        return result

    def sentence_raw(self, text: str, tp: TokenProbs) -> list[tuple[int, int, float]]:
        """Each sentence's uncalibrated score: its most confident "any technique" token."""
        offsets = tp.encoded.offsets
        out = []
        for s, e in sentence_split.split(text):
            inside = tokens_inside(offsets, s, e)
            out.append((s, e, float(tp.probs[inside, ANY].max()) if inside.any() else 0.0))
        return out

    def sentence_scores(self, text: str, tp: TokenProbs) -> list[Sentence]:
        """Calibrated sentence scores; a sentence without a letter (emoji, figures, a rule of dashes)
        scores 0: no technique lives there, yet calibration alone would give it its base rate."""
        return [Sentence(s, e, round(float(calibration.apply(self.sentence_calibration, raw)), 4)
                         if any(ch.isalpha() for ch in text[s:e]) else 0.0)
                for s, e, raw in self.sentence_raw(text, tp)]


def span_raw_score(any_p: float, technique_p: float) -> float:
    """Uncalibrated confidence that a span uses a technique: the geometric mean of "some
    technique here" and "this technique here". Platt scaling maps it to a probability."""
    return float(np.sqrt(any_p * technique_p))


def article_score(sentences: list[Sentence]) -> float:
    """The expected share of the article's sentence text that uses a technique:
    sentence probabilities weighted by sentence length."""
    total = sum(s.end - s.start for s in sentences)
    if not total:
        return 0.0
    return round(sum(s.score * (s.end - s.start) for s in sentences) / total, 4)


def runs(mask: np.ndarray, max_gap: int) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of True values, joining runs separated by at most ``max_gap``."""
    idx = np.flatnonzero(mask)
    if len(idx) == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > max_gap + 1)
    starts = np.concatenate([[idx[0]], idx[breaks + 1]])
    ends = np.concatenate([idx[breaks], [idx[-1]]]) + 1
    return list(zip(starts.tolist(), ends.tolist()))


def grown(core: np.ndarray, near: np.ndarray) -> np.ndarray:
    """``core`` widened over the ``near`` tokens touching it (hysteresis): a span starts only on
    a confident token, but its edges may lie on less confident ones. One threshold does both jobs
    badly: high, it cuts spans short of the annotators' edges; low, it starts spans anywhere."""
    both = np.concatenate([[0], (core | near).astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(both))
    out = np.zeros_like(core)
    for a, b in zip(edges[::2], edges[1::2]):
        if core[a:b].any():
            out[a:b] = True
    return out


def paragraph_runs(mask: np.ndarray, max_gap: int, offsets: np.ndarray, text: str) -> list[tuple[int, int]]:
    """``runs``, cut wherever a blank line separates two tokens: annotated spans may run
    over a line break (4% of PTC spans do) but never over a paragraph break."""
    out = []
    for a, b in runs(mask, max_gap):
        cut = a
        for i in range(a + 1, b):
            gap = text[offsets[i - 1, 1] : offsets[i, 0]]
            if gap.count("\n") >= 2:
                out.append((cut, i))
                cut = i
        out.append((cut, b))
    return [(a, b) for a, b in out if mask[a:b].any()]


def sentence_starts(text: str) -> np.ndarray:
    """Where each sentence of ``text`` starts (``sentences.split``), in order."""
    return np.array([s for s, _ in sentence_split.split(text)], dtype=np.int64)


def sentence_cut_runs(runs: list[tuple[int, int]], mask: np.ndarray, offsets: np.ndarray,
                      starts: Callable[[], np.ndarray], max_chars: int) -> list[tuple[int, int]]:
    """Runs longer than ``max_chars`` cut where a sentence starts. A run of confident tokens can
    cross many sentences (PTC articles have no blank lines, pasted text often no line breaks at
    all), and one span of thousands of characters shows a reader nothing; gold spans are shorter
    than 800 characters (99.9% under 490). Shorter runs keep their crossings: 4% of gold spans
    cross a line. Out of fold (nested 3-fold CV, plain decoding of GPU-retrained `accurate` folds),
    a cut at 600 raised SI 0.4174 -> 0.4183 and FLC 0.1927 -> 0.1941, lower on no fold; with span
    models after 4 epochs it lowered SI + FLC, so training decides per run (``tuning.choose_cut``).
    ``starts`` gives ``sentence_starts`` of the text, asked for only when a run is too long."""
    out = []
    for a, b in runs:
        if offsets[b - 1, 1] - offsets[a, 0] <= max_chars:
            out.append((a, b))
            continue
        at = starts()
        # token i starts a new piece when a sentence starts between token i-1's end and token i's start
        ends, begins = offsets[a : b - 1, 1], offsets[a + 1 : b, 0]
        between = np.searchsorted(at, begins, side="right") - np.searchsorted(at, ends, side="left")
        cuts = [a + 1 + int(i) for i in np.flatnonzero(between > 0)]
        for x, y in zip([a, *cuts], [*cuts, b]):
            sure = np.flatnonzero(mask[x:y])  # a piece starts and ends on a confident token
            if len(sure):
                out.append((x + int(sure[0]), x + int(sure[-1]) + 1))
    return out


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words: a run can start on a sub-word ("##ist" of "Globalist")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


# -- post-processing levers (the SemEval-2020 winners' habits), each kept only when
# cross-validation says it helps; a model's config lists the ones it uses ------------------------
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}
_WORDS = re.compile(r"\w+")


def trim_and_quote(text: str, spans: list[Span]) -> list[Span]:
    """Trim a span to its first and last word characters, then widen it to an enclosing pair
    of quotes when the quotes sit right around it (annotators mark slogans and quoted labels
    with their quotes)."""
    out = []
    for s in spans:
        start, end = s.start, s.end
        words = [m.span() for m in _WORDS.finditer(text, start, end)]
        if words:
            start, end = words[0][0], words[-1][1]
        close = _QUOTES.get(text[start - 1]) if start > 0 else None
        if close and end < len(text) and text[end] == close and "\n" not in text[start:end]:
            start, end = start - 1, end + 1
        out.append(s if (start, end) == (s.start, s.end) else Span(start, end, s.technique, s.score, text[start:end]))
    return out


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def drop_function_words(text: str, spans: list[Span]) -> list[Span]:
    """Drop spans made only of stop words and punctuation ("of the", "and"): no technique
    lives in them alone."""
    stop = _stop_words()
    return [s for s in spans if any(w.lower() not in stop for w in _WORDS.findall(s.text))]


def repeated_phrases(text: str, spans: list[Span]) -> list[Span]:
    """A span whose words occur three or more times in the article (whole words, case and
    punctuation ignored) also carries Repetition."""
    from .span_classifier import _norm, _padded_words

    words = _padded_words(text)
    have = {(s.start, s.end) for s in spans if s.technique == "Repetition"}
    extra = []
    for s in spans:
        phrase = _norm(s.text)
        if phrase and (s.start, s.end) not in have and len(re.findall(f"(?= {re.escape(phrase)} )", words)) >= 3:
            have.add((s.start, s.end))
            extra.append(Span(s.start, s.end, "Repetition", s.score, s.text))
    return spans + extra


LEVERS = {"trim_and_quote": trim_and_quote, "drop_function_words": drop_function_words,
          "repeated_phrases": repeated_phrases}
