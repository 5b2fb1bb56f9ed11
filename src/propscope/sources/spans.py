"""Readings of the dependency parse that the attribution rules share: where a speaker's noun phrase
starts and ends (without appositives, relative clauses or the writer's comment after it), who a
verb's subject is, whether a word is a verb of saying, and trimming a span to the evaluation set's
conventions. They decide no attribution themselves, so the verb and pattern rules can both use them."""

from __future__ import annotations

import re

from .layout import _CAPS_DATELINE
from .lexicon import _SPEAKER_NOUNS, DOC_NOUNS, ENTITY_LABELS, NOT_SAID, SPEECH_FORMS, SPEECH_LEMMAS, TITLES

_TRAIL = set(" \t\r\n.,;:\"'“”‘’«»„—–")
_LEAD = set(" \t\r\n,;:\"'“”‘’«»„—–-")


# The writer's own comment appended to a reported clause: '..., a claim Kyiv denied', '— a figure
# economists dispute', ', which Moscow denies', ', while Xinhua put the toll at 15'.
# The writer also sums up the reported event in a noun: '..., a move critics called reckless', '..., a
# milestone engineers described as "nerve-racking"'.
_COMMENT_NOUNS = ("claim|claims|figure|allegation|accusation|charge|assertion|statement|number|estimate|account|"
                  "version|assessment|contention|view|position|narrative|story|"
                  "move|step|milestone|decision|development|setback|blow|twist|reversal")
# Not ', which it described as “...”' (or 'he called', 'they termed'): a pronoun naming it is the speaker's own
# word for what it reported, still what was said.
_OWN_WORD = r"(?!\s+(?:it|he|she|they)\s+(?:\w+\s+)?(?:described|called|termed|labell?ed|branded|dubbed)\b)"
_DASH_COMMENT = re.compile(
    r"(?:\s[—–]\s*(?:a|an|which|this|something|one)\b"
    rf"|,\s*(?:(?:a|an|the)\s+(?:\w+\s+)?(?:{_COMMENT_NOUNS})\b|which\b{_OWN_WORD}|while\b|whereas\b))[^—–\n]*$"
)


# A verb after the comment's closing comma: the comment was a relative clause inside the subject
# ('The decision, which ... since March, was taken without ...'), and the sentence goes on after it.
_RESUMED = re.compile(r",\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do)\b")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding spaces, quote marks and ``.,;:``, a trailing comment after a dash
    ('..., Y — a claim Moscow denies'), which is the writer's, not the source's, and a dateline in
    capitals opening the paragraph ('EDINBURGH — ')."""
    m = _DASH_COMMENT.search(text, s, e)
    if m and m.start() > s and not _RESUMED.search(m.group()):
        e = m.start()
    m = _DASH_SOURCE.search(text, s, e)  # '... sanctions — AP': the trailing source is no content
    if m and m.start() > s:
        e = m.start()
    while s < e and text[s] in _LEAD:
        s += 1
    if s == 0 or text[s - 1] == "\n":  # 'EDINBURGH — Scientists have ...': the dateline is no content
        m = _CAPS_DATELINE.match(text, s)
        if m and m.end() < e:
            s = m.end()
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return s, e


def _tok_range(toks) -> tuple[int, int]:
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


_NP_EXCLUDE = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "ccomp", "dep"})


def _restrictive_participle(tok) -> bool:
    """A past participle modifying the noun before it with no comma between: 'officials briefed on ...'.
    One that says only when ('court documents filed on Monday') names no one and is left out."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.i > tok.head.i and tok.left_edge.i > 0 \
        and not tok.doc[tok.left_edge.i - 1].is_punct and not _dated_only(tok) and not _where_published(tok)


_PUBLISHING = frozenset({"publish", "release", "issue", "present"})


def _where_published(tok) -> bool:
    """A document's participle saying where or when it came out, naming no author: 'a study published in
    Nature Medicine on Wednesday found' cites the study (as 'The study, published in ..., found' does);
    'a report released by the ministry' names its author (``_author_of_document`` takes that)."""
    return tok.lemma_.lower() in _PUBLISHING and tok.head.lemma_.lower() in DOC_NOUNS | {"paper"} \
        and not any(c.dep_ == "agent" or c.lower_ == "by" for c in tok.children)


def _dated_phrase(tok) -> bool:
    """A prepositional phrase that only dates the noun it follows: 'a filing on Friday', 'a statement on
    Monday night'. It names nobody and is left out of a speaker or document ('according to a filing')."""
    return tok.dep_ == "prep" and tok.i > tok.head.i and any(True for _ in tok.children) and all(
        t.i == tok.i or t.ent_type_ in {"DATE", "TIME"} for t in tok.subtree)


def _dated_only(tok) -> bool:
    """Whether every modifier of ``tok`` is a date or time ('filed on Monday', 'released last week')."""
    kids = list(tok.children)
    return bool(kids) and all(
        c.dep_ in {"prep", "npadvmod"} and all(t.ent_type_ in {"DATE", "TIME"} or t is c and c.dep_ == "prep"
                                               for t in c.subtree) for c in kids)


def _where_a_person_spoke(tok) -> bool:
    """An 'in'/'on' phrase after a person's name says where the words appeared, not who spoke: 'wrote
    critic Jo Bell in the Observer', 'said Ana Ruiz on Radio 4' (the parser hangs it on the name, or on the
    role before it: 'the head of X Yevhen Moroz on his Telegram channel')."""
    if tok.dep_ != "prep" or tok.lower_ not in {"in", "on"} or tok.i < tok.head.i:
        return False
    before = tok.doc[tok.i - 1]  # 'the chairman of the board X on local radio': the phrase hung on the role
    return any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in (tok.head, before))


# Prepositions that only say when something was said: 'said X after the 2-1 defeat', 'the coach before kick-off'.
_WHEN_PREPS = frozenset({"after", "before", "during", "following", "amid", "ahead"})


def _when_spoken(tok) -> bool:
    """A phrase after the speaker saying when the words were spoken ('said Hibernian's coach X after the
    2-1 defeat'): the parser hangs it on the name; it names no one and is left out of the speaker."""
    return tok.dep_ == "prep" and tok.lower_ in _WHEN_PREPS and tok.i > tok.head.i


def _leading_name_word(doc, lo: int, head) -> int:
    """The first word of a name the tagger read as a verb or modifier and hung outside it: in 'Nguyễn Thị
    Lan, a rice farmer, said' the parser makes 'Nguyễn' a modifier (even a negation) of 'said' and 'Thị Lan'
    the subject. A capitalised word right before a person's name, hung on the same verb as the name, is the
    name's first word (a date, 'Yesterday', or an adverb, 'Meanwhile', 'Separately', is none)."""
    if lo == 0 or doc[lo].pos_ != "PROPN" or head.pos_ != "PROPN" or head.head.i == head.i:
        return lo
    prev = doc[lo - 1]
    if prev.is_title and prev.is_alpha and prev.whitespace_ and prev.dep_ in {"advmod", "neg", "npadvmod", "dep"} \
            and prev.pos_ in {"VERB", "ADJ", "NOUN", "PROPN", "X"} and prev.ent_type_ not in {"DATE", "TIME"} \
            and not prev.is_stop and not prev.lower_.endswith("ly") \
            and prev.head.i == head.head.i and (prev.i == 0 or doc[prev.i - 1].is_punct):
        return lo - 1
    return lo


