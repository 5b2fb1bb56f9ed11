"""Paragraph-level technique labels and their scores: SemEval-2023 Task 3, subtask 3.

A paragraph is a ``\\n``-separated line of the article (numbered from 1, the ``\\r`` of a CRLF
file staying with its line); only lines with non-blank text are rows. A paragraph carries a
technique when a span of that technique overlaps it, which reproduces the official English and
French/Russian paragraph gold from the official spans (PROVENANCE.md of the shared data).

Rows read and print as ``article_id<TAB>line_no<TAB>technique1,technique2`` (empty third field
when none). The scores are those of the official scorer (``scorer-subtask-3.py``): every
technique of the taxonomy is a column of a multi-label binarisation of the gold rows; micro-F1
pools true/false positives and false negatives over the columns, macro-F1 averages the
per-column F1s, and a quantity whose denominator is zero counts as 1 (scikit-learn's
``zero_division=1``), so a technique neither in the gold nor predicted scores F1 1. The
prediction file must hold exactly the gold rows and only techniques of the taxonomy, as the
official scorer insists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Rows = dict[tuple[str, int], list[str]]  # (article id, line number) -> techniques


def paragraphs(text: str) -> list[tuple[int, int, int]]:
    """``(line_no, start, end)`` of every non-blank ``\\n``-separated line of ``text``."""
    out, start = [], 0
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            out.append((n, start, start + len(line)))
        start += len(line) + 1
    return out


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the whitespace around its text (a CRLF line's ``\\r`` too): where a
    span over a whole paragraph begins and ends."""
    inner = text[start:end]
    return start + len(inner) - len(inner.lstrip()), end - (len(inner) - len(inner.rstrip()))


def paragraph_labels(text: str, spans: Iterable) -> list[tuple[int, list[str]]]:
    """Each non-blank line's number and the techniques of the spans that overlap it, in the order
    they first appear (a span is anything with ``start``, ``end`` and ``technique``)."""
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    out = []
    for n, a, b in paragraphs(text):
        found = [s.technique for s in spans if s.start < b and s.end > a]
        out.append((n, list(dict.fromkeys(found))))
    return out


def format_rows(article_id: str, labels: Sequence[tuple[int, list[str]]]) -> Iterator[str]:
    """Subtask-3 rows; an id with a tab or line break in it is escaped as in ``--format ptc``
    (``ptc.escape_id``), else it would break its row in two."""
    from .ptc import escape_id

    safe = escape_id(article_id)
    for n, techniques in labels:
        yield f"{safe}\t{n}\t{','.join(techniques)}\n"


def parse_rows(lines: Iterable[str], source: str = "") -> Rows:
    """Rows as the official scorer reads them: trailing whitespace dropped, two or three
    tab-separated columns; a repeated row replaces the earlier one."""
    from .ptc import unescape_id

    rows: Rows = {}
    for k, line in enumerate(lines, 1):
        cols = line.rstrip().split("\t")
        if cols == [""]:
            continue
        if not 2 <= len(cols) <= 3:
            raise ValueError(f"{source}:{k}: expected 'article_id<TAB>line_no<TAB>techniques', got {line[:80]!r}")
        try:
            n = int(cols[1])
        except ValueError:
            raise ValueError(f"{source}:{k}: line number {cols[1][:20]!r} is not a number") from None
        rows[(unescape_id(cols[0]), n)] = cols[2].split(",") if len(cols) == 3 else []
    return rows


def read_rows(path: str | Path) -> Rows:
    """A file of subtask-3 rows, or a pipe read once (as a label file); a device, compressed or
    non-UTF-8 file is a ValueError that names it (``ptc.read_utf8_file``)."""
    from .ptc import read_utf8_file

    return parse_rows(read_utf8_file(path, "file of paragraph rows", pipe_ok=True).split("\n"), str(path))


@dataclass
class ClassScore:
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class ParagraphScores:
    micro_f1: float
    macro_f1: float
    micro: ClassScore
    rows: int
    per_technique: dict[str, ClassScore] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"micro_f1": self.micro_f1, "macro_f1": self.macro_f1, "rows": self.rows,
                "micro": self.micro.to_dict(), "per_technique": {k: v.to_dict() for k, v in self.per_technique.items()}}


def _div(a: int, b: int) -> float:
    return a / b if b else 1.0  # zero_division=1, as the official scorer


def _score(tp: int, fp: int, fn: int) -> ClassScore:
    return ClassScore(_div(tp, tp + fp), _div(tp, tp + fn), _div(2 * tp, 2 * tp + fp + fn), tp + fp, tp + fn)


def check(pred: Rows, gold: Rows, classes: Sequence[str]) -> None:
    """The official scorer's format checks: known techniques only, exactly the gold rows."""
    unknown = sorted({t for ts in pred.values() for t in ts} - set(classes))
    if unknown:
        raise ValueError(f"predictions use techniques that are not in the taxonomy: {', '.join(unknown[:5])}")
    missing, extra = sorted(set(gold) - set(pred)), sorted(set(pred) - set(gold))
    if missing or extra:
        def show(keys: list) -> str:
            return ", ".join(f"{a}:{n}" for a, n in keys[:5]) + (" ..." if len(keys) > 5 else "")
        raise ValueError(f"the predictions must have exactly the gold rows: {len(missing)} missing"
                         + (f" ({show(missing)})" if missing else "") + f", {len(extra)} not in the gold"
                         + (f" ({show(extra)})" if extra else ""))


def score(pred: Rows, gold: Rows, classes: Sequence[str]) -> ParagraphScores:
    """Micro- and macro-F1 over the gold rows, and P/R/F1 per technique (see the module doc)."""
    check(pred, gold, classes)
    tp = dict.fromkeys(classes, 0)
    fp, fn = dict(tp), dict(tp)
    for key, gold_labels in gold.items():
        g, p = set(gold_labels) & set(classes), set(pred[key])
        for t in p & g:
            tp[t] += 1
        for t in p - g:
            fp[t] += 1
        for t in g - p:
            fn[t] += 1
    per = {t: _score(tp[t], fp[t], fn[t]) for t in classes}
    micro = _score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    macro = sum(s.f1 for s in per.values()) / len(per) if per else 1.0
    return ParagraphScores(micro.f1, macro, micro, len(gold), per)


def rows_from_spans(texts: dict[str, str], spans: Iterable[tuple[str, str, int, int]]) -> Rows:
    """Paragraph rows of every article in ``texts`` from ``(article_id, technique, start, end)``
    spans, e.g. a span label file read by ``ptc.read_labels``."""
    from types import SimpleNamespace

    by_article: dict[str, list] = {a: [] for a in texts}
    for a, t, s, e in spans:
        if a in by_article:
            by_article[a].append(SimpleNamespace(technique=t, start=int(s), end=int(e)))
    return {(a, n): labels for a, text in texts.items() for n, labels in paragraph_labels(text, by_article[a])}
