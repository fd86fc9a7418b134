"""Small readers over ``DocumentFacts`` shared by the extraction tests."""
from __future__ import annotations

from communique.lang import fold
from communique.records import DocumentFacts, Event, Figure, Person, Relation


def events(facts: DocumentFacts, type: str, status: str | None = None) -> list[Event]:
    return [e for e in facts.events if e.type == type and (status is None or e.status == status)]


def events_between(facts: DocumentFacts, type: str, *codes: str, status: str | None = None) -> list[Event]:
    """Events of ``type`` whose set of countries is exactly ``codes``."""
    return [e for e in events(facts, type, status) if set(e.countries) == set(codes)]


def visits(facts: DocumentFacts, guest: str, host: str, status: str | None = None) -> list[Event]:
    return [e for e in events(facts, "visit", status) if e.guest == guest and e.host == host]


def only(items: list, what: str = "fact"):
    """The one item of ``items``; fails with the list when there are none or several."""
    assert len(items) == 1, f"expected exactly one {what}, got {len(items)}: {items!r}"
    return items[0]


def participant_named(event: Event, part: str):
    """The participant whose name contains ``part`` (folded), or None."""
    key = fold(part)
    return next((p for p in event.participants if key in fold(p.name)), None)


def persons_named(facts: DocumentFacts, part: str) -> list[Person]:
    key = fold(part)
    return [p for p in facts.persons if key in fold(p.name) or any(key in fold(a) for a in p.aliases)]


def figures(facts: DocumentFacts, metric: str | None = None) -> list[Figure]:
    return [f for f in facts.figures if metric is None or f.metric == metric]


def relations_between(facts: DocumentFacts, *codes: str) -> list[Relation]:
    return [r for r in facts.relations if set(r.countries) == set(codes)]


def roles_of(person: Person) -> set[str]:
    return {r.role for r in person.roles}


def close(a: float | None, b: float, rel: float = 0.02) -> bool:
    return a is not None and abs(a - b) <= rel * abs(b)


def extract_detected(pipeline, text: str, date: str | None = None, doc_id: str = "t") -> DocumentFacts:
    """The facts of one text read in the language detected from it (for tests that try French and English)."""
    from communique.clean import segment
    from communique.records import Document

    [facts] = list(pipeline.process_documents([segment(Document(doc_id, text, date=date))]))
    return facts
