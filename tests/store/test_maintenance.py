"""Keeping a store safe, on SQLite and the real PostgreSQL: the merged record replaced all at once and
never by an older one, consistent backups (also of a database being written), and checks that find
what does not hold together. Hand-made records only: no spaCy model needed."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

import communique
from communique.errors import StoreError
from communique.records import Document, DocumentFacts, Event, Person, Source
from communique.store import RecordRejected, open_store, refresh_merged

TEXT = "Le président français est arrivé à Hanoï le 5 mars pour une visite d'État. Tô Lâm l'a reçu."


def doc_facts(doc_id: str, text: str | None = None) -> DocumentFacts:
    text = text or f"{TEXT} Réf. {doc_id}."
    visit = Source(doc_id, 0, text.index(".") + 1, text[:text.index(".") + 1])
    person = Source(doc_id, text.index("Tô"), len(text), text[text.index("Tô"):])
    return DocumentFacts(
        Document(doc_id, text, path=f"/corpus/{doc_id}.txt", date="2024-03-05"),
        events=[Event(doc_id, [visit], type="visit", countries=["FRA", "VNM"], date_start="2024-03-05",
                      guest="FRA", host="VNM", visit_kind="state")],
        persons=[Person(doc_id, [person], name="Tô Lâm", country="VNM")],
    )


def table(store, sql: str) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def execute(store, *statements: str) -> None:
    """Damage a store behind communique's back (SQLite: with foreign keys off, as another program would)."""
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        if store.engine.dialect.name == "sqlite":
            cur.execute("PRAGMA foreign_keys = OFF")
        else:
            cur.execute("SET session_replication_role = replica")  # foreign key triggers off
        for sql in statements:
            cur.execute(sql)
        raw.commit()
    finally:
        raw.close()


EVENT = {"kind": "event", "type": "visit", "countries": ["FRA", "VNM"], "sources": []}
PERSON = {"kind": "person", "name": "Tô Lâm", "sources": []}
CONFLICT = {"kind": "conflict", "about": "event", "field": "date", "values": ["2024-03-05", "2024-03-07"]}


# ----------------------------------------------------------------------------- the merged record

def test_replace_merged_record_replaces_every_kind_and_the_conflicts_at_once(open_):
    store = open_()
    store.replace_merged("relation", [("r:old", {"kind": "relation"}, 1)])
    store.replace_conflicts([("event", "c:old", {"old": True})])
    assert store.replace_merged_record({"event": [("e:1", EVENT, 2)], "person": [("p:1", PERSON, 1)]},
                                       [("event", "c:1", CONFLICT)]) is True
    assert list(store.merged()) == [EVENT, PERSON]  # the relation of before is gone too
    assert list(store.conflicts()) == [CONFLICT]


def test_replace_merged_record_with_a_bad_row_replaces_nothing(open_):
    store = open_()
    store.replace_merged_record({"event": [("e:1", EVENT, 2)]}, [("event", "c:1", CONFLICT)])
    for merged, conflicts in [({"event": [("e:2", EVENT, 1)], "person": [("e:2", PERSON, 1)]}, []),  # key twice
                              ({"event": [("e:2", EVENT, 1)]}, [("event", "c:2", {"x": {1, 2}})])]:
        with pytest.raises(RecordRejected, match="nothing was replaced"):
            store.replace_merged_record(merged, conflicts)
    assert list(store.merged()) == [EVENT] and list(store.conflicts()) == [CONFLICT]


def test_replace_merged_record_computed_from_fewer_documents_than_stored_is_not_written(open_):
    store = open_()
    store.add(doc_facts("a"))
    assert store.replace_merged_record({"event": [("e:1", EVENT, 1)]}, [], documents=0) is False
    assert list(store.merged()) == []
    assert store.replace_merged_record({"event": [("e:1", EVENT, 1)]}, [], documents=1) is True
    assert list(store.merged()) == [EVENT]


