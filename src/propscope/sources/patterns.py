"""Attributions that no verb of saying carries, found by their pattern: 'according to X' and 'per X', a
trailing '— police', an embedded tweet's signature, 'And from X:', 'X: ...' headlines and transcript
turns, 'the statement read: ...' and 'repeated his claim that ...'; then duplicates are dropped and a
quote going on over paragraphs is joined to its attribution."""

from __future__ import annotations

import re

from .entities import _strip_det
from .layout import (
    _COLON_LABEL,
    _INTERVIEWEE_LABELS,
    _INTERVIEWER_LABELS,
    _LABEL_SMALL,
    _LINK,
    _PARAGRAPH,
    _PERIOD_LABEL,
    _RUBRICS,
    _label_role,
    _Turn,
)
from .lexicon import _SPEAKER_NOUNS, DOC_NOUNS, ENTITY_LABELS, PRONOUNS, SPEECH_LEMMAS, TITLES
from .model import _place_span, nlp
from .results import Attribution, Quote
from .spans import _DASH_SOURCE, _author_of_document, _is_speech, _source_span, _subject, _tok_range, _trim

# 'A Facebook post shared more than 20,000 times claims ...': a post or video, a participle of how far
# it spread, then a verb of saying. The small model takes the participle for the main verb.
_CIRCULATED = re.compile(
    r"\b(?P<noun>(?i:post|video|tweet|message|meme|image|photo|clip|article|graphic|screenshot|story)s?)[ \t]+"
    r"(?:shared|viewed|watched|liked|retweeted|reposted|circulated|circulating|forwarded|seen)\b[^.;:!?\n\"“]{0,80}?"
    r"[ \t]+(?P<cue>says|say|claims|claim|claimed|said|suggests|suggested|alleges|alleged|asserts|warns|warned)"
    r"[ \t]+(?:that[ \t]+)?(?=\S)")


# Between a modal or a negation and the verb, or a verb that says nothing: 'may claim', 'says nothing'.
_UNSAID_BEFORE = re.compile(r"\b(?:not|never|may|might|could|would|should|does|did|do)[ \t]+$", re.I)
_UNSAID_AFTER = re.compile(r"[ \t]+(?:nothing|little|otherwise|so)\b", re.I)


def _circulated_posts(doc) -> list[Attribution]:
    """The viral post as speaker ('A video shared thousands of times on TikTok claims X'): the source is
    the post with the phrase of how it spread, the content the rest of the sentence."""
    text = doc.text
    out = []
    for m in _CIRCULATED.finditer(text):
        noun = doc.char_span(m.start("noun"), m.end("noun"))
        cue = doc.char_span(m.start("cue"), m.end("cue"))
        if noun is None or cue is None or _UNSAID_BEFORE.search(text[: m.start("cue")]) \
                or _UNSAID_AFTER.match(text, m.end("cue")):
            continue
        if noun[0].dep_ == "pobj":  # 'In a video viewed N times, a doctor claimed ...': the doctor speaks
            continue
        ss, se = _strip_det(text, noun[0].left_edge.idx, m.start("cue"))
        se = len(text[:se].rstrip(" \t,"))
        s, e = _trim(text, m.end(), max(cue[0].sent.end_char, m.end()))
        if e > s and text[ss:se].strip():
            out.append(Attribution(text[ss:se], ss, se, m.group("cue"), m.start("cue"), m.end("cue"), s, e))
    return out


# "according to" followed by a norm or measure, not by somebody who said something
_NOT_SOURCES = frozenset("""
plan plans schedule script rule rules law laws tradition custom protocol procedure need needs size age type ability
abilities preference preferences instruction instructions design order taste standard standards season
""".split())


