"""places: provinces, cities, counties, districts, towns, zones, regions and
countries, with normalised name, level, parent and GB/T 2260 code.

One Aho-Corasick automaton over every known name (full and short forms, built
once per stage) finds candidates; ``resolve`` picks a reading per document;
leftmost-longest selection removes overlaps; context rules (``rules``) drop
places inside organisation names, quoted brand names, and extend a place into
a zone (诸暨经开区). Places inside ``state.organizations`` spans are skipped.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar

import ahocorasick
import regex

from ... import bytescan
from ...config import Config
from ...lazy import Lazy
from ...state import DocState
from ...types import Place
from . import rules
from .data import (
    Entry,
    blocker_phrases,
    division_entries,
    jieba_stats,
    stop_shorts,
    town_entries,
    word_shorts,
    world_entries,
)
from .resolve import Context, Reading, choose, out_of_context

_BLOCKER = Entry(name="", level="blocker")  # a phrase that hides the place inside it
_NUMERALS = frozenset("一二两三四五六七八九十百千万")


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    automaton: ahocorasick.Automaton
    org_head: regex.Pattern[str]
    zone_full: dict[str, str]
    zone_after: regex.Pattern[str]
    zone_first: frozenset[str]  # first characters of zone suffixes: a cheap test first
    generic_zone: regex.Pattern[str]
    straddle: frozenset[str]


def _build() -> _Gazetteer:
    table: dict[str, list[Reading]] = {}
    stop = stop_shorts()
    words = word_shorts()

    def add(key: str, entry: Entry, short: bool) -> None:
        if len(key) < 2 or (key in stop and (short or len(key) == 2 or entry.level == "town")):
            return
        lst = table.setdefault(key, [])
        if all(r.entry != entry for r in lst):
            # Short forms that are words, or start with a numeral (三江, 九市), need context.
            numeral = key[0] in _NUMERALS and entry.level in ("county", "district")
            wordy = short and (key in words or numeral)
            lst.append(Reading(entry, short, wordy))

    divisions = division_entries()
    for e in divisions + town_entries(divisions):
        add(e.name, e, False)
        for s in e.shorts:
            add(s, e, True)
    for alias, e in world_entries():
        add(alias, e, alias != e.name)
    for phrase in blocker_phrases():
        table[phrase] = [Reading(_BLOCKER, False)]
    straddle, char_freq = jieba_stats(frozenset(table))
    auto = _automaton(table, char_freq)
    zone_full, generic = rules.zone_suffixes()
    return _Gazetteer(auto, rules.org_head_pattern(), zone_full, rules.zone_after_pattern(zone_full),
                      frozenset(z[0] for z in zone_full), rules.generic_zone_pattern(generic), straddle)


# Characters frequent in normalised text that jieba's dictionary does not
# weigh: punctuation, digits, Latin letters (most frequent first).
_TEXT_FIRST = (",，。、“”\n0123456789.%:：;；()（）《》!！?？ -—·…\"'‘’[]【】/"
               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+×~")


def _automaton(table: dict[str, list[Reading]], char_freq: dict[str, int]) -> ahocorasick.Automaton:
    """The matcher runs over UTF-8 bytes, not characters: pyahocorasick finds
    a node's child by a linear scan, and over characters every character of
    the text that starts no deeper match is looked up among the root's ~3,000
    children; over bytes no node has more than 256 (measured: matching 2-3x
    faster). UTF-8 is self-synchronising, so a key's bytes match only at
    character boundaries. Keys go in by frequency of their first character
    (punctuation, then jieba's character weights): children scanned first are
    the common ones."""
    by_first: dict[str, list[str]] = {}
    for key in table:
        by_first.setdefault(key[0], []).append(key)
    first = {c: i for i, c in enumerate(_TEXT_FIRST)}
    auto = ahocorasick.Automaton()
    for c in sorted(by_first, key=lambda c: (first.get(c, len(first)), -char_freq.get(c, 0), c)):
        for key in by_first[c]:
            readings = tuple(table[key])
            # Straddling a word loses two-character names and towns, never
            # provinces and countries (too salient to lose this way).
            weak = (len(key) == 2 or all(r.entry.level == "town" for r in readings)) and not any(
                r.entry.level in ("province", "country") for r in readings)
            auto.add_word(bytescan.key(key), (len(key), readings, weak))
    auto.make_automaton()
    return auto


_Value = tuple[int, tuple[Reading, ...], bool]  # key length, its readings, straddling loses it


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    name: str
    level: str
    parent: str | None
    code: str | None
    weak: bool = False  # an out-of-context short form: loses overlaps


class PlaceStage:
    kind: ClassVar[str] = "places"
    requires: ClassVar[frozenset[str]] = frozenset({"organizations"})

    def __init__(self, config: Config) -> None:
        self.config = config
        self._gaz: Lazy[_Gazetteer] = Lazy(_build)

    def __call__(self, state: DocState) -> None:
        org_spans = _norm_spans(state)
        norm = state.norm
        original, identity, out = norm.original, norm.offsets is None, state.places
        for h in find_places(state.text, self._gaz.get(), org_spans):
            s, e = (h.start, h.end) if identity else norm.span(h.start, h.end)
            out.append(Place(s, e, original[s:e], h.name, h.level, h.parent, h.code))


def _norm_spans(state: DocState) -> list[tuple[int, int]]:
    """Organisation spans in normalised offsets (identity unless lengths differ)."""
    if not state.organizations:
        return []
    if state.norm.offsets is None:
        return sorted((o.start, o.end) for o in state.organizations)
    offs = state.norm.offsets
    out = []
    for o in state.organizations:
        s = bisect.bisect_left(offs, o.start)
        e = bisect.bisect_left(offs, o.end)
        out.append((s, e))
    return sorted(out)


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, 1 << 62)) - 1
    while i >= 0:
        os_, oe = spans[i]
        if os_ <= s and e <= oe:
            return True
        if oe <= s and i < len(spans) and os_ < s - 200:
            break
        i -= 1
    return False


def find_places(text: str, gaz: _Gazetteer, org_spans: list[tuple[int, int]] | None = None) -> list[_Hit]:
    raw: list[tuple[int, int, tuple[Reading, ...]]] = []
    for end, (n, readings, weak) in bytescan.matches(gaz.automaton, text):
        s = end + 1 - n
        if weak and _straddles(text, s, end + 1, gaz.straddle, readings):
            continue
        if ((n >= 3 and text[end] in "市县区省") or (n == 3 and text[end] == "国")) \
                and text[end:end + 2] in gaz.straddle:
            continue  # 北京市场, 日本国民: the short form's own hit remains
        raw.append((s, end + 1, readings))
    ctx = Context.from_hits({id(r): r for _, _, r in raw}.values())  # each name once

    cands: list[_Hit] = []
    # The same name reads the same way throughout a document: choose once.
    memo: dict[int, tuple[str, str, str | None, str | None, bool] | None] = {}
    for s, e, readings in raw:
        key = id(readings)
        if key not in memo:
            got = choose(readings, ctx)
            if got is None:
                memo[key] = None
            else:
                reading, certain = got
                en = reading.entry
                memo[key] = (en.name, en.level, en.parent if certain else None,
                             en.code if certain else None, out_of_context(reading, ctx))
        fields = memo[key]
        if fields is not None:
            cands.append(_Hit(s, e, *fields))
    # Generic zones (图灵小镇): trusted at a boundary, then every mention counts.
    names: dict[str, tuple[str, str]] = {}
    for m in gaz.generic_zone.finditer(text):
        if m["name"] not in rules.GENERIC_ZONE_STOP:
            names[m["name"] + m["suf"]] = (m["name"], m["suf"])
    for zname in names:
        i = text.find(zname)
        while i >= 0:
            cands.append(_Hit(i, i + len(zname), zname, "zone", None, None))
            i = text.find(zname, i + 1)

    # Overlaps: in-context readings first, then longer, then leftmost.
    cands.sort(key=lambda h: (h.weak, -(h.end - h.start), h.start))
    taken = bytearray(len(text) + 1)
    chosen: list[_Hit] = []
    for h in cands:
        if not any(taken[h.start:h.end]):
            chosen.append(h)
            taken[h.start:h.end] = b"\x01" * (h.end - h.start)
    chosen.sort(key=lambda h: h.start)

    out: list[_Hit] = []
    last_division: _Hit | None = None
    for h in chosen:
        if h.level == "blocker":
            continue
        if text.startswith("地区", h.end) and not h.name.endswith("地区"):
            h = _Hit(h.start, h.end + 2, h.name, h.level, h.parent, h.code)  # 长三角地区, 北京地区
        if h.level != "zone":
            z = gaz.zone_after.match(text, h.end) if text[h.end:h.end + 1] in gaz.zone_first else None
            if z and h.level not in ("country", "region"):
                suffix = z.group()
                h = _Hit(h.start, z.end(), text[h.start:h.end] + gaz.zone_full[suffix], "zone", h.name, None)
        elif last_division is not None:
            h.parent = last_division.name
        if h.level in ("county", "district", "city") and h.level != "zone":
            last_division = h
        if org_spans and _inside(org_spans, h.start, h.end):
            continue
        if gaz.org_head.match(text, h.end):
            continue
        if h.end - h.start == 2 and text[h.end:h.end + 1] in rules.PERSON_AFTER_FIRST \
                and rules.PERSON_AFTER.match(text, h.end):
            continue
        if _in_brand_quote(text, h.start, h.end):
            continue
        if h.level == "town" and h.end - h.start == 2 and _in_short_quote(text, h.start, h.end):
            continue  # “五区共兴”: a slogan, not the town 共兴镇
        out.append(h)
    return out


def _in_short_quote(text: str, s: int, e: int) -> bool:
    """Inside “…” of at most 8 characters on the same line."""
    left = text.rfind("“", max(0, s - 8), s)
    if left < 0 or "”" in text[left:s] or "\n" in text[left:s]:
        return False
    right = text.find("”", e, e + 8)
    return right >= 0 and "\n" not in text[e:right]


def _straddles(text: str, s: int, e: int, words: frozenset[str], readings: tuple[Reading, ...]) -> bool:
    """The first or last character belongs to a word with its neighbour; but
    the name's own suffix or 人 after it continues the name (杭州市民, 象山人;
    while 大城市 is not 大城县)."""
    if s > 0 and text[s - 1:s + 1] in words:
        return True
    if e >= len(text) or text[e - 1:e + 1] not in words:
        return False
    nxt = text[e]
    return not (nxt == "人" or any(r.entry.name == text[s:e] + nxt for r in readings))


def _in_brand_quote(text: str, s: int, e: int) -> bool:
    """True for a place opening a short quoted brand name: “杭州港”, “浙江e港通”."""
    if s == 0 or text[s - 1] not in rules.QUOTE_OPEN:
        return False
    close = -1
    for j in range(e, min(len(text), e + 5)):
        if text[j] in rules.QUOTE_CLOSE:
            close = j
            break
    if close < 0 or close == e:
        return False
    return bool(rules.BRAND_TAIL.search(text[e:close]))
