"""Export formats: records in, files out.

In: SCHEMA.md records (dicts, any iterable: ``Store.records()``, ``Store.merged()``, ``extract``'s
output, ...). Out:

- ``write_jsonl(records, out)``: JSON Lines, one record a line, as ``extract`` writes them, to a
  file (written atomically) or an open text stream;
- ``write_csv(records, dest)`` and ``write_parquet(records, dest)``: **one table per record kind**
  (``events``, ``figures``, ``relations``, ``persons``, ``commitments``, ``organisations``, ...). A
  ``dest`` that is an existing folder (or ends with ``/``) gets ``dest/events.csv`` ...; any other
  ``dest`` is a prefix: ``out/facts`` gets ``out/facts.events.csv`` ... (``out/facts.csv`` too: the
  format's extension is not repeated). A kind with no record gets no file (an older file of that
  kind is left as it is). Both return the paths written, in the order of ``KIND_ORDER``.

Columns: the union of the keys of that kind's records, in a stable order: ``kind``, ``doc``, the
fields SCHEMA.md lists for the kind in its order (``COLUMNS``), ``sources``, then any other key
sorted (``cameo``, ``confidence``, ...). A record without a key has an empty (null) cell there.

Values:

- CSV (UTF-8, no BOM, RFC 4180 quoting, ``\\r\\n`` line ends, as Python's ``csv`` writes): strings
  as they are, numbers as JSON writes them, ``true``/``false``, null as an empty cell, and lists
  and dicts (``countries``, ``participants``, ``sources``, ``roles``, ``aliases``, ``location``, ...)
  as JSON text.
- Parquet: a column whose values are all booleans, all integers, all numbers, all strings is
  ``bool``, ``int64``, ``float64``, ``string``; a column whose values are all lists of strings
  (``countries``, ``aliases``, ``orgs``) is ``list<string>``; **any other column holding lists or
  dicts (``participants``, ``sources``, ``roles``, ``location``) is a string column of JSON text**,
  marked in the field metadata (``communique.encoding: json``) and listed in the schema metadata
  (``communique.json_columns``); a column of mixed scalars is a string column (numbers in their JSON
  form). Which type a column gets depends only on the values of that export.

Every file is written to a temp file in its folder and renamed into place only when every table of
the call has been written, so an error leaves no partial file and no half-updated set of tables
(short of a failure between two renames). An unwritable destination or a value that cannot be
written raises ``ExportError`` (a ``CommuniqueError``) with the path and the reason.
"""
from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from .errors import CommuniqueError

#: the fields SCHEMA.md (and records.py) give each kind, in order; ``kind``, ``doc`` come before,
#: ``sources`` after
COLUMNS: dict[str, tuple[str, ...]] = {
    "event": ("type", "countries", "participants", "date_start", "date_end", "location", "guest", "host",
              "visit_kind", "count", "title", "instrument", "level", "status", "orgs"),
    "figure": ("metric", "countries", "value", "unit", "period", "change_pct", "target_year"),
    "relation": ("countries", "level", "date"),
    "person": ("name", "aliases", "country", "roles"),
    "commitment": ("countries", "domain", "text", "date"),
    "organisation": ("name", "code", "country", "aliases"),
    "actor": ("actor_kind", "id", "name", "aliases", "country", "roles", "docs", "mentions"),
}
#: order of the tables (others after these, alphabetically)
KIND_ORDER = ("event", "figure", "relation", "person", "commitment", "organisation", "actor")

_KIND_RE = re.compile(r"[a-z][a-z0-9_]{0,31}")


class ExportError(CommuniqueError):
    """The records could not be written: an unwritable destination, or a value no format can hold.
    Nothing was written (no partial file)."""

    code = "E520"


# ---------------------------------------------------------------------------------------------- tables

def table_name(kind: str) -> str:
    """The name of a kind's table (and file): ``event`` → ``events``."""
    return kind + "s"


def columns(kind: str, records: Iterable[dict[str, Any]]) -> list[str]:
    """The columns of ``kind``'s table: the union of the records' keys in the documented order."""
    keys: set[str] = set()
    for rec in records:
        keys.update(rec)
    known = ("kind", "doc", *COLUMNS.get(kind, ()), "sources")
    return [k for k in known if k in keys] + sorted(keys - set(known))


