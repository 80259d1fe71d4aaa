"""metric: the shortest noun phrase a figure measures, as written.

Works on characters only. For each figure we look at

* the phrase before it, back to the clause boundary (、 and the previous
  figure also end it), with qualifiers and change verbs stripped from its end
  (``规上工业增加值增长6%`` → 规上工业增加值) and cut after the last verb that
  takes the quantity as object (``新增科技领军企业10家`` → 科技领军企业);
* the noun phrase after it, for counts of things (``28个重大项目签约`` →
  重大项目, ``新增3个国家级知识产权保护中心``);

and choose between them. A ``分别`` list spreads its subject over the figures
(``家电、新能源汽车零售额分别增长23.9%、35.8%`` → 家电零售额, 新能源汽车零售额;
``城乡居民…分别增长`` → 城镇居民…, 农村居民…). A clause that leaves the noun
implicit (``其中27个来自…``, ``、增长5.9%``) inherits the previous figure's metric.

Results are *pieces*: spans of the text and literal strings, joined by the
caller (so the stage can return the caller's original characters).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import NamedTuple

from .cues import MetricCues
from .segments import CLAUSE_END, LIST_SEP, QUOTES, SENTENCE_END, by_position, clause_start, crosses_sentence

Span = tuple[int, int]
Piece = str | Span
Pieces = tuple[Piece, ...]

# words that put a time or place at the start of a phrase (到2027年, 在杭州)
_BEFORE_TIME = frozenset("到至在于")
_AFTER_FIGURE = ("以上", "以下", "左右", "上下", "以内", "多", "余")
_CLOSES = re.compile(r"(?:以上|以下|左右|以内)?[)）]")  # a bracket closing right after a figure
_AFTER_FIRST = frozenset(w[0] for w in _AFTER_FIGURE)  # a set look-up before startswith
_LIST_GAP = re.compile(r"(?:以上|以下|左右|多|余)?(?:、|和|及|与|以及)")
_ITEM_SEP = re.compile(r"、|以及|和|及|与")
_NOISE = QUOTES | frozenset(" \t")
_BASE = re.compile(r"(?:比|较|与)(?:\d{4}年|上年|去年|上年同期|同期|上月)(?:末|底)?(?:相比)?$")
_BASE_LAST = frozenset("年期月末底比\n")  # what _BASE can end with ($ also matches before a final \n)
_COMPARISON_FIRST = frozenset("比较同环")
_COMPARISON = re.compile(r"(?:比|较|同比|环比)(?:\d{4}年|上年|去年|上半年|一季度|上季度|上月|同期)\S{0,4}$")
_ENUMERATOR = re.compile(r"[(（][一二三四五六七八九十0-9]{1,3}[)）]")
_CLAUSE_END_RE = re.compile(r"[,;:；：，。！？!?\n]")


def join(pieces: Pieces | None, text_of: Callable[[int, int], str]) -> str | None:
    """The metric string of ``pieces`` (spans rendered by ``text_of``)."""
    if not pieces:
        return None
    if len(pieces) == 1:  # the usual case: one span
        p = pieces[0]
        return p if isinstance(p, str) else text_of(*p)
    return "".join(p if isinstance(p, str) else text_of(*p) for p in pieces)


class _Left(NamedTuple):  # one per figure: a tuple is the cheapest to build
    lo: int           # clause start
    obj: Span | None  # noun phrase between the last verb and the figure
    subj_end: int | None  # end of the noun phrase before that verb (found only when needed)
    verb_end: bool    # a verb stands right before the figure (it is its object)
    de: bool          # ...的 + figure: the figure may modify the following noun


_RIGHT_END = re.compile(r"[,;:；：，。！？!?\n、(（\[【《]|—")


class _Finder:
    def __init__(self, text: str, cues: MetricCues, skip: Sequence[Span]) -> None:
        self.text = text
        # cue words are matched at the end of a phrase by matching them reversed
        # in the reversed text: reversed once here, not once per phrase
        self.rev = text[::-1]
        self.cues = cues
        self.verbs = cues.verb_set
        self.single_verbs = cues.single_verbs
        self.lead_first = cues.lead_first
        self.frame_first = cues.frame_first
        self.trail_last = cues.trail_last
        # sorted spans and their starts, built in C (no bytecode per span)
        self.skip = spans = sorted(skip)
        self.skip_starts = list(map(itemgetter(0), spans))
        self.skip_start_set = frozenset(self.skip_starts)

    # -- cleaning -----------------------------------------------------------
    def _skip_at(self, s: int, e: int) -> int | None:
        """End of the longest time/place span starting at ``s`` that fits in [s, e)."""
        k = bisect.bisect_right(self.skip, (s, e))  # after the last span ≤ (s, e)
        if k and self.skip[k - 1][0] == s:
            return self.skip[k - 1][1]
        return None

    def clean(self, s: int, e: int, *, skip: bool = True) -> Span | None:
        """Trim scope words, times and places (``skip``) from the start, 的 from
        the end, and keep what follows a list-closing 等; None if < 2 real characters."""
        t = self.text
        while e > s and t[e - 1] in " 的和及与、":
            e -= 1
        if t.rfind("等", s, e) > s:
            k = self._etc(s, e)
            if k is not None:
                s = k
        lead = self.cues.lead_re
        lead_first = self.lead_first
        skip_starts = self.skip_start_set if skip else None
        while s < e:
            c = t[s]
            if c in " \t的(（)）":  # (…超10亿元的内资产业项目500个: 的 after the previous figure)
                m = _ENUMERATOR.match(t, s, e)  # (四)全国工商税收…: a heading's number
                s = m.end() if m is not None else s + 1
                continue
            if c in _BEFORE_TIME and skip_starts and s + 1 in skip_starts:
                s += 1  # 到2027年新能源汽车产量: the time and the word before it
                continue
            if skip_starts and s in skip_starts:
                end = self._skip_at(s, e)
                if end is not None and end > s:  # (an empty span would never move on)
                    if end >= e:  # only a time or a place (2023年达到13.09万亿元)
                        return None
                    s = end
                    continue
            if c in lead_first:
                m = lead.match(t, s, e)
                if m is not None and m.end() < e:
                    s = m.end()
                    continue
            break
        if e - s < 2:
            return None
        # quotes and spaces do not count; with a real character at each end there
        # are two (the usual case: no need to count)
        if (t[s] in _NOISE or t[e - 1] in _NOISE) and e - s - sum(map(_NOISE.__contains__, t[s:e])) < 2:
            return None
        return (s, e)

    def _etc(self, s: int, e: int) -> int | None:
        """Start of the noun after the last list-closing 等 in [s, e)."""
        t = self.text
        k = t.rfind("等", s, e)
        while k > s:
            if not self._in_word(s, k):
                return k + 1 if e - (k + 1) >= 2 else None
            k = t.rfind("等", s, k)
        return None

    def _in_word(self, s: int, k: int) -> bool:
        """Whether a ``not_etc`` word (高等, 平等…) starting at or after ``s``
        covers the 等 at ``k``: one search per candidate start, not one
        ``startswith`` per word and position."""
        pat, longest = self.cues.not_etc_re, self.cues.not_etc_len
        j = max(s, k - longest + 1)
        # (a word starting by k ends by k + longest: no need to search further)
        while (m := pat.search(self.text, j, k + longest)) is not None and m.start() <= k:
            if m.end() > k:  # (the longest word at a start covers k if any does)
                return True
            j = m.start() + 1
        return False

    # -- the phrase before a figure -----------------------------------------
    def _strip_trail(self, lo: int, hi: int, *, stop_at_verb: bool) -> tuple[int, bool, bool]:
        """Strip qualifiers/change verbs from the end of [lo, hi):
        (new hi, a governing verb was stripped, a 的 was stripped)."""
        last = self.trail_last
        if hi - lo <= (0 if stop_at_verb else 1) or self.text[hi - 1] not in last:
            return hi, False, False  # (the usual case: nothing to strip)
        rev = self.rev  # [lo, hi) reversed is rev[n - hi:n - lo]
        n = len(rev)
        pos = n - hi
        stop = n - lo
        verb = de = False
        pat = self.cues.trail_rev
        while pos < stop - (0 if stop_at_verb else 1):
            if rev[pos] not in last:
                break
            m = pat.match(rev, pos, stop)
            if m is None:
                break
            w = m.group()[::-1]
            pos = m.end()
            if w == "的":
                de = True
            if stop_at_verb and w in self.verbs:
                verb = True
                break
        return n - pos, verb, de

    def left(self, start: int, floor: int) -> _Left:
        lo = clause_start(self.text, start, floor)
        hi, verb_end, de = self._strip_trail(lo, start, stop_at_verb=True)
        if not verb_end and hi > lo and self.text[hi - 1] in _BASE_LAST:
            m = _BASE.search(self.text, lo, hi)  # …能耗比2020年(下降13.5%): the comparison base
            if m is not None and m.start() > lo:
                hi, verb_end, de2 = self._strip_trail(lo, m.start(), stop_at_verb=True)
                de = de or de2
        if verb_end:
            noun = self._noun_verb(lo, hi)
            if noun is not None:  # 开展职业技能培训200万人次: the verb heads the noun
                return _Left(lo, noun, None, False, de)
            # what precedes the verb is its subject (中欧班列开行2619列)
            return _Left(lo, None, hi, True, de)
        v = self._last_verb(lo, hi)
        if v is None:
            return _Left(lo, self.clean(lo, hi), None, False, de)
        vs, ve = v
        if ve < hi and self.text[ve] in "和及与并":  # 新增和达成…, 新建和改造…: two verbs
            ve += 1
        return _Left(lo, self.clean(ve, hi), vs, False, de)

    def _noun_verb(self, lo: int, at: int) -> Span | None:
        """The noun a ``noun_verb`` at ``at`` heads (职业技能培训), from the last
        verb before it or the clause start; None if no such verb stands at ``at``."""
        t = self.text
        for w in self.cues.noun_verbs:  # (a handful of words)
            if t.startswith(w, at):
                v = self._last_verb(lo, at)
                return self.clean(v[1] if v is not None else lo, at + len(w))
        return None

    def _subject(self, lo: int, hi: int) -> Span | None:
        # adverbs and verbs between subject and verb (已, 即将, 新增投放)
        hi, _, _ = self._strip_trail(lo, hi, stop_at_verb=False)
        if self.text.startswith("在", lo):  # 在…上/中: a setting, not a subject
            return None
        v = self._last_verb(lo, hi)  # 推动|工业…比重|突破30%: the subject is the verb's object
        if v is not None and hi - v[1] >= 2:
            lo = v[1]
        return self.clean(lo, hi)

    def _last_verb(self, lo: int, hi: int) -> Span | None:
        t = self.text
        rev = self.rev  # [lo, hi) reversed is rev[n - hi:n - lo]
        n = len(rev)
        m = self.cues.verbs_rev.search(rev, n - hi, n - lo)
        # 省培养计划专家: a modifier before it; 新增保障房: a noun that starts with one
        while m is not None and (n - m.end() == lo + 1 or t.startswith(self.cues.not_verb, n - m.end())):
            m = self.cues.verbs_rev.search(rev, m.start() + 1, n - lo)
        if m is not None:
            return (n - m.end(), n - m.start())
        if hi > lo + 1 and t[lo] in self.single_verbs:  # 获/占 only clause-initially
            return (lo, lo + 1)
        return None

    # -- the phrase after a figure ------------------------------------------
    def right(self, end: int, limit: int) -> tuple[Span | None, bool]:
        """The noun phrase after a figure, and whether it follows the figure
        directly (the figure then counts it: 两类平台, 32条政策)."""
        t = self.text
        n = len(t)
        r = end
        if r < n and t[r] in _AFTER_FIRST and t.startswith(_AFTER_FIGURE, r):  # then find which
            for w in _AFTER_FIGURE:
                if t.startswith(w, r):
                    r += len(w)
                    break
        direct = r  # after qualifiers (10个左右创新团队) the noun still belongs to the figure
        if r < n and t[r] in "(（":  # 14.2万台(套)
            close = t.find(")" if t[r] == "(" else "）", r, r + 6)
            if close > 0:
                r = close + 1
        if r >= n or t[r] in CLAUSE_END or t[r] in LIST_SEP or t[r] == "—" \
                or (t[r] in self.frame_first and self.cues.frame_re.match(t, r)):
            return None, False
        if t[r] == "的" and r == direct:  # 16%的税率, 三分之二的公园: the figure qualifies the noun
            span, _ = self.right(r + 1, limit)  # (after a qualifier: 1万个左右的行政村)
            return span, span is not None
        if t[r] in "为是":  # 90%以上为…项目: the figure is a share of what follows
            hi = min(n, r + 40)
            m = _CLAUSE_END_RE.search(t, r + 1, hi)
            return self.clean(r + 1, m.start() if m else hi), False
        e = min(n, limit, r + 16)
        m = _RIGHT_END.search(t, r, e)
        if m is not None:
            e = m.start()
        if self.skip:
            k = bisect.bisect_left(self.skip_starts, r + 1)
            if k < len(self.skip_starts) and self.skip_starts[k] < e:
                e = self.skip_starts[k]  # a place or time ends the noun (…榜单浙江上榜数)
        stop = self.cues.stop_re
        inner, not_stop = self.cues.stop_inner, self.cues.not_stop
        m = stop.search(t, r, e)
        # a one-character stop word, or an adverb that also opens nouns (全国重点实验室),
        # cannot end the noun before it began; a word that only contains a stop word
        # (全国性, 在建) never ends it
        # (nor does a verb that opens a not_verb noun: 十条支持政策, 3个保障性住房项目)
        while m is not None and ((m.start() == r and (m.end() - r == 1 or m.group() in inner))
                                 or m.group() in not_stop or t.startswith(self.cues.not_verb, m.start())):
            m = stop.search(t, m.end(), e)
        cut = m.start() if m is not None else e
        if cut == r:
            return None, False
        return self.clean(r, cut), r == direct


def _ellipsis(text: str, span: Span | None, cues: MetricCues) -> bool:
    """No noun, only an ellipsis word, or only a comparison (比上半年提高0.3个百分点)."""
    return (span is None or text[span[0]:span[1]] in cues.ellipsis
            or (text[span[0]] in _COMPARISON_FIRST and _COMPARISON.match(text, *span) is not None))


def link_metrics(text: str, figures: Sequence[Span], cues: MetricCues,
                 skip: Sequence[Span] = (), *, order: Sequence[int] | None = None) -> list[Pieces | None]:
    """Metric pieces for each figure span (in the order given).

    ``text`` is the normalised text; ``skip`` are spans (times, places) to trim
    from the start of a phrase; ``order``: the figures' indices sorted by span,
    when the caller has them (``by_position``).
    """
    order = by_position(figures) if order is None else order
    out: list[Pieces | None] = [None] * len(figures)
    # what a following figure inherits: a streak (连续4年) has no metric of its
    # own but passes on its subject (城镇新增就业连续4年超过90万人)
    carried: list[Pieces | None] = out
    streaks = bool(cues.streak) and _has_streak(text, cues)
    if streaks:
        carried = [None] * len(figures)
    f = _Finder(text, cues, skip)
    groups, groups_size, groups_index = _fenbie(text, [figures[i] for i in order], f)
    prev: int | None = None  # position in `order` of the previous figure
    for pos, i in enumerate(order):
        s, e = figures[i]
        if _is_tally(text, s, e, cues):
            if streaks:
                carried[i] = None  # (nothing for a following figure to inherit)
            prev = pos
            continue  # out[i] stays None
        if pos in groups:
            out[i] = groups[pos]
            if out[i] is None:
                # 接待游客3亿人次,游客花费3595亿元,分别增长14%和21%: the subjects are
                # the figures before the group, in order
                n = groups_size[pos]
                k = pos - groups_index[pos]  # position of the group's first figure
                if k - n >= 0:
                    out[i] = carried[order[k - n + groups_index[pos]]]
            if streaks:
                carried[i] = out[i]
            prev = pos
            continue
        nxt = figures[order[pos + 1]][0] if pos + 1 < len(order) else len(text)
        span: Span | None
        lo = figures[order[prev]][1] if prev is not None else 0
        streak = streaks and _is_streak(text, s, e, cues)
        if streak:
            span = _choose(None, f.left(s, lo), f)  # its subject, for the figures after it
        elif s and text[s - 1] in "(（" and _CLOSES.match(text, e):
            # 土地出让收益（10%以上）: a figure alone in brackets measures the noun before them
            span = _choose(None, f.left(s - 1, lo), f)
        else:
            R, attached = f.right(e, nxt)
            if R is not None and attached:
                span = R  # 两类平台, 32条政策: the phrase before is not needed
            else:
                span = _choose(R, f.left(s, lo), f)
        pieces: Pieces | None = (span,) if span is not None else None
        if prev is not None and _ellipsis(text, span, cues) \
                and not crosses_sentence(text, figures[order[prev]][1], s):  # the same sentence
            pieces = carried[order[prev]] or pieces
        if streaks:
            carried[i] = pieces
        out[i] = None if streak else pieces
        prev = pos
    return out


def _has_streak(text: str, cues: MetricCues) -> bool:
    """Whether the text holds a streak word at all (one search per document)."""
    return any(w in text for w in cues.streak)


def _is_streak(text: str, s: int, e: int, cues: MetricCues) -> bool:
    """连续 + a duration (连续4年, 连续18个月, 连续三次): a figure measuring nothing."""
    return text.endswith(cues.streak, 0, s) and text.endswith(cues.streak_units, s, e)


_NUMERALS = frozenset("0123456789一二三四五六七八九十两百")


def _is_tally(text: str, s: int, e: int, cues: MetricCues) -> bool:
    """A medal tally (4金, 1银): a numeral and a ``tally_unit`` (not 100美金)."""
    return e - s >= 2 and text[e - 1] in cues.tally_units and text[e - 2] in _NUMERALS


def _choose(R: Span | None, L: _Left, f: _Finder) -> Span | None:
    """The phrase after the figure (``R``, not right after it) or the phrase before."""
    if R is not None and (L.de or L.obj is None):
        return R  # 下达的90亿元…资金, 新增3个…中心
    if L.obj is not None:
        return L.obj
    # 中欧班列开行2619列; None → inherit (即将再开通1500P)
    return f._subject(L.lo, L.subj_end) if L.subj_end is not None else None


# -- 分别 lists ---------------------------------------------------------------
def _fenbie(text: str, figs: Sequence[Span], f: _Finder
            ) -> tuple[dict[int, Pieces | None], dict[int, int], dict[int, int]]:
    """Metrics for figures governed by a 分别 list, keyed by sorted position;
    with each one's group size and index in its group."""
    out: dict[int, Pieces | None] = {}
    size: dict[int, int] = {}
    index: dict[int, int] = {}
    if "分别" not in text:
        return out, size, index
    i = 0
    while i < len(figs):
        s = figs[i][0]
        if text.rfind("分别", max(0, s - 8), s) < 0:  # cheap test before finding the clause
            i += 1
            continue
        floor = figs[i - 1][1] if i else 0
        lo = clause_start(text, s, floor, list_items=False)
        k = text.rfind("分别", lo, s)
        if k < 0 or s - (k + 2) > 6:
            i += 1
            continue
        group = [i]
        while group[-1] + 1 < len(figs):
            j = group[-1] + 1
            if not _LIST_GAP.fullmatch(text, figs[j - 1][1], figs[j][0]):
                break
            group.append(j)
        if len(group) < 2:
            i += 1
            continue
        metrics = _spread(text, lo, k, len(group), f)
        for idx, (j, m) in enumerate(zip(group, metrics, strict=True)):
            out[j] = m
            size[j] = len(group)
            index[j] = idx
        i = group[-1] + 1
    return out, size, index


