"""The SemEval-2023 paragraph head: which of the 23 persuasion techniques each paragraph carries
(subtask 3), judged from what the PTC-14 tagger's spans say about the paragraph.

Mapping PTC-14 spans into SemEval-2023 (``registry.MappedModel``) gives paragraph labels; a
paragraph-level classifier may do better (``fit_for_run`` measures both and ships the head only
when it scores better; the model card has the figures). The head is one logistic regression per
technique over two views of the mapped spans (``paragraph_features``): which techniques the spans
the model ships give the paragraph, and the best calibrated score of each technique among the spans
of a low-threshold decoding, which sees candidates the shipped thresholds drop. The techniques
inform each other (a Whataboutism span maps to Whataboutism alone, yet its paragraph may be a
Straw_Man or a Red_Herring), and the encoder's mean state is not among the features: with it the
head fitted the folds' noise and scored below the mapped spans (runs/accurate6h, nested CV
micro-F1 0.386 against their 0.405; without it 0.425).

With the token-head maxima (``token_maxima``), each of the tagger's token-head columns also gives
its highest probability inside the paragraph: a paragraph can carry a technique the decoded spans
missed (a run too short, a technique outvoted on its span). They are used when nested
cross-validation says they help on every fold (``cross_validate``), and the head file records it.
On `accurate`'s 2-epoch fold models (span classifier on layer 8) they raised the head's nested
micro-F1 from 0.400 to 0.417, higher on every fold (docs/models.md).

The head is fitted on out-of-fold features: the SemEval-2023 English training articles are PTC
train re-rendered (the same characters, other line breaks), so each fold model's predictions for
its held-out articles (``foldK/heldout.pt``) describe every SemEval-2023 paragraph as an unseen
article would look. Its weight decay and thresholds come from cross-validation over those folds,
and the reported scores are nested (fold f scored by a head whose weight decay, thresholds and
weights saw only the other folds).

At analysis time the head only needs numpy (``ParagraphHead.predict``); ``apply`` makes the
mapped spans agree with it, so everything that reads spans (paragraph rows, store, web, export)
gives the head's labels.
"""

from __future__ import annotations

import dataclasses
import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..document import Analysis, Span
from ..paragraphs import trimmed
from .corpus import char_map

FILE = "paragraph_head.safetensors"
TAXONOMY = "semeval2023"
SEMEVAL_EN = Path("semeval2023_task3") / "data" / "en"  # under the shared data folder
FEATURES, FEATURES_WITH_MAXIMA = "spans", "spans+token_maxima"  # the head file's record of its inputs
GRID = np.round(np.arange(0.05, 0.8, 0.05), 2)
WEIGHT_DECAYS = (1e-4, 1e-3, 1e-2)
NOTE = ("SemEval-2023 labels are judged per paragraph: a paragraph head decides each paragraph's techniques; "
        "mapped spans of other techniques were dropped, and a technique without a span covers its whole paragraph.")


