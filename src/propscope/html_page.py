"""What trafilatura leaves to us on news pages: the language a page declares, and two kinds of
markup it reads as article text (layout tables, lists of links between paragraphs).

Measured on hand-written pages of common news templates (``bench/html_pages.py``): trafilatura
fills no language without a language detector, reads an old layout table (menu column, article
column) as one data table with the menu in it, and keeps "Read more: <link>" lines between
paragraphs, so their headlines were analysed as the article's sentences and counted in reuse.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A language tag as pages write it: "en", "en-GB", "de_DE" (og:locale), "zh-Hant-TW".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
_LANGUAGE_METAS = ("content-language", "language", "dc.language", "og:locale")


# ISO 639 codes that name no language: undetermined (Drupal's lang="und"), multiple, uncoded, no
# linguistic content, and the private-use range qaa-qtz.
_NO_LANGUAGE = re.compile(r"(?:und|mul|mis|zxx|q[a-t][a-z])(?:-.*)?", re.I)


def _language_tag(value: object) -> str | None:
    """``value`` as a language tag ("en-GB"; og:locale's "en_GB" too), else None ("x", "english",
    and "und" or "zxx", which say the page has no particular language: taken as one, a short page
    was left out of technique analysis as a language no model reads)."""
    if not isinstance(value, str):
        return None
    value = value.strip().split(",")[0].strip().replace("_", "-")  # Content-Language may list several
    if not _LANGUAGE_TAG.fullmatch(value) or len(value) > 16 or _NO_LANGUAGE.fullmatch(value):
        return None
    return value


def declared_language(tree: HtmlElement) -> str | None:
    """The language a page says it is in: ``<html lang>`` (or ``xml:lang``), else a
    Content-Language, language or og:locale ``<meta>``, else a JSON-LD ``inLanguage``; None when
    it says none (the pipeline's detector decides then). The declaration, not a guess: a page's
    text may be too short for the detector, and it falls back on this."""
    root = tree.getroottree().getroot()
    for name in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
        if tag := _language_tag(root.get(name)):
            return tag
    for meta in root.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("name") or meta.get("property") or "").strip().lower()
        if key in _LANGUAGE_METAS and (tag := _language_tag(meta.get("content"))):
            return tag
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            if tag := _language_tag(_json_ld_value(script.text, "inLanguage")):
                return tag
    return None


def _json_ld_value(data: str, key: str) -> object:
    """The first ``key`` in a JSON-LD block (in its object, its @graph or its list), or None."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return None
    items = doc if isinstance(doc, list) else [doc]
    items = items + [g for d in items if isinstance(d, dict) and isinstance(d.get("@graph"), list) for g in d["@graph"]]
    return next((d[key] for d in items if isinstance(d, dict) and d.get(key)), None)


_DATA_MARKERS = ("caption", "thead", "th", "colgroup")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "article")
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")


def is_layout_table(table: HtmlElement) -> bool:
    """Whether ``table`` lays out a page (a menu column beside the article column) rather than
    holding data: it has no caption, header cells or column groups, and a cell of it holds
    paragraphs, headings, lists or another table, which data cells do not; or it says
    role="presentation". trafilatura reads every table as data: the menu, the archive links and
    the article came out as one table row, with the menu's words in the text."""
    if (table.get("role") or "").strip().lower() in ("presentation", "none"):
        return True
    own = [el for el in table.iter(*_DATA_MARKERS) if _owner_table(el) is table]
    if own:
        return False
    return any(el is not table and _owner_table(el) is table for block in _BLOCKS for el in table.iter(block)
               if _cell_of(el, table) is not None)


def _owner_table(el: HtmlElement) -> HtmlElement | None:
    """The nearest <table> above ``el`` (itself excluded)."""
    for parent in el.iterancestors("table"):
        return parent
    return None


