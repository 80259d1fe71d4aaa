"""A figure's neighbourhood: qualifier words, the governing verb (change) and
the modality cues before it. Each is a short backwards search (``regex``
REVERSE patterns) from the figure, bounded by its clause, sentence or
paragraph, so a figure costs a few microseconds whatever the document size."""
from __future__ import annotations

import re
from bisect import bisect_right

import regex

from .rules import Rules

_CLAUSE = regex.compile(r"[，,。；;！!？?\n：:]", regex.REVERSE)
_LIST_CLAUSE = regex.compile(r"[，,。；;！!？?\n：:、]")
# a verb followed straight by figures (分别增长4.3%、6.1%) governs the whole list
_LEADS_WITH_NUMBER = regex.compile(r"(?:分别|约|超过?|近|达到?)?[\d零〇一二两三四五六七八九十百千万亿几]")
_CLAUSE_REACH = 120  # characters searched back for the clause start
_PARA_REACH = 600  # … and for modality cues


def qualifier(rules: Rules, text: str, start: int, end: int) -> str | None:
    """The qualifier word right before ``start`` or right after ``end``, or
    an adverb before the verb that takes the figure (至少布设1台)."""
    if start and text[start - 1] in rules.qual_before_last:
        m = rules.qual_before.search(text, max(0, start - 5), start)
        if m:
            return rules.qualifier_of.get(m.group("q"))
    if end < len(text) and text[end] in rules.qual_after_first:
        m2 = rules.qual_after.match(text, end)
        if m2:
            return rules.qualifier_of.get(m2.group())
    if start >= 3:
        m3 = rules.qual_adverb.search(text, max(0, start - rules.adverb_reach), start)
        if m3:
            return rules.qualifier_of.get(m3.group("q"))
    return None


