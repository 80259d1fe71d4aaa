"""Figure extraction alone (``Config(kinds={"figures"})``) vs jieba.lcut.

Target (issue 2): at least 10x the speed of jieba.lcut on the same text.
Run: .venv/bin/python benchmarks/bench_figures.py [--repeat 3] [--per-file] [--check]
"""
from __future__ import annotations

import sys

from _common import bench_main

from cnpolicy_extract import Config

if __name__ == "__main__":
    sys.exit(bench_main(
        "bench_figures", "figure extraction (kinds={'figures'}) vs jieba.lcut, same text, same run",
        lambda: Config(kinds=frozenset({"figures"})), target=10.0,
        count=lambda doc: len(doc.figures),
    ))
