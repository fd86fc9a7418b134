"""Incremental merge: a merge group's state no longer holds what grows with every document. The state of a
group of persons keeps, per person, its spellings, country, first mark of each office, mentions, name
conflicts and the first document of each office per month; each role of a date is an item of
``merge_state_items``, looked up by the roles of new records only; sources, documents and roles are read from
the group's merged records (written whole anyway). An organisation's state keeps no sources or documents.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

The states written before this revision hold those lists: the merge state is dropped, so the next update
recomputes the merged record whole and stores the new states.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 8


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.create_table(
        "merge_state_items",
        sa.Column("merge_group", sa.Integer, nullable=False),
        sa.Column("item", sa.Text, nullable=False, comment="its key in the group's state (merge.groups)"),
        sa.Column("value", sa.Text, nullable=False, comment="its value, as JSON"),
        sa.PrimaryKeyConstraint("merge_group", "item", name="pk_merge_state_items"),
    )
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    op.drop_table("merge_state_items")
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION - 1)
