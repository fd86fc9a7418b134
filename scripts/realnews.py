#!/usr/bin/env python3
"""The real-news development set: published French articles, kept out of the repository.

    python scripts/realnews.py sources   # rebuild samples/realnews/sources.tsv from the cache and check it
    python scripts/realnews.py score [--merged] [--misses] [--partial]   # extract the cached articles, score them
    python scripts/realnews.py check     # is the cache complete and are its texts the annotated ones?
    python scripts/realnews.py --lang en score   # the same for the English set (samples/realnews-en)
    python scripts/realnews.py --lang all score --merged --partial   # both sets as one record (across languages)

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
SETS = {"fr": ROOT / "samples" / "realnews", "en": ROOT / "samples" / "realnews-en"}


def _use_set(lang: str) -> None:
    global SET, CACHE, SOURCES, GOLD
    if lang == "all":
        _use_all_sets()
        return
    SET = SETS[lang]
    CACHE, SOURCES, GOLD = SET / "cache", SET / "sources.tsv", SET / "gold.jsonl"


def _use_all_sets() -> None:
    """Every set as one (French and English articles about the same events: one record across languages):
    a temporary folder with the cached texts of all sets, their sources and their gold."""
    global SET, CACHE, SOURCES, GOLD
    SET = Path(tempfile.mkdtemp(prefix="realnews-all-"))
    CACHE, SOURCES, GOLD = SET / "cache", SET / "sources.tsv", SET / "gold.jsonl"
    CACHE.mkdir()
    rows = []
    with open(GOLD, "w", encoding="utf-8") as gold:
        for folder in SETS.values():
            if (folder / "cache").is_dir():
                for t in (folder / "cache").glob("*.txt"):
                    (CACHE / t.name).symlink_to(t)
            rows += read_tsv(folder / "sources.tsv")
            gold.write((folder / "gold.jsonl").read_text(encoding="utf-8"))
    with open(SOURCES, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


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


def cmd_check(args) -> int:
    """Report which cached texts are present, missing or different from the annotated ones; writes nothing."""
    rows = read_tsv(SOURCES) if SOURCES.exists() else []
    cache = Path(args.cache) if args.cache else CACHE
    missing, stale = [], []
    for r in rows:
        t = cache / f"{r['id']}.txt"
        if not t.exists():
            missing.append(r["id"])
        elif r.get("sha256") and fingerprint(t) != r["sha256"]:
            stale.append(r["id"])
    print(f"{len(rows) - len(missing) - len(stale)} of {len(rows)} texts present and as annotated")
    if missing:
        print(f"missing ({len(missing)}): {', '.join(missing)}")
    if stale:
        print(f"different from the annotated text ({len(stale)}): {', '.join(stale)}")
    return 1 if missing or stale else 0


def cmd_score(args) -> int:
    rows = read_tsv(SOURCES) if SOURCES.exists() else []
    cache = Path(args.cache) if args.cache else CACHE
    texts = [cache / f"{r['id']}.txt" for r in rows]
    present = [t for t in texts if t.exists()]
    if not rows or len(present) < len(texts) and not (args.partial and present):
        print(f"skipped: the real-news cache holds {len(present)} of {len(texts)} texts "
              f"({cache} is git-ignored; see the docstring of this script; --partial scores those present)")
        return 0
    stale = [r["id"] for r, t in zip(rows, texts) if t.exists() and r.get("sha256") and fingerprint(t) != r["sha256"]]
    if stale:
        print(f"skipped: {len(stale)} cached texts differ from the annotated ones ({', '.join(stale[:3])}…)")
        return 0
    if len(present) < len(texts):
        missing = [r["id"] for r, t in zip(rows, texts) if not t.exists()]
        print(f"partial: scoring {len(present)} of {len(texts)} articles (missing: {', '.join(missing)})")
        rows = [r for r, t in zip(rows, texts) if t.exists()]
        texts = present
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
        gold = GOLD
        if len(rows) < len(read_tsv(SOURCES)):
            # the gold of the articles present only, or the missing ones would count as misses
            keep = {r["id"] for r in rows}
            gold = Path(tmp) / "gold.jsonl"
            with open(GOLD, encoding="utf-8") as src, open(gold, "w", encoding="utf-8") as dst:
                dst.writelines(line for line in src if line.strip() and json.loads(line).get("doc") in keep)
        argv = [sys.executable, str(EVAL / "score.py"), "--gold", str(gold), "--docs", str(cache), "--pred", str(pred)]
        argv += ["--merged"] if args.merged else []
        argv += ["--misses"] if args.misses else []
        argv += ["--json"] if args.json else []
        if args.keep:
            import shutil
            shutil.copy(pred, args.keep)
        return subprocess.run(argv).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=sorted(SETS) + ["all"], default="fr",
                    help="which set: the French articles (samples/realnews), the English ones (samples/realnews-en), "
                         "or all as one (with score --merged: one record across languages)")
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("sources", help="rebuild sources.tsv from the cache and the annotators' parts")
    sc = sub.add_parser("score", help="extract the cached articles and score them against gold.jsonl")
    sc.add_argument("--merged", action="store_true", help="ingest them into one database and score the merged record")
    sc.add_argument("--misses", action="store_true", help="list the gold records missed and the false positives")
    sc.add_argument("--json", action="store_true", help="the scores as JSON")
    sc.add_argument("--keep", metavar="FILE", help="also keep the predicted records in FILE")
    sc.add_argument("--texts-only", action="store_true",
                    help="read the cached texts alone, without the publication dates of sources.tsv")
    sc.add_argument("--partial", action="store_true",
                    help="score the articles whose text is cached even when some are missing (says which)")
    sc.add_argument("--cache", metavar="DIR", help=f"the folder of the article texts (default {CACHE.relative_to(ROOT)})")
    ck = sub.add_parser("check", help="say which cached texts are missing or changed (writes nothing)")
    ck.add_argument("--cache", metavar="DIR", help="the folder of the article texts")
    args = ap.parse_args(argv)
    _use_set(args.lang)
    os.chdir(ROOT)
    return {"sources": cmd_sources, "score": cmd_score, "check": cmd_check}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
