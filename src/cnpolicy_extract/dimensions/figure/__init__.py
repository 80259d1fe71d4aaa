"""figures: every quantity stated in a text (SPEC: span, value, value_max,
unit, dimension, qualifier, change, modality; metric/period/region are left
to the link stage).

Numeral runs (``rules.scan``) → the full number+unit form at each run
(``rules.candidate``) → a value (``resolve``) → verified by named negative
filters (``filters``) → context (``context``: qualifier words, governing
verb, modality cues). Runs on characters only: no tokenizer, no jieba.
"""
from __future__ import annotations

from typing import ClassVar, cast

import regex

from ...config import Config
from ...state import DocState
from ...types import Figure
from . import context, filters
from .filters import is_han
from .make import FigureRow, figure_row
from .resolve import (
    SIGN_LAST,
    Resolved,
    resolve_bare,
    resolve_fan,
    resolve_fraction,
    resolve_range,
    resolve_slash,
    resolve_unit,
)
from .rules import CN_CHARS, MULT, QUOTE_OPENERS, SEPARATORS, Rules, build_rules

_BIG = frozenset("万亿萬億")
_SEP = frozenset(SEPARATORS)
_TOO_BIG = 1e17
# after these the numeral goes on (三点五, 10余家, 百余, 十来个): the pattern reads it
_EXTENDS = frozenset("点點余多来")
_DASHES = frozenset(SEPARATORS[:4])
_ORDINAL_BEFORE = frozenset("第前")
# what a number may begin with, and be made of (a generous over-estimate: 1,234.5,
# 三点五, 10余万, 十来, 上千, 数百)
_NUM_START = frozenset(CN_CHARS) | frozenset("上数")  # and str.isdigit()
_NUM_CHARS = _NUM_START | frozenset(",.点點余多来")


def _unlinked_figure(start: int, end: int, text: str, value: float, value_max: float | None,
                     unit: str | None, dimension: str, qualifier: str, change: str | None,
                     modality: str) -> Figure:
    """A ``Figure`` where a row would go, for extraction that links nothing."""
    return Figure(start, end, text, value, value_max, unit, dimension, qualifier,
                  None, change, modality, None, None)


