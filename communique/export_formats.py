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

    return _write_text(out, write, newline="\n")


def _write_text(out: str | os.PathLike[str] | IO[str], write: Callable[[IO[str]], int], newline: str) -> int:
    """Run ``write`` on an open text stream, or on a file at a path written atomically (a temporary
    file renamed at the end); returns what ``write`` returns."""
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

        text = io.TextIOWrapper(f, encoding="utf-8", newline=newline, write_through=True)
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


# ---------------------------------------------------------------------------------------------- event data
#
# The event records in the layouts of the field's event datasets (docs/event-data-export.md):
#
# - ``plover_records(records)`` / ``write_plover(records, out)``: one PLOVER/POLECAT-style JSON object
#   per event (JSON Lines), with the PLOVER type, mode, context and quad code, the parties as lists of
#   actor objects (a country always, and the named participants of that country), and every source;
# - ``cameo_rows(records)`` / ``write_cameo_tsv(records, out)``: dyadic CAMEO rows in the GDELT 1.0
#   event-table column order (``CAMEO_COLUMNS``), a header row first, tab-separated.
#
# Only events are exported (other kinds are skipped), and only events that happened: a record with a
# ``status`` other than ``happened`` (planned, hypothetical, negated) is left out, unless
# ``plover_records(..., unconfirmed=True)``, which keeps them with the PLOVER context ``future``,
# ``hypothetical`` or ``negation``. An event with no country has no actor and is left out too.

#: the GDELT 1.0 event-table columns, in order (58: the daily files since April 2013)
CAMEO_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

#: QuadClass and Goldstein scale value of the CAMEO codes our event types use: the quad class of the
#: root (04 consult and 05 diplomatic cooperation: 1, verbal cooperation) and the Goldstein value of
#: the code, from the CAMEO scale table (CAMEO codebook 1.1b3; the values GDELT 1.0 and the Phoenix
#: pipeline publish)
CAMEO_SCALE: dict[str, tuple[int, float]] = {
    "040": (1, 1.0), "041": (1, 1.0), "042": (1, 1.9), "043": (1, 2.8), "044": (1, 2.5), "045": (1, 5.0),
    "046": (1, 7.0), "050": (1, 3.5), "051": (1, 3.4), "052": (1, 3.5), "053": (1, 3.8), "054": (1, 6.0),
    "055": (1, 7.0), "056": (1, 7.0), "057": (1, 8.0),
}
#: the PLOVER quad category of the cooperative PLOVER types (PLOVER manual): 1 verbal, 2 material cooperation
PLOVER_QUAD: dict[str, int] = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
                               "COOPERATE": 2, "AID": 2, "RETREAT": 2}
#: the PLOVER sector of a participant's role (None: not known from the role alone)
ROLE_SECTORS: dict[str, str | None] = {
    "head_of_state": "GOV", "head_of_government": "GOV", "deputy_head_of_government": "GOV",
    "foreign_minister": "GOV", "deputy_foreign_minister": "GOV", "minister": "GOV", "ambassador": "GOV",
    "parliament_speaker": "LEG", "party_general_secretary": None, "other": None,
}
#: which participant of a country names that side in a CAMEO row: the first of these roles found
_ROLE_RANK = ("head_of_state", "head_of_government", "party_general_secretary", "parliament_speaker",
              "deputy_head_of_government", "foreign_minister", "deputy_foreign_minister", "minister",
              "ambassador", "other")
#: the PLOVER context given to an event that did not happen (``unconfirmed=True`` only)
STATUS_CONTEXTS = {"planned": "future", "hypothetical": "hypothetical", "negated": "negation"}
#: CAMEO country codes that differ from the ISO codes communique writes
_CAMEO_COUNTRY = {"XKX": "KSV"}
_EVENT_TYPES = ("visit", "meeting", "call", "agreement", "upgrade")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})(?:-(\d{2}))?")
_ONTOLOGY_PATH = Path(__file__).resolve().parent / "data" / "ontology.yaml"


