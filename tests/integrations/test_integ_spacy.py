from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from integ_helpers import TEXT, hand_document

spacy = pytest.importorskip("spacy")

import cnpolicy_extract as ce  # noqa: E402
from cnpolicy_extract.integrations import cached_extractor  # noqa: E402
from cnpolicy_extract.integrations.spacy import SPANS_KEY, CnpolicyComponent, results  # noqa: E402
from cnpolicy_extract.types import Document, Figure  # noqa: E402


class HandExtractor:
    """Returns a fixed Document for its text (every kind filled in)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def extract(self, text: str, **kw: object) -> Document:
        assert text == self.doc.text
        return self.doc


def triples(doc: spacy.tokens.Doc) -> set[tuple[int, int, str]]:
    return {(s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]}


def test_entry_point_registers_the_factory_without_importing_the_package() -> None:
    # a fresh interpreter that never imports cnpolicy_extract itself
    code = ("import spacy; nlp = spacy.blank('zh'); "
            "nlp.add_pipe('cnpolicy_extract', config={'kinds': ['times', 'codes']}); "
            "doc = nlp('2023年实施“415X”工程'); "
            "print(sorted((s.text, s.label_) for s in doc.spans['cnpolicy_extract']))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path("/"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("[")


def test_char_segmenter_spans_equal_extract() -> None:
    nlp = spacy.blank("zh")  # char segmenter
    nlp.add_pipe("cnpolicy_extract")
    doc = nlp(TEXT)
    real = cached_extractor(ce.Config()).extract(TEXT)  # the instance the component uses
    want = {(s, e, lbl) for s, e, lbl, _ in results(real)}
    assert triples(doc) == want


def test_char_segmenter_every_kind_with_typed_results() -> None:
    hand = hand_document()
    nlp = spacy.blank("zh")
    comp = CnpolicyComponent(HandExtractor(hand))  # type: ignore[arg-type]
    doc = comp(nlp(TEXT))
    assert triples(doc) == {(s, e, lbl) for s, e, lbl, _ in results(hand)}
    assert {lbl for _, _, lbl in triples(doc)} == {"FIGURE", "CODE", "ORG", "PERSON", "PLACE", "TIME"}
    for span in doc.spans[SPANS_KEY]:
        item = span._.cnpolicy
        assert item is not None
        if hasattr(item, "start"):
            assert (item.start, item.end) == (span.start_char, span.end_char)
        else:
            assert item.name == span.text  # a Person, one span per mention
    assert any(isinstance(s._.cnpolicy, Figure) and s._.cnpolicy.value == 3e11 for s in doc.spans[SPANS_KEY])


def test_ents_are_a_non_overlapping_longest_first_subset() -> None:
    import dataclasses

    from cnpolicy_extract.types import Place
    hand = hand_document()
    i = TEXT.index("浙江省经信厅")
    inner = Place(i, i + 3, "浙江省", "浙江省", "province")  # inside the organisation
    hand = dataclasses.replace(hand, places=(*hand.places, inner))
    doc = CnpolicyComponent(HandExtractor(hand))(spacy.blank("zh")(TEXT))  # type: ignore[arg-type]
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert (i, i + 6, "ORG") in ents and (i, i + 3, "PLACE") not in ents
    assert (i, i + 3, "PLACE") in triples(doc)  # still in doc.spans
    for a, b in zip(doc.ents, doc.ents[1:], strict=False):
        assert a.end <= b.start
    assert len(ents) == len(triples(doc)) - 1


def test_jieba_segmenter_spans_cover_extract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    jieba = pytest.importorskip("jieba")
    monkeypatch.setattr(jieba.dt, "tmp_dir", str(tmp_path))  # keep spaCy's jieba cache private
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    hand = hand_document()
    doc = CnpolicyComponent(HandExtractor(hand))(nlp(TEXT))  # type: ignore[arg-type]
    got = list(doc.spans[SPANS_KEY])
    want = results(hand)
    assert len(got) == len(want)
    for span, (s, e, label, _) in zip(got, want, strict=True):
        assert span.label_ == label
        assert span.start_char <= s and e <= span.end_char
        expanded = doc.char_span(s, e, alignment_mode="expand")
        assert (span.start, span.end) == (expanded.start, expanded.end)
    # and with the real extractor on the same segmenter
    nlp.add_pipe("cnpolicy_extract")
    doc = nlp(TEXT)
    real = cached_extractor(ce.Config()).extract(TEXT)
    for (s, e, _, _), span in zip(results(real), doc.spans[SPANS_KEY], strict=True):
        assert span.start_char <= s and e <= span.end_char


def test_the_entity_model_is_opt_in_for_the_component() -> None:
    plain = spacy.blank("zh")
    plain.add_pipe("cnpolicy_extract", config={"kinds": ["people"]})
    with_model = spacy.blank("zh")
    with_model.add_pipe("cnpolicy_extract", config={"kinds": ["people"], "model": "default"})
    text = "奥尔布赖特昨天在北京会见了客人。"  # no title, not a known name: only the model finds her
    assert triples(plain(text)) == set()
    assert triples(with_model(text)) == {(0, 5, "PERSON")}
