"""Batch on a Dask LocalCluster: same results as single-process analyze, reruns skip finished work."""

import json
import logging

import pytest
from click.testing import CliRunner

from propscope import batch
from propscope.cli import main
from propscope.document import Article
from propscope.pipeline import model_version


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def corpus(sample_text, n=7):
    return [Article(f"a{i}", sample_text[: 120 + 60 * i] + f" Number {i}.") for i in range(n)]


def test_batch_equals_single_process(client, tiny_model, tiny_tagger, sample_text, tmp_path):
    arts = corpus(sample_text)
    res = batch.run(arts, tmp_path / "out", client, model=str(tiny_model), partition_size=3)
    assert (res.partitions, res.skipped, res.articles) == (3, 0, 7)
    got = {a.id: a for a in batch.read_results(tmp_path / "out")}
    for art in arts:
        single = tiny_tagger.analyze(art)
        b = got[art.id]
        assert [(s.start, s.end, s.technique) for s in b.spans] == [(s.start, s.end, s.technique) for s in single.spans]
        assert all(abs(x.score - y.score) < 1e-3 for x, y in zip(b.spans, single.spans))
        assert b.score == pytest.approx(single.score, abs=1e-3) and b.article == art
    assert set(res.timings) == {"read", "load_model", "tokenise", "model", "decode", "sources", "write"}
    assert res.timings["model"] > 0


def test_rerun_skips_finished_partitions_and_redoes_changed_ones(client, tiny_model, sample_text, tmp_path):
    arts = corpus(sample_text)
    plans = []  # (articles, articles to analyse): the total of the progress bar

    def plan(total: int, todo: int) -> None:
        plans.append((total, todo))

    batch.run(arts, tmp_path / "out", client, model=str(tiny_model), partition_size=3, on_plan=plan)
    again = batch.run(arts, tmp_path / "out", client, model=str(tiny_model), partition_size=3, on_plan=plan)
    assert (again.skipped, again.articles) == (3, 0)
    (tmp_path / "out" / "part-00001.jsonl").unlink()  # a lost shard is redone
    changed = arts[:6] + [Article("new", "A different last article.")]
    res = batch.run(changed, tmp_path / "out", client, model=str(tiny_model), partition_size=3, on_plan=plan)
    assert (res.skipped, res.articles) == (1, 4)
    assert plans == [(7, 7), (7, 0), (7, 4)]
    assert {a.id for a in batch.read_results(tmp_path / "out")} == {a.id for a in changed}


def test_failed_partition_is_retried(client, tiny_model, sample_text, tmp_path, monkeypatch):
    attempts = tmp_path / "attempts"  # a file, not a variable: tasks run on a copy of the function
    real = batch.analyze_partition

    def flaky(*args, **kwargs):
        with open(attempts, "a") as f:
            f.write("x")
        if attempts.read_text() == "x":
            raise RuntimeError("worker lost")
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "analyze_partition", flaky)
    res = batch.run(corpus(sample_text, 2), tmp_path / "out", client, model=str(tiny_model), partition_size=5)
    assert res.articles == 2 and attempts.read_text() == "xx"


def test_cli_batch_on_local_processes_and_store(tiny_model, sample_text, tmp_path, monkeypatch):
    from propscope import cli

    bars = []

    class Recorded(cli.Progress):  # the per-article progress the command shows (a bar on a terminal)
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            bars.append(self)

    monkeypatch.setattr(cli, "Progress", Recorded)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"j{i}", "text": sample_text + f" ({i})"}) + "\n" for i in range(4)))
    db = f"sqlite:///{tmp_path / 'b.db'}"
    args = ["batch", str(src), "--output", str(tmp_path / "out"), "--scheduler", "local[1]", "--model", str(tiny_model),
            "--partition-size", "2", "--db", db]
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "4 articles in 2 partitions" in r.output
    assert [(b.articles, b.done) for b in bars] == [(4, 4)]  # a total in articles, advanced to the end
    assert "\r" not in r.stderr  # not a terminal: no bar, the summary line only
    from propscope.store import Store

    s = Store(db)
    assert s.count_articles() == 4 and s.get_analysis("j3").spans
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "(2 already done)" in r.output


def test_cli_batch_bad_scheduler_is_one_line(tiny_model, tmp_path):
    (tmp_path / "a.txt").write_text("Some text.")
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o"), "--scheduler", "yarn",
                                  "--model", str(tiny_model)])
    assert r.exit_code == 1 and "unknown scheduler" in r.stderr


