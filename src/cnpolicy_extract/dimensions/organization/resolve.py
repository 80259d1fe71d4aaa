"""A matched organisation span → its full ``name`` and ``type``."""
from __future__ import annotations

import regex

from .lexicon import OrgLexicon, Province
from .rules import Candidate

_SESSION = regex.compile(r"(?<!第)([一二三四五六七八九十]+届)")
_SLOT = regex.compile(r"\{prov\|([^}]*)\}")  # compiled once: _fill runs for many bodies
_PARTY_COMMITTEE = ("省委", "市委", "区委", "县委", "州委")


def document_province(text: str, lex: OrgLexicon, words: list[str] | None = None) -> Province | None:
    """The province a document is about: clearly the most mentioned one
    (``words``: the province names found in ``text``, when already read)."""
    names = lex.province_by_word
    counts: dict[str, int] = {}
    if words is None:
        words = [w for _, (w, _r) in lex.province_words.iter(text)]
    for w in words:
        p = names.get(w)
        if p is not None:
            counts[p.name] = counts.get(p.name, 0) + 1
    if not counts:
        return None
    # Which of two equally mentioned provinces is "top" does not matter:
    # a tie never passes the test below.
    top = max(counts, key=counts.__getitem__)
    n = counts.pop(top)
    second = max(counts.values(), default=0)
    if n >= 2 and n >= 2 * second:
        return names[top]
    return None


def _fill(template: str, prov: Province | None) -> str:
    def sub(m: regex.Match[str]) -> str:
        return prov.name if prov is not None else m.group(1)
    return str(_SLOT.sub(sub, template))


def _place_full(prefix: str, level_char: str, lex: OrgLexicon) -> str:
    """萧山 + 区 → 杭州市萧山区 (parent prepended when unique)."""
    place = prefix if prefix.endswith(level_char) else prefix + level_char
    parent = lex.parent.get(place)
    if parent and not place.startswith(parent):
        return parent + place
    return place


def resolve(c: Candidate, text: str, lex: OrgLexicon, prov: Province | None) -> tuple[str, str]:
    """(name, type) for a candidate over the normalised ``text``."""
    surface = text[c.start:c.end]
    if c.rule in ("entry", "alias"):
        e = lex.entries.get(c.key)
        if e is None:
            return c.key, "company"
        if e.expand:
            return _fill(e.expand, prov), e.type
        return e.name, e.type
    if surface in lex.entries:  # 中国人民银行 by its 银行 suffix is still the listed body
        e = lex.entries[surface]
        return (_fill(e.expand, prov) if e.expand else e.name), e.type
    suf = lex.suffixes[c.key]
    prefix = _SESSION.sub(r"第\1", c.prefix) if "届" in c.prefix else c.prefix
    full = suf.full
    if suf.type == "legislature" and c.key.endswith("政协"):
        place = (prefix + c.key[:-2]) if prefix else c.key[:-2]
        if not place and prov is not None:
            return f"中国人民政治协商会议{prov.name}委员会", "legislature"
        if place in ("省",) and prov is not None:
            place = prov.name
        return f"中国人民政治协商会议{place}委员会" if place else surface, "legislature"
    if not prefix and full[:1] == "省" and prov is not None:
        prefix, full = prov.name[:-1], full
    elif prefix == "省" and prov is not None:
        prefix = prov.name  # 省发改委 → 江苏省发展和改革委员会
    if c.key in _PARTY_COMMITTEE and prefix:
        place = _place_full(prefix, c.key[0], lex)
        return "中共" + place + "委", "party"
    if c.key in _PARTY_COMMITTEE:
        name = prefix + full
        return ("中共" + name if not name.startswith("中共") else name), "party"
    if suf.anchor == "place" and suf.type == "government" and prefix:
        for level in "区县":
            if prefix.endswith(level):
                prefix = _place_full(prefix, level, lex)
                break
    if c.key == "政府" and not prefix.endswith(tuple("省市县区州镇乡旗")):
        return prefix + "政府", suf.type  # 美国政府: no 人民政府 abroad
    if c.key in lex.entries and not prefix:
        e = lex.entries[c.key]
        return (_fill(e.expand, prov) if e.expand else e.name), e.type
    if suf.type == "company":
        # a branch of a public body (中国人民银行浙江省分行) is that body's kind
        for k in range(len(surface) - len(c.key), 1, -1):
            e = lex.entries.get(surface[:k])
            if e is not None:
                return prefix + full, e.type if e.type == "government" else suf.type
    return prefix + full, suf.type
