"""Named negative filters: look-alikes that are not figures.

Each function answers one question about a resolved candidate and its
neighbours in the normalised text (phonenumbers style: broad candidates,
then named verifiers). Short quoted designators and book titles need no
filter: the numeral scan consumes them (``rules._scan``).
"""
from __future__ import annotations

import re

import regex

# 成 after a number is a tenth only when it is not the first half of a word.
_CHENG_WORD = frozenset("为员果本就功立交效熟型绩品")
# a bare Arabic number may be followed by these Han characters
# (6.32下降至6.08, 3以上, 1.83的): verbs, comparisons and function words
_BARE_OK_NEXT = frozenset("的和与及或等下上增提降减至到为左以之比")
_HAN = regex.compile(r"\p{Han}")


def is_han(c: str) -> bool:
    """``\\p{Han}`` for one character (or ""): the CJK Unified Ideographs block
    (Han throughout since Unicode 11) by comparison, the rest by ``regex``."""
    return "\u4e00" <= c <= "\u9fef" or (c > "\u2e7f" and _HAN.match(c) is not None)
_TIME_WORDS = ("这", "那", "近", "头", "过去", "过去的", "今后", "未来", "最近", "此后", "往后")
_TIME_UNITS = frozenset({"year", "month", "quarter", "day"})
# 1-11月, 3至5日: a range of months or days
_DATE_RANGE_AFTER = re.compile(r"\s?[-—–~至到]\s?\d{1,2}\s?[月日号]")
# 二次会议, 三次全会 (sessions), 九十年代, 2023年度/底/初/末 (times)
_SESSION_AFTER = re.compile(r"(?:[、和][一二三四五六七八九十]+次)*(?:会议|全会|全体会议|代表大会|党代会)")
_YEAR_AFTER = frozenset("代度底初末")
# 党的二十大: the 20th Party Congress, not "twenty big …"
_CONGRESS_AFTER = re.compile(
    r"精神|报告|以来|代表|召开|胜利|重要|闭幕|开幕|期间|作出|提出|部署|强调|[”，,。、和及\s]|$")


def glued_to_code(text: str, start: int, end: int, bare: bool = False) -> bool:
    """5G, G20, C919, COVID-19, 8+4, 1:1, 10:56 — a number glued to letters or operators."""
    # every test of either half needs a character below U+2E80 on its side (not Han, not full-width)
    if start and text[start - 1] < "\u2e80" and glued_before(text, start, bare):
        return True
    return end < len(text) and text[end] < "\u2e80" and _glued_after(text, end, bare)


def glued_before(text: str, start: int, bare: bool = False) -> bool:
    """The left half of :func:`glued_to_code`: G20, COVID-19, 10:56, 2024-11-22.
    It depends on ``start`` alone, so it rejects every reading that starts there."""
    if start == 0:
        return False
    p = text[start - 1]
    if (p.isascii() and p.isalpha()) or (bare and p in "+×*"):
        return True  # 8+4, 4×4 (but 10000亿元+1000亿美元 are two amounts)
    if p in ":∶/" and start > 1 and text[start - 2].isascii() and text[start - 2].isalnum():
        return True  # 10:56, 1:1, 4G/5G (but 比例为：5.5% is a figure)
    if start > 1 and text[start - 2].isascii() and text[start - 2].isalpha() \
            and (p in "-_." or (bare and p in "\n ")):
        return True  # COVID-19; a bare PM\n2.5 (but GDP 1.2万亿元 is a figure)
    return p in "-_." and start > 1 and text[start - 2].isdigit()


def _glued_after(text: str, end: int, bare: bool) -> bool:
    """The right half of :func:`glued_to_code`: 5G, 8+4, 10:56, 2024.11.22."""
    if end < len(text):
        n = text[end]
        if (bare and n in "+×*") or (n in ":∶" and text[end + 1:end + 2].isdigit()):
            return True
        if n.isascii() and n.isalpha() and text[end - 1].isdigit():
            return True
        if n == "." and end + 1 < len(text) and text[end + 1].isdigit():
            return True  # 2024.11.22, 1.2.3
    return False


def ordinal_before(text: str, start: int) -> bool:
    """第六, 第3批, 居全国第3位; 前三季度, 前10名 (but 提前3年 is a duration)."""
    if start == 0:
        return False
    p = text[start - 1]
    if p == "第":
        return True
    return p == "前" and (start < 2 or text[start - 2] not in "提之以")


def time_phrase(text: str, start: int, unit: str | None, end: int = -1) -> bool:
    """这两年, 近五年, 过去一年, 未来3年, 五年来, 三年以来: times, not durations."""
    if unit not in _TIME_UNITS:
        return False
    if end >= 0 and text.startswith(("来", "以来"), end):
        return True
    return text.endswith(_TIME_WORDS, max(0, start - 3), start)


