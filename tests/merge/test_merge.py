"""Merging per-document records into one record: hand-made records (no model needed)."""
from __future__ import annotations

import random

import pytest

from communique.merge import merge_records
from communique.query.views import check_target as check


def src(doc, start=0, text="Une phrase."):
    return {"doc": doc, "start": start, "end": start + len(text), "text": text}


def visit(doc, start, end=None, guest="CHL", host="ARG", people=(), kind=None):
    return {"kind": "event", "doc": doc, "type": "visit", "countries": [guest, host], "guest": guest, "host": host,
            "date_start": start, "date_end": end, "visit_kind": kind, "sources": [src(doc)],
            "participants": [{"name": n, "country": c, "role": r} for n, c, r in people]}


def meeting(doc, date, people, countries=("CHL", "ARG")):
    return {"kind": "event", "doc": doc, "type": "meeting", "countries": list(countries), "date_start": date,
            "sources": [src(doc)], "participants": [{"name": n, "country": c, "role": None} for n, c in people]}


def person(doc, name, country, role="head_of_state"):
    return {"kind": "person", "doc": doc, "name": name, "country": country, "roles": [{"role": role}],
            "sources": [src(doc)]}


def merged(docs):
    return merge_records([(d, None, recs) for d, recs in docs])


def test_merge_one_visit_told_by_two_articles_keeps_the_most_precise_dates_and_both_sources():
    m = merged([("a", [visit("a", "2024-03-03", "2024-03-10", kind="state")]),
                ("b", [visit("b", "2024-03-03", "2024-03-05")])])
    assert len(m.events) == 1
    e = m.events[0]
    assert (e["date_start"], e["date_end"], e["visit_kind"]) == ("2024-03-03", "2024-03-05", "state")
    assert {s["doc"] for s in e["sources"]} == {"a", "b"} and "doc" not in e


def test_merge_yearless_and_dated_report_of_one_visit_take_the_full_date():
    m = merged([("a", [visit("a", "--03-04")]), ("b", [visit("b", "2024-03-04")])])
    assert [e["date_start"] for e in m.events] == ["2024-03-04"]


def test_merge_two_counterparts_of_one_delegation_the_same_day_stay_two_meetings():
    m = merged([("a", [meeting("a", "2024-03-04", [("Gabriel Boric", "CHL"), ("Javier Milei", "ARG")])]),
                ("b", [meeting("b", "2024-03-04", [("Gabriel Boric", "CHL"), ("Diana Mondino", "ARG")])])])
    assert len(m.events) == 2


def test_merge_spellings_of_one_participant_do_not_split_a_meeting():
    m = merged([("a", [meeting("a", "2024-03-04", [("Shavkat Mirziyoyev", "UZB")], ("UZB", "TUR")),
                       person("a", "Shavkat Mirziyoyev", "UZB")]),
                ("b", [meeting("b", "2024-03-04", [("Chavkat Mirziyoïev", "UZB")], ("UZB", "TUR")),
                       person("b", "Chavkat Mirziyoïev", "UZB")])])
    assert len(m.events) == 1 and len(m.persons) == 1


def test_merge_soviet_union_and_russia_are_one_party_in_history():
    up = lambda doc, c: {"kind": "event", "doc": doc, "type": "upgrade", "countries": ["VNM", c],
                         "level": "diplomatic_relations", "date_start": "1950-01-30", "sources": [src(doc)]}
    m = merged([("a", [up("a", "SUN")]), ("b", [up("b", "RUS")])])
    assert len(m.events) == 1


def test_merge_a_tour_keeps_one_visit_per_host():
    m = merged([("a", [visit("a", "2018-07-23", host="RWA", guest="IND"),
                       visit("a", "2018-07-24", host="UGA", guest="IND")]),
                ("b", [visit("b", "2018-07-23", host="RWA", guest="IND")])])
    assert sorted(e["host"] for e in m.events) == ["RWA", "UGA"]