def group_by_kind(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The records of each kind, in their order, kinds in ``KIND_ORDER`` (then alphabetically)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise ExportError(f"record {i + 1} is not a JSON object but {type(rec).__name__}",
                              "pass SCHEMA.md records (dicts)")
        kind = rec.get("kind")
        if not isinstance(kind, str) or not _KIND_RE.fullmatch(kind):
            raise ExportError(f"record {i + 1} has no usable kind ({kind!r})",
                              "every SCHEMA.md record has a kind such as 'event'")
        groups.setdefault(kind, []).append(rec)
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    return dict(sorted(groups.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


# ---------------------------------------------------------------------------------------------- JSON Lines

def write_jsonl(records: Iterable[dict[str, Any]], out: str | os.PathLike[str] | IO[str]) -> int:
    """Write the records as JSON Lines (UTF-8, not ASCII-escaped) to a path (atomically) or an open
    text stream; returns how many were written."""
    def write(f: IO[str]) -> int:
        n = 0
        for n, rec in enumerate(records, start=1):
            try:
                line = json.dumps(rec, ensure_ascii=False)
            except (TypeError, ValueError) as e:
                raise ExportError(f"record {n} cannot be written as JSON: {e}") from e
            f.write(line + "\n")
        return n

    if hasattr(out, "write"):
        return write(out)  # type: ignore[arg-type]
    target = Path(os.fspath(out))
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder", "give a file name")
    if not target.parent.is_dir():
        problem = "is not a folder" if target.parent.exists() else "does not exist"
        raise ExportError(f"cannot write {target}: {target.parent} {problem}", "create the folder first")
    count = 0

    def writer(f: IO[bytes]) -> None:
        nonlocal count
        import io

        text = io.TextIOWrapper(f, encoding="utf-8", newline="\n", write_through=True)
        try:
            count = write(text)
            text.flush()
        finally:
            text.detach()

    _commit_all([(target, writer)])
    return count


# ---------------------------------------------------------------------------------------------- CSV

def write_csv(records: Iterable[dict[str, Any]], folder_or_prefix: str | os.PathLike[str]) -> list[Path]:
    """One CSV file per kind (see the module docstring); returns the files written."""
    groups = group_by_kind(records)
    targets = _targets(folder_or_prefix, list(groups), "csv")
    jobs = []
    for kind, recs in groups.items():
        jobs.append((targets[kind], _csv_writer(kind, recs, targets[kind])))
    return _commit_all(jobs)


def _csv_writer(kind: str, recs: list[dict[str, Any]], target: Path) -> Callable[[IO[bytes]], None]:
    cols = columns(kind, recs)

    def write(f: IO[bytes]) -> None:
        import io

        text = io.TextIOWrapper(f, encoding="utf-8", newline="")
        try:
            w = csv.writer(text)
            w.writerow(cols)
            for i, rec in enumerate(recs):
                w.writerow([_cell(target, kind, i, c, rec.get(c)) for c in cols])
            text.flush()
        finally:
            text.detach()

    return write


def _cell(target: Path, kind: str, i: int, col: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return _json(target, kind, i, col, value)


def _json(target: Path, kind: str, i: int, col: str, value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise ExportError(f"cannot write {target}: {kind} record {i + 1}, field {col!r}: {e}") from e


# ---------------------------------------------------------------------------------------------- Parquet

def write_parquet(records: Iterable[dict[str, Any]], folder_or_prefix: str | os.PathLike[str]) -> list[Path]:
    """One Parquet file per kind (see the module docstring for the column types); returns the files."""
    try:
        import pyarrow as pa  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError as e:  # pragma: no cover - a dependency
        raise ExportError("Parquet needs pyarrow, which is not installed", "run `pip install pyarrow`") from e
    groups = group_by_kind(records)
    targets = _targets(folder_or_prefix, list(groups), "parquet")
    # tables are built first (a bad value raises before any file is opened), then written
    jobs = [(targets[kind], _parquet_writer(_arrow_table(kind, recs, targets[kind])))
            for kind, recs in groups.items()]
    return _commit_all(jobs)


def _arrow_table(kind: str, recs: list[dict[str, Any]], target: Path) -> Any:
    import pyarrow as pa

    fields, arrays, json_columns = [], [], []
    for col in columns(kind, recs):
        values = [rec.get(col) for rec in recs]
        array, is_json = _arrow_column(target, kind, col, values)
        fields.append(pa.field(col, array.type, metadata={"communique.encoding": "json"} if is_json else None))
        arrays.append(array)
        if is_json:
            json_columns.append(col)
    schema = pa.schema(fields, metadata={"communique.kind": kind,
                                         "communique.json_columns": json.dumps(json_columns)})
    return pa.Table.from_arrays(arrays, schema=schema)


def _arrow_column(target: Path, kind: str, col: str, values: list[Any]) -> tuple[Any, bool]:
    """The Arrow array of one column, and whether it holds JSON text."""
    import pyarrow as pa

    present = [v for v in values if v is not None]
    try:
        if not present or all(isinstance(v, str) for v in present):
            return pa.array(values, pa.string()), False
        if all(isinstance(v, bool) for v in present):
            return pa.array(values, pa.bool_()), False
        if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            try:
                return pa.array(values, pa.int64()), False
            except (OverflowError, pa.ArrowInvalid):
                pass  # too large for int64: as text below
        elif all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
            return pa.array([None if v is None else float(v) for v in values], pa.float64()), False
        if all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in present):
            return pa.array(values, pa.list_(pa.string())), False
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:  # pragma: no cover - the checks above should prevent it
        raise ExportError(f"cannot write {target}: {kind} column {col!r}: {e}") from e
    is_json = any(isinstance(v, list | dict | tuple) for v in present)
    texts = [None if v is None else v if isinstance(v, str) and not is_json else _json(target, kind, i, col, v)
             for i, v in enumerate(values)]
    return pa.array(texts, pa.string()), is_json


def _parquet_writer(table: Any) -> Callable[[IO[bytes]], None]:
    def write(f: IO[bytes]) -> None:
        import pyarrow.parquet as pq

        pq.write_table(table, f)

    return write


# ---------------------------------------------------------------------------------------------- files

def _targets(dest: str | os.PathLike[str], kinds: list[str], ext: str) -> dict[str, Path]:
    """The file of each kind: ``dest/<table>.<ext>`` for a folder, ``<dest>.<table>.<ext>`` else."""
    text = os.fspath(dest)
    if not text:
        raise ExportError("no destination given", "give a folder or a file prefix such as out/facts")
    path = Path(text)
    if path.is_dir():
        folder, prefix = path, ""
    elif text.endswith(("/", os.sep)):
        # "tables/" names a folder: make it, as `mkdir -p` would
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ExportError(f"cannot create the folder {text}: {e.strerror or e}",
                              "give a folder you can write to") from e
        folder, prefix = path, ""
    else:
        folder = path.parent
        name = path.name[: -len(ext) - 1] if path.name.endswith("." + ext) else path.name
        prefix = name + "."
        if not folder.is_dir():
            problem = "is not a folder" if folder.exists() else "does not exist"
            raise ExportError(f"cannot write {path}.*.{ext}: {folder} {problem}", "create the folder first")
    targets = {kind: folder / f"{prefix}{table_name(kind)}.{ext}" for kind in kinds}
    for target in targets.values():
        if target.is_dir():
            raise ExportError(f"cannot write {target}: it is a folder", "give another destination")
    return targets


def _commit_all(jobs: list[tuple[Path, Callable[[IO[bytes]], None]]]) -> list[Path]:
    """Write every file to a temp file beside it, then rename them all into place; on any error remove
    the temp files and raise (``OSError`` as ``ExportError``)."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, write in jobs:
            try:
                fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
            except OSError as e:
                raise ExportError(f"cannot write {target}: {e.strerror or e}", "check the folder and its rights") \
                    from e
            staged.append((tmp, target))
            try:
                with os.fdopen(fd, "wb") as f:
                    write(f)
                    f.flush()
                    os.fsync(f.fileno())
                os.chmod(tmp, file_mode(target))
            except OSError as e:
                raise ExportError(f"cannot write {target}: {e.strerror or e}") from e
        for tmp, target in staged:
            try:
                os.replace(tmp, target)
            except OSError as e:
                raise ExportError(f"cannot write {target}: {e.strerror or e}") from e
    except BaseException:
        for tmp, _target in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    return [target for _tmp, target in staged]


def write_file_atomically(target: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> Path:
    """Write one file through a temp file beside it, renamed into place only when ``write`` succeeded."""
    return _commit_all([(Path(os.fspath(target)), write)])[0]


def file_mode(target: Path) -> int:
    """The mode a file gets: the old file's, or what the umask gives a new file (also used by the CLI)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


__all__ = ["COLUMNS", "KIND_ORDER", "ExportError", "columns", "group_by_kind", "table_name", "write_csv",
           "write_file_atomically", "write_jsonl", "write_parquet"]
