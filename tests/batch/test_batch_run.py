from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

import pytest
from batch_helpers import PARAS, TRADITIONAL, PercentExtractor

from cnpolicy_extract.io.batch import run_batch
from cnpolicy_extract.io.writers import decode_json, jsonl_to_csv, jsonl_to_parquet
from cnpolicy_extract.schema import arrow_schema


def make_corpus(root: Path, n_good: int = 24) -> tuple[list[str], dict[str, str]]:
    """Good files (several encodings, an empty one) and bad ones; returns
    (good paths in walk order, bad path → expected reason prefix)."""
    root.mkdir(parents=True, exist_ok=True)
    encs = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"]
    for i in range(n_good):
        text = "\n".join(PARAS[j % len(PARAS)] for j in range(i, i + 3))
        (root / f"good{i:03d}.txt").write_bytes(text.encode(encs[i % len(encs)]))
    (root / "good_big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (root / "good_empty.txt").write_bytes(b"")
    (root / "good_bom_only.txt").write_bytes(codecs.BOM_UTF8)
    bad = {
        "bad_latin1.txt": "undecodable",
        "bad_binary.bin": "",  # binary or undecodable
        "bad_broken.txt": "broken symbolic link",
        "bad_loop.txt": "symbolic link loop",
        "bad_fifo.txt": "not a regular file",
    }
    (root / "bad_latin1.txt").write_bytes("prix : 12 € — café crème".encode("cp1252"))
    (root / "bad_binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "bad_broken.txt").symlink_to(root / "does-not-exist")
    (root / "bad_loop.txt").symlink_to(root / "bad_loop.txt")
    os.mkfifo(root / "bad_fifo.txt")
    good = sorted(str(p) for p in root.iterdir() if p.name.startswith("good"))
    return good, {str(root / k): v for k, v in bad.items()}


def lines(p: Path) -> list[dict]:  # type: ignore[type-arg]
    return [decode_json(x) for x in p.read_bytes().splitlines()]


def test_nothing_lost_and_order_kept(tmp_path: Path) -> None:
    good, bad = make_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    s = run_batch([tmp_path / "in"], out, extractor_factory=PercentExtractor)
    recs = lines(out)
    assert [r["id"] for r in recs] == good  # each good file once, in walk order
    errs = {e["id"]: e["error"] for e in lines(tmp_path / "out.jsonl.errors.jsonl")}
    assert set(errs) == set(bad)
    for path, reason in bad.items():
        assert errs[path].startswith(reason) and errs[path]
    assert (s.done, s.failed) == (len(good), len(bad))
    by_id = {r["id"]: r for r in recs}
    assert by_id[str(tmp_path / "in" / "good_empty.txt")]["figures"] == []
    # offsets index the decoded file whatever its encoding
    for r in recs:
        text = Path(r["id"]).read_bytes()
        for enc in ("utf-8-sig", "utf-16", "gb18030", "big5"):
            try:
                decoded = text.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        for f in r["figures"]:
            assert decoded[f["start"]:f["end"]] == f["text"]


def test_two_workers_give_the_same_output_as_one(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", n_good=60)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([tmp_path / "in"], one, extractor_factory=PercentExtractor)
    run_batch([tmp_path / "in"], two, workers=2, batch=3, extractor_factory=PercentExtractor)
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "one.jsonl.errors.jsonl").read_text().replace("one.jsonl", "") == \
        (tmp_path / "two.jsonl.errors.jsonl").read_text().replace("two.jsonl", "")


def test_resume_after_a_kill_matches_a_clean_run(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in")
    clean = tmp_path / "clean.jsonl"
    run_batch([tmp_path / "in"], clean, extractor_factory=PercentExtractor)
    clean_lines = clean.read_bytes().splitlines(keepends=True)
    clean_errs = (tmp_path / "clean.jsonl.errors.jsonl").read_bytes().splitlines(keepends=True)
    # A run killed mid-write: 10 whole records, half of the 11th; 1 error, half of the 2nd.
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(clean_lines[:10]) + clean_lines[10][: len(clean_lines[10]) // 2])
    err = tmp_path / "out.jsonl.errors.jsonl"
    err.write_bytes(clean_errs[0] + clean_errs[1][:7])
    s = run_batch([tmp_path / "in"], out, resume=True, extractor_factory=PercentExtractor)
    assert out.read_bytes() == clean.read_bytes()
    assert err.read_bytes() == b"".join(clean_errs)
    assert s.skipped == 11 and s.done == len(clean_lines) - 10
    # resuming a finished run adds nothing
    s = run_batch([tmp_path / "in"], out, resume=True, extractor_factory=PercentExtractor)
    assert s.done == 0 and s.failed == 0 and out.read_bytes() == clean.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_resume_from_staging(tmp_path: Path, fmt: str) -> None:
    make_corpus(tmp_path / "in")
    clean = tmp_path / f"clean.{fmt}"
    run_batch([tmp_path / "in"], clean, fmt=fmt, extractor_factory=PercentExtractor)
    assert not (tmp_path / f"clean.{fmt}.partial.jsonl").exists()
    # a killed run leaves only the staging file; resume finishes it
    jsonl = tmp_path / "ref.jsonl"
    run_batch([tmp_path / "in"], jsonl, extractor_factory=PercentExtractor)
    out = tmp_path / f"out.{fmt}"
    staging = tmp_path / f"out.{fmt}.partial.jsonl"
    staging.write_bytes(b"".join(jsonl.read_bytes().splitlines(keepends=True)[:5]) + b'{"schema":')
    run_batch([tmp_path / "in"], out, fmt=fmt, resume=True, extractor_factory=PercentExtractor)
    assert out.read_bytes() == clean.read_bytes()


def test_csv_has_one_row_per_figure(tmp_path: Path) -> None:
    import csv

    docs = [PercentExtractor().extract(p, doc_id=f"d{i}") for i, p in enumerate(PARAS)]
    src = tmp_path / "x.jsonl"
    src.write_bytes(b"".join(__import__("msgspec").json.encode(d.to_dict()) + b"\n" for d in docs))
    jsonl_to_csv(src, tmp_path / "x.csv")
    with (tmp_path / "x.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    want = [(d.id, f.text) for d in docs for f in d.figures]
    assert [(r["id"], r["text"]) for r in rows] == want and len(want) >= 4
    assert {r["unit"] for r in rows} == {"%"} and rows[0]["value_max"] == ""


def test_parquet_has_the_fixed_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    docs = [PercentExtractor().extract(p, doc_id=f"d{i}") for i, p in enumerate(PARAS)]
    src = tmp_path / "x.jsonl"
    src.write_bytes(b"".join(__import__("msgspec").json.encode(d.to_dict()) + b"\n" for d in docs))
    jsonl_to_parquet(src, tmp_path / "x.parquet", batch=2)
    t = pq.read_table(tmp_path / "x.parquet")
    assert t.schema.equals(arrow_schema())
    assert t.column("id").to_pylist() == [d.id for d in docs]
    assert [len(x) for x in t.column("figures").to_pylist()] == [len(d.figures) for d in docs]
    assert t.column("people").to_pylist()[2][0]["mentions"][0]["start"] == PARAS[2].index("王建国")


def test_stdout_and_bad_arguments(tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    (tmp_path / "a.txt").write_text(PARAS[1], encoding="utf-8")
    run_batch([tmp_path / "a.txt"], None, extractor_factory=PercentExtractor)
    (rec,) = [decode_json(x) for x in capfdbinary.readouterr().out.splitlines()]
    assert rec["id"] == str(tmp_path / "a.txt") and len(rec["figures"]) == 2
    for kw in ({"fmt": "csv"}, {"resume": True}, {"fmt": "xml"}, {"workers": 0}):
        with pytest.raises(ValueError):
            run_batch([tmp_path], None, **kw)  # type: ignore[arg-type]


def test_big_file_is_streamed_into_the_output(tmp_path: Path) -> None:
    text = "\n".join(PARAS[i % len(PARAS)] for i in range(4000)) + "\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(text, encoding="gb18030")
    shutil.copy(tmp_path / "in" / "big.txt", tmp_path / "in" / "big2.txt")
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path / "in"], out, workers=2, stream_bytes=10_000, chunk_chars=20_000,
              extractor_factory=PercentExtractor)
    a, b = lines(out)
    assert a["figures"] == b["figures"] and len(a["figures"]) == text.count("%")
    assert all(text[f["start"]:f["end"]] == f["text"] for f in a["figures"])
    assert sorted(os.listdir(tmp_path)) == ["in", "out.jsonl"]  # no spool files left


def test_output_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PARAS[1], encoding="utf-8")
    (tmp_path / "z.bin").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    run_batch([tmp_path], out, extractor_factory=PercentExtractor)
    s = run_batch([tmp_path], out, resume=True, extractor_factory=PercentExtractor)
    assert (s.skipped, s.done, s.failed) == (2, 0, 0)
    assert [r["id"] for r in lines(out)] == [str(tmp_path / "a.txt")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(PARAS[1], encoding="utf-8")
    p.chmod(0)
    out = tmp_path / "o.jsonl"
    s = run_batch([p], out, extractor_factory=PercentExtractor)
    assert s.failed == 1 and s.examples[0][1] == "permission denied"


def test_a_worker_that_dies_loses_only_its_file(tmp_path: Path) -> None:
    from batch_helpers import CrashingExtractor

    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(("CRASH " if i == 5 else "") + PARAS[1], encoding="utf-8")
    out = tmp_path / "o.jsonl"
    s = run_batch([tmp_path], out, workers=2, batch=2, extractor_factory=CrashingExtractor)
    assert [Path(r["id"]).name for r in lines(out)] == [f"{i:02d}.txt" for i in range(12) if i != 5]
    assert s.examples == [(str(tmp_path / "05.txt"), "worker process crashed on this file")]


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    d = os.fsencode(tmp_path)
    with open(d + b"/caf\xe9.txt", "wb") as f:
        f.write(PARAS[1].encode("utf-8"))
    os.symlink(d + b"/gone", d + b"/l\xff.txt")
    out = tmp_path / "o.jsonl"
    s = run_batch([tmp_path], out, extractor_factory=PercentExtractor)
    assert [r["id"] for r in lines(out)] == [str(tmp_path / "caf\\xe9.txt")]
    assert s.examples == [(str(tmp_path / "l\\xff.txt"), "broken symbolic link")]
    s = run_batch([tmp_path], out, resume=True, extractor_factory=PercentExtractor)
    assert (s.skipped, s.done, s.failed) == (2, 0, 0)