def _cell_of(el: HtmlElement, table: HtmlElement) -> HtmlElement | None:
    """The cell of ``table`` that ``el`` lies in, else None."""
    for parent in el.iterancestors():
        if parent is table:
            return None
        if parent.tag in ("td", "th"):
            return parent
    return None


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Every layout table of ``tree`` (``is_layout_table``) made into plain <div>s, each cell its
    own block, so trafilatura weighs the article column apart from the menu column."""
    for table in [t for t in tree.iter("table") if is_layout_table(t)]:
        for el in [table, *(e for e in table.iter(*_TABLE_PARTS) if _owner_table(e) is table)]:
            el.tag = "div"
            for name in ("width", "cellpadding", "cellspacing", "valign", "border", "role"):
                el.attrib.pop(name, None)


# What a line of links between an article's paragraphs is labelled with: "Read more:", "Related:",
# "ALSO READ:", "Lesen Sie auch:", or nothing but separators between its links.
_SEPARATORS = re.compile(r"[\s|·•/,;–—-]+")
MAX_LABEL = 40  # characters of a label before its links ("Lesen Sie auch:", "More on this story:")
_LINE_BLOCKS = ("p", "li", "div", "h3", "h4", "h5", "h6")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")


def _link_line(el: HtmlElement) -> bool:
    """Whether ``el`` is a line of links, not a sentence: one link or more, and outside them at
    most a short label ending in a colon ("Read more:") or separators. A sentence with a link in
    it has words outside the link; a paragraph that is one link is kept when it is long (over 25
    words) or ends as a sentence does (a linked quote), which headlines do not."""
    links = list(el.iter("a"))
    if not links or any(child.tag in _LINE_BLOCKS for child in el.iterdescendants()):
        return False
    linked = " ".join(a.text_content() for a in links).strip()
    if not linked or len(linked.split()) > 25 * len(links):
        return False
    rest = el.text_content()
    for a in links:
        rest = rest.replace(a.text_content(), " ", 1)
    label = _SEPARATORS.sub(" ", rest).strip()
    if not label:  # one short link alone is a headline, unless it ends as a sentence does
        return len(links) > 1 or (len(linked.split()) <= 12 and not _SENTENCE_END.search(linked))
    return len(label) <= MAX_LABEL and label.endswith(":")


def drop_link_lines(tree: HtmlElement) -> None:
    """Remove the lines of links (``_link_line``: "Read more: <headline>", "Related: <a> | <b>")
    that sit between an article's paragraphs: their headlines are other articles."""
    body = tree.find(".//body")
    for el in [e for e in (body if body is not None else tree).iter("p", "li") if _link_line(e)]:
        el.drop_tree()


# Page parts that hold no article text, by the class or id news templates give them, where
# trafilatura's own lists do not reach: photo credits and copyright lines ("media__copyright",
# "image-credit"), disclaimers under opinion pieces, article tool bars ("Print Email Font size"),
# pull quotes (WordPress's "wp-block-pullquote": a sentence of the article said twice, so counted
# twice and read as copying), and AMP's ad and share elements (an ad's "Advertisement" placeholder).
_NAMES = r"(?:^|[\s_-])(?:credits?|copyright|disclaimer|tools|toolbar|foot|pull-?quote)(?:[\s_-]|$)"
_AMP_CHROME = ("amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads", "amp-social-share", "amp-analytics",
               "amp-consent", "amp-user-notification")
PRUNE_XPATH = [
    f".//*[re:test(@class, '{_NAMES}', 'i') or re:test(@id, '{_NAMES}', 'i')]",
    ".//*[" + " or ".join(f"self::{tag}" for tag in _AMP_CHROME) + "]",
]


_HIDDEN = ("script", "style", "noscript")


def _visible_lengths(tree: HtmlElement, wanted: set[int]) -> dict[int, int]:
    """Characters of text that a reader sees under ``tree`` and under each element whose ``id()``
    is in ``wanted``: not scripts' or styles' (a page's inline JSON state may be hundreds of
    kilobytes). One walk adds each element's count to its parent's: counted per element, every
    text node looked up through all its ancestors, and 200 nested "tools" wrappers around an
    article took minutes."""
    from lxml import etree

    stack: list[list] = []  # per open element: [its count so far, whether it is hidden]
    lengths: dict[int, int] = {}
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            hidden = bool(stack and stack[-1][1]) or (isinstance(el.tag, str) and el.tag.lower() in _HIDDEN)
            own = len(el.text or "") if isinstance(el.tag, str) and not hidden else 0
            stack.append([own, hidden])
            continue
        count, _ = stack.pop()
        if id(el) in wanted or not stack:
            lengths[id(el)] = count
        if stack:
            stack[-1][0] += count + (len(el.tail or "") if not stack[-1][1] else 0)
    return lengths


