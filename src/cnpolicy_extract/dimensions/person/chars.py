"""Character classes of a text, from one table lookup per character.

Where a name may start is a question about single characters: a surname
character after punctuation or 、, three characters closed by punctuation
(where a known name may stand), runs of transliteration characters. One
numpy gather over the text's code points classifies every character; a few
whole-array operations then give the positions, and the rules look only at
those. (Regex scans stop at every surname character, some 12% of policy
text; an automaton of all 45,000 known names is slow through its size.)
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
import regex

Classes = npt.NDArray[np.uint8]
CodePoints = npt.NDArray[np.uint32]

# Class bits of one character (each test below shifts its bit to bit 0).
SURNAME = 1  # the first character of a surname
CUE = 2  # a name may follow: not [一-鿿0-9A-Za-z] (punctuation), or a one-character left cue (、 和 由)
HAN = 4  # U+4E00–U+9FFF
CLOSER = 8  # may close a name: not [一-鿿0-9A-Za-z], or the first character of an after-name word
TRANSLIT = 16  # used in transliterated foreign names (克 林 顿)
# an after-name word or punctuation may start here (``names._right_cue``):
# not Han and not alphanumeric (in Unicode's sense: str.isalnum), or the
# first character of an after-name word; all beyond the BMP (U+FFFF)
RIGHT = 32
_LAST = 0xFFFF  # the table covers the Basic Multilingual Plane; U+FFFF stands for all beyond it
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_END = "\x00"  # appended to the text: not Han, not alphanumeric, so it closes a name


def table(surname_firsts: Iterable[str], single_cues: Iterable[str], after_first: Iterable[str],
          translit: Iterable[str]) -> Classes:
    """Class bits of every BMP character (built once per stage). Characters
    beyond the BMP are punctuation-like (CUE, CLOSER), as U+FFFF."""
    after_first = tuple(after_first)
    t = np.full(_LAST + 1, CUE | CLOSER, dtype=np.uint8)
    t[0x4E00:0xA000] = HAN
    t[[ord(c) for c in _ALNUM]] = 0
    t[_not_han_nor_alnum()] |= RIGHT
    t[_LAST] |= RIGHT
    for chars, bit in ((surname_firsts, SURNAME), (single_cues, CUE), (after_first, CLOSER | RIGHT),
                       (translit, TRANSLIT)):
        for c in chars:
            if ord(c) >= _LAST:
                raise ValueError(f"{c!r}: the class table covers U+0000–U+FFFE only")
            t[ord(c)] |= bit
    return t


def _not_han_nor_alnum() -> npt.NDArray[np.bool_]:
    """For each BMP character: neither Han (\\p{Han}) nor alphanumeric."""
    bmp = "".join(map(chr, range(_LAST + 1)))
    out = np.array([not c.isalnum() for c in bmp], dtype=np.bool_)
    for m in regex.finditer(r"\p{Han}+", bmp):
        out[m.start():m.end()] = False
    return out


def code_points(text: str) -> CodePoints:
    """The code points of ``text`` and one more, the end marker: one array
    serves every numpy pass over the text (``classify``,
    ``lexicon.WordIndex.starts``)."""
    return np.frombuffer((text + _END).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def classify(text: str, tab: Classes, blocked: bytes | bytearray = b"",
             cp: CodePoints | None = None) -> Classes:
    """Class bits of each character of ``text`` and one more for the end of
    the text (a ``CLOSER``). ``blocked``: one byte per character, 1 where a
    span is taken; no name starts there (its ``SURNAME`` bit is cleared).
    ``cp``: ``code_points(text)``, when the caller has it."""
    cls = tab.take(code_points(text) if cp is None else cp, mode="clip")
    if blocked:
        cls[:len(text)] &= ~np.frombuffer(blocked, dtype=np.uint8, count=len(text))  # 1 → clears SURNAME
    return cls


def cued_surnames(cls: Classes) -> list[int]:
    """Positions of surname characters at the start of the text or right
    after a ``CUE`` character."""
    n = len(cls) - 1
    hit = (cls[:n - 1] >> 1) & cls[1:n]  # bit 0: CUE before, SURNAME here
    hit &= SURNAME
    out: list[int] = (_ones(hit) + 1).tolist()
    if n and cls[0] & SURNAME:
        out.insert(0, 0)
    return out


def closable_triples(cls: Classes) -> list[int]:
    """Starts of three characters that may be a known name closed by what
    follows: a surname character, two ``HAN`` characters, then a ``CLOSER``
    (or the end of the text)."""
    n = len(cls) - 1
    if n < 3:
        return []
    hit = (cls[1:n - 1] & cls[2:n]) >> 2  # bit 0: HAN, HAN
    hit &= cls[:n - 2]  # SURNAME before them
    hit &= cls[3:n + 1] >> 3  # CLOSER after
    hit &= 1
    return _ones(hit).tolist()  # type: ignore[no-any-return]


def translit_runs(cls: Classes, min_len: int = 3) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of at least ``min_len`` (≥ 2)
    transliteration characters."""
    t = (cls >> 4) & 1  # TRANSLIT; never the end marker
    inner = t[:-1] & t[1:]  # two in a row
    starts = _ones(inner).tolist()
    if len(starts) < min_len - 1:
        return []
    runs: list[tuple[int, int]] = []
    for k in starts:  # pairs (k, k + 1); a run of L characters holds L - 1 of them
        if runs and runs[-1][1] == k + 1:
            runs[-1] = (runs[-1][0], k + 2)
        else:
            runs.append((k, k + 2))
    return [(s, e) for s, e in runs if e - s >= min_len]


def _ones(bits: npt.NDArray[Any]) -> npt.NDArray[np.intp]:
    """Indices of the ones in an array of 0/1 (read as booleans: numpy's
    nonzero is several times faster on those)."""
    return bits.view(np.bool_).nonzero()[0]
