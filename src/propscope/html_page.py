"""What trafilatura leaves to us on news pages: the language a page declares, and two kinds of
markup it reads as article text (layout tables, lists of links between paragraphs).

Measured on hand-written pages of common news templates (``bench/html_pages.py``): trafilatura
fills no language without a language detector, reads an old layout table (menu column, article
column) as one data table with the menu in it, and keeps "Read more: <link>" lines between
paragraphs, so their headlines were analysed as the article's sentences and counted in reuse.
"""

from __future__ import annotations

import copy
import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

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


def declared_address(tree: HtmlElement) -> str | None:
    """The web address a saved page gives itself: its canonical <link>, else its og:url, when it is
    an http(s) one. trafilatura drops addresses its URL checker refuses (the one-letter name of
    "https://t.me/s/channel/4821", Telegram's web view of a post), and the page had no outlet."""
    root = tree.getroottree().getroot()
    found = [link.get("href") for link in root.iter("link") if "canonical" in (link.get("rel") or "").lower().split()]
    found += [meta.get("content") for meta in root.iter("meta") if (meta.get("property") or "").strip().lower() == "og:url"]
    return next((a.strip() for a in found if a and re.match(r"\s*https?://[^/\s]", a, re.I)), None)


# Characters trafilatura drops as unprintable that are parts of words: the zero-width non-joiner that
# Persian writes inside words ("می‌کنند", "تحریم‌ها") and the joiner of Indic conjuncts and emoji
# sequences. Without them words ran together, and a Persian page's sentences matched no copy of them.
_JOINERS = ("\u200c", "\u200d")
_STAND_IN_START = 0x1E800  # Mende Kikakui letters: printable, and in no news page one reads
_LATIN_END = 0x250  # the code points below: ASCII and the Latin letters


def protect_joiners(html: str) -> tuple[str, dict[str, str]]:
    """``html`` with each zero-width joiner (``_JOINERS``) in it replaced by a letter it does not
    hold, and what stands for what, for ``restore_joiners``."""
    table: dict[str, str] = {}
    code = _STAND_IN_START
    for joiner in _JOINERS:
        if joiner not in html:
            continue
        while chr(code) in html:
            code += 1
        table[chr(code)] = joiner
        html = html.replace(joiner, chr(code))
        code += 1
    return html, table


def restore_joiners(text: str | None, table: dict[str, str]) -> str | None:
    """``text`` with the joiners ``protect_joiners`` replaced put back where they join two characters
    of scripts that use them (Persian, Indic, emoji), and dropped where trafilatura dropped them,
    beside a space or a Latin letter: MacRumors writes "\u200ciPhone 11\u200c" to keep its
    words from being linked, and the joiners would only have split "iPhone" from itself."""
    if not text or not table:
        return text

    def put_back(m: re.Match) -> str:
        near = (text[m.start() - 1] if m.start() else "", text[m.end()] if m.end() < len(text) else "")
        return table[m.group()] if all(c and not c.isspace() and ord(c) >= _LATIN_END for c in near) else ""

    return re.sub("[" + "".join(table) + "]", put_back, text)


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
    return next((d[key] for d in _json_ld_items(data) if d.get(key)), None)


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
# A label that points to other stories without a colon after it: "READ MORE |", "See also", "→ Related",
# "Lesen Sie auch", "Leggi anche", "Te puede interesar", "Leia também", "Читайте также", "اقرأ أيضا",
# "بیشتر بخوانید", "קראו גם".
_POINTER = re.compile(r"(?:read|see|watch)\s+(?:more|also)|also\s+(?:read|see|watch)|"
                      r"more\s+on\s+this(?:\s+(?:story|topic))?|"
                      r"related(?:\s+(?:stories|story|articles?|coverage|content|links?|reading))?|recommended(?:\s+reading)?|"
                      r"lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|lee\s+(?:también|más)|leer\s+más|leggi\s+anche|"
                      r"(?:también\s+)?te\s+puede\s+interesar|ver\s+también|(?:leia|veja)\s+também|(?:também\s+)?pode\s+"
                      r"interessar|(?:you\s+)?(?:may|might)\s+also\s+like|смотрите\s+также|(?:читайте|дивіться)\s+також|"
                      r"(?:à\s+)?lire\s+aussi|czytaj\s+(?:też|także|więcej)|читайте\s+(?:также|тоже)|"
                      r"اقرأ\s+(?:أيضا|أيضاً|ايضا)|بیشتر\s+بخوانید|קראו\s+(?:גם|עוד)", re.I)
_ARROWS = " :→»›>▶►▸⟶➜➤-–—"
# Words that join two links of one line: "Related: <a>…</a> and <a>…</a>".
_LINK_JOINERS = frozenset("and or & und oder y o et ou e i и или و".split())


def _link_line(el: HtmlElement) -> bool:
    """Whether ``el`` is a line of links, not a sentence: one link or more, and outside them at
    most a short label ending in a colon ("Read more:") or separators. A sentence with a link in
    it has words outside the link; a paragraph that is one link is kept when it is long (over 25
    words) or ends as a sentence does (a linked quote), which headlines do not. The label may be a
    pointer without a colon (``_POINTER``: "READ MORE |", "See also"), and "and"/"or" between links
    are no words of it. The label may be a block of its own in the line's box, with no link in it
    ("<div><p>Te puede interesar</p><a>…</a><a>…</a></div>", as script-drawn pages write such boxes)."""
    links = list(el.iter("a"))
    if not links:
        return False
    blocks = [child for child in el.iterdescendants() if child.tag in _LINE_BLOCKS]
    if blocks and (len(blocks) > 1 or next(blocks[0].iter("a"), None) is not None
                   or len(_words(blocks[0])) > MAX_LABEL):
        return False
    linked = " ".join(a.text_content() for a in links).strip()
    if not linked or len(linked.split()) > 25 * len(links):
        return False
    label = _SEPARATORS.sub(" ", _outside_links(el)).strip()
    if len(links) > 1 and (rest := " ".join(w for w in label.split() if w.lower() not in _LINK_JOINERS)):
        label = rest  # "Related: <a> and <a>"; "<a>Ann</a> and <a>Bob</a>" alone is no list of links
    if not label:  # one short link alone is a headline, unless it ends as a sentence does
        return len(links) > 1 or (len(linked.split()) <= 12 and not _SENTENCE_END.search(linked))
    return len(label) <= MAX_LABEL and (label.endswith(":") or bool(_POINTER.fullmatch(label.strip(_ARROWS))))


def _outside_links(el: HtmlElement, tags: tuple[str, ...] = ("a",)) -> str:
    """The text of ``el`` outside its links (or other ``tags``), a space where each link was, in one
    walk: cutting each link's words out of the whole text, one link at a time, took 13.5 s for a
    paragraph of 40,000 links."""
    from lxml import etree

    parts: list[str] = []
    inside = 0  # how many links the walk is in
    for event, node in etree.iterwalk(el, events=("start", "end")):
        is_link = node.tag in tags
        if event == "start":
            inside += is_link
            if is_link and inside == 1:
                parts.append(" ")
            elif not inside and isinstance(node.tag, str) and node.text:
                parts.append(node.text)
            continue
        inside -= is_link
        if node is not el and not inside and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def drop_link_lines(tree: HtmlElement) -> None:
    """Remove the lines of links (``_link_line``: "Read more: <headline>", "Related: <a> | <b>")
    that sit between an article's paragraphs: their headlines are other articles. A line may be a
    <div> with no block in it (a "Read also: <headline>" box is one as often as a <p>); a heading
    left alone in its box when its links go ("Recommended videos", "Most read") goes with them."""
    body = tree.find(".//body")
    lines = [e for e in (body if body is not None else tree).iter("p", "li", "div") if _link_line(e)]
    parents = [el.getparent() for el in lines]
    for el in lines:
        el.drop_tree()
    drop_lone_headings(parents)


_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")


MAX_LABEL_WORDS = 6  # a box's label left alone when its links went: "To read the full story", "Notes"


def drop_lone_headings(boxes: list) -> None:
    """Remove the headings that are all that is left of the words in a box (each of ``boxes``,
    where something was just taken out, or the nearest box above it with words in it): the
    heading of a list of links or a rail whose entries went. A heading that has words after it
    in its box heads them, and stays. So does the box when a short label that is no sentence is
    all that is left of it ("To read the full story" over the "Subscribe" and "Sign in" links of
    a paywall, "See also"), but for the headline's box: the label read as the article's last line."""
    for box in boxes:
        while box is not None and box.getparent() is not None and box.tag != "body" and not _words(box):
            box = box.getparent()
        if box is None or box.getparent() is None or box.tag in ("body", "html"):
            continue
        left = _words(box)
        heads = [h for h in box.iter(*_SUBHEADINGS) if _words(h)]
        if heads and left == " ".join(_words(h) for h in heads):
            for h in heads:
                h.drop_tree()
        elif (len(left.split()) <= MAX_LABEL_WORDS and not _SENTENCE_END.search(left) and box.find(".//h1") is None
              and box.tag not in ("p", "h2", "h3", "h4", "h5", "h6")):
            box.drop_tree()


# Notes at the foot of a page: an item with a link back up to where it is cited ("↩", "^", "↑"),
# and the marker that cites it, a short number or letter linked down to it (<sup><a href="#fn1">1</a></sup>).
_BACK_LINK = frozenset("↩ ↩︎ ↑ ^ ⤴ ⇧ ▲".split())
_NOTE_MARK = re.compile(r"\[?(?:\d{1,3}|[a-z*†‡])\]?", re.I)


def drop_notes(tree: HtmlElement) -> None:
    """Remove the notes listed at the foot of an article (a list item with a link back to its
    marker, ``_BACK_LINK``) and the markers in its sentences (``_NOTE_MARK``): the notes are
    references, read as the article's last sentences, and a marker glued a number to the end of
    its sentence ("… own data.1 Imports rose")."""
    notes, marks = [], []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href.startswith("#"):
            continue
        words = _words(a)
        if words in _BACK_LINK:
            notes.append(next((li for li in a.iterancestors("li")), None))
        elif _NOTE_MARK.fullmatch(words):
            sup = next((s for s in a.iterancestors("sup") if _words(s) == words), None)
            marks.append(sup)
    parents = []
    for el in {id(e): e for e in notes + marks if e is not None}.values():
        if el.getparent() is not None:
            parents.append(el.getparent())
            el.drop_tree()
    for lst in [p for p in parents if p.tag in ("ol", "ul") and not _words(p)]:
        if lst.getparent() is not None:
            parents.append(lst.getparent())
            lst.drop_tree()
    drop_lone_headings([p for p in parents if p.getparent() is not None])


# Page parts that hold no article text, by the class or id news templates give them, where
# trafilatura's own lists do not reach: photo credits and copyright lines ("media__copyright",
# "image-credit"), disclaimers under opinion pieces, article tool bars ("Print Email Font size"),
# pull quotes (WordPress's "wp-block-pullquote": a sentence of the article said twice, so counted
# twice and read as copying), cookie and consent banners ("cookie-law-info-bar", "gdpr-consent"),
# and AMP's ad and share elements (an ad's "Advertisement" placeholder) and its embeds' loading placeholders.
_NAMES = (r"(?:^|[\s_-])(?:credits?|copyright|disclaimer|tools|toolbar|foot|pull-?quote|cookies?|consent|gdpr)"
          r"(?:[\s_-]|$)")
_AMP_CHROME = ("amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads", "amp-social-share", "amp-analytics",
               "amp-consent", "amp-user-notification")
PRUNE_XPATH = [
    f".//*[re:test(@class, '{_NAMES}', 'i') or re:test(@id, '{_NAMES}', 'i')]",
    ".//*[" + " or ".join(f"self::{tag}" for tag in _AMP_CHROME) + "]",
    # what an AMP embed shows while it loads ("<div placeholder>Post on Telegram</div>"), no line of the story
    ".//*[starts-with(local-name(), 'amp-')]/*[@placeholder]",
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
    drop_unless_large(tree, found)


def drop_unless_large(tree: HtmlElement, found: list, share: int = 4) -> None:
    """Remove each element of ``found`` from ``tree`` (its tail stays), but never one holding a
    quarter of the page's visible text or more (1/``share``): whatever marks a part as page
    furniture (a class name, a landmark role, a form in it) may be on the article's own wrapper."""
    if not found:
        return
    chosen = {id(el) for el in found}
    lengths = _visible_lengths(tree, chosen)
    whole = lengths[id(tree)]
    for el in found:
        if any(id(a) in chosen for a in el.iterancestors()) or el.getparent() is None:
            continue
        if share * lengths[id(el)] >= whole:
            chosen.discard(id(el))
            continue
        el.drop_tree()


# Page furniture found by what it is, not by what one site calls it: the page's landmarks (its
# banner, navigation, complementary rail, footer: <header>, <nav>, <aside>, <footer> or their
# ARIA roles) and what it hides from readers (hidden, aria-hidden); forms and buttons with the
# few words around them (a newsletter box, a cookie notice, "Was this helpful? Yes No"); and
# lines that do a page's job, in any template: a copyright line, an "Advertisement" placeholder,
# "6 min read", a bar of short controls ("Play · Mute · Fullscreen", "Share · Email · Print"), a
# call to share, follow, subscribe or donate, and a short line the page repeats (a tagline in
# both header and footer). Measured on bench/data/html_heldout2, written before any of this.
_LANDMARKS = (".//header | .//footer | .//nav | .//aside | .//*[@hidden] | .//*[@aria-hidden='true'] | "
              ".//*[@role='banner' or @role='navigation' or @role='contentinfo' or @role='complementary' "
              "or @role='search']")
# What a page opens over itself: a modal dialog (cookie settings, a sign-in or newsletter pop-up).
_DIALOGS = ".//dialog | .//*[@role='dialog' or @role='alertdialog' or @aria-modal='true']"
_CONTROLS = ("button", "input", "select", "textarea")
_BUTTON_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button)(?:[\s_-]|$)", re.I)
_CONTAINERS = ("div", "section", "aside", "li", "footer", "header", "nav", "figure", "form", "dd", "td", "center")
MAX_CONTROL_WORDS = 60  # words around a form or buttons: a newsletter box, a cookie notice, a donation appeal
MAX_NOTICES = 2  # boxes of buttons with a sentence in them that are notices; more are a page's entries
_BLOCK_TAGS = frozenset(("p", "div", "li", "section", "center", "dd", "dt", "td", "h1", "h2", "h3", "h4", "h5",
                         "h6", "aside", "footer", "header", "figcaption", "ul", "ol", "table", "blockquote",
                         "article", "form", "nav", "main", "figure", "pre"))
