"""Figure conflicts found by their metric, countries, unit and period (``facts._conflict_pairs``) are those of
looking at every pair of summaries, in the same order."""
from __future__ import annotations

import random

import pytest

from communique.extract.successors import Successors
from communique.merge.facts import _countries, _shares, _sources, figure_summaries, render_figures


def _every_pair(summaries: list[dict]) -> list[dict]:
    """The conflicts as ``render_figures`` found them before: every pair looked at."""
    succ = Successors.load()
    out = []
    for i, a in enumerate(summaries):
        for b in summaries[i + 1:]:
            x, y = a["first"], b["first"]
            if x.get("metric") in (None, "other") or (x.get("metric"), _countries(x, succ), x.get("unit")) != (
                    y.get("metric"), _countries(y, succ), y.get("unit")):
                continue
            if not (x.get("period") and y.get("period")) or x.get("period") != y.get("period"):
                continue
            if _shares(a, b):
                continue
            out.append({"kind": "conflict", "about": "figure", "field": "value", "metric": x.get("metric"),
                        "countries": sorted(_countries(x, succ)), "period": x.get("period"),
                        "unit": x.get("unit"), "values": [x.get("value"), y.get("value")], "sources": _sources([x, y])})
    return out


def _figures(rng: random.Random, n: int, odd: bool = False) -> list[dict]:
    out = []
    for i in range(n):
        period = rng.choice([None, "", "2024", "2024-05", "2023/2024", "2024-05/2024-07"])
        unit = rng.choice(["USD", "EUR", None])
        if odd and rng.random() < 0.2:
            unit = ["USD"]  # no key: the pairs are looked at one by one
        out.append({"kind": "figure", "metric": rng.choice(["trade", "aid", "other", None]),
                    "countries": rng.choice([["FRA", "SEN"], ["SEN", "FRA"], ["SUN", "FRA"], ["RUS", "FRA"], ["FRA"]]),
                    "unit": unit, "period": period, "value": rng.choice([100, 101, 150, 200, "n/a"]),
                    "doc": f"d{rng.randrange(12):02d}",
                    "sources": [{"doc": None, "start": i, "end": i + 5, "text": f"figure {i}"}]})
    return out


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("odd", [False, True])
def test_figure_conflicts_by_key_are_those_of_every_pair(seed, odd):
    rng = random.Random(seed)
    summaries = figure_summaries(_figures(rng, 60, odd))
    merged, conflicts = render_figures(summaries)
    assert conflicts == _every_pair(summaries)
    assert len(merged) == len(summaries)
