"""End-to-end: figures-only extraction on both annotated fixtures, scored with
the matching rules of ../shared/eval/score.py (a gold figure is found by an
overlapping prediction with value/value_max within 1e-6 relative and the same
unit; strict also needs the exact span; attributes are accuracies over found
figures)."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import cnpolicy_extract as ce

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
_EX = ce.Extractor(ce.Config(kinds={"figures"}))


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _agree(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return _num_eq(g["value"], p["value"]) and _num_eq(g.get("value_max"), p.get("value_max")) \
        and (g.get("unit") or None) == (p.get("unit") or None)


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], strict: bool = False
          ) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], int, int]:
    """Greedy one-to-one matching in gold order; returns (pairs, missed, extra)."""
    used: set[int] = set()
    pairs = []
    for g in sorted(gold, key=lambda x: x["start"]):
        for i, p in enumerate(pred):
            if i in used or not (g["start"] < p["end"] and p["start"] < g["end"]) or not _agree(g, p):
                continue
            if strict and (g["start"], g["end"]) != (p["start"], p["end"]):
                continue
            used.add(i)
            pairs.append((g, p))
            break
    return pairs, len(gold) - len(pairs), len(pred) - len(used)


def f1(tp: int, fn: int, fp: int) -> float:
    return 2 * tp / (2 * tp + fn + fp) if tp else 0.0


def _score(name: str) -> dict[str, float]:
    gold = json.loads((FIXTURES / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))["figures"]
    text = (FIXTURES / "texts" / f"{name}.txt").read_text(encoding="utf-8")
    pred = _EX.extract(text, doc_id=f"{name}.txt").to_dict()["figures"]
    pairs, fn, fp = match(gold, pred)
    spairs, sfn, sfp = match(gold, pred, strict=True)
    out = {"f1": f1(len(pairs), fn, fp), "strict": f1(len(spairs), sfn, sfp)}
    for a in ("qualifier", "dimension", "change", "modality"):
        out[a] = sum(g.get(a) == p.get(a) for g, p in pairs) / max(1, len(pairs))
    return out


def test_matcher_counts_overlap_value_and_unit() -> None:
    def fig(start: int, end: int, value: float, unit: str) -> dict[str, Any]:
        return {"start": start, "end": end, "value": value, "value_max": None, "unit": unit}

    g = [fig(0, 4, 5.5, "%")]
    assert match(g, [fig(1, 4, 5.5 * (1 + 1e-8), "%")])[1:] == (0, 0)  # overlap, value within 1e-6
    assert match(g, [fig(4, 6, 5.5, "%")])[1:] == (1, 1)  # no overlap
    assert match(g, [fig(0, 4, 5.5, "pp")])[1:] == (1, 1)  # other unit
    assert match(g, [fig(1, 4, 5.5, "%")], strict=True)[1:] == (1, 1)  # strict: exact span


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
