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


@pytest.mark.parametrize(("text", "modalities"), [
    # the lines under a lead-in line of targets, up to the first that ends a sentence
    ("主要预期目标是：\n地区生产总值增长5%左右；\n城镇新增就业110万人以上。\n去年生产总值增长6%。",
     ["target", "target", "actual"]),
    ("主要目标任务:\n粮食产量稳定在100万吨。", ["target"]),
    # the colon alone on the next line; bullet items after a sentence end go on
    ("目标是\n：\n● 项目引进\n引进项目500个。\n● 外资\n引进外资项目50个。\n去年引进项目300个。",
     ["target", "target", "actual"]),
    # a colon line without a target word, or a long sentence ending in a colon, does not
    ("主要成绩如下：\n生产总值增长6%。", ["actual"]),
    ("我们认真落实了年初确定的各项目标，经济运行稳中有进，取得的成绩来之不易，概括起来有以下几个方面，具体是：\n"
     "生产总值增长6%。", ["actual"]),
])
def test_target_list_under_a_lead_in_line(text: str, modalities: list[str]) -> None:
    assert [f.modality for f in _EX.extract(text).figures] == modalities
