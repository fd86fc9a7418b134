"""The whole chain for a batch of inputs: ingest → clean → nlp → extract → resolve.

In: paths (files or folders). Out: ``DocumentFacts`` per document, and ``InputError``s for the inputs
that could not be read, in input order, with progress reported through a callback.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator, NamedTuple

from .clean import segment
from .errors import CommuniqueError, ExtractionError, InputError
from .extract import Extractor
from .ingest import DEFAULT_MAX_BYTES, Skipped, iter_documents
from .ingest.language import detect as detect_language
from .nlp import analyse, load_pipeline
from .records import Document, DocumentFacts
from .resolve import resolve_document
from .resolve.kb import office_holders

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int | None], None]


def default_workers() -> int:
    """Worker processes to use by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


class WorkerCrashed(CommuniqueError):
    """A worker process ended abruptly (killed, out of memory, a crash in native code): the
    documents it held and those after them were not analysed."""

    code = "E120"


class _Failure(NamedTuple):
    """A document whose extraction raised: what goes back from a worker instead of the exception,
    which may not survive pickling (``InputError`` does not)."""

    path: str
    reason: str
    traceback: str


class _WorkerTraceback(Exception):
    """The traceback of a failure, as text: the ``__cause__`` of the ``ExtractionError`` raised."""

    def __init__(self, tb: str):
        super().__init__(tb)
        self.tb = tb

    def __str__(self) -> str:
        return f"\n\"\"\"\n{self.tb}\"\"\""


