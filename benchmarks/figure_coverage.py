"""Which numeral runs in a folder of texts are not covered by any figure?

Usage: python benchmarks/figure_coverage.py [DIR] [--figures] [--limit N]

Prints, per file, each run of Arabic digits (and each Chinese numeral run
followed by a character, as a hint) that no extracted figure overlaps, with
its context, so a reader can judge whether it is a year, date, ordinal, code
or idiom (fine) or a missed quantity (a bug). ``--figures`` also prints every
figure found, to look for false positives. Default DIR: ../shared/texts.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import cnpolicy_extract as ce

_RUN = re.compile(r"[0-9０-９][0-9０-９,.，．]*|[零〇一二两三四五六七八九十百千万亿几]+")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "texts"))
    ap.add_argument("--figures", action="store_true")
    ap.add_argument("--chinese", action="store_true", help="also list uncovered Chinese numeral runs")
    ap.add_argument("--limit", type=int, default=10_000)
    a = ap.parse_args(argv)
    ex = ce.Extractor(ce.Config(kinds={"figures"}))
    total = uncovered = 0
    for path in sorted(Path(a.dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        doc = ex.extract(text)
        covered = bytearray(len(text) + 1)
        for f in doc.figures:
            covered[f.start:f.end] = b"\x01" * (f.end - f.start)
            if a.figures:
                print(f"{path.name}\tFIG\t{f.text}\t{f.value}\t{f.value_max}\t{f.unit}\t{f.qualifier}"
                      f"\t{f.change}\t{f.modality}\t{text[max(0, f.start - 12):f.end + 6]!r}")
        for m in _RUN.finditer(text):
            chinese = not m.group()[0].isdigit() and not "０" <= m.group()[0] <= "９"
            if chinese and not a.chinese:
                continue
            total += 1
            if any(covered[m.start():m.end()]):
                continue
            uncovered += 1
            if uncovered <= a.limit:
                ctx = text[max(0, m.start() - 10):m.end() + 8].replace("\n", "⏎")
                print(f"{path.name}\tMISS\t{m.group()}\t{ctx}")
    print(f"# numeral runs: {total}, not in any figure: {uncovered}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
