"""Readers: every supported format, and bad input rejected with a reason, never raised."""

import json

from propscope import ingest
from propscope.ingest import Article, Rejected, read_inputs


def read(*sources, **opts):
    return list(read_inputs([str(s) for s in sources], ingest.ReadOptions(**opts)))


def test_text_file_is_kept_exactly_and_named_like_ptc(tmp_path):
    p = tmp_path / "article123456.txt"
    p.write_bytes("Title\r\n\r\n  Body “x”  \n".encode())
    [a] = read(p)
    assert a.id == "123456"
    assert a.text == "Title\r\n\r\n  Body “x”  \n"


def test_classic_mac_line_ends_become_line_feeds_one_for_one(tmp_path):
    """Lines ended by a lone CR were one long line to everything that splits on LF (paragraphs,
    sources); CRLF and LF files stay exactly as they were."""
    from propscope.paragraphs import paragraphs

    (tmp_path / "mac.txt").write_bytes(b"First paragraph.\rSecond one.\r\rThird.\r")
    (tmp_path / "dos.txt").write_bytes(b"First.\r\nSecond.\r\n")
    mac, dos = read(tmp_path / "mac.txt", tmp_path / "dos.txt")
    assert mac.text == "First paragraph.\nSecond one.\n\nThird.\n" and len(paragraphs(mac.text)) == 3
    assert dos.text == "First.\r\nSecond.\r\n"


def test_other_file_names_use_the_stem(tmp_path):
    (tmp_path / "my-story.txt").write_text("Hello there.")
    assert read(tmp_path / "my-story.txt")[0].id == "my-story"


def test_folder_reads_txt_and_html_only(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha text.")
    (tmp_path / "sub").mkdir()
    body = "Bee story text here. " * 20
    (tmp_path / "sub" / "b.html").write_text(
        f"<html><head><title>Bee</title></head><body><article><p>{body}</p></article></body></html>")
    (tmp_path / "c.png").write_bytes(b"\x89PNG\x00\x00")
    items = read(tmp_path)
    assert [type(i) for i in items] == [Article, Article]
    assert "Bee story text here." in items[1].text


def test_jsonl_records_metadata_and_bad_lines(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "x1", "text": "One.", "title": "T", "url": "https://rt.example/a", "published": "2020-03-04",
                    "section": "world"}),
        '{"id": "x2", "text": "trunc',
        json.dumps({"id": "x3"}),
        json.dumps({"text": "No id."}),
    ]))
    items = read(p)
    assert isinstance(items[0], Article) and items[0].outlet == "rt.example" and str(items[0].published) == "2020-03-04"
    assert items[0].meta == {"section": "world"}
    assert isinstance(items[1], Rejected) and items[1].source.endswith(":2") and "invalid JSON" in items[1].reason
    assert isinstance(items[2], Rejected) and "no text" in items[2].reason
    assert items[3].id == "news-4"


def test_csv_with_and_without_text_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,text,outlet\n1,"Multi\nline text",paper.example\n2,,x\n')
    items = read(good)
    assert items[0].text == "Multi\nline text" and items[0].outlet == "paper.example"
    assert isinstance(items[1], Rejected)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,hello\n")
    [r] = read(bad)
    assert isinstance(r, Rejected) and "no 'text' column" in r.reason


