"""Time of each stage inside the whole rules pipeline, per document.

``bench_pipeline.py --by-kind`` times a kind alone; this times every stage
as it runs in the full pipeline (wall time of each ``stage(state)`` call,
summed over N passes), to see which stage a change made cheaper. Default
text: the seed article; pass ``--texts`` for ../shared/texts (one document
per file). ``--hot`` times each stage alone, back to back over states the
stages before it have filled: steadier on a loaded machine, but without the
cost of the other stages evicting its memory (compare like with like).

    python benchmarks/stage_times.py [--n 200] [--texts] [--hot]
"""
from __future__ import annotations

import argparse
import collections
import gc
import statistics
import time
from collections.abc import Sequence

from _common import SEED, SHARED_TEXTS, read

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.normalize import normalize
from cnpolicy_extract.stage import Stage
from cnpolicy_extract.state import DocState


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="passes (200)")
    ap.add_argument("--texts", action="store_true", help="../shared/texts instead of the seed")
    ap.add_argument("--hot", action="store_true", help="each stage alone, back to back")
    args = ap.parse_args()
    docs = [read(p) for p in sorted(SHARED_TEXTS.glob("*.txt"))] if args.texts else [read(SEED)]
    ex = Extractor(Config(model=None))
    for d in docs:
        ex.extract(d)
    stages = ex._pipeline.get()
    # per stage, its time in each pass: the mean, and the minimum and median,
    # which stay steady while other work loads the machine
    passes: dict[str, list[float]] = collections.defaultdict(list)
    gc.disable()
    if args.hot:
        _hot(ex, stages, docs, args.n, passes)
    for _ in range(0 if args.hot else args.n):
        this: collections.Counter[str] = collections.Counter()
        for d in docs:
            t0 = time.perf_counter()
            st = DocState(norm=normalize(d), published=None, _tokenize=ex._tokenize)
            this["(normalise + state)"] += time.perf_counter() - t0
            for s in stages:
                t0 = time.perf_counter()
                s(st)
                this[type(s).__name__] += time.perf_counter() - t0
        for k, v in this.items():
            passes[k].append(v)
        passes["total"].append(sum(this.values()))
    gc.enable()
    chars = sum(len(d) for d in docs)
    mean_total = statistics.fmean(passes["total"])
    print(f"{len(docs)} document(s), {chars:,} chars per pass, {args.n} passes; µs per pass")
    print(f"{'stage':22s} {'mean':>9s} {'min':>9s} {'median':>9s}  share")
    for k in sorted(passes, key=lambda k: -statistics.fmean(passes[k])):
        v = passes[k]
        mean = statistics.fmean(v)
        print(f"{k:22s} {mean * 1e6:9.0f} {min(v) * 1e6:9.0f} {statistics.median(v) * 1e6:9.0f}"
              f"  {mean / mean_total * 100:5.1f}%")
    print(f"(median total: {chars / statistics.median(passes['total']) / 1e3:.0f} k c/s)")


def _hot(ex: Extractor, stages: Sequence[Stage], docs: list[str], n: int,
         passes: dict[str, list[float]]) -> None:
    """Each stage timed alone over n prepared states per document (the
    stages before it already run), so its code and data stay in cache."""
    totals = [0.0] * n
    for k, stage in enumerate(stages):
        per_pass = [0.0] * n
        for d in docs:
            states = []
            for _ in range(n):
                st = DocState(norm=normalize(d), published=None, _tokenize=ex._tokenize)
                for s in stages[:k]:
                    s(st)
                states.append(st)
            for i, st in enumerate(states):
                t0 = time.perf_counter()
                stage(st)
                per_pass[i] += time.perf_counter() - t0
        passes[type(stage).__name__] = per_pass
        totals = [a + b for a, b in zip(totals, per_pass, strict=True)]
    passes["total"] = totals


if __name__ == "__main__":
    main()
