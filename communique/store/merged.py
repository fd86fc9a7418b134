"""The stored merged record: computed from every stored document, and replaced all at once.

``refresh_merged(store, kb)`` reads every document's records, merges them (stages resolve and merge)
and replaces the ``merged_facts`` and ``conflicts`` tables in one transaction, checked against the
number of documents it was computed from: if another process stored a document meanwhile, it
computes again. So whatever the interruptions and however many processes ingest at once, the stored
merged record is the merge of one set of stored documents, and the last refresh covers them all.
"""
from __future__ import annotations

import gc
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import StoreError

if TYPE_CHECKING:  # pragma: no cover
    from ..merge import MergedRecord
    from .store import Store, StoredFact

log = logging.getLogger(__name__)

#: how many times a refresh computes again when documents keep arriving
REFRESH_ATTEMPTS = 5
#: the kinds of merged records, in the order they are written
MERGED_KINDS = ("event", "figure", "relation", "person", "commitment", "organisation")
#: what a merged record's key is not a hash of, per kind (else its sources): a person's key is that of its name,
#: spellings and country, the same whatever the articles naming it
KEY_LEFT_OUT = {"person": ("sources", "docs", "roles")}


def merged_rows(record: MergedRecord) -> tuple[dict[str, list[tuple[str, dict, int]]], list[tuple[str, str, dict]]]:
    """The rows of ``Store.replace_merged_record`` for a merged record: per kind ``(key, record,
    n_sources)``, the key a hash of the record without its sources (so the same real-world fact keeps
    its key as sources are added; a person's, without its documents and roles either, which grow with the
    articles naming it: ``KEY_LEFT_OUT``), and the conflicts ``(about, key, record)``."""
    from ..merge import _canonical_order

    rows: dict[str, list[tuple[str, dict, int]]] = {kind: [] for kind in MERGED_KINDS}
    records = record.records()
    bases: dict[str, list[int]] = {}
    for i, rec in enumerate(records):
        body = _key_body(rec)
        bases.setdefault(f"{rec['kind']}:{hashlib.sha1(body.encode('utf-8')).hexdigest()[:20]}", []).append(i)
    keys: dict[int, str] = {}
    for base, alike in bases.items():
        # records alike but for their sources: all kept, "#1", "#2", ... in their canonical order (so the
        # order of the records given matters nowhere else)
        for n, i in enumerate(sorted(alike, key=lambda i: _canonical_order(records[i])) if len(alike) > 1 else alike):
            keys[i] = f"{base}#{n}" if n else base
    for i, rec in enumerate(records):
        docs = {s.get("doc") for s in rec.get("sources") or []}
        rows.setdefault(rec["kind"], []).append((keys[i], rec, len(docs)))
    conflicts = []
    for rec in record.conflicts:
        body = json.dumps(rec, sort_keys=True, ensure_ascii=False)
        conflicts.append((rec.get("about", "fact"), "conflict:" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:20],
                          rec))
    return rows, conflicts


def _key_body(rec: dict) -> str:
    """What a merged record's key is a hash of (``merged_rows``)."""
    left_out = KEY_LEFT_OUT.get(rec.get("kind"), ("sources",))
    return json.dumps({k: v for k, v in rec.items() if k not in left_out}, sort_keys=True, ensure_ascii=False)


def compute_merged(store: Store, kb: Any = None) -> tuple[MergedRecord, int]:
    """The merged record of every document in ``store`` (read in one statement, so one consistent set of
    documents), and how many documents that was."""
    from ..merge import merge_records
    from ..resolve import ActorRegistry

    docs = [(d.id, d.date, recs) for d, recs in store.records_by_document()]
    return merge_records(docs, ActorRegistry(kb).add_all(docs)), len(docs)


def refresh_merged(store: Store, kb: Any = None) -> MergedRecord:
    """Merge every stored document and replace the stored merged record with the result, in one
    transaction (see the module docstring); returns the merged record.

    Raises ``StoreError`` when documents kept arriving through ``REFRESH_ATTEMPTS`` computations (the
    process storing them refreshes the record after them anyway) or when the database fails.
    """
    for attempt in range(1, REFRESH_ATTEMPTS + 1):
        record, n_docs = compute_merged(store, kb)
        rows, conflicts = merged_rows(record)
        if store.replace_merged_record(rows, conflicts, documents=n_docs):
            log.debug("merged record of %d documents stored (attempt %d)", n_docs, attempt)
            return record
        log.info("documents were stored while the merged record was computed: computing it again")
    raise StoreError(f"cannot refresh the merged record of {store.url}: documents kept being stored while it was "
                     f"computed ({REFRESH_ATTEMPTS} times)",
                     "run `communique ingest` again when the other ingestion is done")


# ---------------------------------------------------------------------------------------------------------
# incremental update


