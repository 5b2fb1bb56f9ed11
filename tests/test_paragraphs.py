"""SemEval-2023 subtask 3: paragraph rows from spans, the official scorer's micro/macro-F1 pinned on
hand-made rows, `analyze --format paragraphs`, `evaluate --taxonomy semeval2023` and mapped analyses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from propscope import paragraphs
from propscope.cli import main
from propscope.document import Analysis, Article, Sentence, Span

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "semeval2023_task3" / "data" / "en"


def test_paragraphs_are_non_blank_newline_lines_numbered_from_one():
    text = "Title\n\nFirst para.\r\n   \nLast"
    assert paragraphs.paragraphs(text) == [(1, 0, 5), (3, 7, 19), (5, 24, 28)]  # the \r stays with its line


def test_a_paragraph_carries_the_techniques_of_overlapping_spans():
    text = "Title\n\nOne two three.\nFour five."
    spans = [Span(7, 10, "Doubt", 0.9), Span(11, 27, "Loaded_Language", 0.8),  # the second crosses into line 4
             Span(5, 7, "Slogans", 0.5),  # only the newlines between lines 1 and 3: no paragraph
             Span(8, 12, "Doubt", 0.4)]
    assert paragraphs.paragraph_labels(text, spans) == [(1, []), (3, ["Doubt", "Loaded_Language"]),
                                                        (4, ["Loaded_Language"])]
    rows = "".join(paragraphs.format_rows("123", paragraphs.paragraph_labels(text, spans)))
    assert rows == "123\t1\t\n123\t3\tDoubt,Loaded_Language\n123\t4\tLoaded_Language\n"


def test_rows_parse_as_the_official_scorer_reads_them():
    rows = paragraphs.parse_rows(["1\t1\t", "1\t3\tA,B", "1\t5", "", "1\t3\tC"])
    assert rows == {("1", 1): [], ("1", 3): ["C"], ("1", 5): []}  # a repeated row replaces the earlier one
    with pytest.raises(ValueError, match="x:1: expected"):
        paragraphs.parse_rows(["just one column"], "x")
    with pytest.raises(ValueError, match="not a number"):
        paragraphs.parse_rows(["1\tone\tA"])


# Hand computation (classes A, B, C, D):
#   A: tp 1 (r1), fp 1 (r3), fn 1 (r2) -> F1 2/4 = 0.5
#   B: tp 1, fp 0, fn 0 -> 1;  C: tp 0, fp 1 -> 0;  D: nowhere -> 1 (zero_division=1)
#   micro: tp 2, fp 2, fn 1 -> 4/7;  macro: (0.5 + 1 + 0 + 1) / 4 = 0.625
GOLD = {("1", 1): ["A"], ("1", 2): ["A", "B"], ("2", 1): []}
PRED = {("1", 1): ["A"], ("1", 2): ["B", "C"], ("2", 1): ["A"]}


def test_micro_and_macro_f1_as_the_official_scorer():
    s = paragraphs.score(PRED, GOLD, ["A", "B", "C", "D"])
    assert s.micro_f1 == pytest.approx(4 / 7) and s.macro_f1 == pytest.approx(0.625)
    assert (s.micro.precision, s.micro.recall) == (0.5, pytest.approx(2 / 3))
    a = s.per_technique["A"]
    assert (a.precision, a.recall, a.f1, a.predicted, a.gold) == (0.5, 0.5, 0.5, 2, 2)
    assert s.per_technique["C"].f1 == 0 and s.per_technique["D"].f1 == 1
    assert paragraphs.score({k: [] for k in GOLD}, {k: [] for k in GOLD}, ["A"]).micro_f1 == 1  # 0/0 counts as 1


def test_predictions_must_have_exactly_the_gold_rows_and_known_techniques():
    with pytest.raises(ValueError, match=r"1 missing \(2:1\), 1 not in the gold \(3:1\)"):
        paragraphs.score({**{k: v for k, v in PRED.items() if k != ("2", 1)}, ("3", 1): []}, GOLD, "ABCD")
    with pytest.raises(ValueError, match="not in the taxonomy: Zed"):
        paragraphs.score({**PRED, ("1", 1): ["Zed"]}, GOLD, "ABCD")


def test_evaluate_prints_paragraph_micro_and_macro_f1(tmp_path):
    gold = tmp_path / "gold.txt"
    pred = tmp_path / "pred.txt"
    gold.write_text("1\t1\tLoaded_Language\n1\t3\tLoaded_Language,Doubt\n2\t1\t\n", encoding="utf-8")
    pred.write_text("1\t1\tLoaded_Language\n1\t3\tDoubt,Slogans\n2\t1\tLoaded_Language\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "--taxonomy", "semeval2023", "--gold", str(gold), "--pred", str(pred),
                                  "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    # as the A/B/C rows above with 20 more techniques nowhere: macro (0.5 + 1 + 0 + 20) / 23
    assert data["micro_f1"] == pytest.approx(4 / 7) and data["macro_f1"] == pytest.approx(21.5 / 23)
    text = CliRunner().invoke(main, ["evaluate", "--taxonomy", "semeval2023", "--gold", str(gold), "--pred", str(pred)])
    assert "micro-F1 0.5714  macro-F1 0.9348" in text.output and "Loaded language" in text.output
    pred.write_text("1\t1\tLoaded_Language\n", encoding="utf-8")
    bad = CliRunner().invoke(main, ["evaluate", "--taxonomy", "semeval2023", "--gold", str(gold), "--pred", str(pred)])
    assert bad.exit_code == 1 and "2 missing" in bad.output and "Traceback" not in bad.output


class SpanModel:
    """A stand-in model: spans wherever its words occur, so rows can be checked by hand."""

    name, taxonomy = "hand-1", "semeval2023"
    timings: dict = {}

    class device:  # noqa: N801  (quacks like torch.device)
        type = "cpu"

    def __init__(self, words: dict[str, str]):
        self.words = words

    def analyze_batch(self, items):
        out = []
        for a in items:
            spans = [Span(a.text.index(w), a.text.index(w) + len(w), t, 0.9, w) for w, t in self.words.items()
                     if w in a.text]
            out.append(Analysis(a, spans, [Sentence(0, len(a.text), 0.5)], 0.5, self.name, taxonomy=self.taxonomy))
        return out


def test_analyze_format_paragraphs_prints_one_row_per_non_empty_line(tmp_path, monkeypatch):
    from propscope import cli

    text = ("Crooked elites lie again\n\nThe corrupt and lying elites want you scared of the outbreak today.\n\n"
            "The weather report for the coming week was published on Monday morning by the office.\n")
    (tmp_path / "article123.txt").write_text(text, encoding="utf-8")
    model = SpanModel({"lying elites": "Name_Calling-Labeling", "scared": "Appeal_to_Fear-Prejudice",
                       "Crooked": "Loaded_Language"})
    monkeypatch.setattr(cli, "_load_model", lambda *a: model)
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "article123.txt"), "--format", "paragraphs"])
    assert r.exit_code == 0, r.output
    assert r.stdout == ("123\t1\tLoaded_Language\n123\t3\tName_Calling-Labeling,Appeal_to_Fear-Prejudice\n"
                        "123\t5\t\n")


def test_mapped_analysis_takes_each_techniques_first_semeval2023_target():
    from propscope import registry, taxonomy

    text = "What about their own crimes? Everyone knows it."
    a = Analysis(Article("m", text), [Span(0, 27, "Whataboutism,Straw_Men,Red_Herring", 0.6),
                                      Span(29, 47, "Bandwagon,Reductio_ad_hitlerum", 0.5),
                                      Span(0, 4, "Thought-terminating_Cliches", 0.4)], [], 0.5, "fast-1234")
    mapped = registry.map_analysis(a, taxonomy.mapping("ptc14", "semeval2023"), "fast-1234-mapped-semeval2023")
    assert [s.technique for s in mapped.spans] == ["Red_Herring", "Guilt_by_Association", "Conversation_Killer"]
    assert (mapped.taxonomy, mapped.model) == ("semeval2023", "fast-1234-mapped-semeval2023")
    assert [s.score for s in mapped.spans] == [0.6, 0.5, 0.4] and a.taxonomy == "ptc14"  # the original is untouched


@pytest.mark.slow
def test_analyze_taxonomy_semeval2023_maps_the_ptc14_model(tiny_model, tmp_path):
    from propscope.taxonomy import SEMEVAL2023

    (tmp_path / "a.txt").write_text("The corrupt elites lie to you every day, wake up!\n\nNothing more.", encoding="utf-8")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.txt"), "--model", str(tiny_model), "--taxonomy",
                                  "semeval2023", "--format", "json"])
    assert r.exit_code == 0, r.output
    a = json.loads(r.stdout)
    assert a["taxonomy"] == "semeval2023" and a["model"].endswith("-mapped-semeval2023") and a["spans"]
    assert {s["technique"] for s in a["spans"]} <= set(SEMEVAL2023.names)
    assert "Whataboutism" in CliRunner().invoke(main, ["analyze", "--help"]).output  # the split rule is documented


@pytest.mark.data
def test_spans_reproduce_the_official_english_paragraph_gold():
    """Every English row but one (729410793 line 18 has no supporting span, PROVENANCE.md)."""
    from propscope.ptc import read_articles_dir, read_labels
    from propscope.taxonomy import SEMEVAL2023

    gold = paragraphs.read_rows(DATA / "train-labels-subtask-3.txt")
    texts = read_articles_dir(DATA / "train-articles-subtask-3")
    spans = [x for f in sorted((DATA / "train-labels-subtask-3-spans").glob("*.txt")) for x in read_labels(f)]
    derived = paragraphs.rows_from_spans(texts, spans)
    assert set(derived) == set(gold) and len(gold) == 7895
    assert [k for k in gold if sorted(gold[k]) != sorted(derived[k])] == [("729410793", 18)]
    # the trivial baseline: Loaded_Language on every paragraph
    base = paragraphs.score({k: ["Loaded_Language"] for k in gold}, gold, SEMEVAL2023.names)
    assert round(base.micro_f1, 4) == 0.2418 and round(base.macro_f1, 4) == 0.1882
