"""The paragraph n-gram model (``techniques.ngram``): trained on a toy SemEval-2023-shaped corpus
whose techniques follow keywords, it must find them out of fold, beat the trivial baseline, load
through the registry and label the paragraphs of texts the span taggers cannot read."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from propscope import registry
from propscope.cli import main
from propscope.document import Article
from propscope.techniques import ngram
from propscope.techniques.corpus import load_semeval2023_paragraphs

NEUTRAL = ["Le conseil municipal s'est réuni mardi soir pour examiner le budget de l'année prochaine.",
           "Selon les chiffres publiés hier, la production industrielle a légèrement augmenté en octobre.",
           "Les travaux de la nouvelle ligne de tramway devraient s'achever au printemps.",
           "Le ministre a rencontré ses homologues européens à Bruxelles pour parler d'agriculture.",
           "La météo annonce des pluies modérées sur la moitié nord du pays ce week-end."]
CUES = {"Name_Calling-Labeling": "Ces traîtres corrompus et ces bouffons de ministres se moquent de vous.",
        "Appeal_to_Fear-Prejudice": "Si rien ne change, une catastrophe terrifiante détruira nos familles et nos enfants.",
        "Doubt": "Peut-on vraiment croire ces prétendus experts qui n'ont jamais rien prouvé ?"}


def _corpus(root: Path, articles: int = 18, seed: int = 0) -> Path:
    """``root/semeval2023_task3/data/fr``: articles of neutral and cue paragraphs, the official
    rows labelling each cue paragraph with its technique."""
    rng = random.Random(seed)
    lang = root / "semeval2023_task3" / "data" / "fr"
    (lang / "train-articles-subtask-3").mkdir(parents=True)
    rows = []
    for a in range(articles):
        lines = ["Un titre sans histoire", ""]
        for _ in range(6):
            if rng.random() < 0.5:
                tech = rng.choice(sorted(CUES))
                lines.append(f"{rng.choice(NEUTRAL)} {CUES[tech]}")
            else:
                tech = ""
                lines.append(rng.choice(NEUTRAL))
            rows.append(f"{100 + a}\t{len(lines)}\t{tech}")
        rows.insert(len(rows) - 6, f"{100 + a}\t1\t")
        (lang / "train-articles-subtask-3" / f"article{100 + a}.txt").write_bytes("\r\n".join(lines).encode())
    (lang / "train-labels-subtask-3.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, dict]:
    root = _corpus(tmp_path_factory.mktemp("data"))
    out = tmp_path_factory.mktemp("models") / "ngram"
    metrics = ngram.train(out, ["fr"], data_dir=root, folds=3, seed=13, log=lambda m: None)
    return out, metrics


def test_reads_the_official_rows_with_their_lines(tmp_path):
    rows = load_semeval2023_paragraphs("fr", _corpus(tmp_path, articles=2))
    assert len(rows) == 14 and rows[0].line_no == 1 and rows[0].text == "Un titre sans histoire\r"
    assert all(r.techniques == [] or r.techniques[0] in CUES for r in rows)
    with pytest.raises(ValueError, match="no SemEval-2023 data for language 'es'"):
        load_semeval2023_paragraphs("es", tmp_path)


def test_cross_validation_finds_the_cues_and_beats_the_trivial_baseline(trained):
    out, metrics = trained
    fr = metrics["languages"]["fr"]
    assert fr["model"]["micro_f1"] > 0.9 and all(f > 0.8 for f in fr["model"]["micro"]["folds"])
    assert fr["trivial"]["micro_f1"] < 0.6
    assert {p.name for p in out.iterdir()} == {"config.json", "fr.safetensors", "metrics.json", "MODEL_CARD.md"}
    card = (out / "MODEL_CARD.md").read_text()
    assert "| French | 18 |" in card and f"{fr['model']['micro_f1']:.3f}" in card


def test_the_artifact_labels_whole_paragraphs_with_probabilities(trained):
    out, _ = trained
    model = registry.load_model(str(out))
    text = ("Titre\n\n" + NEUTRAL[0] + "\n\n" + NEUTRAL[1] + " " + CUES["Doubt"] + "  \n"
            + CUES["Name_Calling-Labeling"])
    a = model.analyze_batch([Article("x", text)])[0]
    assert a.taxonomy == "semeval2023" and a.language == "fr" and ngram.NOTE in a.notes
    assert a.model == registry.model_version(str(out)) and a.model.startswith("ngram-")
    by_tech = {s.technique: s for s in a.spans}
    assert set(by_tech) == {"Doubt", "Name_Calling-Labeling"}
    doubt = by_tech["Doubt"]
    assert text[doubt.start : doubt.end] == NEUTRAL[1] + " " + CUES["Doubt"]  # the paragraph, trailing spaces trimmed
    threshold = model.model_for("fr").thresholds[model.classes.index("Doubt")]
    assert threshold <= doubt.score < 1 and doubt.text == text[doubt.start : doubt.end]
    assert [(s.start, s.end) for s in a.sentences] == [(0, 5), (7, 7 + len(NEUTRAL[0])), (doubt.start, doubt.end),
                                                        (by_tech["Name_Calling-Labeling"].start, len(text))]
    assert a.sentences[1].score < a.sentences[2].score and 0 < a.score < 1  # paragraph scores: any technique


def test_saved_weights_give_the_fitted_probabilities(trained, tmp_path):
    rows = load_semeval2023_paragraphs("fr", _corpus(tmp_path, articles=6, seed=1))
    model = ngram.fit(rows, sorted(CUES), 4.0)
    model.save(tmp_path / "fr.safetensors")
    again = ngram.NgramClassifier.load(tmp_path / "fr.safetensors", sorted(CUES))
    texts = [r.text for r in rows]
    assert again.vocabulary == model.vocabulary
    assert abs(again.probs(texts) - model.probs(texts)).max() < 1e-3  # weights are stored in float16


def test_empty_text_and_languages_it_lacks(trained):
    out, _ = trained
    model = registry.load_model(str(out))
    empty = model.analyze(Article("e", ""), "fr")
    assert empty.spans == [] and empty.sentences == [] and empty.score == 0.0
    with pytest.raises(ValueError, match="has no 'es' model; it has fr"):
        model.analyze(Article("s", "hola"), "es")


def test_no_int8_or_bf16_for_a_model_without_an_encoder(trained):
    out, _ = trained
    for kwargs in ({"int8": True}, {"bf16": True}):
        with pytest.raises(registry.NotOffered, match="has no encoder"):
            registry.load_model(str(out), **kwargs)


def test_the_pipeline_sends_it_the_languages_it_reads_and_points_english_models_to_it(trained, monkeypatch):
    from propscope.pipeline import analyze_batch

    out, _ = trained
    fr = f"{NEUTRAL[2]} {CUES['Appeal_to_Fear-Prejudice']}"
    de = "Die Regierung belügt uns seit Jahren, und die Medien schweigen dazu, sagte der Minister am Montag."
    got = analyze_batch([Article("fr", fr), Article("de", de)], registry.load_model(str(out)))
    assert [s.technique for s in got[0].spans] == ["Appeal_to_Fear-Prejudice"]
    assert got[1].spans == [] and "only in French" in got[1].notes[0] and "German (de)" in got[1].notes[0]

    monkeypatch.setenv("PROPSCOPE_MODELS", str(out.parent))
    assert registry.models_for_language("fr") == ["ngram"] and registry.models_for_language("de") == []

    class English:
        name, timings, device, taxonomy = "english-1", {}, None, "ptc14"

        def analyze_batch(self, items):
            raise AssertionError("a French text reached an English model")

    note = analyze_batch([Article("fr", fr)], English())[0].notes[0]
    assert note.endswith("for French, the ngram model gives paragraph labels (`--model ngram`)")


def test_cli_analyze_prints_paragraph_rows(trained, tmp_path):
    out, _ = trained
    path = tmp_path / "article7.txt"
    path.write_text(f"Titre\n\n{NEUTRAL[3]}\n{NEUTRAL[4]} {CUES['Doubt']}\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["analyze", str(path), "--model", str(out), "--format", "paragraphs"])
    assert r.exit_code == 0, r.output
    assert r.stdout == "7\t1\t\n7\t3\t\n7\t4\tDoubt\n"
    r = CliRunner().invoke(main, ["analyze", str(path), "--model", str(out), "--int8"])
    assert r.exit_code == 1 and "has no encoder" in r.stderr and "Traceback" not in r.output


def test_cli_train_ngram(tmp_path):
    root = _corpus(tmp_path / "data", articles=9)
    r = CliRunner().invoke(main, ["train-ngram", "--data", str(root), "--out", str(tmp_path / "m"), "--language", "fr",
                                  "--folds", "0"])
    assert r.exit_code == 0, r.output
    config = json.loads((tmp_path / "m" / "config.json").read_text())
    assert config["kind"] == ngram.KIND and config["languages"] == ["fr"] and config["taxonomy"] == "semeval2023"
    r = CliRunner().invoke(main, ["train-ngram", "--data", str(root), "--language", "fr", "--limit-articles", "3",
                                  "--out", str(tmp_path / "few")])
    assert r.exit_code == 1 and "fr: 3 articles are too few" in r.stderr and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["train-ngram", "--data", str(root), "--language", "es"])
    assert r.exit_code == 2 and "no SemEval-2023 data for language 'es'" in r.stderr
    r = CliRunner().invoke(main, ["train-ngram", "--data", str(root), "--language", "de", "--out", str(tmp_path / "d")])
    assert r.exit_code == 1 and "SemEval-2023 de training data not found" in r.stderr and "Traceback" not in r.output


def test_models_lists_it_and_span_commands_refuse_it(trained, tmp_path, monkeypatch):
    out, _ = trained
    monkeypatch.setenv("PROPSCOPE_MODELS", str(out.parent))
    r = CliRunner().invoke(main, ["models"])
    assert r.exit_code == 0 and r.stdout == (
        "ngram: paragraph labels from character n-grams, 23 techniques (semeval2023); French\n")
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "article1.txt").write_text(NEUTRAL[0], encoding="utf-8")
    (tmp_path / "spans.txt").write_text("1\t?\t0\t10\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["classify-spans", str(tmp_path / "arts"), str(tmp_path / "spans.txt"),
                                  "--model", "ngram"])
    assert r.exit_code == 1 and "needs a span model" in r.stderr and "Traceback" not in r.output


def test_the_web_app_serves_it_in_its_taxonomy(trained, tmp_path):
    from fastapi.testclient import TestClient

    from propscope.web.app import create_app

    out, _ = trained
    text = f"Titre\n\n{NEUTRAL[0]}\n\n{NEUTRAL[1]} {CUES['Name_Calling-Labeling']}\n"
    with TestClient(create_app(db=f"sqlite:///{tmp_path / 'w.db'}", model=str(out))) as client:
        a = client.post("/api/analyze", json={"text": text, "title": "Un essai"}).json()
        assert a["taxonomy"] == "semeval2023" and a["language"] == "fr"
        assert [s["technique"] for s in a["spans"]] == ["Name_Calling-Labeling"]
        assert len(client.get("/api/techniques").json()) == 23  # the served model's taxonomy
        page = client.get(f"/articles/{a['id']}").text
        assert "character n-grams" in page and "Name calling" in page  # the note, and the display name


@pytest.mark.data
@pytest.mark.parametrize("lang", ["fr", "de", "it", "pl", "ru", "en"])
def test_the_shipped_model_labels_its_training_paragraphs_through_evaluate(lang):
    """The shipped artifact end to end (language detection, paragraphs, the rows `evaluate`
    scores) on the paragraphs it was fitted on: far above the trivial baseline there, which
    a vocabulary out of order, a wrong idf or a language mix-up would not be."""
    from propscope.techniques.corpus import DEFAULT_DATA, SEMEVAL2023, SEMEVAL2023_LANGUAGES

    root = DEFAULT_DATA / SEMEVAL2023 / SEMEVAL2023_LANGUAGES[lang]
    r = CliRunner().invoke(main, ["evaluate", "--taxonomy", "semeval2023", "--model", "ngram", "--format", "json",
                                  "--gold", str(root / "train-labels-subtask-3.txt"),
                                  "--articles", str(root / "train-articles-subtask-3")])
    assert r.exit_code == 0, r.output
    shipped = json.loads((registry.model_path("ngram") / "metrics.json").read_text())["languages"][lang]
    assert json.loads(r.stdout)["micro_f1"] > shipped["trivial"]["micro_f1"] + 0.15
