"""rules.find: str.find by the first character, same answers."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract.dimensions.person.rules import find


def test_first_character_alone_is_no_hit() -> None:
    assert find("王明王敏", "王敏") == 2  # 王 at 0 starts no 王敏
    assert find("王明王敏", "王敏", 3) == -1
    assert find("王明王", "王敏") == -1  # the word runs past the end
    assert find("摄影(张三摄)", "摄)") == 5


_CHARS = st.sampled_from("王敏明摄)的\U00020000a")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=12), st.text(alphabet=_CHARS, max_size=3), st.integers(-3, 14))
def test_same_as_str_find(text: str, w: str, start: int) -> None:
    assert find(text, w, start) == text.find(w, start)
