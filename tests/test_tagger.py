"""Decoding token probabilities into character spans, windows, calibration, and the tiny model end to end."""

import numpy as np
import pytest

from propscope.techniques import calibration
from propscope.techniques.decode import article_score
from propscope.techniques.decode import runs as _runs
from propscope.techniques.encoding import Encoded, windows
from propscope.techniques.tagger import TaggerConfig, TechniqueModel, TokenProbs

LABELS = ["Doubt", "Slogans", "Loaded_Language"]


def fake_model(**cfg) -> TechniqueModel:
    model = TechniqueModel.__new__(TechniqueModel)
    model.config = TaggerConfig(name="fake", base="minilm", labels=LABELS, **cfg)
    model.labels = LABELS
    return model


def token_probs(text: str, rows: list[list[float]]) -> TokenProbs:
    words, offsets, pos = text.split(" "), [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    return TokenProbs(Encoded(np.arange(len(words)), np.array(offsets)), np.array(rows, dtype=np.float32))


TEXT = "aa bb cc dd ee ff"


def test_windows_cover_every_token_with_overlap():
    for n in (1, 10, 510, 511, 1500, 4099):
        ws = windows(n, 510, 128)
        assert ws[0][0] == 0 and ws[-1][1] == n
        assert all(b - a <= 510 for a, b in ws)
        assert all(ws[i + 1][0] < ws[i][1] for i in range(len(ws) - 1))  # consecutive windows overlap
    with pytest.raises(ValueError):
        windows(1000, 10, 10)


def test_runs_join_small_gaps():
    mask = np.array([1, 1, 0, 1, 0, 0, 1], dtype=bool)
    assert _runs(mask, 0) == [(0, 2), (3, 4), (6, 7)]
    assert _runs(mask, 1) == [(0, 4), (6, 7)]
    assert _runs(np.zeros(3, dtype=bool), 1) == []


def test_decode_gives_character_offsets_and_best_technique():
    m = fake_model(max_gap_tokens=0, technique_threshold=None)
    rows = [[0.1, 0, 0, 0], [0.9, 0.8, 0.1, 0.1], [0.8, 0.7, 0.2, 0.1], [0.1, 0, 0, 0],
            [0.9, 0.1, 0.9, 0], [0.1, 0, 0, 0]]
    spans = m.decode(TEXT, token_probs(TEXT, rows))
    assert [(s.start, s.end, s.technique, s.text) for s in spans] == [(3, 8, "Doubt", "bb cc"), (12, 14, "Slogans", "ee")]
    assert all(0 < s.score < 1 for s in spans)


def test_decode_can_emit_several_techniques_for_one_span():
    m = fake_model(technique_threshold=0.5)
    rows = [[0.9, 0.8, 0.1, 0.6]] * 2 + [[0.0, 0, 0, 0]] * 4
    spans = m.decode(TEXT, token_probs(TEXT, rows))
    assert {(s.start, s.end, s.technique) for s in spans} == {(0, 5, "Doubt"), (0, 5, "Loaded_Language")}


def test_classify_ranks_techniques_inside_span():
    m = fake_model()
    rows = [[0.9, 0.1, 0.2, 0.7]] + [[0.0, 0.9, 0, 0]] * 5
    ranked = m.classify(TEXT, token_probs(TEXT, rows), 0, 2)
    assert ranked[0][0] == "Loaded_Language"
    assert [t for t, _ in ranked] == ["Loaded_Language", "Slogans", "Doubt"]


def test_article_score_weights_sentences_by_length():
    from propscope.document import Sentence

    assert article_score([Sentence(0, 10, 1.0), Sentence(10, 40, 0.0)]) == 0.25
    assert article_score([]) == 0.0


def test_platt_calibration_reduces_ece_on_overconfident_scores():
    rng = np.random.default_rng(0)
    raw = rng.uniform(0.5, 1.0, 4000)
    truth = rng.uniform(size=4000) < (raw - 0.5)  # true rate is raw - 0.5: raw is overconfident
    params = calibration.fit(raw, truth)
    before, _ = calibration.reliability(raw, truth)
    after, table = calibration.reliability(calibration.apply(params, raw), truth)
    assert after < before / 3
    assert sum(row["n"] for row in table) == 4000


def test_tiny_model_analyses_long_text_without_dropping_any(tiny_tagger, sample_text):
    long_text = (sample_text + "\n") * 6  # several 64-token windows
    a = tiny_tagger.analyze(long_text)
    a.validate()
    tp = tiny_tagger.token_probs([long_text])[0]
    assert tp.encoded.offsets[-1][1] == len(long_text.rstrip())  # the last token is covered
    assert a.sentences and a.sentences[-1].end <= len(long_text)
    assert 0.0 <= a.score <= 1.0
    assert a.spans, "an untrained head with random weights fires somewhere"


def test_a_sentence_without_letters_scores_zero(tiny_tagger):
    text = "The traitors lied to the nation again today.\n🔥🔥🔥 💯\n2020 — 2021"
    a = tiny_tagger.analyze(text)
    scores = {text[s.start:s.end].strip(): s.score for s in a.sentences}
    assert scores["The traitors lied to the nation again today."] > 0  # the base rate at least
    assert scores["🔥🔥🔥 💯"] == 0.0 and scores["2020 — 2021"] == 0.0
    assert tiny_tagger.analyze("🔥🔥🔥 💯 👍").score == 0.0  # no article score out of emoji alone


def _state_cosine(model, other, text: str) -> float:
    """Mean cosine of two models' token states on ``text``: how far a cheaper precision moves
    them (the tiny model's random head would magnify any change in its probabilities)."""
    full = model.token_probs([text], hidden=True)[0].hidden.astype(np.float32)
    cheap = other.token_probs([text], hidden=True)[0].hidden.astype(np.float32)
    assert full.shape == cheap.shape and not np.array_equal(full, cheap)
    return float(((full * cheap).sum(1) / np.linalg.norm(full, axis=1) / np.linalg.norm(cheap, axis=1)).mean())


def test_int8_model_is_a_separate_version_with_close_probabilities(tiny_model, tiny_tagger, sample_text):
    from propscope.pipeline import load_model

    quantised = load_model(str(tiny_model), device="cpu", int8=True)
    assert quantised.name == tiny_tagger.name + "-int8"
    a = quantised.analyze(sample_text)
    a.validate()
    assert a.model.endswith("-int8")
    assert _state_cosine(tiny_tagger, quantised, sample_text) > 0.95


def test_batch_equals_single(tiny_tagger, sample_text):
    texts = [sample_text, "Short one.", sample_text[:200]]
    batch = tiny_tagger.analyze_batch(texts)
    single = [tiny_tagger.analyze(t) for t in texts]
    for b, s in zip(batch, single):
        assert [(x.start, x.end, x.technique) for x in b.spans] == [(x.start, x.end, x.technique) for x in s.spans]


def test_technique_runs_give_partially_overlapping_spans():
    m = fake_model(max_gap_tokens=0, technique_threshold=None, technique_span_threshold=0.6)
    # tokens 0-3 are one "any" span led by Doubt; inside it tokens 2-4 are confidently Loaded_Language
    rows = [[0.9, 0.8, 0, 0.1], [0.9, 0.8, 0, 0.1], [0.9, 0.5, 0, 0.7], [0.9, 0.5, 0, 0.7], [0.2, 0, 0, 0.7],
            [0.0, 0, 0, 0]]
    spans = m.decode(TEXT, token_probs(TEXT, rows))
    assert {(s.start, s.end, s.technique) for s in spans} == {(0, 11, "Doubt"), (6, 14, "Loaded_Language")}


def test_spans_snap_to_whole_words_and_stop_at_paragraph_breaks():
    text = "Globalist elites\n\nlie again"
    offsets = np.array([[0, 6], [6, 9], [10, 16], [18, 21], [22, 27]])  # global ##ist elites | lie again
    m = fake_model(max_gap_tokens=1, technique_threshold=None)
    rows = [[0.1, 0, 0, 0], [0.9, 0.9, 0, 0], [0.9, 0.9, 0, 0], [0.9, 0.9, 0, 0], [0.9, 0.9, 0, 0]]
    spans = m.decode(text, TokenProbs(Encoded(np.arange(5), offsets), np.array(rows, dtype=np.float32)))
    assert [s.text for s in spans] == ["Globalist elites", "lie again"]


def test_off_thresholds_are_none_in_configs_and_older_values_above_one_still_read_as_off():
    from propscope.techniques.decode import Thresholds

    old = TaggerConfig(name="x", base="minilm", labels=LABELS, technique_threshold=1.1, technique_span_threshold=1.1)
    th = Thresholds.from_config(old)
    assert th.technique is None and th.technique_span is None
    new = TaggerConfig(name="x", base="minilm", labels=LABELS)
    th.to_config(new)
    assert new.technique_threshold is None and new.technique_span_threshold is None
    assert Thresholds.from_config(new) == th


def test_long_runs_are_cut_where_sentences_start_and_short_ones_cross_them():
    # six sentences on one line, every token confident: one run of the whole text
    sentence = "They lie to you every day."
    text = " ".join([sentence] * 6)
    rows = [[0.9, 0.9, 0, 0]] * len(text.split(" "))
    tp = token_probs(text, rows)
    whole = fake_model(max_gap_tokens=1, technique_threshold=None)
    assert [(s.start, s.end) for s in whole.decode(text, tp)] == [(0, len(text))]  # configs without the field
    cut = fake_model(max_gap_tokens=1, technique_threshold=None, max_run_chars=60)
    spans = cut.decode(text, tp)
    assert [s.text for s in spans] == [sentence] * 6
    assert [s.start for s in spans] == [i * (len(sentence) + 1) for i in range(6)]
    # a run within the limit keeps crossing its sentence boundary
    short = "Lies. More lies."
    spans = cut.decode(short, token_probs(short, [[0.9, 0.9, 0, 0]] * 3))
    assert [s.text for s in spans] == [short]


def test_a_piece_of_a_cut_run_starts_and_ends_on_a_confident_token():
    from propscope.techniques.decode import sentence_cut_runs, sentence_starts

    text = "Aa bb. Cc dd. Ee ff."
    offsets = np.array([[0, 2], [3, 6], [7, 9], [10, 13], [14, 16], [17, 20]])
    mask = np.array([1, 1, 0, 1, 1, 0], dtype=bool)  # token 2 is a gap the run joined over
    assert sentence_cut_runs([(0, 5)], mask, offsets, lambda: sentence_starts(text), 5) == [(0, 2), (3, 4), (4, 5)]
    assert sentence_cut_runs([(0, 5)], mask, offsets, lambda: sentence_starts(text), 100) == [(0, 5)]


def test_windows_keep_the_overlap_and_little_more():
    for n in (600, 1085, 5000):
        ws = windows(n, 510, 64)
        shared = [ws[i][1] - ws[i + 1][0] for i in range(len(ws) - 1)]
        assert min(shared) >= 64
        assert sum(b - a for a, b in ws) <= n + len(shared) * 64 + len(ws)


def test_bf16_model_is_a_separate_version_with_close_states(tiny_model, tiny_tagger, sample_text):
    import torch

    from propscope import registry

    half = registry.load_model(str(tiny_model), device="cpu", bf16=True)
    assert half.name == tiny_tagger.name + "-bf16" == registry.model_version(str(tiny_model), bf16=True)
    assert next(half.net.parameters()).dtype == torch.bfloat16
    a = half.analyze(sample_text)
    a.validate()
    assert a.model.endswith("-bf16")
    assert _state_cosine(tiny_tagger, half, sample_text) > 0.99
    with pytest.raises(registry.ModelNotFound, match="int8 or bf16"):
        registry.model_version(str(tiny_model), int8=True, bf16=True)


def test_cli_bf16_flag_records_its_version_and_refuses_int8_with_it(tiny_model, tmp_path):
    import json

    from click.testing import CliRunner

    from propscope.cli import main

    (tmp_path / "a.txt").write_text("They are traitors who want to destroy our great nation.")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.txt"), "--model", str(tiny_model), "--bf16",
                                  "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.splitlines()[0])["model"].endswith("-bf16")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.txt"), "--model", str(tiny_model), "--bf16", "--int8"])
    assert r.exit_code == 1 and "choose int8 or bf16" in r.output