def _listed_apposition(head):
    """The rest of a list the parser read as an appositive of its first item: in 'The mayor, the police
    chief and two city councillors all said' the chief and the councillors hang on 'mayor'. A list ends
    where the verb's words begin (no comma closes it, unlike 'The minister, a lawyer and former judge,
    said'); its appositive holds a coordinated item with its own article or number. None otherwise."""
    if head.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    doc = head.doc
    for c in head.children:
        if c.dep_ != "appos" or c.i < head.i or doc[c.left_edge.i - 1].text != ",":
            continue
        items = [x for x in c.children if x.dep_ == "conj"]
        if not items or not any(x.dep_ == "cc" for x in c.children):
            continue
        after = doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(doc) else None
        if after is None or after.is_punct:
            continue
        if any(x.dep_ in {"det", "nummod", "poss"} or x.pos_ == "PROPN" for i in items for x in [i, *i.children]):
            return c
    return None


def _word_hyphen(tok) -> bool:
    """The hyphen inside a word the tokenizer split ('so-called fact-checkers', 'Al-Harbi'): part of
    the noun phrase, not punctuation that ends it."""
    return (tok.tag_ == "HYPH" or tok.text == "-") and not tok.whitespace_ and tok.i > 0 \
        and not tok.doc[tok.i - 1].whitespace_


def _close_apposition(tok) -> bool:
    """A name the parser calls an appositive though no comma or dash sets it off: 'The Minister of
    Foreign Affairs Mr. Abdullah Al-Harbi' is one title-and-name phrase, unlike 'X, a virologist,'."""
    before = tok.doc[tok.left_edge.i - 1]  # a hyphen inside a double-barrelled name ('Ortega-Reyes') joins
    return tok.dep_ == "appos" and tok.i > tok.head.i and tok.left_edge.i > tok.head.i \
        and (not before.is_punct or _word_hyphen(before))


# A company's legal form after its name and a comma: 'Harbor BioTherapeutics, Inc.'
_LEGAL_FORMS = frozenset({"inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "plc", "co.", "l.p.", "lp", "s.a.",
                          "ag", "n.v.", "gmbh", "llp"})


def _is_name_token(tok) -> bool:
    """A proper-noun token (the tagger calls an acronym like 'IRNA' an adjective), not a date."""
    return (tok.tag_ == "NNP" or (tok.text.isupper() and len(tok.text) > 1 and tok.is_alpha)) \
        and tok.ent_type_ not in {"DATE", "TIME"}


def _np_span(head) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``head``: the contiguous block around the head of
    its subtree minus appositives, relative clauses and punctuation, with a leading article dropped.
    A participle phrase not set off by a comma restricts the noun and stays ("two diplomats briefed
    on the talks", like "sources close to the investigation"); one after a comma is left out."""
    keep = {head.i}
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.is_space or c.dep_ in _NP_EXCLUDE and not (_restrictive_participle(c) or _word_hyphen(c)
                                                             or _close_apposition(c)):
                continue
            if t.i == head.i and c.i < head.i and _comma_ended_modifier(c):
                continue  # 'Izvestia, State Duma deputy X': the phrase before the comma is another's
            if t.i == head.i and _dated_phrase(c) or _where_a_person_spoke(c) or _when_spoken(c):
                continue  # a person's name in apposition keeps no 'on his Telegram channel' either
            keep.add(c.i)
            stack.append(c)
    listed = _listed_apposition(head)
    if listed is not None:  # 'The mayor, the police chief and two councillors said': all three spoke
        keep.update(range(head.i, listed.right_edge.i + 1))
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = head.doc
    # a leading article, and a focus adverb before it ("Even the New York Times was forced to admit")
    while lo < hi and (doc[lo].dep_ == "det" and doc[lo].lower_ in {"the", "a", "an"} or doc[lo].is_punct
                       or doc[lo].dep_ in {"advmod", "amod"} and doc[lo].lower_ in {"even", "only", "also", "just"}):
        lo += 1
    lo = _leading_name_word(doc, lo, head)
    # a possessor's "'s" ("the ministry's figures"); a floating quantifier ("the three of them all said")
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ == "POS"
                       or doc[hi].dep_ == "appos" and doc[hi].lower_ in {"all", "both", "each"}):
        hi -= 1
    # a name right after a common noun, whatever the parser hung it on: "the news agency IRNA",
    # "the monitoring group Airwars" (a date is no name: "the ministry Monday")
    if hi + 1 < len(doc) and doc[hi].pos_ == "NOUN" and doc[hi].whitespace_:
        while hi + 1 < len(doc) and _is_name_token(doc[hi + 1]):
            hi += 1
    # a double-barrelled name the parser split at its hyphen ('Ana Ortega-Reyes' with 'Reyes' a second subject)
    while hi + 2 < len(doc) and doc[hi].pos_ == "PROPN" and _word_hyphen(doc[hi + 1]) and doc[hi + 2].is_title \
            and doc[hi + 2].pos_ == "PROPN" and not doc[hi + 1].whitespace_:
        hi += 2
    if hi + 2 < len(doc) and doc[hi].pos_ == "PROPN" and doc[hi + 1].text == "," \
            and doc[hi + 2].lower_ in _LEGAL_FORMS:
        hi += 2
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


# Nouns naming what somebody said: "according to the words of the district head" cites the head.
_WORDS_NOUNS = frozenset({"words", "remarks", "comments", "testimony"})
# The translated 'according to the information (the data) of the ministry' (Russian 'по данным',
# 'по информации'): the 'of' phrase names who gave it when it is a definite body ('the ministry'),
# not what the data is about ('data of 40,000 patients').
_INFORMATION_NOUNS = frozenset({"information", "data"})


def _author_of_document(head):
    """'a report by the Associated Press' -> the token 'Press'; None when the noun is no document."""
    if head.lower_ in _WORDS_NOUNS | _INFORMATION_NOUNS:
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and pobj.pos_ in {"PROPN", "NOUN"} and (
                head.lower_ in _WORDS_NOUNS or pobj.pos_ == "PROPN"
                or any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in pobj.children)):
            return pobj
    if head.lemma_.lower() not in DOC_NOUNS and head.lower_ not in DOC_NOUNS:
        return None
    by = any(c.dep_ == "prep" and c.lower_ == "by" for c in head.children)
    if head.pos_ == "PROPN" and not by:  # a name ("Report"), unless 'a Tweet by X' capitalises the document
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from", "of", "in"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in {"DATE", "TIME"} and (  # 'an email from February'
                        pobj.pos_ == "PROPN" or pobj.ent_type_ in ENTITY_LABELS
                        or _common_noun_author(head, prep, pobj) or _named_body(pobj)):
                    return pobj
    for acl in head.children:  # "a report published on Thursday by the monitoring group Airwars"
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in _AUTHORING:
            for by in acl.children:
                if by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ == "by"):
                    pobj = next((p for p in by.children if p.dep_ == "pobj"), None)
                    if pobj is not None and pobj.pos_ in {"PROPN", "NOUN"}:
                        return pobj
    for c in head.children:  # "a Reuters report", "RT's report", "the port authority's records"
        if c.dep_ == "compound" and c.text in PLATFORMS:  # "a Facebook post": the platform wrote nothing
            continue
        if c.dep_ in {"compound", "poss"} and (c.pos_ == "PROPN" or c.ent_type_ in ENTITY_LABELS):
            return c
        if c.dep_ == "poss" and c.pos_ == "NOUN":  # a possessor is the author; a compound ('a police report') may not be
            return c
    return None