def test_merge_same_visit_dated_differently_is_a_date_conflict():
    m = merged([("a", [visit("a", "2024-03-04")]), ("b", [visit("b", "2024-03-12")])])
    assert len(m.events) == 2
    (c,) = [c for c in m.conflicts if c["about"] == "event"]
    assert c["field"] == "date" and {s["doc"] for s in c["sources"]} == {"a", "b"}


def test_merge_figures_within_two_percent_are_one_and_different_values_conflict():
    fig = lambda doc, v: {"kind": "figure", "doc": doc, "metric": "trade_volume", "countries": ["CHL", "ARG"],
                          "value": v, "unit": "USD", "period": "2023", "sources": [src(doc)]}
    m = merged([("a", [fig("a", 4.2e9)]), ("b", [fig("b", 4.25e9)]), ("c", [fig("c", 5.1e9)])])
    assert sorted(f["value"] for f in m.figures) == [4.2e9, 5.1e9]
    assert [c["field"] for c in m.conflicts if c["about"] == "figure"] == ["value"]


def test_merge_misspelt_name_joined_on_context_is_reported():
    m = merged([("a", [person("a", "Ilham Aliyev", "AZE")]), ("b", [person("b", "Inham Aliyev", "AZE")])])
    assert len(m.persons) == 1
    assert any(c["about"] == "person" and c["field"] == "name" for c in m.conflicts)


def test_merge_result_does_not_depend_on_the_order_of_documents():
    docs = [("a", [visit("a", "2024-03-03", "2024-03-10", people=[("Gabriel Boric", "CHL", None)]),
                   person("a", "Gabriel Boric", "CHL")]),
            ("b", [visit("b", "2024-03-03", "2024-03-05"), person("b", "Gabriel Boric Font", "CHL")]),
            ("c", [meeting("c", "2024-03-04", [("Gabriel Boric", "CHL"), ("Javier Milei", "ARG")]),
                   person("c", "Javier Milei", "ARG")])]
    first = merged(docs)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = [(d, list(r)) for d, r in docs]
        rng.shuffle(shuffled)
        for _, recs in shuffled:
            rng.shuffle(recs)
        again = merged(shuffled)
        assert again.records() == first.records() and again.conflicts == first.conflicts


@pytest.mark.parametrize("later, verdict", [
    ([("2024", 4.58e9)], "missed"),
    ([("2019", 12e9)], "pending"),
    ([("2021", 11e9)], "met"),
    ([], "pending"),
])
def test_query_target_checked_against_later_figures(later, verdict):
    target = {"metric": "trade_target", "value": 10e9, "unit": "USD", "target_year": 2020}
    figs = [{"metric": "trade_volume", "value": v, "unit": "USD", "period": p} for p, v in later]
    assert check(target, figs).verdict == verdict


def test_merge_one_person_with_two_offices_the_same_month_is_a_role_conflict():
    a = person("a", "Gabriel Boric", "CHL", "head_of_state")
    b = person("b", "Gabriel Boric", "CHL", "foreign_minister")
    m = merge_records([("a", "2024-03-05", [a]), ("b", "2024-03-20", [b])])
    (c,) = [c for c in m.conflicts if c["field"] == "role"]
    assert c["values"] == ["foreign_minister", "head_of_state"]
    assert {s["doc"] for s in c["sources"]} == {"a", "b"}


@pytest.mark.parametrize("kinds, expected", [
    (("working", "state"), "state"),
    (("official", "working"), "official"),
    (("state", "official"), "state"),
    (("working", "working", "state"), "working"),  # the majority first
])
def test_merge_visit_kind_tie_goes_to_the_more_formal_kind_whatever_the_order(kinds, expected):
    for order in (kinds, kinds[::-1]):
        docs = [(f"d{i}", [visit(f"d{i}", "2025-05-05", kind=k)]) for i, k in enumerate(order)]
        (e,) = merged(docs).events
        assert e["visit_kind"] == expected


