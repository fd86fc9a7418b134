"""Fixtures of the store tests: real facts from the sample corpus, and a database on each backend.

``db_url`` runs a test once on a SQLite file and once on the PostgreSQL server at
``COMMUNIQUE_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``), in a schema of its
own that is dropped afterwards; the PostgreSQL run is skipped, with the reason, when the server
cannot be reached.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import communique
from communique.errors import ModelNotInstalled
from communique.records import DocumentFacts
from communique.store import Store, open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"
#: one .txt, the .html page and the .jsonl file (two documents): every input format
SAMPLE_FILES = ["01_indonesie-japon-partenariat.txt", "04_egypte-arabie-saoudite.html",
                "12_asie-pacifique-depeches.jsonl"]
PG_URL = os.environ.get("COMMUNIQUE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def sample_facts() -> list[DocumentFacts]:
    """The facts the real pipeline reads from four sample documents (built once per session)."""
    errors: list = []
    try:
        facts = list(communique._pipeline("fr").process_paths([str(SAMPLES / f) for f in SAMPLE_FILES],
                                                              on_error=errors.append))
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    assert not errors, errors
    assert len(facts) == 4
    return facts


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "communique.db")
        return
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[dev]')")
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        pytest.skip(f"PostgreSQL is not reachable at {PG_URL} (set COMMUNIQUE_TEST_PG): {' '.join(str(e).split())}")
    schema = f"communique_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


@pytest.fixture
def open_(db_url: str) -> Iterator[Callable[..., Store]]:
    """``open_()`` opens the test database; every store opened this way is closed after the test."""
    stores: list[Store] = []

    def opener(url: str = db_url, **kw) -> Store:
        store = open_store(url, **kw)
        stores.append(store)
        return store

    yield opener
    for s in stores:
        s.close()
