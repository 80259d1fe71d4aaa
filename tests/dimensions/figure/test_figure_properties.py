"""Hypothesis properties of figure extraction: never raises on any str, every
span indexes the input, deterministic, and full-width text gives the same
figures as its half-width form."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cnpolicy_extract as ce

_EX = ce.Extractor(ce.Config(kinds={"figures"}))

_PIECES = st.sampled_from([
    "增长", "下降", "新增", "预计", "力争", "约", "超过", "以上", "左右", "余", "多", "1.2万家", "3.5", "%",
    "‰", "十几", "三分之一", "百分之", "亿元", "万", "亿", "个百分点", "倍", "翻一番", "“415X”", "十四五",
    "2023年", "1月", "第", "六", "两", "大", "一批", "〇", "壹佰", "P", "吨", "/", "元", "至", "—", "-",
    "~", "、", "，", "。", "\n", "(", ")", "〔2024〕3号", "0571-88888888", "5G", "1,100", "成", "七八",
])
_TEXTS = st.one_of(st.text(max_size=120), st.lists(_PIECES, max_size=30).map("".join))

# ASCII characters that have a full-width form (U+FF01..U+FF5E), and space
_FULL = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
_FULL[0x20] = 0x3000


def _key(d: dict) -> list[tuple]:
    return [(f["start"], f["end"], f["value"], f["value_max"], f["unit"], f["dimension"], f["qualifier"],
             f["change"], f["modality"]) for f in d["figures"]]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_never_raises_spans_index_input_deterministic(text: str) -> None:
    d = _EX.extract(text).to_dict()
    for f in d["figures"]:
        assert 0 <= f["start"] < f["end"] <= len(text)
        assert f["text"] == text[f["start"]:f["end"]]
        assert f["value"] >= 0
        assert f["value_max"] is None or f["value_max"] > f["value"]
    assert _key(_EX.extract(text).to_dict()) == _key(d)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_full_width_gives_same_values(text: str) -> None:
    full = text.translate(_FULL)
    assert _key(_EX.extract(full).to_dict()) == _key(_EX.extract(text).to_dict())
