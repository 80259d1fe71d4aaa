"""Moving a Document's spans: shift a chunk's offsets onto the whole file, or
map offsets found in converted (Simplified) text back onto the original."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from ..normalize import NormalizedText
from ..types import Document, Mention, Person

S = TypeVar("S")
_SPAN_KINDS = ("figures", "codes", "organizations", "places", "times")


def _map(doc: Document, span: Callable[[int, int], tuple[int, int]], original: str | None,
         text: str) -> Document:
    def one(x: Any) -> Any:
        s, e = span(x.start, x.end)
        if original is None:
            return dataclasses.replace(x, start=s, end=e)
        return dataclasses.replace(x, start=s, end=e, text=original[s:e])

    def person(p: Person) -> Person:
        return dataclasses.replace(
            p, mentions=tuple(Mention(*span(m.start, m.end)) for m in p.mentions))

    changes: dict[str, Any] = {k: tuple(one(x) for x in getattr(doc, k)) for k in _SPAN_KINDS}
    changes["people"] = tuple(person(p) for p in doc.people)
    return dataclasses.replace(doc, text=text, **changes)


def shift(doc: Document, offset: int, whole_text: str = "") -> Document:
    """Offsets of a chunk's Document moved by ``offset`` (span texts unchanged).
    ``doc.text`` becomes ``whole_text`` (callers streaming a file pass "")."""
    if offset == 0 and not whole_text:
        return dataclasses.replace(doc, text=whole_text)
    return _map(doc, lambda s, e: (s + offset, e + offset), None, whole_text)


def to_original(doc: Document, norm: NormalizedText) -> Document:
    """A Document extracted from ``norm.text`` with spans onto ``norm.original``."""
    if norm.offsets is None and norm.text == norm.original:
        return doc
    return _map(doc, norm.span, norm.original, norm.original)
