"""A self-contained HTML report of analyses: text with coloured technique spans,
a legend with definitions, confidences on hover, and sentence scores in a gutter.

Every piece of article text and metadata goes through ``html.escape``: an
article that contains ``<script>`` shows it as text. No external assets, so the
file opens on an offline machine and can be mailed as is.
"""

from __future__ import annotations

import dataclasses
import heapq
import html
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from . import taxonomy
from .document import Analysis

_STATIC = Path(__file__).parent / "web" / "static"
_ARTICLE_CSS = _STATIC / "article.css"
_APP_JS = _STATIC / "app.js"
_PAGE_CSS = """
body{font:16px/1.6 Georgia,serif;color:#222;max-width:62rem;margin:2rem auto;padding:0 1rem}
h1{font:600 1.4rem system-ui,sans-serif} h2{font:600 1.15rem system-ui,sans-serif;margin-top:2.5rem}
.legend{font:.85rem system-ui,sans-serif}
.note{font:.8rem system-ui,sans-serif;color:#666}
.hint{color:#666;font:.85rem system-ui,sans-serif}
.guide{font-size:.9rem;color:#333}
.reading{margin-top:1rem}
#span-details:not(:empty){position:sticky;bottom:0;background:#fff;border-top:2px solid #1f2d3a;padding:.4rem 1rem;
  max-height:40vh;overflow:auto}
"""


# A reuse passage flagged as boilerplate, said in words: the bare tag left readers guessing.
_BOILERPLATE = (' · <span class="boilerplate" title="text an outlet prints on many of its pages, such as a footer, '
                'a notice or a banner">boilerplate: text the outlet repeats, not a copied story</span>')


# What a first-time reader needs to read an analysed article: the web page and the report both show it.
READING_GUIDE = (
    "<p>Each highlight marks a passage where the model found a propaganda technique; the label at its end "
    "names the technique, and the list of techniques gives each one's definition. Colours only repeat the "
    "labels. Click a highlight, or reach it with Tab and press Enter or Space, to read the whole passage, the "
    "definition and the model's confidence.</p>"
    "<p>A confidence is a calibrated probability, not a verdict: the estimated chance that human annotators "
    "would mark the same technique over at least half of the passage. Of passages scored 70%, about 7 in 10 "
    "would be, where the calibration holds for your articles. The least confident start hidden: lower the "
    "confidence slider to see them, or open the list of every highlighted passage below the text.</p>"
    "<p>The percentage beside a line is the highest score of a sentence on it: the estimated chance that the "
    "sentence uses any technique. The article score is the mean of its sentence scores, weighted by their "
    "length.</p>"
    "<p>These are findings for a person to check. propscope does not say whether an article is true or "
    "false.</p>")


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 article", "2 articles": counts read as English in every page and report."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def technique_css() -> str:
    """One colour per technique of every taxonomy, keyed on ``data-t``: classes rather than style
    attributes, so pages under a strict Content-Security-Policy keep their colours. A name in two
    taxonomies has one colour (tests/test_taxonomy.py), so the first taxonomy that has it decides."""
    return "".join(f'[data-t="{html.escape(t.name)}"]{{--c:{t.colour}}}' for t in _all_techniques())


def _all_techniques() -> list[taxonomy.Technique]:
    """Every technique of every loadable taxonomy, once per name; a broken extra taxonomy file is
    left out here (it is reported where it is asked for by name)."""
    seen: dict[str, taxonomy.Technique] = {}
    for name in taxonomy.available():
        try:
            for t in taxonomy.load(name):
                seen.setdefault(t.name, t)
        except taxonomy.TaxonomyError:
            continue
    return list(seen.values())


def technique_data(analyses: Sequence[Analysis]) -> list[dict]:
    """The techniques of the taxonomies these analyses use, as data for the reading script
    (definitions shown when a highlight is clicked)."""
    seen: dict[str, dict] = {}
    for name in dict.fromkeys([a.taxonomy for a in analyses] or [taxonomy.DEFAULT]):
        try:
            techniques = taxonomy.load(name)
        except taxonomy.TaxonomyError:  # not installed here: the spans still render, without definitions
            continue
        for t in techniques:
            seen.setdefault(t.name, t.__dict__)
    return list(seen.values())


