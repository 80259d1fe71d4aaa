"""Examples for the people rules: each positive sentence gives exactly these
people (name, role, positions as (title, organization)), in order of first
mention; each negative sentence gives nobody. Sentences are the project's own."""
from __future__ import annotations

Pos = tuple[tuple[str, str | None], ...]

POSITIVE: tuple[tuple[str, tuple[tuple[str, str | None, Pos], ...]], ...] = (
    ("浙江省经信厅党组书记、厅长詹敏介绍，产业稳步增长。",
     (("詹敏", "official", (("党组书记", "浙江省经信厅"), ("厅长", "浙江省经信厅"))),)),
    ("紫光股份董事长、新华三集团总裁兼首席执行官于英涛介绍，算力需求旺盛。",
     (("于英涛", "executive",
       (("董事长", "紫光股份"), ("总裁", "新华三集团"), ("首席执行官", "新华三集团"))),)),
    ("杭州市委常委、萧山区委书记王敏表示，要搭建好平台。",
     (("王敏", "official", (("常委", "杭州市委"), ("书记", "萧山区委"))),)),
    ("浙江省社科院院长查志强表示，民营经济活力充沛。",
     (("查志强", "scholar", (("院长", "浙江省社科院"),)),)),
    ("深入贯彻习近平总书记重要讲话精神。",
     (("习近平", "official", (("总书记", None),)),)),
    ("南京市委副书记、市长陈之常在会上作报告。",
     (("陈之常", "official", (("副书记", "南京市委"), ("市长", "南京市委"))),)),
    ("苏州大学校长张晓宏出席。",
     (("张晓宏", "scholar", (("校长", "苏州大学"),)),)),
    ("本报记者张晓明报道。",
     (("张晓明", "journalist", (("记者", None),)),)),
    ("剧团送戏进山村（图片）\n（本报记者蒋亚平摄）",
     (("蒋亚平", "journalist", (("记者", None),)),)),
    ("新春图（陈小明、李华绘）", (("陈小明", "journalist", ()), ("李华", "journalist", ()))),
    ("据悉，苏宁易购集团股份有限公司董事长张近东、南京大学校长谭铁牛出席了会议。",
     (("张近东", "executive", (("董事长", "苏宁易购集团股份有限公司"),)),
      ("谭铁牛", "scholar", (("校长", "南京大学"),)))),
    ("南京市市长陈之常在市十七届人大三次会议上表示。",
     (("陈之常", "official", (("市长", "南京市"),)),)),
    # 李强 is an ordinary word in jieba's dictionary (nrfg): after a title it
    # is a name; a central bank's 行长 is an official, a commercial bank's an
    # executive.
    ("国务院总理李强、中国人民银行行长潘功胜、上海市委书记陈吉宁出席。",
     (("李强", "official", (("总理", "国务院"),)),
      ("潘功胜", "official", (("行长", "中国人民银行"),)),
      ("陈吉宁", "official", (("书记", "上海市委"),)))),
    ("工商银行杭州分行行长周明远表示，信贷增长。",
     (("周明远", "executive", (("行长", "工商银行杭州分行"),)),)),
    # name 是 body title (across an 以下简称 note)
    ("王建国是浙江省发展和改革委员会(以下简称“省发改委”)主任。他表示，要加快发展。",
     (("王建国", "official", (("主任", "浙江省发展和改革委员会"),)),)),
    ("浙江省发展和改革委员会(以下简称“省发改委”)主任王建国表示，要加快发展。",
     (("王建国", "official", (("主任", "浙江省发展和改革委员会"),)),)),
    # ...but not when the title goes on into another noun
    ("王建国是浙江省发展和改革委员会主任助理的朋友。", (("王建国", None, ()),)),
    # 现任/担任 state a position as 是 does; a later clause opening with 也是
    # keeps the name as subject (person_copulas.tsv)...
    ("刘建华现任杭州市商务局局长。", (("刘建华", "official", (("局长", "杭州市商务局"),)),)),
    ("刘建华担任杭州市商务局局长，负责全面工作。",
     (("刘建华", "official", (("局长", "杭州市商务局"),)),)),
    ("刘建华是北京一家企业的负责人，也是杭州市商务局局长。",
     (("刘建华", "official", (("局长", "杭州市商务局"),)),)),
    # a digit after a name does not close it: jieba's tokens decide (a verb
    # stands before the count in 赵超|携151万元)...
    ("副总裁赵超携151万元出逃。", (("赵超", "executive", (("副总裁", None),)),)),
    ("总经理王建国2019年上任。", (("王建国", "executive", (("总经理", None),)),)),
    # a frequent word run on into a ·-joined name is cut off (谢赫·哈西娜|提议)...
    ("孟加拉国总理谢赫·哈西娜提议召开地区会议。", (("谢赫·哈西娜", "official", (("总理", None),)),)),
    ("孟加拉国总理谢赫·哈西娜提议，召开地区会议。", (("谢赫·哈西娜", "official", (("总理", None),)),)),
    # ...but not a guess of jieba's running on into a function character (利在)
    ("记者吉内特·哈姆利在华盛顿报道。", (("吉内特·哈姆利", "journalist", (("记者", None),)),)),
    ("公使希克迈特·赫朱夫妇出席。", (("希克迈特·赫朱", None, ()),)),
    # a ·-joined name found without a title does not reach back into one (总理|阿尔弗雷德)
    ("据报道，马耳他总理阿尔弗雷德·桑特13日在这里会见了客人。", (("阿尔弗雷德·桑特", None, ()),)),
    # ...but not a clause with a subject of its own, nor one after such a clause
    ("刘建华是北京一家企业的负责人，他的妻子也是杭州市商务局局长。", (("刘建华", None, ()),)),
    ("刘建华是北京一家企业的负责人，工作很忙，也是杭州市商务局局长。", (("刘建华", None, ()),)),
    # a deputy after the head takes the head's body (行长潘功胜、副行长张青松)...
    ("中国人民银行行长潘功胜、副行长张青松出席会议。",
     (("潘功胜", "official", (("行长", "中国人民银行"),)),
      ("张青松", "official", (("副行长", "中国人民银行"),)))),
    ("省发展改革委主任张明，副主任李刚出席。",
     (("张明", "official", (("主任", "省发展改革委"),)),
      ("李刚", "official", (("副主任", "省发展改革委"),)))),
    # names listed after a titled name share its titles; a title ends the list
    ("副市长陈卫强、胡伟出席会议。",
     (("陈卫强", "official", (("副市长", None),)), ("胡伟", "official", (("副市长", None),)))),
    ("董事长张明、总经理李刚出席。",
     (("张明", "executive", (("董事长", None),)), ("李刚", "executive", (("总经理", None),)))),
    # 代表 is a title before a name only; after one it is a verb
    ("全国人大代表李明说。", (("李明", "official", (("代表", "全国人大"),)),)),
    ("中国民主同盟主席丁石孙代表各民主党派讲话。",
     (("丁石孙", "official", (("主席", "中国民主同盟"),)),)),
    # a 代表 of a group holds no office: no role unless a body is named
    ("职工代表张华说，工资按时发放。", (("张华", None, (("代表", None),)),)),
    ("家长代表刘丽发言。", (("刘丽", None, (("代表", None),)),)),
    ("人大代表张明建议加快建设。", (("张明", "official", (("人大代表", None),)),)),
    ("市人大代表张明建议加快建设。", (("张明", "official", (("代表", "市人大"),)),)),
    ("中国常驻联合国代表秦华孙说。", (("秦华孙", "official", (("代表", "联合国"),)),)),
    ("村民代表、村支书王强说。", (("王强", "official", (("代表", None), ("村支书", None))),)),
    # an occupation before a name is cue enough without one after it
    ("由著名建筑师王澍设计的博物馆开馆。", (("王澍", None, ()),)),
    ("他的老伴崔秀萍今年七十五岁。", (("崔秀萍", None, ()),)),
    ("画家袁熙坤欣然画虎。", (("袁熙坤", None, ()),)),
    ("由演员赵丽颖带动的一场热潮。", (("赵丽颖", None, ()),)),
    # a given name ending in 和 before what only follows a name (林金和，男);
    # a conjunction 和 has a word after it (张立和李明)
    ("林金和，男，汉族，1960年生。", (("林金和", None, ()),)),
    ("厂长林金和说，产量翻了一番。", (("林金和", "executive", (("厂长", None),)),)),
    ("会议由王建国主持，孙用和、朱英培等出席。",
     (("王建国", None, ()), ("孙用和", None, ()), ("朱英培", None, ()))),
    ("会议由张立和李明主持。", (("张立", None, ()), ("李明", None, ()))),
    ("记者张立和在场的群众交谈。", (("张立", "journalist", (("记者", None),)),)),
    ("演员陈强、“胡汉三”刘江和“李向阳”郭振清出席。",
     (("陈强", None, ()), ("刘江", None, ()), ("郭振清", None, ()))),
    # a well-known name inside a longer name read after a title is no mention
    ("国务院台湾事务办公室主任陈云林在发言中说。",
     (("陈云林", "official", (("主任", "国务院台湾事务办公室"),)),)),
    ("陈云同志的文选出版，主任陈云林表示祝贺。",
     (("陈云", "official", ()), ("陈云林", "official", (("主任", None),)))),
    # ...but another office does not (the 省长 is not the 省委's)
    ("浙江省委书记易炼红、省长王浩出席。",
     (("易炼红", "official", (("书记", "浙江省委"),)), ("王浩", "official", (("省长", None),)))),
    ("浙江大学党委书记任少波、校长杜江峰出席。",
     (("任少波", "official", (("党委书记", "浙江大学"),)), ("杜江峰", "scholar", (("校长", None),)))),
)

NEGATIVE: tuple[str, ...] = (
    "全省生产总值增长5.5%，一般公共预算收入增长1.2%。",
    "讲文明、树新风，高水平推进现代化建设。",
    "相关部门负责人表示，将加快推进。",
    "这些企业明白，创新是第一动力。",
    "体育的张力不断增强。",  # after 的, a two-character unknown "name" is a word
    "支持郑开、郑新、郑焦等线路建设。",  # place-pair abbreviations in a list
    "以万马奔腾的气势奋进。",  # a known name (马奔腾) cutting an idiom
    # an occupation word before a surname that starts an ordinary word, or
    # inside a longer word (山村|民居), or before a rare surname (战|隆冬)
    "发扬主人翁精神，召开职工代表大会，坚持群众路线。",
    "山村民居建筑别具一格。",
    "组织专门班子与演员相结合。",
    "一派石油工人战隆冬的热烈景象。",
    "支持医生安心工作，引导农民增收。",
    "书记和市长出席，心态平和，缓和、温和。",
    # A work report names few people: untitled names need a word only a
    # person takes after them (同志, 表示), not 等 or punctuation.
    "政府工作报告。这是我们的荣光，引进京东方、沃尔沃等重大项目。",
)
