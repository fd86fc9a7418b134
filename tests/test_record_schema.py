"""The record format: what ``extract`` and ``export`` write agrees with the shipped JSON Schema
(``communique/data/record.schema.json``) and with ``docs/record-format.md``.

The real CLI runs on ``samples/corpus`` (extract, then ingest + export merged and --per-document into a
SQLite file) and every line is validated; hand-made wrong records show that the schema rejects what it
should; every field name the outputs hold, and every field the schema allows, must appear in the doc.
"""
from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
DOC = ROOT / "docs" / "record-format.md"
KINDS = {"event", "figure", "relation", "person", "commitment", "organisation"}


# ---------------------------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """The schema as the installed package ships it."""
    text = (resources.files("communique") / "data" / "record.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Iterator[dict[str, list[dict]]]:
    """The records of ``extract``, ``export`` (merged) and ``export --per-document`` on samples/corpus."""
    import communique
    from communique.errors import ModelNotInstalled

    try:
        communique._pipeline("fr").nlp  # noqa: B018
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    from typer.testing import CliRunner

    from communique.cli import app

    logger = logging.getLogger("communique")
    level, handlers = logger.level, list(logger.handlers)
    tmp = tmp_path_factory.mktemp("record_schema")
    db = tmp / "samples.db"
    runner = CliRunner()

    def run(*args: str) -> None:
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr

    try:
        run("extract", SAMPLES, "-o", tmp / "extract.jsonl", "-q")
        run("ingest", SAMPLES, "--db", db, "-q")
        run("export", "--db", db, "-o", tmp / "merged.jsonl", "-q")
        run("export", "--db", db, "--per-document", "-o", tmp / "per_document.jsonl", "-q")
    finally:
        logger.setLevel(level)
        logger.handlers[:] = handlers
    yield {name: [json.loads(line) for line in (tmp / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
           for name in ("extract", "merged", "per_document")}


def _errors(validator, record: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}"
            for e in validator.iter_errors(record)]


# ---------------------------------------------------------------------------------------------- real output

@pytest.mark.model
@pytest.mark.parametrize("name", ["extract", "merged", "per_document"])
def test_every_line_written_is_valid(outputs, validator, name):
    records = outputs[name]
    assert records, f"{name} wrote nothing"
    bad = {i: errs for i, rec in enumerate(records, start=1) if (errs := _errors(validator, rec))}
    assert not bad, f"{name}: {len(bad)} invalid line(s), first: {next(iter(bad.items()))}"


@pytest.mark.model
def test_outputs_hold_every_kind_and_merged_has_no_doc(outputs):
    for name, records in outputs.items():
        assert {r["kind"] for r in records} == KINDS, name
    assert all("doc" not in r for r in outputs["merged"])
    assert all(r.get("doc") for r in outputs["per_document"])
    assert any(len({s["doc"] for s in r["sources"]}) > 1 for r in outputs["merged"]), \
        "no merged record with sources from several documents"


def _field_names(value: Any, out: set[str]) -> set[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            out.add(k)
            _field_names(v, out)
    elif isinstance(value, list):
        for v in value:
            _field_names(v, out)
    return out


@pytest.mark.model
def test_doc_names_every_field_written(outputs, doc_text):
    """Every key written at any depth (records, sources, participants, roles, location) is documented."""
    names: set[str] = set()
    for records in outputs.values():
        for rec in records:
            _field_names(rec, names)
    missing = sorted(n for n in names if f"`{n}`" not in doc_text)
    assert not missing, f"fields written but not in docs/record-format.md: {missing}"


@pytest.mark.model
def test_doc_names_every_value_of_closed_sets_written(outputs, doc_text):
    """The codes written for fields with a closed set of values are documented too."""
    closed = ("type", "visit_kind", "status", "instrument", "level", "metric", "domain", "cameo", "plover",
              "plover_mode", "role", "counterpart")
    seen: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k in closed and isinstance(v, str):
                    seen.add(v)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for records in outputs.values():
        walk(records)
    missing = sorted(v for v in seen if f"`{v}`" not in doc_text)
    assert not missing, f"codes written but not in docs/record-format.md: {missing}"


# ---------------------------------------------------------------------------------------------- the schema and the doc

def _schema_property_names(node: Any, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "properties" and isinstance(v, dict):
                out.update(v)
            _schema_property_names(v, out)
    elif isinstance(node, list):
        for v in node:
            _schema_property_names(v, out)
    return out


def test_doc_names_every_field_the_schema_allows(schema, doc_text):
    missing = sorted(n for n in _schema_property_names(schema, set()) if f"`{n}`" not in doc_text)
    assert not missing, f"fields in the schema but not in docs/record-format.md: {missing}"


def test_schema_ships_in_the_wheel():
    """The schema file is matched by a package-data pattern of pyproject.toml."""
    from fnmatch import fnmatch

    tomllib = pytest.importorskip("tomllib")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["communique"]
    assert any(fnmatch("data/record.schema.json", pat) for pat in patterns)
    extras = pyproject["project"]["optional-dependencies"]["dev"]
    assert any(req.startswith("jsonschema") for req in extras)


def test_doc_examples_are_valid_records(validator, doc_text):
    blocks = re.findall(r"```json\n(.*?)```", doc_text, flags=re.S)
    examples = [json.loads(b) for b in blocks]
    assert {e["kind"] for e in examples} == KINDS, "docs/record-format.md needs an example of each kind"
    for e in examples:
        assert not _errors(validator, e), (e["kind"], _errors(validator, e))


# ---------------------------------------------------------------------------------------------- wrong records

SOURCE = {"doc": "01_indonesie-japon-partenariat", "start": 438, "end": 472, "text": "Arrivé mardi 5 septembre"}
VISIT = {"kind": "event", "doc": "01_indonesie-japon-partenariat", "sources": [SOURCE], "type": "visit",
         "countries": ["JPN", "IDN"],
         "participants": [{"name": "Fumio Kishida", "country": "JPN", "role": "head_of_government"}],
         "date_start": "2023-09-05", "date_end": "2023-09-07", "guest": "JPN", "host": "IDN",
         "visit_kind": "working", "status": "happened", "cameo": "042", "plover": "CONSULT",
         "plover_mode": "visit", "trigger": "Arrivé"}
FIGURE = {"kind": "figure", "sources": [SOURCE], "metric": "trade_volume", "countries": ["IDN", "JPN"],
          "value": 42.1e9, "unit": "USD", "period": "2022", "change_pct": 16.4, "quote": "42,1 milliards de dollars"}
PERSON = {"kind": "person", "sources": [SOURCE], "name": "Fumio Kishida", "aliases": ["Kishida Fumio"],
          "country": "JPN", "roles": [{"role": "head_of_government", "as_of": "2023-09-07", "title": "Premier ministre"}],
          "docs": ["01_indonesie-japon-partenariat"]}


@pytest.mark.parametrize("record", [VISIT, FIGURE, PERSON], ids=["event", "figure", "person"])
def test_the_well_formed_records_are_valid(validator, record):
    assert not _errors(validator, record)


def _with(record: dict, path: tuple, value: Any) -> dict:
    out = copy.deepcopy(record)
    node = out
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    return out


def _without(record: dict, key: str) -> dict:
    return {k: v for k, v in record.items() if k != key}


WRONG = {
    "unknown kind": (_with(VISIT, ("kind",), "evenement"), "kind"),
    "no kind": (_without(VISIT, "kind"), "(record)"),
    "country name instead of code": (_with(VISIT, ("countries",), ["JPN", "Indonésie"]), "countries/1"),
    "lower-case country code": (_with(VISIT, ("host",), "idn"), "host"),
    "two-letter country code": (_with(FIGURE, ("countries",), ["ID", "JPN"]), "countries/0"),
    "participant country misspelt": (_with(VISIT, ("participants", 0, "country"), "JAPAN"), "participants/0/country"),
    "month 13": (_with(VISIT, ("date_start",), "2023-13-05"), "date_start"),
    "day-first date": (_with(VISIT, ("date_end",), "07/09/2023"), "date_end"),
    "unpadded date": (_with(VISIT, ("date_start",), "2023-9-5"), "date_start"),
    "period with a dash": (_with(FIGURE, ("period",), "2021-2022"), "period"),
    "bad as_of": (_with(PERSON, ("roles", 0, "as_of"), "septembre 2023"), "roles/0/as_of"),
    "unknown event type": (_with(VISIT, ("type",), "visite"), "type"),
    "misspelt status": (_with(VISIT, ("status",), "happend"), "status"),
    "misspelt field name": (_with(_without(VISIT, "status"), ("stauts",), "happened"), "(record)"),
    "unknown visit kind": (_with(VISIT, ("visit_kind",), "private"), "visit_kind"),
    "unknown role": (_with(VISIT, ("participants", 0, "role"), "prime_minister"), "participants/0/role"),
    "unknown metric": (_with(FIGURE, ("metric",), "trade"), "metric"),
    "currency symbol as unit": (_with(FIGURE, ("unit",), "$"), "unit"),
    "value as text": (_with(FIGURE, ("value",), "42,1 milliards"), "value"),
    "offset as text": (_with(VISIT, ("sources", 0, "start"), "438"), "sources/0/start"),
    "no sources": (_with(FIGURE, ("sources",), []), "sources"),
    "visit without host": (_without(VISIT, "host"), "(record)"),
    "level on a meeting": (_with(_with(_without(_without(_without(VISIT, "guest"), "host"), "visit_kind"),
                                       ("type",), "meeting"), ("level",), "strategic_partnership"), "(record)"),
}


@pytest.mark.parametrize("name", list(WRONG))
def test_the_schema_rejects_a_wrong_record(validator, name):
    record, where = WRONG[name]
    errors = _errors(validator, record)
    assert errors, f"{name}: accepted"
    assert any(e.startswith(where + ":") for e in errors), f"{name}: errors elsewhere: {errors}"
