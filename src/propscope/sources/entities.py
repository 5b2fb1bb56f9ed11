"""Named entities as :class:`EntityMention` records: spaCy's mentions with a leading article dropped,
headline-case lines kept to names the article's body also uses, and the mentions of one person or
body grouped under one entity id ("Obama", "President Obama" -> "Barack Obama"), so that a table of
sources counts people, not spellings."""

from __future__ import annotations

import re

from .lexicon import ENTITY_LABELS, TITLES
from .results import EntityMention


def _strip_det(text: str, start: int, end: int) -> tuple[int, int]:
    m = re.match(r"(?:the|a|an)\s+", text[start:end], re.I)
    if m and end - start > m.end():
        start += m.end()
    m = re.search(r"(?:['’]s?)$", text[start:end])
    if m and end - start > len(m.group()) + 1:
        end -= len(m.group())
    return start, end


def _name_tokens(name: str, person: bool) -> list[str]:
    """A name's words; a person's without the titles before it ('Senator', 'Dr.') and without a role word the
    model kept in the name that still leaves two words that read as a name ('Councillor Hendrik de Vries' ->
    'Hendrik de Vries', as :func:`propscope.names.core` cuts it; not 'Union Leader Network')."""
    from ..names import after_role  # here, not at the top: names imports this package

    toks = [t for t in re.split(r"[\s]+", name.strip()) if t]
    if person:
        while len(toks) > 1 and toks[0].lower().rstrip(".") in TITLES:
            toks = toks[1:]
        toks = toks[after_role(toks):]
    return toks


_SMALL_WORDS = frozenset("a an the of in on at to for as and or but by with from vs via over after into".split())


def initials(name: str) -> str:
    """The capitals a body's name is shortened to ('World Health Organization' -> 'WHO', 'Médecins Sans
    Frontières' -> 'MSF'), its small words left out: how a text that names a body in full writes it after."""
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL_WORDS | {"de", "des", "du"}).upper()


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines written in headline case: short, no final period, most words
    capitalised ("Benton Blasts Radical Climate Agenda as Job-Killing Disaster")."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
        if 3 <= len(words) <= 20 and not line.endswith(".") and \
                sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            out.append((m.start(), m.end()))
    return out


