"""The article store: SQLite by default, PostgreSQL by URL, one schema for both.

Articles are stored once (same id, same URL or same normalised text counts as
the same article). Analyses are written per batch in their own transaction,
so an interrupted run keeps every finished batch and resumes where it stopped.
The schema is created and upgraded by the alembic migrations in
``propscope/migrations``; tables are declared here, the one place code reads.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from . import search
from .document import Analysis, Article, Sentence, Span
from .ingest import FIELD_LIMITS, check_article, printable, shortened


class StoredString(sa.types.TypeDecorator):
    """A text column as read back, also where another program wrote bytes into it: SQLite keeps a BLOB in
    any column (``update articles set title=x'ff00'``), and SQLAlchemy hands the bytes on as they are,
    which was a traceback in `report` ("'int' object has no attribute 'isprintable'") and `export`
    ("bytes is not JSON serializable"). They are read as UTF-8, U+FFFD marking what is not, so the
    article is still shown and exported and the damage is there to see."""

    impl = sa.String
    cache_ok = True

    def process_result_value(self, value: object, dialect: object) -> object:
        return bytes(value).decode("utf-8", "replace") if isinstance(value, (bytes, memoryview)) else value


class StoredText(StoredString):
    """:class:`StoredString` over an unbounded text column."""

    impl = sa.Text
    cache_ok = True


class UnreadableValue(ValueError):
    """A stored value its column's type cannot read: the stored bytes are no value of that column (a
    date of NUL bytes from a zeroed overflow page, which ``PRAGMA integrity_check`` calls ok, or
    one another program wrote), so the file is damaged (``store_damaged``). ``export`` on such a
    store was a ValueError traceback ("Invalid isoformat string: '\\x00\\x00...'"), the web app a
    bare 500."""


class _ReadChecked(sa.types.TypeDecorator):
    """A column type whose reader (the database library's, kept as it is) raises
    :class:`UnreadableValue` for a stored value it cannot read, so the error says itself what it is.
    Such errors were told from bugs by the file of the traceback's last frame, which moves with the
    library's version and build (SQLAlchemy 2.0 compiles its readers in ``sqlalchemy/cyextension``)."""

    cache_ok = True
    what = "value"

    def result_processor(self, dialect, coltype):
        read = super().result_processor(dialect, coltype)
        if read is None:  # the driver hands back the value typed (PostgreSQL): nothing to check
            return None
        what = self.what

        def process(value):
            try:
                return read(value)
            except (ValueError, TypeError, OverflowError):
                raise UnreadableValue(f"a stored {what} cannot be read: {shortened(printable(repr(value)), 80)}") from None

        return process


class StoredDate(_ReadChecked):
    """A date column (:class:`_ReadChecked`)."""

    impl = sa.Date
    cache_ok = True
    what = "date"


class StoredDateTime(_ReadChecked):
    """A date-and-time column (:class:`_ReadChecked`)."""

    impl = sa.DateTime
    cache_ok = True
    what = "date and time"


metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", StoredString(FIELD_LIMITS["id"]), nullable=False, unique=True),
    sa.Column("url", StoredString(FIELD_LIMITS["url"]), unique=True),
    sa.Column("text_hash", StoredString(64), nullable=False, unique=True),
    sa.Column("title", StoredText),
    sa.Column("outlet", StoredString(FIELD_LIMITS["outlet"]), index=True),
    sa.Column("published", StoredDate, index=True),
    sa.Column("language", StoredString(FIELD_LIMITS["language"])),
    sa.Column("text", StoredText, nullable=False),
    sa.Column("meta", StoredText, nullable=False, default="{}"),
    sa.Column("ingested_at", StoredDateTime, nullable=False),
)

analyses = sa.Table(
    "analyses", metadata,
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    sa.Column("model", StoredString(128), nullable=False, index=True),
    sa.Column("score", sa.Float),  # NULL: nothing measured (``Analysis.scored``; migration 0007)
    sa.Column("data", StoredText, nullable=False),
    sa.Column("analyzed_at", StoredDateTime, nullable=False),
)

