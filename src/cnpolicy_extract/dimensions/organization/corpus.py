"""Examples for the organisation rules: each positive sentence gives exactly
these (text, type) mentions, in order; each negative sentence gives none.
Sentences are the project's own."""
from __future__ import annotations

POSITIVE: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("浙江省经信厅今天发布通知。", (("浙江省经信厅", "government"),)),
    ("与萧山区人民政府签署协议。", (("萧山区人民政府", "government"),)),
    ("打造浣江实验室、港科大—诸暨联合创新中心、中俄(诸暨)国际实验室等平台。",
     (("浣江实验室", "research"), ("港科大—诸暨联合创新中心", "research"),
      ("中俄(诸暨)国际实验室", "research"))),
    ("在浙江省十四届人大二次会议上。", (("浙江省十四届人大", "legislature"),)),
    ("杭州市委召开会议研究部署。", (("杭州市委", "party"),)),
    ("紫光股份与新华三集团合作。", (("紫光股份", "company"), ("新华三集团", "company"))),
    ("国务院和党中央高度重视。", (("国务院", "government"), ("党中央", "party"))),
    ("省高级人民法院依法审理。", (("省高级人民法院", "court"),)),
    ("浙江大学和浙江省社科院联合发布报告。", (("浙江大学", "university"), ("浙江省社科院", "research"))),
    ("浙江省软件行业协会举办年会。", (("浙江省软件行业协会", "association"),)),
    ("据浙江日报报道。", (("浙江日报", "media"),)),
    ("省发改委主任表示。", (("省发改委", "government"),)),
    ("苏州大学校长出席。", (("苏州大学", "university"),)),
    ("在省委的坚强领导下，在省人大、省政协的监督支持下。",
     (("省委", "party"), ("省人大", "legislature"), ("省政协", "legislature"))),
    ("据悉，苏宁易购集团股份有限公司董事长张近东、南京大学校长谭铁牛出席了会议。",
     (("苏宁易购集团股份有限公司", "company"), ("南京大学", "university"))),
    ("国务院总理李强、中国人民银行行长潘功胜出席。",
     (("国务院", "government"), ("中国人民银行", "government"))),
    ("国家税务总局杭州市税务局发布公告。", (("国家税务总局杭州市税务局", "government"),)),
    ("中国人民银行浙江省分行和工商银行杭州分行签约。",
     (("中国人民银行浙江省分行", "government"), ("工商银行杭州分行", "company"))),
    ("引进京东方等重大项目。", (("京东方", "company"),)),
    # a verb before a name is not part of it
    ("设置新疆农业职业技术大学，整合库尔勒银行。",
     (("新疆农业职业技术大学", "university"), ("库尔勒银行", "company"))),
    ("发挥中央银行的作用。", (("中央银行", "government"),)),
    ("全国人大代表和浙江省人大代表出席。", (("全国人大", "legislature"), ("浙江省人大", "legislature"))),
    # a batch ordinal is not the body (第二批|天府实验室), a number inside one is
    ("规划布局第二批天府实验室，支持第一汽车集团。",
     (("天府实验室", "research"), ("第一汽车集团", "company"))),
    # a short name the text declares is the body wherever it comes back
    ("青田县乡村振兴工作领导小组办公室(以下简称“振兴办”)成立。振兴办依然灯火通明。",
     (("青田县乡村振兴工作领导小组办公室", "government"), ("振兴办", "government"),
      ("振兴办", "government"))),
    # ...and only when it declares it
    ("青田县乡村振兴工作领导小组办公室成立。振兴办依然灯火通明。",
     (("青田县乡村振兴工作领导小组办公室", "government"),)),
    # a department named by its level alone; a level word that starts another word does not
    ("省交通运输厅、市住建局印发通知。", (("省交通运输厅", "government"), ("市住建局", "government"))),
    ("省妇联、市科协参加。", (("省妇联", "association"), ("市科协", "association"))),
    ("中央网信办印发通知。", (("中央网信办", "party"),)),
    ("国家统计局浙江调查总队发布数据。", (("国家统计局浙江调查总队", "government"),)),
    ("杭州市城市管理局发布通知。", (("杭州市城市管理局", "government"),)),
    # a parent body and its branch in a place are one name, like 国家税务总局杭州市税务局,
    # though the branch repeats the suffix held by the parent's name...
    ("据海关总署广州海关统计，出口增长。", (("海关总署广州海关", "government"),)),
    # ...and two when a word parts them
    ("海关总署和广州海关发布数据。", (("海关总署", "government"), ("广州海关", "government"))),
    # an office stationed in a place is one name with its sender (驻 + a place)...
    ("中国驻美国大使馆发言人表示。", (("中国驻美国大使馆", "government"),)),
    ("浙江省驻京办事处和安徽县归雁工程驻上海联络服务站揭牌。",
     (("浙江省驻京办事处", "government"), ("安徽县归雁工程驻上海联络服务站", "government"))),
    # ...but not after 进驻, nor without a sender named before 驻
    ("企业进驻上海办事处。", (("上海办事处", "government"),)),
    ("我驻美国大使馆发言人表示。", (("美国大使馆", "government"),)),
)

NEGATIVE: tuple[str, ...] = (
    "省级财政局和市场监管局要加强指导。",  # 省级, 市场: no level-named department
    "考古调查队进驻。",  # a survey team with no place is no body
    "近日印发的《行动方案》(以下简称“方案”)提出，方案要落实。",  # a document's short name
    "相关政府部门可对这些企业多予以关注。",
    "全面贯彻党的二十大精神。",
    "在社区设立联络站。",  # a liaison post with no place is no body
    "新闻发言人和一些国家驻华使馆的新闻官员出席。",  # 国家 names no sender
    # 城市 names no city: a city government or office in general
    "城市人民政府要成立领导小组，给予城市政府更大自主权，城市管理局要加强执法。",
    "中央经济工作会议强调，要以科技创新推动产业创新。",
    "新增3个国家级知识产权保护中心。",
    "推动高校和企业共建平台。",
    "该公司去年营收增长。",
    "形成新格局，做好全局部署。",
    "东部地区干部全部到位。",
    "成绩凝结着人大代表、政协委员的心血。",  # deputies, no body named
    # kinds of bodies, not names: a prefix of generic words only
    "鼓励保险公司、村镇银行和政府融资平台公司参与，办好老年大学和乡村学校。",
)
