"""The command line, run as a user runs it, on the tiny untrained model."""

import json
import re
import subprocess
import sys
from pathlib import Path

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
    assert r.output.startswith("== 111 Globalist elites")
    assert "article score" in r.output and '"' in r.output


def test_json_format_is_one_analysis_per_line(run, corpus, sample_text):
    r = run("analyze", corpus, "--format", "json")
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["111", "story"]
    for row in rows:
        assert {"id", "spans", "sentences", "score", "model"} <= set(row)
        a = Analysis.from_dict(row)
        a.validate()
    assert rows[0]["article"]["text"] == sample_text


def test_int8_flag_records_the_quantised_model(run, corpus):
    r = run("analyze", corpus / "story.txt", "--format", "json", "--int8")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["model"].endswith("-int8")


def test_ptc_format_uses_article_ids(run, corpus):
    r = run("analyze", corpus / "article111.txt", "--format", "ptc")
    lines = r.stdout.splitlines()
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
    assert "<script>alert" not in page  # the article's markup is escaped (the report's own reading script is not)
    unmarked = re.sub(r'</?mark[^>]*>|<span class="lbl[^"]*"[^>]*>[^<]*</span>', "", page)  # highlights, labels
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in unmarked
    assert "<mark" in page and 'class="legend"' in page and "gutter" in page


def test_stdin_and_threshold(run):
    r = run("analyze", "-", "--format", "json", "--threshold", "0.99", input="They lie. They always lie.")
    row = json.loads(r.stdout)
    assert row["id"] == "stdin" and all(s["score"] >= 0.99 for s in row["spans"])


def test_bad_inputs_get_one_line_each_and_others_still_run(run, corpus, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff\x00")
    r = run("analyze", tmp_path / "empty.txt", corpus / "story.txt", tmp_path / "bin.txt", tmp_path / "x.docx",
            "--format", "json")
    assert r.exit_code == 1
    assert len([line for line in r.stdout.splitlines() if line.startswith("{")]) == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("propscope:")]
    assert len(errors) == 3 and "Traceback" not in r.stderr


def test_unknown_model_is_a_clear_error(run, corpus):
    r = CliRunner().invoke(main, ["analyze", str(corpus / "story.txt"), "--model", "nonexistent"])
    assert r.exit_code == 1 and "no model named 'nonexistent'" in r.stderr


def test_techniques_lists_taxonomy(run):
    r = run("techniques", "--format", "json")
    data = json.loads(r.stdout)
    assert len(data) == 14 and all(t["definition"] for t in data)
    assert "Loaded language" in run("techniques").output


def test_classify_spans_replaces_question_marks(run, corpus):
    spans = corpus / "spans.txt"
    spans.write_text("111\t?\t0\t15\n111\t?\t0\t15\n111\t?\t70\t90\n")
    r = run("classify-spans", corpus, spans)
    assert r.exit_code == 0, r.output
    lines = [line.split("\t") for line in r.stdout.splitlines()]
    assert [(a, s, e) for a, _, s, e in lines] == [("111", "0", "15"), ("111", "0", "15"), ("111", "70", "90")]
    assert lines[0][1] != lines[1][1], "a repeated span gets its next-best technique"
    assert all(t != "?" for _, t, _, _ in lines)


def test_evaluate_with_predictions_file(run, corpus):
    gold = corpus / "gold.labels"
    gold.write_text("111\tDoubt\t0\t10\n111\tSlogans\t20\t30\n")
    pred = corpus / "pred.labels"
    pred.write_text("111\tDoubt\t0\t10\n")
    r = run("evaluate", "--gold", gold, "--articles", corpus, "--pred", pred, "--format", "json")
    res = json.loads(r.stdout)
    assert res["si"]["overall"]["precision"] == 1.0 and res["si"]["overall"]["recall"] == 0.5
    assert res["flc"]["per_technique"]["Slogans"]["recall"] == 0.0
    r = run("evaluate", "--gold", gold, "--articles", corpus)
    assert r.exit_code == 0 and "SI " in r.output and "TC " in r.output


