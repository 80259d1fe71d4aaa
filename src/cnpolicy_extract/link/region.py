"""region: the place a figure is about, normalised (浙江省; national → 中国).

Order of evidence:

1. a place in the figure's own clause: the nearest before it (not one listed
   before 等: those are examples; not one of a list of places the figure
   counts across: 武汉、襄阳、宜昌3家高新区), else the first after it
   (``其中27个来自诸暨经开区``); adjacent places form one chain
   (``浙江省诸暨市`` → 诸暨市, ``宁波舟山港`` → 宁波舟山);
2. a scope word opening the clause (``全国`` → 中国, ``全省`` → the document's);
3. a place opening the sentence (its topic), unless listed before 等;
4. the document's region: a place named in the title line, else the most
   mentioned place (``中国`` for a report to the national people's congress).

Places the place stage read from a bare short string are filtered first
(see ``trusted``): a wrong region is worse than the document's. The venue of
an event (巴黎奥运会) is no region at all.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import NamedTuple, Protocol

from ..dimensions.meta import dateline
from .cues import RegionCues
from .segments import (
    SEMICOLON_SENTENCE_END,
    Boundaries,
    by_position,
    clause_end,
    clause_start,
    crosses_sentence,
)

Span = tuple[int, int]

_LEVEL_RANK = {"country": 0, "region": 1, "province": 2, "city": 3, "county": 4, "district": 4,
               "zone": 5, "town": 6}
_NATIONAL_MARKERS = ("全国人民代表大会", "国务院总理")


class PlaceRef(NamedTuple):
    """A place as linking sees it (a tuple: one is built for every place of
    every document, and a frozen dataclass costs several times more to build)."""

    start: int
    end: int
    name: str
    level: str | None = None
    parent: str | None = None
    text: str | None = None  # as written (None: same as name)
    code: str | None = None  # GB/T 2260


_COUNTED = frozenset({"country", "province", "city", "county", "district"})
_CLAUSE_LIMIT = 60  # clause_end's default reach

class PlaceLike(Protocol):
    """What linking reads of a place: a ``PlaceRef``, or the place stage's own
    ``types.Place`` as it is when offsets need no mapping (no copy per place)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def level(self) -> str | None: ...
    @property
    def parent(self) -> str | None: ...
    @property
    def text(self) -> str | None: ...
    @property
    def code(self) -> str | None: ...


_BARE_DISTRUSTED = frozenset({"city", "county", "district", "town", "zone"})
_LEGISLATURE = re.compile(
    r"在(\S{2,12}?(?:省|市|自治区|自治州|州|盟|区|县|旗))第[一二三四五六七八九十]+届人民代表大会")
_NATIONAL_REPORT = ("全国人民代表大会", "我代表国务院", "国务院总理")


def _bare(p: PlaceLike) -> bool:
    return p.text is not None and p.text != p.name


def trusted(places: Sequence[PlaceLike], home: str | None) -> list[PlaceLike]:
    """Places reliable enough to scope a figure.

    A place written without its suffix is a guess from a short string (平台 →
    平台镇, 大城 in 大城市 → 大城县, 上高 in 以上高层次 → 上高县): a town written
    so is never trusted; a city, county or district written so is dropped when
    its GB/T 2260 code lies in another province than ``home``'s (the
    document's province), or — with no known home — when it is mentioned once,
    unless the document also writes it in full (静宁 beside 静宁县): then
    the short string is confirmed.
    """
    home_code = next((p.code[:2] for p in places if p.name == home and p.code), None)
    counts: Counter[str] | None = None  # counted only when a bare place needs it
    full: set[str] | None = None  # names written in full, gathered when a bare place needs it
    out = []
    for p in places:
        if p.level in _BARE_DISTRUSTED and p.text is not None and p.text != p.name:  # _bare(p)
            if p.level == "town":
                continue
            if full is None:
                full = {q.name for q in places if q.text is None or q.text == q.name}
            if p.name in full:
                out.append(p)
                continue
            if home_code and p.code and p.code[:2] != home_code:
                continue
            if not home_code and p.level != "city":
                if counts is None:
                    counts = Counter(q.name for q in places)
                if counts[p.name] == 1:
                    continue  # a bare prefecture (深圳) is usually right; a bare county often not
        out.append(p)
    return out


