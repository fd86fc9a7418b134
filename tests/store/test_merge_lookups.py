"""The look-ups of the incremental merge by blocking key (``Store.fact_block_hits``, ``merge_groups_of``,
``key_groups``) find the right facts and groups on SQLite and PostgreSQL, and each goes through the primary
key of ``fact_blocks``: on SQLite no statement they run scans ``fact_blocks`` or ``facts`` (a scan is as
long as the database is large, and an update would take longer the more documents are stored)."""
from __future__ import annotations

import sqlalchemy as sa

from communique.store.merged import update_merged

from .test_incremental_merge import RecordFacts, meeting, person


def _stored(open_):
    store = open_()
    store.add(RecordFacts("a1", [meeting("2024-03-04", countries=("FRA", "VNM")), person("Tô Lâm", "VNM")]))
    store.add(RecordFacts("a2", [meeting("2024-07-09", countries=("FRA", "VNM"))]))
    store.add(RecordFacts("a3", [meeting("2024-03-05", countries=("DEU", "VNM"))]))
    update_merged(store)
    return store


def _keys(store) -> dict[tuple[str, str], int]:
    with store.engine.connect() as conn:
        return {(b, u): g for b, u, g in conn.execute(sa.text(
            "SELECT fb.block, fb.bucket, f.merge_group FROM fact_blocks fb JOIN facts f ON f.id = fb.fact_id"))}


def test_lookups_by_blocking_key_find_the_facts_and_groups_holding_them(open_):
    store = _stored(open_)
    held = _keys(store)
    march = next(k for k in held if k[1] == "2024-03" and "DEU" not in k[0])
    july = next(k for k in held if k[1] == "2024-07")
    absent = (march[0], "1999-01")
    hits = store.fact_block_hits([march, absent, july])
    assert sorted((b, u) for _f, b, u in hits) == sorted([march, july])
    assert store.merge_groups_of([march, absent]) == {held[march]}
    assert store.merge_groups_of([march, july]) == {held[march], held[july]} and held[march] != held[july]
    assert store.key_groups([march, absent]) == {march: held[march]}
    many = [(march[0], f"{y}-{m:02d}") for y in range(1900, 2030) for m in range(1, 13)]  # more than a chunk
    assert store.merge_groups_of(many) == {held[march], held[july]}


def test_lookups_by_blocking_key_search_the_index_instead_of_scanning(tmp_path):
    from communique.store import open_store

    store = open_store(tmp_path / "c.db")
    try:
        store.add(RecordFacts("a1", [meeting("2024-03-04", countries=("FRA", "VNM"))]))
        update_merged(store)
        key = next(iter(_keys(store)))
        statements: list[tuple[str, object]] = []

        def seen(_conn, _cursor, statement, parameters, _context, _many):
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                statements.append((statement, parameters))

        sa.event.listen(store.engine, "before_cursor_execute", seen)
        store.fact_block_hits([key, (key[0], "1999-01")])
        store.merge_groups_of([key])
        store.key_groups([key])
        sa.event.remove(store.engine, "before_cursor_execute", seen)
        assert len(statements) == 3
        with store.engine.connect() as conn:
            for statement, parameters in statements:
                plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
                scans = [p for p in plan if p.startswith("SCAN") and "CONSTANT ROW" not in p and p != "SCAN k"]
                assert not scans, (statement, plan)
    finally:
        store.close()


def test_person_names_are_those_of_the_stored_person_records(open_):
    """``person_names`` (taken out of the records by the database) gives each merged person's name, spellings
    and country as its whole record has them, in the order of ``merged_in_groups``."""
    store = open_()
    store.add(RecordFacts("p1", [person("Shavkat Mirziyoyev", "UZB"), person("Tô Lâm", "VNM")]))
    store.add(RecordFacts("p2", [person("Chavkat Mirziyoïev", "UZB"), dict(person("Kishida", None), country=None)]))
    update_merged(store)
    with store.engine.connect() as conn:
        groups = set(conn.execute(sa.text("SELECT block FROM merged_facts WHERE kind = 'person'")).scalars())
    whole = [(g, p, {"name": r["name"], "aliases": r.get("aliases") or [], "country": r.get("country")})
             for g, p, r in store.merged_in_groups("person", groups)]
    assert len(whole) == 3 and any(r["aliases"] for _g, _p, r in whole) and any(r["country"] is None for _g, _p, r in whole)
    assert store.person_names(groups) == whole
    assert store.person_names([]) == []


