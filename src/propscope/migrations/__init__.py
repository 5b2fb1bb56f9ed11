"""Schema migrations (alembic). ``upgrade`` runs at store open, so a newer propscope
upgrades an older database in place; new migrations go in ``versions/``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Connection, Engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent))
    with engine.connect() as conn, _ddl_in_one_transaction(conn):
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


@contextmanager
def _ddl_in_one_transaction(conn: Connection) -> Iterator[None]:
    """On SQLite, make the upgrade one transaction, as on PostgreSQL. Python's sqlite3 opens a
    transaction only before INSERT, UPDATE or DELETE, so each CREATE TABLE was committed on its own:
    a disk that filled up (or Ctrl-C) half-way through left some tables and no schema version, and
    every later command said propscope's own store held "another program's tables". Here the
    driver leaves transactions to us and an explicit BEGIN covers the whole upgrade; a failure
    rolls all of it back, and the next run starts again. The BEGIN is IMMEDIATE: it waits (the
    connection's timeout) for another process making or upgrading the same store, then finds the
    schema current. A deferred BEGIN read the schema version first and failed at once with
    "database is locked" when another process wrote the schema meanwhile (SQLite does not wait to
    turn a read into a write): of three commands opening one new store at once, one or two failed."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    before = raw.isolation_level
    raw.isolation_level = None  # the driver's own BEGINs off: ours holds everything
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        yield
    finally:
        if not raw.in_transaction:
            raw.isolation_level = before
        else:  # the upgrade failed: undo its part-made tables
            conn.rollback()
            raw.isolation_level = before
