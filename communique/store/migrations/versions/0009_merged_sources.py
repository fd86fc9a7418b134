"""Incremental merge: the sources of a merged record may be rows of ``merged_fact_sources`` (one per source, in
the order of their ``sort`` key) instead of a list in the record (``merged_facts.sources_apart``), so that an
update adding the sources of new documents to a record holding thousands appends rows instead of writing
them all again. Readers assemble the record: what they give is unchanged.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

The merge state is dropped, so the next update recomputes the merged record whole and writes the sources
apart; until then the records written before keep their sources inside (``sources_apart`` null). Going down,
the sources written apart are put back into their records.
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 9


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.add_column("merged_facts", sa.Column(
        "sources_apart", sa.Boolean,
        comment="true: the record's sources are rows of merged_fact_sources (its record holds [] in their place); "
                "null or false: they are in the record"))
    op.create_table(
        "merged_fact_sources",
        sa.Column("block", sa.Integer, nullable=False, comment="the merge group of its record (merged_facts.block)"),
        sa.Column("position", sa.Integer, nullable=False, comment="its record's position (merged_facts.position)"),
        sa.Column("sort", sa.LargeBinary, nullable=False,
                  comment="its place in the record's sources: its document id (UTF-8), a zero byte, and its order "
                          "among the sources of that document (4 bytes, big-endian)"),
        sa.Column("doc", sa.Text, nullable=False, comment="its document id"),
        sa.Column("value", sa.Text, nullable=False, comment="the source, as JSON"),
        sa.PrimaryKeyConstraint("block", "position", "sort", name="pk_merged_fact_sources"),
    )
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    conn = op.get_bind()
    apart = conn.execute(sa.text("SELECT id, block, position, record FROM merged_facts WHERE sources_apart")).all()
    for fid, block, position, record in apart:
        rec = json.loads(record)
        rec["sources"] = [json.loads(v) for v in conn.execute(sa.text(
            "SELECT value FROM merged_fact_sources WHERE block = :b AND position = :p ORDER BY sort"),
            {"b": block, "p": position}).scalars()]
        conn.execute(sa.text("UPDATE merged_facts SET record = :r WHERE id = :i"),
                     {"r": json.dumps(rec, ensure_ascii=False), "i": fid})
    op.drop_table("merged_fact_sources")
    with op.batch_alter_table("merged_facts") as batch:
        batch.drop_column("sources_apart")
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION - 1)