# -- the head --------------------------------------------------------------------------------
@dataclass
class ParagraphHead:
    """Logistic regressions over standardised paragraph features, with a threshold each."""

    classes: list[str]
    mean: np.ndarray  # (features,)
    scale: np.ndarray  # (features,)
    weight: np.ndarray  # (classes, features)
    bias: np.ndarray  # (classes,)
    thresholds: np.ndarray  # (classes,); above 1: never predicted
    taxonomy: str = TAXONOMY
    token_maxima: bool = False  # its features end with each token-head column's highest probability

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Per-class probabilities of feature rows ``x`` (n, features)."""
        z = ((np.asarray(x) - self.mean) / self.scale).astype(np.float32) @ self.weight.T + self.bias
        with np.errstate(over="ignore"):  # exp(-z) of a very negative logit is inf: probability 0
            return 1 / (1 + np.exp(-z))

    def save(self, directory: Path) -> None:
        """One small file: the arrays as tensors, class names and taxonomy in its metadata (so
        the model version, which hashes every ``*.safetensors``, changes with any of them)."""
        from safetensors.numpy import save_file

        tensors = {"mean": self.mean, "scale": self.scale, "weight": self.weight, "bias": self.bias,
                   "thresholds": self.thresholds}
        save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, str(Path(directory) / FILE),
                  metadata={"classes": json.dumps(self.classes), "taxonomy": self.taxonomy,
                            "features": FEATURES_WITH_MAXIMA if self.token_maxima else FEATURES})

    @classmethod
    def load(cls, directory: Path) -> ParagraphHead | None:
        """The head saved in an artifact folder, or None when it has none."""
        from safetensors import safe_open

        path = Path(directory) / FILE
        if not path.exists():
            return None
        with safe_open(str(path), framework="numpy") as f:
            meta = f.metadata() or {}
            t = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118  (safe_open is no mapping)
        return cls(json.loads(meta["classes"]), t["mean"], t["scale"], t["weight"], t["bias"], t["thresholds"],
                   meta.get("taxonomy", TAXONOMY), meta.get("features", FEATURES) == FEATURES_WITH_MAXIMA)


def fit_heads(x: np.ndarray, y: np.ndarray, weight_decay: float = 1e-2,
              classes: Sequence[str] = ()) -> ParagraphHead:
    """Logistic regressions for every column of ``y`` (``span_classifier.fit_linear``), biases
    starting at the base rates (a zero start on rare classes wanders); thresholds 0.5."""
    import torch

    from .span_classifier import fit_linear

    def init(layer: torch.nn.Linear, yt: torch.Tensor) -> None:
        rate = yt.mean(0).clamp(1e-3, 1 - 1e-3)
        layer.weight.zero_()
        layer.bias.copy_(torch.log(rate / (1 - rate)))

    mean, scale, weight, bias = fit_linear(x, y, weight_decay, 200,
                                           torch.nn.functional.binary_cross_entropy_with_logits, init)
    names = list(classes) or [str(j) for j in range(y.shape[1])]
    return ParagraphHead(names, mean, scale, weight, bias, np.full(y.shape[1], 0.5))


# -- thresholds ------------------------------------------------------------------------------
def micro_f1(probs: np.ndarray, y: np.ndarray, th: np.ndarray) -> float:
    p = probs >= th
    tp, fp, fn = (p & (y > 0)).sum(), (p & (y == 0)).sum(), (~p & (y > 0)).sum()
    return 2 * tp / max(2 * tp + fp + fn, 1)


def tune(probs: np.ndarray, y: np.ndarray) -> np.ndarray:
    """One global threshold by micro-F1, then each technique's own in turn (1.01: never), kept
    only where it raises micro-F1."""
    th = np.full(y.shape[1], max(GRID, key=lambda t: micro_f1(probs, y, np.full(y.shape[1], t))))
    for j in range(y.shape[1]):
        best = th[j]
        for t in [*GRID, 1.01]:
            th[j] = t
            if micro_f1(probs, y, th) > micro_f1(probs, y, np.where(np.arange(len(th)) == j, best, th)):
                best = t
        th[j] = best
    return th


def choose(x: np.ndarray, y: np.ndarray, groups: np.ndarray, weight_decays: Sequence[float] = WEIGHT_DECAYS
           ) -> tuple[float, np.ndarray, float]:
    """The weight decay and thresholds by cross-validation over ``groups`` (each group predicted
    by heads fitted on the others, thresholds tuned on the pooled predictions): ``(weight decay,
    thresholds, micro-F1)``; ties go to the first weight decay."""
    best: tuple[float, float, np.ndarray] | None = None
    for wd in weight_decays:
        probs = np.zeros_like(y, dtype=np.float64)
        for g in np.unique(groups):
            train = groups != g
            probs[~train] = fit_heads(x[train], y[train], wd).predict(x[~train])
        th = tune(probs, y)
        score = micro_f1(probs, y, th)
        if best is None or score > best[0]:
            best = (score, wd, th)
    return best[1], best[2], float(best[0])


def inner_groups(fold_of: np.ndarray, article_of: np.ndarray) -> np.ndarray:
    """The groups for an inner cross-validation: the folds when there are at least two, else the
    articles split in two (a 2-fold run leaves one fold inside)."""
    if len(np.unique(fold_of)) >= 2:
        return fold_of
    ids = sorted(set(article_of.tolist()))
    half = {a: k % 2 for k, a in enumerate(ids)}
    return np.array([half[a] for a in article_of])


def nested_predictions(x: np.ndarray, y: np.ndarray, fold_of: np.ndarray, article_of: np.ndarray
                       ) -> tuple[np.ndarray, list[float]]:
    """Fold f's labels from a head whose weight decay, thresholds and weights come from the other
    folds alone, for every f; and the weight decay each fold chose."""
    pred, chosen = np.zeros_like(y, dtype=bool), []
    for f in np.unique(fold_of):
        inner = fold_of != f
        wd, th, _ = choose(x[inner], y[inner], inner_groups(fold_of[inner], article_of[inner]))
        chosen.append(wd)
        pred[~inner] = fit_heads(x[inner], y[inner], wd).predict(x[~inner]) >= th
    return pred, chosen


def nested_threshold_predictions(scores: np.ndarray, y: np.ndarray, fold_of: np.ndarray) -> np.ndarray:
    """Labels of fold f from ``scores`` with thresholds tuned on the other folds."""
    pred = np.zeros_like(y, dtype=bool)
    for f in np.unique(fold_of):
        pred[fold_of == f] = scores[fold_of == f] >= tune(scores[fold_of != f], y[fold_of != f])
    return pred


# -- features ------------------------------------------------------------------------------
def span_indicators(spans, start: int, end: int, classes: Sequence[str]) -> np.ndarray:
    """1 for each technique of ``classes`` that a span overlapping ``[start, end)`` carries (spans:
    anything with ``start``, ``end`` and ``technique``): the mapped spans' own paragraph labels."""
    found = {s.technique for s in spans if s.start < end and s.end > start}
    return np.array([float(c in found) for c in classes])


