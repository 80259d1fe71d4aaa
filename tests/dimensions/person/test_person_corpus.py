"""The people corpus as one parametrised test, sentence fixtures with
offsets, and Hypothesis properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.dimensions.person import corpus

EX = Extractor(Config(kinds=frozenset({"people"}), model=None))
CASES = [(t, exp) for t, exp in corpus.POSITIVE] + [(t, ()) for t in corpus.NEGATIVE]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:14] for t, _ in CASES])
def test_corpus(text: str, expected: tuple) -> None:
    got = tuple((p.name, p.role, tuple((q.title, q.organization) for q in p.positions))
                for p in EX.extract(text).people)
    assert got == expected


def test_one_entry_per_person_with_every_mention() -> None:
    text = "浙江省发展改革委主任杜旭亮表示，要加快发展。“创新是源泉。”杜旭亮说。"
    (p,) = EX.extract(text).people
    assert p.name == "杜旭亮"
    second = text.index("杜旭亮", 13)
    assert [(m.start, m.end) for m in p.mentions] == [(10, 13), (second, second + 3)]
    assert all(text[m.start:m.end] == "杜旭亮" for m in p.mentions)


def test_names_without_titles_in_lists() -> None:
    names = [p.name for p in EX.extract("会议由王建国主持，李晓红、陈志明等出席。").people]
    assert names == ["王建国", "李晓红", "陈志明"]


def test_byline_people_from_meta() -> None:
    ex = Extractor(Config(kinds=frozenset({"people", "meta"}), model=None))
    doc = ex.extract("正文一段。(钱晨菲)\n(责编:杨虞波罗、陈键)")
    roles = {p.name: p.role for p in doc.people}
    assert roles.get("钱晨菲") == "journalist"
    assert roles.get("陈键") == "editor"


_ALPHABET = list("王李张刘陈省委书记市长董事长、兼表示说的浙江集团。 ")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40)
       | st.text(max_size=30))
def test_properties(text: str) -> None:
    a = EX.extract(text).to_dict()["people"]
    assert a == EX.extract(text).to_dict()["people"]
    for p in a:
        for m in p["mentions"]:
            assert text[m["start"]:m["end"]] == p["name"]


def test_byline_title_on_the_line_before_the_name() -> None:
    # a report's by-line (read by the meta stage): the title stands on the
    # line before the name, the name may be spaced out or have no surname
    ex = Extractor(Config(kinds=frozenset({"people", "meta", "organizations", "places"}), model=None))
    head = "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
    doc = ex.extract(head + "国务院总理\u3000\n李\u3000强\n各位代表：")
    (p,) = doc.people
    assert (p.name, p.role, [(q.title, q.organization) for q in p.positions]) == \
        ("李强", "official", [("总理", "国务院")])
    assert [doc.text[m.start:m.end] for m in p.mentions] == ["李\u3000强"]
    head = "2025年某区政府工作报告\n——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上\n"
    doc = ex.extract(head + "西藏自治区代理主席 扎西顿珠\n各位代表：")
    assert [(p.name, [(q.title, q.organization) for q in p.positions]) for p in doc.people] == \
        [("扎西顿珠", [("代理主席", "西藏自治区")])]
    # counter-example: a title two lines up does not reach the name
    doc = ex.extract(head + "西藏自治区代理主席\n\n\n\n扎西顿珠\n各位代表：")
    assert all(not p.positions for p in doc.people)


@pytest.mark.parametrize(("text", "names"), [
    ("美国国务院发言人吉内特·哈姆利在华盛顿对新闻界说。", ["吉内特·哈姆利"]),  # not …在华盛顿对
    ("吉内特·哈姆利在华盛顿对新闻界说。", ["吉内特·哈姆利"]),  # not 吉内特 alone
    ("戴维·沃尔夫和安德鲁·托马斯替代他们。", ["戴维·沃尔夫", "安德鲁·托马斯"]),  # not …替代
    ("自治区主席艾尔肯·吐尼亚孜主持会议。", ["艾尔肯·吐尼亚孜"]),  # one last character kept
])
def test_dotted_foreign_names(text: str, names: list[str]) -> None:
    assert [p.name for p in EX.extract(text).people] == names


def test_occupation_does_not_cut_a_name_short() -> None:
    # 贺长|红研制: after an occupation, a two-character reading before a
    # given-name character that starts no word is not taken
    names = [p.name for p in EX.extract("公司工程师贺长红研制成功。").people]
    assert "贺长" not in names
