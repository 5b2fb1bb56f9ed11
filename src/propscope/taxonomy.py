"""Propaganda technique taxonomies, kept as data.

Each taxonomy is one JSON file in ``propscope/taxonomies/`` (``ptc14.json``,
``semeval2023.json``) or in a folder named by ``$PROPSCOPE_TAXONOMIES`` (several
folders separated by ``os.pathsep``), so adding a taxonomy means adding a file:
its techniques (names exactly as in the corpus label files, display names,
one-paragraph definitions, colours, short labels, groups) and its groups. A
``FROM-TO.mapping.json`` file beside them maps one taxonomy's techniques onto
another's. Models name the taxonomy their head predicts (``TaggerConfig.taxonomy``)
and every analysis records it (``Analysis.taxonomy``), so surfaces look names up
in the right taxonomy instead of assuming PTC-14.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "taxonomies"
ENV = "PROPSCOPE_TAXONOMIES"
DEFAULT = "ptc14"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
UNITS = ("span", "paragraph")  # what a technique label marks: a passage, or a whole paragraph


@dataclass(frozen=True)
class Technique:
    name: str
    display: str
    definition: str
    colour: str  # light enough for dark text (WCAG contrast >= 7) and distinct from the others
    short: str = ""  # the label printed at each span; the display name when empty
    group: str = ""  # the name of one of its taxonomy's groups


@dataclass(frozen=True)
class Group:
    name: str
    display: str
    definition: str = ""


@dataclass(frozen=True)
class Taxonomy:
    """A named, ordered set of techniques; iterating it yields its techniques."""

    name: str
    title: str
    techniques: tuple[Technique, ...]
    groups: tuple[Group, ...] = ()
    description: str = ""
    unit: str = "span"  # what the taxonomy's official scores count: "span" (PTC) or "paragraph" (SemEval-2023)

    def __iter__(self) -> Iterator[Technique]:
        return iter(self.techniques)

    def __len__(self) -> int:
        return len(self.techniques)

    def __getitem__(self, i: int) -> Technique:
        return self.techniques[i]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.techniques)

    def technique(self, name: str) -> Technique | None:
        return next((t for t in self.techniques if t.name == name), None)

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "description": self.description, "unit": self.unit,
                "groups": [g.__dict__ for g in self.groups], "techniques": [t.__dict__ for t in self.techniques]}


@dataclass(frozen=True)
class Mapping:
    """Which techniques of ``target`` each technique of ``source`` became, most likely first."""

    source: str
    target: str
    map: dict[str, tuple[str, ...]]
    description: str = ""
    evidence: dict[str, dict[str, int]] = field(default_factory=dict)
    unmapped: dict[str, str] = field(default_factory=dict)  # target techniques no source technique maps to

    def targets(self, name: str) -> tuple[str, ...]:
        return self.map.get(name, ())

    def first(self, name: str) -> str | None:
        """The single target a mapped prediction takes: a model of ``source`` cannot tell the
        targets of a split class apart, so the commonest (listed first) is its best guess."""
        found = self.map.get(name)
        return found[0] if found else None

    def spans(self, spans: Iterable) -> list:
        """``spans`` (dataclasses with a ``technique``) with each technique replaced by its
        ``first`` target; a span of a technique with no target is dropped."""
        return [replace(s, technique=t) for s in spans if (t := self.first(s.technique))]


class TaxonomyError(ValueError):
    """An unknown taxonomy name, or a taxonomy file that is not valid; the message says which."""


class UnknownTechnique(ValueError):
    """A technique name that is neither a corpus name nor a display name; the message lists the choices."""


# -- reading the data ---------------------------------------------------------------------------
def folders() -> list[Path]:
    """Where taxonomy files are read from: the package's own, then ``$PROPSCOPE_TAXONOMIES``."""
    extra = [Path(p) for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    return [DATA_DIR, *extra]


def _folders_trouble() -> str:
    """What of ``$PROPSCOPE_TAXONOMIES`` names no folder, said after an unknown taxonomy's name: its
    files were ignored without a word."""
    bad = [p for p in folders()[1:] if not p.is_dir()]
    if not bad:
        return ""
    return (f" ($PROPSCOPE_TAXONOMIES names {', '.join(repr(str(p)[:200]) for p in bad[:3])}, which is no folder: "
            "point it at the folder of your taxonomy files)")


def _files(suffix: str) -> dict[str, Path]:
    """Data files by name (the file name less ``suffix``); a later folder cannot replace a
    built-in taxonomy, so ``ptc14`` always means the shipped one."""
    found: dict[str, Path] = {}
    for folder in folders():
        if folder.is_dir():
            for p in sorted(folder.glob("*" + suffix)):
                name = p.name[: -len(suffix)]
                if suffix == ".json" and name.endswith(".mapping"):
                    continue
                found.setdefault(name, p)
    return found


def _read_json(path: Path) -> dict:
    try:
        if not path.is_file():  # a pipe or device named NAME.json was read forever
            raise OSError("not a regular file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise TaxonomyError(f"cannot read taxonomy file {path}: {e}") from None
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path}: expected a JSON object")
    return data


@lru_cache(maxsize=64)
def _parse(path: str, mtime_ns: int) -> Taxonomy:
    """A taxonomy file, checked: a mistake in a user's file is one clear error naming the file."""
    p = Path(path)
    data = _read_json(p)
    name = p.name[: -len(".json")]
    if data.get("name", name) != name:
        raise TaxonomyError(f"{p}: 'name' is {data['name']!r} but the file is named {name}.json")
    try:
        groups = tuple(Group(str(g["name"]), str(g.get("display") or g["name"]), str(g.get("definition", "")))
                       for g in data.get("groups", []))
        techniques = tuple(Technique(str(t["name"]), str(t.get("display") or t["name"].replace("_", " ")),
                                     str(t.get("definition", "")), str(t["colour"]), str(t.get("short", "")),
                                     str(t.get("group", ""))) for t in data["techniques"])
    except (KeyError, TypeError, AttributeError) as e:
        raise TaxonomyError(f"{p}: every technique needs 'name' and 'colour', every group a 'name' ({e})") from None
    if not techniques:
        raise TaxonomyError(f"{p}: no techniques")
    for t in techniques:
        if not t.name.strip() or _CONTROL.search(t.name):
            raise TaxonomyError(f"{p}: technique name {t.name!r} is empty or holds a tab, line break or other "
                                "control character (label files separate fields with tabs and lines)")
    if str(data.get("unit", "span")) not in UNITS:
        raise TaxonomyError(f"{p}: 'unit' is {data['unit']!r}; give one of {', '.join(UNITS)}")
    names = [t.name for t in techniques]
    if len(set(names)) != len(names):
        raise TaxonomyError(f"{p}: technique names repeat")
    group_names = {g.name for g in groups}
    for t in techniques:
        if not _COLOUR.match(t.colour):
            raise TaxonomyError(f"{p}: {t.name}: colour {t.colour!r} is not #rrggbb")
        if t.group and t.group not in group_names:
            raise TaxonomyError(f"{p}: {t.name}: unknown group {t.group!r}")
    return Taxonomy(name, str(data.get("title") or name), techniques, groups, str(data.get("description", "")),
                    str(data.get("unit", "span")))


def available() -> list[str]:
    """The names of every taxonomy that can be loaded, built-in ones first."""
    files = _files(".json")
    builtin = [n for n, p in files.items() if p.parent == DATA_DIR]
    return builtin + sorted(n for n in files if n not in builtin)


def load(name: str | Taxonomy | None = None) -> Taxonomy:
    """A taxonomy by name (``ptc14``, ``semeval2023`` or one from ``$PROPSCOPE_TAXONOMIES``); an
    unknown name raises :class:`TaxonomyError` listing the choices."""
    if isinstance(name, Taxonomy):
        return name
    name = name or DEFAULT
    if name in _LOADED:  # a built-in one: no folder can replace it, so no need to look again
        return _LOADED[name]
    path = _files(".json").get(name) if _NAME.match(name) else None
    if path is None:
        raise TaxonomyError(f"unknown taxonomy {name!r}; choose one of: {', '.join(available())}{_folders_trouble()}")
    return _parse(str(path), path.stat().st_mtime_ns)


def mapping(source: str, target: str) -> Mapping | None:
    """The mapping from ``source`` techniques to ``target`` techniques, if one is defined."""
    path = _files(".mapping.json").get(f"{source}-{target}")
    if path is None:
        return None
    data = _read_json(path)
    try:
        pairs = {str(k): tuple(str(x) for x in v) for k, v in data["map"].items()}
    except (KeyError, AttributeError, TypeError):
        raise TaxonomyError(f"{path}: 'map' must map technique names to lists of names") from None
    src, dst = load(source), load(target)
    bad = [k for k in pairs if src.technique(k) is None] + [x for v in pairs.values() for x in v
                                                             if dst.technique(x) is None]
    if bad:
        raise TaxonomyError(f"{path}: names not in {source} or {target}: {', '.join(bad[:5])}")
    return Mapping(source, target, pairs, str(data.get("description", "")), dict(data.get("evidence", {})),
                   dict(data.get("unmapped", {})))


def mappings_of(name: str) -> list[Mapping]:
    """Every mapping into or out of taxonomy ``name``."""
    found = []
    for key in _files(".mapping.json"):
        source, _, target = key.partition("-")
        if name in (source, target) and (m := mapping(source, target)):
            found.append(m)
    return found


# -- looking techniques up ------------------------------------------------------------------------
def get(name: str, taxonomy: str | Taxonomy | None = None) -> Technique:
    """Look a technique up by its corpus name, in ``taxonomy`` when given, else in the built-in
    taxonomies (PTC-14 first). Unknown names get a neutral entry, not an error, so that an
    analysis by a model of another taxonomy still renders."""
    pool = [_LOADED[n] for n in _BUILTIN]
    if taxonomy is not None:
        try:
            pool = [load(taxonomy)]
        except TaxonomyError:  # an analysis of a taxonomy not installed here still renders
            pass
    for tax in pool:
        if (t := tax.technique(name)) is not None:
            return t
    return Technique(name, name.replace("_", " "), "", "#cccccc")


def label(name: str, taxonomy: str | Taxonomy | None = None) -> str:
    """The short label shown next to a span (readable without hovering, as displaCy does)."""
    t = get(name, taxonomy)
    return t.short or t.display


def display(name: str, taxonomy: str | Taxonomy | None = None) -> str:
    """The name people read for a corpus name (unknown names pass through readable)."""
    return get(name, taxonomy).display


def _fold(name: str) -> str:
    """Case, accents, spaces and punctuation do not tell names apart: "loaded language" is
    "Loaded_Language", "cliche" is "cliché"."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalnum() and c.isascii())


def resolve(name: str, taxonomy: str | Taxonomy | Iterable[Technique] = DEFAULT) -> str:
    """The corpus name of a technique given by its corpus name or its display name, in any case.

    Filters accept what people see ("Loaded language") as well as what files hold
    ("Loaded_Language"); an unknown name raises :class:`UnknownTechnique` listing the choices, so
    a typo is never mistaken for "no matches".
    """
    techniques = list(load(taxonomy) if isinstance(taxonomy, str) else taxonomy)
    wanted = _fold(name)
    for t in techniques:
        if wanted in (_fold(t.name), _fold(t.display)):
            return t.name
    choices = "; ".join(f"{t.display} ({t.name})" for t in techniques)
    raise UnknownTechnique(f"unknown technique {name!r}; choose one of: {choices}")


def resolve_any(name: str) -> str:
    """``resolve`` over every built-in taxonomy (PTC-14 first): filters over a store whose
    analyses come from models of different taxonomies."""
    pool = [t for n in _BUILTIN for t in _LOADED[n]]
    return resolve(name, pool)


# The shipped taxonomies, PTC-14 first (the default, and the first place a bare name is looked up).
_BUILTIN = [DEFAULT] + sorted(p.name[: -len(".json")] for p in DATA_DIR.glob("*.json")
                              if not p.name.endswith(".mapping.json") and p.name != f"{DEFAULT}.json")
_LOADED: dict[str, Taxonomy] = {}
for _name in _BUILTIN:
    _LOADED[_name] = load(_name)

PTC14: Taxonomy = _LOADED["ptc14"]
SEMEVAL2023: Taxonomy = _LOADED["semeval2023"]
TAXONOMIES: dict[str, Taxonomy] = dict(_LOADED)  # the built-in ones
PTC14_NAMES: tuple[str, ...] = PTC14.names

# The EMNLP-2019 PTC release's 18 techniques name these six that PTC-14 has not (SemEval-2020 merged
# the first five into two classes and dropped Obfuscation): its gold and predictions are scored as
# they are, so ``propscope evaluate`` does not warn about them as it does about a mistyped name.
EMNLP2019_EXTRA: frozenset[str] = frozenset({
    "Bandwagon", "Reductio_ad_hitlerum", "Whataboutism", "Straw_Men", "Red_Herring",
    "Obfuscation,Intentional_Vagueness,Confusion"})
