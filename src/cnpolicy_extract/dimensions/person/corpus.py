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
)

NEGATIVE: tuple[str, ...] = (
    "全省生产总值增长5.5%，一般公共预算收入增长1.2%。",
    "讲文明、树新风，高水平推进现代化建设。",
    "相关部门负责人表示，将加快推进。",
    "这些企业明白，创新是第一动力。",
)
