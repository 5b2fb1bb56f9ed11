"""The data contract every component honours: Article, Span, Sentence, Analysis.

Offsets are Python ``str`` indices into ``Article.text`` (end exclusive), the
convention of the PTC label files. No component may compute offsets on a
normalised copy of the text: this module is the one place that says so, and
``Analysis.validate`` checks it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

# The largest text (UTF-8 bytes) any entry point takes by default: the command line's --max-bytes,
# the API's max_bytes. Bigger ones took minutes and gigabytes before failing somewhere deep.
DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Article:
    """One news article, its text exactly as read (no stripping, newlines kept)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        published = d.get("published")
        if isinstance(published, str) and published:
            published = dt.date.fromisoformat(published[:10])
        return cls(
            id=str(d["id"]),
            text=d["text"],
            title=d.get("title"),
            url=d.get("url"),
            outlet=d.get("outlet"),
            published=published or None,
            language=d.get("language"),
            meta=dict(d.get("meta") or {}),
        )


@dataclass(frozen=True)
class Span:
    """A technique used at ``text[start:end]``; ``score`` is a calibrated probability."""

    start: int
    end: int
    technique: str
    score: float
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), d["technique"], float(d["score"]), d.get("text", ""))


@dataclass(frozen=True)
class Sentence:
    """A sentence and the probability that it uses at least one technique."""

    start: int
    end: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(int(d["start"]), int(d["end"]), float(d["score"]))


@dataclass
class Analysis:
    """What propscope found in one article, and which model found it."""

    article: Article
    spans: list[Span]
    sentences: list[Sentence]
    score: float
    model: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)  # per span: the entities it is about
    taxonomy: str = "ptc14"  # the taxonomy the span techniques belong to (``taxonomy.load``)
    language: str | None = None  # the language detected in the text, when detection was sure of it
    notes: list[str] = field(default_factory=list)  # what a reader must know, e.g. techniques skipped

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def scored(self) -> bool:
        """Whether the model looked for techniques in the article: one in a language it does not
        read has no sentences or spans, only a note, and its score of 0 means nothing was measured,
        so it must not pull down an outlet's, a month's or a topic's mean (the store keeps no score
        for it)."""
        return bool(self.sentences or self.spans or not self.notes)

    def aimed_at(self, span: Span) -> list[str]:
        """The names ``targets`` gives ``span`` (the people and bodies it is aimed at), each once:
        what the CLI, the article page and the HTML report show beside a highlighted passage."""
        return list(dict.fromkeys(x.get("canonical") or x["text"] for t in self.targets
                                  if (t["start"], t["end"], t["technique"]) == (span.start, span.end, span.technique)
                                  for x in t["targets"]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article.id,
            "article": self.article.to_dict(),
            "spans": [s.to_dict() for s in self.spans],
            "sentences": [s.to_dict() for s in self.sentences],
            "score": self.score,
            "model": self.model,
            "entities": self.entities,
            "attributions": self.attributions,
            "quotes": self.quotes,
            "targets": self.targets,
            "taxonomy": self.taxonomy,
            "language": self.language,
            "notes": self.notes,
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        return cls(
            article=Article.from_dict(d["article"]),
            spans=[Span.from_dict(s) for s in d["spans"]],
            sentences=[Sentence.from_dict(s) for s in d["sentences"]],
            score=float(d["score"]),
            model=d["model"],
            entities=list(d.get("entities", [])),
            attributions=list(d.get("attributions", [])),
            quotes=list(d.get("quotes", [])),
            targets=list(d.get("targets", [])),
            taxonomy=d.get("taxonomy") or "ptc14",  # analyses saved before taxonomies were recorded are PTC-14
            language=d.get("language"),
            notes=list(d.get("notes", [])),
        )

    @classmethod
    def from_json(cls, s: str) -> Analysis:
        """An analysis from its JSON (``to_json``). JSON that is no analysis is a ValueError naming
        what is wrong, as for JSON that does not parse, not a KeyError or TypeError from inside."""
        try:
            return cls.from_dict(json.loads(s))
        except KeyError as e:
            raise ValueError(f"not an analysis: no {e.args[0]!r} field") from None
        except (TypeError, AttributeError) as e:
            raise ValueError(f"not an analysis: a field of the wrong type ({e})") from None

    def validate(self) -> None:
        """Raise ValueError if a span's offsets or text disagree with the article."""
        n = len(self.article.text)
        for s in self.spans:
            if not 0 <= s.start < s.end <= n:
                raise ValueError(f"span {s.start}-{s.end} outside article {self.id} of {n} chars")
            if s.text and self.article.text[s.start : s.end] != s.text:
                raise ValueError(f"span text differs from article {self.id} at {s.start}-{s.end}")


def as_articles(items: Iterable[Article | str]) -> list[Article]:
    """A batch as Articles, a plain text numbered by its place in the batch. One text alone is
    refused: iterating over it would analyse every character as an article of its own."""
    if isinstance(items, (str, bytes, bytearray, Article)):
        raise TypeError("a batch is a list of texts or Articles, not one text: pass [text]")
    out = []
    for i, a in enumerate(items):
        if not isinstance(a, (Article, str)):
            raise TypeError(f"item {i} of the batch is {type(a).__name__}: pass texts (str) or Articles")
        out.append(a if isinstance(a, Article) else Article(id=str(i), text=a))
    return out


def headline_title(text: str, max_chars: int = 150) -> str | None:
    """The first line of ``text`` when it reads as a headline: short, not the whole text, and
    not ending like a sentence (a final period). Untitled plain-text articles usually open with
    their headline, and a title reads better than an id wherever articles are listed."""
    lines = text.strip().splitlines()
    first = lines[0].strip() if lines else ""
    if len(lines) < 2 or not first or len(first) > max_chars or len(first.split()) > 25:
        return None
    if first.endswith((".", ",", ";", ":")) and not first.endswith("..."):
        return None
    return first
