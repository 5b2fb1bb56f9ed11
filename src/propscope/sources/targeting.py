"""Whom each propaganda technique span is aimed at: the entities it is about, not the one who says it
(the speaker of the quote or statement that holds the span) nor the figure it compares its target
with. It reads the stored dict forms as well as the objects, so it runs on a saved analysis without
parsing the text again."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..places import is_place
from .lexicon import DOC_NOUNS, OUTLETS, TITLES
from .linking import tag_speaker
from .results import Attribution, EntityMention, Quote


def _get(obj: Any, name: str) -> Any:
    return obj[name] if isinstance(obj, dict) else getattr(obj, name)


def _opt(obj: Any, name: str) -> Any:
    """An optional field (None when a stored dict lacks it)."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


# 'anti-Israel', 'pro-Russian': spaCy tags a stance as a group (NORP); the span is about its holders
_STANCE = re.compile(r"(?:anti|pro)-", re.I)


def targets(
    entities: Sequence[EntityMention | dict[str, Any]],
    spans: Sequence[Any],
    text: str | None = None,
    window: int = 200,
    attributions: Sequence[Attribution | dict[str, Any]] = (),
    quotes: Sequence[Quote | dict[str, Any]] = (),
) -> list[dict[str, Any]]:
    """Who each technique span is about: the entities overlapping the span, else a person the
    span or its sentence names by role ("the mayor" -> the one "Mayor Carla Benton"), else the
    nearest entity in the same sentence (sentences from :func:`propscope.sentences.split` when
    ``text`` is given, else within ``window`` characters). Answers e.g. who is the object of
    Name_Calling,Labeling. The speaker of a quote or reported statement that holds the span is
    never its target: in '"She has blood on her hands," DiMarco said' DiMarco is who accuses. Nor are the
    places where the people a span speaks of are ('no one in Lagos is safe'), the name that qualifies a label ('a
    Beijing stooge'), a bandwagon's crowd, or anyone an Appeal_to_Authority span cites.

    ``spans`` are :class:`propscope.document.Span` objects or dicts with start/end/technique;
    ``entities``, ``attributions`` and ``quotes`` are this module's objects or their dicts.
    Returns one dict per span, in order: ``{start, end, technique, targets: [{entity_id,
    canonical, text, label, start, end, how}]}`` with ``how`` = ``"overlap"``, ``"role"``,
    ``"nearest"``, ``"addressee"`` (whom the shout after a quote is aimed at: '“Traitor!” they yelled at X'),
    ``"pronoun"`` (the sentence names nobody and a pronoun before or opening the span, or a noun for a body
    opening the sentence, 'The firm', 'Those clowns', or a 'This is ...' judging the deed of the sentence before,
    stands for the last person or body of its kind named before the sentence, or that deed's doer) or
    ``"subject"`` (the span is its clause's predicate and the subject before it is the one aimed at, or the
    sentence opens with its cause, 'Thanks to X, ...': in 'Reyes is a butcher of the NHS' Reyes is
    the one called a butcher, in 'Saudi jets have turned Yemen into a ruin' the Saudis are accused, not
    Yemen; see :func:`_predicate_subject`).
    """
    ents = [e if isinstance(e, dict) else e.to_dict() for e in entities]
    if text is not None:
        ents = [_shouted_body(text, m, ents) for m in ents]
        ents = sorted(ents + _untagged_surnames(text, ents, quotes) + _unshouted_names(text, ents, spans),
                      key=lambda m: (m["start"], m["end"]))
    # (content start, content end, source start, source end) of each statement whose source words are known
    sourced = [(int(_get(a, "content_start")), int(_get(a, "content_end")), int(ss), int(se)) for a in attributions
               if (ss := _opt(a, "source_start")) is not None and (se := _opt(a, "source_end")) is not None]
    said = [_said(ents, _get(a, "content_start"), _get(a, "content_end"), _get(a, "entity_id"),
                  _opt(a, "source_start"), _opt(a, "source_end")) for a in attributions]
    said += [_said(ents, _get(q, "start"), _get(q, "end"), _get(q, "speaker_entity_id"), _opt(q, "speaker_start"),
                   _opt(q, "speaker_end")) for q in quotes]
    if text is not None:
        said += [(int(_get(q, "start")), int(_get(q, "end")), {x.get("entity_id")}) for q in quotes
                 if _get(q, "speaker_entity_id") is None and (x := _colon_speaker(text, ents, int(_get(q, "start")))
                                                              or _speaker_after_colon(text, ents, int(_get(q, "end")))
                                                              or tag_speaker(text, ents, int(_get(q, "end"))))]
        said += [(int(_get(q, "start")), int(_get(q, "end")), {x}) for q in quotes
                 if _get(q, "speaker_entity_id") is None and (x := _repeated_speaker(text, q, quotes)) is not None]
    sents = None
    if text is not None:
        from ..sentences import split

        sents = split(text)
    out = []
    for sp in spans:
        s, e = int(_get(sp, "start")), int(_get(sp, "end"))
        tech = _get(sp, "technique")
        speakers = {eid for cs, ce, eids in said if cs <= s and e <= ce for eid in eids if eid is not None}
        cands = [m for m in ents if m.get("entity_id") not in speakers and not _compared_to(tech, m, text)
                 and not _STANCE.match(m.get("text") or "") and not (text is not None and _own_side(text, m))
                 and not _leaned_on(tech, m, text, s, e) and not (text is not None and _in_span_aside(text, m, s, e))]
        found: list[dict[str, Any]] = []
        seen: set[Any] = set()
        for m in cands:
            if m["start"] < e and s < m["end"] and m.get("entity_id") not in seen:
                seen.add(m.get("entity_id"))
                found.append({**_target(m), "how": "overlap"})
        if text is not None:
            found = [t for t in found if not _aside(text, t, found, in_span=True)]
            found = [t for t in found if not _acted_on(text, t, found, s) and not _suffers_cause(text, t, found, s)]
        lo, hi = _sentence_bounds(text, sents, quotes, s, e, ents) if text is not None and sents is not None \
            else (s - window, e + window)
        if text is not None:
            found = [t for t in found if not _own_people(text, t, found, lo)]
            if _doubt_question(tech, text, lo, hi):
                # 'Who could trust *a lender that bankrupted Y twice*?': Y is what the unnamed one did, not whom
                # the doubt is aimed at
                deeds = {(m["start"], m["end"]) for m in cands if s <= m["start"] < e and _deed_of_unnamed(text, s, m)}
                cands = [m for m in cands if (m["start"], m["end"]) not in deeds]
                found = [t for t in found if (t["start"], t["end"]) not in deeds]
        subjects = _predicate_subject(text, cands, lo, s, e) if text is not None else []
        if subjects and found:
            found = [{**_target(m), "how": "subject"} for m in subjects]
        elif found and text is not None and _noun_predicate(text, cands, lo, s, e) is not None:
            # '<a name the model missed> is a haven for neo-Nazis': the label is still not the neo-Nazis'
            cands = [m for m in cands if not (m["start"] < e and s < m["end"])]
            found = []
        if text is not None and (cause := _blamed_cause(text, cands, lo, s)) is not None:
            found = [{**_target(cause), "how": "subject"}] + [
                t for t in found if t["entity_id"] != cause.get("entity_id") and not _people_adjective(text, t)]
        if not found:
            # a span naming where its people are ('no one in X is safe') is about no one nearby or named before
            scenic = text is not None and any(m["start"] < e and s < m["end"] and _scene(text, m) for m in ents)
            # 'The mayor said that ...': the words naming who speaks are no role the span aims at
            unsaid = _unsaid(text, [(ss, se) for cs, ce, ss, se in sourced if cs <= s and e <= ce]) \
                if text is not None else None
            role = (_by_role(unsaid, cands, s, e) or (None if scenic else (
                _by_role(unsaid, cands, lo, hi) or _by_body_noun(text, cands, lo, hi)
                or _headline_role(text, ents, cands, lo, hi)))) if text is not None else None
            near = [m for m in cands if lo <= m["start"] and m["end"] <= hi]
            if text is not None:
                near = [m for m in _nearby(text, near, e) if not (m["end"] <= s and _scene(text, m))]
            if role is None and text is not None and (to := _addressee(text, cands, e, hi)) is not None:
                found.append({**_target(to), "how": "addressee"})
            elif role is not None:
                found.append({**_target(role), "how": "role"})
            elif text is not None and (called := _called_pronoun(text, cands, lo, s)) is not None:
                found.append({**_target(called), "how": "pronoun"})
            elif near and not _closed_slogan(tech, text, s, e) and not scenic:
                best = min(near, key=lambda m, s=s, e=e: (m["start"] - e if m["start"] >= e else s - m["end"],
                                                          m["label"] not in {"PERSON", "ORG"}, m["start"]))
                found.append({**_target(best), "how": "nearest"})
            elif text is not None and not scenic and not _closed_slogan(tech, text, s, e) and \
                    not _acted_on_crowd(text, lo, s, e) and (back := _pronoun_antecedent(
                    text, cands, lo, _opening_pronoun_end(text, lo, s, e))) is not None:
                found.append({**_target(back), "how": "pronoun"})
            elif text is not None and (backs := _noun_antecedent(text, cands, lo, e)):
                found += [{**_target(m), "how": "pronoun"} for m in backs]
            elif text is not None and sents is not None and (act := _deed_doer(
                    text, cands, sents, lo, s, judges_unnamed=_recalls_terror(tech, text[s:e])
                    or _doubt_question(tech, text, lo, hi))) is not None:
                found.append({**_target(act), "how": "pronoun"})
            elif text is not None and not scenic and not _closed_slogan(tech, text, s, e) and \
                    not any(int(_get(q, "start")) <= s and e <= int(_get(q, "end")) for q in quotes) and \
                    (first := _headline_subject(text, ents, cands, lo, hi)) is not None:
                found.append({**_target(first), "how": "subject"})
            # a name right after the span completes its phrase ('the mess Obama left'): that one, not the subject
            if subjects and {m.get("entity_id") for m in subjects} != {t["entity_id"] for t in found} and \
                    _by_role(text, cands, s, e) is None and not any(
                        m["start"] >= e and not text[e : m["start"]].strip() for m in cands):
                found = [{**_target(m), "how": "subject"} for m in subjects]
        if text is not None and (owner := _own_owner(text, cands, lo, s, e)) is not None:
            found = [{**_target(owner), "how": "subject"}]
        out.append({"start": s, "end": e, "technique": tech, "targets": found})
    return out


