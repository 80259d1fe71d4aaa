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


def _raw(text: str) -> list:  # type: ignore[type-arg]
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
