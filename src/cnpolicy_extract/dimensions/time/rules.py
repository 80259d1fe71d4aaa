"""Time-expression rules: named patterns over the normalised text.

Each rule is (name, pattern); ``TIME`` joins them into one alternation (a
single pass over the text). Order matters: at a given start the first rule
that matches wins, so longer forms come first. Resolution (pattern → ISO
value) lives in ``resolve.py``.
"""
from __future__ import annotations

import re

import regex

from . import classes

# Numerals as they appear in dates: Arabic, or Chinese up to 31.
_CN_SMALL = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
# N in 前N个月 (the first N months): two or more (前一个月 is the month before)
MONTHS = r"(?:1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])"
DAY = rf"(?:3[01]|[12]\d|0?[1-9]|{_CN_SMALL})"
# A four-digit year 1900-2099 (Arabic) or written out (二〇二四).
YEAR = r"(?:(?<![\d.])(?:19|20)\d{2}(?![\d.])|[一二三四五六七八九][〇零一二三四五六七八九]{3})"
# Spaces inside an expression: a few at most (bounded, so that the windows
# around anchors below provably hold every match).
_S = r"\s{0,3}"
_DASH = rf"{_S}[-—–~至到]{_S}"

# What may follow an explicit or relative year: a month (range), a date, a
# quarter, a half, 首个工作日, 同期, 以来, 底/末/初.
_YEAR_SUFFIX = (
    rf"(?:{_S}(?:"
    rf"(?P<m1>{MON}){_DASH}(?P<m2>{MON}){_S}月(?:份)?"
    rf"|(?P<mon>{MON}){_S}月(?:份)?(?:{_S}(?P<day>{DAY}){_S}[日号])?(?:上旬|中旬|下旬|底|初|末)?"
    rf"|(?P<q>第?[一二三四1-4])季度末?"
    rf"|前(?P<qn>[一二三两1-3])季度"
    rf"|前(?P<mn>{MONTHS})个?月(?:份)?"
    rf"|(?P<half>上半年|下半年)"
    rf"|(?P<workday>首个工作日)"
    rf"|(?P<tail>同期|以来|年?底|年?末|年?初(?!步))"
    rf"))?"
)

# A bare year (no 年) is a time only before a noun, not before a unit or
# classifier (2024亿元 is an amount, 2024个 a count).
_NOT_AFTER_BARE_YEAR = (
    "年度亿万千百十元个家名项人户次台辆吨亩米平公度倍多余件所座条张位天月日号期届版篇章节款"
)

