"""Tokenizer layer: one small protocol, several backends.

Rules run over characters; tokens serve as features and boundary checks.
Backends are built by ``make_tokenizer(config)`` and load lazily.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ..config import Config


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    tag: str | None = None  # part-of-speech tag when the backend gives one


@runtime_checkable
class Tokenizer(Protocol):
    name: str

    def tokenize(self, text: str) -> list[Token]:
        """Tokens covering ``text`` in order; offsets index ``text``."""
        ...


def make_tokenizer(config: Config) -> Tokenizer:
    if config.tokenizer == "char":
        from .char_backend import CharTokenizer

        return CharTokenizer()
    if config.tokenizer == "pkuseg":
        from .pkuseg_backend import PkusegTokenizer

        assert config.pkuseg_model is not None
        return PkusegTokenizer(config.pkuseg_model)
    from .jieba_backend import JiebaTokenizer

    return JiebaTokenizer()
