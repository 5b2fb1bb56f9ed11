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


def test_end_marks_and_embargo_lines_of_a_release_are_furniture():
    """A press office's "- ENDS -", "-30-", an Iranian agency's "انتهای پیام/" and a release's
    embargo line close or head a release; a sentence about an embargo or an ending stays."""
    for line in ["- ENDS -", "ENDS", "-30-", "/انتهای پیام", "Under embargo until 10:00 CET, 4 June 2026",
                 "FOR IMMEDIATE RELEASE"]:
        assert furniture_line(line), line
    for line in ["The embargo on grain ends in June.", "The season ends on Sunday.", "30"]:
        assert not furniture_line(line), line


def test_an_ad_label_in_dashes_and_a_call_to_act_after_a_pictograph_are_furniture():
    """"— ADVERTISEMENT —" is an ad's label as much as "Advertisement"; "➡️ Follow …" and "📢 Join
    …" call the reader to act; a sentence after an arrow stays one."""
    from propscope.html_page import without_meta_lines

    for line in ["— ADVERTISEMENT —", "📢 Join Harbour Watch | Chat | Donate", "➡️ Follow us on VK"]:
        assert furniture_line(line), line
    assert not furniture_line("➡️ Share prices fell by a tenth on Monday.")
    assert without_meta_lines("The pier reopens in May.\n- Advertisement -\nTolls stay.") == \
        "The pier reopens in May.\nTolls stay."


def test_a_sign_up_boxs_small_print_is_furniture_and_the_box_goes_whole(tmp_path):
    """"By subscribing you accept our privacy policy" and "Unsubscribe anytime" are a sign-up
    box's small print; with it and a pitch the box holds no sentence of a story, and goes with its
    heading; a sentence about unsubscribing said by someone stays."""
    for line in ["By subscribing you accept our privacy policy and terms.", "Unsubscribe anytime.",
                 "By clicking Join, you agree to receive emails from the Herald."]:
        assert furniture_line(line), line
    assert not furniture_line("Customers can unsubscribe at any time, the regulator said.")
    box = ("<div class='promo'><h4>Harbour Notes</h4><p>Every Tuesday: the week's shipping news, delivered to your "
           "inbox.</p><input type='email'><a href='/s' class='go'>Join</a><p>By subscribing you accept our privacy "
           "policy and terms of use. Unsubscribe anytime.</p></div>")
    story = [*STORY, "Owners of yachts under ten metres will pay the old rate until the autumn.",
             "The fees were last raised in 2019, when the board rebuilt the fuel berth.",
             "A public meeting on the plan will be held at the sailing club on Thursday evening."]
    rest = "".join(f"<p>{s}</p>" for s in story[1:])
    body = f"<article><h1>Mooring fees to rise</h1><p>{story[0]}</p>{box}{rest}</article>"
    (tmp_path / "p.html").write_text(_page(body))
    [a] = read(tmp_path / "p.html")
    assert all(s in a.text for s in story) and "Harbour Notes" not in a.text and "privacy policy" not in a.text


def test_a_pointer_label_without_a_colon_and_links_joined_by_and_are_link_lines(tmp_path):
    """"RELATED |", "See also" and "Also read" point to other stories as "Read more:" does, and
    "More: <a> or <a>" is one line of links; a sentence naming two linked people stays."""
    lines = ["<p><b>RELATED |</b> <a href='/a'>Dredger breaks down again</a></p>",
             "<p>Also read <a href='/b'>Ferry timetable cut for winter</a></p>",
             "<p>More: <a href='/c'>Quay repairs</a> or <a href='/d'>who owns the marina</a></p>",
             "<p><a href='/e'>Ann Vos</a> and <a href='/f'>Piet Kramer</a> both voted against the plan.</p>"]
    body = f"<article><h1>Mooring fees to rise</h1><p>{STORY[0]}</p>{''.join(lines)}<p>{STORY[1]}</p></article>"
    (tmp_path / "p.html").write_text(_page(body))
    [a] = read(tmp_path / "p.html")
    for gone in ["Dredger breaks down", "Ferry timetable cut", "Quay repairs", "who owns the marina", "RELATED"]:
        assert gone not in a.text, gone
    assert "Ann Vos and Piet Kramer both voted against the plan." in a.text