# Participles naming who made a document ("a report published by X"); "documents seen by the BBC"
# or "obtained by" names who holds them, and the documents stay the source.
_AUTHORING = frozenset("publish release issue write compile prepare produce conduct carry author sign post "
                       "file submit present deliver draft commission".split())
# Documents only someone issues: "a statement from the health authority" is the authority's;
# "footage from the scene" or "data from satellites" has no author in the 'from' phrase.
_ISSUED = frozenset("statement letter communique communiqué release tweet post memo briefing message".split())
# Platforms that carry what others write: never the author of "a Facebook post".
PLATFORMS = frozenset({"Facebook", "Twitter", "X", "Instagram", "TikTok", "YouTube", "Telegram", "WhatsApp",
                       "Reddit", "Threads", "Bluesky", "VK", "VKontakte", "Weibo", "WeChat", "Truth", "Substack"})
_DATA_NOUNS = frozenset({"figures", "data", "statistics", "estimates", "records", "logs"})


def _named_body(noun) -> bool:
    """A common noun for a body with its name before it: 'the Nationwide building society', 'the Halifax
    bank' (the small model tags the name an organisation and leaves the noun out of the entity)."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "ORG"
                                       for c in noun.children)


def _common_noun_author(doc_noun, prep, pobj) -> bool:
    """A common noun as the author of a document: 'a study by researchers at X', 'a statement from the
    regional health authority'; not a breakdown ('figures by region') nor a place ('footage from the scene')."""
    if pobj.pos_ != "NOUN" or not (pobj.tag_ == "NNS" or any(c.dep_ in {"det", "poss"} for c in pobj.children)):
        return False
    if prep.lower_ == "by":
        return doc_noun.lower_ not in _DATA_NOUNS
    return prep.lower_ == "from" and doc_noun.lemma_.lower() in _ISSUED


def _source_span(head) -> tuple[int, int]:
    author = _author_of_document(head)
    return _np_span(author if author is not None else head)


def _comparison(tok) -> bool:
    """A verb of saying in the second half of a comparison: 'cost twice as much as ministers had promised',
    'worse than officials claimed'. It measures against what was said and reports nothing new: an 'as' or
    'than' clause hung on an adverb or adjective, with no clause or object of its own; for 'as', the
    adverb or adjective has the first 'as' of the pair ('as much as'). 'Later, as X asked: ...' and 'First
    of all, as I predicted, ...' are asides that report."""
    if tok.dep_ != "advcl" or tok.head.pos_ not in {"ADV", "ADJ"} or any(c.dep_ in {"ccomp", "dobj"} for c in tok.children):
        return False
    mark = next((c.lower_ for c in tok.children if c.dep_ == "mark" and c.lower_ in {"as", "than"}), None)
    return mark == "than" or mark == "as" and any(c.lower_ == "as" and c.i < tok.i for c in tok.head.children)


def _is_speech(tok) -> bool:
    """A verb of saying that asserts something: 'did not say where' and 'never claimed' report nothing."""
    if any(c.dep_ == "neg" and c.lower_ in _NEGATORS and not _quoted_after(tok, c) for c in tok.children):
        return False
    if _said_to_be(tok):
        return False
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":  # "it goes without saying", "left without saying a word"
        return False
    if _aside_infinitive(tok):  # "..., to say the least", "To tell the truth, ..."
        return False
    if _small_clause_report(tok):
        return False
    # "is expected to say", "plans to announce": not said (yet); "went on to say" was
    if tok.dep_ == "xcomp" and tok.tag_ == "VB" and tok.head.lemma_.lower() not in _SAY_GOVERNORS \
            and _first_to_say(tok) is None:  # 'She was the first minister to admit that ...' did
        return False
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "use" and any(c.dep_ == "auxpass" for c in tok.head.children):
        return False  # 'the phone was used to tell the family': a tool, not a habit of saying
    if _hypothetical(tok) or _comparison(tok):
        return False
    lem = tok.lemma_.lower()
    if lem in {"go", "continue"}:  # 'He went on: “...”', 'She continued: "..."'; not 'the war went on'
        return _goes_on_into_quote(tok) or _goes_on_aside(tok)
    if lem == "tell" and _tells_whether(tok):
        return False
    if lem in {"tell", "say"} and _evidence_speaks(tok):
        return False
    if lem == "find":  # "the report found that ...": a study's, an inquiry's or a court's finding, not a discovery
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and _court(subj):  # 'found that the search was unlawful'; 'found him guilty' is a verdict
            return any(c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}  # and 'found him to be credible' an assessment
                       and not any(x.tag_ == "TO" for x in c.children) for c in tok.children)
        finder = subj is not None and (subj.lemma_.lower() in _FINDERS or subj.lower_.rstrip("s") in _FINDERS)
        return finder and any(c.dep_ == "ccomp" for c in tok.children)
    if lem == "show":  # "a study published in X shows that ...": what a study, report or document states
        return _document_shows_that(tok)
    if lem == "hold":  # a court 'held that ...' (its finding of law); not 'held talks', 'was held that evening'
        return _holds_that(tok)
    if lem in {"submit", "advise"}:  # counsel 'submitted that ...'; not 'submitted its bid', 'advised him to go'
        return tok.tag_.startswith("VB") and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) \
            and _that_complement(tok)
    if lem in {"express", "voice"}:  # 'expressed confidence that ...'; not 'expressed concern over the fires'
        return _stance_clause(tok) is not None
    if lem == "make":  # 'made clear that ...', 'made it clear that ...'; not 'made it clear to everyone'
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)  # a speaker, not 'the manual makes clear'
        return _made_clear(tok) is not None and subj is not None and _may_speak(subj)
    if lem == "sum":  # 'summed up the mood: “...”', 'summed it up: ...'; not 'summed up the evidence'
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children) and _colon_quote_after(tok)
    if lem == "put":  # "as one analyst put it, ...", "she put it bluntly: ..."; not "put it on the table"
        # only a phrase after the verb places the 'it' ('put it on Monday' dates it); one opening the
        # sentence sets the scene ('On his show, the host put it bluntly: ...')
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and not any(
            c.dep_ == "prep" and c.i > tok.i and not _dated_phrase(c) for c in tok.children)
    if lem not in SPEECH_LEMMAS and _manner_tag(tok):  # '“Not now,” the senator snapped'
        return True
    if lem in SPEECH_LEMMAS and (tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")):
        if lem == "rule":  # a court 'ruled that ...'; 'ruled out terrorism' is a decision, not a statement
            return not any(c.dep_ == "prt" for c in tok.children)
        return not (lem == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children))
    # tagger slips on headline verbs ("..., Shoigu warns"): accept the form when it has a subject
    return tok.lower_ in SPEECH_FORMS and lem != "point" and any(c.dep_ == "nsubj" for c in tok.children)


