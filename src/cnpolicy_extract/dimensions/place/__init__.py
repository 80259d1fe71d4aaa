"""places: provinces, cities, counties, districts, towns, zones, regions and
countries, with normalised name, level, parent and GB/T 2260 code.

One index over every known name (full and short forms, built once per stage;
``matcher``) finds candidates; ``resolve`` picks a reading per document;
leftmost-longest selection removes overlaps; context rules (``rules``) drop
places inside organisation names, quoted brand names, and extend a place into
a zone (诸暨经开区). Places inside ``state.organizations`` spans are skipped.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import ClassVar

import regex

from ...config import Config
from ...lazy import Lazy
from ...state import DocState
from ...types import Place
from . import rules
from .data import (
    Entry,
    blocker_phrases,
    division_entries,
    stop_shorts,
    straddle_words,
    town_entries,
    word_shorts,
    world_entries,
)
from .matcher import NameIndex
from .resolve import Context, Reading, choose, evidence, facility_town, needs_context, out_of_context

_BLOCKER = Entry(name="", level="blocker")  # a phrase that hides the place inside it
_NUMERALS = frozenset("一二两三四五六七八九十百千万")


# key length, its readings, straddling loses it, its suffix may start a word,
# what it says about the document's province/city (``resolve.evidence``)
# and its reading when no document changes it (``_fixed``)
_Fields = tuple[bool, str, str, str | None, str | None]  # out of context, name, level, parent, code
# whether it has a drop test at all (weak or suffix_word), and the province
# and city codes one of which the document must name (``_context_codes``)
_Codes = tuple[frozenset[str], frozenset[str]]
_Value = tuple[int, tuple[Reading, ...], bool, bool, tuple[str, str | None] | None, _Fields | None, bool,
               _Codes | None]


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    names: NameIndex[_Value]
    org_head: re.Pattern[str]
    zone_full: dict[str, str]
    zone_after: re.Pattern[str]
    zone_first: frozenset[str]  # first characters of zone suffixes: a cheap test first
    generic_zone: regex.Pattern[str]
    generic_by_last: tuple[tuple[str, tuple[str, ...]], ...]  # last character → generic suffixes
    straddle: frozenset[str]
    facility_heads: tuple[str, ...] = ()  # 水库, 电厂: a town's short form before one is the town
    facility_first: frozenset[str] = frozenset()  # their first characters (a cheap test first)


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
    straddle = straddle_words(frozenset(table))
    zone_full, generic = rules.zone_suffixes()
    facility = rules.facility_heads()
    return _Gazetteer(NameIndex.build(_values(table)), rules.org_head_pattern(), zone_full,
                      rules.zone_after_pattern(zone_full), frozenset(z[0] for z in zone_full),
                      rules.generic_zone_pattern(generic), _by_last_character(generic), straddle,
                      facility, frozenset(h[0] for h in facility))


def _by_last_character(words: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``words`` grouped by their last character (see ``_suffix_starts``)."""
    by_last: dict[str, list[str]] = {}
    for w in sorted(words):
        by_last.setdefault(w[-1], []).append(w)
    return tuple((c, tuple(ws)) for c, ws in sorted(by_last.items()))


def _values(table: dict[str, list[Reading]]) -> dict[str, _Value]:
    """What the matcher reports for each name: everything about it that does
    not depend on the document, worked out once here (see ``_Value``)."""
    out: dict[str, _Value] = {}
    for key, lst in table.items():
        readings = tuple(lst)
        # Straddling a word loses two-character names and towns, never
        # provinces and countries (too salient to lose this way).
        weak = (len(key) == 2 or all(r.entry.level == "town" for r in readings)) and not any(
            r.entry.level in ("province", "country") for r in readings)
        # 北京市场, 日本国民: a full name whose suffix may start a word (see find_places)
        suffix_word = (len(key) >= 3 and key[-1] in "市县区省") or (len(key) == 3 and key[-1] == "国")
        if all(r.short and r.entry.level == "town" and r.entry.wordlike and not r.entry.placelike
               for r in readings):
            continue  # ``acceptable`` never takes such a name: it could only cost time
        out[key] = (len(key), readings, weak, suffix_word, evidence(readings), _fixed(readings),
                    weak or suffix_word, _context_codes(readings))
    return out


