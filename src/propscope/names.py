"""Which names in a corpus are one person or body, for the corpus-wide tables (most cited sources,
most targeted entities).

Articles name people differently: "President Donald Trump" in one, "Donald Trump" in the next,
"Trump" from the second mention on. Counted apart, one person fills three rows and none of them
shows how often they are cited. Within an article spaCy and the attribution rules already link a
surname to its full name; across articles these rules do it: a name loses its leading articles and
titles ("President", "Dr.", "WHO Director-General"), and a one-word name that is the last word of
exactly one fuller name in the corpus is that name. Only names that read as a person's count as
fuller names ("Aides to Mr. Trump" does not), and a first and last name that a fuller one only
lengthens ("Donald Trump", "Donald J. Trump") are one person. A surname two people share ("Trump":
Donald and Ivanka; "Bush": George W. and George H. W.) stays apart, and so does a lower-case word
("police"): guessing would merge different people, which is worse than a split row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .sources import TITLES

_ARTICLES = frozenset({"the", "a", "an"})
# lower-case words inside a person's name: "Ursula von der Leyen", "Bashar al-Assad", "Ana de la Cruz"
_PARTICLES = frozenset({"de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "di", "la", "le",
                        "van", "von", "ter", "ten", "bin", "ibn", "bint", "al", "el", "y", "e"})


def _is_title(word: str) -> bool:
    """A title word: 'President', 'Dr.', 'Director-General' (each part a title)."""
    parts = word.casefold().rstrip(".").split("-")
    return all(p in TITLES for p in parts if p) and any(parts)


# Words for a job that news copy puts before a name like a title, with what the job is of before
# them ('Ferrow manager Jon Haug', 'Union leader Siv Karlsson', 'Norvanian trade minister Irena Voss').
_ROLES = frozenset("""councillor councilor councilman councilwoman alderman assemblyman assemblywoman congressman
congresswoman lawmaker legislator mp mep envoy curator manager leader head chief coach inspector superintendent
sheriff detective constable officer official chairperson president-elect editor founder owner""".split())


def after_role(words: list[str]) -> int:
    """Where a person's name starts after a descriptive role phrase: past the last title or role
    word that still leaves two or more words that read as a name ('Trade Minister Irena Voss' -> 2);
    0 when there is none. Two words at least, so that 'Mayor Street' or a body such as 'Union
    Leader Network' is not cut to one word it does not mean."""
    for i in range(len(words) - 3, -1, -1):
        w = words[i].casefold().rstrip(".,")
        if (w in _ROLES or _is_title(w)) and _reads_as_a_name(words[i + 1:]) and not any(
                x.casefold() in _ARTICLES for x in words[i + 1:]):
            return i + 1
    return 0


def core(name: str) -> str:
    """``name`` without leading articles and titles, and an acronym that comes before a title
    ('WHO Director-General Tedros' -> 'Tedros'), or a job described before a full name ('Union
    leader Siv Karlsson' -> 'Siv Karlsson'); a name that is all title stays whole."""
    words = name.split()
    i = after_role(words)
    while i < len(words) - 1:
        w = words[i]
        if w.casefold() in _ARTICLES or _is_title(w) or (
                w.isupper() and len(w) <= 5 and i + 1 < len(words) - 1 and _is_title(words[i + 1])):
            i += 1
        else:
            break
    return " ".join(words[i:])


def _reads_as_a_name(words: list[str]) -> bool:
    """Every word capitalised or a name particle ('von', 'al-'): 'Aides to Mr. Trump' or 'Trump
    administration' names no one whose surname is its last word."""
    return all(w[:1].isupper() or w.casefold().split("-")[0] in _PARTICLES for w in words)


def _lengthens(short: str, long: str) -> bool:
    """``long`` is ``short`` (a first and a last name) with middle names or initials between, or
    ``short`` is the surname ``long`` ends with ('von der leyen')."""
    s, w = short.split(), long.split()
    if s[0] in _PARTICLES:
        return len(w) > len(s) and w[-len(s):] == s
    return len(s) == 2 and len(w) > 2 and s[0] == w[0] and s[-1] == w[-1]


