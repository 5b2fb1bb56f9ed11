"""Small server-rendered SVG charts: the dashboard must work offline, with no CDN and no
JavaScript charting library, and a journalist should be able to save the page as is."""

from __future__ import annotations

from html import escape


def bar_chart(rows: list[tuple[str, float]], *, width: int = 560, bar: int = 22, fmt: str = "{:.0f}",
              colour: str = "#c0392b", title: str = "") -> str:
    """Horizontal bars, one per (label, value), longest first as given."""
    if not rows:
        return '<p class="empty">No data yet.</p>'
    label_w, pad = 190, 4
    top = max(v for _, v in rows) or 1
    height = len(rows) * (bar + pad) + 4
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="100%" style="max-width:{width}px" preserveAspectRatio="xMinYMin meet">']
    for i, (label, value) in enumerate(rows):
        y = i * (bar + pad) + 2
        w = (width - label_w - 60) * value / top
        parts.append(f'<text x="{label_w - 6}" y="{y + bar * 0.7:.1f}" text-anchor="end">{escape(label[:30])}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}">'
                     f'<title>{escape(label)}: {escape(fmt.format(value))}</title></rect>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + bar * 0.7:.1f}">{escape(fmt.format(value))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(points: list[tuple[str, float]], *, width: int = 560, height: int = 200, title: str = "",
               ymax: float = 1.0) -> str:
    """A line over ordered (label, value) points, e.g. the mean score per month."""
    if not points:
        return '<p class="empty">No data yet.</p>'
    left, bottom, top_pad = 40, 30, 10
    inner_w, inner_h = width - left - 10, height - bottom - top_pad
    step = inner_w / max(len(points) - 1, 1)
    coords = [(left + i * step, top_pad + inner_h * (1 - min(v, ymax) / ymax)) for i, (_, v) in enumerate(points)]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(coords))
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="100%" style="max-width:{width}px">',
             f'<line x1="{left}" y1="{top_pad + inner_h}" x2="{width - 10}" y2="{top_pad + inner_h}" stroke="#999"/>',
             f'<text x="{left - 4}" y="{top_pad + 8}" text-anchor="end">{ymax:.0%}</text>'
             f'<text x="{left - 4}" y="{top_pad + inner_h}" text-anchor="end">0%</text>',
             f'<path d="{path}" fill="none" stroke="#c0392b" stroke-width="2"/>']
    every = max(1, len(points) // 8)
    for i, ((label, value), (x, y)) in enumerate(zip(points, coords)):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#c0392b"><title>{escape(label)}: '
                     f'{value:.0%}</title></circle>')
        if i % every == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