def _quoted_after(verb, neg) -> bool:
    """'replied: “Absolutely not.”', 'said: "Never."': a negator inside the quotation after the verb (the
    parser may hang it on the verb) is the speaker's word, not the verb's negation."""
    return neg.i > verb.i and any(t.is_quote or t.text == ":" for t in verb.doc[verb.i + 1 : neg.i])


# Nouns for a stance one states: 'expressed confidence (the hope, the view, concern) that ...' reports what the
# speaker holds, as state media and diplomatic readouts phrase a statement.
_STANCE_NOUNS = frozenset("""
confidence hope belief concern conviction regret fear fears doubt doubts optimism view opinion satisfaction
disappointment surprise certainty frustration wish
""".split())


def _stance_clause(verb):
    """The 'that' clause of 'expressed confidence that X' / 'voiced the hope that X': a stance noun as the
    verb's object, with a clause opened by 'that' hung on it (the parser makes it a clause of the noun).
    None otherwise ('expressed concern over the fires' states no clause)."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in _STANCE_NOUNS:
            continue
        for c in obj.children:
            if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > obj.i and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children):
                return c
    return None


def _made_clear(verb):
    """The 'that' clause of 'made clear that X' or 'made it clear that X' (the parser hangs it on the
    verb or on 'clear'); None when 'make' has no 'clear' or no such clause."""
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.i > verb.i), None)
    if clear is None:
        return None
    for c in [*verb.children, *clear.children]:
        if c.i > clear.i and c.dep_ in {"ccomp", "advcl"} and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
    return None


def _colon_quote_after(verb) -> bool:
    """A colon and a quotation after the verb and its object, within a few words ('summed up the mood: “...”')."""
    rest = verb.doc.text[verb.idx + len(verb.text):]
    return re.match(r"[^.:;\n\"“‘]{0,40}:\s*[\"“‘']", rest) is not None


# The words that negate a verb. The parser also tags a name's first word 'neg' ('Nguyễn Văn An, a driver,
# said ...'), which negates nothing.
_NEGATORS = frozenset({"not", "n't", "n’t", "never", "no", "nor", "neither", "nt", "nobody", "none", "nothing"})


def _aside_infinitive(tok) -> bool:
    """'The reaction was lukewarm, to say the least', 'To tell the truth, I never liked him': a bare
    infinitive of saying hung on the sentence as an adverbial clause, with no subject, clause,
    addressee or quotation of its own, is the writer's comment on how the sentence is put (or, on PTC
    articles, no saying at all: 'to explain away', 'as if to add a finishing touch'); nobody is cited.
    'called a press conference to say that he would resign' has its clause, 'took to X to say: “...”'
    its quotation, 'to suggest - without any evidence - that ...' a 'that' the parser hung elsewhere."""
    if tok.dep_ != "advcl" or tok.tag_ != "VB" or not any(c.tag_ == "TO" and c.i == tok.i - 1 for c in tok.children):
        return False
    if any(c.dep_ in {"nsubj", "ccomp", "xcomp", "dative", "parataxis"} for c in tok.children):
        return False
    end = tok.right_edge
    rest = tok.doc.text[end.idx + len(end.text):]
    if re.match(r"[ \t]*(?:[-—–,][^-—–,\n]{0,60}[-—–,][ \t]*)?that\b", tok.doc.text[tok.idx + len(tok.text):]):
        return False  # 'to suggest - without any evidence - that ...': the parser lost the clause after the aside
    return re.match(r"\s*[:\"“‘']", rest) is None and not any(t.is_quote for t in tok.subtree)


def _said_to_be(tok) -> bool:
    """'The bridge, said to be the longest in Europe, ...', 'a painting reported to be worth £3m': a verb
    of saying with 'to be'/'to have' right after it describes its noun by hearsay; nobody is cited. (The
    parser may make the noun the verb's subject and the rest of the sentence its complement.)"""
    if tok.lemma_.lower() not in {"say", "report", "rumour", "rumor"} or tok.i + 2 >= len(tok.doc):
        return False
    to, verb = tok.doc[tok.i + 1], tok.doc[tok.i + 2]
    return to.lower_ == "to" and verb.lemma_.lower() in {"be", "have"} and verb.head.i == tok.i \
        and verb.dep_ == "xcomp"


# A quotation's closing words before its tag: the quote ends in ',', '?', '!', a dash or '…' and its mark closes
# ('“Ask the referee,” snapped ...', '“Never!” she laughed').
_TAG_AFTER = re.compile(r"[,?!—–…-][ \t]*[\"”’'][ \t]*$|[\"”’'][ \t]*,[ \t]*$")


def _manner_tag(tok) -> bool:
    """A verb of manner tagging a quotation: '“We were poor,” the captain sighed', '“Not on my watch,”
    Governor X snapped when ...', '“It is a betrayal,” fumed the organiser'. News names a quote's speaker
    with the verb of how it was said (snapped, sighed, laughed, fumed, muttered, beamed); any verb in the
    past tense right after the quote's closing mark, with its subject between or after it and no object
    of its own, introduces the quote. Not a verb of thought or perception ('“Why now?” she wondered',
    '“...,” the court heard'): those report no statement."""
    if tok.tag_ != "VBD" or tok.lemma_.lower() in NOT_SAID or tok.pos_ != "VERB":
        return False
    doc = tok.doc
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is not None and tok.i > 0 and doc[tok.i - 1].is_quote and subj.i < tok.i - 1:
        subj = None  # '“Ceasefire? What ceasefire?” scoffed a fighter': the quotation's own subject
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    # inverted, 'fumed union organiser X': the speaker follows at once (the parser may make it the object)
    inverted = subj is None and nxt is not None and nxt.pos_ in {"DET", "PROPN", "NOUN", "ADJ", "NUM"}
    if not (subj is not None or inverted) or any(
            c.dep_ in {"dobj", "dative", "attr", "oprd", "acomp", "xcomp", "nsubjpass", "auxpass", "aux"}
            and not (inverted and c.i > tok.i and c.left_edge.i == tok.i + 1) for c in tok.children):
        return False
    start = tok.i if subj is None else subj.left_edge.i
    if subj is not None and any(t.is_punct for t in doc[subj.right_edge.i + 1 : tok.i]):
        return False  # 'the film, a sequel, opened': the subject set off by commas is no tag's
    before = doc.text[: doc[start].idx]
    return _TAG_AFTER.search(before) is not None and _opens_sentence(before)


_OPENING_OF = {"”": "“", '"': '"', "’": "‘'", "'": "'‘"}


def _opens_sentence(before: str) -> bool:
    """Whether the quotation whose closing mark ends ``before`` (but for a comma and spaces) opens its
    sentence: at a line's start, after a sentence's end or after another quotation. A quotation inside a
    sentence is a title or a phrase ('Her single, “Tell Me Why,” topped ...', 'the officer said ‘move
    along,’ nobody moved'), and the verb after it is the sentence's, not a tag."""
    head = before.rstrip(" \t,")
    opening = _OPENING_OF.get(head[-1:])
    if opening is None:
        return False
    i = max(head.rfind(o, 0, len(head) - 1) for o in opening)
    return i >= 0 and re.search(r"(?:^|\n|[.!?:][\"”’']?[ \t]+)[ \t]*$", head[:i]) is not None


# Who 'holds that' something in a ruling or judgment: a court and its judges. 'The theory holds that' or
# 'a papolatry which holds that' (a doctrine) and 'tradition holds that' name no one who said it.
_HOLDERS = frozenset("""
court courts judge judges justice justices tribunal panel bench majority magistrate magistrates arbitrator
arbitrators commission ombudsman coroner jury jurors inquest
""".split())


def _that_complement(tok) -> bool:
    """Whether a verb takes a 'that' clause: 'held that ...', or 'held, giving judgment, that ...' (the
    clause hung on the aside)."""
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               or c.dep_ == "advcl" and c.i > tok.i and _that_clause(c)  # 'held, giving judgment, that'
               for c in tok.children) or bool(_clause_after_aside(tok))


