"""Reading the PD1998 corpus, the fixed train/dev/test split, and normalisation.

The split is by article id (``doc``), compared as strings (see
../shared/corpora/README.md): never train on ``test``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..normalize import halfwidth

DEV_START = "19980124-09-010"
TEST_START = "19980127-02-011"
SPLITS = ("train", "dev", "test")
#: the entity labels the model learns (PD1998 names); TIME/NUM/… stay with rules
NER_LABELS = ("PERSON", "LOC", "ORG")


def split_of(doc: str) -> str:
    """``train`` / ``dev`` / ``test`` for an article id like ``19980101-01-001``."""
    if doc < DEV_START:
        return "train"
    if doc < TEST_START:
        return "dev"
    return "test"


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str  # normalised (half-width), same length as the corpus text
    spans: tuple[tuple[int, int, str], ...]  # outer spans only (``inner`` dropped)


def read_ner(path: Path, split: str, labels: tuple[str, ...] = NER_LABELS) -> Iterator[Record]:
    """Records of ``199801.jsonl`` in ``split``, normalised, outer spans of ``labels``."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if split_of(r["doc"]) != split:
                continue
            spans = tuple(
                (s["start"], s["end"], s["label"])
                for s in r["spans"]
                if s["label"] in labels and not s.get("inner")
            )
            yield Record(r["id"], halfwidth(r["text"]), spans)


def doc_of_paragraph(pid: str) -> str:
    """``19980101-01-001-002`` → ``19980101-01-001``."""
    return pid.rsplit("-", 1)[0]


def read_words(path: Path, split: str) -> Iterator[list[str]]:
    """Gold segmentation of ``199801.pos.txt`` in ``split``: a list of words per
    paragraph, normalised; bracketed compounds are split into their words."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    with path.open(encoding="utf-8") as f:
        for line in f:
            toks = line.split()
            if not toks:
                continue
            pid = toks[0].rsplit("/", 1)[0]
            if split_of(doc_of_paragraph(pid)) != split:
                continue
            words = []
            for tok in toks[1:]:
                w = tok.rsplit("/", 1)[0].lstrip("[")
                if w:
                    words.append(halfwidth(w))
            if words:
                yield words


def span_prf(records: Iterable[Record], predictions: Iterable[Iterable[tuple[int, int, str]]],
             labels: Sequence[str] = NER_LABELS) -> dict[str, dict[str, Any]]:
    """Exact-span P/R/F1 (and the gold count) per label of ``predictions``
    against the records' spans."""
    tp = dict.fromkeys(labels, 0)
    n_pred = dict.fromkeys(labels, 0)
    n_gold = dict.fromkeys(labels, 0)
    for r, spans in zip(records, predictions, strict=True):
        gold = {sp for sp in r.spans if sp[2] in tp}
        pred = {sp for sp in spans if sp[2] in tp}
        for _, _, lab in gold:
            n_gold[lab] += 1
        for _, _, lab in pred:
            n_pred[lab] += 1
        for _, _, lab in gold & pred:
            tp[lab] += 1
    out: dict[str, dict[str, Any]] = {}
    for lab in labels:
        p = tp[lab] / n_pred[lab] if n_pred[lab] else 0.0
        r_ = tp[lab] / n_gold[lab] if n_gold[lab] else 0.0
        f = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        out[lab] = {"p": round(p, 4), "r": round(r_, 4), "f1": round(f, 4), "gold": n_gold[lab]}
    return out