def test_bad_inputs_are_rejected_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    reasons = {}
    for name in ("empty.txt", "blank.txt", "binary.txt", "latin1.txt", "doc.pdf", "big.txt", "missing.txt"):
        [r] = read(tmp_path / name, max_bytes=1000)
        assert isinstance(r, Rejected), name
        reasons[name] = r.reason
    assert "empty" in reasons["empty.txt"]
    assert "no text" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "unsupported format" in reasons["doc.pdf"]
    assert "limit" in reasons["big.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_html_without_article_text_is_rejected(tmp_path):
    p = tmp_path / "nav.html"
    p.write_text("<html><body><nav></nav></body></html>")
    [r] = read(p)
    assert isinstance(r, Rejected) and "no article text" in r.reason


def test_plain_text_saved_as_html_is_read_as_text(tmp_path):
    """A .html file without a single tag was "no article text found in the HTML"."""
    text = "The council voted the plan down again.\n\nIt was the third time; 5 < 6 & rising.\n"
    (tmp_path / "note.html").write_text(text)
    (tmp_path / "tiny.htm").write_text("A short note.")
    note, tiny = read(tmp_path / "note.html", tmp_path / "tiny.htm")
    assert (note.id, note.text, note.title) == ("note", text, None) and tiny.text == "A short note."


def test_an_html_fragment_is_read_whole(tmp_path):
    """A saved article body without <html> or <body>: its text before the first tag was lost
    ("The council voted." went), and a short one was "no article text found in the HTML"."""
    (tmp_path / "br.html").write_text("The council voted.<br>It was the third time.<br>Residents are tired.\n")
    (tmp_path / "p.html").write_text("<p>The council voted the plan down again. It was the third time.</p>\n")
    br, p = read(tmp_path / "br.html", tmp_path / "p.html")
    assert br.text == "The council voted.\nIt was the third time.\nResidents are tired."
    assert p.text == "The council voted the plan down again. It was the third time."


def test_a_stray_nul_in_a_web_page_is_dropped_as_browsers_drop_it(tmp_path):
    """One NUL byte a CMS left in a saved page refused the whole page as "looks binary";
    images saved as .html still are."""
    body = "The council voted the plan down again. " * 12
    (tmp_path / "page.html").write_text(f"<html><head><title>T</title></head><body><article><p>{body}\x00</p>"
                                        "</article></body></html>")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    page, image = read(tmp_path / "page.html", tmp_path / "image.html")
    assert page.text == body.strip() and "binary" in image.reason


def test_utf16_with_a_bom_is_read_as_text(tmp_path):
    """Windows "Unicode" text and Excel's Unicode CSV are UTF-16 with a BOM: they were refused as
    "binary (NUL bytes)"."""
    (tmp_path / "note.txt").write_bytes("\ufeffThey lied, café owners say.\n".encode("utf-16-le"))
    (tmp_path / "rows.csv").write_bytes("id,text\n1,Héllo there\n".encode("utf-16"))
    [a] = read(tmp_path / "note.txt")
    [row] = read(tmp_path / "rows.csv")
    assert a.text == "They lied, café owners say.\n" and row.text == "Héllo there"


def test_utf16_without_a_bom_and_utf32_are_read_as_text(tmp_path):
    """UTF-16 saved without a byte-order mark (PowerShell's Out-File, some exporters), either byte
    order, and UTF-32 with one were refused as "binary (NUL bytes)"; binaries still are."""
    english = "They lied, café owners say.\nThe council voted it down.\n"
    russian = "Власти снова солгали народу, сказал он. Позор предателям.\n"
    files = {"le.txt": english.encode("utf-16-le"), "be.txt": english.encode("utf-16-be"),
             "ru.txt": russian.encode("utf-16-le"), "wide.txt": english.encode("utf-32"),
             "rows.csv": "id,text\n1,Héllo there\n".encode("utf-16-be")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    le, be, ru, wide, row = read(*(tmp_path / name for name in files))
    assert le.text == be.text == wide.text == english and ru.text == russian and row.text == "Héllo there"
    binaries = {"counts.txt": b"\x01\x00\x02\x00" * 100 + b"a\x00" * 100,  # NULs on one side, control characters
                "elf.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
                "surrogates.txt": "a b ".encode("utf-16-le") + b"\x00\xd8" * 10 + "c d".encode("utf-16-le")}
    for name, data in binaries.items():
        (tmp_path / name).write_bytes(data)
        [r] = read(tmp_path / name)
        assert isinstance(r, Rejected) and "binary" in r.reason, name


def test_unclosed_csv_quote_and_header_only_csv_are_reported(tmp_path):
    """A quote never closed used to swallow every later row into one article, silently."""
    (tmp_path / "open.csv").write_text('id,text\n1,ok row\n2,"never closed\n3,lost row\n4,lost too\n')
    (tmp_path / "header.csv").write_text("id,text\n")
    items = read(tmp_path / "open.csv", tmp_path / "header.csv")
    assert [a.text for a in items if isinstance(a, Article)] == ["ok row"]
    reasons = [str(r) for r in items if isinstance(r, Rejected)]
    assert len(reasons) == 2 and "open.csv:3: a quoted field opened in this row never closes" in reasons[0]
    assert "header.csv: CSV has a header but no rows" in reasons[1]
    (tmp_path / "fine.csv").write_text('id,text\n1,"quoted ""twice"", closed"\n2,last\n')
    assert [a.text for a in read(tmp_path / "fine.csv")] == ['quoted "twice", closed', "last"]


def test_an_unclosed_quote_in_a_semicolon_or_tab_separated_csv_is_reported(tmp_path):
    """The check for a quote left open read every file with commas, where a quote after "2;"
    opens nothing: a European spreadsheet's open quote swallowed the rows after it in silence."""
    for name, sep in (("semi.csv", ";"), ("tabs.csv", "\t")):
        (tmp_path / name).write_text(f'id{sep}text\n1{sep}"ok{sep} fine"\n2{sep}"never closed\n3{sep}lost row\n')
        items = read(tmp_path / name)
        assert [a.text for a in items if isinstance(a, Article)] == [f"ok{sep} fine"], name
        [r] = [r for r in items if isinstance(r, Rejected)]
        assert str(r).startswith(f"{tmp_path / name}:3: a quoted field opened in this row never closes"), r


def test_other_url_schemes_are_named_not_missing_files():
    for source in ("file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/a"):
        [r] = read(source)
        assert "only http:// and https:// URLs" in r.reason, source
    [r] = read("notes:2024.txt")
    assert r.reason == "no such file or folder"
    assert ingest.is_url("HTTP://Example.com/") and not ingest.is_url("httpx.txt")


def test_binary_first_line_of_a_non_warc_is_not_dumped(tmp_path):
    (tmp_path / "x.warc").write_bytes(b"\x7fELF\x02\x01" + bytes(range(256)) * 8)
    [r] = read(tmp_path / "x.warc")
    assert "not a WARC/ARC file" in r.reason and len(r.reason) < 300 and r.reason.isprintable()


def test_a_stray_nul_costs_its_record_not_the_export(tmp_path):
    """A NUL byte anywhere used to refuse a whole CSV or JSONL file as binary."""
    (tmp_path / "rows.csv").write_bytes(b"id,text\n1,bad\x00row\n2,good row\n")
    (tmp_path / "rows.jsonl").write_bytes(b'{"id": "a", "text": "bad\x00"}\n{"id": "b", "text": "good"}\n')
    (tmp_path / "ls.csv").write_bytes(b"\x7fELF\x02\x01\x00\x00,text\n1,x\n")
    items = read(tmp_path / "rows.csv", tmp_path / "rows.jsonl", tmp_path / "ls.csv")
    assert [a.text for a in items if isinstance(a, Article)] == ["good row", "good"]
    assert [r.source for r in items if isinstance(r, Rejected)] == [f"{tmp_path}/rows.csv:2", f"{tmp_path}/rows.jsonl:1",
                                                                    f"{tmp_path}/ls.csv"]


def test_jsonl_joined_from_exports_and_control_characters_are_located(tmp_path):
    """Exports joined with cat carry a byte-order mark at the start of each; a raw control
    character in a long text line was "invalid JSON" with no place to look."""
    p = tmp_path / "joined.jsonl"
    first = json.dumps({"id": "a", "text": "First export."})
    second = json.dumps({"id": "b", "text": "Second export."})
    broken = '{"id": "c", "text": "tab\there"}'
    p.write_bytes(("\ufeff" + first + "\n\ufeff" + second + "\n" + broken + "\n").encode("utf-8"))
    items = read(p)
    assert [a.id for a in items if isinstance(a, Article)] == ["a", "b"]
    bad = items[2]
    assert isinstance(bad, Rejected) and bad.source.endswith(":3")
    assert bad.reason == f"invalid JSON (Invalid control character, column {broken.index(chr(9)) + 1})"


PARAGRAPHS = [f"Paragraph {i}: the harbour council voted the plan down again, residents said on Monday." for i in range(4)]
LAYOUT_TABLE = '<table><tr><td class="nav"><a href="/">Home</a> <a href="/news">News</a></td><td>'


def test_article_text_under_hundreds_of_wrappers_comes_out(tmp_path):
    """libxml2 stops reading at 256 nested elements, so text inside 300 CMS wrapper <div>s or 80
    nested layout tables (4 levels each) was "no article text found in the HTML"."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    pages = {"divs.html": "<div class='wrap'>" * 300 + body + "</div>" * 300,
             "tables.html": LAYOUT_TABLE * 80 + body + "</td></tr></table>" * 80}
    for name, inner in pages.items():
        (tmp_path / name).write_text(f"<html><head><title>Deep</title></head><body>{inner}</body></html>")
        [a] = read(tmp_path / name)
        assert isinstance(a, Article), (name, a)
        assert all(p in a.text for p in PARAGRAPHS) and a.title == "Deep", name


def test_text_after_a_deeply_nested_widget_is_not_cut_off(tmp_path):
    """Past a 400-deep widget libxml2 read no further: the article lost its second half in silence."""
    widget = "<div>" * 400 + "<script>var tracking = 'junk';</script><span>Advert</span>" + "</div>" * 400
    (tmp_path / "widget.html").write_text(f"<html><body><article><p>{PARAGRAPHS[0]}</p>{widget}<p>{PARAGRAPHS[1]}</p>"
                                          "</article></body></html>")
    [a] = read(tmp_path / "widget.html")
    assert PARAGRAPHS[0] in a.text and PARAGRAPHS[1] in a.text and "tracking" not in a.text


def test_pages_libxml2_reads_whole_reach_trafilatura_unchanged():
    page = "<html><body>" + "<div>" * 200 + f"<p>{PARAGRAPHS[0]}</p>" + "</div>" * 200 + "</body></html>"
    assert ingest.readable_page(page) is page
    root = ingest.readable_page("<html><body>" + "<div>" * 300 + "words" + "</div>" * 300)
    assert "words" in root.text_content()
    assert max(len(list(e.iterancestors())) for e in root.iter()) < 256  # what libxml2 reads by default


def test_a_text_node_over_libxml2s_ten_megabytes_is_read_whole():
    """With --max-bytes raised, a page with a paragraph over 10 MB (libxml2's text-node limit
    without XML_PARSE_HUGE) was "no article text found in the HTML"."""
    page = "<html><body><article><p>" + "word " * 2_100_000 + "LAST</p></article></body></html>"
    root = ingest.readable_page(page)
    assert root.text_content().endswith("word LAST") and len(root.text_content()) > 10_000_000


def test_csv_from_spreadsheets_with_other_header_case_or_delimiters_is_read(tmp_path):
    """"ID,Text,Title" (a spreadsheet's header), a ";" export (European locale) and a tab-separated
    file saved as .csv were each refused as having no 'text' column."""
    rows = {"case.csv": "ID, Text ,Title\n7,First story.,A title\n",
            "semicolon.csv": 'id;text;title\n8;"Second story; with a semicolon, and a comma.";T\n',
            "tabs.csv": "id\ttext\n9\tThird story, with a comma.\n",
            "both.csv": "text,Text\nFourth story.,a column of its own\n"}
    for name, data in rows.items():
        (tmp_path / name).write_text(data)
    case, semicolon, tabs, both = read(*(tmp_path / n for n in rows))
    assert (case.id, case.text, case.title) == ("7", "First story.", "A title")
    assert (semicolon.id, semicolon.text) == ("8", "Second story; with a semicolon, and a comma.")
    assert (tabs.id, tabs.text) == ("9", "Third story, with a comma.")
    assert both.text == "Fourth story." and both.meta == {"Text": "a column of its own"}


def test_excels_sep_line_names_the_delimiter_and_lines_keep_their_numbers(tmp_path):
    """Excel writes and reads a first line "sep=;": it was taken for the header ("CSV has no 'text'
    column (columns: sep=;)")."""
    rows = {"semi.csv": "sep=;\r\nid;text;title\r\n1;A story, with a comma.;Harbour\r\n2;a;b;c\r\n",
            "tab.csv": "sep=\t\nid\ttext\n3\tTabbed; story.\n", "comma.csv": "sep=,\nid,text\n4,Plain story.\n"}
    for name, data in rows.items():
        (tmp_path / name).write_text(data, newline="")
    bad, semi, tab, comma = read(*(tmp_path / n for n in rows))  # a bad row is reported before the last good one
    assert (semi.id, semi.text, semi.title) == ("1", "A story, with a comma.", "Harbour")
    assert str(bad) == f"{tmp_path / 'semi.csv'}:4: row has more cells than the header"  # line 4 of the file
    assert (tab.text, comma.text) == ("Tabbed; story.", "Plain story.")


def test_a_repeated_header_of_joined_csv_exports_is_no_record(tmp_path):
    """``cat a.csv b.csv``: the second header (after its byte-order mark) was stored as an article
    with the id "\\ufeffid" and the text "text"."""
    p = tmp_path / "joined.csv"
    export = "\ufeffid,Text\r\n{}\r\n"
    p.write_bytes((export.format("1,First.") + export.format("2,Second.") + "ID,text\r\n3,Third.\r\n").encode())
    assert [(a.id, a.text) for a in read(p)] == [("1", "First."), ("2", "Second."), ("3", "Third.")]


def test_a_jsonl_line_that_is_no_object_says_what_it_is(tmp_path):
    """Each was "record is not an object", which left the reader to guess what was wrong."""
    p = tmp_path / "odd.jsonl"
    p.write_text('["a", "b"]\n"just a string"\n42\nnull\n{"id": "x", "text": "Fine."}\n')
    *bad, good = read(p)
    assert [r.reason for r in bad] == [f"record is {what}, not an object with a 'text' field"
                                       for what in ("a list", "a string", "a number", "null")]
    assert good.text == "Fine."


def test_a_json_array_or_pretty_printed_records_are_read_as_records(tmp_path):
    """json.dump of a list of records, or records written with indent=2, saved as .jsonl (or
    .json, "unsupported format"): one "invalid JSON" line per line of the file, nothing stored."""
    recs = [{"id": "a", "text": "First."}, {"id": "b", "text": "Second."}, {"text": ""}]
    (tmp_path / "array.jsonl").write_text(json.dumps(recs))
    (tmp_path / "pretty.jsonl").write_text(json.dumps(recs, indent=2))
    (tmp_path / "objects.json").write_text("\n".join(json.dumps(r, indent=2) for r in recs) + "\n")
    for name in ("array.jsonl", "pretty.jsonl", "objects.json"):
        first, second, empty = read(tmp_path / name)
        assert (first.id, first.text, second.id, second.text) == ("a", "First.", "b", "Second."), name
        assert str(empty) == f"{tmp_path / name}#3: record has no text", name


def test_nan_and_infinity_in_a_jsonl_record_are_no_value(tmp_path):
    """Python's json writes NaN and Infinity and reads them back (1e999 too): kept in an article's
    metadata, they went into the store and into every JSON line written for that article, which
    strict JSON readers (JavaScript's JSON.parse) refuse."""
    p = tmp_path / "floats.jsonl"
    p.write_text('{"id": "f", "text": "A story.", "score": NaN, "big": 1e999, "n": [-Infinity, 2.5], "k": 1}\n')
    [a] = read(p)
    assert a.meta == {"n": [None, 2.5], "k": 1}

    def refuse(constant):
        raise ValueError(constant)

    assert json.loads(json.dumps(a.to_dict()), parse_constant=refuse)["meta"] == a.meta


def test_a_web_page_piped_to_stdin_is_read_as_a_page(monkeypatch):
    """`curl URL | propscope analyze -` analysed the page's markup as its text."""
    import io
    import types

    page = ("\ufeff\n<!DOCTYPE html><html><head><meta charset='windows-1252'><title>Piped</title></head><body><nav>"
            "<a href='/'>Home</a></nav><article>" + "".join(f"<p>{p} Caf\u00e9.</p>" for p in PARAGRAPHS)
            + "</article></body></html>")
    for data, unique in ((page.encode("utf-8"), False), (page[1:].encode("cp1252"), True)):
        monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(data)))
        [a] = read("-", unique_ids=unique)
        assert a.title == "Piped" and a.text.startswith(PARAGRAPHS[0]) and "<p>" not in a.text and "Caf\u00e9" in a.text
        assert a.id == (ingest.generated_id("stdin", a.text, True) if unique else "stdin")
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(b"<b>Bold</b> claims, not a page.")))
    [a] = read("-")
    assert a.text == "<b>Bold</b> claims, not a page."


