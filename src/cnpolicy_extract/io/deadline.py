"""A per-file time limit for batch runs: one pathological file must not
stall a run over thousands.

POSIX interval timers (``signal.setitimer``) interrupt Python code between
bytecodes; a single C call that never returns (a regex stuck backtracking)
is not interrupted until it does. Timers only work in a process's main
thread, which is where batch workers and the serial runner call it.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Timeout(BaseException):
    """The time limit passed. A BaseException so that no ``except Exception``
    inside a stage swallows it on the way out."""


def available() -> bool:
    """Whether a limit can be enforced here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``Timeout`` inside the block once ``seconds`` have passed (no
    limit when None). The previous SIGALRM handler and timer are restored."""
    if seconds is None:
        yield
        return
    if seconds <= 0:
        raise ValueError(f"a time limit must be positive, not {seconds}")
    if not available():
        raise RuntimeError("a time limit needs POSIX timers and the main thread")

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