RULES: tuple[tuple[str, str], ...] = (
    # 2021—2025年, 2021-2025年
    ("year_range", rf"(?P<y1>{YEAR}){_S}年?{_DASH.replace('至', '').replace('到', '')}(?P<y2>{YEAR}){_S}年"),
    # 2024-11-22 10:56:48, 2024/11/22
    ("iso", r"(?P<y>(?<![\d.])(?:19|20)\d{2})(?P<sep>[-/])(?P<mon>0?[1-9]|1[0-2])(?P=sep)"
            r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\d])"
            r"(?:[ T](?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?)?"),
    # 2024年, 2024年度, 2024年8月, 2024年1月14日, 2024年一季度, 2024年首个工作日 …
    ("year", rf"(?P<y>{YEAR}){_S}年(?:度)?{_YEAR_SUFFIX}"),
    # 今年, 去年8月, 今年1-7月, 上年同期, 今年以来 … (以上年… is not 上年)
    ("relative_year", rf"(?P<rel>今年|去年|前年|明年|后年|本年|(?<!以)上年)(?:度)?{_YEAR_SUFFIX}"),
    # 十四五 (时期/期间 kept outside the span: the code stage reports the designator too)
    ("five_year_plan", r"(?<![一二三四五六七八九十百零〇两第])(?P<fyp>十[一二三四五六七八九])五"
                       r"(?![一二三四五六七八九十])"),
    # 过去一年, 过去五年, 近三年, 这两年, 今后五年, 未来5年 (but not 近年来)
    ("span_years", r"(?P<dir>过去|近|最近|这|今后|未来)(?P<n>[一二两三四五六七八九十]|[1-9]|10)"
                   r"(?:个)?年(?:来|间)?"),
    # 全年, 开年以来, 年初以来, 新的一年
    ("this_year_word", r"(?P<word>(?<!完成|整)全年|开年以来|年初以来|新的一年)"),
    # 1-7月, 8月17日, 7月份, 3月底 (not 3个月: no digit right before 月)
    ("month_range", rf"(?<![\d.])(?P<m1>{MON}){_DASH}(?P<m2>{MON}){_S}月(?:份)?"),
    ("month_day", rf"(?<![\d.个])(?P<mon>{MON}){_S}月(?:份)?(?:{_S}(?P<day>{DAY}){_S}[日号])?"
                  r"(?:上旬|中旬|下旬|底|初|末)?"),
    # 一季度, 第四季度, 前三季度, 前10个月, 上半年
    ("quarter", r"(?<![\d一二三四五六七八九十])"
                r"(?:(?P<q>第?[一二三四])季度末?|前(?P<qn>[一二三两])季度|(?P<half>上半年|下半年)"
                rf"|前(?P<mn>{MONTHS})个?月(?:份)?)"),
    # A bare year before a noun: 2024中国民营企业500强
    ("bare_year", r"(?<![\d.\-/〔\[(第])(?P<y>(?:19|20)\d{2})"
                  rf"(?=[\p{{Han}}--[{_NOT_AFTER_BARE_YEAR}]])"),
)

# Every rule starts with one of these characters: a cheap first test at each
# position before the alternation is tried (several times faster).
_FIRST = "0-9〇零一二两三四五六七八九十今去前明后本上下全开年新过近最这未第"
# The definition, in ``regex`` syntax (VERSION1: set difference, group names
# shared between rules).
TIME_DEFINITION = regex.compile(
    rf"(?=[{_FIRST}])(?:" + "|".join(f"(?P<R_{name}>{pat})" for name, pat in RULES) + ")", regex.V1
)


def _for_re(rule: str, pat: str) -> str:
    """A rule's pattern in ``re`` syntax, matching the same: group names
    prefixed by the rule (``re`` wants them unique), \\d, \\s and the
    \\p{Han} set difference spelled as explicit ranges, and an alternation
    of lookbehinds of different widths split in two."""
    pat = regex.sub(r"\(\?P<(\w+)>", rf"(?P<{rule}__\1>", pat)
    pat = regex.sub(r"\(\?P=(\w+)\)", rf"(?P={rule}__\1)", pat)
    pat = pat.replace("(?<!完成|整)", "(?<!完成)(?<!整)")
    pat = pat.replace(rf"[\p{{Han}}--[{_NOT_AFTER_BARE_YEAR}]]",
                      rf"(?![{_NOT_AFTER_BARE_YEAR}])[{classes.HAN}]")
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pat):  # \d / \s inside a class take the ranges alone
        c = pat[i]
        if c == "\\":
            esc = pat[i:i + 2]
            ranges = {"\\d": classes.DIGIT, "\\s": classes.SPACE}.get(esc)
            out.append(esc if ranges is None else ranges if in_class else f"[{ranges}]")
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    converted = "".join(out)
    if "\\p{" in converted or "--[" in converted:
        raise ValueError(f"time rule {rule}: no re spelling for {pat!r}")
    return converted