def test_a_feed_entry_nested_deep_is_read_whole_or_refused(tmp_path):
    """A feed entry's HTML past 256 nested elements lost the text after its deep part in silence."""
    import html

    def item(n: int, depth: int) -> str:
        body = f"<p>{PARAGRAPHS[0]}</p>" + "<div>" * depth + f"<p>{PARAGRAPHS[1]}</p>" + "</div>" * depth + \
            f"<p>{PARAGRAPHS[2]}</p>"
        return f"<item><title>T{n}</title><link>https://n.example/{n}</link><description>{html.escape(body)}" \
               "</description></item>"

    (tmp_path / "feed.rss").write_text(f'<rss version="2.0"><channel><title>F</title>{item(1, 400)}{item(2, 3000)}'
                                       "</channel></rss>")
    deep, too_deep = read(tmp_path / "feed.rss")
    assert deep.text == "\n".join(PARAGRAPHS[:3])
    assert isinstance(too_deep, Rejected) and too_deep.source.endswith("#2") and "nests elements" in too_deep.reason


# Saved news pages: what the text holds besides the article, and the page's own metadata.
STORY = ["The water authority raised prices for the second time this year, citing drought costs.",
         "Households in the valley will pay about nine percent more from the first of the month.",
         "Farmers' groups said the rise would push several small dairies out of business."]


def _news_page(body: str, head: str = "", html_attrs: str = "") -> str:
    return (f"<!DOCTYPE html><html{html_attrs}><head><meta charset='utf-8'><title>Prices up again</title>{head}"
            f"</head><body><header><a href='/'>Valley Paper</a></header><main><article><h1>Prices up again</h1>"
            f"{body}</article></main></body></html>")


def test_a_saved_pages_outlet_is_the_host_of_its_canonical_address(tmp_path):
    """trafilatura's "hostname" is the registered domain: every newsletter on one publishing
    platform (x.letters.example, y.letters.example) was one outlet, and "www." went, so a page and
    its site's feed or JSONL export were two outlets."""
    body = "".join(f"<p>{s}</p>" for s in STORY)
    (tmp_path / "a.html").write_text(_news_page(body, "<link rel='canonical' href='https://www.valley-paper.example/x'>"))
    (tmp_path / "b.html").write_text(_news_page(body, "<meta property='og:url' content='https://kim.letters.example/p/1'>"))
    (tmp_path / "c.html").write_text(_news_page(body))
    a, b, c = read(tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html")
    assert (a.outlet, b.outlet, c.outlet) == ("www.valley-paper.example", "kim.letters.example", None)


def test_a_page_fetched_from_a_url_is_of_that_urls_host(monkeypatch):
    from propscope import fetch

    page = _news_page("".join(f"<p>{s}</p>" for s in STORY), "<link rel='canonical' href='https://ann.letters.example/p'>")
    got = fetch.Fetched("https://ann.letters.example/p/rise", "text/html; charset=utf-8", page.encode())
    monkeypatch.setattr(fetch, "fetch", lambda url, **kw: got)
    [a] = ingest.read_url("https://ann.letters.example/p/rise", ingest.ReadOptions())
    assert a.outlet == "ann.letters.example" and a.url == "https://ann.letters.example/p/rise"


def test_the_language_a_page_declares_is_kept(tmp_path):
    """trafilatura fills no language without a detector installed: every page came with none."""
    body = "".join(f"<p>{s}</p>" for s in STORY)
    pages = {"attr.html": _news_page(body, html_attrs=" lang='pt-BR'"),
             "meta.html": _news_page(body, "<meta http-equiv='Content-Language' content='es'>"),
             "locale.html": _news_page(body, "<meta property='og:locale' content='it_IT'>"),
             "ld.html": _news_page(body, '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                                         '"inLanguage": "nl"}]}</script>'),
             "junk.html": _news_page(body, html_attrs=" lang='not a language'"),
             "none.html": _news_page(body)}
    for name, page in pages.items():
        (tmp_path / name).write_text(page)
    got = [a.language for a in read(*(tmp_path / name for name in pages))]
    assert got == ["pt-BR", "es", "it-IT", "nl", None, None]