def _shouted_body(text: str, m: dict[str, Any], ents: list[dict[str, Any]]) -> dict[str, Any]:
    """A body's common noun shouted in an all-capitals headline ('TEACHERS' UNION HOLDS CHILDREN HOSTAGE', which
    the model tags 'UNION') as the one body the text names with that word ('The National Education Union
    announced ...'): that body, at the headline's place; any other mention as it is."""
    end = text.find("\n")
    word = (m.get("text") or "").lower()
    if not (0 < end and m["end"] <= end and text[:end].isupper() and word in _BODY_NOUNS):
        return m
    bodies = {x.get("entity_id"): x for x in ents if x["start"] > end and x["label"] == "ORG"
              and re.search(rf"\b{re.escape(word.capitalize())}\b", x.get("text") or "")}
    if len(bodies) != 1:
        return m
    body = next(iter(bodies.values()))
    return {**m, **{k: body.get(k) for k in ("entity_id", "canonical", "label")}}


def _untagged_surnames(text: str, ents: list[dict[str, Any]], quotes: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Mentions of people the model left untagged in a headline or a quote, where its cues are weakest: the
    surname of a person the text names in full ('Bill Caldwell'), written there where no mention is ('Harris:
    ‘Caldwell Is a Danger’' in a title-case headline, '“Mendez and Olsen are clowns,”'), stands for that person;
    not a surname the text also writes in lower case ('Price' beside 'the price') or that is a title, nor one
    before a colon, which names who speaks ('Cardinal X: ...'), nor the end of 'Messenger of Allah'. (Elsewhere
    in running text the model's misses are fewer and the nearest-name rule would make more of them.)"""
    end = text.find("\n")
    zones = [(int(_get(q, "start")), int(_get(q, "end"))) for q in quotes] + ([(0, end)] if 0 < end <= 200 else [])
    out: list[dict[str, Any]] = []
    for x in ents:
        words = (x.get("text") or "").split()
        last = words[-1] if words else ""
        if x["label"] != "PERSON" or len(words) < 2 or len(last) < 3 or not all(w[0].isupper() for w in words) or \
                not last[1:].islower() or last.lower() in TITLES or re.search(rf"\b{re.escape(last.lower())}\b", text):
            continue
        for w in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text):
            # in running text, not part of a longer name ('a Leviathan Church'); a title-case headline capitalises all
            if any(a <= w.start() and w.end() <= b for a, b in zones) and \
                    (w.end() <= end or not re.match(r"\s+[A-Z]", text[w.end() :])) and \
                    not re.match(r"\s*:", text[w.end() :]) and \
                    not any(m["start"] < w.end() and w.start() < m["end"] for m in ents + out):
                out.append({**x, "text": last, "start": w.start(), "end": w.end()})
    return out


# What a slogan shouts at: 'Death to X!', 'Down with X!', 'X, go home!', 'X, out!', 'X must go!' (not 'Get out!',
# 'He must go!')
_SLOGAN_AT = re.compile(r"\W*(?:(?i:death\s+to|down\s+with)\s+(?:(?i:the)\s+)?(?P<a>[A-Z][\w'’-]*)\W*$"
                        r"|(?P<b>[A-Z][\w'’-]*)(?:,\s+(?i:go\s+home|out)|\s+must\s+go)\W*$)")
# Bodies the outlet list names in capitals ('NATO', 'BBC'), which an all-capitals headline may shout
_ACRONYMS = frozenset(o for o in OUTLETS if o.isupper() and len(o) >= 3)


def _unshouted_names(text: str, ents: list[dict[str, Any]], spans: Sequence[Any]) -> list[dict[str, Any]]:
    """Names the model leaves untagged where a text shouts: the one a Slogans span is aimed at by its form ('Death
    to Israel!', 'Down with France!', 'Orbán, go home!'; a place, a body of the outlet list written in capitals,
    else a person), and, in an all-capitals first line, such a body ('NATO WARMONGERS ...'), which the name step
    drops as shouting (not a place there: 'FLEES TO DUBAI' is where, and the model mostly tags one aimed at).
    Each a mention at its place, unless the model tagged one there; one of the same name elsewhere in the text
    lends its id and label."""
    from spacy.lang.en.stop_words import STOP_WORDS  # a plain word list; spaCy is imported when targets are sought

    found: list[tuple[int, int]] = []
    for sp in spans:
        s, e = int(_get(sp, "start")), int(_get(sp, "end"))
        if "slogan" in str(_get(sp, "technique") or "").lower() and (m := _SLOGAN_AT.match(text, s, e)) is not None:
            if (m.group("a") or m.group("b")).lower() not in STOP_WORDS:
                found.append(m.span("a") if m.group("a") else m.span("b"))
    end = text.find("\n")
    if 0 < end <= 200 and text[:end].isupper():
        found += [w.span() for w in re.finditer(r"(?<![\w'’-])[A-Z]{2,}(?![\w-])", text[:end])
                  if w.group() in _ACRONYMS]
    out: list[dict[str, Any]] = []
    for a, b in found:
        if any(m["start"] < b and a < m["end"] for m in ents + out):
            continue
        word = text[a:b]
        name = word if word in _ACRONYMS else word.capitalize() if word.isupper() else word
        same = next((m for m in ents if (m.get("canonical") or m.get("text") or "").casefold() == name.casefold()), None)
        label = "GPE" if is_place(name) else "ORG" if name.isupper() else "PERSON"
        out.append({"entity_id": same.get("entity_id") if same else None, "canonical": name, "text": word,
                    "label": same["label"] if same else label, "start": a, "end": b})
    return out


def _repeated_speaker(text: str, quote: Any, quotes: Sequence[Any]) -> Any:
    """The speaker of a quote that another quote of the text repeats word for word with its speaker named (a
    headline's '‘A Nest of Spies’: Minister Turns on Aid Group' over 'X called the charity “a nest of spies”'):
    that speaker's entity id; None when the words are fewer than two or no repeat names its speaker."""
    def words(q: Any) -> str:
        return " ".join(re.findall(r"\w+", text[int(_get(q, "start")) : int(_get(q, "end"))])).casefold()

    key = words(quote)
    if len(key.split()) < 2:
        return None
    return next((sid for q in quotes if q is not quote and (sid := _get(q, "speaker_entity_id")) is not None
                 and words(q) == key), None)


def _unsaid(text: str, sources: Sequence[tuple[int, int]]) -> str:
    """``text`` with the words that name a statement's speaker blanked out (same length), so that 'the mayor' in
    'The mayor said that the contractors were crooks' is not read as whom the span is aimed at."""
    for ss, se in sources:
        text = text[:ss] + " " * (se - ss) + text[se:]
    return text


# '“Liar!” they yelled at Mayor X', 'shouted at the reporter from Y': whom a raised voice is aimed at
_YELLED_AT = re.compile(r"\b(?:shout|yell|scream|bark|snap|snarl|hiss|jeer|chant|roar|hurl|sneer|holler|"
                        r"bellow)(?:s|ed|ing|ped|ping)?\s+(?:\w+\s+){0,2}?at\s+(?:the\s+)?"
                        r"(?:(?:[a-z]+\s+){0,2}(?:from|of)\s+)?$", re.I)


# '“A liar” is how X described her rival, Y': the words of the span are said of whom the verb names
_DESCRIBED_AS = re.compile(r"[\"”’']?\s*,?\s*(?:is|was|that\s+is|that['’]s)\s+(?:exactly\s+|just\s+)?how\s+[^.!?;]*?"
                           r"\b(?:describ|call|label|brand|dubb?|characteri[sz]|portray|paint)\w*\s+"
                           r"(?:(?:his|her|their|its|the|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:[\w-]+,\s+)?$", re.I)


def _addressee(text: str, ents: list[dict[str, Any]], e: int, hi: int) -> dict[str, Any] | None:
    """Whom a shout after the span is aimed at ('“Go home, traitor!” the crowd yelled at MP X', '“Fake news!” X
    shouted at the reporter from Y'): the first name after 'shouted/yelled/screamed ... at' in the sentence,
    titles and a common noun with 'from'/'of' allowed between (not the place the words name, 'Go back to Z');
    or whom '... is how X described' names ('“A liar and a fraud” is how X described her challenger, Y': Y, not
    X, nor a people's adjective on the way, 'her Republican challenger')."""
    for m in sorted((m for m in ents if e <= m["start"] and m["end"] <= hi), key=lambda m: m["start"]):
        gap = text[e : m["start"]]
        if (y := _YELLED_AT.search(re.sub(r"\b(?:[A-Z][A-Za-z.]*\s+){1,2}$", "", gap))) is not None and \
                not re.search(r"[.!?;]\s", gap[: y.start()].lstrip("!?.”\"’' ")):
            return m
        if _DESCRIBED_AS.fullmatch(re.sub(r"\b(?:[A-Z][A-Za-z.]*\s+){1,2}$", "", gap)) and \
                not _people_adjective(text, m):
            return m
    return None


def _closed_slogan(technique: Any, text: str | None, s: int, e: int) -> bool:
    """Whether a Slogans or Thought-terminating_Cliches span names nobody and points at nobody ('Never surrender,
    never forget' on a banner that a candidate's fans wave, 'It is what it is' said by a named minister): its
    target is in its words ('X must go!') or its pronoun ('Lock him up!'), never just the name nearest to it."""
    tech = str(technique or "").lower()
    return ("slogan" in tech or "cliche" in tech) and text is not None and \
        not re.search(r"\b(?i:he|she|him|her|his|they|them|their)\b", text[s:e])


def _sentence_bounds(text: str, sents: list[tuple[int, int]], quotes: Sequence[Any], s: int, e: int,
                     ents: Sequence[dict[str, Any]] = ()) -> tuple[int, int]:
    """The sentence(s) holding ``text[s:e]``, running on over the tag of a quote the splitter cut at its '!' or '.'
    ('“Lock him up! Lock him up!” the crowd chanted as X left': the tag says whom 'him' means), a tag in lower case
    or one that opens with its speaker's name (:func:`.linking.tag_speaker`)."""
    lo = min((a for a, b in sents if a <= s < b), default=s)
    hi = max((b for a, b in sents if a < e <= b), default=e)
    q_end = next((int(_get(q, "end")) for q in quotes if int(_get(q, "start")) <= s and e <= int(_get(q, "end"))), None)
    if q_end is not None and hi >= q_end and (re.match(r"[\"”’]?[ \t]+[a-z]", text[q_end : q_end + 4])
                                              or tag_speaker(text, ents, q_end) is not None):
        hi = max(hi, next((b for a, b in sents if b > q_end + 1), hi))
    return lo, hi


def _nearby(text: str, near: list[dict[str, Any]], e: int) -> list[dict[str, Any]]:
    """The names of a span's sentence that may be its target, less a place named after the span as where
    something happens ('..., she told the crowd in Enugu') unless it hangs on the span ('the regime in Tehran'),
    and less one in a relative clause about another ('X, whose chief executive is Y, ...')."""
    return [m for m in near if re.fullmatch(r"[\"”’]?\s+\w+\s+(?:the\s+)?", text[e : m["start"]])
            or not (m["start"] >= e and (_setting(text, m) or _outlet(text, m))) and not _aside(text, m, near)]


# '..., the columnist wrote in the Irish Times', 'she said on CNN', 'he posted on Facebook': where the words appear
_OUTLET_BEFORE = re.compile(r"\b(?:wr[io]te|writes|writing|written|said|says|saying|posted|posts|published|argued|"
                            r"argues|claimed|claims|declared|warned|warns|complained|insisted)\s+(?:\w+\s+)?"
                            r"(?:in|on)\s+(?:the\s+)?$"
                            r"|\b(?:told|tells|telling|(?:interview|speaking)\s+(?:with|to))\s+(?:the\s+)?$", re.I)


def _outlet(text: str, m: dict[str, Any]) -> bool:
    """Whether a name after a verb of saying or writing and 'in'/'on' is where the words appear ('..., the
    columnist wrote in the Irish Times', 'said on Fox News'), or after 'told' or 'in an interview with' whom they
    were said to ('..., the actor told the BBC'): the outlet or audience, not whom the span attacks."""
    return m["label"] != "PERSON" and bool(_OUTLET_BEFORE.search(text[max(0, m["start"] - 40) : m["start"]]))


_SETTING_BEFORE = re.compile(r"\b(?:in|at|from|across|near|inside|through|throughout|around|outside)\s+(?:the\s+)?$", re.I)
# Nouns for who rules a place: 'the regime in Havana' is Havana's government, not a scene.
_RULERS = frozenset("regime regimes junta government governments authorities administration leadership rulers "
                    "dictatorship".split())


def _setting(text: str, m: dict[str, Any]) -> bool:
    """Whether a place is named as where something happens ('told the crowd in Enugu', 'every farmer in
    Europe'): the scene, not whom a span attacks."""
    return _place(m) and bool(_SETTING_BEFORE.search(text[max(0, m["start"] - 20) : m["start"]]))


def _place(m: dict[str, Any]) -> bool:
    """Whether a mention is a place: so labelled, or a well-known place the model took for a body ('Malmö')."""
    return m["label"] in {"GPE", "LOC", "FAC"} or (m["label"] == "ORG" and is_place(m["text"] or ""))


# 'everyone in X', 'nobody at X': whoever is there, not the place's rulers
_ANYONE_IN = re.compile(r"\b(?:everyone|everybody|anyone|anybody|nobody|someone|somebody)\s+(?:in|at|from|across|"
                        r"inside|throughout|around|outside)\s+(?:the\s+)?$", re.I)


# '<every> <noun> in (the) [Place, | Place and] <m>': the noun the place of ``m`` hangs on
_SCENE_BEFORE = re.compile(r"(?:\b(?i:(every|each|no|any|all)|the|these|those|our|their|its|his|her|many|most|some|"
                           r"several|other)\s+(?:[\w“\"‘'-]+\s+){0,2}|(?:[.!?:;]\s+|\n))([\w-]+)[”\"’']?\s+"
                           r"(?i:in|at|from|across|near|inside|through|throughout|around|outside)\s+(?:the\s+)?"
                           r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*(?:,|\band\b|\bor\b)\s*(?:the\s+)?)*$")
_NOT_PLURAL = frozenset("is was has does its this us his as less news".split())


def _scene(text: str, m: dict[str, Any]) -> bool:
    """Whether a place is only where the people a span speaks of are ('every family in Leeds', 'the financiers
    in Frankfurt', 'no one in X', 'our forces in Syria and Iraq', 'Patients in X' opening a sentence), not whom it
    attacks: a place after a counted noun, or a plural one that opens its sentence or follows a determiner (not a
    verb: 'the danger comes from the West'), that no ruling noun is ('the regime in Havana' is Havana's
    government; 'corruption in Washington', 'the ban in the U.K.' are the place's own)."""
    before = text[max(0, m["start"] - 30) : m["start"]]
    if m["label"] != "PERSON" and _ANYONE_IN.search(before):
        return True
    if not _place(m):
        return False
    w = _SCENE_BEFORE.search(("\n" if m["start"] <= 80 else "") + text[max(0, m["start"] - 80) : m["start"]])
    if w is None:
        return False
    word = w.group(2)
    if word.isupper():  # 'allies against ISIS in Syria': a name's letters, no plural
        return False
    word = word.lower()
    counted = w.group(1) is not None
    return word not in _RULERS and (counted or word == "one" or (word.endswith("s") and word not in _NOT_PLURAL))


def _in_span_aside(text: str, m: dict[str, Any], s: int, e: int) -> bool:
    """Whether a name inside the span ``text[s:e]`` is no one it aims at: a scene (:func:`_scene`) or the
    qualifier of its label (:func:`_qualifies_label`)."""
    return m["start"] < e and s < m["end"] and (_scene(text, m) or _qualifies_label(text, s, m)
                                                or _counted_people(text, m) or _history_scale(text, m))


def _history_scale(text: str, m: dict[str, Any]) -> bool:
    """Whether a people or place is the history a superlative is measured in ('the greatest crime *in British
    history*', 'the worst betrayal in the history of X'): the scale, not whom the span attacks."""
    return m["label"] in {"NORP", "GPE", "LOC"} and (
        bool(re.search(r"\b(?i:in)\s+(?:(?i:the|all\s+of|modern|recent|living)\s+)*$", text[max(0, m["start"] - 20) :
                                                                                        m["start"]]))
        and bool(re.match(r"(?:['’]s?)?\s+(?:[a-z]+\s+)?history\b", text[m["end"] : m["end"] + 30]))
        or bool(re.search(r"\b(?i:in)\s+the\s+(?:\w+\s+)?history\s+of\s+(?:the\s+)?$",
                          text[max(0, m["start"] - 40) : m["start"]])))


def _counted_people(text: str, m: dict[str, Any]) -> bool:
    """Whether a people's name qualifies a noun after 'every', 'each', 'no' or 'not one' ('every Greek pensioner',
    'No Hungarian mother'): the people the span speaks of or for, not whom it attacks."""
    return _people_adjective(text, m) and bool(
        re.search(r"\b(?i:every|each|no|any|not\s+(?:one|a\s+single))\s+$", text[max(0, m["start"] - 20) : m["start"]]))


def _qualifies_label(text: str, s: int, m: dict[str, Any]) -> bool:
    """Whether a name right after a span's opening 'a'/'an' qualifies its noun ('a Beijing stooge', 'a CIA
    front'): it says whose stooge; the one called so is someone else."""
    return m["label"] != "NORP" and bool(re.fullmatch(r"(?i:an?)\s+", text[s : m["start"]])) and \
        bool(re.match(r"\s+[a-z]", text[m["end"] :]))


# A Bandwagon span's crowd: 'Most Australians', 'Millions of Americans', 'all Germans' (whom to follow)
_CROWD_BEFORE = re.compile(r"\b(?:millions|thousands|hundreds|most|all|many|more|countless|majority|"
                           r"(?:\w+|\d+)\s+(?:out\s+of|in)\s+(?:\w+|\d+)|(?:per\s*cent|percent|%))\s+(?:of\s+)?"
                           r"(?:the\s+)?(?:[a-z]+\s+)?$", re.I)


def _leaned_on(technique: Any, m: dict[str, Any], text: str | None, s: int, e: int) -> bool:
    """Whether ``m`` is whom a span leans on rather than attacks: the crowd a Bandwagon span invokes ('Most
    Australians already know'), and anyone an Appeal_to_Authority span names: it cites its authority ('As
    Professor X has shown', 'X told reporters ...') and aims at no one by that appeal."""
    tech = str(technique or "").lower()
    if "authority" in tech:
        return True
    return "bandwagon" in tech and m["start"] < e and s < m["end"] and m["label"] == "NORP" and text is not None \
        and bool(_CROWD_BEFORE.search(text[max(0, m["start"] - 40) : m["start"]]))


# Words before a name that are no verb acting on it
_NOT_VERBS = frozenset("""of in to for with and or the a an than like from by against about on at into over under
between among as is are was were be been being has have had their its his her our your my this that these those no
not nor but so if when while after before since until all every each some any more most even also only just without
within towards toward upon via per through across behind beyond near around despite except amid throughout onto off up
down out then there here who which whose what where how why can will would must should could may might do does did
shall""".split())


def _acted_on(text: str, m: dict[str, Any], found: Sequence[dict[str, Any]], s: int) -> bool:
    """Whether a place or people in the span is what a verb acts on whose subject is another name before it in the
    span ('*Moscow and Minsk want to starve Ukraine into surrender*', 'If X gets the bomb, it will wipe Y off the
    map'): the victim, not whom the span attacks."""
    if m["label"] not in {"GPE", "LOC", "NORP"} or _possessor(text, m) or _people_adjective(text, m):
        return False
    # the subject opens the span, after at most 'If', 'When', 'Once' or 'Unless'
    subj = [o for o in found if re.fullmatch(r"\W*(?:(?i:if|when|once|unless)\s+)?", text[s : o["start"]])
            and o["end"] <= m["start"] and o["entity_id"] != m["entity_id"] and not _people_adjective(text, o)]
    verb = re.search(r"(?<![\w'’-])([a-z]+)\s+$", text[s : m["start"]])
    return bool(subj) and verb is not None and verb.group(1) not in _NOT_VERBS and \
        not re.search(r"[.!?;:]", text[subj[0]["end"] : m["start"]])


def _aside(text: str, m: dict[str, Any], others: Sequence[dict[str, Any]], in_span: bool = False) -> bool:
    """Whether ``m`` only sets the scene for another of ``others`` named before it: one in a relative clause
    about it ('Northgate, whose chief executive is Tom Baird, poisoned ...'; inside a span, where a long
    relative clause may name whom it attacks, only a place: 'what about Governor X, who flew to Cancun'), and,
    inside a span, a place where the other acts in the same clause ('A and B have betrayed every farmer in
    Europe'; outside one, 'the ban in the U.K. will be seen as one of that once great nation's darkest
    moments' still aims at the U.K.)."""
    before = [o for o in others if o["end"] <= m["start"] and o.get("entity_id") != m.get("entity_id")]
    place = _place(m)
    if in_span and _setting(text, m) and any(
            not _setting(text, o) and not re.search(r"[,;:.!?]", text[o["end"] : m["start"]]) for o in before):
        return True
    # 'Crime in X doubled for one reason: Y opened the borders': the place where it happens, beside the one blamed
    if in_span and _setting(text, m) and any(o["start"] >= m["end"] and (not _place(o) or _possessor(text, o))
                                             for o in others) and not (
            (r := re.search(r"([a-z]+)\s+\w+\s+(?:the\s+)?$", text[max(0, m["start"] - 30) : m["start"]])) is not None
            and r.group(1) in _RULERS):
        return True
    return (place or not in_span) and any(
        re.fullmatch(r",\s+(?:who|whom|which|whose)\b[^,;:.!?]*", text[o["end"] : m["start"]]) for o in before)


# 'Thanks to X, ...', 'Because of X, ...' opening a sentence: X is blamed for what the rest says
_CAUSE_OPENING = re.compile(r"\W*(?i:thanks\s+to|because\s+of|due\s+to|courtesy\s+of)\s+(?:(?i:the)\s+)?$")


def _blamed_cause(text: str, ents: list[dict[str, Any]], lo: int, s: int) -> dict[str, Any] | None:
    """The name a sentence opens with as the cause of what its span says ('Thanks to Brussels, *a Greek fisherman
    needs forty permits*'): the one the span is aimed at, not the people it says suffer."""
    return next((m for m in ents if lo <= m["start"] and m["end"] <= s and _CAUSE_OPENING.fullmatch(text[lo : m["start"]])
                 and re.match(r"\s*,", text[m["end"] : s])), None)


# A span opening with a clause of time or cause: 'Ever since X ..., ', 'Because X ..., ', 'Once X ..., '
_CAUSE_CLAUSE = re.compile(r"\W*(?i:ever\s+since|since|because|after|once|when)\s+(?:(?i:the)\s+)?$")


def _suffers_cause(text: str, m: dict[str, Any], found: Sequence[dict[str, Any]], s: int) -> bool:
    """Whether a people in the main clause of a span that opens with a named cause ('*Ever since X started printing
    money, ordinary Americans have been unable to ...*', 'Because Y opened the borders, Swedish women ...') is
    whom the span says suffers, not whom it blames: the span is aimed at the cause, as after 'Thanks to X,'. Only a
    people qualifying a noun or qualified by a word before it ('ordinary Americans'): in '..., the Nazis came up
    with ...' they act."""
    return m["label"] == "NORP" and (_people_adjective(text, m) and not m["text"].endswith("s") or bool(re.search(
        r"(?<![\w'’-])(?!(?:the|these|those|a|an)\s)[a-z]+\s+$", text[max(0, m["start"] - 30) : m["start"]]))) and any(
        o["end"] <= m["start"] and o["label"] != "NORP" and _CAUSE_CLAUSE.fullmatch(text[s : o["start"]])
        and "," in text[o["end"] : m["start"]] for o in found)


def _people_adjective(text: str, m: dict[str, Any]) -> bool:
    """Whether a people's name qualifies a noun ('a Greek fisherman', 'American workers'): those the span
    speaks of, whom a named cause or subject acts on."""
    return m["label"] == "NORP" and bool(re.match(r"\s+[a-z]", text[m["end"] : m["end"] + 2]))


def _doubt_question(technique: Any, text: str, lo: int, hi: int) -> bool:
    """Whether a Doubt span stands in a question ('X says its formula is safe. *But who could believe a firm
    that ...?*'): naming no one, it doubts whoever claims in the sentence before; not one put to 'you' (in an
    interview's 'Q: Why do your figures differ?' the one asked is no claimant before)."""
    return "doubt" in str(technique or "").lower() and "?" in text[lo:hi] and \
        not re.search(r"\b(?i:you|your)\b", text[lo:hi])


def _deed_of_unnamed(text: str, s: int, m: dict[str, Any]) -> bool:
    """Whether a name in the span ``text[s:]`` stands in the relative clause of an indefinite noun before it ('who
    could believe *a paper that called it Russian* ...', 'an agency that never set foot in a Greek classroom'): it
    says what the unnamed one did or whom it harmed."""
    return bool(re.search(r"\b(?i:an?|such\s+an?)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:that|who|which|whose)\b",
                          text[s : m["start"]]))


def _deed_doer(text: str, ents: list[dict[str, Any]], sents: list[tuple[int, int]], lo: int,
               s: int, judges_unnamed: bool = False) -> dict[str, Any] | None:
    """Who did what a 'This is ...'/'That is ...' opening the span's sentence judges ('X wants a register of
    foreign workers. *That is how it started in 1933*'), or what a reductio's or a doubting question's sentence
    naming no one else judges ('X called for books to be removed. *Burning books is what the Nazis did first*',
    'X insists the count was clean. *But can we trust an agency that lost ...?*'; ``judges_unnamed``): the name
    opening the sentence before, after at most 'The' and a title of up to three words ('Justice Minister X'), and
    followed by its verb, by a relative clause and its verb ('Professor X, whose lab ..., insists') or by its report
    or survey ('The OECD's latest survey says'); None when that sentence opens otherwise ('Possible Solutions: ...',
    'X's murderer ...')."""
    if not judges_unnamed and not re.match(
            r"\W*(?i:this|that)\s+(?:is|was|'s|’s|has|had|sounds|smells|reeks|looks|will|would)\b",
            text[lo : max(s, lo + 40)]):
        return None
    prev = max((a for a, b in sents if b <= lo + 1 and a < lo), default=None)
    if prev is None:
        return None
    first = min((m for m in ents if prev <= m["start"] and m["end"] <= lo), key=lambda m: m["start"], default=None)
    if first is None or first["label"] not in {"PERSON", "ORG", "GPE", "NORP"} or \
            not re.fullmatch(r"\W*(?:The\s+)?(?:[A-Z][a-z]+\.?\s+){0,3}", text[prev : first["start"]]) or \
            not (_documents(text, first) if _possessor(text, first) else
                 re.match(r"(?:,\s+(?:who|whose|which)\b[^.!?;]*?,)?\s+[a-z]", text[first["end"] :])):
        return None
    return first


def _documents(text: str, m: dict[str, Any]) -> bool:
    """Whether a possessor owns the report, survey or figures its sentence goes on with ('The OECD's latest survey
    says ...'): the body claims through them, as 'according to a report by X' cites X."""
    w = re.match(r"['’]s((?:\s+[a-z][\w-]*){1,3})\b", text[m["end"] : m["end"] + 60])
    return w is not None and any(x in DOC_NOUNS for x in w.group(1).split())


def _own_people(text: str, m: dict[str, Any], found: Sequence[dict[str, Any]], lo: int) -> bool:
    """Whether a people that a sentence opening with 'we' defends from another name in the span is the speaker's
    own ('We will never let X tell Greeks how to live', '... let X dictate how Hungarians raise their children'):
    whom X would rule, not a target beside X. A plural name the model took for a person counts as a people."""
    plural = m["label"] == "NORP" or re.fullmatch(r"[A-Z][a-z]+s", m["text"] or "")
    if not plural or not re.match(r"\W*(?i:we)\b", text[lo:]):
        return False
    return any(o["end"] <= m["start"] and o["label"] != "NORP" and re.fullmatch(
        r"\s+(?:\w+\s+){0,2}?(?:tell|dictate|teach|order|lecture|instruct|force|decide)\w*\s+(?:\w+\s+){0,2}?",
        text[o["end"] : m["start"]]) for o in found)


def _possessor(text: str, m: dict[str, Any]) -> bool:
    """Whether a mention owns what follows it ('Ottawa's carbon tax'): a place so written acts as its government."""
    return text[m["end"] : m["end"] + 2] in {"'s", "’s"}


_OWN_SIDE = re.compile(r"\b(?:our|real|true)\s+$", re.I)


def _said(ents: list[dict[str, Any]], start: Any, end: Any, speaker: Any, source_start: Any,
          source_end: Any) -> tuple[int, int, set[Any]]:
    """(content start, content end, who says it) for a statement or quote: the speaker's entity and every
    entity inside the source's words, so that 'Interior' in 'Interior Minister Lars Eklund said' is the
    speaker's title, not a target of what he said."""
    who = {speaker}
    if source_start is not None and source_end is not None:
        who |= {m.get("entity_id") for m in ents if int(source_start) <= m["start"] and m["end"] <= int(source_end)}
    return int(start), int(end), who


def _colon_speaker(text: str, ents: list[dict[str, Any]], quote_start: int) -> dict[str, Any] | None:
    """The person or body that a colon hands a quote to when no verb of saying does ('Asked about the fine,
    the mayor's aide Tim Roe sighed: “Rules are rules.”'): named right before one to three words and the colon."""
    for m in ents:
        if m["label"] in {"PERSON", "ORG"} and 0 < quote_start - m["end"] <= 40 and (
                re.fullmatch(r"\s+[a-z]+(?:\s+[a-z]+){0,2}\s*:\s*[\"“‘]?", text[m["end"] : quote_start])
                or (re.fullmatch(r":\s*[\"“‘]", text[m["end"] : quote_start]) and text[: m["start"]].strip(" ") in
                    {"", *text[: m["start"]].rstrip(" ").rsplit("\n", 1)[:1]} and
                    (m["start"] == 0 or text[m["start"] - 1] == "\n"))):
            return m
    return None


# What a headline's speaker does after '‘...’: X': 'Says', 'Hits Out at', 'Takes Aim at', 'Slams', 'Rounds on'
_HEADLINE_SAYS = re.compile(r"\s+(?:says|said|tells|told|warns|warned|claims|insists|slams|blasts|hits|lashes|takes|"
                            r"accuses|attacks|rounds|turns|rips|mocks|calls|brands|labels|fires|jabs|swipes|vows)\b", re.I)


def _speaker_after_colon(text: str, ents: list[dict[str, Any]], quote_end: int) -> dict[str, Any] | None:
    """The person or body a colon after a quote hands it to, as headlines write it ('‘A Thief in the Kremlin’:
    Volkova Takes Aim at Sokolov', '“Lies”: Senator X Slams Report'): the name right after the colon (after at most
    one title) when a verb of saying or attacking follows it; None otherwise ('‘Murderer’: X Faces Trial' is
    about X)."""
    if re.match(r"[\"”’']?\s*:", text[quote_end : quote_end + 3]) is None:
        return None
    return next((m for m in ents if quote_end < m["start"] and m["label"] in {"PERSON", "ORG"}
                 and re.fullmatch(r"[\"”’']?\s*:\s*(?:[A-Z][a-z]+\.?\s+)?", text[quote_end : m["start"]])
                 and _HEADLINE_SAYS.match(text, m["end"])), None)


def _own_side(text: str, mention: dict[str, Any]) -> bool:
    """Whether a mention is the writer's or speaker's own side, which a span defends or flatters rather
    than attacks: 'Hands off our NHS!', 'Real Poles will never bow', 'True Americans ...'."""
    return bool(_OWN_SIDE.search(text[max(0, mention["start"] - 12) : mention["start"]]))


# '..., calling the newspaper “', 'called Governor X “': the one a label after it is pinned on
_CALLED_OBJECT = re.compile(r"\b(?:call|brand|label|dub)(?:s|ed|led|bed|ing|ling|bing)?\s+((?:(?:the|this|that)\s+[a-z]"
                            r"[a-z-]+|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*))\s*[\"“‘']?$")
_COPULA_BEFORE = re.compile(r"\s+(?:is|are|was|were|remains|has become|have become)\s+$", re.I)
# '... of/for/to X' inside a noun predicate: whom the subject serves, shelters or harms ('a danger to X')
_OF_BEFORE = re.compile(r"\b(?:of|for|to)\s+(?:the\s+)?$", re.I)
# Adverbs and auxiliaries between a subject and the verb a span starts with ('has once again', 'are still'), and
# verbs of intent before its 'to' ('wants to', 'is trying to': the subject's aim is the span).
_AUX_RUN = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|will|would|can|could|must|should|shall|may|might|did|"
                      r"does|do|been|be|once|again|already|now|never|always|just|still|not|also|even|long|"
                      r"repeatedly|openly|quietly|then|trying\s+to|"
                      r"(?:wants?|wanted|plans?|planned|planning|tries|tried|seeks?|seeking|sought|going)\s+to))*\s*$",
                      re.I)
# First words of a span that is no predicate: a question, a condition, a list or a whole clause.
_NOT_PREDICATE = frozenset("""what whether if that because why how who whom which where when either every all only
no nobody everyone everybody anyone anybody we you i and but or so as our your my their his her its this these those
""".split())
# First words of a span that is a noun phrase ('something Stalin would have loved', 'nothing but a front').
_NOUN_PHRASE_START = frozenset("a an the something nothing someone somebody anything one another".split())
_PREP_BEFORE = re.compile(r"\b(?:in|of|from|at|for|with|by|to|on|into|against|about|like)\s+(?:the\s+)?$", re.I)


def _predicate_subject(text: str, ents: list[dict[str, Any]], lo: int, s: int, e: int) -> list[dict[str, Any]]:
    """Who a span that is a clause's predicate is pinned on: the clause's subject before it. A span that starts
    with its verb ('Saudi jets have *turned Yemen into a ruin*', 'the premier is *waging war on rural Wales*')
    aims at the subject, not at whom the verb acts on; a noun phrase after 'is' ('Reyes is *a butcher of the
    NHS*', 'Its army is *the Kremlin's proxy*') at the subject, when the names inside stand after 'of' or
    'for' or own the noun. The subject is a name (with the names listed before it: 'A, B and C are ...'),
    a possessor ('Orion's executives'), a role ('the minister') or a pronoun for the last one named before
    the sentence; [] when the span is no predicate or its subject names nobody."""
    first = re.match(r"[A-Za-z][\w’'-]*", text[s:e])
    if first is None:
        return []
    word = first.group().lower()
    if word in {"who", "whom", "whose", "which"}:
        # '..., praised X, *which starved Y for nine months*': the relative clause is pinned on the name it hangs on
        if text[s:e].rstrip().endswith("?") or not re.match(r"\w+\s+(?:\w+ly\s+)?[a-z]", text[s:e]):
            return []
        return next(([m] for m in ents if lo <= m["start"] and m["end"] <= s
                     and re.fullmatch(r",\s+", text[m["end"] : s])), [])
    if (p := _noun_predicate(text, ents, lo, s, e)) is None:
        # a title-case headline's verb is a predicate too ('Orlov Caves to Beijing')
        headline = lo == 0 and 0 < text.find("\n") and e <= text.find("\n")
        if not (text[s].islower() or headline) or word in _NOUN_PHRASE_START or word in _NOT_PREDICATE:
            return []
        p = lo + _AUX_RUN.search(text[lo:s]).start()
    return _subject_ending_at(text, ents, lo, p)


def _noun_predicate(text: str, ents: list[dict[str, Any]], lo: int, s: int, e: int) -> int | None:
    """Where the subject ends when ``text[s:e]`` is a noun phrase after 'is' whose names all stand after 'of',
    'for' or 'to', own its noun or stand in its relative clause ('X is *a haven for neo-Nazis*', '*a danger to
    Y*', 'X is *a liar who poisoned the Y River*') or name where ('*the most arrogant bureaucrat in Brussels*'):
    those names are whom the subject serves, shelters or harms, or the scene, never the target. None for any other span."""
    first = re.match(r"[A-Za-z][\w’'-]*", text[s:e])
    inside = [m for m in ents if m["start"] < e and s < m["end"]]
    if first is None or not (first.group().lower() in _NOUN_PHRASE_START
                             or any(m["start"] == s and _owns_the_noun(text, s, m) for m in inside)):
        return None
    if not all(_OF_BEFORE.search(text[s : max(s, m["start"])]) or _owns_the_noun(text, s, m)
               or _qualifies_label(text, s, m) or _qualifies_predicate(text, s, m)
               or re.search(r"\b(?:who|which|whose)\b", text[s : max(s, m["start"])])
               or _setting(text, m) for m in inside):
        return None
    cop = _COPULA_BEFORE.search(text[lo:s])
    if cop is None and (called := _CALLED_OBJECT.search(text[lo:s])) is not None:
        return lo + called.end(1)  # '..., calling the newspaper “*a mouthpiece for Y*”': the one called
    if cop is None and (app := re.search(r",\s+$", text[lo:s])) is not None and \
            any(m["end"] == lo + app.start() for m in ents):
        return lo + app.start()  # 'X, *the Y's loyal lapdog*, buried the story': the label in apposition to X
    return None if cop is None else lo + cop.start()


def _qualifies_predicate(text: str, s: int, m: dict[str, Any]) -> bool:
    """Whether a people's name right after a label's opening 'a', 'an' or 'the' says whose agent or mouthpiece the
    one labelled is ('called X *a German agent*', 'X, *the Qatari regime's mouthpiece*'): the label is pinned on X.
    (Elsewhere in a span such a name is the doer: '*a Russian warship shelled the port*'.)"""
    return _people_adjective(text, m) and bool(re.fullmatch(r"(?i:an?|the)\s+", text[s : m["start"]]))


# 'X lectures Y ... while *its own president ...*': the one whose own doings a span holds against it
_ITS_OWN = {"its": frozenset({"ORG", "GPE"}), "their": frozenset({"ORG", "GPE", "NORP"})}


def _own_owner(text: str, ents: list[dict[str, Any]], lo: int, s: int, e: int) -> dict[str, Any] | None:
    """The name a sentence opens with, for an 'its own' or 'their own' in a span after it ('Brussels lectures
    Budapest about the rule of law *while its own Commission president ...*', 'X accuses Y of lying while *its own
    media ...*'): the whataboutism is held against it, not against a name inside the span ('Commission', a people
    the own ones lied about) nor whom the sentence's verb acts on. None when the span opens its sentence or the
    sentence opens with no body, country or people."""
    own = re.search(r"\b(its|their)\s+own\b", text[s:e], re.I)
    if own is None or not text[lo:s].strip():
        return None
    kinds = _ITS_OWN[own.group(1).lower()]
    first = min((m for m in ents if lo <= m["start"] and m["end"] <= s), key=lambda m: m["start"], default=None)
    return first if first is not None and first["label"] in kinds and \
        re.fullmatch(r"\W*(?:(?i:the)\s+)?", text[lo : first["start"]]) else None


def _owns_the_noun(text: str, s: int, m: dict[str, Any]) -> bool:
    """'the Kremlin’s proxy', 'Moscow's militia': the name owns the span's noun and is what the subject serves."""
    return bool(re.fullmatch(r"(?:(?i:the)\s+)?", text[s : m["start"]])) and text[m["end"] : m["end"] + 2] in {"’s", "'s"}


def _subject_ending_at(text: str, ents: list[dict[str, Any]], lo: int, p: int) -> list[dict[str, Any]]:
    """The named subject whose words end at ``p`` (see :func:`_predicate_subject`)."""
    for m in sorted((m for m in ents if lo <= m["start"] and m["end"] <= p), key=lambda m: -m["end"]):
        gap = text[m["end"] : p]
        noun = r"(?:\s+[a-z][\w’'-]*){0,3}" if re.match(r"['’]s?(?:\s|$)", gap) else \
            r"(?:\s+(?!who\b|which\b|that\b)[a-z][\w’'-]*)?" if m["label"] == "NORP" else \
            r"(?:\s+(?!who\b|which\b|that\b)[a-z][\w’'-]*(?<!ed))?" \
            if re.search(r"\b(?i:the)\s+$", text[max(lo, m["start"] - 4) : m["start"]]) else ""
        # 'X and his donors', 'X and its army of lobbyists': the one the followers belong to
        follow = r"\s+and\s+(?i:his|her|its|their)(?:\s+(?:of\s+)?[a-z][\w’'-]*){1,4}"
        if re.fullmatch(rf"(?:(?:['’]s?)?{noun}|{follow})\s*", gap) and not _PREP_BEFORE.search(text[lo : m["start"]]):
            return _listed_before(text, ents, m)
        break
    head = text[lo:p]
    if (r := re.search(r"\b(?i:the|our|their|this|that|these|those)\s+(?:[a-z-]+\s+)?[a-z-]+\s*$", head)) is not None:
        role = _by_role(text, ents, lo + r.start(), p)
        # 'calling the newspaper “...”' mid-sentence: the noun stands for the body named before, as opening one
        called = _CALLED_OBJECT.search(head) is not None and r.start() > 0
        return [role] if role is not None else _noun_antecedent(text, ents, lo + r.start() if called else lo, p)
    if re.fullmatch(r"\W*(?i:he|she|they|(?:his|her|its|their)\s+[a-z]+)\s*", head):
        back = _pronoun_antecedent(text, ents, lo, p)
        return [back] if back is not None else []
    if re.fullmatch(r"\W*(?i:it)\s*", head) and _acting_it(text, p):
        before = [x for x in ents if lo - 300 <= x["start"] and x["end"] <= lo]
        last = max(before, key=lambda x: x["start"], default=None)
        return [last] if last is not None and last["label"] in _RULE else []
    return []


def _acting_it(text: str, p: int) -> bool:
    """Whether the 'it' opening a sentence and ending at ``p`` does what the verb after it says ('It is waging a
    trade war', 'It has lied again', 'It has become the party's police'): a body or country named before, not the
    'it' of 'It is shameful that ...', 'It is time to ...' or 'It is disgusting to see ...', whose adjective or noun
    is followed by its clause."""
    rest = re.match(r"(?:\s+(?:has|have|had|is|was|will|would|can|could|must|should|did|does|keeps|continues|"
                    r"once|again|already|now|never|always|just|still|not|also|even|repeatedly|openly))*\s+(\w+)"
                    r"(\s+(?:that|to|how|when|if|whether)\b)?", text[p : p + 120])
    if rest is None or rest.group(2):
        return False
    word = rest.group(1).lower()
    return word.endswith(("ing", "ed")) or word in {"has", "have", "had", "is", "was", "will", "would", "lies", "lied",
                                                     "wants", "plans", "hates", "treats", "keeps", "become", "becomes",
                                                     "became"}


def _listed_before(text: str, ents: list[dict[str, Any]], m: dict[str, Any]) -> list[dict[str, Any]]:
    """``m`` and the names listed before it ('Paula Grant, Hector Ruiz and Dale Weber'), in text order: the
    last two joined by 'and' (in 'Even if Iran armed the Houthis, Haley's rhetoric' the comma ends a clause)."""
    out = [m]
    link = r"\s*(?:,\s*)?(?:and|&)\s+"
    while (prev := next((x for x in ents if x["end"] <= out[0]["start"] and re.fullmatch(
            link, text[x["end"] : out[0]["start"]])), None)) is not None:
        out.insert(0, prev)
        link = r"\s*,\s*"
    return out


_PRONOUN_LABELS = {"he": {"PERSON"}, "she": {"PERSON"}, "him": {"PERSON"}, "her": {"PERSON"}, "his": {"PERSON"},
                   "they": {"ORG", "GPE", "NORP"}, "them": {"ORG", "GPE", "NORP"}, "their": {"ORG", "GPE", "NORP"},
                   "its": {"ORG", "GPE"}}


# Who a reductio ad Hitlerum compares its target with; never the target itself.
_REDUCTIO_FIGURES = frozenset("hitler nazi nazis nazism reich stalin mussolini goebbels himmler pol pot gestapo stasi kgb"
                              " mao zedong khmer rouge".split())
# 'like a Putin fan club', 'runs it like an Orban', 'worse than Nixon': the benchmark of a comparison
_COMPARED_BEFORE = re.compile(r"\b(?:(?:un)?like\s+an?|than(?:\s+the)?)\s+$", re.I)
_NONE_BEFORE = re.compile(r"\b(?:no\s+one|nobody|none|nothing|no)\b[^.;:!?]*$", re.I)


def _compared_to(technique: Any, mention: dict[str, Any], text: str | None = None) -> bool:
    """Whether ``mention`` is the figure a span compares its target with: any figure after 'like a' or
    'than' ('runs the country like a Putin tribute act', 'worse than Nixon'; not in 'nobody did more harm
    than X', where X is the one aimed at), and in a Reductio_ad_hitlerum span a figure of the Nazi or
    Soviet terror ('straight out of Hitler's playbook', 'a Stasi for the digital age' are aimed at whoever's
    plan or office it is)."""
    if text is not None:
        before = text[max(0, mention["start"] - 80) : mention["start"]]
        if _COMPARED_BEFORE.search(before) and not _NONE_BEFORE.search(before):
            return True
    if "reductio" not in str(technique or "").lower():
        return False
    if text is not None and (
            re.search(r"\b(?i:nazi|weimar|19[34]0s)\s+$", text[max(0, mention["start"] - 12) : mention["start"]])
            or re.match(r"\s+(?:in|of)\s+(?:the\s+)?(?:19[34]\d|early\s+19[34]|late\s+19[34])",
                        text[mention["end"] : mention["end"] + 24])):
        return True  # 'how it started in Germany in the 1930s', 'Nazi Germany': the history compared with
    if text is not None and mention["label"] in {"GPE", "LOC", "NORP"} and (clause := re.search(
            r"[^,;:.!?]*$", text[max(0, mention["start"] - 80) : mention["start"]])) is not None and \
            any(w in _REDUCTIO_FIGURES - {"pol", "pot"} for w in re.findall(r"[a-z]+", clause.group().lower())):
        return True  # 'what Hitler did before he disarmed the Jews': whom the figure compared with acted on
    words = re.findall(r"[a-z]+", mention["text"].lower())
    return bool(words) and all(w in _REDUCTIO_FIGURES or w in {"adolf", "joseph", "benito", "the", "party", "third"}
                               for w in words)


def _recalls_terror(technique: Any, words: str) -> bool:
    """Whether a Reductio_ad_hitlerum span names the terror it compares with ('*what the Nazis did first*', 'how
    the Stasi began'): PTC's merged 'Bandwagon,Reductio_ad_hitlerum' label also covers crowds that name none."""
    return "reductio" in str(technique or "").lower() and any(
        w in _REDUCTIO_FIGURES - {"pol", "pot"} for w in re.findall(r"[a-z]+", words.lower()))


def _by_body_noun(text: str, ents: list[dict[str, Any]], lo: int, hi: int) -> dict[str, Any] | None:
    """The organisation ``text[lo:hi]`` names by a common noun of its name ('the council' -> the one
    'Oakdale City Council'; 'the ministry' -> 'Ministry of Health'), when exactly one organisation in
    the article has that word in its name, and the sentence does not name it."""
    for m in re.finditer(r"\b(?i:the|this|that)\s+([a-z][a-z-]{2,})\b", text[lo:hi]):
        word = m.group(1).capitalize()
        bodies = {x.get("entity_id"): x for x in ents if x["label"] == "ORG"
                  and re.search(rf"\b{re.escape(word)}\b", x["text"])}
        if len(bodies) == 1:
            return next(iter(bodies.values()))
    return None


def _pronoun_antecedent(text: str, ents: list[dict[str, Any]], lo: int, s: int) -> dict[str, Any] | None:
    """Who a pronoun between the sentence's start ``lo`` and the span's start ``s`` stands for, when the
    sentence names nobody: the last mention before the sentence of a kind the pronoun fits ('Judge Ann
    Marsh freed him. She is a disgrace ...' -> Marsh; 'The ministry promised hospitals. They are liars'
    -> the ministry; 'The World Bank withheld loans from Lima. Its economists ...' -> the World Bank, the body opening
    the sentence before rather than the place after its preposition). None without such a pronoun or mention."""
    # not 'it' ('It is shameful that'); 'its' only opening the sentence ('Its army is ...'; inside one it is
    # mostly a thing's: 'contain the disease in its current form')
    m = re.search(r"\b(he|she|him|her|his|they|them|their)\b|^\W*(its)\b", text[lo:s], re.I)
    if m is None:
        return None
    kinds = _PRONOUN_LABELS[(m.group(1) or m.group(2)).lower()]
    before = [x for x in ents if x["end"] <= lo]
    if not before:
        return None
    last = max(before, key=lambda x: x["start"])
    if _place(last) and kinds != {"PERSON"} and _PREP_BEFORE.search(text[max(0, last["start"] - 12) : last["start"]]):
        # 'The World Bank withheld loans from Lima. Its economists ...': the body opening the sentence before acts;
        # the place after a preposition is what it acts on
        actor = max((x for x in before if lo - 300 <= x["start"] and x["label"] in kinds - _GPE and
                     _opens_sentence(text, x)), key=lambda x: x["start"], default=None)
        if actor is not None and not re.search(r"[.!?]\s", text[actor["end"] : last["start"]]):
            return actor
    if last["label"] in kinds or _person_like(text, last, kinds):
        return last
    # a person's 'he' passes over the body or place named after him ('Minister X cut pensions. Retirees marched
    # on the Diet. He has ...'), within the 300 characters before the sentence; 'they'/'its' do not pass a person
    if kinds == {"PERSON"}:
        fit = [x for x in before if lo - 300 <= x["start"] and (x["label"] == "PERSON" or _person_like(text, x, kinds))]
        last = max(fit, key=lambda x: x["start"], default=None)
        # ... or the one person named before it at all ('Police arrested former mayor X in Y. His ...')
        alone = last is not None and len({x.get("entity_id") for x in before if x["label"] == "PERSON"
                                          or _person_like(text, x, kinds)}) == 1
        return last if last is not None and (_opens_sentence(text, last) or alone) else None
    return None


def _opens_sentence(text: str, m: dict[str, Any]) -> bool:
    """Whether a mention is its sentence's subject, first after at most a conjunction and a title ('Labour
    Minister X announced ...', 'But Judge X refused ...'), as a 'he' two sentences on mostly is."""
    return bool(re.search(r"(?:^|[.!?][\"”’)]?\s+|\n)[\"“‘]?(?:(?:But|And|So|Yet|Then)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}$",
                          text[max(0, m["start"] - 150) : m["start"]]))


def _person_like(text: str, m: dict[str, Any], kinds: frozenset[str] | set[str]) -> bool:
    """Whether a mention the model took for a body is a person a he/she may stand for: a name given a title
    ('Nadia Farouk, the new governor of the central bank', 'Governor X')."""
    if "PERSON" not in kinds or m["label"] != "ORG":
        return False
    after = re.match(r",\s+(?:the|a|an)((?:\s+[a-z-]+){1,3})", text[m["end"] : m["end"] + 60])
    before = re.search(r"\b([A-Za-z]+)\s+$", text[max(0, m["start"] - 30) : m["start"]])
    words = (after.group(1).split() if after else []) + ([before.group(1).lower()] if before else [])
    return any(w in TITLES and w not in {"state", "foreign", "former", "late", "deputy"} for w in words)


_ORG, _GPE, _RULE = frozenset({"ORG"}), frozenset({"GPE"}), frozenset({"GPE", "ORG"})
# Common nouns that name a body, its bosses or its rulers, and the kinds of mention each can stand for
_BODY_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys("""company firm outfit corporation conglomerate group bank agency ministry department council party
    organisation organization network channel broadcaster newspaper paper club union institute commission committee
    board cartel lobby charity movement alliance bosses executives bureaucrats management owners""".split(), _ORG),
    # not 'the government', 'the administration', 'the country': in news mostly the writer's own, not the last named
    **dict.fromkeys(["dictatorship"], _GPE),
    **dict.fromkeys("regime junta army military generals rulers leadership authorities".split(), _RULE),
}


