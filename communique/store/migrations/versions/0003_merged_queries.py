"""Queryable merged records and full-text search: query columns on merged_facts, merged_fact_countries,
indexes, and full-text search over documents (SQLite FTS5 / PostgreSQL GIN).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

The query columns and ``merged_fact_countries`` are filled here from the records already stored, and
afterwards by ``Store.replace_merged`` / ``replace_merged_record`` with the record. The rules below
are a frozen copy of ``store._merged_columns`` at this revision (a migration must not change when the
code does); ``tests/store/test_store_queries.py`` checks they give the same columns.

On SQLite, ``documents_fts`` is an FTS5 table whose content is ``documents`` (rowid ``pk``), kept in
step by three triggers on ``documents``; a later migration that rebuilds ``documents`` (batch mode)
must create those triggers again.
"""
from __future__ import annotations

import json
import re

import sqlalchemy as sa
from alembic import op

from communique.lang import fold

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 3

_WORD = re.compile(r"\w+")
_COLUMNS = ("type", "status", "countries", "date_start", "date_end", "name", "search")
_TYPE_FIELD = {"event": "type", "figure": "metric", "relation": "level", "commitment": "domain"}

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='pk', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); "
    "END",
    "CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
]
PG_FTS = ("CREATE INDEX ix_documents_fts ON documents "
          "USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))")


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def _short(value, n: int):
    return value if isinstance(value, str) and 0 < len(value) <= n else None


def _columns(kind: str, rec: dict) -> tuple[dict, list[str]]:
    """The query columns of a merged record, and the country codes of ``merged_fact_countries``."""
    typ = rec.get(_TYPE_FIELD[kind]) if kind in _TYPE_FIELD else None
    start = end = None
    if kind == "event":
        start, end = rec.get("date_start"), rec.get("date_end")
    elif kind == "figure":
        period = rec.get("period")
        if isinstance(period, str):
            start, _, end = period.partition("/")
    elif kind in ("relation", "commitment"):
        start = rec.get("date")
    codes = rec.get("countries")
    if not isinstance(codes, list):
        codes = [rec["country"]] if isinstance(rec.get("country"), str) and rec.get("country") else []
    codes = sorted({c for c in codes if isinstance(c, str) and c})
    if kind in ("person", "organisation"):
        names = [rec.get("name"), *(rec.get("aliases") or []), rec.get("code")]
    elif kind == "event":
        names = [p.get("name") for p in rec.get("participants") or [] if isinstance(p, dict)]
    else:
        names = []
    folded: list[str] = []
    for n in names:
        w = " ".join(_WORD.findall(fold(n))) if isinstance(n, str) else ""
        if w and w not in folded:
            folded.append(w)
    status = (rec.get("status") or "happened") if kind == "event" else None
    return ({"type": _short(typ, 64), "status": _short(status, 16), "countries": " ".join(codes) or None,
             "date_start": _short(start, 10), "date_end": _short(end, 10),
             "name": rec.get("name") if kind in ("person", "organisation") and isinstance(rec.get("name"), str)
             else None,
             "search": " | ".join(folded) or None},
            [c for c in codes if len(c) <= 3])


def upgrade() -> None:
    for column in (
        sa.Column("type", sa.String(64),
                  comment="event type, figure metric, relation level, commitment domain; null otherwise"),
        sa.Column("status", sa.String(16), comment="events only ('happened' when the record has none)"),
        sa.Column("countries", sa.Text, comment="country codes, sorted, space-separated ('IDN JPN')"),
        sa.Column("date_start", sa.String(10),
                  comment="event date_start, figure period start, relation or commitment date"),
        sa.Column("date_end", sa.String(10), comment="event date_end, figure period end"),
        sa.Column("name", sa.Text, comment="persons and organisations: the canonical name"),
        sa.Column("search", sa.Text,
                  comment="folded words of the names (persons, organisations: name, aliases, code; events: "
                          "participants), one name after another, separated by ' | '"),
    ):
        op.add_column("merged_facts", column)
    op.create_index("ix_merged_facts_kind_type", "merged_facts", ["kind", "type"])
    op.create_index("ix_merged_facts_kind_date_start", "merged_facts", ["kind", "date_start", "id"])
    countries = op.create_table(
        "merged_fact_countries",
        sa.Column("fact_id", sa.Integer, sa.ForeignKey("merged_facts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("country", sa.String(3), nullable=False),
        sa.PrimaryKeyConstraint("country", "fact_id", name="pk_merged_fact_countries"),
    )
    op.create_index("ix_merged_fact_countries_fact_id", "merged_fact_countries", ["fact_id", "country"])

    conn = op.get_bind()
    merged = sa.table("merged_facts", sa.column("id"), *(sa.column(c) for c in _COLUMNS))
    updates, rows = [], []
    for fid, kind, text in conn.execute(sa.text("SELECT id, kind, record FROM merged_facts ORDER BY id")):
        try:
            rec = json.loads(text)
        except ValueError:
            rec = None
        if not isinstance(rec, dict):  # left as it is, for `db check` to report
            continue
        cols, codes = _columns(kind, rec)
        updates.append({"fid": fid, **{f"v_{c}": v for c, v in cols.items()}})
        rows += [{"fact_id": fid, "country": c} for c in codes]
    if updates:
        conn.execute(merged.update().where(merged.c.id == sa.bindparam("fid"))
                     .values({c: sa.bindparam(f"v_{c}") for c in _COLUMNS}), updates)
    if rows:
        op.bulk_insert(countries, rows)

    if conn.dialect.name == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif conn.dialect.name == "postgresql":
        op.execute(PG_FTS)
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for trigger in ("documents_fts_au", "documents_fts_ad", "documents_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif conn.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
    op.drop_index("ix_merged_fact_countries_fact_id", table_name="merged_fact_countries")
    op.drop_table("merged_fact_countries")
    op.drop_index("ix_merged_facts_kind_date_start", table_name="merged_facts")
    op.drop_index("ix_merged_facts_kind_type", table_name="merged_facts")
    with op.batch_alter_table("merged_facts") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
    _set_version(SCHEMA_VERSION - 1)
