"""``cnpolicy-extract train``: the linear-chain CRF entity tagger on PD1998.

CRFsuite (``python-crfsuite``, L-BFGS with L1+L2 regularisation) learns
weights for the feature keys of ``model.features`` over the train split; the
weights are exported to ``crf.npz`` for the numpy tagger (``model.linear``),
which is scored on the test split (exact spans, ``inner`` ignored).
"""
from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy

from ..model import bioes, features
from ..model.lexicon import Lexicon
from ..model.linear import MODEL_FILE, LinearTagger
from .corpus import NER_LABELS, Record, read_ner, span_prf
from .paths import pd1998_spans

PACKAGE_MODEL = Path(__file__).resolve().parents[1] / "models" / "ner_crf"
DEFAULT_PARAMS: dict[str, Any] = {"c1": 0.05, "c2": 0.01, "max_iterations": 200}


def _xseq(text: str, lexicon: Lexicon | None, wide: bool = False) -> list[list[str]]:
    k = features.keys(text, lexicon, wide)
    return k.astype(str).tolist()  # type: ignore[no-any-return]


def train(records: Iterable[Record], model_path: Path, lexicon: Lexicon | None,
          params: dict[str, Any] | None = None, verbose: bool = False, wide: bool = False) -> int:
    """Train CRFsuite on ``records`` into ``model_path``; returns the count."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    n = 0
    for r in records:
        if not r.text:
            continue
        trainer.append(_xseq(r.text, lexicon, wide), bioes.encode(len(r.text), r.spans))
        n += 1
    p = dict(DEFAULT_PARAMS)
    p.update(params or {})
    p["feature.possible_transitions"] = True
    trainer.set_params(p)
    trainer.train(str(model_path))
    return n


def export(crfsuite_model: Path, out: Path, lexicon: bool, wide: bool = False) -> Path:
    """Write the CRFsuite model's weights as ``out/crf.npz``."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_model))
    info = tagger.info()
    labels = sorted(info.labels.keys(), key=lambda lab: (lab != "O", lab))
    li = {lab: i for i, lab in enumerate(labels)}
    rows: dict[int, numpy.ndarray] = {}
    for (attr, lab), w in info.state_features.items():
        key = int(attr)
        row = rows.get(key)
        if row is None:
            row = rows[key] = numpy.zeros(len(labels), numpy.float32)
        row[li[lab]] = w
    keys = numpy.array(sorted(rows), dtype=numpy.int64)
    weights = numpy.stack([rows[int(k)] for k in keys]) if len(keys) else numpy.zeros((0, len(labels)))
    trans = numpy.zeros((len(labels), len(labels)), numpy.float32)
    for (a, b), w in info.transitions.items():
        trans[li[a], li[b]] = w
    out.mkdir(parents=True, exist_ok=True)
    path = out / MODEL_FILE
    numpy.savez_compressed(path, keys=keys, weights=weights.astype(numpy.float16), trans=trans,
                           labels=numpy.array(labels), lexicon=numpy.array(lexicon), wide=numpy.array(wide))
    return path


def score(tagger: LinearTagger, records: Sequence[Record],
          labels: Sequence[str] = NER_LABELS) -> dict[str, Any]:
    """Exact-span P/R/F1 per label, and chars/s of the tagger."""
    chars = sum(len(r.text) for r in records)
    t0 = time.process_time()
    preds = [tagger.spans(r.text) for r in records]
    secs = time.process_time() - t0
    out: dict[str, Any] = dict(span_prf(records, preds, labels))
    out["chars_per_s"] = round(chars / secs) if secs else 0
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="cnpolicy-extract train",
        description="Train the CRF entity tagger on the PD1998 train split, score it on dev or test.")
    ap.add_argument("--corpora", type=Path, default=None,
                    help="the shared corpora folder (default: $CNPOLICY_CORPORA or ../shared/corpora)")
    ap.add_argument("-o", "--output", type=Path, default=None, help="model directory (default: a temp dir)")
    ap.add_argument("--install", action="store_true", help=f"write the model to {PACKAGE_MODEL}")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N paragraphs only")
    ap.add_argument("--with-dev", action="store_true",
                    help="train on train + dev (the final model, once choices are made on dev)")
    ap.add_argument("--no-lexicon", action="store_true", help="character features only")
    ap.add_argument("--wide", action="store_true", help="also characters at ±3 and their bigrams")
    ap.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                    help=f"CRFsuite parameter (defaults {DEFAULT_PARAMS})")
    ap.add_argument("--split", default="test", choices=("dev", "test"), help="split to score on")
    ap.add_argument("--eval-only", type=Path, default=None, metavar="MODEL", help="only score MODEL")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    jsonl = pd1998_spans(args.corpora)
    if jsonl is None:
        return 2
    if args.eval_only:
        res = score(LinearTagger(args.eval_only), list(read_ner(jsonl, args.split)))
        print(json.dumps({"split": args.split, "model": str(args.eval_only), **res}))
        return 0
    lexicon = None if args.no_lexicon else Lexicon.default()
    params: dict[str, Any] = {}
    for p in args.param:
        k, _, v = p.partition("=")
        params[k] = json.loads(v)
    out = PACKAGE_MODEL if args.install else (args.output or Path(tempfile.mkdtemp(prefix="cnpolicy-crf-")))
    recs: Iterable[Record] = read_ner(jsonl, "train")
    if args.with_dev:
        recs = itertools.chain(recs, read_ner(jsonl, "dev"))
    if args.limit:
        recs = (r for _, r in zip(range(args.limit), recs, strict=False))
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "model.crfsuite"
        n = train(recs, raw, lexicon, params, verbose=args.verbose, wide=args.wide)
        path = export(raw, out, lexicon is not None, args.wide)
    minutes = (time.monotonic() - t0) / 60
    res = score(LinearTagger(path, lexicon), list(read_ner(jsonl, args.split)))
    print(json.dumps({"split": args.split, "paragraphs": n, "train_minutes": round(minutes, 1),
                      "model": str(path), "mb": round(path.stat().st_size / 2**20, 1), **res}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
