"""Output snapshots, to prove a speed change changes nothing.

``write OUT`` runs the rules pipeline (``Config(model=None)``, every kind)
over ../shared/texts, the bundled fixtures and the first articles of the
PD1998 dev split, and writes one JSON line per document (``to_dict()``,
keys sorted). ``compare A B`` names every document and kind that differs.

    python benchmarks/snapshot.py write /tmp/before.jsonl
    ... change code ...
    python benchmarks/snapshot.py write /tmp/after.jsonl
    python benchmarks/snapshot.py compare /tmp/before.jsonl /tmp/after.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PD1998 = SHARED / "corpora" / "pd1998" / "199801.jsonl"
DEV_START, TEST_START = "19980124-09-010", "19980127-02-011"


def sources(pd_articles: int) -> Iterator[tuple[str, str]]:
    for p in sorted((SHARED / "texts").glob("*.txt")):
        yield f"texts/{p.name}", p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "fixtures" / "texts").glob("*.txt")):
        yield f"fixtures/{p.name}", p.read_text(encoding="utf-8")
    if not PD1998.exists() or pd_articles <= 0:
        return
    paras: dict[str, list[str]] = {}
    with PD1998.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if DEV_START <= d["doc"] < TEST_START:
                paras.setdefault(d["doc"], []).append(d["text"])
    for doc in sorted(paras)[:pd_articles]:
        yield f"pd1998/{doc}", "\n".join(paras[doc])


def write(out: Path, pd_articles: int) -> int:
    from cnpolicy_extract import Config, Extractor

    ex = Extractor(Config(model=None))
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for name, text in sources(pd_articles):
            d = ex.extract(text, doc_id=name).to_dict()
            f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"wrote {n} documents to {out}")
    return 0


def compare(a: Path, b: Path, show: int) -> int:
    def load(p: Path) -> dict[str, dict]:
        return {d["id"]: d for d in map(json.loads, p.open(encoding="utf-8"))}

    da, db = load(a), load(b)
    bad = 0
    for doc in sorted(set(da) | set(db)):
        x, y = da.get(doc), db.get(doc)
        if x is None or y is None:
            print(f"{doc}: only in {'B' if x is None else 'A'}")
            bad += 1
            continue
        for key in sorted(set(x) | set(y)):
            if x.get(key) != y.get(key):
                bad += 1
                if bad <= show:
                    xa, ya = x.get(key), y.get(key)
                    if isinstance(xa, list) and isinstance(ya, list):
                        sa = {json.dumps(i, ensure_ascii=False, sort_keys=True) for i in xa}
                        sb = {json.dumps(i, ensure_ascii=False, sort_keys=True) for i in ya}
                        print(f"{doc} [{key}]: -{len(sa - sb)} +{len(sb - sa)}")
                        for i in sorted(sa - sb)[:3]:
                            print(f"   - {i[:300]}")
                        for i in sorted(sb - sa)[:3]:
                            print(f"   + {i[:300]}")
                        if sa == sb:
                            print("   (same items, different order)")
                    else:
                        print(f"{doc} [{key}]: {str(xa)[:200]} -> {str(ya)[:200]}")
    print(f"{len(da)} vs {len(db)} documents; {bad} differing (document, key) pairs")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--pd-articles", type=int, default=400, help="PD1998 dev articles (400)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    if args.cmd == "write":
        return write(args.out, args.pd_articles)
    return compare(args.a, args.b, args.show)


if __name__ == "__main__":
    sys.exit(main())
