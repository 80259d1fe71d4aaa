"""Vocabulary files shipped with the package (units, titles, suffixes, codes…).

Files are UTF-8 TSV with ``#`` comment lines (a header naming source and
licence) and one header row of column names. Loaders return fresh immutable
data; callers keep what they load (no module-level caches).
"""
from __future__ import annotations

from importlib import resources


def read_text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV resource as dicts keyed by the header row; '#' lines skipped."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in read_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells, strict=False)})  # cells padded above
    return tuple(rows)


def read_list(name: str) -> tuple[str, ...]:
    """One entry a line; '#' lines and blanks skipped."""
    return tuple(
        s for line in read_text(name).splitlines()
        if (s := line.strip()) and not s.startswith("#")
    )
