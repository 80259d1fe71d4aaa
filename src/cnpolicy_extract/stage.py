"""What a pipeline stage is: built once per Extractor, then called per document."""
from __future__ import annotations

from typing import ClassVar, Protocol

from .state import DocState


class Stage(Protocol):
    #: the kind this stage fills (a key of Document / Config.kinds)
    kind: ClassVar[str]
    #: kinds whose results this stage reads from the state (run first, even
    #: when the caller did not ask for them)
    requires: ClassVar[frozenset[str]]

    def __call__(self, state: DocState) -> None:
        """Fill ``state.<kind>``; may read the lists named in ``requires``."""
        ...
