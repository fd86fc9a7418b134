"""The scale options of the commands: --workers, extract --resume, merge, extract --engine dask and load."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SAMPLES

pytestmark = pytest.mark.model

FEW = [SAMPLES / "01_indonesie-japon-partenariat.txt", SAMPLES / "03_bresil-chine-visite-etat.txt",
       SAMPLES / "12_asie-pacifique-depeches.jsonl", SAMPLES / "07_vietnam-cambodge-visite-officielle.txt"]


def test_two_workers_write_what_one_writes(run, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("extract", *FEW, "-o", one, "-q", "--workers", "1").exit_code == 0
    assert run("extract", *FEW, "-o", two, "-q", "--workers", "2").exit_code == 0
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 1000


def test_resume_after_an_interruption_gives_the_file_of_one_run(run, tmp_path):
    whole = tmp_path / "whole.jsonl"
    assert run("extract", *FEW, "-o", whole, "-q").exit_code == 0
    data = whole.read_bytes()
    target = tmp_path / "resumed.jsonl"
    (tmp_path / ".resumed.jsonl.part").write_bytes(data[: len(data) // 2])  # a run killed mid-line
    result = run("extract", *FEW, "-o", target, "--resume", "-v")
    assert result.exit_code == 0, result.stderr
    assert "resuming" in result.stderr and "documents already written" in result.stderr
    assert target.read_bytes() == data
    assert not (tmp_path / ".resumed.jsonl.part").exists()


def test_resume_needs_an_output_file(run):
    result = run("extract", FEW[0], "--resume")
    assert result.exit_code == 2 and "--resume" in result.stderr


def test_merge_updates_only_what_is_new_and_full_recomputes(run, tmp_path):
    db = tmp_path / "m.db"
    assert run("ingest", *FEW[:2], "--db", db, "-q").exit_code == 0
    whole = sorted(run("export", "--db", db).stdout.splitlines())
    assert run("ingest", *FEW[2:], "--db", db, "-q").exit_code == 0  # merged incrementally by ingest
    whole = sorted(run("export", "--db", db).stdout.splitlines())
    nothing = run("merge", "--db", db)
    assert nothing.exit_code == 0 and "0 merge groups recomputed, 0 new facts" in nothing.stdout
    full = run("merge", "--db", db, "--full")
    assert full.exit_code == 0 and "recomputed whole" in full.stdout
    assert sorted(run("export", "--db", db).stdout.splitlines()) == whole


def test_engine_dask_needs_an_output_folder(run):
    result = run("extract", FEW[0], "--engine", "dask")
    assert result.exit_code == 2 and "--output DIR" in result.stderr


def test_engine_dask_then_load_gives_the_record_of_ingest(run, tmp_path):
    pytest.importorskip("distributed", reason="Dask is not installed (pip install 'communique[dask]')")
    out = tmp_path / "parts"
    result = run("extract", *FEW, "--engine", "dask", "--workers", "2", "-o", out, "-q")
    assert result.exit_code == 0, result.stderr
    assert (out / "records").is_dir() and (out / "merged").is_dir()
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    assert run("load", out, "--db", loaded, "-q").exit_code == 0
    assert run("ingest", *FEW, "--db", ingested, "-q").exit_code == 0

    def merged(db: Path) -> list[str]:
        return sorted(run("export", "--db", db).stdout.splitlines())

    assert merged(loaded) == merged(ingested)
