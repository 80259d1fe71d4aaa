"""The ``cnpolicy-extract`` command (thin: reading, running and writing live in ``io``)."""
from __future__ import annotations

import importlib
import sys
import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from .config import KINDS, TOKENIZERS, Config

app = typer.Typer(
    help="Extract figures, programme codes, organisations, officials, places and times "
    "from Chinese policy text.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Traditional(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


def _config(kinds: str | None, tokenizer: str, pkuseg_model: str | None,
            model: str | None = None, model_policy: str = "model") -> Config:
    try:
        if model is not None:
            from .model import resolve_model_path

            resolve_model_path(model)  # a missing model directory is a usage error, now
        extra: dict[str, Any] = {"tokenizer": tokenizer, "pkuseg_model": pkuseg_model,
                                 "model": model, "model_policy": model_policy}
        if kinds:
            return Config(kinds=frozenset(k.strip() for k in kinds.split(",") if k.strip()), **extra)
        return Config(**extra)
    except (TypeError, ValueError, FileNotFoundError) as e:
        raise typer.BadParameter(str(e)) from None


KindsOpt = Annotated[str | None, typer.Option(
    "--kinds", "-k", help=f"Comma-separated subset of: {', '.join(sorted(KINDS))} (default: all).")]
TokenizerOpt = Annotated[str, typer.Option(
    "--tokenizer", help=f"Tokenizer backend: {', '.join(sorted(TOKENIZERS))}.")]
PkusegOpt = Annotated[str | None, typer.Option(
    "--pkuseg-model", help="Model directory for --tokenizer pkuseg.")]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", help="Add the statistical entity model: 'default' (the shipped CRF) or a model directory.")]
PolicyOpt = Annotated[str, typer.Option(
    "--model-policy", help="How the model joins the rules: 'model' (news NER conventions) or "
    "'rules' (policy documents: the rules' entities stay).")]
TraditionalOpt = Annotated[Traditional, typer.Option(
    "--traditional", help="Convert Traditional Chinese for matching (needs the [traditional] extra); "
    "offsets still index the original text. auto: when the text looks Traditional.")]


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (walked recursively, sorted).")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Output file (default: stdout, JSONL only).")] = None,
    fmt: Annotated[Format, typer.Option(
        "--format", "-f", help="jsonl: one Document per line; csv: one row per figure; "
        "parquet: one row per document, fixed schema.")] = Format.jsonl,
    workers: Annotated[int, typer.Option("--workers", "-w", min=0,
                                         help="Worker processes (0 = one per CPU).")] = 1,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue a killed run: skip ids already in the output or errors file.")] = False,
    errors: Annotated[Path | None, typer.Option(
        "--errors", help="Errors file (JSONL: id, error). Default: OUTPUT.errors.jsonl.")] = None,
    kinds: KindsOpt = None,
    tokenizer: TokenizerOpt = "jieba",
    pkuseg_model: PkusegOpt = None,
    model: ModelOpt = None,
    model_policy: PolicyOpt = "model",
    traditional: TraditionalOpt = Traditional.auto,
    timeout: Annotated[float | None, typer.Option(
        "--timeout", min=0.001, help="Seconds one file may take; a file that takes longer goes to "
        "the errors file as 'timed out' (default: no limit).")] = None,
) -> None:
    """Extract every file: one Document per file (id = its path), in input order.

    Files that cannot be read (undecodable, binary, unreadable, broken links)
    never stop the run: they go to the errors file and the summary, and the
    exit code is 1. Progress goes to stderr when it is a terminal.
    """
    import os

    from .io.batch import BatchArgumentError, run_batch
    from .io.traditional import resolve_mode

    config = _config(kinds, tokenizer, pkuseg_model, model, model_policy)
    try:
        resolve_mode(traditional.value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    show_progress = sys.stderr.isatty()
    bar: Any = None
    if show_progress:
        from tqdm import tqdm

        bar = tqdm(unit="file", file=sys.stderr, dynamic_ncols=True, desc="extracting")
    failed_so_far = 0

    # Without an errors file (JSONL on stdout, no --errors), every failure is
    # listed on stderr as it happens, so that none is lost.
    list_failures = output is None and errors is None

    def tick(r: Any) -> None:
        nonlocal failed_so_far
        failed = hasattr(r, "reason")
        if failed and list_failures:
            line = f"error: {r.id}: {r.reason}"
            if bar is not None:
                bar.write(line, file=sys.stderr)
            else:
                typer.echo(line, err=True)
        if bar is not None:
            if failed:
                failed_so_far += 1
                bar.set_postfix(failed=failed_so_far, refresh=False)
            bar.update(1)

    try:
        summary = run_batch(
            [str(p) for p in paths], output, fmt=fmt.value,
            workers=workers or (os.cpu_count() or 1), resume=resume,
            errors_path=errors, config=config, traditional=traditional.value, on_result=tick,
            timeout=timeout)
    except BatchArgumentError as e:
        raise typer.BadParameter(str(e)) from None
    finally:
        if bar is not None:
            bar.close()
    typer.echo(summary.text(), err=True)
    if summary.failed:
        raise typer.Exit(1)


def _make_extractor(config: Config) -> Any:
    from .extractor import Extractor

    return Extractor(config)


def _load(file: Path, kinds: str | None, tokenizer: str, pkuseg_model: str | None,
          traditional: Traditional, published: str | None,
          model: str | None = None, model_policy: str = "model") -> Any:
    from .io import ReadError, extract_text, read_text
    from .io.traditional import resolve_mode

    try:
        text = read_text(file)
    except ReadError as e:
        typer.echo(f"error: {file}: {e.reason}", err=True)
        raise typer.Exit(1) from None
    extractor = _make_extractor(_config(kinds, tokenizer, pkuseg_model, model, model_policy))
    return extract_text(extractor, text, mode=resolve_mode(traditional.value),
                        published=published, doc_id=str(file))


PublishedOpt = Annotated[str | None, typer.Option(
    "--published", help="ISO publication date, to resolve 去年/今年 (default: read from the text).")]


@app.command()
def show(
    file: Annotated[Path, typer.Argument(help="A text file (any supported encoding).")],
    kinds: KindsOpt = None,
    tokenizer: TokenizerOpt = "jieba",
    pkuseg_model: PkusegOpt = None,
    model: ModelOpt = None,
    model_policy: PolicyOpt = "model",
    traditional: TraditionalOpt = Traditional.auto,
    published: PublishedOpt = None,
) -> None:
    """Print what was found in FILE as readable tables."""
    doc = _load(file, kinds, tokenizer, pkuseg_model, traditional, published, model, model_policy)
    typer.echo(render_tables(doc))


@app.command()
def html(
    file: Annotated[Path, typer.Argument(help="A text file (any supported encoding).")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="HTML file (default: stdout).")] = None,
    kinds: KindsOpt = None,
    tokenizer: TokenizerOpt = "jieba",
    pkuseg_model: PkusegOpt = None,
    model: ModelOpt = None,
    model_policy: PolicyOpt = "model",
    traditional: TraditionalOpt = Traditional.auto,
    published: PublishedOpt = None,
) -> None:
    """Write a self-contained HTML page highlighting everything found in FILE."""
    from .html import render

    doc = _load(file, kinds, tokenizer, pkuseg_model, traditional, published, model, model_policy)
    page = render(doc, title=file.name)
    if output is None:
        sys.stdout.write(page)
    else:
        output.write_text(page, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output Document."""
    from .schema import dumps

    sys.stdout.write(dumps())


_PASS = {"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}


def _delegate(module: str, argv: list[str]) -> None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name and module.startswith(e.name):
            typer.echo(f"error: {module} is not available in this installation ({e}).", err=True)
            raise typer.Exit(2) from None
        raise
    main = getattr(mod, "main", None)
    if main is None:
        typer.echo(f"error: {module} has no main(argv).", err=True)
        raise typer.Exit(2)
    code = main(argv)
    if code:
        raise typer.Exit(int(code))


@app.command("train-segmenter", context_settings=_PASS)
def train_segmenter(ctx: typer.Context) -> None:
    """Train the pkuseg segmenter (arguments go to cnpolicy_extract.training.segmenter; try --help)."""
    _delegate("cnpolicy_extract.training.segmenter", list(ctx.args))


@app.command("train", context_settings=_PASS)
def train(ctx: typer.Context) -> None:
    """Train the shipped CRF entity model (arguments go to cnpolicy_extract.training.crf; try --help)."""
    _delegate("cnpolicy_extract.training.crf", list(ctx.args))


@app.command("train-spacy", context_settings=_PASS)
def train_spacy(ctx: typer.Context) -> None:
    """Train a spaCy tagger entity model instead (arguments go to cnpolicy_extract.training.ner)."""
    _delegate("cnpolicy_extract.training.ner", list(ctx.args))


@app.command()
def version() -> None:
    """Print the version, and whether the rule modules run compiled."""
    from . import __version__, compiled

    typer.echo(f"{__version__} ({'compiled' if compiled() else 'pure Python'})")


# --- terminal tables ---------------------------------------------------------

def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _clip(s: str, n: int) -> str:
    if _width(s) <= n:
        return s
    out, w = "", 0
    for c in s:
        cw = _width(c)
        if w + cw > n - 1:
            break
        out += c
        w += cw
    return out + "…"


def table(headers: list[str], rows: list[list[Any]], max_col: int = 28) -> str:
    cells = [[_clip("" if v is None else str(v), max_col) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(vals: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(vals, widths, strict=True)).rstrip()

    out = [line(headers), "  ".join("─" * w for w in widths)]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


_SECTIONS: dict[str, list[str]] = {
    "figures": ["start", "text", "value", "value_max", "unit", "dimension", "qualifier",
                "change", "modality", "metric", "period", "region"],
    "codes": ["start", "text", "code", "kind"],
    "organizations": ["start", "text", "name", "type"],
    "places": ["start", "text", "name", "level", "parent", "code"],
    "times": ["start", "text", "value", "relative"],
}


def render_tables(doc: Any) -> str:
    d = doc.to_dict()
    parts = [f"{d['id']}  ({len(doc.text)} characters)"]
    meta = {k: v for k, v in d["meta"].items() if v not in (None, [])}
    if meta:
        parts.append("meta: " + "  ".join(f"{k}={'、'.join(v) if isinstance(v, list) else v}"
                                          for k, v in meta.items()))
    for kind, cols in _SECTIONS.items():
        items = d[kind]
        parts.append(f"\n{kind} ({len(items)})")
        if items:
            parts.append(table(cols, [[it.get(c) for c in cols] for it in items]))
    people = d["people"]
    parts.append(f"\npeople ({len(people)})")
    if people:
        rows = [[p["name"], p["role"], len(p["mentions"]),
                 "；".join(f"{q['organization'] or ''}{q['title']}" for q in p["positions"])]
                for p in people]
        parts.append(table(["name", "role", "mentions", "positions"], rows, max_col=60))
    return "\n".join(parts)


def main() -> None:
    app()
