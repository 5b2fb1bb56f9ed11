"""Everything fitted after the encoder trains: the span models, the decoding thresholds and
the calibration, on out-of-fold predictions, so that they hold on articles no model saw.

A run has one model per fold, each trained without its fold's articles, and one model on
every article (``training``). Each fold model's span classifier and span filter are fitted on
its own training articles and then decode its held-out articles: pooled, these out-of-fold
predictions cover every article once, as an unseen article would look to the final model.
Thresholds and Platt scaling are fitted on the pool. The cross-validated scores are nested:
fold f is scored with thresholds tuned on the other folds only. The shipped model gets span
models fitted on every article and the thresholds and calibration of the whole pool.
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from .. import metrics
from . import calibration, span_classifier
from .corpus import LabelledArticle, load_ptc_train, split_by_article
from .decode import LEVERS, Decoder, Thresholds, TokenProbs
from .encoding import Encoded, encode, tokens_inside
from .evaluation import Scored, gold_flc, score, spans_of
from .tagger import frozen_value
from .training import Log, build_cache, find_cache, frozen_states, lineage

if TYPE_CHECKING:
    from .ngram import NgramClassifier

SPAN_GRID = tuple(float(round(x, 2)) for x in np.arange(0.2, 0.71, 0.05))
FILTER_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6)
TECHNIQUE_GRID = (None, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
TECHNIQUE_SPAN_GRID = (None, 0.3, 0.4, 0.5, 0.6, 0.7)
EXTEND_GRID = (0.05, 0.1, 0.15, 0.2)  # how far below the span threshold a span's edges may grow (``decode.grown``)
MAX_RUN_CHARS = Thresholds().max_run_chars  # the cut ``choose_cut`` tries: decoding's own default
MIN_GAIN = 0.002  # mean SI + FLC a post-processing lever must add over the folds; less is noise
# the given-span classifier's weight decays: with the pooled features, 0.001 and 0.01 scored below 0.1 on every
# fold of `accurate` (inner CV TC 0.637-0.660 against 0.665-0.667), and 0.3 below 0.1 held out with the maximum or
# the spread alone (0.668 / 0.669 against 0.673 / 0.674); the weak decays' fits also take the longest
GIVEN_WEIGHT_DECAYS = (3e-2, 1e-1, 2e-1)
LEXICAL_C = 4.0  # inverse regularisation of the span classifier's n-gram model (TC on accurate's folds: 1 and 4 alike)


# -- span models -----------------------------------------------------------------------------
def span_examples(labels: list[str], articles: list[LabelledArticle], tps: list[TokenProbs], pooled: bool = False
                  ) -> tuple[np.ndarray, np.ndarray, list[tuple[str, int, int, int]]]:
    """Features (``span_classifier.span_features``) and technique shares of every distinct gold
    span, and its key ``(article, start, end, number of techniques)``."""
    index = {t: i for i, t in enumerate(labels)}
    rows, targets, keys = [], [], []
    for art, tp in zip(articles, tps):
        by_span: dict[tuple[int, int], list[str]] = {}
        for tech, s, e in art.spans:
            by_span.setdefault((s, e), []).append(tech)
        for (s, e), techs in by_span.items():
            inside = tokens_inside(tp.encoded.offsets, s, e)
            if not inside.any():
                continue
            rows.append(span_classifier.span_features(art.text, tp.hidden, tp.probs, inside, s, e, tp.frozen, pooled))
            y = np.zeros(len(labels), dtype=np.float32)
            for t in techs:
                y[index[t]] += 1 / len(techs)
            targets.append(y)
            keys.append((art.id, s, e, len(techs)))
    return np.stack(rows), np.stack(targets), keys


def _choose_weight_decay(x: np.ndarray, y: np.ndarray, owners: list[str], weight_decays: tuple[float, ...],
                         score_fn, folds: int, seed: int) -> tuple[float, dict[float, float]]:
    """The weight decay whose fits score best on average on held-out folds of the examples'
    articles (``owners[i]`` is example i's article), and every candidate's mean score;
    ``score_fn`` takes a fitted classifier and the held-out mask. Ties go to the stronger decay."""
    ids = sorted(set(owners))
    scores = {}
    for wd in weight_decays:
        fold_scores = []
        for f in range(folds):
            _, held = split_by_article(ids, folds, f, seed)
            test = np.array([a in held for a in owners])
            if test.any() and (~test).any():
                fold_scores.append(score_fn(span_classifier.fit(x[~test], y[~test], wd), test))
        scores[wd] = float(np.mean(fold_scores)) if fold_scores else -np.inf
    return max(weight_decays, key=lambda wd: (scores[wd], wd)), scores


def lexical_examples(labels: list[str], articles: list[LabelledArticle], keys: list[tuple[str, int, int, int]],
                     y: np.ndarray, seed: int, folds: int = 5) -> tuple[np.ndarray, NgramClassifier]:
    """``span_classifier.lexical_features`` of the gold spans ``keys`` (technique shares ``y``),
    each from an n-gram classifier fitted on the other folds' articles (so that, like a new
    article's, they come from words it has not seen), and the classifier fitted on all of them."""
    from .ngram import fit_texts

    text = {a.id: a.text for a in articles}
    texts = [text[a][s:e] for a, s, e, _ in keys]
    names = [[labels[j] for j in np.flatnonzero(row > 0)] for row in y]
    owners = np.array([k[0] for k in keys])
    ids = sorted(set(owners.tolist()))
    out = np.zeros((len(keys), len(labels)), dtype=np.float32)
    for f in range(folds):
        held = np.isin(owners, sorted(split_by_article(ids, folds, f, seed)[1]))
        if held.any() and (~held).any():
            model = fit_texts([t for t, h in zip(texts, held) if not h], [n for n, h in zip(names, held) if not h],
                              labels, LEXICAL_C)
            out[held] = span_classifier.lexical_features(model, [t for t, h in zip(texts, held) if h])
    return out, fit_texts(texts, names, labels, LEXICAL_C)


def fit_span_classifier(labels: list[str], articles: list[LabelledArticle], tps: list[TokenProbs], seed: int = 13,
                        weight_decays: tuple[float, ...] = (1e-3, 1e-2, 3e-2, 1e-1), folds: int = 5,
                        lexical: bool = False, pooled: bool = False) -> tuple[span_classifier.SpanClassifier, dict]:
    """The technique classifier, fitted on the gold spans of the articles the encoder trained
    on; its weight decay is chosen by TC micro-F1 in a ``folds``-way split of them by article.
    With ``lexical`` it also reads the span's words (``lexical_examples``; `propscope train
    --span-words`): on `accurate`'s folds FLC rose on every fold, TC on average but not on every
    fold, and its SemEval-2023 paragraph head fell (its model card), so the shipped models do without.
    With ``pooled`` it reads the frozen layer's maximum and spread too: the given-span classifier."""
    x, y, keys = span_examples(labels, articles, tps, pooled)
    lexical_model = None
    owners = len({k[0] for k in keys})
    if lexical and owners >= 2:  # out-of-fold lexical features: each article's from the others
        lex, lexical_model = lexical_examples(labels, articles, keys, y, seed, min(folds, owners))
        x = np.concatenate([x, lex], axis=1)
    gold = gold_flc(articles)

    def tc_f1(clf: span_classifier.SpanClassifier, mask: np.ndarray) -> float:
        probs = clf.predict(x[mask])
        pred = [(a, labels[j], s, e) for p, (a, s, e, k) in zip(probs, np.asarray(keys, dtype=object)[mask])
                for j in np.argsort(-p, kind="stable")[:k]]
        held = {k[0] for k, m in zip(keys, mask) if m}
        return metrics.technique_classification(pred, [g for g in gold if g[0] in held]).overall.f1

    best, scores = _choose_weight_decay(x, y, [k[0] for k in keys], weight_decays, tc_f1, folds, seed)
    clf = span_classifier.fit(x, y, best)
    clf.lexical = lexical_model
    return clf, {"spans": len(keys), "weight_decay": best, "lexical": lexical_model is not None,
                 "inner_cv_tc_f1": {str(k): v for k, v in scores.items()}}


def fit_span_filter(decoder: Decoder, articles: list[LabelledArticle], tps: list[TokenProbs], seed: int = 13,
                    candidates: Thresholds = Thresholds(span=0.2, technique=None),
                    weight_decays: tuple[float, ...] = (1e-2, 3e-2, 1e-1, 3e-1, 1.0), folds: int = 5
                    ) -> tuple[span_classifier.SpanClassifier | None, dict]:
    """The span filter: a logistic regression over the spans ``decoder`` finds in the training
    articles at a low span threshold (at or below any that tuning picks), positive when they
    overlap a gold span. Weight decay by held-out log-likelihood in a ``folds``-way split. It
    reads no frozen-layer states: with them, SI + FLC of `accurate` fell on every fold."""
    plain = replace(decoder, span_filter=None, judged=None)
    th = replace(candidates, technique=None, technique_span=None, span_filter=0.0)
    rows, hits, owner = [], [], []
    for art, tp in zip(articles, tps):
        for s, e in sorted({(sp.start, sp.end) for sp in plain.decode(art.text, tp, th)}):
            inside = tokens_inside(tp.encoded.offsets, s, e)
            if not inside.any():
                continue
            rows.append(span_classifier.span_features(art.text, tp.hidden, tp.probs, inside, s, e))
            hits.append(any(ge > s and gs < e for _, gs, ge in art.spans))
            owner.append(art.id)
    report = {"spans": len(hits), "candidate_threshold": th.span}
    if len(set(hits)) < 2:  # a tagger that finds nothing, or only hits or only misses: nothing to learn
        return None, {**report, "weight_decay": None}
    x, hit = np.stack(rows), np.asarray(hits, dtype=np.float32)
    y = np.stack([1 - hit, hit], axis=1)

    def log_likelihood(clf: span_classifier.SpanClassifier, mask: np.ndarray) -> float:
        p = clf.predict(x[mask])[:, 1].clip(1e-6, 1 - 1e-6)
        return float(np.mean(hit[mask] * np.log(p) + (1 - hit[mask]) * np.log(1 - p)))

    best, scores = _choose_weight_decay(x, y, owner, weight_decays, log_likelihood, folds, seed)
    return span_classifier.fit(x, y, best), {**report, "share_overlapping_gold": float(hit.mean()),
                                             "weight_decay": best,
                                             "inner_cv_log_likelihood": {str(k): v for k, v in scores.items()}}


def fit_span_models(labels: list[str], articles: list[LabelledArticle], tps: list[TokenProbs], seed: int,
                    span_words: bool = False) -> tuple[Decoder, dict]:
    """A decoder with its span models fitted on a model's own training articles; with
    ``span_words`` the technique classifiers read the span's words too (``lexical_examples``). A
    model that reads a frozen layer gets a given-span classifier as well (``pooled_features``)."""
    clf, clf_report = fit_span_classifier(labels, articles, tps, seed=seed, lexical=span_words)
    decoder = Decoder(labels, clf)
    decoder.span_filter, filter_report = fit_span_filter(decoder, articles, tps, seed=seed)
    reports = {"span_classifier": clf_report, "span_filter": filter_report}
    if tps and all(tp.frozen is not None for tp in tps):
        decoder.given_classifier, reports["given_classifier"] = fit_span_classifier(
            labels, articles, tps, seed=seed, weight_decays=GIVEN_WEIGHT_DECAYS, lexical=span_words, pooled=True)
    return decoder, reports


# -- thresholds ----------------------------------------------------------------------------
def tune_thresholds(items: list[Scored], base: Thresholds | None = None, extend: bool = False) -> Thresholds:
    """The span and span-filter thresholds by SI F1, then the extra-technique and
    technique-only-span thresholds by FLC F1, on ``items`` (out-of-fold predictions). With
    ``extend``, also how far below the span threshold a span's edges may grow (``EXTEND_GRID``,
    or not at all), chosen with them by SI F1."""
    gold = gold_flc([x.article for x in items])
    for x in items:
        x.decoder.judged = {} if x.decoder.judged is None else x.decoder.judged
    th = replace(base or Thresholds(), technique=None, technique_span=None, span_extend=None)
    filters = FILTER_GRID if any(x.decoder.span_filter is not None for x in items) else (0.0,)

    def si(t: Thresholds) -> float:
        return metrics.span_identification(spans_of(items, t), gold).overall.f1

    def search(delta: float | None) -> tuple[float, float, float]:
        return max((si(replace(th, span=s, span_filter=f, span_extend=None if delta is None else s - delta)), s, f)
                   for s in SPAN_GRID for f in filters if delta is None or s - delta > 0)

    best, delta = search(None), None
    for d in EXTEND_GRID if extend else ():  # edges that grow pair with a higher span threshold: search both
        trial = search(d)
        if trial[0] > best[0]:
            best, delta = trial, d
    th = replace(th, span=best[1], span_filter=best[2],
                 span_extend=None if delta is None else round(best[1] - delta, 4))
    flc = {t: metrics.full_task(spans_of(items, replace(th, technique=t)), gold).overall.f1 for t in TECHNIQUE_GRID}
    th = replace(th, technique=max(TECHNIQUE_GRID, key=lambda t: (flc[t], t is None)))
    flc = {t: metrics.full_task(spans_of(items, replace(th, technique_span=t)), gold).overall.f1
           for t in TECHNIQUE_SPAN_GRID}
    return replace(th, technique_span=max(TECHNIQUE_SPAN_GRID, key=lambda t: (flc[t], t is None)))


# -- calibration ---------------------------------------------------------------------------
def span_is_right(span_start: int, span_end: int, technique: str, gold: list[tuple[str, int, int]]) -> bool:
    """The calibration target: at least half of the span's characters lie inside gold spans of
    its technique."""
    covered = np.zeros(span_end - span_start, dtype=bool)
    for t, s, e in gold:
        if t == technique and e > span_start and s < span_end:
            covered[max(s, span_start) - span_start : min(e, span_end) - span_start] = True
    return bool(covered.mean() >= 0.5) if len(covered) else False


def raw_outcomes(items: list[Scored], th: Thresholds) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Uncalibrated span and sentence scores with their outcomes and the index of their item."""
    out: dict[str, list] = {"span": [[], [], []], "sentence": [[], [], []]}
    for i, x in enumerate(items):
        raw = replace(x.decoder, span_calibration=[1.0, 0.0], judged=x.decoder.judged)
        for s in raw.decode(x.article.text, x.tp, th):
            out["span"][0].append(s.score)
            out["span"][1].append(span_is_right(s.start, s.end, s.technique, x.article.spans))
            out["span"][2].append(i)
        for s, e, r in raw.sentence_raw(x.article.text, x.tp):
            out["sentence"][0].append(r)
            out["sentence"][1].append(any(ge > s and gs < e for _, gs, ge in x.article.spans))
            out["sentence"][2].append(i)
    return {k: (np.asarray(v[0], dtype=float), np.asarray(v[1], dtype=float), np.asarray(v[2])) for k, v in out.items()}


def fit_calibration(items: list[Scored], th: Thresholds, fold_of: list[int]) -> dict:
    """Platt parameters for span and sentence scores fitted on every item, and their expected
    calibration error out of fold: fold f's scores scaled by parameters fitted on the others."""
    report = {}
    for key, (raw, hit, owner) in raw_outcomes(items, th).items():
        folds = np.asarray(fold_of)[owner] if len(owner) else np.zeros(0, dtype=int)
        cross = np.zeros(len(raw))
        for f in sorted(set(folds.tolist())):
            train_mask = folds != f
            cross[~train_mask] = calibration.apply(calibration.fit(raw[train_mask], hit[train_mask]), raw[~train_mask])
        ece_raw, _ = calibration.reliability(raw, hit)
        ece, table = calibration.reliability(cross, hit)
        report[key] = {"n": int(len(raw)), "ece_uncalibrated": ece_raw, "ece_out_of_fold": ece, "reliability": table,
                       "platt": list(calibration.fit(raw, hit))}
    return report


# -- a run's stages --------------------------------------------------------------------------
def stage_probs(stage: Path, file: str, by_id: dict[str, LabelledArticle], encoded: dict[str, Encoded],
                frozen: dict[str, np.ndarray] | None = None) -> tuple[list[LabelledArticle], list[TokenProbs]]:
    """The saved predictions of a stage (``heldout.pt`` or ``insample.pt``) as token probs, with
    the articles' ``frozen`` states when given."""
    data = torch.load(stage / file, weights_only=False)
    ids = sorted(data)
    tps = []
    for a in ids:
        probs, hidden = data[a]
        if len(probs) != len(encoded[a].ids):
            raise ValueError(f"{stage / file}: article {a} has {len(probs)} tokens, expected {len(encoded[a].ids)}")
        tps.append(TokenProbs(encoded[a], probs, hidden, frozen[a] if frozen is not None else None))
    return [by_id[a] for a in ids], tps


def _f1s(result: dict) -> dict[str, float]:
    return {t: result[t]["overall"]["f1"] for t in ("si", "flc", "tc")}


class RunData:
    """A run's articles and their tokens, loaded once for every stage; and the states of the frozen
    layer that the span classifier reads (``RunOptions.classifier_layer``), from the run's cache or
    one cut after that layer, computed once (``frozen``: None when there is no such layer, when the
    run's own cache is gone)."""

    def __init__(self, opts):
        from transformers import AutoTokenizer

        from ..weights import base_path

        articles = load_ptc_train(opts.data_dir) if opts.data_dir else load_ptc_train()
        self.articles = articles[: opts.limit_articles] if opts.limit_articles else articles
        self.by_id = {a.id: a for a in self.articles}
        tokenizer = AutoTokenizer.from_pretrained(str(base_path(opts.base)))
        self.encoded = dict(zip(self.by_id, encode(tokenizer, [a.text for a in self.articles])))
        run, layers, states = Path(opts.out_dir), opts.classifier_layers, []
        for layer in layers:
            if layer == opts.lower_layers:  # the run's own cache: gone when it was deleted
                cache = find_cache(run, opts, self.articles)
            else:  # another layer's: found, or computed once beside it
                cache = build_cache(run, opts.cached_at(layer), self.articles, Log(), folder=run / f"cache-layer{layer}")
            if cache is None:
                states = []
                break
            states.append(frozen_states(cache))
        # several layers side by side, as the tagger's forward pass gives them (``TaggerConfig.frozen_layer``)
        self.frozen = ({a: np.concatenate([s.pop(a) for s in states], axis=1) for a in list(states[0])}
                       if len(states) > 1 else states[0] if states else None)
        self.frozen_layer = frozen_value(layers) if states else None
        self.span_words = opts.span_words

    def probs(self, stage: Path, file: str) -> tuple[list[LabelledArticle], list[TokenProbs]]:
        return stage_probs(stage, file, self.by_id, self.encoded, self.frozen)


def stage_decoder(stage: Path, labels: list[str], data: RunData, seed: int, reports: dict, log=print) -> Decoder:
    """A stage's decoder: its span models, fitted on its training articles once and saved in
    the stage folder (which then is a complete artifact)."""
    from .span_classifier import FILE, load, save
    from .tagger import TaggerConfig

    if (stage / FILE).exists():
        return Decoder(labels, *load(stage, labels))
    t0 = time.time()
    arts, tps = data.probs(stage, "insample.pt")
    decoder, reports[stage.name] = fit_span_models(labels, arts, tps, seed, data.span_words)
    save(stage, decoder.span_classifier, decoder.span_filter, decoder.given_classifier)
    config = TaggerConfig.load(stage / "config.json")  # the stage as an artifact gives its span models what they read
    config.frozen_layer = data.frozen_layer
    config.save(stage / "config.json")
    (stage / "span_models.json").write_text(json.dumps(reports[stage.name], indent=2) + "\n")
    log(f"{stage.name}: span models fitted on {len(arts)} articles in {time.time() - t0:.0f} s")
    return decoder


def out_of_fold(run: Path, opts, data: RunData, log=print) -> tuple[list[Scored], list[int], dict]:
    """The pooled out-of-fold predictions (each fold's held-out articles, decoded by that fold's
    model and span models) and the nested cross-validation: fold f scored with thresholds tuned
    on the other folds. Saved to ``oof.json``."""
    from .tagger import TaggerConfig

    t0 = time.time()
    labels = TaggerConfig.load(run / "fold0" / "config.json").labels
    pool: list[Scored] = []
    fold_of: list[int] = []
    reports: dict = {}
    for f in range(opts.folds):
        stage = run / f"fold{f}"
        decoder = stage_decoder(stage, labels, data, opts.seed, reports, log)
        held, held_tps = data.probs(stage, "heldout.pt")
        pool += [Scored(a, tp, decoder) for a, tp in zip(held, held_tps)]
        fold_of += [f] * len(held)
    levers, cut, per_fold, nested_pred = choose_cut(pool, fold_of, opts.folds, log=log)
    chosen: tuple[str, ...] = ()
    best = statistics.mean(p["si"] + p["flc"] for p in per_fold)
    for lever in LEVERS:  # greedy: a lever joins the kept ones when it helps every fold and the mean clearly
        trial, trial_pred = nested_cv(pool, fold_of, opts.folds, Thresholds(levers=(*chosen, lever),
                                                                            max_run_chars=cut), log)
        mean = statistics.mean(p["si"] + p["flc"] for p in trial)
        helps = lever_helps(trial, per_fold)
        levers[lever] = {"si": statistics.mean(p["si"] for p in trial), "flc": statistics.mean(p["flc"] for p in trial),
                         "kept": helps}
        log(f"lever {lever}: mean SI+FLC {mean:.4f} against {best:.4f}: {'kept' if helps else 'dropped'}")
        if helps:
            chosen, best, per_fold, nested_pred = (*chosen, lever), mean, trial, trial_pred
    extend = choose_extend(pool, fold_of, opts.folds, Thresholds(levers=chosen, max_run_chars=cut), per_fold, levers, log)
    if extend is not None:
        per_fold, nested_pred = extend
    gold = gold_flc([x.article for x in pool])
    th = tune_thresholds(pool, Thresholds(levers=chosen, max_run_chars=cut), extend=extend is not None)
    result = {
        "cv": {t: {"mean": statistics.mean(p[t] for p in per_fold), "stdev": statistics.pstdev(p[t] for p in per_fold),
                   "folds": [p[t] for p in per_fold]} for t in ("si", "flc", "tc")},
        "cv_folds": per_fold,
        "cv_pooled": {"si": metrics.span_identification(nested_pred, gold).to_dict(),
                      "flc": metrics.full_task(nested_pred, gold).to_dict()},
        "levers": levers,
        "thresholds": asdict(th),
        "calibration": fit_calibration(pool, th, fold_of),
        "out_of_fold": score(pool, th),
        "seconds_out_of_fold": round(time.time() - t0, 1),  # kept with the results it took: a later finalize reuses both
    }
    (run / "oof.json").write_text(json.dumps(result, indent=2) + "\n")
    return pool, fold_of, result


def choose_cut(pool: list[Scored], fold_of: list[int], folds: int, chars: int = MAX_RUN_CHARS, log=print
               ) -> tuple[dict, int | None, list[dict], list[metrics.LabelSpan]]:
    """Whether runs longer than ``chars`` are cut where a sentence starts (``decode.sentence_cut_runs``),
    decided as a lever is: nested CV without the cut, then with it, kept when ``lever_helps``. Measured
    by hand it helped plainly decoded GPU folds on every fold, but with span models it lowered SI + FLC
    on a fold after 2, 4 and 6 epochs of `accurate`, so each run decides for itself. Returns the
    levers table's first rows ("none": no cut; ``cut_runs_over_<chars>``), the cut (``chars`` or
    None), and the chosen per-fold scores and nested predictions."""
    plain, plain_pred = nested_cv(pool, fold_of, folds, Thresholds(max_run_chars=None), log)
    trial, trial_pred = nested_cv(pool, fold_of, folds, Thresholds(max_run_chars=chars), log)
    kept = lever_helps(trial, plain)
    log(f"cut runs over {chars} characters: mean SI+FLC {statistics.mean(p['si'] + p['flc'] for p in trial):.4f} "
        f"against {statistics.mean(p['si'] + p['flc'] for p in plain):.4f}: {'kept' if kept else 'dropped'}")
    table = {name: {"si": statistics.mean(p["si"] for p in rows), "flc": statistics.mean(p["flc"] for p in rows),
                    "kept": on} for name, rows, on in (("none", plain, True), (f"cut_runs_over_{chars}", trial, kept))}
    return (table, chars, trial, trial_pred) if kept else (table, None, plain, plain_pred)


def choose_extend(pool: list[Scored], fold_of: list[int], folds: int, base: Thresholds, current: list[dict],
                  levers: dict, log=print) -> tuple[list[dict], list[metrics.LabelSpan]] | None:
    """Whether a span's edges may grow over less confident tokens (``decode.grown``; how far is tuned
    with the other thresholds), decided as a lever is against the chosen decoding's per-fold scores
    ``current``; adds its row to the levers table. Returns the per-fold scores and nested predictions
    with it when kept, else None."""
    trial, trial_pred = nested_cv(pool, fold_of, folds, base, log, extend=True)
    kept = lever_helps(trial, current)
    levers["extend_span_edges"] = {"si": statistics.mean(p["si"] for p in trial),
                                   "flc": statistics.mean(p["flc"] for p in trial), "kept": kept}
    log(f"extend span edges: mean SI+FLC {statistics.mean(p['si'] + p['flc'] for p in trial):.4f} against "
        f"{statistics.mean(p['si'] + p['flc'] for p in current):.4f}: {'kept' if kept else 'dropped'}")
    return (trial, trial_pred) if kept else None


def clearly_better(trial: list[float], current: list[float], min_gain: float = MIN_GAIN) -> bool:
    """Whether per-fold scores ``trial`` beat ``current``: higher by ``min_gain`` on average and
    lower on no fold (a change that helps one fold and hurts another is noise). The one rule for
    every choice made by cross-validation: levers, and the SemEval-2023 paragraph head."""
    return (statistics.mean(t - c for t, c in zip(trial, current)) >= min_gain
            and all(t >= c for t, c in zip(trial, current)))


def lever_helps(trial: list[dict], current: list[dict]) -> bool:
    """``clearly_better`` on each fold's SI + FLC."""
    return clearly_better([p["si"] + p["flc"] for p in trial], [p["si"] + p["flc"] for p in current])


def nested_cv(pool: list[Scored], fold_of: list[int], folds: int, base: Thresholds, log=print, extend: bool = False
              ) -> tuple[list[dict], list[metrics.LabelSpan]]:
    """Fold f's scores with thresholds tuned on the other folds' out-of-fold predictions, for
    every f; and the predicted spans of all folds under their own thresholds."""
    per_fold, nested_pred = [], []
    for f in range(folds):
        inner = [x for x, g in zip(pool, fold_of) if g != f]
        outer = [x for x, g in zip(pool, fold_of) if g == f]
        th_f = tune_thresholds(inner, base, extend)
        r = score(outer, th_f)
        per_fold.append({"fold": f, "articles": len(outer), "thresholds": asdict(th_f), **_f1s(r)})
        nested_pred += spans_of(outer, th_f)
        log(f"fold{f}: out of fold " + " ".join(f"{k} {v:.4f}" for k, v in _f1s(r).items()) +
            (f" (levers: {', '.join(base.levers)})" if base.levers else ""))
    return per_fold, nested_pred


def fold_thresholds(oof: dict, fold: int) -> Thresholds:
    """The thresholds that scored fold ``fold`` in a run's nested cross-validation (its
    ``oof.json``; the pooled ones for a run saved without per-fold entries)."""
    th = next((p["thresholds"] for p in oof.get("cv_folds", []) if p["fold"] == fold), None) or oof["thresholds"]
    return Thresholds(**{**th, "levers": tuple(th["levers"])})


def _seconds_training(run: Path) -> dict[str, float]:
    return {d.parent.name: float(d.read_text()) for d in sorted(run.glob("*/done"))}


def finalize_run(run: Path, opts, log=print, retune: bool = False) -> dict:
    """Fit everything after the encoders of a finished run and write the artifact to
    ``run/model``: adapter, config, span models, metrics.json and the model card. The
    out-of-fold part is kept in ``oof.json`` and reused unless ``retune``."""
    from .model_card import write_model_card
    from .span_classifier import FILE
    from .span_classifier import save as save_span_models
    from .tagger import TaggerConfig

    t0 = time.time()
    if retune:
        for stale in [run / "oof.json", *run.glob(f"*/{FILE}")]:
            stale.unlink(missing_ok=True)
    data = RunData(opts)
    result: dict = {"options": asdict(opts), "articles": len(data.articles)}
    th, calib, fresh = Thresholds(), None, 0.0
    if opts.folds:
        if (run / "oof.json").exists():
            oof = json.loads((run / "oof.json").read_text())
        else:
            oof = out_of_fold(run, opts, data, log)[2]
            fresh = oof["seconds_out_of_fold"]
        result.update(oof)
        th, calib = Thresholds(**{**oof["thresholds"], "levers": tuple(oof["thresholds"]["levers"])}), oof["calibration"]
    config = TaggerConfig.load(run / "full" / "config.json")
    reports: dict = {}
    final = stage_decoder(run / "full", config.labels, data, opts.seed, reports, log)
    result["span_models"] = {d.name: json.loads((d / "span_models.json").read_text())
                             for d in sorted(run.iterdir()) if (d / "span_models.json").exists()}
    out = run / "model"
    out.mkdir(exist_ok=True)
    th.to_config(config)
    config.frozen_layer = data.frozen_layer
    if calib:
        config.span_calibration, config.sentence_calibration = calib["span"]["platt"], calib["sentence"]["platt"]
    config.extra = {"seed": opts.seed, "folds": opts.folds, "history": config.extra.get("history", [])}
    config.save(out / "config.json")
    shutil.copy(run / "full" / "adapter.safetensors", out / "adapter.safetensors")
    save_span_models(out, final.span_classifier, final.span_filter, final.given_classifier)
    from .paragraph_head import fit_for_run  # SemEval-2023 paragraphs: shipped only when it beats the mapped spans

    result["semeval2023"] = fit_for_run(run, opts, data, log, out=out)
    result["seconds_finalize"] = round(time.time() - t0 - fresh, 1)
    result["seconds_training"] = _seconds_training(run)
    if opts.continue_from:  # the epochs this run built on, first run first: their options and time belong in the card
        result["continued_from"] = [{"options": json.loads((earlier / "run.json").read_text()),
                                     "seconds_training": _seconds_training(earlier)} for earlier in lineage(opts)[::-1]]
    (out / "metrics.json").write_text(json.dumps(result, indent=2) + "\n")
    notes = run / "NOTES.md"  # the person who ran it: why these settings
    write_model_card(out, config, result, notes.read_text() if notes.exists() else "")
    log(f"model written to {out} ({time.time() - t0:.0f} s)")
    return result
