"""Turn what users have (files, folders, stdin, JSONL/CSV exports, URLs) into Articles.

Readers yield ``Article`` or ``Rejected`` and never raise for bad input: one
broken record must not cost the rest of a run. Text is decoded strictly as
UTF-8 and kept exactly as read, so span offsets point into what the user gave.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .document import Article
from .ptc import article_id_from_path

DEFAULT_MAX_BYTES = 10_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
RECORD_FIELDS = ("id", "text", "title", "url", "outlet", "published", "language")


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read, and why, with where it came from."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private_urls: bool = False
    timeout: float = 15.0
    feeds: bool = False  # URLs given are RSS/Atom feeds: an HTML answer is an error


def decode_text(data: bytes, source: str, max_bytes: int) -> str | Rejected:
    if not data:
        return Rejected(source, "empty input")
    if len(data) > max_bytes:
        return Rejected(source, f"{len(data):,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    if b"\x00" in data[:8192]:
        return Rejected(source, "looks binary (NUL bytes); give a UTF-8 text, HTML, JSONL or CSV file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return Rejected(source, f"not valid UTF-8 (byte {e.start}); convert it, e.g. iconv -f latin1 -t utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return Rejected(source, "no text (only whitespace)")
    return text


def html_to_article(html: str, article_id: str, source: str, url: str | None = None) -> Article | Rejected:
    """Main text and metadata of a web page, via trafilatura."""
    import trafilatura

    raw = trafilatura.extract(html, output_format="json", with_metadata=True, url=url, favor_recall=True)
    if not raw:
        return Rejected(source, "no article text found in the HTML")
    meta = json.loads(raw)
    text = meta.get("text") or ""
    if not text.strip():
        return Rejected(source, "no article text found in the HTML")
    return Article(id=article_id, text=text, title=meta.get("title") or None, url=url,
                   outlet=meta.get("hostname") or (urlsplit(url).hostname if url else None),
                   published=_date(meta.get("date")), language=meta.get("language") or None)


def _date(value):
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def record_to_article(rec: object, default_id: str, source: str) -> Article | Rejected:
    if not isinstance(rec, dict):
        return Rejected(source, "record is not an object")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(source, "record has no text")
    meta = {k: v for k, v in rec.items() if k not in RECORD_FIELDS and v not in (None, "")}
    rid = rec.get("id")
    url = rec.get("url") or None
    return Article(id=str(rid) if rid not in (None, "") else default_id, text=text, title=rec.get("title") or None,
                   url=url, outlet=rec.get("outlet") or (urlsplit(url).hostname if url else None),
                   published=_date(rec.get("published")), language=rec.get("language") or None, meta=meta)


def read_jsonl(data: str, name: str) -> Iterator[Article | Rejected]:
    stem = Path(name).stem
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejected(f"{name}:{n}", f"invalid JSON ({e.msg})")
            continue
        yield record_to_article(rec, f"{stem}-{n}", f"{name}:{n}")


def read_csv(data: str, name: str) -> Iterator[Article | Rejected]:
    stem = Path(name).stem
    try:
        reader = csv.DictReader(io.StringIO(data, newline=""))
        fields = reader.fieldnames or []
        if "text" not in fields:
            yield Rejected(name, f"CSV has no 'text' column (columns: {', '.join(fields) or 'none'})")
            return
        for n, row in enumerate(reader, 2):
            if None in row:
                yield Rejected(f"{name}:{n}", "row has more cells than the header")
                continue
            yield record_to_article(row, f"{stem}-{n}", f"{name}:{n}")
    except csv.Error as e:
        yield Rejected(name, f"malformed CSV: {e}")


def read_feed(data: bytes, name: str) -> Iterator[Article | Rejected]:
    """Entries of an RSS or Atom feed, their content (or summary) as text."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries and (feed.bozo or not feed.get("version")):
        yield Rejected(name, "not an RSS or Atom feed" + (f" ({feed.bozo_exception})" if feed.bozo else ""))
        return
    for n, entry in enumerate(feed.entries, 1):
        source = f"{name}#{n}"
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _html_fragment_text(body) if "<" in body else body
        if not text.strip():
            yield Rejected(source, "feed entry has no text")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        link = entry.get("link") or None
        yield Article(id=str(entry.get("id") or link or f"{Path(name).stem}-{n}"), text=text,
                      title=entry.get("title") or None, url=link, outlet=urlsplit(link).hostname if link else None,
                      published=_date("{:04d}-{:02d}-{:02d}".format(*published[:3])) if published else None)


