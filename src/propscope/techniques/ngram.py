"""Paragraph techniques from character n-grams: a model for the languages the encoders cannot read.

No multilingual encoder ships on PyPI (DESIGN.md section 5), so the span taggers read English
only. SemEval-2023 Task 3 labels paragraphs with its 23 techniques in French, German, Italian,
Polish and Russian as well as English; this model learns them from wording alone: TF-IDF over
character n-grams inside words (2-5 characters, which copes with these languages' inflections
better than whole words did: the model card), and per language one logistic regression per
technique plus one for "any technique" (the paragraph's score). It matches wording, not
meaning: a label says that a paragraph reads like the paragraphs annotated with that technique,
so its spans cover whole paragraphs and every analysis says so. Its cross-validated quality,
against predicting the most frequent techniques everywhere, is in its model card.

Everything here is plain: scikit-learn fits it in minutes on a CPU, and at analysis time a
paragraph costs one sparse product.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from .. import paragraphs as para
from .. import taxonomy as tx
from ..document import Analysis, Article, Sentence, Span, as_articles
from ..registry import NGRAM_KIND as KIND  # config.json "kind": how the registry tells this model from the taggers
from .corpus import DEFAULT_DATA, SEMEVAL2023_LANGUAGES, LabelledParagraph, load_semeval2023_paragraphs, split_by_article

TAXONOMY = "semeval2023"
NGRAMS = (2, 5)
MAX_FEATURES = 20000  # the most frequent n-grams per language: 200,000 scored no better in French (model card)
CS = (1.0, 4.0, 16.0)  # inverse regularisation strengths tried by the inner cross-validation
MAX_CONSTANT = 5  # the trivial baseline puts up to this many of the most frequent techniques on every paragraph
NOTE = ("paragraph labels from word patterns (character n-grams), not from reading the text: weaker than the English "
        "span model (see the ngram model card); each span covers a whole paragraph, and the sentence scores are "
        "paragraph scores (the chance of any technique)")


def _vectorizer(vocabulary: Sequence[str] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, lowercase=True, sublinear_tf=True, min_df=2,
                           max_features=MAX_FEATURES, vocabulary=vocabulary, dtype=np.float32)


@dataclass
class NgramClassifier:
    """A vectoriser (its n-grams and their idf) and logistic regressions over its features: row 0
    of ``weight`` is "any technique", rows 1.. follow ``classes``; ``thresholds`` per class (above
    1: never predicted). One per language labels paragraphs here; the span taggers' technique
    classifier keeps one that reads a span's own words (``span_classifier.lexical_features``)."""

    classes: list[str]
    vocabulary: list[str]
    idf: np.ndarray
    weight: np.ndarray  # (1 + classes, features)
    bias: np.ndarray
    thresholds: np.ndarray

    @cached_property
    def _fitted_vectorizer(self):
        """Built once: a 20,000-entry vocabulary takes milliseconds, a span's transform far less."""
        vec = _vectorizer(self.vocabulary)
        vec.idf_ = self.idf
        return vec

    @cached_property
    def _by_feature(self) -> np.ndarray:
        return np.ascontiguousarray(self.weight.T, dtype=np.float32)

    def features(self, texts: Sequence[str]):
        return self._fitted_vectorizer.transform(list(texts))

    def probs(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), 1 + classes)`` probabilities: "any technique", then each class."""
        if not len(texts):
            return np.zeros((0, len(self.bias)), dtype=np.float32)
        z = np.asarray(self.features(texts) @ self._by_feature) + self.bias
        return (1 / (1 + np.exp(-np.clip(z, -50, 50)))).astype(np.float32)

    def tensors(self, prefix: str = "") -> dict[str, np.ndarray]:
        """Everything but the class names, as arrays for a safetensors file (the n-grams as UTF-8)."""
        return {f"{prefix}vocabulary": np.frombuffer("\n".join(self.vocabulary).encode("utf-8"), dtype=np.uint8),
                f"{prefix}idf": self.idf.astype(np.float32), f"{prefix}weight": self.weight.astype(np.float16),
                f"{prefix}bias": self.bias.astype(np.float32), f"{prefix}thresholds": self.thresholds.astype(np.float32)}

    @classmethod
    def from_tensors(cls, t: dict[str, np.ndarray], classes: list[str], prefix: str = "") -> NgramClassifier:
        vocabulary = t[f"{prefix}vocabulary"].tobytes().decode("utf-8").split("\n")
        return cls(classes, vocabulary, t[f"{prefix}idf"], t[f"{prefix}weight"].astype(np.float32), t[f"{prefix}bias"],
                   t[f"{prefix}thresholds"])

    def save(self, path: Path) -> None:
        from safetensors.numpy import save_file

        save_file(self.tensors(), str(path))

    @classmethod
    def load(cls, path: Path, classes: list[str]) -> NgramClassifier:
        from safetensors.numpy import load_file

        return cls.from_tensors(load_file(str(path)), classes)


# -- fitting ---------------------------------------------------------------------------------
def _targets(rows: Sequence[LabelledParagraph], classes: Sequence[str]) -> np.ndarray:
    """``(rows, 1 + classes)`` booleans: any technique, then each class."""
    return _label_matrix([r.techniques for r in rows], classes)


def _label_matrix(labels: Sequence[Sequence[str]], classes: Sequence[str]) -> np.ndarray:
    y = np.array([[c in techs for c in classes] for techs in labels], dtype=bool).reshape(len(labels), len(classes))
    return np.concatenate([y.any(axis=1, keepdims=True), y], axis=1)


def fit(rows: Sequence[LabelledParagraph], classes: list[str], c: float,
        thresholds: np.ndarray | None = None) -> NgramClassifier:
    """``fit_texts`` on paragraph rows."""
    return fit_texts([r.text for r in rows], [r.techniques for r in rows], classes, c, thresholds)


def fit_texts(texts: Sequence[str], labels: Sequence[Sequence[str]], classes: list[str], c: float,
              thresholds: np.ndarray | None = None) -> NgramClassifier:
    """The vectoriser and the regressions on ``texts`` and their ``labels`` (technique names);
    a class with fewer than two positive texts (or no negative) is never predicted."""
    from sklearn.linear_model import LogisticRegression

    vec = _vectorizer()
    x = vec.fit_transform(list(texts))
    y = _label_matrix(labels, classes)
    weight = np.zeros((y.shape[1], x.shape[1]), dtype=np.float32)
    bias = np.full(y.shape[1], -30.0, dtype=np.float32)
    for j in range(y.shape[1]):
        if 2 <= y[:, j].sum() < len(y):
            clf = LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=0).fit(x, y[:, j])
            weight[j], bias[j] = clf.coef_[0], clf.intercept_[0]
    th = np.full(len(classes), 0.5, dtype=np.float32) if thresholds is None else thresholds
    return NgramClassifier(classes, vec.get_feature_names_out().tolist(), vec.idf_.astype(np.float32), weight, bias,
                           th)


def _groups(rows: Sequence[LabelledParagraph], folds: int, seed: int) -> np.ndarray:
    ids = sorted({r.article for r in rows})
    fold_of = {}
    for f in range(folds):
        fold_of.update(dict.fromkeys(split_by_article(ids, folds, f, seed)[1], f))
    return np.array([fold_of[r.article] for r in rows])


def out_of_fold(rows: Sequence[LabelledParagraph], classes: list[str], c: float, groups: np.ndarray) -> np.ndarray:
    """Each group's class probabilities from a model fitted on the other groups."""
    probs = np.zeros((len(rows), len(classes)), dtype=np.float32)
    for g in np.unique(groups):
        held = groups == g
        model = fit([r for r, h in zip(rows, held) if not h], classes, c)
        probs[held] = model.probs([r.text for r, h in zip(rows, held) if h])[:, 1:]
    return probs


