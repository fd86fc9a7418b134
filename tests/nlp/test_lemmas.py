"""The repair of verb lemmas the French lemmatiser leaves as written (``communique_lemmas``)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text,form,lemma", [
    ("Le président entame ce lundi une visite d'État.", "entame", "entamer"),
    ("Le président boucle sa tournée africaine.", "boucle", "boucler"),
    ("Le président clôture sa visite officielle.", "clôture", "clôturer"),
])
def test_a_trigger_verb_left_as_written_gets_its_infinitive(nlp, text, form, lemma):
    [tok] = [t for t in nlp(text) if t.text == form]
    assert tok.lemma_ == lemma



def test_only_the_verbs_the_trigger_lists_name_are_repaired(nlp):
    # on a Doc built by hand: a verb form whose infinitive names no trigger verb stays as written, and so does a
    # noun ending like a verb
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=["il", "chante", "et", "entame", "une", "entame"],
              pos=["PRON", "VERB", "CCONJ", "VERB", "DET", "NOUN"],
              lemmas=["il", "chante", "et", "entame", "un", "entame"])
    doc = nlp.get_pipe("communique_lemmas")(doc)
    assert [t.lemma_ for t in doc] == ["il", "chante", "et", "entamer", "un", "entame"]
