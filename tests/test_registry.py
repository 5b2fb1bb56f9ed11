"""The model registry: names, versions over config and weights, the int8-means-CPU rule, one cache,
and the old import paths that still work."""

from __future__ import annotations

import json
import shutil

import pytest

from propscope import registry


@pytest.fixture()
def artifact(tiny_model, tmp_path):
    copy = tmp_path / "tiny"
    shutil.copytree(tiny_model, copy)
    return copy


def test_a_retuned_threshold_is_a_new_version_and_reformatting_is_not(artifact):
    before = registry.version_of(artifact)
    config = json.loads((artifact / "config.json").read_text())
    (artifact / "config.json").write_text(json.dumps(config))  # same values, other layout
    assert registry.version_of(artifact) == before
    config["span_threshold"] = 0.42
    (artifact / "config.json").write_text(json.dumps(config, indent=2))
    assert registry.version_of(artifact) != before and registry.version_of(artifact).startswith("tiny-")


def test_new_weights_are_a_new_version(artifact):
    import numpy as np
    from safetensors.numpy import save_file

    before = registry.version_of(artifact)
    save_file({"w": np.ones(3, dtype=np.float32)}, str(artifact / "span_classifier.safetensors"))
    assert registry.version_of(artifact) != before


def test_versions_say_int8_and_mapping(artifact):
    base = registry.version_of(artifact)
    assert registry.model_version(str(artifact)) == base
    assert registry.model_version(str(artifact), int8=True) == base + "-int8"
    assert registry.model_version(str(artifact), taxonomy="semeval2023") == base + "-mapped-semeval2023"
    assert registry.model_version(str(artifact), taxonomy="ptc14") == base  # its own taxonomy: no mapping


def test_a_taxonomy_without_mapping_is_a_clear_error(artifact, tmp_path, monkeypatch):
    folder = tmp_path / "tax"
    folder.mkdir()
    (folder / "toy.json").write_text(json.dumps({"techniques": [{"name": "T", "colour": "#ffe066"}]}))
    monkeypatch.setenv("PROPSCOPE_TAXONOMIES", str(folder))
    with pytest.raises(registry.ModelNotFound, match="no mapping from ptc14 to toy"):
        registry.model_version(str(artifact), taxonomy="toy")
    with pytest.raises(registry.tx.TaxonomyError, match="unknown taxonomy"):
        registry.model_version(str(artifact), taxonomy="nope")


def test_unknown_model_lists_the_choices():
    with pytest.raises(registry.ModelNotFound, match="available: accurate, fast"):
        registry.model_path("nonexistent")


def test_int8_means_the_cpu():
    assert registry.device_for(True, "cuda") == "cpu"
    assert registry.device_for(False, "cuda") == "cuda" and registry.device_for(False) is None


def test_one_cache_keyed_on_the_version(artifact):
    from propscope import batch

    first = registry.load_model(str(artifact))
    assert registry.load_model(str(artifact)) is first
    assert batch._model(str(artifact)) is first  # batch workers use the same cache
    mapped = registry.load_model(str(artifact), taxonomy="semeval2023")
    assert mapped.model is first and mapped.name == first.name + "-mapped-semeval2023"
    config = json.loads((artifact / "config.json").read_text())
    config["technique_threshold"] = 0.11
    (artifact / "config.json").write_text(json.dumps(config))
    reloaded = registry.load_model(str(artifact))
    assert reloaded is not first and reloaded.config.technique_threshold == 0.11


def test_model_taxonomy_comes_from_the_config(artifact):
    assert registry.model_taxonomy(str(artifact)) == "ptc14"  # older artifacts name none
    config = json.loads((artifact / "config.json").read_text())
    (artifact / "config.json").write_text(json.dumps({**config, "taxonomy": "semeval2023"}))
    assert registry.model_taxonomy(str(artifact)) == "semeval2023"
    assert registry.model_version(str(artifact), taxonomy="semeval2023").endswith(tuple("0123456789abcdef"))
    assert registry.load_model(str(artifact)).analyze("Some text here.").taxonomy == "semeval2023"


def test_old_import_paths_still_work():
    from propscope import pipeline
    from propscope.techniques import tagger

    assert tagger.version_of is registry.version_of and tagger.models_dir is registry.models_dir
    assert pipeline.load_model is registry.load_model and pipeline.model_version is registry.model_version
    assert tagger.INT8_SUFFIX == "-int8"


def test_a_folder_that_is_not_a_model_is_named_as_such(tmp_path):
    """--model pointing at a folder without config.json said "no model named '<folder>'" and listed
    the installed names, as if the path had been taken for a name."""
    from propscope.registry import ModelNotFound, model_path

    folder = tmp_path / "my-run"
    folder.mkdir()
    with pytest.raises(ModelNotFound, match="is a folder but not a model: a model folder holds config.json"):
        model_path(str(folder))
    with pytest.raises(ModelNotFound, match="no model named 'no-such-model'"):
        model_path("no-such-model")
