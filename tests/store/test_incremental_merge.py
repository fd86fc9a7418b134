"""The incremental merge (``update_merged``) stores exactly what a whole recompute stores, whatever the
order and the batches documents come in, on SQLite and PostgreSQL.

Hand-made per-document records (no spaCy model needed), then the sample corpus's real facts.
"""
from __future__ import annotations

import dataclasses
import json
import os
import random

import pytest

from communique.merge.blocks import components, link_keys
from communique.records import Document, DocumentFacts
from communique.store.merged import compute_merged, merged_rows, refresh_merged, update_merged

SEED = int(os.environ.get("COMMUNIQUE_TEST_SEED", "0")) or random.randrange(1, 10 ** 6)


class RecordFacts(DocumentFacts):
    """A document whose records are given as SCHEMA.md dicts."""

    def __init__(self, doc_id: str, records: list[dict], date: str | None = None):
        super().__init__(Document(doc_id, f"Texte du document {doc_id}. " + "x" * 40, date=date))
        self.records = [dict(r, doc=doc_id) for r in records]

    def to_records(self) -> list[dict]:
        return self.records


def src(start: int = 0, n: int = 10) -> dict:
    return {"start": start, "end": start + n, "text": "Texte du d"[:n]}


def meeting(date, people=(), countries=("CHL", "ARG"), typ="meeting", end=None):
    rec = {"kind": "event", "type": typ, "countries": list(countries), "date_start": date, "sources": [src()],
           "participants": [{"name": n, "country": c, "role": None} for n, c in people]}
    if end:
        rec["date_end"] = end
    return rec


def person(name, country, role="head_of_state"):
    return {"kind": "person", "name": name, "country": country, "roles": [{"role": role}], "sources": [src(0, 5)]}


def figure(value, period="2024", metric="trade", countries=("FRA", "VNM")):
    return {"kind": "figure", "metric": metric, "countries": list(countries), "value": value, "unit": "EUR",
            "period": period, "sources": [src(3, 4)]}


def relation(level="strategic_partnership", countries=("FRA", "VNM")):
    return {"kind": "relation", "countries": list(countries), "level": level, "sources": [src(1, 6)]}


def org(name, code=None):
    rec = {"kind": "organisation", "name": name, "sources": [src(2, 3)]}
    if code:
        rec["code"] = code
    return rec


#: documents chosen so that the cases of the brief meet: a person spelt two ways across documents, a
#: yearless date joined by a dated report, successor states, a conflict appearing with a second source
HAND_MADE = [
    ("d01", [meeting("2024-03-04", [("Shavkat Mirziyoyev", "UZB")], ("UZB", "TUR")), person("Shavkat Mirziyoyev", "UZB")]),
    ("d02", [meeting("2024-03-04", [("Chavkat Mirziyoïev", "UZB")], ("UZB", "TUR")), person("Chavkat Mirziyoïev", "UZB")]),
    ("d03", [meeting("2024-05-10", [("Chavkat Mirziyoïev", "UZB")], ("UZB", "KAZ")), person("Mirziyoïev", "UZB")]),
    ("d04", [meeting("--03-04", [], ("TUR", "UZB"))]),
    ("d05", [meeting("1985-11-19", [], ("SUN", "USA"), typ="call"), meeting("1985-11-20", [], ("RUS", "USA"), typ="call")]),
    ("d06", [meeting("1985-11-19", [], ("RUS", "USA"), typ="call")]),
    ("d07", [figure(100), figure(5, "2023", metric="investment")]),
    ("d08", [figure(130), relation()]),
    ("d09", [figure(101), relation(), org("Union européenne", "UE")]),
    ("d10", [meeting("2024-03-20", [("Ilham Aliyev", "AZE")], ("AZE", "FRA")), person("Ilham Aliyev", "AZE")]),
    ("d11", [meeting("2024-03-21", [("Inham Aliyev", "AZE")], ("AZE", "FRA")), person("Inham Aliyev", "AZE"),
             org("UE", "UE")]),
    ("d12", [meeting(None, [], ("AZE", "FRA")), meeting("2024-04-02", [], ("AZE", "FRA"))]),
    ("d13", [meeting("2024-03-01", [], ("AZE", "FRA"), end="2024-05-31"), person("Aliyev", "AZE")]),
    ("d14", [meeting("2024-07-01", [("Gabriel Boric", "CHL"), ("Javier Milei", "ARG")])]),
    ("d15", [meeting("2024-07-01", [("Gabriel Boric", "CHL"), ("Diana Mondino", "ARG")]),
             person("Gabriel Boric", "CHL"), person("Diana Mondino", "ARG", "foreign_minister")]),
    ("d16", [meeting("2024-08-05", [("Boric", "CHL")]), person("Boric", "CHL")]),
    ("d17", [meeting("2024-07-25", [("Javier Milei", "ARG")]), person("Javier Milei", "ARG"),
             person("Javier Milei", "ARG", "head_of_government")]),
]


def stored_record(store) -> tuple[list, list]:
    """The stored merged record, as comparable data: (kind, key, record, n_sources) and conflicts."""
    import sqlalchemy as sa

    rows = sorted(store.merged_table())  # records whose sources are written apart: put together
    with store.engine.connect() as conn:
        conf = sorted((k, key, rec) for k, key, rec in conn.execute(sa.text("SELECT kind, key, record FROM conflicts")))
    return [(k, key, json.loads(r), n) for k, key, r, n in rows], [(k, key, json.loads(r)) for k, key, r in conf]


def expected_record(store) -> tuple[list, list]:
    record, _n = compute_merged(store)
    rows, conflicts = merged_rows(record)
    merged = sorted((kind, key, json.dumps(rec, ensure_ascii=False), n) for kind, rs in rows.items()
                    for key, rec, n in rs)
    conf = sorted((about, key, json.dumps(rec, ensure_ascii=False)) for about, key, rec in conflicts)
    return [(k, key, json.loads(r), n) for k, key, r, n in merged], [(k, key, json.loads(r)) for k, key, r in conf]


def batches(items: list, rng: random.Random) -> list[list]:
    out, i = [], 0
    while i < len(items):
        n = rng.randint(1, 4)
        out.append(items[i:i + n])
        i += n
    return out


def test_blocks_keep_what_merges_together():
    """Every pair the whole merge joins shares a merge group (the hand-made documents)."""
    recs = [dict(r, doc=d) for d, rs in HAND_MADE for r in rs if r["kind"] == "event"]
    groups = components({i: link_keys(r) for i, r in enumerate(recs)})
    group_of = {i: n for n, g in enumerate(groups) for i in g}
    # the yearless and the dated report of the UZB-TUR meeting, the Soviet and the Russian call
    uzb = [i for i, r in enumerate(recs) if set(r["countries"]) == {"UZB", "TUR"}]
    calls = [i for i, r in enumerate(recs) if r["type"] == "call"]
    assert len({group_of[i] for i in uzb}) == 1 and len({group_of[i] for i in calls}) == 1
    # the undated AZE-FRA meeting joins every AZE-FRA meeting; CHL-ARG in July and August stay apart
    aze = [i for i, r in enumerate(recs) if set(r["countries"]) == {"AZE", "FRA"}]
    assert len({group_of[i] for i in aze}) == 1
    chl = [i for i, r in enumerate(recs) if set(r["countries"]) == {"CHL", "ARG"}]
    # 1 and 25 July share a month, 5 August is a group of its own (its conflicts are looked for in July)
    assert len({group_of[i] for i in chl}) == 2


