"""The whole rules pipeline (every kind, ``Config(model=None)``) vs jieba.lcut.

Target: at least 2x the speed of jieba.lcut on the same text (meaningful
once the stages have landed; the rules-only target of the named-things
issue). Run: .venv/bin/python benchmarks/bench_pipeline.py [--repeat 3] [--per-file] [--check]
"""
from __future__ import annotations

import sys

from _common import bench_main

from cnpolicy_extract import Config

if __name__ == "__main__":
    sys.exit(bench_main(
        "bench_pipeline", "all kinds, rules only (model=None) vs jieba.lcut, same text, same run",
        lambda: Config(model=None), target=2.0,
    ))
