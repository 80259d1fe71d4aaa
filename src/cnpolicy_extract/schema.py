"""The output schema, generated from the result types (never written by hand).

``json_schema()`` is the JSON Schema of one ``Document.to_dict()`` (shipped as
docs/schema.json: regenerate with ``python -m cnpolicy_extract.schema
--write docs/schema.json`` after changing types.py); ``arrow_schema()`` is the
fixed Parquet schema, one row per document. ``validate()`` is a small
validator for the subset of JSON Schema used here (no extra dependency).
"""
from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

from . import types as T

# Dataclass fields that are not part of to_dict(), and keys it adds.
_SKIP: dict[type, frozenset[str]] = {T.Document: frozenset({"text"})}
_TOP = T.Document
_ROW_TYPES = (T.Figure, T.Code, T.Organization, T.Person, T.Place, T.Time)
SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def _fields(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    skip = _SKIP.get(cls, frozenset())
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.name not in skip]


def _split_optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        assert len(rest) == 1, tp
        return rest[0], True
    return tp, False


_JSON_SCALARS: dict[Any, str] = {str: "string", float: "number", int: "integer", bool: "boolean"}


def _json_type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    inner, optional = _split_optional(tp)
    if dataclasses.is_dataclass(inner):
        assert isinstance(inner, type)
        _json_def(inner, defs)
        out: dict[str, Any] = {"$ref": f"#/$defs/{inner.__name__}"}
        return {"anyOf": [out, {"type": "null"}]} if optional else out
    if typing.get_origin(inner) is tuple:
        item = typing.get_args(inner)[0]
        out = {"type": "array", "items": _json_type(item, defs)}
        return {"anyOf": [out, {"type": "null"}]} if optional else out
    name = _JSON_SCALARS[inner]
    return {"type": [name, "null"]} if optional else {"type": name}


def _json_def(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ in defs:
        return defs[cls.__name__]  # type: ignore[no-any-return]
    props: dict[str, Any] = {}
    defs[cls.__name__] = obj = {"type": "object", "properties": props, "required": [],
                                "additionalProperties": False}
    if cls is _TOP:
        props["schema"] = {"const": T.SCHEMA}
    for name, tp in _fields(cls):
        props[name] = _json_type(tp, defs)
    if {"start", "end"} <= props.keys():
        props["start"] = props["end"] = {"type": "integer", "minimum": 0}
    obj["required"] = list(props)
    return obj


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``Document.to_dict()``."""
    defs: dict[str, Any] = {}
    top = _json_def(_TOP, defs)
    del defs[_TOP.__name__]
    return {
        "$schema": SCHEMA_URI,
        "$id": "urn:" + T.SCHEMA.replace("/", ":"),
        "title": "cnpolicy-extract Document (" + T.SCHEMA + ")",
        "description": "One line of `cnpolicy-extract run` output; generated from "
        "cnpolicy_extract/types.py by cnpolicy_extract/schema.py.",
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def dumps() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def arrow_schema() -> Any:
    """The fixed pyarrow schema of the Parquet output (one row per document)."""
    import pyarrow as pa

    scalars = {str: pa.string(), float: pa.float64(), int: pa.int64(), bool: pa.bool_()}

    def conv(tp: Any) -> Any:
        inner, _ = _split_optional(tp)
        if dataclasses.is_dataclass(inner):
            assert isinstance(inner, type)
            return pa.struct([pa.field(n, conv(t)) for n, t in _fields(inner)])
        if typing.get_origin(inner) is tuple:
            return pa.list_(conv(typing.get_args(inner)[0]))
        return scalars[inner]

    return pa.schema([pa.field("schema", pa.string()),
                      *(pa.field(n, conv(t)) for n, t in _fields(_TOP))])


def row_fields(cls: type) -> list[str]:
    """Column names of one result type (e.g. the flat CSV of figures)."""
    return [n for n, _ in _fields(cls)]


# --- a small validator for the subset above ---------------------------------

def validate(instance: Any, schema: dict[str, Any] | None = None) -> list[str]:
    """Errors (``path: message``) of ``instance`` against ``schema`` (default: ours)."""
    root = schema or json_schema()
    errors: list[str] = []
    _check(instance, root, root, "$", errors)
    return errors


def _is(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    raise ValueError(f"unsupported type {name}")


def _check(v: Any, s: dict[str, Any], root: dict[str, Any], path: str, errors: list[str]) -> None:
    if "$ref" in s:
        ref = s["$ref"]
        assert ref.startswith("#/$defs/")
        _check(v, root["$defs"][ref[len("#/$defs/"):]], root, path, errors)
        return
    if "anyOf" in s:
        if not any(not validate_sub(v, sub, root) for sub in s["anyOf"]):
            errors.append(f"{path}: matches none of anyOf")
        return
    if "const" in s and v != s["const"]:
        errors.append(f"{path}: expected {s['const']!r}")
    if "type" in s:
        names = s["type"] if isinstance(s["type"], list) else [s["type"]]
        if not any(_is(v, n) for n in names):
            errors.append(f"{path}: {type(v).__name__} is not {'/'.join(names)}")
            return
    if "minimum" in s and _is(v, "number") and v < s["minimum"]:
        errors.append(f"{path}: {v} < {s['minimum']}")
    if isinstance(v, dict):
        props = s.get("properties", {})
        for k in s.get("required", []):
            if k not in v:
                errors.append(f"{path}: missing {k!r}")
        for k, x in v.items():
            if k in props:
                _check(x, props[k], root, f"{path}.{k}", errors)
            elif s.get("additionalProperties", True) is False:
                errors.append(f"{path}: unexpected key {k!r}")
    if isinstance(v, list) and "items" in s:
        for i, x in enumerate(v):
            _check(x, s["items"], root, f"{path}[{i}]", errors)


def validate_sub(v: Any, s: dict[str, Any], root: dict[str, Any]) -> list[str]:
    errors: list[str] = []
    _check(v, s, root, "$", errors)
    return errors


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--write"] and len(args) == 2:
        Path(args[1]).write_text(dumps(), encoding="utf-8")
    else:
        sys.stdout.write(dumps())


if __name__ == "__main__":
    main()
