"""Merging one merge group (a connected component of ``blocks``) on its own, for the incremental merge.

In: the per-document records of one group (``(doc id, date, records)`` triples, or records with
``doc``). Out: the same merged records and conflicts ``merge_records`` gives for them when it merges
every document (``blocks`` says why), and for persons each person in the registry's order, so that a
later update can rebuild the look-ups events need (``registry_of``) without reading the persons' records.

Persons and organisations also as a *state* (JSON data) from which new documents' records are added in
place, without the group's earlier records (``extend_person_group``, ``extend_org_group``): the result is
the group merged whole, or None where that cannot be told from the state (then the group is merged whole).
Each record is placed by its *mark* ``[doc, position]``, the order the registry reads records in.
"""
from __future__ import annotations

from collections import Counter

from ..names import fold_name, name_key
from ..records import Actor, Person, Role, Source
from ..resolve import ActorRegistry
from ..resolve.actors import _PersonCluster
from .blocks import person_keys
from .conflicts import person_conflicts


def merge_person_group(by_document: list[tuple[str, str | None, list[dict]]]) -> tuple[list[dict], list[dict]]:
    """The merged person records of one group, in the registry's order, and their conflicts."""
    return _person_output(ActorRegistry().add_all(by_document))


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


#: a group member: ``(doc, position, publication date, record)``
Member = tuple[str, int, "str | None", dict]


def _srcs(rec: dict, doc: str) -> list[Source]:
    """A record's sources as ``ActorRegistry.add_records`` reads them."""
    return [Source(s.get("doc", doc), s.get("start", 0), s.get("end", 0), s.get("text", ""))
            for s in rec.get("sources") or [] if isinstance(s, dict)]


def _person(rec: dict, doc: str) -> Person | None:
    """The person ``ActorRegistry.add_records`` adds for a record (None: it adds none)."""
    if rec.get("kind") != "person" or not rec.get("name"):
        return None
    return Person(doc=doc, name=rec["name"], aliases=list(rec.get("aliases") or []), country=rec.get("country"),
                  sources=_srcs(rec, doc), roles=[Role(r.get("role"), r.get("as_of"), r.get("title"))
                                                  for r in rec.get("roles") or [] if isinstance(r, dict) and r.get("role")])


def person_group(members: list[Member]) -> tuple[list[dict], list[dict], dict]:
    """``merge_person_group`` of members, and the group's state: per person (in the registry's order) its
    spellings with their counts, its country, roles, documents, sources and name conflicts, each with the
    mark of the record that brought it."""
    reg = ActorRegistry()
    marks: dict[int, dict] = {}
    for doc, pos, date, rec in sorted(members, key=lambda m: (m[0], m[1])):
        p = _person(rec, doc)
        if p is None:
            continue
        mark = [doc, pos]
        before = {id(c): (c.country, len(c.roles), len(c.sources), len(c.name_conflicts)) for c in reg.persons}
        c = reg.add_person(p, doc, date)
        m = marks.setdefault(id(c), {"names": {}, "country": None, "roles": [], "sources": [], "conflicts": []})
        country, n_roles, n_sources, n_conflicts = before.get(id(c), (None, 0, 0, 0))
        for n in [p.name, *p.aliases]:
            m["names"].setdefault(n, mark)
        if c.country and not country:
            m["country"] = mark
        m["roles"] += [mark] * (len(c.roles) - n_roles)
        m["sources"] += [mark] * (len(c.sources) - n_sources)
        m["conflicts"] += [mark] * (len(c.name_conflicts) - n_conflicts)
    state = {"persons": [_cluster_state(c, marks[id(c)]) for c in reg.persons]}
    records, conflicts = _person_output(reg)
    return records, conflicts, state


def _cluster_state(c: _PersonCluster, m: dict) -> dict:
    return {"names": [[n, k, m["names"][n]] for n, k in c.names.items()], "country": c.country,
            "country_mark": m["country"],
            "roles": [[r.role, r.as_of, r.title, r.doc, mk] for r, mk in zip(c.roles, m["roles"])],
            "docs": list(c.docs), "mentions": c.mentions,
            "sources": [[s.to_record(), mk] for s, mk in zip(c.sources, m["sources"])],
            "conflicts": [[a, b, [s.to_record() for s in srcs], mk] for (a, b, srcs), mk in zip(c.name_conflicts, m["conflicts"])]}


def _state_cluster(st: dict) -> _PersonCluster:
    c = _PersonCluster(names=Counter({n: k for n, k, _m in st["names"]}), country=st["country"],
                       roles=[Role(r, a, t, d) for r, a, t, d, _m in st["roles"]], docs=list(st["docs"]),
                       mentions=st["mentions"], sources=[Source(**s) for s, _m in st["sources"]])
    c.keys = {name_key(n) for n in c.names}
    c.seen = set(c.names)
    c.name_conflicts = [(a, b, [Source(**s) for s in srcs]) for a, b, srcs, _m in st["conflicts"]]
    return c


def _person_output(reg: ActorRegistry) -> tuple[list[dict], list[dict]]:
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


def person_output(state: dict) -> tuple[list[dict], list[dict]]:
    """The merged person records and conflicts of a group's state (as ``person_group`` gives them)."""
    reg = ActorRegistry()
    reg.persons = [_state_cluster(st) for st in state["persons"]]
    return _person_output(reg)


