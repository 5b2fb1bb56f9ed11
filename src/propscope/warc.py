"""WARC and ARC archives (a crawl, a web archive's export) read as articles: their HTML responses,
decoded and extracted as ``ingest`` reads any page. An archive is often cut short or damaged in
the middle, and warcio stops there without a word; here every record that cannot be read is
reported with its number and the byte it starts at, and reading goes on at the next record.
"""

from __future__ import annotations

import os
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .document import Article
from .ingest import (
    DEFAULT_MAX_BYTES,
    Note,
    Rejected,
    declared_charset,
    decode_text,
    file_head,
    html_to_article,
    printable,
    read_at_most,
    web_url,
)

WARC_ADVICE = "if a download or copy cut it short, fetch it again and ingest it again (stored records stay once)"
# The most of one archived page that is read (decompressed): its body was read whole first, so a
# 1 KB record of a gzip-encoded page of 300 MB of spaces took 655 MB of memory, and more took more.
WARC_PAGE_LIMIT = 5 * DEFAULT_MAX_BYTES
WARC_DAMAGED = "write the archive again with the tool that made it, or fetch the page again"
# The longest header line (WARC or HTTP), and the longest run of blank lines between records, that
# is read: warcio joins a line's pieces until a line break, so a 2 MB .warc.gz whose header line
# inflated to 2 GB ran past 4 minutes and 4 GB of memory.
WARC_LINE_LIMIT = 1 << 20
# The most bytes of header lines (WARC or HTTP) one record's head may hold before the blank line
# that ends it: each line is parsed into a Python pair, so a 918 KB .warc.gz of 600 MB of short
# "X: y" lines ran past 5 minutes and 4.3 GB, each line under WARC_LINE_LIMIT. Servers refuse
# heads far smaller (Apache: 100 fields of 8 KB).
WARC_HEAD_LIMIT = 1 << 20
# How many times its compressed size a gzipped record may inflate to, past WARC_PAGE_LIMIT: zeros
# inflate ~1,000 times, text and markup 3 to 30 times, and media hardly at all.
WARC_INFLATE_RATIO = 200


class WarcHeadersCut(ValueError):
    """A WARC record without the Content-Length every WARC record has: the file ends in its headers."""


class WarcOverBound(ValueError):
    """A record that would be read without end: a header line or a run of blank lines longer than
    ``WARC_LINE_LIMIT``, a head of header lines longer than ``WARC_HEAD_LIMIT``, or gzip data
    inflating more than ``WARC_INFLATE_RATIO`` times (a bomb)."""


WARC_ERRORS = (OSError, EOFError, ValueError, AttributeError, TypeError, KeyError, IndexError,
               OverflowError)  # and ArchiveLoadFailed; OverflowError: a Content-Length past 2**63


def read_warc(path: Path, name: str) -> Iterator[Article | Rejected | Note]:
    """HTML responses of a WARC or ARC file (gzipped or not), as articles keyed by URL. warcio
    stops quietly where a file is cut off, so a record shorter than its Content-Length, a record
    whose headers the file ends in and a gzip stream that ends inside a member are reported here,
    with the record's number and the byte it starts at. So is a record that does not end where
    its Content-Length says (warcio wrote three lines to stderr and kept the record cut short or
    run on into the next one). After a damaged record, reading goes on at the next WARC record
    (``next_warc_record``): warcio stopped there, and one bad record lost the rest of the crawl.
    HTTP responses without a readable status code are counted and named in one ``Note`` (a
    ``Rejected`` when the archive holds nothing else)."""
    gz = file_head(path).startswith(b"\x1f\x8b")  # by its bytes: a crawl.warc.gz a browser saved unzipped is plain
    if (start := _opening(path, gz)) is not None and not start.lstrip().startswith((b"WARC/", b"filedesc://")):
        shown = printable(start[:40].decode("utf-8", "replace"))
        yield Rejected(name, f"not a WARC/ARC file: it opens with {shown!r}, not a WARC/1.x or ARC (filedesc://) "
                             "header; give a page as .html, a text as .txt")
        return
    n = produced = begin = 0
    unreadable: list[int] = []
    while True:
        stop = yield from _warc_records(path, name, begin, n, gz, unreadable)
        n, produced = stop.n, produced + stop.produced
        resume = next_warc_record(path, stop.at + 1, gz) if stop.wrong or stop.failure is not None else None
        if resume is None:
            break
        if stop.failure is not None:
            skipped = records_between(path, stop.at, resume, gz)
            produced += 1
            yield Rejected(f"{name}#{n + 1}" if skipped else name, _skipped_stretch(path, gz, n, skipped, stop, resume))
            n += skipped
        begin = resume
    if unreadable:
        yield (Note if produced else Rejected)(name, _unreadable_status_note(unreadable))
        produced += 1
    if stop.wrong:
        return  # reported; nothing that looks like a record follows it
    if why := _warc_cut(path, n, stop.at, stop.failure, begin, gz):
        yield Rejected(f"{name}#{n + 1}", why)
    elif not produced:
        yield Rejected(name, "no HTML responses found: not a web archive, or one without pages")


