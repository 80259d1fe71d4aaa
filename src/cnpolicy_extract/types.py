"""Typed, frozen results. `Document.to_dict()` is the output contract of SPEC.md.

Every span-bearing result has ``start``/``end`` indexing the caller's original
string and ``text == original[start:end]``.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

SCHEMA = "cnpolicy-extract/1"

_T = TypeVar("_T")


def _fast_init(cls: type[_T]) -> type[_T]:
    """Give a frozen slotted dataclass an ``__init__`` that stores each field
    through its slot descriptor instead of ``object.__setattr__`` (what the
    generated one calls): half the cost (≈1.0 → 0.5 µs a ``Place``), for the
    hundreds of results a dense document makes. Same signature, defaults and
    object; still frozen. Only for classes without default factories or
    ``__post_init__`` (tests/test_types.py checks it against ``dataclass``'s)."""
    fs = fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(f.default_factory is not MISSING for f in fs):
        raise TypeError(f"{cls.__name__}: _fast_init needs plain fields")
    ns: dict[str, Any] = {f"_set_{f.name}": cls.__dict__[f.name].__set__ for f in fs}
    ns.update({f"_default_{f.name}": f.default for f in fs if f.default is not MISSING})
    params = ", ".join(f.name if f.default is MISSING else f"{f.name}=_default_{f.name}" for f in fs)
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fs) or "    pass\n"
    exec(f"def __init__(self, {params}) -> None:\n{body}", ns)  # as dataclasses builds its own
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@_fast_init
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


@_fast_init
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


@_fast_init
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


@_fast_init
@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@_fast_init
@dataclass(frozen=True, slots=True)
class Position:
    title: str
    organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization": self.organization}


@_fast_init
@dataclass(frozen=True, slots=True)
class Person:
    name: str
    mentions: tuple[Mention, ...]
    role: str | None = None
    positions: tuple[Position, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": [m.to_dict() for m in self.mentions],
                "role": self.role, "positions": [p.to_dict() for p in self.positions]}


@_fast_init
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


@_fast_init
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