def year_or_date(text: str, number: str, end: int, unit: str | None) -> bool:
    """2023年, 2024 (bare, 15xx–20xx), 二〇二四年, 九十年代, 1-11月."""
    if number.isdigit() and len(number) == 4 and 1500 <= int(number) <= 2099 and unit in (None, "year"):
        return True
    if unit == "year" and end < len(text) and text[end] in _YEAR_AFTER:
        return True
    return unit is None and _DATE_RANGE_AFTER.match(text, end) is not None


def cn_digit_string(number: str, digits: str) -> bool:
    """二〇二四, 一二三: positional digit strings are years or codes, not amounts."""
    core = number.rstrip("余多")
    return len(core) >= 3 and all(c in digits for c in core)


def list_marker(text: str, start: int, end: int) -> bool:
    """(1), [2], 1. / 2、 at the start of a line, and ；2. inside one."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else ""
    if before in "([" and after in ")]":
        return True
    if after in "、.)" and (start == 0 or text[start - 1] == "\n" or text[max(0, start - 2):start].isspace()):
        return True
    # …城市；2．“四大都市区”…: a marker after a clause end
    return after in ".)" and start > 0 and text[start - 1] in "；;：:。" \
        and not text[end + 1:end + 2].isdigit()


def phone_like(number: str) -> bool:
    """Long digit strings without separators (phones, IDs) and 0571-style prefixes."""
    if not number.isdigit():
        return False
    return len(number) >= 7 or (len(number) > 1 and number[0] == "0")


def session(text: str, end: int, unit_surface: str, chinese: bool) -> bool:
    """十四届人大二次会议: a session number, not a count of times."""
    return chinese and unit_surface == "次" and _SESSION_AFTER.match(text, end) is not None


def party_congress(text: str, start: int, value: float, after: int) -> bool:
    """党的二十大, 十九大以来."""
    if not 11 <= value <= 29:
        return False
    return text.endswith("党的", max(0, start - 2), start) or _CONGRESS_AFTER.match(text, after) is not None


def ratio_to_one(text: str, end: int) -> bool:
    """城乡居民收入比缩小至2.31:1 — a ratio to one, read as its first term."""
    return text.startswith((":1", "∶1"), end) and not text[end + 2:end + 3].isdigit()


_REFERENCE_BEFORE = ("附件", "附表", "图", "表", "条", "款", "章", "编号", "No.", "NO.", "序号")
_NUMBERED_AFTER = re.compile(r"[、和至-]\d{1,3}号")
_HEAD_STOP = re.compile(r"[，,。；;、：:！？!?\n（(]")


def reference(text: str, start: int, end: int) -> bool:
    """附件1, 表2, 核电1、2号机组: numbers that refer to or name things."""
    return text.endswith(_REFERENCE_BEFORE, max(0, start - 3), start) or \
        _NUMBERED_AFTER.match(text, end) is not None


_RANK = re.compile(r"\d+强")


def ranking_list(text: str, start: int) -> bool:
    """中国民营企业500强、研发投入500家、发明专利500家等榜单: the N家 items of a
    list of rankings name lists, they do not count firms."""
    lo = max(0, start - 40)
    if "强" not in text[lo:start]:
        return False
    stop = max(text.rfind(c, lo, start) for c in "，,。；;\n")
    m = _RANK.search(text, max(lo, stop + 1), start)
    # a sibling item of the list (…100强、研发投入500家), not 500强企业达212家
    return m is not None and "、" in text[m.end():start]


def counts_people(heads: regex.Pattern[str], text: str, end: int) -> bool:
    """40.8万青年, 5575万农村贫困人口: a bare amount that counts people or things."""
    stop = _HEAD_STOP.search(text, end, end + 10)
    return heads.search(text, end, stop.start() if stop else min(len(text), end + 10)) is not None


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
        if is_han(n) and n not in _BARE_OK_NEXT:
            return False
    return True


_HAN_DIGITS = frozenset("零〇○一二两三四五六七八九")
_MULTIPLIERS = frozenset("十拾百佰千仟万萬亿億")


def digit_by_digit(text: str, start: int) -> bool:
    """八一队, 五一节, 一二九运动: Chinese digits read one by one name a day or a
    team; an amount is written with 十/百/千 (八十一). Two neighbouring digits
    (三四个) are a range and reach here with a ``value_max``, not as this."""
    i = start
    while text[i:i + 1] in _HAN_DIGITS:
        i += 1
    return i - start >= 2 and text[i:i + 1] not in _MULTIPLIERS


def in_idiom(by_char: dict[str, tuple[tuple[int, str], ...]], text: str, start: int, end: int) -> bool:
    """千家万户, 两个确立, 十四五, 万亩千亿: the numeral is part of a set phrase or code.

    ``by_char`` maps a character to (offset, phrase) for every place it takes
    in a phrase, so a phrase overlapping the span is found from the span's own
    characters (an occurrence overlaps it iff one of its characters is in it)."""
    for i in range(start, end):
        for j, phrase in by_char.get(text[i], ()):
            p = i - j
            if p >= 0 and text.startswith(phrase, p):
                return True
    return False
