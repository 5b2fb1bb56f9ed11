"""Training on the CPU: the encoder's frozen lower layers run once per run, only the top
layers (with LoRA) and the token head train, in stages that each survive a kill.

A run folder holds everything a run needs and makes:

    run.json              the options (``--resume`` reads them back)
    cache/                the lower-layer outputs of every training window (bf16), with ids
                          and offsets: computed once, reused by every fold, epoch and resume
    fold0 .. foldK-1/     one model per fold, trained on the other folds' articles; its
                          predictions for its own held-out articles are the out-of-fold data
                          that tuning uses (``heldout.pt``)
    full/                 the model trained on every article: the one that ships

Each stage writes a checkpoint after every epoch and every ``checkpoint_minutes`` inside one
(an epoch of `accurate` on two cores is about an hour, longer than a session can spare); a stage
with a ``done`` marker is skipped, so ``propscope train --resume RUN`` continues where a stopped
run left off. Windows do not overlap (overlap would double the cost), and the order of examples
depends only on the seed and the epoch, so a resumed run sees the same batches as an
uninterrupted one, from the step it stopped at.

The same code trains on a GPU when one is visible (or named): the cache stays in host memory
and each batch travels to the device, and the forward pass runs in bf16 autocast there, with
fp32 master weights, so the adapters saved are the same kind of artifact either way. The
device is a property of the machine, not of the run: a run started on a GPU resumes on a CPU.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import torch

from .. import bases
from ..taxonomy import PTC14_NAMES
from .corpus import LabelledArticle, load_ptc_train, split_by_article
from .encoding import encode, tokens_inside, windows
from .net import build_net, lower_states, run_layers, trainable_state
from .tagger import ANY, TaggerConfig, frozen_layers, frozen_value


@dataclass
class RunOptions:
    name: str = "accurate"
    base: str = "mpnet"
    data_dir: str | None = None
    out_dir: str = "runs/accurate"
    top_layers: int = 6  # layers that train (with LoRA); the ones below are cached
    epochs: int = 4
    lr: float = 5e-4  # LoRA
    head_lr: float = 1e-3
    lora_rank: int = 16
    batch_size: int = 16
    window: int = 256  # tokens per training window, specials included; no overlap
    folds: int = 3  # out-of-fold tuning; 0 trains only the full model
    seed: int = 13
    limit_articles: int | None = None
    threads: int | None = None
    # a finished run whose stages this one continues (more epochs with a fresh schedule), reusing its
    # cache: what a run that was too short needs, without paying again for the epochs it had
    continue_from: str | None = None
    # the layer (or layers, side by side) whose output the span classifier reads
    # (``TaggerConfig.frozen_layer``); None: the last frozen one, ``lower_layers``, whose states
    # the run has cached already
    frozen_layer: int | list[int] | None = None
    # the span classifier also reads the span's own words (``tuning.lexical_examples``): off in the
    # shipped models, as it cost `accurate` its SemEval-2023 paragraph head (their model cards)
    span_words: bool = False
    # a checkpoint inside an epoch too, at most this often: on two cores an epoch of `accurate` takes
    # about an hour, and a session that ends part-way should not lose it
    checkpoint_minutes: float = 10.0

    @property
    def lower_layers(self) -> int:
        return bases.get(self.base).n_layers - self.top_layers

    @property
    def classifier_layers(self) -> list[int]:
        """The layers whose states the span classifier reads. By default none for a run that trains
        every layer: only the embeddings lie below, and with them `fast`'s TC rose (0.578 to 0.595)
        but its FLC fell on one fold of three."""
        if self.frozen_layer is not None:
            return frozen_layers(self.frozen_layer)
        return [self.lower_layers] if self.lower_layers else []

    def cached_at(self, layer: int) -> RunOptions:
        """These options with the cache cut after ``layer`` (the same windows and articles)."""
        return replace(self, top_layers=bases.get(self.base).n_layers - layer)


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


# -- the cache of lower-layer states ----------------------------------------------------------
@dataclass
class Cache:
    """Every training window: token ids (CLS + up to ``window - 2`` tokens + SEP, padded), its
    article, its first token, and the lower layers' output for it."""

    article_ids: list[str]
    ids: torch.Tensor  # (W, window) int64
    mask: torch.Tensor  # (W, window) int64
    owner: torch.Tensor  # (W,) article index
    first: torch.Tensor  # (W,) index of the window's first token in its article
    states: torch.Tensor  # (W, window, hidden) bfloat16
    offsets: list[np.ndarray]  # per article, (n_tokens, 2)

    def windows_of(self, articles: set[str]) -> np.ndarray:
        keep = {i for i, a in enumerate(self.article_ids) if a in articles}
        return np.array([w for w, o in enumerate(self.owner.tolist()) if o in keep], dtype=np.int64)


