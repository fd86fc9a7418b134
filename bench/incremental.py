#!/usr/bin/env python3
"""Time of the incremental merge: adding 100 documents to a large database against adding them to an
empty one (issue 10). No spaCy at timing: the sample corpus is analysed once, then its records are
stored again and again under new document ids, each copy a week later than the one before.

    python bench/incremental.py [--docs 2000] [--add 100] [--shift days|all] [--repeat 1] [--db DIR] [--json]

``--shift days`` (the default, the first case measured) moves full dates (``YYYY-MM-DD``) only: the
events dated by a month, a year or a day without a year, and the figures' periods, are the same in every
copy, so each merged one gathers a report from every copy of its document — an adversarial case (every
new copy touches all of them). ``--shift all`` moves those too (a month per four copies, a year per 52,
a day without a year by the week), as a corpus where new articles tell of new dates; events without a
date, persons, relations, commitments and organisations stay the same in every copy in both cases.

Prints the seconds of ``update_merged`` after adding ``--add`` documents into an empty database and
into one of ``--docs`` documents, and their ratio (target: at most 1.5 at 20,000 documents); beside each
time, the facts recomputed (those of the merge groups merged again from all their facts: the new ones
and the earlier ones read again), the merge groups so recomputed and those merged in place from their
stored state, and the machine's load average. ``--json`` prints one JSON object last, with the keys of
``bench/throughput.py`` where they overlap: ``incremental_100_s`` and ``incremental_100_empty_s`` (here the
merged-record update alone: storing the documents is not timed and there is no extraction, which costs
the same into any database), and ``ratio``, ``whole_s``, ``facts_recomputed``, ``facts_recomputed_empty``,
``facts_recomputed_by_kind``, ``groups_recomputed``, ``groups_in_place``, ``new_facts``, ``docs``, ``add``,
``shift``, ``same_as_whole`` (the merged rows stored by the update are those of a whole recompute),
``load_start``, ``load_end``, ``incremental_100_cpu_s``, ``incremental_100_empty_cpu_s`` and ``cpu_ratio`` (the
same in CPU seconds of the process, medians: on a machine shared with other work they move less than wall
seconds), ``records_written`` and ``records_written_mb`` (the merged records the update into
the large database wrote, and their megabytes of JSON with the sources, documents and roles written apart that it
wrote: a record whose sources are kept apart is written without them, and only its new sources are added, a
person's documents and roles likewise; ``_empty``: the same into the empty one), ``conflicts_written`` and
``conflicts_written_mb`` (the conflicts it wrote), and with ``--rss``, ``rss_mb``: the peak RSS (MiB) of a process of its own that stores the
``--add`` copies into a copy of the large database and updates it (compare two ``--docs``).

``--stages`` also prints the CPU seconds of each stage of the two updates (medians), and their differences: the
pending facts read and keyed, the merge groups found (their stored facts read), the groups merged in place, the
neighbour groups read (for date conflicts), the events merged again (the groups joined and the neighbours clustered,
their date conflicts), the merged rows and conflicts hashed into keys, the writing (with the commit), and the rest;
``--json`` gives them as ``stages_cpu_s`` (``empty`` and ``large``). Beside the stages, the CPU seconds of the commit
(with the checkpoint of the write-ahead log it sets off on SQLite; a part of "written", not counted again in the rest).

``--pages`` (SQLite) also counts the database pages each update writes, per table and index (``--json``:
``pages_written``, ``empty`` and ``large``): on another copy of each database, the same update, untimed, with the
automatic checkpoint off so that the write-ahead log holds every page it wrote, each once; the pages are named by the
``dbstat`` table. A page of a table or index whose rows are written at random places (a key that is a hash, a merge
group read again) is a page read, written and checkpointed for one row or a few: what an update into a large database
spends more than one into an empty one, where its rows fill few pages.

``--repeat N`` times each update N times, the empty case on fresh databases and the large one on copies of
the database made before its first update, and compares the medians (``incremental_100_runs`` and
``incremental_100_empty_runs`` list every time): on a shared machine one run of a second moves by half. Each
update into an empty database is timed right before one into the large database (after it is built), so that
both meet the same load.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique.records import Document, DocumentFacts  # noqa: E402
from communique.store import open_store  # noqa: E402
from communique.store.merged import update_merged  # noqa: E402

_DAY = re.compile(r'"(\d{4})-(\d{2})-(\d{2})')
#: a JSON string that is a year or a month, or a period of them ("2024", "2024-05", "2023/2024")
_PERIOD = re.compile(r'"(\d{4}(?:-\d{2})?)(?:/(\d{4}(?:-\d{2})?))?"')
_YEARLESS = re.compile(r'"--(\d{2})-(\d{2})')


class _Copy(DocumentFacts):
    def __init__(self, document: Document, records: list[dict]):
        super().__init__(document)
        self.records = records

    def to_records(self) -> list[dict]:
        return self.records


def samples() -> list[tuple[Document, list[dict]]]:
    import communique

    facts = communique._pipeline("fr").process_paths([str(ROOT / "samples" / "corpus")], on_error=lambda e: None)
    return [(f.document, f.to_records()) for f in facts]


def copy(doc: Document, records: list[dict], n: int, shift_all: bool = False) -> _Copy:
    """Copy ``n`` of a document: another id and text, every full date ``n`` weeks later (``shift_all``:
    months, years and days without a year too, see the module docstring)."""
    def shift(m: re.Match) -> str:
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3])) + dt.timedelta(weeks=n)
        except ValueError:
            return m[0]
        return f'"{d.isoformat()}'

    def shift_part(part: str) -> str:
        if len(part) == 4:
            return f"{int(part) + n // 52:04d}"
        k = int(part[:4]) * 12 + int(part[5:7]) - 1 + n // 4
        return f"{k // 12:04d}-{k % 12 + 1:02d}"

    def shift_period(m: re.Match) -> str:
        if m[2] and not (m[1] + m[2]).replace("-", "").isdigit():
            return m[0]
        return '"' + "/".join(shift_part(p) for p in (m[1], m[2]) if p) + '"'

    def shift_yearless(m: re.Match) -> str:
        try:
            d = dt.date(2001, int(m[1]), int(m[2])) + dt.timedelta(weeks=n)  # a year without 29 February
        except ValueError:
            return m[0]
        return f'"--{d.month:02d}-{d.day:02d}'

    new_id = f"{doc.id}~{n:05d}"
    text = _DAY.sub(shift, json.dumps(records, ensure_ascii=False))
    if shift_all:
        text = _YEARLESS.sub(shift_yearless, _PERIOD.sub(shift_period, text))
    text = text.replace(json.dumps(doc.id), json.dumps(new_id))
    date = _DAY.sub(shift, f'"{doc.date}')[1:] if doc.date else None
    d = dataclasses.replace(doc, id=new_id, text=f"{doc.text}\n[{n}]", date=date)
    return _Copy(d, json.loads(text))


def fill(store, base: list, start: int, count: int, shift_all: bool = False) -> None:
    for i in range(start, start + count):
        doc, recs = base[i % len(base)]
        store.add(copy(doc, recs, i // len(base) + 1, shift_all))


def timed_add(store, base: list, start: int, count: int, shift_all: bool = False, stages: StageTimer | None = None):
    """Store ``count`` copies, then update the merged record: (seconds of the update, ``MergeUpdate``); with
    ``stages``, the update's CPU seconds per stage in ``MergeUpdate.stages``."""
    fill(store, base, start, count, shift_all)
    store._bench_sources_before = _sources_mark(store)
    with stages or contextlib.nullcontext():
        t0, c0 = time.perf_counter(), time.process_time()
        done = update_merged(store)
        secs = time.perf_counter() - t0
        done.cpu_s = time.process_time() - c0  # CPU seconds of this process: on a shared machine they move less
    if stages is not None:
        done.stages = {**stages.cpu, "rest": done.cpu_s - sum(stages.cpu.values()), **stages.parts}
    return secs, done


