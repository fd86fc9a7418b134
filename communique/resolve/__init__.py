"""Stage resolve: one identity per person, country and organisation.

In: ``DocumentFacts`` from extract (one document at a time for per-document output, or many to build
the record), and the user's knowledge base (``resolve.kb``). Out: per-document facts whose person
names and event participants carry the canonical spelling (with the spellings seen as aliases), an
``ActorRegistry`` of ``Actor`` records across documents, and merged person records (one per person,
one source per document that mentioned them).
"""
from __future__ import annotations

from ..records import DocumentFacts, Person, Role
from .actors import ActorRegistry
from .countries import country_name, country_names, resolve_country

__all__ = ["ActorRegistry", "country_name", "country_names", "merged_person_records", "resolve_country",
           "resolve_document"]


def resolve_document(facts: DocumentFacts, kb=None) -> DocumentFacts:
    """Canonical spellings from the knowledge base in one document's persons and participants.

    Only the knowledge base is used here, never other documents, so that the output of a document does
    not depend on what else was read with it."""
    if kb is None or not getattr(kb, "persons", None) and not getattr(kb, "merges", None):
        return facts
    registry = _kb_registry(kb)
    renamed: dict[str, str] = {}
    for p in facts.persons:
        roles = {r.role for r in p.roles}
        cluster = next((c for c in (registry.match(n, p.country, roles) for n in [p.name, *p.aliases]) if c), None)
        if cluster is None or not cluster.canonical:
            continue
        if cluster.canonical != p.name:
            renamed[p.name] = cluster.canonical
            p.aliases = sorted(set(p.aliases) | {p.name})
            p.name = cluster.canonical
        if not p.country and cluster.country:
            p.country = cluster.country
    for e in facts.events:
        for part in e.participants:
            part.name = renamed.get(part.name, part.name)
    return facts


_KB_REGISTRIES: dict[int, tuple[object, ActorRegistry]] = {}


def _kb_registry(kb) -> ActorRegistry:
    """The registry of a knowledge base, built once per knowledge base (it is only read here)."""
    key = id(kb)
    if key not in _KB_REGISTRIES or _KB_REGISTRIES[key][0] is not kb:
        _KB_REGISTRIES.clear()  # one knowledge base in use at a time: keep no stale ones
        _KB_REGISTRIES[key] = (kb, ActorRegistry(kb))
    return _KB_REGISTRIES[key][1]


def merged_person_records(registry: ActorRegistry) -> list[dict]:
    """One SCHEMA.md person record per person actor, without ``doc``, with one source per document."""
    out = []
    for a in registry.actors(kind="person"):
        p = Person(doc=None, name=a.name, aliases=a.aliases, country=a.country,
                   roles=[Role(r.role, r.as_of, r.title) for r in a.roles], sources=a.sources)
        rec = p.to_record()
        rec["docs"] = sorted(set(a.docs))
        out.append(rec)
    return out
