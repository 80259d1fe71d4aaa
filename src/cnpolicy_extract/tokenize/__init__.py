"""Tokenizer layer: one small protocol, several backends.

Rules run over characters; tokens serve as features and boundary checks.
Backends are built by ``make_tokenizer(config)`` and load lazily (building a
backend object costs nothing; its dictionary or model loads on the first
``tokenize`` call, once, thread-safely). See docs/tokenizers.md.
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

    def tokenize(self, text: str, *, tag: bool = False) -> list[Token]:
        """Tokens of ``text`` in order, non-overlapping, non-empty, together
        covering every non-whitespace character (whitespace is dropped);
        ``text[t.start:t.end] == t.text``. ``tag=True`` asks for
        part-of-speech tags; backends without a tagger leave ``tag`` None.
        Never raises on a ``str``; safe to call from several threads."""
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
