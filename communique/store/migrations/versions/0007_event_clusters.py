"""Incremental merge: the events of a merge group whose block holds an undated report are kept per cluster
(one merged event each), so that new reports are merged in place reading and writing only the clusters they
can meet, and the date conflicts of those clusters only.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

The state of such groups was one JSON document per group, read and written whole at every update: the
merge state is dropped, so the next update recomputes the merged record whole and stores the clusters.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 7


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.create_table(
        "merge_event_clusters",
        sa.Column("merge_group", sa.Integer, nullable=False),
        sa.Column("cluster", sa.Integer, nullable=False, comment="its id in the group (its merged event's position)"),
        sa.Column("sort_key", sa.LargeBinary, nullable=False,
                  comment="the canonical key of its first report, as bytes in the key's order (merge.events.key_bytes)"),
        sa.Column("first_len", sa.Integer, comment="length of the first report's first day; null: undated"),
        sa.Column("first_day", sa.Integer, comment="the first report's first day as date conflicts compare it"),
        sa.Column("first_start", sa.Integer, comment="the first report's full-day span (merge.events.day_number)"),
        sa.Column("first_end", sa.Integer),
        sa.Column("first_md_start", sa.Integer,
                  comment="the first report's span as month and day (MMDD), where a report of another length is "
                          "compared so; null: it is compared with every report"),
        sa.Column("first_md_end", sa.Integer),
        sa.Column("wild", sa.Boolean, nullable=False,
                  comment="a member without a full-day span: it meets every report by its dates"),
        sa.Column("hull_start", sa.Integer, comment="the days its members' spans cover (when not wild)"),
        sa.Column("hull_end", sa.Integer),
        sa.Column("first", sa.Text, nullable=False, comment="its first report, as JSON"),
        sa.Column("docs", sa.Text, nullable=False, comment="the documents of its reports, as a JSON list"),
        sa.Column("state", sa.Text, nullable=False,
                  comment="the rest of what its merged event is computed from (merge.events), as JSON"),
        sa.PrimaryKeyConstraint("merge_group", "cluster", name="pk_merge_event_clusters"),
    )
    op.create_index("ix_merge_event_clusters_key", "merge_event_clusters", ["merge_group", "sort_key"])
    op.create_index("ix_merge_event_clusters_first", "merge_event_clusters", ["merge_group", "first_start"])
    op.create_index("ix_merge_event_clusters_md", "merge_event_clusters", ["merge_group", "first_md_start"])
    op.create_index("ix_merge_event_clusters_day", "merge_event_clusters", ["merge_group", "first_len", "first_day"])
    op.create_index("ix_merge_event_clusters_hull", "merge_event_clusters", ["merge_group", "hull_start"])
    op.create_index("ix_merge_event_clusters_wild", "merge_event_clusters", ["merge_group", "wild", "sort_key"])
    op.create_index("ix_merged_facts_block_position", "merged_facts", ["block", "position"])
    op.add_column("conflicts", sa.Column("cluster", sa.Integer, comment="the cluster of its first event"))
    op.add_column("conflicts", sa.Column("cluster2", sa.Integer, comment="the cluster of its second event"))
    op.create_index("ix_conflicts_block_cluster", "conflicts", ["block", "cluster"])
    op.create_index("ix_conflicts_block_cluster2", "conflicts", ["block", "cluster2"])
    op.execute(sa.text("DELETE FROM merge_group_state WHERE kind = 'event'"))
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    op.drop_index("ix_conflicts_block_cluster2", table_name="conflicts")
    op.drop_index("ix_conflicts_block_cluster", table_name="conflicts")
    with op.batch_alter_table("conflicts") as b:
        b.drop_column("cluster2")
        b.drop_column("cluster")
    op.drop_index("ix_merged_facts_block_position", table_name="merged_facts")
    op.drop_table("merge_event_clusters")
    op.execute(sa.text("DELETE FROM merge_group_state WHERE kind = 'event'"))
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION - 1)
