"""Figures, relations, commitments and organisations told by several articles, merged.

In: per-document records. Out: one record per fact with every source; for figures, the conflicts
(the same metric of the same countries and period given with different values).
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..extract.dates import overlaps
from ..extract.successors import Successors
from ..lang import words
from ..records import Source, source_from_record
from ..resolve import ActorRegistry

RELATIVE_TOLERANCE = 0.02  # the scorer's: two values within 2 % are one figure


def _sources(recs: list[dict]) -> list[dict]:
    out: list[Source] = []
    for r in recs:
        for s in r.get("sources") or []:
            src = source_from_record(s, r.get("doc"))
            if src not in out:
                out.append(src)
    return [s.to_record() for s in out]


def _content(rec: dict) -> str:
    """The whole record as text: the last key of every sort, so that orders are total and depend on
    content only (never on the order documents were read in or rows came from the database)."""
    return json.dumps(rec, sort_keys=True, ensure_ascii=False, default=str)


def _strip(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k not in ("doc", "sources")}


def _countries(rec: dict, succ: Successors) -> frozenset:
    return frozenset(succ.canonical(c) for c in rec.get("countries") or [])


def _period(p: str | None):
    from ..extract.dates import span_of
    if not p:
        return None
    a, _, b = p.partition("/")
    return span_of(a, b or None)


def figure_order(r: dict) -> tuple:
    """The order ``merge_figures`` reads figures in: metric, document, value, then the whole record."""
    return (r.get("metric") or "", r.get("doc") or "", str(r.get("value")), _content(r))


def _joins(h: dict, r: dict, succ: Successors) -> bool:
    """Whether figure ``r`` joins the group whose first figure is ``h``."""
    return (h.get("metric"), _countries(h, succ), h.get("unit"), h.get("target_year")) == (
        r.get("metric"), _countries(r, succ), r.get("unit"), r.get("target_year")) \
        and _same_period(h, r) and _close(h.get("value"), r.get("value"))


def _best_order(r: dict) -> tuple:
    return (r.get("period") is None, len(r.get("period") or ""))


def figure_summaries(records: list[dict]) -> list[dict]:
    """The groups ``merge_figures`` forms, in the order they were started, each summed up as what its merged
    record and its conflicts are computed from (and what ``extend_figure_summaries`` needs): ``first`` (the
    figure it was started by: each figure joins the first group whose first figure it matches), ``best``
    (the figure whose fields the merged record takes), ``sources`` with ``src_docs`` (the document of the
    figure each source came from) and ``docs``."""
    succ = Successors.load()
    groups: list[list[dict]] = []
    for r in sorted(records, key=figure_order):
        for g in groups:
            if _joins(g[0], r, succ):
                g.append(r)
                break
        else:
            groups.append([r])
    out = []
    for g in groups:
        sources: list[dict] = []
        src_docs: list[str] = []
        seen: list[Source] = []
        for r in g:
            for s in r.get("sources") or []:
                src = source_from_record(s, r.get("doc"))
                if src not in seen:
                    seen.append(src)
                    sources.append(src.to_record())
                    src_docs.append(r.get("doc") or "")
        out.append({"first": g[0], "best": min(g, key=_best_order), "sources": sources, "src_docs": src_docs,
                    "docs": sorted({d.get("doc") or "" for d in g}), "id": len(out)})
    return out


def _shared_of(summaries: list[dict]) -> dict[int, set[int]]:
    """For each summary (by ``id``), the ids of the others that hold a document of it (from their ``docs``)."""
    by_doc: dict[str, list[int]] = {}
    for g in summaries:
        for d in g["docs"]:
            by_doc.setdefault(d, []).append(g["id"])
    out: dict[int, set[int]] = {g["id"]: set() for g in summaries}
    for ids in by_doc.values():
        if len(ids) > 1:
            for i in ids:
                out[i].update(j for j in ids if j != i)
    return out


def _shares(a: dict, b: dict) -> bool:
    """Whether two summaries hold a document in common (then their figures are in no conflict): by their ``docs``,
    or as a state keeps it, by the ids of the summaries each ``shared`` a document with."""
    if "docs" in a and "docs" in b:
        return bool(set(a["docs"]) & set(b["docs"]))
    return b["id"] in (a.get("shared") or ())


def figure_state(summaries: list[dict]) -> dict:
    """The state of a group of figures kept between updates: its ``figure_summaries`` (each with its ``id``, the
    position of its merged figure in the group), those whose sources are in the order of their documents
    (``apart``) without their sources: their merged figures keep them (the store writes them apart, and an
    update adds the new ones), so the state does not grow with them. Nor does it with their documents: of each
    summary, only the ids of the other summaries that hold one of its documents are kept (``shared``: what the
    conflicts between two summaries read of their documents; a new document is in no summary kept, so an update
    tells which summaries share one from the documents it adds: ``extend_figure_summaries``). At 20,000 documents
    the documents made the state of a figure group 258 kB, written whole whenever a figure joined it."""
    shared = _shared_of(summaries) if all("docs" in g for g in summaries) else None
    out = []
    for g in summaries:
        docs = [s.get("doc") if isinstance(s, dict) else None for s in g["sources"]]
        apart = g.get("partial") or (all(isinstance(d, str) for d in docs) and docs == g["src_docs"]
                                     and docs == sorted(docs))
        kept = {k: v for k, v in g.items() if k not in ("docs", "shared", "partial")}
        kept["shared"] = sorted(shared[g["id"]] if shared is not None else g.get("shared") or ())
        out.append({k: v for k, v in kept.items() if k not in ("sources", "src_docs")} | {"apart": True}
                   if apart else kept)
    return {"figures": out}


def figures_of_state(state: dict) -> list[dict] | None:
    """The ``figure_summaries`` of a group's state (``figure_state``): those kept ``apart`` without their sources
    (``partial``), and without their documents (``shared`` in their place: the state of an older communique, with
    them, is read so); None for a state of an older communique without ids."""
    out = []
    for g in state.get("figures") or []:
        if "id" not in g:
            return None
        out.append(dict(g, sources=[], src_docs=[], partial=True) if g.get("apart") else dict(g))
    if any("docs" in g for g in out):
        if not all("docs" in g for g in out):
            return None
        shared = _shared_of(out)
        out = [dict({k: v for k, v in g.items() if k != "docs"}, shared=sorted(shared[g["id"]])) for g in out]
    return out


def render_figures(summaries: list[dict]) -> tuple[list[dict], list[dict]]:
    """The merged figures and the conflicts of ``figure_summaries`` (in the order the groups were started)."""
    succ = Successors.load()
    merged = []
    for g in summaries:
        rec = _strip(g["best"])
        rec["sources"] = [dict(s) for s in g["sources"]]
        merged.append(rec)
    conflicts = []
    for i, j in _conflict_pairs(summaries, succ):
        a, b = summaries[i], summaries[j]
        if _shares(a, b):
            continue
        x, y = a["first"], b["first"]
        conflicts.append({"kind": "conflict", "about": "figure", "field": "value", "metric": x.get("metric"),
                          "countries": sorted(_countries(x, succ)), "period": x.get("period"),
                          "unit": x.get("unit"), "values": [x.get("value"), y.get("value")], "sources": _sources([x, y])})
    return merged, conflicts


def _conflict_pairs(summaries: list[dict], succ: Successors) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j`` in order, of summaries whose first figures may be in a value conflict: the same
    metric (not none nor ``other``), countries, unit and period (a period given). Found by that tuple, not by looking
    at every pair (a figure group kept in place holds hundreds of summaries at 20,000 documents, most of other
    periods); every pair looked at where a value cannot be a key."""
    slots: list[Any] = []  # per summary: its tuple, or None when it conflicts with none
    for g in summaries:
        x = g["first"]
        slots.append(None if x.get("metric") in (None, "other") or not x.get("period") else
                     (x.get("metric"), _countries(x, succ), x.get("unit"), x.get("period")))
    try:
        by_slot: dict[Any, list[int]] = {}
        for i, s in enumerate(slots):
            if s is not None:
                by_slot.setdefault(s, []).append(i)
    except TypeError:  # a value that is no key (a list, ...): compared pair by pair
        return [(i, j) for i, s in enumerate(slots) if s is not None
                for j in range(i + 1, len(slots)) if slots[j] is not None and slots[j] == s]
    pairs = []
    for same in by_slot.values():
        for k, i in enumerate(same):
            pairs += [(i, j) for j in same[k + 1:]]
    pairs.sort()
    return pairs


