"""Schema migrations (Alembic) and the merged-records tables, on SQLite and the real PostgreSQL.

A store is created at the newest revision, an older one is upgraded in place without losing
anything, a newer one is refused; ``replace_merged`` / ``replace_conflicts`` replace all or nothing.
Hand-made records only: no spaCy model needed.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from fnmatch import fnmatch
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from communique.errors import StoreError
from communique.records import Document, DocumentFacts, Event, Person, Source
from communique.store import SCHEMA_VERSION, RecordRejected, migrate, open_store, schema, store_url

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def raw_engine(url: str) -> Iterator[sa.Engine]:
    """An engine on the test database that runs no communique checks (to build old or odd databases)."""
    engine = sa.create_engine(store_url(url))
    try:
        yield engine
    finally:
        engine.dispose()


def revision_and_version(url: str) -> tuple[tuple[str, ...], list[int]]:
    with raw_engine(url) as engine, engine.connect() as conn:
        return (migrate.current_revisions(conn),
                conn.execute(sa.text("SELECT version FROM schema_version")).scalars().all())


def table_names(url: str) -> set[str]:
    with raw_engine(url) as engine, engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names())


def index_names(url: str, table: str) -> set[str]:
    with raw_engine(url) as engine, engine.connect() as conn:
        return {ix["name"] for ix in sa.inspect(conn).get_indexes(table)}


def doc_facts(doc_id: str, text: str) -> DocumentFacts:
    src = Source(doc_id, 0, len(text), text)
    return DocumentFacts(
        Document(doc_id, text, path=f"/corpus/{doc_id}.txt", date="2024-03-05", title="Visite d'État"),
        events=[Event(doc_id, [src], type="visit", countries=["FRA", "VNM"], date_start="2024-03-05",
                      guest="FRA", host="VNM", visit_kind="state")],
        persons=[Person(doc_id, [src], name="Tô Lâm", country="VNM")],
    )


def build_revision_0001(url: str, documents: list[DocumentFacts], *, alembic: bool = True) -> None:
    """A database as communique left it at revision 0001 (with ``alembic=False``: as communique 0.1
    made it, before Alembic, without ``alembic_version``), holding ``documents``."""
    with raw_engine(url) as engine, engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        for n, df in enumerate(documents, start=1):
            d = df.document
            conn.execute(sa.text(
                "INSERT INTO documents (doc_id, sha256, path, url, title, date, lang, encoding, text, "
                "ingested_at) VALUES (:doc_id, :sha, :path, NULL, :title, :date, 'fr', 'utf-8', :text, :at)"),
                {"doc_id": d.id, "sha": f"{n:064x}", "path": d.path, "title": d.title, "date": d.date,
                 "text": d.text, "at": dt.datetime(2024, 3, 6, tzinfo=dt.timezone.utc)})
            pk = conn.execute(sa.text("SELECT pk FROM documents WHERE doc_id = :d"), {"d": d.id}).scalar_one()
            for pos, rec in enumerate(df.to_records()):
                conn.execute(sa.text(
                    "INSERT INTO facts (document_pk, position, kind, type, date_start, record) "
                    "VALUES (:pk, :pos, :kind, :type, :start, :record)"),
                    {"pk": pk, "pos": pos, "kind": rec["kind"], "type": rec.get("type"),
                     "start": rec.get("date_start"), "record": json.dumps(rec, ensure_ascii=False)})
        if not alembic:
            conn.execute(sa.text("DROP TABLE alembic_version"))


OLD_DOCS = [doc_facts("hanoi-2024", "Le président français est arrivé à Hanoï le 5 mars pour une visite d'État."),
            doc_facts("đà-nẵng", "Visite à Đà Nẵng : le dirigeant Tô Lâm a reçu la délégation.")]


# ----------------------------------------------------------------------------- creation

def test_fresh_database_is_created_at_head(open_, db_url):
    store = open_()
    assert revision_and_version(db_url) == ((migrate.head(),), [SCHEMA_VERSION])
    assert {"documents", "facts", "merged_facts", "conflicts", "schema_version", "alembic_version"} <= \
        table_names(db_url)
    assert "ix_facts_kind_date_start" in index_names(db_url, "facts")
    assert len(store) == 0 and list(store.merged()) == [] and list(store.conflicts()) == []
    open_().close()  # opening again changes nothing
    assert revision_and_version(db_url) == ((migrate.head(),), [SCHEMA_VERSION])


def test_head_matches_schema_py(open_, db_url):
    """The migrations build exactly the tables, columns and indexes that schema.py declares, and the
    full-text search of documents that it describes (not declared as tables: it depends on the database)."""
    open_().close()
    with raw_engine(db_url) as engine, engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_name": lambda name, type_, _parent: not (type_ in ("table", "index") and name
                                                              and schema.is_search_object(name))})
        assert compare_metadata(ctx, schema.metadata) == []
        if conn.dialect.name == "sqlite":
            assert schema.DOCUMENTS_FTS in sa.inspect(conn).get_table_names()
            triggers = conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
            assert set(triggers) == {"documents_fts_ai", "documents_fts_ad", "documents_fts_au"}
        else:
            assert schema.DOCUMENTS_FTS_INDEX in {ix["name"] for ix in sa.inspect(conn).get_indexes("documents")}


def test_migrations_go_down_and_up_again(open_, db_url):
    open_().close()
    with raw_engine(db_url) as engine, engine.begin() as conn:
        migrate.downgrade(conn, "0001")
    assert revision_and_version(db_url) == (("0001",), [1])
    assert "merged_facts" not in table_names(db_url)
    assert "ix_facts_kind_date_start" not in index_names(db_url, "facts")
    with raw_engine(db_url) as engine, engine.begin() as conn:
        migrate.downgrade(conn, "base")
    assert table_names(db_url) <= {"alembic_version"}
    open_().close()
    assert revision_and_version(db_url) == ((migrate.head(),), [SCHEMA_VERSION])


CONCURRENT_OPEN = """
import sys
from communique.store import open_store
with open_store(sys.argv[1]) as store:
    print(len(store))
