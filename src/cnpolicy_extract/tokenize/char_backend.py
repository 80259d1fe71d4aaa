"""One token per character (spaces dropped): no resources, never fails."""
from __future__ import annotations

from . import Token


class CharTokenizer:
    name = "char"

    def tokenize(self, text: str, *, tag: bool = False) -> list[Token]:
        return [Token(i, i + 1, c) for i, c in enumerate(text) if not c.isspace()]