def span_scores(spans, start: int, end: int, classes: Sequence[str]) -> np.ndarray:
    """For each technique of ``classes``, the best score of a span carrying it that overlaps
    ``[start, end)`` (0 where none does)."""
    out = np.zeros(len(classes))
    index = {c: j for j, c in enumerate(classes)}
    for s in spans:
        if s.start < end and s.end > start and s.technique in index:
            out[index[s.technique]] = max(out[index[s.technique]], s.score)
    return out


def token_maxima(tp, start: int, end: int) -> np.ndarray:
    """Each token-head column's highest probability (``any`` first, then one per PTC technique)
    over the tokens of ``tp`` (``TokenProbs``) that lie inside ``[start, end)``; 0 where none does."""
    offsets = tp.encoded.offsets
    inside = (offsets[:, 0] >= start) & (offsets[:, 1] <= end) & (offsets[:, 1] > offsets[:, 0])
    return tp.probs[inside].max(0).astype(np.float64) if inside.any() else np.zeros(tp.probs.shape[1])


def paragraph_features(spans, low, start: int, end: int, classes: Sequence[str], tp=None) -> np.ndarray:
    """The head's features of paragraph ``[start, end)``: the techniques the mapped ``spans`` give
    it, then each technique's best score among the mapped spans of the low-threshold decoding
    ``low`` (``low_thresholds``), then, with ``tp``, the token-head maxima (``token_maxima``)."""
    parts = [span_indicators(spans, start, end, classes), span_scores(low, start, end, classes)]
    return np.concatenate(parts + ([token_maxima(tp, start, end)] if tp is not None else []))


def low_thresholds(th):
    """``th`` at the lowest values of the decoding grids (``tuning``): as many candidate spans as
    tuning ever considered, so a per-technique threshold on their scores can choose among them."""
    from .tuning import FILTER_GRID, SPAN_GRID, TECHNIQUE_GRID, TECHNIQUE_SPAN_GRID

    return dataclasses.replace(th, span=min(SPAN_GRID), technique=min(t for t in TECHNIQUE_GRID if t is not None),
                               technique_span=min(t for t in TECHNIQUE_SPAN_GRID if t is not None),
                               span_filter=min(FILTER_GRID), span_extend=None)


