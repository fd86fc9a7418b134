"""Stage store: keeps documents and their fact records in a SQL database.

What comes in: ``DocumentFacts`` from the pipeline (``Store.add``), one document with all its facts.
What goes out: the stored ``Document``s (``Store.documents``), their SCHEMA.md records exactly as
``extract`` wrote them, document by document (``Store.records``, ``Store.records_by_document``), and
counts for an overview (``Store.summary``).
The merge stage keeps its cross-document results here too: ``Store.replace_merged(kind, rows)`` /
``Store.merged(kind)`` (one record per real-world fact, under a stable key) and
``Store.replace_conflicts(rows)`` / ``Store.conflicts()``; each replace is one transaction.
``refresh_merged(store, kb)`` (``merged.py``) merges every stored document and replaces the whole
merged record, every kind and the conflicts, in one transaction (``Store.replace_merged_record``).
Browsing (``queries.py``, for the web pages and the REST API, through indexes on a large store):
``Store.merged_page`` (filtered, keyset-paginated merged records; ``BadCursor`` for a cursor it did
not give), ``merged_count``, ``merged_by_key``, ``dyad_counts`` (contacts per pair of countries),
``search_documents`` (full text: SQLite FTS5, PostgreSQL ``tsvector``), ``search_actors`` (persons and
organisations by folded name), ``document``, ``document_records``, ``documents_page``.
Upkeep (``maintenance.py``): ``Store.backup(path)`` (a consistent copy: SQLite's online backup API,
``pg_dump`` for PostgreSQL) and ``Store.check()`` (the problems found, one line each).

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
- the merged record is replaced as a whole, and only by a record computed from every document
  stored at that moment: replacements are serialised (SQLite's write lock, a PostgreSQL advisory
  lock) and checked against the number of documents, so an interrupted or concurrent refresh leaves
  the old record or a complete new one, never a mix or an older one;
- every read that feeds the merge has a total order (documents by insertion, facts by position), and
  the merge itself sorts by content, so the merged record is the same on SQLite and PostgreSQL;
- the schema is versioned by Alembic migrations (``migrate.py``, ``migrations/``): ``open_store``
  creates a new database at the newest revision and upgrades an older one in place, in one
  transaction; a database made by a newer communique is refused (``StoreError``: upgrade communique).

Tables (``schema.py``): ``alembic_version`` and ``schema_version`` (the revision, and the same as an
integer), ``documents`` (one row per distinct text), ``facts`` (one row per record: the record as
JSON plus query columns ``kind``, ``type``, ``status``, ``countries``, ``date_start``, ``name``),
``merged_facts`` (one row per merged record: ``kind``, unique ``key``, the record as JSON,
``n_sources``, ``updated_at``, and query columns ``type``, ``status``, ``countries``, ``date_start``,
``date_end``, ``name``, ``search``), ``merged_fact_sources`` (the sources of the merged records written
by the incremental merge with ``sources_apart``, one row each, so that an update appends new sources
instead of writing the record again: every reader puts them back, ``Store.merged_table`` gives the whole
rows), ``merged_fact_lists`` (likewise the documents and roles of merged persons, with ``lists_apart``),
``merged_fact_countries`` (one row per country of a merged record), ``conflicts`` (``kind``,
``key``, the record as JSON), the incremental merge's states (``merge_state``, ``merge_group_state``,
``merge_state_items``, ``merge_event_clusters``, ``fact_blocks``), and the full-text search of documents
(``documents_fts`` on SQLite, the ``ix_documents_fts`` index on PostgreSQL).
"""
from __future__ import annotations

from ..errors import StoreError
from .merged import compute_merged, merged_rows, refresh_merged
from .schema import SCHEMA_VERSION
from .store import (DEFAULT_DB, KINDS, BadCursor, DocumentRejected, RecordRejected, Store, Summary, open_store,
                    store_url, text_sha256)

__all__ = [
    "DEFAULT_DB",
    "KINDS",
    "SCHEMA_VERSION",
    "BadCursor",
    "DocumentRejected",
    "RecordRejected",
    "Store",
    "StoreError",
    "Summary",
    "compute_merged",
    "merged_rows",
    "open_store",
    "refresh_merged",
    "store_url",
    "text_sha256",
]
