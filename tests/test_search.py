"""What a search hit shows: the same words matched, passages listed and snippet on the command
line and on the web (``propscope.search``)."""

import json

from click.testing import CliRunner

from propscope import search
from propscope.cli import main

TEXT = ("Storm closes the port\n\nThe harbour was shut on Friday as waves broke over the sea wall. "
        "Fishermen said the harbours of the coast had never seen such a night.\n")


def test_query_words_match_at_word_starts_and_common_words_only_alone():
    pattern = search.word_pattern(search.terms("the harbour, (again)"))
    assert [m.group(0) for m in pattern.finditer(TEXT)] == ["harbour", "harbours"]  # not every "the"
    assert not search.holds("the sea wall", pattern) and search.holds("Harbours reopen", pattern)
    assert not search.holds("a neharbour", pattern)  # a word's start, not any substring
    only_common = search.word_pattern(search.terms("the AND"))
    assert search.holds("the night", only_common)  # a query of common words alone still finds them
    assert search.word_pattern([]) is None and not search.holds("anything", None)


def test_a_snippet_marks_every_match_around_the_first_and_keeps_paragraphs_apart():
    pieces = search.snippet(TEXT, ["fishermen"], width=30)
    text = "".join(s for s, _ in pieces)
    assert [s for s, match in pieces if match] == ["Fishermen"]
    assert text.startswith("… ") and text.endswith(" …") and "\n" not in text and "¶" not in text
    pieces = search.snippet(TEXT, ["harbour"], width=500)
    assert [s for s, match in pieces if match] == ["harbour", "harbours"]
    whole = "".join(s for s, _ in pieces)
    assert whole.startswith("Storm closes the port ¶ The harbour") and whole.endswith("night.")
    listing = "".join(s for s, _ in search.snippet(TEXT, [], width=20))
    assert listing.startswith("The harbour was shut")  # no query: the body, after the headline line


def test_cli_search_shows_the_words_around_the_match_and_only_passages_holding_a_query_word(tmp_path,
                                                                                            monkeypatch):
    """`propscope search` listed each hit's title and every span holding any query letter run
    ("the" in "armed the rebels"), never the words that matched."""
    monkeypatch.setenv("PROPSCOPE_DB", str(tmp_path / "s.db"))
    src = tmp_path / "a.txt"
    src.write_text(TEXT)
    assert CliRunner().invoke(main, ["ingest", str(src)]).exit_code == 0
    r = CliRunner().invoke(main, ["search", "the fishermen"])
    assert r.exit_code == 0, r.output
    assert "Friday as waves broke over the sea wall. Fishermen said" in r.output  # the words around the match
    assert not r.output.rstrip().endswith("¶")
    hits = json.loads(CliRunner().invoke(main, ["search", "harbour", "--format", "json"]).output)
    assert "harbour was shut" in hits[0]["snippet"] and hits[0]["spans"] == []  # not analysed: no spans
