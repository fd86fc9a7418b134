"""Incremental merge: an event date conflict is stored with both of the merge groups it joins.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Merge groups of events are now the components of overlapping dates (no longer widened by a month on
each side so that conflicting datings share one): a conflict may join two groups (``conflicts.block2``).
The blocking keys stored by revision 0004 are the widened ones, so the merge state is dropped: the next
update recomputes the merged record whole and stores the new keys.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 5


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.add_column("conflicts", sa.Column(
        "block2", sa.Integer, comment="an event date conflict: the merge group of its second event, when not the same"))
    op.create_index("ix_conflicts_block2", "conflicts", ["block2"])
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    op.drop_index("ix_conflicts_block2", table_name="conflicts")
    with op.batch_alter_table("conflicts") as b:
        b.drop_column("block2")
    op.execute(sa.text("DELETE FROM merge_state"))  # the keys stored since are not those 0004 widened
    _set_version(SCHEMA_VERSION - 1)
