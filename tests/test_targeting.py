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


def test_he_two_sentences_on_passes_over_the_body_named_after_the_person():
    """'Minister X cut pensions. Retirees marched on the Bundestag. He ...': the 'he' means the person who
    opened the sentence before, not the body named since; 'they' does not pass a person so."""
    t = ("Finance Minister Klaus Berger froze the teachers' pay in March. Teachers marched on the Bundestag in April. "
         "He has betrayed every classroom, the union said.")
    assert _names(t, "betrayed every classroom", "Loaded_Language") == ["Klaus Berger"]


def test_a_body_tagged_name_given_a_title_is_a_person_she_may_stand_for():
    """A name the model took for a body but the text gives a title ('X, the new chair of the regulator') is a
    person: a 'she' after it stands for it."""
    t = ("Oksana Melnyk, the new chairwoman of the energy regulator, has doubled the tariffs. “She is robbing "
         "pensioners blind,” said retired miner Petro Koval.")
    res = sources.extract(t)
    ents = [{**m.to_dict(), "label": "ORG"} if m.text == "Oksana Melnyk" else m.to_dict() for m in res.entities]
    s, e = _span(t, "robbing pensioners blind")
    got = sources.targets(ents, [{"start": s, "end": e, "technique": "Loaded_Language"}], t,
                          attributions=res.attributions, quotes=res.quotes)
    assert [x["text"] for x in got[0]["targets"]] == ["Oksana Melnyk"]


@pytest.mark.parametrize("text, span, names", [
    ("Canada slapped new duties on dairy imports. It is strangling Vermont farmers, the governor said.",
     "strangling Vermont farmers", ["Canada"]),
    ("Amazon closed its warehouse in Leipzig. It is shameful that workers learned it from the radio, the union said.",
     "shameful", []),
])
def test_an_it_that_acts_stands_for_the_body_named_before(text, span, names):
    """'X did ... . It is *strangling Y*': an 'it' that does what the span says is the body or country named
    before, not the group the verb acts on; the 'it' of 'It is shameful that ...' is no one."""
    assert _names(text, span, "Loaded_Language") == names


def test_the_one_a_quote_is_yelled_at_is_its_target():
    """'“Go home, thief!” the crowd screamed at Senator X outside the court': the insult is aimed at X, not
    at the place its words name."""
    t = "“Go home to Lisbon, thief!” the crowd screamed at Senator Rui Pacheco outside the court."
    assert _names(t, "thief") == ["Rui Pacheco"]


@pytest.mark.parametrize("text, span, names", [
    ("Poverty in Glasgow rose for one reason only: the Tories cut the benefits.",
     "Poverty in Glasgow rose for one reason only: the Tories cut the benefits", ["Tories"]),
    ("Everybody in Carrickmore has already joined the boycott of the new supermarket.",
     "Everybody in Carrickmore has already joined the boycott", []),
])
def test_a_place_a_span_sets_its_scene_in_is_no_target(text, span, names):
    """'Poverty in X rose because Y ...': X is where it happens, Y is blamed; 'everybody in X' is whoever
    lives there, not X."""
    assert _names(text, span, "Causal_Oversimplification") == names


def test_the_rulers_named_before_are_not_the_place_they_struck():
    """'X's army shelled a hospital in Y. The generals ...': the generals are X's, not Y's, the place where
    their deed was done (a place named alone still is the one a 'regime' means)."""
    t = "Eritrea's army shelled a clinic in Adigrat on Sunday. The generals are butchers, the aid group said."
    assert _names(t, "butchers") == ["Eritrea"]


def test_a_name_in_the_relative_clause_of_a_label_is_whom_the_subject_harmed():
    """'X is *a crook who has drained the Y Fund*': X is called a crook; the fund is what he harmed."""
    t = "Director Pablo Ruiz is a crook who has drained the Andes Pension Fund, the workers said."
    assert _names(t, "a crook who has drained the Andes Pension Fund") == ["Pablo Ruiz"]


