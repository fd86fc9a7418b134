"""Browsing queries of the store (revision 0003), on SQLite and the real PostgreSQL: pages of merged
records by their query columns, counts, contacts per pair of countries, full-text search of documents,
search of actors by name; and the upgrade of a revision-0002 store that fills them.

Hand-made records only (shaped as ``merged.merged_rows`` gives them): no spaCy model needed.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from itertools import combinations

import pytest
import sqlalchemy as sa

from communique.errors import StoreError
from communique.records import Document, DocumentFacts
from communique.store import BadCursor, RecordRejected, migrate, open_store, store_url
from communique.store.store import merged_columns


def event(type_, countries, date, *, status="happened", people=(), **more):
    return {"kind": "event", "sources": [], "type": type_, "countries": sorted(countries),
            "participants": [{"name": n, "country": c, "role": None} for n, c in people],
            "date_start": date, "status": status, **more}


TO_LAM = ("Tô Lâm", "VNM")
MACRON = ("Emmanuel Macron", "FRA")
LULA = ("Luiz Inácio Lula da Silva", "BRA")

#: (key, record), in the order written: ids follow this order
EVENTS = [
    ("e01", event("visit", ["FRA", "VNM"], "2024-03-05", people=[MACRON, TO_LAM], guest="FRA", host="VNM",
                  visit_kind="state", date_end="2024-03-07")),
    ("e02", event("call", ["DEU", "FRA"], "2024-04")),
    ("e03", event("meeting", ["FRA", "VNM"], "2023-11-20", people=[TO_LAM])),
    ("e04", event("visit", ["BRA", "CHN"], "2023-04-14", people=[LULA], guest="BRA", host="CHN")),
    ("e05", event("meeting", ["FRA", "VNM"], None)),                      # undated
    ("e06", event("agreement", ["CHN", "FRA", "VNM"], "2024-03-05")),     # three countries, same day as e01
    ("e07", event("visit", ["FRA", "VNM"], "2025-01", status="planned", guest="VNM", host="FRA")),
    ("e08", event("call", ["FRA", "VNM"], "--05-12")),                   # no year
    ("e09", event("upgrade", ["FRA", "VNM"], "2013", level="strategic_partnership")),
    ("e10", event("meeting", ["IDN", "JPN"], "2024", people=[("Joko Widodo", "IDN")])),
    ("e11", event("call", ["FRA", "VNM"], "2024-03-05", people=[("Tôlam Lâmvy", "VNM")])),  # not Tô Lâm
    ("e12", event("meeting", ["DEU", "FRA"], None, status="negated")),
    ("e13", {k: v for k, v in event("call", ["DEU", "POL"], "2022-06-01").items() if k != "status"}),
]
PERSONS = [
    ("p1", {"kind": "person", "name": "Tô Lâm", "aliases": ["To Lam", "Lâm"], "country": "VNM", "sources": []}),
    ("p2", {"kind": "person", "name": "Emmanuel Macron", "aliases": ["Macron"], "country": "FRA", "sources": []}),
    ("p3", {"kind": "person", "name": "Luiz Inácio Lula da Silva", "aliases": ["Lula"], "country": "BRA",
            "sources": []}),
    ("p4", {"kind": "person", "name": "Lâm Văn Tô", "sources": []}),  # no country
]
ORGS = [
    ("o1", {"kind": "organisation", "name": "Association des nations de l'Asie du Sud-Est", "code": "ASEAN",
            "country": None, "aliases": ["ANASE"], "sources": []}),
    ("o2", {"kind": "organisation", "name": "Parti communiste du Viêt Nam", "code": None, "country": "VNM",
            "aliases": [], "sources": []}),
]
FIGURES = [
    ("f1", {"kind": "figure", "metric": "trade_volume", "countries": ["FRA", "VNM"], "value": 1.5e10, "unit": "USD",
            "period": "2024-01/2024-10", "sources": []}),
    ("f2", {"kind": "figure", "metric": "trade_target", "countries": ["FRA", "VNM"], "value": 2e10, "unit": "USD",
            "period": None, "sources": []}),
]
RELATIONS = [("r1", {"kind": "relation", "countries": ["FRA", "VNM"], "level": "strategic_partnership",
                     "sources": []})]
COMMITMENTS = [("c1", {"kind": "commitment", "countries": ["FRA", "VNM"], "domain": "energy",
                       "text": "de coopérer dans le nucléaire civil", "date": "2024-03-05", "sources": []})]
N_SOURCES = {"p1": 7, "p2": 3, "p4": 1}


def rows(pairs):
    return [(key, rec, N_SOURCES.get(key, 1)) for key, rec in pairs]


MERGED = {"event": rows(EVENTS), "person": rows(PERSONS), "organisation": rows(ORGS), "figure": rows(FIGURES),
          "relation": rows(RELATIONS), "commitment": rows(COMMITMENTS)}


def doc(doc_id, title, text, date="2024-03-06"):
    return DocumentFacts(Document(doc_id, text, path=f"/corpus/{doc_id}.txt", date=date, title=title))


DOCS = [
    doc("hanoi", "Visite d'État à Hanoï", "Le président français est arrivé à Hanoï mardi. Il a rencontré Tô Lâm, "
        "secrétaire général du Parti, pour un entretien consacré au nucléaire civil."),
    doc("berlin", "Appel entre Paris et Berlin", "Le chancelier allemand a appelé le président français pour "
        "parler de l'Ukraine et du budget européen."),
    doc("brasilia", None, "Lula s'est rendu à Pékin. Le « partenariat » avec la Chine est renforcé; "
        "quinze accords (commerce, espace) ont été signés.", date="2023-04-14"),
]


@pytest.fixture
def store(open_):
    s = open_()
    assert s.replace_merged_record(MERGED, []) is True
    for df in DOCS:
        assert s.add(df) is True
    return s


def keys(items):
    return [r["id"] for r in items]


def all_pages(store, kind, limit, **filters):
    """Every page of a list, following the cursors; checks each page's size."""
    out, after, n = [], None, 0
    while True:
        items, after = store.merged_page(kind, after=after, limit=limit, **filters)
        assert len(items) <= limit
        out += items
        n += 1
        assert n < 1000
        if after is None:
            return out
        assert len(items) == limit


