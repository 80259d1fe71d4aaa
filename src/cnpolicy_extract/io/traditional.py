"""Traditional Chinese input: converted to Simplified for matching (OpenCC,
extra ``[traditional]``), with every offset and span text onto the original.

Option ``traditional``: ``"auto"`` (default; env ``CNPOLICY_EXTRACT_TRADITIONAL``
overrides) converts when OpenCC is installed and the text looks Traditional
(the conversion changes at least 1 in 100 of its CJK characters); ``"on"``
always converts (error if OpenCC is missing); ``"off"`` never does.
"""
from __future__ import annotations

import os
import re

from ..extractor import Extractor
from ..normalize import have_opencc, simplify
from ..types import Document
from .remap import to_original

MODES = ("auto", "on", "off")
ENV = "CNPOLICY_EXTRACT_TRADITIONAL"


def resolve_mode(mode: str | None) -> str:
    m = (mode or os.environ.get(ENV) or "auto").lower()
    if m in ("1", "true", "yes"):
        m = "on"
    if m in ("0", "false", "no"):
        m = "off"
    if m not in MODES:
        raise ValueError(f"traditional must be one of {MODES}, not {m!r}")
    if m == "on" and not have_opencc():
        raise ValueError("traditional='on' needs OpenCC: pip install 'cnpolicy-extract[traditional]'")
    if m == "auto" and not have_opencc():
        return "off"
    return m


_CJK = re.compile("[\u4e00-\u9fff]")


def _looks_traditional(text: str, converted: str) -> bool:
    if text == converted:
        return False
    cjk = len(_CJK.findall(text))
    if len(text) != len(converted):
        return True
    changed = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    return changed * 100 >= cjk


def converts(text: str, mode: str) -> bool:
    """Whether ``extract_text`` converts ``text`` to Simplified under ``mode``."""
    if mode == "off" or not text:
        return False
    return mode == "on" or _looks_traditional(text, simplify(text).text)


def extract_text(extractor: Extractor, text: str, *, mode: str = "off",
                 published: str | None = None, doc_id: str | None = None) -> Document:
    """``extractor.extract`` with the Traditional→Simplified step when ``mode`` asks."""
    if mode != "off" and text:
        norm = simplify(text)
        if mode == "on" or _looks_traditional(text, norm.text):
            doc = extractor.extract(norm.text, published=published, doc_id=doc_id)
            return to_original(doc, norm)
    return extractor.extract(text, published=published, doc_id=doc_id)
