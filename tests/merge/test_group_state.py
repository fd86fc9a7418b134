"""Merge groups of persons, figures and organisations kept as a state and extended in place
(``merge.groups``, ``merge.facts``): whatever the order documents come in, extending the state of the
documents merged so far with the next ones gives what merging all of them gives, or says it cannot
(None), never something else. Real facts: the sample corpus read by the pipeline, each article also
under other ids (other outlets) with its dates moved, so that every group gathers many documents."""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

import communique
from communique.errors import ModelNotInstalled
from communique.merge.facts import extend_figure_summaries, figure_summaries, merge_figures, render_figures
from communique.merge.groups import extend_org_group, extend_person_group, merge_person_group, org_group, person_group
from communique.names import fold_name

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "corpus"
SEED = int(os.environ.get("COMMUNIQUE_TEST_SEED", "0")) or random.randrange(1, 10 ** 6)


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, str | None, list[dict]]]:
    """``(doc, date, records)``: the sample corpus, and three copies of each article under ids that sort
    before, among and after the originals, the copies' years moved (so figures of other periods)."""
    try:
        facts = list(communique._pipeline("fr").process_paths([str(SAMPLES)], on_error=lambda e: None))
    except ModelNotInstalled as e:
        pytest.skip(f"the spaCy model is not installed: {e}")
    out = []
    for f in facts:
        recs = f.to_records()
        out.append((f.document.id, f.document.date, recs))
        for prefix, years in (("0-", 0), ("", 1), ("zz-", 2)):
            new = f"{prefix}{f.document.id}~{years}"
            text = json.dumps(recs, ensure_ascii=False).replace(json.dumps(f.document.id), json.dumps(new))
            for y in range(2030, 1990, -1):  # every year moved by `years` (from the last, so none twice)
                text = text.replace(f'"{y}', f'"{y + years}')
            out.append((new, f.document.date, json.loads(text)))
    return out


def later(doc: str, date: str | None, records: list[dict]) -> tuple[str, str | None, list[dict]]:
    """Another outlet's copy of a document, under an id read after every other."""
    new = f"zzz-{doc}"
    return new, date, json.loads(json.dumps(records, ensure_ascii=False).replace(json.dumps(doc), json.dumps(new)))


def members(docs, kind: str) -> list[tuple[str, int, str | None, dict]]:
    return [(doc, i, date, r) for doc, date, recs in docs for i, r in enumerate(recs) if r.get("kind") == kind]


def runs(documents, rng: random.Random) -> list[list]:
    """The documents shuffled, in batches of 1 to 8."""
    docs = list(documents)
    rng.shuffle(docs)
    out, i = [], 0
    while i < len(docs):
        n = rng.randint(1, 8)
        out.append(docs[i:i + n])
        i += n
    return out


class PersonGroup:
    """A person group as the store keeps it: its state, its merged records and conflicts, and its role items."""

    def __init__(self, members_):
        self.records, self.conflicts, self.state, self.items = person_group(members_)

    def extend(self, new) -> bool:
        done = extend_person_group(self.state, new, self.records, self.items)
        if done is None:
            return False
        self.state, self.records, self.conflicts = done.state, done.records, done.conflicts
        self.items.update(done.items)
        return True

    def output(self):
        return self.records, self.conflicts


def same(got, want) -> bool:
    """Records and conflicts equal as stored (conflicts in any order)."""
    return got[0] == want[0] and sorted(map(repr, got[1])) == sorted(map(repr, want[1]))


@pytest.mark.parametrize("round_", range(3))
def test_persons_extended_in_place_are_the_persons_of_a_whole_merge(documents, round_):
    rng = random.Random(SEED * 10 + round_)
    batches = runs(documents, rng)
    seen = list(batches[0])
    group = PersonGroup(members(seen, "person"))
    for batch in batches[1:]:
        seen += batch
        whole = merge_person_group([(d, t, [r for r in recs if r.get("kind") == "person"]) for d, t, recs in seen])
        if group.extend(members(batch, "person")):
            assert same(group.output(), whole), f"seed {SEED}"
        else:
            group = PersonGroup(members(seen, "person"))
        assert same(group.output(), whole)
    # more outlets telling the same persons, under ids read after every other: all merged in place
    more = [later(d, t, recs) for d, t, recs in documents]
    assert group.extend(members(more, "person"))
    assert same(group.output(), merge_person_group(
        [(d, t, [r for r in recs if r.get("kind") == "person"]) for d, t, recs in seen + more]))


