"""Turning matched furniture into Meta fields."""
from __future__ import annotations

import regex

from .rules import NOT_NAMES

_SPLIT = regex.compile(r"\s*[、,，/]\s*")


def iso_date(y: str, m: str, d: str, hh: str | None = None, mm: str | None = None,
             ss: str | None = None) -> str | None:
    """``2024-11-22`` or ``2024-11-22T10:56:48``; None for impossible dates."""
    yi, mi, di = int(y), int(m), int(d)
    if not (1 <= mi <= 12 and 1 <= di <= 31):
        return None
    out = f"{yi:04d}-{mi:02d}-{di:02d}"
    if hh is not None and mm is not None:
        out += f"T{int(hh):02d}:{int(mm):02d}"
        if ss is not None:
            out += f":{int(ss):02d}"
    return out


def clean_name(raw: str) -> str | None:
    """A by-line name with its inner spaces dropped (杨 洁 → 杨洁); None if it
    is a role word rather than a name."""
    name = raw.replace(" ", "").replace("\u3000", "")
    if name.endswith("同志"):
        name = name[:-2]
    if len(name) < 2 or name in NOT_NAMES:
        return None
    return name


def split_names(raw: str) -> list[str]:
    """Names in a 、/，-separated list; space-separated runs of single characters
    are one spaced-out name (杨 洁), runs of longer pieces are several names."""
    out: list[str] = []
    for chunk in _SPLIT.split(raw.strip()):
        pieces = chunk.split()
        if len(pieces) > 1 and all(len(p) >= 2 for p in pieces):
            cands = pieces
        else:
            cands = [chunk]
        for c in cands:
            n = clean_name(c)
            if n and n not in out:
                out.append(n)
    return out