def _per_source(per):
    """The source of 'per X' used as 'according to X': the phrase opens the sentence and a comma
    follows it, or a comma precedes it and it closes the clause; X is a name or a determined or
    plural noun ('per the military', 'per local officials'), never a unit ('per person', 'per cent')."""
    doc = per.doc
    pobj = next((c for c in per.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() in _NOT_SOURCES:
        return None
    end = max(t.i for t in pobj.subtree) + 1
    after = doc[end].text if end < len(doc) else ""
    opens = per.i == per.sent.start and after == ","
    closes = per.i > 0 and doc[per.i - 1].text == "," and (after in {",", ".", "!", "?", ""} or end >= per.sent.end)
    named = pobj.pos_ == "PROPN" or pobj.ent_type_ in ENTITY_LABELS or pobj.tag_ == "NNS" or any(
        c.dep_ in {"det", "poss"} for c in pobj.children)
    return pobj if (opens or closes) and named else None


def _in_the_words_of(tok):
    """The token 'words' of 'in the words of X' (which cites X as 'according to X' does) at ``tok``
    == 'in'; None when the phrase is not there or names nobody ('in other words', 'in his words')."""
    doc = tok.doc
    if tok.lower_ != "in" or tok.i + 4 > len(doc) or [t.lower_ for t in doc[tok.i + 1 : tok.i + 4]] != \
            ["the", "words", "of"]:
        return None
    words = doc[tok.i + 2]
    return words if _author_of_document(words) is not None else None


def _according_to(doc) -> list[Attribution]:
    """'According to X, Y.' / 'Y, according to X.' / 'Y, according to X, Z.', and the same with
    'per' when set off by commas ('Per the military, Y.' / 'Y, per Bloomberg.'; not '$80 per barrel')
    and with 'in the words of X'."""
    text = doc.text
    out = []
    for tok in doc:
        words = None
        if tok.lower_ == "per":
            to = tok
            pobj = _per_source(tok)
            if pobj is None:
                continue
        elif (words := _in_the_words_of(tok)) is not None:
            to, pobj = doc[words.i + 1], words  # cue 'in the words of'; the source is the words' author
        elif tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        else:
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((t for t in doc[to.i + 1 : to.sent.end] if t.pos_ in {"PROPN", "NOUN"}), None)
            if pobj is None:
                continue
            while pobj.i + 1 < to.sent.end and doc[pobj.i + 1].dep_ == "compound":
                pobj = doc[pobj.i + 1]
        if pobj.lemma_.lower() in _NOT_SOURCES:  # "according to plan", "according to the rules"
            continue
        ss, se = _source_span(pobj)
        phrase = list(tok.subtree) if to in list(tok.subtree) else [tok, to, *pobj.subtree]
        ps, pe = _tok_range(phrase)
        head = tok.head
        if head.i == tok.i or head.pos_ not in {"VERB", "AUX"}:
            clause = list(tok.sent)
        else:
            clause = list(head.subtree)
        cs_, ce_ = _tok_range([t for t in clause if not t.is_space])
        if ps <= cs_ + 1:  # phrase opens the clause
            cs_ = _swallowed_subject(head, phrase, pe) if head.i != tok.i else pe
        elif pe >= ce_ - 1 or not text[pe:ce_].strip(" .!?\n") or (
                words is None and _adjunct_after(head, pe) and not re.search(r"[\"“‘]", text[pe:ce_])):
            # the phrase closes it, also before an adjunct ('..., with dozens still missing'); not before
            # a quote ('we will find ourselves, in the words of X, in “a dictatorship ...”')
            ce_ = ps
        s, e = _trim(text, cs_, ce_)
        if e <= s:
            continue
        cue_e = to.idx + len(to.text)
        out.append(Attribution(text[ss:se], ss, se, text[tok.idx : cue_e], tok.idx, cue_e, s, e, kind="according_to"))
    return out


def _as_body_informs(doc) -> list[Attribution]:
    """Translated copy's 'As the press service of X informs, Y.': after the 'of' phrase the tagger reads the
    present 'informs' ('reports', 'notes') as a plural noun of it, so no verb of saying is parsed. A sentence
    opening with 'As' and a noun phrase holding 'of' (no verb), then such a word and the comma before Y: the
    phrase (without its article) said Y. 'As with all the bank's reports, ...' opens with no noun phrase."""
    text = doc.text
    out = []
    for tok in doc:
        stems = {tok.lower_[:-1]} | ({tok.lower_[:-2]} if tok.lower_.endswith("es") else set())  # not 'writers'
        if tok.tag_ not in {"NNS", "NNPS"} or not tok.lower_.endswith("s") or tok.i + 1 >= tok.sent.end \
                or doc[tok.i + 1].text != "," or not stems & SPEECH_LEMMAS:
            continue
        as_ = doc[tok.sent.start]
        phrase = list(doc[as_.i + 1 : tok.i])
        if as_.lower_ != "as" or len(phrase) < 3 or phrase[0].pos_ not in {"DET", "NOUN", "PROPN", "ADJ"} \
                or not any(t.lower_ == "of" for t in phrase) or any(t.pos_ in {"VERB", "AUX"} or t.is_punct
                                                                   for t in phrase):
            continue
        if phrase[0].lower_ in {"the", "a", "an"}:
            phrase = phrase[1:]
        rest = [t for t in doc[tok.i + 2 : tok.sent.end] if not t.is_space]
        if not rest:
            continue
        s, e = _trim(text, *_tok_range(rest))
        if e <= s:
            continue
        ss, se = _tok_range(phrase)
        out.append(Attribution(text[ss:se], ss, se, tok.text, tok.idx, tok.idx + len(tok.text), s, e))
    return out


def _swallowed_subject(head, phrase: list, end: int) -> int:
    """Where the clause after an opening 'according to' phrase starts: at the phrase's end, or at the comma
    inside it when the parser ran the phrase on into the clause's subject ('According to a paper published in
    PNAS, sea levels ... rose': 'sea levels' read as part of the phrase, and 'rose' left with no subject)."""
    if head.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"}
                                               for c in head.children):
        return end
    comma = next((t for t in phrase[2:] if t.text == "," and t.i < phrase[-1].i), None)
    return comma.idx + 1 if comma is not None else end


def _adjunct_after(head, end: int) -> bool:
    """Whether the clause of ``head`` is complete before ``end`` and only adjuncts of its verb follow
    ('The toll has risen to 112, according to the ministry, with dozens still missing'): then an
    'according to' phrase before them closes what the source said. A subject, object or complement
    after it ('Y, according to X, will rise') means the phrase sits inside the clause."""
    if head.pos_ not in {"VERB", "AUX"} or head.idx >= end:
        return False
    after = [c for c in head.children if c.idx >= end and not c.is_punct]
    return bool(after) and all(c.dep_ in {"prep", "advmod", "npadvmod"} for c in after)


def _dash_sources(doc) -> list[Attribution]:
    """A trailing '— RT' (or '– TASS', ' - AFP') after a paragraph names its source."""
    text = doc.text
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line, base = m.group(), m.start()
        d = _DASH_SOURCE.search(line)
        if not d:
            continue
        s, e = _trim(text, base, base + d.start())
        if len(text[s:e].split()) < 3:
            continue
        ss, se = base + d.start("src"), base + d.end("src")
        while se > ss and text[se - 1] in ". /&":
            se -= 1
        ss, se = _strip_det(text, ss, se)
        ds, de = base + d.start("dash"), base + d.end("dash")
        out.append(Attribution(text[ss:se], ss, se, text[ds:de], ds, de, s, e, kind="dash"))
    return out + _tweet_signatures(text) + _quote_bylines(doc)


# A quotation set off with its speaker after a dash, as pull quotes and epigraphs give it, the speaker's
# role, place or date after a comma: '“We will rebuild this town.” — Mayor Tomasz Nowak, speaking at the
# memorial'. (With nothing after the name, '“...” — Name' is a trailing dash source above.)
_QUOTE_BYLINE = re.compile(
    r"^[ \t]*[\"“](?P<q>[^\"“”\n]{3,})[\"”][ \t]*(?P<dash>—|–|--)[ \t]*"
    r"(?P<src>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|the|de|da|van|von|al|bin)){0,5}?)[ \t]*,[^\n]*$", re.M)


def _quote_bylines(doc) -> list[Attribution]:
    """'“...” — Name, role': a line that is a quotation and its speaker after a dash; the speaker must read
    as one (a name the model tags, or a title before it), not a phrase that opens the writer's sentence."""
    text = doc.text
    out = []
    for m in _QUOTE_BYLINE.finditer(text):
        ss, se = m.start("src"), m.end("src")
        span = doc.char_span(ss, se, alignment_mode="expand")
        if span is None or not (any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in span)
                                or span[0].lower_.rstrip(".") in TITLES):
            continue
        s, e = _trim(text, m.start("q"), m.end("q"))
        if e > s:
            out.append(Attribution(text[ss:se], ss, se, m.group("dash"), m.start("dash"), m.end("dash"), s, e,
                                   kind="dash"))
    return out


