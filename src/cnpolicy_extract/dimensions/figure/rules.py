"""Named patterns of the figure extractor, compiled once per stage instance.

Three steps (Recognizers-Text style): ``scan`` finds numeral runs (a cheap
character-class scan with ``re``); ``candidate`` reads the full number+unit
form anchored at a run (``regex`` with named lists for the vocabularies);
:mod:`.resolve` turns it into a value and :mod:`.filters` holds the named
negative filters.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

from ...normalize import halfwidth
from ...resources import read_list, read_tsv
from ..numeral.chinese import NUMERAL_CHARS
from .units import UnitTable

# Characters of a Chinese numeral run (几 for approximate forms).
CN_CHARS = NUMERAL_CHARS + "几"
CN_DIGIT = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
MULT = "十百千万亿萬億"
# Arabic: 1,234,567.89 or 12.5 (no leading-dot fragments).
AR = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CN_START = rf"(?:上(?=[百千万亿])|数(?=[十百千万亿])|[{CN_CHARS}])"
# range separators: 3—5个, 3至5个, 10%~15%, 10%-15%
SEPARATORS = "-~—–至到"


def _cn(lazy: bool) -> str:
    q = "*?" if lazy else "*"
    return rf"{_CN_START}[{CN_CHARS}]{q}(?:[点點][{CN_DIGIT}]+)?"


def _num(lazy: bool) -> str:
    q = "*?" if lazy else "*"
    # 10余万, 5万多, 一百多万, 2300多: 余/多 inside the numeral
    return rf"(?:{AR}|{_cn(lazy)})(?:[余多](?=[{MULT}]))?[{MULT}]{q}(?:[余多]|来(?=[^\s\d]))?"


@dataclass(frozen=True, slots=True)
class Rules:
    units: UnitTable
    #: numeral runs (Arabic digits or Chinese numeral characters)
    scan: re.Pattern[str]
    #: first characters that may follow a Chinese run for it to be worth reading
    run_followers: frozenset[str]
    #: … and after a lone 一 (一亿元, 一倍, 一成, 一个百分点; not 一批, 一个)
    one_followers: frozenset[str]
    candidate: regex.Pattern[str]
    #: single units a plain Arabic number may take, by surface, and their lengths (longest first)
    plain_units: frozenset[str]
    #: first character of a unit → the lengths of the units it begins, longest first
    unit_lengths: dict[str, tuple[int, ...]]
    #: the same split by branch of ``unit``: Han-final units (tried first), ASCII-final ones
    han_units: frozenset[str]
    han_lengths: dict[str, tuple[int, ...]]
    asc_units: frozenset[str]
    asc_lengths: dict[str, tuple[int, ...]]
    #: every surface of units.tsv (any use, any kind), by first character:
    #: where a unit may begin inside a numeral run
    any_units: frozenset[str]
    any_lengths: dict[str, tuple[int, ...]]
    any_first: frozenset[str]
    #: every surface → 1 for a Han-final single unit, 2 for an ASCII-final one,
    #: 0 for the rest (compound-only numerators, heads)
    unit_class: dict[str, int]
    #: a compound unit (元/吨) needs / or 每 within this many characters of its start
    compound_reach: int
    compound_mark: re.Pattern[str]
    #: the unit ``_fast`` takes at a position: the longest Han-final single unit,
    #: else the longest ASCII-final one not running into more letters
    unit_after: dict[str, re.Pattern[str]]
    #: a range separator or a space (where a range may go on after a unit)
    range_mark: re.Pattern[str]
    #: any of the two above (/, 每, a separator, a space), and how far after a
    #: number one may matter (a compound unit's reach, or past the longest unit)
    after_mark: re.Pattern[str]
    after_reach: int
    #: a whole Arabic run a numeral reads entirely: 1,100.5 then 十百千万亿 (1.2万, 3千万)
    arabic_run: re.Pattern[str]
    single: regex.Pattern[str]
    bare: regex.Pattern[str]
    #: character → (offset, phrase) for each place it takes in a set phrase
    idiom_by_char: dict[str, tuple[tuple[int, str], ...]]
    qual_before: re.Pattern[str]
    qual_after: re.Pattern[str]
    #: an adverb (至少) and a verb of one or two characters before the number
    qual_adverb: re.Pattern[str]
    adverb_reach: int
    qual_adverb_any: re.Pattern[str]  # one scan: does the document hold any adverb
    #: last characters of a before-word (or of 占/为/有/达到), first of an after-word:
    #: a figure with neither around it needs no qualifier search
    qual_before_last: frozenset[str]
    qual_after_first: frozenset[str]
    qualifier_of: dict[str, str]
    count_heads: regex.Pattern[str]
    #: change verbs, longest first, scanned once per document (``re``: literal first characters)
    change: re.Pattern[str]
    change_of: dict[str, str]
    modality: re.Pattern[str]
    #: the same alternation with one named group per cue (m0, m1, …), only
    #: ever matched at a known position to tell which cue won there
    modality_named: re.Pattern[str]
    modality_of_group: dict[str, str]
    #: first character of a cue → its modality, where that alone decides it
    modality_by_first: dict[str, str]


def _unit_after(han_units: list[str], ascii_units: list[str]) -> dict[str, re.Pattern[str]]:
    """First character → one anchored pattern for the unit after a number:
    Han-final units longest first, then ASCII-final ones not followed by a
    letter (5G is no 5 + G). One pattern per first character, so a match
    tries only the few units that can begin there."""
    alts: dict[str, list[str]] = {}
    for u in sorted(han_units, key=len, reverse=True):
        alts.setdefault(u[0], []).append(re.escape(u))
    for u in sorted(ascii_units, key=len, reverse=True):
        alts.setdefault(u[0], []).append(re.escape(u) + "(?![A-Za-z])")
    return {c: re.compile("|".join(a)) for c, a in alts.items()}


def _guarded_words(words: list[str], guards: dict[str, str]) -> str:
    return "|".join(guards.get(w, re.escape(w)) for w in sorted(words, key=len, reverse=True))


def _lengths(surfaces: list[str]) -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the surfaces it begins, longest first."""
    return {c: tuple(sorted({len(x) for x in surfaces if x[0] == c}, reverse=True))
            for c in {x[0] for x in surfaces}}


