"""Cluster stage of the reuse detector: which passages are the same text, and where it came from.

Pairwise passages are joined into clusters with union-find: the two sides of a passage are one
node each, and two nodes in the same article are the same text when their spans overlap by at
least ``min_overlap`` of the shorter one (a plain "any overlap" rule would chain unrelated
paragraphs that merely touch). Passages between the same two articles that lie next to each other
in both (at most ``max_gap`` words apart, in any order) are one cluster too: a copy whose sentences
or paragraphs were reordered is aligned as several passages, one per in-order run, but it is one
copied text with one origin. So are passages next to each other in one article and in the same
order in the other, however far apart there: a story republished with adverts or links between
its paragraphs. Clusters of exactly the same articles are one: pieces of one text that a live
blog quoted in two entries, or a copy took from two places of one article. A cluster's origin
is the member article published first, but only when every member has a date and the earliest
date is not shared: anything else would be a guess.

Boilerplate (site footers, bylines, newsletter blurbs, cookie notices) is reuse too, but says
nothing about who copied whom. It is recognised as a cluster in which one outlet has
``boilerplate_min_articles`` or more articles, or in which two or more outlets each have two or
more and none has one only (a notice several sites show, each on few pages), unless it is at
least half of every page showing it and more than one paragraph (a story one outlet ran twice and
another copied twice fills its pages; a notice sits around their articles, or is all a page whose
extracted text is only a consent banner, and is one paragraph). The passages between two articles of one outlet
in that cluster (that outlet's, or another's that shows the same notice on fewer pages) are then
flagged, or dropped and the clusters rebuilt without them; but not between two pages whose shared
text is at least half of both and does not close both after their own text (a footer) or open
both before it (a banner): a story the outlet printed three times (as news, updated the next day,
in a round-up) is what those pages are. Its footer, which the outlet's other pages share, is cut
off those passages (:func:`trim_boilerplate`). A one-paragraph notice with a phone number or an
address, one about the page itself ("This article has been updated ...", "Disclaimer: ...", a wire's
"(Reporting by ...; editing by ...)") or one in the publication's own voice ("We use cookies to make
our site work", "our journalism"), or one that names no one, gives no figure and tells of no event
(a support line, a legal line), that closes every article showing it (with only such notices after
it) or opens it (a consent or subscription banner, nothing before it), when those
articles share nothing else and it names nothing that both name elsewhere (a line both print as it
stands, a wire's byline, aside), is flagged too, however few they are (:func:`_page_notice`: a
helpline printed once by each of two outlets; a police appeal about the story both report is copied).
A passage between different outlets is flagged only when its text in one of the articles is what
that article's outlet repeats (another outlet republished an article with its footer: the footer
then matches every article of the outlet, and would tie the republished article to all of them
and take their dates for the origin's).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence

from .align import heading_end
from .candidates import tokenize

BOILERPLATE_MODES = ("suppress", "flag", "keep")
# A passage between outlets is boilerplate when this much of its text in the article of the outlet
# repeating it is covered by that outlet's boilerplate (aligned edges may differ by a word or two).
BOILERPLATE_COVER = 0.8
# A text that at least this many outlets each show on at least this many pages, and that no outlet
# shows only once, is boilerplate too (see _shared_notice), whatever min_articles.
SHARED_NOTICE_OUTLETS = 2
SHARED_NOTICE_PAGES = 2
# ... unless the text is at least this share of every page that shows it: then it is what those pages
# are (a story one outlet ran twice and another copied twice), not a notice around their articles.
STORY_SHARE = 0.5

# What a notice under an article gives readers: a web or an e-mail address ("pbc.example/complaints",
# "www.", "help@..."), or a phone number (seven digits or more, in groups split by spaces: "0800 233
# 100"; not "2023-2025" or "3,000").
_ADDRESS = re.compile(r"https?://|\bwww\.|\b[\w-]+(?:\.[\w-]+)+/\w|[\w.+-]+@[\w-]+\.\w")
_PHONE = re.compile(r"(?<![\w.,])\+?(?:\d{2,5}(?: \d{2,4}){1,3}|\d{7,})(?![\w.,]\d)")


# A name in a closing notice: a capitalised word that does not open a sentence, other than a day or a
# month (a notice gives opening hours and deadlines; a story is dated by them too).
_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w'-]*[a-z][\w'-]*")
# A name as a whole: capitalised words in a row (as _NAME), "the Harbour Lights Helpline" one name.
_NAME_PHRASE = re.compile(rf"{_NAME.pattern}(?:[^\S\n]+[A-Z][\w'-]*[a-z][\w'-]*)*")
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split())


def _names_of_story(text: str, start: int, end: int, besides: frozenset[str] = frozenset(),
                    outlet: str | None = None) -> set[str]:
    """Names in ``text[start:end]`` that the rest of ``text`` names too (whole words, same case),
    leaving out its lines in ``besides`` (stripped) and, in ``text[start:end]``, the name of the
    page's own ``outlet`` (a paper named after the town its stories name)."""
    rest = "\n".join(line for line in (text[:start] + "\n" + text[end:]).splitlines() if line.strip() not in besides)
    part = text[start:end].strip()
    if outlet:
        part = part.replace(outlet, " ")
    return {name for name in set(_NAME.findall(part)) - _CALENDAR if re.search(rf"\b{re.escape(name)}\b", rest)}


