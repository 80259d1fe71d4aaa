"""period: the ISO year/quarter/month/day or START/END a figure refers to.

Order of evidence (characters only, no tokens):

1. a recurring cue in the figure's clause (每年可减少…) → no period;
2. the nearest governing time before the figure in its sentence (a more
   specific topic time of the same year wins: ``2024年首个工作日,…2024年首批…``);
3. a topic time later in the sentence (``8万亿大关——去年,…``);
4. the nearest clause-initial time before it in its paragraph;
5. the document's default: in a government work report the heading of the
   section (``一、2024年工作回顾``), else the year before delivery in the
   review part and the delivery year in the plan part; in a report on the
   one year its title names (a statistical communiqué), that year; nothing
   for other texts.

A time does not govern when it is vague (这两年), names a plan (“十四五”规划)
or is a comparison base (比去年). ``从X提高到Y`` under an interval period
gives X the start year and Y the end year.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..dimensions.meta import dateline
from ..dimensions.time.frame import reported_year
from .cues import PeriodCues
from .segments import CLAUSE_END, QUOTES, Boundaries, by_position, clause_start

Span = tuple[int, int]
TimeRef = tuple[int, int, str | None]  # start, end, ISO value

_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
_FROM_TO = re.compile(r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小)?(?:到|至)")
_YEAR = re.compile(r"(\d{4})")
_YEARS = re.compile(r"\d{4}(?:/\d{4})?$")


@dataclass(frozen=True, slots=True)
class Profile:
    """What a document says about its own time frame."""

    report: bool
    year: int | None                         # delivery / publication year
    sections: tuple[tuple[int, str | None], ...]  # (start offset, default period), sorted
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)  # the sections' starts

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(s for s, _ in self.sections))

    def default(self, pos: int) -> str | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.sections[k][1] if k >= 0 else None


def _time_order(t: TimeRef) -> tuple[int, int, str]:
    """Times by span, then value (a value may be None)."""
    return t[0], t[1], t[2] or ""


def profile(text: str, times: Sequence[TimeRef], published: str | None, cues: PeriodCues) -> Profile:
    year = None
    if published and (m := _YEAR.match(published)):
        year = int(m.group(1))
    # a report names itself in its title line or addresses 各位代表 early on
    # (a news story quoting “政府工作报告” mid-text is not one)
    lines = text[:800].split("\n")
    report = any(w in lines[0] for w in cues.report) or any(
        line.lstrip().startswith(cues.report) for line in lines)
    if not report:
        reported = reported_year(text, cues.year_titles)
        return Profile(False, year, ((0, str(reported)),) if reported else ())
    if year is None:  # the delivery line's date (2025年1月14日在…会议上)
        for s, _e, v in sorted(times, key=_time_order):
            if s > 300:
                break
            if v and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                year = int(v[:4])
                break
    if year is None:  # 一、2018年工作回顾 → delivered in 2019
        year = _year_from_headings(text, cues)
    if year is None:
        return Profile(True, None, ())
    review, plan = str(year - 1), str(year)
    sections: list[tuple[int, str | None]] = [(0, review)]
    current = review
    ordered = sorted(times, key=_time_order)
    starts = [t[0] for t in ordered]

    def values(lo: int, hi: int) -> list[str]:
        k = bisect.bisect_left(starts, lo)
        return [t[2] for t in ordered[k:bisect.bisect_left(starts, hi)] if t[1] <= hi and t[2]]

    top_seen = False  # a top-level heading (一、…) came before
    for start, line in _headings(text, cues):
        top = _HEADING.match(line) is not None and not line.lstrip().startswith(("(", "（"))
        inside = values(start, start + len(line))
        found: str | None = None
        if inside:
            found = inside[0]
        elif any(w in line for w in cues.review):
            found = review
        elif any(w in line for w in cues.plan) or plan in line:
            found = plan
        elif top:
            # a thematic top-level heading (二、牢记历史使命…): the opening of its
            # section may say which year it is about (2025年是…, 过去一年…);
            # else the review is the first part and what follows plans
            end = start + len(line) + 120
            opening = values(start + len(line), end)
            if opening and opening[0] in (review, plan):
                found = opening[0]
            elif any(w in text[start + len(line):end] for w in cues.review):
                found = review
            elif top_seen:
                found = plan
        top_seen = top_seen or top
        if found is None:
            continue
        current = found
        sections.append((start, current))
    return Profile(True, year, tuple(sections))


_LIGHT_OFFSET = {"今": 0, "去": -1, "上": -1, "明": 1}


def light_times(text: str, published: str | None) -> list[tuple[int, int, str | None, bool]]:
    """Years (2024年) and 今年/去年/明年 found by one regex: what period linking
    uses when the times stage did not run (figure-only extraction)."""
    base = int(m.group(1)) if published and (m := _YEAR.match(published)) else None
    out: list[tuple[int, int, str | None, bool]] = []
    i = text.find("年")
    while i >= 0:  # anchored on 年: far faster than a regex scan of every character
        y = text[i - 4:i] if i >= 4 else ""
        if y.isdigit() and y[:2] in ("19", "20") and not (i >= 5 and text[i - 5].isdigit()) \
                and not text.startswith("代", i + 1):
            out.append((i - 4, i + 1, y, False))
        elif i >= 1 and text[i - 1] in _LIGHT_OFFSET:
            value = str(base + _LIGHT_OFFSET[text[i - 1]]) if base is not None else None
            out.append((i - 1, i + 1, value, True))
        i = text.find("年", i + 1)
    return out


def reanchor(text: str, times: Sequence[tuple[int, int, str | None, bool]], prof: Profile,
             cues: PeriodCues) -> list[TimeRef]:
    """Relative times like 全年 resolved to the delivery year inside a report's
    review section refer to the year under review: move them back a year
    (今年 keeps its meaning wherever it stands)."""
    if not prof.report or prof.year is None:
        return [(s, e, v) for s, e, v, _ in times]
    this, last = str(prof.year), str(prof.year - 1)
    out: list[TimeRef] = []
    for s, e, v, relative in times:
        if relative and v and v.startswith(this) and text[s:e] in cues.reanchor and prof.default(s) == last:
            v = v.replace(this, last)
        out.append((s, e, v))
    return out


def _headings(text: str, cues: PeriodCues) -> list[tuple[int, str]]:
    """Numbered short lines (一、…, （一）…), and unnumbered short lines without
    sentence punctuation that name a review or a plan (2024年工作回顾)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if len(line) > 40:
            continue
        if _HEADING.match(line) or (
            len(line) <= 30 and not any(c in line for c in "。，,；;：:")
            and any(w in line for w in (*cues.review, *cues.plan))
        ):
            out.append((start, line))
    return out


