"""The REST API over a real database (sample corpus ingested by the real pipeline), SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _all_pages(client, url: str, **params) -> list[dict]:
    items, after, seen = [], None, 0
    while True:
        r = client.get(url, params={**params, **({"after": after} if after else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        after = body["next"]
        seen += 1
        assert seen < 200
        if not after:
            return items


def test_events_are_paginated_in_date_order_without_repeats(client):
    first = client.get("/api/events", params={"limit": 500}).json()
    paged = _all_pages(client, "/api/events", limit=7)
    assert [e["id"] for e in paged] == [e["id"] for e in first["items"]]
    assert first["total"] == len(paged) > 30
    dates = [e["date_start"] for e in paged if (e.get("date_start") or "")[:1].isdigit()]
    assert dates == sorted(dates)


def test_every_event_has_a_stable_id_and_its_sources(client):
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    for e in events:
        assert e["id"] and e["sources"] and all(s["doc"] and s["text"] for s in e["sources"])
    one = events[0]
    again = client.get(f"/api/events/{one['id']}").json()
    assert again["id"] == one["id"] and again["sources"] == one["sources"]


def test_filters_by_country_name_dyad_type_and_period(client):
    visits = client.get("/api/events", params={"country": "Inde", "type": "visit", "limit": 500}).json()["items"]
    assert visits and all(e["type"] == "visit" and "IND" in e["countries"] for e in visits)
    dyad = client.get("/api/events", params={"dyad": "BRA,Chine", "limit": 500}).json()["items"]
    assert dyad and all(set(e["countries"]) == {"BRA", "CHN"} for e in dyad)
    period = client.get("/api/events", params={"start": "2023-01", "end": "2023-12", "limit": 500}).json()["items"]
    assert period and all("2023-01" <= e["date_start"][:7] <= "2023-12" for e in period)


def test_bad_filters_are_client_errors_never_500(client):
    for params in ({"start": "2023-13-45x"}, {"limit": 0}, {"limit": 100000}, {"type": "war"},
                   {"country": "Atlantide"}, {"dyad": "VNM"}, {"after": "not-a-cursor"}, {"status": "maybe"}):
        r = client.get("/api/events", params=params)
        assert 400 <= r.status_code < 500, (params, r.status_code, r.text)
        assert "error" in r.json() or "detail" in r.json()


def test_unknown_ids_are_404_with_a_message(client):
    for url in ("/api/events/event:nope", "/api/persons/person:nope", "/api/documents/nope"):
        r = client.get(url)
        assert r.status_code == 404 and "no " in r.json()["error"]


def test_dyad_report_has_history_figures_and_targets(client):
    rep = client.get("/api/dyads/Brésil/CHN").json()
    assert rep["level"] == "comprehensive_strategic_partnership"
    assert any(h["level"] == "diplomatic_relations" for h in rep["history"])
    assert any(f["metric"] == "trade_volume" for f in rep["figures"])


def test_country_ranks_partners_and_lists_trips(client):
    rep = client.get("/api/countries/IND").json()
    assert rep["partners"] and rep["partners"] == sorted(rep["partners"], key=lambda p: -p["contacts"])
    assert all(t["guest"] == "IND" for t in rep["trips"]) and rep["trips"]


def test_search_finds_articles_and_any_spelling_of_a_person(client):
    hits = client.get("/api/search", params={"q": "Kishida"}).json()
    assert any("indonesie-japon" in d["doc"] for d in hits["documents"])
    folded = client.get("/api/search", params={"q": "erdogan"}).json()["actors"]
    assert any(a["name"].startswith("Recep Tayyip Erdo") for a in folded)
    for hostile in ('"', "NEAR(", "*", "OR OR", "'; DROP TABLE documents; --", "a" * 200):
        assert client.get("/api/search", params={"q": hostile}).status_code == 200


def test_person_lists_roles_and_events(client):
    (lula,) = [a for a in client.get("/api/search", params={"q": "lula"}).json()["actors"] if a["kind"] == "person"]
    rep = client.get(f"/api/persons/{lula['id']}").json()
    assert rep["person"]["country"] == "BRA" and rep["events"]
    assert all(any("Lula" in p["name"] for p in e["participants"]) for e in rep["events"])


def test_document_has_its_text_and_facts_with_offsets_into_it(client):
    docs = _all_pages(client, "/api/documents", limit=5)
    assert len(docs) == 14
    d = client.get(f"/api/documents/{docs[0]['doc']}").json()
    for f in d["facts"]:
        for s in f["sources"]:
            assert d["text"][s["start"]:s["end"]] == s["text"]


def test_conflicts_list(client):
    body = client.get("/api/conflicts").json()
    assert body["total"] == len(body["items"])


def test_openapi_documents_every_resource(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/persons", "/api/countries", "/api/dyads/{a}/{b}", "/api/figures",
              "/api/documents", "/api/conflicts", "/api/search"):
        assert p in paths
    assert client.get("/api/docs").status_code == 200


def test_writes_are_off_without_a_token(client):
    r = client.post("/api/documents", json={"id": "x", "text": "Le président a visité Hanoï."})
    assert r.status_code == 403


def test_writes_with_the_token_ingest_and_refuse_bad_articles(tmp_path, corpus_facts):
    from fastapi.testclient import TestClient

    from communique.serve import create_app
    from communique.store import open_store

    db = str(tmp_path / "w.db")
    open_store(db).close()
    article = {"id": "ours-1", "date": "2024-06-03",
               "text": "Oslo, 3 juin (Agence) - Le Premier ministre norvégien a effectué lundi une visite officielle "
                       "en Islande, où il s'est entretenu avec son homologue islandais."}
    with TestClient(create_app(db, token="s3cret")) as c:
        assert c.post("/api/documents", json=article).status_code == 403
        assert c.post("/api/documents", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 403
        ok = c.post("/api/documents", json=article, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201, ok.text
        assert ok.json()["stored"] is True
        again = c.post("/api/documents", json=article, headers={"Authorization": "Bearer s3cret"})
        assert again.json()["stored"] is False
        events = c.get("/api/events", params={"country": "ISL"}).json()["items"]
        assert events and events[0]["sources"][0]["doc"] == "ours-1"
        for bad, status in (({"id": "e", "text": ""}, 422), ({"id": "e", "text": "Das ist ein deutscher Text, der nicht gelesen wird."}, 422),
                            ({"id": "e", "text": "Le ministre est venu.", "lang": "de"}, 422),
                            ({"id": "big", "text": "é" * (11 * 1024 * 1024)}, 413)):
            r = c.post("/api/documents", json=bad, headers={"Authorization": "Bearer s3cret"})
            assert r.status_code == status, (bad["id"], r.status_code, r.text[:200])


def test_event_data_exports_for_the_fields_tools(client):
    tsv = client.get("/api/export/cameo")
    assert tsv.status_code == 200 and tsv.headers["content-type"].startswith("text/tab-separated-values")
    rows = [line.split("\t") for line in tsv.text.splitlines()]
    assert rows[0][:2] == ["GLOBALEVENTID", "SQLDATE"] and len(rows) > 20
    assert all(len(r) == len(rows[0]) for r in rows)
    plover = client.get("/api/export/plover")
    import json
    events = [json.loads(line) for line in plover.text.splitlines()]
    assert events and all(e["event_type"] in ("CONSULT", "AGREE", "COOPERATE") for e in events)
    assert client.get("/api/export/gdelt3").status_code == 422
