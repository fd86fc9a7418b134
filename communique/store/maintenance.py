"""Keeping a store safe: consistent backups, and checks that what is stored holds together.

``backup(store, path)``: a SQLite store is copied with SQLite's online backup API, in one step, so the
copy is one consistent state even while another process writes (the copy is a single file, journal
mode DELETE, checked with ``PRAGMA integrity_check`` before it replaces ``path``); a PostgreSQL store
is dumped by ``pg_dump`` (plain SQL of the store's schema, restore with ``psql -f``). The file at
``path`` is replaced only when the whole copy succeeded.

``check(store)``: the problems found, one line each (an empty list: none). The database's own checks
(SQLite ``PRAGMA integrity_check`` and ``foreign_key_check``; PostgreSQL: every table read through,
no invalid index or unvalidated constraint), then communique's: every fact belongs to a stored
document, no document or fact twice, each document's text still has its sha256, every record is a
JSON object of the kind its row says, the query columns of each merged record (and its rows of
``merged_fact_countries``) are those of its record, and every source of a fact, merged record or
conflict names a stored document and lies inside its text, the source text being the document text
at those offsets.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..errors import StoreError
from .schema import conflicts, documents, facts, merged_fact_countries, merged_facts, schema_version

if TYPE_CHECKING:  # pragma: no cover
    from .store import Store

#: seconds pg_dump may take before the backup is given up
PG_DUMP_TIMEOUT = 3600


# --------------------------------------------------------------------------------------- backup

def backup(store: Store, path: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of ``store`` to ``path`` (see the module docstring); returns the path.

    Raises ``StoreError`` when the copy cannot be made (folder missing, ``path`` is the database
    itself, ``pg_dump`` missing or failing); ``path`` is then left as it was.
    """
    target = Path(path)
    if target.is_dir():
        raise StoreError(f"cannot write the backup {target}: it is a folder", "give a file name")
    if not target.parent.is_dir():
        raise StoreError(f"cannot write the backup {target}: folder {target.parent} does not exist")
    backend = store.engine.dialect.name
    if backend == "sqlite":
        db = store.engine.url.database or ""
        if db in ("", ":memory:"):
            raise StoreError("an in-memory database cannot be backed up")
        if target.exists() and os.path.samefile(target, db):
            raise StoreError(f"cannot back up {db} onto itself", "give another file name")
    with _temp_beside(target) as tmp:
        if backend == "sqlite":
            _sqlite_backup(store, tmp)
        elif backend == "postgresql":
            _pg_dump(store, tmp)
        else:  # pragma: no cover - open_store refuses other databases
            raise StoreError(f"cannot back up a {backend} database")
        os.replace(tmp, target)
    return target


@contextmanager
def _temp_beside(target: Path) -> Iterator[str]:
    """A temporary file in the folder of ``target`` (so that the final rename is atomic), removed unless
    it was renamed."""
    try:
        fd, path = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as e:
        raise StoreError(f"cannot write the backup {target}: {e.strerror or e}") from e
    os.close(fd)
    try:
        yield path
    finally:
        if os.path.exists(path):
            os.unlink(path)


def _sqlite_backup(store: Store, tmp: str) -> None:
    raw = store.engine.raw_connection()
    try:
        source = raw.driver_connection
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(copy)  # pages=-1: one step, under one read lock: one consistent state
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            result = [row[0] for row in copy.execute("PRAGMA integrity_check")]
        finally:
            copy.close()
    except sqlite3.Error as e:
        raise StoreError(f"cannot back up {store.url}: {e}") from e
    finally:
        raw.close()
    if result != ["ok"]:
        raise StoreError(f"cannot back up {store.url}: the copy does not pass the integrity check ({result[0]})",
                         "run `communique db check` on the database")
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())


def _pg_dump(store: Store, tmp: str) -> None:
    exe = shutil.which("pg_dump")
    if exe is None:
        raise StoreError(f"cannot back up {store.url}: pg_dump is not installed (or not on PATH)",
                         "install the PostgreSQL client tools, e.g. `apt install postgresql-client`")
    with store.engine.connect() as conn:
        schema = conn.execute(sa.text("SELECT current_schema()")).scalar_one()
    url = store.engine.url
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)  # not on the command line, where `ps` would show it
    uri = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    cmd = [exe, "--dbname", uri, "--schema", schema, "--format", "plain", "--no-owner", "--no-privileges",
           "--file", tmp]
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=PG_DUMP_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise StoreError(f"cannot back up {store.url}: pg_dump failed ({e})") from e
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        raise StoreError(f"cannot back up {store.url}: pg_dump failed ({' / '.join(lines[-2:]) or done.returncode})")


