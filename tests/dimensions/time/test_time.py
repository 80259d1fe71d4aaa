"""Time rules: the corpus (one parametrised test), sentence fixtures with
offsets, and Hypothesis properties of the stage."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.dimensions.time import _matches, find_times, rules
from cnpolicy_extract.dimensions.time.corpus import NEGATIVE, POSITIVE

_POS = [(pub, value, form) for pub, value, forms in POSITIVE for form in forms]


@pytest.mark.parametrize(("published", "value", "form"), _POS + [(2024, None, n) for n in NEGATIVE],
                         ids=[f"+{f}" for _, _, f in _POS] + [f"-{n}" for n in NEGATIVE])
def test_corpus(published: int | None, value: str | None, form: str) -> None:
    got = find_times(form, published)
    if form in NEGATIVE:
        assert got == []
        return
    # A positive form is one time covering the whole input, with the value.
    assert [(s, e) for s, e, _, _ in got] == [(0, len(form))]
    assert got[0][2] == value


# Sentence fixtures: (published, sentence, [(text, value)]) — offsets checked via text.
SENTENCES = [
    ("2024-11-22", "2023年，浙江省全年规上工业增加值增长6%。",
     [("2023年", "2023"), ("全年", "2023")]),
    ("2025-01-14", "一、2024年工作回顾\n过去一年，面对复杂严峻的外部环境。\n二季度经济回升。",
     [("2024年", "2024"), ("过去一年", "2024"), ("二季度", "2024-Q2")]),
    ("2023-03-05", "过去五年，我们砥砺前行；今年发展主要预期目标是3个月内完成。",
     [("过去五年", "2018/2022"), ("今年", "2023")]),
]


@pytest.mark.parametrize(("published", "sentence", "expected"), SENTENCES)
def test_sentences(published: str, sentence: str, expected: list[tuple[str, str]]) -> None:
    doc = Extractor(Config(kinds=frozenset({"times"}), model=None)).extract(sentence, published=published)
    assert [(t.text, t.value) for t in doc.times] == expected
    for t in doc.times:
        assert sentence[t.start:t.end] == t.text


def test_a_report_on_one_year_reads_relative_words_against_its_title_year() -> None:
    text = ("中华人民共和国2024年国民经济和社会发展统计公报\n国家统计局\n2025年2月28日\n"
            "全年国内生产总值比上年增长5.0%。全年粮食产量比上年增加。12月份，价格回升。")
    doc = Extractor(Config(kinds=frozenset({"times"}), model=None)).extract(text)
    got = [(t.text, t.value) for t in doc.times]
    assert got == [("2024年", "2024"), ("2025年2月28日", "2025-02-28"), ("全年", "2024"), ("上年", "2023"),
                   ("全年", "2024"), ("上年", "2023"), ("12月份", "2024-12")]
    # the same body in a dated news story reads against the publication year
    doc = Extractor(Config(kinds=frozenset({"times"}), model=None)).extract(
        "新闻\n全年国内生产总值比上年增长5.0%。", published="2025-02-28")
    assert [(t.text, t.value) for t in doc.times] == [("全年", "2025"), ("上年", "2024")]


def test_a_comparison_base_sets_no_year_in_force() -> None:
    # 比上年 / 较2019年 name the base, not the year the paragraph is about
    got = find_times("全年产量比上年增加，全年产值较2019年增长，3月份回升。", 2025)
    assert [v for _, _, v, _ in got] == ["2025", "2024", "2025", "2019", "2025-03"]
    got = find_times("2019年，全年产值增长，3月份回升。", 2025)
    assert [v for _, _, v, _ in got] == ["2019", "2019", "2019-03"]


def test_full_width_offsets_index_the_original() -> None:
    text = "２０２４年１月，去年同期"
    doc = Extractor(Config(kinds=frozenset({"times"}), model=None)).extract(text, published="2024-05-01")
    assert [(t.text, t.value) for t in doc.times] == [("２０２４年１月", "2024-01"), ("去年同期", "2023")]


def test_undated_work_report_reads_the_year_after_its_review() -> None:
    text = "各位代表：\n一、2018年工作回顾\n过去一年，我国发展面临复杂形势。今年要稳中求进。"
    doc = Extractor(Config(kinds=frozenset({"times"}), model=None)).extract(text)
    got = [(t.text, t.value) for t in doc.times]
    assert got == [("2018年", "2018"), ("过去一年", "2018"), ("今年", "2019")]


def test_published_from_document_resolves_relative_words() -> None:
    text = "发布时间:2022-06-01 来源: 某报\n去年经济增长。"
    doc = Extractor(Config(kinds=frozenset({"times", "meta"}), model=None)).extract(text)
    assert [t.value for t in doc.times if t.text == "去年"] == ["2021"]


_EX = Extractor(Config(kinds=frozenset({"times"}), model=None))


_ALPHABET = list("2024年月日1-7至季度前三一二去今上全过去五近来这两十四五“”，。个\n ")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60), st.sampled_from([None, "2024-03-05"]))
def test_never_raises_spans_index_input_deterministic(text: str, published: str | None) -> None:
    a = _EX.extract(text, published=published)
    for t in a.times:
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text
    assert a.to_dict() == _EX.extract(text, published=published).to_dict()


_TIMEISH = st.text(alphabet="2019年0月1-日季度一二三十五四〇上半今去全 ,。\n的增长", max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TIMEISH, st.sampled_from([f for _, _, f in _POS] + list(NEGATIVE))), max_size=8))
def test_windows_match_like_a_full_scan(parts: list[str]) -> None:
    # Matching only around anchors (年, 月, 季度, years) is a speed-up, never a change.
    text = "".join(parts)
    full = [(m.span(), m.group()) for m in rules.TIME.finditer(text)]
    assert [(m.span(), m.group()) for m in _matches(text)] == full


# The longest reach of each match around its anchors (the most spaces rules allow).
_WIDEST = ["12   -   12   月份", "最近10个年来", "二〇二一   —   二〇二五   年",
           "二〇二一   年   —   2025   年", "二〇二四   年", "2024   年度   12   -   12   月份",
           "二〇二四年   12   月   31   日上旬", "第一季度末", "前三季度", "上半年", "新的一年", "开年以来",
           "年初以来", "2024-11-22 10:56:48", "十四五", "2024中国", "去年   同期", "一二〇二四年",
           "十四五〇〇〇年"]


@pytest.mark.parametrize("form", _WIDEST)
def test_windows_hold_the_widest_forms(form: str) -> None:
    # Far from any other anchor, the window around a form's anchors holds all of it.
    for text in (form, "的" * 30 + form + "的" * 30, "的" * 30 + form + "2"):
        full = [(m.span(), m.group()) for m in rules.TIME.finditer(text)]
        assert full and [(m.span(), m.group()) for m in _matches(text)] == full


# separators and digits where re and regex differ (U+001C is a space to re only)
_SPACES_DIGITS = "2024-/: T年月日号〇二\u3000\u2003\x1c\u0663万元个家中国"


def _groups(m: Any, pattern: Any) -> dict[str, str]:
    """The rule that matched and its groups, by the definition's names."""
    rule = next(name for name in rules.RULE_NAMES if m.group(f"R_{name}") is not None)
    if pattern is rules.TIME:
        return {"rule": rule} | {g: m.group(i) for g, i in dict(next(
            r for r in rules.RULE_GROUPS if r[0] == rule)[2]).items() if m.group(i) is not None}
    names = {g for g in pattern.groupindex if not g.startswith("R_")}
    out = {"rule": rule}
    for g in names:  # shared names: only those of the rule that matched are set
        if g in dict(next(r for r in rules.RULE_GROUPS if r[0] == rule)[2]) and m.group(g) is not None:
            out[g] = m.group(g)
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_TIMEISH, st.sampled_from([f for _, _, f in _POS] + list(NEGATIVE)),
                          st.text(alphabet=_SPACES_DIGITS, max_size=20)), max_size=8))
