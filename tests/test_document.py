import datetime as dt

import pytest

from propscope.document import Analysis, Article, Sentence, Span


def make() -> Analysis:
    text = "Line one “quoted”.\r\nLine two é."
    art = Article("a1", text, title="T", url="https://x.org/a", outlet="x.org", published=dt.date(2020, 1, 2),
                  language="en", meta={"k": [1, 2]})
    return Analysis(art, [Span(9, 17, "Doubt", 0.7, text[9:17]), Span(9, 17, "Slogans", 0.2, text[9:17])],
                    [Sentence(0, 18, 0.9)], 0.5, "fast", entities=[{"text": "x"}])


def test_json_round_trip_is_exact():
    a = make()
    b = Analysis.from_json(a.to_json())
    assert b == a
    assert b.to_json() == a.to_json()
    assert b.article.text == a.article.text  # \r\n and non-ASCII preserved


def test_json_has_contract_keys():
    d = make().to_dict()
    assert {"id", "spans", "sentences", "score", "model"} <= set(d)
    assert set(d["spans"][0]) >= {"start", "end", "technique", "score", "text"}


def test_validate_catches_offsets_outside_or_mismatched_text():
    a = make()
    a.validate()
    a.spans.append(Span(5, 500, "Doubt", 0.5))
    with pytest.raises(ValueError):
        a.validate()
    a.spans[-1] = Span(0, 4, "Doubt", 0.5, "nope")
    with pytest.raises(ValueError):
        a.validate()


def test_a_batch_is_a_list_of_texts_or_articles_and_one_text_alone_is_refused():
    from propscope.document import as_articles

    art = Article(id="a", text="Text.")
    got = as_articles(["One.", art])
    assert [(a.id, a.text) for a in got] == [("0", "One."), ("a", "Text.")] and got[1] is art
    for one in ("Just one text.", b"bytes", art):  # iterating a str would make each character an article
        with pytest.raises(TypeError, match="not one text"):
            as_articles(one)
    with pytest.raises(TypeError, match="item 1 of the batch is int"):
        as_articles(["ok", 5])


def test_the_models_refuse_one_text_as_a_batch(tiny_model):
    from propscope import load_model

    with pytest.raises(TypeError, match="not one text"):
        load_model(str(tiny_model)).analyze_batch("A text given where a list belongs.")


@pytest.mark.parametrize("text, says", [("{}", "no 'article' field"), ("[1, 2]", "wrong type"),
                                        ('{"article": 5}', "wrong type")])
def test_json_that_is_no_analysis_is_a_value_error_naming_what_is_wrong(text, says):
    with pytest.raises(ValueError, match=says):
        Analysis.from_json(text)
    assert Analysis.from_json(make().to_json()).to_json() == make().to_json()
