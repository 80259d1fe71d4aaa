from __future__ import annotations

import re
from typing import Any

from cnpolicy_extract.types import Document, Figure, Mention, Organization, Person

# Our own sentences (never the shared texts).
PARAS = [
    "发布时间：2024-03-05 09:30:00 来源：本报讯",
    "今年全省地区生产总值增长5.5%，规上工业增加值增长6.1%，新增科技型中小企业1.2万家。",
    "省发展和改革委员会主任王建国表示，将实施“415X”先进制造业集群培育工程。",
    "杭州市数字经济核心产业增加值达到5675亿元，同比增长7.8%。",
    "全年粮食播种面积稳定在1500万亩以上，粮食产量达到150亿斤。",
    "到2025年，力争全市研发投入强度达到3.5%左右。",
]
TRADITIONAL = "浙江省經濟和信息化廳表示，今年全省規上工業增加值增長6.1%，臺灣地區經濟成長率達3.5%。"


class PercentExtractor:
    """Stands in for the real Extractor: finds every percentage and every
    ``...委员会``, so batch tests do not depend on what the stages find."""

    def __init__(self, config: Any = None) -> None:
        self.config = config

    def extract(self, text: str, *, published: str | None = None, doc_id: str | None = None) -> Document:
        if not isinstance(text, str):
            raise TypeError
        figs = tuple(Figure(m.start(), m.end(), m.group(), float(m.group()[:-1]), unit="%",
                            dimension="percent") for m in re.finditer(r"\d+(?:\.\d+)?%", text))
        orgs = tuple(Organization(m.start(), m.end(), m.group(), m.group(), "government")
                     for m in re.finditer(r"[\u4e00-\u9fff]{2,8}委员会", text))
        mentions = tuple(Mention(m.start(), m.end()) for m in re.finditer("王建国", text))
        people = (Person("王建国", mentions, "official"),) if mentions else ()
        return Document(text=text, id=doc_id, figures=figs, organizations=orgs, people=people)


class CrashingExtractor(PercentExtractor):
    """Kills its process on a text containing CRASH (a segfault stand-in)."""

    def extract(self, text: str, *, published: str | None = None, doc_id: str | None = None) -> Document:
        if "CRASH" in text:
            import os
            os._exit(3)
        return super().extract(text, published=published, doc_id=doc_id)


class StallingExtractor(PercentExtractor):
    """Loops forever (in Python) on a text containing STALL: a stand-in for
    a rule that never ends on some pathological input."""

    def extract(self, text: str, *, published: str | None = None, doc_id: str | None = None) -> Document:
        n = 0
        while "STALL" in text:
            n += 1
        return super().extract(text, published=published, doc_id=doc_id)


class PipingExtractor(PercentExtractor):
    """PercentExtractor with a ``pipe`` that records the batches it gets and
    fails a whole batch holding BOOM (extract() fails on BOOM alone)."""

    def __init__(self, config: Any = None) -> None:
        super().__init__(config)
        self.batches: list[int] = []

    def extract(self, text: str, *, published: str | None = None, doc_id: str | None = None) -> Document:
        if "BOOM" in text:
            raise RuntimeError("stage bug")
        return super().extract(text, published=published, doc_id=doc_id)

    def pipe(self, texts: Any) -> Any:
        texts = list(texts)
        self.batches.append(len(texts))
        if any("BOOM" in t for t in texts):
            raise RuntimeError("stage bug")
        return [super(PipingExtractor, self).extract(t) for t in texts]
