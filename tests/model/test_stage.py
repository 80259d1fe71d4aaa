from __future__ import annotations

import subprocess
import sys

from cnpolicy_extract import Config
from cnpolicy_extract.model import ModelStage
from cnpolicy_extract.normalize import normalize
from cnpolicy_extract.state import DocState
from cnpolicy_extract.types import Mention, Organization, Person, Place


class FakeModel:
    """Stands in for EntityModel: fixed spans over the text it is given."""

    def __init__(self, spans: list[tuple[int, int, str]],
                 probs: dict[tuple[int, int, str], float] | None = None) -> None:
        self.spans = spans
        self.probs = probs  # span probabilities; None: every span is plausible

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        return self.spans

    def analyse(self, text: str, spans: list[tuple[int, int, str]]
                ) -> tuple[list[tuple[int, int, str]], list[float]]:
        return self.spans, [1.0 if self.probs is None else self.probs[s] for s in spans]


def _state(text: str) -> DocState:
    return DocState(norm=normalize(text), published=None, _tokenize=lambda t: [])


def test_config_model_none_never_loads_or_imports_the_model() -> None:
    code = (
        "import sys, cnpolicy_extract as ce\n"
        "from cnpolicy_extract.model import ModelStage\n"
        "cfg = ce.Config(model=None)\n"
        "ce.Extractor(cfg).extract('新华社北京电 张三在杭州市财政局工作。')\n"
        "assert ModelStage(cfg).model is None\n"
        "bad = [m for m in ('spacy', 'thinc', 'cnpolicy_extract.model.architectures') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_stage_adds_what_rules_missed_and_types_it() -> None:
    text = "张三与李四在杭州市会见了宏达科技有限公司和某某协会的代表。"
    stage = ModelStage(Config(model=None), labels=("PERSON", "LOC", "ORG"), override=(), exclusive=())
    spans = [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 9, "LOC"), (12, 20, "ORG"), (21, 25, "ORG")]
    assert [text[s:e] for s, e, _ in spans] == ["张三", "李四", "杭州市", "宏达科技有限公司", "某某协会"]
    stage.model = FakeModel(spans)  # type: ignore[assignment]
    state = _state(text)
    # rules already know 李四 (elsewhere) and the company
    state.people.append(Person("李四", (Mention(40, 42),)))
    state.organizations.append(Organization(12, 20, "宏达科技有限公司", "宏达科技有限公司", "company"))
    stage(state)
    assert {p.name: [(m.start, m.end) for m in p.mentions] for p in state.people} == {
        "李四": [(3, 5), (40, 42)], "张三": [(0, 2)]}
    assert [(p.start, p.end, p.name, p.level) for p in state.places] == [(6, 9, "杭州市", "city")]
    assert [(o.text, o.type) for o in state.organizations] == [
        ("宏达科技有限公司", "company"), ("某某协会", _suffix_type("协会"))]


def test_rules_policy_leaves_organisations_to_the_rules() -> None:
    text = "张三在某某协会工作。"
    stage = ModelStage(Config(model=None, model_policy="rules"))
    stage.model = FakeModel([(0, 2, "PERSON"), (3, 7, "ORG")])  # type: ignore[assignment]
    state = _state(text)
    stage(state)
    assert [p.name for p in state.people] == ["张三"] and state.organizations == []


def _suffix_type(suffix: str) -> str:
    from cnpolicy_extract.resources import read_tsv

    return next((r["type"] for r in read_tsv("org_suffixes.tsv") if r["suffix"] == suffix), "other")


def test_stage_offsets_index_the_original_text() -> None:
    text = "ＡＢ公司的王五说。"  # full-width letters: same length after normalising
    stage = ModelStage(Config(model=None))
    stage.model = FakeModel([(5, 7, "PERSON")])  # type: ignore[assignment]
    state = _state(text)
    stage(state)
    (p,) = state.people
    assert text[p.mentions[0].start:p.mentions[0].end] == "王五" == p.name


def test_default_model_is_resolved_but_not_loaded_until_used() -> None:
    stage = ModelStage(Config(model="default"))
    if stage.model is not None:
        assert not stage.model.loaded


def test_overriding_labels_replace_overlapping_rule_entities() -> None:
    from cnpolicy_extract.types import Place

    text = "北京大学的王小明和李四在上海。"
    stage = ModelStage(Config(model=None), labels=("PERSON", "LOC", "ORG"),
                       override=("ORG", "PERSON", "LOC"), exclusive=())
    stage.model = FakeModel([(0, 4, "ORG"), (5, 8, "PERSON"), (9, 11, "PERSON"), (12, 14, "LOC")])  # type: ignore[assignment]
    state = _state(text)
    state.places.append(Place(0, 2, "北京", "北京市", "province"))  # inside the model's 北京大学
    state.places.append(Place(12, 14, "上海", "上海市", "province"))  # same span: the richer rule place stays
    state.people.append(Person("王小", (Mention(5, 7), Mention(30, 32))))  # boundary differs
    state.people.append(Person("李四", (Mention(9, 11),), "official"))  # same span: the rule entity stays
    stage(state)
    assert [(p.text, p.level) for p in state.places] == [("上海", "province")]
    assert [o.text for o in state.organizations] == ["北京大学"]
    people = {p.name: ([(m.start, m.end) for m in p.mentions], p.role) for p in state.people}
    assert people == {"王小": ([(30, 32)], None), "李四": ([(9, 11)], "official"), "王小明": ([(5, 8)], None)}


