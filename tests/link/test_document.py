"""Document-level decisions: the document's region, trusted places, report years."""
from __future__ import annotations

from cnpolicy_extract.link.cues import PeriodCues, RegionCues
from cnpolicy_extract.link.period import profile, reanchor
from cnpolicy_extract.link.region import PlaceRef, document_region, trusted

RC, PC = RegionCues.load(), PeriodCues.load()


def test_report_region_is_its_legislature() -> None:
    text = ("2025年某省政府工作报告\n"
            "2025年1月19日在新疆维吾尔自治区第十四届人民代表大会第三次会议上\n各位代表:")
    china = PlaceRef(60, 62, "中国", "country", None, "中国", None)
    assert document_region(text, [china] * 5, report=True, cues=RC) == "新疆维吾尔自治区"


def test_national_report_and_national_news() -> None:
    national = "各位代表:\n现在,我代表国务院,向大会报告政府工作。"
    assert document_region(national, [], report=True, cues=RC) == "中国"
    assert document_region("国务院日前印发方案,要求降低能耗。", [], cues=RC) == "中国"
    assert document_region("园区新增企业30家。", [], cues=RC) is None


def test_a_capital_dateline_makes_no_region_but_a_local_one_does() -> None:
    text = "标题\n新华社北京1月25日电 国务院日前印发方案。北京正在推进。"
    bj = PlaceRef(6, 8, "北京市", "province", None, "北京", "110000")
    assert text[bj.start:bj.end] == "北京"
    assert document_region(text, [bj], cues=RC) == "中国"
    # named again outside the dateline, it counts
    again = PlaceRef(25, 27, "北京市", "province", None, "北京", "110000")
    assert text[again.start:again.end] == "北京"
    assert document_region(text, [bj, again], cues=RC) == "北京市"
    # another city's dateline counts like any mention (a bare city needs two)
    local = "标题\n新华社呼和浩特1月24日电 呼和浩特的困难职工得到救助。"
    hs = [PlaceRef(s, s + 4, "呼和浩特市", "city", "内蒙古自治区", "呼和浩特", "150100") for s in (6, 17)]
    assert all(local[p.start:p.end] == "呼和浩特" for p in hs)
    assert document_region(local, hs, cues=RC) == "呼和浩特市"
    assert document_region(local, hs[1:], cues=RC) is None


def test_province_outweighs_slogans_about_china() -> None:
    text = "标题\n" + "中国特色。" * 10 + "浙江增长。" * 3
    places = [PlaceRef(i, i + 2, "中国", "country", None, "中国") for i in range(3, 53, 5)]
    places += [PlaceRef(i, i + 2, "浙江省", "province", None, "浙江", "330000") for i in range(53, 68, 5)]
    assert all(text[p.start:p.end] in ("中国", "浙江") for p in places)
    assert document_region(text, places, cues=RC) == "浙江省"


def test_bare_places_from_elsewhere_are_not_trusted() -> None:
    home = PlaceRef(0, 2, "浙江省", "province", None, "浙江", "330000")
    dacheng = PlaceRef(10, 12, "大城县", "county", "廊坊市", "大城", "131025")   # 大城市 misread
    town = PlaceRef(20, 22, "平台镇", "town", "郁南县", "平台", None)            # 产业平台 misread
    full = PlaceRef(30, 33, "余姚市", "county", "宁波市", "余姚市", "330281")
    bare_home = PlaceRef(40, 42, "余姚市", "county", "宁波市", "余姚", "330281")
    assert trusted([home, dacheng, town, full, bare_home], "浙江省") == [home, full, bare_home]
    # with no known home, a bare county named once is dropped, twice kept; a bare
    # prefecture-level city (深圳) is kept
    assert trusted([dacheng], None) == []
    assert trusted([dacheng, dacheng], None) == [dacheng, dacheng]
    shenzhen = PlaceRef(50, 52, "深圳市", "city", "广东省", "深圳", "440300")
    assert trusted([shenzhen], None) == [shenzhen]
    # but one bare mention does not make it the document's region
    assert document_region("x\n" + "y" * 60, [shenzhen], cues=RC) is None


def test_relative_times_in_review_section_move_back() -> None:
    text = "各位代表:\n一、2024年工作回顾\n全年生产总值增长5%。\n二、2025年主要目标\n全年生产总值增长5%左右。"
    i, j = text.index("全年"), text.rindex("全年")
    times = [(text.index("2024年"), text.index("2024年") + 5, "2024", False),
             (text.index("2025年"), text.index("2025年") + 5, "2025", False),
             (i, i + 2, "2025", True), (j, j + 2, "2025", True)]
    prof = profile(text, [t[:3] for t in times], "2025-01-18", PC)
    moved = reanchor(text, times, prof, PC)
    assert moved[2][2] == "2024" and moved[3][2] == "2025"
    assert moved[0][2] == "2024" and moved[1][2] == "2025"  # absolute times never move


