"""Scoring a model's predictions against gold spans (SI, FLC, TC; see ``metrics``).

One function makes the predictions that every score uses, for the CLI's ``evaluate``,
training, out-of-fold tuning and ``bench/quality.py`` alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import metrics
from .corpus import LabelledArticle
from .decode import Decoder, Thresholds, TokenProbs


@dataclass
class Scored:
    """One article ready to score: its gold, its token probabilities, and the decoder (span
    models and calibration) of the model that predicted it."""

    article: LabelledArticle
    tp: TokenProbs
    decoder: Decoder


def gold_flc(articles: list[LabelledArticle]) -> list[metrics.LabelSpan]:
    return [(a.id, t, s, e) for a in articles for t, s, e in a.spans]


def predict_labels(decoder: Decoder, th: Thresholds, article_id: str, text: str, tp: TokenProbs,
                   gold: list[metrics.LabelSpan]) -> tuple[list[metrics.LabelSpan], list[metrics.LabelSpan]]:
    """One article's predicted spans (SI/FLC) and its TC labels for the gold spans: a gold span
    listed k times (k techniques) gets the model's k most probable techniques."""
    pred = [(article_id, s.technique, s.start, s.end) for s in decoder.decode(text, tp, th)]
    counts = Counter((s, e) for a, _, s, e in gold if a == article_id)
    tc = [(article_id, t, s, e) for (s, e), k in counts.items() for t, _ in decoder.classify(text, tp, s, e)[:k]]
    return pred, tc


def spans_of(items: list[Scored], th: Thresholds) -> list[metrics.LabelSpan]:
    """Predicted spans of every article (for SI and FLC)."""
    return [(x.article.id, s.technique, s.start, s.end) for x in items for s in x.decoder.decode(x.article.text, x.tp, th)]


def score(items: list[Scored], th: Thresholds) -> dict:
    """SI, FLC and TC of ``items`` under thresholds ``th``."""
    gold = gold_flc([x.article for x in items])
    pred, tc_pred = [], []
    for x in items:
        p, t = predict_labels(x.decoder, th, x.article.id, x.article.text, x.tp,
                              [(x.article.id, *s) for s in x.article.spans])
        pred += p
        tc_pred += t
    return {"si": metrics.span_identification(pred, gold).to_dict(),
            "flc": metrics.full_task(pred, gold).to_dict(),
            "tc": metrics.technique_classification(tc_pred, gold).to_dict()}


def evaluate_model(model, articles: list[LabelledArticle], token_probs: list[TokenProbs] | None = None,
                   th: Thresholds | None = None) -> dict:
    """SI, FLC and TC of a loaded model on labelled articles, with its own thresholds or ``th``."""
    tps = token_probs or model.token_probs([a.text for a in articles])
    decoder = model.decoder
    return score([Scored(a, tp, decoder) for a, tp in zip(articles, tps)], th or Thresholds.from_config(model.config))