def choose(rows: Sequence[LabelledParagraph], classes: list[str], folds: int, seed: int,
           cs: Sequence[float] = CS) -> tuple[float, np.ndarray, dict[float, float]]:
    """The regularisation and thresholds by cross-validation over ``rows``' articles: ``(C,
    thresholds, micro-F1 of every C)``; thresholds as the paragraph head's (``paragraph_head.tune``)."""
    from .paragraph_head import micro_f1, tune

    y = _targets(rows, classes)[:, 1:]
    groups = _groups(rows, folds, seed)
    best, scores = None, {}
    for c in cs:
        probs = out_of_fold(rows, classes, c, groups)
        th = tune(probs, y)
        scores[c] = float(micro_f1(probs, y, th))
        if best is None or scores[c] > scores[best[0]]:
            best = (c, th)
    return best[0], best[1].astype(np.float32), scores


def most_frequent(rows: Sequence[LabelledParagraph], classes: list[str]) -> list[str]:
    """The trivial baseline fitted on ``rows``: the k most frequent techniques (k up to
    ``MAX_CONSTANT``, the best micro-F1 on ``rows``), predicted for every paragraph."""
    from .paragraph_head import micro_f1

    y = _targets(rows, classes)[:, 1:]
    order = np.argsort(-y.sum(axis=0), kind="stable")

    def score(k: int) -> float:
        p = np.zeros(y.shape)
        p[:, order[:k]] = 1
        return float(micro_f1(p, y, np.full(len(classes), 0.5)))

    k = max(range(1, MAX_CONSTANT + 1), key=lambda k: (score(k), -k))
    return [classes[j] for j in order[:k]]


