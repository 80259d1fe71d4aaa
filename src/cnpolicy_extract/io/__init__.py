"""Reading files (any encoding, any size), writing JSONL/CSV/Parquet, and the
batch runner behind ``cnpolicy-extract run``."""
from __future__ import annotations

from .batch import FORMATS, Summary, run_batch
from .encoding import DecodeError, decode
from .read import ReadError, iter_chunks, iter_paths, read_text
from .traditional import extract_text

__all__ = ["FORMATS", "DecodeError", "ReadError", "Summary", "decode", "extract_text",
           "iter_chunks", "iter_paths", "read_text", "run_batch"]
