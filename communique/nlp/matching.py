"""A spaCy ``Matcher`` that reads only the spans that can hold a match.

In: token patterns (spaCy's ``Matcher`` format), added by label; spans of analysed documents.
Out: the matches of those patterns in a span, as ``(match_id, start, end)`` with the document's token indices.

spaCy evaluates the word-list conditions of a pattern (``{"LEMMA": {"IN": [...]}}``, ``REGEX``) in Python, for
every token and every pattern that could start or go on there: on news text, most of the cost of finding event
triggers. A span can match a pattern only if, for each token the pattern requires whose lemma or lower-case form
is given (a word, a list of words, a regular expression), some token of the span has such a form. So each pattern
has a ``Matcher`` of its own, and a span is read only by the patterns whose required words it holds (a pattern
requiring no given word reads every span). The matches come in the order one ``Matcher`` holding every pattern
gives them: by end, then start, then the order the patterns were added, each once.
"""
from __future__ import annotations

import re

from spacy.matcher import Matcher

#: the token attributes an anchor may read, and how to get them from a token
_ANCHOR_ATTRS = {"LEMMA": "lemma_", "LOWER": "lower_"}
#: operators under which a pattern token must be present (none, or "+")
_REQUIRED = (None, "+")


class AnchoredMatcher:
    """Stands for a ``Matcher``: ``add`` as for it; call it on a ``Span`` (or a ``Doc``)."""

    def __init__(self, vocab):
        self.vocab = vocab
        # per pattern, in the order added: its matcher, and per required token (attribute, words, regular expression)
        self._patterns: list[tuple[Matcher, list[tuple[str, frozenset[str], re.Pattern | None]]]] = []
        self._added: list[tuple[str, list[dict]]] = []  # (label, pattern), in the order added

    def __len__(self) -> int:
        return len(self._patterns)

    def patterns(self) -> list[tuple[str, list[dict]]]:
        """(label, pattern) of every pattern, in the order added."""
        return list(self._added)

    def add(self, label: str, patterns: list[list[dict]]) -> None:
        for pattern in patterns:
            matcher = Matcher(self.vocab)
            matcher.add(label, [pattern])
            required = [r for spec in pattern if spec.get("OP") in _REQUIRED for r in [_required_word(spec)] if r]
            self._patterns.append((matcher, required))
            self._added.append((label, pattern))

    def __call__(self, span) -> list[tuple[int, int, int]]:
        """The matches inside ``span`` (with the document's token indices), as one ``Matcher`` holding every
        pattern finds them."""
        forms: dict[str, set[str]] = {"lemma_": set(), "lower_": set()}
        for tok in span:
            forms["lemma_"].add(tok.lemma_)
            forms["lower_"].add(tok.lower_)
        found = []
        for k, (matcher, required) in enumerate(self._patterns):
            if all(not forms[attr].isdisjoint(ws) if rx is None else any(rx.search(f) for f in forms[attr])
                   for attr, ws, rx in required):
                found += [(end, start, k, key) for key, start, end in matcher(span)]
        found.sort()
        offset = getattr(span, "start", 0)
        out, seen = [], set()
        for end, start, _, key in found:
            if (key, start, end) not in seen:  # (two patterns of one label matching the same words: one match)
                seen.add((key, start, end))
                out.append((key, offset + start, offset + end))
        return out


def _required_word(spec: dict) -> tuple[str, frozenset[str], re.Pattern | None] | None:
    """(token attribute, words, regular expression) a pattern token requires, when it gives one of its forms."""
    for attr, name in _ANCHOR_ATTRS.items():
        value = spec.get(attr)
        if isinstance(value, str):
            return name, frozenset([value]), None
        if isinstance(value, dict) and set(value) == {"IN"}:
            return name, frozenset(value["IN"]), None
        if isinstance(value, dict) and set(value) == {"REGEX"}:
            return name, frozenset(), re.compile(value["REGEX"])
    return None
