"""The REST API and pages through FastAPI's test client, on SQLite and PostgreSQL."""

import concurrent.futures as cf
import http.server
import re
import threading

import pytest
from fastapi.testclient import TestClient

from propscope.web.app import create_app

EVIL = "<script>alert('x')</script> The traitors and liars in the capital betrayed our great nation again."


@pytest.fixture()
def client(db_url, tiny_model):
    with TestClient(create_app(db=db_url, model=str(tiny_model))) as c:
        yield c


def test_healthz_and_openapi(client):
    assert client.get("/healthz").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/articles", "/api/outlets", "/api/techniques", "/api/sources"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_analyze_store_and_read_back(client, sample_text):
    r = client.post("/api/analyze", json={"text": sample_text, "title": "Sample"})
    assert r.status_code == 200
    a = r.json()
    assert a["id"].startswith("web-") and a["spans"] and a["article"]["text"] == sample_text
    again = client.post("/api/analyze", json={"text": sample_text})
    assert again.json()["id"] == a["id"]
    listing = client.get("/api/articles").json()
    assert listing["total"] == 1 and listing["articles"][0]["title"] == "Sample"
    assert client.get(f"/api/articles/{a['id']}").json()["spans"] == a["spans"]
    tech = a["spans"][0]["technique"]
    assert client.get("/api/articles", params={"technique": tech}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "veteran"}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "zebra"}).json()["total"] == 0
    assert client.get("/api/outlets").json()[0]["articles"] == 1
    assert a["attributions"] and a["entities"]
    cited = client.get("/api/sources").json()
    assert any("Daily Patriot" in c["source"] for c in cited)
    page = client.get(f"/articles/{a['id']}").text
    assert "Who is cited" in page and "Daily Patriot" in page
    dash = client.get("/dashboard").text
    assert 'class="heat"' in dash and "Most-targeted entities" in dash
    assert a["targets"] and 'aria-label="entities most targeted by technique spans"' in dash
    assert len(client.get("/api/techniques").json()) == 14


def test_errors_are_json_with_detail(client):
    assert client.get("/api/articles/nope").json()["detail"]
    for body in ({}, {"text": ""}, {"text": "x", "url": "https://example.com"}):
        r = client.post("/api/analyze", json=body)
        assert r.status_code == 422 and "detail" in r.json()
    r = client.post("/api/analyze", content=b"x" * 2_100_000, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "detail" in r.json()


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost/", "http://169.254.169.254/latest",
                                 "http://10.0.0.1/", "file:///etc/passwd"])
def test_private_urls_are_refused(client, url):
    r = client.post("/api/analyze", json={"url": url})
    assert r.status_code in (400, 422) and "detail" in r.json()  # 422: not http(s) at all


def test_redirect_to_private_address_is_refused(client, monkeypatch):
    """A public-looking host that redirects inward is checked again at every hop."""
    from propscope import fetch

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:9/secret")
            self.end_headers()

        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    real = fetch.check_url
    first = {"done": False}

    def check(url, allow_private=False):  # let the first hop (our local server) through, as if it were public
        if not first["done"]:
            first["done"] = True
            return real(url, allow_private=True)
        return real(url, allow_private)

    monkeypatch.setattr(fetch, "check_url", check)
    r = client.post("/api/analyze", json={"url": f"http://127.0.0.1:{httpd.server_address[1]}/start"})
    httpd.shutdown()
    assert r.status_code == 400 and "non-public" in r.json()["detail"]


def test_pages_escape_article_text(client):
    a = client.post("/api/analyze", json={"text": EVIL, "title": "<b>Bold</b> title"}).json()
    page = client.get(f"/articles/{a['id']}").text
    assert "<script>alert" not in page and "&lt;script&gt;" in re.sub(r"</?mark[^>]*>", "", page)
    assert "<b>Bold</b>" not in page and "&lt;b&gt;Bold&lt;/b&gt;" in page
    assert "<mark" in page and "span-details" in page
    for path in ("/", "/dashboard", "/search?q=traitors", "/static/style.css", "/static/app.js"):
        assert client.get(path).status_code == 200, path
    assert "<svg" in client.get("/dashboard").text


def test_form_post_redirects_to_article(client):
    r = client.post("/analyze", data={"text": "They are liars. Everyone knows it.", "title": "Form"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/articles/web-")
    assert "Paste a text" in client.post("/analyze", data={"text": ""}).text


def test_writes_need_token_when_configured(db_url, tiny_model):
    with TestClient(create_app(db=db_url, model=str(tiny_model), token="s3cret")) as c:
        assert c.post("/api/analyze", json={"text": "Hello there."}).status_code == 401
        assert c.post("/api/analyze", json={"text": "Hello there."},
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/analyze", json={"text": "Hello there."},
                      headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/api/articles").status_code == 200  # reads stay open


def test_fifty_parallel_posts_lose_and_duplicate_nothing(client):
    texts = [f"Report number {i}: the officials said the plan was a disgrace." for i in range(45)]
    texts += texts[:5]  # five exact repeats must not create articles
    with cf.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda t: client.post("/api/analyze", json={"text": t}), texts))
    assert all(r.status_code == 200 for r in results)
    ids = {r.json()["id"] for r in results}
    assert len(ids) == 45
    assert client.get("/api/articles", params={"per_page": 500}).json()["total"] == 45


def test_serve_refuses_public_bind_without_token():
    from click.testing import CliRunner

    from propscope.cli import main

    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "without a write token" in r.stderr


# -- colours, labels and nesting (pure functions: no server, no model) ------------------------
def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB hex colour, for a perceptual distance between colours."""
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    m = ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))
    x, y, z = (sum(a * b for a, b in zip(row, lin)) / w for row, w in zip(m, (0.95047, 1.0, 1.08883)))
    f = [v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116 for v in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two sRGB hex colours."""
    def lum(c: str) -> float:
        r, g, b_ = (v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
                    for v in (int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_technique_colours_are_readable_and_distinct():
    import itertools
    import math

    from propscope import taxonomy

    label_ink = "#1a1a1a"  # article.css: text and labels on a highlight
    for t in taxonomy.PTC14:
        assert _contrast(label_ink, t.colour) >= 7, f"{t.display}: label text on {t.colour} fails WCAG AAA"
        _, a, b = _lab(t.colour)
        assert math.hypot(a, b) >= 25, f"{t.display}: {t.colour} is greyish and looks disabled"
        assert t.short and len(t.short) <= 14
    for s, t in itertools.combinations(taxonomy.PTC14, 2):
        assert math.dist(_lab(s.colour), _lab(t.colour)) >= 20, f"{s.display} and {t.display} look alike"
