from __future__ import annotations

import json
import pickle
import threading

import pytest

import cnpolicy_extract as ce
from cnpolicy_extract.config import KINDS


def test_non_str_raises_type_error() -> None:
    for bad in (None, b"bytes", 3, ["a"]):
        with pytest.raises(TypeError):
            ce.extract(bad)  # type: ignore[arg-type]


def test_empty_string_gives_empty_document_with_all_keys() -> None:
    d = ce.extract("").to_dict()
    assert d["schema"] == "cnpolicy-extract/1"
    for k in ("figures", "codes", "organizations", "people", "places", "times"):
        assert d[k] == []
    assert set(d["meta"]) >= {"published", "source", "author", "editors"}


def test_doc_id_and_published_pass_through() -> None:
    d = ce.extract("今年", published="2024-03-01", doc_id="a/b.txt").to_dict()
    assert d["id"] == "a/b.txt"
    assert d["meta"]["published"] == "2024-03-01"


def test_to_dict_is_json_native() -> None:
    d = ce.extract("新增科技型中小企业1.2万家，增长14.1%。").to_dict()
    assert json.loads(json.dumps(d)) == d


def test_config_validates() -> None:
    with pytest.raises(ValueError):
        ce.Config(kinds={"figurez"})
    with pytest.raises(TypeError):
        ce.Config(kinds="figures")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ce.Config(tokenizer="nope")
    with pytest.raises(ValueError):
        ce.Config(tokenizer="pkuseg")
    assert ce.Config().kinds == KINDS
    with pytest.raises(TypeError):
        ce.Extractor("figures")  # type: ignore[arg-type]


def test_kinds_not_selected_are_empty() -> None:
    ex = ce.Extractor(ce.Config(kinds={"figures"}))
    d = ex.extract("浙江省经信厅厅长詹敏介绍，2023年制造业投资增长14.1%。").to_dict()
    assert d["codes"] == d["organizations"] == d["people"] == d["places"] == d["times"] == []


def test_extractor_and_config_pickle() -> None:
    ex = ce.Extractor(ce.Config(kinds={"figures"}))
    ex.extract("增长6%")
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.config == ex.config
    assert clone.extract("增长6%").to_dict() == ex.extract("增长6%").to_dict()


def test_shared_extractor_is_thread_safe_and_deterministic() -> None:
    ex = ce.Extractor()
    text = "2023年，浙江省规上工业增加值增长6%，新增科技型中小企业1.2万家。"
    expected = ex.extract(text).to_dict()
    results: list[dict] = []

    def work() -> None:
        for _ in range(5):
            results.append(ex.extract(text).to_dict())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_pipe_keeps_order() -> None:
    ex = ce.Extractor(ce.Config(kinds={"figures"}))
    texts = ["增长6%", "", "3个"]
    docs = list(ex.pipe(texts))
    assert [d.text for d in docs] == texts


def test_pkuseg_without_model_fails_when_the_extractor_is_built(tmp_path) -> None:
    from cnpolicy_extract.tokenize.pkuseg_backend import SegmenterModelError

    with pytest.raises(SegmenterModelError):
        ce.Extractor(ce.Config(tokenizer="pkuseg", pkuseg_model=str(tmp_path / "missing")))


def test_link_option_fills_metric_for_figures_only() -> None:
    text = "2023年，全省规上工业增加值增长6%。"
    fast = ce.Extractor(ce.Config(kinds={"figures"})).extract(text).figures
    linked = ce.Extractor(ce.Config(kinds={"figures"}, link=True)).extract(text).figures
    bare = ce.Extractor(ce.Config(kinds={"figures", "times"}, link=False)).extract(text).figures
    assert [f.value for f in fast] == [f.value for f in linked] == [f.value for f in bare] == [6]
    assert fast[0].metric is None and bare[0].metric is None
    assert linked[0].metric is not None and "工业增加值" in linked[0].metric
    with pytest.raises(TypeError):
        ce.Config(link="yes")  # type: ignore[arg-type]


def test_model_is_opt_in_and_wired_when_asked() -> None:
    import importlib.util

    from cnpolicy_extract.model import ModelStage

    assert ce.Config().model is None
    assert not any(isinstance(s, ModelStage) for s in ce.Extractor()._pipeline.get())
    if importlib.util.find_spec("spacy") is None:
        pytest.skip("spaCy is not installed")
    stages = ce.Extractor(ce.Config(model="default"))._pipeline.get()
    names = [type(s).__name__ for s in stages]
    # after every rule stage it extends, before linking
    assert names.index("ModelStage") > names.index("PersonStage")
    assert names[-1] == "LinkStage"