class FigureStage:
    kind: ClassVar[str] = "figures"
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config
        self.rules: Rules = build_rules()

    def __call__(self, state: DocState) -> None:
        # rows, not Figures: the link stage, always the last, builds each
        # Figure once, with its metric, period and region (make.py); when it
        # links nothing (figure-only extraction), the Figures are built here
        state.figures.extend(cast("list[Figure]", self.rows(state, linked=self.config.links_figures)))

    def find(self, state: DocState) -> list[Figure]:
        """The figures of ``state``'s text, unlinked."""
        return cast("list[Figure]", self.rows(state, linked=False))

    def rows(self, state: DocState, *, linked: bool = True) -> list[FigureRow | Figure]:
        """The figures of ``state``'s text as rows (make.py), in text order;
        as Figures when nothing will link them (``linked=False``)."""
        text = state.text
        resolved = self._candidates(text)
        if not resolved:
            return []
        rules = self.rules
        norm = state.norm
        original = norm.original
        offsets = norm.offsets
        n = len(text)
        out: list[FigureRow | Figure] = []
        starts = [r[0] for r in resolved]
        windows = context.paragraphs(text, starts)  # the cues that matter lie there
        modalities = context.ModalityCues(rules, text, windows).modalities(text, starts)
        change = context.ChangeCues(rules, windows).change
        qualifier = context.qualifier
        make = figure_row if linked else _unlinked_figure
        before_last, after_first = rules.qual_before_last, rules.qual_after_first
        adverb = rules.qual_adverb_any.search(text) is not None  # 至少布设1台: rare, so once per document
        for (start, end, value, vmax, unit, dim, qual, ch), mod in zip(resolved, modalities, strict=True):
            if qual is None:
                # most figures have no qualifier character on either side
                if (start and text[start - 1] in before_last) or (end < n and text[end] in after_first) \
                        or adverb:
                    qual = qualifier(rules, text, start, end) or "exact"
                else:
                    qual = "exact"
            if ch is None and (unit is not None or dim != "count"):  # 两大X: no change
                ch = change(text, start, dim)
            s, e = (start, end) if offsets is None else (offsets[start], offsets[end])
            out.append(make(
                s, e, original[s:e], value if value.is_integer() else _round(value),
                None if vmax is None else _round(vmax), unit, dim, qual, ch, mod,
            ))
        return out

    def _candidates(self, text: str) -> list[Resolved]:
        rules = self.rules
        followers = rules.run_followers
        # one scan for numeral runs and short quotes (rules._scan): the runs
        # inside a quote are never seen, and no reading of a run outside one
        # touches it (no reading holds a quotation mark or starts before the
        # run but after a closing one), so the quotes are only skipped
        spans = [m.span() for m in rules.scan.finditer(text)]
        if not spans:
            return []
        openers = QUOTE_OPENERS
        found: list[Resolved] = []
        done = 0  # text before this is consumed by an accepted or rejected candidate
        for s, e in spans:
            if s < done or text[s] in openers:
                continue  # consumed, or a quote
            g = text[s:e]
            nxt = text[e:e + 1]
            # (dates, years, ordinals and lone Chinese numerals that are words
            # are not runs at all: see rules._scan)
            special = True  # 翻番, 分之, 上千, 翻一番: only the full pattern reads them
            if g == "翻番" or text.startswith("分之", e):
                pass  # 翻番; 百分之十, 千分之三
            elif s and ((text[s - 1] in "上数" and g[0] in "十百千万亿")
                      or (text[s - 1] == "翻" and nxt == "番")):
                s -= 1  # 上千, 数百, 翻一番
            else:
                special = False
                if len(g) > 1 and not g[0].isdigit() and _BIG.isdisjoint(g) and nxt not in followers \
                        and is_han(nxt):
                    continue  # 二三产: no unit after a word of numerals
            if not special:
                # the common case: what ``single`` reads, without the regex
                end = self._fast(text, s, e, g, nxt)
                if end >= 0:
                    r = None
                    if s and text[s - 1] < "\u2e80" and text[s - 1] not in SIGN_LAST \
                            and filters.glued_before(text, s):
                        pass  # G20, 2024-11-22, 10:56: every reading from s is glued (no sign moves s)
                    elif end > e:
                        r = self._check(text, resolve_unit(rules, text, s, g, text[e:end], end))
                        if r is None:
                            r = self._check(text, resolve_bare(rules, text, s, g, e))
                    else:
                        r = self._check(text, resolve_bare(rules, text, s, g, e))
                    if r is not None:
                        found.append(r)
                        done = r.end
                    else:
                        done = end
                    continue
            # the full pattern (fractions, 翻番, ranges) only where one may start;
            # a plain number+unit is the common, cheaper case
            if text.startswith("分之", e) or text[s] == "翻" or not _SEP.isdisjoint(text[e:e + 12]) \
                    or text.startswith("/", e):
                m = rules.candidate.match(text, s)
            else:
                m = rules.single.match(text, s)
            if m is None:
                continue
            r = self._resolve(text, m)
            last = m.lastgroup
            if r is None and last == "u2":
                # a rejected range (5%至2025年): read its first number alone
                m2 = rules.single.match(text, s)
                if m2 is not None:
                    r = self._resolve(text, m2)
                    if r is None and m2.lastgroup == "u":
                        r = self._bare_at(text, s)
            elif r is None and last == "u":
                r = self._bare_at(text, s)  # a rejected number+unit (8万亿大…)
            if r is not None:
                found.append(r)
                done = r.end
            else:
                done = max(m.end(), e)
        return _merge_ranges(text, found) if len(found) > 1 else found

    def _fast(self, text: str, s: int, e: int, g: str, nxt: str) -> int:
        """What ``single`` reads at a run ``g`` = text[s:e], without the regex,
        where that is provably the same: the whole run is the numeral (nothing
        extends it — 点, 余, 多, 来 — and no unit begins inside it, as in 3千米),
        no compound unit (元/吨), fraction or range may start there. Returns the
        end of the unit after the run (the longest, in the pattern's order:
        Han-final units, then ASCII-final ones not running into letters), ``e``
        when none follows (a bare number), or -1 where the pattern must decide."""
        if nxt in _EXTENDS:
            return -1
        rules = self.rules
        if g[0].isdigit() and not g.isdigit():
            core = g.rstrip(MULT)  # 150亿, 1.2万: digits (a decimal point) then multipliers
            if not (core[-1].isdigit() and core.replace(".", "", 1).isdigit()) \
                    and not rules.arabic_run.fullmatch(g):
                return -1  # 2024二: the numeral is only a prefix of the run
        if not rules.any_first.isdisjoint(g[1:]):
            any_units, any_lengths = rules.any_units, rules.any_lengths
            for i in range(s + 1, e):
                for k in any_lengths.get(text[i], ()):
                    if text[i:i + k] in any_units:
                        return -1  # 3千米: the lazy numeral stops before the unit
        lengths = rules.any_lengths.get(nxt)
        if lengths is not None and rules.after_mark.search(text, e, e + rules.after_reach) is None:
            # the common case: no /, 每, separator or space near enough for a
            # compound unit or a range to start here; one match finds the unit
            pattern = rules.unit_after.get(nxt)
            m = None if pattern is None else pattern.match(text, e)
            return e if m is None else m.end()
        if rules.compound_mark.search(text, e, e + rules.compound_reach):
            return -1  # 元/吨, 元每吨, 1/3
        # a range (3-5个, 3个至5个): a separator right after the number or
        # after any unit that may follow it, then a number and a unit
        if (nxt in _SEP or nxt.isspace()) and self._range_at(text, e):
            return -1
        if lengths is None:
            return e  # no unit begins here: a bare number
        if rules.range_mark.search(text, e + 1, e + 1 + lengths[0]) is None:
            # no separator or space after any unit that may begin here: no
            # range check per unit, one match finds the unit
            pattern = rules.unit_after.get(nxt)
            m = None if pattern is None else pattern.match(text, e)
            return e if m is None else m.end()
        # the unit: the longest Han-final one, else the longest ASCII-final one
        # not running into more letters (5G…); every unit for the range check
        unit_class = rules.unit_class
        best = asc_best = -1
        for k in lengths:
            q = e + k
            u = text[e:q]
            cls = unit_class.get(u)
            if cls is None or len(u) != k:
                continue
            c = text[q:q + 1]
            if (c in _SEP or c.isspace()) and self._range_at(text, q):
                return -1
            if cls == 1:
                if best < 0:
                    best = q
            elif cls == 2 and asc_best < 0 and not (c.isascii() and c.isalpha()):
                asc_best = q
        return best if best >= 0 else asc_best if asc_best >= 0 else e

    def _range_at(self, text: str, q: int) -> bool:
        """Whether the range branch could go on at ``q`` (after its first number
        or unit): ``\\s?``, a separator, ``\\s?``, a number, and a unit starting
        inside or right after that number. A cheap over-estimate: False means
        the pattern cannot read a range there (2024-11-22: no unit after 11)."""
        c = text[q:q + 1]
        if c.isspace():  # str.isspace() covers every \\s of ``regex``
            q += 1
            c = text[q:q + 1]
        if c not in _SEP:
            return False
        starts = [q + 1]  # where the second number may begin
        if c in _DASHES and text[q + 1:q + 2] in _DASHES:
            starts.append(q + 2)  # --, ~~
        first = self.rules.any_first
        for j in starts:
            if text[j:j + 1].isspace():
                j += 1
            c = text[j:j + 1]
            if not (c in _NUM_START or c.isdigit()):
                continue
            k = j + 1
            while text[k:k + 1] in _NUM_CHARS or text[k:k + 1].isdigit():
                k += 1
            # a unit must begin inside the number (3-5千米) or right after it
            if not first.isdisjoint(text[j + 1:k + 1]):
                return True
        return False

    def _bare_at(self, text: str, start: int) -> Resolved | None:
        m = self.rules.bare.match(text, start)
        if m is None:
            return None
        return self._check(text, resolve_bare(self.rules, text, m.start(), m["b"], m.end()))

    def _resolve(self, text: str, m: regex.Match[str]) -> Resolved | None:
        rules = self.rules
        last = m.lastgroup  # the branch that matched: frac, fan, u2 (range), u, b
        if last == "frac":
            r = resolve_fraction(m)
        elif last == "slash":
            r = resolve_slash(text, m)
        elif last == "fan":
            r = resolve_fan(m)
        elif last == "u2":
            r = resolve_range(rules, text, m)
        elif last == "u":
            r = resolve_unit(rules, text, m.start(), m["n"], m["u"], m.end())
        else:
            r = resolve_bare(rules, text, m.start(), m["b"], m.end())
        return self._check(text, r)

    def _check(self, text: str, r: Resolved | None) -> Resolved | None:
        if r is None:
            return None
        start, end, value, vmax, unit = r[:5]
        if not value < _TOO_BIG or (vmax is not None and not vmax < _TOO_BIG) \
                or (value <= 0 and vmax is None and (unit is None or not text[start].isdigit())):
            return None  # zero, or a digit string no text means as an amount (and never inf/nan)
        before = text[start - 1] if start else ""
        # glued_to_code needs a character below U+2E80 on one side (it tests
        # the same first); ordinal_before needs 第 or 前 right before
        if (not (before > "\u2e7f" and text[end:end + 1] > "\u2e7f")
                and filters.glued_to_code(text, start, end, unit is None)) \
                or (before in _ORDINAL_BEFORE and filters.ordinal_before(text, start)):
            return None
        if (not text[start].isdigit() or "大" in text[start:end]) \
                and filters.in_idiom(self.rules.idiom_by_char, text, start, end):
            return None
        if vmax is None and not text[start].isdigit() and filters.digit_by_digit(text, start):
            return None
        return r


def _merge_ranges(text: str, found: list[Resolved]) -> list[Resolved]:
    """百分之五到百分之十, 三分之一至二分之一: two figures of one unit joined by a
    range separator are one range."""
    out: list[Resolved] = []
    last_end = -9  # end of out[-1]: most figures are far from the one before
    for r in found:
        if 0 < r[0] - last_end <= 2:
            a = out[-1]
            gap = text[a.end:r.start]
            if _SEP.issuperset(gap) and a.unit == r.unit and a.unit is not None \
                    and a.value_max is None and r.value_max is None and a.qualifier is None \
                    and r.qualifier is None and a.value < r.value:
                out[-1] = a._replace(end=r.end, value_max=r.value)
                last_end = r.end
                continue
        out.append(r)
        last_end = r.end
    return out


def _round(v: float) -> float:
    """12 significant digits: 3‰ is 0.3, not 0.30000000000000004."""
    return v if v.is_integer() else float(f"{v:.12g}")