def training_device(name: str | None = None) -> torch.device:
    """``name`` ("cpu", "cuda", "cuda:1"), or a GPU when one is visible, else the CPU. A GPU that
    was asked for and is not there is an error, not a silent hours-long CPU run."""
    if name is None or name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(name)
    except RuntimeError:
        raise ValueError(f"unknown device {name!r}: use cpu, cuda, cuda:N or auto") from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"no CUDA GPU is visible to torch here, so --device {name} cannot run; "
                         "use --device cpu (the cached-layers recipe is made for it)")
    return device


def _autocast(device: torch.device):
    """bf16 autocast on a GPU (its tensor cores); none on a CPU, where fp32 is the fast path
    (DESIGN.md section 5: no AMX on these CPUs)."""
    return torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda")


def _cache_key(opts: RunOptions, articles: list[LabelledArticle]) -> dict:
    return {"base": opts.base, "lower_layers": opts.lower_layers, "window": opts.window,
            "articles": [a.id for a in articles], "chars": sum(len(a.text) for a in articles)}


def find_cache(run: Path, opts: RunOptions, articles: list[LabelledArticle]) -> Cache | None:
    """The run's cache, or that of a run it continues, when one was built for these articles (and
    cut after ``opts.lower_layers``: ``cache`` holds a run's own, ``cache-layerK`` another layer's)."""
    key = _cache_key(opts, articles)
    for known in [folder for r in [run, *lineage(opts)] for folder in [r / "cache", *sorted(r.glob("cache-layer*"))]]:
        if (known / "key.json").exists() and json.loads((known / "key.json").read_text()) == key:
            data = torch.load(known / "cache.pt", mmap=True)
            return Cache(key["articles"], data["ids"], data["mask"], data["owner"], data["first"], data["states"],
                         [o.numpy() for o in data["offsets"]])
    return None


def frozen_states(cache: Cache) -> dict[str, np.ndarray]:
    """Every article's cached lower-layer states, token by token (float16): the span models'
    frozen features (``TokenProbs.frozen``) for the training articles, as the forward pass of a
    shipped model gives them for new ones."""
    out = {}
    owner, first, lengths = cache.owner.numpy(), cache.first.numpy(), cache.mask.sum(1).numpy() - 2
    for k, article in enumerate(cache.article_ids):
        states = np.zeros((len(cache.offsets[k]), cache.states.shape[-1]), dtype=np.float16)
        for w in np.flatnonzero(owner == k):
            a, n = int(first[w]), int(lengths[w])
            states[a : a + n] = cache.states[w, 1 : n + 1].float().numpy()
        out[article] = states
    return out


def build_cache(run: Path, opts: RunOptions, articles: list[LabelledArticle], log, folder: Path | None = None,
                device: torch.device | None = None) -> Cache:
    """Load the run's cache, or compute it (the embeddings and lower layers over every window)
    into ``folder`` (default ``run/cache``); the encoder loads only in the second case."""
    found = find_cache(run, opts, articles)
    if found is not None:
        return found
    folder = folder or run / "cache"
    key = _cache_key(opts, articles)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer, net = build_net(_config(opts))
    device = device or training_device()
    encoder = net.encoder.eval().to(device)
    encs = encode(tokenizer, [a.text for a in articles])
    rows = []
    for k, enc in enumerate(encs):
        rows += [(k, a, b) for a, b in windows(len(enc.ids), opts.window - 2, 0)]
    ids = torch.full((len(rows), opts.window), tokenizer.pad_token_id, dtype=torch.int64)
    mask = torch.zeros((len(rows), opts.window), dtype=torch.int64)
    for r, (k, a, b) in enumerate(rows):
        n = b - a
        ids[r, 0], ids[r, n + 1] = tokenizer.cls_token_id, tokenizer.sep_token_id
        ids[r, 1 : n + 1] = torch.from_numpy(encs[k].ids[a:b])
        mask[r, : n + 2] = 1
    hidden = bases.get(opts.base).hidden_size
    states = torch.zeros((len(rows), opts.window, hidden), dtype=torch.bfloat16)
    t0, step = time.time(), 8 if device.type == "cpu" else 64
    with torch.inference_mode():
        for s in range(0, len(rows), step):
            states[s : s + step] = lower_states(encoder, ids[s : s + step].to(device), mask[s : s + step].to(device),
                                                opts.lower_layers).to(torch.bfloat16).cpu()
            log.progress("caching lower layers", s + step, len(rows), t0)
    data = {"ids": ids, "mask": mask, "owner": torch.tensor([k for k, _, _ in rows]),
            "first": torch.tensor([a for _, a, _ in rows]), "states": states,
            "offsets": [torch.from_numpy(e.offsets) for e in encs]}
    _atomic_save(data, folder / "cache.pt")
    (folder / "key.json").write_text(json.dumps(key))
    log.line(f"cached {len(rows)} windows ({sum(len(e.ids) for e in encs)} tokens) in {time.time() - t0:.0f} s")
    return Cache(key["articles"], ids, mask, data["owner"], data["first"], states, [e.offsets for e in encs])


