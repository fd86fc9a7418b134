"""The corpus of ``bench/throughput.py``: copies of the samples, a year later every 52 copies (issue 10).

The incremental-ingest target is measured on it: copies that all keep their dates would make every event
told once per copy (thousands of times at 20,000 documents), which no news corpus does."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def throughput():
    spec = importlib.util.spec_from_file_location("bench_throughput", ROOT / "bench" / "throughput.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_years_move_with_the_copy_number_not_amounts(throughput):
    text = ("Le 4 mai 2019, les deux pays ont signé un accord; leurs échanges ont atteint 2.025 milliards et "
            "2,019 tonnes, contre 1 999 en 1998; l'objectif est fixé pour 2030 (rapport 12019).")
    assert throughput.moved(text, 3) == (
        "Le 4 mai 2022, les deux pays ont signé un accord; leurs échanges ont atteint 2.025 milliards et "
        "2,019 tonnes, contre 1 999 en 2001; l'objectif est fixé pour 2033 (rapport 12019).")
    assert throughput.moved("2024-05-12", 1) == "2025-05-12"
    assert throughput.moved(None, 2) is None


def test_a_year_of_weekly_copies_then_the_next_year(throughput):
    bases = throughput._bases()
    n = len(bases)
    docs = list(throughput.corpus(n * 53, bases=bases))
    first, same_year, next_year = docs[0], docs[n * 51], docs[n * 52]
    assert first.id.endswith("~0") and next_year.id.endswith("~52")
    assert same_year.date == first.date
    assert int(next_year.date[:4]) == int(first.date[:4]) + 1
    assert next_year.text != first.text and len({d.text for d in docs}) == len(docs)
    kept = list(throughput.corpus(n * 53, bases=bases, same_dates=True))
    assert kept[n * 52].date == first.date
