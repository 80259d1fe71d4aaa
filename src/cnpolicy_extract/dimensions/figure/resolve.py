"""One candidate match → a resolved figure (value, unit, dimension…), or None.

Matching is :mod:`.rules`; verification is :mod:`.filters`; this module only
builds values. All positions are in the normalised text.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from ..numeral import DIGITS, Numeral, parse_numeral
from . import filters
from .rules import MULT, Rules
from .units import Unit

_MULT_VAL = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8, "萬": 1e4, "億": 1e8}
_BIG = frozenset("万亿萬億")  # ``not _BIG.isdisjoint(n)``: n has a 万/亿 (cheaper than a regex)
_HUNDREDS = frozenset("百千佰仟")
_SMALL_CN = regex.compile(r"[一二两三四五六七八九十]{1,3}")
_ONE = frozenset({"一", "壹"})
_PLACE_UNITS = frozenset({"县", "地", "村"})
_MORE_AFTER_KINDS = frozenset({"percent", "times", "duration"})
_NOT_MORE = tuple("元样种个万亿方项次少数年")
# currency signs before a number: ￥500万, $100, US$3亿
_SIGNS = (("US$", "USD"), ("HK$", "HKD"), ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"),
          ("EUR", "EUR"), ("HKD", "HKD"), ("GBP", "GBP"), ("JPY", "JPY"), ("¥", "CNY"), ("￥", "CNY"),
          ("$", "USD"), ("€", "EUR"), ("£", "GBP"))
#: the last characters of currency signs (no sign ends elsewhere: skip the loop)
SIGN_LAST = frozenset(sign[-1] for sign, _ in _SIGNS)
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_CN_DIGITS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_NOT_ONE_KINDS = frozenset({"count", "duration", "age", "head"})


class Resolved(NamedTuple):  # a tuple: built thousands of times per document
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    dimension: str
    qualifier: str | None  # from inside the numeral (余, 多, 上千); None → look around
    change: str | None = None


# ``Resolved(…)`` runs a generated Python ``__new__``; the commonest readings
# build the tuple directly (all eight fields, in order): ≈0.4 µs less each
_new = tuple.__new__


def _unit(rules: Rules, surface: str) -> Unit | None:
    u = rules.units.by_surface.get(surface)
    if u is not None:
        return u
    for sep in ("/", "每"):
        if sep in surface:
            a, _, b = surface.partition(sep)
            return rules.units.compound(a, b)
    return None


def _trailing_mult(n: str) -> float:
    """The multiplier a range's first number borrows (5至8万元 = 5万–8万): 万/亿,
    or 千/百 after Arabic digits (3至5千) or one Chinese digit (二至三百); never a
    Chinese 十 (五至十年)."""
    v = 1.0
    core = n.rstrip("余多来")
    for i in range(len(core) - 1, 0, -1):
        c = core[i]
        if c not in _MULT_VAL or (c == "十" and not core[0].isdigit()) \
                or (c in "百千" and not core[0].isdigit() and len(core) != 2):
            break
        v *= _MULT_VAL[c]
    return v


def _numeral_ok(n: str, text: str = "", start: int = 0) -> bool:
    """A Chinese run must begin with a digit, 十, 上 or 数, or be a 2+-character
    magnitude such as 百亿 (万人, 千家 alone are words) — or a lone 百/千/万
    with 余/多 or after a qualifier (百余家, 千余人, 近百家, 逾万人)."""
    c = n[0]
    if c in "百千万" and ((len(n) > 1 and n[1] in "余多") or (start and text[start - 1] in "近逾超约破过")):
        return True
    if len(n) == 1 and c in _FINANCIAL:
        return False  # 大陆首只, 伍: a lone financial digit is a word
    if c.isdigit() or c in DIGITS or c in "十拾上数几":
        return True
    return len(n.rstrip("余多")) >= 2


def resolve_unit(rules: Rules, text: str, start: int, n: str, u: str, end: int) -> Resolved | None:
    if n[0].isdigit() and n.isascii() and n.replace(".", "", 1).isdigit():
        chinese = False  # the commonest case, 12 or 5.5: what parse_numeral reads first
        value, value_max, qual = float(n), None, None
    else:
        chinese = not n[0].isdigit()
        if chinese and not _numeral_ok(n, text, start):
            return None
        num = parse_numeral(n)
        if num is None:
            return None
        value, value_max = num.value, num.value_max
        qual = None if num.qualifier == "exact" else num.qualifier
    unit = rules.units.by_surface.get(u) or _unit(rules, u)
    if unit is None:
        return None
    nxt = text[end:end + 1]
    if nxt == "级":
        return None  # 千万千瓦级, 百亿级: a class, not an amount
    if unit.not_before and nxt and nxt in unit.not_before:
        return None  # 千万家庭, 千亿台阶: the "unit" begins another word
    kind = unit.kind
    if kind in _NOT_ONE_KINDS:
        if n in _ONE:
            return None  # 一批, 一个, 一年: "a", not a count
        if unit.unit in _PLACE_UNITS and (n[0] in "百千万亿" or (n.isdigit() and len(n) == 4)):
            return None  # 千亿县, 百亿县 (a county of that output); 2024县域…
        if u == "家" and filters.ranking_list(text, start):
            return None
        if kind == "duration":
            if (u == "周" and nxt in ("年", "岁")) or filters.year_or_date(text, n, end, unit.unit) \
                    or filters.time_phrase(text, start, unit.unit, end):
                return None  # 70周年, 3周岁, 2023年, 五年来
    elif u == "成":
        if filters.cheng_is_word(text, end) or value > 10 or not (value_max or 0) <= 10:
            return None
    elif u in ("度", "P", "E") and chinese and _BIG.isdisjoint(n):
        return None  # 一度 (once); P/E only after Arabic digits
    if chinese and (filters.cn_digit_string(n, _CN_DIGITS) or filters.session(text, end, u, chinese)):
        return None
    m = unit.multiplier
    vmax = value_max * m if value_max is not None else None
    if kind in _MORE_AFTER_KINDS and vmax is None and nxt == "多" \
            and not text.startswith(_NOT_MORE, end + 1):
        end, qual = end + 1, "more_than"  # 八成多, 3倍多, 两年多
    return _new(Resolved, (start, end, value * m, vmax, unit.unit, unit.dimension, qual, None))


def resolve_bare(rules: Rules, text: str, start: int, n: str, end: int) -> Resolved | None:
    n_core = n.rstrip("余多来")
    if not n_core:
        return None
    if end < len(text) and text[end] == "级":
        return None  # 千亿级产业, 7.1级地震 (a class or magnitude, not an amount)
    if n[0].isdigit():
        big = not _BIG.isdisjoint(n)
        if not big and end < len(text) and text[end] != "大" and not filters.bare_arabic_ok(text, end, n):
            return None  # the commonest rejection first: 3号, 500强, 2024中国…
        num = parse_numeral(n)
        if num is None:
            return None
        if filters.reference(text, start, end):
            return None
        if filters.phone_like(n) or filters.year_or_date(text, n, end, None) \
                or filters.list_marker(text, start, end):
            return None
        if end < len(text) and text[end] == "大" and n.isdigit() and int(n) < 100 \
                and not filters.party_congress(text, start, int(n), end + 1):
            return Resolved(start, end + 1, float(n), None, None, "count", None)  # 7大产业集群
        if filters.ratio_to_one(text, end):
            return Resolved(start, end + 2, num.value, None, None, "number", None)  # 2.31:1
        if start:
            at = start - 1 if text[start - 1] == " " else start  # RMB 500
            for sign, code in _SIGNS if at and text[at - 1] in SIGN_LAST else ():
                if text.endswith(sign, max(0, at - 3), at):
                    return Resolved(at - len(sign), end, num.value, num.value_max, code, "currency",
                                    None if num.qualifier == "exact" else num.qualifier)
        if not big:
            if not filters.bare_arabic_ok(text, end, n):
                return None
            return _new(Resolved, (start, end, num.value, num.value_max, None, "number",
                                   None if num.qualifier == "exact" else num.qualifier, None))
        dim = "count" if filters.counts_people(rules.count_heads, text, end) else "number"
        return Resolved(start, end, num.value, num.value_max, None, dim,
                        None if num.qualifier == "exact" else num.qualifier)
    # Chinese: 两大角色 (a count with no classifier), 两万多, 八万亿
    if end < len(text) and text[end] == "大" and _SMALL_CN.fullmatch(n) and n not in _ONE:
        num = parse_numeral(n)
        if num is None or num.value >= 100 or filters.party_congress(text, start, num.value, end + 1):
            return None
        return Resolved(start, end + 1, num.value, num.value_max, None, "count", None)
    if not _numeral_ok(n) or n[0] in "百千万亿佰仟" or filters.cn_digit_string(n, _CN_DIGITS):
        return None
    if _BIG.isdisjoint(n):
        # 一千二百三十四, 三千零五十 standing alone (end, punctuation, 的): a number;
        # 十四五, 二中, 二十四节气 (a Han word follows, or no 百/千) are not
        if _HUNDREDS.isdisjoint(n) or len(n) < 2 or not filters.bare_arabic_ok(text, end, n):
            return None
        num = parse_numeral(n)
        if num is None or num.value_max is not None:
            return None
        return Resolved(start, end, num.value, None, None, "number",
                        None if num.qualifier == "exact" else num.qualifier)
    num = parse_numeral(n)
    if num is None:
        return None
    dim = "count" if filters.counts_people(rules.count_heads, text, end) else "number"
    return Resolved(start, end, num.value, num.value_max, None, dim,
                    None if num.qualifier == "exact" else num.qualifier)


def resolve_range(rules: Rules, text: str, m: regex.Match[str]) -> Resolved | None:
    n1, n2, u1, u2 = m["n1"], m["n2"], m["u1"], m["u2"]
    if not (_numeral_ok(n1) and _numeral_ok(n2)):
        return None
    a, b = parse_numeral(n1), parse_numeral(n2)
    unit = _unit(rules, u2)
    if a is None or b is None or unit is None or unit.kind == "head":
        return None
    if a.value_max is not None or b.value_max is not None:
        return None
    if u1:
        unit1 = _unit(rules, u1)
        if unit1 is None or unit1.unit != unit.unit:
            return None
        v1 = a.value * unit1.multiplier
    else:
        v1 = a.value * unit.multiplier
        t1, t2 = _trailing_mult(n1), _trailing_mult(n2)
        if t1 == 1.0 and t2 > 1.0 and a.value < b.value:
            v1 *= t2  # 5至8万元 = 5万–8万
    v2 = b.value * unit.multiplier
    yu = unit.unit if unit.kind == "duration" else "-"
    if filters.year_or_date(text, n1, m.end(), yu) or filters.year_or_date(text, n2, m.end(), yu):
        return None  # 2019-2023年
    if u2 == "成" and (b.value > 10 or filters.cheng_is_word(text, m.end())):
        return None
    if not v1 < v2:
        return None
    return Resolved(m.start(), m.end(), v1, v2, unit.unit, unit.dimension, None)


def resolve_fraction(m: regex.Match[str]) -> Resolved | None:
    den, num = parse_numeral(m["den"]), parse_numeral(m["fnum"])
    if den is None or num is None or den.value == 0 or den.value_max or num.value_max:
        return None
    if den.qualifier != "exact" or num.qualifier != "exact":
        return None
    return Resolved(m.start(), m.end(), num.value / den.value * 100, None, "%", "percent", None)


def resolve_slash(text: str, m: regex.Match[str]) -> Resolved | None:
    """占全国1/4 → 25 %; a date (11/22) or a larger numerator is not a share."""
    a, b = int(m["sn"]), int(m["sd"])
    if not 0 < a < b or (m.start() > 0 and text[m.start() - 1] in "/-."):
        return None
    return Resolved(m.start(), m.end(), a / b * 100, None, "%", "percent", None)


def resolve_fan(m: regex.Match[str]) -> Resolved:
    k = DIGITS.get(m["fann"] or "一", 1)
    return Resolved(m.start(), m.end(), float(2 ** k), None, "times", "multiple", None, "increase")


__all__ = ["MULT", "SIGN_LAST", "Numeral", "Resolved", "resolve_bare", "resolve_fan", "resolve_fraction",
           "resolve_range", "resolve_unit"]