@pytest.mark.parametrize("round_", range(3))
def test_person_groups_extended_in_place_are_those_of_a_whole_merge(documents, round_):
    """As the store keeps them: one group per connected component of the persons' keys, its documents
    shuffled, new ones sorting before, among and after those merged (their sources, documents and roles
    inserted in the stored records' lists), compared with a whole merge after each batch."""
    from communique.merge.blocks import components, link_keys

    rng = random.Random(SEED * 50 + round_)
    mem = members(documents, "person")
    in_place = 0
    for comp in components({i: link_keys(m[3]) for i, m in enumerate(mem)}):
        group_members = [mem[i] for i in comp]
        docs = sorted({m[0] for m in group_members})
        rng.shuffle(docs)
        seen = set(docs[:1])
        group = PersonGroup([m for m in group_members if m[0] in seen])
        while len(seen) < len(docs):
            batch = set(docs[len(seen):len(seen) + rng.randint(1, 3)])
            seen |= batch
            whole = merge_person_group([(m[0], m[2], [m[3]]) for m in group_members if m[0] in seen])
            if group.extend([m for m in group_members if m[0] in batch]):
                in_place += 1
                assert same(group.output(), whole), f"seed {SEED}"
            else:
                group = PersonGroup([m for m in group_members if m[0] in seen])
    assert in_place > 20, f"seed {SEED}"


def test_a_person_state_does_not_grow_with_the_documents(documents):
    """What an update reads whole (the state) is the same size after ten times the documents; only the
    merged records (written anyway) and the role items (looked up one by one) grow."""
    def copies(n):
        out = []
        for k in range(n):
            for d, t, recs in documents:
                new = f"{d}~copy{k:03d}"
                out.append((new, t, json.loads(json.dumps(recs, ensure_ascii=False).replace(json.dumps(d),
                                                                                           json.dumps(new)))))
        return out

    small = PersonGroup(members(copies(2), "person"))
    large = PersonGroup(members(copies(20), "person"))
    assert len(json.dumps(large.state)) < 1.02 * len(json.dumps(small.state))  # counts have more digits
    assert sum(len(r["sources"]) for r in large.records) > 5 * sum(len(r["sources"]) for r in small.records)


@pytest.mark.parametrize("round_", range(3))
def test_figures_extended_in_place_are_the_figures_of_a_whole_merge(documents, round_):
    rng = random.Random(SEED * 20 + round_)
    batches = runs(documents, rng)
    seen = list(batches[0])
    state = figure_summaries([dict(r, doc=d) for d, _p, _t, r in members(seen, "figure")])
    for batch in batches[1:]:
        seen += batch
        whole = merge_figures([dict(r, doc=d) for d, _p, _t, r in members(seen, "figure")])
        extended = extend_figure_summaries(state, [dict(r, doc=d) for d, _p, _t, r in members(batch, "figure")])
        if extended is not None:
            assert render_figures(extended) == whole, f"seed {SEED}"
            state = extended
        else:
            state = figure_summaries([dict(r, doc=d) for d, _p, _t, r in members(seen, "figure")])
        assert render_figures(state) == whole
    more = [later(d, t, recs) for d, t, recs in documents]
    extended = extend_figure_summaries(state, [dict(r, doc=d) for d, _p, _t, r in members(more, "figure")])
    assert extended is not None
    assert render_figures(extended) == merge_figures([dict(r, doc=d) for d, _p, _t, r in members(seen + more, "figure")])


@pytest.mark.parametrize("round_", range(3))
def test_organisations_extended_in_place_are_those_of_a_whole_merge(documents, round_):
    from communique.merge.facts import merge_organisations
    from communique.resolve import ActorRegistry

    rng = random.Random(SEED * 30 + round_)
    batches = runs(documents, rng)
    by_key: dict[str, list] = {}
    for m in members(documents, "organisation"):
        by_key.setdefault(m[3].get("code") or fold_name(m[3]["name"]), []).append(m)
    assert len(by_key) >= 3
    for key, group in by_key.items():
        seen_docs = {d for d, _t, _r in batches[0]}
        recs, state = org_group([m for m in group if m[0] in seen_docs])
        for batch in batches[1:]:
            docs = {d for d, _t, _r in batch}
            seen_docs |= docs
            new = [m for m in group if m[0] in docs]
            if not new:
                continue
            if state:
                done = extend_org_group(state, new, recs[0])
                assert done is not None  # an organisation is always merged in place
                state, recs = done[0], [done[1]]
            else:
                recs, state = org_group(new)
            mine = [(d, t, [r for r in recs_ if r.get("kind") == "organisation"
                            and (r.get("code") or fold_name(r["name"])) == key])
                    for d, t, recs_ in documents if d in seen_docs]
            assert recs == merge_organisations(ActorRegistry().add_all(mine)), f"seed {SEED}, {key}"
            assert "sources" not in state and "docs" not in state


