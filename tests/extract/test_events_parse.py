"""Event rules that read around the parser's slips, on hand-made parses (the slips the models make on some
names only, so no sentence reproduces them reliably)."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from communique.extract.events import clause_mark, unlabelled_subject

# "depuis 2011, lorsque le ministre Jean Martin s'était entretenu avec X", parsed with "lorsque" on the
# name, the name's last word a "dep" of the verb and its first word on the title
WORDS = ["depuis", "2011", ",", "lorsque", "le", "ministre", "Jean", "Martin", "s'", "était", "entretenu", "avec",
         "X"]
POS = ["ADP", "NUM", "PUNCT", "SCONJ", "DET", "NOUN", "PROPN", "PROPN", "PRON", "AUX", "VERB", "ADP", "PROPN"]
DEPS = ["case", "ROOT", "punct", "mark", "det", "fixed", "nmod", "dep", "expl:comp", "aux:tense", "acl", "case",
        "obl:arg"]
HEADS = [1, 1, 1, 7, 5, 3, 5, 10, 10, 10, 1, 12, 10]


def _doc():
    return Doc(Vocab(), words=WORDS, pos=POS, deps=DEPS, heads=HEADS)


def test_a_name_hung_on_the_verb_with_no_function_is_its_subject():
    doc = _doc()
    subject = unlabelled_subject(doc[10])
    assert {6, 7} <= subject and 12 not in subject


def test_no_subject_is_made_up_from_a_name_after_the_verb():
    doc = Doc(Vocab(), words=["il", "a", "vu", "Jean", "Martin"], pos=["PRON", "AUX", "VERB", "PROPN", "PROPN"],
              deps=["nsubj", "aux", "ROOT", "dep", "flat"], heads=[2, 2, 2, 2, 3])
    assert unlabelled_subject(doc[2]) == set()


def test_the_time_conjunction_hung_on_the_subject_opens_the_verbs_clause():
    doc = _doc()
    assert clause_mark(doc[10], 0, {"lorsque"}).i == 3


def test_no_time_conjunction_across_another_clauses_verb():
    words = ["lorsque", "X", "est", "arrivé", ",", "Y", "a", "rencontré", "Z"]
    doc = Doc(Vocab(), words=words, pos=["SCONJ", "PROPN", "AUX", "VERB", "PUNCT", "PROPN", "AUX", "VERB", "PROPN"],
              deps=["mark", "nsubj", "aux", "advcl", "punct", "nsubj", "aux", "ROOT", "obj"],
              heads=[1, 3, 3, 7, 7, 7, 7, 7, 7])
    assert clause_mark(doc[7], 0, {"lorsque"}) is None
