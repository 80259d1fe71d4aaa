from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from integ_helpers import TEXT, hand_document

import cnpolicy_extract as ce
from cnpolicy_extract import schema
from cnpolicy_extract.html import render

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")
    assert shipped == schema.dumps(), (
        "docs/schema.json is stale: python -m cnpolicy_extract.schema --write docs/schema.json")


def test_real_output_validates() -> None:
    from cnpolicy_extract.integrations import cached_extractor
    ex = cached_extractor(ce.Config())  # shared with the other integration tests (built once)
    docs = [hand_document().to_dict(), ex.extract(TEXT, doc_id="x").to_dict(), ex.extract("").to_dict()]
    for d in docs:
        assert schema.validate(json.loads(json.dumps(d))) == []


def test_validator_catches_wrong_output() -> None:
    d = hand_document().to_dict()
    d["figures"][0]["value"] = "6.0"
    del d["codes"][0]["code"]
    d["places"][0]["extra"] = 1
    d["people"][0]["mentions"][0]["start"] = -1
    errs = schema.validate(d)
    assert any("figures[0].value" in e for e in errs)
    assert any("codes[0]: missing 'code'" in e for e in errs)
    assert any("unexpected key 'extra'" in e for e in errs)
    assert any("mentions[0].start" in e for e in errs)


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        if tag == "mark":
            self._open.append([dict(attrs)["class"] or "", ""])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()
        if tag == "mark":
            cls, text = self._open.pop()
            self.marks.append((cls, text))

    def handle_data(self, data: str) -> None:
        for m in self._open:
            m[1] += data


def test_html_is_well_formed_and_highlights_every_kind() -> None:
    doc = hand_document()
    page = render(doc)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8" />' in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    ET.fromstring(page.split("\n", 1)[1])  # well-formed XML
    p = _Marks()
    p.feed(page)
    assert p.stack == []
    marks = set(p.marks)
    for f in doc.figures:
        assert ("figures", f.text) in marks
    assert ("codes", "415X") in marks and ("organizations", "浙江省经信厅") in marks
    assert ("people", "詹敏") in marks and ("places", "杭州市") in marks and ("times", "明年") in marks
    # the text itself survives, in order, once
    visible = page.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    import re
    assert re.sub(r"<[^>]+>", "", visible) == TEXT
    assert page.count("<tr>") >= 1 + len(doc.figures)


def test_html_escapes_and_survives_crossing_spans() -> None:
    import dataclasses

    from cnpolicy_extract.types import Time
    doc = dataclasses.replace(hand_document(), text=TEXT.replace("，", "<&>", 1))
    doc = dataclasses.replace(doc, times=(*doc.times, Time(3, 9, doc.text[3:9], None)))
    page = render(doc)
    ET.fromstring(page.split("\n", 1)[1])
