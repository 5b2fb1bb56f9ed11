"""Saved news pages (``html_page``): what a page says besides its article, and where its headline goes."""

from propscope import ingest
from propscope.html_page import furniture_line, headline_once
from propscope.ingest import Article, read_inputs

STORY = ["The harbour board voted to raise mooring fees by a fifth from the start of the season.",
         "Fishing crews said the rise would cost a small trawler about 3,000 pounds a year.",
         "The board's chair said the money would pay for dredging the inner basin."]


def read(*paths):
    return list(read_inputs([str(p) for p in paths], ingest.ReadOptions()))


def _page(body: str, title: str = "Mooring fees to rise") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | Bay Herald</title></head>"
            f"<body><div class='top'><a href='/'>Bay Herald</a></div>{body}</body></html>")


def test_a_line_of_a_publishers_notices_is_furniture():
    """A foot line telling when the paper comes out beside where to buy ads or write to it, or
    a notice about "this bulletin" alone, is the page's; a schedule in a story stays, and so
    does a sentence that tells the schedule of something named without the page's notices."""
    for line in ["The Harbour Courier appears each Thursday. Display adverts: 0117 496 0000.",
                 "Coastline Weekly is printed every Wednesday. News desk: desk@coastline.example",
                 "This bulletin is sent out every Monday morning."]:
        assert furniture_line(line), line
    for line in ["The Retail Price Index is published every month.",
                 "The inflation figures are published every month by the statistics office.",
                 "The council publishes its accounts every April. Residents may inspect them at the town hall."]:
        assert not furniture_line(line), line


def test_a_sites_pointer_to_its_own_standards_is_furniture():
    """"Our standards: …", "Read our editorial guidelines", "Our sources" link a page to the
    outlet's policy pages; a sentence about standards or sources stays."""
    for line in ["Our standards: the Northwire editorial code.", "Read our corrections policy",
                 "Our Sources", "Our editorial guidelines"]:
        assert furniture_line(line), line
    for line in ["Our standards have slipped, the editor admitted in a memo.", "Our sources in the ministry were wrong.",
                 "Standards fell at three of the five schools inspected."]:
        assert not furniture_line(line), line


def test_a_bot_check_line_is_furniture():
    """A robot check a site shows over a story ("Please verify that you are a human") is the
    page's; sentences about such checks stay."""
    for line in ["Please verify that you're a human to keep reading.", "Are you a robot?",
                 "We have detected unusual traffic from your network.", "Checking your browser before accessing the site.",
                 "Bitte bestätigen Sie, dass Sie kein Roboter sind."]:
        assert furniture_line(line), line
    for line in ["Ticket sites now ask buyers to prove they are human, which angers fans.",
                 "The robot was built by students in Leeds.",
                 "You are human, the judge told the defendant, and you made a mistake."]:
        assert not furniture_line(line), line


def test_a_sources_box_at_the_foot_of_a_story_goes(tmp_path):
    """A fact-check's list of its sources under a "Sources" heading is the page's apparatus, not
    its story."""
    box = ("<div class='refs'><h3>Sources</h3><p>Harbour board minutes, 4 March 2025</p>"
           "<p>Phone interview, board secretary, 5 March 2025</p></div>")
    story = "".join(f"<p>{s}</p>" for s in STORY)
    body = f"<div id='m'><h1>Mooring fees to rise</h1><article>{story}</article>{box}</div>"
    (tmp_path / "p.html").write_text(_page(body))
    [a] = read(tmp_path / "p.html")
    assert all(s in a.text for s in STORY), a.text
    assert "Harbour board minutes" not in a.text and "Sources" not in a.text, a.text


def test_the_headline_opens_the_text_over_a_section_label_and_lines_before_it():
    """A headline trafilatura reads after a section label ("SPORT" over the <h1>) or after a
    claim box opens the text, as the <h1> a reader sees over the story; a lone section label
    goes, other lines before it stay, after it."""
    head = "Mooring fees to rise"
    got = headline_once(f"WEATHER\n{head}\n{STORY[0]}", head, {head})
    assert got == f"{head}\n{STORY[0]}", got
    got = headline_once(f"Claim: fees doubled\nRated: False\n{head}\n{STORY[0]}", head, {head})
    assert got == f"{head}\nClaim: fees doubled\nRated: False\n{STORY[0]}", got
    # a title no <h1> shows (from the <title> alone) is left where it is
    assert headline_once(f"WEATHER\n{head}\n{STORY[0]}", head, set()) == f"WEATHER\n{head}\n{STORY[0]}"
    # a first line that is a sentence is the story's, and stays
    got = headline_once(f"Fees rise again.\n{head}\n{STORY[0]}", head, {head})
    assert got == f"{head}\nFees rise again.\n{STORY[0]}", got


