"""``cnpolicy-extract train-segmenter``: spacy-pkuseg trained on PD1998 (train split).

The model goes to ``paths.segmenter_dir()`` (the user's cache), where the
pkuseg tokenizer backend looks; it is not shipped (≈75 MB). Training runs
spacy-pkuseg's own trainer, but iteration by iteration so that a time budget
can stop it early and the model is saved after every iteration (the stock
``spacy_pkuseg.train`` saves only at the very end).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .corpus import read_words
from .paths import default_corpora_dir


def write_lines(sentences: Iterable[list[str]], path: Path) -> int:
    """One sentence a line, words separated by single spaces (pkuseg's format);
    spaces inside a word would split it, so they are dropped."""
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for words in sentences:
            ws = [w.replace(" ", "") for w in words]
            ws = [w for w in ws if w]
            if ws:
                f.write(" ".join(ws) + "\n")
                n += 1
    return n


def train(train_file: Path, dev_file: Path, out_dir: Path, iters: int,
          max_minutes: float | None = None, log: Callable[[str], None] = print) -> int:
    """Train ``iters`` ADF iterations (fewer if ``max_minutes`` runs out);
    the model in ``out_dir`` is complete after every iteration. Returns the
    number of iterations run."""
    from spacy_pkuseg import trainer as T
    from spacy_pkuseg.config import config

    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    config.trainFile = str(train_file)
    config.testFile = str(dev_file)
    config.modelDir = str(out_dir)
    config.nThread = 1
    config.ttlIter = iters
    config.init_model = None
    os.makedirs(config.outDir, exist_ok=True)  # pkuseg's private temp dir

    fe = T.FeatureExtractor()
    fe.build(config.trainFile)
    fe.save()
    fe.convert_text_file_to_feature_file(config.trainFile, config.c_train, config.f_train)
    fe.convert_feature_file_to_idx_file(config.f_train, config.fFeatureTrain, config.fGoldTrain)
    config.globalCheck()
    trainset = T.DataSet.load(config.fFeatureTrain, config.fGoldTrain)
    log(f"features built in {time.monotonic() - started:.0f}s; {len(trainset)} training sentences")
    trainer = T.Trainer(config, trainset, fe)
    done = 0
    for i in range(iters):
        t0 = time.monotonic()
        err, _, diff = trainer.train_epoch()
        trainer.model.save()
        done = i + 1
        elapsed = (time.monotonic() - started) / 60
        log(f"iter {i}: err={err} diff={diff:.2e} {time.monotonic() - t0:.0f}s (total {elapsed:.1f} min)")
        per_iter = (time.monotonic() - t0) / 60
        if max_minutes is not None and elapsed + per_iter > max_minutes:
            log(f"stopping after {done} iterations: time budget {max_minutes} min")
            break
    return done


def word_spans(text: str, words: Sequence[str]) -> set[tuple[int, int]]:
    """Character spans of ``words`` found in order in ``text`` (whitespace skipped)."""
    spans = set()
    pos = 0
    for w in words:
        w = w.strip()
        if not w:
            continue
        i = text.find(w, pos)
        if i < 0:  # a segmenter that rewrites text; count the word as wrong
            continue
        spans.add((i, i + len(w)))
        pos = i + len(w)
    return spans


def word_prf(gold: Iterable[list[str]], cut: Callable[[str], list[str]]) -> dict[str, float]:
    """Word precision / recall / F1 of ``cut`` against gold segmentation."""
    tp = n_pred = n_gold = 0
    chars = 0
    t0 = time.perf_counter()
    for words in gold:
        text = "".join(words)
        chars += len(text)
        g = word_spans(text, words)
        p = word_spans(text, cut(text))
        tp += len(g & p)
        n_gold += len(g)
        n_pred += len(p)
    secs = time.perf_counter() - t0
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(f1, 4),
            "chars_per_s": round(chars / secs) if secs else 0}


def evaluate(model_dir: Path, corpora: Path, split: str = "test") -> dict[str, dict[str, float]]:
    """Word P/R/F1 of the trained model and of ``jieba.lcut`` on ``split``."""
    import jieba
    import spacy_pkuseg

    gold = list(read_words(corpora / "pd1998" / "199801.pos.txt", split))
    seg = spacy_pkuseg.pkuseg(model_name=str(model_dir))
    from ..paths import cache_dir

    jb = jieba.Tokenizer()
    jb.tmp_dir = str(cache_dir())  # never the shared temp directory (NOTES.md)
    cache_dir().mkdir(parents=True, exist_ok=True)
    return {"pkuseg-pd1998": word_prf(gold, seg.cut), "jieba": word_prf(gold, jb.lcut)}


def main(argv: Sequence[str] | None = None) -> int:
    from ..paths import segmenter_dir

    ap = argparse.ArgumentParser(
        prog="cnpolicy-extract train-segmenter",
        description="Train spacy-pkuseg on the PD1998 train split into the user cache.")
    ap.add_argument("--corpora", type=Path, default=None,
                    help="the shared corpora folder (default: $CNPOLICY_CORPORA or ../shared/corpora)")
    ap.add_argument("-o", "--output", type=Path, default=None,
                    help=f"model directory (default: {segmenter_dir()})")
    ap.add_argument("--iters", type=int, default=10, help="ADF iterations (pkuseg's default is 20)")
    ap.add_argument("--max-minutes", type=float, default=50.0,
                    help="stop after the iteration that would overrun this budget")
    ap.add_argument("--limit", type=int, default=None, help="train on the first N paragraphs only")
    ap.add_argument("--eval-only", action="store_true", help="only score an existing model")
    ap.add_argument("--split", default="test", choices=("dev", "test"), help="split to score on")
    args = ap.parse_args(argv)

    corpora = args.corpora or default_corpora_dir()
    out = args.output or segmenter_dir()
    pos = corpora / "pd1998" / "199801.pos.txt"
    if not pos.exists():
        print(f"error: {pos} not found (pass --corpora)", file=sys.stderr)
        return 2
    if not args.eval_only:
        with tempfile.TemporaryDirectory(prefix="cnpolicy-seg-") as tmp:
            tr, dv = Path(tmp) / "train.txt", Path(tmp) / "dev.txt"
            sents = read_words(pos, "train")
            if args.limit:
                sents = (s for i, s in zip(range(args.limit), sents, strict=False))
            n = write_lines(sents, tr)
            write_lines(read_words(pos, "dev"), dv)
            t0 = time.monotonic()
            iters = train(tr, dv, out, args.iters, args.max_minutes)
            print(f"trained {iters} iterations on {n} paragraphs in "
                  f"{(time.monotonic() - t0) / 60:.1f} min → {out}")
    scores = evaluate(out, corpora, args.split)
    print(json.dumps({"split": args.split, **scores}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
