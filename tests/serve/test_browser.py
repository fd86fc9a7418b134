"""The web UI in a real browser: headless Chromium (Debian's package) driven by Playwright, against
`communique serve` started as a subprocess on the test database. Screenshots go to
``tests/serve/artifacts/`` (git-ignored) for a reviewer to look at.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.browser]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def base_url(web_db, tmp_path_factory):
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (`make browser` installs Debian's package as root)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    if not web_db.endswith(".db"):
        pytest.skip("the browser tests run on the SQLite database (the API tests cover PostgreSQL)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    proc = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", web_db, "--port", str(port)],
                            stdout=open(log, "w"), stderr=subprocess.STDOUT, env={**os.environ, "COMMUNIQUE_TOKEN": ""})
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"communique serve stopped: {log.read_text()}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(base_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_pages_load_without_console_errors_and_links_work(page, base_url):
    for path, name in (("/", "world"), ("/dyads/BRA/CHN", "dyad"), ("/countries/IND", "country"),
                       ("/conflicts", "conflicts"), ("/documents", "documents")):
        page.goto(base_url + path)
        assert page.locator("h1").count() == 1
        _shot(page, name)
    assert page.errors == []
    page.goto(base_url + "/")
    page.locator("table.pairs a").first.click()
    page.wait_for_load_state()
    assert "/dyads/" in page.url and page.locator("h1").inner_text()
    page.locator("table.events a").first.click()
    page.wait_for_load_state()
    assert "/events/" in page.url
    page.locator("a.source").first.click()
    page.wait_for_load_state()
    assert page.locator("mark#sentence").count() == 1
    _shot(page, "document-highlighted")
    assert page.errors == []


def test_dyad_chart_draws_its_points_and_the_filter_works(page, base_url):
    page.goto(base_url + "/dyads/BRA/CHN")
    assert page.locator("svg circle.point.level").count() >= 3
    dots = page.locator("svg circle.point.event")
    assert dots.count() >= 3
    box = dots.first.bounding_box()
    assert box and box["width"] > 0
    page.locator(".filter a[data-type='meeting']").click()
    visible = page.locator("table.events tr[data-type]:visible")
    assert visible.count() >= 1
    assert all(t == "meeting" for t in visible.evaluate_all("rows => rows.map(r => r.dataset.type)"))
    _shot(page, "dyad-meetings")


def test_search_finds_an_article(page, base_url):
    page.goto(base_url + "/")
    page.fill("input[name=q]", "Kishida")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert page.locator("ul.results a[href*='indonesie-japon']").count() >= 1
    _shot(page, "search")


def test_the_date_range_control_changes_the_network(page, base_url):
    page.goto(base_url + "/")
    before = page.locator("svg line.edge").count()
    page.fill("input[name=start]", "2023")
    page.fill("input[name=end]", "2025")
    page.click("form.period button")
    page.wait_for_load_state()
    after = page.locator("svg line.edge").count()
    assert 0 < after < before
    _shot(page, "world-2023-2025")


def test_markup_in_an_article_never_runs(page, base_url):
    page.goto(base_url + "/documents/note%3Cscript%3E")
    assert "pwned" not in page.title()
    assert "<script>document.title" in page.locator("article.text").inner_text()
    assert page.locator("article.text img").count() == 0 and page.locator("article.text script").count() == 0
    page.goto(base_url + "/documents")
    assert "pwned" not in page.title() and page.locator("main script").count() == 0
    assert page.errors == []
