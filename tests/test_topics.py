"""Topics of the stored articles: found in their words, stored, and read by the report, the CLI
and the dashboard."""

import datetime as dt
import json
import random

import pytest
from click.testing import CliRunner

from propscope import report
from propscope.cli import main
from propscope.document import Analysis, Article, Sentence
from propscope.store import Store
from propscope.topics import TopicError, find_topics, topic_count

THEMES = {
    "war": "troops missile ceasefire artillery frontline soldiers shelling brigade".split(),
    "vote": "ballot election candidate polling turnout campaign voters parliament".split(),
    "virus": "vaccine hospital infection outbreak doctors patients quarantine epidemic".split(),
}
FILLER = "the of and in to on was were this that with from".split()


def themed(theme: str, i: int) -> str:
    rng = random.Random(f"{theme}{i}")
    words = [rng.choice(THEMES[theme]) if rng.random() < 0.5 else rng.choice(FILLER) for _ in range(80)]
    return " ".join(words).capitalize() + "."


CORPUS = [(f"{theme}-{i}", themed(theme, i)) for theme in THEMES for i in range(12)]


def test_each_article_goes_to_the_topic_of_its_words():
    found = find_topics(lambda: iter(CORPUS), n_topics=3)
    assert len(found.topics) == 3
    topic_of_theme = {}
    for key, _ in CORPUS:
        theme = key.split("-")[0]
        topic, weight = found.assigned[key]
        assert topic_of_theme.setdefault(theme, topic) == topic and 0.5 < weight <= 1
        assert set(found.topics[topic].words[:3]) <= set(THEMES[theme])  # named by its own words
    assert len(set(topic_of_theme.values())) == 3
    assert found.sizes() == {t: 12 for t in topic_of_theme.values()}
    again = find_topics(lambda: iter(CORPUS), n_topics=3)
    assert [t.label for t in again.topics] == [t.label for t in found.topics] and again.assigned == found.assigned


def test_a_large_corpus_is_fitted_on_a_sample_and_every_article_placed():
    calls, placed = [], []
    found = find_topics(lambda: calls.append(1) or iter(CORPUS), n_topics=3, fit_sample=15, chunk=7,
                        progress=placed.append)
    assert len(calls) == 2 and sum(placed) == len(CORPUS) and max(placed) == 7  # read in two passes, in chunks
    assert len(found.assigned) == len(CORPUS)


def test_a_text_without_the_topics_words_gets_no_topic():
    found = find_topics(lambda: iter(CORPUS + [("numbers", "12 345 6789"), ("blank", "   ")]), n_topics=3)
    assert "numbers" not in found.assigned and "blank" not in found.assigned


def test_too_few_articles_or_words_are_clear_errors():
    assert topic_count(12, 30) == 6 and topic_count(12, 3) == 1 and topic_count(4, 1000) == 4
    with pytest.raises(TopicError, match="at least 2 articles"):
        find_topics(lambda: iter([("a", "one lonely article about ballots")]))
    with pytest.raises(TopicError, match="share no words"):
        find_topics(lambda: iter([("a", "2020 2021"), ("b", "the and of 17")]))


def _stored(db_url: str) -> Store:
    store = Store(db_url)
    store.add_articles([Article(key, text, outlet="a.example" if i % 2 else "b.example",
                                published=dt.date(2020, 1 + i % 3, 1)) for i, (key, text) in enumerate(CORPUS)])
    results = []
    for pk, text in store.iter_texts():
        key = next(k for k, t in CORPUS if t == text)
        score = {"war": 0.6, "vote": 0.3, "virus": 0.1}[key.split("-")[0]]
        results.append((pk, Analysis(store.get_article(key), [], [Sentence(0, len(text), score)], score, "m1")))
    store.save_analyses(results)
    return store


def test_the_report_gives_scores_by_topic_once_topics_are_stored(db_url):
    store = _stored(db_url)
    before = report.build(store)
    assert before["by_topic"] == [] and "`propscope topics --db` finds them" in report.to_text(before)
    found = find_topics(store.iter_texts, n_topics=3)
    store.save_topics(found)
    assert [t.label for t in store.load_topics()] == [t.label for t in found.topics]
    rep = report.build(store)
    by_score = {g["key"]: g["mean_score"] for g in rep["by_topic"]}
    war = next(t.label for t in found.topics if set(t.words[:3]) <= set(THEMES["war"]))
    assert by_score[war] == pytest.approx(0.6) and sorted(by_score.values()) == pytest.approx([0.1, 0.3, 0.6])
    assert "By topic" in report.to_text(rep) and war in report.to_text(rep)
    assert f"topic,{war}," in report.to_csv(rep).replace('"', "")
    only_a = report.build(store, outlet="a.example")["by_topic"]
    assert sum(g["articles"] for g in only_a) == 18  # the report's filters hold for topics too
    store.add_articles([Article("late", "An article stored after the topics were found.")])
    late = Analysis(store.get_article("late"), [], [], 0.2, "m1")
    store.save_analyses([(store.pk_of("late"), late)])
    assert report.build(store)["by_topic"][-1] == {**report.build(store)["by_topic"][-1], "key": report.NO_TOPIC,
                                                   "articles": 1}
    store.save_topics(find_topics(store.iter_texts, n_topics=2))  # a second run replaces the first
    assert len(store.load_topics()) == 2
    assert [g["key"] for g in report.build(store)["by_topic"]][-1] == report.NO_TOPIC  # the late one has no topic words
    assert len(report.build(store)["by_topic"]) == 3


