"""A self-contained HTML report of analyses: text with coloured technique spans,
a legend with definitions, confidences on hover, and sentence scores in a gutter.

Every piece of article text and metadata goes through ``html.escape``: an
article that contains ``<script>`` shows it as text. No external assets, so the
file opens on an offline machine and can be mailed as is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from . import taxonomy
from .document import Analysis

_ARTICLE_CSS = Path(__file__).parent / "web" / "static" / "article.css"
_PAGE_CSS = """
body{font:16px/1.6 Georgia,serif;color:#222;max-width:62rem;margin:2rem auto;padding:0 1rem}
h1{font:600 1.4rem system-ui,sans-serif} h2{font:600 1.15rem system-ui,sans-serif;margin-top:2.5rem}
.legend{font:.85rem system-ui,sans-serif;border-top:1px solid #ddd;margin-top:2rem}
.note{font:.8rem system-ui,sans-serif;color:#666}
"""


def _segments(text: str, analysis: Analysis) -> list[tuple[int, int, list]]:
    """Cut the text at every span boundary and line break; each piece lists the spans over it."""
    cuts = {0, len(text)}
    for s in analysis.spans:
        cuts.update((s.start, s.end))
    cuts.update(i + 1 for i, c in enumerate(text) if c == "\n")
    points = sorted(cuts)
    return [(a, b, [s for s in analysis.spans if s.start < b and s.end > a]) for a, b in zip(points, points[1:])]


def _mark(piece: str, spans: list) -> str:
    if not spans:
        return html.escape(piece)
    top = max(spans, key=lambda s: s.score)
    tip = "; ".join(f"{taxonomy.get(s.technique).display} ({s.score:.0%})" for s in sorted(spans, key=lambda s: -s.score))
    cls = ' class="multi"' if len({s.technique for s in spans}) > 1 else ""
    colour = taxonomy.get(top.technique).colour
    return (f'<mark{cls} style="background:{colour}" title="{html.escape(tip)}" '
            f'data-technique="{html.escape(top.technique)}">{html.escape(piece)}</mark>')


def render_article(analysis: Analysis) -> str:
    art = analysis.article
    text = art.text
    lines: list[tuple[int, list[str]]] = [(0, [])]
    for a, b, spans in _segments(text, analysis):
        lines[-1][1].append(_mark(text[a:b], spans))
        if text[a:b].endswith("\n"):
            lines.append((b, []))
    out = []
    for i, (start, parts) in enumerate(lines):
        end = lines[i + 1][0] if i + 1 < len(lines) else len(text)
        scores = [s.score for s in analysis.sentences if s.start < end and s.end > start]
        gutter = ""
        if scores:
            best = max(scores)
            gutter = f'{best:.0%}<span class="bar" style="width:{best * 2:.2f}rem"></span>'
        out.append(f'<div class="line"><div class="gutter" title="highest sentence score on this line">{gutter}</div>'
                   f'<div class="text">{"".join(parts)}</div></div>')
    title = html.escape(art.title or f"Article {art.id}")
    meta = " · ".join(html.escape(str(x)) for x in (art.id, art.outlet, art.published, art.url) if x)
    return (f'<section><h2>{title}</h2><p class="meta">{meta} · article score {analysis.score:.0%} · '
            f'{len(analysis.spans)} technique spans · model {html.escape(analysis.model)}</p>{"".join(out)}</section>')


def render(analyses: Sequence[Analysis], title: str = "propscope report") -> str:
    used = sorted({s.technique for a in analyses for s in a.spans})
    legend = "".join(
        f'<dt><span class="swatch" style="background:{taxonomy.get(t).colour}"></span>{html.escape(taxonomy.get(t).display)}'
        f'</dt><dd>{html.escape(taxonomy.get(t).definition)}</dd>' for t in used)
    body = "".join(render_article(a) for a in analyses)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width,initial-scale=1"><title>{html.escape(title)}</title><style>{_ARTICLE_CSS.read_text()}{_PAGE_CSS}</style>'
            f'</head><body><h1>{html.escape(title)}</h1><p class="note">Highlights mark passages where the model '
            f'detected a propaganda technique; hover for technique and confidence. The gutter shows the highest '
            f'sentence score on each line. These are machine findings for a person to judge, not verdicts.</p>'
            f'{body}<dl class="legend"><p><strong>Techniques in this report</strong></p>{legend or "<dd>none found</dd>"}'
            f'</dl></body></html>')


def word_diff(a: str, b: str) -> tuple[str, str]:
    """Both passages as escaped HTML, words only in ``a`` in ``<del>``, only in ``b`` in ``<ins>``:
    the edits a copier made ("a new attack" -> "a fresh attack") stand out at a glance."""
    import difflib
    import re

    ta, tb = re.findall(r"\S+|\s+", a), re.findall(r"\S+|\s+", b)
    norm = [t.casefold() for t in ta], [t.casefold() for t in tb]
    out_a, out_b = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, *norm, autojunk=False).get_opcodes():
        pa, pb = html.escape("".join(ta[i1:i2])), html.escape("".join(tb[j1:j2]))
        if op == "equal":
            out_a.append(pa)
            out_b.append(pb)
        else:
            if pa:
                out_a.append(f"<del>{pa}</del>")
            if pb:
                out_b.append(f"<ins>{pb}</ins>")
    return "".join(out_a), "".join(out_b)


def render_passage(p, texts: dict, origin: str | None) -> str:
    """One reused passage, the two articles side by side with their differences marked."""
    a_text, b_text = texts[p.a].text[p.a_start:p.a_end], texts[p.b].text[p.b_start:p.b_end]
    left, right = word_diff(a_text, b_text)

    def head(article_id: str, start: int, end: int) -> str:
        art = texts[article_id]
        mark = ' <span class="origin">likely origin</span>' if origin == article_id else ""
        meta = " · ".join(html.escape(str(x)) for x in (art.outlet, art.published) if x)
        return (f'<div class="meta"><strong>{html.escape(art.title or article_id)}</strong>{mark}<br>'
                f'{html.escape(article_id)} [{start}:{end}] {meta}</div>')

    return (f'<section class="passage"><p class="meta">similarity {p.score:.0%}'
            f'{" · boilerplate" if p.boilerplate else ""}</p><div class="side-by-side">'
            f'<div>{head(p.a, p.a_start, p.a_end)}<pre>{left}</pre></div>'
            f'<div>{head(p.b, p.b_start, p.b_end)}<pre>{right}</pre></div></div></section>')


def render_reuse(result, texts: dict, title: str = "propscope: reused passages") -> str:
    origins = {c.id: c.origin for c in result.clusters}
    body = "".join(render_passage(p, texts, origins.get(p.cluster)) for p in result.passages)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<style>{_ARTICLE_CSS.read_text()}{_PAGE_CSS}</style></head><body><h1>{html.escape(title)}</h1>'
            f'<p class="note">{len(result.passages)} passages in {len(result.clusters)} clusters. Struck-through words '
            f'appear only on the left, highlighted ones only on the right.</p>{body or "<p>No reuse found.</p>"}'
            f'</body></html>')
