"""Aho-Corasick matching over UTF-8 bytes instead of characters.

pyahocorasick finds a node's child by a linear scan, so over characters
every character of the text is looked up among the root's hundreds of
children (every first character of every key); over bytes no node has more
than 256 children and the root only a few lead bytes (measured: places 2-3x,
organisation words 1.4x, context words 2.7x faster). Shared by the places,
organisation and people stages. UTF-8 is self-synchronising, so a key's bytes match only
at character boundaries.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ahocorasick


def key(word: str) -> str:
    """The automaton key for ``word``: its UTF-8 bytes, one per character."""
    return word.encode("utf-8", "surrogatepass").decode("latin-1")


def automaton(items: dict[str, Any] | list[tuple[str, Any]]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    pairs = items.items() if isinstance(items, dict) else items
    for w, v in pairs:
        auto.add_word(key(w), v)
    if len(auto) == 0:
        auto.add_word("\x00", None)
    auto.make_automaton()
    return auto


def hits(auto: ahocorasick.Automaton, text: str) -> list[tuple[int, Any]]:
    """``list(matches(auto, text))``, built without a generator: what a stage
    that needs every hit of the whole text calls (one function call per
    document instead of one resumption per hit)."""
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw) == len(text):  # ASCII only: bytes are characters
        return list(auto.iter(text))
    out: list[tuple[int, Any]] = []
    append = out.append
    byte_end = char_end = 0
    for e, value in auto.iter(raw.decode("latin-1")):
        # byte offset → character offset, decoding only what lies between hits
        char_end += len(raw[byte_end:e + 1].decode("utf-8", "surrogatepass"))
        byte_end = e + 1
        append((char_end - 1, value))
    return out


def matches(auto: ahocorasick.Automaton, text: str, lo: int = 0,
            hi: int | None = None) -> Iterator[tuple[int, Any]]:
    """(index in ``text`` of the last character, value) of every key in
    ``text[lo:hi]``, like ``Automaton.iter`` over characters."""
    raw = text[lo:hi].encode("utf-8", "surrogatepass")
    byte_end, char_end = 0, lo
    for e, value in auto.iter(raw.decode("latin-1")):
        # byte offset → character offset, decoding only what lies between hits
        char_end += len(raw[byte_end:e + 1].decode("utf-8", "surrogatepass"))
        byte_end = e + 1
        yield char_end - 1, value
