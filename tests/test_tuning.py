"""Out-of-fold tuning, calibration targets and the post-processing levers, on hand-made
probabilities (no encoder, no corpus)."""

import numpy as np

from propscope.document import Span
from propscope.techniques.corpus import LabelledArticle
from propscope.techniques.decode import LEVERS, Decoder, Thresholds, TokenProbs
from propscope.techniques.encoding import Encoded
from propscope.techniques.evaluation import Scored, score
from propscope.techniques.tuning import fit_calibration, lever_helps, nested_cv, span_is_right, tune_thresholds

LABELS = ["Doubt", "Slogans", "Loaded_Language"]


def _article(i: int, any_p: list[float]) -> Scored:
    """Five words; gold: words 1-2 are Loaded_Language. ``any_p`` per word."""
    text = "aa bb cc dd ee"
    offsets = np.array([(0, 2), (3, 5), (6, 8), (9, 11), (12, 14)])
    probs = np.array([[p, 0.1, 0.1, 0.8] for p in any_p], dtype=np.float32)
    art = LabelledArticle(str(i), text, [("Loaded_Language", 3, 8)])
    return Scored(art, TokenProbs(Encoded(np.arange(5), offsets), probs), Decoder(LABELS))


def test_span_is_right_needs_half_the_characters_in_gold_of_its_technique():
    gold = [("Doubt", 0, 10), ("Slogans", 10, 12)]
    assert span_is_right(0, 20, "Doubt", gold)  # 10 of 20 characters
    assert not span_is_right(0, 21, "Doubt", gold)
    assert not span_is_right(0, 10, "Slogans", gold)


def test_thresholds_are_tuned_to_the_predictions_given():
    # the gold words have "any" 0.45 and the others 0.35: only a threshold between finds them alone
    items = [_article(i, [0.35, 0.45, 0.45, 0.35, 0.35]) for i in range(6)]
    th = tune_thresholds(items)
    assert 0.35 < th.span <= 0.45
    assert score(items, th)["si"]["overall"]["f1"] == 1.0
    assert score(items, Thresholds(span=0.3))["si"]["overall"]["f1"] < 1.0


def test_nested_cv_scores_each_fold_with_thresholds_from_the_others():
    # fold 1's articles need a lower threshold than fold 0's: nested tuning cannot know that
    items = [_article(i, [0.1, 0.6, 0.6, 0.1, 0.1]) for i in range(4)] + \
            [_article(i + 4, [0.1, 0.3, 0.3, 0.25, 0.25]) for i in range(4)]
    fold_of = [0] * 4 + [1] * 4
    per_fold, pred = nested_cv(items, fold_of, 2, Thresholds(), log=lambda *_: None)
    assert per_fold[0]["thresholds"]["span"] <= 0.3 < per_fold[1]["thresholds"]["span"]
    assert per_fold[1]["si"] < 1.0 and len(pred) > 0


def test_calibration_is_reported_out_of_fold():
    items = [_article(i, [0.1, 0.9, 0.9, 0.1, 0.1]) for i in range(6)]
    report = fit_calibration(items, Thresholds(span=0.5), [i % 2 for i in range(6)])
    assert report["span"]["n"] == 6 and report["sentence"]["n"] == 6
    assert {"ece_uncalibrated", "ece_out_of_fold", "platt", "reliability"} <= set(report["span"])


def test_trim_and_quote_lever():
    text = 'He said "Make America great" today.'
    [s] = LEVERS["trim_and_quote"](text, [Span(8, 27, "Slogans", 0.5, text[8:27])])
    assert text[s.start : s.end] == '"Make America great"' and s.text == text[s.start : s.end]
    [s] = LEVERS["trim_and_quote"](text, [Span(2, 9, "Doubt", 0.5, text[2:9])])  # ' said "' -> 'said'
    assert s.text == "said"


def test_function_word_spans_are_dropped():
    text = "of the plan"
    kept = LEVERS["drop_function_words"](text, [Span(0, 6, "Doubt", 0.3, "of the"), Span(7, 11, "Doubt", 0.3, "plan")])
    assert [s.text for s in kept] == ["plan"]


def test_a_phrase_said_three_times_is_repetition():
    text = "lies, lies, lies! and more lies about truth, truth"
    spans = [Span(0, 4, "Loaded_Language", 0.4, "lies"), Span(38, 43, "Loaded_Language", 0.4, "truth")]
    out = LEVERS["repeated_phrases"](text, spans)
    assert [(s.start, s.technique) for s in out if s.technique == "Repetition"] == [(0, "Repetition")]


