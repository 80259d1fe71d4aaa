"""Dask: a bag of files in, a bag of Document dicts out (extra ``[dask]``).

Every partition reuses one Extractor per worker process. Files that cannot be
read give ``{"id": path, "error": reason}`` records instead of failing the job
(``errors="raise"`` to fail, ``"skip"`` to drop them). Scripts using the
``processes`` scheduler need an ``if __name__ == "__main__":`` guard.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

import dask.bag as db

from ..config import Config
from ..io.read import iter_paths
from ..io.records import Done, Failed, Options, process_file
from ..io.traditional import resolve_mode
from ..io.writers import decode_json
from . import cached_extractor

__all__ = ["extract_bag", "extract_files", "figures_frame"]


def _partition(paths: Iterable[str], opts: Options, errors: str) -> Iterator[dict[str, Any]]:
    ex = opts.extractor() if opts.factory is not None else cached_extractor(opts.config)
    for p in paths:
        r = process_file(ex, p, opts)
        if isinstance(r, Failed):
            if errors == "raise":
                raise ValueError(f"{r.id}: {r.reason}")
            if errors == "include":
                yield {"id": r.id, "error": r.reason}
            continue
        assert isinstance(r, Done)
        if r.line is not None:
            yield decode_json(r.line)
        else:
            assert r.spool is not None
            try:
                with open(r.spool, "rb") as f:
                    yield decode_json(f.read())
            finally:
                os.unlink(r.spool)


def _materialise(part: Iterable[str], *, opts: Options, errors: str) -> list[dict[str, Any]]:
    return list(_partition(part, opts, errors))


def extract_bag(paths: db.Bag, *, config: Config | None = None, traditional: str | None = None,
                errors: str = "include", factory: Callable[[Config], Any] | None = None) -> db.Bag:
    """Map a bag of file paths to a bag of ``Document.to_dict()`` records.
    ``factory`` (an importable callable ``Config -> extractor``) replaces Extractor."""
    if errors not in ("include", "skip", "raise"):
        raise ValueError("errors must be 'include', 'skip' or 'raise'")
    opts = Options(config=config or Config(), traditional=resolve_mode(traditional), factory=factory)
    return paths.map_partitions(partial(_materialise, opts=opts, errors=errors))  # type: ignore[no-any-return,no-untyped-call]


def extract_files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                  npartitions: int | None = None, config: Config | None = None,
                  traditional: str | None = None, errors: str = "include",
                  factory: Callable[[Config], Any] | None = None) -> db.Bag:
    """Files (and folders, walked) → a bag of Document dicts, in path order."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files = list(iter_paths(paths))
    n = npartitions or max(1, min(len(files), (os.cpu_count() or 1) * 4))
    bag = db.from_sequence(files, npartitions=n)  # type: ignore[no-untyped-call]
    return extract_bag(bag, config=config,
                       traditional=traditional, errors=errors, factory=factory)


def figures_frame(bag: db.Bag) -> Any:
    """A Dask DataFrame of figures (one row per figure, ``id`` first) from a bag
    made by ``extract_bag``/``extract_files``."""
    from .pandas import columns

    cols = columns("figures")

    def rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"id": rec.get("id"), **f} for f in rec.get("figures", ())]

    import pandas as pd

    meta = pd.DataFrame({c: pd.Series(dtype="float64" if c in ("value", "value_max") else
                                      "int64" if c in ("start", "end") else "object") for c in cols})
    return bag.map(rows).flatten().to_dataframe(meta=meta)  # type: ignore[no-untyped-call]
