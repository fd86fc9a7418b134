"""spaCy component ``communique_ud``: English parses in the labels and shape of Universal Dependencies.

In: a ``Doc`` parsed by an English pipeline trained on OntoNotes (ClearNLP labels: ``dobj``, ``prep`` +
``pobj``, ``nsubjpass``, ``relcl``, ``poss``, ``compound``...). Out: the same ``Doc`` with the labels and
heads the French models give (UD: ``obj``, ``obl``/``nmod`` with the preposition as its ``case``,
``nsubj:pass``, ``acl:relcl``, ``nmod:poss``, ``flat:name``...), so that the extraction reads one kind of
tree whatever the language. Only labels and heads change; tokens, tags, lemmas and entities stay.

Why by hand: no library converts ClearNLP dependencies to UD on a spaCy ``Doc``; the conversion is a
fixed relabelling plus one change of shape (in UD the noun of a prepositional phrase heads it).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: ClearNLP label -> UD label, for the labels that only change name
RELABEL = {
    "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "dobj": "obj", "dative": "iobj",
    "relcl": "acl:relcl", "poss": "nmod:poss", "auxpass": "aux:pass", "neg": "advmod",
    "npadvmod": "obl:mod", "quantmod": "advmod", "predet": "det", "acomp": "xcomp", "oprd": "xcomp",
    "prt": "compound:prt", "attr": "obj", "intj": "discourse", "meta": "discourse", "preconj": "cc",
    "npmod": "nmod", "pcomp": "ccomp",
}
#: auxiliaries of tense (the others, "will", "can", "should", are modal: plain ``aux``)
TENSE_AUX = {"have", "be", "do"}
VERBAL = {"VERB", "AUX", "ADJ"}


def to_ud(doc: Doc) -> Doc:
    """Relabel and reshape the parse of ``doc`` in place (see the module docstring)."""
    if not doc.has_annotation("DEP"):
        return doc
    labels = [t.dep_ for t in doc]
    moves: list[tuple[int, int, int, str]] = []  # (preposition, its object, new head, object's label)
    for tok in doc:
        dep = labels[tok.i]
        if dep in ("prep", "agent"):
            objs = [c for c in tok.children if labels[c.i] == "pobj"]
            if objs:
                head = tok.head
                label = "obl:agent" if dep == "agent" else ("nmod" if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
                                                            else "obl")
                moves.append((tok.i, objs[0].i, head.i if head.i != tok.i else objs[0].i, label))
            continue
        if dep == "aux":
            tok.dep_ = "aux:tense" if tok.lemma_.lower() in TENSE_AUX else "aux"
        elif dep == "compound" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN":
            tok.dep_ = "flat:name"
        elif dep in RELABEL:
            tok.dep_ = RELABEL[dep]
    for prep_i, obj_i, head_i, label in moves:
        prep, obj = doc[prep_i], doc[obj_i]
        was_root = prep.head.i == prep.i
        obj.head = doc[head_i] if not was_root else obj
        obj.dep_ = "ROOT" if was_root else label
        prep.head = obj
        prep.dep_ = "case"
    return doc


class UDConverter:
    """The component: ``to_ud`` on every document."""

    def __init__(self, nlp: Language, name: str = "communique_ud"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return to_ud(doc)


@Language.factory("communique_ud")
def make_ud_converter(nlp: Language, name: str) -> UDConverter:
    return UDConverter(nlp, name)