def test_a_probe_finds_a_source_of_a_document_among_the_sources_of_a_record_written_apart(open_):
    """``_source_probes`` (an update checking that no record it extends holds a source of a new document already)
    finds a source of the document among the sources of that record only: not of another record or group, nor of
    a document whose id starts like it; many probes take several statements."""
    from communique.store.schema import merged_fact_sources
    from communique.store.store import _run, _source_probes, _source_rows

    store = open_()
    rows = (_source_rows((7, 0), [{"doc": "a1", "start": 0}, {"doc": "a1", "start": 5}, {"doc": "a10", "start": 0}])
            + _source_rows((7, 1), [{"doc": "b2", "start": 0}]) + _source_rows((8, 0), [{"doc": "c3", "start": 0}]))
    with store.engine.begin() as conn:
        conn.execute(merged_fact_sources.insert(), rows)

    def found(probes):
        with store.engine.connect() as conn:
            return [tuple(r) for q, params in _source_probes(probes) for r in _run(conn, q, params)]

    assert found([((7, 0), "a1")]) == [(7, 0)]
    assert found([((7, 0), "a10")]) == [(7, 0)]
    assert found([((7, 0), "a"), ((7, 0), "a100"), ((7, 0), "b2"), ((7, 1), "a1"), ((8, 0), "a1"), ((9, 0), "a1")]) == []
    assert found([((7, 1), "a1"), ((8, 0), "c3")]) == [(8, 0)]
    many = [((7, 0), f"z{i}") for i in range(600)] + [((7, 1), "b2")]  # more than one statement
    assert len(list(_source_probes(many))) > 1
    assert found(many) == [(7, 1)]
    assert found([]) == []
    # the same for many records at once (an update extending relations and commitments in place): each place holding
    # a source of one of its documents, once; and the first source of each record
    assert store.places_with_sources_of({(7, 0): ["a", "a10", "b2"], (7, 1): ["b2", "a1"], (8, 0): ["a1"],
                                         (9, 0): ["c3"]}) == {(7, 0), (7, 1)}
    assert store.places_with_sources_of({(7, 0): [f"z{i}" for i in range(600)] + ["a1"]}) == {(7, 0)}
    assert store.places_with_sources_of({}) == set()
    firsts = store.first_sources([(7, 0), (7, 1), (8, 0), (9, 0)] + [(100, i) for i in range(300)])
    assert {place: (s["doc"], s["start"]) for place, s in firsts.items()} == {
        (7, 0): ("a1", 0), (7, 1): ("b2", 0), (8, 0): ("c3", 0)}
    assert [store.sources_apart(g, p, first=True)[0] for g, p in firsts] == list(firsts.values())
    assert store.first_sources([]) == {}


def test_the_clusters_before_a_new_report_are_found_by_their_dates_not_by_reading_all_those_before_it(tmp_path):
    """``EventClusters.dated_before`` (the clusters of a group kept per cluster that a new dated report may join)
    looks them up by the dates of their first reports, on SQLite too: no statement it runs reads the clusters by
    their key alone (every cluster started before the report: as many as the group has grown to)."""
    from communique.store import open_store

    store = open_store(tmp_path / "c.db")
    try:
        store.add(RecordFacts("u1", [meeting(None, countries=("FRA", "VNM"))]))
        for i, day in enumerate(("2024-03-04", "2024-05-06", "--06-07", "2024-09-10")):
            store.add(RecordFacts(f"d{i}", [meeting(day, countries=("FRA", "VNM"))]))
        update_merged(store)
        with store.engine.connect() as conn:
            group, key = conn.execute(sa.text("SELECT merge_group, max(sort_key) FROM merge_event_clusters "
                                              "GROUP BY merge_group")).one()
        statements: list[tuple[str, object]] = []

        def seen(_conn, _cursor, statement, parameters, _context, _many):
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append((statement, parameters))

        sa.event.listen(store.engine, "before_cursor_execute", seen)
        found = store.event_clusters(group).dated_before(bytes(key), (0, 10 ** 6, 0), (0, 1300, 0))
        found += store.event_clusters(group).dated_before(bytes(key), None, (0, 1300, 0))
        sa.event.remove(store.engine, "before_cursor_execute", seen)
        assert found and len(statements) == 2  # one statement per report (its parts a compound query)
        with store.engine.connect() as conn:
            for statement, parameters in statements:
                plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
                        if row[-1].startswith(("SEARCH", "SCAN"))]  # (not the lines of the compound query itself)
                assert len(plan) >= 2 and all("first_md_start" in p or "first_start" in p for p in plan), (statement, plan)
    finally:
        store.close()


def test_the_items_of_many_states_are_read_at_once_as_one_by_one(open_):
    """``Store.state_items_of`` (an update extending many person groups in place reads the items their new persons
    look up, all at once) gives per group what ``state_items`` gives for it: the items stored among those asked,
    none of another group; a group with none asked or found maps to nothing; many items take several statements."""
    store = _stored(open_)
    store.add(RecordFacts("a4", [person("Gabriel Boric", "CHL"), person("Tô Lâm", "VNM", "foreign_minister")]))
    update_merged(store)
    with store.engine.connect() as conn:
        held: dict[int, list[str]] = {}
        for g, item in conn.execute(sa.text("SELECT merge_group, item FROM merge_state_items")):
            held.setdefault(g, []).append(item)
    assert len(held) >= 2 and sum(map(len, held.values())) >= 3
    wanted = {g: [*items, '["role",9,"absent",null]'] for g, items in held.items()}
    wanted[10 ** 9] = ['["role",0,"head_of_state",null]']
    got = store.state_items_of(wanted)
    assert got == {g: store.state_items(g, keys) for g, keys in wanted.items()}
    assert all(got[g] for g in held) and got[10 ** 9] == {}
    g = min(held)
    many = [f'["role",0,"x{i}",null]' for i in range(600)] + held[g]
    assert store.state_items_of({g: many}) == {g: store.state_items(g, held[g])}
    assert store.state_items_of({}) == {}
