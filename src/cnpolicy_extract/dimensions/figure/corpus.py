"""Figure corpus (duckling style): one expected figure, then every phrase that
must give exactly it, with the figure's span in [brackets] (qualifier words
stay outside). NEGATIVE phrases must give no figure at all. Run by one
parametrised test (tests/dimensions/figure/test_figure_corpus.py).

Written for this project; no sentence is copied from a source text.
"""
from __future__ import annotations

from typing import NamedTuple


class Example(NamedTuple):
    value: float
    unit: str | None
    dimension: str
    value_max: float | None
    qualifier: str
    forms: tuple[str, ...]


def ex(value: float, unit: str | None, dimension: str, *forms: str,
       value_max: float | None = None, qualifier: str = "exact") -> Example:
    return Example(value, unit, dimension, value_max, qualifier, forms)


POSITIVE: tuple[Example, ...] = (
    # ---- currencies: every multiplier applied
    ex(1.5e10, "CNY", "currency", "投资[150亿元]", "投资[150亿人民币]", "投资[一百五十亿元]",
       "投资[壹佰伍拾亿元]"),
    ex(3.5e12, "CNY", "currency", "规模[3.5万亿元]", "规模[三点五万亿元]", "规模[３．５万亿元]"),
    ex(2e4, "CNY", "currency", "补贴[2万元]", "补贴[两万元]", "补贴[20000元]", "补贴[20,000元]"),
    ex(3e7, "CNY", "currency", "资金[3千万元]", "资金[三千万元]", "资金[3000万元]"),
    ex(1.1e7, "CNY", "currency", "拨付[1,100万元]", "拨付[１，１００万元]"),
    ex(1.527e10, "USD", "currency", "外资[152.7亿美元]"),
    ex(5e8, "EUR", "currency", "合同[5亿欧元]"),
    ex(2e9, "HKD", "currency", "融资[20亿港元]", "融资[20亿港币]"),
    ex(3e10, "JPY", "currency", "贷款[300亿日元]"),
    ex(1e6, "GBP", "currency", "捐赠[100万英镑]"),
    # ---- percentages, fractions, 成, ‰, percentage points, multiples
    ex(5.5, "%", "percent", "增长[5.5%]", "增长[5.5％]", "增长[５．５％]", "增长[百分之五点五]"),
    ex(10, "%", "percent", "占[10%]", "占[百分之十]", "占[一成]"),
    ex(70, "%", "percent", "贡献了[七成]", "贡献了[70%]"),
    ex(100 / 3, "%", "percent", "占[三分之一]", "占[1/3]"),
    ex(0.3, "%", "percent", "控制在[千分之三]", "控制在[3‰]"),
    ex(25, "%", "percent", "占全国[四分之一]", "占全国[1/4]"),
    ex(100, "%", "percent", "实现[百分之百]"),
    ex(1.5, "pp", "percentage_point", "提高[1.5个百分点]", "提高[一点五个百分点]"),
    ex(2.5, "times", "multiple", "增长[2.5倍]"),
    ex(2, "times", "multiple", "收入[翻一番]", "收入[翻番]"),
    ex(4, "times", "multiple", "总量[翻两番]"),
    # ---- counts keep their classifier
    ex(12000, "家", "count", "新增企业[1.2万家]", "新增企业[一万两千家]"),
    ex(28, "个", "count", "[28个]项目签约"),
    ex(3, "个", "count", "实施[三个]“一号工程”"),
    ex(400, "项", "count", "科技项目[400项]"),
    ex(2e6, "名", "count", "培训[200万名]"),
    ex(3.1e6, "户", "count", "惠及[310万户]家庭"),
    ex(3.9e5, "人", "count", "新增就业[39万人]", "新增就业[三十九万人]"),
    ex(6.5e8, "人次", "count", "接待游客[6.5亿人次]"),
    ex(12, "所", "count", "建成[12所]学校"),
    ex(142000, "台", "count", "更新设备[14.2万台]"),
    ex(2619, "列", "count", "开行班列[2619列]"),
    ex(10, "方面", "count", "[十方面]民生实事"),
    ex(22, "条", "count", "出台[22条]举措"),
    ex(5, "张", "count", "[五张]榜单"),
    ex(17, "支", "count", "组建[17支]基金"),
    ex(2000, "场", "count", "举办[2000余场]", qualifier="more_than"),
    ex(2, None, "count", "扮演好[两大]角色"),
    ex(4, None, "count", "提升[四大]都市区能级"),
    ex(7, None, "count", "推动[7大]产业集群"),
    ex(408000, None, "count", "吸引[40.8万]青年"),
    # ---- measures
    ex(328000, "mu", "area", "新增建设用地[32.8万亩]"),
    ex(500, "hectare", "area", "造林[500公顷]"),
    ex(1.21e7, "m2", "area", "总面积[1210万平方米]"),
    ex(20, "km2", "area", "规划面积[20平方公里]"),
    ex(5048, "km", "length", "改造管网[5048公里]"),
    ex(300, "m", "length", "海拔[300米]"),
    ex(1.6e7, "tce", "energy", "用能指标[1600万吨标准煤]"),
    ex(4e4, "t", "mass", "产量[4万吨]"),
    ex(50, "kg", "mass", "人均[50千克]", "人均[50公斤]"),
    ex(1.3e10, "jin", "mass", "总产[130亿斤]"),
    ex(2.2e7, "kW", "power", "新增装机[2200万千瓦]"),
    ex(3e6, "kW", "power", "装机[3000兆瓦]"),
    ex(1e8, "kWh", "energy", "发电[1亿千瓦时]", "发电[1亿度]"),
    ex(5e5, "m3", "volume", "蓄水[50万立方米]"),
    ex(3.5e7, "TEU", "volume", "集装箱吞吐量[3500万标准箱]"),
    ex(808, "PFLOPS", "compute", "部署[808P]算力", "部署[808PFlops]算力"),
    ex(10, "EFLOPS", "compute", "算力达[10EFLOPS]"),
    ex(200, "PB", "data", "存储[200PB]"),
    ex(3, "year", "duration", "用[3年]时间"),
    ex(6, "month", "duration", "缩短[6个月]"),
    ex(15, "day", "duration", "压缩至[15天]"),
    ex(24, "hour", "duration", "全天[24小时]"),
    ex(60, "year", "age", "[60岁]以上老人", qualifier="at_least"),
    # an adverb before the verb that takes the figure; not across other words
    ex(1, "台", "count", "每县至少布设[1台]机具", "起码建成[1台]", qualifier="at_least"),
    ex(2, "名", "count", "最多安排[2名]人员", qualifier="at_most"),
    ex(3, "个", "count", "最多的一年有[3个]项目", "至少，全年建成[3个]"),
    # ---- compound units
    ex(500, "CNY/t", "price", "补贴[500元/吨]"),
    ex(0.01, "CNY/kWh", "price", "电价下降[1分/千瓦时]"),
    ex(0.5, "CNY/kWh", "price", "电价[0.5元/千瓦时]"),
    ex(3000, "CNY/人", "price", "补助[3000元/人]"),
    ex(796, "CNY/month", "price", "标准[796元/月]"),
    ex(100, "家", "count", "将近[百家]企业", "近[百家]企业", qualifier="approx"),
    ex(100, "家", "count", "[百余家]企业", "[百多家]企业", qualifier="more_than"),
    ex(1000, "人", "count", "[千余人]参加", qualifier="more_than"),
    ex(10, "个", "count", "[十来个]", "[10来个]", qualifier="approx"),
    ex(80, "%", "percent", "占[八成多]", qualifier="more_than"),
    ex(30, "°C", "temperature", "气温[30℃]"),
    # Traditional characters (without the optional converter)
    ex(1.2e9, "CNY", "currency", "投資[12億元]"),
    ex(3e4, "个", "count", "[3萬個]"),
    ex(2e4, "人", "count", "[兩萬多人]", qualifier="more_than"),
    ex(5e6, "CNY", "currency", "奖励[￥500万]", "奖励[¥500万]"),
    ex(100, "USD", "currency", "售价[$100]"),
    ex(5e10, "CNY", "currency", "融资[RMB 500亿]", "融资[RMB500亿]"),
    ex(0.99, "USD", "currency", "售价[99美分]"),
    ex(5, "%", "percent", "提高[百分之五到百分之十]", value_max=10),
    ex(2.31, None, "number", "收入比缩小至[2.31:1]"),
    # ---- bare numbers
    ex(8e12, None, "number", "迈过[8万亿]大关", qualifier="more_than"),
    ex(1.83, None, "number", "倍差缩小至[1.83]"),
    ex(2e4, None, "number", "达到[两万多]", qualifier="more_than"),
    ex(1234, None, "number", "[一千二百三十四]", "总数为[一千二百三十四]。"),
    ex(212, "家", "count", "世界500强企业达[212家]"),
    # ---- ranges
    ex(3, "个", "count", "建设[3—5个]", "建设[3至5个]", "建设[3-5个]", "建设[三至五个]", "建设[3~5个]",
       value_max=5),
    ex(10, "%", "percent", "增长[10%~15%]", "增长[10%-15%]", "增长[10%至15%]", "增长[10-15%]",
       value_max=15),
    ex(5e4, "CNY", "currency", "奖励[5万至8万元]", "奖励[5至8万元]", "奖励[5万-8万元]", value_max=8e4),
    ex(70, "%", "percent", "占[七八成]", value_max=80),
    ex(5, "year", "duration", "用[五至十年]", "用[5—10年]", value_max=10),
    ex(200, "家", "count", "[二至三百家]", "[200至300家]", "[2至3百家]", value_max=300),
    ex(1.5, "times", "multiple", "增长[1.5—2倍]", value_max=2),
    ex(3, "pp", "percentage_point", "提高[3到5个百分点]", value_max=5),
    ex(30, "人", "count", "[三四十人]参加", value_max=40),
    # ---- approximate magnitudes
    ex(10, "家", "count", "[十几家]企业", value_max=20),
    ex(10, "个", "count", "[几十个]项目", "[数十个]项目", value_max=100),
    ex(100, "项", "count", "[数百项]成果", "[几百项]成果", value_max=1000),
    ex(1e5, "CNY", "currency", "投入[十几万元]", value_max=2e5),
    ex(1000, "家", "count", "[上千家]企业", qualifier="at_least"),
    ex(10000, "人", "count", "[上万人]参加", qualifier="at_least"),
    ex(10, "家", "count", "[10余家]企业", "[十余家]企业", "[十多家]企业", qualifier="more_than"),
    ex(2300, "人", "count", "引育人才[2300多人]", qualifier="more_than"),
    ex(5e4, "人", "count", "[5万多人]参与", qualifier="more_than"),
    # ---- qualifiers outside the span
    ex(1.3e10, "CNY", "currency", "支出约[130亿元]", "支出[130亿元]左右", "支出近[130亿元]",
       "支出将近[130亿元]", "支出接近[130亿元]", "支出[130亿元]上下", qualifier="approx"),
    ex(10, "%", "percent", "增长[10%]以上", "增长不低于[10%]", "增长不少于[10%]", "增长至少[10%]",
       qualifier="at_least"),
    ex(1.5e10, "CNY", "currency", "总产值突破[150亿元]", "总产值超过[150亿元]", "总产值逾[150亿元]",
       "总产值超[150亿元]", "总产值迈过[150亿元]", qualifier="more_than"),
    ex(3, "%", "percent", "控制在[3%]以内", "控制在[3%]以下", "不超过[3%]", "不高于[3%]",
       qualifier="at_most"),
    ex(1, "%", "percent", "不到[1%]", "不足[1%]", "低于[1%]", qualifier="less_than"),
)

