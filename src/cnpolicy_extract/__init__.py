"""cnpolicy_extract: typed, linked data from Chinese policy and economic text."""
from __future__ import annotations

from .api import default_extractor, extract
from .build_info import compiled
from .config import KINDS, Config
from .extractor import Extractor
from .types import (
    Code,
    Document,
    Figure,
    Mention,
    Meta,
    Organization,
    Person,
    Place,
    Position,
    Time,
)

__version__ = "0.1.0"

__all__ = [
    "KINDS",
    "Code",
    "Config",
    "Document",
    "Extractor",
    "Figure",
    "Mention",
    "Meta",
    "Organization",
    "Person",
    "Place",
    "Position",
    "Time",
    "__version__",
    "compiled",
    "default_extractor",
    "extract",
]
