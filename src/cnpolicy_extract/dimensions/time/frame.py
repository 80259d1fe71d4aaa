"""The year a document reports on when its title names it: a statistical
communiqué (``2024年国民经济和社会发展统计公报``, published in February
2025) reports 2024. Its relative words resolve against that year, not the
publication year (全年 → 2024, 上年 → 2023), and its figures belong to it.

Only the title line counts (the first non-empty line, at most
``_TITLE_MAX`` characters and no sentence punctuation): a news story that
cites a communiqué is not one. The title words are data (``time_year_titles.tsv``).
"""
from __future__ import annotations

import re
from collections.abc import Collection

from ...resources import read_tsv

_TITLE_MAX = 60
_SENTENCE = re.compile(r"[，。；,;]")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def title_words() -> frozenset[str]:
    """The words that mark a report on one year (统计公报, …)."""
    return frozenset(r["word"] for r in read_tsv("time_year_titles.tsv"))


def reported_year(text: str, words: Collection[str]) -> int | None:
    """The year named on the title line of a report on one year, else None."""
    title = _title(text)
    if title is None or not any(w in title for w in words):
        return None
    m = _TITLE_YEAR.search(title)
    return int(m.group(1)) if m else None


def _title(text: str) -> str | None:
    k, n = 0, len(text)
    while k < n and text[k].isspace():  # (a cheap loop: usually no step)
        k += 1
    e = text.find("\n", k, k + _TITLE_MAX + 2)
    line = (text[k:e] if e >= 0 else text[k:k + _TITLE_MAX + 2]).strip()
    return line if line and len(line) <= _TITLE_MAX and not _SENTENCE.search(line) else None
