"""figure.make builds Figures without the dataclass constructor: the result
must be indistinguishable from the constructor's, and still frozen."""
from __future__ import annotations

import dataclasses

import pytest

from cnpolicy_extract.dimensions.figure.make import FIELDS, _by_constructor, figure_maker
from cnpolicy_extract.types import Figure

_ARGS = [
    (3, 7, "10亿元", 1e9, None, "CNY", "currency", "exact", "increase", "target"),
    (0, 4, "3至5个", 3.0, 5.0, "个", "count", "approx", None, "actual"),
    (12, 14, "两大", 2.0, None, None, "count", "exact", None, "forecast"),
]


def test_knows_the_figure_fields() -> None:
    # if this fails, Figure changed: update FIELDS and figure_maker (the maker
    # has already fallen back to the constructor, so output stays right)
    assert tuple(f.name for f in dataclasses.fields(Figure)) == FIELDS
    assert figure_maker() is not _by_constructor


@pytest.mark.parametrize("args", _ARGS)
def test_same_as_constructor(args: tuple) -> None:
    made = figure_maker()(*args)
    built = _by_constructor(*args)
    assert type(made) is Figure
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert made.to_dict() == built.to_dict()
    assert dataclasses.replace(made, metric="GDP") == dataclasses.replace(built, metric="GDP")


def test_still_frozen() -> None:
    made = figure_maker()(*_ARGS[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = 2.0  # type: ignore[misc]
