"""How far the PTC-14 encoder carries toward SemEval-2023 subtask 3 (23 techniques per paragraph),
measured out of fold, before any SemEval-2023 head ships.

    python bench/semeval2023_paragraphs.py --run runs/accurate

The SemEval-2023 English training articles are the PTC train articles re-rendered (the same
characters, other line breaks; PROVENANCE.md), so the token probabilities and encoder states that
each fold model of a ``propscope train`` run gave its held-out articles (``foldK/heldout.pt``)
describe every SemEval-2023 paragraph out of fold. Three predictions are scored with the
official subtask-3 measures (``propscope.paragraphs.score``):

- every paragraph labelled Loaded_Language (the trivial baseline);
- the fold models' token head, mapped: a paragraph carries a technique when the mean probability
  of its PTC-14 source technique over the paragraph passes a threshold (tuned on the other folds);
- a paragraph head: one logistic regression per SemEval-2023 technique over the paragraph's mean
  encoder state and its mean and max token probabilities. For each fold, its weight decay and
  per-technique thresholds are chosen by cross-validation inside the other folds, then it is
  fitted on them: nothing about a fold's labels reaches its own prediction.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope import paragraphs, taxonomy  # noqa: E402
from propscope.techniques.corpus import DEFAULT_DATA  # noqa: E402
from propscope.techniques.encoding import tokens_inside  # noqa: E402
from propscope.techniques.training import resume_options  # noqa: E402
from propscope.techniques.tuning import RunData  # noqa: E402

EN = DEFAULT_DATA / "semeval2023_task3" / "data" / "en"
GRID = np.round(np.arange(0.05, 0.8, 0.05), 2)
WEIGHT_DECAYS = (1e-4, 1e-3, 1e-2)


def char_map(src: str, dst: str) -> np.ndarray | None:
    """For each character of ``src``, the index of the same non-space character in ``dst`` (spaces
    map to the next one); None when the two differ in more than whitespace."""
    a = [i for i, c in enumerate(src) if not c.isspace()]
    b = [i for i, c in enumerate(dst) if not c.isspace()]
    if len(a) != len(b) or any(src[i] != dst[j] for i, j in zip(a, b)):
        return None
    out = np.full(len(src) + 1, len(dst), dtype=np.int64)
    out[a] = b
    for i in range(len(src) - 1, -1, -1):  # whitespace takes the next character's place
        if src[i].isspace():
            out[i] = out[i + 1]
    return out


def fit_heads(x: np.ndarray, y: np.ndarray, weight_decay: float = 1e-2) -> tuple:
    mean, scale = x.mean(0), x.std(0) + 1e-6
    xt = torch.from_numpy(((x - mean) / scale).astype(np.float32))
    yt = torch.from_numpy(y.astype(np.float32))
    layer = torch.nn.Linear(x.shape[1], y.shape[1])
    rate = yt.mean(0).clamp(1e-3, 1 - 1e-3)
    with torch.no_grad():
        layer.weight.zero_()
        layer.bias.copy_(torch.log(rate / (1 - rate)))
    optim = torch.optim.LBFGS(layer.parameters(), max_iter=200, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optim.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(layer(xt), yt) + weight_decay * (layer.weight ** 2).sum()
        loss.backward()
        return loss

    optim.step(closure)
    return mean, scale, layer


def predict(head: tuple, x: np.ndarray) -> np.ndarray:
    mean, scale, layer = head
    with torch.no_grad():
        return torch.sigmoid(layer(torch.from_numpy(((x - mean) / scale).astype(np.float32)))).numpy()


def micro_f1(probs: np.ndarray, y: np.ndarray, th: np.ndarray) -> float:
    p = probs >= th
    tp, fp, fn = (p & (y > 0)).sum(), (p & (y == 0)).sum(), (~p & (y > 0)).sum()
    return 2 * tp / max(2 * tp + fp + fn, 1)


def tune(probs: np.ndarray, y: np.ndarray) -> np.ndarray:
    """One global threshold by micro-F1, then each technique's own, in turn."""
    th = np.full(y.shape[1], max(GRID, key=lambda t: micro_f1(probs, y, np.full(y.shape[1], t))))
    for j in range(y.shape[1]):
        best = th[j]
        for t in [*GRID, 1.01]:
            th[j] = t
            if micro_f1(probs, y, th) > micro_f1(probs, y, np.where(np.arange(len(th)) == j, best, th)):
                best = t
        th[j] = best
    return th


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", default="runs/accurate", help="a finished propscope train run folder")
    args = ap.parse_args()
    run = Path(args.run)
    opts = resume_options(run)
    data = RunData(opts)
    classes = list(taxonomy.load("semeval2023").names)
    ptc_labels = list(taxonomy.load("ptc14").names)
    gold = paragraphs.read_rows(EN / "train-labels-subtask-3.txt")
    rows, feats, labels, fold_of = [], [], [], []
    skipped = 0
    for f in range(opts.folds):
        arts, tps = data.probs(run / f"fold{f}", "heldout.pt")
        for art, tp in zip(arts, tps):
            path = EN / "train-articles-subtask-3" / f"article{art.id}.txt"
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            to_ptc = char_map(text, art.text)
            if to_ptc is None:
                skipped += 1
                continue
            for n, s, e in paragraphs.paragraphs(text):
                if (art.id, n) not in gold:
                    continue
                inside = tokens_inside(tp.encoded.offsets, int(to_ptc[s]), int(to_ptc[e - 1]) + 1)
                if not inside.any():
                    continue
                probs = tp.probs[inside]
                feats.append(np.concatenate([tp.hidden[inside].astype(np.float32).mean(0), probs.mean(0), probs.max(0),
                                             [np.log(inside.sum())]]))
                labels.append([float(c in gold[(art.id, n)]) for c in classes])
                rows.append((art.id, n))
                fold_of.append(f)
    x, y, fold_of = np.stack(feats), np.array(labels), np.array(fold_of)
    n_probs = 1 + len(ptc_labels)
    hidden = x.shape[1] - 2 * n_probs - 1
    print(f"{len(rows)} paragraphs of {len({r[0] for r in rows})} articles ({skipped} articles not aligned), "
          f"{opts.folds} folds from {run}")

    def report(name: str, pred: np.ndarray) -> None:
        pred_rows = {r: [c for c, on in zip(classes, p) if on] for r, p in zip(rows, pred)}
        s = paragraphs.score(pred_rows, {r: gold[r] for r in rows}, classes)
        print(f"  {name:<44} micro-F1 {s.micro_f1:.4f}  macro-F1 {s.macro_f1:.4f}")

    trivial = np.zeros_like(y, dtype=bool)
    trivial[:, classes.index("Loaded_Language")] = True
    report("Loaded_Language everywhere", trivial)
    # mapped token head: a SemEval-2023 technique's score is the best mean probability of a PTC-14 source
    mapping = taxonomy.mapping("ptc14", "semeval2023")
    mean_probs = x[:, hidden + 1 : hidden + n_probs]
    mapped = np.zeros_like(y)
    for j, c in enumerate(classes):
        srcs = [ptc_labels.index(s) for s in ptc_labels if c in mapping.targets(s)]
        if srcs:
            mapped[:, j] = mean_probs[:, srcs].max(1)
    pred = np.zeros_like(y, dtype=bool)
    for f in range(opts.folds):
        th = tune(mapped[fold_of != f], y[fold_of != f])
        pred[fold_of == f] = mapped[fold_of == f] >= th
    report("token head mapped from PTC-14", pred)
    pred, chosen = np.zeros_like(y, dtype=bool), []
    for f in range(opts.folds):  # nested: weight decay and thresholds from the other folds alone
        inner = [g for g in range(opts.folds) if g != f]
        best = None
        for wd in WEIGHT_DECAYS:
            probs = np.zeros_like(y)
            for g in inner:
                train = np.isin(fold_of, [h for h in inner if h != g])
                probs[fold_of == g] = predict(fit_heads(x[train], y[train], wd), x[fold_of == g])
            mask = np.isin(fold_of, inner)
            th = tune(probs[mask], y[mask])
            score = micro_f1(probs[mask], y[mask], th)
            best = max(best or (score, wd, th), (score, wd, th), key=lambda b: b[0])
        chosen.append(best[1])
        head = fit_heads(x[np.isin(fold_of, inner)], y[np.isin(fold_of, inner)], best[1])
        pred[fold_of == f] = predict(head, x[fold_of == f]) >= best[2]
    report(f"paragraph head (weight decay per fold {chosen})", pred)
    print(json.dumps({"paragraphs": len(rows), "gold_labels": int(y.sum())}))


if __name__ == "__main__":
    main()