def test_a_record_read_before_what_it_repeats_is_not_added_in_place():
    """A spelling first read in a later document than the new one: in the whole merge, the new record is
    read first and may start the person (and give its country): it cannot be placed from the state."""
    later = ("d2", 0, None, {"kind": "person", "name": "Jonas Gahr Støre", "country": "NOR", "sources": []})
    group = PersonGroup([later])
    earlier = ("d1", 0, None, {"kind": "person", "name": "Jonas Gahr Støre", "country": "NOR", "sources": []})
    assert not group.extend([earlier])
    after = ("d3", 0, None, {"kind": "person", "name": "Jonas Gahr Støre", "country": "NOR", "sources": []})
    assert group.extend([after])
    assert same(group.output(), merge_person_group([("d2", None, [later[3]]), ("d3", None, [after[3]])]))


@pytest.mark.parametrize("round_", range(3))
def test_events_of_a_block_with_an_undated_report_extended_in_place_are_those_of_a_whole_merge(documents, round_,
                                                                                            monkeypatch):
    """Clusters kept one by one (``MemoryClusters`` stands for the store's table): after each batch merged
    in place, the clusters (all of them, output again) and the record kept by replacing only the events and
    the conflicts of the clusters changed are those of a whole merge. Round 1 reads the clusters one at a
    time where a report without a full date looks for the first that takes it."""
    from communique.merge import events as events_module
    from communique.merge.events import EventMerger, MemoryClusters, StarBlock, merge_event_units, star_output
    from communique.records import Event
    from communique.resolve import ActorRegistry

    rng = random.Random(SEED * 40 + round_)
    if round_ == 1:
        monkeypatch.setattr(events_module, "PAGE", 1)
    registry = ActorRegistry().add_all(documents)
    merger = EventMerger(registry)
    blocks: dict[tuple, list[dict]] = {}
    for d, _t, recs in documents:
        for r in recs:
            if r.get("kind") == "event":
                blocks.setdefault(merger.block(Event.from_record(r)), []).append(dict(r, doc=d))
    # the blocks with an undated report (one merge group each), every document's copies in them
    wild = [rs for rs in blocks.values() if any(not (r.get("date_start") or "")[:4].isdigit() for r in rs)]
    assert wild
    in_place = 0

    def whole_state(records):
        """As the store merges a group whole: its events, clusters and conflicts (by cluster ids)."""
        states = {0: None}
        events, conflicts = merge_event_units([(0, records)], registry, states=states)
        header, rows = states[0]
        return (header, MemoryClusters(rows), {r["cluster"]: e for r, e in zip(rows, events[0])},
                {(i, j): rec for _u, _v, rec, i, j in conflicts})

    def unsourced(merged):
        """The events without their sources (what the clusters' states, which keep none, give) and conflicts."""
        return [dict(e, sources=[]) for e in merged[0]], merged[1]

    # another order of the documents until one batch at least was merged in place, so that the in-place path is
    # always checked (some orders merge none: every batch came with a report no cluster could take for sure; seed
    # 917027 drew one in CI)
    for _order in range(8):
        for records in wild:
            docs = sorted({r["doc"] for r in records})
            rng.shuffle(docs)
            seen = set(docs[:1])
            header, source, events, conflicts = whole_state([r for r in records if r["doc"] in seen])
            while len(seen) < len(docs):
                batch = set(docs[len(seen):len(seen) + rng.randint(1, 3)])
                seen |= batch
                whole = merger.merge([r for r in records if r["doc"] in seen])
                block = StarBlock(merger, source, header)
                if block.extend([r for r in records if r["doc"] in batch]):
                    in_place += 1
                    source.update(block.rows())
                    header = block.header
                    for i, rec in block.events().items():  # kept clusters: their sources kept, the new ones added
                        if i in block.apart():
                            rec = dict(rec, sources=sorted(events[i]["sources"] + rec["sources"], key=lambda x: x["doc"]))
                        events[i] = rec
                    # replaced: the conflicts between two clusters changed (one of a cluster changed with another
                    # is kept as it is)
                    conflicts = {k: v for k, v in conflicts.items() if not set(k) <= block.changed}
                    conflicts.update({(i, j): rec for i, j, rec in block.conflicts()})
                    assert star_output(merger, list(source.rows.values())) == unsourced(whole), f"seed {SEED}"
                    keys = {r["cluster"]: r["sort_key"] for r in source.rows.values()}
                    assert [events[i] for i in sorted(events, key=keys.get)] == whole[0], f"seed {SEED}"
                    assert sorted(map(repr, conflicts.values())) == sorted(map(repr, whole[1])), f"seed {SEED}"
                else:
                    header, source, events, conflicts = whole_state([r for r in records if r["doc"] in seen])
                assert star_output(merger, list(source.rows.values())) == unsourced(whole)
        if in_place:
            break
    assert in_place > 0, f"seed {SEED}"


