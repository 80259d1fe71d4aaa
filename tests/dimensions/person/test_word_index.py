"""lexicon.WordIndex: every occurrence of every word, as an automaton would
find them (overlapping ones too, by end, the longer first at the same end)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract.dimensions.person import lexicon
from cnpolicy_extract.dimensions.person.lexicon import CUE_WORD, DESCRIPTOR, KNOWN, TITLE

KINDS = {"主任": TITLE, "副主任": TITLE, "主任委员": TITLE, "委员": TITLE, "王小明": KNOWN,
         "画家": DESCRIPTOR, "会见": CUE_WORD, "小明": KNOWN | DESCRIPTOR}
INDEX = lexicon.word_index(KINDS)


def _every_occurrence(text: str) -> list[tuple[int, str]]:
    """(end index, word) of every word at every position, by end, longer first."""
    hits = [(s + len(w) - 1, -len(w), w) for s in range(len(text)) for w in KINDS if text.startswith(w, s)]
    return [(e, w) for e, _, w in sorted(hits)]


def _found(text: str) -> list[tuple[int, str]]:
    words = lexicon.scan_words(text, INDEX)
    got = [(e, w) for e, w in words.titles] + [(e, w) for e, w in words.known] \
        + [(e, w) for e, w in words.cue_words]
    got += [(e - 1, w) for e in words.descriptors for w in KINDS
            if KINDS[w] & DESCRIPTOR and text[e - len(w):e] == w]
    return sorted(set(got), key=lambda h: (h[0], -len(h[1])))


def test_overlapping_and_nested_words() -> None:
    text = "副主任委员王小明会见画家"
    words = lexicon.scan_words(text, INDEX)
    # 副主任, 主任 inside it, 主任委员 overlapping it, 委员 inside that
    assert words.titles == [(2, "副主任"), (2, "主任"), (4, "主任委员"), (4, "委员")]
    assert words.known == [(7, "王小明"), (7, "小明")]
    assert words.descriptors == [8, 12]  # ends: one past the last character
    assert words.cue_words == [(9, "会见")]


def test_no_word_no_hit() -> None:
    # 主 and 任 apart, 委 at the end: the pairs of a word, but no word
    assert _found("主，任主委") == []
    assert _found("") == [] and _found("主") == []


def test_a_word_needs_two_characters() -> None:
    with pytest.raises(ValueError):
        lexicon.word_index({"长": TITLE})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*KINDS, "主", "任", "委", "员", "王", "，", "a", "\U00020000"]),
                max_size=12).map("".join))
def test_same_as_every_occurrence(text: str) -> None:
    assert _found(text) == _every_occurrence(text)
