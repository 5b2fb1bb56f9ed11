"""A real browser (Debian's Chromium driven by Playwright) against a server on 127.0.0.1:
analyse a pasted article, open it, read labelled spans, use the reading controls, the dashboard
and search; every page at desktop and phone width, with no console error and no request leaving
the host. Screenshots are kept in test-artifacts/ for a person to look at."""

import datetime as dt
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)")

LONG_ID = "https://www.example.com/2020/03/04/politics/" + "a-very-long-slug-" * 12 + "?utm_source=feed&id=1234567890"
LONG_TITLE = "Supercalifragilistic" * 12 + " and the traitors"
ARABIC = "الخونة في العاصمة\nإنهم كاذبون وجبناء، وقد خانوا أمتنا العظيمة مرة أخرى."
NESTED = ("Globalist elites are coming for your freedom: wake up before it is too late.\n\n"
          "The corrupt establishment media will never tell you the truth.")


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

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def corpus(server, db, sample_text_module):
    """Two outlets over two months, and a hand-made analysis with nested, crossing and
    double-labelled spans, so every page has something to show."""
    import httpx

    from propscope.document import Analysis, Article, Sentence, Span
    from propscope.store import Store

    sample = httpx.post(server + "/api/analyze", json={"text": sample_text_module, "title": "Sample article",
                                                       "outlet": "Daily Patriot", "published": "2020-03-04"},
                        timeout=60).json()
    httpx.post(server + "/api/analyze", json={"text": "The veteran said the traitors had lied again. Shame on them.",
                                              "title": "A second story", "outlet": "Evening Post",
                                              "published": "2020-05-10"}, timeout=60)
    store = Store(db)
    art = Article(id="nested-1", text=NESTED, title="Nested spans", outlet="Daily Patriot", published=dt.date(2020, 4, 1))
    store.put_article(art)
    spans = [Span(0, 44, "Appeal_to_fear-prejudice", 0.91, NESTED[0:44]),  # outer
             Span(10, 16, "Name_Calling,Labeling", 0.82, NESTED[10:16]),  # inner, two techniques
             Span(10, 16, "Loaded_Language", 0.64, NESTED[10:16]),
             Span(37, 53, "Slogans", 0.55, NESTED[37:53]),  # crosses the outer's end
             Span(NESTED.index("corrupt"), NESTED.index(" will"), "Loaded_Language", 0.73, "corrupt establishment media")]
    analysis = Analysis(art, spans, [Sentence(0, 77, 0.9), Sentence(79, len(NESTED), 0.7)], 0.8, "hand-made")
    store.save_analyses([(store.pk_of("nested-1"), analysis)])
    # a feed entry's URL for an id and a title with no place to break: nothing may widen a phone's page
    long_text = LONG_TITLE + "\nThe traitors lied again, said the veteran. Arabic follows.\n" + ARABIC
    long = Article(id=LONG_ID, text=long_text, title=LONG_TITLE)
    store.put_article(long)
    at = long_text.index("traitors lied")
    store.save_analyses([(store.pk_of(LONG_ID), Analysis(long, [Span(at, at + 8, "Name_Calling,Labeling", 0.8, "traitors")],
                                                         [Sentence(0, at + 40, 0.8)], 0.8, "hand-made"))])
    return {"sample": sample["id"], "nested": "nested-1", "long": quote(LONG_ID, safe="")}


@pytest.fixture(scope="module")
def sample_text_module() -> str:
    return (Path(__file__).resolve().parents[1] / "samples" / "sample_article.txt").read_text(encoding="utf-8")


def open_page(browser, width: str):
    """A page that records console errors, uncaught exceptions and every request's host."""
    w, h = WIDTHS[width]
    page = browser.new_page(viewport={"width": w, "height": h}, is_mobile=width == "phone", has_touch=width == "phone")
    page.errors, page.hosts = [], set()
    page.on("console", lambda m: page.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(f"exception: {e}"))
    page.on("request", lambda r: page.hosts.add(urlparse(r.url).hostname or urlparse(r.url).scheme))
    return page


