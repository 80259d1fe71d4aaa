"""The shipped entity model: present, loadable, and it finds what it was trained for."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract.model import EntityModel, shipped_model_dir
from cnpolicy_extract.model.loader import resolve_model_path


@pytest.fixture(scope="module")
def model() -> EntityModel:
    path = shipped_model_dir()
    assert path is not None, "the package ships models/ner_crf (cnpolicy-extract train --install)"
    return EntityModel(path)


def test_default_resolves_to_the_shipped_model() -> None:
    assert resolve_model_path("default") == shipped_model_dir()
    assert resolve_model_path(None) is None
    with pytest.raises(FileNotFoundError):
        resolve_model_path("/nonexistent/model")


@pytest.mark.slow
def test_finds_a_person_without_a_title(model: EntityModel) -> None:
    text = "李明华昨天在北京会见了来自广州的客人。"
    spans = model.predict(text)
    assert ("李明华", "PERSON") in [(text[s:e], lab) for s, e, lab in spans]
    assert ("北京", "LOC") in [(text[s:e], lab) for s, e, lab in spans]


@pytest.mark.slow
def test_full_width_input_keeps_original_offsets(model: EntityModel) -> None:
    text = "２０２４年，王建国和张丽去了杭州市。"
    found = {(text[s:e], lab) for s, e, lab in model.predict(text)}
    assert ("王建国", "PERSON") in found and ("杭州市", "LOC") in found


def test_shipped_model_is_the_crf(model: EntityModel) -> None:
    assert model.kind == "crf"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_any_string_gives_spans_inside_it(model: EntityModel, text: str) -> None:
    spans = model.predict(text)
    assert spans == model.predict(text)
    assert all(0 <= s < e <= len(text) and lab in {"PERSON", "LOC", "ORG"} for s, e, lab in spans)


@pytest.mark.slow
def test_long_text_is_cut_without_losing_offsets(model: EntityModel) -> None:
    para = "李明华昨天在北京会见了来自广州的客人。" * 300  # one line longer than a chunk
    spans = model.predict(para + "\n" + para)
    assert all(0 <= s < e <= len(para) * 2 + 1 for s, e, _ in spans)
    people = [(s, e) for s, e, lab in spans if lab == "PERSON"]
    assert len(people) >= 500 and all((para + "\n" + para)[s:e] == "李明华" for s, e in people)
