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
    assert a["targets"] and 'aria-label="entities most targeted by highlighted passages"' in dash
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
    assert r.status_code == 400 and "on a private or local network (127.0.0.1: loopback)" in r.json()["detail"]


def test_pages_escape_article_text(client):
    a = client.post("/api/analyze", json={"text": EVIL, "title": "<b>Bold</b> title"}).json()
    page = client.get(f"/articles/{a['id']}").text
    unmarked = re.sub(r'</?mark[^>]*>|<span class="lbl[^"]*"[^>]*>[^<]*</span>', "", page)  # highlights, labels
    assert "<script>alert" not in page and "&lt;script&gt;" in unmarked
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


def test_a_repost_fills_in_missing_metadata_and_says_so(client):
    text = "The same report, first posted bare. Officials lied again."
    first = client.post("/api/analyze", json={"text": text}).json()
    assert first["metadata_filled"] == [] and first["article"]["outlet"] is None
    again = client.post("/api/analyze", json={"text": text, "outlet": "news.example", "published": "2022-02-03"})
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert again.json()["metadata_filled"] == ["outlet", "published"]
    assert again.json()["article"]["outlet"] == "news.example"
    stored = client.get(f"/api/articles/{first['id']}").json()["article"]
    assert (stored["outlet"], stored["published"]) == ("news.example", "2022-02-03")
    other = client.post("/api/analyze", json={"text": text, "outlet": "elsewhere.example"}).json()
    assert other["metadata_filled"] == [] and other["article"]["outlet"] == "news.example"  # never replaced
    assert client.get("/api/articles", params={"outlet": "news.example"}).json()["total"] == 1


def test_web_posts_take_the_headline_as_title(client):
    text = "Globalist elites are coming for you\n\nThey lie, and they lie again. Everyone knows it."
    a = client.post("/api/analyze", json={"text": text}).json()
    assert a["article"]["title"] == "Globalist elites are coming for you"  # the rule the CLI applies
    r = client.post("/analyze", data={"text": "Harbour plans sink\nThe council voted the plan down."},
                    follow_redirects=False)
    page = client.get(r.headers["location"]).text
    assert re.search(r"<h1[^>]*>Harbour plans sink</h1>", page) and "<title>Harbour plans sink · propscope</title>" in page
    plain = client.post("/api/analyze", json={"text": "It rained all day.\nThen it stopped."}).json()
    assert plain["article"]["title"] is None  # a sentence, not a headline


def test_pages_show_a_title_not_an_id_where_one_can_be_had(client, db_url):
    """An article stored untitled (by an older propscope, or through the Python API) is shown by its
    headline on every page that lists or heads it; the API keeps the stored (missing) title."""
    from propscope.document import Analysis, Article, Sentence
    from propscope.store import Store

    s = Store(db_url)
    art = Article("untitled-7f3a", "Harbour plans sink\nThe council voted the plan down at night.")
    s.add_articles([art])
    s.save_analyses([(s.pk_of(art.id), Analysis(art, [], [Sentence(0, 18, 0.2)], 0.2, "m"))])
    for path in ("/", "/search?q=council", "/dashboard", f"/articles/{art.id}"):
        page = client.get(path).text
        assert "Harbour plans sink</" in page, path
        assert f">{art.id}<" not in page and f"Article {art.id}" not in page, path
    assert client.get("/api/articles").json()["articles"][0]["title"] is None


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


def _nested_analysis():
    from propscope.document import Analysis, Article, Sentence, Span

    text = "Globalist elites are coming for your freedom: wake up before it is too late."
    spans = [Span(0, 44, "Appeal_to_fear-prejudice", 0.91, text[0:44]),
             Span(10, 16, "Name_Calling,Labeling", 0.82, text[10:16]),
             Span(10, 16, "Loaded_Language", 0.64, text[10:16]),
             Span(37, 53, "Slogans", 0.55, text[37:53])]
    return Analysis(Article(id="n1", text=text, title="Nested"), spans, [Sentence(0, len(text), 0.9)], 0.9, "hand")


def test_spans_carry_visible_labels_and_nest_without_splitting():
    from propscope.report_html import render_article

    out = render_article(_nested_analysis())
    outer_start = out.index('data-id="0"')
    outer = out[out.rfind("<mark", 0, outer_start):]
    # the inner span (two techniques, both labelled) sits inside the one outer mark
    assert out.count('data-id="0"') == 1 and out.count('data-id="1"') == 1
    assert outer.index('data-id="1"') < outer.index('>fear</span></mark>')
    inner = out[out.index('data-id="1"'):]
    assert inner.index(">name-calling</span>") < inner.index(">loaded</span>") < inner.index("</mark>")
    # the crossing span is cut at the outer's end: two pieces, labelled once, at its end
    assert out.count('data-id="2"') == 2 and out.count(">slogan</span>") == 1
    assert out.index(">fear</span>") < out.index(">slogan</span>")
    assert out.count('class="lbl') == 4  # one label per (span, technique)


def test_default_view_hides_the_least_confident_spans():
    from propscope.document import Analysis, Article, Span
    from propscope.report_html import default_threshold, render, render_article, render_controls

    text = " ".join(f"word{i}" for i in range(40))
    spans = [Span(i * 12, i * 12 + 5, "Loaded_Language" if i % 2 else "Doubt", 0.1 + 0.07 * i, "x") for i in range(12)]
    a = Analysis(Article(id="t", text=text), spans, [], 0.5, "m")
    cut = default_threshold([s.score for s in spans])
    assert 0.2 < cut < 0.5
    out = render_article(a)
    hidden = out.count('class="span off"')
    assert hidden == sum(s.score < cut for s in spans) and 0 < hidden < 12
    controls = render_controls([a], cut)
    assert 'type="range"' in controls and f'value="{round(cut * 100)}"' in controls
    assert 'Loaded language <span class="count">6</span>' in controls and 'Doubt <span class="count">6</span>' in controls
    assert f"{12 - hidden} of 12 highlighted passages shown" in controls
    assert default_threshold([0.1, 0.2, 0.3]) == 0  # a few spans: all shown
    report = render([a])
    assert "@media print" in report and "print-color-adjust:exact" in report and 'id="min-score"' in report


def test_who_is_cited_lists_a_quote_once_though_it_keeps_the_comma_its_attribution_drops():
    from propscope.document import Analysis, Article
    from propscope.report_html import render_sources

    text = "“They want to destroy everything we love,” said one veteran. “Never again,” a sign read."
    comma = text.index(",”")
    never = text.index("Never")
    a = Analysis(Article(id="q", text=text), [], [], 0.5, "m",
                 attributions=[{"source": "one veteran", "cue": "said", "content_start": 1, "content_end": comma}],
                 quotes=[{"start": 1, "end": comma + 1, "text": text[1:comma + 1], "speaker": "one veteran"},
                         {"start": never, "end": never + 12, "text": "Never again,", "speaker": None}])
    out = render_sources(a)
    assert out.count("destroy everything") == 1 and out.count("<li>") == 2
    assert '<strong>one veteran</strong> <span class="hint">said</span>: “They' in out
    colon = Analysis(Article(id="c", text="Kremlin: talks are over"), [], [], 0.5, "m", attributions=[
        {"source": "Kremlin", "cue": ":", "content_start": 9, "content_end": 23}])
    assert "<strong>Kremlin</strong>: “talks are over”" in render_sources(colon)  # not "Kremlin :: ..."
    assert "<strong>unknown speaker</strong> <span class=\"hint\">quoted</span>: “Never again,”" in out


def test_docs_and_redoc_load_nothing_from_elsewhere(client):
    for path in ("/docs", "/redoc"):
        page = client.get(path).text
        refs = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert refs and all(r.startswith("/") for r in refs), refs
        for r in refs:
            assert client.get(r).status_code == 200, r
        assert "<script>" not in page  # no inline script: works under a strict Content-Security-Policy
    bundle = client.get("/redoc.js").text
    assert "cdn.redoc.ly" not in bundle and "/static/favicon.svg" in bundle
    assert "validatorUrl: null" in client.get("/static/docs.js").text


