"""Finding organisation mentions (matching; names and types are in resolve.py).

Rules, in order:

* ``entry``  — a named body from ``org_lexicon.tsv`` (国务院, 新华社, 浙能).
* ``suffix`` — a name ending in a body suffix from ``org_suffixes.tsv``
  (…人民政府, …经信厅, …实验室, …集团). Its start is found by scanning left
  over name characters and stopping after the last stop word
  (``org_stopwords.tsv``); words from the lexicons (places, bodies) are kept
  whole, so 和 inside 经济和信息化厅 never cuts a name. The words before the
  suffix must not be generic (``org_generic.tsv``: 有关部门, 该公司), and
  weak suffixes (中心, 政府) need a place-like anchor.
* ``alias``  — a company named once in full (新华三集团) and later by its
  bare name (新华三).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

import ahocorasick

from ..time.classes import HAN
from .lexicon import PROVINCE_ONLY, OrgLexicon

# \p{Han} spelled as regex's ranges (time/classes.py, tested) where a pattern runs on ``re``
_NAME_CHAR = re.compile(rf"[{HAN}A-Za-z0-9()（）—\-·&]")
# Up to the last character in a window that is not a name character: where
# the run of name characters ending the window starts (one backtracking
# match, not a forward search for ``[...]*$``, which tries every start).
_BEFORE_RUN = re.compile(rf".*[^{HAN}A-Za-z0-9()（）—\-·&]", re.S)
# Patterns without \p{...} run on ``re``: per call much cheaper than ``regex``.
# No ^ in these: they are used with match(text, pos), which anchors at pos
# (a ^ would only ever match at the start of the whole text).
_LEADING_COUNT = re.compile(
    r"(?:[0-9一二三四五六七八九十百千万两几多数]+[个家所座项批支]|一批|多家|多个|若干)")
# A count inside the run (8家博物馆晋级…) starts a new phrase.
_COUNT = re.compile(
    r"(?:[0-9]+(?:\.[0-9]+)?|(?<!第)[一二三四五六七八九十两几]+)[个家所座项批支部条件名位年月日号]")
_NAMEY = re.compile(rf"[{HAN}A-Za-z]")
# Somewhere a place-like name ends: one to six Han characters before 省, 市,
# 自治区 … (two to six before 区/县). Only whether one exists is asked, so the
# characters before the last one or two need not be matched: the shortest
# form is searched, without the backtracking over {1,6} at every start.
_PLACE_LIKE = re.compile(
    rf"[{HAN}](?:[省市州盟旗镇乡村]|自治[区州]|地区|街道|小镇|园区|新区)|[{HAN}]{{2}}[区县]")
_ENUMERATOR = re.compile(r"[（(][一二三四五六七八九十0-9]+[）)]")
_ORDINAL = re.compile(r"第[一二三四五六七八九十百0-9]+[届次批轮]")
# A character every match of _COUNT, _LEADING_COUNT, _ENUMERATOR and _ORDINAL
# holds: a name without one skips them all.
_NUMBERISH = re.compile(r"[0-9一二三四五六七八九十百千万两几多数若（(第]")
# Two letters or Han characters: what a prefix needs to be a name.
_TWO_NAMEY = re.compile(rf"[{HAN}A-Za-z].*[{HAN}A-Za-z]", re.S)
_MAX_PREFIX = 18
_TOWN_END = re.compile(rf"[{HAN}]{{2}}(?:镇|乡|街道)$")


class Hit(NamedTuple):  # a tuple: cheap to build for every lexicon hit
    start: int
    end: int
    word: str
    roles: frozenset[str]


class Candidate(NamedTuple):  # a tuple: a frozen dataclass is slow to build
    start: int
    end: int
    rule: str
    prefix: str  # words before the suffix ("" for entries)
    key: str  # the suffix or lexicon word it rests on


def scan(text: str, lex: OrgLexicon) -> tuple[list[str], Index, list[tuple[Hit, int]], list[Hit]]:
    """(provinces, index, suffixes, entries): candidate-starting words over the
    whole text plus context words (places, stop words) before the live ones,
    all in ``index``; ``provinces`` are the province names met, in order;
    ``suffixes`` are the suffix hits that can still make a candidate, each
    with the start of the run of name characters before it (``_name_start``);
    ``entries`` the lexicon bodies. A suffix inside an ordinary word (部署),
    with nothing before it, or needing a place right before it and having
    none (各级|政府) is settled without context."""
    hits, provinces = _main_hits(lex.words, text)
    # One pass sorts the hits out: block words by the positions they cover (to
    # settle 部署/东部 in O(1)), and the suffixes and bodies, decided below
    # once every block word is known.
    covers: dict[int, list[Hit]] = {}
    starts: list[Hit] = []
    for h in hits:
        roles = h.roles
        if "block" in roles:
            for p in range(h.start, h.end):
                covers.setdefault(p, []).append(h)
        if "suffix" in roles or "entry" in roles:
            starts.append(h)
    live: list[tuple[Hit, int]] = []
    bodies: list[Hit] = []
    windows: list[list[int]] = []
    regions: list[tuple[int, int]] = []
    suffixes, entries = lex.suffixes, lex.entries
    for h in starts:
        roles = h.roles
        window = False
        if "entry" in roles:
            bodies.append(h)
            # only a short company name looks at what is before it
            window = len(h.word) <= 2 and entries[h.word].type == "company"
        run = -1  # the start of the name run before a windowed suffix
        if "suffix" in roles and not (covers and (h.start in covers or h.end in covers)
                                      and _blocked_at(h, covers)):
            s = h.start
            anchor = suffixes[h.word].anchor
            r = _name_start(text, max(0, s - _MAX_PREFIX), s)
            if r == s or text[s - 1] == "\n":  # no name character right before it
                if anchor == "none":
                    # A bare 省委 reads no context: a run before it lies
                    # before a line break (see _name_start), which no place
                    # holds, so it is never a place prefix.
                    live.append((h, r))
            elif anchor != "adjacent" or _place_before(text, s, lex):
                run = r
                live.append((h, run))
                window = True
        if window:
            lo = max(0, h.start - _MAX_PREFIX - 4)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], h.end)
            else:
                windows.append([lo, h.end])
            regions.append(_region(h, lo, run, windows[-1][0], lex.max_word))
    hits += _context_hits(lex.context, text, _merged(regions))
    return provinces, Index(hits, lex.max_word, covers), live, bodies


# Where the context words are read. No context word holds a character that
# ends a name run, so the words a suffix's rules look at lie in the run
# before it (``_name_start``), and those a short company name looks at end
# where it starts. Each is read only there, and never outside the window of
# the older, whole-window reading (the 22 characters before a candidate,
# merged into the window before when they meet; a merged window's start
# never moves back): the words that matter are the same, at about a third
# of the characters.


def _region(h: Hit, lo: int, run: int, window_lo: int, max_word: int) -> tuple[int, int]:
    """The part of ``h``'s window (which starts at ``window_lo``; ``lo``: its
    own 22 characters) its rules read: from the start of its name run
    (``run``, -1 for an entry) to the suffix. A run cut at the 18-character
    limit keeps the words that reach into it from before."""
    if run < 0:
        return max(lo, window_lo), h.end
    if run == max(0, h.start - _MAX_PREFIX):
        run -= max_word
    return max(run, window_lo), h.start


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching regions as one. Each lies inside a window and
    windows never touch, so a merged region stays inside one window: it finds
    no word a read of that whole window would not."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(regions):
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        elif lo < hi:
            out.append((lo, hi))
    return out


# 1 at the first byte of each UTF-8 character (0 at continuation bytes):
# the characters in a run of bytes are the 1s a bytes.count finds there.
_LEAD = bytes(0 if 0x80 <= b < 0xC0 else 1 for b in range(256))


def _utf8(window: str) -> tuple[str, bytes]:
    """``window`` as an automaton reads it (``bytescan``: its UTF-8 bytes,
    one per character) and its first-byte marks (``_LEAD``). Hits are mapped
    from bytes to characters by counting marks between them: no numpy byte
    map of the whole text (inside the pipeline, where the other stages have
    evicted this one's memory, building and indexing that map cost more than
    the automaton pass itself), no slice decoded per hit."""
    raw = window.encode("utf-8", "surrogatepass")
    return raw.decode("latin-1"), raw.translate(_LEAD)


def _main_hits(auto: ahocorasick.Automaton, text: str) -> tuple[list[Hit], list[str]]:
    """(hits, provinces): the keys (length, word, roles) of ``auto`` in
    ``text`` as hits, and the province names met, in order. A name that is
    only a province (``PROVINCE_ONLY``) is counted, not made a hit: as a
    place it comes with the context words, where rules look."""
    keyed, lead = _utf8(text)
    count = lead.count
    new = tuple.__new__  # a NamedTuple's own __new__ is a Python function
    out: list[Hit] = []
    append = out.append
    provinces: list[str] = []
    byte_end = char_end = 0
    for e, (n, w, roles) in auto.iter(keyed):
        if "province" in roles:
            provinces.append(w)
            if roles == PROVINCE_ONLY:
                continue
        if e >= byte_end:  # (several words can end at one byte)
            char_end += count(1, byte_end, e + 1)
            byte_end = e + 1
        append(new(Hit, (char_end - n, char_end, w, roles)))
    return out, provinces


def _context_hits(auto: ahocorasick.Automaton, text: str, regions: list[tuple[int, int]]) -> list[Hit]:
    """The keys of ``auto`` inside the ``regions`` of ``text`` (sorted, apart)
    as hits, in one pass over the regions joined by line breaks: no context
    word holds a line break, so none runs from one region into the next."""
    if not regions:
        return []
    keyed, lead = _utf8("\n".join([text[lo:hi] for lo, hi in regions]))
    count = lead.count
    new = tuple.__new__
    out: list[Hit] = []
    append = out.append
    k = 0
    lo, hi = regions[0]
    shift, limit = lo, hi - lo  # the current region: joined + shift = text; its joined end
    byte_end = char_end = 0
    for e, (n, w, roles) in auto.iter(keyed):
        if e >= byte_end:
            char_end += count(1, byte_end, e + 1)
            byte_end = e + 1
            while char_end > limit:  # past the region (and its line break): the next one
                k += 1
                lo, hi = regions[k]
                shift = lo - limit - 1
                limit += 1 + hi - lo
        append(new(Hit, (char_end + shift - n, char_end + shift, w, roles)))
    return out


def _place_before(text: str, s: int, lex: OrgLexicon) -> bool:
    """Some place name (or a town by its 镇/乡/街道 ending) ends at s: what
    an ``adjacent`` suffix needs (萧山区|人民政府)."""
    if s >= 1:
        names = lex.adjacent_names
        for k in lex.adjacent_lengths.get(text[s - 1], ()):
            if k <= s and text[s - k:s] in names:
                return True
    return _TOWN_END.search(text, max(0, s - 4), s) is not None


class Index:
    """Hits by end position, so rules look at a few positions instead of
    every hit. ``by_end`` holds the words that can anchor or protect a name;
    stop words are in ``stops_by_end`` (most are only that: 的, 在, 将)."""

    __slots__ = ("bare_starts", "blocks", "by_end", "max_len", "stop_ends", "stops_by_end")

    def __init__(self, hits: list[Hit], max_len: int, blocks: dict[int, list[Hit]]) -> None:
        """``max_len``: no hit is longer (the lexicon's longest word);
        ``blocks``: the block words by the positions they cover."""
        self.blocks = blocks
        by_end: dict[int, list[Hit]] = {}
        stops: dict[int, list[Hit]] = {}
        bare: set[int] = set()
        for h in hits:
            e = h.end
            roles = h.roles
            if "stop" in roles:
                at = stops.get(e)
                if at is None:
                    stops[e] = [h]
                else:
                    at.append(h)
                if roles == _STOP_ONLY:
                    continue
            at = by_end.get(e)
            if at is None:
                by_end[e] = [h]
            else:
                at.append(h)
            if "block_bare" in roles:
                bare.add(h.start)
        self.by_end, self.max_len = by_end, max_len
        # stop words by end, and their ends in order: the search for the last
        # stop word before a suffix bisects instead of probing every position
        self.stops_by_end = stops
        self.stop_ends = sorted(stops)
        self.bare_starts = frozenset(bare)  # where 人大/政协 start (人大|代表)

    def starting(self, i: int, end: int | None = None) -> list[Hit]:
        """Hits starting at i (rarely asked: a scan of the ends after i),
        those ending by ``end`` when given."""
        last = i + self.max_len if end is None else min(end, i + self.max_len)
        return [h for e in range(i + 1, last + 1) for h in self.by_end.get(e, ()) if h.start == i]

    def ending(self, i: int) -> list[Hit]:
        return self.by_end.get(i, [])

    def within(self, start: int, end: int) -> list[Hit]:
        """Hits inside [start, end)."""
        return [h for e in range(start + 1, end + 1) for h in self.by_end.get(e, ()) if h.start >= start]

def _blocked_at(h: Hit, covers: dict[int, list[Hit]]) -> bool:
    """A suffix or body inside a longer ordinary word (部署, 东部, 大学生,
    厅长), from the block words covering each position: one that takes the
    word's first or last character (东|部, 部|署, 学|校长) blocks it, one
    inside the word does not."""
    for b in covers.get(h.start, ()):
        if not (b.start >= h.start and b.end <= h.end):
            return True
    return any(b.start < h.end and not (b.start >= h.start and b.end <= h.end)
               for b in covers.get(h.end, ()))


def _bare_blocked(h: Hit, idx: Index) -> bool:
    return h.start in idx.bare_starts


def _generic_only(prefix: str, generic: frozenset[str], lengths: dict[str, tuple[int, ...]]) -> bool:
    """True when ``prefix`` is a sequence of generic words (有关, 国家级重点);
    ``lengths``: first character → lengths of the generic words starting
    with it (up to 6)."""
    n = len(prefix)
    if n and prefix[0] not in lengths:
        return False  # most names: no generic word starts them
    ok = [False] * (n + 1)
    ok[0] = True
    reach = 0  # the furthest end of a sequence so far
    for i in range(n):
        if not ok[i]:
            if i > reach:
                return False
            continue
        for k in lengths.get(prefix[i], ()):
            j = i + k
            if j <= n and prefix[i:j] in generic:
                ok[j] = True
                if j > reach:
                    reach = j
    return ok[n]


_MARK = re.compile(r"[()（）—\-·]")  # brackets or a dash anchor a name
_NATIONAL = frozenset({"国家", "全国"})
_LEVELS = frozenset({"省", "市", "县", "区", "州", "自治区"})
# A government department named by its level alone (省交通运输厅, 市住建局):
# the level character starts the name; these after it make another word
# (省级, 市场, 县域, 区内, 市长办公室).
_LEVEL_FIRST = frozenset("省市县区州")
_NOT_AFTER_LEVEL = frozenset("级场域内外长委直属")


def _anchored(text: str, start: int, end: int, idx: Index, national: bool = True) -> bool:
    """Whether text[start:end] holds a place, a body, brackets or a dash
    (国家/全国 count only when ``national``: 国家统计局, not 国家医学中心)."""
    if _MARK.search(text, start, end) or _PLACE_LIKE.search(text, start, end):
        return True
    return any(("place" in h.roles and (national or h.word not in _NATIONAL)) or "entry" in h.roles
               or ("county" in h.roles and h.start == start)
               for h in idx.within(start, end))


def _level_named(prefix: str) -> bool:
    """A department named by its level alone: 省交通运输|厅, not 省级|…, 市场|…."""
    return len(prefix) >= 3 and prefix[0] in _LEVEL_FIRST and prefix[1] not in _NOT_AFTER_LEVEL


def _is_place(text: str, start: int, end: int, idx: Index) -> bool:
    """text[start:end] is one place name (浙江, 杭州, 萧山) or a run of them."""
    i = start
    while i < end:
        # only the words ending by ``end`` count: look at those ends alone
        best = max((h.end for h in idx.starting(i, end)
                    if "place" in h.roles or "county" in h.roles), default=None)
        if best is None:
            return False
        i = best
    return True


def _adjacent_place(text: str, start: int, end: int, idx: Index) -> bool:
    """Whether text[start:end] ends in a place (萧山区|人民政府, 美国|政府)."""
    # Towns are not in the division table: 某某镇|政府 by its ending.
    if _TOWN_END.search(text[start:end]):
        return True
    return any(h.start >= start and ("place" in h.roles or "county" in h.roles) for h in idx.ending(end))


def _name_start(text: str, lo: int, s: int) -> int:
    """Start of the run of name characters ending at ``s`` (not before ``lo``),
    as a forward search for ``[...]*$`` in text[lo:s] finds it: ``$`` also
    matches before a newline ending the window."""
    m = _BEFORE_RUN.match(text, lo, s)
    r = lo if m is None else m.end()
    if r == s and s > lo and text[s - 1] == "\n":
        m = _BEFORE_RUN.match(text, lo, s - 1)
        r = lo if m is None else m.end()
    return r


def suffix_candidates(text: str, lex: OrgLexicon, hits: list[tuple[Hit, int]], idx: Index) -> list[Candidate]:
    """Suffix candidates from ``hits``: the live suffixes of ``scan`` (not
    inside an ordinary word: 部署, 东部), each with the start of the run of
    name characters before it."""
    out: list[Candidate] = []
    for h, r in hits:
        suf = lex.suffixes[h.word]
        s = h.start
        # The name starts after the last stop word inside [r, s) that no
        # longer lexicon word (place, body) covers.
        start = _after_last_stop(idx, r, s)
        # only offices (使馆, 办事处, 联络站) join; PD1998 names a unit apart
        # from its army (中国人民解放军|驻港部队)
        if start > r and text[start - 1] == "驻" and suf.type == "government":
            start = _stationed_start(text, idx, r, start, lex.stationed_abbrev)
        # The same suffix earlier in the run ends an earlier phrase
        # (博物馆晋级国家一级博物馆).
        k = text.rfind(h.word, start, s)
        if k >= 0 and not _branch_of(text, idx, k, k + len(h.word), s):
            start = k + len(h.word)
        while start < s and text[start] in ")）":  # the end of a bracket before the name
            start += 1
        k = text.rfind("——", start, s)  # a headline dash, not 港科大—诸暨
        if k >= 0:
            start = k + 2
        numbered = _NUMBERISH.search(text, start, s) is not None
        if numbered:
            for c in _COUNT.finditer(text, start, s):
                start = max(start, c.end())
        while start < s and text[start].isdigit():
            start += 1
        if numbered:
            start = _after_numbering(text, start, s)
        prefix = text[start:s]
        if _bare_blocked(h, idx) and (prefix == "" or suf.anchor == "none"
                                      or not _anchored(text, start, s, idx)):
            continue  # 人大代表, 政协委员 without a named body (凝结着|人大代表)
        if suf.anchor == "none":
            # Only a place may stand before 省委/县政府 (not 县委县政府), and
            # a bare 区委 must not be glued to the word before (一位区委书记).
            if prefix and not _is_place(text, start, s, idx):
                if _glued_bare(text, s, lex):
                    continue
                prefix, start = "", s
            out.append(Candidate(start, h.end, "suffix", prefix, h.word))
            continue
        if prefix in _LEVELS and suf.type in ("government", "party", "legislature", "association") \
                and suf.anchor == "any":
            out.append(Candidate(start, h.end, "suffix", prefix, h.word))  # 省发改委, 市经信局, 省妇联
            continue
        if _TWO_NAMEY.search(prefix) is None or prefix[-1] in "(（" \
                or prefix.count("(") + prefix.count("（") != prefix.count(")") + prefix.count("）"):
            continue
        if _generic_only(prefix, lex.generic, lex.generic_lengths):
            continue
        if suf.anchor == "place" and not _anchored(text, start, s, idx, suf.type == "government") \
                and not (suf.type == "government" and _level_named(prefix)):
            continue
        if suf.anchor == "adjacent" and not _adjacent_place(text, start, s, idx):
            continue
        if suf.anchor == "closed" and h.end < len(text) and _NAMEY.match(text[h.end]) \
                and not text.startswith(lex.closing, h.end):
            continue
        out.append(Candidate(start, h.end, "suffix", prefix, h.word))
    return out


def _after_last_stop(idx: Index, r: int, s: int) -> int:
    """The end of the last stop word inside [r, s) that no longer lexicon
    word covers, else r."""
    ends, stops = idx.stop_ends, idx.stops_by_end
    i = bisect_right(ends, s)
    while i:
        i -= 1
        end = ends[i]
        if end <= r:
            break
        for x in stops[end]:
            if x.start >= r and not _protected(x, idx, s):
                return end
    return r


def _branch_of(text: str, idx: Index, k: int, ke: int, s: int) -> bool:
    """The suffix met earlier, at [k, ke), lies inside a named body that a
    place alone parts from this suffix at ``s``: a parent body before its
    branch, one name as 国家税务总局杭州市税务局 is (海关总署|广州|海关), not
    an earlier phrase."""
    return any("entry" in p.roles and p.start <= k and _is_place(text, e, s, idx)
               for e in range(ke, s) for p in idx.ending(e))


def _stationed_start(text: str, idx: Index, r: int, start: int, abbrev: frozenset[str]) -> int:
    """An office stationed in a place is one name with its sender
    (中国驻美国大使馆, 浙江省驻京办事处): past a bare 驻 (not 进驻/入驻)
    followed by a place (or one of ``abbrev``: 驻华), the name starts where the sender's does, if the
    words before 驻 hold a place or a body (not 国家 alone: 一些国家驻华使馆).
    ``start`` itself otherwise."""
    k = start - 1
    if any(x.word != "驻" for x in idx.stops_by_end.get(start, ())) \
            or not (text[start] in abbrev
                    or any("place" in h.roles or "county" in h.roles for h in idx.starting(start))):
        return start
    before = _after_last_stop(idx, r, k)
    return before if before < k and _anchored(text, before, k, idx, False) else start


def _after_numbering(text: str, start: int, s: int) -> int:
    """Past a leading count (3个), list number （三） and session ordinal
    (第八届|全国人民代表大会: the session is not the body; 第二批|天府实验室)."""
    m = _LEADING_COUNT.match(text, start, s)
    if m:
        start = m.end()
    m = _ENUMERATOR.match(text, start, s)  # （三）世界银行: a list number, not a name
    if m:
        start = m.end()
    m = _ORDINAL.match(text, start, s)
    if m and m.end() < s:
        start = m.end()
    return start


def _protected(st: Hit, idx: Index, limit: int) -> bool:
    """A stop word inside a longer lexicon word (和 in 发展和改革委) that ends
    before the suffix (not 和政, a county, in 建议和|政协)."""
    # the covering words end in [st.end, limit]: the stop word found is the
    # last before the suffix, so these are a few positions
    n, first, by_end = len(st.word), st.start, idx.by_end
    for e in range(st.end, limit + 1):
        for p in by_end.get(e, ()):
            if p.start <= first and len(p.word) > n and len(p.word) >= 2 and not p.roles <= _NOT_PROTECTING:
                return True
    return False


_NOT_PROTECTING = frozenset({"stop", "block", "block_bare", "county"})
_STOP_ONLY = frozenset({"stop"})


def _glued_bare(text: str, s: int, lex: OrgLexicon) -> bool:
    """A bare 区委/市人民政府 that is really the tail of another word: after a
    classifier (一位区委书记) or inside a generic word (直辖|市人民政府)."""
    if s > 0 and text[s - 1] in "位个名些批0123456789一二三四五六七八九十":
        return True
    return any(text[s - k:s + 1] in lex.generic for k in (1, 2, 3) if s - k >= 0)


def _free_left(text: str, i: int, idx: Index) -> bool:
    """Nothing glued before i: the start, a non-name character or a stop word."""
    return i == 0 or not _NAME_CHAR.match(text[i - 1]) or i in idx.stops_by_end


def entry_candidates(text: str, hits: list[Hit], idx: Index, lex: OrgLexicon) -> list[Candidate]:
    """Lexicon bodies; a two-character company name (华为) only when nothing
    is glued before it (not 升华为)."""
    out = []
    for h in hits:  # the lexicon bodies of ``scan``
        if _blocked_at(h, idx.blocks) or _bare_blocked(h, idx):
            continue
        if len(h.word) <= 2 and lex.entries[h.word].type == "company" and not _free_left(text, h.start, idx) \
                and not any("place" in p.roles or "county" in p.roles for p in idx.ending(h.start)):
            continue
        out.append(Candidate(h.start, h.end, "entry", "", h.word))
    return out


def minister_or_department(text: str, c: Candidate) -> bool:
    """外交部|长 is a minister, 民政部|门 a department: not the body itself."""
    return c.end < len(text) and text[c.end] in "长门" and text[c.end - 1] in "部局厅署"


def choose(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Longest first; a candidate overlapping a kept one is dropped."""
    kept: list[Candidate] = []
    occ = bytearray(len(text) + 1)
    for c in sorted(cands, key=_longest_first):
        s, e = c.start, c.end
        if occ.find(1, s, e) >= 0 or minister_or_department(text, c):
            continue
        occ[s:e] = b"\x01" * (e - s)
        kept.append(c)
    kept.sort()  # by start: kept spans do not overlap
    return kept


def _longest_first(c: Candidate) -> tuple[int, int]:
    return c.start - c.end, c.start
