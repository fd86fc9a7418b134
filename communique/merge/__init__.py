"""Stage merge: one record per real-world fact across documents.

In: the SCHEMA.md records of many documents (per document, as extract wrote and the store keeps them)
and the ``ActorRegistry`` of those documents (resolve). Out: a ``MergedRecord`` set — events told by
several articles once each with every source; figures, relations, commitments and persons once each;
and the conflicts found on the way (the same event with incompatible dates, the same figure with
different values, one person with conflicting names or roles), each with the sentences on both sides.

The result depends only on the set of documents, never on the order they were read in: records are
sorted by a canonical key before clustering, and clustering is complete-link (a record joins a group
only if it is compatible with every member).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..resolve import ActorRegistry, merged_person_records
from .conflicts import person_conflicts
from .events import merge_events
from .facts import merge_commitments, merge_figures, merge_organisations, merge_relations

__all__ = ["MergedRecord", "merge_records"]


@dataclass
class MergedRecord:
    events: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    commitments: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)

    def records(self) -> list[dict]:
        """Every merged fact, SCHEMA.md records without ``doc`` (conflicts apart)."""
        return [*self.persons, *self.events, *self.figures, *self.relations, *self.commitments,
                *self.organisations]


def merge_records(by_document: list[tuple[str, str | None, list[dict]]],
                  registry: ActorRegistry | None = None) -> MergedRecord:
    """Merge ``(doc id, publication date, records)`` triples (see module docstring)."""
    if registry is None:
        registry = ActorRegistry().add_all(by_document)
    kinds: dict[str, list[dict]] = {}
    for doc, _date, recs in sorted(by_document, key=lambda x: x[0]):
        for r in recs:
            kinds.setdefault(r.get("kind"), []).append(r)
    out = MergedRecord()
    out.events, event_conflicts = merge_events(kinds.get("event", []), registry)
    out.figures, figure_conflicts = merge_figures(kinds.get("figure", []))
    out.relations = merge_relations(kinds.get("relation", []))
    out.commitments = merge_commitments(kinds.get("commitment", []))
    out.organisations = merge_organisations(registry)
    out.persons = merged_person_records(registry)
    out.conflicts = event_conflicts + figure_conflicts + person_conflicts(registry)
    for name in ("events", "figures", "relations", "persons", "commitments", "organisations", "conflicts"):
        setattr(out, name, sorted(getattr(out, name), key=_canonical_order))
    return out


def _canonical_order(rec: dict) -> tuple:
    """Records in an order that depends on their content only (date first, for reading)."""
    return (rec.get("date_start") or rec.get("period") or "", rec.get("type") or rec.get("metric") or "",
            json.dumps(rec, sort_keys=True, ensure_ascii=False))
