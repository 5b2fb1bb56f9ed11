"""Accuracy and speed of the text-reuse detector on a generated corpus with planted reuse.

    python bench/reuse.py                          # 10,000 articles
    python bench/reuse.py --n 1000 5000 10000      # how the cost grows with corpus size
    python bench/reuse.py --n 100000               # needs several GB of memory

The corpus is random-ish text: pseudo-words drawn from a Zipf distribution (so common words recur
as in real prose), sentences of 6-24 words, paragraphs of 2-6 sentences, articles of about 250-700
words. A fraction (``--reuse``) of the articles each receive one passage of 2-5 consecutive
sentences copied from another article (every source used once, sources never receive a copy),
edited with one of three strengths, taken in turn:

- light: ~5% of words substituted, plus surface edits (case of a word, straight/curly quotes,
  line wrapping inside the passage) that must not matter;
- medium: ~15% substituted;
- heavy: ~30% substituted, ~5% words inserted and ~5% deleted.

Scores follow the SemEval-2020 Task 11 span metric, per article side: every predicted passage gives
two spans (one in each article), every planted passage two gold spans, and a predicted span is
compared with gold spans of the same article and the same article pair.
P = sum over predicted spans p of sum over gold g |p & g| / |p|, divided by the number of
predicted spans; R likewise over gold spans. A strength's precision uses the predictions on pairs
planted with that strength; "all" uses every prediction, spurious ones included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope.document import Article  # noqa: E402
from propscope.reuse import find_reuse  # noqa: E402

STRENGTHS = {"light": (0.05, 0.0, 0.0), "medium": (0.15, 0.0, 0.0), "heavy": (0.30, 0.05, 0.05)}
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "va", "de", "gri", "on", "el", "bu", "sta", "qui",
             "far", "nem", "ol", "ix", "ar", "ben", "cor", "dul"]


def vocabulary(rng: np.random.Generator, size: int) -> tuple[list[str], np.ndarray]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES, rng.integers(1, 5))))
    vocab = sorted(words, key=lambda w: (len(w), w))
    weights = 1.0 / np.arange(1, size + 1) ** 1.05
    return vocab, weights / weights.sum()


class Corpus:
    def __init__(self, n: int, reuse: float, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.vocab, self.p = vocabulary(self.rng, 20000)
        self._pool = iter(())
        self.paragraphs: list[list[list[str]]] = [self.article() for _ in range(n)]
        self.gold: list[tuple[str, int, int, str, int, int, str]] = []
        self.texts: list[str] = [""] * n
        n_pairs = int(n * reuse)
        order = self.rng.permutation(n)
        sources, targets = order[:n_pairs], order[n_pairs : 2 * n_pairs]
        plan = {int(t): (int(s), list(STRENGTHS)[k % 3]) for k, (s, t) in enumerate(zip(sources, targets))}
        spans: dict[int, tuple[int, int]] = {}
        source_set = set(sources.tolist())
        for i in range(n):  # render the sources first: a target needs its source's text and offsets
            if i not in plan:
                self.texts[i], spans_i = self.render(self.paragraphs[i], mark=i in source_set)
                if spans_i:
                    spans[i] = spans_i
        for t, (s, strength) in sorted(plan.items()):
            s0, s1 = spans[s]
            copy = self.edit(self.texts[s][s0:s1], strength)
            text, (c0, c1) = self.insert(self.paragraphs[t], copy)
            self.texts[t] = text
            self.gold.append((f"{s:07d}", s0, s1, f"{t:07d}", c0, c1, strength))
        self.paragraphs = []  # only needed while building; frees memory before the timed run
        start = dt.date(2024, 1, 1)
        self.articles = [Article(f"{i:07d}", self.texts[i], outlet=f"outlet{i % 50}",
                                 published=start + dt.timedelta(days=int(i % 300))) for i in range(n)]

    def word(self) -> str:
        try:
            return next(self._pool)
        except StopIteration:
            self._pool = iter([self.vocab[k] for k in self.rng.choice(len(self.vocab), 100000, p=self.p)])
            return next(self._pool)

    def sentence(self) -> list[str]:
        return [self.word() for _ in range(int(self.rng.integers(6, 25)))]

    def article(self) -> list[list[list[str]]]:
        return [[self.sentence() for _ in range(int(self.rng.integers(2, 7)))] for _ in range(int(self.rng.integers(3, 8)))]

    @staticmethod
    def sent_text(words: list[str]) -> str:
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def render(self, paras: list[list[list[str]]], mark: bool) -> tuple[str, tuple[int, int] | None]:
        """Article text; with ``mark``, the offsets of 2-5 consecutive sentences to be copied."""
        out, span = "", None
        length = int(self.rng.integers(2, 6))
        candidates = [(p, s) for p, para in enumerate(paras) for s in range(len(para) - min(length, len(para)) + 1)]
        pick = candidates[int(self.rng.integers(0, len(candidates)))] if mark else None
        for p, para in enumerate(paras):
            sents = [self.sent_text(s) for s in para]
            for s, text in enumerate(sents):
                if pick and (p, s) == pick:
                    begin = len(out)
                    chosen = sents[s : s + length]
                    span = (begin, begin + len(" ".join(chosen)))
                out += text + (" " if s < len(sents) - 1 else "")
            out += "\n\n"
        return out, span

    def edit(self, passage: str, strength: str) -> str:
        sub, ins, dele = STRENGTHS[strength]
        out: list[str] = []
        for w in passage.split():
            r = self.rng.random()
            if r < dele:
                continue
            if r < dele + sub:
                tail = w[-1] if not w[-1].isalnum() else ""
                w = self.word() + tail
            out.append(w)
            if self.rng.random() < ins:
                out.append(self.word())
        if strength == "light":
            for k in self.rng.choice(len(out), max(1, len(out) // 20), replace=False):
                out[k] = out[k].upper() if self.rng.random() < 0.5 else f"\u201c{out[k]}\u201d"
            if len(out) > 12:  # line wrapping inside the passage
                k = int(self.rng.integers(4, len(out) - 4))
                return " ".join(out[:k]) + "\n" + " ".join(out[k:])
        return " ".join(out)

    def insert(self, paras: list[list[list[str]]], copy: str) -> tuple[str, tuple[int, int]]:
        """Text of a target article with ``copy`` as a paragraph of its own or inside a paragraph."""
        at = int(self.rng.integers(0, len(paras) + 1))
        inside = self.rng.random() < 0.5 and at < len(paras)
        out, span = "", (0, 0)
        for p, para in enumerate(paras):
            sents = [self.sent_text(s) for s in para]
            if p == at and not inside:
                span = (len(out), len(out) + len(copy))
                out += copy + "\n\n"
            if p == at and inside:
                cut = int(self.rng.integers(1, len(sents) + 1))
                head = " ".join(sents[:cut]) + " "
                span = (len(out) + len(head), len(out) + len(head) + len(copy))
                out += head + copy + " " + " ".join(sents[cut:]) + "\n\n"
            else:
                out += " ".join(sents) + "\n\n"
        if at == len(paras):
            span = (len(out), len(out) + len(copy))
            out += copy + "\n"
        return out, span


def overlap_scores(pred: list[tuple], gold: list[tuple]) -> dict[str, tuple[float, float, int, int]]:
    """Per strength: (precision, recall, predicted spans, gold spans), SemEval-style per side."""
    strength_of = {(g[0], g[3]): g[6] for g in gold}
    gold_sides: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for a, a0, a1, b, b0, b1, _ in gold:
        gold_sides[a, b, a].append((a0, a1))
        gold_sides[a, b, b].append((b0, b1))
    pred_sides: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for a, a0, a1, b, b0, b1 in pred:
        pred_sides[a, b, a].append((a0, a1))
        pred_sides[a, b, b].append((b0, b1))

    def inter(x: tuple[int, int], y: tuple[int, int]) -> int:
        return max(0, min(x[1], y[1]) - max(x[0], y[0]))

    result = {}
    for name in [*STRENGTHS, "all"]:
        p_sum = r_sum = 0.0
        n_pred = n_gold = 0
        for key, spans in pred_sides.items():
            if name != "all" and strength_of.get(key[:2]) != name:
                continue
            for s in spans:
                n_pred += 1
                p_sum += min(1.0, sum(inter(s, g) for g in gold_sides.get(key, [])) / (s[1] - s[0]))
        for key, spans in gold_sides.items():
            if name != "all" and strength_of[key[:2]] != name:
                continue
            for g in spans:
                n_gold += 1
                r_sum += min(1.0, sum(inter(s, g) for s in pred_sides.get(key, [])) / (g[1] - g[0]))
        result[name] = (p_sum / n_pred if n_pred else 0.0, r_sum / n_gold if n_gold else 0.0, n_pred, n_gold)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[10000], help="corpus sizes (articles)")
    ap.add_argument("--reuse", type=float, default=0.1, help="fraction of articles that receive a copied passage")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-chars", type=int, default=50)
    ap.add_argument("--window", type=int, default=16)
    ap.add_argument("--shingle", type=int, default=3)
    ap.add_argument("--threshold", type=float, default=0.25)
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--index", choices=["datasketch", "numpy"], default="numpy",
                    help="LSH index: datasketch MinHashLSH, or the same banding done by sorting (less memory)")
    args = ap.parse_args()
    summary = []
    for n in args.n:
        t = time.perf_counter()
        corpus = Corpus(n, args.reuse, args.seed)
        t_gen = time.perf_counter() - t
        words = sum(len(x.split()) for x in corpus.texts)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        result = find_reuse(corpus.articles, args.min_chars, window=args.window, shingle=args.shingle,
                            threshold=args.threshold, num_perm=args.num_perm, index=args.index, boilerplate="keep")
        elapsed = time.perf_counter() - t
        pred = [(p.a, p.a_start, p.a_end, p.b, p.b_start, p.b_end) for p in result.passages]
        gold = [tuple(g) if g[0] < g[3] else (g[3], g[4], g[5], g[0], g[1], g[2], g[6]) for g in corpus.gold]
        scores = overlap_scores(pred, gold)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"n={n} articles, {words} words, {len(gold)} planted passages (generated in {t_gen:.1f} s)")
        print(f"  find_reuse: {elapsed:.1f} s = {n / elapsed:.0f} articles/s, {words / elapsed / 1000:.0f}k words/s, "
              f"peak RSS {rss:.0f} MiB (corpus generation alone: {rss_before:.0f} MiB)")
        print("  stats: " + ", ".join(f"{k}={v}" for k, v in result.stats.items()))
        print(f"  {'edits':<8} {'P':>6} {'R':>6} {'F1':>6} {'pred':>7} {'gold':>7}")
        for name, (p, r, n_pred, n_gold) in scores.items():
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"  {name:<8} {p:6.3f} {r:6.3f} {f1:6.3f} {n_pred:7d} {n_gold:7d}")
        summary.append((n, elapsed, result.stats["window_pairs"], result.stats["candidate_pairs"]))
        sys.stdout.flush()
    if len(summary) > 1:
        print("cost growth:")
        print(f"  {'articles':>9} {'seconds':>8} {'articles/s':>10} {'s per 1k':>8} {'window pairs/article':>20} "
              f"{'candidate pairs/article':>23}")
        for n, elapsed, window_pairs, cand in summary:
            print(f"  {n:9d} {elapsed:8.1f} {n / elapsed:10.0f} {1000 * elapsed / n:8.2f} {window_pairs / n:20.2f} "
                  f"{cand / n:23.2f}")


if __name__ == "__main__":
    main()
