"""Where training finds the public corpora."""
from __future__ import annotations

import os
from pathlib import Path


def default_corpora_dir() -> Path:
    """``$CNPOLICY_CORPORA``, else ``../shared/corpora`` next to the checkout or cwd."""
    env = os.environ.get("CNPOLICY_CORPORA")
    if env:
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        cand = base.parent / "shared" / "corpora"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "corpora"


def pd1998_spans(corpora: Path | None) -> Path | None:
    """``199801.jsonl`` under ``corpora`` (default: ``default_corpora_dir()``);
    None, with the reason on stderr, when it is missing."""
    import sys

    path = (corpora or default_corpora_dir()) / "pd1998" / "199801.jsonl"
    if not path.exists():
        print(f"error: {path} not found (pass --corpora)", file=sys.stderr)
        return None
    return path
