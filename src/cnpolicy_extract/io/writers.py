"""Writing records so that a killed run never leaves a half-written one.

JSONL is the working format: each record is one whole line written in a
single call and flushed; on resume a trailing partial line (a kill mid-write)
is cut off. CSV and Parquet are produced from a finished JSONL staging file
and moved into place atomically, so they are either complete or absent.
"""
from __future__ import annotations

import csv
import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import msgspec

from ..schema import row_fields
from ..types import Figure

_DEC = msgspec.json.Decoder()
decode_json = _DEC.decode


class _IdOnly(msgspec.Struct):
    id: str | None = None


_ID_DEC = msgspec.json.Decoder(_IdOnly)


def id_key(doc_id: str | None) -> bytes:
    """A fixed-size key for the set of finished ids kept on resume."""
    return hashlib.blake2b((doc_id or "").encode("utf-8", "surrogatepass"), digest_size=12).digest()


def drop_partial_line(path: Path) -> int:
    """Truncate ``path`` after its last newline; returns bytes dropped."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as f:
        pos = size
        block = 1 << 16
        while pos > 0:
            start = max(0, pos - block)
            f.seek(start)
            data = f.read(pos - start)
            i = data.rfind(b"\n")
            if i >= 0:
                keep = start + i + 1
                break
            pos = start
        else:
            keep = 0
        if keep < size:
            f.truncate(keep)
        return size - keep


def finished_ids(path: Path) -> set[bytes]:
    """Keys of the ids recorded in a JSONL file (after dropping a partial line)."""
    done: set[bytes] = set()
    if not path.exists():
        return done
    drop_partial_line(path)
    with path.open("rb") as f:
        for line in f:
            if line.strip():
                try:
                    done.add(id_key(_ID_DEC.decode(line).id))
                except msgspec.DecodeError:
                    continue  # not ours; keep going
    return done


class LineSink:
    """Whole lines, one write + flush each; ``path=None`` is stdout."""

    def __init__(self, path: Path | None, *, append: bool) -> None:
        self.path = path
        self._own = path is not None
        self._f: IO[bytes] = path.open("ab" if append else "wb") if path is not None else sys.stdout.buffer

    def write(self, line: bytes) -> None:
        self._f.write(line + b"\n")
        self._f.flush()

    def write_file(self, spool: str) -> None:
        """A record assembled on disk (big inputs): copied in, then its newline."""
        with open(spool, "rb") as src:
            shutil.copyfileobj(src, self._f, 1 << 20)
        self._f.write(b"\n")
        self._f.flush()

    def close(self) -> None:
        if self._own:
            self._f.close()
        else:
            self._f.flush()


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as f:
        for line in f:
            if line.strip():
                yield _DEC.decode(line)


FIGURE_COLUMNS: tuple[str, ...] = ("id", *row_fields(Figure))


def jsonl_to_csv(src: Path, dst: Path) -> None:
    """Flat CSV of figures: one row per figure, with the document id."""
    tmp = dst.with_name(dst.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(FIGURE_COLUMNS)
        for doc in iter_jsonl(src):
            for fig in doc.get("figures", ()):
                w.writerow([doc.get("id"), *("" if fig.get(k) is None else fig.get(k)
                                             for k in FIGURE_COLUMNS[1:])])
    os.replace(tmp, dst)


def jsonl_to_parquet(src: Path, dst: Path, batch: int = 1000) -> None:
    """Parquet with the fixed schema of ``schema.arrow_schema()``, one row per document."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..schema import arrow_schema

    schema = arrow_schema()
    names = schema.names
    tmp = dst.with_name(dst.name + ".tmp")
    with pq.ParquetWriter(tmp, schema) as w:
        rows: list[dict[str, Any]] = []
        for doc in iter_jsonl(src):
            rows.append({k: doc.get(k) for k in names})
            if len(rows) >= batch:
                w.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        if rows:
            w.write_table(pa.Table.from_pylist(rows, schema=schema))
    os.replace(tmp, dst)