def _fixed(readings: tuple[Reading, ...]) -> _Fields | None:
    """What ``choose`` makes of a name whatever the document: a single
    reading that needs no context and is never out of context (浙江省,
    杭州); None when the document decides."""
    if len(readings) != 1:
        return None
    r = readings[0]
    if needs_context(r) or (r.short and r.entry.level not in ("province", "country", "region")):
        return None
    en = r.entry
    return (False, en.name, en.level, en.parent, en.code)


def _context_codes(readings: tuple[Reading, ...]) -> _Codes | None:
    """The provinces and cities of the readings when every reading needs
    context (towns, short forms of districts): a document naming none of
    them accepts no reading (``resolve.acceptable``), a test that spares
    ``choose`` for the towns of other provinces. None: some reading may do
    without."""
    if not all(needs_context(r) and r.entry.prov for r in readings):
        return None
    return (frozenset(r.entry.prov or "" for r in readings),
            frozenset(r.entry.city for r in readings if r.entry.city))


# A place found: start, end, name, level, parent, code.
_Hit = tuple[int, int, str, str, str | None, str | None]
# A candidate: start, end, out of context, order found, fields. Sorting them
# orders them by start and end (the order found settles a tie before fields).
_Cand = tuple[int, int, bool, int, _Fields]


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
        for s, e, name, level, parent, code in find_places(state.text, self._gaz.get(), org_spans):
            if not identity:
                s, e = norm.span(s, e)
            out.append(Place(s, e, original[s:e], name, level, parent, code))


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
    straddle = gaz.straddle
    # The context: what the names that tell the document's province/city
    # say, their drop tests done now (a dropped hit must not count). Names
    # whose reading no document changes are candidates at once; the others
    # wait for the context, and are tested once their reading is accepted:
    # most never are (towns under another province).
    evidence: set[tuple[str, str | None]] = set()
    cands: list[_Cand] = []
    later: list[tuple[int, int, _Value, bool]] = []  # start, end, value, drop test done
    for s, e, v in gaz.names.find(text):
        ev, fixed = v[4], v[5]
        if ev is None and fixed is None:
            later.append((s, e, v, False))
            continue
        if v[6] and _dropped(text, s, e, v, straddle):
            continue
        if ev is not None:
            evidence.add(ev)
        if fixed is not None:
            cands.append((s, e, fixed[0], len(cands), fixed))
        else:
            later.append((s, e, v, True))
    ctx = Context.from_evidence(evidence)

    # The same name reads the same way throughout a document: choose once.
    # (Keyed by the name, not by id(v): compiled, a tuple may be rebuilt on
    # each read, and a freed one's id reused.)
    memo: dict[str, _Fields | None] = {}
    facility_first, facility_heads = gaz.facility_first, gaz.facility_heads
    for s, e, v, tested in later:
        key = text[s:e]
        f = memo[key] if key in memo else memo.setdefault(key, _reading(v, ctx))
        if f is None and text[e:e + 1] in facility_first and rules.facility_after(text, e, facility_heads):
            f = _facility_reading(v, ctx)  # 镜岭水库: the facility says the word is a place
        if f is None or (v[6] and not tested and _dropped(text, s, e, v, straddle)):
            continue
        cands.append((s, e, f[0], len(cands), f))
    # Generic zones (图灵小镇): trusted at a boundary, then every mention counts.
    suffix_starts = _suffix_starts(text, gaz.generic_by_last)
    for zname in _generic_zones(text, gaz, suffix_starts):
        zone: _Fields = (False, zname, "zone", None, None)
        for i in _zone_mentions(text, zname, suffix_starts):
            cands.append((i, i + len(zname), False, len(cands), zone))

    # Overlaps: in-context readings first, then longer, then leftmost.
    cands.sort()
    chosen = _non_overlapping(cands)

    org_occ: bytearray | None = None
    if org_spans:  # characters inside some organisation: most places are not, a cheap no
        org_occ = bytearray(len(text) + 1)
        for a, b in org_spans:
            org_occ[a:b] = b"\x01" * (b - a)
    zone_first, org_head = gaz.zone_first, gaz.org_head
    person_first, quote_open = rules.PERSON_AFTER_FIRST, rules.QUOTE_OPEN
    out: list[_Hit] = []
    last_division: str | None = None  # name of the last county, district or city
    inside_until = -1  # the end of a bracketed zone name: places inside it are not listed again
    for k, c in enumerate(chosen):
        _, name, level, parent, code = c[4]
        if level == "blocker":
            continue
        s, e = c[0], c[1]
        if s < inside_until:
            continue
        nxt = text[e:e + 1]
        if nxt in "(（" and level in ("country", "province"):
            bz = _bracketed_zone(text, e, gaz, chosen, k)
            if bz is not None:  # 中国（浙江）自由贸易试验区
                inside_until, zname, parent = bz
                out.append((s, inside_until, zname, "zone", parent, None))
                continue
        if nxt == "地" and text.startswith("地区", e) and not name.endswith("地区"):
            e += 2  # 长三角地区, 北京地区
            nxt = text[e:e + 1]
        if level != "zone":
            z = gaz.zone_after.match(text, e) if nxt in zone_first else None
            if z and level not in ("country", "region"):
                # 诸暨经开区: a zone on the place
                name, level, parent, code = text[s:e] + gaz.zone_full[z.group()], "zone", name, None
                e = z.end()
                nxt = text[e:e + 1]
        elif last_division is not None:
            parent = last_division
        if level in ("county", "district", "city"):
            last_division = name
        if org_occ is not None and org_occ[s] and _inside(org_spans or [], s, e):
            continue
        # On re, the pattern fails as fast as a test of the next six
        # characters for a head's first character did (no prefilter).
        if org_head.match(text, e):
            continue
        if e - s == 2 and nxt in person_first and rules.PERSON_AFTER.match(text, e):
            continue
        if s > 0 and text[s - 1] in quote_open and _in_brand_quote(text, s, e):
            continue
        if level == "town" and e - s == 2 and _in_short_quote(text, s, e):
            continue  # “五区共兴”: a slogan, not the town 共兴镇
        out.append((s, e, name, level, parent, code))
    return out