@pytest.mark.parametrize("text, span, names", [
    ("Okonkwo: ‘Adeleke Is a Disgrace to Lagos’\nSenator Chidi Okonkwo attacked his rival, Bola Adeleke, on Friday.",
     "a Disgrace to Lagos", ["Bola Adeleke"]),
    ("Ward: ‘Ashby Is a Menace’\nMayor Ellen Ward attacked her challenger, Carl Ashby, on Monday.", "a Menace",
     ["Carl Ashby"]),
    ("Haddad Kneels Before Riyadh\nForeign Minister Sami Haddad signed the oil deal on Tuesday without a single "
     "concession.", "Kneels Before Riyadh", ["Sami Haddad"]),
])
def test_a_surname_in_a_title_case_headline_is_the_person_the_article_names(text, span, names):
    """A headline's surname the model leaves untagged ('Adeleke Is a Disgrace') is the person the article names in
    full; a title-case verb ('Haddad Kneels Before Riyadh') is a predicate pinned on its subject, not the place."""
    assert _names(text, span) == names


def test_a_surname_in_a_quote_is_the_person_named_before():
    """'Mayor X Y promised ... “Y has lied to ...”': a surname the model leaves untagged in a quote stands for
    the person named in full, here the subject the span is pinned on."""
    t = "Mayor Greta Lind promised new buses. “Lind has lied to every commuter in this city,” the transit union said."
    assert _names(t, "lied to every commuter in this city", "Loaded_Language") == ["Greta Lind"]


def test_a_name_after_to_in_a_label_is_whom_the_subject_endangers():
    """'X is *a menace to Y*': X is labelled; Y is who is endangered."""
    t = "Senator Ivo Brandt is a menace to Ontario, the columnist wrote."
    assert _names(t, "a menace to Ontario") == ["Ivo Brandt"]


def test_a_cause_opening_the_sentence_is_blamed_not_the_people_who_suffer():
    """'Because of X, a Danish baker ...': X is blamed; the people the span says suffer are no target."""
    t = "Because of the WTO, a Kenyan farmer now earns less for his tea than his grandfather did."
    assert _names(t, "a Kenyan farmer now earns less for his tea than his grandfather did",
                  "Exaggeration,Minimisation") == ["WTO"]


def test_the_history_a_reductio_recalls_is_no_target_and_this_judges_the_deed_before():
    """'X wants to list every journalist. This is what happened in Italy in 1938': Italy is the history
    compared with; 'This' judges X's deed, so X is aimed at."""
    t = ("Minister Darius Kazlauskas wants a list of every foreign journalist. This is what happened in Italy in 1938, "
         "the press council said.")
    assert _names(t, "This is what happened in Italy in 1938", "Reductio_ad_hitlerum") == ["Darius Kazlauskas"]


def test_the_people_we_defend_from_a_ruler_are_no_target():
    """'We will not let X tell Poles what to eat': the Poles are the speaker's people, X is aimed at."""
    t = "We will not let Brussels tell Poles what to eat, the farmers' leader said."
    assert _names(t, "not let Brussels tell Poles what to eat", "Flag-Waving") == ["Brussels"]


def test_a_slogan_with_no_pronoun_takes_no_pronoun_from_its_sentence():
    """'In 2004 he had a painter write “*Power to the people*” on his door': the slogan aims at no one the 'he'
    means."""
    t = ("Councillor Rafael Ortiz won his seat in 1999. In 2004, as council leader, he had a painter write “Power to "
         "the people” across his office door.")
    assert _names(t, "Power to the people", "Slogans") == []


