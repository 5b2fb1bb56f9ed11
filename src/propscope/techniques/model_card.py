"""The model card: what a shipped artifact is, how it was made and how well it does, written
from a run's ``metrics.json`` so that the card never disagrees with the figures."""

from __future__ import annotations

from pathlib import Path

from .. import bases


def _f(x) -> str:
    return "-" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def _off(threshold: float | None) -> str:
    """A threshold that can be off (None; above 1 in configs written before None was allowed)."""
    return "off" if threshold is None or threshold > 1 else str(threshold)


def _layer_arg(value: int | list[int]) -> str:
    """A config's ``frozen_layer`` as `--frozen-layer` takes it: "6", "2-6" or "2,4,6"."""
    from .tagger import frozen_layers

    layers = frozen_layers(value)
    if len(layers) > 2 and layers == list(range(layers[0], layers[-1] + 1)):
        return f"{layers[0]}-{layers[-1]}"
    return ",".join(map(str, layers))


def _layers(value: int | list[int]) -> str:
    """"layer 6", "layers 2-6" or "layers 2,4,6"."""
    arg = _layer_arg(value)
    return f"layers {arg}" if "-" in arg or "," in arg else f"layer {arg}"


def _command(opts: dict, continued: list[dict]) -> str:
    """The commands that reproduce the run: each continued run names the run it started from."""
    def train(o: dict, out: str) -> str:
        return (f"`propscope train --base {o['base']} --top-layers {o['top_layers']} --epochs {o['epochs']} --lr "
                f"{o['lr']} --head-lr {o['head_lr']} --lora-rank {o['lora_rank']} --folds {o['folds']} --seed "
                f"{o['seed']} --out {out}`")

    tuned = ("" if opts.get("frozen_layer") is None else
             f", then `propscope train --retune RUN --frozen-layer {_layer_arg(opts['frozen_layer'])}`")
    if not continued:
        return train(opts, "RUN") + tuned
    names = [f"RUN{k + 1}" for k in range(len(continued))] + ["RUN"]
    runs = [c["options"] for c in continued] + [opts]
    steps = [f"{train(runs[0], names[0])} ({runs[0]['epochs']} epochs)"]
    steps += [f"`propscope train --continue-from {names[k - 1]}"
              + (f" --top-layers {o['top_layers']}" if o["top_layers"] != runs[k - 1]["top_layers"] else "")
              + f" --epochs {o['epochs']} --lr {o['lr']} --head-lr {o['head_lr']} --out {names[k]}` "
              f"({o['epochs']} more)" for k, o in enumerate(runs) if k]
    return (", then ".join(steps) + " (each continuation starts from every stage's weights with a fresh "
            f"learning-rate schedule; {sum(o['epochs'] for o in runs)} epochs in all)" + tuned)


def _continued(result: dict) -> list[dict]:
    """The runs this one continued, first first (older cards kept one as a dict)."""
    earlier = result.get("continued_from") or []
    return [earlier] if isinstance(earlier, dict) else earlier


def _seconds(seconds: dict[str, float], label: str) -> str:
    return f"{label}" + ", ".join(f"{k} {v:.0f}" for k, v in seconds.items()) + "; " if seconds else ""


