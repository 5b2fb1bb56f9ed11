"""Speed of ``analyze`` against the bare encoder and a naive transformers pipeline.

    python bench/speed.py                    # CPU, 2 threads, 40 PTC articles (or generated text)
    python bench/speed.py --model accurate   # the MPNet model
    python bench/speed.py --gpu --n 10000    # on a GPU machine: tokens/s and articles/s per path
    python bench/speed.py --model accurate --onnx   # plus ONNX Runtime rows (pip install -e .[bench])

Tokens/s are article tokens (each counted once, whatever the window overlap)
divided by wall time, the same texts for all three paths:
- analyze: the whole public path (tokenise, windows, encoder, decode spans, sentence scores);
- analyze int8: the same with ``--int8`` (a quantised encoder: faster, slightly different spans),
  only for bases where int8 is safe (``bases.py``: not MPNet);
- analyze bf16: the same with ``--bf16``, the network in bfloat16 (this CPU has avx512_bf16 but no AMX);
- bare encoder: encoder + head forward over the same tokens cut into non-overlapping
  full windows, nothing else (the floor for any implementation on these weights);
- bare encoder onnx (``--onnx``): the bare encoder's network (LoRA merged, token head) exported
  with ``torch.onnx.export`` and run by ONNX Runtime on the CPU (``--threads`` intra-op threads, all
  graph optimisations) over the same windows; before timing, its head probabilities must match
  torch's within 1e-3 on a few windows (printed);
- bare encoder onnx opt: the same network exported with eager attention and the TorchScript
  exporter (the graph ORT's optimiser knows), then ``onnxruntime.transformers.optimizer``
  (model_type "bert"; what it fused is printed: MPNet's relative-position attention does not
  fuse), same check;
- bare encoder onnx int8: the optimised graph dynamically quantised to int8 (``quantize_dynamic``,
  per channel, head in float like ``--int8``); its probability difference is printed, not checked
  (int8 hurts MPNet's quality);
- naive pipeline: ``transformers.pipeline("token-classification")`` over the same merged
  weights, one article at a time, with ``stride`` so long articles are covered.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope import bases  # noqa: E402
from propscope.pipeline import load_model  # noqa: E402
from propscope.techniques.encoding import encode  # noqa: E402
from propscope.techniques.tagger import TechniqueModel  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc_semeval2020_task11" / "train-articles"


def texts(n: int, data: Path = DATA) -> list[str]:
    files = sorted(data.glob("*.txt"))
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


def bare_batches(model: TechniqueModel, docs: list[str]):
    """(ids, mask) int64 arrays: the docs' tokens cut into non-overlapping full windows, batched as
    ``analyze`` batches them. A generator, so building the batches is timed with each path that
    runs them, and every bare path (torch, ONNX) runs exactly the same windows."""
    width = model.config.max_tokens - 2
    ids = np.concatenate([e.ids for e in encode(model.tokenizer, docs)])
    chunks = [ids[i : i + width] for i in range(0, len(ids), width)]
    tok = model.tokenizer
    for k in range(0, len(chunks), model.batch_windows):
        batch = chunks[k : k + model.batch_windows]
        w = max(len(c) for c in batch) + 2
        x = np.full((len(batch), w), tok.pad_token_id, dtype=np.int64)
        m = np.zeros((len(batch), w), dtype=np.int64)
        for r, c in enumerate(batch):
            x[r, 0], x[r, 1 : len(c) + 1], x[r, len(c) + 1] = tok.cls_token_id, c, tok.sep_token_id
            m[r, : len(c) + 2] = 1
        yield x, m


def bare_encoder(model: TechniqueModel, docs: list[str]) -> None:
    with torch.inference_mode():
        for x, m in bare_batches(model, docs):
            model.net(torch.from_numpy(x).to(model.device), torch.from_numpy(m).to(model.device))
    if model.device.type == "cuda":  # nothing reads the logits back, so wait for the queued kernels
        torch.cuda.synchronize()


GPU_ARTICLES_PER_CALL = 512


def gpu_rows(model: TechniqueModel, docs: list[str]) -> dict:
    """``--gpu``: seconds, tokens/s and articles/s of each path over ``docs``, ``GPU_ARTICLES_PER_CALL``
    articles per call: bare encoder; token_probs (tokenise, windows, encoder, window averages: the
    tagger's device side); analyze (token_probs then the CPU-side decoding to spans and sentence
    scores); pipeline (``pipeline.analyze_batch`` without sources: language identification too, the
    CLI's ``analyze`` path). The last two need spaCy (sentences, stop words) and are left out,
    with a note, where it is missing. Printed as each path ends, so a run cut short keeps its rows.
    analyze's ``mean_split_s`` is the model's own timers; the window averages of the hidden and
    frozen-layer states count under ``encoder`` (they were made on the host, outside every timer,
    and took about half of ``accurate``'s analyze time on an H100; now they are summed on the GPU)."""
    import importlib.util

    from propscope.pipeline import analyze_batch

    n_tokens = sum(len(e.ids) for e in encode(model.tokenizer, docs))
    calls = [docs[i : i + GPU_ARTICLES_PER_CALL] for i in range(0, len(docs), GPU_ARTICLES_PER_CALL)]
    paths = {"bare_encoder": lambda: bare_encoder(model, docs),
             "token_probs": lambda: [model.token_probs(c) for c in calls]}
    spacy = importlib.util.find_spec("spacy") is not None
    if spacy:
        paths["analyze"] = lambda: [model.analyze_batch(c) for c in calls]
        paths["pipeline"] = lambda: [analyze_batch(c, model) for c in calls]
    head = {"device": torch.cuda.get_device_name() if model.device.type == "cuda" else str(model.device),
            "model": model.name, "dtype": str(model.dtype).removeprefix("torch."), "articles": len(docs),
            "tokens": n_tokens, "batch_windows": model.batch_windows, "articles_per_call": GPU_ARTICLES_PER_CALL,
            "best_of": REPEAT, "notes": [] if spacy else ["no spaCy: analyze and pipeline left out"]}
    print(json.dumps(head), flush=True)
    bare_encoder(model, docs[:64])  # warm-up: CUDA kernels of each window width, spaCy, language identifier
    if spacy:
        analyze_batch(docs[:64], model)
    rows = {}
    for name, fn in paths.items():
        model.timings = dict.fromkeys(model.timings, 0.0)
        t = timed(fn)
        rows[name] = {"seconds": round(t, 3), "tokens_per_s": round(n_tokens / t), "articles_per_s": round(len(docs) / t, 1)}
        if name == "analyze":  # where analyze's time goes (mean of the runs)
            rows[name]["mean_split_s"] = {k: round(v / REPEAT, 3) for k, v in model.timings.items()}
        print(json.dumps({name: rows[name]}), flush=True)
    if model.device.type == "cuda":
        head["max_gpu_memory_gb"] = round(torch.cuda.max_memory_allocated() / 1e9, 2)
    return {**head, "rows": rows}


ONNX_TOLERANCE = 1e-3  # max abs difference of head probabilities (sigmoid) allowed for the float32 graphs


def export_onnx(model: TechniqueModel, sample: tuple[np.ndarray, np.ndarray], path: Path, fusable: bool = False) -> None:
    """The network the bare-encoder row runs (encoder with LoRA merged at load, token head) as an
    ONNX graph of logits, with batch and sequence axes dynamic. ``fusable``: eager attention and
    the TorchScript exporter, the graph shape ORT's transformer optimiser recognises (with SDPA
    or the dynamo exporter it fused no Attention on MiniLM); the model is left as it was."""
    encoder = model.net.encoder
    attn = encoder.config._attn_implementation
    axes = {n: {0: "batch", 1: "sequence"} for n in ("input_ids", "attention_mask", "logits")}
    if fusable:
        encoder.set_attn_implementation("eager")
    try:
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporters' deprecation and tracer notices
            torch.onnx.export(model.net, (torch.from_numpy(sample[0]), torch.from_numpy(sample[1])), str(path),
                              input_names=["input_ids", "attention_mask"], output_names=["logits"],
                              dynamic_axes=axes,
                              opset_version=17 if fusable else 18, dynamo=not fusable, external_data=False,
                              verbose=False)
    finally:
        encoder.set_attn_implementation(attn)


def onnx_session(path: Path, threads: int):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def onnx_encoder(session, model: TechniqueModel, docs: list[str]) -> None:
    for x, m in bare_batches(model, docs):
        session.run(None, {"input_ids": x, "attention_mask": m})


def onnx_agreement(session, model: TechniqueModel, docs: list[str], n_batches: int = 3) -> float:
    """Max abs difference between torch's and the ONNX graph's head probabilities over the real
    tokens of the first ``n_batches`` bare-encoder batches."""
    worst = 0.0
    for (x, m), _ in zip(bare_batches(model, docs), range(n_batches)):
        with torch.inference_mode():
            ref = torch.sigmoid(model.net(torch.from_numpy(x), torch.from_numpy(m)).float()).numpy()
        got = 1 / (1 + np.exp(-session.run(None, {"input_ids": x, "attention_mask": m})[0].astype(np.float64)))
        worst = max(worst, float(np.abs(ref - got)[m.astype(bool)].max()))
    return worst


def head_matmul(path: Path) -> list[str]:
    """The name of the graph's token-head MatMul (walking back from ``logits``), so int8 leaves the
    head in float as ``quantize_int8`` does; empty when the walk finds none."""
    import onnx

    producer = {o: n for n in onnx.load(str(path)).graph.node for o in n.output}
    node = producer.get("logits")
    while node is not None and node.op_type not in ("MatMul", "Gemm"):
        node = producer.get(node.input[0])
    return [node.name] if node is not None else []


def onnx_rows(model: TechniqueModel, docs: list[str], threads: int) -> dict[str, float]:
    """Seconds per ONNX Runtime path, each after its agreement check with torch: the exported graph
    (fails above ``ONNX_TOLERANCE``), a fusable export after ORT's transformer optimiser (fails
    likewise), and the optimised graph (the plain one if the optimiser failed) dynamically
    quantised to int8 (reported only: int8 is known to hurt MPNet)."""
    import tempfile

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model

    rows: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        graphs = {"bare_encoder_onnx": Path(tmp) / "net.onnx"}
        sample = next(bare_batches(model, docs))
        export_onnx(model, sample, graphs["bare_encoder_onnx"])
        cfg = model.net.encoder.config
        try:
            export_onnx(model, sample, Path(tmp) / "net_fusable.onnx", fusable=True)
            opt = optimize_model(str(Path(tmp) / "net_fusable.onnx"), model_type="bert",
                                 num_heads=cfg.num_attention_heads, hidden_size=cfg.hidden_size)
            fused = {k: v for k, v in opt.get_fused_operator_statistics().items() if v}
            print(f"  onnx optimiser (model_type bert) fused: {fused or 'nothing'}")
            graphs["bare_encoder_onnx_opt"] = Path(tmp) / "net_opt.onnx"
            opt.save_model_to_file(str(graphs["bare_encoder_onnx_opt"]))
        except Exception as e:  # the optimiser targets BERT-like graphs; report, do not stop the bench
            print(f"  onnx optimiser failed: {type(e).__name__}: {e}")
        source = graphs.get("bare_encoder_onnx_opt", graphs["bare_encoder_onnx"])
        graphs["bare_encoder_onnx_int8"] = Path(tmp) / "net_int8.onnx"
        # per channel, head in float: the same choices as the product's int8 (``quantize_int8``)
        quantize_dynamic(str(source), str(graphs["bare_encoder_onnx_int8"]), weight_type=QuantType.QInt8,
                         per_channel=True, nodes_to_exclude=head_matmul(source),
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})  # for the fused ops' outputs
        for name, path in graphs.items():
            session = onnx_session(path, threads)
            diff = onnx_agreement(session, model, docs)
            print(f"  {name}: max abs prob difference vs torch {diff:.2e}")
            if not name.endswith("int8") and diff > ONNX_TOLERANCE:
                sys.exit(f"{name} disagrees with torch: max abs prob difference {diff:.2e} > {ONNX_TOLERANCE}")
            rows[name] = timed(lambda s=session: onnx_encoder(s, model, docs))
    return rows


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
    ap.add_argument("--gpu", action="store_true", help="tokens/s and articles/s of each path on the GPU (gpu_rows)")
    ap.add_argument("--batch-windows", type=int, default=128, help="--gpu: windows per encoder batch")
    ap.add_argument("--data", type=Path, default=DATA, help="folder of .txt articles (else the sample article)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per path; the best is reported")
    ap.add_argument("--onnx", action="store_true", help="add the ONNX Runtime rows (needs pip install -e .[bench])")
    args = ap.parse_args()
    if args.onnx:
        try:
            import onnx  # noqa: F401
            import onnxruntime  # noqa: F401
        except ImportError:
            print("--onnx needs onnx and onnxruntime: pip install -e .[bench]", file=sys.stderr)
            sys.exit(2)
    global REPEAT
    REPEAT = args.repeat
    torch.set_num_threads(args.threads)
    docs = texts(args.n, args.data)
    if args.gpu:
        if not torch.cuda.is_available():
            sys.exit("no GPU here: run this on a GPU machine")
        model = load_model(args.model, device="cuda")
        model.batch_windows = args.batch_windows
        print(json.dumps(gpu_rows(model, docs)))
        return
    model = load_model(args.model, device="cpu")
    n_tokens = sum(len(e.ids) for e in encode(model.tokenizer, docs))
    model.analyze_batch(docs[:2])  # warm-up
    t_analyze = timed(lambda: model.analyze_batch(docs))
    t_bare = timed(lambda: bare_encoder(model, docs))
    rows = {"analyze": t_analyze, "bare_encoder": t_bare}
    if args.onnx:
        rows.update(onnx_rows(model, docs, args.threads))
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
        print(f"  {k:<22} {t:8.2f} s  {n_tokens / t:9.0f} tokens/s")
    print(f"  analyze / bare encoder throughput: {t_bare / t_analyze:.0%} (goal >= 80%)")
    print(f"  analyze speed-up over naive pipeline: {t_pipe / t_analyze:.2f}x (goal >= 2x)"
          + (f"; int8: {t_pipe / rows['analyze_int8']:.2f}x" if "analyze_int8" in rows else ""))


if __name__ == "__main__":
    main()