def by_date(pairs):
    """The date order of merged_page: dated by (date, order written), then the others in order written."""
    pos = {k: i for i, (k, _) in enumerate(pairs)}

    def key(kr):
        k, r = kr
        d = r.get("date_start")
        dated = bool(d) and not d.startswith("--")
        return (not dated, d if dated else "", pos[k])
    return [k for k, _ in sorted(pairs, key=key)]


# ----------------------------------------------------------------------------- pages and filters

def test_merged_page_returns_records_with_id_and_n_sources(store):
    items, nxt = store.merged_page("person", order="id")
    assert nxt is None
    assert items == [{**rec, "id": key, "n_sources": N_SOURCES.get(key, 1)} for key, rec in PERSONS]
    assert store.merged_by_key("p1") == {**PERSONS[0][1], "id": "p1", "n_sources": 7}
    assert store.merged_by_key("nope") is None


def test_merged_page_in_date_order_puts_undated_and_yearless_last(store):
    items, nxt = store.merged_page("event")
    assert nxt is None
    assert keys(items) == by_date(EVENTS)
    assert keys(items)[-3:] == ["e05", "e08", "e12"]  # None, "--05-12", None: by id
    assert keys(store.merged_page("event", order="id")[0]) == [k for k, _ in EVENTS]


FILTERS = {
    "type": ({"type": "visit"}, ["e04", "e01", "e07"]),
    "country": ({"country": "DEU"}, ["e13", "e02", "e12"]),
    "country-of-three": ({"country": "CHN"}, ["e04", "e06"]),
    "dyad": ({"dyad": ("VNM", "FRA")}, ["e09", "e03", "e01", "e06", "e11", "e07", "e05", "e08"]),
    "dyad-of-three": ({"dyad": ("CHN", "VNM")}, ["e06"]),
    "status": ({"status": "planned"}, ["e07"]),
    "status-default-happened": ({"status": "happened", "country": "POL"}, ["e13"]),
    "negated": ({"status": "negated"}, ["e12"]),
    "start-year": ({"start": "2024"}, ["e10", "e01", "e06", "e11", "e02", "e07"]),
    "start-month": ({"start": "2024-03"}, ["e01", "e06", "e11", "e02", "e07"]),
    "start-day": ({"start": "2024-03-06"}, ["e02", "e07"]),
    "end-year": ({"end": "2023"}, ["e09", "e13", "e04", "e03"]),
    "end-month": ({"end": "2024-03"}, ["e09", "e13", "e04", "e03", "e10", "e01", "e06", "e11"]),
    "end-day": ({"end": "2024-03-04"}, ["e09", "e13", "e04", "e03", "e10"]),  # "2024" is within the bound
    "between": ({"start": "2023-06", "end": "2024-04"}, ["e03", "e10", "e01", "e06", "e11", "e02"]),
    "person": ({"person": "to lam"}, ["e03", "e01"]),
    "person-with-diacritics": ({"person": "Tô Lâm"}, ["e03", "e01"]),
    "person-part-of-name": ({"person": "lula"}, ["e04"]),
    "person-not-inside-a-word": ({"person": "lam"}, ["e03", "e01"]),
    "person-unknown": ({"person": "angela merkel"}, []),
    "combined": ({"type": "call", "dyad": ("FRA", "VNM"), "start": "2024"}, ["e11"]),
}


