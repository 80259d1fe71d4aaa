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
