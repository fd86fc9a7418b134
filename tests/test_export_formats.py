"""Export formats: hand-made SCHEMA.md records in, JSON Lines / CSV / Parquet files out, read back."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from communique.errors import CommuniqueError
from communique.export_formats import ExportError, columns, write_csv, write_jsonl, write_parquet

SRC = {"doc": "hanoi-2024", "start": 0, "end": 61,
       "text": "Le président Tô Lâm a reçu à Đà Nẵng le ministre français, « ô combien » attendu."}
VISIT = {"kind": "event", "doc": "hanoi-2024", "sources": [SRC], "type": "visit", "countries": ["FRA", "VNM"],
         "participants": [{"name": "Tô Lâm", "country": "VNM", "role": "head_of_state"},
                          {"name": "Jean-Noël Barrot", "country": "FRA", "role": "foreign_minister"}],
         "date_start": "2024-03-05", "location": {"country": "VNM", "city": "Đà Nẵng"}, "guest": "FRA",
         "host": "VNM", "visit_kind": "official", "status": "happened", "plover": "CONSULT", "confidence": 0.9}
CALL = {"kind": "event", "doc": "berlin", "sources": [], "type": "call", "countries": ["DEU", "FRA"],
        "participants": [], "date_start": "2024-04-02", "date_end": "2024-04-03", "status": "planned"}
TRADE = {"kind": "figure", "doc": "hanoi-2024", "sources": [SRC], "metric": "trade_volume",
         "countries": ["FRA", "VNM"], "value": 4.58e9, "unit": "USD", "period": "2024", "change_pct": 26.1}
TOURISTS = {"kind": "figure", "doc": "hanoi-2024", "sources": [SRC], "metric": "tourist_arrivals",
            "countries": ["VNM"], "value": 120000, "unit": "persons", "period": None, "approximate": True}
RELATION = {"kind": "relation", "doc": "hanoi-2024", "sources": [SRC], "countries": ["FRA", "VNM"],
            "level": "comprehensive_strategic_partnership", "date": "2024-10"}
PERSON = {"kind": "person", "doc": "hanoi-2024", "sources": [SRC], "name": "Tô Lâm", "aliases": ["To Lam"],
          "country": "VNM", "roles": [{"role": "head_of_state", "as_of": "2024-05", "title": "président"}]}
COMMITMENT = {"kind": "commitment", "doc": "hanoi-2024", "sources": [SRC], "countries": ["FRA", "VNM"],
              "domain": "education", "text": "renforcer la coopération « éducative », y compris\nà Hà Nội",
              "date": "2024-03-05"}
ORGANISATION = {"kind": "organisation", "doc": "hanoi-2024", "sources": [SRC],
                "name": "Parti communiste du Việt Nam", "code": "PCV", "country": "VNM", "aliases": ["PCV"]}
RECORDS = [PERSON, VISIT, TRADE, CALL, RELATION, COMMITMENT, TOURISTS, ORGANISATION]
TABLES = ["events", "figures", "relations", "persons", "commitments", "organisations"]


def by_kind(kind: str) -> list[dict]:
    return [r for r in RECORDS if r["kind"] == kind]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ----------------------------------------------------------------------------- columns

def test_columns_known_first_then_the_rest_sorted():
    assert columns("event", by_kind("event")) == [
        "kind", "doc", "type", "countries", "participants", "date_start", "date_end", "location", "guest", "host",
        "visit_kind", "status", "sources", "confidence", "plover"]
    assert columns("figure", by_kind("figure")) == [
        "kind", "doc", "metric", "countries", "value", "unit", "period", "change_pct", "sources", "approximate"]
    assert columns("person", [PERSON]) == ["kind", "doc", "name", "aliases", "country", "roles", "sources"]
    assert columns("rumour", [{"kind": "rumour", "z": 1, "a": 2}]) == ["kind", "a", "z"]


# ----------------------------------------------------------------------------- CSV

def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def assert_cell(cell: str, value) -> None:
    if value is None:
        assert cell == ""
    elif isinstance(value, str):
        assert cell == value
    elif isinstance(value, bool):
        assert cell == ("true" if value else "false")
    else:  # numbers, lists, dicts: JSON
        assert json.loads(cell) == value


def test_csv_one_file_per_kind_round_trip(tmp_path):
    paths = write_csv(RECORDS, tmp_path)
    assert paths == [tmp_path / f"{t}.csv" for t in TABLES]
    assert listing(tmp_path) == sorted(f"{t}.csv" for t in TABLES)  # no temp file left
    for path in paths:
        kind = path.stem[:-1]
        header, rows = read_csv(path)
        recs = by_kind(kind)
        assert header == columns(kind, recs)
        assert len(rows) == len(recs)
        for row, rec in zip(rows, recs):
            for col in header:
                assert_cell(row[col], rec.get(col))


def test_csv_keeps_unicode_and_awkward_text(tmp_path):
    write_csv(RECORDS, tmp_path)
    raw = (tmp_path / "persons.csv").read_bytes()
    assert "Tô Lâm".encode() in raw and not raw.startswith(b"\xef\xbb\xbf")
    _, [person] = read_csv(tmp_path / "persons.csv")
    assert person["name"] == "Tô Lâm"
    assert json.loads(person["sources"])[0]["text"] == SRC["text"]  # é, ô, đ, « »
    _, [commitment] = read_csv(tmp_path / "commitments.csv")
    assert commitment["text"] == COMMITMENT["text"]  # quotes, comma, newline, ộ
    _, [org] = read_csv(tmp_path / "organisations.csv")
    assert org["name"] == "Parti communiste du Việt Nam"
    _, events = read_csv(tmp_path / "events.csv")
    assert json.loads(events[0]["location"]) == {"country": "VNM", "city": "Đà Nẵng"}


def test_csv_prefix_destination(tmp_path):
    assert write_csv([VISIT, PERSON], tmp_path / "facts") == [tmp_path / "facts.events.csv",
                                                               tmp_path / "facts.persons.csv"]
    assert write_csv([RELATION], tmp_path / "other.csv") == [tmp_path / "other.relations.csv"]
    assert listing(tmp_path) == ["facts.events.csv", "facts.persons.csv", "other.relations.csv"]


def test_empty_kinds_produce_no_file(tmp_path):
    assert write_csv([VISIT, CALL], tmp_path) == [tmp_path / "events.csv"]
    assert write_parquet([TRADE], tmp_path) == [tmp_path / "figures.parquet"]
    assert listing(tmp_path) == ["events.csv", "figures.parquet"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert write_csv([], empty) == [] and write_parquet(iter([]), empty) == []
    assert listing(empty) == []


# ----------------------------------------------------------------------------- Parquet

def test_parquet_one_file_per_kind_round_trip(tmp_path):
    paths = write_parquet(iter(RECORDS), tmp_path)  # any iterable
    assert paths == [tmp_path / f"{t}.parquet" for t in TABLES]
    assert listing(tmp_path) == sorted(f"{t}.parquet" for t in TABLES)
    for path in paths:
        kind = path.stem[:-1]
        table = pq.read_table(path)
        recs = by_kind(kind)
        assert table.column_names == columns(kind, recs)
        json_cols = set(json.loads(table.schema.metadata[b"communique.json_columns"]))
        for got, rec in zip(table.to_pylist(), recs, strict=True):
            decoded = {k: json.loads(v) if k in json_cols and v is not None else v for k, v in got.items()}
            assert decoded == {col: rec.get(col) for col in table.column_names}


def test_parquet_column_types(tmp_path):
    write_parquet(RECORDS, tmp_path)
    events = pq.read_table(tmp_path / "events.parquet").schema
    assert events.field("countries").type == pa.list_(pa.string())
    assert events.field("participants").type == pa.string()
    assert events.field("participants").metadata == {b"communique.encoding": b"json"}
    assert events.field("location").type == pa.string() and events.field("sources").type == pa.string()
    assert events.field("confidence").type == pa.float64()
    assert events.field("date_start").type == pa.string()
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert figures.schema.field("value").type == pa.float64()  # 4.58e9 and 120000
    assert figures.column("value").to_pylist() == [4.58e9, 120000.0]
    assert figures.schema.field("approximate").type == pa.bool_()
    assert figures.column("approximate").to_pylist() == [None, True]
    persons = pq.read_table(tmp_path / "persons.parquet")
    assert persons.column("name").to_pylist() == ["Tô Lâm"]
    assert json.loads(persons.column("roles")[0].as_py()) == PERSON["roles"]
    assert pq.read_table(tmp_path / "organisations.parquet").column("name").to_pylist() == [
        "Parti communiste du Việt Nam"]


# ----------------------------------------------------------------------------- JSON Lines

def test_jsonl_to_a_path_and_a_stream(tmp_path):
    path = tmp_path / "facts.jsonl"
    assert write_jsonl(RECORDS, path) == len(RECORDS)
    text = path.read_text(encoding="utf-8")
    assert "Tô Lâm" in text and "Đà Nẵng" in text  # not \\u-escaped
    assert [json.loads(line) for line in text.splitlines()] == RECORDS
    out = io.StringIO()
    assert write_jsonl(iter(RECORDS), out) == len(RECORDS)
    assert out.getvalue() == text
    assert listing(tmp_path) == ["facts.jsonl"]


# ----------------------------------------------------------------------------- errors and atomicity

BROKEN = dict(CALL, participants=[{"name": "X", "country": object()}])


@pytest.mark.parametrize("write", [write_csv, write_parquet], ids=["csv", "parquet"])
def test_error_leaves_no_partial_file(tmp_path, write):
    ext = "csv" if write is write_csv else "parquet"
    old = tmp_path / f"events.{ext}"
    old.write_text("the previous export\n")
    records = [TRADE, VISIT, VISIT, BROKEN, VISIT, PERSON]  # figures and persons are fine
    with pytest.raises(ExportError, match=rf"cannot write .*events\.{ext}: event record 3, field 'participants'"):
        write(records, tmp_path)
    assert listing(tmp_path) == [f"events.{ext}"]  # no temp file, no figures or persons file
    assert old.read_text() == "the previous export\n"


def test_jsonl_error_leaves_no_partial_file(tmp_path):
    path = tmp_path / "facts.jsonl"
    path.write_text("old\n")
    with pytest.raises(ExportError, match="record 3 cannot be written as JSON"):
        write_jsonl([VISIT, CALL, BROKEN, PERSON], path)
    assert listing(tmp_path) == ["facts.jsonl"]
    assert path.read_text() == "old\n"


@pytest.mark.parametrize("write", [write_csv, write_parquet, write_jsonl], ids=["csv", "parquet", "jsonl"])
def test_unwritable_destination_raises_export_error(tmp_path, write):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    with pytest.raises(ExportError, match="is not a folder") as info:
        write([VISIT], a_file / "facts")
    assert isinstance(info.value, CommuniqueError)
    with pytest.raises(ExportError, match="does not exist"):
        write([VISIT], tmp_path / "no-such-folder" / "facts")
    # the file to write is a folder
    (tmp_path / "events.csv").mkdir()
    (tmp_path / "events.parquet").mkdir()
    dest = tmp_path / "events.csv" if write is write_jsonl else tmp_path
    with pytest.raises(ExportError, match="it is a folder"):
        write([VISIT], dest)


@pytest.mark.parametrize("write", [write_csv, write_parquet, write_jsonl], ids=["csv", "parquet", "jsonl"])
def test_permission_denied_raises_export_error(tmp_path, monkeypatch, write):
    """What a read-only folder does (simulated: the tests may run as root, who can write anywhere)."""
    def refuse(*_a, **_kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(ExportError, match=r"cannot write .*: Permission denied"):
        write([VISIT, PERSON], tmp_path / "out.jsonl" if write is write_jsonl else tmp_path)
    assert listing(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_only_folder_raises_export_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="Permission denied"):
            write_csv([VISIT], folder)
    finally:
        folder.chmod(0o700)


def test_folder_destination_is_created(tmp_path):
    written = write_csv([VISIT], f"{tmp_path}/tables/2024/")
    assert [p.parent for p in written] == [tmp_path / "tables" / "2024"]
    assert written[0].read_text(encoding="utf-8").startswith("kind,doc,type,")


def test_folder_that_cannot_be_created_is_named(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="cannot create the folder .*file/sub/"):
        write_csv([VISIT], f"{tmp_path}/file/sub/")


def test_record_without_a_kind_is_refused(tmp_path):
    with pytest.raises(ExportError, match="record 2 has no usable kind"):
        write_csv([VISIT, {"doc": "x"}], tmp_path)
    with pytest.raises(ExportError, match="record 1 has no usable kind"):
        write_parquet([{"kind": "../../etc/passwd"}], tmp_path)
    assert listing(tmp_path) == []
