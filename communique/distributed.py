"""Scale: the pipeline on a Dask cluster, through Parquet files.

Three steps, each usable alone (``docs/dask.md``):

- ``extract_to_parquet(paths, output_dir)``: the per-document stages (ingest → clean → nlp → extract →
  resolve) as Dask tasks, one task per batch of input files. Each worker process loads the spaCy
  model once (``_pipeline``: a per-process cache) and writes its batch as one partition:
  ``documents/part-NNNN.parquet`` and ``records/part-NNNN.parquet``. Inputs that cannot be read or
  analysed are collected as ``InputError``s in the returned ``Summary``; they never stop the job.
- ``merge_parquet(input_dir, output_dir)``: the cross-document merge as a Dask group-by. The actor
  registry (persons and organisations of every document: small) is built once on the client and
  broadcast to the workers; events, figures, relations and commitments are shuffled by a blocking
  key (kind, type or metric, the unordered set of countries with historical states folded into their
  successors, and for events the status): two records with different keys are never merged by
  ``communique.merge``, so merging each group with the merge stage's own functions gives the same
  records as ``merge_records`` over everything. Writes ``merged/part-NNNN.parquet`` and
  ``conflicts/part-NNNN.parquet`` with the keys ``store.merged_rows`` gives.
- ``load_parquet(input_dir, db_url)``: the documents and their records into a store, then the merged
  record (``merged/`` when it was computed from these very partitions, else ``refresh_merged``).

The output folder must be reachable under the same path from the client and every worker (a local
folder for a ``LocalCluster``, a shared file system on a cluster), and so must the inputs.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CommuniqueError, ExtractionError, InputError, ModelNotInstalled
from .export_formats import ExportError, write_file_atomically
from .ingest import DEFAULT_MAX_BYTES, Skipped, iter_documents, parse_date
from .merge import MergedRecord, _canonical_order
from .merge.conflicts import person_conflicts
from .merge.events import merge_events
from .merge.facts import merge_commitments, merge_figures, merge_organisations, merge_relations
from .records import (Commitment, Document, DocumentFacts, Event, Fact, Figure, Organisation, Person, Relation,
                      Role, source_from_record)
from .resolve import ActorRegistry, merged_person_records
from .store import merged_rows, open_store, refresh_merged, text_sha256
from .store.store import record_columns
from .store.merged import MERGED_KINDS

log = logging.getLogger(__name__)

__all__ = ["ExtractSummary", "MergeSummary", "extract_to_parquet", "load_parquet", "merge_parquet",
           "read_merged", "read_records", "record_to_fact"]

#: input files per extraction task (a task also ends at ``BYTES_PER_TASK``)
FILES_PER_TASK = 32
BYTES_PER_TASK = 8 * 1024 * 1024
#: the manifest written beside the partitions
MANIFEST = "_manifest.json"
#: kinds merged by the group-by (persons and organisations come from the actor registry)
BLOCKED_KINDS = ("event", "figure", "relation", "commitment")
#: kinds whose per-document records build the actor registry
ACTOR_KINDS = ("person", "organisation")


# ---------------------------------------------------------------------------------------------- schemas

def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s = pa.string()
    return {
        "documents": pa.schema([("doc_id", s), ("text", s), ("date", s), ("url", s), ("title", s), ("path", s),
                                ("lang", s), ("encoding", s), ("sha256", s)]),
        "records": pa.schema([("doc_id", s), ("position", pa.int32()), ("kind", s), ("type", s), ("status", s),
                              ("countries", pa.list_(s)), ("date_start", s), ("record", s)]),
        "merged": pa.schema([("kind", s), ("key", s), ("record", s), ("n_sources", pa.int32()), ("block", s)]),
        "conflicts": pa.schema([("about", s), ("key", s), ("record", s)]),
    }


def _part(folder: str | os.PathLike[str], table: str, index: int) -> Path:
    return Path(os.fspath(folder)) / table / f"part-{index:04d}.parquet"


def _parts(folder: str | os.PathLike[str], table: str) -> list[Path]:
    d = Path(os.fspath(folder)) / table
    return sorted(d.glob("part-*.parquet")) if d.is_dir() else []


def _write_table(path: Path, table: str, columns: dict[str, list[Any]]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pa.Table.from_pydict(columns, schema=_schemas()[table])
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_file_atomically(path, lambda f: pq.write_table(t, f))


def _read_table(path: Path, columns: list[str] | None = None) -> dict[str, list[Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=columns).to_pydict()


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _write_partition(output_dir: str, index: int, facts: list[DocumentFacts]) -> tuple[int, int]:
    docs: dict[str, list[Any]] = {k: [] for k in _schemas()["documents"].names}
    recs: dict[str, list[Any]] = {k: [] for k in _schemas()["records"].names}
    for f in facts:
        d = f.document
        for k, v in (("doc_id", d.id), ("text", d.text), ("date", d.date), ("url", d.url), ("title", d.title),
                     ("path", d.path), ("lang", d.lang), ("encoding", d.encoding), ("sha256", text_sha256(d.text))):
            docs[k].append(v)
        for i, rec in enumerate(f.to_records()):
            typ, status, countries, start = record_columns(rec)
            for k, v in (("doc_id", d.id), ("position", i), ("kind", rec.get("kind")), ("type", _text(typ)),
                         ("status", status), ("countries", countries), ("date_start", _text(start)),
                         ("record", json.dumps(rec, ensure_ascii=False, allow_nan=False))):
                recs[k].append(v)
    _write_table(_part(output_dir, "documents", index), "documents", docs)
    _write_table(_part(output_dir, "records", index), "records", recs)
    return len(docs["doc_id"]), len(recs["doc_id"])


# ---------------------------------------------------------------------------------------------- clients

@contextlib.contextmanager
def _client(scheduler: str | None, n_workers: int, client: Any = None) -> Iterator[Any]:
    """A Dask client: ``client`` as given, one connected to ``scheduler``, or a ``LocalCluster`` of
    ``n_workers`` single-threaded worker processes (closed on exit)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - the [dask] extra is missing
        raise CommuniqueError("Dask is not installed", "pip install 'communique[dask]'") from e
    if client is not None:
        yield client
    elif scheduler:
        with Client(scheduler) as c:
            yield c
    else:
        with LocalCluster(n_workers=max(1, n_workers), threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as c:
            log.info("Dask cluster of %d workers, dashboard at %s", n_workers, c.dashboard_link)
            yield c


# ------------------------------------------------------------------------------------ extract (workers)

_PIPELINES: dict[tuple, Any] = {}
_PIPELINE_LOCK = threading.Lock()


def _pipeline(lang: str | None, model: str | None, batch_size: int, kb: Any):
    """This process's ``Pipeline`` (the spaCy model is loaded once per worker process, on first use)."""
    from .pipeline import Pipeline

    key = (lang, model, batch_size)
    p = _PIPELINES.get(key)
    if p is None:
        p = _PIPELINES[key] = Pipeline(lang=lang, model=model, batch_size=batch_size)
    p.kb = kb  # the extractor is rebuilt only when the knowledge base is another object
    return p


def _error_row(e: InputError) -> dict[str, Any]:
    return {"class": "extraction" if isinstance(e, ExtractionError) else "input", "path": e.path,
            "problem": e.problem, "line": e.line, "hint": e.hint}


def _error(row: dict[str, Any]) -> InputError:
    cls = ExtractionError if row.get("class") == "extraction" else InputError
    return cls(row["path"], row["problem"], line=row.get("line"), hint=row.get("hint"))


def _extract_task(index: int, files: list[str], output_dir: str, options: dict[str, Any], kb: Any = None
                  ) -> dict[str, Any]:
    """One partition: read ``files``, analyse their documents, write ``part-<index>``."""
    errors: list[InputError] = []
    skipped: list[Skipped] = []  # inside the files (records of an archive that are no article)
    docs: list[Document] = []
    for item in iter_documents(files, max_bytes=options["max_bytes"], date=options["date"], on_skip=skipped.append,
                               lang=options["lang"]):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs.append(item)
    facts: list[DocumentFacts] = []
    if docs:
        pipeline = _pipeline(options["lang"], options["model"], options["batch_size"], kb)
        with _PIPELINE_LOCK:  # one spaCy model per process: threads of a worker take turns
            facts = list(pipeline.process_documents(docs, on_error=errors.append))
    n_docs, n_recs = _write_partition(output_dir, index, facts)
    return {"index": index, "documents": n_docs, "records": n_recs,
            "ids": [(f.document.id, f.document.path) for f in facts], "errors": [_error_row(e) for e in errors],
            "skipped": [(s.path, s.reason) for s in skipped]}


def _drop_documents(output_dir: str, index: int, drop: list[str]) -> None:
    """Rewrite partition ``index`` without the documents ``drop`` (a later duplicate of an id)."""
    for table in ("documents", "records"):
        path = _part(output_dir, table, index)
        cols = _read_table(path)
        keep = [i for i, d in enumerate(cols["doc_id"]) if d not in drop]
        _write_table(path, table, {k: [v[i] for i in keep] for k, v in cols.items()})


# ------------------------------------------------------------------------------------ extract (client)

@dataclass
class ExtractSummary:
    """What ``extract_to_parquet`` did: partitions written, documents and records in them, and the
    inputs that failed (in input order) or that a folder walk passed over."""

    output_dir: Path
    partitions: int = 0
    documents: int = 0
    records: int = 0
    errors: list[InputError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    run_id: str = ""
    seconds: float = 0.0


Summary = ExtractSummary


def _list_inputs(paths: Iterable[str | os.PathLike[str]], errors: list[InputError],
                 on_skip: Callable[[Skipped], None]) -> list[str]:
    """The files to read, in the order ``ingest.iter_documents`` reads them (a file named twice once)."""
    from .ingest import _expand  # the folder walk of ingest, so that files come in the same order

    files: list[str] = []
    seen: set[str] = set()
    for arg in paths:
        for item in _expand(os.fspath(arg), True, on_skip):
            if isinstance(item, InputError):
                errors.append(item)
                continue
            real = os.path.realpath(item)
            if real not in seen:
                seen.add(real)
                files.append(item)
    return files


def _batches(files: list[str], files_per_task: int, bytes_per_task: int) -> list[list[str]]:
    out: list[list[str]] = []
    batch: list[str] = []
    size = 0
    for f in files:
        try:
            n = os.path.getsize(f)
        except OSError:
            n = 0
        if batch and (len(batch) >= files_per_task or size + n > bytes_per_task):
            out.append(batch)
            batch, size = [], 0
        batch.append(f)
        size += n
    if batch:
        out.append(batch)
    return out


def _prepare_output(output_dir: Path, overwrite: bool, tables: tuple[str, ...]) -> None:
    held = [p for t in tables for p in _parts(output_dir, t)]
    if held and not overwrite:
        raise ExportError(f"{output_dir} already holds partitions ({held[0]})",
                          "give an empty folder, or overwrite=True to replace them")
    for p in held:
        p.unlink()
    for t in tables:
        (output_dir / t).mkdir(parents=True, exist_ok=True)


def extract_to_parquet(paths: Iterable[str | os.PathLike[str]], output_dir: str | os.PathLike[str], *,
                       scheduler: str | None = None, n_workers: int = 2, date: str | None = None,
                       max_bytes: int = DEFAULT_MAX_BYTES, on_error: Callable[[InputError], None] | None = None,
                       on_skip: Callable[[Skipped], None] | None = None,
                       progress: Callable[[int, int], None] | None = None, lang: str | None = None,
                       model: str | None = None, kb: Any = None, batch_size: int = 16,
                       files_per_task: int = FILES_PER_TASK, bytes_per_task: int = BYTES_PER_TASK,
                       overwrite: bool = False, client: Any = None) -> ExtractSummary:
    """Analyse the documents of ``paths`` on a Dask cluster into Parquet partitions under ``output_dir``.

    ``scheduler``: a scheduler address (``tcp://host:8786``); None starts a ``LocalCluster`` of
    ``n_workers`` single-threaded processes (``client``: an existing ``distributed.Client``, used as
    is). ``date``, ``max_bytes``, ``lang``, ``model``, ``kb``: as ``Pipeline.process_paths``. Every
    input that cannot be read or analysed goes to ``on_error`` (as soon as its task ends) and into
    ``summary.errors`` (in input order); files a folder walk passes over go to ``on_skip``.
    ``progress(done, total)`` is called as partitions are written. Raises ``ExportError`` when
    ``output_dir`` already holds partitions (unless ``overwrite``), ``ModelNotInstalled``.
    """
    started = time.monotonic()
    out = Path(os.fspath(output_dir)).absolute()
    summary = ExtractSummary(output_dir=out, run_id=uuid.uuid4().hex)
    report = on_error or (lambda e: log.warning("%s", e))

    def skipped(s: Skipped) -> None:
        summary.skipped.append(s)
        if on_skip is not None:
            on_skip(s)

    if date is not None:
        try:
            date = parse_date(date)
        except ValueError as e:
            summary.errors.append(InputError("--date", str(e), hint="nothing was read"))
            report(summary.errors[-1])
            return summary
    walk_errors: list[InputError] = []
    files = _list_inputs([paths] if isinstance(paths, (str, os.PathLike)) else paths, walk_errors, skipped)
    for e in walk_errors:
        report(e)
    _prepare_output(out, overwrite, ("documents", "records", "merged", "conflicts"))
    batches = _batches(files, max(1, files_per_task), bytes_per_task)
    options = {"max_bytes": max_bytes, "date": date, "lang": lang, "model": model, "batch_size": batch_size}
    results: dict[int, dict[str, Any]] = {}
    if batches:
        from distributed import as_completed

        with _client(scheduler, n_workers, client) as c:
            # the knowledge base is sent once to each worker, not with every task
            shared_kb = c.scatter([kb], broadcast=True)[0] if kb is not None else None
            futures = {c.submit(_extract_task, i, b, str(out), options, shared_kb, pure=False): i
                       for i, b in enumerate(batches)}
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except ModelNotInstalled:  # no document can be analysed anywhere: say so once
                    for f in futures:
                        f.cancel()
                    raise
                except Exception as e:  # a worker lost, a defect: the batch fails, the job goes on
                    results[i] = _failed_batch(i, batches[i], e)
                if results[i].get("failed"):  # no half-written partition stays
                    _write_partition(str(out), i, [])
                for row in results[i]["errors"]:
                    report(_error(row))
                for path, reason in results[i].get("skipped", []):
                    skipped(Skipped(path, reason))
                if progress is not None:
                    progress(len(results), len(batches))
            duplicates = _duplicate_ids(results)
            for i, drop in duplicates.items():
                c.submit(_drop_documents, str(out), i, sorted({d for d, _ in drop}), pure=False).result()
                for doc_id, first in drop:
                    row = _error_row(InputError(_path_of(results[i], doc_id),
                                                f'duplicate document id "{doc_id}" (already read from {first})'))
                    results[i]["errors"].append(row)
                    results[i]["documents"] -= 1
                    report(_error(row))
                results[i]["records"] = len(_read_table(_part(out, "records", i), ["doc_id"])["doc_id"])
    summary.errors = walk_errors + [_error(r) for i in sorted(results) for r in results[i]["errors"]]
    summary.partitions = len(results)
    summary.documents = sum(r["documents"] for r in results.values())
    summary.records = sum(r["records"] for r in results.values())
    summary.seconds = time.monotonic() - started
    _write_manifest(out, {"run_id": summary.run_id, "partitions": summary.partitions,
                          "documents": summary.documents, "records": summary.records,
                          "errors": [_error_row(e) for e in summary.errors]})
    return summary


def _failed_batch(index: int, files: list[str], exc: BaseException) -> dict[str, Any]:
    """A task that failed as a whole: every file of it is an error (its partition is written empty)."""
    log.debug("extraction task %d failed", index, exc_info=exc)
    return {"index": index, "documents": 0, "records": 0, "ids": [], "failed": True,
            "errors": [_error_row(ExtractionError(f, f"could not be processed ({type(exc).__name__}: {exc})",
                                                  hint="the Dask task of this file failed; run again"))
                       for f in files]}


def _path_of(result: dict[str, Any], doc_id: str) -> str:
    return next((p for d, p in result["ids"] if d == doc_id and p), doc_id)


def _duplicate_ids(results: dict[int, dict[str, Any]]) -> dict[int, list[tuple[str, str]]]:
    """Documents whose id a partition before them (in input order) already holds: partition index →
    [(id, where it was first read)]. Within a partition, ``iter_documents`` already refused them."""
    first: dict[str, str] = {}
    out: dict[int, list[tuple[str, str]]] = {}
    for i in sorted(results):
        for doc_id, path in results[i]["ids"]:
            if doc_id in first:
                out.setdefault(i, []).append((doc_id, first[doc_id]))
            else:
                first[doc_id] = path or doc_id
    return out


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    write_file_atomically(folder / MANIFEST, lambda f: f.write(text))


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# ---------------------------------------------------------------------------------------------- merge

@dataclass
class MergeSummary:
    """What ``merge_parquet`` wrote: merged records per kind, conflicts, partitions."""

    output_dir: Path
    partitions: int = 0
    documents: int = 0
    merged: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    run_id: str = ""
    seconds: float = 0.0


def blocking_key(rec: dict[str, Any], succ: Any = None) -> str | None:
    """The group-by key of a per-document record (None for the kinds the actor registry merges).

    Two records with different keys are never merged, nor reported as a conflict, by
    ``communique.merge``: the key holds what its rules require to be equal (the kind; an event's type
    and status, a figure's metric, a relation's level, a commitment's domain; the unordered set of
    countries, a historical state counted as its successor) and never the date, since one event can
    be dated differently by two articles."""
    from .extract.successors import Successors

    kind = rec.get("kind")
    if kind not in BLOCKED_KINDS:
        return None
    succ = succ or Successors.load()
    countries = sorted({str(succ.canonical(c)) for c in rec.get("countries") or []})
    if kind == "event":  # as Event.from_record reads them
        what: list[Any] = [rec.get("type", "meeting"), rec.get("status") or "happened"]
    else:
        what = [rec.get({"figure": "metric", "relation": "level", "commitment": "domain"}[kind])]
    return json.dumps([kind, *what, countries], ensure_ascii=False, default=str)


def _bucket(block: str) -> int:
    """A stable integer for a key (Python's ``hash`` of a string differs between worker processes)."""
    return int.from_bytes(hashlib.sha1(block.encode("utf-8")).digest()[:8], "big") >> 1


def _item_bucket(item: tuple[str, str]) -> int:
    return _bucket(item[0])


def _blocked_items(paths: list[str]) -> list[tuple[str, str]]:
    """``(blocking key, record JSON)`` of the event, figure, relation and commitment records of
    record partitions."""
    import pyarrow.parquet as pq

    from .extract.successors import Successors

    succ = Successors.load()
    out = []
    for p in paths:
        cols = pq.read_table(p, columns=["kind", "record"], filters=[("kind", "in", list(BLOCKED_KINDS))]).to_pydict()
        for text in cols["record"]:
            out.append((blocking_key(json.loads(text), succ), text))
    return out


def _actor_inputs(doc_part: str, rec_part: str) -> list[tuple[str, str | None, list[dict[str, Any]]]]:
    """``(doc id, date, person and organisation records)`` of every document of a partition."""
    import pyarrow.parquet as pq

    docs = _read_table(Path(doc_part), ["doc_id", "date"])
    recs = pq.read_table(rec_part, columns=["doc_id", "position", "record"],
                         filters=[("kind", "in", list(ACTOR_KINDS))]).to_pydict()
    by_doc: dict[str, list[tuple[int, str]]] = {d: [] for d in docs["doc_id"]}
    for d, pos, text in zip(recs["doc_id"], recs["position"], recs["record"]):
        by_doc.setdefault(d, []).append((pos, text))
    return [(d, date, [json.loads(t) for _, t in sorted(by_doc[d])]) for d, date in zip(docs["doc_id"], docs["date"])]


def _merge_groups(group: tuple[int, list[tuple[str, str]]], registry: ActorRegistry
                  ) -> list[tuple[str, list[dict], list[dict]]]:
    """Merge the records of one shuffle group, block by block, with the merge stage's functions:
    ``[(blocking key, merged records, conflicts)]``."""
    blocks: dict[str, list[dict]] = {}
    for block, text in group[1]:
        blocks.setdefault(block, []).append(json.loads(text))
    out = []
    for block, recs in sorted(blocks.items()):
        kind = recs[0].get("kind")
        conflicts: list[dict] = []
        if kind == "event":
            merged, conflicts = merge_events(recs, registry)
        elif kind == "figure":
            merged, conflicts = merge_figures(recs)
        elif kind == "relation":
            merged = merge_relations(recs)
        else:
            merged = merge_commitments(recs)
        out.append((block, merged, conflicts))
    return out


def _write_merged_part(output_dir: str, index: int, groups: Iterable[list[tuple[str, list[dict], list[dict]]]]
                       ) -> dict[str, int]:
    """Write merged records and conflicts of some blocks as partition ``index``, keyed as
    ``store.merged_rows`` keys them (a key's ``#n`` suffixes stay within a block: two records alike
    but for their sources have the same blocking key)."""
    merged: dict[str, list[Any]] = {k: [] for k in _schemas()["merged"].names}
    conflicts: dict[str, list[Any]] = {k: [] for k in _schemas()["conflicts"].names}
    counts: dict[str, int] = {}
    for block, recs, confs in (t for g in groups for t in g):
        rows, conflict_rows = merged_rows(MergedRecord(events=sorted(recs, key=_canonical_order), conflicts=confs))
        for kind, krows in rows.items():
            for key, rec, n in krows:
                for k, v in (("kind", kind), ("key", key), ("record", json.dumps(rec, ensure_ascii=False)),
                             ("n_sources", n), ("block", block)):
                    merged[k].append(v)
                counts[kind] = counts.get(kind, 0) + 1
        for about, key, rec in conflict_rows:
            for k, v in (("about", about), ("key", key), ("record", json.dumps(rec, ensure_ascii=False))):
                conflicts[k].append(v)
    _write_table(_part(output_dir, "merged", index), "merged", merged)
    _write_table(_part(output_dir, "conflicts", index), "conflicts", conflicts)
    counts["conflicts"] = len(conflicts["key"])
    return counts


def _registry_groups(registry: ActorRegistry) -> list[tuple[str, list[dict], list[dict]]]:
    return [("person", merged_person_records(registry), person_conflicts(registry)),
            ("organisation", merge_organisations(registry), [])]


def merge_parquet(input_dir: str | os.PathLike[str], output_dir: str | os.PathLike[str] | None = None, *,
                  scheduler: str | None = None, n_workers: int = 2, kb: Any = None, partitions: int | None = None,
                  overwrite: bool = True, client: Any = None) -> MergeSummary:
    """Merge the records of ``extract_to_parquet``'s partitions in ``input_dir`` on a Dask cluster and
    write ``merged/`` and ``conflicts/`` under ``output_dir`` (default: ``input_dir``).

    The result is that of ``merge_records`` over all documents (same records, same conflicts, and the
    keys ``store.merged_rows`` gives them): persons and organisations come from one ``ActorRegistry``
    of every document (built on the client, sent once to each worker); the other kinds are shuffled
    into ``partitions`` groups (default: one per record partition) by ``blocking_key`` and merged
    group by group. ``kb``: the knowledge base, as ``refresh_merged``'s.
    """
    import dask
    import dask.bag as db

    started = time.monotonic()
    src = Path(os.fspath(input_dir)).absolute()
    out = Path(os.fspath(output_dir)).absolute() if output_dir is not None else src
    doc_parts, rec_parts = _parts(src, "documents"), _parts(src, "records")
    if not rec_parts or len(doc_parts) != len(rec_parts):
        raise ExportError(f"{src} holds no complete set of partitions (documents/ and records/)",
                          "run extract_to_parquet (communique extract --engine dask) first")
    _prepare_output(out, overwrite, ("merged", "conflicts"))
    n_parts = max(1, partitions or len(rec_parts))
    summary = MergeSummary(output_dir=out, run_id=_read_manifest(src).get("run_id", ""))
    with _client(scheduler, n_workers, client) as c:
        inputs = c.gather(c.map(_actor_inputs, [str(p) for p in doc_parts], [str(p) for p in rec_parts]))
        by_document = [t for part in inputs for t in part]
        summary.documents = len(by_document)
        registry = ActorRegistry(kb).add_all(by_document)
        del inputs, by_document
        shared = c.scatter(registry, broadcast=True)
        items = db.from_sequence([str(p) for p in rec_parts], npartitions=len(rec_parts)).map_partitions(
            _blocked_items)
        if n_parts != len(rec_parts):
            items = items.repartition(npartitions=n_parts)  # the task shuffle keeps the number of partitions
        groups = items.groupby(_item_bucket, npartitions=n_parts, shuffle="tasks").map(_merge_groups, shared)
        parts = groups.to_delayed()
        writes = [dask.delayed(_write_merged_part)(str(out), i, part) for i, part in enumerate(parts)]
        writes.append(dask.delayed(_write_merged_part)(str(out), len(parts), [_registry_groups(registry)]))
        summary.partitions = len(writes)
        for counts in c.gather(c.compute(writes)):
            for k, n in counts.items():
                if k == "conflicts":
                    summary.conflicts += n
                else:
                    summary.merged[k] = summary.merged.get(k, 0) + n
    summary.seconds = time.monotonic() - started
    _write_manifest(out / "merged", {"run_id": summary.run_id, "documents": summary.documents,
                                     "partitions": summary.partitions, "merged": summary.merged, "kb": kb is not None,
                                     "conflicts": summary.conflicts})
    return summary


# ---------------------------------------------------------------------------------------------- reading

def _doc(row: dict[str, Any]) -> Document:
    return Document(id=row["doc_id"], text=row["text"], path=row["path"], date=row["date"], url=row["url"],
                    title=row["title"], lang=row["lang"], encoding=row["encoding"])


def read_records(input_dir: str | os.PathLike[str]) -> Iterator[tuple[Document, list[dict[str, Any]]]]:
    """``(document, its SCHEMA.md records)`` of every document of the partitions, in input order (as
    ``Store.records_by_document`` gives them back, and ``Pipeline.process_paths`` gave them)."""
    src = Path(os.fspath(input_dir))
    for doc_part in _parts(src, "documents"):
        docs = _read_table(doc_part)
        recs = _read_table(src / "records" / doc_part.name, ["doc_id", "position", "record"])
        by_doc: dict[str, list[tuple[int, str]]] = {}
        for d, pos, text in zip(recs["doc_id"], recs["position"], recs["record"]):
            by_doc.setdefault(d, []).append((pos, text))
        for i in range(len(docs["doc_id"])):
            row = {k: v[i] for k, v in docs.items()}
            yield _doc(row), [json.loads(t) for _, t in sorted(by_doc.get(row["doc_id"], []))]


def _row_order(key: str, rec: dict[str, Any]) -> tuple:
    return (_canonical_order(rec), key.count("#"), len(key), key)


def read_merged_rows(input_dir: str | os.PathLike[str]
                     ) -> tuple[dict[str, list[tuple[str, dict, int]]], list[tuple[str, str, dict]]]:
    """The merged partitions as ``store.merged_rows`` gives them for the same merged record (kinds in
    ``MERGED_KINDS`` order, each in the merge stage's canonical order), ready for
    ``Store.replace_merged_record``."""
    src = Path(os.fspath(input_dir))
    rows: dict[str, list[tuple[str, dict, int]]] = {kind: [] for kind in MERGED_KINDS}
    for p in _parts(src, "merged"):
        t = _read_table(p, ["kind", "key", "record", "n_sources"])
        for kind, key, text, n in zip(t["kind"], t["key"], t["record"], t["n_sources"]):
            rows.setdefault(kind, []).append((key, json.loads(text), n))
    for kind in rows:
        rows[kind].sort(key=lambda r: _row_order(r[0], r[1]))
    conflicts = []
    for p in _parts(src, "conflicts"):
        t = _read_table(p)
        conflicts += [(a, k, json.loads(r)) for a, k, r in zip(t["about"], t["key"], t["record"])]
    conflicts.sort(key=lambda r: _row_order(r[1], r[2]))
    return rows, conflicts


def read_merged(input_dir: str | os.PathLike[str]) -> MergedRecord:
    """The merged partitions as the ``MergedRecord`` ``merge_records`` gives."""
    rows, conflicts = read_merged_rows(input_dir)
    out = MergedRecord(conflicts=[r for _, _, r in conflicts])
    for kind, krows in rows.items():
        name = kind + "s"
        if hasattr(out, name):
            setattr(out, name, [r for _, r, _ in krows])
    return out


# ---------------------------------------------------------------------------------------------- load

@dataclass
class _StoredFact(Fact):
    """A record kept as it was stored (one the typed rebuild would not give back identically)."""

    record: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        return dict(self.record)


def record_to_fact(rec: dict[str, Any]) -> Fact:
    """The typed fact of a SCHEMA.md record (the inverse of ``to_record``); a record it cannot give
    back identically is kept as it is."""
    kind, doc = rec.get("kind"), rec.get("doc")
    common: dict[str, Any] = {"doc": doc, "confidence": rec.get("confidence"),
                              "sources": [source_from_record(s, doc) for s in rec.get("sources") or []
                                          if isinstance(s, dict)]}
    countries = list(rec.get("countries") or [])
    fact: Fact
    if kind == "event":
        fact = Event.from_record(rec)
    elif kind == "figure":
        fact = Figure(**common, metric=rec.get("metric", "other"), countries=countries, value=rec.get("value"),
                      unit=rec.get("unit"), period=rec.get("period"), change_pct=rec.get("change_pct"),
                      target_year=rec.get("target_year"), approximate=bool(rec.get("approximate")),
                      quote=rec.get("quote"))
    elif kind == "relation":
        fact = Relation(**common, countries=countries, level=rec.get("level"), date=rec.get("date"))
    elif kind == "person":
        fact = Person(**common, name=rec.get("name", ""), aliases=list(rec.get("aliases") or []),
                      country=rec.get("country"),
                      roles=[Role(r.get("role"), r.get("as_of"), r.get("title")) for r in rec.get("roles") or []
                             if isinstance(r, dict)])
    elif kind == "commitment":
        fact = Commitment(**common, countries=countries, domain=rec.get("domain", "other"), text=rec.get("text", ""),
                          date=rec.get("date"))
    elif kind == "organisation":
        fact = Organisation(**common, name=rec.get("name", ""), code=rec.get("code"), country=rec.get("country"),
                            aliases=list(rec.get("aliases") or []))
    else:
        return _StoredFact(doc=doc, record=rec)
    try:
        same = fact.to_record() == rec
    except Exception:  # noqa: BLE001 - a record the typed fact cannot render
        same = False
    return fact if same else _StoredFact(doc=doc, record=rec)


_LISTS = {"person": "persons", "event": "events", "figure": "figures", "relation": "relations",
          "commitment": "commitments", "organisation": "organisations"}


def document_facts(document: Document, records: list[dict[str, Any]]) -> DocumentFacts:
    """The ``DocumentFacts`` of a document and its records (``to_records()`` gives the records back, in
    their order: extract writes them kind by kind, in the order of ``DocumentFacts.facts``)."""
    out = DocumentFacts(document=document)
    for rec in records:
        getattr(out, _LISTS.get(rec.get("kind"), "organisations")).append(record_to_fact(rec))
    return out


def load_parquet(input_dir: str | os.PathLike[str], db_url: str | os.PathLike[str], *, kb: Any = None,
                 on_error: Callable[[CommuniqueError], None] | None = None) -> tuple[int, int]:
    """Store the documents and records of ``extract_to_parquet``'s partitions in the database
    ``db_url`` (a path: SQLite; ``postgresql://...``), then its merged record: ``merged/`` when
    ``merge_parquet`` computed it from these partitions and the store holds exactly their documents,
    else ``refresh_merged(store, kb)``. Returns (documents stored, documents already present).

    A document the store refuses (``DocumentRejected``) goes to ``on_error`` (raised without it).
    """
    from .store import DocumentRejected

    src = Path(os.fspath(input_dir))
    if not _parts(src, "documents"):
        raise ExportError(f"{src} holds no documents/part-*.parquet", "run extract_to_parquet first")
    stored = present = n_docs = 0
    exact = True  # the store holds these documents under these ids
    with open_store(db_url) as store:
        for doc, recs in read_records(src):
            n_docs += 1
            try:
                if store.add(document_facts(doc, recs)):
                    stored += 1
                    continue
            except DocumentRejected as e:
                exact = False
                if on_error is None:
                    raise
                on_error(e)
                continue
            present += 1
            held = store.document(doc.id)
            exact = exact and held is not None and held.text == doc.text
        merged = _read_manifest(src / "merged")
        usable = (exact and merged.get("run_id") and merged.get("run_id") == _read_manifest(src).get("run_id")
                  and merged.get("documents") == n_docs and bool(merged.get("kb")) == (kb is not None))
        if usable:
            rows, conflicts = read_merged_rows(src)
            if store.replace_merged_record(rows, conflicts, documents=n_docs):
                return stored, present
        refresh_merged(store, kb)
    return stored, present
