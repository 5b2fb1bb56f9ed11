"""Shared fixtures. ``tiny_model`` is an untrained artifact on the MiniLM base: it exercises
loading, windowing and decoding without training anything."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason=f"needs the labelled corpora at {DATA} (present in CI, not in a bare clone)")
    for item in items:
        if "data" in item.keywords and not (DATA / "ptc_semeval2020_task11").is_dir():
            item.add_marker(skip)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    import torch
    from safetensors.torch import save_file

    from propscope.taxonomy import PTC14_NAMES
    from propscope.techniques.tagger import TaggerConfig, build_net, trainable_state

    torch.manual_seed(0)
    out = tmp_path_factory.mktemp("tiny-model")
    config = TaggerConfig(name="tiny", base="minilm", labels=list(PTC14_NAMES), max_tokens=64, overlap=16,
                          span_threshold=0.5)
    _, net = build_net(config)
    with torch.no_grad():
        net.head.weight.normal_(0, 0.5)
        net.head.bias.zero_()
    config.save(out / "config.json")
    save_file(trainable_state(net), str(out / "adapter.safetensors"))
    return out


@pytest.fixture(scope="session")
def tiny_tagger(tiny_model):
    from propscope.pipeline import load_model

    return load_model(str(tiny_model))


@pytest.fixture()
def sample_text() -> str:
    return (Path(__file__).resolve().parents[1] / "samples" / "sample_article.txt").read_text(encoding="utf-8")