def test_cli_topics_finds_stores_and_prints_them(tmp_path):
    db = str(tmp_path / "t.db")
    _stored(db)
    runner = CliRunner()
    out = runner.invoke(main, ["topics", "--db", db, "--topics", "3"])
    assert out.exit_code == 0, out.output
    assert "3 topics in 36 stored articles (0 without one)" in out.output
    assert "0.60" in out.output and "0.10" in out.output
    data = json.loads(runner.invoke(main, ["topics", "--db", db, "--topics", "3", "--format", "json"]).output)
    assert data["placed"] == 36 and sorted(t["articles"] for t in data["topics"]) == [12, 12, 12]
    assert "By topic" in runner.invoke(main, ["report", "--db", db]).output
    label = max(data["topics"], key=lambda t: t["mean_score"])["label"]
    one = json.loads(runner.invoke(main, ["report", "--db", db, "--topic", label, "--format", "json"]).output)
    assert one["articles"] == 12 and [g["key"] for g in one["by_topic"]] == [label]
    assert one["by_topic"][0]["mean_score"] == pytest.approx(0.6)
    wrong = runner.invoke(main, ["report", "--db", db, "--topic", "nope"])
    assert wrong.exit_code == 2 and "no stored topic 'nope'; the topics are:" in wrong.output and label in wrong.output
    search = ["search", "with", "--db", db, "--limit", "100", "--format", "json"]
    every = {h["id"].split("-")[0] for h in json.loads(runner.invoke(main, search).output)}
    hits = json.loads(runner.invoke(main, [*search, "--topic", label]).output)
    assert len(every) == 3 and len(hits) == 12 and len({h["id"].split("-")[0] for h in hits}) == 1
    wrong = runner.invoke(main, [*search, "--topic", "nope"])
    assert wrong.exit_code == 2 and "no stored topic 'nope'" in wrong.output


def test_cli_topics_refuses_an_empty_or_missing_store_in_one_line(tmp_path):
    runner = CliRunner()
    empty = str(tmp_path / "empty.db")
    Store(empty)
    out = runner.invoke(main, ["topics", "--db", empty])
    assert out.exit_code == 1 and "at least 2 articles" in out.output and "propscope ingest" in out.output
    assert "Traceback" not in out.output
    missing = runner.invoke(main, ["topics", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 1 and "no store at" in missing.output


def test_the_dashboard_shows_scores_by_topic(db_url, tiny_model):
    from fastapi.testclient import TestClient

    from propscope.web.app import create_app

    store = _stored(db_url)
    with TestClient(create_app(db=db_url, model=str(tiny_model))) as client:
        assert "No topics yet" in client.get("/dashboard").text
        store.save_topics(find_topics(store.iter_texts, n_topics=3))
        page = client.get("/dashboard").text
        rows = client.get("/dashboard/topics.json").json()["rows"]
        label = rows[0]["topic"]
        listed = client.get("/search", params={"topic": label}).text
        api = client.get("/api/articles", params={"topic": label, "outlet": "a.example"}).json()
        csv_rows = client.get("/search.csv", params={"topic": label}).text.splitlines()
    assert sorted(r["mean_score"] for r in rows) == pytest.approx([0.1, 0.3, 0.6])
    assert "mean article score by topic" in page and all(r["topic"] in page for r in rows)
    assert f'href="/search?topic={label.replace(", ", "%2C+")}"' in page  # a topic's bar lists its articles
    assert f"12 articles on “{label}”" in listed and f'<option value="{label}" selected>' in listed
    assert api["total"] == 6 and len(csv_rows) == 13  # with other filters; header + 12 rows


def test_topics_are_named_by_content_words_in_any_common_language():
    french = [(f"fr-{i}", " ".join(["les", "des", "une", "pour"] * 10 + ["vendanges", "vignoble", "raisin"] * (i + 1)))
              for i in range(6)]
    found = find_topics(lambda: iter(CORPUS + french), n_topics=4)
    wine = found.topics[found.assigned["fr-0"][0]]
    assert set(wine.words[:3]) == {"vendanges", "vignoble", "raisin"}
    assert not {"les", "des", "une", "pour"} & {w for t in found.topics for w in t.words}
