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


@pytest.mark.parametrize("text, span, names", [
    ("Norvik Shipping sacked 400 dockers by email. The firm treats its workers like cattle, the union said.",
     "treats its workers like cattle", ["Norvik Shipping"]),
    ("The National Rail Authority cancelled the night trains again. Those clowns could not organise a picnic, "
     "commuters said.", "Those clowns could not organise a picnic", ["National Rail Authority"]),
    ("Belarus arrested two more bloggers on Monday. The dictatorship is afraid of its own people, exiles said.",
     "afraid of its own people", ["Belarus"]),
])
def test_a_noun_for_a_body_opening_the_sentence_stands_for_the_body_named_before(text, span, names):
    """'The firm', 'the dictatorship', 'those clowns' opening a sentence that names nobody refer back to the
    company, country or agency just named, as 'they' does."""
    assert _names(text, span, "Loaded_Language") == names


def test_a_noun_for_a_government_does_not_stand_for_a_company():
    """'The government' after a company's sentence means no company: the span names no one it can be."""
    t = "Dalvik Oil raised pump prices again. The government has betrayed every driver, the motoring club said."
    assert _names(t, "betrayed every driver", "Loaded_Language") == []


@pytest.mark.parametrize("text, span, names", [
    ("Every family in Leeds has been betrayed by Mayor Amy Hart, the leaflet says.",
     "Every family in Leeds has been betrayed by Mayor Amy Hart", ["Amy Hart"]),
    ("The financiers in Frankfurt are scheming to seize your savings, the newsletter warned.",
     "scheming to seize your savings", []),
    ("The regime in Havana is a gang of jailers, the dissident said.",
     "The regime in Havana is a gang of jailers", ["Havana"]),
])
def test_a_place_where_people_are_is_the_scene_not_the_target(text, span, names):
    """'every family in X', 'the financiers in X': the place is where they are, not whom the span attacks; a
    regime or government in a place stands for it."""
    assert _names(text, span, "Loaded_Language") == names


@pytest.mark.parametrize("text, span, names", [
    ("Critics call Senator Lee Adams a Beijing stooge.", "a Beijing stooge", ["Lee Adams"]),
    ("Rival bloggers say Latvia is a Pentagon colony.", "a Pentagon colony", ["Latvia"]),
])
def test_a_name_qualifying_an_indefinite_label_is_whom_the_labelled_one_serves(text, span, names):
    """'a Beijing stooge', 'a Pentagon colony': the name says whose stooge; the one called so is the target."""
    assert _names(text, span) == names


def test_a_name_before_a_noun_after_the_is_the_subject():
    """'The Tehran leadership is trying to *silence Kurdish journalists*': the leadership of the place named is
    the subject the span is pinned on, not the group it acts on."""
    t = "The Tehran leadership is trying to silence Kurdish journalists, the exile radio said."
    assert _names(t, "silence Kurdish journalists", "Loaded_Language") == ["Tehran"]


def test_the_crowd_a_bandwagon_invokes_is_no_target():
    """'Most Australians already know ...': the many a bandwagon appeal points to are whom to follow."""
    t = "Most Australians already know the truth about fluoride."
    assert _names(t, "Most Australians already know the truth", "Bandwagon,Reductio_ad_hitlerum") == []


def test_the_authority_an_appeal_cites_is_no_target():
    """'As Professor X has shown, ...' leans on X; it does not attack X."""
    t = "As Professor Ines Duarte of Lisbon University has shown, the drug is completely safe."
    assert _names(t, "As Professor Ines Duarte of Lisbon University has shown", "Appeal_to_Authority") == []


def test_a_span_opening_with_he_or_she_stands_for_the_person_named_before():
    """A span that opens its sentence with 'She' ('She hates small shops') means the person named before, as a
    'she' before the span does; an opening 'They' mostly means a group no name gives, and is left alone."""
    t = "Mayor Rhian Pryce raised parking fees for the third time. She hates small shops, the traders said."
    assert _names(t, "She hates small shops", "Loaded_Language") == ["Rhian Pryce"]
    t = "Kingsbridge Council raised parking fees for the third time. They hate small shops, the traders said."
    assert _names(t, "They hate small shops", "Loaded_Language") == []


def test_a_role_with_a_modifier_names_its_one_holder():
    """'the health minister' is the one 'Health Minister X' when the article has one such minister."""
    t = ("Health Minister Dora Vilk shut two rural clinics. The health minister has left whole villages without "
         "doctors, nurses said.")
    assert _names(t, "left whole villages without doctors", "Loaded_Language") == ["Dora Vilk"]


def test_a_span_that_names_only_where_its_people_are_takes_no_name_nearby():
    """'no one in Dhaka feels safe': Dhaka is the scene, and the outlet named before it is no target either."""
    t = "Since the cholera reports on Al Jazeera, no one in Dhaka feels safe drinking tap water."
    assert _names(t, "no one in Dhaka feels safe drinking tap water", "Appeal_to_fear-prejudice") == []


def test_him_or_her_after_a_verb_of_calling_is_the_one_named_before_the_caller():
    """'X called her a liability' labels whoever 'her' is (the person named before X), not X, the caller."""
    t = "Senator Ana Ruiz voted for the budget, but her rival Dirk Lamm called her a liability on Sunday."
    assert _names(t, "a liability") == ["Ana Ruiz"]


def test_a_quote_cut_at_its_exclamation_mark_runs_on_over_a_tag_that_opens_with_its_speaker():
    """'“Shame on you!” Premier X shouted at the Greenpeace activists': the tag is the quote's sentence, X who
    shouts it, and the ones shouted at are its target."""
    t = "“Shame on you!” Premier Ola Berg shouted at the activists from Greenpeace."
    assert _names(t, "Shame on you!") == ["Greenpeace"]


def test_a_title_in_a_headline_names_its_one_holder_in_the_article():
    """'GREEDY GOVERNOR HIKES TOLLS': a headline names by title, in capitals and with no 'the', the one person
    the article gives that title."""
    t = "GREEDY GOVERNOR HIKES TOLLS AGAIN\nGovernor Paul Ness raised bridge tolls by a third on Monday."
    assert _names(t, "GREEDY") == ["Paul Ness"]


def test_the_role_that_names_the_speaker_is_no_target():
    """'The mayor said that the contractors were crooks': the mayor speaks; the label is not pinned on him."""
    t = "Mayor Tom Reed opened the inquiry on Monday. The mayor said that the contractors were crooks."
    assert _names(t, "crooks") == []


def test_a_stored_quote_without_a_speaker_takes_the_tag_the_sources_step_reads():
    """A quote stored before the quote-speaker step read tags ('“...!” X waved the crowd away') has no speaker;
    targets asks :func:`propscope.sources.linking.tag_speaker`, the one rule, so X still speaks and is no target."""
    from propscope.sources import linking, targeting

    assert targeting.tag_speaker is linking.tag_speaker
    t = "“You are all cowards!” Mayor Ines Tal waved the councillors from Vexa Holdings out of the room."
    res = sources.extract(t)
    quotes = [{**q.to_dict(), "speaker": None, "speaker_start": None, "speaker_end": None, "speaker_entity_id": None}
              for q in res.quotes]
    s, e = _span(t, "cowards")
    for qs in (res.quotes, quotes):
        got = sources.targets([m.to_dict() for m in res.entities], [{"start": s, "end": e, "technique": "Name_Calling"}],
                              t, attributions=[a.to_dict() for a in res.attributions], quotes=qs)
        assert "Ines Tal" not in [x["text"] for x in got[0]["targets"]]