@pytest.mark.parametrize("round_", range(3))
def test_incremental_merge_equals_a_whole_recompute_in_any_order_and_batches(open_, round_):
    rng = random.Random(SEED * 10 + round_)
    docs = list(HAND_MADE)
    rng.shuffle(docs)
    store = open_()
    for batch in batches(docs, rng):
        for doc_id, recs in batch:
            assert store.add(RecordFacts(doc_id, recs))
        update = update_merged(store)
        assert update.new_facts == sum(len(r) for _d, r in batch)
        assert stored_record(store) == expected_record(store), f"seed {SEED}"
    # the cases really happened: one Mirziyoyev, the conflict of two values, the Soviet call merged
    persons = [rec for k, _key, rec, _n in stored_record(store)[0] if k == "person"]
    assert sum(1 for p in persons if "Mirziyo" in p["name"]) == 1
    assert any(c[2].get("about") == "figure" for c in stored_record(store)[1])
    assert update_merged(store).facts == 0  # nothing new: nothing recomputed


def test_refresh_merged_then_update_recomputes_whole_once(open_):
    store = open_()
    for doc_id, recs in HAND_MADE[:6]:
        store.add(RecordFacts(doc_id, recs))
    refresh_merged(store)
    assert update_merged(store).whole
    for doc_id, recs in HAND_MADE[6:]:
        store.add(RecordFacts(doc_id, recs))
    update = update_merged(store)
    assert not update.whole and stored_record(store) == expected_record(store)
    assert update_merged(store, full=True).whole and stored_record(store) == expected_record(store)


def test_incremental_merge_of_the_sample_corpus_equals_a_whole_recompute(open_, sample_facts):
    rng = random.Random(SEED)
    # the real facts twice, the second time under other ids and a year later: merges across documents
    later = []
    for df in sample_facts:
        d = dataclasses.replace(df.document, id=df.document.id + "-bis", text=df.document.text + " ")
        text = json.dumps(df.to_records(), ensure_ascii=False).replace('"2024-', '"2025-')
        recs = json.loads(text.replace(json.dumps(df.document.id), json.dumps(d.id)))
        later.append(RecordFacts.__new__(RecordFacts))
        DocumentFacts.__init__(later[-1], d)
        later[-1].records = [dict(r, doc=d.id) for r in recs]
    docs = list(sample_facts) + later
    rng.shuffle(docs)
    # and a third copy of the first document last, alone: whatever the batches were, its groups are stored already
    # (some random batchings, about one seed in a hundred, leave no group to merge in place before it)
    d = dataclasses.replace(sample_facts[0].document, id=sample_facts[0].document.id + "-ter",
                            text=sample_facts[0].document.text + "  ")
    third = RecordFacts.__new__(RecordFacts)
    DocumentFacts.__init__(third, d)
    third.records = [dict(r, doc=d.id) for r in json.loads(json.dumps(sample_facts[0].to_records(), ensure_ascii=False)
                                                           .replace(json.dumps(sample_facts[0].document.id),
                                                                    json.dumps(d.id)))]
    store = open_()
    in_place = 0
    for batch in [*batches(docs, rng), [third]]:
        for df in batch:
            assert store.add(df)
        in_place += update_merged(store).in_place
        assert stored_record(store) == expected_record(store), f"seed {SEED}"
    assert store.check() == []
    assert in_place > 0  # some groups were merged in place


def copies(sample_facts, tag: str) -> list[RecordFacts]:
    """Another outlet's copy of each sample document, under an id read after the others (``tag``)."""
    out = []
    for df in sample_facts:
        d = dataclasses.replace(df.document, id=f"{tag}-{df.document.id}", text=f"{df.document.text} {tag}")
        recs = json.loads(json.dumps(df.to_records(), ensure_ascii=False).replace(json.dumps(df.document.id),
                                                                                 json.dumps(d.id)))
        out.append(RecordFacts.__new__(RecordFacts))
        DocumentFacts.__init__(out[-1], d)
        out[-1].records = [dict(r, doc=d.id) for r in recs]
    return out


def test_persons_figures_and_organisations_are_merged_in_place(open_, sample_facts):
    """New outlets telling the same persons, figures and organisations: their groups are extended from
    their stored state (none of their earlier facts read again), and every touched group is written: each
    merged person and organisation, and each figure, then names the new documents too."""
    store = open_()
    for df in sample_facts:
        assert store.add(df)
    assert update_merged(store).whole
    kinds = ("person", "figure", "organisation")
    before = {k: len([r for kk, _key, r, _n in stored_record(store)[0] if kk == k]) for k in kinds}
    assert all(before.values()), before
    for tag in ("x1", "x2"):
        for df in copies(sample_facts, tag):
            assert store.add(df)
        update = update_merged(store)
        assert stored_record(store) == expected_record(store), tag
        assert update.in_place >= sum(before.values()) // 2, update
        # no person, figure or organisation was merged again from its facts
        assert not set(update.recomputed_kinds) & set(kinds), update
        for kind in kinds:
            recs = [r for k, _key, r, _n in stored_record(store)[0] if k == kind]
            assert len(recs) == before[kind]  # the same facts, told by more documents
            assert all(any(s["doc"].startswith(tag) for s in r["sources"]) for r in recs), (kind, tag)


def busy_dyad_documents(rng: random.Random) -> list[tuple[str, list[dict]]]:
    """One dyad meeting every 20 days for two years, each meeting told by two articles that may date it a
    day or a month apart (conflicts), with undated and yearless reports and a figure per quarter: the
    data whose merge groups chain from one meeting to the next."""
    import datetime as dt

    docs = []
    day = dt.date(2022, 1, 3)
    for k in range(36):
        d = day + dt.timedelta(days=20 * k)
        for art in "ab":
            shift = rng.choice([0, 0, 1, 30]) if art == "b" else 0
            date = (d + dt.timedelta(days=shift)).isoformat()
            if rng.random() < 0.08:
                date = None
            elif rng.random() < 0.08:
                date = "-" + date[4:]  # "--MM-DD"
            people = [("Emmanuel Macron", "FRA")] if rng.random() < 0.5 else [("To Lam", "VNM")]
            recs = [meeting(date, people, ("FRA", "VNM")), person(*people[0])]
            if k % 5 == 0:
                recs.append(figure(100 + rng.choice([0, 1, 40]), period=f"{d.year}-{d.month:02d}"))
            docs.append((f"{art}{k:03d}", recs))
    return docs


@pytest.mark.parametrize("round_", range(2))
def test_incremental_merge_of_a_busy_dyad_equals_a_whole_recompute(open_, round_):
    rng = random.Random(SEED * 7 + round_)
    docs = busy_dyad_documents(rng)
    rng.shuffle(docs)
    store = open_()
    parts = batches(docs, rng)
    for batch in parts[:12] + [[d for b in parts[12:] for d in b]]:  # a few at a time, then the rest at once
        for doc_id, recs in batch:
            assert store.add(RecordFacts(doc_id, recs))
        update_merged(store)
        assert stored_record(store) == expected_record(store), f"seed {SEED}"
    assert any(c[2].get("about") == "event" for c in stored_record(store)[1])


