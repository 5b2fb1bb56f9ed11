"""A real browser (Debian's Chromium driven by Playwright) against a server on 127.0.0.1:
analyse a pasted article, open it, see highlighted spans, use the dashboard and search.
Screenshots are kept in test-artifacts/ for a person to look at."""

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}"


@pytest.fixture(scope="module")
def server(tiny_model, db):
    import uvicorn

    from propscope.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(db=db, model=str(tiny_model)), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def test_paste_analyse_read_and_explore(server, browser, sample_text):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    page.fill("#title", "Sample article")
    page.fill("#text", sample_text)
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/web-*")
    marks = page.locator(".reading mark")
    assert marks.count() > 0
    marks.first.click()
    details = page.locator("#span-details")
    assert "confidence" in details.inner_text()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)

    page.goto(server + "/dashboard")
    assert page.locator("svg.chart").count() >= 2
    assert "Sample article" in page.inner_text("body")
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    page.goto(server + "/search")
    page.fill("input[name=q]", "veteran")
    page.click("form.inline button")
    page.wait_for_url("**/search?q=veteran*")
    assert page.locator(".hit").count() == 1
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)
    page.close()


def test_script_in_article_does_not_run(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.fill("#text", "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script> Liars!")
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/web-*")
    assert page.title() != "pwned"
    assert "<script>" in page.inner_text(".reading")
    page.close()


def test_reuse_view_shows_both_passages_and_the_edits(server, browser, db):
    import httpx

    from propscope.reuse import find_reuse
    from propscope.store import Store

    copied = ("The ministry said that the rebels had launched a new attack on the northern villages overnight, "
              "killing at least twelve civilians and forcing hundreds of families to flee towards the border.")
    httpx.post(server + "/api/analyze", json={"text": "Opinion. " + copied, "title": "The blog post",
                                              "published": "2020-01-01"}, timeout=30)
    httpx.post(server + "/api/analyze", json={"text": "In brief.\n\n" + copied.replace("a new", "a fresh"),
                                              "title": "The copy", "published": "2020-01-05"}, timeout=30)
    store = Store(db)
    store.save_reuse(find_reuse(list(store.iter_articles())))
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + "/reuse")
    assert page.locator(".side-by-side").count() >= 1
    assert page.locator("del", has_text="new").count() >= 1 and page.locator("ins", has_text="fresh").count() >= 1
    assert page.locator(".origin").first.inner_text() == "likely origin"
    page.screenshot(path=str(ARTIFACTS / "reuse.png"), full_page=True)
    page.close()