def _year_from_headings(text: str, cues: PeriodCues) -> int | None:
    for _start, line in _headings(text, cues):
        if any(w in line for w in cues.review):
            m = re.search(r"(\d{4})年", line)
            if m:
                return int(m.group(1)) + 1
    return None


class _Times:
    def __init__(self, text: str, times: Sequence[TimeRef], cues: PeriodCues) -> None:
        self.text = text
        self.cues = cues
        self.base_len = cues.base_len
        dl = dateline(text)
        self.dateline = dl.span() if dl is not None else None
        self.items = sorted(t for t in times if t[2] and self._governs(t))
        self.starts = [t[0] for t in self.items]

    def _governs(self, t: TimeRef) -> bool:
        s, e, _ = t
        text = self.text
        if text[s:e].strip("“”\"") in self.cues.vague:
            return False
        if self.dateline is not None and self.dateline[0] <= s and e <= self.dateline[1]:
            return False  # a dateline's date (新华社北京2024年11月28日电)
        after = e + 1 if e < len(text) and text[e] in QUOTES else e
        if after < len(text) and text[after] in self.cues.plan_name_first \
                and text.startswith(self.cues.plan_name, after):
            return False
        b = s - 1 if s > 0 and text[s - 1] in QUOTES else s  # 较“十三五”
        base = self.cues.base
        if b >= self.base_len:  # one C call: a base word ending at b
            return not (b and text[b - 1] in self.cues.base_last and text.endswith(base, 0, b))
        return not any(text.startswith(w, b - len(w)) for w in base)

    def topic(self, t: TimeRef) -> bool:
        """Followed by a comma / 以来: the time frames the clause."""
        e = t[1]
        return e < len(self.text) and (self.text[e] in ",，:" or self.text.startswith("以来", e))

    def clause_initial(self, t: TimeRef, para_start: int) -> bool:
        s = t[0]
        text = self.text
        while s > para_start and text[s - 1] in QUOTES | {"在", "于", " "}:
            s -= 1
        return s <= para_start or text[s - 1] in CLAUSE_END

    def between(self, lo: int, hi: int) -> list[TimeRef]:
        a = bisect.bisect_left(self.starts, lo)
        b = bisect.bisect_left(self.starts, hi)
        return [t for t in self.items[a:b] if t[1] <= hi]


