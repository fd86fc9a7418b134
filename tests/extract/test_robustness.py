"""Inputs that must be processed without error: empty, huge, degenerate (no timing assertions)."""
from __future__ import annotations

import pytest

from communique.records import DocumentFacts

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", ["", "   \n\n  \t ", "\ufeff", "."], ids=["empty", "blank", "bom", "dot"])
def test_empty_body_gives_no_facts(extract_text, text):
    facts = extract_text(text, "2024-01-01")
    assert isinstance(facts, DocumentFacts)
    assert facts.facts() == []


def test_empty_body_without_date(extract_text):
    facts = extract_text("")
    assert facts.facts() == []


def test_very_long_run_on_sentence(extract_text):
    unit = "le Chili et l'Argentine renforcent leur coopération dans le secteur minier, "
    text = "Le président chilien Gabriel Boric a affirmé que " + unit * (100_000 // len(unit) + 1)
    text = text[:100_000]
    assert len(text) == 100_000
    facts = extract_text(text, "2024-03-06")
    assert isinstance(facts, DocumentFacts)
    for rec in facts.to_records():
        for src in rec["sources"]:
            assert text[src["start"]:src["end"]] == src["text"]


def test_paragraph_of_three_thousand_numbers(extract_text):
    text = "Les échanges entre le Japon et les Philippines : " + " ".join(
        f"{n},{n % 10} milliards de dollars" if n % 7 == 0 else str(n) for n in range(3000)) + "."
    facts = extract_text(text, "2024-03-06")
    assert isinstance(facts, DocumentFacts)


def test_many_short_sentences(extract_text):
    text = " ".join("Le ministre ghanéen s'est rendu au Nigeria le 3 mai 2024." for _ in range(500))
    facts = extract_text(text, "2024-05-04")
    assert isinstance(facts, DocumentFacts)
    # one trip, stated 500 times in one document, is one visit
    assert len([e for e in facts.events if e.type == "visit"]) == 1


def test_text_without_letters(extract_text):
    facts = extract_text("1 2 3 4 5 6 7 8 9 ... --- ### 2024-03-06 ??? !!!\n" * 200, "2024-03-06")
    assert isinstance(facts, DocumentFacts)


def test_unusual_characters(extract_text):
    text = ("Le président chilien\u00a0Gabriel\u202fBoric s’est rendu à Buenos\u2009Aires le 3\u00a0mars 2024 "
            "\u200b\U0001F1E8\U0001F1F1 ; ﬁn de la visite.")
    facts = extract_text(text, "2024-03-06")
    for rec in facts.to_records():
        for src in rec["sources"]:
            assert text[src["start"]:src["end"]] == src["text"]
