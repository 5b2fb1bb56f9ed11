"""What comes after the attributions are found: each source linked to its entity, a pronoun speaker
("he said") resolved to the person named before it, an interview's "Q:"/"A:" and a transcript's
initials labels given the names the introduction gives, and quotes without a verb given the speaker
around them. It needs all attributions at once, so it runs last."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .entities import _strip_det
from .layout import _label_role, _Turn
from .lexicon import _PERSON_PRONOUNS, _SPEAKER_NOUNS, DOC_NOUNS, OUTLETS, PRONOUNS, SPEECH_FORMS, TITLES, UNNAMED
from .patterns import PLACE_ACRONYMS, _initials
from .results import Attribution, EntityMention, Quote
from .spans import _is_speech, _np_span, _opens_sentence, _source_span, _subject


def _overlapping(entities: list[EntityMention], s: int, e: int) -> list[EntityMention]:
    return [m for m in entities if m.start < e and s < m.end]


def _link_entities(atts: list[Attribution], entities: list[EntityMention]) -> None:
    for a in atts:
        ms = _overlapping(entities, a.source_start, a.source_end)
        if ms:
            a.entity_id = max(ms, key=lambda m: (m.label in {"PERSON", "ORG"}, m.end - m.start)).entity_id


def _compatible(pronoun: str, label: str) -> bool:
    if pronoun in _PERSON_PRONOUNS:
        return label == "PERSON"
    if pronoun == "it":
        return label in {"ORG", "GPE"}
    return label in {"ORG", "NORP", "GPE"}


def _resolve_pronouns(doc, atts: list[Attribution], entities: list[EntityMention], quotes: list[Quote]) -> None:
    """Resolve he/she/they/it speakers to a named antecedent when it is clear.

    Clear means, in the pronoun's sentence and the two before it (quotes excluded): the most recent
    statement there has a named speaker of a compatible kind (PERSON for he/she; ORG/GPE for it;
    ORG/NORP/GPE for they) and nobody compatible is mentioned after that speaker outside what the
    speaker said; or else exactly one compatible named entity is mentioned and no untagged proper
    noun could be another candidate. Unclear pronouns keep the pronoun as ``source``.
    """
    text = doc.text
    sents = list(doc.sents)
    by_id = {m.entity_id: m for m in entities}
    framing = _framing(doc, atts)

    def in_quote(s: int, e: int) -> bool:
        return any(q.start <= s and e <= q.end for q in quotes)

    for a in atts:
        p = text[a.source_start : a.source_end].lower()
        if p not in PRONOUNS:
            continue
        si = next((i for i, s in enumerate(sents) if s.start_char <= a.source_start < s.end_char), 0)
        win_start = sents[max(0, si - 2)].start_char
        heard = [(s, e) for b, s, e in framing if b is not a and b.cue_end <= a.source_start]
        cands = [m for m in entities if win_start <= m.start and m.end <= a.source_start
                 and not in_quote(m.start, m.end) and _compatible(p, m.label)
                 and not any(s <= m.start and m.end <= e for s, e in heard)]
        latest = max((b for b in atts if b is not a and win_start <= b.cue_start < a.cue_start),
                     key=lambda b: b.cue_start, default=None)
        if p not in _PERSON_PRONOUNS and latest is not None and latest.entity_id is None and not any(
                m.start >= max(latest.cue_end, latest.source_end)
                and not latest.content_start <= m.start < latest.content_end for m in cands):
            # 'APCO officials told The Hill that its work with Russia ... They added': "they" goes on
            # about the unnamed speaker, unless a name comes after that statement
            continue
        groups = {m.entity_id for m in cands}
        if p in _PERSON_PRONOUNS:  # untagged proper nouns could be people too ("Smith met Jones")
            ent_chars = {i for m in entities for i in range(m.start, m.end)}
            for t in doc.char_span(win_start, a.source_start, alignment_mode="contract") or []:
                if t.pos_ == "PROPN" and t.dep_ in {"nsubj", "dobj", "pobj", "nsubjpass", "conj"} \
                        and t.idx not in ent_chars and not in_quote(t.idx, t.idx + len(t)) and not t.ent_type_:
                    groups.add(("propn", t.lower_))
        chosen: EntityMention | None = None
        # 1. speaker continuity: the previous statement's named speaker, unless someone compatible
        #    is mentioned after it outside what that speaker said
        prev = [b for b in atts if b.cue_start < a.cue_start and b.entity_id is not None
                and b.cue_start >= win_start and b is not a]
        if prev:
            b = max(prev, key=lambda b: b.cue_start)
            m = by_id.get(b.entity_id)
            later = [c for c in cands if c.start > b.source_end and c.entity_id != b.entity_id
                     and not (b.content_start <= c.start and c.end <= b.content_end)]
            if m is not None and _compatible(p, m.label) and not later:
                chosen = next((x for x in entities if x.entity_id == b.entity_id
                               and x.start == b.source_start), None) or m
                if b.resolved_from and b.antecedent_start is not None:
                    chosen = next((x for x in entities if x.start == b.antecedent_start), m)
        # 2. the one compatible name in the window, unless the last statement before the pronoun was
        #    made by a person the text does not name ('..., a former adviser claimed. “...,” he told
        #    Sputnik'): he is more likely that person than the name mentioned before
        if chosen is None and len(groups) == 1 and cands and not _after_unnamed_person(doc, latest, cands, p):
            # 'the Obama administration' names no person a later "he" stands for
            persons = [m for m in cands if not (p in _PERSON_PRONOUNS and _name_as_modifier(doc, m))]
            chosen = max(persons, key=lambda m: m.start, default=None)
        if chosen is not None and p in _PERSON_PRONOUNS and not _holds_title_of(doc, latest, chosen, entities):
            chosen = None  # '... met X. “...,” the president said. “...,” he added': he is the president, not X
        if chosen is None:
            continue
        a.source = chosen.canonical or chosen.text
        a.resolved_from = "pronoun"
        a.antecedent_start, a.antecedent_end = chosen.start, chosen.end
        a.entity_id = chosen.entity_id


def _holds_title_of(doc, latest: Attribution | None, chosen: EntityMention, entities: list[EntityMention]) -> bool:
    """Whether he/she can be ``chosen`` after the last statement before it (``latest``). When that statement
    is made by a definite title the text gives no name ('the president said', 'the minister said'), the
    he/she goes on about the title's holder: ``chosen`` only when one of its mentions holds that title
    ('President X', 'Prime Minister X', 'X, the president,'); otherwise the holder is someone the text
    does not name there ('X spoke to the president. “...,” the president said. “...,” he added')."""
    if latest is None or latest.entity_id is not None or latest.source_end <= chosen.end:
        return True
    span = doc.char_span(latest.source_start, latest.source_end, alignment_mode="expand")
    if span is None:
        return True
    head = span.root
    if head.lower_ not in TITLES or head.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
        return True
    text = doc.text
    word = re.compile(rf"\b{re.escape(head.lower_)}\b", re.I)
    for m in entities:
        if m.entity_id != chosen.entity_id:
            continue
        before = text[max(0, m.start - 40) : m.start]
        lead = re.search(r"(?:[A-Z][\w.-]*\s+)*$", before)  # the capitalised words right before the name
        if word.search(text[m.start : m.end]) or lead and word.search(lead.group()):
            return True
        if re.match(rf",\s+(?:the|a|its|their|our)\s+(?:[\w-]+\s+){{0,3}}{re.escape(head.lower_)}\b", text[m.end:], re.I):
            return True
    return False


def _framing(doc, atts: list[Attribution]) -> list[tuple[Attribution, int, int]]:
    """Where each statement's channel and audience are named: the cue's addressee and what its
    prepositions say ('told RT', 'said on Twitter', 'said in an interview with Reuters'), outside
    its source and content. A name there carried or heard the statement; a later "it" or "they"
    goes on about the speaker, so "It later said" after 'The ministry told RT' is not RT."""
    out = []
    for b in atts:
        if b.kind != "verb":
            continue
        cue = doc.char_span(b.cue_start, b.cue_end, alignment_mode="expand")
        if cue is None:
            continue
        for c in cue.root.children:
            if c.dep_ not in {"prep", "dative", "dobj"} or c.i in range(cue.start, cue.end):
                continue
            start, end = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            if end <= b.content_start or start >= b.content_end:  # never the statement itself
                if end <= b.source_start or start >= b.source_end:
                    out.append((b, start, end))
    return out


# Nouns for a body, not a person: 'the ministry said ... he said' leaves "he" to a name.
_BODY_NOUNS = frozenset("""
ministry government army military union police authorities agency company council committee department office
court party group board commission administration embassy firm bank university team club network channel
newspaper paper station service institute organisation organization foundation
""".split())
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")


def _after_unnamed_person(doc, latest: Attribution | None, cands: list[EntityMention], pronoun: str) -> bool:
    """Whether he/she follows a statement (``latest``, the last one before it in its window) by an
    unnamed person, made after every candidate name in the window (see :func:`_person_noun_speaker`)."""
    if pronoun not in _PERSON_PRONOUNS:
        return False
    return (latest is not None and latest.entity_id is None and _person_noun_speaker(doc, latest)
            and all(m.start < latest.source_start for m in cands))


def _name_as_modifier(doc, m: EntityMention) -> bool:
    """A person's name that only modifies a common noun ('the Obama administration', 'a Trump
    rally'): it names a body or an event, not someone a later "he" stands for. It still counts
    among the names that make a pronoun unclear: without a gender for names, 'a Clinton win ...
    after Trump won, she says' would otherwise give "she" to Trump."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= span.end