def write_model_card(out: Path, config, result: dict, notes: str = "") -> None:
    """Write ``MODEL_CARD.md``; ``notes`` (the run's ``NOTES.md``: why these settings) ends it."""
    opts = result["options"]
    base = bases.get(config.base)
    layers = (f"LoRA rank {config.lora_rank} on every linear layer ({', '.join(base.lora_targets)}) of encoder layers "
              f"{config.lora_layers[0] + 1}-{config.lora_layers[-1] + 1} of {base.n_layers}" if config.lora_layers else
              f"LoRA rank {config.lora_rank} on every linear layer ({', '.join(base.lora_targets)}) of all "
              f"{base.n_layers} encoder layers")
    cv = result.get("cv")
    lexical = result.get("span_models", {}).get("full", {}).get("span_classifier", {}).get("lexical", False)
    given = "given_classifier" in result.get("span_models", {}).get("full", {})
    lines = [f"# Model card: `{config.name}`", "",
             "Technique span tagger for the 14 PTC techniques (SemEval-2020 Task 11).", "",
             f"- **Base encoder**: `{config.base}`, {base.description}, from its PyPI wheels (`src/propscope/bases.py`).",
             f"- **Adapters**: {layers}; a token head (\"any technique\" + one sigmoid per technique); a span "
             "classifier and a span filter (`span_classifier.py`) over the span's mean top-layer state, head "
             "probabilities and surface features"
             + ("" if config.frozen_layer is None else
                f"; the classifier also reads the span's mean state after {_layers(config.frozen_layer)} (frozen base "
                "weights: as sure on the training articles it is fitted on as on new ones, which the trained top "
                "is not)")
             + ("" if not given else
                "; spans a user gives (TC, `classify-spans`) are labelled by a second classifier fitted on the same "
                "gold spans that also reads the maximum and spread of the highest frozen layer's states over the span "
                "(they help on an annotator's edges and not on decoded ones, so decoding keeps the first)")
             + ("; and the span's own words: the log-probabilities of a logistic regression per technique over "
                "the character n-grams of the span's text (2-5 characters in words, fitted on the training articles' "
                "gold spans; for the classifier's own fitting, each span's from a fit on the other articles)"
                if lexical else "") + ".",
             f"- **Training** ({_command(opts, _continued(result))}): "
             + (f"the lower {base.n_layers - opts['top_layers']} layers run once and are cached (bf16); the top "
                f"{opts['top_layers']} layers' adapters" if opts["top_layers"] < base.n_layers else
                f"nothing is cached: the adapters of all {base.n_layers} layers")
             + " and the head train on "
             f"{opts['window']}-token windows without overlap, batch {opts['batch_size']}, AdamW, linear warm-up and "
             f"decay. One model per fold (out-of-fold predictions), then one on all {result['articles']} PTC train "
             "articles: the shipped one.",
             "- **Time on the CPU** (2 cores, shared with other work, seconds per stage): "
             + "".join(_seconds(c["seconds_training"], "first run: " if k == 0 else f"continuation {k}: ")
                       for k, c in enumerate(_continued(result)))
             + _seconds(result.get("seconds_training", {}), "last continuation: " if _continued(result) else "")
             + (f"out-of-fold tuning {result['seconds_out_of_fold']:.0f}, " if "seconds_out_of_fold" in result else "")
             + f"final fitting {result.get('seconds_finalize', 0):.0f}.",
             f"- **Inference windows**: {config.max_tokens} tokens with {config.overlap} of overlap; probabilities "
             "averaged per token.",
             f"- **Thresholds** (tuned on the pooled out-of-fold predictions): span {config.span_threshold}, span filter "
             f"{config.span_filter_threshold}, extra technique {_off(config.technique_threshold)}, technique-only spans "
             f"{_off(config.technique_span_threshold)}"
             + (f"; runs longer than {config.max_run_chars} characters are cut where a sentence starts"
                if config.max_run_chars is not None else "")
             + (f"; a span's edges grow over neighbouring tokens down to {config.span_extend_threshold}"
                if config.span_extend_threshold is not None else "") + ".", ""]
    if cv:
        lines += ["## Cross-validated scores", "",
                  f"{opts['folds']} folds split by article (seed {opts['seed']}). Each fold's model never saw its "
                  "articles; the thresholds that score fold f were tuned on the other folds' out-of-fold predictions "
                  "only (nested), so no figure here was tuned on the articles it scores.", "",
                  "| task | mean F1 | spread (st. dev.) | per fold |", "|---|---|---|---|"]
        lines += [f"| {t.upper()} | {cv[t]['mean']:.4f} | {cv[t]['stdev']:.4f} | "
                  + " / ".join(f"{v:.4f}" for v in cv[t]["folds"]) + " |" for t in ("si", "flc", "tc")]
        pooled = result["cv_pooled"]["flc"]["per_technique"]
        tc = result["out_of_fold"]["tc"]["per_technique"]
        lines += ["", "Per technique, out of fold (FLC F1 from the nested predictions of every fold; TC F1 with "
                  "the final thresholds):", "", "| technique | FLC F1 | TC F1 | gold spans |", "|---|---|---|---|"]
        lines += [f"| {t} | {pooled[t]['f1']:.3f} | {tc.get(t, {}).get('f1', 0):.3f} | {pooled[t]['gold']} |"
                  for t in sorted(pooled)]
        cal = result["calibration"]
        lines += ["", "## Calibration", "",
                  "A span's score is the Platt-scaled probability that at least half of its characters lie inside "
                  "gold spans of its technique; a sentence's, that it overlaps a gold span. Expected calibration "
                  "error (10 equal-width bins), out of fold (each fold scaled by parameters fitted on the others):",
                  "", f"- spans: {cal['span']['ece_uncalibrated']:.4f} raw, **{cal['span']['ece_out_of_fold']:.4f}** "
                  f"calibrated ({cal['span']['n']} spans)",
                  f"- sentences: {cal['sentence']['ece_uncalibrated']:.4f} raw, "
                  f"**{cal['sentence']['ece_out_of_fold']:.4f}** calibrated ({cal['sentence']['n']} sentences)", "",
                  "| confidence bin | spans | mean confidence | share right |", "|---|---|---|---|"]
        lines += [f"| {r['bin']} | {r['n']} | {r['confidence']:.3f} | {r['accuracy']:.3f} |"
                  for r in cal["span"]["reliability"]]
    levers = result.get("levers")
    if levers:
        lines += ["", "## Post-processing levers (nested cross-validation, mean over folds)", "",
                  "| lever | SI F1 | FLC F1 | kept |", "|---|---|---|---|"]
        lines += [f"| {k} | {_f(v['si'])} | {_f(v['flc'])} | {'yes' if v['kept'] else 'no'} |" for k, v in levers.items()]
    if result.get("semeval2023"):
        lines += semeval2023_section(result["semeval2023"])
    hist = config.extra.get("history") or []
    if hist:
        lines += ["", "## Training loss of the shipped model", "", "| epoch | loss | seconds |", "|---|---|---|"]
        lines += [f"| {h['epoch']} | {h['loss']:.4f} | {h['seconds']:.0f} |" for h in hist]
    if notes.strip():
        lines += ["", notes.strip()]
    (out / "MODEL_CARD.md").write_text("\n".join(lines) + "\n")