spans = sa.Table(
    "spans", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("technique", StoredString(128), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("text", StoredText, nullable=False),
    sa.Column("taxonomy", StoredString(64), nullable=False, server_default="ptc14"),  # of ``technique`` (migration 0005)
)

analysis_failures = sa.Table(  # articles whose analysis raised: skipped by `pending` until retried
    "analysis_failures", metadata,
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    sa.Column("model", StoredString(128), nullable=False, index=True),
    sa.Column("reason", StoredText, nullable=False),
    sa.Column("failed_at", StoredDateTime, nullable=False),
)


attributions = sa.Table(
    "attributions", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("source", StoredString(512), nullable=False),
    sa.Column("source_key", StoredString(512), nullable=False, index=True),
    sa.Column("cue", StoredString(128), nullable=False),
    sa.Column("source_start", sa.Integer, nullable=False),
    sa.Column("source_end", sa.Integer, nullable=False),
    sa.Column("content_start", sa.Integer, nullable=False),
    sa.Column("content_end", sa.Integer, nullable=False),
)


reuse_clusters = sa.Table(
    "reuse_clusters", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("origin", StoredString(512)),
    sa.Column("boilerplate", sa.Boolean, nullable=False),
    sa.Column("members", StoredText, nullable=False),
)

reuse_passages = sa.Table(
    "reuse_passages", metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("a", StoredString(512), nullable=False, index=True),
    sa.Column("a_start", sa.Integer, nullable=False),
    sa.Column("a_end", sa.Integer, nullable=False),
    sa.Column("b", StoredString(512), nullable=False, index=True),
    sa.Column("b_start", sa.Integer, nullable=False),
    sa.Column("b_end", sa.Integer, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("cluster", sa.Integer),
    sa.Column("boilerplate", sa.Boolean, nullable=False),
)


topics = sa.Table(  # found by `propscope topics` in the stored articles' words (``propscope.topics``)
    "topics", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("label", StoredString(256), nullable=False),
    sa.Column("words", StoredText, nullable=False),  # JSON list, heaviest first
)

article_topics = sa.Table(  # each article's topic and the share of its topic weight it holds
    "article_topics", metadata,
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
    sa.Column("topic", sa.Integer, nullable=False, index=True),
    sa.Column("weight", sa.Float, nullable=False),
)


def source_key(name: str) -> str:
    """Group 'The Russian Defense Ministry' with 'Russian Defense Ministry'."""
    words = name.casefold().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)[:512]


def _merge_named(counts: dict[str, dict]) -> dict[str, dict]:
    """Rows of one source each (citations, article set, outlet counts) merged where
    ``names.same_names`` says two names are one person ('Trump' and 'President Donald Trump')."""
    from .names import same_names

    under = same_names({c["source"]: c["citations"] for c in counts.values()})
    merged: dict[str, dict] = {}
    for c in counts.values():
        name = under[c["source"]]
        m = merged.setdefault(name, {"source": name, "citations": 0, "articles": set(), "outlets": {}})
        m["citations"] += c["citations"]
        m["articles"] |= c["articles"]
        for o, n in c["outlets"].items():
            m["outlets"][o] = m["outlets"].get(o, 0) + n
    return merged


def named_source():
    """The SQL condition for an attribution whose source names someone: not an unresolved
    pronoun or "some" (``sources.UNNAMED``), which mean nothing counted across articles."""
    from .sources import UNNAMED

    return attributions.c.source_key.not_in(sorted(UNNAMED))


def in_topic(label: str):
    """The SQL condition for an article placed in the stored topic called ``label``."""
    members = article_topics.join(topics, topics.c.id == article_topics.c.topic)
    return articles.c.pk.in_(sa.select(article_topics.c.article_pk).select_from(members).where(topics.c.label == label))


def default_url() -> str:
    """``$PROPSCOPE_DB``, else a SQLite file at ``~/.local/share/propscope/propscope.db``."""
    if os.environ.get("PROPSCOPE_DB"):
        return os.environ["PROPSCOPE_DB"]
    try:
        home = Path.home()
    except RuntimeError:  # no $HOME and no user entry (a container run as a bare uid): was a traceback
        raise StoreError("no home folder to keep the default store in ($HOME is unset and this user has no entry "
                         "in the user database): give --db a path, or set $PROPSCOPE_DB or $HOME") from None
    path = home / ".local" / "share" / "propscope" / "propscope.db"
    return f"sqlite:///{path}"


def normalise_url(url: str) -> str:
    """Accept plain paths and ``postgresql://`` URLs; pick the drivers we install. A name of
    only spaces (``--db " "``, ``PROPSCOPE_DB=" "``) is a StoreError: it made a store file
    called " " in the current folder."""
    if not url.strip():
        raise StoreError(f"cannot open database {url!r}: a blank name, not a file; check --db or $PROPSCOPE_DB")
    if "://" not in url:  # "?", "#" and "%" in a file's name are the name's, not URL syntax
        return "sqlite:///" + quote(str(_store_path(url)), safe="/:")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _store_path(name: str) -> Path:
    """The absolute path a plain ``--db`` name gives, or a StoreError saying why it gives none:
    ``~nosuchuser/x.db`` or a link that leads back to itself was a traceback from every command
    that opens a store."""
    try:
        return Path(name).expanduser().resolve()
    except RuntimeError as e:  # pathlib's words for a link loop (Python 3.11) or an unknown user's home
        why = "it is a symbolic link that leads back to itself" if "loop" in str(e) else str(e).rstrip(".")
        raise StoreError(f"cannot open database {shortened(printable(name))}: {why}; check --db or "
                         "$PROPSCOPE_DB") from None


def _lookable(path: Path) -> Path:
    """``path``, or a StoreError when the file system cannot even say whether it is there: a name
    longer than it takes, a link loop (``sqlite:///loop``). Each was a traceback (or SQLite's
    "unable to open database file"); a store not made yet, or a file where a folder should be,
    is said later."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError as e:
        raise StoreError(f"cannot open database {shortened(printable(str(path)))}: {e.strerror or e}; check --db or "
                         "$PROPSCOPE_DB") from None
    return path


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL names; None for a server or SQLite in memory. SQLite's URI filenames
    and options (``file:``, ``?uri=true``, ``?mode=ro``) are refused with a StoreError: SQLAlchemy
    hands some of them to SQLite and ignores others, so such a URL made a stray ``file:`` folder, or
    stored into another file than it seemed to name (``x.db?mode=memory`` into ``x.db``)."""
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if parsed.query or parsed.database.startswith("file:"):
        shown = parsed.render_as_string(hide_password=True)
        raise StoreError(f"cannot open database {shown}: SQLite URI filenames and options (file:, ?uri=true, "
                         "?mode=...) are not supported; give the file's path, e.g. --db path/to/store.db")
    return _lookable(Path(parsed.database))


def text_hash(text: str) -> str:
    """Hash of the case-folded text with whitespace collapsed: reformatted copies count as one."""
    return hashlib.sha256(" ".join(text.casefold().split()).encode()).hexdigest()


@dataclass
class AddResult:
    new: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (article id, why it could not be stored)
    filled: list[tuple[str, list[str]]] = field(default_factory=list)  # (stored id, metadata fields filled in)
    # ids that came with another text than the article stored under them (counted in duplicates:
    # the id decides, but two exports numbering their rows 1, 2, 3 ... should not go unnoticed)
    conflicts: list[str] = field(default_factory=list)


class Put(NamedTuple):
    """What ``put_article`` did: the stored id, whether it is new, and which missing metadata of an
    article already stored it filled in."""

    id: str
    new: bool
    filled: list[str]


FILLABLE = ("title", "url", "outlet", "published", "language")  # what a re-posted copy may add, never replace


class StoreError(RuntimeError):
    pass


# What SQLite says when it reads a damaged page of a store file, or a file that is no database at all.
DAMAGED_SQLITE = ("file is not a database", "database disk image is malformed", "malformed database schema",
                  "vtable constructor failed")
# The outlet of articles stored without one, in reports, downloads and the API (pages say it in words).
NO_OUTLET = "unknown"
DAMAGED_ADVICE = ("the store file is damaged or is no SQLite database: restore it from a backup, or save what it "
                  "still holds with `sqlite3 FILE .recover` into a new file")


def store_damaged(e: BaseException) -> bool:
    """Whether ``e`` is SQLite reading a damaged store file: no row's fault nor the command's, and
    every read or write that reaches the damaged pages fails alike. Such an error was a traceback
    from `search`, `report` and `export`, and `ingest` refused each article with it, one by one.
    A damaged page can also hand back a value that SQLite still reads but its column's type cannot:
    :class:`UnreadableValue`."""
    return (isinstance(e, sa.exc.DatabaseError) and any(m in str(getattr(e, "orig", None) or e) for m in DAMAGED_SQLITE)
            or isinstance(e, UnreadableValue))


def database_trouble(e: BaseException) -> str | None:
    """Why the database stopped a command or request, in one line (the driver's message, and what
    to do when the file is damaged), for the database's own errors that are nobody's input: an
    OperationalError (a read-only file, a full disk, a lock held past the timeout, a lost server)
    or a damaged file (``store_damaged``). None for anything else, which stays a bug."""
    if not (isinstance(e, sa.exc.OperationalError) or store_damaged(e)):
        return None
    orig = getattr(e, "orig", None) or e
    said = " ".join(str(orig).split())[:300]
    return said + (f" ({DAMAGED_ADVICE})" if store_damaged(e) else "")


class ForeignDatabase(StoreError):
    """A SQLite file that is another program's database (``foreign_tables``), refused unless the
    caller says to share it (``Store(url, share=True)``, ``--share-db``): `ingest --db places.sqlite`
    wrote propscope's tables into a browser's history. ``said`` is the message without the way to
    share it, which each caller names in its own terms."""

    def __init__(self, said: str, share: str = "share=True"):
        super().__init__(f"{said}; to add propscope's tables to this one, pass {share}")
        self.said = said


# Columns of propscope's `articles` that tell its table from another program's of that name.
OWN_ARTICLE_COLUMNS = frozenset({"text_hash", "meta", "ingested_at"})


def foreign_tables(names: list[str], article_columns: set[str]) -> list[str]:
    """The tables ``names`` of a SQLite file (with the columns of its ``articles``) when they are another
    program's: tables but no propscope store (its ``articles``, with propscope's columns, and alembic's
    ``alembic_version``). Empty for a propscope store and an empty database; ``_sqlite_schema`` reads
    them, without writing, and nothing from a file SQLite cannot read (the store says what is wrong
    with it when it opens it)."""
    return [] if "alembic_version" in names and OWN_ARTICLE_COLUMNS <= article_columns or not names else names


def _sqlite_schema(path: Path) -> tuple[list[str], set[str], list[str] | None]:
    """The tables of the SQLite file at ``path``, the columns of its ``articles`` and the rows of its
    ``alembic_version`` (None without that table), read without writing; nothing for a file SQLite
    cannot read."""
    import sqlite3

    try:
        with closing(sqlite3.connect(f"file:{quote(str(path.absolute()))}?mode=ro", uri=True)) as con:
            names = [r[0] for r in con.execute("select name from sqlite_master where type = 'table' order by name")]
            columns = {r[1] for r in con.execute("pragma table_info(articles)")} if "articles" in names else set()
            versions = ([str(r[0]) for r in con.execute("select version_num from alembic_version")]
                        if "alembic_version" in names else None)
    except sqlite3.Error:
        return [], set(), None
    return names, columns, versions


@functools.cache
def _revisions() -> tuple[frozenset[str], frozenset[str]]:
    """propscope's schema revisions, all and the newest (alembic's heads)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    script = ScriptDirectory.from_config(cfg)
    return frozenset(r.revision for r in script.walk_revisions()), frozenset(script.get_heads())


def schema_mismatch(article_columns: set[str], versions: list[str] | None, upgrade_failed: bool = False) -> str | None:
    """Why a database's schema version (alembic's ``alembic_version`` rows, ``versions``) does not
    fit a propscope store whose ``articles`` has ``article_columns``, or None: current, older (it is
    upgraded), a newer propscope's, or no version table. Such a file was said to be "a newer
    propscope's", or to hold "another program's tables", when another program that uses alembic
    made it (with --share-db, or a table named `articles` of its own), or when propscope's version
    rows were emptied, set back or doubled, where no upgrade mends it. ``upgrade_failed``: an upgrade
    from an older version found its tables there already (the version was set back)."""
    if versions is None:
        return None
    known, heads = _revisions()
    if set(versions) == heads:
        return None
    ours = OWN_ARTICLE_COLUMNS <= article_columns
    shown = ", ".join(repr(shortened(printable(v), 60)) for v in versions[:4])
    if not ours and any(v not in known for v in versions):
        return (f"its schema version table (alembic_version) holds {shown}, no propscope schema: another program "
                "that keeps its schema with alembic made it, and two programs cannot share that table; give "
                "propscope a file of its own")
    if not ours or len(versions) == 1 and (versions[0] not in known or not upgrade_failed):
        return None  # a newer propscope's store, one to upgrade, or a file propscope's tables are to be added to
    said = f"holds {shown}" if versions else "is empty"
    return (f"its schema version (alembic_version) {said}, which does not match its tables: another program or an "
            "edit by hand changed it; restore the store from a backup (nothing was written to it)")


class StoreUnavailable(StoreError):
    """The store as a whole refuses writes (a read-only file, a full disk, a lock held past the
    timeout, a lost server): no request's fault, so the web app answers 503, not 400."""