def _items(text: str, s: int, e: int) -> list[Span]:
    """Split [s, e) at 、/和/及/与 where both sides are real words."""
    items: list[Span] = []
    start = s
    for m in _ITEM_SEP.finditer(text, s, e):
        # 和/及/与 join words only between two real words (not 普及率, 涉及面)
        if m.start() - start >= 1 and e - m.end() >= 1 and (
                m.group() == "、" or (m.start() - start >= 2 and e - m.end() >= 2)):
            items.append((start, m.start()))
            start = m.end()
    items.append((start, e))
    return items


def _spread(text: str, lo: int, k: int, n: int, f: _Finder) -> list[Pieces | None]:
    m = _BASE.search(text, lo, k)  # …排放总量比2020年分别下降: the base is not measured
    if m is not None and m.start() > lo:
        k = m.start()
    subject = f.clean(lo, k, skip=False)
    if subject is None or text[subject[0]:subject[1]] in f.cues.ellipsis:
        # nothing named (…，累计分别达到22部、31部): the caller takes the metrics
        # of the figures before the group, in order
        return [None] * n
    ss, se = subject
    raw = _items(text, ss, se)
    cleaned = [f.clean(*it) for it in raw]
    if any(c is None for c in cleaned):
        # an item that is only a place: the places are the items
        # (厦门、福州机场旅客吞吐量 → 厦门…, 福州…)
        cleaned = [f.clean(*it, skip=False) for it in raw]
    else:
        subject = f.clean(lo, k) or subject  # 宁波舟山港货物和集装箱吞吐量: drop the scope
        ss, se = subject
        cleaned = [f.clean(*it) for it in _items(text, ss, se)]
    items = [c for c in cleaned if c is not None]
    if len(items) >= n:
        items = items[-n:]
        head = _head(text, items[-1], f.cues)
        place_end = f._skip_at(items[-1][0], items[-1][1])
        if place_end is not None and place_end < items[-1][1] and f._skip_at(items[0][0], items[0][1]):
            head = (place_end, items[-1][1])  # 厦门、福州机场…: the items are places
        res: list[Pieces | None] = []
        for it in items:
            if head is not None and it != items[-1] and not _ends_with_head(text, it, f.cues):
                res.append((it, head))
            else:
                res.append((it,))
        return res
    if len(items) == 1:
        for prefix, parts in f.cues.splits:
            if text.startswith(prefix, ss) and len(parts) == n:
                return [(p, (ss + len(prefix), se)) for p in parts]
        prev_items = _previous_list(text, lo, n, f)
        if prev_items is not None:
            return [(it, subject) for it in prev_items]
    return [(subject,)] * n


