from __future__ import annotations

from pathlib import Path

import pytest

from cnpolicy_extract.training.corpus import read_ner, read_words, split_of


@pytest.mark.parametrize(("doc", "split"), [
    ("19980101-01-001", "train"),
    ("19980124-09-009", "train"),
    ("19980124-09-010", "dev"),
    ("19980127-02-010", "dev"),
    ("19980127-02-011", "test"),
    ("19980131-12-001", "test"),
])
def test_split_boundaries(doc: str, split: str) -> None:
    assert split_of(doc) == split


@pytest.mark.corpora
def test_splits_are_disjoint_and_normalised(corpora_dir: Path) -> None:
    jsonl = corpora_dir / "pd1998" / "199801.jsonl"
    ids = {s: {r.id for r in read_ner(jsonl, s)} for s in ("train", "dev", "test")}
    assert not ids["train"] & ids["test"] and not ids["dev"] & ids["test"]
    rec = next(iter(read_ner(jsonl, "test")))
    assert not any("\uff10" <= c <= "\uff5a" for c in rec.text)  # no full-width digits/letters
    for s, e, label in rec.spans:
        assert label in {"PERSON", "LOC", "ORG"} and 0 <= s < e <= len(rec.text)


@pytest.mark.corpora
def test_segmentation_gold_matches_ner_text(corpora_dir: Path) -> None:
    pd = corpora_dir / "pd1998"
    words = next(iter(read_words(pd / "199801.pos.txt", "dev")))
    rec = next(iter(read_ner(pd / "199801.jsonl", "dev")))
    assert "".join(words) == rec.text.replace(" ", "")


def test_span_prf_counts_exact_spans_per_label() -> None:
    from cnpolicy_extract.training.corpus import Record, span_prf

    recs = [Record("a", "张三在北京", ((0, 2, "PERSON"), (3, 5, "LOC"))),
            Record("b", "李四", ((0, 2, "PERSON"),))]
    preds = [[(0, 2, "PERSON"), (3, 4, "LOC")], [(0, 2, "PERSON"), (0, 2, "ORG")]]
    got = span_prf(recs, preds)
    assert got["PERSON"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 2}
    assert got["LOC"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1}  # boundary off by one: a miss
    assert got["ORG"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 0}