MAX_LINE_WORDS = 30  # a copyright line or a call to act is a line or two; a paragraph is longer
_QUOTES = re.compile(r"[\"“”„«»]")
_RIGHTS = re.compile(r"^(?:copyright|©|\(c\))|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|\d{4}\s*©|rights reserved|"
                     r"derechos reservados|diritti riservati|riproduzione riservata|rechte vorbehalten|"
                     r"droits réservés|prawa zastrzeżone|все права защищены|(?:усі|всі)\s+права\s+захищені|"
                     # Chinese "all rights reserved" and "no reprinting without permission"
                     r"版[權权]所有|(?:不得|禁止)(?:轉載|转载)|"
                     # Korean: "<저작권자 ⓒ 한빛일보 무단전재 및 재배포 금지>" (no copying, no redistribution)
                     r"저작권자|무단\s*(?:전재|복제)|재배포\s*금지|"
                     # a publisher's registration: "Registered charity no. 1099999", "Company number 0123"
                     r"registered\s+(?:charity|company)\s+(?:no\.?|number)\s*:?\s*\d|"
                     r"company\s+(?:registration\s+)?(?:no\.?|number)\s*:?\s*\d|"
                     r"registered\s+in\s+(?:england|scotland|wales|northern\s+ireland|ireland)\b[^.]{0,20}?"
                     r"(?:no\.?|number)\s*:?\s*\d|partita\s+iva|ust-idnr|handelsregister", re.I)
# What every line _RIGHTS finds holds, lower-cased: looked for first, as a short page's every
# paragraph is a line to try (_RIGHTS alone took 5 s of a page of 100,000 short paragraphs).
_LEGAL_WORDS = ("©", "(c)", "copyright", "rights", "reserv", "riservat", "vorbehalten", "réservés", "zastrzeżone",
                "защищены", "захищені", "版權", "版权", "轉載", "转载", "저작권자", "무단", "재배포",
                "registered", "company", "iva", "ust-idnr", "handelsregister")


def legal_line(text: str) -> bool:
    """Whether ``text`` says who holds the rights to the page or how its publisher is registered
    (``_RIGHTS``)."""
    low = text.lower()
    return any(w in low for w in _LEGAL_WORDS) and bool(_RIGHTS.search(text))


# A box headed "About the author": the writer's biography, not the article.
_ABOUT_AUTHOR = re.compile(r"(?:about|more about)\s+(?:the\s+)?(?:author|writer|contributor)s?|über\s+(?:den\s+autor|"
                           r"die\s+autorin)|zu[mr]\s+autor(?:in)?|sobre\s+(?:el|la)\s+autora?|acerca\s+del?\s+autora?|"
                           r"sobre\s+(?:o|a)\s+autora?|(?:sull'|l')autore|(?:à\s+propos\s+de\s+)?l'aut(?:eur|rice)|o\s+autor(?:ze|ce)|об\s+авторе",
                           re.I)
MAX_BIO_WORDS = 80  # a biography box is a few sentences; a list of sources a few lines
# A box headed "Sources" or "References": where a fact-check or report lists what it drew on (a
# contract, "Email interview, spokesperson, Aug. 8"), the page's apparatus, not its story.
_SOURCES_HEAD = re.compile(r"(?:our\s+)?(?:sources?|references|bibliography)(?:\s+(?:cited|used|consulted))?|"
                           r"sources\s+(?:and|&)\s+(?:references|notes|methodology)|quellen(?:angaben)?|"
                           r"fuentes(?:\s+consultadas)?|sources\s+et\s+références|fonti|источники", re.I)
_BOX_HEAD = re.compile(f"{_ABOUT_AUTHOR.pattern}|{_SOURCES_HEAD.pattern}", re.I)
_AD_LABEL = re.compile(r"(?:advertisement|advertising|adverts?|sponsored|anzeige|werbung|publicidad|pubblicità|publicité|"
                       r"reklama)(?:\s*[-:–]?\s*(?:scroll|continue)[\w\s]*)?", re.I)
# "Story continues below advertisement", "Article continues after this ad", "Weiterlesen nach der Anzeige".
_CONTINUES = re.compile(r"(?:(?:the\s+)?(?:story|article|text|content)\s+)?continues?\s+(?:below|after)"
                        r"(?:\s+(?:this|the))?(?:\s+(?:advertisement|advert|ad))?|(?:weiterlesen|lesen sie)\s+nach\s+"
                        r"der\s+anzeige(?:\s+weiter)?|(?:la\s+)?(?:noticia|nota)\s+contin[uú]a\s+(?:abajo|debajo)", re.I)
# A pager's line: "Page 1 of 3", "Seite 2 von 5", "Página 1 de 4", "Strona 1 z 3", "Страница 1 из 2".
_PAGER = re.compile(r"(?:page|seite|p[aá]gina|strona|страница)\s*\d+\s*(?:of|von|de|di|z|из|/)\s*\d+", re.I)
_READING_TIME = re.compile(r"\d+\s*(?:min(?:ute)?s?\.?|minuten|minuti|minutos?)\s+(?:read|de lectura|lesezeit|"
                           r"di lettura|czytania)", re.I)
_CONTROL_BAR = re.compile(r"\s*[·•|]\s*")
# A podcast's or video's note on its own transcript: "This transcript was generated automatically
# and may contain errors", "Captions are machine-made and may contain mistakes".
_TRANSCRIPT_NOTE = re.compile(
    r"(?:(?:this|our|these)\s+(?:\w+(?:'s|’s)?\s+)?)?(?:transcripts?|captions?|subtitles?)\s+(?:\w+\s+){0,3}?"
    r"(?:is|are|was|were|has\s+been|have\s+been)\b.*\b(?:automatic|automated|machine|speech[\s-]recognition|"
    r"(?:by|using|with)\s+(?:\w+\s+){0,2}?(?:software|ai|artificial\s+intelligence)\s*(?:[.,;]|and\b|$)|"
    r"(?:may|might|can|could)\s+(?:contain|include|have)\s+(?:errors|mistakes|inaccuracies))", re.I)

# The verbs a page asks its reader to act with (share, follow, subscribe, donate, ...), in the
# languages propscope is used on; a line that starts with one and speaks to the reader ("us",
# "your", "today") or is no sentence at all ("Follow The Herald on Telegram") is a call to act.
_ACT_VERBS = frozenset("""
share follow subscribe sign join donate give support download register upgrade listen watch help tweet send
teilen teile folgen folge abonnieren abonniere spenden spende unterstützen unterstütze herunterladen kommentieren
registrieren anmelden compartir comparte compártelo sigue síguenos seguir suscríbete suscribirse dona donar apoya
ayúdanos apóyanos descarga comenta regístrate condividi segui seguici iscriviti abbonati sostieni sostienici aiutaci
scarica commenta registrati udostępnij obserwuj subskrybuj zasubskrybuj wesprzyj wspieraj pomóż pobierz
skomentuj komentuj zarejestruj zapisz partager partagez suivez suivre abonnez soutenez
téléchargez commentez inscrivez rejoignez únete únase súmate inscríbete unisciti siga sigam assine inscreva
compartilhe baixe apoie participe подписывайтесь подпишитесь следите присоединяйтесь поделитесь скачайте
поддержите смотрите слушайте присылайте пришлите напишите пишите
підписуйтесь підписуйтеся підпишіться стежте слідкуйте приєднуйтесь
поділіться підтримайте дивіться слухайте завантажте надсилайте надішліть
пишіть напишіть تابعونا تابعوا اشترك اشتركوا شارك شاركوا ادعمونا حمّل
""".split())
# Acting verbs with the reader or the site already in them ("Síguenos": follow us), a call whatever follows.
_READER_VERBS = frozenset("síguenos compártelo suscríbete ayúdanos apóyanos seguici sostienici aiutaci تابعونا "
                          "ادعمونا".split())
_READER_WORDS = frozenset("""us our you your here today now free uns jetzt heute nos nosotros ahora hoy noi ci ora
oggi nas teraz dziś nous maintenant нас нам наш наши нашем нашей нашему нашим нашу вас вам ваш сейчас сегодня
наші нашому нашій нашим зараз сьогодні""".split())
# An ask for money with its sum: "Give $5 a month and keep …", "Donate €10 to …", "Spenden Sie 5 €".
_DONATION_ASK = re.compile(r"(?:give|donate|chip\s+in|pledge|spende[n]?(?:\s+sie)?|dona|donar|donnez|wesprzyj|"
                           r"поддержите|підтримайте)\s+(?:just\s+|only\s+|nur\s+)?(?:[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:[$€£¥₹]|"
                           r"dollars?|euros?|pounds?|zł|руб|грн))", re.I)
_SEGMENT = re.compile(r"(?<=[.!?:।])\s+")
# Hindi puts the verb last: "ताज़ा खबरों के लिए हमें फॉलो करें" (for the latest news follow us), "हमारा ऐप
# डाउनलोड करें" (download our app): "us"/"our" and a polite imperative of follow, subscribe, download, share, join.
_HINDI_CALL = re.compile(r"(?:हमें|हमारे|हमारा|हमारी|हमसे)\s.{0,60}?(?:फॉलो|फ़ॉलो|सब्सक्राइब|डाउनलोड|शेयर|लाइक|जॉइन|ज्वाइन)\s+"
                         r"(?:करें|कीजिए|करिए)|(?:हमसे|हमारे\s+साथ)\s+जुड़ें")
# A reader's question that leads into a call to act: "Found something you think needs checking? Send it
# to us", "Got a tip? Email us at …", "Want more stories like this? Subscribe".
# … in Russian and Ukrainian: "Увидели сомнительную новость? Присылайте ее нашему боту", "Маєте інформацію? Пишіть нам".
_READER_QUESTION = re.compile(r"[^.!?]{0,80}\b(?:you|your|вы|вас|вам|ваш\w*|ви|вам|ваш\w*)\b[^.!?]{0,60}\?|"
                              r"(?:got|have|want|need)\s+[^.!?]{1,60}\?|(?:увидели|заметили|нашли|знаете|хотите|"
                              r"побачили|помітили|знайшли|маєте|знаєте|хочете)\s+[^.!?]{1,60}\?", re.I)
# A clause before a call that speaks to the reader: "If you value this work, support us …".
_READER_IF = re.compile(r"(?:if|when)\s+you\s+[^,.!?]{1,60},\s*", re.I)
# Asking to be written to or called: "Email tips@…", "Call 555 0100", "Schreiben Sie uns: …@…".
_CONTACT_VERBS = frozenset("""email e-mail call contact write text send message kontakt kontaktieren schreiben schreib
contacta contáctanos escríbenos escribe llama contatta contattaci scrivi scrivici chiama napisz zadzwoń kontaktuj
contactez écrivez appelez""".split())
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d\s()./-]{6,}\d")
# A line that is a label and a web address: a printed page's "Article URL: https://…", "Permalink: …".
_LABELLED_ADDRESS = re.compile(r"[^:]{1,30}:\s*(?:https?://|www\.)\S+")
_CELLS = ("td", "th")


def _data_item(el: HtmlElement) -> bool:
    """Whether ``el`` is a cell of a data table (layout tables are <div>s by now) or a list item
    without a link: their words may come twice without being a tagline or menu said twice (a
    table's "0", "12" or a team's name recur from row to row; a buying guide lists the same
    features under two models), and each such copy went, leaving rows with holes."""
    return el.tag in _CELLS or (el.tag == "li" and next(el.iter("a"), None) is None)


# A comment section's heading, counter or link: "Comments", "12 comments", "Post Comment (+)",
# "[ Read All Comments ]", "Top rated comments", "Kommentare (3)".
_COMMENT_LINE = re.compile(r"(?:\d+\s+)?(?:(?:post|leave|add|write|read|view|show|see|load|hide|top\s+rated|"
                           r"most\s+(?:popular|recent)|readers?[’']?|user)\s+(?:a\s+|an\s+|all\s+|the\s+|your\s+|more\s+)?)?"
                           r"(?:comments?|kommentare?|comentarios?|commenti|commentaires?|komentarze?|댓글)"
                           r"(?:\s*\(\s*\+?\s*\d*\s*\)?|\s+\d+)?", re.I)
# A pitch for the outlet's newsletter or print copy: "our newsletter", a sentence that asks to subscribe
# or sign up to a newsletter ("Click here to subscribe to The Paradigm Newsletter"), or the reader's
# inbox or letterbox with a newsletter, subscribing or delivery ("… delivered to your inbox daily").
# What a reader's money does for the page: "Your tax-deductible gift keeps investigations like this
# free", "Your donation helps us stay independent".
_GIFT_PITCH = re.compile(r"\byour\s+(?:[\w-]+\s+){0,2}?(?:gifts?|donations?|contributions?)\s+(?:today\s+|now\s+)?"
                         r"(?:keeps?|makes?|helps?|allows?|enables?|funds?|powers?|supports?)\b", re.I)
_OUR_NEWSLETTER = re.compile(r"\bour\s+(?:\w+\s+)?newsletters?\b", re.I)
_INBOX = re.compile(r"\byour\s+(?:inbox|letterbox|mailbox)\b", re.I)
_DELIVERY = re.compile(r"newsletter|subscri|sign[\s-]?up|deliver|\bsent\b|\bevery\b", re.I)
_NEWSLETTER = re.compile(r"\bnewsletters?\b", re.I)
# A newsletter asking to be passed on, or asking whether it was: "Forward this email to a friend",
# "Send it to a colleague", "Was this newsletter forwarded to you?", "Got forwarded this?", "Reenvía
# este correo a un amigo", "Leiten Sie diesen Newsletter weiter". Matched at a sentence's start:
# "She forwarded the email to the police." is the story's.
_FORWARD = re.compile(r"(?:(?:forward|send|pass)\s+(?:this|it|the\s+(?:e-?mail|newsletter))\b.{0,40}?\bto\s+"
                      r"(?:a\s+|your\s+)?(?:friends?|colleagues?|someone)|forward\s+this\s+(?:e-?mail|newsletter|issue|message)|"
                      r"(?:was|is)\s+this\s+(?:e-?mail\s+|newsletter\s+|issue\s+)?forwarded\s+to\s+you|"
                      r"(?:got\s+|were\s+you\s+)?forwarded\s+this(?:\s+(?:e-?mail|newsletter|issue))?\s*\?|"
                      r"did\s+(?:someone|a\s+(?:friend|colleague))\s+forward\s+(?:you\s+)?this|"
                      r"reenv[ií]a(?:lo|la)?\s+(?:este|esta|a\s+un)|inoltra(?:lo|la)?\s+(?:quest|a\s+un)|"
                      r"transf[ée]rez\s+(?:cette|ce|à\s+un)|leiten\s+sie\s+dies\w*\s+[\w-]+\s+weiter|"
                      r"(?:dies\w*\s+)?(?:newsletter|e-?mail)\s+weiterleiten)", re.I)