# -- cross-validation and the artifact ---------------------------------------------------------
def _score(rows: Sequence[LabelledParagraph], predicted: Sequence[Iterable[str]], classes: list[str]):
    gold = {(r.article, r.line_no): r.techniques for r in rows}
    return para.score({(r.article, r.line_no): list(p) for r, p in zip(rows, predicted)}, gold, classes)


def cross_validate(rows: list[LabelledParagraph], classes: list[str], folds: int = 3, seed: int = 13,
                   log: Callable = print) -> dict:
    """Nested cross-validation by article: fold f is labelled by a model whose regularisation and
    thresholds were chosen on the other folds alone; the trivial baseline is scored the same way
    (its techniques counted on the other folds). Official subtask-3 measures, pooled and per fold,
    per technique, and the calibration of the probabilities behind the predicted labels and of the
    paragraph scores ("any technique")."""
    from . import calibration

    groups = _groups(rows, folds, seed)
    model_pred: list[list[str]] = [[] for _ in rows]
    trivial_pred: list[list[str]] = [[] for _ in rows]
    chosen, probs_of_labels, hits, any_probs, any_hits = [], [], [], [], []
    for f in range(folds):
        inner = [r for r, g in zip(rows, groups) if g != f]
        held = [i for i, g in enumerate(groups) if g == f]
        c, th, _ = choose(inner, classes, folds, seed + 1)
        chosen.append(c)
        scored = fit(inner, classes, c).probs([rows[i].text for i in held])
        probs = scored[:, 1:]
        any_probs += scored[:, 0].tolist()
        any_hits += [bool(rows[i].techniques) for i in held]
        constant = most_frequent(inner, classes)
        for i, p in zip(held, probs):
            labelled = [(t, float(pj)) for t, pj, tj in zip(classes, p, th) if pj >= tj]
            model_pred[i], trivial_pred[i] = [t for t, _ in labelled], constant
            probs_of_labels += [pj for _, pj in labelled]
            hits += [t in rows[i].techniques for t, _ in labelled]
        fold_score = _score([rows[i] for i in held], [model_pred[i] for i in held], classes)
        log(f"  fold {f}: C {c}, micro-F1 {fold_score.micro_f1:.4f}")

    def report(pred: list[list[str]]) -> dict:
        pooled = _score(rows, pred, classes)
        per_fold = [_score([r for r, g in zip(rows, groups) if g == f], [p for p, g in zip(pred, groups) if g == f],
                           classes) for f in range(folds)]
        micro = [s.micro_f1 for s in per_fold]
        return {"micro_f1": pooled.micro_f1, "macro_f1": pooled.macro_f1,
                "micro": {"mean": statistics.mean(micro), "stdev": statistics.pstdev(micro), "folds": micro},
                "per_technique": {t: {"f1": s.f1, "gold": s.gold, "predicted": s.predicted}
                                  for t, s in pooled.per_technique.items()}}

    ece, table = calibration.reliability(np.array(probs_of_labels), np.array(hits))
    any_ece, any_table = calibration.reliability(np.array(any_probs), np.array(any_hits))
    return {"paragraphs": len(rows), "articles": len({r.article for r in rows}), "folds": folds, "seed": seed,
            "C_per_fold": chosen, "model": report(model_pred), "trivial": report(trivial_pred),
            "calibration": {"labels": len(hits), "ece": ece, "table": table,
                            "paragraph_ece": any_ece, "paragraph_table": any_table}}