def test_a_caption_paragraph_ending_with_its_picture_credit_goes(tmp_path):
    """A caption printed as a paragraph, ending with an agency's credit ("(AP Photo/Jane Roe)",
    "(Picture by Tom Lee/Harbour News)"), is no sentence of the story; a bracketed source inside a
    sentence or before its full stop stays."""
    from propscope.html_page import credited_caption

    assert credited_caption("Fishing boats moored at the inner basin, May 2, 2026. (AP Photo/Jane Roe)")
    assert credited_caption("(Picture by Tom Lee/Harbour News)")
    assert not credited_caption("Support for the fee fell to 31 per cent (Harbour News/Ipsos).")
    assert not credited_caption("A poll (Harbour News/Ipsos) found support had fallen")
    caption = "<p style='text-align:center'>Trawlers in the harbour, May 2, 2026. (HNA/Li Wei)</p>"
    body = f"<article><h1>Mooring fees to rise</h1><p>{STORY[0]}</p>{caption}<p>{STORY[1]}</p><p>{STORY[2]}</p></article>"
    (tmp_path / "p.html").write_text(_page(body))
    [a] = read(tmp_path / "p.html")
    assert all(s in a.text for s in STORY) and "HNA/Li Wei" not in a.text and "Trawlers in the harbour" not in a.text


def test_an_editors_or_sources_signature_line_is_meta():
    """"(Web editor: Anna Bell)", "Source: agencies", "Quelle: dpa" sign a story; a sentence after
    such a label stays."""
    from propscope.html_page import meta_line

    for line in ["(Web editor: Anna Bell)", "[Responsible editor: Zhou Min]", "Source: agencies", "Quelle: dpa",
                 "Sources: AFP + Reuters"]:
        assert meta_line(line), line
    for line in ["Source: the ministry will not publish the figures.", "Editor: Why we changed our front page."]:
        assert not meta_line(line), line


def test_a_press_releases_closing_sections_go_and_an_about_section_mid_story_stays(tmp_path):
    """The sections a release ends with ("Notes for editors", the issuer's "About …" paragraph, a
    bold "Press enquiries:" line with its contacts) are not the release; an "About …" section with
    the story going on under another heading after it is the story's."""
    tail = ("<h2>Notes for editors</h2><ul><li>The report is online at harbourboard.example/fees.</li></ul>"
            "<h2>About the Harbour Board</h2><p>The Harbour Board manages the port and its moorings on behalf of "
            "the town and is funded by its users.</p>"
            "<p><strong>Press enquiries:</strong><br>Sara Lind<br>01632 960555</p>")
    story = "".join(f"<p>{s}</p>" for s in STORY)
    body = f"<article><h1>Mooring fees to rise</h1><div class='release'>{story}{tail}</div></article>"
    (tmp_path / "r.html").write_text(_page(body))
    mid = ("<article><h1>Mooring fees to rise</h1><div class='body'>"
           f"<p>{STORY[0]}</p><h2>About The Fees</h2><p>{STORY[1]}</p><h2>What comes next</h2><p>{STORY[2]}</p>"
           "</div></article>")
    (tmp_path / "m.html").write_text(_page(mid))
    release, story = read(tmp_path / "r.html", tmp_path / "m.html")
    assert all(s in release.text for s in STORY)
    for gone in ["Notes for editors", "report is online", "About the Harbour Board", "funded by its users", "Sara Lind",
                 "Press enquiries"]:
        assert gone not in release.text, gone
    assert all(s in story.text for s in STORY) and "About The Fees" in story.text


def test_zero_width_joiners_inside_words_are_kept(tmp_path):
    """Persian writes a zero-width non-joiner inside words ("می‌شود"), and emoji sequences hold a
    zero-width joiner: both stay in the text and the title, where they were dropped as unprintable."""
    words = "این طرح از سال آینده اجرا می\u200cشود و هزینه\u200cها را کاهش می\u200cدهد."
    more = "شورای شهر روز دوشنبه این طرح را با اکثریت آرا تصویب کرد و اجرای آن را به شهرداری سپرد."
    family = "Families \U0001F468\u200d\U0001F469\u200d\U0001F467 were at the pier when the ferry came in on Monday."
    title = "طرح تازه\u200cی شهرداری"
    page = (f"<!DOCTYPE html><html lang='fa'><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1><p>{words}</p><p>{more}</p><p>{family}</p></article></body></html>")
    (tmp_path / "fa.html").write_text(page, encoding="utf-8")
    [a] = read(tmp_path / "fa.html")
    assert words in a.text and family in a.text and a.title == title
    latin = f"<p>The \u200ciPhone 17\u200c went on sale in {STORY[0][4:]}</p>"  # a site's anti-link marks
    (tmp_path / "en.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1>{latin}<p>{STORY[1]}</p></article>"))
    [b] = read(tmp_path / "en.html")
    assert "\u200c" not in b.text and "The iPhone 17 went on sale" in b.text