def test_evaluate_predicting_scores_only_the_articles_the_gold_covers(run, corpus, tmp_path_factory):
    """Without --pred the model read every article of --articles, and its spans on articles the
    gold file has no line for counted as false positives (and as scored articles). Now only the
    gold's articles are scored, the rest named on stderr; in a folder of label files an empty
    .labels file makes its article one the gold covers."""
    gold = tmp_path_factory.mktemp("gold") / "gold.labels"
    gold.write_text("111\tDoubt\t0\t10\n")
    alone = tmp_path_factory.mktemp("alone")
    (alone / "article111.txt").write_text((corpus / "article111.txt").read_text())
    (corpus / "other.txt").write_text((corpus / "article111.txt").read_text())  # the model finds what it finds in 111
    mixed = run("evaluate", "--gold", gold, "--articles", corpus, "--format", "json")
    only = run("evaluate", "--gold", gold, "--articles", alone, "--format", "json")
    assert mixed.exit_code == 0 and json.loads(mixed.stdout) == json.loads(only.stdout), mixed.output
    assert json.loads(mixed.stdout)["articles"] == 1
    assert "2 article(s)" in mixed.stderr and "not scored, e.g. other" in mixed.stderr
    folder = gold.parent
    (folder / "story.labels").write_text("")
    r = run("evaluate", "--gold", folder, "--articles", corpus, "--format", "json")
    assert json.loads(r.stdout)["articles"] == 2 and "1 article(s)" in r.stderr and "e.g. other" in r.stderr


def test_malformed_label_file_is_an_error_not_a_traceback(run, corpus):
    bad = corpus / "bad.labels"
    bad.write_text("111 Doubt zero ten\n")
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(bad), "--articles", str(corpus)])
    assert r.exit_code == 1 and "bad.labels:1" in r.stderr


@pytest.mark.parametrize("span", ["70\t60", "-3\t4", "0\t99999", "5\t5"])
def test_classify_spans_refuses_spans_outside_the_article(run, corpus, span, no_model_load):
    """They used to get a technique anyway (a reversed span with numpy warnings on stderr)."""
    (corpus / "spans.txt").write_text(f"111\t?\t{span}\n")
    r = run("classify-spans", corpus, corpus / "spans.txt")
    assert r.exit_code == 1 and "empty or outside article 111" in r.stderr


def test_non_utf8_article_or_span_file_is_one_line_naming_it(run, corpus):
    (corpus / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (corpus / "spans.txt").write_text("111\t?\t0\t15\n")
    for args in (["classify-spans", corpus, corpus / "spans.txt"],
                 ["evaluate", "--gold", corpus / "spans.txt", "--pred", corpus / "spans.txt", "--articles", corpus]):
        r = run(*args)
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit) and "latin1.txt: not valid UTF-8" in r.stderr
    (corpus / "latin1.txt").unlink()
    (corpus / "spans.txt").write_bytes(b"111\t?\t0\t1\xe9\n")
    r = run("classify-spans", corpus, corpus / "spans.txt")
    assert r.exit_code == 1 and "spans.txt: not valid UTF-8" in r.stderr


