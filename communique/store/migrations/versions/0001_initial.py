"""The schema of communique before Alembic: schema_version, documents, facts.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

A store created by communique 0.1 (``metadata.create_all``) has exactly these tables and no
``alembic_version``; ``open_store`` stamps it ``0001`` and upgrades it from there.
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 1


def upgrade() -> None:
    version = op.create_table(
        "schema_version",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.Text, nullable=False, unique=True,
                  comment="the document id used in the records (`doc`)"),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True, comment="sha256 of the UTF-8 text"),
        sa.Column("path", sa.Text, comment="the file it was read from"),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("date", sa.Text, comment="publication date: YYYY-MM-DD, YYYY-MM or YYYY"),
        sa.Column("lang", sa.Text),
        sa.Column("encoding", sa.Text),
        sa.Column("text", sa.Text, nullable=False, comment="the decoded original text; fact offsets refer to it"),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, comment="order of the record within its document"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("type", sa.String(64),
                  comment="event type, figure metric, relation level, commitment domain; null for persons"),
        sa.Column("status", sa.String(16), comment="events only"),
        sa.Column("countries", sa.Text, comment="country codes, sorted, space-separated ('IDN JPN')"),
        sa.Column("date_start", sa.String(10),
                  comment="event date_start, relation or commitment date, figure period start"),
        sa.Column("name", sa.Text, comment="persons only"),
        sa.Column("record", sa.Text, nullable=False, comment="the SCHEMA.md record, as JSON"),
        sa.UniqueConstraint("document_pk", "position", name="uq_facts_document_position"),
    )
    op.create_index("ix_facts_kind_type", "facts", ["kind", "type"])
    op.create_index("ix_facts_date_start", "facts", ["date_start"])
    op.bulk_insert(version, [{"version": SCHEMA_VERSION, "applied_at": dt.datetime.now(dt.timezone.utc)}])


def downgrade() -> None:
    op.drop_index("ix_facts_date_start", table_name="facts")
    op.drop_index("ix_facts_kind_type", table_name="facts")
    op.drop_table("facts")
    op.drop_table("documents")
    op.drop_table("schema_version")