def _unreadable_status_note(numbers: list[int]) -> str:
    """Why the responses numbered ``numbers`` were not read: no HTTP status code opens them."""
    k = len(numbers)
    shown = [f"{x:,}" for x in numbers[:8]] + ([f"{k - 8:,} more"] if k > 8 else [])
    listed = shown[0] if k == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return (f"{k:,} HTTP response{'' if k == 1 else 's'} not read (record{'' if k == 1 else 's'} {listed}): "
            "no status code such as 'HTTP/1.1 200 OK' opens the response, so whether it is a page cannot be told; "
            "the other records were read; the tool that wrote the archive wrote it wrongly, or it is damaged")


def _opening(path: Path, gz: bool) -> bytes | None:
    """The first bytes of the archive's content (decompressed when gzipped), or None when they
    cannot be read. warcio takes any line with spaces for an ARC record header, so gzipped text
    named .warc.gz was "no HTML responses found", or, cut short, "the 1 record before the cut"."""
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
        return zlib.decompressobj(wbits=31).decompress(head, 256) if gz else head[:256]
    except (OSError, zlib.error):
        return None


def records_between(path: Path, start: int, end: int, gz: bool) -> int:
    """How many WARC records the damaged stretch from byte ``start`` to ``end`` held, by the
    record starts in it: version lines ("WARC/1.0") in a plain file, gzip member headers in a
    gzipped one (a member whose start is damaged too is skipped with the stretch). Junk between
    records holds none. The count keeps the numbers of the records after it right."""
    with open(path, "rb") as f:
        f.seek(start)
        stretch = f.read(end - start)
    return len(re.findall(rb"\x1f\x8b\x08" if gz else rb"WARC/1\.[01]\r?\n", stretch))


def _skipped_stretch(path: Path, gz: bool, n: int, skipped: int, stop: _WarcStop, resume: int) -> str:
    """What was not read between byte ``stop.at`` and the next record, at ``resume``, after ``n``
    records: junk, one damaged record, or several."""
    where = f"at bytes {stop.at:,} to {resume - 1:,}"
    what = (f"{resume - stop.at:,} bytes that are no WARC/ARC record" if skipped == 0 else
            f"corrupt WARC/ARC record {n + 1} {where}, damaged" if skipped == 1 else
            f"{skipped} corrupt WARC/ARC records, {n + 1} to {n + skipped}, {where}, damaged")
    if skipped == 0:
        what += f" {where} (after record {n})"
    detail = _failure_detail(stop.failure, path, stop.at, gz) if stop.failure else "damaged"
    return (f"{what} ({detail}); not read; read on from the next record, record {n + skipped + 1} "
            f"at byte {resume:,}; {WARC_DAMAGED}")


@dataclass
class _WarcStop:
    """Where one pass of warcio over a WARC stopped: after ``n`` records (counted from the file's
    first), at byte ``at`` (the start of the record that failed or whose length is ``wrong``, or
    the end), on ``failure`` or none; ``produced`` items were yielded."""

    n: int
    at: int
    failure: Exception | None
    wrong: bool
    produced: int


