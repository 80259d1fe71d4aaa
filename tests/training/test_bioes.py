from __future__ import annotations

import pytest

from cnpolicy_extract.model.bioes import decode, encode


@pytest.mark.parametrize("spans", [
    [],
    [(0, 3, "PERSON")],
    [(0, 1, "LOC"), (1, 3, "ORG"), (5, 9, "PERSON")],
    [(2, 3, "PERSON"), (3, 4, "PERSON")],  # adjacent one-char spans stay apart
])
def test_encode_decode_round_trip(spans: list[tuple[int, int, str]]) -> None:
    assert decode(encode(10, spans)) == spans


def test_overlapping_spans_keep_the_first() -> None:
    assert decode(encode(6, [(0, 4, "ORG"), (2, 3, "LOC")])) == [(0, 4, "ORG")]


def test_decode_is_lenient_with_invalid_sequences() -> None:
    # I without B opens a span; an unterminated span still ends at O; a label
    # change mid-span splits it
    tags = ["I-LOC", "E-LOC", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-LOC"]
    assert decode(tags) == [(0, 2, "LOC"), (3, 5, "ORG"), (6, 7, "PERSON"), (7, 8, "LOC")]
