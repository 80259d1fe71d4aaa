"""Where the library keeps its private files (never the shared temp directory)."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "cnpolicy_extract"


def cache_dir() -> Path:
    """The user's private cache directory (``CNPOLICY_EXTRACT_CACHE`` overrides it)."""
    env = os.environ.get("CNPOLICY_EXTRACT_CACHE")
    return Path(env) if env else Path(platformdirs.user_cache_dir(APP))


def segmenter_dir() -> Path:
    """Where ``cnpolicy-extract train-segmenter`` writes and the pkuseg backend looks."""
    return cache_dir() / "pkuseg-pd1998"
