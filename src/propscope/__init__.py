"""propscope: find propaganda techniques in news, with evidence a person can check.

    >>> import propscope
    >>> a = propscope.analyze("They are traitors who want to destroy our great nation.")
    >>> [(s.technique, s.text) for s in a.spans]
    >>> copies = propscope.find_reuse([propscope.Article("a", text_a), propscope.Article("b", text_b)])

Heavy dependencies (torch, transformers) load on first use, not on import.
"""

from __future__ import annotations

import numbers
import os
from typing import TYPE_CHECKING

from .document import DEFAULT_MAX_BYTES, Analysis, Article, Sentence, Span

__version__ = "0.1.0"
__all__ = ["Analysis", "Article", "Sentence", "Span", "analyze", "find_reuse", "load_model", "__version__"]

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .reuse import ReuseResult
    from .techniques.tagger import TechniqueModel


def analyze(text: str | Article, model: str | None = None, sources: bool = False,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Analysis:
    """Technique spans and scores of one text (with ``sources``: entities, attributions, quotes).

    A wrong type is a TypeError that says what to pass, before any model loads: bytes, None or a
    number failed deep inside the tokenizer ("'int' object has no attribute 'isalpha'"), and a
    list was taken for an unhashable model name. A text over ``max_bytes`` in UTF-8 (the command
    line's ``--max-bytes`` and its default) is a ValueError: it took minutes and gigabytes first."""
    from .pipeline import analyze as _analyze

    _check_text(text, max_bytes=max_bytes)
    _check_model_name(model)
    _check_flags(sources=sources)
    return _analyze(text, model, sources)


def _check_model_name(model: object) -> None:
    """TypeError for a model that is no name or path; ValueError for an empty name, which an
    unset variable gives (``model=os.environ.get(...)`` or ``""``): it took the default model in
    silence, where the command line's ``--model ""`` is a usage error."""
    if model is not None and not isinstance(model, (str, os.PathLike)):
        raise TypeError(f"model must be a model name such as 'fast' or a folder path, not {type(model).__name__}")
    if isinstance(model, str) and not model.strip():
        raise ValueError("model is an empty name: give one such as 'fast', a folder path, or None for the default")


def _check_flags(**flags: object) -> None:
    """TypeError for an on/off argument that is no bool: ``sources="no"`` was taken as yes."""
    for name, value in flags.items():
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False, not {type(value).__name__}")


def find_reuse(articles: Iterable[Article], similarity: float = 0.25, quotations: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES, **options: object) -> ReuseResult:
    """Passages copied between ``articles``, clustered, each cluster with its likely origin (the
    earliest ``published``): what `propscope reuse` finds, with ``similarity`` and ``quotations``
    as its ``--similarity`` and ``--quotations``; ``options`` go to ``propscope.reuse.find_reuse``.
    Offsets index each Article's text, as a Span's do. Texts must come as Articles, each with its
    own id: a list of strings has no ids to say which article a passage is in. An article over
    ``max_bytes`` in UTF-8 is a ValueError, as ``analyze``'s text is."""
    from .reuse import find_reuse as _find_reuse

    alone = isinstance(articles, (str, bytes, Article)) or not hasattr(articles, "__iter__")
    arts = [articles] if alone else list(articles)
    odd = next((a for a in arts if not isinstance(a, Article)), None)
    if alone or odd is not None:
        raise TypeError("propscope.find_reuse takes a list of Articles, e.g. [propscope.Article('a', text_a), "
                        f"propscope.Article('b', text_b)], not {type(arts[0] if alone else odd).__name__}"
                        + (" alone" if alone else ""))
    for a in arts:
        _check_article(a, max_bytes)
    if len({a.id for a in arts}) < len(arts):
        raise ValueError("two of the articles share an id: give each its own, so a passage can say where it is")
    if isinstance(similarity, bool) or not isinstance(similarity, numbers.Real):
        raise TypeError(f"similarity must be a number between 0.05 and 0.95, not {type(similarity).__name__}")
    if not 0.05 <= similarity <= 0.95:
        raise ValueError(f"similarity must lie between 0.05 and 0.95, not {similarity}")
    if not isinstance(quotations, bool):
        raise TypeError(f"quotations must be True or False, not {type(quotations).__name__}")
    _check_reuse_options(options, _find_reuse)
    return _find_reuse(arts, threshold=similarity, report_quotations=quotations, **options)


def _check_article(a: Article, max_bytes: int) -> None:
    """Raise TypeError unless ``a``'s text is a str, its id a str and its ``published`` a date or
    None: the reuse package sorts articles by id and dates, and a None id or a date given as text
    failed there ("'<' not supported between instances of 'datetime.date' and 'str'")."""
    import datetime as dt

    _check_text(a, "propscope.find_reuse", max_bytes)
    if not isinstance(a.id, str):
        raise TypeError(f"an Article's id must be a str, not {type(a.id).__name__} ({a.id!r:.60})")
    if a.published is not None and (not isinstance(a.published, dt.date) or isinstance(a.published, dt.datetime)):
        hint = ": use .date()" if isinstance(a.published, dt.datetime) else ", e.g. datetime.date(2021, 5, 1)"
        raise TypeError(f"article {a.id!r:.60}: published must be a datetime.date or None, not "
                        f"{type(a.published).__name__}{hint}")


# find_reuse's own names for what its options set in the reuse package
_RENAMED = {"threshold": "similarity", "report_quotations": "quotations"}


def _check_reuse_options(options: dict[str, object], target: object) -> None:
    """Raise TypeError for an option ``target`` (``propscope.reuse.find_reuse``) does not take or
    takes by another name here, or one of another type than its default's, and ValueError for a
    number that is not finite (a NaN ``min_score`` kept no passage, in silence)."""
    import inspect
    import math

    defaults = {name: p.default for name, p in inspect.signature(target).parameters.items()
                if p.default is not inspect.Parameter.empty}
    for name, value in options.items():
        if name in _RENAMED:
            raise TypeError(f"propscope.find_reuse sets {name} itself: use {_RENAMED[name]}= instead")
        if name not in defaults:
            known = ", ".join(sorted(set(defaults) - set(_RENAMED)))
            raise TypeError(f"propscope.find_reuse got an unknown option {name!r}; it takes similarity, quotations, "
                            f"{known}")
        want = type(defaults[name])
        kind = {int: numbers.Integral, float: numbers.Real}.get(want, want)  # numpy's numbers too
        if not isinstance(value, kind) or (want is not bool and isinstance(value, bool)):
            raise TypeError(f"{name} must be {want.__name__}, not {type(value).__name__}")
        if isinstance(value, numbers.Real) and not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number, not {value}")


def _check_text(text: object, caller: str = "propscope.analyze", max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Raise TypeError unless ``text`` is a str (or an Article holding one), ValueError when it
    holds a lone surrogate, which no tokenizer or store can encode, or is over ``max_bytes`` in
    UTF-8, the limit the command line puts on an input file."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, numbers.Integral):
        raise TypeError(f"max_bytes must be a whole number of bytes, not {type(max_bytes).__name__}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be 1 or more, not {max_bytes}")
    body = text.text if isinstance(text, Article) else text
    if isinstance(body, (bytes, bytearray)):
        raise TypeError(f"{caller} takes text as str, not bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(body, str):
        what = "got an Article whose text is" if isinstance(text, Article) else "takes a str or an Article, not"
        raise TypeError(f"{caller} {what} {type(body).__name__}"
                        + (": analyse several texts with load_model(...).analyze_batch(texts)"
                           if isinstance(body, (list, tuple)) else ""))
    try:
        size = len(body.encode("utf-8"))
    except UnicodeEncodeError as e:
        raise ValueError(f"the text holds a lone surrogate ({body[e.start]!r} at index {e.start}), which cannot be "
                         "encoded: read the text with errors='replace', or remove it") from None
    if size > max_bytes:
        whose = f"article {text.id!r:.60}" if isinstance(text, Article) and caller != "propscope.analyze" else "the text"
        raise ValueError(f"{caller}: {whose} is {size:,} bytes in UTF-8, over the {max_bytes:,}-byte limit (the "
                         "command line's --max-bytes): pass max_bytes= to raise it, or split the text")


def load_model(name: str | None = None, device: str | None = None, int8: bool = False,
               bf16: bool = False) -> TechniqueModel:
    """A model by name or folder, on ``device`` (default: a GPU when torch sees one, else the CPU).
    A device torch cannot use is a ValueError before anything loads: ``device="cuda"`` on a machine
    without a GPU was torch's AssertionError "Torch not compiled with CUDA enabled"."""
    from .pipeline import load_model as _load_model

    _check_model_name(name)
    _check_flags(int8=int8, bf16=bf16)
    if device is not None:
        _check_device(device)
    return _load_model(name, device, int8, bf16=bf16)


def _check_device(device: object) -> None:
    import torch

    try:
        where = torch.device(device)
    except (RuntimeError, TypeError):
        raise ValueError(f"unknown device {device!r}: use 'cpu', 'cuda' or 'cuda:N'") from None
    if where.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device {device!r}: torch sees no CUDA GPU here; use device='cpu', or leave device out to "
                         "take a GPU when there is one")
