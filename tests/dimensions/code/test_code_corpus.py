"""The codes corpus (src/.../dimensions/code/corpus.py) as one parametrised test,
plus sentence fixtures with offsets and Hypothesis properties."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
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


_PHRASE_CHARS = "等的和为是中上推动作已全部性战略产业集群工程行动计划体系建设科技创新政策重大项目方案"


def _head_per_noun(phrase: str, heads: tuple[str, ...]) -> str | None:
    # the definition: every occurrence of every head noun, then the longest head at each step
    from cnpolicy_extract.dimensions.code import resolve

    ends = sorted({k + len(h) for h in heads for k in range(len(phrase)) if phrase.startswith(h, k)
                   and not phrase.startswith("性", k + len(h))})
    if not ends:
        return None
    e = ends[0]
    while True:
        nxt = next((h for h in heads if phrase.startswith(h, e)), None)
        if nxt is None or nxt in resolve._NEW_PROGRAMME:
            break
        if any(phrase[e + len(nxt):].startswith(p) for p in resolve._NEW_PROGRAMME):
            break
        e += len(nxt)
    return phrase[:e]


def _head_words() -> list[str]:
    from cnpolicy_extract.dimensions.code import load_lexicon

    return list(load_lexicon().heads.words)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PHRASE_CHARS, max_size=10)
       | st.lists(st.sampled_from([*_head_words(), "性", "新", "的"]), max_size=5).map("".join))
def test_phrase_head_tables_read_like_a_search_per_head(phrase: str) -> None:
    # Head nouns looked up by their last character give what one search per head gives.
    from cnpolicy_extract.dimensions.code import load_lexicon, resolve

    heads = load_lexicon().heads
    assert resolve._phrase_head(phrase, heads) == _head_per_noun(phrase, heads.words)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*"“”‘’\"'「」『』", "数据要素×", "链长+链主", "12X", "一体化", "2024"])
                | st.text(alphabet="一两双十X+×x013a的体化批，\n ", max_size=4), max_size=12).map("".join))
@example("推进“数据要素×”和'415X'，“链长+链主”“一体化”“2024”工程")
@example('推进"的"415X"工程，‘的’315’')
def test_quoted_skips_only_bodies_without_a_numeral(text: str) -> None:
    # quoted() skips bodies has_numeral would reject in the pattern; nothing else changes.
    import re

    from cnpolicy_extract.dimensions.code import load_lexicon, rules

    lex = load_lexicon()
    plain = re.compile(r"[“‘「『\"']([^“”‘’「」『』\"'，。；：！？,;:!?\n]{1,12})[”’」』\"']")
    want = [m.span(1) for m in plain.finditer(text)
            if m.group(0)[-1] == rules._QUOTES[m.group(0)[0]] and m.group(1).strip() == m.group(1)
            and rules.has_numeral(m.group(1), lex.idioms)
            and not (rules._BARE_QUANTITY.fullmatch(m.group(1)) and not rules._has_head_after(text, m.end()))]
    assert [(c.start, c.end) for c in rules.quoted(text, lex.idioms, lex.any_idiom)] == want


def _before_stop_by_list(phrase: str) -> str:
    # The definition: each stop word in list order, cut at its first
    # occurrence in what the earlier ones left.
    from cnpolicy_extract.dimensions.code import resolve

    for stop in resolve._PHRASE_STOP:
        k = phrase.find(stop)
        if k >= 0:
            phrase = phrase[:k]
    return phrase


def _stop_pieces() -> list[str]:
    from cnpolicy_extract.dimensions.code import resolve

    return [*resolve._PHRASE_STOP, "作", "推", "加", "工程", "体系", "新"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_stop_pieces()), max_size=6).map("".join))
@example("新作为")  # 为 is listed before 作为: the cut falls inside 作为
@example("推动加快的")
def test_before_stop_cuts_like_the_stop_list(phrase: str) -> None:
    from cnpolicy_extract.dimensions.code import resolve

    assert resolve._before_stop(phrase) == _before_stop_by_list(phrase)


def test_before_stop_examples() -> None:
    from cnpolicy_extract.dimensions.code import resolve

    assert resolve._before_stop("产业集群的培育") == "产业集群"
    assert resolve._before_stop("新作为") == "新作"  # not 新: 为 cuts before 作为's turn
    assert resolve._before_stop("产业集群") == "产业集群"
