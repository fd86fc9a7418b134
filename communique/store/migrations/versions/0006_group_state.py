"""Incremental merge: the state of each merge group of persons, figures and organisations, from which
new documents' records are merged in place without reading the group's earlier records.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

The groups merged before this revision have no state, so the merge state is dropped: the next update
recomputes the merged record whole and stores the state of every group.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 6


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.create_table(
        "merge_group_state",
        sa.Column("merge_group", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.Text, nullable=False,
                  comment="what the group's merged records are computed from (merge.groups), as JSON"),
    )
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    op.drop_table("merge_group_state")
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION - 1)
