"""Organisations named in a document.

In: ``DocumentContext``. Out: ``Organisation`` records: international organisations from the
gazetteer with their code ("l'OTSC" → CSTO, "Union économique eurasienne" → EAEU), and the parties,
ministries, companies and agencies the model marks as ORG that contain a country or a demonym
("le Parti communiste du Vietnam (PCV)", "le ministère russe des Affaires étrangères", "la Compagnie
nationale pétrolière d'Azerbaïdjan"), attached to that country, with an acronym in parentheses as alias.
"""
from __future__ import annotations

from ..lang import words
from ..records import Organisation, Source
from .context import DocContext

# heads of organisation names worth keeping when the model marks them (the rest of its ORG spans
# are too often sentence fragments)
ORG_HEADS = {"parti", "ministere", "ministeres", "groupe", "compagnie", "societe", "agence", "banque",
             "assemblee", "gouvernement", "comite", "conseil", "front", "union", "federation", "chambre",
             "corporation", "entreprise", "office", "institut", "fonds", "academie", "commission", "cour"}


class OrganisationExtractor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx

    def extract(self) -> list[Organisation]:
        found: dict[str, Organisation] = {}
        doc_id = self.ctx.document.id
        for s in self.ctx.sentences:
            src = Source(doc_id, s.start, s.end, s.text)
            for o in s.orgs:
                org = found.setdefault(o.code, Organisation(doc=doc_id, name=o.text, code=o.code))
                self._seen(org, o.text, src)
            for ent in s.ents:
                if ent.label_ != "ORG" or ent.kb_id_:
                    continue
                head = words(ent.text)[:1]
                if not head or head[0] not in ORG_HEADS or len(ent) < 2:
                    continue
                inside = [c for c in s.countries if ent.start <= c.i < ent.end]
                if not inside:
                    continue
                name = ent.text.strip(" ,.")
                key = " ".join(words(name)) + "|" + inside[0].code
                org = found.setdefault(key, Organisation(doc=doc_id, name=name, country=inside[0].code))
                self._seen(org, name, src)
                acronym = self._acronym_after(s, ent)
                if acronym and acronym not in org.aliases:
                    org.aliases.append(acronym)
        return list(found.values())

    @staticmethod
    def _seen(org: Organisation, text: str, src: Source) -> None:
        if text != org.name and text not in org.aliases:
            org.aliases.append(text)
        if src not in org.sources:
            org.sources.append(src)

    @staticmethod
    def _acronym_after(s, ent) -> str | None:
        """"le Parti communiste du Vietnam (PCV)": the acronym in parentheses right after the name."""
        doc = s.doc
        k = ent.end
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            t = doc[k + 1].text
            if t.isupper() and 2 <= len(t) <= 8:
                return t
        return None
