"""The codes corpus (src/.../dimensions/code/corpus.py) as one parametrised test,
plus sentence fixtures with offsets and Hypothesis properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnpolicy_extract import Config, Extractor
from cnpolicy_extract.dimensions.code import corpus

EX = Extractor(Config(kinds=frozenset({"codes"}), model=None))
CASES = [(t, exp) for t, exp in corpus.POSITIVE] + [(t, ()) for t in corpus.NEGATIVE]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:14] for t, _ in CASES])
def test_corpus(text: str, expected: tuple[tuple[str, str | None], ...]) -> None:
    got = tuple((c.code, c.kind) for c in EX.extract(text).codes)
    assert got == expected


@pytest.mark.parametrize(("text", "start", "end", "code"), [
    ("建设“415X”产业集群", 3, 7, "415X"),
    ("三个“一号工程”和“十项重大工程”", 3, 7, "一号工程"),
    ("实施‘３１５’工程", 3, 6, "315"),
])
def test_offsets_inside_quotes(text: str, start: int, end: int, code: str) -> None:
    c = EX.extract(text).codes[0]
    assert (c.start, c.end, c.code) == (start, end, code)
    assert text[c.start:c.end] == c.text


def test_registry_gives_meaning_unknown_quoted_still_found() -> None:
    doc = EX.extract("践行“八八战略”，推进“九九工程”。")
    by_code = {c.code: c for c in doc.codes}
    assert by_code["八八战略"].meaning
    assert "九九工程" in by_code and by_code["九九工程"].meaning is None


def test_bare_number_needs_evidence() -> None:
    assert EX.extract("今年新增315家企业。").codes == ()
    assert [c.code for c in EX.extract("推进315科技创新体系建设").codes] == []  # no quotes, no 工程 glued
    assert [c.code for c in EX.extract("参与211工程建设").codes] == ["211"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("“”‘’\"十四五八战略工程+X1234一二两双的。、 ａ１")), max_size=40)
       | st.text(max_size=40))
def test_properties(text: str) -> None:
    a = EX.extract(text).to_dict()["codes"]
    assert a == EX.extract(text).to_dict()["codes"]
    for c in a:
        assert text[c["start"]:c["end"]] == c["text"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123.aX+工计程划战略体系x 十四五", max_size=24))
def test_numbered_tries_every_digit_run_that_can_be_a_code(text: str) -> None:
    # Trying the code pattern at every digit-run start finds the same codes.
    import regex

    from cnpolicy_extract.dimensions.code import rules

    every_run = regex.compile(r"(?<![0-9A-Za-z.])[0-9]")
    want = [(m.start(), m.end()) for m in rules._FIVE_YEAR.finditer(text)]
    want += [d.span(1) for m in every_run.finditer(text) if (d := rules._DIGIT_CODE.match(text, m.start()))]
    assert [(c.start, c.end) for c in rules.numbered(text)] == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三四五十百千万两双体批流线起道带路X+×数据要素链", min_size=1, max_size=12))
def test_idiom_search_first_masks_like_every_idiom(body: str) -> None:
    # One search for any idiom before masking them one by one changes nothing.
    from cnpolicy_extract.dimensions.code import load_lexicon, rules

    lex = load_lexicon()
    assert rules.has_numeral(body, lex.idioms, lex.any_idiom) == rules.has_numeral(body, lex.idioms)