@pytest.mark.parametrize("text, span, names", [
    ("Judge Ruth Calder ruled on Friday. Now she is blocking the removal of all these illegal aliens.",
     "illegal aliens", []),
    ("Judge Ruth Calder ruled on Friday. Now she is one of those traitors.", "traitors", ["Ruth Calder"]),
    ("Governor Ilham Sadikov vanished for a month. Meanwhile he builds himself golden staircases.",
     "builds himself golden staircases", ["Ilham Sadikov"]),
])
def test_a_crowd_the_pronoun_acts_on_is_not_the_pronoun_s(text, span, names):
    """'she is blocking the removal of all these *illegal aliens*': the label is the unnamed crowd's, not the
    judge's; 'she is one of those *traitors*' and a deed of his ('he builds himself *golden staircases*') are
    still the person's."""
    assert _names(text, span, "Name_Calling,Labeling") == names


def test_it_that_has_become_a_label_is_the_body_named_before():
    """'It has *become* ...' is what the body named before does, as 'It has lied' is."""
    t = ("The Central Electoral Commission certified the result overnight. It has become the ruling party's rubber "
         "stamp, observers said.")
    assert _names(t, "the ruling party's rubber stamp") == ["Central Electoral Commission"]


def test_a_place_where_the_label_holds_is_no_target_of_the_predicate():
    """'X is *the most dishonest politician in Madrid*': Madrid is where, X the one called so."""
    t = "Senator Ana Rivas is the most dishonest politician in Madrid, the columnist wrote."
    assert _names(t, "the most dishonest politician in Madrid") == ["Ana Rivas"]


def test_is_how_x_described_y_targets_y():
    """'“...” is how X described his rival, Y': Y, not the describer nor the people's adjective before 'rival'."""
    t = "“A spineless opportunist” is how businessman Karl Hecht described his American rival, Owen Pike."
    assert _names(t, "A spineless opportunist") == ["Owen Pike"]


def test_that_man_opening_a_sentence_is_the_last_person_named():
    t = ("Judge Peter Lindgren freed the smugglers on bail. That man has betrayed every family in this town, the "
         "sheriff said.")
    assert _names(t, "has betrayed every family in this town", "Loaded_Language") == ["Peter Lindgren"]


def test_a_headline_quote_the_body_gives_its_speaker_is_not_aimed_at_that_speaker():
    """'‘Traitors and Cowards’: Minister Rounds on Protesters' over 'Minister X called the protesters “traitors
    and cowards”': X says it; the headline's title is no target."""
    t = ("‘Traitors and Cowards’: Minister Rounds on Protesters\nDefence Minister Greta Holm called the protesters "
         "“traitors and cowards” on Monday.")
    assert _names(t, "Traitors and Cowards") == []


@pytest.mark.parametrize("text, span, names", [
    ("THEY ARE COMING FOR YOUR PENSION\nThe Treasury plans to raise the retirement age to 70, officials confirmed.",
     "COMING FOR YOUR PENSION", ["Treasury"]),
    ("‘They Are Liars’: Anger Over Rail Plan\nTransport Secretary Neil Horgan told MPs the line would open by 2030.",
     "They Are Liars", []),
])
def test_a_headline_naming_no_one_is_about_the_subject_opening_the_next_line(text, span, names):
    """Not when the span is a quote in the headline: the next line mostly opens with its speaker."""
    assert _names(text, span, "Loaded_Language") == names


def test_a_reductio_judges_the_deed_of_the_sentence_before():
    """'*Lists of enemies are how the Stasi began*' after 'Mayor X ordered ...': X, with no 'This is' opening."""
    t = ("Mayor Tomas Berg ordered the names of all protesters to be published. Lists of enemies are how the Stasi "
         "began, one blogger wrote.")
    assert _names(t, "Lists of enemies are how the Stasi began", "Reductio_ad_hitlerum") == ["Tomas Berg"]


