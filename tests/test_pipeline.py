"""The pipeline as a whole: batches, per-document isolation of failures."""
from __future__ import annotations

import pytest

from communique.errors import ExtractionError
from communique.extract import Extractor
from communique.pipeline import Pipeline
from communique.records import Document

pytestmark = pytest.mark.model

TEXT = ("Le président péruvien s'est rendu à La Paz le 4 mars 2024 pour une visite officielle. "
        "Il s'est entretenu avec son homologue bolivien.")


class FailingOn(Extractor):
    """An extractor with a defect on one document: stands for any bug met in a corpus."""

    def __init__(self, bad_id: str):
        super().__init__("fr")
        self.bad_id = bad_id

    def extract(self, document, segments):
        if document.id == self.bad_id:
            raise IndexError("list index out of range")
        return super().extract(document, segments)


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def test_pipeline_a_failing_document_is_reported_and_the_others_go_on(pipeline):
    pipeline._extractors["fr"] = FailingOn("b")
    try:
        errors = []
        docs = [Document(i, TEXT, date="2024-03-05") for i in ("a", "b", "c")]
        out = list(pipeline.process_documents(docs, on_error=errors.append))
    finally:
        pipeline._extractors.pop("fr", None)
    assert [f.document.id for f in out] == ["a", "c"]
    assert len(errors) == 1 and isinstance(errors[0], ExtractionError)
    assert errors[0].path == "b" and "IndexError" in errors[0].problem
    assert any(e.type == "visit" for e in out[0].events)


def test_pipeline_without_error_handler_raises_a_typed_error(pipeline):
    pipeline._extractors["fr"] = FailingOn("a")
    try:
        with pytest.raises(ExtractionError):
            list(pipeline.process_documents([Document("a", TEXT)]))
    finally:
        pipeline._extractors.pop("fr", None)


def test_pipeline_batches_keep_document_order(pipeline):
    docs = [Document(f"d{i}", TEXT, date="2024-03-05") for i in range(5)]
    small = Pipeline(batch_size=2, _nlps={"fr": pipeline.nlp})
    assert [f.document.id for f in small.process_documents(docs)] == [d.id for d in docs]


@pytest.mark.model
def test_extraction_does_not_depend_on_string_hashing(tmp_path):
    # two travellers of two countries named once each: the tie must not be broken by a set's order, which
    # changes with PYTHONHASHSEED from one process to the next
    import os
    import subprocess
    import sys

    (tmp_path / "tie.txt").write_text(
        "Le Premier ministre russe Vladimir Poutine et le président bolivien Evo Morales sont arrivés samedi à "
        "Caracas pour une visite officielle.\n", encoding="utf-8")
    outs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"out{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "communique", "extract", str(tmp_path / "tie.txt"), "--date",
                        "2010-04-04", "-q", "--workers", "1", "--output", str(out)], check=True, env=env)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2] and outs[0]
