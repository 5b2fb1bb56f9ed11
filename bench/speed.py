"""Speed of ``analyze`` against the bare encoder and a naive transformers pipeline.

    python bench/speed.py                    # CPU, 2 threads, 40 PTC articles (or generated text)
    python bench/speed.py --model accurate   # the MPNet model
    python bench/speed.py --gpu --n 10000    # on a GPU machine: articles/s end to end

Tokens/s are article tokens (each counted once, whatever the window overlap)
divided by wall time, the same texts for all three paths:
- analyze: the whole public path (tokenise, windows, encoder, decode spans, sentence scores);
- analyze int8: the same with ``--int8`` (a quantised encoder: faster, slightly different spans),
  only for bases where int8 is safe (``bases.py``: not MPNet);
- analyze bf16: the same with ``--bf16``, the network in bfloat16 (this CPU has avx512_bf16 but no AMX);
- bare encoder: encoder + head forward over the same tokens cut into non-overlapping
  full windows, nothing else (the floor for any implementation on these weights);
- naive pipeline: ``transformers.pipeline("token-classification")`` over the same merged
  weights, one article at a time, with ``stride`` so long articles are covered.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope import bases  # noqa: E402
from propscope.pipeline import load_model  # noqa: E402
from propscope.techniques.encoding import encode  # noqa: E402
from propscope.techniques.tagger import TechniqueModel  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc_semeval2020_task11" / "train-articles"


def texts(n: int) -> list[str]:
    files = sorted(DATA.glob("*.txt"))
    if files:
        pool = [f.read_text(encoding="utf-8") for f in files]
    else:
        pool = [(Path(__file__).resolve().parents[1] / "samples" / "sample_article.txt").read_text()]
    return [pool[i % len(pool)] for i in range(n)]


REPEAT = 3


def timed(fn) -> float:
    """Best of ``REPEAT`` runs: the least disturbed by whatever else the machine does."""
    best = float("inf")
    for _ in range(REPEAT):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def bare_encoder(model: TechniqueModel, docs: list[str]) -> None:
    width = model.config.max_tokens - 2
    ids = np.concatenate([e.ids for e in encode(model.tokenizer, docs)])
    chunks = [ids[i : i + width] for i in range(0, len(ids), width)]
    tok = model.tokenizer
    with torch.inference_mode():
        for k in range(0, len(chunks), model.batch_windows):
            batch = chunks[k : k + model.batch_windows]
            w = max(len(c) for c in batch) + 2
            x = np.full((len(batch), w), tok.pad_token_id)
            m = np.zeros((len(batch), w), dtype=np.int64)
            for r, c in enumerate(batch):
                x[r, 0], x[r, 1 : len(c) + 1], x[r, len(c) + 1] = tok.cls_token_id, c, tok.sep_token_id
                m[r, : len(c) + 2] = 1
            model.net(torch.from_numpy(x).to(model.device), torch.from_numpy(m).to(model.device))


def naive_pipeline(model: TechniqueModel):
    from transformers import AutoConfig, AutoModelForTokenClassification, pipeline

    cfg = AutoConfig.from_pretrained(model.net.encoder.config._name_or_path, num_labels=1 + len(model.labels))
    clf = AutoModelForTokenClassification.from_config(cfg)
    base = getattr(clf, clf.base_model_prefix)
    base.load_state_dict(model.net.encoder.state_dict(), strict=False)
    clf.classifier.load_state_dict(model.net.head.state_dict())
    clf.eval().to(model.device, model.dtype)
    return pipeline("token-classification", model=clf, tokenizer=model.tokenizer, aggregation_strategy="simple",
                    stride=model.config.overlap, device=model.device)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--n", type=int, default=40, help="articles")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--gpu", action="store_true", help="only the end-to-end articles/s on the GPU")
    ap.add_argument("--repeat", type=int, default=3, help="runs per path; the best is reported")
    args = ap.parse_args()
    global REPEAT
    REPEAT = args.repeat
    torch.set_num_threads(args.threads)
    docs = texts(args.n)
    if args.gpu:
        if not torch.cuda.is_available():
            sys.exit("no GPU here: run this on a GPU machine")
        model = load_model(args.model, device="cuda")
        model.batch_windows = 128
        model.analyze_batch(docs[:64])
        torch.cuda.synchronize()
        t = timed(lambda: [model.analyze_batch(docs[i : i + 512]) for i in range(0, len(docs), 512)])
        print(json.dumps({"device": torch.cuda.get_device_name(), "articles": len(docs), "seconds": round(t, 2),
                          "articles_per_s": round(len(docs) / t, 1)}))
        return
    model = load_model(args.model, device="cpu")
    n_tokens = sum(len(e.ids) for e in encode(model.tokenizer, docs))
    model.analyze_batch(docs[:2])  # warm-up
    t_analyze = timed(lambda: model.analyze_batch(docs))
    t_bare = timed(lambda: bare_encoder(model, docs))
    rows = {"analyze": t_analyze, "bare_encoder": t_bare}
    if bases.get(model.config.base).int8_safe:
        quantised = load_model(args.model, device="cpu", int8=True)
        quantised.analyze_batch(docs[:2])
        rows["analyze_int8"] = timed(lambda: quantised.analyze_batch(docs))
    pipe = naive_pipeline(model)
    pipe(docs[0])
    t_pipe = rows["naive_pipeline"] = timed(lambda: [pipe(d) for d in docs])
    half = load_model(args.model, device="cpu", bf16=True)  # analyze --bf16
    half.analyze_batch(docs[:2])
    rows["analyze_bf16"] = timed(lambda: half.analyze_batch(docs))
    print(f"model {model.name} (base {model.config.base}), {len(docs)} articles, {n_tokens} tokens, "
          f"{args.threads} CPU threads, window {model.config.max_tokens}, overlap {model.config.overlap}, "
          f"best of {REPEAT}")
    for k, t in rows.items():
        print(f"  {k:<15} {t:8.2f} s  {n_tokens / t:9.0f} tokens/s")
    print(f"  analyze / bare encoder throughput: {t_bare / t_analyze:.0%} (goal >= 80%)")
    print(f"  analyze speed-up over naive pipeline: {t_pipe / t_analyze:.2f}x (goal >= 2x)"
          + (f"; int8: {t_pipe / rows['analyze_int8']:.2f}x" if "analyze_int8" in rows else ""))


if __name__ == "__main__":
    main()
