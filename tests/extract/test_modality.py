"""Modality on parses as the model gives them, built by hand where the model's mistake is the point."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from communique.extract.modality import _compound_past


def _doc(words, pos, deps, heads, morphs):
    return Doc(Vocab(), words=words, pos=pos, deps=deps, heads=heads, morphs=morphs)


def test_a_compound_past_whose_auxiliary_the_parser_hung_elsewhere():
    # "il avait au préalable rencontré X", parsed with "avait" on "préalable" and "rencontré" under it
    words = ["il", "avait", "au", "préalable", "rencontré", "X"]
    pos = ["PRON", "AUX", "ADP", "NOUN", "VERB", "PROPN"]
    deps = ["nsubj", "aux:tense", "case", "ROOT", "acl", "obj"]
    heads = [3, 3, 3, 3, 3, 4]
    morphs = ["", "Mood=Ind|Tense=Imp|VerbForm=Fin", "", "", "Tense=Past|VerbForm=Part", ""]
    doc = _doc(words, pos, deps, heads, morphs)
    assert _compound_past(doc[4])


def test_no_compound_past_across_a_verb_or_a_future_auxiliary():
    words = ["il", "aura", "rencontré", "X"]
    doc = _doc(words, ["PRON", "AUX", "VERB", "PROPN"], ["nsubj", "aux:tense", "ROOT", "obj"], [2, 2, 2, 2],
               ["", "Mood=Ind|Tense=Fut|VerbForm=Fin", "Tense=Past|VerbForm=Part", ""])
    assert not _compound_past(doc[2])
    words = ["il", "a", "dit", "avoir", "rencontré", "X"]
    doc = _doc(words, ["PRON", "AUX", "VERB", "AUX", "VERB", "PROPN"],
               ["nsubj", "aux:tense", "ROOT", "aux:tense", "xcomp", "obj"], [2, 2, 2, 4, 2, 4],
               ["", "Mood=Ind|Tense=Pres|VerbForm=Fin", "Tense=Past|VerbForm=Part", "VerbForm=Inf",
                "Tense=Past|VerbForm=Part", ""])
    assert not _compound_past(doc[4])

