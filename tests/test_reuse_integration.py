"""Reuse through the CLI, the store and the web app (the finder itself: test_reuse.py)."""

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from propscope.cli import main
from propscope.report_html import word_diff

COPIED = ("The ministry said that the rebels had launched a new attack on the northern villages overnight, "
          "killing at least twelve civilians and forcing hundreds of families to flee towards the border.")
EDITED = COPIED.replace("a new attack", "a fresh attack").replace("twelve", "12")


@pytest.fixture()
def corpus(tmp_path):
    rows = [
        {"id": "blog", "text": "Opinion. " + COPIED + " Nobody in the west will report this.", "published": "2020-01-01",
         "outlet": "blog.example"},
        {"id": "outlet", "text": "World news in brief.\n\n" + EDITED + "\n\nMore soon.", "published": "2020-01-03",
         "outlet": "news.example"},
        {"id": "other", "text": "The weather stayed dry across the south, with light winds and clear skies expected "
                                "for the rest of the week according to forecasters.", "published": "2020-01-02"},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_word_diff_marks_only_the_edits():
    left, right = word_diff("a new attack on <b>", "a fresh attack on <b>")
    assert left == "a <del>new</del> attack on &lt;b&gt;" and right == "a <ins>fresh</ins> attack on &lt;b&gt;"


def test_reuse_json_offsets_and_origin(corpus):
    r = CliRunner().invoke(main, ["reuse", str(corpus), "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0
    res = json.loads(r.stdout)
    [p] = res["passages"]
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in corpus.read_text().splitlines()}
    assert (p["a"], p["b"]) == ("blog", "outlet")
    a_text, b_text = texts["blog"][p["a_start"]:p["a_end"]], texts["outlet"][p["b_start"]:p["b_end"]]
    assert "rebels had launched" in a_text and "fresh attack" in b_text
    assert len(a_text) >= 0.9 * len(COPIED)
    assert res["clusters"][0]["origin"] == "blog"


def test_reuse_html_and_text(corpus, tmp_path):
    out = tmp_path / "reuse.html"
    CliRunner().invoke(main, ["reuse", str(corpus), "--format", "html", "-o", str(out)], catch_exceptions=False)
    page = out.read_text()
    assert "<del>new</del>" in page and "<ins>fresh</ins>" in page and "likely origin" in page
    text = CliRunner().invoke(main, ["reuse", str(corpus)], catch_exceptions=False).output
    assert "blog[" in text and "origin blog" in text and "1 passages in 1 clusters" in text


def test_reuse_in_store_export_and_web(corpus, db_url, tiny_model):
    r = CliRunner().invoke(main, ["reuse", str(corpus), "--db", db_url, "--format", "json"], catch_exceptions=False)
    assert len(json.loads(r.stdout)["passages"]) == 1
    exported = json.loads(CliRunner().invoke(main, ["export", "--db", db_url, "--format", "reuse"]).stdout)
    assert exported["passages"][0]["a"] == "blog" and exported["clusters"][0]["origin"] == "blog"
    from propscope.web.app import create_app

    with TestClient(create_app(db=db_url, model=str(tiny_model))) as c:
        api = c.get("/api/reuse", params={"article": "outlet"}).json()
        assert api["passages"][0]["b"] == "outlet"
        assert c.get("/api/reuse", params={"article": "other"}).json()["passages"] == []
        page = c.get("/reuse").text
        assert "<del>new</del>" in page and "likely origin" in page


def test_reuse_needs_paths_or_db():
    r = CliRunner().invoke(main, ["reuse"])
    assert r.exit_code == 2 and "--db" in r.output


def test_similarity_option_is_checked(corpus):
    r = CliRunner().invoke(main, ["reuse", str(corpus), "--similarity", "1.5"])
    assert r.exit_code == 2 and "--similarity" in r.output
    ok = CliRunner().invoke(main, ["reuse", str(corpus), "--similarity", "0.15", "--format", "json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["passages"]


def test_the_python_api_finds_copies_among_articles_and_names_the_origin():
    import datetime as dt

    import propscope

    arts = [propscope.Article("later", "Opinion. " + EDITED, published=dt.date(2021, 5, 2)),
            propscope.Article("first", COPIED + " More soon.", published=dt.date(2021, 5, 1)),
            propscope.Article("apart", "The weather stayed dry across the south with light winds all week long.")]
    found = propscope.find_reuse(arts)
    assert [(c.articles, c.origin) for c in found.clusters] == [(["first", "later"], "first")]
    p = found.passages[0]
    assert arts[1].text[p.a_start:p.a_end].startswith("The ministry said") and p.score < 1.0  # offsets into each text
    quoted = [propscope.Article(i, f'{w} news. "{COPIED}" the ministry said.') for i, w in (("x", "Our"), ("y", "Your"))]
    assert propscope.find_reuse(quoted).passages == []  # one statement quoted by both: not copying
    assert len(propscope.find_reuse(quoted, quotations=True).passages) == 1


@pytest.mark.parametrize("articles, error, says", [
    ("just a text", TypeError, "not str alone"),
    (["one text", "another"], TypeError, "a list of Articles"),
    ([b"bytes"], TypeError, "not bytes"),
    ([__import__("propscope").Article("a", "x"), __import__("propscope").Article("a", "y")], ValueError, "share an id"),
    ([__import__("propscope").Article("a", None)], TypeError, "find_reuse got an Article whose text is NoneType"),
])
def test_the_python_api_names_what_find_reuse_needs(articles, error, says):
    import propscope

    with pytest.raises(error) as e:
        propscope.find_reuse(articles)
    assert says in str(e.value)
    with pytest.raises(ValueError, match="between 0.05 and 0.95"):
        propscope.find_reuse([propscope.Article("a", COPIED)], similarity=float("nan"))