def test_a_page_whose_address_trafilatura_refuses_gets_its_outlet_from_its_canonical_link(tmp_path):
    """Telegram's web view of a post ("https://t.me/s/…") names its address in its canonical link,
    which trafilatura's URL checker refuses (a one-letter name): the outlet is that host still."""
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour Watch – Telegram</title>"
            "<link rel='canonical' href='https://t.me/s/harbourwatch/77'></head><body><div class='msg'>"
            + "<br>".join(STORY) + "</div></body></html>")
    (tmp_path / "tg.html").write_text(page)
    [a] = read(tmp_path / "tg.html")
    assert a.outlet == "t.me"


def test_calls_to_act_in_ukrainian_and_a_donation_ask_with_its_sum_are_furniture():
    """"Підписуйтесь на наш Telegram-канал …" calls the reader as the Russian line does; "Give $5
    a month and keep …" asks for money however far the reader's words come; a sentence that
    starts with the verb and no sum stays."""
    for line in ["Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися новини.",
                 "Valley Radio is member-supported. Give $5 a month and keep election coverage free for everyone.",
                 "Donate €10 to keep the newsroom going through the winter."]:
        assert furniture_line(line), line
    assert not furniture_line("Give or take a few hundred votes, the result was the same as in 2022.")
    assert not furniture_line("Support for the plan grew by 5 points over the summer.")


def test_rights_notices_in_ukrainian_and_chinese_are_furniture():
    """A copyright or no-reprint notice is the page's in any language the others are found in."""
    for line in ["© 2026 Вісник Полісся. Усі права захищені.",
                 "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。",
                 "版权所有，未经授权不得转载。"]:
        assert furniture_line(line), line
    assert not furniture_line("法院裁定該公司侵犯著作權，須賠償三百萬元。")


def test_a_signature_of_name_and_agency_and_a_photographers_credit_are_meta_lines():
    """State agencies sign a story "Dilnoza Yo'ldosheva, UzNA" and credit its photo "Photo by
    Akmal Rustamov, UzNA" on lines of their own; a sentence or a place and its state stays."""
    from propscope.html_page import meta_line

    for line in ["Dilnoza Yo'ldosheva, UzNA", "Photo by Akmal Rustamov, UzNA", "Photos by Ana Lima/Lusa",
                 "Lin Ya-ting, CNA"]:
        assert meta_line(line), line
    for line in ["Akmal Rustamov, UzNA photographer, was detained.", "Photo by photo, the archive grew.",
                 "The vote in Springfield, IL"]:
        assert not meta_line(line), line


def test_a_live_pages_relative_update_time_and_a_gift_pitch_are_not_the_story():
    """"LIVE · Updated 2m ago" and "3 hours ago" are a live page's clock; "Your tax-deductible gift
    keeps investigations like this one free to read." asks for money; a sentence about years ago,
    or about someone else's donation, stays."""
    from propscope.html_page import meta_line

    for line in ["LIVE · Updated 2m ago", "3 hours ago", "Updated 12 minutes ago", "Posted just now"]:
        assert meta_line(line), line
    for line in ["Two years ago the plant closed.", "Updated 2 years ago, the law still stands."]:
        assert not meta_line(line), line
    for line in ["The Desk is a nonprofit newsroom. Your tax-deductible gift keeps investigations like this free to read.",
                 "Your donation helps us stay independent."]:
        assert furniture_line(line), line
    assert not furniture_line("The charity said its donors' gifts had kept the shelter open all winter.")


def test_what_a_site_says_of_itself_under_a_story_is_furniture_and_stories_about_it_stay():
    """A fact-checker's accreditation and platform partnership, a syndicated copy's origin, a pointer
    to how the site works, its ratings' label and a reader's question before a call to act go;
    sentences about fact-checking networks, programmes or origins stay."""
    for line in ["Truthline is a verified signatory of the International Fact-Checking Network's code of principles.",
                 "CheckPoint is a verified signatory of the International Fact-Checking Network's code of principles. "
                 "Read about our methodology and how to request a correction.",
                 "This article is part of our work with Meta's third-party fact-checking programme. "
                 "Read more about how we work with technology companies.",
                 "How we rate claims: True, Mostly true, Misleading, False, Unproven. "
                 "Found something you think needs checking? Send it to us on WhatsApp.",
                 "This article originally appeared on The Capitol Ledger: Judge blocks age-check law"]:
        assert furniture_line(line), line
    for line in ["The IFCN, a network of fact-checkers, said its membership had grown to 170 organisations.",
                 "Meta ended its third-party fact-checking program in the United States in January.",
                 "The song originally appeared on the band's first album.",
                 "Read more about the case in the court's ruling, which runs to 34 pages.",
                 "Have the lanes made journeys slower? The council's figures say they have, by 11 percent."]:
        assert not furniture_line(line), line