def _post(client, text, **meta):
    r = client.post("/api/analyze", json={"text": text, **meta})
    assert r.status_code == 200, r.text
    return r.json()


def test_dashboard_filters_downloads_and_links(client):
    from propscope.web.views import DASHBOARD_TABLES

    _post(client, "The traitors in the capital betrayed our great nation.", title="One", outlet="Daily",
          published="2020-01-05")
    _post(client, "Liars and cowards ran the city into the ground.", title="Two", outlet="Evening", published="2020-03-09")
    page = client.get("/dashboard").text
    for table in DASHBOARD_TABLES:
        for fmt in ("csv", "json"):
            assert f'href="/dashboard/{table}.{fmt}"' in page, (table, fmt)
            r = client.get(f"/dashboard/{table}.{fmt}")
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv" if fmt == "csv" else
                                                                                  "application/json")
    assert client.get("/dashboard/outlets.csv").text.splitlines()[0] == (
        "outlet,articles,mean_score,score_low,score_high,spans")
    only = client.get("/dashboard/outlets.json", params={"outlet": "Daily"}).json()["rows"]
    assert [r["outlet"] for r in only] == ["Daily"]
    months = client.get("/dashboard/months.json", params={"since": "2020-02", "until": "2020-12-31"}).json()["rows"]
    assert [m["month"] for m in months] == ["2020-03"]
    filtered = client.get("/dashboard", params={"outlet": "Evening", "since": "2020-02-01", "until": "2020-12-31"}).text
    assert "1 analysed article published from 2020-02-01 until 2020-12-31." in filtered
    assert 'href="/dashboard/techniques.csv?outlet=Evening&amp;since=2020-02-01&amp;until=2020-12-31"' in filtered
    assert 'href="/dashboard?outlet=Evening&amp;since=2020-02-01&amp;until=2020-12-31#techniques"' in filtered
    assert re.search(r'<a class="bar-row" href="/search\?outlet=Evening&amp;since=2020-02-01&amp;until=2020-12-31'
                     r'&amp;technique=[^"]+"', filtered)  # a technique bar opens its articles
    assert 'href="/search?since=2020-01&amp;until=2020-01"' in page  # a month point opens that month
    bad = client.get("/dashboard", params={"since": "last week"})
    assert bad.status_code == 200 and "not a date" in bad.text
    assert client.get("/dashboard/outlets.json", params={"since": "last week"}).status_code == 400
    assert client.get("/dashboard/nope.csv").status_code == 404
    # from after until: an empty page said nothing of why
    swapped = {"since": "2020-12-31", "until": "2020-02"}
    for where in ("/dashboard", "/search"):
        r = client.get(where, params=swapped)
        assert r.status_code == 200 and "the from date (2020-12-31) is after the until date (2020-02-29)" in r.text
    assert client.get("/dashboard/outlets.json", params=swapped).status_code == 400
    assert client.get("/search.csv", params=swapped).status_code == 400


def test_the_time_chart_has_a_line_for_each_busy_outlet(client):
    for outlet, month in [("Daily", "01"), ("Daily", "02"), ("Daily", "03"), ("Evening", "01"), ("Evening", "03"),
                          ("Weekly", "02")]:
        _post(client, f"The traitors of {outlet} betrayed our great nation in month {month}.", title=f"{outlet} {month}",
              outlet=outlet, published=f"2020-{month}-10")
    page = client.get("/dashboard").text
    chart = page[page.index('id="months"'):page.index('id="topics"')]
    legend = re.findall(r"</svg>([^<]+)</li>", chart.split('<ul class="legend">')[1])
    assert legend == ["all outlets", "Daily", "Evening"]  # Weekly has one month: no line of its own
    assert chart.count('<path class="series s1"') == 1 and chart.count('<path class="series s2"') == 1
    assert 'href="/search?outlet=Evening&amp;since=2020-03&amp;until=2020-03"' in chart  # a point opens its articles
    assert "Evening, 2020-03: " in chart
    rows = client.get("/dashboard/outlet_months.json").json()["rows"]
    assert [(r["outlet"], r["month"], r["articles"]) for r in rows] == [
        ("Daily", "2020-01", 1), ("Daily", "2020-02", 1), ("Daily", "2020-03", 1), ("Evening", "2020-01", 1),
        ("Evening", "2020-03", 1), ("Weekly", "2020-02", 1)]
    one = client.get("/dashboard", params={"outlet": "Daily"}).text
    assert '<ul class="legend">' not in one and 'class="series s1"' not in one  # one outlet: one line


def test_search_snippets_pagination_and_downloads(client):
    for i in range(23):
        _post(client, f"Story {i}. " + "Filler words about the weather. " * 8 + f"The harbour was closed on day {i}. "
              + "More filler about sport and prices. " * 8, title=f"Harbour {i:02d}", outlet="Port News")
    first = client.get("/search", params={"q": "harbour"}).text
    assert "23 articles matching" in first and first.count('class="result"') == 20
    assert 'rel="next" href="/search?page=2&amp;q=harbour"' in first and "Page 1 of 2" in first
    assert '<mark class="match">harbour</mark>' in first and "… " in first  # a snippet around the match
    second = client.get("/search", params={"q": "harbour", "page": 2}).text
    assert second.count('class="result"') == 3 and 'rel="prev"' in second
    rows = client.get("/search.csv", params={"q": "harbour"}).text.splitlines()
    assert len(rows) == 24 and rows[0].startswith("id,title,outlet,published")
    data = client.get("/search.json", params={"q": "harbour", "outlet": "Port News"}).json()
    assert data["total"] == 23 and len(data["rows"]) == 23 and not data["truncated"]
    everything = client.get("/search").text  # no filter: every stored article, paginated
    assert "23 articles." in everything
    assert "Loaded language" in client.get("/search", params={"technique": "loaded language"}).text
    unknown = client.get("/search", params={"technique": "Propaganda"}).text
    assert "unknown technique" in unknown and "Loaded language (Loaded_Language)" in unknown


def test_favicon_error_page_and_plurals(client):
    assert client.get("/favicon.ico").status_code == 200
    missing = client.get("/articles/no-such-id", headers={"accept": "text/html"})
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "No such article" in missing.text and "no-such-id" in missing.text
    assert client.get("/nowhere", headers={"accept": "text/html"}).headers["content-type"].startswith("text/html")
    assert client.get("/api/articles/no-such-id").json()["detail"]  # the API keeps JSON
    bad = client.get("/search", params={"page": "abc<b>"}, headers={"accept": "text/html"})  # a mistyped link
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("text/html")
    assert "This page cannot show that" in bad.text and "page: Input should be a valid integer" in bad.text
    assert "abc" not in bad.text  # never the input itself
    assert client.get("/api/articles", params={"page": "abc"}).json()["detail"][0]["loc"] == ["query", "page"]
    _post(client, "The traitors lied again.", title="Only one")
    assert "1 article stored" in client.get("/").text
    assert "1 analysed article." in client.get("/dashboard").text
    assert "1 article." in client.get("/search").text


def test_counts_read_as_english():
    from propscope.document import Analysis, Article, Span
    from propscope.report_html import plural, render_article

    assert (plural(1, "article"), plural(2, "article"), plural(1200, "passage")) == ("1 article", "2 articles",
                                                                                   "1,200 passages")
    one = Analysis(Article(id="p", text="Liars all."), [Span(0, 5, "Name_Calling,Labeling", 0.8, "Liars")], [], 0.8, "m")
    assert "· 1 highlighted passage ·" in render_article(one)


def test_time_chart_fills_its_card_and_keeps_its_labels():
    from propscope.web.charts import line_chart

    months = [(f"2020-{m:02d}", m / 12, f"/search?since=2020-{m:02d}") for m in range(1, 13)]
    svg = line_chart(months, width=1000)
    assert 'width="100%"' in svg and "max-width" not in svg
    for x, label in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">([^<]+)</text>', svg):
        half = len(label) * 13 * 0.6 / 2  # about half the label's width at 13px
        assert half <= float(x) <= 1000 - half, label
    for x, _ in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end">([^<]+)</text>', svg):
        assert float(x) >= 4 * 13 * 0.6  # "100%" fits left of the axis
    assert svg[:svg.index("</svg>")].count("<a href=") == 12


