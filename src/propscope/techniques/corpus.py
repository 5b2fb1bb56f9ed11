"""The labelled corpora in ``../shared/data``, read from a path (never copied into the project)."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

from ..ptc import read_articles_dir, read_labels
from ..taxonomy import PTC14_NAMES

DEFAULT_DATA = Path(os.environ.get("PROPSCOPE_DATA") or Path(__file__).resolve().parents[3].parent / "shared" / "data")
PTC_DIR = "ptc_semeval2020_task11"


@dataclass
class LabelledArticle:
    id: str
    text: str
    spans: list[tuple[str, int, int]]  # (technique, start, end)


def load_ptc_train(data_dir: str | Path = DEFAULT_DATA) -> list[LabelledArticle]:
    """PTC v2 train articles with their technique spans (14 classes)."""
    root = Path(data_dir) / PTC_DIR
    if not root.is_dir():
        raise FileNotFoundError(f"PTC training data not found at {root}: pass --data DIR (the shared/data folder)")
    texts = read_articles_dir(root / "train-articles")
    by_article: dict[str, list[tuple[str, int, int]]] = {k: [] for k in texts}
    for art, tech, s, e in read_labels(root / "train-task-flc-tc.labels"):
        if tech not in PTC14_NAMES:
            raise ValueError(f"unexpected technique {tech!r} in PTC labels")
        by_article[art].append((tech, s, e))
    return [LabelledArticle(k, texts[k], sorted(by_article[k], key=lambda x: (x[1], x[2]))) for k in sorted(texts)]


def split_by_article(ids: list[str], folds: int, fold: int, seed: int) -> tuple[set[str], set[str]]:
    """(train ids, validation ids): fold ``fold`` of a seeded ``folds``-way split by article."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    val = set(order[fold::folds])
    return set(order) - val, val
