"""Every occurrence of every gazetteer name in a text, overlapping ones too.

A vectorised filter over the text's character bigrams, then an exact dict
lookup for what survives. Per document: (1) the bigram at each position is
hashed and looked up in a table of the name lengths that start with a
bigram of that hash; (2) every (start, length) pair so found is kept if the
bigram at its end ends a name of that length (a second table); (3) the text
of each pair left is looked up in the dict of names (on the seed article
≈2,600 positions → ≈260 with a length → ≈560 pairs → ≈110 lookups → 72
names).

Why not the Aho-Corasick automaton the stage used before: its 58,000 keys
make a trie of ≈216,000 nodes whose children are scanned linearly and that
is walked node by node for every byte of the text. Run in the pipeline, after
other stages have filled the caches, that walk misses the cache at nearly
every step (measured on the seed article: ≈500 µs cold against ≈90 µs in
a warm loop). Here a handful of numpy passes over the text gather from two
tables, misses overlapping, and Python touches only the ≈110 survivors
(≈250-300 µs less per seed pass in the pipeline).

The filters only drop pairs that cannot be a name (every name sets the bits
it is looked up by), and the dict decides, so the result is exact.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

V = TypeVar("V")

_HASH_BITS = 20  # 2^20 slots (4 MB a table): few collisions among ≈24,000 bigrams
_NO_NAME = 1 << _HASH_BITS  # a slot past the hashes: no name starts or ends there
_MULT = 0x9E3779B1
_MAX_LEN = 31  # lengths are bits of a uint32

_Ints = npt.NDArray[np.intp]
A = TypeVar("A", bound=npt.NDArray[np.generic])


def _bigram_hash(c0: int, c1: int) -> int:
    """The hash ``NameIndex.find`` computes over a text's code points."""
    return ((c0 * _MULT) ^ c1) & (_NO_NAME - 1)


def _readonly(a: A) -> A:
    a.flags.writeable = False  # a built stage never changes
    return a


@dataclass(frozen=True, slots=True)
class NameIndex(Generic[V]):
    names: dict[str, V]
    starts: npt.NDArray[np.uint32]  # bigram hash → bit L set: a name of length L starts so
    ends: npt.NDArray[np.uint32]  # bigram hash → bit L set: a name of length L ends so

    @classmethod
    def build(cls, names: dict[str, V]) -> NameIndex[V]:
        bad = [n for n in names if not 2 <= len(n) <= _MAX_LEN]
        if bad:
            raise ValueError(f"names must have 2 to {_MAX_LEN} characters: {bad[:5]}")
        # little-endian whatever the machine: ``find`` reads the masks byte by byte
        starts = np.zeros(_NO_NAME + 1, dtype="<u4")
        ends = np.zeros(_NO_NAME + 1, dtype="<u4")
        for n in names:
            starts[_bigram_hash(ord(n[0]), ord(n[1]))] |= 1 << len(n)
            ends[_bigram_hash(ord(n[-2]), ord(n[-1]))] |= 1 << len(n)
        return cls(names, _readonly(starts), _readonly(ends))

    def find(self, text: str) -> list[tuple[int, int, V]]:
        """(start, end, value) of every name in ``text``, by start, then length."""
        n = len(text)
        if n < 2:
            return []
        # One code point per character (UTF-32): array index = text index.
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.intp)
        # The hash of the bigram at each position; past the last one, _NO_NAME,
        # so that a length running off the text needs no test of its own.
        h = np.full(n + _MAX_LEN, _NO_NAME, dtype=np.intp)
        np.bitwise_and(np.bitwise_xor(cp[:-1] * _MULT, cp[1:]), _NO_NAME - 1, out=h[:n - 1])
        masks = self.starts.take(h[:n - 1])
        # nonzero() over booleans: several times faster than over uint32 or
        # uint8 (unpackbits gives 0 or 1, so a view as bool reads the same)
        pos = (masks != 0).nonzero()[0]
        # Every length bit of each candidate → (start, length) pairs.
        bits = np.unpackbits(masks.take(pos).view(np.uint8), bitorder="little")
        flat = bits.view(np.bool_).nonzero()[0]
        start = pos.take(flat >> 5)
        size = flat & 31
        end = start + size
        # Keep the pairs whose last bigram ends a name of that length.
        keep = np.flatnonzero((self.ends.take(h.take(end - 2)) >> size) & 1)
        get = self.names.get
        out: list[tuple[int, int, V]] = []
        for s, e in zip(start.take(keep).tolist(), end.take(keep).tolist(), strict=True):
            v = get(text[s:e])
            if v is not None:
                out.append((s, e, v))
        return out