# -- analysis time ---------------------------------------------------------------------------
def paragraph_probs(text: str, head: ParagraphHead, spans: Sequence[Span], low: Sequence[Span], tp=None
                    ) -> list[tuple[int, int, np.ndarray]]:
    """``(start, end, probabilities)`` of every non-blank paragraph; ``spans``: the analysis's
    mapped spans, ``low``: those of its low-threshold decoding, both in the head's taxonomy;
    ``tp``: the text's token probabilities, which a head with ``token_maxima`` needs."""
    from ..paragraphs import paragraphs

    if head.token_maxima and tp is None:
        raise ValueError("this paragraph head reads the token probabilities too: pass tp")
    tp = tp if head.token_maxima else None
    found = [(s, e, paragraph_features(spans, low, s, e, head.classes, tp)) for _, s, e in paragraphs(text)]
    if not found:
        return []
    probs = head.predict(np.stack([f for _, _, f in found]))
    return [(s, e, p) for (s, e, _), p in zip(found, probs)]


def apply(analysis: Analysis, decided: Sequence[tuple[int, int, dict[str, float]]]) -> Analysis:
    """``analysis`` with its spans made to agree with the techniques ``decided`` for each
    paragraph ``(start, end, {technique: probability})``: a span is dropped when a paragraph it
    overlaps was decided without its technique; a decided technique that no kept span carries in
    its paragraph gets a span over the paragraph's text (whitespace trimmed), scored with the
    head's probability. Paragraph rows read from the spans then are the head's labels."""
    text = analysis.article.text
    kept = [s for s in analysis.spans
            if all(s.technique in techs for a, b, techs in decided if s.start < b and s.end > a)]
    added = []
    for a, b, techs in decided:
        start, end = trimmed(text, a, b)
        for tech, p in techs.items():
            if end > start and not any(s.technique == tech and s.start < b and s.end > a for s in kept):
                added.append(Span(start, end, tech, float(p), text[start:end]))
    spans = sorted(kept + added, key=lambda s: (s.start, s.end, s.technique))
    return dataclasses.replace(analysis, spans=spans, notes=[*analysis.notes, NOTE])


def apply_head(analysis: Analysis, low: Sequence[Span], head: ParagraphHead, tp=None) -> Analysis:
    """``apply`` with the head's decisions for ``analysis``'s article (mapped, as ``low``: the
    mapped spans of its low-threshold decoding; ``tp``: its token probabilities)."""
    decided = [(s, e, {c: float(p[j]) for j, c in enumerate(head.classes) if p[j] >= head.thresholds[j]})
               for s, e, p in paragraph_probs(analysis.article.text, head, analysis.spans, low, tp)]
    return apply(analysis, decided)


# -- fitting on a training run ---------------------------------------------------------------
@dataclass
class Collected:
    """Out-of-fold paragraph features of a run, with their gold and the mapped spans' labels."""

    rows: list[tuple[str, int]]  # (article id, line number)
    x: np.ndarray  # paragraph_features: the mapped spans' indicators, then span_scores
    y: np.ndarray
    fold_of: np.ndarray
    article_of: np.ndarray
    from_spans: np.ndarray  # (rows, classes) bool: a mapped out-of-fold span overlaps the paragraph
    not_aligned: int
    span_scores: np.ndarray  # (rows, classes): best calibrated score of a low-threshold mapped span
    from_gold: np.ndarray | None = None  # (rows, classes) bool: a mapped gold PTC span overlaps the paragraph
    maxima: np.ndarray | None = None  # (rows, token-head columns): token_maxima of the fold's held-out probabilities


