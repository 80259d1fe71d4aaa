"""Score extracted documents against hand-annotated gold (SPEC.md's matching rules).

A gold item is found when a predicted item of the same kind overlaps its span
and agrees on its key value (figures: value, value_max within 1e-6 relative
and unit; codes: code; places: name or text; times: value; organisations:
overlap). ``strict`` figures also need the exact span. People match by name;
positions as (person, title, organisation) with organisations equal or
nested. Figure attributes are accuracies over found figures, metric and
region compared loosely (equal, or one contains the other).
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SPAN_KINDS = ("figures", "codes", "organizations", "places", "times")
FIGURE_ATTRIBUTES = ("qualifier", "dimension", "metric", "change", "modality", "period", "region")
_LOOSE = frozenset({"metric", "region"})
_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』 \u3000")

Item = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    fn: int
    fp: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(not self.fn)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(not self.fp)

    @property
    def f1(self) -> float:
        if self.tp + self.fn + self.fp == 0:
            return 1.0  # nothing expected, nothing found
        return 2 * self.tp / (2 * self.tp + self.fn + self.fp)


def loose_eq(gold: Any, pred: Any) -> bool:
    """Equal, or one contains the other once quotes and spaces are dropped."""
    if not gold or not pred:
        return not gold and not pred
    g, p = str(gold).translate(_QUOTES), str(pred).translate(_QUOTES)
    return g == p or (len(g) >= 2 and len(p) >= 2 and (g in p or p in g))


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _agree(kind: str, g: Item, p: Item) -> bool:
    if kind == "figures":
        return (_num_eq(g.get("value"), p.get("value")) and _num_eq(g.get("value_max"), p.get("value_max"))
                and (g.get("unit") or None) == (p.get("unit") or None))
    if kind == "codes":
        return str(g.get("code", "")).upper() == str(p.get("code", "")).upper()
    if kind == "places":
        return bool(g.get("name") == p.get("name") or g.get("text") == p.get("text"))
    if kind == "times":
        return str(g.get("value")) == str(p.get("value"))
    return True


def match(kind: str, gold: Sequence[Item], pred: Sequence[Item], *, strict: bool = False
          ) -> tuple[list[tuple[Item, Item]], list[Item], list[Item]]:
    """Greedy one-to-one matching in gold order: (pairs, missed gold, extra predictions)."""
    used: set[int] = set()
    pairs: list[tuple[Item, Item]] = []
    missed: list[Item] = []
    for g in sorted(gold, key=lambda x: x["start"]):
        for i, p in enumerate(pred):
            if i in used or not (g["start"] < p["end"] and p["start"] < g["end"]) or not _agree(kind, g, p):
                continue
            if strict and (g["start"], g["end"]) != (p["start"], p["end"]):
                continue
            used.add(i)
            pairs.append((g, p))
            break
        else:
            missed.append(g)
    return pairs, missed, [p for i, p in enumerate(pred) if i not in used]


@dataclass(frozen=True, slots=True)
class Score:
    kinds: Mapping[str, PRF]  # SPAN_KINDS + figures_strict, people, positions
    figure_attributes: Mapping[str, float | None]
    organization_type_accuracy: float | None


def score(gold: Item, pred: Item) -> Score:
    """Score one predicted document (``Document.to_dict()``) against its gold."""
    kinds: dict[str, PRF] = {}
    attrs: dict[str, list[int]] = {a: [0, 0] for a in FIGURE_ATTRIBUTES}
    org_type = [0, 0]
    for kind in SPAN_KINDS:
        gl, pl = list(gold.get(kind) or []), list(pred.get(kind) or [])
        pairs, missed, extra = match(kind, gl, pl)
        kinds[kind] = PRF(len(pairs), len(missed), len(extra))
        if kind == "figures":
            sp, sm, se = match(kind, gl, pl, strict=True)
            kinds["figures_strict"] = PRF(len(sp), len(sm), len(se))
            for g, p in pairs:
                for a in FIGURE_ATTRIBUTES:
                    attrs[a][1] += 1
                    if a in _LOOSE:
                        attrs[a][0] += loose_eq(g.get(a), p.get(a))
                    else:
                        attrs[a][0] += (g.get(a) or None) == (p.get(a) or None)
        if kind == "organizations":
            for g, p in pairs:
                org_type[1] += 1
                org_type[0] += g.get("type") == p.get("type")
    gp = {x["name"]: x for x in gold.get("people") or []}
    pp = {x["name"]: x for x in pred.get("people") or []}
    both = len(set(gp) & set(pp))
    kinds["people"] = PRF(both, len(gp) - both, len(pp) - both)
    ptrip = [(n, q.get("title"), q.get("organization"))
             for n, x in pp.items() for q in x.get("positions") or []]
    used: set[int] = set()
    for n, x in gp.items():
        for q in x.get("positions") or []:
            t, o = q["title"], (q.get("organization") or "").strip()
            hit = next((i for i, (pn, pt, po) in enumerate(ptrip) if i not in used and pn == n and pt == t
                        and (not o or (bool(po) and (o == po or o in po or po in o)))), None)
            if hit is not None:
                used.add(hit)
    gpos = sum(len(x.get("positions") or []) for x in gp.values())
    kinds["positions"] = PRF(len(used), gpos - len(used), len(ptrip) - len(used))
    return Score(
        kinds=kinds,
        figure_attributes={a: (h / n if n else None) for a, (h, n) in attrs.items()},
        organization_type_accuracy=org_type[0] / org_type[1] if org_type[1] else None,
    )