def test_refresh_merged_stores_the_merge_of_every_document_under_the_same_keys_as_before(open_):
    store = open_()
    for doc in ("a", "b"):
        store.add(doc_facts(doc))
    record = refresh_merged(store)
    (event,) = record.events
    assert {s["doc"] for s in event["sources"]} == {"a", "b"}
    rows = table(store, "SELECT kind, key, record, n_sources FROM merged_facts ORDER BY kind, id")
    assert ("event", 2) in {(kind, n) for kind, _key, _rec, n in rows}
    communique.refresh_merged(store)  # the library's own refresh, one kind at a time: the same rows
    assert table(store, "SELECT kind, key, record, n_sources FROM merged_facts ORDER BY kind, id") == rows


# ----------------------------------------------------------------------------- backups

def test_backup_is_a_copy_that_opens_and_holds_the_same_records(open_, db_url, tmp_path):
    store = open_()
    for doc in ("a", "b"):
        store.add(doc_facts(doc))
    refresh_merged(store)
    target = tmp_path / ("backup.db" if db_url.endswith(".db") else "backup.sql")
    target.write_text("an older backup")
    assert store.backup(target) == target
    records, merged = list(store.records()), list(store.merged())
    if store.engine.dialect.name == "sqlite":
        assert not Path(f"{target}-wal").exists()  # one self-contained file
        copy = open_(str(target), create=False)
    else:
        psql = shutil.which("psql")
        if psql is None:
            pytest.skip("psql is not installed: cannot restore the dump")
        schema = table(store, "SELECT current_schema()")[0][0]
        store.close()
        execute(open_(), f'DROP SCHEMA "{schema}" CASCADE')
        base = db_url.split("?")[0]
        done = subprocess.run([psql, base, "-v", "ON_ERROR_STOP=1", "-q", "-f", str(target)],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        copy = open_(create=False)
    assert list(copy.records()) == records and list(copy.merged()) == merged
    assert copy.check() == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_backup_without_pg_dump_is_a_clear_error_and_leaves_the_file(open_, db_url, tmp_path, monkeypatch):
    if db_url.endswith(".db"):
        pytest.skip("pg_dump backs up PostgreSQL stores only")
    store = open_()
    target = tmp_path / "backup.sql"
    target.write_text("an older backup")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    with pytest.raises(StoreError, match="pg_dump is not installed.*postgresql-client"):
        store.backup(target)
    assert target.read_text() == "an older backup"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.sql"]


def test_backup_to_a_missing_folder_or_onto_itself_is_refused(open_, db_url, tmp_path):
    store = open_()
    with pytest.raises(StoreError, match="folder .* does not exist"):
        store.backup(tmp_path / "no" / "backup")
    if db_url.endswith(".db"):
        with pytest.raises(StoreError, match="onto itself"):
            store.backup(db_url)


WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from test_maintenance import doc_facts
from communique.store import open_store
with open_store(sys.argv[1]) as store:
    for i in range(100000):
        store.add(doc_facts(f"doc-{i:05d}", f"Texte {i}. " + "Tô Lâm a reçu le président. " * 40))
"""


def test_sqlite_backup_of_a_database_being_written_is_consistent(tmp_path):
    db = tmp_path / "live.db"
    open_store(db).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    writer = subprocess.Popen([sys.executable, str(script), str(db), str(Path(__file__).parent)],
                              stderr=subprocess.PIPE, text=True)
    sizes = []
    try:
        store = open_store(db)
        for n in range(3):
            deadline = time.monotonic() + 60
            while len(store) < 20 * (n + 1) and time.monotonic() < deadline and writer.poll() is None:
                time.sleep(0.05)
            target = tmp_path / f"backup-{n}.db"
            store.backup(target)  # the writer goes on meanwhile
            with open_store(target, create=False) as copy:
                assert copy.check() == []
                per_doc = [len(recs) for _doc, recs in copy.records_by_document()]
                assert per_doc and set(per_doc) == {2}  # every document with all its facts, or not at all
                sizes.append(len(per_doc))
        store.close()
    finally:
        writer.kill()
        _, err = writer.communicate(timeout=30)
    assert writer.returncode == -9, err  # it was still writing: the backups were of a live database
    assert sizes == sorted(sizes) and sizes[0] >= 20


# ----------------------------------------------------------------------------- checks

def test_check_of_a_sound_store_finds_nothing(open_):
    store = open_()
    for doc in ("a", "b"):
        store.add(doc_facts(doc))
    refresh_merged(store)
    assert store.check() == []


def test_check_lists_each_problem_on_one_line(open_):
    store = open_()
    for doc in ("a", "b", "c"):
        store.add(doc_facts(doc))
    refresh_merged(store)
    fid_a, fid_b, fid_c = (table(store, "SELECT f.id FROM facts f JOIN documents d ON d.pk = f.document_pk "
                                        f"WHERE f.kind = 'event' AND d.doc_id = '{doc}'")[0][0] for doc in "abc")
    text_b = doc_facts("b").document.text
    def q(record: dict) -> str:
        return "'" + json.dumps(record).replace("'", "''") + "'"

    past_the_end = q({"kind": "event", "doc": "b", "sources": [
        {"doc": "b", "start": 10, "end": len(text_b) + 5, "text": text_b[10:]}]})
    wrong_text = q({"kind": "event", "doc": "c", "sources": [
        {"doc": "c", "start": 0, "end": 9, "text": "Le prince"}]})
    (key,) = table(store, "SELECT key FROM merged_facts WHERE kind = 'event'")[0]
    ghost = q({"kind": "event", "sources": [{"doc": "zz", "start": 0, "end": 2, "text": "Le"}]})
    execute(store,
            f"UPDATE facts SET record = {past_the_end} WHERE id = {fid_b}",
            f"UPDATE facts SET record = {wrong_text} WHERE id = {fid_c}",
            f"UPDATE facts SET record = '{{not json' WHERE id = {fid_a}",
            "UPDATE documents SET text = text || ' Rectificatif.' WHERE doc_id = 'a'",
            "INSERT INTO facts (document_pk, position, kind, record) VALUES (99999, 0, 'event', '{}')",
            f"UPDATE merged_facts SET record = {ghost} WHERE key = '{key}'")
    problems = store.check()
    expected = [
        "refers to a missing row of documents",
        "document a: its text does not match its sha256",
        f"fact {fid_a} (event of document a): the record is not valid JSON",
        f"fact {fid_b} (event of document b), source 1: offsets 10-{len(text_b) + 5} fall outside the text of b "
        f"({len(text_b)} characters)",
        f"fact {fid_c} (event of document c), source 1: the source text is not the text of c at 0-9",
        f"merged record {key}: type, countries, date_start, merged_fact_countries do not match the "
        "record (run `communique ingest`",
        f"merged record {key}, source 1: document 'zz' is not stored",
    ]
    assert len(problems) == len(expected), problems
    for line, start in zip(problems, expected):
        assert start in line, (line, start)
    assert all("\n" not in p for p in problems)


def test_check_of_a_damaged_sqlite_file_is_a_store_error(tmp_path):
    db = tmp_path / "damaged.db"
    with open_store(db) as store:
        for i in range(40):
            store.add(doc_facts(f"doc-{i}", f"Texte {i}. " + TEXT * 30))
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    for n in range(3, len(data) // page - 1, 2):  # every other page after the schema: garbage
        data[n * page + 100:n * page + 600] = b"\xa5" * 500
    db.write_bytes(bytes(data))
    try:
        with open_store(db, create=False) as store:
            problems = store.check()
    except StoreError as e:
        assert "damaged" in str(e) or "malformed" in str(e)
    else:
        assert problems and all(p.startswith("integrity check: ") and "\n" not in p for p in problems), problems