@pytest.mark.parametrize("name", FILTERS, ids=list(FILTERS))
def test_merged_page_filters(store, name):
    filters, expected = FILTERS[name]
    assert keys(store.merged_page("event", **filters)[0]) == expected
    assert store.merged_count("event", **filters) == len(expected)
    assert keys(all_pages(store, "event", 2, **filters)) == expected


def test_merged_page_filters_other_kinds(store):
    assert keys(store.merged_page("person", country="VNM")[0]) == ["p1"]
    assert keys(store.merged_page("organisation", country="VNM")[0]) == ["o2"]
    assert keys(store.merged_page("figure", type="trade_volume", start="2024-01")[0]) == ["f1"]
    assert keys(store.merged_page("figure")[0]) == ["f1", "f2"]  # f2 has no period: last
    assert keys(store.merged_page("relation", dyad=("FRA", "VNM"))[0]) == ["r1"]
    assert keys(store.merged_page("commitment", type="energy", end="2024")[0]) == ["c1"]
    assert store.merged_count("person") == 4
    assert store.merged_count("organisation", country="FRA") == 0


@pytest.mark.parametrize("order", ["date", "id"])
@pytest.mark.parametrize("limit", [1, 2, 3, 5, 50])
def test_pagination_visits_every_record_once_in_order(store, order, limit):
    got = all_pages(store, "event", limit, order=order)
    expected = by_date(EVENTS) if order == "date" else [k for k, _ in EVENTS]
    assert keys(got) == expected
    assert store.merged_count("event") == len(expected)


def test_pagination_on_many_records_with_equal_dates(open_):
    store = open_()
    dates = ["2024-01-01", "2024-01", None, "--03-01", "2024", "2023-12-31"]
    recs = [(f"e{i:03d}", event("call", ["FRA", "VNM"], dates[i % len(dates)])) for i in range(120)]
    store.replace_merged("event", rows(recs))
    for order, expected in (("date", by_date(recs)), ("id", [k for k, _ in recs])):
        assert keys(all_pages(store, "event", 7, order=order)) == expected
    assert keys(all_pages(store, "event", 500, start="2024")) == [k for k in by_date(recs)
                                                                  if dict(recs)[k]["date_start"] in
                                                                  ("2024-01-01", "2024-01", "2024")]


def test_limit_is_capped(open_):
    store = open_()
    store.replace_merged("event", rows([(f"e{i}", event("call", ["FRA", "VNM"], "2024")) for i in range(503)]))
    items, nxt = store.merged_page("event", limit=10_000)
    assert len(items) == 500 and nxt is not None
    rest, nxt = store.merged_page("event", limit=10_000, after=nxt)
    assert len(rest) == 3 and nxt is None
    assert len(store.merged_page("event", limit=0)[0]) == 1


