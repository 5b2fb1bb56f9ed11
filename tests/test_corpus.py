"""Reading the labelled corpora without the data: aligning a re-rendered text with its source."""

from propscope.techniques.corpus import char_map


def _moved(src: str, dst: str, start: int, end: int) -> str:
    m = char_map(src, dst)
    return dst[m[start] : m[end - 1] + 1]


def test_char_map_follows_other_line_breaks():
    src = "First line.\nSecond  line here.\n"
    dst = "First line. Second line here.\n\n"
    start = src.index("Second")
    assert _moved(src, dst, start, start + len("Second  line")) == "Second line"
    assert char_map(src, dst)[len(src)] == len(dst)


def test_char_map_survives_a_typographic_variant():
    src = "He had never been allowed to……\n— Donald J. Trump said the deal is a disaster for everyone in this country."
    dst = "He had never been allowed to.....\n\n— Donald J. Trump said the deal is a disaster for everyone in this country."
    start = src.index("the deal")
    assert _moved(src, dst, start, start + len("the deal is a disaster")) == "the deal is a disaster"


def test_char_map_refuses_another_text():
    assert char_map("The plan will destroy the economy.", "A quiet day in the park with friends.") is None
