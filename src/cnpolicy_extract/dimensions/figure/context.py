"""A figure's neighbourhood: qualifier words, the governing verb (change) and
the modality cues before it. Cue positions are found once per document with
one compiled pattern each; a figure then costs a few binary searches."""
from __future__ import annotations

from bisect import bisect_right

import regex

from .rules import Rules

_CLAUSE = regex.compile(r"[，,。；;！!？?\n：:]")
_SENTENCE = regex.compile(r"[。！!？?\n]")
_LIST_CLAUSE = regex.compile(r"[，,。；;！!？?\n：:、]")
# a verb followed straight by figures (分别增长4.3%、6.1%) governs the whole list
_LEADS_WITH_NUMBER = regex.compile(r"(?:分别|约|超过?|近|达到?)?[\d零〇一二两三四五六七八九十百千万亿几]")


class Cues:
    """Per-document cue index (built on the first figure of the document)."""

    __slots__ = ("clause", "sentence", "para", "ch_start", "ch_end", "ch_word",
                 "mo_start", "mo_end", "mo_kind")

    def __init__(self, rules: Rules, text: str) -> None:
        self.clause = [m.start() for m in _CLAUSE.finditer(text)]
        self.sentence = [m.start() for m in _SENTENCE.finditer(text)]
        self.para = [i for i, c in ((m.start(), m.group()) for m in _SENTENCE.finditer(text)) if c == "\n"]
        self.ch_start: list[int] = []
        self.ch_end: list[int] = []
        self.ch_word: list[str] = []
        for m in rules.change.finditer(text):
            self.ch_start.append(m.start())
            self.ch_end.append(m.end())
            self.ch_word.append(m.group())
        self.mo_start: list[int] = []
        self.mo_end: list[int] = []
        self.mo_kind: list[str] = []
        groups = rules.modality_groups
        for m in rules.modality.finditer(text):
            if m.end() == m.start():
                continue
            self.mo_start.append(m.start())
            self.mo_end.append(m.end())
            self.mo_kind.append(groups[int(m.lastgroup[1:])])  # type: ignore[index]


def _last_before(bounds: list[int], pos: int) -> int:
    """Index just after the last boundary before ``pos`` (0 if none)."""
    i = bisect_right(bounds, pos - 1)
    return bounds[i - 1] + 1 if i else 0


def qualifier(rules: Rules, text: str, start: int, end: int) -> tuple[str | None, int]:
    """The qualifier words right before ``start`` or right after ``end``;
    returns (qualifier, end of an after-word or ``end``)."""
    m = rules.qual_before.search(text, max(0, start - 3), start)
    if m:
        return rules.qualifier_of.get(m.group(), None) or _guarded(rules, m.group()), end
    m2 = rules.qual_after.match(text, end)
    if m2:
        return rules.qualifier_of.get(m2.group(), None) or _guarded(rules, m2.group()), m2.end()
    return None, end


def _guarded(rules: Rules, word: str) -> str | None:
    return rules.qualifier_of.get(word)


def change(rules: Rules, cues: Cues, text: str, start: int, dimension: str) -> str | None:
    """increase / decrease from the nearest governing verb in the clause."""
    lo = _last_before(cues.clause, start)
    i = bisect_right(cues.ch_end, start) - 1
    if i < 0 or cues.ch_start[i] < lo:
        return None
    word = cues.ch_word[i]
    kind = rules.change_of.get(word)
    gap = text[cues.ch_end[i]:start]
    if "、" in gap and not _LEADS_WITH_NUMBER.match(gap):
        return None  # 减少支出约130亿元、惠及310万户: the verb governs the first item only
    if kind in ("increase", "decrease"):
        return kind
    if kind == "new":
        # 各项贷款新增2.1万亿元 (an amount added) vs 新增3个… (new things counted)
        if dimension not in ("count", "duration") and (not gap or rules.qual_before.fullmatch(gap)):
            return "increase"
    return None


def modality(cues: Cues, text: str, start: int) -> str:
    """The nearest cue before the figure in its paragraph wins; else actual.

    A forecast cue (预计, 可减少) reaches only to the end of its clause
    (…约130亿元、惠及310万户: the second figure is reported, not forecast)."""
    lo = _last_before(cues.para, start)
    i = bisect_right(cues.mo_end, start) - 1
    while i >= 0 and cues.mo_start[i] >= lo:
        kind = cues.mo_kind[i]
        if kind != "forecast" or not _LIST_CLAUSE.search(text, cues.mo_end[i], start):
            return kind
        i -= 1
    return "actual"