SEMEVAL_SOURCES = {"head": "paragraph head (nested CV)",
                   "head_without_token_maxima": "paragraph head without the token-head maxima (nested CV)",
                   "head_with_token_maxima": "paragraph head with the token-head maxima (nested CV; not used)",
                   "mapped_spans": "spans mapped from PTC-14",
                   "span_thresholds": "spans mapped from PTC-14, decoded at the grids' lowest thresholds, "
                                      "a threshold per technique (nested CV)",
                   "trivial": "Loaded_Language on every paragraph",
                   "mapped_gold_spans": "the gold PTC-14 spans mapped: what the mapped spans would score with a "
                                        "flawless PTC-14 model"}
ROUTE = ("The spans with a threshold per technique are each fold's held-out articles decoded at the lowest span, "
         "technique and filter thresholds of the tuning grids, each paragraph scored per technique by its best "
         "calibrated mapped span, with thresholds tuned for paragraph micro-F1 on the other folds. ")


def semeval2023_section(r: dict) -> list[str]:
    """The card's section on SemEval-2023 subtask 3 (``paragraph_head.fit_for_run``'s report)."""
    shipped = r.get("source") == "paragraph head"
    lines = ["", "## SemEval-2023 paragraph head", "",
             f"SemEval-2023 Task 3 subtask 3 (23 persuasion techniques per paragraph), English: {r['paragraphs']} "
             f"paragraphs of {r['articles']} training articles (the PTC train articles re-rendered), each described "
             f"by the fold model that never saw it ({r['folds']} folds). The paragraph head is one logistic regression "
             "per technique over the techniques the mapped spans give a paragraph and each technique's best "
             "calibrated score among the mapped spans of a decoding at the tuning grids' lowest thresholds"
             + ("; then each token-head column's highest probability in the paragraph (the token-head maxima, "
                "used because they raised the nested micro-F1 on every fold)" if r.get("token_maxima") else "")
             + "; fold f is scored by a head whose "
             "weight decay, thresholds and weights come from the other folds only. " + ROUTE * ("span_thresholds" in r)
             + "Official subtask-3 measures "
             "(micro-F1 over technique labels; macro-F1 over the 23 techniques, a technique absent from both gold "
             "and predictions scoring 1).", "",
             "| paragraph labels from | micro-F1 | macro-F1 | micro-F1 per fold: mean | spread (st. dev.) | per fold |",
             "|---|---|---|---|---|---|"]
    for key, name in SEMEVAL_SOURCES.items():
        if key not in r:  # a report from before that route was measured
            continue
        s = r[key]
        lines.append(f"| {name} | {s['micro_f1']:.4f} | {s['macro_f1']:.4f} | {s['micro']['mean']:.4f} | "
                     f"{s['micro']['stdev']:.4f} | " + " / ".join(f"{v:.4f}" for v in s["micro"]["folds"]) + " |")
    head, spans = r["head"]["per_technique"], r["mapped_spans"]["per_technique"]
    lines += ["", "Per technique (pooled over the folds; a technique with no gold paragraph is left out):", "",
              "| technique | head F1 | mapped spans F1 | gold paragraphs | predicted by the head |",
              "|---|---|---|---|---|"]
    lines += [f"| {t} | {head[t]['f1']:.3f} | {spans[t]['f1']:.3f} | {head[t]['gold']} | {head[t]['predicted']} |"
              for t in head if head[t]["gold"]]
    if shipped:
        lines += ["", f"**Shipped** (`paragraph_head.safetensors`, weight decay {r['shipped']['weight_decay']}, fitted on "
                  "every out-of-fold paragraph; per-technique thresholds tuned on the pooled cross-validated "
                  "predictions): `propscope analyze --taxonomy semeval2023` maps the spans, then the head decides "
                  "each paragraph's techniques: a mapped span of a technique the head does not give its paragraph is "
                  "dropped, and a technique the head gives a paragraph without any such span gets one span over the "
                  "paragraph (scored with the head's probability). `--format paragraphs` therefore prints the head's "
                  "labels; the analysis notes say that the labels are judged per paragraph."]
    else:
        lines += ["", "**Not shipped**: the head did not beat the mapped spans' micro-F1 on every fold by a clear margin "
                  "(0.002 on average), so `propscope analyze --taxonomy semeval2023` "
                  "labels paragraphs from the spans alone."]
    return lines


