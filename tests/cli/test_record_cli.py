"""The commands over the whole record: actors, actor, dyad, timeline, conflicts, export --merged, --kb."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SAMPLES

pytestmark = pytest.mark.model

DISAGREE = {
    "n1.txt": "date 2024-10-02\nVisite en Islande\n\nLe Premier ministre norvégien Jonas Gahr Støre s'est rendu en "
              "Islande le 30 septembre 2024. En 2023, les échanges commerciaux entre la Norvège et l'Islande ont "
              "atteint 1,1 milliard de dollars.\n",
    "n2.txt": "date 2024-10-10\nLa Norvège et l'Islande\n\nLe Premier ministre norvégien Jonas Gahr Støre s'est rendu "
              "en Islande le 8 octobre 2024. En 2023, les échanges commerciaux entre la Norvège et l'Islande ont "
              "atteint 1,6 milliard de dollars.\n",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline_ready) -> Path:
    from typer.testing import CliRunner

    from communique.cli import app

    folder = tmp_path_factory.mktemp("record")
    for name, text in DISAGREE.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "record.db"
    inputs = [SAMPLES / "01_indonesie-japon-partenariat.txt", SAMPLES / "12_asie-pacifique-depeches.jsonl",
              folder / "n1.txt", folder / "n2.txt"]
    result = CliRunner().invoke(app, ["ingest", *map(str, inputs), "--db", str(path), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return path


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_cli_actors_lists_persons_of_a_country(run, db):
    result = run("actors", "--db", db, "--kind", "person", "--country", "Japon", "--json")
    assert result.exit_code == 0, result.stderr
    names = {a["name"] for a in _jsonl(result.stdout)}
    assert names and all(a["country"] == "JPN" for a in _jsonl(result.stdout))
    assert any("Kishida" in n for n in names) and any("Abe" in n for n in names)


def test_cli_actors_table_names_roles_and_documents(run, db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # one actor a line
    result = run("actors", "--db", db, "--kind", "person")
    assert result.exit_code == 0
    assert "Widodo" in result.stdout and "head of state" in result.stdout


def test_cli_actor_found_by_any_spelling(run, db):
    result = run("actor", "joko WIDODO", "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    (actor,) = _jsonl(result.stdout)
    assert actor["name"] == "Joko Widodo" and actor["country"] == "IDN" and actor["sources"]


def test_cli_actor_unknown_is_an_error_line(run, db):
    result = run("actor", "Personne Inconnue", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no actor named")


def test_cli_actors_check_reports_problems_by_line(run, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("persons:\n  - name: Fumio Kishida\n    country: JPN\n    aliases: [Kishida Fumio]\n",
                    encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("persons:\n  - name: Fumio Kishida\n    country: JAPAN\n    roles: [{role: emperor}]\n",
                   encoding="utf-8")
    assert run("actors", "--check", good).exit_code == 0
    result = run("actors", "--check", bad)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(":3:" in x and "JAPAN" in x for x in lines) and any(":4:" in x and "emperor" in x for x in lines)


def test_cli_extract_with_a_knowledge_base_writes_its_canonical_name(run, tmp_path):
    kb = tmp_path / "kb.yaml"
    kb.write_text("persons:\n  - name: Kishida Fumio (岸田文雄)\n    country: JPN\n    aliases: [Fumio Kishida]\n",
                  encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", SAMPLES / "01_indonesie-japon-partenariat.txt", "--kb", kb, "--output", out)
    assert result.exit_code == 0, result.stderr
    recs = _jsonl(out.read_text(encoding="utf-8"))
    persons = [r for r in recs if r["kind"] == "person" and r.get("country") == "JPN"]
    assert any(p["name"] == "Kishida Fumio (岸田文雄)" for p in persons)
    parts = [p["name"] for r in recs if r["kind"] == "event" for p in r.get("participants", [])]
    assert "Kishida Fumio (岸田文雄)" in parts


def test_cli_dyad_level_history_and_figures(run, db):
    result = run("dyad", "Indonésie", "JPN", "--db", db, "--json")
    assert result.exit_code == 0, result.stderr
    (rep,) = _jsonl(result.stdout)
    assert rep["level"] == "comprehensive_strategic_partnership"
    assert any(h["level"] == "diplomatic_relations" for h in rep["history"])
    assert any(f["metric"] == "trade_volume" for f in rep["figures"])
    text = run("dyad", "Indonésie", "Japon", "--db", db).stdout
    assert "Level: comprehensive strategic partnership" in text and "Indonesia (IDN) – Japan (JPN)" in text
    assert "_" not in text.replace("01_indonesie", "")  # no codes of the record, only words


def test_cli_timeline_is_in_date_order(run, db):
    result = run("timeline", "--country", "JPN", "--db", db, "--json")
    assert result.exit_code == 0
    dates = [e["date_start"] for e in _jsonl(result.stdout) if e.get("date_start") and e["date_start"][:1].isdigit()]
    assert dates == sorted(dates) and len(dates) >= 3
    visits = _jsonl(run("timeline", "--country", "JPN", "--type", "visit", "--from", "2023", "--db", db, "--json").stdout)
    assert visits and all(v["type"] == "visit" and v["date_start"] >= "2023" for v in visits)


def test_cli_conflicts_show_both_sides(run, db):
    result = run("conflicts", "--db", db, "--json")
    assert result.exit_code == 0
    found = _jsonl(result.stdout)
    about = {(c["about"], c["field"]) for c in found}
    assert ("event", "date") in about and ("figure", "value") in about
    fig = next(c for c in found if c["about"] == "figure")
    assert len({s["doc"] for s in fig["sources"]}) == 2


def test_cli_export_merged_has_no_doc_and_one_record_per_person(run, db, tmp_path):
    out = tmp_path / "merged.jsonl"
    assert run("export", "--db", db, "--merged", "--output", out).exit_code == 0
    recs = _jsonl(out.read_text(encoding="utf-8"))
    assert recs and all("doc" not in r for r in recs)
    persons = [(r["name"], r.get("country")) for r in recs if r["kind"] == "person"]
    assert len(persons) == len(set(persons))


def test_cli_unknown_country_is_a_usage_error(run, db):
    result = run("timeline", "--country", "Atlantide", "--db", db)
    assert result.exit_code == 2


def test_cli_ingest_keeps_the_merged_record_in_the_database(db):
    from communique.store import open_store

    with open_store(db, create=False) as store:
        events = list(store.merged("event"))
        persons = list(store.merged("person"))
        conflicts = list(store.conflicts())
    assert events and all("doc" not in e for e in events)
    assert len({(p["name"], p.get("country")) for p in persons}) == len(persons)
    assert any(c["about"] == "figure" for c in conflicts)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_export_one_table_per_kind(run, db, tmp_path, fmt):
    result = run("export", "--db", db, "--merged", "--format", fmt, "--output", tmp_path)
    assert result.exit_code == 0, result.stderr
    names = {p.name for p in tmp_path.iterdir()}
    assert {f"events.{fmt}", f"persons.{fmt}", f"figures.{fmt}"} <= names


def test_cli_export_table_format_needs_an_output(run, db):
    assert run("export", "--db", db, "--format", "csv").exit_code == 2


def test_cli_export_is_merged_by_default(run, db, tmp_path):
    plain, merged = tmp_path / "plain.jsonl", tmp_path / "merged.jsonl"
    assert run("export", "--db", db, "--output", plain).exit_code == 0
    assert run("export", "--db", db, "--merged", "--output", merged).exit_code == 0
    assert plain.read_text(encoding="utf-8") == merged.read_text(encoding="utf-8")
