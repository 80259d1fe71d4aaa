"""figures: every quantity stated in a text (SPEC: span, value, value_max,
unit, dimension, qualifier, change, modality; metric/period/region are left
to the link stage).

Candidates (``rules.CANDIDATE``) → resolved values (``resolve``) → verified
against named negative filters (``filters``, ``rules.BLOCK``) → context
(``context``: qualifier words, governing verb, modality cues). Runs on
characters only: no tokenizer, no jieba.
"""
from __future__ import annotations

from typing import ClassVar

import regex

from ...config import Config
from ...state import DocState
from ...types import Figure
from . import context, filters
from .resolve import (Resolved, resolve_bare, resolve_fan, resolve_fraction, resolve_range,
                      resolve_unit)
from .rules import Rules, build_rules

# Quick reject: a text without any digit or numeral character has no figure.
_ANY_NUMERAL = regex.compile(r"[\d零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟几]")


class FigureStage:
    kind: ClassVar[str] = "figures"
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config
        self.rules: Rules = build_rules()

    def __call__(self, state: DocState) -> None:
        state.figures.extend(self.find(state))

    def find(self, state: DocState) -> list[Figure]:
        text = state.text
        if not _ANY_NUMERAL.search(text):
            return []
        resolved = list(self._candidates(text))
        if not resolved:
            return []
        rules = self.rules
        cues = context.Cues(rules, text)
        out: list[Figure] = []
        for r in resolved:
            qual = r.qualifier
            if qual is None:
                qual, _ = context.qualifier(rules, text, r.start, r.end)
            ch = r.change
            if ch is None and (r.unit is not None or r.dimension != "count"):  # 两大X: no change
                ch = context.change(rules, cues, text, r.start, r.dimension)
            s, e = state.norm.span(r.start, r.end)
            out.append(Figure(
                start=s, end=e, text=state.norm.original[s:e], value=_round(r.value), value_max=None if r.value_max is None else _round(r.value_max),
                unit=r.unit, dimension=r.dimension, qualifier=qual or "exact",
                change=ch, modality=context.modality(cues, text, r.start),
            ))
        return out

    def _candidates(self, text: str) -> list[Resolved]:
        rules = self.rules
        blocked = filters.Blocked(rules.block, text)
        found: list[Resolved] = []
        pos = 0
        n = len(text)
        search = rules.candidate.search
        while pos < n:
            m = search(text, pos)
            if m is None:
                break
            r = self._resolve(text, m, blocked)
            if r is None and m["n1"] is not None:
                # a rejected range (5%至2025年): read its first number alone
                m2 = rules.single.match(text, m.start())
                if m2 is not None:
                    r = self._resolve(text, m2, blocked)
                    if r is None and m2["n"] is not None:
                        r = self._bare_at(text, m.start(), blocked)
            elif r is None and m["n"] is not None:
                # a rejected number+unit (8万亿大…): read the number alone
                r = self._bare_at(text, m.start(), blocked)
            if r is not None:
                found.append(r)
                pos = max(r.end, m.start() + 1)
            else:
                pos = max(m.end(), m.start() + 1)
        return found

    def _bare_at(self, text: str, start: int, blocked: filters.Blocked) -> Resolved | None:
        m = self.rules.bare.match(text, start)
        if m is None:
            return None
        return self._check(text, resolve_bare(self.rules, text, m.start(), m["b"], m.end()), blocked)

    def _resolve(self, text: str, m: regex.Match[str], blocked: filters.Blocked) -> Resolved | None:
        rules = self.rules
        gd = m.groupdict()
        if gd.get("frac"):
            r = resolve_fraction(m)
        elif gd.get("fan"):
            r = resolve_fan(m)
        elif gd.get("n1"):
            r = resolve_range(rules, text, m)
        elif gd.get("n"):
            r = resolve_unit(rules, text, m.start(), m["n"], m["u"], m.end())
        else:
            r = resolve_bare(rules, text, m.start(), m["b"], m.end())
        return self._check(text, r, blocked)

    def _check(self, text: str, r: Resolved | None, blocked: filters.Blocked) -> Resolved | None:
        if r is None:
            return None
        if blocked.touches(r.start, r.end) or filters.glued_to_code(text, r.start, r.end):
            return None
        if r.value <= 0 and r.value_max is None:
            return None
        return r


def _round(v: float) -> float:
    """12 significant digits: 3‰ is 0.3, not 0.30000000000000004."""
    return float(f"{v:.12g}")