def _headline_mentions(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """In headline-case lines the small model takes capitalised words for names ("Job-Killing
    Disaster", "Benton Blasts Radical"): there a mention is kept only as far as it is a name the
    body of the article also mentions (cut down to it: "Benton Blasts Radical" -> "Benton"), with the label
    the body gives that name ('Porto' in "Pavlidis Double Sinks Porto", a club in the body), the initials
    of a body the article names in full ("WHO: ..." beside "the World Health Organization"), or a place the
    model labelled one whose whole name is a well-known place's ("... ACCUSED OF SPYING FOR MOSCOW")."""
    from ..places import is_place

    heads = _headline_lines(text)
    if not heads:
        return mentions

    def in_head(m: EntityMention) -> bool:  # a mention the model ran on over the line break is in it too
        return any(a <= m.start and m.end - (len(m.text) - len(m.text.rstrip())) <= b for a, b in heads)

    body = [m for m in mentions if not in_head(m)]
    names = {" ".join(_name_tokens(m.text, True)).lower() for m in body}
    seen: dict[str, set[str]] = {}
    for m in body:  # a possessive's label is a weak guess ("Louis Farrakhan's views" read as a body)
        if not re.match(r"['’]s\b", text[m.end : m.end + 3]):
            seen.setdefault(" ".join(_name_tokens(m.text, True)).lower(), set()).add(m.label)
    labels = {k: next(iter(v)) if len(v) == 1 else "" for k, v in seen.items()}  # "": the body is of two minds
    known = names | {w for k in names for w in k.split()} - _SMALL_WORDS
    shortened = {initials(k) for k, label in labels.items() if label == "ORG" and len(k.split()) > 1}
    out = []
    for m in mentions:
        if not in_head(m) or m.label == "GPE" and is_place(m.text if not m.text.isupper() else m.text.title()) \
                or m.label == "ORG" and m.text.isupper() and m.text in shortened:
            out.append(m)
            continue
        toks = [(t.start(), t.end()) for t in re.finditer(r"\S+", m.text)]
        runs = []
        for i in range(len(toks)):  # the runs of the mention's words that the body names, longest first
            for j in range(len(toks), i, -1):
                s, e = m.start + toks[i][0], m.start + toks[j - 1][1]
                s, e = _strip_det(text, s, e)
                if " ".join(_name_tokens(text[s:e], True)).lower() in known:
                    runs.append((s, e))
        whole = [r for r in runs if " ".join(_name_tokens(text[r[0]:r[1]], True)).lower() in names]
        kept: list[tuple[int, int]] = []
        for s, e in sorted(whole or runs, key=lambda r: (r[0] - r[1], r[0])):  # the body's whole names, apart
            if not any(s < b and a < e for a, b in kept) and (whole or not kept):
                kept.append((s, e))
        for s, e in sorted(kept):
            label = labels.get(" ".join(_name_tokens(text[s:e], True)).lower()) or m.label
            out.append(EntityMention(s, e, text[s:e], label))
    return out


def _entities(doc) -> list[EntityMention]:
    """Named entities grouped into one ``entity_id`` per real-world entity.

    Grouping rule: identical names (article and possessive stripped, case folded) are one entity
    whatever spaCy's label; a PERSON mention whose tokens (titles stripped) are a subset of a longer
    PERSON name joins that name ("Obama", "President Obama" -> "Barack Obama"), preferring a name it
    is the suffix of and then the nearest preceding one; an all-caps ORG joins a name whose initials
    it spells ("NATO" -> "North Atlantic Treaty Organization").
    """
    text = doc.text
    mentions: list[EntityMention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        s, e = _strip_det(text, ent.start_char, ent.end_char)
        if not text[s:e].strip():
            continue
        mentions.append(EntityMention(s, e, text[s:e], ent.label_))
    mentions = _headline_mentions(text, mentions)
    if not mentions:
        return mentions

    def key(m: EntityMention) -> str:
        return " ".join(_name_tokens(m.text, m.label == "PERSON")).lower()

    groups: list[list[EntityMention]] = []
    by_key: dict[str, int] = {}
    # Longer names first, so that short mentions find the full name whatever the order in the text.
    order = sorted(range(len(mentions)), key=lambda i: (-len(key(mentions[i]).split()), mentions[i].start))
    for i in order:
        m = mentions[i]
        k = key(m)
        if k in by_key:
            groups[by_key[k]].append(m)
            continue
        gi = None
        if m.label == "PERSON":
            toks = k.split()
            cands = []
            for j, g in enumerate(groups):
                if not any(x.label == "PERSON" for x in g):
                    continue
                full = max((key(x).split() for x in g if x.label == "PERSON"), key=len)
                if len(full) > len(toks) and set(toks) <= set(full):
                    suffix = full[-len(toks):] == toks
                    before = [x.start for x in g if x.start < m.start]
                    dist = m.start - max(before) if before else 10**9
                    cands.append((not suffix, dist, j))
            if cands:
                gi = min(cands)[2]
        elif len(k.split()) == 1 and (person := next(
                (j for j, g in enumerate(groups) if any(x.label == "PERSON" and len(key(x).split()) > 1
                                                        and key(x).split()[-1] == k for x in g)), None)) is not None:
            gi = person  # a surname spaCy labelled as a place or an organisation ("Benton" = "Carla Benton")
        elif m.label == "ORG" and re.fullmatch(r"[A-Z]{2,6}", m.text):
            for j, g in enumerate(groups):
                words = [w for w in key(g[0]).split() if w not in {"of", "the", "for", "and", "on", "in"}]
                if "".join(w[0] for w in words).upper() == m.text:
                    gi = j
                    break
        if gi is None:
            groups.append([])
            gi = len(groups) - 1
        by_key.setdefault(k, gi)
        groups[gi].append(m)
    groups.sort(key=lambda g: min(x.start for x in g))
    for gid, g in enumerate(groups):
        labels = [x.label for x in g]
        named_person = any(len(key(x).split()) > 1 for x in g if x.label == "PERSON")
        label = "PERSON" if named_person else max(set(labels), key=labels.count)
        best = max(g, key=lambda x: (len(key(x)), -x.start))
        canonical = " ".join(_name_tokens(best.text, label == "PERSON"))
        for x in g:
            x.entity_id = gid
            x.canonical = canonical
            if named_person:  # "Holloway", after "Jane Holloway", is no organisation however spaCy tagged it
                x.label = label
    mentions.sort(key=lambda x: x.start)
    return mentions