def test_a_long_article_renders_in_time_linear_in_its_length():
    """Each line used to look through every sentence and span of the article: a 4,000-line
    article read its sentences' offsets 16 million times (and took seconds to render)."""
    import random

    from propscope.document import Analysis, Article, Sentence, Span
    from propscope.report_html import _per_line, render_article

    class Counted(Sentence):
        reads = 0

        def __getattribute__(self, name):
            if name == "start":
                type(self).reads += 1
            return super().__getattribute__(name)

    line = "The corrupt elites lied to the nation again, said the veteran."
    n = 2000
    text = "\n".join([line] * n)
    step = len(line) + 1
    spans = [Span(i * step + 4, i * step + 30, "Loaded_Language", 0.5, "") for i in range(n)]
    sentences = [Counted(i * step, i * step + len(line), 0.5) for i in range(n)]
    out = render_article(Analysis(Article(id="long", text=text), spans, sentences, 0.5, "m"))
    assert out.count('class="line"') == n and out.count("<mark") == n
    assert Counted.reads < 10 * n, f"{Counted.reads} reads of sentence offsets for {n} lines"
    rng = random.Random(0)  # the walk finds exactly the ranges that overlap each line
    for _ in range(300):
        size = rng.randint(1, 40)
        cuts = sorted({*rng.sample(range(1, size + 1), rng.randint(1, min(5, size))), size})
        lines = list(zip([0, *cuts[:-1]], cuts))
        ranges = [(a, rng.randint(a, size)) for a in (rng.randint(0, size) for _ in range(rng.randint(0, 6)))]
        want = [[i for i, (a, b) in enumerate(ranges) if a < e and b > s] for s, e in lines]
        assert [sorted(found) for found in _per_line(lines, ranges)] == want, (lines, ranges)


def _levels(page: str) -> list[int]:
    return [int(n) for n in re.findall(r"<h([1-6])[\s>]", page)]


def _assert_outline(page: str, name: str) -> None:
    """One h1, first; no level skipped on the way down (a screen reader's list of headings)."""
    levels = _levels(page)
    assert levels and levels[0] == 1 and levels.count(1) == 1, (name, levels)
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (name, levels)


def test_every_page_has_one_h1_first_and_skips_no_heading_level(client, sample_text):
    a = _post(client, sample_text, title="Sample story")
    for path in ("/", f"/articles/{a['id']}", "/dashboard", "/search", "/search?q=veteran", "/reuse"):
        _assert_outline(client.get(path).text, path)
    page = client.get(f"/articles/{a['id']}").text
    assert re.search(r"<h1[^>]*>Sample story</h1>", page)
    assert "<h2>Who is cited</h2>" in page and "<h2>Techniques here</h2>" in page
    missing = client.get("/articles/nope", headers={"accept": "text/html"}).text
    _assert_outline(missing, "404")


def test_report_outline_landmark_and_legend_with_labels():
    from propscope.report_html import render

    a = _nested_analysis()
    report = render([a], title="Weekly check")
    _assert_outline(report, "report")
    assert report.index("<main>") < report.index("<h1>Weekly check</h1>") < report.index("</main>")
    assert report.index("<h2>Techniques in this report</h2>") < report.index('<section class="analysed"')
    legend = report[report.index("<h2>Techniques in this report</h2>"):]
    assert "<p>" not in legend[:legend.index("</dl>")]  # a <dl> holds only <dt> and <dd>
    # each technique in the text, its colour and the label printed at its spans
    for name, label in (("Appeal_to_fear-prejudice", "fear"), ("Slogans", "slogan")):
        assert re.search(rf'<dt data-t="{re.escape(name)}"><span class="swatch"></span>[^<]+ '
                         rf'<span class="lbl">{label}</span></dt><dd>[^<]+</dd>', legend), name


def test_the_article_page_and_report_say_how_to_read_them(client, sample_text):
    """A first-time reader learns what a highlight, its label, a confidence, a line's percentage
    and the article score are, and that none is a verdict: on the page, in the report, and in the
    panel a clicked highlight fills (app.js)."""
    from propscope.document import Analysis, Article
    from propscope.report_html import READING_GUIDE, render, render_head

    for needed in ("label at its end", "calibrated probability, not a verdict", "Tab and press Enter",
                   "highest score of a sentence", "article score is the mean", "does not say whether an article is true"):
        assert needed in READING_GUIDE, needed
    a = _post(client, sample_text, title="Guide")
    page = client.get(f"/articles/{a['id']}").text
    assert READING_GUIDE in page and "What the highlights, labels and percentages mean" in page
    assert READING_GUIDE in render([_nested_analysis()])
    assert "calibrated probability" in client.get("/static/app.js").text
    for text in (page, READING_GUIDE):
        assert "fake" not in text.lower()
    # an article in a language the model does not read was not scored: no "article score 0%"
    skipped = Analysis(Article(id="fr", text="Les traîtres mentent."), [], [], 0.0, "m",
                       notes=["this model detects techniques only in English; this text reads as French (fr)"])
    assert "article score 0%" not in render_head(skipped) and "no article score (see the note)" in render_head(skipped)
    assert "article score 90%" in render_head(_nested_analysis())


def test_every_highlighted_passage_is_listed_with_its_confidence_without_script_or_hover():
    """The confidences are in a hover title and in the panel a click fills (JavaScript); a table
    under the text gives them to keyboard, touch and screen-reader users, hidden spans included."""
    from propscope.document import Analysis
    from propscope.report_html import render, render_article

    a = _nested_analysis()
    out = render_article(a, threshold=0.6)  # the slogan (55%) starts hidden
    table = out[out.index('<details class="passages">'):out.index("</details>")]
    assert "<summary>All 3 highlighted passages, with their technique and confidence</summary>" in table  # "elites" once
    assert '<th scope="col">Confidence</th>' in table
    rows = re.findall(r'<tr><td[^>]*>“([^”]*)”</td><td><span[^>]*></span>([^<]+)</td><td class="num">(\d+)%</td></tr>',
                      table)
    assert rows == [("Globalist elites are coming for your freedom", "Appeal to fear or prejudice", "91"),
                    ("elites", "Name calling / labeling", "82"), ("elites", "Loaded language", "64"),
                    ("freedom: wake up", "Slogans", "55")]
    assert "<details" not in render_article(Analysis(a.article, [], [], 0.1, "m"))  # nothing highlighted: no table
    assert "All 3 highlighted passages" in render([a])


ARABIC = "الخونة في العاصمة\nإنهم كاذبون وجبناء، وقد خانوا أمتنا العظيمة مرة أخرى."


def test_right_to_left_text_reads_in_its_own_direction_and_language(client):
    """Arabic or Hebrew lines, titles and snippets take their direction from their own letters
    (dir="auto"), not from the English page around them, and the article's words carry its language."""
    from propscope.document import Analysis, Article, Span
    from propscope.report_html import render_article, render_head

    a = Analysis(Article(id="ar-1", text=ARABIC, title="الخونة في العاصمة"), [Span(18, 23, "Name_Calling,Labeling",
                 0.8, ARABIC[18:23])], [], 0.5, "m", language="ar")
    out = render_article(a)
    assert out.count('<div class="text" dir="auto">') == 2 and '<div class="lines" lang="ar">' in out
    assert '<h2 lang="ar" dir="auto">الخونة في العاصمة</h2>' in render_head(a)
    assert '<td dir="auto" lang="ar">“' in out  # the passage in the table of highlights
    assert "lang=" not in render_article(Analysis(Article(id="x", text="Plain."), [], [], 0.1, "m"))
    posted = _post(client, ARABIC, title="الخونة في العاصمة")
    for path in ("/", "/search"):  # the dashboard lists scored articles only, and Arabic is not scored
        assert re.search(r'<a (class="hit-title" )?dir="auto" href="/articles/' + posted["id"], client.get(path).text), path
    assert '<p class="snippet" dir="auto">' in client.get("/search").text


