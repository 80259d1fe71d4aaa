"""Feature keys of the linear (CRF) entity tagger, computed with numpy.

Each character gets one int64 key per template (its characters around it,
their classes, what the lexicon says about the words starting and ending
there). Training hands the keys to CRFsuite as strings; prediction looks
the same keys up in the exported weight table — one function computes them
for both, so what the model saw in training is what it sees in use.

A key is ``template << 56 | payload``; payloads of one or two characters are
exact, longer ones are hashed (collisions at 2⁻⁵⁶ do not matter here).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy

from .lexicon import Lexicon

_PAD = 3  # context on each side
_BOS, _EOS = 0x110001, 0x110002  # beyond Unicode: outside the text
_SHIFT = 56
_MASK = (1 << _SHIFT) - 1
_C21 = 1 << 21

# character classes: a feature of their own (digits, Latin, CJK, punctuation …)
_CLASS_RANGES: tuple[tuple[int, int, int], ...] = (
    (0x30, 0x39, 1),   # ASCII digits
    (0x41, 0x5A, 2), (0x61, 0x7A, 2),  # Latin
    (0x4E00, 0x9FFF, 3), (0x3400, 0x4DBF, 3),  # CJK
    (0x3000, 0x303F, 4), (0xFF00, 0xFFEF, 4), (0x21, 0x2F, 4), (0x3A, 0x40, 4),
    (0x5B, 0x60, 4), (0x7B, 0x7E, 4), (0x2010, 0x206F, 4),  # punctuation
)
_CN_DIGITS = "〇零一二三四五六七八九十百千万亿两"
_CLASS_TABLE = numpy.zeros(0x110003, dtype=numpy.int8)
for _lo, _hi, _c in _CLASS_RANGES:
    _CLASS_TABLE[_lo:_hi + 1] = _c
for _ch in _CN_DIGITS:
    _CLASS_TABLE[ord(_ch)] = 5  # Chinese numerals
_CLASS_TABLE[_BOS] = 6
_CLASS_TABLE[_EOS] = 7
_CLASS_TABLE.setflags(write=False)

#: (name, offsets) of the character templates, in key order
CHAR_TEMPLATES: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("c0", (0,)), ("c-1", (-1,)), ("c1", (1,)), ("c-2", (-2,)), ("c2", (2,)),
    ("c-1c0", (-1, 0)), ("c0c1", (0, 1)), ("c-2c-1", (-2, -1)), ("c1c2", (1, 2)),
    ("c-1c1", (-1, 1)), ("c-1c0c1", (-1, 0, 1)), ("c-2c-1c0", (-2, -1, 0)), ("c0c1c2", (0, 1, 2)),
)
N_CHAR = len(CHAR_TEMPLATES)
#: class trigram, bias, then the lexicon's templates
T_CLASS = N_CHAR
T_BIAS = N_CHAR + 1
T_LEX = N_CHAR + 2
#: optional wider context (``wide=True``), after the lexicon's templates
WIDE_TEMPLATES: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("c-3", (-3,)), ("c3", (3,)), ("c-3c-2", (-3, -2)), ("c2c3", (2, 3)),
)
T_WIDE = T_LEX + 8


def codepoints(text: str) -> numpy.ndarray:
    """Code points of ``text`` with ``_PAD`` sentinels on each side."""
    cps = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32).astype(numpy.int64)
    return numpy.concatenate((numpy.full(_PAD, _BOS, numpy.int64), cps, numpy.full(_PAD, _EOS, numpy.int64)))


def _mix(cols: Sequence[numpy.ndarray]) -> numpy.ndarray:
    if len(cols) == 1:
        return cols[0]
    if len(cols) == 2:
        mixed: numpy.ndarray = cols[0] * _C21 + cols[1]
        return mixed
    h = numpy.zeros_like(cols[0], dtype=numpy.uint64)
    with numpy.errstate(over="ignore"):
        for c in cols:
            h = (h ^ c.astype(numpy.uint64)) * numpy.uint64(0x100000001B3)
    return (h & numpy.uint64(_MASK)).astype(numpy.int64)


def _context(cps: numpy.ndarray, n: int) -> dict[int, numpy.ndarray]:
    """Code points at each offset around every character, line breaks acting
    as text edges: each line looks the way a paragraph looked in training."""
    out = {0: cps[_PAD:_PAD + n]}
    nl = cps == 0x0A
    if not nl.any():
        for o in range(-_PAD, _PAD + 1):
            out[o] = cps[_PAD + o:_PAD + o + n]
        return out
    line = numpy.cumsum(nl)
    here = line[_PAD:_PAD + n]
    for o in range(-_PAD, _PAD + 1):
        if o == 0:
            continue
        j = slice(_PAD + o, _PAD + o + n)
        cut = (line[j] != here) | nl[j]
        out[o] = numpy.where(cut, _BOS if o < 0 else _EOS, cps[j])
    return out


def keys(text: str, lexicon: Lexicon | None = None, wide: bool = False) -> numpy.ndarray:
    """``(len(text), n_templates)`` int64 feature keys for ``text``
    (already width-normalised)."""
    n = len(text)
    ctx = _context(codepoints(text), n)
    cols: list[numpy.ndarray] = []
    for t, (_, offs) in enumerate(CHAR_TEMPLATES):
        cols.append((t << _SHIFT) | _mix([ctx[o] for o in offs]))
    cls = {o: _CLASS_TABLE[c].astype(numpy.int64) for o, c in ctx.items() if abs(o) <= 1}
    cols.append((T_CLASS << _SHIFT) | (cls[-1] * 64 + cls[0] * 8 + cls[1]))
    cols.append(numpy.full(n, T_BIAS << _SHIFT, numpy.int64))
    if lexicon is not None:
        for j, col in enumerate(lexicon.columns(text)):
            cols.append(((T_LEX + j) << _SHIFT) | col)
    if wide:
        for t, (_, offs) in enumerate(WIDE_TEMPLATES, start=T_WIDE):
            cols.append((t << _SHIFT) | _mix([ctx[o] for o in offs]))
    return numpy.stack(cols, axis=1) if cols else numpy.zeros((n, 0), numpy.int64)