# A person named again by 'this'/'that' and a noun ('That woman has never cared ...', 'this man')
_PERSON_NOUNS = frozenset("man woman guy lady fellow gentleman".split())
# Plural nouns for people ('bureaucrats', 'censors', 'clowns', 'vandals', 'thugs'), not things ('these discrepancies')
_AGENTS = re.compile(r"(?:er|or|ist|crat|ian|ite|ard|ant|ot|own|ook|ug|al|ar|ool|ive|ee)s$")


def _noun_antecedent(text: str, ents: list[dict[str, Any]], lo: int, upto: int) -> list[dict[str, Any]]:
    """Whom a noun phrase opening the sentence at ``lo`` (and ending by ``upto``) refers back to, as a pronoun
    would: 'The firm', 'the regime', 'the generals' stand for the last company, country or body of their kind
    named in the 300 characters before the sentence; 'these'/'those' with a plural noun ('Those clowns',
    'These two vandals') for the last body named there, or the persons listed last ('A and B voted ...');
    'this man', 'that woman' for the last person named there.
    [] when the sentence opens otherwise or no such mention is near."""
    m = re.match(r"\W*(?i:(the|this|that|these|those))((?:\s+[a-z][a-z-]*){1,3})\b", text[lo:upto])
    if m is None:
        return []
    plural = m.group(1).lower() in {"these", "those"}
    words = m.group(2).split()
    if m.group(1).lower() in {"this", "that"} and words[-1] in _PERSON_NOUNS:
        before = [x for x in ents if lo - 300 <= x["start"] and x["end"] <= lo and x["label"] == "PERSON"]
        return [max(before, key=lambda x: x["start"])] if before else []
    noun = next((w for w in words if w in _BODY_NOUNS or (plural and _AGENTS.search(w))), None)
    if noun is None:
        return []
    kinds = _BODY_NOUNS.get(noun, frozenset({"ORG", "GPE", "NORP"}) if plural else frozenset())
    before = sorted((x for x in ents if lo - 300 <= x["start"] and x["end"] <= lo and not _scene(text, x)),
                    key=lambda x: x["start"])
    if plural and before and before[-1]["label"] == "PERSON" and len(listed := _listed_before(text, ents,
                                                                                            before[-1])) > 1:
        return listed
    fit = [x for x in before if x["label"] in kinds or ("GPE" in kinds and x["label"] == "ORG" and is_place(x["text"]))
           or ("GPE" in kinds and _armed_people(text, x))]
    # 'X's junta bombed a school in Y. The generals ...': the place where it acted is no one's antecedent beside X
    actors = [x for x in fit if not _setting(text, x)]
    return (actors or fit)[-1:]


