"""The model registry: where artifacts live, how a name resolves, what version a model is, the
rules for loading one, and the one in-process cache of loaded models.

- Artifacts are folders with ``config.json`` and ``adapter.safetensors`` (plus optional span
  models), found by name in the package's ``models/`` folder or ``$PROPSCOPE_MODELS``, or given
  as a path.
- A version is ``name-hash8``, the hash covering ``config.json`` and every ``*.safetensors``
  file, so a retrained artifact *and* re-tuned thresholds under the same name are new versions
  and ``--reanalyze`` redoes the analyses they would change.
- int8 means the CPU: the quantised encoder runs only there, GPU or not (``device_for``).
- A config of kind ``ngram-paragraphs`` is not a span tagger but the paragraph model for the
  languages the encoders cannot read (``techniques.ngram``); it has no encoder, hence no int8 or
  bf16, and says which languages it has (a tagger: English).
- A model's config names the taxonomy its head predicts. Asked for another taxonomy that a
  mapping file connects it to (``taxonomy.mapping``), the registry gives a :class:`MappedModel`,
  whose spans are translated and whose version says so; where the artifact ships a paragraph
  head for that taxonomy (``paragraph_head.safetensors``, hashed into the version like every
  weights file), the head decides each paragraph's techniques.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from . import taxonomy as tx
from .document import Analysis, Article, as_articles

DEFAULT_MODEL = "accurate"  # best by cross-validation (its model card); `fast` is ~6x quicker
BATCH_MODEL = "fast"  # batch runs corpora: throughput first, unless --model says otherwise
INT8_SUFFIX = "-int8"  # marks the version of a model whose encoder runs quantised
BF16_SUFFIX = "-bf16"  # marks the version of a model run in bfloat16 on a CPU
MAPPED = "-mapped-"  # marks the version of a model whose spans were mapped into another taxonomy
NGRAM_KIND = "ngram-paragraphs"  # config "kind" of the paragraph n-gram model (``techniques.ngram.KIND``)


class ModelNotFound(LookupError):
    pass


class ModelDamaged(ModelNotFound):
    """A model folder whose ``config.json`` or weights cannot be read as a model's (a copy cut
    short, a file of another program): each such fault was a traceback (JSONDecodeError,
    TypeError, SafetensorError) from every command that loads the model."""

    def __init__(self, directory: Path, what: str, why: str):
        super().__init__(f"model folder {directory} is damaged: {what}: {why}; copy the model folder again, or "
                         "train it anew (`propscope train --out FOLDER`)")


class NotOffered(ModelNotFound, ValueError):
    """A model exists but not in the precision asked for (int8 of MPNet, int8 with bf16)."""


def models_dir() -> Path:
    """Where named models live: ``$PROPSCOPE_MODELS``, else the package's ``models/`` folder."""
    return Path(os.environ.get("PROPSCOPE_MODELS") or Path(__file__).resolve().parent / "models")


def models_dir_trouble() -> str | None:
    """Why ``$PROPSCOPE_MODELS`` gives no models, when it names no folder; else None. Set to a file
    or a missing path, `propscope models` printed nothing, exit 0, and a model was "not installed"."""
    given = os.environ.get("PROPSCOPE_MODELS")
    if not given or _is(Path(given), Path.is_dir):
        return None
    return (f"$PROPSCOPE_MODELS names {_shown(given)}, which is no folder: unset it for the models propscope ships, "
            "or point it at a folder of model folders")


def _shown(name: str) -> str:
    return repr(name) if len(name) <= 300 else repr(f"{name[:200]}...{name[-100:]}")


def available_models() -> list[str]:
    root = models_dir()
    return sorted(p.name for p in root.iterdir() if _holds_config(p)) if root.is_dir() else []


def _holds_config(folder: Path) -> bool:
    """Whether ``folder`` has a ``config.json``."""
    return _is(folder / "config.json", Path.exists)


def _is(path: Path, test: Callable[[Path], bool]) -> bool:
    """``test(path)`` (``Path.exists``, ``Path.is_dir``), False where the file system cannot say:
    a ``--model`` name over 255 bytes was an OSError traceback."""
    try:
        return test(path)
    except (OSError, ValueError):
        return False


def model_path(name: str | None = None) -> Path:
    """The artifact folder of a model name (``fast``) or path; unknown names list the choices."""
    name = name or DEFAULT_MODEL
    candidate = Path(name)
    if _holds_config(candidate):
        return candidate
    path = models_dir() / name
    if not _holds_config(path):
        if _is(candidate, Path.is_dir) and (os.sep in name or name.startswith(".") or not _is(path, Path.exists)):
            raise ModelNotFound(f"{name} is a folder but not a model: a model folder holds config.json (and its "
                                f"weights), as `propscope train --out FOLDER` writes it")
        if trouble := models_dir_trouble():
            raise ModelNotFound(f"no model named {_shown(name)}: {trouble}")
        known = ", ".join(available_models()) or "none installed"
        raise ModelNotFound(f"no model named {_shown(name)} (available: {known}); or give the path of a model folder")
    return path


