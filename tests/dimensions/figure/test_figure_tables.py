"""Helpers and tables the figure stage reads instead of running its patterns:
each must agree with what it stands for, on examples and counter-examples."""
from __future__ import annotations

import pytest

from cnpolicy_extract.config import Config
from cnpolicy_extract.dimensions.figure import FigureStage, context
from cnpolicy_extract.dimensions.figure.filters import glued_before, glued_to_code
from cnpolicy_extract.dimensions.figure.rules import QUOTE_OPENERS, build_rules

RULES = build_rules()


@pytest.mark.parametrize(("text", "start"), [
    ("G20峰会", 1), ("COVID-19疫情", 6), ("时间2024-11-22", 7), ("时间2024-11-22", 10),
    ("10:56:48", 3), ("sp20241122", 2), ("4G/5G", 3),
])
def test_glued_before_rejects_every_reading_there(text: str, start: int) -> None:
    assert glued_before(text, start)
    # whatever the reading's end, glued_to_code says the same
    for end in range(start + 1, len(text) + 1):
        assert glued_to_code(text, start, end)
        assert glued_to_code(text, start, end, bare=True)


@pytest.mark.parametrize(("text", "start"), [
    ("比例为:5.5%", 4), ("GDP 1.2万亿元", 4), ("增长5%", 2), ("10:56", 0), ("5G网络", 0),
])
def test_glued_before_leaves_the_rest(text: str, start: int) -> None:
    assert not glued_before(text, start)




@pytest.mark.parametrize(("text", "e", "unit"), [
    ("增长3个百分点", 3, "个百分点"), ("新增28个项目", 4, "个"), ("达1500P,", 5, "P"),
    ("150亿元", 4, "元"), ("增长5%", 3, "%"), ("10GW光伏", 2, "GW"), ("3PB存储", 1, "PB"),
])
def test_unit_after_takes_the_longest_unit(text: str, e: int, unit: str) -> None:
    m = RULES.unit_after[text[e]].match(text, e)
    assert m is not None and m.group() == unit


@pytest.mark.parametrize(("text", "e"), [("3PBX", 1), ("5GX", 1), ("3个", 2)])
def test_unit_after_finds_no_unit_running_into_letters(text: str, e: int) -> None:
    pattern = RULES.unit_after.get(text[e:e + 1])
    assert pattern is None or pattern.match(text, e) is None


def test_glued_runs_are_skipped_but_not_after_a_currency_sign() -> None:
    stage = FigureStage(Config(model=None))
    assert stage._candidates("发布时间:2024-11-22 10:56:48") == []
    [r] = stage._candidates("投资RMB500万")
    assert (r.start, r.unit, r.value) == (2, "CNY", 5e6)


def test_no_unit_holds_a_quotation_mark() -> None:
    # the stage tests no reading against the quotes the scan consumed: a
    # reading outside a quote can reach into one only through such a unit
    assert not [u for u in RULES.units.by_surface if not QUOTE_OPENERS.isdisjoint(u)]


@pytest.mark.parametrize("text", ["实施“415X”产业集群", "“3个70%”", "《2024年规划》", "‘315’科技创新"])
def test_nothing_inside_a_short_quote(text: str) -> None:
    assert FigureStage(Config(model=None))._candidates(text) == []


def test_next_to_a_quote_is_read() -> None:
    got = FigureStage(Config(model=None))._candidates("“链长制”28个项目,“新”字")
    assert [(r.start, r.end, r.unit) for r in got] == [(5, 8, "个")]


def test_paragraphs_of_positions() -> None:
    text = "一段\n增长5%和6%\n\n无\n末段7个"
    assert context.paragraphs(text, [5, 8, 17]) == [(3, 11), (14, 18)]  # with the newline
    assert context.paragraphs(text, []) == []
    assert context.paragraphs("7个", [0]) == [(0, 2)]


_CUE_TEXT = ("一、过去一年工作回顾\n去年增长5.2%,预计将达到3万亿元,比上年增加12%、惠及310万户。\n"
             "无关的一段,必将要求提高。\n二、2025年目标任务\n力争增长5%左右,将新增就业1200万人,"
             "可减少支出约130亿元、惠及310万户;降低3个百分点。\n同比+5.2%\n")


def test_cues_in_paragraphs_are_the_cues_of_the_text() -> None:
    starts = [r.start for r in FigureStage(Config(model=None))._candidates(_CUE_TEXT)]
    assert len(starts) >= 8
    windows = context.paragraphs(_CUE_TEXT, starts)
    assert sum(hi - lo for lo, hi in windows) < len(_CUE_TEXT)  # a paragraph is left out
    whole, part = context.ChangeCues(RULES), context.ChangeCues(RULES, windows)
    for dim in ("currency", "count", "percent"):
        assert [whole.change(_CUE_TEXT, s, dim) for s in starts] == \
            [part.change(_CUE_TEXT, s, dim) for s in starts]
    assert context.ModalityCues(RULES, _CUE_TEXT).modalities(_CUE_TEXT, starts) == \
        context.ModalityCues(RULES, _CUE_TEXT, windows).modalities(_CUE_TEXT, starts)


def test_no_cue_pattern_can_span_a_newline() -> None:
    # paragraphs() relies on it: no ., \s, \n, \W, \D or negated class in a cue
    for pattern in (RULES.change.pattern, RULES.modality.pattern):
        for construct in (".", "\\s", "\\n", "\\W", "\\D", "[^"):
            assert construct not in pattern.replace("\\.", ""), (construct, pattern[:80])
