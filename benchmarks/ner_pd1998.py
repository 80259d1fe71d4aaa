"""PD1998 NER: our rules pipeline against jieba.posseg as a tagger, same run.

Scores exact spans of PERSON / LOC / ORG on a split of People's Daily,
January 1998 (``../shared/corpora/pd1998/199801.jsonl``; the split rule is in
``../shared/corpora/README.md``), ignoring spans marked ``inner``.

* jieba: a private ``jieba.Tokenizer`` with ``jieba.posseg`` (HMM on);
  ``nr`` → PERSON (consecutive ``nr`` tokens joined, as PD1998 joins
  surname and given name), ``ns`` → LOC, ``nt`` → ORG.
* ours: ``Extractor(Config(kinds={people, places, organizations},
  model=None))`` (rules only) over each article (paragraphs
  joined by newlines): people mentions → PERSON, places → LOC,
  organizations → ORG.

Usage: python benchmarks/ner_pd1998.py [--split test|dev] [--limit N] [--errors N]
(``--limit`` keeps the first N articles of the split).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT.parent / "shared" / "corpora" / "pd1998" / "199801.jsonl"
LABELS = ("PERSON", "LOC", "ORG")
DEV_START, TEST_START = "19980124-09-010", "19980127-02-011"


def in_split(doc: str, split: str) -> bool:
    if split == "test":
        return doc >= TEST_START
    if split == "dev":
        return DEV_START <= doc < TEST_START
    return doc < DEV_START


def load_articles(split: str, limit: int | None) -> list[tuple[str, str, set[tuple[int, int, str]]]]:
    """(doc id, article text, gold spans) with paragraphs joined by newlines."""
    paras: dict[str, list[dict]] = defaultdict(list)
    for line in CORPUS.open(encoding="utf-8"):
        d = json.loads(line)
        if in_split(d["doc"], split):
            paras[d["doc"]].append(d)
    out = []
    for doc in sorted(paras)[:limit]:
        text, gold, off = [], set(), 0
        for p in paras[doc]:
            for s in p["spans"]:
                if s["label"] in LABELS and not s.get("inner"):
                    gold.add((s["start"] + off, s["end"] + off, s["label"]))
            text.append(p["text"])
            off += len(p["text"]) + 1
        out.append((doc, "\n".join(text), gold))
    return out


def jieba_tagger():
    import logging

    import jieba
    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = tempfile.mkdtemp(prefix="ner_pd1998_jieba_")
    pos = jieba.posseg.POSTokenizer(tok)
    tag = {"nr": "PERSON", "ns": "LOC", "nt": "ORG"}

    def spans(text: str) -> set[tuple[int, int, str]]:
        out: set[tuple[int, int, str]] = set()
        i, prev = 0, None
        for w in pos.cut(text):
            lab = tag.get(w.flag)
            j = i + len(w.word)
            if lab == "PERSON" and prev is not None and prev[2] == "PERSON" and prev[1] == i:
                out.discard(prev)
                prev = (prev[0], j, lab)
                out.add(prev)
            elif lab:
                prev = (i, j, lab)
                out.add(prev)
            else:
                prev = None
            i = j
        return out

    return spans


def ours_tagger():
    from cnpolicy_extract import Config, Extractor

    # Rules only, and only the kinds scored here (the entity stages and
    # what they require).
    ex = Extractor(Config(kinds=frozenset({"people", "places", "organizations"}), model=None))

    def spans(text: str) -> set[tuple[int, int, str]]:
        doc = ex.extract(text)
        out = {(m.start, m.end, "PERSON") for p in doc.people for m in p.mentions}
        out |= {(p.start, p.end, "LOC") for p in doc.places}
        out |= {(o.start, o.end, "ORG") for o in doc.organizations}
        return out

    return spans


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of the split")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N misses and N false alarms of ours per label "
                         "(never use on test to build word lists)")
    a = ap.parse_args(argv)
    if not CORPUS.is_file():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    arts = load_articles(a.split, a.limit)
    nchars = sum(len(t) for _, t, _ in arts)
    results = {}
    errors: dict[str, list[str]] = defaultdict(list)
    for name, make in (("jieba", jieba_tagger), ("ours", ours_tagger)):
        tag = make()
        tag("预热")  # load dictionaries outside the timing
        counts = {lab: [0, 0, 0] for lab in LABELS}
        t0 = time.process_time()
        for _doc, text, gold in arts:
            pred = tag(text)
            for lab in LABELS:
                g = {x for x in gold if x[2] == lab}
                p = {x for x in pred if x[2] == lab}
                counts[lab][0] += len(g & p)
                counts[lab][1] += len(p - g)
                counts[lab][2] += len(g - p)
                if name == "ours" and a.errors:
                    for key, spans in ((f"MISS {lab}", g - p), (f"FA   {lab}", p - g)):
                        for s, e, _ in sorted(spans):
                            context = text[max(0, s - 8):e + 8].replace("\n", " ")
                            errors[key].append(f"{text[s:e]}\t…{context}…")
        results[name] = (counts, time.process_time() - t0)
    print(f"PD1998 {a.split} split: {len(arts)} articles, {nchars} chars (exact spans, inner spans ignored)")
    print(f"{'label':<8}{'jieba P':>9}{'R':>7}{'F1':>7}   {'ours P':>8}{'R':>7}{'F1':>7}   {'ΔF1':>7}")
    for lab in LABELS:
        jp, jr, jf = prf(*results["jieba"][0][lab])
        op, orr, of = prf(*results["ours"][0][lab])
        print(f"{lab:<8}{jp:>9.3f}{jr:>7.3f}{jf:>7.3f}   {op:>8.3f}{orr:>7.3f}{of:>7.3f}   {of - jf:>+7.3f}")
    for name, (_, secs) in results.items():
        print(f"{name}: {secs:.1f} CPU s, {nchars / max(secs, 1e-9) / 1000:.0f} k chars/s")
    for key, lines in sorted(errors.items()):
        print(f"--- {key} ({len(lines)})")
        for line in lines[: a.errors]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