def _without_sources(figures: tuple[list[dict], list[dict]]) -> tuple[list[dict], list[dict]]:
    """Merged figures without their sources (a state keeps those of a figure apart: the store holds them), and the
    conflicts."""
    merged, conflicts = figures
    return [dict(f, sources=None) for f in merged], conflicts


@pytest.mark.parametrize("round_", range(3))
def test_figures_extended_from_their_stored_state_are_those_of_a_whole_merge(documents, round_):
    """As the store keeps a figure group: its state written as JSON (``figure_state``: no documents, the summaries
    sharing one instead) and read back (``figures_of_state``) before each batch."""
    from communique.merge.facts import figure_state, figures_of_state

    rng = random.Random(SEED * 30 + round_)
    batches = runs(documents, rng)
    seen = list(batches[0])
    state = json.loads(json.dumps(figure_state(figure_summaries([dict(r, doc=d) for d, _p, _t, r
                                                                 in members(seen, "figure")]))))
    for batch in batches[1:]:
        assert not any("docs" in g for g in state["figures"])
        seen += batch
        whole = merge_figures([dict(r, doc=d) for d, _p, _t, r in members(seen, "figure")])
        extended = extend_figure_summaries(figures_of_state(state),
                                           [dict(r, doc=d) for d, _p, _t, r in members(batch, "figure")])
        if extended is not None:
            assert _without_sources(render_figures(extended)) == _without_sources(whole), f"seed {SEED}"
            state = json.loads(json.dumps(figure_state(extended)))
        else:
            state = json.loads(json.dumps(figure_state(figure_summaries([dict(r, doc=d) for d, _p, _t, r
                                                                         in members(seen, "figure")]))))


def test_a_figure_state_read_as_an_older_communique_wrote_it():
    """A state whose summaries hold their documents (before they were left out) is read with the summaries that
    share one instead."""
    from communique.merge.facts import figures_of_state

    state = {"figures": [{"first": {}, "best": {}, "sources": [], "src_docs": [], "docs": ["a", "b"], "id": 0},
                         {"first": {}, "best": {}, "sources": [], "src_docs": [], "docs": ["b"], "id": 1},
                         {"first": {}, "best": {}, "sources": [], "src_docs": [], "docs": ["c"], "id": 2}]}
    assert [g["shared"] for g in figures_of_state(state)] == [[1], [0], []]
    assert all("docs" not in g for g in figures_of_state(state))


def test_a_figure_state_does_not_grow_with_the_documents(documents):
    """Copies of the sample articles by other outlets (the same figures): the state of their figure groups is the
    same size with ten times the copies."""
    from communique.merge.facts import figure_state

    originals = [x for x in documents if "~" not in x[0]]

    def copies(n):
        out = []
        for k in range(n):
            for d, t, recs in originals:
                new = f"{d}~copy{k:03d}"
                out.append((new, t, json.loads(json.dumps(recs, ensure_ascii=False).replace(json.dumps(d),
                                                                                           json.dumps(new)))))
        return out

    def size(n):
        return len(json.dumps(figure_state(figure_summaries([dict(r, doc=d) for d, _p, _t, r
                                                             in members(copies(n), "figure")]))))

    assert size(20) < 1.05 * size(2)
