"""What the figure stage hands on: ``FigureRow``, a figure before linking.

A frozen slotted ``Figure`` costs 13 slot-descriptor calls to build (≈0.7 µs,
as much as reading its number and unit), and the link stage, which always
runs last, builds every figure anew to set its metric, period and region. So
the figure stage puts rows in ``state.figures`` — a tuple with ``Figure``'s
fields in ``Figure``'s order (≈0.1 µs) — and each ``Figure`` is built once,
by the link stage (``Figure(*row)`` gives the same object the constructor
would). Only the stages in between see rows, and read nothing but ``start``,
``end`` and ``unit`` (overlaps; the model stage). The link stage reads a row
in one unpacking: a row's attributes are read through a descriptor each,
which the interpreter does not specialise as it does a slot's.
"""
from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from ...types import Figure


class FigureRow(NamedTuple):
    """``Figure``'s fields, in its order (tests/dimensions/figure/test_figure_make.py)."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str | None
    dimension: str
    qualifier: str
    metric: str | None
    change: str | None
    modality: str
    period: str | None
    region: str | None


_new = tuple.__new__  # the NamedTuple's generated __new__ is a Python call: skip it


def figure_row(start: int, end: int, text: str, value: float, value_max: float | None,
               unit: str | None, dimension: str, qualifier: str, change: str | None,
               modality: str) -> FigureRow:
    """A row with metric, period and region left to the link stage."""
    return _new(FigureRow, (start, end, text, value, value_max, unit, dimension, qualifier,
                            None, change, modality, None, None))


_fields_of = attrgetter(*FigureRow._fields)


def to_row(f: Figure | FigureRow) -> FigureRow:
    """The row of a ``Figure`` (a row is returned as it is)."""
    if isinstance(f, FigureRow):
        return f
    row: FigureRow = _new(FigureRow, _fields_of(f))
    return row


def to_figure(row: FigureRow | Figure) -> Figure:
    """The ``Figure`` of a row (a ``Figure`` is returned as it is)."""
    if isinstance(row, Figure):
        return row
    return Figure(*row)
