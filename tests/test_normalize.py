from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cnpolicy_extract.normalize import halfwidth, normalize


def test_fullwidth_digits_punctuation_and_spaces() -> None:
    n = normalize("增长１２．５％，　共３家")
    assert n.text == "增长12.5%, 共3家"
    assert n.original == "增长１２．５％，　共３家"


def test_halfwidth_code() -> None:
    assert halfwidth("４１５Ｘ") == "415X"


@given(st.text())
def test_offsets_map_back(s: str) -> None:
    n = normalize(s)
    for i in range(len(n.text) + 1):
        j = n.to_original(i)
        assert 0 <= j <= len(s)
    assert n.original_text(0, len(n.text)) == s


@given(st.text(max_size=300), st.integers(min_value=14, max_value=40))
def test_vectorised_fold_equals_translate(s: str, times: int) -> None:
    from cnpolicy_extract.normalize import _WIDTH

    long = (s or "１") * (4096 // max(len(s), 1) + times)  # well past the vector threshold
    assert normalize(long).text == long.translate(_WIDTH)


def test_long_text_with_surrogates_and_fullwidth() -> None:
    s = ("增长１２．５％，\ud800　" * 1000)
    assert normalize(s).text == ("增长12.5%,\ud800 " * 1000)


def test_from_original_inverts_the_map() -> None:
    from cnpolicy_extract.normalize import NormalizedText

    n = NormalizedText("abcd", "ad", (0, 3, 4))  # b, c dropped
    assert [n.from_original(i) for i in (0, 3, 4)] == [0, 1, 2]
    assert [n.span(n.from_original(s), n.from_original(e)) for s, e in ((0, 4), (3, 4))] == [(0, 4), (3, 4)]
    assert NormalizedText("ab", "ab").from_original(1) == 1