def test_console_script_help_runs():
    r = subprocess.run([sys.executable, "-m", "propscope.cli", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "analyze" in r.stdout and "classify-spans" in r.stdout


def test_sources_command_json_and_text(run, corpus):
    r = run("sources", corpus / "article111.txt", "--format", "json")
    d = json.loads(r.stdout)
    assert d["id"] == "111" and {"attributions", "quotes", "entities"} <= set(d)
    text = (corpus / "article111.txt").read_text()
    at = next(a for a in d["attributions"] if "Daily Patriot" in a["source"])
    assert text[at["source_start"]:at["source_end"]] == at["source"] and at["cue"].lower() == "according to"
    q = d["quotes"][0]
    assert text[q["start"]:q["end"]].startswith("They want to destroy")
    assert "Daily Patriot" in run("sources", corpus / "article111.txt").output


def test_analyze_with_sources_fills_targets(run, corpus):
    row = json.loads(run("analyze", corpus / "article111.txt", "--format", "json", "--sources").stdout)
    assert row["attributions"] and len(row["targets"]) == len(row["spans"])
    plain = json.loads(run("analyze", corpus / "article111.txt", "--format", "json").stdout)
    assert plain["attributions"] == [] and plain["targets"] == []


# -- one store option, bare --db -----------------------------------------------------------------
@pytest.fixture()
def default_store(tmp_path, monkeypatch, corpus):
    """A default store ($PROPSCOPE_DB) holding the two corpus articles, with the cwd in a scratch
    folder so that a store opened under a wrong name would show up as a file there."""
    db = tmp_path / "default.db"
    monkeypatch.setenv("PROPSCOPE_DB", str(db))
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    assert CliRunner().invoke(main, ["ingest", str(corpus / "article111.txt"), str(corpus / "story.txt")]).exit_code == 0
    return db


def test_bare_db_means_the_default_store(run, default_store):
    r = run("analyze", "--db")
    assert r.exit_code == 0, r.output
    assert "analysed 2 articles" in r.stdout and str(default_store) in r.stdout
    r = run("analyze", "--db", "--reanalyze")
    assert r.exit_code == 0 and "analysed 0 articles" in r.stdout and str(default_store) in r.stdout
    assert list(Path.cwd().iterdir()) == [], "no store named after the next option"
    r = run("reuse", "--db", "--similarity", "0.3")
    assert r.exit_code == 0 and "passages in" in r.stdout
    assert list(Path.cwd().iterdir()) == []


def test_one_store_option_everywhere():
    from propscope.cli import DEFAULT_STORE

    with_db = {name: next((p for p in cmd.params if p.name == "db"), None) for name, cmd in main.commands.items()}
    with_db = {name: p for name, p in with_db.items() if p is not None}
    assert {"analyze", "reuse", "batch", "ingest", "report", "search", "export", "serve"} <= set(with_db)
    for name, p in with_db.items():
        assert p.opts == ["--db"] and p.flag_value == DEFAULT_STORE and not p.envvar, name
        assert "--db alone" in p.help, name


def test_reanalyze_without_a_store_is_a_usage_error(run, corpus):
    r = run("analyze", corpus / "story.txt", "--reanalyze")
    assert r.exit_code == 2 and "--db" in r.stderr


# -- quiet output ---------------------------------------------------------------------------------
# the CLI in a fresh process whose model loading makes a library warn, as transformers and peft do
# from one release to the next (which warning they give changes, so the probe plants one)
NOISY_CLI = """import sys, warnings, peft
real = peft.get_peft_model
def noisy(*a, **k):
    warnings.warn_explicit("theirs", FutureWarning, "modeling_utils.py", 1, module="transformers.modeling_utils")
    return real(*a, **k)
peft.get_peft_model = noisy
from propscope.cli import main
main()
"""


def test_third_party_warnings_are_silenced_unless_verbose(tiny_model, corpus):
    run = [sys.executable, "-c", NOISY_CLI]
    quiet = subprocess.run([*run, "analyze", str(corpus / "story.txt"), "--model", str(tiny_model)],
                           capture_output=True, text=True)
    assert quiet.returncode == 0 and quiet.stdout.startswith("== story")
    assert quiet.stderr == ""
    loud = subprocess.run([*run, "--verbose", "analyze", str(corpus / "story.txt"), "--model", str(tiny_model)],
                          capture_output=True, text=True)
    assert loud.returncode == 0 and "FutureWarning: theirs" in loud.stderr


def test_own_warnings_still_show(monkeypatch):
    import warnings

    from propscope.cli import quiet_third_party

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        quiet_third_party()
        warnings.warn_explicit("theirs", FutureWarning, "x.py", 1, module="transformers.modeling_utils")
        warnings.warn_explicit("ours", UserWarning, "y.py", 1, module="propscope.cli")
    assert [str(w.message) for w in seen] == ["ours"]


# -- checks before the slow part -----------------------------------------------------------------
@pytest.fixture()
def no_model_load(monkeypatch):
    """Fail the test if a command loads a model."""
    import propscope.cli as cli

    def refuse(*a, **k):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(cli, "_load_model", refuse)


def test_missing_files_and_bad_options_before_the_model(run, tmp_path, no_model_load):
    r = run("analyze", tmp_path / "missing.txt", tmp_path / "gone.txt")
    assert r.exit_code == 1 and r.stderr.count("no such file or folder") == 2
    r = run("analyze", tmp_path / "missing.txt", "--threshold", "1.5")
    assert r.exit_code == 2 and "threshold" in r.stderr
    r = run("analyze", tmp_path / "missing.txt", "--batch-size", "0")
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "missing.txt"), "--model", "nonexistent"])
    assert r.exit_code == 1 and "no model named" in r.stderr
    (tmp_path / "a.txt").write_text("Some text.")
    r = run("analyze", tmp_path / "a.txt", "-o", tmp_path / "no" / "such" / "dir" / "out.html")
    assert r.exit_code == 1 and "cannot write" in r.stderr


