"""Turn what users have (files, folders, stdin, JSONL/CSV exports, URLs) into Articles.

Readers yield ``Article`` or ``Rejected`` and never raise for bad input: one
broken record must not cost the rest of a run. Text is decoded strictly as
UTF-8 and kept exactly as read, so span offsets point into what the user gave
(classic Mac line ends, a lone CR, become LF one for one, which moves no offset).
Every article is checked before it leaves (``check_article``): what a database
would refuse (lone surrogates, NUL characters, over-long ids) is rejected here,
with its source and line, rather than failing a whole insert batch later.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import json
import math
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from .document import DEFAULT_MAX_BYTES, Article
from .html_page import (
    clean,
    declared_address,
    headline,
    headline_once,
    protect_joiners,
    restore_joiners,
    shown_headlines,
    without_meta_lines,
)
from .ptc import CONVERT_ADVICE, article_id_from_path, has_ptc_name

if TYPE_CHECKING:
    from lxml.html import HtmlElement

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
RECORD_FIELDS = ("id", "text", "title", "url", "outlet", "published", "language")
# Column sizes of the store (store.py declares its columns with these): longer values are refused
# here, with their source, since PostgreSQL would fail the whole insert batch on them.
FIELD_LIMITS = {"id": 512, "url": 2048, "outlet": 255, "language": 16}


@dataclass(frozen=True)
class Note:
    """What a user should know about an input that is no rejection (files a folder holds that
    are not read): reported, never counted as a rejected input nor a reason to fail."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{shortened(printable(self.source))}: {shortened(printable(self.message), 1000)}"


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read, and why, with where it came from."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{shortened(printable(self.source))}: {shortened(printable(self.reason), 1000)}"


def shortened(s: str, most: int = 300) -> str:
    """``s`` with its middle left out when it is over ``most`` characters, saying how many: a
    source may be a 70,000-character URL and a reason may quote a whole line of the input, and
    the one line that reports them must stay readable. Head and tail stay (the tail of a reason
    says what to do)."""
    if len(s) <= most:
        return s
    head, tail = most * 2 // 3, most // 3
    return f"{s[:head]}...[{len(s) - head - tail:,} characters left out]...{s[-tail:]}"


def printable(s: str) -> str:
    """``s`` with each character that is not printable written as its Python escape (``\\n``,
    ``\\x1b``, ``\\u202e``): a file name may hold a line break, a terminal escape sequence or a
    right-to-left override, and the one line that reports it must stay one line, as written."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in s)


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private_urls: bool = False
    timeout: float = 15.0
    feeds: bool = False  # URLs given are RSS/Atom feeds: an HTML answer is an error
    # Ids for a store, where the id is identity: an input without an id of its own (stdin, a file
    # named other than articleNNN.txt, a JSONL/CSV record or feed entry without one) gets its name
    # plus a digest of its text, so two different texts never share an id. Off, ids are the PTC
    # convention (a file's stem, "stdin", "file-LINE") that reads well next to the input.
    unique_ids: bool = False


def generated_id(base: str, text: str, unique: bool) -> str:
    """``base``, or with ``unique`` ``base-<12 hex digits of the text's SHA-256>``: the same text
    always gets the same id and different texts different ones, wherever they were read from."""
    if not unique:
        return base
    return f"{base}-{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"


def split_jsonl(data: str) -> list[str]:
    """The lines of a JSON Lines text: split on "\\n" only. ``str.splitlines`` also splits on
    U+2028, U+2029, U+0085 and others, which may stand unescaped inside a JSON string. A file
    ended by lone CRs (classic Mac OS) is split too: ``decode_text`` gives its CRs as LFs."""
    return [line[:-1] if line.endswith("\r") else line for line in data.split("\n")]


def check_article(a: Article) -> str | None:
    """Why a database could not store ``a`` as it is, or None: lone surrogates (not Unicode
    text), NUL characters (PostgreSQL refuses them) and values longer than their column."""
    fields = {"id": a.id, "text": a.text, "title": a.title, "url": a.url, "outlet": a.outlet,
              "language": a.language}
    try:
        fields["meta"] = json.dumps(a.meta, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        return f"metadata cannot be stored as JSON ({e})"
    for name, value in fields.items():
        if value is None:
            continue
        if not isinstance(value, str):
            return f"field {name!r} must be a string, not {_json_type(value)}"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            return (f"field {name!r} holds a lone surrogate (U+{ord(value[e.start]):04X}) at character {e.start}, "
                    "which is not Unicode text")
        if "\x00" in value:
            return f"field {name!r} holds a NUL character at character {value.index(chr(0))}"
        limit = FIELD_LIMITS.get(name)
        if limit and len(value) > limit:
            return f"field {name!r} is {len(value):,} characters, over the {limit:,} a store keeps"
    return None


def checked(item: Article | Rejected, source: str) -> Article | Rejected:
    """``item``, or a ``Rejected`` for ``source`` when ``check_article`` finds it unstorable."""
    if isinstance(item, Rejected):
        return item
    reason = check_article(item)
    return Rejected(source, reason) if reason else item


def file_article_id(path: Path, text: str, unique: bool) -> str:
    """A file's article id: a PTC name (``article123.txt`` -> ``123``) is the corpus's own id;
    any other file is named by its stem, made unique with ``unique`` (see ``ReadOptions``). A
    name's bytes that are not UTF-8 (Python holds them as lone surrogates, which no store keeps)
    become U+FFFD: the file's text is fine, and its name must not cost it."""
    base = os.fsencode(article_id_from_path(path)).decode("utf-8", "replace")
    return base if has_ptc_name(path) else generated_id(base, text, unique)


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object", str: "a string",
             type(None): "null"}
    return names.get(type(value), type(value).__name__)


# Compressed files people save articles and exports as, by their first bytes, and how to open them;
# and the name endings that say a file is one (a .docx is a zip, but no compressed text).
COMPRESSED_SUFFIXES = {".gz", ".tgz", ".bz2", ".xz", ".zst", ".zip"}
COMPRESSED = ((b"\x1f\x8b", "gzip", "gunzip -k FILE"), (b"PK\x03\x04", "zip", "unzip FILE"),
              (b"\xfd7zXZ\x00", "xz", "unxz -k FILE"), (b"\x28\xb5\x2f\xfd", "zstd", "unzstd FILE"))


def compressed(data: bytes) -> str | None:
    """Why ``data`` cannot be read as text when it is a compressed file (bzip2 by its whole
    signature, "BZh" + level + block magic, since "BZh" alone may open a text), else None."""
    for magic, kind, tool in COMPRESSED:
        if data.startswith(magic):
            return f"is {kind}-compressed; decompress it first ({tool})"
    if data[:3] == b"BZh" and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
        return "is bzip2-compressed; decompress it first (bunzip2 -k FILE)"
    return None