def test_paste_analyse_read_and_explore(server, browser, sample_text):
    page = open_page(browser, "desktop")
    page.goto(server + "/")
    page.fill("#title", "Pasted article")
    page.fill("#text", sample_text + "\nPasted once more.")
    page.click("button[type=submit]")
    page.wait_for_url("**/articles/web-*")
    marks = page.locator(".reading mark.span:not(.off)")
    assert marks.count() > 0
    marks.first.click()
    assert "confidence" in page.locator("#span-details").inner_text()
    for key, k in (("Enter", 1), ("Space", 2)):  # a highlight reached with Tab opens as a button does
        if marks.count() > k:
            before = page.locator("#span-details").inner_text()
            marks.nth(k).focus()
            page.keyboard.press(key)
            after = page.locator("#span-details").inner_text()
            assert after != before and "“" + marks.nth(k).inner_text().split()[0] in after, key
            # what a screen reader says of it: a button, its techniques and confidence, then its words
            label = marks.nth(k).get_attribute("aria-label") or ""
            assert marks.nth(k).get_attribute("role") == "button" and "%: " in label, label
            assert after.split(" · ")[0].split("”")[-1].strip() in label and label.endswith(
                marks.nth(k).evaluate("m => { const c = m.cloneNode(true); "
                                      "c.querySelectorAll('.lbl').forEach(l => l.remove()); return c.textContent; }")), label
    page.goto(server + "/search")
    page.fill("input[name=q]", "veteran")
    page.click("form.inline button")
    page.wait_for_url("**/search?q=veteran*")
    assert page.locator(".result").count() >= 1
    assert page.locator(".result mark.match").first.inner_text().lower() == "veteran"
    assert not page.errors, page.errors
    page.close()


PAGES = {"index": "/", "article": "/articles/{sample}", "nested": "/articles/{nested}", "long": "/articles/{long}",
         "dashboard": "/dashboard",
         "search": "/search?q=traitors", "articles": "/search", "reuse": "/reuse", "docs": "/docs", "redoc": "/redoc",
         "not-found": "/articles/no-such-article"}


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_offline_without_errors(server, browser, corpus, name, width):
    page = open_page(browser, width)
    response = page.goto(server + PAGES[name].format(**corpus))
    if name == "docs":
        page.wait_for_selector(".swagger-ui .info", timeout=20_000)
        assert "propscope" in page.locator(".swagger-ui .info").inner_text()
    elif name == "redoc":
        page.wait_for_selector("h1", timeout=20_000)
        assert "propscope" in page.locator("h1").first.inner_text()
    else:
        page.wait_for_load_state("networkidle")
    if name == "not-found":
        assert response.status == 404 and "No such article" in page.inner_text("h1")
        page.errors = [e for e in page.errors if "404" not in e]  # the browser logs the page's own 404 status
    else:
        assert response.status == 200
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    assert not page.errors, page.errors
    assert page.hosts <= {"127.0.0.1", "data", "blob"}, f"requests left the host: {page.hosts}"
    if width == "phone" and name not in ("docs", "redoc"):  # third-party layouts, not ours
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= WIDTHS["phone"][0], f"{name} is {overflow}px wide on a 390px phone"
    page.close()


def test_labels_are_visible_and_nested_spans_stay_whole(server, browser, corpus):
    page = open_page(browser, "phone")  # a touch screen: nothing may depend on hovering
    page.goto(server + f"/articles/{corpus['nested']}")
    outer = page.locator('mark.span[data-id="0"]')
    assert outer.count() == 1  # the inner and the crossing spans do not cut it in pieces
    labels = [x.strip().lower() for x in outer.locator(":scope > .lbl").all_inner_texts()]
    assert labels == ["fear"]
    inner = outer.locator("mark.span").first
    assert [x.lower() for x in inner.locator(".lbl").all_inner_texts()] == ["name-calling", "loaded"]
    assert all(lbl.is_visible() for lbl in page.locator(".reading .lbl").all())
    outer.click(position={"x": 4, "y": 8})  # on "Globalist", outside the inner span
    details = page.locator("#span-details")
    assert details.locator("blockquote").inner_text() == f"“{NESTED[0:44]}”"
    assert "Appeal to fear or prejudice · confidence 91%" in details.inner_text()
    inner.click(position={"x": 4, "y": 8})
    assert details.locator("blockquote").inner_text() == "“elites”"
    assert details.locator("h3").count() == 2
    crossing = page.locator('mark.span[data-id="2"]')
    assert crossing.count() == 2  # cut at the outer's end, one span still
    crossing.last.click(position={"x": 4, "y": 8})
    assert details.locator("blockquote").inner_text() == f"“{NESTED[37:53]}”"
    page.emulate_media(media="print")
    assert page.locator(".reading .lbl").first.is_visible() and not page.locator("header.top").is_visible()
    assert not page.locator(".controls-card").is_visible()
    page.screenshot(path=str(ARTIFACTS / "nested-print.png"), full_page=True)
    assert not page.errors, page.errors
    page.close()


