"""What every extracted record carries: codes of the event ontologies, commitments, and sources that
point at the sentence in the original text."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ARTICLE = (
    "date 2024-03-06\n"
    "Le Chili et l'Argentine signent sept accords\n\n"
    "Le président chilien Gabriel Boric a effectué une visite d'État en Argentine du 3 au 5 mars 2024. "
    "Il s'est entretenu le 4 mars à Buenos Aires avec son homologue argentin Javier Milei. "
    "Les deux présidents ont signé sept accords de coopération. "
    "Ils ont convenu de renforcer la coopération dans le domaine de l'énergie et de relancer le tourisme.\n"
)


@pytest.fixture(scope="module")
def facts(extract_text):
    return extract_text(ARTICLE.split("\n", 1)[1], "2024-03-06")


@pytest.mark.parametrize("etype, cameo, plover, mode", [
    ("visit", "042", "CONSULT", "visit"),
    ("meeting", "040", "CONSULT", "meet"),
    ("agreement", "057", "AGREE", "sign"),
])
def test_records_events_carry_cameo_and_plover_codes(facts, etype, cameo, plover, mode):
    ev = [e for e in facts.events if e.type == etype]
    assert ev, f"no {etype} extracted"
    assert (ev[0].cameo, ev[0].plover, ev[0].plover_mode) == (cameo, plover, mode)


def test_records_sources_point_at_the_sentence_in_the_original_text(facts):
    text = facts.document.text
    for fact in facts.facts():
        assert fact.sources, f"{fact.kind} without a source"
        for src in fact.sources:
            assert text[src.start:src.end] == src.text
            assert src.doc == facts.document.id


def test_records_commitments_with_domain_and_parties(facts):
    domains = {c.domain for c in facts.commitments}
    assert "energy" in domains
    assert all(set(c.countries) == {"CHL", "ARG"} for c in facts.commitments)


def test_records_to_schema_dicts(facts):
    recs = facts.to_records()
    kinds = {r["kind"] for r in recs}
    assert {"event", "person"} <= kinds
    for r in recs:
        assert r["doc"] == facts.document.id
        assert isinstance(r["sources"], list) and r["sources"]


@pytest.mark.parametrize("text, expected", [
    ("Le document a été traduit en russe et en anglais.", set()),
    ("Les deux ministres ont échangé en langue russe.", set()),
    ("Le ministre russe des Affaires étrangères est arrivé à Hanoï.", {"RUS", "VNM"}),
    ("Des étudiants vietnamiens apprennent le russe à Moscou.", {"VNM", "RUS"}),
])
def test_records_a_demonym_used_as_a_language_is_not_a_country(text, expected):
    import communique
    from communique.clean import segment
    from communique.extract.context import build_context
    from communique.nlp import analyse
    from communique.records import Document

    pipe = communique._pipeline("fr")
    doc = segment(Document("t", text, date="2024-03-06"))
    ((_, segs),) = list(analyse([doc], pipe.nlp))
    ctx = build_context(doc, segs, pipe.extractor.lex, pipe.extractor.dates)
    assert {c.code for s in ctx.sentences for c in s.countries} == expected



def test_no_event_has_a_party_without_a_country_code(pipeline):
    from communique.clean import segment
    from communique.records import Document

    # "his counterpart X": a counterpart whose country nothing gives names no side of the talks
    text = ("Japanese Prime Minister Fumio Kishida met Singapore's President Halimah Yacob and Prime Minister Lee "
            "Hsien Loong on Saturday. As the leaders met, Defence Minister Ng Eng Hen and his counterpart Nobuo "
            "Kishi signed an enhanced memorandum on defence exchanges.")
    [facts] = list(pipeline.process_documents([segment(Document("en", text, date="2022-06-11"))]))
    assert facts.events and all(all(isinstance(c, str) and c for c in e.countries) for e in facts.events)
