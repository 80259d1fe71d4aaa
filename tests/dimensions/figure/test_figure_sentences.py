"""Sentence fixtures with offsets (Recognizers-Text style): every figure of
each sentence, in order, with its span and attributes; nothing else."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import cnpolicy_extract as ce

_EX = ce.Extractor(ce.Config(kinds={"figures"}))
_CASES = json.loads((Path(__file__).parent / "sentences.json").read_text(encoding="utf-8"))
_KEYS = ("start", "end", "text", "unit", "dimension", "qualifier", "change", "modality")


def _num_eq(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6)


@pytest.mark.parametrize("case", _CASES, ids=[c["text"][:16] for c in _CASES])
def test_sentence(case: dict[str, Any]) -> None:
    got = [f.to_dict() for f in _EX.extract(case["text"]).figures]
    want = case["figures"]
    assert [g["text"] for g in got] == [w["text"] for w in want]
    for g, w in zip(got, want, strict=True):
        assert {k: g[k] for k in _KEYS} == {k: w[k] for k in _KEYS}
        assert _num_eq(g["value"], w["value"]) and _num_eq(g["value_max"], w["value_max"])
        assert case["text"][g["start"]:g["end"]] == g["text"]
