"""Corpus commands end to end: ingest (all formats, bad input), analyze --db, report, search, export."""

import gzip
import io
import json

import pytest
from click.testing import CliRunner

from propscope.cli import main

PAGE = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>" + "{t} body sentence number one. " * 12
        + "</p></article></body></html>")


def make_warc(path, pages, corrupt_tail=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for url, title in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(PAGE.format(t=title).encode()),
                                            http_headers=headers))
    data = buf.getvalue()
    if corrupt_tail:
        data += gzip.compress(b"WARC/1.0\r\nthis is not a record\r\n\r\n") + b"\x00garbage"
    path.write_bytes(data)


@pytest.fixture()
def cli(tiny_model):
    def run(*args, input=None):
        args = [str(a) for a in args]
        if args[0] == "analyze":
            args += ["--model", str(tiny_model)]
        return CliRunner().invoke(main, args, input=input, catch_exceptions=False)

    return run


def test_ingest_every_format_reports_summary(cli, db_url, tmp_path):
    (tmp_path / "a.txt").write_text("A plain story about the council meeting.")
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "j1", "text": "Jsonl story text.", "outlet": "j.example",
                                                     "published": "2021-05-01"}) + "\n{broken\n")
    (tmp_path / "news.csv").write_text("id,text,url\nc1,Csv story text.,https://c.example/1\nc2,,\n")
    make_warc(tmp_path / "crawl.warc.gz", [("https://w.example/1", "Warc one"), ("https://w.example/2", "Warc two")])
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        '<item><title>Feed one</title><link>https://f.example/1</link><guid>f1</guid>'
        '<pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate><description>&lt;p&gt;Feed entry text.&lt;/p&gt;</description>'
        '</item></channel></rss>')
    r = cli("ingest", tmp_path / "a.txt", tmp_path / "news.jsonl", tmp_path / "news.csv", tmp_path / "crawl.warc.gz",
            tmp_path / "feed.rss", "--db", db_url, "--format", "json")
    assert r.exit_code == 1  # two records were rejected; the rest is stored
    assert json.loads(r.output.splitlines()[-1]) == {"new": 6, "duplicates": 0, "rejected": 2}
    assert "news.jsonl:2" in r.stderr and "news.csv:3" in r.stderr
    again = cli("ingest", tmp_path / "crawl.warc.gz", tmp_path / "a.txt", "--db", db_url, "--format", "json")
    assert json.loads(again.output.splitlines()[-1]) == {"new": 0, "duplicates": 3, "rejected": 0}
    from propscope.store import Store

    s = Store(db_url)
    w = s.get_article("https://w.example/2")
    assert w.outlet == "w.example" and "Warc two body sentence" in w.text
    f = s.get_article("f1")
    assert f.text == "Feed entry text." and str(f.published) == "2020-03-03" and f.url == "https://f.example/1"


def test_corrupt_warc_keeps_good_records_and_stored_data(cli, db_url, tmp_path):
    (tmp_path / "first.txt").write_text("Already stored story.")
    cli("ingest", tmp_path / "first.txt", "--db", db_url)
    make_warc(tmp_path / "bad.warc.gz", [("https://w.example/ok", "Good page")], corrupt_tail=True)
    (tmp_path / "junk.warc").write_bytes(b"\x00\x01 definitely not a warc")
    r = cli("ingest", tmp_path / "bad.warc.gz", tmp_path / "junk.warc", "--db", db_url, "--format", "json")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    summary = json.loads(r.output.splitlines()[-1])
    assert summary["new"] == 1 and summary["rejected"] == 2
    assert "corrupt WARC" in r.stderr
    from propscope.store import Store

    assert Store(db_url).count_articles() == 2


def test_analyze_db_then_report_search_export(cli, db_url, tmp_path, sample_text):
    (tmp_path / "article1.txt").write_text(sample_text)
    (tmp_path / "article2.txt").write_text("The council met and approved the budget for road repairs.")
    cli("ingest", tmp_path, "--db", db_url)
    r = cli("analyze", "--db", db_url)
    assert r.exit_code == 0 and "analysed 2 articles" in r.output
    assert "analysed 0 articles" in cli("analyze", "--db", db_url).output
    rep = json.loads(cli("report", "--db", db_url, "--format", "json").output)
    assert rep["articles"] == 2 and rep["by_outlet"][0]["key"] == "unknown"
    cited = [c["source"] for c in rep["top_sources_by_outlet"]["unknown"]]
    assert "the Daily Patriot" in cited or "Daily Patriot" in cited  # sources found during analyze --db
    stored = json.loads(cli("export", "--db", db_url, "--format", "jsonl").output.splitlines()[0])
    assert stored["attributions"] and stored["entities"] and len(stored["targets"]) == len(stored["spans"])
    assert "By outlet" in cli("report", "--db", db_url).output
    assert cli("report", "--db", db_url, "--format", "csv").output.startswith("group,key,articles")
    hits = json.loads(cli("search", "repairs", "--db", db_url, "--format", "json").output)
    assert [h["id"] for h in hits] == ["2"]
    lines = cli("export", "--db", db_url, "--format", "jsonl").output.splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["spans"] is not None
    assert json.loads(cli("export", "--db", db_url, "--format", "label-studio").output)[0]["predictions"]
    assert "<Labels" in cli("export", "--format", "label-studio-config").output


def test_bad_database_url_is_one_line(cli):
    r = CliRunner().invoke(main, ["report", "--db", "postgresql://x@127.0.0.1:1/none"])
    assert r.exit_code == 1 and r.stderr.startswith("propscope: cannot open database")


def test_a_repost_with_metadata_fills_in_what_the_stored_copy_lacks(cli, db_url, tmp_path):
    """The same text stored bare, then ingested again with its outlet and date: the stored article
    gains them, and stderr says so (ingest and analyze --db PATHS alike)."""
    text = "A plain council report on roads and budgets. It passed."
    (tmp_path / "bare.txt").write_text(text)
    assert cli("ingest", tmp_path / "bare.txt", "--db", db_url).exit_code == 0
    (tmp_path / "full.jsonl").write_text(json.dumps({"id": "r1", "text": text, "outlet": "council.example",
                                                     "published": "2021-05-06"}) + "\n")
    r = cli("ingest", tmp_path / "full.jsonl", "--db", db_url, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == {"new": 0, "duplicates": 1, "rejected": 0}
    assert "filled in the missing outlet, published of stored article 'bare-" in r.stderr
    rep = json.loads(cli("report", "--db", db_url, "--format", "json").output)  # nothing analysed yet
    assert rep["articles"] == 0
    (tmp_path / "titled.jsonl").write_text(json.dumps({"text": text, "title": "Roads report", "language": "en"}) + "\n")
    r = cli("analyze", tmp_path / "titled.jsonl", "--db", db_url, "--no-sources")
    assert r.exit_code == 0 and "filled in the missing title, language of stored article 'bare-" in r.stderr
    rows = json.loads(cli("report", "--db", db_url, "--format", "json").output)["top_articles"]
    assert [(a["title"], a["outlet"], a["published"]) for a in rows] == [("Roads report", "council.example",
                                                                        "2021-05-06")]
    again = cli("ingest", tmp_path / "full.jsonl", "--db", db_url)
    assert "filled in" not in again.stderr  # nothing missing any more: nothing said
