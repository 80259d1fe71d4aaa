"""The results' fast constructors build what dataclass's own would."""
from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from cnpolicy_extract import types

CLASSES = [types.Figure, types.Code, types.Organization, types.Mention, types.Position,
           types.Person, types.Place, types.Time]


def reference(cls: type) -> type:
    """The same fields as a plain frozen slotted dataclass (its generated __init__)."""
    return dataclasses.make_dataclass(
        cls.__name__, [(f.name, f.type, f) for f in dataclasses.fields(cls)], frozen=True, slots=True)


def sample(cls: type) -> dict[str, object]:
    return {f.name: (f"v{i}" if f.default is dataclasses.MISSING else f.default)
            for i, f in enumerate(dataclasses.fields(cls))}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_same_signature_fields_and_frozen(cls: type) -> None:
    ref = reference(cls)
    assert inspect.signature(cls) == inspect.signature(ref)
    kwargs = sample(cls)
    obj = cls(**kwargs)
    assert dataclasses.asdict(obj) == dataclasses.asdict(ref(**kwargs))
    assert obj == cls(*kwargs.values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        obj.__setattr__(dataclasses.fields(cls)[0].name, "changed")
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert dataclasses.replace(obj) == obj


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_missing_and_unknown_arguments_are_refused(cls: type) -> None:
    with pytest.raises(TypeError):
        cls()
    with pytest.raises(TypeError):
        cls(**sample(cls), nonsense=1)


def test_defaults_apply() -> None:
    p = types.Place(0, 2, "杭州", "杭州市")
    assert (p.level, p.parent, p.code) == (None, None, None)
    assert types.Figure(0, 1, "3", 3.0).modality == "actual"
