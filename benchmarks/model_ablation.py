"""Rules only, model only, both: PERSON / LOC / ORG on the PD1998 test split.

Exact spans of ``199801.jsonl`` (``inner`` ignored), one article (``doc``) per
``extract`` call, its paragraphs joined by newlines. "rules" is
``Extractor(Config(model=None))``; "model" is ``EntityModel.predict`` alone;
"both" is the rules followed by ``ModelStage`` (the extractor's own wiring when
it has one). Also prints chars/s (CPU time) of each.

Run: .venv/bin/python benchmarks/model_ablation.py [--model PATH] [--limit N] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
LABELS = ("PERSON", "LOC", "ORG")
Span = tuple[int, int, str]


def articles(path: Path, split: str, limit: int = 0) -> list[tuple[str, list[Span]]]:
    """(text, gold spans) per article of ``split``; paragraphs joined by '\\n'."""
    from cnpolicy_extract.training.corpus import split_of

    texts: dict[str, list[str]] = defaultdict(list)
    spans: dict[str, list[Span]] = defaultdict(list)
    offset: dict[str, int] = defaultdict(int)
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            doc = r["doc"]
            if split_of(doc) != split:
                continue
            base = offset[doc]
            for s in r["spans"]:
                if s["label"] in LABELS and not s.get("inner"):
                    spans[doc].append((base + s["start"], base + s["end"], s["label"]))
            texts[doc].append(r["text"])
            offset[doc] = base + len(r["text"]) + 1
    docs = sorted(texts)[: limit or None]
    return [("\n".join(texts[d]), spans[d]) for d in docs]


def doc_spans(doc: Any) -> list[Span]:
    """PERSON / LOC / ORG spans of a Document."""
    out = [(m.start, m.end, "PERSON") for p in doc.people for m in p.mentions]
    out += [(p.start, p.end, "LOC") for p in doc.places]
    out += [(o.start, o.end, "ORG") for o in doc.organizations]
    return out


def prf(gold: Iterable[Iterable[Span]], pred: Iterable[Iterable[Span]]) -> dict[str, dict[str, float]]:
    tp: dict[str, int] = defaultdict(int)
    ng: dict[str, int] = defaultdict(int)
    npr: dict[str, int] = defaultdict(int)
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for *_, lab in gs:
            ng[lab] += 1
        for *_, lab in ps:
            npr[lab] += 1
        for *_, lab in gs & ps:
            tp[lab] += 1
    out = {}
    for lab in LABELS:
        p = tp[lab] / npr[lab] if npr[lab] else 0.0
        r = tp[lab] / ng[lab] if ng[lab] else 0.0
        out[lab] = {"p": round(p, 4), "r": round(r, 4),
                    "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    return out


def both_extractor(model: str, labels: tuple[str, ...] | None = None,
                   override: tuple[str, ...] | None = None,
                   exclusive: tuple[str, ...] | None = None) -> Callable[[str], Any]:
    """``extract`` with the model: the extractor's own when it already wires
    ModelStage, else the rule stages, then ModelStage, then linking."""
    import cnpolicy_extract as ce
    from cnpolicy_extract.model import ModelStage
    from cnpolicy_extract.normalize import normalize
    from cnpolicy_extract.state import DocState

    ex = ce.Extractor(ce.Config(model=model))
    stages = ex._pipeline.get()
    default = labels is None and override is None and exclusive is None
    if default and any(isinstance(s, ModelStage) for s in stages):
        return ex.extract
    rules_ex = ce.Extractor(ce.Config(model=None))
    rule_stages = rules_ex._pipeline.get()
    kw: dict[str, Any] = {}
    if labels is not None:
        kw["labels"] = labels
    if override is not None:
        kw["override"] = override
    if exclusive is not None:
        kw["exclusive"] = exclusive
    model_stage = ModelStage(ce.Config(model=model), **kw)

    def extract(text: str) -> Any:
        state = DocState(norm=normalize(text), published=None, _tokenize=rules_ex._tokenize)
        for st in rule_stages[:-1]:
            st(state)
        model_stage(state)
        rule_stages[-1](state)  # linking and overlap resolution last
        return ce.Document(text=text, people=tuple(state.people), places=tuple(state.places),
                           organizations=tuple(state.organizations))
    return extract


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="default", help="model path or 'default' (the shipped one)")
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--policy", action="append", default=[], choices=("model", "rules"),
                    help="also score the extractor with Config(model_policy=…) (repeatable)")
    ap.add_argument("--both-labels", action="append", default=[], metavar="L1,L2[:O1,O2[:X1]]",
                    help="also score rules + model adding only these labels, the model's spans of "
                    "O1,O2 replacing overlapping rule entities of O1,O2, X1 the model's alone (repeatable)")
    args = ap.parse_args()
    jsonl = CORPORA / "pd1998" / "199801.jsonl"
    if not jsonl.is_file():
        print(f"{jsonl} is absent", file=sys.stderr)
        return 2

    import cnpolicy_extract as ce
    from cnpolicy_extract.model import EntityModel, resolve_model_path

    path = resolve_model_path(args.model)
    if path is None:
        print("no shipped model; pass --model PATH", file=sys.stderr)
        return 2
    data = articles(jsonl, args.split, args.limit)
    texts = [t for t, _ in data]
    gold = [g for _, g in data]
    chars = sum(map(len, texts))
    rules = ce.Extractor(ce.Config(model=None)).extract
    model = EntityModel(path)
    both = both_extractor(str(path))
    for fn in (rules, model.predict, both):  # load lazily built parts untimed
        fn(texts[0])
    systems: dict[str, Callable[[str], list[Span]]] = {
        "rules only": lambda t: doc_spans(rules(t)),
        "model only": model.predict,
        "rules + model": lambda t: doc_spans(both(t)),
    }
    for policy in args.policy:
        pex = ce.Extractor(ce.Config(model=str(path), model_policy=policy))
        pex.extract(texts[0])
        systems[f"policy {policy!r}"] = lambda t, pex=pex: doc_spans(pex.extract(t))
    for spec in args.both_labels:
        lab_part, over_part, excl_part = [*spec.split(":"), "", ""][:3]
        labs = tuple(lab_part.split(","))
        over = tuple(over_part.split(",")) if over_part else ()
        excl = tuple(excl_part.split(",")) if excl_part else ()
        ext = both_extractor(str(path), labs, over, excl)
        ext(texts[0])
        name = f"+model {'/'.join(labs)}" + (f" >{'/'.join(over)}" if over else "") + \
            (f" !{'/'.join(excl)}" if excl else "")
        systems[name] = lambda t, ext=ext: doc_spans(ext(t))
    results: dict[str, Any] = {}
    print(f"PD1998 {args.split}: {len(texts)} articles, {chars:,} chars; model {path}")
    print(f"{'system':<30}" + "".join(f"{lab + ' P/R/F1':>24}" for lab in LABELS) + f"{'chars/s':>11}")
    for name, fn in systems.items():
        t0 = time.process_time()
        pred = [fn(t) for t in texts]
        secs = time.process_time() - t0
        scores = prf(gold, pred)
        cps = chars / secs if secs else float("inf")
        results[name] = {**scores, "chars_per_s": round(cps)}
        cells = "".join(f"{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}" for s in scores.values())
        print(f"{name:<30}{cells}{cps:>11,.0f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, "model": str(path), "chars": chars,
                                         "results": results}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
