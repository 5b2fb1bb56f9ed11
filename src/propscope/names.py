"""Which names in a corpus are one person or body, for the corpus-wide tables (most cited sources,
most targeted entities).

Articles name people differently: "President Donald Trump" in one, "Donald Trump" in the next,
"Trump" from the second mention on. Counted apart, one person fills three rows and none of them
shows how often they are cited. Within an article spaCy and the attribution rules already link a
surname to its full name; across articles these rules do it: a name loses its leading articles and
titles ("President", "Dr.", "WHO Director-General"), and a one-word name that is the last word of
exactly one fuller name in the corpus is that name. A surname two fuller names share ("Trump":
Donald and Ivanka) stays apart, and so does a lower-case word ("police"): guessing would merge
different people, which is worse than a split row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from .sources import TITLES

_ARTICLES = frozenset({"the", "a", "an"})


def _is_title(word: str) -> bool:
    """A title word: 'President', 'Dr.', 'Director-General' (each part a title)."""
    parts = word.casefold().rstrip(".").split("-")
    return all(p in TITLES for p in parts if p) and any(parts)


def core(name: str) -> str:
    """``name`` without leading articles and titles, and an acronym that comes before a title
    ('WHO Director-General Tedros' -> 'Tedros'); a name that is all title stays whole."""
    words = name.split()
    i = 0
    while i < len(words) - 1:
        w = words[i]
        if w.casefold() in _ARTICLES or _is_title(w) or (
                w.isupper() and len(w) <= 5 and i + 1 < len(words) - 1 and _is_title(words[i + 1])):
            i += 1
        else:
            break
    return " ".join(words[i:])


def same_names(counts: Mapping[str, int]) -> dict[str, str]:
    """Each name of ``counts`` (name -> how often it occurs) -> the name it is counted under: its
    ``core``, or for a capitalised one-word core, the one fuller name in the corpus it ends. A
    group is shown as its most frequent full spelling, title and all ('Dr. Ann Lee'), a name
    without a leading article."""
    cores = {n: core(n) for n in counts}
    full: dict[str, set[str]] = defaultdict(set)  # last word -> the fuller names ending in it
    for c in cores.values():
        words = c.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            full[words[-1].casefold()].add(c.casefold())
    group: dict[str, str] = {}
    for n, c in cores.items():
        key = c.casefold()
        if len(c.split()) == 1 and c[:1].isupper() and len(full.get(key, ())) == 1:
            key = next(iter(full[key]))
        group[n] = key
    spelled: dict[str, Counter] = defaultdict(Counter)
    for n, key in group.items():
        if len(cores[n].split()) == len(key.split()):  # a full spelling of the group's name, titles and all
            words = n.split()
            if len(words) > 1 and words[0].casefold() in _ARTICLES and words[1][:1].isupper():
                words = words[1:]  # 'Russian Defense Ministry'; 'the blog' keeps its article
            spelled[key][" ".join(words)] += counts[n]
    shown = {key: min(c, key=lambda name: (-c[name], len(name), name)) for key, c in spelled.items()}  # ties: the shorter
    return {n: shown.get(key, cores[n]) for n, key in group.items()}
