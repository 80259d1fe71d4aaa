"""Place rules: the corpus in one parametrised test, sentence fixtures with
offsets, organisation spans, and Hypothesis properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.dimensions.place import PlaceStage
from cnpolicy_extract.dimensions.place.corpus import NEGATIVE, POSITIVE
from cnpolicy_extract.normalize import normalize
from cnpolicy_extract.state import DocState
from cnpolicy_extract.types import Organization

_STAGE = PlaceStage(Config(model=None))


def _places(text: str, orgs: list[Organization] | None = None) -> list[tuple[str, str, str | None]]:
    state = DocState(norm=normalize(text), published=None, _tokenize=lambda s: [])
    state.organizations = orgs or []
    _STAGE(state)
    for p in state.places:
        assert text[p.start:p.end] == p.text
    return [(p.text, p.name, p.level) for p in sorted(state.places, key=lambda p: p.start)]


@pytest.mark.parametrize(("text", "expected"), POSITIVE + tuple((n, ()) for n in NEGATIVE),
                         ids=[f"+{t[:8]}" for t, _ in POSITIVE] + [f"-{n[:8]}" for n in NEGATIVE])
def test_corpus(text: str, expected: tuple[tuple[str, str, str], ...]) -> None:
    assert _places(text) == list(expected)


def test_codes_parents_and_offsets() -> None:
    text = "浙江省诸暨市和景宁"
    state = DocState(norm=normalize(text), published=None, _tokenize=lambda s: [])
    _STAGE(state)
    got = {p.name: (p.start, p.end, p.parent, p.code) for p in state.places}
    assert got["浙江省"] == (0, 3, None, "330000")
    assert got["诸暨市"] == (3, 6, "绍兴市", "330681")
    assert got["景宁畲族自治县"] == (7, 9, "丽水市", "331127")


def test_ambiguous_short_name_prefers_the_mentioned_city() -> None:
    # 鼓楼 is a district of several cities: under 南京 it is Nanjing's.
    got = {p.name: p for p in _raw("南京市鼓楼区和鼓楼的发展")}
    assert got["鼓楼区"].code == "320106"
    # Alone, with no city named, a district short form is not trusted.
    assert _raw("鼓楼的发展") == []


def _raw(text: str) -> list:
    state = DocState(norm=normalize(text), published=None, _tokenize=lambda s: [])
    _STAGE(state)
    return state.places


def test_places_inside_organisation_spans_are_skipped() -> None:
    text = "中俄(诸暨)国际实验室落户诸暨"
    org = Organization(0, 11, text[:11], text[:11], "research")
    assert _places(text, [org]) == [("诸暨", "诸暨市", "county")]


def test_full_width_text() -> None:
    text = "（浙江）杭州"
    assert _places(text) == [("浙江", "浙江省", "province"), ("杭州", "杭州市", "city")]


def test_offsets_after_characters_of_every_utf8_length() -> None:
    # The matcher runs over UTF-8 bytes: offsets must still count characters.
    for before in ("", "a", "é", "中", "😀", "😀é中a", "\ud800"):
        text = before * 3 + "在杭州市和浙江"
        got = [(p.start, p.end, p.name) for p in _raw(text)]
        n = len(before) * 3
        assert got == [(n + 1, n + 4, "杭州市"), (n + 5, n + 7, "浙江省")]


_EX = Extractor(Config(kinds=frozenset({"places"}), model=None))


_ALPHABET = list("浙江省杭州市诸暨经开区中国式鼓楼南京长三角地区“”港委，。\n 和政府😀é")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60))
def test_never_raises_spans_index_input_deterministic(text: str) -> None:
    a = _EX.extract(text)
    for p in a.places:
        assert text[p.start:p.end] == p.text
    assert a.to_dict() == _EX.extract(text).to_dict()


def _greedy_by_priority(cands: list[tuple[int, int, bool, int, tuple[object, ...]]]
                        ) -> list[tuple[int, int, bool, int, tuple[object, ...]]]:
    # The definition: every candidate in priority order (in context, longer,
    # leftmost, first found), kept unless a character of it is taken.
    taken: set[int] = set()
    kept = []
    for c in sorted(cands, key=lambda c: (c[2], c[0] - c[1], c[0], c[3])):
        if not taken & set(range(c[0], c[1])):
            kept.append(c)
            taken |= set(range(c[0], c[1]))
    return sorted(kept, key=lambda c: c[0])


# a candidate's fields (the overlap rules never read them)
_FIELDS = (False, "杭州市", "city", "浙江省", "330100")
_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6), st.booleans()), max_size=14)


@settings(max_examples=500, deadline=None)
@given(_SPANS)
def test_overlaps_resolved_run_by_run_like_the_greedy_definition(spans: list[tuple[int, int, bool]]) -> None:
    from cnpolicy_extract.dimensions.place import _non_overlapping

    # distinct spans, as the stage makes them; the order found is the tie-breaker
    unique = list(dict.fromkeys((s, s + n) for s, n, _ in spans))
    weak = {(s, s + n): w for s, n, w in spans}
    cands = sorted((s, e, weak[(s, e)], k, _FIELDS) for k, (s, e) in enumerate(unique))
    assert _non_overlapping(cands) == _greedy_by_priority(cands)


def test_overlaps_keep_the_run_member_that_comes_first() -> None:
    from cnpolicy_extract.dimensions.place import _non_overlapping

    f = _FIELDS
    # 浙江 inside 浙江省 (both in context): the longer; an out-of-context
    # longer name loses to an in-context shorter one; chains count as one run.
    assert _non_overlapping([(0, 2, False, 0, f), (0, 3, False, 1, f)]) == [(0, 3, False, 1, f)]
    assert _non_overlapping([(0, 2, False, 0, f), (0, 3, True, 1, f)]) == [(0, 2, False, 0, f)]
    chain = [(0, 2, False, 0, f), (1, 4, False, 1, f), (3, 5, False, 2, f), (6, 8, False, 3, f)]
    assert _non_overlapping(chain) == [(1, 4, False, 1, f), (6, 8, False, 3, f)]
