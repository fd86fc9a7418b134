"""spaCy component ``communique_sentences``: sentence boundaries from punctuation, set before the parser.

In: a tokenized ``Doc`` (one segment: a paragraph, a title or a heading). Out: every token's
``is_sent_start`` set, which the parser then respects. The French models' parser splits sentences
inside Vietnamese and Central Asian names (dependency probe, section 1); a sentence of a news
paragraph ends at ".", "!", "?" or "…" followed by a capital, a quote or a digit, except the dot of
a form of address the tokenizer split off ("Hon. Mr. X", "Smt. Y": the language's honorifics,
``lang/<code>/persons.yaml``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import fold, load_lexicon

ENDERS = {".", "!", "?", "…", "...", "!?", "?!"}
CLOSERS = {"»", '"', "”", ")", "'"}


class SentenceBoundaries:
    def __init__(self, nlp: Language, name: str = "communique_sentences", lang: str | None = None):
        self.name = name
        honorifics = load_lexicon(lang).persons.get("honorifics", []) if lang else []
        self.abbreviations = {fold(w).rstrip(".") for w in honorifics if fold(w).rstrip(".").isalpha()}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc[0].is_sent_start = True
        ended = False
        for tok in doc[1:]:
            if tok.is_space:
                tok.is_sent_start = False  # "a visit.  During the meeting": two spaces after the full stop
                continue
            prev = doc[tok.i - 1]
            spaced = prev.is_space and tok.i >= 2
            if spaced:
                prev = doc[tok.i - 2]
            if prev.text in ENDERS and not (prev.text == "." and prev.i >= 1 and prev.idx == doc[prev.i - 1].idx + len(
                    doc[prev.i - 1].text) and fold(doc[prev.i - 1].text) in self.abbreviations):
                ended = True
            start = ended and prev.text not in CLOSERS or (ended and prev.text in CLOSERS)
            if start and tok.text not in CLOSERS and tok.text not in ENDERS and (
                    tok.text[:1].isupper() or tok.text[:1].isdigit() and not spaced or tok.text[:1] in "«\"“-–—"):
                # (not a digit after two spaces: "No.  10 Downing Street")
                tok.is_sent_start = True
                ended = False
            else:
                tok.is_sent_start = False
                if tok.text not in CLOSERS and tok.text not in ENDERS:
                    ended = False
        return doc


@Language.factory("communique_sentences", default_config={"lang": None})
def make_sentence_boundaries(nlp: Language, name: str, lang: str | None) -> SentenceBoundaries:
    return SentenceBoundaries(nlp, name, lang)
