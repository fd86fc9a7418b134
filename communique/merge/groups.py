"""Merging one merge group (a connected component of ``blocks``) on its own, for the incremental merge.

In: the per-document records of one group (``(doc id, date, records)`` triples, or records with
``doc``). Out: the same merged records and conflicts ``merge_records`` gives for them when it merges
every document (``blocks`` says why), and for persons each person in the registry's order, so that a
later update can rebuild the look-ups events need (``registry_of``) without reading the persons' records.

Persons and organisations also as a *state* (JSON data) from which new documents' records are added in
place, without the group's earlier records (``extend_person_group``, ``extend_org_group``): the result is
the group merged whole, or None where that cannot be told from the state (then the group is merged whole).
Each record is placed by its *mark* ``[doc, position]``, the order the registry reads records in.

The state does not grow with the documents of the group: what does (sources, documents, roles) is read
from the group's merged records, which an update writes whole anyway, and a new source, document or role
is inserted in their lists where its mark puts it (no earlier record is of a new document, so a document's
place among the documents is its mark's). What a new record must look up one by one (the role of its date,
its offices of the month) is an *item* of the state (``role_key``, ``month_key``), stored apart
(``merge_state_items``) and read by key.
"""
from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ..names import fold_name, name_key
from ..records import Actor, Person, Role, Source
from ..resolve import ActorRegistry
from ..resolve.actors import _PersonCluster
from .blocks import person_keys
from .conflicts import EXCLUSIVE, person_conflicts


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
    spelt: dict[str, tuple[tuple, set[str]]] = {}  # spelling -> its name key and its person keys, computed once
    for r in persons:
        names = [r["name"], *(r.get("aliases") or [])]
        for n in names:
            if n not in spelt:
                spelt[n] = (name_key(n), person_keys(n, deletions=False))
        ident = (r["name"], r.get("country"), frozenset(spelt[n][0] for n in names))
        keys: set[str] = set()
        for n in names:
            keys |= spelt[n][1]
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


def _insert(items: list, item, mark) -> None:
    """Insert ``item`` after the items whose mark (last field) is not after ``mark``."""
    i = len(items)
    while i and items[i - 1][-1] > mark:
        i -= 1
    items.insert(i, item)


def person_group(members: list[Member]) -> tuple[list[dict], list[dict], dict, dict[str, list]]:
    """``merge_person_group`` of members, the group's state and its role items.

    The state is what a later update reads whole, and does not grow with the documents: per person (in the
    registry's order) its spellings with their counts, its country, the first mark of each of its roles, its
    mentions, its name conflicts and, per month, the first document giving it each exclusive office (what
    role conflicts are told from), each with the mark ``[doc, position]`` of the record that brought it. What
    grows with every document (sources, documents, roles) is in the merged records themselves, which an
    update reads and writes anyway, and each role's title, document and mark is an *item* (``role_key``),
    looked up one by one by the roles of new records only."""
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
    items: dict[str, list] = {}
    persons = []
    for i, c in enumerate(reg.persons):
        persons.append(_cluster_state(c, marks[id(c)]))
        for r, mk in zip(c.roles, marks[id(c)]["roles"]):
            items[role_key(i, r.role, r.as_of)] = [r.title, r.doc, mk]
        for month, roles in _months(c).items():
            items[month_key(i, month)] = roles
    records, conflicts = _person_output(reg)
    return records, conflicts, {"v": 2, "persons": persons}, items


def role_key(person: int, role: str, as_of: str | None) -> str:
    """The item of a person's role of a date in its group's state (``person_group``)."""
    return json.dumps(["role", person, role, as_of], ensure_ascii=False, separators=(",", ":"))


def month_key(person: int, month: str) -> str:
    """The item of a person's exclusive offices of a month: the first document giving each (``person_group``)."""
    return json.dumps(["month", person, month], ensure_ascii=False, separators=(",", ":"))


def _role_keys(n: int, role: str, as_of: str | None) -> list[str]:
    """``role_key(i, role, as_of)`` of the persons ``i`` < ``n`` (what follows the person written once)."""
    tail = json.dumps([role, as_of], ensure_ascii=False, separators=(",", ":"))[1:]
    return [f'["role",{i},{tail}' for i in range(n)]


def _month_keys(n: int, month: str) -> list[str]:
    """``month_key(i, month)`` of the persons ``i`` < ``n``."""
    tail = json.dumps([month], ensure_ascii=False, separators=(",", ":"))[1:]
    return [f'["month",{i},{tail}' for i in range(n)]


@lru_cache(maxsize=1 << 14)
def _name_key(name: str) -> tuple[str, ...]:
    """``name_key``, computed once per spelling (a group's spellings are keyed again at each update extending it)."""
    return name_key(name)


