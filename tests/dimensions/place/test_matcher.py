"""The name index finds exactly what a brute-force search finds: every
occurrence of every name, overlapping ones, at the text's ends, next to
characters outside the Basic Multilingual Plane."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract.dimensions.place.matcher import NameIndex

_NAMES = {n: i for i, n in enumerate(
    ["浙江", "浙江省", "江省", "杭州", "杭州市", "市场", "长三角", "长三角地区", "中国", "国中",
     "𠀋山", "山𠀋", "ab", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"])}
_INDEX = NameIndex.build(_NAMES)


def _brute(text: str) -> list[tuple[int, int, int]]:
    return [(s, s + n, _NAMES[text[s:s + n]]) for s in range(len(text)) for n in range(2, 32)
            if s + n <= len(text) and text[s:s + n] in _NAMES]


@pytest.mark.parametrize("text", ["", "浙", "浙江", "浙江省杭州市场", "长三角地区中国中", "𠀋山𠀋", "xab",
                                  "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"])
def test_examples(text: str) -> None:
    assert _INDEX.find(text) == _brute(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["浙", "江", "省", "杭", "州", "市", "场", "长", "三", "角", "地", "区",
                                 "中", "国", "𠀋", "山", "a", "b", "，"]), max_size=40).map("".join))
def test_same_as_brute_force(text: str) -> None:
    assert _INDEX.find(text) == _brute(text)


def test_rejects_names_it_cannot_index() -> None:
    with pytest.raises(ValueError):
        NameIndex.build({"浙": 0})
    with pytest.raises(ValueError):
        NameIndex.build({"一" * 32: 0})
