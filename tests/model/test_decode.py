from __future__ import annotations

import numpy

from cnpolicy_extract.model.bioes import decode
from cnpolicy_extract.model.decode import BioesDecoder

LABELS = ("O", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "B-ORG", "I-ORG", "E-ORG", "S-ORG")


def _scores(rows: list[dict[str, float]]) -> numpy.ndarray:
    out = numpy.full((len(rows), len(LABELS)), -5.0, dtype="float32")
    for i, row in enumerate(rows):
        for tag, v in row.items():
            out[i, LABELS.index(tag)] = v
    return out


def test_invalid_argmax_becomes_the_best_valid_sequence() -> None:
    # argmax: B-LOC I-ORG I-ORG E-ORG (江苏加佳队-style label clash)
    scores = _scores([{"B-LOC": 2.0, "B-ORG": 1.9}, {"I-ORG": 3.0, "I-LOC": 1.0},
                      {"I-ORG": 3.0}, {"E-ORG": 3.0}, {"O": 3.0}])
    argmax = [LABELS[i] for i in scores.argmax(axis=1)]
    assert decode(argmax) != [(0, 4, "ORG")]
    dec = BioesDecoder(LABELS)
    assert dec.tags(scores) == ["B-ORG", "I-ORG", "I-ORG", "E-ORG", "O"]
    assert dec.spans(scores) == [(0, 4, "ORG")]


def test_valid_argmax_is_kept_and_outside_runs_untouched() -> None:
    scores = _scores([{"O": 1.0}, {"S-LOC": 2.0}, {"O": 1.0}, {"B-ORG": 2.0}, {"E-ORG": 2.0}])
    assert BioesDecoder(LABELS).spans(scores) == [(1, 2, "LOC"), (3, 5, "ORG")]


def test_empty_and_unterminated() -> None:
    dec = BioesDecoder(LABELS)
    assert dec.spans(numpy.zeros((0, len(LABELS)), dtype="float32")) == []
    # a lone B at the end cannot stay open: it becomes a single-char span
    assert dec.spans(_scores([{"O": 1.0}, {"B-LOC": 2.0, "S-LOC": 1.5}])) == [(1, 2, "LOC")]
