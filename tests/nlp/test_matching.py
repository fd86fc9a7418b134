"""The trigger patterns read through ``AnchoredMatcher``: each span only by the patterns whose required words it
holds, with the matches one spaCy ``Matcher`` holding every pattern would give, in its order (the trigger rules
keep the first reading of a word). Checked on the real dev articles and on sentences of our own."""
from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from communique.clean import segment
from communique.extract.events import EventRules
from communique.lang import load_lexicon
from communique.nlp import analyse, load_pipeline
from communique.nlp.matching import AnchoredMatcher
from communique.records import Document


def _plain(matcher: AnchoredMatcher) -> Matcher:
    plain = Matcher(matcher.vocab)
    for label, pattern in matcher.patterns():
        plain.add(label, [pattern])
    return plain


def _sentences(nlp, texts: list[str], lang: str) -> list:
    docs = [segment(Document(f"d{k}", t, lang=lang)) for k, t in enumerate(texts)]
    return [s for _, segs in analyse(docs, nlp) for seg in segs for s in seg.doc.sents]


def test_the_trigger_matches_of_the_dev_articles_are_those_of_one_matcher_in_its_order(nlp, dev_dir):
    anchored = EventRules(load_lexicon("fr")).matcher(nlp.vocab)
    plain = _plain(anchored)
    sentences = _sentences(nlp, [p.read_text(encoding="utf-8") for p in sorted(dev_dir.glob("*.txt"))], "fr")
    assert len(sentences) > 100
    matched = 0
    for s in sentences:
        expected = [(key, s.start + a, s.start + b) for key, a, b in plain(s)]
        assert anchored(s) == expected, s.text
        matched += bool(expected)
    assert 0 < matched < len(sentences)  # (sentences with triggers and without)


def test_english_trigger_matches_are_those_of_one_matcher_in_its_order():
    nlp = load_pipeline("en")
    anchored = EventRules(load_lexicon("en")).matcher(nlp.vocab)
    plain = _plain(anchored)
    text = ("President Alvarez paid a state visit to Chile on Monday and held talks with his counterpart. "
            "The two ministers spoke by phone on Friday about the joint commission. "
            "They signed three agreements and a joint communiqué, and raised ties to a strategic partnership. "
            "The weather in the capital was mild and the markets were calm.")
    sentences = _sentences(nlp, [text], "en")
    assert len(sentences) == 4
    for s in sentences:
        assert anchored(s) == [(key, s.start + a, s.start + b) for key, a, b in plain(s)], s.text
    assert anchored(sentences[-1]) == []


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


def test_overlapping_patterns_come_by_end_then_start_then_order_added_each_once(blank):
    m = AnchoredMatcher(blank.vocab)
    m.add("A", [[{"LOWER": "visite"}], [{"LOWER": {"IN": ["visite", "tournée"]}}]])
    m.add("B", [[{"LOWER": "une"}, {"LOWER": "visite"}], [{"LOWER": "visite"}, {"LOWER": "officielle"}]])
    m.add("C", [[{"LOWER": "visite"}]])
    doc = blank("une visite officielle et une tournée")
    spans = [(blank.vocab.strings[k], a, b) for k, a, b in m(doc)]
    assert spans == [("B", 0, 2), ("A", 1, 2), ("C", 1, 2), ("B", 1, 3), ("A", 5, 6)]
    assert spans == [(blank.vocab.strings[k], a, b) for k, a, b in _plain(m)(doc)]


def test_a_pattern_is_read_only_where_all_its_required_words_are(blank):
    m = AnchoredMatcher(blank.vocab)
    m.add("CALL", [[{"LOWER": "entretien"}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": {"REGEX": "^t[ée]l[ée]phonique$"}}]])
    m.add("ANY", [[{"IS_DIGIT": True}]])  # (no word required: read everywhere)
    assert m(blank("un entretien telephonique")) == [(blank.vocab.strings["CALL"], 1, 3)]
    assert m(blank("un entretien cordial")) == []
    assert [blank.vocab.strings[k] for k, _, _ in m(blank("le 12 juin"))] == ["ANY"]
    span = blank("il a eu un entretien téléphonique hier")[2:6]
    assert m(span) == [(blank.vocab.strings["CALL"], 4, 6)]  # (the document's token indices)
