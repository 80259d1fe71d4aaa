"""Feature keys and lexicon columns of the CRF tagger."""
from __future__ import annotations

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnpolicy_extract.model import features
from cnpolicy_extract.model.lexicon import LOC, ORGSUF, PER, TITLE, WORD, Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon([("总书记", TITLE), ("江泽民", PER), ("委员会", ORGSUF), ("杭州", LOC),
                    ("杭州市", LOC), ("市场", WORD), ("一", WORD)])


def test_one_row_per_character_one_column_per_template(lexicon: Lexicon) -> None:
    k = features.keys("杭州市场", lexicon)
    assert k.shape == (4, features.T_LEX + 3) and k.dtype == numpy.int64
    assert features.keys("", lexicon).shape[0] == 0


def test_same_character_same_key_in_any_context() -> None:
    a = features.keys("甲乙丙")
    b = features.keys("丁乙戊")
    assert a[1, 0] == b[1, 0]  # c0 = 乙 in both
    assert a[1, 5] != b[1, 5]  # c-1c0 differs (甲乙 / 丁乙)
    # a template's key never equals another template's key for the same characters
    assert len(set(a[1].tolist())) == a.shape[1]


def test_text_edges_are_padded_not_wrapped() -> None:
    k = features.keys("甲乙")
    assert k[0, 1] != k[1, 1]  # c-1 of 甲 is the start marker, of 乙 is 甲
    assert k[1, 2] == features.keys("丙乙")[1, 2]  # c1 of the last char: the end marker


def test_lexicon_marks_longest_word_starting_ending_and_covering(lexicon: Lexicon) -> None:
    start, end, cover = lexicon.columns("总书记江泽民到杭州市场")
    assert start[0] == 3 * 8 + TITLE and start[3] == 3 * 8 + PER
    assert end[2] == 3 * 8 + TITLE and end[5] == 3 * 8 + PER
    assert cover[4] == (3 * 8 + PER) * 4 + 2  # 泽: inside 江泽民
    # 杭州市 and 市场 overlap: 市 is covered by the longer/first word, 场 ends 市场
    assert start[7] == 3 * 8 + LOC and end[10] == 2 * 8 + WORD
    assert start[1] == 0 and end[0] == 0  # nothing starts at 书 or ends at 总


def test_single_characters_are_not_words(lexicon: Lexicon) -> None:
    assert all(int(c.sum()) == 0 for c in lexicon.columns("一"))


@given(st.text(max_size=40))
def test_keys_never_fail_and_are_deterministic(text: str) -> None:
    a = features.keys(text)
    assert a.shape[0] == len(text)
    assert numpy.array_equal(a, features.keys(text))


def test_lone_surrogates_are_characters_too() -> None:
    assert features.keys("a\ud800b").shape[0] == 3


def test_each_line_is_featured_like_a_text_of_its_own() -> None:
    both = features.keys("甲乙\n丙丁")
    assert numpy.array_equal(both[:2], features.keys("甲乙"))
    assert numpy.array_equal(both[3:], features.keys("丙丁"))