def test_a_body_word_shouted_in_a_capitals_headline_is_the_one_body_so_named():
    from propscope.sources.targeting import _shouted_body

    t = "BANK BETRAYS PENSIONERS\nThe Nordic Savings Bank closed 40 branches. The Bank of Oslo did not."
    bank = {"entity_id": 0, "canonical": "BANK", "text": "BANK", "label": "ORG", "start": 0, "end": 4}
    nordic = {"entity_id": 1, "canonical": "Nordic Savings Bank", "text": "Nordic Savings Bank", "label": "ORG",
              "start": 28, "end": 47}
    assert _shouted_body(t, bank, [bank, nordic])["canonical"] == "Nordic Savings Bank"
    oslo = {**nordic, "entity_id": 2, "canonical": "Bank of Oslo", "text": "Bank of Oslo", "start": 72, "end": 84}
    assert _shouted_body(t, bank, [bank, nordic, oslo])["canonical"] == "BANK"  # two banks: which is unknown


def test_a_bandwagon_under_the_merged_label_judges_no_deed_before():
    """PTC's 'Bandwagon,Reductio_ad_hitlerum' span that names no terror is no reductio of the deed before."""
    t = ("Mayor Tomas Berg ordered the names of all protesters to be published. Everyone in town has already signed "
         "the petition against him, one blogger wrote.")
    assert _names(t, "Everyone in town has already signed", "Bandwagon,Reductio_ad_hitlerum") == []


@pytest.mark.parametrize("text, span, technique", [
    ("Not one Polish farmer will ever again be told by a stranger what to plant in his own fields.",
     "Not one Polish farmer will ever again be told by a stranger what to plant", "Flag-Waving"),
    ("The new levy will leave every Danish family poorer by Christmas, the opposition warned.",
     "will leave every Danish family poorer by Christmas", "Appeal_to_fear-prejudice"),
])
def test_a_people_named_after_every_or_no_is_whom_the_span_speaks_for(text, span, technique):
    """'every Danish family', 'Not one Polish farmer': the people a span counts are those it speaks of or for,
    not whom it attacks."""
    assert _names(text, span, technique) == []


@pytest.mark.parametrize("span", ["Eight out of ten Austrians already recycle their batteries",
                                  "Seventy percent of Austrians already recycle their batteries"])
def test_a_share_of_a_people_a_bandwagon_counts_is_no_target(span):
    """'Eight out of ten X', 'Seventy percent of X': the crowd to follow, as 'Most X' is."""
    assert _names(span + ", so why don't you?", span, "Bandwagon,Reductio_ad_hitlerum") == []


def test_the_third_reich_a_reductio_compares_with_is_no_target():
    """The Third Reich is the Nazi terror a reductio recalls; the one whose deed it judges is the target."""
    t = ("Councillor Ruth Amsel wants the names of all landlords published online. The Third Reich kept lists like "
         "that too, a landlord wrote.")
    assert _names(t, "The Third Reich kept lists like that too", "Reductio_ad_hitlerum") == ["Ruth Amsel"]


def test_a_cliche_that_names_no_one_has_no_target():
    """'Boys will be boys' ends a thought; the name that frames it ('Asked about the Hartley scandal') or the
    speaker in an apposition is no one it aims at."""
    t = "Asked about the Hartley hazing scandal, the headmaster, Colin Pryor, said: “Boys will be boys.”"
    assert _names(t, "Boys will be boys.", "Thought-terminating_Cliches") == []


def test_the_outlet_a_statement_appears_in_is_no_target():
    """'..., the columnist wrote in the Irish Times': where the words appear, not whom they attack."""
    t = "Cyclists have turned our city streets into a lawless racetrack, the columnist wrote in the Irish Times."
    assert _names(t, "turned our city streets into a lawless racetrack", "Loaded_Language") == []


def test_a_headline_quote_followed_by_its_speaker_and_a_verb_is_not_aimed_at_the_speaker():
    """'‘A Liar in a Suit’: Brandt Hits Out at Keller': Brandt says it, Keller is whom it is aimed at."""
    t = ("‘A Liar in a Suit’: Brandt Hits Out at Keller\nGreen leader Sabine Brandt told the Bundestag on Thursday "
         "that Finance Minister Otto Keller had misled voters about the deficit.")
    assert _names(t, "A Liar in a Suit") == ["Otto Keller"]