class StageTimer:
    """While entered, the CPU seconds spent in each stage of ``update_merged`` (``--stages``): the functions of
    ``STAGES`` wrapped by timers (the outermost stage only, where one calls another), their sums in ``cpu``."""

    #: (stage, module, class or None, function)
    STAGES = (("pending facts read and keyed", "communique.store.merged", None, "_plan_incremental"),
              ("groups found, their facts read", "communique.store.merged", "_Plan", "closure"),
              ("groups merged in place", "communique.store.merged", "_Plan", "in_place"),
              ("groups merged in place", "communique.store.merged", "_Plan", "extended"),
              ("neighbour groups read", "communique.store.merged", "_Plan", "neighbours"),
              ("events merged again", "communique.merge.events", None, "merge_event_units"),
              ("keys hashed", "communique.store.merged", None, "merged_rows"),
              ("written", "communique.store.store", "Store", "replace_merged_blocks"))

    #: parts of the stages, timed wherever they run (not counted again in the rest): (label, module, class, function)
    PARTS = (("of it the commit", "sqlalchemy.engine.default", "DefaultDialect", "do_commit"),)

    def __init__(self):
        self.cpu: dict[str, float] = {}
        #: the CPU seconds of ``PARTS``
        self.parts: dict[str, float] = {}
        self._held: list[tuple[object, str, object]] = []
        self._depth = 0

    def _wrap(self, label: str, fn):
        def timed(*args, **kwargs):
            if self._depth:
                return fn(*args, **kwargs)
            self._depth += 1
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[label] = self.cpu.get(label, 0.0) + time.process_time() - c0
                self._depth -= 1
        return timed

    def _wrap_part(self, label: str, fn):
        def timed(*args, **kwargs):
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.parts[label] = self.parts.get(label, 0.0) + time.process_time() - c0
        return timed

    def __enter__(self) -> StageTimer:
        import importlib

        self.cpu, self.parts = {}, {}
        for stages, wrap in ((self.STAGES, self._wrap), (self.PARTS, self._wrap_part)):
            for label, module, cls, name in stages:
                owner = importlib.import_module(module)
                owner = getattr(owner, cls) if cls else owner
                fn = owner.__dict__[name] if cls else getattr(owner, name)  # (a method as a plain function)
                self._held.append((owner, name, fn))
                setattr(owner, name, wrap(label, fn))
        return self

    def __exit__(self, *exc) -> None:
        while self._held:
            owner, name, fn = self._held.pop()
            setattr(owner, name, fn)


