"""``Store``: documents and their fact records in a SQL database (SQLite file or PostgreSQL)."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import operator
import os
import threading
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.url import URL

from alembic.util.exc import CommandError as AlembicError

from ..errors import StoreError
from ..lang import words as _folded_words
from ..records import Document, DocumentFacts
from . import migrate, queries, schema
from .queries import BadCursor
from .schema import (SCHEMA_VERSION, conflicts, documents, fact_blocks, facts, merge_event_clusters, merge_group_state,
                     merge_state_items,
                     merge_state, merged_fact_countries, merged_fact_lists, merged_fact_sources, merged_facts)

log = logging.getLogger(__name__)

#: the file used when no database is named
DEFAULT_DB = "communique.db"
#: seconds a SQLite writer waits for another writer before giving up
SQLITE_BUSY_TIMEOUT = 30
#: seconds to wait for a PostgreSQL server to answer a connection
PG_CONNECT_TIMEOUT = 10

#: the kinds of per-document records (``Store.records``)
KINDS = ("person", "event", "figure", "relation", "commitment", "organisation")
#: longest ``kind`` of a merged record or conflict (the column is ``String(16)``)
KIND_MAX = 16

_PG_HINT = "check that the server is running and the URL (postgresql://user@host:port/dbname) is right"


class DocumentRejected(StoreError):
    """One document could not be stored (nothing of it was written); the store itself is fine.

    Raised for a document id already stored with another text, or a fact that cannot be
    written as JSON. The caller can report it and go on with the next document.
    """

    code = "E301"

    def __init__(self, document: Document, problem: str, hint: str | None = None):
        where = document.path or "<memory>"
        if document.path is None or Path(document.path).stem != document.id:
            where = f"{where}: document {document.id}"
        super().__init__(f"{where}: {problem}", hint)
        self.document = document
        self.problem = problem


class RecordRejected(StoreError):
    """Merged records or conflicts could not be stored (nothing was replaced); the store itself is fine.

    Raised for a row that is not ``(key, record, n_sources)`` as documented, a record that cannot be
    written as JSON, or rows the database refuses (a key given twice, or already used by another kind).
    """

    code = "E302"

    def __init__(self, what: str, problem: str, hint: str | None = None, *, index: int | None = None):
        where = what if index is None else f"{what}, row {index + 1}"
        super().__init__(f"{where}: {problem}; nothing was replaced", hint)
        self.what = what
        self.index = index
        self.problem = problem


#: how many values one ``IN (...)`` list carries (SQLite allows 32766 variables, PostgreSQL 65535)
IN_CHUNK = 500


@dataclass(frozen=True)
class StoredFact:
    """One stored per-document record, as the incremental merge reads it (``Store.merge_facts``)."""

    id: int
    doc: str
    date: str | None
    position: int
    kind: str
    merge_group: int | None
    record: dict[str, Any]


@dataclass
class MergedBlocks:
    """What ``Store.replace_merged_blocks`` writes: the merged rows and conflicts of some merge groups,
    replacing those of the groups ``old_groups``, and the groups of the facts merged."""

    #: kind -> ``(key, record, n_sources, group, position)``
    rows: dict[str, list[tuple[str, dict[str, Any], int, int, int]]]
    #: ``(kind, key, record, group, second group, cluster, second cluster)``: an event date conflict joins two
    #: events, which may be of two merge groups (else the second group is None); within a group kept per
    #: cluster (``merge_event_clusters``), the clusters of the two events (else None)
    conflicts: list[tuple[str, str, dict[str, Any], int, int | None, int | None, int | None]]
    #: the groups whose merged rows and conflicts are replaced
    old_groups: set[int]
    #: fact id -> its merge group now (of the facts whose group is set or changes; those not given keep theirs)
    fact_groups: dict[int, int]
    #: ``(fact id, key)`` of facts merged for the first time
    fact_keys: list[tuple[int, str]]
    #: group -> ``(kind, state)``: the state of groups of persons, figures and organisations written, and the
    #: header of groups of events kept per cluster
    states: dict[int, tuple[str, Any]] = field(default_factory=dict)
    #: group -> rows of ``merge_event_clusters`` written (``merge.events._Cluster.row``), replacing those of
    #: the same clusters
    clusters: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    #: group (not in ``old_groups``) -> its clusters whose merged event (the row at that position) is replaced,
    #: and the date conflicts between two of them; its other rows and conflicts are kept
    partial: dict[int, set[int]] = field(default_factory=dict)
    #: group -> items of its state (``merge_state_items``: key -> JSON data) written, replacing those of the
    #: same keys; the other items of a group in ``old_groups`` are deleted, unless it is in ``items_kept``
    items: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: groups of ``old_groups`` merged in place: their items not written again are kept
    items_kept: set[int] = field(default_factory=set)
    #: ``(group, position)`` -> sources: the merged records at those places (of groups in ``old_groups``, or
    #: clusters of ``partial``) whose stored sources are written apart (``merged_fact_sources``) and kept, these
    #: sources (of documents none of them is of) added among them; the row's record holds ``[]`` as its sources,
    #: and its ``n_sources`` is the stored one plus the documents of these. Written whole, the sources of merged
    #: persons, organisations, relations and commitments, and of the events of groups kept per cluster, are
    #: written apart too (when in the order of their documents)
    extended: dict[tuple[int, int], list[dict[str, Any]]] = field(default_factory=dict)
    #: ``(group, position)`` -> ``{"docs": [...], "roles": [...]}``: the merged persons at those places (of groups in
    #: ``old_groups``) whose stored documents and roles are written apart (``merged_fact_lists``) and kept, these
    #: items added among them (a role of the date and office of a kept one replaces it); the row's record holds
    #: ``[]`` in their places. Written whole, the documents and roles of merged persons are written apart too
    #: (when each list is in its order, without two items alike)
    lists: dict[tuple[int, int], dict[str, list[Any]]] = field(default_factory=dict)


class KeyCollision(StoreError):
    """A merged key computed for some merge groups is already used by another group: the merged record
    must be recomputed whole (``update_merged`` does it)."""


@dataclass
class Summary:
    """What a store holds: counts for a one-screen overview."""

    documents: int = 0
    events_by_type: dict[str, int] = field(default_factory=dict)
    #: country code -> number of events involving it, most frequent first
    countries: dict[str, int] = field(default_factory=dict)
    figures: int = 0
    persons: int = 0
    relations: int = 0
    commitments: int = 0

    @property
    def events(self) -> int:
        return sum(self.events_by_type.values())


def text_sha256(text: str) -> str:
    """The key that makes a document unique in a store: sha256 of its text in UTF-8."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def store_url(url_or_path: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL: ``postgresql://...`` and other URLs as given, a plain path as a SQLite file."""
    text = os.fspath(url_or_path)
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=os.path.abspath(text) if text != ":memory:" else text)
    try:
        url = make_url(text)
    except exc.ArgumentError as e:
        raise StoreError(f"not a database URL or path: {text!r}", "give a file path or postgresql://...") from e
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")  # psycopg 3, from the [postgres] extra
    elif url.drivername == "sqlite":
        url = url.set(drivername="sqlite+pysqlite")
    return url


def open_store(url_or_path: str | os.PathLike[str] = DEFAULT_DB, *, create: bool = True) -> Store:
    """Open (and with ``create``, create if needed) the store at a SQLite path or a database URL.

    Raises ``StoreError`` when the file is not a communique database (or not a database at all),
    when the server cannot be reached, or, without ``create``, when there is no store there yet.
    """
    url = store_url(url_or_path)
    backend = url.get_backend_name()
    if backend == "sqlite":
        db = url.database or ""
        if db not in ("", ":memory:"):
            if os.path.isdir(db):
                raise StoreError(f"cannot open the database {db}: it is a folder", "give a file path")
            if not os.path.exists(db):
                if not create:
                    raise StoreError(f"no database at {db}", "run `communique ingest ... --db FILE` first")
                parent = os.path.dirname(db)
                if not os.path.isdir(parent):
                    raise StoreError(f"cannot create the database {db}: folder {parent} does not exist")
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
        _sqlite_setup(engine)
    elif backend == "postgresql":
        args: dict[str, Any] = {}
        if "connect_timeout" not in url.query:
            args["connect_timeout"] = PG_CONNECT_TIMEOUT
        try:
            engine = sa.create_engine(url, connect_args=args, pool_pre_ping=True)
        except ImportError as e:
            raise StoreError("the PostgreSQL driver (psycopg 3) is not installed",
                             "run `pip install 'communique[postgres]'`") from e
    else:
        raise StoreError(f"unsupported database {url.drivername!r} in {_safe(url)}",
                         "use a SQLite file path or a postgresql:// URL")
    store = Store(engine)
    try:
        store._prepare(create=create)
    except BaseException:
        engine.dispose()
        raise
    return store