def test_a_date_conflict_across_two_merge_groups_is_kept_when_either_side_changes(open_):
    """28 March and 10 April are two merge groups (no shared month) but one conflict: it is stored with
    both groups, found again when the April side is recomputed alone, then when the March side is."""
    import sqlalchemy as sa

    store = open_()
    steps = [[("m1", [meeting("2024-03-28", countries=("FRA", "VNM"))])],
             [("a1", [meeting("2024-04-10", countries=("FRA", "VNM"))])],
             [("a2", [meeting("2024-04-10", countries=("FRA", "VNM"))])],   # the April side only
             [("m2", [meeting("2024-03-28", countries=("FRA", "VNM"))])],   # the March side only
             [("z1", [meeting("2024-06-30", countries=("FRA", "VNM"))])]]   # far from both: not read
    for step in steps:
        for doc_id, recs in step:
            store.add(RecordFacts(doc_id, recs))
        update = update_merged(store)
        assert stored_record(store) == expected_record(store)
    assert update.facts == 1  # the June meeting's group alone was recomputed
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT block, block2, record FROM conflicts")).all()
    assert len(rows) == 1 and rows[0].block2 is not None and rows[0].block != rows[0].block2
    assert sorted(json.loads(rows[0].record)["values"]) == ["2024-03-28", "2024-04-10"]


def test_relations_and_commitments_extended_in_place_equal_a_whole_recompute(open_):
    """A relation told by more and more documents is extended from its stored record (its facts are not
    read again), whether the new document sorts first (it then gives the record), in the middle or
    last; a document telling it twice, or without a source, makes the group be recomputed whole."""
    from communique.store.merged import _Plan

    commitment = {"kind": "commitment", "countries": ["FRA", "VNM"], "domain": "trade",
                  "text": "doubler les échanges", "sources": [src(5, 4)]}
    steps = [["d05", "d07"], ["d01"], ["d06"], ["d09", "d08"], ["d02"], ["d03"], ["d04"]]
    store = open_()
    extended = 0
    for step in steps:
        for doc_id in step:
            recs = [relation(), commitment]
            if doc_id == "d02":  # told twice: the next update cannot extend in place
                recs.append(dict(relation(), sources=[src(7, 3)]))
            if doc_id == "d04":
                recs = [dict(relation(), sources=[])]
            store.add(RecordFacts(doc_id, recs))
        plan = _Plan(whole=False)
        plan.add_pending(store.merge_facts(pending=True))
        extended += len(plan.extended(store, "relation")) + len(plan.extended(store, "commitment"))
        update_merged(store)
        assert stored_record(store) == expected_record(store)
    # both kinds in place at d01, d06, d08-d09 and d02 (told twice, but as a new document); after it
    # the relation is recomputed whole (d03, d04), the commitment still extended (d03; d04 has none)
    assert extended == 2 * 4 + 1
    merged = [rec for k, _key, rec, n in stored_record(store)[0] if k == "relation"]
    assert len(merged) == 1 and [s["doc"] for s in merged[0]["sources"]][:3] == ["d01", "d02", "d02"]


def test_a_person_renamed_in_place_renames_it_in_the_events_that_name_it(open_):
    """A new article makes another spelling of a person the most used: the person, merged in place, takes
    that name, and so do the events of earlier articles that name the person (their groups are merged
    again although no new event joins them)."""
    store = open_()
    store.add(RecordFacts("d1", [meeting("2025-05-09", [("Alexandre Loukachenko", "BLR")], ("VNM", "BLR")),
                                 person("Alexandre Loukachenko", "BLR")]))
    store.add(RecordFacts("d2", [person("Aleksandr Loukachenko", "BLR")]))
    update_merged(store)
    assert stored_record(store) == expected_record(store)
    store.add(RecordFacts("d3", [person("Aleksandr Loukachenko", "BLR")]))
    update = update_merged(store)
    assert update.in_place == 1 and "person" not in update.recomputed_kinds, update
    assert stored_record(store) == expected_record(store)
    events = [r for k, _key, r, _n in stored_record(store)[0] if k == "event"]
    assert [p["name"] for p in events[0]["participants"]] == ["Aleksandr Loukachenko"]


def test_events_of_a_block_with_an_undated_report_are_merged_in_place_where_that_is_exact(open_):
    """The meetings of one pair with an undated report are one merge group: a later article's report joins
    it in place (its earlier reports not read again); a report read before the others, which could take
    later reports into a group of its own, makes the group be merged whole; the record is the whole
    recompute's every time."""
    store = open_()
    store.add(RecordFacts("e1", [meeting(None, [("Ilham Aliyev", "AZE")], ("AZE", "FRA"))]))
    store.add(RecordFacts("e2", [meeting("2024-04-02", [("Ilham Aliyev", "AZE")], ("AZE", "FRA"))]))
    update_merged(store)
    for doc_id, date, in_place in (("e3", None, True), ("e4", "2024-04-02", True), ("e0", "2024-05-10", False)):
        store.add(RecordFacts(doc_id, [meeting(date, [("Ilham Aliyev", "AZE")], ("AZE", "FRA"))]))
        update = update_merged(store)
        assert stored_record(store) == expected_record(store), doc_id
        assert ("event" not in update.recomputed_kinds) == in_place and update.in_place == int(in_place), (doc_id, update)
    # e0, read first, took the undated reports (e1, e3) away from the April meeting (e2, e4)
    events = [r for k, _key, r, _n in stored_record(store)[0] if k == "event"]
    assert sorted([s["doc"] for s in e["sources"]] for e in events) == [["e0", "e1", "e3"], ["e2", "e4"]]


def _merged_ids(store) -> dict[int, tuple]:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return {i: (key, rec) for i, key, rec in conn.execute(sa.text(
            "SELECT id, key, record FROM merged_facts WHERE kind = 'event'"))}