def prune_chrome(tree: HtmlElement) -> None:
    """Remove from ``tree`` the parts ``PRUNE_XPATH`` names (their tails, text between blocks,
    stay), but never one holding a quarter of the page's visible text or more: a wrapper named
    "story-tools" or "content foot" around the article must not cost the article, and credits,
    tool bars and disclaimers are a line or two."""
    from lxml import etree

    found: list = []
    for expr in PRUNE_XPATH:
        found += etree.XPath(expr, namespaces={"re": "http://exslt.org/regular-expressions"})(tree)
    if not found:
        return
    chosen = {id(el) for el in found}
    lengths = _visible_lengths(tree, chosen)
    whole = lengths[id(tree)]
    for el in found:
        if any(id(a) in chosen for a in el.iterancestors()) or el.getparent() is None:
            continue
        if 4 * lengths[id(el)] >= whole:
            chosen.discard(id(el))
            continue
        el.drop_tree()


# Posts embedded the way their platforms' embed codes write them: a <blockquote> holding the
# post's words in <p>, then "— Name (@handle) <date link>", links shown as bare addresses
# ("pic.twitter.com/…"), and "View this post on Instagram" / "A post shared by …" lines.
_SOCIAL_EMBED = re.compile(r"(?:^|\s)(?:twitter-tweet|bluesky-embed|mastodon-embed|tiktok-embed|instagram-media|"
                           r"text-post-media|fb-xfbml-parse-ignore)(?:\s|$)")
_BARE_ADDRESS = re.compile(r"(?:https?://)?[\w.-]+\.[a-z]{2,}/\S*|@\w+", re.I)


def tidy_social_embeds(tree: HtmlElement) -> None:
    """Keep of each embedded social post (``_SOCIAL_EMBED``) only its words: its paragraphs that
    are no link lines, without links that show a bare address or handle. The post is what the
    article quotes; its "— Name (@handle) March 3, 2025" line and "pic.twitter.com/…" links were
    read as sentences of the article."""
    for quote in [q for q in tree.iter("blockquote") if _SOCIAL_EMBED.search(q.get("class") or "")]:
        paragraphs = [p for p in quote.iter("p") if not _link_line(p)]
        for p in paragraphs:
            for a in [a for a in p.iter("a") if _BARE_ADDRESS.fullmatch(a.text_content().strip())]:
                a.drop_tree()
            p.getparent().remove(p)  # its tail (the "— Name (@handle)" line) goes with it
            p.tail = None
        quote.text = None
        for child in list(quote):
            quote.remove(child)
        quote.extend(paragraphs)


_TITLE_SEPARATOR = re.compile(r"\s+[–•·—|⁄*⋆~‹«<›»>:-]\s+|:\s+")  # as trafilatura splits a <title>, and "Site: "


def page_title(tree: HtmlElement) -> str | None:
    """The text of the page's <title>, or None."""
    title = tree.find(".//title")
    return " ".join(title.text_content().split()) if title is not None else None


def headline(title: str | None, whole: str | None, text: str) -> str | None:
    """``title`` as trafilatura found it, or, when that is the page's <title> (``whole``,
    "Kestrel News - Quarry plan approved") or one part of it and no line of the article ``text``
    while another part is, that other part: without a heading to take the title from,
    trafilatura takes the <title>'s first part (the site's name where a site puts it first), or
    all of it when it cannot split it ("Hill Gazette: Bridge to close")."""
    if not title or not whole:
        return title
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(whole) if p.strip()]
    if len(parts) < 2 or (title not in parts and title != whole):
        return title
    lines = {" ".join(line.split()) for line in text.splitlines()}
    if title in lines:
        return title
    others = [p for p in parts if p != title and p in lines]
    return max(others, key=len) if others else title
