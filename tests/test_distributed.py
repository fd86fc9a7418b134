"""The pipeline on Dask (``communique.distributed``): the same documents, records, merged record,
conflicts and stored record as on one machine.

Hand-made records (no model) check the merge group-by and the load on a thread-based cluster; the
sample corpus (``model`` marker) goes through a ``LocalCluster`` of two worker processes.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from communique.distributed import (ExportError, _write_partition, blocking_key, document_facts,  # noqa: E402
                                    extract_to_parquet, load_parquet, merge_parquet, read_merged,
                                    read_merged_rows, read_records, record_to_fact)
from communique.errors import ModelNotInstalled  # noqa: E402
from communique.merge import merge_records  # noqa: E402
from communique.records import Document  # noqa: E402
from communique.store import merged_rows, open_store, refresh_merged  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"


# ---------------------------------------------------------------------------------------------- hand-made

def src(doc, start=0, text="Une phrase."):
    return {"doc": doc, "start": start, "end": start + len(text), "text": text}


def visit(doc, start, guest="CHL", host="ARG", at=0, people=()):
    return {"kind": "event", "doc": doc, "sources": [src(doc, at)], "type": "visit", "countries": [guest, host],
            "participants": [{"name": n, "country": c, "role": None} for n, c in people],
            "date_start": start, "guest": guest, "host": host, "status": "happened"}


def upgrade(doc, country):
    return {"kind": "event", "doc": doc, "sources": [src(doc)], "type": "upgrade", "countries": ["VNM", country],
            "participants": [], "date_start": "1950-01-30", "level": "diplomatic_relations", "status": "happened"}


def person(doc, name, country, role="head_of_state", as_of=None):
    return {"kind": "person", "doc": doc, "sources": [src(doc)], "name": name, "country": country,
            "roles": [{"role": role, "as_of": as_of}]}


def figure(doc, value):
    return {"kind": "figure", "doc": doc, "sources": [src(doc)], "metric": "trade_volume", "countries": ["CHL", "ARG"],
            "value": value, "unit": "USD", "period": "2023"}


def relation(doc):
    return {"kind": "relation", "doc": doc, "sources": [src(doc)], "countries": ["CHL", "ARG"],
            "level": "strategic_partnership"}


def commitment(doc, text="renforcer la coopération énergétique"):
    return {"kind": "commitment", "doc": doc, "sources": [src(doc)], "countries": ["ARG", "CHL"], "domain": "energy",
            "text": text}


def organisation(doc, name="Mercosur", code="MERCOSUR"):
    return {"kind": "organisation", "doc": doc, "sources": [src(doc)], "name": name, "code": code}


#: documents in four partitions: one visit told in two partitions, the Soviet Union and Russia as one
#: party, a date conflict, a figure conflict, a misspelt name, a role conflict, two events of one
#: document alike but for their sources (two keys ``k`` and ``k#1``)
HAND_MADE = [
    [("a", "2024-03-05", [person("a", "Gabriel Boric", "CHL", as_of="2024-03"), person("a", "Ilham Aliyev", "AZE"),
                          visit("a", "2024-03-04", people=[("Gabriel Boric", "CHL")]),
                          visit("a", "2024-05-01", at=10), visit("a", "2024-05-01", at=40),
                          upgrade("a", "SUN"), figure("a", 4.2e9), relation("a"), commitment("a"),
                          organisation("a")])],
    [("b", "2024-03-20", [person("b", "Gabriel Boric", "CHL", "foreign_minister", as_of="2024-03"),
                          person("b", "Inham Aliyev", "AZE"), visit("b", "2024-03-04"), upgrade("b", "RUS"),
                          figure("b", 4.25e9), relation("b"), commitment("b"), organisation("b", "le Mercosur")])],
    [("c", None, [visit("c", "2024-03-12"), figure("c", 5.1e9), commitment("c", "autre chose")]),
     ("d", "2024-04-01", [])],
    [],
]


def _by_document():
    return [(d, date, recs) for part in HAND_MADE for d, date, recs in part]


def _document(doc_id, date):
    return Document(id=doc_id, text=f"Le texte du document {doc_id}.", date=date, lang="fr", path=f"/in/{doc_id}.txt")


@pytest.fixture(scope="module")
def thread_client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture
def hand_made(tmp_path):
    """Partitions as ``extract_to_parquet`` writes them, from the hand-made records."""
    out = tmp_path / "parts"
    for i, part in enumerate(HAND_MADE):
        _write_partition(str(out), i, [document_facts(_document(d, date), recs) for d, date, recs in part])
    (out / "_manifest.json").write_text(json.dumps({"run_id": "hand-made"}))
    return out


def test_distributed_records_come_back_typed_and_unchanged():
    for _doc, _date, recs in _by_document():
        for rec in recs:
            assert record_to_fact(rec).to_record() == rec
            assert type(record_to_fact(rec)).__name__ != "_StoredFact"


def test_distributed_blocking_key_ignores_date_and_order_of_countries_and_folds_successors():
    assert blocking_key(visit("a", "2024-03-04")) == blocking_key(visit("b", "2025-01-01"))
    assert blocking_key(upgrade("a", "SUN")) == blocking_key(upgrade("b", "RUS"))
    assert blocking_key(commitment("a")) == blocking_key(dict(commitment("a"), countries=["CHL", "ARG"]))
    assert blocking_key(visit("a", "2024-03-04")) != blocking_key(visit("a", "2024-03-04", guest="ARG", host="PER"))
    assert blocking_key(person("a", "X", "CHL")) is None


def test_distributed_partitions_give_back_documents_and_records(hand_made):
    got = [(d.id, d.date, recs) for d, recs in read_records(hand_made)]
    assert got == _by_document()


@pytest.mark.parametrize("partitions", [None, 1, 5])
def test_distributed_merge_equals_merge_records_with_keys_and_conflicts(hand_made, thread_client, partitions):
    summary = merge_parquet(hand_made, client=thread_client, partitions=partitions)
    assert len(list((hand_made / "merged").glob("part-*.parquet"))) == summary.partitions
    expected = merge_records(_by_document())
    rows, conflicts = merged_rows(expected)
    assert read_merged_rows(hand_made) == (rows, conflicts)
    assert read_merged(hand_made) == expected
    # what the hand-made records are there for
    assert len(expected.events) == 5 and any("#1" in k for k, _, _ in rows["event"])
    assert sorted((c["about"], c["field"]) for c in expected.conflicts) == [
        ("event", "date"), ("figure", "value"), ("person", "name"), ("person", "role")]
    assert summary.documents == 4 and summary.conflicts == 4
    assert sum(summary.merged.values()) == sum(len(r) for r in rows.values())


def _stored(url):
    with open_store(url) as store:
        return ([(d.id, d.date, d.text, recs) for d, recs in store.records_by_document()], list(store.merged()),
                list(store.conflicts()), len(store))


def _single_machine_store(url, facts, kb=None):
    with open_store(url) as store:
        for f in facts:
            store.add(f)
        refresh_merged(store, kb)
    return _stored(url)


def test_distributed_load_equals_storing_on_one_machine(hand_made, thread_client, tmp_path):
    expected = _single_machine_store(tmp_path / "one.db",
                                     [document_facts(_document(d, date), recs) for d, date, recs in _by_document()])
    # without merged/: the store merges
    assert load_parquet(hand_made, tmp_path / "refresh.db") == (4, 0)
    assert _stored(tmp_path / "refresh.db") == expected
    # with merged/: the partitions' merged record is stored as it is
    merge_parquet(hand_made, client=thread_client)
    assert load_parquet(hand_made, tmp_path / "merged.db") == (4, 0)
    assert _stored(tmp_path / "merged.db") == expected
    assert load_parquet(hand_made, tmp_path / "merged.db") == (0, 4)
    assert _stored(tmp_path / "merged.db") == expected


def test_distributed_merged_partitions_of_another_extraction_are_not_loaded(hand_made, thread_client, tmp_path):
    merge_parquet(hand_made, client=thread_client)
    (hand_made / "_manifest.json").write_text(json.dumps({"run_id": "another run"}))
    # stale merged records: the store computes its own
    manifest = hand_made / "merged" / "_manifest.json"
    m = json.loads(manifest.read_text())
    shutil.copy(hand_made / "merged" / "part-0000.parquet", hand_made / "merged" / "part-0009.parquet")
    assert m["run_id"] == "hand-made"
    load_parquet(hand_made, tmp_path / "x.db")
    expected = _single_machine_store(tmp_path / "one.db",
                                     [document_facts(_document(d, date), recs) for d, date, recs in _by_document()])
    assert _stored(tmp_path / "x.db") == expected


def test_distributed_extract_collects_input_errors_and_goes_on(tmp_path, thread_client):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "german.txt").write_text("Das ist ein deutscher Text, der von nichts Besonderem handelt.\n")
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF")
    seen = []
    summary = extract_to_parquet([tmp_path / "in", tmp_path / "missing.txt"], tmp_path / "out",
                                 scheduler=thread_client.scheduler.address, on_error=seen.append)
    assert summary.documents == 0 and summary.partitions == 1
    assert sorted(e.path for e in summary.errors) == sorted([str(tmp_path / "in" / "german.txt"),
                                                             str(tmp_path / "missing.txt")])
    assert sorted(map(str, seen)) == sorted(map(str, summary.errors))
    assert [s.path for s in summary.skipped] == [str(tmp_path / "in" / "notes.pdf")]
    assert list(read_records(tmp_path / "out")) == []
    with pytest.raises(ExportError):
        extract_to_parquet([tmp_path / "in"], tmp_path / "out", client=thread_client)


# ---------------------------------------------------------------------------------------------- the model

ARTICLES = [  # from tests/merge/test_articles.py: a date conflict and a figure conflict
    {"id": "b1", "date": "2024-10-02", "text": "Visite du Premier ministre norvégien en Islande\n\n"
     "Le Premier ministre norvégien Jonas Gahr Støre s'est rendu en Islande le 30 septembre 2024. "
     "En 2023, les échanges commerciaux entre la Norvège et l'Islande ont atteint 1,1 milliard de dollars.\n"},
    {"id": "b2", "date": "2024-10-10", "text": "La Norvège et l'Islande renforcent leur coopération\n\n"
     "Le Premier ministre norvégien Jonas Gahr Støre s'est rendu en Islande le 8 octobre 2024. "
     "En 2023, les échanges commerciaux entre la Norvège et l'Islande ont atteint 1,6 milliard de dollars.\n"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The sample corpus, two articles that disagree, a German text and a second file with an id
    already read (in a later partition)."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, root / "corpus")
    with (root / "corpus" / "13_norvege-islande.jsonl").open("w", encoding="utf-8") as fh:
        for a in ARTICLES:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    (root / "corpus" / "14_german.txt").write_text("Das ist ein deutscher Text, der von nichts Besonderem handelt.\n")
    (root / "corpus" / "sub").mkdir()
    shutil.copy(SAMPLES / "02_france-inde-visite-etat.txt",
                root / "corpus" / "sub" / "01_indonesie-japon-partenariat.txt")
    return root / "corpus"


@pytest.fixture(scope="module")
def one_machine(corpus):
    from communique.pipeline import Pipeline

    errors: list = []
    try:
        facts = list(Pipeline().process_paths([str(corpus)], on_error=errors.append))
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    return facts, errors


@pytest.fixture(scope="module")
def on_cluster(corpus, one_machine, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask") / "out"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
        summary = extract_to_parquet([corpus], out, client=client, files_per_task=4)
        merge_parquet(out, client=client)
    return out, summary


@pytest.mark.model
def test_distributed_extract_gives_the_records_of_one_machine(one_machine, on_cluster):
    facts, errors = one_machine
    out, summary = on_cluster
    assert summary.partitions == 4 and summary.documents == len(facts) == 15
    assert [(d.id, d.date, d.text, d.path, recs) for d, recs in read_records(out)] == [
        (f.document.id, f.document.date, f.document.text, f.document.path, f.to_records()) for f in facts]
    assert sorted(map(str, summary.errors)) == sorted(map(str, errors)) and len(errors) == 2


@pytest.mark.model
def test_distributed_merge_gives_the_merged_record_of_one_machine(one_machine, on_cluster):
    facts, _ = one_machine
    out, _ = on_cluster
    expected = merge_records([(f.document.id, f.document.date, f.to_records()) for f in facts])
    assert read_merged(out) == expected
    assert read_merged_rows(out) == merged_rows(expected)
    assert {c["about"] for c in expected.conflicts} >= {"event", "figure"}


@pytest.mark.model
def test_distributed_load_gives_the_store_of_one_machine(one_machine, on_cluster, tmp_path):
    facts, _ = one_machine
    out, _ = on_cluster
    assert load_parquet(out, tmp_path / "dask.db") == (len(facts), 0)
    assert _stored(tmp_path / "dask.db") == _single_machine_store(tmp_path / "one.db", facts)