@pytest.mark.parametrize("args", [["search", "word", "--limit", "0"], ["search", "word", "--limit", "-1"],
                                  ["report", "--top", "-5"], ["analyze", "x.txt", "--max-bytes", "-1"],
                                  ["ingest", "x.txt", "--max-bytes", "0"], ["batch", "x.txt", "-o", "out",
                                                                            "--partition-size", "0"],
                                  ["serve", "--port", "99999"]])
def test_counts_out_of_range_are_usage_errors(tmp_path, args):
    """A negative --limit or --top used to list everything (SQL LIMIT -1, a [:-5] slice), --limit 0
    said "no matches", and --max-bytes -1 refused every input "over the -1-byte limit"."""
    r = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "s.db")] if args[0] != "analyze" else args)
    assert r.exit_code == 2 and "range" in r.stderr


def test_missing_file_reported_before_the_model_loads(run, corpus, monkeypatch):
    import propscope.cli as cli

    events = []
    load = cli._load_model
    monkeypatch.setattr(cli, "_err", lambda m: events.append(("err", m)))
    monkeypatch.setattr(cli, "_load_model", lambda *a: events.append(("load", None)) or load(*a))
    r = run("analyze", corpus / "story.txt", corpus / "missing.txt")
    assert r.exit_code == 1
    assert [k for k, _ in events][:2] == ["err", "load"] and "missing.txt" in events[0][1]


def test_analyze_db_with_nothing_to_do_loads_no_model(run, default_store, monkeypatch):
    assert run("analyze", "--db").exit_code == 0
    import propscope.cli as cli

    monkeypatch.setattr(cli, "_load_model", lambda *a: pytest.fail("model loaded with nothing to do"))
    r = run("analyze", "--db")
    assert r.exit_code == 0 and "analysed 0 articles" in r.stdout


def test_analyze_db_records_a_failing_article_and_goes_on(run, default_store, tiny_tagger, monkeypatch):
    import propscope.cli as cli

    class Choking:  # the tiny model, raising on the weather story only
        name, device = tiny_tagger.name, tiny_tagger.device

        def analyze_batch(self, items):
            if any("weather" in a.text for a in items):
                raise RuntimeError("boom")
            return tiny_tagger.analyze_batch(items)

    monkeypatch.setattr(cli, "_load_model", lambda *a: Choking())
    r = run("analyze", "--db")
    assert r.exit_code == 1
    assert re.search(r"could not analyse article '[^']*story[^']*': RuntimeError: boom \(recorded", r.stderr)
    assert "analysed 1 articles" in r.stdout and "1 failed" in r.stdout
    monkeypatch.setattr(cli, "_load_model", lambda *a: pytest.fail("model loaded with nothing to do"))
    r = run("analyze", "--db")  # the failed article does not block the queue: nothing left to do
    assert r.exit_code == 0 and "1 whose analysis failed are skipped" in r.stdout
    rep = run("report").stdout
    assert "1 article could not be analysed" in rep and "RuntimeError: boom" in rep
    monkeypatch.setattr(cli, "_load_model", lambda *a: tiny_tagger)
    r = run("analyze", "--db", "--retry-failed")
    assert r.exit_code == 0 and "analysed 1 articles" in r.stdout and "failed" not in r.stdout
    assert "could not be analysed" not in run("report").stdout


def test_serve_reports_a_busy_port_before_starting(tmp_path, monkeypatch):
    import socket

    import propscope.web.app as web

    monkeypatch.setattr(web, "create_app", lambda **k: pytest.fail("app built on a busy port"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)])
    assert r.exit_code == 1 and f"cannot serve on 127.0.0.1:{port}" in r.stderr and "--port" in r.stderr


# -- progress -------------------------------------------------------------------------------------
def test_progress_bar_on_a_terminal_summary_line_elsewhere(monkeypatch):
    import io

    from propscope import cli

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    p = cli.Progress(3, 3000)
    p.bar.mininterval = 0
    for n in (1000, 1000, 1000):
        p.advance(n)
    p.close()
    shown = tty.getvalue()
    assert "1/3 articles" in shown and "3/3 articles" in shown and "3.00k/3.00k" in shown
    log = io.StringIO()
    monkeypatch.setattr(sys, "stderr", log)
    p = cli.Progress(2, 100)
    p.advance(40)
    p.advance(60)
    p.close()
    assert log.getvalue().startswith("propscope: analysed 2 articles (100 characters) in ")
    assert "\r" not in log.getvalue()


