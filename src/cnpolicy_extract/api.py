"""The one-call entry point and its lazily built default Extractor."""
from __future__ import annotations

from .extractor import Extractor
from .lazy import Lazy
from .types import Document

_DEFAULT: Lazy[Extractor] = Lazy(Extractor)  # immutable once built


def default_extractor() -> Extractor:
    return _DEFAULT.get()


def extract(text: str, *, published: str | None = None, doc_id: str | None = None) -> Document:
    """Everything in ``text``, with the default configuration.

    ``published`` (ISO date) resolves relative times; ``doc_id`` becomes ``id``.
    """
    return _DEFAULT.get().extract(text, published=published, doc_id=doc_id)
