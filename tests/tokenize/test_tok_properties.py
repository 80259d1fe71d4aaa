"""Hypothesis: every backend tokenises any str without raising, per the protocol."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tok_helpers import check_tokens

from cnpolicy_extract.tokenize.char_backend import CharTokenizer
from cnpolicy_extract.tokenize.jieba_backend import JiebaTokenizer
from cnpolicy_extract.tokenize.pkuseg_backend import PkusegTokenizer

# Any code point, plus text dense in what the backends treat specially.
TEXTS = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from(list("增长百分之五亿元１２．５％0123456789.%-+#&_ \n\t　“”，。Xab")),
            max_size=200),
)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=TEXTS)
def test_char_never_raises(text: str) -> None:
    check_tokens(text, CharTokenizer().tokenize(text))


@SETTINGS
@given(text=TEXTS, tag=st.booleans())
def test_jieba_never_raises(jieba_tok: JiebaTokenizer, text: str, tag: bool) -> None:
    check_tokens(text, jieba_tok.tokenize(text, tag=tag))


@pytest.fixture(scope="module")
def pkuseg_tok(pkuseg_model: Path) -> PkusegTokenizer:
    return PkusegTokenizer(pkuseg_model)


@SETTINGS
@given(text=TEXTS)
def test_pkuseg_never_raises(pkuseg_tok: PkusegTokenizer, text: str) -> None:
    check_tokens(text, pkuseg_tok.tokenize(text))
