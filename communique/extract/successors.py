"""Historical states and their continuators (SUN → RUS, YUG → SRB, ...), read from ``data/successors.tsv``.

In: lists of country codes. Out: the same lists where a historical state and its successor named
together ("l'Union soviétique (à l'époque) et la Fédération de Russie (aujourd'hui)") count as one party,
kept under the name the article gives first.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "data" / "successors.tsv"


class Successors:
    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Successors":
        with _PATH.open(encoding="utf-8") as fh:
            rows = [r for r in csv.reader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")]
        return cls({h: s for h, s in rows[1:] if h and s})

    def canonical(self, code: str) -> str:
        return self.mapping.get(code, code)

    def collapse(self, codes: list[str]) -> list[str]:
        out, seen = [], set()
        for c in codes:
            k = self.canonical(c)
            if k not in seen:
                seen.add(k)
                out.append(c)
        return out