def test_model_policy_makes_organisations_the_models_alone() -> None:
    text = "北京大学和县委宣传部的王五。"
    stage = ModelStage(Config(model=None, model_policy="model"))
    stage.model = FakeModel([(0, 4, "ORG")])  # type: ignore[assignment]
    state = _state(text)
    state.organizations.append(Organization(0, 4, "北京大学", "北京大学", "university"))
    state.organizations.append(Organization(5, 10, "县委宣传部", "县委宣传部", "party"))
    stage(state)
    assert [(o.text, o.type) for o in state.organizations] == [("北京大学", "university")]


def test_model_policy_keeps_rule_entities_the_model_finds_plausible() -> None:
    text = "代表团访问象山，增进友谊。王五和赵六说。"
    stage = ModelStage(Config(model=None, model_policy="model"))
    stage.model = FakeModel([], {(5, 7, "LOC"): 0.3, (10, 12, "LOC"): 0.0001,  # type: ignore[assignment]
                                 (13, 15, "PERSON"): 0.2, (16, 18, "PERSON"): 0.001})
    state = _state(text)
    state.places.append(Place(5, 7, "象山", "象山县", "county"))
    state.places.append(Place(10, 12, "友谊", "友谊县", "county"))
    state.people.append(Person("王五", (Mention(13, 15),)))
    state.people.append(Person("赵六", (Mention(16, 18),)))
    stage(state)
    assert [p.text for p in state.places] == ["象山"]
    assert [p.name for p in state.people] == ["王五"]
    # the rules policy keeps what the rules found
    keep = ModelStage(Config(model=None, model_policy="rules"))
    keep.model = stage.model
    state = _state(text)
    state.places.append(Place(10, 12, "友谊", "友谊县", "county"))
    keep(state)
    assert [p.text for p in state.places] == ["友谊"]


def test_model_policy_keeps_one_character_people() -> None:
    text = "江主席说，张三同意。"
    for policy, want in (("model", ["江", "张三"]), ("rules", ["张三"])):
        stage = ModelStage(Config(model=None, model_policy=policy))
        stage.model = FakeModel([(0, 1, "PERSON"), (5, 7, "PERSON")])  # type: ignore[assignment]
        state = _state(text)
        stage(state)
        assert [p.name for p in state.people] == want


def test_model_policy_organisations_drop_the_figures_inside_them() -> None:
    from cnpolicy_extract.types import Figure

    text = "河北省保定市交警三大队八中队的民警和三个大队。"
    for policy, figures in (("model", ["三个"]), ("rules", ["三大队", "八中队", "三个"])):
        stage = ModelStage(Config(model=None, model_policy=policy))
        stage.model = FakeModel([(0, 14, "ORG")])  # type: ignore[assignment]
        state = _state(text)
        state.figures.extend([Figure(8, 11, "三大队", 3.0), Figure(11, 14, "八中队", 8.0),
                              Figure(19, 21, "三个", 3.0)])
        stage(state)
        assert [f.text for f in state.figures] == figures
        orgs = ["河北省保定市交警三大队八中队"] if policy == "model" else []
        assert [o.text for o in state.organizations] == orgs


def test_model_policy_organisations_are_the_models_even_when_it_finds_nothing() -> None:
    stage = ModelStage(Config(model=None, model_policy="model"))
    stage.model = FakeModel([])  # type: ignore[assignment]
    state = _state("你的速递公司也许能办。")
    state.organizations.append(Organization(2, 6, "速递公司", "速递公司", "company"))
    stage(state)
    assert state.organizations == []


def test_unknown_model_policy_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="model_policy"):
        Config(model_policy="both")


def test_model_places_get_level_parent_and_code_from_the_gazetteer() -> None:
    text = "他去了诸暨和某某村，又到了朝阳。"
    stage = ModelStage(Config(model=None), labels=("LOC",), override=(), exclusive=())
    stage.model = FakeModel([(3, 5, "LOC"), (6, 9, "LOC"), (13, 15, "LOC")])  # type: ignore[assignment]
    state = _state(text)
    stage(state)
    got = {p.text: (p.name, p.level, p.parent, p.code) for p in state.places}
    assert got["诸暨"] == ("诸暨市", "county", "绍兴市", "330681")
    assert got["某某村"] == ("某某村", None, None, None)  # unknown: name only
    assert got["朝阳"][1:] == (None, None, None)  # 朝阳 names a city and districts: not guessed


def test_exclusive_people_keep_only_the_mentions_the_model_agrees_with() -> None:
    text = "王五和赵六见面。"
    stage = ModelStage(Config(model=None), labels=("PERSON",), override=(), exclusive=("PERSON",))
    stage.model = FakeModel([(0, 2, "PERSON")])  # type: ignore[assignment]
    state = _state(text)
    state.people.append(Person("王五", (Mention(0, 2), Mention(20, 22))))
    state.people.append(Person("赵六", (Mention(3, 5),)))
    stage(state)
    assert {p.name: [(m.start, m.end) for m in p.mentions] for p in state.people} == {"王五": [(0, 2)]}
