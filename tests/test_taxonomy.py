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