def _months(c: _PersonCluster) -> dict[str, dict[str, str]]:
    """Per month, the first document giving each exclusive office (``person_conflicts``), in the order of the
    roles' marks."""
    months: dict[str, dict[str, str]] = {}
    for r in c.roles:
        if r.role in EXCLUSIVE and r.as_of and r.doc:
            months.setdefault(r.as_of[:7], {}).setdefault(r.role, r.doc)
    return months


def _in_conflict(roles: dict[str, str]) -> bool:
    return len(roles) > 1 and len(set(roles.values())) > 1


def _cluster_state(c: _PersonCluster, m: dict) -> dict:
    first_role: dict[str, list] = {}
    for r, mk in zip(c.roles, m["roles"]):
        if r.role not in first_role or mk < first_role[r.role]:
            first_role[r.role] = mk
    # the months whose offices are in conflict (the others are items only)
    months = {m: roles for m, roles in _months(c).items() if _in_conflict(roles)}
    return {"names": [[n, k, m["names"][n]] for n, k in c.names.items()], "country": c.country,
            "country_mark": m["country"], "first_role": first_role, "mentions": c.mentions, "months": months,
            # a source of another document than the record that brought it: the sources' order cannot be told
            # from their documents (then the group is merged whole)
            "odd": any(s.doc != mk[0] for s, mk in zip(c.sources, m["sources"])),
            "conflicts": [[a, b, [s.to_record() for s in srcs], mk] for (a, b, srcs), mk in zip(c.name_conflicts, m["conflicts"])]}


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


def _role_order(role: dict) -> tuple:
    """Where a role is in a merged person's list (``ActorRegistry._person_actor``)."""
    return role.get("as_of") or "", role.get("role")


def _source_doc(source: dict) -> str:
    return source.get("doc") or ""


def _name_of(names: list) -> str:
    return _PersonCluster(names=Counter({n: k for n, k, _m in names})).name


def _clean_record(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k in ("kind", "sources") or v is not None and v != []}


@dataclass
class PersonUpdate:
    """A person group extended in place (``extend_person_group``)."""

    state: dict
    #: the group's merged person records and conflicts (all of them, as ``person_group`` gives them)
    records: list[dict]
    conflicts: list[dict]
    #: the role items added or changed (``role_key`` -> ``[title, doc, mark]``)
    items: dict[str, list]
    #: the persons whose documents and roles are kept apart (``listed``): ``{"docs": [...], "roles": [...]}``, the
    #: documents added and the roles added or changed (each in its list's order)
    lists: dict[int, dict[str, list]] = field(default_factory=dict)


def person_items_wanted(state: dict, new: list[Member]) -> list[str]:
    """The items of a person group's state that ``extend_person_group`` looks up for the new members ``new``: the
    role of each of their roles' dates (``role_key``) and the offices of its month (``month_key``), for every
    person of the state; sorted (a caller may read those of many groups at once and give them as ``items``)."""
    n = len(state.get("persons") or [])
    wanted: set[str] = set()
    for _doc, _pos, date, rec in new:
        for r in rec.get("roles") or [] if rec.get("kind") == "person" else []:
            if isinstance(r, dict) and r.get("role"):
                as_of = r.get("as_of") or date
                wanted.update(_role_keys(n, r["role"], as_of))
                if r["role"] in EXCLUSIVE and as_of:
                    wanted.update(_month_keys(n, as_of[:7]))
    return sorted(wanted)