#: the tables an update appends rows to beside ``merged_facts``, and their JSON column
_APPENDED = {"merged_fact_sources": "value", "merged_fact_lists": "value", "conflicts": "record"}


def _sources_mark(store) -> dict[str, int]:
    """The last rowid of ``merged_fact_sources``, ``merged_fact_lists`` and ``conflicts`` (SQLite): the rows after it
    are those written since."""
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return {t: int(conn.execute(sa.text(f"SELECT coalesce(max(rowid), 0) FROM {t}")).scalar_one())
                for t in _APPENDED}


def written(store) -> tuple[int, int, int, int]:
    """How many merged records the last update (``timed_add``) wrote, and their characters of JSON: the records
    (all rows an update writes share its ``updated_at``) and the sources, documents and roles written apart
    (``merged_fact_sources``, ``merged_fact_lists``, rows after the mark taken before the update); then how many
    conflicts it wrote, and their characters."""
    import sqlalchemy as sa

    marks = getattr(store, "_bench_sources_before", None) or dict.fromkeys(_APPENDED, 0)
    with store.engine.connect() as conn:
        n, chars = conn.execute(sa.text("SELECT count(*), sum(length(record)) FROM merged_facts "
                                        "WHERE updated_at = (SELECT max(updated_at) FROM merged_facts)")).one()
        more = [conn.execute(sa.text(f"SELECT count(*), sum(length({col})) FROM {t} WHERE rowid > :m"),
                             {"m": marks[t]}).one() for t, col in _APPENDED.items()]
    return (int(n), int(chars or 0) + sum(int(c or 0) for _n, c in more[:2]), int(more[2][0]), int(more[2][1] or 0))


def stored(store) -> tuple[list, list]:
    """The stored merged record as comparable data: merged rows (whole records, their sources written apart put
    back) and conflicts, sorted."""
    import sqlalchemy as sa

    rows = sorted(store.merged_table())
    with store.engine.connect() as conn:
        conflicts = sorted(tuple(r) for r in conn.execute(sa.text("SELECT kind, key, record FROM conflicts")))
    return rows, conflicts


