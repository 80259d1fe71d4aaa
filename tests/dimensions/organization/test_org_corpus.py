"""The organisations corpus as one parametrised test, sentence fixtures with
offsets, and Hypothesis properties."""
from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.dimensions.organization import corpus
from cnpolicy_extract.dimensions.organization.lexicon import load_lexicon

EX = Extractor(Config(kinds=frozenset({"organizations"}), model=None))
CASES = [(t, exp) for t, exp in corpus.POSITIVE] + [(t, ()) for t in corpus.NEGATIVE]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:14] for t, _ in CASES])
def test_corpus(text: str, expected: tuple[tuple[str, str], ...]) -> None:
    got = tuple((o.text, o.type) for o in EX.extract(text).organizations)
    assert got == expected


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("浙江省经信厅发布", "浙江省经信厅", "浙江省经济和信息化厅"),
    ("浙江省发展改革委表示", "浙江省发展改革委", "浙江省发展和改革委员会"),
    ("浙江省社科院院长", "浙江省社科院", "浙江省社会科学院"),
    ("浙江省政府工作报告", "浙江省政府", "浙江省人民政府"),
    ("在浙江省十四届人大二次会议上", "浙江省十四届人大", "浙江省第十四届人民代表大会"),
])
def test_names_expand_abbreviations(text: str, surface: str, name: str) -> None:
    (o,) = EX.extract(text).organizations
    assert (o.text, o.name) == (surface, name)
    assert text[o.start:o.end] == surface


def test_province_short_forms_use_the_document_province() -> None:
    text = "浙江省经济平稳。浙江各地加快发展。在省委的坚强领导下，省政府狠抓落实。"
    names = {o.text: o.name for o in EX.extract(text).organizations}
    assert names["省委"] == "中共浙江省委"
    assert names["省政府"] == "浙江省人民政府"


def test_full_width_offsets_index_the_original() -> None:
    text = "与ＡＢＣ（诸暨）国际实验室合作"
    (o,) = EX.extract(text).organizations
    assert text[o.start:o.end] == o.text == "ＡＢＣ（诸暨）国际实验室"


def test_company_named_again_by_its_bare_name() -> None:
    orgs = EX.extract("新华三集团总部在杭州。新华三与政府合作。").organizations
    assert [(o.text, o.name) for o in orgs] == [("新华三集团", "新华三集团"), ("新华三", "新华三集团")]


_ALPHABET = list("浙江省市委政府人民大学公司集团实验室中心、的与(（)）—部局厅")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40)
       | st.text(max_size=40))
def test_properties(text: str) -> None:
    a = EX.extract(text).to_dict()["organizations"]
    assert a == EX.extract(text).to_dict()["organizations"]
    for o in a:
        assert text[o["start"]:o["end"]] == o["text"]


# --- where the context words are read (rules.scan) ---------------------------

LEX = load_lexicon()


def test_context_words_hold_only_name_characters() -> None:
    # What lets a suffix's context be read from its name run alone: no
    # context word reaches across a character that ends the run.
    from cnpolicy_extract.dimensions.organization.rules import _NAME_CHAR

    assert all(_NAME_CHAR.match(c) for _, (_, w, _) in LEX.context.items() for c in w)
    assert not _NAME_CHAR.match("、")  # (a character that ends a run)


def test_regions_merge_when_they_overlap_or_touch() -> None:
    from cnpolicy_extract.dimensions.organization.rules import _merged

    assert _merged([(10, 14), (0, 5), (5, 8), (12, 20), (30, 30)]) == [(0, 8), (10, 20)]
    assert _merged([(0, 5), (6, 8)]) == [(0, 5), (6, 8)]  # a gap keeps them apart


def test_region_is_the_name_run_inside_the_window() -> None:
    from cnpolicy_extract.dimensions.organization.rules import Hit, _region

    h = Hit(40, 42, "中心", frozenset({"suffix"}))
    assert _region(h, 18, 35, 10, 15) == (35, 40)  # the run before the suffix
    assert _region(h, 18, 35, 37, 15) == (37, 40)  # never before the window
    assert _region(h, 18, 22, 10, 15) == (10, 40)  # a run cut at 18: words reach into it
    assert _region(h, 18, -1, 10, 15) == (18, 42)  # an entry: its own window


_CONTEXT_WORDS = ["浙江省", "杭州", "市", "萧山区", "人民政府", "政府", "委员会", "发展和改革委", "经信厅",
                  "实验室", "中心", "集团", "股份", "的", "在", "与", "和", "将", "新华三", "国家", "有关",
                  "部门", "第十四届", "人大", "代表", "3个", "(诸暨)", "—", "、", "。", "\n", "省委", "区委",
                  "网络空间安全研究院", "科技创新", "建设", "图灵小镇AIGC"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CONTEXT_WORDS), max_size=30).map("".join))
@example("、的浙江省人民政府")  # a stop word opening the run
@example("。在杭州市萧山区人民政府")
@example("记者周宗欣)中华人民共和国第四届全国城市运动会筹备委员会副主任")  # a run cut at 18
@example("杭州在中心、\n省委")  # a bare 省委 after a line break
def test_name_runs_read_the_same_context_as_whole_windows(text: str) -> None:
    # Reading each candidate's window whole (the region below) is what the
    # name-run regions must agree with.
    import unittest.mock

    from cnpolicy_extract.dimensions.organization import find_organizations, rules

    def whole_window(h: rules.Hit, lo: int, run: int, window_lo: int, max_word: int) -> tuple[int, int]:
        return window_lo, h.end

    got = find_organizations(text, LEX)
    with unittest.mock.patch.object(rules, "_region", whole_window):
        assert find_organizations(text, LEX) == got


