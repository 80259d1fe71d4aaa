"""Invariants of the whole pipeline on arbitrary text (Hypothesis)."""
from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cnpolicy_extract as ce

_EX = ce.Extractor(ce.Config(model=None))

# Arbitrary text, and text built from pieces that trigger rules.
_PIECES = st.sampled_from([
    "增长", "下降", "约", "超过", "以上", "左右", "1.2万家", "３．５％", "十几", "三分之一",
    "亿元", "个百分点", "“415X”", "十四五", "浙江省", "杭州", "经信厅", "厅长", "詹敏",
    "2023年", "去年", "前三季度", "，", "。", "、", "　", "\n", "(", "）", "〔2024〕3号",
    "第六", "一批", "两", "万", "亿", "%", "—", "至", "〇", "壹佰", "P", "吨",
])
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map("".join))


def _spans(d: dict[str, Any]) -> list[tuple[int, int, str | None]]:
    out = []
    for kind in ("figures", "codes", "organizations", "places", "times"):
        out += [(x["start"], x["end"], x.get("text")) for x in d[kind]]
    for p in d["people"]:
        out += [(m["start"], m["end"], None) for m in p["mentions"]]
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_never_raises_spans_index_input_and_deterministic(text: str) -> None:
    _check(_EX, text)


def _check(ex: ce.Extractor, text: str) -> None:
    d = ex.extract(text).to_dict()
    for start, end, span_text in _spans(d):
        assert 0 <= start < end <= len(text)
        if span_text is not None:
            assert span_text == text[start:end]
    assert ex.extract(text).to_dict() == d


_MODEL_EX = {policy: ce.Extractor(ce.Config(model="default", model_policy=policy))
             for policy in ("model", "rules")}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.sampled_from(["model", "rules"]))
def test_with_the_model_too(text: str, policy: str) -> None:
    _check(_MODEL_EX[policy], text)
