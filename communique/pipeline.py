"""The whole chain for a batch of inputs: ingest → clean → nlp → extract → resolve.

In: paths (files or folders). Out: ``DocumentFacts`` per document, and ``InputError``s for the inputs
that could not be read, in input order, with progress reported through a callback.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .clean import segment
from .errors import ExtractionError, InputError
from .extract import Extractor
from .ingest import DEFAULT_MAX_BYTES, Skipped, iter_documents
from .nlp import analyse, load_pipeline
from .records import Document, DocumentFacts
from .resolve import resolve_document
from .resolve.kb import office_holders

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int | None], None]


@dataclass
class Pipeline:
    """Loads the spaCy model and the language data once; processes documents in batches."""

    lang: str = "fr"
    model: str | None = None
    batch_size: int = 16
    kb: object = None  # the user's knowledge base (resolve.kb.KnowledgeBase): canonical spellings
    _nlp: object = field(default=None, repr=False)
    _extractor: Extractor | None = field(default=None, repr=False)
    _extractor_kb: object = field(default=None, repr=False)

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_pipeline(self.lang, self.model)
        return self._nlp

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None or self._extractor_kb is not self.kb:
            # the user's knowledge base overrides the shipped office holders, so it is part of the extractor
            self._extractor = Extractor(self.lang, offices=office_holders(self.kb))
            self._extractor_kb = self.kb
        return self._extractor

    def process_documents(self, documents: Iterable[Document],
                          on_error: Callable[[InputError], None] | None = None, *,
                          strict: bool = False) -> Iterator[DocumentFacts]:
        """Facts of each document. A document whose analysis fails is reported to ``on_error`` as an
        ``ExtractionError`` and the others go on; without ``on_error`` the error is raised. With
        ``strict``, nothing after the first failure is analysed (the documents before it are)."""
        stopped: list[bool] = []
        batch: list[Document] = []
        for d in documents:
            batch.append(segment(d))
            if len(batch) >= self.batch_size:
                yield from self._run(batch, on_error, stopped if strict else None)
                batch = []
                if stopped:
                    return
        if batch:
            yield from self._run(batch, on_error, stopped if strict else None)

    def _run(self, batch: list[Document], on_error, stopped: list[bool] | None) -> Iterator[DocumentFacts]:
        for doc, segs in analyse(batch, self.nlp):
            try:
                facts = resolve_document(self.extractor.extract(doc, segs), self.kb)
            except Exception as exc:  # one faulty document must not stop a corpus
                err = ExtractionError(doc.path or doc.id, f"could not be analysed ({type(exc).__name__}: {exc})",
                                      hint="this is a defect of communique: please report it with this file")
                if on_error is None:
                    raise err from exc
                log.debug("analysis of %s failed", doc.id, exc_info=True)
                on_error(err)
                if stopped is not None:
                    stopped.append(True)
                    return
                continue
            yield facts

    def process_paths(self, paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, date: str | None = None,
                      on_error: Callable[[InputError], None] | None = None,
                      on_skip: Callable[[Skipped], None] | None = None,
                      done: Callable[[Document], bool] | None = None,
                      strict: bool = False) -> Iterator[DocumentFacts]:
        """Facts of every readable input; unreadable ones go to ``on_error`` and the rest go on.

        ``on_skip`` hears of the files a folder walk does not read (``ingest.Skipped``). A document for
        which ``done`` returns True is passed over without being analysed (``ingest`` passes the texts
        already stored, so that a run started again after an interruption resumes where it stopped).
        With ``strict``, reading stops at the first input that fails: the documents read before it
        are still analysed and yielded, nothing after it is read.
        """

        def docs():
            for item in iter_documents(list(paths), max_bytes=max_bytes, date=date, on_skip=on_skip):
                if isinstance(item, InputError):
                    if on_error is not None:
                        on_error(item)
                    else:
                        log.warning("%s", item)
                    if strict:
                        return
                    continue
                if done is not None and done(item):
                    continue
                yield item

        yield from self.process_documents(docs(), on_error=on_error, strict=strict)