def _has_contact(text: str) -> bool:
    return bool(_ADDRESS.search(text)) or any(sum(c.isdigit() for c in m.group()) >= 7 for m in _PHONE.finditer(text))


# A notice about the page itself, not its story: it opens by naming the page or its reporting ("This
# article has been updated since ...", "This report is for information only and does not constitute
# advice", "This reporting was supported by a grant from ..."), by crediting who made it (a wire's
# "(Reporting by ...; editing by ...)") or with a notice's label ("Disclaimer:", "Editor's note:").
_ABOUT_PAGE = re.compile(r"(?:This (?:article|story|report|reporting|coverage|journalism|series|page|post|piece|"
                         r"column|content)\b"
                         r"|\(?(?:Additional reporting|Reporting|Writing|Editing|Compiled|Edited|Written) by\b"
                         r"|(?:Disclaimer|Disclosure|Editor['\u2019]s note|Note to readers)\s*:)")


# A rights line: who owns the page's text and what others may not do with it ("© 2026 ... All rights
# reserved.", "Copyright 2026 ...", "(c) ..."), which a wire or a syndicate asks outlets to print
# under its stories: about the page, whatever name and year it gives.
_RIGHTS = re.compile(r"\ball rights reserved\b|^\W*(?:©|\(c\)|copyright\b)", re.I)


# A notice in the publication's own voice: it names the page or the publication ("this article", "our
# site", "this newspaper"; after "our" up to two lower-case words: "our free newsletter") and speaks as
# it or to its reader ("we", "our", "you", "your"), outside any quotation: a cookie notice, a
# press-standards line, a medical disclaimer. A story's last paragraph names its outlet in the third
# person ("told this newspaper"), without "we" or "you".
_THE_PUBLICATION = re.compile(r"\b(?:this\s+|our\s+(?-i:[a-z-]+\s+){0,2}?)(?:article|story|report|page|post|piece|"
                              r"column|content|site|website|newspaper|paper|publication|journalism|newsletter|"
                              r"newsroom)\b", re.I)
_FIRST_OR_SECOND_PERSON = re.compile(r"\b(?:we|our|us|you|your)\b", re.I)
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def _speaks_as_page(text: str, outlet: str | None = None) -> bool:
    """``text`` outside quotations names the page or the publication (by its ``outlet`` name too:
    "Sign up to the Harbour Gazette's newsletter") and speaks as it or to its reader."""
    plain = _QUOTED.sub(" ", text)
    named = bool(_THE_PUBLICATION.search(plain)) or bool(outlet and outlet.casefold() in plain.casefold())
    return named and bool(_FIRST_OR_SECOND_PERSON.search(plain))


# Words that tell of something that happened (a story's narration), which a notice standing under any
# article does not: it speaks in the present, of anyone ("Help is available for anyone who ...").
_NARRATION = re.compile(r"\b(?:was|were|had|did|said|told|would|yesterday|ago|last (?:week|month|year|night))\b",
                        re.I)