def test_a_layout_table_is_read_as_columns_not_as_data(tmp_path):
    """An old template's table (links in one cell, the story in the next) came out as one data
    row: the menu's words in the text and the paragraphs run together. A data table (header
    cells) is still read, its values in the text."""
    menu = "<td class='side'><a href='/a'>Weather</a><br><a href='/b'>Obituaries</a><br><a href='/c'>Classifieds</a></td>"
    story = "<td><h2>Prices up again</h2>" + "".join(f"<p>{s}</p>" for s in STORY) + "</td>"
    (tmp_path / "layout.html").write_text(_news_page(f"<table width='100%'><tr>{menu}{story}</tr></table>"))
    data = ("<table><tr><th>Town</th><th>Rise</th></tr><tr><td>Ashby</td><td>9%</td></tr>"
            "<tr><td>Corran</td><td>7%</td></tr></table>")
    (tmp_path / "data.html").write_text(_news_page(f"<p>{STORY[0]}</p>{data}<p>{STORY[1]}</p>"))
    layout, with_data = read(tmp_path / "layout.html", tmp_path / "data.html")
    assert all(f"{s}\n" in layout.text + "\n" for s in STORY) and "Obituaries" not in layout.text
    assert "Corran" in with_data.text and STORY[1] in with_data.text


def test_lines_of_links_between_paragraphs_are_not_article_text(tmp_path):
    """"See also: <headline>" lines between paragraphs were read as the article's sentences (and
    their headlines as copies of other articles); a sentence with a link in it stays."""
    body = (f"<p>{STORY[0]}</p><p><a href='/6'>\u201cWe cannot pay this,\u201d one farmer wrote.</a></p>"
            "<p><em>See also:</em> <a href='/1'>Dairy farmers march on the capital</a></p>"
            f"<p>{STORY[1]}</p><p><a href='/2'>Drought map</a> &middot; <a href='/3'>Reservoir levels</a></p>"
            f"<p>Farmers' groups said the rise would push <a href='/4'>several small dairies</a> out of business.</p>"
            "<ul><li><a href='/5'>Why the valley is running dry</a></li></ul>")
    (tmp_path / "links.html").write_text(_news_page(body))
    [a] = read(tmp_path / "links.html")
    assert STORY[0] in a.text and STORY[1] in a.text and STORY[2] in a.text
    assert not any(s in a.text for s in ("See also", "Dairy farmers march", "Reservoir levels", "running dry"))
    assert "one farmer wrote." in a.text  # a linked sentence is no headline


def test_pull_quotes_credits_and_amp_ads_are_not_article_text(tmp_path):
    """A pull quote repeats words of a sentence (counted twice, read as copying); photo credits and an AMP
    ad's placeholder were read as sentences. A wrapper that holds the whole article keeps it,
    whatever its class says and however much script the page holds."""
    said_twice = "nine percent more from the first of the month"
    body = (f"<p>{STORY[0]}</p><blockquote class='story-pullquote'><p>{said_twice}</p></blockquote>"
            f"<p>{STORY[1]}</p><div class='photo-credits'>Pictures: Lena Marsh / Valley Paper</div>"
            f"<amp-ad width='300' height='250' type='x'><div placeholder>Sponsored message</div></amp-ad><p>{STORY[2]}</p>")
    (tmp_path / "chrome.html").write_text(_news_page(body))
    state = '<script id="__APP_STATE__" type="application/json">{"x": "%s"}</script>' % ("z" * 5000)
    wrapped = state + "<div class='story-tools-wrap'>" + "".join(f"<p>{s}</p>" for s in STORY) + "</div>"
    (tmp_path / "wrapped.html").write_text(_news_page(wrapped))
    chrome, whole = read(tmp_path / "chrome.html", tmp_path / "wrapped.html")
    assert chrome.text.count(said_twice) == 1 and all(s in chrome.text for s in STORY)
    assert "Lena Marsh" not in chrome.text and "Sponsored message" not in chrome.text
    assert all(s in whole.text for s in STORY)


def test_a_page_declaring_no_charset_is_read_as_windows_1252_when_western(tmp_path):
    """A saved page from a site that named its charset only in the server's header was refused as
    "not valid UTF-8"; one whose bytes read as no Western text (Cyrillic KOI8-R) still is."""
    latin = "Les éleveurs disent que la hausse – 9 % – les ruinera. " * 6
    page = f"<html><head><title>Hausse</title></head><body><article><p>{latin}</p></article></body></html>"
    (tmp_path / "latin.html").write_bytes(page.encode("cp1252"))
    (tmp_path / "cyrillic.html").write_bytes(page.replace(latin, "Фермеры говорят, что рост цен их разорит. " * 6)
                                             .encode("koi8-r"))
    latin_page, cyrillic = read(tmp_path / "latin.html", tmp_path / "cyrillic.html")
    assert isinstance(latin_page, Article) and latin.strip() in latin_page.text
    assert isinstance(cyrillic, Rejected) and "not valid UTF-8" in cyrillic.reason


def test_an_embedded_post_gives_its_words_not_its_embed_lines(tmp_path):
    """An embedded post's "— Name (@handle) <date>" line, its links shown as bare addresses and an
    Instagram embed's "View this post on Instagram" were read as sentences of the article."""
    post = ("<blockquote class='bluesky-embed' data-bluesky-uri='at://x'><p lang='en'>Tariffs on valley milk "
            "are theft, plain and simple. <a href='https://bsky.app/x'>bsky.app/profile/milk/post/3k</a></p>"
            "&mdash; Valley Dairy Union (<a href='https://bsky.app/p'>@valleydairy.bsky.social</a>) "
            "<a href='https://bsky.app/p/1'>12 May 2025 at 09:14</a></blockquote>")
    gram = ("<blockquote class='instagram-media' data-instgrm-permalink='https://instagram.example/p/1'><div>"
            "<a href='https://instagram.example/p/1'>View this post on Instagram</a></div><p><a href="
            "'https://instagram.example/p/1'>A post shared by Corran Farms (@corranfarms)</a></p></blockquote>")
    body = f"<p>{STORY[0]}</p>{post}<p>{STORY[1]}</p>{gram}<p>{STORY[2]}</p>"
    (tmp_path / "embeds.html").write_text(_news_page(body))
    [a] = read(tmp_path / "embeds.html")
    assert "Tariffs on valley milk are theft, plain and simple." in a.text and all(s in a.text for s in STORY)
    assert not any(s in a.text for s in ("bsky.app", "@valleydairy", "09:14", "View this post", "A post shared"))


def test_a_title_that_names_the_site_first_gives_the_headline(tmp_path):
    """Without a heading to take it from, trafilatura takes a <title>'s first part: "Hill Gazette"
    for "Hill Gazette: Bridge to close for repairs", the site, not the story. A title whose first
    part is the headline keeps it, and so does a headline with a colon in it."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    first = ("<html><head><title>Hill Gazette: Bridge to close for repairs</title></head><body><div class='top'>"
             "Hill Gazette &middot; <a href='/'>Front</a></div><div><p><strong>Bridge to close for repairs</strong>"
             f"</p>{story}</div></body></html>")
    last = first.replace("Hill Gazette: Bridge to close for repairs", "Bridge to close for repairs | Hill Gazette")
    (tmp_path / "first.html").write_text(first)
    (tmp_path / "last.html").write_text(last)
    (tmp_path / "kicker.html").write_text(_news_page(story).replace("Prices up again", "Exclusive: prices up again"))
    a, b, kicker = read(tmp_path / "first.html", tmp_path / "last.html", tmp_path / "kicker.html")
    assert a.title == b.title == "Bridge to close for repairs"
    assert kicker.title == "Exclusive: prices up again"  # a headline with a colon stays whole


def test_a_pages_landmarks_and_hidden_parts_are_not_its_text(tmp_path):
    """A template propscope has not seen names its parts in words of its own; what it marks as the
    page's banner, navigation, side rail or footer (the elements or their ARIA roles), and what it
    hides from readers, still hold no article text. A header holding the headline stays."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    page = ("<html lang='en'><head><title>Prices up again</title></head><body>"
            "<div role='banner'><b>Riverside Echo</b><div>Truth before speed, every single day</div></div>"
            "<div class='wrap'><div class='art'><header><h1>Prices up again</h1></header>"
            f"{story}<section hidden>Loading the conversation for this story now</section>"
            "<div aria-hidden='true'>Sponsored stories continue below this line</div></div>"
            "<div role='complementary'><div>Most viewed this week in the valley region</div></div></div>"
            "<aside><div>Editor's picks from the weekend papers</div></aside></body></html>")
    (tmp_path / "marks.html").write_text(page)
    [a] = read(tmp_path / "marks.html")
    assert all(s in a.text for s in STORY) and a.title == "Prices up again"
    for line in ("Truth before speed", "Loading the conversation", "Sponsored stories", "Most viewed", "Editor's picks"):
        assert line not in a.text