def _ontology() -> dict[str, Any]:
    """ontology.yaml: each event type's CAMEO code, PLOVER type and PLOVER mode (read once)."""
    global _ONTOLOGY_CACHE
    if _ONTOLOGY_CACHE is None:
        import yaml

        data = yaml.safe_load(_ONTOLOGY_PATH.read_text(encoding="utf-8"))
        missing = [f"{t}.{k}" for t in _EVENT_TYPES for k in ("cameo", "plover", "plover_mode")
                   if k not in (data.get(t) or {})]
        missing += [f"{t}.cameo {c}" for t in _EVENT_TYPES if t in data and "cameo" in data[t]
                    for c in (data[t]["cameo"].values() if isinstance(data[t]["cameo"], dict) else [data[t]["cameo"]])
                    if c not in CAMEO_SCALE]
        missing += [f"{t}.plover {data[t]['plover']}" for t in _EVENT_TYPES if t in data
                    and data[t].get("plover") not in PLOVER_QUAD]
        if missing:  # pragma: no cover - a packaging defect
            raise ExportError(f"{_ONTOLOGY_PATH} lacks or has unknown {', '.join(missing)}",
                              "reinstall communique")
        _ONTOLOGY_CACHE = data
    return _ONTOLOGY_CACHE


_ONTOLOGY_CACHE: dict[str, Any] | None = None


def _country_name(code: str) -> str:
    """The English short name of a country (the code itself when the language data lacks it)."""
    from .resolve.countries import country_name

    return country_name(code, "en")


def date_precision(date: Any) -> str | None:
    """The precision of a record date: ``day`` (``2024-03-05``), ``month`` (``2024-03``), ``year``
    (``2024``), ``day_without_year`` (``--12-11``), ``month_without_year`` (``--12``), or None (no date,
    or not a date)."""
    m = _DATE_RE.fullmatch(date) if isinstance(date, str) else None
    if m is None:
        return None
    year, month, day, yearless_month, yearless_day = m.groups()
    if yearless_month:
        return "day_without_year" if yearless_day else "month_without_year"
    return "day" if day else "month" if month else "year"


def _event_events(records: Iterable[dict[str, Any]], unconfirmed: bool = False
                  ) -> Iterator[tuple[int, dict[str, Any]]]:
    """The event records to export, with their 1-based position among all records."""
    for i, rec in enumerate(records, start=1):
        if not isinstance(rec, dict):
            raise ExportError(f"record {i} is not a JSON object but {type(rec).__name__}",
                              "pass SCHEMA.md records (dicts)")
        if rec.get("kind") != "event":
            continue
        if rec.get("type") not in _EVENT_TYPES:
            raise ExportError(f"record {i}: unknown event type {rec.get('type')!r}",
                              f"event types are {', '.join(_EVENT_TYPES)}")
        status = rec.get("status") or "happened"
        if status != "happened" and not (unconfirmed and status in STATUS_CONTEXTS):
            continue
        if not _countries(rec):
            continue
        yield i, rec


def _countries(rec: dict[str, Any]) -> list[str]:
    """The event's parties: guest then host for a visit, else ``countries`` in their order."""
    out = [c for c in rec.get("countries") or [] if isinstance(c, str)]
    if rec.get("type") == "visit" and rec.get("guest") and rec.get("host"):
        out = [rec["guest"], rec["host"]] + [c for c in out if c not in (rec["guest"], rec["host"])]
    return list(dict.fromkeys(out))


def _event_key(rec: dict[str, Any]) -> str:
    """13 hex digits that identify the event record (the same record gives the same key)."""
    import hashlib

    text = json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:13]


def _sources(rec: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in rec.get("sources") or [] if isinstance(s, dict)]


def _docs(rec: dict[str, Any]) -> list[str]:
    """The documents that reported the event, in the order of its sources."""
    docs = [s.get("doc") for s in _sources(rec)] or [rec.get("doc")]
    return list(dict.fromkeys(d for d in docs if isinstance(d, str) and d))


def _participants(rec: dict[str, Any], country: str | None) -> list[dict[str, Any]]:
    return [p for p in rec.get("participants") or []
            if isinstance(p, dict) and p.get("name") and p.get("country") == country]


# ---------------------------------------------------------------------------------------------- PLOVER