_SIGN_UP = re.compile(r"(?:click\s+here\s+)?(?:to\s+)?(?:subscribe|sign[\s-]?up|register|join)\b", re.I)
# The small print under a sign-up box: "By signing up, you agree to our Terms of Use …", "By
# subscribing you accept our privacy policy", "You may unsubscribe at any time", "Unsubscribe anytime".
_SIGN_UP_TERMS = re.compile(r"by\s+(?:signing\s+up|subscribing|registering|clicking\b[^.!?]{0,30}?|"
                            r"submitting\b[^.!?]{0,30}?|"
                            r"entering\s+your\s+e-?mail(?:\s+address)?|creating\s+an\s+account)\s*(?:below\s*)?,?\s*"
                            r"you\s+(?:(?:hereby\s+)?agree|consent|accept|acknowledge|confirm)|"
                            r"(?:you\s+(?:may|can)\s+)?(?:opt\s+out|unsubscribe)\s+(?:at\s+)?any\s*time", re.I)
# When a publication comes out: "The Kestrel News is published every Friday", "This bulletin is sent
# out each Monday", "Coastline Weekly appears on Thursdays", "Die Zeitung erscheint wöchentlich".
_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?"
_FREQUENCY = (rf"(?:(?:every|each)\s+(?:other\s+)?(?:day|week|weekday|fortnight|month|morning|evening|weekend|{_DAYS})"
              rf"(?:\s+(?:morning|evening|afternoon|night))?|on\s+{_DAYS}|daily|weekly|fortnightly|monthly|quarterly|"
              r"twice\s+(?:a|each|every)\s+(?:week|month)|(?:jeden|jede)\s+\w+|täglich|wöchentlich|monatlich)")
_SCHEDULE = re.compile(rf"(?P<who>[^.!?:]{{1,60}}?)\s+(?:(?:is|are)\s+(?:published|printed|issued|distributed|"
                       rf"sent(?:\s+out)?|delivered|produced|out|updated)|comes?\s+out|appears?|erscheint|erscheinen)\s+"
                       rf"{_FREQUENCY}(?:\s+(?:and|&|und)\s+{_FREQUENCY})?(?:\s+(?:at|by|in|from|to|on)\s+[^.!?]{{1,50}})?[.!]?",
                       re.I)
_PUBLICATION = re.compile(r"(?:this|our|diese[rs]?|unsere?)\s+(?:\w+\s+)?(?:newsletter|paper|newspaper|magazine|"
                          r"bulletin|digest|briefing|edition|issue|site|website|podcast|zeitung|ausgabe)\b", re.I)
_NAME_WORDS = re.compile(r"(?:[A-Z0-9][\w'’&.-]*|the|of|and|&|on|de|la|der|die|das)(?:\s+(?:[A-Z0-9][\w'’&.-]*|the|of|and|&|"
                         r"on|de|la|der|die|das))*")


def _schedule(sentence: str) -> str | None:
    """"own" when ``sentence`` tells when this publication comes out ("This bulletin is sent out
    every Monday"), "named" when it tells it of a title-case name ("The Harbour Courier appears each
    Thursday": a paper's foot line, or a story's "The Retail Price Index is published every month"),
    else None."""
    low = sentence.lower()
    if not any(w in low for w in _SCHEDULE_WORDS):
        return None
    m = _SCHEDULE.fullmatch(sentence.strip())
    if not m or _ATTRIBUTION.search(sentence):
        return None
    who = m.group("who").strip()
    if _PUBLICATION.fullmatch(who):
        return "own"
    return "named" if _NAME_WORDS.fullmatch(who) and who[0].isupper() else None


# A site's pointer to its own policy pages: "Our Standards: The Trust Principles", "Read our
# corrections policy", "Our editorial guidelines", "Our Sources" (a fact-check's list under it).
_OWN_POLICY = re.compile(r"(?:(?:read|see|about)\s+)?(?:our|unsere|nuestr[oa]s|nos)\s+(?:(?:editorial|journalistic|"
                         r"ethical|trust|fact[\s-]?check(?:ing)?|redaktionelle[nr]?|editoriales|éditoriaux)\s+)?"
                         r"(?:standards?|sources|methodology|guidelines|principles|code(?:\s+of\s+(?:ethics|conduct|practice))?|"
                         r"(?:corrections?|ethics|editorial|fact[\s-]?check(?:ing)?)\s+polic(?:y|ies)|quellen|grundsätze|"
                         r"richtlinien|fuentes|principios|normas|principes|sources)"
                         r"(?:\s*[:|–—-]\s*[^.!?:]{1,60})?\.?", re.I)
# What a page shows to tell people from bots, over or instead of the story: "To continue reading,
# please confirm you are not a robot", "Verifying you are human", "Are you a robot?", "Checking
# your browser before accessing …", "We have detected unusual traffic from your network".
_YOU_ARE = r"you(?:'re|’re|\s+are)\s+(?:a\s+|an?\s+actual\s+|a\s+real\s+)?(?:human|person|not\s+a\s+(?:robot|bot))"
_BOT_CHECK = re.compile(
    rf"(?:confirm|verify|prove|show\s+us|check|make\s+sure)\w*\s+(?:that\s+)?{_YOU_ARE}|verifying\s+(?:that\s+)?{_YOU_ARE}|"
    r"are\s+you\s+a\s+(?:robot|bot|human)\s*\?|i(?:'m|’m|\s+am)\s+not\s+a\s+robot|"
    r"checking\s+(?:your\s+browser|if\s+the\s+site\s+connection\s+is\s+secure)|press\s+(?:and|&)\s+hold\s+(?:the\s+button\s+)?to|"
    r"(?:detected|noticed)\s+unusual\s+(?:traffic|activity)\s+from\s+your|complete\s+the\s+(?:security\s+check|captcha)|"
    r"why\s+(?:have\s+i\s+been|am\s+i\s+being|was\s+i)\s+blocked|"
    r"needs?\s+to\s+review\s+the\s+security\s+of\s+your\s+connection|enable\s+javascript\s+and\s+cookies\s+to\s+continue|"
    r"bestätigen\s+sie,?\s+dass\s+sie\s+(?:kein(?:en)?\s+(?:roboter|bot)|ein\s+mensch)|"
    r"(?:confirma|verifica|demuestra)\s+que\s+(?:no\s+)?eres\s+(?:un\s+)?(?:robot|humano)|"
    r"(?:confirmez|vérifiez|prouvez)\s+que\s+vous\s+(?:n['’]êtes\s+pas\s+un\s+robot|êtes\s+(?:un\s+)?humain)", re.I)
# Words each _BOT_CHECK or _SCHEDULE match holds, looked for first: most lines hold none of them.
_BOT_WORDS = ("human", "robot", "bot", "browser", "unusual", "captcha", "security", "blocked", "hold", "javascript",
              "mensch", "humano", "humain")
_SCHEDULE_WORDS = ("every", "each", " on ", "daily", "weekly", "monthly", "fortnight", "quarterly", "twice", "jede",
                   "täglich", "wöchentlich", "monatlich")
_SENTENCES = re.compile(r"(?<=[.!?।])\s+")
_PAYWALL_WORDS = ("subscri", "member", "registered", "free", "complimentary", "reading", "cancel", "unlimited", "abone",
                  "assin", "suscri", "weiterlesen", "kündbar", "monat", "month")
# The lines a press-release wire or a press office adds to a release: "SOURCE Halvard Biotech, Inc."
# (its issuer, the word in capitals), "View original content to download multimedia: https://…", the
# end marks "###", "- 30 -", "ENDS" and the Persian agencies' "انتهای پیام/", and the release's
# terms: "Embargoed until 00:01 GMT Tuesday 3 March", "For immediate release".
_WIRE_LINE = re.compile(r"SOURCE\s+[A-Z][^!?]{0,80}|(?i:view\s+original\s+content(?:\s+to\s+download\s+multimedia)?"
                        r"\s*:?\s*(?:https?://\S+)?)|#{3}|-{3}\s*(?:30|end)\s*-{3}|[-–—\s]*(?:ENDS?|Ends)[-–—\s]*|-\s*30\s*-|"
                        r"/?\s*انتهای\s+پیام\s*/?|[(（]\s*完\s*[)）]|(?i:(?:under\s+)?embargo(?:ed)?\s+(?:until|till|to)\b[^.!?]{1,60}|"
                        r"for\s+immediate\s+release)")
# A company's legal notice on its own statements, in releases and investor news, of any length:
# "Forward-Looking Statements This press release contains forward-looking statements within the
# meaning of …", "Actual results may differ materially …", "… undertakes no obligation to update …".
_SAFE_HARBOR = re.compile(r"(?:forward[\s-]looking\s+statements?|safe\s+harbou?r\s+statement|"
                          r"cautionary\s+(?:note|statement)s?\s+(?:regarding|about|on)\s+forward[\s-]looking)\b.{0,40}?\b(?:within\s+the\s+meaning|"
                          r"(?:this|the)\s+(?:press\s+)?(?:release|announcement|document)\s+(?:contains|includes|may\s+contain))|"
                          r"^(?:forward[\s-]looking\s+statements?|safe\s+harbou?r(?:\s+statement)?|cautionary\s+(?:note|"
                          r"statement)s?\s+(?:regarding|about|on)\s+forward[\s-]looking\s+statements?)\s*:?$|"
                          r"actual\s+results\s+(?:may|could|might)\s+differ\s+materially|"
                          r"undertakes?\s+no\s+(?:obligation|duty)\s+to\s+(?:publicly\s+)?(?:update|revise)", re.I)
_SAFE_HARBOR_WORDS = ("forward", "harbo", "differ materially", "no obligation", "no duty")
# A paywall's or meter's lines: "Already a subscriber? Log in", "You've used all of your free articles
# for this month", "This article is for subscribers", "Subscribe to continue reading", "Cancel anytime".
_PAYWALL = re.compile(
    r"already\s+(?:a\s+|an\s+)?(?:subscriber|member|registered)|"
    # … in Portuguese and Spanish: "Já é assinante?", "¿Ya eres suscriptor?", "Este conteúdo é exclusivo para assinantes"
    r"(?:já\s+é|ya\s+eres|ya\s+estás)\s+(?:assinante|suscriptor|suscrito)|"
    r"(?:este|esse|esta|essa)\s+(?:conteúdo|contenido|matéria|reportagem|artículo|nota|notícia|noticia)\s+(?:é|es)\s+"
    r"(?:exclusiv[oa]\s+)?(?:para|de)\s+(?:nossos\s+|nuestros\s+)?(?:assinantes|suscriptores)|"
    # an offer with its price: "Subscribe for just $1 a week", "Assine por R$ 1,90 no primeiro mês"
    r"(?:subscribe|assine|suscríbete)\s+(?:now\s+|today\s+|já\s+|ya\s+)?(?:for|from|at|por|desde|a\s+partir\s+de)\s+"
    r"(?:just\s+|only\s+|apenas\s+|só\s+|solo\s+|sólo\s+)?(?:R\$|US\$|[$€£])\s?\d|"
    r"you(?:'ve|’ve|\s+have)\s+(?:used|read|reached|viewed|enjoyed|got|\d+)\b[^.!?]{0,40}?\b(?:free|complimentary)\s+"
    r"(?:articles?|stories|reads|views)|"
    r"(?:this|the\s+rest\s+of\s+this)\s+(?:article|story|content|piece)\s+is\s+(?:only\s+|exclusively\s+)?"
    r"(?:for|available\s+(?:to|for)|reserved\s+for|exclusive\s+to)\s+(?:our\s+|paying\s+)?(?:subscribers|members)|"
    r"(?:subscribe|sign\s+in|log\s+in|register)\s+(?:now\s+|today\s+)?to\s+(?:continue|keep)\s+reading|"
    r"to\s+(?:continue|keep)\s+reading,?\s+(?:please\s+)?(?:subscribe|sign\s+in|log\s+in|register)|"
    r"cancel\s+(?:at\s+)?any\s*time|"
    # … in German: "Weiterlesen mit Z+" (a paywall box's heading), "jederzeit kündbar" (cancel anytime); and
    # the price after a trial: "4 Wochen für 0 €, danach 9,99 € im Monat", "free for 30 days, then $9.99 a month"
    r"^(?:jetzt\s+)?weiterlesen\s+mit\s+\S+(?:\s+\S+)?$|jederzeit\s+kündbar|"
    r"(?:danach|anschließend)\s+(?:nur\s+)?\d+(?:,\d{2})?\s*€\s*(?:im|pro|/)\s*monat|"
    r"then\s+(?:just\s+|only\s+)?[$€£]\s?\d+(?:\.\d{2})?\s*(?:a|per|/)\s*month|unlimited\s+(?:digital\s+)?access\s+(?:for|from)\s+(?:just\s+|only\s+)?[$€£]|"
    # an agency's note that its site shows subscribers' stories in summary, and whom to ask for a subscription:
    # "… abonelere sunulan haberler özetlenerek yayımlanmaktadır. Abonelik için lütfen iletişime geçiniz."
    r"for\s+subscription\s+(?:enquiries|inquiries|information|details),?\s+(?:please\s+)?contact|"
    r"abonelere\s+sunulan\s+haberler|abonelik\s+için\s+(?:lütfen\s+)?(?:bizimle\s+)?iletişime\s+geç", re.I)
# What a site says of itself under a story: a fact-checker's accreditation ("Truthline is a verified
# signatory of the International Fact-Checking Network's code of principles"), its platform partnership
# ("This article is part of our work with Meta's third-party fact-checking programme"), a syndicated
# copy's origin ("This article originally appeared on The Capitol Ledger: …"), a pointer to how it
# works ("Read more about how we work with …", "Read about our methodology …"), and its ratings'
# label ("How we rate claims: True, Mostly true, …"). Matched at a sentence's start.
_FACT_CHECK_BODIES = (r"(?:international\s+fact[\s-]?checking\s+network|ifcn|red\s+internacional\s+de\s+"
                      r"verificaci[oó]n(?:\s+de\s+(?:datos|hechos))?|rede\s+internacional\s+de\s+checagem(?:\s+de\s+fatos)?|"
                      r"european\s+fact[\s-]?checking\s+standards\s+network|efcsn)")
