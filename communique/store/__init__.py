"""Stage store: keeps documents and their fact records in a SQL database.

What comes in: ``DocumentFacts`` from the pipeline (``Store.add``), one document with all its facts.
What goes out: the stored ``Document``s (``Store.documents``), their SCHEMA.md records exactly as
``extract`` wrote them, document by document (``Store.records``, ``Store.records_by_document``), and
counts for an overview (``Store.summary``).

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
  (a ``StoreError`` too), after which the store can go on being used.

Tables (``schema.py``): ``schema_version``, ``documents`` (one row per distinct text), ``facts``
(one row per record: the record as JSON plus query columns ``kind``, ``type``, ``status``,
``countries``, ``date_start``, ``name``). Merging facts across documents comes in a later issue.
"""
from __future__ import annotations

from ..errors import StoreError
from .schema import SCHEMA_VERSION
from .store import DEFAULT_DB, KINDS, DocumentRejected, Store, Summary, open_store, store_url, text_sha256

__all__ = [
    "DEFAULT_DB",
    "KINDS",
    "SCHEMA_VERSION",
    "DocumentRejected",
    "Store",
    "StoreError",
    "Summary",
    "open_store",
    "store_url",
    "text_sha256",
]
