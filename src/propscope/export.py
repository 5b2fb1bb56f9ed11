"""Exports of stored analyses for work elsewhere: JSON Lines, a CSV of spans, PTC label
lines, and Label Studio tasks with the spans as pre-annotations for human review."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from .document import Analysis
from .ptc import format_label_line

FORMATS = ("jsonl", "csv", "ptc", "label-studio")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet read a cell as a formula


def spreadsheet_safe(value):
    """``value`` for a CSV cell: a text that a spreadsheet would run as a formula (an article can
    hold ``=HYPERLINK(...)`` or ``@SUM(...)``, and our users open CSVs of hostile pages in Excel)
    gets a leading apostrophe, which spreadsheets show as text; numbers and other text pass
    unchanged. Exact text is in the JSON exports."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value

# The labelling config that matches the exported tasks (Label Studio: Settings > Labeling Interface).
LABEL_STUDIO_CONFIG = """<View>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Text name="text" value="$text"/>
</View>"""


def label_studio_config(taxonomy: str | None = None) -> str:
    """The labelling config for a taxonomy's techniques (PTC-14 by default; any name
    ``taxonomy.load`` knows), each label with its colour and its definition as the hint."""
    from xml.sax.saxutils import quoteattr

    from .taxonomy import load

    return LABEL_STUDIO_CONFIG.format(labels="\n".join(
        f'    <Label value={quoteattr(t.name)} background="{t.colour}" hint={quoteattr(t.definition)}/>'
        for t in load(taxonomy)))


def label_studio_task(a: Analysis) -> dict:
    return {
        "data": {"text": a.article.text, "id": a.id, "title": a.article.title, "url": a.article.url,
                 "outlet": a.article.outlet, "taxonomy": a.taxonomy},
        "predictions": [{
            "model_version": a.model,
            "score": a.score,
            "result": [{"id": f"{a.id}-{i}", "from_name": "label", "to_name": "text", "type": "labels",
                        "score": s.score,
                        "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.technique]}}
                       for i, s in enumerate(a.spans)],
        }],
    }


def export(analyses: Iterable[Analysis], fmt: str) -> Iterator[str]:
    """Chunks of the export in ``fmt``, streamed: corpora need not fit in memory
    (Label Studio wants one JSON list, written item by item)."""
    if fmt == "jsonl":
        for a in analyses:
            yield a.to_json() + "\n"
    elif fmt == "ptc":
        for a in analyses:
            yield "".join(format_label_line(a.id, s.technique, s.start, s.end) + "\n" for s in a.spans)
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["article_id", "outlet", "published", "technique", "start", "end", "score", "text"])
        for a in analyses:
            for s in a.spans:
                w.writerow([spreadsheet_safe(v) for v in (a.id, a.article.outlet or "", a.article.published or "",
                                                          s.technique, s.start, s.end, s.score, s.text)])
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()
    elif fmt == "label-studio":
        yield "["
        for i, a in enumerate(analyses):
            yield ("," if i else "") + "\n" + json.dumps(label_studio_task(a), ensure_ascii=False)
        yield "\n]\n"
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