def plover_records(records: Iterable[dict[str, Any]], *, unconfirmed: bool = False) -> Iterator[dict[str, Any]]:
    """One PLOVER/POLECAT-style JSON object per event that happened (see docs/event-data-export.md).

    A visit has the guest's side as ``actor`` and the host's as ``recipient``; other events have every
    party as ``actor`` and no recipient (PLOVER's rule for reciprocal events). ``unconfirmed=True`` also
    exports planned, hypothetical and negated events, with the PLOVER context ``future``,
    ``hypothetical`` or ``negation``."""
    onto = _ontology()
    for _i, rec in _event_events(records, unconfirmed):
        kind = rec["type"]
        o = onto[kind]
        status = rec.get("status") or "happened"
        parties = _countries(rec)
        if kind == "visit":
            actor = _plover_side(rec, parties[:1])
            recipient = _plover_side(rec, parties[1:2])
        else:
            actor = _plover_side(rec, parties)
            actor += [_plover_person(p) for p in _participants(rec, None)]
            recipient = []
        sources = _sources(rec)
        docs = _docs(rec)
        loc = rec.get("location") if isinstance(rec.get("location"), dict) else None
        extra = {k: rec[k] for k in ("visit_kind", "level", "instrument", "count", "title") if k in rec}
        yield {
            "id": "cmq-" + _event_key(rec),
            "event_type": o["plover"],
            "mode": o["plover_mode"],
            "context": [STATUS_CONTEXTS[status]] if status in STATUS_CONTEXTS else [],
            "quad_code": PLOVER_QUAD[o["plover"]],
            "event_date": rec.get("date_start"),
            "event_date_precision": date_precision(rec.get("date_start")),
            "event_end_date": rec.get("date_end"),
            "actor": actor,
            "recipient": recipient,
            "location": _plover_location(loc),
            "story_id": docs[0] if docs else None,
            "story_ids": docs,
            "publisher": None,
            "story_date": None,
            "event_text": sources[0].get("text") if sources else None,
            "sources": sources,
            "language": "fr",
            "communique": {"type": kind, "status": status, "cameo": _cameo_codes(kind)[0], **extra},
        }


def _plover_side(rec: dict[str, Any], countries: list[str]) -> list[dict[str, Any]]:
    """The actor objects of some parties: each country, followed by its named participants."""
    out: list[dict[str, Any]] = []
    for code in countries:
        out.append({"name": _country_name(code), "country": code, "actor_type": "state", "sector": None,
                    "title": None})
        out += [_plover_person(p) for p in _participants(rec, code)]
    return out


def _plover_person(p: dict[str, Any]) -> dict[str, Any]:
    role = p.get("role")
    return {"name": p["name"], "country": p.get("country"), "actor_type": "person",
            "sector": ROLE_SECTORS.get(role) if isinstance(role, str) else None, "title": role}


def _plover_location(loc: dict[str, Any] | None) -> dict[str, Any] | None:
    if not loc or not (loc.get("country") or loc.get("city")):
        return None
    country = loc.get("country")
    city = loc.get("city")
    return {"placename": city or (_country_name(country) if country else None), "city": city,
            "country": country}


def write_plover(records: Iterable[dict[str, Any]], out: str | os.PathLike[str] | IO[str], *,
                 unconfirmed: bool = False) -> int:
    """Write ``plover_records(records)`` as JSON Lines to a path (atomically) or an open text stream;
    returns how many events were written."""
    return write_jsonl(plover_records(records, unconfirmed=unconfirmed), out)


# ---------------------------------------------------------------------------------------------- CAMEO

def _cameo_codes(kind: str) -> tuple[str, str | None]:
    """The CAMEO code of an event type as seen from the first party, and from the second (visits:
    042 for the guest, 043 for the host; other types: the same code both ways)."""
    code = _ontology()[kind]["cameo"]
    if isinstance(code, dict):
        return code["guest"], code["host"]
    return code, code


