"""The batch runner: many files in, one record per file out, nothing lost.

- Workers are processes (``spawn``), each building its own Extractor from a
  picklable ``Options``; files go to them in small batches through a bounded
  window, and results are written in input order, so memory stays flat over
  any number of files (paths are streamed, never listed up front).
- A bad file becomes a line in the errors file (path and reason); a worker
  that dies is replaced and its files retried once before being reported.
- ``timeout`` (seconds) fails a file that takes longer (``deadline.py``)
  instead of letting it stall the run.
- Records are whole lines, flushed one by one; ``resume`` cuts a trailing
  partial line and skips every id already in the output or the errors file.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ..config import Config
from ..extractor import Extractor
from . import deadline
from .read import CHUNK_CHARS, STREAM_BYTES, iter_paths, path_id
from .records import SPOOL_PREFIX, Done, Failed, Options, Result, encode, process_files
from .traditional import resolve_mode
from .writers import LineSink, finished_ids, id_key, jsonl_to_csv, jsonl_to_parquet

FORMATS = ("jsonl", "csv", "parquet")


class BatchArgumentError(ValueError):
    """Arguments that cannot work together (raised before any file is read)."""


@dataclass
class Summary:
    done: int = 0
    failed: int = 0
    skipped: int = 0  # already finished by an earlier run (resume)
    reasons: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str]] = field(default_factory=list)  # first failures
    seconds: float = 0.0
    output: str | None = None
    errors_file: str | None = None

    def text(self) -> str:
        lines = [f"{self.done} documents written, {self.failed} files failed"
                 + (f", {self.skipped} already done" if self.skipped else "")
                 + f" in {self.seconds:.1f} s"]
        if self.output:
            lines.append(f"output: {self.output}")
        if self.failed:
            for reason, n in self.reasons.most_common():
                lines.append(f"  {n:6d}  {reason}")
            for path, reason in self.examples:
                lines.append(f"  failed: {path}: {reason}")
            if self.errors_file:
                lines.append(f"errors: {self.errors_file}")
        return "\n".join(lines)


def _reason_class(reason: str) -> str:
    """Group reasons for the summary (drop byte positions and messages)."""
    for sep in (" at byte", " near byte", ": "):
        if sep in reason:
            return reason.split(sep, 1)[0]
    return reason


# --- workers ---------------------------------------------------------------
# One Extractor per worker process, built once by the pool initializer. This
# global lives only inside worker processes.
_WORKER: tuple[Extractor, Options] | None = None


def _init_worker(opts: Options) -> None:
    global _WORKER
    _watch_parent()
    _WORKER = (opts.extractor(), opts)


def _watch_parent() -> None:
    """Exit when the parent dies (e.g. ``kill -9`` of the run): orphaned
    workers would otherwise finish every batch already queued to them."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _work(paths: list[str]) -> list[Result]:
    assert _WORKER is not None, "worker not initialised"
    extractor, opts = _WORKER
    return process_files(extractor, paths, opts)


def _serial(paths: Iterable[str], opts: Options, batch: int) -> Iterator[Result]:
    extractor = opts.extractor()
    it = iter(paths)
    while chunk := list(islice(it, batch)):
        yield from process_files(extractor, chunk, opts)


def _parallel(paths: Iterable[str], opts: Options, workers: int, batch: int,
              window: int) -> Iterator[Result]:
    ctx = multiprocessing.get_context("spawn")

    def pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(opts,))

    it = iter(paths)
    ex = pool()
    pending: deque[tuple[list[str], Future[list[Result]]]] = deque()

    def submit(chunk: list[str]) -> Future[list[Result]]:
        # a pool can break between two submits (a worker of the last batch
        # dying late): then the batch goes to a fresh pool
        nonlocal ex
        try:
            return ex.submit(_work, chunk)
        except BrokenProcessPool:
            ex.shutdown(wait=False, cancel_futures=True)
            ex = pool()
            return ex.submit(_work, chunk)

    def fill() -> None:
        while len(pending) < window:
            chunk = list(islice(it, batch))
            if not chunk:
                return
            pending.append((chunk, submit(chunk)))

    try:
        fill()
        while pending:
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                # A worker died (crash, OOM kill). Every in-flight batch is lost:
                # rebuild the pool, retry this batch file by file, requeue the rest.
                ex.shutdown(wait=False, cancel_futures=True)
                ex = pool()
                results = []
                for p in chunk:
                    try:
                        results.extend(submit([p]).result())
                    except BrokenProcessPool:
                        results.append(Failed(p, "worker process crashed on this file"))
                        ex.shutdown(wait=False, cancel_futures=True)
                        ex = pool()
                pending = deque((c, submit(c)) for c, _ in pending)
            yield from results
            fill()
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