# The signature line under an embedded tweet: '— Dmytro Kuleba (@DmytroKuleba) February 24, 2022'.
_TWEET_SIGNATURE = re.compile(
    r"^[ \t]*(?P<dash>—|–|--|-)[ \t]*(?P<src>[^(@\n]{1,60}?)[ \t]*\(@\w{1,30}\)[ \t]*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?[ \t]*$", re.M)
_TRAILING_LINK = re.compile(r"(?:\s+(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")


def _tweet_signatures(text: str) -> list[Attribution]:
    """An embedded tweet as news pages render it: the tweet's text, then a line '— Name (@handle)
    date'. The content is the paragraph right above the signature, without trailing links."""
    out = []
    for m in _TWEET_SIGNATURE.finditer(text):
        above = text.rfind("\n", 0, m.start())
        if above < 0:
            continue
        para = list(re.finditer(r"[^\n]*\S[^\n]*", text[:above]))
        if not para:
            continue
        s, e = para[-1].start(), para[-1].end()
        link = _TRAILING_LINK.search(text, s, e)
        if link:
            e = link.start()
        s, e = _trim(text, s, e)
        ss, se = m.start("src"), m.end("src")
        if e <= s or not text[ss:se].strip():
            continue
        out.append(Attribution(text[ss:se], ss, se, m.group("dash"), m.start("dash"), m.end("dash"), s, e,
                               kind="dash"))
    return out


_FROM_SOURCE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=[.!?]))\s*(?:[Aa]nd\s+)?(?P<cue>[Ff]rom)\s+"
                          r"(?P<src>[^:\n]{1,80}?)\s*:", re.M)


