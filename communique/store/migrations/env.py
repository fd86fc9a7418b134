"""Alembic environment of a communique store.

Normally run by ``communique.store.migrate`` with the store's own connection in
``config.attributes["connection"]`` (already in a transaction, which the caller commits). Without
one (the ``alembic`` command line), the database is ``-x url=...``, else ``$COMMUNIQUE_DB``, else
``communique.db``; ``--sql`` (offline) mode prints the SQL instead.
"""
from __future__ import annotations

import os

from alembic import context

from communique.store.store import DEFAULT_DB, store_url

config = context.config
#: ``render_as_batch`` lets future ALTERs work on SQLite (copy-and-move of the table)
OPTIONS = {"render_as_batch": True, "compare_type": True, "target_metadata": None}


def _url():
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB
    return store_url(url)


def run_offline() -> None:
    context.configure(url=_url(), literal_binds=True, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        # the caller's transaction holds every step (SQLite too, begun explicitly by the store)
        context.configure(connection=connection, transactional_ddl=True, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
        return
    import sqlalchemy as sa

    engine = sa.create_engine(_url())
    try:
        with engine.begin() as conn:
            context.configure(connection=conn, **OPTIONS)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
