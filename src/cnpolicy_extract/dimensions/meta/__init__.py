"""meta: not built yet (placeholder so the pipeline runs)."""
from __future__ import annotations

from typing import ClassVar

from ...config import Config
from ...state import DocState


class MetaStage:
    kind: ClassVar[str] = "meta"
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, state: DocState) -> None:
        return None
