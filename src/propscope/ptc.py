"""Reading and writing the PTC corpus formats (articles and tab-separated label files).

Article files are decoded from bytes without newline translation: the corpus
offsets count every character, ``\\r`` included.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from .metrics import LabelSpan

_ARTICLE_ID = re.compile(r"^article(\d+)")


def article_id_from_path(path: str | Path) -> str:
    """``article123.txt`` -> ``123``; any other file -> its stem (DESIGN.md section 3)."""
    name = Path(path).name
    m = _ARTICLE_ID.match(name)
    return m.group(1) if m else Path(path).stem


def has_ptc_name(path: str | Path) -> bool:
    """Whether the file is named as the PTC corpus names its articles (``article123.txt``)."""
    return bool(_ARTICLE_ID.match(Path(path).name))


# windows-1252, not latin1, as ingest advises: latin1 turns its curly quotes and dashes into control characters
CONVERT_ADVICE = "convert it, e.g. iconv -f windows-1252 -t utf-8"


def read_utf8_file(path: str | Path, kind: str = "file", pipe_ok: bool = False) -> str:
    """A corpus file's text, exactly as stored; why it cannot be read is a ValueError naming it,
    for a one-line error in the commands that read articles and label files. A device or socket is
    refused before it is opened: /dev/zero never ends, so ``evaluate --gold /dev/zero`` read
    forever. With ``pipe_ok`` (a file named on its own: ``--gold <(zcat gold.gz)``, /dev/stdin) a
    pipe is read once, up to ingest's default byte limit, as ingest reads one; a pipe inside a
    folder is refused, since nobody may ever write to it. A compressed file is named as such
    (ingest's ``compressed``), not reported as a decode error."""
    from .ingest import DEFAULT_MAX_BYTES, compressed, read_at_most  # ingest imports this module

    p = Path(path)
    try:
        mode = p.stat().st_mode
        if pipe_ok and stat.S_ISFIFO(mode):
            with open(p, "rb") as f:
                data = read_at_most(f, DEFAULT_MAX_BYTES)
            if len(data) > DEFAULT_MAX_BYTES:
                raise ValueError(f"{p}: a pipe over {DEFAULT_MAX_BYTES:,} bytes; write it to a file and give that")
        elif not stat.S_ISREG(mode):
            what = "a device or socket" if pipe_ok else "a device, pipe or socket"
            raise ValueError(f"{p}: not a regular file ({what}); give a {kind}")
        else:
            data = p.read_bytes()
    except OSError as e:
        raise ValueError(f"{p}: cannot read: {e.strerror or e}") from None
    if why := compressed(data):
        raise ValueError(f"{p} {why}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"{p}: not valid UTF-8 (byte {e.start}); {CONVERT_ADVICE}") from None


def read_article_text(path: str | Path) -> str:
    """A PTC article exactly as stored (offsets count its characters)."""
    return read_utf8_file(path, "article file")


def read_articles_dir(directory: str | Path) -> dict[str, str]:
    """All ``*.txt`` articles of a folder, by article id."""
    return {article_id_from_path(p): read_article_text(p) for p in sorted(Path(directory).glob("*.txt"))}


# What a label line cannot hold in an id: the column separator, what str.splitlines breaks a line
# at, and the backslash that escapes them (a file named "a<newline>b.txt" has the id "a\nb").
_ID_UNSAFE = re.compile("[\\\\\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ID_ESCAPE = re.compile(r"\\(\\|t|n|r|u[0-9a-f]{4})")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {code[1:]: char for char, code in _ESCAPES.items()}  # "t" -> tab, "\\" -> backslash


def escape_id(article_id: str) -> str:
    """``article_id`` for a tab-separated line: a tab, line break or backslash in it is written as
    ``\\t``, ``\\n``, ``\\r``, ``\\\\`` or ``\\uXXXX``, else one id would break its line in two.
    ``parse_label_lines`` reads them back."""
    return _ID_UNSAFE.sub(lambda m: _ESCAPES.get(m[0]) or f"\\u{ord(m[0]):04x}", article_id)


def unescape_id(text: str) -> str:
    """The id that ``escape_id`` wrote as ``text``; PTC's own numeric ids pass unchanged."""
    return _ID_ESCAPE.sub(lambda m: _UNESCAPES.get(m[1]) or chr(int(m[1][1:], 16)), text)


def _offset(text: str) -> int:
    """A character offset written in ASCII digits. ``int`` also reads other scripts' digits
    ("٣") and "1_000", which no label tool writes: such a column is a damaged file, not an offset."""
    stripped = text.strip()
    if not re.fullmatch(r"-?[0-9]+", stripped):
        raise ValueError(text)
    return int(stripped)


def parse_label_lines(lines: Iterable[str], source: str = "") -> Iterator[LabelSpan]:
    """Parse ``id<TAB>technique<TAB>start<TAB>end`` (FLC/TC) or ``id<TAB>start<TAB>end`` (SI).

    SI lines get the technique ``""``; a TC template's ``?`` is kept as is.
    """
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        cols = line.split("\t")
        try:
            if len(cols) == 4:
                yield (unescape_id(cols[0]), cols[1], _offset(cols[2]), _offset(cols[3]))
            elif len(cols) == 3:
                yield (unescape_id(cols[0]), "", _offset(cols[1]), _offset(cols[2]))
            else:
                raise ValueError
        except ValueError:
            raise ValueError(f"{source}:{n}: expected 'id<TAB>technique<TAB>start<TAB>end', got {line[:80]!r}") from None


def read_labels(path: str | Path) -> list[LabelSpan]:
    """A label file (a pipe too: ``read_utf8_file``), or every regular label file of a folder
    (``*.labels``, ``*.labels.tsv``: a name with ``.labels`` in it). A folder without one is a
    ValueError: it is most likely the articles folder given in place of the labels, which read as
    no gold spans and scored all zeros."""
    p = Path(path)
    files = sorted(f for f in p.iterdir() if f.is_file() and ".labels" in f.name) if p.is_dir() else [p]
    if not files:
        raise ValueError(f"{p}: no label files here (names with .labels, e.g. article1.task-flc-tc.labels); "
                         "give the label files, and the folder of article .txt files as --articles")
    return [span for f in files for span in
            parse_label_lines(read_utf8_file(f, "label file", pipe_ok=f == p).splitlines(), str(f))]


def format_label_line(article_id: str, technique: str, start: int, end: int) -> str:
    """One PTC label line (no newline), its id escaped by ``escape_id``."""
    return f"{escape_id(article_id)}\t{technique}\t{start}\t{end}"
