"""The cue-word patterns: a trie pattern matches what the plain alternation
of the words, longest first, matches (the longest word at the leftmost position)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract.link.cues import trie_pattern

WORDS = st.lists(st.text(alphabet="增长加率以上下的和.*", min_size=1, max_size=4), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(alphabet="增长加率以上下的和.*x", max_size=20), st.integers(0, 20))
def test_trie_matches_like_longest_first_alternation(words: list[str], text: str, pos: int) -> None:
    flat = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))))
    trie = re.compile(trie_pattern(set(words)))
    pos = min(pos, len(text))
    a, b = flat.search(text, pos), trie.search(text, pos)
    assert (a.span() if a else None) == (b.span() if b else None)
    a, b = flat.match(text, pos), trie.match(text, pos)
    assert (a.span() if a else None) == (b.span() if b else None)


def test_trie_prefers_the_longer_word() -> None:
    trie = re.compile(trie_pattern({"增长", "增长率", "增"}))
    assert trie.match("增长率达到").group() == "增长率"
    assert trie.match("增长了").group() == "增长"
    assert trie.match("增加").group() == "增"
    assert trie.match("减少") is None


def test_degenerate_inputs_neither_hang_nor_crash() -> None:
    """An empty skip span, and two times on one span with and without a value."""
    from cnpolicy_extract.link.cues import MetricCues, PeriodCues
    from cnpolicy_extract.link.metric import link_metrics
    from cnpolicy_extract.link.period import profile

    text = "新增企业10家"
    assert len(link_metrics(text, [(4, 6)], MetricCues.load(), [(2, 2)])) == 1
    report = "政府工作报告\n各位代表：2024年1月14日在会议上。"
    prof = profile(report, [(12, 22, None), (12, 22, "2024-01-14")], None, PeriodCues.load())
    assert prof.report


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="高等平级中x", max_size=16), st.integers(0, 16))
def test_not_etc_word_found_like_every_word_and_position(text: str, s: int) -> None:
    """_Finder._in_word: does a not_etc word starting at or after s cover the 等 at k."""
    from cnpolicy_extract.link.cues import MetricCues
    from cnpolicy_extract.link.metric import _Finder

    cues = MetricCues.load()
    finder = _Finder(text, cues, [])
    for k in (i for i, c in enumerate(text) if c == "等" and i >= s):
        want = any(text.startswith(w, j) for w in cues.not_etc
                   for j in range(max(s, k - len(w) + 1), k + 1) if j + len(w) > k)
        assert finder._in_word(s, k) == want


def test_not_etc_words_cover_their_deng() -> None:
    from cnpolicy_extract.link.cues import MetricCues
    from cnpolicy_extract.link.metric import _Finder

    finder = _Finder("高等院校、企业等单位", MetricCues.load(), [])
    assert finder._in_word(0, 1)        # 高等
    assert not finder._in_word(1, 1)    # 高 lies before the start
    assert not finder._in_word(0, 7)    # 企业等: the list-closing 等
    assert finder._etc(0, 10) == 8      # the noun after the last list-closing 等


def test_locative_last_characters() -> None:
    from cnpolicy_extract.link.cues import RegionCues

    cues = RegionCues.load()
    assert all(w[-1] in cues.locative_last for w in cues.locative)
    assert "自" in cues.locative_last and "省" not in cues.locative_last


def test_scope_first_characters() -> None:
    from cnpolicy_extract.link.cues import RegionCues

    cues = RegionCues.load()
    assert cues.scope_first == {w[0] for w, _ in cues.scope} and "全" in cues.scope_first
    made = RegionCues(scope=(("全省", "@document"), ("本市", "@document")))
    assert made.scope_first == {"全", "本"} and "省" not in made.scope_first


def test_period_cue_first_and_last_characters() -> None:
    import pytest

    from cnpolicy_extract.link.cues import PeriodCues

    cues = PeriodCues.load()
    assert all(w[0] in cues.plan_name_first for w in cues.plan_name) and "规" in cues.plan_name_first
    assert all(w[-1] in cues.base_last for w in cues.base) and "年" not in cues.base_last
    assert cues.base_len == max(map(len, cues.base))
    assert PeriodCues(frozenset(), (), ("较", "比上年"), (), frozenset(), (), (), ()).base_len == 3
    assert PeriodCues(frozenset(), (), (), (), frozenset(), (), (), ()).base_len == 0  # no base words
    with pytest.raises(ValueError):  # an empty word would match everywhere: the tables could not say
        PeriodCues(frozenset(), ("",), (), (), frozenset(), (), (), ())


def test_clean_needs_two_real_characters() -> None:
    """Quotes and spaces do not count, wherever they stand in the phrase."""
    from cnpolicy_extract.link.cues import MetricCues
    from cnpolicy_extract.link.metric import _Finder

    text = "“企”业 “ 园”"
    finder = _Finder(text, MetricCues.load(), [])
    assert finder.clean(0, 4) == (0, 4)          # “企”业: two real characters
    assert finder.clean(0, 3) is None            # “企”: one
    assert finder.clean(4, 8) is None            # ' “ 园”': one, quotes at both ends
