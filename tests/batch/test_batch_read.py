from __future__ import annotations

import os
from pathlib import Path

import pytest
from batch_helpers import PARAS, PercentExtractor

from cnpolicy_extract.io.read import ReadError, iter_chunks, iter_paths, read_text
from cnpolicy_extract.io.records import Done, Failed, Options, process_file
from cnpolicy_extract.io.writers import decode_json


def test_iter_paths_walks_sorted_and_keeps_broken_links(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    got = [os.path.relpath(p, tmp_path) for p in iter_paths([tmp_path])]
    assert got == ["a.txt", "dangling", os.path.join("b", "z.txt")]


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p: p.symlink_to(p.parent / "missing"), "broken symbolic link"),
    (lambda p: p.symlink_to(p), "symbolic link loop"),
    (lambda p: os.mkfifo(p), "not a regular file (FIFO)"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: None, "no such file"),
])
def test_unreadable_paths_give_reasons(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "f.txt"
    make(p)
    with pytest.raises(ReadError) as e:
        read_text(p)
    assert e.value.reason == reason


def _big_text(n: int = 3000) -> str:
    return "\n".join(PARAS[i % len(PARAS)] + f"第{i}段。" for i in range(n)) + "\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_chunks_reassemble_the_file_with_whole_file_offsets(tmp_path: Path, encoding: str) -> None:
    text = _big_text()
    p = tmp_path / "big.txt"
    p.write_bytes(text.encode(encoding))
    pieces = list(iter_chunks(p, chunk_chars=5000, block_bytes=4096))
    assert len(pieces) > 10
    assert "".join(t for _, t in pieces) == text
    for off, t in pieces:
        assert text[off:off + len(t)] == t
        assert t.endswith("\n")  # cut at paragraph ends


def test_streamed_file_gives_the_same_record_as_a_whole_read(tmp_path: Path) -> None:
    text = _big_text()
    p = tmp_path / "big.txt"
    p.write_text(text, encoding="utf-8")
    ex = PercentExtractor()
    whole = process_file(ex, str(p), Options())  # type: ignore[arg-type]
    streamed = process_file(ex, str(p), Options(stream_bytes=1000, chunk_chars=7000,  # type: ignore[arg-type]
                                                spool_dir=str(tmp_path)))
    assert isinstance(whole, Done) and whole.line is not None
    assert isinstance(streamed, Done) and streamed.spool is not None
    got = decode_json(Path(streamed.spool).read_bytes())
    want = decode_json(whole.line)
    assert got == want
    assert len(got["figures"]) > 1000
    for f in got["figures"]:
        assert text[f["start"]:f["end"]] == f["text"]
    assert len(got["people"]) == 1 and len(got["people"][0]["mentions"]) == 500


def test_stream_fails_cleanly_when_a_later_block_does_not_decode(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(_big_text().encode("utf-8") + b"\xff\xfe\xfa" + "尾".encode())
    r = process_file(PercentExtractor(), str(p), Options(stream_bytes=1000, spool_dir=str(tmp_path)))  # type: ignore[arg-type]
    assert isinstance(r, Failed) and r.reason.startswith("undecodable")
    assert sorted(os.listdir(tmp_path)) == ["bad.txt"]  # no spool left behind


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = process_file(PercentExtractor(), str(p), Options())  # type: ignore[arg-type]
    assert isinstance(r, Done) and r.line is not None
    d = decode_json(r.line)
    assert d["id"] == str(p) and d["figures"] == []


def test_a_crashing_stage_is_an_error_not_an_abort(tmp_path: Path) -> None:
    class Boom(PercentExtractor):
        def extract(self, text, **kw):  # type: ignore[no-untyped-def]
            raise RuntimeError("stage bug")

    p = tmp_path / "a.txt"
    p.write_text("增长5%")
    r = process_file(Boom(), str(p), Options())  # type: ignore[arg-type]
    assert isinstance(r, Failed) and "RuntimeError: stage bug" in r.reason


def test_symlinked_folder_is_reported_not_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link").symlink_to(tmp_path / "real")
    (p,) = list(iter_paths([tmp_path / "in"]))
    with pytest.raises(ReadError, match="not followed"):
        read_text(p)


def test_unlisted_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cnpolicy_extract.io.read as read

    def walk(top, onerror=None):  # type: ignore[no-untyped-def]
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield str(top), [], ["a.txt"]

    monkeypatch.setattr(read.os, "walk", walk)
    got = list(iter_paths([tmp_path]))
    assert got == [str(tmp_path / "locked"), str(tmp_path / "a.txt")]
    r = process_file(PercentExtractor(), got[0], Options())  # type: ignore[arg-type]
    assert isinstance(r, Failed) and r.reason == "cannot list folder: Permission denied"
    import pickle
    assert pickle.loads(pickle.dumps(got[0])).reason == got[0].reason  # type: ignore[attr-defined]