def test_a_doubt_question_naming_no_one_doubts_who_claims_in_the_sentence_before():
    """'X says Y. But who could believe a company that ...?': the doubt is aimed at X, who claims."""
    t = ("Velmar Foods says its baby formula is perfectly safe. But who could believe a firm that hid three recalls "
         "in a decade?")
    assert _names(t, "who could believe a firm that hid three recalls in a decade", "Doubt") == ["Velmar Foods"]


@pytest.mark.parametrize("text, span, names", [
    ("The Halden Port Authority doubled its mooring fees again in May. Its directors are bleeding the fishermen dry, "
     "the cooperative said.", "Its directors are bleeding the fishermen dry", ["Halden Port Authority"]),
    # 'Their' opening the span is left alone as 'They' is: in PTC articles it mostly continues a 'they' of the
    # sentences before ('... they planned a war. Their main weapon ... Their shock troops ...')
    ("The Centre Party promised to save the rural post offices in 2019. Their betrayal of the valley will not be "
     "forgotten, a postmaster said.", "Their betrayal of the valley", []),
])
def test_a_span_opening_with_its_stands_for_the_body_named_before(text, span, names):
    """'*Its directors are ...*' opening both sentence and span: the owner is the body named before, as with an
    'Its' before the span; a 'They' or 'Their' opening the span is still left alone."""
    assert _names(text, span, "Loaded_Language") == names


def test_its_opening_a_sentence_is_the_body_the_sentence_before_opens_with_not_a_place_after_a_preposition():
    """'The World Bank withheld loans from Lima. *Its economists ...*': the body that acts, not the place it
    acts on, as a he/she passes a place named after its person."""
    t = ("The World Bank withheld the flood loans from Lima on Friday. Its economists care more about spreadsheets "
         "than drowned villages, the mayor said.")
    assert _names(t, "Its economists care more about spreadsheets than drowned villages",
                  "Loaded_Language") == ["World Bank"]


def test_a_possessive_after_is_in_a_span_naming_no_one_is_the_one_named_before():
    """'*Every overdose since then is on their hands*': the blame a predicate lays on 'their'/'his' is laid on the
    last body or person named before, as a pronoun before the span would be."""
    t = ("The Harrow Health Board closed the town's only detox clinic in 2022. Every overdose since then is on their "
         "hands, the families said.")
    assert _names(t, "Every overdose since then is on their hands", "Causal_Oversimplification") == [
        "Harrow Health Board"]


def test_a_possessive_in_a_clause_after_is_is_no_blame_on_the_one_named_before():
    """'We know it is wrong because their hatred ...': the 'their' is in a clause of its own, not the owner of
    what 'is' says."""
    t = ("The Halden Port Authority doubled its mooring fees again in May. We know it is spite because their "
         "contempt for the fishermen is old, the cooperative said.")
    assert _names(t, "We know it is spite because their contempt for the fishermen is old", "Loaded_Language") == []


def test_a_doubt_question_put_to_you_is_not_aimed_at_the_claimant_before():
    """'Counsel: Why do your accounts disagree?': the one asked is who the question doubts, not the one before."""
    t = ("Velmar Foods says its baby formula is perfectly safe.\nCounsel: Why do your test results look so "
         "different?")
    assert _names(t, "Why do your test results look so different", "Doubt") == []


def test_a_reductio_judges_the_deed_of_a_sentence_opening_with_a_two_word_title():
    """'Justice Minister X ordered ... *The Gestapo would have been proud of this*': the name after a title of two
    or three words opens the sentence before as well as after 'Mayor'."""
    t = ("Justice Minister Carl Ekberg ordered every teacher to report disloyal pupils. The Gestapo would have been "
         "proud of this, the teachers' union said.")
    assert _names(t, "The Gestapo would have been proud of this", "Reductio_ad_hitlerum") == ["Carl Ekberg"]


