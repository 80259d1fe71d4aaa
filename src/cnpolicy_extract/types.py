"""Typed, frozen results. `Document.to_dict()` is the output contract of SPEC.md.

Every span-bearing result has ``start``/``end`` indexing the caller's original
string and ``text == original[start:end]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "cnpolicy-extract/1"


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    dimension: str = "number"
    qualifier: str = "exact"
    metric: str | None = None
    change: str | None = None
    modality: str = "actual"
    period: str | None = None
    region: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "value": _num(self.value), "value_max": _num(self.value_max),
            "unit": self.unit, "dimension": self.dimension, "qualifier": self.qualifier,
            "metric": self.metric, "change": self.change, "modality": self.modality,
            "period": self.period, "region": self.region,
        }


@dataclass(frozen=True, slots=True)
class Code:
    start: int
    end: int
    text: str
    code: str
    kind: str | None = None
    meaning: str | None = None  # from the registry of well-known codes

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "code": self.code, "kind": self.kind, "meaning": self.meaning}


@dataclass(frozen=True, slots=True)
class Organization:
    start: int
    end: int
    text: str
    name: str
    type: str = "other"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "name": self.name, "type": self.type}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Position:
    title: str
    organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization}


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    mentions: tuple[Mention, ...]
    role: str | None = None
    positions: tuple[Position, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": [m.to_dict() for m in self.mentions],
                "role": self.role, "positions": [p.to_dict() for p in self.positions]}


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    level: str | None = None
    parent: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name,
                "level": self.level, "parent": self.parent, "code": self.code}


@dataclass(frozen=True, slots=True)
class Time:
    start: int
    end: int
    text: str
    value: str | None
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "value": self.value, "relative": self.relative}


@dataclass(frozen=True, slots=True)
class Meta:
    published: str | None = None
    source: str | None = None
    author: str | None = None
    editors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"published": self.published, "source": self.source,
                "author": self.author, "editors": list(self.editors)}


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    id: str | None = None
    meta: Meta = field(default_factory=Meta)
    figures: tuple[Figure, ...] = ()
    codes: tuple[Code, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The SPEC.md shape: JSON-native values only, all six lists present."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            "meta": self.meta.to_dict(),
            "figures": [x.to_dict() for x in self.figures],
            "codes": [x.to_dict() for x in self.codes],
            "organizations": [x.to_dict() for x in self.organizations],
            "people": [x.to_dict() for x in self.people],
            "places": [x.to_dict() for x in self.places],
            "times": [x.to_dict() for x in self.times],
        }

    def to_frame(self, kind: str = "figures") -> Any:
        """A pandas DataFrame: one row per item of ``kind`` (``"figures"``,
        ``"codes"``, …), ``id`` first. Needs pandas (extra ``[pandas]``)."""
        from .integrations.pandas import document_frame  # pandas only when asked

        return document_frame(self, kind)


def _num(x: float | None) -> float | int | None:
    """Integral floats become ints so JSON shows 28, not 28.0."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x