def merge_figures(records: list[dict]) -> tuple[list[dict], list[dict]]:
    return render_figures(figure_summaries(records))


def extend_figure_summaries(summaries: list[dict], new: list[dict]) -> list[dict] | None:
    """The ``figure_summaries`` of the figures summed up in ``summaries`` and the figures ``new`` (of documents
    none of the others is of), computed without the others; None where that cannot be told without them
    (a new figure starting a group that a figure read after it could join instead of its own)."""
    succ = Successors.load()
    # (summaries of a state hold no documents, but the ids of the summaries they share one with: ``figure_state``)
    listed = all("docs" in g for g in summaries)
    out = [dict(g, sources=list(g["sources"]), src_docs=list(g["src_docs"]),
                **({"docs": list(g["docs"])} if listed else {"shared": set(g.get("shared") or ())}))
           for g in summaries]
    # (a summary ``partial``, its sources kept apart, holds the new ones only: no source of it is of another
    # document than its figure's, so its documents are those of its sources; one kept without its documents: a new
    # document in it is found by the store, which holds its sources, and the group is merged whole)
    old_docs = {d for g in summaries for d in (g["docs"] if listed else g["src_docs"])} \
        | {s.get("doc") for g in summaries for s in g["sources"]}
    joined: dict[str, set[int]] = {}  # new document -> the ids of the summaries it joins
    next_id = max((g.get("id", -1) for g in out), default=-1) + 1
    orders: dict[int, tuple] = {}  # id of a group -> figure_order of its first figure, computed once (its first stays)

    def first_order(g: dict) -> tuple:
        o = orders.get(id(g))
        if o is None:
            o = orders[id(g)] = figure_order(g["first"])
        return o

    kinds: dict[int, tuple] = {}  # id of a group -> what of its first figure ``_joins`` compares first, once

    def first_kind(g: dict) -> tuple:
        k = kinds.get(id(g))
        if k is None:
            h = g["first"]
            k = kinds[id(g)] = (h.get("metric"), _countries(h, succ), h.get("unit"), h.get("target_year"))
        return k

    for r in sorted(new, key=figure_order):
        doc = r.get("doc") or ""
        if doc in old_docs or any(isinstance(s, dict) and s.get("doc") not in (None, "", doc) for s in r.get("sources") or []):
            return None
        key = figure_order(r)
        same = (r.get("metric"), _countries(r, succ), r.get("unit"), r.get("target_year"))
        target = None
        for g in out:  # in the order the groups were started: by their first figures
            if first_order(g) >= key:
                break
            # (``_joins``, its first part compared already)
            if first_kind(g) == same and _same_period(g["first"], r) and _close(g["first"].get("value"), r.get("value")):
                target = g
                break
        if target is None:
            # a group of its own, started before the groups whose first figure comes after it: one of
            # their figures might join it instead (only one of the same metric, parties, unit and year)
            if any(first_order(g) > key and first_kind(g) == same and _near(g["first"].get("value"), r.get("value"))
                   for g in out):
                return None
            target = {"first": r, "best": r, "sources": [], "src_docs": [],
                      **({"docs": []} if listed else {"shared": set()}), "id": next_id}
            next_id += 1
            out.append(target)
            out.sort(key=first_order)
        elif (_best_order(r), key) < (_best_order(target["best"]), figure_order(target["best"])):
            target["best"] = r
        at = next((i for i, d in enumerate(target["src_docs"]) if d > doc), len(target["src_docs"]))
        # a source of another document never equals one of this one's: only this document's are compared
        seen = [source_from_record(s) for s in target["sources"] if (s.get("doc") or "") == doc]
        for s in r.get("sources") or []:
            src = source_from_record(s, doc)
            if src not in seen:
                seen.append(src)
                target["sources"].insert(at, src.to_record())
                target["src_docs"].insert(at, doc)
                at += 1
        joined.setdefault(doc, set()).add(target["id"])
        if listed and doc not in target["docs"]:
            target["docs"] = sorted([*target["docs"], doc])
    if not listed:  # two summaries a new document joins share it
        by_id = {g["id"]: g for g in out}
        for ids in joined.values():
            for i in ids:
                by_id[i]["shared"] |= ids - {i}
    return out