def test_articles_are_analysed_and_reported_one_by_one(tiny_tagger, monkeypatch):
    from propscope import pipeline

    calls = []
    real = tiny_tagger.analyze_batch
    monkeypatch.setattr(tiny_tagger, "analyze_batch", lambda items: calls.append(len(items)) or real(items))
    out = list(pipeline.analyze_iter(["One text.", "Two texts.", "Three."], tiny_tagger, batch_size=16))
    assert [a.article.text for a in out] == ["One text.", "Two texts.", "Three."]
    assert calls == [1, 1, 1]  # on a CPU: one article per call, so progress moves per article


def test_analyze_prints_a_summary_line_off_a_terminal(run, corpus):
    r = run("analyze", corpus, "--format", "json")
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 2
    assert r.stderr.startswith("propscope: analysed 2 articles (") and "\r" not in r.stderr


# -- read-only commands ---------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["report"], ["search", "word"], ["export"], ["export", "--format", "reuse"],
                                  ["analyze"], ["reuse"]])
def test_read_only_commands_never_create_a_store(tmp_path, args):
    wrong = tmp_path / "typo" / "store.db"
    r = CliRunner().invoke(main, [*args, "--db", str(wrong)])
    assert r.exit_code == 1 and f"no store at {wrong}" in r.stderr
    assert not (tmp_path / "typo").exists()


def test_analyze_db_on_an_empty_store_says_it_is_empty(tmp_path):
    """It used to say that every article already had an analysis."""
    db = str(tmp_path / "empty.db")
    assert CliRunner().invoke(main, ["ingest", "--db", db, str(tmp_path / "none.txt")]).exit_code == 1
    r = CliRunner().invoke(main, ["analyze", "--db", db])
    assert r.exit_code == 0 and "holds none yet" in r.stdout and "every article" not in r.stdout


def test_read_only_commands_find_the_default_store_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PROPSCOPE_DB", str(tmp_path / "never.db"))
    r = CliRunner().invoke(main, ["report"])
    assert r.exit_code == 1 and "no store at" in r.stderr and not (tmp_path / "never.db").exists()


# -- technique names ------------------------------------------------------------------------------
def test_technique_names_resolve_from_either_form():
    from propscope.taxonomy import PTC14, UnknownTechnique, resolve

    for t in PTC14:
        assert resolve(t.name) == resolve(t.display) == resolve(t.display.upper()) == t.name
    assert resolve("loaded_language") == resolve("Loaded language") == "Loaded_Language"
    assert resolve("thought terminating cliche") == "Thought-terminating_Cliches"
    with pytest.raises(UnknownTechnique, match=r"Loaded language \(Loaded_Language\)"):
        resolve("Loaded langauge")


def test_filters_take_display_names_and_list_choices(run, default_store):
    assert run("analyze", "--db").exit_code == 0
    from propscope.store import Store

    span = Store(str(default_store)).get_analysis("111").spans[0]
    from propscope.taxonomy import get

    tech, shown = span.technique, get(span.technique).display
    word = max(re.findall(r"[A-Za-z]+", span.text), key=len)  # search shows the spans holding the query
    by_display = json.loads(run("search", word, "--technique", shown, "--format", "json").stdout)
    by_name = json.loads(run("search", word, "--technique", tech, "--format", "json").stdout)
    assert by_display == by_name and [h["id"] for h in by_name] == ["111"]
    text = run("search", word, "--technique", shown).stdout
    assert shown in text and f"{tech} " not in text
    r = run("search", "nation", "--technique", "Propaganda")
    assert r.exit_code == 2 and "Loaded language (Loaded_Language)" in r.stderr and "no matches" not in r.stderr
    stored = list(Store(str(default_store)).iter_analyses())
    having = sum(any(s.technique == tech for s in a.spans) for a in stored)
    rep = json.loads(run("report", "--technique", shown, "--format", "json").stdout)
    assert rep["articles"] == having and rep["filters"]["technique"] == tech
    assert run("report", "--technique", "nope").exit_code == 2
    text = run("report").stdout
    from propscope.taxonomy import PTC14

    tables = text.split("Most cited")[0]
    assert any(t.display in tables for t in PTC14 if t.display != t.name)
    assert not any(t.name in tables for t in PTC14 if t.display != t.name)
    csv_head = run("report", "--format", "csv").stdout.splitlines()[0]
    assert "Loaded_Language" in csv_head and "Loaded language" not in csv_head