_BRACKETED = re.compile(r"[(（]([^()（）\n]{2,8})[)）]")


def _bracketed_zone(text: str, e: int, gaz: _Gazetteer, chosen: list[_Cand],
                    k: int) -> tuple[int, str, str] | None:
    """(end, name, parent) of a zone named by a place, a bracketed place and
    a zone suffix (中国（浙江）自由贸易试验区: parent 浙江省), read at ``e``,
    the end of the outer place (``chosen[k]``); else None."""
    m = _BRACKETED.match(text, e)
    if m is None:
        return None
    z = gaz.zone_after.match(text, m.end())
    if z is None:
        return None
    inner = next((c for c in chosen[k + 1:k + 3] if c[0] == m.start(1) and c[1] == m.end(1)), None)
    if inner is None:
        return None
    # named as officially written, with full-width brackets
    name = f"{text[chosen[k][0]:e]}（{m.group(1)}）{gaz.zone_full[z.group()]}"
    return z.end(), name, inner[4][1]


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    """The candidates kept, by start, from ``cands`` sorted by start: taken
    in the order of ``_priority``, each unless it overlaps one taken before.
    That order matters only among candidates that overlap, directly or in a
    chain: a candidate that overlaps none (most) is kept at once, and only
    each run of overlapping ones is ordered and tested (``_by_priority``)."""
    out: list[_Cand] = []
    run: list[_Cand] = []
    end = 0  # the end of the run so far
    for c in cands:
        if c[0] >= end:  # overlaps nothing before it: the run before is complete
            if len(run) == 1:
                out.append(run[0])
            elif run:
                out += _by_priority(run)
            run = [c]
        else:
            run.append(c)
        if c[1] > end:
            end = c[1]
    if len(run) == 1:
        out.append(run[0])
    elif run:
        out += _by_priority(run)
    return out


def _by_priority(run: list[_Cand]) -> list[_Cand]:
    """Overlapping candidates: the ones kept, by start, taking each in the
    order of ``_priority`` unless it overlaps one already taken."""
    if len(run) == 2:  # the two overlap (most often 浙江 and 浙江省): one is kept
        return [min(run, key=_priority)]
    kept: list[_Cand] = []
    for c in sorted(run, key=_priority):
        if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
            kept.append(c)
    kept.sort()
    return kept


def _priority(c: _Cand) -> tuple[bool, int, int, int]:
    """In-context readings first, then longer, then leftmost, then first found."""
    return c[2], c[0] - c[1], c[0], c[3]