def decode_text(data: bytes, source: str, max_bytes: int, records: bool = False,
                charset: str | None = None, markup: bool = False) -> str | Rejected:
    """``data`` as UTF-8 text (or UTF-16/32, ``wide_encoding``), else why not. With ``records`` (CSV, JSON
    Lines) a NUL byte past the first 8 bytes is the problem of the record that holds it (rejected
    with its line), not a sign of a binary file: one stray NUL must not cost a whole export.
    ``charset`` is what an HTML page declares (``declared_charset``): it decodes a page that is
    not UTF-8 (``declared_reading``: in windows-1252 when the declared charset garbles it); a page
    that is UTF-8 stays UTF-8 whatever it declares, but for an ISO-2022 one (``SEVEN_BIT``); one that
    declares none is read as windows-1252 when it reads as Western text (``undeclared_reading``).
    With ``markup`` (a web page) a few NUL bytes past its first 16 (under one in 100 bytes: a
    CMS's stray one) are dropped, as browsers drop them; such a page was "looks binary"."""
    if not data:
        return Rejected(source, "empty input")
    if len(data) > max_bytes:
        # no count: a stream is read to one byte past the limit, so its length says only "more"
        return Rejected(source, f"over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    if why := compressed(data):
        return Rejected(source, why)
    if wide := wide_encoding(data):  # Windows "Unicode" text, Excel exports, PowerShell's > redirection
        try:
            data = data.decode(wide).encode("utf-8")
        except UnicodeError:
            return Rejected(source, f"starts like {wide.upper()} but is not valid {wide.upper()}; convert it to UTF-8")
    if markup and b"\x00" not in data[:16] and data.count(0) * 100 < len(data):
        data = data.replace(b"\x00", b"")
    if b"\x00" in (data[:8] if records else data):  # binaries (ELF, gzip, zip) and UTF-16 show one early
        if (at := utf8_before_nul(data)) is not None:
            return Rejected(source, f"UTF-8 text holding NUL bytes from byte {at} (a stretch of UTF-16 pasted in?); "
                                    "convert that part to UTF-8")
        return Rejected(source, "looks binary (NUL bytes); give a UTF-8 text, HTML, JSONL or CSV file")
    other = charset if charset not in (None, "utf-8") else None
    if other and other.startswith(SEVEN_BIT):  # written in ASCII bytes, which pass as UTF-8 too
        try:
            return _text_or_blank(data.decode(other), source)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if other:
            read = declared_reading(data, other)
        else:  # a page declaring no charset is windows-1252, as browsers read it, when it reads as Western
            read = undeclared_reading(data) if markup and charset is None else None
        if read is None:
            declared = f" nor the {other} it declares" if other else ""
            return Rejected(source, f"not valid UTF-8{declared} (byte {e.start}); {CONVERT_ADVICE}")
        text = read
    return _text_or_blank(text, source)


def wide_encoding(data: bytes) -> str | None:
    """The codec of text in UTF-32 or UTF-16: by its byte-order mark, or for UTF-16 without one
    (``utf-16-le``, ``utf-16-be``) by its NUL bytes, which every ASCII character puts on the same
    side of its pair: a tenth of the pairs or more with one there (and at least 8, or half the
    pairs of a shorter text), nearly none on the other side, and the whole decoding without NULs
    or control characters. Such a file was refused as binary. A binary has NULs on both sides, or
    decodes to lone surrogates or control characters; a short UTF-8 file with one stray NUL
    ("id,text\n1,ab\0cd") was read as UTF-16, its header garbled into CJK characters."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(data) % 2 or b"\x00" not in data[:4096] or utf8_before_nul(data) is not None:
        return None
    head = data[:1 << 16]
    pairs, even, odd = len(head) // 2, head[0::2].count(0), head[1::2].count(0)
    for codec, nul, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul >= pairs / 10 and nul >= min(8, pairs / 2) and other <= nul / 50:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec if not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f]", text) else None
    return None


def utf8_before_nul(data: bytes) -> int | None:
    """The offset of the first NUL byte of ``data`` when whole lines of UTF-8 text (8 bytes or more,
    no control characters) come before it: UTF-8 text with a stretch of UTF-16 pasted in (a Windows
    clipboard, PowerShell's ``>>``), which is no UTF-16 file, whose ASCII puts a NUL in its first
    pair. Such a text was read as UTF-16 whole and its UTF-8 lines stored as CJK characters."""
    nul = data.find(0)
    head = data[:data.rfind(b"\n", 0, nul) + 1] if nul > 0 else b""
    if len(head) < 8:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if re.search("[\x00-\x08\x0b\x0e-\x1f\x7f]", text) else nul


def _text_or_blank(text: str, source: str) -> str | Rejected:
    """``text`` without its byte-order mark, or why not when nothing else is left. A text whose
    lines end in a lone CR (classic Mac OS) gets LF instead, one for one, so every offset stays
    where it was: paragraphs and lines are split on LF, and such a text was one long line."""
    text = text.removeprefix("\ufeff")
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    if not text.strip():
        return Rejected(source, "no text (only whitespace)")
    return text


# The codec a browser reads a declared charset with (the HTML standard's encoding table): a
# superset of it, which legacy pages rely on. A "gb2312" page holds GBK's characters (a name's 喆
# or 镕), a "shift_jis" one Windows' ①, a "euc-kr" one the syllables only cp949 has: read in the
# declared codec itself, such a page was refused as not valid in it.
BROWSER_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "shift_jis": "cp932",
                  "euc_kr": "cp949", "iso8859-9": "cp1254", "tis-620": "cp874", "iso8859-11": "cp874"}


def declared_reading(data: bytes, charset: str) -> str | None:
    """``data`` (a page that is not UTF-8) in the ``charset`` it declares (read as browsers read
    it, ``BROWSER_CODECS``), or in windows-1252 when that reads as Western text (``western``) and
    the declared reading fails or is more garbled (``oddness``); None when neither reads. A
    template's <meta charset="shift_jis"> or "koi8-r" over text pasted in as windows-1252 gave
    "CafИ", "⌠new■", or was refused as not Shift JIS."""
    try:
        text: str | None = data.decode(BROWSER_CODECS.get(charset, charset))
    except UnicodeDecodeError:
        text = None
    try:
        fallback = data.decode("cp1252")
    except UnicodeDecodeError:
        return text
    if western(fallback) and (text is None or oddness(fallback) < oddness(text)):
        return fallback
    return text


def undeclared_reading(data: bytes) -> str | None:
    """A page that is not UTF-8 and declares no charset, read as windows-1252 (what HTML's
    standard has browsers assume for Western pages without a declaration), or None when it does
    not read as Western text (``western``). Saved pages from older sites, whose charset was only
    in the server's header, were refused as "not valid UTF-8". A page whose markup names a charset
    that is none (``declared_charset``: "base64", "utf-7") declares something: it stays refused."""
    if _META_CHARSET.search(data[:4096]) or _XML_ENCODING.match(data[:512]):
        return None
    mixed = data.decode("utf-8", "surrogateescape")  # each byte UTF-8 cannot read: one lone surrogate
    stray = len(_STRAY.findall(mixed))
    if len(_BEYOND_ASCII.findall(mixed)) - stray > stray:
        # mostly UTF-8 with a few stray windows-1252 bytes (a pasted curly quote): read as a whole as
        # windows-1252, its every "ß" and "ü" was "ÃŸ", "Ã¼"; only the stray bytes are windows-1252
        text = _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), mixed)
        return text if western(text) else None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if western(text) else None


_STRAY = re.compile("[\udc80-\udcff]")
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


_TAG = re.compile(r"<[^>]*+>")
SAMPLE = 1 << 20  # characters of a page ``oddness`` and ``western`` weigh (a 9 MB page whole: 6 s here)
# A character other than ASCII right before or after an ASCII letter: where mojibake shows.
_GLUED = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]|[^\x00-\x7f](?=[A-Za-z])")


def _odd(c: str) -> bool:
    """Whether ``c``, next to an ASCII letter, is a sign of text decoded in the wrong charset: a
    control or unassigned character, a symbol (KOI8-R reads windows-1252's curly quotes as "⌠",
    "■"), or a letter of a script other than Latin ("CafИ", "Caf駸")."""
    category = unicodedata.category(c)
    if category.startswith("S") or category in ("Cc", "Co", "Cn"):
        return True
    return c.isalpha() and not unicodedata.name(c, "").startswith("LATIN")


def oddness(text: str) -> int:
    """How garbled a page's text (outside its tags) reads: its C1 control characters (an ISO-8859
    charset reading windows-1252's quotes and dashes) and its ``_odd`` characters glued to ASCII
    letters. Real Russian or Japanese text has few ("iPhone用"); a Latin text in the wrong one
    has one at each accent or quote. Measured on the first ``SAMPLE`` characters, as ``western``."""
    words = _TAG.sub(" ", text[:SAMPLE])
    return len(re.findall("[\x80-\x9f]", words)) + sum(_odd(m.group()) for m in _GLUED.finditer(words))


def western(text: str) -> bool:
    """Whether ``text``, read as windows-1252, is plausibly a Western European text: under a third
    of the letters outside its tags other than ASCII. Japanese (EUC-JP) or Cyrillic bytes read as
    windows-1252 are nearly all "¤³¤ì", "Ïðàâ"; French or German text has a few accents a line."""
    words = _TAG.sub(" ", text[:SAMPLE])
    letters = sum(c.isalpha() for c in words)
    return 3 * sum(c.isalpha() and not c.isascii() for c in words) < max(letters, 1)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Python codecs that decode bytes to text but are no character set a page is written in: a page
# declaring one ("unicode_escape" turns its backslashes into line breaks) is read as UTF-8 only.
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")
# Charsets written in ASCII bytes with escape sequences ("ESC $ B" switches ISO-2022-JP to kanji): a
# page in one is valid UTF-8 too, and read as that it was escape codes and Latin junk.
SEVEN_BIT = ("iso2022", "hz")
NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "undefined", "charmap"}


def declared_charset(data: bytes, content_type: str = "") -> str | None:
    """The character set an HTML page declares, by its Content-Type header, else by a ``<meta>``
    in its first 4 KB, else by an XML declaration (``<?xml version="1.0" encoding="windows-1252"?>``,
    all a saved XHTML page may have), as a Python codec name; None when it declares none Python knows as a
    character set (``base64``, ``rot13``: those were a LookupError traceback). Latin-1 and ASCII
    mean windows-1252, and a <meta> saying UTF-16 or UTF-32 means UTF-8 (a page that declares it
    in ASCII is not in it), as browsers read them (the HTML standard says so)."""
    found = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", content_type, re.I)
    inline = _META_CHARSET.search(data[:4096]) or _XML_ENCODING.match(data[:512])
    name = found.group(1) if found else (inline.group(1).decode("ascii") if inline else None)
    try:
        codec = codecs.lookup(name).name if name else None
        b"a".decode(codec or "utf-8", "ignore")  # LookupError: a bytes-to-bytes codec; UnicodeError: "undefined"
    except (LookupError, UnicodeError):
        return None
    if codec in NOT_CHARSETS or (not found and codec and codec.startswith(("utf-16", "utf-32"))):
        return None
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


# A web archive's address of a saved page: "/web/20260115093012/https://…" (the Wayback Machine,
# "id_"/"if_" after the stamp), "/20260115093012/https://…" (archive.today), "/wayback/2026…/…".
# trafilatura gives the canonical address with "https:/" for "https://".
_ARCHIVED = re.compile(r"/(?:[a-z]+/)?\d{4,14}(?:[a-z]{2}_)?/https?:/{1,2}([^/?#\s:@]+\.[^/?#\s:@]+)", re.I)


def url_host(url: str | None) -> str | None:
    """The host name in ``url``, or None when there is no URL or it cannot be parsed (an unclosed
    IPv6 bracket, "http://[::1"): a record's broken link must not cost its text. A web archive's
    copy of a page (``_ARCHIVED``) names the archived page's host: the outlet is who published
    it, not the archive (every page saved from the Wayback Machine was "web.archive.org")."""
    try:
        parts = urlsplit(url) if url else None
        if parts is None:
            return None
        archived = _ARCHIVED.match(parts.path)
        host = archived.group(1).lower() if archived else parts.hostname
        return shown_host(host) if host else host
    except ValueError:
        return None


# Cyrillic and Greek small letters drawn like Latin ones: a label made only of them ("аррӏе") reads
# as a Latin name it is not.
_LATIN_LOOKALIKES = frozenset("асԁеһіјӏорԛѕԝхуүαεικνορτυχ")


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ", 1)[0]


def shown_host(host: str) -> str:
    """``host`` as a reader should see it: a label that could pass for another name is shown in its
    ``xn--`` form, as browsers show it: one that mixes Latin letters with another script's
    ("pаypal", a Cyrillic "а"), or one made only of Cyrillic or Greek letters that look Latin under a
    Latin top-level domain ("аррӏе.com"). Other names stay as their readers write them ("bücher.de",
    "мвд.рф"): the outlet is shown to a person, and a state outlet's look-alike domain is exactly what
    they must not be fooled by."""
    labels = host.split(".")
    latin_tld = labels[-1].isascii()
    out = []
    for label in labels:
        if label.isascii():
            out.append(label)
            continue
        scripts = {_script(ch) for ch in label if ch.isalpha()}
        mixed = "LATIN" in scripts and len(scripts) > 1
        lookalike = latin_tld and all(ch in _LATIN_LOOKALIKES for ch in label if ch.isalpha())
        try:
            out.append(label.encode("idna").decode("ascii") if mixed or lookalike else label)
        except UnicodeError:  # a label IDNA cannot encode: keep it as given
            out.append(label)
    return ".".join(out)


# One attribute, and the start of a tag with its run of attributes: possessive throughout (linear
# time on any input) and no closing ">" needed.
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+""")
_TAG_HEAD = re.compile(r"<([a-zA-Z][^\s/>]*+)((?:\s*+(?:" + _ATTRIBUTE.pattern + r"|/))*+)")
MAX_ATTRIBUTES = 256


# A numeric character reference to a code point XML cannot hold: C0 controls but tab, line feed, form
# feed, CR and the few libxml2 turns into spaces, and U+FFFE/U+FFFF (leading zeros and no ";" too).
_XML_UNFIT_REF = re.compile(r"&#(?:0*+(?:[1-8]|1[4-9]|2[0-7]|6553[45])|[xX]0*+(?:[1-8]|[eEfF]|1[0-9a-bA-B]|[fF]{3}[eEfF]))"
                            r"(?![0-9a-fA-F]);?")


def fit_references(html: str) -> str:
    """``html`` without numeric references to characters XML cannot hold (``&#8;``, ``&#x1B;``,
    ``&#xFFFF;``: a CMS escaping a pasted backspace): libxml2 decodes them, and trafilatura, which
    builds its output as XML, discarded a page holding one, "no article text found in the HTML".
    They are dropped, as the parser drops such a character standing in the page as a byte."""
    return _XML_UNFIT_REF.sub("", html) if "&#" in html else html


def tame_tags(html: str) -> str:
    """``html`` with every tag cut to its first ``MAX_ATTRIBUTES`` attributes: libxml2 checks each
    attribute against all the earlier ones of its tag, so one tag with 300,000 attributes (a 3 MB
    page) kept ingest busy for minutes. Pages with ordinary tags come back unchanged."""
    def cut(m: re.Match) -> str:
        run = m.group(2)
        if len(run) >= 2 * MAX_ATTRIBUTES:  # shorter runs cannot hold that many attributes
            for k, attribute in enumerate(_ATTRIBUTE.finditer(run), 1):
                if k == MAX_ATTRIBUTES:
                    return "<" + m.group(1) + run[:attribute.end()]
        return m.group(0)

    return _TAG_HEAD.sub(cut, html)


# How deep a page that libxml2 stops reading (256 levels without XML_PARSE_HUGE) is cut back to:
# deep enough to keep a page's outer structure, shallow enough for what lies under it.
FLAT_DEPTH = 128
_UNWANTED = {"script", "style", "template", "iframe", "object", "svg"}  # unwrapped, their text would be junk
_INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
           "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}


def _html_parser(huge: bool = False):
    """trafilatura's own parser settings (``trafilatura.utils.HTML_PARSER``), deeper with ``huge``."""
    import lxml.html

    return lxml.html.HTMLParser(encoding="utf-8", collect_ids=False, default_doctype=False, remove_comments=True,
                                remove_pis=True, huge_tree=huge)


def _limit_hit(parser, what: str = "") -> str | None:
    """libxml2's message when it stopped reading a page at one of its limits (with ``what``, one
    whose message holds that word), else None."""
    for e in parser.error_log:
        if e.type_name == "ERR_RESOURCE_LIMIT" and what in e.message.lower():
            return e.message
    return None


def readable_page(html: str) -> str | HtmlElement | Rejected:
    """``html`` itself when libxml2 reads it whole with trafilatura's settings, else the page
    parsed with XML_PARSE_HUGE, every element deeper than ``FLAT_DEPTH`` unwrapped (``_flatten``:
    its text kept), or why it cannot be read. Without XML_PARSE_HUGE libxml2 stops at 256 nested
    elements and at a 10 MB text node, so text under hundreds of CMS wrapper <div>s or layout
    tables was "no article text found", and text after a deep widget was cut off without a word;
    with it, libxml2 reads 2,048 levels, and a deeper page is refused here."""
    from lxml import etree

    data = html.encode("utf-8", "replace")
    parser = _html_parser()
    try:
        etree.fromstring(data, parser)
    except (ValueError, etree.LxmlError):
        return html  # trafilatura says what it makes of a page lxml cannot parse at all
    if not _limit_hit(parser):
        return html
    parser = _html_parser(huge=True)
    root = etree.fromstring(data, parser)
    if why := _limit_hit(parser, "depth"):
        limit = re.search(r"\d+", why)
        return Rejected("", f"the HTML nests elements over {int(limit.group()) if limit else 2048:,} deep, more than "
                            "its parser (libxml2) reads; save the article's text as a .txt file and give that")
    _flatten(root, FLAT_DEPTH)
    return root


def _flatten(root, depth: int, keep: int = 8) -> None:
    """Unwrap the elements of ``root`` that make it deeper than ``depth + keep``: those below
    ``depth`` with more than ``keep`` levels under them (the wrappers: a paragraph and its links
    stay whole). Inline ones (<span>, <b>) go as they are, block ones (<div>, <td>) leave a line
    break either side so their texts stay apart; what holds no article text (<svg>, <template>,
    <object>) goes whole."""
    from lxml import etree

    below: list[int] = []  # per open element: how many levels lie under it so far
    deep = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            below.append(0)
            continue
        level, height = len(below), below.pop()
        if below:
            below[-1] = max(below[-1], height + 1)
        if level > depth and height > keep:
            deep.append(el)
    for el in deep:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _UNWANTED or not tag:
            el.drop_tree()
            continue
        if tag not in _INLINE:
            el.text, el.tail = "\n" + (el.text or ""), "\n" + (el.tail or "")
        el.drop_tag()


_MARKUP = re.compile(r"<[A-Za-z!/?]")  # a tag, comment, doctype or processing instruction begins
_WHOLE_PAGE = re.compile(r"<(?:!doctype|html|head|body)[\s>/]", re.I)


def html_to_article(html: str, article_id: str, source: str, url: str | None = None, path: Path | None = None,
                    unique_ids: bool = False) -> Article | Rejected:
    """Main text and metadata of a web page, via trafilatura; a page read from ``path`` is named
    by ``file_article_id`` instead of ``article_id``. A "page" without a single tag (plain text
    saved as .html, or served as text/html) is its text, exactly as read, like a .txt file: there
    is no markup to take it from, and trafilatura found "no article text" in it. A fragment (no
    <html>, <head>, <body> or doctype) is read inside a <body>: as it was, its text before the first
    tag was lost and a short one was "no article text"."""
    import trafilatura

    if not _MARKUP.search(html):
        return checked(Article(id=file_article_id(path, html, unique_ids) if path is not None else article_id,
                               text=html, url=url, outlet=url_host(url)), source)
    if not _WHOLE_PAGE.search(html):  # a fragment (a CMS's article body, a clipping): lxml loses its first text
        html = f"<html><body>{html}</body></html>"
    html, joiners = protect_joiners(fit_references(html))  # trafilatura drops joiners; they are parts of Persian words
    page = readable_page(tame_tags(html))
    if isinstance(page, Rejected):
        return Rejected(source, page.reason)
    tree = trafilatura.load_html(page) if isinstance(page, str) else page
    language = whole_title = address = None
    headings: set[str] = set()
    if tree is not None:  # else trafilatura says what it makes of the page
        address = declared_address(tree)
        whole_title, language = clean(tree)
        # the <h1>s a reader sees, once the site's logo in its banner is gone (trafilatura reads a copy)
        headings = shown_headlines(tree)
        page = tree
    raw = trafilatura.extract(page, output_format="json", with_metadata=True, url=url, favor_recall=True)
    if not raw:
        return Rejected(source, "no article text found in the HTML")
    meta = json.loads(raw)
    meta["text"], meta["title"] = restore_joiners(meta.get("text"), joiners), restore_joiners(meta.get("title"), joiners)
    whole_title = restore_joiners(whole_title, joiners)
    headings = {restore_joiners(h, joiners) or "" for h in headings}
    text = without_meta_lines(meta.get("text") or "")  # bylines, credit lines and lone dates
    if not text.strip():
        return Rejected(source, "no article text found in the HTML")
    title = headline(meta.get("title") or None, whole_title, text, headings)
    text = headline_once(text, title, headings)
    if path is not None:
        article_id = file_article_id(path, text, unique_ids)
    # The outlet is the host name, as every other reader gives it ("www.example.com"): trafilatura's
    # "hostname" is the registered domain ("example.com"), so every *.substack.com newsletter was one
    # outlet, and a page and its site's feed two. A saved page names its host by its canonical URL.
    return checked(Article(id=article_id, text=text, title=title, url=url,
                           outlet=url_host(url) or url_host(meta.get("source")) or url_host(address),
                           published=_date(meta.get("date")), language=language or meta.get("language") or None),
                   source)


def _date(value):
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# A value that opens with a YYYY-MM-DD date, and the time of day after it ("T10:00", " 10:00:00.5"):
# checked, since the date alone is kept
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d(?!\d)")
_TIME_OF_DAY = re.compile(r"[T ]\s*(\d{1,2}):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?")


# The year of an RFC 2822 date ("Tue, 05 Mar 2024 ..."): Python reads one below 100 as 19xx or 20xx
# whatever its digits, right for the old "05 Mar 24", not for "01 Jan 0001"
_RFC_YEAR = re.compile(r"\s*(?:[A-Za-z]+\s*,\s*)?\d{1,2}\s+[A-Za-z]+\s+(\d+)(?!\d)")


def record_date(value: str | None):
    """A record's ``published`` as a date: YYYY-MM-DD, an ISO 8601 date-time (2024-03-05T10:00Z)
    or an RFC 2822 one (feeds' and mail's "Tue, 05 Mar 2024 10:00:00 GMT"); None when empty; False
    when it is none of these. Such a value ("2026-02-30", "yesterday", "03/05/2024") was dropped
    without a word, so the article fell out of every --since/--until filter and monthly figure.
    A date followed by a time no clock shows (hour 25, minute 61) is none either: it was kept as
    its day, where the web API refused it (``date_problem`` says why)."""
    import datetime as dt
    from email.utils import parsedate_to_datetime

    value = (value or "").strip()
    if not value:
        return None
    try:  # a date first, whatever follows it ("2024-03-05 10:00:00 UTC"), once its time of day is one
        if _ISO_DAY.match(value):
            return dt.date.fromisoformat(value[:10]) if _time_problem(value) is None else False
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        day = parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return False
    year = _RFC_YEAR.match(value)
    if year and len(year[1]) >= 4 and int(year[1]) != day.year:  # "0001": Python made it 2001, as if "01"
        try:
            return day.replace(year=int(year[1]))
        except ValueError:  # year 0000, which no calendar has
            return False
    return day


def _time_problem(value: str) -> str | None:
    """What is impossible in the time of day after the YYYY-MM-DD that ``value`` opens with, or None."""
    if not (t := _TIME_OF_DAY.match(value, 10)):
        return None
    hour, minute, second = int(t[1]), int(t[2]), int(t[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return (f"its time of day {t[0].strip(' T')} is none a clock shows (hours 0-23, minutes and seconds 0-59); "
                "give the date alone, or a time that is one")
    return None


def date_problem(value: str) -> str:
    """Why ``value`` is no ``published`` date (``record_date`` gave False), in words for a message."""
    value = value.strip()
    why = _time_problem(value) if _ISO_DAY.match(value) else None
    return f"is no date: {printable(value[:40])!r}; " + (why or "give YYYY-MM-DD, an ISO 8601 or an RFC 2822 date-time")


def record_to_article(rec: object, default_id: str, source: str, unique_ids: bool = False) -> Article | Rejected:
    """An Article from a JSONL/CSV record (or a line of ``analyze --format json`` output, whose
    article is under ``"article"``); a field of the wrong type rejects the record, with its name."""
    if isinstance(rec, dict) and "text" not in rec and isinstance(rec.get("article"), dict):
        rec = rec["article"]
    if not isinstance(rec, dict):
        return Rejected(source, f"record is {_json_type(rec)}, not an object with a 'text' field")
    text = rec.get("text")
    if text is not None and not isinstance(text, str):
        return Rejected(source, f"field 'text' must be a string, not {_json_type(text)}")
    if not isinstance(text, str) or not text.strip():
        return Rejected(source, "record has no text")
    for key in ("title", "url", "outlet", "published", "language"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            return Rejected(source, f"field {key!r} must be a string, not {_json_type(rec[key])}")
    rid = rec.get("id")
    if isinstance(rid, bool) or not isinstance(rid, str | int | None):
        return Rejected(source, f"field 'id' must be a string or a whole number, not {_json_type(rid)}")
    published = record_date(rec.get("published"))
    if published is False:
        return Rejected(source, f"field 'published' {date_problem(rec['published'])}")
    meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
    meta = {**meta, **{k: v for k, v in rec.items() if k not in RECORD_FIELDS + ("meta",) and v not in (None, "")}}
    url = web_url(rec.get("url"))
    if rec.get("url") and url is None and isinstance(rec["url"], str):  # kept, but never as a link or an identity
        meta["given_url"] = rec["url"]
    article_id = str(rid) if rid not in (None, "") else generated_id(default_id, text, unique_ids)
    return checked(Article(id=article_id, text=text, title=rec.get("title") or None,
                           url=url, outlet=rec.get("outlet") or url_host(url),
                           published=published, language=rec.get("language") or None, meta=meta),
                   source)


def _no_number(constant: str) -> None:
    """What a JSON Lines record's NaN, Infinity or -Infinity (Python's json writes them; strict
    JSON has no such numbers) is read as: no value, as a web answer would give it."""
    return None


def _finite(number: str) -> float | None:
    """A JSON number as a float, or None for one too big for a float (1e999 would be Infinity)."""
    value = float(number)
    return value if math.isfinite(value) else None


class NumberTooLong(ValueError):
    """A JSON integer longer than Python converts (``sys.get_int_max_str_digits``, 4,300 digits)."""


def _whole(number: str) -> int:
    """A JSON integer; one too long to convert is ``NumberTooLong``, so its line is reported (it
    was int()'s ValueError, a traceback out of ``ingest``)."""
    try:
        return int(number)
    except ValueError:
        raise NumberTooLong(f"a number of {len(number.lstrip('-')):,} digits (more than Python reads); "
                            "quote it as a string") from None


def read_jsonl(data: str, name: str, unique_ids: bool = False) -> Iterator[Article | Rejected]:
    """Records of a JSON Lines file (or .json), one object a line, each reported by its line. A
    file that is one JSON document instead (``json_document``: an array of records, objects
    pretty-printed over many lines) is read as that, each record reported as ``name#N``."""
    stem = Path(name).stem
    lines = split_jsonl(data)
    if (records := json_document(data, lines)) is not None:
        for k, rec in enumerate(records, 1):
            yield record_to_article(rec, f"{stem}-{k}", f"{name}#{k}", unique_ids)
        return
    for n, line in enumerate(lines, 1):
        line = line.removeprefix("\ufeff")  # exports joined with cat: each one's byte-order mark
        if not line.strip():
            continue
        try:
            rec = json.loads(line, parse_constant=_no_number, parse_float=_finite, parse_int=_whole)
        except NumberTooLong as e:
            yield Rejected(f"{name}:{n}", str(e))
            continue
        except json.JSONDecodeError as e:  # the column finds a stray control character in a long line
            yield Rejected(f"{name}:{n}", f"invalid JSON ({e.msg.removesuffix(' at')}, column {e.colno})")
            continue
        except RecursionError:  # [[[[... thousands deep: json gives up, the other lines still count
            yield Rejected(f"{name}:{n}", "JSON nested too deeply (a record is one flat object with a 'text' field)")
            continue
        yield record_to_article(rec, f"{stem}-{n}", f"{name}:{n}", unique_ids)


def json_document(data: str, lines: list[str]) -> list | None:
    """The values of ``data`` when it is not one JSON value a line: the items of one array
    (``json.dump`` of a list of records), or values spread over several lines each (objects
    written with ``indent``); else None, and it is read line by line. Line by line, such a file
    gave one "invalid JSON" error a line and no record. Tried only when its first line alone is
    no JSON object, so JSON Lines are parsed once. ``lines``: ``split_jsonl(data)``, which the
    caller reads line by line, so a file is split once."""
    text = data.removeprefix("\ufeff")
    lines = [line for line in (lines[0].removeprefix("\ufeff"), *lines[1:]) if line.strip()]
    decoder = json.JSONDecoder(parse_constant=_no_number, parse_float=_finite, parse_int=_whole)
    try:
        if not lines or isinstance(decoder.decode(lines[0]), dict):
            return None
    except (json.JSONDecodeError, RecursionError, NumberTooLong):
        pass
    values, at = [], _SPACE.match(text).end()
    try:
        while at < len(text):
            value, at = decoder.raw_decode(text, at)
            values.append(value)
            at = _SPACE.match(text, at).end()
    except (json.JSONDecodeError, RecursionError, NumberTooLong):
        return None
    if len(values) == 1 and isinstance(values[0], list):
        return values[0]
    return values if len(values) != len(lines) else None


_SPACE = re.compile(r"\s*")


def read_csv(data: str, name: str, unique_ids: bool = False) -> Iterator[Article | Rejected]:
    """Rows of a CSV export. A field may be as long as the file (the csv module's default cap of
    131,072 characters would silently end the file there); a malformed row is reported by its line
    and the rows after it are still read. A first line ``sep=;`` (Excel's hint of the separator,
    which it writes and reads) names the delimiter and is no header; lines keep their numbers. A
    row that repeats the header (two exports joined with ``cat``) is skipped like a blank one."""
    stem = Path(name).stem
    csv.field_size_limit(max(csv.field_size_limit(), len(data) + 1))
    sep = _EXCEL_SEP.match(data)
    skip = 1 if sep else 0  # lines before the header
    data = data[sep.end():] if sep else data
    delimiter = sep.group(1) if sep else csv_delimiter(data)
    reader = csv.DictReader(io.StringIO(data, newline=""), delimiter=delimiter)
    try:
        fields = reader.fieldnames = record_columns(reader.fieldnames or [])
    except csv.Error as e:
        yield Rejected(f"{name}:{1 + skip}", f"malformed CSV header: {e}")
        return
    if twice := sorted({f for f in fields if f in RECORD_FIELDS and fields.count(f) > 1}):
        # csv.DictReader keeps the last of two same-named columns: the other's cells were dropped unsaid
        yield Rejected(f"{name}:{1 + skip}", f"the CSV header names the column {twice[0]!r} more than once; rename or "
                                             "remove all but one")
        return
    if "text" not in fields:
        shown = ", ".join(repr(shortened(f, 40)) for f in fields[:8]) + (f" and {len(fields) - 8} more" * bool(fields[8:]))
        yield Rejected(name, f"CSV has no 'text' column (its first line, read as the header, names {shown or 'none'}); "
                             "give a header line naming the columns, e.g. id,title,text")
        return
    last: tuple[dict, int] | None = None  # held back: it may be where an unclosed quote swallowed the file
    refused = 0  # rows reported here: a file of them has rows, if none to store
    while True:
        start = reader.line_num + 1 + skip
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            refused += 1
            yield Rejected(f"{name}:{start}", f"malformed CSV row: {e}")
            continue
        if None in row:
            refused += 1
            yield Rejected(f"{name}:{start}", "row has more cells than the header")
            continue
        if not any(v.strip() for v in row.values() if v):  # ",,," : a spreadsheet's empty row, as a blank line
            continue
        if record_columns([(v or "").removeprefix("\ufeff") for v in row.values()]) == fields:
            continue  # the header again: exports joined with cat (each with its byte-order mark)
        if isinstance(row.get(fields[0]), str):  # a file without a header joined with cat: its byte-order mark
            row[fields[0]] = row[fields[0]].removeprefix("\ufeff")
        if last:
            yield record_to_article(last[0], f"{stem}-{last[1]}", f"{name}:{last[1]}", unique_ids)
        last = (row, start)
    if last is None and not refused:
        yield Rejected(name, "CSV has a header but no rows")
    elif last is None:
        return
    elif _ends_inside_quotes(data, delimiter):
        end = reader.line_num + skip
        yield Rejected(f"{name}:{last[1]}", f"a quoted field opened in this row never closes, so it ran to the end "
                                            f"of the file (line {end}); close the quote and read it again")
    else:
        yield record_to_article(last[0], f"{stem}-{last[1]}", f"{name}:{last[1]}", unique_ids)


# Excel's first line naming the separator ("sep=;", "sep=|", a tab); not quotes or a line break.
_EXCEL_SEP = re.compile(r"sep=([^\"\r\n])\r?\n")


def record_columns(names: list[str]) -> list[str]:
    """A CSV header's names, each that is one of ``RECORD_FIELDS`` but for case and spaces
    ("Text", " title ") written as propscope reads it, unless another column has that name: a
    spreadsheet's "ID,Text,Title" export was refused as having no 'text' column."""
    plain = [n.strip().lower() for n in names]
    return [p if p in RECORD_FIELDS and plain.count(p) == 1 else n for n, p in zip(names, plain)]


def csv_delimiter(data: str) -> str:
    """The delimiter of a CSV export: a comma, else the first of ";", tab and "|" that gives its
    header line a 'text' column (a spreadsheet set to a European locale writes ";", and a
    tab-separated export is often saved as .csv); both were refused as having no 'text' column."""
    header = data.split("\n", 1)[0]
    for delimiter in (",", ";", "\t", "|"):
        try:
            if "text" in record_columns(next(csv.reader([header], delimiter=delimiter))):
                return delimiter
        except (csv.Error, StopIteration):
            continue
    return ","


def _ends_inside_quotes(data: str, delimiter: str) -> bool:
    """Whether a quoted CSV field is still open at the end of ``data``. The csv module, unless
    strict, quietly closes it there, so one missing quote turns every row after it into one field.
    Read with the file's own ``delimiter``: with a comma, a quote after "2;" opens no field, so a
    semicolon-separated file's open quote went unseen."""
    reader = csv.reader(io.StringIO(data, newline=""), delimiter=delimiter, strict=True)
    while True:
        try:
            next(reader)
        except StopIteration:
            return False
        except csv.Error as e:
            if "unexpected end of data" in str(e):
                return True


def read_feed(data: bytes, name: str, unique_ids: bool = False) -> Iterator[Article | Rejected]:
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
        if text is None:
            yield Rejected(source, "the entry's HTML nests elements deeper than its parser (libxml2) reads")
            continue
        if not text.strip():
            yield Rejected(source, "feed entry has no text")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        link = web_url(entry.get("link"))
        yield checked(Article(
            id=str(entry.get("id") or link or generated_id(f"{Path(name).stem}-{n}", text, unique_ids)), text=text,
            title=entry.get("title") or None, url=link, outlet=url_host(link),
            published=_date("{:04d}-{:02d}-{:02d}".format(*published[:3])) if published else None), source)


def _html_fragment_text(fragment: str) -> str | None:
    """Text of a short HTML fragment (a feed entry), paragraphs on their own lines; None when
    libxml2 cannot read all of it. Read with XML_PARSE_HUGE: without it libxml2 stops at 256
    nested elements, and an entry's text after a deep part was cut off without a word."""
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>", parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return ""
    if _limit_hit(parser):
        return None
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def url_list(text: str) -> list[str] | None:
    """The URLs of a file that lists only URLs (one per line, # comments allowed), else None."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if lines and all(is_url(line) and " " not in line for line in lines):
        return lines
    return None


def is_url(s: str) -> bool:
    return s[:8].lower().startswith(("http://", "https://"))  # a scheme is case-insensitive: HTTP:// too


def web_url(url: str | None) -> str | None:
    """``url`` when it is a web address (http or https, with a host), else None. A record's or feed
    entry's link is stored as the article's URL, which is its identity in a store and a link in
    exports: a ``javascript:``, ``data:`` or ``file:`` value, or a relative one (``#``,
    ``/news/1``), was stored as given, and two records sharing ``#`` or ``about:blank`` were one
    article "already there", the second text dropped."""
    if not url or not is_url(url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
        return url.strip() if parts.hostname and parts.port != 0 else None  # .port: ValueError past 65535
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket; "http://host:abc/"
        return None


def missing_reason(source: str) -> str:
    """Why ``source``, neither a file nor an http(s) URL, cannot be read: a ``file://`` or
    ``ftp://`` URL is not "no such file", it is a scheme propscope does not fetch."""
    try:
        scheme = urlsplit(source).scheme if ":" in source[:32] else ""
    except ValueError:  # "ftp://[x": an unclosed IPv6 bracket
        scheme = source.split(":", 1)[0]
    if len(scheme) > 1 and ("://" in source or scheme.lower() in ("javascript", "data", "mailto")):
        return f"only http:// and https:// URLs can be fetched, not {scheme}:"
    return "no such file or folder"


def not_readable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, or None. A device (/dev/zero, /dev/urandom) or a
    socket never ends or never answers; a pipe (``<(command)``, a named pipe) is read like stdin."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return f"cannot read: {e.strerror or e}"
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode):
        return None
    return "not a regular file (a device or socket); give a file, a folder or - for standard input"


def read_at_most(f: BinaryIO, limit: int) -> bytes:
    """``f``'s bytes up to ``limit`` and one more (which says that it goes on), in steps of 1 MB:
    ``read(n)`` allocates n bytes first, so a large --max-bytes was a MemoryError."""
    data = bytearray()
    while len(data) <= limit and (chunk := f.read(min(1 << 20, limit + 1 - len(data)))):
        data += chunk
    return bytes(data)


def file_head(path: Path) -> bytes:
    """The first bytes of ``path`` (none when it cannot be read): enough for ``compressed`` to
    name an "export.jsonl.gz" as gzip, which "unsupported format '.gz'" did not say."""
    try:
        with open(path, "rb") as f:
            return f.read(16)
    except OSError:
        return b""


def read_file(path: Path, opts: ReadOptions, name: str | None = None) -> Iterator[Article | Rejected | Note]:
    name = name or str(path)
    suffix = path.suffix.lower()
    if why := not_readable(path):
        yield Rejected(name, why)
        return
    if path.name.lower().endswith(WARC_SUFFIXES):
        from .warc import read_warc  # it reads its pages with this module's decoding and extraction

        yield from read_warc(path, name)
        return
    known = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".jsonl", ".ndjson", ".json", ".csv", ".urls"}
    if suffix not in known:
        packed = compressed(file_head(path)) if suffix in COMPRESSED_SUFFIXES else None  # a .docx is a zip too
        yield Rejected(name, packed or f"unsupported format {suffix!r}; give .txt, .html, .jsonl, .csv, .warc, .rss "
                                       "or .urls")
        return
    try:
        size = path.stat().st_size
        if size > opts.max_bytes:
            yield Rejected(name, f"{size:,} bytes is over the {opts.max_bytes:,}-byte limit (raise it with --max-bytes)")
            return
        with open(path, "rb") as f:
            data = read_at_most(f, opts.max_bytes)  # a pipe has no size: read no more than the limit (as stdin)
    except OSError as e:
        yield Rejected(name, f"cannot read: {e.strerror or e}")
        return
    if suffix in FEED_SUFFIXES:
        yield from read_feed(data, name, opts.unique_ids) if data.strip() else iter([Rejected(name, "empty input")])
        return
    page = suffix in HTML_SUFFIXES
    text = decode_text(data, name, opts.max_bytes, records=suffix in (".jsonl", ".ndjson", ".json", ".csv"),
                       charset=declared_charset(data) if page else None, markup=page)
    if isinstance(text, Rejected):
        yield text
    elif suffix in (".jsonl", ".ndjson", ".json"):
        yield from _noting_given_urls(read_jsonl(text, name, opts.unique_ids), name)
    elif suffix == ".csv":
        yield from _noting_given_urls(read_csv(text, name, opts.unique_ids), name)
    elif suffix in HTML_SUFFIXES:
        yield html_to_article(text, "", name, path=path, unique_ids=opts.unique_ids)
    elif suffix == ".urls":
        yield from read_url_file(text, name, opts)
    elif (urls := url_list(text)) is not None:
        for url in urls:
            yield from read_url(url, opts)
    else:
        yield checked(Article(id=file_article_id(path, text, opts.unique_ids), text=text), name)


def _noting_given_urls(items: Iterator[Article | Rejected], name: str) -> Iterator[Article | Rejected | Note]:
    """``items``, then one note on the records whose ``url`` is no web address (``web_url``):
    they are stored without a URL, the value kept in their metadata as ``given_url``."""
    dropped = []
    for item in items:
        if isinstance(item, Article) and item.url is None and "given_url" in item.meta:
            dropped.append(item.meta["given_url"])
        yield item
    if dropped:
        example = shortened(dropped[0], 60)
        yield Note(name, f"{len(dropped):,} {'records’' if len(dropped) > 1 else 'record’s'} url is no web address (http or "
                         f"https), e.g. {example!r}; stored without a URL, the value kept in the metadata as "
                         "'given_url'")


URLS_FORMAT = "a .urls file holds one http(s) URL per line"


def read_url_file(text: str, name: str, opts: ReadOptions) -> Iterator[Article | Rejected]:
    """The pages a ``.urls`` file lists, one URL a line (blank lines and # comments skipped). A
    line that is no http(s) URL is reported with its line number and costs only itself: one typo
    in a list of a thousand links used to reject the whole file before any was fetched."""
    found = False
    for n, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        found = True
        if is_url(url) and " " not in url:
            yield from read_url(url, opts)
        else:
            why = missing_reason(url)
            yield Rejected(f"{name}:{n}", why if why.startswith("only") else f"not a URL: {URLS_FORMAT}")
    if not found:
        yield Rejected(name, f"lists no URL: {URLS_FORMAT}")


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
            yield from read_feed(got.body, url, opts.unique_ids)
        return
    if media := binary_media(ctype):
        yield Rejected(url, f"is {media}, not a web page or text; propscope reads HTML pages, feeds and plain text")
        return
    text = decode_text(got.body, url, opts.max_bytes, charset=declared_charset(got.body, got.content_type),
                       markup="html" in ctype)
    if isinstance(text, Rejected):
        yield text
    elif "html" in ctype or text.lstrip()[:1] == "<":
        yield html_to_article(text, got.url, url, url=got.url)
    else:
        yield checked(Article(id=got.url, text=text, url=got.url, outlet=url_host(got.url)), url)


BINARY_TYPES = {"image", "audio", "video", "font", "model"}
BINARY_SUBTYPES = {"pdf", "zip", "gzip", "x-gzip", "x-bzip2", "x-xz", "zstd", "msword"}


def binary_media(content_type: str) -> str | None:
    """The media type of a server's answer when it names no text (an image, a PDF, an office
    document), else None. Their bytes were refused as "looks binary; give a UTF-8 text ... file"
    or "zip-compressed; decompress it first (unzip FILE)", advice for a file, not for a URL. An
    ``application/octet-stream`` that holds text (a misconfigured server) is read all the same."""
    media = content_type.split(";")[0].strip().lower()
    main, _, sub = media.partition("/")
    if main in BINARY_TYPES or (main == "application" and (sub in BINARY_SUBTYPES
                                                          or sub.startswith(("vnd.ms-", "vnd.openxmlformats")))):
        return media
    return None


def is_html_page(data: bytes) -> bool:
    """Whether ``data`` opens as a whole web page does (``<!DOCTYPE html``, ``<html``), after
    a byte-order mark and white space: what ``curl URL | propscope analyze -`` gives."""
    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_stdin(opts: ReadOptions) -> Article | Rejected:
    """Standard input as one article: a web page piped in (``is_html_page``) is read as a page,
    its main text and title, as a saved .html file is (its markup was analysed as the text).
    A closed standard input (``<&-``) is a rejection, not a traceback."""
    if sys.stdin is None:
        return Rejected("stdin", "standard input is closed (<&-); pipe the text in (< FILE) or give a file name")
    data = read_at_most(sys.stdin.buffer, opts.max_bytes)
    page = is_html_page(data)
    text = decode_text(data, "stdin", opts.max_bytes, charset=declared_charset(data) if page else None, markup=page)
    if isinstance(text, Rejected):
        return text
    if not page:
        return checked(Article(id=generated_id("stdin", text, opts.unique_ids), text=text), "stdin")
    item = html_to_article(text, "stdin", "stdin")
    if isinstance(item, Article) and opts.unique_ids:
        item = dataclasses.replace(item, id=generated_id("stdin", item.text, True))
    return item


def read_inputs(sources: Iterable[str], opts: ReadOptions | None = None) -> Iterator[Article | Rejected | Note]:
    """Every article in ``sources``: files (text, HTML, JSONL, CSV, WARC/ARC, RSS/Atom, URL
    lists), folders (``read_folder``), ``-`` for stdin, or http(s) URLs."""
    opts = opts or ReadOptions()
    for source in sources:
        if source == "-":
            yield read_stdin(opts)
        elif not source.strip():  # Path("") is the current folder: `ingest "$UNSET"` must not read all of it
            yield Rejected(repr(source), "an empty name, not a file: check the variable or quoting that gave it")
        elif is_url(source):
            yield from read_url(source, opts)
        else:
            path = Path(source)
            try:
                is_dir = stat.S_ISDIR(path.stat().st_mode)
            except (FileNotFoundError, NotADirectoryError):
                yield Rejected(source, missing_reason(source))
                continue
            except OSError as e:  # there, but not to be looked at (a folder without permission)
                yield Rejected(source, f"cannot read: {e.strerror or e}")
                continue
            if is_dir:
                yield from read_folder(path, opts)
            else:
                yield from read_file(path, opts)


# What a folder is read for, each file by its format as when given by name: texts, pages and the
# exports and archives that only hold articles. A crawl saved as pages beside its WARC, or an
# export beside the texts, lost those files without a word (only .txt and .html were read).
FOLDER_SUFFIXES = {".txt", ".jsonl", ".ndjson", ".csv"} | HTML_SUFFIXES
FOLDER_FORMATS = ".txt, .html, .jsonl, .csv and .warc"
# Read when given by name but not in a folder, where they are often something else (a README.md,
# a config .json, a sitemap .xml, a .urls list that would start fetches): named in one note.
BY_NAME_ONLY = {".json", ".md", ".text", ".rss", ".atom", ".xml", ".urls"} | COMPRESSED_SUFFIXES


def read_in_folder(name: str) -> bool:
    """Whether a file called ``name`` is read when its folder is given (``FOLDER_SUFFIXES``, WARC/ARC)."""
    lower = name.lower()
    return Path(lower).suffix in FOLDER_SUFFIXES or lower.endswith(WARC_SUFFIXES)


def read_folder(folder: Path, opts: ReadOptions) -> Iterator[Article | Rejected | Note]:
    """The files under ``folder`` that ``read_in_folder`` names (links to folders are not
    followed), in name order, each read as ``read_file`` reads it. A subfolder that cannot be
    listed is reported, never skipped in silence, and so is such a name that is no regular file (a
    broken link, a device, a named pipe); files propscope reads only by name get one ``Note``."""
    found: list[Path] = []
    unreadable: list[Rejected] = []
    by_name: dict[str, int] = {}
    for top, _, names in os.walk(folder, onerror=lambda e: unreadable.append(
            Rejected(str(e.filename or folder), f"cannot read folder: {e.strerror or e}"))):
        found += [Path(top, n) for n in names if read_in_folder(n)]
        for n in names:
            if not read_in_folder(n) and (suffix := Path(n).suffix.lower()) in BY_NAME_ONLY:
                by_name[suffix] = by_name.get(suffix, 0) + 1
    yield from unreadable
    left = ", ".join(f"{count} {suffix}" for suffix, count in sorted(by_name.items()))
    if not found and not unreadable:
        yield Rejected(str(folder), f"folder holds no {FOLDER_FORMATS.replace(' and ', ' or ')} files"
                                    + (f" (it holds {left}: give such a file by name to read it)" if left else ""))
        return
    if left:
        yield Note(str(folder), f"not read: {left} file{'s' if sum(by_name.values()) > 1 else ''}; a folder is read "
                                f"for its {FOLDER_FORMATS} files: give others by name to read them")
    for f in sorted(found):
        if f.is_fifo():  # in a folder, a pipe nobody writes to would wait forever
            yield Rejected(str(f), "a named pipe: give it on its own to read it")
        elif is_analysis_output(f):
            yield Note(str(f), "not read: it holds propscope's own analyses (`analyze --format json` written into the "
                               "folder it read); give it by name to analyse its articles again")
        else:
            yield from read_file(f, opts)


def is_analysis_output(path: Path) -> bool:
    """Whether ``path`` is JSON Lines that ``analyze --format json`` wrote: its first record is an
    analysis (an ``"article"`` object beside ``"spans"``). Given by name such a file is read for its
    articles (re-analysis with another model); inside the folder it was written into, a rerun would
    read its own output and analyse every article twice."""
    if path.suffix.lower() not in {".jsonl", ".ndjson"}:
        return False
    try:
        with path.open("rb") as fh:
            first = fh.readline(DEFAULT_MAX_BYTES)
            while first and not first.strip():
                first = fh.readline(DEFAULT_MAX_BYTES)
        rec = json.loads(first)
    except (OSError, ValueError, RecursionError):
        return False  # read_file says what is wrong with it
    return isinstance(rec, dict) and isinstance(rec.get("article"), dict) and "spans" in rec
