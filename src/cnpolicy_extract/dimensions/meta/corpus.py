"""Examples for the meta rules: a document head/tail and the fields it gives."""
from __future__ import annotations

from typing import Any

# (text, expected fields; fields not named must be null/empty)
POSITIVE: tuple[tuple[str, dict[str, Any]], ...] = (
    ("发布时间:2024-11-22 10:56:48 来源: sp20241122\n正文。\n(责编:杨虞波罗、陈键)",
     {"published": "2024-11-22T10:56:48", "source": "sp20241122", "editors": ("杨虞波罗", "陈键")}),
    ("标题\n正文很长很长。(钱晨菲)\n", {"author": "钱晨菲"}),
    ("标题\n正文。（记者 王小明）", {"author": "王小明"}),
    ("2025年浙江省政府工作报告\n来源：浙江日报\n"
     "2025年1月14日在浙江省第十四届人民代表大会第三次会议上浙江省代省长刘捷作政府工作报告\n各位代表：",
     {"published": "2025-01-14", "source": "浙江日报", "author": "刘捷"}),
    ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　\n李　强\n各位代表：",
     {"published": "2024-03-05", "author": "李强"}),
    ("----2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告\n来源：解放日报",
     {"published": "2025-01-15", "source": "解放日报", "author": "龚正"}),
    ("标题\n本报记者 包兴安 见习记者 杨 洁\n正文", {"author": "包兴安、杨洁"}),
    ("作者：张三、李四\n正文", {"author": "张三、李四"}),
    ("标题\n本报记者  李林蔚《人民日报》（2025年01月18日第 04 版）\n正文",
     {"published": "2025-01-18", "source": "人民日报", "author": "李林蔚"}),
    # a line holding only a date, under the title or closing the document
    ("2024年国民经济和社会发展统计公报\n国家统计局\n2025年2月28日\n初步核算，全年国内生产总值增长5%。",
     {"published": "2025-02-28"}),
    ("关于推进某项工作的通知\n各有关单位：\n正文很长。\n国家发展改革委\n2021年3月5日\n",
     {"published": "2021-03-05"}),
    ("标题\n2024-11-28 09:30 来源：浙江日报\n正文。",
     {"published": "2024-11-28T09:30", "source": "浙江日报"}),
    ("标题\n2024年11月28日 09:30  |  来源：浙江日报\n正文。",
     {"published": "2024-11-28T09:30", "source": "浙江日报"}),
    # a news dateline
    ("标题\n新华社北京2024年11月28日电（记者 张三）今年以来，工业增长。",
     {"published": "2024-11-28", "author": "张三"}),
)

# Texts that carry no metadata.
NEGATIVE: tuple[str, ...] = (
    "记者了解到，今年以来经济回升。",
    "8月17日，在国家发改委召开的新闻发布会上，发言人表示。",
    "浙江中欧班列（义新欧）开行2619列。后面还有很多正文内容。",
    "湖南日报全媒体记者 刘尚文 摄",
    # captions and photo credits in brackets at the end are not by-lines
    "剧团送戏进山村（图片）\n（本报记者蒋亚平摄）", "会上透露的。（本报专电）", "飞雪迎春（中国画）",
    "虎年迎新图（图片）\n（杨崇南绘）",
    # a date inside a line, or a date line deep in the body, is no document date
    "会议定于\n2021年3月5日召开，请准时参加。\n后文。",
    "标题\n2024年11月28日至30日召开大会。",  # a line that goes on past the date
    "标题\n会议于2024年11月28日电话召开。",
    "标题\n" + "一段正文。\n" * 10 + "2021年3月5日\n" + "一段正文。\n" * 10,
)