def test_dashboard_charts_have_text_alternatives_units_and_readable_cells(client):
    """The time line is a picture to a screen reader: its figures come as a table under it, each
    value linking where its point does; a bar's number says what it counts; the heat table's cells
    keep AA contrast (4.5:1) and its headers say what they head."""
    from pathlib import Path

    from propscope.web.charts import line_chart

    for outlet, month in [("Daily", "01"), ("Daily", "02"), ("Evening", "01"), ("Evening", "02")]:
        _post(client, f"The traitors of {outlet} betrayed our great nation in month {month}.", title=f"{outlet} {month}",
              outlet=outlet, published=f"2020-{month}-10")
    page = client.get("/dashboard").text
    months = page[page.index('id="months"'):page.index('id="topics"')]
    table = months[months.index('<details class="chart-table">'):months.index("</details>")]
    assert '<th scope="col">Month</th><th scope="col">all outlets</th><th scope="col">Daily</th>' in table
    assert re.search(r'<tr><th scope="row">2020-02</th><td class="num"><a href="/search\?since=2020-02&amp;'
                     r'until=2020-02">\d+%</a></td>', table)
    assert 'href="/search?outlet=Evening&amp;since=2020-01&amp;until=2020-01"' in table
    assert line_chart([("2020-01", 0.5, None)], title="t").count("<td") == 1  # one line: one column of figures
    techniques = page[page.index('id="techniques"'):page.index('id="outlets"')]
    assert re.search(r'<span class="bar-value">\d+<span class="sr-only"> passages</span></span>', techniques)
    assert re.search(r'title="[^"]+: \d+ passages \(open the matching articles\)"', techniques)
    assert '<span class="sr-only"> mean article score</span>' in page
    outlets = page[page.index('id="outlets"'):page.index('id="months"')]  # two articles each: a 95% range each
    assert outlets.count('<path class="bar-range"') == 2
    assert re.search(r'<span class="sr-only">, 95% range \d+%–\d+%</span>', outlets)
    assert re.search(r'title="Daily: \d+% mean article score \(95% range \d+%–\d+%\)', outlets)
    assert '<th scope="row">Daily</th>' in page
    assert '<caption class="sr-only">Highlighted passages of each technique, by outlet</caption>' in page
    css = Path(__file__).resolve().parents[1].joinpath("src/propscope/web/static/style.css").read_text()
    def hex6(c: str) -> str:  # "#222" -> "#222222"
        return c if len(c) == 7 else "#" + "".join(ch * 2 for ch in c[1:])

    hexes = r"#[0-9a-f]{3}(?:[0-9a-f]{3})?"
    ink = hex6(re.search(rf"--ink:({hexes})\b", css).group(1))
    heat = re.findall(rf"\.heat-(\d)\{{background:({hexes})(?:;color:({hexes}))?\}}", css)
    assert len(heat) == 5
    for level, background, colour in heat:
        fg = hex6(colour) if colour else ink
        assert _contrast(fg, hex6(background)) >= 4.5, f"heat-{level}: {fg} on {background}"
    nodates = client.get("/dashboard", params={"outlet": "nowhere"}).text
    assert "No analysed article matches these filters." in nodates and 'class="heat"' not in nodates


def test_search_results_say_what_their_percentages_are_and_join_only_what_is_known(client):
    _post(client, "The traitors in the capital betrayed our great nation.", title="Undated")
    _post(client, "The traitors lied to the city again.", title="Dated", outlet="Daily", published="2020-01-05")
    page = client.get("/search", params={"q": "traitors"}).text
    metas = re.findall(r'</a>\s*<span class="hint">([^<]*)</span>', page)
    assert sorted(metas, key=len)[0].startswith("score ") and any(m.startswith("Daily · 2020-01-05 · score ") for m in metas)
    assert all(not m.startswith((" ", "·")) for m in metas), metas
    assert "the model's confidence: a calibrated probability, not a verdict" in page


def test_a_refused_form_comes_back_filled_in_as_sent_but_never_with_the_token(db_url, tiny_model):
    """A journalist who pasted a long article and mistyped the address gets the reason and the
    form as they sent it, not an empty form; a wrong token is neither echoed nor a dead end."""
    import html as html_lib

    text = "\nThe traitors lied <again> & again.\nSecond line."
    with TestClient(create_app(db=db_url, model=str(tiny_model), token="s3cret")) as c:
        r = c.post("/analyze", files={"text": (None, text), "title": (None, "My \"draft\""),
                                      "url": (None, "ftp://example.com/x"), "token": (None, "s3cret")})
        assert r.status_code == 400 and "must start with http:// or https://" in r.text
        assert 'value="My &#34;draft&#34;"' in r.text and 'value="ftp://example.com/x"' in r.text
        pasted = r.text[r.text.index('<textarea'):r.text.index("</textarea>")]
        assert html_lib.unescape(pasted.split(">", 1)[1]) == "\n" + text  # the parser drops the first newline only
        wrong = c.post("/analyze", files={"text": (None, "Liars!"), "token": (None, "guess-1234")})
        assert wrong.status_code == 401 and "ask whoever runs this server" in wrong.text
        assert "guess-1234" not in wrong.text and ">\nLiars!</textarea>" in wrong.text


def test_an_empty_store_says_how_to_add_articles_and_pages_are_easy_to_move_through(client):
    """A new store's pages say how articles get in (not empty tables); the first Tab reaches a
    link past the navigation, and the navigation says which page is open."""
    for path in ("/", "/dashboard", "/search"):
        page = client.get(path).text
        assert "No articles yet." in page and "propscope ingest" in page and "propscope analyze --db" in page, path
        assert re.search(r'<body>\s*<a class="skip" href="#main">Skip to content</a>', page) and '<main id="main">' in page
    assert '<a href="/dashboard" aria-current="page">Dashboard</a>' in client.get("/dashboard").text
    assert "aria-current" not in client.get("/dashboard").text.replace('href="/dashboard" aria-current', "")
    assert "does not say whether the article is true" in client.get("/").text
    _post(client, "The traitors lied again.", title="One")
    for path in ("/", "/dashboard", "/search"):
        assert "No articles yet." not in client.get(path).text, path
    none = client.get("/search", params={"q": "zebra"}).text
    assert "Nothing matches: try other words or fewer filters" in none and "No articles yet." not in none
    assert "No articles yet." not in client.get("/dashboard", params={"since": "1990-01-01", "until": "1990-02-01"}).text
    refused = client.post("/analyze", files={"text": (None, " ")})
    assert refused.status_code == 400 and "No articles yet." not in refused.text


def test_listed_dates_are_machine_readable_and_kept_whole(client):
    _post(client, "The traitors lied to the city again.", title="Dated", outlet="Daily", published="2020-01-05")
    for path in ("/", "/dashboard"):
        assert '<td><time datetime="2020-01-05">2020-01-05</time></td>' in client.get(path).text, path
    css = client.get("/static/style.css").text
    assert re.search(r"(^|\n)time\{white-space:nowrap\}", css)


def test_download_links_name_their_table_and_a_server_fault_reads_as_a_page(db_url, tiny_model, monkeypatch):
    from propscope.store import Store

    with TestClient(create_app(db=db_url, model=str(tiny_model)), raise_server_exceptions=False) as c:
        _post(c, "The traitors lied again.", title="One")  # an empty store has nothing to download
        dash = c.get("/dashboard").text
        assert '>CSV<span class="sr-only"> of techniques by outlet</span></a>' in dash
        assert '>link<span class="sr-only"> to this view of top articles</span></a>' in dash
        assert '>JSON<span class="sr-only"> of these results</span></a>' in c.get("/search").text

        def broken(*args, **kwargs):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(Store, "get_analysis", broken)
        page = c.get("/articles/x", headers={"accept": "text/html"})
        assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
        assert "Something went wrong on the server" in page.text and "Try again in a moment" in page.text
        assert "disk on fire" not in page.text and "Traceback" not in page.text
        api = c.get("/api/articles/x")
        assert api.status_code == 500 and api.json()["detail"] == "internal server error"  # Guard's JSON


