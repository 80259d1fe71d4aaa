from __future__ import annotations

from cnpolicy_extract.types import (
    Code,
    Document,
    Figure,
    Mention,
    Meta,
    Organization,
    Person,
    Place,
    Position,
    Time,
)

# Our own text, with a hand-built Document of everything in it (so adapter
# tests do not depend on what the stages currently find).
TEXT = ("2023年，浙江省经信厅党组书记、厅长詹敏表示，全省实施“415X”产业集群工程，"
        "规上工业增加值增长6.0%，杭州市新增企业1.2万家。詹敏说，力争明年超过3000亿元。")


def span(s: str, nth: int = 0) -> tuple[int, int, str]:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(s, i + 1)
    return i, i + len(s), s


def hand_document(doc_id: str | None = "hand") -> Document:
    def fig(s: str, value: float, unit: str | None, dim: str, **kw: object) -> Figure:
        a, b, t = span(s)
        return Figure(a, b, t, value, unit=unit, dimension=dim, **kw)  # type: ignore[arg-type]

    return Document(
        text=TEXT, id=doc_id, meta=Meta(published="2024-01-10"),
        figures=(fig("6.0%", 6.0, "%", "percent", change="increase", metric="规上工业增加值"),
                 fig("1.2万家", 12000.0, "家", "count"),
                 fig("3000亿元", 3e11, "CNY", "currency", qualifier="more_than", modality="target")),
        codes=(Code(*span("415X"), code="415X", kind="产业集群"),),
        organizations=(Organization(*span("浙江省经信厅"), name="浙江省经济和信息化厅", type="government"),),
        people=(Person("詹敏", (Mention(*span("詹敏")[:2]), Mention(*span("詹敏", 1)[:2])), "official",
                       (Position("党组书记", "浙江省经信厅"), Position("厅长", "浙江省经信厅"))),),
        places=(Place(*span("杭州市"), name="杭州市", level="city", parent="浙江省", code="330100"),),
        times=(Time(*span("2023年"), value="2023"), Time(*span("明年"), value="2025", relative=True)),
    )
