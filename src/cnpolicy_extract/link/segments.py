"""Sentence, clause and paragraph boundaries on the normalised text.

Everything here works on characters (no tokens): linking runs on every
document, including figure-only extraction, and must stay cheap.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

# Full-width punctuation is already half-width in the normalised text.
SENTENCE_END = frozenset("。！？!?\n")
CLAUSE_END = SENTENCE_END | frozenset(",;:；：，")
LIST_SEP = frozenset("、")
QUOTES = frozenset("“”‘’\"'「」『』")
OPEN_BRACKETS = frozenset("(（[【《")


def clause_start(text: str, pos: int, floor: int = 0, *, list_items: bool = True, limit: int = 60) -> int:
    """Start of the clause ending at ``pos`` (a 、 also ends one when ``list_items``)."""
    lo = max(floor, pos - limit, 0)
    i = pos - 1
    while i >= lo:
        c = text[i]
        if c in CLAUSE_END or (list_items and c in LIST_SEP):
            return i + 1
        if c == "—" and i > 0 and text[i - 1] == "—":  # a dash pair ends a clause
            return i + 1
        i -= 1
    return lo


def clause_end(text: str, pos: int, *, limit: int = 60) -> int:
    """End of the clause starting at or before ``pos`` (a 、 does not end it)."""
    hi = min(len(text), pos + limit)
    i = pos
    while i < hi:
        c = text[i]
        if c in CLAUSE_END or (c == "—" and i + 1 < len(text) and text[i + 1] == "—"):
            return i
        i += 1
    return hi


class Boundaries:
    """Sorted sentence and paragraph starts of one text, for O(log n) look-ups."""

    __slots__ = ("_para", "_sent", "n")

    def __init__(self, text: str, *, sentence_end: frozenset[str] = SENTENCE_END) -> None:
        self.n = len(text)
        self._sent = [0] + [i + 1 for i, c in enumerate(text) if c in sentence_end]
        self._para = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    @staticmethod
    def _around(starts: Sequence[int], pos: int, n: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, pos) - 1
        s = starts[max(k, 0)]
        e = starts[k + 1] if k + 1 < len(starts) else n
        return s, e

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._around(self._sent, pos, self.n)

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self._around(self._para, pos, self.n)

    def paragraphs(self) -> list[tuple[int, int]]:
        return [(s, self._around(self._para, s, self.n)[1]) for s in self._para]