def test_a_block_with_an_undated_report_is_kept_per_cluster_and_new_reports_read_only_those_they_meet(open_,
                                                                                                      monkeypatch):
    """A pair meeting once a week for two years, with an undated report: one merge group of about a hundred
    clusters. New reports (a new week, a week told again, an undated one) are merged in place: they read a
    handful of clusters (those whose dates meet theirs, and for the undated report those started before it
    up to the one that takes it; and for the date conflicts, those whose first report starts within a
    month), the merged events of the other clusters are not written again (same row ids), and the record
    is the whole recompute's."""
    import datetime as dt

    from communique.store import store as store_module

    read: list[int] = []
    clusters = store_module.Store.event_clusters

    def counted(self, group):
        source = clusters(self, group)
        for name in ("dated_before", "ordered_before", "near"):
            method = getattr(source, name)

            def wrapped(*a, _m=method):
                rows = _m(*a)
                read.extend(r["cluster"] for r in rows)
                return rows
            setattr(source, name, wrapped)
        return source

    monkeypatch.setattr(store_module.Store, "event_clusters", counted)
    store = open_()
    day = dt.date(2022, 1, 3)
    people = [("Emmanuel Macron", "FRA")]
    for k in range(100):
        store.add(RecordFacts(f"w{k:03d}", [meeting((day + dt.timedelta(weeks=k)).isoformat(), people, ("FRA", "VNM"))]))
    store.add(RecordFacts("z000", [meeting(None, people, ("FRA", "VNM"))]))  # joins the first week's cluster
    update_merged(store)
    assert stored_record(store) == expected_record(store)
    before = _merged_ids(store)
    assert len(before) == 100
    steps = [("w100", (day + dt.timedelta(weeks=100)).isoformat()),  # a new week, after the others
             ("x050", (day + dt.timedelta(weeks=50)).isoformat()),  # a week told again by a later article
             ("y000", None)]  # undated: joins the first cluster that accepts it (the first week's)
    for doc_id, date in steps:
        read.clear()
        store.add(RecordFacts(doc_id, [meeting(date, people, ("FRA", "VNM"))]))
        update = update_merged(store)
        assert stored_record(store) == expected_record(store), doc_id
        assert update.in_place == 1 and "event" not in update.recomputed_kinds, (doc_id, update)
        assert len(set(read)) <= 12, (doc_id, len(set(read)))
        after = _merged_ids(store)
        kept = set(before) & set(after)
        assert len(kept) >= len(before) - 1, doc_id  # one merged event written again at most
        before = after


def test_date_conflicts_of_a_block_kept_per_cluster_follow_the_clusters_changed(open_):
    """In a block with an undated report, the date conflicts are replaced for the clusters a new article
    changes only: one article telling both datings makes the two clusters share a document (no conflict
    any more); a new dating a few days away conflicts with both; a dating months away with none; a report
    joining a cluster far from the others changes none; one joining a cluster in conflict with two others keeps
    both conflicts (those of a cluster changed with clusters not changed are kept, not written again)."""
    people = [("Emmanuel Macron", "FRA")]
    store = open_()
    for doc_id, dates in (("a1", ["2024-03-01"]), ("b1", ["2024-03-20"]), ("k1", ["2024-09-10"]), ("z1", [None])):
        store.add(RecordFacts(doc_id, [meeting(d, people, ("FRA", "VNM")) for d in dates]))
    update_merged(store)
    assert stored_record(store) == expected_record(store)
    assert len(stored_record(store)[1]) == 1  # 1 and 20 March
    for doc_id, dates, n in (("c1", ["2024-03-01", "2024-03-20"], 0), ("d1", ["2024-03-26"], 2),
                             ("e1", ["2024-12-01"], 2), ("m1", ["2024-09-10"], 2), ("f1", ["2024-03-26"], 2)):
        store.add(RecordFacts(doc_id, [dict(meeting(d, people, ("FRA", "VNM")), sources=[src(i * 10)])
                                       for i, d in enumerate(dates)]))
        update = update_merged(store)
        assert update.in_place == 1 and "event" not in update.recomputed_kinds, (doc_id, update)
        assert stored_record(store) == expected_record(store), doc_id
        assert len(stored_record(store)[1]) == n, doc_id


def test_merged_rows_number_records_alike_in_their_canonical_order_whatever_order_they_come_in():
    """Two merged events alike but for their sources get the key and the key with "#1" by their canonical
    order, in whichever order they are given (the incremental update writes its records unsorted)."""
    from communique.merge import MergedRecord

    a = dict(meeting("2024-03-04", [("Tô Lâm", "VNM")], ("FRA", "VNM")), sources=[dict(src(0), doc="d1")])
    b = dict(a, sources=[dict(src(5), doc="d2")])
    other = meeting("2024-05-01", [], ("FRA", "VNM"))
    first = merged_rows(MergedRecord(events=[a, other, b]))[0]["event"]
    second = merged_rows(MergedRecord(events=[b, other, a]))[0]["event"]
    assert sorted(first, key=repr) == sorted(second, key=repr)
    keys = {json.dumps(rec["sources"]): key for key, rec, _n in first}
    assert keys[json.dumps(a["sources"])] + "#1" == keys[json.dumps(b["sources"])]


def test_a_record_kept_before_the_clusters_is_recomputed_whole_once_after_the_upgrade(open_, db_url):
    """A database whose merged record was kept by revision 0006 (a block's events as one state) is upgraded
    by 0007: its merge state is dropped, so the next update recomputes whole and keeps the clusters; the
    one after is in place again."""
    import sqlalchemy as sa

    from communique.store import migrate

    from .test_migrations import raw_engine

    store = open_()
    for doc_id, recs in HAND_MADE[:12]:
        store.add(RecordFacts(doc_id, recs))
    update_merged(store)
    store.close()
    with raw_engine(db_url) as engine, engine.begin() as conn:
        migrate.downgrade(conn, "0006")
        conn.execute(sa.text("INSERT INTO merge_state (id, generation) VALUES (1, 7)"))
    store = open_()  # upgraded to the head
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM merge_state")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM merge_event_clusters")).scalar_one() == 0
    store.add(RecordFacts(*HAND_MADE[12]))
    assert update_merged(store).whole
    assert stored_record(store) == expected_record(store)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM merge_event_clusters")).scalar_one() > 0
    store.add(RecordFacts("d99", [meeting("2024-04-02", [], ("AZE", "FRA"))]))
    update = update_merged(store)
    assert not update.whole and update.in_place >= 1 and stored_record(store) == expected_record(store)


def _state_traffic(store, monkeypatch) -> dict[str, int]:
    """Count what an update reads and writes of the merge groups' states (``merge_group_state`` and
    ``merge_state_items``), in characters of JSON, by kind, and the merged records it reads."""
    from communique.store import store as store_module

    traffic: dict[str, int] = {}

    def count(what: str, data) -> None:
        traffic[what] = traffic.get(what, 0) + len(json.dumps(data, ensure_ascii=False, sort_keys=True))

    group_states, state_items = store_module.Store.group_states, store_module.Store.state_items
    state_items_of = store_module.Store.state_items_of
    merged_in_groups, replace = store_module.Store.merged_in_groups, store_module.Store.replace_merged_blocks

    def read_states(self, groups):
        out = group_states(self, groups)
        for kind, state in out.values():
            count(f"state read {kind}", state)
        return out

    def read_items(self, group, keys):
        out = state_items(self, group, keys)
        count("items read", out)
        return out

    def read_items_of(self, wanted):  # (those of many groups at once)
        out = state_items_of(self, wanted)
        for items in out.values():
            count("items read", items)
        return out

    def read_records(self, kind, groups, **kw):
        out = merged_in_groups(self, kind, groups, **kw)
        count(f"records read {kind}", [r[2] for r in out])
        return out

    def write(self, blocks, **kw):
        for kind, state in blocks.states.values():
            count(f"state written {kind}", state)
        count("items written", blocks.items)
        for kind, rows in blocks.rows.items():
            if rows:
                count(f"records written {kind}", [r[1] for r in rows])
        count("sources added", sorted(getattr(blocks, "extended", {}).values(), key=str))
        count("lists added", sorted(getattr(blocks, "lists", {}).values(), key=str))
        return replace(self, blocks, **kw)

    monkeypatch.setattr(store_module.Store, "group_states", read_states)
    monkeypatch.setattr(store_module.Store, "state_items", read_items)
    monkeypatch.setattr(store_module.Store, "state_items_of", read_items_of)
    monkeypatch.setattr(store_module.Store, "merged_in_groups", read_records)
    monkeypatch.setattr(store_module.Store, "replace_merged_blocks", write)
    return traffic