def cameo_rows(records: Iterable[dict[str, Any]]) -> Iterator[list[str]]:
    """The header (``CAMEO_COLUMNS``), then dyadic CAMEO rows for every event that happened.

    A visit gives two rows: the guest making a visit (042) to the host, then the host hosting it (043).
    Other events give one row per ordered pair of parties (both directions: the record does not say
    who initiated); an event with one known party gives one row with an empty Actor2."""
    yield list(CAMEO_COLUMNS)
    for _i, rec in _event_events(records):
        kind = rec["type"]
        parties = _countries(rec)
        if kind == "visit" and len(parties) >= 2:
            pairs = [(parties[0], parties[1], 0), (parties[1], parties[0], 1)]
        elif len(parties) == 1:
            pairs = [(parties[0], None, 0)]
        else:
            pairs = [(a, b, 0) for a in parties for b in parties if a != b]
        if len(pairs) >= 1000:
            raise ExportError(f"an event has {len(parties)} parties: too many for one event id",
                              "export fewer parties per event")
        base = int(_event_key(rec), 16) * 1000
        dates = _cameo_dates(rec.get("date_start"))
        sources = _sources(rec)
        docs = _docs(rec)
        geo = _action_geo(rec)
        codes = _cameo_codes(kind)
        for k, (a, b, side) in enumerate(pairs, start=1):
            code = codes[side] or codes[0]
            quad, gold = CAMEO_SCALE[code]
            row = dict.fromkeys(CAMEO_COLUMNS, "")
            row.update({
                "GLOBALEVENTID": str(base + k), **dates,
                **_cameo_actor(1, rec, a), **_cameo_actor(2, rec, b),
                "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
                "QuadClass": str(quad), "GoldsteinScale": f"{gold:.1f}",
                "NumMentions": str(len(sources)), "NumSources": str(len(docs)), "NumArticles": str(len(docs)),
                **geo, "SOURCEURL": docs[0] if docs else "",
            })
            yield [row[c] for c in CAMEO_COLUMNS]


def _cameo_dates(date: Any) -> dict[str, str]:
    """SQLDATE, MonthYear, Year, FractionDate filled to the date's precision: a day fills all four, a
    month MonthYear and Year, a year Year only; a date without a year (or no date) none."""
    precision = date_precision(date)
    if precision not in ("day", "month", "year"):
        return {}
    parts = date.split("-")
    out = {"Year": parts[0]}
    if precision in ("day", "month"):
        out["MonthYear"] = parts[0] + parts[1]
    if precision == "day":
        import datetime as dt

        try:
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            return {"Year": parts[0], "MonthYear": parts[0] + parts[1]}
        days = 366 if d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0) else 365
        out["SQLDATE"] = d.strftime("%Y%m%d")
        out["FractionDate"] = f"{d.year + (d.timetuple().tm_yday - 1) / days:.4f}"
    return out


def _cameo_actor(n: int, rec: dict[str, Any], country: str | None) -> dict[str, str]:
    """Actor1*/Actor2* of one side: the country, named after its highest-ranking participant if one is
    named, with that participant's sector as Type1Code."""
    if country is None:
        return {}
    cameo = _CAMEO_COUNTRY.get(country, country)
    people = _participants(rec, country)
    person = min(people, key=lambda p: _ROLE_RANK.index(p["role"]) if p.get("role") in _ROLE_RANK
                 else len(_ROLE_RANK)) if people else None
    sector = ROLE_SECTORS.get(person.get("role") or "") if person else None
    return {f"Actor{n}Code": cameo + (sector or ""),
            f"Actor{n}Name": person["name"] if person else _country_name(country),
            f"Actor{n}CountryCode": cameo,
            f"Actor{n}Type1Code": sector or ""}


def _action_geo(rec: dict[str, Any]) -> dict[str, str]:
    """ActionGeo_Type and ActionGeo_FullName: the record's location (a visit without one: the host
    country). 4 is a city, 1 a country; the country codes are left out (GDELT's are FIPS 10-4)."""
    loc = rec.get("location") if isinstance(rec.get("location"), dict) else {}
    country = loc.get("country") or (rec.get("host") if rec.get("type") == "visit" else None)
    city = loc.get("city")
    if city:
        return {"ActionGeo_Type": "4",
                "ActionGeo_FullName": f"{city}, {_country_name(country)}" if country else city}
    if country:
        return {"ActionGeo_Type": "1", "ActionGeo_FullName": _country_name(country)}
    return {}


def write_cameo_tsv(records: Iterable[dict[str, Any]], out: str | os.PathLike[str] | IO[str]) -> int:
    """Write ``cameo_rows(records)`` as a tab-separated file (UTF-8, ``\\n`` line ends, a header row,
    quoted only where a value holds a tab, quote or line break) to a path (atomically) or an open text
    stream; returns how many event rows were written (the header not counted)."""
    def write(f: IO[str]) -> int:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        n = -1
        for n, row in enumerate(cameo_rows(records)):
            w.writerow(row)
        return max(n, 0)

    return _write_text(out, write, newline="")


__all__ += ["CAMEO_COLUMNS", "CAMEO_SCALE", "PLOVER_QUAD", "ROLE_SECTORS", "STATUS_CONTEXTS", "cameo_rows",
            "date_precision", "plover_records", "write_cameo_tsv", "write_plover"]