def test_api_technique_filter_takes_display_names(tmp_path, tiny_model):
    from fastapi.testclient import TestClient

    from propscope.web.app import create_app

    with TestClient(create_app(db=str(tmp_path / "api.db"), model=str(tiny_model))) as c:
        a = c.post("/api/analyze", json={"text": "They are traitors and liars who hate our great nation."}).json()
        tech = a["spans"][0]["technique"]
        from propscope.taxonomy import get

        assert c.get("/api/articles", params={"technique": get(tech).display}).json()["total"] == 1
        bad = c.get("/api/articles", params={"technique": "Propaganda"})
        assert bad.status_code == 422 and "Loaded language (Loaded_Language)" in bad.json()["detail"][0]["msg"]
        assert bad.json()["detail"][0]["loc"] == ["query", "technique"]  # the documented validation shape


def test_evaluate_text_uses_display_names(run, corpus):
    gold = corpus / "gold.labels"
    gold.write_text("111\tLoaded_Language\t0\t10\n")
    r = run("evaluate", "--gold", gold, "--articles", corpus, "--pred", gold)
    assert "Loaded language" in r.stdout and "Loaded_Language" not in r.stdout


def test_report_technique_filter_keeps_only_articles_with_it(tmp_path):
    from propscope import report
    from propscope.document import Article, Span
    from propscope.store import Store

    store = Store(str(tmp_path / "r.db"))
    store.add_articles([Article("a", "They lie and lie."), Article("b", "A calm report.")])
    store.save_analyses([(store.pk_of("a"), Analysis(Article("a", "They lie and lie."), [
        Span(5, 8, "Loaded_Language", 0.9, "lie")], [], 0.9, "m")),
        (store.pk_of("b"), Analysis(Article("b", "A calm report."), [Span(0, 6, "Doubt", 0.4, "A calm")], [], 0.4, "m"))])
    rep = report.build(store, technique="Loaded_Language")
    assert rep["articles"] == 1 and rep["top_articles"][0]["id"] == "a"
    assert rep["by_outlet"][0]["techniques"] == {"Loaded_Language": 1}
    assert "Loaded language (1)" in report.to_text(rep)


# -- sources where asked --------------------------------------------------------------------------
def test_sources_in_text_and_html_output(run, corpus, tmp_path):
    text = run("analyze", corpus / "article111.txt", "--sources").stdout
    assert "Daily Patriot [According to]" in text and "officials knew about the plan" in text
    assert "entities:" in text
    assert "Daily Patriot" not in run("analyze", corpus / "article111.txt").stdout
    out = tmp_path / "r.html"
    assert run("analyze", corpus / "article111.txt", "--sources", "--format", "html", "-o", out).exit_code == 0
    page = out.read_text()
    assert "Who is cited" in page and "Daily Patriot" in page


def test_sources_text_shows_via_and_never_cuts_a_word(run, tmp_path):
    long_quote = "word " * 40 + "unbreakable ending"
    p = tmp_path / "told.txt"
    p.write_text(f'A Syria analyst told RT that the ceasefire was never meant to last.\n"{long_quote}," he said.\n')
    out = run("sources", p).stdout
    assert 'Syria analyst [told] via RT: "the ceasefire was never meant to last"' in out
    line = next(line for line in out.splitlines() if "word word" in line)
    assert line.rstrip().endswith('word…"') and "unbreak" not in line


def test_clip_cuts_at_word_boundaries():
    from propscope.cli import _clip

    assert _clip("short text", 20) == "short text"
    assert _clip("alpha beta gamma delta", 13) == "alpha beta…"
    assert _clip("alpha  beta\ngamma", 40) == "alpha beta gamma"
    assert len(_clip("x" * 50, 10)) == 10


