"""Each tokenizer backend vs plain jieba.lcut (HMM on), same text, same run.

Shows what the layer costs on top of jieba (offsets, Token objects, the
generated user dictionary) and what tagging costs. pkuseg is included when
a model exists in ``cnpolicy_extract.paths.segmenter_dir()`` or ``--pkuseg DIR``.
Run: .venv/bin/python benchmarks/bench_tokenizers.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from _common import human, jieba_lcut, load_corpora, measure

from cnpolicy_extract import paths
from cnpolicy_extract.tokenize import Token
from cnpolicy_extract.tokenize.char_backend import CharTokenizer
from cnpolicy_extract.tokenize.jieba_backend import JiebaTokenizer
from cnpolicy_extract.tokenize.pkuseg_backend import PkusegTokenizer


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pkuseg", type=Path, default=paths.segmenter_dir())
    args = ap.parse_args()

    jt = JiebaTokenizer()
    cases: list[tuple[str, Callable[[str], list[Token]]]] = [
        ("char", CharTokenizer().tokenize),
        ("jieba", jt.tokenize),
        ("jieba tag=True", lambda t: jt.tokenize(t, tag=True)),
    ]
    if (args.pkuseg / "weights.npz").is_file():
        cases.append(("pkuseg", PkusegTokenizer(args.pkuseg).tokenize))
    else:
        print(f"note: no pkuseg model in {args.pkuseg}; skipping pkuseg", file=sys.stderr)
    for _, fn in cases:
        fn("预热：加载词典。")  # loading is not timed
    baseline = jieba_lcut()
    for corpus in load_corpora():
        print(f"{corpus.name}: {corpus.chars:,} chars, best of {args.repeat}, CPU time")
        for name, fn in cases:
            ours, base = measure(fn, baseline, corpus, args.repeat)
            print(f"  {name:<16}{human(corpus.chars / ours):>10} c/s   "
                  f"jieba.lcut {human(corpus.chars / base):>8} c/s"
                  f"   ratio {base / ours:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
