"""Overlaps between kinds: a numeral inside a code, a time, a name or a place
is part of that thing, not a figure (SPEC: “八八战略”, 十四五, 2024年, 十堰市).

Only *containment* removes a figure: a figure that merely touches or straddles
another span (三个 before “一号工程”) stays. A figure with a unit survives a
name or place that starts exactly where it starts, since that is more likely a
stage's over-long name (3个国家级…中心) than a numeral inside a name.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..types import Figure

Span = tuple[int, int]


def drop_contained(figures: Sequence[Figure], *, hard: Sequence[Span] = (), names: Sequence[Span] = ()
                   ) -> list[Figure]:
    """Figures not inside a ``hard`` span (codes, times) nor inside a ``names``
    span (organisations, places, people) — see the module doc for the exception."""
    if not hard and not names:
        return list(figures)
    hard_sorted = sorted(hard)
    names_sorted = sorted(names)
    out: list[Figure] = []
    for f in figures:
        if any(s <= f.start and f.end <= e for s, e in _near(hard_sorted, f)):
            continue
        if any(s <= f.start and f.end <= e and not (s == f.start and f.unit is not None)
               for s, e in _near(names_sorted, f)):
            continue
        out.append(f)
    return out


def _near(spans: Sequence[Span], f: Figure) -> Sequence[Span]:
    # names and codes are short: only spans starting ≤ 40 characters before can contain f
    lo = bisect.bisect_left(spans, (f.start - 40, -1))
    hi = bisect.bisect_right(spans, (f.start, 1 << 62))
    return spans[lo:hi]