def _goes_on_into_quote(tok) -> bool:
    """'He went on: “...”', 'she continued: "..."': a speaker carrying on, with a colon and a quotation
    right after the verb (and its 'on'), is saying what the quotation holds. Without the quotation the
    verb is no verb of saying ('The talks went on: nobody left', 'prices continued to rise')."""
    if tok.lemma_.lower() == "go" and not any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children):
        return False
    last = max([tok.i] + [c.i for c in tok.children if c.dep_ == "prt"])
    rest = tok.doc.text[tok.doc[last].idx + len(tok.doc[last].text):]
    return re.match(r"[ \t]*:\s*[\"“‘']", rest) is not None


def _goes_on_aside(tok) -> bool:
    """'Rebuilding the school, she went on, would take two years', 'Y, the minister continued.': a
    speaker carrying on, set off by commas inside or after the sentence it sits in, is saying that
    sentence (as 'X, he said, Y' is). The parser may hang the words before the aside on the verb.
    Not 'the talks, which went on all night, ...' (a relative clause) nor 'the war went on' (no aside)."""
    if tok.lemma_.lower() == "go" and not any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or subj.tag_ in {"WDT", "WP"}:
        return False
    doc = tok.doc
    start = subj.left_edge.i
    end = max([tok.i] + [c.i for c in tok.children if c.dep_ == "prt"])
    before = doc[start - 1] if start > 0 else None
    after = doc[end + 1] if end + 1 < len(doc) else None
    if before is None or before.text != "," or not (after is None or after.text in {",", ".", "!", "?"}):
        return False
    # all else on the verb lies before the aside (a clause or phrase the parser hung on it)
    if any(not c.is_punct and c.i != subj.i and c.dep_ != "prt" and c.right_edge.i >= start for c in tok.children):
        return False
    if tok.dep_ in {"ccomp", "parataxis"} and tok.head.i != tok.i:
        return True
    return tok.dep_ == "ROOT" and any(c.dep_ == "ccomp" and c.i < start for c in tok.children)


def _court(subj) -> bool:
    """Whether a subject is a court or judge (or a jury or inquest): its noun, or a title word in
    its phrase ('Judge Osei', 'Justice Ruiz')."""
    words = {t.lower_ for t in subj.subtree if t.i <= subj.i}
    return subj.lemma_.lower() in _HOLDERS or subj.lower_ in _HOLDERS or bool(words & {"judge", "justice"})


def _holds_that(tok) -> bool:
    """'The Court of Appeal held that ...', 'the justices held, in a 6-3 decision, that ...': 'hold'
    with a 'that' clause (:func:`_that_complement`), in the active voice, said of a court or judge."""
    if not tok.tag_.startswith("VB") or any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return False
    if not _that_complement(tok):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in {"WDT", "WP"} and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None:
        return False
    words = {t.lower_ for t in subj.subtree if t.i <= subj.i}
    return _court(subj) or subj.ent_type_ == "PERSON" and bool(words & TITLES)


def _document_shows_that(tok) -> bool:
    """'A study published in X shows that ...', 'Documents seen by the Courier show that ...', 'the memo
    showed that ...': a study, survey, report or document that shows (active, with a 'that' clause) states
    what the clause says, as one that 'found' or 'suggests' does. Not 'the figures show a sharp rise' (no
    clause), 'shows how ...', nor a person who 'showed that he could win' (a demonstration, not a statement)."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)  # the tagger may call 'show' a noun
    if subj is not None and subj.tag_ in {"WDT", "WP"} and tok.dep_ == "relcl":
        subj = tok.head  # 'a report which shows that ...'
    if subj is None or not (tok.tag_.startswith("VB") or tok.lower_ == "show"):
        return False
    lem = subj.lemma_.lower()
    return (lem in _FINDERS or lem in DOC_NOUNS or subj.lower_ in DOC_NOUNS) and subj.pos_ == "NOUN" \
        and lem not in _EVIDENCE and subj.lower_ not in _EVIDENCE and _that_complement(tok)


# What shows without stating: 'Footage from the scene shows that ...', 'the figures show that ...' are the
# writer's reading of evidence, not a study's or document's statement.
_EVIDENCE = frozenset("footage video videos figures data statistics estimates logs images photos pictures numbers".split())


def _evidence_speaks(tok) -> bool:
    """'The data tell a different story: ...', 'the figures say otherwise': evidence with no author
    named in its phrase is the writer's reading, as when it 'shows' (:data:`_EVIDENCE`); 'figures from
    the statistics office say ...' cite the office."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or not (subj.lower_ in _EVIDENCE or subj.lemma_.lower() in _EVIDENCE):
        return False
    return not any(c.dep_ in {"prep", "acl", "poss"} or c.dep_ == "compound" and (
        c.pos_ == "PROPN" or c.lower_ in _SPEAKER_NOUNS) for c in subj.children)


def _small_clause_report(tok) -> bool:
    """'The drones reported missing on Sunday were found ...', 'declared dead': a verb of saying with a
    bare adjective or participle right after it reports a state of its object, not a statement of its
    subject (the parser may make the noun its subject and the rest of the sentence its complement)."""
    if tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    if nxt.head.i != tok.i or nxt.dep_ not in {"xcomp", "acomp", "oprd"} or nxt.tag_ not in {"JJ", "VBG", "VBN"}:
        return False
    # a gerund of saying or one with an object or clause is an act ('recalls saying', 'denied taking the money')
    return nxt.lemma_.lower() not in SPEECH_LEMMAS | {"be", "have"} and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "mark", "dobj", "ccomp", "xcomp", "dative"} for c in nxt.children)


# Subjects whose "found that X" reports a finding: documents and the people who do research or inquiries.
_FINDERS = frozenset("""
report study survey poll analysis investigation inquiry audit review probe research assessment evaluation
researcher scientist investigator auditor inspector expert
""".split())

# Modals that make a verb of saying the writer's supposition: "critics might argue that ...",
# "she should say so". ("would" is past habit or narrative future as often: "he would later say".)
_HYPOTHETICAL_MODALS = frozenset({"might", "may", "should", "could"})