def _names_nothing(text: str, elsewhere: str | None = None) -> bool:
    """``text`` could close any article: it names no one (no capitalised word inside a sentence
    but a day or a month; but see ``elsewhere``), gives no figure and tells nothing that happened
    (:data:`_NARRATION`): a support line ("People affected by ... can find support through their
    doctor", "... can talk to the Harbour Lights Helpline"), a newsletter's blurb, the presumption
    of innocence, a weather service's advice on what a warning means, in whatever voice and script. A story's
    closing paragraph tells of its people, places, figures or events. With ``elsewhere`` (the rest
    of the articles it closes), it may name anyone and anything that ``elsewhere`` never names, and
    nothing that it names (without it, nothing at all): a columnist's bio line under her columns
    ("Marta Kell is a senior fellow at the Institute for ...") names only who wrote them, a helpline
    only itself, and a story's closing paragraph names what its story is about. In a text without
    lower case, capitals mark no names, so it names nothing only where it has some."""
    names = {" ".join(name.split()) for name in _NAME_PHRASE.findall(text.strip())} - _CALENDAR
    if elsewhere is not None:
        named = any(re.search(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", elsewhere) for name in names)
    else:
        named = bool(names)
    return (_has_lower_case(text) and not any(c.isdigit() for c in text) and not _NARRATION.search(text)
            and not named)


def _has_lower_case(text: str) -> bool:
    """``text`` has a letter that is not a capital: one in lower case, or one of a script without
    case (Arabic, Hebrew, Chinese, ...), where no capital marks a name. A text written all in
    capitals has none."""
    return any(c.isalpha() and not c.isupper() for c in text)


def _with_lead(text: str, start: int) -> int:
    """``start``, or the start of its line when what lies between has no letter or digit: a symbol
    that opens the line ("© 2026 ...", a bullet) is no word, so no passage holds it."""
    head = text.rfind("\n", 0, start) + 1
    return head if not any(c.isalnum() for c in text[head:start]) else start


def _headings_end(text: str, limit: int) -> int:
    """Where the heading lines at the top of ``text`` end (:func:`.align.heading_end`: lines of a few
    words ending no sentence, a page's headline or a "Skip to main content" link), at most ``limit``.
    A banner under them still opens the page: nothing of the page's own text lies before it."""
    t = tokenize(text[:limit])
    end = heading_end(t)
    return int(t.starts[end]) if end < len(t) else limit


def _is_notice(text: str, elsewhere: str | None = None, outlet: str | None = None) -> bool:
    """What a notice under articles gives: words of the page (:func:`_of_the_page`) or words for
    any article (:func:`_names_nothing`): a wire's credit or copyright line, a standard disclaimer,
    a cookie notice, a press-standards line or a support line that outlets print under unrelated
    articles."""
    return _of_the_page(text, outlet) or _names_nothing(text, elsewhere)


def _of_the_page(text: str, outlet: str | None = None) -> bool:
    """``text`` is the page's, not a story's: it gives a way to reach someone
    (:func:`_has_contact`), opens with words about the page itself (:data:`_ABOUT_PAGE`), is a
    rights line (:data:`_RIGHTS`) or speaks in the publication's own voice
    (:func:`_speaks_as_page`)."""
    return (_has_contact(text) or bool(_ABOUT_PAGE.match(text.strip())) or bool(_RIGHTS.search(text.strip()))
            or _speaks_as_page(text, outlet))


def _only_notices(text: str) -> bool:
    """Every paragraph of ``text`` (none at all included) is a notice (:func:`_is_notice`): what
    closes a page after a notice may be another one (a legal line, then a support line)."""
    return all(_is_notice(part) for part in _PARAGRAPHS.split(text) if part.strip())


_PARAGRAPHS = re.compile(r"\n\s*\n")


PassageTuple = tuple[str, int, int, str, int, int]  # (a, a_start, a_end, b, b_start, b_end)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        x, y = self.find(x), self.find(y)
        if x != y:
            self.parent[max(x, y)] = min(x, y)


def group_passages(
    passages: Sequence[PassageTuple],
    min_overlap: float = 0.5,
    texts: Mapping[str, str] | None = None,
    max_gap: int = 6,
    published: Mapping[str, dt.date | None] | None = None,
) -> list[list[int]]:
    """Indices of ``passages`` grouped into clusters, each sorted, clusters in order of their first
    passage. With the articles' ``texts``, passages of one article pair that form one block in
    both articles (:func:`same_block`), or would once their clusters' text in between is left out
    (:func:`_left_out`), are grouped too, and so are clusters of exactly the same articles
    (:func:`_same_articles`); with the articles' ``published`` dates, not two texts that different
    articles printed first (:func:`_first_printed`). Deterministic for a given passage order."""
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # article -> (start, end, node)
    for k, (a, a0, a1, b, b0, b1) in enumerate(passages):
        spans[a].append((a0, a1, 2 * k))
        spans[b].append((b0, b1, 2 * k + 1))
    uf = _UnionFind(2 * len(passages))
    for k in range(len(passages)):
        uf.union(2 * k, 2 * k + 1)
    for items in spans.values():
        items.sort()
        for p, (s0, e0, n0) in enumerate(items):
            for s1, e1, n1 in items[p + 1 :]:
                if s1 >= e0:
                    break
                overlap = min(e0, e1) - s1
                if overlap >= min_overlap * min(e0 - s0, e1 - s1):
                    uf.union(n0, n1)
    if texts is not None:
        first = _first_printed(passages, uf, published)
        for k, m in same_block(passages, texts, max_gap):
            if first[k] is None or first[m] is None or first[k] == first[m]:
                uf.union(2 * k, 2 * m)
        for k, m in _left_out(passages, uf, texts, max_gap):
            if first[k] is None or first[m] is None or first[k] == first[m]:
                uf.union(2 * k, 2 * m)
        for k, m in _same_articles(passages, uf):
            uf.union(2 * k, 2 * m)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(passages)):
        groups[uf.find(2 * k)].append(k)
    return sorted(groups.values(), key=lambda g: g[0])


def split_at_first_printings(passages: Sequence[PassageTuple], texts: Mapping[str, str],
                             published: Mapping[str, dt.date | None]) -> dict[int, list[PassageTuple]]:
    """Passages to cut into pieces at paragraph breaks, as ``{index: pieces}``: a passage of two
    articles runs over a break where an article published before both shares the text on one
    side of the break (the paragraph there is at least half covered by their passages) and none
    on the other. A reissued text with a paragraph added, printed by a paper with the added
    paragraph straight after the old ones, is one passage between the reissue and the paper, but
    two texts with two histories: the old paragraphs were first printed by the first issue, the
    added one by the reissue. The break is cut in both articles only where the passage holds as
    many paragraph breaks in each (a copy printed paragraph for paragraph); dates must be known."""
    def date(art: str) -> dt.date | None:
        return published.get(art)

    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # article -> (start, end, other)
    for a, a0, a1, b, b0, b1 in passages:
        by_article[a].append((a0, a1, b))
        by_article[b].append((b0, b1, a))
    out: dict[int, list[PassageTuple]] = {}
    for k, (a, a0, a1, b, b0, b1) in enumerate(passages):
        if date(a) is None or date(b) is None or a not in texts or b not in texts:
            continue
        first = min(date(a), date(b))  # type: ignore[type-var]
        breaks = [_breaks(texts[a], a0, a1), _breaks(texts[b], b0, b1)]
        if not breaks[0] or len(breaks[0]) != len(breaks[1]):
            continue
        cuts: set[int] = set()
        for art, s, e, marks in ((a, a0, a1, breaks[0]), (b, b0, b1, breaks[1])):
            earlier = [(x0, x1) for x0, x1, z in by_article[art]
                       if z not in (a, b) and date(z) is not None and date(z) < first]  # type: ignore[operator]
            if not earlier:
                continue
            edges = [s, *(m for pair in marks for m in pair), e]
            paragraphs = list(zip(edges[::2], edges[1::2]))
            covered = [_covered(earlier, lo, hi) for lo, hi in paragraphs]
            shared = [c >= STORY_SHARE * (hi - lo) for c, (lo, hi) in zip(covered, paragraphs)]
            cuts |= {n for n in range(len(marks))
                     if shared[n] != shared[n + 1] and not covered[n + 1 if shared[n] else n]}
        if cuts:
            ea = [a0, *(m for n in sorted(cuts) for m in breaks[0][n]), a1]
            eb = [b0, *(m for n in sorted(cuts) for m in breaks[1][n]), b1]
            out[k] = [(a, ea[i], ea[i + 1], b, eb[i], eb[i + 1]) for i in range(0, len(ea), 2)]
    return out


def _breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraph breaks inside ``text[start:end]``, as (end of the paragraph before, start of the one after)."""
    return [(m.start(), m.end()) for m in _PARAGRAPHS.finditer(text, start, end)
            if text[start : m.start()].strip() and text[m.end() : end].strip()]


def _first_printed(passages: Sequence[PassageTuple], uf: _UnionFind,
                   published: Mapping[str, dt.date | None] | None) -> list[str | None]:
    """For each passage, the origin (:func:`origin_of`) of the text it overlaps, before passages are
    joined by where they lie: None without dates. Two passages next to each other in two articles
    are one copied text only if one article printed both first: a text issued again the next day
    with a paragraph added, and printed so by a paper, has the added paragraph next to the old ones
    in both later texts, but the first issue never printed it, and one cluster would name that
    issue as its origin."""
    if published is None:
        return [None] * len(passages)
    articles: dict[int, set[str]] = defaultdict(set)
    for k, (a, _, _, b, _, _) in enumerate(passages):
        articles[uf.find(2 * k)].update((a, b))
    origins = {root: origin_of(sorted(arts), published) for root, arts in articles.items()}
    return [origins[uf.find(2 * k)] for k in range(len(passages))]


def _same_articles(passages: Sequence[PassageTuple], uf: _UnionFind) -> list[tuple[int, int]]:
    """Pairs of passages (one per cluster) whose clusters hold exactly the same articles: pieces
    of one text found at unrelated places, such as a live blog quoting one report in two entries
    far apart, newest first, or a copy that took two paragraphs from different parts of one
    article. Every article that holds one piece holds the other, so they share one history and one
    origin; a piece that a third article holds as well is another text, and stays apart."""
    articles: dict[int, set[str]] = defaultdict(set)
    for k, (a, _, _, b, _, _) in enumerate(passages):
        articles[uf.find(2 * k)].update((a, b))
    first: dict[frozenset[str], int] = {}
    out = []
    for k in range(len(passages)):
        root = uf.find(2 * k)
        m = first.setdefault(frozenset(articles[root]), k)
        if uf.find(2 * m) != root:
            out.append((m, k))
    return out


def _near(text: str | None, end: int, start: int, max_gap: int,
          covered: Sequence[tuple[int, int]] = ()) -> bool:
    """``text[start:]`` begins at most ``max_gap`` words after ``end`` (or overlaps it), not
    counting words inside the ``covered`` spans (disjoint and sorted)."""
    if start <= end:
        return True
    if text is None:
        return False
    words = len(text[end:start].split())
    if words <= max_gap or not covered:
        return words <= max_gap
    k = max(0, bisect_right(covered, (end, end)) - 1)
    while k < len(covered) and covered[k][0] < start:
        s, e = covered[k]
        if e > end:
            words -= len(text[max(s, end) : min(e, start)].split())
        k += 1
    return words <= max_gap


def _blocks(spans: Sequence[tuple[int, int, int]], text: str | None, max_gap: int) -> dict[int, int]:
    """Block number of each ``(start, end, key)`` span of one article: spans at most ``max_gap``
    words apart (or overlapping) are one block."""
    label: dict[int, int] = {}
    block, reach = -1, -1
    for start, end, key in sorted(spans):
        if block < 0 or not _near(text, reach, start, max_gap):
            block += 1
        reach = max(reach, end)
        label[key] = block
    return label


def same_block(passages: Sequence[PassageTuple], texts: Mapping[str, str], max_gap: int) -> list[tuple[int, int]]:
    """Pairs of passages between the same two articles that are one copied text: they lie in one
    block of each (a copy whose sentences or paragraphs were put in another order: each in-order
    run is its own passage, next to the others in both articles), or next to each other in one
    article and in the same order in the other (:func:`_in_order`). Passages of a pair at
    unrelated places of both articles stay apart."""
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, (a, _, _, b, _, _) in enumerate(passages):
        by_pair[a, b].append(k)
    out = []
    for (a, b), ks in by_pair.items():
        if len(ks) < 2:
            continue
        in_a = _blocks([(passages[k][1], passages[k][2], k) for k in ks], texts.get(a), max_gap)
        in_b = _blocks([(passages[k][4], passages[k][5], k) for k in ks], texts.get(b), max_gap)
        first: dict[tuple[int, int], int] = {}
        for k in ks:
            m = first.setdefault((in_a[k], in_b[k]), k)
            if m != k:
                out.append((m, k))
        out += _in_order(passages, ks, texts.get(a), 1, 4, max_gap)
        out += _in_order(passages, ks, texts.get(b), 4, 1, max_gap)
    return out


def _left_out(passages: Sequence[PassageTuple], uf: _UnionFind, texts: Mapping[str, str],
              max_gap: int) -> list[tuple[int, int]]:
    """Pairs of passages of one article pair, in the same order in both articles, that are next to
    each other in one of them once the text that their clusters' other passages cover there is
    left out (:func:`_in_order` without it): a press release whose opening and closing paragraphs
    one outlet printed, the quotation paragraph between them left out, which other outlets printed.
    Only the clusters' own text counts: a passage of one of the two articles with an unrelated
    third article says nothing about the gap."""
    from ..metrics import merge_intervals

    spans: dict[tuple[int, str], list[tuple[int, int]]] = defaultdict(list)  # (cluster root, article) -> spans
    by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, (a, a0, a1, b, b0, b1) in enumerate(passages):
        root = uf.find(2 * k)
        spans[root, a].append((a0, a1))
        spans[root, b].append((b0, b1))
        by_pair[a, b].append(k)
    out = []
    for (a, b), ks in by_pair.items():
        for here, there, art in ((1, 4, a), (4, 1, b)):
            order = sorted(ks, key=lambda k: (passages[k][here], passages[k][here + 1]))
            for k, m in zip(order, order[1:]):
                rk, rm = uf.find(2 * k), uf.find(2 * m)
                if rk == rm or passages[m][there] < passages[k][there + 1]:
                    continue
                covered = merge_intervals(spans[rk, art] + spans[rm, art])
                if _near(texts.get(art), passages[k][here + 1], passages[m][here], max_gap, covered):
                    out.append((k, m))
    return out


def _in_order(passages: Sequence[PassageTuple], ks: Sequence[int], text: str | None, here: int, there: int,
              max_gap: int) -> list[tuple[int, int]]:
    """Passages ``ks`` of one article pair that follow each other in one article (start offset at
    ``here`` in the tuple, at most ``max_gap`` words apart) and come in the same order in the other
    (start offset at ``there``): one stretch of text copied with something put between its
    parts, such as a republished story with adverts, "read more" links or the copier's own
    sentences between its paragraphs. However long the insertions, the copy is one text with one
    origin."""
    order = sorted(ks, key=lambda k: (passages[k][here], passages[k][here + 1]))
    return [(k, m) for k, m in zip(order, order[1:])
            if _near(text, passages[k][here + 1], passages[m][here], max_gap)
            and passages[m][there] >= passages[k][there + 1]]


def members_of(
    passages: Sequence[PassageTuple],
    group: Sequence[int],
    texts: Mapping[str, str],
    max_gap: int = 6,
) -> list[tuple[str, int, int]]:
    """The cluster's text in each article, sorted: its spans of one article merged where they
    overlap or lie at most ``max_gap`` words apart (``_blocks``: the paragraphs of a reordered copy
    are one member, not one per paragraph)."""
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for k in group:
        a, a0, a1, b, b0, b1 = passages[k]
        spans[a].append((a0, a1, 2 * k))
        spans[b].append((b0, b1, 2 * k + 1))
    out = []
    for art, items in spans.items():
        block = _blocks(items, texts.get(art), max_gap)
        merged: dict[int, tuple[int, int]] = {}
        for s, e, key in items:
            lo, hi = merged.get(block[key], (s, e))
            merged[block[key]] = (min(lo, s), max(hi, e))
        out += [(art, lo, hi) for lo, hi in merged.values()]
    return sorted(out)


def origin_of(article_ids: Sequence[str], published: Mapping[str, dt.date | None]) -> str | None:
    """The member published first; None when any member has no date or the first date is tied."""
    dates = [(published.get(a), a) for a in sorted(set(article_ids))]
    if not dates or any(d is None for d, _ in dates):
        return None
    dates.sort()
    if len(dates) > 1 and dates[0][0] == dates[1][0]:
        return None
    return dates[0][1]


def boilerplate_passages(
    passages: Sequence[PassageTuple],
    groups: Sequence[Sequence[int]],
    outlets: Mapping[str, str | None],
    min_articles: int = 3,
    texts: Mapping[str, str] | None = None,
) -> set[int]:
    """Indices of passages that join two articles of one outlet inside a cluster where some outlet
    has at least ``min_articles`` articles: text a site repeats on many of its own pages, and the
    same text repeated by another site on fewer pages (sites on one consent service or CMS show
    one cookie notice). So is a cluster that two outlets each show on two or more pages and no
    outlet on one only (:func:`_shared_notice`): such a notice was reported as copying between
    every two of its pages. With the articles' ``texts``, a text that is at least
    :data:`STORY_SHARE` of every page showing it is no such notice (:func:`_fills_pages`), unless it
    is one paragraph on every page (:func:`_one_paragraph`: pages that are only a banner). Also
    the cluster's passages between outlets whose text in one article is mostly
    (:data:`BOILERPLATE_COVER`) what that article's outlet repeats: another outlet reprinting it."""
    flagged: set[int] = set()
    pairs = defaultdict(int)  # passages per pair of articles
    for a, _, _, b, _, _ in passages:
        pairs[a, b] += 1
    for group in groups:
        per_outlet: dict[str, set[str]] = defaultdict(set)
        for k in group:
            a, _, _, b, _, _ = passages[k]
            for art in (a, b):
                outlet = outlets.get(art)
                if outlet:
                    per_outlet[outlet].add(art)
        if _page_notice(passages, group, texts, pairs, outlets):
            flagged.update(group)
            continue
        notice = (_shared_notice(per_outlet, _articles_of(passages, group))
                  and not (_fills_pages(passages, group, texts) and not _one_paragraph(passages, group, texts)))
        if not (notice or any(len(arts) >= min_articles for arts in per_outlet.values())):
            continue
        reruns = set() if notice else _reruns(passages, group, outlets, texts)
        repeated: dict[str, list[tuple[int, int]]] = defaultdict(list)  # article -> its boilerplate spans
        for k in group:
            a, a0, a1, b, b0, b1 = passages[k]
            if outlets.get(a) and outlets.get(a) == outlets.get(b) and (a, b) not in reruns:
                flagged.add(k)
                repeated[a].append((a0, a1))
                repeated[b].append((b0, b1))
        for k in group:
            if k in flagged:
                continue
            a, a0, a1, b, b0, b1 = passages[k]
            if any(_covered(repeated[art], s, e) >= BOILERPLATE_COVER * (e - s)
                   for art, s, e in ((a, a0, a1), (b, b0, b1))):
                flagged.add(k)
    return flagged


def trim_boilerplate(passages: Sequence[PassageTuple], flagged: set[int], outlets: Mapping[str, str | None],
                     texts: Mapping[str, str]) -> dict[int, PassageTuple]:
    """New bounds for the passages between two articles of one outlet, not ``flagged``, that end
    (or start) with the flagged text of both articles: a story the outlet printed again is aligned
    with the footer under it, which its other pages show too. The footer is cut off (in both
    articles, and only where it is at the same edge in both), so the story is reported without
    it. Between outlets the footer stays: another outlet that republished an article with it
    copied it too."""
    repeated: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k in flagged:
        a, a0, a1, b, b0, b1 = passages[k]
        repeated[a].append((a0, a1))
        repeated[b].append((b0, b1))
    out: dict[int, PassageTuple] = {}
    for k, (a, a0, a1, b, b0, b1) in enumerate(passages):
        if (k in flagged or a not in repeated or b not in repeated or a not in texts or b not in texts
                or not outlets.get(a) or outlets.get(a) != outlets.get(b)):
            continue
        ta, tb = texts[a], texts[b]
        end_a, end_b = _footer_at(repeated[a], a0, a1, True), _footer_at(repeated[b], b0, b1, True)
        if end_a is not None and end_b is not None:
            a1, b1 = len(ta[:end_a].rstrip()), len(tb[:end_b].rstrip())
        start_a, start_b = _footer_at(repeated[a], a0, a1, False), _footer_at(repeated[b], b0, b1, False)
        if start_a is not None and start_b is not None:
            a0, b0 = len(ta) - len(ta[start_a:].lstrip()), len(tb) - len(tb[start_b:].lstrip())
        if (a0, a1, b0, b1) != passages[k][1:3] + passages[k][4:6] and a0 < a1 and b0 < b1:
            out[k] = (a, a0, a1, b, b0, b1)
    return out


def _footer_at(spans: Sequence[tuple[int, int]], start: int, end: int, at_end: bool) -> int | None:
    """Where the boilerplate ``spans`` of one article take over the passage ``[start, end)``: the
    earliest start of one that covers (BOILERPLATE_COVER) the passage from there to its end, or,
    ``at_end`` false, the latest end of one that covers it from its start; None if none does."""
    cuts = [s if at_end else e for s, e in spans
            if start < (s if at_end else e) < end
            and _covered([(s, e)], *((s, end) if at_end else (start, e))) >= BOILERPLATE_COVER * (
                (end - s) if at_end else (e - start))]
    if not cuts:
        return None
    return min(cuts) if at_end else max(cuts)


def _page_notice(passages: Sequence[PassageTuple], group: Sequence[int], texts: Mapping[str, str] | None,
                 pairs: Mapping[tuple[str, str], int], outlets: Mapping[str, str | None] | None = None) -> bool:
    """The cluster's text is a one-paragraph notice closing every article after its own text (only other
    notices after it: :func:`_only_notices`), or opening it before its own text (a consent or
    subscription banner, nothing before it but heading lines, :func:`_headings_end`), or, on two pages
    of one outlet, between their paragraphs (its newsletter sign-up line, which may name the outlet as
    the page's own voice, :func:`_speaks_as_page`); between the paragraphs of two outlets' pages only
    words of the page (:func:`_of_the_page`: a sign-up line or a consent banner that outlets of one
    group or CMS put inside their stories or under a standfirst), since a paragraph that merely names
    nothing there may be an opinion one copied from the other; with a phone
    number, a web or an e-mail address in it, opening with words about the page itself or naming nothing
    and telling of no event (:func:`_is_notice`), and every two of its articles share nothing else: a
    helpline, a complaints address, a corrections policy, a wire's credit line or a disclaimer that
    outlets print under some of their articles (a regulator, a charity or a wire asks them to), printed
    once each. It is no outlet copying another, and with two pages it is no outlet's boilerplate either. A copy that took a
    story's last paragraph along with more of it shares more; a copied last paragraph without an
    address stays copying. So does one that names a place or a person both articles name above
    it (:func:`_names_of_story`): a police appeal for witnesses of the crash both report ("call
    Brackwater police on ...") belongs to that story, and one outlet took it from the other; a
    notice printed under unrelated articles names only who runs it. A line both articles print
    outside it as it stands (a wire's byline above two unrelated stories whose credit line names the
    same reporter) is no story of theirs, nor is the outlet's own name in the notice (a banner
    naming a paper called after the town its stories name). False without ``texts``."""
    if texts is None:
        return False
    for k in group:
        a, a0, a1, b, b0, b1 = passages[k]
        if pairs[a, b] != 1 or a not in texts or b not in texts:
            return False
        elsewhere = "\n".join((texts[a][:a0], texts[a][a1:], texts[b][:b0], texts[b][b1:]))
        own = outlets or {}
        one_outlet = own.get(a) if own.get(a) and own.get(a) == own.get(b) else None
        where = set()
        for text_id, s, e in ((a, a0, a1), (b, b0, b1)):
            text = texts[text_id]
            closes = bool(text[:s].strip()) and _only_notices(text[e:])
            opens = bool(text[e:].strip()) and not text[_headings_end(text, s):_with_lead(text, s)].strip()
            inside = bool(text[:s].strip() and text[e:].strip()
                          and (one_outlet or _of_the_page(text[_with_lead(text, s):e], own.get(text_id))))
            if (not (closes or opens or inside) or "\n" in text[s:e]
                    or not _is_notice(text[_with_lead(text, s):e], elsewhere, one_outlet)):
                return False
            where.add((closes, opens, inside))
        # a notice sits where notices sit on both pages: closing both or opening both, not the end of
        # one story and the start of the other (what a copy that one outlet ran on and the other led
        # with is); or between the paragraphs of both pages of one outlet (its sign-up line)
        if not any(all(w[i] for w in where) for i in (0, 1, 2)):
            return False
        both = frozenset(_lines(texts[a], a0, a1) & _lines(texts[b], b0, b1))
        if _names_of_story(texts[a], a0, a1, both, own.get(a)) & _names_of_story(texts[b], b0, b1, both, own.get(b)):
            return False
    return True


def _lines(text: str, start: int, end: int) -> set[str]:
    """The lines of ``text`` outside ``text[start:end]``, stripped, blank ones left out."""
    return {line.strip() for line in (text[:start] + "\n" + text[end:]).splitlines() if line.strip()}


def _articles_of(passages: Sequence[PassageTuple], group: Sequence[int]) -> set[str]:
    return {art for k in group for art in (passages[k][0], passages[k][3])}


def _shared_notice(per_outlet: Mapping[str, set[str]], articles: set[str]) -> bool:
    """A text that SHARED_NOTICE_OUTLETS or more outlets each show on SHARED_NOTICE_PAGES or more of
    their pages, and that no article shows once for its outlet (nor without an outlet): a notice
    of a service several sites use (a membership appeal, a consent banner), seen too rarely in
    the corpus for any one outlet to reach ``min_articles``. A copied story has a source or a
    copier that prints it once, which keeps it out."""
    return (sum(len(arts) >= SHARED_NOTICE_PAGES for arts in per_outlet.values()) >= SHARED_NOTICE_OUTLETS
            and all(len(arts) >= SHARED_NOTICE_PAGES for arts in per_outlet.values())
            and sum(len(arts) for arts in per_outlet.values()) == len(articles))


def _fills_pages(passages: Sequence[PassageTuple], group: Sequence[int], texts: Mapping[str, str] | None) -> bool:
    """The cluster's text is at least STORY_SHARE of every one of its articles (in characters, its
    spans in each article merged). A notice is a line around a page's own article; a story that
    one outlet ran twice and another copied twice has the shape of a shared notice (no page
    prints it once) but is the article on every page. False without ``texts``."""
    if texts is None:
        return False
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k in group:
        a, a0, a1, b, b0, b1 = passages[k]
        spans[a].append((a0, a1))
        spans[b].append((b0, b1))
    return all(art in texts and _covered(parts, 0, len(texts[art])) >= STORY_SHARE * len(texts[art].strip())
               for art, parts in spans.items())


def _one_paragraph(passages: Sequence[PassageTuple], group: Sequence[int], texts: Mapping[str, str] | None) -> bool:
    """Every side of the cluster's passages is one paragraph (no line break inside it). A page
    whose extracted text is only a consent banner or an appeal is filled by it, as a story one
    outlet ran twice and another copied twice fills its pages; but a story runs over paragraphs,
    and a banner is one block of text. False without ``texts``."""
    if texts is None:
        return False
    return all(art in texts and "\n" not in texts[art][s:e].strip()
               for k in group for art, s, e in (passages[k][0:3], passages[k][3:6]))


def _reruns(passages: Sequence[PassageTuple], group: Sequence[int], outlets: Mapping[str, str | None],
            texts: Mapping[str, str] | None) -> set[tuple[str, str]]:
    """Pairs of one outlet's articles in the cluster whose shared text (their passages in it,
    merged) is at least STORY_SHARE of both pages and is not shaped like a footer or a header
    (:func:`_footer_shaped`): a story the outlet printed again (the next day under a new first
    paragraph, in a weekend round-up), not a line around two of its articles. Three such pages
    have the shape of the outlet's boilerplate. The footer under such a story, which the outlet's
    other pages show too, is what those pages share with it: it is left out before the shape is
    judged. Two pages that each are such a printing of the story (with a third page) are one too,
    though both open with words of their own and close with it: two reprints under intros of their
    own have the shape of a footer between them, but the page that printed the story alone (or
    with words after it) shows it is one; when the text runs over more than one paragraph on both,
    since a page whose extracted text is only a one-paragraph notice (a consent banner, an appeal)
    has the same shape. Empty without ``texts``."""
    if texts is None:
        return set()
    spans: dict[tuple[str, str], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = defaultdict(lambda: ([], []))
    for k in group:
        a, a0, a1, b, b0, b1 = passages[k]
        if outlets.get(a) and outlets.get(a) == outlets.get(b) and a in texts and b in texts:
            spans[a, b][0].append((a0, a1))
            spans[a, b][1].append((b0, b1))
    filled = {pair for pair, (in_a, in_b) in spans.items()
              if all(_covered(parts, 0, len(texts[art])) >= STORY_SHARE * len(texts[art].strip())
                     for art, parts in zip(pair, (in_a, in_b)))}
    repeated: dict[str, list[tuple[int, int]]] = defaultdict(list)  # what the other pages share
    for pair, parts in spans.items():
        if pair not in filled:
            for art, part in zip(pair, parts):
                repeated[art].extend(part)
    shared = {pair: [(texts[art], _without(parts, repeated[art])) for art, parts in zip(pair, spans[pair])]
              for pair in filled}
    found = {pair for pair in filled if not _footer_shaped(shared[pair])}
    printed = {art for pair in found for art in pair}
    return found | {(a, b) for (a, b) in filled if a in printed and b in printed
                    and all(span and "\n" in text[span[0] : span[1]] for text, span in shared[a, b])}


def _without(spans: Sequence[tuple[int, int]], cut: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """First start and last end of what ``spans`` cover outside ``cut``; None if nothing is left."""
    from ..metrics import merge_intervals

    left, cuts = [], merge_intervals(cut)
    for s, e in merge_intervals(spans):
        for c0, c1 in cuts:
            if c0 > s:
                left.append((s, min(e, c0)))
            s = max(s, c1)
            if s >= e:
                break
        if s < e:
            left.append((s, e))
    left = [(s, e) for s, e in left if s < e]
    return (left[0][0], left[-1][1]) if left else None


def _footer_shaped(sides: Sequence[tuple[str, tuple[int, int] | None]]) -> bool:
    """The shared text ends every page after the page's own text (a footer), or opens every page
    before it (a header, a banner): the shape of a notice around articles, however short they
    are. A story printed again fills one of its pages, or has text of its own after it on one
    (a new last paragraph, the footer) and before it (a new first paragraph, a round-up's intro)."""
    if any(span is None for _, span in sides):
        return True
    own = [(bool(text[: span[0]].strip()), bool(text[span[1] :].strip())) for text, span in sides if span]
    return all(before and not after for before, after in own) or all(after and not before for before, after in own)


def _covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of ``[start, end)`` lie in the union of ``spans``."""
    from ..metrics import merge_intervals

    return sum(e - s for s, e in merge_intervals((max(s, start), min(e, end)) for s, e in spans))
