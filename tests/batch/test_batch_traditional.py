from __future__ import annotations

import pytest
from batch_helpers import TRADITIONAL, PercentExtractor

from cnpolicy_extract.io.traditional import extract_text
from cnpolicy_extract.normalize import normalize, simplify

pytest.importorskip("opencc")


def test_simplify_is_one_for_one_with_identity_map() -> None:
    n = simplify(TRADITIONAL)
    assert "经济" in n.text and "經濟" not in n.text
    assert len(n.text) == len(TRADITIONAL)
    assert n.original_text(*n.span(0, 5)) == TRADITIONAL[:5]


def test_simplify_maps_back_when_lengths_change() -> None:
    # a converter that lengthens a phrase: offsets must still land in the original
    n = simplify("甲乙丙\n資訊化廳在杭州", convert=lambda s: s.replace("資訊化", "信息化化"))
    i = n.text.index("廳")
    assert n.original_text(i, i + 3) == "廳在杭"
    j = n.text.index("信息")
    s, e = n.span(j, j + 5)
    assert n.original[s:e].startswith("資訊")


def test_normalize_is_unchanged() -> None:
    n = normalize(TRADITIONAL)  # width only: no Traditional → Simplified there
    assert n.offsets is None and "經濟" in n.text and len(n.text) == len(TRADITIONAL)


def test_traditional_text_is_matched_but_offsets_index_the_original() -> None:
    class SimplifiedOnly(PercentExtractor):
        # matches the Simplified spelling only: finds nothing in Traditional text
        def extract(self, text, **kw):  # type: ignore[no-untyped-def]
            import re

            from cnpolicy_extract.types import Document, Organization
            orgs = tuple(Organization(m.start(), m.end(), m.group(), m.group())
                         for m in re.finditer("经济和信息化厅", text))
            return Document(text=text, id=kw.get("doc_id"), organizations=orgs)

    ex = SimplifiedOnly()
    assert extract_text(ex, TRADITIONAL, mode="off").organizations == ()  # type: ignore[arg-type]
    doc = extract_text(ex, TRADITIONAL, mode="auto", doc_id="t")  # type: ignore[arg-type]
    (org,) = doc.organizations
    assert org.text == TRADITIONAL[org.start:org.end] == "經濟和信息化廳"
    assert org.name == "经济和信息化厅"
    assert doc.text == TRADITIONAL


def test_auto_leaves_simplified_text_alone() -> None:
    text = "浙江省经济和信息化厅表示，今年全省规上工业增加值增长6.1%。"
    doc = extract_text(PercentExtractor(), text, mode="auto")  # type: ignore[arg-type]
    assert doc.text == text and doc.figures[0].text == "6.1%"
