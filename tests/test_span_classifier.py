"""The span classifier and span filter: their features, fit, file, and use by the tagger."""

import shutil

import numpy as np

from propscope.techniques import span_classifier
from propscope.techniques.encoding import Encoded
from propscope.techniques.span_classifier import SpanClassifier, fit, span_features, surface_features
from propscope.techniques.tagger import TaggerConfig, TechniqueModel, TokenProbs, version_of

LABELS = ["Doubt", "Slogans", "Loaded_Language"]


def test_surface_features_count_repetition_elsewhere_in_the_article():
    text = "Fake news again. They print fake   NEWS every day, theyre fake newsmen."
    repeated = surface_features(text, 0, 9, 2)
    once = surface_features(text, 17, 21, 1)  # "They": "theyre" is another word
    assert repeated[0] == np.float32(np.log1p(1)) and repeated[1] == 1.0
    assert once[0] == 0.0 and once[1] == 0.0


def test_fit_learns_separable_classes_and_predicts_distributions():
    rng = np.random.default_rng(0)
    centres = np.eye(3, 5) * 4
    y_idx = rng.integers(0, 3, 300)
    x = (centres[y_idx] + rng.normal(0, 1, (300, 5))).astype(np.float32)
    clf = fit(x, np.eye(3, dtype=np.float32)[y_idx], weight_decay=1e-3)
    probs = clf.predict(x)
    assert np.allclose(probs.sum(axis=1), 1, atol=1e-5)
    assert (probs.argmax(axis=1) == y_idx).mean() > 0.9


def _random_classifier(rng, n_out: int) -> SpanClassifier:
    return SpanClassifier(rng.normal(size=4).astype(np.float32), np.ones(4, np.float32),
                          rng.normal(size=(n_out, 4)).astype(np.float32), rng.normal(size=n_out).astype(np.float32))


def test_save_and_load_give_the_same_predictions(tmp_path):
    rng = np.random.default_rng(1)
    technique, keep = _random_classifier(rng, 3), _random_classifier(rng, 2)
    given = _random_classifier(rng, 3)
    span_classifier.save(tmp_path, technique, keep, given)
    x = rng.normal(size=(5, 4)).astype(np.float32)
    loaded = span_classifier.load(tmp_path)
    assert np.allclose(loaded[0].predict(x), technique.predict(x)) and np.allclose(loaded[1].predict(x), keep.predict(x))
    assert np.allclose(loaded[2].predict(x), given.predict(x))
    span_classifier.save(tmp_path, technique)
    assert span_classifier.load(tmp_path)[1:] == (None, None)
    assert span_classifier.load(tmp_path / "nowhere") == (None, None, None)


def test_span_features_summarise_the_span_tokens():
    text = "aa bb cc"
    hidden = np.array([[1, 0], [3, 0], [9, 9]], dtype=np.float16)
    probs = np.array([[0.2, 0.5], [0.6, 0.5], [0.9, 0.1]], dtype=np.float32)  # "any", then one technique
    f = span_features(text, hidden, probs, np.array([True, True, False]), 0, 5)
    assert np.allclose(f[:2], [2, 0]) and np.isclose(f[2], np.log(0.5 + 1e-4))
    assert np.allclose(f[3:6], [0.4, 0.6, 0.2]) and len(f) == 2 + 1 + 3 + 7
    # a frozen layer's states, when the model reads one, join as their mean over the span
    frozen = np.array([[1, 2, 3], [3, 4, 5], [7, 7, 7]], dtype=np.float16)
    g = span_features(text, hidden, probs, np.array([True, True, False]), 0, 5, frozen)
    assert np.array_equal(g[: len(f)], f) and np.allclose(g[len(f) :], [2, 3, 4])
    # pooled: then the maximum and spread of the top frozen layer (its last hidden-size columns)
    p = span_features(text, hidden, probs, np.array([True, True, False]), 0, 5, frozen, pooled=True)
    assert np.array_equal(p[: len(g)], g) and np.allclose(p[len(g) :], [4, 5, 1, 1])
    assert np.array_equal(span_features(text, hidden, probs, np.array([True, True, False]), 0, 5, pooled=True), f)


def _model_preferring(label: int, hidden: int = 4) -> TechniqueModel:
    model = TechniqueModel.__new__(TechniqueModel)
    model.config = TaggerConfig(name="fake", base="minilm", labels=LABELS, technique_threshold=1.1,
                                technique_span_threshold=1.1)
    model.labels = LABELS
    n = hidden + len(LABELS) + 3 + 7
    bias = np.zeros(len(LABELS), np.float32)
    bias[label] = 5.0
    model.span_classifier = SpanClassifier(np.zeros(n, np.float32), np.ones(n, np.float32),
                                           np.zeros((len(LABELS), n), np.float32), bias)
    return model


