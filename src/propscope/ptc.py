"""Reading and writing the PTC corpus formats (articles and tab-separated label files).

Article files are decoded from bytes without newline translation: the corpus
offsets count every character, ``\\r`` included.
"""

from __future__ import annotations

import re
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


def read_article_text(path: str | Path) -> str:
    """A PTC article exactly as stored (offsets count its characters); a file that is not UTF-8 is
    a ValueError that names it, for a one-line error in the commands that read article folders."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not valid UTF-8 (byte {e.start}); convert it, e.g. iconv -f latin1 -t utf-8") from None


def read_articles_dir(directory: str | Path) -> dict[str, str]:
    """All ``*.txt`` articles of a folder, by article id."""
    return {article_id_from_path(p): read_article_text(p) for p in sorted(Path(directory).glob("*.txt"))}


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
                yield (cols[0], cols[1], int(cols[2]), int(cols[3]))
            elif len(cols) == 3:
                yield (cols[0], "", int(cols[1]), int(cols[2]))
            else:
                raise ValueError
        except ValueError:
            raise ValueError(f"{source}:{n}: expected 'id<TAB>technique<TAB>start<TAB>end', got {line[:80]!r}") from None


def read_labels(path: str | Path) -> list[LabelSpan]:
    """A label file, or every ``*.labels``/``*.labels.tsv``/``*.txt`` label file of a folder."""
    p = Path(path)
    files = sorted(f for f in p.iterdir() if f.is_file() and ".labels" in f.name) if p.is_dir() else [p]
    spans: list[LabelSpan] = []
    for f in files:
        spans.extend(parse_label_lines(f.read_text(encoding="utf-8").splitlines(), str(f)))
    return spans


def format_label_line(article_id: str, technique: str, start: int, end: int) -> str:
    return f"{article_id}\t{technique}\t{start}\t{end}"