# --------------------------------------------------------------------------------------- check

def check(store: Store) -> list[str]:
    """The problems of ``store``, one line each (see the module docstring); [] when there are none."""
    problems: list[str] = []
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":
            problems += _sqlite_integrity(conn)
            if problems:  # a damaged file: what it holds cannot be read reliably
                return problems
            problems += _sqlite_foreign_keys(conn)
        else:
            problems += _pg_checks(conn)
            problems += _orphan_facts(conn)  # foreign keys are triggers there: they can be switched off
        problems += _table_checks(conn)
        texts = _document_checks(conn, problems)
        _fact_checks(conn, texts, problems)
        _merged_checks(conn, texts, problems)
    return problems


def _sqlite_integrity(conn: sa.Connection) -> Iterator[str]:
    for (row,) in conn.exec_driver_sql("PRAGMA integrity_check"):
        for line in str(row).splitlines():
            if line.strip() not in ("ok", "*** in database main ***", ""):
                yield f"integrity check: {line.strip()}"


def _sqlite_foreign_keys(conn: sa.Connection) -> Iterator[str]:
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        yield f"{table} row {rowid}: refers to a missing row of {parent}"


def _pg_checks(conn: sa.Connection) -> Iterator[str]:
    for table in (documents, facts, merged_facts, merged_fact_countries, conflicts, schema_version):
        conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()  # reads every page
    schema = conn.execute(sa.text("SELECT current_schema()")).scalar_one()
    invalid = conn.execute(sa.text(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :s AND NOT (i.indisvalid AND i.indisready) "
        "ORDER BY c.relname"), {"s": schema}).scalars().all()
    for name in invalid:
        yield f"index {name} is not valid (rebuild it: REINDEX INDEX {name})"
    unvalidated = conn.execute(sa.text(
        "SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = :s AND NOT c.convalidated ORDER BY c.conname"), {"s": schema}).scalars().all()
    for name in unvalidated:
        yield f"constraint {name} is not validated"


def _orphan_facts(conn: sa.Connection) -> Iterator[str]:
    orphans = conn.execute(
        sa.select(facts.c.id, facts.c.document_pk)
        .select_from(facts.outerjoin(documents, documents.c.pk == facts.c.document_pk))
        .where(documents.c.pk.is_(None)).order_by(facts.c.id)).all()
    for fid, pk in orphans:
        yield f"facts row {fid}: refers to a missing row of documents (pk {pk})"


def _table_checks(conn: sa.Connection) -> Iterator[str]:
    n = conn.execute(sa.select(sa.func.count()).select_from(schema_version)).scalar_one()
    if n != 1:
        yield f"schema_version has {n} rows instead of 1"
    for column, what in ((documents.c.doc_id, "document id"), (documents.c.sha256, "text (sha256)")):
        dupes = conn.execute(sa.select(column, sa.func.count()).group_by(column).having(sa.func.count() > 1)
                             .order_by(column)).all()
        for value, count in dupes:
            yield f"{what} {value} is stored {count} times"
    dupes = conn.execute(sa.select(facts.c.document_pk, facts.c.position, sa.func.count())
                         .group_by(facts.c.document_pk, facts.c.position).having(sa.func.count() > 1)
                         .order_by(facts.c.document_pk, facts.c.position)).all()
    for pk, position, count in dupes:
        yield f"document pk {pk}: fact position {position} is stored {count} times"
    dupes = conn.execute(sa.select(merged_facts.c.key, sa.func.count()).group_by(merged_facts.c.key)
                         .having(sa.func.count() > 1).order_by(merged_facts.c.key)).all()
    for key, count in dupes:
        yield f"merged record {key} is stored {count} times"


def _document_checks(conn: sa.Connection, problems: list[str]) -> dict[str, str]:
    """Each document's text against its sha256; returns the texts by document id."""
    from .store import text_sha256

    texts: dict[str, str] = {}
    query = sa.select(documents.c.doc_id, documents.c.sha256, documents.c.text).order_by(documents.c.pk)
    for doc_id, sha, text in conn.execute(query):
        texts[doc_id] = text
        if text_sha256(text) != sha:
            problems.append(f"document {doc_id}: its text does not match its sha256 (changed after it was stored)")
    return texts


