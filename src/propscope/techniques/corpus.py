"""The labelled corpora in ``../shared/data``, read from a path (never copied into the project)."""

from __future__ import annotations

import difflib
import os
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..ptc import read_articles_dir, read_labels
from ..taxonomy import PTC14_NAMES

DEFAULT_DATA = Path(os.environ.get("PROPSCOPE_DATA") or Path(__file__).resolve().parents[3].parent / "shared" / "data")
PTC_DIR = "ptc_semeval2020_task11"
SEMEVAL2023 = Path("semeval2023_task3") / "data"
SEMEVAL2023_EN = SEMEVAL2023 / "en"
# ISO 639-1 code -> the corpus's language folder (it names German "ge" and Polish "po")
SEMEVAL2023_LANGUAGES = {"en": "en", "fr": "fr", "de": "ge", "it": "it", "pl": "po", "ru": "ru"}


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
    labels = root / "train-task-flc-tc.labels"
    for art, tech, s, e in read_labels(labels):
        # checked before any training: a bad line would otherwise cost a run's hours and then end it
        if tech not in PTC14_NAMES:
            raise ValueError(f"{labels}: unexpected technique {tech!r} in PTC labels (article {art})")
        if art not in texts:
            raise ValueError(f"{labels}: a span of article {art}, which train-articles lacks (article{art}.txt)")
        if not 0 <= s < e <= len(texts[art]):
            raise ValueError(f"{labels}: span {s}-{e} of article {art} is not inside its {len(texts[art])} "
                             "characters: the labels do not belong to these articles, or the file is damaged")
        by_article[art].append((tech, s, e))
    return [LabelledArticle(k, texts[k], sorted(by_article[k], key=lambda x: (x[1], x[2]))) for k in sorted(texts)]


def char_map(src: str, dst: str, min_match: float = 0.99) -> np.ndarray | None:
    """For each character of ``src`` (and its end), the index of the same character in ``dst``, a
    re-rendering of it: whitespace may differ (spaces map to the next character), and so may a few
    typographic variants ("……" for "....."), aligned by ``difflib``. None when more than 8 non-space
    characters, and more than ``1 - min_match`` of them, disagree: then the two are not the same text."""
    a = [i for i, c in enumerate(src) if not c.isspace()]
    b = [i for i, c in enumerate(dst) if not c.isspace()]
    if len(a) == len(b) and all(src[i] == dst[j] for i, j in zip(a, b)):
        pairs = list(zip(a, b))
    else:
        x, y = "".join(src[i] for i in a), "".join(dst[j] for j in b)
        blocks = difflib.SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks()
        if max(len(x), len(y)) - sum(m.size for m in blocks) > max(8, (1 - min_match) * max(len(x), len(y))):
            return None
        pairs = [(a[m.a + k], b[m.b + k]) for m in blocks for k in range(m.size)]
    out = np.full(len(src) + 1, len(dst), dtype=np.int64)
    matched = np.zeros(len(src) + 1, dtype=bool)
    matched[len(src)] = True
    for i, j in pairs:
        out[i], matched[i] = j, True
    for i in range(len(src) - 1, -1, -1):  # whitespace and unmatched characters take the next matched one's place
        if not matched[i]:
            out[i] = out[i + 1]
    return out


def load_semeval2023_en(data_dir: str | Path = DEFAULT_DATA) -> list[LabelledArticle]:
    """The SemEval-2023 Task 3 English span annotations (23-technique taxonomy) on the PTC train
    texts they re-render: the same 371 articles with other line breaks, so their spans are moved
    onto the PTC characters (``char_map``), where they can be compared with the PTC spans (nearly
    all are the same spans relabelled: ``tests/test_corpus_data.py``) or trained on with the PTC
    runs' folds and cache. An article whose text does not align is left out."""
    root = Path(data_dir) / SEMEVAL2023_EN
    if not (root / "train-labels-subtask-3-spans").is_dir():
        raise FileNotFoundError(f"SemEval-2023 English training data not found at {root}: pass --data DIR "
                                "(the shared/data folder)")
    out = []
    for art in load_ptc_train(data_dir):
        text_path = root / "train-articles-subtask-3" / f"article{art.id}.txt"
        spans_path = root / "train-labels-subtask-3-spans" / f"article{art.id}-labels-subtask-3.txt"
        if not text_path.exists() or not spans_path.exists():
            continue
        text = text_path.read_bytes().decode("utf-8")
        to_ptc = char_map(text, art.text)
        if to_ptc is None:
            continue
        spans = set()
        for _, tech, s, e in read_labels(spans_path):
            e = len(text[:e].rstrip()) if e <= len(text) else len(text)
            if e > s:
                spans.add((tech, int(to_ptc[s]), int(to_ptc[e - 1]) + 1))
        out.append(LabelledArticle(art.id, art.text, sorted(spans, key=lambda x: (x[1], x[2], x[0]))))
    return out


@dataclass
class LabelledParagraph:
    article: str
    line_no: int
    text: str
    techniques: list[str]


def load_semeval2023_paragraphs(language: str, data_dir: str | Path = DEFAULT_DATA) -> list[LabelledParagraph]:
    """The SemEval-2023 Task 3 subtask-3 rows of one language (an ISO code of
    ``SEMEVAL2023_LANGUAGES``): every official paragraph row with its line's text (read as bytes,
    so a CRLF file's ``\\r`` stays with its line, as the offsets expect) and its gold techniques."""
    from ..paragraphs import read_rows

    if language not in SEMEVAL2023_LANGUAGES:
        raise ValueError(f"no SemEval-2023 data for language {language!r}; there is {', '.join(SEMEVAL2023_LANGUAGES)}")
    root = Path(data_dir) / SEMEVAL2023 / SEMEVAL2023_LANGUAGES[language]
    if not (root / "train-labels-subtask-3.txt").exists():
        raise FileNotFoundError(f"SemEval-2023 {language} training data not found at {root}: pass --data DIR "
                                "(the shared/data folder)")
    texts: dict[str, list[str]] = {}
    out = []
    for (article, line_no), techniques in sorted(read_rows(root / "train-labels-subtask-3.txt").items()):
        if article not in texts:
            path = root / "train-articles-subtask-3" / f"article{article}.txt"
            texts[article] = path.read_bytes().decode("utf-8").split("\n") if path.exists() else []
        lines = texts[article]
        if line_no <= len(lines):
            out.append(LabelledParagraph(article, line_no, lines[line_no - 1], list(techniques)))
    return out


def split_by_article(ids: list[str], folds: int, fold: int, seed: int) -> tuple[set[str], set[str]]:
    """(train ids, validation ids): fold ``fold`` of a seeded ``folds``-way split by article."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    val = set(order[fold::folds])
    return set(order) - val, val
