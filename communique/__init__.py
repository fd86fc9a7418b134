"""communique: reads French and English diplomatic news and keeps traceable fact records.

The stages, in order: ``ingest`` (files → ``Document``), ``clean`` (which parts are article text),
``nlp`` (spaCy), ``extract`` (→ ``DocumentFacts``: events, figures, relations, persons, commitments,
organisations, each with the sentence it was read from), ``resolve`` (one ``Actor`` per person,
country and organisation, whatever the spelling), ``merge`` (one record per real-world fact across
documents, and the conflicts between sources), ``store`` (SQLite or PostgreSQL), ``query`` (the
relationship of two countries, timelines).

Public API::

    import communique
    records = communique.extract_file("article.txt")          # SCHEMA.md records (dicts)
    for rec in communique.extract_paths(["corpus/"], on_error=print): ...
    pipeline = communique.Pipeline()                           # DocumentFacts, for finer control
    with communique.open_store("communique.db") as store:
        for facts in pipeline.process_paths(["corpus/"]):
            store.add(facts)
        record = communique.merged(store)                      # MergedRecord: events, figures, ...
    report = communique.dyad(record, "Vietnam", "RUS")         # codes or names; level, history, targets
    events = communique.timeline(record, country="KAZ", start="2024")
    registry = communique.actors(store)                        # ActorRegistry: find("To Lam") ...

Importing this package is cheap: spaCy, the language data and SQLAlchemy load on first use.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import CommuniqueError, InputError, ModelNotInstalled, QueryError, StoreError, UnknownCountry
from .records import (
    Commitment,
    Document,
    DocumentFacts,
    Event,
    Fact,
    Figure,
    Participant,
    Person,
    Actor,
    Organisation,
    Relation,
    Role,
    Source,
)

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Pipeline
    from .store import Store, open_store

logging.getLogger(__name__).addHandler(logging.NullHandler())


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("communique")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"

#: same value as ``communique.ingest.DEFAULT_MAX_BYTES`` (not imported here, to keep import cheap)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_PIPELINES: dict[str | None, Any] = {}


def _pipeline(lang: str | None = None) -> Pipeline:
    """The process-wide ``Pipeline`` of a language (None: each document's own): the spaCy models are
    loaded once per process."""
    if lang not in _PIPELINES:
        from .pipeline import Pipeline

        _PIPELINES[lang] = Pipeline(lang=lang)
    return _PIPELINES[lang]


def extract_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  lang: str | None = None, on_error: Callable[[InputError], None] | None = None,
                  pipeline: Pipeline | None = None, workers: int = 1) -> Iterator[dict[str, Any]]:
    """SCHEMA.md records of every article in ``paths`` (files and folders), document after document.

    An input that cannot be read goes to ``on_error`` (an ``InputError``) and the others are read;
    without ``on_error`` it is logged as a warning. ``date`` overrides every publication date.
    ``workers`` > 1 analyses documents in that many processes (``Pipeline.process_documents``); the
    records come in the same order. Raises ``ModelNotInstalled`` when the spaCy model is missing.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    pipe = pipeline or _pipeline(lang)
    for facts in pipe.process_paths(paths, max_bytes=max_bytes, date=date, on_error=on_error, workers=workers):
        yield from facts.to_records()


def extract_file(path: str | os.PathLike[str], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, lang: str | None = None,
                 pipeline: Pipeline | None = None) -> list[dict[str, Any]]:
    """SCHEMA.md records of one file (every article of a ``.jsonl`` file).

    Raises the ``InputError`` of the first problem found, if any, even when other lines of a
    ``.jsonl`` file could be read (use ``extract_paths`` with ``on_error`` to keep those).
    """
    errors: list[InputError] = []
    records = list(extract_paths([path], date=date, max_bytes=max_bytes, lang=lang, on_error=errors.append,
                                 pipeline=pipeline))
    if errors:
        raise errors[0]
    return records


def merged(store: Store, kb: Any = None):
    """The merged record (``merge.MergedRecord``) of every document in ``store``."""
    from .merge import merge_records

    docs = [(doc.id, doc.date, recs) for doc, recs in store.records_by_document()]
    return merge_records(docs, actors(store, kb, docs))


def refresh_merged(store: Store, kb: Any = None):
    """Merge every document in ``store`` and replace its stored merged record (``merged_facts`` and
    ``conflicts``) with the result, in one transaction; returns the merged record."""
    from .store import refresh_merged as _refresh

    return _refresh(store, kb)


def actors(store: Store, kb: Any = None, _docs: list | None = None):
    """The ``resolve.ActorRegistry`` of every document in ``store`` (with the user's knowledge base)."""
    from .resolve import ActorRegistry

    docs = _docs if _docs is not None else [(d.id, d.date, recs) for d, recs in store.records_by_document()]
    return ActorRegistry(kb).add_all(docs)


def __getattr__(name: str) -> Any:
    # the heavy parts are imported on first use
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name in ("open_store", "Store"):
        from . import store

        return getattr(store, name)
    if name in ("dyad", "timeline"):
        from . import query

        return getattr(query, name)
    if name in ("resolve_country", "ActorRegistry"):
        from . import resolve

        return getattr(resolve, name)
    if name == "load_kb":
        from .resolve.kb import load_kbs

        return load_kbs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "__version__",
    "Pipeline",
    "extract_file",
    "extract_paths",
    "open_store",
    "Store",
    "merged",
    "refresh_merged",
    "actors",
    "dyad",
    "timeline",
    "resolve_country",
    "ActorRegistry",
    "load_kb",
    # records
    "Document",
    "DocumentFacts",
    "Fact",
    "Event",
    "Figure",
    "Relation",
    "Person",
    "Commitment",
    "Source",
    "Participant",
    "Role",
    "Actor",
    "Organisation",
    # errors
    "CommuniqueError",
    "InputError",
    "ModelNotInstalled",
    "StoreError",
    "QueryError",
    "UnknownCountry",
]