def _people(names: set[str], persons: bool = True) -> dict[str, str]:
    """Each of ``names`` (casefolded fuller names sharing a last word) -> the one longest name it
    can be, for the names that can be only one; 'george bush' beside 'george w. bush' and 'george
    h. w. bush' can be either, so it is left out. Without ``persons`` each name is its own: a
    body's shorter name is often another body ('American Church', 'American Catholic Church')."""
    if not persons:
        return {n: n for n in names}
    longest = {n for n in names if not any(_lengthens(n, m) for m in names)}
    person: dict[str, str] = {n: n for n in longest}
    for n in names - longest:
        could = [m for m in longest if _lengthens(n, m)]
        if len(could) == 1:
            person[n] = could[0]
    return person


def same_names(counts: Mapping[str, int], persons: bool = True) -> dict[str, str]:
    """Each name of ``counts`` (name -> how often it occurs) -> the name it is counted under: its
    ``core``, or for a capitalised one-word core, the one fuller name in the corpus it ends. A
    group is shown as its most frequent full spelling, title and all ('Dr. Ann Lee'), a name
    without a leading article. ``persons=False`` (names known to be of bodies or places) keeps
    names that differ by middle words apart."""
    cores = {n: core(n) for n in counts}
    full: dict[str, set[str]] = defaultdict(set)  # last word -> the fuller names ending in it
    for c in cores.values():
        words = c.split()
        if len(words) >= 2 and words[-1][:1].isupper() and _reads_as_a_name(words):
            full[words[-1].casefold()].add(c.casefold())
    person: dict[str, str] = {}  # fuller name -> the one person it is
    surname: dict[str, str] = {}  # last word -> the one person it can be
    for last, fuller in full.items():
        person.update(one := _people(fuller, persons))
        if len(set(one.values())) == 1 and len(one) == len(fuller):
            surname[last] = next(iter(one.values()))
    group: dict[str, str] = {}
    for n, c in cores.items():
        key = c.casefold()
        if len(c.split()) == 1 and c[:1].isupper():
            key = surname.get(key, key)
        group[n] = person.get(key, key)
    spelled: dict[str, Counter] = defaultdict(Counter)
    for n, key in group.items():
        if len(cores[n].split()) >= min(2, len(key.split())):  # a full spelling of the group's name, titles and all
            words = n.split()
            if len(words) > 1 and words[0].casefold() in _ARTICLES and words[1][:1].isupper():
                words = words[1:]  # 'Russian Defense Ministry'; 'the blog' keeps its article
            spelled[key][" ".join(words)] += counts[n]
    shown = {key: min(c, key=lambda name: (-c[name], len(name), name)) for key, c in spelled.items()}  # ties: the shorter
    return {n: shown.get(key, cores[n]) for n, key in group.items()}


def counted_names(attributions: Sequence[Mapping], entities: Iterable[Mapping]) -> list[str]:
    """The name each attribution's source is counted under in the corpus tables. A bare surname
    ('Strand said') that the article links to a fuller name ('Interior Minister Pavel Strand') is
    counted as the article's full name for that person: across a corpus, a surname two people share
    stays apart from both (``same_names``), so the article that says who it is must say it here.
    A source that already holds the name, titles and all, keeps its words; a source linked to
    anything but a person, or to a name with another last word (a misread link), keeps its own."""
    persons = {e["entity_id"]: e.get("canonical") or "" for e in entities
               if e.get("label") == "PERSON" and isinstance(e.get("entity_id"), int) and e["entity_id"] >= 0}
    names = []
    for at in attributions:
        source = at.get("source") or ""
        canonical = persons.get(at.get("entity_id")) or ""
        linked = canonical and canonical.casefold() not in source.casefold() and (
            core(source).split()[-1:] == canonical.split()[-1:])
        names.append(canonical if linked else source)
    return names
