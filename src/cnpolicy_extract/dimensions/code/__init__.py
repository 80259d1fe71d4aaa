"""codes: numbered policy programmes and slogans (“415X”, 十四五, “八八战略”).

Matching lives in ``rules.py``, turning spans into ``Code`` in ``resolve.py``;
the registry of well-known codes is ``resources/program_codes.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

import ahocorasick

from ...config import Config
from ...lazy import Lazy
from ...resources import read_tsv
from ...state import DocState
from ...types import Code
from . import resolve, rules


@dataclass(frozen=True, slots=True)
class CodeLexicon:
    registry: dict[str, tuple[str | None, str | None]]  # code → (kind, meaning)
    heads: resolve.Heads
    idioms: tuple[str, ...]  # longest first
    unquoted: ahocorasick.Automaton  # registry codes safe to find without quotes
    any_idiom: re.Pattern[str]  # where an idiom occurs (rules.idiom_pattern)


def load_lexicon() -> CodeLexicon:
    registry = {resolve.normalise_code(r["code"]): (r.get("kind") or None, r.get("meaning") or None)
                for r in read_tsv("program_codes.tsv")}
    heads = resolve.Heads.of(r["head"] for r in read_tsv("code_heads.tsv"))
    idioms = tuple(sorted({r["word"] for r in read_tsv("code_not_numerals.tsv")}, key=len, reverse=True))
    auto = ahocorasick.Automaton()
    for code in registry:
        # Short codes (两重, 三农, 双循环) are too ambiguous without quotes;
        # annotators mark them only when quoted.
        if len(code) >= 4 and not code.isascii():
            auto.add_word(code, code)
    if len(auto) == 0:
        auto.add_word("\x00", "\x00")
    auto.make_automaton()
    return CodeLexicon(registry, heads, idioms, auto, rules.idiom_pattern(idioms))


def find_codes(text: str, lex: CodeLexicon) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, code, kind, meaning) over the normalised ``text``."""
    cands = list(rules.quoted(text, lex.idioms, lex.any_idiom))
    for end_i, code in lex.unquoted.iter(text):
        start = end_i - len(code) + 1
        cands.append(rules.Candidate(start, end_i + 1, "registry", False))
    cands.extend(rules.numbered(text))
    # Quoted first, then longer spans; drop anything overlapping a kept span.
    cands.sort(key=lambda c: (not c.quoted, -(c.end - c.start), c.start))
    kept: list[rules.Candidate] = []
    occ = bytearray(len(text) + 1)  # taken characters: overlap checks in O(span)
    for c in cands:
        if occ.find(1, c.start, c.end) >= 0:
            continue
        occ[c.start:c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    out = []
    for c in sorted(kept, key=lambda c: c.start):
        code = resolve.normalise_code(text[c.start:c.end])
        reg_kind, meaning = lex.registry.get(code, (None, None))
        kind = resolve.head_kind(text, c.end, code, lex.heads)
        if kind is None and not c.quoted:
            kind = reg_kind
        out.append((c.start, c.end, code, kind, meaning))
    return out


class CodeStage:
    kind: ClassVar[str] = "codes"
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config
        self._lex: Lazy[CodeLexicon] = Lazy(load_lexicon)

    def __call__(self, state: DocState) -> None:
        norm = state.norm
        original, identity, out = norm.original, norm.offsets is None, state.codes
        for s, e, code, kind, meaning in find_codes(state.text, self._lex.get()):
            if not identity:  # offsets map back only when normalisation changed lengths
                s, e = norm.span(s, e)
            out.append(Code(s, e, original[s:e], code, kind, meaning))