@dataclass
class Pipeline:
    """Loads the spaCy model and the language data of each language once; processes documents in batches.

    ``lang`` None reads each document in its own language (``Document.lang``, told by ingest); a code
    ("fr", "en") reads every document in that language. ``model`` names the spaCy pipeline to use
    instead of the language's default (with a forced ``lang`` only)."""

    lang: str | None = None
    model: str | None = None
    batch_size: int = 16
    kb: object = None  # the user's knowledge base (resolve.kb.KnowledgeBase): canonical spellings
    _nlps: dict = field(default_factory=dict, repr=False)
    _extractors: dict = field(default_factory=dict, repr=False)
    _extractor_kb: object = field(default=None, repr=False)

    @property
    def default_lang(self) -> str:
        return self.lang or "fr"

    def nlp_for(self, lang: str):
        if lang not in self._nlps:
            self._nlps[lang] = load_pipeline(lang, self.model if self.lang else None)
        return self._nlps[lang]

    def extractor_for(self, lang: str) -> Extractor:
        if self._extractor_kb is not self.kb:
            # the user's knowledge base overrides the shipped office holders, so it is part of the extractor
            self._extractors, self._extractor_kb = {}, self.kb
        if lang not in self._extractors:
            self._extractors[lang] = Extractor(lang, offices=office_holders(self.kb))
        return self._extractors[lang]

    @property
    def nlp(self):
        """The spaCy pipeline of the forced language, else of French (the model loaded ahead of work)."""
        return self.nlp_for(self.default_lang)

    @property
    def extractor(self) -> Extractor:
        return self.extractor_for(self.default_lang)

    def language_of(self, document: Document) -> str:
        """The forced language, else the document's (told by ingest), else the one its text reads as."""
        return self.lang or document.lang or detect_language(document.text, min_share=0.01) or "fr"

    def process_documents(self, documents: Iterable[Document],
                          on_error: Callable[[InputError], None] | None = None, *,
                          strict: bool = False, workers: int = 1) -> Iterator[DocumentFacts]:
        """Facts of each document, in input order. A document whose analysis fails is reported to
        ``on_error`` as an ``ExtractionError`` and the others go on; without ``on_error`` the error is
        raised. With ``strict``, nothing after the first failure is yielded (the documents before it
        are) and no more documents are read.

        With ``workers`` > 1, documents are analysed (cleaning, spaCy, extraction, resolution) in that
        many worker processes, ``batch_size`` documents per task, with at most ``2 * workers`` tasks
        in flight: ``documents`` is read lazily, a few batches ahead of what has been yielded, never
        all at once. The results are the same, in the same order, as with one worker. With
        ``strict``, the documents of batches already in flight after a failure are analysed but
        not yielded. Fewer documents than one batch are analysed in this process, and no documents
        at all load no model. See ``_WorkerPool`` for how workers get the model.
        """
        if workers > 1:
            yield from self._process_parallel(documents, on_error, strict, workers)
            return
        batch: list[Document] = []
        for d in documents:
            batch.append(d)
            if len(batch) >= self.batch_size:
                if (yield from self._emit(self._analyse(batch), on_error, strict)):
                    return
                batch = []
        if batch:
            yield from self._emit(self._analyse(batch), on_error, strict)

    def _analyse(self, batch: list[Document]) -> list[DocumentFacts | _Failure]:
        """Facts of each document of ``batch`` (in order), or the ``_Failure`` of a document whose
        extraction raised. Runs in the calling process or in a worker."""
        results: dict[int, DocumentFacts | _Failure] = {}
        by_lang: dict[str, list[tuple[int, Document]]] = {}
        for n, d in enumerate(batch):
            by_lang.setdefault(self.language_of(d), []).append((n, d))
        for lang, items in by_lang.items():
            nlp, extractor = self.nlp_for(lang), self.extractor_for(lang)
            for _, d in items:
                d.lang = lang
            analysed = analyse([segment(d) for _, d in items], nlp)
            for (n, _), (doc, segs) in zip(items, analysed):
                try:
                    results[n] = resolve_document(extractor.extract(doc, segs), self.kb)
                except Exception as exc:  # one faulty document must not stop a corpus
                    results[n] = _Failure(doc.path or doc.id, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        return [results[n] for n in range(len(batch))]

    @staticmethod
    def _emit(results: Iterable[DocumentFacts | _Failure], on_error, strict: bool) -> Iterator[DocumentFacts]:
        """Yield the facts; report failures. Returns True when ``strict`` met a failure (stop)."""
        for r in results:
            if not isinstance(r, _Failure):
                yield r
                continue
            err = ExtractionError(r.path, f"could not be analysed ({r.reason})",
                                  hint="this is a defect of communique: please report it with this file")
            if on_error is None:
                raise err from _WorkerTraceback(r.traceback)
            log.debug("analysis of %s failed:\n%s", r.path, r.traceback)
            on_error(err)
            if strict:
                return True
        return False

    def _process_parallel(self, documents: Iterable[Document], on_error, strict: bool,
                          workers: int) -> Iterator[DocumentFacts]:
        docs = iter(documents)
        size = max(1, self.batch_size)
        first = list(islice(docs, size))
        if len(first) < size:
            # nothing, or one batch (one file): not worth starting workers, and nothing to analyse
            # must not even load the model (ingest started again over stored documents)
            if first:
                yield from self._emit(self._analyse(first), on_error, strict)
            return
        pending: deque[tuple[Future, list[Document]]] = deque()
        broken: BrokenProcessPool | None = None
        with _WorkerPool(self, workers) as pool:
            pending.append((pool.submit(first), first))

            def submit_next() -> bool:
                batch = list(islice(docs, size))
                if batch:
                    pending.append((pool.submit(batch), batch))
                return bool(batch)

            more = True
            while more and len(pending) < 2 * workers:
                more = submit_next()
            while pending:
                future, batch = pending.popleft()
                results = None
                if broken is None:
                    try:
                        results = future.result()
                    except BrokenProcessPool as exc:
                        broken = exc
                if results is None:
                    # a worker that dies breaks the whole pool: every batch in flight fails with it, whichever one
                    # killed it. Each is analysed again alone, in order: the documents before the one that kills a
                    # worker of its own are yielded, and it is the error
                    results = self._analyse_alone(batch)
                    if results is None:
                        raise WorkerCrashed(
                            f"a worker process ended abruptly ({broken}); the documents from there on were not "
                            "analysed", "run again with fewer workers (each holds a copy of the model); ingest "
                            "resumes where it stopped") from broken
                elif more:  # keep the workers busy while this batch is handed out
                    more = submit_next()
                if (yield from self._emit(results, on_error, strict)):
                    pool.close(wait=False)  # the batches after the failure are not wanted
                    return
        if broken is not None and more:
            # the pool broke but no batch kills a worker of its own: the rest goes to a new pool
            yield from self._process_parallel(docs, on_error, strict, workers)

    def _analyse_alone(self, batch: list[Document]) -> list | None:
        """The results of one batch analysed in a worker of its own; None when it ends that worker too."""
        with _WorkerPool(self, 1) as solo:
            try:
                return solo.submit(batch).result()
            except BrokenProcessPool:
                solo.close(wait=False)
                return None

    def process_paths(self, paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, date: str | None = None,
                      on_error: Callable[[InputError], None] | None = None,
                      on_skip: Callable[[Skipped], None] | None = None,
                      done: Callable[[Document], bool] | None = None,
                      strict: bool = False, workers: int = 1) -> Iterator[DocumentFacts]:
        """Facts of every readable input; unreadable ones go to ``on_error`` and the rest go on.

        ``on_skip`` hears of the files a folder walk does not read (``ingest.Skipped``). A document for
        which ``done`` returns True is passed over without being analysed (``ingest`` passes the texts
        already stored, so that a run started again after an interruption resumes where it stopped).
        With ``strict``, reading stops at the first input that fails: the documents read before it
        are still analysed and yielded, nothing after it is read.

        ``workers``: as ``process_documents``. Files are read, and ``done``, ``on_error`` and
        ``on_skip`` are called, in this process only, before a document goes to a worker; they may
        be called for inputs a few batches ahead of the last document yielded.
        """

        def docs():
            for item in iter_documents(list(paths), max_bytes=max_bytes, date=date, on_skip=on_skip, lang=self.lang):
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

        yield from self.process_documents(docs(), on_error=on_error, strict=strict, workers=workers)


# ---------------------------------------------------------------------------------------------- workers

_WORKER: Pipeline | None = None  # the pipeline of a worker process


def _die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this worker when the process that started it dies (a SIGKILL of
    ``ingest`` must not leave workers behind, holding its pipes open); elsewhere the pool ends them."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover  (not Linux)
        return
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _init_worker(pipeline: Pipeline, parent: int) -> None:
    global _WORKER
    _die_with_parent(parent)
    # Ctrl-C is for the parent, which stops the pool; a worker would only print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a worker forked while the CLI shows progress must not write through Rich's redirection of the
    # parent (its lock may have been held by the refresh thread at the fork): log to the real streams
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    _WORKER = pipeline
    pipeline.nlp  # noqa: B018  (already there after a fork; loaded here once after a spawn)
    pipeline.extractor  # noqa: B018


def _work(batch: list[Document]) -> list[DocumentFacts | _Failure]:
    assert _WORKER is not None
    return _WORKER._analyse(batch)


class _WorkerPool:
    """``workers`` processes, each holding one ``Pipeline`` for all its batches.

    Where ``fork`` is available (Linux), the parent loads the model and the extractor first and the
    workers are forked from it: they start at once, share the model's memory until they write to
    it, and get the parent's ``Pipeline`` as it is (its ``kb``, a replaced ``_extractor``). Elsewhere
    (``spawn``), each worker loads the model once from the pipeline's settings (``lang``, ``model``,
    ``batch_size``, ``kb``). The pool is closed when the caller stops reading (``break``, an
    exception, Ctrl-C): batches not started are cancelled and running workers are ended.
    """

    def __init__(self, pipeline: Pipeline, workers: int):
        if "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            pipeline.nlp  # noqa: B018  (load once, before forking)
            pipeline.extractor  # noqa: B018
            spec = pipeline
        else:  # pragma: no cover  (macOS, Windows)
            ctx = multiprocessing.get_context("spawn")
            spec = Pipeline(lang=pipeline.lang, model=pipeline.model, batch_size=pipeline.batch_size, kb=pipeline.kb)
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                             initargs=(spec, os.getpid()))
        self._closed = False

    def submit(self, batch: list[Document]) -> Future:
        return self._executor.submit(_work, batch)

    def __enter__(self) -> _WorkerPool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(wait=exc_type is None)

    def close(self, wait: bool) -> None:
        """``wait``: let the batches in flight finish; else cancel them and end the workers (the
        caller stopped early: strict, a ``break``, an error, Ctrl-C)."""
        if self._closed:
            return
        self._closed = True
        if wait:
            self._executor.shutdown(wait=True)
            return
        processes = list((getattr(self._executor, "_processes", None) or {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            if proc.is_alive():
                proc.terminate()