def extend_person_group(state: dict, new: list[Member], records: list[dict],
                        items: Callable[[list[str]], Mapping[str, list]] | Mapping[str, list], *,
                        apart: set[int] = frozenset(),
                        sources: Callable[[int, set[str]], list[dict]] | None = None,
                        listed: set[int] = frozenset()) -> PersonUpdate | None:
    """The group after its new members ``new`` (of documents not in it yet), computed from its state, its merged
    person records ``records`` (in the registry's order, as stored) and the items of the roles the new records
    give (``items``: a mapping, or a function looking up a list of keys), or None when that cannot be told.

    A new record is placed where the registry reads it (by its mark), not last; it is added in place only
    when it changes nothing that the reading of a later record depends on: its first spelling is held by
    one person only (then, by its mark, the person it joins), every spelling of it, its country and its
    roles' offices were already read before it, and no misspelling of that person was read after it (its
    message names the person's name at that time). Then only counts, sources, documents and the roles of
    new dates (a role of a date read later: this record's) change: each inserted in the records' lists where
    its mark puts it (a document's place among the documents: no record of the group is of a new document).

    ``apart``: the persons whose records' sources are kept apart, not read (their ``sources`` are ``[]``): their
    records come out with the new sources only (in their order: by document), and ``sources(person, docs)``
    gives their kept sources of ``docs`` where a conflict shows them.

    ``listed``: the persons whose records' documents and roles are kept apart, not read (``[]`` in their places):
    their records come out so, and ``PersonUpdate.lists`` gives the documents added and the roles added or changed
    (a role of a date and office held already is changed where this record is read before the one that gave it:
    the stored role's item tells it)."""
    if state.get("v") != 2 or len(records) != len(state["persons"]):
        return None
    lookup = items if callable(items) else (lambda keys: {k: items[k] for k in keys if k in items})
    persons = [dict(p, names=[list(x) for x in p["names"]], months={m: dict(r) for m, r in p["months"].items()})
               for p in state["persons"]]
    if any(rec.get("name") != _name_of(p["names"]) for rec, p in zip(records, persons)):
        return None
    keys = [{_name_key(n) for n, _k, _m in p["names"]} for p in persons]
    reordered: list[set[tuple] | None] = [None] * len(keys)  # each person's keys with their words sorted, if needed
    new = sorted(new, key=lambda m: (m[0], m[1]))
    wanted = person_items_wanted(state, new)
    held_items: dict[str, list] = dict(lookup(wanted)) if wanted else {}
    changed_items: dict[str, list] = {}
    lists: dict[int, dict[str, list]] = {}  # person -> its record's sources, docs and roles (copied when changed)
    for doc, pos, date, rec in new:
        p = _person(rec, doc)
        if p is None:
            continue
        mark = [doc, pos]
        key = _name_key(p.name)
        holders = []
        for i, ks in enumerate(keys):
            if key not in ks and len(key) > 1:  # the same words in another order
                if reordered[i] is None:
                    reordered[i] = {tuple(sorted(k)) for k in ks}
                if tuple(sorted(key)) not in reordered[i]:
                    continue
            elif key not in ks:
                continue
            holders.append(i)
        if len(holders) != 1:
            return None
        i = holders[0]
        c = persons[i]
        names = {x[0]: x for x in c["names"]}
        if any(n not in names or names[n][2] >= mark for n in [p.name, *p.aliases]):
            return None
        if p.country and (c["country"] != p.country or c["country_mark"] is None or c["country_mark"] >= mark):
            return None
        if any(r.role not in c["first_role"] or c["first_role"][r.role] >= mark for r in p.roles):
            return None
        if any(x[3] > mark for x in c["conflicts"]):
            return None
        if i not in lists:
            old = records[i]
            lists[i] = {"sources": list(old.get("sources") or []), "docs": list(old.get("docs") or []),
                        "roles": list(old.get("roles") or [])}
        own = lists[i]
        names[p.name][1] += 1
        for r in p.roles:
            as_of = r.as_of or date
            if as_of == "":
                return None  # sorted with an undated role: the order cannot be told from the record
            k = role_key(i, r.role, as_of)
            held = held_items.get(k)
            if held is not None and held[2] <= mark:
                continue
            entry = Role(r.role, as_of, r.title).to_record()
            at = bisect.bisect_left(own["roles"], (as_of or "", r.role), key=_role_order)
            if i in listed:  # the roles added or changed only: this one added, or changing one added before
                if at < len(own["roles"]) and _role_order(own["roles"][at]) == (as_of or "", r.role):
                    own["roles"][at] = entry
                else:
                    own["roles"].insert(at, entry)
            elif held is not None:  # read after this record: this record's role is the one kept
                if at >= len(own["roles"]) or _role_order(own["roles"][at]) != (as_of or "", r.role):
                    return None
                own["roles"][at] = entry
            else:
                own["roles"].insert(bisect.bisect_right(own["roles"], (as_of or "", r.role), key=_role_order), entry)
            held_items[k] = changed_items[k] = [r.title, doc, mark]
            if r.role in EXCLUSIVE and as_of and doc:
                mk = month_key(i, as_of[:7])
                month = dict(held_items.get(mk) or {})
                if r.role not in month or doc < month[r.role]:
                    month[r.role] = doc
                    held_items[mk] = changed_items[mk] = month
                    if _in_conflict(month):
                        c["months"][as_of[:7]] = month
                    else:
                        c["months"].pop(as_of[:7], None)
        at = bisect.bisect_left(own["docs"], doc)
        if at == len(own["docs"]) or own["docs"][at] != doc:
            own["docs"].insert(at, doc)
            if p.sources:
                if c["odd"] or p.sources[0].doc != doc:
                    return None
                own["sources"].insert(bisect.bisect_left(own["sources"], doc, key=_source_doc), p.sources[0].to_record())
        c["mentions"] += max(1, len(p.sources))
    out = []
    added: dict[int, dict[str, list]] = {}
    for i, (p, old) in enumerate(zip(persons, records)):
        if i not in lists:
            out.append(old)
            continue
        name = _name_of(p["names"])
        rec = _clean_record({"kind": "person", "sources": lists[i]["sources"], "name": name,
                             "aliases": sorted({n for n, _k, _m in p["names"]} - {name}),
                             "country": p["country"], "roles": lists[i]["roles"], "docs": lists[i]["docs"]})
        if i in listed:  # kept apart: [] in their places (as stored), the items added given apart
            added[i] = {"docs": lists[i]["docs"], "roles": lists[i]["roles"]}
            rec = dict({k: v for k, v in rec.items() if k not in ("roles", "docs")}, roles=[], docs=[])
        out.append(rec)
    state = {"v": 2, "persons": persons}
    if apart and sources is None:
        return None
    return PersonUpdate(state, out, _state_conflicts(state, out, apart, sources), changed_items, added)


