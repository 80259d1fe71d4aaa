"""A short name a text declares right after a body: ``…办公室(以下简称“归雁办”)``.

Organisations read the name (the body is called so wherever it comes back);
people read past the note (the title after it is still the body's). Runs on
normalised text, where full-width brackets are ASCII.
"""
from __future__ import annotations

import re

# (以下简称“X”) / (简称X): X is two to ten characters
NOTE = re.compile(r"\((?:以下)?简称[“\"‘]?([^”\"’()《》]{2,10})[”\"’]?\)")
_REACH = 20  # no note is longer


def declared_at(text: str, k: int) -> str | None:
    """The short name a note starting at ``k`` declares, if one does."""
    m = NOTE.match(text, k) if text.startswith("(", k) else None
    return m.group(1) if m is not None else None


def after_note(text: str, k: int) -> int:
    """Past a note starting at ``k`` (``k`` when there is none)."""
    m = NOTE.match(text, k) if text.startswith("(", k) else None
    return m.end() if m is not None else k


def before_note(text: str, k: int) -> int:
    """The start of a note ending at ``k`` (``k`` when there is none)."""
    if k == 0 or text[k - 1] != ")":
        return k
    i = text.rfind("(", max(0, k - _REACH), k)
    m = NOTE.match(text, i) if i >= 0 else None
    return i if m is not None and m.end() == k else k
