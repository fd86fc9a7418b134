"""Letter case restored in lines written in capitals ("MONTENEGRIN PRIME MINISTER MILO DJUKANOVIC VISITS BOSNIA").

In: the texts of one document's segments. Out: the same texts, where a segment written (almost) all in capitals has
each word in the case the rest of the document writes it ("Montenegrin Prime Minister Milo Djukanovic visits
Bosnia"), so that the tagger and the entity recogniser read names and verbs as they read them in running text.
Every word keeps its length, so every offset still points into the original text.

Why: the models were trained on text in mixed case; a headline or a banner in capitals is tagged as a row of proper
nouns, and a name runs into the verb after it ("MILO DJUKANOVIC VISITS").
"""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: a segment is in capitals when at least this share of its letters are capitals (a stray lower-case unit, "km",
#: "mardi 12", does not make it mixed)
_SHOUTING_SHARE = 0.85
_MIN_LETTERS = 12


def shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return False
    return sum(c.isupper() for c in letters) >= _SHOUTING_SHARE * len(letters)


def _forms(texts: list[str]) -> dict[str, Counter]:
    """Each word (lower case) -> the counts of the ways the document writes it, in segments not in capitals; a word
    opening a sentence does not count as capitalised."""
    forms: dict[str, Counter] = {}
    for text in texts:
        if shouting(text):
            continue
        for m in _WORD.finditer(text):
            w = m.group()
            before = text[:m.start()].rstrip()
            opening = not before or before[-1] in ".!?:\"«“—–-"
            if opening and w[:1].isupper() and not w.isupper():
                continue
            forms.setdefault(w.lower(), Counter())[w] += 1
    return forms


def _case_of(word: str, forms: dict[str, Counter], lower_words: set[str], stop_words: frozenset[str]) -> str:
    seen = forms.get(word.lower())
    if seen:
        lower = word.lower()
        if seen.get(lower):
            return lower
        return seen.most_common(1)[0][0]
    if len(word) <= 1:
        return word
    low = word.lower()
    if low in stop_words:
        return low  # "WITH", "DE": a word of grammar, never a name
    # an inflected form of a word the document writes in lower case ("visits" beside "visit", "reçoit" beside
    # "reçu"): a common word
    stem = low[:max(4, len(low) - 2)]
    if len(low) >= 4 and any(w.startswith(stem) for w in lower_words):
        return low
    return word[:1] + word[1:].lower()


def restore_case(texts: list[str], stop_words: frozenset[str] = frozenset()) -> list[str]:
    """The texts, with those in capitals written in the case the other texts use (see module docstring);
    ``stop_words``: the language's words of grammar (the model's), lower case where the other texts do not say."""
    if not any(shouting(t) for t in texts):
        return texts
    forms = _forms(texts)
    lower_words = {w for w, c in forms.items() if c.get(w)}
    out = []
    for text in texts:
        if not shouting(text):
            out.append(text)
            continue
        chars = list(text)
        first = True
        for m in _WORD.finditer(text):
            w = m.group()
            if not w.isupper():
                first = False
                continue
            new = _case_of(w, forms, lower_words, stop_words)
            if first:
                new = new[:1].upper() + new[1:]
            first = False
            if len(new) == len(w):  # (a letter whose case changes its length, "ß", is left as it is)
                chars[m.start():m.end()] = new
        out.append("".join(chars))
    return out