def _reading(v: _Value, ctx: Context) -> _Fields | None:
    """What ``choose`` makes of a name in this context (None: no reading)."""
    codes = v[7]
    if codes is not None and ctx.provs.isdisjoint(codes[0]) and ctx.cities.isdisjoint(codes[1]):
        return None  # every reading needs a province or city the document does not name
    got = choose(v[1], ctx)
    if got is None:
        return None
    reading, certain = got
    en = reading.entry
    return (out_of_context(reading, ctx), en.name, en.level,
            en.parent if certain else None, en.code if certain else None)


def _facility_reading(v: _Value, ctx: Context) -> _Fields | None:
    """A town's short form before a facility word, under a province the
    document names (parent and code only when no other such town has that
    short form)."""
    got = facility_town(v[1], ctx)
    if got is None:
        return None
    reading, certain = got
    en = reading.entry
    return (True, en.name, en.level, en.parent if certain else None, en.code if certain else None)


def _dropped(text: str, s: int, e: int, v: _Value, words: frozenset[str]) -> bool:
    """A weak hit (``_Value``) that straddles a word boundary: its first or
    last character belongs to a word with its neighbour, but the name's own
    suffix or 人 after it continues the name (杭州市民, 象山人; while 大城市 is
    not 大城县). Or a full name whose suffix starts a word (北京市场, 日本国民:
    the short form's own hit remains)."""
    if v[2]:
        if s > 0 and text[s - 1:s + 1] in words:
            return True
        if e < len(text) and text[e - 1:e + 1] in words:
            nxt = text[e]
            if not (nxt == "人" or any(r.entry.name == text[s:e] + nxt for r in v[1])):
                return True
    return v[3] and text[e - 1:e + 1] in words


def _generic_zones(text: str, gaz: _Gazetteer, starts: list[int]) -> list[str]:
    """Names + generic suffixes at a boundary (图灵小镇), in order of first
    match, as ``gaz.generic_zone.finditer`` finds them; the pattern is only
    tried where a suffix occurs (``starts``: ``_suffix_starts``; most
    documents have none)."""
    if not starts:
        return []
    names: dict[str, None] = {}
    last = -1
    for i in starts:
        if i < last:
            continue  # inside the previous match: finditer does not look there
        # what the lookbehind needs: two Han characters (all at or above
        # U+2E80) after a boundary or the start of a line (a cheap no)
        if i < 2 or text[i - 2] < "\u2e80" or text[i - 1] < "\u2e80" or not (
                i == 2 or text[i - 3] in rules.BOUNDARY_CHARS or text[i - 3].isspace()):
            continue
        m = gaz.generic_zone.match(text, i)
        if m is not None:
            last = m.end()
            if m["name"] not in rules.GENERIC_ZONE_STOP:
                names[m["name"] + m["suf"]] = None
    return list(names)


def _suffix_starts(text: str, by_last: tuple[tuple[str, tuple[str, ...]], ...]) -> list[int]:
    """Where each word of ``by_last`` (``_by_last_character``) occurs in
    ``text``, in order, overlaps included. Found from their last character:
    a one-character ``str.find`` runs several times faster than a search
    for the two-character word (≈0.3 against ≈2 µs per 1,000 characters)."""
    starts: list[int] = []
    for last, words in by_last:
        i = text.find(last)
        while i >= 0:
            for w in words:
                k = i + 1 - len(w)
                if k >= 0 and text.startswith(w, k):
                    starts.append(k)
            i = text.find(last, i + 1)
    starts.sort()
    return starts


def _zone_mentions(text: str, zone: str, suffix_starts: list[int]) -> list[int]:
    """Every start of ``zone`` (a two-character name + a generic suffix) in
    ``text``, overlaps included, read off where the suffixes occur
    (``_suffix_starts``) instead of searching the whole text for each zone."""
    out: list[int] = []
    for k in suffix_starts:
        i = k - 2
        if i >= 0 and text.startswith(zone, i) and (not out or out[-1] != i):
            out.append(i)
    return out


def _in_short_quote(text: str, s: int, e: int) -> bool:
    """Inside “…” of at most 8 characters on the same line."""
    left = text.rfind("“", max(0, s - 8), s)
    if left < 0 or "”" in text[left:s] or "\n" in text[left:s]:
        return False
    right = text.find("”", e, e + 8)
    return right >= 0 and "\n" not in text[e:right]


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