def test_a_doubt_question_doubts_a_claimant_whose_name_has_a_relative_clause():
    """'Professor X, whose lab is funded by Y, insists ... *Can we really believe such a man?*': the claimant is X,
    the relative clause between his name and his verb notwithstanding."""
    t = ("Professor Ian Wood, whose laboratory is funded by the sugar industry, insists that sugar is harmless. Can we "
         "really believe such a man?")
    assert _names(t, "Can we really believe such a man?", "Doubt") == ["Ian Wood"]


def test_a_span_that_is_a_relative_clause_is_aimed_at_the_name_it_hangs_on():
    """'..., praised X, *which starved Armenians in Y for nine months*': the clause is pinned on X; the people and
    place inside it are whom X harmed."""
    t = "Three senators praised Azerbaijan, which starved Armenians in Nagorno-Karabakh for nine months."
    assert _names(t, "which starved Armenians in Nagorno-Karabakh for nine months", "Loaded_Language") == [
        "Azerbaijan"]


def test_a_label_in_apposition_is_aimed_at_the_name_before_it():
    """'X, *the Y's loyal lapdog*, buried the story': the appositive labels X, as 'X is the Y's lapdog' does; Y
    owns the noun."""
    t = "The Guardian, the Labour Party's loyal lapdog, buried the story for a week."
    assert _names(t, "the Labour Party's loyal lapdog") == ["Guardian"]


def test_a_subject_with_his_followers_is_the_name_before_and():
    """'X and his donors *have sold out every farmer in Iowa*': the predicate is pinned on X, the one his
    followers belong to."""
    t = "Senator Joe Marsh and his donors have sold out every farmer in Iowa, the flyer said."
    assert _names(t, "have sold out every farmer in Iowa", "Loaded_Language") == ["Joe Marsh"]


def test_mao_is_a_figure_a_reductio_compares_with():
    """'something Mao would have admired': the figure of the communist terror is the benchmark, not the target."""
    t = "Councillor Ada Voss wants every shop to display the council's slogans, something Mao would have admired."
    assert _names(t, "something Mao would have admired", "Reductio_ad_hitlerum") == ["Ada Voss"]


def test_the_history_a_superlative_is_measured_in_is_no_target():
    """'X's amnesty is *the greatest crime in British history*': the people whose history is the scale are no
    target; the subject is."""
    t = "Senator Bill Orr's amnesty is the greatest crime in British history, the columnist wrote."
    assert _names(t, "the greatest crime in British history", "Exaggeration,Minimisation") == ["Bill Orr"]


def test_the_regime_is_the_people_s_state_named_before_not_the_place_of_its_deed():
    """'Syrian troops shelled a hospital in Idlib. *The regime has no shame*': the regime is the Syrians' state, not
    the town where it shelled."""
    t = "Syrian troops shelled a hospital in Idlib on Sunday. The regime has no shame, the rescue workers said."
    assert _names(t, "has no shame", "Loaded_Language") == ["Syrian"]


@pytest.mark.parametrize("text, span, names", [
    ("The IMF says Ghana's economy will recover by 2026. Who could trust a lender that bankrupted Argentina twice?",
     "Who could trust a lender that bankrupted Argentina twice?", ["IMF"]),
    ("The OECD's latest survey says schools in Athens have improved. But who could believe an agency that has never "
     "set foot in a Greek classroom?", "who could believe an agency that has never set foot in a Greek classroom",
     ["OECD"]),
])
def test_a_doubt_question_about_one_that_harmed_others_doubts_the_claimant_before(text, span, names):
    """'X says ... *Who could trust a lender that bankrupted Y twice?*': the names in the relative clause of the
    unnamed one are what it did, not whom the doubt is aimed at; a body's report or survey claims for the body."""
    assert _names(text, span, "Doubt") == names