def test_levers_run_inside_decode_and_round_trip_through_the_config():
    from propscope.techniques.tagger import TaggerConfig

    cfg = TaggerConfig(name="x", base="minilm", labels=LABELS)
    Thresholds(span=0.4, levers=("drop_function_words",)).to_config(cfg)
    assert Thresholds.from_config(cfg).levers == ("drop_function_words",)
    item = _article(0, [0.9, 0.1, 0.1, 0.1, 0.1])
    item.article.text = "of bb cc dd ee"
    assert item.decoder.decode(item.article.text, item.tp, Thresholds(span=0.5))
    assert not item.decoder.decode(item.article.text, item.tp, Thresholds(span=0.5, levers=("drop_function_words",)))


def test_grown_widens_confident_runs_over_touching_near_tokens_only():
    from propscope.techniques.decode import grown

    core = np.array([0, 0, 1, 0, 0, 0, 0, 0], dtype=bool)
    near = np.array([0, 1, 0, 1, 0, 1, 1, 0], dtype=bool)  # tokens 5-6 are near but touch no core token
    assert grown(core, near).tolist() == [False, True, True, True, False, False, False, False]
    assert not grown(np.zeros(3, dtype=bool), np.ones(3, dtype=bool)).any()  # nothing confident: nothing grows


def test_a_span_starts_on_a_confident_token_and_its_edges_grow_with_span_extend():
    # word 2 is sure, words 1 and 3 less so; word 4 is as sure as word 3 but apart from the core
    item = _article(0, [0.1, 0.35, 0.6, 0.35, 0.1])
    text = item.article.text
    plain = item.decoder.decode(text, item.tp, Thresholds(span=0.5, max_gap_tokens=0))
    wide = item.decoder.decode(text, item.tp, Thresholds(span=0.5, max_gap_tokens=0, span_extend=0.3))
    assert [s.text for s in plain] == ["cc"] and [s.text for s in wide] == ["bb cc dd"]
    # a lower threshold alone would start spans anywhere; an extension above the span threshold is off
    assert [s.text for s in item.decoder.decode(text, item.tp, Thresholds(span=0.5, span_extend=0.7))] == ["cc"]


def test_tuning_chooses_an_edge_extension_only_when_it_raises_si():
    # gold is words 1-2 (bb cc): word 1 is sure, word 2 less so, and word 4, apart from them, as sure as
    # word 2: one threshold either misses word 2 or takes word 4 too; only edges that grow find bb cc alone
    items = [_article(i, [0.05, 0.6, 0.42, 0.05, 0.42]) for i in range(6)]
    plain = tune_thresholds(items)
    tuned = tune_thresholds(items, extend=True)
    assert plain.span_extend is None and tuned.span_extend is not None and tuned.span_extend < tuned.span
    assert score(items, tuned)["si"]["overall"]["f1"] > score(items, plain)["si"]["overall"]["f1"]
    # where one threshold is already perfect, no extension is chosen
    assert tune_thresholds([_article(i, [0.1, 0.6, 0.6, 0.1, 0.1]) for i in range(4)], extend=True).span_extend is None


def test_span_extend_round_trips_through_the_config():
    from propscope.techniques.tagger import TaggerConfig

    cfg = TaggerConfig(name="x", base="minilm", labels=LABELS)
    Thresholds(span=0.4, span_extend=0.25).to_config(cfg)
    assert cfg.span_extend_threshold == 0.25 and Thresholds.from_config(cfg).span_extend == 0.25
    assert Thresholds.from_config(TaggerConfig(name="y", base="minilm", labels=LABELS)).span_extend is None


def test_a_lever_is_kept_only_when_it_helps_every_fold_and_the_mean_clearly():
    current = [{"si": 0.40, "flc": 0.20}, {"si": 0.42, "flc": 0.22}]
    assert lever_helps([{"si": 0.41, "flc": 0.20}, {"si": 0.43, "flc": 0.22}], current)
    assert not lever_helps([{"si": 0.4001, "flc": 0.20}, {"si": 0.4201, "flc": 0.22}], current)  # noise
    assert not lever_helps([{"si": 0.45, "flc": 0.20}, {"si": 0.41, "flc": 0.22}], current)  # hurts a fold


CUES = {"Doubt": "can anyone really believe these so-called experts", "Slogans": "make our nation great again",
        "Loaded_Language": "a disgusting and shameful betrayal"}


