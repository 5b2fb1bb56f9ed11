"""Propaganda technique taxonomies, kept as data.

Names are exactly those of the corpus label files, so labels read from disk
need no translation. Definitions paraphrase Da San Martino et al. (EMNLP 2019)
and the SemEval-2020 Task 11 guidelines; they are shown to users next to every
span, so they say what the technique does to a reader.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Technique:
    name: str
    display: str
    definition: str
    colour: str  # light enough for dark text (WCAG contrast >= 7) and distinct from the others
    short: str = ""  # the label printed at each span; the display name when empty


PTC14: tuple[Technique, ...] = (
    Technique(
        "Appeal_to_Authority",
        "Appeal to authority",
        "Stating that a claim is true simply because a valid authority or expert on the issue "
        "said it was true, without any other supporting evidence. Includes the case where the "
        "reference is not an authority or expert.",
        "#bdea9b",
        "authority",
    ),
    Technique(
        "Appeal_to_fear-prejudice",
        "Appeal to fear or prejudice",
        "Seeking to build support for an idea by instilling anxiety or panic in the audience "
        "towards an alternative, possibly based on preconceived judgements.",
        "#f6ab76",
        "fear",
    ),
    Technique(
        "Bandwagon,Reductio_ad_hitlerum",
        "Bandwagon / Reductio ad Hitlerum",
        "Bandwagon: persuading the audience to join in because 'everyone else is taking the same "
        "action'. Reductio ad Hitlerum: persuading the audience to disapprove of an action or "
        "idea by suggesting it is popular with groups the audience hates or despises.",
        "#7bb899",
        "bandwagon",
    ),
    Technique(
        "Black-and-White_Fallacy",
        "Black-and-white fallacy",
        "Presenting two alternative options as the only possibilities when in fact more exist; "
        "in the extreme, telling the audience exactly which action to take, eliminating any "
        "other choice (dictatorship).",
        "#96ece5",
        "black/white",
    ),
    Technique(
        "Causal_Oversimplification",
        "Causal oversimplification",
        "Assuming a single cause or reason when there are actually multiple causes for an "
        "issue; includes transferring blame to one person or group without investigating the "
        "complexities of the issue.",
        "#47cbe5",
        "causal",
    ),
    Technique(
        "Doubt",
        "Doubt",
        "Questioning the credibility of someone or something.",
        "#d0c5f9",
        "doubt",
    ),
    Technique(
        "Exaggeration,Minimisation",
        "Exaggeration / minimisation",
        "Representing something in an excessive manner, making things larger, better or worse "
        "than they are, or making something seem less important or smaller than it really is.",
        "#eea3e5",
        "exaggeration",
    ),
    Technique(
        "Flag-Waving",
        "Flag-waving",
        "Playing on strong national feeling (or feeling about any group, such as race, gender "
        "or political preference) to justify or promote an action or idea.",
        "#6baffb",
        "flag-waving",
    ),
    Technique(
        "Loaded_Language",
        "Loaded language",
        "Using specific words and phrases with strong emotional implications, positive or "
        "negative, to influence an audience.",
        "#ffe066",
        "loaded",
    ),
    Technique(
        "Name_Calling,Labeling",
        "Name calling / labeling",
        "Labeling the object of the propaganda campaign as something the target audience fears, "
        "hates, finds undesirable or loves and praises.",
        "#f88c92",
        "name-calling",
    ),
    Technique(
        "Repetition",
        "Repetition",
        "Repeating the same message over and over again so that the audience will eventually "
        "accept it.",
        "#65e1bc",
        "repetition",
    ),
    Technique(
        "Slogans",
        "Slogans",
        "A brief and striking phrase that may include labeling and stereotyping; slogans tend "
        "to act as emotional appeals.",
        "#ffb9cd",
        "slogan",
    ),
    Technique(
        "Thought-terminating_Cliches",
        "Thought-terminating cliché",
        "Words or phrases that discourage critical thought and meaningful discussion about a "
        "topic; typically short, generic sentences that offer seemingly simple answers to "
        "complex questions or distract attention away from other lines of thought.",
        "#acaf7b",
        "cliché",
    ),
    Technique(
        "Whataboutism,Straw_Men,Red_Herring",
        "Whataboutism / straw man / red herring",
        "Whataboutism: discrediting an opponent's position by charging them with hypocrisy "
        "without directly disproving their argument. Straw man: substituting an opponent's "
        "proposition with a similar one that is then refuted in place of the original. Red "
        "herring: introducing irrelevant material to divert attention from the issue.",
        "#f9d8a9",
        "whataboutism",
    ),
)

TAXONOMIES: dict[str, tuple[Technique, ...]] = {"ptc14": PTC14}
PTC14_NAMES: tuple[str, ...] = tuple(t.name for t in PTC14)
_BY_NAME = {t.name: t for t in PTC14}


def get(name: str) -> Technique:
    """Look a technique up by its corpus name; unknown names get a neutral entry, not an error,
    so that a model trained on another taxonomy still renders."""
    return _BY_NAME.get(name) or Technique(name, name.replace("_", " "), "", "#cccccc")


def label(name: str) -> str:
    """The short label shown next to a span (readable without hovering, as displaCy does)."""
    t = get(name)
    return t.short or t.display


class UnknownTechnique(ValueError):
    """A technique name that is neither a corpus name nor a display name; the message lists the choices."""


def _fold(name: str) -> str:
    """Case, accents, spaces and punctuation do not tell names apart: "loaded language" is
    "Loaded_Language", "cliche" is "cliché"."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalnum() and c.isascii())


def resolve(name: str, taxonomy: tuple[Technique, ...] = PTC14) -> str:
    """The corpus name of a technique given by its corpus name or its display name, in any case.

    Filters accept what people see ("Loaded language") as well as what files hold
    ("Loaded_Language"); an unknown name raises :class:`UnknownTechnique` listing the choices, so
    a typo is never mistaken for "no matches".
    """
    wanted = _fold(name)
    for t in taxonomy:
        if wanted in (_fold(t.name), _fold(t.display)):
            return t.name
    choices = "; ".join(f"{t.display} ({t.name})" for t in taxonomy)
    raise UnknownTechnique(f"unknown technique {name!r}; choose one of: {choices}")


def display(name: str) -> str:
    """The name people read for a corpus name (unknown names pass through readable)."""
    return get(name).display
