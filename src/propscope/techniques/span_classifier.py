"""Judging a span as a whole rather than token by token: which technique it uses, and
whether it is a technique at all.

The token head labels each token on its own, and averaging its technique
probabilities over a span loses what makes a technique: a phrase repeated
elsewhere in the article is Repetition, a whole sentence in capitals or ending
in "!" leans to Slogans or Flag-Waving. The SemEval-2020 TC winners classified
span representations; this is the small version of that idea: softmax
regressions over the span's mean encoder state, the token head's probabilities
over it and a few surface features. They are fitted after the tagger, in
seconds on a CPU: the technique classifier on the training articles' gold
spans, and the span filter on the spans the tagger finds in those articles
(kept when they overlap a gold span): the tagger finds about 1.7 spans per
gold span, and the filter drops the unlikely ones. A model that reads a frozen
layer also has a given-span classifier, fitted on the same gold spans with the
layer's maximum and spread too (``pooled_features``): it labels the spans a user
gives (TC), where the edges are the annotator's, as in its fitting data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

if TYPE_CHECKING:
    from .ngram import NgramClassifier

FILE = "span_classifier.safetensors"
_WORDS = re.compile(r"\W+")


def _norm(s: str) -> str:
    return _WORDS.sub(" ", s.lower()).strip()


@lru_cache(maxsize=16)
def _padded_words(text: str) -> str:
    """An article's words, normalised once for all its spans."""
    return f" {_norm(text)} "


def surface_features(text: str, start: int, end: int, n_tokens: int) -> np.ndarray:
    """Repetition of the span's words elsewhere in the article, its length, and its punctuation."""
    words = _norm(text[start:end])
    repeats = max(_padded_words(text).count(f" {words} ") - 1, 0) if words else 0  # whole words only
    span = text[start:end]
    return np.array([np.log1p(repeats), float(repeats > 0), np.log(max(n_tokens, 1)), np.log(end - start + 1),
                     float("!" in span), float(span.isupper()), float(text[max(0, start - 1) : start] in "\"“'")],
                    dtype=np.float32)


def span_features(text: str, hidden: np.ndarray, probs: np.ndarray, inside: np.ndarray,
                  start: int, end: int, frozen: np.ndarray | None = None, pooled: bool = False) -> np.ndarray:
    """The feature vector of one span: ``hidden``/``probs`` are per-token encoder states and head
    probabilities ("any technique" first, then one per technique), ``inside`` the span's tokens;
    ``frozen``, when the model has one, the states of a layer below the trained ones. With
    ``pooled`` (and ``frozen``), ``pooled_features`` come last.

    The span models are fitted on the articles the encoder trained on, where its top states
    and probabilities are surer than on new articles; a frozen layer's states are not, which
    is why they carry the technique better out of fold (the span filter leaves them out: see
    ``tuning.fit_span_filter``). Every model reads a prefix of this vector (``SpanClassifier.predict``),
    so one vector serves them all."""
    any_p = probs[inside, 0]
    parts = [hidden[inside].astype(np.float32).mean(axis=0),
             np.log(probs[inside, 1:].mean(axis=0) + 1e-4),
             np.array([any_p.mean(), any_p.max(), any_p.min()], dtype=np.float32),
             surface_features(text, start, end, int(inside.sum()))]
    if frozen is not None:
        parts.append(frozen[inside].astype(np.float32).mean(axis=0))
        if pooled:
            parts.append(pooled_features(frozen, inside, hidden.shape[1]))
    return np.concatenate(parts)


def pooled_features(frozen: np.ndarray, inside: np.ndarray, width: int) -> np.ndarray:
    """The maximum and the spread (standard deviation) over the span's tokens of the highest
    frozen layer's states (its last ``width`` columns): a mean blurs the one word that makes a
    span Loaded_Language or Name_Calling into the words around it. Only the given-span classifier
    reads them: on `accurate`'s folds they raised TC on held-out gold spans from 0.660 to 0.675 (every
    fold), but spans the tagger decodes have other edges than the gold spans the classifier is fitted
    on, a maximum and a spread move with the edges more than a mean does, and FLC fell on every fold
    (docs/models.md)."""
    top = frozen[inside, -width:].astype(np.float32)
    return np.concatenate([top.max(axis=0), top.std(axis=0)])


def lexical_features(model: NgramClassifier, texts: Sequence[str]) -> np.ndarray:
    """What a span's own words say of its technique: the log-probabilities of an n-gram
    classifier of span texts (``ngram.NgramClassifier``), one per technique. The encoder's
    states blur the exact wording (its top states are a span's mean); character n-grams keep
    it, e.g. "according to" for Appeal_to_Authority."""
    return np.log(model.probs(list(texts))[:, 1:] + 1e-4).astype(np.float32)