def _insert(items: list, item, mark) -> None:
    """Insert ``item`` after the items whose mark (last field) is not after ``mark``."""
    i = len(items)
    while i and items[i - 1][-1] > mark:
        i -= 1
    items.insert(i, item)


def extend_person_group(state: dict, new: list[Member]) -> dict | None:
    """The state of a person group after its new members ``new`` (of documents not in it yet), computed from
    the state alone, or None when that cannot be told from it.

    A new record is placed where the registry reads it (by its mark), not last; it is added in place only
    when it changes nothing that the reading of a later record depends on: its first spelling is held by
    one person only (then, by its mark, the person it joins), every spelling of it, its country and its
    roles' offices were already read before it, and no misspelling of that person was read after it (its
    message names the person's name at that time). Then only counts, sources, documents and the roles of
    new dates (a role of a date read later: this record's) change."""
    persons = [dict(p, names=[list(x) for x in p["names"]], roles=[list(r) for r in p["roles"]], docs=list(p["docs"]),
                    sources=list(p["sources"])) for p in state["persons"]]
    keys = [{name_key(n) for n, _k, _m in p["names"]} for p in persons]
    for doc, pos, date, rec in sorted(new, key=lambda m: (m[0], m[1])):
        p = _person(rec, doc)
        if p is None:
            continue
        mark = [doc, pos]
        key = name_key(p.name)
        holders = [i for i, ks in enumerate(keys)
                   if key in ks or len(key) > 1 and any(sorted(key) == sorted(k) for k in ks)]
        if len(holders) != 1:
            return None
        c = persons[holders[0]]
        names = {x[0]: x for x in c["names"]}
        if any(n not in names or names[n][2] >= mark for n in [p.name, *p.aliases]):
            return None
        if p.country and (c["country"] != p.country or c["country_mark"] is None or c["country_mark"] >= mark):
            return None
        first_role: dict[str, list] = {}
        for r in c["roles"]:
            if r[0] not in first_role or r[4] < first_role[r[0]]:
                first_role[r[0]] = r[4]
        if any(r.role not in first_role or first_role[r.role] >= mark for r in p.roles):
            return None
        if any(x[3] > mark for x in c["conflicts"]):
            return None
        names[p.name][1] += 1
        for r in p.roles:
            as_of = r.as_of or date
            held = next((x for x in c["roles"] if x[0] == r.role and x[1] == as_of), None)
            if held is not None:
                if held[4] <= mark:
                    continue
                c["roles"].remove(held)  # read after this record: this record's role is the one kept
            _insert(c["roles"], [r.role, as_of, r.title, doc, mark], mark)
        if doc not in c["docs"]:
            c["docs"].append(doc)
            if p.sources:
                _insert(c["sources"], [p.sources[0].to_record(), mark], mark)
        c["mentions"] += max(1, len(p.sources))
    return {"persons": persons}


def org_group(members: list[Member]) -> tuple[list[dict], dict]:
    """The merged organisation of a group (its records share one key) and the group's state."""
    state: dict = {}
    return _org_add(state, members) or [], state


def _org_add(state: dict, members: list[Member]) -> list[dict] | None:
    for doc, pos, _date, rec in sorted(members, key=lambda m: (m[0], m[1])):
        if rec.get("kind") != "organisation" or not rec.get("name"):
            continue
        mark = [doc, pos]
        key = rec.get("code") or fold_name(rec["name"])
        if not state:
            state.update(key=key, first=mark, name=rec["name"], country=rec.get("country"), names=[], docs=[],
                         sources=[])
        elif state["key"] != key:
            return None
        elif mark < state["first"]:  # read first: the organisation takes its name and country
            state.update(first=mark, name=rec["name"], country=rec.get("country"))
        for n in [rec["name"], *(rec.get("aliases") or [])]:
            if n not in state["names"]:
                state["names"].append(n)
        if doc not in state["docs"]:
            state["docs"].append(doc)
            srcs = _srcs(rec, doc)[:1]
            if srcs:
                _insert(state["sources"], [srcs[0].to_record(), mark], mark)
    return org_output(state)


def org_output(state: dict) -> list[dict]:
    from .facts import merge_organisations

    if not state:
        return []
    reg = ActorRegistry()
    key = state["key"]
    reg.orgs[key] = Actor("org", f"org:{key}", state["name"], country=state["country"], aliases=list(state["names"]),
                          docs=list(state["docs"]), sources=[Source(**s) for s, _m in state["sources"]])
    return merge_organisations(reg)


def extend_org_group(state: dict, new: list[Member]) -> dict | None:
    """The state of an organisation group after its new members (of documents not in it yet)."""
    out = dict(state, names=list(state.get("names") or []), docs=list(state.get("docs") or []),
               sources=list(state.get("sources") or []))
    if not state or any(m[0] in set(state["docs"]) for m in new):
        return None
    return out if _org_add(out, new) is not None else None


__all__ = ["Member", "extend_org_group", "extend_person_group", "merge_person_group", "org_group", "org_output",
           "person_group", "person_output", "person_signature", "registry_of"]