# --- the run ---------------------------------------------------------------

def staging_path(output: Path, fmt: str) -> Path:
    return output if fmt == "jsonl" else output.with_name(output.name + ".partial.jsonl")


def default_errors_path(output: Path) -> Path:
    return output.with_name(output.name + ".errors.jsonl")


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    output: Path | None = None,
    *,
    fmt: str = "jsonl",
    workers: int = 1,
    resume: bool = False,
    errors_path: Path | None = None,
    config: Config | None = None,
    traditional: str | None = None,
    batch: int = 8,
    stream_bytes: int = STREAM_BYTES,
    chunk_chars: int = CHUNK_CHARS,
    on_result: Callable[[Result], None] | None = None,
    extractor_factory: Callable[[Config], Any] | None = None,
    timeout: float | None = None,
) -> Summary:
    """Extract every file under ``paths`` into ``output`` (stdout for JSONL when None).

    ``timeout``: seconds a file may take before it is given up (reported as
    ``timed out after N s``); None for no limit."""
    if fmt not in FORMATS:
        raise BatchArgumentError(f"format must be one of {FORMATS}, not {fmt!r}")
    if output is None and fmt != "jsonl":
        raise BatchArgumentError(f"--format {fmt} needs an output file (-o)")
    if output is None and resume:
        raise BatchArgumentError("--resume needs an output file (-o)")
    if workers < 1:
        raise BatchArgumentError("workers must be >= 1")
    if timeout is not None:
        if not timeout > 0:
            raise BatchArgumentError(f"timeout must be a positive number of seconds, not {timeout}")
        if workers == 1 and not deadline.available():
            raise BatchArgumentError("a timeout needs the main thread (or workers >= 2)")
    t0 = time.perf_counter()
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    summary = Summary(output=str(output) if output else None)
    if errors_path is None and output is not None:
        errors_path = default_errors_path(output)
    summary.errors_file = str(errors_path) if errors_path else None
    records = staging_path(output, fmt) if output is not None else None

    if resume and output is not None and fmt != "jsonl" and output.exists() and not records.exists():  # type: ignore[union-attr]
        # A finished CSV/Parquet run: nothing to do but report its failures.
        if errors_path is not None and errors_path.exists():
            summary.failed = len(finished_ids(errors_path))
            summary.reasons["(earlier run)"] = summary.failed
        summary.seconds = time.perf_counter() - t0
        return summary

    done: set[bytes] = set()
    if resume:
        assert records is not None
        done = finished_ids(records)
        if errors_path is not None:
            done |= finished_ids(errors_path)
    elif errors_path is not None and errors_path.exists():
        errors_path.unlink()

    opts = Options(
        config=config or Config(),
        traditional=resolve_mode(traditional),
        stream_bytes=stream_bytes,
        chunk_chars=chunk_chars,
        spool_dir=str(output.parent) if output is not None else None,
        factory=extractor_factory,
        timeout=timeout,
    )

    # Never read our own output (when it lies inside an input folder).
    own = [x for x in (output, records, errors_path) if x is not None]
    if output is not None:
        own.append(output.with_name(output.name + ".tmp"))
    own_names = {x.name for x in own}
    own_real = {os.path.realpath(x) for x in own}

    def todo() -> Iterator[str]:
        for p in iter_paths(paths):
            name = os.path.basename(p)
            if name.startswith(SPOOL_PREFIX) or (name in own_names and os.path.realpath(p) in own_real):
                continue
            if done and id_key(path_id(p)) in done:
                summary.skipped += 1
                continue
            yield p

    out = LineSink(records, append=resume)
    err: LineSink | None = None
    try:
        results = (_serial(todo(), opts, batch) if workers == 1
                   else _parallel(todo(), opts, workers, batch, window=workers * 4))
        for r in results:
            if isinstance(r, Done):
                if r.line is not None:
                    out.write(r.line)
                else:
                    assert r.spool is not None
                    try:
                        out.write_file(r.spool)
                    finally:
                        os.unlink(r.spool)
                summary.done += 1
            else:
                if err is None and errors_path is not None:
                    err = LineSink(errors_path, append=True)
                if err is not None:
                    err.write(encode({"id": r.id, "error": r.reason}))
                summary.failed += 1
                summary.reasons[_reason_class(r.reason)] += 1
                if len(summary.examples) < 10:
                    summary.examples.append((r.id, r.reason))
            if on_result is not None:
                on_result(r)
    finally:
        out.close()
        if err is not None:
            err.close()
    if output is not None and records is not None and fmt != "jsonl":
        (jsonl_to_csv if fmt == "csv" else jsonl_to_parquet)(records, output)
        records.unlink()
    summary.seconds = time.perf_counter() - t0
    return summary
