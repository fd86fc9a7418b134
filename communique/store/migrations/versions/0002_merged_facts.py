"""Merged records and conflicts of the merge stage; index facts(kind, date_start).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 2


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.create_table(
        "merged_facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False, unique=True,
                  comment="stable key of the real-world fact, computed by the merge stage"),
        sa.Column("record", sa.Text, nullable=False, comment="the merged SCHEMA.md record, as JSON"),
        sa.Column("n_sources", sa.Integer, nullable=False, comment="how many documents reported it"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_merged_facts_kind", "merged_facts", ["kind"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.Text, nullable=False, comment="the merged_facts key the conflict is about"),
        sa.Column("record", sa.Text, nullable=False, comment="what disagrees, as JSON"),
    )
    op.create_index("ix_conflicts_kind_key", "conflicts", ["kind", "key"])
    op.create_index("ix_facts_kind_date_start", "facts", ["kind", "date_start"])
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    op.drop_index("ix_facts_kind_date_start", table_name="facts")
    op.drop_index("ix_conflicts_kind_key", table_name="conflicts")
    op.drop_table("conflicts")
    op.drop_index("ix_merged_facts_kind", table_name="merged_facts")
    op.drop_table("merged_facts")
    _set_version(SCHEMA_VERSION - 1)