def _atomic_save(obj, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


# -- progress that reads well on a terminal and in a log ----------------------------------------
class Log:
    """A progress line with an ETA: redrawn in place on a terminal, every ~5% in a log file."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last: dict[str, int] = {}

    def line(self, text: str) -> None:
        print(("\r" if self.tty else "") + text, file=self.stream, flush=True)

    def progress(self, label: str, done: int, total: int, t0: float, extra: str = "") -> None:
        done = min(done, total)
        pct = int(100 * done / max(total, 1))
        if not self.tty and pct // 5 == self.last.get(label, -1) and done < total:
            return
        self.last[label] = pct // 5
        elapsed = time.time() - t0
        eta = elapsed / max(done, 1) * (total - done)
        text = f"{label}: {done}/{total} ({pct}%) {elapsed:.0f} s, ETA {eta:.0f} s {extra}".rstrip()
        if self.tty:
            print("\r" + text, end="" if done < total else "\n", file=self.stream, flush=True)
        else:
            print(text, file=self.stream, flush=True)


# -- one stage: a model trained on some articles ------------------------------------------------
def _config(opts: RunOptions) -> TaggerConfig:
    base = bases.get(opts.base)
    return TaggerConfig(name=opts.name, base=opts.base, labels=list(PTC14_NAMES), max_tokens=opts.window,
                        overlap=opts.window // 8, lora_rank=opts.lora_rank, lora_alpha=2 * opts.lora_rank,
                        lora_layers=list(range(opts.lower_layers, base.n_layers)) if opts.lower_layers else None,
                        frozen_layer=frozen_value(opts.classifier_layers))


def _targets(cache: Cache, articles: dict[str, LabelledArticle], labels: list[str], rows: np.ndarray) -> torch.Tensor:
    y = torch.zeros((len(rows), cache.ids.shape[1], 1 + len(labels)))
    per_article = {}
    for r, w in enumerate(rows.tolist()):
        k = int(cache.owner[w])
        if k not in per_article:
            art = articles[cache.article_ids[k]]
            per_article[k] = token_targets(cache.offsets[k], art.spans, labels)
        n = int(cache.mask[w].sum()) - 2
        a = int(cache.first[w])
        y[r, 1 : n + 1] = torch.from_numpy(per_article[k][a : a + n])
    return y


def upper_states(encoder, cache: Cache, w: torch.Tensor, lower: int) -> tuple[torch.Tensor, int]:
    """The last hidden states of windows ``w`` (trimmed to their longest), from their cached
    lower-layer states; with nothing cached (``lower`` 0), from their token ids. The batch moves
    to the encoder's device; the cache itself stays in host memory."""
    device = next(encoder.parameters()).device
    width = int(cache.mask[w].sum(1).max())
    attn = cache.mask[w, :width].to(device)
    if lower:
        return run_layers(encoder, cache.states[w, :width].to(device).float(), attn, lower), width
    return encoder(input_ids=cache.ids[w, :width].to(device), attention_mask=attn).last_hidden_state, width


def train_stage(stage: Path, opts: RunOptions, cache: Cache, train_ids: set[str], articles: dict[str, LabelledArticle],
                log: Log, device: torch.device | None = None) -> tuple:
    """Train (or resume) one model on ``train_ids``; returns (config, tokenizer, net) with the
    final weights. A checkpoint after every epoch and every ``opts.checkpoint_minutes`` inside one;
    ``done`` marks a finished stage."""
    device = device or torch.device("cpu")
    config = _config(opts)
    tokenizer, net = build_net(config)
    rows = cache.windows_of(train_ids)
    labels = config.labels
    y_all = _targets(cache, articles, labels, rows)
    loss_mask = cache.mask[rows].clone()
    loss_mask[:, 0] = 0
    loss_mask[torch.arange(len(rows)), cache.mask[rows].sum(1) - 1] = 0  # not CLS, not SEP
    net.to(device)  # before the optimizer, whose state then lives on the device too
    head = [p for n, p in net.named_parameters() if n.startswith("head.")]
    lora = [p for n, p in net.named_parameters() if "lora_" in n]
    for n, p in net.named_parameters():
        p.requires_grad_("lora_" in n or n.startswith("head."))
    optim = torch.optim.AdamW([{"params": lora, "lr": opts.lr}, {"params": head, "lr": opts.head_lr}],
                              weight_decay=0.01)
    steps_per_epoch = math.ceil(len(rows) / opts.batch_size)
    steps = opts.epochs * steps_per_epoch
    warmup = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(  # linear warm-up, then linear decay to zero
        optim, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup))))
    # half the loss on "any technique" (it drives span boundaries), half shared by the techniques
    column_weight = torch.full((1 + len(labels),), 0.5 / len(labels))
    column_weight[ANY] = 0.5
    column_weight = column_weight.to(device)
    checkpoint = stage / "checkpoint.pt"
    history: list[dict] = []
    start_epoch, start_step, partial = 0, 0, (0.0, 0, 0.0)  # partial: loss sum, steps, seconds of a cut epoch
    if checkpoint.exists():
        state = torch.load(checkpoint, weights_only=False, map_location="cpu")
        net.load_state_dict(state["weights"], strict=False)
        optim.load_state_dict(state["optim"])  # moves its state to the parameters' device
        sched.load_state_dict(state["sched"])
        start_epoch, history = state["epoch"], state["history"]
        start_step, partial = state.get("step", 0), state.get("partial", (0.0, 0, 0.0))
        if "rng" in state:  # dropout continues as if the run had not stopped
            torch.set_rng_state(state["rng"])
        if "cuda_rng" in state and device.type == "cuda":
            torch.cuda.set_rng_state(state["cuda_rng"], device)
        log.line(f"{stage.name}: resuming after epoch {start_epoch}"
                 + (f", step {start_step} of {steps_per_epoch}" if start_step else ""))
    elif opts.continue_from:
        state = torch.load(Path(opts.continue_from) / stage.name / "checkpoint.pt", weights_only=False,
                           map_location="cpu")
        net.load_state_dict(state["weights"], strict=False)
        history = list(state["history"])
        log.line(f"{stage.name}: continuing {opts.continue_from} after its epoch {state['epoch']}")
    else:
        # head biases at the label base rates: a zero bias lets the head collapse (DESIGN.md section 5)
        real = loss_mask.bool()
        rates = y_all[real].mean(0).clamp(1e-4, 1 - 1e-4)
        with torch.no_grad():
            net.head.bias.copy_(torch.log(rates / (1 - rates)))
            net.head.weight.normal_(0, 0.02)
    encoder, lower = net.encoder, opts.lower_layers
    t0 = saved = time.time()
    done_before = start_epoch * steps_per_epoch
    first = done_before + start_step  # steps this process did not have to do
    earlier = len(history) - start_epoch  # epochs of the run this one continues

    def save(epoch: int, step: int, partial: tuple) -> None:
        _atomic_save({"weights": trainable_state(net), "optim": optim.state_dict(), "sched": sched.state_dict(),
                      "epoch": epoch, "step": step, "partial": partial, "history": history,
                      "rng": torch.get_rng_state(),
                      **({"cuda_rng": torch.cuda.get_rng_state(device)} if device.type == "cuda" else {})}, checkpoint)

    for epoch in range(start_epoch, opts.epochs):
        net.train()
        # the order depends only on the seed and the epoch, so a cut epoch resumes where it stopped
        order = np.random.default_rng([opts.seed, epoch]).permutation(len(rows))
        skip = start_step if epoch == start_epoch else 0
        total, n, spent = partial if skip else (0.0, 0, 0.0)
        t_epoch = time.time()
        for step, k in enumerate(range(0, len(order), opts.batch_size)):
            if step < skip:
                continue
            pick = order[k : k + opts.batch_size]
            with _autocast(device):
                hidden, width = upper_states(encoder, cache, torch.from_numpy(rows[pick]), lower)
                logits = net.head(net.dropout(hidden))
            m = loss_mask[pick, :width].to(device).float()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits.float(), y_all[pick, :width].to(device),
                                                                        reduction="none")
            loss = ((loss * column_weight).sum(-1) * m).sum() / m.sum()
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(lora + head, 1.0)
            optim.step()
            sched.step()
            total, n = total + loss.item(), n + 1
            log.progress(f"{stage.name} epoch {epoch + 1}/{opts.epochs}", done_before + step + 1 - first,
                         steps - first, t0, f"loss {total / n:.4f}")
            if step + 1 < steps_per_epoch and time.time() - saved >= 60 * opts.checkpoint_minutes:
                save(epoch, step + 1, (total, n, spent + time.time() - t_epoch))
                saved = time.time()
        done_before += steps_per_epoch
        history.append({"epoch": earlier + epoch + 1, "loss": round(total / max(n, 1), 5),
                        "seconds": round(spent + time.time() - t_epoch, 1)})
        last = history[-1]
        log.line(f"{stage.name}: epoch {last['epoch']} loss {last['loss']:.4f} in {last['seconds']:.0f} s")
        save(epoch + 1, 0, (0.0, 0, 0.0))
        saved = time.time()
    net.eval()
    config.extra = {"history": history, "train_articles": sorted(train_ids)}
    return config, tokenizer, net


