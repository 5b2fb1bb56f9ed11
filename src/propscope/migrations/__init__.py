"""Schema migrations (alembic). ``upgrade`` runs at store open, so a newer propscope
upgrades an older database in place; new migrations go in ``versions/``."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