def test_span_filter_drops_spans_it_rates_below_its_threshold():
    text = "aa bb cc dd"
    offsets = np.array([(0, 2), (3, 5), (6, 8), (9, 11)])
    probs = np.array([[0.9, 0.9, 0.1, 0.1]] * 2 + [[0.0, 0, 0, 0], [0.9, 0.1, 0.1, 0.9]], dtype=np.float32)
    hidden = np.zeros((4, 4), np.float16)
    hidden[3] = 1.0  # the filter's one feature that matters: the first hidden unit
    tp = TokenProbs(Encoded(np.arange(4), offsets), probs, hidden)
    model = _model_preferring(2)
    model.config.max_gap_tokens = 0
    n = model.span_classifier.mean.shape[0]
    weight = np.zeros((2, n), np.float32)
    weight[1, 0] = 8.0  # "a technique" when the first hidden unit is 1
    model.span_filter = SpanClassifier(np.zeros(n, np.float32), np.ones(n, np.float32), weight,
                                       np.array([0.0, -4.0], np.float32))
    assert [(s.start, s.end) for s in model.decode(text, tp)] == [(0, 5), (9, 11)]
    model.config.span_filter_threshold = 0.5
    assert [(s.start, s.end) for s in model.decode(text, tp)] == [(9, 11)]
    assert model.judge(text, tp, 9, 11)[0] > 0.9 > 0.1 > model.judge(text, tp, 0, 5)[0]


def test_decode_and_classify_take_techniques_from_the_span_classifier():
    text = "aa bb cc dd"
    offsets = np.array([(0, 2), (3, 5), (6, 8), (9, 11)])
    probs = np.array([[0.9, 0.9, 0.1, 0.1]] * 2 + [[0.0, 0, 0, 0]] * 2, dtype=np.float32)  # the head says Doubt
    tp = TokenProbs(Encoded(np.arange(4), offsets), probs, np.zeros((4, 4), np.float16))
    model = _model_preferring(2)
    assert [(s.start, s.end, s.technique) for s in model.decode(text, tp)] == [(0, 5, "Loaded_Language")]
    assert model.classify(text, tp, 6, 11)[0][0] == "Loaded_Language"
    tp.hidden = None  # without encoder states the head's own probabilities decide
    assert model.classify(text, tp, 0, 5)[0][0] == "Doubt"


def test_a_new_span_classifier_is_a_new_model_version(tiny_model, tmp_path):
    copy = tmp_path / "m"
    shutil.copytree(tiny_model, copy)
    before = version_of(copy)
    span_classifier.save(copy, _model_preferring(0).span_classifier)
    assert version_of(copy) != before and version_of(copy).startswith("tiny-")


def test_fit_span_filter_learns_which_found_spans_overlap_gold():
    from propscope.techniques.corpus import LabelledArticle
    from propscope.techniques.decode import Thresholds
    from propscope.techniques.tuning import fit_span_filter

    text = "aa bb cc dd ee"
    offsets = np.array([(0, 2), (3, 5), (6, 8), (9, 11), (12, 14)])
    probs = np.array([[0.9, 0.9, 0.1, 0.1]] * 2 + [[0.0, 0, 0, 0]] + [[0.9, 0.9, 0.1, 0.1]] * 2, dtype=np.float32)
    hidden = np.zeros((5, 4), np.float16)
    hidden[:2, 0] = 1.0  # the first run looks different from the second, and only it is gold
    articles = [LabelledArticle(str(i), text, [("Doubt", 0, 5)]) for i in range(10)]
    tps = [TokenProbs(Encoded(np.arange(5), offsets), probs, hidden) for _ in articles]
    decoder = _model_preferring(0).decoder
    decoder.span_filter, report = fit_span_filter(decoder, articles, tps, candidates=Thresholds(span=0.25, max_gap_tokens=0))
    assert report["spans"] == 20 and report["share_overlapping_gold"] == 0.5
    assert decoder.judge(text, tps[0], 0, 5)[0] > 0.8 and decoder.judge(text, tps[0], 9, 14)[0] < 0.2


