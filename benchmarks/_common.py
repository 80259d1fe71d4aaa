"""Shared by the benchmark scripts: corpora, CPU timing, the jieba.lcut baseline.

Every script measures the library and ``jieba.lcut`` on the same text in the
same run (CPU time of this process, ``time.process_time``; best of N, runs
interleaved so load from other users of the machine hits both alike) and
prints chars/second and the ratio. Texts in ../shared are read, never copied.

A new script needs three lines (see bench_pipeline.py):

    from _common import bench_main
    from cnpolicy_extract import Config
    bench_main("name", "what it measures", lambda: Config(...), target=2.0)
"""
from __future__ import annotations

import argparse
import collections
import datetime as _dt
import gc
import json
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
SHARED_TEXTS = ROOT.parent / "shared" / "texts"
SEED = ROOT / "fixtures" / "texts" / "zhejiang-2024-new-productivity.txt"
MIN_BYTES = 1 << 20  # "≥ 1 MB" of UTF-8 for the repeated seed article


@dataclass(frozen=True)
class Corpus:
    name: str
    docs: tuple[str, ...]  # timed as one call per doc

    @property
    def chars(self) -> int:
        return sum(len(d) for d in self.docs)

    @property
    def utf8_bytes(self) -> int:
        return sum(len(d.encode("utf-8")) for d in self.docs)