def test_forms_and_buttons_go_with_the_few_words_around_them(tmp_path):
    """A newsletter box, a consent notice and a "did this help" poll are a form or buttons with a
    line or two around them; none is the article's. A story's paragraph beside a bar of buttons
    stays: only the bar goes."""
    signup = ("<div><h5>Join 20,000 morning readers</h5><div>Straight to your inbox before breakfast.</div>"
              "<form><input type='email' placeholder='you@example.org'><button>Go</button></form></div>")
    consent = ("<div><div>This site stores small files on your computer so that it can remember your settings "
               "and measure how it is used.</div><button>OK</button><button>Settings</button></div>")
    poll = "<div>Did this story answer your question? <button>Yes</button> <button>Not really</button></div>"
    entry = (f"<div class='entry'><p>{STORY[1]}</p><div><button>Link</button><button>Post</button></div></div>")
    body = f"<p>{STORY[0]}</p>{signup}{consent}{entry}{poll}<p>{STORY[2]}</p>"
    (tmp_path / "forms.html").write_text(_news_page(body))
    updates = [f"Update {n}: the pumping station on the east bank was still working at noon today." for n in range(4)]
    feed = "".join(f"<div><p>{u}</p><button>Copy</button></div>" for u in updates)  # posts, not notices
    (tmp_path / "feed.html").write_text(_news_page(feed + "".join(f"<p>{s}</p>" for s in STORY)))
    a, fed = read(tmp_path / "forms.html", tmp_path / "feed.html")
    assert all(s in a.text for s in STORY) and all(u in fed.text for u in updates + STORY)
    for line in ("20,000 morning readers", "Straight to your inbox", "small files", "answer your question", "Not really"):
        assert line not in a.text


def test_lines_that_do_the_pages_job_are_not_article_text(tmp_path):
    """Copyright lines, ad placeholders, reading times, bars of short controls and calls to follow,
    share or support, in several languages and with no class name to tell them by, are the page's,
    not the article's; sentences that start with the same words but tell something stay."""
    furniture = ["(c) 2024 Riverside Media Group", "Alle Rechte vorbehalten.", "Publicité", "4 min read",
                 "Listen · Save · Print · Gift this article", "Follow The Riverside Echo on WhatsApp",
                 "Suivez-nous sur Facebook", "Wesprzyj nas: przekaż darowiznę", "Jetzt teilen"]
    kept = ["Share prices at the water company fell 4 percent on the news.",
            "Support for the measure has grown since the spring, a council survey found."]
    body = (f"<p>{STORY[0]}</p>" + "".join(f"<div>{line}</div>" for line in furniture[:5]) + f"<p>{kept[0]}</p>"
            + f"<p>{STORY[1]}</p>" + "".join(f"<p>{line}</p>" for line in furniture[5:]) + f"<p>{kept[1]}</p>"
            + f"<p>{STORY[2]}</p>")
    (tmp_path / "lines.html").write_text(_news_page(body))
    [a] = read(tmp_path / "lines.html")
    assert all(s in a.text for s in STORY + kept)
    assert not [line for line in furniture if line in a.text]


def test_a_short_line_a_page_says_twice_is_its_furniture(tmp_path):
    """A slogan in both the top and the bottom of a page without class names, or a share bar above
    and below the story, is the site's; the story's own lines are each said once."""
    page = ("<html><head><title>Prices up again</title></head><body><div><div>VALLEY PAPER</div>"
            "<div>Fearless since 1921, owned by nobody</div></div><div><h1>Prices up again</h1>"
            "<div>Send it on: mail, chat, post</div>" + "".join(f"<p>{s}</p>" for s in STORY)
            + "<div>Send it on: mail, chat, post</div></div><div><div>Fearless since 1921, owned by nobody</div>"
            "</div></body></html>")
    (tmp_path / "twice.html").write_text(page)
    [a] = read(tmp_path / "twice.html")
    assert all(s in a.text for s in STORY)
    assert "Fearless since 1921" not in a.text and "Send it on" not in a.text


def test_a_short_line_with_an_acting_verb_in_it_may_still_be_the_articles(tmp_path):
    """A line is a call to act when it starts with the verb: a two- or three-word sentence with
    the verb second ("Lord spare us.") and a French line starting "Comment" (how) are prose."""
    from propscope.html_page import furniture_line

    assert not furniture_line("Heaven help us.")
    assert not furniture_line("Comment la mairie a-t-elle financé le nouveau stade ?")
    assert furniture_line("Artikel teilen") and furniture_line("Commentez cet article")


def test_a_label_with_an_address_and_a_request_to_write_in_are_the_pages(tmp_path):
    """A printed page's "Link to this page: https://…" line and a "Write to the desk at …@…" or
    "Call 0161 555 0199" request are the page's; a sentence that tells of an address stays."""
    lines = ["Link to this page: https://www.valley-paper.example/2025/prices", "Write to the desk: news@valley.example",
             "Call our reader line on 0161 555 0199 today."]
    kept = "Residents were told to write to the council before Friday."
    body = (f"<p>{STORY[0]}</p><p>{kept}</p><p>{STORY[1]}</p>" + "".join(f"<div>{x}</div>" for x in lines)
            + f"<p>{STORY[2]}</p>")
    (tmp_path / "addr.html").write_text(_news_page(body))
    [a] = read(tmp_path / "addr.html")
    assert all(s in a.text for s in [*STORY, kept]) and not [x for x in lines if x in a.text]


def test_the_short_parts_before_the_headlines_own_part_are_the_masthead(tmp_path):
    """A site's name and motto in a box of their own before the box with the headline are the
    page's; a page whose <h1> is not its headline (not in its <title>) keeps what comes first."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    page = ("<html><head><title>Water prices up again this spring</title></head><body><div><div>THE VALLEY "
            "PAPER</div><div>Asking awkward questions every week</div></div><div><div><h1>Water prices up again "
            f"this spring</h1></div><div>{story}</div></div></body></html>")
    (tmp_path / "mast.html").write_text(page)
    (tmp_path / "logo.html").write_text(page.replace("this spring</h1>", "this spring (2)</h1>"))
    a, logo = read(tmp_path / "mast.html", tmp_path / "logo.html")
    assert all(s in a.text for s in STORY) and "Asking awkward questions" not in a.text
    assert "Asking awkward questions" in logo.text


def test_bylines_credit_lines_and_lone_dates_are_not_article_sentences(tmp_path):
    """Who wrote a story and when are the page's record of it, not its sentences: "By" and a
    name (in several languages), a wire's "(Reporting by …; Editing by …)" and a date or time on
    a line of its own go; sentences that start "By" or hold a date, and the date the page gives,
    stay."""
    meta = ["By Ifeoma Clarke-Dunn | Sunday 4 May 2025", "Por Lucía Marín", "(Reporting by Ola Berg; Editing by Ray Tan)",
            "Updated 3:05 pm GMT", "Sunday, 4 May 2025"]
    kept = ["By Friday, the county had spent its whole winter budget.", "The 2025 budget",
            "Prices will rise again on 1 June 2025, the authority said."]
    body = "".join(f"<div>{line}</div>" for line in meta[:2]) + f"<p>{STORY[0]}</p><h2>{kept[1]}</h2>" + "".join(
        f"<p>{s}</p>" for s in (kept[0], STORY[1], kept[2], STORY[2], meta[2], meta[3], meta[4]))
    (tmp_path / "meta.html").write_text(_news_page(body, "<meta property='article:published_time' content='2025-05-04'>"))
    [a] = read(tmp_path / "meta.html")
    assert all(s in a.text for s in STORY + kept) and str(a.published)[:10] == "2025-05-04"
    assert not [line for line in meta if line in a.text]


def test_a_utf8_page_with_a_stray_windows_1252_byte_keeps_its_utf8_letters(tmp_path):
    """A page in UTF-8, no charset declared, with one curly quote pasted in as a windows-1252 byte:
    read whole as windows-1252 its every 'ø' and 'å' became 'Ã¸' and 'Ã¥'; only the stray bytes are."""
    body = "Kommunen i Tromsø sier at fjorden ved Skjervøy må stenges, og fiskerne på Senja er rasende. " * 4
    page = f"<html><head><title>Fjorden</title></head><body><article><p>{body}</p></article></body></html>"
    data = page.encode("utf-8").replace(b"stenges", b"\x93stenges\x94", 1)
    (tmp_path / "mixed.html").write_bytes(data)
    (article,) = read(tmp_path / "mixed.html")
    assert isinstance(article, Article) and "Tromsø" in article.text and "Ã" not in article.text
    assert "må “stenges”, og" in article.text


def test_a_page_saved_from_a_web_archive_names_the_archived_outlet(tmp_path):
    """A copy kept by a web archive gives the archive's address as its canonical one; the outlet
    is the site that published the page, whatever archive kept it, and an ordinary address with a
    number in its path stays its own host."""
    from propscope.ingest import url_host

    assert url_host("https://web.archive.org/web/20240302101500id_/http://www.hillside-post.example/a/1") \
        == "www.hillside-post.example"
    assert url_host("https://archive.ph/20231105/https://valleypaper.example/news?id=3") == "valleypaper.example"
    assert url_host("https://www.hillside-post.example/2024/03/02/story.html") == "www.hillside-post.example"
    assert url_host("https://hillside-post.example/tech/2024/status.example.com-down") == "hillside-post.example"
    head = ("<link rel='canonical' href='https://web.archive.org/web/20240302101500/"
            "https://news.valleypaper.example/prices'>")
    (tmp_path / "saved.html").write_text(_news_page("".join(f"<p>{s}</p>" for s in STORY), head))
    [a] = read(tmp_path / "saved.html")
    assert a.outlet == "news.valleypaper.example"


def test_a_kicker_over_the_headline_does_not_become_the_title(tmp_path):
    """A label over the <h1> ("Analysis", "Opinion") that the <title> also puts first ("Analysis:
    the headline | Site") is a line of the page; the <h1> is its title."""
    body = "".join(f"<p>{s}</p>" for s in STORY)
    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Analysis: Why water costs more in "
            "the valley | Valley Paper</title></head><body><div class='layout'><div class='hd'><div class='label'>"
            "Analysis</div><h1>Why water costs more in the valley</h1></div>"
            f"<div class='bd'>{body}</div></div></body></html>")
    (tmp_path / "kicker.html").write_text(page)
    [a] = read(tmp_path / "kicker.html")
    assert a.title == "Why water costs more in the valley"