def test_the_state_an_update_reads_and_writes_does_not_grow_with_the_documents(open_, monkeypatch):
    """A person and an organisation told by every article (each of its own date, so the person gathers a role
    of each date): adding one article reads and writes as much of their groups' states into 10 articles as
    into 100, and as much of their merged records (their sources, and the person's documents and roles, are
    written apart: only the new ones are written)."""
    import datetime as dt

    store = open_()
    day = dt.date(2020, 1, 6)
    sizes = {}
    done = 0
    for n, new in ((10, "p004b"), (100, "p050b")):
        for k in range(done, n):
            date = (day + dt.timedelta(weeks=k)).isoformat()
            store.add(RecordFacts(f"p{k:03d}", [person("Gabriel Boric", "CHL"), org("Union européenne", "UE")],
                                  date=date))
        done = n
        update_merged(store)
        traffic = _state_traffic(store, monkeypatch)
        # a new article sorting among the others, of the same date as the one before it (its role of that
        # date is looked up: the one kept is the earlier article's)
        date = (day + dt.timedelta(weeks=int(new[1:4]))).isoformat()
        store.add(RecordFacts(new, [person("Gabriel Boric", "CHL"), org("Union européenne", "UE")], date=date))
        update = update_merged(store)
        monkeypatch.undo()
        assert not update.whole and update.in_place == 2 and not update.recomputed_facts, update
        assert stored_record(store) == expected_record(store)
        sizes[n] = traffic
    small, large = sizes[10], sizes[100]
    assert small.keys() == large.keys() and "state read person" in small and small["items read"] > 20
    assert "records written organisation" in small and "records read organisation" in small
    assert small["lists added"] > 20  # the new document and role
    for what in small:
        assert abs(large[what] - small[what]) <= 8, (what, small[what], large[what])  # counts: more digits


def test_a_person_merged_in_place_keeps_its_key_and_its_documents_and_roles_apart(open_):
    """A person told by every article, each of its own date: its merged record's key stays as articles are added
    (a hash of its name, spellings and country), its documents and roles are rows of ``merged_fact_lists`` (one
    per document and per role of a date), and an article read before another of the same date gives the role of
    that date (its row replaced); the record read back is the whole recompute's."""
    import datetime as dt

    import sqlalchemy as sa

    store = open_()
    day = dt.date(2020, 1, 6)
    for k in range(12):
        store.add(RecordFacts(f"p{k:03d}", [person("Gabriel Boric", "CHL")], date=(day + dt.timedelta(weeks=k)).isoformat()))
    assert update_merged(store).whole

    def person_row():
        rows = [(key, n) for kind, key, _r, n in stored_record(store)[0] if kind == "person"]
        assert len(rows) == 1
        return rows[0]

    def lists():
        with store.engine.connect() as conn:
            return dict(conn.execute(sa.text("SELECT field, count(*) FROM merged_fact_lists GROUP BY field")).all())

    key, _n = person_row()
    assert lists() == {"docs": 12, "roles": 12}
    # a new date; then an article read before p004 (p003z), of p004's date, in another title: its role is kept
    for doc_id, week, title in (("p012", 12, None), ("p003z", 4, "Président du Chili")):
        rec = person("Gabriel Boric", "CHL")
        if title:
            rec["roles"] = [dict(rec["roles"][0], title=title)]
        store.add(RecordFacts(doc_id, [rec], date=(day + dt.timedelta(weeks=week)).isoformat()))
        update = update_merged(store)
        assert not update.whole and update.in_place == 1 and not update.recomputed_facts, update
        assert stored_record(store) == expected_record(store), doc_id
        assert person_row()[0] == key, doc_id
    assert lists() == {"docs": 14, "roles": 13}
    merged = [r for r in store.merged("person")][0]
    assert [r.get("title") for r in merged["roles"] if r["as_of"] == (day + dt.timedelta(weeks=4)).isoformat()] == \
        ["Président du Chili"]
    assert len(merged["docs"]) == 14 and merged["docs"] == sorted(merged["docs"])
    with store.engine.connect() as conn:
        raw = json.loads(conn.execute(sa.text("SELECT record FROM merged_facts WHERE kind = 'person'")).scalar_one())
    assert raw["docs"] == [] and raw["roles"] == [] and raw["sources"] == []  # written apart


def test_role_conflicts_of_a_person_follow_the_articles_merged_in_place(open_):
    """Two exclusive offices of one month from two articles are a conflict, between the first article of
    each: an article read between them giving one office changes its sources; a conflict in another month
    appears with its second article, and goes when an article read before both gives both offices (one
    article each office first); each update in place."""
    def roles(doc_id, date, *offices):
        rec = dict(person("Gabriel Boric", "CHL"), roles=[{"role": r} for r in offices])
        return RecordFacts(doc_id, [rec], date=date)

    store = open_()
    store.add(roles("a0", "2024-01-10", "head_of_state", "head_of_government"))  # one article: no conflict
    store.add(roles("a3", "2024-03-01", "head_of_state"))
    store.add(roles("a5", "2024-03-20", "head_of_government"))
    update_merged(store)
    assert len(stored_record(store)[1]) == 1
    for facts, n in ((roles("a4", "2024-03-05", "head_of_government"), 1),
                     (roles("a7", "2024-04-02", "head_of_government"), 1),
                     (roles("a8", "2024-04-03", "head_of_state"), 2),
                     (roles("a6", "2024-04-09", "head_of_state", "head_of_government"), 1),
                     (roles("a9", "2024-04-02", "head_of_government"), 1)):
        store.add(facts)
        update = update_merged(store)
        assert update.in_place == 1 and not update.recomputed_facts, (facts.document.id, update)
        assert stored_record(store) == expected_record(store), facts.document.id
        assert len(stored_record(store)[1]) == n, facts.document.id


def test_a_record_kept_with_whole_states_is_recomputed_whole_once_after_the_upgrade(open_, db_url):
    """A database whose merged record was kept by revision 0007 (a person's sources, documents and roles in
    its group's state) is upgraded by 0008: its merge state is dropped, so the next update recomputes whole
    and keeps the new states and their items; the one after is in place again."""
    import sqlalchemy as sa

    from communique.store import migrate

    from .test_migrations import raw_engine

    store = open_()
    for doc_id, recs in HAND_MADE[:14]:
        store.add(RecordFacts(doc_id, recs))
    update_merged(store)
    store.close()
    with raw_engine(db_url) as engine, engine.begin() as conn:
        migrate.downgrade(conn, "0007")
        assert "merge_state_items" not in sa.inspect(conn).get_table_names()
        conn.execute(sa.text("INSERT INTO merge_state (id, generation) VALUES (1, 7)"))
    store = open_()  # upgraded to the head
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM merge_state")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM merge_state_items")).scalar_one() == 0
    store.add(RecordFacts(*HAND_MADE[14]))
    assert update_merged(store).whole
    assert stored_record(store) == expected_record(store)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM merge_state_items")).scalar_one() > 0
    store.add(RecordFacts("d99", [person("Gabriel Boric", "CHL")]))
    update = update_merged(store)
    assert not update.whole and update.in_place >= 1 and "person" not in update.recomputed_kinds
    assert stored_record(store) == expected_record(store)


