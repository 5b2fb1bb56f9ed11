"""Sentence boundaries: lines that cannot hold two sentences skip spaCy, and the result must be
exactly what the sentencizer gives on every line."""

import pytest

from propscope import sentences


def sentencizer_alone(text: str) -> list[tuple[int, int]]:
    """The reference: every non-empty line through spaCy's sentencizer, sentences trimmed."""
    out = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for sent in sentences._nlp()(line).sents:
                s, e = sent.start_char, sent.end_char
                while s < e and line[s].isspace():
                    s += 1
                while e > s and line[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((offset + s, offset + e))
        offset += len(line) + 1
    return out


TRICKY = [
    "One sentence without an end",
    "One sentence.",
    "Two sentences. Here is the second!",
    "  Leading and trailing spaces.   ",
    'He said "stop."  ',
    "Mr. Smith went to Washington.",
    "The U.S. economy grew 3.5% in Q2.",
    "Really?! Yes.",
    "Ends with an ellipsis...",
    "An ellipsis... then more words",
    "Prices rose!$ 5 more",
    "Hindi। दूसरा वाक्य",
    "Quote: “Is it over?” — no.",
    "(Really.) [Maybe.]",
    "",
    "\n\n  \n",
    "Title line\n\nFirst paragraph. Second sentence.\nThird line!\n",
    "emoji at the end! 🙂",
]


@pytest.mark.parametrize("text", TRICKY)
def test_split_agrees_with_the_sentencizer(text):
    assert sentences.split(text) == sentencizer_alone(text)


def test_a_line_with_more_words_after_a_full_stop_goes_to_the_sentencizer():
    assert not sentences._one_sentence("One. Two")
    assert not sentences._one_sentence("Prices rose!$")  # "$" is a symbol, not punctuation: spaCy decides
    assert sentences._one_sentence('Only one." ')
    assert sentences._one_sentence("No end at all")


@pytest.mark.data
def test_split_agrees_with_the_sentencizer_on_every_ptc_article():
    from propscope.techniques.corpus import load_ptc_train

    articles = load_ptc_train()
    assert all(sentences.split(a.text) == sentencizer_alone(a.text) for a in articles)
    lines = [line for a in articles for line in a.text.split("\n") if line.strip()]
    assert sum(map(sentences._one_sentence, lines)) > 0.8 * len(lines)  # the shortcut is the common case