def test_a_read_also_box_in_a_div_and_a_rail_heading_left_alone_go(tmp_path):
    """A "See also: <headline>" box written as a <div> between paragraphs is a line of links as a
    <p> one is; the heading of a box whose links all went ("Most shared") is left heading
    nothing and goes too. A subheading with the article's paragraphs under it stays."""
    body = (f"<p>{STORY[0]}</p><div class='x1'><b>See also:</b> <a href='/a'>Reservoir levels at a ten-year low</a>"
            f"</div><section><h2>What households pay</h2><p>{STORY[1]}</p></section><p>{STORY[2]}</p>"
            "<div class='x2'><h3>Most shared</h3><ul><li><a href='/b'>Mayor opens new bridge</a></li>"
            "<li><a href='/c'>School term dates changed</a></li></ul></div>")
    (tmp_path / "rail.html").write_text(_news_page(body))
    [a] = read(tmp_path / "rail.html")
    assert all(s in a.text for s in STORY) and "What households pay" in a.text
    assert "Reservoir levels" not in a.text and "Most shared" not in a.text


def test_ad_continuation_notes_pager_lines_and_labelled_contacts_are_furniture():
    """Lines that do the page's job: a note that the story goes on past an ad, a pager's "Page 2
    of 5", a label with a phone number or address to reach someone, and a call to subscribe in
    Russian. Sentences with a year, a sum or a page number in them stay the article's."""
    from propscope.html_page import furniture_line

    for line in ["Article continues after this ad", "Weiterlesen nach der Anzeige", "Seite 2 von 5",
                 "Page 4 of 7", "Newsroom switchboard: 0113 496 0000", "Corrections: fixes@valleypaper.example",
                 "Подпишитесь на наш канал, чтобы не пропустить новости"]:
        assert furniture_line(line), line
    for line in ["Budget: £2,400 for the year", "The hearing continues after the break.",
                 "Turn to page 4 of the report for the figures.", "Deadline: 14 March 2025",
                 "Следите за руками, сказал фокусник, и зал засмеялся."]:
        assert not furniture_line(line), line


def test_a_closing_legal_block_that_a_copyright_line_opens_goes_whole(tmp_path):
    """The block that a copyright line opens or closes, of short lines only (a publisher's
    registration, its postal address, "you get this because you signed up"), in its own <div> or
    broken by <br>s, is the page's; an article whose box ends with a copyright line keeps its
    paragraphs."""
    legal = ["Registered office: 4 Mill Street, Dunford DN1 2AB.", "A member of the Regional Press Standards Board.",
             "You get this letter because you asked for it on our site.", "Change your settings here."]
    body = (f"<div class='a'>{''.join(f'<p>{s}</p>' for s in STORY)}</div>"
            f"<div class='b'><p>© 2025 Valley Paper Ltd. All rights reserved.</p><p>{legal[0]}</p><p>{legal[1]}</p></div>"
            f"<table><tr><td>Copyright © 2025 Valley Paper<br>{legal[2]}<br>{legal[3]}</td></tr></table>")
    (tmp_path / "legal.html").write_text(_news_page(body))
    kept = f"<div>{''.join(f'<p>{s}</p>' for s in STORY)}<p>© 2025 Valley Paper</p></div>"
    (tmp_path / "kept.html").write_text(_news_page(kept))
    a, b = read(tmp_path / "legal.html", tmp_path / "kept.html")
    assert all(s in a.text for s in STORY) and not [s for s in legal if s in a.text]
    assert all(s in b.text for s in STORY)


def test_a_date_line_over_the_headline_box_still_dates_the_page(tmp_path):
    """A page that says when it was published only in a short line above the headline's box
    ("No. 7 · Thursday, 6 March 2025", as an e-mail letter's issue line does) is dated by it; the
    tagline beside it is the masthead's, and the date line is no sentence of the text."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    page = ("<html><head><title>Water prices up again this spring</title></head><body><div><div>Letters from the "
            "valley, every week</div><div>No. 7 · Thursday, 6 March 2025</div><div><h1>Water prices up again this "
            f"spring</h1>{story}</div></div></body></html>")
    (tmp_path / "issue.html").write_text(page)
    [a] = read(tmp_path / "issue.html")
    assert str(a.published)[:10] == "2025-03-06" and all(s in a.text for s in STORY)
    assert "Letters from the valley" not in a.text and "No. 7" not in a.text


def test_notes_at_the_foot_and_their_markers_are_not_article_text(tmp_path):
    """Footnotes as blog engines write them (a list whose items link back up with "↩" or "^")
    are references, and the linked number that cites one is not part of its sentence; a list of
    the article's own with an in-page link, and a superscript that is no link, stay."""
    body = (f"<p>{STORY[0]}<sup id='r1'><a href='#n1'>1</a></sup> It was the second rise.</p><p>{STORY[1]}</p>"
            "<ul><li>Bills rise in <a href='#table'>the table below</a> for every band.</li></ul>"
            f"<p>{STORY[2]} Use is counted in m<sup>3</sup> a day.</p><div class='notes'><ol><li id='n1'>Valley water "
            "authority, tariff notice of April 2025. <a href='#r1'>↩</a></li><li id='n2'><a href='#r2'>^</a> Regulator's "
            "annual report, table 4.</li></ol></div>")
    (tmp_path / "notes.html").write_text(_news_page(body))
    [a] = read(tmp_path / "notes.html")
    assert f"{STORY[0]} It was the second rise." in " ".join(a.text.split()) and "m3 a day" in a.text
    assert "Bills rise in the table below" in a.text
    assert "tariff notice of April" not in a.text and "annual report, table 4" not in a.text


def test_a_writers_biography_box_and_a_registration_line_are_the_pages(tmp_path):
    """A box headed "About the writer" (or "Über die Autorin") is the writer's biography, and
    "Registered in Wales no. 04455667" the publisher's record, not the story; a sentence that
    tells when a charity was registered, and a section whose heading only starts so, stay."""
    bio = "Ceri Hughes has reported on the valley's farms since 2011 and lives in Dunford."
    kept = ["The charity, registered in 1998 as number 4 in the county, runs four shelters.",
            "The report's author said the rise was avoidable."]
    body = (f"<p>{STORY[0]}</p><p>{kept[0]}</p><section><h2>About the writer of the report</h2><p>{kept[1]}</p>"
            f"</section><p>{STORY[1]}</p><p>{STORY[2]}</p><div class='w'><h3>About the writer</h3><p>{bio}</p></div>"
            "<div class='z'><h4>Über die Autorin:</h4><p>Anna Berg schreibt seit 2019 für uns.</p></div>"
            "<div class='y'><p>Valley Paper Ltd. Registered in Wales no. 04455667.</p></div>")
    (tmp_path / "bio.html").write_text(_news_page(body))
    [a] = read(tmp_path / "bio.html")
    assert all(s in a.text for s in STORY + kept)
    assert bio not in a.text and "Anna Berg" not in a.text and "04455667" not in a.text