def paragraphs(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """The paragraphs holding ``positions`` (ascending), each once, with the
    newline that ends it. A cue never spans a newline, so a cue scan from a
    paragraph's start finds there what a scan of the whole text finds (its
    lookbehinds still see the text before; its lookaheads see the newline),
    and a figure's change and modality cues lie in its own paragraph: the
    cues are scanned there only (a third to a half of a report's text)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    hi = -1
    for p in positions:
        if p < hi:
            continue  # in the paragraph found last
        lo = text.rfind("\n", 0, p) + 1
        hi = text.find("\n", p)
        hi = n if hi < 0 else hi + 1
        out.append((lo, hi))
    return out


def _cue_spans(pattern: re.Pattern[str], text: str,
               windows: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if windows is None:
        return [m.span() for m in pattern.finditer(text)]
    return [m.span() for lo, hi in windows for m in pattern.finditer(text, lo, hi)]


def clause_start(text: str, start: int) -> int:
    m = _CLAUSE.search(text, max(0, start - _CLAUSE_REACH), start)
    return m.end() if m else max(0, start - _CLAUSE_REACH)


_CLAUSE_FWD = re.compile(r"[，,。；;！!？?\n：:]")


class ChangeCues:
    """Change-verb positions of one document (one ``re`` scan, on first need),
    in ``windows`` only if given (:func:`paragraphs` of every figure asked)."""

    __slots__ = ("_ends", "_rules", "_starts", "_windows")

    def __init__(self, rules: Rules, windows: list[tuple[int, int]] | None = None) -> None:
        self._rules = rules
        self._windows = windows
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _build(self, text: str) -> list[int]:
        spans = _cue_spans(self._rules.change, text, self._windows)
        self._starts = starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]
        return starts

    def change(self, text: str, start: int, dimension: str) -> str | None:
        """increase / decrease from the nearest governing verb in the clause."""
        if self._starts is None:
            self._build(text)
        i = bisect_right(self._ends, start) - 1
        if i < 0 or start - self._ends[i] > _CLAUSE_REACH or _CLAUSE_FWD.search(text, self._ends[i], start):
            # 同比+5.2%, 环比-0.3%: a signed change with no verb
            if start >= 3 and text[start - 1] in "+-−" and text[start - 3:start - 1] in ("同比", "环比"):
                return "increase" if text[start - 1] == "+" else "decrease"
            return None
        rules = self._rules
        starts, cue_end = self._starts, self._ends[i]
        kind = rules.change_of.get(text[starts[i]:cue_end]) if starts is not None else None
        gap = text[cue_end:start]
        if "、" in gap and not _LEADS_WITH_NUMBER.match(gap):
            return None  # 减少支出约130亿元、惠及310万户: the verb governs the first item only
        if kind in ("increase", "decrease"):
            if dimension in ("count", "duration") and len(gap.lstrip("了约近超过达到")) > 0:
                return None  # 提升行政执法质量三年行动: the verb governs the noun, not the count
            if start and text[start - 1] in "-−":
                return "decrease" if kind == "increase" else "increase"  # 增长-3.5%: a fall
            return kind
        if kind == "new":
            # 各项贷款新增2.1万亿元 (an amount added) vs 新增3个… (new things counted)
            if dimension not in ("count", "duration") and (not gap or rules.qual_before.fullmatch(gap)):
                return "increase"
        return None


def change(rules: Rules, text: str, start: int, dimension: str) -> str | None:
    """The change of one figure (builds the document's cue index; use
    :class:`ChangeCues` for many figures of one text)."""
    return ChangeCues(rules).change(text, start, dimension)


# Top-level section headings of reports and plans (二、2025年目标任务和重点工作):
# with no cue in its paragraph a figure takes its section's modality.
_HEADING = re.compile(r"(?m)^[ \t]*[一二三四五六七八九十]{1,3}、([^\n]{0,40})$")
_HEADING_NL = re.compile(r"(?m)\n[ \t]*[一二三四五六七八九十]{1,3}、([^\n]{0,40})$")
_PLAN_HEADING = regex.compile(r"任务|目标|重点工作|工作安排|部署|计划|思路|举措|要求")
_REVIEW_HEADING = regex.compile(r"回顾|成绩|成就|进展|过去|总结")
# A line that introduces a list of targets (主要预期目标是：): the lines after
# it, up to the first that ends a sentence, are targets.
_LINE_END_COLONS = ("：\n", ":\n")
# what starts a list item line: a bullet or an enumerator (（二）, 2., 二、)
_ITEM_START = re.compile(r"[ \t]*(?:[●•·▪■◆◇○\-—]|[(（][一二三四五六七八九十\d]+[)）]"
                         r"|[一二三四五六七八九十]+、|\d+[.、．])")
_LEADIN_WORDS = ("目标", "任务")
_LEADIN_MAX = 50
_SENTENCE_END_LINE = re.compile(r"(?m)[。!！][ \t]*$")


def _colons_ending_lines(text: str) -> list[tuple[int, int]]:
    """(colon, line end) of every colon that ends a line (str.find: a regex
    scan for them costs tens of µs a document)."""
    out = []
    for pair in _LINE_END_COLONS:
        i = text.find(pair)
        while i >= 0:
            out.append((i, i + 1))
            i = text.find(pair, i + 2)
    if text.endswith(("：", ":")):
        out.append((len(text) - 1, len(text)))
    out.sort()
    return out


def _list_end(text: str, pos: int) -> int:
    """Where a list that starts at ``pos`` ends: after the first line that ends
    a sentence and is not followed by another item line."""
    while True:
        close = _SENTENCE_END_LINE.search(text, pos)
        if close is None:
            return len(text)
        nl = text.find("\n", close.end())
        if nl < 0 or not _ITEM_START.match(text, nl + 1):
            return close.end()
        pos = nl + 1


class ModalityCues:
    """Modality cue positions of one document (one ``re`` scan, on first need),
    in ``windows`` only if given (:func:`paragraphs` of every figure asked)."""

    __slots__ = ("_ends", "_kinds", "_rules", "_section_kinds", "_section_starts", "_starts", "_windows")

    def __init__(self, rules: Rules, text: str, windows: list[tuple[int, int]] | None = None) -> None:
        self._rules = rules
        self._windows = windows
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._kinds: list[str] = []
        self._section_starts: list[int] = []
        self._section_kinds: list[str] = []

    def _build(self, text: str) -> list[int]:
        rules = self._rules
        named, of_group = rules.modality_named, rules.modality_of_group
        # every cue pattern begins with a literal character: no empty matches
        spans = _cue_spans(rules.modality, text, self._windows)
        starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]
        kind_of: dict[str, str] = {}
        by_first = rules.modality_by_first
        kinds = self._kinds
        for s, e in spans:
            kind = by_first.get(text[s])
            if kind is not None:
                kinds.append(kind)
                continue
            word = text[s:e]
            kind = kind_of.get(word)
            if kind is None:
                # which cue pattern matched: the branch of the alternation that
                # wins at ``s`` (one anchored match, not one per pattern)
                mm = named.match(text, s)
                kind = kind_of[word] = of_group[mm.lastgroup] \
                    if mm is not None and mm.end() == e and mm.lastgroup else "actual"
            kinds.append(kind)
        self._starts = starts
        # headings start a line: look for them after each newline (a literal
        # first character, so ``re`` skips to it) and at the very start
        h0 = _HEADING.match(text)
        for h in ([h0] if h0 is not None else []) + list(_HEADING_NL.finditer(text)):
            title = h.group(1)
            kind = "actual" if _REVIEW_HEADING.search(title) else \
                "target" if _PLAN_HEADING.search(title) else "actual"
            self._section_starts.append(h.end())
            self._section_kinds.append(kind)
        self._add_target_lists(text)
        return starts

    def _add_target_lists(self, text: str) -> None:
        """Sections for target lists under a lead-in line (主要预期目标是：, or
        目标是 with the colon alone on the next line), each back to the kind in
        force before it after the first line that ends a sentence and is not
        followed by another item (● …, （二）…)."""
        sec_starts, sec_kinds = self._section_starts, self._section_kinds
        for colon, after in _colons_ending_lines(text):  # (rare: the cheaper test first)
            ls = text.rfind("\n", 0, colon) + 1
            if not text[ls:colon].strip() and ls > 0:  # the colon alone: the line before
                ls = text.rfind("\n", 0, ls - 1) + 1
            line = text[ls:colon]
            if len(line) > _LEADIN_MAX or not any(w in line for w in _LEADIN_WORDS) \
                    or any(c in line for c in "。；;"):
                continue
            end = _list_end(text, after)
            j = bisect_right(sec_starts, end) - 1
            kind_after = sec_kinds[j] if j >= 0 else "actual"
            for pos, kind in ((after, "target"), (end, kind_after)):
                k = bisect_right(sec_starts, pos)
                sec_starts.insert(k, pos)
                sec_kinds.insert(k, kind)

    def modalities(self, text: str, positions: list[int]) -> list[str]:
        """``modality`` of each figure start in ``positions``, in one call."""
        starts = self._starts if self._starts is not None else self._build(text)
        ends, kinds = self._ends, self._kinds
        sec_starts, sec_kinds = self._section_starts, self._section_kinds
        out: list[str] = []
        for start in positions:
            floor = start - _PARA_REACH if start > _PARA_REACH else 0
            lo = max(floor, text.rfind("\n", floor, start) + 1)
            i = bisect_right(ends, start) - 1
            while i >= 0 and starts[i] >= lo:
                kind = kinds[i]
                if kind != "forecast" or not _LIST_CLAUSE.search(text, ends[i], start):
                    break
                i -= 1
            else:
                j = bisect_right(sec_starts, start) - 1
                kind = sec_kinds[j] if j >= 0 else "actual"
            out.append(kind)
        return out

    def modality(self, text: str, start: int) -> str:
        """The nearest cue before the figure in its paragraph wins; else actual.

        A forecast cue (预计, 可减少) reaches only to the end of its clause
        (…约130亿元、惠及310万户: the second figure is reported, not forecast)."""
        starts = self._starts if self._starts is not None else self._build(text)
        floor = max(0, start - _PARA_REACH)
        lo = max(floor, text.rfind("\n", floor, start) + 1)
        i = bisect_right(self._ends, start) - 1
        while i >= 0 and starts[i] >= lo:
            kind = self._kinds[i]
            if kind != "forecast" or not _LIST_CLAUSE.search(text, self._ends[i], start):
                return kind
            i -= 1
        j = bisect_right(self._section_starts, start) - 1
        return self._section_kinds[j] if j >= 0 else "actual"
