"""Named patterns of the figure extractor, compiled once per stage instance.

Three steps (Recognizers-Text style): ``CANDIDATE`` finds broad number+unit
spans over the normalised text; :mod:`.resolve` turns one into a value;
:mod:`.filters` holds the named negative filters (``BLOCK`` marks regions —
dates, ordinals, codes, quoted designators, idioms — no figure may touch).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...normalize import halfwidth
from ...resources import read_list, read_tsv
from ..numeral.chinese import NUMERAL_CHARS
from .units import UnitTable

# Characters of a Chinese numeral run (几 for approximate forms).
CN_CHARS = NUMERAL_CHARS + "几"
CN_DIGIT = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
MULT = "十百千万亿"
# Arabic: 1,234,567.89 or 12.5 (no leading-dot fragments).
AR = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CN_START = rf"(?:上(?=[百千万亿])|数(?=[十百千万亿])|[{CN_CHARS}])"


def _cn(lazy: bool) -> str:
    q = "*?" if lazy else "*"
    return rf"{_CN_START}[{CN_CHARS}]{q}(?:点[{CN_DIGIT}]+)?"


def _num(lazy: bool) -> str:
    q = "*?" if lazy else "*"
    # 10余万, 5万多, 一百多万, 2300多: 余/多 inside the numeral
    return rf"(?:{AR}|{_cn(lazy)})(?:[余多](?=[{MULT}]))?[{MULT}]{q}[余多]?"


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in words)


@dataclass(frozen=True, slots=True)
class Rules:
    units: UnitTable
    candidate: regex.Pattern[str]
    single: regex.Pattern[str]
    bare: regex.Pattern[str]
    block: regex.Pattern[str]
    qual_before: regex.Pattern[str]
    qual_after: regex.Pattern[str]
    qualifier_of: dict[str, str]
    count_heads: regex.Pattern[str]
    change: regex.Pattern[str]
    change_of: dict[str, str]
    modality: regex.Pattern[str]
    modality_groups: tuple[str, ...]


def _unit_pattern(units: UnitTable) -> str:
    """Compound units first (元/吨), then single units; ASCII units must not run
    into more letters (5G is not 5 + G…)."""
    nums = [s for s in units.surfaces(numerator=True, kinds=frozenset({"currency"}))]
    dens = [s for s in units.surfaces(kinds=frozenset({"measure", "count", "duration", "currency"}))
            if s not in ("大",)]
    compound = rf"(?:{_alt(nums)})(?:/|每)(?:{_alt(dens)})"
    singles = [s for s in units.surfaces() if units.by_surface[s].kind != "head"]
    han = [s for s in singles if not s[-1].isascii()]
    asc = [s for s in singles if s[-1].isascii()]
    return rf"(?:{compound}|{_alt(han)}|(?:{_alt(asc)})(?![A-Za-z]))"


def build_rules() -> Rules:
    units = UnitTable.load()
    unit = _unit_pattern(units)
    n_lazy, n_greedy = _num(True), _num(False)
    # Ranges: 3—5个, 3至5个, 10%~15%, 5万至8万元, 10%-15%.
    sep = r"\s?(?:[-~—–]{1,2}|至|到)\s?"
    cand = (
        rf"(?P<frac>(?P<den>\d+|[{CN_CHARS}]+)分之(?P<fnum>{AR}|[{CN_CHARS}]+(?:点[{CN_DIGIT}]+)?))"
        rf"|(?P<fan>翻了?(?P<fann>[一两二三四五])番|翻番)"
        rf"|(?P<n1>{n_lazy})(?P<u1>{unit})?{sep}(?P<n2>{n_lazy})(?P<u2>{unit})"
        rf"|(?P<n>{n_lazy})(?P<u>{unit})"
        rf"|(?P<b>{n_greedy})"
    )
    single = rf"(?P<n>{n_lazy})(?P<u>{unit})|(?P<b>{n_greedy})"

    # Regions where no figure may be (the named negative filters, as one pattern).
    idioms = [halfwidth(w) for w in read_list("figure_idioms.tsv") if w != "word"]
    codes = [halfwidth(r["code"]) for r in read_tsv("program_codes.tsv")]
    cn_codes = [c for c in codes if not c.isascii()]
    ascii_codes = [c for c in codes if c.isascii()]
    unit_or_mult = rf"(?:{unit}|[余多{MULT}])"
    cnd = "零〇○一二两三四五六七八九十"
    blocks = {
        # short quoted designators “415X”, ‘315’, “八八战略”; book titles
        "quoted": r"“[^“”\n]{1,12}”|‘[^‘’\n]{1,12}’|\"[^\"\n]{1,12}\"|「[^」\n]{1,12}」|『[^』\n]{1,12}』|《[^》\n]{1,80}》",
        "idiom": _alt(sorted(idioms, key=len, reverse=True)),
        "code": _alt(sorted(cn_codes, key=len, reverse=True))
        + ("|" + rf"(?<![\d.])(?:{_alt(ascii_codes)})(?![\d.,%])(?!{unit_or_mult})" if ascii_codes else ""),
        # years: 2023年, 2024-11-22, 2024中国…; a 4-digit 15xx–20xx with no unit after it
        "year": rf"(?<![\d.,])(?:1[5-9]|20)\d{{2}}(?![\d.,%‰])(?:(?=\s?年)|(?!\s?{unit_or_mult}))"
        rf"|[{CN_DIGIT}]{{4}}年|[{CN_DIGIT}]{{2}}年(?=[代度初末底])",
        "date": rf"(?<![\d.])(?:1[89]|20)\d{{2}}(?P<ds>[-/.])\d{{1,2}}(?:(?P=ds)\d{{1,2}})?(?![\d.])|(?<![\d.])(?:1[89]|20)\d{{2}}[-/]\d{{1,2}}(?![\d.])|(?<![\d.个])\d{{1,2}}\s?(?:[-—–~至到]\s?\d{{1,2}}\s?)?月(?:份|\d{{1,2}}[日号])?"
        rf"|(?<![\d.])\d{{1,2}}[日号]|(?<!个)[{cnd}]{{1,3}}月(?:份|[{cnd}]{{1,3}}[日号])?|(?<![{cnd}])[{cnd}]{{1,3}}[日号]"
        r"|\d{1,2}:\d{2}(?::\d{2})?|(?<!小)\d{1,2}时(?:\d{1,2}分)?(?![期代间])",
        "quarter": rf"(?<!个)(?:[一二三四1-4]|[一二三四1-4][、\\-—至到][一二三四1-4])季度",
        "ordinal": rf"第[\d{CN_CHARS}]+|[\d{cnd}]+届|[\d{cnd}]+次(?:会议|全会|全体会议|代表大会|党代会)"
        rf"|[{cnd}]+中(?:[、和及][{cnd}]+中)*全会|(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大(?!都市|城市|工程|行动|产业|项目|类|关)"
        rf"|[\d{cnd}百千]+强|(?<![提之以])前[\d{cnd}]+(?:个)?(?:季度|月|年|名|位|强|天|周)?"
        rf"|[\d{cnd}]+(?:周年|年代|世纪|号)",
        # 这两年, 近五年来, 过去一年, 未来3年: times, not figures
        "time": rf"(?:这|那|过去|今后|未来|最近|近|此后|往后|头)[\d{cnd}几]+(?:个)?(?:年|月|季度|天|周)(?:来|以来|间|中|内|里)?",
        # list markers 1. 2、 (二) ①
        "marker": rf"(?m:^\s*[\d{cnd}]{{1,3}}[、.)](?!\d))|[(\[][\d{cnd}]{{1,3}}[)\]]",
        # phone, ID and long digit strings; document numbers 〔2024〕3号
        "phone": rf"(?<![\d.])0\d{{2,3}}-\d{{7,8}}(?!\d)|(?<![\d.])\d{{7,}}(?![\d.,])(?!\s?{unit_or_mult})",
        "docno": r"[〔\[【(]\d{4}[〕\]】)]\s?\d+\s?号",
    }
    block = regex.compile("|".join(f"(?P<{k}>{v})" for k, v in blocks.items()))

    qrows = read_tsv("qualifiers.tsv")
    qualifier_of = {r["word"]: r["qualifier"] for r in qrows}
    before = sorted((r["word"] for r in qrows if r["position"] == "before"), key=len, reverse=True)
    after = sorted((r["word"] for r in qrows if r["position"] == "after"), key=len, reverse=True)
    # 节约, 签约, 制约 are not 约; 上下游 is not 上下
    guard = {"约": r"(?<![节制签契预公条邀婚合])约", "上下": r"上下(?!游|级|班|学|联动|功夫)",
             "超": r"(?<![赶])超"}
    qual_before = regex.compile(
        "(?:" + "|".join(guard.get(w, regex.escape(w)) for w in before) + r")\Z")
    qual_after = regex.compile("(?:" + "|".join(guard.get(w, regex.escape(w)) for w in after) + ")")

    heads = [r["head"] for r in read_tsv("figure_count_heads.tsv")]
    count_heads = regex.compile(_alt(sorted(heads, key=len, reverse=True)))

    crows = read_tsv("figure_change.tsv")
    change_of = {r["word"]: r["change"] for r in crows}
    parts = []
    for r in sorted(crows, key=lambda r: -len(r["word"])):
        na = r.get("not_after", "")
        parts.append(regex.escape(r["word"]) + (f"(?![{regex.escape(na)}])" if na else ""))
    change = regex.compile("|".join(parts))

    mrows = read_tsv("figure_modality.tsv")
    modality_groups = tuple(r["modality"] for r in mrows)
    modality = regex.compile("|".join(f"(?P<m{i}>{r['pattern']})" for i, r in enumerate(mrows)))

    return Rules(
        units=units, candidate=regex.compile(cand), single=regex.compile(single),
        bare=regex.compile(rf"(?P<b>{n_greedy})"), block=block,
        qual_before=qual_before, qual_after=qual_after, qualifier_of=qualifier_of,
        count_heads=count_heads, change=change, change_of=change_of,
        modality=modality, modality_groups=modality_groups,
    )
