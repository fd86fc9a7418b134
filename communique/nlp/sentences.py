"""spaCy component ``communique_sentences``: sentence boundaries from punctuation, set before the parser.

In: a tokenized ``Doc`` (one segment: a paragraph, a title or a heading). Out: every token's
``is_sent_start`` set, which the parser then respects. The French models' parser splits sentences
inside Vietnamese and Central Asian names (dependency probe, section 1); a sentence of a news
paragraph ends at ".", "!", "?" or "…" followed by a capital, a quote or a digit.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ENDERS = {".", "!", "?", "…", "...", "!?", "?!"}
CLOSERS = {"»", '"', "”", ")", "'"}


class SentenceBoundaries:
    def __init__(self, nlp: Language, name: str = "communique_sentences"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc[0].is_sent_start = True
        ended = False
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.text in ENDERS:
                ended = True
            start = ended and prev.text not in CLOSERS or (ended and prev.text in CLOSERS)
            if start and tok.text not in CLOSERS and tok.text not in ENDERS and (
                    tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text[:1] in "«\"“-–—"):
                tok.is_sent_start = True
                ended = False
            else:
                tok.is_sent_start = False
                if tok.text not in CLOSERS and tok.text not in ENDERS:
                    ended = False
        return doc


@Language.factory("communique_sentences")
def make_sentence_boundaries(nlp: Language, name: str) -> SentenceBoundaries:
    return SentenceBoundaries(nlp, name)