def _hypothetical(tok) -> bool:
    """A verb of saying nobody used: under a modal of possibility ('might argue', 'could claim') or
    'would' in the main clause of a condition ('If she were honest, she would say ...')."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if aux & _HYPOTHETICAL_MODALS:
        return True
    return "would" in aux and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in tok.children)


def _tells_whether(tok) -> bool:
    """'tell' with no addressee and a 'whether'/'if' question means 'know' ('Time will tell whether
    it pays off', 'it is hard to tell if ...'): nobody states anything. 'told reporters whether' has one;
    under a modal it is still to come ('The scans will tell doctors whether ...', 'will tell MPs if ...')."""
    if any(c.dep_ in {"dobj", "dative"} for c in tok.children) and not any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        return False
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in {"whether", "if"} for m in c.children)
               for c in tok.children)


# Verbs after which "to say" was said: "went on to say"; "was forced to admit" (it admitted it).
# "Defenders of the bill like to say that ...": a habit of saying, said.
# "My mother used to tell me ...": a habit of saying, said.
_SAY_GOVERNORS = frozenset({"go", "continue", "proceed", "add", "repeat", "hasten", "rush", "stop", "pause", "like", "love",
                            "force", "compel", "oblige", "use"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})


def _speakers_second_verb(verb):
    """The verb of saying whose speaker ``verb`` shares, when the parser hung ``verb`` inside its content.

    In 'The coach said the injury was not serious and warned that the striker would miss the derby',
    the small model makes 'warned' a conjunct of 'was' in the reported clause, so it borrows 'injury' as
    its subject and the first content runs on over it. A verb of saying with a clause of its own and no
    subject, conjoined to the head of another verb of saying's reported clause (not itself a verb of
    saying), goes with that verb's speaker. None otherwise."""
    if verb.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    head = verb.head
    if head.dep_ != "ccomp" or head.lemma_.lower() in SPEECH_LEMMAS or head.head.i == head.i:
        return None
    outer = head.head
    if outer.lemma_.lower() not in SPEECH_LEMMAS or outer.i > head.i:
        return None
    inner = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if inner is not None and _may_speak(inner):  # 'said the driver stopped and asked whether ...': the driver asked
        return None
    return outer


def _may_speak(tok) -> bool:
    """A subject that could have said something itself: a person's pronoun, a name, a role, a body or a
    document or inquiry ('an investigation had been launched and “concluded” that ...')."""
    return (tok.lower_ in {"he", "she", "they", "we", "i", "you"} or tok.pos_ == "PROPN"
            or tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
            or tok.lemma_.lower() in _SPEAKER_NOUNS | TITLES | DOC_NOUNS | _FINDERS)


def _name_read_as_adjective(tok) -> bool:
    """'Kommersant, citing two sources, reported that ...': the tagger reads a name ending like an adjective
    as one and the parser hangs it on the verb as a modifier. A capitalised adjective opening its sentence,
    set off by a comma, is the verb's subject when the verb has none ('Angry, ...' is not said to anyone:
    the caller asks only when no subject was found)."""
    return tok.dep_ == "advmod" and tok.tag_ == "JJ" and tok.is_title and tok.is_sent_start \
        and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ","


def _subject(verb):
    """The speaker token of a verb of saying; climbs conj/xcomp/advcl ('visited ... and said',
    'was quoted as saying', 'said, adding that') when the verb has no subject of its own."""
    outer = _speakers_second_verb(verb)
    if outer is not None:
        return _subject(outer)
    v = verb
    agent = _passive_agent(verb)
    if agent is not None:  # "It was reported by IRNA that ...", "He was told by officials that ..."
        return agent
    noun = _as_relative(verb)
    if noun is not None:  # "As the economist John Kay observed, ..."
        return noun
    for depth in range(4):
        if depth and v.lemma_.lower() in {"quote", "cite"}:  # "the agency quoted an official as saying"
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        stray = _fronted_subject(v) if depth == 0 else None
        if stray is None and depth == 0:
            stray = _opening_participle_subject(v)
        if stray is None and depth == 0:
            stray = _topic_before_colon(v)
        if stray is None and depth == 0:
            stray = _quoted_subject(v)
        for c in v.children:
            if stray is not None and c.i == stray.i:
                continue
            if c.dep_ == "nsubj" or (depth and c.dep_ == "nsubjpass"):
                if c.tag_ in {"WP", "WDT"} or c.lower_ in {"who", "which", "that"}:
                    if v.dep_ == "relcl":
                        return v.head
                    return None
                if c.dep_ == "nsubj" and c.lower_ == "it" and depth == 0 and _is_expletive(c):
                    return None
                if c.tag_ == "VBG" and c.i < v.i:  # "Writing on Telegram, the head of X said": the
                    return _speaker_after_participle(c)  # speaker follows the opening participle's comma
                return c
        if depth == 0 and (obj := _fronted_verb_speaker(v)) is not None:
            return obj
        if depth == 0 and (obj := _speaker_in_opening_phrase(v)) is not None:
            return obj
        if depth == 0 and (obj := _first_to_say(v)) is not None:
            return obj
        if depth == 0 and (_after_quote(v) or _after_reported_clause(v)):
            # '"Where is the money?" asked one protester': the inverted speaker parsed as the object
            obj = next((c for c in v.children if c.dep_ in {"dobj", "dative", "attr"} and c.i > v.i), None)
            if obj is not None:
                return obj
        if depth == 0 and not any(c.dep_ in {"nsubjpass", "expl", "csubj"} for c in v.children):
            # parser slip on "Washington, meanwhile, has warned ...": a bare noun opening the clause
            first = next((c for c in v.children if c.i < v.i), None)
            if first is not None and (first.dep_ in {"npadvmod", "dep"} and first.pos_ in {"PROPN", "NOUN"}
                                      or _name_read_as_adjective(first)) \
                    and first.ent_type_ not in {"DATE", "TIME"}:
                return first
        if v.dep_ not in _CLIMB or v.head.i == v.i:
            return None
        if depth == 0 and v.dep_ == "advcl" and v.tag_ == "VBN" and not any(
                c.dep_ in {"aux", "auxpass"} or c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
            return None  # "Asked whether ..., Lavrov was curt": the main clause's subject was asked, it did not ask
        if v.dep_ == "advcl" and v.tag_ == "VB" and not any(c.dep_ == "aux" for c in v.children):
            return None  # an imperative ("Say what you will about him, he ...") has no speaker to borrow
        if depth == 0 and v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children):
            # "As informed the press service of X, ...": a translated inverted speaker after the verb;
            # otherwise the main clause's subject did not say it ("As reported earlier, the minister ...")
            return next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == "," and (
                v.lemma_.lower() == "add" or any(c.dep_ == "mark" and c.lower_ in {"whether", "if"}
                                                 for c in v.head.children)):
            # ", adding that ..." (the speaker goes on) or a participle hung on an embedded question
            # ("declined to say whether X would sign it, telling ...", where X asserted nothing) goes
            # with the clause of saying; in "said the man had fled, saying ..." the man may have said it
            h = v.head
            while h.dep_ in {"ccomp", "xcomp"} and h.head.i != h.i:
                h = h.head
            if h is not v.head:
                v = h
                continue
        v = v.head
    return None


