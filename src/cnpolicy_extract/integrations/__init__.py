"""Adapters for pandas, Dask and spaCy. Each submodule is the only place its
library is imported; importing this package imports none of them."""
from __future__ import annotations

from functools import lru_cache

from ..config import Config
from ..extractor import Extractor


@lru_cache(maxsize=8)
def cached_extractor(config: Config) -> Extractor:
    """One Extractor per Config per process (Spark, Ray and Dask call batch
    functions many times in the same worker; building stages once matters).
    Extractors never change once built, so sharing them is safe."""
    return Extractor(config)