_FORCES = frozenset("forces troops soldiers police army military security militia militias warplanes jets drones "
                    "tanks navy guards artillery".split())


def _armed_people(text: str, x: dict[str, Any]) -> bool:
    """Whether a people's name qualifies the armed men of its state ('Iranian security forces', 'Syrian troops'):
    whose regime or junta a later 'the regime' means."""
    w = re.match(r"\s+([a-z-]+)(?:\s+([a-z]+))?", text[x["end"] : x["end"] + 40])
    return x["label"] == "NORP" and w is not None and (w.group(1) in _FORCES or w.group(2) in _FORCES)


_CALLED = re.compile(r"\b(?:call(?:s|ed|ing)?|brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|dub(?:s|bed|bing)?)\s+"
                     r"(him|her|them)\s*$", re.I)


def _called_pronoun(text: str, ents: list[dict[str, Any]], lo: int, s: int) -> dict[str, Any] | None:
    """Whom 'him'/'her'/'them' stands for right after a verb of calling before the span ('..., and Y called her
    *a thief*'): the last person (for 'them', body) of its kind named in the sentence before the caller Y, else
    before the sentence; never the caller, whom the nearest name would give."""
    m = _CALLED.search(text[lo:s])
    if m is None:
        return None
    verb = lo + m.start()
    kinds = _PRONOUN_LABELS[m.group(1).lower()]
    caller = next((x for x in ents if lo <= x["start"] and re.fullmatch(r"\s*(?:\w+ly\s+)?", text[x["end"] : verb])),
                  None)
    upto = caller["start"] if caller is not None else verb
    name = (caller or {}).get("text") or ""
    before = [x for x in ents if x["end"] <= upto and x["label"] in kinds and not (name and x["text"].endswith(name))]
    return max(before, key=lambda x: x["start"]) if before else None


