"""Numeral corpus (duckling style): one expected value, then every surface
form that must give it; negatives must give nothing. Run by one parametrised
test (tests/dimensions/numeral/test_corpus.py)."""
from __future__ import annotations

from typing import NamedTuple


class Example(NamedTuple):
    value: float
    value_max: float | None
    qualifier: str
    forms: tuple[str, ...]


def ex(value: float, *forms: str, value_max: float | None = None, qualifier: str = "exact") -> Example:
    return Example(value, value_max, qualifier, forms)


POSITIVE: tuple[Example, ...] = (
    # Arabic, separators, decimals
    ex(0.75, "0.75"),
    ex(1100, "1100", "1,100"),
    ex(1234567.89, "1,234,567.89", "1234567.89"),
    # Chinese, with 两, 零/〇, financial digits
    ex(2, "二", "两", "贰"),
    ex(10, "十", "一十", "拾", "壹拾"),
    ex(15, "十五", "一十五", "壹拾伍"),
    ex(105, "一百零五", "壹佰零伍", "一百〇五"),
    ex(150, "一百五十", "一百五"),
    ex(2300, "两千三百", "二千三百", "两千三"),
    ex(35000, "三万五千", "三万五"),
    ex(2024, "二〇二四", "二零二四"),
    ex(123, "壹佰贰拾叁", "一百二十三"),
    ex(3.5, "三点五"),
    ex(35000, "三点五万"),
    # mixed Arabic and Chinese multipliers
    ex(12000, "1.2万", "一万二", "一万两千"),
    ex(3e7, "3千万", "三千万", "3000万"),
    ex(8e12, "8万亿", "八万亿"),
    ex(1.1e7, "1,100万", "1100万", "一千一百万"),
    ex(1.2e8, "1亿2000万", "1.2亿", "一亿二千万"),
    ex(1.5e8, "一亿五"),
    # approximate: ranges over the magnitude they name
    ex(10, "十几", value_max=20),
    ex(10, "几十", "数十", value_max=100),
    ex(20, "二十几", value_max=30),
    ex(100, "数百", "几百", value_max=1000),
    ex(1e5, "十几万", value_max=2e5),
    ex(1e5, "数十万", "几十万", value_max=1e6),
    ex(30, "三四十", value_max=40),
    ex(7, "七八", value_max=8),
    ex(2, "两三", value_max=3),
    ex(3, "三五", value_max=5),
    ex(15, "十五六", value_max=16),
    ex(1000, "上千", qualifier="at_least"),
    ex(10000, "上万", qualifier="at_least"),
    ex(1e8, "上亿", qualifier="at_least"),
    # 余/多 inside the numeral: more than
    ex(10, "10余", "十余", "十多", qualifier="more_than"),
    ex(20000, "两万多", "2万多", "2万余", qualifier="more_than"),
    ex(1e5, "10余万", "十多万", qualifier="more_than"),
    ex(1e6, "一百多万", "100多万", qualifier="more_than"),
)

NEGATIVE: tuple[str, ...] = (
    "", "点", "余", "多", "十十", "百千", "3三", "几几", "上", "数", "点五",
)