#: a child process: store copies and update the merged record, then print the peak RSS (``--rss``)
_RSS_CHILD = """
import pickle, resource, sys
sys.path.insert(0, sys.argv[1])
import incremental as inc
import communique.extract.successors, communique.merge.events  # noqa: F401 (what an update imports)
from communique.store import open_store
base = pickle.load(open(sys.argv[3], "rb"))
store = open_store(sys.argv[2])
inc.fill(store, base, int(sys.argv[4]), int(sys.argv[5]), sys.argv[6] == "all")
done = inc.update_merged(store)
store.close()
# the high-water mark of this process's memory (ru_maxrss would count the parent's, inherited across exec)
hwm = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(done.whole, hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss(db: Path, base: list, start: int, count: int, shift: str, folder: Path) -> float:
    """The peak RSS (MiB) of a process that stores ``count`` copies into the database ``db`` and updates its
    merged record (the process imports what an update imports, and no spaCy model is loaded)."""
    import pickle
    import subprocess

    data = folder / "base.pickle"
    if not data.exists():
        data.write_bytes(pickle.dumps(base))
    out = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(Path(__file__).resolve().parent), str(db), str(data),
                          str(start), str(count), shift], check=True, capture_output=True, text=True).stdout
    whole, kib = out.split()[-2:]
    if whole != "False":
        raise RuntimeError(f"the update in the child process recomputed the merged record of {db} whole")
    return int(kib) / 1024


def pages_written(db: Path, base: list, start: int, count: int, shift_all: bool, fresh: bool) -> dict[str, int]:
    """The pages of each table and index of the SQLite database ``db`` (a copy: it is updated) that an update adding
    ``count`` copies writes (``--pages``; ``fresh``: a new database, its empty merged record written first). The
    copies are stored, the write-ahead log checkpointed and emptied, and the update run with the automatic
    checkpoint off: the log then holds every page the update wrote (each once, in its one write transaction),
    named by the ``dbstat`` table. Untimed (the checkpoint that the update's commit sets off is left out here)."""
    import collections
    import sqlite3
    import struct

    from sqlalchemy import event

    store = open_store(db)
    if fresh:
        update_merged(store)
    fill(store, base, start, count, shift_all)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _no_checkpoint(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.execute("PRAGMA wal_autocheckpoint = 0")

    try:
        update_merged(store)
        # (read while the store's connections are open: closing the last one checkpoints the log and deletes it)
        log = Path(f"{db}-wal").read_bytes()
        size, pages, at = struct.unpack(">I", log[8:12])[0], set(), 32
        while at + 24 + size <= len(log):  # frames: a header of 24 bytes (the page number first), then the page
            pages.add(struct.unpack(">I", log[at:at + 4])[0])
            at += 24 + size
        reader = sqlite3.connect(str(db))
        try:
            names = dict(reader.execute("SELECT pageno, name FROM dbstat"))
        finally:
            reader.close()
    finally:
        store.close()
    return dict(collections.Counter(names.get(p, "(new or free pages)") for p in pages).most_common())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="documents already stored (default 2000)")
    ap.add_argument("--add", type=int, default=100, help="documents added and merged (default 100)")
    ap.add_argument("--shift", choices=("days", "all"), default="days",
                    help="which dates move from copy to copy (default: full dates only; see above)")
    ap.add_argument("--repeat", type=int, default=1, help="time each update this many times (the medians are "
                    "compared; default 1)")
    ap.add_argument("--db", help="a folder for the SQLite files (default: temporary)")
    ap.add_argument("--rss", action="store_true", help="also measure the peak RSS of the update into the large "
                    "database, in a process of its own that stores the copies and updates (on another copy)")
    ap.add_argument("--stages", action="store_true", help="also time each stage of the updates (CPU seconds, "
                    "medians; see above)")
    ap.add_argument("--pages", action="store_true", help="also count the pages each update writes, per table and "
                    "index (SQLite; on other copies, untimed; see above)")
    ap.add_argument("--json", action="store_true", help="print one JSON object last")
    a = ap.parse_args(argv)
    load_start = os.getloadavg()[0]
    base = samples()
    shift_all = a.shift == "all"
    print(f"{len(base)} sample documents, {sum(len(r) for _d, r in base)} records", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(a.db or tmp)
        empty_runs, empty_cpu, large_cpu = [], [], []
        timer = StageTimer() if a.stages else None
        empty_stages, large_stages = [], []
        empty_done = empty_written = None

        def empty_run(r: int) -> None:
            """One update into an empty database (a fresh one each time), timed next to one into the large
            database: on a shared machine the load moves in the minutes the large database takes to build."""
            nonlocal empty_done, empty_written
            small = open_store(folder / f"empty{r or ''}.db")
            update_merged(small)
            secs, empty_done = timed_add(small, base, 0, a.add, shift_all, timer)
            empty_runs.append(secs)
            empty_stages.append(getattr(empty_done, "stages", None))
            empty_cpu.append(empty_done.cpu_s)
            empty_written = written(small)
            small.close()

        big = open_store(folder / "large.db")
        t0 = time.perf_counter()
        fill(big, base, 0, a.docs, shift_all)
        t1 = time.perf_counter()
        update_merged(big, full=True)
        t2 = time.perf_counter()
        print(f"built {a.docs} documents in {t1 - t0:.1f} s, whole merge {t2 - t1:.1f} s", flush=True)
        large_runs = []
        pages = None
        if a.pages:  # (the large database as it is now, on a copy; the empty one a new database)
            big.close()
            shutil.copy(folder / "large.db", folder / "copy.db")
            pages = {"empty": pages_written(folder / "pages.db", base, 0, a.add, shift_all, True),
                     "large": pages_written(folder / "copy.db", base, a.docs, a.add, shift_all, False)}
            for f in ("pages.db", "copy.db"):
                for suffix in ("", "-wal", "-shm"):
                    (folder / f"{f}{suffix}").unlink(missing_ok=True)
            big = open_store(folder / "large.db")
        rss = None
        if a.rss:
            big.close()
            shutil.copy(folder / "large.db", folder / "copy.db")
            rss = peak_rss(folder / "copy.db", base, a.docs, a.add, a.shift, folder)
            (folder / "copy.db").unlink()
            big = open_store(folder / "large.db")
        if a.repeat > 1:  # the same update again on copies of the database as it is now
            big.close()
            for r in range(1, a.repeat):
                empty_run(r)
                shutil.copy(folder / "large.db", folder / "copy.db")
                other = open_store(folder / "copy.db")
                secs, done = timed_add(other, base, a.docs, a.add, shift_all, timer)
                large_runs.append(secs)
                large_stages.append(getattr(done, "stages", None))
                large_cpu.append(done.cpu_s)
                other.close()
                (folder / "copy.db").unlink()
            big = open_store(folder / "large.db")
        empty_run(0)
        secs, large_done = timed_add(big, base, a.docs, a.add, shift_all, timer)
        large_runs.insert(0, secs)
        large_stages.insert(0, getattr(large_done, "stages", None))
        large_cpu.insert(0, large_done.cpu_s)
        large_written = written(big)
        empty, large = statistics.median(empty_runs), statistics.median(large_runs)
        incremental = stored(big)
        whole = time.perf_counter()
        whole_done = update_merged(big, full=True)
        whole = time.perf_counter() - whole
        same = stored(big) == incremental
        big.close()
    load_end = os.getloadavg()[0]
    print(f"load average (1 min) {load_start:.2f} at the start, {load_end:.2f} at the end, on {os.cpu_count()} cores")
    print(f"dates moved from copy to copy: {a.shift}")
    head = ("", "seconds", "new facts", "facts recomputed", "groups recomputed", "groups in place")
    print(f"{head[0]:34s} {head[1]:>8s} {head[2]:>10s} {head[3]:>17s} {head[4]:>18s} {head[5]:>16s}")
    for what, secs, done in ((f"add {a.add} into an empty database", empty, empty_done),
                             (f"add {a.add} into {a.docs} documents", large, large_done),
                             (f"whole recompute of {a.docs + a.add}", whole, whole_done)):
        recomputed = done.facts if done.whole else done.recomputed_facts
        print(f"{what:34s} {secs:8.2f} {done.new_facts:10d} {recomputed:17d} {done.groups:18d} {done.in_place:16d}")
    print(f"merged records written: into an empty database {empty_written[0]} ({empty_written[1] / 1e6:.1f} MB of "
          f"JSON), into {a.docs} documents {large_written[0]} ({large_written[1] / 1e6:.1f} MB)")
    print(f"conflicts written: into an empty database {empty_written[2]} ({empty_written[3] / 1e6:.1f} MB), into "
          f"{a.docs} documents {large_written[2]} ({large_written[3] / 1e6:.1f} MB)")
    by_kind = ", ".join(f"{k} {n}" for k, n in large_done.recomputed_kinds.items()) or "none"
    print(f"facts recomputed by kind, into {a.docs}: {by_kind}")
    if a.repeat > 1:
        print(f"runs (seconds): into an empty database {', '.join(f'{x:.2f}' for x in empty_runs)}; "
              f"into {a.docs} documents {', '.join(f'{x:.2f}' for x in large_runs)} (medians compared)")
    print(f"ratio (into {a.docs} / into empty): {large / empty:.2f} (target at 20,000 documents: at most 1.5)")
    cpu_large, cpu_empty = statistics.median(large_cpu), statistics.median(empty_cpu)
    print(f"CPU seconds of the update (medians): into an empty database {cpu_empty:.2f}, into {a.docs} documents "
          f"{cpu_large:.2f}, ratio {cpu_large / cpu_empty:.2f}")
    stages = None
    if a.stages:
        labels = list(dict.fromkeys([*(x[0] for x in StageTimer.STAGES), *(x[0] for x in StageTimer.PARTS), "rest"]))
        stages = {"empty": {k: round(statistics.median(st.get(k, 0.0) for st in empty_stages), 4) for k in labels},
                  "large": {k: round(statistics.median(st.get(k, 0.0) for st in large_stages), 4) for k in labels}}
        print("CPU seconds of each stage of the update (medians of each stage: they need not add up to the medians "
              "above)")
        print(f"  {'stage':34s} {'empty':>8s} {a.docs:>8d} {'more':>8s}")
        parts = {x[0] for x in StageTimer.PARTS}
        for k in labels:
            e, g = stages["empty"][k], stages["large"][k]
            label = f"  {k}" if k in parts else k  # (a part of the stage above it)
            print(f"  {label:34s} {e:8.3f} {g:8.3f} {g - e:+8.3f}")
    if pages is not None:
        e_all, g_all = sum(pages["empty"].values()), sum(pages["large"].values())
        print(f"pages written by the update (SQLite): into an empty database {e_all}, into {a.docs} documents {g_all}; "
              f"per table and index (the {min(16, len(pages['large']))} most written into {a.docs} documents)")
        print(f"  {'table or index':40s} {'empty':>8s} {a.docs:>8d} {'more':>8s}")
        for name, n in list(pages["large"].items())[:16]:
            e = pages["empty"].get(name, 0)
            print(f"  {name:40s} {e:8d} {n:8d} {n - e:+8d}")
    if rss is not None:
        print(f"peak RSS of a process adding {a.add} into {a.docs} documents and updating: {rss:.0f} MiB")
    print(f"the incremental update stored {'the same' if same else 'ANOTHER'} merged record as the whole recompute")
    if a.json:
        print(json.dumps({
            "docs": a.docs, "add": a.add, "shift": a.shift,
            "incremental_100_s": round(large, 3), "incremental_100_empty_s": round(empty, 3),
            "ratio": round(large / empty, 3), "whole_s": round(whole, 3),
            "incremental_100_cpu_s": round(cpu_large, 3), "incremental_100_empty_cpu_s": round(cpu_empty, 3),
            "cpu_ratio": round(cpu_large / cpu_empty, 3),
            "incremental_100_runs": [round(x, 3) for x in large_runs],
            "incremental_100_empty_runs": [round(x, 3) for x in empty_runs],
            "new_facts": large_done.new_facts, "facts_recomputed": large_done.recomputed_facts,
            "facts_recomputed_empty": empty_done.recomputed_facts,
            "facts_recomputed_by_kind": large_done.recomputed_kinds,
            "groups_recomputed": large_done.groups, "groups_in_place": large_done.in_place,
            "same_as_whole": same, "load_start": round(load_start, 2), "load_end": round(load_end, 2),
            "records_written": large_written[0], "records_written_mb": round(large_written[1] / 1e6, 2),
            "records_written_empty": empty_written[0],
            "records_written_empty_mb": round(empty_written[1] / 1e6, 2),
            "conflicts_written": large_written[2], "conflicts_written_mb": round(large_written[3] / 1e6, 2),
            **({"rss_mb": round(rss, 1)} if rss is not None else {}),
            **({"pages_written": pages} if pages is not None else {}),
            **({"stages_cpu_s": stages} if stages is not None else {})}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
