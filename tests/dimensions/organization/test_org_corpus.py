"""The organisations corpus as one parametrised test, sentence fixtures with
offsets, and Hypothesis properties."""
from __future__ import annotations

import pytest
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
