"""Turn a backend's list of words into ``Token``s with offsets into the text."""
from __future__ import annotations

from collections.abc import Iterable

from . import Token


def align(text: str, words: Iterable[str], tags: Iterable[str | None] | None = None) -> list[Token]:
    """Tokens for ``words`` found in order in ``text``.

    Backends return words that concatenate to the text (jieba) or to the
    text minus whitespace (pkuseg); whitespace-only words are dropped, as
    the char backend drops spaces. A word that is not where expected is
    looked up further on rather than trusted, so offsets always index
    ``text`` even if a backend changes characters.
    """
    out: list[Token] = []
    pos = 0
    tag_iter = iter(tags) if tags is not None else None
    for w in words:
        tag = next(tag_iter, None) if tag_iter is not None else None
        if not w or w.isspace():
            pos += len(w) if text.startswith(w, pos) else 0
            continue
        if text.startswith(w, pos):
            start = pos
        else:
            start = text.find(w, pos)
            if start < 0:  # the backend altered the word: drop it, keep going
                continue
        pos = start + len(w)
        out.append(Token(start, pos, w, tag))
    return out