def predict_cached(net, cache: Cache, article_ids: list[str], lower: int, batch: int = 16
                   ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per article: (token probabilities float32, last hidden states float16), from the cached
    lower layers, on the device the net is on; windows do not overlap, so each token comes from
    exactly one window."""
    device = next(net.parameters()).device
    index = {a: i for i, a in enumerate(cache.article_ids)}
    rows = cache.windows_of(set(article_ids))
    n_out = net.head.out_features
    probs = {a: np.zeros((len(cache.offsets[index[a]]), n_out), dtype=np.float32) for a in article_ids}
    hidden = {a: np.zeros((len(cache.offsets[index[a]]), net.head.in_features), dtype=np.float16) for a in article_ids}
    net.eval()
    with torch.inference_mode(), _autocast(device):
        for k in range(0, len(rows), batch):
            w = torch.from_numpy(rows[k : k + batch])
            h, _ = upper_states(net.encoder, cache, w, lower)
            p = torch.sigmoid(net.head(h).float()).cpu().numpy()
            h = h.float().cpu().numpy().astype(np.float16)
            for r, win in enumerate(w.tolist()):
                art = cache.article_ids[int(cache.owner[win])]
                a, n = int(cache.first[win]), int(cache.mask[win].sum()) - 2
                probs[art][a : a + n] = p[r, 1 : n + 1]
                hidden[art][a : a + n] = h[r, 1 : n + 1]
    return {a: (probs[a], hidden[a]) for a in article_ids}


def save_stage(stage: Path, config: TaggerConfig, net) -> None:
    """A stage folder is a loadable artifact: config and adapter (the span models come later)."""
    from safetensors.torch import save_file

    state = trainable_state(net)
    save_file({k: v.to(torch.float16) if "lora_" in k else v.float() for k, v in state.items()},
              str(stage / "adapter.safetensors"))
    config.save(stage / "config.json")


def stages(opts: RunOptions, ids: list[str]) -> list[tuple[str, set[str], set[str]]]:
    """(name, training ids, held-out ids) of every stage: the folds, then the full model."""
    out = []
    for f in range(opts.folds):
        train_ids, held = split_by_article(ids, opts.folds, f, opts.seed)
        out.append((f"fold{f}", train_ids, held))
    out.append(("full", set(ids), set()))
    return out


def run(opts: RunOptions, log: Log | None = None, only: list[str] | None = None,
        device: torch.device | None = None) -> Path:
    """Every unfinished stage of the run in ``opts.out_dir`` (all of them, or those named in
    ``only``) on ``device`` (default: ``training_device()``); each stage saves its model and its
    predictions: held-out articles for folds, and its training articles (in-sample, for the span
    models) for every stage."""
    log = log or Log()
    where = device or training_device()
    if opts.threads:
        torch.set_num_threads(opts.threads)
    torch.manual_seed(opts.seed)
    out = Path(opts.out_dir)
    articles = load_ptc_train(opts.data_dir) if opts.data_dir else load_ptc_train()
    if opts.limit_articles:
        articles = articles[: opts.limit_articles]
    if opts.folds > len(articles):  # `--folds 100000` trained one model per fold, nearly all holding out nothing
        raise ValueError(f"--folds {opts.folds} is more than the {len(articles)} training articles: each fold holds "
                         "out at least one; give --folds 0 or 2 to the number of articles")
    out.mkdir(parents=True, exist_ok=True)
    save_options(opts)
    by_id = {a.id: a for a in articles}
    todo = [(name, train_ids, held) for name, train_ids, held in stages(opts, list(by_id))
            if not (out / name / "done").exists() and (not only or name in only)]
    if not todo:  # a finished run (resumed to tune): neither the cache nor the encoder is needed
        return out
    if opts.continue_from:  # only the stages left to train need theirs finished in the earlier run
        check_continuable(opts, [name for name, _, _ in todo])
    cache = build_cache(out, opts, articles, log, device=where)
    batch = 16 if where.type == "cpu" else 128
    for name, train_ids, held in todo:
        stage = out / name
        stage.mkdir(exist_ok=True)
        t0 = time.time()
        torch.manual_seed(opts.seed)
        config, _, net = train_stage(stage, opts, cache, train_ids, by_id, log, where)
        save_stage(stage, config, net)
        if held:
            _atomic_save(predict_cached(net, cache, sorted(held), opts.lower_layers, batch), stage / "heldout.pt")
        _atomic_save(predict_cached(net, cache, sorted(train_ids), opts.lower_layers, batch), stage / "insample.pt")
        (stage / "done").write_text(f"{time.time() - t0:.0f}\n")
        log.line(f"{name}: done in {time.time() - t0:.0f} s")
    return out


def check_continuable(opts: RunOptions, only: list[str] | None = None) -> None:
    """A run continues another only with the same network and the same folds (else its
    out-of-fold predictions would score articles its starting weights were trained on). It may
    train more of the top layers: the ones the earlier run kept frozen start with zero adapters,
    so the continuation starts from exactly the earlier model and can only add capacity. With
    ``only``, just those stages of the earlier run must be finished: one process per fold can
    then carry its fold through every continuation without waiting for the others."""
    earlier = resume_options(opts.continue_from)
    same = ("base", "lora_rank", "window", "folds", "seed", "limit_articles", "data_dir")
    differ = [k for k in same if getattr(earlier, k) != getattr(opts, k)]
    if differ:
        raise ValueError(f"{opts.continue_from} was trained with other {', '.join(differ)}; a run continues "
                         "only one with the same network and folds")
    if opts.top_layers < earlier.top_layers:
        raise ValueError(f"{opts.continue_from} trained its top {earlier.top_layers} layers; a continuation "
                         f"trains those and may add more (--top-layers {earlier.top_layers} or above), not fewer")
    unfinished = [name for name, _, _ in stages(opts, []) if (not only or name in only)
                  and not (Path(opts.continue_from) / name / "done").exists()]
    if unfinished:
        raise ValueError(f"{opts.continue_from} has unfinished stages ({', '.join(unfinished)}); "
                         f"`propscope train --resume {opts.continue_from}` finishes them first")


def lineage(opts: RunOptions) -> list[Path]:
    """The runs this one continues, nearest first: a chain of ``--continue-from`` runs shares the
    first run's cache, and the model card accounts for every run's epochs and time."""
    chain, earlier = [], opts.continue_from
    while earlier and Path(earlier) not in chain:
        chain.append(Path(earlier))
        earlier = resume_options(earlier).continue_from
    return chain


def save_options(opts: RunOptions) -> None:
    """Write ``run.json``: what ``--resume`` and ``--retune`` read back."""
    (Path(opts.out_dir) / "run.json").write_text(json.dumps(asdict(opts), indent=2) + "\n")


def resume_options(run_dir: str | Path) -> RunOptions:
    """The options a run was started with, read from its ``run.json``."""
    path = Path(run_dir) / "run.json"
    if not path.exists():
        raise FileNotFoundError(f"{run_dir} is not a training run folder (no run.json)")
    return RunOptions(**json.loads(path.read_text()))