def document_region(text: str, places: Sequence[PlaceLike], report: bool = False,
                    cues: RegionCues | None = None) -> str | None:
    """The region a document is about when a figure names none.

    A work report's is the legislature it is delivered to (``在浙江省第十四届
    人民代表大会…`` → 浙江省; the national one → 中国); else a place named in the
    title line; else the most mentioned trusted place (a province before the
    country in a provincial text); else 中国 when national bodies are named.
    """
    head = text[:400]
    if cues is not None and cues.event:  # a venue (巴黎奥运会) is not what a document is about
        places = [p for p in places if not text.startswith(cues.event, p.end)]
    if cues is not None and cues.national_datelines and (dl := dateline(text)) is not None:
        # 新华社北京1月25日电: the capital's datelines file national stories
        places = [p for p in places if p.end != dl.start() or p.name not in cues.national_datelines]
    if report:
        if any(m in head for m in _NATIONAL_REPORT):
            return "中国"
        m = _LEGISLATURE.search(head)
        if m:
            return m.group(1)
    title = text[:80].split("\n", 1)[0]
    # in the title: any province or country, or a city/county written in full
    # (the highest level; the first of those)
    in_title = [p for p in places
                if (p.level in ("province", "country")
                    or (p.level in ("city", "county") and (p.text is None or p.text == p.name)))  # not bare
                and (p.name in title or text[p.start:p.end] in title)]
    if in_title:
        return min(in_title, key=_rank).name
    provinces = Counter(p.name for p in places if p.level == "province")
    home = provinces.most_common(1)[0][0] if provinces else None
    kept = trusted(places, home)
    bare = [p for p in kept if p.text is not None and p.text != p.name]  # _bare(p)
    once = {n for n, k in Counter(p.name for p in bare).items() if k == 1} if bare else set()
    counts = Counter(p.name for p in kept  # one bare mention cannot make a document's region
                     if p.level in _COUNTED
                     and not (p.name in once and p.level != "province" and _bare(p)))
    if home and counts[home] >= 2 and "中国" in counts:
        # 中国特色…, 中国式现代化 do not make a provincial text national
        counts["中国"] = min(counts["中国"], counts[home] - 1)
    if counts:
        top = max(counts.values())
        tied = [n for n, k in counts.items() if k == top]
        if len(tied) == 1:
            return tied[0]
        # the higher level among the most mentioned (a name's level as last written)
        rank = {p.name: _rank(p) for p in places}
        return max(tied, key=lambda n: -rank.get(n, 9))
    if cues is not None and any(w in text for w in cues.national):
        return "中国"
    return None


def _rank(p: PlaceLike) -> int:
    return _LEVEL_RANK.get(p.level or "", 9)


_START = attrgetter("start")
_END = attrgetter("end")


def _chains(text: str, places: Sequence[PlaceLike]) -> list[tuple[int, int, str]]:
    """Adjacent places merged into one (start, end, region)."""
    groups: list[list[PlaceLike]] = []
    # by start, the longest first (two stable sorts in C: no key call per place)
    for p in sorted(sorted(places, key=_END, reverse=True), key=_START):
        if groups:
            last = groups[-1][-1]
            if p.start < last.end:
                continue  # nested duplicate
            if p.start == last.end:
                groups[-1].append(p)
                continue
        groups.append([p])
    out: list[tuple[int, int, str]] = []
    for group in groups:
        if len(group) == 1:
            p = group[0]
            out.append((p.start, p.end, p.name))
            continue
        if all(
            b.parent == a.name or _LEVEL_RANK.get(b.level or "", 9) > _LEVEL_RANK.get(a.level or "", 9)
            for a, b in itertools.pairwise(group)
        ):
            region = group[-1].name  # 浙江省诸暨市 → the most specific
        else:
            region = text[group[0].start:group[-1].end]  # siblings: 宁波舟山(港)
        out.append((group[0].start, group[-1].end, region))
    return out