@dataclass
class SpanClassifier:
    """Standardised features, then one linear layer and a softmax over the classes (the
    techniques; or, for the span filter, "not a technique" and "a technique"). A technique
    classifier with a ``lexical`` model reads its ``lexical_features`` last, after the others."""

    mean: np.ndarray
    scale: np.ndarray
    weight: np.ndarray  # (n_labels, n_features)
    bias: np.ndarray
    lexical: NgramClassifier | None = None  # fitted on the training spans' texts

    def predict(self, features: np.ndarray, texts: str | Sequence[str] | None = None) -> np.ndarray:
        """Class probabilities (rows sum to 1) for one feature vector or a matrix of them (and
        the span texts, which a classifier with a ``lexical`` model needs). A model fitted
        without the frozen-layer states reads the features before them (they come last)."""
        if self.lexical is not None:
            if texts is None:
                raise ValueError("this span classifier reads the span's words: pass its text")
            one = isinstance(texts, str)
            lex = lexical_features(self.lexical, [texts] if one else texts)
            features = np.concatenate([features[..., : len(self.mean) - lex.shape[1]], lex[0] if one else lex], axis=-1)
        features = features[..., : len(self.mean)]
        z = ((features - self.mean) / self.scale) @ self.weight.T + self.bias
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)


_PARTS = ("mean", "scale", "weight", "bias")
# decoded spans' techniques, the span filter, and the techniques of spans a user gives (TC, ``classify-spans``)
_MODELS = ("technique", "filter", "given")


def save(directory: Path, technique: SpanClassifier, span_filter: SpanClassifier | None = None,
         given: SpanClassifier | None = None) -> None:
    """The span models in one file beside the adapter (keys ``technique.*``, ``filter.*`` and
    ``given.*``; a classifier's lexical model under ``NAME.lexical.*``)."""
    from safetensors.numpy import save_file

    tensors = {}
    for name, clf in zip(_MODELS, (technique, span_filter, given)):
        if clf is not None:
            tensors.update({f"{name}.{k}": np.ascontiguousarray(getattr(clf, k), dtype=np.float32) for k in _PARTS})
            if clf.lexical is not None:
                tensors.update(clf.lexical.tensors(f"{name}.lexical."))
    save_file(tensors, str(directory / FILE))


def load(directory: Path, labels: Sequence[str] = ()
         ) -> tuple[SpanClassifier | None, SpanClassifier | None, SpanClassifier | None]:
    """(technique classifier, span filter, given-span classifier) of an artifact; None for what
    it lacks. ``labels``: the model's techniques, the classes of a lexical model."""
    path = directory / FILE
    if not path.exists():
        return None, None, None
    from safetensors.numpy import load_file

    from .ngram import NgramClassifier

    tensors = load_file(str(path))
    found = []
    for name in _MODELS:
        if f"{name}.mean" not in tensors:
            found.append(None)
            continue
        lexical = (NgramClassifier.from_tensors(tensors, list(labels), f"{name}.lexical.")
                   if f"{name}.lexical.weight" in tensors else None)
        found.append(SpanClassifier(**{k: tensors[f"{name}.{k}"] for k in _PARTS}, lexical=lexical))
    return found[0], found[1], found[2]


def fit_linear(features: np.ndarray, targets: np.ndarray, weight_decay: float, iterations: int,
               loss: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
               init: Callable[[torch.nn.Linear, torch.Tensor], None]) -> tuple[np.ndarray, ...]:
    """One linear layer over standardised ``features`` by L-BFGS, minimising ``loss(logits,
    targets)`` plus an L2 penalty on the weights; ``init`` sets the starting weights. Returns
    ``(mean, scale, weight, bias)``. The fitter of every small model fitted after the encoder:
    the span classifier, the span filter, the SemEval-2023 paragraph head."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    x = torch.from_numpy(((features - mean) / scale).astype(np.float32))
    y = torch.from_numpy(targets.astype(np.float32))
    layer = torch.nn.Linear(x.shape[1], y.shape[1])
    with torch.no_grad():
        init(layer, y)
    optim = torch.optim.LBFGS(layer.parameters(), max_iter=iterations, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        optim.zero_grad()
        total = loss(layer(x), y) + weight_decay * (layer.weight ** 2).sum()
        total.backward()
        return total

    optim.step(closure)
    return mean, scale, layer.weight.detach().numpy().copy(), layer.bias.detach().numpy().copy()


def fit(features: np.ndarray, targets: np.ndarray, weight_decay: float, iterations: int = 300) -> SpanClassifier:
    """Softmax regression. ``targets`` are rows of technique shares: a gold span that carries two
    techniques counts half for each."""
    def init(layer: torch.nn.Linear, _: torch.Tensor) -> None:
        layer.weight.normal_(0, 0.01, generator=torch.Generator().manual_seed(0))
        layer.bias.zero_()

    def cross_entropy(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return -(y * torch.log_softmax(logits, dim=-1)).sum(dim=1).mean()

    mean, scale, weight, bias = fit_linear(features, targets, weight_decay, iterations, cross_entropy, init)
    return SpanClassifier(mean.astype(np.float32), scale.astype(np.float32), weight, bias)