def load_corpora(per_file: bool = False) -> list[Corpus]:
    """All of ../shared/texts/*.txt concatenated into one document, and the
    seed article repeated to at least 1 MiB as one document; with
    ``per_file``, one document per file and per copy instead (what real use
    looks like, and the fair measure when a stage is superlinear in document
    length). A missing source is reported and skipped."""
    out: list[Corpus] = []
    files = sorted(SHARED_TEXTS.glob("*.txt"))
    if files:
        texts = tuple(read(p) for p in files)
        if per_file:
            out.append(Corpus(f"shared/texts ({len(files)} files)", texts))
        else:
            out.append(Corpus(f"shared/texts ({len(files)} files, joined)", ("\n".join(texts),)))
    else:
        print(f"note: {SHARED_TEXTS} is absent; skipping it", file=sys.stderr)
    if SEED.is_file():
        seed = read(SEED)
        n = -(-MIN_BYTES // len(seed.encode("utf-8")))
        if per_file:
            out.append(Corpus(f"seed article x{n} (per copy)", (seed,) * n))
        else:
            out.append(Corpus(f"seed article x{n} (joined)", ("\n".join([seed] * n),)))
    else:
        print(f"note: {SEED} is absent; skipping it", file=sys.stderr)
    return out


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def cpu_seconds(fn: Callable[[str], object], docs: Sequence[str]) -> float:
    """CPU seconds of this process for ``fn`` over ``docs`` (one run)."""
    gc.collect()
    t0 = time.process_time()
    for d in docs:
        fn(d)
    return time.process_time() - t0


def jieba_lcut() -> Callable[[str], list[str]]:
    """``lcut`` of a private ``jieba.Tokenizer`` (HMM on, default dictionary),
    loaded now so the dictionary load is not timed; cache in our cache dir."""
    import logging

    import jieba

    from cnpolicy_extract import paths

    logging.getLogger("jieba").setLevel(logging.WARNING)  # a script: we own the process
    tok = jieba.Tokenizer()
    cache = paths.cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    tok.tmp_dir = str(cache)
    tok.cache_file = f"jieba-{jieba.__version__}.cache"
    tok.initialize()

    def lcut(text: str) -> list[str]:
        return cast(list[str], tok.lcut(text, HMM=True))

    return lcut


@dataclass
class Row:
    corpus: str
    docs: int
    chars: int
    utf8_bytes: int
    found: int
    ours_s: float
    jieba_s: float

    @property
    def ours_cps(self) -> float:
        return self.chars / self.ours_s if self.ours_s > 0 else float("inf")

    @property
    def jieba_cps(self) -> float:
        return self.chars / self.jieba_s if self.jieba_s > 0 else float("inf")

    @property
    def ratio(self) -> float:
        return self.jieba_s / self.ours_s if self.ours_s > 0 else float("inf")


def measure(ours: Callable[[str], object], baseline: Callable[[str], object], corpus: Corpus,
            repeat: int, ours_all: Callable[[Sequence[str]], object] | None = None) -> tuple[float, float]:
    """Best-of-``repeat`` CPU seconds for ours and the baseline, interleaved.
    ``ours_all``, when given, takes every document at once (``pipe``)."""
    best_ours = best_base = float("inf")
    for _ in range(repeat):
        if ours_all is not None:
            gc.collect()
            t0 = time.process_time()
            ours_all(corpus.docs)
            best_ours = min(best_ours, time.process_time() - t0)
        else:
            best_ours = min(best_ours, cpu_seconds(ours, corpus.docs))
        best_base = min(best_base, cpu_seconds(baseline, corpus.docs))
    return best_ours, best_base


def human(cps: float) -> str:
    if cps >= 1e6:
        return f"{cps / 1e6:.2f} M"
    return f"{cps / 1e3:.0f} k"


def time_each_kind(config: Any, corpora: list[Corpus], baseline: Callable[[str], object],
                   rows: list[Row], repeat: int) -> dict[str, dict[str, float]]:
    """chars/s of ``config`` restricted to one kind at a time, per corpus,
    with the ratio to the jieba time already measured for that corpus."""
    import dataclasses

    import cnpolicy_extract as ce

    out: dict[str, dict[str, float]] = {}
    print("\nby kind (each alone, plus what it requires; ratio to jieba.lcut above):")
    print(f"{'kind':<16}" + "".join(f"{r.corpus[:30]:>34}" for r in rows))
    for kind in sorted(config.kinds):
        ext = ce.Extractor(dataclasses.replace(config, kinds=frozenset({kind})))
        ext.extract(read(SEED) if SEED.is_file() else "增长5%")
        cells = []
        for corpus, row in zip(corpora, rows, strict=True):
            best = min(cpu_seconds(ext.extract, corpus.docs) for _ in range(repeat))
            cps = corpus.chars / best if best > 0 else float("inf")
            out.setdefault(kind, {})[corpus.name] = cps
            cells.append(f"{human(cps)} c/s {row.jieba_s / best if best > 0 else float('inf'):>6.1f}x")
        print(f"{kind:<16}" + "".join(f"{c:>34}" for c in cells))
    return out


def profile(fn: Callable[[str], object], corpus: Corpus, top: int) -> None:
    """cProfile of one pass of ``fn`` over ``corpus``: where the time goes."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for d in corpus.docs:
        fn(d)
    prof.disable()
    print(f"\nprofile of one pass over {corpus.name} (top {top} by own time):")
    pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def git_rev() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def bench_main(name: str, what: str, make_config: Callable[[], Any], target: float,
               count: Callable[[Any], int] | None = None) -> int:
    """Parse the common options, time an ``Extractor(make_config())`` against
    jieba.lcut on every corpus, print the table; exit 1 under ``--check`` if a
    ratio misses ``target``. ``count(doc)`` says how much was found (a
    benchmark of a stage that finds nothing measures nothing)."""
    ap = argparse.ArgumentParser(description=what)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts (3)")
    ap.add_argument("--per-file", action="store_true",
                    help="one document per file (and per seed copy) instead of one joined text")
    ap.add_argument("--pipe", action="store_true",
                    help="time Extractor.pipe over all the documents (stage by stage over batches) "
                         "instead of extract() on one after another")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--check", action="store_true", help=f"exit 1 if a ratio is below {target}x")
    ap.add_argument("--profile", type=int, metavar="N", default=0,
                    help="after timing, profile one pass over the first corpus and print the top N functions")
    ap.add_argument("--by-kind", action="store_true",
                    help="also time each kind alone (with the kinds it requires), to find the slow stage")
    args = ap.parse_args()

    import jieba

    import cnpolicy_extract as ce

    corpora = load_corpora(per_file=args.per_file)
    if not corpora:
        print("nothing to measure", file=sys.stderr)
        return 2
    extractor = ce.Extractor(make_config())
    extractor.extract(read(SEED) if SEED.is_file() else "增长5%")  # build lazily loaded parts untimed
    baseline = jieba_lcut()
    counter = count or (lambda doc: sum(len(v) for k, v in doc.to_dict().items()
                                        if isinstance(v, list)))

    now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"{name}: {what}")
    build = "compiled" if ce.compiled() else "pure Python"
    print(f"{now} · cnpolicy_extract {ce.__version__} ({build}) @ {git_rev()} · jieba {jieba.__version__} · "
          f"Python {platform.python_version()} · {platform.machine()} · best of {args.repeat}, CPU time")
    print(f"{'corpus':<34}{'chars':>11}{'MiB':>7}{'found':>8}{'ours c/s':>12}{'jieba c/s':>12}"
          f"{'ratio':>9}  target")
    rows: list[Row] = []
    ok = True
    for corpus in corpora:
        found = sum(counter(extractor.extract(d)) for d in corpus.docs)
        ours_all = (lambda docs: collections.deque(extractor.pipe(docs), maxlen=0)) if args.pipe else None
        ours_s, jieba_s = measure(extractor.extract, baseline, corpus, args.repeat, ours_all)
        label = corpus.name + (" pipe" if args.pipe else "")
        row = Row(label, len(corpus.docs), corpus.chars, corpus.utf8_bytes, found, ours_s, jieba_s)
        rows.append(row)
        passed = row.ratio >= target
        ok &= passed
        print(f"{row.corpus:<34}{row.chars:>11,}{row.utf8_bytes / 2**20:>7.2f}{row.found:>8,}"
              f"{human(row.ours_cps):>12}{human(row.jieba_cps):>12}{row.ratio:>8.1f}x  "
              f">={target:g}x {'ok' if passed else 'MISSED'}")
        if row.found == 0:
            print("  note: nothing found in this corpus, so this timed a stage with nothing to do")
    if args.profile:
        profile(extractor.extract, corpora[0], args.profile)
    by_kind: dict[str, dict[str, float]] = {}
    if args.by_kind:
        by_kind = time_each_kind(make_config(), corpora, baseline, rows, args.repeat)
    if args.json:
        args.json.write_text(json.dumps({
            "benchmark": name, "when": now, "rev": git_rev(), "build": build, "target_ratio": target,
            "repeat": args.repeat,
            "rows": [{**asdict(r), "ours_chars_per_s": r.ours_cps, "jieba_chars_per_s": r.jieba_cps,
                      "ratio": r.ratio} for r in rows],
            "by_kind": by_kind,
        }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if args.check and not ok else 0
