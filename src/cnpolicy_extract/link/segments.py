"""Sentence, clause and paragraph boundaries on the normalised text.

Everything here works on characters (no tokens): linking runs on every
document, including figure-only extraction, and must stay cheap.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

# Full-width punctuation is already half-width in the normalised text.
SENTENCE_END = frozenset("。！？!?\n")
CLAUSE_END = SENTENCE_END | frozenset(",;:；：，")
LIST_SEP = frozenset("、")
QUOTES = frozenset("“”‘’\"'「」『』")
OPEN_BRACKETS = frozenset("(（[【《")


_B = ",;:；：，。！？!?\n"
# greedy: the match ends right after the last boundary of the window
_LAST_CLAUSE_END = re.compile(rf"(?s).*(?:[{_B}]|——)")
_LAST_ITEM_END = re.compile(rf"(?s).*(?:[{_B}、]|——)")
_NEXT_CLAUSE_END = re.compile(rf"[{_B}]|——")
_SENTENCE_END_RE = re.compile("[。！？!?\n]")


def by_position(spans: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of ``spans`` sorted by span (computed once per document by the stage)."""
    return sorted(range(len(spans)), key=spans.__getitem__)


def clause_start(text: str, pos: int, floor: int = 0, *, list_items: bool = True, limit: int = 60) -> int:
    """Start of the clause ending at ``pos`` (a 、 also ends one when ``list_items``)."""
    lo = pos - limit  # max(floor, pos - limit, 0) without a call: this runs for every figure
    if lo < floor:
        lo = floor
    if lo < 0:
        lo = 0
    m = (_LAST_ITEM_END if list_items else _LAST_CLAUSE_END).match(text, lo, pos)
    return m.end() if m else lo


def clause_end(text: str, pos: int, *, limit: int = 60) -> int:
    """End of the clause starting at or before ``pos`` (a 、 does not end it)."""
    hi = min(len(text), pos + limit)
    m = _NEXT_CLAUSE_END.search(text, pos, hi)
    return m.start() if m else hi


def crosses_sentence(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends inside [start, end)."""
    return _SENTENCE_END_RE.search(text, start, end) is not None


class Boundaries:
    """Sorted sentence and paragraph starts of one text, for O(log n) look-ups."""

    __slots__ = ("_para", "_sent", "n")

    def __init__(self, text: str, *, sentence_end: frozenset[str] = SENTENCE_END,
                 starts: tuple[list[int], list[int]] | None = None) -> None:
        """``starts``: the sentence and paragraph starts when already found
        (``sentence_bounds``); else they are found here."""
        self.n = len(text)
        if starts is not None:
            self._sent, self._para = starts
            return
        ends = re.compile("[" + re.escape("".join(sorted(sentence_end))) + "]")
        self._sent = [0] + [m.end() for m in ends.finditer(text)]
        self._para = [0] + [m.end() for m in re.finditer("\n", text)]

    @staticmethod
    def _around(starts: Sequence[int], pos: int, n: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, pos) - 1
        s = starts[max(k, 0)]
        e = starts[k + 1] if k + 1 < len(starts) else n
        return s, e

    def sentence_start(self, pos: int) -> int:
        """``sentence(pos)[0]``, with one call."""
        return self._sent[max(bisect.bisect_right(self._sent, pos) - 1, 0)]

    def sentence(self, pos: int) -> tuple[int, int]:
        starts = self._sent  # (_around inline: this runs for every figure)
        k = bisect.bisect_right(starts, pos) - 1
        return starts[max(k, 0)], (starts[k + 1] if k + 1 < len(starts) else self.n)

    def sentences(self, positions: Iterable[int]) -> list[tuple[int, int]]:
        """``sentence(pos)`` of each position, in one call (no method call per figure)."""
        starts, n = self._sent, self.n
        last = len(starts)
        ks = [bisect.bisect_right(starts, p, 1) for p in positions]  # ≥ 1: starts[0] is 0
        return [(starts[k - 1], starts[k] if k < last else n) for k in ks]

    def sentence_starts(self, positions: Iterable[int]) -> list[int]:
        """``sentence_start(pos)`` of each position, in one call."""
        starts = self._sent
        return [starts[bisect.bisect_right(starts, p, 1) - 1] for p in positions]

    def paragraph(self, pos: int) -> tuple[int, int]:
        starts = self._para
        k = bisect.bisect_right(starts, pos) - 1
        return starts[max(k, 0)], (starts[k + 1] if k + 1 < len(starts) else self.n)

    def paragraphs(self) -> list[tuple[int, int]]:
        return [(s, self._around(self._para, s, self.n)[1]) for s in self._para]


SEMICOLON_SENTENCE_END = SENTENCE_END | frozenset(";；")
_STOPS = "".join(sorted(SENTENCE_END - {"\n"}))  # 。！？…: end a sentence, not a paragraph
_SEMICOLONS = "".join(sorted(SEMICOLON_SENTENCE_END - SENTENCE_END))


def _ends(text: str, chars: str) -> list[int]:
    """Offsets right after each occurrence of ``chars`` in ``text``, ascending
    (``str.find`` per character: faster than a regex scan building a match per hit)."""
    ends: list[int] = []
    find = text.find
    for c in chars:
        i = find(c)
        while i >= 0:
            ends.append(i + 1)
            i = find(c, i + 1)
    ends.sort()
    return ends


def sentence_bounds(text: str) -> tuple[Boundaries, Boundaries]:
    """``(Boundaries(text), Boundaries(text, sentence_end=SEMICOLON_SENTENCE_END))``
    from one search per end character (period and region linking each need one)."""
    newlines = _ends(text, "\n")
    plain_ends = sorted(newlines + _ends(text, _STOPS))
    para = [0, *newlines]
    plain = Boundaries(text, starts=([0, *plain_ends], para))
    semi = Boundaries(text, starts=([0, *sorted(plain_ends + _ends(text, _SEMICOLONS))], para))
    return plain, semi