def test_bad_cursor_is_refused(store):
    _, nxt = store.merged_page("event", limit=2)
    _, nxt_id = store.merged_page("event", limit=2, order="id")
    _, nxt_person = store.merged_page("person", limit=2)
    assert nxt and nxt_id and nxt_person
    for bad in ("", "!!!", "bm90IGpzb24", "W10", "eyJrIjoiZXZlbnQifQ", nxt[:-3], nxt + "x" * 9, "Ω", nxt_id,
                nxt_person, "eyJrIjoiZXZlbnQiLCJvIjoiZGF0ZSIsImkiOiIxIn0"):
        with pytest.raises(BadCursor, match="bad page cursor.*start again from the first page") as e:
            store.merged_page("event", limit=2, after=bad)
        assert isinstance(e.value, StoreError)
    with pytest.raises(BadCursor):
        store.documents_page(after=nxt)


@pytest.mark.parametrize("call", [
    lambda s: s.merged_page("rumour"),
    lambda s: s.merged_page("event", order="random"),
    lambda s: s.merged_page("event", start="2024-3"),
    lambda s: s.merged_page("event", end="mars"),
    lambda s: s.merged_count("event", dyad=("FRA",)),
])
def test_bad_arguments_are_value_errors(store, call):
    with pytest.raises(ValueError):
        call(store)


# ----------------------------------------------------------------------------- pairs of countries

def test_dyad_counts_counts_each_pair_of_happened_contacts(store):
    expected: Counter[tuple[str, str]] = Counter()
    for _, e in EVENTS:
        if e["type"] in ("visit", "meeting", "call", "agreement") and e.get("status", "happened") == "happened":
            expected.update(combinations(sorted(e["countries"]), 2))
    got = store.dyad_counts()
    assert sorted(got, key=lambda x: (-x[2], x[0], x[1])) == got  # most contacts first
    assert {(a, b): n for a, b, n in got} == dict(expected)
    assert got[0] == ("FRA", "VNM", 6)  # e01 e03 e05 e06 e08 e11 (not the planned visit nor the upgrade)
    assert ("CHN", "VNM", 1) in got and ("CHN", "FRA", 1) in got


def test_dyad_counts_in_a_period(store):
    assert store.dyad_counts("2024", "2024") == [("FRA", "VNM", 3), ("CHN", "FRA", 1), ("CHN", "VNM", 1),
                                                 ("DEU", "FRA", 1), ("IDN", "JPN", 1)]
    assert store.dyad_counts("2023-06", None) == [("FRA", "VNM", 4), ("CHN", "FRA", 1), ("CHN", "VNM", 1),
                                                  ("DEU", "FRA", 1), ("IDN", "JPN", 1)]
    assert store.dyad_counts(None, "2022") == [("DEU", "POL", 1)]
    assert store.dyad_counts("2030") == []


# ----------------------------------------------------------------------------- search

@pytest.mark.parametrize("q, expected", [
    ("to lam", ["p1", "p4"]),        # p4 (Lâm Văn Tô) has both words too; p1 is reported more
    ("TÔ LÂM", ["p1", "p4"]),
    ("tô", ["p1", "p4"]),
    ("van", ["p4"]),
    ("lul", ["p3"]),                 # the start of a word
    ("inacio da silva", ["p3"]),
    ("macron", ["p2"]),
    ("asean", ["o1"]),
    ("anase", ["o1"]),
    ("viet nam", ["o2"]),
    ("parti viêt", ["o2"]),
    ("am", []),                      # not inside a word
    ("merkel", []),
    ("", []),
    ("  ,;!  ", []),
    ("100%", []),
    ("_", []),
])
def test_search_actors_ignores_case_and_diacritics(store, q, expected):
    assert keys(store.search_actors(q)) == expected


def test_search_actors_returns_records(store):
    [found] = store.search_actors("Lula")
    assert found == {**PERSONS[2][1], "id": "p3", "n_sources": 1}
    assert len(store.search_actors("to", limit=1)) == 1


