"""The SemEval-2023 paragraph head: fitting, thresholds, the artifact file, how it decides the
spans of a mapped analysis, and (with the shared data) a training run that ships one."""

import json
import shutil

import numpy as np
import pytest

from propscope import registry
from propscope.document import Analysis, Article, Span
from propscope.paragraphs import paragraph_labels, paragraphs
from propscope.techniques import paragraph_head as ph


def _planted(n: int = 600, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Features where class 0 follows feature 0, class 1 features 1 and 2, class 2 is noise."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 8)) * np.array([1, 1, 1, 3, 1, 1, 1, 5]) + 2
    y = np.stack([x[:, 0] > 2.5, x[:, 1] + x[:, 2] > 4.5, rng.random(n) < 0.05], axis=1).astype(float)
    return x, y


def test_fit_learns_a_planted_signal_and_survives_save_and_load(tmp_path):
    x, y = _planted()
    head = ph.fit_heads(x[:400], y[:400], 1e-3, ["A", "B", "C"])
    probs = head.predict(x[400:])
    assert probs.shape == (200, 3) and ((probs >= 0) & (probs <= 1)).all()
    for j in (0, 1):  # learnt: right on held-out rows far more often than the base rate allows
        assert ((probs[:, j] >= 0.5) == (y[400:, j] > 0)).mean() > 0.9
    head.thresholds = np.array([0.3, 0.4, 1.01])
    head.save(tmp_path)
    assert (tmp_path / ph.FILE).stat().st_size < 2000  # a few hundred floats: small enough to ship
    loaded = ph.ParagraphHead.load(tmp_path)
    assert loaded.classes == ["A", "B", "C"] and loaded.taxonomy == "semeval2023"
    assert np.array_equal(loaded.thresholds, head.thresholds)
    assert np.array_equal(loaded.predict(x[400:]), probs)
    assert ph.ParagraphHead.load(tmp_path / "none") is None


def test_tune_finds_each_techniques_threshold_and_turns_off_a_useless_one():
    y = np.array([[1, 0], [1, 0], [0, 0], [0, 1], [0, 0], [1, 0]], dtype=float)
    probs = np.array([[0.62, 0.5], [0.58, 0.6], [0.31, 0.9], [0.3, 0.1], [0.2, 0.65], [0.66, 0.55]])
    th = ph.tune(probs, y)
    assert 0.31 < th[0] <= 0.58  # separates class 0 exactly
    assert th[1] > 1  # class 1's only positive scores lowest: predicting it only adds false positives
    assert ph.micro_f1(probs, y, th) == 6 / 7 > ph.micro_f1(probs, y, np.full(2, 0.5))  # only the one miss


def test_nested_predictions_see_no_labels_of_their_own_fold():
    x, y = _planted(450)
    fold_of = np.arange(450) % 3
    articles = np.array([f"a{k // 5}" for k in range(450)])
    pred, chosen = ph.nested_predictions(x, y, fold_of, articles)
    assert len(chosen) == 3 and set(chosen) <= set(ph.WEIGHT_DECAYS)
    assert ph.micro_f1(pred.astype(float), y, np.full(3, 0.5)) > 0.8
    # a fold's predictions do not change when its own labels are scrambled
    y2 = y.copy()
    y2[fold_of == 0] = 1 - y2[fold_of == 0]
    assert np.array_equal(ph.nested_predictions(x, y2, fold_of, articles)[0][fold_of == 0], pred[fold_of == 0])


def test_span_thresholds_route_scores_paragraphs_by_their_best_span_and_tunes_out_of_fold():
    from types import SimpleNamespace as S

    spans = [S(start=0, end=10, technique="A", score=0.3), S(start=5, end=20, technique="A", score=0.6),
             S(start=30, end=40, technique="B", score=0.9), S(start=12, end=18, technique="Z", score=0.99)]
    assert ph.span_scores(spans, 8, 25, ["A", "B"]).tolist() == [0.6, 0.0]  # the best overlapping span; B ends before
    assert ph.span_scores(spans, 40, 50, ["A", "B"]).tolist() == [0.0, 0.0]  # touching is not overlapping
    # the low decoding: the lowest value of each tuning grid, other settings kept
    from propscope.techniques.decode import Thresholds
    from propscope.techniques.tuning import FILTER_GRID, SPAN_GRID

    low = ph.low_thresholds(Thresholds(span=0.4, technique=0.3, technique_span=None, span_filter=0.4,
                                       levers=("trim_and_quote",)))
    assert (low.span, low.span_filter, low.levers) == (min(SPAN_GRID), min(FILTER_GRID), ("trim_and_quote",))
    assert low.technique < 0.3 and low.technique_span is not None
    # fold f's labels come from thresholds tuned on the other folds: scrambling its gold changes nothing
    rng = np.random.default_rng(1)
    y = (rng.random((300, 2)) < 0.3).astype(float)
    scores = np.clip(y * 0.4 + rng.random((300, 2)) * 0.5, 0, 1)
    fold_of = np.arange(300) % 3
    pred = ph.nested_threshold_predictions(scores, y, fold_of)
    assert ph.micro_f1(pred.astype(float), y, np.full(2, 0.5)) > 0.7
    y2 = y.copy()
    y2[fold_of == 1] = 1 - y2[fold_of == 1]
    assert np.array_equal(ph.nested_threshold_predictions(scores, y2, fold_of)[fold_of == 1], pred[fold_of == 1])


def test_paragraph_features_are_the_shipped_spans_techniques_then_the_low_decodings_best_scores():
    from types import SimpleNamespace as S

    shipped = [S(start=0, end=10, technique="B", score=0.7)]
    low = [*shipped, S(start=5, end=12, technique="A", score=0.2), S(start=2, end=4, technique="A", score=0.35),
           S(start=20, end=30, technique="C", score=0.9)]
    assert ph.paragraph_features(shipped, low, 0, 15, ["A", "B", "C"]).tolist() == [0, 1, 0, 0.35, 0.7, 0]
    assert ph.paragraph_features(shipped, low, 12, 25, ["A", "B", "C"]).tolist() == [0, 0, 0, 0, 0, 0.9]
    # a head over these features decides every non-blank paragraph, spans or not
    text = "One two three.\n\n\nFour five six seven.\n"
    head = ph.ParagraphHead(["A", "B", "C"], np.zeros(6), np.ones(6), np.eye(3, 6, 3, dtype=np.float32) * 10,
                            np.full(3, -2.0, dtype=np.float32), np.full(3, 0.5))
    rows = ph.paragraph_probs(text, head, shipped, low)
    assert [(s, e) for s, e, _ in rows] == [(0, 14), (17, 37)]
    assert [(p >= 0.5).tolist() for _, _, p in rows] == [[True, True, False], [False, False, True]]


def test_the_card_shows_the_span_thresholds_row_when_the_report_has_it():
    from propscope.techniques.model_card import semeval2023_section

    def scored(micro: float, folds: list[float]) -> dict:
        return {"micro_f1": micro, "macro_f1": micro / 2, "micro": {"mean": float(np.mean(folds)), "stdev": 0.01,
                                                                     "folds": folds},
                "per_technique": {"Doubt": {"f1": micro, "precision": 0.5, "recall": 0.5, "gold": 3, "predicted": 4}}}

    report = {"paragraphs": 10, "articles": 2, "folds": 3, "source": "mapped spans",
              **{k: scored(0.3, [0.3, 0.3, 0.3]) for k in ("head", "mapped_spans", "trivial")},
              "span_thresholds": scored(0.3981, [0.4113, 0.3992, 0.3849])}
    card = "\n".join(semeval2023_section(report))
    row = next(line for line in card.splitlines() if line.startswith("| spans mapped from PTC-14, decoded"))
    assert "| 0.3981 | 0.1991 |" in row and row.endswith("| 0.4113 / 0.3992 / 0.3849 |")
    assert "decoded at the lowest span" in card  # the route is explained beside its row
    del report["span_thresholds"]  # a report from before the route: no row, no explanation
    card = "\n".join(semeval2023_section(report))
    assert "| spans mapped from PTC-14, decoded" not in card and "decoded at the lowest span" not in card


def test_inner_groups_split_a_single_fold_by_article():
    fold_of = np.zeros(6, dtype=int)
    articles = np.array(["a", "a", "b", "c", "c", "d"])
    groups = ph.inner_groups(fold_of, articles)
    assert set(groups) == {0, 1} and groups[0] == groups[1] and groups[3] == groups[4]
    assert np.array_equal(ph.inner_groups(np.array([0, 2, 2]), articles[:3]), [0, 2, 2])


def test_the_head_ships_only_when_it_beats_the_spans_on_every_fold():
    assert ph.beats([0.40, 0.39, 0.38], [0.39, 0.38, 0.37])
    assert not ph.beats([0.3984, 0.3872, 0.3514], [0.3602, 0.3880, 0.3768])  # runs/accurate: better pooled, not per fold
    assert not ph.beats([0.381, 0.381], [0.380, 0.380])  # below the smallest gain that counts


TEXT = "Our brave nation wins.\n\n  They are traitors and liars, always.  \nNothing here.\n"


def _analysis() -> Analysis:
    spans = [Span(0, 22, "Flag_Waving", 0.7, TEXT[0:22]),
             Span(6, 16, "Loaded_Language", 0.6, TEXT[6:16]),
             Span(11, 35, "Doubt", 0.5, TEXT[11:35]),  # crosses into the second paragraph
             Span(35, 43, "Name_Calling-Labeling", 0.8, TEXT[35:43])]
    return Analysis(Article("1", TEXT), spans, [], 0.5, "m-mapped-semeval2023", taxonomy="semeval2023")


def test_apply_drops_spans_the_head_rejects_and_covers_paragraphs_it_labels_alone():
    paras = [(s, e) for _, s, e in paragraphs(TEXT)]
    decided = [(*paras[0], {"Flag_Waving": 0.8, "Doubt": 0.6}),
               (*paras[1], {"Name_Calling-Labeling": 0.9, "Slogans": 0.55}),
               (*paras[2], {})]
    out = ph.apply(_analysis(), decided)
    out.validate()
    got = {(s.technique, s.start, s.end) for s in out.spans}
    assert ("Loaded_Language", 6, 16) not in got  # the head does not give paragraph 1 Loaded_Language
    assert ("Doubt", 11, 35) not in got  # Doubt was not decided for paragraph 2, which the span overlaps
    assert ("Flag_Waving", 0, 22) in got and ("Name_Calling-Labeling", 35, 43) in got  # agreed: kept
    doubt = next(s for s in out.spans if s.technique == "Doubt")  # decided without a kept span: the paragraph
    assert (doubt.start, doubt.end, doubt.score) == (0, 22, 0.6)
    slogans = next(s for s in out.spans if s.technique == "Slogans")
    assert slogans.text == "They are traitors and liars, always." and slogans.score == 0.55  # whitespace trimmed
    assert [(n, sorted(ts)) for n, ts in paragraph_labels(TEXT, out.spans)] == [
        (1, ["Doubt", "Flag_Waving"]), (3, ["Name_Calling-Labeling", "Slogans"]), (4, [])]  # the decisions, exactly
    assert out.notes == [ph.NOTE] and out.sentences == [] and out.model == "m-mapped-semeval2023"


def _head_for(tiny_model, bias: dict[str, float]) -> ph.ParagraphHead:
    """A head for ``tiny_model``'s features that ignores them: each class's probability is fixed."""
    from propscope import taxonomy

    classes = list(taxonomy.load("semeval2023").names)
    n = 2 * len(classes)  # the mapped spans' techniques, the low-threshold spans' best scores
    return ph.ParagraphHead(classes, np.zeros(n), np.ones(n), np.zeros((len(classes), n), dtype=np.float32),
                            np.array([bias.get(c, -6.0) for c in classes], dtype=np.float32), np.full(len(classes), 0.5))


def test_a_shipped_head_decides_mapped_analyses_and_changes_the_version(tiny_model, tmp_path):
    from click.testing import CliRunner

    from propscope.cli import main

    artifact = tmp_path / "with-head"
    shutil.copytree(tiny_model, artifact)
    before = registry.model_version(str(artifact), taxonomy="semeval2023")
    _head_for(tiny_model, {"Flag_Waving": 6.0}).save(artifact)
    after = registry.model_version(str(artifact), taxonomy="semeval2023")
    assert after != before and after.endswith("-mapped-semeval2023")
    model = registry.load_model(str(artifact), taxonomy="semeval2023")
    assert model.paragraph_head is not None
    assert registry.load_model(str(artifact)).analyze(TEXT).spans == registry.load_model(str(tiny_model)).analyze(
        TEXT).spans  # its own taxonomy: the head plays no part
    a = model.analyze(Article("7", TEXT))
    a.validate()
    assert {s.technique for s in a.spans} == {"Flag_Waving"} and ph.NOTE in a.notes
    assert [n for n, ts in paragraph_labels(TEXT, a.spans) if ts == ["Flag_Waving"]] == [1, 3, 4]
    path = tmp_path / "article7.txt"
    path.write_text(TEXT)
    r = CliRunner().invoke(main, ["analyze", str(path), "--model", str(artifact), "--taxonomy", "semeval2023",
                                  "--format", "paragraphs"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["7\t1\tFlag_Waving", "7\t3\tFlag_Waving", "7\t4\tFlag_Waving"]
    assert "judged per paragraph" in r.stderr  # the note, beside the rows


def test_token_maxima_are_each_columns_highest_probability_inside_the_paragraph():
    from types import SimpleNamespace as S

    offsets = np.array([[0, 3], [4, 9], [10, 14], [16, 20], [20, 20]])  # the last: a special token, no characters
    probs = np.array([[0.1, 0.2], [0.7, 0.1], [0.3, 0.6], [0.9, 0.9], [1.0, 1.0]])
    tp = S(encoded=S(offsets=offsets), probs=probs)
    assert ph.token_maxima(tp, 0, 14).tolist() == [0.7, 0.6]  # tokens 0-2 only
    assert ph.token_maxima(tp, 4, 9).tolist() == [0.7, 0.1]
    assert ph.token_maxima(tp, 5, 12).tolist() == [0.0, 0.0]  # no token wholly inside


def test_a_head_that_reads_token_maxima_says_so_in_its_file_and_needs_the_probabilities(tiny_model, tmp_path):
    artifact = tmp_path / "maxima"
    shutil.copytree(tiny_model, artifact)
    model = registry.load_model(str(tiny_model))
    columns = 1 + len(model.labels)
    head = _head_for(tiny_model, {"Flag_Waving": -6.0})
    n = len(head.mean)
    # Flag_Waving follows the "any technique" column's maximum in the paragraph, and nothing else
    weight = np.zeros((len(head.classes), n + columns), dtype=np.float32)
    weight[head.classes.index("Flag_Waving"), n] = 60.0
    head = ph.ParagraphHead(head.classes, np.zeros(n + columns), np.ones(n + columns), weight,
                            np.full(len(head.classes), -30.0, dtype=np.float32), head.thresholds, token_maxima=True)
    head.save(artifact)
    assert ph.ParagraphHead.load(artifact).token_maxima and not _head_for(tiny_model, {}).token_maxima
    mapped = registry.load_model(str(artifact), taxonomy="semeval2023")
    tp = mapped.token_probs([TEXT])[0]
    with pytest.raises(ValueError, match="token probabilities"):
        ph.paragraph_probs(TEXT, head, [], [])
    rows = ph.paragraph_probs(TEXT, head, [], [], tp)
    lowest, second = sorted({float(ph.token_maxima(tp, s, e)[0]) for s, e, _ in rows})[:2]
    cut = (lowest + second) / 2  # some paragraphs above it, some below
    weight[head.classes.index("Flag_Waving"), n], head.bias[head.classes.index("Flag_Waving")] = 60.0, -60.0 * cut
    head.save(artifact)
    rows = ph.paragraph_probs(TEXT, head, [], [], tp)
    expected = [ph.token_maxima(tp, s, e)[0] > cut for s, e, _ in rows]
    assert any(expected) and not all(expected)
    assert [p[head.classes.index("Flag_Waving")] >= 0.5 for _, _, p in rows] == expected
    a = mapped.analyze(Article("9", TEXT))  # the registry hands the head the text's probabilities
    labelled = [n for n, ts in paragraph_labels(TEXT, a.spans) if "Flag_Waving" in ts]
    assert labelled == [n for (n, _, _), on in zip(paragraphs(TEXT), expected) if on]


def test_a_head_of_another_taxonomy_is_not_used(tiny_model, tmp_path):
    artifact = tmp_path / "other"
    shutil.copytree(tiny_model, artifact)
    head = _head_for(tiny_model, {})
    head.taxonomy = "toy"
    head.save(artifact)
    assert registry.load_model(str(artifact), taxonomy="semeval2023").paragraph_head is None


@pytest.mark.data
def test_fit_for_run_ships_a_head_that_analyze_uses(tmp_path):
    from click.testing import CliRunner

    from propscope.cli import main
    from propscope.techniques.decode import Thresholds
    from propscope.techniques.training import resume_options
    from propscope.techniques.tuning import RunData
    from test_training import SMALL

    run = tmp_path / "run"
    r = CliRunner().invoke(main, ["train", *SMALL, "--epochs", "1", "--out", str(run)])
    assert r.exit_code == 0, r.output
    metrics = json.loads((run / "model" / "metrics.json").read_text())
    report = metrics["semeval2023"]
    assert len(report["head"]["micro"]["folds"]) == 2 and report["paragraphs"] > 20
    assert {"mapped_spans", "span_thresholds", "trivial", "mapped_gold_spans"} <= set(report)
    # mapped gold PTC spans bound the mapped route from above (SemEval-2023 English is PTC relabelled)
    assert report["mapped_gold_spans"]["micro_f1"] > max(report["mapped_spans"]["micro_f1"], 0.9)
    assert report["not_aligned"] == 0
    assert (run / "model" / ph.FILE).exists() == (report["source"] == "paragraph head")
    assert "## SemEval-2023 paragraph head" in (run / "model" / "MODEL_CARD.md").read_text()
    # ship one whatever the spans score, to a copy of the artifact, and analyse with it
    artifact = tmp_path / "artifact"
    shutil.copytree(run / "model", artifact)
    opts = resume_options(run)
    report = ph.fit_for_run(run, opts, RunData(opts), out=artifact, always=True)
    head = ph.ParagraphHead.load(artifact)
    assert report["source"] == "paragraph head" and head.classes == list(report["head"]["per_technique"])
    # the head reads the token-head maxima exactly when they beat it without them on every fold
    other = "head_without_token_maxima" if report["token_maxima"] else "head_with_token_maxima"
    assert head.token_maxima == report["token_maxima"] and len(report[other]["micro"]["folds"]) == 2
    assert len(head.mean) == 2 * len(head.classes) + (15 if head.token_maxima else 0)
    text = ("The corrupt elites lie to you every single day.\n\nWe must stand together for our great nation!\n"
            "Experts say the plan will destroy everything we love.\n")
    model = registry.load_model(str(artifact), taxonomy="semeval2023")
    tp = model.token_probs([text])[0]
    low = model.mapping.spans(model.decoder.decode(text, tp, ph.low_thresholds(Thresholds.from_config(model.config))))
    mapped = registry.map_analysis(model.model.analyze(text), model.mapping, model.name).spans
    expected = [sorted(c for c, p, t in zip(head.classes, probs, head.thresholds) if p >= t)
                for _, _, probs in ph.paragraph_probs(text, head, mapped, low, tp)]
    path = tmp_path / "article5.txt"
    path.write_text(text)
    r = CliRunner().invoke(main, ["analyze", str(path), "--model", str(artifact), "--taxonomy", "semeval2023",
                                  "--format", "paragraphs"])
    assert r.exit_code == 0, r.output
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    assert [sorted(filter(None, row[2].split(","))) for row in rows] == expected


@pytest.mark.data
def test_an_untuned_run_gets_no_head_and_is_told_how_to_tune(tmp_path):
    from propscope.techniques.training import RunOptions

    lines: list[str] = []
    opts = RunOptions(out_dir=str(tmp_path), folds=3)
    assert ph.cross_validate(tmp_path, opts, data=None, log=lines.append) is None  # nothing decoded, nothing loaded
    assert lines == [f"semeval2023 paragraph head: skipped ({tmp_path} is not tuned yet: "
                     f"`propscope train --resume {tmp_path}`)"]
