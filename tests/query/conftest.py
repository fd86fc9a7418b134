"""A small database of hand-written facts for the query tests: two documents about one state visit,
whose ids a terminal could misread as markup (lower-case first letter, brackets), with one
establishment of relations, one upgrade, an agreement, a figure two sources disagree on, a target,
a commitment, an event whose year is not stated, and one person spelt two ways. The texts and
the persons are our own invention.
"""
from __future__ import annotations

import pytest

from communique.records import (
    Commitment, Document, DocumentFacts, Event, Figure, Participant, Person, Relation, Role, Source,
)
from communique.store import open_store

FIRST = ("article", "2024-05-10", (
    "Stockholm, 10 mai (Agence) - La présidente suédoise Ana Lindqvist a achevé vendredi une visite d'État "
    "de trois jours au Vietnam, du 8 au 10 mai. "
    "Les deux pays ont élevé jeudi leurs relations au rang de partenariat global. "
    "Ils ont signé trois accords sur l'énergie éolienne en mer, la formation des enseignants et la "
    "protection réciproque des investissements, un ensemble que les deux délégations ont négocié pendant "
    "plus de deux ans. "
    "Le commerce bilatéral a atteint 1,25 milliard de dollars en 2023, en hausse de 12,5 %. "
    "Les deux parties veulent le porter à 3 milliards de dollars d'ici 2030. "
    "Elles sont convenues de coopérer dans l'énergie éolienne en mer. "
    "La Suède et le Vietnam ont établi leurs relations diplomatiques le 11 janvier 1969. "
    "Une première rencontre avait eu lieu un 11 décembre, à Genève."))

SECOND = ("le-monde_2024[1]", "2024-05-11", (
    "[Brève] La présidente suédoise Ana Lindkvist a quitté Hanoï samedi après une visite d'État de trois "
    "jours, du 8 au 10 mai. Selon les douanes, le commerce entre les deux pays a atteint 1,4 milliard de "
    "dollars en 2023."))


def _src(doc: tuple[str, str, str], words: str) -> Source:
    text = doc[2]
    start = text.index(words)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    return Source(doc[0], begin, end, text[begin:end])


def golden_facts() -> list[DocumentFacts]:
    a, b = FIRST, SECOND
    ana = Participant("Ana Lindqvist", "SWE", "head_of_state")
    first = DocumentFacts(
        Document(id=a[0], text=a[2], date=a[1], lang="fr"),
        persons=[Person(a[0], [_src(a, "Ana Lindqvist")], name="Ana Lindqvist", country="SWE",
                        roles=[Role("head_of_state", "2024-05")])],
        events=[
            Event(a[0], [_src(a, "visite d'État")], type="visit", countries=["SWE", "VNM"], participants=[ana],
                  date_start="2024-05-08", date_end="2024-05-10", guest="SWE", host="VNM", visit_kind="state"),
            Event(a[0], [_src(a, "partenariat global")], type="upgrade", countries=["SWE", "VNM"],
                  date_start="2024-05-09", level="comprehensive_partnership"),
            Event(a[0], [_src(a, "relations diplomatiques")], type="upgrade", countries=["SWE", "VNM"],
                  date_start="1969-01-11", level="diplomatic_relations"),
            Event(a[0], [_src(a, "trois accords")], type="agreement", countries=["SWE", "VNM"], participants=[ana],
                  date_start="2024-05-09", count=3, instrument="agreement",
                  title="trois accords sur l' énergie éolienne en mer , la formation des enseignants et la "
                        "protection réciproque des investissements"),
            Event(a[0], [_src(a, "11 décembre")], type="meeting", countries=["SWE", "VNM"], date_start="--12-11"),
        ],
        figures=[
            Figure(a[0], [_src(a, "1,25 milliard")], metric="trade_volume", countries=["SWE", "VNM"],
                   value=1.25e9, unit="USD", period="2023", change_pct=12.5),
            Figure(a[0], [_src(a, "3 milliards")], metric="trade_target", countries=["SWE", "VNM"],
                   value=3e9, unit="USD", target_year=2030),
        ],
        relations=[Relation(a[0], [_src(a, "partenariat global")], countries=["SWE", "VNM"],
                            level="comprehensive_partnership")],
        commitments=[Commitment(a[0], [_src(a, "coopérer")], countries=["SWE", "VNM"], domain="energy",
                                text="Elles sont convenues de coopérer dans l'énergie éolienne en mer.")],
    )
    second = DocumentFacts(
        Document(id=b[0], text=b[2], date=b[1], lang="fr"),
        persons=[Person(b[0], [_src(b, "Ana Lindkvist")], name="Ana Lindkvist", country="SWE",
                        roles=[Role("head_of_state", "2024-05")])],
        events=[Event(b[0], [_src(b, "visite d'État")], type="visit", countries=["SWE", "VNM"],
                      participants=[Participant("Ana Lindkvist", "SWE", "head_of_state")],
                      date_start="2024-05-08", date_end="2024-05-10", guest="SWE", host="VNM", visit_kind="state")],
        figures=[Figure(b[0], [_src(b, "1,4 milliard")], metric="trade_volume", countries=["SWE", "VNM"],
                        value=1.4e9, unit="USD", period="2023")],
    )
    return [first, second]


@pytest.fixture(scope="session")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("query") / "golden.db")
    with open_store(path) as store:
        for f in golden_facts():
            assert store.add(f)
    return path


