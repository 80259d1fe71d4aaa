"""Which build of the package is running: pure Python, or its rule modules
compiled by mypyc (a wheel built with ``HATCH_BUILD_HOOKS_ENABLE=1``;
build_hooks/compile.py). Both give the same output; the compiled one is
faster."""
from __future__ import annotations

import importlib.machinery

from . import state


def compiled() -> bool:
    """Whether the rule modules run as mypyc-compiled extensions."""
    # state.py is compiled with every other rule module, or with none
    return any(state.__file__.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)