def _safe(url: URL) -> str:
    """How a store is named in messages: the file of a SQLite store, else the URL without password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def _sqlite_setup(engine: Engine) -> None:
    """WAL journal, a busy timeout, enforced foreign keys; writes take the write lock at BEGIN."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the sqlite3 module
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT * 1000}")
            cur.execute("PRAGMA foreign_keys = ON")
            if engine.url.database not in (None, "", ":memory:"):
                cur.execute("PRAGMA journal_mode = WAL")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # a writer asks for the lock up front, so two writers wait for each other (busy timeout)
        # instead of failing when a read transaction tries to turn into a write one
        immediate = conn.get_execution_options().get("communique_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """Documents and their facts. Open one with ``open_store``; close it (or use ``with``) when done.

    In: ``DocumentFacts`` (``add``). Out: ``Document``s, SCHEMA.md records per document, a ``Summary``.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(communique_write=True)
        self._pinned = threading.local()  # .conn: the connection the reads of a merge update share (``reads_pinned``)

    # ------------------------------------------------------------------ life cycle

    @property
    def url(self) -> str:
        """Where the store is, password hidden."""
        return _safe(self.engine.url)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def reads_pinned(self) -> Iterator[None]:
        """The reads of the merge-state methods made in this thread meanwhile share one connection (and one read
        transaction), not one each: an update into a large database makes a hundred and more of them, each of which
        cost a connection taken from the pool, a BEGIN and a rollback (a fifth of the statements run)."""
        if getattr(self._pinned, "conn", None) is not None:
            yield
            return
        with self.engine.connect() as conn:
            self._pinned.conn = conn
            try:
                yield
            finally:
                self._pinned.conn = None

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection to read with: the one pinned in this thread (``reads_pinned``), else a new one."""
        conn = getattr(self._pinned, "conn", None)
        if conn is not None:
            yield conn
        else:
            with self.engine.connect() as conn:
                yield conn

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _prepare(self, *, create: bool) -> None:
        """Check the database is a communique store this version can use; create it (with ``create``)
        when empty, and upgrade it in place when it was made by an older communique.

        A store already at the newest revision is only read (no write lock); creating or upgrading
        takes the write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), checks again,
        and runs the migrations in that one transaction: all of them or none.
        """
        with self._errors("open"):
            with self.engine.connect() as conn:
                todo = self._schema_state(conn, create=create)
            if todo is None:
                return
            with self._writer.begin() as conn:
                if self.engine.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('communique.migrate.' || "
                                         "coalesce(current_schema(), '')))"))
                todo = self._schema_state(conn, create=create)  # another process may have done it
                if todo is None:
                    return
                before = migrate.current_revisions(conn)
                try:
                    with self._errors("create" if todo == "create" else "upgrade"):
                        if todo == "stamp":  # made before Alembic: its tables are revision 0001
                            migrate.stamp(conn, migrate.BASE_REVISION)
                        migrate.upgrade(conn, "head")
                except AlembicError as e:
                    raise StoreError(f"cannot upgrade the database {self.url}: {e}") from e
                if self._schema_state(conn, create=False) is not None:  # pragma: no cover - a migration bug
                    raise StoreError(f"cannot upgrade the database {self.url}: the migrations did not reach "
                                     f"schema version {SCHEMA_VERSION}")
        if todo == "create":
            log.info("created a communique store (schema version %d, revision %s) in %s",
                     SCHEMA_VERSION, migrate.head(), self.url)
        else:
            log.info("upgraded the communique store %s from revision %s to %s (schema version %d)", self.url,
                     before[0] if before else migrate.BASE_REVISION + " (before Alembic)", migrate.head(),
                     SCHEMA_VERSION)

    def _schema_state(self, conn: Connection, *, create: bool) -> str | None:
        """What the database needs: None (ready), "create" (empty), "stamp" (made before Alembic, then
        upgrade) or "upgrade"; raises ``StoreError`` when this communique cannot use it."""
        names = set(sa.inspect(conn).get_table_names())
        if schema.schema_version.name not in names:
            # an empty alembic_version is what downgrading a store to "base" leaves
            stamped = migrate.current_revisions(conn) if migrate.VERSION_TABLE in names else ()
            others = names - {migrate.VERSION_TABLE}
            if names & {documents.name, facts.name} or stamped or (others and not create):
                raise StoreError(f"{self.url} is not a communique database (it has other tables)",
                                 "give another file or database")
            if not create:
                raise StoreError(f"no communique store in {self.url}", "run `communique ingest ... --db URL` first")
            return "create"
        version = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
        if version is None:
            raise StoreError(f"{self.url} is damaged: its schema_version table is empty",
                             "give another file or database")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.url} was made by a newer communique (schema version {version}; this one "
                             f"knows up to {SCHEMA_VERSION})", "upgrade communique")
        revisions = migrate.current_revisions(conn) if migrate.VERSION_TABLE in names else ()
        unknown = [r for r in revisions if r not in migrate.known_revisions()]
        if unknown:
            raise StoreError(f"{self.url} was made by a newer communique (schema revision {unknown[0]}; this one "
                             f"knows up to {migrate.head()})", "upgrade communique")
        if len(revisions) > 1:
            raise StoreError(f"{self.url} is damaged: it has several schema revisions ({', '.join(revisions)})",
                             "give another file or database")
        if not revisions:
            if version != 1:
                raise StoreError(f"{self.url} is damaged: schema version {version} without a schema revision",
                                 "give another file or database")
            return "stamp"
        if revisions[0] != migrate.head():
            return "upgrade"
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.url} is damaged: revision {revisions[0]} with schema version {version}",
                             "give another file or database")
        return None

    # ------------------------------------------------------------------ writing

    def add(self, document_facts: DocumentFacts) -> bool:
        """Store a document and all its facts in one transaction.

        Returns False (and writes nothing) when the same text (same sha256) is already stored.
        Raises ``DocumentRejected`` when this document cannot be stored (nothing of it stays),
        ``StoreError`` when the database fails.
        """
        d = document_facts.document
        sha = text_sha256(d.text)
        with self._errors("write to"):
            if self._has(sha):
                return False
            try:
                with self._writer.begin() as conn:
                    # one statement, so one snapshot: another process may commit between two statements
                    found = conn.execute(sa.select(documents.c.sha256).where(
                        sa.or_(documents.c.sha256 == sha, documents.c.doc_id == d.id))).scalars().all()
                    if sha in found:
                        return False  # stored meanwhile by another process
                    if found:
                        raise DocumentRejected(d, "another text is already stored under this document id",
                                               "rename the file, or use another database")
                    pk = conn.execute(documents.insert().values(
                        doc_id=d.id, sha256=sha, path=d.path, url=d.url, title=d.title, date=d.date,
                        lang=d.lang, encoding=d.encoding, text=d.text, ingested_at=_now(),
                    )).inserted_primary_key[0]
                    rows = [_fact_row(d, pk, i, rec) for i, rec in enumerate(document_facts.to_records())]
                    if rows:
                        conn.execute(facts.insert(), rows)
            except exc.IntegrityError as e:
                if self._has(sha):  # the same text won a race with us
                    return False
                raise DocumentRejected(d, f"the database refused it: {_reason(e)}") from e
            except exc.DataError as e:
                raise DocumentRejected(d, f"the database refused it: {_reason(e)}") from e
        log.debug("stored %s (%s, %d facts)", d.id, sha[:12], len(rows))
        return True

    def _has(self, sha: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(documents.c.pk).where(documents.c.sha256 == sha)).first() is not None

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        with self._errors("read"), self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()

    def __contains__(self, text_or_document: str | Document) -> bool:
        """Whether this text (or this document's text) is stored."""
        text = text_or_document.text if isinstance(text_or_document, Document) else text_or_document
        with self._errors("read"):
            return self._has(text_sha256(text))

    def documents(self) -> Iterator[Document]:
        """The stored documents, in the order they were added (without segments)."""
        with self._errors("read"), self.engine.connect() as conn:
            for row in conn.execute(sa.select(documents).order_by(documents.c.pk)):
                yield _document(row)

    def records(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """SCHEMA.md records, document after document in the order they were added, each document's
        records in the order ``extract`` wrote them; only those of ``kind`` if given."""
        for _doc, recs in self.records_by_document(kind):
            yield from recs

    def records_by_document(self, kind: str | None = None) -> Iterator[tuple[Document, list[dict[str, Any]]]]:
        """``(document, its records)`` for every stored document (also those without records)."""
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        join = documents.outerjoin(facts, sa.and_(
            facts.c.document_pk == documents.c.pk, *([facts.c.kind == kind] if kind else [])))
        query = (sa.select(documents, facts.c.record).select_from(join)
                 .order_by(documents.c.pk, facts.c.position))
        with self._errors("read"), self.engine.connect() as conn:
            current: Document | None = None
            current_pk = None
            recs: list[dict[str, Any]] = []
            for row in conn.execute(query):
                if row.pk != current_pk:
                    if current is not None:
                        yield current, recs
                    current, current_pk, recs = _document(row), row.pk, []
                if row.record is not None:
                    recs.append(json.loads(row.record))
            if current is not None:
                yield current, recs

    def summary(self, top: int | None = None) -> Summary:
        """Counts of documents and facts; ``countries`` counts the events each country is party to."""
        with self._errors("read"), self.engine.connect() as conn:
            s = Summary(documents=conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one())
            per_kind: Counter[str] = Counter()
            for kind, n in conn.execute(sa.select(facts.c.kind, sa.func.count()).group_by(facts.c.kind)):
                per_kind[kind] = n
            s.figures, s.persons = per_kind["figure"], per_kind["person"]
            s.relations, s.commitments = per_kind["relation"], per_kind["commitment"]
            by_type = conn.execute(sa.select(facts.c.type, sa.func.count()).where(facts.c.kind == "event")
                                   .group_by(facts.c.type))
            s.events_by_type = dict(sorted(((t or "unknown", n) for t, n in by_type), key=lambda x: (-x[1], x[0])))
            countries: Counter[str] = Counter()
            for (codes,) in conn.execute(sa.select(facts.c.countries).where(facts.c.kind == "event")):
                countries.update(set((codes or "").split()))
        s.countries = dict(sorted(countries.items(), key=lambda x: (-x[1], x[0]))[:top])
        return s

    # ------------------------------------------------------------------ merged records (merge stage)

    def replace_merged(self, kind: str, rows: Iterable[tuple[str, dict[str, Any], int]]) -> int:
        """Replace every merged record of ``kind`` by ``rows``, in one transaction; returns how many.

        Each row is ``(key, record, n_sources)``: ``key`` a non-empty string, stable for the
        real-world fact and unique in the whole table (across kinds too); ``record`` the merged
        SCHEMA.md record (its ``kind``, if any, must be ``kind``); ``n_sources`` how many documents
        reported it. ``merged(kind)`` gives the records back in this order.
        Raises ``RecordRejected`` (nothing replaced) for a bad row, ``StoreError`` when the database fails.
        """
        kind = _merge_kind(kind)
        codes: dict[str, list[str]] = {}
        values = _merged_values(kind, rows, _now(), set(), codes)
        with self._errors("write to"):
            try:
                with self._writer.begin() as conn:
                    conn.execute(merged_fact_countries.delete().where(merged_fact_countries.c.fact_id.in_(
                        sa.select(merged_facts.c.id).where(merged_facts.c.kind == kind))))
                    conn.execute(merged_fact_sources.delete().where(
                        sa.tuple_(merged_fact_sources.c.block, merged_fact_sources.c.position).in_(
                            sa.select(merged_facts.c.block, merged_facts.c.position).where(
                                merged_facts.c.kind == kind, merged_facts.c.sources_apart == sa.true()))))
                    conn.execute(merged_fact_lists.delete().where(
                        sa.tuple_(merged_fact_lists.c.block, merged_fact_lists.c.position).in_(
                            sa.select(merged_facts.c.block, merged_facts.c.position).where(
                                merged_facts.c.kind == kind, merged_facts.c.lists_apart == sa.true()))))
                    conn.execute(merged_facts.delete().where(merged_facts.c.kind == kind))
                    _insert_merged(conn, values, codes)
                    conn.execute(merge_state.delete())
            except exc.IntegrityError as e:
                raise RecordRejected(f"merged {kind} records", f"the database refused them ({_reason(e)})",
                                     "a key is already used by merged records of another kind") from e
            except exc.DataError as e:
                raise RecordRejected(f"merged {kind} records", f"the database refused them ({_reason(e)})") from e
        log.debug("stored %d merged %s records", len(values), kind)
        return len(values)

    def replace_merged_record(self, merged: Mapping[str, Iterable[tuple[str, dict[str, Any], int]]],
                              conflict_rows: Iterable[tuple[str, str, dict[str, Any]]], *,
                              documents: int | None = None) -> bool:
        """Replace the whole merged record (every merged record of every kind, and every conflict) in
        one transaction, so that readers and an interrupted process see the old record or the new one,
        never a mix. ``merged`` maps a kind to its rows (as ``replace_merged``), ``conflict_rows`` are as
        ``replace_conflicts``; kinds not in ``merged`` are left with no records.

        ``documents``: how many documents the record was computed from. When the store no longer holds
        that many (another process stored more meanwhile), nothing is written and False is returned:
        compute again. Replacements are serialised (SQLite's write lock, a PostgreSQL advisory lock),
        so a record computed from fewer documents never replaces one computed from more.
        Raises ``RecordRejected`` (nothing replaced) for a bad row, ``StoreError`` when the database fails.
        """
        now = _now()
        seen: set[str] = set()
        codes: dict[str, list[str]] = {}
        values: list[dict[str, Any]] = []
        for kind, rows in merged.items():
            values += _merged_values(_merge_kind(kind), rows, now, seen, codes)
        conflict_values = _conflict_values(conflict_rows)
        with self._errors("write to"):
            try:
                with self._writer.begin() as conn:
                    self._lock(conn, "merge")
                    if documents is not None:
                        held = conn.execute(sa.select(sa.func.count()).select_from(schema.documents)).scalar_one()
                        if held != documents:
                            log.debug("merged record of %d documents not stored: the store now holds %d",
                                      documents, held)
                            return False  # nothing written: the commit only ends the lock
                    conn.execute(merged_fact_countries.delete())
                    conn.execute(merged_fact_sources.delete())
                    conn.execute(merged_fact_lists.delete())
                    conn.execute(merged_facts.delete())
                    _insert_merged(conn, values, codes)
                    conn.execute(conflicts.delete())
                    conn.execute(merge_state.delete())  # not kept by merge groups: the next update is whole
                    conn.execute(merge_group_state.delete())
                    conn.execute(merge_event_clusters.delete())
                    conn.execute(merge_state_items.delete())
                    if conflict_values:
                        conn.execute(conflicts.insert(), conflict_values)
            except (exc.IntegrityError, exc.DataError) as e:
                raise RecordRejected("the merged record", f"the database refused it ({_reason(e)})") from e
        log.debug("stored the merged record: %d merged records, %d conflicts", len(values), len(conflict_values))
        return True

    # ------------------------------------------------------------------ incremental merge (store/merged.py)

    def merge_state(self) -> tuple[int, str | None] | None:
        """``(generation, knowledge-base fingerprint)`` of a merged record kept incrementally, or None when
        the stored merged record was not written by ``replace_merged_blocks`` (the next update is whole)."""
        with self._errors("read"), self._reading() as conn:
            row = conn.execute(sa.select(merge_state.c.generation, merge_state.c.kb)
                               .where(merge_state.c.id == 1)).first()
        return (int(row.generation), row.kb) if row is not None else None

    def merge_facts(self, *, pending: bool = False, ids: Iterable[int] | None = None,
                    groups: Iterable[int] | None = None) -> list[StoredFact]:
        """Stored records with their fact id, document and merge group: all of them (one statement, so one
        consistent set), those not merged yet (``pending``), those of ``ids``, or those of the merge groups
        ``groups``; in document-id order, each document's in position order."""
        base = (sa.select(facts.c.id, documents.c.doc_id, documents.c.date, facts.c.position, facts.c.kind,
                          facts.c.merge_group, facts.c.record)
                .select_from(facts.join(documents, documents.c.pk == facts.c.document_pk)))
        queries_: list[Any] = []
        if ids is not None:
            todo = sorted(set(ids))
            queries_ = [base.where(facts.c.id.in_(todo[i:i + IN_CHUNK])) for i in range(0, len(todo), IN_CHUNK)]
        elif groups is not None:
            todo = sorted(set(groups))
            queries_ = [base.where(facts.c.merge_group.in_(todo[i:i + IN_CHUNK])) for i in range(0, len(todo), IN_CHUNK)]
        elif pending:
            queries_ = [base.where(facts.c.merge_group.is_(None))]
        else:
            queries_ = [base]
        out: list[StoredFact] = []
        with self._errors("read"), self._reading() as conn:
            for q in queries_:
                out += [StoredFact(r.id, r.doc_id, r.date, r.position, r.kind, r.merge_group, json.loads(r.record))
                        for r in conn.execute(q)]
        out.sort(key=lambda f: (f.doc, f.position))
        return out

    def fact_block_hits(self, keys: Iterable[tuple[str, str]] = (), blocks: Iterable[str] = ()) -> list[tuple[int, str, str]]:
        """``(fact id, block, bucket)`` of the merged facts with one of ``keys`` (``(block, bucket)``) or
        with any bucket of one of ``blocks`` (through the primary key's index)."""
        keys, blocks = sorted(set(keys)), sorted(set(blocks))
        sel = sa.select(fact_blocks.c.fact_id, fact_blocks.c.block, fact_blocks.c.bucket)
        out: list[tuple[int, str, str]] = []
        with self._errors("read"), self._reading() as conn:
            for q, params in _key_queries(keys, "SELECT fb.fact_id, fb.block, fb.bucket FROM k JOIN fact_blocks fb "
                                                "ON fb.block = k.block AND fb.bucket = k.bucket"):
                out += [tuple(r) for r in _run(conn, q, params)]
            for i in range(0, len(blocks), IN_CHUNK):
                out += [tuple(r) for r in conn.execute(sel.where(fact_blocks.c.block.in_(blocks[i:i + IN_CHUNK])))]
        return out

    def merge_groups_of(self, keys: Iterable[tuple[str, str]], blocks: Iterable[str] = ()) -> set[int]:
        """The merge groups of the merged facts with one of ``keys`` (``(block, bucket)``) or with any bucket
        of one of ``blocks`` (each through the primary key's index)."""
        keys, blocks = sorted(set(keys)), sorted(set(blocks))
        base = (sa.select(facts.c.merge_group).distinct()
                .select_from(fact_blocks.join(facts, facts.c.id == fact_blocks.c.fact_id)))
        out: set[int] = set()
        with self._errors("read"), self._reading() as conn:
            for q, params in _key_queries(keys, "SELECT DISTINCT f.merge_group FROM k JOIN fact_blocks fb "
                                                "ON fb.block = k.block AND fb.bucket = k.bucket "
                                                "JOIN facts f ON f.id = fb.fact_id"):
                out |= {g for g in _run(conn, q, params).scalars() if g is not None}
            for i in range(0, len(blocks), IN_CHUNK):
                out |= {g for g in conn.execute(base.where(fact_blocks.c.block.in_(blocks[i:i + IN_CHUNK]))).scalars()
                        if g is not None}
        return out

    def group_sizes(self, groups: Iterable[int]) -> dict[int, int]:
        """How many facts each of the merge groups ``groups`` holds (0 for a group with none)."""
        todo = sorted(set(groups))
        out = dict.fromkeys(todo, 0)
        q = sa.select(facts.c.merge_group, sa.func.count()).group_by(facts.c.merge_group)
        with self._errors("read"), self._reading() as conn:
            for i in range(0, len(todo), IN_CHUNK):
                out.update({g: n for g, n in conn.execute(q.where(facts.c.merge_group.in_(todo[i:i + IN_CHUNK])))})
        return out

    def merged_in_groups(self, kind: str, groups: Iterable[int], *, apart: bool = False,
                         lists: bool = False) -> list[tuple[Any, ...]]:
        """``(group, position, record)`` of the merged records of ``kind`` computed in ``groups``, by group
        and position. With ``apart``, ``(group, position, record, n)``: a record whose sources are written apart
        (``merged_fact_sources``) as stored, with ``[]`` as its sources (not read), and ``n`` its ``n_sources``;
        ``n`` None for a record holding its sources; with ``lists`` too, ``(group, position, record, n, listed)``:
        ``listed`` whether its documents and roles are written apart (``merged_fact_lists``; not read either, the
        record holds ``[]`` in their places)."""
        todo = sorted(set(groups))
        t = merged_facts
        sel = sa.select(t.c.block, t.c.position, t.c.record, t.c.sources_apart, t.c.n_sources, t.c.lists_apart)
        out: list[tuple[Any, ...]] = []
        with self._errors("read"), self._reading() as conn:
            for i in range(0, len(todo), IN_CHUNK):
                q = sel.where(t.c.kind == _merge_kind(kind), t.c.block.in_(todo[i:i + IN_CHUNK]))
                rows = conn.execute(q).all()
                recs = [json.loads(r.record) for r in rows] if apart else queries.assemble(conn, rows)
                out += [(r.block, r.position if r.position is not None else 0, rec,
                         *([r.n_sources if r.sources_apart else None] if apart else []),
                         *([bool(r.lists_apart)] if apart and lists else []))
                        for r, rec in zip(rows, recs)]
        out.sort(key=lambda x: (x[0], x[1]))
        return out

    def places_with_sources_of(self, docs: Mapping[tuple[int, int], Iterable[str]]) -> set[tuple[int, int]]:
        """Of the places ``(group, position)`` of merged records whose sources are written apart, those holding a
        source of one of their documents ``docs[place]`` (each probe through the primary key, many in one
        statement: ``sources_apart(group, position, docs)`` for many records at once)."""
        probes = [(place, d) for place, ds in sorted(docs.items()) for d in sorted(set(ds))]
        out: set[tuple[int, int]] = set()
        with self._errors("read"), self._reading() as conn:
            for q, params in _source_probes(probes, every=True):
                out |= {(g, p) for g, p in _run(conn, q, params)}
        return out

    def first_sources(self, places: Iterable[tuple[int, int]]) -> dict[tuple[int, int], dict[str, Any]]:
        """The first source written apart of the merged record at each of ``places`` (``(group, position)``) that
        has one (``sources_apart(group, position, first=True)`` for many records at once)."""
        out: dict[tuple[int, int], dict[str, Any]] = {}
        with self._errors("read"), self._reading() as conn:
            for q, params in _pair_queries(sorted(set(places)), (
                    "WITH k(block, position) AS (VALUES {}) SELECT k.block, k.position, (SELECT ms.value FROM "
                    "merged_fact_sources ms WHERE ms.block = k.block AND ms.position = k.position ORDER BY ms.sort "
                    "LIMIT 1) FROM k"), ("g", "p")):
                for g, p, value in _run(conn, q, params):
                    if value is not None:
                        out[(g, p)] = json.loads(value)
        return out

    def sources_apart(self, group: int, position: int, docs: Iterable[str] | None = None, *,
                      first: bool = False) -> list[dict[str, Any]]:
        """The sources written apart of the merged record at ``(group, position)``, in order: those of ``docs``
        (all of them when None); with ``first``, the first one only."""
        ms = merged_fact_sources
        q = (sa.select(ms.c.value).where(ms.c.block == group, ms.c.position == position).order_by(ms.c.sort))
        with self._errors("read"), self._reading() as conn:
            if first:
                return [json.loads(v) for v in conn.execute(q.limit(1)).scalars()]
            if docs is None:
                return [json.loads(v) for v in conn.execute(q).scalars()]
            todo = sorted(set(docs))
            found = []
            for i in range(0, len(todo), _RANGE_CHUNK):  # each document's sources through the primary key
                found += conn.execute(q.add_columns(ms.c.sort).where(_of_docs(todo[i:i + _RANGE_CHUNK]))).all()
        return [json.loads(v) for v, _s in sorted(found, key=lambda x: bytes(x[1]))]

    def person_names(self, groups: Iterable[int]) -> list[tuple[int, int, dict[str, Any]]]:
        """``(group, position, {"name", "aliases", "country"})`` of the merged persons computed in ``groups``, by
        group and position: what look-ups of persons read (``merge.groups.registry_of``), taken out of the
        records by the database (a person's record holds every source and document: long, read whole
        only where it is merged again)."""
        todo = sorted(set(groups))
        if self.engine.dialect.name == "postgresql":
            cols = ("CAST(record AS json) ->> 'name', CAST(record AS json) -> 'aliases', "
                    "CAST(record AS json) ->> 'country'")
        else:
            cols = "json_extract(record, '$.name'), json_extract(record, '$.aliases'), json_extract(record, '$.country')"
        out: list[tuple[int, int, dict[str, Any]]] = []
        with self._errors("read"), self._reading() as conn:
            for i in range(0, len(todo), IN_CHUNK):
                part = todo[i:i + IN_CHUNK]
                q = sa.text(f"SELECT block, position, {cols} FROM merged_facts WHERE kind = 'person' "
                            f"AND block IN ({', '.join(f':g{j}' for j in range(len(part)))})")
                for g, pos, name, aliases, country in conn.execute(q, {f"g{j}": g for j, g in enumerate(part)}):
                    if isinstance(aliases, str):
                        aliases = json.loads(aliases)
                    out.append((g, pos if pos is not None else 0,
                                {"name": name, "aliases": list(aliases or []), "country": country}))
        out.sort(key=lambda x: (x[0], x[1]))
        return out

    def group_states(self, groups: Iterable[int]) -> dict[int, tuple[str, Any]]:
        """``group -> (kind, state)`` of the merge groups ``groups`` that have a stored state."""
        todo = sorted(set(groups))
        sel = sa.select(merge_group_state.c.merge_group, merge_group_state.c.kind, merge_group_state.c.state)
        out: dict[int, tuple[str, Any]] = {}
        with self._errors("read"), self._reading() as conn:
            for i in range(0, len(todo), IN_CHUNK):
                for r in conn.execute(sel.where(merge_group_state.c.merge_group.in_(todo[i:i + IN_CHUNK]))):
                    out[r.merge_group] = (r.kind, json.loads(r.state))
        return out

    def state_items(self, group: int, keys: Iterable[str]) -> dict[str, Any]:
        """The items ``keys`` of a merge group's state that are stored (``merge_state_items``), as data: each
        through the primary key."""
        todo = sorted(set(keys))
        t = merge_state_items
        out: dict[str, Any] = {}
        with self._errors("read"), self._reading() as conn:
            for i in range(0, len(todo), IN_CHUNK):
                for item, value in conn.execute(sa.select(t.c.item, t.c.value).where(
                        t.c.merge_group == group, t.c.item.in_(todo[i:i + IN_CHUNK]))):
                    out[item] = json.loads(value)
        return out

    def state_items_of(self, wanted: Mapping[int, Iterable[str]]) -> dict[int, dict[str, Any]]:
        """``state_items(group, keys)`` for many groups at once: ``group -> {item: value}`` of the items ``wanted[group]``
        that are stored (each through the primary key, many in one statement)."""
        out: dict[int, dict[str, Any]] = {g: {} for g in wanted}
        with self._errors("read"), self._reading() as conn:
            for q, params in _pair_queries(sorted({(g, k) for g, keys in wanted.items() for k in keys}), (
                    "WITH k(merge_group, item) AS (VALUES {}) SELECT si.merge_group, si.item, si.value FROM k JOIN "
                    "merge_state_items si ON si.merge_group = k.merge_group AND si.item = k.item"), ("g", "i")):
                for g, item, value in _run(conn, q, params):
                    out[g][item] = json.loads(value)
        return out

    def key_groups(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The merge group of each of ``keys`` (``(block, bucket)`` link keys) held by a merged fact: one
        index look-up per key (every fact with a link key is in the group of all the others with it)."""
        out: dict[tuple[str, str], int] = {}
        with self._errors("read"), self._reading() as conn:
            for q, params in _key_queries(sorted(set(keys)), "SELECT k.block, k.bucket, (SELECT f.merge_group FROM "
                                          "fact_blocks fb JOIN facts f ON f.id = fb.fact_id WHERE fb.block = k.block "
                                          "AND fb.bucket = k.bucket LIMIT 1) FROM k"):
                for b, u, g in _run(conn, q, params):
                    if g is not None:
                        out[(b, u)] = g
        return out

    def replace_merged_blocks(self, blocks: MergedBlocks, *, generation: int | None, kb: str | None,
                              whole: bool = False) -> bool:
        """Replace the merged rows and conflicts of the merge groups ``blocks.old_groups`` (every merged
        row and conflict with ``whole``) by those of ``blocks``, set the merge group of the facts merged
        and the blocking keys of those merged for the first time, in one transaction.

        ``generation``: the merge state read before the computation (None: there was none). When another
        update was written meanwhile, nothing is written and False is returned: compute again. Updates
        are serialised (SQLite's write lock, a PostgreSQL advisory lock), like ``replace_merged_record``.
        Raises ``KeyCollision`` (nothing written) when a merged key is already used by a group that is not
        replaced, ``RecordRejected`` for a bad row, ``StoreError`` when the database fails.
        """
        now = _now()
        seen: set[str] = set()
        codes: dict[str, list[str]] = {}
        values: list[dict[str, Any]] = []
        source_values: list[dict[str, Any]] = []  # rows of merged_fact_sources
        extended: dict[tuple[int, int], dict[str, Any]] = {}  # place -> the value of its row, extended in place
        list_values: list[dict[str, Any]] = []  # rows of merged_fact_lists
        listed: dict[tuple[int, int], dict[str, Any]] = {}  # place -> the value of its row, its lists kept
        for kind, rows in blocks.rows.items():
            rows = list(rows)
            vals = _merged_values(_merge_kind(kind), [r[:3] for r in rows], now, seen, codes)
            for v, r in zip(vals, rows):
                v["block"], v["position"] = place = r[3], r[4]
                stored = r[1]  # the record as written (its lists apart: [] in their places)
                if place in blocks.lists:
                    v["lists_apart"] = True
                    listed[place] = v
                    added = _list_rows(place, blocks.lists[place])
                    if added is None:
                        raise KeyCollision(f"the items added to the merged record at {place} cannot be written "
                                           "apart", "recompute the merged record whole")
                    list_values += added
                elif kind == "person" and place[0] is not None and place[1] is not None:
                    held = _list_rows(place, r[1])
                    if held is not None:
                        v["lists_apart"] = True
                        stored = _without_lists(r[1])
                        list_values += held
                if place in blocks.extended:
                    v["sources_apart"] = True
                    extended[place] = v
                    added = _source_rows(place, blocks.extended[place])
                    if added is None:
                        raise KeyCollision(f"the sources added to the merged record at {place} cannot be written "
                                           "apart", "recompute the merged record whole")
                    source_values += added
                elif (kind in SOURCES_APART or kind == "event" and place[0] in blocks.clusters) \
                        and place[0] is not None and place[1] is not None:  # (events: of a group kept per cluster)
                    apart = _source_rows(place, r[1].get("sources"))
                    if apart is not None:
                        v["sources_apart"] = True
                        stored = dict(stored, sources=[])
                        source_values += apart
                if stored is not r[1]:
                    v["record"] = _record_json("merged records", 0, None, stored)
            values += vals
        if len(extended) != len(blocks.extended):
            raise ValueError("sources added to merged records that are not written")
        if len(listed) != len(blocks.lists):
            raise ValueError("documents or roles added to merged records that are not written")
        # (their records written as JSON only where they are not stored alike already: below)
        conflict_values = _conflict_values([c[:3] for c in blocks.conflicts], written=False)
        for v, c in zip(conflict_values, blocks.conflicts):
            v["block"], v["block2"] = c[3], (c[4] if c[4] != c[3] else None)
            v["cluster"], v["cluster2"] = (c[5], c[6]) if len(c) > 5 else (None, None)
        old = sorted(blocks.old_groups)
        cluster_values = [{**r, "merge_group": g, **{k: json.dumps(r[k], ensure_ascii=False, separators=(",", ":"))
                                                     for k in ("first", "docs", "state")}}
                          for g, rows in sorted(blocks.clusters.items()) for r in rows]
        with self._errors("write to"):
            try:
                with self._writer.begin() as conn:
                    self._lock(conn, "merge")
                    row = conn.execute(sa.select(merge_state.c.generation).where(merge_state.c.id == 1)).first()
                    held = int(row.generation) if row is not None else None
                    if held != generation:
                        log.debug("merged record of generation %s not stored: the store is at %s", generation, held)
                        return False
                    if extended:  # the sources kept: how many documents they are of, and none of a new one
                        self._extended_counts(conn, extended, blocks.extended)
                    if listed:  # the lists kept: stored apart
                        self._listed(conn, listed)
                    kept_conflicts: Counter[tuple] = Counter()  # conflicts stored already, not written again
                    if whole:
                        conn.execute(merged_fact_countries.delete())
                        conn.execute(merged_fact_sources.delete())
                        conn.execute(merged_fact_lists.delete())
                        conn.execute(merged_facts.delete())
                        conn.execute(conflicts.delete())
                        conn.execute(fact_blocks.delete())
                        conn.execute(merge_group_state.delete())
                        conn.execute(merge_event_clusters.delete())
                        conn.execute(merge_state_items.delete())
                        conn.execute(facts.update().values(merge_group=None))
                    else:
                        kept: dict[int, set[int]] = {}  # group -> the places whose sources are kept
                        for g, p in blocks.extended:
                            kept.setdefault(g, set()).add(p)
                        # (each of these deletions a statement run for many groups or records at once: one per
                        # group or record cost a round trip each, hundreds per update into a large database)
                        # its other places' sources are not kept (a group replaced whole; else its clusters only, below):
                        # deleted by the ranges of positions between those kept (each a seek in the primary key, where
                        # "position NOT IN (...)" read every source of the group: thousands in a large figure group)
                        gaps = [{"g": g, "lo": lo, "hi": hi} for g, ps in sorted(kept.items())
                                if g in blocks.old_groups and ps for lo, hi in _gaps(ps)]
                        if gaps:
                            conn.execute(sa.text("DELETE FROM merged_fact_sources WHERE block = :g AND position "
                                                 "BETWEEN :lo AND :hi"), gaps)
                        kept_lists: dict[int, set[int]] = {}  # group -> the places whose lists are kept
                        for g, p in blocks.lists:
                            kept_lists.setdefault(g, set()).add(p)
                        gaps = [{"g": g, "lo": lo, "hi": hi} for g, ps in sorted(kept_lists.items()) if ps
                                for lo, hi in _gaps(ps)]
                        if gaps:
                            conn.execute(sa.text("DELETE FROM merged_fact_lists WHERE block = :g AND position "
                                                 "BETWEEN :lo AND :hi"), gaps)
                        _execute_lists(conn, "DELETE FROM merged_fact_lists WHERE block = :g AND position = :p AND "
                                             "field = :f AND sort IN ({})",  # an item added replaces one alike
                                       [({"g": g, "p": p, "f": field_},
                                         [_list_sort(field_, x) for x in items.get(field_) or []])
                                        for (g, p), items in sorted(blocks.lists.items()) for field_ in ("docs", "roles")])
                        # the conflicts of the groups replaced: those stored alike (kind, key, groups and
                        # clusters) are kept, the others deleted, and only the new ones written
                        conflict_cols = (conflicts.c.id, conflicts.c.kind, conflicts.c.key, conflicts.c.block,
                                         conflicts.c.block2, conflicts.c.cluster, conflicts.c.cluster2)
                        held_conflicts: dict[int, tuple] = {}
                        stored_rows: dict[str, Any] = {}  # key -> the merged row of a group replaced
                        for i in range(0, len(old), IN_CHUNK):
                            part = old[i:i + IN_CHUNK]
                            stored_rows.update((r.key, r) for r in conn.execute(
                                sa.select(merged_facts.c.id, *(merged_facts.c[c] for c in _MERGED_COLUMNS))
                                .where(merged_facts.c.block.in_(part))))
                            conn.execute(merged_fact_sources.delete().where(merged_fact_sources.c.block.in_(
                                [g for g in part if g not in kept])))
                            conn.execute(merged_fact_lists.delete().where(merged_fact_lists.c.block.in_(
                                [g for g in part if g not in kept_lists])))
                            for column in (conflicts.c.block, conflicts.c.block2):
                                for r in conn.execute(sa.select(*conflict_cols).where(column.in_(part))):
                                    held_conflicts[r.id] = tuple(r)[1:]
                            conn.execute(merge_group_state.delete().where(merge_group_state.c.merge_group.in_(part)))
                            conn.execute(merge_event_clusters.delete().where(merge_event_clusters.c.merge_group.in_(part)))
                        gone = sorted(set(old) - blocks.items_kept)
                        for i in range(0, len(gone), IN_CHUNK):
                            conn.execute(merge_state_items.delete().where(
                                merge_state_items.c.merge_group.in_(gone[i:i + IN_CHUNK])))
                        _execute_lists(conn, "DELETE FROM merge_state_items WHERE merge_group = :g AND item IN ({})",
                                       [({"g": g}, sorted(its)) for g, its in sorted(blocks.items.items())
                                        if g in blocks.items_kept])
                        wanted = Counter(_conflict_place(v) for v in conflict_values)
                        gone = []
                        for cid, t in sorted(held_conflicts.items()):
                            if wanted[t] > 0:
                                wanted[t] -= 1
                                kept_conflicts[t] += 1
                            else:
                                gone.append(cid)
                        for i in range(0, len(gone), IN_CHUNK):
                            conn.execute(conflicts.delete().where(conflicts.c.id.in_(gone[i:i + IN_CHUNK])))
                        written_keys = [v["key"] for v in values]
                        values, matched = self._keep_merged_rows(conn, values, stored_rows, now,
                                                                 set(blocks.partial), codes)
                        for g, ids in sorted(blocks.partial.items()):
                            self._delete_clusters(conn, g, sorted(ids), kept.get(g, set()))
                        # a kept record alike but for its sources (its key's base the same) makes the "#n"
                        # suffixes of a whole recompute unknown: recompute whole
                        bases = {k.split("#")[0] for k in written_keys}
                        keys = sorted(bases | {f"{b}#1" for b in bases})
                        for i in range(0, len(keys), IN_CHUNK):  # (but for the rows of the groups replaced kept)
                            taken = next((k for k, fid in conn.execute(sa.select(merged_facts.c.key, merged_facts.c.id)
                                                                       .where(merged_facts.c.key.in_(keys[i:i + IN_CHUNK])))
                                          if fid not in matched), None)
                            if taken is not None:
                                raise KeyCollision(f"the merged key {taken} is used by two merge groups",
                                                   "recompute the merged record whole")
                    _insert_merged_rows(conn, values, codes)
                    if source_values:
                        conn.execute(merged_fact_sources.insert(), source_values)
                    if list_values:
                        conn.execute(merged_fact_lists.insert(), list_values)
                    new_conflicts = []
                    for i, v in enumerate(conflict_values):
                        t = _conflict_place(v)
                        if kept_conflicts[t] > 0:
                            kept_conflicts[t] -= 1
                        else:
                            new_conflicts.append(dict(v, record=_record_json("conflicts", i, None, v["record"])))
                    if new_conflicts:
                        conn.execute(conflicts.insert(), new_conflicts)
                    if blocks.fact_groups:  # one statement, run for each fact (a statement per group: hundreds)
                        conn.execute(facts.update().where(facts.c.id == sa.bindparam("fact"))
                                     .values(merge_group=sa.bindparam("group")),
                                     [{"fact": f, "group": g} for f, g in sorted(blocks.fact_groups.items())])
                    if blocks.fact_keys:
                        conn.execute(fact_blocks.insert(), [{"fact_id": f, "block": b, "bucket": u}
                                                            for f, b, u in blocks.fact_keys])
                    if cluster_values:
                        conn.execute(merge_event_clusters.insert(), cluster_values)
                    item_values = [{"merge_group": g, "item": k, "value": json.dumps(v, ensure_ascii=False,
                                                                                    separators=(",", ":"))}
                                   for g, its in sorted(blocks.items.items()) for k, v in sorted(its.items())]
                    if item_values:
                        conn.execute(merge_state_items.insert(), item_values)
                    if blocks.states:
                        conn.execute(merge_group_state.insert(), [
                            {"merge_group": g, "kind": kind, "state": json.dumps(st, ensure_ascii=False,
                                                                                 separators=(",", ":"))}
                            for g, (kind, st) in sorted(blocks.states.items())])
                    if row is None:
                        conn.execute(merge_state.insert().values(id=1, generation=1, kb=kb))
                    else:
                        conn.execute(merge_state.update().where(merge_state.c.id == 1)
                                     .values(generation=held + 1, kb=kb))
            except (exc.IntegrityError, exc.DataError) as e:
                raise RecordRejected("the merged record", f"the database refused it ({_reason(e)})") from e
        log.debug("stored %d merged records, %d conflicts of %d merge groups", len(values), len(conflict_values),
                  len(set(blocks.fact_groups.values())))
        return True

    @staticmethod
    def _keep_merged_rows(conn: Connection, values: list[dict[str, Any]], stored: dict[str, Any], now: _dt.datetime,
                          partial: set[int], codes: dict[str, list[str]]) -> tuple[list[dict[str, Any]], set[int]]:
        """Of the merged rows ``values`` of an update, those to insert; the rows of the groups replaced
        (``stored``, by key) that no value has the key of deleted, with their countries. A stored row whose key a
        value has stays: untouched where the value is the same in every column (a merged record the update
        computed again as it was: most of the events of a group merged again), else updated in place, its
        countries written again only where they changed (an update, not a deletion and an insertion: the
        indexes of the columns that stay, its key's above all, a hash that sends each row to a random page of a
        large index, are not written). Returns the values to insert and the ids of the stored rows kept. The
        rows of groups kept per cluster and changed in part (``partial``, deleted by cluster) are left alone."""
        stored = {k: r for k, r in stored.items() if r.block not in partial}
        matched: dict[int, tuple[Any, dict[str, Any]]] = {}
        fresh = []
        for v in values:
            r = stored.get(v["key"])
            if r is None:
                fresh.append(v)
            else:
                matched[r.id] = (r, v)
        gone = sorted(r.id for r in stored.values() if r.id not in matched)
        by_columns: dict[tuple[str, ...], list[tuple[Any, dict[str, Any]]]] = {}  # the columns that changed -> rows
        for r, v in matched.values():
            cols = _changed_columns(r, v)
            if cols:
                by_columns.setdefault(cols, []).append((r, v))
        recoded = sorted(r.id for cols, rows in by_columns.items() if "countries" in cols for r, _v in rows)
        for ids in (gone, recoded):
            for i in range(0, len(ids), IN_CHUNK):
                conn.execute(merged_fact_countries.delete().where(merged_fact_countries.c.fact_id.in_(ids[i:i + IN_CHUNK])))
        for i in range(0, len(gone), IN_CHUNK):
            conn.execute(merged_facts.delete().where(merged_facts.c.id.in_(gone[i:i + IN_CHUNK])))
        t = merged_facts
        for cols, rows in sorted(by_columns.items()):  # only the columns that changed (and their indexes) written
            conn.execute(t.update().where(t.c.id == sa.bindparam("fid")).values(
                {c: sa.bindparam(f"v_{c}") for c in (*cols, "updated_at")}),
                [{"fid": r.id, "v_updated_at": now, **{f"v_{c}": v.get(c) for c in cols}} for r, v in rows])
        rows_ = [{"fact_id": r.id, "country": c} for cols, rows in sorted(by_columns.items()) if "countries" in cols
                 for r, v in rows for c in codes.get(v["key"], ())]
        if rows_:
            conn.execute(merged_fact_countries.insert(), rows_)
        return fresh, set(matched)

    @staticmethod
    def _delete_clusters(conn: Connection, group: int, ids: list[int], kept: set[int] = frozenset()) -> None:
        """Delete the merged events and cluster rows of the clusters ``ids`` of ``group`` (kept per cluster), the
        date conflicts between two of them, and the group's header (each written again; a conflict of one of
        them with another cluster is kept: ``merge.events.StarBlock.conflicts``); the sources written apart of
        their merged events too, but for the clusters ``kept`` (extended in place). (Statements built once, their
        values bound: ``_cluster_deletions``.)"""
        q = _cluster_deletions()
        conn.execute(q["header"], {"g": group})
        for i in range(0, len(ids), IN_CHUNK):
            part = ids[i:i + IN_CHUNK]
            conn.execute(q["countries"], {"g": group, "ids": part})
            conn.execute(q["events"], {"g": group, "ids": part})
            sources = [i for i in part if i not in kept]
            if sources:
                conn.execute(q["sources"], {"g": group, "ids": sources})
            for k in range(0, len(ids), IN_CHUNK):
                conn.execute(q["conflicts"], {"g": group, "ids": part, "others": ids[k:k + IN_CHUNK]})
            conn.execute(q["clusters"], {"g": group, "ids": part})

    @staticmethod
    def _extended_counts(conn: Connection, values: dict[tuple[int, int], dict[str, Any]],
                         added: dict[tuple[int, int], list[dict[str, Any]]]) -> None:
        """Set ``n_sources`` of the rows ``values`` of records extended in place (``MergedBlocks.extended``): the
        documents of their stored sources, plus those of the sources ``added``. ``KeyCollision`` (recompute whole)
        when a record is not stored with its sources apart there, or already has a source of an added document."""
        t = merged_facts
        by_group: dict[int, list[int]] = {}
        for g, p in values:
            by_group.setdefault(g, []).append(p)
        held: dict[tuple[int, int], int] = {}
        groups = sorted(by_group)
        for i in range(0, len(groups), IN_CHUNK):
            for g, p, n in conn.execute(sa.select(t.c.block, t.c.position, t.c.n_sources).where(
                    t.c.block.in_(groups[i:i + IN_CHUNK]), t.c.sources_apart == sa.true())):
                held[(g, p)] = n
        probes = []  # (place, document added): each looked up through the primary key, many in one statement
        for place, v in values.items():
            if place not in held:
                raise KeyCollision(f"the merged record at {place} is not stored with its sources apart",
                                   "recompute the merged record whole")
            docs = sorted({s["doc"] for s in added[place]})
            probes += [(place, d) for d in docs]
            v["n_sources"] = held[place] + len(docs)
        for q, params in _source_probes(probes):
            hit = _run(conn, q, params).first()
            if hit is not None:
                raise KeyCollision(f"the merged record at {tuple(hit)} already has a source of a new document",
                                   "recompute the merged record whole")

    @staticmethod
    def _listed(conn: Connection, values: dict[tuple[int, int], dict[str, Any]]) -> None:
        """``KeyCollision`` (recompute whole) when a merged record whose lists are kept (``MergedBlocks.lists``) is
        not stored with its lists apart."""
        t = merged_facts
        groups = sorted({g for g, _p in values})
        held: set[tuple[int, int]] = set()
        for i in range(0, len(groups), IN_CHUNK):
            held |= {(g, p) for g, p in conn.execute(sa.select(t.c.block, t.c.position).where(
                t.c.block.in_(groups[i:i + IN_CHUNK]), t.c.lists_apart == sa.true()))}
        for place in values:
            if place not in held:
                raise KeyCollision(f"the merged record at {place} is not stored with its documents and roles apart",
                                   "recompute the merged record whole")

    def event_clusters(self, group: int) -> EventClusters:
        """The clusters of a merge group of events kept per cluster, as ``merge.events.StarBlock`` reads them."""
        return EventClusters(self, group)

    def _lock(self, conn: Connection, name: str) -> None:
        """Serialise a kind of write across processes until the end of ``conn``'s transaction (SQLite:
        the write lock taken at BEGIN IMMEDIATE already does it)."""
        if self.engine.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:name || coalesce(current_schema(), '')))"),
                         {"name": f"communique.{name}."})

    def merged(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """The merged records (of ``kind``, if given): grouped by kind in alphabetical order, each kind
        in the order given to ``replace_merged``."""
        t = merged_facts
        query = sa.select(t.c.record, t.c.block, t.c.position, t.c.sources_apart, t.c.lists_apart).order_by(t.c.kind,
                                                                                                        t.c.id)
        if kind is not None:
            query = query.where(t.c.kind == _merge_kind(kind))
        with self._errors("read"), self.engine.connect() as conn:
            for rows in conn.execute(query).partitions(IN_CHUNK):
                yield from queries.assemble(conn, rows)

    def merged_table(self) -> Iterator[tuple[str, str, str, int]]:
        """``(kind, key, record, n_sources)`` of every merged row, ``record`` the whole merged record as JSON text,
        as ``replace_merged_record`` writes it (sources written apart put back): what two stores holding the same
        merged record give alike, whatever the updates that wrote it. In no particular order."""
        t = merged_facts
        query = sa.select(t.c.kind, t.c.key, t.c.record, t.c.n_sources, t.c.block, t.c.position, t.c.sources_apart,
                          t.c.lists_apart)
        with self._errors("read"), self.engine.connect() as conn:
            for rows in conn.execute(query).partitions(IN_CHUNK):
                for r, rec in zip(rows, queries.assemble(conn, rows)):
                    text = (json.dumps(rec, ensure_ascii=False, allow_nan=False) if r.sources_apart or r.lists_apart
                            else r.record)
                    yield r.kind, r.key, text, r.n_sources

    def replace_conflicts(self, rows: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """Replace all conflicts by ``rows`` (``(kind, key, record)``: the merged fact's kind and key,
        and what disagrees), in one transaction; returns how many. Raises ``RecordRejected`` (nothing
        replaced) for a bad row, ``StoreError`` when the database fails."""
        values = _conflict_values(rows)
        with self._errors("write to"):
            try:
                with self._writer.begin() as conn:
                    conn.execute(conflicts.delete())
                    conn.execute(merge_state.delete())
                    if values:
                        conn.execute(conflicts.insert(), values)
            except (exc.IntegrityError, exc.DataError) as e:
                raise RecordRejected("conflicts", f"the database refused them ({_reason(e)})") from e
        log.debug("stored %d conflicts", len(values))
        return len(values)

    def conflicts(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        """The conflict records (of ``kind``, if given), in the order given to ``replace_conflicts``."""
        query = sa.select(conflicts.c.record).order_by(conflicts.c.id)
        if kind is not None:
            query = query.where(conflicts.c.kind == _merge_kind(kind))
        with self._errors("read"), self.engine.connect() as conn:
            for (record,) in conn.execute(query):
                yield json.loads(record)

    # ------------------------------------------------------------------ browsing (web pages, REST API)

    def merged_page(self, kind: str, *, type: str | None = None, country: str | None = None,
                    dyad: tuple[str, str] | None = None, start: str | None = None, end: str | None = None,
                    status: str | None = None, person: str | None = None, after: str | None = None,
                    limit: int = 50, order: str = "date") -> tuple[list[dict[str, Any]], str | None]:
        """One page of the merged records of ``kind``, filtered, and the cursor of the next page (None
        after the last page). Pass the cursor unchanged as ``after`` to get the next page.

        Each record is the merged record with ``"id"`` (its stable key, see ``merged_by_key``) and
        ``"n_sources"``. Filters, all optional and combined: ``type`` (event type, figure metric,
        relation level, commitment domain), ``country`` (a country code among the record's countries;
        a person's or organisation's country), ``dyad`` (two country codes, both among them), ``status``
        (events: ``happened``, ``planned``, ...; a record without one counts as ``happened``),
        ``start``/``end`` (inclusive bounds ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` on the first
        characters of the date: event ``date_start``, figure period start, relation or commitment date;
        with a bound, undated records and dates without a year are left out), ``person`` (events: the
        words of a participant's name, folded, in order: "to lam" finds the talks of Tô Lâm).

        ``order="date"``: by date, then by id; undated records (and dates without a year) last, by id.
        ``order="id"``: in the order they were written. ``limit`` is capped at 500.
        Raises ``BadCursor`` for a cursor this list did not give, ``ValueError`` for an unknown kind or
        order or a malformed bound, ``StoreError`` when the database fails.
        """
        with self._errors("read"), self.engine.connect() as conn:
            return queries.merged_page(conn, kind, after=after, limit=limit, order=order, type=type,
                                       country=country, dyad=dyad, start=start, end=end, status=status,
                                       person=person)

    def merged_count(self, kind: str, *, type: str | None = None, country: str | None = None,
                     dyad: tuple[str, str] | None = None, start: str | None = None, end: str | None = None,
                     status: str | None = None, person: str | None = None) -> int:
        """How many merged records of ``kind`` match the filters (as ``merged_page``)."""
        with self._errors("read"), self.engine.connect() as conn:
            return queries.merged_count(conn, kind, type=type, country=country, dyad=dyad, start=start, end=end,
                                        status=status, person=person)

    def merged_generation(self) -> tuple[int, str | None]:
        """What identifies the stored merged record's version: how many merged records, and when the
        last was written. It changes whenever ``replace_merged_record`` or ``replace_merged`` writes,
        so a reader may keep what it computed from the record until it does."""
        with self._errors("read"), self.engine.connect() as conn:
            n, last = conn.execute(sa.select(sa.func.count(), sa.func.max(merged_facts.c.updated_at))).one()
        return int(n), str(last) if last is not None else None

    def merged_by_key(self, key: str) -> dict[str, Any] | None:
        """The merged record stored under ``key`` (with ``"id"`` and ``"n_sources"``, as in
        ``merged_page``), or None. Keys are stable: the same real-world fact keeps its key as sources
        are added (see ``merged.merged_rows``)."""
        with self._errors("read"), self.engine.connect() as conn:
            return queries.merged_by_key(conn, key)

    def dyad_counts(self, start: str | None = None, end: str | None = None) -> list[tuple[str, str, int]]:
        """The contacts of each pair of countries in the period: ``(a, b, n)`` with ``a < b``, ``n`` the
        number of merged events that happened (visits, meetings, calls, agreements) with both among
        their countries (an event of three countries counts for each of its three pairs); most
        contacts first. ``start``/``end`` as in ``merged_page``. One query, through the indexes."""
        with self._errors("read"), self.engine.connect() as conn:
            return queries.dyad_counts(conn, start, end)

    def search_documents(self, q: str, limit: int = 20, *,
                         highlight: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Full-text search of the stored documents (title and text) for every word of ``q``, best first:
        ``{"doc", "title", "date", "snippet"}``, the snippet a short extract with the words found between
        the ``highlight`` marks (plain text: escape it before putting it in HTML, then turn the marks
        into tags). ``q`` is taken as plain words: quotes, operators and punctuation are not syntax, so
        no input raises; a ``q`` without words gives [].

        SQLite (FTS5, ``unicode61`` with diacritics removed): "hanoi" finds "Hanoï". PostgreSQL
        (``simple`` configuration): lower case, but diacritics count.
        """
        with self._errors("search"), self.engine.connect() as conn:
            return queries.search_documents(conn, q, limit, highlight)

    def search_actors(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """Merged persons and organisations that have every word of ``q`` (folded: lower case, without
        diacritics) at the start of a word of their name, an alias or their code: "to lam" and "tô lâm"
        find Tô Lâm. Records as in ``merged_page`` (with ``id`` and ``n_sources``), most reported first."""
        with self._errors("search"), self.engine.connect() as conn:
            return queries.search_actors(conn, q, limit)

    def document(self, doc_id: str) -> Document | None:
        """The stored document with id ``doc_id`` (with its text), or None."""
        with self._errors("read"), self.engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.doc_id == doc_id)).first()
        return _document(row) if row is not None else None

    def document_records(self, doc_id: str) -> list[dict[str, Any]]:
        """The records of one document, in the order ``extract`` wrote them ([] for an unknown id)."""
        query = (sa.select(facts.c.record).select_from(facts.join(documents, documents.c.pk == facts.c.document_pk))
                 .where(documents.c.doc_id == doc_id).order_by(facts.c.position))
        with self._errors("read"), self.engine.connect() as conn:
            return [json.loads(r) for r in conn.execute(query).scalars()]

    def documents_page(self, *, after: str | None = None, limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
        """One page of the stored documents, in the order they were stored, without their text:
        ``{"doc", "title", "date", "url", "path", "facts"}`` (``facts``: how many records), and the
        cursor of the next page (None after the last). ``limit`` is capped at 500; ``BadCursor``."""
        with self._errors("read"), self.engine.connect() as conn:
            return queries.documents_page(conn, after=after, limit=limit)

    # ------------------------------------------------------------------ maintenance

    def backup(self, path: str | os.PathLike[str]) -> Path:
        """A consistent copy of the store in ``path``, replaced only when the copy succeeded (SQLite: the
        online backup API, while others read and write; PostgreSQL: ``pg_dump``). See ``maintenance``."""
        from .maintenance import backup

        with self._errors("back up"):
            return backup(self, path)

    def check(self) -> list[str]:
        """The problems of the store, one line each ([] when there are none): the database's own
        integrity checks, then documents, facts, merged records and their sources. See ``maintenance``."""
        from .maintenance import check

        with self._errors("check"):
            return check(self)

    # ------------------------------------------------------------------ errors

    def _errors(self, doing: str) -> _ErrorTranslator:
        return _ErrorTranslator(self, doing)


class EventClusters:
    """The clusters of one merge group of events kept per cluster (``merge_event_clusters``), as a
    ``merge.events.ClusterSource``: each method one statement through an index of the table. The rows leave out
    the clusters' documents (``docs_of`` reads them): a cluster of an undated report may hold thousands, and only
    those of the clusters an update changes are needed (at 20,000 documents, 3.4 MB of JSON read for each update
    where 0.4 MB are needed). The statements are built once (``_cluster_statements``), their values bound: built
    for each call, a statement cost SQLAlchemy seven times what running it cost (87 statements per update into
    20,000 documents)."""

    def __init__(self, store: Store, group: int):
        self.store, self.group = store, group
        self._q = _cluster_statements()

    def _rows(self, query: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        with self.store._errors("read"), self.store._reading() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query, {"g": self.group, **params})]
        for r in rows:  # "first" and "state" as JSON text: parsed for the clusters not read before
            r["sort_key"], r["wild"] = bytes(r["sort_key"]), bool(r["wild"])
        return rows

    def dated_before(self, key: bytes, days: tuple[int, int, int] | None, md: tuple[int, int, int]
                     ) -> list[dict[str, Any]]:
        # one statement (each part through its index; none holds a cluster of another: they differ in which first
        # dates are null), where three cost three round trips for each new report
        params = {"key": key, "md0": md[0], "md1": md[1], "md2": md[2]}
        if days is None:
            return self._rows(self._q["undated_before"], params)
        return self._rows(self._q["dated_before"], {**params, "d0": days[0], "d1": days[1], "d2": days[2]})

    def ordered_before(self, key: bytes, after: bytes | None, limit: int) -> list[dict[str, Any]]:
        if after is None:
            return self._rows(self._q["ordered_before"], {"key": key, "limit": limit})
        return self._rows(self._q["ordered_between"], {"key": key, "after": after, "limit": limit})

    def meets_after(self, key: bytes, lo: int | None, hi: int | None, start_from: int | None) -> bool:
        queries_ = [(self._q["after"], {})] if lo is None else [
            (self._q["wild_after"], {}), (self._q["hull_after"], {"lo": lo, "hi": hi, "start": start_from})]
        with self.store._errors("read"), self.store._reading() as conn:
            return any(conn.execute(q, {"g": self.group, "key": key, **params}).first() is not None
                       for q, params in queries_)

    def near(self, first_len: int, lo: int, hi: int) -> list[dict[str, Any]]:
        return self._rows(self._q["near"], {"len": first_len, "lo": lo, "hi": hi})

    def docs_of(self, clusters: list[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        todo = sorted(set(clusters))
        with self.store._errors("read"), self.store._reading() as conn:
            for i in range(0, len(todo), IN_CHUNK):
                out.update((c, json.loads(d)) for c, d in conn.execute(self._q["docs"], {
                    "g": self.group, "ids": todo[i:i + IN_CHUNK]}))
        return out


@lru_cache(maxsize=1)
def _cluster_deletions() -> dict[str, Any]:
    """The deletions of ``Store._delete_clusters``, built once (``g`` the merge group, ``ids`` its clusters, ``others``
    the clusters whose conflicts with them are deleted)."""
    b = sa.bindparam
    ids = b("ids", expanding=True)
    rows = sa.select(merged_facts.c.id).where(merged_facts.c.block == b("g"), merged_facts.c.position.in_(ids))
    return {
        "header": merge_group_state.delete().where(merge_group_state.c.merge_group == b("g")),
        "countries": merged_fact_countries.delete().where(merged_fact_countries.c.fact_id.in_(rows)),
        "events": merged_facts.delete().where(merged_facts.c.block == b("g"), merged_facts.c.position.in_(ids)),
        "sources": merged_fact_sources.delete().where(merged_fact_sources.c.block == b("g"),
                                                      merged_fact_sources.c.position.in_(ids)),
        "conflicts": conflicts.delete().where(conflicts.c.block == b("g"), conflicts.c.cluster.in_(ids),
                                              conflicts.c.cluster2.in_(b("others", expanding=True))),
        "clusters": merge_event_clusters.delete().where(merge_event_clusters.c.merge_group == b("g"),
                                                        merge_event_clusters.c.cluster.in_(ids)),
    }


@lru_cache(maxsize=1)
def _cluster_statements() -> dict[str, Any]:
    """The statements of ``EventClusters``, built once, their values bound (``g`` the merge group, ``key`` a sort key,
    ...): each what the class built for each call before."""
    t = merge_event_clusters
    b = sa.bindparam
    columns = [t.c.cluster, t.c.sort_key, t.c.first_len, t.c.first_day, t.c.first_start, t.c.first_end,
               t.c.first_md_start, t.c.first_md_end, t.c.wild, t.c.hull_start, t.c.hull_end, t.c.first]
    sel = sa.select(*columns, t.c.state).where(t.c.merge_group == b("g"))
    light = sa.select(*columns).where(t.c.merge_group == b("g"))
    undated = sel.where(t.c.first_md_start.is_(None), t.c.sort_key <= b("key"))
    by_md = sel.where(t.c.first_md_start.between(b("md0"), b("md1")), t.c.first_md_end >= b("md2"),
                      t.c.sort_key <= b("key"))
    by_day = sel.where(t.c.first_start.between(b("d0"), b("d1")), t.c.first_end >= b("d2"), t.c.sort_key <= b("key"))
    before = sel.where(t.c.sort_key <= b("key"))
    after = sa.select(t.c.cluster).where(t.c.merge_group == b("g"), t.c.sort_key > b("key")).limit(1)
    return {
        "undated_before": sa.union_all(undated, by_md),
        "dated_before": sa.union_all(undated, by_md.where(t.c.first_start.is_(None)), by_day),
        "ordered_before": before.order_by(t.c.sort_key).limit(b("limit")),
        "ordered_between": before.where(t.c.sort_key > b("after")).order_by(t.c.sort_key).limit(b("limit")),
        "after": after,
        "wild_after": after.where(t.c.wild == sa.true()),
        "hull_after": after.where(t.c.hull_start.between(b("lo"), b("hi")), t.c.hull_end >= b("start")),
        "near": light.where(t.c.first_len == b("len"), t.c.first_day.between(b("lo"), b("hi"))),
        "docs": sa.select(t.c.cluster, t.c.docs).where(t.c.merge_group == b("g"),
                                                       t.c.cluster.in_(b("ids", expanding=True))),
    }


class _ErrorTranslator:
    """Turns database-level failures into one ``StoreError`` that names the store and the problem."""

    def __init__(self, store: Store, doing: str):
        self.store, self.doing = store, doing

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type, exc_value, _tb) -> bool:  # noqa: ANN001
        if exc_value is None or isinstance(exc_value, StoreError):
            return False
        if isinstance(exc_value, exc.SQLAlchemyError):
            raise _store_error(self.store.engine.url, self.doing, exc_value) from exc_value
        return False


def _store_error(url: URL, doing: str, e: exc.SQLAlchemyError) -> StoreError:
    reason = _reason(e)
    where = _safe(url)
    if url.get_backend_name() == "sqlite":
        low = reason.lower()
        if "not a database" in low or "malformed" in low or "encrypted" in low:
            return StoreError(f"cannot {doing} the database {where}: the file is not a SQLite database or is "
                              f"damaged ({reason})", "give another file, or move this one away")
        if "locked" in low or "busy" in low:
            return StoreError(f"cannot {doing} the database {where}: it stayed locked by another process "
                              f"for {SQLITE_BUSY_TIMEOUT} s ({reason})", "try again when the other writer is done")
        return StoreError(f"cannot {doing} the database {where}: {reason}")
    if isinstance(e, exc.OperationalError | exc.InterfaceError) and doing == "open":
        return StoreError(f"cannot connect to {where}: {reason}", _PG_HINT)
    return StoreError(f"cannot {doing} the database {where}: {reason}")


def _reason(e: exc.SQLAlchemyError) -> str:
    orig = getattr(e, "orig", None)
    text = str(orig if orig is not None else e).strip()
    return " ".join(text.split()) or type(e).__name__



def _key_queries(keys: list[tuple[str, str]], select: str) -> Iterator[tuple[Any, dict[str, str]]]:
    """``select`` (reading a table ``k(block, bucket)``) over ``keys`` in chunks, ``k`` a list of VALUES: a
    join on it is a look-up of the primary key of ``fact_blocks`` per key, where ``(block, bucket) IN
    (...)`` scans the table on SQLite."""
    return _pair_queries(keys, "WITH k(block, bucket) AS (VALUES {}) " + select, ("b", "u"))


def _pair_queries(pairs: list[tuple[Any, Any]], template: str, names: tuple[str, str]
                  ) -> Iterator[tuple[Any, dict[str, Any]]]:
    """``template`` (a statement reading a table ``k`` of VALUES in place of ``{}``) over ``pairs`` in chunks, with
    its parameters: one statement per chunk, each pair a row of ``k`` (``names`` its parameters)."""
    n = IN_CHUNK // 2
    for i in range(0, len(pairs), n):
        part = pairs[i:i + n]
        params = {f"{x}{j}": v for j, pair in enumerate(part) for x, v in zip(names, pair)}
        yield _values_statement(template, names, len(part)), params


@lru_cache(maxsize=256)
def _list_statement(template: str, n: int) -> Any:
    """``template`` with ``n`` parameters ``:x0, ..., :x{n-1}`` in place of ``{}`` (a list of IN), as a statement
    built once per template and length (``_execute_lists``)."""
    return sa.text(template.replace("{}", ", ".join(f":x{j}" for j in range(n)), 1))


def _execute_lists(conn: Connection, template: str, rows: Iterable[tuple[dict[str, Any], list[Any]]], *,
                   chunk: bool = True) -> None:
    """Run ``template`` (a statement with a list in place of ``{}``) once for each ``(parameters, list)`` of ``rows``,
    as one ``executemany`` per length of list: a statement and a round trip for many rows. A list longer than
    ``IN_CHUNK`` is cut in parts (``chunk``; not for a list of NOT IN, which must be whole); an empty list runs
    nothing."""
    by_length: dict[int, list[dict[str, Any]]] = {}
    for params, items in rows:
        parts = [items[i:i + IN_CHUNK] for i in range(0, len(items), IN_CHUNK)] if chunk else [items] if items else []
        for part in parts:
            by_length.setdefault(len(part), []).append({**params, **{f"x{j}": v for j, v in enumerate(part)}})
    for n, batch in sorted(by_length.items()):
        conn.execute(_list_statement(template, n), batch)


class _Values(NamedTuple):
    """A statement of ``_values_statement``: run by ``_run`` as the driver takes it."""

    template: str
    names: tuple[str, ...]
    n: int


def _values_statement(template: str, names: tuple[str, ...], n: int) -> _Values:
    """``template`` with a list of ``n`` VALUES rows of the parameters ``names`` (``:b0, :u0``, ...) in place of
    ``{}``, for ``_run``."""
    return _Values(template, names, n)


def _run(conn: Connection, q: Any, params: dict[str, Any]) -> Any:
    """Execute a statement of ``_values_statement`` (else any statement) with its parameters. The SQL of a list of
    VALUES goes to the driver as it is (``_driver_values``, built once per template, length and style of the
    driver's parameters): as a ``text`` statement it was parsed for its hundreds of parameters, and compiled once
    for each engine and length, which cost more than running it (a few dozen such statements per update)."""
    if not isinstance(q, _Values):
        return conn.execute(q, params)
    sql, order = _driver_values(q.template, q.names, q.n, conn.dialect.paramstyle)
    return conn.exec_driver_sql(sql, params if order is None else tuple(params[k] for k in order))


@lru_cache(maxsize=256)
def _driver_values(template: str, names: tuple[str, ...], n: int, style: str) -> tuple[str, list[str] | None]:
    """The SQL of ``_values_statement(template, names, n)`` in the parameter style of a driver (``paramstyle`` of
    DB-API), and the order of its parameters where the style is positional (None: by name)."""
    keys = [f"{p}{j}" for j in range(n) for p in names]
    if style in ("pyformat", "format"):
        template = template.replace("%", "%%")
    marks = {"qmark": ["?"] * len(keys), "format": ["%s"] * len(keys), "numeric": [f":{i + 1}" for i in range(len(keys))],
             "named": [f":{k}" for k in keys], "pyformat": [f"%({k})s" for k in keys]}[style]
    width = len(names)
    values = ", ".join("(" + ", ".join(marks[j * width:(j + 1) * width]) + ")" for j in range(n))
    return template.replace("{}", values, 1), (keys if style in ("qmark", "format", "numeric") else None)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc)


def _document(row: Any) -> Document:
    return Document(id=row.doc_id, text=row.text, path=row.path, date=row.date, url=row.url, title=row.title,
                    lang=row.lang, encoding=row.encoding)


def record_columns(rec: dict[str, Any]) -> tuple[Any, Any, list[str], Any]:
    """``type``, ``status``, ``countries`` (sorted codes) and ``date_start`` of a per-document record: the
    query columns of the ``facts`` table (and of the Dask partitions, which group by them), as the
    record holds them (a caller decides what a value of another type becomes)."""
    kind = rec.get("kind")
    typ = {"event": rec.get("type"), "figure": rec.get("metric"), "relation": rec.get("level"),
           "commitment": rec.get("domain")}.get(kind)
    if kind == "event":
        start = rec.get("date_start")
    elif kind == "figure":
        start = (rec.get("period") or "").split("/")[0] or None
    else:
        start = rec.get("date")
    countries = rec.get("countries")
    if countries is None and rec.get("country"):
        countries = [rec["country"]]
    return typ, rec.get("status") if kind == "event" else None, sorted({str(c) for c in countries or () if c}), start


def _fact_row(d: Document, pk: int, position: int, rec: dict[str, Any]) -> dict[str, Any]:
    try:
        record = json.dumps(rec, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise DocumentRejected(d, f"fact {position + 1} ({rec.get('kind', '?')}) cannot be written as JSON: {e}",
                               "this is a bug in the extractor") from e
    kind = rec.get("kind")
    typ, status, countries, start = record_columns(rec)
    return {
        "document_pk": pk,
        "position": position,
        "kind": kind,
        "type": _short(typ, 64),
        "status": _short(status, 16),
        "countries": " ".join(countries) or None,
        "date_start": _short(start, 10),
        "name": rec.get("name") if kind == "person" else None,
        "record": record,
    }


def _merge_kind(kind: Any) -> str:
    if not isinstance(kind, str) or not kind or len(kind) > KIND_MAX:
        raise ValueError(f"a kind must be a word of 1 to {KIND_MAX} characters, not {kind!r}")
    return kind


def _merged_values(kind: str, rows: Iterable[Any], now: _dt.datetime, seen: set[str],
                   codes: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The table rows of merged records of ``kind`` (``RecordRejected`` for a bad one), with their query
    columns; ``codes`` receives the countries of each key (rows of ``merged_fact_countries``)."""
    what = f"merged {kind} records"
    values: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        try:
            key, record, n_sources = row
        except (TypeError, ValueError):
            raise RecordRejected(what, "not a (key, record, n_sources) tuple", "a bug in the merge stage",
                                 index=i) from None
        key = _merge_key(what, i, key, seen)
        if isinstance(n_sources, bool) or not isinstance(n_sources, int) or n_sources < 0:
            raise RecordRejected(what, f"n_sources must be a count, not {n_sources!r}",
                                 "a bug in the merge stage", index=i)
        text = _record_json(what, i, kind, record)
        columns, codes[key] = merged_columns(kind, record)
        values.append({"kind": kind, "key": key, "record": text, "n_sources": n_sources, "updated_at": now,
                       "sources_apart": None, "lists_apart": None, **columns})
    return values


def _insert_merged(conn: Connection, values: list[dict[str, Any]], codes: dict[str, list[str]]) -> None:
    """Insert merged rows and their ``merged_fact_countries`` rows (in the caller's transaction)."""
    if not values:
        return
    conn.execute(merged_facts.insert(), values)  # (with RETURNING, four times slower on PostgreSQL)
    kinds = sorted({v["kind"] for v in values})
    ids = conn.execute(sa.select(merged_facts.c.key, merged_facts.c.id).where(merged_facts.c.kind.in_(kinds)))
    rows = [{"fact_id": fid, "country": c} for key, fid in ids for c in codes.get(key, ())]
    if rows:
        conn.execute(merged_fact_countries.insert(), rows)


#: the columns of a merged row an update writes (all but ``id`` and ``updated_at``): a row of a group replaced whose
#: values are all the same is kept as it is (``Store._keep_merged_rows``)
_MERGED_COLUMNS = ("kind", "key", "record", "n_sources", "type", "status", "countries", "date_start", "date_end", "name",
                   "search", "block", "position", "sources_apart", "lists_apart")


def _column_value(column: str, value: Any) -> Any:
    """A merged row's value as ``_keep_merged_rows`` compares it: a flag unset (null) as false."""
    return bool(value) if column in _FLAG_COLUMNS else value


#: the flags of ``_MERGED_COLUMNS`` (``_column_value``), and where a stored row read as ``id`` then ``_MERGED_COLUMNS``
#: (``_keep_merged_rows``) holds them and the other columns
_FLAG_COLUMNS = ("sources_apart", "lists_apart")
_PLAIN_COLUMNS = tuple(c for c in _MERGED_COLUMNS if c not in _FLAG_COLUMNS)
_PLAIN_AT = operator.itemgetter(*(1 + _MERGED_COLUMNS.index(c) for c in _PLAIN_COLUMNS))
_FLAGS_AT = tuple(1 + _MERGED_COLUMNS.index(c) for c in _FLAG_COLUMNS)


def _changed_columns(row: Any, value: dict[str, Any]) -> tuple[str, ...]:
    """The columns of ``_MERGED_COLUMNS`` (in its order) in which a stored merged row (``id`` then ``_MERGED_COLUMNS``,
    as ``_keep_merged_rows`` reads it) and a row's values differ as ``_column_value`` compares them. The columns but
    the flags are compared in one comparison of tuples first: a merged row computed again as it was, most of those of a
    group merged again, is not compared column by column."""
    held, given = _PLAIN_AT(row), tuple(map(value.get, _PLAIN_COLUMNS))
    changed = set() if held == given else {c for c, a, b in zip(_PLAIN_COLUMNS, held, given) if a != b}
    changed.update(c for i, c in zip(_FLAGS_AT, _FLAG_COLUMNS) if bool(row[i]) != bool(value.get(c)))
    return tuple(c for c in _MERGED_COLUMNS if c in changed) if changed else ()


def _insert_merged_rows(conn: Connection, values: list[dict[str, Any]], codes: dict[str, list[str]]) -> None:
    """``_insert_merged`` for a part of the record: the ids of the new rows are read by key."""
    if not values:
        return
    conn.execute(merged_facts.insert(), values)
    keys = sorted(v["key"] for v in values)
    rows = []
    for i in range(0, len(keys), IN_CHUNK):
        for key, fid in conn.execute(sa.select(merged_facts.c.key, merged_facts.c.id)
                                     .where(merged_facts.c.key.in_(keys[i:i + IN_CHUNK]))):
            rows += [{"fact_id": fid, "country": c} for c in codes.get(key, ())]
    if rows:
        conn.execute(merged_fact_countries.insert(), rows)


#: the kinds of merged records whose sources ``replace_merged_blocks`` writes apart (``merged_fact_sources``)
#: when they are in the order of their documents: those an update extends in place from their stored record
SOURCES_APART = frozenset({"person", "organisation", "relation", "commitment", "figure"})


#: beyond any position of a merged record in its group (``_gaps``; a 32-bit integer, as the column)
_POSITION_BOUND = 2 ** 31 - 1


def _gaps(positions: Iterable[int]) -> list[tuple[int, int]]:
    """The ranges ``(lo, hi)`` of the integers that are not in ``positions``: those below the least, between two,
    and above the greatest (empty ``positions``: every integer)."""
    out, lo = [], -_POSITION_BOUND - 1
    for p in sorted(set(positions)):
        if p > lo:
            out.append((lo, p - 1))
        lo = p + 1
    out.append((lo, _POSITION_BOUND))
    return out


def _conflict_place(v: dict[str, Any]) -> tuple:
    """A conflict row as ``replace_merged_blocks`` compares it with those stored: its kind, key (a hash of its
    record), groups and clusters."""
    return v["kind"], v["key"], v["block"], v["block2"], v["cluster"], v["cluster2"]


#: documents looked up at most in one statement by the ranges of their sources' ``sort`` keys
_RANGE_CHUNK = 100


def _of_docs(docs: list[str]) -> Any:
    """The condition on ``merged_fact_sources`` of the sources of ``docs`` (ids without a zero character), by the
    range of their ``sort`` keys (``_source_rows``: the document's id, a zero byte, ...): read through the primary
    key, where a condition on ``doc`` reads every source of the record."""
    ms = merged_fact_sources
    return sa.or_(*(sa.and_(ms.c.sort >= d.encode("utf-8") + b"\0", ms.c.sort < d.encode("utf-8") + b"\1")
                    for d in docs))


#: ``(place, document)`` probes of ``_source_probes`` in one statement
_PROBE_CHUNK = 250


def _source_probes(probes: list[tuple[tuple[int, int], str]], *, every: bool = False
                   ) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Statements finding a source of the document ``d`` among the sources written apart of the record at ``place``,
    for each ``(place, d)`` of ``probes`` (ids without a zero character): ``(group, position)`` of the first found,
    none when there is none (``every``: of each place where one is found, once). A list of VALUES joined to
    ``merged_fact_sources``: each probe a range of the primary key (``_of_docs``), written as a few parameters (a
    condition per probe costs more to build than to run)."""
    select, limit = ("SELECT DISTINCT ms.block, ms.position", "") if every else ("SELECT ms.block, ms.position", " LIMIT 1")
    for i in range(0, len(probes), _PROBE_CHUNK):
        part = probes[i:i + _PROBE_CHUNK]
        params: dict[str, Any] = {}
        for j, ((g, p), d) in enumerate(part):
            b = d.encode("utf-8")
            params.update({f"g{j}": g, f"p{j}": p, f"lo{j}": b + b"\0", f"hi{j}": b + b"\1"})
        yield _values_statement(f"WITH k(block, position, lo, hi) AS (VALUES {{}}) {select} FROM k "
                                "JOIN merged_fact_sources ms ON ms.block = k.block AND ms.position = k.position "
                                f"AND ms.sort >= k.lo AND ms.sort < k.hi{limit}", ("g", "p", "lo", "hi"), len(part)), params


def _source_rows(place: tuple[int, int], sources: Any) -> list[dict[str, Any]] | None:
    """The rows of ``merged_fact_sources`` of a record's sources at ``place``, or None when they cannot be written
    apart: not a list of sources each with a document id, or not in the order of their documents."""
    if not isinstance(sources, list):
        return None
    out: list[dict[str, Any]] = []
    last, n = None, 0
    for src in sources:
        doc = src.get("doc") if isinstance(src, dict) else None
        if not isinstance(doc, str) or "\0" in doc or last is not None and doc < last:
            return None
        n = n + 1 if doc == last else 0
        last = doc
        try:
            sort = doc.encode("utf-8") + b"\0" + n.to_bytes(4, "big")
        except (UnicodeEncodeError, OverflowError):
            return None
        out.append({"block": place[0], "position": place[1], "sort": sort, "doc": doc,
                    "value": _record_json("merged sources", len(out), None, src)})
    return out


#: the lists of a merged person that ``replace_merged_blocks`` writes apart (``merged_fact_lists``)
LISTS_APART = ("roles", "docs")


def _list_sort(field_: str, item: Any) -> bytes | None:
    """The ``sort`` of an item of a list written apart (None: it cannot be written so): a document id; a role's
    date and office, a zero byte between (the order of ``merge.groups._role_order``)."""
    try:
        if field_ == "docs":
            return item.encode("utf-8") if isinstance(item, str) and "\0" not in item else None
        as_of, role = item.get("as_of") or "", item.get("role")
        if not isinstance(as_of, str) or not isinstance(role, str) or "\0" in as_of:
            return None
        return as_of.encode("utf-8") + b"\0" + role.encode("utf-8")
    except (AttributeError, UnicodeEncodeError):
        return None


def _list_rows(place: tuple[int, int], record: Any) -> list[dict[str, Any]] | None:
    """The rows of ``merged_fact_lists`` of a person's documents and roles (``record``: the record, or the items
    added, ``{"docs": [...], "roles": [...]}``), or None when they cannot be written apart: a list that is not
    one, or whose items are not in their order, each once."""
    if not isinstance(record, dict) or not isinstance(record.get("docs"), list):
        return None
    out: list[dict[str, Any]] = []
    for field_ in LISTS_APART:
        items = record.get(field_) or []
        if not isinstance(items, list):
            return None
        last = None
        for x in items:
            sort = _list_sort(field_, x)
            if sort is None or last is not None and sort <= last:
                return None
            last = sort
            out.append({"block": place[0], "position": place[1], "field": field_, "sort": sort,
                        "value": json.dumps(x, ensure_ascii=False, allow_nan=False)})
    return out


def _without_lists(record: dict[str, Any]) -> dict[str, Any]:
    """A person's record with ``[]`` in the places of its lists written apart (``roles`` before ``docs``, where
    ``queries.put_lists`` puts them back)."""
    out: dict[str, Any] = {}
    for k, v in record.items():
        if k == "docs" and "roles" not in record:
            out["roles"] = []
        out[k] = [] if k in LISTS_APART else v
    return out


#: the record field copied to the ``type`` column, per kind
_TYPE_FIELD = {"event": "type", "figure": "metric", "relation": "level", "commitment": "domain"}


def merged_columns(kind: str, record: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The query columns of a merged record (``type``, ``status``, ``countries``, ``date_start``,
    ``date_end``, ``name``, ``search``; see ``schema.merged_facts``) and its country codes for
    ``merged_fact_countries`` (codes longer than the column, a bug upstream, stay out of that table
    but are kept in ``countries``). A value that does not fit its column is left null.

    ``search`` holds the folded words (lower case, no diacritics) of each name, names separated by
    ``" | "``: for persons and organisations the name, the aliases and the code; for events the
    participants' names.
    """
    typ = record.get(_TYPE_FIELD[kind]) if kind in _TYPE_FIELD else None
    start = end = None
    if kind == "event":
        start, end = record.get("date_start"), record.get("date_end")
    elif kind == "figure":
        period = record.get("period")
        if isinstance(period, str):
            start, _, end = period.partition("/")
    elif kind in ("relation", "commitment"):
        start = record.get("date")
    codes = record.get("countries")
    if not isinstance(codes, list):
        country = record.get("country")
        codes = [country] if isinstance(country, str) and country else []
    codes = sorted({c for c in codes if isinstance(c, str) and c})
    if kind in ("person", "organisation"):
        names = [record.get("name"), *(record.get("aliases") or []), record.get("code")]
    elif kind == "event":
        names = [p.get("name") for p in record.get("participants") or [] if isinstance(p, dict)]
    else:
        names = []
    folded: list[str] = []
    for n in names:
        w = " ".join(_folded_words(n)) if isinstance(n, str) else ""
        if w and w not in folded:
            folded.append(w)
    name = record.get("name") if kind in ("person", "organisation") else None
    return ({"type": _nonempty(typ, 64),
             "status": _nonempty(record.get("status") or "happened", 16) if kind == "event" else None,
             "countries": " ".join(codes) or None,
             "date_start": _nonempty(start, 10), "date_end": _nonempty(end, 10),
             "name": name if isinstance(name, str) else None,
             "search": " | ".join(folded) or None},
            [c for c in codes if len(c) <= 3])


def _conflict_values(rows: Iterable[Any], *, written: bool = True) -> list[dict[str, Any]]:
    """The table rows of conflicts (``RecordRejected`` for a bad one); not ``written``: their records as given (a
    dict each), to be written as JSON (``_record_json``) where they are written."""
    what = "conflicts"
    values: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        try:
            kind, key, record = row
        except (TypeError, ValueError):
            raise RecordRejected(what, "not a (kind, key, record) tuple", "a bug in the merge stage",
                                 index=i) from None
        try:
            kind = _merge_kind(kind)
        except ValueError as e:
            raise RecordRejected(what, str(e), "a bug in the merge stage", index=i) from None
        key = _merge_key(what, i, key, None)
        if not written and not isinstance(record, dict):
            raise RecordRejected(what, f"the record must be a dict, not {type(record).__name__}",
                                 "a bug in the merge stage", index=i)
        values.append({"kind": kind, "key": key, "record": _record_json(what, i, None, record) if written else record})
    return values


def _merge_key(what: str, i: int, key: Any, seen: set[str] | None) -> str:
    if not isinstance(key, str) or not key:
        raise RecordRejected(what, f"the key must be a non-empty string, not {key!r}", "a bug in the merge stage",
                             index=i)
    if seen is not None:
        if key in seen:
            raise RecordRejected(what, f"the key {key!r} is given twice", "a bug in the merge stage", index=i)
        seen.add(key)
    return key


def _record_json(what: str, i: int, kind: str | None, record: Any) -> str:
    if not isinstance(record, dict):
        raise RecordRejected(what, f"the record must be a dict, not {type(record).__name__}",
                             "a bug in the merge stage", index=i)
    if kind is not None and record.get("kind", kind) != kind:
        raise RecordRejected(what, f"a {record.get('kind')!r} record among the {kind} records",
                             "a bug in the merge stage", index=i)
    try:
        return json.dumps(record, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise RecordRejected(what, f"the record cannot be written as JSON: {e}", "a bug in the merge stage",
                             index=i) from e


def _nonempty(value: Any, n: int) -> str | None:
    """A string column value, or None when the value is empty or does not fit the column."""
    return _short(value, n) or None


def _short(value: Any, n: int) -> str | None:
    """A string column value, or None when the record's value does not fit the column."""
    if value is None or not isinstance(value, str) or len(value) > n:
        return None
    return value


__all__ = ["DEFAULT_DB", "BadCursor", "DocumentRejected", "EventClusters", "KINDS", "KeyCollision", "MergedBlocks", "StoredFact", "RecordRejected", "Store", "Summary", "merged_columns",
           "open_store",            "store_url", "text_sha256"]