def test_his_two_sentences_on_is_the_one_person_named_before():
    """'Police arrested former mayor X in Y. His lawyers ... *His years in office ...*': with one person named
    before, his is that person, though the name does not open its sentence."""
    t = ("Police arrested former mayor Tomas Ruiz in Cebu last week. His lawyers asked for bail on Monday. His years "
         "in office were a festival of theft, the prosecutor said.")
    assert _names(t, "His years in office were a festival of theft", "Loaded_Language") == ["Tomas Ruiz"]


def test_a_place_the_subject_of_a_span_acts_on_is_no_target():
    """'*Moscow and Minsk want to starve Ukraine into surrender*': the country the verb acts on is the victim; the
    subjects are aimed at."""
    t = "Moscow and Minsk want to starve Ukraine into surrender, the minister said."
    assert _names(t, "Moscow and Minsk want to starve Ukraine into surrender", "Appeal_to_fear-prejudice") == [
        "Moscow", "Minsk"]


@pytest.mark.parametrize("text, span, names", [
    ("The minister attacked the Guardian again on Friday, calling the newspaper “a mouthpiece for Hamas”.",
     "a mouthpiece for Hamas", ["Guardian"]),
    ("Senator Ana Ortiz on Monday called Governor Luis Pena “a puppet of Havana”.", "a puppet of Havana",
     ["Luis Pena"]),
])
def test_a_label_after_calling_someone_is_aimed_at_the_one_called(text, span, names):
    """'..., calling the newspaper *a mouthpiece for Y*': the label is pinned on the one called (a body's noun
    stands for the body named before), not on Y, whose mouthpiece it is said to be."""
    assert _names(text, span) == names


@pytest.mark.parametrize("text, span, names", [
    ("Moscow accuses Kyiv of censorship while its own courts jail Russian bloggers by the dozen, the Lithuanian "
     "envoy said.", "while its own courts jail Russian bloggers by the dozen", ["Moscow"]),
    ("The European Union scolds Warsaw about judges while its own Parliament is mired in a bribery scandal, the "
     "Polish premier said.", "while its own Parliament is mired in a bribery scandal", ["European Union"]),
    ("The Kremlin preaches family values while their own officials hide mistresses in Dubai, the blogger wrote.",
     "while their own officials hide mistresses in Dubai", ["Kremlin"]),
])
def test_its_own_in_a_span_is_the_body_the_sentence_opens_with(text, span, names):
    """'X scolds Y ... *while its own Z ...*': the whataboutism is held against X, whose own it is, not against a
    name inside the span (Z, a people or a place its own ones act on) nor against Y."""
    assert _names(text, span, "Whataboutism,Straw_Men,Red_Herring") == names


@pytest.mark.parametrize("text, span, names", [
    ("At a rally in Vilnius, opposition leader Tomas Vaitkus called President Ingrida Balt “a Russian asset”.",
     "a Russian asset", ["Ingrida Balt"]),
    ("RT, the Russian state's propaganda arm, aired the interview on Monday, the minister said.",
     "the Russian state's propaganda arm", ["RT"]),
])
def test_a_people_qualifying_a_label_says_whose_agent_the_labelled_one_is(text, span, names):
    """'called X *a Russian asset*', 'X, *the Russian state's propaganda arm*,': the people's name says whose asset
    or arm; the label is pinned on X."""
    assert _names(text, span) == names


def test_a_people_opening_a_clause_span_is_still_the_doer():
    """'*A Russian warship shelled the port*': outside a label the people's name is who acts."""
    t = "A Russian warship shelled the port of Odesa overnight, the navy said."
    assert _names(t, "A Russian warship shelled the port of Odesa overnight", "Loaded_Language") == ["Russian"]


