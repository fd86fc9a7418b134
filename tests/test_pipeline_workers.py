"""The pipeline in worker processes (same facts, same order, failures isolated), and resuming an output."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from communique.errors import ExtractionError
from communique.extract import Extractor
from communique.pipeline import Pipeline, WorkerCrashed
from communique.records import Document
from communique.resume import completed_documents, partial_path, resumable_output

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"
TEXT = ("Le président péruvien s'est rendu à La Paz le 4 mars 2024 pour une visite officielle. "
        "Il s'est entretenu avec son homologue bolivien.")


class FailingOn(Extractor):
    """An extractor with a defect on one document (inherited by the forked workers)."""

    def __init__(self, bad_id: str):
        super().__init__("fr")
        self.bad_id = bad_id

    def extract(self, document, segments):
        if document.id == self.bad_id:
            raise IndexError("list index out of range")
        return super().extract(document, segments)


class KillsWorkerOn(Extractor):
    """Stands for a worker killed on one document (out of memory, a crash in native code)."""

    def __init__(self, bad_id: str):
        super().__init__("fr")
        self.bad_id = bad_id

    def extract(self, document, segments):
        if document.id == self.bad_id:
            os._exit(1)
        return super().extract(document, segments)


@pytest.fixture(scope="module")
def nlp():
    return Pipeline().nlp


class KillsWorkerWhileAnotherRuns(Extractor):
    """Kills its worker on one document while the document before it is still being analysed in the other worker:
    that one waits (at most a minute) for the marker the killer leaves, so the pool breaks with it in flight."""

    def __init__(self, bad_id: str, slow_id: str, marker: Path):
        super().__init__("fr")
        self.bad_id, self.slow_id, self.marker = bad_id, slow_id, marker

    def extract(self, document, segments):
        if document.id == self.bad_id:
            self.marker.touch()
            os._exit(1)
        if document.id == self.slow_id:
            for _ in range(600):
                if self.marker.exists():
                    break
                time.sleep(0.1)
            time.sleep(0.5)  # (past the killer's exit: the pool is broken while this document is in flight)
        return super().extract(document, segments)


def _docs(ids):
    return [Document(i, TEXT, date="2024-03-05") for i in ids]


@pytest.mark.model
def test_pipeline_workers_give_the_facts_of_one_worker_in_input_order(nlp):
    one = list(Pipeline(_nlps={"fr": nlp}).process_paths([str(SAMPLES)]))
    # small batches: several batches in flight, finishing in any order
    two = list(Pipeline(batch_size=3, _nlps={"fr": nlp}).process_paths([str(SAMPLES)], workers=2))
    assert [f.document.id for f in two] == [f.document.id for f in one]
    assert [f.to_records() for f in two] == [f.to_records() for f in one]
    assert len(one) > 6


@pytest.mark.model
def test_pipeline_workers_report_a_failing_document_and_go_on(nlp):
    pipeline = Pipeline(batch_size=2, _nlps={"fr": nlp}, _extractors={"fr": FailingOn("c")})
    errors = []
    out = list(pipeline.process_documents(_docs("abcde"), on_error=errors.append, workers=2))
    assert [f.document.id for f in out] == ["a", "b", "d", "e"]
    assert len(errors) == 1 and isinstance(errors[0], ExtractionError)
    assert errors[0].path == "c" and "IndexError" in errors[0].problem


@pytest.mark.model
def test_pipeline_workers_without_error_handler_raise_with_the_worker_traceback(nlp):
    pipeline = Pipeline(batch_size=2, _nlps={"fr": nlp}, _extractors={"fr": FailingOn("b")})
    with pytest.raises(ExtractionError) as info:
        list(pipeline.process_documents(_docs("abc"), workers=2))
    assert "IndexError" in str(info.value.__cause__)


@pytest.mark.model
def test_pipeline_workers_strict_stops_at_the_first_failure(nlp):
    pipeline = Pipeline(batch_size=2, _nlps={"fr": nlp}, _extractors={"fr": FailingOn("c")})
    errors = []
    out = list(pipeline.process_documents(_docs("abcdefgh"), on_error=errors.append, strict=True, workers=2))
    assert [f.document.id for f in out] == ["a", "b"]
    assert [e.path for e in errors] == ["c"]


@pytest.mark.model
def test_pipeline_workers_done_documents_are_never_sent_to_a_worker(nlp, tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    asked = []

    def done(d):
        asked.append(d.id)
        return d.id == "b"

    # b would fail if a worker analysed it
    pipeline = Pipeline(batch_size=1, _nlps={"fr": nlp}, _extractors={"fr": FailingOn("b")})
    errors = []
    out = list(pipeline.process_paths([str(tmp_path)], done=done, on_error=errors.append, workers=2))
    assert [f.document.id for f in out] == ["a", "c"]
    assert errors == [] and sorted(asked) == ["a", "b", "c"]


@pytest.mark.model
def test_pipeline_workers_a_killed_worker_is_a_typed_error_after_the_documents_before_it(nlp):
    pipeline = Pipeline(batch_size=1, _nlps={"fr": nlp}, _extractors={"fr": KillsWorkerOn("c")})
    out = []
    with pytest.raises(WorkerCrashed):
        for facts in pipeline.process_documents(_docs("abcdef"), on_error=pytest.fail, workers=2):
            out.append(facts.document.id)
    assert out[:2] == ["a", "b"] and "c" not in out


@pytest.mark.model
def test_pipeline_workers_a_document_in_flight_when_another_kills_its_worker_is_still_yielded(nlp, tmp_path):
    # a dying worker breaks the whole pool: "b", in flight in the other worker, fails with it and is analysed again
    pipeline = Pipeline(batch_size=1, _nlps={"fr": nlp},
                        _extractors={"fr": KillsWorkerWhileAnotherRuns("c", "b", tmp_path / "killed")})
    out = []
    with pytest.raises(WorkerCrashed):
        for facts in pipeline.process_documents(_docs("abcdef"), on_error=pytest.fail, workers=2):
            out.append(facts.document.id)
    assert out == ["a", "b"]


@pytest.mark.model
def test_pipeline_workers_stopping_early_ends_the_workers(nlp):
    gen = Pipeline(batch_size=1, _nlps={"fr": nlp}).process_documents(_docs("abcdefgh"), workers=2)
    assert next(gen).document.id == "a"
    gen.close()  # must not hang, nor raise


# ---------------------------------------------------------------------------------------------- resume

def _recs(doc: str, n: int) -> list[str]:
    return [json.dumps({"kind": "event", "doc": doc, "n": i}) + "\n" for i in range(n)]


def test_resume_partial_output_keeps_all_but_its_last_document(tmp_path):
    lines = _recs("d1", 2) + _recs("d2", 3) + _recs("d3", 2)
    path = tmp_path / "part.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    assert completed_documents(path) == {"d1", "d2"}  # d3 may have had more records
    assert path.read_text(encoding="utf-8") == "".join(lines[:5])


@pytest.mark.parametrize("cut", [1, 10, -1])
def test_resume_partial_output_with_a_line_cut_in_the_middle(tmp_path, cut):
    lines = _recs("d1", 2) + _recs("d2", 2) + _recs("d3", 1)
    path = tmp_path / "part.jsonl"
    path.write_text("".join(lines[:4]) + lines[4][:cut], encoding="utf-8")
    # the line of d3 is cut; d2 is the last whole document seen, so it may be incomplete too
    assert completed_documents(path) == {"d1"}
    assert path.read_text(encoding="utf-8") == "".join(lines[:2])


def test_resume_finished_output_keeps_every_document(tmp_path):
    lines = _recs("d1", 1) + _recs("d2", 2)
    path = tmp_path / "out.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    assert completed_documents(path, finished=True) == {"d1", "d2"}
    assert path.read_text(encoding="utf-8") == "".join(lines)


def test_resume_without_a_readable_record(tmp_path):
    path = tmp_path / "part.jsonl"
    assert completed_documents(path) == set()  # missing
    path.write_text('{"kind": "ev', encoding="utf-8")
    assert completed_documents(path) == set() and path.read_bytes() == b""


def test_resume_interrupted_run_then_resumed_gives_the_output_of_one_run(tmp_path):
    out = tmp_path / "facts.jsonl"
    stream = {"d1": _recs("d1", 2), "d2": _recs("d2", 1), "d3": _recs("d3", 3), "d4": _recs("d4", 1)}
    with pytest.raises(KeyboardInterrupt):
        with resumable_output(out) as (f, done):
            assert done == set()
            for doc in ("d1", "d2"):
                f.writelines(stream[doc])
                f.flush()
            f.write(stream["d3"][0])
            raise KeyboardInterrupt
    assert not out.exists() and partial_path(out).exists()
    analysed = []
    with resumable_output(out) as (f, done):
        for doc, recs in stream.items():
            if doc in done:
                continue
            analysed.append(doc)
            f.writelines(recs)
    assert analysed == ["d3", "d4"]  # d3 had begun: its first record was dropped, then written again
    assert out.read_text(encoding="utf-8") == "".join(r for recs in stream.values() for r in recs)
    assert not partial_path(out).exists()
    # a finished output resumed (e.g. with more inputs): nothing of it is analysed again
    with resumable_output(out) as (f, done):
        assert done == {"d1", "d2", "d3", "d4"}
    assert out.read_text(encoding="utf-8") == "".join(r for recs in stream.values() for r in recs)


def test_resume_the_same_output_twice_at_once_is_refused(tmp_path):
    from communique.resume import OutputBusy

    out = tmp_path / "facts.jsonl"
    with resumable_output(out) as (f, done):
        with pytest.raises(OutputBusy):
            with resumable_output(out):
                pass
        f.writelines(_recs("d1", 1))
    assert out.read_text(encoding="utf-8") == "".join(_recs("d1", 1))


def test_pipeline_workers_without_documents_load_no_model():
    pipeline = Pipeline()
    assert list(pipeline.process_documents([], workers=2)) == []
    assert pipeline._nlps == {}
