"""Actors: one identity per person, country and organisation across documents.

In: ``DocumentFacts`` of many documents (and, optionally, the user's knowledge base). Out: ``Actor``
records (canonical name, spellings seen, country, roles with the date each was observed, documents),
look-ups by any spelling, and the canonical name to write back into per-document facts.

Two spellings are joined only with support from context, never by string similarity alone:
- same transliteration key ("Loukachenko" / "Lukashenko", "Tô Lâm" / "To Lam") and no conflicting country;
- the same family name and given names written with the same consonants ("Alexandre" / "Aleksandr" /
  "Alexander"), with no conflicting country;
- a surname alone, when exactly one known person of that country bears it;
- a one-letter difference ("Inham" / "Ilham") only when the country is the same and a role is shared;
and never when the knowledge base says two names are distinct people.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..lang import fold
from ..names import diacritic_weight, edit_distance, fold_name, name_key, skeleton
from ..records import Actor, DocumentFacts, Person, Role, Source
from .countries import country_name


@dataclass
class _PersonCluster:
    names: Counter = field(default_factory=Counter)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    mentions: int = 0
    sources: list[Source] = field(default_factory=list)
    canonical: str | None = None  # fixed by the knowledge base
    keys: set = field(default_factory=set)
    name_conflicts: list = field(default_factory=list)  # (spelling, other spelling, sources): misspellings
    seen: set = field(default_factory=set)  # spellings read in documents (not only in the knowledge base)

    def add_name(self, name: str, n: int = 1) -> None:
        self.names[name] += n
        self.keys.add(name_key(name))

    @property
    def name(self) -> str:
        if self.canonical:
            return self.canonical
        longest = max(len(name_key(n)) for n in self.names)
        full = sorted(n for n in self.names if len(name_key(n)) == longest)
        # the fullest spelling, with the most diacritics, the most used; ties by the text itself, so that
        # the choice does not depend on the order documents came in
        return max(full, key=lambda n: (diacritic_weight(n), self.names[n], n))

    def role_codes(self) -> set[str]:
        return {r.role for r in self.roles}


def _contains(longer: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """``part`` is a run of consecutive words of ``longer``."""
    n = len(part)
    return 0 < n <= len(longer) and any(longer[i:i + n] == part for i in range(len(longer) - n + 1))


def _family_and_given(key: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    return key[-1], key[:-1]


class ActorRegistry:
    """Gathers the persons, countries and organisations of documents into actors (module docstring)."""

    def __init__(self, kb=None):
        self.kb = kb
        self.persons: list[_PersonCluster] = []
        self.countries: dict[str, Actor] = {}
        self.orgs: dict[str, Actor] = {}
        self._distinct: set[frozenset] = set()
        if kb is not None:
            self._load_kb(kb)

    # ------------------------------------------------------------------ knowledge base
    def _load_kb(self, kb) -> None:
        for a, b in getattr(kb, "distinct", []):
            self._distinct.add(frozenset((name_key(a), name_key(b))))
        for p in getattr(kb, "persons", []):
            c = _PersonCluster(country=p.country, canonical=p.name)
            c.add_name(p.name, 0)
            for a in p.aliases:
                c.add_name(a, 0)
            for r in p.roles:
                c.roles.append(Role(r.role, r.start, None, "knowledge base"))
            self.persons.append(c)
        for canonical, other in getattr(kb, "merges", []):
            target = self._exact(name_key(canonical), None)
            if target is None:
                target = _PersonCluster(canonical=canonical)
                target.add_name(canonical, 0)
                self.persons.append(target)
            target.add_name(other, 0)

    # ------------------------------------------------------------------ matching
    def _compatible(self, c: _PersonCluster, country: str | None) -> bool:
        return not (country and c.country and country != c.country)

    def _blocked(self, c: _PersonCluster, key: tuple[str, ...]) -> bool:
        return any(frozenset((key, k)) in self._distinct for k in c.keys)

    def _exact(self, key, country) -> _PersonCluster | None:
        for c in self.persons:
            if self._compatible(c, country) and (key in c.keys or any(
                    sorted(key) == sorted(k) and len(key) > 1 for k in c.keys)):
                return c
        return None

    def _variant(self, key, country) -> _PersonCluster | None:
        """Same family name, given names with the same consonants: "Alexandre"/"Alexander"."""
        if len(key) < 2:
            return None
        fam, given = _family_and_given(key)
        sk = tuple(skeleton(g) for g in given)
        for c in self.persons:
            if not self._compatible(c, country) or self._blocked(c, key):
                continue
            for k in c.keys:
                if len(k) == len(key) and k[-1] == fam and tuple(skeleton(g) for g in k[:-1]) == sk:
                    return c
        return None

    def _surname(self, key, country) -> _PersonCluster | None:
        """A surname alone joins the one person of that country who bears it."""
        if len(key) != 1 or not country:
            return None
        hits = [c for c in self.persons if c.country == country and any(len(k) > 1 and key[0] in k[1:] for k in c.keys)]
        return hits[0] if len(hits) == 1 else None

    def _misspelt(self, key, country, roles: set[str]) -> _PersonCluster | None:
        """"Inham Aliyev" for "Ilham Aliyev": one letter apart, same country, a shared role."""
        if not country or not roles or len(key) < 2:
            return None
        flat = " ".join(key)
        for c in self.persons:
            if c.country != country or not (c.role_codes() & roles) or self._blocked(c, key):
                continue
            for k in c.keys:
                # one letter apart in the given names, or in a family name long enough that one
                # letter does not make another name ("Lindqvist"/"Lindkvist", not "Kim"/"Kin")
                if len(k) == len(key) and (k[-1] == key[-1] or min(len(k[-1]), len(key[-1])) >= 6) \
                        and edit_distance(" ".join(k), flat, 1) <= 1:
                    return c
        return None

    def match(self, name: str, country: str | None = None, roles: set[str] | None = None) -> _PersonCluster | None:
        return self._match(name, country, roles)[0]

    def _match(self, name: str, country: str | None = None, roles: set[str] | None = None):
        key = name_key(name)
        for how, c in (("exact", self._exact(key, country)), ("variant", self._variant(key, country)),
                       ("surname", self._surname(key, country)),
                       ("misspelt", self._misspelt(key, country, roles or set()))):
            if c is not None and not self._blocked(c, key):
                return c, how
        return None, None

    # ------------------------------------------------------------------ adding documents
    def add_person(self, p: Person, doc: str, date: str | None) -> _PersonCluster:
        roles = {r.role for r in p.roles}
        c = how = None
        for n in [p.name, *p.aliases]:
            c, how = self._match(n, p.country, roles)
            if c is not None:
                break
        if c is not None and how == "misspelt":
            # joined on context (same country, same office), but the spellings disagree: say so
            c.name_conflicts.append((c.name, p.name, list(c.sources[:1]) + list(p.sources[:1])))
        if c is None:
            c = _PersonCluster()
            self.persons.append(c)
        for n in [p.name, *p.aliases]:
            c.add_name(n, 1 if n == p.name else 0)
            c.seen.add(n)
        if p.country and not c.country:
            c.country = p.country
        for r in p.roles:
            if not any(x.role == r.role and x.as_of == (r.as_of or date) for x in c.roles):
                c.roles.append(Role(r.role, r.as_of or date, r.title, doc))
        if doc not in c.docs:
            c.docs.append(doc)
            c.sources.extend(p.sources[:1])
        c.mentions += max(1, len(p.sources))
        return c

    def add_all(self, documents: list[tuple[str, str | None, list[dict]]]) -> "ActorRegistry":
        """Add ``(doc id, date, records)`` of many documents in a canonical order (by document id), so
        that the actors do not depend on the order the documents were read in."""
        for doc, date, recs in sorted(documents, key=lambda x: x[0]):
            self.add_records(doc, date, recs)
        return self

    def add(self, facts: DocumentFacts) -> None:
        doc, date = facts.document.id, facts.document.date
        for p in facts.persons:
            self.add_person(p, doc, date)
        for f in facts.facts():
            for code in getattr(f, "countries", []) or []:
                self._country(code, doc, f.sources[:1])
        for o in getattr(facts, "organisations", []):
            self._org(o, doc)

    def add_records(self, doc: str, date: str | None, records: list[dict]) -> None:
        """The same as ``add`` for stored SCHEMA.md records of one document (``Store.records_by_document``)."""
        from ..records import Organisation

        for rec in records:
            srcs = [Source(s.get("doc", doc), s.get("start", 0), s.get("end", 0), s.get("text", ""))
                    for s in rec.get("sources") or [] if isinstance(s, dict)]
            kind = rec.get("kind")
            if kind == "person" and rec.get("name"):
                p = Person(doc=doc, name=rec["name"], aliases=list(rec.get("aliases") or []),
                           country=rec.get("country"), sources=srcs,
                           roles=[Role(r.get("role"), r.get("as_of"), r.get("title")) for r in rec.get("roles") or []
                                  if isinstance(r, dict) and r.get("role")])
                self.add_person(p, doc, date)
            elif kind == "organisation" and rec.get("name"):
                self._org(Organisation(doc=doc, name=rec["name"], code=rec.get("code"), country=rec.get("country"),
                                       aliases=list(rec.get("aliases") or []), sources=srcs), doc)
            for code in rec.get("countries") or []:
                if isinstance(code, str):
                    self._country(code, doc, srcs[:1])

    def _country(self, code: str, doc: str, sources: list[Source]) -> None:
        a = self.countries.get(code)
        if a is None:
            # no "also written" from the gazetteer: the records keep codes, not the spellings read
            a = self.countries[code] = Actor("country", f"country:{code}", country_name(code, "fr"), country=code)
        if doc not in a.docs:
            a.docs.append(doc)
            a.sources.extend(sources)
        a.mentions += 1

    def _org(self, o, doc: str) -> None:
        key = o.code or fold_name(o.name)
        a = self.orgs.get(key)
        if a is None:
            a = self.orgs[key] = Actor("org", f"org:{key}", o.name, country=o.country)
        for n in [o.name, *o.aliases]:
            if n not in a.aliases:
                a.aliases.append(n)
        if doc not in a.docs:
            a.docs.append(doc)
            a.sources.extend(o.sources[:1])
        a.mentions += 1

    # ------------------------------------------------------------------ reading
    def _person_actor(self, c: _PersonCluster) -> Actor:
        name = c.name
        return Actor("person", f"person:{fold_name(name)}|{c.country or ''}", name,
                     aliases=[n for n in c.names if n != name and n in c.seen], country=c.country,
                     roles=sorted(c.roles, key=lambda r: (r.as_of or "", r.role)), docs=list(c.docs),
                     mentions=c.mentions, sources=list(c.sources))

    def actors(self, kind: str | None = None, country: str | None = None) -> list[Actor]:
        out: list[Actor] = []
        if kind in (None, "person"):
            out += [self._person_actor(c) for c in self.persons if c.docs or kind == "person" and c.canonical]
        if kind in (None, "country"):
            out += list(self.countries.values())
        if kind in (None, "org"):
            out += list(self.orgs.values())
        if country:
            out = [a for a in out if a.country == country]
        return sorted(out, key=lambda a: (a.kind, -len(a.docs), fold(a.name)))

    def find(self, name: str) -> Actor | None:
        """The actor a spelling names: any person spelling (diacritics and transliteration folded, or a
        surname), else a country or organisation name or code."""
        key = name_key(name)
        hits = [c for c in self.persons if key in c.keys or any(sorted(key) == sorted(k) for k in c.keys)]
        if not hits:
            c = self._variant(key, None)
            hits = [c] if c else []
        if not hits and key:
            # a part of a full name: "Lula da Silva" for "Luiz Inácio Lula da Silva", a surname alone
            hits = [c for c in self.persons if c.docs and any(_contains(k[1:] if len(key) == 1 else k, key)
                                                              for k in c.keys)]
            if len(hits) > 1:
                return None  # "Phomvihane" names two people: say nothing rather than pick one
        if len(hits) >= 1:
            return self._person_actor(max(hits, key=lambda c: (len(c.docs), c.name)))
        from .countries import resolve_country
        code = resolve_country(name)
        if code and code in self.countries:
            return self.countries[code]
        for a in self.orgs.values():
            if fold_name(name) in {fold_name(x) for x in [a.name, *a.aliases]} or name.upper() == a.id[4:]:
                return a
        return None

    def canonical(self, name: str, country: str | None = None) -> str:
        c = self.match(name, country)
        return c.name if c is not None else name
