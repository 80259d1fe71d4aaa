"""Patterns for the furniture of news and policy texts (all on normalised text:
full-width colons, parentheses and digits are already half-width)."""
from __future__ import annotations

import regex

from ...resources import read_tsv

# A Chinese personal name as typeset in by-lines: 2-4 Han characters, possibly
# with spaces between them (杨 洁, 李　强) or a middle dot (艾尔肯·吐尼亚孜).
HAN = r"\p{Han}"
NAME = rf"{HAN}(?:[ ]?{HAN}){{1,3}}(?:·{HAN}{{2,8}})?"

# 发布时间:2024-11-22 10:56:48 / 时间：2026-02-11 / 日期: 2024年11月22日
DATE_LINE = regex.compile(
    r"(?:发布时间|发布日期|发表时间|更新时间|时间|日期)\s*:\s*"
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})日?"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
# A line that starts with a date and holds nothing else but header fields
# (国家统计局\n2025年2月28日 under a communiqué's title, 2024-11-28 09:30 来源：…,
# an official document's closing date): the document's own date.
HEAD_DATE_LINE = regex.compile(
    r"^[ \t]*(?P<y>\d{4})[ \t]*[-/.年][ \t]*(?P<m>\d{1,2})[ \t]*[-/.月][ \t]*(?P<d>\d{1,2})[ \t]*日?"
    r"(?:[ \t]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
    r"[ \t]*(?=$|来源|作者|编辑|责编|责任编辑|发布|字号|浏览|\|)", regex.M)
HEAD_DATE_LINES = 8  # lines of the head it is looked for on
TAIL_DATE_LINES = 3  # and of the tail
# A news dateline (新华社北京2024年11月28日电, 本报杭州1月25日讯): the filing date
# (a year only when it has one); not 电 or 讯 starting a word (日电话会议).
DATELINE = regex.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
                         r"(?:电(?![话视脑力网子器商源动价影台池缆梯车站厂])|讯(?![息号]))")
DATELINE_REACH = 400  # characters of the lead it is looked for in
# 来源: sp20241122 / 来源 : 南方日报 (value runs to the next space or field label)
SOURCE_LINE = regex.compile(r"来源\s*:\s*(?P<v>[^\s:|]+?)(?=\s|$|\||作者|编辑|责编|时间|发布)", regex.M)
# 作者: 张三、李四
AUTHOR_LINE = regex.compile(rf"作者\s*:\s*(?P<v>{NAME}(?:\s*[、,，]\s*{NAME})*)")
# 本报记者 包兴安 见习记者 杨 洁 / 记者:钱晨菲 / 通讯员 王五
REPORTER = regex.compile(
    rf"(?:本报|新华社|人民日报)?(?:见习|实习|特约)?(?:记者|通讯员)(?:\s*:\s*|\s+)"
    rf"(?P<v>{NAME}(?:\s*[、,，]\s*{NAME})*)(?=\s|$|\)|(?:见习|实习|特约)?(?:记者|通讯员))",
    regex.M,
)
# (责编:杨虞波罗、陈键) / 责任编辑：王五 / 编辑: 赵六
EDITOR_LINE = regex.compile(
    rf"(?:责编|责任编辑|编辑)\s*:\s*(?P<v>{HAN}(?:[ ]?{HAN})+(?:\s*[、,，/]\s*{HAN}(?:[ ]?{HAN})+)*)"
)
# A paragraph that ends in a by-line: ...表示。(钱晨菲) / （记者 张三）
TRAILING_BYLINE = regex.compile(
    rf"[(](?:(?:本报)?记者\s*)?(?P<v>{NAME}(?:\s*[、,，]\s*{NAME})*)[)]\s*$", regex.M
)
# 2025年1月14日在浙江省第十四届人民代表大会第三次会议上 (a work report's header);
# 龚正市长 may stand before 在.
TITLE = r"(?:代理|代)?(?:省长|市长|主席|总理|区长|州长|县长|书记)"
DELIVERY = regex.compile(
    rf"^[-—\s]*(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
    rf"(?:(?P<pre>{NAME}?){TITLE})?在[^\n]{{2,60}}?(?:会议|大会)(?:上|的)",
    regex.M,
)
# After the delivery line: 浙江省代省长刘捷作政府工作报告 / 北京市市长 殷勇同志 /
# 国务院总理\n李克强 / 省长 梁惠玲 / a bare name on its own line.
LAZY_NAME = rf"{HAN}(?: ?{HAN}){{1,3}}?(?:·{HAN}{{2,8}})?"
OFFICIAL_AFTER = regex.compile(
    rf"^[^\n:]{{0,30}}?{TITLE}\s*(?P<v>{LAZY_NAME})(?:同志)?(?=作|[ \t]*$)", regex.M
)
BARE_NAME_LINE = regex.compile(rf"^\s*(?P<v>{HAN}(?: ?{HAN}){{1,3}}(?:·{HAN}{{2,8}})?)\s*$", regex.M)
# 傅柒生《人民日报》(2025年01月18日第 07 版)
PAPER_BYLINE = regex.compile(
    rf"^(?:(?:本报)?记者\s*)?(?P<a>{NAME})?\s*《(?P<src>[^》]{{2,12}}(?:报|刊|志))》\s*\(\s*(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日",
    regex.M,
)
# Words a by-line pattern may catch that are never names (role words,
# caption words such as 图片 and 中国画): a data file.
NOT_NAMES = frozenset(r["word"] for r in read_tsv("meta_not_names.tsv"))

# Words each pattern cannot match without (one of them): a substring test
# first skips the pattern on the many texts without that furniture
# (tests check that every match holds one).
DATE_LINE_NEEDS = ("时间", "日期")
SOURCE_LINE_NEEDS = ("来源",)
AUTHOR_LINE_NEEDS = ("作者",)
REPORTER_NEEDS = ("记者", "通讯员")
EDITOR_LINE_NEEDS = ("编",)
TRAILING_BYLINE_NEEDS = (")",)
DELIVERY_NEEDS = ("会议上", "会议的", "大会上", "大会的")
PAPER_BYLINE_NEEDS = ("《",)

# The most characters a match has before the first of the words it needs
# (发布时间: 时间 after two; 责任编辑: 编 after two): a search can start that far
# before the first such word (tests check every match). Patterns with ^ or
# an unbounded run before the word are not listed (searched from 0).
LEAD: dict[regex.Pattern[str], int] = {DATE_LINE: 2, SOURCE_LINE: 0, AUTHOR_LINE: 0, EDITOR_LINE: 2}
