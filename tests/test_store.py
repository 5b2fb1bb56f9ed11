"""The store on SQLite and PostgreSQL: dedup, resumable analysis, search, report, export, migrations."""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from propscope.document import Analysis, Article, Sentence, Span
from propscope.pipeline import analyze_store
from propscope.store import Store, StoreError, text_hash

ARTS = [
    Article("1", "The traitors in Washington lie again.", url="https://a.example/1", outlet="a.example",
            published=dt.date(2020, 1, 5)),
    Article("2", "Weather is mild today across the region.", url="https://b.example/2", outlet="b.example",
            published=dt.date(2020, 2, 1)),
    Article("3", "Liars and traitors everywhere, says the blog.", outlet="a.example", published=dt.date(2020, 2, 9)),
]


def fake_analysis(a: Article, model: str = "m1") -> Analysis:
    i = a.text.find("traitors")
    spans = [Span(i, i + 8, "Name_Calling,Labeling", 0.9, "traitors")] if i >= 0 else []
    j = a.text.find("the blog")
    cited = [{"source": "the blog", "source_start": j, "source_end": j + 8, "cue": "says", "content_start": 0,
              "content_end": j - 7}] if j >= 0 else []
    return Analysis(a, spans, [Sentence(0, len(a.text), 0.8 if spans else 0.1)], 0.8 if spans else 0.1, model,
                    attributions=cited)


class FakeModel:
    def __init__(self, name="m1"):
        self.name = name
        self.calls = 0

    def analyze_batch(self, items):
        self.calls += 1
        return [fake_analysis(a, self.name) for a in items]


def test_duplicates_by_id_url_or_normalised_text(db_url):
    s = Store(db_url)
    assert (s.add_articles(ARTS).new, s.count_articles()) == (3, 3)
    again = [Article("1", "other text"), Article("9", "x", url="https://a.example/1"),
             Article("10", "  the TRAITORS in washington\nlie again. "), Article("11", "Brand new.")]
    r = s.add_articles(again)
    assert (r.new, r.duplicates) == (1, 3)
    assert r.conflicts == ["1"]  # same id, other text: kept the stored one, and said so
    assert s.add_articles(ARTS[:1]).conflicts == []  # the same article again is no conflict
    assert text_hash("A  b") == text_hash("a b")
    got = s.get_article("1")
    assert got.text == ARTS[0].text and got.published == dt.date(2020, 1, 5) and got.outlet == "a.example"


def test_a_copy_fills_in_missing_metadata_and_never_replaces_it(db_url):
    s = Store(db_url)
    s.add_articles([Article("bare", "Harbour plans sink\nThe council voted the plan down."),
                    Article("other", "Another text.", url="https://taken.example/1")])
    copy = Article("copy", "harbour plans  sink\nthe council voted the plan down.", title="Scuttled harbour",
                   outlet="port.example", published=dt.date(2021, 3, 4), url="https://port.example/h")
    r = s.add_articles([copy])
    assert (r.new, r.duplicates, r.filled) == (0, 1, [("bare", ["title", "url", "outlet", "published"])])
    got = s.get_article("bare")
    assert (got.title, got.outlet, got.published, got.url) == ("Scuttled harbour", "port.example",
                                                               dt.date(2021, 3, 4), "https://port.example/h")
    assert s.list_articles(query="scuttled")[0] == 1  # the full-text index knows the new title
    assert s.list_articles(outlet="port.example")[0] == 1
    other = dataclasses.replace(copy, id="x", outlet="elsewhere.example", title="A different headline")
    assert s.put_article(other) == ("bare", False, [])  # a stored value is never replaced
    assert s.get_article("bare").outlet == "port.example"
    s.add_articles([Article("plain", "Plain text, no metadata.")])
    taken = Article("plain", "Plain text, no metadata.", url="https://taken.example/1", language="en")
    assert s.put_article(taken) == ("plain", False, ["language"])  # a URL another article has stays there
    assert s.get_article("plain").url is None


