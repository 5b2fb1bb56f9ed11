"""How far the PTC-14 encoder carries toward SemEval-2023 subtask 3 (23 techniques per paragraph),
measured out of fold on a tuned training run.

    python bench/semeval2023_paragraphs.py --run runs/accurate

The SemEval-2023 English training articles are the PTC train articles re-rendered (the same
characters, other line breaks; PROVENANCE.md), so what each fold model of a ``propscope train``
run predicts for its held-out articles (``foldK/heldout.pt``, decoded with the thresholds of the
run's nested CV in ``oof.json``) describes every SemEval-2023 paragraph out of fold. These are
scored with the official subtask-3 measures (``propscope.paragraphs.score``):

- every paragraph labelled Loaded_Language (the trivial baseline);
- the fold models' decoded spans, mapped into SemEval-2023 as ``analyze --taxonomy semeval2023``
  maps them when the model ships no paragraph head;
- the same spans decoded at the tuning grids' lowest thresholds, a paragraph carrying a technique
  when its best calibrated mapped span of that technique passes a threshold tuned on the other folds;
- the paragraph head: one logistic regression per SemEval-2023 technique over the techniques the
  mapped spans give the paragraph and each technique's best score among the low-threshold spans,
  with and without each token-head column's highest probability in the paragraph (the maxima are
  used when they raise the nested micro-F1 on every fold).
  For each fold, its weight decay and per-technique thresholds are chosen by cross-validation
  inside the other folds, then it is fitted on them: nothing about a fold's labels reaches its own
  prediction;
- the gold PTC-14 spans, mapped: the ceiling of the mapped route. The SemEval-2023 English spans
  are the PTC spans relabelled (the same character ranges for all but about 2% of them), so this
  row says how much of the gap to the gold paragraph labels lies in the mapping and how much in
  the PTC-14 model.

The code lives in ``propscope.techniques.paragraph_head``; ``propscope train`` runs it too and
ships the head with the model when it beats the mapped spans by the rule every lever passes
(``tuning.clearly_better``: higher on average, lower on no fold).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope.techniques.model_card import SEMEVAL_SOURCES  # noqa: E402
from propscope.techniques.paragraph_head import cross_validate  # noqa: E402
from propscope.techniques.training import resume_options  # noqa: E402
from propscope.techniques.tuning import RunData  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", default="runs/accurate", help="a finished propscope train run folder")
    args = ap.parse_args()
    run = Path(args.run)
    opts = resume_options(run)
    found = cross_validate(run, opts, RunData(opts), log=lambda line: None)
    if found is None:
        sys.exit(f"no folds in {run}, not tuned yet (`propscope train --resume {run}`), or no SemEval-2023 English data")
    report = found[1]
    print(f"{report['paragraphs']} paragraphs of {report['articles']} articles ({report['not_aligned']} articles not "
          f"aligned), {opts.folds} folds from {run}")
    for key, name in SEMEVAL_SOURCES.items():
        if key not in report:  # the head is measured with and without the token-head maxima; one of them is "head"
            continue
        r = report[key]
        extra = f" (weight decay per fold {r['weight_decay_per_fold']})" if key == "head" else ""
        print(f"  {name + extra:<70} micro-F1 {r['micro_f1']:.4f}  macro-F1 {r['macro_f1']:.4f}  "
              f"(per fold {r['micro']['mean']:.4f} ± {r['micro']['stdev']:.4f}: "
              f"{' / '.join(f'{v:.4f}' for v in r['micro']['folds'])})")
    print(json.dumps({"paragraphs": report["paragraphs"], "gold_labels": report["gold_labels"]}))


if __name__ == "__main__":
    main()