"""


def test_concurrent_first_opens_create_the_store_once(db_url, tmp_path):
    script = tmp_path / "opener.py"
    script.write_text(CONCURRENT_OPEN)
    procs = [subprocess.Popen([sys.executable, str(script), db_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err for _, err in outputs]
    assert revision_and_version(db_url) == ((migrate.head(),), [SCHEMA_VERSION])


# ----------------------------------------------------------------------------- upgrades in place

@pytest.mark.parametrize("alembic", [True, False], ids=["revision-0001", "before-alembic"])
@pytest.mark.parametrize("create", [True, False], ids=["create", "no-create"])
def test_older_database_is_upgraded_in_place_keeping_its_data(open_, db_url, alembic, create):
    build_revision_0001(db_url, OLD_DOCS, alembic=alembic)
    assert revision_and_version(db_url) == ((("0001",) if alembic else ()), [1])
    assert "merged_facts" not in table_names(db_url)

    store = open_(create=create)
    assert revision_and_version(db_url) == ((migrate.head(),), [SCHEMA_VERSION])
    assert "ix_facts_kind_date_start" in index_names(db_url, "facts")
    docs = list(store.documents())
    assert [(d.id, d.text, d.path, d.date, d.title) for d in docs] == [
        (df.document.id, df.document.text, df.document.path, df.document.date, df.document.title) for df in OLD_DOCS]
    assert list(store.records()) == [r for df in OLD_DOCS for r in df.to_records()]
    assert store.summary().events_by_type == {"visit": 2}
    # and the upgraded store is fully usable
    assert store.add(doc_facts("nouveau", "Un autre texte, stocké après la mise à niveau.")) is True
    assert len(store) == 3
    assert store.replace_merged("event", [("event:FRA-VNM:2024-03-05", {"kind": "event", "type": "visit"}, 2)]) == 1
    assert list(store.merged()) == [{"kind": "event", "type": "visit"}]


def test_failed_upgrade_changes_nothing(open_, db_url):
    """The migrations run in one transaction: when one step fails, the database stays at 0001."""
    build_revision_0001(db_url, OLD_DOCS)
    with raw_engine(db_url) as engine, engine.begin() as conn:  # in the way of revision 0002
        conn.execute(sa.text("CREATE TABLE conflicts (x INTEGER)"))
    with pytest.raises(StoreError, match="cannot open the database|cannot upgrade"):
        open_()
    assert revision_and_version(db_url) == (("0001",), [1])
    assert "merged_facts" not in table_names(db_url)
    with raw_engine(db_url) as engine, engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM facts")).scalar_one() == 4


# ----------------------------------------------------------------------------- refusals

def test_database_with_a_newer_revision_is_refused(open_, db_url):
    open_().close()
    with raw_engine(db_url) as engine, engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError, match=r"made by a newer communique \(schema revision 0099.*upgrade communique"):
        open_()
    assert revision_and_version(db_url) == (("0099",), [SCHEMA_VERSION])  # left alone


def test_database_with_a_newer_schema_version_is_refused(open_, db_url):
    open_().close()
    with raw_engine(db_url) as engine, engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = :v"), {"v": SCHEMA_VERSION + 1})
    with pytest.raises(StoreError, match="made by a newer communique.*upgrade communique"):
        open_(create=False)


def test_database_of_another_alembic_application_is_refused(open_, db_url):
    with raw_engine(db_url) as engine, engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        conn.execute(sa.text("INSERT INTO alembic_version VALUES ('ae1027a6acf')"))
    with pytest.raises(StoreError, match="not a communique database"):
        open_()


def test_version_marks_that_disagree_are_reported(open_, db_url):
    open_().close()
    with raw_engine(db_url) as engine, engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = 1"))
    with pytest.raises(StoreError, match="damaged: revision .* with schema version 1"):
        open_()


def test_migration_files_ship_in_the_wheel():
    """Every file of the Alembic environment is matched by a package-data pattern of pyproject.toml."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["communique"]
    package = ROOT / "communique"
    files = [p.relative_to(package).as_posix() for p in (package / "store" / "migrations").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    assert {"store/migrations/env.py", "store/migrations/script.py.mako"} <= set(files)
    assert any(f.startswith("store/migrations/versions/0002") for f in files)
    assert [f for f in files if not any(fnmatch(f, pat) for pat in patterns)] == []


# ----------------------------------------------------------------------------- merged records

EVENT_A = {"kind": "event", "type": "visit", "countries": ["FRA", "VNM"], "date_start": "2024-03-05",
           "guest": "FRA", "host": "VNM", "sources": [
               {"doc": "hanoi-2024", "start": 0, "end": 10, "text": "Le président"},
               {"doc": "đà-nẵng", "start": 0, "end": 8, "text": "Visite à Đà Nẵng"}]}
EVENT_B = {"kind": "event", "type": "call", "countries": ["FRA", "DEU"], "date_start": "2024-04", "sources": []}
PERSON = {"kind": "person", "name": "Tô Lâm", "aliases": ["To Lam"], "country": "VNM",
          "roles": [{"role": "head_of_state", "as_of": "2024-05"}], "sources": []}


def merged_rows(url: str) -> list[tuple[str, str, int]]:
    with raw_engine(url) as engine, engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text("SELECT kind, key, n_sources FROM merged_facts ORDER BY id"))]