def test_analysis_resumes_and_reanalyzes_on_new_model(db_url):
    s = Store(db_url)
    s.add_articles(ARTS)
    m = FakeModel()
    assert analyze_store(s, m, batch_size=2, sources=False) == 3
    assert analyze_store(s, m, batch_size=2, sources=False) == 0  # nothing left: a rerun is a no-op
    a = s.get_analysis("1")
    assert a.spans[0].text == "traitors" and a.model == "m1" and a.article.id == "1"
    assert analyze_store(s, FakeModel("m2"), sources=False) == 0  # a new version alone does not redo work
    assert analyze_store(s, FakeModel("m2"), reanalyze=True, sources=False) == 3
    assert s.get_analysis("1").model == "m2"
    with s.engine.connect() as conn:  # old spans replaced, not duplicated
        assert conn.execute(sa.text("SELECT count(*) FROM spans")).scalar_one() == 2


def test_interrupted_run_keeps_finished_batches(db_url):
    s = Store(db_url)
    s.add_articles(ARTS)

    class Crashing(FakeModel):
        def analyze_batch(self, items):
            if self.calls == 1:
                raise KeyboardInterrupt
            return super().analyze_batch(items)

    with pytest.raises(KeyboardInterrupt):
        analyze_store(s, Crashing(), batch_size=2, sources=False)
    assert s.count_pending("m1") == 1
    assert analyze_store(s, FakeModel(), batch_size=2, sources=False) == 1


def test_a_failing_article_is_recorded_and_skipped_while_its_batch_is_saved(db_url):
    from propscope import report

    s = Store(db_url)
    s.add_articles(ARTS)

    class Choking(FakeModel):  # a model object with no torch device, raising on one text
        def analyze_batch(self, items):
            if any(a.text.startswith("Weather") for a in items):
                raise ValueError("cannot tokenise this")
            return super().analyze_batch(items)

    seen: list[tuple[str, str]] = []
    assert analyze_store(s, Choking(), batch_size=16, sources=False,
                         on_failure=lambda a, why: seen.append((a.id, why))) == 2
    assert seen == [("2", "ValueError: cannot tokenise this")]
    assert s.get_analysis("1") and s.get_analysis("3") and s.get_analysis("2") is None  # the batch is saved
    assert s.count_pending("m1") == 0  # the failed article no longer blocks the queue
    assert analyze_store(s, Choking(), sources=False) == 0
    assert s.failures() == (1, [{"id": "2", "model": "m1", "reason": "ValueError: cannot tokenise this",
                                 "failed_at": s.failures()[1][0]["failed_at"]}])
    rep = report.build(s)
    assert rep["failed"]["articles"] == 1 and "ValueError: cannot tokenise this" in report.to_text(rep)
    assert s.count_pending("m2") == 1  # another model version tries it again
    assert s.count_pending("m1", retry_failed=True) == 1
    assert analyze_store(s, FakeModel(), sources=False, retry_failed=True) == 1  # fixed: a retry clears it
    assert s.failures()[0] == 0 and s.get_analysis("2").model == "m1"


