"""Topics (`propscope topics`): how fast over a store, and whether planted topics come back.

    python bench/topics.py --n 10000 --topics 12

Generates ``--n`` articles of ~300 words in ``--topics`` planted themes (each article: a third
of its words from its theme's 40 words, the rest from 2,000 words every theme shares), stores
them in a temporary SQLite store, then times ``find_topics`` reading the store as `propscope
topics` does (a sampling pass and a placing pass) and scores the placement against the planted
themes: adjusted Rand index (1 = the same partition, 0 = chance) and purity (the share of
articles whose topic's commonest theme is their own).
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import sqlalchemy as sa  # noqa: E402

from propscope.document import Article  # noqa: E402
from propscope.store import Store  # noqa: E402
from propscope.store import articles as stored  # noqa: E402
from propscope.topics import find_topics  # noqa: E402


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))


def corpus(n: int, themes: int, seed: int = 0) -> tuple[list[Article], dict[str, int]]:
    rng = random.Random(seed)
    shared = [pseudo_word(rng) for _ in range(2000)]
    vocab = [[pseudo_word(rng) for _ in range(40)] for _ in range(themes)]
    out, planted = [], {}
    for i in range(n):
        t = i % themes
        words = [rng.choice(vocab[t]) if rng.random() < 1 / 3 else rng.choice(shared) for _ in range(300)]
        out.append(Article(f"gen-{i}", " ".join(words)))
        planted[f"gen-{i}"] = t
    return out, planted


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--topics", type=int, default=12)
    args = ap.parse_args()
    from sklearn.metrics import adjusted_rand_score

    arts, planted = corpus(args.n, args.topics)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        store.add_articles(arts)
        with store.engine.connect() as conn:
            ids = dict(conn.execute(sa.select(stored.c.pk, stored.c.id)).all())
        t = time.perf_counter()
        found = find_topics(store.iter_texts, n_topics=args.topics)
        took = time.perf_counter() - t
        t = time.perf_counter()
        store.save_topics(found)
        saved = time.perf_counter() - t
    keys = sorted(found.assigned)
    truth = [planted[ids[k]] for k in keys]
    got = [found.assigned[k][0] for k in keys]
    by_topic: dict[int, Counter] = {}
    for g, p in zip(got, truth):
        by_topic.setdefault(g, Counter())[p] += 1
    purity = sum(c.most_common(1)[0][1] for c in by_topic.values()) / len(keys)
    print(f"{args.n} articles, {args.topics} planted topics: found {len(found.topics)} in {took:.1f} s "
          f"({args.n / took:.0f} articles/s; fitted on {min(args.n, 20_000)}), stored in {saved:.1f} s; "
          f"placed {len(keys)}; adjusted Rand index {adjusted_rand_score(truth, got):.3f}, purity {purity:.3f}")


if __name__ == "__main__":
    main()