def default_threshold(scores: Sequence[float]) -> float:
    """The confidence below which spans start hidden: the least confident third, once an article
    has enough spans to be a wall of colour (Prta's habit); every span shows otherwise."""
    if len(scores) <= 8:
        return 0.0
    cut = sorted(scores)[len(scores) // 3]
    return math.floor(cut * 20) / 20  # a slider step (5%), at or below the cut


class _Node:
    __slots__ = ("start", "end", "group", "last", "children")

    def __init__(self, start: int, end: int, group: int, last: bool):
        self.start, self.end, self.group, self.last = start, end, group, last
        self.children: list[_Node] = []


def _groups(analysis: Analysis) -> list[tuple[int, int, list]]:
    """Spans with the same offsets become one highlight listing every technique, best first."""
    by_range: dict[tuple[int, int], list] = {}
    for s in analysis.spans:
        if s.end > s.start:
            by_range.setdefault((s.start, s.end), []).append(s)
    return [(a, b, sorted(v, key=lambda s: -s.score)) for (a, b), v in sorted(by_range.items())]


def _per_line(lines: Sequence[tuple[int, int]], ranges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """For each line (start, end), in order, the indices of the ranges that overlap it. One walk
    over both, keeping only the ranges still open: a long article's lines each looked through
    every span and sentence, so its page took time in the square of its length."""
    order = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
    out: list[list[int]] = []
    active: list[int] = []
    k = 0
    for start, end in lines:
        while k < len(order) and ranges[order[k]][0] < end:
            active.append(order[k])
            k += 1
        active = [i for i in active if ranges[i][1] > start]
        out.append(list(active))
    return out


def _tree(start: int, end: int, groups: list[tuple[int, int, list]], among: Sequence[int] | None = None) -> _Node:
    """Nest the highlights of one line: a span inside another becomes a child, so the outer one
    stays a single element; a span that crosses its parent's end is cut there and goes on after.
    ``among``: the indices of the groups that may overlap the line (default: all)."""
    root = _Node(start, end, -1, False)
    candidates = range(len(groups)) if among is None else among
    heap = [(max(a, start), -min(b, end), i, b <= end) for i in candidates
            for a, b, _ in (groups[i],) if a < end and b > start]
    heapq.heapify(heap)
    stack = [root]
    while heap:
        a, neg_b, i, last = heapq.heappop(heap)
        b = -neg_b
        while len(stack) > 1 and stack[-1].end <= a:
            stack.pop()
        parent = stack[-1]
        if b > parent.end:
            heapq.heappush(heap, (parent.end, -b, i, last))
            b, last = parent.end, False
        if b <= a:
            continue
        node = _Node(a, b, i, last)
        parent.children.append(node)
        stack.append(node)
    return root


def _render_node(node: _Node, text: str, groups: list, threshold: float, tax: str | None = None) -> str:
    out, pos = [], node.start
    for child in node.children:
        out.append(html.escape(text[pos:child.start]))
        out.append(_render_node(child, text, groups, threshold, tax))
        pos = child.end
    out.append(html.escape(text[pos:node.end]))
    inner = "".join(out)
    if node.group < 0:
        return inner
    _, _, spans = groups[node.group]
    shown = [s for s in spans if s.score >= threshold]
    top = (shown or spans)[0]
    tip = "; ".join(f"{taxonomy.get(s.technique, tax).display} {s.score:.0%}" for s in spans)
    data = json.dumps([{"t": s.technique, "s": round(s.score, 4)} for s in spans])
    labels = ""
    if node.last:
        labels = "".join(f'<span class="lbl{"" if s.score >= threshold else " off"}" data-t="{html.escape(s.technique)}">'
                         f'{html.escape(taxonomy.label(s.technique, tax))}</span>' for s in spans)
    return (f'<mark class="span{"" if shown else " off"}" data-id="{node.group}" data-t="{html.escape(top.technique)}" '
            f'data-spans="{html.escape(data)}" title="{html.escape(tip)}">{inner}{labels}</mark>')


def _gutter(score: float | None) -> str:
    if score is None:
        return ""
    return (f'{score:.0%}<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">'
            f'<rect width="{score * 100:.1f}" height="10"/></svg>')


def _lang(analysis: Analysis) -> str:
    """A ``lang`` attribute for the article's own words, when its language was detected: a screen
    reader then reads an Arabic or French article in that language, not as English."""
    code = analysis.language or analysis.article.language
    return f' lang="{html.escape(code)}"' if code and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", code) else ""


def passage_count(spans: Sequence) -> int:
    """How many passages are highlighted: spans over the same words (two techniques on "elites")
    are one highlight, as the text shows them, so they count once."""
    return len({(s.start, s.end) for s in spans if s.end > s.start})


def highlights_summary(spans: Sequence) -> str:
    """"12 highlighted passages", and how many technique labels they carry when a passage has
    more than one: the count a reader can check against the text ("technique spans" was jargon)."""
    passages = plural(passage_count(spans), "highlighted passage")
    return passages if passage_count(spans) == len(spans) else f"{passages} ({plural(len(spans), 'technique label')})"


def model_label(name: str) -> str:
    """A model's recorded name labelled for a reader: ``accurate-c4835e15`` reads as "model:
    accurate (version c4835e15)", and a model mapped into another taxonomy says so. The whole
    name is kept (it tells analyses by different versions apart); a name of any other form is
    shown as it is."""
    found = re.fullmatch(r"(.+?)-([0-9a-f]{8})(?:-mapped-(.+))?", name)
    if not found:
        return f"model: {name}"
    base, version, mapped = found.groups()
    return f"model: {base} (version {version}{f', mapped to {mapped} techniques' if mapped else ''})"


# language.skipped_note's words, written for a command-line user; a page says them for a reader.
_SKIPPED = re.compile(r"[Tt]his model detects techniques only in (?P<read>.+?); this text reads as (?P<lang>[^;(]+?) "
                      r"\((?P<code>[\w-]+)\)(?:, so it has no technique spans \(sources and reuse still apply\))?"
                      r"(?:; for (?P<for>[^,]+), the (?P<model>\w+) model gives paragraph labels \(`--model \w+`\))?")


def reader_note(note: str) -> str:
    """An analysis's note as HTML for a reader. The note that techniques were not looked for in a
    language the model does not read named ``--model ngram`` and "technique spans"; it now says
    what was and was not done, and the command-line way on comes after, in small print. Any
    other note is shown as it is."""
    found = _SKIPPED.fullmatch(note.strip())
    if not found:
        return f'<p class="note">{html.escape(note)}</p>'
    lang, read = html.escape(found["lang"]), html.escape(found["read"])
    way_on = (f' <span class="hint">On the command line, the {html.escape(found["model"])} model gives '
              f'{html.escape(found["for"])} texts labels by paragraph: <code>propscope analyze --model '
              f'{html.escape(found["model"])}</code>.</span>' if found["model"] else "")
    return (f'<p class="note">Techniques were not looked for in this text: it reads as {lang}, and this model '
            f'detects techniques only in {read}. Who it cites, and passages it shares with other articles, are still '
            f'found.{way_on}</p>')


def render_head(analysis: Analysis, level: int = 2) -> str:
    """The article's title as a heading of ``level``, its metadata and score, and its notes: a
    report lists articles under its own title (h2), a web page has one article, its h1. The
    article's id comes last, labelled (researchers cite it; it is no headline), and is left out
    where it is the article's address, shown already."""
    art = analysis.article
    title = html.escape(art.title or f"Article {art.id}")
    ref = f"id {art.id}" if art.id != art.url else None
    meta = " · ".join(html.escape(str(x)) for x in (art.outlet, art.published, art.url) if x)
    notes = "".join(reader_note(n) for n in analysis.notes)  # e.g. no techniques: French
    # an article whose language the model does not read was not scored: its 0 is no finding
    score = f"article score {analysis.score:.0%}" if analysis.scored else "no article score (see the note)"
    facts = [meta, score, highlights_summary(analysis.spans), html.escape(model_label(analysis.model)),
             f'<span class="ref">{html.escape(ref)}</span>' if ref else ""]
    return (f'<h{level}{_lang(analysis)} dir="auto">{title}</h{level}>'
            f'<p class="meta">{" · ".join(x for x in facts if x)}</p>{notes}')


def render_article(analysis: Analysis, threshold: float | None = None, head: bool = True) -> str:
    """The article as lines of text with nested, labelled highlights and a sentence-score gutter.
    Spans scored below ``threshold`` (default: ``default_threshold``) start hidden. Without
    ``head`` the title, metadata and notes are left to the page (``render_head``)."""
    art = analysis.article
    text = art.text
    if threshold is None:
        threshold = default_threshold([s.score for s in analysis.spans])
    groups = _groups(analysis)
    breaks = [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text)]
    lines = list(zip([0, *breaks], [*breaks, len(text)]))
    sentences = analysis.sentences
    on_line = zip(_per_line(lines, [(a, b) for a, b, _ in groups]),
                  _per_line(lines, [(s.start, s.end) for s in sentences]))
    out = []
    for (start, end), (group_ids, sentence_ids) in zip(lines, on_line):
        scores = [sentences[i].score for i in sentence_ids]
        body = _render_node(_tree(start, end, groups, group_ids), text, groups, threshold, analysis.taxonomy)
        out.append(f'<div class="line"><div class="gutter" title="highest sentence score on this line">'
                   f'{_gutter(max(scores) if scores else None)}</div><div class="text" dir="auto">{body}</div></div>')
    return (f'<section class="analysed" id="{html.escape("article-" + art.id)}">'
            f'{render_head(analysis) if head else ""}<div class="lines"{_lang(analysis)}>{"".join(out)}</div>'
            f'{render_passages(analysis)}'
            f'{render_sources(analysis, 3 if head else 2)}</section>')


def render_passages(analysis: Analysis) -> str:
    """Every highlighted passage in a table, in reading order, with its technique and confidence:
    what the highlights show, for a reader without a mouse, a screen reader or JavaScript (the
    confidences are otherwise in a hover title and the panel a click fills), hidden ones included.
    When the analysis found targets, a column says whom each passage is aimed at: the people and
    bodies the report's most-targeted table counts."""
    spans = sorted(analysis.spans, key=lambda s: (s.start, s.end, -s.score))
    if not spans:
        return ""
    text, tax, lang = analysis.article.text, analysis.taxonomy, _lang(analysis)
    at = any(t["targets"] for t in analysis.targets)

    def aimed_at(s) -> str:
        return f'<td dir="auto">{html.escape(", ".join(analysis.aimed_at(s)))}</td>' if at else ""

    rows = "".join(
        f'<tr><td dir="auto"{lang}>“{html.escape(" ".join(text[s.start:s.end].split()))}”</td>'
        f'<td><span class="swatch" data-t="{html.escape(s.technique)}"></span>'
        f'{html.escape(taxonomy.display(s.technique, tax))}</td><td class="num">{s.score:.0%}</td>{aimed_at(s)}</tr>'
        for s in spans)
    head = '<th scope="col">Aimed at <span class="hint">(found automatically)</span></th>' if at else ""
    return (f'<details class="passages"><summary>All {plural(passage_count(spans), "highlighted passage")}, with '
            f'their technique and confidence{", and whom they aim at" if at else ""}</summary><table class="passages">'
            f'<thead><tr><th scope="col">Passage</th><th scope="col">Technique</th><th scope="col">Confidence</th>'
            f'{head}</tr></thead><tbody>{rows}</tbody></table></details>')


def render_sources(analysis: Analysis, level: int = 3) -> str:
    """Who is cited for what (when the analysis was made with sources): each attribution with its
    cue and whom it was told to, and the quotes no attribution shows, with their speakers; under
    a heading of ``level``."""
    text, atts = analysis.article.text, analysis.attributions
    items = []
    for at in atts:
        via = f' <span class="hint">via {html.escape(at["via"])}</span>' if at.get("via") else ""
        cue = (f' <span class="hint">{html.escape(at["cue"])}</span>'  # a dash or colon cue reads as "X: ..."
               if any(ch.isalpha() for ch in at["cue"]) else "")
        items.append(f'<li><strong>{html.escape(at["source"])}</strong>{cue}{via}: '
                     f'“{html.escape(text[at["content_start"]:at["content_end"]])}”</li>')
    for q in analysis.quotes:  # a quote is its marks and all; the content it gives an attribution is not
        if not any(min(q["end"], at["content_end"]) - max(q["start"], at["content_start"]) >= (q["end"] - q["start"]) / 2
                   for at in atts):
            who = html.escape(q["speaker"]) if q.get("speaker") else "unknown speaker"
            items.append(f'<li><strong>{who}</strong> <span class="hint">quoted</span>: “{html.escape(q["text"])}”</li>')
    heading = f"<h{level}>Who is cited</h{level}>"
    return f'<div class="sources">{heading}<ul>{"".join(items)}</ul></div>' if items else ""


def _hidden_note(passages_hidden: bool, labels_off: int) -> str:
    """What the shown count adds when something is hidden: passages, or only technique labels on
    passages that still show (a passage stays while any of its techniques does). app.js says the same."""
    if passages_hidden:
        return "; the least confident are hidden"
    return f"; {plural(labels_off, 'technique label')} hidden" if labels_off else ""


def render_controls(analyses: Sequence[Analysis], threshold: float) -> str:
    """Prta's reading controls: one toggle per technique with its count, and a confidence slider
    (app.js makes them work; without it the default view still hides the least confident spans)."""
    counts = Counter(s.technique for a in analyses for s in a.spans)
    tax = {s.technique: a.taxonomy for a in analyses for s in a.spans}  # each name in its analysis's taxonomy
    total = sum(passage_count(a.spans) for a in analyses)  # passages, as the text shows them (app.js too)
    shown = sum(passage_count([s for s in a.spans if s.score >= threshold]) for a in analyses)
    labels_off = sum(s.score < threshold for a in analyses for s in a.spans)  # on passages that show too
    toggles = "".join(
        f'<li><label class="toggle" data-t="{html.escape(t)}"><input type="checkbox" checked value="{html.escape(t)}">'
        f'<span class="swatch"></span>{html.escape(taxonomy.display(t, tax[t]))} <span class="count">{n}</span></label></li>'
        for t, n in sorted(counts.items(), key=lambda x: (-x[1], taxonomy.display(x[0], tax[x[0]]))))
    if not toggles:
        return '<div class="controls"><p class="hint">No technique found.</p></div>'
    pct = round(threshold * 100)
    return (f'<div class="controls" id="controls"><label for="min-score">Confidence at least '
            f'<output id="min-score-value" for="min-score">{pct}%</output></label>'
            f'<input type="range" id="min-score" min="0" max="100" step="5" value="{pct}">'
            f'<p class="hint" id="shown-count">{shown} of {plural(total, "highlighted passage")} shown'
            f'{_hidden_note(shown < total, labels_off)}.</p>'
            f'<ul class="toggles">{toggles}</ul></div>')


def render_legend(analyses: Sequence[Analysis]) -> str:
    """What each colour and each label at a span's end stands for: the techniques these analyses
    use, with their definitions, as a definition list (the web page and the report share it)."""
    used = {s.technique: a.taxonomy for a in analyses for s in a.spans}
    found = sorted((taxonomy.get(t, tax) for t, tax in used.items()), key=lambda t: t.display)
    items = "".join(
        f'<dt data-t="{html.escape(t.name)}"><span class="swatch"></span>{html.escape(t.display)} '
        f'<span class="lbl">{html.escape(t.short or t.display)}</span></dt><dd>{html.escape(t.definition)}</dd>'
        for t in found)
    return f'<dl class="legend">{items or "<dd>No technique found.</dd>"}</dl>'


def render(analyses: Sequence[Analysis], title: str = "propscope report") -> str:
    threshold = default_threshold([s.score for a in analyses for s in a.spans])
    body = "".join(render_article(a, threshold) for a in analyses)
    data = json.dumps(technique_data(analyses)).replace("</", "<\\/")
    # A file has no Content-Security-Policy: the reading controls' script goes inline, so the
    # report stays one file that opens offline. The legend comes first: a reader meets the
    # labels in the text knowing what they stand for.
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width,initial-scale=1"><title>{html.escape(title)}</title>'
            f'<style>{_ARTICLE_CSS.read_text()}{technique_css()}{_PAGE_CSS}</style>'
            f'</head><body><main><h1>{html.escape(title)}</h1><section class="note guide"><h2>How to read this '
            f'report</h2>{READING_GUIDE}</section><section class="legend-box"><h2>Techniques in this report</h2>'
            f'{render_legend(analyses)}</section>'
            f'{render_controls(analyses, threshold)}<div class="reading">{body}</div>'
            f'<div id="span-details" class="note" aria-live="polite"></div></main>'
            f'<script type="application/json" id="technique-data">{data}</script>'
            f'<script>{_APP_JS.read_text()}</script></body></html>')