def test_search_report_and_export(db_url):
    from propscope import export, report

    s = Store(db_url)
    s.add_articles(ARTS)
    analyze_store(s, FakeModel(), sources=False)
    hits = s.search("traitors")
    assert {h["id"] for h in hits} == {"1", "3"}
    assert s.search("traitors", outlet="a.example", technique="Name_Calling,Labeling")[0]["spans"][0]["text"] == "traitors"
    assert s.search("weather", technique="Name_Calling,Labeling") == []
    assert s.search('"; DROP TABLE articles; --') == []  # query syntax cannot escape
    rep = report.build(s)
    outlets = {g["key"]: g for g in rep["by_outlet"]}
    assert outlets["a.example"]["articles"] == 2 and outlets["a.example"]["techniques"] == {"Name_Calling,Labeling": 2}
    assert [g["key"] for g in rep["by_month"]] == ["2020-01", "2020-02"]
    # each outlet's score month by month; a line over time only for an outlet seen in two months or more
    assert [(g["outlet"], g["month"], g["articles"]) for g in rep["by_outlet_month"]] == [
        ("a.example", "2020-01", 1), ("a.example", "2020-02", 1), ("b.example", "2020-02", 1)]
    assert list(report.outlets_over_time([g["key"] for g in rep["by_outlet"]], rep["by_outlet_month"])) == ["a.example"]
    text = report.to_text(rep)
    assert "Outlets over time" in text and "a.example" in text.split("Outlets over time")[1].split("\n")[1]
    assert "\noutlet_month,a.example | 2020-01,1," in report.to_csv(rep)
    assert rep["top_articles"][0]["score"] == 0.8
    assert rep["top_targets"] == []  # the fake analyses name no targets
    assert report.build(s, since=dt.date(2020, 2, 1))["articles"] == 2
    assert "a.example" in report.to_text(rep) and report.to_csv(rep).startswith("group,key")
    assert rep["top_sources_by_outlet"] == {"a.example": [{"source": "the blog", "citations": 1}]}
    assert s.cited_sources()[0] == {"source": "the blog", "citations": 1, "articles": 1, "outlets": {"a.example": 1}}
    rows = "".join(export.export(s.iter_analyses(), "jsonl")).splitlines()
    assert sorted(Analysis.from_json(r).id for r in rows) == ["1", "2", "3"]
    tasks = json.loads("".join(export.export(s.iter_analyses(), "label-studio")))
    result = tasks[0]["predictions"][0]["result"][0]
    assert result["value"]["labels"] == ["Name_Calling,Labeling"] and tasks[0]["data"]["text"] == ARTS[0].text
    assert "".join(export.export(s.iter_analyses(), "ptc")).count("\n") == 2
    assert "".join(export.export(s.iter_analyses(), "csv")).splitlines()[0].startswith("article_id,outlet")


def test_migrations_upgrade_an_old_database_in_place(db_url):
    from propscope.migrations import upgrade

    old = Store(db_url, migrate=False)
    upgrade(old.engine, "0001")  # a database made by the first release
    old.add_articles(ARTS[:1])
    s = Store(db_url)  # opening it upgrades to the newest schema, data kept
    with s.engine.connect() as conn:
        newest = max(p.name[:4] for p in (Path(upgrade.__code__.co_filename).parent / "versions").glob("0*.py"))
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == newest
        assert conn.execute(sa.text("SELECT count(*) FROM attributions")).scalar_one() == 0
    assert s.get_article("1").text == ARTS[0].text
    Store(db_url)  # a second open finds the schema current


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot open database"):
        Store("postgresql://nobody@127.0.0.1:1/none")


def test_corpus_source_tables_leave_out_speakers_that_name_nobody(db_url):
    """An unresolved "he said" means someone on its own page, nobody across a corpus: the most
    cited sources (report and web API) count named sources only; the article keeps them all."""
    s = Store(db_url)
    text = "He said the plan failed. Some argue it works. Dr. Ann Lee said it would. He added more."
    s.add_articles([Article("p", text, outlet="a.example")])

    def cite(source: str, start: int) -> dict:
        return {"source": source, "source_start": start, "source_end": start + len(source), "cue": "said",
                "content_start": 0, "content_end": 5}

    from propscope import report

    cited = [cite("He", 0), cite("Some", 25), cite("Dr. Ann Lee", 46), cite("He", 73)]
    s.save_analyses([(s.pk_of("p"), Analysis(s.get_article("p"), [], [], 0.1, "m1", attributions=cited))])
    assert [c["source"] for c in s.cited_sources()] == ["Dr. Ann Lee"]
    assert report.build(s)["top_sources_by_outlet"] == {"a.example": [{"source": "Dr. Ann Lee", "citations": 1}]}
    assert [a["source"] for a in s.get_analysis("p").attributions] == ["He", "Some", "Dr. Ann Lee", "He"]


