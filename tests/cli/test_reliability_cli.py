"""The command line's side of issue 8: what a folder walk skipped is said, exit statuses (0 all done,
1 some inputs failed, counted by reason, 2 usage), --strict, a run started again resumes without
analysing again, and `db backup` / `db check`."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from communique.store import open_store

from .conftest import SAMPLES

OTHER = SAMPLES / "02_france-inde-visite-etat.txt"


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def stderr_lines(result) -> list[str]:
    return result.stderr.splitlines()


@pytest.fixture
def folder(tmp_path: Path, article: Path) -> Path:
    """An article, a picture and a hidden file in a folder."""
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(article, root / article.name)
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / ".notes.txt").write_text("à relire", encoding="utf-8")
    return root


# ----------------------------------------------------------------------------- skipped files

@pytest.mark.model
def test_cli_folder_walk_says_what_it_skipped_and_why(run, folder, tmp_path):
    result = run("ingest", folder, "--db", tmp_path / "c.db")
    assert result.exit_code == 0  # skipping is not failing
    assert stderr_lines(result) == [
        "skipped: 2 files in folders (1 hidden file, 1 unsupported file type .png); -v lists them"]

    verbose = run("extract", folder, "-v")
    assert verbose.exit_code == 0
    lines = stderr_lines(verbose)
    assert f"skipped: {folder / '.notes.txt'}: hidden file" in lines
    assert f"skipped: {folder / 'photo.png'}: unsupported file type .png" in lines
    assert lines[-1] == "skipped: 2 files in folders (1 hidden file, 1 unsupported file type .png)"

    assert run("extract", folder, "-q").stderr == ""


# ----------------------------------------------------------------------------- exit statuses

@pytest.mark.model
def test_cli_some_inputs_failed_is_status_1_with_a_count_per_reason(run, article, bad_inputs, tmp_path):
    empty2 = tmp_path / "empty2.txt"
    empty2.write_bytes(b"")
    result = run("extract", bad_inputs["empty"], article, bad_inputs["binary"], empty2, bad_inputs["missing"])
    assert result.exit_code == 1
    lines = stderr_lines(result)
    assert len(lines) == 5 and all(line.startswith("error: ") for line in lines[:4])
    assert lines[-1] == "failed: 4 inputs (2 empty file, 1 binary file, 1 no such file)"
    assert {r["doc"] for r in jsonl(result.stdout)} == {article.stem}
    assert run("extract", article).exit_code == 0


@pytest.mark.parametrize("args", [
    ["extract", "--no-such-option", "x.txt"],
    ["extract", "x.txt", "--date", "2024-13-01"],
    ["export", "--format", "xml"],
    ["export", "--format", "csv"],  # a table per kind needs --output
    ["extract"],
    ["db", "check", "--no-such-option"],
    ["db", "backup"],
], ids=lambda a: " ".join(a))
def test_cli_usage_errors_are_status_2(run_no_model, args, tmp_path):
    result = run_no_model(*args, *(["--db", tmp_path / "c.db"] if args[0] == "export" else []))
    assert result.exit_code == 2, result.output


# ----------------------------------------------------------------------------- --strict

@pytest.mark.model
def test_cli_extract_strict_stops_at_the_first_bad_input_and_leaves_the_output(run, article, bad_inputs, tmp_path):
    result = run("extract", "--strict", article, bad_inputs["empty"], OTHER)
    assert result.exit_code == 1
    assert stderr_lines(result) == [f"error: {bad_inputs['empty']}: empty file",
                                    "failed: 1 input (1 empty file); stopped there (--strict)"]
    assert {r["doc"] for r in jsonl(result.stdout)} == {article.stem}  # the input before it, not the one after

    out = tmp_path / "facts.jsonl"
    out.write_text("old\n")
    assert run("extract", "--strict", article, bad_inputs["empty"], OTHER, "-o", out, "-q").exit_code == 1
    assert out.read_text() == "old\n" and not list(tmp_path.glob("*.part"))
    assert run("extract", "--strict", article, OTHER, "-o", out).exit_code == 0
    assert {r["doc"] for r in jsonl(out.read_text(encoding="utf-8"))} == {article.stem, OTHER.stem}


@pytest.mark.model
def test_cli_ingest_strict_keeps_what_came_before_and_stops(run, article, bad_inputs, tmp_path):
    db = tmp_path / "c.db"
    result = run("ingest", "--strict", article, bad_inputs["missing"], OTHER, "--db", db, "-q")
    assert result.exit_code == 1
    assert stderr_lines(result) == [f"error: {bad_inputs['missing']}: no such file"]
    with open_store(db) as store:
        assert [d.id for d in store.documents()] == [article.stem]
        assert list(store.merged("event"))  # the merged record follows what was stored
    # a document the store refuses stops it too
    other = tmp_path / "elsewhere" / article.name
    other.parent.mkdir()
    other.write_text(article.read_text(encoding="utf-8") + "\nRectificatif.\n", encoding="utf-8")
    refused = run("ingest", "--strict", other, OTHER, "--db", db)
    assert refused.exit_code == 1
    assert stderr_lines(refused)[-1] == ("failed: 1 input (1 another text is already stored under this document id)"
                                         "; stopped there (--strict)")
    with open_store(db) as store:
        assert [d.id for d in store.documents()] == [article.stem]


# ----------------------------------------------------------------------------- resuming

RESUME = """
import sys
import communique
from communique.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
pipeline = communique._PIPELINES.get("fr")
print("model loaded" if pipeline is not None and pipeline._nlp is not None else "model not loaded")
"""


@pytest.mark.model
def test_cli_ingest_started_again_does_not_analyse_what_is_stored(run, article, tmp_path):
    db = tmp_path / "c.db"
    assert run("ingest", article, "--db", db, "-q").exit_code == 0
    script = tmp_path / "resume.py"
    script.write_text(RESUME)
    done = subprocess.run([sys.executable, str(script), "ingest", str(article), "--db", str(db)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "0 stored, 1 already present, 0 failed" in done.stdout
    assert done.stdout.splitlines()[-1] == "model not loaded"  # nothing to analyse: not even the model


# ----------------------------------------------------------------------------- db backup, db check

@pytest.mark.model
def test_cli_db_check_and_backup(run, article, tmp_path):
    db = tmp_path / "c.db"
    assert run("ingest", article, "--db", db, "-q").exit_code == 0
    ok = run("db", "check", "--db", db)
    assert ok.exit_code == 0 and ok.stdout.strip() == f"{db}: no problems (1 document)" and ok.stderr == ""

    backup = tmp_path / "backup.db"
    done = run("db", "backup", backup, "--db", db)
    assert done.exit_code == 0 and done.stdout.strip() == f"{db} (1 document) backed up to {backup}"
    assert run("db", "check", "--db", backup).exit_code == 0
    assert run("export", "--db", backup).stdout == run("export", "--db", db).stdout
    missing = run("db", "backup", tmp_path / "no" / "b.db", "--db", db)
    assert missing.exit_code == 1
    assert stderr_lines(missing) == [f"error: cannot write the backup {tmp_path / 'no' / 'b.db'}: "
                                     f"folder {tmp_path / 'no'} does not exist"]

    with sqlite3.connect(db) as conn:  # a source past the end of its text, as a faulty program could write
        fid, record = conn.execute("SELECT id, record FROM facts WHERE kind = 'event' ORDER BY id").fetchone()
        rec = json.loads(record)
        rec["sources"][0]["end"] = 10 ** 6
        conn.execute("UPDATE facts SET record = ? WHERE id = ?", (json.dumps(rec), fid))
    bad = run("db", "check", "--db", db)
    assert bad.exit_code == 1 and bad.stdout == ""
    (line,) = stderr_lines(bad)
    assert line.startswith(f"error: {db}: fact {fid} (event of document {article.stem}), source 1: offsets ")
    assert "fall outside the text" in line

    assert run("db", "check", "--db", tmp_path / "none.db").exit_code == 1
