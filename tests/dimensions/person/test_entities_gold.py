"""Codes, organisations and people against the two gold documents, scored by
the shared scorer (skipped when ../shared is absent). Thresholds are the
issue's targets, so a regression below them fails."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from cnpolicy_extract import Config, Extractor

ROOT = Path(__file__).resolve().parents[3]
EX = Extractor(Config(kinds=frozenset({"codes", "organizations", "people", "places", "meta"}), model=None))

TARGETS = {
    "zhejiang-2024-new-productivity": {"codes": 0.95, "organizations": 0.90, "people": 0.95,
                                       "positions": 0.90},
    "gwr_prov_2025_zhejiang": {"codes": 0.90, "organizations": 0.85},
}


def _scorer(shared_dir: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", shared_dir / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_gold_targets(name: str, shared_dir: Path) -> None:
    score = _scorer(shared_dir)
    text = (ROOT / "fixtures" / "texts" / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((ROOT / "fixtures" / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
    pred = EX.extract(text, doc_id=f"{name}.txt").to_dict()
    result, _ = score.score({f"{name}.txt": gold}, {f"{name}.txt": pred})
    for kind, target in TARGETS[name].items():
        assert result[kind]["f1"] >= target, (kind, result[kind])
    if name.startswith("zhejiang"):
        assert result["organization_type_accuracy"] >= 0.90
