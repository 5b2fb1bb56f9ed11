"""Checks on the real PTC training data (../shared/data; skipped where it is absent)."""

import pytest

from propscope import metrics, sentences, taxonomy
from propscope.techniques.corpus import load_ptc_train, load_semeval2023_en, split_by_article

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def ptc():
    return load_ptc_train()


def test_ptc_train_loads_with_offsets_inside_texts(ptc):
    assert len(ptc) == 371
    assert sum(len(a.spans) for a in ptc) == 6128
    for a in ptc:
        for _, s, e in a.spans:
            assert 0 <= s < e <= len(a.text)
            assert a.text[s:e] == a.text[s:e].strip()  # v2 spans are trimmed


def test_gold_scores_perfectly_against_itself(ptc):
    gold = [(a.id, t, s, e) for a in ptc for t, s, e in a.spans]
    assert metrics.span_identification(gold, gold).overall.f1 == pytest.approx(1.0)
    assert metrics.full_task(gold, gold).overall.f1 == pytest.approx(1.0)
    assert metrics.technique_classification(gold, gold).overall.f1 == pytest.approx(1.0)


def test_every_sentence_baseline_is_near_the_published_anchor(ptc):
    # DESIGN.md section 4: marking every sentence as one span scores SI F1 about 0.19 on the test set
    pred = [(a.id, "", s, e) for a in ptc for s, e in sentences.split(a.text)]
    gold = [(a.id, t, s, e) for a in ptc for t, s, e in a.spans]
    r = metrics.span_identification(pred, gold).overall
    assert r.recall > 0.99
    assert 0.17 < r.f1 < 0.27


def test_split_by_article_is_disjoint_complete_and_seeded(ptc):
    ids = [a.id for a in ptc]
    vals = []
    for fold in range(5):
        train, val = split_by_article(ids, 5, fold, seed=13)
        assert not train & val and train | val == set(ids)
        vals.append(val)
    assert set().union(*vals) == set(ids) and sum(len(v) for v in vals) == len(ids)
    assert split_by_article(ids, 5, 0, seed=13) == split_by_article(ids, 5, 0, seed=13)


def test_every_gold_span_gets_token_targets(ptc):
    from transformers import AutoTokenizer

    from propscope.taxonomy import PTC14_NAMES
    from propscope.techniques.encoding import encode
    from propscope.techniques.training import token_targets
    from propscope.weights import base_path

    tok = AutoTokenizer.from_pretrained(str(base_path("minilm")))
    labels = list(PTC14_NAMES)
    sample = ptc[:40]
    for a, enc in zip(sample, encode(tok, [a.text for a in sample])):
        y = token_targets(enc.offsets, a.spans, labels)
        for t, s, e in a.spans:
            inside = (enc.offsets[:, 0] < e) & (enc.offsets[:, 1] > s)
            assert y[inside, 1 + labels.index(t)].all() and inside.any()


def test_semeval2023_english_spans_land_on_the_ptc_characters(ptc):
    # the SemEval-2023 English articles re-render PTC train: every article aligns (one only after
    # a typographic variant), and nearly every span is a PTC span of a technique that maps to it
    sem = load_semeval2023_en()
    assert [a.id for a in sem] == [a.id for a in ptc]
    assert sum(len(a.spans) for a in sem) == 6136
    mapping = taxonomy.mapping("ptc14", "semeval2023")
    by_id = {a.id: a for a in ptc}
    agree = total = 0
    for a in sem:
        assert a.text == by_id[a.id].text
        mapped = {(m, s, e) for t, s, e in by_id[a.id].spans for m in mapping.targets(t)}
        for t, s, e in a.spans:
            assert 0 <= s < e <= len(a.text) and a.text[s:e] == a.text[s:e].strip()
            total += 1
            agree += (t, s, e) in mapped
    assert agree / total > 0.95