def test_the_report_scores_the_entities_technique_spans_target(db_url):
    from propscope import report

    s = Store(db_url)
    s.add_articles([Article(str(i), f"Text {i} about Ruritania and its rulers.") for i in range(3)])

    def on(technique: str, *names: str) -> dict:
        return {"start": 0, "end": 4, "technique": technique,
                "targets": [{"canonical": n, "text": n, "label": "GPE" if n == "Ruritania" else "CARDINAL"} for n in names]}

    targets = {"0": [on("Loaded_Language", "Ruritania"), on("Doubt", "Ruritania", "three")],
               "1": [on("Loaded_Language", "Ruritania")], "2": []}
    scores = {"0": 0.8, "1": 0.4, "2": 0.1}
    s.save_analyses([(s.pk_of(i), Analysis(s.get_article(i), [], [], scores[i], "m1", targets=targets[i]))
                     for i in targets])
    rep = report.build(s)
    assert rep["top_targets"] == [{"entity": "Ruritania", "spans": 3, "articles": 2, "mean_score": 0.6,
                                   "techniques": {"Loaded_Language": 2, "Doubt": 1},
                                   "outlets": {report.NO_OUTLET: 3}}]  # numbers are no target
    assert "Ruritania" in report.to_text(rep) and "Loaded language (2), Doubt (1)" in report.to_text(rep)


def test_corpus_tables_count_one_person_named_three_ways_once(db_url):
    """'President Donald Trump' in one article, 'Donald Trump' and 'Trump' in others: one row in the
    most cited sources (store and report) and in the most targeted entities, and never a place
    merged with a person ('Washington' the city stays apart from 'George Washington')."""
    from propscope import report

    s = Store(db_url)
    s.add_articles([Article(str(i), f"Story {i}.", outlet="a.example") for i in range(3)])

    def cite(source: str) -> dict:
        return {"source": source, "source_start": 0, "source_end": 5, "cue": "said", "content_start": 0, "content_end": 5}

    def on(*named: tuple[str, str]) -> dict:
        return {"start": 0, "end": 5, "technique": "Loaded_Language",
                "targets": [{"canonical": n, "text": n, "label": label} for n, label in named]}

    cited = {"0": [cite("President Donald Trump")], "1": [cite("Donald Trump"), cite("Trump")], "2": [cite("Trump")]}
    targets = {"0": [on(("Donald Trump", "PERSON"), ("George Washington", "PERSON"), ("The White House", "ORG"))],
               "1": [on(("Trump", "PERSON"), ("Washington", "GPE"), ("The Kremlin", "ORG"))], "2": []}
    s.save_analyses([(s.pk_of(i), Analysis(s.get_article(i), [], [], 0.5, "m1", attributions=cited[i], targets=targets[i]))
                     for i in cited])
    assert [(c["source"], c["citations"], c["articles"]) for c in s.cited_sources()] == [("Donald Trump", 4, 3)]
    rep = report.build(s)
    assert rep["top_sources_by_outlet"] == {"a.example": [{"source": "Donald Trump", "citations": 4}]}
    rows = {t["entity"]: (t["spans"], t["articles"]) for t in rep["top_targets"]}
    assert rows == {"Donald Trump": (2, 2), "George Washington": (1, 1), "Washington": (1, 1), "White House": (1, 1),
                    "Kremlin": (1, 1)}  # a name shown without its article is a new row, whatever label comes next


def test_an_article_the_model_could_not_read_counts_in_no_mean_score(db_url):
    """An article in a language the model does not read gets a note and a score of 0 that measured
    nothing: stored without a score, it stays out of the outlet's, month's and entity's means and
    the highest-scoring list, and is listed as analysed but unscored."""
    from propscope import report

    s = Store(db_url)
    french = Article("fr", "Les traîtres mentent encore, dit le blog.", outlet="a.example", published=dt.date(2020, 1, 9))
    s.add_articles([ARTS[0], french])
    unread = Analysis(french, [], [], 0.0, "m1", notes=["Techniques are detected in English only."])
    assert not unread.scored and fake_analysis(ARTS[0]).scored
    s.save_analyses([(s.pk_of("1"), fake_analysis(ARTS[0])), (s.pk_of("fr"), unread)])
    rep = report.build(s)
    outlet = next(g for g in rep["by_outlet"] if g["key"] == "a.example")
    assert outlet["articles"] == 2 and outlet["scored"] == 1 and outlet["mean_score"] == 0.8
    assert [a["id"] for a in rep["top_articles"]] == ["1"]
    rows = {r["id"]: r for r in s.list_articles()[1]}
    assert rows["fr"]["score"] is None and rows["fr"]["model"] == "m1" and rows["1"]["score"] == 0.8
    assert s.get_analysis("fr").notes == unread.notes
    s.save_analyses([(s.pk_of("1"), unread.__class__(ARTS[0], [], [], 0.0, "m1", notes=["x"]))])
    only_unscored = report.build(s, outlet="a.example")
    assert only_unscored["by_outlet"][0]["mean_score"] is None and "  -  " in report.to_text(only_unscored)
    assert "(2 in a language the model does not read: no score" in report.to_text(only_unscored)
    assert "does not read" not in report.to_text(rep | {"by_outlet": [outlet | {"scored": 2}]})