def test_search_documents_finds_words_best_first(store, db_url):
    found = store.search_documents("président français")
    assert sorted(d["doc"] for d in found) == ["berlin", "hanoi"]
    assert set(found[0]) == {"doc", "title", "date", "snippet"}
    hanoi = store.search_documents("nucléaire")
    assert hanoi == [{"doc": "hanoi", "title": "Visite d'État à Hanoï", "date": "2024-03-06",
                      "snippet": hanoi[0]["snippet"]}]
    assert "[nucléaire]" in hanoi[0]["snippet"]
    assert [d["doc"] for d in store.search_documents("Berlin")] == ["berlin"]  # the title
    assert [d["doc"] for d in store.search_documents("Pékin accords")] == ["brasilia"]
    assert store.search_documents("Pékin Ukraine") == []  # every word
    assert [d["doc"] for d in store.search_documents("HANOÏ")] == ["hanoi"]
    if db_url.startswith("postgresql"):
        return
    assert [d["doc"] for d in store.search_documents("hanoi")] == ["hanoi"]  # FTS5 without diacritics
    assert "<<Lâm>>" in store.search_documents("lam", highlight=("<<", ">>"))[0]["snippet"]


HOSTILE = ['"', '""', "'", "l'Inde", '"président', "président\"", "NEAR(", "NEAR(président français)", "*", "pré*",
           "OR", "AND", "NOT", "président OR", "OR président", "a AND NOT", "(", ")", "((", "^", "-président",
           "+", ":", "title:président", "text:", "{title text}: x", "'; DROP TABLE documents; --", "1=1 --",
           "%", "_", "\\", "\x00", "président\x00français", "\udc80", "😀", "≠", "président" * 200,
           " ".join(["président"] * 300), "& | ! <-> :*", "!président", "président:*", "a <-> b", "NULL", ""]


#: inputs whose only word is "président" (and "français"): they find both articles that have them
FINDS_BOTH = {'"président', 'président"', "-président", "!président", "président:*", "président\x00français"}


@pytest.mark.parametrize("q", HOSTILE, ids=range(len(HOSTILE)))
def test_search_never_raises_on_user_input(store, q):
    found = store.search_documents(q)
    assert isinstance(found, list)
    if q in FINDS_BOTH:
        assert {d["doc"] for d in found} == {"hanoi", "berlin"}, q
    assert isinstance(store.search_actors(q), list)
    assert isinstance(store.merged_page("event", person=q)[0], list)
    assert len(store) == len(DOCS)  # nothing dropped


def test_search_of_an_empty_query_is_empty(store):
    for q in ("", "   ", "--", "«»", "*", '"'):
        assert store.search_documents(q) == []
        assert store.search_actors(q) == []


def test_documents_added_later_are_searchable_and_readable(store):
    assert store.search_documents("Oulan-Bator") == []
    text = "Le président mongol a reçu son homologue coréen à Oulan-Bator."
    assert store.add(doc("mongolie", "Sommet à Oulan-Bator", text)) is True
    assert [d["doc"] for d in store.search_documents("Oulan Bator")] == ["mongolie"]
    got = store.document("mongolie")
    assert (got.id, got.text, got.title, got.date) == ("mongolie", text, "Sommet à Oulan-Bator", "2024-03-06")
    assert store.document("nope") is None
    assert store.document_records("mongolie") == [] and store.document_records("nope") == []
    pages, after = [], None
    while True:
        items, after = store.documents_page(after=after, limit=3)
        pages.append([d["doc"] for d in items])
        if after is None:
            break
    assert pages == [["hanoi", "berlin", "brasilia"], ["mongolie"]]
    assert items[0] == {"doc": "mongolie", "title": "Sommet à Oulan-Bator", "date": "2024-03-06",
                        "url": None, "path": "/corpus/mongolie.txt", "facts": 0}


def test_document_records_in_order(open_):
    from communique.records import Event, Person, Source

    store = open_()
    text = "Le président français est arrivé à Hanoï le 5 mars."
    src = Source("d1", 0, len(text), text)
    df = DocumentFacts(Document("d1", text, date="2024-03-05"),
                       events=[Event("d1", [src], type="visit", countries=["FRA", "VNM"], date_start="2024-03-05",
                                     guest="FRA", host="VNM", visit_kind="state")],
                       persons=[Person("d1", [src], name="Tô Lâm", country="VNM")])
    store.add(df)
    assert store.document_records("d1") == df.to_records()


# ----------------------------------------------------------------------------- the query columns

