"""Shared fixtures. ``tiny_model`` is an untrained artifact on the MiniLM base: it exercises
loading, windowing and decoding without training anything."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason=f"needs the labelled corpora at {DATA} (present in CI, not in a bare clone)")
    for item in items:
        if "data" in item.keywords and not (DATA / "ptc_semeval2020_task11").is_dir():
            item.add_marker(skip)


def _pg_url() -> str | None:
    return os.environ.get("PROPSCOPE_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh empty database: a SQLite file, and PostgreSQL when $PROPSCOPE_TEST_PG names a
    server (.ci/run starts one; see scripts/pg-test-server.sh)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = _pg_url()
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL: set PROPSCOPE_TEST_PG (scripts/pg-test-server.sh)")
        pytest.skip("no PostgreSQL server: run `eval \"$(scripts/pg-test-server.sh)\"` to test it")
    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    yield url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


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