def test_int8_batch_records_its_version_and_reruns_skip(client, tiny_model, sample_text, tmp_path):
    arts = corpus(sample_text, 3)
    res = batch.run(arts, tmp_path / "out", client, model=str(tiny_model), partition_size=3, sources=False, int8=True)
    assert res.articles == 3
    assert {a.model for a in batch.read_results(tmp_path / "out")} == {model_version(str(tiny_model), int8=True)}
    assert next(iter(batch.read_results(tmp_path / "out"))).model.endswith("-int8")
    again = batch.run(arts, tmp_path / "out", client, model=str(tiny_model), partition_size=3, sources=False, int8=True)
    assert again.skipped == 1
    full = batch.run(arts, tmp_path / "out", client, model=str(tiny_model), partition_size=3, sources=False)
    assert full.skipped == 0 and full.articles == 3  # another model version: redone


def _third_party_warnings_seen() -> list[str]:
    """Run on a worker: which of a third-party and an own warning get through its filters."""
    import warnings

    with warnings.catch_warnings(record=True) as seen:
        warnings.warn_explicit("theirs", FutureWarning, "x.py", 1, module="transformers.modeling_utils")
        warnings.warn_explicit("ours", UserWarning, "y.py", 1, module="propscope.batch")
    return [str(w.message) for w in seen]


@pytest.mark.parametrize("quiet", [True, False])
def test_worker_processes_silence_third_party_warnings_unless_verbose(quiet):
    """Worker processes do not inherit the CLI's warning filters: the client gives them their own
    (`propscope --verbose batch` asks for quiet=False)."""
    import sys

    import cloudpickle

    here = sys.modules[__name__]
    cloudpickle.register_pickle_by_value(here)  # the probe travels by value: workers cannot import tests
    log = logging.getLogger("distributed")
    before = log.level
    log.setLevel(logging.INFO)  # as importing distributed leaves it, after the CLI quieted it
    try:
        with batch.make_client("local[1]", quiet=quiet) as c:
            seen = c.submit(_third_party_warnings_seen, pure=False).result(timeout=120)
            level = log.getEffectiveLevel()  # the Nanny lives here: its closing warnings are this process's
    finally:
        cloudpickle.unregister_pickle_by_value(here)
        log.setLevel(before)
    assert seen == (["ours"] if quiet else ["theirs", "ours"])
    assert level == (logging.ERROR if quiet else logging.INFO)


def test_an_article_that_raises_costs_only_itself(client, tiny_model, sample_text, tmp_path, monkeypatch):
    from propscope import pipeline

    real_analyze, real_sources = pipeline.analyze_batch, pipeline.add_sources

    def analyze(articles, model):
        if any("POISON" in a.text for a in articles):
            raise RuntimeError("tokeniser choked")
        return real_analyze(articles, model)

    def sources(analyses):
        if any("NOSOURCES" in a.article.text for a in analyses):
            raise ValueError("parser choked")
        return real_sources(analyses)

    monkeypatch.setattr(pipeline, "analyze_batch", analyze)
    monkeypatch.setattr(pipeline, "add_sources", sources)
    arts = corpus(sample_text, 4)
    arts[1] = Article("a1", arts[1].text + " POISON")
    arts[2] = Article("a2", arts[2].text + " NOSOURCES")
    res = batch.run(arts, tmp_path / "out", client, model=str(tiny_model), partition_size=4)
    assert res.articles == 3
    assert [(e["id"], e["stage"], e["partition"]) for e in res.failed] == [("a1", "techniques", "part-00000.jsonl"),
                                                                           ("a2", "sources", "part-00000.jsonl")]
    assert "tokeniser choked" in res.failed[0]["error"]
    got = {a.article.id: a for a in batch.read_results(tmp_path / "out")}
    assert set(got) == {"a0", "a2", "a3"}
    assert got["a0"].entities and not got["a2"].entities  # a2 kept its techniques, without sources
    listed = (tmp_path / "out" / "part-00000.errors.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in listed] == ["a1", "a2"]


def test_cli_batch_reports_failed_articles_and_exits_non_zero(tiny_model, tmp_path, monkeypatch):
    from propscope import batch as runner

    class Quiet:
        def close(self):
            pass

    failed = [{"id": "x9", "stage": "techniques", "error": "RuntimeError: boom", "partition": "part-00000.jsonl"}]
    monkeypatch.setattr(runner, "make_client", lambda *a, **k: Quiet())
    monkeypatch.setattr(runner, "run", lambda *a, **k: batch.BatchResult(1, 0, 1, 0.1, {}, [], failed))
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x9", "text": "Some text."}) + "\n")
    r = CliRunner().invoke(main, ["batch", str(src), "--output", str(tmp_path / "out"), "--model", str(tiny_model)])
    assert r.exit_code == 1
    assert "x9: techniques failed (RuntimeError: boom), not analysed" in r.output
    assert "part-NNNNN.errors.jsonl" in r.output


def test_closing_the_client_closes_its_local_cluster():
    """`batch` and `reuse --scheduler local[N]` close only the client; its worker processes must
    go with it, or each call from the Python API (or an in-process CLI) leaves them running."""
    from distributed.core import Status

    client = batch.make_client("local[1]", quiet=False)
    cluster = client.cluster
    client.close()
    assert cluster.status == Status.closed