@pytest.mark.parametrize("text, span, names", [
    ("Crowds outside the presidential palace chanted “Death to Ukraine!” after the speech, state media said.",
     "Death to Ukraine!", ["Ukraine"]),
    ("At the rally in Bucharest the crowd chanted “Ciolacu, go home!” for twenty minutes.", "Ciolacu, go home!",
     ["Ciolacu"]),
])
def test_a_slogan_is_aimed_at_whom_its_form_names(text, span, names):
    """'Death to X!', 'X, go home!': the slogan names its target, which the model may leave untagged in a shout."""
    assert _names(text, span, "Slogans") == names


def test_a_body_shouted_in_an_all_capitals_headline_is_named():
    """'NATO WAR MACHINE ROLLS EAST': a body of the outlet list shouted in a capitals headline, which the name step
    drops as shouting, is whom the headline's words are aimed at."""
    t = "NATO WAR MACHINE ROLLS EAST\nThe alliance said on Tuesday it would station more troops in Poland."
    assert _names(t, "WAR MACHINE", "Loaded_Language") == ["NATO"]


@pytest.mark.parametrize("text, span, technique, names", [
    ("Bea Lund's scheme to fingerprint every tenant is just what Stalin did to the Ukrainians, the landlords' "
     "lobby said.", "just what Stalin did to the Ukrainians", "Reductio_ad_hitlerum", ["Bea Lund"]),
    ("Just like the Nazis, Israel is herding people into camps, the speaker said.",
     "Just like the Nazis, Israel is herding people into camps", "Reductio_ad_hitlerum", ["Israel"]),
])
def test_whom_the_figure_of_a_reductio_acted_on_is_no_target(text, span, technique, names):
    """'*just what Stalin did to the Ukrainians*': the people the figure compared with acted on belong to the
    comparison; the one compared is aimed at. A name in another clause ('Just like the Nazis, X is ...') still is."""
    assert _names(text, span, technique) == names


@pytest.mark.parametrize("text, span", [
    ("The Sun's coverage of the trial was the vilest thing ever printed in this country, the singer told CNN.",
     "the vilest thing ever printed in this country"),
    ("This is the most corrupt budget ever presented, the opposition leader said in an interview with Sky News.",
     "the most corrupt budget ever presented"),
])
def test_the_outlet_told_or_interviewing_after_the_span_is_no_target(text, span):
    """'..., the singer told CNN', '... said in an interview with Sky News': whom the words were said to is no
    target of the span before."""
    assert "CNN" not in _names(text, span, "Exaggeration,Minimisation")
    assert "Sky News" not in _names(text, span, "Exaggeration,Minimisation")


@pytest.mark.parametrize("text, span, names", [
    ("Ever since the Bank of Canada slashed interest rates, young Canadians have been priced out of every city, the "
     "columnist argued.", "Ever since the Bank of Canada slashed interest rates, young Canadians have been priced "
     "out of every city", ["Bank of Canada"]),
    ("Because Merkel opened the borders, German women are afraid to walk home at night, the leaflet said.",
     "Because Merkel opened the borders, German women are afraid to walk home at night", ["Merkel"]),
])
def test_a_people_suffering_what_a_named_cause_did_is_no_target(text, span, names):
    """'*Ever since X did Y, Z people suffer*': the span blames the cause its opening clause names; the people its
    main clause says suffer are not aimed at."""
    assert _names(text, span, "Causal_Oversimplification") == names


def test_a_people_acting_in_the_main_clause_after_a_named_cause_is_kept():
    """'Because X did Y, *the Bolsheviks seized ...*': a people the main clause has act is no sufferer."""
    t = "Because Britain closed its ports, the Bolsheviks seized the grain of every village, the historian wrote."
    assert _names(t, "Because Britain closed its ports, the Bolsheviks seized the grain of every village",
                  "Causal_Oversimplification") == ["Britain", "Bolsheviks"]
