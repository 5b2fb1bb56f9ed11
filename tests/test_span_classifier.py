"""The span classifier: its features, its fit, its file, and its use by the tagger."""

import shutil

import numpy as np

from propscope.techniques.encoding import Encoded
from propscope.techniques.span_classifier import SpanClassifier, fit, surface_features
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


def test_save_and_load_give_the_same_predictions(tmp_path):
    rng = np.random.default_rng(1)
    clf = SpanClassifier(rng.normal(size=4).astype(np.float32), np.ones(4, np.float32),
                         rng.normal(size=(3, 4)).astype(np.float32), np.zeros(3, np.float32))
    clf.save(tmp_path)
    x = rng.normal(size=(5, 4)).astype(np.float32)
    assert np.allclose(SpanClassifier.load(tmp_path).predict(x), clf.predict(x))
    assert SpanClassifier.load(tmp_path / "nowhere") is None


def _model_preferring(label: int, hidden: int = 4) -> TechniqueModel:
    model = TechniqueModel.__new__(TechniqueModel)
    model.config = TaggerConfig(name="fake", base="minilm", labels=LABELS, technique_threshold=1.1,
                                technique_span_threshold=1.1)
    model.labels = LABELS
    n = hidden + len(LABELS) + 7
    bias = np.zeros(len(LABELS), np.float32)
    bias[label] = 5.0
    model.span_classifier = SpanClassifier(np.zeros(n, np.float32), np.ones(n, np.float32),
                                           np.zeros((len(LABELS), n), np.float32), bias)
    return model


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
    _model_preferring(0).span_classifier.save(copy)
    assert version_of(copy) != before and version_of(copy).startswith("tiny-")
