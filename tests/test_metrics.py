"""The SemEval-2020 Task 11 metrics on hand-made cases (DESIGN.md section 4)."""

import pytest

from propscope import metrics


def test_si_exact_match_is_perfect():
    gold = [("1", "Doubt", 0, 10), ("1", "Slogans", 20, 30)]
    s = metrics.span_identification(gold, gold).overall
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_si_partial_credit():
    # predicted 0-10 against gold 5-15: overlap 5 -> P = 5/10, R = 5/10
    s = metrics.span_identification([("1", "", 0, 10)], [("1", "", 5, 15)]).overall
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)


def test_si_one_prediction_covering_two_gold_spans():
    # P = (5/20 + 5/20) / 1 = 0.5; R = (5/5 + 5/5) / 2 = 1
    s = metrics.span_identification([("1", "", 0, 20)], [("1", "", 0, 5), ("1", "", 15, 20)]).overall
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1.0)
    assert s.f1 == pytest.approx(2 / 3)


def test_si_merges_overlapping_spans_but_not_touching_ones():
    assert metrics.merge_intervals([(0, 10), (5, 15), (15, 20)]) == [(0, 15), (15, 20)]
    # gold 0-10 and 5-15 of different techniques merge into one SI span 0-15
    s = metrics.span_identification([("1", "", 0, 15)], [("1", "A", 0, 10), ("1", "B", 5, 15)]).overall
    assert (s.precision, s.recall, s.gold) == (1.0, 1.0, 1)


def test_si_spans_in_other_articles_never_match():
    s = metrics.span_identification([("2", "", 0, 10)], [("1", "", 0, 10)]).overall
    assert s.f1 == 0.0 and s.predicted == 1 and s.gold == 1


def test_flc_pairs_only_equal_techniques():
    gold = [("1", "Doubt", 0, 10)]
    assert metrics.full_task([("1", "Slogans", 0, 10)], gold).overall.f1 == 0.0
    assert metrics.full_task([("1", "Doubt", 0, 10)], gold).overall.f1 == 1.0


def test_flc_multi_technique_span_and_per_technique_scores():
    gold = [("1", "Doubt", 0, 10), ("1", "Loaded_Language", 0, 10)]
    pred = [("1", "Doubt", 0, 10)]
    r = metrics.full_task(pred, gold)
    assert r.overall.precision == 1.0
    assert r.overall.recall == pytest.approx(0.5)
    assert r.per_technique["Doubt"].f1 == 1.0
    assert r.per_technique["Loaded_Language"].recall == 0.0


def test_flc_merges_per_technique():
    # two overlapping Doubt predictions merge into 0-12 before scoring
    pred = [("1", "Doubt", 0, 8), ("1", "Doubt", 4, 12)]
    r = metrics.full_task(pred, [("1", "Doubt", 0, 12)]).overall
    assert (r.precision, r.recall, r.predicted) == (1.0, 1.0, 1)


def test_empty_predictions_score_zero_not_error():
    r = metrics.span_identification([], [("1", "", 0, 5)]).overall
    assert (r.precision, r.recall, r.f1) == (0.0, 0.0, 0.0)


def test_tc_micro_f1_with_repeated_spans_in_any_order():
    gold = [("1", "Doubt", 0, 10), ("1", "Slogans", 0, 10), ("1", "Repetition", 20, 25)]
    pred = [("1", "Slogans", 0, 10), ("1", "Doubt", 0, 10), ("1", "Doubt", 20, 25)]
    r = metrics.technique_classification(pred, gold)
    assert r.overall.f1 == pytest.approx(2 / 3)
    assert r.per_technique["Repetition"].recall == 0.0
    assert r.per_technique["Doubt"].precision == pytest.approx(0.5)
