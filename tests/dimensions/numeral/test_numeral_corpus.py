"""Every numeral corpus entry: each surface form parses to its value (one test)."""
from __future__ import annotations

import math

import pytest

from cnpolicy_extract.dimensions.numeral import parse_numeral
from cnpolicy_extract.dimensions.numeral.corpus import NEGATIVE, POSITIVE

_CASES = [(form, e) for e in POSITIVE for form in e.forms]


@pytest.mark.parametrize(("form", "expected"), _CASES, ids=[c[0] for c in _CASES])
def test_positive(form: str, expected) -> None:
    got = parse_numeral(form)
    assert got is not None, form
    assert math.isclose(got.value, expected.value, rel_tol=1e-9)
    if expected.value_max is None:
        assert got.value_max is None
    else:
        assert got.value_max is not None and math.isclose(got.value_max, expected.value_max, rel_tol=1e-9)
    assert got.qualifier == expected.qualifier


@pytest.mark.parametrize("form", NEGATIVE)
def test_negative(form: str) -> None:
    assert parse_numeral(form) is None
