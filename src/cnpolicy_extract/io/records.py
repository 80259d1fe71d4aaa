"""One input file → one output record (a JSONL line), or a reason it failed.

Runs inside batch workers. Small files are read whole; files above
``Options.stream_bytes`` are extracted chunk by chunk and their record is
assembled on disk, so memory stays flat whatever the file size.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

import msgspec

from ..config import Config
from ..extractor import Extractor
from ..types import Document, Person
from .deadline import Timeout, deadline
from .read import (
    CHUNK_CHARS,
    STREAM_BYTES,
    ReadError,
    file_size,
    iter_chunks,
    path_id,
    read_text,
    safe_str,
)
from .remap import shift
from .traditional import converts, extract_text

SPOOL_PREFIX = ".cnpolicy-spool-"  # records of big inputs being assembled (never inputs)
_ENC = msgspec.json.Encoder()
encode = _ENC.encode  # bytes of one JSON value; non-ASCII kept as is


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a worker needs to rebuild its own Extractor (picklable)."""

    config: Config = field(default_factory=Config)
    traditional: str = "off"  # already resolved: "auto" | "on" | "off"
    stream_bytes: int = STREAM_BYTES
    chunk_chars: int = CHUNK_CHARS
    spool_dir: str | None = None  # where big records are assembled
    # builds the extractor from ``config`` (default: Extractor); must be an
    # importable top-level callable so it pickles to workers
    factory: Callable[[Config], Any] | None = None
    # seconds one file may take (None: no limit); a file over it fails
    timeout: float | None = None

    def extractor(self) -> Extractor:
        return (self.factory or Extractor)(self.config)


@dataclass(frozen=True, slots=True)
class Done:
    id: str
    line: bytes | None = None  # one JSON document, no newline
    spool: str | None = None  # or: a file holding it (big inputs)


@dataclass(frozen=True, slots=True)
class Failed:
    id: str
    reason: str


Result = Done | Failed


def document_line(doc: Document) -> bytes:
    return encode(doc.to_dict())


def process_file(extractor: Extractor, path: str, opts: Options) -> Result:
    """Never raises for a bad file: returns Failed with a reason. The record id
    is ``path_id(path)`` (the path, with non-UTF-8 bytes of its name as \\xNN)."""
    doc_id = path_id(path)
    try:
        with deadline(opts.timeout):
            if file_size(path) > opts.stream_bytes:
                return Done(doc_id, spool=_stream(extractor, path, doc_id, opts))
            text = read_text(path)
            doc = extract_text(extractor, text, mode=opts.traditional, doc_id=doc_id)
            return Done(doc_id, line=document_line(doc))
    except Timeout:
        return Failed(doc_id, f"timed out after {opts.timeout:g} s")
    except ReadError as e:
        return Failed(doc_id, safe_str(e.reason))
    except MemoryError:
        return Failed(doc_id, "out of memory")
    except RecursionError:
        return Failed(doc_id, "extraction failed: recursion too deep")
    except Exception as e:  # a bug in a stage must not abort the batch
        return Failed(doc_id, safe_str(f"extraction failed: {type(e).__name__}: {e}"))


def process_files(extractor: Extractor, paths: list[str], opts: Options) -> list[Result]:
    """``process_file`` for each path, in order, with the same results; the
    small files that need no conversion are extracted together through
    ``extractor.pipe`` (each stage over all of them: faster). Anything out of
    the ordinary — a file that cannot be read, a big or Traditional one, an
    extractor without ``pipe``, a failure or the time limit inside the batch
    — goes through ``process_file`` alone, which reports it as it always
    has. The time limit of a batch is ``timeout`` times its files."""
    pipe = getattr(extractor, "pipe", None)
    if pipe is None or len(paths) < 2:
        return [process_file(extractor, p, opts) for p in paths]
    results: list[Result | None] = [None] * len(paths)
    batch: list[tuple[int, str]] = []  # (index, text)
    for i, path in enumerate(paths):
        try:
            if file_size(path) <= opts.stream_bytes:
                text = read_text(path)
                if not converts(text, opts.traditional):
                    batch.append((i, text))
        except Exception:  # process_file reports it, file by file
            continue
    if len(batch) >= 2:
        limit = opts.timeout * len(batch) if opts.timeout is not None else None
        try:
            with deadline(limit):
                docs = list(pipe([t for _, t in batch]))
        except (Exception, Timeout):
            docs = []
        for (i, _), doc in zip(batch, docs, strict=False):
            doc_id = path_id(paths[i])
            results[i] = Done(doc_id, line=document_line(dataclasses.replace(doc, id=doc_id)))
    return [r if r is not None else process_file(extractor, paths[i], opts) for i, r in enumerate(results)]


_STREAMED = ("figures", "codes", "organizations", "places", "times")


def _stream(extractor: Extractor, path: str, doc_id: str, opts: Options) -> str:
    parts: dict[str, IO[bytes]] = {k: tempfile.TemporaryFile(dir=opts.spool_dir) for k in _STREAMED}
    counts = dict.fromkeys(_STREAMED, 0)
    people: dict[str, Person] = {}
    first: dict[str, Any] | None = None
    published: str | None = None
    try:
        for offset, piece in iter_chunks(path, opts.chunk_chars):
            doc = extract_text(extractor, piece, mode=opts.traditional,
                               published=published, doc_id=doc_id)
            if first is None:
                first = doc.to_dict()
                published = doc.meta.published
            doc = shift(doc, offset)
            for kind in _STREAMED:
                out = parts[kind]
                for item in getattr(doc, kind):
                    if counts[kind]:
                        out.write(b",")
                    out.write(encode(item.to_dict()))
                    counts[kind] += 1
            for p in doc.people:
                people[p.name] = _merge(people.get(p.name), p)
        if first is None:  # an empty file
            first = extract_text(extractor, "", mode="off", doc_id=doc_id).to_dict()
        fd, final = tempfile.mkstemp(prefix=SPOOL_PREFIX, suffix=".jsonl", dir=opts.spool_dir)
        try:
            with os.fdopen(fd, "wb") as f:
                sep = b"{"
                for key, value in first.items():
                    f.write(sep + encode(key) + b":")
                    sep = b","
                    if key in parts:
                        f.write(b"[")
                        parts[key].seek(0)
                        while block := parts[key].read(1 << 20):
                            f.write(block)
                        f.write(b"]")
                    elif key == "people":
                        f.write(encode([p.to_dict() for p in people.values()]))
                    else:
                        f.write(encode(value))
                f.write(b"}")
        except BaseException:
            os.unlink(final)
            raise
        return final
    finally:
        for part in parts.values():
            part.close()


def _merge(old: Person | None, new: Person) -> Person:
    if old is None:
        return new
    positions = old.positions + tuple(p for p in new.positions if p not in old.positions)
    return dataclasses.replace(old, mentions=old.mentions + new.mentions,
                               role=old.role or new.role, positions=positions)
