"""Stage store: keeps documents and their fact records in a SQL database.

What comes in: ``DocumentFacts`` from the pipeline (``Store.add``), one document with all its facts.
What goes out: the stored ``Document``s (``Store.documents``), their SCHEMA.md records exactly as
``extract`` wrote them, document by document (``Store.records``, ``Store.records_by_document``), and
counts for an overview (``Store.summary``).
The merge stage keeps its cross-document results here too: ``Store.replace_merged(kind, rows)`` /
``Store.merged(kind)`` (one record per real-world fact, under a stable key) and
``Store.replace_conflicts(rows)`` / ``Store.conflicts()``; each replace is one transaction.

Where: a SQLite file (the default, ``communique.db``; a plain path means SQLite) or PostgreSQL
(``postgresql://user@host:port/dbname``, driver psycopg 3 from the ``[postgres]`` extra). SQLite runs
in WAL mode with a busy timeout, so readers never block the single writer and a second writer waits.

Guarantees:

- a document is keyed by the sha256 of its text: adding the same text again stores nothing and
  ``add`` returns False; a *different* text under a document id already stored is refused
  (``DocumentRejected``), so every ``doc`` of the records names one text;
- a document and all its facts are written in one transaction: if anything fails, nothing of that
  document stays, and what was stored before is untouched;
- database failures (not a database, damaged file, server unreachable, locked too long) raise
  ``StoreError`` with one clear message; a problem with one document raises ``DocumentRejected``
  (a ``StoreError`` too), after which the store can go on being used; likewise bad merged rows
  raise ``RecordRejected`` and replace nothing;
- the schema is versioned by Alembic migrations (``migrate.py``, ``migrations/``): ``open_store``
  creates a new database at the newest revision and upgrades an older one in place, in one
  transaction; a database made by a newer communique is refused (``StoreError``: upgrade communique).

Tables (``schema.py``): ``alembic_version`` and ``schema_version`` (the revision, and the same as an
integer), ``documents`` (one row per distinct text), ``facts`` (one row per record: the record as
JSON plus query columns ``kind``, ``type``, ``status``, ``countries``, ``date_start``, ``name``),
``merged_facts`` (one row per merged record: ``kind``, unique ``key``, the record as JSON,
``n_sources``, ``updated_at``) and ``conflicts`` (``kind``, ``key``, the record as JSON).
"""
from __future__ import annotations

from ..errors import StoreError
from .schema import SCHEMA_VERSION
from .store import (DEFAULT_DB, KINDS, DocumentRejected, RecordRejected, Store, Summary, open_store, store_url,
                    text_sha256)

__all__ = [
    "DEFAULT_DB",
    "KINDS",
    "SCHEMA_VERSION",
    "DocumentRejected",
    "RecordRejected",
    "Store",
    "StoreError",
    "Summary",
    "open_store",
    "store_url",
    "text_sha256",
]
