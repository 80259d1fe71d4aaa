"""Speed of the full pipeline with the entity model, against rules only and jieba.lcut.

Same texts as the other benchmarks (../shared/texts joined, the seed article
repeated to 1 MiB), CPU time of this process, best of N, interleaved.
Targets: full pipeline with the model ≥ 50,000 chars/s (Baidu LAC does
27,600), printed also as a ratio to jieba.lcut measured in the same run.

Run: .venv/bin/python benchmarks/model_speed.py [--model PATH] [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys

from _common import human, jieba_lcut, load_corpora, measure
from model_ablation import both_extractor

TARGET_CPS = 50_000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="default")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--check", action="store_true", help=f"exit 1 below {TARGET_CPS:,} chars/s")
    args = ap.parse_args()

    import cnpolicy_extract as ce
    from cnpolicy_extract.model import EntityModel, resolve_model_path

    path = resolve_model_path(args.model)
    if path is None:
        print("no shipped model; pass --model PATH", file=sys.stderr)
        return 2
    rules = ce.Extractor(ce.Config(model=None)).extract
    both = both_extractor(str(path))
    model = EntityModel(path).predict
    base = jieba_lcut()
    for fn in (rules, both, model):
        fn("新华社北京1月1日电 国务院总理李克强在人民大会堂会见了外宾。")
    ok = True
    print(f"{'corpus':<34}{'chars':>11}{'system':>16}{'c/s':>10}{'jieba c/s':>11}{'ratio':>7}")
    for corpus in load_corpora():
        for name, fn in (("rules only", rules), ("model alone", model), ("rules + model", both)):
            ours, jb = measure(fn, base, corpus, args.repeat)
            cps, jcps = corpus.chars / ours, corpus.chars / jb
            mark = ""
            if name == "rules + model":
                ok &= cps >= TARGET_CPS
                mark = f"  target ≥{TARGET_CPS:,}: {'ok' if cps >= TARGET_CPS else 'MISSED'}"
            print(f"{corpus.name:<34}{corpus.chars:>11,}{name:>16}{human(cps):>10}{human(jcps):>11}"
                  f"{jb / ours:>6.2f}x{mark}")
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