def collect(run: Path, opts, data, en_dir: Path, classes: list[str], log: Callable = print) -> Collected:
    """Every SemEval-2023 English training paragraph that a fold of ``run`` held out, with its
    features from that fold's decoding of its ``heldout.pt`` (mapped spans at the fold's nested
    thresholds, and at ``low_thresholds``)."""
    from .. import paragraphs
    from .. import taxonomy as tx
    from .tagger import TaggerConfig
    from .tuning import fold_thresholds, stage_decoder

    gold = paragraphs.read_rows(en_dir / "train-labels-subtask-3.txt")
    mapping = tx.mapping("ptc14", TAXONOMY)
    labels = TaggerConfig.load(run / "fold0" / "config.json").labels
    oof = json.loads((run / "oof.json").read_text())
    calib = oof.get("calibration", {}).get("span", {}).get("platt")  # as the shipped model scales
    rows, feats, ys, folds, owners, gold_y, maxima = [], [], [], [], [], [], []
    skipped = 0
    for f in range(opts.folds):
        stage = run / f"fold{f}"
        th = fold_thresholds(oof, f)
        decoder = stage_decoder(stage, labels, data, opts.seed, {}, log)
        decoder.judged = {}  # the low-threshold decoding judges the same spans again
        if calib:
            decoder.span_calibration = calib
        arts, tps = data.probs(stage, "heldout.pt")
        for art, tp in zip(arts, tps):
            path = en_dir / "train-articles-subtask-3" / f"article{art.id}.txt"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            to_ptc = char_map(text, art.text)
            if to_ptc is None:
                skipped += 1
                continue
            spans = mapping.spans(decoder.decode(art.text, tp, th))
            low = mapping.spans(decoder.decode(art.text, tp, low_thresholds(th)))
            perfect = mapping.spans([Span(s, e, t, 1.0) for t, s, e in art.spans])  # a flawless PTC-14 model's
            for n, s, e in paragraphs.paragraphs(text):
                if (art.id, n) not in gold:
                    continue
                a, b = int(to_ptc[s]), int(to_ptc[e - 1]) + 1
                feats.append(paragraph_features(spans, low, a, b, classes))
                ys.append([float(c in gold[(art.id, n)]) for c in classes])
                gold_y.append(span_indicators(perfect, a, b, classes) > 0)
                maxima.append(token_maxima(tp, a, b))
                rows.append((art.id, n))
                folds.append(f)
                owners.append(art.id)
        del arts, tps
    x = np.stack(feats)
    n = len(classes)
    return Collected(rows, x, np.array(ys), np.array(folds), np.array(owners), x[:, :n] > 0, skipped, x[:, n:],
                     np.stack(gold_y), np.stack(maxima))


def _scores(c: Collected, pred: np.ndarray, classes: list[str]) -> dict:
    """Official subtask-3 scores of ``pred``: pooled over every row, and per fold (mean, spread)."""
    from .. import paragraphs

    def score(mask: np.ndarray):
        rows = [r for r, m in zip(c.rows, mask) if m]
        p = {r: [t for t, on in zip(classes, row) if on] for r, row in zip(rows, pred[mask])}
        g = {r: [t for t, on in zip(classes, row) if on] for r, row in zip(rows, c.y[mask] > 0)}
        return paragraphs.score(p, g, classes)

    pooled = score(np.ones(len(c.rows), dtype=bool))
    per_fold = [score(c.fold_of == f) for f in np.unique(c.fold_of)]
    out = {"micro_f1": pooled.micro_f1, "macro_f1": pooled.macro_f1}
    for key in ("micro_f1", "macro_f1"):
        values = [getattr(s, key) for s in per_fold]
        out[key.split("_")[0]] = {"mean": statistics.mean(values), "stdev": statistics.pstdev(values), "folds": values}
    out["per_technique"] = {t: {"f1": s.f1, "precision": s.precision, "recall": s.recall, "gold": s.gold,
                                "predicted": s.predicted} for t, s in pooled.per_technique.items()}
    return out


