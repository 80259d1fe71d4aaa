"""Every figure corpus entry (one parametrised test): the phrase gives exactly
one figure, on the bracketed span, with the expected value, unit, dimension,
range and qualifier; negatives give no figure."""
from __future__ import annotations

import math

import pytest

import cnpolicy_extract as ce
from cnpolicy_extract.dimensions.figure.corpus import NEGATIVE, POSITIVE, Example

_EX = ce.Extractor(ce.Config(kinds={"figures"}))
_CASES = [(form, e) for e in POSITIVE for form in e.forms]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6)


@pytest.mark.parametrize(("form", "expected"), _CASES, ids=[c[0] for c in _CASES])
def test_positive(form: str, expected: Example) -> None:
    start = form.index("[")
    end = form.index("]") - 1
    text = form.replace("[", "").replace("]", "")
    figs = _EX.extract(text).figures
    assert len(figs) == 1, [f.text for f in figs]
    f = figs[0]
    assert (f.start, f.end, f.text) == (start, end, text[start:end])
    assert _close(f.value, expected.value), f.value
    assert _close(f.value_max, expected.value_max), f.value_max
    assert (f.unit, f.dimension, f.qualifier) == (expected.unit, expected.dimension, expected.qualifier)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert [f.text for f in _EX.extract(text).figures] == []
