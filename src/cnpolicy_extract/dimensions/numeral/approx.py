"""Approximate numerals as ranges or bounds (SPEC's table).

``十几`` 10–20, ``几十`` 10–100, ``二十几`` 20–30, ``数百`` 100–1000,
``十几万`` 100000–200000, ``三四十`` 30–40, ``七八`` 7–8; ``上千`` → at_least
1000; ``10余`` / ``两万多`` → more_than (余/多 anywhere in the run); ``十来``, ``100来`` → approx.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import regex

from .chinese import BIG_UNITS, DIGITS, SMALL_UNITS, parse_chinese


class Numeral(NamedTuple):  # immutable; a tuple because figures build thousands of them
    value: float
    value_max: float | None = None
    #: exact | more_than | at_least | approx (approximate ranges are exact ranges)
    qualifier: str = "exact"


_UNIT_CHARS = "十拾百佰千仟万亿"
# two neighbouring digits name a range: 三四十 (30–40), 七八 (7–8), 两三, 三五
_PAIR = regex.compile(
    rf"^(?P<pre>.*?)(?P<a>[一二两三四五六七八九])(?P<b>[二两三四五六七八九])(?P<post>[{_UNIT_CHARS}]*)$")
_PAIRS_OK = {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}


def _approx_pair(s: str) -> Numeral | None:
    if len(s) < 2:
        return None  # a pair is two digits
    m = _PAIR.match(s)
    if not m:
        return None
    a, b = DIGITS[m["a"]], DIGITS[m["b"]]
    if (a, b) not in _PAIRS_OK:
        return None
    pre = m["pre"]
    if pre and pre[-1] not in _UNIT_CHARS:
        return None
    if pre and not m["post"] and pre[-1] != "十":
        return None  # 一百三四 is not written; keep to 十五六, 三四十
    lo = parse_chinese(pre + m["a"] + m["post"])
    hi = parse_chinese(pre + m["b"] + m["post"])
    if lo is None or hi is None:
        return None
    return Numeral(lo, hi)


def _approx_ji(s: str) -> Numeral | None:
    """几 reads as 0 (十几 → 10) or 1 (几十 → 10) for the low end, 10 for the high end."""
    i = s.index("几")
    # 几 multiplies the unit after it (几十, 三万几千) unless it follows 十/百/千,
    # where it is the last digit (十几, 十几万, 二十几)
    before_unit = i + 1 < len(s) and s[i + 1] in _UNIT_CHARS and (i == 0 or s[i - 1] in "万亿")
    lo = parse_chinese(s, {"几": 1.0 if before_unit else 0.0})
    hi = parse_chinese(s, {"几": 10.0})
    if lo is None or hi is None or s.count("几") != 1:
        return None
    if not before_unit and i > 0 and s[i - 1] in _UNIT_CHARS and hi > lo:
        # 十几 → 10 + 10 = 20; 二十几 → 30; 十几万 → (10 + 10)万
        return Numeral(lo, hi)
    if before_unit:
        return Numeral(lo, hi)
    return None


_MULT_VALUE = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8, "萬": 1e4, "億": 1e8}
# the common case, read without the general parser: 12.5, 1,100万, 3千万, 10余万
_ARABIC_MULT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([余多]?)([十百千万亿萬億]*)([余多]?)")


# a lone digit or multiplier (万 alone is 10000, as 上万 and 万人 read it)
_ONE_CHAR: dict[str, Numeral] = {
    c: Numeral(float(v)) for c, v in {**DIGITS, **SMALL_UNITS, **BIG_UNITS}.items()}


def parse_numeral(s: str) -> Numeral | None:
    """A numeral run (Arabic, Chinese, mixed, approximate) → value and qualifier.

    Returns None for strings that are not one well-formed numeral.
    """
    if not s:
        return None
    one = _ONE_CHAR.get(s)
    if one is not None:
        return one  # 两, 七, 万: the commonest Chinese numerals, one character
    if s.isascii() and s.replace(".", "", 1).isdigit():
        return Numeral(float(s), None, "exact")  # the commonest case: 14.1, 2024
    m = _ARABIC_MULT.fullmatch(s)
    if m is not None:
        digits, frac, more1, mults, more2 = m.groups()
        if not (more1 and more2):
            amount = float(digits.replace(",", "") + (frac or ""))
            for c in mults:
                amount *= _MULT_VALUE[c]
            return Numeral(amount, None, "more_than" if more1 or more2 else "exact")
    qualifier = "exact"
    core = s
    if "余" in core or "多" in core:
        if core[0] in "余多":
            return None
        core = core.replace("余", "").replace("多", "")
        qualifier = "more_than"
    elif core.endswith("来") and len(core) > 1:
        core = core[:-1]  # 十来个, 100来人: about
        qualifier = "approx"
    if core.startswith("上") and len(core) > 1:
        v = parse_chinese(core[1:])
        if v is None or core[1] not in "百千万亿":
            return None
        return Numeral(v, None, "at_least")
    if core.startswith("数") and len(core) > 1:
        if core[1] not in "十百千万亿":
            return None
        v = parse_chinese(core[1:])
        return None if v is None else Numeral(v, v * 10)
    if "几" in core:
        r = _approx_ji(core)
        return None if r is None or qualifier != "exact" else r
    if not core[0].isdigit():
        r = _approx_pair(core)
        if r is not None:
            return r if qualifier == "exact" else None
    v = parse_chinese(core)
    if v is None:
        return None
    return Numeral(v, None, qualifier)