def _state_conflicts(state: dict, records: list[dict], apart: set[int] = frozenset(),
                     kept: Callable[[int, set[str]], list[dict]] | None = None) -> list[dict]:
    """``person_conflicts`` of a group from its state and merged records (those of ``apart`` with only their new
    sources: ``kept(person, docs)`` gives the others)."""
    out = []
    for i, (p, rec) in enumerate(zip(state["persons"], records)):
        name = rec["name"]
        for a, b, srcs, _m in p["conflicts"]:
            out.append({"kind": "conflict", "about": "person", "field": "name", "name": name,
                        "country": p["country"], "values": [a, b], "sources": [dict(s) for s in srcs]})
        for month, roles in p["months"].items():
            if _in_conflict(roles):
                docs = set(roles.values())
                srcs = [s for s in rec.get("sources") or [] if s.get("doc") in docs]
                if i in apart:  # the kept ones and the new ones, in the order of their documents (none of both)
                    srcs = sorted(kept(i, docs) + srcs, key=_source_doc)
                out.append({"kind": "conflict", "about": "person", "field": "role", "name": name,
                            "country": p["country"], "date": month, "values": sorted(roles), "docs": sorted(docs),
                            "sources": [dict(s) for s in srcs]})
    return out


def org_group(members: list[Member]) -> tuple[list[dict], dict]:
    """The merged organisation of a group (its records share one key) and the group's state: its key, name,
    country and spellings, with the mark of the record it takes its name from (its sources are in its merged
    record: the state does not grow with the documents)."""
    full: dict = {}
    records = _org_add(full, members) or []
    if not full:
        return records, {}
    odd = any(s["doc"] != mk[0] for s, mk in full["sources"])
    return records, {"v": 2, **{k: full[k] for k in ("key", "first", "name", "country", "names")}, "odd": odd}


def _org_add(state: dict, members: list[Member], sources: list[dict] | None = None) -> list[dict] | None:
    """Add members to an organisation's state (with ``docs`` and ``sources`` lists when ``sources`` is None;
    else the state only, and the sources of its merged record ``sources``, extended in place); its merged
    record, or None when a member has another key or a source that cannot be placed."""
    done: set[str] = set()
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
        srcs = _srcs(rec, doc)[:1]
        if sources is None:
            if doc not in state["docs"]:
                state["docs"].append(doc)
                if srcs:
                    _insert(state["sources"], [srcs[0].to_record(), mark], mark)
        elif doc not in done:  # a new document: none of the record's sources is of it
            done.add(doc)
            if srcs:
                if state.get("odd") or srcs[0].doc != doc:
                    return None
                sources.insert(bisect.bisect_left(sources, doc, key=_source_doc), srcs[0].to_record())
    if sources is None:
        return org_output(state)
    out = org_output(dict(state, docs=[], sources=[]))
    for rec in out:
        rec["sources"] = sources
    return out


def org_output(state: dict) -> list[dict]:
    """The merged organisation of a state with its sources (``_org_add``)."""
    from .facts import merge_organisations

    if not state:
        return []
    reg = ActorRegistry()
    key = state["key"]
    reg.orgs[key] = Actor("org", f"org:{key}", state["name"], country=state["country"], aliases=list(state["names"]),
                          docs=list(state["docs"]), sources=[Source(**s) for s, _m in state["sources"]])
    return merge_organisations(reg)


def extend_org_group(state: dict, new: list[Member], record: dict) -> tuple[dict, dict] | None:
    """The state and merged record of an organisation group after its new members (of documents not in it
    yet), from its state and its merged record ``record``; None when that cannot be told."""
    if not state or state.get("v") != 2:
        return None
    out = dict(state, names=list(state["names"]))
    recs = _org_add(out, new, list(record.get("sources") or []))
    return (out, recs[0]) if recs else None


__all__ = ["Member", "PersonUpdate", "extend_org_group", "extend_person_group", "merge_person_group", "org_group",
           "org_output", "person_group", "person_items_wanted", "person_signature", "month_key", "registry_of",
           "role_key"]
