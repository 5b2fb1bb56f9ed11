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
