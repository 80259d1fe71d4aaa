"""Per-call working state handed from stage to stage inside one ``extract``."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .normalize import NormalizedText
from .tokenize import Token
from .types import Code, Figure, Meta, Organization, Person, Place, Time


class Utf8:
    """A text's UTF-8 bytes (one latin-1 character a byte, what the byte
    automata of ``bytescan`` run over) and the byte → character offset map,
    built once per document: every automaton pass shares them instead of
    decoding the bytes between hits. ``char_end[b]`` is the character offset
    just after the character holding byte ``b``; ``byte_start[c]`` the byte
    offset of character ``c`` (and of the end, at ``len(text)``): map many
    offsets at once with ``char_end[list].tolist()``."""

    __slots__ = ("byte_start", "char_end", "raw")

    def __init__(self, text: str) -> None:
        import numpy as np  # already a dependency of spaCy; imported when first needed

        b = text.encode("utf-8", "surrogatepass")
        self.raw = b.decode("latin-1")
        lead = (np.frombuffer(b, dtype=np.uint8) & 0xC0) != 0x80  # first byte of a character
        self.char_end = np.cumsum(lead)  # characters in raw[:i + 1]
        # byte offset of each character, and of the end
        self.byte_start = np.append(np.flatnonzero(lead), len(b))


@dataclass(slots=True)
class DocState:
    """Mutable, but private to one ``Extractor.extract`` call.

    Stages match on ``norm.text`` and report offsets through ``norm.span``.
    ``published`` is the ISO date relative times resolve against: the caller's
    argument, else what the meta stage read from the document.
    """

    norm: NormalizedText
    published: str | None
    _tokenize: Callable[[str], list[Token]]
    meta: Meta = field(default_factory=Meta)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    _tokens: list[Token] | None = None
    _utf8: Utf8 | None = None

    @property
    def text(self) -> str:
        """The normalised text rules match on."""
        return self.norm.text

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens of ``text[start:end]`` only (offsets index the whole text):
        rules that need tokens near a candidate call this, not ``tokens()``."""
        return [Token(t.start + start, t.end + start, t.text, t.tag)
                for t in self._tokenize(self.norm.text[start:end])]

    def utf8(self) -> Utf8:
        """The normalised text's UTF-8 bytes and byte → character map, built
        on first need and shared by the stages that match over bytes."""
        if self._utf8 is None:
            self._utf8 = Utf8(self.norm.text)
        return self._utf8

    def tokens(self) -> list[Token]:
        """Tokens of the normalised text (built on first need)."""
        if self._tokens is None:
            self._tokens = self._tokenize(self.norm.text)
        return self._tokens
