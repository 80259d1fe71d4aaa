"""Bytes → text: BOM, then strict UTF-8, then detection among the encodings
Chinese text really comes in (GB18030, Big5, UTF-16).

Order matters (see ../shared/NOTES.md): Big5 bytes decode as GB18030 without
error and give garbage, so "try UTF-8, then GB18030" is wrong; detection must
choose between them. GBK and GB2312 are subsets of GB18030, so they are widened.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

# Longest BOMs first (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CANDIDATES = ["gb18030", "big5", "utf_16_le", "utf_16_be"]
_WIDEN = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "hz": "gb18030",
          "big5hkscs": "big5", "cp950": "big5"}
# How much of the input charset-normalizer looks at (it samples anyway).
DETECT_BYTES = 1 << 20


_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32)])


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Detected:
    encoding: str  # a Python codec name
    bom: int  # bytes to skip at the start


def sniff_bom(head: bytes) -> Detected | None:
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return Detected(enc, len(bom))
    return None


def _looks_binary(sample: bytes) -> bool:
    """Many NUL bytes on both even and odd positions: not text. UTF-16 text has
    them mostly on one side (ASCII), a few on the other (一 is U+4E00).
    (Control bytes are checked after decoding: UTF-16 CJK text is full of them.)"""
    if len(sample) < 16 or 0 not in sample:
        return False
    even, odd = sample[0::2], sample[1::2]
    return min(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.25


def detect(sample: bytes, *, complete: bool) -> Detected:
    """The encoding of ``sample`` (the whole file when ``complete``, else its head).

    Raises DecodeError("binary ...") or DecodeError("undecodable ...").
    """
    found = sniff_bom(sample)
    if found:
        return found
    head = sample[:65536]
    if _looks_binary(head):
        raise DecodeError("binary content (control or NUL bytes)")
    # UTF-8 text never contains NUL; ASCII in UTF-16 is full of them.
    if 0 not in head and _is_utf8(sample, complete=complete):
        return Detected("utf-8", 0)
    if len(sample) >= SHORT_BYTES:
        from charset_normalizer import from_bytes

        best = from_bytes(sample[:DETECT_BYTES], cp_isolation=_CANDIDATES).best()
        if best is not None:
            enc = best.encoding.lower().replace("-", "_")
            return Detected(_WIDEN.get(enc, enc).replace("_", "-"), 0)
    # Too short for the detector (it guesses wildly under ~64 bytes), or too odd:
    # the candidate whose reading is made of common characters.
    guess = _fallback(head, complete=complete and len(sample) <= len(head))
    if guess is not None:
        return Detected(guess, 0)
    ctrl = sum(head.count(b) for b in _CONTROL_BYTES)
    if ctrl * 100 > len(head):  # not text in any encoding, and full of control bytes
        raise DecodeError("binary content: not text in UTF-8, GB18030, Big5 or UTF-16")
    raise DecodeError("undecodable bytes: not UTF-8, GB18030, Big5 or UTF-16")


SHORT_BYTES = 64
# ASCII, Latin-1 signs (° · ×), general punctuation, symbols, arrows, ①, shapes
# (▷ ■ ★), CJK punctuation and full-width forms.
_PLAIN = re.compile("[\t\r\n\x20-\x7e\u00b0\u00b7\u00d7\u2000-\u27bf\u3000-\u303f\uff00-\uffef]")


@lru_cache(maxsize=16384)
def _common(c: str) -> bool:
    """ASCII, CJK punctuation, or one of the common characters: GB2312 level 1
    (the 3,755 most used Simplified characters, bytes B0A1-D7F9) or Big5's
    frequent characters (5,401 Traditional ones, A440-C67E)."""
    if _PLAIN.match(c):
        return True
    try:
        b = c.encode("gb2312")
        if len(b) == 2 and 0xB0 <= b[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b = c.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E


def _fallback(head: bytes, *, complete: bool) -> str | None:
    """The encoding (GB18030, Big5, UTF-16 LE/BE, in that order on ties) whose
    reading of ``head`` has the most common characters (at least 90%): wrong
    readings of Chinese bytes are mostly rare characters."""
    best: tuple[float, str] | None = None
    for enc in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        try:
            text = codecs.getincrementaldecoder(enc)("strict").decode(head, final=complete)
        except UnicodeDecodeError:
            continue
        if not text:
            continue
        score = sum(map(_common, text)) / len(text)
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, enc)
    return best[1] if best else None


def _is_utf8(sample: bytes, *, complete: bool) -> bool:
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        dec.decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def check_text(text: str) -> None:
    """Decoded text that is really binary (NULs, control characters) is refused."""
    if "\x00" in text:
        raise DecodeError("binary content (NUL characters)")
    sample = text[:65536]
    ctrl = sum(1 for c in sample if c < " " and c not in "\t\n\r\x0c\x1b")
    if ctrl > max(4, len(sample) // 100):
        raise DecodeError("binary content (control characters)")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) for a whole file's bytes; raises DecodeError."""
    det = detect(data, complete=True)
    try:
        text = data[det.bom:].decode(det.encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(f"undecodable bytes as {det.encoding} at byte {e.start + det.bom}") from None
    check_text(text)
    return text, det.encoding
