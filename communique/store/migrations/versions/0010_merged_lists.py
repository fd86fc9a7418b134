"""Incremental merge: the documents and roles of a merged person may be rows of ``merged_fact_lists`` (one per
item, in the order of their ``sort`` key) instead of lists in the record (``merged_facts.lists_apart``), so that
an update adding an article that names a person writes the new document and role instead of every document and
role of the person. Readers assemble the record: what they give is unchanged. A merged person's key is now a
hash of its name, spellings and country only (not of its documents and roles, which grow with every article
naming it): it no longer changes when an article is added.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

The merge state is dropped, so the next update recomputes the merged record whole (new keys, lists written
apart); until then the records written before keep their lists inside (``lists_apart`` null). Going down, the
lists written apart are put back into their records.
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

#: the ``schema_version`` this revision leaves
SCHEMA_VERSION = 10


def _set_version(version: int) -> None:
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=version))


def upgrade() -> None:
    op.add_column("merged_facts", sa.Column(
        "lists_apart", sa.Boolean,
        comment="true (persons): the record's documents and roles are rows of merged_fact_lists (its record "
                "holds [] in their place); null or false: they are in the record"))
    op.create_table(
        "merged_fact_lists",
        sa.Column("block", sa.Integer, nullable=False, comment="the merge group of its record (merged_facts.block)"),
        sa.Column("position", sa.Integer, nullable=False, comment="its record's position (merged_facts.position)"),
        sa.Column("field", sa.String(16), nullable=False, comment="the list it is an item of: 'docs' or 'roles'"),
        sa.Column("sort", sa.LargeBinary, nullable=False,
                  comment="its place in the list: a document id, or a role's date and office, a zero byte between "
                          "(UTF-8)"),
        sa.Column("value", sa.Text, nullable=False, comment="the item, as JSON"),
        sa.PrimaryKeyConstraint("block", "position", "field", "sort", name="pk_merged_fact_lists"),
    )
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION)


def downgrade() -> None:
    conn = op.get_bind()
    apart = conn.execute(sa.text("SELECT id, block, position, record FROM merged_facts WHERE lists_apart")).all()
    for fid, block, position, record in apart:
        rec = json.loads(record)
        for field in ("roles", "docs"):
            items = [json.loads(v) for v in conn.execute(sa.text(
                "SELECT value FROM merged_fact_lists WHERE block = :b AND position = :p AND field = :f ORDER BY sort"),
                {"b": block, "p": position, "f": field}).scalars()]
            if items:
                rec[field] = items
            else:
                rec.pop(field, None)
        conn.execute(sa.text("UPDATE merged_facts SET record = :r WHERE id = :i"),
                     {"r": json.dumps(rec, ensure_ascii=False), "i": fid})
    op.drop_table("merged_fact_lists")
    with op.batch_alter_table("merged_facts") as batch:
        batch.drop_column("lists_apart")
    op.execute(sa.text("DELETE FROM merge_state"))
    _set_version(SCHEMA_VERSION - 1)
