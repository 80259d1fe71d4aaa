"""Context rules for place candidates: zones built on a place, organisation
heads that swallow a place, quoted brand names, generic zone names.

The patterns run per place hit are compiled for ``re``, with regex's
\\p{Han} spelled as its ranges (``time.classes.HAN``): a call costs a
third to a quarter of the same pattern on ``regex`` (tests check both
spellings match the same)."""
from __future__ import annotations

import re

import regex

from ... import resources
from ..time.classes import HAN

_ORDINAL = r"(?:第?[一二三四五六七八九十]+届)?"
_NOT_ORG_AFTER_JU = "面势限部外长"  # 局面, 局势 … are not bureaus


def org_head_pattern() -> re.Pattern[str]:
    """Matches right after a place when the place starts an organisation's name."""
    return re.compile(org_head_definition().replace(r"\p{Han}", f"[{HAN}]"))


def org_head_definition() -> str:
    """``org_head_pattern`` in ``regex`` syntax (\\p{Han})."""
    fixed: list[str] = []
    loose: list[str] = []
    for r in resources.read_tsv("place_org_heads.tsv"):
        h = r["head"]
        (loose if h.startswith("~") else fixed).append(re.escape(h.lstrip("~")))
    fixed.sort(key=len, reverse=True)
    # 委员 (a member) is not 委 (a committee); 当局/大局/格局 are not bureaus.
    fixed_alt = "|".join("委(?!员(?!会))" if h == "委" else h for h in fixed)
    loose_alt = "|".join(sorted(loose, key=len, reverse=True))
    return (rf"[省市县区]?{_ORDINAL}(?:{fixed_alt}|(?!当局|大局|格局|布局|全局|开局)"
            rf"\p{{Han}}{{1,4}}?(?:{loose_alt})(?![{_NOT_ORG_AFTER_JU}]))")


def zone_suffixes() -> tuple[dict[str, str], frozenset[str]]:
    """suffix → full form, and the suffixes that take a bare two-character name."""
    full: dict[str, str] = {}
    generic: set[str] = set()
    for r in resources.read_tsv("place_zone_suffixes.tsv"):
        full[r["suffix"]] = r["full"]
        if r["generic"] == "1":
            generic.add(r["suffix"])
    return full, frozenset(generic)


def zone_after_pattern(suffixes: dict[str, str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"(?:{alts})")


# A two-character name + generic zone suffix after a boundary: ，图灵小镇 / 在梅山港区
# (the bare name is only trusted at a boundary; its other mentions then count too).
_BOUNDARY = r"(?:^|[\s,，。;；:：、!！?？“”\"'()（）《》]|[在于到与和及至从向])"
# The characters _BOUNDARY matches besides whitespace (\s) and a line start.
BOUNDARY_CHARS = frozenset(",，。;；:：、!！?？“”\"'()（）《》在于到与和及至从向")


def generic_zone_pattern(generic: frozenset[str]) -> regex.Pattern[str]:
    alts = "|".join(regex.escape(s) for s in sorted(generic, key=len, reverse=True))
    # The name sits in the lookbehind so that matching starts at the suffix, a
    # literal the engine finds fast (15x faster than trying every position).
    return regex.compile(rf"(?<={_BOUNDARY}(?P<name>\p{{Han}}{{2}}))(?P<suf>{alts})", regex.M)


# Bare names before 小镇/新区/港区 that are descriptions, not names.
GENERIC_ZONE_STOP = frozenset({
    "特色", "产业", "风情", "未来", "数字", "智慧", "工业", "农业", "科技", "旅游", "文化", "创新",
    "这个", "一批", "各类", "新型", "国家", "省级", "全省", "全市", "重点", "建设", "打造", "培育",
    "美丽", "历史", "人才", "金融", "基金", "物流", "商贸", "临港", "滨海", "沿海", "城市", "开发",
})

# Inside short quotes, a place followed by a name head is a brand (“杭州港”,
# “诸暨岛”, “浙江e港通”), not a place mention.
BRAND_TAIL_DEFINITION = r"[A-Za-z\p{Han}]{0,3}[港岛湾通号谷城站馆园汇荟宝办码云链奖杯节牌]$|[A-Za-z]"
BRAND_TAIL = re.compile(BRAND_TAIL_DEFINITION.replace(r"\p{Han}", HAN))
QUOTE_OPEN = "“\"'‘「『"
QUOTE_CLOSE = "”\"'’」』"

# A place name right before these is a person's given name (邓永清同志).
PERSON_AFTER = re.compile(r"同志|先生|女士")
PERSON_AFTER_FIRST = frozenset("同先女")


def facility_heads() -> tuple[str, ...]:
    """Words naming a facility built at a place (水库, 电厂), longest first."""
    return tuple(sorted((r["head"] for r in resources.read_tsv("place_facility_heads.tsv")),
                        key=len, reverse=True))


def facility_after(text: str, e: int, heads: tuple[str, ...]) -> bool:
    """A facility word starts at ``e`` (镜岭|水库)."""
    return any(text.startswith(h, e) for h in heads)