@dataclass
class MergeUpdate:
    """What ``update_merged`` did."""

    #: the merged record was recomputed from every document (else: only the merge groups touched)
    whole: bool
    #: facts merged for the first time (of documents stored since the last update)
    new_facts: int = 0
    #: facts whose merge groups were recomputed (the new ones included)
    facts: int = 0
    #: merge groups recomputed from all their facts
    groups: int = 0
    #: merged records written
    records: int = 0
    #: merge groups of persons, figures and organisations whose new facts were merged in place, from their
    #: stored state (their earlier facts not read)
    in_place: int = 0
    #: facts of the merge groups recomputed from all their facts (earlier ones and new ones)
    recomputed_facts: int = 0
    #: the same, per kind of fact
    recomputed_kinds: dict[str, int] = field(default_factory=dict)


def kb_fingerprint(kb: Any) -> str | None:
    """What of the knowledge base the merge depends on, as a short hash; None for no knowledge base (or
    one without persons, merges or distinct names)."""
    persons, merges, distinct = (list(getattr(kb, a, None) or []) for a in ("persons", "merges", "distinct"))
    if not (persons or merges or distinct):
        return None
    body = repr((sorted(repr(p) for p in persons), sorted(map(repr, merges)), sorted(map(repr, distinct))))
    return hashlib.sha1(body.encode("utf-8")).hexdigest()


#: documents stored between two updates of the merged record during one ingest (``MergedAsStored``)
MERGE_EVERY = 2000


class MergedAsStored:
    """The merged record kept up to date as one ingest stores documents: updated (``update_merged``) every
    ``every`` documents stored and at the end (``finish``). A first ingest of a large corpus is then merged batch
    after batch, each update reading only what its facts touch, instead of one whole recompute at the end that
    holds every fact of the corpus in memory at once (at 20,000 documents, gigabytes). The record is the same
    either way. With a knowledge base of persons, merges or distinct names (merged whole at every update: see
    ``update_merged``) only at the end."""

    def __init__(self, store: Store, kb: Any = None, every: int = MERGE_EVERY):
        self.store, self.kb = store, kb
        self.every = every if every > 0 and kb_fingerprint(kb) is None else 0
        self.pending = 0

    def stored(self) -> None:
        """One more document stored."""
        self.pending += 1
        if self.every and self.pending >= self.every:
            update_merged(self.store, self.kb)
            self.pending = 0

    def finish(self) -> MergeUpdate:
        """The merged record brought up to date with every document stored (by this run or before)."""
        self.pending = 0
        return update_merged(self.store, self.kb)


def update_merged(store: Store, kb: Any = None, *, full: bool = False) -> MergeUpdate:
    """Bring the stored merged record up to date with the stored documents, recomputing only the merge
    groups (``merge.blocks``) that the facts not merged yet touch, and what a change of persons touches;
    with ``full``, recompute it whole. The result is the record ``refresh_merged`` gives (the same
    merged records under the same keys, the same conflicts); only the order rows were written in differs.

    Groups of persons, figures and organisations, and the group of the events of a block with an undated
    report, keep a state (``merge.groups``, ``merge.facts``, ``merge.events``): new facts joining one such
    group are merged in place from it, without reading its earlier facts, wherever the state tells the
    result exactly; else the group is recomputed from all its facts. The events' state is kept per cluster
    (one merged event each, ``merge.events.StarBlock``): a new report reads only the clusters its dates can
    meet, and only the merged events and date conflicts of the clusters it changes are written again. Relations and commitments are extended
    from their stored merged record.

    Recomputes whole when the stored record was not kept by this function (written by ``refresh_merged``
    or by an older communique), or was computed with another knowledge base. A knowledge base with
    persons, merges or distinct names is not handled incrementally yet: then this is ``refresh_merged``.

    Written in one transaction, checked against the state read before computing: if another update was
    written meanwhile, it computes again (``REFRESH_ATTEMPTS`` times, then ``StoreError``). Documents
    stored meanwhile keep facts not merged yet: the next update merges them.
    """
    if kb_fingerprint(kb) is not None:
        record = refresh_merged(store, kb)
        return MergeUpdate(whole=True, records=len(record.records()))
    with collector_paused():
        return _update_merged(store, full)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused (if it runs), and set going again as it was, whatever happens.

    An update makes and drops hundreds of thousands of small dicts and lists (records, keys, rows) that hold no
    cycles: reference counting frees them, and the collector, started by their number, only walks over them and
    over every object the process holds (a loaded spaCy model: millions). Measured adding 100 documents (bench
    data): a fifth of the update's time (0.34 of 1.66 s into 20,000 documents, 0.16 of 0.70 s into an empty
    database). What cycles the update leaves are collected at the collector's next pass after it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _update_merged(store: Store, full: bool) -> MergeUpdate:
    from .store import KeyCollision

    for attempt in range(1, REFRESH_ATTEMPTS + 1):
        try:
            with store.reads_pinned():  # (one connection for the reads: hundreds into a large database)
                state = store.merge_state()
                whole = full or state is None
                plan = _plan_whole(store) if whole else _plan_incremental(store)
                blocks, stats = plan.merge(store)
            if store.replace_merged_blocks(blocks, generation=state[0] if state else None, kb=None, whole=whole):
                log.debug("merged record updated (%s, attempt %d)", stats, attempt)
                return stats
        except KeyCollision as e:
            log.info("%s: recomputing the merged record whole", e)
            full = True
            continue
        log.info("the merged record was updated by another process meanwhile: computing again")
    raise StoreError(f"cannot update the merged record of {store.url}: other processes kept updating it while it "
                     f"was computed ({REFRESH_ATTEMPTS} times)",
                     "run `communique merge` again when the other ingestion is done")


