"""Which language an article is written in, from the function words of its opening.

In: a text. Out: a language code ("fr", "en", ...) or None when no language's function words are
frequent enough. The words of each language live in ``communique/lang/function_words.yaml``; the
languages with a pipeline are its ``supported`` list, the others are there to name what was found.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

#: characters looked at to tell the language
PROBE_CHARS = 2000
#: minimum share of a language's function words among the words of the probe
MIN_SHARE = 0.08

_DATA = Path(__file__).resolve().parents[1] / "lang" / "function_words.yaml"
_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _profiles() -> tuple[dict[str, frozenset[str]], tuple[str, ...], dict[str, str]]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    words = {code: frozenset(str(w).lower() for w in ws) for code, ws in data["words"].items()}
    return words, tuple(data["supported"]), dict(data["names"])


def supported() -> tuple[str, ...]:
    """The languages communique reads (those with a spaCy pipeline and language data)."""
    return _profiles()[1]


def language_name(code: str) -> str:
    """"fr" → "French"; an unknown code is returned as it is."""
    return _profiles()[2].get(code, code)


def _words(text: str, probe_chars: int) -> list[str]:
    return _WORD_RE.findall(text[:probe_chars].lower())


def share(text: str, lang: str, probe_chars: int = PROBE_CHARS) -> tuple[float, int]:
    """Share of ``lang``'s function words among the words of the first ``probe_chars`` characters, and the
    number of words: ``(share, words)``."""
    words = _words(text, probe_chars)
    if not words:
        return 0.0, 0
    profile = _profiles()[0][lang]
    if lang == "vi":  # Vietnamese function words are looked up without their tones
        words = [unicodedata.normalize("NFD", w).encode("ascii", "ignore").decode() for w in words]
    return sum(1 for w in words if w in profile) / len(words), len(words)


def detect(text: str, probe_chars: int = PROBE_CHARS, *, min_share: float = MIN_SHARE) -> str | None:
    """The language whose function words are the most frequent in the opening of ``text``, when they
    are frequent enough (a short title passes: one function word in a few words); else None. A language
    communique reads is preferred to one it does not whenever both pass (a French article quoting
    Portuguese, letters of a reference number read as words). A lower ``min_share`` tells the language of a
    single short sentence ("X met Y in Ankara on Monday")."""
    passing: dict[str, float] = {}
    for code in _profiles()[0]:
        s, n = share(text, code, probe_chars)
        if n and s >= min_share and s * n >= 1:
            passing[code] = s
    readable = {c: s for c, s in passing.items() if c in supported()}
    pool = readable or passing
    return max(pool, key=pool.get) if pool else None
