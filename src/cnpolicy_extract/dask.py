"""``cnpolicy_extract.dask``: the Dask adapter (imports dask only when this
module itself is imported). See ``cnpolicy_extract.integrations.dask``."""
from __future__ import annotations

from .integrations.dask import extract_bag, extract_files, figures_frame

__all__ = ["extract_bag", "extract_files", "figures_frame"]
