"""The training paths still work: a tiny model, a few steps, seconds (CI never
trains the real ones)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cnpolicy_extract.training.corpus import Record

# Sentences written for this test, with PERSON/LOC/ORG spans found by search.
_SENTENCES = [
    ("王小明在杭州市参加了会议。", [("王小明", "PERSON"), ("杭州市", "LOC")]),
    ("李华代表教育部讲话。", [("李华", "PERSON"), ("教育部", "ORG")]),
    ("张伟去了北京。", [("张伟", "PERSON"), ("北京", "LOC")]),
    ("财政部发布了通知。", [("财政部", "ORG")]),
    ("刘洋在上海工作。", [("刘洋", "PERSON"), ("上海", "LOC")]),
    ("陈静访问了广州市人民政府。", [("陈静", "PERSON"), ("广州市人民政府", "ORG")]),
    ("赵刚说，南京的冬天很冷。", [("赵刚", "PERSON"), ("南京", "LOC")]),
    ("商务部和海关总署联合发文。", [("商务部", "ORG"), ("海关总署", "ORG")]),
    ("周敏来自成都。", [("周敏", "PERSON"), ("成都", "LOC")]),
    ("孙磊在深圳开办公司。", [("孙磊", "PERSON"), ("深圳", "LOC")]),
    ("今年经济增长了５％。", []),
    ("吴芳和郑强在武汉见面。", [("吴芳", "PERSON"), ("郑强", "PERSON"), ("武汉", "LOC")]),
]


def _records() -> list[Record]:
    out = []
    for i, (text, ents) in enumerate(_SENTENCES):
        spans = tuple((text.index(s), text.index(s) + len(s), lab) for s, lab in ents)
        out.append(Record(str(i), text, spans))
    return out


@pytest.mark.slow
def test_tiny_entity_model_trains_loads_and_predicts(tmp_path: Path) -> None:
    from cnpolicy_extract.model import EntityModel
    from cnpolicy_extract.training.ner import train_pipeline

    recs = _records()
    best = train_pipeline(recs, recs[:4], tmp_path, overrides={
        "training.max_steps": 6, "training.max_epochs": 0, "training.eval_frequency": 3})
    assert (best / "config.cfg").is_file()
    model = EntityModel(best)
    assert not model.loaded
    text = "王小明在杭州市。"
    spans = model.predict(text)
    assert model.loaded
    for s, e, label in spans:
        assert 0 <= s < e <= len(text) and label in {"PERSON", "LOC", "ORG"}


@pytest.mark.slow
def test_tiny_segmenter_trains_and_cuts(tmp_path: Path) -> None:
    import spacy_pkuseg

    from cnpolicy_extract.training.segmenter import train, word_prf, write_lines

    sents = [["王小明", "在", "杭州市", "参加", "了", "会议", "。"],
             ["财政部", "发布", "了", "通知", "。"],
             ["今年", "经济", "增长", "了", "5%", "。"]] * 4  # pkuseg needs ≥ 10 lines
    tr = tmp_path / "train.txt"
    assert write_lines(sents, tr) == 12
    out = tmp_path / "seg"
    assert train(tr, tr, out, iters=2, log=lambda _: None) == 2
    seg = spacy_pkuseg.pkuseg(model_name=str(out))
    words = seg.cut("财政部发布了通知。")
    assert "".join(words) == "财政部发布了通知。"
    assert word_prf(sents[:3], seg.cut)["f1"] > 0.5  # it learned from its own training lines


def test_tiny_crf_trains_exports_and_predicts(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    from cnpolicy_extract.model import EntityModel
    from cnpolicy_extract.training.crf import export, train

    recs = _records() * 3
    raw = tmp_path / "tiny.crfsuite"
    assert train(recs, raw, None, {"max_iterations": 30}) == len(recs)
    out = tmp_path / "model"
    export(raw, out, lexicon=False)
    assert (out / "crf.npz").is_file()
    model = EntityModel(out)
    assert model.kind == "crf" and not model.loaded
    text = "王小明在杭州市参加了会议。２０２４年"  # full width: offsets index this string
    spans = model.predict(text)
    assert model.loaded
    for s, e, label in spans:
        assert 0 <= s < e <= len(text) and label in {"PERSON", "LOC", "ORG"}
    assert ("王小明", "PERSON") in [(text[s:e], lab) for s, e, lab in spans]  # seen in training
