"""Rules and model together: which model candidates to add to the rule results.

Pure functions over ``(start, end, label)`` spans. Rules win where they have
spoken: a model candidate that overlaps any rule span (a titled person, a
gazetteer place, a suffix-typed organisation, but also a time, a figure or a
code) is dropped, so the model only adds what rules missed — people without
titles, foreign names, unusual organisations. Per-label minimum lengths drop
the model's least reliable guesses (one-character people and bodies).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping

import regex

Span = tuple[int, int, str]

#: shortest model span kept, per label (a 1-char "person" is almost always noise)
MIN_LENGTH: Mapping[str, int] = {"PERSON": 2, "LOC": 1, "ORG": 2}


#: what a model span of each label may look like: people are Han characters
#: (with ``·`` in foreign names); every span starts and ends with a letter
#: or digit, so no span begins or ends at a bracket, quote or line break,
#: except an organisation named after its paper (《党建》杂志社)
_SHAPE: Mapping[str, regex.Pattern[str]] = {
    "PERSON": regex.compile(r"\p{Han}[\p{Han}·•]*\p{Han}|\p{Han}"),
    "LOC": regex.compile(r"[\p{L}\p{N}](?:[^\n]*[\p{L}\p{N}])?"),
    "ORG": regex.compile(r"《[^《》\n]+》[^\n]*[\p{L}\p{N}]|[\p{L}\p{N}](?:[^\n]*[\p{L}\p{N}])?"),
}


#: a short quotation or title: in policy text, “杭州港”, “中国美术奖”, 《新龙门客栈》
#: are brand, award and work names, not the places they begin with
_QUOTED = regex.compile(r"“[^“”\n]{1,12}”|《[^《》\n]{1,20}》")


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans of the short quotations and titles in ``text``, in order."""
    return [m.span() for m in _QUOTED.finditer(text)]


def inside(regions: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` lies within one of the sorted, disjoint ``regions``."""
    i = bisect_left(regions, (s + 1, -1)) - 1
    return i >= 0 and regions[i][0] <= s and e <= regions[i][1]


def overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps one of ``spans`` (sorted, non-overlapping)."""
    i = bisect_left(spans, (e, -1)) - 1
    return i >= 0 and spans[i][1] > s


def well_formed(surface: str, label: str) -> bool:
    """Whether a model span's text could be an entity of ``label`` at all."""
    shape = _SHAPE.get(label)
    return shape is None or shape.fullmatch(surface) is not None


def merge(rule_spans: Iterable[Span], model_spans: Iterable[Span],
          labels: Iterable[str] | None = None,
          min_length: Mapping[str, int] = MIN_LENGTH) -> list[Span]:
    """Model spans to add to ``rule_spans``: those of ``labels`` (all if None)
    that overlap no rule span (whatever its label) and no previously accepted
    model span, and are at least ``min_length[label]`` long. Sorted."""
    wanted = None if labels is None else frozenset(labels)
    taken = sorted((s, e) for s, e, _ in rule_spans)
    starts = [s for s, _ in taken]
    ends = [e for _, e in taken]
    # a running maximum of ends makes the backward scan exact for nested spans
    reach: list[int] = []
    m = -1
    for e in ends:
        m = max(m, e)
        reach.append(m)
    out: list[Span] = []
    last_end = -1
    for s, e, label in sorted(model_spans):
        if wanted is not None and label not in wanted:
            continue
        if e - s < min_length.get(label, 1) or s < last_end:
            continue
        i = bisect_left(starts, e)
        if i and reach[i - 1] > s:
            continue
        out.append((s, e, label))
        last_end = e
    return out


def union(rule_spans: Iterable[Span], model_spans: Iterable[Span],
          labels: Iterable[str] | None = None) -> list[Span]:
    """Rule spans plus the model spans ``merge`` accepts (for scoring)."""
    rules = list(rule_spans)
    return sorted(rules + merge(rules, model_spans, labels))