def _from_sources(doc, quotes: list[Quote]) -> list[Attribution]:
    """'And from the State Department: "..."': a source introduced by 'from' and a colon at the start
    of a sentence or line; the content is the rest of the line, or the next paragraph."""
    text = doc.text
    out = []
    for m in _FROM_SOURCE.finditer(text):
        ss, se = _strip_det(text, m.start("src"), m.end("src"))
        src = text[ss:se]
        if not re.search(r"\b[A-Z]", src) or len(src.split()) > 8:
            continue
        span = doc.char_span(ss, se, alignment_mode="expand")
        if span is not None and any(t.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"} for t in span):
            continue
        s = m.end()
        line_end = text.find("\n", s)
        line_end = len(text) if line_end < 0 else line_end
        if not text[s:line_end].strip():
            nxt = re.compile(r"[^\n]*\S[^\n]*").search(text, line_end)
            if nxt is None:
                continue
            s, line_end = nxt.start(), nxt.end()
        q = next((q for q in quotes if q.start >= s and not text[s : q.start].strip(" \"“‘\t")), None)
        e = q.end if q is not None else line_end
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        out.append(Attribution(src, ss, se, m.group("cue"), m.start("cue"), m.end("cue"), s, e, kind="from"))
    return out


_COLON_LINE = re.compile(r"^[ \t]*(?P<src>[^:\n]{1,60}?)[ \t]*(?P<cue>:)[ \t]*(?P<rest>\S[^\n]*)$", re.M)


# Countries news names by their initials; the small model labels some (US, UK) as places, not others
# ('DRC: Fresh Ebola outbreak ...', 'UAE: Record rainfall ...'), which then read as an organisation speaking.
PLACE_ACRONYMS = frozenset("US USA UK UAE DRC DPRK PRC ROC ROK KSA PNG CAR NZ BiH".split())


def _role_word(tok) -> bool:
    """A title ('Mr.', 'minister') or a noun for who speaks ('prosecutors', 'NARRATOR'): a word that
    names a speaker by role, with no name needed."""
    return tok.lower_.rstrip(".") in TITLES or tok.lower_ in _SPEAKER_NOUNS


def _acronym(tok) -> bool:
    """An organisation's acronym ('IMF', 'UNICEF'): capitals only, no digits ('COP29' names an event),
    not a place ('UK: ...', 'DRC: ...' are topic labels and datelines)."""
    return tok.is_alpha and tok.is_upper and 2 <= len(tok.text) <= 7 and tok.ent_type_ not in {"GPE", "LOC", "NORP"} \
        and tok.text not in PLACE_ACRONYMS


def _speaker_phrase(span) -> bool:
    """A phrase before a headline colon that names a speaker: a person or organisation (a name, an
    acronym, a title or a noun like 'prosecutors' as its last word), not a topic ('Ukraine war',
    'Gaza'). Its first word may be any capitalised word, as the line's first word is capitalised anyway."""
    head = span[-1]
    if head.text in PLACE_ACRONYMS:  # whatever the model's label ('KSA' as an organisation)
        return False
    role = _role_word(head)
    if not (role or _acronym(head) or any(t.ent_type_ in {"PERSON", "ORG"} for t in span)):
        return False
    if any(t.tag_ == "POS" for t in span):  # "Fed's Powell", "Labour's leader"; not "Putin's war"
        if not (role or head.ent_type_ in {"PERSON", "ORG"} and head.pos_ == "PROPN"):
            return False
        span = [t for t in span if t.tag_ != "POS"]
    if any(t.tag_.startswith("VB") or t.tag_ == "MD" or t.pos_ in {"ADP", "DET"} for t in span):
        return False  # 'Sun Is Going DARK: ...', 'On Hezbollah: ...' (headline NER calls any capitalised run a name)
    # capitals before a role noun ('UNIDENTIFIED MALE', 'SENIOR OFFICIAL'); not a capitalised topic
    # with a name in it ('GILLUM ELECTION STRATEGY')
    return all(t.ent_type_ in {"PERSON", "ORG"} or t.lower_.rstrip(".") in TITLES
               or (t.is_title and t.pos_ == "PROPN") or (role and t.is_upper)
               or _acronym(t) or t.lower_ in _SPEAKER_NOUNS or (role and t.i == span[0].i and t.is_title)
               for t in span)


# What 'X on ...' says of X's state, not a topic X speaks on: 'Ukraine on alert', 'Talks on hold'.
_ON_STATES = frozenset("""
alert edge fire hold trial strike track tour course notice duty guard standby board display sale air top target
ice leave call show record film tape camera stage mission patrol probation bail parole
""".split())


# Nouns that take 'on' for what they are about: 'Crackdown on protests: “...”' is a topic, not a speaker.
_ON_NOUNS = frozenset("""
ban crackdown clampdown attack assault war raid strike tax vote talks deal update focus spotlight debate report
sanctions limits curbs pressure views thoughts letters reflections notes inquiry probe hearing
""".split())


def _name_on_topic(name, rest) -> bool:
    """'Lagarde on inflation: “...”', 'Musk on layoffs: “...”': one to three capitalised words tagged as a
    name or labelled a person or organisation (the small model gives a surname in a headline no label, or
    a place's) before 'on' and one lower-case noun, the topic the quote after the colon speaks on; not a
    noun that takes 'on' ('Crackdown on protests'), nor a well-known place ('Tehran on sanctions', see
    :mod:`propscope.places`). 'Ukraine on alert: “...”' says where the speaker is, and
    'Road to Damascus: “...”' (with 'to') is a title: neither is read as a speaker."""
    if len(rest) != 2 or rest[0].lower_ != "on" or not 1 <= len(name) <= 3:
        return False
    topic = rest[1]
    if not (topic.is_alpha and topic.is_lower and topic.pos_ == "NOUN") or topic.lower_ in _ON_STATES:
        return False
    if any(t.lower_ in _ON_NOUNS for t in name) or _place_span(name.doc, name.start, name.end):
        return False  # 'Gaza on aid: “...”' is where, not who (the model may call the place a person)
    return all(_role_word(t) or t.is_title and t.is_alpha and (t.tag_ == "NNP" or t.ent_type_ in {"PERSON", "ORG"})
               for t in name)


def _claim_after_colon(rest) -> bool:
    """Whether the words after a headline colon state something: a finite verb, or the verbless
    headline forms ('growth to slow', 'children malnourished', 'cases highest in 25 years', 'no plans
    for ...'). A topic label ('what we know', 'a timeline', 'the numbers behind the crisis') does not."""
    first = rest[0]
    if first.tag_ in {"WDT", "WP", "WRB", "WP$"}:
        return False
    if any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in rest):
        return True
    if first.lower_ in {"a", "an", "the"}:
        return False
    return any(t.tag_ in {"VBN", "VBG", "JJS", "RBS"} or (t.tag_ == "VB" and t.i > 0 and t.doc[t.i - 1].tag_ == "TO")
               or (t.lower_ == "no" and t.dep_ == "det") for t in rest)


def _news_lead(rest) -> bool:
    """Whether a full sentence after capitals and a colon reads as a story's first sentence (so the
    capitals are its dateline, 'KARACHI: Heavy rain lashed the city on Monday, ...') rather than what
    an organisation says in a headline ('OECD: Inflation will fall faster than expected.'): a lead
    tells what happened, in the past tense ('lashed', 'has approved'), or runs long; a headline's
    claim is short and in the present or future. The small model calls 'MUMBAI' an organisation and
    'WHO' a pronoun, so the capitals themselves cannot tell."""
    root = rest[0].sent.root
    if len(rest) > 15 or root.tag_ == "VBD":
        return True
    return root.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in root.children)


