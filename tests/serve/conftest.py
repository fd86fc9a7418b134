"""Fixtures of the web tests: a real database built by ingesting the sample corpus (with the real
pipeline) and one article of our own whose text holds markup, on SQLite and on the PostgreSQL
server; a TestClient of the application over it.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import communique
from communique.errors import ModelNotInstalled

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"
PG_URL = os.environ.get("COMMUNIQUE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

#: our own article, whose text holds markup that must show as text and never run
HOSTILE = {
    "id": "note<script>",
    "date": "2024-02-12",
    "title": "<b>Visite</b> <script>alert(1)</script>",
    "text": ("Hanoï, 12 février (Agence) - Le président finlandais a effectué lundi une visite officielle au "
             "Vietnam. <script>document.title='pwned'</script> Les deux pays ont signé un accord sur "
             "l'éducation <img src=x onerror=\"document.title='pwned'\"> et la formation professionnelle. "
             "Le commerce bilatéral a atteint 400 millions de dollars en 2023."),
}


def _facts():
    from communique.ingest import make_document

    pipeline = communique._pipeline("fr")
    errors: list = []
    facts = list(pipeline.process_paths([str(SAMPLES)], on_error=errors.append))
    assert not errors, errors
    doc = make_document(HOSTILE["text"], HOSTILE["id"], meta_date=HOSTILE["date"], title=HOSTILE["title"])
    facts += list(pipeline.process_documents([doc]))
    return facts


@pytest.fixture(scope="session")
def corpus_facts():
    try:
        return _facts()
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")


def _fill(url: str, facts) -> None:
    from communique.store import open_store, refresh_merged

    with open_store(url) as store:
        for f in facts:
            store.add(f)
        refresh_merged(store)


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def web_db(request, tmp_path_factory, corpus_facts) -> Iterator[str]:
    if request.param == "sqlite":
        path = str(tmp_path_factory.mktemp("web") / "web.db")
        _fill(path, corpus_facts)
        yield path
        return
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        pytest.skip(f"PostgreSQL is not reachable at {PG_URL}: {' '.join(str(e).split())}")
    schema = f"communique_web_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    try:
        _fill(url, corpus_facts)
        yield url
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from communique.serve import create_app

    with TestClient(create_app(web_db, token=None)) as c:
        yield c
