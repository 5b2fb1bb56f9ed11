"""Every ``propscope ...`` command line in README.md's code blocks, run as written.

The lines are read from the README itself, so a command that changes without the README (or
the reverse) fails here. They run in a scratch folder that holds small files under the names
the README uses (article.txt, folder/, LABELS, ...), against a scratch default store
($PROPSCOPE_DB) and with the tiny test model installed as ``fast``. Web URLs are answered by a
stand-in for ``propscope.fetch.fetch``, so no line needs the network. The few lines that need
a running server, another machine or hours of training are listed in SKIP with the reason.
"""

from __future__ import annotations

import glob
import io
import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from propscope.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"

# command line prefix -> why it is not run here
SKIP = {
    "propscope train": "trains on the shared corpora (hours for a span model, minutes for ngram); "
                       "tests/test_training.py and tests/test_ngram.py cover training",
    "propscope serve": "runs a web server until stopped; tests/test_web.py covers the app",
    "propscope batch corpus/ --output results/ --scheduler tcp://": "needs a Dask scheduler and a PostgreSQL server "
                                                                   "on other machines",
}


def readme_commands() -> list[str]:
    """The ``propscope`` lines of the README's bash blocks, comments dropped, in order."""
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if re.match(r"(cat \S+ \| )?propscope ", line.strip()):
                lines.append(re.sub(r"\s+#.*$", "", line).strip())
    return lines


COMMANDS = readme_commands()

ARTICLE = ("Globalist elites are coming for your freedom\n\nThe corrupt establishment media will never tell you "
           "the truth. These traitors have betrayed every patriot in this great nation.\n\n"
           "“They want to destroy everything we love,” said one veteran. According to the Daily Patriot, "
           "officials knew about the plan for months.\n")
ARTICLE_FR = ("Les élites mondialistes veulent détruire notre pays\n\nCes traîtres corrompus mentent au peuple "
              "depuis des années, et les médias aux ordres se taisent.\n\nLe ministre a déclaré mardi que la réforme "
              "serait adoptée avant l'été.\n")
SHIPPED = Path(__file__).resolve().parents[1] / "src" / "propscope" / "models"
COPY = ("A reader wrote in this week. The corrupt establishment media will never tell you the truth. These traitors "
        "have betrayed every patriot in this great nation. We disagree with the letter.\n")
PAGE = ("<html><head><title>Story</title></head><body><article><h1>Story</h1><p>"
        + "The council met on Monday and the mayor said the budget was a disgrace. " * 6 + "</p></article></body></html>")
FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Feed story</title>'
        '<link>https://example.com/feed-story</link><guid>feed-1</guid><pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate>'
        '<description>&lt;p&gt;The minister said the radical plan would ruin the country.&lt;/p&gt;</description>'
        '</item></channel></rss>')