NEGATIVE: tuple[str, ...] = (
    # years and dates
    "2023年", "2024年1月14日", "二〇二四年", "2024-11-22", "10:56:48", "1-11月", "9月26日",
    "2019—2023年", "2024中国民营企业", "上世纪90年代",
    # ordinals, sessions, list markers, rankings
    "二十四节气", "第六", "第3批", "居全国第3位", "十四届人大二次会议", "二十届三中全会", "党的二十大精神",
    "一、总体要求", "（二）主要任务", "(1)", "1.", "500强", "前三季度", "成立75周年",
    # numerals inside codes and names
    "“八八战略”", "十四五", "“十四五”规划", "万亩千亿", "一号发展工程", "“415X”", "‘315’",
    "“4+1”专项基金", "“双尖双领+X”", "两个确立", "5G网络", "G20峰会", "C919", "PM2.5",
    "工业4.0", "3.0版", "千亿级产业集群",
    # idioms: 一 as "a / one whole"
    "一批", "一体", "一道", "一系列", "一揽子", "一张高分答卷", "一流", "一链一策", "第一",
    "进一步", "统一部署", "一个窗口", "千家万户", "千方百计", "成千上万", "两位数增长",
    # times
    "这两年", "近五年来", "过去一年", "未来3年", "五年来，我们", "三年以来",
    # phone, ID and document numbers
    "上榜中国民营企业500强、研发投入500家等榜单",
    "〔2024〕3号", "浙政发〔2024〕3号", "电话0571-88888888", "12345热线", "3号线", "附件1",
    # Chinese digits read one by one name days and teams, not amounts
    "八一队获胜", "五一节放假", "一二九运动",
)
