"""How news copy is laid out on lines, read from the text before any parse: wire datelines ("MOSCOW,
March 3 (Reuters) -"), capitals and a colon opening a paragraph ("MUMBAI: ..."), and the speaker
labels that open a transcript's turns ("TAPPER: ...", "Q: ..."). The pipeline starts sentences there
(:mod:`.model`), and the pattern and linking rules attribute the turns and name their speakers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import TITLES

# A wire-copy dateline opening a paragraph: "MOSCOW, March 3 (Reuters) - ", "KYIV (AP) — ", and the
# forms with a region or country, a title-case place, a year and a newswire between slashes:
# "JAKARTA, Indonesia (AP) — ", "Paris (AFP) - ", "SAN DIEGO, June 2, 2025 /PRNewswire/ -- ", "Tehran, IRNA -- ",
# "MOSCOW, March 3. /TASS/. ".
_PLACE = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
_DATELINE = re.compile(rf"^[ \t]*{_PLACE}(?:/{_PLACE})?(?:,[ \t]*{_PLACE})?"
                       r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2}(?:,[ \t]*\d{4}|\.(?=[ \t]*/))?)?"
                       r"[ \t]*(?:\((?![DRI]-)[A-Z][\w .&-]{1,30}\)|/[A-Z][\w .&-]{1,30}/"  # not a party tag "(D-Texas)"
                       r"|,[ \t]*[A-Z]{2,8}(?=[ \t]*(?:—|–|--)))"  # "Tehran, IRNA -- ": an agency's initials, a long dash
                       r"[ \t]*(?:—|–|--|-|(?<=/)\.)[ \t]*(?=\S)", re.M)  # "MOSCOW, March 3. /TASS/. ": TASS's period


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
# A time code before the label, as recorded interviews and hearings print it ('[00:14:32] Name: ...', '00:14 Name:'),
# and a label alone on its line with the words on the next one, as transcription services print a speaker and the
# time code ('Mayor Lena Ortiz (00:00):' over 'Good morning. ...'; only after a bracket: 'Booking Charge:' is a heading).
_STAMP = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]+)?"
_COLON_LABEL = re.compile(rf"^[ \t]*{_STAMP}{_LABEL}(?:,[ \t]+[^:\n(),.;]{{1,40}})?{_PARENS}[ \t]*(?P<cue>:)"
                          r"(?:[ \t]+|(?<=\):)[ \t]*\n[ \t]*)(?=\S)", re.M)
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
        # the line of the turn's words: the label's own, or the next one for a label alone on its line
        words_at = [lines.get(text.rfind("\n", 0, m.end()) + 1) for m in found]
        at = set(line_of) | set(words_at)
        for m, label, k, k2 in zip(found, labels, line_of, words_at):
            if counts[label] > 1 or k is not None and k2 is not None and (k - 1 in at or k2 + 1 in at):
                out.append(_Turn(m.start("label"), m.end("label"), m.start("cue"), m.end()))
    return sorted(out, key=lambda t: t.cue)


# Rubric labels that open a line with a colon and name nobody: "BREAKING: ...", "Update: ...", and a
# fact check's "CLAIM: ..." / "VERDICT: False." (the claim is quoted from nobody the label names).
_RUBRICS = frozenset("""
breaking update updated live watch read exclusive opinion analysis editorial photo photos video note correction
factbox explainer timeline report summary background context warning related
proof bombshell shock shocking revealed confirmed alert urgent flashback must-see
claim verdict rating
""".split())


# The newspaper's own dateline, with no agency: a place in capitals and a long dash before a sentence
# ("EDINBURGH — Scientists have ...", "BOULDER, Colo. — A ..."); not a rubric ("BREAKING — ") nor a line
# in capitals. What follows is the story, not what a source said.
_CAPS_DATELINE = re.compile(
    rf"^[ \t]*(?!(?i:{'|'.join(sorted(_RUBRICS))})\b)[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){{0,3}}"
    rf"(?:,[ \t]*{_PLACE})?[ \t]*(?:—|–|--)[ \t]*(?=[\"“‘]?[A-Z][^\n]*\b[a-z]{{2,}}\b)", re.M)