def column_rows(url):
    engine = sa.create_engine(store_url(url))
    try:
        with engine.connect() as conn:
            merged = conn.execute(sa.text(
                "SELECT key, kind, type, status, countries, date_start, date_end, name, search FROM merged_facts "
                "ORDER BY key")).all()
            countries = conn.execute(sa.text(
                "SELECT m.key, c.country FROM merged_fact_countries c JOIN merged_facts m ON m.id = c.fact_id "
                "ORDER BY m.key, c.country")).all()
        return [tuple(r) for r in merged], [tuple(r) for r in countries]
    finally:
        engine.dispose()


def test_query_columns_are_copied_from_the_records(store, db_url):
    merged, countries = column_rows(db_url)
    by_key = {r[0]: r[2:] for r in merged}
    assert by_key["e01"] == ("visit", "happened", "FRA VNM", "2024-03-05", "2024-03-07", None,
                             "emmanuel macron | to lam")
    assert by_key["e13"][1] == "happened"  # no status in the record
    assert by_key["e08"][3] == "--05-12"
    assert by_key["p1"] == (None, None, "VNM", None, None, "Tô Lâm", "to lam | lam")
    assert by_key["p4"] == (None, None, None, None, None, "Lâm Văn Tô", "lam van to")
    assert by_key["o1"] == (None, None, None, None, None, "Association des nations de l'Asie du Sud-Est",
                            "association des nations de l asie du sud est | anase | asean")
    assert by_key["f1"] == ("trade_volume", None, "FRA VNM", "2024-01", "2024-10", None, None)
    assert by_key["f2"][3:5] == (None, None)
    assert by_key["r1"] == ("strategic_partnership", None, "FRA VNM", None, None, None, None)
    assert by_key["c1"] == ("energy", None, "FRA VNM", "2024-03-05", None, None, None)
    assert ("e06", "CHN") in countries and ("e06", "VNM") in countries and ("p1", "VNM") in countries
    assert {k for k, _ in countries} == {k for k, *_ in merged if k not in ("p4", "o1")}
    assert len(countries) == sum(len(r[4].split()) for r in merged if r[4])


def test_replacing_one_kind_keeps_the_country_rows_of_the_others(store, db_url):
    _, before = column_rows(db_url)
    assert store.replace_merged("event", rows(EVENTS[:1])) == 1
    merged, after = column_rows(db_url)
    assert [x for x in after if x[0].startswith("e")] == [("e01", "FRA"), ("e01", "VNM")]
    assert [x for x in after if not x[0].startswith("e")] == [x for x in before if not x[0].startswith("e")]
    assert keys(store.merged_page("event", country="FRA")[0]) == ["e01"]
    # all or nothing: a bad row leaves the columns and country rows as they were
    with pytest.raises(RecordRejected):
        store.replace_merged_record({"event": rows(EVENTS) + [("e01", EVENTS[1][1], 1)]}, [])
    assert column_rows(db_url) == (merged, after)
    assert store.replace_merged_record({"person": rows(PERSONS)}, []) is True
    assert column_rows(db_url)[1] == [("p1", "VNM"), ("p2", "FRA"), ("p3", "BRA")]
    assert store.dyad_counts() == []


def test_country_codes_that_do_not_fit_stay_out_of_the_country_table(open_, db_url):
    store = open_()
    store.replace_merged("event", [("x", event("call", ["FRA", "XXXX"], "2024"), 1)])
    assert column_rows(db_url) == ([("x", "event", "call", "happened", "FRA XXXX", "2024", None, None, None)],
                                   [("x", "FRA")])


# ----------------------------------------------------------------------------- upgrade of a revision-0002 store

def build_revision_0002(url, docs, merged):
    """A store as communique left it at revision 0002, holding ``docs`` and merged records."""
    engine = sa.create_engine(store_url(url))
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn, "0002")
            at = dt.datetime(2024, 3, 6, tzinfo=dt.timezone.utc)
            for n, df in enumerate(docs, start=1):
                d = df.document
                conn.execute(sa.text(
                    "INSERT INTO documents (doc_id, sha256, path, title, date, text, ingested_at) "
                    "VALUES (:i, :sha, :p, :t, :d, :x, :at)"),
                    {"i": d.id, "sha": f"{n:064x}", "p": d.path, "t": d.title, "d": d.date, "x": d.text, "at": at})
            for kind, kind_rows in merged.items():
                for key, rec, n in kind_rows:
                    conn.execute(sa.text(
                        "INSERT INTO merged_facts (kind, key, record, n_sources, updated_at) "
                        "VALUES (:k, :key, :r, :n, :at)"),
                        {"k": kind, "key": key, "r": json.dumps(rec, ensure_ascii=False), "n": n, "at": at})
    finally:
        engine.dispose()


