"""Extractor.pipe runs each stage over a batch of documents: the documents
must be exactly what extract() gives, in order, with the same errors."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cnpolicy_extract as ce
from cnpolicy_extract.lazy import Lazy

ROOT = Path(__file__).resolve().parent.parent
EX = ce.Extractor(ce.Config(model=None))
SENTENCES = [
    "发布时间：2024-03-05 来源：本报讯\n今年全省地区生产总值增长5.5%，新增科技型中小企业1.2万家。",
    "省发展和改革委员会主任王建国表示，将实施“415X”先进制造业集群培育工程。",
    "",
    "杭州市数字经济核心产业增加值达到5675亿元，同比增长7.8%。",
    "全年粮食播种面积稳定在1500万亩以上。",
]


def _fixtures() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "texts").glob("*.txt"))]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 32])
def test_pipe_gives_what_extract_gives(batch_size: int) -> None:
    texts = SENTENCES + _fixtures() + SENTENCES
    expected = [EX.extract(t).to_dict() for t in texts]
    assert [d.to_dict() for d in EX.pipe(texts, batch_size=batch_size)] == expected


def test_pipe_is_lazy_per_batch_and_keeps_order() -> None:
    seen: list[int] = []

    def gen() -> Iterator[str]:
        for i, t in enumerate(SENTENCES * 3):
            seen.append(i)
            yield t

    it = EX.pipe(gen(), batch_size=4)
    first = next(it)
    assert first.text == SENTENCES[0] and seen == [0, 1, 2, 3]  # one batch read, not all
    assert [d.text for d in [first, *it]] == SENTENCES * 3


def test_a_text_that_is_no_str_raises_after_the_documents_before_it() -> None:
    got: list[str] = []
    with pytest.raises(TypeError, match="needs a str"):
        for d in EX.pipe([SENTENCES[0], SENTENCES[1], b"bytes", SENTENCES[3]], batch_size=8):  # type: ignore[list-item]
            got.append(d.text)
    assert got == SENTENCES[:2]
    with pytest.raises(ValueError, match="batch_size"):
        list(EX.pipe(SENTENCES, batch_size=0))


def test_a_failing_document_raises_where_extract_would(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = ce.Extractor(ce.Config(model=None))
    stages = ex._pipeline.get()

    class FailOnMarker:
        """The third stage, raising on a marked document (a wrapper, not a
        patched method: compiled stage classes ignore patched methods)."""

        def __init__(self, stage: Any) -> None:
            self.stage = stage

        def __getattr__(self, name: str) -> Any:
            return getattr(self.stage, name)

        def __call__(self, state: Any) -> None:
            if "BOOM" in state.text:
                raise RuntimeError("stage bug")
            self.stage(state)

    failing = (*stages[:2], FailOnMarker(stages[2]), *stages[3:])
    monkeypatch.setattr(ex, "_pipeline", Lazy(lambda: failing))
    got: list[str] = []
    with pytest.raises(RuntimeError, match="stage bug"):
        for d in ex.pipe([SENTENCES[0], SENTENCES[1], "BOOM", SENTENCES[3]], batch_size=8):
            got.append(d.text)
    assert got == SENTENCES[:2]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="浙江省杭州市增长5.%个家亿元，。、“”王建国主任表示2024年今年", max_size=60),
                max_size=6),
       st.integers(1, 4))
def test_pipe_equals_extract_on_any_texts(texts: list[str], batch_size: int) -> None:
    assert [d.to_dict() for d in EX.pipe(texts, batch_size=batch_size)] == \
        [EX.extract(t).to_dict() for t in texts]