# -- titles ---------------------------------------------------------------------------------------
def test_headline_title_rule():
    from propscope.document import headline_title

    assert headline_title("Globalist elites are coming for you\n\nBody text.") == "Globalist elites are coming for you"
    assert headline_title("It rained all day.\nThen it stopped.") is None  # a sentence, not a headline
    assert headline_title("One line only") is None
    assert headline_title("x " * 40 + "\nbody") is None


def test_untitled_article_takes_its_headline(run, corpus, sample_text):
    row = json.loads(run("analyze", corpus / "article111.txt", "--format", "json").stdout)
    assert row["article"]["title"] == sample_text.splitlines()[0]
    assert run("analyze", corpus / "article111.txt").stdout.startswith(f"== 111 {sample_text.splitlines()[0]}\n")
    plain = json.loads(run("analyze", corpus / "story.txt", "--format", "json").stdout)
    assert plain["article"]["title"] is None  # "A plain report on the weather." ends like a sentence


def test_the_text_output_counts_passages_in_the_web_pages_words():
    """The line read "1 technique span" where the web page says "1 highlighted passage"; two
    techniques on the same words are one passage carrying two labels, as the page counts them."""
    import io

    from propscope.cli import _print_text
    from propscope.document import Analysis, Article, Span

    text = "They are traitors and liars."
    out = io.StringIO()
    _print_text(Analysis(Article(id="a", text=text), [Span(9, 17, "Name_Calling,Labeling", 0.8, "traitors")], [], 0.8,
                         "m"), out)
    assert "· 1 highlighted passage ·" in out.getvalue() and "technique span" not in out.getvalue()
    out = io.StringIO()
    spans = [Span(9, 17, "Name_Calling,Labeling", 0.8, "traitors"), Span(9, 17, "Loaded_Language", 0.6, "traitors"),
             Span(22, 27, "Name_Calling,Labeling", 0.7, "liars")]
    _print_text(Analysis(Article(id="a", text=text), spans, [], 0.8, "m"), out)
    assert "· 2 highlighted passages (3 technique labels) ·" in out.getvalue()


def test_the_text_output_escapes_control_characters_of_names_titles_and_spans():
    """A file name, an HTML title or the text itself may hold terminal escape sequences or line
    breaks: the readable output shows them as escapes, one header line per article."""
    import io

    from propscope.cli import _print_text
    from propscope.document import Analysis, Article, Span

    text = "They are \x1b[31mtraitors."
    out = io.StringIO()
    _print_text(Analysis(Article(id="evil\nname\x1b[2J", text=text, title="Title\x1b]0;pwned\x07 here"),
                         [Span(9, len(text) - 1, "Name_Calling,Labeling", 0.8, text[9:-1])], [], 0.8, "m"), out)
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown.startswith("== evil\\nname\\x1b[2J Title\\x1b]0;pwned\\x07 here\n")
    assert "\\x1b[31mtraitors" in shown


def test_reuse_boilerplate_pages_sets_how_often_an_outlet_repeats_its_boilerplate(tmp_path):
    """A notice one outlet prints on two of its pages is copying at the default (three pages) and
    its boilerplate with --boilerplate-pages 2; the text output escapes ids it cannot print."""
    # it names a place and tells of an event, so it is no notice that could close any article
    # (reuse.clusters._names_nothing), which is flagged however few pages print it
    notice = ("Subscribe to our channel for more reports like this one and share it with your friends, "
              "because the mainstream media said nothing about the rally we filmed in Dresden last week.")
    stories = ["The harbour reopened on Monday after a week of repairs to the northern pier and its cranes.",
               "Farmers in the valley brought in the largest apple harvest of the last eleven years this autumn."]
    rows = [{"id": f"page\x1b{k}", "outlet": "Daily Signal Fire", "text": f"{story}\n\n{notice}"}
            for k, story in enumerate(stories)]
    src = tmp_path / "pages.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = CliRunner().invoke(main, ["reuse", str(src)])
    assert r.exit_code == 0, r.output
    assert "1 passages in 1 clusters" in r.output and "page\\x1b0[" in r.output and "\x1b" not in r.output
    r = CliRunner().invoke(main, ["reuse", str(src), "--boilerplate-pages", "2"])
    assert r.exit_code == 0 and "0 passages in 0 clusters" in r.output
    assert CliRunner().invoke(main, ["reuse", str(src), "--boilerplate-pages", "1"]).exit_code == 2