def _cue_data(n: int, seed: int = 0) -> tuple[list[LabelledArticle], list[TokenProbs]]:
    rng = np.random.default_rng(seed)
    arts, tps = [], []
    for i in range(n):
        parts, spans, pos = [], [], 0
        for tech in rng.permutation(LABELS):
            phrase = CUES[str(tech)]
            spans.append((str(tech), pos, pos + len(phrase)))
            parts.append(phrase)
            pos += len(phrase) + 2
        text = ". ".join(parts)
        words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", text)]
        offsets = np.array(words)
        arts.append(LabelledArticle(str(i), text, spans))
        probs = np.full((len(words), 1 + len(LABELS)), 0.5, dtype=np.float32)
        tps.append(TokenProbs(Encoded(np.arange(len(words)), offsets), probs,
                              rng.normal(size=(len(words), 4)).astype(np.float16)))
    return arts, tps


def test_the_span_classifier_reads_the_span_words_and_keeps_that_model(tmp_path):
    from propscope.techniques import span_classifier
    from propscope.techniques.tuning import fit_span_classifier

    arts, tps = _cue_data(12)
    clf, report = fit_span_classifier(LABELS, arts, tps, lexical=True)
    assert report["lexical"] and clf.lexical is not None and len(clf.mean) == 4 + 3 + 3 + 7 + len(LABELS)
    new, new_tps = _cue_data(3, seed=1)
    decoder = Decoder(LABELS, clf)
    for art, tp in zip(new, new_tps):
        for tech, s, e in art.spans:  # noise states: only the words can tell
            assert decoder.classify(art.text, tp, s, e)[0][0] == tech
    span_classifier.save(tmp_path, clf)
    loaded = span_classifier.load(tmp_path, LABELS)[0]
    art, tp = new[0], new_tps[0]
    tech, s, e = art.spans[0]
    assert np.allclose(Decoder(LABELS, loaded).judge(art.text, tp, s, e)[1], decoder.judge(art.text, tp, s, e)[1],
                       atol=1e-3)  # the lexical model is stored in float16
    without, report = fit_span_classifier(LABELS, arts, tps)  # off by default
    assert without.lexical is None and not report["lexical"] and len(without.mean) == 4 + 3 + 3 + 7


def _two_sentences(i: int) -> Scored:
    """Two sentences, every word confident; the first is Doubt, the second Slogans, in gold and
    in the token head: one run over both can carry only one technique."""
    text = "Who can trust them now. Make us great again."
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", text)]
    second = text.index("Make")
    probs = np.array([[0.9, 0.8, 0.1, 0.1] if a < second else [0.9, 0.1, 0.8, 0.1] for a, _ in words],
                     dtype=np.float32)
    art = LabelledArticle(str(i), text, [("Doubt", 0, second - 2), ("Slogans", second, len(text) - 1)])
    return Scored(art, TokenProbs(Encoded(np.arange(len(words)), np.array(words)), probs), Decoder(LABELS))


def test_the_long_run_cut_is_kept_only_when_cross_validation_says_it_helps():
    from propscope.techniques.tuning import choose_cut

    items, fold_of = [_two_sentences(i) for i in range(6)], [i % 2 for i in range(6)]
    table, cut, per_fold, pred = choose_cut(items, fold_of, 2, chars=20, log=lambda *_: None)
    assert cut == 20 and table["cut_runs_over_20"]["kept"]
    assert table["cut_runs_over_20"]["flc"] > table["none"]["flc"]
    assert {technique for _, technique, _, _ in pred} == {"Doubt", "Slogans"}
    # no run is longer than 200 characters: the cut changes nothing, so it is not kept
    table, cut, _, pred = choose_cut(items, fold_of, 2, chars=200, log=lambda *_: None)
    assert cut is None and not table["cut_runs_over_200"]["kept"]
    assert {(start, end) for _, _, start, end in pred} == {(0, 44)}  # one run over both sentences


def test_growing_edges_is_kept_only_when_cross_validation_says_it_helps():
    from propscope.techniques.tuning import choose_extend

    def quiet(*_):
        return None

    fold_of = [i % 2 for i in range(6)]
    helped = [_article(i, [0.05, 0.6, 0.42, 0.05, 0.42]) for i in range(6)]
    current, _ = nested_cv(helped, fold_of, 2, Thresholds(), quiet)
    levers: dict = {}
    kept = choose_extend(helped, fold_of, 2, Thresholds(), current, levers, quiet)
    assert kept is not None and levers["extend_span_edges"]["kept"]
    assert all(p["si"] == 1.0 for p in kept[0]) and all(p["thresholds"]["span_extend"] for p in kept[0])
    # one threshold already finds every gold span: growing edges adds nothing, so it is left out
    plain = [_article(i, [0.1, 0.6, 0.6, 0.1, 0.1]) for i in range(6)]
    current, _ = nested_cv(plain, fold_of, 2, Thresholds(), quiet)
    assert choose_extend(plain, fold_of, 2, Thresholds(), current, levers, quiet) is None
    assert not levers["extend_span_edges"]["kept"]