def test_merge_result_does_not_depend_on_the_order_of_records_within_a_document():
    """Two reports of one document that tie on type, document and first offset: the choice among them
    (which one leads a group, whose wording is kept) goes by their content, not by their order."""
    a = [visit("a", "2024-03-03", kind="working"), visit("a", "2024-03-03", guest="CHL", host="PER", kind="state"),
         {"kind": "figure", "doc": "a", "metric": "trade_volume", "countries": ["ARG", "CHL"], "value": 1e9,
          "unit": "USD", "period": "2023", "sources": [src("a")]},
         {"kind": "figure", "doc": "a", "metric": "trade_volume", "countries": ["ARG", "CHL"], "value": 1.01e9,
          "unit": "USD", "period": "2023", "quote": "1,01 milliard", "sources": [src("a")]},
         {"kind": "relation", "doc": "a", "countries": ["ARG", "CHL"], "level": "strategic_partnership",
          "sources": [src("a")]},
         {"kind": "relation", "doc": "a", "countries": ["ARG", "CHL"], "level": "strategic_partnership",
          "date": "2024", "sources": [src("a", 20)]}]
    b = [visit("b", "2024-03-03", "2024-03-05", kind="state")]
    first = merged([("a", a), ("b", b)])
    again = merged([("b", b), ("a", a[::-1])])
    assert again.records() == first.records() and again.conflicts == first.conflicts


def test_merge_keeps_the_office_met_when_its_holder_is_not_named():
    a = meeting("a", "2024-03-04", [("Gabriel Boric", "CHL")])
    b = meeting("b", "2024-03-04", [("Gabriel Boric", "CHL")])
    a["counterpart"] = b["counterpart"] = "parliament_speaker"
    (e,) = merged([("a", [a]), ("b", [b])]).events
    assert e["counterpart"] == "parliament_speaker"


def test_merged_organisations_have_no_empty_keys():
    org = {"kind": "organisation", "doc": "a", "name": "Mercosur", "code": "MERCOSUR", "sources": [src("a")]}
    (o,) = merged([("a", [org])]).organisations
    assert o["name"] == "Mercosur" and "country" not in o and None not in o.values()


def agreement(doc, date, instrument, countries=("KEN", "HTI")):
    return {"kind": "event", "doc": doc, "type": "agreement", "countries": list(countries), "date_start": date,
            "instrument": instrument, "sources": [src(doc)], "participants": []}


def test_merge_a_text_one_outlet_calls_an_agreement_and_another_a_joint_communique_is_one():
    m = merged([("fr", [agreement("fr", "2023-09-20", "joint_statement")]),
                ("en", [agreement("en", "2023-09-20", "agreement")])])
    assert len(m.events) == 1 and len(m.events[0]["sources"]) == 2


def test_merge_two_specific_instruments_stay_two():
    m = merged([("a", [agreement("a", "2023-09-20", "joint_statement")]),
                ("b", [agreement("b", "2023-09-20", "mou")])])
    assert len(m.events) == 2


def test_the_role_and_month_keys_of_a_group_written_at_once_are_those_written_one_by_one():
    """``person_items_wanted`` writes the keys of a role for every person of a group at once (``_role_keys``,
    ``_month_keys``): the same strings as ``role_key`` and ``month_key``, which the stored items are found by."""
    from communique.merge.groups import _month_keys, _role_keys, month_key, role_key

    for role, as_of in (("head_of_state", "2024-05-01"), ("président", None), ('a "quoted" office', "--05-05")):
        assert _role_keys(12, role, as_of) == [role_key(i, role, as_of) for i in range(12)]
    for month in ("2024-05", "2024-é\\"):
        assert _month_keys(12, month) == [month_key(i, month) for i in range(12)]
    assert _role_keys(0, "head_of_state", None) == []