def _acted_on_crowd(text: str, lo: int, s: int, e: int) -> bool:
    """Whether the span is a plural noun for people that the sentence's he/she acts on ('she is prohibiting the
    deportation of all these *illegal aliens*'): the label is the unnamed crowd's, not the actor's, whom a
    pronoun antecedent would give. Not after a verb of being or calling ('she is one of those *traitors*')."""
    words = text[s:e].split()
    det = r"(?:the|these|those|all|such|many|some|more|of)"
    return bool(words) and len(words) <= 4 and all(w.islower() for w in words) and \
        (re.fullmatch(det, words[0]) is not None or re.search(rf"\b{det}\s+$", text[lo:s]) is not None) and \
        bool(re.fullmatch(r"[a-z-]{3,}[^s\W]s", words[-1])) and \
        not re.search(r"\b(?:is|are|was|were|be|been|being|am)\s+(?!\w+ing\b)(?:\w+\s+){0,4}$|['’]s\s+(?:\w+\s+){0,4}$|"
                      r"\b(?:called|calls|call|calling|named|dubbed|labelled|labeled|branded|as|like|among)\b",
                      text[lo:s], re.I)


def _opening_pronoun_end(text: str, lo: int, s: int, e: int) -> int:
    """Where a he/she pronoun, or an owner's 'its', opening both the sentence and the span ends ('*He is a fraud*',
    '*Its directors are ...*'), or a his/her/their right after the verb of being of a span opening the sentence
    ('*Every overdose since is on their hands*', '*... is entirely his fault*'), so that it stands for the one named
    before as a pronoun before the span does; else ``s``. Not 'they' or 'their': a span opening with it mostly means
    a group named by a common noun ('liberals', 'the elites') or a 'they' of the sentences before, not the last body
    named."""
    if text[lo:s].strip(" \t\n\"“‘'"):
        return s
    m = re.match(r"\W*(?i:he|she|his|her|its)\b", text[s:e])
    # '*Every overdose since then is on their hands*', '*The mess is entirely his fault*': whose the blame is
    b = re.search(r"^[^,;:]*?\s(?:is|are|was|were)\s+(?:(?:on|all|\w+ly)\s+)?(?:his|her|their)\b", text[s:e], re.I)
    return s + m.end() if m else s + b.end() if b else s


