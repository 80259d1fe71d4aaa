"""Linking figures to metric/period/region, and resolving overlaps between kinds."""
from __future__ import annotations

from typing import ClassVar

from ..config import Config
from ..state import DocState


class LinkStage:
    kind: ClassVar[str] = "link"
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, state: DocState) -> None:
        # Numerals inside codes and dates are not figures.
        taken = [(c.start, c.end) for c in state.codes] + [(t.start, t.end) for t in state.times]
        if taken and state.figures:
            state.figures = [f for f in state.figures
                             if not any(f.start < e and s < f.end for s, e in taken)]
