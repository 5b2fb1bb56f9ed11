"""A loaded technique tagger: its config, the encoder run over windows of whole articles,
and the analyses it makes.

The network lives in ``net``, the decoding of token probabilities into spans in ``decode``
(pure numpy, thresholds as an argument), training in ``training`` and ``tuning``. Window
probabilities are averaged per token, see ``encoding``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from ..document import Analysis, Article, Sentence, Span, as_articles
from ..registry import BF16_SUFFIX, INT8_SUFFIX, check_precision, models_dir, version_of  # noqa: F401  (re-exported: they moved to the registry)
from .decode import ANY, Decoder, Thresholds, TokenProbs, article_score  # noqa: F401  (ANY: re-exported)
from .encoding import encode, windows
from .net import TaggerNet, build_net, trainable_state  # noqa: F401  (re-exported: the tagger's network)
from .span_classifier import SpanClassifier
from .span_classifier import load as load_span_classifiers


@dataclass
class TaggerConfig:
    """Everything needed to rebuild a tagger; saved as ``config.json`` beside the adapter."""

    name: str
    base: str
    labels: list[str]
    max_tokens: int = 512
    overlap: int = 64
    lora_rank: int = 16
    lora_alpha: int = 32
    lora_targets: list[str] | None = None  # None: every linear layer of the base (``bases.py``)
    lora_layers: list[int] | None = None  # the encoder layers that carry adapters; None: all
    # the layer (or layers, side by side) whose output the span classifier reads beside the top
    # (``TokenProbs.frozen``; ``frozen_layers``)
    frozen_layer: int | list[int] | None = None
    span_threshold: float = 0.5
    technique_threshold: float | None = 0.3  # None: only a span's best technique
    technique_span_threshold: float | None = None  # None: no per-technique spans (older configs: a value > 1)
    max_gap_tokens: int = 1
    min_span_chars: int = 2
    levers: list[str] = field(default_factory=list)  # post-processing steps, see ``decode.LEVERS``
    # runs longer than this are cut at sentence starts (``decode.sentence_cut_runs``); None (configs
    # written before it): never
    max_run_chars: int | None = None
    span_extend_threshold: float | None = None  # a span's edges may grow over tokens this probable (``decode.grown``)
    span_filter_threshold: float = 0.0  # spans the span filter rates below this are dropped
    span_calibration: list[float] = field(default_factory=lambda: [1.0, 0.0])
    sentence_calibration: list[float] = field(default_factory=lambda: [1.0, 0.0])
    extra: dict[str, Any] = field(default_factory=dict)
    taxonomy: str = "ptc14"  # the taxonomy ``labels`` come from (``propscope.taxonomy``)

    @classmethod
    def load(cls, path: Path) -> TaggerConfig:
        return cls(**json.loads(path.read_text()))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.__dict__, indent=2) + "\n")


def frozen_layers(value: int | Sequence[int] | None) -> list[int]:
    """A config's ``frozen_layer`` as a list: none, one layer, or several whose states the span
    classifier reads side by side (a single layer stays an int in the config, as older ones have it)."""
    if value is None:
        return []
    return [value] if isinstance(value, int) else list(value)


def frozen_value(layers: Sequence[int]) -> int | list[int] | None:
    """The inverse of ``frozen_layers``: what a config stores."""
    return None if not layers else layers[0] if len(layers) == 1 else list(layers)


class TechniqueModel:
    """A loaded tagger. ``analyze_batch`` is the fast path; everything else builds on it."""

    span_classifier: SpanClassifier | None = None  # labels whole spans when the artifact has one
    span_filter: SpanClassifier | None = None  # drops unlikely spans when the artifact has one
    given_classifier: SpanClassifier | None = None  # labels spans a user gives (TC) when the artifact has one

    def __init__(self, config: TaggerConfig, tokenizer, net: TaggerNet, device: str | None = None,
                 batch_windows: int | None = None, dtype: torch.dtype | None = None):
        self.config = config
        self.tokenizer = tokenizer
        self.device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
        self.dtype = dtype or (torch.bfloat16 if self.device.type == "cuda" else torch.float32)
        self.net = net.to(self.device, self.dtype).eval()
        # on a CPU, small batches keep activations in cache: 2 windows ran ~10% faster than 8
        self.batch_windows = batch_windows or (64 if self.device.type == "cuda" else 2)
        self.labels = list(config.labels)
        self.version: str | None = None
        self.timings: dict[str, float] = {"tokenise": 0.0, "encoder": 0.0, "decode": 0.0}  # seconds, cumulative

    @property
    def name(self) -> str:
        """The model version recorded with every analysis: the artifact name and a hash of its
        weights, so a retrained artifact under the same name counts as a new version."""
        return self.version or self.config.name

    @classmethod
    def load(cls, directory: str | Path, device: str | None = None, int8: bool = False,
             bf16: bool = False) -> TechniqueModel:
        """Load an artifact onto the base weights. ``int8`` quantises the encoder's linear layers
        (dynamic, per channel) for CPUs: faster, with slightly different scores, so it is recorded
        in the model version. ``bf16`` runs the network in bfloat16 on a CPU (the GPU's own
        precision already): much faster where the CPU has bfloat16 instructions, slower where it
        has not; also recorded in the version."""
        from safetensors.torch import load_file

        directory = Path(directory)
        check_precision(directory, int8, bf16)
        config = TaggerConfig.load(directory / "config.json")
        tokenizer, net = build_net(config)
        weights_file = directory / "adapter.safetensors"
        state = load_file(str(weights_file))
        missing = set(state) - set(net.state_dict())
        if missing:
            raise ValueError(f"{directory}: adapter does not fit base {config.base}: {sorted(missing)[:3]}")
        net.load_state_dict(state, strict=False)
        net.encoder = net.encoder.merge_and_unload()  # plain weights: inference as fast as the base
        model = cls(config, tokenizer, net, device)
        model.span_classifier, model.span_filter, model.given_classifier = load_span_classifiers(directory, config.labels)
        model.version = version_of(directory)
        if bf16:  # on a GPU the network runs in bfloat16 anyway
            model.net.to(torch.bfloat16)
            model.dtype = torch.bfloat16
            model.version += BF16_SUFFIX
        if int8:
            if model.device.type != "cpu":
                raise ValueError("int8 is for CPUs; on a GPU the model runs in bf16")
            model.net.encoder = quantize_int8(model.net.encoder)
            model.version += INT8_SUFFIX
        return model

    # -- encoder --------------------------------------------------------------------------
    def token_probs(self, texts: Sequence[str], hidden: bool | None = None) -> list[TokenProbs]:
        """Per-token probabilities for each text; windows from all texts are batched together.
        With ``hidden`` (by default: when there is a span classifier or filter to feed), also
        the per-token encoder states, averaged over windows like the probabilities."""
        if hidden is None:
            hidden = self.span_classifier is not None or self.span_filter is not None
        t0 = time.perf_counter()
        encoded = encode(self.tokenizer, list(texts))
        t1 = time.perf_counter()
        self.timings["tokenise"] += t1 - t0
        cls_id, sep_id, pad_id = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id, self.tokenizer.pad_token_id
        jobs = []  # (text index, start, end)
        for i, enc in enumerate(encoded):
            jobs += [(i, a, b) for a, b in windows(len(enc.ids), self.config.max_tokens - 2, self.config.overlap)]
        jobs.sort(key=lambda j: j[2] - j[1], reverse=True)
        # Windows are summed per token where the encoder ran: on a GPU, copying every window's states
        # (768 wide per layer, 4,608 for `accurate`) to the host in fp32 and averaging them there took
        # as long as the encoder itself. States add up in fp16 there (they are kept in fp16 anyway),
        # in fp32 on a CPU, where fp16 arithmetic is slow.
        dev = self.device
        acc = torch.float32 if dev.type == "cpu" else torch.float16
        n_out = 1 + len(self.labels)
        sums = [torch.zeros((len(e.ids), n_out), device=dev) for e in encoded]
        counts = [torch.zeros(len(e.ids), device=dev) for e in encoded]
        states = [torch.zeros((len(e.ids), self.net.head.in_features), dtype=acc, device=dev)
                  for e in encoded] if hidden else None
        layers = frozen_layers(self.config.frozen_layer) if hidden else []
        width = self.net.head.in_features * len(layers)
        frozen = [torch.zeros((len(e.ids), width), dtype=acc, device=dev) for e in encoded] if layers else None
        with torch.inference_mode():
            for k in range(0, len(jobs), self.batch_windows):
                batch = jobs[k : k + self.batch_windows]
                width = max(b - a for _, a, b in batch) + 2
                ids = np.full((len(batch), width), pad_id, dtype=np.int64)
                mask = np.zeros((len(batch), width), dtype=np.int64)
                for r, (i, a, b) in enumerate(batch):
                    n = b - a
                    ids[r, 0], ids[r, 1 : n + 1], ids[r, n + 1] = cls_id, encoded[i].ids[a:b], sep_id
                    mask[r, : n + 2] = 1
                h, logits, low = self.net.hidden_and_logits(torch.from_numpy(ids).to(dev),
                                                            torch.from_numpy(mask).to(dev), layers)
                probs = torch.sigmoid(logits.float())
                h = h.to(acc) if hidden else None
                low = low.to(acc) if low is not None else None
                for r, (i, a, b) in enumerate(batch):
                    sums[i][a:b] += probs[r, 1 : b - a + 1]
                    counts[i][a:b] += 1
                    if h is not None:
                        states[i][a:b] += h[r, 1 : b - a + 1]
                    if low is not None:
                        frozen[i][a:b] += low[r, 1 : b - a + 1]

            def mean(rows: list[torch.Tensor] | None, k: int, dtype: torch.dtype) -> np.ndarray | None:
                if rows is None:
                    return None
                return (rows[k] / counts[k].clamp(min=1).to(rows[k].dtype)[:, None]).to(dtype).cpu().numpy()

            out = [TokenProbs(e, mean(sums, k, torch.float32), mean(states, k, torch.float16),
                              mean(frozen, k, torch.float16)) for k, e in enumerate(encoded)]
        self.timings["encoder"] += time.perf_counter() - t1
        return out

    # -- decoding (see ``decode``) ------------------------------------------------------------
    @property
    def decoder(self) -> Decoder:
        cfg = self.config
        return Decoder(self.labels, self.span_classifier, self.span_filter, self.given_classifier,
                       list(cfg.span_calibration), list(cfg.sentence_calibration))

    def decode(self, text: str, tp: TokenProbs) -> list[Span]:
        return self.decoder.decode(text, tp, Thresholds.from_config(self.config))

    def judge(self, text: str, tp: TokenProbs, start: int, end: int) -> tuple[float, np.ndarray]:
        return self.decoder.judge(text, tp, start, end)

    def classify(self, text: str, tp: TokenProbs, start: int, end: int) -> list[tuple[str, float]]:
        return self.decoder.classify(text, tp, start, end)

    def sentence_scores(self, text: str, tp: TokenProbs) -> list[Sentence]:
        return self.decoder.sentence_scores(text, tp)

    # -- public ---------------------------------------------------------------------------
    def analyze_batch(self, items: Iterable[Article | str]) -> list[Analysis]:
        articles = as_articles(items)
        return self.analyses_of(articles, self.token_probs([a.text for a in articles]))

    def analyses_of(self, articles: Sequence[Article], probs: Sequence[TokenProbs]) -> list[Analysis]:
        """The analyses of ``articles`` from their token probabilities (a caller that needs the
        probabilities too, e.g. a paragraph head, computes them once)."""
        results = []
        t0 = time.perf_counter()
        for article, tp in zip(articles, probs):
            sents = self.sentence_scores(article.text, tp)
            results.append(Analysis(article, self.decode(article.text, tp), sents, article_score(sents), self.name,
                                    taxonomy=self.config.taxonomy))
        self.timings["decode"] += time.perf_counter() - t0
        return results

    def analyze(self, item: Article | str) -> Analysis:
        return self.analyze_batch([item])[0]


def quantize_int8(encoder: nn.Module) -> nn.Module:
    """Dynamic int8 for the encoder's linear layers, one scale per output channel (per-tensor
    scales cost more accuracy); the token head stays in float."""
    import warnings

    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's notice that it moves to torchao
        return quantize_dynamic(encoder, {nn.Linear: per_channel_dynamic_qconfig})
