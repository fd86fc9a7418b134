#!/usr/bin/env python3
"""How fast the web UI and the REST API answer on a large record, against the same on a small one.

    python bench/web.py [--events 100000] [--small 1000] [--json]

Builds two SQLite databases in a temporary folder with a merged record of synthetic events (random
pairs among 60 countries, dates 2000-2025, two participants each, one source sentence each, plus
relations and trade figures), then times each page and API call in this process (FastAPI's
TestClient, median of 5 after one warm-up) on both, and prints the times and the ratio large/small.
A page whose ratio stays near 1 does not grow with the record; the figures of a run belong in the
issue notes, never in tests.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from communique.store import open_store  # noqa: E402
from communique.store.merged import merged_rows  # noqa: E402
from communique.merge import MergedRecord  # noqa: E402

COUNTRIES = ["VNM", "RUS", "CHN", "FRA", "IND", "JPN", "KOR", "USA", "DEU", "GBR", "BRA", "ZAF", "EGY", "SAU", "TUR",
             "UZB", "KAZ", "IDN", "MYS", "THA", "KHM", "LAO", "PHL", "AUS", "CAN", "MEX", "ARG", "CHL", "NGA", "KEN",
             "TZA", "ETH", "MAR", "DZA", "TUN", "SEN", "CIV", "ITA", "ESP", "POL", "HUN", "CZE", "SWE", "NOR", "FIN",
             "BEL", "NLD", "CHE", "AUT", "GRC", "ISR", "IRN", "IRQ", "PAK", "BGD", "LKA", "NPL", "MNG", "CUB", "VEN"]
TYPES = ["visit", "meeting", "call", "agreement", "upgrade"]
LEVELS = ["diplomatic_relations", "comprehensive_partnership", "strategic_partnership",
          "comprehensive_strategic_partnership"]


def synthetic(n: int, seed: int = 7) -> MergedRecord:
    rnd = random.Random(seed)
    rec = MergedRecord()
    for i in range(n):
        a, b = rnd.sample(COUNTRIES, 2)
        typ = rnd.choices(TYPES, weights=[30, 35, 10, 20, 5])[0]
        y, m, d = rnd.randint(2000, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
        text = f"Phrase synthétique numéro {i} sur les relations entre {a} et {b}."
        e = {"kind": "event", "type": typ, "countries": [a, b], "date_start": f"{y}-{m:02d}-{d:02d}",
             "status": "happened", "participants": [{"name": f"Personne {i % 5000} {a}", "country": a, "role": None},
                                                    {"name": f"Personne {(i * 7) % 5000} {b}", "country": b,
                                                     "role": None}],
             "sources": [{"doc": f"doc-{i // 4}", "start": 0, "end": len(text), "text": text}]}
        if typ == "visit":
            e.update(guest=a, host=b, visit_kind="official")
        if typ == "upgrade":
            e["level"] = rnd.choice(LEVELS)
        rec.events.append(e)
        if i % 20 == 0:
            rec.figures.append({"kind": "figure", "metric": "trade_volume", "countries": sorted([a, b]),
                                "value": rnd.randint(1, 500) * 1e8, "unit": "USD", "period": str(y),
                                "sources": e["sources"]})
            rec.relations.append({"kind": "relation", "countries": sorted([a, b]), "level": rnd.choice(LEVELS),
                                  "sources": e["sources"]})
    return rec


def build(path: Path, n: int) -> None:
    rows, conflicts = merged_rows(synthetic(n))
    with open_store(str(path)) as store:
        assert store.replace_merged_record(rows, conflicts, documents=0)


CALLS = [("world page", "/"), ("world, one year", "/?start=2020&end=2020"), ("dyad page", "/dyads/VNM/RUS"),
         ("country page", "/countries/VNM"), ("events of a country (API)", "/api/events?country=VNM&limit=50"),
         ("events, page 1 (API)", "/api/events?limit=50"), ("dyad (API)", "/api/dyads/VNM/RUS"),
         ("search (API)", "/api/search?q=personne"), ("figures of a dyad (API)", "/api/figures?dyad=VNM,RUS")]


def timings(db: Path) -> dict[str, float]:
    from fastapi.testclient import TestClient

    from communique.serve import create_app

    out = {}
    with TestClient(create_app(str(db))) as c:
        for name, url in CALLS:
            assert c.get(url).status_code == 200, url
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                r = c.get(url)
                runs.append(time.perf_counter() - t)
                assert r.status_code == 200
            out[name] = statistics.median(runs)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small.db", Path(tmp) / "large.db"
        t = time.perf_counter()
        build(small, args.small)
        build(large, args.events)
        print(f"built {args.small:,} and {args.events:,} events in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        a, b = timings(small), timings(large)
    print(f"{'call':<28}{args.small:>10,} ev{args.events:>12,} ev{'ratio':>8}")
    for name, _ in CALLS:
        print(f"{name:<28}{a[name] * 1000:>10.1f} ms{b[name] * 1000:>12.1f} ms{b[name] / a[name]:>8.1f}")
    if args.json:
        print(json.dumps({"small_ms": {k: round(v * 1000, 2) for k, v in a.items()},
                          "large_ms": {k: round(v * 1000, 2) for k, v in b.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
