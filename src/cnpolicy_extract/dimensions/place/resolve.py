"""Choosing one reading for an ambiguous place name, given the document.

A name may denote several places (朝阳: a city in Liaoning, districts in
Beijing and Changchun; 鼓楼: five districts). The reading under a city or
province the document mentions wins; then the higher administrative level;
full names beat short forms. Short forms of districts and every town need
such context: alone they are too often ordinary words or another place.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .data import Entry


@dataclass(frozen=True, slots=True)
class Reading:
    entry: Entry
    short: bool  # matched through a short form (浙江 for 浙江省)
    word: bool = False  # the short form is also an ordinary word (上高, 龙游)


@dataclass(slots=True)
class Context:
    """Province and city code prefixes the document mentions unambiguously."""

    provs: set[str]
    cities: set[str]

    @classmethod
    def from_hits(cls, hits: Iterable[tuple[Reading, ...]]) -> Context:
        return cls.from_evidence(evidence(r) for r in hits)

    @classmethod
    def from_evidence(cls, found: Iterable[tuple[str, str | None] | None]) -> Context:
        """From the ``evidence`` of each name found (None: no evidence)."""
        provs: set[str] = set()
        cities: set[str] = set()
        for ev in found:
            if ev is not None:
                provs.add(ev[0])
                if ev[1] is not None:
                    cities.add(ev[1])
        return cls(provs, cities)

    def score(self, e: Entry) -> int:
        """0 = under a mentioned city, 1 = under a mentioned province, 2 = neither.
        Regions, countries and foreign places (no province) always count as 0."""
        if not e.prov:
            return 0
        if e.city and e.city in self.cities:
            return 0
        if e.prov and e.prov in self.provs:
            return 1
        return 2


def evidence(readings: tuple[Reading, ...]) -> tuple[str, str | None] | None:
    """The (province, city or None) code prefixes a name found in a document
    names unambiguously, or None. Only strong evidence: full names, and short
    forms of provinces/cities. Depends on the name alone: the gazetteer
    computes it once per name."""
    readings = tuple(r for r in readings if r.entry.level != "town")
    divs = [r.entry for r in readings if r.entry.prov
            and (not r.short or r.entry.level in ("province", "city"))]
    if not divs or len(divs) != len(readings):
        return None
    if len({e.prov for e in divs}) != 1:
        return None
    city = divs[0].city if len({e.city for e in divs}) == 1 and divs[0].city else None
    return divs[0].prov or "", city


def needs_context(r: Reading) -> bool:
    return r.entry.level == "town" or (r.short and (r.entry.level == "district" or r.word))


def acceptable(r: Reading, ctx: Context) -> bool:
    """Town short forms need their city named, and when jieba knows them as
    words, a place-name tag (乌镇 under 嘉兴; never 大桥镇, 爱国街道); other
    context-needing readings need their province or city."""
    if not needs_context(r):
        return True
    if r.short and r.entry.level == "town":
        # A town's short form needs its city named (镜岭 alone is too weak); one
        # that is also a word only if jieba knows it as a place (乌镇, not 大桥).
        return (r.entry.placelike or not r.entry.wordlike) and ctx.score(r.entry) == 0
    return ctx.score(r.entry) < 2


def out_of_context(r: Reading, ctx: Context) -> bool:
    """A short-form reading under no place the document names (weaker in overlaps)."""
    return r.short and r.entry.level not in ("province", "country", "region") and ctx.score(r.entry) == 2


def choose(readings: tuple[Reading, ...], ctx: Context) -> tuple[Reading, bool] | None:
    """The best reading and whether it is certain (False: ties remain, so
    parent and code are not trusted); None when no reading is acceptable."""
    ok = [r for r in readings if acceptable(r, ctx)]
    if not ok:
        return None
    # In context before out of context; then the higher level (中山市 over a
    # 中山街道 under a named city), then the nearer context, full names first.
    def key(r: Reading) -> tuple[bool, int, int, bool, str]:
        # Provinces are always salient (携手天津、河北: 河北省, not 河北区).
        sc = 0 if r.entry.level == "province" else ctx.score(r.entry)
        return (sc == 2, r.entry.rank, sc, r.short, r.entry.code or "")

    ok.sort(key=key)
    best = ok[0]
    top = key(best)[:3]
    rivals = {r.entry.code or r.entry.name for r in ok if key(r)[:3] == top}
    return best, len(rivals) == 1


def facility_town(readings: tuple[Reading, ...], ctx: Context) -> tuple[Reading, bool] | None:
    """The town a short form before a facility word names (镜岭|水库) when
    the document names its province, though not its city, and whether it is
    the only such town; None when the name has other readings (a county, a
    word jieba does not tag as a place) or lies in a province the document
    does not name (前坪水库 in Henan is no 前坪乡 of Fujian)."""
    if not readings or not all(r.short and r.entry.level == "town" for r in readings):
        return None
    ok = sorted((r for r in readings if (r.entry.placelike or not r.entry.wordlike)
                 and ctx.score(r.entry) <= 1),
                key=lambda r: r.entry.code or "")
    if not ok:
        return None
    # (towns carry no code of their own: told apart by their county)
    return ok[0], len({(r.entry.name, r.entry.parent) for r in ok}) == 1