def _split(key: str) -> tuple[str, str]:
    """A link key as the ``(block, bucket)`` columns of ``fact_blocks``."""
    if key[:2] in ("e|", "f|"):
        block, _, bucket = key.rpartition("|")
        return block, bucket
    return key, ""


def _join(block: str, bucket: str) -> str:
    return f"{block}|{bucket}" if bucket else block


class _Plan:
    """The facts to merge again, per kind, and how to find the rest of their merge groups."""

    def __init__(self, whole: bool):
        self.whole = whole
        self.known: dict[int, StoredFact] = {}
        self.pending: list[StoredFact] = []
        self.keys: dict[int, list[str]] = {}
        #: merge group -> ``(block, bucket)`` keys known to have a row in ``fact_blocks`` for one of its facts: the
        #: facts merged into the group write no other (``fact_blocks`` keeps a key once per group)
        self.held: dict[int, set[tuple[str, str]]] = {}
        #: fact id -> its link keys, as computed once from its record (``link_keys``)
        self._links: dict[int, list[str]] = {}
        #: id of a record -> (the record, its participant keys): each computed once (the record held, so that its
        #: id is not another's)
        self._named: dict[int, tuple[dict, set[str]]] = {}

    def links(self, f: StoredFact) -> list[str]:
        """The link keys of a fact's record (``blocks.link_keys``), computed once per fact."""
        keys = self._links.get(f.id)
        if keys is None:
            from ..extract.successors import Successors
            from ..merge.blocks import link_keys

            keys = self._links[f.id] = link_keys(f.record, Successors.load())
        return keys

    def participants(self, rec: dict) -> set[str]:
        """The participant keys of an event record (``blocks.participant_keys``), computed once per record."""
        held = self._named.get(id(rec))
        if held is None or held[0] is not rec:
            from ..merge.blocks import participant_keys

            held = self._named[id(rec)] = (rec, participant_keys(rec))
        return held[1]

    def add_pending(self, facts: list[StoredFact]) -> None:
        self.pending = facts
        for f in facts:
            self.known[f.id] = f
            self.keys[f.id] = self.links(f)

    def closure(self, store: Store, seeds: list[int]) -> dict[int, list[str]]:
        """The facts of the merge groups of ``seeds`` (ids of pending or merged facts) with their link keys:
        breadth first, the merge groups holding a key of the facts found (``fact_blocks``), and every fact of
        those groups (read, into ``known``; their keys those of their records). A group is a connected component
        of the merged facts, so the facts of a group holding a key are all found whichever of them holds its row
        (``fact_blocks`` keeps a key once per group: ``held``)."""
        from ..merge.blocks import probes

        found: dict[int, list[str]] = {}
        for f in seeds:
            if f in self.keys:
                found[f] = self.keys[f]
        todo_ids = [f for f in seeds if f not in found]
        groups: set[int] = set()
        if todo_ids:
            missing = [f for f in todo_ids if f not in self.known]
            for f in store.merge_facts(ids=missing) if missing else []:
                self.known[f.id] = f
            for f in todo_ids:
                found[f] = self.stored_keys(self.known[f]) if f in self.known else []
                if f in self.known and self.known[f].merge_group:
                    groups.add(self.known[f].merge_group)
        if self.whole:
            return found
        done_keys: set[tuple[str, str]] = set()
        done_blocks: set[str] = set()
        done_groups: set[int] = set()
        frontier = {k for keys in found.values() for k in keys}
        expanded: set[str] = set()
        while frontier or groups:
            expanded |= frontier
            eq: set[tuple[str, str]] = set()
            pre: set[str] = set()
            for k in frontier:
                eq.add(_split(k))
                more, prefixes = probes(k)
                eq |= {_split(x) for x in more}
                pre |= {p[:-1] for p in prefixes}
            eq -= done_keys
            pre -= done_blocks
            done_keys |= eq
            done_blocks |= pre
            if eq or pre:
                groups |= store.merge_groups_of(eq, pre)
            groups -= done_groups | {0}
            if not groups:
                break
            done_groups |= groups
            new = []
            for f in store.merge_facts(groups=sorted(groups)):
                if f.id not in found:
                    self.known.setdefault(f.id, f)
                    found[f.id] = self.stored_keys(f)
                    new.append(f.id)
            groups = set()
            frontier = {k for f in new for k in found[f]} - expanded
        return found

    def fact_keys(self, fact_groups: dict[int, int], merged_from: dict[int, set[int]]) -> list[tuple[int, str, str]]:
        """The rows of ``fact_blocks`` of the facts merged for the first time: each of their keys (link keys, and for
        an event those of the persons it names) once per merge group, where no fact of the group has it yet (of the
        groups it was merged from, ``merged_from``, as far as this update read them: ``held``). So a key is as many
        rows as groups hold it, not as many as facts (a person named in every article, its spellings' keys)."""
        out: list[tuple[int, str, str]] = []
        hold: dict[int, set[tuple[str, str]]] = {}
        for f in self.pending:
            g = fact_groups.get(f.id, 0)
            if g and g not in hold:
                hold[g] = set().union(*(self.held.get(o, ()) for o in merged_from.get(g, {g})))
            have = hold.get(g)
            for k in [*self.keys[f.id], *(sorted(self.participants(f.record)) if f.kind == "event" else [])]:
                x = _split(k)
                if have is not None:
                    if x in have:
                        continue
                    have.add(x)
                out.append((f.id, *x))
        return out

    def stored_keys(self, f: StoredFact) -> list[str]:
        """The link keys of a merged fact, from its record (as they were when it was merged), and the keys its
        group holds (``held``): those and, for an event, the keys of the persons it names."""
        keys = self.links(f)
        if f.merge_group:
            self.held.setdefault(f.merge_group, set()).update(
                _split(k) for k in [*keys, *(self.participants(f.record) if f.kind == "event" else ())])
        return keys

    def neighbours(self, store: Store, units: list[tuple[int, list[StoredFact]]], replaced: set[int]
                   ) -> list[tuple[int, list[StoredFact]]]:
        """The merge groups of events, not recomputed, whose groups may be in a date conflict with those
        of ``units`` (``blocks.conflict_probes``), with their facts: read, not written again."""
        from ..extract.successors import Successors
        from ..merge.blocks import block_of, conflict_probes, is_star

        succ = Successors.load()
        keys: set[tuple[str, str]] = set()
        whole_blocks: set[str] = set()
        for _g, facts_ in units:
            for f in facts_:
                links = self.links(f)  # (computed already: the block of their first key is the report's)
                for k in conflict_probes(f.record, succ, block_of(links[0]) if links else None):
                    if is_star(k):
                        whole_blocks.add(block_of(k))
                    else:
                        keys.add(_split(k))
        groups = sorted(store.merge_groups_of(keys, whole_blocks) - replaced)
        if not groups:
            return []
        by_group: dict[int, list[StoredFact]] = {}
        for f in store.merge_facts(groups=groups):
            by_group.setdefault(f.merge_group, []).append(f)
        return sorted(by_group.items())

    def extended(self, store: Store, kind: str) -> list[tuple[int, list[StoredFact], dict]]:
        """Relations or commitments (``kind``) merged in place: for each merge group the new facts of that
        kind join (one exact key, so one group and one merged record), ``(group, new facts, merged
        record)`` computed from the stored merged record and the new facts (``facts.extend_merged``),
        where that gives what merging every fact of the group gives: each earlier fact of its own
        document with a source (as many facts in the group as documents among the record's sources).
        The other groups are left to the whole recomputation of their facts."""
        from ..merge.facts import extend_merged

        by_key: dict[str, list[StoredFact]] = {}
        for f in self.pending:
            if f.kind == kind and len(self.keys[f.id]) == 1:
                by_key.setdefault(self.keys[f.id][0], []).append(f)
        # the group of each key, all in one look-up (every merged fact with a link key is in the group of all the
        # others with it)
        held = store.key_groups({_split(key) for key in by_key})
        group_of = {key: held[_split(key)] for key in by_key if _split(key) in held}
        for key, g in group_of.items():
            self.held.setdefault(g, set()).add(_split(key))
        if not group_of:
            return []
        sizes = store.group_sizes(group_of.values())
        records: dict[int, list[tuple[dict, int | None]]] = {}
        for g, _p, rec, n in store.merged_in_groups(kind, group_of.values(), apart=True):
            records.setdefault(g, []).append((rec, n))
        # of the records whose sources are written apart, those holding a source of a new document already, and the
        # first source of the others (each a look-up through the primary key, all in a few statements)
        apart: dict[int, set[str]] = {}
        for key, g in group_of.items():
            if len(records.get(g, [])) == 1 and records[g][0][1] is not None and sizes[g] == records[g][0][1]:
                apart.setdefault(g, set()).update(f.doc for f in by_key[key])
        taken = {g for g, _p in store.places_with_sources_of({(g, 0): d for g, d in apart.items()})} if apart else set()
        firsts = store.first_sources([(g, 0) for g in apart if g not in taken]) if apart else {}
        out = []
        for key, g in group_of.items():
            if len(records.get(g, [])) != 1:
                continue
            old, n = records[g][0]
            new = by_key[key]
            new_docs = {f.doc for f in new}
            if n is not None:  # its sources written apart: of n documents, in their order; only the new ones written
                if g not in apart or g in taken or (g, 0) not in firsts:
                    continue
                rec, added = extend_merged(old, [f.record for f in new], first_doc=firsts[(g, 0)]["doc"])
                out.append((g, new, rec, added))
                continue
            docs = {s.get("doc") for s in old.get("sources") or [] if isinstance(s, dict)}
            if None in docs or sizes[g] != len(docs) or docs & new_docs:
                continue
            out.append((g, new, extend_merged(old, [f.record for f in new]), None))
        return out

    def in_place(self, store: Store, kind: str, extend: Any, *, star_only: bool = False,
                 exclude: set[int] = frozenset(), with_group: bool = False,
                 prefetch: Any = None) -> list[tuple[int, list[StoredFact], Any]]:
        """Groups of ``kind`` (person, figure, organisation or event) that the new facts of that kind join,
        merged in place: for each set of new facts linked to one stored group only (by their keys,
        ``blocks``; a new undated report of a block only where the block has one already, so that the whole
        block is that group), not in ``exclude``, that group's state extended with them (``extend(state,
        members)``, None where it cannot tell). With ``star_only``, only groups holding the ``*`` key of
        their block; ``with_group``: ``extend(state, members, group)``; ``prefetch({group: (state, members)})``:
        called once with the groups about to be extended (of ``kind``, with a state), so that what ``extend`` reads
        of each is read for all at once. Returns ``(group, new facts, new
        state)``; the other new facts are left to ``groups_of``."""
        from ..merge.blocks import STAR, block_of, probes

        if self.whole:
            return []
        pending = [f for f in self.pending if f.kind == kind and self.keys[f.id]]
        if not pending:
            return []
        star_blocks: set[str] = set()
        wanted: set[tuple[str, str]] = set()
        # each key once (a person named in every article gives the twenty keys of its spellings in each): the
        # ``(block, bucket)`` keys it meets, itself and those of ``probes``
        met: dict[str, list[tuple[str, str]]] = {}
        for f in pending:
            for k in self.keys[f.id]:
                if k not in met:
                    more, prefixes = probes(k)
                    if prefixes:
                        star_blocks.add(block_of(k))
                    met[k] = [_split(x) for x in [k, *more]]
                    wanted.update(met[k])
        groups_of_key = store.key_groups(wanted)
        for x, g in groups_of_key.items():
            self.held.setdefault(g, set()).add(x)
        parent: dict[Any, Any] = {}

        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        first: dict[str, int] = {}
        for f in pending:
            find(("f", f.id))
            for k in self.keys[f.id]:
                if k in first:  # (joined to the groups of its keys already, through the first fact with it)
                    parent[find(("f", f.id))] = find(("f", first[k]))
                    continue
                first[k] = f.id
                for x in met[k]:
                    g = groups_of_key.get(x)
                    if g is not None:
                        parent[find(("f", f.id))] = find(("g", g))
        comps: dict[Any, tuple[set[int], list[StoredFact]]] = {}
        for f in pending:
            comps.setdefault(find(("f", f.id)), (set(), []))[1].append(f)
        for node in list(parent):
            if node[0] == "g":
                comps.setdefault(find(node), (set(), []))[0].add(node[1])
        star_blocks = {b for b in star_blocks if (b, STAR) not in groups_of_key}  # a new undated report
        candidates = {}
        for groups, facts_ in comps.values():
            if len(groups) != 1 or not facts_ or any(block_of(k) in star_blocks for f in facts_ for k in self.keys[f.id]):
                continue
            g = next(iter(groups))
            if g in exclude or star_only and not any(groups_of_key.get((block_of(k), STAR)) == g
                                                     for f in facts_ for k in self.keys[f.id]):
                continue
            candidates[g] = facts_
        states = store.group_states(candidates)
        if prefetch is not None:
            prefetch({g: (states[g][1], [(f.doc, f.position, f.date, f.record) for f in candidates[g]])
                      for g in sorted(candidates) if g in states and states[g][0] == kind})
        out = []
        for g, facts_ in sorted(candidates.items()):
            held = states.get(g)
            if held is None or held[0] != kind:
                continue
            members_ = [(f.doc, f.position, f.date, f.record) for f in facts_]
            state = extend(held[1], members_, g) if with_group else extend(held[1], members_)
            if state is not None:
                out.append((g, facts_, state))
        return out

    def merge(self, store: Store) -> tuple[Any, MergeUpdate]:
        from ..merge import MergedRecord, _canonical_order
        from ..merge.blocks import components, is_star
        from ..merge.events import EventMerger, StarBlock, merge_event_units
        from ..merge.facts import extend_figure_summaries, figure_state, figure_summaries, figures_of_state, \
            merge_commitments, merge_relations, render_figures
        from ..merge.groups import (extend_org_group, extend_person_group, org_group, person_group,
                                    person_items_wanted, person_signature, registry_of)
        from .store import MergedBlocks

        out = MergedRecord()
        where: dict[int, tuple[int, int]] = {}  # id(merged record or conflict) -> (group, position)
        second: dict[int, int] = {}  # id(event conflict) -> the group of its second event
        pair: dict[int, tuple[int, int]] = {}  # id(event conflict) -> its clusters, in a group kept per cluster
        cluster_rows: dict[int, list[dict]] = {}  # group -> its clusters written
        partial: dict[int, set[int]] = {}  # group kept per cluster -> its clusters replaced
        fact_groups: dict[int, int] = {}
        old_groups: set[int] = set()
        merged_from: dict[int, set[int]] = {}  # group merged again from its facts -> the groups its facts were of
        states: dict[int, tuple[str, Any]] = {}
        items: dict[int, dict[str, Any]] = {}  # group -> items of its state written (merge_state_items)
        items_kept: set[int] = set()  # groups merged in place: their other items kept
        recomputed: set[int] = set()  # facts of the groups recomputed from all their facts
        in_place_groups: set[int] = set()
        apart: dict[tuple[int, int], list[dict]] = {}  # place -> sources added to its sources written apart
        lists: dict[tuple[int, int], dict[str, list]] = {}  # place -> items added to its lists written apart

        def merged_in_place(kind: str, extend: Any, **how: Any) -> tuple[list[tuple[int, Any]], set[int]]:
            """The groups of ``kind`` merged in place: ``(group, state)``, and the new facts they took."""
            done_: set[int] = set()
            out_ = []
            for g, new, state in self.in_place(store, kind, extend, **how):
                states[g] = (kind, state)
                old_groups.add(g)
                in_place_groups.add(g)
                for f in new:
                    fact_groups[f.id] = g
                    done_.add(f.id)
                out_.append((g, state))
            return out_, done_

        def groups_of(kinds: tuple[str, ...], extra_seeds: list[int] = (), done: set[int] = frozenset()
                      ) -> list[tuple[int, list[StoredFact]]]:
            seeds = [f.id for f in self.pending if f.kind in kinds and f.id not in done] + list(extra_seeds)
            found = self.closure(store, seeds)
            missing = [f for f in found if f not in self.known]
            for f in store.merge_facts(ids=missing) if missing else []:
                self.known[f.id] = f
            out_ = []
            for comp in components(found):
                facts_ = sorted((self.known[f] for f in comp), key=lambda f: (f.doc, f.position))
                for f in facts_:
                    fact_groups[f.id] = comp[0]
                    recomputed.add(f.id)
                    if f.merge_group is not None:
                        old_groups.add(f.merge_group)
                        merged_from.setdefault(comp[0], set()).add(f.merge_group)
                out_.append((comp[0], facts_))
            return out_

        def place(records: list[dict], group: int) -> list[dict]:
            for i, r in enumerate(records):
                where[id(r)] = (group, i)
            return records

        def members(facts_: list[StoredFact]) -> list[tuple[str, int, str | None, dict]]:
            return [(f.doc, f.position, f.date, f.record) for f in facts_]

        # persons first: events look them up
        new_persons: list[dict] = []
        person_updates: dict[int, Any] = {}

        stored_of: dict[str, dict[int, list]] = {"person": {}, "organisation": {}}  # kind -> group -> its rows
        person_items: dict[int, dict[str, Any]] = {}  # group -> the items of its state its new persons look up

        def prefetch(kind: str, **how: Any) -> Any:
            """Read the merged records of the groups about to be extended, all in one statement (``in_place``), and
            for persons the items of their states the new members look up (``person_items_wanted``)."""
            def read(groups: dict[int, tuple[dict, list]]) -> None:
                for row in store.merged_in_groups(kind, groups, **how) if groups else []:
                    stored_of[kind].setdefault(row[0], []).append(row)
                for g in groups:
                    stored_of[kind].setdefault(g, [])
                if kind == "person" and groups:
                    person_items.update(store.state_items_of({g: person_items_wanted(st, new)
                                                             for g, (st, new) in groups.items()}))
            return read

        def extend_persons(state: dict, new: list, group: int) -> dict | None:
            # the group's merged records (their documents and roles; their sources when not written apart) and
            # the items of the new roles
            olds = stored_of["person"].get(group)
            if olds is None:
                olds = store.merged_in_groups("person", [group], apart=True, lists=True)
            held = {i for i, (_g, _p, _r, n, _l) in enumerate(olds) if n is not None}  # sources apart
            listed = {i for i, (_g, _p, _r, _n, lst) in enumerate(olds) if lst}  # documents and roles apart
            held_items = person_items.get(group)
            done_ = extend_person_group(state, new, [r for _g, _p, r, _n, _l in olds],
                                        (lambda keys: store.state_items(group, keys)) if held_items is None else
                                        (lambda keys: {k: held_items[k] for k in keys if k in held_items}), apart=held,
                                        sources=lambda i, docs: store.sources_apart(group, olds[i][1], docs),
                                        listed=listed)
            if done_ is None or any(p != i for i, (_g, p, _r, _n, _l) in enumerate(olds)):
                return None
            if listed and len({_key_body(r) for r in done_.records}) != len(done_.records):
                return None  # two persons alike but for their lists: their keys' order cannot be told (merged whole)
            for i in held:  # what is added to the sources written apart: the sources the record now has
                apart[(group, i)] = done_.records[i]["sources"]
                done_.records[i] = dict(done_.records[i], sources=[])
            for i in listed:  # and to its documents and roles: those added or changed
                lists[(group, i)] = done_.lists.get(i, {"docs": [], "roles": []})
            person_updates[group] = done_
            return done_.state

        extended, done = merged_in_place("person", extend_persons, with_group=True,
                                         prefetch=prefetch("person", apart=True, lists=True))
        for g, _state in extended:
            update = person_updates[g]
            out.persons += place(update.records, g)
            out.conflicts += place(update.conflicts, g)
            new_persons += update.records
            items[g] = update.items
            items_kept.add(g)
        person_groups = groups_of(("person",), done=done)
        for g, facts_ in person_groups:
            recs, conflicts, state, its = person_group(members(facts_))
            states[g] = ("person", state)
            items[g] = its
            out.persons += place(recs, g)
            out.conflicts += place(conflicts, g)
            new_persons += recs
        replaced_person_groups = {f.merge_group for _, fs in person_groups for f in fs if f.merge_group is not None}
        replaced_person_groups |= {g for g, _state in extended}
        changed: set[str] = set()
        if not self.whole and replaced_person_groups | {g for g, _fs in person_groups}:
            old = [r for _g, _p, r in store.person_names(replaced_person_groups)]
            before, after = person_signature(old), person_signature(new_persons)
            changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        # events: those of the new facts' groups, and those naming a person whose look-up changed
        extra = []
        if changed:
            extra = sorted({f for f, _b, _u in store.fact_block_hits({("q" + k[1:], "") for k in changed})})

        person_records: dict[int, list[dict]] = {}  # stored persons read, by group
        person_group_of: dict[tuple[str, str], int | None] = {}  # a person key looked up -> its stored group, if any
        registries: dict[tuple[int, ...], Any] = {}  # the stored person groups a registry holds -> that registry

        def registry_for(facts_: list[StoredFact], records: list[dict] = ()):
            """A registry that finds the persons these events name as the one of every document does: of the new
            persons and those of the stored groups holding the keys of their names. Each key is looked up once, and
            a registry built once per set of such groups (the blocks extended in place ask again as their reports
            name more persons, most of whose keys were looked up already: ``ActorRegistry.match`` changes nothing
            in a registry, and the reads of an update share one read transaction)."""
            pkeys = {("p" + k[1:], "") for r in [*(f.record for f in facts_), *records] for k in self.participants(r)}
            others: set[int] = set()
            if not self.whole:
                todo = pkeys - person_group_of.keys()
                found = store.key_groups(todo) if todo else {}
                person_group_of.update((k, found.get(k)) for k in todo)
                others = {person_group_of[k] for k in pkeys} - {None} - replaced_person_groups
            held = tuple(sorted(others))
            if held in registries:
                return registries[held]
            unread = others - person_records.keys()
            for g in unread:
                person_records[g] = []
            for g, _p, r in store.person_names(unread) if unread else []:
                person_records[g].append(r)
            registries[held] = registry_of(new_persons + [r for g in held for r in person_records[g]])
            return registries[held]

        # the groups of blocks with an undated report (one group each, kept per cluster) that new reports
        # join: in place, reading and writing only the clusters they can meet
        done = set()
        if not self.whole and any(f.kind == "event" for f in self.pending):
            missing = [f for f in extra if f not in self.known]
            for f in store.merge_facts(ids=missing) if missing else []:
                self.known[f.id] = f

            def extend_events(header: dict, new: list, group: int) -> StarBlock | None:
                merger = EventMerger(registry_of([]))
                named: list[dict] = []
                covered: set[str] = set()

                def ensure(records: list[dict]) -> None:
                    # the persons these reports name, as the registry of every document finds them
                    keys = {k for r in records for k in self.participants(r)} - covered
                    if keys:
                        covered.update(keys)
                        named.extend(records)
                        merger.registry = registry_for([], named)

                block = StarBlock(merger, store.event_clusters(group), header, ensure)
                return block if block.extend([r for _d, _p, _t, r in new]) else None

            for g, new, block in self.in_place(store, "event", extend_events, star_only=True, with_group=True,
                                               exclude={self.known[f].merge_group for f in extra}):
                in_place_groups.add(g)
                for f in new:
                    fact_groups[f.id] = g
                    done.add(f.id)
                states[g] = ("event", block.header)
                cluster_rows[g] = block.rows()
                partial[g] = set(block.changed)
                held = block.apart()
                for cluster, rec in block.events().items():
                    if cluster in held:  # its stored sources kept: the new ones added
                        apart[(g, cluster)] = rec["sources"]
                        rec = dict(rec, sources=[])
                    out.events.append(rec)
                    where[id(rec)] = (g, cluster)
                for i, j, rec in block.conflicts():
                    out.conflicts.append(rec)
                    where[id(rec)], second[id(rec)], pair[id(rec)] = (g, i), g, (i, j)
        event_groups = groups_of(("event",), extra, done=done)
        if event_groups:
            neighbours = [] if self.whole else self.neighbours(store, event_groups, old_groups)
            registry = registry_for([f for _g, fs in event_groups + neighbours for f in fs])
            wanted = {g: None for g, fs in event_groups if any(is_star(k) for f in fs for k in self.links(f))}
            events, conflicts = merge_event_units([(g, [f.record for f in fs]) for g, fs in event_groups], registry,
                                                  [(g, [f.record for f in fs]) for g, fs in neighbours], wanted)
            for g, st in wanted.items():
                if st is not None:  # kept per cluster: the group's header, and a row per cluster
                    states[g], cluster_rows[g] = ("event", st[0]), st[1]
            for g, recs in events.items():
                out.events += place(recs, g)  # at the positions of their clusters
            for g, h, rec, i, j in conflicts:
                out.conflicts += place([rec], g)
                second[id(rec)] = h
                if g == h and wanted.get(g) is not None:
                    pair[id(rec)] = (i, j)
        extended, done = merged_in_place("figure", lambda st, new: (
            None if (held := figures_of_state(st)) is None
            or (x := extend_figure_summaries(held, [r for _d, _p, _t, r in new])) is None else {"figures": x}))
        for g, facts_ in groups_of(("figure",), done=done):
            extended.append((g, {"figures": figure_summaries([f.record for f in facts_])}))
        for g, state in extended:
            states[g] = ("figure", figure_state(state["figures"]))  # (without the sources kept apart)
            figures, conflicts = render_figures(state["figures"])
            for summary, rec in zip(state["figures"], figures):  # at the position of its summary's id
                if summary.get("partial"):  # its stored sources kept: the new ones added
                    apart[(g, summary["id"])] = rec["sources"]
                    rec = dict(rec, sources=[])
                out.figures.append(rec)
                where[id(rec)] = (g, summary["id"])
            out.conflicts += place(conflicts, g)
        for kind, merge_, into in (("relation", merge_relations, out.relations),
                                   ("commitment", merge_commitments, out.commitments)):
            done = set()
            for g, new, rec, added in ([] if self.whole else self.extended(store, kind)):
                into += place([rec], g)
                if added is not None:
                    apart[(g, 0)] = added
                old_groups.add(g)
                in_place_groups.add(g)
                for f in new:
                    fact_groups[f.id] = g
                    done.add(f.id)
            for g, facts_ in groups_of((kind,), done=done):
                into += place(merge_([f.record for f in facts_]), g)
        org_records: dict[int, dict] = {}

        def extend_orgs(state: dict, new: list, group: int) -> dict | None:
            olds = stored_of["organisation"].get(group)
            if olds is None:
                olds = store.merged_in_groups("organisation", [group], apart=True)
            if len(olds) != 1:
                return None
            _g, _p, old, n = olds[0]
            # its sources written apart: extended from none, what is added are the new sources, in their order
            done_ = extend_org_group(state, new, old)
            if done_ is None:
                return None
            rec = done_[1]
            if n is not None:
                apart[(group, 0)] = rec["sources"]
                rec = dict(rec, sources=[])
            org_records[group] = rec
            return done_[0]

        extended, done = merged_in_place("organisation", extend_orgs, with_group=True,
                                         prefetch=prefetch("organisation", apart=True))
        for g, _state in extended:
            out.organisations += place([org_records[g]], g)
        for g, facts_ in groups_of(("organisation",), done=done):
            recs, state = org_group(members(facts_))
            states[g] = ("organisation", state)
            out.organisations += place(recs, g)
        for f in self.pending:  # records no kind of merge takes (a person without a name, ...)
            fact_groups.setdefault(f.id, 0)
        if self.whole:  # the rows written in the order of refresh_merged (merged_rows needs no order)
            for name in ("events", "figures", "relations", "persons", "commitments", "organisations", "conflicts"):
                setattr(out, name, sorted(getattr(out, name), key=_canonical_order))
        rows, conflict_rows = merged_rows(out)
        if apart or lists:  # records alike but for their sources (a person: lists) are told apart by them: not by
            # those not read
            from .store import KeyCollision

            keys = {key for krows in rows.values() for key, _r, _n in krows}
            for krows in rows.values():
                for key, rec, _n in krows:
                    if (where[id(rec)] in apart or where[id(rec)] in lists) and ("#" in key or f"{key}#1" in keys):
                        raise KeyCollision(f"the merged key {key} is used by two records",
                                           "recompute the merged record whole")
        blocks = MergedBlocks(
            rows={kind: [(key, rec, n, *where[id(rec)]) for key, rec, n in krows] for kind, krows in rows.items()},
            conflicts=[(about, key, rec, where[id(rec)][0], second.get(id(rec)), *pair.get(id(rec), (None, None)))
                       for (about, key, rec) in conflict_rows],
            old_groups=old_groups, clusters=cluster_rows, partial=partial,
            # the facts whose merge group changes: those merged for the first time, and of groups joined (the others
            # keep theirs, the least fact id of the group); all of them when recomputed whole
            fact_groups=fact_groups if self.whole else {f: g for f, g in fact_groups.items()
                                                        if self.known[f].merge_group != g},
            fact_keys=self.fact_keys(fact_groups, merged_from),
            states=states, items=items, items_kept=items_kept, extended=apart, lists=lists)
        stats = MergeUpdate(whole=self.whole, new_facts=len(self.pending), facts=len(fact_groups),
                            groups=len({fact_groups[f] for f in recomputed} - {0}), records=len(out.records()),
                            in_place=len(in_place_groups), recomputed_facts=len(recomputed),
                            recomputed_kinds=dict(sorted(Counter(self.known[f].kind for f in recomputed).items())))
        return blocks, stats


def _plan_whole(store: Store) -> _Plan:
    plan = _Plan(whole=True)
    plan.add_pending(store.merge_facts())
    return plan


def _plan_incremental(store: Store) -> _Plan:
    plan = _Plan(whole=False)
    plan.add_pending(store.merge_facts(pending=True))
    return plan


__all__ = ["KEY_LEFT_OUT", "MERGED_KINDS", "REFRESH_ATTEMPTS", "MergeUpdate", "collector_paused", "compute_merged",
           "kb_fingerprint", "merged_rows", "refresh_merged", "update_merged", "MERGE_EVERY", "MergedAsStored"]