def _by_role(text: str, ents: list[dict[str, Any]], lo: int, hi: int) -> dict[str, Any] | None:
    """The person ``text[lo:hi]`` names by role ("the mayor"), when exactly one person in the
    article carries that title ("Mayor Carla Benton", "Carla Benton, the mayor")."""
    for m in re.finditer(r"\b(?:the|our|their|this)\s+([a-z][a-z-]+)\b(?=(?:\s+([a-z][a-z-]+)\b)?)", text[lo:hi], re.I):
        role, head = m.group(1).lower(), (m.group(2) or "").lower()
        if role in TITLES and role not in {"former", "late", "deputy", "state", "foreign"}:
            holder = _role_holder(text, ents, role)
        elif role not in TITLES and head in TITLES and head not in {"former", "late", "deputy", "state", "foreign"}:
            # 'the health minister', 'the chief minister': the modifier with its title first, else the title
            holder = _role_holder(text, ents, rf"{role}\s+{head}") or _role_holder(text, ents, head)
        else:
            continue
        if holder is not None:
            return holder
    return None


def _headline_subject(text: str, ents: list[dict[str, Any]], cands: list[dict[str, Any]], lo: int,
                      hi: int) -> dict[str, Any] | None:
    """Whom a headline that names no one is about ('EU BUREAUCRATS DECLARE WAR ON SAUSAGES', whose shouted 'EU'
    the model drops; 'THEY WANT YOUR GUNS'): the name the text's next line opens with as its subject ('Brussels
    wants to ban ...', 'The Democrats unveiled ...', after at most 'The' and three capitalised words such as a
    title), when it may be a target; None otherwise. (Not for a quote in the headline: the next line mostly opens
    with its speaker, 'Vance: ‘The FBI Is Rotten’' over 'Senator Mira Vance told ...'.)"""
    line_end = text.find("\n")
    if lo != 0 or line_end < 0 or hi > line_end + 1 or any(x["start"] < line_end for x in ents):
        return None
    body = len(text) - len(text[line_end:].lstrip())
    first = min((m for m in ents if m["start"] >= body), key=lambda m: m["start"], default=None)
    if first is None or first["label"] not in {"PERSON", "ORG", "GPE", "NORP"} or \
            not any(m is first for m in cands) or \
            not re.fullmatch(r"(?:(?:The|[A-Z][a-z]+)\s+){0,3}", text[body : first["start"]]) or \
            not re.match(r"(?:['’]s)?\s+[a-z]", text[first["end"] :]):
        return None
    return first


