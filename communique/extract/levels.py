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


class LevelFinder:
    def __init__(self, lex: Lexicon):
        lv = lex.levels
        self.heads = {fold(w) for w in lv.get("partnership_nouns", [])}
        self.connectors = {fold(w) for w in lv.get("connectors", [])}
        self.strategic = {fold(w) for w in lv.get("strategic", [])}
        self.comprehensive = {fold(w) for w in lv.get("comprehensive", [])}
        self.diplomatic = [words(p) for p in lv.get("diplomatic", [])]

    def find(self, s: Sentence) -> list[LevelMention]:
        doc, out = s.doc, []
        toks = list(s.span)
        folded = [fold(t.text) for t in toks]  # once per token, not once per pattern tried
        for n, tok in enumerate(toks):
            w = folded[n]
            if w in self.heads:
                strategic = comprehensive = False
                k = n + 1
                last = n
                while k < len(toks):
                    x = folded[k]
                    if x in self.strategic:
                        strategic, last = True, k
                    elif x in self.comprehensive:
                        comprehensive, last = True, k
                    elif x in self.connectors or x in ("-",):
                        pass
                    else:
                        break
                    k += 1
                if strategic and comprehensive:
                    level = "comprehensive_strategic_partnership"
                elif strategic:
                    level = "strategic_partnership"
                elif comprehensive:
                    level = "comprehensive_partnership"
                else:
                    continue
                out.append(LevelMention(level, tok.i, toks[last].i + 1))
            else:
                for p in self.diplomatic:
                    if tuple(folded[n:n + len(p)]) == p:
                        out.append(LevelMention("diplomatic_relations", tok.i, tok.i + len(p)))
        return out
