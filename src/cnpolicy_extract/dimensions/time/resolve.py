"""From a matched time rule to an ISO value (year, month, date, quarter, or
``START/END``), resolving relative words against the publication year and
bare months/quarters against the year in force (the anchor)."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

# Year offsets of relative year words against the publication year.
REL_OFFSET = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "后年": 2}


def cn_int(s: str) -> int | None:
    """``12`` / ``十二`` / ``二十一`` / ``二〇二四`` → int (None if not a numeral)."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGIT for c in s) and len(s) >= 2 and "两" not in s:  # 二〇二四
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    if "十" in s:
        a, _, b = s.partition("十")
        tens = _CN_DIGIT.get(a, -100) if a else 1
        ones = _CN_DIGIT.get(b, -100) if b else 0
        v = tens * 10 + ones
        return v if v > 0 else None
    if len(s) == 1 and s in _CN_DIGIT:
        return _CN_DIGIT[s]
    return None


def is_chinese(s: str | None) -> bool:
    return bool(s) and not s.isdigit()  # type: ignore[union-attr]


def first_workday(year: int) -> str:
    """The first working day of a year: the first Monday-Friday after 1 January
    (New Year's Day itself is a holiday)."""
    d = _dt.date(year, 1, 2)
    while d.weekday() >= 5:
        d += _dt.timedelta(days=1)
    return d.isoformat()


def five_year_plan(n: int) -> str | None:
    """The N-th five-year plan's years (三五 = 1966-1970 … 十四五 = 2021-2025)."""
    if n < 3:
        return None
    start = 1966 + 5 * (n - 3)
    return f"{start}/{start + 4}"


def _month(y: int, m: int | None) -> str | None:
    if m is None or not 1 <= m <= 12:
        return None
    return f"{y:04d}-{m:02d}"


def with_suffix(y: int, g: Mapping[str, str | None]) -> str | None:
    """The value of a year plus what follows it (month, date, quarter, half…)."""
    if g.get("m1") and g.get("m2"):
        a, b = _month(y, cn_int(g["m1"] or "")), _month(y, cn_int(g["m2"] or ""))
        return f"{a}/{b}" if a and b and a < b else None
    if g.get("mon"):
        m = cn_int(g["mon"] or "")
        ym = _month(y, m)
        if ym is None:
            return None
        if g.get("day"):
            d = cn_int(g["day"] or "")
            if d is None or not 1 <= d <= 31:
                return None
            try:
                return _dt.date(y, m or 0, d).isoformat()
            except ValueError:
                return None
        return ym
    if g.get("q"):
        q = cn_int((g["q"] or "").lstrip("第"))
        return f"{y:04d}-Q{q}" if q and 1 <= q <= 4 else None
    if g.get("qn"):
        n = cn_int(g["qn"] or "")
        return f"{y:04d}-01/{y:04d}-{3 * n:02d}" if n and 1 <= n <= 3 else None
    if g.get("mn"):  # 前10个月: January to that month
        n = cn_int(g["mn"] or "")
        return f"{y:04d}-01/{y:04d}-{n:02d}" if n and 2 <= n <= 12 else None
    if g.get("half"):
        return f"{y:04d}-01/{y:04d}-06" if g["half"] == "上半年" else f"{y:04d}-07/{y:04d}-12"
    if g.get("workday"):
        return first_workday(y)
    return f"{y:04d}"


def span_years(direction: str, n: int, ref: int) -> str:
    """过去N年 / 近N年 / 这N年 → the N years before ``ref``; 今后/未来N年 → N
    years from ``ref``. One year is a single year value."""
    if direction in ("今后", "未来"):
        a, b = ref, ref + n - 1
    else:
        a, b = ref - n, ref - 1
    return f"{a}" if a == b else f"{a}/{b}"
