"""A value built once, on first use, safely from several threads."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_UNSET = object()


class Lazy(Generic[T]):
    __slots__ = ("_factory", "_lock", "_value")

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._value: object = _UNSET

    @property
    def loaded(self) -> bool:
        return self._value is not _UNSET

    def get(self) -> T:
        v = self._value
        if v is _UNSET:
            with self._lock:
                v = self._value
                if v is _UNSET:
                    v = self._value = self._factory()
        return v  # type: ignore[return-value]

    # Extractors are pickled to worker processes: ship the recipe, not the value.
    def __getstate__(self) -> Callable[[], T]:
        return self._factory

    def __setstate__(self, factory: Callable[[], T]) -> None:
        self.__init__(factory)  # type: ignore[misc]