def _as_relative(verb):
    """'As the economist John Kay once observed, Y': the parser reads 'As the economist' as a
    preposition and its noun, and 'John Kay once observed' as a relative clause on the noun. The noun
    (whose phrase takes the name after it: 'economist John Kay') is the speaker and Y what was said.
    None unless the verb is such a clause, with the name right after the noun, in an 'as' phrase that
    opens the sentence or follows a comma, and with no object or clause of its own."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.dep_ != "pobj" or noun.head.lower_ != "as" or noun.head.dep_ != "prep":
        return None
    as_ = noun.head
    if not (as_.is_sent_start or as_.i > 0 and as_.doc[as_.i - 1].text == ","):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.left_edge.i != noun.i + 1 or not _is_name_token(subj) or any(
            c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return None
    return noun


def _speaker_after_participle(participle):
    """The speaker the parser hung inside an opening participle phrase it took for the subject:
    in 'Writing on Telegram, the head of X said ...' 'head' is an appositive of 'Telegram'. The
    noun set off by the phrase's last comma; None when there is none (a gerund subject is no speaker)."""
    doc = participle.doc
    for t in reversed(list(participle.subtree)):
        if t.dep_ == "appos" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," \
                and t.pos_ in {"NOUN", "PROPN", "PRON"}:
            return t
    return None


def _speaker_in_opening_phrase(verb):
    """The speaker the parser hung inside the phrase that opens the sentence, as an appositive of its last
    noun: in 'In a statement to The Guardian, a spokesperson for X said ...' 'spokesperson' is an appositive
    of 'Guardian' and 'said' has no subject. The noun after the phrase's last comma, when its phrase runs up
    to the verb; None when the verb has a subject or the phrase does not open the sentence."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return None
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "prep" or c.i > verb.i or c.left_edge.i != verb.sent.start:
            continue
        for t in reversed(list(c.subtree)):
            if t.dep_ == "appos" and t.right_edge.i + 1 == verb.i and doc[t.left_edge.i - 1].text == "," \
                    and t.pos_ in {"NOUN", "PROPN", "PRON"}:
                return t
            if t.pos_ in {"NOUN", "PROPN"} and t.right_edge.i + 1 == verb.i and _ran_over_comma(t):
                return t  # 'In a conversation with Izvestia, State Duma deputy X said': one noun phrase to the parser
    return None


def _ran_over_comma(noun) -> bool:
    """Whether the parser ran a phrase's last noun and the speaker after its comma into one noun phrase
    ('with Izvestia, State Duma deputy Andrei Kartapolov': 'Izvestia' a modifier of 'Kartapolov'): a
    modifier before the head ends with the comma (``_np_span`` leaves it out)."""
    return any(_comma_ended_modifier(c) for c in noun.children if c.i < noun.i)


def _comma_ended_modifier(c) -> bool:
    return c.dep_ in {"nmod", "compound"} and c.doc[c.right_edge.i].text == "," and c.right_edge.i < c.head.i


# Prepositions of where someone is: 'a fighter at the checkpoint', 'a woman outside the court'.
_WHERE_PREPS = frozenset("at in outside inside near from on by behind".split())


def _indefinite_speakers_place(subj) -> int | None:
    """'“...,” scoffed a fighter at the checkpoint outside X': after an inverted speaker named only by an
    indefinite common noun, the parser hangs the place phrase that tells who it is on the verb; it belongs
    to the speaker (a named speaker's 'said X in Jakarta on Wednesday' is where X spoke, and stays out).
    The character end of the phrase, when it follows the noun at once and ends the sentence or a clause
    (a comma), is no date, and holds no clause; None otherwise."""
    verb = subj.head
    if subj.dep_ not in {"dobj", "attr"} or subj.i < verb.i or subj.pos_ != "NOUN" or not any(
            c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one"} for c in subj.children):
        return None
    doc = subj.doc
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == subj.right_edge.i + 1), None)
    if prep is None or prep.lower_ not in _WHERE_PREPS or any(t.ent_type_ in {"DATE", "TIME"} or t.pos_ == "VERB"
                                                               for t in prep.subtree):
        return None
    end = prep.right_edge
    if end.i + 1 < len(doc) and doc[end.i + 1].text not in {".", ",", "!", "?", ";"}:
        return None
    return end.idx + len(end.text)


def _first_to_say(verb):
    """'Sputnik was the only outlet to report that X', 'She was the first minister to admit that X': an
    infinitive of saying on the noun that 'be' gives its subject is that subject's saying. The subject of
    'be'; None when the verb is no such infinitive."""
    if not any(c.tag_ == "TO" and c.i < verb.i for c in verb.children):
        return None
    if verb.dep_ in {"relcl", "acl"} and verb.head.dep_ == "attr":
        be = verb.head.head
    elif verb.dep_ == "xcomp" and any(c.dep_ == "attr" and c.i < verb.i for c in verb.head.children):
        be = verb.head  # the parser hangs the infinitive on 'was' itself
    else:
        return None
    subj = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i), None) \
        if be.lemma_.lower() == "be" else None
    # 'It was a mistake to say that ...' names no one who said it
    return None if subj is None or subj.lower_ in {"it", "this", "that", "there"} else subj


def _topic_before_colon(verb):
    """A headline's topic label that the parser made a second subject: in "Ukraine war: 'We are running
    out of shells', says commander", 'war' (before the colon) and 'commander' both depend on 'says'.
    The one with a colon between it and the verb is the topic; None unless the verb has another subject."""
    subs = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subs) < 2:
        return None
    doc = verb.doc
    return next((c for c in subs if c.i < verb.i and any(t.text == ":" for t in doc[c.i + 1 : verb.i])), None)


def _quoted_subject(verb):
    """A quotation's first noun that the parser hung on the verb after it, as a second subject or a
    bare noun: in '“Thoughts with everyone affected,” the MP tweeted', 'Thoughts' and 'MP' both depend
    on 'tweeted'. The one followed by the closing mark is the quotation's; None unless the verb has a
    subject after that mark, or its inverted speaker right after it as the object ('“Ceasefire? What
    ceasefire?” scoffed a fighter')."""
    doc = verb.doc
    subs = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    for first in (c for c in verb.children if c.dep_ in {"nsubj", "npadvmod", "dep"} and c.i < verb.i):
        after = next((x for x in subs if x.i > first.i), None)
        if after is not None:
            bound = after.left_edge.i
        elif any(c.dep_ in {"dobj", "attr", "dative"} and c.left_edge.i == verb.i + 1 and c.pos_ != "PRON"
                 for c in verb.children) and _opens_sentence(doc.text[: doc[verb.i - 1].idx + 1]):
            bound = verb.i  # not '... writing that “multiple sources” told her ...': a quotation inside a sentence
        else:
            return None
        end = max(t.i for t in first.subtree)
        marks = {"”", '"', "’", "''"}
        # the closing mark ends the noun's subtree when the parser hung it there ('What sanctions?”')
        closing = doc[end] if doc[end].text in marks and end < bound else next(
            (t for t in doc[end + 1 : bound] if t.text in marks), None)
        if closing is not None and all(t.is_punct for t in doc[end + 1 : closing.i + 1]):
            return first
        return None
    return None


def _opening_participle_subject(verb):
    """The noun of an opening participle phrase the parser took for a second subject: in 'Citing Sputnik,
    the blog wrote ...' 'Citing' is read as part of a name and 'Sputnik' as a subject beside 'blog'. The
    cited outlet is not the speaker, and the phrase is no fronted clause. None unless the verb has another
    subject after the phrase's comma and the phrase opens the sentence with a capitalised '-ing' word."""
    subs = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subs) < 2:
        return None
    first = subs[0]
    lead = first.left_edge
    if lead.i != verb.sent.start or not lead.text[:1].isupper() or not lead.lower_.endswith("ing") or len(lead) < 5:
        return None
    nxt = max(t.i for t in first.subtree if not t.is_punct) + 1
    return first if nxt < subs[1].left_edge.i and verb.doc[nxt].text == "," else None


def _fronted_subject(verb):
    """The reported clause's own subject, fronted before a parenthetical speaker, when the parser hung
    it on the verb of saying as a second subject: in 'Ukraine, the president said on Wednesday, will
    need ...', 'Ukraine' (followed by a comma) and 'president' both depend on 'said', and 'will need
    ...' is its complement. None unless the verb has two subjects before it and a complement after it."""
    subs = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subs) < 2 or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) \
            or _opening_participle_subject(verb) is not None:
        return None
    first = subs[0]
    nxt = max(t.i for t in first.subtree if not t.is_punct) + 1  # the comma may hang on the subject
    return first if nxt < subs[1].left_edge.i and verb.doc[nxt].text == "," else None