def test_replace_merged_round_trip(open_, db_url):
    store = open_()
    assert store.replace_merged("event", [("e:b", EVENT_B, 1), ("e:a", EVENT_A, 2)]) == 2
    assert store.replace_merged("person", [("p:to-lam|VNM", PERSON, 3)]) == 1
    assert list(store.merged("event")) == [EVENT_B, EVENT_A]  # in the order given
    assert list(store.merged("person")) == [PERSON]
    assert list(store.merged()) == [EVENT_B, EVENT_A, PERSON]  # by kind
    assert list(store.merged("relation")) == []
    assert merged_rows(db_url) == [("event", "e:b", 1), ("event", "e:a", 2), ("person", "p:to-lam|VNM", 3)]

    # replacing a kind replaces all of it and only it; the same keys may come back
    assert store.replace_merged("event", [("e:a", EVENT_A, 5)]) == 1
    assert list(store.merged()) == [EVENT_A, PERSON]
    assert store.replace_merged("event", []) == 0
    assert list(store.merged()) == [PERSON]
    # another connection sees the same
    assert list(open_().merged()) == [PERSON]


BAD_ROWS = {
    "unserialisable": [("e:1", EVENT_A, 1), ("e:2", {"kind": "event", "location": {"city": object()}}, 1)],
    "nan": [("e:1", EVENT_A, 1), ("e:2", {"kind": "event", "value": float("nan")}, 1)],
    "key-twice": [("e:1", EVENT_A, 1), ("e:1", EVENT_B, 1)],
    "key-of-another-kind": [("e:1", EVENT_A, 1), ("p:to-lam|VNM", EVENT_B, 1)],
    "empty-key": [("", EVENT_A, 1)],
    "bad-n-sources": [("e:1", EVENT_A, "2")],
    "not-a-tuple": [("e:1", EVENT_A)],
    "another-kind": [("e:1", PERSON, 1)],
}


