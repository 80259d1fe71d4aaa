from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest
from batch_helpers import PARAS, StallingExtractor

from cnpolicy_extract.io import deadline
from cnpolicy_extract.io.batch import BatchArgumentError, run_batch
from cnpolicy_extract.io.writers import decode_json


def _corpus(root: Path) -> list[Path]:
    root.mkdir()
    paths = []
    for i, text in enumerate([PARAS[1], "STALL " + PARAS[2], PARAS[3]]):
        p = root / f"f{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stalling_file_times_out_and_the_run_goes_on(tmp_path: Path, workers: int) -> None:
    paths = _corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    s = run_batch([tmp_path / "in"], out, workers=workers, timeout=0.5,
                  extractor_factory=StallingExtractor)
    assert [decode_json(x)["id"] for x in out.read_bytes().splitlines()] == [str(paths[0]), str(paths[2])]
    errs = [decode_json(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_bytes().splitlines()]
    assert errs == [{"id": str(paths[1]), "error": "timed out after 0.5 s"}]
    assert (s.done, s.failed) == (2, 1)


def test_bad_timeouts_are_refused_before_any_file(tmp_path: Path) -> None:
    for bad in (0, -1.0, float("nan")):
        with pytest.raises(BatchArgumentError, match="positive"):
            run_batch([tmp_path], tmp_path / "o.jsonl", timeout=bad)
    failure: list[BaseException] = []

    def off_main() -> None:
        try:
            run_batch([tmp_path], tmp_path / "o.jsonl", timeout=1.0)
        except BaseException as e:
            failure.append(e)

    t = threading.Thread(target=off_main)
    t.start()
    t.join()
    assert len(failure) == 1 and isinstance(failure[0], BatchArgumentError)


def test_deadline_interrupts_python_code_and_restores_the_handler() -> None:
    def mine(signum: int, frame: object) -> None:
        raise AssertionError("not ours to call")

    old = signal.signal(signal.SIGALRM, mine)
    try:
        t0 = time.monotonic()
        with pytest.raises(deadline.Timeout), deadline.deadline(0.2):
            while True:
                pass
        assert 0.15 < time.monotonic() - t0 < 5
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        with deadline.deadline(5.0):  # finished in time: nothing raised, timer off after
            x = sum(range(1000))
        assert x == 499500 and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        with deadline.deadline(None):
            pass
    finally:
        signal.signal(signal.SIGALRM, old)


def test_deadline_refuses_what_it_cannot_enforce() -> None:
    with pytest.raises(ValueError), deadline.deadline(0):
        pass
    got: list[BaseException] = []

    def off_main() -> None:
        try:
            with deadline.deadline(1.0):
                pass
        except BaseException as e:
            got.append(e)

    t = threading.Thread(target=off_main)
    t.start()
    t.join()
    assert deadline.available() and len(got) == 1 and isinstance(got[0], RuntimeError)
