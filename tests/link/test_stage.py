"""LinkStage on arbitrary input: never raises, deterministic, keeps spans."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnpolicy_extract as ce
from cnpolicy_extract.config import Config
from cnpolicy_extract.link import LinkStage
from cnpolicy_extract.link.enumeration import summarises_quoted_list
from cnpolicy_extract.link.overlaps import drop_contained, places_outside_names
from cnpolicy_extract.normalize import normalize
from cnpolicy_extract.state import DocState
from cnpolicy_extract.types import Figure, Place, Time

STAGE = LinkStage(Config())
RULES = ce.Extractor(ce.Config(model=None))  # built once: an Extractor never changes
ALPHABET = ("全省市国增长新增达到分别其中、,,。;:\n“”()等的为从提高到年去今5%个家亿元"
            "浙江城乡居民收入工作回顾各位代表一二")


@st.composite
def states(draw: st.DrawFn) -> DocState:
    text = draw(st.text(alphabet=ALPHABET, max_size=120))
    n = len(text)

    def span() -> tuple[int, int]:
        s = draw(st.integers(0, max(n - 1, 0)))
        e = draw(st.integers(min(s + 1, n), n)) if n else 0
        return s, e

    state = DocState(norm=normalize(text), published=draw(st.sampled_from([None, "2025-01-14", "bad"])),
                     _tokenize=lambda s: [])
    for _ in range(draw(st.integers(0, 6)) if n else 0):
        s, e = span()
        state.figures.append(Figure(s, e, text[s:e], 1.0, unit=draw(st.sampled_from([None, "%", "家"]))))
    for _ in range(draw(st.integers(0, 3)) if n else 0):
        s, e = span()
        value = draw(st.sampled_from([None, "2024", "2021/2025", "2024-01-02"]))
        state.times.append(Time(s, e, text[s:e], value))
    for _ in range(draw(st.integers(0, 3)) if n else 0):
        s, e = span()
        state.places.append(Place(s, e, text[s:e], draw(st.sampled_from(["浙江省", "中国", "杭州市"])),
                                  draw(st.sampled_from([None, "province", "city", "zone"])), None))
    return state


def _copy(state: DocState) -> DocState:
    c = DocState(norm=state.norm, published=state.published, _tokenize=state._tokenize)
    c.figures, c.times, c.places = list(state.figures), list(state.times), list(state.places)
    return c


@settings(max_examples=300, deadline=None)
@given(states())
def test_stage_total_and_deterministic(state: DocState) -> None:
    a, b = _copy(state), _copy(state)
    STAGE(a)
    STAGE(b)
    assert a.figures == b.figures
    before = {(f.start, f.end, f.value) for f in state.figures}
    assert {(f.start, f.end, f.value) for f in a.figures} <= before
    for f in a.figures:
        assert f.metric is None or (isinstance(f.metric, str) and f.metric)


def test_overlaps_drop_only_contained() -> None:
    text = "实施三个“一号工程”,“十四五”时期"
    three = Figure(2, 4, "三个", 3.0, unit="个")
    one = Figure(5, 6, "一", 1.0)
    ten = Figure(12, 13, "十", 10.0)
    code = (5, 9)   # 一号工程
    time = (11, 16)  # “十四五”时期
    assert text[code[0]:code[1]] == "一号工程"
    assert drop_contained([three, one, ten], hard=[code, time]) == [three]


def test_overlaps_keep_counted_figure_at_name_start() -> None:
    f = Figure(0, 2, "3个", 3.0, unit="个")
    bare = Figure(0, 1, "三", 3.0)
    assert drop_contained([f, bare], names=[(0, 12)]) == [f]


def test_places_strictly_inside_a_name_are_dropped() -> None:
    text = "记者包兴安报道,兴安盟和兴安县"
    inside = Place(3, 5, "兴安", "兴安盟", "city")      # 兴安 in 包兴安
    elsewhere = Place(8, 11, "兴安盟", "兴安盟", "city")
    same = Place(2, 5, "包兴安", "包兴安", "town")        # as long as the name: left alone
    straddling = Place(4, 6, "安报", "安报", "town")       # not inside: left alone
    assert [text[p.start:p.end] for p in (inside, elsewhere, same, straddling)] == \
        ["兴安", "兴安盟", "包兴安", "安报"]
    names = [(2, 5)]
    assert places_outside_names([inside, elsewhere, same, straddling], names) == [elsewhere, same, straddling]
    assert places_outside_names([inside], []) == [inside]
    # a long run read as a (transliterated) name may have swallowed the place
    long_text = "吉内特·哈姆利在华盛顿对新闻界说"
    dc = Place(8, 11, "华盛顿", "华盛顿", "city")
    assert long_text[dc.start:dc.end] == "华盛顿"
    assert places_outside_names([dc], [(0, 12)]) == [dc]
    # in the stage: the people stage's names remove the places inside them
    from cnpolicy_extract import Config as C
    from cnpolicy_extract import Extractor
    doc = Extractor(C(model=None, kinds=("places", "people"))).extract("本报记者 包兴安\n兴安盟新增企业。")
    assert [p.text for p in doc.places] == ["兴安盟"]
    assert [p.name for p in doc.people] == ["包兴安"]


def test_quoted_list_counts() -> None:
    t = "要搭建好“开放共享”“科技创新”两类平台"
    assert summarises_quoted_list(t, t.index("两类"))
    t2 = "深入实施三个“一号工程”"
    assert not summarises_quoted_list(t2, t2.index("三个"))
    t3 = "开展“夜经济”等活动300场"
    assert not summarises_quoted_list(t3, t3.index("300"))


def test_stage_fills_and_respects_existing() -> None:
    text = "2024年,杭州市新增企业120家。"
    state = DocState(norm=normalize(text), published="2025-01-14", _tokenize=lambda s: [])
    s = text.index("120家")
    state.figures = [Figure(s, s + 4, "120家", 120.0, unit="家"),
                     Figure(s, s + 3, "120", 120.0, metric="preset")]
    state.times = [Time(0, 5, "2024年", "2024")]
    state.places = [Place(6, 9, "杭州市", "杭州市", "city", "浙江省", "330100")]
    STAGE(state)
    f, g = state.figures
    assert (f.metric, f.period, f.region) == ("企业", "2024", "杭州市")
    assert g.metric == "preset"


def test_figure_only_extraction_is_the_fast_path() -> None:
    """kinds={"figures"} links nothing (speed); any other kind turns linking on."""
    import cnpolicy_extract as ce

    text = "2024年,全省规上工业增加值增长6%。"
    only = ce.Extractor(ce.Config(kinds={"figures"})).extract(text, published="2025-01-14")
    both = ce.Extractor(ce.Config(kinds={"figures", "times"}, model=None))
    more = both.extract(text, published="2025-01-14")
    assert only.figures and all(f.metric is None for f in only.figures)
    linked = [f for f in more.figures if f.text == "6%"]
    assert linked and linked[0].metric == "规上工业增加值" and linked[0].period == "2024"


def test_quoted_list_counts_blank_only_outside_reports() -> None:
    news = "图灵小镇要搭建好“开放共享”“科技创新”两类平台。"
    report = "政府工作报告\n各位代表:\n一、2024年工作回顾\n建设“开放共享”“科技创新”两类平台。"
    for text, blank in ((news, True), (report, False)):
        state = DocState(norm=normalize(text), published="2025-01-14", _tokenize=lambda s: [])
        s = text.index("两类")
        state.figures = [Figure(s, s + 2, "两类", 2.0, unit="类", dimension="count")]
        k = text.index("图灵小镇") if "图灵小镇" in text else 0
        state.places = [Place(k, k + 4, "图灵小镇", "浙江省", "province", None, "330000")] if k else []
        STAGE(state)
        f = state.figures[0]
        assert f.metric == "平台"
        if blank:
            assert f.region is None and f.period is None
        else:
            assert f.period == "2024"


def _contained_reference(figures: list[Figure], hard: list[tuple[int, int]],
                         names: list[tuple[int, int]]) -> list[Figure]:
    """drop_contained spelled out: a span starting at most 40 characters
    before a figure and ending at or after it contains it."""
    def inside(f: Figure, spans: list[tuple[int, int]], is_name: bool) -> bool:
        return any(f.start - 40 <= s <= f.start and f.end <= e
                   and not (is_name and s == f.start and f.unit is not None) for s, e in spans)
    return [f for f in figures if not inside(f, hard, False) and not inside(f, names, True)]


Span = tuple[int, int]
_SPAN = st.tuples(st.integers(0, 90), st.integers(1, 50)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_SPAN, st.booleans()), max_size=8), st.lists(_SPAN, max_size=6),
       st.lists(_SPAN, max_size=6))
def test_drop_contained_like_its_definition(figs: list[tuple[Span, bool]], hard: list[Span],
                                            names: list[Span]) -> None:
    figures = [Figure(s, e, "x" * (e - s), 1.0, unit="%" if u else None) for (s, e), u in figs]
    assert drop_contained(figures, hard=hard, names=names) == _contained_reference(figures, hard, names)


def test_covered_starts_are_the_figure_starts_a_span_covers() -> None:
    from cnpolicy_extract.link.overlaps import _covered_starts

    figures = [Figure(s, s + 2, "xx", 1.0) for s in (3, 10, 20, 30)]
    # (2, 5) covers 3; (8, 10) only touches 10; (15, 25) covers 20; (30, 30) is empty
    assert _covered_starts(figures, [(2, 5), (8, 10)], [(15, 25), (30, 30)]) == {3, 20}
    assert _covered_starts(figures, [(0, 40)]) == {3, 10, 20, 30}
    assert _covered_starts([], [(0, 40)]) == set()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab。！？!?\n;；,、", max_size=40))
def test_sentence_bounds_from_one_scan(text: str) -> None:
    from cnpolicy_extract.link.segments import SEMICOLON_SENTENCE_END, Boundaries, sentence_bounds

    plain, semi = sentence_bounds(text)
    semi_want = Boundaries(text, sentence_end=SEMICOLON_SENTENCE_END)
    for got, want in ((plain, Boundaries(text)), (semi, semi_want)):
        for pos in range(len(text) + 1):
            assert got.sentence(pos) == want.sentence(pos) and got.paragraph(pos) == want.paragraph(pos)
        assert got.paragraphs() == want.paragraphs()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab。！？!?\n;；,、", max_size=40), st.lists(st.integers(0, 45), max_size=8))
def test_sentences_of_many_positions_like_one_by_one(text: str, positions: list[int]) -> None:
    from cnpolicy_extract.link.segments import sentence_bounds

    for b in sentence_bounds(text):
        assert b.sentences(positions) == [b.sentence(p) for p in positions]
        assert b.sentence_starts(positions) == [b.sentence_start(p) for p in positions]


def test_a_position_after_a_full_stop_opens_the_next_sentence() -> None:
    from cnpolicy_extract.link.segments import sentence_bounds

    plain, semi = sentence_bounds("ab。cd;ef")
    assert plain.sentences([0, 2, 3, 6]) == [(0, 3), (0, 3), (3, 8), (3, 8)]
    assert semi.sentence_starts([2, 3, 6]) == [0, 3, 6]


def test_by_position_sorts_indices_by_span() -> None:
    from cnpolicy_extract.link.segments import by_position

    assert by_position([(5, 7), (1, 3), (5, 6)]) == [1, 2, 0]  # not the given order
    assert by_position([]) == []


@pytest.mark.parametrize(("text", "figure", "metric"), [
    ("力争到2027年新能源汽车产量突破200万辆。", "200万辆", "新能源汽车产量"),
    ("至2025年底累计纳税3000万元。", "3000万元", "纳税"),
    ("在杭州新建产业园区5个。", "5个", "产业园区"),
    # 到 before a word that is no time or place stays
    ("到港货物增长5%。", "5%", "到港货物"),
])
def test_a_time_or_place_after_到_在_leads_no_metric(text: str, figure: str, metric: str) -> None:
    doc = RULES.extract(text, published="2024-06-01")
    assert [(f.text, f.metric) for f in doc.figures] == [(figure, metric)]


@pytest.mark.parametrize(("text", "expected"), [
    # 连续 + a duration: how long a state lasted, measuring nothing; the figures
    # after it inherit its subject
    ("全市森林覆盖率连续12年居全省首位。", [("12年", None)]),
    ("技改投资连续18个月保持两位数增长。", [("18个月", None)]),
    ("耕地面积连续3年净增加,累计增加120万亩。", [("3年", None), ("120万亩", "耕地面积")]),
    ("粮食总产量1344亿斤,连续8年稳定在1300亿斤以上。",
     [("1344亿斤", "粮食总产量"), ("8年", None), ("1300亿斤", "粮食总产量")]),
    # no 连续: a duration naming a programme keeps its noun; 连续 inside a noun is no streak
    ("实施安全生产治本攻坚三年行动。", [("三年", "行动")]),
    ("新建连续梁桥3座。", [("3座", "连续梁桥")]),
])
def test_a_streak_measures_nothing(text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = RULES.extract(text, published="2024-06-01")
    assert [(f.text, f.metric) for f in doc.figures] == expected


@pytest.mark.parametrize(("line", "expected"), [
    # a figure after a list of places counts across them: none of them is its region
    ("武汉、襄阳、宜昌3家高新区进入全国50强。", [("3家", "湖北省")]),
    ("新增鄂州花湖机场、宜昌三峡机场2个国际机场。", [("2个", "湖北省")]),
    ("武汉和宜昌新增企业18家。", [("18家", "湖北省")]),
    # the venue of an event is not the region of what was won there
    ("我省健儿在巴黎奥运会上勇夺4金。", [("4金", "湖北省")]),
    # counter-examples: one place; places in separate items; a 分别 list keeps
    # the nearest place; a place that is no venue
    ("宜昌新增高新技术企业300家。", [("300家", "宜昌市")]),
    ("武汉新增企业10家、宜昌新增企业8家。", [("10家", "武汉市"), ("8家", "宜昌市")]),
    ("武汉、宜昌工业增加值分别增长8%、9%。", [("8%", "宜昌市"), ("9%", "宜昌市")]),
    ("在巴黎新设办事处3个。", [("3个", "巴黎")]),
])
def test_listed_places_and_venues_are_no_region(line: str, expected: list[tuple[str, str]]) -> None:
    doc = RULES.extract("湖北省经济运行情况\n" + line, published="2025-01-20")
    assert [(f.text, f.region) for f in doc.figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a noun_verb right before the figure heads the noun before it: trainings are counted
    ("开展职业技能培训200万人次。", [("200万人次", "职业技能培训")]),
    ("开展养老服务人员培训超5万人次。", [("5万人次", "养老服务人员培训")]),
    ("全年补贴性培训31.9万人次。", [("31.9万人次", "补贴性培训")]),
    # counter-examples: with an object after it, it is the verb; other verbs
    # before a figure still split subject and verb
    ("培训农民工5万人次。", [("5万人次", "农民工")]),
    ("中欧班列开行2619列。", [("2619列", "中欧班列")]),
])
def test_a_noun_verb_heads_the_noun_before_it(text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = RULES.extract(text, published="2024-06-01")
    assert [(f.text, f.metric) for f in doc.figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a medal tally counts what it does not write (金牌…): no metric, and the
    # phrase before it (我省健儿…勇夺) is not one
    ("我省健儿在巴黎奥运会上勇夺4金1银1铜。", [("4金", None), ("1银", None), ("1铜", None)]),
    ("我省选手获得1金1银、实现历史性突破。", [("1金", None), ("1银", None)]),
    # counter-examples: 金 after no numeral, or inside the noun measured
    ("兑换100美金。", [("100美金", "兑换")]),
    ("黄金产量增长5%。", [("5%", "黄金产量")]),
])
def test_a_medal_tally_has_no_metric(text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = RULES.extract(text, published="2024-06-01")
    assert [(f.text, f.metric) for f in doc.figures] == expected