_OUTLET_NOTE = re.compile(
    rf"[^.!?]{{1,60}}?\s+(?:is|are)\s+(?:a\s+|an\s+)?(?:(?:verified|certified|accredited|registered)\s+)?"
    rf"(?:signator(?:y|ies)|members?|partners?)\s+(?:of|to|in)\s+(?:the\s+)?{_FACT_CHECK_BODIES}|"
    rf"[^.!?]{{1,60}}?\s+(?:is|are|has\s+been)\s+(?:verified|certified|accredited)\s+by\s+(?:the\s+)?{_FACT_CHECK_BODIES}|"
    # … in Spanish and Portuguese: "Verificado Sur es signatario verificado de la Red Internacional de …"
    rf"[^.!?]{{1,60}}?\s+(?:es|é|son|são)\s+(?:una?\s+)?(?:signatari[oa]s?|miembros?|membros?)\s+"
    rf"(?:(?:verificad[oa]s?|certificad[oa]s?)\s+)?(?:de|da|do|del)\s+(?:la\s+|a\s+|o\s+)?{_FACT_CHECK_BODIES}|"
    r"(?:this\s+(?:[\w-]+\s+){1,2}(?:is|was)\s+(?:written\s+|produced\s+|published\s+)?(?:as\s+)?part\s+of|"
    r"we\s+are\s+(?:a\s+)?(?:part|partners?|participants?)\s+(?:of|in))\s+[^.!?]{0,60}?"
    r"third[\s-]party\s+fact[\s-]?checking\s+program(?:me)?|"
    r"(?:this\s+(?:article|story|post|piece|report|column)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published|ran)|"
    r"originally\s+published)\s+(?:on|in|at|by)\b|"
    r"(?:read|learn|find\s+out)\s+(?:more\s+)?about\s+(?:our|how\s+we)\b|"
    r"how\s+we\s+(?:rate|check|fact[\s-]?check|verify|grade)\b[^:.!?]{0,30}:", re.I)
_OUTLET_NOTE_WORDS = ("fact", "ifcn", "efcsn", "originally", "first", "about", "how we", "internacional")
# A paper's note that the story was also printed, with the page and the printed headline, of any length: "A version
# of this article appears in print on Nov. 15, 2026, Section A, Page 14 … with the headline: …", "This story
# appeared in the November 2026 issue".
_PRINT_NOTE = re.compile(r"(?:a\s+version\s+of\s+)?this\s+(?:article|story|piece|column|review|essay|interview)\s+"
                         r"(?:also\s+)?appear(?:s|ed)\s+in\s+(?:print|the\s+[^.!?]{0,40}?\b(?:edition|issue))\b", re.I)
# A syndicating site's note that it did not edit an agency's copy, of any length: "(Only the headline and picture of
# this report may have been reworked by the … staff; the rest of the content is auto-generated from a syndicated
# feed.)", "(This story has not been edited by … staff and is auto-generated from a syndicated feed.)".
_FEED_NOTE = re.compile(r"(?:auto(?:matically)?[\s-]?generated|generated\s+automatically)\s+from\s+(?:a\s+|an\s+)?"
                        r"(?:syndicated|agency|wire)\s+(?:news\s+)?feed|(?:this|the)\s+(?:story|article|report|copy|"
                        r"content)\s+(?:(?:has|have)(?:\s+not|n['’]t)\s+been|(?:was|were)(?:\s+not|n['’]t))\s+"
                        r"edited\s+by\s+[^.!?;]{1,40}?\bstaff|(?:headline|picture|photo)s?\b[^.!?;]{0,40}?\bmay\s+"
                        r"have\s+been\s+reworked\s+by\s+[^.!?;]{1,40}?\bstaff", re.I)
# An opinion page's note that its pieces are their writers' views: "The views expressed are the author's own
# and do not necessarily reflect those of …", "Os artigos de opinião não refletem necessariamente a posição do …".
# A live blog's label on the post it keeps on top: "📌 Pinned", "Pinned post", "Fijado", "Закреплено".
_PINNED = re.compile(r"(?:pinned(?:\s+(?:post|update|entry|message))?|fijad[oa]|fixad[oa]|épinglé|angeheftet|"
                     r"fissat[oa]|przypięt[ye]|закреплено|закріплено|مثبت)", re.I)
# A Portuguese columnist's note on the spelling used: "O autor escreve de acordo com a antiga ortografia",
# "… escreve segundo o antigo Acordo Ortográfico".
_OLD_SPELLING = re.compile(r"(?:o|a)\s+autora?\s+(?:escreve|não\s+escreve)\s+"
                           r"(?:de\s+acordo\s+com|segundo|ao\s+abrigo\s+d[oa])\s+"
                           r"(?:a\s+antiga\s+ortografia|o\s+(?:antigo|novo)\s+acordo\s+ortogr[aá]fico)", re.I)
_VIEW_VERBS = "reflect|represent|refletem|reflete|representam|representa|reflejan|refleja|representan"
_VIEWS_DISCLAIMER = re.compile(rf"[^.!?]{{0,80}}?\b(?:views?|opinions?|opini[oõ]n(?:es)?|opinião|opiniões|articles?|"
                               rf"artigos?|artículos?|columns?|colunas?|columnas?)\b[^.!?]{{0,80}}?\b(?:do|does|não|no)\s+"
                               rf"(?:not\s+)?(?:(?:necessarily|necessariamente|necesariamente)\s+(?:{_VIEW_VERBS})|"
                               rf"(?:{_VIEW_VERBS})\s+(?:necessarily|necessariamente|necesariamente))", re.I)
# A signature line of a name (and title) with an e-mail address: "김민준 기자 minjun@…", "Ana Ruiz aruiz@…".
_EMAIL_SIGNATURE = re.compile(r"(?:[^\W\d_][\w'’.-]*\s+){1,4}[\w.+-]+@[\w-]+\.[\w.-]+")
# A line of a post's counters, one of them shortened as counters are (claps, likes, comments): "1.2K 34".
_COUNTERS = re.compile(r"(?=.*\d[KkMm]\b)(?:\d+(?:[.,]\d+)?[KkMm]?\s*){1,4}")
# A related post's category as WordPress's Jetpack prints it under the post's link: In "Politics".
_CATEGORY_CONTEXT = re.compile(r"in\s+[\"“„«][^\"“”„«»]{1,40}[\"”“»]", re.I)
MAX_MASTHEAD_WORDS = 40  # a part before the headline's own part: a site's name, tagline, date bar


def _leaf_blocks(tree: HtmlElement) -> list:
    """The blocks of ``tree`` with no block inside them, in page order: the lines a reader sees.
    One walk (a page may nest thousands of wrappers)."""
    from lxml import etree

    leaves, stack = [], []  # per open element: whether a block lies inside it
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            stack.append(False)
            continue
        inner = stack.pop()
        block = isinstance(el.tag, str) and el.tag in _BLOCK_TAGS
        if block and not inner and el.tag != "h1":
            leaves.append(el)
        if stack and (block or inner):
            stack[-1] = True
    return leaves


def _word_count(el: HtmlElement, most: int) -> int:
    """Words under ``el``, counted up to ``most`` + 1 only (a wrapper may hold megabytes)."""
    count = 0
    for text in el.itertext():
        count += len(text.split())
        if count > most:
            break
    return count