def _topic(text: str, pos: int, floor: int, time_starts: dict[int, int]) -> bool:
    """A place governs a whole sentence (after a time, 在 or quotes)
    only when it opens the sentence (``2024年首个工作日,浙江省诸暨市迎来…``).
    ``time_starts`` maps each time's end to its start."""
    k = pos
    while k > floor:  # only times, 在 and punctuation may precede it in the sentence
        c = text[k - 1]
        if c in "“‘\"「 在于,，:：":
            k -= 1
        elif k in time_starts:
            k = time_starts[k]
        else:
            break
    return k <= floor


def province_of(region: str | None, places: Sequence[PlaceLike]) -> str | None:
    """The province a region lies in (全省 in a text about 南京市 → 江苏省), by
    the places' parents; the region itself when it is no lower, or unknown."""
    by_name = {p.name: p for p in places}
    name = region
    for _ in range(3):  # county → city → province
        p = by_name.get(name or "")
        if p is None or p.level in ("province", "country", "region", None):
            break
        if not p.parent:
            break
        if p.level == "city" and p.parent not in by_name:
            return p.parent  # a city's parent is its province
        name = p.parent
    return name if name in by_name and by_name[name].level == "province" else region


def link_regions(text: str, figures: Sequence[Span], places: Sequence[PlaceLike], cues: RegionCues,
                 default: str | None, skip_scope: Sequence[Span] = (),
                 continues: Sequence[bool] | None = None, bounds: Boundaries | None = None,
                 *, order: Sequence[int] | None = None) -> list[str | None]:
    """Region for each figure span (same order). ``default`` is the document's region.
    ``order``: the figures' indices sorted by span, when the caller has them.

    ``continues[i]`` (parallel to ``figures``) says the figure measures the same
    thing as the figure before it (its metric was inherited); only then may it
    inherit that figure's place. Without it, any placeless figure may.
    ``bounds``: the text's sentences ending at ;/； too (``sentence_bounds``).
    """
    platform = cues.platform
    scope = cues.scope
    first = cues.scope_first  # a cheap test before trying each word
    event = cues.event
    lifted = [PlaceRef(p.start, p.end, p.parent, "county", None)
              if p.parent and p.name.endswith(platform) else p
              for p in trusted(places, default)
              if not (event and text.startswith(event, p.end))]  # 巴黎奥运会: where an event was held
    locative = cues.locative
    scoped = {"@document": default, "@province": province_of(default, places)}
    chains = _chains(text, lifted)
    time_ends = {s: e for s, e in skip_scope}
    if not chains:  # figures alone (no places stage): only scope words can say more
        if not any(w in text for w, _ in scope):
            return [default] * len(figures)
        hits: list[str | None] = [_scoped(text, s, clause_start(text, s, list_items=False), scope, first,
                                          time_ends) for s, _ in figures]
        order = by_position(figures) if order is None else order
        for a, b in itertools.pairwise(order):  # 全国…13908亿斤,比上年增加178亿斤
            if hits[b] is None and hits[a] is not None and (continues is None or continues[b]) \
                    and not crosses_sentence(text, figures[a][1], figures[b][0]):
                hits[b] = hits[a]
        return [default if h is None else scoped.get(h, h) for h in hits]
    bounds = bounds or Boundaries(text, sentence_end=SEMICOLON_SENTENCE_END)
    starts = [c[0] for c in chains]
    time_starts = {b: a for a, b in time_ends.items()}
    # starts of the chains a locative verb stands before (来自X, 位于X): once per
    # chain, not once per figure
    located_last = cues.locative_last
    located = [c[0] for c in chains
               if (text[c[0] - 1] in located_last and text.endswith(locative, 0, c[0]) if c[0] > 0
                   else any(text.startswith(w, -len(w)) for w in locative))]
    listed = _listed(text, chains)
    out: list[str | None] = [None] * len(figures)
    source: list[str] = [""] * len(figures)  # "before"/"after" (a place in the clause) or "context"
    order = by_position(figures) if order is None else order
    sentence_starts = bounds.sentence_starts([figures[i][0] for i in order])
    for pos, (i, ss) in enumerate(zip(order, sentence_starts, strict=True)):
        s, e = figures[i]
        lo = clause_start(text, s, list_items=False)
        out[i], source[i] = _one(text, s, e, lo, ss, chains, starts, scope, first, located, time_ends,
                                 time_starts, default, scoped, listed)
        if source[i] == "context" and pos > 0 and (continues is None or continues[i]):
            # 已部署808P…,在此基础上即将再开通1500P: the same place as the figure before
            # (no scope word opens this clause: _one looked for one before "context")
            j = order[pos - 1]
            if source[j] in ("before", "scope") and figures[j][0] >= ss:
                out[i] = out[j]
    return out


