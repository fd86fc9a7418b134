"""Contradictions about persons: one person written two ways that are more than spelling variants
("Inham" / "Ilham"), or given two offices that cannot be held together on the same date.

In: the actor registry. Out: conflict records with the sentences on both sides.
"""
from __future__ import annotations

from ..resolve import ActorRegistry

# offices one person does not hold together: a head of state is not also head of government, except
# where a country makes one person both (then the two roles come from one sentence and are not flagged)
EXCLUSIVE = {"head_of_state", "head_of_government", "parliament_speaker", "foreign_minister", "ambassador"}


def person_conflicts(registry: ActorRegistry) -> list[dict]:
    out = []
    for c in registry.persons:
        if not c.docs:
            continue
        for a, b, srcs in getattr(c, "name_conflicts", []):
            out.append({"kind": "conflict", "about": "person", "field": "name", "name": c.name,
                        "country": c.country, "values": [a, b], "sources": [s.to_record() for s in srcs]})
        by_date: dict[str, dict[str, str]] = {}
        for r in c.roles:
            if r.role in EXCLUSIVE and r.as_of and r.doc:
                by_date.setdefault(r.as_of[:7], {}).setdefault(r.role, r.doc)
        for month, roles in by_date.items():
            if len(roles) > 1 and len(set(roles.values())) > 1:
                docs = set(roles.values())
                out.append({"kind": "conflict", "about": "person", "field": "role", "name": c.name,
                            "country": c.country, "date": month, "values": sorted(roles), "docs": sorted(docs),
                            "sources": [s.to_record() for s in c.sources if s.doc in docs]})
    return out
