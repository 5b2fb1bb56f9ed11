"""A model's SI, FLC and TC scores on labelled PTC articles, in float32, bfloat16 or int8.

    python bench/quality.py --run runs/fast --fold 0           # a cross-validated run's fold model on
    python bench/quality.py --run runs/fast --fold 0 --int8    # the articles it never saw, with the
    python bench/quality.py --run runs/accurate --fold 0 --bf16  # thresholds that scored that fold in
                                                               # the run's nested CV (oof.json)
    python bench/quality.py --model DIR                        # an artifact trained with a validation
                                                               # split (older models), on that split

A validation split is where a model's thresholds and calibration were tuned, so its figures are
optimistic for unseen articles; a fold of a run is unseen by its model and its thresholds. Both
are for comparing variants of one network (float32 against bfloat16 or int8), not for quoting
one figure as the model's quality (a run's model card has its cross-validated table).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope.pipeline import load_model  # noqa: E402
from propscope.techniques.corpus import load_ptc_train  # noqa: E402
from propscope.techniques.decode import Thresholds  # noqa: E402
from propscope.techniques.evaluation import evaluate_model  # noqa: E402
from propscope.techniques.training import resume_options, stages  # noqa: E402
from propscope.techniques.tuning import fold_thresholds  # noqa: E402


def fold_of_run(run: Path, fold: int, ids: list[str]) -> tuple[str, set[str], Thresholds]:
    """A run's fold model, the articles of ``ids`` it held out, and the thresholds its nested CV
    scored it with."""
    opts = resume_options(run)
    name, _, held = stages(opts, ids[: opts.limit_articles] if opts.limit_articles else ids)[fold]
    return str(run / name), held, fold_thresholds(json.loads((run / "oof.json").read_text()), fold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="fast")
    ap.add_argument("--run", type=Path, help="a finished cross-validated `propscope train` run folder")
    ap.add_argument("--fold", type=int, default=0, help="with --run: which fold's model and articles")
    ap.add_argument("--int8", action="store_true")
    ap.add_argument("--bf16", action="store_true")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    th = None
    labelled = load_ptc_train()
    if args.run:
        name, ids, th = fold_of_run(args.run, args.fold, [a.id for a in labelled])
        what = f"fold {args.fold} of {args.run}: {{n}} held-out articles"
    else:
        name, ids = args.model, None
        what = "{n} validation articles"
    model = load_model(name, device="cpu", int8=args.int8, bf16=args.bf16)
    if ids is None:
        ids = set(model.config.extra.get("val_articles", []))
        if not ids:
            sys.exit(f"{model.name} records no validation articles: for a cross-validated run use --run RUN --fold K; "
                     "its out-of-fold figures are in metrics.json and MODEL_CARD.md")
    articles = [a for a in labelled if a.id in ids]
    t = time.perf_counter()
    scores = evaluate_model(model, articles, th=th)
    precision = "int8" if args.int8 else "bfloat16" if args.bf16 else "float32"
    print(f"model {model.name} ({precision}), {what.format(n=len(articles))}, {time.perf_counter() - t:.1f} s")
    for task in ("si", "flc", "tc"):
        o = scores[task]["overall"]
        print(f"  {task.upper():<4} P {o['precision']:.4f}  R {o['recall']:.4f}  F1 {o['f1']:.4f}")


if __name__ == "__main__":
    main()
