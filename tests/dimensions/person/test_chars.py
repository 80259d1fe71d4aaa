"""chars: the class table's RIGHT bit (a cue after a name may start here)
and the one code point array shared by the numpy passes."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract.dimensions.person import chars, lexicon, names
from cnpolicy_extract.dimensions.person.rules import is_han

AFTER_FIRST = ("说", "表", "等")
TABLE = chars.table("王李", "、", AFTER_FIRST, "克林顿")
LEX = lexicon.load_lexicon()


def _right(c: str) -> bool:
    return bool(TABLE[min(ord(c), 0xFFFF)] & chars.RIGHT)


def test_right_bit_where_a_cue_may_start() -> None:
    assert all(_right(c) for c in "，。”)\n \x00说表等")  # punctuation, the end marker, after-name words
    assert _right("\U00020000")  # beyond the BMP: all as U+FFFF
    # ordinary ideographs (also Han outside U+4E00–U+9FFF), letters and digits of any script
    assert not any(_right(c) for c in "国王克\u3400\u9fa6a5Zα５")


@settings(max_examples=300, deadline=None)
@given(st.characters(max_codepoint=0xFFFE))
def test_right_bit_is_the_cue_rule_for_one_character(c: str) -> None:
    assert _right(c) == (c in AFTER_FIRST or (not is_han(c) and not c.isalnum()))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("说表示同志等，。国王李a5α\u3400\U00020000"), max_size=6),
       st.integers(0, 6))
def test_no_right_bit_no_right_cue(text: str, p: int) -> None:
    # the candidate filter skips _right_cue where the bit is clear
    tab = chars.table("王李", "、", LEX.after_first, "")
    bits = tab.take(chars.code_points(text), mode="clip").tobytes() + bytes([chars.RIGHT]) * 8
    if names._right_cue(text, p, LEX):
        assert bits[p] & chars.RIGHT


def test_code_points_end_with_the_end_marker() -> None:
    text = "王说，\U00020000"
    assert chars.code_points(text).tolist() == [ord(c) for c in text] + [0]
    assert chars.code_points("").tolist() == [0]


def test_shared_code_points_change_nothing() -> None:
    text = "主任王小明说，副主任李四表示"
    cp = chars.code_points(text)
    assert np.array_equal(chars.classify(text, TABLE, cp=cp), chars.classify(text, TABLE))
    index = lexicon.word_index({"主任": lexicon.TITLE, "副主任": lexicon.TITLE, "表示": lexicon.CUE_WORD})
    assert index.starts(text, cp) == index.starts(text) != []
    assert lexicon.scan_words(text, index, cp) == lexicon.scan_words(text, index)
