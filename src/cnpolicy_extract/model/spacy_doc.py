"""From a tagged spaCy Doc to character spans (the only spaCy-aware decoding)."""
from __future__ import annotations

from typing import Any

from .bioes import decode


def doc_spans(doc: Any) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` character spans of ``doc``'s BIOES tags."""
    toks = list(doc)
    out = []
    for s, e, label in decode([t.tag_ for t in toks]):
        last = toks[e - 1]
        out.append((toks[s].idx, last.idx + len(last), label))
    return out