def cross_validate(run: Path, opts, data, log: Callable = print) -> tuple[Collected, dict] | None:
    """The run's out-of-fold paragraphs and the nested cross-validated scores of the paragraph
    head, the mapped spans, the mapped spans of a low-threshold decoding with one threshold per
    technique tuned on the other folds (``span_thresholds``) and the trivial baseline; None when
    the run has no folds, is not tuned yet (no ``oof.json``) or the SemEval-2023 data is absent (with a log
    line saying which)."""
    from .. import taxonomy as tx
    from .corpus import DEFAULT_DATA

    en_dir = Path(opts.data_dir or DEFAULT_DATA) / SEMEVAL_EN
    if opts.folds < 2:
        log("semeval2023 paragraph head: skipped (a run without folds has no out-of-fold predictions)")
        return None
    if not (en_dir / "train-labels-subtask-3.txt").exists():
        log(f"semeval2023 paragraph head: skipped (no SemEval-2023 English data at {en_dir})")
        return None
    if not (run / "oof.json").exists():  # the head's features are spans decoded at the tuned thresholds
        log(f"semeval2023 paragraph head: skipped ({run} is not tuned yet: `propscope train --resume {run}`)")
        return None
    classes = list(tx.load(TAXONOMY).names)
    c = collect(run, opts, data, en_dir, classes, log)
    log(f"semeval2023 paragraph head: {len(c.rows)} paragraphs of {len(set(c.article_of.tolist()))} articles "
        f"({c.not_aligned} not aligned), {opts.folds} folds")
    trivial = np.zeros_like(c.y, dtype=bool)
    trivial[:, classes.index("Loaded_Language")] = True
    from .tuning import clearly_better

    heads = {}
    for maxima in (False, True):
        nested, chosen = nested_predictions(head_inputs(c, maxima), c.y, c.fold_of, c.article_of)
        heads[maxima] = {**_scores(c, nested, classes), "weight_decay_per_fold": chosen}
    use = clearly_better(heads[True]["micro"]["folds"], heads[False]["micro"]["folds"])
    report = {"paragraphs": len(c.rows), "articles": len(set(c.article_of.tolist())), "not_aligned": c.not_aligned,
              "folds": opts.folds, "gold_labels": int(c.y.sum()), "token_maxima": use,
              "head": heads[use], "head_with_token_maxima" if not use else "head_without_token_maxima": heads[not use],
              "mapped_spans": _scores(c, c.from_spans, classes),
              "span_thresholds": _scores(c, nested_threshold_predictions(c.span_scores, c.y, c.fold_of), classes),
              "trivial": _scores(c, trivial, classes),
              "mapped_gold_spans": _scores(c, c.from_gold, classes)}
    for key in ("trivial", "mapped_spans", "span_thresholds", "head", "mapped_gold_spans",
                "head_with_token_maxima", "head_without_token_maxima"):
        if key not in report:
            continue
        r = report[key]
        log(f"  {key:<20} micro-F1 {r['micro_f1']:.4f} (folds {r['micro']['mean']:.4f} ± {r['micro']['stdev']:.4f})  "
            f"macro-F1 {r['macro_f1']:.4f}")
    return c, report


def head_inputs(c: Collected, maxima: bool) -> np.ndarray:
    """The head's feature rows: the span features, and with ``maxima`` the token-head maxima."""
    return np.concatenate([c.x, c.maxima], axis=1) if maxima else c.x


def beats(head: Sequence[float], spans: Sequence[float]) -> bool:
    """Whether the head's per-fold micro-F1s beat the mapped spans' by the rule a post-processing
    lever must pass (``tuning.clearly_better``): replacing spans costs detail, so noise won't do."""
    from .tuning import clearly_better

    return clearly_better(list(head), list(spans))


def fit_for_run(run: Path, opts, data, log: Callable = print, out: Path | None = None,
                always: bool = False) -> dict | None:
    """Cross-validate the paragraph head of a finished run (``cross_validate``) and, when it beats
    the mapped spans in every fold (``beats``; or ``always``: for experiments and tests), fit it on every out-of-fold
    paragraph, with weight decay and thresholds from cross-validation over the folds, and write it
    to ``out`` (``run/model``); a stale head there is removed either way first. The report, or
    None (nothing to fit)."""
    from .. import taxonomy as tx

    out = Path(out) if out is not None else run / "model"
    (out / FILE).unlink(missing_ok=True)
    found = cross_validate(run, opts, data, log)
    if found is None:
        return None
    c, report = found
    wins = beats(report["head"]["micro"]["folds"], report["mapped_spans"]["micro"]["folds"])
    report["source"] = "paragraph head" if wins or always else "mapped spans"
    if not (wins or always):
        log("  the head does not beat the mapped spans on every fold: no paragraph head shipped")
        return report
    classes = list(tx.load(TAXONOMY).names)
    x = head_inputs(c, report["token_maxima"])
    wd, th, inner = choose(x, c.y, c.fold_of)
    head = fit_heads(x, c.y, wd, classes)
    head.thresholds, head.token_maxima = th, report["token_maxima"]
    out.mkdir(parents=True, exist_ok=True)
    head.save(out)
    report["shipped"] = {"weight_decay": wd, "micro_f1_of_thresholds": inner,
                         "thresholds": dict(zip(classes, map(float, th)))}
    log(f"  paragraph head written to {out / FILE} (weight decay {wd}; pooled out-of-fold micro-F1 {inner:.4f} "
        "with its thresholds)")
    return report
