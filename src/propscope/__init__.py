"""propscope: find propaganda techniques in news, with evidence a person can check.

    >>> import propscope
    >>> a = propscope.analyze("They are traitors who want to destroy our great nation.")
    >>> [(s.technique, s.text) for s in a.spans]

Heavy dependencies (torch, transformers) load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .document import Analysis, Article, Sentence, Span

__version__ = "0.1.0"
__all__ = ["Analysis", "Article", "Sentence", "Span", "analyze", "load_model", "__version__"]

if TYPE_CHECKING:
    from .techniques.tagger import TechniqueModel


def analyze(text: str | Article, model: str | None = None, sources: bool = False) -> Analysis:
    """Technique spans and scores of one text (with ``sources``: entities, attributions, quotes)."""
    from .pipeline import analyze as _analyze

    return _analyze(text, model, sources)


def load_model(name: str | None = None, device: str | None = None, int8: bool = False,
               bf16: bool = False) -> TechniqueModel:
    from .pipeline import load_model as _load_model

    return _load_model(name, device, int8, bf16=bf16)
