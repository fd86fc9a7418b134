"""Commitments: what the parties agreed or pledged to do ("ont convenu de renforcer la coopération
dans la défense", "se sont engagés à promouvoir l'exploration pétrolière").

In: ``DocContext``. Out: ``Commitment`` records: parties, domain (``lang/<code>/domains.tsv``), the
clause as text, and the date of the document.
"""
from __future__ import annotations

from ..lang import words
from ..records import Commitment, Source
from .context import DocContext

DEPS = ("xcomp", "ccomp", "obl", "obl:arg", "obj")


class CommitmentExtractor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.verbs = set(ctx.lex.modality.get("planned", {}).get("agreed_verbs", []))
        self.domains = [(e.code, words(e.form)) for e in ctx.lex.domains]

    def _domain(self, ws) -> str:
        for code, form in self.domains:
            n = len(form)
            if any(ws[i:i + n] == form for i in range(len(ws) - n + 1)):
                return code
        return "other"

    def extract(self) -> list[Commitment]:
        out = []
        for s in self.ctx.sentences:
            for tok in s.span:
                if tok.lemma_ not in self.verbs or tok.pos_ != "VERB":
                    continue
                for c in tok.children:
                    if c.dep_ not in DEPS or c.pos_ != "VERB":
                        continue
                    clause = [t for t in c.subtree]
                    text = self.ctx.document.text[s.seg.offset + clause[0].idx:
                                                  s.seg.offset + clause[-1].idx + len(clause[-1].text)]
                    codes = s.codes()
                    countries = codes if len(codes) >= 2 else self.ctx.pair_for(s, codes)
                    out.append(Commitment(
                        doc=self.ctx.document.id, countries=countries, domain=self._domain(words(text)),
                        text=text, date=self.ctx.document.date,
                        sources=[Source(self.ctx.document.id, s.start, s.end, s.text)]))
        return out
