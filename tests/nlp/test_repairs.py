"""The object of a verb the parser hung on a date set between them (``communique_inserted_time``)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _dep(doc, word):
    [tok] = [t for t in doc if t.text == word]
    return tok.dep_, tok.head.text


@pytest.mark.parametrize("text,word,verb", [
    pytest.param("Le Pérou a établi, le 3 mai 1998 des relations diplomatiques avec le Laos.", "relations", "établi",
                 id="partitive-hung-on-the-day"),
    pytest.param("Le Pérou a établi, en 1998, des relations diplomatiques avec le Laos.", "relations", "établi",
                 id="after-a-year-and-a-comma"),
    pytest.param("Le président péruvien a rencontré, le 4 juin 2011, le roi du Maroc, Mohammed VI.", "roi", "rencontré",
                 id="conjunct-of-the-day"),
])
def test_the_object_after_an_inserted_date_is_the_verbs(nlp, text, word, verb):
    assert _dep(nlp(text), word) == ("obj", verb)


def test_a_name_apposed_to_the_repaired_object_follows_it(nlp):
    doc = nlp("Le président péruvien a rencontré, le 4 juin 2011, le roi du Maroc, Mohammed VI.")
    dep, head = _dep(doc, "Mohammed")
    assert head == "roi"


@pytest.mark.parametrize("text,word", [
    # a place after the date keeps its preposition: an oblique, not an object
    pytest.param("Le président péruvien est arrivé, le 4 juin 2011, à Rabat pour une visite.", "Rabat", id="place"),
    # a date with no comma before it: the parser reads these well, nothing is moved
    pytest.param("Le Pérou a établi en 1998 des relations diplomatiques avec le Laos.", "1998", id="no-comma"),
])
def test_no_object_is_made_of_what_is_none(nlp, text, word):
    assert _dep(nlp(text), word)[0] != "obj"


def test_english_apposition_to_a_dated_clause_is_left_alone():
    from communique.nlp import load_pipeline

    nlp_en = load_pipeline("en")
    doc = nlp_en("The minister was given the Order of Merit, named after the founder on May 15, 2023, "
                 "the first day of his visit.")
    [day] = [t for t in doc if t.text == "day"]
    assert day.dep_ != "obj"
