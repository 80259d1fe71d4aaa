"""The ``cnpolicy-extract`` command (thin: reading, running, writing live elsewhere)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from .extractor import Extractor

app = typer.Typer(
    help="Extract figures, programme codes, organisations, officials, places and times "
    "from Chinese policy text.",
    no_args_is_help=True,
    add_completion=False,
)


def _files(paths: list[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file())
        else:
            yield p


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of UTF-8 text.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL file (default: stdout).")] = None,
) -> None:
    """One JSON Document per input file, one per line; id = the path."""
    extractor = Extractor()
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        for path in _files(paths):
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as e:
                failed += 1
                typer.echo(f"error: {path}: {e}", err=True)
                continue
            doc = extractor.extract(text, doc_id=str(path))
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    if failed:
        raise typer.Exit(1)


@app.command()
def version() -> None:
    """Print the version."""
    from . import __version__

    typer.echo(__version__)


def main() -> None:
    app()