class StoreReadOnly(StoreUnavailable):
    """A write to a store that was opened read-only (``Store.read_only``): refused before the
    database is asked, so a command says so before any work and adds nothing half-way."""


READ_ONLY_ADVICE = ("reading commands (report, search, export, serve) work on it; to add to it, give its file and "
                    "folder write permission, or copy it where they can be written")


class Store:
    """A connection to one database; cheap to create, safe to share between threads."""

    def __init__(self, url: str | None = None, migrate: bool = True, share: bool = False):
        """``share``: add propscope's tables to a SQLite file that is another program's database
        (:class:`ForeignDatabase` without it), as on a PostgreSQL server a database may be shared."""
        from alembic.util import CommandError

        self.url = normalise_url(url or default_url())
        try:
            backend = sa.engine.make_url(self.url).get_backend_name()
        except sa.exc.ArgumentError:
            backend = None
        if backend not in ("sqlite", "postgresql"):  # else a traceback from a driver we do not ship
            shown = self.display_url if backend else "that URL"
            raise StoreError(f"cannot open database {shown}: give a SQLite path, sqlite:///path.db or "
                             "postgresql://user@host/db")
        path = sqlite_path(self.url)
        if path is not None and (odd := _special_file(path)):  # SQLite's "disk I/O error" said nothing of it
            raise StoreError(f"cannot open database {self.display_url}: {path} is a {odd}, not a file: give --db "
                             "the path of a file")
        # the file's tables, its articles' columns and its schema version, read once and without writing
        names, columns, versions = _sqlite_schema(path) if path is not None and path.is_file() else ([], set(), None)
        if not share and (tables := foreign_tables(names, columns)):
            shown = ", ".join(tables[:8]) + (f" and {len(tables) - 8} more" if len(tables) > 8 else "")
            raise ForeignDatabase(f"cannot open database {self.display_url}: it is another program's SQLite database "
                                  f"(tables: {shortened(printable(shown), 200)}), not a propscope store; check --db "
                                  "or $PROPSCOPE_DB, or give propscope a file of its own")
        if mismatch := schema_mismatch(columns, versions):
            raise StoreError(f"cannot open database {self.display_url}: {mismatch}")  # read before any write
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:  # a file where a folder should be ("--db notes.txt/x.db"), no permission
                raise StoreError(f"cannot open database {self.display_url}: cannot make its folder "
                                 f"{path.parent}: {e.strerror or e}") from None
        # Why this process cannot write the store (its file or folder), or None: such a store is
        # opened read-only, where it failed to open at all ("attempt to write a readonly database")
        self.read_only: str | None = _read_only_why(path) if path is not None else None
        try:
            try:
                self._connect(path, migrate)
            except sa.exc.OperationalError as e:  # read-only where permissions do not say so (a read-only mount)
                if path is None or self.read_only or "readonly database" not in str(e) or not path.is_file():
                    raise
                self.read_only = "SQLite finds it read-only"
                self._connect(path, migrate)
        except sa.exc.SQLAlchemyError as e:
            why = f"{e.__class__.__name__}: {getattr(e, 'orig', None) or e}"
            if "already exists" in why and (mismatch := self._schema_mismatch()):
                raise StoreError(f"cannot open database {self.display_url}: {mismatch}") from None
            if "already exists" in why:  # our tables' names, made by something else
                why += " (another program's tables are there: give propscope a database of its own)"
            if "unable to open database file" in why and path is not None:
                why += _unopenable(path)
            if store_damaged(e):
                why += f" ({DAMAGED_ADVICE})"
            raise StoreError(f"cannot open database {self.display_url}: {why}") from None
        except CommandError as e:  # alembic: a schema revision this version does not know
            why = self._schema_mismatch() or f"{e}; a newer propscope made it, so upgrade propscope to use it"
            raise StoreError(f"cannot open database {self.display_url}: {why}") from None

    def _schema_mismatch(self) -> str | None:
        """``schema_mismatch`` of the store as the engine reads it, or None when it cannot be read."""
        try:
            inspector = sa.inspect(self.engine)
            names = set(inspector.get_table_names())
            columns = {c["name"] for c in inspector.get_columns("articles")} if "articles" in names else set()
            if "alembic_version" not in names:
                return None
            with self.engine.connect() as conn:
                versions = [str(v) for v in conn.execute(sa.text("select version_num from alembic_version")).scalars()]
        except sa.exc.SQLAlchemyError:
            return None  # the failure's own words say more
        return schema_mismatch(columns, versions, upgrade_failed=True)

    def _connect(self, path: Path | None, migrate: bool) -> None:
        """Make the engine, read-only when ``self.read_only`` says so, and bring the schema up to
        date; a read-only store must already be, since upgrading writes."""
        self.engine = _engine(self.url, _read_only_uri(path) if self.read_only and path is not None else None)
        if not migrate:
            return
        if self.read_only:
            if not _schema_current(self.engine):
                raise StoreError(f"cannot open database {self.display_url}: it is read-only ({self.read_only}) and "
                                 "an older propscope made it: this one upgrades its tables, which writes to it; open "
                                 "it once where it can be written")
            return
        if _schema_current(self.engine):  # read without a write lock: upgrading takes one (``upgrade``)
            return
        from .migrations import upgrade

        upgrade(self.engine)

    def writable(self, named: bool = False) -> None:
        """Raise StoreReadOnly when the store was opened read-only: a writing command checks this
        first, so it stops before any work (``analyze --db`` ran its model, then failed to save).
        ``named``: say which store (the command line does; the web keeps its path to itself)."""
        if self.read_only:
            which = f"the store {self.display_url}" if named else "the store"
            raise StoreReadOnly(f"cannot write to {which}: it is read-only ({self.read_only}); {READ_ONLY_ADVICE}")

    @property
    def display_url(self) -> str:
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    # -- articles ---------------------------------------------------------------------------
    def add_articles(self, items: Iterable[Article], batch_size: int = 1000) -> AddResult:
        result = AddResult()
        batch: list[Article] = []
        for art in items:
            batch.append(art)
            if len(batch) >= batch_size:
                self._add_batch(batch, result)
                batch = []
        if batch:
            self._add_batch(batch, result)
        return result

    def _add_batch(self, batch: Sequence[Article], result: AddResult) -> None:
        """Insert a batch in one transaction; an article the database refuses is set aside with its
        reason (``result.rejected``) and never costs the others of its batch."""
        self.writable()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows, seen = [], set()
        for a in batch:
            reason = check_article(a)
            if reason:
                result.rejected.append((str(a.id)[:200], reason))
                continue
            row = {"id": a.id, "url": a.url, "text_hash": text_hash(a.text), "title": a.title, "outlet": a.outlet,
                   "published": a.published, "language": a.language, "text": a.text,
                   "meta": json.dumps(a.meta, ensure_ascii=False), "ingested_at": now}
            if same := _identity(row) & seen:
                result.duplicates += 1
                if same == {("id", row["id"])}:
                    result.conflicts.append(row["id"])
                continue
            seen |= _identity(row)
            rows.append(row)
        try:
            self._insert_rows(rows, result)
        except (sa.exc.StatementError, ValueError) as e:  # one bad row: find it, keep the rest
            self._refuse_if_store_wide(e)
            if len(rows) == 1:
                result.rejected.append((rows[0]["id"], f"the database refused it: {_db_reason(e)}"))
                return
            for row in rows:
                try:
                    self._insert_rows([row], result)
                except (sa.exc.StatementError, ValueError) as e1:
                    self._refuse_if_store_wide(e1)
                    result.rejected.append((row["id"], f"the database refused it: {_db_reason(e1)}"))

    def _refuse_if_store_wide(self, e: Exception) -> None:
        """StoreUnavailable when ``e`` is no row's fault (a read-only file, a full disk, a lock held past
        the timeout, a lost server): set aside row by row, every article would be "refused" with
        the same words and the command would go on failing. The message names no path: the web
        app answers with it."""
        if store_damaged(e):
            raise StoreUnavailable(f"cannot write to the store: {_db_reason(e)} ({DAMAGED_ADVICE})") from None
        if isinstance(e, sa.exc.OperationalError) and not _row_limit(e):
            raise StoreUnavailable(f"cannot write to the store: {_db_reason(e)}") from None

    def _insert_rows(self, rows: list[dict], result: AddResult) -> None:
        with self.engine.begin() as conn:
            existing = self._existing(conn, rows)
            fresh = [r for r in rows if not _identity(r) & existing]
            new_pks: list[int] = []
            if fresh:
                stmt = self._insert(articles).on_conflict_do_nothing().returning(articles.c.pk)
                new_pks = [pk for (pk,) in conn.execute(stmt, fresh)]
            if self.is_sqlite and new_pks:
                conn.execute(sa.text("INSERT INTO articles_fts(rowid, title, text) SELECT pk, coalesce(title, ''), text "
                                     "FROM articles WHERE pk = :pk"), [{"pk": pk} for pk in new_pks])
            inserted = len(new_pks)
            filled = [f for r in rows if _identity(r) & existing and (f := self._fill_missing(conn, r, existing))]
        result.new += inserted
        result.duplicates += len(rows) - inserted
        result.filled += filled
        result.conflicts += [r["id"] for r in rows if _identity(r) & existing == {("id", r["id"])}]

    def _fill_missing(self, conn, row: dict, existing: set[tuple[str, str]]) -> tuple[str, list[str]] | None:
        """Give the stored copy of ``row`` the metadata it lacks and ``row`` has (a text stored bare,
        posted again with its outlet and date); never replace a value. The copy is the article with
        the same id and text, else the same URL, else the same text: an article stored under the
        record's id with another text is another story (the record is a conflict, not stored), and
        took the record's date, title and URL. A URL is only added when no other article has it.
        Returns the stored id and the fields filled, or None."""
        given = [k for k in FILLABLE if row[k] is not None and not (k == "url" and ("url", row[k]) in existing)]
        if not given:
            return None
        same_id = sa.and_(articles.c.id == row["id"], articles.c.text_hash == row["text_hash"])
        first = [(same_id, 0)] + ([(articles.c.url == row["url"], 1)] if row["url"] else [])
        cond = [c for c, _ in first] + [articles.c.text_hash == row["text_hash"]]
        q = (sa.select(articles).where(sa.or_(*cond)).order_by(sa.case(*first, else_=2), articles.c.pk).limit(1))
        stored = conn.execute(q.with_for_update() if not self.is_sqlite else q).mappings().first()
        missing = {k: row[k] for k in given if stored is not None and stored[k] is None}
        if not missing:
            return None
        conn.execute(articles.update().where(articles.c.pk == stored["pk"]).values(**missing))
        if self.is_sqlite and "title" in missing:  # the full-text index holds the title too
            conn.execute(sa.text("INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                                 "VALUES ('delete', :pk, '', :text)"), {"pk": stored["pk"], "text": stored["text"]})
            conn.execute(sa.text("INSERT INTO articles_fts(rowid, title, text) VALUES (:pk, :title, :text)"),
                         {"pk": stored["pk"], "title": missing["title"], "text": stored["text"]})
        return stored["id"], list(missing)

    def _insert(self, table: sa.Table):
        if self.is_sqlite:
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert
        return insert(table)

    @staticmethod
    def _existing(conn, rows: list[dict]) -> set[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for key, col in (("id", articles.c.id), ("url", articles.c.url), ("hash", articles.c.text_hash)):
            field = "text_hash" if key == "hash" else key
            values = [r[field] for r in rows if r[field]]
            for k in range(0, len(values), 500):
                found |= {(key, v) for (v,) in conn.execute(sa.select(col).where(col.in_(values[k : k + 500])))}
        return found

    def put_article(self, article: Article) -> Put:
        """Store one article unless it is already there; returns the stored id, whether it is new
        and the missing metadata of the stored copy that this one filled in. Safe under concurrent
        writers: the unique constraints decide, not a prior read."""
        result = AddResult()
        self._add_batch([article], result)
        if result.new:
            return Put(article.id, True, [])
        if result.rejected:
            raise StoreError(f"cannot store {article.id!r}: {result.rejected[0][1]}")
        if result.filled:
            return Put(result.filled[0][0], False, result.filled[0][1])
        h = text_hash(article.text)
        cond = [articles.c.id == article.id, articles.c.text_hash == h]
        if article.url:
            cond.append(articles.c.url == article.url)
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(articles.c.id).where(sa.or_(*cond)).order_by(articles.c.pk)).scalar()
        return Put(found, False, [])

    def list_articles(self, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                      technique: str | None = None, query: str | None = None, limit: int = 50,
                      offset: int = 0, topic: str | None = None) -> tuple[int, list[dict]]:
        """A page of articles with their scores, newest first, and the total that match; ``topic``
        is a stored topic's label (``load_topics``)."""
        q = _filters(sa.select(articles.c.pk).select_from(articles), outlet, since, until)
        if technique:
            q = q.where(articles.c.pk.in_(sa.select(spans.c.article_pk).where(spans.c.technique == technique)))
        if topic:
            q = q.where(in_topic(topic))
        if query:
            q = q.where(self._matches(search.terms(query)))
        cols = (articles.c.id, articles.c.title, articles.c.outlet, articles.c.published, articles.c.url,
                analyses.c.score, analyses.c.model)
        page = (sa.select(*cols).select_from(articles.outerjoin(analyses)).where(articles.c.pk.in_(q))
                .order_by(articles.c.published.desc().nulls_last(), articles.c.pk.desc()).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar_one()
            rows = [dict(r) for r in conn.execute(page).mappings()]
        for r in rows:
            r["published"] = r["published"].isoformat() if r["published"] else None
            r["score"] = stored_score(r["score"], repr(r["id"]))
        return total, rows

    def headline_titles(self, ids: Iterable[str]) -> dict[str, str]:
        """For pages that list articles: the headline (``document.headline_title``) of each of these
        stored articles that has no title, read from the opening of its text, so that a page shows
        a title rather than an id wherever one can be had. Nothing is written."""
        from .document import headline_title

        wanted = sorted(set(ids))
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for k in range(0, len(wanted), 500):
                q = sa.select(articles.c.id, sa.func.substr(articles.c.text, 1, 4000)).where(
                    articles.c.id.in_(wanted[k : k + 500]), articles.c.title.is_(None))
                found |= {i: t for i, opening in conn.execute(q) if (t := headline_title(opening))}
        return found

    def pk_of(self, article_id: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(articles.c.pk).where(articles.c.id == article_id)).scalar_one()

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
        return _article(row) if row else None

    def _pages(self, columns, batch: int) -> Iterator[sa.RowMapping]:
        """Every article row (these columns, the key first), read ``batch`` at a time by key."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(articles.c.pk, *columns).where(articles.c.pk > last)
                                    .order_by(articles.c.pk).limit(batch)).mappings().all()
            if not rows:
                return
            yield from rows
            last = rows[-1]["pk"]

    def iter_articles(self, batch: int = 1000) -> Iterator[Article]:
        yield from (_article(r) for r in self._pages([c for c in articles.c if c.name != "pk"], batch))

    # -- analyses ---------------------------------------------------------------------------
    def pending(self, model: str, reanalyze: bool = False, limit: int = 64, after_pk: int = 0,
                retry_failed: bool = False, before_pk: int | None = None,
                descending: bool = False) -> list[tuple[int, Article]]:
        """Articles with no analysis (or, with ``reanalyze``, one from another model), by pk, those
        between ``after_pk`` and ``before_pk``; an article whose analysis by ``model`` failed is left
        out unless ``retry_failed``. ``descending``: the highest first, where a run that finds
        another at work on the store goes on (``analyze_store``), so the two meet, not race."""
        q = _pending_select(articles, model, reanalyze, retry_failed).where(articles.c.pk > after_pk)
        if before_pk is not None:
            q = q.where(articles.c.pk < before_pk)
        order = articles.c.pk.desc() if descending else articles.c.pk
        with self.engine.connect() as conn:
            return [(r["pk"], _article(r)) for r in conn.execute(q.order_by(order).limit(limit)).mappings()]

    def still_pending(self, model: str, pks: Sequence[int], reanalyze: bool = False,
                      retry_failed: bool = False) -> set[int]:
        """Which of the articles ``pks`` still need ``model`` (``pending``'s condition): checked
        before each is analysed, so a run skips what another run on the store has since stored."""
        q = _pending_select(articles.c.pk, model, reanalyze, retry_failed).where(articles.c.pk.in_(list(pks)))
        with self.engine.connect() as conn:
            return set(conn.execute(q).scalars())

    def count_pending(self, model: str, reanalyze: bool = False, retry_failed: bool = False) -> int:
        with self.engine.connect() as conn:
            return conn.execute(_pending_select(sa.func.count(), model, reanalyze, retry_failed)).scalar_one()

    def record_failures(self, model: str, failed: Sequence[tuple[int, str]]) -> None:
        """Remember that analysing these articles (pk, reason) with ``model`` raised, so that later
        runs skip them instead of failing on them again (``pending(retry_failed=True)`` retries)."""
        if not failed:
            return
        self.writable()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        stmt = self._insert(analysis_failures)
        stmt = stmt.on_conflict_do_update(index_elements=[analysis_failures.c.article_pk], set_={
            c: stmt.excluded[c] for c in ("model", "reason", "failed_at")})
        with self.engine.begin() as conn:
            conn.execute(stmt, [{"article_pk": pk, "model": model[:128], "reason": reason, "failed_at": now}
                                for pk, reason in failed])

    def failures(self, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                 limit: int = 10) -> tuple[int, list[dict]]:
        """How many articles in range have a failed analysis, and the latest ``limit`` of them."""
        j = analysis_failures.join(articles, articles.c.pk == analysis_failures.c.article_pk)
        q = _filters(sa.select(articles.c.id, analysis_failures.c.model, analysis_failures.c.reason,
                               analysis_failures.c.failed_at).select_from(j), outlet, since, until)
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar_one()
            rows = conn.execute(q.order_by(analysis_failures.c.failed_at.desc(), articles.c.pk.desc())
                                .limit(limit)).mappings().all()
        return total, [{"id": r["id"], "model": r["model"], "reason": r["reason"],
                        "failed_at": r["failed_at"].isoformat(timespec="seconds")} for r in rows]

    def save_analyses(self, results: Sequence[tuple[int, Analysis]], keep_stored: bool = False) -> list[int]:
        """Replace the analyses of these articles, in one transaction. Concurrent writers of the
        same article (two web requests for one text) take turns: the article rows are locked first
        (PostgreSQL; SQLite: the write lock is taken first) and the analysis row is an upsert.
        ``keep_stored``: an article that already has an analysis by the same model keeps it (another
        run stored it since this one asked what was pending); returns those articles' pks."""
        self.writable()
        from .names import counted_names  # names reads the sources lexicon: loaded only when saving

        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        results = list({pk: a for pk, a in results}.items())  # one analysis per article: the last given
        pks = sorted(pk for pk, _ in results)
        kept: list[int] = []
        with self.engine.begin() as conn:
            if not self.is_sqlite:
                conn.execute(sa.select(articles.c.pk).where(articles.c.pk.in_(pks)).order_by(articles.c.pk)
                             .with_for_update())
            elif keep_stored:  # a write that changes nothing takes SQLite's write lock: the check below sees the latest
                conn.execute(analyses.update().where(sa.false()).values(model=analyses.c.model))
            if keep_stored:
                stored = dict(conn.execute(sa.select(analyses.c.article_pk, analyses.c.model)
                                           .where(analyses.c.article_pk.in_(pks))).all())
                kept = sorted(pk for pk, a in results if stored.get(pk) == a.model)
                results = [(pk, a) for pk, a in results if pk not in kept]
                pks = sorted(pk for pk, _ in results)
                if not results:
                    return kept
            conn.execute(attributions.delete().where(attributions.c.article_pk.in_(pks)))
            conn.execute(spans.delete().where(spans.c.article_pk.in_(pks)))
            conn.execute(analysis_failures.delete().where(analysis_failures.c.article_pk.in_(pks)))  # retried, done
            stmt = self._insert(analyses)
            stmt = stmt.on_conflict_do_update(index_elements=[analyses.c.article_pk], set_={
                c: stmt.excluded[c] for c in ("model", "score", "data", "analyzed_at")})
            conn.execute(stmt, [
                {"article_pk": pk, "model": a.model, "score": a.score if a.scored else None, "analyzed_at": now,
                 "data": json.dumps({k: v for k, v in a.to_dict().items() if k not in ("article", "id")},
                                    ensure_ascii=False)} for pk, a in results])
            span_rows = [{"article_pk": pk, "technique": s.technique, "start": s.start, "end": s.end, "score": s.score,
                          "text": s.text, "taxonomy": a.taxonomy} for pk, a in results for s in a.spans]
            if span_rows:
                conn.execute(spans.insert(), span_rows)
            cited = []
            for pk, a in results:
                named = [at for at in a.attributions if at.get("source")]
                cited += [{"article_pk": pk, "source": name[:512], "source_key": source_key(name), "cue": at["cue"][:128],
                           "source_start": at["source_start"], "source_end": at["source_end"],
                           "content_start": at["content_start"], "content_end": at["content_end"]}
                          for at, name in zip(named, counted_names(named, a.entities))]
            if cited:
                conn.execute(attributions.insert(), cited)
        return kept

    def get_analysis(self, article_id: str) -> Analysis | None:
        q = (sa.select(articles, analyses.c.data).select_from(articles.join(analyses))
             .where(articles.c.id == article_id))
        with self.engine.connect() as conn:
            row = conn.execute(q).mappings().first()
        return _analysis(row) if row else None

    def iter_analyses(self, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                      batch: int = 500) -> Iterator[Analysis]:
        last = 0
        while True:
            q = sa.select(articles, analyses.c.data).select_from(articles.join(analyses)).where(articles.c.pk > last)
            q = _filters(q, outlet, since, until).order_by(articles.c.pk).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).mappings().all()
            if not rows:
                return
            yield from (_analysis(r) for r in rows)
            last = rows[-1]["pk"]

    def cited_sources(self, outlet: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
                      limit: int = 20) -> list[dict]:
        """The most cited sources (by attributions), with how many articles cite each and the outlets;
        speakers that name nobody ("he" unresolved, "some") are left out (``named_source``)."""
        j = attributions.join(articles, articles.c.pk == attributions.c.article_pk)
        q = _filters(sa.select(attributions.c.source_key, attributions.c.source, articles.c.outlet,
                               attributions.c.article_pk).select_from(j).where(named_source()), outlet, since, until)
        counts: dict[str, dict] = {}
        with self.engine.connect() as conn:
            for key, source, art_outlet, pk in conn.execute(q):
                c = counts.setdefault(key, {"source": source, "citations": 0, "articles": set(), "outlets": {}})
                c["citations"] += 1
                c["articles"].add(pk)
                c["outlets"][art_outlet or NO_OUTLET] = c["outlets"].get(art_outlet or NO_OUTLET, 0) + 1
        counts = _merge_named(counts)
        ranked = sorted(counts.values(), key=lambda c: (-c["citations"], c["source"]))[:limit]
        return [{"source": c["source"], "citations": c["citations"], "articles": len(c["articles"]),
                 "outlets": dict(sorted(c["outlets"].items(), key=lambda x: -x[1]))} for c in ranked]

    # -- reuse ------------------------------------------------------------------------------
    def save_reuse(self, result) -> None:
        """Replace the stored reuse results: reuse is computed over the whole corpus at once."""
        self.writable()
        with self.engine.begin() as conn:
            conn.execute(reuse_passages.delete())
            conn.execute(reuse_clusters.delete())
            if result.clusters:
                conn.execute(reuse_clusters.insert(), [
                    {"id": c.id, "origin": c.origin, "boilerplate": c.boilerplate,
                     "members": json.dumps([list(m) for m in c.members])} for c in result.clusters])
            if result.passages:
                conn.execute(reuse_passages.insert(), [
                    {k: getattr(p, k) for k in ("a", "a_start", "a_end", "b", "b_start", "b_end", "score", "cluster",
                                                "boilerplate")} for p in result.passages])

    def load_reuse(self, article_id: str | None = None, limit: int | None = None, offset: int = 0,
                   per: str = "passage"):
        """Stored reuse results (all, or those touching one article), as a ``ReuseResult``.
        ``limit`` and ``offset`` count passages, or with ``per="cluster"`` clusters, each with all
        its passages: a page that shows clusters must not cut one in two."""
        from .reuse import Cluster, Passage, ReuseResult

        q = sa.select(reuse_passages).order_by(reuse_passages.c.a, reuse_passages.c.a_start, reuse_passages.c.b,
                                               reuse_passages.c.b_start)
        touching = sa.or_(reuse_passages.c.a == article_id, reuse_passages.c.b == article_id)
        if per == "cluster":
            ids = (sa.select(reuse_passages.c.cluster).where(touching).distinct().order_by(reuse_passages.c.cluster)
                   if article_id else sa.select(reuse_clusters.c.id).order_by(reuse_clusters.c.id))
            q = q.where(reuse_passages.c.cluster.in_(ids.limit(limit).offset(offset) if limit else ids))
        else:
            q = q.where(touching) if article_id else q
            q = q.limit(limit).offset(offset) if limit else q
        with self.engine.connect() as conn:
            passages = [Passage(**{k: r[k] for k in ("a", "a_start", "a_end", "b", "b_start", "b_end", "score",
                                                     "cluster", "boilerplate")}) for r in conn.execute(q).mappings()]
            wanted = {p.cluster for p in passages if p.cluster is not None}
            cq = sa.select(reuse_clusters).order_by(reuse_clusters.c.id)
            if article_id or limit:
                cq = cq.where(reuse_clusters.c.id.in_(wanted))
            clusters = [Cluster(r["id"], [tuple(m) for m in _stored_list(r["members"], f"reuse cluster {r['id']}",
                                                                         _is_member, "[article id, start, end]")],
                                r["origin"], r["boilerplate"]) for r in conn.execute(cq).mappings()]
        return ReuseResult(passages, clusters)

    # -- topics -----------------------------------------------------------------------------
    def iter_texts(self, batch: int = 1000) -> Iterator[tuple[int, str]]:
        """Every stored article's key and text, read in batches: what a corpus-wide pass over
        the words (topics) needs, without building Articles."""
        yield from ((r["pk"], r["text"]) for r in self._pages([articles.c.text], batch))

    def save_topics(self, result) -> None:
        """Replace the stored topics and every article's topic in one transaction (topics are
        fitted to the whole corpus at once): a failure keeps the earlier ones whole."""
        self.writable()
        with self.engine.begin() as conn:
            conn.execute(article_topics.delete())
            conn.execute(topics.delete())
            if result.topics:
                conn.execute(topics.insert(), [{"id": t.id, "label": t.label, "words": json.dumps(t.words)}
                                               for t in result.topics])
            rows = [{"article_pk": pk, "topic": topic, "weight": weight}
                    for pk, (topic, weight) in result.assigned.items()]
            for k in range(0, len(rows), 10_000):
                conn.execute(article_topics.insert(), rows[k : k + 10_000])

    def outlets(self) -> list[str]:
        """Every outlet of a stored article, sorted: the filter menus, and the check that an
        ``--outlet`` names one (a typo filtered everything out without a word)."""
        q = sa.select(articles.c.outlet).where(articles.c.outlet.is_not(None)).distinct().order_by(articles.c.outlet)
        with self.engine.connect() as conn:
            return [o for (o,) in conn.execute(q)]

    def load_topics(self) -> list:
        """The stored topics (``topics.Topic``), by id; empty before `propscope topics` has run."""
        from .topics import Topic

        with self.engine.connect() as conn:
            return [Topic(r["id"], r["label"], _stored_list(r["words"], f"topic {r['label']!r}",
                                                            lambda w: isinstance(w, str), "words"))
                    for r in conn.execute(sa.select(topics).order_by(topics.c.id)).mappings()]

    # -- search -----------------------------------------------------------------------------
    def _matches(self, terms: list[str]):
        """Full-text condition on articles (SQLite FTS5 or PostgreSQL tsvector); every term is
        quoted, so no query syntax reaches the engine."""
        if not terms:
            return sa.false()
        if self.is_sqlite:
            fts = " ".join('"' + t + '"' for t in terms)
            return articles.c.pk.in_(sa.text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts")
                                     .bindparams(fts=fts))
        config = "'english'"  # what the GIN index of migration 0001 is built with
        query = sa.func.plainto_tsquery(sa.literal_column(config), " ".join(terms))
        with self.engine.connect() as conn:
            if conn.execute(sa.select(sa.func.numnode(query))).scalar() == 0:
                # Only stop words ('AND', 'the', 'not'): English drops them all, and the empty query
                # matched nothing where SQLite finds the words; these rare queries read every text.
                config = "'simple'"
                query = sa.func.plainto_tsquery(sa.literal_column(config), " ".join(terms))
        doc = sa.func.to_tsvector(sa.literal_column(config), sa.func.coalesce(articles.c.title, "") + " "
                                  + articles.c.text)
        return doc.op("@@")(query)

    def search(self, query: str, technique: str | None = None, outlet: str | None = None,
               limit: int = 20, topic: str | None = None) -> list[dict]:
        """Articles matching ``query`` (full-text), newest first, with their spans that hold a query word
        and the words around the first match (``search.snippet``: pieces, ``True`` where a match);
        ``topic`` is a stored topic's label (``load_topics``)."""
        terms = search.terms(query)
        if not terms:
            return []
        shown = search.word_pattern(terms)
        q = (sa.select(articles.c.pk, articles.c.id, articles.c.title, articles.c.outlet, articles.c.published,
                       articles.c.text).where(self._matches(terms)))
        if outlet:
            q = q.where(articles.c.outlet == outlet)
        if topic:
            q = q.where(in_topic(topic))
        if technique:
            q = q.where(articles.c.pk.in_(sa.select(spans.c.article_pk).where(spans.c.technique == technique)))
        q = q.order_by(articles.c.published.desc().nulls_last(), articles.c.pk).limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(q).mappings().all()
            out = []
            for r in rows:
                sq = sa.select(spans).where(spans.c.article_pk == r["pk"])
                if technique:
                    sq = sq.where(spans.c.technique == technique)
                found = [dict(s) for s in conn.execute(sq.order_by(spans.c.start)).mappings()
                         if search.holds(s["text"], shown)]
                out.append({"id": r["id"], "title": r["title"], "outlet": r["outlet"],
                            "published": r["published"].isoformat() if r["published"] else None,
                            "snippet": search.snippet(r["text"], terms),
                            "spans": [{k: stored_score(s[k], repr(r["id"])) if k == "score" else s[k]
                                       for k in ("technique", "start", "end", "score", "text", "taxonomy")}
                                      for s in found]})
        return out


def _row_limit(e: sa.exc.OperationalError) -> bool:
    """Whether PostgreSQL refused one row for a size limit (SQLSTATE class 54: an index entry over
    its maximum), which psycopg files under OperationalError although the row is to blame."""
    return str(getattr(getattr(e, "orig", None), "sqlstate", None) or "").startswith("54")


def _special_file(path: Path) -> str | None:
    """What ``path`` is when it is there but neither a file nor a folder ("device", "pipe",
    "socket"), else None."""
    try:
        mode = path.stat().st_mode
    except OSError:  # not there (yet), or not to be looked at: SQLite says what it finds
        return None
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else None


def _read_only_why(path: Path) -> str | None:
    """Why this process cannot write the SQLite store at ``path``, or None (also when there is no
    file yet). SQLite writes its journal (``-wal``, ``-shm``) beside the file, so a folder that
    cannot be written makes the store read-only too, unless those files are there and writable."""
    if not path.is_file():
        return None
    if not os.access(path, os.W_OK):
        return "its file cannot be written"
    journal = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
    if not os.access(path.parent, os.W_OK) and not all(os.access(j, os.W_OK) for j in journal):
        return "its folder cannot be written, and SQLite keeps its journal there"
    return None


def _read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` for reading only. A WAL store needs its ``-shm`` file, which
    SQLite cannot make in a folder it cannot write ("attempt to write a readonly database" even for
    a read): then the file is opened as immutable, which is sound only while no one writes it, so
    only when no ``-wal`` file holds changes that immutable reading would not see."""
    import sqlite3

    uri = "file:" + quote(str(path), safe="/") + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=30)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return uri
    except sqlite3.DatabaseError:
        pass
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(f"cannot read the store {path}: its folder cannot be written and its journal {wal.name} "
                         "holds changes SQLite merges only with write permission there; give the folder write "
                         "permission once, or copy the file and its journal elsewhere")
    return uri + "&immutable=1"


def _schema_current(engine: Engine) -> bool:
    """Whether the store's schema is this propscope's (alembic's head), read without writing."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads()) == _revisions()[1]


def _unopenable(path: Path) -> str:
    """Why SQLite may have been "unable to open" ``path``, as a hint to add to its words."""
    if path.is_dir():
        return f" ({path} is a folder: give --db the path of a file)"
    if not os.access(path.parent, os.W_OK):
        return f" (its folder {path.parent} cannot be written, and SQLite keeps its journal beside the file)"
    return ""


def _db_reason(e: Exception) -> str:
    """The database's own words for a refused row, on one line."""
    orig = getattr(e, "orig", None) or e
    return " ".join(f"{orig.__class__.__name__}: {orig}".split())[:300]


def _identity(row: dict) -> set[tuple[str, str]]:
    """What makes two articles the same: id, URL (when known) or normalised text."""
    keys = {("id", row["id"]), ("hash", row["text_hash"])}
    return keys | {("url", row["url"])} if row["url"] else keys


def _pending(model: str, reanalyze: bool, retry_failed: bool):
    """The condition on articles (outer-joined with analyses) that still need ``model``."""
    cond = analyses.c.article_pk.is_(None)
    if reanalyze:
        cond = sa.or_(cond, analyses.c.model != model)
    if not retry_failed:
        failed = sa.select(analysis_failures.c.article_pk).where(analysis_failures.c.model == model)
        cond = sa.and_(cond, articles.c.pk.not_in(failed))
    return cond


def _pending_select(what, model: str, reanalyze: bool, retry_failed: bool):
    """``what`` (the article rows, their pks, a count) of the articles that still need ``model``:
    one query shape for ``pending``, ``still_pending`` and ``count_pending``, so they never disagree."""
    j = articles.outerjoin(analyses, analyses.c.article_pk == articles.c.pk)
    return sa.select(what).select_from(j).where(_pending(model, reanalyze, retry_failed))


def _filters(q, outlet, since, until):
    if outlet:
        q = q.where(articles.c.outlet == outlet)
    if since:
        q = q.where(articles.c.published >= since)
    if until:
        q = q.where(articles.c.published <= until)
    return q


def _stored_list(data: str, what: str, item_ok: Callable[[object], bool], items: str) -> list:
    """A stored JSON list (a topic's words, a reuse cluster's members), or a StoreError naming
    ``what`` when it is none: a damaged row was a JSONDecodeError or TypeError traceback."""
    try:
        value = json.loads(data)
    except (TypeError, ValueError) as e:
        raise StoreError(f"the stored {what} cannot be read (not JSON: {e}); {DAMAGED_ROW}") from None
    if not isinstance(value, list) or not all(item_ok(v) for v in value):
        raise StoreError(f"the stored {what} cannot be read (not a JSON list of {items}); {DAMAGED_ROW}")
    return value


def _is_member(m: object) -> bool:
    """Whether ``m`` is a reuse cluster member as stored: [article id, start, end]."""
    return (isinstance(m, list) and len(m) == 3 and isinstance(m[0], str)
            and all(_typed(x, (int,)) for x in m[1:]))


def _article(row) -> Article:
    """The article of ``row``; a 'meta' that is no JSON object is a StoreError naming the article
    (it was blamed on the article's analysis, or passed on as a list or a number)."""
    try:
        meta = json.loads(row["meta"] or "{}")
    except (TypeError, ValueError) as e:
        meta, why = None, f"not JSON: {e}"
    else:
        why = f"a JSON {_json_kind(meta)}"
    if not isinstance(meta, dict):
        raise StoreError(f"the stored article {row['id']!r} cannot be read (its 'meta' is {why}, not an object); "
                         f"{DAMAGED_ROW}")
    return Article(id=row["id"], text=row["text"], title=row["title"], url=row["url"], outlet=row["outlet"],
                   published=row["published"], language=row["language"], meta=meta)


DAMAGED_ROW = "the row is damaged or was written by another program; restore the store from a backup"


def stored_score(score: object, article: str) -> float | None:
    """A stored score (an analysis's or a span's; None: not measured), or a StoreError naming the
    ``article`` (``repr``) when it is no number from 0 to 1: one another program wrote as infinite
    gave a report whose JSON held Infinity and NaN and a 500 on the dashboard's and the search's
    downloads, and one above 1 a 95% range whose low end lay above its high one."""
    if score is None or (isinstance(score, (int, float)) and 0 <= score <= 1):
        return score
    raise StoreError(f"the stored analysis of article {article} cannot be read (its score is {score!r:.40}, not a "
                     f"score from 0 to 1); {DAMAGED_ROW}")


_NUMBER = (int, float)
_TEXT_OR_NULL = (str, type(None))
# What the report, exports and pages read from a stored analysis, field by field: (required, JSON
# types). A reader trusts these, so a row whose nested field has another type ('targets' a string, a
# span without 'start') was a TypeError or KeyError traceback, or a 500, far from the row at fault.
_TOP_FIELDS: dict[str, tuple[bool, tuple[type, ...]]] = {
    "spans": (True, (list,)), "sentences": (True, (list,)), "score": (True, _NUMBER), "model": (True, (str,)),
    "entities": (False, (list,)), "attributions": (False, (list,)), "quotes": (False, (list,)),
    "targets": (False, (list,)), "taxonomy": (False, _TEXT_OR_NULL), "language": (False, _TEXT_OR_NULL),
    "notes": (False, (list,)),
}
_ITEM_FIELDS: dict[str, dict[str, tuple[bool, tuple[type, ...]]]] = {
    "spans": {"start": (True, (int,)), "end": (True, (int,)), "technique": (True, (str,)), "score": (True, _NUMBER),
              "text": (False, (str,))},
    "sentences": {"start": (True, (int,)), "end": (True, (int,)), "score": (True, _NUMBER)},
    "entities": {"text": (False, _TEXT_OR_NULL), "canonical": (False, _TEXT_OR_NULL), "label": (False, _TEXT_OR_NULL)},
    "attributions": {"source": (True, (str,)), "cue": (True, (str,)), "content_start": (True, (int,)),
                     "content_end": (True, (int,)), "via": (False, _TEXT_OR_NULL)},
    "quotes": {"start": (True, (int,)), "end": (True, (int,)), "text": (True, (str,)),
               "speaker": (False, _TEXT_OR_NULL)},
    "targets": {"targets": (True, (list,))},
    "targets.targets": {"canonical": (True, _TEXT_OR_NULL), "text": (True, _TEXT_OR_NULL),
                        "label": (False, _TEXT_OR_NULL)},
}
ANALYSIS_FIELDS = tuple(_TOP_FIELDS)


def _json_kind(value: object) -> str:
    """What ``value`` is in JSON's words, for a message about a stored row."""
    if isinstance(value, bool):
        return "true/false"
    return {dict: "object", list: "list", str: "string", int: "number", float: "number",
            type(None): "null"}.get(type(value), type(value).__name__)


def _typed(value: object, types: tuple[type, ...]) -> bool:
    """Whether ``value`` has one of ``types``; JSON's true and false are no numbers here."""
    return isinstance(value, types) and not (isinstance(value, bool) and bool not in types)


def _fields_problem(obj: dict, spec: dict[str, tuple[bool, tuple[type, ...]]], where: str) -> str | None:
    """What is wrong with ``obj``'s fields against ``spec`` (the first thing), or None."""
    for name, (required, types) in spec.items():
        if name not in obj:
            if required:
                return f"no '{name}' field{where}"
        elif not _typed(obj[name], types):
            return f"'{name}'{where} is a JSON {_json_kind(obj[name])}, not a {_json_kind(types[0]())}"
    return None


def _items_problem(items: list, kind: str, where: str) -> str | None:
    """What is wrong with the objects of list field ``kind`` (``_ITEM_FIELDS``), or None."""
    for i, item in enumerate(items):
        at = f" in item {i + 1} of '{kind.rsplit('.', 1)[-1]}'{where}"
        if not isinstance(item, dict):
            return f"item {i + 1} of '{kind.rsplit('.', 1)[-1]}'{where} is a JSON {_json_kind(item)}, not an object"
        if why := _fields_problem(item, _ITEM_FIELDS.get(kind, {}), at):
            return why
        if kind == "targets" and (why := _items_problem(item["targets"], "targets.targets", at)):
            return why
    return None


def analysis_problem(d: dict, fields: Sequence[str] = ANALYSIS_FIELDS) -> str | None:
    """What makes the stored analysis ``d`` unreadable, looking at ``fields`` only (the report
    reads a row's targets alone), or None when readers can trust it."""
    why = _fields_problem(d, {k: v for k, v in _TOP_FIELDS.items() if k in fields}, "")
    for name in fields:
        if why:
            break
        if isinstance(d.get(name), list):
            if name == "notes":
                bad = next((n for n in d[name] if not isinstance(n, str)), "")
                why = f"a note is a JSON {_json_kind(bad)}, not a string" if not isinstance(bad, str) else None
            else:
                why = _items_problem(d[name], name, "")
    return why


def analysis_data(data: str, article: str, fields: Sequence[str] = ANALYSIS_FIELDS) -> dict:
    """A stored analysis's JSON as a dict whose ``fields`` have the types readers expect, or a
    StoreError naming the article (``repr``) and what is wrong: a row damaged or written by
    another program was a JSONDecodeError, KeyError or TypeError traceback from report and export,
    and a 500 from the web's pages."""
    try:
        d = json.loads(data)
    except (TypeError, ValueError) as e:
        d, why = None, f"not JSON: {e}"
    else:
        why = f"JSON {type(d).__name__}, not an analysis object"
    if isinstance(d, dict):
        why = analysis_problem(d, fields)
    if why:
        raise StoreError(f"the stored analysis of article {article} cannot be read ({why}); {DAMAGED_ROW}")
    return d


def _analysis(row) -> Analysis:
    d = analysis_data(row["data"], repr(row["id"]))
    try:
        return Analysis(article=_article(row), spans=[Span.from_dict(s) for s in d["spans"]],
                        sentences=[Sentence.from_dict(s) for s in d["sentences"]], score=d["score"], model=d["model"],
                        entities=d.get("entities", []), attributions=d.get("attributions", []),
                        quotes=d.get("quotes", []), targets=d.get("targets", []), taxonomy=d.get("taxonomy") or "ptc14",
                        language=d.get("language"), notes=d.get("notes", []))
    except KeyError as e:
        raise StoreError(f"the stored analysis of article {row['id']!r} cannot be read (no {e} field); "
                         f"{DAMAGED_ROW}") from None
    except (TypeError, ValueError, AttributeError) as e:
        raise StoreError(f"the stored analysis of article {row['id']!r} cannot be read ({e}); {DAMAGED_ROW}") from None


def _engine(url: str, read_only_uri: str | None = None) -> Engine:
    """The engine for ``url``; for SQLite opened through ``read_only_uri`` when one is given."""
    if url.startswith("sqlite"):
        args = {"timeout": 30, "check_same_thread": False}
        if read_only_uri is None:
            engine = sa.create_engine(url, connect_args=args)
        else:
            import sqlite3

            engine = sa.create_engine(url, creator=lambda: sqlite3.connect(read_only_uri, uri=True, **args))

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _):
            cur = dbapi_conn.cursor()
            if read_only_uri is None:  # a read-only store keeps the journal mode it has
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