def test_toggles_and_confidence_slider(server, browser, corpus):
    page = open_page(browser, "desktop")
    page.goto(server + f"/articles/{corpus['sample']}")
    assert page.locator(".reading .lbl.off").count() > 0, "the default view hides the least confident spans"
    assert "hidden" in page.inner_text("#shown-count")
    page.fill("#min-score", "0")
    page.dispatch_event("#min-score", "input")
    assert page.locator(".reading mark.span.off, .reading .lbl.off").count() == 0
    assert page.inner_text("#min-score-value") == "0%"
    first = page.locator(".toggle input").first
    tech = first.get_attribute("value")
    count = int(page.locator(".toggle .count").first.inner_text())
    assert page.locator(f'.reading .lbl[data-t="{tech}"]:not(.off)').count() == count
    first.uncheck()
    assert page.locator(f'.reading .lbl[data-t="{tech}"]:not(.off)').count() == 0
    assert all(lbl.is_hidden() for lbl in page.locator(f'.reading .lbl[data-t="{tech}"]').all())
    page.screenshot(path=str(ARTIFACTS / "article-toggled.png"), full_page=True)
    assert not page.errors, page.errors
    page.close()


def test_dashboard_filters_links_and_downloads(server, browser, corpus):
    page = open_page(browser, "desktop")
    page.goto(server + "/dashboard")
    page.select_option("select[name=outlet]", "Daily Patriot")
    page.fill("input[name=since]", "2020-01-01")
    page.fill("input[name=until]", "2020-04-30")
    page.click("form.filters button")
    page.wait_for_url("**/dashboard?outlet=Daily+Patriot&since=2020-01-01&until=2020-04-30")
    assert "2 analysed articles" in page.inner_text("main")
    page.screenshot(path=str(ARTIFACTS / "dashboard-filtered.png"), full_page=True)
    csv_link = page.locator("#techniques .downloads a", has_text="CSV")
    assert "outlet=Daily+Patriot" in csv_link.get_attribute("href")
    page.locator("#techniques a.bar-row").first.click()
    page.wait_for_url("**/search?*technique=*")
    assert page.locator(".result").count() >= 1
    assert "Daily Patriot" in page.inner_text(".result")
    page.goto(server + "/dashboard")
    assert page.inner_text("#months ul.legend") == "all outlets\nDaily Patriot"  # its own line: two months
    strokes = page.eval_on_selector_all("#months svg.chart path", "els => els.map(e => getComputedStyle(e).stroke)")
    keys = page.eval_on_selector_all("#months ul.legend line", "els => els.map(e => getComputedStyle(e).stroke)")
    assert len(strokes) == 2 and len(set(strokes)) == 2 and keys == strokes  # each line its colour, as its key
    page.screenshot(path=str(ARTIFACTS / "dashboard-outlet-lines.png"), full_page=True)
    page.locator('#months svg a[href="/search?since=2020-05&until=2020-05"]').click()  # a point of the all-outlets line
    page.wait_for_url("**/search?since=2020-05&until=2020-05")
    assert page.locator(".result").count() == 1
    page.go_back()
    page.locator('#months svg a[href="/search?outlet=Daily+Patriot&since=2020-04&until=2020-04"]').click()
    page.wait_for_url("**/search?outlet=Daily+Patriot&since=2020-04&until=2020-04")
    assert "Daily Patriot" in page.inner_text(".result")
    assert not page.errors, page.errors
    page.close()


