"""Normalisation for matching, with a map back to the caller's offsets.

Rules match on ``NormalizedText.text``; every reported span goes through
``to_original`` so offsets always index the original string.
"""
from __future__ import annotations

from dataclasses import dataclass

# Full-width ASCII (U+FF01..U+FF5E) → ASCII, ideographic space → space.
# One character for one, so the map is the identity unless a later
# conversion (e.g. Traditional → Simplified) changes lengths.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
_WIDTH[0x00A0] = 0x20  # no-break space
_WIDTH[0xFF0E] = 0x2E  # ．


@dataclass(frozen=True, slots=True)
class NormalizedText:
    original: str
    text: str
    # offsets[i] = index in `original` of normalised char i (len(text)+1 entries);
    # None means the identity map (same length, one char for one).
    offsets: tuple[int, ...] | None = None

    def to_original(self, i: int) -> int:
        if self.offsets is None:
            return i
        return self.offsets[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised [start, end) → original [start, end)."""
        return self.to_original(start), self.to_original(end)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


def normalize(text: str) -> NormalizedText:
    """Width-normalise ``text`` (full-width digits, letters, punctuation, spaces)."""
    return NormalizedText(text, text.translate(_WIDTH))


def halfwidth(text: str) -> str:
    """The width-normalised form of a string (for vocabulary and codes)."""
    return text.translate(_WIDTH)
