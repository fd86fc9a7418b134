"""Merging real-looking articles (our own writing) through the whole pipeline: one event told by two
outlets, and pairs of articles that disagree."""
from __future__ import annotations

import pytest

from communique.merge import merge_records
from communique.pipeline import Pipeline
from communique.records import Document

pytestmark = pytest.mark.model

ARTICLES = {
    # the same state visit, told by two outlets with different details
    "a1": ("2023-06-14", "Le président péruvien en visite d'État en Bolivie\n\n"
           "La Paz, 13 juin (Agence) – Le président péruvien Martín Vizcarra a entamé lundi 12 juin une visite "
           "d'État de trois jours en Bolivie. Il s'est entretenu mardi avec son homologue bolivien Luis Arce. "
           "Les deux pays ont signé huit accords de coopération.\n"),
    "a2": ("2023-06-15", "Pérou-Bolivie : huit accords signés à La Paz\n\n"
           "Le chef de l'État péruvien, Martin Vizcarra, s'est rendu en Bolivie du 12 au 14 juin 2023. "
           "Le 13 juin, il a rencontré le président bolivien Luis Arce au palais Quemado.\n"),
    # two articles that disagree: the date of one visit, and the value of one figure
    "b1": ("2024-10-02", "Visite du Premier ministre norvégien en Islande\n\n"
           "Le Premier ministre norvégien Jonas Gahr Støre s'est rendu en Islande le 30 septembre 2024. "
           "En 2023, les échanges commerciaux entre la Norvège et l'Islande ont atteint 1,1 milliard de dollars.\n"),
    "b2": ("2024-10-10", "La Norvège et l'Islande renforcent leur coopération\n\n"
           "Le Premier ministre norvégien Jonas Gahr Støre s'est rendu en Islande le 8 octobre 2024. "
           "En 2023, les échanges commerciaux entre la Norvège et l'Islande ont atteint 1,6 milliard de dollars.\n"),
}


@pytest.fixture(scope="module")
def record():
    pipeline = Pipeline()
    docs = [Document(i, text, date=date) for i, (date, text) in ARTICLES.items()]
    by_doc = [(f.document.id, f.document.date, f.to_records()) for f in pipeline.process_documents(docs)]
    return merge_records(by_doc)


def _events(record, etype, pair):
    return [e for e in record.events if e["type"] == etype and set(e["countries"]) == set(pair)
            and e.get("status") in (None, "happened")]


def test_articles_one_visit_told_by_two_outlets_is_one_event_with_both_sources(record):
    (v,) = _events(record, "visit", ("PER", "BOL"))
    assert {s["doc"] for s in v["sources"]} == {"a1", "a2"}
    assert v["guest"] == "PER" and v["date_start"] == "2023-06-12"


def test_articles_participants_spelt_two_ways_are_one_person(record):
    names = [p["name"] for p in record.persons if p.get("country") == "PER"]
    assert len(names) == 1


def test_articles_visit_dated_differently_by_two_sources_is_reported(record):
    dates = [c for c in record.conflicts if c["about"] == "event" and c["field"] == "date"
             and set(c["countries"]) == {"NOR", "ISL"}]
    assert len(dates) == 1
    assert {s["doc"] for s in dates[0]["sources"]} == {"b1", "b2"}


def test_articles_figure_with_two_values_is_reported_with_both_sentences(record):
    figs = [c for c in record.conflicts if c["about"] == "figure"]
    assert len(figs) == 1
    assert sorted(figs[0]["values"]) == [1.1e9, 1.6e9]
    assert all("milliard" in s["text"] for s in figs[0]["sources"])
