"""times: years, months, dates, quarters, periods and relative words.

One regex pass (``rules.TIME``) finds candidates; ``resolve`` turns each into
an ISO value. Relative words (去年, 今年, 过去五年) resolve against the
publication year (``state.published``); bare months, quarters and 全年 take
the year in force: the last explicit year earlier in the same paragraph, else
the year of the section heading (一、2024年工作回顾), else the publication
year. A report on one year named in its title (a statistical communiqué,
``frame``) reads its relative words against that year instead; an undated
work report is read as delivered the year after the year its review heading
names. Vague words (近年来, 日前, 目前, 当前, 下一步) match
no rule.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ...config import Config
from ...state import DocState
from ...types import Time
from . import rules
from .frame import reported_year, title_words
from .resolve import REL_OFFSET, cn_int, five_year_plan, is_chinese, span_years, with_suffix


class TimeStage:
    kind: ClassVar[str] = "times"
    requires: ClassVar[frozenset[str]] = frozenset({"meta"})

    def __init__(self, config: Config) -> None:
        self.config = config
        self.year_titles = title_words()

    def __call__(self, state: DocState) -> None:
        pub = reported_year(state.text, self.year_titles) or _year_of(state.published)
        if pub is None:
            pub = reviewed_year_plus_one(state.text)
        norm = state.norm
        original, identity, out = norm.original, norm.offsets is None, state.times
        for s, e, value, relative in find_times(state.text, pub):
            if not identity:  # offsets map back only when normalisation changed lengths
                s, e = norm.span(s, e)
            out.append(Time(s, e, original[s:e], value, relative))


def _year_of(iso: str | None) -> int | None:
    if iso and len(iso) >= 4 and iso[:4].isdigit():
        return int(iso[:4])
    return None


def reviewed_year_plus_one(text: str) -> int | None:
    """The delivery year of an undated work report: the year after the one its
    review section (一、2018年工作回顾) covers; None for other texts."""
    m = rules.REVIEW_HEADING.search(text, 0, 3000)
    return int(m["y"]) + 1 if m else None


def find_times(text: str, published_year: int | None) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, value, relative) for every time expression in ``text``."""
    out: list[tuple[int, int, str | None, bool]] = []
    para_start = -1
    anchor: int | None = None        # last explicit year in this paragraph
    section: int | None = None       # year of the current section heading
    for m in _matches(text):
        ps = text.rfind("\n", 0, m.start()) + 1
        if ps != para_start:  # a new paragraph
            para_start = ps
            anchor = None
            h = rules.SECTION_HEADING.match(text, ps)
            if h:
                section = cn_int(h["y"])
        in_force = anchor or section or published_year
        res = _resolve(m, published_year, in_force)
        if res is None:
            continue
        value, relative, year = res
        if year is not None and text[m.start() - 1:m.start()] not in rules.BASE_BEFORE:
            anchor = year
        out.append((m.start(), m.end(), value, relative))
    return out


def _matches(text: str) -> Iterator[re.Match[str]]:
    """What ``rules.TIME.finditer(text)`` yields, matched only in merged
    windows around anchors (every match contains one: see ``rules.ANCHOR``).
    Lookbehinds still see the text before a window."""
    n = len(text)
    start = end = -1
    before = rules.ANCHOR_BEFORE
    for a in rules.ANCHOR.finditer(text):
        s = a.start()
        s = max(0, s - before.get(text[s], 1))
        if s > end:
            if end > start:
                yield from rules.TIME.finditer(text, start, end)
            start = s
        end = min(n, a.end() + rules.ANCHOR_AFTER)
    if end > start:
        yield from rules.TIME.finditer(text, start, end)


def _resolve(m: re.Match[str], pub: int | None, in_force: int | None
             ) -> tuple[str | None, bool, int | None] | None:
    """(value, relative, single year it names or None); None = not a time."""
    # each rule's group encloses its inner groups, so it closes last: lastgroup names the rule
    rule, _, names = rules.RULE_OF_GROUP[m.lastgroup or ""]
    groups = m.groups()  # one tuple: cheaper than a group() call per name
    g: dict[str, str] = {k: v for k, i in names if (v := groups[i - 1]) is not None}
    if rule == "year_range":
        a, b = cn_int(g["y1"]), cn_int(g["y2"])
        if a is None or b is None or not a < b:
            return None
        return f"{a}/{b}", False, None
    if rule == "iso":
        yi, mo, d = int(g["y"]), int(g["mon"]), int(g["day"])
        iso = f"{yi:04d}-{mo:02d}-{d:02d}"
        if "H" in g and "M" in g:
            iso += f"T{int(g['H']):02d}:{g['M']}" + (f":{g['S']}" if "S" in g else "")
        return iso, False, yi
    if rule == "year":
        yr = cn_int(g["y"])
        if yr is None or not 1900 <= yr <= 2099:
            return None
        return with_suffix(yr, g), False, yr
    if rule == "relative_year":
        if pub is None:
            return None, True, None
        ry = pub + REL_OFFSET[g["rel"]]
        return with_suffix(ry, g), True, ry
    if rule == "five_year_plan":
        plan = cn_int(g["fyp"])  # 十四 → 14
        period = five_year_plan(plan) if plan else None
        return (period, False, None) if period else None
    if rule == "span_years":
        n = cn_int(g["n"])
        if not n:
            return None
        if pub is None:
            return None, True, None
        span = span_years(g["dir"], n, pub)
        return span, True, (int(span) if "/" not in span else None)
    if rule == "this_year_word":
        word = g["word"]
        wy = in_force if word == "全年" else pub
        return (f"{wy:04d}" if wy else None), True, wy
    if rule in ("month_range", "month_day", "quarter"):
        if rule == "month_day" and is_chinese(g.get("mon")) and "day" not in g:
            return None  # 一月/三月 alone are too often not dates
        if in_force is None:
            return None, True, None
        return with_suffix(in_force, g), True, None
    if rule == "bare_year":
        y = int(g["y"])
        return f"{y:04d}", False, y
    return None