def test_cjk_date_lines_go_and_short_cjk_sentences_with_a_date_stay():
    """A date and time written with CJK units ("2025年4月2日 9時15分", "2025년 4월 2일") is a line of
    the page's record like "2 April 2025, 9:15"; a short sentence that holds such a date is
    words, one to a character (no spaces between them), and stays."""
    from propscope.html_page import without_meta_lines

    text = "\n".join(["2025年4月2日 9時15分", "県は2025年4月2日に発表した。", "2025년 4월 2일", "水道料金が上がる。"])
    assert without_meta_lines(text).split("\n") == ["県は2025年4月2日に発表した。", "水道料金が上がる。"]


def test_a_data_tables_repeated_cells_stay(tmp_path):
    """A results table repeats short cells ("0", "12", a team's name under a photo of it): they
    are its data, not a tagline the page says twice, and each went, the rows left with holes."""
    rows = [("Lena Ortiz", "Harbour FC", "14", "0"), ("Tom Veldt", "Harbour FC", "14", "2"),
            ("Ida Brandt", "Mill Rovers", "9", "0")]
    table = "<table><tr><th>Player</th><th>Club</th><th>Goals</th><th>Cards</th></tr>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
    body = (f"<p>{STORY[0]}</p><figure><img src='a.jpg'><figcaption>Harbour FC</figcaption></figure>{table}"
            f"<p>{STORY[1]}</p><p>{STORY[2]}</p>")
    (tmp_path / "table.html").write_text(_news_page(body))
    [a] = read(tmp_path / "table.html")
    flat = " ".join(a.text.split())
    assert all(" | ".join(row) in flat for row in rows), a.text


def test_a_list_the_article_gives_twice_stays_twice(tmp_path):
    """A buying guide lists the same features under two models: its list items, no links, are
    the article's own words said twice, not a page's tagline or menu said twice (which went
    both times); a menu of links given twice still goes."""
    features = ["Folds flat for the boot", "Weighs under nine kilos", "Rain cover included"]
    items = "<ul>" + "".join(f"<li>{f}</li>" for f in features) + "</ul>"
    menu = "<ul class='m'><li><a href='/shop'>Shop all prams</a></li><li><a href='/deals'>Weekly deals</a></li></ul>"
    body = (f"<p>{STORY[0]}</p><h2>Model one</h2>{items}<p>{STORY[1]}</p><h2>Model two</h2>{items}"
            f"<p>{STORY[2]}</p>")
    page = _news_page(body).replace("<main>", f"<div class='top'>{menu}</div><main>").replace(
        "</main>", f"</main><div class='bottom'>{menu}</div>")
    (tmp_path / "guide.html").write_text(page)
    [a] = read(tmp_path / "guide.html")
    assert all(a.text.count(f) == 2 for f in features), a.text
    assert "Weekly deals" not in a.text


def test_a_label_left_alone_when_its_links_go_goes_too(tmp_path):
    """A paywall's "Keep reading this report" over its "Log in" and "Join" links: when the links
    go as a line of links, the label was left alone in its box and read as the story's last
    line. A short line beside a sentence in its box, and the headline's box, stay."""
    body = (f"<p>{STORY[0]}</p><p>{STORY[1]}</p><p>{STORY[2]}</p>"
            "<div class='wall'><span>Keep reading this report</span><div class='acts'><a href='/in'>Log in</a> "
            "<a href='/join'>Join</a></div></div>"
            "<div class='box'><span>Dairy prices</span><p>Milk sold for less than it cost to make.</p>"
            "<div><a href='/a'>Cheese</a> <a href='/b'>Butter</a></div></div>")
    (tmp_path / "wall.html").write_text(_news_page(body))
    [a] = read(tmp_path / "wall.html")
    assert all(s in a.text for s in STORY) and "Milk sold for less" in a.text
    assert "Keep reading this report" not in a.text and "Log in" not in a.text


def test_comment_headings_and_newsletter_pitches_are_the_pages(tmp_path):
    """A comment section's heading and counter ("Reader comments (4)", "Leave a comment") and a
    pitch for the outlet's newsletter or print copy ("… to your inbox every Friday", "Sign up to
    the Valley Brief newsletter") are the page's, not the story's; a sentence about a newsletter
    and one about someone's mailbox stay."""
    kept = ["The co-operative's newsletter reached 4,000 subscribers last spring.",
            "Fraudsters sent fake tariff notices to residents' mailboxes in March."]
    pitch = ["Have the valley's news sent to your inbox every Friday.", "Sign up to the Valley Brief newsletter."]
    body = (f"<p>{STORY[0]}</p><p>{kept[0]}</p><p>{STORY[1]}</p><p>{kept[1]}</p><p>{STORY[2]}</p>"
            + "".join(f"<p>{p}</p>" for p in pitch)
            + "<div class='c'><h3>Reader comments (4)</h3><p>Leave a comment</p></div>")
    (tmp_path / "pitch.html").write_text(_news_page(body))
    [a] = read(tmp_path / "pitch.html")
    assert all(s in a.text for s in STORY + kept), a.text
    assert not any(p in a.text for p in pitch) and "Reader comments" not in a.text and "Leave a comment" not in a.text


def test_an_advert_placeholder_is_the_pages():
    """British pages label an ad slot "Advert" (or "ADVERTS"), as others "Advertisement": a
    placeholder, not a line of the story; a sentence about an advert stays."""
    from propscope.html_page import furniture_line

    assert furniture_line("Advert") and furniture_line("ADVERTS") and furniture_line("Advert - scroll to continue")
    assert not furniture_line("The advert ran for a week.")


def test_the_text_holds_the_pages_headline_once_as_its_opening_line(tmp_path):
    """A headline is read with the story (PTC's texts and plain-text articles open with theirs):
    an <h1> that trafilatura left out of the text opens it, one that the page repeats inside the
    story is there once, and a title taken from the <title> alone (with the site's name in it)
    is no line of the text."""
    body = "".join(f"<p>{s}</p>" for s in STORY)
    outside = ("<html lang='en'><head><title>Dairy farmers fear price rise | Valley Paper</title></head><body>"
               "<div class='top'><h1>Dairy farmers fear price rise</h1><span>Tuesday</span></div>"
               f"<div class='story'><article>{body}</article></div></body></html>")
    twice = ("<html lang='en'><head><title>Dairy farmers fear price rise</title></head><body><article>"
             f"<h1>Dairy farmers fear price rise</h1><p>{STORY[0]}</p><h2>Dairy farmers fear price rise</h2>"
             f"<p>{STORY[1]}</p><p>{STORY[2]}</p></article></body></html>")
    no_heading = ("<html lang='en'><head><title>Dairy farmers fear price rise - Valley Paper</title></head><body>"
                  f"<article>{body}</article></body></html>")
    for name, page in (("outside", outside), ("twice", twice), ("no_heading", no_heading)):
        (tmp_path / f"{name}.html").write_text(page)
    a, b, c = (read(tmp_path / f"{n}.html")[0] for n in ("outside", "twice", "no_heading"))
    for art in (a, b):
        assert art.title == "Dairy farmers fear price rise" and art.text.startswith("Dairy farmers fear price rise\n")
        assert art.text.count("Dairy farmers fear price rise") == 1 and all(s in art.text for s in STORY), art.text
    assert "Valley Paper" not in c.text and c.text.startswith(STORY[0]), (c.title, c.text)


