"""Merging one merge group (a connected component of ``blocks``) on its own, for the incremental merge.

In: the per-document records of one group (``(doc id, date, records)`` triples, or records with
``doc``). Out: the same merged records and conflicts ``merge_records`` gives for them when it merges
every document (``blocks`` says why), and for persons each person in the registry's order, so that a
later update can rebuild the look-ups events need (``registry_of``) without reading the persons' records.
"""
from __future__ import annotations

from ..records import Person, Role
from ..resolve import ActorRegistry
from ..resolve.actors import _PersonCluster
from .blocks import person_keys
from .conflicts import person_conflicts


def merge_person_group(by_document: list[tuple[str, str | None, list[dict]]]) -> tuple[list[dict], list[dict]]:
    """The merged person records of one group, in the registry's order, and their conflicts."""
    reg = ActorRegistry().add_all(by_document)
    out = []
    for c in reg.persons:
        if not c.docs:
            continue
        a = reg._person_actor(c)
        p = Person(doc=None, name=a.name, aliases=a.aliases, country=a.country,
                   roles=[Role(r.role, r.as_of, r.title) for r in a.roles], sources=a.sources)
        rec = p.to_record()
        rec["docs"] = sorted(set(a.docs))
        out.append(rec)
    return out, person_conflicts(reg)


def _cluster(rec: dict) -> _PersonCluster:
    c = _PersonCluster(country=rec.get("country"), canonical=rec["name"])
    for n in [rec["name"], *(rec.get("aliases") or [])]:
        c.add_name(n)
        c.seen.add(n)
    c.docs = list(rec.get("docs") or [])
    return c


def registry_of(persons: list[dict]) -> ActorRegistry:
    """An ``ActorRegistry`` whose ``match`` answers as the one every document built, for the spellings
    whose keys are among the given merged person records' (in their groups' order)."""
    reg = ActorRegistry()
    reg.persons = [_cluster(r) for r in persons]
    return reg


def person_signature(persons: list[dict]) -> dict[str, tuple]:
    """Per person key (exact, variant, surname), what ``ActorRegistry.match`` can find under it: the
    persons holding it, in order, each as (name, country, spellings' keys). Where two signatures are
    equal, every look-up through that key gives the same person under the same name."""
    from ..names import name_key

    out: dict[str, list] = {}
    for r in persons:
        names = [r["name"], *(r.get("aliases") or [])]
        ident = (r["name"], r.get("country"), frozenset(name_key(n) for n in names))
        keys: set[str] = set()
        for n in names:
            keys |= person_keys(n, deletions=False)
        for k in keys:
            out.setdefault(k, []).append(ident)
    return {k: tuple(v) for k, v in out.items()}


__all__ = ["merge_person_group", "person_signature", "registry_of"]
