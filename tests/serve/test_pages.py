"""The web pages over a real database: every page renders, has its JSON twin, and shows record text as
text (never as markup)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.model


def _an_event(client) -> dict:
    return client.get("/api/events", params={"country": "BRA", "limit": 1}).json()["items"][0]


def test_pages_render(client):
    ev = _an_event(client)
    lula = next(a for a in client.get("/api/search", params={"q": "lula"}).json()["actors"] if a["kind"] == "person")
    for url in ("/", "/?start=2020&end=2024", "/dyads/BRA/CHN", "/dyads/BRA/CHN?type=meeting", "/countries/IND",
                f"/events/{ev['id']}", f"/persons/{lula['id']}", "/documents", "/documents/03_bresil-chine-visite-etat",
                "/search?q=Kishida", "/conflicts"):
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith("text/html")
        assert "<h1>" in r.text


def test_every_page_has_a_json_twin(client):
    for url in ("/index.json", "/dyads/BRA/CHN.json", "/countries/IND.json", "/documents.json", "/search.json?q=lula",
                "/conflicts.json"):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json", url
    by_header = client.get("/dyads/BRA/CHN", headers={"Accept": "application/json"}).json()
    assert by_header == client.get("/dyads/BRA/CHN.json").json()
    assert by_header["level"] == "comprehensive_strategic_partnership"


def test_dyad_page_draws_its_charts_with_linked_points(client):
    html = client.get("/dyads/BRA/CHN").text
    assert html.count('class="point level"') >= 3  # 1974, 1993, 2012
    assert 'class="point event type-' in html
    assert 'class="point trade"' in html
    assert re.search(r'href="/documents/03_bresil-chine-visite-etat\?s=\d+-\d+"', html)


def test_world_view_changes_with_the_period(client):
    everything = client.get("/index.json").json()
    recent = client.get("/index.json", params={"start": "2023", "end": "2025"}).json()
    old = client.get("/index.json", params={"start": "2010", "end": "2015"}).json()
    assert sum(e["contacts"] for e in recent["edges"]) < sum(e["contacts"] for e in everything["edges"])
    assert {(e["a"], e["b"]) for e in recent["edges"]} != {(e["a"], e["b"]) for e in old["edges"]}
    assert "<svg" in client.get("/", params={"start": "2023"}).text


def test_document_page_highlights_the_sentence(client):
    ev = _an_event(client)
    s = ev["sources"][0]
    html = client.get(f"/documents/{s['doc']}", params={"s": f"{s['start']}-{s['end']}"}).text
    marked = re.search(r'<mark id="sentence">(.*?)</mark>', html, re.S).group(1)
    assert marked.replace("&#39;", "'").replace("&amp;", "&").replace("&#34;", '"') == s["text"]
    for bad in ("9-1", "0-999999999", "x", "-1-3"):
        assert client.get(f"/documents/{s['doc']}", params={"s": bad}).status_code == 200


def test_markup_in_an_article_shows_as_text(client):
    html = client.get("/documents/note%3Cscript%3E").text
    assert "<script>document.title" not in html and "<img src=x" not in html
    assert "&lt;script&gt;document.title" in html and "&lt;img src=x onerror" in html
    assert "<b>Visite</b>" not in html and "&lt;b&gt;Visite&lt;/b&gt;" in html
    listing = client.get("/documents").text
    assert "<script>alert(1)</script>" not in listing


def test_unknown_pages_say_what_is_missing(client):
    r = client.get("/events/event:none")
    assert r.status_code == 404 and "no event" in r.text
    r = client.get("/dyads/XXX/Atlantide")
    assert r.status_code == 400 and "unknown country" in r.text