def word_diff(a: str, b: str) -> tuple[str, str]:
    """Both passages as escaped HTML, words only in ``a`` in ``<del>``, only in ``b`` in ``<ins>``:
    the edits a copier made ("a new attack" -> "a fresh attack") stand out at a glance."""
    import difflib

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


def render_passage(p, texts: dict, origin: str | None, href: Callable[[str], str] | None = None) -> str:
    """One reused passage, the two articles side by side with their differences marked. Each side
    is headed by its article's title, a link to its page where ``href`` gives one (the web app),
    with the outlet and date; the article id and the passage's character offsets, which
    researchers cite, follow in small print rather than as the heading. The likely origin is on the
    left, so that underlined words are what the copy added and struck-through ones what it dropped."""
    if origin is not None and origin == p.b:
        p = dataclasses.replace(p, a=p.b, a_start=p.b_start, a_end=p.b_end, b=p.a, b_start=p.a_start, b_end=p.a_end)
    a_text, b_text = texts[p.a].text[p.a_start:p.a_end], texts[p.b].text[p.b_start:p.b_end]
    left, right = word_diff(a_text, b_text)

    def head(article_id: str, start: int, end: int) -> str:
        art = texts[article_id]
        mark = ' <span class="origin">likely origin</span>' if origin == article_id else ""
        meta = " · ".join(html.escape(str(x)) for x in (art.outlet, art.published) if x)
        where = f"characters {start:,}–{end:,} of {article_id}"
        name = html.escape(art.title or article_id)
        title = (f'<a dir="auto" href="{html.escape(href(article_id))}" title="{html.escape(where)}">{name}</a>'
                 if href else f'<strong dir="auto" title="{html.escape(where)}">{name}</strong>')
        return (f'<div class="meta">{title}{mark}{"<br>" + meta if meta else ""}<br>'
                f'<small class="offsets" title="the passage\'s character offsets in the article\'s text (end '
                f'exclusive)">id {html.escape(article_id)} · characters [{start}:{end}]</small></div>')

    return (f'<section class="passage"><p class="meta">similarity {p.score:.0%}'
            f'{_BOILERPLATE if p.boilerplate else ""}</p><div class="side-by-side">'
            f'<div>{head(p.a, p.a_start, p.a_end)}<pre dir="auto">{left}</pre></div>'
            f'<div>{head(p.b, p.b_start, p.b_end)}<pre dir="auto">{right}</pre></div></div></section>')


