"""A smoke run of the training loop on a few PTC articles: it must produce a loadable artifact
with a model card and metrics. It trains for seconds, not a real model."""

import json

import pytest

pytestmark = pytest.mark.data


def test_train_writes_loadable_artifact_and_card(tmp_path):
    from propscope.pipeline import load_model
    from propscope.techniques.train import TrainOptions, retune, train

    out = tmp_path / "m"
    r = train(TrainOptions(name="smoke", epochs=1, limit_articles=4, folds=4, train_tokens=64, batch_size=8,
                           out_dir=str(out)))
    assert {"si", "flc", "tc"} <= set(r["validation"]) and r["train_articles"] == 3
    assert (out / "MODEL_CARD.md").read_text().startswith("# Model card: `smoke`")
    cfg = json.loads((out / "config.json").read_text())
    assert len(cfg["extra"]["val_articles"]) == 1 and {"span", "sentence"} <= set(r["calibration"])
    assert (out / "span_classifier.safetensors").exists() and r["span_classifier"]["spans"] > 0
    assert "weight_decay" in r["span_filter"] and "span_filter_threshold" in r["thresholds"]
    model = load_model(str(out))
    assert model.name.startswith("smoke-")
    a = model.analyze("The corrupt elites lie to you every single day.")
    a.validate()
    before = (out / "adapter.safetensors").read_bytes()
    retune(out)
    assert (out / "adapter.safetensors").read_bytes() == before  # re-tuning never touches weights
