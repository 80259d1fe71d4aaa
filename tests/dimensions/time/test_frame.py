"""frame.reported_year: the year a report on one year names in its title."""
from __future__ import annotations

import pytest

from cnpolicy_extract.dimensions.time.frame import reported_year, title_words

WORDS = title_words()


@pytest.mark.parametrize(("text", "year"), [
    ("中华人民共和国2024年国民经济和社会发展统计公报\n国家统计局", 2024),
    ("\n  浙江省2023年国民经济和社会发展统计公报\n正文", 2023),
    ("2022年全国教育事业发展统计公报", 2022),
    ("2024年度报告\n正文", 2024),
    # counter-examples: not the title line, no year, a title too long to be one, no title word
    ("新闻标题\n据2024年统计公报显示，粮食增产。", None),
    ("国民经济和社会发展统计公报\n2024年粮食增产。", None),
    ("据国家统计局发布的2024年国民经济和社会发展统计公报显示，全年国内生产总值比上年增长5.0%，"
     "粮食产量创新高。", None),
    ("2025年浙江省政府工作报告\n正文", None),
    ("", None),
])
def test_reported_year(text: str, year: int | None) -> None:
    assert reported_year(text, WORDS) == year