def test_notices_in_korean_turkish_and_hindi_and_a_name_with_an_email_are_furniture():
    for line in ["<저작권자 ⓒ 한빛일보 무단전재 및 재배포 금지>", "김민준 기자 minjun@hanbitilbo.example",
                 "Haber Ajansı web sitesinde, abonelere sunulan haberler özetlenerek yayımlanmaktadır. "
                 "Abonelik için lütfen iletişime geçiniz.",
                 "ताज़ा खबरों के लिए हमें फॉलो करें और हमारा ऐप डाउनलोड करें।"]:
        assert furniture_line(line), line
    for line in ["시 관계자는 재원 마련을 위해 정부와 협의를 계속하겠다고 말했다.",
                 "Ekonomistler, merkez bankasının aralık ayındaki toplantısında faizi sabit tutmasını bekliyor.",
                 "शिक्षा मंत्री ने कहा कि इस योजना से लगभग 28 लाख बच्चों को लाभ मिलेगा।"]:
        assert not furniture_line(line), line


def test_a_site_speaking_of_itself_before_a_call_to_act_and_a_related_posts_category_are_furniture():
    for line in ["We don't take a dime from advertisers. If you value this work, support us on SubscribeStar.",
                 'In "Corruption"', "In “Politics”"]:
        assert furniture_line(line), line
    for line in ["We asked the council for comment. It did not reply.",
                 "If you drive, expect delays on the ring road. Buses will run as normal.",
                 "We went to the meeting. Follow the money, one resident told us."]:
        assert not furniture_line(line), line


def test_a_date_line_with_its_weekday_and_names_before_a_reading_time_are_meta():
    from propscope.html_page import meta_line

    for line in ["Publié le : dimanche, 06 septembre 2026 16:20", "The Capitol Ledger Ana Ruiz  2 min read"]:
        assert meta_line(line), line
    for line in ["The council voted on Sunday, 3 March 2026, to close the pool.", "It takes about 5 min read.",
                 "Sunday 3 March 2026 was the coldest day of the year"]:
        assert not meta_line(line), line


def test_a_line_of_a_posts_shortened_counters_is_furniture():
    for line in ["1.2K 34", "3.4K", "12K 1.1K 56"]:
        assert furniture_line(line), line
    for line in ["34", "2026 34", "The 4K screen costs 300 euros."]:
        assert not furniture_line(line), line


