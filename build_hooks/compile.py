"""Wheel build hook: compile the rule modules with mypyc (opt-in).

Off by default, so ``pip install -e .`` and plain builds stay pure Python.
``HATCH_BUILD_HOOKS_ENABLE=1 pip install .`` (or ``pip wheel .``) builds a
wheel whose rule modules (the stages and linkers, listed in pyproject.toml
under ``[tool.hatch.build.targets.wheel.hooks.custom]``) are C extensions
made by mypyc from the same typed source; the ``.py`` files ship beside
them, so tracebacks and readers still see the source. Needs a C compiler and
the Python headers. The modules are compiled in a temporary copy of the
source: nothing is written into ``src/``, where an extension module would
shadow its ``.py`` for an editable install.
"""
from __future__ import annotations

import importlib.machinery
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_PACKAGE = "cnpolicy_extract"
# mypy settings for the compile: missing imports (the build environment has
# none of the runtime dependencies) are typed Any, as in the project's own
# [tool.mypy]; the Python version is the building interpreter's
_MYPY_INI = "[mypy]\nignore_missing_imports = True\n"
_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="{package}-compiled", ext_modules=mypycify({paths!r}, opt_level="3"))
"""


class CompileHook(BuildHookInterface):  # type: ignore[misc]  # hatchling ships no types
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        src = Path(self.root) / "src"
        paths = compiled_paths(src, self.config.get("include", []), self.config.get("exclude", []))
        self._tmp = Path(tempfile.mkdtemp(prefix="cnpolicy-mypyc-"))
        work, build = self._tmp / "src", self._tmp / "build"
        for rel in (p.relative_to(src) for p in (src / _PACKAGE).rglob("*.py")):
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / rel, work / rel)
        (work / "mypy.ini").write_text(_MYPY_INI, encoding="utf-8")
        (work / "setup.py").write_text(
            _SETUP.format(package=_PACKAGE, paths=[p.relative_to(src).as_posix() for p in paths]),
            encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace",
             "--build-lib", str(build / "lib"), "--build-temp", str(build / "temp")],
            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode:
            shutil.rmtree(self._tmp, ignore_errors=True)
            raise RuntimeError(f"mypyc failed:\n{done.stdout[-6000:]}")
        # each module's extension beside its .py, and mypyc's shared library
        # (top level); mypyc writes its C sources to build/ in ``work``
        ext = importlib.machinery.EXTENSION_SUFFIXES
        for built in work.rglob("*"):
            rel = built.relative_to(work)
            if rel.parts[0] != "build" and any(built.name.endswith(e) for e in ext):
                build_data["force_include"][str(built)] = rel.as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def compiled_paths(src: Path, include: list[str], exclude: list[str]) -> list[Path]:
    """The ``.py`` files under ``src`` matching an ``include`` glob and no
    ``exclude`` glob (globs relative to ``src``), sorted."""
    chosen = {p for pattern in include for p in src.glob(pattern) if p.suffix == ".py"}
    dropped = {p for pattern in exclude for p in src.glob(pattern)}
    if not chosen:
        raise ValueError(f"no module to compile matches {include}")
    return sorted(chosen - dropped)