def _headline_role(text: str, ents: list[dict[str, Any]], cands: list[dict[str, Any]], lo: int,
                   hi: int) -> dict[str, Any] | None:
    """The person a headline (the text's first line, ``text[lo:hi]`` within it) names by a title alone, in any
    case and with no 'the' ('TRAITOR MAYOR SELLS OFF PARKS', 'Governor Hikes Tolls'): the one the article gives
    that title."""
    line_end = text.find("\n")
    if lo != 0 or line_end < 0 or hi > line_end + 1 or any(x["start"] < line_end for x in ents):
        return None
    for w in re.findall(r"[A-Za-z]+", text[lo:hi]):
        role = w.lower()
        if role in TITLES and role not in {"former", "late", "deputy", "state", "foreign", "st", "mr", "mrs", "ms",
                                           "miss", "sir", "lady", "lord", "vice", "prime", "chair"}:
            if (holder := _role_holder(text, cands, role)) is not None:
                return holder
    return None


def _role_holder(text: str, ents: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    """The one person the article gives the title ``role`` (a regular expression of lower-case words): 'Mayor X',
    'X, the mayor'; None when none or several."""
    holders = {}
    for x in ents:
        if x["label"] != "PERSON":
            continue
        before = text[max(0, x["start"] - 40) : x["start"]].lower()
        after = text[x["end"] : x["end"] + 40].lower()
        if re.search(rf"\b{role}\s+(?:\w+\s+)?$", before) or re.match(rf"{role}\s", x["text"].lower()) or \
                re.match(rf",\s+(?:the|a)\s+(?:\w+\s+)?{role}\b", after):
            holders.setdefault(x.get("entity_id"), x)
    return next(iter(holders.values())) if len(holders) == 1 else None


def _target(m: dict[str, Any]) -> dict[str, Any]:
    return {k: m.get(k) for k in ("entity_id", "canonical", "text", "label", "start", "end")}