def _told_by_every_article(n: int, start: int = 0) -> list[RecordFacts]:
    """Articles telling the same person, organisation, relation and commitment (the records that gather a source
    from each), each of its own date."""
    commitment = {"kind": "commitment", "countries": ["FRA", "VNM"], "domain": "trade", "text": "doubler le commerce"}
    recs = [person("Gabriel Boric", "CHL"), org("Union européenne", "UE"), relation(), commitment]
    recs = [dict(r, sources=[src(0, 5)]) for r in recs]  # a source that is the article's text (`db check`)
    return [RecordFacts(f"t{k:03d}", recs, date=f"2020-01-{k % 28 + 1:02d}") for k in range(start, start + n)]


def test_readers_give_the_whole_records_whose_sources_are_written_apart(open_):
    """Records extended in place keep their sources as rows (merged_fact_sources): every reader (the export, the
    pages of the query API, a record by key, the actor search, the merge's own reads, `db check`) gives them
    whole, as a whole recompute gives them."""
    import sqlalchemy as sa

    store = open_()
    for facts in _told_by_every_article(3):
        store.add(facts)
    update_merged(store)
    for facts in _told_by_every_article(2, start=3):
        store.add(facts)
    update = update_merged(store)
    assert not update.whole and update.in_place == 4 and not update.recomputed_facts, update
    with store.engine.connect() as conn:
        apart = conn.execute(sa.text("SELECT kind, n_sources FROM merged_facts WHERE sources_apart")).all()
        assert sorted(apart) == [("commitment", 5), ("organisation", 5), ("person", 5), ("relation", 5)]
        assert conn.execute(sa.text("SELECT count(*) FROM merged_fact_sources")).scalar_one() == 20
        assert all(json.loads(r)["sources"] == [] for r in conn.execute(sa.text(
            "SELECT record FROM merged_facts WHERE sources_apart")).scalars())
    assert stored_record(store) == expected_record(store)
    record, _n = compute_merged(store)
    rows, _conflicts = merged_rows(record)
    want = {key: (rec, n) for krows in rows.values() for key, rec, n in krows}
    assert all(len(rec["sources"]) == 5 for rec, _n in want.values())
    assert sorted(json.dumps(r, ensure_ascii=False) for r in store.merged()) == \
        sorted(json.dumps(rec, ensure_ascii=False) for rec, _n in want.values())
    for kind in ("person", "organisation", "relation", "commitment"):
        page, _next = store.merged_page(kind, order="id", limit=500)
        assert len(page) == 1
        for item in [*page, store.merged_by_key(page[0]["id"])]:
            rec = {k: v for k, v in item.items() if k not in ("id", "n_sources")}
            assert (rec, item["n_sources"]) == want[item["id"]]
    (found,) = store.search_actors("boric")
    assert found["sources"] == want[found["id"]][0]["sources"]
    with store.engine.connect() as conn:
        group = conn.execute(sa.text("SELECT block FROM merged_facts WHERE kind = 'person'")).scalar_one()
    ((_g, _p, whole),) = store.merged_in_groups("person", [group])
    assert whole["sources"] == found["sources"]
    assert store.check() == []


def test_sources_written_apart_go_back_into_their_records_going_down_and_apart_again_coming_up(open_, db_url):
    """Revisions 0010 and 0009 down: each record holds its sources (a person: its documents and roles) again, the
    very rows a whole recompute writes; up again: the merge state is dropped, the next update recomputes whole and
    writes them apart, the one after is in place again."""
    import sqlalchemy as sa

    from communique.store import migrate

    from .test_migrations import raw_engine

    store = open_()
    for facts in _told_by_every_article(4):
        store.add(facts)
    update_merged(store)
    whole = sorted(store.merged_table())
    store.close()
    with raw_engine(db_url) as engine, engine.begin() as conn:
        migrate.downgrade(conn, "0008")
        assert not {"merged_fact_sources", "merged_fact_lists"} & set(sa.inspect(conn).get_table_names())
        assert sorted(tuple(r) for r in conn.execute(sa.text(
            "SELECT kind, key, record, n_sources FROM merged_facts"))) == whole
        conn.execute(sa.text("INSERT INTO merge_state (id, generation) VALUES (1, 7)"))
    store = open_()  # upgraded to the head
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM merge_state")).scalar_one() == 0
        assert not conn.execute(sa.text("SELECT count(*) FROM merged_facts WHERE sources_apart")).scalar_one()
    assert sorted(store.merged_table()) == whole
    store.add(_told_by_every_article(1, start=4)[0])
    assert update_merged(store).whole
    assert stored_record(store) == expected_record(store)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM merged_facts WHERE sources_apart")).scalar_one() == 4
        assert conn.execute(sa.text("SELECT count(*) FROM merged_facts WHERE lists_apart")).scalar_one() == 1
    store.add(_told_by_every_article(1, start=5)[0])
    update = update_merged(store)
    assert not update.whole and update.in_place == 4
    assert stored_record(store) == expected_record(store)


def test_the_state_of_an_undated_event_does_not_grow_with_its_reports(open_):
    """An undated meeting told by every article (one cluster of a group kept per cluster): its cluster's state keeps
    no sources (its merged event keeps them, apart), so it is as long after 100 articles as after 10, and an
    update in place adds the new article's source to the stored ones."""
    import sqlalchemy as sa

    def told(k: int) -> RecordFacts:
        return RecordFacts(f"u{k:03d}", [dict(meeting(None, [], ("AZE", "FRA")), sources=[src(0, 5)])])

    store = open_()
    sizes = {}
    done = 0
    for n in (10, 100):
        for k in range(done, n):
            store.add(told(k))
        done = n
        update_merged(store)
        store.add(told(1000 + n))
        update = update_merged(store)
        assert not update.whole and update.in_place == 1 and not update.recomputed_facts, update
        assert stored_record(store) == expected_record(store)
        with store.engine.connect() as conn:
            sizes[n] = conn.execute(sa.text("SELECT length(state) FROM merge_event_clusters")).scalar_one()
            assert conn.execute(sa.text("SELECT n_sources FROM merged_facts WHERE kind = 'event' AND "
                                        "sources_apart")).scalar_one() == len(store)
    assert sizes[100] == sizes[10]


