"""SemEval-2020 Task 11 scores: SI, FLC and TC, as in DESIGN.md section 4.

Spans are ``(article_id, technique, start, end)`` tuples, end exclusive.
SI ignores techniques and merges intersecting spans per article; FLC merges per
article and technique and pairs only spans of the same technique. Both give
partial credit: a predicted span s and a gold span t add |s∩t|/|s| to the
precision sum and |s∩t|/|t| to the recall sum.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

LabelSpan = tuple[str, str, int, int]


@dataclass
class PRF:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "predicted": self.predicted, "gold": self.gold}


@dataclass
class Scores:
    overall: PRF
    per_technique: dict[str, PRF] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"overall": self.overall.to_dict(),
                "per_technique": {k: v.to_dict() for k, v in self.per_technique.items()}}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge intervals whose character sets intersect; touching ones stay apart."""
    merged: list[list[int]] = []
    for s, e in sorted(i for i in intervals if i[1] > i[0]):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _grouped(spans: Iterable[LabelSpan], by_technique: bool) -> dict[tuple[str, str], list[tuple[int, int]]]:
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for art, tech, s, e in spans:
        groups[(str(art), tech if by_technique else "")].append((int(s), int(e)))
    return {k: merge_intervals(v) for k, v in groups.items()}


def _overlap_sums(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    p_sum = r_sum = 0.0
    for ps, pe in pred:
        for gs, ge in gold:
            inter = min(pe, ge) - max(ps, gs)
            if inter > 0:
                p_sum += inter / (pe - ps)
                r_sum += inter / (ge - gs)
    return p_sum, r_sum


def _score(pred: dict, gold: dict, keys: Iterable[tuple[str, str]]) -> PRF:
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for k in keys:
        ps, gs = pred.get(k, []), gold.get(k, [])
        n_pred += len(ps)
        n_gold += len(gs)
        a, b = _overlap_sums(ps, gs)
        p_num += a
        r_num += b
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return PRF(p, r, _f1(p, r), n_pred, n_gold)


def span_identification(pred: Iterable[LabelSpan], gold: Iterable[LabelSpan]) -> Scores:
    """SI: techniques ignored."""
    p, g = _grouped(pred, False), _grouped(gold, False)
    return Scores(_score(p, g, set(p) | set(g)))


def full_task(pred: Iterable[LabelSpan], gold: Iterable[LabelSpan]) -> Scores:
    """FLC: a pair counts only when techniques are equal; overall and per technique."""
    p, g = _grouped(pred, True), _grouped(gold, True)
    keys = set(p) | set(g)
    per = {}
    for tech in sorted({k[1] for k in keys}):
        per[tech] = _score(p, g, [k for k in keys if k[1] == tech])
    return Scores(_score(p, g, keys), per)


def technique_classification(pred: Iterable[LabelSpan], gold: Iterable[LabelSpan]) -> Scores:
    """TC: predictions label the gold spans; micro-F1 is the share of gold instances whose
    technique is predicted for the same (article, start, end).

    A span carrying several techniques appears once per technique; matching is a multiset
    intersection per span, so the order of repeated lines does not matter.
    """
    gold_by: dict[tuple[str, int, int], Counter] = defaultdict(Counter)
    pred_by: dict[tuple[str, int, int], Counter] = defaultdict(Counter)
    for art, tech, s, e in gold:
        gold_by[(str(art), int(s), int(e))][tech] += 1
    for art, tech, s, e in pred:
        pred_by[(str(art), int(s), int(e))][tech] += 1
    tp: Counter = Counter()
    n_pred: Counter = Counter()
    n_gold: Counter = Counter()
    for key, gc in gold_by.items():
        n_gold.update(gc)
        tp.update(gc & pred_by.get(key, Counter()))
    for pc in pred_by.values():
        n_pred.update(pc)
    per = {}
    for tech in sorted(set(n_gold) | set(n_pred)):
        p = tp[tech] / n_pred[tech] if n_pred[tech] else 0.0
        r = tp[tech] / n_gold[tech] if n_gold[tech] else 0.0
        per[tech] = PRF(p, r, _f1(p, r), n_pred[tech], n_gold[tech])
    total_tp, total_p, total_g = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())
    p = total_tp / total_p if total_p else 0.0
    r = total_tp / total_g if total_g else 0.0
    return Scores(PRF(p, r, _f1(p, r), total_p, total_g), per)