def _near(first, value) -> bool:
    """Whether a figure of ``value`` could match a member of a group started by a figure of value ``first``:
    the members are within ``RELATIVE_TOLERANCE`` of it, so a value further than twice that (and a bit)
    matches none of them; a value that is no number matches nothing."""
    try:
        a, b = float(first), float(value)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 2.5 * RELATIVE_TOLERANCE * max(abs(a), abs(b))


def _same_period(a: dict, b: dict) -> bool:
    pa, pb = a.get("period"), b.get("period")
    if not pa or not pb:
        return pa == pb
    return overlaps(_span_of_period(pa), _span_of_period(pb))


@lru_cache(maxsize=4096)
def _cached_period(p: str):
    return _period(p)


def _span_of_period(p: Any):
    """``_period``, computed once per period string (a figure group's first figure is compared with every figure
    that may join it)."""
    return _cached_period(p) if isinstance(p, str) else _period(p)


def _close(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


def merge_relations(records: list[dict]) -> list[dict]:
    """One record per pair and level, with every source (the level history is read from upgrades)."""
    succ = Successors.load()
    groups: dict[tuple, list[dict]] = {}
    for r in sorted(records, key=lambda r: (r.get("doc") or "", _content(r))):
        groups.setdefault((_countries(r, succ), r.get("level")), []).append(r)
    out = []
    for (_pair, _level), g in groups.items():
        rec = _strip(g[0])
        rec["sources"] = _sources(g)
        out.append(rec)
    return out


def merge_commitments(records: list[dict]) -> list[dict]:
    succ = Successors.load()
    groups: dict[tuple, list[dict]] = {}
    for r in sorted(records, key=lambda r: (r.get("doc") or "", _content(r))):
        key = (_countries(r, succ), r.get("domain"), " ".join(words(r.get("text") or "")))
        groups.setdefault(key, []).append(r)
    out = []
    for g in groups.values():
        rec = _strip(g[0])
        rec["sources"] = _sources(g)
        out.append(rec)
    return out


def extend_merged(merged: dict, new: list[dict], *, first_doc: str | None = None) -> Any:
    """The record ``merge_relations`` or ``merge_commitments`` gives for one group of reports, from the
    merged record of its earlier reports and the new reports ``new`` (with ``doc``), without reading the
    earlier ones again. Holds when each earlier report is of its own document and has a source (so its
    sources tell its document and the order of the reports) and no new report is of those documents:
    the caller checks it (``store.merged``).

    With ``first_doc`` (the document of the first of its sources), ``merged`` is a record whose sources are
    kept apart (not read: ``merged["sources"]`` is ``[]``): then ``(record, added)``, the record with ``[]``
    as its sources and the sources of the new reports, in their order among the earlier ones (by document)."""
    new = sorted(new, key=lambda r: (r.get("doc") or "", _content(r)))
    if first_doc is not None:
        if (new[0].get("doc") or "") > first_doc:
            rec = {k: v for k, v in merged.items() if k != "sources"}
        else:
            rec = _strip(new[0])
        rec["sources"] = []
        by_doc: dict[str, list[dict]] = {}
        for r in new:
            by_doc.setdefault(r.get("doc") or "", []).append(r)
        return rec, [s for _doc, rs in sorted(by_doc.items(), key=lambda x: x[0]) for s in _sources(rs)]
    old = merged.get("sources") or []
    if old and (new[0].get("doc") or "") > (old[0].get("doc") or ""):
        rec = {k: v for k, v in merged.items() if k != "sources"}
    else:  # a new report comes first: it gives the record
        rec = _strip(new[0])
    chunks: list[tuple[str, list[dict]]] = []  # (document, its sources), earlier reports in order
    for src in old:
        if chunks and chunks[-1][0] == src.get("doc"):
            chunks[-1][1].append(src)
        else:
            chunks.append((src.get("doc"), [src]))
    by_doc: dict[str, list[dict]] = {}
    for r in new:
        by_doc.setdefault(r.get("doc") or "", []).append(r)
    chunks += [(doc, _sources(rs)) for doc, rs in by_doc.items()]
    chunks.sort(key=lambda c: c[0] or "")  # stable: no new document is an earlier one
    rec["sources"] = [s for _doc, srcs in chunks for s in srcs]
    return rec


def merge_organisations(registry: ActorRegistry) -> list[dict]:
    out = []
    for a in registry.actors(kind="org"):
        rec = {"kind": "organisation", "name": a.name, "code": a.id[4:] if a.id[4:].isupper() else None,
               "country": a.country, "aliases": sorted(set(a.aliases) - {a.name}),
               "sources": [s.to_record() for s in a.sources]}
        # the same shape as a document's organisation record: no key for what is not known
        out.append({k: v for k, v in rec.items() if v is not None})
    return out
