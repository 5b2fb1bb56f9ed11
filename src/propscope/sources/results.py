"""What extraction returns: entity mentions, attributions and quotes, and the result that holds them,
with the ``to_dict`` forms that ``Analysis.entities/attributions/quotes`` store. Every rule module
builds or reads these, so they sit at the bottom with no rules of their own;
:func:`named_entities` turns a stored analysis's entities into the rows a page lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class EntityMention:
    """One mention of a named entity; mentions of one entity share ``entity_id`` and ``canonical``."""

    start: int
    end: int
    text: str
    label: str
    entity_id: int = -1
    canonical: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Attribution:
    """A reported statement: ``source`` said ``text[content_start:content_end]``, marked by the cue."""

    source: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    content: str = ""
    kind: str = "verb"  # verb | according_to | dash | from | colon (a label's ':' or a transcript's '.')
    # "pronoun" when ``source`` is the antecedent of a pronoun speaker; "interview" when it is the person
    # (or, unnamed, the role) an interview's 'A:'/'Q:' label stands for; "initials" when it is the person
    # whose initials a transcript's label is ('DB:' for Dorothy Baines, named in the introduction)
    resolved_from: str | None = None
    antecedent_start: int | None = None
    antecedent_end: int | None = None
    entity_id: int | None = None
    via: str | None = None  # the outlet or addressee that carried the statement ("told RT")
    via_start: int | None = None
    via_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    """Direct quote: ``text[start:end]`` is the quoted text without its marks."""

    start: int
    end: int
    text: str
    marks: str  # straight | curly | single
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: int | None = None
    speaker_inferred: bool = False  # True when carried over from the previous quote's speaker

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SourcesResult:
    """Everything the sources component found in one text."""

    entities: list[EntityMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    def groups(self) -> dict[int, dict[str, Any]]:
        """``entity_id -> {canonical, label, mentions: [(start, end)]}``, for display and counting."""
        out: dict[int, dict[str, Any]] = {}
        for e in self.entities:
            g = out.setdefault(e.entity_id, {"canonical": e.canonical, "label": e.label, "mentions": []})
            g["mentions"].append((e.start, e.end))
        return out


def named_entities(entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per entity of an analysis's ``entities`` (their ``to_dict`` form), in the order they are
    first named: ``{name, label, mentions}``. A page listing every mention named one person four
    times, and her surname apart from her full name; ``entity_id`` says which mentions are one."""
    rows: dict[Any, dict[str, Any]] = {}
    for e in entities:
        key = e.get("entity_id") if isinstance(e.get("entity_id"), int) and e["entity_id"] >= 0 else e.get("text")
        row = rows.setdefault(key, {"name": e.get("canonical") or e.get("text") or "", "label": e.get("label") or "",
                                    "mentions": 0})
        row["mentions"] += 1
    return [r for r in rows.values() if r["name"]]
