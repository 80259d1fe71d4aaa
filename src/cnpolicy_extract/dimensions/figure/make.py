"""Building ``Figure`` objects, a few dozen per document.

``Figure`` is a frozen slotted dataclass: its generated ``__init__`` sets each
of its 13 fields through ``object.__setattr__`` (≈1.3 µs a figure, a tenth of
what the whole stage spends on one). ``figure_maker`` sets the slots through
their descriptors instead (≈0.5 µs): the object is the same — a ``Figure``,
equal to the one the constructor builds, and just as frozen afterwards. It
falls back to the constructor if ``Figure`` ever stops being the plain slotted
dataclass with the fields below (tests/dimensions/figure/test_figure_make.py).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ...types import Figure

#: the fields ``figure_maker`` knows, in ``Figure``'s order
FIELDS = ("start", "end", "text", "value", "value_max", "unit", "dimension", "qualifier",
          "metric", "change", "modality", "period", "region")

#: (start, end, text, value, value_max, unit, dimension, qualifier, change, modality) → Figure;
#: metric, period and region take their defaults (the link stage fills them)
Maker = Callable[[int, int, str, float, "float | None", "str | None", str, str, "str | None", str], Figure]


def _by_constructor(start: int, end: int, text: str, value: float, value_max: float | None,
                    unit: str | None, dimension: str, qualifier: str, change: str | None,
                    modality: str) -> Figure:
    return Figure(start=start, end=end, text=text, value=value, value_max=value_max, unit=unit,
                  dimension=dimension, qualifier=qualifier, change=change, modality=modality)


def figure_maker() -> Maker:
    fields = dataclasses.fields(Figure)
    plain = (
        tuple(f.name for f in fields) == FIELDS
        and "__slots__" in Figure.__dict__
        and not hasattr(Figure, "__post_init__")
        and all(f.default is not dataclasses.MISSING or f.name in FIELDS[:4] for f in fields)
        and all(f.default_factory is dataclasses.MISSING for f in fields)
    )
    if not plain:
        return _by_constructor
    sets: list[Any] = [Figure.__dict__[name].__set__ for name in FIELDS]
    (s_start, s_end, s_text, s_value, s_vmax, s_unit, s_dim, s_qual, s_metric, s_change, s_mod,
     s_period, s_region) = sets
    default = {f.name: f.default for f in fields}
    metric, period, region = default["metric"], default["period"], default["region"]
    new = object.__new__

    def make(start: int, end: int, text: str, value: float, value_max: float | None,
             unit: str | None, dimension: str, qualifier: str, change: str | None,
             modality: str) -> Figure:
        f: Figure = new(Figure)
        s_start(f, start)
        s_end(f, end)
        s_text(f, text)
        s_value(f, value)
        s_vmax(f, value_max)
        s_unit(f, unit)
        s_dim(f, dimension)
        s_qual(f, qualifier)
        s_metric(f, metric)
        s_change(f, change)
        s_mod(f, modality)
        s_period(f, period)
        s_region(f, region)
        return f

    return make