def _colon_sources(doc, quotes: list[Quote]) -> list[Attribution]:
    """A line that opens with a named speaker and a colon: the headline and social-media form
    'Kremlin: Western weapons "prolong the conflict"', 'Mayor Karen Bass: ‘We will rebuild.’',
    'IMF: Global growth to slow'. The speaker must name a person or organisation (a place alone is a
    topic label: 'Ukraine: a timeline'), and what follows must be a quote or state something."""
    text = doc.text
    out = []
    for m in _COLON_LINE.finditer(text):
        ss, se = _strip_det(text, m.start("src"), m.end("src"))
        span = doc.char_span(ss, se)
        if span is None or not len(span) or len(span) > 6 or any(t.lower_ in _RUBRICS for t in span):
            continue
        s, e = m.start("rest"), m.end("rest")
        q = next((q for q in quotes if q.start - 1 == s), None)
        if not _speaker_phrase(span):
            # "Zelensky to Biden: '...'", "Obama on Trump: '...'": the speaker, then to whom or about what
            # (a quote must follow: 'Biden on Ukraine: what we know' is a topic label)
            cut = next((t.i for t in span if t.i > span.start and t.lower_ in {"to", "on"}), None)
            if q is None or cut is None or not (_speaker_phrase(doc[span.start : cut])
                                                or _name_on_topic(doc[span.start : cut], doc[cut : span.end])):
                continue
            ss, se = _strip_det(text, span.start_char, doc[cut - 1].idx + len(doc[cut - 1].text))
        if q is not None:
            s, e = q.start, q.end
        else:
            rest = doc.char_span(s, e, alignment_mode="expand")
            if rest is None or not _claim_after_colon(rest):
                continue
            # capitals are no evidence of a name: the small model calls 'MUMBAI' an organisation
            named = not all(t.is_upper for t in span) and any(t.ent_type_ in {"PERSON", "ORG"} for t in span)
            if text[s:e].rstrip().endswith(".") and not (named or any(t.lower_ in TITLES or t.lower_ in _SPEAKER_NOUNS
                                                                      for t in span)) and _news_lead(rest):
                continue  # 'BEIJING: The US embassy issued ...': a dateline, not 'IMF: Growth will slow.'

        s, e = _trim(text, s, e)
        if e > s:
            out.append(Attribution(text[ss:se], ss, se, ":", m.start("cue"), m.end("cue"), s, e, kind="colon"))
    return out + _colon_after_speaker(doc, quotes)


def _transcript_attributions(doc, turns: list[_Turn]) -> list[Attribution]:
    """Each turn of a transcript (:func:`_transcript_turns`) is its speaker's statement: the label
    without a leading 'The' is the source, the ':' or '.' after it the cue, the rest of the line the
    content, with the unlabelled paragraphs that go on the turn (:func:`_turn_end`). A label of other
    words than names, capitals, titles and speaker nouns ('Unfortunately'), or one that names only a
    place ('LONDON: ...' over several paragraphs of a round-up), is no speaker, unless the place is the
    initials of a person the introduction names ('MO:' for Margaret Okafor, not Missouri)."""
    text = doc.text
    out = []
    # the words of every label: the writer's narration names the speakers ('Bacon did not respond.')
    names = frozenset(w.lower() for t in turns for w in _NAME_WORD.findall(text[t.label_start : t.label_end])
                      if len(w) > 1 and w.lower() not in _LABEL_SMALL | _INTERVIEWER_LABELS | _INTERVIEWEE_LABELS)
    # initials of the people named before the first turn: 'MO:' for Margaret Okafor is no place (Missouri)
    first = min((t.label_start for t in turns), default=0)
    initials = {_initials(e.text) for e in doc.ents if e.label_ == "PERSON" and e.end_char <= first}
    for t, nxt in zip(turns, [*turns[1:], None]):  # sorted by cue, one turn per cue
        span = doc.char_span(t.label_start, t.label_end, alignment_mode="expand")
        if span is None or all(x.ent_type_ in {"GPE", "LOC"} for x in span) and span.text not in initials or not all(
                x.is_punct or x.is_upper or x.pos_ == "PROPN" or x.lower_ in _LABEL_SMALL
                or _role_word(x) or x.lower_ in _INTERVIEWER_LABELS | _INTERVIEWEE_LABELS for x in span):
            continue  # a place ('LONDON: ...' paragraphs of a round-up), or words that name no speaker
        role, name = _label_role(text[t.label_start : t.label_end])
        ss, se = _strip_det(text, t.label_start, t.label_start + len(name) if role and name else t.label_end)
        s, e = _trim(text, t.rest, _turn_end(doc, t.rest, nxt, names))
        if e > s:
            out.append(Attribution(text[ss:se], ss, se, text[t.cue], t.cue, t.cue + 1, s, e, kind="colon"))
    return out


def _continues_turn(line: str) -> bool:
    """A paragraph without a label that may go on a speaker's turn: it ends like a sentence and is no
    heading (capitals, no closing punctuation), stage direction ('(CROSSTALK)', '[BEGIN VIDEO]'),
    embedded link or label-like line ('Note: ...')."""
    line = line.strip()
    return bool(line) and line[-1] in ".?!…\"”’')" and not line.startswith(("(", "[")) and not line.isupper() \
        and not _LINK.search(line) \
        and not _COLON_LABEL.match(line) and not _PERIOD_LABEL.match(line)


# Who takes part in a transcript, as the writer's narration between turns names them ('The witness paused.').
_PARTICIPANTS = frozenset("witness defendant accused guest caller host speaker interviewer interviewee".split())
_NAME_WORD = re.compile(r"[\w'’-]+")  # a word of a name or label: "O'Brien", "Jean-Luc"
_FIRST_SECOND = frozenset("i me my mine myself we us our ours ourselves you your yours yourself yourselves".split())


