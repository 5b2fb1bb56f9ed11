"""Taxonomies are data: the shipped PTC-14 and SemEval-2023 files, their mapping, and a taxonomy
added from a file alone, seen by the CLI, the web app and the Label Studio export."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from propscope import taxonomy
from propscope.cli import main
from test_web import _contrast, _lab

SCORER_LIST = (Path(__file__).resolve().parents[2] / "shared" / "data" / "semeval2023_task3" / "scorers"
               / "techniques_subtask3.txt")


@pytest.mark.parametrize("name", ["ptc14", "semeval2023"])
def test_colours_of_every_shipped_taxonomy_are_readable_and_distinct(name):
    tax = taxonomy.load(name)
    for t in tax:
        assert _contrast("#1a1a1a", t.colour) >= 7, f"{t.display}: label text on {t.colour} fails WCAG AAA"
        _, a, b = _lab(t.colour)
        assert math.hypot(a, b) >= 25, f"{t.display}: {t.colour} is greyish and looks disabled"
        assert t.short and len(t.short) <= 14
        assert t.definition.endswith(".") and len(t.definition) > 40
        assert tax.group(t.group) is not None, f"{t.name}: no group"
    for s, t in itertools.combinations(tax, 2):
        assert math.dist(_lab(s.colour), _lab(t.colour)) >= 20, f"{s.display} and {t.display} look alike"


def test_a_name_in_two_taxonomies_has_one_colour():
    """Pages colour spans by name alone (techniques.css): a shared name must not clash."""
    ptc = {t.name: t.colour for t in taxonomy.PTC14}
    shared = [t for t in taxonomy.SEMEVAL2023 if t.name in ptc]
    assert len(shared) == 6
    assert all(ptc[t.name] == t.colour for t in shared)


def test_semeval2023_has_23_techniques_in_six_groups():
    tax = taxonomy.load("semeval2023")
    assert len(tax) == 23 and tax.unit == "paragraph"
    assert [g.display for g in tax.groups] == ["Attack on reputation", "Justification", "Simplification",
                                               "Distraction", "Call", "Manipulative wording"]
    assert {t.group for t in tax} == {g.name for g in tax.groups}
    assert taxonomy.display("False_Dilemma-No_Choice", "semeval2023") == "False dilemma / no choice"
    assert taxonomy.resolve("conversation killer", "semeval2023") == "Conversation_Killer"


@pytest.mark.data
def test_semeval2023_names_are_the_scorer_names():
    assert sorted(taxonomy.SEMEVAL2023.names) == sorted(SCORER_LIST.read_text().split())


def test_ptc14_keeps_its_public_names():
    assert taxonomy.PTC14_NAMES[0] == "Appeal_to_Authority" and len(taxonomy.PTC14_NAMES) == 14
    assert taxonomy.TAXONOMIES["ptc14"] is taxonomy.PTC14
    assert taxonomy.get("Loaded_Language").colour == "#ffe066"
    assert taxonomy.label("Thought-terminating_Cliches") == "cliché"
    assert taxonomy.get("Nonexistent_Thing").display == "Nonexistent Thing"  # unknown: neutral, never an error
    # a name only SemEval-2023 has is still found without naming the taxonomy
    assert taxonomy.get("Appeal_to_Hypocrisy").display == "Appeal to hypocrisy"


def test_mapping_ptc14_to_semeval2023():
    m = taxonomy.mapping("ptc14", "semeval2023")
    assert set(m.map) == set(taxonomy.PTC14_NAMES)
    assert m.targets("Whataboutism,Straw_Men,Red_Herring") == ("Red_Herring", "Appeal_to_Hypocrisy", "Whataboutism",
                                                                 "Straw_Man")
    assert m.targets("Bandwagon,Reductio_ad_hitlerum") == ("Guilt_by_Association", "Appeal_to_Popularity")
    assert m.first("Black-and-White_Fallacy") == "False_Dilemma-No_Choice"
    assert m.first("Thought-terminating_Cliches") == "Conversation_Killer"
    # split classes list their targets most frequent first, as the evidence counted them
    for name, targets in m.map.items():
        counts = [m.evidence[name][t] for t in targets]
        assert counts == sorted(counts, reverse=True), name
    mapped = {t for ts in m.map.values() for t in ts}
    assert mapped | set(m.unmapped) == set(taxonomy.SEMEVAL2023.names)


def test_unknown_taxonomy_lists_the_choices():
    with pytest.raises(taxonomy.TaxonomyError, match="ptc14, semeval2023"):
        taxonomy.load("ptc15")
    with pytest.raises(taxonomy.TaxonomyError):
        taxonomy.load("../etc/passwd")


TOY = {
    "name": "toy",
    "title": "Toy taxonomy",
    "description": "Two techniques, for tests.",
    "groups": [{"name": "g", "display": "Group G"}],
    "techniques": [
        {"name": "Toy_Shouting", "display": "Shouting", "definition": "Writing in capitals to sound louder.",
         "colour": "#ffe066", "short": "shout", "group": "g"},
        {"name": "Toy_Whisper", "display": "Whispering", "definition": "Hinting instead of saying.",
         "colour": "#96ece5", "group": "g"},
    ],
}


@pytest.fixture()
def toy_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "taxonomies"
    folder.mkdir()
    (folder / "toy.json").write_text(json.dumps(TOY), encoding="utf-8")
    monkeypatch.setenv(taxonomy.ENV, str(folder))
    return folder


def test_a_taxonomy_file_in_the_extra_folder_is_loaded(toy_folder):
    assert taxonomy.available() == ["ptc14", "semeval2023", "toy"]
    toy = taxonomy.load("toy")
    assert toy.names == ("Toy_Shouting", "Toy_Whisper") and toy.group("g").display == "Group G"
    assert taxonomy.resolve("whispering", "toy") == "Toy_Whisper"


def test_an_extra_folder_cannot_replace_a_builtin_taxonomy(toy_folder):
    (toy_folder / "ptc14.json").write_text(json.dumps({**TOY, "name": "ptc14"}), encoding="utf-8")
    assert len(taxonomy.load("ptc14")) == 14


def test_a_broken_taxonomy_file_is_one_clear_error(toy_folder):
    (toy_folder / "bad.json").write_text('{"techniques": [{"name": "X", "colour": "red"}]}', encoding="utf-8")
    with pytest.raises(taxonomy.TaxonomyError, match=r"bad\.json: X: colour 'red'"):
        taxonomy.load("bad")
    result = CliRunner().invoke(main, ["techniques", "--taxonomy", "bad"])
    assert result.exit_code == 1 and "colour 'red'" in result.output and "Traceback" not in result.output


def test_a_toy_taxonomy_from_data_alone_shows_in_the_cli_the_web_and_the_export(toy_folder, tiny_model, tmp_path):
    from fastapi.testclient import TestClient

    from propscope.web.app import create_app

    runner = CliRunner()
    listed = runner.invoke(main, ["techniques", "--taxonomy", "toy"])
    assert listed.exit_code == 0 and "Shouting  [Toy_Shouting]" in listed.output and "== Group G" in listed.output
    assert json.loads(runner.invoke(main, ["techniques", "--taxonomy", "toy", "--format", "json"]).output)[1][
        "definition"] == "Hinting instead of saying."
    config = runner.invoke(main, ["export", "--format", "label-studio-config", "--taxonomy", "toy"]).output
    assert '<Label value="Toy_Shouting" background="#ffe066"' in config and "PTC" not in config
    assert "Loaded_Language" not in config
    with TestClient(create_app(db=f"sqlite:///{tmp_path / 'w.db'}", model=str(tiny_model))) as c:
        assert [t["display"] for t in c.get("/api/techniques", params={"taxonomy": "toy"}).json()] == ["Shouting",
                                                                                                     "Whispering"]
        assert len(c.get("/api/techniques").json()) == 14  # the served model's own taxonomy
        assert c.get("/api/techniques", params={"taxonomy": "nope"}).status_code == 422
        assert '[data-t="Toy_Whisper"]{--c:#96ece5}' in c.get("/techniques.css").text


def test_unknown_taxonomy_is_one_error_line_everywhere():
    runner = CliRunner()
    for args in (["techniques", "--taxonomy", "nope"], ["export", "--format", "label-studio-config", "--taxonomy", "x"],
                 ["analyze", "-", "--taxonomy", "nope"]):
        r = runner.invoke(main, args, input="text")
        assert r.exit_code == 1 and "unknown taxonomy" in r.output and "Traceback" not in r.output, args


def test_semeval2023_label_studio_config():
    from propscope.export import label_studio_config

    config = label_studio_config("semeval2023")
    assert config.count("<Label ") == 23 and 'value="Appeal_to_Hypocrisy"' in config and 'hint="Attacking' in config


def test_the_store_keeps_each_span_taxonomy_and_the_analysis_fields(db_url):
    import sqlalchemy as sa

    from propscope.document import Analysis, Article, Span
    from propscope.store import Store, spans

    s = Store(db_url)
    text = "Everybody agrees: the crooks must go."
    s.add_articles([Article("a", text), Article("b", "Les escrocs doivent partir, tout le monde le sait bien.")])
    a = Analysis(Article("a", text), [Span(0, 16, "Appeal_to_Popularity", 0.7, text[:16])], [], 0.7, "m-mapped-semeval2023",
                 taxonomy="semeval2023", language="en")
    b = Analysis(s.get_article("b"), [], [], 0.0, "m", language="fr", notes=["techniques are only detected in English"])
    s.save_analyses([(s.pk_of("a"), a), (s.pk_of("b"), b)])
    with s.engine.connect() as conn:
        assert conn.execute(sa.select(spans.c.technique, spans.c.taxonomy)).all() == [("Appeal_to_Popularity",
                                                                                       "semeval2023")]
    back = s.get_analysis("a")
    assert (back.taxonomy, back.language, back.spans[0].technique) == ("semeval2023", "en", "Appeal_to_Popularity")
    assert s.get_analysis("b").notes == ["techniques are only detected in English"]
    assert s.search("agrees", technique="Appeal_to_Popularity")[0]["spans"][0]["taxonomy"] == "semeval2023"


def test_analysis_json_round_trip_keeps_taxonomy_language_and_notes():
    from propscope.document import Analysis, Article

    a = Analysis(Article("x", "t"), [], [], 0.0, "m", taxonomy="semeval2023", language="de", notes=["n"])
    back = Analysis.from_json(a.to_json())
    assert (back.taxonomy, back.language, back.notes) == ("semeval2023", "de", ["n"])
    old = json.loads(a.to_json())
    for k in ("taxonomy", "language", "notes"):
        del old[k]
    assert Analysis.from_dict(old).taxonomy == "ptc14"  # analyses saved before taxonomies were recorded


def test_html_report_names_spans_in_their_own_taxonomy():
    from propscope.document import Analysis, Article, Span
    from propscope.report_html import render

    text = "They are no better: remember what they did in 2015."
    a = Analysis(Article("h", text), [Span(0, 18, "Appeal_to_Hypocrisy", 0.8, text[:18])], [], 0.5, "m",
                 taxonomy="semeval2023")
    out = render([a])
    assert ">hypocrisy</span>" in out and "tu quoque" in out
    assert '"name": "Appeal_to_Hypocrisy"' in out  # the reading script gets SemEval-2023 definitions


def test_techniques_semeval2023_lists_groups_definitions_and_the_mapping():
    r = CliRunner().invoke(main, ["techniques", "--taxonomy", "semeval2023"])
    assert r.exit_code == 0
    assert r.output.count("  [") == 23 and r.output.count("\n== ") == 6
    assert "Straw man  [Straw_Man]" in r.output and "from ptc14: Whataboutism,Straw_Men,Red_Herring" in r.output
    assert "no ptc14 technique maps to Appeal_to_Time" in r.output
    ptc = CliRunner().invoke(main, ["techniques"]).output
    assert "maps to semeval2023: Red_Herring, Appeal_to_Hypocrisy, Whataboutism, Straw_Man" in ptc
    data = json.loads(CliRunner().invoke(main, ["techniques", "--taxonomy", "semeval2023", "--format", "json"]).output)
    assert len(data) == 23 and data[0]["group"] == "attack_on_reputation"
    assert data[0]["mapping"] == {"ptc14": ["Name_Calling,Labeling"]}
