"""Chinese and mixed Chinese/Arabic numerals → numbers.

Handles 零/〇, 两, financial digits (壹贰叁…拾佰仟), the multipliers 十 百 千 万 亿
(万亿 = 10¹²), Arabic digits with Chinese multipliers (``1.2万``, ``3千万``,
``1亿2000万``), the decimal 点 (``三点五``), the colloquial abbreviation
``三万五`` (35000) and pure digit strings (``二〇二四``). Approximate forms
(几, 数, 上, adjacent digits, 余/多) are in :mod:`.approx`.
"""
from __future__ import annotations

from collections.abc import Mapping

import regex

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
    "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

#: every character a Chinese numeral may be written with
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

_CHINESE = frozenset(NUMERAL_CHARS) | frozenset("几")
_TOKEN = regex.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|.", regex.S)


def _arabic(tok: str) -> float:
    return float(tok.replace(",", ""))


def parse_integer_part(s: str, digit_override: dict[str, float] | None = None) -> float | None:
    """Value of a numeral without a decimal 点; None if it is not a well-formed numeral.

    ``digit_override`` lets the approximate-number code read 几 as 0, 1 or 10.
    """
    if not s:
        return None
    digits: Mapping[str, float] = {**DIGITS, **digit_override} if digit_override else DIGITS
    # all Chinese: one token a character (the regex only groups Arabic digits)
    toks = list(s) if _CHINESE.issuperset(s) else _TOKEN.findall(s)
    # A pure string of Chinese digits (二〇二四) reads positionally.
    if len(toks) > 1 and all(t in DIGITS for t in toks):
        v = 0.0
        for t in toks:
            v = v * 10 + DIGITS[t]
        return v
    total = 0.0
    section = 0.0
    number: float | None = None
    last_big = 0  # the last 万/亿 seen (0 = none), so 1亿2000万 adds, 8万亿 multiplies
    prev_unit = 0  # multiplier of the unit character just before a trailing digit
    prev_kind = ""
    for t in toks:
        if t in digits or t[0].isdigit():
            if prev_kind == "num":
                return None  # two numbers in a row (一二, 3三) are not one numeral
            number = digits[t] if t in digits else _arabic(t)
            prev_kind = "num"
            if number == 0 and t in digits:
                prev_unit = 0  # 一百零五: the 五 after 零 is not an abbreviation
                prev_kind = "zero"
                number = None
        elif t in SMALL_UNITS:
            u = SMALL_UNITS[t]
            if number is None:
                if prev_kind not in ("", "zero") and not (prev_kind == "big"):
                    return None  # 十百, 百千 …
                number = 1.0
            section += number * u
            number = None
            prev_unit = u
            prev_kind = "small"
        elif t in BIG_UNITS:
            u = BIG_UNITS[t]
            s_val = section + (number or 0.0)
            if s_val == 0 and total == 0:
                s_val = 1.0  # 万 alone, 上万
            if last_big > u:  # 1亿2000万: 万 scales its own section only
                total += s_val * u
            else:  # 8万亿, 3千万: the whole amount so far is scaled
                total = (total + s_val) * u
            section = 0.0
            number = None
            last_big = max(last_big, u) if last_big > u else u
            prev_unit = u
            prev_kind = "big"
        else:
            return None
    if number is not None and prev_kind == "num" and prev_unit >= 100 and len(toks) >= 2 \
            and toks[-1] in DIGITS:
        number *= prev_unit / 10  # 三万五 = 35000, 一百五 = 150
    return total + section + (number or 0.0)


def parse_chinese(s: str, digit_override: dict[str, float] | None = None) -> float | None:
    """A Chinese or mixed numeral, with an optional decimal 点."""
    s = s.replace("點", "点")  # Traditional
    if "点" in s:
        head, _, tail = s.partition("点")
        if not tail or any(c not in DIGITS for c in tail):
            # 三点五万 (3.5万): fraction digits, then one multiplier
            m = regex.fullmatch(rf"([{''.join(DIGITS)}]+)([万亿萬億]+)", tail)
            if not m:
                return None
            frac_s, mult = m.group(1), m.group(2)
        else:
            frac_s, mult = tail, ""
        if not head:
            return None  # 点五 alone is not a number
        ip = parse_integer_part(head, digit_override)
        if ip is None:
            return None
        frac = float("0." + "".join(str(DIGITS[c]) for c in frac_s))
        v = ip + frac
        for c in mult:
            v *= BIG_UNITS[c]
        return v
    return parse_integer_part(s, digit_override)
