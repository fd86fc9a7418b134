"""The stored merged record: computed from every stored document, and replaced all at once.

``refresh_merged(store, kb)`` reads every document's records, merges them (stages resolve and merge)
and replaces the ``merged_facts`` and ``conflicts`` tables in one transaction, checked against the
number of documents it was computed from: if another process stored a document meanwhile, it
computes again. So whatever the interruptions and however many processes ingest at once, the stored
merged record is the merge of one set of stored documents, and the last refresh covers them all.
"""
from __future__ import annotations

import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from ..errors import StoreError

if TYPE_CHECKING:  # pragma: no cover
    from ..merge import MergedRecord
    from .store import Store

log = logging.getLogger(__name__)

#: how many times a refresh computes again when documents keep arriving
REFRESH_ATTEMPTS = 5
#: the kinds of merged records, in the order they are written
MERGED_KINDS = ("event", "figure", "relation", "person", "commitment", "organisation")


def merged_rows(record: MergedRecord) -> tuple[dict[str, list[tuple[str, dict, int]]], list[tuple[str, str, dict]]]:
    """The rows of ``Store.replace_merged_record`` for a merged record: per kind ``(key, record,
    n_sources)``, the key a hash of the record without its sources (so the same real-world fact keeps
    its key as sources are added), and the conflicts ``(about, key, record)``."""
    rows: dict[str, list[tuple[str, dict, int]]] = {kind: [] for kind in MERGED_KINDS}
    seen: set[str] = set()
    for rec in record.records():
        body = json.dumps({k: v for k, v in rec.items() if k != "sources"}, sort_keys=True, ensure_ascii=False)
        key = f"{rec['kind']}:{hashlib.sha1(body.encode('utf-8')).hexdigest()[:20]}"
        n = 1
        while key in seen:  # two records alike but for their sources: keep both
            key, n = f"{key.split('#')[0]}#{n}", n + 1
        seen.add(key)
        docs = {s.get("doc") for s in rec.get("sources") or []}
        rows.setdefault(rec["kind"], []).append((key, rec, len(docs)))
    conflicts = []
    for rec in record.conflicts:
        body = json.dumps(rec, sort_keys=True, ensure_ascii=False)
        conflicts.append((rec.get("about", "fact"), "conflict:" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:20],
                          rec))
    return rows, conflicts


def compute_merged(store: Store, kb: Any = None) -> tuple[MergedRecord, int]:
    """The merged record of every document in ``store`` (read in one statement, so one consistent set of
    documents), and how many documents that was."""
    from ..merge import merge_records
    from ..resolve import ActorRegistry

    docs = [(d.id, d.date, recs) for d, recs in store.records_by_document()]
    return merge_records(docs, ActorRegistry(kb).add_all(docs)), len(docs)


def refresh_merged(store: Store, kb: Any = None) -> MergedRecord:
    """Merge every stored document and replace the stored merged record with the result, in one
    transaction (see the module docstring); returns the merged record.

    Raises ``StoreError`` when documents kept arriving through ``REFRESH_ATTEMPTS`` computations (the
    process storing them refreshes the record after them anyway) or when the database fails.
    """
    for attempt in range(1, REFRESH_ATTEMPTS + 1):
        record, n_docs = compute_merged(store, kb)
        rows, conflicts = merged_rows(record)
        if store.replace_merged_record(rows, conflicts, documents=n_docs):
            log.debug("merged record of %d documents stored (attempt %d)", n_docs, attempt)
            return record
        log.info("documents were stored while the merged record was computed: computing it again")
    raise StoreError(f"cannot refresh the merged record of {store.url}: documents kept being stored while it was "
                     f"computed ({REFRESH_ATTEMPTS} times)",
                     "run `communique ingest` again when the other ingestion is done")


__all__ = ["MERGED_KINDS", "REFRESH_ATTEMPTS", "compute_merged", "merged_rows", "refresh_merged"]