# --- the two automaton passes (rules._main_hits, rules._context_hits) ---------

def _reference_hits(auto: object, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    # every key of ``auto`` inside text[lo:hi], through bytescan's own mapping
    from cnpolicy_extract import bytescan

    return [(e + 1 - n, e + 1, w) for e, (n, w, _) in bytescan.matches(auto, text, lo, hi)]  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_CONTEXT_WORDS, "a", "𠀀"]), max_size=30).map("".join), st.data())
@example("在杭州市萧山区的国家", None)
def test_joined_regions_read_the_words_of_each_region(text: str, data: st.DataObject | None) -> None:
    from cnpolicy_extract.dimensions.organization.rules import _context_hits, _merged

    if data is None:  # a word running from one region into the next (杭州|市) is in neither
        regions = [(1, 3), (4, 8)]
    else:
        cuts = data.draw(st.lists(st.integers(0, len(text)), max_size=8))
        regions = _merged(list(zip(cuts[::2], cuts[1::2], strict=False)))
        regions = [(lo, hi) for lo, hi in regions if lo < hi]
    got = [(h.start, h.end, h.word) for h in _context_hits(LEX.context, text, regions)]
    assert got == [x for lo, hi in regions for x in _reference_hits(LEX.context, text, lo, hi)]
    if data is None:
        assert (1, 3, "杭州") in got and (1, 4, "杭州市") not in got
        assert (1, 4, "杭州市") in _reference_hits(LEX.context, text, 0, len(text))


def test_main_pass_counts_province_names_and_leaves_them_to_the_context() -> None:
    from cnpolicy_extract.dimensions.organization.rules import _main_hits

    text = "浙江省经信厅与国务院、浙江"
    hits, provinces = _main_hits(LEX.words, text)
    assert provinces == ["浙江", "浙江省", "浙江"]
    assert all(text[h.start:h.end] == h.word for h in hits)
    words = {h.word for h in hits}
    assert "经信厅" in words and "国务院" in words  # not a province only: a hit
    assert not words & {"浙江", "浙江省"}
    assert any(w == "浙江省" for _, _, w in _reference_hits(LEX.context, text, 0, len(text)))


def test_no_province_name_holds_a_stop_word() -> None:
    # Province names are read only with the context words, inside the regions
    # before candidates; a stop word is protected by a longer word covering
    # it (发展和改革委), which may start before a region. A province name
    # never covers one, so none is missed there.
    from cnpolicy_extract.dimensions.organization.lexicon import PROVINCE_ONLY

    stops = [w for _, (_, w, r) in [*LEX.words.items(), *LEX.context.items()] if "stop" in r]
    provinces = [w for _, (_, w, r) in LEX.context.items() if r == PROVINCE_ONLY]
    assert len(provinces) > 30 and "和" in stops
    assert not [(p, s) for p in provinces for s in stops if s in p]
    assert "和" in "发展和改革委"  # (a longer word that does)


_NAME_TAIL = regex.compile(r"(?r)[\p{Han}A-Za-z0-9()（）—\-·&]*")
_RUN_CHARS = [*"浙江省a9(（)）—-·&、 \n。的\U00020000", "\ud800"]  # an astral Han, a lone surrogate


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_RUN_CHARS), max_size=30),
       st.integers(0, 30), st.integers(0, 30))
@example("浙江在\n", 0, 4)  # a run before a line break ending the window
@example("、浙江省", 0, 4)
@example("浙江省人民", 2, 5)  # a run cut at the window's start
def test_name_start_is_the_start_of_the_run_ending_the_window(text: str, lo: int, s: int) -> None:
    from cnpolicy_extract.dimensions.organization.rules import _name_start

    lo, s = min(lo, s, len(text)), min(max(lo, s), len(text))
    want = _NAME_TAIL.search(text, lo, s).start()  # \p{Han} itself, matched backwards
    if want == s and s > lo and text[s - 1] == "\n":
        want = _NAME_TAIL.search(text, lo, s - 1).start()
    assert _name_start(text, lo, s) == want
    assert _name_start("浙江在\n", 0, 4) == 0 and _name_start("、浙江省", 0, 4) == 1


_PLACE_LIKE_WHOLE = regex.compile(  # the place-like name matched whole
    r"\p{Han}{1,6}(?:省|市|自治区|自治州|州|地区|盟|旗|镇|乡|街道|村|小镇|园区|新区)|\p{Han}{2,6}(?:区|县)")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"省市区州盟旗镇乡道村县自治地街小园新浙江a1、—", "\U00020000"]),
               max_size=14), st.integers(0, 3))
@example("杭州市", 0)
@example("、市", 0)  # a level with nothing Han before it
@example("浙区", 0)  # 区 needs two
@example("浙江省", 1)  # the search starts after 浙: 江省 still is one
def test_place_like_is_found_where_a_whole_name_is(text: str, start: int) -> None:
    from cnpolicy_extract.dimensions.organization.rules import _PLACE_LIKE

    start = min(start, len(text))
    want = _PLACE_LIKE_WHOLE.search(text[start:]) is not None
    assert (_PLACE_LIKE.search(text, start, len(text)) is not None) == want
    assert _PLACE_LIKE.search("、市") is None and _PLACE_LIKE.search("浙江区") is not None
