"""Place context patterns: the ``re`` spellings that the stage runs match
exactly what their ``regex`` definitions (with \\p{Han}) match."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnpolicy_extract.dimensions.place import rules

_FIXTURES = Path(__file__).parents[3] / "fixtures" / "texts"
_ORG_HEAD = rules.org_head_pattern()
_ORG_HEAD_DEF = regex.compile(rules.org_head_definition())
_BRAND_DEF = regex.compile(rules.BRAND_TAIL_DEFINITION)

_SENTENCES = (
    "杭州市人民政府", "浙江省委", "杭州市第十四届人大", "诸暨委员", "诸暨委员会", "宁波当局",
    "温州大学", "台州局面", "绍兴的发展", "金华市发展改革委", "湖州e港通", "舟山港", "嘉兴𠀀港",
    "丽水ㇰ港", "衢州〇号", "安吉abc",
)


def _same(definition: regex.Pattern[str], spelling: re.Pattern[str], text: str) -> None:
    for i in range(len(text) + 1):
        want = definition.match(text, i)
        got = spelling.match(text, i)
        assert (got and got.span()) == (want and want.span()), (text, i)


def test_org_head_pattern_matches_like_its_definition_on_the_fixtures() -> None:
    for p in sorted(_FIXTURES.glob("*.txt")):
        _same(_ORG_HEAD_DEF, _ORG_HEAD, p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", _SENTENCES)
def test_org_head_pattern_matches_like_its_definition(text: str) -> None:
    _same(_ORG_HEAD_DEF, _ORG_HEAD, text)


def test_org_head_pattern_tells_heads_from_other_words() -> None:
    assert _ORG_HEAD.match("杭州市人民政府", 2)
    assert not _ORG_HEAD.match("诸暨委员", 2)  # a member, not a committee
    assert not _ORG_HEAD.match("绍兴的发展", 2)


_HAN_EDGES = ["\u2e7f", "\u2e80", "\u3006", "\u3007", "\u4dbf", "\u4dc0", "\u9fff", "\ua000",
              "\U00020000", "\U0002a6e0", "港", "委", "局", "员", "会", "大", "学", "e", "5", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_HAN_EDGES, "政府", "发展改革委", "第十四届", "人大"]), max_size=10))
def test_patterns_match_like_their_definitions_at_the_edges_of_han(parts: list[str]) -> None:
    text = "".join(parts)
    _same(_ORG_HEAD_DEF, _ORG_HEAD, text)
    assert bool(rules.BRAND_TAIL.search(text)) == bool(_BRAND_DEF.search(text))


@pytest.mark.parametrize(("tail", "brand"), [("港", True), ("e港通", True), ("号", True), ("的发展", False),
                                             ("〇号", True), ("ㇰ", False), ("", False)])
def test_brand_tail(tail: str, brand: bool) -> None:
    assert bool(rules.BRAND_TAIL.search(tail)) is brand
    assert bool(_BRAND_DEF.search(tail)) is brand


_SUFFIX_WORDS = frozenset({"新区", "港区", "小镇", "保税港区", "区"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["新", "港", "区", "小", "镇", "保税", "税", "x"]), max_size=14).map("".join))
@example("保税港区新区小镇")
def test_suffix_starts_finds_every_occurrence(text: str) -> None:
    # By last character: the same starts as a search for each word, overlaps included.
    from cnpolicy_extract.dimensions.place import _by_last_character, _suffix_starts

    want = sorted(k for w in _SUFFIX_WORDS for k in range(len(text)) if text.startswith(w, k))
    assert _suffix_starts(text, _by_last_character(_SUFFIX_WORDS)) == want


def test_suffix_starts_example() -> None:
    from cnpolicy_extract.dimensions.place import _by_last_character, _suffix_starts

    by_last = _by_last_character(frozenset({"新区", "小镇"}))
    assert _suffix_starts("在临港新区和图灵小镇,区镇", by_last) == [3, 8]


@pytest.mark.parametrize("text", ["在临港新区和图灵小镇,图灵小镇", "特色小镇,梅山港区\n滨江新区", "图灵小镇",
                                  "a图灵小镇"])
def test_generic_zones_as_the_pattern_finds_them(text: str) -> None:
    from cnpolicy_extract.dimensions.place import _build, _generic_zones, _suffix_starts

    gaz = _build()
    want = list(dict.fromkeys(m["name"] + m["suf"] for m in gaz.generic_zone.finditer(text)
                              if m["name"] not in rules.GENERIC_ZONE_STOP))
    assert _generic_zones(text, gaz, _suffix_starts(text, gaz.generic_by_last)) == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["图灵", "灵小", "小镇", "新区", "港区", "镇", "区", "保税", "x"]),
                max_size=10).map("".join))
@example("图灵小镇图灵小镇小镇")
def test_zone_mentions_are_every_occurrence(text: str) -> None:
    from cnpolicy_extract.dimensions.place import _by_last_character, _suffix_starts, _zone_mentions

    starts = _suffix_starts(text, _by_last_character(_SUFFIX_WORDS))
    for zone in ("图灵小镇", "灵小小镇", "保税新区", "区区新区"):
        want = [i for i in range(len(text)) if text.startswith(zone, i)]
        assert _zone_mentions(text, zone, starts) == want
