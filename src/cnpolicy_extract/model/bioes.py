"""Spans ↔ per-character BIOES tags (``B-PERSON``, ``I-PERSON``, ``E-PERSON``,
``S-PERSON``, ``O``): how the entity tagger's output becomes spans. Pure Python."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

OUTSIDE = "O"


def encode(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """Tags for ``n`` characters; overlapping spans: the first one listed wins."""
    tags = [OUTSIDE] * n
    for s, e, label in spans:
        if not 0 <= s < e <= n or any(t != OUTSIDE for t in tags[s:e]):
            continue
        if e - s == 1:
            tags[s] = f"S-{label}"
            continue
        tags[s] = f"B-{label}"
        for i in range(s + 1, e - 1):
            tags[i] = f"I-{label}"
        tags[e - 1] = f"E-{label}"
    return tags


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Spans from tags, leniently: an ``I``/``E`` without a matching open span
    starts one, and a span left open by ``O`` or a new ``B`` still counts (a
    tagger has no CRF to keep its sequences valid)."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate(tags):
        if tag == OUTSIDE or not tag:
            if start >= 0:
                spans.append((start, i, label))
                start = -1
            continue
        prefix, _, lab = tag.partition("-")
        if prefix in ("B", "S") or start < 0 or lab != label:
            if start >= 0:
                spans.append((start, i, label))
            start, label = i, lab
        if prefix in ("E", "S"):
            spans.append((start, i + 1, label))
            start = -1
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans
