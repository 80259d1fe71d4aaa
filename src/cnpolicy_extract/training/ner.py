"""``cnpolicy-extract train-spacy``: the spaCy entity model (PERSON, LOC, ORG) on PD1998.

Builds DocBins from the PD1998 train/dev split (normalised text, char tokens,
outer spans), runs ``spacy train`` on ``ner_pd1998.cfg`` (beside this module) with its
fixed seed, and scores the best model on the test split (exact spans, ``inner``
ignored). ``--install`` copies the model to the package data directory.
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..model import bioes
from ..model.spacy_doc import predict_spans
from .corpus import NER_LABELS, Record, read_ner, span_prf
from .paths import pd1998_spans

# package data, so that an installed wheel trains too (not only a checkout)
DEFAULT_CONFIG = Path(__file__).resolve().parent / "ner_pd1998.cfg"
PACKAGE_MODEL = Path(__file__).resolve().parents[1] / "models" / "ner_pd1998"


def to_docbin(records: Iterable[Record], path: Path) -> int:
    """Write ``records`` as a spaCy DocBin of char-tokenised docs whose tags
    are the BIOES encoding of the spans; returns the count."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("zh")
    db = DocBin(attrs=["ORTH", "TAG"], store_user_data=False)
    n = 0
    for r in records:
        doc = nlp.make_doc(r.text)
        tok_spans = []
        for s, e, label in r.spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                tok_spans.append((span.start, span.end, label))
        for tok, tag in zip(doc, bioes.encode(len(doc), tok_spans), strict=True):
            tok.tag_ = tag
        db.add(doc)
        n += 1
    db.to_disk(path)
    return n


def score(nlp: Any, records: Sequence[Record], labels: Sequence[str] = NER_LABELS) -> dict[str, Any]:
    """Exact-span P/R/F1 per label of the tagger pipeline ``nlp`` on
    ``records`` (spans decoded as the library decodes them), and chars/s."""
    chars = sum(len(r.text) for r in records)
    t0 = time.process_time()
    preds = list(predict_spans(nlp, [r.text for r in records]))
    secs = time.process_time() - t0
    out: dict[str, Any] = dict(span_prf(records, preds, labels))
    out["chars_per_s"] = round(chars / secs) if secs else 0
    return out


def train_pipeline(train_recs: Iterable[Record], dev_recs: Iterable[Record], out: Path,
                   config: Path = DEFAULT_CONFIG, overrides: dict[str, Any] | None = None) -> Path:
    """Build the DocBins in ``out/corpus`` and run ``spacy train``; returns
    ``out/model-best``."""
    from spacy.cli.train import train as spacy_train

    from ..model import architectures  # noqa: F401  (registers the embedding layer)

    out.mkdir(parents=True, exist_ok=True)
    data = out / "corpus"
    data.mkdir(exist_ok=True)
    n_train = to_docbin(train_recs, data / "train.spacy")
    n_dev = to_docbin(dev_recs, data / "dev.spacy")
    print(f"corpus: {n_train} train / {n_dev} dev paragraphs → {data}", flush=True)
    ov: dict[str, Any] = {"paths.train": str(data / "train.spacy"), "paths.dev": str(data / "dev.spacy")}
    ov.update(overrides or {})
    spacy_train(config, out, overrides=ov)
    return out / "model-best"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="cnpolicy-extract train-spacy",
        description="Train the entity model on the PD1998 train split (dev for model selection), "
        "score it on the test split.")
    ap.add_argument("--corpora", type=Path, default=None,
                    help="the shared corpora folder (default: $CNPOLICY_CORPORA or ../shared/corpora)")
    ap.add_argument("-c", "--config", type=Path, default=DEFAULT_CONFIG, help="spaCy training config")
    ap.add_argument("-o", "--output", type=Path, default=None,
                    help="training output directory (model-best, model-last); default: a temp dir")
    ap.add_argument("--install", action="store_true",
                    help=f"copy model-best to {PACKAGE_MODEL} (then Config(model=that path))")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N paragraphs only")
    ap.add_argument("--dev-limit", type=int, default=800,
                    help="select the model on the first N dev paragraphs (800: cheap evaluations; 0 = all)")
    ap.add_argument("--max-epochs", type=int, default=None, help="override training.max_epochs")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--seed", type=int, default=None, help="override system.seed")
    ap.add_argument("--override", action="append", default=[], metavar="SECTION.KEY=VALUE",
                    help="any other config override (value in config syntax)")
    ap.add_argument("--eval-only", type=Path, default=None, metavar="MODEL",
                    help="only score MODEL on the test split")
    ap.add_argument("--split", default="test", choices=("dev", "test"), help="split to score on")
    args = ap.parse_args(argv)

    if not args.config.is_file() and (PACKAGE_MODEL / "config.cfg").is_file():
        args.config = PACKAGE_MODEL / "config.cfg"  # installed without the repo: the shipped model's own
    jsonl = pd1998_spans(args.corpora)
    if jsonl is None:
        return 2
    import spacy

    from ..model import architectures  # noqa: F401  (registers the embedding layer)

    if args.eval_only:
        nlp = spacy.load(args.eval_only)
        res = score(nlp, list(read_ner(jsonl, args.split)))
        print(json.dumps({"split": args.split, "model": str(args.eval_only), **res}))
        return 0

    out = args.output or Path(tempfile.mkdtemp(prefix="cnpolicy-ner-"))
    train_recs: Iterable[Record] = read_ner(jsonl, "train")
    if args.limit:
        train_recs = (r for _, r in zip(range(args.limit), train_recs, strict=False))
    dev_recs: Iterable[Record] = read_ner(jsonl, "dev")
    if args.dev_limit:
        dev_recs = (r for _, r in zip(range(args.dev_limit), dev_recs, strict=False))
    overrides: dict[str, Any] = {}
    if args.max_epochs is not None:
        overrides["training.max_epochs"] = args.max_epochs
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.seed is not None:
        overrides["system.seed"] = args.seed
    for ov in args.override:
        key, _, value = ov.partition("=")
        overrides[key] = json.loads(value) if value[:1] in "[{\"0123456789-tfn" else value
    t0 = time.monotonic()
    best = train_pipeline(train_recs, dev_recs, out, args.config, overrides)
    minutes = (time.monotonic() - t0) / 60
    res = score(spacy.load(best), list(read_ner(jsonl, args.split)))
    print(json.dumps({"split": args.split, "train_minutes": round(minutes, 1), **res}), flush=True)
    if args.install:
        if PACKAGE_MODEL.exists():
            shutil.rmtree(PACKAGE_MODEL)
        shutil.copytree(best, PACKAGE_MODEL)
        print(f"installed {best} → {PACKAGE_MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