def _person_noun_speaker(doc, b: Attribution) -> bool:
    """A statement's speaker given as one unnamed person: a singular common noun for a role or an
    agent ('a former adviser', 'the civil lawyer', 'one resident'), not a pronoun, a document or a
    body. 'The president' or 'the mayor' is left out: a definite title mostly stands for a person the
    article names ('President X ... the president said ..., he said' is X's)."""
    span = doc.char_span(b.source_start, b.source_end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    word = head.lower_
    if head.tag_ != "NN" or head.ent_type_ or word in UNNAMED or word in DOC_NOUNS or word in _BODY_NOUNS:
        return False
    if word in TITLES and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children):
        return False
    return word in TITLES or word in _SPEAKER_NOUNS or word.endswith(_AGENT_SUFFIXES)


# Who asks and who answers in an interview's introduction: 'We spoke to Jane Doe, the mayor', 'An
# interview with X', 'X was interviewed by Y', 'X sat down with the Daily Nation', 'X answered our
# questions'. The media side of 'spoke to' ('... to the Daily Nation', '... to us', 'our reporter spoke
# to ...') tells which party is the interviewee.
_MEDIA_NOUNS = frozenset("""
newspaper paper magazine journal channel station radio television tv network website site outlet programme
program show podcast reporter journalist correspondent editor host anchor interviewer daily weekly agency
broadcaster publication
""".split())
_FIRST_PERSON = frozenset({"we", "us", "i", "me", "our", "my"})
_TALK_LEMMAS = frozenset({"speak", "talk", "chat", "sit"})
_INTERVIEW_NOUNS = frozenset({"interview", "conversation", "chat", "q&a"})


