"""Small files are extracted together through the extractor's pipe: the
records must be exactly those of one file at a time, failures included."""
from __future__ import annotations

from pathlib import Path

from batch_helpers import PARAS, PercentExtractor, PipingExtractor

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.io.batch import run_batch
from cnpolicy_extract.io.records import Done, Options, Result, document_line, process_file, process_files


def _files(root: Path, texts: list[str]) -> list[str]:
    root.mkdir(exist_ok=True)
    out = []
    for i, t in enumerate(texts):
        p = root / f"f{i:02d}.txt"
        p.write_text(t, encoding="utf-8")
        out.append(str(p))
    return out


def _contents(results: list[Result]) -> list[tuple[str, str, bytes | None]]:
    """(kind, id, record bytes) of each result; spool files read and removed."""
    out = []
    for r in results:
        if isinstance(r, Done) and r.spool is not None:
            out.append(("Done", r.id, Path(r.spool).read_bytes()))
            Path(r.spool).unlink()
        else:
            out.append((type(r).__name__, r.id, r.line if isinstance(r, Done) else r.reason.encode()))
    return out


def test_batched_records_equal_one_at_a_time(tmp_path: Path) -> None:
    paths = _files(tmp_path / "in", [*PARAS, "", "BOOM " + PARAS[1], *PARAS])
    (tmp_path / "in" / "f99.txt").symlink_to(tmp_path / "nowhere")  # unreadable
    paths.append(str(tmp_path / "in" / "f99.txt"))
    # files over 40 bytes are streamed (one by one, into spool files)
    opts = Options(stream_bytes=40, spool_dir=str(tmp_path))
    ex = PipingExtractor()
    alone = [process_file(ex, p, opts) for p in paths]
    assert process_files(ex, paths, Options(stream_bytes=10**6)) == \
        [process_file(ex, p, Options(stream_bytes=10**6)) for p in paths]
    assert _contents(process_files(ex, paths, opts)) == _contents(alone)
    reasons = {r.id: getattr(r, "reason", None) for r in alone}
    assert reasons[paths[len(PARAS) + 1]] == "extraction failed: RuntimeError: stage bug"
    assert reasons[paths[-1]].startswith("broken symbolic link")


def test_the_batch_goes_through_pipe_and_a_failure_falls_back(tmp_path: Path) -> None:
    ex = PipingExtractor()
    good = _files(tmp_path / "a", PARAS)
    assert all(r.__class__.__name__ == "Done" for r in process_files(ex, good, Options()))
    assert ex.batches == [len(PARAS)]  # one pipe call for the whole batch
    ex.batches.clear()
    bad = _files(tmp_path / "b", [PARAS[0], "BOOM", PARAS[2]])
    results = process_files(ex, bad, Options())
    assert ex.batches == [3]  # tried together, then one by one
    assert [r.__class__.__name__ for r in results] == ["Done", "Failed", "Done"]


def test_an_extractor_without_pipe_goes_file_by_file(tmp_path: Path) -> None:
    paths = _files(tmp_path / "in", PARAS)
    ex = PercentExtractor()
    assert process_files(ex, paths, Options()) == [process_file(ex, p, Options()) for p in paths]


def test_the_real_pipeline_batched_gives_each_file_its_own_record(tmp_path: Path) -> None:
    paths = _files(tmp_path / "in", PARAS)
    out = tmp_path / "out.jsonl"
    s = run_batch([tmp_path / "in"], out, config=Config(model=None), traditional="off", batch=4)
    assert (s.done, s.failed) == (len(PARAS), 0)
    ex = Extractor(Config(model=None))
    expected = [document_line(ex.extract(t, doc_id=p)) for p, t in zip(paths, PARAS, strict=True)]
    assert out.read_bytes().splitlines() == expected
