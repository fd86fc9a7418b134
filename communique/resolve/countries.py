"""Country names, codes and demonym-free lookups in every language the project has data for.

In: a country as a user or an article writes it ("Russie", "Fédération de Russie", "Russia", "RUS",
"ru", "URSS"). Out: its ISO 3166-1 alpha-3 code (historical states: ISO 3166-3 codes such as SUN),
and display names per language.
"""
from __future__ import annotations

from functools import lru_cache

import pycountry

from ..lang import DATA_DIR, load_lexicon, words

NAME_TYPES = ("name", "long_name")


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], str], dict[str, dict[str, str]]]:
    index: dict[tuple[str, ...], str] = {}
    names: dict[str, dict[str, str]] = {}
    langs = sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir() and (p / "countries.tsv").exists())
    for lang in langs:
        for e in load_lexicon(lang).countries:
            if e.type in NAME_TYPES:
                index.setdefault(words(e.form), e.code)
                if e.type == "name":
                    names.setdefault(e.code, {}).setdefault(lang, e.form)
    return index, names


def resolve_country(text: str) -> str | None:
    """The code of a country named in French or English, or given as an alpha-3/alpha-2 code."""
    if not text or not text.strip():
        return None
    t = text.strip()
    if len(t) in (2, 3) and t.isalpha():
        rec = pycountry.countries.get(alpha_3=t.upper()) if len(t) == 3 else pycountry.countries.get(alpha_2=t.upper())
        if rec is not None:
            return rec.alpha_3
        hist = pycountry.historic_countries.get(alpha_3=t.upper()) if len(t) == 3 else None
        if hist is not None:
            return hist.alpha_3
        if t.upper() == "XKX":
            return "XKX"
    index, _ = _index()
    return index.get(words(t))


def country_name(code: str, lang: str = "fr") -> str:
    """The short name of a country in ``lang`` (the code itself when no data has it)."""
    _, names = _index()
    by_lang = names.get(code, {})
    return by_lang.get(lang) or next(iter(by_lang.values()), code)


def country_names(code: str) -> list[str]:
    """Every name of a country the language data knows, all languages."""
    index, _ = _index()
    out = []
    for lang in sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir() and (p / "countries.tsv").exists()):
        out += [e.form for e in load_lexicon(lang).countries if e.code == code and e.type in NAME_TYPES]
    return list(dict.fromkeys(out))
