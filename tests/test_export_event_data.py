"""Event-data export: hand-made merged event records in, PLOVER JSON Lines and GDELT-ordered CAMEO TSV out."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from communique.errors import CommuniqueError
from communique.export_formats import (
    CAMEO_COLUMNS, ExportError, cameo_rows, date_precision, plover_records, write_cameo_tsv, write_plover,
)


def src(doc: str, start: int = 0, text: str = "Une phrase inventée pour le test.") -> dict:
    return {"doc": doc, "start": start, "end": start + len(text), "text": text}


STATE_VISIT = {"kind": "event", "sources": [src("hanoi-1"), src("hanoi-2", 40), src("hanoi-2", 90)],
               "type": "visit", "countries": ["FRA", "VNM"],
               "participants": [{"name": "Jean Dupont", "country": "FRA", "role": "foreign_minister"},
                                {"name": "Tô Lâm", "country": "VNM", "role": "head_of_state"},
                                {"name": "Lê Văn B", "country": "VNM", "role": "minister"}],
               "date_start": "2024-03-05", "date_end": "2024-03-07", "location": {"country": "VNM", "city": "Hà Nội"},
               "guest": "FRA", "host": "VNM", "visit_kind": "state", "status": "happened", "cameo": "042",
               "plover": "CONSULT", "plover_mode": "visit"}
CALL = {"kind": "event", "sources": [src("berlin")], "type": "call", "countries": ["DEU", "POL"],
        "participants": [], "date_start": "2024-04-02", "status": "happened"}
AGREEMENT = {"kind": "event", "sources": [src("pekin")], "type": "agreement", "countries": ["BRA", "CHN"],
             "participants": [{"name": "Luiz Inácio Lula da Silva", "country": "BRA", "role": "head_of_state"}],
             "date_start": "2023-04", "count": 15, "instrument": "agreement", "status": "happened"}
UPGRADE = {"kind": "event", "sources": [src("ottawa")], "type": "upgrade", "countries": ["CAN", "MEX"],
           "participants": [], "date_start": "1944", "level": "diplomatic_relations"}  # no status: happened
PLANNED = {"kind": "event", "sources": [src("rabat")], "type": "visit", "countries": ["MAR", "SEN"],
           "participants": [], "date_start": "2025-01-10", "guest": "SEN", "host": "MAR",
           "visit_kind": "official", "status": "planned"}
UNDATED = {"kind": "event", "sources": [src("seoul")], "type": "meeting", "countries": ["KOR", "MNG"],
           "participants": [{"name": "Sans Pays", "country": None, "role": None}], "date_start": None,
           "status": "happened"}
YEARLESS = {"kind": "event", "sources": [src("tachkent")], "type": "meeting", "countries": ["TUR", "UZB"],
            "participants": [], "date_start": "--12-11", "status": "happened"}
FIGURE = {"kind": "figure", "sources": [src("hanoi-1")], "metric": "trade_volume", "countries": ["FRA", "VNM"],
          "value": 1e9, "unit": "USD", "period": "2024"}
RECORDS = [STATE_VISIT, FIGURE, CALL, AGREEMENT, UPGRADE, PLANNED, UNDATED, YEARLESS]


def rows_of(records: list[dict]) -> list[dict[str, str]]:
    header, *rows = list(cameo_rows(records))
    assert header == list(CAMEO_COLUMNS)
    return [dict(zip(header, r)) for r in rows]


# ----------------------------------------------------------------------------- CAMEO / GDELT layout

def test_cameo_header_is_the_gdelt_1_event_table():
    assert len(CAMEO_COLUMNS) == 58
    assert CAMEO_COLUMNS[:7] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code",
                                 "Actor1Name")
    assert CAMEO_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert CAMEO_COLUMNS.index("EventCode") == 26


def test_cameo_every_row_has_the_header_width():
    rows = list(cameo_rows(RECORDS))
    assert all(len(r) == len(CAMEO_COLUMNS) for r in rows)
    assert all(isinstance(c, str) for r in rows for c in r)


def test_cameo_visit_gives_a_visit_row_and_a_host_row():
    guest, host = rows_of([STATE_VISIT])
    assert (guest["Actor1CountryCode"], guest["Actor2CountryCode"], guest["EventCode"]) == ("FRA", "VNM", "042")
    assert (host["Actor1CountryCode"], host["Actor2CountryCode"], host["EventCode"]) == ("VNM", "FRA", "043")
    assert (guest["GoldsteinScale"], host["GoldsteinScale"]) == ("1.9", "2.8")
    assert guest["QuadClass"] == host["QuadClass"] == "1"
    assert (guest["EventBaseCode"], guest["EventRootCode"]) == ("042", "04")
    # the side is named after its highest-ranking participant, with that person's sector
    assert (guest["Actor1Code"], guest["Actor1Name"], guest["Actor1Type1Code"]) == ("FRAGOV", "Jean Dupont", "GOV")
    assert (guest["Actor2Code"], guest["Actor2Name"]) == ("VNMGOV", "Tô Lâm")
    assert guest["ActionGeo_Type"] == "4" and guest["ActionGeo_FullName"].startswith("Hà Nội, ")
    assert guest["ActionGeo_CountryCode"] == ""  # GDELT's are FIPS codes: left empty
    assert int(host["GLOBALEVENTID"]) == int(guest["GLOBALEVENTID"]) + 1


@pytest.mark.parametrize("record, code, goldstein", [(CALL, "041", "1.0"), (AGREEMENT, "057", "8.0"),
                                                     (UPGRADE, "057", "8.0"), (UNDATED, "040", "1.0")])
def test_cameo_symmetric_events_give_both_directions(record, code, goldstein):
    rows = rows_of([record])
    a, b = record["countries"]
    assert [(r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in rows] == [(a, b), (b, a)]
    assert {r["EventCode"] for r in rows} == {code}
    assert {r["GoldsteinScale"] for r in rows} == {goldstein}
    assert {r["QuadClass"] for r in rows} == {"1"}


def test_cameo_country_without_named_participant_is_named_in_english():
    (row, _) = rows_of([CALL])
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1Type1Code"]) == ("DEU", "Germany", "")


@pytest.mark.parametrize("date, expected", [
    ("2024-03-05", {"SQLDATE": "20240305", "MonthYear": "202403", "Year": "2024", "FractionDate": "2024.1749"}),
    ("2023-04", {"SQLDATE": "", "MonthYear": "202304", "Year": "2023", "FractionDate": ""}),
    ("1944", {"SQLDATE": "", "MonthYear": "", "Year": "1944", "FractionDate": ""}),
    ("--12-11", {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}),
    (None, {"SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": ""}),
])
def test_cameo_dates_filled_to_their_precision(date, expected):
    row = rows_of([dict(CALL, date_start=date)])[0]
    assert {k: row[k] for k in expected} == expected


def test_cameo_sources_counted_and_first_document_as_sourceurl():
    row = rows_of([STATE_VISIT])[0]
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "2", "2")
    assert row["SOURCEURL"] == "hanoi-1"
    assert row["AvgTone"] == row["DATEADDED"] == row["IsRootEvent"] == ""


def test_cameo_only_events_that_happened():
    rows = rows_of(RECORDS)
    assert "MAR" not in {r["Actor1CountryCode"] for r in rows}  # the planned visit
    assert len(rows) == 2 * 6  # six events that happened, two rows each; the figure is skipped


def test_cameo_event_without_country_is_left_out_and_one_party_has_no_actor2():
    assert rows_of([dict(CALL, countries=[])]) == []
    (row,) = rows_of([dict(CALL, countries=["DEU"])])
    assert row["Actor1CountryCode"] == "DEU" and row["Actor2Code"] == row["Actor2CountryCode"] == ""


def test_cameo_tsv_round_trip_through_csv(tmp_path: Path):
    out = tmp_path / "events.tsv"
    assert write_cameo_tsv(RECORDS, out) == 12
    with out.open(encoding="utf-8", newline="") as f:
        read = list(csv.reader(f, delimiter="\t"))
    assert read == list(cameo_rows(RECORDS))
    with out.open(encoding="utf-8", newline="") as f:
        by_name = list(csv.DictReader(f, delimiter="\t"))
    assert by_name[0]["EventCode"] == "042" and by_name[0]["Actor2Name"] == "Tô Lâm"


def test_cameo_tsv_to_a_stream_and_errors(tmp_path: Path):
    buf = io.StringIO()
    assert write_cameo_tsv([CALL], buf) == 2
    assert buf.getvalue().count("\n") == 3
    with pytest.raises(ExportError) as e:
        write_cameo_tsv([CALL], tmp_path / "missing" / "events.tsv")
    assert isinstance(e.value, CommuniqueError) and "does not exist" in str(e.value)
    with pytest.raises(ExportError):
        write_cameo_tsv(["not a record"], io.StringIO())
    assert not (tmp_path / "missing").exists()


# ----------------------------------------------------------------------------- PLOVER / POLECAT layout

def plover(records: list[dict], **kw) -> list[dict]:
    return list(plover_records(records, **kw))


def test_plover_visit_guest_is_actor_host_is_recipient():
    (ev,) = plover([STATE_VISIT])
    assert (ev["event_type"], ev["mode"], ev["context"], ev["quad_code"]) == ("CONSULT", "visit", [], 1)
    assert [(a["name"], a["country"], a["actor_type"], a["sector"], a["title"]) for a in ev["actor"]] == [
        ("France", "FRA", "state", None, None), ("Jean Dupont", "FRA", "person", "GOV", "foreign_minister")]
    assert [a["name"] for a in ev["recipient"]] == ["Vietnam", "Tô Lâm", "Lê Văn B"]
    assert (ev["event_date"], ev["event_date_precision"], ev["event_end_date"]) == ("2024-03-05", "day", "2024-03-07")
    assert ev["location"] == {"placename": "Hà Nội", "city": "Hà Nội", "country": "VNM"}
    assert ev["communique"] == {"type": "visit", "status": "happened", "cameo": "042", "visit_kind": "state"}


@pytest.mark.parametrize("record, event_type, mode, quad", [
    (CALL, "CONSULT", "phone", 1), (UNDATED, "CONSULT", "meet", 1), (AGREEMENT, "AGREE", "sign", 1),
    (UPGRADE, "COOPERATE", "diplomatic", 2)])
def test_plover_types_modes_and_reciprocal_actors(record, event_type, mode, quad):
    (ev,) = plover([record])
    assert (ev["event_type"], ev["mode"], ev["quad_code"]) == (event_type, mode, quad)
    assert [a["country"] for a in ev["actor"] if a["actor_type"] == "state"] == record["countries"]
    assert ev["recipient"] == []


def test_plover_person_without_country_kept_among_reciprocal_actors():
    (ev,) = plover([UNDATED])
    assert ev["actor"][-1] == {"name": "Sans Pays", "country": None, "actor_type": "person", "sector": None,
                               "title": None}
    assert (ev["event_date"], ev["event_date_precision"]) == (None, None)


def test_plover_sources_kept_for_every_event():
    events = plover(RECORDS)
    assert len(events) == 6
    for ev in events:
        assert ev["sources"] and ev["event_text"] == ev["sources"][0]["text"]
        assert ev["story_id"] == ev["sources"][0]["doc"]
    visit = events[0]
    assert visit["sources"] == STATE_VISIT["sources"] and visit["story_ids"] == ["hanoi-1", "hanoi-2"]


def test_plover_planned_left_out_unless_asked_then_future_context():
    assert all(ev["communique"]["status"] == "happened" for ev in plover(RECORDS))
    kept = plover(RECORDS, unconfirmed=True)
    (planned,) = [ev for ev in kept if ev["communique"]["status"] == "planned"]
    assert planned["context"] == ["future"]
    assert [a["country"] for a in planned["actor"]] == ["SEN"] and planned["recipient"][0]["country"] == "MAR"
    negated = plover([dict(CALL, status="negated")], unconfirmed=True)
    assert negated[0]["context"] == ["negation"]


def test_plover_ids_stable_and_linked_to_cameo_rows():
    first, again = plover([STATE_VISIT]), plover([STATE_VISIT])
    assert first[0]["id"] == again[0]["id"] and first[0]["id"].startswith("cmq-")
    row = rows_of([STATE_VISIT])[0]
    assert int(row["GLOBALEVENTID"]) // 1000 == int(first[0]["id"][4:], 16)


def test_plover_yearless_date_keeps_its_form():
    (ev,) = plover([YEARLESS])
    assert (ev["event_date"], ev["event_date_precision"]) == ("--12-11", "day_without_year")


def test_write_plover_json_lines(tmp_path: Path):
    out = tmp_path / "events.plover.jsonl"
    assert write_plover(RECORDS, out) == 6
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == plover(RECORDS)
    assert "Tô Lâm" in lines[0]  # not ASCII-escaped


@pytest.mark.parametrize("date, precision", [("2024-03-05", "day"), ("2024-03", "month"), ("2024", "year"),
                                             ("--12-11", "day_without_year"), ("--12", "month_without_year"),
                                             (None, None), ("", None), ("hier", None)])
def test_date_precision(date, precision):
    assert date_precision(date) == precision