def _fake_fetch(url: str, **_):
    """Canned answers for the README's example URLs, in place of the network."""
    from propscope.fetch import Fetched

    if url.endswith((".xml", ".rss")):
        return Fetched(url, "application/rss+xml", FEED.encode())
    return Fetched(url, "text/html; charset=utf-8", PAGE.encode())


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, tiny_model):
    """A folder with the README's file names, a scratch default store and the tiny model as
    ``fast``; the cwd and environment point there for the module's tests."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    root = tmp_path_factory.mktemp("readme")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "article_fr.txt").write_text(ARTICLE_FR, encoding="utf-8")
    for name in ("folder", "saved-pages", "corpus", "ARTICLES_DIR", "DIR"):
        (root / name).mkdir()
        (root / name / "article1.txt").write_text(ARTICLE, encoding="utf-8")
        (root / name / "article2.txt").write_text(COPY, encoding="utf-8")
    (root / "saved-pages" / "page.html").write_text(PAGE, encoding="utf-8")
    records = [{"id": "n1", "text": "Officials said the militants created ISIS cells in the region, a plot of "
                "traitors.", "outlet": "a.example", "published": "2020-02-01"},
               {"id": "n2", "text": COPY, "outlet": "b.example", "published": "2021-05-01"}]
    jsonl = "".join(json.dumps(r) + "\n" for r in records)
    for name in ("news.jsonl", "export.jsonl", "corpus/part1.jsonl"):
        (root / name).write_text(jsonl, encoding="utf-8")
    with open(root / "crawl.warc.gz", "wb") as f:
        w = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://w.example/1", "response", payload=io.BytesIO(
            PAGE.replace("council", "committee").encode()), http_headers=headers))
    (root / "feed.rss").write_text(FEED.replace("feed-1", "feed-2").replace("feed-story", "feed-story-2"))
    (root / "links.urls").write_text("# pages to fetch\nhttps://example.com/story-1\n")
    (root / "SPANS_FILE").write_text("1\t?\t0\t16\n1\t?\t50\t70\n")
    (root / "LABELS").write_text("1\tLoaded_Language\t0\t16\n1\tName_Calling,Labeling\t107\t115\n")
    (root / "GOLD_ROWS").write_text("1\t1\tLoaded_Language\n1\t3\tDoubt,Name_Calling-Labeling\n1\t5\t\n")
    (root / "PRED_ROWS").write_text("1\t1\tLoaded_Language\n1\t3\tDoubt\n1\t5\tSlogans\n")
    models = root / "models"
    models.mkdir()
    for name in ("accurate", "fast"):  # the shipped names, so README lines with or without --model run quickly
        (models / name).symlink_to(tiny_model, target_is_directory=True)
    (models / "ngram").symlink_to(SHIPPED / "ngram", target_is_directory=True)  # no encoder: the real one is quick
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        mp.setenv("PROPSCOPE_DB", str(root / "store" / "propscope.db"))
        mp.setenv("PROPSCOPE_MODELS", str(models))
        mp.setattr("propscope.fetch.fetch", _fake_fetch)
        # the corpus commands find a store with analysed articles whatever order they run in
        assert CliRunner().invoke(main, ["ingest", "export.jsonl", "saved-pages/"]).exit_code == 0
        assert CliRunner().invoke(main, ["analyze", "--db"]).exit_code == 0
        yield root


def _skip_reason(line: str) -> str | None:
    return next((why for prefix, why in SKIP.items() if line.startswith(prefix)), None)


def test_readme_shows_commands_and_every_skip_is_used():
    assert len(COMMANDS) >= 20, COMMANDS
    for prefix in SKIP:
        assert any(c.startswith(prefix) for c in COMMANDS), f"SKIP entry {prefix!r} matches no README line"
    assert sum(_skip_reason(c) is not None for c in COMMANDS) <= 5


@pytest.mark.parametrize("line", COMMANDS)
def test_readme_command_runs(line, workspace):
    why = _skip_reason(line)
    if why:
        pytest.skip(why)
    stdin = None
    m = re.match(r"cat (\S+) \| (.*)", line)
    if m:
        stdin, line = (workspace / m.group(1)).read_text(encoding="utf-8"), m.group(2)
    args = []
    for word in shlex.split(line, comments=True)[1:]:  # the shell's globbing, for corpus/*.jsonl
        args += sorted(glob.glob(word)) if "*" in word else [word]
    r = CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)
    assert r.exit_code == 0, f"{line}\n{r.output}"
    assert "Traceback" not in r.output
    assert not any(p.name.startswith("-") for p in workspace.iterdir()), "an option was taken for a file name"
    if "-o" in args:
        out = workspace / args[args.index("-o") + 1]
        assert out.stat().st_size > 0
    if args[:1] == ["search"]:
        assert r.stdout.strip(), "the README's search finds the article it is about"


def test_readme_python_block_runs(workspace, capsys):
    """The README's Python example, run as written with the names it leaves to the reader bound to
    small texts: an API that changes without the README (or the reverse) fails here."""
    import datetime as dt

    block = re.search(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    names = {"text": ARTICLE, "text_a": ARTICLE, "text_b": "Breaking news. " + ARTICLE,
             "day_a": dt.date(2020, 1, 1), "day_b": dt.date(2020, 1, 2)}
    exec(compile(block, "README.md", "exec"), names)
    assert isinstance(names["same"], type(names["a"])) and names["same"].to_json() == names["a"].to_json()
    assert names["b"].attributions is not None and [c.origin for c in names["copies"].clusters] == ["a"]
    assert re.search(r"^a \[\('a', 0, \d+\), \('b', 15, \d+\)\]$", capsys.readouterr().out, re.M)
