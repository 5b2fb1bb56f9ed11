"""What the stored articles are about: topics found in their words, so that propaganda scores
can be read by topic ("how loaded is the coverage of the war, of the election?") as they are
by outlet and by month.

A topic model is fitted to the corpus at hand, not shipped: the topics of a store of Balkan
news and of one of US elections have nothing in common, and no labelled topic set covers
both. Non-negative matrix factorisation of TF-IDF word weights (scikit-learn) is the plain,
fast and deterministic choice for news: each topic is a weighted list of words a person can
read and name, and each article gets the topic that weighs most in it. Large stores fit on a
random sample and then place every article, so the cost of the fit does not grow with the
corpus.
"""

from __future__ import annotations

import random
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

# Words that say "this is news" rather than what the news is about; with them, every store
# grows a topic of "said, told, reported".
NEWS_WORDS = frozenset("""
said says say saying told tell tells according reported report reports added asked
would could should also just like one two three first last new year years time times
people many much well way make made get got going know think want week day days today
yesterday mr mrs ms dr percent per cent including amp http https www com
""".split())
STOP_LANGUAGES = ("en", "fr", "de", "it", "pl", "ru", "es", "pt", "nl", "uk")  # spaCy's stop-word lists
WORD = r"(?u)\b[^\W\d_]{3,}\b"  # words of three letters or more: no numbers, no "s" of "it's"
LABEL_WORDS = 3


class TopicError(ValueError):
    """The articles cannot be split into topics (too few, or no words to go on)."""


@dataclass
class Topic:
    id: int
    label: str  # its heaviest words, for tables and charts: "nato, russia, ukraine"
    words: list[str]  # the heaviest ten, heaviest first

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "words": self.words}


@dataclass
class Topics:
    """Topics and where each article went: ``assigned`` maps an article key to its topic and
    the share of the article's topic weight that topic holds (0-1); an article with none of
    the model's words has no topic and no entry."""

    topics: list[Topic]
    assigned: dict[object, tuple[int, float]]

    def sizes(self) -> dict[int, int]:
        counts = {t.id: 0 for t in self.topics}
        for topic, _ in self.assigned.values():
            counts[topic] += 1
        return counts


def topic_count(requested: int, n_articles: int) -> int:
    """No more topics than one per five articles: a topic of one or two articles is that
    article's vocabulary, not a topic."""
    return max(1, min(requested, n_articles // 5))


def find_topics(items: Callable[[], Iterable[tuple[object, str]]], n_topics: int = 12, seed: int = 13,
                fit_sample: int = 20_000, chunk: int = 2_000,
                progress: Callable[[int], None] | None = None) -> Topics:
    """Fit topics to the texts that ``items()`` yields as ``(key, text)`` and place each one.

    ``items`` is called twice (once to sample the texts the model is fitted on, once to
    place every article) so that a store of millions is read in passes, never held whole.
    ``progress(n)`` is told of each ``n`` articles placed."""
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer

    sample, seen = _reservoir(items(), fit_sample, seed)
    if seen < 2:
        raise TopicError(f"topics need at least 2 articles with text; there {'is' if seen == 1 else 'are'} {seen}")
    k = topic_count(n_topics, seen)
    stop = sorted(stop_words())
    vectoriser = TfidfVectorizer(stop_words=stop, token_pattern=WORD, lowercase=True, sublinear_tf=True,
                                 min_df=2 if len(sample) >= 10 else 1, max_df=0.5 if len(sample) >= 10 else 1.0,
                                 max_features=20_000, dtype=np.float32)
    try:
        x = vectoriser.fit_transform(sample)
    except ValueError:  # scikit-learn's "empty vocabulary": only numbers, stop words or one-off words
        raise TopicError("the articles share no words to find topics in (only numbers, stop words or words "
                         "that occur once)") from None
    k = min(k, x.shape[1])
    nmf = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=400)
    with warnings.catch_warnings():  # not converged to the last digit is converged enough to name topics
        warnings.simplefilter("ignore", ConvergenceWarning)
        nmf.fit(x)
    vocabulary = vectoriser.get_feature_names_out()
    topics = []
    for i, weights in enumerate(nmf.components_):
        words = [str(vocabulary[j]) for j in np.argsort(-weights, kind="stable")[:10] if weights[j] > 0]
        label = ", ".join(words[:LABEL_WORDS]) or f"topic {i}"
        if any(t.label == label for t in topics):  # reports group by label: keep them apart
            label = f"{label} ({i})"
        topics.append(Topic(i, label, words))
    assigned: dict[object, tuple[int, float]] = {}
    for keys, texts in _chunks(items(), chunk):
        w = nmf.transform(vectoriser.transform(texts))
        totals = w.sum(axis=1)
        best = w.argmax(axis=1)
        for key, total, b, row in zip(keys, totals, best, w):
            if total > 0:
                assigned[key] = (int(b), round(float(row[b] / total), 4))
        if progress is not None:
            progress(len(keys))
    return Topics(topics, assigned)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Function words of the languages news here comes in (a store may mix them: a French topic
    should not be named "les, des, une") and the words of news itself (``NEWS_WORDS``)."""
    import importlib.util

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS | NEWS_WORDS)
    root = Path(importlib.util.find_spec("spacy").submodule_search_locations[0])
    for lang in STOP_LANGUAGES:  # each list's own file: importing spacy itself takes seconds
        spec = importlib.util.spec_from_file_location(f"_stop_{lang}", root / "lang" / lang / "stop_words.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        words |= module.STOP_WORDS
    # as the vectoriser will see them: "quelqu'un" is the words "quelqu" and "un"
    return frozenset(piece for w in words for piece in re.findall(WORD, w.lower()))


def _reservoir(items: Iterable[tuple[object, str]], size: int, seed: int) -> tuple[list[str], int]:
    """A uniform random sample of ``size`` texts from a stream of unknown length, and how many
    non-blank texts the stream had (Vitter's algorithm R)."""
    rng = random.Random(seed)
    sample: list[str] = []
    seen = 0
    for _, text in items:
        if not text.strip():
            continue
        seen += 1
        if len(sample) < size:
            sample.append(text)
        else:
            j = rng.randrange(seen)
            if j < size:
                sample[j] = text
    return sample, seen


def _chunks(items: Iterable[tuple[object, str]], size: int) -> Iterator[tuple[list, list[str]]]:
    keys: list = []
    texts: list[str] = []
    for key, text in items:
        keys.append(key)
        texts.append(text)
        if len(keys) == size:
            yield keys, texts
            keys, texts = [], []
    if keys:
        yield keys, texts
