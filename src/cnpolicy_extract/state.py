"""Per-call working state handed from stage to stage inside one ``extract``."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .normalize import NormalizedText
from .tokenize import Token
from .types import Code, Figure, Meta, Organization, Person, Place, Time


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

    @property
    def text(self) -> str:
        """The normalised text rules match on."""
        return self.norm.text

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens of ``text[start:end]`` only (offsets index the whole text):
        rules that need tokens near a candidate call this, not ``tokens()``."""
        return [Token(t.start + start, t.end + start, t.text, t.tag)
                for t in self._tokenize(self.norm.text[start:end])]

    def tokens(self) -> list[Token]:
        """Tokens of the normalised text (built on first need)."""
        if self._tokens is None:
            self._tokens = self._tokenize(self.norm.text)
        return self._tokens