def _html_fragment_text(fragment: str) -> str:
    """Text of a short HTML fragment (a feed entry), paragraphs on their own lines."""
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def read_warc(path: Path, name: str) -> Iterator[Article | Rejected]:
    """HTML responses of a WARC or ARC file (gzipped or not), as articles keyed by URL."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = produced = 0
    try:
        with open(path, "rb") as f:
            for n, record in enumerate(ArchiveIterator(f, arc2warc=True), 1):
                if record.rec_type != "response" or not record.http_headers:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{name}#{n}"
                if not record.http_headers.get_statuscode().startswith("2"):
                    continue
                if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                    continue
                body = record.content_stream().read()
                text = decode_text(body, source, DEFAULT_MAX_BYTES * 5)
                produced += 1
                if isinstance(text, Rejected):
                    yield text
                    continue
                yield html_to_article(text, url or source, source, url=url)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        yield Rejected(f"{name}#{n + 1}", f"corrupt WARC/ARC record, stopped reading this file: {e}")
        return
    if not produced:
        yield Rejected(name, "no HTML responses found: not a web archive, or one without pages")


def url_list(text: str) -> list[str] | None:
    """The URLs of a file that lists only URLs (one per line, # comments allowed), else None."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if lines and all(_is_url(line) and " " not in line for line in lines):
        return lines
    return None


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def read_file(path: Path, opts: ReadOptions, name: str | None = None) -> Iterator[Article | Rejected]:
    name = name or str(path)
    suffix = path.suffix.lower()
    if path.name.lower().endswith(WARC_SUFFIXES):
        yield from read_warc(path, name)
        return
    known = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".jsonl", ".ndjson", ".csv", ".urls"}
    if suffix not in known:
        yield Rejected(name, f"unsupported format {suffix!r}; give .txt, .html, .jsonl, .csv, .warc, .rss or .urls")
        return
    try:
        size = path.stat().st_size
        if size > opts.max_bytes:
            yield Rejected(name, f"{size:,} bytes is over the {opts.max_bytes:,}-byte limit (raise it with --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Rejected(name, f"cannot read: {e.strerror or e}")
        return
    if suffix in FEED_SUFFIXES:
        yield from read_feed(data, name) if data.strip() else iter([Rejected(name, "empty input")])
        return
    text = decode_text(data, name, opts.max_bytes)
    if isinstance(text, Rejected):
        yield text
    elif suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(text, name)
    elif suffix == ".csv":
        yield from read_csv(text, name)
    elif suffix in HTML_SUFFIXES:
        yield html_to_article(text, article_id_from_path(path), name)
    elif (urls := url_list(text)) is not None:
        for url in urls:
            yield from read_url(url, opts)
    elif suffix == ".urls":
        yield Rejected(name, "a .urls file must list one http(s) URL per line")
    else:
        yield Article(id=article_id_from_path(path), text=text)


def read_url(url: str, opts: ReadOptions) -> Iterator[Article | Rejected]:
    from .fetch import FetchError, fetch

    try:
        got = fetch(url, timeout=opts.timeout, max_bytes=opts.max_bytes, allow_private=opts.allow_private_urls)
    except FetchError as e:
        yield Rejected(url, str(e))
        return
    ctype = got.content_type.lower()
    if opts.feeds or any(k in ctype for k in ("rss", "atom", "/xml")):
        if "html" in ctype:
            yield Rejected(url, f"expected an RSS or Atom feed, got {ctype.split(';')[0]}")
        else:
            yield from read_feed(got.body, url)
        return
    text = decode_text(got.body, url, opts.max_bytes)
    if isinstance(text, Rejected):
        yield text
    elif "html" in ctype or text.lstrip()[:1] == "<":
        yield html_to_article(text, got.url, url, url=got.url)
    else:
        yield Article(id=got.url, text=text, url=got.url, outlet=urlsplit(got.url).hostname)


def read_inputs(sources: Iterable[str], opts: ReadOptions | None = None) -> Iterator[Article | Rejected]:
    """Every article in ``sources``: files (text, HTML, JSONL, CSV, WARC/ARC, RSS/Atom, URL
    lists), folders (their .txt and .html, recursively), ``-`` for stdin, or http(s) URLs."""
    opts = opts or ReadOptions()
    for source in sources:
        if source == "-":
            text = decode_text(sys.stdin.buffer.read(opts.max_bytes + 1), "stdin", opts.max_bytes)
            yield text if isinstance(text, Rejected) else Article(id="stdin", text=text)
        elif _is_url(source):
            yield from read_url(source, opts)
        else:
            path = Path(source)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in {".txt"} | HTML_SUFFIXES)
                if not files:
                    yield Rejected(source, "folder holds no .txt or .html files")
                for f in files:
                    yield from read_file(f, opts)
            elif path.exists():
                yield from read_file(path, opts)
            else:
                yield Rejected(source, "no such file or folder")
