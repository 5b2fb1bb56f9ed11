"""Technique targets (:func:`propscope.sources.targets`) on hand-made sentences, one behaviour a test.

Written in other words than the ``e-`` rows of ``tests/data/targets_eval.jsonl``: each test holds the
general rule a fix made, not an eval example.
"""

from __future__ import annotations

import re

import pytest

from propscope import sources


@pytest.fixture(scope="module", autouse=True)
def _spacy_loaded():
    return sources.nlp()


def _span(text: str, sub: str) -> tuple[int, int]:
    m = re.search(re.escape(sub), text)
    assert m is not None, sub
    return m.start(), m.end()


def _names(text: str, sub: str, technique: str = "Name_Calling,Labeling") -> list[str]:
    """The canonical names of the targets of the span ``sub`` of ``text``."""
    s, e = _span(text, sub)
    res = sources.extract(text)
    got = sources.targets(res.entities, [{"start": s, "end": e, "technique": technique}], text,
                          attributions=res.attributions, quotes=res.quotes)
    return [t["canonical"] or t["text"] for t in got[0]["targets"]]


@pytest.mark.parametrize("text, span, technique, names", [
    ("Governor Nell Carver treats the legislature like an Orban fan club, the editorial said.",
     "like an Orban fan club", "Name_Calling,Labeling", ["Nell Carver"]),
    ("Minister Hal Brandt's office is a Stasi for the digital age, critics say.", "a Stasi for the digital age",
     "Reductio_ad_hitlerum", ["Hal Brandt"]),
    # 'than' after 'nobody ... more': the one after it is the one aimed at
    ("Nobody has done more harm to this town than Ed Kane, the flyer says.", "done more harm to this town than Ed Kane",
     "Name_Calling,Labeling", ["Ed Kane"]),
])
def test_the_figure_a_span_compares_its_target_with_is_no_target(text, span, technique, names):
    """'like a X ...', 'than X' and, in a reductio, the Stasi or Gestapo: the benchmark is not whom the span
    attacks; the one it is pinned on is."""
    assert _names(text, span, technique) == names


def test_a_possessor_with_a_noun_of_three_words_is_the_subject():
    """'Mayor X's new parking department is robbing Y drivers blind': the possessor of a subject of up to three
    words is whom the predicate is pinned on, not the place the verb acts on."""
    t = "Mayor Rosa Linde's new parking department is robbing Leeds drivers blind, residents say."
    assert _names(t, "robbing Leeds drivers blind", "Loaded_Language") == ["Rosa Linde"]


@pytest.mark.parametrize("text, span, names", [
    ("Mayor Gina Holt plans to bulldoze the homes of hard-working Cubans, the flyer says.",
     "bulldoze the homes of hard-working Cubans", ["Gina Holt"]),
    ("Senator Ivo Marek is trying to starve Moravian farmers of water, the union said.",
     "starve Moravian farmers of water", ["Ivo Marek"]),
])
def test_a_span_after_a_verb_of_intent_is_pinned_on_its_subject(text, span, names):
    """'X plans to *harm Y*', 'X is trying to *harm Y*': the group the verb acts on is whom X harms, not the
    target; X is."""
    assert _names(text, span, "Loaded_Language") == names


def test_a_slogan_that_names_no_one_has_no_target_near_it():
    """A banner's 'Never surrender, never forget' is no attack on the striker whose fans wave it; a slogan
    with a pronoun still reaches the name its pronoun stands for."""
    t = "Fans of striker Leon Barre unfurled a banner saying “Never surrender, never forget” before kick-off."
    assert _names(t, "Never surrender, never forget", "Slogans") == []
    t = "“Send him home! Send him home!” fans sang as coach Piet Mulder left the pitch."
    assert _names(t, "Send him home! Send him home!", "Slogans") == ["Piet Mulder"]