def test_the_span_filter_reads_no_frozen_states_and_the_classifier_does():
    """Frozen-layer states lifted TC out of fold (nested CV, runs/accurate6: 0.596 to 0.642) but not
    the filter (SI+FLC lower on every fold with them), so only the classifier reads them."""
    from propscope.techniques.corpus import LabelledArticle
    from propscope.techniques.decode import Thresholds
    from propscope.techniques.tuning import fit_span_classifier, fit_span_filter

    text = "aa bb cc dd ee"
    offsets = np.array([(0, 2), (3, 5), (6, 8), (9, 11), (12, 14)])
    probs = np.array([[0.9, 0.9, 0.1, 0.1]] * 2 + [[0.0, 0, 0, 0]] + [[0.9, 0.9, 0.1, 0.1]] * 2, dtype=np.float32)
    hidden = np.zeros((5, 4), np.float16)
    hidden[:2, 0] = 1.0
    frozen = np.zeros((5, 6), np.float16)
    frozen[3:, 1] = 1.0  # the frozen layer tells the second run's technique apart
    articles = [LabelledArticle(str(i), text, [("Doubt", 0, 5)] + [("Slogans", 9, 14)] * (i % 2)) for i in range(10)]
    tps = [TokenProbs(Encoded(np.arange(5), offsets), probs, hidden, frozen) for _ in articles]
    clf, _ = fit_span_classifier(LABELS, articles, tps, folds=2)
    decoder = _model_preferring(0).decoder
    decoder.span_classifier = clf
    decoder.span_filter, _ = fit_span_filter(decoder, articles, tps, candidates=Thresholds(span=0.25, max_gap_tokens=0))
    plain = 4 + len(LABELS) + 3 + 7
    assert len(clf.mean) == plain + 6 and len(decoder.span_filter.mean) == plain
    assert decoder.classify(text, tps[0], 9, 14)[0][0] == "Slogans" and decoder.classify(text, tps[0], 0, 5)[0][0] == "Doubt"


def test_spans_a_user_gives_are_labelled_by_the_given_span_classifier_and_decoded_ones_are_not():
    """The given-span classifier reads the frozen layer's maximum and spread, which help on gold
    edges (TC) and not on decoded ones (FLC fell), so ``classify`` uses it and ``decode`` does not."""
    text = "aa bb cc dd"
    offsets = np.array([(0, 2), (3, 5), (6, 8), (9, 11)])
    probs = np.array([[0.9, 0.9, 0.1, 0.1]] * 2 + [[0.0, 0, 0, 0]] * 2, dtype=np.float32)
    frozen = np.zeros((4, 4), np.float16)
    tp = TokenProbs(Encoded(np.arange(4), offsets), probs, np.zeros((4, 4), np.float16), frozen)
    model = _model_preferring(2)
    n = len(span_features(text, tp.hidden, probs, np.array([True, True, False, False]), 0, 5, frozen, pooled=True))
    bias = np.array([0.0, 5.0, 0.0], np.float32)  # prefers Slogans
    model.given_classifier = SpanClassifier(np.zeros(n, np.float32), np.ones(n, np.float32),
                                            np.zeros((len(LABELS), n), np.float32), bias)
    model.span_classifier.mean = np.zeros(n - 8, np.float32)  # the decoding classifier reads the frozen mean
    model.span_classifier.scale = np.ones(n - 8, np.float32)
    model.span_classifier.weight = np.zeros((len(LABELS), n - 8), np.float32)
    assert model.classify(text, tp, 0, 5)[0][0] == "Slogans"
    assert [s.technique for s in model.decode(text, tp)] == ["Loaded_Language"]
    model.given_classifier = None  # a model without one labels given spans as it labels decoded ones
    assert model.classify(text, tp, 0, 5)[0][0] == "Loaded_Language"


def test_a_model_reading_a_frozen_layer_gets_a_given_span_classifier_and_ships_it(tmp_path):
    from propscope.techniques.corpus import LabelledArticle
    from propscope.techniques.tuning import fit_span_models

    text = "aa bb cc dd ee"
    offsets = np.array([(0, 2), (3, 5), (6, 8), (9, 11), (12, 14)])
    probs = np.array([[0.9, 0.9, 0.1, 0.1]] * 2 + [[0.0, 0, 0, 0]] + [[0.9, 0.9, 0.1, 0.1]] * 2, dtype=np.float32)
    hidden = np.zeros((5, 4), np.float16)
    frozen = np.zeros((5, 4), np.float16)
    frozen[4, 0] = 3.0  # one word of the second run stands out: its maximum tells Slogans, its mean less so
    articles = [LabelledArticle(str(i), text, [("Doubt", 0, 5)] + [("Slogans", 9, 14)] * (i % 2)) for i in range(10)]
    tps = [TokenProbs(Encoded(np.arange(5), offsets), probs, hidden, frozen) for _ in articles]
    decoder, report = fit_span_models(LABELS, articles, tps, seed=13)
    plain = 4 + len(LABELS) + 3 + 7 + 4
    assert len(decoder.span_classifier.mean) == plain and len(decoder.given_classifier.mean) == plain + 8
    assert report["given_classifier"]["spans"] == 15
    assert decoder.classify(text, tps[1], 9, 14)[0][0] == "Slogans"
    span_classifier.save(tmp_path, decoder.span_classifier, decoder.span_filter, decoder.given_classifier)
    assert len(span_classifier.load(tmp_path, LABELS)[2].mean) == plain + 8
    without = [TokenProbs(tp.encoded, tp.probs, tp.hidden) for tp in tps]
    assert fit_span_models(LABELS, articles, without, seed=13)[0].given_classifier is None