_LIST_GAP = 7  # at most this many characters between two listed places (鄂州花湖机场、宜昌…)
_LIST_JOINS = ("、", "和", "及", "与")


def _listed(text: str, chains: Sequence[tuple[int, int, str]]) -> frozenset[int]:
    """Starts of the chains that are items of a list of places (武汉东湖、襄阳、宜昌
    3家高新区; 鄂州花湖机场、宜昌三峡机场2个国际机场): a figure after such a list
    counts across the places, so none of them alone is its region."""
    out: set[int] = set()
    for (a_start, a_end, _), (b_start, _, _) in itertools.pairwise(chains):
        gap = text[a_end:b_start]
        if 0 < len(gap) <= _LIST_GAP and gap.endswith(_LIST_JOINS) \
                and not any(c.isdigit() or c in "，,；;。：:\n" for c in gap):
            out.add(a_start)
            out.add(b_start)
    return frozenset(out)


def _scoped(text: str, s: int, lo: int, scope: Sequence[tuple[str, str]], first: frozenset[str],
            time_ends: dict[int, int]) -> str | None:
    """The scope word (全国, 全省…) opening the clause of position ``s``, if
    any; ``lo`` is the clause's start (``clause_start(…, list_items=False)``)."""
    k = lo
    while k < s and (text[k] == " " or k in time_ends):
        k = time_ends.get(k, k + 1)
    if k >= s or text[k] not in first:
        return None
    return next((t for w, t in scope if text.startswith(w, k)), None)


def _one(text: str, s: int, e: int, lo: int, ss: int, chains: list[tuple[int, int, str]], starts: list[int],
         scope: Sequence[tuple[str, str]], first: frozenset[str], located: list[int],
         time_ends: dict[int, int], time_starts: dict[int, int], default: str | None,
         scoped: Mapping[str, str | None], listed: frozenset[int] = frozenset()) -> tuple[str | None, str]:
    """(region, where it came from: a place "before"/"after" the figure in its
    clause starting at ``lo``, a "scope" word, or "context" — the sentence
    starting at ``ss``, or the document)."""
    # places listed before 等 are examples (长三角大飞机等…集群4个), not the scope
    k = text.rfind("等", lo, s)
    floor = k + 1 if k >= lo else lo
    before = bisect.bisect_left(starts, s)  # chains before the figure: [0, before)
    k = before - 1
    while k >= 0 and starts[k] >= floor:  # the last chain inside [floor, s)
        if chains[k][1] <= s and not _in_list(text, chains[k], s, listed):
            return chains[k][2], "before"
        k -= 1
    # a place after the figure in its clause scopes it only after a locative verb
    # (来自X, 位于X); chains do not overlap, so only the first such one can be inside
    a = bisect.bisect_left(located, e)
    if a < len(located):
        c = chains[bisect.bisect_left(starts, located[a])]
        end = clause_end(text, e) if c[0] < e + _CLAUSE_LIMIT else e
        if c[0] < end and c[1] <= end:
            return c[2], "after"  # 来自诸暨经开区: an object, not a topic later figures share
    # (a scope word, a space or a time must open the clause: one test before the call)
    if lo < s and (text[lo] in first or text[lo] == " " or lo in time_ends):
        hit = _scoped(text, s, lo, scope, first, time_ends)
        if hit is not None:
            return scoped.get(hit, hit), "scope"
    for k in range(bisect.bisect_left(starts, ss), before):
        c = chains[k]  # the first topic of the sentence
        if c[1] <= s and _topic(text, c[0], ss, time_starts) and "等" not in text[c[1]:s] \
                and not _in_list(text, c, s, listed):
            return c[2], "context"
    return default, "context"


def _in_list(text: str, chain: tuple[int, int, str], s: int, listed: frozenset[int]) -> bool:
    """A listed place before the figure at ``s`` that is not its scope: one of
    several places the figure counts across, unless 分别 gives each its own."""
    return chain[0] in listed and "分别" not in text[chain[1]:s]
