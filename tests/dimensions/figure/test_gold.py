"""End-to-end: figures-only extraction on both annotated fixtures, scored with
``cnpolicy_extract.evaluate`` (the matching rules of ../shared/eval/score.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import cnpolicy_extract as ce
from cnpolicy_extract.evaluate import PRF, match

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
_EX = ce.Extractor(ce.Config(kinds={"figures"}))


def f1(tp: int, fn: int, fp: int) -> float:
    return PRF(tp, fn, fp).f1


def _score(name: str) -> dict[str, float]:
    gold = json.loads((FIXTURES / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))["figures"]
    text = (FIXTURES / "texts" / f"{name}.txt").read_text(encoding="utf-8")
    pred = _EX.extract(text, doc_id=f"{name}.txt").to_dict()["figures"]
    pairs, missed, extra = match("figures", gold, pred)
    spairs, smissed, sextra = match("figures", gold, pred, strict=True)
    out = {"f1": f1(len(pairs), len(missed), len(extra)),
           "strict": f1(len(spairs), len(smissed), len(sextra))}
    for a in ("qualifier", "dimension", "change", "modality"):
        out[a] = sum(g.get(a) == p.get(a) for g, p in pairs) / max(1, len(pairs))
    return out


@pytest.mark.parametrize(("name", "thresholds"), [
    ("zhejiang-2024-new-productivity",
     {"f1": 0.97, "strict": 0.95, "qualifier": 0.95, "dimension": 0.95, "change": 0.95, "modality": 0.9}),
    ("gwr_prov_2025_zhejiang", {"f1": 0.95, "strict": 0.93, "qualifier": 0.95, "dimension": 0.95,
                                "change": 0.9, "modality": 0.85}),
])
def test_gold_figures(name: str, thresholds: dict[str, float]) -> None:
    scores = _score(name)
    low = {k: round(scores[k], 3) for k, v in thresholds.items() if scores[k] < v}
    assert not low, f"{name}: below threshold {low} (all: {scores})"
