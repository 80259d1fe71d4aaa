from __future__ import annotations

import pytest
from tok_helpers import SENTENCES, check_tokens

from cnpolicy_extract.config import Config
from cnpolicy_extract.tokenize import Tokenizer, make_tokenizer
from cnpolicy_extract.tokenize.char_backend import CharTokenizer


@pytest.mark.parametrize("text", SENTENCES)
def test_char_tokens_follow_the_protocol(text: str) -> None:
    check_tokens(text, CharTokenizer().tokenize(text))


def test_char_is_one_token_per_visible_character() -> None:
    text = "增长 5%\n"
    assert [t.text for t in CharTokenizer().tokenize(text)] == ["增", "长", "5", "%"]


def test_char_has_no_tags_even_when_asked() -> None:
    assert all(t.tag is None for t in CharTokenizer().tokenize("增长五成", tag=True))


def test_make_tokenizer_builds_char_and_satisfies_the_protocol() -> None:
    tok = make_tokenizer(Config(tokenizer="char"))
    assert isinstance(tok, CharTokenizer)
    assert isinstance(tok, Tokenizer)
    assert tok.name == "char"