def test_an_unscored_article_is_listed_as_not_scored_and_drawn_in_no_score_chart(client):
    """An article in a language the model does not read has no score: the article list says
    'not scored' (not 0%), and a group made only of such articles gets no bar at 0 in a score chart."""
    from propscope.web.charts import dashboard_charts

    posted = _post(client, ARABIC, title="الخونة في العاصمة")
    row = re.search(r'href="/articles/' + re.escape(posted["id"]) + r'".*?</tr>', client.get("/").text, re.S)
    assert row and "not scored" in row.group(0) and "0%" not in row.group(0)
    tables = {"techniques": [], "targets": [], "topics": [], "outlet_months": [], "months": [],
              "outlets": [{"outlet": "read.example", "articles": 2, "mean_score": 0.4, "spans": 3},
                          {"outlet": "unread.example", "articles": 5, "mean_score": None, "spans": 0}]}
    bars = dashboard_charts(tables, {})["outlets"]
    assert "read.example" in bars and "unread.example" not in bars


def _store_analysis(db_url, article_id, text, spans=(), notes=(), entities=()):
    """A hand-made analysis in the store, for a page whose content must not depend on the tiny model."""
    from propscope.document import Analysis, Article, Sentence
    from propscope.store import Store

    s = Store(db_url)
    art = Article(article_id, text, title=text.split("\n")[0])
    s.add_articles([art])
    s.save_analyses([(s.pk_of(art.id), Analysis(art, list(spans), [Sentence(0, len(text), 0.05)], 0.05, "m",
                                                 entities=list(entities), notes=list(notes)))])


def test_an_article_without_techniques_says_so_once_and_what_that_is_worth(client, db_url):
    """Where the model marked nothing, the page said "No technique found." in two cards under an empty
    "Show" box and a hint to click highlights that do not exist; a reader could take it as a clean bill.
    Now one card says it, and that finding none is not a verdict."""
    from propscope.document import Span

    _store_analysis(db_url, "calm-1", "Rainfall was close to average\nThe weather service reported 61 mm of rain.")
    page = client.get("/articles/calm-1").text
    assert "<h2>No technique found</h2>" in page and page.count("No technique found") == 1
    assert "That is not a verdict: the model can miss a technique" in page
    assert "controls-card" not in page and "Click one" not in page and "Techniques here" not in page
    assert '<p class="hint gutter-key">The percentage by each' in page  # the gutter says what it shows
    _store_analysis(db_url, "fr-1", "Les traîtres mentent encore.",
                    notes=["this model detects techniques only in English; this text reads as French (fr)"])
    unread = client.get("/articles/fr-1").text
    assert "did not look for techniques in this text" in unread and "That is not a verdict" not in unread
    assert "<h2>Not analysed for techniques</h2>" in unread and "No technique found" not in unread  # it did not look
    assert '<p class="note">Techniques were not looked for in this text: it reads as French' in unread
    from pathlib import Path

    css = (Path(__file__).resolve().parents[1] / "src/propscope/web/static/style.css").read_text()
    assert re.search(r"\.article-head \.note\{background:#[0-9a-f]+;border-left:", css)  # a box, not body text
    text = "The traitors lied again."
    _store_analysis(db_url, "loud-1", text, spans=[Span(4, 12, "Name_Calling,Labeling", 0.8, "traitors")])
    marked = client.get("/articles/loud-1").text
    assert "<h2>Highlights shown</h2>" in marked and "Click one" in marked and "<h2>Techniques here</h2>" in marked
    assert "No technique found" not in marked


def test_named_entities_are_labelled_in_words_not_spacy_codes(client, db_url):
    """spaCy's GPE, NORP and FAC meant nothing to a journalist: each name says person, place..."""
    text = "Jane Holloway of the National Institute spoke in Springfield to French farmers at Union Station."
    ents = [{"text": "Jane Holloway", "label": "PERSON"}, {"text": "National Institute", "label": "ORG"},
            {"text": "Springfield", "label": "GPE"}, {"text": "French", "label": "NORP"},
            {"text": "Union Station", "label": "FAC"}]
    _store_analysis(db_url, "names-1", text, entities=ents)
    page = client.get("/articles/names-1").text
    names = page[page.index("<h2>Names in the text</h2>"):]
    names = names[:names.index("</div>")]
    for name, kind in [("Jane Holloway", "person"), ("National Institute", "organisation"), ("Springfield", "place"),
                       ("French", "group (nationality, religion, party)"), ("Union Station", "building or site")]:
        assert f'<bdi>{name}</bdi> <span class="hint">{kind}</span>' in names, name
    assert not re.search(r">(PERSON|ORG|GPE|NORP|FAC)<", names) and "found automatically" in names


def test_names_in_the_text_list_each_entity_once_with_how_often_it_is_named(client, db_url):
    """The card listed every mention: one person four times, her surname apart from her full name."""
    text = "Jane Holloway spoke. Holloway left. Holloway returned. Acme Corp agreed."
    ents = [{"text": "Jane Holloway", "label": "PERSON", "entity_id": 0, "canonical": "Jane Holloway"},
            {"text": "Holloway", "label": "PERSON", "entity_id": 0, "canonical": "Jane Holloway"},
            {"text": "Holloway", "label": "PERSON", "entity_id": 0, "canonical": "Jane Holloway"},
            {"text": "Acme Corp", "label": "ORG", "entity_id": 1, "canonical": "Acme Corp"}]
    _store_analysis(db_url, "names-2", text, entities=ents)
    page = client.get("/articles/names-2").text
    names = page[page.index("<h2>Names in the text</h2>"):]
    names = names[:names.index("</div>")]
    assert re.findall(r"<bdi>([^<]+)</bdi>", names) == ["Jane Holloway", "Acme Corp"]
    assert '<bdi>Jane Holloway</bdi> <span class="hint">person · named 3 times</span>' in names
    assert '<bdi>Acme Corp</bdi> <span class="hint">organisation</span>' in names


def test_the_time_chart_says_what_its_axes_measure(client):
    """The score-over-time chart showed 0%..100% and months with no word of what was measured."""
    from propscope.web.charts import line_chart

    svg = line_chart([("2020-01", 0.2, None), ("2020-02", 0.5, None)], y_title="Mean article score",
                     x_title="Month of publication", width=1000, height=240)
    titles = re.findall(r'<text class="axis-title" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]+)</text>', svg)
    assert [t for _, _, t in titles] == ["Mean article score", "Month of publication"]
    (yx, yy, _), (_, xy, _) = titles
    top_tick = float(re.search(r'y="([\d.]+)" text-anchor="end">100%<', svg).group(1))
    months = [float(y) for y in re.findall(r'y="([\d.]+)" text-anchor="middle">2020-0\d<', svg)]
    assert float(yy) < top_tick - 13 and float(yx) >= 0  # above the "100%" tick, inside the picture
    assert all(y < float(xy) - 13 for y in months) and float(xy) <= 240  # under the months, inside the picture
    assert "axis-title" not in line_chart([("2020-01", 0.2, None)])  # only when asked
    _post(client, "The traitors lied again.", title="Dated", outlet="Daily", published="2020-01-05")
    page = client.get("/dashboard").text
    months_card = page[page.index('id="months"'):page.index('id="topics"')]
    assert ">Mean article score</text>" in months_card and ">Month of publication</text>" in months_card


def test_an_empty_reuse_page_says_how_to_find_reuse(client):
    """"No reuse stored yet." said nothing of how reuse gets there (a command, not the analysis)."""
    page = client.get("/reuse").text
    assert "No reused passages yet." in page and "<code>propscope reuse --db STORE</code>" in page
    one = client.get("/reuse", params={"article": "web-123"}).text
    assert "No passage of this article was found in another article." in one and "propscope reuse --db" in one
    later = client.get("/reuse", params={"page": 3}).text
    assert "No more reused passages." in later and 'href="/reuse">Back to the first page' in later


