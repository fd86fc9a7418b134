"""Stage store: DocumentFacts in, documents / records / summary out, on SQLite and PostgreSQL.

The facts are the real pipeline's output on sample articles; the tests assert only what the store
guarantees (what goes in comes out, once, atomically), never particular extraction results.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from communique.errors import StoreError
from communique.records import DocumentFacts, Event, Source
from communique.store import SCHEMA_VERSION, DocumentRejected, open_store, store_url, text_sha256

def with_text(df: DocumentFacts, suffix: str, doc_id: str | None = None) -> DocumentFacts:
    """A copy of ``df`` whose document has another text (so another sha256) and optionally another id."""
    new = copy.deepcopy(df)
    new.document = dataclasses.replace(new.document, text=new.document.text + suffix, id=doc_id or df.document.id)
    return new


def fact_count(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM facts")).scalar_one()


def all_records(facts: list[DocumentFacts]) -> list[dict]:
    return [r for df in facts for r in df.to_records()]


# ----------------------------------------------------------------------------- round trip

@pytest.mark.model
def test_store_add_returns_records_as_extract_wrote_them(open_, sample_facts):
    store = open_()
    assert [store.add(df) for df in sample_facts] == [True] * len(sample_facts)
    assert list(store.records()) == all_records(sample_facts)
    got = list(store.records_by_document())
    assert [d.id for d, _ in got] == [df.document.id for df in sample_facts]
    assert [recs for _, recs in got] == [df.to_records() for df in sample_facts]


@pytest.mark.model
def test_store_documents_keep_text_and_metadata(open_, sample_facts):
    store = open_()
    for df in sample_facts:
        store.add(df)
    fields = ("id", "text", "path", "date", "url", "title", "lang", "encoding")
    stored = [tuple(getattr(d, f) for f in fields) for d in store.documents()]
    assert stored == [tuple(getattr(df.document, f) for f in fields) for df in sample_facts]
    assert len(store) == len(sample_facts)
    assert sample_facts[0].document in store


@pytest.mark.model
def test_store_records_filtered_by_kind(open_, sample_facts):
    store = open_()
    for df in sample_facts:
        store.add(df)
    events = list(store.records(kind="event"))
    assert events and all(r["kind"] == "event" for r in events)
    assert events == [r for r in all_records(sample_facts) if r["kind"] == "event"]
    with pytest.raises(ValueError, match="unknown kind"):
        list(store.records(kind="rumour"))


def test_store_schema_version_is_recorded(open_):
    store = open_()
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version FROM schema_version")).scalars().all() == [SCHEMA_VERSION]


# ----------------------------------------------------------------------------- idempotence

@pytest.mark.model
def test_store_readding_the_same_text_stores_nothing(open_, db_url, sample_facts):
    store = open_()
    for df in sample_facts:
        assert store.add(df) is True
    before = (len(store), fact_count(store))
    assert [store.add(df) for df in sample_facts] == [False] * len(sample_facts)
    assert (len(store), fact_count(store)) == before
    # and after reopening the database
    again = open_()
    assert again.add(sample_facts[0]) is False
    assert (len(again), fact_count(again)) == before


@pytest.mark.model
def test_store_same_text_under_another_id_is_already_present(open_, sample_facts):
    store = open_()
    store.add(sample_facts[0])
    twin = copy.deepcopy(sample_facts[0])
    twin.document.id = "copy-of-" + twin.document.id
    assert store.add(twin) is False
    assert len(store) == 1


@pytest.mark.model
def test_store_refuses_another_text_under_a_stored_id(open_, sample_facts):
    store = open_()
    store.add(sample_facts[0])
    records = list(store.records())
    with pytest.raises(DocumentRejected, match="another text is already stored under this document id"):
        store.add(with_text(sample_facts[0], "\nCorrigendum."))
    assert len(store) == 1
    assert list(store.records()) == records


# ----------------------------------------------------------------------------- atomicity

class _Unserialisable(Event):
    """An event whose record holds a value JSON cannot write."""

    def to_record(self):
        rec = super().to_record()
        rec["location"] = {"city": object()}
        return rec


class _NoKind(Event):
    """An event the database refuses: its record has no kind (a NOT NULL column)."""

    kind = None


@pytest.mark.model
@pytest.mark.parametrize("bad_fact", [_Unserialisable, _NoKind], ids=["json", "database"])
def test_store_failing_fact_leaves_nothing_of_its_document(open_, sample_facts, bad_fact):
    store = open_()
    for df in sample_facts[:2]:
        store.add(df)
    before_records = list(store.records())
    before_facts = fact_count(store)

    broken = copy.deepcopy(sample_facts[2])
    assert broken.events, "the sample document should yield at least one event"
    middle = len(broken.events) // 2
    src = Source(broken.document.id, 0, 5, broken.document.text[:5])
    broken.events.insert(middle, bad_fact(broken.document.id, [src], type="meeting", countries=["FRA", "DEU"]))
    with pytest.raises(DocumentRejected) as info:
        store.add(broken)
    assert broken.document.path in str(info.value)

    assert broken.document not in store
    assert len(store) == 2
    assert fact_count(store) == before_facts
    assert list(store.records()) == before_records
    # the failed attempt left no trace: the same document, without the bad fact, goes in whole
    assert store.add(sample_facts[2]) is True
    assert list(store.records()) == before_records + sample_facts[2].to_records()


# ----------------------------------------------------------------------------- summary

@pytest.mark.model
def test_store_summary_counts_what_was_added(open_, sample_facts):
    store = open_()
    assert store.summary().documents == 0
    for df in sample_facts:
        store.add(df)
    store.add(sample_facts[0])  # already present: counted once
    recs = all_records(sample_facts)
    kinds = Counter(r["kind"] for r in recs)
    events = [r for r in recs if r["kind"] == "event"]

    s = store.summary()
    assert s.documents == len(sample_facts)
    assert s.events_by_type == dict(Counter(r["type"] for r in events))
    assert s.events == kinds["event"] >= 1
    assert s.countries == dict(Counter(c for r in events for c in set(r["countries"])))
    assert (s.figures, s.persons, s.relations, s.commitments) == (
        kinds["figure"], kinds["person"], kinds["relation"], kinds["commitment"])
    assert list(s.countries.values()) == sorted(s.countries.values(), reverse=True)
    assert len(store.summary(top=2).countries) == min(2, len(s.countries))


# ----------------------------------------------------------------------------- bad databases (SQLite)

def test_store_corrupt_file_raises_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database, only some notes\n" * 200)
    with pytest.raises(StoreError, match=r"not a SQLite database or is damaged"):
        open_store(path)
    assert path.read_bytes().startswith(b"this is not a database")  # left alone


@pytest.mark.model
def test_store_damaged_pages_raise_store_error(tmp_path, sample_facts):
    path = tmp_path / "damaged.db"
    with open_store(path) as store:
        for df in sample_facts:
            store.add(df)
    data = bytearray(path.read_bytes())
    assert len(data) > 3 * 4096
    data[4096:len(data)] = b"\xff" * (len(data) - 4096)  # every page but the first
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        with open_store(path) as store:
            list(store.records())


def test_store_refuses_a_database_of_another_application(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE documents (x TEXT)")
    with pytest.raises(StoreError, match="not a communique database"):
        open_store(path)


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="upgrade communique"):
        open_store(path)


def test_store_without_create_needs_an_existing_database(tmp_path):
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no database at"):
        open_store(path, create=False)
    assert not path.exists()
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no-such-folder" / "x.db")


def test_store_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    with open_store(tmp_path / "wal.db") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.model
def test_store_reader_sees_writes_of_another_connection(tmp_path, sample_facts):
    path = tmp_path / "shared.db"
    with open_store(path) as writer, open_store(path) as reader:
        assert len(reader) == 0
        writer.add(sample_facts[0])
        assert len(reader) == 1


def test_store_unreachable_server_raises_store_error():
    with pytest.raises(StoreError, match=r"cannot connect to postgresql://nobody:\*\*\*@127.0.0.1:1/none") as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)


def test_store_url_plain_path_means_sqlite(tmp_path):
    assert store_url(tmp_path / "x.db").get_backend_name() == "sqlite"
    assert store_url("x.db").database == str(Path("x.db").resolve())
    assert store_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert store_url(f"sqlite:///{tmp_path}/y.db").get_backend_name() == "sqlite"
    with pytest.raises(StoreError, match="unsupported database"):
        open_store("mysql://u@h/db")


def test_store_key_is_the_sha256_of_the_utf8_text():
    assert text_sha256("é") == hashlib.sha256("é".encode("utf-8")).hexdigest()
    assert text_sha256("a") != text_sha256("a ")


# ----------------------------------------------------------------------------- concurrency

WRITER = """
import sys
from communique.records import Document, DocumentFacts, Event, Source
from communique.store import open_store

url, tag = sys.argv[1], sys.argv[2]
stored = 0
with open_store(url) as store:
    for i in range(60):
        shared = i % 2 == 0  # every writer adds the even texts: each must be stored once
        doc_id, text = (f"shared-{i}", f"Texte commun {i}.") if shared else (f"{tag}-{i}", f"Texte {tag} {i}.")
        events = [Event(doc_id, [Source(doc_id, 0, 5, text[:5])], type="visit", countries=["FRA", "IND"])
                  for _ in range(10)]
        stored += store.add(DocumentFacts(Document(doc_id, text), events=events))
print(stored)
"""


def test_store_concurrent_writers_store_each_text_once(open_, db_url, tmp_path):
    """Three processes add overlapping documents at once: no error, every text once, all facts kept."""
    import subprocess
    import sys

    open_().close()  # create the tables first, as `communique ingest` would
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    procs = [subprocess.Popen([sys.executable, str(script), db_url, tag], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for tag in "abc"]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outputs]
    assert sum(int(out) for out, _ in outputs) == 30 + 3 * 30
    store = open_()
    assert len(store) == 120
    assert store.summary().events_by_type == {"visit": 1200}
