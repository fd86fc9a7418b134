"""Two indexes an update into a large database paid for as it grew:

- conflicts are indexed by kind and id instead of kind and key: their readers list them by kind in the order they were
  written (``Store.conflicts``) and none looks one up by its key, a hash. An index on the hash took every conflict an
  update writes into a random page of a large index (at 20,000 documents, 2,600 of the 11,000 pages an update adding
  100 articles wrote); one on ``(kind, id)`` takes them at its end.
- the clusters of a group of events kept per cluster are indexed by the month and day of their first report and their
  key (``ix_merge_event_clusters_md`` gains ``sort_key``): the clusters started before a new report whose first report
  has no month and day (``EventClusters.dated_before``) were read on SQLite by their key alone, every cluster of the
  group started before it looked at (1,464 in one group at 20,000 documents, for each new report).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08

The merge state is kept: the indexes change nothing of what is stored.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 11


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.drop_index("ix_conflicts_kind_key", table_name="conflicts")
    op.create_index("ix_conflicts_kind_id", "conflicts", ["kind", "id"])
    op.drop_index("ix_merge_event_clusters_md", table_name="merge_event_clusters")
    op.create_index("ix_merge_event_clusters_md", "merge_event_clusters", ["merge_group", "first_md_start", "sort_key"])
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    op.drop_index("ix_conflicts_kind_id", table_name="conflicts")
    op.create_index("ix_conflicts_kind_key", "conflicts", ["kind", "key"])
    op.drop_index("ix_merge_event_clusters_md", table_name="merge_event_clusters")
    op.create_index("ix_merge_event_clusters_md", "merge_event_clusters", ["merge_group", "first_md_start"])
    _set_version(SCHEMA_VERSION - 1)
