"""Incremental merge: blocking keys of facts, the merge group of each fact, the block of each merged
record and conflict, and the state of the merged record.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

``facts.merge_group`` is null for a fact not yet merged (all facts after this upgrade): the first
refresh after it recomputes the merged record from every document and fills the new columns.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 4


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.add_column("facts", sa.Column("merge_group", sa.Integer,
                                     comment="the merge group (block) the fact was last merged in; null: not merged yet"))
    op.create_index("ix_facts_merge_group", "facts", ["merge_group"])
    op.add_column("merged_facts", sa.Column("block", sa.Integer, comment="the merge group it was computed in"))
    op.add_column("merged_facts", sa.Column("position", sa.Integer, comment="its order within the merge group"))
    op.create_index("ix_merged_facts_block", "merged_facts", ["block"])
    op.add_column("conflicts", sa.Column("block", sa.Integer, comment="the merge group it was found in"))
    op.create_index("ix_conflicts_block", "conflicts", ["block"])
    op.create_table(
        "fact_blocks",
        sa.Column("fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("block", sa.Text, nullable=False, comment="a blocking key of the fact (merge.blocks)"),
        sa.Column("bucket", sa.Text, nullable=False,
                  comment="events and figures: the month (YYYY-MM), '*' or the missing period; '' otherwise"),
        sa.PrimaryKeyConstraint("block", "bucket", "fact_id", name="pk_fact_blocks"),
    )
    op.create_index("ix_fact_blocks_fact_id", "fact_blocks", ["fact_id"])
    op.create_table(
        "merge_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("generation", sa.Integer, nullable=False, comment="bumped by every write of the merged record"),
        sa.Column("kb", sa.Text, comment="fingerprint of the knowledge base the merged record was computed with"),
    )
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    op.drop_table("merge_state")
    op.drop_index("ix_fact_blocks_fact_id", table_name="fact_blocks")
    op.drop_table("fact_blocks")
    op.drop_index("ix_conflicts_block", table_name="conflicts")
    with op.batch_alter_table("conflicts") as b:
        b.drop_column("block")
    op.drop_index("ix_merged_facts_block", table_name="merged_facts")
    with op.batch_alter_table("merged_facts") as b:
        b.drop_column("position")
        b.drop_column("block")
    op.drop_index("ix_facts_merge_group", table_name="facts")
    with op.batch_alter_table("facts") as b:
        b.drop_column("merge_group")
    _set_version(SCHEMA_VERSION - 1)
