"""Personal names compared across spellings: folding and transliteration keys.

Used by the extract stage (one person per document) and the resolve stage (one actor across
documents). Keys never decide alone that two names are one person: callers add context (same
document, same country, same role).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lang import fold, words

_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")
# "N'Guesso", "M'Baye", "N’Djamena": a capital letter and an apostrophe opening a word, written as one word elsewhere
_ELIDED_CAPITAL = re.compile(r"\b([A-Z])['’](?=[A-Z])")


@lru_cache(maxsize=1 << 15)  # (the rules compare the names of a document with each other many times)
def name_key(name: str) -> tuple[str, ...]:
    """A spelling-tolerant key: folded words with a light French/English/German transliteration fold.

    "Loukachenko"/"Lukashenko", "Tokaïev"/"Tokayev", "Poutine"/"Putin", "Mirziyoïev"/"Mirzijojev",
    "Chavkat"/"Shavkat", "Aliyev"/"Aliev" give equal keys; "To Lam"/"Tô Lâm" too (diacritics folded).
    """
    out = []
    for w in words(_ELIDED_CAPITAL.sub(r"\1", name)):
        w = w.replace("ou", "u").replace("y", "i").replace("gue", "ge").replace("kh", "h").replace("ch", "sh")
        w = w.replace("j", "i").replace("x", "ks")  # German "Mirzijojev"; "Alexander"/"Aleksandr"
        w = _DOUBLE.sub(r"\1", w)
        if len(w) > 3 and w.endswith("e"):
            w = w[:-1]
        out.append(w)
    return tuple(out)


def skeleton(word: str) -> str:
    """Consonant skeleton of one key word, for given names written several ways:
    "aleksandr"/"aleksander"/"alexandre", "sergei"/"sergey"/"sergueï", "andrei"/"andrey"."""
    key = name_key(word)
    w = key[0] if key else ""
    return w[:1] + _VOWELS.sub("", w[1:])


#: words that join a given name to the father's ("Salman bin Abdulaziz", "Mohamed ould Abdel Aziz")
PATRONYMIC_LINKS = frozenset({"bin", "ben", "ibn", "bint", "ould", "uld"})  # (name_key spells "ould" "uld")
_FAMILY_ARTICLES = frozenset({"al", "el"})
_REGNAL = frozenset({"i", "iv", "v", "vi", "ix", "x"})  # as name_key spells them ("ii", "iii" -> "i"; "vii" -> "vi")


def same_in_document(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two name keys can name one person within one article: equal, one inside the other
    ("Sheinbaum" / "Claudia Sheinbaum Pardo", "Lula" / "Luiz Inácio Lula da Silva"), or the same words
    in another order ("Kishida Fumio" / "Fumio Kishida"). A lone first word never joins a longer name
    (a first name is shared by too many people)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not set(short) <= set(long_):
        return False
    # "Abdullah II" and "Al Hussein bin Abdullah II": the words after "bin" name the father, another person (a lone
    # word, "Salman" for "Mohammed bin Salman", is the son's short name often enough)
    # ("Al Zayani" for "Abdullatif bin Rashid Al Zayani" is the family's name, not the father's)
    links = [k for k, w in enumerate(long_) if w in PATRONYMIC_LINKS]
    if links and len(short) >= 2 and short[0] not in _FAMILY_ARTICLES and set(short) <= set(long_[links[0] + 1:]):
        return False
    own = [k for k, w in enumerate(short) if w in PATRONYMIC_LINKS]
    if own and links and own[0] + 1 < len(short) and links[0] + 1 < len(long_) \
            and short[own[0] + 1] != long_[links[0] + 1]:
        # "Abdullah bin Abdulaziz" and "Abdullah bin Mohammed bin Abdulaziz": the father each names first differs,
        # two people (a son and a grandson of Abdulaziz)
        return False
    if len(short) == 1:
        # "King Abdullah" beside "Crown Prince Al Hussein bin Abdullah II": a lone word naming a father with a
        # regnal number is the father
        if any(long_[k + 1] == short[0] and k + 2 < len(long_) and long_[k + 2] in _REGNAL for k in links):
            return False
        return short[0] != long_[0]
    return True


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early past ``limit`` (rapidfuzz is used where available)."""
    try:
        from rapidfuzz.distance import Levenshtein
        return Levenshtein.distance(a, b, score_cutoff=limit + 1)
    except ImportError:  # pragma: no cover - rapidfuzz is a declared dependency
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]


def diacritic_weight(name: str) -> int:
    """How many letters carry diacritics: the fuller Vietnamese spelling wins ("Tô Lâm" over "To Lam")."""
    return sum(1 for c in name if ord(c) > 127 and c.isalpha())


def fold_name(name: str) -> str:
    """The scorer's comparison form: folded words joined by spaces."""
    return " ".join(words(name)) if name else ""