def write_ngram_card(out: Path, metrics: dict) -> None:
    """``MODEL_CARD.md`` of the paragraph n-gram model (``techniques.ngram.train``'s metrics)."""
    from ..language import name

    opts, langs = metrics["options"], metrics["languages"]
    lines = ["# Model card: `ngram`", "",
             "Paragraph-level techniques of SemEval-2023 Task 3 (subtask 3: 23 persuasion techniques per paragraph) "
             "in " + ", ".join(f"{name(k)} ({k})" for k in langs) + ", for the languages the span taggers cannot "
             "read (their encoders are English; no multilingual encoder ships on PyPI).", "",
             f"- **What it reads**: TF-IDF over character n-grams inside words ({opts['ngrams'][0]}-{opts['ngrams'][1]} "
             f"characters, the {opts['max_features']:,} most frequent per language, sublinear term frequency); per "
             "language one logistic regression per technique (scikit-learn, liblinear) and one for \"any technique\", "
             "the paragraph's score. No encoder: wording, not meaning. A label says that a paragraph reads like the "
             "paragraphs annotated with that technique; a span covers the whole paragraph.",
             "- **Data**: the SemEval-2023 Task 3 training paragraphs of each language (`../shared/data/semeval2023_task3`; "
             "English: the PTC train articles re-rendered; the PTC dev articles are held out of the shared data).",
             f"- **Training**: `propscope train-ngram --out DIR` (seed {opts['seed']}, {opts['folds']} folds); the "
             f"regularisation (C in {', '.join(str(c) for c in opts['cs'])}) and one threshold per technique are chosen "
             "by cross-validation over each language's articles, then the model is fitted on all of them.",
             "- **Use**: `propscope analyze --model ngram PATH` (the analyses are in the `semeval2023` taxonomy; "
             "`--format paragraphs` prints subtask-3 rows). The span models stay the better choice for English.", "",
             "## Cross-validated scores", "",
             f"Nested {opts['folds']}-fold cross-validation split by article (seed {opts['seed']}): fold f is labelled by "
             "a model whose regularisation and thresholds were chosen on the other folds alone. The trivial baseline "
             "puts the k most frequent techniques of the other folds on every paragraph (k up to 5, chosen there). "
             "Official subtask-3 measures: micro-F1 over technique labels; macro-F1 over the 23 techniques (a technique "
             "absent from both gold and predictions scores 1).", "",
             "| language | articles | paragraphs | micro-F1 (pooled) | per fold | trivial micro-F1 | trivial per fold | "
             "macro-F1 | trivial macro-F1 | label ECE | paragraph ECE |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for k, r in langs.items():
        if "model" not in r:
            continue
        m, t = r["model"], r["trivial"]
        lines.append(f"| {name(k)} | {r['articles']} | {r['paragraphs']} | {m['micro_f1']:.3f} | "
                     + " / ".join(f"{v:.3f}" for v in m["micro"]["folds"]) + f" | {t['micro_f1']:.3f} | "
                     + " / ".join(f"{v:.3f}" for v in t["micro"]["folds"])
                     + f" | {m['macro_f1']:.3f} | {t['macro_f1']:.3f} | {r['calibration']['ece']:.3f} | "
                     f"{r['calibration']['paragraph_ece']:.3f} |")
    lines += ["", "Label ECE: expected calibration error (10 equal-width bins) of the probabilities of the labels the "
              "nested models predicted, against whether the gold has them: how far a shown score is from the share "
              "of such labels that are right. Paragraph ECE: the same for every paragraph's score (the probability "
              "of any technique) against whether its gold row has one.", "",
              "## Per technique (F1, pooled over the folds)", "",
              "| technique | " + " | ".join(langs) + " |", "|---|" + "---|" * len(langs)]
    techniques = next((list(r["model"]["per_technique"]) for r in langs.values() if "model" in r), [])
    for tech in techniques:
        cells = []
        for r in langs.values():
            s = r.get("model", {}).get("per_technique", {}).get(tech)
            cells.append("-" if not s or not s["gold"] else f"{s['f1']:.2f} ({s['gold']})")
        if any(c != "-" for c in cells):
            lines.append(f"| {tech} | " + " | ".join(cells) + " |")
    lines += ["", "Cells: F1 (gold paragraphs); `-`: no gold paragraph in that language.", "",
              "## Time on the CPU", "",
              ", ".join(f"{k} {r['seconds']:.0f} s" for k, r in langs.items()) + " (cross-validation and the final fit, "
              "one process)."]
    (out / "MODEL_CARD.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