def test_download_links_and_scores_say_what_they_are(client):
    """"CSV · JSON · link" stood alone under every chart, and "Score" headed a column with no word of
    what it measures: each download line starts with "Download", each score list says what a score is."""
    _post(client, "The traitors in the capital betrayed our great nation.", title="One", outlet="Daily",
          published="2020-01-05")
    dash = client.get("/dashboard").text
    assert dash.count('<p class="downloads">Download: <a href="/dashboard/') == 7
    assert '<p class="downloads">Download by outlet and month: <a href="/dashboard/outlet_months.csv">' in dash
    assert "The mean of its articles' scores: 0% when no sentence uses a technique" in dash
    top = dash[dash.index('id="top-articles"'):]
    assert "Score: the estimated share of the article's text in sentences that use a technique" in top
    assert "Score: the estimated share of the article's text" in client.get("/").text
    found = client.get("/search", params={"q": "traitors"}).text
    assert '<p class="downloads">Download these results: <a href="/search.csv?q=traitors">' in found
    assert "Download these results" not in client.get("/search", params={"q": "zebra"}).text  # nothing to download


def test_a_listing_snippet_does_not_repeat_the_headline_shown_above_it(client):
    """An article listed without search words showed its opening as the snippet, which began with the
    headline the title above it already said: the snippet starts with the body now, no "…" before it."""
    from propscope.web.views import snippet

    text = "Rainfall close to average\n\nThe weather service reported 61 mm of rain in February."
    assert snippet(text, []) == "The weather service reported 61 mm of rain in February."
    assert snippet("Only one sentence, no headline.", []) == "Only one sentence, no headline."
    assert snippet(text, ["weather"]).startswith("Rainfall close to average ¶ The <mark")  # a match keeps its context
    _post(client, text)
    hit = client.get("/search").text
    assert '<p class="snippet" dir="auto">The weather service reported 61 mm' in hit


def test_the_dashboard_and_a_technique_search_define_the_techniques(client, db_url):
    """"Thought-terminating cliché" on a bar or in the search menu said nothing to a reader who had
    not opened an article: the dashboard folds a definition of each technique it counts, and a search
    for one technique says what it is."""
    import html as html_lib

    from propscope.document import Span
    from propscope.taxonomy import PTC14

    text = "The traitors lied again, and it is what it is."
    spans = [Span(4, 12, "Name_Calling,Labeling", 0.8, "traitors"),
             Span(29, 45, "Thought-terminating_Cliches", 0.6, "it is what it is")]
    _store_analysis(db_url, "defined-1", text, spans=spans)
    dash = client.get("/dashboard").text
    card = dash[dash.index('id="techniques"'):dash.index('id="outlets"')]
    glossary = card[card.index('<details class="glossary"><summary>What each technique means</summary>'):]
    for span in spans:
        t = PTC14.technique(span.technique)
        assert f"{html_lib.escape(t.display)}</dt><dd>{html_lib.escape(t.definition)}</dd>" in glossary, t.name
    assert glossary.count("<dt>") == 2  # only the techniques counted here
    loaded = PTC14.technique("Loaded_Language")
    found = client.get("/search", params={"technique": "Loaded_Language"}).text
    assert f"<strong>{loaded.display}</strong>: {html_lib.escape(loaded.definition)}</p>" in found
    assert '<p class="definition">' not in client.get("/search").text  # no technique looked for: none defined


def test_a_dashboard_with_nothing_to_draw_says_why_once(client, db_url):
    """An empty store, a store with nothing analysed, or filters that match nothing: the dashboard drew
    seven cards of "No data yet." with downloads of empty files. Now one card says why and what to do."""
    from propscope.document import Article
    from propscope.store import Store

    empty = client.get("/dashboard").text
    assert "No articles yet." in empty and "No data yet." not in empty and "/dashboard/techniques.csv" not in empty
    assert '<form method="get" action="/dashboard"' not in empty  # no filters over nothing
    assert "Click a bar" not in empty  # there are none
    Store(db_url).add_articles([Article("stored-1", "The traitors lied again.")])
    unanalysed = client.get("/dashboard").text
    assert "No stored article is analysed yet." in unanalysed and "<code>propscope analyze --db STORE</code>" in unanalysed
    assert "No articles yet." not in unanalysed and "No data yet." not in unanalysed
    _store_analysis(db_url, "scored-1", "The traitors lied again, said the veteran.")
    assert "No stored article is analysed yet." not in client.get("/dashboard").text
    filtered = client.get("/dashboard", params={"since": "1990-01", "until": "1990-02"}).text
    assert "No analysed article matches these filters." in filtered and 'href="/dashboard">clear the filters' in filtered
    assert "No data yet." not in filtered and '<form method="get" action="/dashboard"' in filtered


def test_a_url_that_cannot_be_fetched_is_refused_in_words_a_web_user_can_act_on(client, db_url, tiny_model,
                                                                                  monkeypatch):
    """A mistyped site name showed "[Errno -2] Name or service not known", and a private address told
    a web user to "pass --allow-private-urls", a flag only whoever runs the server can give. The API
    and the form now say what happened and who can change it; the command line keeps its flag."""
    import socket

    from propscope import fetch, ingest
    from propscope.cli import serve

    def no_such_name(host, port):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(fetch, "_resolve", no_such_name)
    r = client.post("/api/analyze", json={"url": "https://nosuch.example/story"})
    assert r.status_code == 400 and "Errno" not in r.json()["detail"]
    assert r.json()["detail"] == ("cannot analyse https://nosuch.example/story: the address could not be reached. "
                                  "There is no site named 'nosuch.example'. Check the address for a typing mistake")
    form = client.post("/analyze", files={"url": (None, "https://nosuch.example/story")})
    assert form.status_code == 400 and "Errno" not in form.text
    assert ("Cannot analyse https://nosuch.example/story: the address could not be reached. There is no site named "
            "&#39;nosuch.example&#39;. Check the address for a typing mistake.") in form.text
    assert 'value="https://nosuch.example/story"' in form.text  # the form comes back as sent

    def offline(host, port):
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(fetch, "_resolve", offline)
    detail = client.post("/api/analyze", json={"url": "https://news.example/"}).json()["detail"]
    assert "Errno" not in detail
    assert "The site name 'news.example' could not be looked up (the server running propscope may be offline" in detail

    monkeypatch.setattr(fetch, "_resolve", lambda host, port: ["10.1.2.3"])
    detail = client.post("/api/analyze", json={"url": "http://intranet.example/memo"}).json()["detail"]
    assert "intranet.example is an address on a private or local network (10.1.2.3: private)" in detail
    assert "which this server does not fetch" in detail and "'propscope serve --allow-private-urls'" in detail
    assert "pass --allow-private-urls" not in detail
    assert any("--allow-private-urls" in p.opts for p in serve.params)  # the option the message names is real
    # the command line, where the flag is the reader's to pass, keeps its wording
    [cli] = ingest.read_url("http://intranet.example/memo", ingest.ReadOptions())
    assert "pass --allow-private-urls to fetch it anyway" in cli.reason


def test_a_site_that_refuses_or_has_no_page_is_said_in_words(db_url, tiny_model):
    """A closed port read "[Errno 111] Connection refused"; a missing page "HTTP 404 from URL"."""
    class Missing(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_error(404)

        def log_message(self, *a):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Missing)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    try:
        with TestClient(create_app(db=db_url, model=str(tiny_model), allow_private_urls=True)) as c:
            gone = c.post("/api/analyze", json={"url": f"http://127.0.0.1:{httpd.server_address[1]}/story"})
            refused = c.post("/api/analyze", json={"url": f"http://127.0.0.1:{closed}/story"})
    finally:
        httpd.shutdown()
    assert gone.status_code == 400 and gone.json()["detail"].endswith(
        "/story: the site says there is no such page (HTTP 404). Check the address")
    assert refused.status_code == 400 and "Errno" not in refused.json()["detail"]
    assert refused.json()["detail"].endswith("the address could not be reached. The site refused the connection. "
                                             "Check the address (and its port, if it has one)")


def _labelled_analysis():
    from propscope.document import Analysis, Article, Sentence, Span

    text = "Globalist elites are coming for your freedom: wake up before it is too late."
    spans = [Span(0, 44, "Appeal_to_fear-prejudice", 0.91, text[0:44]),
             Span(10, 16, "Name_Calling,Labeling", 0.82, text[10:16]),
             Span(10, 16, "Loaded_Language", 0.64, text[10:16])]  # one passage, two techniques
    art = Article(id="wire-0042", text=text, title="Elites", outlet="Daily", url="https://daily.example/elites")
    return Analysis(art, spans, [Sentence(0, len(text), 0.9)], 0.9, "accurate-c4835e15")