def read_config(directory: Path) -> dict[str, Any]:
    """An artifact's ``config.json`` as plain data (no torch import: versions and taxonomies are
    known before any model loads); a file that is no JSON object with a ``name`` is
    :class:`ModelDamaged`."""
    try:
        config = json.loads((Path(directory) / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:  # a folder named config.json, no UTF-8, no JSON
        raise ModelDamaged(directory, "config.json", getattr(e, "strerror", None) or str(e)) from None
    if not isinstance(config, dict) or not isinstance(config.get("name"), str):
        raise ModelDamaged(directory, "config.json", "not a JSON object with the model's name")
    needed = {"languages": list, "classes": list} if config.get("kind") == NGRAM_KIND else {"base": str, "labels": list}
    wrong = [key for key, kind in needed.items() if not isinstance(config.get(key), kind)]
    if wrong:  # checked here, before any work: `batch` met it on every worker, as a traceback
        raise ModelDamaged(directory, "config.json", f"no {' or '.join(wrong)} of the right kind")
    return config


def version_of(directory: Path) -> str:
    """``name-hash8``: the artifact name and a hash of its configuration (parsed, so reformatting
    it changes nothing) and of every weights file, so re-tuned thresholds or retrained weights
    under the same name count as a new version. Hashed once per state of the files: the Python
    API asks for it on every call."""
    directory = Path(directory).resolve()
    files = [directory / "config.json", *sorted(directory.glob("*.safetensors"))]
    return _version(directory, tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files))


@functools.lru_cache(maxsize=64)
def _version(directory: Path, stamp: tuple) -> str:
    from safetensors import SafetensorError, safe_open

    config = read_config(directory)
    h = hashlib.sha256(json.dumps(config, sort_keys=True, ensure_ascii=False).encode())
    for f in sorted(directory.glob("*.safetensors")):
        try:  # reads the header and checks it against the file's length, so a weights file cut short or
            with safe_open(str(f), framework="numpy"):  # of another kind is named before any work, not midway
                pass
        except SafetensorError as e:
            raise ModelDamaged(directory, f.name, str(e)) from None
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return f"{config['name']}-{h.hexdigest()[:8]}"


def model_taxonomy(name: str | None = None) -> str:
    """The taxonomy a model's head predicts, from its config (PTC-14 for older artifacts)."""
    return read_config(model_path(name)).get("taxonomy") or tx.DEFAULT


def device_for(int8: bool, device: str | None = None) -> str | None:
    """The int8-means-CPU rule, in one place: a quantised encoder runs on the CPU even where a
    GPU is present; otherwise ``device`` (None: the GPU when there is one)."""
    return "cpu" if int8 else device


def mapping_for(name: str | None, taxonomy: str | None) -> tx.Mapping | None:
    """The mapping needed to give ``taxonomy`` spans with model ``name``: None when the model
    predicts that taxonomy itself; :class:`ModelNotFound` when nothing connects the two."""
    own = model_taxonomy(name)
    if taxonomy is None or taxonomy == own:
        return None
    tx.load(taxonomy)  # an unknown taxonomy is a TaxonomyError listing the choices
    found = tx.mapping(own, taxonomy)
    if found is None:
        raise ModelNotFound(f"model {name or DEFAULT_MODEL!r} predicts {own} techniques and no mapping from {own} "
                            f"to {taxonomy} is defined; train a {taxonomy} model or add a mapping file")
    return found


def check_precision(path: Path, int8: bool, bf16: bool) -> None:
    """The precision rules, checked before anything loads and again where a model loads: int8 or
    bf16, not both; int8 only where the base encoder survives it (``bases.py``: not MPNet)."""
    from . import bases

    if int8 and bf16:
        raise NotOffered("choose int8 or bf16, not both")
    config = read_config(path)
    if (int8 or bf16) and config.get("kind") == NGRAM_KIND:
        raise NotOffered(f"{'int8' if int8 else 'bf16'} is for the encoder models; {Path(path).name} has no encoder "
                         "(it runs in a blink as it is)")
    base = config.get("base", "") if int8 else ""
    if base in bases.BASES and not bases.get(base).int8_safe:
        raise NotOffered(f"int8 is not offered for {Path(path).name}: it damages the {base} encoder's token vectors; "
                         "use --model fast with --int8 for int8 speed")


def model_version(name: str | None = None, int8: bool = False, taxonomy: str | None = None,
                  bf16: bool = False) -> str:
    """The version a model records in its analyses, without loading it (``bf16`` as on a CPU)."""
    path = model_path(name)
    check_precision(path, int8, bf16)
    version = version_of(path) + (INT8_SUFFIX if int8 else "") + (BF16_SUFFIX if bf16 else "")
    mapped = mapping_for(name, taxonomy)
    return version + (MAPPED + mapped.target if mapped else "")


_CACHE: dict[tuple[str, str, str | None, bool, bool], Any] = {}
_LOCK = threading.Lock()


def load_model(name: str | None = None, device: str | None = None, int8: bool = False,
               taxonomy: str | None = None, bf16: bool = False):
    """A model by name or folder, cached per process under its version (a retrained or re-tuned
    artifact at the same path loads afresh). ``int8`` runs a quantised encoder on the CPU;
    ``taxonomy`` other than the model's own wraps it in a :class:`MappedModel`."""
    path = model_path(name).resolve()
    device = device_for(int8, device)
    key = (str(path), version_of(path), device, int8, bf16)
    with _LOCK:
        model = _CACHE.get(key)
        if model is None:
            for old in [k for k in _CACHE if k[0] == key[0] and k[1] != key[1]]:
                del _CACHE[old]  # a stale version of this artifact
            model = _CACHE[key] = _build(path, key[1], device, int8, bf16)
    mapped = mapping_for(str(path), taxonomy)
    return MappedModel(model, mapped, paragraph_head_for(path, mapped)) if mapped else model


def _build(path: Path, version: str, device: str | None, int8: bool, bf16: bool):
    """The model in ``path``; settings or weights it cannot be built from are :class:`ModelDamaged`."""
    from safetensors import SafetensorError

    try:
        if read_config(path).get("kind") == NGRAM_KIND:
            from .techniques.ngram import NgramModel

            check_precision(path, int8, bf16)
            return NgramModel(path, version)
        from .techniques.tagger import TechniqueModel

        return TechniqueModel.load(path, device=device, int8=int8, bf16=bf16)
    except (SafetensorError, KeyError, TypeError) as e:  # a weights file cut short, a setting missing or mistyped
        raise ModelDamaged(path, "its settings or weights", f"{e.__class__.__name__}: {e}") from None


def paragraph_head_for(path: Path, mapping: tx.Mapping):
    """The artifact's paragraph head for the mapping's target taxonomy, if it ships one
    (``techniques.paragraph_head``: pure numpy, so loading it costs nothing)."""
    from .techniques.paragraph_head import ParagraphHead

    head = ParagraphHead.load(path)
    return head if head is not None and head.taxonomy == mapping.target else None


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def map_analysis(a: Analysis, mapping: tx.Mapping, model_name: str) -> Analysis:
    """``a`` with each span's technique replaced by its first target in ``mapping`` (a span of a
    technique with no target is dropped), recorded under the mapped taxonomy and ``model_name``."""
    return dataclasses.replace(a, spans=mapping.spans(a.spans), taxonomy=mapping.target, model=model_name)


class MappedModel:
    """A model of one taxonomy giving spans in another through a mapping; everything but the
    analyses, the name and the taxonomy is the wrapped model's. With a paragraph head (a
    paragraph-level taxonomy such as SemEval-2023), the head decides each paragraph's techniques
    and the mapped spans are made to agree (``paragraph_head.apply``)."""

    def __init__(self, model, mapping: tx.Mapping, paragraph_head=None):
        self.model, self.mapping, self.paragraph_head = model, mapping, paragraph_head

    @property
    def name(self) -> str:
        return self.model.name + MAPPED + self.mapping.target

    @property
    def taxonomy(self) -> str:
        return self.mapping.target

    def analyze_batch(self, items: Iterable[Article | str]) -> list[Analysis]:
        if self.paragraph_head is None:
            return [map_analysis(a, self.mapping, self.name) for a in self.model.analyze_batch(items)]
        from .techniques.decode import Thresholds
        from .techniques.paragraph_head import apply_head, low_thresholds

        articles = as_articles(items)
        probs = self.model.token_probs([a.text for a in articles])
        decoder, low = self.model.decoder, low_thresholds(Thresholds.from_config(self.model.config))
        return [apply_head(map_analysis(a, self.mapping, self.name),
                           self.mapping.spans(decoder.decode(a.article.text, tp, low)), self.paragraph_head, tp)
                for a, tp in zip(self.model.analyses_of(articles, probs), probs)]

    def analyze(self, item: Article | str) -> Analysis:
        return self.analyze_batch([item])[0]

    def __getattr__(self, attr: str):
        return getattr(self.model, attr)


def models_for_language(code: str | None) -> list[str]:
    """The installed models that look for techniques in language ``code`` (a config without
    ``languages`` reads English)."""
    found = []
    for name in available_models():
        try:
            if code in (read_config(models_dir() / name).get("languages") or ["en"]):
                found.append(name)
        except ModelDamaged:  # a broken folder in $PROPSCOPE_MODELS is not this caller's problem
            continue
    return found


def languages_of(model) -> tuple[str, ...]:
    """The languages a loaded model looks for techniques in: the span taggers read English only."""
    return tuple(getattr(model, "languages", None) or ("en",))


def taxonomy_of(model) -> str:
    """The taxonomy a loaded model's analyses are in."""
    return getattr(model, "taxonomy", None) or getattr(model.config, "taxonomy", None) or tx.DEFAULT