def _narration(doc, start: int, end: int, story: bool = False, names: frozenset[str] = frozenset()) -> bool:
    """The writer's voice between two turns ('The witness paused.', 'Bacon did not respond.', 'Smith
    explains that ...'): a past-tense clause or a verb of saying, with no 'I', 'we' or 'you' anywhere in
    the paragraph. When the turn itself tells a story in the past tense (``story``: 'I woke up at
    two ...'), a past-tense paragraph goes on with it ('The fire brigade arrived twenty minutes
    later.') unless it names one of the transcript's speakers (``names``, the words of the labels) or
    a party to it by role ('The witness paused.')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(t.lower_ in _FIRST_SECOND for t in span):
        return False
    if any(_is_speech(t) for t in span):
        return True
    if story and not any(t.lower_ in names or t.lower_ in _PARTICIPANTS for t in span):
        return False
    return any(t.dep_ == "ROOT" and t.tag_ == "VBD" or t.dep_ == "ROOT" and any(
        c.tag_ == "VBD" and c.dep_ == "aux" for c in t.children) for t in span)


def _quoted_turn_end(text: str, rest: int, end: int, nxt: _Turn | None) -> int:
    """'SMITH: “So, ... \n ... it cannot pass.”': the paragraph whose closing mark ends the quotation
    ends the turn, before the next turn and with only paragraphs that may continue a turn between; a
    quotation closed on its own line ('Ratzinger: “... fit me.”' before an unlabelled question) or
    never closed keeps the one line."""
    if text[:end].rstrip().endswith(("”", '"')):
        return end
    stop = len(text) if nxt is None else text.rfind("\n", 0, nxt.label_start) + 1
    for m in _PARAGRAPH.finditer(text, end, stop):
        if not _continues_turn(m.group()):
            return end
        if m.group().rstrip().endswith(("”", '"')):
            return m.end()
    return end


def _turn_end(doc, rest: int, nxt: _Turn | None, names: frozenset[str] = frozenset()) -> int:
    """Where a turn's words end: its line's end, or, when every paragraph between it and the next turn
    may continue it (:func:`_continues_turn`, and none is narration: :func:`_narration`), the end of
    the last of them: a long answer runs over paragraphs until the next label. After the last turn, or
    with a heading or anything else between, the turn keeps its one line, since the article may have
    gone back to its own voice."""
    text = doc.text
    end = text.find("\n", rest)
    if end < 0:
        return len(text)
    if text[rest] in "\"“":  # a turn given as a quotation ends where the quotation does
        return _quoted_turn_end(text, rest, end, nxt)
    if nxt is None:
        return end
    stop = text.rfind("\n", 0, nxt.label_start) + 1
    if stop <= end:
        return end
    lines = list(_PARAGRAPH.finditer(text, end, stop))
    own = doc.char_span(rest, end, alignment_mode="expand")
    # the speaker tells what happened (a statement in the past tense; a question asks it)
    story = own is not None and any(t.tag_ == "VBD" for t in own) and not own.text.rstrip().endswith("?")
    if not lines or not all(_continues_turn(m.group()) and not _narration(doc, m.start(), m.end(), story, names)
                            for m in lines):
        return end
    return end + len(text[end:stop].rstrip())


def _colon_after_speaker(doc, quotes: list[Quote]) -> list[Attribution]:
    """A quote after a colon that follows its speaker with no verb of saying: 'X was blunt: “...”',
    'Asked about it, X was less enthusiastic: “...”', 'Zelensky in his nightly address: “...”'. The
    words before the colon (after an opening phrase set off by a comma) are the speaker, then 'be' and
    a description, or the speaker and a phrase with no verb at all. The speaker must be a name, a
    pronoun or a person noun, so that 'The message was clear: “...”' names no speaker."""
    text = doc.text
    out = []
    for colon in doc:
        if colon.text != ":" or colon.i == 0:
            continue
        q = next((q for q in quotes if q.start - 1 > colon.idx and not text[colon.idx + 1 : q.start - 1].strip()
                  and text[q.start - 1] in "\"“‘"), None)
        if q is None:
            continue
        found = _speaker_before_colon([t for t in doc[colon.sent.start : colon.i] if not t.is_space])
        if found is None:
            continue
        speaker, end = found
        ss, se = _source_span(speaker)
        se = min(se, end)
        s, e = _trim(text, q.start, q.end)
        if e > s and se > ss:
            out.append(Attribution(text[ss:se], ss, se, ":", colon.idx, colon.idx + 1, s, e, kind="colon"))
    return out


def _speaker_before_colon(pre: list):
    """``(speaker token, end of its phrase)`` for the words before a colon (see
    :func:`_colon_after_speaker`); None when they hold a verb of saying, another verb or no speaker."""
    if not pre or len(pre) > 30 or any((_is_speech(t) or t.lemma_.lower() in SPEECH_LEMMAS) and not _handed_view(t)
                                       for t in pre[1:]):
        return None
    if pre[0].tag_ in {"VBN", "VBG", "IN", "WRB"}:  # 'Asked about the vote, X was ...', 'In a post, X ...'
        comma = next((k for k, t in enumerate(pre) if t.text == ","), None)
        if comma is None:
            return None
        pre = pre[comma + 1 :]
    if not pre or _is_speech(pre[0]) or pre[0].lemma_.lower() in SPEECH_LEMMAS:
        return None
    be = next((k for k, t in enumerate(pre) if t.lemma_ == "be" and t.tag_ in {"VBD", "VBZ", "VBP"}), None)
    if be is None:  # 'X had a different view: “...”', 'X offered a blunter assessment: “...”'
        be = _view_verb(pre)
    if be is not None:
        np, rest = pre[:be], pre[be + 1 :]
        if any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in rest):
            return None
    else:
        np = pre
        if any(t.tag_.startswith("VB") or t.pos_ in {"VERB", "AUX"} for t in np):
            return None
        # 'Zelensky in his nightly address': the phrase after a preposition other than 'of' is no part of the speaker
        cut = next((k for k, t in enumerate(np) if k and t.dep_ == "prep" and t.lower_ not in {"of", "for"}), None)
        np = np[:cut] if cut is not None else np
    ids = {t.i for t in np}
    cand = next((t for t in np if t.head.i not in ids or t.head.i == t.i), None) if np else None
    # a capitalised word alone is no evidence: headlines capitalise topics too ('Black Death: ‘It’s ...’')
    # 'His neighbour Tom Briggs': a common noun with a person's name in apposition names a speaker too
    if cand is None or not (cand.ent_type_ in {"PERSON", "ORG"} or cand.lower_ in PRONOUNS - {"it"}
                            or _role_word(cand) or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i in ids
                                                       for c in cand.children)):
        return None
    last = np[-1] if not np[-1].is_punct else np[-2] if len(np) > 1 else np[-1]
    return cand, last.idx + len(last.text)


# 'X had a different view: “...”', 'X gave a blunt verdict: “...”': a verb that hands over a view, and
# nouns for a view or an utterance, which the quote after the colon then gives.
_VIEW_VERBS = frozenset("have offer give take strike sound deliver issue".split())
_VIEW_NOUNS = frozenset("""
view take verdict assessment explanation answer message warning response reply opinion perspective theory
tone note prediction advice plea retort reaction riposte word words version
""".split())


def _handed_view(tok) -> bool:
    """'answer' in 'gave a different answer', 'reply' in 'had a short reply': a noun, not a verb of saying."""
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _VIEW_VERBS


def _view_verb(pre: list) -> int | None:
    """Index of the finite verb in 'X had a different view' (before a colon and a quote), a verb of
    handing over (:data:`_VIEW_VERBS`) whose object, the last word, is a view or utterance; None otherwise."""
    k = next((k for k, t in enumerate(pre) if t.tag_ in {"VBD", "VBZ", "VBP"}), None)
    if k is None or not k or pre[k].lemma_.lower() not in _VIEW_VERBS:
        return None
    rest = [t for t in pre[k + 1 :] if not t.is_punct]
    if not rest or rest[-1].lower_ not in _VIEW_NOUNS or rest[-1].dep_ != "dobj" or rest[-1].head.i != pre[k].i:
        return None
    return None if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in rest) else k


# Written things whose words 'read: ...' ('The minister's tweet read: ...', 'A banner read: ...').
_WRITTEN = DOC_NOUNS | frozenset("message caption note email notice sign banner placard headline text inscription".split())
_READS = re.compile(r"\b(?P<cue>read|reads)(?:[ \t]+(?:simply|only|in[ \t]+part|in[ \t]+full))?[ \t]*(?P<mark>:|(?=[\"“‘]))")


def _in_relative_clause(tok) -> bool:
    """Whether a token belongs to a relative clause ('The post, which has since been deleted, read:')."""
    return any(t.dep_ == "relcl" for t in (tok, *tok.ancestors))


def _document_reads(doc, quotes: list[Quote]) -> list[Attribution]:
    """'The minister's tweet read: “...”', 'A statement from the club read: ...': the words of a written
    thing, cited to its author ('the minister', 'the club') or to the thing itself when none is named.
    The small model parses 'read' after a noun as a noun, so the phrase before it is parsed on its own;
    it must be a noun phrase headed by a written thing (a post, statement, tweet, letter, sign)."""
    text = doc.text
    out = []
    for m in _READS.finditer(text):
        tok = doc.char_span(m.start("cue"), m.end("cue"))
        if tok is None:
            continue
        start = tok.sent.start_char
        if not text[start : m.start()].strip() or "\n" in text[start : m.start()]:
            continue
        sub = nlp()(text[start : m.start()].rstrip())
        roots = [t for t in sub if t.dep_ == "ROOT"]
        if len(roots) != 1 or roots[0].pos_ not in {"NOUN", "PROPN"} or roots[0].lower_ not in _WRITTEN \
                and roots[0].lemma_.lower() not in _WRITTEN or any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"}
                                                                   and not _in_relative_clause(t) for t in sub):
            continue
        ss, se = _source_span(roots[0])
        ss, se = ss + start, se + start
        s = m.end()
        q = next((q for q in quotes if q.start - 1 >= s and not text[s : q.start - 1].strip()), None)
        if q is not None:
            s, e = q.start, q.end
        else:
            e = text.find("\n", s)
            e = len(text) if e < 0 else e
        s, e = _trim(text, s, e)
        if e > s:
            out.append(Attribution(text[ss:se], ss, se, m.group("cue"), m.start("cue"), m.end("cue"), s, e))
    return out


# Nouns a sentence after a quotation uses to hand it to its speaker: 'That was the blunt verdict of X'.
_VERDICT_NOUNS = frozenset("verdict message warning assessment view words plea reply response answer judgment".split())
_THAT_WAS = re.compile(r"(?:That|This|Such|Those|These)[ \t]+(?:was|were|is|are)[ \t]+(?:the|a)\b")


def _verdict_after_quote(doc, quotes: list[Quote]) -> list[Attribution]:
    """'“We were not good enough.” / That was the blunt verdict of X after ...': a sentence opening with
    'That was the ... verdict (message, warning, view, words) of X' right after a quotation closes names
    who said it; X is the source of the quotation, the noun the cue."""
    text = doc.text
    out = []
    for sent in doc.sents:
        if not _THAT_WAS.match(sent.text):
            continue
        before = text[: sent.start_char].rstrip()
        q = next((q for q in quotes if q.end < sent.start_char and not text[q.end : len(before)].strip("\"”’' \t.")
                  and len(before) > q.end), None)
        if q is None:
            continue
        noun = next((t for t in sent[3:8] if t.pos_ == "NOUN"), None)
        if noun is None or noun.lower_ not in _VERDICT_NOUNS or noun.i + 1 >= sent.end \
                or doc[noun.i + 1].lower_ != "of":
            continue
        pobj = next((c for c in doc[noun.i + 1].children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ not in {"NOUN", "PROPN"} or pobj.lower_ in DOC_NOUNS:
            continue
        ss, se = _source_span(pobj)
        s, e = _trim(text, q.start, q.end)
        if e > s and se > ss:
            out.append(Attribution(text[ss:se], ss, se, noun.text, noun.idx, noun.idx + len(noun), s, e))
    return out


# 'X repeated his claim that ...', 'Y renewed her accusation that ...': the speaker holds to a claim whose
# words the that-clause gives. Only verbs of holding or voicing count: 'rejected the claim that' reports
# someone else's claim, which the rejecter does not make.
_CLAIM_NOUNS = frozenset("""
claim claims accusation accusations allegation allegations assertion argument warning warnings view belief
contention charge insistence prediction suggestion theory
""".split())
_CLAIM_VERBS = {"repeat": None, "renew": None, "reiterate": None, "restate": None, "make": None, "voice": None,
                "echo": None, "air": None, "press": None, "advance": None, "sound": None, "issue": None,
                "stand": "by", "stick": "to", "double": "on"}  # verb -> the preposition its claim needs


def _held_claims(doc) -> list[Attribution]:
    """'The senator renewed her accusation that the agency had hidden the data': cites the senator
    for the clause after "that", with the verb and the claim noun as the cue."""
    text = doc.text
    out = []
    for tok in doc:
        if tok.lower_ not in _CLAIM_NOUNS or tok.pos_ != "NOUN" or tok.i + 1 >= len(doc) \
                or doc[tok.i + 1].lower_ != "that":
            continue
        # the verb a few words before the noun ('repeated on Sunday his claim'); read from the words, as
        # the small model often hangs the noun elsewhere after a misread subject
        verbs = [x for x in doc[max(tok.sent.start, tok.i - 7) : tok.i] if x.pos_ in {"VERB", "AUX"} and x.tag_ != "MD"]
        if not verbs or verbs[-1].lemma_.lower() not in _CLAIM_VERBS:
            continue
        head = verbs[-1]
        prep = _CLAIM_VERBS[head.lemma_.lower()]
        between = doc[head.i + 1 : tok.i]
        if prep is not None and not any(x.lower_ == prep for x in between) \
                or any(x.lower_ == "that" for x in between) or any(c.dep_ == "neg" for c in head.children):
            continue
        subj = _subject(head)
        if subj is None and head.dep_ == "acl" and head.tag_ in {"VBD", "VBN"} \
                and head.head.pos_ in {"NOUN", "PROPN"} and head.head.dep_ == "ROOT":
            # 'A former adviser repeated his claim ...' parsed as a noun with a reduced relative clause,
            # which the claim after it shows to be the sentence's verb
            subj = head.head
        if subj is None or subj.pos_ not in {"NOUN", "PROPN", "PRON"}:
            continue
        that = doc[tok.i + 1]
        clause = that.head if that.head.i != tok.i else None
        end_tok = max(clause.subtree, key=lambda x: x.i) if clause is not None else tok.sent[-1]
        s, e = _trim(text, that.idx + len(that.text), end_tok.idx + len(end_tok.text))
        hi = text.find("\n", that.idx)
        e = min(e, len(text) if hi < 0 else hi)
        ss, se = _source_span(subj)
        se = len(text[: min(se, head.idx)].rstrip()) if ss < head.idx else se  # the verb is the cue, not the speaker
        if e <= s or ss < e and s < se:
            continue
        out.append(Attribution(text[ss:se], ss, se, text[head.idx : tok.idx + len(tok.text)], head.idx,
                               tok.idx + len(tok.text), s, e))
    return out


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    atts = sorted(atts, key=lambda a: (a.cue_start, a.source_start))
    out: list[Attribution] = []
    for a in atts:
        if any(b.cue_start < a.cue_end and a.cue_start < b.cue_end for b in out):
            continue
        out.append(a)
    return out


def _continued_quotes(text: str, atts: list[Attribution], quotes: list[Quote]) -> None:
    """A quote that runs over paragraphs leaves each paragraph but the last without a closing mark and
    opens the next with a fresh one; the speaker named in the last paragraph said all of it. An
    attribution whose content is a quote opening its line takes in the unclosed quotes right above, and
    one whose content is a quote left open at its line's end ('X said: “...') the paragraphs after it
    that open with a fresh mark, up to the one that closes."""
    def opens_line(q: Quote) -> bool:
        return not text[text.rfind("\n", 0, q.start) + 1 : q.start - 1].strip() and text[q.start - 1] in "\"“"

    def unclosed(q: Quote) -> bool:  # left open at its line's end: the quote goes on in the next paragraph
        # (not one closed with the other kind of mark: '“... Initiative."')
        return q.end < len(text) and text[q.end] == "\n" and q.marks != "single" \
            and text[q.start : q.end].rstrip()[-1:] not in {'"', "”"}

    for a in atts:
        q = next((q for q in quotes if q.start == a.content_start), None)
        while q is not None and opens_line(q):
            line_start = text.rfind("\n", 0, q.start)
            q = next((p for p in quotes if p.end == line_start and opens_line(p)
                      and text.rfind("\n", 0, p.start) < p.start), None)
            if q is not None:
                a.content_start = q.start
        # 'X said: “... (paragraph)\n“...”': the speaker named first said the paragraphs that follow too
        # (the content must run to the quote's end: '"...,” Lemon said.', opened with a straight mark and
        # closed with a curly one, leaves the straight quote open to the line's end, and the content stops at the comma)
        q = next((q for q in quotes if q.start <= a.content_start and a.content_end == _trim(text, q.start, q.end)[1]),
                 None)
        while q is not None and unclosed(q):
            q = next((p for p in quotes if p.start > q.end and opens_line(p) and not text[q.end : p.start - 1].strip()),
                     None)
            if q is not None:
                a.content_end = _trim(text, q.start, q.end)[1]


def _initials(name: str) -> str:
    """'Dorothy Baines' -> 'DB', 'Senator Paul Odum' -> 'PO', 'John F. Kennedy' -> 'JFK': the first
    letters of a name's capitalised words, titles left out."""
    words = [w for w in _NAME_WORD.findall(name) if w[0].isupper() and w.lower() not in TITLES]
    return "".join(w[0] for w in words)
