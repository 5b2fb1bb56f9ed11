"""The command line, run as a user runs it, on the tiny untrained model."""

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from propscope.cli import main
from propscope.document import Analysis


@pytest.fixture()
def run(tiny_model):
    def _run(*args, input=None):
        args = [str(a) for a in args]
        if args and args[0] in ("analyze", "classify-spans", "evaluate") and "--model" not in args:
            args += ["--model", str(tiny_model)]
        return CliRunner().invoke(main, args, input=input, catch_exceptions=False)

    return _run


@pytest.fixture()
def corpus(tmp_path, sample_text):
    (tmp_path / "article111.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / "story.txt").write_text("A plain report on the weather.\nIt rained.", encoding="utf-8")
    return tmp_path


def test_text_format_lists_spans_with_quotes(run, corpus):
    r = run("analyze", corpus / "article111.txt")
    assert r.exit_code == 0
    assert r.output.startswith("== 111\n")
    assert "article score" in r.output and '"' in r.output


def test_json_format_is_one_analysis_per_line(run, corpus, sample_text):
    r = run("analyze", corpus, "--format", "json")
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert [row["id"] for row in rows] == ["111", "story"]
    for row in rows:
        assert {"id", "spans", "sentences", "score", "model"} <= set(row)
        a = Analysis.from_dict(row)
        a.validate()
    assert rows[0]["article"]["text"] == sample_text


def test_int8_flag_records_the_quantised_model(run, corpus):
    r = run("analyze", corpus / "story.txt", "--format", "json", "--int8")
    assert r.exit_code == 0
    assert json.loads(r.output)["model"].endswith("-int8")


def test_ptc_format_uses_article_ids(run, corpus):
    r = run("analyze", corpus / "article111.txt", "--format", "ptc")
    lines = r.output.splitlines()
    assert lines, "the tiny model fires on the sample"
    for line in lines:
        art, tech, s, e = line.split("\t")
        assert art == "111" and int(s) < int(e)


def test_html_report_escapes_text_and_has_legend(run, tmp_path):
    p = tmp_path / "evil.txt"
    p.write_text("<script>alert(1)</script> They are traitors and liars who hate our great nation.")
    out = tmp_path / "report.html"
    r = run("analyze", p, "--format", "html", "-o", out)
    assert r.exit_code == 0
    page = out.read_text()
    assert "<script" not in page
    unmarked = re.sub(r"</?mark[^>]*>", "", page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in unmarked
    assert "<mark" in page and 'class="legend"' in page and "gutter" in page


def test_stdin_and_threshold(run):
    r = run("analyze", "-", "--format", "json", "--threshold", "0.99", input="They lie. They always lie.")
    row = json.loads(r.output)
    assert row["id"] == "stdin" and all(s["score"] >= 0.99 for s in row["spans"])


def test_bad_inputs_get_one_line_each_and_others_still_run(run, corpus, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff\x00")
    r = run("analyze", tmp_path / "empty.txt", corpus / "story.txt", tmp_path / "bin.txt", tmp_path / "x.docx",
            "--format", "json")
    assert r.exit_code == 1
    assert len([line for line in r.output.splitlines() if line.startswith("{")]) == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("propscope:")]
    assert len(errors) == 3 and "Traceback" not in r.stderr


def test_unknown_model_is_a_clear_error(run, corpus):
    r = CliRunner().invoke(main, ["analyze", str(corpus / "story.txt"), "--model", "nonexistent"])
    assert r.exit_code == 1 and "no model named 'nonexistent'" in r.stderr


def test_techniques_lists_taxonomy(run):
    r = run("techniques", "--format", "json")
    data = json.loads(r.output)
    assert len(data) == 14 and all(t["definition"] for t in data)
    assert "Loaded language" in run("techniques").output


def test_classify_spans_replaces_question_marks(run, corpus):
    spans = corpus / "spans.txt"
    spans.write_text("111\t?\t0\t15\n111\t?\t0\t15\n111\t?\t70\t90\n")
    r = run("classify-spans", corpus, spans)
    assert r.exit_code == 0, r.output
    lines = [line.split("\t") for line in r.output.splitlines()]
    assert [(a, s, e) for a, _, s, e in lines] == [("111", "0", "15"), ("111", "0", "15"), ("111", "70", "90")]
    assert lines[0][1] != lines[1][1], "a repeated span gets its next-best technique"
    assert all(t != "?" for _, t, _, _ in lines)


def test_evaluate_with_predictions_file(run, corpus):
    gold = corpus / "gold.labels"
    gold.write_text("111\tDoubt\t0\t10\n111\tSlogans\t20\t30\n")
    pred = corpus / "pred.labels"
    pred.write_text("111\tDoubt\t0\t10\n")
    r = run("evaluate", "--gold", gold, "--articles", corpus, "--pred", pred, "--format", "json")
    res = json.loads(r.output)
    assert res["si"]["overall"]["precision"] == 1.0 and res["si"]["overall"]["recall"] == 0.5
    assert res["flc"]["per_technique"]["Slogans"]["recall"] == 0.0
    r = run("evaluate", "--gold", gold, "--articles", corpus)
    assert r.exit_code == 0 and "SI " in r.output and "TC " in r.output


def test_malformed_label_file_is_an_error_not_a_traceback(run, corpus):
    bad = corpus / "bad.labels"
    bad.write_text("111 Doubt zero ten\n")
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(bad), "--articles", str(corpus)])
    assert r.exit_code == 1 and "bad.labels:1" in r.stderr


def test_console_script_help_runs():
    r = subprocess.run([sys.executable, "-m", "propscope.cli", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "analyze" in r.stdout and "classify-spans" in r.stdout


def test_sources_command_json_and_text(run, corpus):
    r = run("sources", corpus / "article111.txt", "--format", "json")
    d = json.loads(r.output)
    assert d["id"] == "111" and {"attributions", "quotes", "entities"} <= set(d)
    text = (corpus / "article111.txt").read_text()
    at = next(a for a in d["attributions"] if "Daily Patriot" in a["source"])
    assert text[at["source_start"]:at["source_end"]] == at["source"] and at["cue"].lower() == "according to"
    q = d["quotes"][0]
    assert text[q["start"]:q["end"]].startswith("They want to destroy")
    assert "Daily Patriot" in run("sources", corpus / "article111.txt").output


def test_analyze_with_sources_fills_targets(run, corpus):
    row = json.loads(run("analyze", corpus / "article111.txt", "--format", "json", "--sources").output)
    assert row["attributions"] and len(row["targets"]) == len(row["spans"])
    plain = json.loads(run("analyze", corpus / "article111.txt", "--format", "json").output)
    assert plain["attributions"] == [] and plain["targets"] == []
