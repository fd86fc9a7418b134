"""Relations: the level a document says a bilateral relation has ("le partenariat stratégique intégral
Vietnam-Russie", "élevé au rang de partenariat stratégique avec le Kazakhstan").

In: ``DocContext``. Out: ``Relation`` records, one per country pair, at the highest level stated as
reached (levels only envisaged or sought are left out).
"""
from __future__ import annotations

from ..lang import fold
from ..records import Relation, Source
from .context import DocContext
from .levels import LevelFinder
from .modality import ModalityReader
from .successors import Successors

RANK = ["diplomatic_relations", "comprehensive_partnership", "strategic_partnership",
        "comprehensive_strategic_partnership"]


class RelationExtractor:
    def __init__(self, ctx: DocContext, levels: LevelFinder | None = None, modality: ModalityReader | None = None):
        self.ctx = ctx
        self.levels = levels or LevelFinder(ctx.lex)
        self.modality = modality or ModalityReader(ctx.lex)
        self.presupposing = {fold(w) for w in ctx.lex.levels.get("presupposing", [])}
        self.pair_words = {fold(w) for w in ctx.lex.levels.get("pair_words", [])}
        self.partner_words = {fold(w) for w in ctx.lex.triggers["meeting"].get("with_words", [])}
        self.successors = Successors.load()

    def extract(self) -> list[Relation]:
        found: dict[frozenset, Relation] = {}
        for s in self.ctx.sentences:
            for lv in self.levels.find(s):
                if lv.level == "diplomatic_relations":
                    continue  # a date of establishment, not a level the relation has now
                head = s.doc[lv.head]
                if "Plur" in head.morph.get("Number"):
                    # "des partenariats stratégiques avec le Brésil, le Mexique et l'Argentine": one each;
                    # otherwise partnerships in general
                    pairs = self._shared(s, lv)
                elif self.modality.status(head, "upgrade") != "happened" and not self._presupposed(head):
                    continue
                else:
                    pairs = self._pairs(s, lv)
                for pair in pairs:
                    if len(self.successors.collapse(sorted(pair))) < 2:
                        continue  # "la Russie ... après la chute de l'URSS": a state and its predecessor, one party
                    rel = found.get(pair)
                    src = Source(self.ctx.document.id, s.start, s.end, s.text)
                    if rel is None or RANK.index(lv.level) > RANK.index(rel.level):
                        found[pair] = Relation(doc=self.ctx.document.id, countries=sorted(pair), level=lv.level,
                                               sources=[src])
                    elif lv.level == rel.level and src not in rel.sources:
                        rel.sources.append(src)
        return list(found.values())

    def _presupposed(self, head) -> bool:
        """"vise à approfondir le partenariat stratégique intégral": the wish is about a level they have."""
        tok = head
        for _ in range(3):
            if tok.head.i == tok.i:
                break
            if tok.dep_ in ("obj", "nmod", "obl:arg") and (fold(tok.head.lemma_) in self.presupposing
                                                           or fold(tok.head.text) in self.presupposing):
                return True
            tok = tok.head
        return False

    def _shared(self, s, lv) -> list[frozenset]:
        """One level for several partners: "Le Chili entretient des partenariats stratégiques avec le Brésil,
        le Mexique et l'Argentine" (the subject's country, or the article's, with each one after "avec")."""
        toks = [fold(t.text) for t in s.doc[lv.j:min(lv.j + 2, s.span.end)]]
        if not toks or toks[0] != "avec":
            return []
        partners = list(dict.fromkeys(c.code for c in s.countries if c.i >= lv.j and not c.is_location))
        before = [c.code for c in s.countries if c.i < lv.i and not c.is_location]
        anchor = before[0] if before else self.ctx.focal
        if not anchor or len([p for p in partners if p != anchor]) < 2:
            return []
        return [frozenset((anchor, p)) for p in partners if p != anchor]

    def _pairs(self, s, lv) -> list[frozenset]:
        focal = self.ctx.focal
        after = [c for c in s.countries if lv.j <= c.i <= lv.j + 3]
        toks = [fold(t.text) for t in s.doc[lv.j:min(lv.j + 3, s.span.end)]]
        if toks and toks[0] in self.partner_words and not after and any(lv.j < o.i <= lv.j + 3 for o in s.orgs):
            return []  # "its strategic partnership with the European Union": a union's, no pair of countries
        if toks and toks[0] in ("avec",) or (len(toks) > 1 and toks[:2] in (["avec", "la"], ["avec", "le"], ["avec", "l'"])):
            # "le président turc a souligné ce partenariat stratégique avec les États-Unis": the side named
            # before the level, else the article's country
            before = [c.code for c in s.countries if c.i < lv.i and not c.is_location]
            anchor = before[0] if before else focal
            partners = [c.code for c in s.countries if c.i >= lv.j and c.code != anchor and not c.is_location]
            return [frozenset((anchor, p)) for p in dict.fromkeys(partners) if anchor]
        if toks and toks[0] == "entre":
            # the "entre A et B" phrase ends at the clause's next punctuation ("..., peut-on lire dans les
            # journaux russes" names no party)
            end = next((t.i for t in s.doc[lv.j:s.span.end] if t.is_punct and t.text not in ("-", "'", "’")), s.span.end)
            codes = list(dict.fromkeys(c.code for c in s.countries if lv.j <= c.i < end))[:2]
            if len(codes) == 2:
                return [frozenset(codes)]
            if not codes:  # "entre les deux pays": the pair the sentence or the story is about
                before = list(dict.fromkeys(c.code for c in s.countries if c.i < end))
                pair = before[:2] if len(before) >= 2 else self.ctx.pair_for(s, before)
                return [frozenset(pair)] if len(pair) == 2 else []
            return []
        if len({c.code for c in after}) >= 2:
            return [frozenset(list(dict.fromkeys(c.code for c in after))[:2])]
        if len({c.code for c in after}) == 1 and focal and after[0].code != focal:
            return [frozenset((focal, after[0].code))]
        # places ("lors du sommet à Bruxelles") are where things happen, not parties to a relation
        codes = list(dict.fromkeys(c.code for c in s.countries if not c.is_location))
        if len(codes) == 2:
            return [frozenset(codes)]
        if len(codes) > 2 and focal in codes:
            prefix = [c.code for c in s.countries if c.i < lv.i and c.code != focal]
            return [frozenset((focal, prefix[-1]))] if prefix else []
        pair = self.ctx.pair_for(s, codes)
        if len(pair) < 2 and len(codes) <= 1 and (self.pair_words & {fold(t.text) for t in s.doc[max(
                s.span.start, lv.i - 4):lv.i]} or self.pair_words & {fold(t.text) for t in s.doc[lv.j:lv.j + 3]}):
            # "increase the two countries' strategic partnership" with one country or none named around: the
            # article's two main countries, when they include the one named (not "its partnership with the EU")
            main = self.ctx.main_countries()
            pair = main if len(main) == 2 and set(codes) <= set(main) else pair
        return [frozenset(pair)] if len(pair) == 2 else []
