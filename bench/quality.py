"""A model's SI, FLC and TC scores on the validation articles recorded in its config.

    python bench/quality.py                  # the shipped fast model (accurate has no validation
                                             # split: its cross-validated figures are in its card)
    python bench/quality.py --int8           # the same with the quantised encoder
    python bench/quality.py --model runs/x   # any artifact folder

These are the articles its thresholds and calibration were tuned on, so the figures are
optimistic for unseen articles; they are for comparing variants of one artifact
(float against int8, a re-tuned decoder), not for quoting as the model's quality on new text.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope.pipeline import load_model  # noqa: E402
from propscope.techniques.corpus import load_ptc_train  # noqa: E402
from propscope.techniques.evaluation import evaluate_model  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="fast")
    ap.add_argument("--int8", action="store_true")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = load_model(args.model, device="cpu", int8=args.int8)
    val_ids = set(model.config.extra.get("val_articles", []))
    if not val_ids:
        sys.exit(f"{model.name} records no validation articles: models trained with cross-validation carry their "
                 "out-of-fold figures in metrics.json and MODEL_CARD.md")
    val = [a for a in load_ptc_train() if a.id in val_ids]
    t = time.perf_counter()
    scores = evaluate_model(model, val)
    print(f"model {model.name}, {len(val)} validation articles, {time.perf_counter() - t:.1f} s")
    for task in ("si", "flc", "tc"):
        o = scores[task]["overall"]
        print(f"  {task.upper():<4} P {o['precision']:.4f}  R {o['recall']:.4f}  F1 {o['f1']:.4f}")


if __name__ == "__main__":
    main()