def test_search_and_sources_text_output_escape_control_characters(tmp_path, monkeypatch):
    """Ids, outlets, titles, speakers and cues come from the articles, so a stored terminal escape
    or right-to-left override must print as an escape in `search` and `sources`, as in `analyze`."""
    monkeypatch.setenv("PROPSCOPE_DB", str(tmp_path / "s.db"))
    row = {"id": "evil\x1b[31m", "title": "Harbour\u202e news", "outlet": "bad\x07.example",
           "text": "The harbour reopened on Monday. \"We rebuilt the pier,\" said Mayor Anna Berg.\n"}
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps(row) + "\n")
    assert CliRunner().invoke(main, ["ingest", str(src)]).exit_code == 0
    r = CliRunner().invoke(main, ["search", "harbour", "--db"])
    assert r.exit_code == 0, r.output
    assert "evil\\x1b[31m" in r.output and "Harbour\\u202e news" in r.output and "bad\\x07.example" in r.output
    r2 = CliRunner().invoke(main, ["sources", str(src)])
    assert r2.exit_code == 0, r2.output
    assert "== evil\\x1b[31m" in r2.output and "Anna Berg" in r2.output
    for out in (r.output, r2.output):
        assert not any(c in out for c in "\x1b\x07\u202e")


def test_a_search_word_starting_with_a_dash_is_the_query_unless_it_names_an_option(tmp_path, monkeypatch):
    """`propscope search -harbour` said "No such option '-a'" (click read it as the short options
    -h -a -r ...); a one-dash word that is none of the options is now the query, wherever it
    stands, and an option's value that starts with a dash stays that option's. Two-dash words
    stay options (a typo is still named) and -h is still help; after -- anything is the query."""
    monkeypatch.setenv("PROPSCOPE_DB", str(tmp_path / "s.db"))
    src = tmp_path / "a.txt"
    src.write_text("The harbour reopened on Monday after the storm.")
    assert CliRunner().invoke(main, ["ingest", str(src)]).exit_code == 0
    for args in (["-harbour"], ["--limit", "2", "-harbour", "--format", "json"], ["--", "-harbour"]):
        r = CliRunner().invoke(main, ["search", *args])
        assert r.exit_code == 0 and r.stdout.lstrip("[{\n \"id:").startswith("a-"), (args, r.output)
    r = CliRunner().invoke(main, ["search", "--outlet", "-odd", "-harbour"])
    assert r.exit_code == 2 and "outlet '-odd'" in r.stderr, r.output
    r = CliRunner().invoke(main, ["search", "--limt", "2", "harbour"])
    assert r.exit_code == 2 and "No such option '--limt'" in r.stderr, r.output
    assert "Usage:" in CliRunner().invoke(main, ["search", "-h"]).output
    r = CliRunner().invoke(main, ["search", "--help"])
    assert "propscope search -- --limit" in r.output


def test_the_text_output_says_whom_a_passage_is_aimed_at():
    """Targets were only in the JSON: the readable line of a passage now names them, as the web
    page's table of passages does; a passage with none found says nothing."""
    import io

    from propscope.cli import _print_text
    from propscope.document import Analysis, Article, Span

    text = "Mayor Ruiz and Dan Cole are traitors and liars."
    spans = [Span(28, 36, "Name_Calling,Labeling", 0.8, "traitors"), Span(41, 46, "Name_Calling,Labeling", 0.7, "liars")]
    aimed = [{"start": 28, "end": 36, "technique": "Name_Calling,Labeling",
              "targets": [{"canonical": "Ana Ruiz", "text": "Ruiz", "label": "PERSON"},
                          {"canonical": None, "text": "Dan Cole", "label": "PERSON"},
                          {"canonical": "Ana Ruiz", "text": "Mayor Ruiz", "label": "PERSON"}]},
             {"start": 41, "end": 46, "technique": "Name_Calling,Labeling", "targets": []}]
    a = Analysis(Article(id="a", text=text), spans, [], 0.8, "m", targets=aimed)
    assert a.aimed_at(spans[0]) == ["Ana Ruiz", "Dan Cole"] and a.aimed_at(spans[1]) == []
    out = io.StringIO()
    _print_text(a, out)
    lines = out.getvalue().splitlines()
    assert lines[2].endswith('"traitors"  (aimed at Ana Ruiz, Dan Cole)') and lines[3].endswith('"liars"')
