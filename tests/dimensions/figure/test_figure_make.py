"""figure.make: the figure stage hands on rows, and the link stage builds each
Figure once from one. A row must carry Figure's fields in Figure's order, so
that ``Figure(*row)`` is the Figure the constructor builds."""
from __future__ import annotations

import dataclasses

import pytest

from cnpolicy_extract.dimensions.figure.make import FigureRow, figure_row, to_figure, to_row
from cnpolicy_extract.types import Figure

_ARGS = [
    (3, 7, "10亿元", 1e9, None, "CNY", "currency", "exact", "increase", "target"),
    (0, 4, "3至5个", 3.0, 5.0, "个", "count", "approx", None, "actual"),
    (12, 14, "两大", 2.0, None, None, "count", "exact", None, "forecast"),
]


def test_row_has_the_figure_fields_in_order() -> None:
    # if this fails, Figure changed: update FigureRow
    assert FigureRow._fields == tuple(f.name for f in dataclasses.fields(Figure))


@pytest.mark.parametrize("args", _ARGS)
def test_row_gives_the_constructors_figure(args: tuple) -> None:
    start, end, text, value, vmax, unit, dim, qual, change, modality = args
    built = Figure(start=start, end=end, text=text, value=value, value_max=vmax, unit=unit,
                   dimension=dim, qualifier=qual, change=change, modality=modality)
    row = figure_row(*args)
    made = to_figure(row)
    assert type(made) is Figure
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert made.to_dict() == built.to_dict()
    # metric, period and region are left to the link stage
    assert (row.metric, row.period, row.region) == (None, None, None)


def test_a_row_is_not_a_figure() -> None:
    # the row only stands in between the stages: it is a tuple, never equal to a Figure
    row = figure_row(*_ARGS[0])
    assert type(row) is FigureRow and row != to_figure(row)


def test_to_figure_keeps_a_figure() -> None:
    f = Figure(1, 3, "5个", 5.0, unit="个", dimension="count", metric="项目")
    assert to_figure(f) is f


def test_to_row_reads_a_figure_into_its_row() -> None:
    f = Figure(1, 3, "5个", 5.0, unit="个", dimension="count", metric="项目", region="浙江省")
    row = to_row(f)
    assert type(row) is FigureRow and to_figure(row) == f
    assert (row.metric, row.period, row.region) == ("项目", None, "浙江省")
    made = figure_row(*_ARGS[1])
    assert to_row(made) is made  # a row is not copied
