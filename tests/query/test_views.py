"""The query layer of the Python API: countries given by name or code, errors instead of silence."""
from __future__ import annotations

import pytest

import communique
from communique.errors import UnknownCountry


@pytest.fixture(scope="module")
def record(db):
    with communique.open_store(db, create=False) as store:
        return communique.merged(store)


def test_dyad_takes_names_in_either_language_and_codes(record):
    by_code = communique.dyad(record, "SWE", "VNM").to_record()
    assert by_code["level"] == "comprehensive_partnership"
    assert communique.dyad(record, "Suède", "Viêt Nam").to_record() == by_code
    assert communique.dyad(record, "Vietnam", "Sweden").to_record()["history"] == by_code["history"]


def test_dyad_of_an_unknown_country_raises_rather_than_answers_empty(record):
    with pytest.raises(UnknownCountry, match="unknown country 'Atlantide'") as e:
        communique.dyad(record, "Atlantide", "VNM")
    assert "ISO code" in e.value.hint


def test_timeline_filters_by_country_name(record):
    assert communique.timeline(record, "Suède") == communique.timeline(record, "SWE")
    assert communique.timeline(record, "SWE")
    with pytest.raises(UnknownCountry):
        communique.timeline(record, "Zzyzx")


def test_targets_are_checked_against_later_figures(record):
    (check,) = communique.dyad(record, "SWE", "VNM").targets
    assert check.verdict == "pending" and check.target["target_year"] == 2030