def _media(tok) -> bool:
    return tok.lower_ in _FIRST_PERSON or tok.lemma_.lower() in _MEDIA_NOUNS or tok.ent_type_ == "ORG" \
        or tok.text in OUTLETS


def _child(tok, *deps: str):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _interview_parties(doc, end: int) -> dict[str, list]:
    """The tokens the text before ``end`` names as an interview's parties, by role: 'interviewee' (the
    object of 'interview', 'interview with X', the non-media side of 'spoke to'/'sat down with', the
    subject of 'answered questions') and 'interviewer' (the other side). Coordinated names count each."""
    parties: dict[str, list] = {"interviewer": [], "interviewee": []}

    def add(role: str, tok) -> None:
        if tok is not None:
            parties[role] += [tok] + [c for c in tok.children if c.dep_ == "conj"]

    for tok in doc:
        if tok.idx >= end:
            break
        lem = tok.lemma_.lower()
        if lem == "interview" and tok.pos_ == "VERB":
            agent = _child(tok, "agent")
            add("interviewee", _child(tok, "dobj", "nsubjpass"))
            add("interviewer", _child(agent, "pobj") if agent is not None else _child(tok, "nsubj"))
        elif lem in _INTERVIEW_NOUNS and tok.pos_ == "NOUN":
            for prep in (c for c in tok.children if c.lower_ == "with"):
                p = _child(prep, "pobj")
                if p is not None and _media(p):  # 'said in an interview with NBC': NBC asks
                    add("interviewer", p)
                    if tok.head.dep_ == "prep" and tok.head.head.pos_ in {"VERB", "AUX"}:
                        add("interviewee", _subject(tok.head.head))
                elif p is not None:
                    add("interviewee", p)
                    add("interviewer", _child(tok, "poss"))
        elif lem in _TALK_LEMMAS and tok.pos_ == "VERB":
            if lem == "sit" and not any(c.lower_ == "down" for c in tok.children):
                continue
            subj = _child(tok, "nsubj")
            for prep in (c for c in tok.children if c.lower_ in {"to", "with"}):
                p = _child(prep, "pobj")
                if p is None:
                    continue
                if _media(p):
                    add("interviewee", subj)
                    add("interviewer", p)
                elif subj is not None and _media(subj):
                    add("interviewee", p)
                    add("interviewer", subj)
        elif lem == "answer" and tok.pos_ == "VERB":
            obj = _child(tok, "dobj")
            if obj is not None and obj.lemma_.lower() == "question":
                add("interviewee", _child(tok, "nsubj"))
                src = next((_child(c, "pobj") for c in obj.children if c.lower_ == "from"), None)
                add("interviewer", src if src is not None else _child(obj, "poss"))
    return parties


