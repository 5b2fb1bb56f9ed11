"""Batch throughput on Dask against the number of workers, and where the time goes.

    python bench/batch.py --n 200 --workers 1 2           # CPU workers on this machine
    python bench/batch.py --n 10000 --workers 1 --gpu     # on a GPU machine (one GPU worker)

Articles are PTC training texts when ../shared/data is present (cycled to reach --n),
else the bundled sample. Each run writes to a fresh folder, so no partition is skipped.
Worker time is summed over workers: reading partitions, tokenising, the encoder,
decoding spans and sentence scores, writing shards; wall time is what a user waits.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope import batch  # noqa: E402
from propscope.document import Article  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc_semeval2020_task11" / "train-articles"


def articles(n: int) -> list[Article]:
    files = sorted(DATA.glob("*.txt"))
    pool = [f.read_text(encoding="utf-8") for f in files] or [
        (Path(__file__).resolve().parents[1] / "samples" / "sample_article.txt").read_text()]
    return [Article(f"b{i}", pool[i % len(pool)] + f"\n({i})") for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partition-size", type=int, default=32)
    ap.add_argument("--model", default=None)
    ap.add_argument("--gpu", action="store_true", help="one worker on the GPU (it is used when present)")
    args = ap.parse_args()
    arts = articles(args.n)
    chars = sum(len(a.text) for a in arts)
    print(f"{args.n} articles, {chars / 1e6:.1f} M characters, partitions of {args.partition_size}, "
          f"{os.cpu_count()} cores")
    for w in args.workers:
        client = batch.make_client(f"local[{w}]")
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            res = batch.run(arts, tmp, client, model=args.model, partition_size=args.partition_size)
            wall = time.perf_counter() - t
        client.close()
        spent = ", ".join(f"{k} {v:.1f}s" for k, v in res.timings.items())
        print(f"  workers={w}: {wall:7.1f} s wall, {res.articles / wall:6.2f} articles/s; worker time: {spent}")


if __name__ == "__main__":
    main()