def test_a_page_with_a_section_label_over_its_headline_opens_with_the_headline(tmp_path):
    body = ("<div class='story'><div class='section'>ENVIRONMENT</div><h1>Mooring fees to rise</h1>"
            + "".join(f"<p>{s}</p>" for s in STORY) + "</div>")
    (tmp_path / "k.html").write_text(_page(body))
    [a] = read(tmp_path / "k.html")
    assert isinstance(a, Article) and a.text.startswith("Mooring fees to rise\n" + STORY[0]), a.text


def test_a_notice_line_that_no_block_holds_is_dropped_from_the_text(tmp_path):
    """An old page's lines are text between <br>s in <font>s, no block of their own: its foot line
    of notices reached the text. A table's rows, whose cells may be short words, stay."""
    story = "<br><br>".join(STORY)
    rows = "".join(f"<tr><td>{town}</td><td>{n}</td></tr>" for town, n in (("Ashby", 12), ("Corran", 7), ("Dunmore", 4)))
    page = ("<html><head><title>Mooring fees to rise</title></head><body><font size='2'><b>Mooring fees to rise</b>"
            f"<br>{story}<br><br></font><table><tr><th>Harbour</th><th>Boats</th></tr>{rows}</table><hr>"
            "<font size='1'>The Bay Herald comes out every Tuesday. Classified ads: 01223 555 0199.</font></body></html>")
    (tmp_path / "old.html").write_text(page)
    [a] = read(tmp_path / "old.html")
    assert all(s in a.text for s in STORY) and "Corran" in a.text and "Dunmore" in a.text, a.text
    assert "every Tuesday" not in a.text and "0199" not in a.text, a.text


def _ld(data: dict) -> str:
    import json

    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_paywalled_page_is_read_whole_from_the_body_its_json_ld_holds(tmp_path):
    """A metered page shows a teaser and a subscription box; its JSON-LD, marked not free, holds the
    whole story, which is read after the paragraphs shown, each once; the box's lines go. A page
    whose JSON-LD says it is free, or says nothing of it, is read as it shows."""
    extra = ("The board will meet again in June to set the fee for visiting yachts. Yacht clubs along the coast "
             "have asked to be heard before then, and say a rise of a fifth would send boats to other harbours.")
    teaser = [*STORY, "Harbour users have until the end of the month to respond to the board's consultation, which "
              "closes on the 30th, and the board says every reply will be read before the fees are confirmed."]
    body_text = " ".join(teaser) + " " + extra
    wall = ("<div class='wall'><h2>Subscriber-only story</h2><p>You have read 4 of your 4 free articles this month.</p>"
            "<p>Subscribe to keep reading, from $2 a week.</p><p>Already a member? <a href='/in'>Sign in</a></p></div>")
    shown = "".join(f"<p>{s}</p>" for s in teaser)

    def page(free: object) -> str:
        ld = {"@type": "NewsArticle", "headline": "Mooring fees to rise", "articleBody": body_text}
        if free is not None:
            ld["isAccessibleForFree"] = free
        return (f"<html lang='en'><head><title>Mooring fees to rise</title>{_ld(ld)}</head><body><div class='story'>"
                f"<h1>Mooring fees to rise</h1>{shown}{wall}</div></body></html>")

    for name, free in (("paid", False), ("paid_text", "False"), ("free", True), ("unsaid", None)):
        (tmp_path / f"{name}.html").write_text(page(free))
    paid, paid_text, free, unsaid = read(*(tmp_path / f"{n}.html" for n in ("paid", "paid_text", "free", "unsaid")))
    for a in (paid, paid_text):
        assert all(a.text.count(s) == 1 for s in teaser) and extra in a.text, a.text
        assert a.text.index(teaser[-1]) < a.text.index(extra), a.text
    for a in (paid, paid_text, free, unsaid):
        assert not any(w in a.text for w in ("free articles", "keep reading", "Already a member")), a.text
    assert extra not in free.text and extra not in unsaid.text


def test_a_paywalls_lines_are_furniture_and_sentences_about_paywalls_stay():
    for line in ["Already a subscriber? Sign in", "You've reached your limit of free articles.",
                 "This story is only available to subscribers.", "Log in to continue reading.", "Cancel any time."]:
        assert furniture_line(line), line
    for line in ["The paper put its archive behind a paywall in 2019, and subscriptions rose by a third.",
                 "Readers who cancel their subscriptions will get a refund, the publisher said."]:
        assert not furniture_line(line), line


