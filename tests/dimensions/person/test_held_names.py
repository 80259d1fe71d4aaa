"""names.find_names with ``held`` names (those the caller already has):
jieba is not asked about one found again where its span changes nothing,
and every other name comes out as without ``held``."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract.dimensions.person import lexicon, names
from cnpolicy_extract.tokenize import Token
from cnpolicy_extract.tokenize.jieba_backend import JiebaTokenizer

LEX = lexicon.load_lexicon()
MODEL = names.load_model(LEX)
JIEBA = JiebaTokenizer()
HELD = frozenset({"詹敏", "杜旭亮", "王建国"})


def _find(text: str, held: frozenset[str]) -> tuple[list[str], list[str]]:
    """The names found and the windows jieba was asked about."""
    asked: list[str] = []

    def tokens_in(a: int, b: int) -> list[Token]:
        asked.append(text[a:b])
        return [Token(t.start + a, t.end + a, t.text) for t in JIEBA.tokenize(text[a:b])]

    got = names.find_names(text, LEX, MODEL, bytearray(len(text) + 1), set(), tokens_in, held=held)
    return [text[s:e] for s, e in got], asked


@pytest.mark.parametrize("text", ["会议开始。詹敏表示，要加快发展。", "“创新是源泉。”杜旭亮说。"])
def test_held_name_found_again_asks_no_jieba(text: str) -> None:
    assert _find(text, HELD) == ([], [])


@pytest.mark.parametrize("text", ["会议开始。詹敏表示，要加快发展。", "“创新是源泉。”杜旭亮说。"])
def test_a_name_not_held_is_asked_about(text: str) -> None:
    found, asked = _find(text, frozenset())
    assert len(found) == 1 and len(asked) == 1


def test_held_name_with_list_neighbours_is_asked_about() -> None:
    # 詹敏 taken or not decides whether its neighbour 王建国 is read
    text = "会议开始。詹敏、王建国表示，要加快发展。"
    assert _find(text, HELD) == _find(text, frozenset()) == (["詹敏", "王建国"], ["始。詹敏、王"])


def test_waiting_name_is_asked_about_when_a_later_rule_reads_its_span() -> None:
    # 林顿 after a title (ends at 2), held: it waits; the foreign name 克林顿
    # overlapping it then needs to know whether 林顿 is taken
    text = "。克林顿说。"
    asked: list[str] = []

    def one_token_a_character(a: int, b: int) -> list[Token]:
        asked.append(text[a:b])
        return [Token(k, k + 1, text[k]) for k in range(a, b)]

    got = names.find_names(text, LEX, MODEL, bytearray(len(text) + 1), {2}, one_token_a_character,
                           held=frozenset({"林顿"}))
    assert [text[s:e] for s, e in got] == ["林顿"] and asked == ["。克林顿说。"]


_PIECES = ["詹敏", "杜旭亮", "王建国", "李晓红", "张", "伟", "明", "表示", "说", "主持", "，", "。", "、",
           "”", "的", "会见", "发展", "·", "克林顿", "在"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join), st.sets(st.sampled_from(sorted(HELD))))
def test_same_names_as_without_held(text: str, held: set[str]) -> None:
    with_held, _ = _find(text, frozenset(held))
    without, _ = _find(text, frozenset())

    def other(found: list[str]) -> list[str]:
        return [w for w in found if w not in held]

    assert other(with_held) == other(without)
    assert all(w in without for w in with_held)


def test_tokens_in_none_asks_nothing() -> None:
    call: Callable[[int, int], list[Token]] | None = None
    text = "会议开始。詹敏表示。"
    got = names.find_names(text, LEX, MODEL, bytearray(len(text) + 1), set(), call, held=HELD)
    assert [text[s:e] for s, e in got] == ["詹敏"]  # without a tokenizer the cues decide


def test_byline_taken_whole_is_not_split() -> None:
    text = "正文一段。(邹蓬王国平张学辉)\n"
    s, e = text.index("(") + 1, text.index(")")
    taken = bytearray(len(text) + 1)
    split = names.byline_names(text, LEX, MODEL, taken)
    assert len(split) == 3 and split[0][0] == s and split[-1][1] == e
    taken[s:e - 1] = b"\x01" * (e - 1 - s)  # all but its last character: still split
    assert names.byline_names(text, LEX, MODEL, taken) == split
    taken[e - 1] = 1
    assert names.byline_names(text, LEX, MODEL, taken) == []