def clustered(result) -> list[tuple]:
    """``result``'s clusters, each with its passages: those with the likely origin first, then the
    closest copies. A passage whose cluster is missing (a store written part-way) stands alone."""
    from .reuse import Cluster

    by_id = {c.id: (c, []) for c in result.clusters}
    alone = []
    for p in result.passages:
        if p.cluster in by_id:
            by_id[p.cluster][1].append(p)
        else:
            alone.append((Cluster(-1, [(p.a, p.a_start, p.a_end), (p.b, p.b_start, p.b_end)], None, p.boilerplate),
                          [p]))
    groups = [(c, sorted(ps, key=lambda p: (c.origin not in (p.a, p.b), -p.score)))
              for c, ps in by_id.values() if ps]
    return groups + alone


def render_cluster(cluster, passages: Sequence, texts: dict, href: Callable[[str], str] | None = None,
                   max_pairs: int = 12) -> str:
    """One text found in several articles: who published it and when, which article was first
    (the likely origin), then the comparisons side by side. Shown pair by pair, a story copied by
    five outlets was up to ten cards with the same left side, and nothing said they were one
    story: the table of its articles says that at a glance, and the comparisons with the origin
    come first, the others folded."""
    ids = sorted({m[0] for m in cluster.members if m[0] in texts},
                 key=lambda i: (texts[i].published is None, str(texts[i].published or ""), i))
    spans: dict[str, list[str]] = {}
    for art, start, end in cluster.members:
        spans.setdefault(art, []).append(f"[{start}:{end}]")

    def name(article_id: str) -> str:
        title = html.escape(texts[article_id].title or article_id)
        return (f'<a dir="auto" href="{html.escape(href(article_id))}">{title}</a>' if href
                else f'<strong dir="auto">{title}</strong>')

    mark = ' <span class="origin">likely origin</span>'
    rows = "".join(
        f'<tr><td>{name(i)}{mark if i == cluster.origin else ""}</td>'
        f'<td dir="auto">{html.escape(texts[i].outlet or "")}</td><td>{html.escape(str(texts[i].published or "–"))}</td>'
        f'<td><small class="offsets">id {html.escape(i)} · characters {" ".join(spans.get(i, []))}</small></td></tr>'
        for i in ids)
    if cluster.origin in texts:
        first = texts[cluster.origin]
        origin = (f' · likely origin: {html.escape(first.outlet or first.title or cluster.origin)}'
                  f'{", " + html.escape(str(first.published)) if first.published else ""}')
    else:
        origin = ' · <span class="hint">no likely origin: the articles give no dates, or the earliest share one</span>'
    pairs = [p for p in passages if p.a in texts and p.b in texts]
    shown = [render_passage(p, texts, cluster.origin, href=href) for p in pairs[:max_pairs]]
    left = (f'<p class="hint">{plural(len(pairs) - len(shown), "more comparison")} not shown: the table above lists '
            f'every article.</p>' if len(pairs) > len(shown) else "")
    more = (f'<details class="more-pairs"><summary>{plural(len(shown) - 1, "more comparison")} between these '
            f'articles</summary>{"".join(shown[1:])}{left}</details>' if len(shown) > 1 else "")
    return (f'<section class="cluster"><h2>Found in {plural(len(ids), "article")}{origin}'
            f'{_BOILERPLATE if cluster.boilerplate else ""}</h2>'
            f'<table class="list members"><thead><tr><th scope="col">Article</th><th scope="col">Outlet</th>'
            f'<th scope="col">Published</th><th scope="col">Where</th></tr></thead><tbody>{rows}</tbody></table>'
            f'{shown[0] if shown else ""}{more}</section>')


def render_reuse(result, texts: dict, title: str = "propscope: reused passages") -> str:
    body = "".join(render_cluster(c, ps, texts) for c, ps in clustered(result))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<style>{_ARTICLE_CSS.read_text()}{_PAGE_CSS}</style></head><body><h1>{html.escape(title)}</h1>'
            f'<p class="note">{plural(len(result.passages), "passage")} in {plural(len(result.clusters), "cluster")}. '
            f'Each cluster is one text found in several articles, oldest first; struck-through words '
            f'appear only on the left, underlined ones only on the right.</p>{body or "<p>No reuse found.</p>"}'
            f'</body></html>')