def test_a_modal_dialog_and_a_consent_banner_are_no_part_of_a_short_story(tmp_path):
    """A cookie-settings dialog with a paragraph on each kind of cookie may hold more words than a
    short story: it went only when under a quarter of the page, and trafilatura read it as the
    story's last paragraphs. A bar named as a consent notice is the page's too. A dialog holding
    the page's <h1> is its story."""
    kinds = ["Strictly needed cookies keep the basket and the log-in working while you move between pages.",
             "Measurement cookies count visits and sources of traffic so that the publisher can improve the site.",
             "Marketing cookies are set by partners to build a profile of your interests and show relevant ads."]
    dialog = ("<div class='prefs-modal' role='dialog'><div class='hd'><span>Privacy preferences</span><button>X</button>"
              "</div><div class='bd'>" + "".join(f"<div class='row'><p>{k}</p></div>" for k in kinds)
              + "</div><div class='ft'><button>Save and accept</button></div></div>")
    bar = "<div id='gdpr-consent-strip'><span>We and our partners store data on your device.</span><a href='/p'>OK</a></div>"
    body = "".join(f"<p>{s}</p>" for s in STORY[:2])
    page = (f"<html lang='en'><head><title>Prices up again</title></head><body><div class='post'><h1>Prices up again</h1>"
            f"{body}</div>{bar}{dialog}</body></html>")
    lightbox = (f"<html lang='en'><head><title>Prices up again</title></head><body><div class='grid'>Loading</div>"
                f"<div role='dialog' aria-modal='true'><h1>Prices up again</h1>{body}</div></body></html>")
    (tmp_path / "modal.html").write_text(page)
    (tmp_path / "lightbox.html").write_text(lightbox)
    a, b = read(tmp_path / "modal.html", tmp_path / "lightbox.html")
    assert all(s in a.text for s in STORY[:2]) and all(s in b.text for s in STORY[:2]), (a.text, b.text)
    assert not any(k[:30] in a.text for k in kinds) and "store data on your device" not in a.text, a.text


def test_a_newsletter_asking_to_be_passed_on_is_the_pages():
    """"Send it to a colleague", "Did someone forward you this?": a newsletter asking to be passed
    on or whether it was, in a few languages; sentences about forwarding stay."""
    from propscope.html_page import furniture_line

    for line in ["Liked this issue? Pass it on to a colleague.", "Did someone forward you this? Join 9,000 readers",
                 "Is this issue forwarded to you?", "Inoltra questa newsletter a un amico",
                 "Transférez cette lettre à un ami"]:
        assert furniture_line(line), line
    for line in ["The clerk forwarded the complaint to a colleague in Brussels.", "Forward prices for wheat rose again.",
                 "Pass the bill, the mayor told councillors, or lose the grant."]:
        assert not furniture_line(line), line


def test_a_legacy_charset_is_read_as_browsers_read_it(tmp_path):
    """A page that says gb2312 is read as GB18030 and one that says shift_jis as Windows' cp932,
    as browsers read them: such pages hold characters of the larger set (a name's 喆, a circled ①),
    and were refused as "not valid UTF-8 nor the gb2312 it declares"."""
    zh = "王喆说，新的公交线路下个月开通，居民出行将更加方便。"
    ja = "①市議会は来年度の予算案を賛成多数で可決しました。"
    for name, charset, text, codec in (("zh", "gb2312", zh, "gb18030"), ("ja", "shift_jis", ja, "cp932")):
        page = (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
                f"<title>T</title></head><body><article><p>{text}</p></article></body></html>")
        (tmp_path / f"{name}.html").write_bytes(page.encode(codec))
    a, b = read(tmp_path / "zh.html", tmp_path / "ja.html")
    assert isinstance(a, Article) and zh in a.text, a
    assert isinstance(b, Article) and ja in b.text, b
    assert ingest.declared_reading("喆".encode("gb18030"), "gbk") == "喆"


def test_a_double_hyphen_between_headline_and_site_is_a_separator(tmp_path):
    """Sites typed before the en dash was put " -- " between a headline and their name: the
    headline shown as a heading on the page is the title, without the site's name."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    page = ("<html><head><title>Ferry fares frozen until spring -- Lakeside Weekly</title></head><body>"
            f"<div class='story'><h3>Ferry fares frozen until spring</h3>{story}</div></body></html>")
    (tmp_path / "dashes.html").write_text(page)
    [a] = read(tmp_path / "dashes.html")
    assert a.title == "Ferry fares frozen until spring", a.title


def test_a_page_drawn_by_a_script_is_read_from_its_json_data(tmp_path):
    """A saved page of a site that draws its pages in the browser shows no story, only its shell
    ("Please turn on JavaScript"); the story is in the JSON its script reads: a list of body
    blocks (rich text keeps a paragraph's words in spans), or the body as one HTML string. Its
    related links and ad slots are no paragraphs. A page drawn on the server, its story shown and
    in its data too, holds it once."""
    def shell(data: dict, shown: str = "<noscript>Please turn on JavaScript.</noscript>") -> str:
        return (f"<html lang='en'><head><title>Prices up again</title></head><body><div id='root'>{shown}</div>"
                f"<script type='application/json' id='app-state'>{json.dumps(data)}</script></body></html>")

    blocks = [{"_type": "block", "children": [{"text": s[:20]}, {"text": s[20:]}]} for s in STORY]
    blocks.insert(1, {"_type": "teaser", "headline": "Reservoir levels at a ten-year low", "href": "/r"})
    spans = {"page": {"story": {"title": "Prices up again", "blocks": blocks}}}
    one_string = {"props": {"entry": {"bodyHtml": "".join(f"<p>{s}</p>" for s in STORY)}}}
    own = "<article>" + "".join(f"<p>{s}</p>" for s in STORY) + "</article>"
    for name, page in (("spans", shell(spans)), ("string", shell(one_string)), ("own", shell(one_string, own))):
        (tmp_path / f"{name}.html").write_text(page)
    a, b, c = read(tmp_path / "spans.html", tmp_path / "string.html", tmp_path / "own.html")
    for art in (a, b, c):
        assert isinstance(art, Article) and all(s in art.text for s in STORY), art
        assert "JavaScript" not in art.text and "Reservoir levels" not in art.text, art.text
        assert all(art.text.count(s) == 1 for s in STORY), art.text


def test_a_pages_note_on_its_machine_made_transcript_is_furniture():
    """Podcast and video pages say their transcript or captions were made by a machine or may hold
    errors: a note on the page, not a line of what was said. Sentences about transcripts stay."""
    from propscope.html_page import furniture_line

    for line in ["Our transcripts are produced with speech-recognition software and can include mistakes.",
                 "Captions for this video were created automatically.", "This show's transcript is made by AI."]:
        assert furniture_line(line), line
    for line in ["The transcript of the inquiry was published on Monday.", "Transcripts of the calls show the AI failed.",
                 "The subtitles were generated automatically, the broadcaster said.",
                 "Transcripts of the meetings were leaked by a software engineer."]:
        assert not furniture_line(line), line


def test_one_stray_nul_in_a_short_csv_costs_its_row_not_a_garbled_header(tmp_path):
    """A short UTF-8 CSV with one NUL in a row was taken for UTF-16 (one NUL was a tenth of its
    byte pairs): "CSV has no 'text' column (its first line ... names '楤ⱴ數琊...')"."""
    p = tmp_path / "short.csv"
    p.write_bytes(b"id,text\n1,ab\x00cd\n")
    [item] = read_inputs([str(p)])
    assert isinstance(item, Rejected) and item.source.endswith(":2") and "NUL" in item.reason, item
    assert ingest.wide_encoding("Hi there".encode("utf-16-le")) == "utf-16-le"


def test_an_outlet_whose_name_could_pass_for_another_is_shown_in_its_xn_form(tmp_path):
    """A reader judges a source by its outlet's name, so a host that imitates another is shown as
    browsers show it: letters of two scripts in one label, or Cyrillic letters drawn like Latin ones
    under ".com", become the label's xn-- form; a name in one script as its readers write it (German
    umlauts, a Russian ministry's .рф, Greek) stays as it is."""
    from propscope.ingest import shown_host, url_host

    lookalike = "\u0455\u0440\u043e\u0441\u0435.example"  # "ѕросе": every letter Cyrillic, all drawn like Latin
    assert shown_host(lookalike) == lookalike.encode("idna").decode() and shown_host(lookalike).startswith("xn--")
    mixed = "news-t\u043eday.example"  # a Cyrillic "о" inside Latin letters
    assert url_host(f"https://{mixed}/2024/story") == mixed.encode("idna").decode() != mixed
    for honest in ("www.zeitung-f\u00fcr-alle.example", "\u043c\u0438\u043d\u0444\u0438\u043d.\u0440\u0444",
                   "\u03b5\u03b9\u03b4\u03ae\u03c3\u03b5\u03b9\u03c2.gr", "plain.example"):
        assert shown_host(honest) == honest
    rows = tmp_path / "feed.jsonl"
    rows.write_text(json.dumps({"id": "1", "text": "The council met on Monday to discuss the budget for next year.",
                                "url": f"https://{lookalike}/a"}, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = read_inputs([str(rows)])
    assert isinstance(article, Article) and article.outlet.startswith("xn--") and article.url.startswith("https://ѕ")