def test_a_sources_or_author_section_that_closes_the_storys_own_box_goes(tmp_path):
    """A "Sources" heading and its list at the end of the box the story's paragraphs are in (no box
    of their own) are the page's apparatus; a section after which the story goes on stays."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    tail = ("<h3>Fuentes</h3><ul><li>Harbour board minutes, 4 March 2025</li>"
            "<li>Phone interview, board secretary, 5 March 2025</li></ul>")
    (tmp_path / "p.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1><div class='body'>{story}{tail}"
                                           "</div></article>"))
    [a] = read(tmp_path / "p.html")
    assert all(s in a.text for s in STORY), a.text
    assert "Harbour board minutes" not in a.text and "Fuentes" not in a.text, a.text
    middle = "<h3>Sources</h3><p>Two crews said the board had not asked them before the vote.</p>"
    (tmp_path / "q.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1><div class='body'>{story}{middle}"
                                           "<p>The board meets again in June to set the winter rates.</p></div></article>"))
    [b] = read(tmp_path / "q.html")
    assert "had not asked them" in b.text and "winter rates" in b.text, b.text


def test_paywall_offers_disclaimers_accreditation_and_calls_in_other_languages_are_furniture():
    for line in ["Este conteúdo é exclusivo para assinantes",
                 "Assine por R$ 1,90 no primeiro mês e tenha acesso ilimitado a todo o conteúdo do Jornal do Planalto.",
                 "Já é assinante? Faça seu login", "¿Ya eres suscriptor? Inicia sesión",
                 "Subscribe for just $1 a week and read without limits.",
                 "Os artigos de opinião não refletem necessariamente a posição do Diário do Tejo.",
                 "The views expressed are the author's own and do not necessarily reflect those of the Herald.",
                 "Verificado Sur es signatario verificado de la Red Internacional de Verificación de Datos (IFCN).",
                 "Síguenos en Google News y recibe las noticias más importantes del día.",
                 "Підписуйтеся на наш Telegram-канал та Viber, щоб першими дізнаватися головні новини."]:
        assert furniture_line(line), line
    for line in ["O conteúdo do relatório é exclusivo do tribunal, disse o juiz.",
                 "The ruling does not necessarily reflect a change in policy, the minister said.",
                 "Sigue la investigación sobre el contrato del puerto.",
                 "Subscribers to the water scheme pay $40 a month."]:
        assert not furniture_line(line), line


def test_a_photo_label_line_is_meta_and_a_list_of_who_and_when_is_not_the_story():
    from propscope.html_page import meta_line, without_meta_lines

    for line in ["Фото: пресслужба Львівської міської ради", "Photo: Jana Ortiz / Plains Herald", "Foto: EFE"]:
        assert meta_line(line), line
    assert not meta_line("Photo: the ferry leaves the harbour at dawn.")
    text = ("Buses will run all night.\n- 기자명 박서연 기자\n- 입력 2026.10.22 14:32\n- 수정 2026.10.22 16:05\n- 댓글 0\n"
            "Riders welcomed the plan.")
    assert without_meta_lines(text) == "Buses will run all night.\nRiders welcomed the plan."
    timeline = "What happened:\n- 3 March 2025: vote held\n- 9 March 2025: law signed\nThe law starts in May."
    assert without_meta_lines(timeline) == timeline


def test_a_pinned_post_that_the_feed_also_holds_is_read_once(tmp_path):
    """A live blog's pinned post (its box labelled "📌 Pinned") is also in its place in the feed: the
    same paragraph twice, read once (where it first stands). A paragraph a page repeats with no
    pinned post (a meal plan's same dish on two days, a question put twice) is read twice."""
    pinned = "Good morning. Crews at three ports are on strike for a second day in a dispute over pay and rosters."
    feed = f"<div class='feed'><p>{STORY[0]}</p><p>{STORY[1]}</p><p>{pinned}</p></div>"
    label = "<div class='label'>📌 Pinned</div>"
    (tmp_path / "p.html").write_text(_page(f"<main><h1>Mooring fees to rise</h1><div class='top'>{label}<p>{pinned}</p>"
                                           f"</div>{feed}</main>"))
    [a] = read(tmp_path / "p.html")
    assert a.text.count(pinned) == 1 and STORY[1] in a.text and "Pinned" not in a.text, a.text
    (tmp_path / "q.html").write_text(_page(f"<main><h1>Mooring fees to rise</h1><div class='top'><p>{pinned}</p>"
                                           f"</div>{feed}</main>"))
    [b] = read(tmp_path / "q.html")
    assert b.text.count(pinned) == 2, b.text


def test_a_box_of_links_under_a_label_of_its_own_and_an_amp_placeholder_go(tmp_path):
    story = "".join(f"<p>{s}</p>" for s in STORY)
    box = ("<div class='css-1wq'><p class='css-tr6'>Te puede interesar</p><a href='/a'>La inflación de octubre se "
           "ubica en 0,4%</a><a href='/b'>Renuncia el ministro de Trabajo tras el debate</a></div>")
    frame = ("<amp-iframe src='https://t.me/x/1?embed=1' layout='responsive'><div placeholder>Пост в Telegram</div>"
             "</amp-iframe>")
    (tmp_path / "p.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1>{story[:-4]}{box}{frame}"
                                           "<p>The board meets again in June.</p></article>"))
    [a] = read(tmp_path / "p.html")
    assert all(s in a.text for s in STORY) and "meets again in June" in a.text, a.text
    for gone in ("Te puede interesar", "La inflación", "Renuncia el ministro", "Пост в Telegram"):
        assert gone not in a.text, a.text


def test_a_pinned_label_a_spelling_note_and_a_portuguese_author_box_are_not_the_story(tmp_path):
    from propscope.html_page import furniture_line

    for line in ["📌 Pinned", "Pinned post", "📌 Fijado", "Закреплено",
                 "O autor escreve de acordo com a antiga ortografia. Os artigos de opinião não refletem "
                 "necessariamente a posição do Diário do Tejo.", "O autor escreve segundo o antigo acordo ortográfico."]:
        assert furniture_line(line), line
    for line in ["The pinned tweet was deleted on Monday.", "Pinned down by fire, the unit waited for dawn.",
                 "O autor escreve sobre a cidade há vinte anos."]:
        assert not furniture_line(line), line
    story = "".join(f"<p>{s}</p>" for s in STORY)
    bio = ("<div class='bio'><h4>Sobre o autor</h4><p>Miguel Sarmento é engenheiro civil e professor na Universidade "
           "da Beira Interior.</p></div>")
    (tmp_path / "p.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1>{story}{bio}</article>"))
    [a] = read(tmp_path / "p.html")
    assert all(s in a.text for s in STORY) and "engenheiro civil" not in a.text, a.text


def test_a_writers_name_left_with_the_separator_of_its_date_line_is_meta():
    """trafilatura takes a byline's <time> out and leaves "Miguel Sarmento · ": no line of the story."""
    from propscope.html_page import meta_line

    for line in ["Miguel Sarmento · ", "Ana Ruiz |", "Tom de la Cruz —"]:
        assert meta_line(line), line
    for line in ["Miguel Sarmento", "Yes —", "The mayor said no ·", "Lisbon · Porto · Faro"]:
        assert not meta_line(line), line


