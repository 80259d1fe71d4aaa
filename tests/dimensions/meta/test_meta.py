"""Meta rules: the corpus in one parametrised test, and the published-date
contract (caller's argument wins; the document's date fills in)."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.dimensions.meta import read_meta
from cnpolicy_extract.dimensions.meta.corpus import NEGATIVE, POSITIVE
from cnpolicy_extract.normalize import normalize

_EMPTY: dict[str, Any] = {"published": None, "source": None, "author": None, "editors": ()}


@pytest.mark.parametrize(("text", "expected"),
                         POSITIVE + tuple((n, {}) for n in NEGATIVE),
                         ids=[f"+{i}" for i in range(len(POSITIVE))]
                         + [f"-{i}" for i in range(len(NEGATIVE))])
def test_corpus(text: str, expected: dict[str, Any]) -> None:
    m = read_meta(normalize(text).text)
    got = {"published": m.published, "source": m.source, "author": m.author, "editors": m.editors}
    assert got == {**_EMPTY, **expected}


def test_caller_published_wins_document_fills_in() -> None:
    text = "发布时间:2024-11-22 10:56:48 来源: x\n去年如何。"
    ex = Extractor(Config(kinds=frozenset({"meta", "times"}), model=None))
    assert ex.extract(text).meta.published == "2024-11-22T10:56:48"
    doc = ex.extract(text, published="2020-01-01")
    assert doc.meta.published == "2020-01-01"
    assert [t.value for t in doc.times if t.text == "去年"] == ["2019"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_never_raises_and_deterministic(text: str) -> None:
    assert read_meta(normalize(text).text) == read_meta(normalize(text).text)


_DELIVERY_PARTS = ["2025年1月14日", "在浙江省第十四届人民代表大会第三次会议上", "\n", " ", "—",
                   "省长", "刘捷", "各位代表", "2024", "年", "在", "会议上"]
_DELIVERY_TEXT = st.lists(st.sampled_from(_DELIVERY_PARTS), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_DELIVERY_TEXT)
def test_delivery_at_line_starts_is_the_search(parts: list[str]) -> None:
    # Trying the delivery pattern only at line starts finds what a search finds.
    from cnpolicy_extract.dimensions.meta import _delivery, rules

    text = "".join(parts)
    got, want = _delivery(text), rules.DELIVERY.search(text)
    assert (got.span() if got else None) == (want.span() if want else None)



# Lines of furniture: a label, a separator, values (and some noise).
_LABELS = ["发布时间", "发布日期", "时间", "日期", "来源", "作者", "本报记者", "见习记者", "记者", "通讯员",
           "责编", "责任编辑", "编辑", "(", "(记者", "傅柒生《人民日报》(", "《经济日报》(", "——",
           "2025年1月14日龚正市长在第十四届"]
_VALUES = ["2024-11-22 10:56:48", "2025年01月18日第 07 版", "2024年1月14日", "钱晨菲", "杨 洁", "、李四",
           "人民代表大会第三次", "会议上", "大会的", "sp2024", ")", " 摄", "省长", "x"]
_LINE = st.tuples(st.sampled_from(_LABELS), st.sampled_from([":", " : ", " ", ""]),
                  st.lists(st.sampled_from(_VALUES), max_size=4)).map(lambda t: t[0] + t[1] + "".join(t[2]))


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE | st.text(max_size=4), max_size=6))
def test_every_match_holds_a_needed_word(lines: list[str]) -> None:
    # read_meta skips a pattern when the region holds none of its NEEDS words:
    # that changes nothing only if every match holds one.
    from cnpolicy_extract.dimensions.meta import rules

    text = "\n".join(lines)
    for name in ("DATE_LINE", "SOURCE_LINE", "AUTHOR_LINE", "REPORTER", "EDITOR_LINE",
                 "TRAILING_BYLINE", "DELIVERY", "PAPER_BYLINE"):
        needs = getattr(rules, f"{name}_NEEDS")
        for m in getattr(rules, name).finditer(text):
            assert any(w in m.group(0) for w in needs), (name, m.group(0))


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE | st.text(max_size=4), max_size=6))
def test_every_match_has_a_needed_word_within_its_lead(lines: list[str]) -> None:
    # _search starts LEAD characters before the first needed word: that
    # changes nothing only if no match starts further before one.
    from cnpolicy_extract.dimensions.meta import rules

    text = "\n".join(lines)
    for pattern, lead in rules.LEAD.items():
        name = next(n for n in dir(rules) if getattr(rules, n) is pattern)
        needs = getattr(rules, f"{name}_NEEDS")
        for i in range(len(text)):
            if pattern.match(text, i):
                assert any(w in text[i:i + lead + len(w)] for w in needs), (name, text[i:])


def test_search_starts_at_the_lead_before_the_first_needed_word() -> None:
    from cnpolicy_extract.dimensions.meta import _search, rules

    text = "责编:王五\n编辑: 赵六"
    m = _search(rules.EDITOR_LINE, rules.EDITOR_LINE_NEEDS, text)
    assert m is not None and m.group("v") == "王五"
    # started at the needed word itself (no lead) it would find the second line
    later = rules.EDITOR_LINE.search(text, text.find("编"))
    assert later is not None and later.group("v") == "赵六"
    assert _search(rules.DATE_LINE, rules.DATE_LINE_NEEDS, "来源: x 发布时间:2024-11-22") is not None
    assert _search(rules.AUTHOR_LINE, rules.AUTHOR_LINE_NEEDS, "编辑: 赵六") is None  # no 作者


@pytest.mark.parametrize(("text", "date"), [
    ("标题\n新华社北京2024年11月28日电（记者 张三）今年以来", "2024年11月28日电"),
    ("标题\n新华社北京1月25日电记者从中央纪委获悉", "1月25日电"),  # no year: still a dateline
    ("标题\n本报杭州3月1日讯 全省", "3月1日讯"),
    ("标题\n会议于2024年11月28日电话召开。", None),  # 电话 is a word
    ("标题\n" + "正文。" * 150 + "新华社北京1月25日电", None),  # past the lead
])
def test_dateline(text: str, date: str | None) -> None:
    from cnpolicy_extract.dimensions.meta import dateline

    m = dateline(text)
    assert (m.group() if m else None) == date