def _party_name(doc, toks: list, entities: list[EntityMention], role: str):
    """The one party the tokens name, as (source, start, end, entity_id), or None when they name none or
    several. An interviewee must be a person (a name, a title, a person noun), never a pronoun or the
    media side; an interviewer may be an outlet, but 'we' and 'our reporter' name nobody."""
    text = doc.text
    found: dict[object, tuple[str, int, int, int | None]] = {}
    for tok in toks:
        if tok.lower_ in UNNAMED or tok.lower_ in _FIRST_PERSON:
            continue
        if role == "interviewee" and (_media(tok) or not (
                tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" or tok.lower_ in TITLES or tok.lower_ in _SPEAKER_NOUNS)):
            continue
        if role == "interviewer" and tok.lemma_.lower() in _MEDIA_NOUNS and tok.ent_type_ not in {"PERSON", "ORG"} \
                and not any(c.pos_ == "PROPN" for c in tok.children):
            continue  # 'our reporter', 'the newspaper': the writer's side, named nowhere
        s, e = _strip_det(text, *_source_span(tok))
        ms = _overlapping(entities, s, e)
        m = max(ms, key=lambda m: (m.label in {"PERSON", "ORG"}, m.end - m.start)) if ms else None
        key = m.entity_id if m is not None else text[s:e].casefold()
        found.setdefault(key, ((m.canonical or m.text) if m is not None else text[s:e], s, e,
                               m.entity_id if m is not None else None))
    return next(iter(found.values())) if len(found) == 1 else None


def _label_name(text: str, labelled: list[_Turn], entities: list[EntityMention]):
    """The one name that 'NAME A:' labels pair with a role letter, as (source, start, end, entity_id)."""
    spans = {}
    for t in labelled:
        e = t.label_start + len(_label_role(text[t.label_start : t.label_end])[1])
        spans.setdefault(text[t.label_start : e].casefold(), (t.label_start, e))
    if len(spans) != 1:
        return None
    s, e = next(iter(spans.values()))
    ms = _overlapping(entities, s, e)
    return text[s:e], s, e, ms[0].entity_id if ms else None


def _interview_roles(doc, atts: list[Attribution], entities: list[EntityMention], turns: list[_Turn]) -> None:
    """An 'A:' turn (or 'A.', 'ANSWER:') is the interviewee's and a 'Q:' turn the interviewer's: the
    source becomes the party the interview names, from a label that pairs a name with the letter
    ('GILANI A: ...', 'BACON Q: ...') or else from the introduction before the first such turn ('...
    spoke to Jane Doe, the mayor', 'An interview with X'; the interviewer is the other side: 'X talked
    to Radio Malta', 'X was interviewed by Y'). The source keeps the label's offsets and
    ``resolved_from`` is ``"interview"``, as a resolved pronoun keeps the pronoun's. When no one, or
    more than one party, is named ('we', 'our reporter' name nobody), the source is the word
    'interviewee' or 'interviewer' (in :data:`UNNAMED`, so never counted as a name across articles):
    the turn is still a reported statement, which leaving it unattributed would hide (the outlet would
    seem to make the claim, or to ask the question), and the letter would be counted as if it were
    somebody."""
    text = doc.text
    bare = {t.cue: role for t in turns
            for role, name in [_label_role(text[t.label_start : t.label_end])] if role and not name}
    if not bare:
        return
    labelled: dict[str, list] = {}
    for t in turns:
        role, name = _label_role(text[t.label_start : t.label_end])
        if role and name:
            labelled.setdefault(role, []).append(t)
    first = min(t.label_start for t in turns if t.cue in bare)
    parties = _interview_parties(doc, first)
    for a in atts:
        role = bare.get(a.cue_start)
        if role is None or a.kind != "colon":
            continue
        if role in labelled:  # the name a 'NAME A:' label pairs with the letter
            named = _label_name(text, labelled[role], entities)
        else:
            named = _party_name(doc, parties[role], entities, role)
        a.resolved_from = "interview"
        if named is None:
            a.source = role
            continue
        a.source, a.antecedent_start, a.antecedent_end, a.entity_id = named


def _initials_labels(text: str, atts: list[Attribution], entities: list[EntityMention], turns: list[_Turn]) -> None:
    """A transcript whose labels are the speakers' initials ('DB: ...', 'EM: ...') names them in full
    in its introduction ('Dorothy Baines spoke to the chancellor, Ed Marsh'): a turn's source becomes
    the one person named before the first turn whose initials the label spells. The source keeps the
    label's offsets, with ``resolved_from`` ``"initials"`` and the name's mention as its antecedent;
    with no such person, or two ('David Brown' and 'Diane Burke' for 'DB'), the label stays."""
    if not turns:
        return
    first = min(t.label_start for t in turns)
    named: dict[str, dict[int, EntityMention]] = {}
    for m in entities:
        if m.label == "PERSON" and m.end <= first:
            named.setdefault(_initials(m.text), {}).setdefault(m.entity_id, m)
    cues = {t.cue for t in turns}
    labels = {text[t.label_start : t.label_end] for t in turns}  # 'JP:That's ...' (no space) is one too
    for a in atts:
        label = a.source
        if a.kind != "colon" or a.cue_start not in cues and label not in labels or a.resolved_from \
                or not re.fullmatch(r"[A-Z]{2,3}", label) or label in PLACE_ACRONYMS:
            continue
        found = named.get(label, {})
        if len(found) != 1:
            continue
        m = next(iter(found.values()))
        a.source, a.resolved_from = m.canonical or m.text, "initials"
        a.antecedent_start, a.antecedent_end, a.entity_id = m.start, m.end, m.entity_id


# Verbs whose object is the subject's characterisation of something: 'called the deal a "historic mistake"'.
_CHARACTERISE = frozenset("""
call describe dub label brand term dismiss denounce condemn slam blast praise hail accuse decry deride
""".split())


def _characterisation_speakers(doc, quotes: list[Quote], atts: list[Attribution], entities: list[EntityMention]) -> None:
    """A partial quote inside 'X called/dismissed/described ... "..."' or 'X said "no" to ...' is X's
    wording: X becomes the quote's speaker (no attribution is recorded: no statement is reported)."""
    text = doc.text
    for q in quotes:
        if q.speaker is not None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        t = span.root
        for _ in range(6):
            if (t.lemma_.lower() in _CHARACTERISE and t.pos_ in {"VERB", "AUX"}) or _is_speech(t):
                break
            if t.head.i == t.i:
                t = None
                break
            t = t.head
        else:
            t = None
        if t is None:
            continue
        subj = _subject(t)
        if subj is None:
            continue
        ss, se = _source_span(subj)
        ms = _overlapping(entities, ss, se)
        pron = next((a for a in atts if a.source_start == ss and a.resolved_from), None)
        if pron is not None:
            q.speaker, q.speaker_entity_id = pron.source, pron.entity_id
        else:
            q.speaker = text[ss:se]
            q.speaker_entity_id = ms[0].entity_id if ms else None
        q.speaker_start, q.speaker_end = ss, se


def _field(m: EntityMention | dict, name: str):
    return m[name] if isinstance(m, dict) else getattr(m, name)


def tag_speaker(text: str, mentions: Sequence[EntityMention | dict], quote_end: int) -> EntityMention | dict | None:
    """The person or body whose name, after at most two capitalised title words, opens the words right after
    a quote (``quote_end`` is where its words end) and comes before a verb of saying or a verb in the past
    tense ('“Liars!” Premier X shouted at ...', '“Get out!” Mayor X waved the crowd away'): the tag naming
    the quote's speaker, whether or not the parse gave the verb the quote. Only a quote that opens its
    sentence and ends in ',', '?', '!' or a dash has a tag; the title words are titles ('Rep.', 'Premier').
    The quote-speaker step gives such a quote its speaker; :func:`propscope.sources.targeting.targets` asks
    the same of quotes stored without one. ``mentions`` are entity mentions or their dicts; the one found is
    returned as given."""
    words = text[:quote_end].rstrip()
    if not words or words[-1] not in ",?!—–-…" or not _opens_sentence(text[: quote_end + 1]):
        return None  # '... “immediately responded.” MGM said': a quote ending its sentence, or inside one, has no tag
    for m in mentions:
        start = _field(m, "start")
        gap = re.fullmatch(r"[\"”’']?[ \t]+((?:[A-Z][\w.]*[ \t]+){0,2})", text[quote_end:start])
        if _field(m, "label") in {"PERSON", "ORG"} and 0 < start - quote_end <= 30 and gap is not None \
                and all(w.lower().rstrip(".") in TITLES for w in gap.group(1).split()):
            w = re.match(r"\s+([a-z]+)\b", text[_field(m, "end"):])
            if w is not None and (w.group(1) in SPEECH_FORMS or w.group(1).endswith("ed")):
                return m
    return None


def _quote_speakers(text: str, quotes: list[Quote], atts: list[Attribution], entities: list[EntityMention],
                    doc=None) -> None:
    """A quote's speaker is the source of the narrowest attribution whose content covers it, else the name
    tagging it right after its closing mark (:func:`tag_speaker`); a quote that stands alone right after a
    quote with a speaker (news convention for a continued quote) gets that speaker with
    ``speaker_inferred=True``."""
    for q in quotes:
        covering = [a for a in atts if a.content_start <= q.start + 1 and q.end - 1 <= a.content_end + 1]
        if covering:
            a = min(covering, key=lambda a: a.content_end - a.content_start)
            q.speaker, q.speaker_start, q.speaker_end = a.source, a.source_start, a.source_end
            q.speaker_entity_id = a.entity_id
        elif (m := tag_speaker(text, entities, q.end)) is not None:
            q.speaker, q.speaker_start, q.speaker_end = m.canonical or m.text, m.start, m.end
            q.speaker_entity_id = m.entity_id
    if doc is not None:
        _characterisation_speakers(doc, quotes, atts, entities)
    for i, q in enumerate(quotes):
        if q.speaker is not None or i == 0:
            continue
        prev = quotes[i - 1]
        if prev.speaker is None or prev.end > q.start:
            continue
        between = text[prev.end : q.start]
        if len(between) > 200 or not re.search(r"[.!?]\s*[\"”’]?\s*$|\n", between.rstrip(" \"“‘")):
            continue
        others = [m for m in _overlapping(entities, prev.end, q.start) if m.entity_id != prev.speaker_entity_id
                  and m.label in {"PERSON", "ORG"}]
        if others:
            continue
        # the quote must be its own sentence: what follows it on the line ends the sentence
        line_end = text.find("\n", q.end)
        rest = text[q.end : len(text) if line_end < 0 else line_end]
        if re.match(r"\s*[\"”’]?\s*[,]?\s*\w", rest) and not re.match(r"\s*[\"”’]\s*[\"“‘]", rest):
            continue
        q.speaker, q.speaker_entity_id, q.speaker_inferred = prev.speaker, prev.speaker_entity_id, True
    if doc is not None:
        _previous_sentence_speakers(doc, quotes, atts, entities)


def _previous_sentence_speakers(doc, quotes: list[Quote], atts: list[Attribution],
                                entities: list[EntityMention]) -> None:
    """A quote that opens a sentence with nobody named as its speaker ('... DiMarco said he was
    furious. "She would rather see us close."') is the words of the person the sentence before
    it reports, or else of the one person that sentence is about (its subject): news writing
    names the speaker first and lets the quote follow. Marked ``speaker_inferred``."""
    text = doc.text
    sents = list(doc.sents)
    for q in quotes:
        if q.speaker is not None:
            continue
        mark = q.start - 1
        before = [s for s in sents if s.end_char <= q.start and text[s.start_char:s.end_char].strip(" \n\"“‘")]
        if not before:
            continue
        prev = max(before, key=lambda s: s.start_char)
        if text[prev.end_char : mark].strip() or text[mark : q.start] not in {'"', "“", "‘"}:
            continue
        lo, hi = prev.start_char, prev.end_char
        said = [a for a in atts if lo <= a.cue_start < hi and a.entity_id is not None
                and _group_label(entities, a.entity_id) == "PERSON"]
        if said:
            a = max(said, key=lambda a: a.cue_start)
            q.speaker, q.speaker_entity_id, q.speaker_inferred = a.source, a.entity_id, True
            continue
        # a person the quote itself names is talked about, not talking ('Mayor Lisa Tran was booed. “Tran
        # is a sellout,” one protester shouted.')
        named = _named_in_quote(text, q, entities)
        people = {m.entity_id for m in entities if lo <= m.start and m.end <= hi and m.label == "PERSON"}
        subj = next((t for t in prev.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
        if len(people) == 1 and subj is not None:
            ss, se = _np_span(subj)
            m = next((m for m in _overlapping(entities, ss, se) if m.entity_id in people), None)
            if m is not None and m.entity_id not in named:
                q.speaker, q.speaker_entity_id, q.speaker_inferred = m.canonical or m.text, m.entity_id, True


def _named_in_quote(text: str, q: Quote, entities: list[EntityMention]) -> set:
    """The entities a quote names in its own words (not in an editor's '[former Trump aide]' insert)."""
    inserts = [(m.start(), m.end()) for m in re.finditer(r"\[[^\]\n]*\]", text[q.start : q.end])]
    return {m.entity_id for m in entities if q.start <= m.start and m.end <= q.end
            and not any(a <= m.start - q.start < b for a, b in inserts)}


def _group_label(entities: list[EntityMention], entity_id: int) -> str | None:
    """The label of an entity group (PERSON when any of its mentions is a PERSON)."""
    labels = {m.label for m in entities if m.entity_id == entity_id}
    return "PERSON" if "PERSON" in labels else next(iter(labels), None)