def _fronted_verb_speaker(verb):
    """The speaker after a verb that opens its sentence, the feature writer's 'Said one resident: "..."'
    or 'Added the mayor, "..."', which the parser reads as verb and object. A finite verb only (an
    imperative 'Tell me ...' has no speaker), and the speaker's phrase ends at a colon or comma."""
    doc = verb.doc
    opens = verb.is_sent_start or (verb.i > 0 and doc[verb.i - 1].text in {".", "!", "?"})
    if not opens or verb.tag_ not in {"VBD", "VBZ"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative", "attr"} and c.i > verb.i), None)
    if obj is None:
        return None
    _, end = _np_span(obj)
    after = doc.text[end:].lstrip(" \t")
    return obj if after[:1] in {":", ","} else None


def _after_quote(verb) -> bool:
    """True when the verb directly follows a closing quote mark (optionally and a comma): the
    inverted order '"...," said X' / '"...?" asked X'."""
    doc, i = verb.doc, verb.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].text in {'"', "”", "’", "'", "''"}


def _after_reported_clause(verb) -> bool:
    """The inverted order of translated wire copy, 'The enemy has lost 1,200 soldiers, informs the General
    Staff.': a present or past verb of saying with no subject, right after the comma that ends the clause
    it reports (parsed as its complement, or the verb as that clause's conjunct or adverbial), with an object that
    runs to the sentence's end or to a phrase of place or time and could speak (a name or a body, not 'cut jobs,
    reports a loss'). The object is the speaker (the parser reads 'inform' as transitive); a verb with a subject
    is left alone."""
    doc, i = verb.doc, verb.i - 1
    if verb.tag_ not in {"VBZ", "VBD"} or i < 1 or doc[i].text != "," \
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return False
    clause_before = any(c.dep_ == "ccomp" and c.right_edge.i in {i - 1, i} for c in verb.children) or (
        verb.dep_ in {"conj", "advcl"} and verb.head.i < verb.i and verb.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ == "mark" for c in verb.children)
        and not any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children))
    if not clause_before:
        return False
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or not (
            _may_speak(obj) or any(t.pos_ == "PROPN" for t in obj.subtree)):
        return False
    # after it only the sentence's end, or a phrase of place or time hung on the verb ('underscored X at the
    # close of the meeting', 'informs X on Tuesday')
    adjunct = {t.i for c in verb.children if c.i > obj.i and c.dep_ in {"prep", "npadvmod"} for t in c.subtree}
    rest = doc[obj.right_edge.i + 1 : verb.sent.end]
    return all(t.is_punct or t.is_space or t.i in adjunct for t in rest)


def _passive_agent(verb):
    """The 'by' agent of a passive verb of saying: in 'It was reported by the agency that ...' the
    agency said it, whatever the grammatical subject. None for an active verb or one without agent."""
    as_clause = verb.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" and (
        c.is_sent_start or c.i > 0 and c.doc[c.i - 1].text == ",") for c in verb.children)
    if not as_clause and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None  # "As reported by the press service, ..." is passive without its auxiliary
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _is_expletive(tok) -> bool:
    v = tok.head
    return any(c.dep_ in {"acomp", "attr"} for c in v.children) and v.lemma_ == "be"


def _comma_before(tok) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _clause_after_aside(verb) -> list:
    """The 'that' clause of 'reported, citing an internal memo, that X' when the parser hung it on the
    participle of the aside set off by commas after the verb; [] when there is none. A participle that
    is itself a verb of saying (', adding that ...') keeps its clause."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.tag_ != "VBG" or c.i < verb.i or not _comma_before(c) or _is_speech(c):
            continue
        for x in c.children:
            first = x.left_edge
            if x.dep_ == "ccomp" and x.i > c.i and first.lower_ == "that" and first.dep_ == "mark" \
                    and _comma_before(first):
                return [x]
    return []


def _that_clause(c) -> bool:
    """A clause opened by the complementiser 'that' (not 'so that', 'now that', 'such that')."""
    doc = c.doc
    for m in c.children:
        if m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i:
            before = doc[m.i - 1].lower_ if m.i > 0 else ""
            return before not in {"so", "now", "such", "given", "except", "in"}
    return False


# Lower-case trailing sources of headlines and briefs ('... — police', '- state media', '– defence
# ministry'): up to two modifiers, or up to three capitalised name words ('— Pentagon officials'),
# before a noun that names a body or group that reports (the emergency services and watchdogs that brief
# on accidents and rulings included: '... capsizes off Donegal – coastguard').
_DASH_LOWER_HEADS = ("police|officials|official|ministry|military|army|media|sources|source|authorities|government|"
                     "witnesses|residents|rescuers|paramedics|officers|firefighters|prosecutors|monitors|agency|"
                     "spokesman|spokeswoman|spokesperson|report|reports|coastguard|coast guard|lifeboat crew|"
                     "fire service|ambulance service|regulator|watchdog|coroner|inspectors|investigators|doctors|"
                     "medics|experts|analysts|diplomats|union")
_FUNCTION_WORDS = r"(?:a|an|the|by|and|or|but|nor|so|to|of|for|with|from|as|at|in|on|not|even|than|said|says)\b"
_DASH_SOURCE = re.compile(
    r"(?P<dash>—|–|--|(?<=\s)-(?=\s))\s*"
    r"(?P<src>(?:[A-Z][\w&.'’-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w&.'’-]*|of|and|the|for|&|/)){0,5}"
    rf"|(?:[A-Z][\w&.'’-]*\s+){{1,3}}(?:{_DASH_LOWER_HEADS})"  # a name before the noun: '— Kremlin sources'
    rf"|(?:(?!{_FUNCTION_WORDS})[a-z][\w'’-]*\s+){{0,2}}(?:{_DASH_LOWER_HEADS}))\s*\.?\s*$"
)
