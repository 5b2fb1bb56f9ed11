"""Other languages: the span taggers look for techniques in English only; a French, German or
Russian text says so (stderr and the Analysis), names the model that reads it (``ngram``), and
still gets sources and reuse."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from propscope import language
from propscope.cli import main

FR = ("Les élites mondialistes veulent détruire notre pays et nos traditions. Le ministre a déclaré mardi "
      "que la réforme serait adoptée avant l'été, malgré la colère des syndicats.")
DE = ("Die Regierung belügt uns seit Jahren, und die Medien schweigen dazu. Angela Merkel sagte am Montag in "
      "Berlin, die Reform werde noch vor dem Sommer beschlossen.")
RU = ("Правительство снова лжёт нам, а продажные СМИ молчат. Министр заявил во вторник, что реформа будет "
      "принята до лета, несмотря на протесты профсоюзов.")
EN = "The corrupt elites lie to you every day. The minister said on Tuesday that the reform would pass."


@pytest.mark.parametrize(("text", "code"), [(FR, "fr"), (DE, "de"), (RU, "ru"), (EN, "en")])
def test_detects_the_language(text, code):
    assert language.detect(text) == code


def test_short_or_unclear_text_counts_as_english_unless_declared():
    assert language.detect("Hello") is None and language.techniques_apply(language.detect("Hello"))
    assert language.detect("Bonjour", declared="fr-FR") == "fr"
    assert language.detect(EN, declared="fr") == "en"  # a sure detection beats a wrong declaration


class CountingModel:
    """Records which texts reach the model; English ones get one span."""

    name, timings = "count-1", {}

    class config:  # noqa: N801
        taxonomy = "ptc14"

    class device:  # noqa: N801
        type = "cpu"

    def __init__(self):
        self.seen: list[str] = []

    def analyze_batch(self, items):
        from propscope.document import Analysis, Span

        self.seen += [a.id for a in items]
        return [Analysis(a, [Span(4, 11, "Loaded_Language", 0.9, a.text[4:11])], [], 0.5, self.name) for a in items]


def test_non_english_texts_skip_the_model_and_say_why():
    from propscope.document import Article
    from propscope.pipeline import analyze_batch

    model = CountingModel()
    out = analyze_batch([Article("fr", FR), Article("en", EN), Article("ru", RU)], model)
    assert model.seen == ["en"]
    assert [a.language for a in out] == ["fr", "en", "ru"] and [len(a.spans) for a in out] == [0, 1, 0]
    assert "detects techniques only in English" in out[0].notes[0] and "French (fr)" in out[0].notes[0]
    assert not out[1].notes
    assert out[2].model == "count-1" and out[2].taxonomy == "ptc14"


def test_cli_says_so_in_one_line_and_still_finds_sources(tmp_path, monkeypatch):
    from propscope import cli

    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    model = CountingModel()
    monkeypatch.setattr(cli, "_load_model", lambda *a: model)
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "de.txt"), "--format", "json", "--sources"])
    assert r.exit_code == 0, r.output
    assert [line for line in r.stderr.splitlines() if "only in English" in line] == [
        "propscope: de: this model detects techniques only in English; this text reads as German (de), so it has no "
        "technique spans (sources and reuse still apply); for German, the ngram model gives paragraph labels "
        "(`--model ngram`)"]
    a = json.loads(r.stdout)
    assert a["language"] == "de" and a["spans"] == [] and model.seen == []
    assert any("Merkel" in e["text"] for e in a["entities"])  # sources ran


def test_cli_prints_a_note_once_and_counts_the_articles_that_repeat_it(tmp_path, monkeypatch):
    """Three German articles printed the same note three times (a folder of 300, 300 times): the
    note shows once with the first article, then one line counts the rest; each analysis keeps it."""
    from propscope import cli

    for name in ("de1", "de2", "de3"):
        (tmp_path / f"{name}.txt").write_text(DE.replace("Merkel", f"Merkel {name}"), encoding="utf-8")
    monkeypatch.setattr(cli, "_load_model", lambda *a: CountingModel())
    r = CliRunner().invoke(main, ["analyze", str(tmp_path), "--format", "json"])
    assert r.exit_code == 0, r.output
    lines = [line for line in r.stderr.splitlines() if "only in English" in line]
    assert len(lines) == 2 and lines[0].startswith("propscope: de1: this model detects")
    assert lines[1].startswith("propscope: 2 more articles had the note: this model detects techniques only in English")
    assert all("only in English" in json.loads(row)["notes"][0] for row in r.stdout.splitlines())


def test_reuse_still_runs_on_other_languages(tmp_path):
    shared = RU + " " + RU
    (tmp_path / "a.txt").write_text("Первая статья. " + shared, encoding="utf-8")
    (tmp_path / "b.txt").write_text(shared + " Конец второй статьи.", encoding="utf-8")
    r = CliRunner().invoke(main, ["reuse", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["passages"]