def _recurring(text: str, s: int, cues: PeriodCues) -> bool:
    if not cues.recurring:
        return False
    lo = clause_start(text, s)
    return any(w in text[lo:s] for w in cues.recurring)


def _refines(a: str, b: str) -> bool:
    """``a`` is a more specific date inside ``b`` (2024-01-02 inside 2024)."""
    return a != b and a.startswith(b + "-")


def link_periods(text: str, figures: Sequence[Span], times: Sequence[TimeRef], cues: PeriodCues,
                 prof: Profile, bounds: Boundaries | None = None, *, order: Sequence[int] | None = None
                 ) -> list[str | None]:
    """Period for each figure span (same order), from ``times`` (ISO values);
    ``order``: the figures' indices sorted by span, when the caller has them."""
    T = _Times(text, times, cues)
    # recurring cues are looked for around a figure only when the text has one
    recurring = any(w in text for w in cues.recurring)
    if not T.items:  # nothing governs: the section defaults (and recurring cues) decide
        return [None if recurring and _recurring(text, s, cues) else prof.default(s) for s, _ in figures]
    bounds = bounds or Boundaries(text)
    paragraph = bounds.paragraph
    items, starts = T.items, T.starts
    ends = [t[1] for t in items]
    topic = [T.topic(t) for t in items]
    bl = bisect.bisect_left
    carried: dict[Span, str | None] = {}  # (paragraph start, sentence start) → the year carried over
    out: list[str | None] = []
    for (s, e), (ss, se) in zip(figures, bounds.sentences([s for s, _ in figures]), strict=True):
        if recurring and _recurring(text, s, cues):
            out.append(None)
            continue
        # (every governing time has a value)
        first, k = bl(starts, ss), bl(starts, s)
        while k > first and ends[k - 1] > s:  # the last time before the figure ends by s
            k -= 1
        value: str | None = None
        if k > first:
            best = items[k - 1]
            for j in range(first, k - 1):  # a more specific topic time before it wins
                if topic[j] and ends[j] <= s and _refines(items[j][2], best[2]):  # type: ignore[arg-type]
                    best = items[j]
            value = best[2]
        else:  # a topic time later in the sentence
            for k in range(bl(starts, e), bl(starts, se)):
                if topic[k] and items[k][1] <= se:
                    value = items[k][2]
                    break
        if value is None:
            ps, _pe = paragraph(s)
            if (ps, ss) in carried:
                value = carried[ps, ss]
            else:
                # only a year or a span of years carries over sentences (a month or a
                # quarter usually dates one event: 四季度…销售面积…)
                cands = [t for t in T.between(ps, ss)
                         if T.clause_initial(t, ps) and t[2] and _YEARS.match(t[2])]
                value = carried[ps, ss] = cands[-1][2] if cands else None
        if value is None:
            value = prof.default(s)
        out.append(value)
    return _from_to(text, figures, out, by_position(figures) if order is None else order)


def _from_to(text: str, figures: Sequence[Span], periods: list[str | None], order: Sequence[int]
             ) -> list[str | None]:
    """从X提高到Y under an interval START/END: X → start year, Y → end year."""
    for a, b in itertools.pairwise(order):
        pa = periods[a]
        if not pa or "/" not in pa or periods[b] != pa:
            continue
        (_as, ae), (bs, _be) = figures[a], figures[b]
        if not _FROM_TO.fullmatch(text, ae, bs):
            continue
        lo = clause_start(text, figures[a][0], list_items=False)
        if "从" not in text[lo:figures[a][0]]:
            continue
        start, end = pa.split("/", 1)
        periods[a], periods[b] = start[:4], end[:4]
    return periods