def test_re_pattern_matches_like_its_regex_definition(parts: list[str]) -> None:
    # TIME is TIME_DEFINITION spelled for ``re`` (faster): same spans, rules and groups.
    text = "".join(parts)
    got = [(m.span(), _groups(m, rules.TIME)) for m in rules.TIME.finditer(text)]
    want = [(m.span(), _groups(m, rules.TIME_DEFINITION)) for m in rules.TIME_DEFINITION.finditer(text)]
    assert got == want


def test_character_classes_are_those_of_regex() -> None:
    import re

    import regex

    from cnpolicy_extract.dimensions.time import classes

    every = "".join(map(chr, range(0x110000)))
    for ranges, pattern in ((classes.HAN, r"\p{Han}"), (classes.SPACE, r"\s"), (classes.DIGIT, r"\d")):
        want = [m.span() for m in regex.finditer(pattern + "+", every, regex.V1)]
        assert [m.span() for m in re.finditer(f"[{ranges}]+", every)] == want, pattern


@pytest.mark.parametrize("c", ["\x1c", "\x1f", "\u3000", "\u2003", "\u0663", "\U00010d40", "\U00031350", "x"])
@pytest.mark.parametrize("form", ["2024{c}年", "2024年{c}8月", "{c}2024年", "2024{c}-{c}2025年",
                                  "2024{c}", "2024-11-22{c}10:56", "2{c}24年", "去年{c}8月"])
def test_re_pattern_where_re_and_regex_classes_differ(c: str, form: str) -> None:
    text = form.format(c=c)
    got = [(m.span(), _groups(m, rules.TIME)) for m in rules.TIME.finditer(text)]
    want = [(m.span(), _groups(m, rules.TIME_DEFINITION)) for m in rules.TIME_DEFINITION.finditer(text)]
    assert got == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TIMEISH, st.sampled_from([f for _, _, f in _POS])), max_size=8))
def test_last_group_names_the_rule(parts: list[str]) -> None:
    # _resolve reads the rule from Match.lastgroup: the rule's group closes last.
    for m in rules.TIME.finditer("".join(parts)):
        assert m.lastgroup == "R_" + _groups(m, rules.TIME)["rule"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_TIMEISH, st.sampled_from([f for _, _, f in _POS] + list(NEGATIVE)),
                          st.text(alphabet=_SPACES_DIGITS + "新的开初以来近最这未后明本第下半", max_size=20)),
                max_size=8))
def test_start_test_misses_no_match(parts: list[str]) -> None:
    # TIME first checks that a position can start a rule (rules._START); at
    # every position it matches what the definition, without that test, matches.
    text = "".join(parts)
    for p in range(len(text)):
        want = rules.TIME_DEFINITION.match(text, p)
        got = rules.TIME.match(text, p)
        assert (got and got.span()) == (want and want.span()), p