def test_a_revision_0002_store_is_upgraded_and_its_columns_filled(open_, db_url, tmp_path):
    build_revision_0002(db_url, DOCS, MERGED)
    store = open_()
    with store.engine.connect() as conn:
        assert migrate.current_revisions(conn) == (migrate.head(),)
    assert [d.id for d in store.documents()] == [df.document.id for df in DOCS]
    assert list(store.merged("person")) == [rec for _, rec in PERSONS]
    upgraded = column_rows(db_url)
    # the migration fills the columns as the store writes them
    store.replace_merged_record(MERGED, [])
    assert column_rows(db_url) == upgraded
    build_elsewhere = open_store(tmp_path / "fresh.db")
    try:
        build_elsewhere.replace_merged_record(MERGED, [])
        assert column_rows(str(tmp_path / "fresh.db")) == upgraded
    finally:
        build_elsewhere.close()
    # and every query works on it, full-text search of the documents stored before included
    assert keys(store.merged_page("event", dyad=("CHN", "VNM"))[0]) == ["e06"]
    assert [d["doc"] for d in store.search_documents("nucléaire")] == ["hanoi"]
    assert keys(store.search_actors("to lam")) == ["p1", "p4"]


def test_upgrade_fills_columns_with_the_rules_of_the_store():
    """The migration's frozen copy of the column rules gives what ``merged_columns`` gives."""
    import importlib.util

    from communique.store.migrate import MIGRATIONS

    spec = importlib.util.spec_from_file_location("m0003", MIGRATIONS / "versions" / "0003_merged_queries.py")
    m0003 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m0003)
    odd = [{"kind": "event", "countries": "FRA", "status": None, "date_start": "", "participants": [None, {}]},
           {"kind": "person", "name": 3, "aliases": None, "country": ""},
           {"kind": "figure", "period": 2024, "metric": "x" * 65}]
    for kind_rows in MERGED.values():
        for _, rec, _ in kind_rows:
            assert m0003._columns(rec["kind"], rec) == merged_columns(rec["kind"], rec)
    for rec in odd:
        assert m0003._columns(rec["kind"], rec) == merged_columns(rec["kind"], rec)


def test_downgrade_to_0002_keeps_the_merged_records(open_, db_url):
    store = open_()
    store.replace_merged_record(MERGED, [])
    for df in DOCS:
        store.add(df)
    store.close()
    engine = sa.create_engine(store_url(db_url))
    try:
        with engine.begin() as conn:
            migrate.downgrade(conn, "0002")
            assert conn.execute(sa.text("SELECT count(*) FROM merged_facts")).scalar_one() == \
                sum(len(r) for r in MERGED.values())
            assert "merged_fact_countries" not in sa.inspect(conn).get_table_names()
    finally:
        engine.dispose()
    again = open_()
    assert keys(again.merged_page("event", dyad=("CHN", "VNM"))[0]) == ["e06"]
    assert [d["doc"] for d in again.search_documents("nucléaire")] == ["hanoi"]


def test_check_reports_query_columns_that_do_not_match_their_record(store, db_url):
    assert store.check() == []
    engine = sa.create_engine(store_url(db_url))
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("UPDATE merged_facts SET date_start = '1999' WHERE key = 'e01'"))
            conn.execute(sa.text("DELETE FROM merged_fact_countries WHERE country = 'CHN' AND fact_id = "
                                 "(SELECT id FROM merged_facts WHERE key = 'e06')"))
    finally:
        engine.dispose()
    assert store.check() == [
        "merged record e01: date_start do not match the record (run `communique ingest` to write the merged record "
        "again)",
        "merged record e06: merged_fact_countries do not match the record (run `communique ingest` to write the "
        "merged record again)"]
