"""pandas adapters: ``extract_frame`` over a column of texts, and the frames
behind ``Document.to_frame()``. Also the batch function for Spark
(``mapInPandas``) and Ray Data (``map_batches``): see docs/recipes.md."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pandas as pd

from ..config import Config
from ..extractor import Extractor
from ..schema import row_fields
from ..types import Code, Document, Figure, Organization, Person, Place, Time
from . import cached_extractor

ROW_TYPES: dict[str, type] = {
    "figures": Figure, "codes": Code, "organizations": Organization,
    "people": Person, "places": Place, "times": Time,
}


def columns(kind: str) -> list[str]:
    """Columns of the flat frame for ``kind``: ``id`` then the item's keys."""
    if kind not in ROW_TYPES:
        raise ValueError(f"kind must be one of {sorted(ROW_TYPES)}, not {kind!r}")
    return ["id", *row_fields(ROW_TYPES[kind])]


def _rows(doc: Document, kind: str, doc_id: Any) -> Iterator[dict[str, Any]]:
    for item in getattr(doc, kind):
        row = {"id": doc_id}
        row.update(item.to_dict())
        yield row


def document_frame(doc: Document, kind: str = "figures") -> pd.DataFrame:
    """One row per item of ``kind`` in ``doc`` (``id`` first); fixed columns
    even when there are none."""
    cols = columns(kind)
    return pd.DataFrame(list(_rows(doc, kind, doc.id)), columns=cols)


def documents_frame(docs: Iterable[Document], kind: str = "figures") -> pd.DataFrame:
    cols = columns(kind)
    return pd.DataFrame([r for d in docs for r in _rows(d, kind, d.id)], columns=cols)


def extract_frame(
    df: pd.DataFrame,
    text_col: str = "text",
    *,
    id_col: str | None = None,
    published_col: str | None = None,
    kind: str | None = None,
    config: Config | None = None,
    extractor: Extractor | None = None,
) -> pd.DataFrame:
    """Extract from every row's ``text_col``.

    ``kind=None``: one row per input row (same index) with columns ``id`` and
    ``document`` (the Document as a JSON string — a fixed two-column schema
    that Spark and Ray accept). ``kind="figures"`` (or any other kind): one
    row per item, columns ``columns(kind)``. ``id`` is ``id_col``'s value,
    else the row's index label. Missing texts (None/NaN) give empty Documents.
    """
    from ..io.records import encode

    ex = extractor or cached_extractor(config or Config())
    texts = df[text_col]
    ids = df[id_col] if id_col is not None else pd.Series(df.index, index=df.index)
    pubs = df[published_col] if published_col is not None else None
    if kind is None:
        out = []
        for i, text in enumerate(texts):
            doc = _one(ex, text, ids.iloc[i], None if pubs is None else pubs.iloc[i])
            out.append(encode(doc.to_dict()).decode("utf-8"))
        return pd.DataFrame({"id": [_id(x) for x in ids], "document": out}, index=df.index)
    cols = columns(kind)
    rows: list[dict[str, Any]] = []
    for i, text in enumerate(texts):
        doc = _one(ex, text, ids.iloc[i], None if pubs is None else pubs.iloc[i])
        rows.extend(_rows(doc, kind, doc.id))
    return pd.DataFrame(rows, columns=cols)


def _id(x: Any) -> str | None:
    return None if x is None or (isinstance(x, float) and x != x) else str(x)


def _one(ex: Extractor, text: Any, doc_id: Any, published: Any) -> Document:
    if text is None or (isinstance(text, float) and text != text):
        text = ""
    pub = None if published is None or (isinstance(published, float) and published != published) \
        else str(published)
    return ex.extract(str(text), published=pub, doc_id=_id(doc_id))


# Spark's DDL schemas for mapInPandas (see docs/recipes.md).
SPARK_DOCUMENT_SCHEMA = "id string, document string"
_SPARK_TYPES = {"start": "long", "end": "long", "value": "double", "value_max": "double",
                "relative": "boolean"}


def spark_schema(kind: str) -> str:
    """DDL schema string of ``extract_frame(..., kind=kind)`` for Spark
    (only for the flat kinds: not ``people``)."""
    if kind == "people":
        raise ValueError("people has nested columns; use kind=None and parse the JSON")
    return ", ".join(f"`{c}` {_SPARK_TYPES.get(c, 'string')}" for c in columns(kind))
