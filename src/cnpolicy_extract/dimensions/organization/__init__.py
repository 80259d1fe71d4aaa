"""organizations: named bodies (governments, party committees, legislatures,
courts, companies, universities, research institutes, associations, media).

Matching lives in ``rules.py``, names and types in ``resolve.py``, the word
lists in ``resources/org_*.tsv`` (loaded by ``lexicon.py``).
"""
from __future__ import annotations

from typing import ClassVar

from ...config import Config
from ...lazy import Lazy
from ...state import DocState
from ...types import Organization
from .. import short_name
from . import resolve, rules
from .lexicon import OrgLexicon, load_lexicon


def find_organizations(text: str, lex: OrgLexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, name, type) over the normalised ``text``, every mention."""
    provinces, idx, suffixes, bodies = rules.scan(text, lex)
    cands = rules.suffix_candidates(text, lex, suffixes, idx) + rules.entry_candidates(text, bodies, idx, lex)
    kept = rules.choose(text, cands)
    prov = resolve.document_province(text, lex, provinces)
    out = [(c.start, c.end, *resolve.resolve(c, text, lex, prov)) for c in kept]
    # A company named in full once (新华三集团) is the same body when its bare
    # name comes back (新华三).
    aliases = {}
    for c, (_, _, name, typ) in zip(kept, out, strict=True):
        # three characters at least: 新华三 is a name, 钻井 (钻井公司) a trade
        if c.rule == "suffix" and typ == "company" and len(c.prefix) >= 3 \
                and c.prefix not in lex.adjacent_names and c.prefix not in lex.generic:  # not 库尔勒(银行)
            aliases[c.prefix] = (name, typ)
    # A short name the text declares (…办公室(以下简称“归雁办”)) is the body
    # wherever it comes back, whatever follows it.
    declared = {}
    if "简称" in text:
        for _, e, name, typ in out:
            short = short_name.declared_at(text, e)
            if short is not None:
                declared[short] = (name, typ)
    if aliases or declared:
        occ = bytearray(len(text) + 1)
        for s, e, _, _ in out:
            occ[s:e] = b"\x01" * (e - s)
        for table, closing in ((aliases, True), (declared, False)):
            for alias, (name, typ) in table.items():
                i = text.find(alias)
                while i >= 0:
                    j = i + len(alias)
                    closed = not closing or j >= len(text) or not text[j].isalnum() \
                        or text.startswith(lex.closing, j)  # 新华三|与, not 中试研发|中心
                    if closed and occ.find(1, i, j) < 0:
                        out.append((i, j, name, typ))
                        occ[i:j] = b"\x01" * (j - i)
                    i = text.find(alias, j)
        out.sort()
    return _nest(out, text, lex)



# A national body with local branches (国家税务总局, 海关总署, 中国人民银行)
# named right before a local office is one nested name:
# 国家税务总局杭州市税务局, 中国人民银行浙江省分行.
_VERTICAL_ENDS = ("总局", "总署", "人民银行")


def _nest(out: list[tuple[int, int, str, str]], text: str,
          lex: OrgLexicon) -> list[tuple[int, int, str, str]]:
    merged: list[tuple[int, int, str, str]] = []
    for s, e, name, typ in out:
        if merged:
            ps, pe, pname, ptyp = merged[-1]
            if pe == s and ptyp == typ == "government" and text[ps:pe].endswith(_VERTICAL_ENDS) \
                    and any(text[s:s + k] in lex.place_names
                            for k in range(2, 9)):
                merged[-1] = (ps, e, pname + name, typ)
                continue
        merged.append((s, e, name, typ))
    return merged


class OrganizationStage:
    kind: ClassVar[str] = "organizations"
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config
        self._lex: Lazy[OrgLexicon] = Lazy(load_lexicon)

    def __call__(self, state: DocState) -> None:
        norm = state.norm
        for s, e, name, typ in find_organizations(state.text, self._lex.get()):
            os_, oe = norm.span(s, e)
            state.organizations.append(Organization(os_, oe, norm.original[os_:oe], name, typ))
