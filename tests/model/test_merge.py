from __future__ import annotations

import pytest

from cnpolicy_extract.model.merge import merge, union

RULES = [(0, 3, "PERSON"), (10, 20, "ORG"), (12, 14, "LOC")]


@pytest.mark.parametrize(("cand", "kept"), [
    ((0, 3, "PERSON"), False),    # rules already have it
    ((4, 6, "PERSON"), True),     # rules missed it
    ((2, 5, "PERSON"), False),    # overlaps a rule span: rules win
    ((19, 23, "ORG"), False),     # overlaps the end of a rule organisation
    ((15, 16, "LOC"), False),     # nested inside a rule span
    ((20, 22, "LOC"), True),      # touches a rule span without overlapping
    ((30, 31, "PERSON"), False),  # one-character person: noise
    ((30, 31, "LOC"), True),      # one-character place abbreviations exist
])
def test_rules_win_and_model_adds_what_they_missed(cand: tuple[int, int, str], kept: bool) -> None:
    assert (merge(RULES, [cand]) == [cand]) is kept


def test_model_spans_do_not_overlap_each_other_and_labels_filter() -> None:
    cands = [(30, 34, "ORG"), (32, 35, "LOC"), (40, 42, "PERSON")]
    assert merge([], cands) == [(30, 34, "ORG"), (40, 42, "PERSON")]
    assert merge([], cands, labels={"PERSON"}) == [(40, 42, "PERSON")]


def test_union_keeps_every_rule_span() -> None:
    out = union(RULES, [(4, 6, "PERSON"), (2, 5, "PERSON")])
    assert set(RULES) <= set(out) and (4, 6, "PERSON") in out and (2, 5, "PERSON") not in out


@pytest.mark.parametrize(("surface", "label", "ok"), [
    ("王小明", "PERSON", True),
    ("约翰·史密斯", "PERSON", True),
    ("菲)", "PERSON", False),       # a bracket is never part of a name
    ("王小明\n李", "PERSON", False),
    ("12", "PERSON", False),
    ("中国(深圳)研究院", "ORG", True),  # brackets inside an organisation are fine
    ("(深圳)研究院", "ORG", False),     # … but not at its edge
    ("《党建》杂志社", "ORG", True),     # a paper's own office
    ("《党建》", "ORG", False),
    ("“杭州", "LOC", False),
    ("G20", "LOC", True),
])
def test_well_formed_model_spans(surface: str, label: str, ok: bool) -> None:
    from cnpolicy_extract.model.merge import well_formed

    assert well_formed(surface, label) is ok


@pytest.mark.parametrize(("text", "span", "inside_quote"), [
    ("依托“杭州港”解决", (3, 5), True),       # a brand name beginning with a place
    ("越剧《新龙门客栈》成为", (3, 6), True),
    ("“杭州港”和杭州", (6, 8), False),        # the same place outside the quote
    ("他说“我们在杭州工作了很多很多很多年”", (6, 8), False),  # a long quotation is speech, not a name
    ("“杭州", (1, 3), False),                 # no closing mark
])
def test_short_quotations_and_titles(text: str, span: tuple[int, int], inside_quote: bool) -> None:
    from cnpolicy_extract.model.merge import inside, quoted

    assert inside(quoted(text), *span) is inside_quote