def test_migration_0007_drops_the_score_of_analyses_that_measured_nothing(db_url):
    from propscope.migrations import upgrade

    old = Store(db_url, migrate=False)
    upgrade(old.engine, "0006")
    old.add_articles(ARTS[:2])
    with old.engine.begin() as conn:
        for pk, notes, sentences in ((old.pk_of("1"), ["French"], []), (old.pk_of("2"), [], [[0, 5, 0.0]])):
            conn.execute(sa.text("INSERT INTO analyses (article_pk, model, score, data, analyzed_at) "
                                 "VALUES (:pk, 'm1', 0, :data, :at)"),
                         {"pk": pk, "at": dt.datetime(2020, 1, 1),
                          "data": json.dumps({"spans": [], "sentences": sentences, "score": 0.0, "model": "m1",
                                              "notes": notes})})
    s = Store(db_url)
    scores = {r["id"]: r["score"] for r in s.list_articles()[1]}
    assert scores == {"1": None, "2": 0.0}


def test_the_text_report_names_articles_without_outlet_or_date_in_words(db_url):
    """'unknown' in the outlet column reads as an outlet of that name; CSV and JSON keep the key."""
    from propscope import report

    s = Store(db_url)
    s.add_articles([Article("n1", "Traitors rule the land, the blog says.")])
    analyze_store(s, FakeModel(), sources=False)
    rep = report.build(s)
    assert [g["key"] for g in rep["by_outlet"]] == [report.NO_OUTLET]
    assert [g["key"] for g in rep["by_month"]] == [report.NO_MONTH]
    rows = report.to_text(rep).splitlines()
    outlet_row = rows[rows.index("By outlet") + 2]
    month_row = rows[rows.index("By month") + 2]
    assert outlet_row.split()[:4] == ["(no", "outlet", "given)", "1"]
    assert month_row.split()[:4] == ["(no", "date", "given)", "1"]
    assert "unknown" not in report.to_text(rep).split("Highest-scoring")[0]
    assert f"\noutlet,{report.NO_OUTLET},1," in report.to_csv(rep)


def test_each_group_mean_has_its_95_percent_range_in_every_format(db_url):
    """Three outlets at 23%, 26% and 27% over a few articles each are not told apart: the report
    gives each mean the range it would likely fall in with other articles, where it can say one."""
    from propscope import report

    s = Store(db_url)
    s.add_articles(ARTS)
    analyze_store(s, FakeModel(), sources=False)  # a.example: 0.8 and 0.8; b.example: one article
    rep = report.build(s)
    outlets = {g["key"]: g for g in rep["by_outlet"]}
    assert (outlets["a.example"]["score_low"], outlets["a.example"]["score_high"]) == (0.8, 0.8)  # no spread
    assert outlets["b.example"]["score_low"] is None  # one article: no spread to measure
    months = {g["key"]: g for g in rep["by_month"]}
    assert months["2020-02"]["score_low"] == 0.0 and months["2020-02"]["score_high"] == 1.0  # 0.1 and 0.8: clipped
    text = report.to_text(rep)
    assert "95% range" in text and "0.80-0.80" in text
    assert report.to_csv(rep).splitlines()[0].startswith("group,key,articles,mean_score,score_low,score_high,spans")