def _words(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


# What may stand before a call to act's verb: pictographs, arrows, bullets (no letter, digit, quotation mark).
_LEADING_SYMBOLS = re.compile(r"^[^\w\"“”„«»'‘’(¡¿]+")


def _call_to_act(segment: str) -> bool:
    """Whether ``segment`` (a sentence or a part before a colon) asks the reader to act: it starts
    with an acting verb ("Follow", "Udostępnij"; second after a short object, "Artikel teilen"),
    is at most 15 words, and speaks to the reader within four words of it or ends as no sentence
    does. "Share prices fell." and "Support for the plan grew." are sentences about something.
    Pictographs and arrows before the verb ("👉 Subscribe …", "→ Follow us") are no words of it, nor
    a clause to the reader before it ("If you value this work, support us …", ``_READER_IF``); Hindi
    calls put the verb last (``_HINDI_CALL``).
    An ask for money with its sum ("Give $5 a month and keep …", ``_DONATION_ASK``) is one however
    far the reader's words come."""
    segment = _LEADING_SYMBOLS.sub("", segment)
    if m := _READER_IF.match(segment.lstrip()):
        segment = segment.lstrip()[m.end():]
    if _DONATION_ASK.match(segment.lstrip()) or (len(segment.split()) <= 20 and _HINDI_CALL.search(segment)):
        return True
    head = [w.strip("()[]¡¿!?.,:;'’").lower() for w in re.split(r"[\s-]+", segment.lstrip(), maxsplit=2)[:2]]
    if not _ACT_VERBS.intersection(head):  # the usual case, decided without splitting the whole line
        return False
    words = [w.strip("()[]¡¿!?.,:;'’").lower() for w in re.split(r"[\s-]+", segment) if w]  # "Suivez-nous"
    if not words or len(words) > 15:
        return False
    ended = bool(_SENTENCE_END.search(segment.rstrip()))
    if words[0] in _ACT_VERBS:
        return (not segment.rstrip().endswith(".") or bool(_READER_WORDS & set(words[1:5]))
                or words[0] in _READER_VERBS)
    return 1 < len(words) <= 3 and words[1] in _ACT_VERBS and not ended


def furniture_line(text: str) -> bool:
    """Whether a line of a page (``text``, white space collapsed) does the page's job rather than
    tell the story: a copyright line, an ad placeholder, a reading time, a label and a web address
    ("Article URL: https://…"), a bar of three or more controls of a few words each, a short
    line calling the reader to act (``_call_to_act``) or to write or call, with the address, a
    pointer to the site's own standards or sources (``_OWN_POLICY``), a bot check (``_BOT_CHECK``),
    a note that this publication comes out every Friday (``_schedule``), and a line of such notices
    ("The Courier is published every Friday. Advertising: 01632 960811."). Lines with quotation
    marks in them are the article's."""
    if not text:
        return False
    low = text.lower()
    if any(w in low for w in _SAFE_HARBOR_WORDS) and _SAFE_HARBOR.search(text) and not _ATTRIBUTION.search(text):
        return True  # a legal notice, however long, its terms quoted or not
    if "appear" in low and _PRINT_NOTE.match(text) and not _ATTRIBUTION.search(text):
        return True  # a print-edition note, however long its printed headline
    if ("feed" in low or "staff" in low) and _FEED_NOTE.search(text) and not _ATTRIBUTION.search(text):
        return True  # a syndicating site's note on an agency's copy it did not edit
    if _CATEGORY_CONTEXT.fullmatch(text) or _COUNTERS.fullmatch(text):
        return True
    if len(text.split()) > MAX_LINE_WORDS or _QUOTES.search(text):
        return False
    if _furniture_sentence(text) or _schedule(text) == "own" or _notices(text):
        return True
    low = text.lower()
    if not any(w in low for w in _SCHEDULE_WORDS):  # a line of notices holds a schedule
        return False
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    if len(sentences) < 2:
        return False
    # a publisher's line of notices: each sentence one, a schedule among them and one at least no schedule
    kinds = [True if _furniture_sentence(s) else _schedule(s) for s in sentences]
    return all(kinds) and True in kinds and any(k in ("own", "named") for k in kinds)


def _notices(text: str) -> bool:
    """Whether a line of two sentences or more is notices, each sentence one (``_furniture_sentence``:
    "This article is part of … programme. Read more about how we work …"), where a reader's question
    may lead into one ("Found something you think needs checking? Send it to us on WhatsApp.") and,
    when the last sentence calls the reader to act, the others may be the site speaking of itself
    ("We don't take a dime from advertisers. If you value this work, support us …")."""
    sentences = [s.strip() for s in _SENTENCES.split(text) if s.strip()]
    # the last sentence is a notice (looked at first: a story's line is decided with one look)
    if len(sentences) < 2 or not _furniture_sentence(sentences[-1]):
        return False
    calls = _call_to_act(sentences[-1])
    following = True  # whether the sentence after the one looked at is a notice
    for sentence in reversed(sentences[:-1]):
        if _furniture_sentence(sentence):
            following = True
            continue
        if following and _READER_QUESTION.fullmatch(sentence):
            following = False
            continue
        if calls and len(sentence.split()) <= 15 and _OUTLET_WE.search(sentence):
            following = False
            continue
        return False
    return True


_OUTLET_WE = re.compile(r"\b(?:we|we're|we’re|our|us)\b", re.I)


def _paywall_line(text: str) -> bool:
    """Whether ``text`` is a line of a paywall or meter (``_PAYWALL``), no one said to say it."""
    low = text.lower()
    return (any(w in low for w in _PAYWALL_WORDS) and bool(_PAYWALL.search(text))
            and not _ATTRIBUTION.search(text))


def _bot_check(text: str) -> bool:
    """Whether ``text`` is what a site shows to tell people from bots (``_BOT_CHECK``), no one said to say it."""
    low = text.lower()
    return any(w in low for w in _BOT_WORDS) and bool(_BOT_CHECK.search(text)) and not _ATTRIBUTION.search(text)


def _furniture_sentence(text: str) -> bool:
    """Whether ``text`` (a line, or one sentence of it) is one of ``furniture_line``'s kinds."""
    bare = text.strip(" .…:()[]-–—")
    if legal_line(text) or _AD_LABEL.fullmatch(bare) or _READING_TIME.fullmatch(text):
        return True
    if _OWN_POLICY.fullmatch(text) or _bot_check(text) or _paywall_line(text) or _WIRE_LINE.fullmatch(text.strip()):
        return True
    if _CONTINUES.fullmatch(bare) or _PAGER.fullmatch(bare) or _labelled_contact(text) or _slide_counter(bare):
        return True
    if _SELL_PHOTOS.match(text) and len(text.split()) <= MAX_SELL_WORDS and not _ATTRIBUTION.search(text):
        return True
    if _LABELLED_ADDRESS.fullmatch(text) or _COMMENT_LINE.fullmatch(bare) or _transcript_note(text):
        return True
    if _newsletter_pitch(text) or _GIFT_PITCH.search(text) or _outlet_note(text) or _EMAIL_SIGNATURE.fullmatch(text):
        return True
    if "necess" in text.lower() and _VIEWS_DISCLAIMER.match(text) and not _ATTRIBUTION.search(text):
        return True
    if _PINNED.fullmatch(_LEADING_SYMBOLS.sub("", bare)) or _OLD_SPELLING.match(text):
        return True
    parts = [p for p in _CONTROL_BAR.split(text) if p.strip()]
    if any(_READING_TIME.fullmatch(p.strip()) for p in parts):  # "6 min read · Jul 22"
        return True
    if len(parts) >= 3 and all(len(p.split()) <= 3 and not _SENTENCE_END.search(p) for p in parts):
        return True
    segments = _SEGMENT.split(text)
    if any(s.split()[0].strip("¡¿(").lower() in _CONTACT_VERBS for s in segments if s.split()) and _CONTACT.search(text):
        return True  # asks to be written to or called, and gives the address or number: "Email tips@…"
    return any(_call_to_act(s) for s in segments)


# An offer to sell the page's pictures: "Buy photos from this gallery: prints from $14.99.", "Buy Photo",
# "Order a print", "Order Reprints", "Purchase this image".
_SELL_PHOTOS = re.compile(r"(?:buy|order|purchase)\s+(?:(?:a|an|this|the|these|our)\s+)?(?:photo(?:graph)?|print|reprint|"
                          r"picture|image)s?\b", re.I)
MAX_SELL_WORDS = 15
# A slideshow's counter: "1 of 5", "3 / 12", "2 von 8".
_SLIDE_COUNTER = re.compile(r"(\d{1,3})\s+(?:of|/|von|de|di|z|из|з)\s+(\d{1,3})", re.I)


def _slide_counter(text: str) -> bool:
    """Whether ``text`` is a slideshow's counter alone (``_SLIDE_COUNTER``): the first number no larger."""
    m = _SLIDE_COUNTER.fullmatch(text)
    return bool(m) and 1 <= int(m.group(1)) <= int(m.group(2))


def _outlet_note(text: str) -> bool:
    """Whether ``text`` opens with what a site says of itself under a story (``_OUTLET_NOTE``: a
    fact-checker's accreditation or platform partnership, a syndicated copy's origin, a pointer to how
    it works), no one said to say it."""
    low = text.lower()
    return (any(w in low for w in _OUTLET_NOTE_WORDS) and bool(_OUTLET_NOTE.match(text.strip()))
            and not _ATTRIBUTION.search(text))


def _transcript_note(text: str) -> bool:
    """Whether ``text`` is a page's note on its own transcript (``_TRANSCRIPT_NOTE``): it opens
    with the transcript ("This transcript …", "This episode's transcript …", "Captions …") and says
    a machine made it or that it may hold errors, with no one said to say so ("…, critics said."
    is a sentence of a story, and so is one about "the transcript" of a hearing)."""
    return bool(_TRANSCRIPT_NOTE.match(text)) and not _ATTRIBUTION.search(text)


_ATTRIBUTION = re.compile(r"\b(?:said|says|added|claim(?:s|ed)?|told|reported|wrote|according\s+to)\b", re.I)


def _newsletter_pitch(text: str) -> bool:
    """Whether ``text`` pitches the outlet's newsletter or print copy (``_OUR_NEWSLETTER``, ``_INBOX``),
    gives a sign-up box's small print (``_SIGN_UP_TERMS``), or asks for it to be passed on
    (``_FORWARD``: "Pass it on to a colleague")."""
    if _OUR_NEWSLETTER.search(text) or (_INBOX.search(text) and _DELIVERY.search(text)):
        return True
    if _SIGN_UP_TERMS.match(text.lstrip("(*† ")) and not _ATTRIBUTION.search(text):
        return True
    return any((_SIGN_UP.match(s) and _NEWSLETTER.search(s)) or _FORWARD.match(s.lstrip("¡¿(«\"' "))
               for s in _SEGMENT.split(text))


_LABEL = re.compile(r"([^:]{1,40}):\s*(.+)")
_LONG_NUMBER = re.compile(r"(?:\d[\s()./-]?){9,}")


def _labelled_contact(text: str) -> bool:
    """Whether ``text`` is a label and where to write or call, with at most a few words besides
    the addresses and numbers: "Media enquiries: Press Office, 020 7946 0123, press@…", "Night
    desk: 07700 900461". A number counts when it has nine digits or more (a phone's), so a year
    or a sum after a colon is a line of the article."""
    m = _LABEL.fullmatch(text) if ":" in text else None
    if not m:
        return False
    rest = m.group(2)
    found = [c for c in _CONTACT.findall(rest) if "@" in c or _LONG_NUMBER.search(c)]
    for c in found:
        rest = rest.replace(c, " ")
    return bool(found) and len(re.findall(r"[^\W\d_]+", rest)) <= 4


def _control_container(control: HtmlElement, holders: set[int]) -> tuple[HtmlElement, int] | None:
    """The box a form or button sits in and how many sentence-long blocks it holds, when that box
    is a few words around it (a signup box, a cookie notice) with at most one such block and not
    the page's <h1> (``holders``: the ids of the elements holding it): else None (the control
    alone goes). A block that is itself furniture (a pitch, "By signing up, you agree to our terms")
    is no sentence of a story: a newsletter box of a pitch and its small print went only in part."""
    box = next((a for a in control.iterancestors() if a.tag in _CONTAINERS), None)
    if box is None or id(box) in holders or _word_count(box, MAX_CONTROL_WORDS) > MAX_CONTROL_WORDS:
        return None
    long_blocks = [b for b in box.iter("p", "li", "div", "h2", "h3", "h4") if b is not box
                   and b.find(".//p") is None and len((words := _words(b)).split()) >= 8 and not furniture_line(words)]
    if not long_blocks and box.text and len(box.text.split()) >= 8:
        long_blocks = [box]
    return (box, len(long_blocks)) if len(long_blocks) <= 1 else None


MAX_COLOPHON_LINE = 20  # words of a line in a page's closing legal block; an article's paragraph is longer


def _br_lines(el: HtmlElement) -> list[str]:
    """The lines of ``el``'s text as <br> breaks them, white space collapsed, empty ones left out."""
    from lxml import etree

    lines, parts = [], []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start" and node.tag == "br":
            lines.append(" ".join("".join(parts).split()))
            parts = []
        elif event == "start" and isinstance(node.tag, str):
            parts.append(node.text or "")
        elif event == "end" and node is not el:
            parts.append(node.tail or "")
    lines.append(" ".join("".join(parts).split()))
    return [line for line in lines if line]


def colophon(el: HtmlElement, words: str, holders: set[int]) -> HtmlElement | None:
    """The page's closing legal block that the line ``el`` opens or closes, or None: a box that
    begins or ends with a copyright line ("© 2025 The Herald. All rights reserved.") and holds
    only short lines besides (``MAX_COLOPHON_LINE`` words, ``MAX_CONTROL_WORDS`` in all), none
    of them the page's <h1> (``holders``): a publisher's registration, its postal address, "You
    are receiving this email because …", "unsubscribe". ``el`` is the box when <br>s break it
    into those lines (an e-mail's footer cell), else the box it sits in; ``words`` are its words.
    The copyright line alone was taken out, the lines around it read as the article's last
    sentences."""
    def rights(line: str) -> bool:
        return len(line.split()) <= MAX_LINE_WORDS and not _QUOTES.search(line) and legal_line(line)

    if not legal_line(words):
        return None
    box, lines = el, _br_lines(el)
    if len(lines) < 2:
        if not lines or not rights(lines[0]):
            return None
        box = next((a for a in el.iterancestors() if a.tag in _CONTAINERS), None)
        if box is None or box.tag == "body":
            return None
        lines = [w for b in _leaf_blocks(box) if (w := _words(b))]
    if id(box) in holders or not lines or not (rights(lines[0]) or rights(lines[-1])):
        return None
    if _word_count(box, MAX_CONTROL_WORDS) > MAX_CONTROL_WORDS:
        return None
    return box if all(len(line.split()) <= MAX_COLOPHON_LINE or rights(line) for line in lines) else None


def masthead_parts(root: HtmlElement, title: str | None) -> list:
    """The short parts of a page's <body> (``root``) before the part that holds its
    headline: the siblings before each ancestor of the <h1> above the h1's own box, of at most
    ``MAX_MASTHEAD_WORDS`` words each (a site's name and tagline, a date bar), when the <h1> is
    the headline: three words or more, all in the page's <title> (``title``). A page with no such <h1> (one
    whose <h1> is the site's logo, or sits at the foot of the page) gives none: what comes before
    it may be the article. A part that is a date alone ("Issue 12 · Monday, 3 March 2025",
    ``meta_line``) stays for trafilatura to date the page by (``without_meta_lines`` takes it out
    of the text): an e-mail newsletter's issue line is where it says when it was sent."""
    h1 = next((h for h in root.iter("h1") if len(_words(h).split()) >= 3), None)
    if h1 is None or _words(h1) not in (title or ""):
        return []
    parts = []
    box = h1.getparent()
    while box is not None and box is not root and box.getparent() is not None:
        parts += [sib for sib in box.itersiblings(preceding=True) if isinstance(sib.tag, str)
                  and _word_count(sib, MAX_MASTHEAD_WORDS) <= MAX_MASTHEAD_WORDS and not meta_line(_words(sib))]
        box = box.getparent()
    return parts


def drop_page_furniture(tree: HtmlElement, title: str | None = None) -> None:
    """Remove from ``tree`` the page's landmarks and hidden parts, its forms and buttons with the
    boxes they sit in, and its furniture lines (``furniture_line``, a caption ending with its
    picture's credit, ``credited_caption``, and a short line the page says twice outside
    paragraphs), a press release's closing sections (``release_tail``), never a part with the
    page's <h1> nor (``drop_unless_large``) a quarter of its text. trafilatura kept these as the
    article's sentences on templates it did not know: taglines, "Follow us on Telegram", "© 2025",
    newsletter and donation boxes. ``title`` is the page's <title> (``page_title``), which says
    whether its <h1> is the headline."""
    from lxml import etree

    body = tree.find(".//body")
    root = body if body is not None else tree
    seen: dict[str, int] = {}  # counted before anything goes: a tagline's other copy may be in the masthead
    for el in _leaf_blocks(root):
        if el.tag in _SUBHEADINGS or el.tag == "p" or _data_item(el):
            continue
        if 0 < len((words := _words(el)).split()) <= 12:
            seen[words] = seen.get(words, 0) + 1
    held = [el for h1 in root.iter("h1") for el in (h1, *h1.iterancestors())]  # kept: an id() outlives no proxy
    holders = {id(el) for el in held}
    marks = [el for el in etree.XPath(_LANDMARKS)(root) if id(el) not in holders]
    drop_unless_large(tree, marks + masthead_parts(root, title))
    # A dialog over the page (a cookie-settings modal's paragraphs on each kind of cookie) may hold
    # more words than a short story; it is the article only where it holds the page's <h1>, and on a
    # page without one, where it holds half of the page's words.
    drop_unless_large(tree, [el for el in etree.XPath(_DIALOGS)(root) if id(el) not in holders],
                      share=1 if holders else 2)
    controls = list(root.iter("form"))
    controls += [el for el in root.iter(*_CONTROLS, "a") if el.tag != "a" or (el.get("role") or "") == "button"
                 or _BUTTON_CLASS.search(el.get("class") or "")]
    boxes: dict[int, tuple[HtmlElement, int] | None] = {}
    parents, found = [], []
    for control in controls:
        parents.append(next((a for a in control.iterancestors() if a.tag in _CONTAINERS), None))
        if id(parents[-1]) not in boxes:
            boxes[id(parents[-1])] = _control_container(control, holders)
    # A box with a sentence in it is a notice (cookies, an appeal) when the page has one or two;
    # many are its entries (a live blog's posts, each with its share buttons beside its paragraph).
    worded = sum(1 for box in boxes.values() if box is not None and box[1])
    for control, parent in zip(controls, parents):
        box = boxes[id(parent)]
        found.append(box[0] if box is not None and (not box[1] or worded <= MAX_NOTICES) else control)
    drop_unless_large(tree, found)
    lines = [(el, _words(el)) for el in _leaf_blocks(root)]
    repeats = repeated_paragraphs(root)  # looked for while the pinned post's label is there
    legal = [box for el, words in lines if (box := colophon(el, words, holders)) is not None]
    legal += [box for h in root.iter(*_SUBHEADINGS) if _BOX_HEAD.fullmatch(_words(h).rstrip(":"))
              and (box := h.getparent()) is not None and box.tag in _CONTAINERS and id(box) not in holders
              and _word_count(box, MAX_BIO_WORDS) <= MAX_BIO_WORDS]
    legal += closing_sections(root, holders)
    authors, outlets = page_authors(root), page_outlets(root, title)
    drop_unless_large(tree, [el for el, words in lines if furniture_line(words) or tagline_bio(el, words, authors)
                             or author_line(words, authors) or outlet_byline(words, outlets)
                             or credited_caption(words) or (seen.get(words, 0) > 1 and not _data_item(el))])
    drop_unless_large(tree, [el for el in repeats if el.getparent() is not None])
    drop_unless_large(tree, release_tail(root, holders))
    # A short newsletter's legal block may be a quarter of its words; only half of them is an article.
    drop_unless_large(tree, [box for box in legal if box.getparent() is not None], share=2)


# A label of a fact check's or report's list of what it drew on that names what the list is for: "The main
# sources for this fact check", "Die wichtigsten, öffentlichen Quellen für diesen Faktencheck", "Sources used in
# this article"; not "Sources said the talks …".
_SOURCES_LABEL = re.compile(r"(?:[^\W\d_][\w'’-]*,?\s+){0,3}(?:sources|quellen|fuentes|fontes|fonti|источники|źródła)\s+"
                            r"(?:used\s+)?(?:for|of|in|für|zu|para|de|del|per|di|для|dla|pour)\s+(?:this|these|the|diesen|"
                            r"diese[mnrs]?|den|dem|este|esta|esse|essa|questo|questa|этой|этого|tego|tej|cet|cette|ce)\s+"
                            r"[^\W\d_][\w'’-]*(?:[\s-][^\W\d_][\w'’-]*)?", re.I)


def closing_sections(root: HtmlElement, holders: set[int]) -> list:
    """A "Sources" or "About the author" heading (``_BOX_HEAD``), or a bold line alone that labels a
    sources list for the story (``_lead_label``, ``_SOURCES_LABEL``), that closes a box larger than its
    section (the story's own), with the blocks after it to the box's end, when those hold at most
    ``MAX_BIO_WORDS`` words and, under a "Sources" heading, are lists or lines that end no sentence
    ("Grid operator, Annual balancing cost report 2025-26"): a fact-check's list of what it drew on
    was read as the story's last lines. A "Sources" section with sentences after it, or with another
    section after it, is the story's."""
    found = []
    for h in root.iter(*_SUBHEADINGS, "p"):
        label = (_lead_label(h) or "").rstrip(": ")
        if not label or not (_BOX_HEAD.fullmatch(label) or _SOURCES_LABEL.fullmatch(label)) or id(h) in holders:
            continue
        after = [sib for sib in h.itersiblings() if isinstance(sib.tag, str)]
        if not after or any(id(sib) in holders or sib.tag in _HEADINGS for sib in after):
            continue
        if sum(_word_count(sib, MAX_BIO_WORDS) for sib in after) > MAX_BIO_WORDS:
            continue
        if not _ABOUT_AUTHOR.fullmatch(label) and not all(
                sib.tag in ("ul", "ol", "dl") or not _SENTENCE_END.search(_words(sib)) for sib in after):
            continue
        found += [h, *after]
    return found


MIN_REPEATED_WORDS = 15  # a paragraph, not a short line
MAX_PINNED_WORDS = 400  # a pinned post's box: a few paragraphs, not the live blog's whole feed


def repeated_paragraphs(root: HtmlElement) -> list:
    """The copies elsewhere on the page of the paragraphs (``MIN_REPEATED_WORDS`` words or more) of a
    live blog's pinned post, the box around a "📌 Pinned" label (``_PINNED``) up to the first one
    with such a paragraph in it: the post is also in its place in the feed, and was read twice. The
    pinned copy, the first, stays. Other paragraphs a page says twice stay twice: on real pages they
    are the article's (a meal plan's same dish on two days, an interviewer's question repeated)."""
    leaves = _leaf_blocks(root)
    pinned_boxes, pinned = [], set()
    for el in leaves:
        if not _PINNED.fullmatch(_LEADING_SYMBOLS.sub("", _words(el)).strip(" .:")):
            continue
        for box in el.iterancestors():
            if box is root or _word_count(box, MAX_PINNED_WORDS) > MAX_PINNED_WORDS:
                break
            texts = {w for b in _leaf_blocks(box) if len((w := _words(b)).split()) >= MIN_REPEATED_WORDS}
            if texts:
                pinned_boxes.append(box)
                pinned |= texts
                break
    if not pinned:
        return []
    inside = {id(el) for box in pinned_boxes for el in box.iter()}
    return [el for el in leaves if id(el) not in inside and _words(el) in pinned]


# A picture's credit at the end of its caption, as agencies write it: "(Xinhua/Zhao Wen)", "(AP
# Photo/Jane Roe)", "(Photo by Wang Yue/Xinhua)", "(Photo: Reuters)", "(Image: Getty Images)".
_CAPTION_CREDIT = re.compile(r"(?:^|(?<=[.!?…\s]))\((?:[^()/]{1,40}/[^()/]{1,40}|(?:photo(?:graph)?|image|picture|foto|"
                             r"pic|video)s?\s*(?:by\s+|:\s*|courtesy(?:\s+of)?\s+)[^()]{1,60})\)$", re.I)
# … or with its copyright credit after a finished sentence: "… vendredi soir. © Jean Morel / L'Écho du Sud", "… © AFP".
_COPYRIGHT_CREDIT = re.compile(r"(?<=[.!?…])\s+©\s*[^.!?©]{1,60}$")
# … or with its labelled credit: "Las unidades nuevas tendrán aire acondicionado. Foto: Archivo", "… Photo: AP".
_LABELLED_CREDIT = re.compile(r"(?<=[.!?…])\s+(?:photo|foto|фото|bild|imagen|image|picture)s?\s*:\s*[^.!?:©]{1,40}$", re.I)
MAX_CAPTION_WORDS = 60


def credited_caption(words: str) -> bool:
    """Whether the block of ``words`` is a picture's caption that ends with its credit
    (``_CAPTION_CREDIT``, or "© Name / Outlet", ``_COPYRIGHT_CREDIT``, or "Foto: Archivo",
    ``_LABELLED_CREDIT``) after a finished sentence or
    alone: state agencies print captions as
    paragraphs between the story's ("Geese rest on a lake, April 7. (Xinhua/Zhao Wen)"), read as
    the story's sentences. A source in brackets inside a sentence ("a poll (Reuters/Ipsos) found")
    or before its full stop stays."""
    if len(words.split()) > MAX_CAPTION_WORDS:
        return False
    if _COPYRIGHT_CREDIT.search(words) or _LABELLED_CREDIT.search(words):
        return True
    if not words.endswith(")"):
        return False
    m = _CAPTION_CREDIT.search(words)
    if not m:
        return False
    before = words[:m.start()].strip()
    return not before or bool(_SENTENCE_END.search(before))


# The sections a press release ends with, after its story: "Notes to editors", "About Halvard
# Biotech", "Media contacts", "For more information, contact:", "Forward-looking statements".
_RELEASE_TAIL = re.compile(r"(?i:notes?\s+(?:to|for)\s+editors?|editors?['’]?s?\s+notes?|(?:media|press|investor|news)\s+"
                           r"(?:contacts?|enquiries|inquiries|relations)|contacts?|for\s+(?:further|more)\s+information"
                           r"(?:,?\s+(?:please\s+)?contact)?|forward[\s-]looking\s+statements?|safe\s+harbou?r\s+statement|"
                           r"hinweise?\s+für\s+(?:die\s+)?redaktion(?:en)?|pressekontakt|contacto\s+de\s+prensa|contact\s+presse)|"
                           r"(?i:about|über|acerca\s+de|sobre|à\s+propos\s+de)\s+(?:(?i:the)\s+)?[A-Z0-9][^.!?]{0,60}")
MAX_RELEASE_TAIL_WORDS = 300  # notes, a boilerplate "About" paragraph or two, contacts


def _lead_label(el: HtmlElement) -> str | None:
    """The label ``el`` opens a section with: the words of a sub-heading, or of a bold run that
    opens a paragraph alone on its line ("<p><b>About Halvard</b><br>Halvard is …"), else None."""
    if el.tag in _SUBHEADINGS:
        return _words(el)
    if el.tag not in ("p", "div") or (el.text or "").strip() or not len(el):
        return None
    first = el[0]
    if first.tag not in ("b", "strong") or (first.tail or "").strip():
        return None
    after = first.getnext()
    return _words(first) if after is None or after.tag == "br" else None


def release_tail(root: HtmlElement, holders: set[int]) -> list:
    """The closing sections of a press release (``_RELEASE_TAIL``: notes to editors, the issuer's
    "About" paragraph, media contacts): a section's label (``_lead_label``) and the blocks after it
    in its box, when every labelled section after it in that box is one too, so that they run to the
    box's end, and they hold at most ``MAX_RELEASE_TAIL_WORDS`` words. An "About the survey" section
    with the story going on after it stays; the issuer's self-description was read as the story's
    last paragraph, its press officer's name and number as its last lines."""
    found = []
    for box in root.iter(*_CONTAINERS):
        children = [c for c in box if isinstance(c.tag, str)]
        labels = [_lead_label(c) for c in children]
        start = None
        for i in range(len(children) - 1, -1, -1):
            if labels[i] is None:
                continue
            if not _RELEASE_TAIL.fullmatch(labels[i].rstrip(" :")):
                break
            start = i
        if start is None:
            continue
        tail = children[start:]
        if sum(_word_count(c, MAX_RELEASE_TAIL_WORDS) for c in tail) <= MAX_RELEASE_TAIL_WORDS:
            found += [c for c in tail if id(c) not in holders]
    return found


# The line a column or op-ed ends with, in italics, that says who wrote it: "Renee Desjardins is a
# former city planner …", "— Tom Hale teaches history at …", "Ana Ruiz writes about energy for …".
_BIO_START = re.compile(r"[\s*—–-]*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*),?\s+(?:is|was|has\s+been|writes|"
                        r"teaches|serves|works|covers|reports|directs|chairs|leads|heads|previously)\b")
_ITALIC = ("em", "i")


_AUTHOR_METAS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")


def page_authors(root: HtmlElement) -> set[str]:
    """The names a page gives its writer: in an author <meta>, its JSON-LD ``author``, and the
    links to a writer's page (rel="author", an address with "/author" in it), white space collapsed."""
    names: set[str] = set()
    for meta in root.getroottree().getroot().iter("meta"):
        if (meta.get("name") or meta.get("property") or "").strip().lower() in _AUTHOR_METAS:
            names.add(" ".join((meta.get("content") or "").split()))
    for script in root.getroottree().getroot().iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            for item in _json_ld_items(script.text):
                authors = item.get("author")
                for a in authors if isinstance(authors, list) else [authors]:
                    name = a.get("name") if isinstance(a, dict) else a
                    if isinstance(name, str):
                        names.add(" ".join(name.split()))
    for a in root.iter("a"):
        if "author" in (a.get("rel") or "").lower() or "/author" in (a.get("href") or "").lower():
            names.add(_words(a))
    return {n for n in names if n}


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
MAX_AUTHOR_LINE_EXTRA = 4  # capitalised words after a writer's name: an outlet's name or a place
_NAME_GAP = " ,·|—–-/"


def author_line(words: str, authors: set[str]) -> bool:
    """Whether a block's ``words`` are the name of one of the page's ``authors`` (``page_authors``)
    alone, or followed, with no separator or with one, by at most ``MAX_AUTHOR_LINE_EXTRA``
    capitalised words that end no sentence: the outlet's name or a place ("Press Trust of India
    Mumbai", "Leah Sorensen Pinewood Gazette", "MARIA GONZALEZAssociated Press" of two <span>s),
    a byline or a story's signature ("Minh Anh", bold and right-aligned under the last paragraph).
    A sentence that opens with the name ("Leah Sorensen said …") stays, and so do words after a
    one-word name (a brand's: "Beachbody Performance Energize" is a product under "Beachbody")."""
    if not words or len(words.split()) > MAX_META_WORDS:
        return False
    low = words.casefold()
    for name in authors:
        if len(name) < 3 or "/" in name or not low.startswith(name.casefold()):
            continue
        rest = words[len(name):]
        if rest and not (rest[0] in _NAME_GAP or rest[0].isupper()):  # "Anna" in "Annabel Lee"
            continue
        rest = rest.strip(_NAME_GAP)
        extra = rest.split()
        if not rest or (len(extra) <= MAX_AUTHOR_LINE_EXTRA and len(name.split()) >= 2 and extra[0][0].isupper()
                        and all(_NAME_WORD.fullmatch(w) for w in extra) and not _SENTENCE_END.search(rest)):
            return True
    return False


_SITE_METAS = ("og:site_name", "application-name", "twitter:site")


def page_outlets(root: HtmlElement, title: str | None) -> set[str]:
    """The names a page gives its outlet: its og:site_name (or application-name) <meta>, its JSON-LD
    publisher's or WebSite's name, and the parts of its <title> (``title``: "… | El Heraldo del
    Norte"), white space collapsed, those of three characters or more."""
    top = root.getroottree().getroot()
    names = {" ".join((m.get("content") or "").split()) for m in top.iter("meta")
             if (m.get("property") or m.get("name") or "").strip().lower() in _SITE_METAS}
    for script in top.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            for item in _json_ld_items(script.text):
                publisher = item.get("publisher")
                for p in publisher if isinstance(publisher, list) else [publisher]:
                    if isinstance(p, dict) and isinstance(p.get("name"), str):
                        names.add(" ".join(p["name"].split()))
                if item.get("@type") == "WebSite" and isinstance(item.get("name"), str):
                    names.add(" ".join(item["name"].split()))
    names |= {p.strip() for p in _TITLE_SEPARATOR.split(title or "")}
    return {n for n in names if len(n) >= 3 and not n.startswith("@")}


def outlet_byline(words: str, outlets: set[str]) -> bool:
    """Whether a block's ``words`` are a writer's name (two to five name words, ``_byline_name``) and
    then one of the page's ``outlets`` (``page_outlets``), with or without a separator: a byline of
    two <span>s, "Lucía Treviño El Heraldo del Norte", "Leah SorensenPinewood Gazette", where no
    metadata names the writer (``author_line`` takes those)."""
    if not words or len(words.split()) > MAX_META_WORDS:
        return False
    low = words.casefold()
    for outlet in outlets:
        if low.endswith(outlet.casefold()) and len(outlet) < len(words):
            before = words[:len(words) - len(outlet)].strip(_NAME_GAP)
            if before and _byline_name(before) and not _SENTENCE_END.search(before):
                return True
    return False


def tagline_bio(el: HtmlElement, words: str, authors: set[str]) -> bool:
    """Whether paragraph ``el`` (its ``words``) is the writer's tagline at the foot of a column: all
    of it in italics, the last paragraph with words in its box, a few sentences (``MAX_BIO_WORDS``)
    that open with the name of one of the page's ``authors`` (``page_authors``), or any name where it
    gives an e-mail address ("Reach him at …@…": a page may name its writer in no metadata), and what
    the person is or does (``_BIO_START``). It was read as the column's last sentences. A tagline of the column
    itself ("Dear Abby is written by …") names no writer, and stays."""
    if el.tag != "p" or not words or _word_count(el, MAX_BIO_WORDS) > MAX_BIO_WORDS:
        return False
    m = _BIO_START.match(words)
    if not m or (m.group(1) not in authors and not _EMAIL.search(words)):
        return False
    if re.sub(r"[\W_]", "", _outside_links(el, _ITALIC)):  # words outside its italics
        return False
    return not any(_words(sib) for sib in el.itersiblings() if isinstance(sib.tag, str))


# A page that a script draws (Next.js, Nuxt) ships its data as JSON in a <script>, and a saved
# copy of it may show nothing else: "You need to enable JavaScript to run this app."
MAX_EMPTY_PAGE = 400  # characters a reader sees on a page that is a script's shell, not a story
MIN_SCRIPT_STORY = 200  # characters of paragraphs in the data that make a story (three short sentences)
_PARAGRAPH_KEYS = ("text", "content", "value", "html", "body")
_HTML_PARAGRAPH = re.compile(r"<p[\s>]", re.I)


def _block_text(item: object, depth: int = 0) -> str:
    """The text of one block of a CMS's body: a string, an object's text (``_PARAGRAPH_KEYS``), or
    the texts of its spans joined (rich-text formats keep a paragraph's words in "children" or
    "content": [{"text": "Bills rise "}, {"text": "in April."}])."""
    if isinstance(item, str) or depth > 3:
        return item if isinstance(item, str) else ""
    if not isinstance(item, dict):
        return ""
    if text := next((item[k] for k in _PARAGRAPH_KEYS if isinstance(item.get(k), str)), ""):
        return text
    spans = next((item[k] for k in ("children", "content", "spans") if isinstance(item.get(k), list)), [])
    return "".join(_block_text(span, depth + 1) for span in spans)


def _paragraph_runs(data: object, depth: int = 0) -> Iterable[list[str]]:
    """Each run of paragraphs in the JSON ``data``: a list whose items are strings or objects with
    a text (``_PARAGRAPH_KEYS``: a CMS's body blocks, its ads and related links among them, which
    carry none), and each string of HTML with paragraphs in it (a body as one HTML string)."""
    if depth > 40:
        return
    if isinstance(data, str):
        if _HTML_PARAGRAPH.search(data):
            yield [data]
        return
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    if isinstance(data, list):
        run = [t for item in data if (t := _block_text(item))]
        if len(run) >= 2:
            yield run
    for value in values:
        if isinstance(value, (dict, list, str)):
            yield from _paragraph_runs(value, depth + 1)


_DATA_SCRIPTS = ("application/json", "application/ld+json")


def restore_script_story(tree: HtmlElement) -> None:
    """Give a page that shows almost no text (``MAX_EMPTY_PAGE``) the story its JSON data holds:
    the longest run of paragraphs (``_paragraph_runs``) in a ``<script type="application/json">``
    (Next.js's ``__NEXT_DATA__``), or the lines of a JSON-LD ``articleBody``, as an <article> of
    <p>s, when it is a story's length (``MIN_SCRIPT_STORY``) and ends sentences. Saved from a site
    that draws its pages in the browser, such a page was "no article text found", its "enable
    JavaScript" line, or its JSON-LD body as one line (trafilatura's fallback joins its paragraphs)."""
    import lxml.html
    from lxml import etree

    scripts = [s for s in tree.iter("script") if (s.get("type") or "").strip().lower() in _DATA_SCRIPTS and s.text]
    body = tree.find(".//body")
    if not scripts or body is None or _visible_lengths(body, set())[id(body)] > MAX_EMPTY_PAGE:
        return
    bare = copy.deepcopy(body)  # a page of a few words beside its data
    for el in list(bare.iter(*_HIDDEN)):
        el.drop_tree()
    shown = " ".join(bare.text_content().split())
    best: list[str] = []
    for script in scripts:
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            runs = [[text] if _HTML_PARAGRAPH.search(text) else [ln.strip() for ln in text.splitlines() if ln.strip()]
                    for item in _json_ld_items(script.text) if isinstance(text := item.get("articleBody"), str)]
        else:
            try:
                runs = _paragraph_runs(json.loads(script.text))
            except (ValueError, RecursionError):
                continue
        for run in runs:
            if sum(map(len, run)) > sum(map(len, best)):
                best = run
    if sum(map(len, best)) < MIN_SCRIPT_STORY:
        return
    article = lxml.html.Element("article")
    for text in best:
        try:
            parts = lxml.html.fragments_fromstring(text) if _HTML_PARAGRAPH.search(text) else [text]
        except (ValueError, etree.LxmlError):  # markup lxml cannot read: its words, as they are
            parts = [" ".join(re.sub(r"<[^>]*>", " ", text).split())]
        for part in parts:
            if isinstance(part, str):  # words before the first tag, or a block that is words alone
                words, part = part, lxml.html.Element("p")
                part.text = words
            article.append(part)
    lines = [w for p in article if (w := _words(p))]
    # sentences, not a list of names or tags; and not the story the page shows already (drawn on the server)
    if any(_SENTENCE_END.search(w) for w in lines) and not any(w in shown for w in lines):
        body.append(article)


_JSON_LD_TRUE = (True, "true", "True", "TRUE")
MIN_HIDDEN_STORY = 100  # characters of a paywalled body after what the page shows: a sentence or two
MAX_TEASER_START = 50  # paragraphs of a page looked at for the one its paywalled body opens with


def _paywalled_body(tree: HtmlElement) -> str | None:
    """The ``articleBody`` of the page's JSON-LD when the same JSON-LD says the article is not
    free (``isAccessibleForFree`` false, how Google asks paywalled sites to mark their pages), else None."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        for item in _json_ld_items(script.text):
            body = item.get("articleBody")
            if "isAccessibleForFree" in item and item["isAccessibleForFree"] not in _JSON_LD_TRUE and isinstance(body, str):
                return body
    return None


def _json_ld_items(data: str) -> list[dict]:
    """The objects of a JSON-LD block: itself, the items of its list, those of its @graph."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return []
    items = doc if isinstance(doc, list) else [doc]
    items = items + [g for d in items if isinstance(d, dict) and isinstance(d.get("@graph"), list) for g in d["@graph"]]
    return [d for d in items if isinstance(d, dict)]


def restore_paywalled_story(tree: HtmlElement) -> None:
    """Give a paywalled page the rest of its story when its JSON-LD holds it: the page shows the
    first paragraphs (a teaser) and a subscription box, and its JSON-LD, marked not free
    (``_paywalled_body``), the whole ``articleBody``. What the body holds after the last shown
    paragraph that it opens with goes after that paragraph, one <p> for each of its lines, when it
    is a sentence or more (``MIN_HIDDEN_STORY``) and the page shows none of it. The teaser alone was
    read as the article, its subscription box as the article's last lines."""
    import lxml.html

    whole = _paywalled_body(tree)
    if not whole:
        return
    flat = " ".join(whole.split())
    body = tree.find(".//body")
    root = body if body is not None else tree
    end, last, tried = 0, None, 0
    for p in root.iter("p"):
        words = _words(p)
        if len(words.split()) < 5:
            continue
        if last is None:  # the body opens with one of the page's first paragraphs
            tried += 1
            at = flat.find(words, 0, len(flat) // 10 + len(words))
            if at < 0 and tried < MAX_TEASER_START:
                continue
        else:  # and the teaser's paragraphs follow it, one after the other
            at = flat.find(words, end, end + len(words) + 10)
        if at < 0:
            break
        end, last = at + len(words), p
    rest = whole[_offset_in(whole, end):].strip() if last is not None else ""
    if len(rest) < MIN_HIDDEN_STORY or not _SENTENCE_END.search(rest) or " ".join(rest.split())[:80] in _words(root):
        return
    for line in reversed([ln.strip() for ln in rest.splitlines() if ln.strip()]):
        p = lxml.html.Element("p")
        p.text = line
        last.addnext(p)


def _offset_in(text: str, flat_offset: int) -> int:
    """The offset in ``text`` of the character at ``flat_offset`` in ``text`` with its white space collapsed."""
    count = 0
    for i, word in enumerate(re.finditer(r"\S+", text)):
        count += (1 if i else 0) + len(word.group())
        if count >= flat_offset:
            return word.end()
    return len(text)


# The classes trafilatura takes as the article's own box when an element's class is exactly one of
# them (its first content XPath): on a live blog or a list of posts, each entry has it.
_ENTRY_CLASSES = ("post", "entry")
_ENTRY_TAGS = ("article", "div", "main", "section")


def mark_repeated_entries(tree: HtmlElement) -> None:
    """Give the boxes of a list of entries that share a parent and a class trafilatura takes for an
    article's box (``_ENTRY_CLASSES``: class="entry" on each post of a live blog) one more class,
    so that it reads the list whole: it took the first entry as the article, then the page's text
    after it, so that entry came first, out of its place, and again in it."""
    groups: dict[int, list] = {}
    for el in tree.iter(*_ENTRY_TAGS):
        if (el.get("class") or "").strip() in _ENTRY_CLASSES and (parent := el.getparent()) is not None:
            groups.setdefault(id(parent), []).append(el)
    for entries in groups.values():
        if len(entries) > 1:
            for el in entries:
                el.set("class", f"{el.get('class').strip()} item")


_SENTENCE_IN = re.compile(r"[.!?…][\"'”’»)]*(?:\s|$)")


def captions_as_paragraphs(tree: HtmlElement) -> None:
    """Make each <figure> of a photo gallery the paragraph its caption is, when the page's captions
    that end a sentence (two or more) hold more words than its paragraphs outside figures: such a
    page tells its story in its captions. trafilatura drops <figure>s, so what was left was too short
    and its fallback read the whole page as one line. A story's captions beside its paragraphs stay
    for trafilatura to leave out."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    captions = [c for c in root.iter("figcaption") if _SENTENCE_IN.search(_words(c))]
    if len(captions) < 2:
        return
    told = sum(len(_words(c).split()) for c in captions)
    prose = sum(len(_words(p).split()) for p in root.iter("p") if not any(a.tag == "figure" for a in p.iterancestors()))
    if told <= prose:
        return
    for caption in captions:
        figure = next((a for a in caption.iterancestors() if a.tag == "figure"), None)
        if figure is None or figure.getparent() is None:
            continue
        caption.tag, caption.tail = "p", None
        figure.addprevious(caption)
        figure.drop_tree()


MAX_LEADS = 2  # paragraphs of a standfirst; more before the box are the story itself


def lead_into_body(tree: HtmlElement) -> None:
    """Move the standfirst that stands between the <h1> and the story's box (one or two paragraphs,
    or sub-headings, that end a sentence, siblings after the <h1>) to the start of that box (the first
    sibling after it that is not a short line ending no sentence, a byline or date line, when it
    holds two paragraphs that end sentences and more words than the standfirst), a heading as a <p>:
    trafilatura may read the box alone, and left the standfirst out. More paragraphs before the box
    are the story; a box of link titles (no sentences) may be one of related links that it drops."""
    h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return
    leads = []
    for sib in h1.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if sib.tag == "p" or sib.tag in _SUBHEADINGS:
            if _SENTENCE_END.search(_words(sib)):
                leads.append(sib)
            elif sib.tag in _SUBHEADINGS:
                break  # a section's heading: what follows is the story
            continue
        told = sum(len(_words(p).split()) for p in leads)
        said = [p for p in sib.iter("p") if _SENTENCE_END.search(_words(p))]
        if not said and _word_count(sib, MAX_META_WORDS) <= MAX_META_WORDS and not _SENTENCE_END.search(_words(sib)):
            continue  # a byline, a date line, share buttons between the standfirst and the box
        if sib.tag in _CONTAINERS and len(said) >= 2 and len(leads) <= MAX_LEADS and _word_count(sib, told) > told:
            for p in reversed(leads):
                if p.tag in _SUBHEADINGS:  # a standfirst printed as a heading ("<h2 class='spot'>") is a paragraph
                    p.tag = "p"
                tail, p.tail = p.tail, None
                prev = p.getprevious()
                if tail and tail.strip():
                    if prev is not None:
                        prev.tail = (prev.tail or "") + tail
                    else:
                        p.getparent().text = (p.getparent().text or "") + tail
                sib.insert(0, p)
                p.tail = (sib.text or "")
                sib.text = None
        break


def clean(tree: HtmlElement) -> tuple[str | None, str | None]:
    """Take out of page ``tree`` what news templates wrap an article in, before trafilatura reads
    it (layout tables, chrome named as such, embedded posts' frames, notes, link lines, page furniture),
    and give the page's <title> and declared language, read before anything goes. A page that a
    script draws gets the story its data holds (``restore_script_story``), a gallery its captions as
    paragraphs (``captions_as_paragraphs``), a story its standfirst in its box (``lead_into_body``)."""
    title, language = page_title(tree), declared_language(tree)
    restore_script_story(tree)
    restore_paywalled_story(tree)
    captions_as_paragraphs(tree)
    mark_repeated_entries(tree)
    unwrap_layout_tables(tree)
    prune_chrome(tree)
    tidy_social_embeds(tree)
    drop_notes(tree)
    drop_link_lines(tree)
    drop_page_furniture(tree, title)
    lead_into_body(tree)
    return title, language


# A line that says who wrote a story or when, not what happened: "By Ana Ruiz | 3 May 2025",
# "Von Katrin Ebner", "di Giulia Ferrandi", "(Reporting by X; Editing by Y)", "19 March 2025",
# "11:42am", "12:30 GMT 19.02.2025 (updated: 14:02 GMT)". Read off trafilatura's text, line by
# line, so the page's dates stay where trafilatura looks for the publication date.
_BYLINE_START = re.compile(r"(?:(?:posted|written)\s+by|by|von|por|par|di|door|przez|autor(?:ka)?):?\s+(.*)", re.I)
_NAME_WORD = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][\w'’.-]*|de|da|del|della|van|von|der|la|le|y|and|&|und|i|e)")
# A byline's name with the separator its date followed: what is left of "Miguel Sarmento · <time>…</time>"
# when trafilatura takes the <time> out.
_NAME_THEN_SEPARATOR = re.compile(r"(.+?)\s*[·•|—–]")
_CREDIT_LINE = re.compile(r"\(?(?:additional\s+)?(?:reporting|writing|editing|photos?|photographs?|pictures?|images?|"
                          r"video)\b[^.!?]*\bby\b.*", re.I)
# A live page's clock: "LIVE · Updated 2m ago", "3 hours ago", "Posted just now".
_RELATIVE_TIME = re.compile(r"(?:(?:live|updated|last\s+updated|posted|published|edited)\s*[·•|:–-]?\s*)*"
                            r"(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|just\s+now)",
                            re.I)
# How an agency signs a story on a line of its own: a name of two to four words, a comma and the
# agency's capitals: "Dilnoza Yo'ldosheva, UzNA", "Lin Ya-ting, CNA".
_AGENCY_SIGNATURE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3},\s+(?P<agency>[A-Z][A-Za-z]{1,6})")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?|gmt|utc|uhr|h\b|[A-Z]{2,4}T\b)", re.I)
_LONE_CLOCK = re.compile(r"\d{1,2}:\d{2}")
# A time of day with its zone, no words of the date line it is in: "Thursday, August 14, 2026 • 5:02 AM EDT".
_TIME_OF_DAY = re.compile(_CLOCK.pattern + r"(?-i:\s+[A-Z]{2,5}\b)?", re.I)
_YEAR = re.compile(r"(?:19|20)\d{2}")
MAX_META_WORDS = 15
# Who edited a story, or where it came from, as agencies and state media sign it: "[Editor: Sun Rui]",
# "(Web editor: Liu Mei)", "Responsible editor: …", "Source: Xinhua", "المصدر : الجزيرة + وكالات",
# "Quelle: dpa", "Источник: ТАСС", "منبع: ایرنا", "责任编辑：王静", a German fact check's "Redigatur: …", Turkish
# "Editör: …" and "Kaynak: AA"; and a picture's: "Photo: Jana Ortiz / Herald", "Фото: пресслужба міської ради".
_SIGNED_LINE = re.compile(r"[\[(【（]?\s*(?P<label>(?:(?:web|responsible|chief|managing|copy|desk|news|online)\s+)?editors?|"
                          r"sources?|redakteur(?:in)?|redaktion|schlussredaktion|redigatur|quelle|fuentes?|fontes?|"
                          r"redacci[óo]n|źródło|редактор|источник|editör|kaynak|"
                          r"photos?|fotos?|фото|صورة|"
                          r"المصدر|المحرر|منبع|ویراستار|מקור|责任编辑|编辑|来源|出典)\s*[:：]\s*"
                          r"(?P<who>[^\[\]()【】（）!?:：]{1,60}?)\s*[\])】）]?", re.I)
MAX_SIGNER_WORDS = 6


# A reporter's initials that sign a story off, as Indonesian and Malay sites print them: "(rin)", "(ant/dil)".
_SIGN_OFF = re.compile(r"\([a-z]{2,4}(?:/[a-z]{2,4})*\)")
# The parts of a line a separator splits: "Name · date", "Published … | Updated …".
_PARTS = re.compile(r"\s+[|·•]\s+")
# A writer's name with at most a one-word role after a comma: "Rina Kartika, Jurnalis".
_NAME_AND_ROLE = re.compile(r"(?P<name>[^,]+?)(?:,\s*[^\W\d_][\w-]*)?")


def _byline_name(text: str) -> bool:
    """Whether ``text`` is a writer's name (two to five name words), with at most a role after a comma."""
    m = _NAME_AND_ROLE.fullmatch(text.strip())
    names = m.group("name").split() if m else []
    return 2 <= len(names) <= 5 and names[0][0].isupper() and names[-1][0].isupper() and all(
        _NAME_WORD.fullmatch(w) for w in names)


def meta_line(line: str) -> bool:
    """Whether ``line`` of an article's text is a byline, a wire's credit line or a date and time
    alone: a short line (``MAX_META_WORDS``) that is "By" and a name, then at most a separator and
    a few more words ("By Tuesday, the vote was lost." is a sentence: it ends as one), or a time
    (with am/pm or a zone, or alone) or a date (two numbers, one a year) with at most three
    words besides ("Updated 19 March 2025"; "The 2025 budget" is a heading, "(John 15:22)" a
    verse), or an editor's or source's label and a few words that are no sentence (``_SIGNED_LINE``:
    "[Editor: Sun Rui]", "Source: agencies"), an agency's signature ("Dilnoza Yo'ldosheva, UzNA",
    ``_AGENCY_SIGNATURE``), a photo's credit ("Photo by …") or a live page's clock ("Updated 2m ago",
    ``_RELATIVE_TIME``), or a writer's name and the separator its date followed ("Miguel Sarmento ·",
    ``_NAME_THEN_SEPARATOR``), a line of such parts between separators, a date among them ("Rina
    Kartika, Jurnalis · Rabu 11 November 2026 10:45 WIB"), or a reporter's initials ("(rin)", ``_SIGN_OFF``).
    Table rows ("| 2025 | 34% |"), list items ("- 1914: war") and lines with quotation marks are the article's."""
    text = " ".join(line.split())
    if not text or len(text.split()) > MAX_META_WORDS or text[0] in "|-*•":
        return False
    if _CREDIT_LINE.fullmatch(text) and not _SENTENCE_END.search(text.rstrip(")")):
        return True
    if m := _NAME_THEN_SEPARATOR.fullmatch(text):  # "Miguel Sarmento · ": its <time> taken out of the line
        names = m.group(1).split()
        if 2 <= len(names) <= 5 and names[0][0].isupper() and names[-1][0].isupper() and all(
                _NAME_WORD.fullmatch(w) for w in names):
            return True
    if _SIGN_OFF.fullmatch(text):
        return True
    parts = _PARTS.split(text)
    if len(parts) >= 2 and all(meta_line(p) or _byline_name(p) for p in parts) and any(
            meta_line(p) and any(c.isdigit() for c in p) for p in parts):
        return True  # "Rina Kartika, Jurnalis · Rabu 11 November 2026 10:45 WIB", "Published … | Updated …"
    if _RELATIVE_TIME.fullmatch(_LEADING_SYMBOLS.sub("", text)):  # "● Live Updated 4 minutes ago"
        return True
    if (m := _READING_TIME.search(text)) and not text[m.end():].strip(" )") and not _SENTENCE_END.search(
            text[:m.start()].strip(" —–-|·•")) and len(text[:m.start()].split()) <= MAX_READ_LINE_WORDS:
        return True  # who and when, then the reading time: "The Capitol Ledger Ana Ruiz 2 min read"
    if (m := _AGENCY_SIGNATURE.fullmatch(text)) and sum(c.isupper() for c in m.group("agency")) >= 2:
        return True
    if (m := _BYLINE_START.fullmatch(text)) and not _SENTENCE_END.search(text):
        names = re.split(r"\s*(?:[|·•,;—–]|\s-\s)\s*", m.group(1), maxsplit=1)[0].split()
        if names and names[0][0].isupper() and all(_NAME_WORD.fullmatch(w) for w in names) and len(names) <= 5:
            return True
    if _QUOTES.search(text):
        return False
    if (m := _SIGNED_LINE.fullmatch(text)) and not _SENTENCE_END.search(m.group("who")) and (
            len(m.group("who").split()) <= MAX_SIGNER_WORDS):
        return True
    numbers = re.findall(r"\d+", text)
    dated = bool(_CLOCK.search(text) or _LONE_CLOCK.fullmatch(text)) or (
        len(numbers) >= 2 and any(_YEAR.fullmatch(n) for n in numbers))
    if not dated:
        return False
    if any(_YEAR.fullmatch(n) for n in numbers):  # a date's time of day and zone are no words of it
        text = _TIME_OF_DAY.sub(" ", text)
    return len(_WORD.findall(_WEEKDAYS.sub(" ", _DATE_UNITS.sub(" ", text)))) <= 3


# A date's weekday is no word of its line: "Publié le : dimanche, 06 septembre 2026 16:20".
_WEEKDAYS = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                       r"dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|"
                       r"jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\b", re.I)
MAX_READ_LINE_WORDS = 8  # a source's and writer's names before a reading time
# A word, or one CJK character (those scripts write no spaces between words); the units of a CJK
# date and time ("2026年3月5日 17時30分", "2026년 3월 5일") are no words.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_WORD = re.compile(f"[{_CJK}]|[^\\W\\d_{_CJK}]+")
_DATE_UNITS = re.compile(r"(?<=\d)\s*[年月日時时分秒년월일시분초]")


def _furniture_text_line(line: str) -> bool:
    """Whether ``line`` of trafilatura's text is a ``furniture_line`` and no table row or list item,
    or an ad's label alone, dashes round it or not ("- Advertisement -" reads as a list item)."""
    text = " ".join(line.split())
    if _AD_LABEL.fullmatch(text.strip(" .…:()[]-–—*•|")):
        return True
    return bool(text) and text[0] not in "|-*•" and furniture_line(text)


# A reporter's name as Korean pages print it in a list of who and when: "기자명 박서연 기자", "박서연 기자".
_REPORTER = re.compile(r"(?:기자명\s*)?[가-힣]{2,4}\s*(?:기자|특파원)")


def _who_and_when(items: list[str]) -> bool:
    """Whether list ``items`` (their bullets off) say who wrote a story and when, nothing else: a
    byline ("By Ana Ruiz", ``_REPORTER``) and a dated ``meta_line`` among them, every other item
    one too or a comment counter or furniture ("- 기자명 박서연 기자 - 입력 2026.10.22 14:32 - 댓글 0").
    A timeline's items ("- 3 March 2025: vote held") name no writer."""
    kinds = set()
    for item in items:
        if _REPORTER.fullmatch(item) or (_BYLINE_START.fullmatch(item) and meta_line(item)):
            kinds.add("who")
        elif meta_line(item) and any(c.isdigit() for c in item):
            kinds.add("when")
        elif not (_COMMENT_LINE.fullmatch(item.strip(" .…:()[]-–—")) or furniture_line(item)):
            return False
    return kinds == {"who", "when"}


def _lists_of_who_and_when(lines: list[str]) -> set[int]:
    """The indexes of ``lines`` that are items of a list of who and when (``_who_and_when``)."""
    found: set[int] = set()
    start = None
    for i, line in enumerate([*lines, ""]):
        if line.startswith("- "):
            start = i if start is None else start
            continue
        if start is not None and i - start >= 2 and _who_and_when([ln[2:].strip() for ln in lines[start:i]]):
            found.update(range(start, i))
        start = None
    return found


def without_meta_lines(text: str) -> str:
    """``text`` without its ``meta_line`` lines, nor its ``furniture_line`` lines (``drop_page_furniture``
    reads the page's blocks; a line that no block of its own holds, text between <br>s in a <font>
    or a <div> with blocks in it, reached the text: "The News is published every Friday.
    Advertising: 01632 960811." under an old page's rule), but a table's rows and a list's items
    ("| Ticker | Last |", "- Greens"), which are data, unless a list only says who wrote the story and
    when (``_who_and_when``); as it was when every line is one."""
    lines = text.split("\n")
    listed = _lists_of_who_and_when(lines)
    kept = [line for i, line in enumerate(lines) if i not in listed and not meta_line(line)
            and not _furniture_text_line(line)]
    return "\n".join(kept) if any(line.strip() for line in kept) else text


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


# As trafilatura splits a <title>, and "Site: ", and the " -- " of sites typed before the en dash was.
_TITLE_SEPARATOR = re.compile(r"\s+(?:--|[–•·—|⁄*⋆~‹«<›»>:-])\s+|:\s+")


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


_TITLED = re.compile(r"title|headline|subject", re.I)
_TITLED_TAGS = ("div", "p", "span", "strong", "b", *_HEADINGS)


def shown_headlines(tree: HtmlElement) -> set[str]:
    """The headlines a reader sees over the story: the page's <h1>s, a heading that microdata
    marks as the headline (``itemprop="headline"``; Joomla and older CMSs put it in an <h2>), and a
    block whose class or id names a title (``_TITLED``: "article-head-title", "view-title") and whose
    words (three or more: a headline, not a channel's name) are the page's headline as its og:title,
    or its <title> or a part of it, gives it (Korean and other CMSs print it in a <div>, no <h1>),
    white space collapsed. ``headline_once`` opens the
    text with one."""
    found = {" ".join(h.text_content().split()) for h in tree.iter(*_HEADINGS)
             if h.tag == "h1" or "headline" in (h.get("itemprop") or "").split()}
    root = tree.getroottree().getroot()
    named = {" ".join((m.get("content") or "").split()) for m in root.iter("meta")
             if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")}
    if (whole := page_title(tree)) is not None:
        named |= {whole, *(part.strip() for part in _TITLE_SEPARATOR.split(whole))}
    named = {n for n in named if len(_WORD.findall(n)) >= 3}  # a headline, not a channel's or site's name
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter(*_TITLED_TAGS):
        if _TITLED.search(f"{el.get('class') or ''} {el.get('id') or ''}") and (words := _words(el)) in named:
            found.add(words)
    return found


def page_title(tree: HtmlElement) -> str | None:
    """The text of the page's <title>, or None."""
    title = tree.find(".//title")
    return " ".join(title.text_content().split()) if title is not None else None


def headline(title: str | None, whole: str | None, text: str, headings: Iterable[str] = ()) -> str | None:
    """``title`` as trafilatura found it, or, when that is the page's <title> (``whole``,
    "Kestrel News - Quarry plan approved") or one part of it and no line of the article ``text``
    while another part is, that other part: without a heading to take the title from,
    trafilatura takes the <title>'s first part (the site's name where a site puts it first), or
    all of it when it cannot split it ("Hill Gazette: Bridge to close"). A ``title`` that is one
    of the page's <h1> ``headings`` is its headline: a kicker over it ("Analysis", in the <title>
    as "Analysis: …") is a line of the text, and was taken instead."""
    if not title or not whole or title in headings:
        return title
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(whole) if p.strip()]
    if len(parts) < 2 or (title not in parts and title != whole):
        return title
    lines = {" ".join(line.split()) for line in text.splitlines()}
    if title in lines:
        return title
    others = [p for p in parts if p != title and p in lines]
    return max(others, key=len) if others else title


def headline_once(text: str, title: str | None, headings: Iterable[str] = ()) -> str:
    """``text`` with its headline ``title`` in it once, as a line of its own: as PTC's texts and
    plain-text articles open with it (a headline is where a story's loaded words often are, and
    the techniques are read off the text alone). A copy after the first goes (trafilatura kept the
    <h1> and a heading that repeats it: the headline was analysed and counted in reuse twice);
    a headline the text lacks opens it when the page shows it as an <h1> (``headings``), the line
    a reader sees over the story, and so does one the text has after other lines (a section label
    over the <h1>, "POLITICS", or a fact-check's claim box): those lines follow it, but a lone
    section label (``_section_label``), which goes. A title from the <title> or og:title alone may
    carry the site's name ("… – TechCrunch"), and is no line of the story."""
    wanted = " ".join((title or "").split())
    if not wanted:
        return text
    lines = text.split("\n")
    copies = [i for i, line in enumerate(lines) if " ".join(line.split()) == wanted]
    if not copies:
        return f"{wanted}\n{text}" if wanted in headings else text
    kept = [line for i, line in enumerate(lines) if i not in copies[1:]]
    first = copies[0]
    if first == 0 or wanted not in headings:
        return "\n".join(kept)
    before = [line for line in kept[:first] if line.strip()]
    if len(before) == 1 and _section_label(before[0]):
        before = []
    return "\n".join([kept[first], *before, *kept[first + 1:]])


MAX_SECTION_WORDS = 3  # "POLITICS", "Local", "Middle East", "Review": a site's section over a headline


def _section_label(line: str) -> bool:
    """Whether ``line`` is a section's name over a headline: a few words (``MAX_SECTION_WORDS``),
    no number, no sentence."""
    words = line.split()
    return (0 < len(words) <= MAX_SECTION_WORDS and not any(c.isdigit() for c in line)
            and not _SENTENCE_END.search(line.strip()) and not _QUOTES.search(line))