def test_the_state_of_a_figure_does_not_grow_with_its_reports(open_):
    """A figure told by every article, and one of another value in the last ones: the group's state keeps no
    sources (the merged figures keep them, apart), so it grows from 10 articles to 100 by their ids only (its list of
    documents), and an update in place adds the new article's sources to the stored ones."""
    import sqlalchemy as sa

    def told(k: int, *more) -> RecordFacts:
        return RecordFacts(f"f{k:03d}", [dict(figure(100), sources=[src(0, 5)]), *more])

    store = open_()
    sizes = {}
    done = 0
    for n in (10, 100):
        for k in range(done, n):
            store.add(told(k))
        done = n
        update_merged(store)
        store.add(told(1000 + n, dict(figure(150), sources=[src(0, 5)])))
        update = update_merged(store)
        assert not update.whole and update.in_place == 1 and not update.recomputed_facts, update
        assert stored_record(store) == expected_record(store)
        with store.engine.connect() as conn:
            sizes[n] = conn.execute(sa.text("SELECT length(state) FROM merge_group_state WHERE kind = 'figure'")
                                    ).scalar_one()
            apart = conn.execute(sa.text("SELECT n_sources FROM merged_facts WHERE kind = 'figure' AND sources_apart "
                                         "ORDER BY n_sources")).scalars().all()
        assert apart == [1 if n == 10 else 2, len(store)]  # (150: the last articles')
    assert sizes[100] - sizes[10] <= 8 * 92  # the new articles' ids ('"f012", ') in its list of documents only


def _fact_groups(store) -> dict[tuple[str, int], int]:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return {(d, p): g for d, p, g in conn.execute(sa.text(
            "SELECT d.doc_id, f.position, f.merge_group FROM facts f JOIN documents d ON d.pk = f.document_pk"))}


def test_an_update_sets_the_merge_group_of_the_facts_whose_group_it_changes_only(open_, db_url):
    """The facts of a group merged again keep their group (its least fact id): an update sets the group of the new
    facts, and of the facts of groups a new one joins together; the groups are those a whole recompute sets."""
    import sqlalchemy as sa

    store = open_()
    store.add(RecordFacts("a1", [meeting("2024-03-04", countries=("FRA", "VNM")), person("Tô Lâm", "VNM")]))
    store.add(RecordFacts("a2", [meeting("2024-07-09", countries=("FRA", "VNM")), relation()]))
    update_merged(store, full=True)
    updated: list[int] = []

    def seen(_conn, _cursor, statement, parameters, _context, many):
        if statement.lstrip().upper().startswith("UPDATE FACTS"):
            updated.append(len(parameters) if many else 1)

    sa.event.listen(store.engine, "before_cursor_execute", seen)
    # joins the March meeting's group (merged again from its facts) and the relation's (extended)
    store.add(RecordFacts("a3", [meeting("2024-03-05", countries=("FRA", "VNM")), relation()]))
    update_merged(store)
    assert sum(updated) == 2
    before = _fact_groups(store)
    updated.clear()
    # a span over both months: the March and July groups become one, the July facts take the March group
    store.add(RecordFacts("a4", [meeting("2024-03-20", countries=("FRA", "VNM"), end="2024-07-05")]))
    update_merged(store)
    sa.event.remove(store.engine, "before_cursor_execute", seen)
    after = _fact_groups(store)
    assert after[("a2", 0)] == after[("a1", 0)] != before[("a2", 0)]
    assert sum(updated) == 1 + sum(1 for k in before if after[k] != before[k]) == 2
    assert stored_record(store) == expected_record(store)
    update_merged(store, full=True)
    assert _fact_groups(store) == after


def _key_rows(store) -> dict[str, int]:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return dict(conn.execute(sa.text("SELECT substr(block, 1, 1), count(*) FROM fact_blocks GROUP BY 1")).all())


def test_a_key_is_kept_once_per_merge_group_and_the_groups_are_still_found_by_it(open_):
    """``fact_blocks`` holds a key once per merge group, not once per fact: a person named again and again, and the
    persons a meeting names, add no rows after their first article; the groups are still found by those keys (a
    spelling one letter apart joins the person, the meetings of a renamed person are merged again), and what is
    stored is what a whole recompute stores."""
    store = open_()
    people = [("Tô Lâm", "VNM"), ("Emmanuel Macron", "FRA")]

    def article(i: int, name: str = "Tô Lâm") -> RecordFacts:
        return RecordFacts(f"a{i:02d}", [meeting("2024-03-04", [(name, "VNM"), people[1]], ("FRA", "VNM")),
                                         person(name, "VNM"), person("Emmanuel Macron", "FRA")])

    store.add(article(0))
    update_merged(store)
    first = _key_rows(store)
    assert first["p"] > 2 and first["q"] >= 2
    for batch in ((1, 2), (3,), (4, 5, 6)):
        for i in batch:
            store.add(article(i))
        update_merged(store)
        assert stored_record(store) == expected_record(store)
    rows = _key_rows(store)
    assert rows["p"] == first["p"] and rows["q"] == first["q"]
    store.add(article(7, "To Lâm"))  # one letter apart: the same person, named so in the meeting too
    update_merged(store)
    assert stored_record(store) == expected_record(store)
    persons = [r for r in store.merged("person")]
    assert len(persons) == 2 and sorted(len(p["docs"]) for p in persons) == [8, 8]
    update_merged(store, full=True)
    assert _key_rows(store)["p"] >= rows["p"]


def test_an_update_pauses_the_garbage_collector_and_leaves_it_as_it_was(open_):
    """``update_merged`` runs with Python's cyclic collector paused (``collector_paused``: a fifth of an update's
    time went to its passes) and sets it going again after, also when the update fails; a collector the caller
    had stopped stays stopped."""
    import gc

    from communique.store.merged import collector_paused

    store = open_()
    for doc_id, recs in HAND_MADE[:5]:
        store.add(RecordFacts(doc_id, recs))
    seen = []
    store_merge_facts = store.merge_facts

    def merge_facts(**kw):  # the real read, noting whether the collector runs meanwhile
        seen.append(gc.isenabled())
        return store_merge_facts(**kw)

    store.merge_facts = merge_facts
    assert gc.isenabled()
    update_merged(store)
    assert seen and not any(seen) and gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        with collector_paused():
            assert not gc.isenabled()
            1 / 0
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    del store.merge_facts
    for doc_id, recs in HAND_MADE[5:]:
        store.add(RecordFacts(doc_id, recs))
    update_merged(store)
    assert stored_record(store) == expected_record(store)


def _merged_rows_by_key(store) -> dict[str, tuple]:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return {key: (i, str(at), rec) for i, key, at, rec in conn.execute(sa.text(
            "SELECT id, key, updated_at, record FROM merged_facts"))}


