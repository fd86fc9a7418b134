"""Sentence boundaries set before the parser: a form of address whose dot the tokenizer split off does
not end a sentence."""
from __future__ import annotations

import pytest

from communique.nlp import load_pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp_en():
    return load_pipeline("en")


def test_a_form_of_address_does_not_end_a_sentence(nlp_en):
    doc = nlp_en("The Prime Minister of Fiji was accompanied by Hon. Mr. Jone Example, Minister for Trade; and "
                 "Hon. Dr. Ana Example, Minister for Health. He met Smt. Devi Example on Monday.")
    assert [s.text for s in doc.sents] == [
        "The Prime Minister of Fiji was accompanied by Hon. Mr. Jone Example, Minister for Trade; and Hon. Dr. "
        "Ana Example, Minister for Health.",
        "He met Smt. Devi Example on Monday."]


def test_a_sentence_still_ends_at_a_dot_after_an_ordinary_word(nlp_en):
    doc = nlp_en("The talks ended in Suva. Ministers signed two agreements.")
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize("lang, text, first", [
    ("en", "The minister landed in Suva for a two-day visit.  During the talks, trade was discussed.",
     "The minister landed in Suva for a two-day visit."),
    ("fr", "Le ministre est arrivé à Suva pour une visite de deux jours.   Durant les entretiens, il a parlé "
           "de commerce.", "Le ministre est arrivé à Suva pour une visite de deux jours."),
])
def test_a_sentence_ends_before_two_spaces(lang, text, first):
    nlp = load_pipeline(lang)
    sents = [s.text.strip() for s in nlp(text).sents]
    assert len(sents) == 2 and sents[0] == first, sents


def test_a_form_of_address_before_two_spaces_still_does_not_end_a_sentence(nlp_en):
    doc = nlp_en("He met Smt.  Devi Example on Monday.")
    assert len(list(doc.sents)) == 1
