"""Which build runs: CI runs the suite on the pure-Python editable install and
on the compiled wheel, and says which it expects (CNPOLICY_EXPECT_COMPILED)."""
from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

import cnpolicy_extract
from cnpolicy_extract import cli
from cnpolicy_extract.link import metric


def test_compiled_is_what_the_modules_are() -> None:
    assert cnpolicy_extract.compiled() == (not metric.__file__.endswith(".py"))


@pytest.mark.skipif("CNPOLICY_EXPECT_COMPILED" not in os.environ, reason="no build expected")
def test_the_expected_build_runs() -> None:
    assert cnpolicy_extract.compiled() == (os.environ["CNPOLICY_EXPECT_COMPILED"] == "1")


def test_version_names_the_build() -> None:
    r = CliRunner().invoke(cli.app, ["version"])
    assert r.exit_code == 0, r.output
    build = "compiled" if cnpolicy_extract.compiled() else "pure Python"
    assert r.output.strip() == f"{cnpolicy_extract.__version__} ({build})"


def test_the_compiled_module_lists_name_real_files() -> None:
    # a renamed module would silently drop out of the compiled build
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    hook = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]
    src = root / "src"
    assert (root / hook["path"]).is_file()
    for pattern in hook["include"]:
        assert any(p.suffix == ".py" for p in src.glob(pattern)), pattern
    for pattern in hook["exclude"]:
        assert list(src.glob(pattern)), pattern
    assert not hook["enable-by-default"]  # editable installs stay pure Python