def test_a_gallery_whose_captions_are_its_story_is_read_caption_by_caption(tmp_path):
    """A photo gallery tells its story in its <figcaption>s, which trafilatura drops with the
    <figure>s: what was left was too short, and its fallback read the whole page as one line. When
    the captions that end sentences hold more words than the page's paragraphs, each is a paragraph;
    a story's few captions beside its paragraphs stay out."""
    captions = ["Children ride the restored carousel, which returned to the square this year.",
                "A farmer weighs pumpkins for the contest. The winner weighed 1,142 pounds.",
                "The high school marching band leads the parade along Main Street.",
                "Volunteers serve apple cider at the historical society's stall near the courthouse."]
    figures = "".join(f"<figure><img src='/{i}.jpg'><figcaption><span>{c}</span></figcaption></figure>"
                      for i, c in enumerate(captions))
    (tmp_path / "g.html").write_text(_page(
        f"<main><article><h1>Photos: Harvest festival returns</h1><p>Thousands came downtown on Saturday.</p>"
        f"<div class='gallery'>{figures}</div></article></main>", title="Photos: Harvest festival returns"))
    [a] = read(tmp_path / "g.html")
    lines = a.text.split("\n")
    assert all(c in lines for c in captions), a.text
    story = "".join(f"<p>{s}</p>" for s in STORY)
    (tmp_path / "s.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1>{story}"
                                           f"<figure><img src='/x.jpg'><figcaption>{captions[0]}</figcaption></figure>"
                                           "</article>"))
    [b] = read(tmp_path / "s.html")
    assert captions[0] not in b.text and all(s in b.text for s in STORY), b.text


def test_offers_to_sell_the_pages_photos_and_a_slideshows_counter_are_furniture():
    for line in ["Buy photos from this gallery: prints from $14.99.", "Buy Photo", "Order a print", "Order Reprints",
                 "Purchase this photo", "1 of 5", "3 / 12"]:
        assert furniture_line(line), line
    for line in ["Buy now, pay later schemes grew by a third last year.", "Order was restored by noon.",
                 "One in five adults smoke.", "He scored 3 of 12 attempts."]:
        assert not furniture_line(line), line


def test_a_headline_in_a_titled_block_opens_the_text(tmp_path):
    """Many CMSs (Korean ones among them) print the headline in a <div class="...title"> with no
    <h1>: it opens the text as an <h1> does, and its copy after the story goes."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    head = "<div class='view-top'><div class='article-head-title'>Mooring fees to rise</div></div>"
    (tmp_path / "k.html").write_text(_page(f"<div id='wrap'>{head}<article>{story}</article></div>"))
    [a] = read(tmp_path / "k.html")
    assert a.text.split("\n")[0] == "Mooring fees to rise" and a.text.count("Mooring fees to rise") == 1, a.text


def test_a_live_badge_an_editor_in_cjk_brackets_and_a_print_edition_note_are_not_the_story():
    from propscope.html_page import meta_line

    for line in ["● Live Updated 4 minutes ago", "【责任编辑：王晓雪】", "【编辑：李明】"]:
        assert meta_line(line), line
    assert not meta_line("● The vote was lost 4 minutes ago, aides said.")
    for line in ["本网站所刊载信息，不代表本网观点。刊用本网站稿件，务经书面授权。"
                 "未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究法律责任。",
                 "（完）",
                 "A version of this article appears in print on Nov. 15, 2026, Section A, Page 14 of the National "
                 "edition with the headline: Keeping the Light On. Order Reprints | Today's Paper | Subscribe",
                 "Weiterlesen mit RA+", "Jetzt weiterlesen mit Z+",
                 "Alle Artikel lesen – 4 Wochen für 0 €, danach 9,99 € im Monat. Jederzeit kündbar.",
                 "Try it free for 30 days, then $9.99 a month.",
                 "Увидели сомнительную новость? Присылайте ее нашему боту в Telegram, и мы ее проверим."]:
        assert furniture_line(line), line
    for line in ["The minister said a version of the bill would appear in print next week.",
                 "Weiterlesen konnte er nicht, sagte sie.", "Verträge seien künftig monatlich kündbar, so der Minister.",
                 "Увидели ли избиратели разницу? Эксперты сомневаются."]:
        assert not furniture_line(line), line


def test_a_writers_italic_tagline_with_an_email_goes_without_a_named_author(tmp_path):
    """The column's italic last paragraph that says who the writer is and how to reach them goes
    even where the page names no author in its metadata; a story's italic note with no address stays."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    bio = "<p><em>Brett Calloway covers the county for the Herald. Reach him at bc@herald.example.</em></p>"
    (tmp_path / "b.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1><div>{story}{bio}</div></article>"))
    [a] = read(tmp_path / "b.html")
    assert "Reach him" not in a.text and all(s in a.text for s in STORY), a.text
    note = "<p><em>Brett Calloway is a former harbour master and chairs the fishing union.</em></p>"
    (tmp_path / "c.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1><div>{story}{note}</div></article>"))
    [c] = read(tmp_path / "c.html")
    assert "former harbour master" in c.text, c.text



