"""Relation levels stated in a sentence: "partenariat stratégique intégral", "relations diplomatiques".

In: a ``Sentence``. Out: ``LevelMention``s (level code, token range). The words come from
``lang/<code>/levels.yaml``: a head noun ("partenariat") followed by adjectives decides the level.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lang import Lexicon, fold, words
from .context import Sentence


@dataclass
class LevelMention:
    level: str
    i: int
    j: int
    head: int = -1  # the head noun ("partnership" of "comprehensive strategic partnership"); -1: ``i``

    def __post_init__(self):
        if self.head < 0:
            self.head = self.i


class LevelFinder:
    def __init__(self, lex: Lexicon):
        lv = lex.levels
        self.heads = {fold(w) for w in lv.get("partnership_nouns", [])}
        self.before = lv.get("adjectives", "after") == "before"
        # a form may be several tokens ("all-round" is "all", "-", "round" to the tokenizer)
        self.connectors = [words_and_dashes(w) for w in lv.get("connectors", [])] + [("-",)]
        self.strategic = [words_and_dashes(w) for w in lv.get("strategic", [])]
        self.comprehensive = [words_and_dashes(w) for w in lv.get("comprehensive", [])]
        self.diplomatic = [words(p) for p in lv.get("diplomatic", [])]
        self.bare_relation_nouns = {fold(w) for w in lv.get("bare_relation_nouns", [])}
        self.establishing_verbs = {fold(w) for w in lv.get("establishing_verbs", [])}
        self.body_nouns = [words(p) for p in lv.get("body_nouns", [])]
        self.body_links = {fold(w).rstrip("'") for w in lv.get("body_links", [])}

    @staticmethod
    def _at(folded: list[str], k: int, forms: list[tuple[str, ...]], step: int) -> int:
        """The length of the longest form starting (step 1) or ending (step -1) at token ``k``, or 0."""
        best = 0
        for f in forms:
            n = len(f)
            part = folded[k:k + n] if step > 0 else folded[max(0, k - n + 1):k + 1]
            if tuple(part) == f and n > best:
                best = n
        return best

    def find(self, s: Sentence) -> list[LevelMention]:
        """The levels a sentence names (read once per sentence and finder; a new list each call)."""
        cached = getattr(s, "_levels", None)
        if cached is not None and cached[0] is self:
            return list(cached[1])
        out = self._find(s)
        s._levels = (self, tuple(out))
        return out

    def _find(self, s: Sentence) -> list[LevelMention]:
        out = []
        toks = list(s.span)
        folded = [fold(t.text) for t in toks]  # once per token, not once per pattern tried
        step = -1 if self.before else 1
        for n, tok in enumerate(toks):
            w = folded[n]
            if w in self.heads:
                strategic = comprehensive = False
                k, last = n + step, n
                while 0 <= k < len(toks):
                    if (m := self._at(folded, k, self.strategic, step)):
                        strategic = True
                    elif (m := self._at(folded, k, self.comprehensive, step)):
                        comprehensive = True
                    elif (m := self._at(folded, k, self.connectors, step)):
                        k += step * m
                        continue
                    else:
                        break
                    last = k + step * (m - 1)
                    k += step * m
                if strategic and comprehensive:
                    level = "comprehensive_strategic_partnership"
                elif strategic:
                    level = "strategic_partnership"
                elif comprehensive:
                    level = "comprehensive_partnership"
                else:
                    continue
                lo, hi = (toks[last].i, tok.i + 1) if self.before else (tok.i, toks[last].i + 1)
                if self._names_a_body(folded, lo - toks[0].i, hi - toks[0].i):
                    continue
                out.append(LevelMention(level, lo, hi, tok.i))
            elif w in self.bare_relation_nouns and tok.dep_ in ("obj", "dobj") \
                    and fold(tok.head.lemma_) in self.establishing_verbs \
                    and not any(c.dep_ in ("amod", "compound") or c.dep_ in ("nmod", "prep") and not any(
                        x.like_num for x in c.subtree) for c in tok.children):
                # "since they established ties in 1992": the relations established, with no word naming another kind
                out.append(LevelMention("diplomatic_relations", tok.i, tok.i + 1))
            else:
                for p in self.diplomatic:
                    if tuple(folded[n:n + len(p)]) == p:
                        out.append(LevelMention("diplomatic_relations", tok.i, tok.i + len(p)))
        return out


    def _names_a_body(self, folded: list[str], lo: int, hi: int) -> bool:
        """"a Strategic Partnership Council", "un Conseil de partenariat stratégique": the level words name a body (the
        body's noun right after them, or before them through "of"/"de" and articles), not the level."""
        if any(tuple(folded[hi:hi + len(b)]) == b for b in self.body_nouns):
            return True
        k = lo - 1
        while k >= 0 and folded[k].rstrip("'") in self.body_links:
            k -= 1
        return k < lo - 1 and any(tuple(folded[k - len(b) + 1:k + 1]) == b for b in self.body_nouns if k - len(b) + 1 >= 0)


def words_and_dashes(form: str) -> tuple[str, ...]:
    """The folded tokens of a form, hyphens kept as tokens of their own ("all-round": all, -, round)."""
    import re

    return tuple(t for t in re.findall(r"\w+|-", fold(form)))
