"""The declared short-name note (以下简称“X”), read by organisations and people."""
from __future__ import annotations

from cnpolicy_extract.dimensions.short_name import after_note, before_note, declared_at


def test_alias_notes_are_skipped_both_ways() -> None:
    text = "领导小组办公室(以下简称“归雁办”)副主任"
    k = text.index("(")
    assert after_note(text, k) == text.index("副")
    assert before_note(text, text.index("副")) == k
    assert declared_at(text, k) == "归雁办"
    plain = "领导小组办公室(试行)副主任"  # not an alias note
    assert after_note(plain, plain.index("(")) == plain.index("(")
    assert before_note(plain, plain.index("副")) == plain.index("副")
    assert declared_at(plain, plain.index("(")) is None
    assert before_note(text, 0) == 0
    assert declared_at("办公室(简称省发改委)", 3) == "省发改委"