def test_a_script_drawn_pages_json_ld_article_body_is_read_paragraph_by_paragraph(tmp_path):
    """A page a script draws, whose story is only in its JSON-LD ``articleBody``, was read as one
    line (trafilatura's fallback joins the body's paragraphs): each of its lines is a paragraph."""
    import json

    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Bay Herald"},
            {"@type": "NewsArticle", "headline": "Mooring fees to rise", "articleBody": "\n\n".join(STORY)}]}
    (tmp_path / "j.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Mooring fees to rise</title>"
        f"<script type='application/ld+json'>{json.dumps(data)}</script></head><body><div id='app'>"
        "<p>Loading…</p></div></body></html>")
    [a] = read(tmp_path / "j.html")
    lines = a.text.split("\n")
    assert all(s in lines for s in STORY), a.text


def test_a_caption_ending_with_its_copyright_credit_and_a_byline_of_dated_parts_are_not_the_story():
    from propscope.html_page import credited_caption, meta_line

    assert credited_caption("Le tableau des départs de l'aéroport, vendredi soir. © Jean Morel / L'Écho du Sud")
    assert credited_caption("Firefighters at the scene on Monday. © AFP")
    assert not credited_caption("The song was released in 1967. © EMI holds the rights, the label said.")
    for line in ["Rina Kartika, Jurnalis · Rabu 11 November 2026 10:45 WIB",
                 "Published 11:31 a.m. CT Nov. 2, 2026 | Updated 1:02 p.m. CT Nov. 2, 2026",
                 "Ana Ruiz | 3 May 2025", "(rin)", "(ant/dil)"]:
        assert meta_line(line), line
    for line in ["Paris · London · Berlin", "The vote | 3 May 2025 was the last one held there",
                 "(laughter)", "(Reuters) The talks failed."]:
        assert not meta_line(line), line


def test_a_standfirst_between_the_headline_and_the_storys_box_is_read(tmp_path):
    """trafilatura may read a story's own box (class "article-text") alone and leave out the standfirst
    standing between the <h1> and it: it is moved into the box's start."""
    lead = "For the first time in three years the harbour board will charge more for a mooring."
    (tmp_path / "s.html").write_text(_page(
        f"<main><article><h1>Mooring fees to rise</h1><p class='intro'>{lead}</p><p class='meta'>By Ana Ruiz</p>"
        f"<div class='article-text'><p>{STORY[0]}</p><p>{STORY[1]}</p></div></article></main>"))
    [a] = read(tmp_path / "s.html")
    assert a.text.split("\n")[1:4] == [lead, STORY[0], STORY[1]], a.text


def test_editor_and_source_labels_in_german_turkish_and_spanish_are_meta_lines():
    """A fact check's "Redigatur: …" (who edited it) and a Turkish page's "Editör: …" and "Kaynak: AA" (source)
    sign the story as "Editor: …" and "Source: …" do; a sentence after such a label stays."""
    from propscope.html_page import meta_line

    for line in ["Redigatur: Miriam Olschewski, Tobias Kern", "Editör: Selin Aydoğan", "Kaynak: AA",
                 "Schlussredaktion: Jana Beck", "Redacción: Madrid"]:
        assert meta_line(line), line
    assert not meta_line("Kaynak: Bakanlık verilerine göre ihracat yüzde 11 arttı.")


def test_a_syndicated_feeds_note_and_join_calls_in_spanish_and_portuguese_are_furniture():
    for line in ["(Only the headline and picture of this report may have been reworked by the Deccan Ledger staff; "
                 "the rest of the content is auto-generated from a syndicated feed.)",
                 "(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)",
                 "Únete a nuestro canal de WhatsApp y recibe las noticias más importantes de Coahuila",
                 "Siga o Diário do Planalto no Google Notícias", "Inscreva-se no nosso canal do YouTube"]:
        assert furniture_line(line), line
    for line in ["The figures were auto-generated from a spreadsheet the ministry keeps, the auditor said.",
                 "Siga a linha do rio até a ponte velha.", "Apoie-se no corrimão, avisam os bombeiros."]:
        assert not furniture_line(line), line


