#!/usr/bin/env python3
"""The real-news development set: published French articles, kept out of the repository.

    python scripts/realnews.py sources   # rebuild samples/realnews/sources.tsv from the cache and check it
    python scripts/realnews.py score [--merged] [--misses]   # extract the cached articles and score them

The article texts are the stored copies of public pages that the project's search tool returns (their
opening, up to about 2,000 characters). They live in ``samples/realnews/cache/`` (git-ignored): each
``ID.txt`` is the text exactly as stored, since the gold's character offsets point into it. What the
repository holds is ``sources.tsv`` (id, URL, outlet, publication date, title, countries, and the
sha256 of the text, so a rebuilt cache can be checked) and ``gold.jsonl`` (facts only, SCHEMA.md
format, written by annotators who had not seen the extraction rules).

``sources`` merges the annotators' ``sources-*.tsv`` parts (when present) with ``sources.tsv``, checks
that every cached text is listed and not held out (``../shared/eval/heldout-check``), and writes
``sources.tsv`` again with the texts' fingerprints. ``score`` says "skipped" and exits 0 when the
cache is absent or incomplete, so it can run anywhere.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "samples" / "realnews"
CACHE = SET / "cache"
SOURCES = SET / "sources.tsv"
GOLD = SET / "gold.jsonl"
EVAL = ROOT.parent / "shared" / "eval"
COLUMNS = ["id", "url", "outlet", "published", "title", "countries", "sha256"]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r.get("id")]
    return [{k: (v or "").strip() for k, v in r.items() if k} for r in rows]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cmd_sources(_args) -> int:
    rows: dict[str, dict[str, str]] = {}
    for part in sorted(SET.glob("sources*.tsv")):
        for r in read_tsv(part):
            rows.setdefault(r["id"], {}).update({k: v for k, v in r.items() if v})
    problems = []
    cached = {p.stem: p for p in CACHE.glob("*.txt")} if CACHE.is_dir() else {}
    for doc_id, p in sorted(cached.items()):
        if doc_id not in rows:
            problems.append(f"{p}: cached but not listed in any sources*.tsv")
            continue
        sha = fingerprint(p)
        if rows[doc_id].get("sha256") and rows[doc_id]["sha256"] != sha:
            problems.append(f"{p}: text differs from the one annotated (sha256 {sha[:12]}… ≠ "
                            f"{rows[doc_id]['sha256'][:12]}…): the gold offsets no longer apply")
        rows[doc_id]["sha256"] = sha
    check = EVAL / "heldout-check"
    if check.exists() and cached:
        files = [str(cached[i]) for i in sorted(cached) if i in rows]
        urls = [rows[i]["url"] for i in sorted(cached) if rows[i].get("url")]
        for argv in ([str(check), *files], [str(check), "--url", *urls]):
            out = subprocess.run(argv, capture_output=True, text=True)
            problems += [f"held out: {line}" for line in out.stdout.splitlines() if "HELD OUT" in line]
    missing = sorted(set(rows) - set(cached))
    with open(SOURCES, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for doc_id in sorted(rows):
            w.writerow({c: rows[doc_id].get(c, "") if c != "id" else doc_id for c in COLUMNS})
    outlets = {r.get("outlet") for r in rows.values()}
    pairs = {r.get("countries") for r in rows.values()}
    years = sorted(r.get("published", "")[:4] for r in rows.values() if r.get("published"))
    print(f"{SOURCES.relative_to(ROOT)}: {len(rows)} articles, {len(outlets)} outlets, {len(pairs)} country pairs, "
          f"{years[0] if years else '?'}–{years[-1] if years else '?'}; {len(cached)} cached, {len(missing)} not cached")
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    return 1 if problems else 0


def cmd_score(args) -> int:
    rows = read_tsv(SOURCES) if SOURCES.exists() else []
    cache = Path(args.cache) if args.cache else CACHE
    texts = [cache / f"{r['id']}.txt" for r in rows]
    present = [t for t in texts if t.exists()]
    if not rows or len(present) < len(texts):
        print(f"skipped: the real-news cache holds {len(present)} of {len(texts)} texts "
              f"({cache} is git-ignored; see the docstring of this script)")
        return 0
    stale = [r["id"] for r, t in zip(rows, texts) if r.get("sha256") and fingerprint(t) != r["sha256"]]
    if stale:
        print(f"skipped: {len(stale)} cached texts differ from the annotated ones ({', '.join(stale[:3])}…)")
        return 0
    if not (EVAL / "score.py").exists():
        print(f"skipped: {EVAL / 'score.py'} not found")
        return 0
    exe = Path(sys.executable).with_name("communique")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        inputs = [str(p) for p in present]
        if not args.texts_only:
            # the publication date a crawler reads from the page's metadata (the cached text is the page's
            # opening only): one JSON Lines record per article, same text, so the offsets still apply
            feed = Path(tmp) / "realnews.jsonl"
            with open(feed, "w", encoding="utf-8") as f:
                for r, t in zip(rows, texts):
                    rec = {"id": r["id"], "text": t.read_text(encoding="utf-8")}
                    if r.get("published"):
                        rec["date"] = r["published"]
                    f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            inputs = [str(feed)]
        if args.merged:
            db = Path(tmp) / "realnews.db"
            subprocess.run([str(exe), "ingest", "-q", "--db", str(db), *inputs], check=True)
            subprocess.run([str(exe), "export", "-q", "--db", str(db), "--output", str(pred)], check=True)
        else:
            subprocess.run([str(exe), "extract", "-q", *inputs, "--output", str(pred)], check=True)
        argv = [sys.executable, str(EVAL / "score.py"), "--gold", str(GOLD), "--docs", str(cache), "--pred", str(pred)]
        argv += ["--merged"] if args.merged else []
        argv += ["--misses"] if args.misses else []
        argv += ["--json"] if args.json else []
        if args.keep:
            import shutil
            shutil.copy(pred, args.keep)
        return subprocess.run(argv).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("sources", help="rebuild sources.tsv from the cache and the annotators' parts")
    sc = sub.add_parser("score", help="extract the cached articles and score them against gold.jsonl")
    sc.add_argument("--merged", action="store_true", help="ingest them into one database and score the merged record")
    sc.add_argument("--misses", action="store_true", help="list the gold records missed and the false positives")
    sc.add_argument("--json", action="store_true", help="the scores as JSON")
    sc.add_argument("--keep", metavar="FILE", help="also keep the predicted records in FILE")
    sc.add_argument("--texts-only", action="store_true",
                    help="read the cached texts alone, without the publication dates of sources.tsv")
    sc.add_argument("--cache", metavar="DIR", help=f"the folder of the article texts (default {CACHE.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    os.chdir(ROOT)
    return {"sources": cmd_sources, "score": cmd_score}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
