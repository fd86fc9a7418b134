"""Golden output of every report: what an analyst reads, compared line by line with a reviewed copy.

The database (``conftest.py``) is built from facts written by hand (no model, so the output does not
move when extraction improves), in two documents whose ids a terminal could misread as markup: one
starting with a lower-case letter and one holding brackets.

After a deliberate change of wording, regenerate the copies with
``COMMUNIQUE_UPDATE_GOLDEN=1 python -m pytest tests/query/test_reports_golden.py``, read the diff,
and commit it with the change.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from communique.cli import app
from communique.query import terminal
from communique.store import Summary

GOLDEN = Path(__file__).resolve().parent / "golden"
WIDTH = "100"

def _check(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if os.environ.get("COMMUNIQUE_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden copy {path}: run with COMMUNIQUE_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


REPORTS = {
    "dyad": ["dyad", "Suède", "VNM"],
    "timeline": ["timeline"],
    "actors": ["actors"],
    "actor": ["actor", "ana lindqvist"],
    "conflicts": ["conflicts"],
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_matches_its_reviewed_copy(name, db, monkeypatch):
    monkeypatch.setenv("COLUMNS", WIDTH)
    result = CliRunner().invoke(app, [*REPORTS[name], "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    _check(name, result.stdout)


def test_ingest_summary_matches_its_reviewed_copy():
    s = Summary(documents=2, events_by_type={"visit": 2, "upgrade": 2}, countries={"VNM": 4, "SWE": 4},
                figures=3, persons=2, relations=1, commitments=1)
    console = Console(width=int(WIDTH), record=True, highlight=False, file=open(os.devnull, "w"))
    for r in terminal.summary("golden.db", 2, 0, 1, s):
        console.print(r)
    _check("ingest_summary", console.export_text())


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_source_document_is_named(name, db, monkeypatch):
    """Ids that a terminal could take for markup ("[1]") and lower-case ones print as written."""
    monkeypatch.setenv("COLUMNS", "200")
    out = CliRunner().invoke(app, [*REPORTS[name], "--db", db], catch_exceptions=False).stdout
    if name in ("dyad", "timeline", "conflicts", "actor"):
        assert "le-monde_2024[1]" in out
    if name != "actors":
        assert "article" in out


def test_reports_show_words_not_codes(db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    for args in REPORTS.values():
        out = CliRunner().invoke(app, [*args, "--db", db], catch_exceptions=False).stdout
        for code in ("head_of_state", "comprehensive_partnership", "trade_volume", "person:", "--12-11", "None"):
            assert code not in out, (args, code)