def _warc_records(path: Path, name: str, begin: int, n: int, gz: bool = False, unreadable: list[int] | None = None):
    """The items of the WARC records from byte ``begin`` on, numbered after ``n``, up to the end,
    a damaged record or one whose length is wrong; returns the ``_WarcStop``. The numbers of
    responses without a readable HTTP status code go into ``unreadable``. In a plain file, a
    last record cut off in its headers or (not a page) in its body is reported: warcio read the
    first as a record of whatever length its cut header gave, and neither was named."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    produced, at, failure, wrong, it = 0, begin, None, False, None
    try:
        with open(path, "rb") as f:
            f.seek(begin)
            it = ArchiveIterator(f, arc2warc=True)
            _bound_lines(it.reader)
            it.INC_RECORD = ""  # warcio's three-line warning for a wrong Content-Length: reported below in one
            end = None if gz else os.fstat(f.fileno()).st_size
            for k, record in enumerate(it, n + 1):
                n, start, errors = k, it.offset, it.err_count
                try:
                    if end is not None and end - start <= HEAD_LIMIT and _cut_in_headers(path, start, gz):
                        raise WarcHeadersCut("the file ends inside its WARC headers")
                    no_status = _status_unreadable(record)
                    item = None if no_status else _warc_item(record, f"{name}#{n}", n, start, lambda: _goes_on(it, f))
                    if gz:
                        _drain_bounded(record, f, start)
                    it.read_to_end()  # where the record ends: warcio counts an error if that is not where its length says
                except (ArchiveLoadFailed, *WARC_ERRORS) as e:
                    failure, n = e, n - 1  # record n is the one that failed
                    break
                if it.err_count > errors or end is not None and it.offset >= end and _runs_over_next(record, path, start):
                    item, wrong = Rejected(f"{name}#{n}", _wrong_length(record, n, start)), True
                elif item is None and end is not None and it.offset >= end and (
                        missing := getattr(record.raw_stream, "limit", 0)):
                    item = Rejected(f"{name}#{n}", _cut_off(n, start, missing))
                elif no_status and unreadable is not None:
                    unreadable.append(n)
                produced += item is not None
                if item is not None:
                    yield item
                if wrong:
                    at = start
                    break
    except (ArchiveLoadFailed, *WARC_ERRORS) as e:  # warcio raises any of these on a damaged or cut-off record
        failure = e
    if not wrong and it is not None:
        at = it.offset
    return _WarcStop(n, at, failure, wrong, produced)


def _bound_lines(reader) -> None:
    """Make warcio's ``reader`` raise WarcOverBound on a line over ``WARC_LINE_LIMIT`` bytes, more
    blank lines in a row than that, or a head (header lines with no blank line or body read
    between them) over ``WARC_HEAD_LIMIT`` bytes: warcio read all three to their end (a line by
    joining its pieces, quadratic in time; blank lines one call each, hours for a gigabyte of them;
    header lines into a list of pairs, gigabytes for millions of them). Record bodies are read with
    ``read``, not by line, so a page's own long lines are not concerned, and a ``read`` (a body, a
    chunk of a chunked one) starts a new head."""
    readline, read, blank, head = reader.readline, reader.read, 0, 0

    def bounded(length: int | None = None) -> bytes:
        nonlocal blank, head
        limit = WARC_LINE_LIMIT
        if length is not None and length > sys.maxsize:  # a Content-Length of 2**63 or more: as readline said
            raise OverflowError(f"a length of {length:,} bytes, past what an index holds")
        asked = length is not None and 0 <= length < limit
        line = readline(length if asked else limit)
        if not asked and len(line) >= limit and not line.endswith(b"\n"):
            raise WarcOverBound(f"a line over {limit:,} bytes, longer than any WARC or HTTP header holds")
        empty = bool(line) and not line.strip()
        blank = blank + len(line) if empty else 0
        head = 0 if empty else head + len(line)
        if blank > limit:
            raise WarcOverBound(f"over {limit:,} bytes of blank lines after it, where WARC records have two")
        if head > WARC_HEAD_LIMIT:
            raise WarcOverBound(f"over {WARC_HEAD_LIMIT:,} bytes of header lines with no blank line to end them, "
                                "more than any WARC or HTTP head holds")
        return line

    def reading(*args) -> bytes:
        nonlocal blank, head
        blank = head = 0
        return read(*args)

    reader.readline, reader.read = bounded, reading


def _drain_bounded(record, f: BinaryIO, start: int) -> None:
    """Read the rest of a gzipped ``record``, which starts at byte ``start`` of ``f``, raising
    WarcOverBound once it has inflated past ``WARC_PAGE_LIMIT`` and ``WARC_INFLATE_RATIO`` times
    the compressed bytes read: warcio inflated a record of no page to its end, and a 2 MB record
    of 2 GB of zeros took 31 s."""
    inflated = 0
    while chunk := record.raw_stream.read(1 << 16):
        inflated += len(chunk)
        packed = max(f.tell() - start, 1)
        if inflated > WARC_PAGE_LIMIT and inflated > WARC_INFLATE_RATIO * packed:
            raise WarcOverBound(f"its gzip data inflates to over {inflated:,} bytes from {packed:,}, over "
                                f"{WARC_INFLATE_RATIO} times its size, as a compression bomb does; read no further")


def next_warc_record(path: Path, after: int, gz: bool) -> int | None:
    """The byte at which the first WARC record after byte ``after`` starts, or None: its version
    line "WARC/1.0" or "WARC/1.1" in a plain file (a record cut short runs straight into the next
    one, no line break between), a gzip member whose data opens with one in a gzipped file. Read
    1 MB at a time; a candidate member is tried on its first 64 KB only."""
    marker = re.compile(rb"\x1f\x8b\x08" if gz else rb"WARC/1\.[01]\r?\n")
    pos = after
    with open(path, "rb") as f:
        while True:
            f.seek(pos)
            chunk = f.read(1 << 20)
            for m in marker.finditer(chunk):
                if not gz or _opens_warc(f, pos + m.start()):
                    return pos + m.start()
            if len(chunk) < 1 << 20:
                return None
            pos += len(chunk) - 16  # a marker across the cut is found in the next chunk


def _runs_over_next(record, path: Path, start: int) -> bool:
    """Whether the record at byte ``start`` of a plain WARC, whose Content-Length runs past the end of
    the file, holds the start of another record: then its length is wrong, not the file cut short,
    and the records after it are read. Taken as cut off, the whole records it swallowed were lost."""
    return bool(getattr(record.raw_stream, "limit", 0)) and next_warc_record(path, start + 1, False) is not None


def _opens_warc(f: BinaryIO, at: int) -> bool:
    """Whether a gzip member starting at byte ``at`` of ``f`` opens with a WARC record."""
    f.seek(at)
    try:
        return zlib.decompressobj(wbits=31).decompress(f.read(1 << 16), 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _goes_on(it, f: BinaryIO) -> bool:
    """Whether a gzipped WARC goes on after the member warcio has just read to its end: more
    compressed data is buffered, or the file holds more than has been read of it."""
    decompressor = it.reader.decompressor if it.reader else None
    if decompressor is not None and decompressor.unused_data:
        return True
    try:
        return f.tell() < os.fstat(f.fileno()).st_size
    except (OSError, ValueError):
        return False


def _wrong_length(record, n: int, start: int) -> str:
    """Why record ``n`` of a WARC is not read when it does not end where its Content-Length says."""
    length = printable(str(record.rec_headers.get_header("Content-Length")))[:40]
    return (f"record {n} (at byte {start:,}) does not end where its Content-Length ({length}) says: the length is "
            f"wrong or the record cut short; not read; {WARC_DAMAGED}")


def _status_unreadable(record) -> bool:
    """Whether ``record`` is an HTTP response whose head warcio read without finding a status code
    in it ('HTTP/1.1 OK', an empty head, a page's markup where the head belongs): warcio parses any
    first line, and such a record was passed over as a non-2xx answer is, without a word."""
    head = record.http_headers
    if record.rec_type != "response" or head is None:
        return False  # no HTTP exchange (a dns: record, an empty record): nothing was expected
    return re.fullmatch(r"\d{3}", (head.statusline or "").split(" ", 1)[0]) is None


def _warc_item(record, source: str, n: int, start: int, goes_on=lambda: False) -> Article | Rejected | None:
    """The article of one WARC record, an HTML response or resource (None for a record that is no
    HTML page); raises what warcio raises on a damaged record (AttributeError: headers cut short).
    ``goes_on`` says whether the file continues after a body shorter than its Content-Length:
    then the length is wrong (its gzip member ends first), not the file cut short."""
    if record.format.startswith("warc") and record.rec_headers.get_header("Content-Length") is None:
        raise WarcHeadersCut("no Content-Length in its WARC headers: they are cut off or damaged")
    if record.rec_type == "response" and record.http_headers:
        if not record.http_headers.get_statuscode().startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":  # a page kept without its HTTP exchange (warcit, a browser's save)
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if "html" not in content_type.lower():
        return None
    url = _web_address(record.rec_headers.get_header("WARC-Target-URI"))
    body = read_at_most(record.content_stream(), WARC_PAGE_LIMIT)  # a gzip-encoded page may be a bomb
    if len(body) > WARC_PAGE_LIMIT:
        return Rejected(source, f"record {n} (at byte {start:,}) holds a page over {WARC_PAGE_LIMIT:,} bytes once "
                                "decompressed, more than propscope reads of one page; not read")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing and goes_on():
        return Rejected(source, _wrong_length(record, n, start))
    if missing:
        return Rejected(source, _cut_off(n, start, missing))
    text = decode_text(body, source, WARC_PAGE_LIMIT, charset=declared_charset(body, content_type), markup=True)
    if isinstance(text, Rejected) and (coding := _coding_not_read(record)):
        return Rejected(source, f"record {n} (at byte {start:,}) holds a page compressed as the server sent it, "
                                f"'Content-Encoding: {coding}', which propscope cannot decompress (gzip and deflate it "
                                "can); not read")
    return text if isinstance(text, Rejected) else html_to_article(text, url or source, source, url=url)


def _coding_not_read(record) -> str | None:
    """The HTTP Content-Encoding of ``record`` that warcio cannot decode here (``br`` without a
    brotli module, ``zstd``), whose bytes it hands on as they are: a page a browser-based crawl
    kept so was "looks binary (NUL bytes); give a UTF-8 text ...", words about a file."""
    from warcio.bufferedreaders import BufferedReader

    coding = (record.http_headers.get_header("Content-Encoding") or "") if record.http_headers else ""
    coding = printable(coding.strip().lower()[:40])
    return coding if coding and coding != "identity" and coding not in BufferedReader.DECOMPRESSORS else None


def _web_address(uri: str | None) -> str | None:
    """A record's WARC-Target-URI as the article's URL when it is a web address (http, https),
    else None: a record naming ``javascript:alert(1)`` stored that as its article's URL, which
    `export` handed on as a link. The page itself is still read."""
    return web_url(uri)


def _cut_off(n: int, start: int, missing: int) -> str:
    """Why record ``n``, at byte ``start``, is not read when the file ends ``missing`` bytes short of it."""
    return (f"record {n} (at byte {start:,}) is cut off: {missing:,} bytes of it are missing, the file ends early; "
            f"not read; {WARC_ADVICE}")


def _warc_cut(path: Path, n: int, start: int, failure: Exception | None, begin: int, gz: bool) -> str | None:
    """Why reading a WARC stopped before its end, or None: ``n`` records were read, and the one
    after them starts at byte ``start`` (warcio's offset, in the file's own bytes, gzipped or not);
    the last pass over the file began at byte ``begin`` (after a damaged record); ``gz``: the file
    is gzipped (by its first bytes, whatever its name says)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = start
    records = f"{n:,} record{'' if n == 1 else 's'}"
    read = f"the {records} before it were read, nothing after it; {WARC_ADVICE}"
    in_headers = (f"the file is truncated: it ends at byte {size:,}, inside the headers of record {n + 1} "
                  f"(from byte {start:,}); {read}")
    if isinstance(failure, WarcOverBound):  # its gzip data is not inflated to its end: it may be a bomb
        return f"corrupt WARC/ARC record {n + 1} at byte {start:,} of {size:,} ({failure}); {read}"
    gz_cut = gz and not _gzip_complete(path, begin)
    if failure is not None:
        if _cut_in_headers(path, start, gz):  # warcio trips on the missing header lines (AttributeError, ...)
            return in_headers
        detail = _failure_detail(failure, path, start, gz)
        if n == 0 and start == 0 and not isinstance(failure, (EOFError, WarcHeadersCut)):
            return f"not a WARC/ARC file, or damaged at its start ({detail})"
        cut = " (the file ends inside it)" if gz_cut else ""
        return f"corrupt WARC/ARC record {n + 1} at byte {start:,} of {size:,}{cut}, damaged or truncated ({detail}); {read}"
    if gz_cut:
        return (f"the file is truncated: it ends at byte {size:,}, inside a gzip member; the {records} before "
                f"the cut were read, anything after it is lost; {WARC_ADVICE}")
    if start < size:  # warcio takes the end of the file inside a record's headers for the end of the archive
        return in_headers
    return None


HEAD_LIMIT = 1 << 16  # the most of a record's start that is read to judge why warcio could not read it


def _record_head(path: Path, start: int, gz: bool) -> tuple[bytes, bool] | None:
    """The first bytes (up to ``HEAD_LIMIT``) of the record at byte ``start``, decompressed when
    the file is gzipped, and whether the file (or its gzip data) ends within them; None when its
    gzip data cannot be decompressed or the file cannot be read."""
    try:
        with open(path, "rb") as f:
            f.seek(start)
            raw = f.read(HEAD_LIMIT + 1)
    except OSError:
        return None
    ends = len(raw) <= HEAD_LIMIT
    if not gz:
        return raw[:HEAD_LIMIT], ends
    d = zlib.decompressobj(wbits=31)
    try:
        head = d.decompress(raw, HEAD_LIMIT)
    except zlib.error:
        return None
    return head, ends and not d.eof and len(head) < HEAD_LIMIT


def _cut_in_headers(path: Path, start: int, gz: bool) -> bool:
    """Whether the file ends inside the WARC headers of the record at byte ``start``: no blank
    line closes them before the end. warcio raises what it happens to trip on there (an
    AttributeError for a missing WARC-Target-URI, "unknown archive format" for a cut version
    line), which told a user nothing about a download cut short."""
    got = _record_head(path, start, gz)
    if got is None or not got[1]:
        return False
    head = got[0]
    warc = head.startswith(b"WARC/") or b"WARC/1.".startswith(head)  # an ARC record's header is one line
    return warc and re.search(rb"\r?\n\r?\n", head) is None


def _failure_detail(failure: Exception, path: Path, start: int, gz: bool) -> str:
    """What was wrong with the record at byte ``start`` that warcio could not read, in words: not
    warcio's exception, whose name and message ("AttributeError: 'NoneType' object has no attribute
    'startswith'", a first line of binary) say how warcio failed, not what is wrong with the file."""
    if isinstance(failure, (WarcHeadersCut, WarcOverBound)):
        return str(failure)
    got = _record_head(path, start, gz)
    if got is None:
        return "its gzip data is damaged and cannot be decompressed" if gz else "it cannot be read"
    head = got[0]
    if not re.match(rb"\s*(WARC/1\.[01]\r?\n|filedesc://)", head) and not (gz and not head):
        line = head.split(b"\n", 1)[0][:40].decode("utf-8", "replace")
        return f"it does not begin with a WARC/1.x or ARC header line; it begins {printable(line)!r}"
    if isinstance(failure, (EOFError, zlib.error)) or (gz and not head):
        return "its gzip data is damaged and cannot be decompressed"
    return ("its WARC headers are damaged: a field every record needs (WARC-Type, WARC-Target-URI, "
            "Content-Length) is missing or unreadable")


def _gzip_complete(path: Path, begin: int = 0) -> bool:
    """Whether a (multi-member) gzip file, from byte ``begin``, ends where its last member ends:
    decompressed in bounded steps, so a bomb cannot fill memory."""
    d, fed = zlib.decompressobj(wbits=31), False
    try:
        with open(path, "rb") as f:
            f.seek(begin)
            while chunk := f.read(1 << 16):
                while chunk:
                    d.decompress(chunk, 1 << 20)
                    fed = True
                    if d.eof:
                        chunk, d, fed = d.unused_data, zlib.decompressobj(wbits=31), False
                    else:
                        chunk = d.unconsumed_tail
    except (OSError, zlib.error):
        return False
    return not fed
