"""Overlaps between kinds: a numeral inside a code, a time, a name or a place
is part of that thing, not a figure (SPEC: “八八战略”, 十四五, 2024年, 十堰市);
a place inside a person's name is part of the name (包兴安).

Only *containment* removes a figure: a figure that merely touches or straddles
another span (三个 before “一号工程”) stays. A figure with a unit survives a
name or place that starts exactly where it starts, since that is more likely a
stage's over-long name (3个国家级…中心) than a numeral inside a name.
"""
from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from typing import Protocol, TypeVar

from ..types import Figure

Span = tuple[int, int]


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


P = TypeVar("P", bound=_Spanned)


def drop_contained(figures: Sequence[Figure], *, hard: Sequence[Span] = (), names: Sequence[Span] = ()
                   ) -> list[Figure]:
    """Figures not inside a ``hard`` span (codes, times) nor inside a ``names``
    span (organisations, places, people) — see the module doc for the exception."""
    if not hard and not names:
        return list(figures)
    covered = _covered_starts(figures, hard, names)
    columns: tuple[list[int], list[int], list[int], list[int]] | None = None  # sorted when needed
    bl, br = bisect.bisect_left, bisect.bisect_right
    out: list[Figure] = []
    for f in figures:
        s, e = f.start, f.end
        if 0 <= s < e and s not in covered:  # nothing covers its first character
            out.append(f)
            continue
        if columns is None:
            columns = (*_columns(hard), *_columns(names))
        hard_starts, hard_ends, name_starts, name_ends = columns
        # names and codes are short: only spans starting ≤ 40 characters before can contain f
        lo = s - _REACH
        if max(hard_ends[bl(hard_starts, lo):br(hard_starts, s)], default=-1) >= e:
            continue
        # (a name starting where a figure with a unit starts does not contain it)
        hi = bl(name_starts, s) if f.unit is not None else br(name_starts, s)
        if max(name_ends[bl(name_starts, lo):hi], default=-1) >= e:
            continue
        out.append(f)
    return out


_REACH = 40


def _covered_starts(figures: Sequence[Figure], *groups: Sequence[Span]) -> set[int]:
    """Figure starts inside some span (a span contains a non-empty figure only
    if it covers the figure's first character): most figures are then told
    apart with one look-up. Found by one ``bytearray.find`` per span in a table
    of figure starts, instead of marking every position each span covers."""
    table = bytearray(max(map(operator.attrgetter("start"), figures), default=-1) + 1)
    for f in figures:
        if f.start >= 0:
            table[f.start] = 1
    find = table.find
    hit: set[int] = set()
    for spans in groups:
        for s, e in spans:
            k = find(1, s, e) if e > s else -1
            while k >= 0:
                hit.add(k)
                k = find(1, k + 1, e)
    return hit


def _columns(spans: Sequence[Span]) -> tuple[list[int], list[int]]:
    """Starts and ends of ``spans`` sorted by start."""
    ordered = sorted(spans)
    return [s for s, _ in ordered], [e for _, e in ordered]


_NAME_MAX = 4  # a Chinese name; longer runs (transliterations) may have swallowed a place


def places_outside_names(places: Sequence[P], names: Sequence[Span]) -> list[P]:
    """Places not strictly inside a person's name of at most four characters
    (兴安 in 包兴安, 西平 in 贾西平): the place stage runs before the people
    stage and cannot see them. A place covering the whole name is left:
    which of the two it is, neither stage can say here."""
    names = [(s, e) for s, e in names if e - s <= _NAME_MAX]
    if not names or not places:
        return list(places)
    covered: set[int] = set()  # the positions names cover
    for s, e in names:
        covered.update(range(s, e))
    starts, ends = _columns(names)
    out = []
    for p in places:
        s, e = p.start, p.end
        if s not in covered:  # the usual case: no name at its first character
            out.append(p)
            continue
        k = bisect.bisect_right(starts, s)
        if any(starts[j] <= s and e <= ends[j] and ends[j] - starts[j] > e - s
               for j in range(max(0, k - _NAME_MAX), k)):
            continue
        out.append(p)
    return out
