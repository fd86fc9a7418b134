"""spaCy component ``communique_inserted_time``: the object of a verb the parser hung on a date set before it.

In: a parsed ``Doc``. Out: the same ``Doc``, with the object of a verb whose date comes between them, set off by
commas, attached to the verb again. fr_core_news_md reads "a établi, le 28 août 2006 des relations diplomatiques avec
la Guinée" with the relations as a modifier of the day, "a rencontré, le 6 décembre 2012, l'émir du Qatar" with the
emir as a conjunct of it, and "a établi, en 1972, des relations" with the relations as an oblique of the verb: in all
three the verb has no object, so no rule reading objects sees what was established or who was met.

Only a verb with no object is changed, and only a noun phrase that opens with a determiner (or a partitive article
the parser took for a preposition, ``lang/<code>/syntax.yaml``), right after a dated phrase that directly follows
the verb: "est arrivé, le 6 décembre, à Doha" keeps its place as an oblique.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import language_file

_OBJECTS = ("obj", "dobj")


class InsertedTimeRepair:
    def __init__(self, nlp: Language, name: str = "communique_inserted_time", lang: str = "fr"):
        self.name = name
        data = language_file(lang, "syntax.yaml")
        #: articles the parser reads as a preposition ("des relations": "des" as "de" + "les")
        self.partitives = frozenset(w.lower() for w in data.get("partitive_articles", []))

    def __call__(self, doc: Doc) -> Doc:
        for verb in doc:
            if verb.pos_ != "VERB" or any(c.dep_ in _OBJECTS for c in verb.children):
                continue
            when = self._inserted_date(verb)
            if when is None:
                continue
            obj = self._object_after(verb, when)
            if obj is None:
                continue
            followers = [c for c in when.children if c.i > obj.i and c.dep_ in ("conj", "appos")
                         and c.pos_ == "PROPN"]
            obj.head = verb
            obj.dep_ = "obj"
            for c in obj.children:
                if c.dep_ == "case" and c.lower_ in self.partitives:
                    c.dep_ = "det"
            for c in followers:  # "l'émir du Qatar, Hamad Bin Khalifa": the name is the object's
                c.head = obj
                c.dep_ = "appos"
        return doc

    @staticmethod
    def _inserted_date(verb):
        """The dated phrase set off by a comma right after the verb: an oblique that is a number or a noun counted by
        one ("le 6 décembre 2012", "en 1972"), holding no clause ("the Medal, named ... on May 15" is no date)."""
        for c in verb.children:
            if c.i <= verb.i or not c.dep_.startswith("obl") or not (
                    c.pos_ == "NUM" or any(x.pos_ == "NUM" for x in c.children)) \
                    or any(x.pos_ in ("VERB", "AUX") for x in c.subtree):
                continue
            between = verb.doc[verb.i + 1:c.left_edge.i]
            if between and between[0].text == "," and all(x.is_punct or x.pos_ == "ADV" for x in between):
                return c
        return None

    def _object_after(self, verb, when):
        """A determined noun phrase the parser hung on the date, or on the verb after the date and a comma."""
        doc = verb.doc

        def determined(x) -> bool:
            return any(c.dep_ == "det" and c.i < x.i for c in x.children) or any(
                c.dep_ == "case" and c.lower_ in self.partitives and c.i < x.i for c in x.children)

        def opens_after_date(x, rest_end: int) -> bool:
            return x.left_edge.i >= rest_end and all(y.is_punct for y in doc[rest_end:x.left_edge.i])

        for x in when.children:
            if x.dep_ not in ("conj", "nmod", "appos") or x.pos_ not in ("NOUN", "PROPN") or not determined(x):
                continue
            rest_end = max((y.i for c in when.children if c.i < x.i for y in c.subtree), default=when.i) + 1
            if opens_after_date(x, max(rest_end, when.i + 1)):
                return x
        end = when.right_edge.i + 1
        for x in verb.children:
            if x.i >= end and x.dep_.startswith("obl") and x.pos_ in ("NOUN", "PROPN") and determined(x) \
                    and not any(c.dep_ == "case" and c.lower_ not in self.partitives for c in x.children) \
                    and doc[end].is_punct and opens_after_date(x, end):
                return x
        return None


@Language.factory("communique_inserted_time", default_config={"lang": "fr"})
def make_inserted_time_repair(nlp: Language, name: str, lang: str) -> InsertedTimeRepair:
    return InsertedTimeRepair(nlp, name, lang)
