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
def server(tiny_model, tmp_path_factory):
    import uvicorn

    from propscope.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "web.db"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(db=f"sqlite:///{db}", model=str(tiny_model)), host="127.0.0.1", port=port,
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