def test_the_article_heading_reads_for_a_journalist_and_keeps_the_facts(client, db_url):
    """The line under an article's title read "wire-0042 · Daily · ... · 3 technique spans · model
    accurate-c4835e15": an id first, jargon, and a name that looked like a code. It now counts the
    highlighted passages a reader sees, labels the model and its version, and keeps the id, labelled, last."""
    from propscope.report_html import render, render_controls, render_head
    from propscope.store import Store

    a = _labelled_analysis()
    head = render_head(a)
    meta = head[head.index('<p class="meta">'):head.index("</p>")]
    assert "technique span" not in meta and "model accurate-" not in meta
    assert meta.startswith('<p class="meta">Daily · https://daily.example/elites · article score 90% · '
                           '2 highlighted passages (3 technique labels) · model: accurate (version c4835e15) · '
                           '<span class="ref">id wire-0042</span>')
    one = render_head(type(a)(a.article, a.spans[:1], a.sentences, 0.9, "hand-made"))
    assert "· 1 highlighted passage · model: hand-made ·" in one  # any other name is shown as it is
    mapped = render_head(type(a)(a.article, [], [], 0.0, "accurate-c4835e15-mapped-semeval2023"))
    assert "model: accurate (version c4835e15, mapped to semeval2023 techniques)" in mapped
    import dataclasses

    by_url = render_head(type(a)(dataclasses.replace(a.article, id=a.article.url), [], [], 0.0, "m"))
    assert by_url.count("https://daily.example/elites") == 1  # an id that is the address is not said twice
    assert "2 of 2 highlighted passages shown." in render_controls([a], 0.0)
    assert "1 of 2 highlighted passages shown; the least confident are hidden." in render_controls([a], 0.85)
    assert "2 of 2 highlighted passages shown; 1 technique label hidden." in render_controls([a], 0.7)  # "loaded"
    report = render([a])  # `propscope analyze --format html` says it the same way
    shown = report[report.index("<body>"):report.index("<script")]
    assert "2 highlighted passages (3 technique labels)" in shown and "technique span" not in shown
    assert "All 2 highlighted passages, with their technique and confidence" in report
    s = Store(db_url)
    s.add_articles([a.article])
    s.save_analyses([(s.pk_of(a.article.id), a)])
    page = client.get("/articles/wire-0042").text
    assert "model: accurate (version c4835e15)" in page and "2 highlighted passages (3 technique labels)" in page
    assert "technique span" not in page and "spans shown" not in page
    js = client.get("/static/app.js").text  # the reading script counts the same way (tests/test_browser.py)
    assert '" highlighted passages"' in js and '" spans"' not in js


def test_the_note_on_an_unread_language_is_written_for_a_reader(client, db_url):
    """The note read "this model detects techniques only in English; ... so it has no technique spans
    (sources and reuse still apply); for French, the ngram model gives paragraph labels (`--model
    ngram`)": jargon and a flag. A page now says what was and was not done, and the command-line
    way on comes after, in small print; the analysis keeps the note as written (the CLI prints it)."""
    from propscope.document import Analysis, Article
    from propscope.language import skipped_note
    from propscope.report_html import render, render_head

    note = skipped_note("fr", others=("ngram",))
    a = Analysis(Article(id="fr-2", text="Les traîtres mentent encore."), [], [], 0.0, "m", notes=[note])
    head = render_head(a)
    shown = head[head.index('<p class="note">'):]
    assert shown.startswith('<p class="note">Techniques were not looked for in this text: it reads as French, and '
                            'this model detects techniques only in English. Who it cites, and passages it shares '
                            'with other articles, are still found. <span class="hint">On the command line, the ngram '
                            'model gives French texts labels by paragraph: <code>propscope analyze --model ngram'
                            '</code>.</span></p>')
    assert "technique spans" not in shown and "`--model" not in shown
    assert "Techniques were not looked for" in render_head(Analysis(a.article, [], [], 0.0, "m",
                                                                    notes=[skipped_note("de")]))
    assert "Techniques were not looked for in this text" in render([a])
    assert a.notes == [note]  # the stored note is unchanged
    other = render_head(Analysis(a.article, [], [], 0.0, "m", notes=["some other <note>"]))
    assert '<p class="note">some other &lt;note&gt;</p>' in other  # any other note as it is
    _store_analysis(db_url, "fr-3", "Les traîtres mentent encore.", notes=[note])
    page = client.get("/articles/fr-3").text
    assert "Techniques were not looked for in this text" in page and "technique spans" not in page


def test_reused_passages_link_their_articles_and_keep_offsets_in_small_print(client, db_url):
    """The reuse page headed each side with a bold title and "web-1f0c… [0:140]": the title did not
    open the article, and raw offsets were the most visible line. Titles now link to the articles;
    the id and offsets stay, in small print, for researchers."""
    from propscope.report_html import render_reuse
    from propscope.reuse import find_reuse
    from propscope.store import Store

    copied = ("The ministry said that the rebels had launched a new attack on the northern villages overnight, "
              "killing at least twelve civilians and forcing hundreds of families to flee towards the border.")
    first = _post(client, "Opinion. " + copied, title="The blog post", published="2020-01-01")
    second = _post(client, "In brief.\n\n" + copied.replace("a new", "a fresh"), title="The copy",
                   published="2020-01-05")
    store = Store(db_url)
    result = find_reuse(list(store.iter_articles()))
    store.save_reuse(result)
    page = client.get("/reuse").text
    assert f'<a dir="auto" href="/articles/{first["id"]}" title="characters ' in page
    assert f'href="/articles/{second["id"]}"' in page and ">The copy</a>" in page
    offsets = re.findall(r"\[\d+:\d+\]", page)
    small = re.findall(r'<small class="offsets"[^>]*>id [^<]+ · characters (\[\d+:\d+\])</small>', page)
    assert offsets and sorted(offsets) == sorted(small)  # every offset is in small print, labelled
    one = client.get("/reuse", params={"article": second["id"]}).text
    assert f'<h1>Reused passages in <a dir="auto" href="/articles/{second["id"]}">The copy</a></h1>' in one
    texts = {i: store.get_article(i) for i in (first["id"], second["id"])}
    report = render_reuse(result, texts)  # the file `propscope reuse --format html` writes: no pages to link to
    assert "<a " not in report and '<strong dir="auto" title="characters ' in report
    assert re.search(r'<small class="offsets"[^>]*>id web-[0-9a-f]+ · characters \[\d+:\d+\]</small>', report)


def test_a_boilerplate_passage_says_what_boilerplate_is():
    """A passage flagged as boilerplate carried the bare tag "· boilerplate": readers could not tell
    it from a copy, nor why it was listed."""
    import dataclasses

    from propscope.document import Article
    from propscope.report_html import render_passage, render_reuse
    from propscope.reuse import Passage, ReuseResult

    footer = "Subscribe to the Evening Post for daily news. Call 0800 123 456."
    texts = {i: Article(id=i, text=f"Story {i}. {footer}", outlet="Evening Post") for i in ("e1", "e2")}
    start = len("Story e1. ")
    flagged = Passage("e1", start, start + len(footer), "e2", start, start + len(footer), 1.0, boilerplate=True)
    html = render_passage(flagged, texts, origin=None)
    assert "boilerplate: text the outlet repeats, not a copied story" in html and 'title="text an outlet prints' in html
    assert "boilerplate" not in render_passage(dataclasses.replace(flagged, boilerplate=False), texts, origin=None)
    report = render_reuse(ReuseResult(passages=[flagged], clusters=[]), texts)
    assert ".hint{" in report  # the file's small print has a style of its own