def _previous_list(text: str, lo: int, n: int, f: _Finder) -> list[Span] | None:
    """The last ``n`` 、-items of the clause before ``lo`` (清理规范节庆、论坛、展会，数量分别…)."""
    if lo < 2 or text[lo - 1] in SENTENCE_END:
        return None
    plo = clause_start(text, lo - 1, list_items=False)
    parts = [(a, b) for a, b in _items(text, plo, lo - 1)]
    if len(parts) < n or any(c.isdigit() for c in text[parts[-n][0]:lo - 1]):
        return None  # items with numbers are other figures' clauses, not a list of names
    parts = parts[-n:]
    # the first item may carry the verb phrase that introduces the list: keep as
    # many characters as the longest of its parallel items
    width = max(b - a for a, b in parts[1:])
    a, b = parts[0]
    if b - a > width + 1:
        parts[0] = (b - width, b)
    return parts


def _head(text: str, item: Span, cues: MetricCues) -> Span | None:
    s, e = item
    for w in cues.head_starts:
        k = text.find(w, s + 1, e)
        if k > s:
            return (k, e)
    for w in cues.heads:
        if e - s > len(w) and text.startswith(w, e - len(w)):
            return (e - len(w), e)
    return None


def _ends_with_head(text: str, item: Span, cues: MetricCues) -> bool:
    s, e = item
    return any(e - s >= len(w) and text.startswith(w, e - len(w)) for w in cues.heads)
