"""Linking: each figure's metric, period and region; overlaps between kinds.

Runs after every stage. The core functions take plain inputs (normalised
text, spans, ISO time values, place names) so they can be tested against gold
times and places; this stage only adapts ``DocState`` to them.

* ``overlaps``  — numerals inside codes, times and names are not figures
* ``metric``    — the noun phrase measured (characters only, no tokens)
* ``period``    — the governing time, else the document's default
* ``region``    — the place in the clause/sentence, else the document's
See docs/linking.md for the rules and the choice of ``requires``.
"""
from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import fields
from operator import attrgetter, itemgetter
from typing import ClassVar

from ..config import Config
from ..dimensions.figure.make import FigureRow, to_figure, to_row
from ..lazy import Lazy
from ..normalize import NormalizedText
from ..state import DocState
from ..types import Figure
from .cues import MetricCues, PeriodCues, RegionCues
from .enumeration import summarises_quoted_list
from .metric import join, link_metrics
from .overlaps import drop_contained, places_outside_names
from .period import light_times, link_periods, profile, reanchor
from .region import PlaceLike, PlaceRef, document_region, link_regions
from .segments import by_position, sentence_bounds

__all__ = ["LinkStage"]


_CLOSING_QUOTES = frozenset("”\"」’")  # summarises_quoted_list's cheap first test, inline
_FIGURE_FIELDS = ("start", "end", "text", "value", "value_max", "unit", "dimension", "qualifier",
                  "metric", "change", "modality", "period", "region")
if tuple(f.name for f in fields(Figure)) != _FIGURE_FIELDS:  # __call__ builds Figures positionally
    raise ImportError("LinkStage.__call__ is out of date with types.Figure's fields")


# (start, end) and time tuples read in C (no bytecode per item: hundreds per document)
_SPAN = attrgetter("start", "end")
_TIME_REL = attrgetter("start", "end", "value", "relative")
_TIME = itemgetter(0, 1, 2)
_TIME_SPAN = itemgetter(0, 1)


def _to_norm(norm: NormalizedText) -> Callable[[int], int]:
    """Original offset → normalised offset (identity unless lengths changed)."""
    offs = norm.offsets
    if offs is None:
        return lambda i: i
    return lambda i: bisect.bisect_left(offs, i)


class LinkStage:
    kind: ClassVar[str] = "link"
    # Times and places feed period and region, but they are read only when the
    # caller's configuration produced them (see docs/linking.md, "requires").
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config
        # Figure-only extraction is the fast path (≥ 10× jieba.lcut): linking costs
        # ≈ 8 µs a figure, as much as finding it (Config.link, docs/linking.md).
        self.attributes = config.links_figures
        self._cues: Lazy[tuple[MetricCues, PeriodCues, RegionCues]] = Lazy(
            lambda: (MetricCues.load(), PeriodCues.load(), RegionCues.load()))

    def __call__(self, state: DocState) -> None:
        hard = [*map(_SPAN, state.codes), *map(_SPAN, state.times)]
        names = [*map(_SPAN, state.organizations), *map(_SPAN, state.places)]
        people = list(map(_SPAN, itertools.chain.from_iterable(p.mentions for p in state.people)))
        names += people
        if people and state.places:
            state.places = places_outside_names(state.places, people)
        # (the figure stage's rows, or Figures a caller put there: figure/make.py)
        figures: Sequence[Figure | FigureRow] = drop_contained(state.figures, hard=hard, names=names)
        if not figures or not self.attributes:
            state.figures = list(map(to_figure, figures))
            return
        mcues, pcues, rcues = self._cues.get()
        norm = state.norm
        text = norm.text
        published = state.published or state.meta.published
        with_times = "times" in self.config.kinds or bool(state.times)
        if norm.offsets is None:  # the usual case: offsets are the same (no mapping per item)
            spans = list(map(_SPAN, figures))
            times_rel = list(map(_TIME_REL, state.times))
            places: list[PlaceLike] = list(state.places)  # (read as they are: no copy per place)
        else:
            n = _to_norm(norm)
            spans = [(n(f.start), n(f.end)) for f in figures]
            times_rel = [(n(t.start), n(t.end), t.value, t.relative) for t in state.times]
            places = [PlaceRef(n(p.start), n(p.end), p.name, p.level, p.parent, p.text, p.code)
                      for p in state.places]
        if not with_times:  # figures without the times stage: a one-regex stand-in for years
            times_rel = light_times(text, published)
        times = list(map(_TIME, times_rel))
        time_spans = list(map(_TIME_SPAN, times_rel))
        skip = [*time_spans, *map(_SPAN, places)]

        order = by_position(spans)  # (sorted once for metric, period and region)
        metrics = link_metrics(text, spans, mcues, skip, order=order)
        prof = profile(text, times, published, pcues)
        bounds, bounds_semi = sentence_bounds(text)
        periods = link_periods(text, spans, reanchor(text, times_rel, prof, pcues), pcues, prof, bounds,
                               order=order)
        default_region = document_region(text, places, prof.report, rcues)
        # a figure continues the one before when it measures the same thing
        # (即将再开通1500P after 已部署808P先进智能算力)
        continues = [False] * len(spans)
        for a, b in itertools.pairwise(order):
            continues[b] = metrics[b] is not None and metrics[b] == metrics[a]
        regions = link_regions(text, spans, places, rcues, default_region, time_spans, continues, bounds_semi,
                               order=order)

        out = []
        original = norm.original
        same = norm.offsets is None  # offsets index the original text as they are
        text_of = norm.original_text if not same else lambda s, e: original[s:e]
        report = prof.report
        for f, (s, _e), m, p, r in zip(figures, spans, metrics, periods, regions, strict=True):
            # the figure stage's row, read in one unpacking (a row's attributes are
            # read through a descriptor each); a Figure a caller put there, as a row
            (start, end, ftext, value, value_max, unit, dimension, qualifier, metric, change, modality,
             period, region) = f if type(f) is FigureRow else to_row(f)
            if not report and s and text[s - 1] in _CLOSING_QUOTES and summarises_quoted_list(text, s):
                p = r = None  # (a report's annotators give every figure its year and province)
            if metric is not None:
                pass  # (a stage that knows better keeps its value: so for period and region)
            elif same and m is not None and len(m) == 1 and not isinstance(m[0], str):
                metric = original[m[0][0]:m[0][1]]  # join(m, text_of) for the usual one span
            else:
                metric = join(m, text_of)
            # each Figure is built once, here (figure/make.py)
            out.append(Figure(start, end, ftext, value, value_max, unit, dimension, qualifier, metric,
                              change, modality, p if period is None else period,
                              r if region is None else region))
        state.figures = out