def test_report_file_reads_offline_with_labels(tmp_path, browser, tiny_tagger, sample_text):
    from propscope.document import Article
    from propscope.pipeline import analyze_batch
    from propscope.report_html import render

    analysis = analyze_batch([Article(id="report-1", text=sample_text, title="Report article")], tiny_tagger)[0]
    path = tmp_path / "report.html"
    path.write_text(render([analysis]), encoding="utf-8")
    page = open_page(browser, "desktop")
    page.goto(path.as_uri())
    assert page.locator("mark.span:not(.off) > .lbl:not(.off)").count() > 0
    assert page.locator(".lbl.off").count() > 0  # the least confident hidden by default here too
    page.locator("mark.span:not(.off)").first.click()
    assert "confidence" in page.inner_text("#span-details")
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "report-print.png"), full_page=True)
    assert not page.errors, page.errors
    assert page.hosts <= {"file"}, page.hosts
    page.close()


def test_script_in_article_does_not_run(server, browser):
    page = open_page(browser, "desktop")
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
    for width in WIDTHS:
        page = open_page(browser, width)
        page.goto(server + "/reuse")
        assert page.locator(".side-by-side").count() >= 1
        assert page.locator("del", has_text="new").count() >= 1 and page.locator("ins", has_text="fresh").count() >= 1
        assert page.locator(".origin").first.inner_text() == "likely origin"
        # an edit is not told by colour alone: struck through on one side, underlined on the other
        lines = page.eval_on_selector_all("del, ins", "els => els.map(e => getComputedStyle(e).textDecorationLine)")
        assert set(lines) == {"line-through", "underline"}, lines
        assert page.eval_on_selector("ins", "e => getComputedStyle(e, '::before').content") == '" [only here: "'
        page.screenshot(path=str(ARTIFACTS / f"reuse-passages-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]
        assert not page.errors, page.errors
        page.close()
    # a side's title opens its article; the id and offsets are small print under it, not the heading
    page = open_page(browser, "desktop")
    page.goto(server + "/reuse")
    title = page.locator(".passage .meta a", has_text="The copy").first
    offsets = page.locator(".passage small.offsets").first
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    assert offsets.is_visible() and offsets.evaluate(size) < title.evaluate(size)
    assert "characters [" in offsets.inner_text()
    title.click()
    page.wait_for_url("**/articles/web-*")
    assert page.locator("h1").inner_text() == "The copy"
    assert not page.errors, page.errors
    page.close()


def test_chart_labels_are_whole_on_a_phone(server, browser, corpus):
    """A bar's label ended in "…" ("Appeal to fear or …" on a phone, "Whataboutism / straw …" on a
    desktop): it wraps now, so each bar still names what it counts."""
    for width in WIDTHS:
        page = open_page(browser, width)
        page.goto(server + "/dashboard")
        labels = page.eval_on_selector_all(
            ".bar-label", "els => els.map(e => [e.textContent, e.scrollWidth - e.clientWidth])")
        assert "Appeal to fear or prejudice" in [text for text, _ in labels]
        cut = [text for text, hidden in labels if hidden > 1]
        assert not cut, f"{width}: labels cut off: {cut}"
        page.screenshot(path=str(ARTIFACTS / f"dashboard-bars-{width}.png"), full_page=True)
        assert not page.errors, page.errors
        page.close()


def test_the_analyse_form_says_it_is_working(server, browser):
    """The model reads a long article for tens of seconds and the button looked dead meanwhile (a
    second click sent the article again): while the post is out, the button is disabled and says
    so, with a line on how long it may take; a page come back to (Back) works again."""
    page = open_page(browser, "desktop")
    page.goto(server + "/")
    page.fill("#text", "The traitors lied again.")
    page.evaluate("document.addEventListener('submit', e => e.preventDefault())")  # hold the post: the waiting state
    page.click("button[type=submit]")
    button = page.locator("form.analyze button[type=submit]")
    assert button.is_disabled() and button.inner_text() == "Analysing…"
    assert "A long article can take a minute" in page.inner_text("#analyze-status")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert button.is_enabled() and button.inner_text() == "Analyse" and page.inner_text("#analyze-status") == ""
    assert not page.errors, page.errors
    page.close()


def test_an_article_without_highlights_keeps_its_side_card_level_with_the_text(server, browser, db):
    """With no technique found there are no reading controls: the side card sat a grid row (and a
    gap) below the top of the text, as if something were missing above it."""
    from propscope.document import Analysis, Article, Sentence
    from propscope.store import Store

    store = Store(db)
    text = "Rainfall close to average\nThe weather service reported 61 mm of rain in February."
    art = Article(id="calm-browser", text=text, title="Rainfall close to average")
    store.put_article(art)
    store.save_analyses([(store.pk_of(art.id), Analysis(art, [], [Sentence(0, len(text), 0.03)], 0.03, "hand-made"))])
    page = open_page(browser, "desktop")
    page.goto(server + "/articles/calm-browser")
    text_top = page.locator("article.reading").bounding_box()["y"]
    card_top = page.locator(".no-spans").bounding_box()["y"]
    assert abs(card_top - text_top) <= 1, (card_top, text_top)
    assert page.inner_text(".no-spans h2") == "No technique found"
    page.screenshot(path=str(ARTIFACTS / "article-no-technique.png"), full_page=True)
    assert not page.errors, page.errors
    page.close()


def test_a_tapped_highlight_shows_its_details_on_screen_on_a_phone(server, browser, corpus):
    """On a phone the details panel sits below the whole article: a tap on a highlight filled it out of
    sight and seemed to do nothing. It comes up over the foot of the screen now, with a Close button
    (and Escape) that puts it back; on a desktop it stays beside the text, with no such button."""
    page = open_page(browser, "phone")
    page.goto(server + f"/articles/{corpus['long']}")
    panel = page.locator("#span-details")
    page.locator("mark.span:not(.off)").first.click()
    box, height = panel.bounding_box(), WIDTHS["phone"][1]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, box  # on screen, not below the article
    assert "confidence" in panel.inner_text() and panel.locator(".close-details").is_visible()
    page.screenshot(path=str(ARTIFACTS / "article-details-phone.png"))
    position = "getComputedStyle(document.getElementById('span-details')).position"
    assert page.evaluate(position) == "fixed"
    panel.locator(".close-details").click()
    assert page.evaluate(position) == "static"  # back in its place under the article
    assert page.evaluate("document.activeElement.matches('mark.span')")  # the reader is where they were
    page.locator("mark.span:not(.off)").first.press("Enter")
    assert page.evaluate(position) == "fixed"
    page.keyboard.press("Escape")
    assert page.evaluate(position) == "static"
    assert not page.errors, page.errors
    page.close()
    page = open_page(browser, "desktop")
    page.goto(server + f"/articles/{corpus['nested']}")
    page.locator("mark.span:not(.off)").first.click(position={"x": 4, "y": 8})
    assert "confidence" in page.inner_text("#span-details") and not page.locator(".close-details").is_visible()
    assert page.evaluate("getComputedStyle(document.getElementById('span-details')).position") != "fixed"
    page.close()


def test_the_shown_count_counts_highlighted_passages_as_the_text_shows_them(server, browser, corpus):
    """The controls said "5 of 5 spans shown" over four highlights ("elites" carries two techniques):
    jargon, and a count a reader could not check against the text. They count passages now, a passage
    being shown while any of its techniques is, as the server's first count does."""
    page = open_page(browser, "desktop")
    page.goto(server + f"/articles/{corpus['nested']}")
    count = page.locator("#shown-count")
    assert count.inner_text() == "4 of 4 highlighted passages shown."
    page.fill("#min-score", "60")  # the slogan (55%) goes; "elites" stays while one of its two techniques does
    page.dispatch_event("#min-score", "input")
    assert count.inner_text() == "3 of 4 highlighted passages shown; the others are hidden."
    page.locator('.toggle input[value="Loaded_Language"]').uncheck()  # "corrupt establishment media" goes too
    assert count.inner_text() == "2 of 4 highlighted passages shown; the others are hidden."
    page.locator('.toggle input[value="Loaded_Language"]').check()
    page.locator('.toggle input[value="Name_Calling,Labeling"]').uncheck()
    page.fill("#min-score", "0")
    page.dispatch_event("#min-score", "input")  # every passage back, one technique on "elites" off: said so
    assert count.inner_text() == "4 of 4 highlighted passages shown; 1 technique label hidden."
    assert "model: hand-made" in page.inner_text(".article-head .meta")
    assert not page.errors, page.errors
    page.close()