def train(out: Path, languages: Sequence[str] = tuple(SEMEVAL2023_LANGUAGES), data_dir: str | Path | None = None,
          folds: int = 3, seed: int = 13, limit_articles: int | None = None, log: Callable = print) -> dict:
    """Cross-validate and fit every language's model on all its paragraphs, and write the
    artifact (``config.json``, ``<language>.safetensors``, ``metrics.json``, ``MODEL_CARD.md``)
    to ``out``."""
    from .model_card import write_ngram_card

    classes = list(tx.load(TAXONOMY).names)
    out.mkdir(parents=True, exist_ok=True)
    metrics = {"languages": {}, "options": {"folds": folds, "seed": seed, "ngrams": list(NGRAMS),
                                            "max_features": MAX_FEATURES, "cs": list(CS),
                                            "limit_articles": limit_articles}}
    for lang in languages:
        t0 = time.time()
        rows = load_semeval2023_paragraphs(lang, data_dir or DEFAULT_DATA)
        if limit_articles:
            keep = sorted({r.article for r in rows})[:limit_articles]
            rows = [r for r in rows if r.article in set(keep)]
        articles = len({r.article for r in rows})
        if articles < 2 * max(folds, 2):  # every fit, inner ones too, needs articles on both sides
            raise ValueError(f"{lang}: {articles} articles are too few to choose the model by {max(folds, 2)}-fold "
                             "cross-validation")
        log(f"{lang}: {len(rows)} paragraphs of {articles} articles")
        result = cross_validate(rows, classes, folds, seed, log) if folds >= 2 else {}
        c, th, inner = choose(rows, classes, max(folds, 2), seed)
        fit(rows, classes, c, th).save(out / f"{lang}.safetensors")
        result.update({"C": c, "inner_cv_micro_f1": {str(k): v for k, v in inner.items()},
                       "seconds": round(time.time() - t0, 1)})
        metrics["languages"][lang] = result
        if "model" in result:
            log(f"{lang}: micro-F1 {result['model']['micro']['mean']:.4f} ± {result['model']['micro']['stdev']:.4f} "
                f"(trivial {result['trivial']['micro']['mean']:.4f}) in {result['seconds']:.0f} s")
    config = {"name": "ngram", "kind": KIND, "taxonomy": TAXONOMY, "languages": list(languages),
              "ngrams": list(NGRAMS), "classes": classes}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    write_ngram_card(out, metrics)
    return metrics


# -- analysis time ---------------------------------------------------------------------------
class NgramModel:
    """The analysis-time model: the registry loads it for a config of kind ``KIND``; it answers
    ``analyze_batch`` like the span taggers, in its taxonomy, for the languages it has."""

    device = None  # runs where it is: a CPU; the pipeline then hands it one article at a time

    def __init__(self, directory: Path, name: str):
        self.directory, self.name = Path(directory), name
        self.config = json.loads((self.directory / "config.json").read_text(encoding="utf-8"))
        self.taxonomy = self.config.get("taxonomy", TAXONOMY)
        self.languages = tuple(self.config["languages"])
        self.classes = list(self.config["classes"])
        self.timings = dict.fromkeys(("tokenise", "encoder", "decode"), 0.0)
        self._models: dict[str, NgramClassifier] = {}

    def model_for(self, language: str) -> NgramClassifier:
        if language not in self._models:
            self._models[language] = NgramClassifier.load(self.directory / f"{language}.safetensors", self.classes)
        return self._models[language]

    def analyze_batch(self, items: Iterable[Article | str], languages: Sequence[str | None] | None = None
                      ) -> list[Analysis]:
        """Analyses of ``items`` in the language each reads as (``languages``, else as detected:
        ``language.detect``; unknown counts as English), which must be one this model has."""
        from .. import language

        articles = as_articles(items)
        langs = list(languages) if languages is not None else [language.detect(a.text, a.language) for a in articles]
        return [self.analyze(a, lang) for a, lang in zip(articles, langs)]

    def analyze(self, article: Article, language: str | None = None) -> Analysis:
        """Every non-blank paragraph scored: a span over the paragraph for each technique above
        its threshold (scored with its probability), and the paragraph's "any technique"
        probability as its score (``Analysis.sentences`` holds paragraphs here: the note says so)."""
        lang = (language or "en").split("-")[0].lower()
        if lang not in self.languages:
            raise ValueError(f"the {self.name} model has no {lang!r} model; it has {', '.join(self.languages)}")
        text = article.text
        found = para.paragraphs(text)
        t0 = time.perf_counter()
        model = self.model_for(lang)
        probs = model.probs([text[s:e] for _, s, e in found])
        t1 = time.perf_counter()
        spans, units = [], []
        for (_, s, e), p in zip(found, probs):
            start, end = para.trimmed(text, s, e)
            units.append(Sentence(start, end, round(float(p[0]), 4)))
            spans += [Span(start, end, c, round(float(pj), 4), text[start:end])
                      for c, pj, tj in zip(self.classes, p[1:], model.thresholds) if pj >= tj]
        from .decode import article_score

        self.timings["encoder"] += t1 - t0
        self.timings["decode"] += time.perf_counter() - t1
        return Analysis(article, spans, units, article_score(units), self.name, taxonomy=self.taxonomy,
                        language=lang, notes=[NOTE])
