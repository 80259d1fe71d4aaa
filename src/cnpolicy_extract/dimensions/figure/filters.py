"""Named negative filters: look-alikes that are not figures.

The region filters (dates, ordinals, codes, quoted designators, idioms, list
markers, phone and document numbers) are one compiled pattern in
:mod:`.rules` (``BLOCK``); :class:`Blocked` answers "does this span touch
one?". The functions here judge a single candidate by its neighbours.
"""
from __future__ import annotations

from bisect import bisect_left

import regex

# 成 after a number is a tenth only when it is not the first half of a word.
_CHENG_WORD = frozenset("为员果本就功立交效熟型绩品")
# a bare Arabic number may be followed by these Han characters
_BARE_OK_NEXT = frozenset("的和与及或等")
_GLUE = frozenset("+:×*/")
_WORD_BEFORE_NUMERAL = regex.compile(r"[\p{Han}]")


class Blocked:
    """Sorted, disjoint regions where no figure may be."""

    __slots__ = ("starts", "ends")

    def __init__(self, pattern: regex.Pattern[str], text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in pattern.finditer(text):
            if m.end() > m.start():
                self.starts.append(m.start())
                self.ends.append(m.end())

    def touches(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start


def glued_to_code(text: str, start: int, end: int) -> bool:
    """5G, G20, C919, COVID-19, 8+4, 1:1 — a number glued to letters or operators."""
    if start > 0:
        p = text[start - 1]
        if (p.isascii() and p.isalpha()) or p in _GLUE:
            return True
        if p in "-_." and start > 1 and text[start - 2].isascii() and text[start - 2].isalnum():
            return True
    if end < len(text):
        n = text[end]
        if n in _GLUE:
            return True
        if n.isascii() and n.isalpha() and text[end - 1].isdigit():
            return True
    return False


def cheng_is_word(text: str, end: int) -> bool:
    """7成为… / 3成员: 成 begins a word, it is not 'tenths'."""
    return end < len(text) and text[end] in _CHENG_WORD


def bare_arabic_ok(text: str, end: int, number: str) -> bool:
    """A bare Arabic number (no unit, no 万/亿) is a figure only when nothing
    Han follows it: 3号, 500强, 5届, 12345热线 name or rank something."""
    if number.endswith(".0"):
        return False  # 工业4.0, 数字经济2.0: versions
    if end < len(text):
        n = text[end]
        if _WORD_BEFORE_NUMERAL.match(n) and n not in _BARE_OK_NEXT:
            return False
    return True
