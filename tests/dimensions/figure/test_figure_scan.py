"""The numeral scan's first character class lists the decimal digits instead
of using ``\\d`` (a Unicode lookup at every character): it must still admit
every character ``\\d`` matches, or runs of those digits would be lost."""
from __future__ import annotations

import re

from cnpolicy_extract.dimensions.figure.rules import _decimal_digits, build_rules


def test_decimal_digits_cover_every_unicode_digit() -> None:
    listed = re.compile(f"[{_decimal_digits()}]")
    digit = re.compile(r"\d")
    missed = [hex(c) for c in range(0x110000)
              if not 0xD800 <= c < 0xE000 and digit.match(chr(c)) and not listed.match(chr(c))]
    assert not missed
    # and in the BMP nothing else (the astral planes are admitted wholesale)
    extra = [hex(c) for c in range(0x10000)
             if not 0xD800 <= c < 0xE000 and listed.match(chr(c)) and not digit.match(chr(c))]
    assert not extra


def test_scan_finds_runs_of_any_decimal_digits() -> None:
    scan = build_rules().scan
    for text, run in (("增长٣٥%", "٣٥"), ("共𝟑𝟒家", "𝟑𝟒"), ("增长35%", "35"), ("两万多", "两万")):
        assert run in [m.group() for m in scan.finditer(text)], text