def test_news_quoting_a_report_is_not_a_report() -> None:
    text = "发布时间:2024-11-22\n今年的浙江省政府工作报告提出,增加值增长10%以上。"
    assert not profile(text, [], "2024-11-22", PC).report


def test_thematic_headings_take_their_year_from_the_opening() -> None:
    text = ("政府工作报告\n各位代表:\n一、牢记嘱托,取得新成效\n过去一年,生产总值增长5%。\n"
            "二、牢记使命,奋勇争先\n2025年是收官之年。生产总值增长5%左右。")
    times = [(text.index("过去一年"), text.index("过去一年") + 4, "2024"),
             (text.index("2025年"), text.index("2025年") + 5, "2025")]
    prof = profile(text, times, "2025-01-13", PC)
    assert prof.default(text.index("5%")) == "2024"
    assert prof.default(text.rindex("5%")) == "2025"


def test_this_year_is_never_moved() -> None:
    text = "各位代表:\n一、2024年工作回顾\n今年以来,增长5%。"
    k = text.index("今年")
    times = [(text.index("2024年"), text.index("2024年") + 5, "2024", False), (k, k + 2, "2025", True)]
    prof = profile(text, [t[:3] for t in times], "2025-01-18", PC)
    assert reanchor(text, times, prof, PC)[1][2] == "2025"


def test_unnumbered_headings() -> None:
    text = "政府工作报告\n各位代表：\n2024年工作回顾\n过去一年，增长5%。\n2025年工作安排建议\n增长5%左右。"
    times = [(text.index("2024年"), text.index("2024年") + 5, "2024"),
             (text.index("2025年"), text.index("2025年") + 5, "2025")]
    prof = profile(text, times, "2025-01-20", PC)
    assert prof.default(text.rindex("5%")) == "2025"
    # a sentence mentioning a plan is not a heading
    prose = "政府工作报告\n各位代表：\n过去一年，我们完成了目标任务，增长5%。"
    assert profile(prose, [], "2025-01-20", PC).default(prose.index("5%")) == "2024"


def test_province_of_a_city_or_county_region() -> None:
    from cnpolicy_extract.link.region import province_of

    nanjing = PlaceRef(0, 3, "南京市", "city", "江苏省", "南京市", "320100")
    yuyao = PlaceRef(5, 8, "余姚市", "county", "宁波市", "余姚市", "330281")
    ningbo = PlaceRef(9, 11, "宁波市", "city", "浙江省", "宁波", "330200")
    zhejiang = PlaceRef(12, 14, "浙江省", "province", None, "浙江", "330000")
    assert province_of("南京市", [nanjing]) == "江苏省"          # a city's parent is its province
    assert province_of("余姚市", [yuyao, ningbo]) == "浙江省"      # county → city → province
    assert province_of("余姚市", [yuyao]) == "余姚市"              # unknown chain: the region itself
    assert province_of("浙江省", [zhejiang]) == "浙江省"
    assert province_of(None, [nanjing]) is None


def test_whole_province_scope_in_a_text_about_a_city() -> None:
    import cnpolicy_extract as ce

    d = ce.extract("2024年，南京市经济运行平稳。南京市新增企业3000家。全省规上工业增加值增长6%。")
    by_text = {f.text: f.region for f in d.figures}
    assert by_text["6%"] == "江苏省"
    assert by_text["3000家"] == "南京市"


def test_a_bare_place_written_in_full_elsewhere_is_confirmed() -> None:
    # a news story about 静宁县 naming Beijing twice in passing: 静宁 is the
    # county written short, confirmed by 静宁县 in the same text
    text = "静宁新闻\n" + "静宁人在北京。" * 2 + "静宁县制定措施。静宁发展。"
    jn = [PlaceRef(k, k + 2, "静宁县", "county", "平凉市", "静宁", "620826")
          for k in (0, 5, 12, 27)]
    jn_full = PlaceRef(19, 22, "静宁县", "county", "平凉市", "静宁县", "620826")
    bj = [PlaceRef(k, k + 2, "北京市", "province", None, "北京", "110000") for k in (9, 16)]
    places = sorted([*jn, jn_full, *bj])
    assert all(text[p.start:p.end] == p.text for p in places)
    assert trusted(places, "北京市") == places
    assert document_region(text, places, cues=RC) == "静宁县"
    # counter-example: never written in full, the short string stays a guess
    # from another province than the document's, and is dropped
    no_full = [p for p in places if p is not jn_full]
    assert trusted(no_full, "北京市") == bj
    assert document_region(text, no_full, cues=RC) == "北京市"
