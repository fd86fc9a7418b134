"""``communique kb``: the office holders, Wikidata's export turned into a knowledge base."""
from __future__ import annotations

import json
from pathlib import Path

WIKIDATA_CSV = Path(__file__).resolve().parents[1] / "resolve" / "data" / "wikidata-officeholders.csv"


def test_kb_import_writes_a_file_that_checks_and_says_what_it_skipped(run_no_model, tmp_path):
    out = tmp_path / "wd.csv"
    r = run_no_model("kb", "import", WIKIDATA_CSV, "--output", out)
    assert r.exit_code == 0, r.stderr
    assert "3 persons, 5 terms of office; 5 lines of" in r.stderr and "skipped" in r.stderr
    check = run_no_model("actors", "--check", out)
    assert check.exit_code == 0, check.stderr
    verbose = run_no_model("kb", "import", WIKIDATA_CSV, "--output", out, "-v")
    assert "wikidata-officeholders.csv:8: office 'roi'" in verbose.stderr


def test_kb_import_of_a_file_that_is_no_export_is_one_error(run_no_model, tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    r = run_no_model("kb", "import", bad, "--output", tmp_path / "out.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith("error: ") and "x.csv: columns person" in r.stderr
    assert "Traceback" not in r.stderr


def test_kb_holder_on_a_date_and_the_imported_file_overriding_it(run_no_model, tmp_path):
    r = run_no_model("kb", "holder", "Russie", "head_of_state", "--on", "2010-05", "--json")
    assert r.exit_code == 0, r.stderr
    names = [json.loads(line)["name"] for line in r.stdout.splitlines()]
    assert len(names) == 1 and "Medvedev" in names[0]
    out = tmp_path / "wd.csv"
    run_no_model("kb", "import", WIKIDATA_CSV, "--output", out)
    r = run_no_model("kb", "holder", "RUS", "head_of_state", "--on", "2010-05", "--kb", out, "--json")
    assert [json.loads(line)["name"] for line in r.stdout.splitlines()] == ["Dmitri Medvedev"]


def test_kb_holder_unknown_country_is_a_usage_error(run_no_model):
    r = run_no_model("kb", "holder", "Atlantide", "head_of_state")
    assert r.exit_code == 2


def test_kb_query_prints_the_sparql_query(run_no_model):
    r = run_no_model("kb", "query")
    assert r.exit_code == 0 and "SELECT ?person ?personLabel" in r.stdout
