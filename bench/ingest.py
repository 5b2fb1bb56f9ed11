"""Ingest throughput: generated articles into SQLite and PostgreSQL through ``Store.add_articles``.

    python bench/ingest.py --n 100000                       # SQLite in a temp folder
    python bench/ingest.py --n 100000 --pg postgresql://postgres@127.0.0.1:55432/propscope_test

Articles are ~2,000 characters of random words, each with an id, URL, outlet and date, so
every uniqueness check (id, URL, normalised text) and the full-text index do real work.
A second pass re-ingests the first 10% to time the duplicate path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope.document import Article  # noqa: E402
from propscope.store import Store  # noqa: E402

WORDS = ("government minister report crisis nation people media attack claim election war border economy "
         "official source protest law court vote power truth lie enemy patriot freedom security threat").split()


def articles(n: int, seed: int = 0):
    rng = random.Random(seed)
    start = dt.date(2019, 1, 1)
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(300)]
        outlet = f"outlet{i % 50}.example"
        yield Article(id=f"gen-{i}", text=" ".join(words) + f" ({i})", title=" ".join(words[:8]),
                      url=f"https://{outlet}/{i}", outlet=outlet, published=start + dt.timedelta(days=i % 700))


def run(url: str, n: int) -> None:
    store = Store(url)
    t = time.perf_counter()
    r = store.add_articles(articles(n))
    first = time.perf_counter() - t
    t = time.perf_counter()
    again = store.add_articles(articles(n // 10))
    dup = time.perf_counter() - t
    kind = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"{kind:<10} {n:>7} articles: {first:7.1f} s, {r.new / first:7.0f} articles/s new "
          f"({r.new} new); duplicates: {again.duplicates / dup:7.0f} articles/s ({again.duplicates} skipped)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--pg", default=None, help="PostgreSQL URL of an empty database to fill")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.db", args.n)
    if args.pg:
        import sqlalchemy as sa

        store = Store(args.pg)
        with store.engine.begin() as conn:
            conn.execute(sa.text("TRUNCATE articles RESTART IDENTITY CASCADE"))
        run(args.pg, args.n)


if __name__ == "__main__":
    main()
