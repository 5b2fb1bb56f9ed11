"""Small server-rendered charts: the dashboard must work offline, with no CDN and no
JavaScript charting library, and a journalist should be able to save the page as is.

Bar charts are HTML rows (the labels stay readable at any width, each bar links to the
matching search); only the bars themselves and the time line are SVG. No style attributes:
widths are SVG geometry, so a strict Content-Security-Policy changes nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from html import escape

from ..report import NO_TOPIC, outlet_label, outlets_over_time
from ..store import NO_OUTLET
from .views import url


def bar_chart(rows: list[tuple[str, float, str | None]], *, fmt: str = "{:.0f}", title: str = "",
              top: float | None = None, techniques: list[str] | None = None, unit: str = "",
              ranges: Sequence[tuple[float, float] | None] | None = None) -> str:
    """Horizontal bars, one per (label, value, link), in the order given. ``techniques`` (one corpus
    name per row) colours each bar as its technique; ``top`` fixes the scale (e.g. 100 for percents).
    ``unit`` follows each value for screen readers and in the tooltip ("14 spans"): the bar's
    number alone does not say what it counts. ``ranges`` (one (low, high) or None per row, on the
    values' scale) draws each mean's 95% range as a line across its bar and says it in words:
    bars of a few articles each differ by chance, and the line shows by how much."""
    if not rows:
        return '<p class="empty">No data yet.</p>'
    top = top or max(v for _, v, _ in rows) or 1
    out = [f'<div class="chart bars" role="group" aria-label="{escape(title)}">']
    for i, (label, value, link) in enumerate(rows):
        tech = f' data-t="{escape(techniques[i])}"' if techniques else ""
        shown = escape(fmt.format(value))
        spoken = f'<span class="sr-only"> {escape(unit)}</span>' if unit else ""
        span = ranges[i] if ranges else None
        whisker, said = "", ""
        if span:
            low, high = (min(max(100 * v / top, 0), 100) for v in span)
            whisker = (f'<path class="bar-range" d="M{low:.2f} 5H{high:.2f}M{low:.2f} 2V8M{high:.2f} 2V8"/>')
            said = f"95% range {fmt.format(span[0])}–{fmt.format(span[1])}"
        bar = (f'<svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">'
               f'<rect class="bar-rect"{tech} width="{max(100 * value / top, 0.5):.2f}" height="10"/>{whisker}</svg>')
        spoken += f'<span class="sr-only">, {escape(said)}</span>' if said else ""
        body = f'<span class="bar-label">{escape(label)}</span>{bar}<span class="bar-value">{shown}{spoken}</span>'
        tip = f"{escape(label)}: {shown}" + (f" {escape(unit)}" if unit else "") + (f" ({escape(said)})" if said else "") + (
            " (open the matching articles)" if link else "")
        out.append(f'<a class="bar-row" href="{escape(link)}" title="{tip}">{body}</a>' if link
                   else f'<div class="bar-row" title="{tip}">{body}</div>')
    out.append("</div>")
    return "".join(out)


def line_chart(points: list[tuple[str, float, str | None]], *, width: int = 1000, height: int = 240,
               title: str = "", ymax: float = 1.0, name: str = "",
               others: Sequence[tuple[str, list[tuple[str, float, str | None]]]] = (), empty: str = "No data yet.",
               y_title: str = "", x_title: str = "") -> str:
    """A line over ordered (label, value, link) points, e.g. the mean score per month; each point
    links to its articles. ``others`` are more named lines over the same labels (e.g. one per
    outlet: a point whose label ``points`` lacks is left out), told apart by a legend that names
    ``name`` for the first line. Margins leave room for every axis label, and the SVG fills its card.
    ``y_title`` and ``x_title`` say what the axes measure (percentages and months alone do not say
    of what); the y title is written level above the axis, where it reads without tilting the head.
    ``empty`` is said when there are no points."""
    if not points:
        return f'<p class="empty">{escape(empty)}</p>'
    left, right, bottom, top_pad = 56, 40, 34 + (22 if x_title else 0), 14 + (26 if y_title else 0)
    inner_w, inner_h = width - left - right, height - bottom - top_pad
    where = {label: i for i, (label, _, _) in enumerate(points)}
    at = _positions([label for label, _, _ in points])
    span = at[-1] - at[0]

    def x_of(i: int) -> float:
        return left + (inner_w / 2 if span == 0 else (at[i] - at[0]) * inner_w / span)

    def y_of(v: float) -> float:
        return top_pad + inner_h * (1 - min(max(v, 0), ymax) / ymax)

    parts = [f'<svg class="chart line" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="100%" preserveAspectRatio="xMidYMid meet">']
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = y_of(frac * ymax)
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}"/>'
                     f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{frac * ymax:.0%}</text>')
    lines = [("", name, points), *((f" s{k}", label, pts) for k, (label, pts) in enumerate(others[:5], 1))]
    # The other lines come on top with smaller targets: where two points meet, the centre opens the
    # outlet's articles and the ring around it those of all outlets.
    for cls, line_name, pts in lines:
        placed = sorted((where[label], label, v, link) for label, v, link in pts if label in where)
        # A line that crossed months with no article would draw a trend nobody measured: it breaks there.
        path = " ".join(f"{'L' if j and at[i] - at[placed[j - 1][0]] == 1 else 'M'}{x_of(i):.1f},{y_of(v):.1f}"
                        for j, (i, _, v, _) in enumerate(placed))
        parts.append(f'<path class="series{cls}" d="{path}"/>')
        for i, label, value, link in placed:
            x, y = x_of(i), y_of(value)
            tip = f"{line_name}, {label}" if line_name and others else label
            dot = (f'<circle class="dot{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{5 if not cls else 4}"/>'
                   f'<circle class="target" cx="{x:.1f}" cy="{y:.1f}" r="{14 if not cls else 8}">'
                   f'<title>{escape(tip)}: {value:.0%}</title></circle>')
            parts.append(f'<a href="{escape(link)}">{dot}</a>' if link else dot)
    for i in _labelled(points, x_of, min_gap=inner_w / 10):
        parts.append(f'<text x="{x_of(i):.1f}" y="{height - bottom + 24}" text-anchor="middle">'
                     f'{escape(points[i][0])}</text>')
    if y_title:
        parts.append(f'<text class="axis-title" x="{left - 48}" y="18" text-anchor="start">{escape(y_title)}</text>')
    if x_title:
        parts.append(f'<text class="axis-title" x="{left + inner_w / 2:.1f}" y="{height - 6}" '
                     f'text-anchor="middle">{escape(x_title)}</text>')
    parts.append("</svg>")
    if others:
        parts.append('<ul class="legend">' + "".join(
            f'<li><svg class="key" viewBox="0 0 20 6" aria-hidden="true"><line class="series{cls}" x1="0" y1="3" '
            f'x2="20" y2="3"/></svg>{escape(line_name)}</li>' for cls, line_name, _ in lines) + "</ul>")
    parts.append(figures_table([(line_name, pts) for _, line_name, pts in lines], [label for label, _, _ in points],
                               title=title))
    return "".join(parts)


def _positions(labels: list[str]) -> list[int]:
    """Where each label lies on the time axis, in months: 2024-11 and 2026-11 side by side would
    read as one month apart. Labels that are not all months (YYYY-MM) keep their order, one step
    each."""
    found = [re.fullmatch(r"(\d{4})-(\d{2})", label) for label in labels]
    if not all(found) or len(labels) < 2:
        return list(range(len(labels)))
    return [int(m.group(1)) * 12 + int(m.group(2)) for m in found]


def _labelled(points: Sequence[tuple[str, float, str | None]], x_of, min_gap: float) -> list[int]:
    """The points whose label is printed under the axis: the last one always, the others when they
    lie at least ``min_gap`` from the previous printed label, so that bunched months do not print
    over each other."""
    chosen: list[int] = []
    for i in range(len(points)):
        if not chosen or x_of(i) - x_of(chosen[-1]) >= min_gap:
            chosen.append(i)
    last = len(points) - 1
    if chosen[-1] != last:
        if x_of(last) - x_of(chosen[-1]) < min_gap and len(chosen) > 1:
            chosen.pop()
        chosen.append(last)
    return chosen


def figures_table(lines: Sequence[tuple[str, list[tuple[str, float, str | None]]]], labels: list[str], *,
                  title: str = "", key: str = "Month") -> str:
    """A line chart's figures as a table, folded under it: one row per label, one column per line,
    each value linking where its point does. The SVG is a picture to a screen reader and its
    points are small targets; the table reads and copies as text, without JavaScript."""
    values = [{label: (v, link) for label, v, link in pts} for _, pts in lines]
    head = "".join(f'<th scope="col">{escape(name or "Mean score")}</th>' for name, _ in lines)
    rows = []
    for label in labels:
        cells = []
        for found in values:
            v, link = found.get(label, (None, None))
            shown = "–" if v is None else f"{v:.0%}"
            cells.append(f'<td class="num"><a href="{escape(link)}">{shown}</a></td>' if link and v is not None
                         else f'<td class="num">{shown}</td>')
        rows.append(f'<tr><th scope="row">{escape(label)}</th>{"".join(cells)}</tr>')
    return (f'<details class="chart-table"><summary>The figures as a table</summary><table class="list">'
            f'<caption class="sr-only">{escape(title)}</caption><thead><tr><th scope="col">{escape(key)}</th>{head}'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></details>')


def scored(rows: list[dict]) -> list[dict]:
    """The rows of a score chart that have a mean score: a group whose articles are all in a
    language the model does not read has none, and drawing it at 0 would say it was measured clean."""
    return [r for r in rows if r["mean_score"] is not None]


def percent_ranges(rows: list[dict]) -> list[tuple[float, float] | None]:
    """Each row's 95% range of its mean score, in percent, or None where it has none."""
    return [None if r.get("score_low") is None else (r["score_low"] * 100, r["score_high"] * 100) for r in rows]


def dashboard_charts(tables: dict[str, list[dict]], filters: dict[str, str]) -> dict[str, str]:
    """The dashboard's charts from its tables; every bar and point links to the search that lists
    its articles, under the same filters."""
    f = {k: filters.get(k, "") for k in ("outlet", "since", "until")}
    tech = tables["techniques"]
    return {
        "techniques": bar_chart([(r["display"], r["spans"], url("/search", **{**f, "technique": r["technique"]}))
                                 for r in tech], title="highlighted passages by technique",
                                techniques=[r["technique"] for r in tech], unit="passages"),
        "outlets": bar_chart([(outlet_label(r["outlet"]), r["mean_score"] * 100,
                               url("/search", **{**f, "outlet": r["outlet"]}) if r["outlet"] != NO_OUTLET else None)
                              for r in scored(tables["outlets"])[:15]], fmt="{:.0f}%", top=100,
                             title="mean article score by outlet", unit="mean article score",
                             ranges=percent_ranges(scored(tables["outlets"])[:15])),
        "months": line_chart([(r["month"], r["mean_score"],
                               url("/search", **{**f, "since": r["month"], "until": r["month"]}))
                              for r in scored(tables["months"])], title="mean article score by month",
                             y_title="Mean article score",
                             x_title="Month of publication",
                             empty="No article here has a publication date." if tables["outlets"] else "No data yet.",
                             name="all outlets" if len(tables["outlets"]) > 1 else "", others=[
            (outlet_label(outlet), [(r["month"], r["mean_score"], url("/search", **{
                **f, "outlet": outlet, "since": r["month"], "until": r["month"]}) if outlet != NO_OUTLET else None)
                for r in scored(rows)])
            for outlet, rows in outlets_over_time([r["outlet"] for r in tables["outlets"]],
                                                  tables["outlet_months"]).items()] if len(tables["outlets"]) > 1 else []),
        "topics": bar_chart([(r["topic"], r["mean_score"] * 100,
                              url("/search", **{**f, "topic": r["topic"]}) if r["topic"] != NO_TOPIC else None)
                             for r in scored(tables["topics"])[:20]], fmt="{:.0f}%", top=100,
                            title="mean article score by topic", unit="mean article score",
                            ranges=percent_ranges(scored(tables["topics"])[:20])),
        "targets": bar_chart([(r["entity"], r["spans"], url("/search", **{**f, "q": r["entity"]}))
                              for r in tables["targets"]], title="entities most targeted by highlighted passages",
                             unit="passages"),
    }


def heat_level(n: int, top: int) -> int:
    """A cell's shade in the techniques-by-outlet table, 0 (none) to 5 (the most): a class, not a style."""
    return 0 if n <= 0 else max(1, min(5, math.ceil(5 * n / max(top, 1))))

