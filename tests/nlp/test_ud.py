"""English parses reshaped as Universal Dependencies (``communique_ud``): the labels and heads the
extraction reads in French trees, on sentences of our own."""
from __future__ import annotations

import pytest

from communique.nlp import load_pipeline

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def en():
    return load_pipeline("en")


def tok(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_prepositional_phrase_is_headed_by_its_noun(en):
    doc = en("The Kenyan president met his Ghanaian counterpart in Accra on Tuesday.")
    accra, in_ = tok(doc, "Accra"), tok(doc, "in")
    assert in_.dep_ == "case" and in_.head.i == accra.i
    assert accra.dep_ == "obl" and accra.head.i == tok(doc, "met").i


def test_a_noun_modifier_is_nmod_and_an_object_is_obj(en):
    doc = en("The minister held talks with the Chilean ambassador.")
    assert tok(doc, "talks").dep_ == "obj"
    assert tok(doc, "ambassador").dep_ == "nmod" and tok(doc, "ambassador").head.i == tok(doc, "talks").i


def test_passive_agent_names_and_auxiliaries(en):
    doc = en("The memorandum was signed by Foreign Minister Maria Lopez.")
    assert tok(doc, "memorandum").dep_ == "nsubj:pass"
    assert tok(doc, "was").dep_ == "aux:pass"
    assert tok(doc, "Lopez").dep_ == "obl:agent"
    assert tok(doc, "Maria").dep_ == "flat:name"


def test_the_french_pipeline_is_left_as_it_is():
    assert "communique_ud" not in load_pipeline("fr").pipe_names
