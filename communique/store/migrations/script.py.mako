"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

#: the ``schema_version`` this revision leaves (bump ``SCHEMA_VERSION`` in schema.py with it)
SCHEMA_VERSION = None


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=SCHEMA_VERSION))


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
    op.execute(sa.text("UPDATE schema_version SET version = :v, applied_at = CURRENT_TIMESTAMP")
               .bindparams(v=SCHEMA_VERSION - 1))