def test_a_wires_lines_and_a_companys_legal_notice_are_not_the_release():
    """A press-release wire ends a release with its issuer ("SOURCE Acme Ltd.") and a link to the
    original; companies add a notice on forward-looking statements, often longer than a line."""
    notice = ("Certain statements in this announcement are forward-looking statements within the meaning of "
              "applicable securities laws, including statements about the timing of trials and approvals, and "
              "are based on the current expectations of management, which may change.")
    for line in ["SOURCE Brightwater Foods Ltd.", "View original content: https://wire.example/r/1", notice,
                 "The company undertakes no obligation to update these statements.", "Safe Harbor Statement"]:
        assert furniture_line(line), line
    for line in ["Source: the harbour board's annual report.", "Shares fell after the forward-looking guidance was cut.",
                 "Analysts said actual results may differ materially from the forecast."]:
        assert not furniture_line(line), line


def test_a_columns_italic_tagline_naming_its_writer_goes(tmp_path):
    """A column's last paragraph, in italics, that says who its writer is was read as its last
    sentences; an italic last paragraph about someone else, or a tagline not in italics, stays."""
    def column(last: str) -> str:
        return ("<html lang='en'><head><title>Fees will sink the harbour</title><meta name='author' content='Ines Barros'>"
                "</head><body><div class='col'><h1>Fees will sink the harbour</h1>"
                + "".join(f"<p>{s}</p>" for s in STORY) + f"{last}</div></body></html>")

    bio = "Ines Barros is a marine economist and writes on ports for the Herald."
    other = "Tom Ferris is the harbour master, who declined to comment."
    for name, last in (("bio", f"<p><em>{bio}</em></p>"), ("other", f"<p><i>{other}</i></p>"), ("plain", f"<p>{bio}</p>")):
        (tmp_path / f"{name}.html").write_text(column(last))
    a, b, c = read(tmp_path / "bio.html", tmp_path / "other.html", tmp_path / "plain.html")
    assert all(s in a.text for s in STORY) and bio not in a.text, a.text
    assert other in b.text and bio in c.text, (b.text, c.text)


def test_a_date_line_with_a_weekday_a_time_and_a_zone_is_meta():
    from propscope.html_page import meta_line

    assert meta_line("Monday, March 2, 2026 | 11:40 PM CET")
    assert not meta_line("Open 9.30 A.M. / 7.00 P.M.") and not meta_line("Polls close at 10:00 PM EST in three states")


def test_a_live_blogs_entries_of_one_class_are_read_once_each_in_order(tmp_path):
    """trafilatura takes the first box of class "post" for the article: on a live blog of such
    entries (the newest one marked "post top"), that one came first, then again in its place."""
    posts = "".join(f"<div class='{'post top' if i == 0 else 'post'}'><p class='t'>1{i}:00</p><h3>Update {i}</h3>"
                    f"<p>{s}</p></div>" for i, s in enumerate(STORY))
    page = (f"<html lang='en'><head><title>Harbour live</title></head><body><div class='live'><h1>Harbour live</h1>"
            f"<div class='posts'>{posts}</div></div></body></html>")
    (tmp_path / "live.html").write_text(page)
    [a] = read(tmp_path / "live.html")
    assert all(a.text.count(s) == 1 for s in STORY), a.text
    assert a.text.index(STORY[0]) < a.text.index(STORY[1]) < a.text.index(STORY[2]), a.text


def test_a_headline_that_microdata_marks_on_an_h2_opens_the_text(tmp_path):
    """Older CMSs show the headline in an <h2 itemprop="headline"> and no <h1>: it was no line of
    the text. Other <h2>s (section heads) are not taken for it."""
    page = ("<html lang='en'><head><title>Mooring fees to rise - Bay Herald</title></head><body><div class='item'>"
            "<div class='hd'><h2 itemprop='headline'>Mooring fees to rise</h2></div><div class='body'>"
            + "".join(f"<p>{s}</p>" for s in STORY) + "</div></div></body></html>")
    (tmp_path / "h2.html").write_text(page)
    [a] = read(tmp_path / "h2.html")
    assert a.title == "Mooring fees to rise" and a.text.startswith("Mooring fees to rise\n" + STORY[0]), a.text
    import lxml.html

    from propscope.html_page import shown_headlines

    tree = lxml.html.fromstring("<div><h2>Weather</h2><h2 itemprop='name headline'>Fees up</h2><h1>Top</h1></div>")
    assert shown_headlines(tree) == {"Fees up", "Top"}