def test_an_update_leaves_the_merged_rows_it_computes_again_alike_and_updates_the_others_in_place(open_):
    """A merge group merged again from all its facts writes only what changed: a merged record computed again as it
    was keeps its row (id and time written), one that changed under the same key is updated in its row, and one
    that is no more is deleted; the stored record is that of a whole recompute."""
    store = open_()
    people = [("Gabriel Boric", "CHL")]
    docs = [("a1", [meeting("2024-07-01", people), person("Gabriel Boric", "CHL")]),
            ("a2", [meeting("2024-07-20", people)]),  # another day of the same month: the same merge group
            ("a3", [meeting("2024-07-09", [], ("BRA", "ARG"))])]
    for doc_id, recs in docs:
        store.add(RecordFacts(doc_id, recs))
    update_merged(store)
    before = _merged_rows_by_key(store)
    events = {k: v for k, v in before.items() if json.loads(v[2])["kind"] == "event"}
    first = next(k for k, v in events.items() if json.loads(v[2]).get("date_start") == "2024-07-01")
    second = next(k for k, v in events.items() if json.loads(v[2]).get("date_start") == "2024-07-20")
    store.add(RecordFacts("a4", [meeting("2024-07-01", people)]))  # the first day again: its merged event grows
    update = update_merged(store)
    assert not update.whole and update.groups >= 1
    after = _merged_rows_by_key(store)
    assert after[second] == before[second]  # computed again as it was: not written
    assert after[first][0] == before[first][0] and after[first][2] != before[first][2]  # updated in its row
    assert after[first][1] != before[first][1]
    assert stored_record(store) == expected_record(store)
    # a record that is no more: the second day's event gains a participant, so its key (a hash of the record
    # without its sources) changes: the row under the old key is deleted, one under the new key inserted
    store.add(RecordFacts("a5", [meeting("2024-07-20", people + [("Javier Milei", "ARG")])]))
    update_merged(store)
    again = _merged_rows_by_key(store)
    assert second not in again and again[first] == after[first]
    assert stored_record(store) == expected_record(store)
    with store.engine.connect() as conn:
        import sqlalchemy as sa

        orphans = conn.execute(sa.text("SELECT count(*) FROM merged_fact_countries c LEFT JOIN merged_facts m "
                                       "ON m.id = c.fact_id WHERE m.id IS NULL")).scalar_one()
        missing = conn.execute(sa.text("SELECT count(*) FROM merged_facts m WHERE m.countries IS NOT NULL AND NOT "
                                       "EXISTS (SELECT 1 FROM merged_fact_countries c WHERE c.fact_id = m.id)")).scalar_one()
    assert orphans == 0 and missing == 0


def test_the_columns_a_merged_row_computed_again_changes_are_those_compared_one_by_one():
    """``_changed_columns`` (the columns but the flags compared at once first: most rows of a group merged again come
    out as they were) gives the columns of ``_MERGED_COLUMNS``, in its order, in which a stored merged row and a row's
    values differ as ``_column_value`` compares each (a flag unset, null, as false)."""
    from communique.store.store import _MERGED_COLUMNS, _changed_columns, _column_value

    stored = {"kind": "event", "key": "event:ab12", "record": '{"kind": "event"}', "n_sources": 2, "type": "meeting",
              "status": "happened", "countries": "ARG CHL", "date_start": "2024-07-01", "date_end": None, "name": None,
              "search": "meeting", "block": 7, "position": 0, "sources_apart": None, "lists_apart": True}
    assert set(stored) == set(_MERGED_COLUMNS)
    changes = [{}, {"sources_apart": False}, {"sources_apart": 0}, {"lists_apart": 1}, {"sources_apart": True},
               {"lists_apart": None}, {"n_sources": 3}, {"record": '{"kind":"event"}'}, {"date_end": "2024-07-02"},
               {"position": 1}, {"block": None}, {"name": ""}, {"countries": "ARG"},
               {"key": "event:cd34", "lists_apart": False, "kind": "figure"}, {"sources_apart": 1, "search": "x"}]
    changes += [{column: "x"} for column in _MERGED_COLUMNS]  # each column changed alone
    row = (41, *(stored[c] for c in _MERGED_COLUMNS))  # as read: the id, then the columns
    for change in changes:
        value = {**stored, **change, "updated_at": "now"}
        one_by_one = tuple(c for c in _MERGED_COLUMNS if _column_value(c, stored[c]) != _column_value(c, value.get(c)))
        assert _changed_columns(row, value) == one_by_one, change
    partial = {c: stored[c] for c in _MERGED_COLUMNS if c != "lists_apart"}  # a flag not given: null
    assert _changed_columns(row, partial) == ("lists_apart",)
    assert _changed_columns((41, *(stored[c] for c in _MERGED_COLUMNS[:-1]), None), partial) == ()


def test_the_blocks_extended_in_place_share_a_registry_per_set_of_stored_persons_and_each_finds_its_own(
        open_, monkeypatch):
    """The blocks with an undated report that an update extends in place look up the persons their reports name in a
    registry of the new persons and of the stored groups holding their names' keys: each key is looked up once, and
    one registry built per set of such groups, not one per block nor per report that names someone (three blocks
    naming Emmanuel Macron, stored before: one registry), and a block naming another stored person gets its own
    (Narendra Modi, named 'Modi Narendra' by the new report: the registry's name for him, as a whole recompute
    gives it)."""
    from communique.merge import groups as groups_module

    store = open_()
    macron, modi = ("Emmanuel Macron", "FRA"), ("Narendra Modi", "IND")
    pairs = [("FRA", "VNM"), ("FRA", "BRA"), ("FRA", "EGY")]
    store.add(RecordFacts("a1", [person(*macron), person(*modi)]))
    for k, countries in enumerate(pairs):
        store.add(RecordFacts(f"b{k}", [meeting(None, [macron], countries), meeting("2024-03-04", [macron], countries)]))
    store.add(RecordFacts("c1", [meeting(None, [modi], ("FRA", "IND")), meeting("2024-03-04", [modi], ("FRA", "IND"))]))
    update_merged(store)
    assert stored_record(store) == expected_record(store)
    built: list[list[str]] = []
    registry_of = groups_module.registry_of

    def counted(persons):
        if persons:
            built.append(sorted(p["name"] for p in persons))
        return registry_of(persons)

    monkeypatch.setattr(groups_module, "registry_of", counted)
    asked: list[tuple[str, str]] = []  # the keys of persons' names looked up (the new article names persons only)
    key_groups = store.key_groups

    def noted(keys):
        asked.extend(k for k in keys if k[0].startswith("p|"))
        return key_groups(keys)

    store.key_groups = noted
    store.add(RecordFacts("z1", [meeting(f"2024-04-0{k + 1}", [macron], countries) for k, countries in enumerate(pairs)]
                          + [meeting("2024-04-09", [("Modi Narendra", "IND")], ("FRA", "IND"))]))
    update = update_merged(store)
    assert update.in_place == 4 and "event" not in update.recomputed_kinds, update
    assert sorted(built) == [["Emmanuel Macron"], ["Narendra Modi"]], built
    assert asked and len(asked) == len(set(asked)), asked  # each looked up once
    assert stored_record(store) == expected_record(store)
    events = [r for k, _key, r, _n in stored_record(store)[0] if k == "event" and "IND" in r["countries"]]
    assert {p["name"] for e in events for p in e["participants"]} == {"Narendra Modi"}


def test_an_ingest_merges_batch_after_batch_into_the_record_a_whole_recompute_gives(open_, sample_facts):
    from communique.resolve.kb import KnowledgeBase
    from communique.store.merged import MergedAsStored

    store = open_()
    merging = MergedAsStored(store, every=3)
    docs = list(sample_facts) + copies(sample_facts, "autre")
    for n, df in enumerate(docs, 1):
        assert store.add(df)
        merging.stored()
        if n == 3:
            # (the first three documents merged as soon as they were stored, before the rest came)
            assert stored_record(store) == expected_record(store) and stored_record(store)[0]
    assert store.merge_state() is not None
    merging.finish()
    assert stored_record(store) == expected_record(store)
    assert store.check() == []
    # with a knowledge base of merges the record is recomputed whole at every update: only at the end
    assert MergedAsStored(store, KnowledgeBase(merges=[("A B", "A. B.")]), every=3).every == 0