def test_articles_without_an_outlet_are_named_in_words_on_the_dashboard_not_in_its_downloads(client):
    """Articles stored without an outlet were charted and tabled as an outlet called "unknown". The
    page now says "(no outlet given)"; the CSV and JSON keep the value the API and report give."""
    _post(client, "The traitors in the capital betrayed our great nation.", title="One", outlet="Daily",
          published="2020-01-05")
    _post(client, "Liars and cowards ran the city into the ground.", title="Two", published="2020-02-09")
    _post(client, "The cowards lied again, the traitors.", title="Three", outlet="Daily", published="2020-02-10")
    page = client.get("/dashboard").text
    assert "(no outlet given)" in page and ">unknown<" not in page and '"unknown' not in page
    outlets = page[page.index('id="outlets"'):page.index('id="months"')]
    assert '<span class="bar-label">(no outlet given)</span>' in outlets
    heat = page[page.index('id="techniques-by-outlet"'):page.index('id="targets"')]
    assert '<th scope="row">(no outlet given)</th>' in heat
    csv_rows = client.get("/dashboard/outlets.csv").text.splitlines()
    assert "unknown" in [line.split(",")[0] for line in csv_rows]  # the downloads keep the stored key
    assert "unknown" in [r["outlet"] for r in client.get("/dashboard/outlets.json").json()["rows"]]
    assert "unknown" in [r["key"] for r in client.get("/api/outlets").json()]


def test_a_bar_without_a_range_draws_no_range_line():
    from propscope.web.charts import bar_chart

    drawn = bar_chart([("A", 40.0, None), ("B", 60.0, None)], fmt="{:.0f}%", top=100, ranges=[(30.0, 50.0), None])
    assert drawn.count('<path class="bar-range" d="M30.00 5H50.00') == 1 and drawn.count("bar-range") == 1
    assert "95% range 30%–50%" in drawn and bar_chart([("A", 1.0, None)]).count("bar-range") == 0


def test_the_dashboard_targets_table_names_the_outlets_in_words():
    from propscope.report import NO_OUTLET
    from propscope.web.views import dashboard_tables, to_csv

    rep = {"by_outlet": [], "by_month": [], "top_articles": [],
           "top_targets": [{"entity": "Ana Ruiz", "spans": 4, "articles": 3, "mean_score": 0.5,
                            "techniques": {"Doubt": 4}, "outlets": {"north.example": 3, NO_OUTLET: 1}}]}
    row = dashboard_tables(rep)["targets"][0]
    assert row["top_outlets"] == "north.example (3), (no outlet given) (1)" and "outlets" not in row
    assert to_csv([row]).splitlines()[0] == "entity,spans,articles,mean_score,top_techniques,top_outlets"


def test_the_passages_table_says_whom_each_passage_is_aimed_at_when_targets_were_found():
    import dataclasses

    from propscope.report_html import render_article

    a = _nested_analysis()
    first = a.spans[0]
    aimed = dataclasses.replace(a, targets=[{"start": first.start, "end": first.end, "technique": first.technique,
                                             "targets": [{"canonical": "Globex Union", "text": "Globex",
                                                          "label": "ORG"}]}])
    table = render_article(aimed)
    table = table[table.index('<details class="passages">'):table.index("</details>")]
    assert "confidence, and whom they aim at</summary>" in table and '<th scope="col">Aimed at' in table
    assert '<td class="num">91%</td><td dir="auto">Globex Union</td></tr>' in table
    assert table.count('<td dir="auto"></td>') == 3  # the other passages: no target found
    plain = render_article(a)
    assert "Aimed at" not in plain  # no targets found: no empty column


def test_the_time_chart_spaces_months_by_time_and_breaks_its_line_where_none_were_measured():
    """Months with data were drawn one step apart: a point two years after the others sat as
    close as the next month, and the line ran straight across the empty years."""
    from propscope.web.charts import line_chart

    points = [("2019-03", 0.1, None), ("2019-04", 0.3, None), ("2019-05", 0.2, None), ("2021-05", 0.4, None)]
    svg = line_chart(points, width=1000)
    xs = [float(x) for x in re.findall(r'<circle class="dot" cx="([\d.]+)"', svg)]
    assert len(xs) == 4
    assert (xs[3] - xs[2]) == pytest.approx(24 * (xs[1] - xs[0]), rel=0.01)  # 24 months against one
    path = re.search(r'<path class="series" d="([^"]+)"', svg).group(1)
    assert [step[0] for step in path.split()] == ["M", "L", "L", "M"]  # no line across the empty two years
    labels = re.findall(r'text-anchor="middle">(\d{4}-\d\d)<', svg)
    assert labels[-1] == "2021-05" and len(labels) < 4  # bunched months do not print over each other
    other = line_chart([("first", 0.1, None), ("second", 0.2, None), ("third", 0.3, None)], width=1000)
    spaced = [float(x) for x in re.findall(r'<circle class="dot" cx="([\d.]+)"', other)]
    assert spaced[1] - spaced[0] == pytest.approx(spaced[2] - spaced[1])  # not months: one step each


def test_the_reuse_page_shows_one_box_per_copied_text_with_its_articles_oldest_first(client, db_url):
    """A text copied by three outlets was three separate pairs, each repeating one side, and
    nothing said they were one story. It is now one box: its articles tabled oldest first, the
    likely origin named in the heading, the origin's comparison open and the others folded, the
    origin always on the left; pages count boxes, so none is cut in two."""
    from propscope.reuse import find_reuse
    from propscope.store import Store

    wire = ("Customs officers at the eastern port seized four tonnes of counterfeit medicine hidden in a shipment of "
            "garden furniture on Thursday, the finance ministry said, adding that two drivers had been detained.")
    other = ("The regional council voted on Friday to close three rural schools at the end of the year, despite a "
             "petition signed by more than two thousand parents who said children would face long bus journeys.")
    late = _post(client, "Breaking. " + wire.replace("four tonnes", "4 tonnes"), title="Late copy", outlet="Gazette",
                 published="2021-03-09")
    first = _post(client, wire + " More soon.", title="Wire story", outlet="Wire", published="2021-03-02")
    _post(client, "In brief: " + wire, title="Brief", outlet="Courier", published="2021-03-05")
    _post(client, other, title="Schools A", outlet="Courier", published="2021-04-01")
    _post(client, "Update. " + other, title="Schools B", outlet="Gazette", published="2021-04-02")
    store = Store(db_url)
    store.save_reuse(find_reuse(list(store.iter_articles())))
    page = client.get("/reuse").text
    boxes = page.split('<section class="cluster">')[1:]
    assert len(boxes) == 2
    box = next(b for b in boxes if "Wire story" in b)
    assert "Found in 3 articles · likely origin: Wire, 2021-03-02" in box
    table = box[box.index("<tbody>"):box.index("</tbody>")]
    assert [t for t in ("Wire story", "Brief", "Late copy")] == sorted(
        ("Wire story", "Brief", "Late copy"), key=table.index)  # oldest first
    assert box.count('<section class="passage">') == 3 and "2 more comparisons between these articles" in box
    opened = box[:box.index('<details class="more-pairs">')]
    sides = re.findall(r'<div class="meta"><a dir="auto" href="/articles/([^"]+)"', opened)
    assert sides[0] == first["id"]  # the origin on the left of the open comparison
    assert late["id"] in "".join(re.findall(r'href="/articles/([^"]+)"', box))
    one_per_page = store.load_reuse(limit=1, per="cluster")
    assert len(one_per_page.clusters) == 1 and len({p.cluster for p in one_per_page.passages}) == 1
    wanted = one_per_page.clusters[0]
    assert len(one_per_page.passages) == len(store.load_reuse().passages) - len(
        store.load_reuse(limit=1, offset=1, per="cluster").passages)  # a page holds whole clusters
    assert {m[0] for m in wanted.members} == {i for p in one_per_page.passages for i in (p.a, p.b)}
    second_page = client.get("/reuse", params={"article": late["id"]}).text
    assert second_page.count('<section class="cluster">') == 1 and "Brief" in second_page  # the whole box
    from propscope.report_html import render_reuse

    every = store.load_reuse()
    report = render_reuse(every, {i: store.get_article(i) for p in every.passages for i in (p.a, p.b)})
    assert report.count('<section class="cluster">') == 2 and "Found in 3 articles · likely origin: Wire" in report
    assert "<a " not in report  # the file `propscope reuse --format html` writes links nowhere