@pytest.mark.parametrize("bad", BAD_ROWS, ids=list(BAD_ROWS))
def test_replace_merged_is_all_or_nothing(open_, db_url, bad):
    store = open_()
    store.replace_merged("event", [("e:old", EVENT_B, 1)])
    store.replace_merged("person", [("p:to-lam|VNM", PERSON, 1)])
    before = merged_rows(db_url)
    with pytest.raises(RecordRejected, match="merged event records.*nothing was replaced"):
        store.replace_merged("event", BAD_ROWS[bad])
    assert merged_rows(db_url) == before
    assert list(store.merged()) == [EVENT_B, PERSON]
    # and the store goes on working
    assert store.replace_merged("event", [("e:new", EVENT_A, 2)]) == 1
    assert list(store.merged("event")) == [EVENT_A]


def test_replace_merged_refuses_a_bad_kind(open_):
    store = open_()
    for kind in ("", None, "x" * 17):
        with pytest.raises(ValueError, match="kind"):
            store.replace_merged(kind, [])


def test_conflicts_round_trip_and_all_or_nothing(open_, db_url):
    store = open_()
    c1 = {"field": "date_start", "values": ["2024-03-05", "2024-03-06"], "docs": ["hanoi-2024", "đà-nẵng"]}
    c2 = {"field": "host", "values": ["VNM", "FRA"]}
    c3 = {"field": "country", "values": ["VNM", None], "name": "Tô Lâm"}
    assert store.replace_conflicts([("event", "e:a", c1), ("event", "e:a", c2), ("person", "p:1", c3)]) == 3
    assert list(store.conflicts()) == [c1, c2, c3]
    assert list(store.conflicts("person")) == [c3]
    with pytest.raises(RecordRejected, match="conflicts, row 2.*nothing was replaced"):
        store.replace_conflicts([("event", "e:b", c2), ("event", "e:c", {"bad": {1, 2}})])
    with pytest.raises(RecordRejected, match="conflicts, row 1"):
        store.replace_conflicts([("", "e:b", c2)])
    assert list(store.conflicts()) == [c1, c2, c3]
    assert store.replace_conflicts([("event", "e:b", c2)]) == 1
    assert list(open_().conflicts()) == [c2]
    assert store.replace_conflicts([]) == 0
    assert list(store.conflicts()) == []


def test_conflicts_are_indexed_by_kind_and_id_going_up_and_by_kind_and_key_going_down(open_, db_url):
    """Revision 0011: the conflicts' index on ``(kind, key)`` (a hash: each conflict written went to a random page of
    it) is one on ``(kind, id)``; the merge state stays (nothing stored changes), and going down gives the old
    index back."""
    store = open_()
    store.add(doc_facts("d1", "Le président a reçu son homologue."))
    from communique.store.merged import update_merged

    update_merged(store)
    state = store.merge_state()
    store.close()
    assert {"ix_conflicts_kind_id"} <= index_names(db_url, "conflicts") and \
        "ix_conflicts_kind_key" not in index_names(db_url, "conflicts")
    with raw_engine(db_url) as engine, engine.begin() as conn:
        migrate.downgrade(conn, "0010")
    assert "ix_conflicts_kind_key" in index_names(db_url, "conflicts")
    assert "ix_conflicts_kind_id" not in index_names(db_url, "conflicts")
    again = open_()
    assert revision_and_version(db_url) == ((migrate.head(),), [SCHEMA_VERSION])
    assert again.merge_state() == state