def _fact_checks(conn: sa.Connection, texts: dict[str, str], problems: list[str]) -> None:
    query = (sa.select(facts.c.id, facts.c.kind, facts.c.record, documents.c.doc_id)
             .select_from(facts.join(documents, documents.c.pk == facts.c.document_pk))
             .order_by(facts.c.document_pk, facts.c.position))
    for fid, kind, text, doc_id in conn.execute(query):
        where = f"fact {fid} ({kind} of document {doc_id})"
        record = _record(where, text, problems)
        if record is None:
            continue
        if record.get("kind") != kind:
            problems.append(f"{where}: the record says kind {record.get('kind')!r}")
        if record.get("doc") != doc_id:
            problems.append(f"{where}: the record names document {record.get('doc')!r}")
        _source_checks(where, record, texts, doc_id, problems)


_QUERY_COLUMNS = ("type", "status", "countries", "date_start", "date_end", "name", "search")


def _merged_checks(conn: sa.Connection, texts: dict[str, str], problems: list[str]) -> None:
    from .queries import lists_apart, put_lists, sources_apart
    from .store import merged_columns

    countries: dict[int, set[str]] = {}
    for fid, code in conn.execute(sa.select(merged_fact_countries.c.fact_id, merged_fact_countries.c.country)):
        countries.setdefault(fid, set()).add(code)
    for table, what in ((merged_facts, "merged record"), (conflicts, "conflict")):
        extra = [table.c[c] for c in _QUERY_COLUMNS] if table is merged_facts else []
        if table is merged_facts:  # its sources, documents and roles written apart: put back in their place
            extra += [table.c.block, table.c.position, table.c.sources_apart, table.c.lists_apart]
        query = sa.select(table.c.id, table.c.key, table.c.kind, table.c.record, *extra).order_by(table.c.id)
        for row in conn.execute(query).all():
            where = f"{what} {row.key}"
            record = _record(where, row.record, problems)
            if record is None:
                continue
            if table is merged_facts and row.sources_apart:
                record["sources"] = sources_apart(conn, [(row.block, row.position)])[(row.block, row.position)]
            if table is merged_facts and row.lists_apart:
                put_lists(record, lists_apart(conn, [(row.block, row.position)])[(row.block, row.position)])
            if table is merged_facts:
                if record.get("kind", row.kind) != row.kind:
                    problems.append(f"{where}: the record says kind {record.get('kind')!r}, its row {row.kind!r}")
                columns, codes = merged_columns(row.kind, record)
                wrong = [c for c in _QUERY_COLUMNS if columns[c] != getattr(row, c)]
                if set(codes) != countries.get(row.id, set()):
                    wrong.append(merged_fact_countries.name)
                if wrong:
                    problems.append(f"{where}: {', '.join(wrong)} do not match the record (run `communique ingest` "
                                    f"to write the merged record again)")
            _source_checks(where, record, texts, None, problems)


def _record(where: str, text: str, problems: list[str]) -> dict[str, Any] | None:
    try:
        record = json.loads(text)
    except (TypeError, ValueError) as e:
        problems.append(f"{where}: the record is not valid JSON ({e})")
        return None
    if not isinstance(record, dict):
        problems.append(f"{where}: the record is not a JSON object")
        return None
    return record


def _source_checks(where: str, record: dict[str, Any], texts: dict[str, str], doc_id: str | None,
                   problems: list[str]) -> None:
    sources = record.get("sources")
    if sources is None:
        return
    if not isinstance(sources, list):
        problems.append(f"{where}: sources is not a list")
        return
    for i, src in enumerate(sources, 1):
        at = f"{where}, source {i}"
        if not isinstance(src, dict):
            problems.append(f"{at}: not an object")
            continue
        doc = src.get("doc", doc_id)
        if doc_id is not None and doc != doc_id:
            problems.append(f"{at}: names document {doc!r}, not its own")
            continue
        text = texts.get(doc) if isinstance(doc, str) else None
        if text is None:
            problems.append(f"{at}: document {doc!r} is not stored")
            continue
        start, end = src.get("start"), src.get("end")
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
            problems.append(f"{at}: offsets {start!r}-{end!r} are not whole numbers")
            continue
        if not 0 <= start <= end <= len(text):
            problems.append(f"{at}: offsets {start}-{end} fall outside the text of {doc} ({len(text)} characters)")
            continue
        if "text" in src and src["text"] != text[start:end]:
            problems.append(f"{at}: the source text is not the text of {doc} at {start}-{end}")


__all__ = ["backup", "check"]