def test_a_line_of_the_pages_author_alone_or_with_an_outlet_or_place_goes(tmp_path):
    """A story signed at its end with its writer's name alone ("Minh Anh", right-aligned in bold), or a
    byline of the writer and the outlet or place with no separator ("Press Trust of India Mumbai",
    "Leah Sorensen Pinewood Gazette"): the page's author metadata names the writer. A sentence that
    opens with the name stays."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    head = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": "
            "{\"@type\": \"Person\", \"name\": \"Leah Sorensen\"}}</script>")
    (tmp_path / "a.html").write_text(_page(
        f"<article><h1>Mooring fees to rise</h1><div class='info'><span>Leah Sorensen</span> <span>Bay Herald"
        f"</span></div><div class='body'>{story}<p>Leah Sorensen said the board had not replied.</p>"
        "<p style='text-align:right'><strong>Leah Sorensen</strong></p></div></article>").replace(
        "</title>", "</title>" + head))
    [a] = read(tmp_path / "a.html")
    assert all(s in a.text for s in STORY), a.text
    assert "Leah Sorensen said the board had not replied." in a.text, a.text
    assert "Leah Sorensen Bay Herald" not in a.text and "\nLeah Sorensen\n" not in a.text + "\n", a.text
    from propscope.html_page import author_line

    assert author_line("Press Trust of India Mumbai", {"Press Trust of India"})
    assert not author_line("Beachbody Performance Energize", {"Beachbody"})
    assert not author_line("Annabel Lee", {"Anna"})


def test_a_sources_list_under_a_bold_label_naming_its_fact_check_goes(tmp_path):
    """A fact check's "The main sources for this fact check:" (a bold line, not a heading) and its list
    at the story's end are its apparatus, as a "Sources" heading's are."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    tail = ("<div class='sources'><p><strong>Die wichtigsten, öffentlichen Quellen für diesen Faktencheck:</strong></p>"
            "<ul><li>Hafenbehörde, Protokoll vom 4. März 2025</li><li>Gebührenordnung, Paragraf 3</li></ul></div>")
    (tmp_path / "q.html").write_text(_page(f"<article><h1>Mooring fees to rise</h1><div class='body'>{story}{tail}"
                                           "</div></article>"))
    [a] = read(tmp_path / "q.html")
    assert all(s in a.text for s in STORY), a.text
    assert "Quellen" not in a.text and "Gebührenordnung" not in a.text, a.text


def test_a_standfirst_in_a_heading_before_the_byline_and_the_storys_box_is_read(tmp_path):
    """A standfirst printed as an <h2> after the <h1>, a byline and date line between it and the story's
    box: it is moved into the box's start, as a <p> standfirst is."""
    lead = "For the first time in three years the harbour board will charge more for a mooring."
    (tmp_path / "s.html").write_text(_page(
        f"<div class='news'><h1>Mooring fees to rise</h1><h2 class='spot'>{lead}</h2>"
        "<div class='info'><span>Haber Merkezi</span> <span>24.11.2026 - 12:10</span></div>"
        f"<div class='news-content'><p>{STORY[0]}</p><p>{STORY[1]}</p><p>{STORY[2]}</p></div></div>"))
    [a] = read(tmp_path / "s.html")
    assert lead in a.text.split("\n"), a.text
    assert a.text.index(lead) < a.text.index(STORY[0]), a.text


def test_a_caption_ending_with_a_labelled_photo_credit_goes():
    from propscope.html_page import credited_caption

    assert credited_caption("Las unidades nuevas tendrán aire acondicionado. Foto: Archivo")
    assert credited_caption("Firefighters at the scene on Monday. Photo: Jana Ortiz / Plains Herald")
    assert not credited_caption("Photo: the ferry leaves the harbour at dawn.")
    assert not credited_caption("The museum reopened on Monday. Picture: a queue formed at the gate before dawn.")


def test_a_byline_of_a_name_and_the_outlet_with_no_separator_goes_where_no_metadata_names_the_writer(tmp_path):
    """A byline of two <span>s, the writer's name and the outlet's ("Ana Ruiz" "Bay Herald"), read as
    one line with no separator: the outlet is the page's (its <title>'s part, og:site_name, JSON-LD
    publisher). A line naming someone and another outlet, or a sentence, stays."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    (tmp_path / "b.html").write_text(_page(
        "<article><h1>Mooring fees to rise</h1><div class='info'><span>Ana Ruiz</span><span>Bay Herald</span>"
        f"</div><div class='body'>{story}<p>Tom Hale Coast Weekly</p></div></article>"))
    [a] = read(tmp_path / "b.html")
    assert all(s in a.text for s in STORY), a.text
    assert "Ana Ruiz" not in a.text and "Tom Hale Coast Weekly" in a.text, a.text
    from propscope.html_page import outlet_byline

    assert outlet_byline("Lucía Treviño El Heraldo del Norte", {"El Heraldo del Norte"})
    assert not outlet_byline("Readers wrote to the Bay Herald", {"Bay Herald"})