def test_the_range_of_a_mean_is_students_t_interval():
    from propscope.report import mean_range

    scores = [0.1, 0.2, 0.3, 0.4]  # mean 0.25, standard error 0.0645; t(0.975, 3 degrees) = 3.182
    low, high = mean_range(len(scores), sum(scores), sum(x * x for x in scores))
    assert low == pytest.approx(0.0446, abs=1e-4) and high == pytest.approx(0.4554, abs=1e-4)
    assert mean_range(1, 0.5, 0.25) is None
    wide = mean_range(40, 40 * 0.25, 40 * (0.25 ** 2 + 0.0125))  # more articles, same spread: a narrower range
    assert wide[1] - wide[0] < high - low


def test_each_targeted_entity_says_which_outlets_aim_at_it(db_url):
    """Who targets whom: the spans aimed at an entity, counted by the outlet of their article, under
    one name however articles spell it; the text report lists them unless one outlet is asked for."""
    from propscope import report

    s = Store(db_url)
    s.add_articles([Article("1", "One.", outlet="north.example"), Article("2", "Two.", outlet="north.example"),
                    Article("3", "Three.", outlet="south.example")])

    def on(name: str) -> dict:
        return {"start": 0, "end": 3, "technique": "Doubt", "targets": [{"canonical": name, "text": name,
                                                                          "label": "PERSON"}]}

    targets = {"1": [on("Mayor Ana Ruiz"), on("Ruiz")], "2": [on("Ruiz")], "3": [on("Ana Ruiz")]}
    s.save_analyses([(s.pk_of(i), Analysis(s.get_article(i), [], [], 0.5, "m1", targets=t)) for i, t in targets.items()])
    rep = report.build(s)
    assert [(t["entity"], t["outlets"]) for t in rep["top_targets"]] == [
        ("Ana Ruiz", {"north.example": 3, "south.example": 1})]
    assert "in: north.example (3), south.example (1)" in report.to_text(rep)
    assert "in: " not in report.to_text(report.build(s, outlet="south.example"))


def test_a_surname_the_article_links_to_its_person_is_counted_as_that_person(db_url):
    """'Strand said' after 'Interior Minister Pavel Strand' was counted as a source 'Strand' of
    its own, since across a corpus a surname two people share stays apart from both: the minister
    had two rows. The article's own link (the attribution's entity) now names the person; a source
    that holds the name keeps its words, and a link to another last word is not trusted."""
    s = Store(db_url)
    s.add_articles([Article("m", "Story.", outlet="a.example"), Article("g", "Other.", outlet="b.example")])
    people = [{"start": 0, "end": 5, "text": "Nadia Vos", "label": "PERSON", "entity_id": 4, "canonical": "Nadia Vos"},
              {"start": 0, "end": 5, "text": "Ruben Vos", "label": "PERSON", "entity_id": 5, "canonical": "Ruben Vos"},
              {"start": 0, "end": 5, "text": "Harbour Board", "label": "ORG", "entity_id": 6,
               "canonical": "Harbour Board"}]

    def cite(source: str, entity_id: int | None) -> dict:
        return {"source": source, "source_start": 0, "source_end": 5, "cue": "said", "content_start": 0,
                "content_end": 5, "entity_id": entity_id}

    first = [cite("Deputy Mayor Nadia Vos", 4), cite("Vos", 4), cite("Vos", 4), cite("Board", 6), cite("Kim", 5)]
    s.save_analyses([(s.pk_of("m"), Analysis(s.get_article("m"), [], [], 0.2, "m1", attributions=first,
                                             entities=people)),
                     (s.pk_of("g"), Analysis(s.get_article("g"), [], [], 0.2, "m1",
                                             attributions=[cite("Ruben Vos", 5)], entities=people))])
    rows = {c["source"]: c["citations"] for c in s.cited_sources()}
    assert rows == {"Nadia Vos": 3, "Ruben Vos": 1, "Board": 1, "Kim": 1}  # one row, its commonest spelling
    assert [a["source"] for a in s.get_analysis("m").attributions][:2] == ["Deputy Mayor Nadia Vos", "Vos"]