# The first characters of every rule's match, the second and more where the
# first alone says little (新 of 新质, 上 of 上海, a digit of 6.5%): a
# position that matches none of these starts no rule, and this test is
# several times cheaper than trying the rules (tests check it misses no match).
_MON_NEXT = r"[\s\-—–~至到月]"  # after a month numeral: a space, a dash or 月
_START = "|".join((
    r"(?:19|20)\d\d|[一二三四五六七八九][〇零一二三四五六七八九]{3}",  # a year
    rf"[0-9]{{1,2}}{_MON_NEXT}|(?:十[一二]?|[一二三四五六七八九]){_MON_NEXT}",  # a month
    r"十[一二三四五六七八九]五",  # five_year_plan
    r"第?[一二三四]季|前[一二三两]季|[上下]半年",  # quarter
    rf"前{MONTHS}个?月",  # quarter: 前10个月
    r"[今去前明后本上]年",  # relative_year
    r"过去|近|最近|这|今后|未来",  # span_years
    r"全年|开年以来|年初以来|新的一年",  # this_year_word
))

# What the stage runs: the same alternation compiled for ``re``, about twice
# as fast as ``regex`` on it (tests check both find the same matches), tried
# only where ``_START`` matches.
TIME = re.compile(
    rf"(?=[{_FIRST}])(?={_for_re('start', _START)})(?:"
    + "|".join(f"(?P<R_{name}>{_for_re(name, pat)})" for name, pat in RULES) + ")"
)
RULE_NAMES = tuple(name for name, _ in RULES)
# (rule, index of its group, (name, index) of the groups inside it): reading
# ``Match.groups()`` once is much cheaper than ``groupdict()`` over every rule.
RULE_GROUPS: tuple[tuple[str, int, tuple[tuple[str, int], ...]], ...] = tuple(
    (name, TIME.groupindex[f"R_{name}"],
     tuple((g, TIME.groupindex[f"{name}__{g}"])
           for g in dict.fromkeys(regex.findall(r"\(\?P<(\w+)>", pat))))
    for name, pat in RULES
)
RULE_OF_GROUP = {f"R_{r[0]}": r for r in RULE_GROUPS}  # the rule of ``Match.lastgroup``

# Every rule's match contains one of these anchors: 年, 月, 季度, a year (in
# digits or written out: 二〇二四) or 十X五. ``TIME`` runs only on windows
# around them: the alternation tried at every position costs ~5x more than
# finding the anchors. A window starts ANCHOR_BEFORE[the anchor's first
# character] before the anchor (1 for a year or 十X五, which start their
# match): the most a match's start can lie before the first anchor inside it
# (月: 12 - 12 月 with the most spaces, 14; 年: 最近10个年, 5; 季度: 第一季度,
# 2), plus a margin. A written-out year is an anchor so that 年 needs no
# more (二〇二一 — 二〇二五年 starts at its first year); one that overlaps an
# anchor found before it starts inside that anchor's window. A window ends
# ANCHOR_AFTER after the anchor: the most a match's end, lookahead
# included, lies after its last anchor (2024-11-22 10:56:48: 16); anchors
# within one match are closer than that, so their windows merge.
# Each alternative starts with a literal, so that ``re`` skips to their first
# characters fast (\d spelled as regex's, like TIME's).
_WRITTEN_YEAR = "|".join(f"{c}[〇零一二三四五六七八九]{{3}}" for c in "一二三四五六七八九")
ANCHOR = re.compile(rf"年|月|季度|19[{classes.DIGIT}]{{2}}|20[{classes.DIGIT}]{{2}}|十[一二三四五六七八九]五"
                    rf"|{_WRITTEN_YEAR}")
ANCHOR_BEFORE = {"年": 7, "月": 16, "季": 4}  # else 1
ANCHOR_AFTER = 20

# A heading that opens a section about a year (一、2024年工作回顾): bare months
# and quarters in the section belong to that year.
SECTION_HEADING = regex.compile(rf"^\s*[一二三四五六七八九十]+、[^\n]{{0,12}}?(?P<y>{YEAR})\s*年")

# A year right after these is a comparison base (比上年增长, 较2019年): it
# sets no year in force for a later 全年 or 12月份 of the paragraph.
BASE_BEFORE = frozenset("比较")

# A work report's review heading (一、2018年工作回顾): with no publication date,
# the report is read as delivered the year after the year it reviews.
REVIEW_HEADING = regex.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:工作回顾|政府工作回顾)")
