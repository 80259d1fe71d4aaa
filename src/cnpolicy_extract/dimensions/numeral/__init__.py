"""Numerals: Arabic (with separators and decimals), Chinese (incl. 两, 零/〇 and
financial digits), mixed (1.2万, 3千万), and approximate forms → numbers.

Kept apart from the figure rules: this package knows nothing of units.
"""
from __future__ import annotations

from .approx import Numeral, parse_numeral
from .chinese import DIGITS, NUMERAL_CHARS, parse_chinese

__all__ = ["DIGITS", "NUMERAL_CHARS", "Numeral", "parse_chinese", "parse_numeral"]
