from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from integ_helpers import hand_document

pd = pytest.importorskip("pandas")

from cnpolicy_extract.integrations.pandas import columns, extract_frame, spark_schema  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "batch"))
from batch_helpers import PARAS, PercentExtractor  # noqa: E402


def test_to_frame_has_one_row_per_item_and_fixed_columns() -> None:
    doc = hand_document()
    f = doc.to_frame()
    assert list(f.columns) == columns("figures")
    assert f["text"].tolist() == [x.text for x in doc.figures]
    assert (f["id"] == "hand").all()
    assert f.loc[2, "value"] == 3e11
    assert doc.to_frame("people").loc[0, "name"] == "詹敏"
    empty = hand_document().__class__(text="").to_frame("codes")
    assert list(empty.columns) == columns("codes") and len(empty) == 0
    with pytest.raises(ValueError):
        doc.to_frame("figurez")


def test_package_import_does_not_import_pandas_or_dask() -> None:
    import subprocess
    code = ("import sys, cnpolicy_extract; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'dask', 'spacy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_extract_frame_documents_and_figures() -> None:
    df = pd.DataFrame({"doc": ["a", "b", "c", "d"], "body": [PARAS[1], PARAS[3], None, ""]},
                      index=[10, 11, 12, 13])
    ex = PercentExtractor()
    docs = extract_frame(df, "body", id_col="doc", extractor=ex)  # type: ignore[arg-type]
    assert list(docs.columns) == ["id", "document"] and list(docs.index) == [10, 11, 12, 13]
    recs = [json.loads(x) for x in docs["document"]]
    assert [r["id"] for r in recs] == ["a", "b", "c", "d"]
    assert [len(r["figures"]) for r in recs] == [2, 1, 0, 0]
    figs = extract_frame(df, "body", id_col="doc", kind="figures", extractor=ex)  # type: ignore[arg-type]
    assert list(figs.columns) == columns("figures")
    assert figs["id"].tolist() == ["a", "a", "b"] and figs["text"].tolist() == ["5.5%", "6.1%", "7.8%"]
    # default extractor, no id column: ids are the index labels
    real = extract_frame(df.iloc[:1], "body")
    assert real["id"].tolist() == ["10"]


def test_spark_schema_names_every_column() -> None:
    s = spark_schema("figures")
    assert [c.split()[0].strip("`") for c in s.split(", ")] == columns("figures")
    assert "`value` double" in s and "`start` long" in s


def test_dask_bag_of_files_local(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    import cnpolicy_extract.dask as cdask

    for i, p in enumerate(PARAS):
        (tmp_path / f"{i}.txt").write_text(p, encoding="utf-16" if i == 2 else "utf-8")
    (tmp_path / "x.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "link").symlink_to(tmp_path / "gone")
    bag = cdask.extract_files(tmp_path, npartitions=3, factory=PercentExtractor)
    recs = bag.compute(scheduler="synchronous")
    assert [Path(r["id"]).name for r in recs] == [*(f"{i}.txt" for i in range(len(PARAS))), "link", "x.bin"]
    errs = {Path(r["id"]).name: r["error"] for r in recs if "error" in r}
    assert errs["link"] == "broken symbolic link" and set(errs) == {"link", "x.bin"}
    assert recs[0]["schema"] == "cnpolicy-extract/1"
    ok = cdask.extract_files(tmp_path, errors="skip", factory=PercentExtractor)
    assert len(ok.compute(scheduler="synchronous")) == len(PARAS)
    frame = cdask.figures_frame(ok).compute(scheduler="synchronous")
    assert list(frame.columns) == columns("figures")
    assert frame["text"].tolist() == [t for p in PARAS for t in __import__("re").findall(r"[\d.]+%", p)]
    with pytest.raises(ValueError, match=r"broken symbolic link|undecodable|binary"):
        cdask.extract_files(tmp_path, errors="raise",
                            factory=PercentExtractor).compute(scheduler="synchronous")


@pytest.mark.slow
def test_dask_processes_scheduler(tmp_path: Path) -> None:
    """The ``processes`` scheduler (spawned workers) gives the same records."""
    pytest.importorskip("dask.bag")
    import cnpolicy_extract.dask as cdask
    from cnpolicy_extract import Config

    for i, p in enumerate(PARAS):
        (tmp_path / f"{i}.txt").write_text(p, encoding="utf-8")
    cfg = Config(kinds={"codes", "times"})
    bag = cdask.extract_files(tmp_path, npartitions=2, config=cfg)
    a = bag.compute(scheduler="synchronous")
    b = bag.compute(scheduler="processes", num_workers=2)
    assert a == b and len(a) == len(PARAS)
