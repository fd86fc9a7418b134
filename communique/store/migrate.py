"""Schema migrations of a store (Alembic), configured in code: no ``alembic.ini`` at run time.

The migration scripts are in ``migrations/`` beside this file (``env.py``, ``versions/NNNN_*.py``);
they run on a connection the caller gives, inside the caller's transaction, so a store is upgraded
with the same engine (and the same locks) on SQLite and PostgreSQL, and all at once or not at all.

Two version marks are kept in step: Alembic's ``alembic_version`` (the revision, authoritative) and
communique's own ``schema_version`` (an integer, one row), which communique 0.1, from before
Alembic, reads to refuse a database made by a newer version.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

#: the Alembic environment (env.py, script.py.mako, versions/)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Alembic's table of the current revision
VERSION_TABLE = "alembic_version"
#: the revision of a store made by communique 0.1, before Alembic (it has ``schema_version`` = 1)
BASE_REVISION = "0001"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` for the store's migrations; with ``connection``, env.py runs on it."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=1)
def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision this communique knows."""
    heads = script().get_heads()
    if len(heads) != 1:  # pragma: no cover - a packaging mistake
        raise RuntimeError(f"the store migrations have {len(heads)} heads: {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return {s.revision for s in script().walk_revisions()}


def current_revisions(conn: Connection) -> tuple[str, ...]:
    """The revision(s) stamped in the database (empty when it has no ``alembic_version``)."""
    return tuple(MigrationContext.configure(conn).get_current_heads())


def upgrade(conn: Connection, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` on ``conn``, in its transaction (the caller commits)."""
    command.upgrade(alembic_config(conn), revision)


def downgrade(conn: Connection, revision: str) -> None:
    command.downgrade(alembic_config(conn), revision)


def stamp(conn: Connection, revision: str) -> None:
    """Record ``revision`` as the database's without running anything."""
    command.stamp(alembic_config(conn), revision)


__all__ = ["BASE_REVISION", "MIGRATIONS", "VERSION_TABLE", "alembic_config", "current_revisions", "downgrade",
           "head", "known_revisions", "script", "stamp", "upgrade"]