def _by_char(phrases: list[str]) -> dict[str, tuple[tuple[int, str], ...]]:
    out: dict[str, list[tuple[int, str]]] = {}
    for w in dict.fromkeys(p for p in phrases if p):
        for j, c in enumerate(w):
            out.setdefault(c, []).append((j, w))
    return {c: tuple(v) for c, v in out.items()}


# short quoted designators “415X”, ‘315’, “八八战略”; book titles: (opening mark,
# the rest of the pattern)
QUOTES = (("“", r"[^“”\n]{1,12}”"), ("‘", r"[^‘’\n]{1,12}’"), ('"', r'[^"\n]{1,12}"'),
          ("「", r"[^」\n]{1,12}」"), ("『", r"[^』\n]{1,12}』"), ("《", r"[^》\n]{1,80}》"))
QUOTE_OPENERS = frozenset(o for o, _ in QUOTES)


def _cls(chars: set[str] | str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _scan(followers: set[str], one_followers: set[str]) -> re.Pattern[str]:
    """Numeral runs worth reading. 1.2万 and 1,100万 are one run. One character
    class first, then the branch it selects: ``re`` skips ahead by that class
    only when the pattern begins with it (an alternation of classes is tried at
    every position, ≈3× slower on a whole document).

    The same scan finds the short quotes and titles of ``QUOTES`` (a match
    that begins with an opening mark), in the same places a scan for them
    alone would (no run contains a quotation mark); the runs inside them,
    never figures, are not seen at all.

    The commonest non-figures never become runs (each is a whole run, failed
    before it is read, so no shorter run starts inside it): an Arabic run that
    is a date or year (12月, 2024年) or an ordinal (第3); a lone Chinese
    numeral that is a word — 一 not before a unit (一批, 统一), 万/千/百 with no
    余/多 after and no 近/逾/超… before (万人, 千家), any other with no unit
    after (三农) — unless it starts 分之, 上千/数百 or 翻一番."""
    cn = f"[{CN_CHARS}]"
    big_small = "百千万亿佰仟"
    other = set(CN_CHARS) - set("一壹") - set(big_small)
    arabic = (
        r"(?<=\d)(?<!\d\d)"  # a run never starts right after a digit: no tail of a skipped one either
        r"(?!\d{3}年|\d?[月日号时]"  # 2024年, 12月, 3日
        rf"|(?<=第\d)\d*(?!\d|\.\d|,\d{{3}}(?!\d)|{cn}))"  # 第3 (a run of digits only)
        rf"\d*(?:\.\d+|,\d{{3}}(?!\d))*[\d{CN_CHARS}]*"
    )
    lone_kept = "|".join((
        "(?=分之)", "(?<=[上数][十百千万亿])", "(?<=翻.)(?=番)",
        f"(?<=[一壹])(?={_cls(one_followers)})",
        f"(?<=[{big_small}])(?=[余多])", f"(?<=[近逾超约破过][{big_small}])",
        f"(?<={_cls(other)})(?={_cls(followers)})",
    ))
    chinese = rf"(?<={cn})(?:{cn}+|{lone_kept})"
    quoted = "|".join(f"(?<={re.escape(o)}){body}" for o, body in QUOTES)
    openers = "".join(re.escape(o) for o, _ in QUOTES)
    # the first class without ``\\d``: a Unicode category costs a database
    # lookup at every character of the text, listed digits a bitmap test
    return re.compile(rf"[{_decimal_digits()}{CN_CHARS}翻{openers}](?:{arabic}|{chinese}|(?<=翻)番|{quoted})")


def _decimal_digits() -> str:
    """A character class body holding every character ``\\d`` matches (Unicode
    Nd): the BMP ones as ranges, and all of the astral planes (rare in text;
    the branch after the class asks ``\\d`` itself). Decimal digits come in
    runs of ten from a zero (a Unicode stability guarantee), so every tenth
    code point finds them all (tests/dimensions/figure/test_figure_scan.py)."""
    runs = []
    for c in range(0, 0x10000, 10):
        ch = chr(c)
        if ch.isdecimal():
            zero = c - unicodedata.decimal(ch)
            runs.append(f"{re.escape(chr(zero))}-{re.escape(chr(zero + 9))}")
    return "".join(runs) + "\U00010000-\U0010ffff"


def _top_level_bar(pattern: str) -> bool:
    """Whether ``pattern`` has an alternation outside every group."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1  # []…] : a literal ] first
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _literal_first(pattern: str) -> str | None:
    """The plain Han character every match of ``pattern`` begins with, if it has one."""
    c = pattern[:1]
    if not ("\u2e80" <= c and c.isalnum()) or pattern[1:2] in ("?", "*", "+", "{") \
            or _top_level_bar(pattern):
        return None
    return c


def _by_first(alternatives: list[str]) -> str:
    """``a|b|…`` with the alternatives that begin with the same literal Han
    character gathered under it (预(?:计|期(?!目标))|…): the same matches, as
    alternatives with different first characters never match at one position
    and each group keeps their order, but far fewer branches for ``re`` to try
    at each position (≈20 % faster scans). Alternatives that do not begin with
    a plain Han character are left as they are."""
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        c = _literal_first(a)
        if c is None:
            return "|".join(f"(?:{x})" for x in alternatives)
        groups.setdefault(c, []).append(a[1:])
    return "|".join(c + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")")
                    for c, rest in groups.items())


def _kind_by_first(patterns: list[str], kinds: list[str]) -> dict[str, str]:
    """First character → the kind of every pattern beginning with it, where
    they all agree (a match beginning with 估 is 估计's, whatever the text):
    no need to ask which pattern matched. Empty unless every pattern begins
    with a plain character."""
    firsts = [_literal_first(p) for p in patterns]
    out: dict[str, str] = {}
    mixed: set[str] = set()
    for c, kind in zip(firsts, kinds, strict=True):
        if c is None:
            return {}
        if out.setdefault(c, kind) != kind:
            mixed.add(c)
    return {c: k for c, k in out.items() if c not in mixed}


def build_rules() -> Rules:
    units = UnitTable.load()
    singles = [s for s in units.surfaces() if units.by_surface[s].kind != "head"]
    han_units = [s for s in singles if not s[-1].isascii()]
    ascii_units = [s for s in singles if s[-1].isascii()]
    han_set, asc_set = frozenset(han_units), frozenset(ascii_units)
    curr = units.surfaces(numerator=True, kinds=frozenset({"currency", "measure"}))
    dens = units.surfaces(numerator=True, kinds=frozenset({"measure", "count", "duration", "currency"}))
    # compound units first (元/吨), then single ones; ASCII units must not run
    # into more letters (5G is not 5 + G…)
    unit = r"(?:\L<curr>(?:/|每)\L<dens>|\L<han>|\L<asc>(?![A-Za-z]))"
    lists = {"curr": curr, "dens": dens, "han": han_units, "asc": ascii_units}
    n_lazy, n_greedy = _num(True), _num(False)
    sep = rf"\s?(?:[{SEPARATORS[:4]}]{{1,2}}|至|到)\s?"
    cand = (
        rf"(?P<frac>(?P<den>\d+|[{CN_CHARS}]+)分之(?P<fnum>{AR}|[{CN_CHARS}]+(?:[点點][{CN_DIGIT}]+)?))"
        rf"|(?P<slash>(?P<sn>\d{{1,3}})/(?P<sd>\d{{1,3}})(?![\d/.]))"
        rf"|(?P<fan>翻了?(?P<fann>[一两二三四五])番|翻番)"
        rf"|(?P<n1>{n_lazy})(?P<u1>{unit})?{sep}(?P<n2>{n_lazy})(?P<u2>{unit})"
        rf"|(?P<n>{n_lazy})(?P<u>{unit})"
        rf"|(?P<b>{n_greedy})"
    )
    single = rf"(?P<n>{n_lazy})(?P<u>{unit})|(?P<b>{n_greedy})"
    followers = {s[0] for s in singles} | set("分余多来大点點/") | set(SEPARATORS)
    one_followers = {s[0] for s in singles if units.by_surface[s].kind not in
                     ("count", "duration", "age")} | set("分点")

    idioms = [halfwidth(w) for w in read_list("figure_idioms.tsv") if w != "word"]
    # numerals inside programme codes (owned by the codes stage) are not figures
    idioms += [halfwidth(r["code"]) for r in read_tsv("program_codes.tsv") if not r["code"].isascii()]

    qrows = read_tsv("qualifiers.tsv")
    qualifier_of = {r["word"]: r["qualifier"] for r in qrows}
    # 节约, 签约, 制约 are not 约; 上下游 is not 上下; 赶超 is not 超
    guards = {"约": r"(?<![节制签契预公条邀婚合])约", "上下": r"上下(?!游|级|班|学|联动|功夫)",
              "超": r"(?<![赶])超"}
    before = [r["word"] for r in qrows if r["position"] in ("before", "adverb")]
    adverbs = [r["word"] for r in qrows if r["position"] == "adverb"]
    after = [r["word"] for r in qrows if r["position"] == "after"]

    heads = [r["head"] for r in read_tsv("figure_count_heads.tsv")]

    crows = read_tsv("figure_change.tsv")
    change_of = {r["word"]: r["change"] for r in crows}
    parts = []
    for r in sorted(crows, key=lambda r: -len(r["word"])):
        na = r.get("not_after", "")
        parts.append(re.escape(r["word"]) + (f"(?![{re.escape(na)}])" if na else ""))

    mrows = read_tsv("figure_modality.tsv")

    return Rules(
        units=units,
        scan=_scan(followers, one_followers),
        run_followers=frozenset(followers),
        one_followers=frozenset(one_followers),
        candidate=regex.compile(cand, **lists),
        plain_units=frozenset(singles),
        unit_lengths={c: tuple(sorted({len(x) for x in singles if x[0] == c}, reverse=True))
                      for c in {x[0] for x in singles}},
        han_units=frozenset(han_units),
        han_lengths=_lengths(han_units),
        asc_units=frozenset(ascii_units),
        asc_lengths=_lengths(ascii_units),
        any_units=frozenset(units.by_surface),
        any_lengths=_lengths(list(units.by_surface)),
        any_first=frozenset(x[0] for x in units.by_surface),
        unit_class={x: 1 if x in han_set else 2 if x in asc_set else 0 for x in units.by_surface},
        compound_reach=max(map(len, curr)) + 1,
        compound_mark=re.compile("[/每]"),
        unit_after=_unit_after(han_units, ascii_units),
        range_mark=re.compile(rf"[\s{re.escape(SEPARATORS)}]"),
        after_mark=re.compile(rf"[/每\s{re.escape(SEPARATORS)}]"),
        after_reach=max(max(map(len, curr)) + 1, max(map(len, units.by_surface)) + 1),
        arabic_run=re.compile(rf"{AR}[{MULT}]*"),
        single=regex.compile(single, **lists),
        bare=regex.compile(rf"(?P<b>{n_greedy})"),
        idiom_by_char=_by_char(idioms),
        # 约占三分之一, 约为5%: a level verb may sit between the word and the number
        qual_before=re.compile(f"(?P<q>{_guarded_words(before, guards)})(?:占|为|有|达到|达)?\\Z"),
        qual_after=re.compile(f"(?:{_guarded_words(after, guards)})"),
        # 至少布设1台: an adverb before the verb that takes the number
        qual_adverb=re.compile(f"(?P<q>{_guarded_words(adverbs, guards)})[\u4e00-\u9fff]{{1,2}}\\Z"),
        adverb_reach=max(map(len, adverbs), default=0) + 2,
        qual_adverb_any=re.compile("|".join(map(re.escape, adverbs)) or "(?!)"),
        qual_before_last=frozenset(w[-1] for w in before) | frozenset("占为有达到"),
        qual_after_first=frozenset(w[0] for w in after),
        qualifier_of=qualifier_of,
        count_heads=regex.compile(r"\L<w>", w=heads),
        change=re.compile(_by_first(parts)),
        change_of=change_of,
        # no capturing groups: they would stop ``re`` from scanning by first character
        modality=re.compile(_by_first([r["pattern"] for r in mrows])),
        modality_named=re.compile("|".join(f"(?P<m{i}>{r['pattern']})" for i, r in enumerate(mrows))),
        modality_of_group={f"m{i}": r["modality"] for i, r in enumerate(mrows)},
        modality_by_first=_kind_by_first([r["pattern"] for r in mrows], [r["modality"] for r in mrows]),
    )
