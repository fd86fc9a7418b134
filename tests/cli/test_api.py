"""The public Python API of ``communique`` (``communique/__init__.py``)."""
from __future__ import annotations

import logging

import pytest

import communique
from communique.errors import InputError


def test_api_names_in_all_resolve():
    for name in communique.__all__:
        assert getattr(communique, name) is not None, name
    assert set(communique.__all__) <= set(dir(communique))


def test_api_default_size_limit_is_the_ingest_one():
    from communique.ingest import DEFAULT_MAX_BYTES

    assert communique.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES


def test_api_library_logging_is_silent_by_default():
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("communique").handlers)


@pytest.mark.model
def test_api_extract_file_returns_records(pipeline_ready, article):
    records = communique.extract_file(article)  # a Path or a str
    assert any(r["kind"] == "event" for r in records)
    assert {r["doc"] for r in records} == {article.stem}


@pytest.mark.model
def test_api_extract_file_raises_for_an_unreadable_file(pipeline_ready, bad_inputs):
    with pytest.raises(InputError, match="empty file"):
        communique.extract_file(str(bad_inputs["empty"]))


@pytest.mark.model
def test_api_extract_paths_reports_bad_inputs_and_goes_on(pipeline_ready, article, bad_inputs):
    errors: list[InputError] = []
    records = list(communique.extract_paths([str(bad_inputs["missing"]), str(article)], on_error=errors.append))
    assert [e.path for e in errors] == [str(bad_inputs["missing"])]
    assert any(r["kind"] == "event" for r in records)


@pytest.mark.model
def test_api_pipeline_and_store_together(pipeline_ready, article, tmp_path):
    with communique.open_store(tmp_path / "api.db") as store:
        pipeline = communique._pipeline("fr")  # the process-wide communique.Pipeline()
        assert isinstance(pipeline, communique.Pipeline)
        for facts in pipeline.process_paths([str(article)]):
            assert store.add(facts)
        assert isinstance(store, communique.Store)
        assert store.summary().documents == 1
