from __future__ import annotations

import pytest

from cnpolicy_extract.tokenize.lexicon import (
    LEXICON_SOURCES,
    LexiconSource,
    clean_word,
    lexicon_words,
    resource_files,
)


@pytest.mark.parametrize("source", LEXICON_SOURCES, ids=lambda s: s.pattern)
def test_every_declared_source_that_exists_yields_words(source: LexiconSource) -> None:
    # A lexicon that exists but gives nothing means its columns were renamed:
    # fix LEXICON_SOURCES rather than silently losing the words.
    files = resource_files(source.pattern)
    if not files:
        pytest.skip(f"{source.pattern} does not exist yet")
    for name in files:
        one = LexiconSource(name, source.columns, source.tag, source.sep)
        assert lexicon_words([one]), f"{name}: no usable words in columns {source.columns or 'first'}"


def test_missing_files_are_tolerated() -> None:
    assert lexicon_words([LexiconSource("no_such_lexicon_*.tsv", ("word",))]) == {}


def test_the_first_source_naming_a_word_sets_its_tag() -> None:
    a = LexiconSource("program_codes.tsv", ("code",), tag="nz")
    b = LexiconSource("program_codes.tsv", ("code",), tag="n")
    words = lexicon_words([a, b])
    assert words and set(words.values()) == {"nz"}


def test_programme_codes_become_words() -> None:
    words = lexicon_words()
    assert "八八战略" in words and "415X" in words


@pytest.mark.parametrize(("raw", "word"), [
    ("新质生产力", "新质生产力"),
    ("  “八八战略”  ", "八八战略"),
    ("《专精特新》", "专精特新"),
    ("４１５Ｘ", "415X"),  # tokenizers see normalised text
    ("C919", "C919"),
])
def test_clean_word_keeps(raw: str, word: str) -> None:
    assert clean_word(raw) == word


@pytest.mark.parametrize("raw", ["", "局", "两 个", "{prov}人民政府", "中共中央、国务院", "A/B"])
def test_clean_word_drops_what_jieba_could_never_return_whole(raw: str) -> None:
    assert clean_word(raw) is None
