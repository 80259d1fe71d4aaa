"""Personal names without a title: candidates from a surname lexicon and
jieba's dictionary of names, decided by rules on boundaries and context.

The name knowledge (``NameModel``) is read once from jieba's own dictionary
file (``dict.txt`` in the installed package, MIT licence): words tagged
``nr`` are names, the other words are ordinary vocabulary that a name must
not be glued into (紧张, 方面), and the characters after a surname in ``nr``
words are the plausible given-name characters. Where a candidate is not a
known name, the extractor's tokenizer is asked about a few characters around
it (``state.tokens_in``): the name must not cut through a token.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import ahocorasick
import regex

from ...resources import read_tsv
from ...tokenize import Token
from . import chars
from .lexicon import CUE_WORD, PersonLexicon, WordIndex, after_word_at, scan_words, word_index
from .rules import _NOT_NAME, function_given_end, is_han, name_at, surname_len

_HAN = regex.compile(r"\p{Han}")
# Glue thresholds: how common a word must be to say a character belongs to it.
_GLUE_FREQ = 300
_COMMON_FREQ = 30
_GIVEN_MIN = 2
_GIVEN_WORD_FREQ = 300  # 高|文化, 高|水平: the "given name" is a common word
_GIVEN_WORD_FREQ_KNOWN = 10**9  # a known name keeps a common given name (王|建国)
_GIVEN_WORD_FREQ_WEAK = 50  # after a rare surname (相|衔接) even a rarer word decides
_STRONG_SURNAME = 0.25
_NR2_WORD_FREQ = 100  # a two-character "name" this frequent is a word (文明, 田野)
# A paragraph-final parenthesised by-line of names only.
_BYLINE = regex.compile(r"(?<=[。！？”」])[（(](\p{Han}{2,12})[）)](?=\s*(?:\n|$))")
# Where _BYLINE may match: an opening bracket (str.find skips to the few
# there are) after one of these.
_BYLINE_BRACKETS = "（("
_BYLINE_BEFORE = "。！？”」"


@dataclass(frozen=True, slots=True)
class NameModel:
    foreign: ahocorasick.Automaton  # jieba ``nr`` words written in transliteration characters
    known: frozenset[str]  # jieba ``nr`` words of 2–3 characters starting with a surname
    common: dict[str, int]  # other words of 2–3 characters → frequency
    given: dict[str, int]  # given-name character → count
    surname_share: dict[str, float]  # how often a word starting with this surname is a name
    left_cues: frozenset[str]
    translit: frozenset[str]
    # class bits of every character (``chars``): surname characters, cues,
    # closers, transliteration characters; where candidates can start
    classes: chars.Classes
    surname_firsts: frozenset[str]  # first characters of every surname
    famous: frozenset[str]  # jieba ``nrfg`` words (李强, 王毅): names of public figures, not words
    # the lexicon's words and the left cues of two characters or more
    # (``lexicon.scan_words``: all in one pass)
    words: WordIndex
    # characters a given name may hold: Han, not in _NOT_NAME, seen at least
    # _GIVEN_MIN times after a surname
    given_ok: frozenset[str] = frozenset()


def load_model(lex: PersonLexicon) -> NameModel:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    translit = frozenset("".join(r["chars"] for r in read_tsv("person_translit_chars.tsv")))
    foreign = ahocorasick.Automaton()
    known: set[str] = set()
    famous: set[str] = set()
    common: dict[str, int] = {}
    given: Counter[str] = Counter()
    name_freq: Counter[str] = Counter()
    all_freq: Counter[str] = Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                continue
            w, freq, tag = parts[0], int(parts[1]), parts[2]
            all_freq[w[0]] += freq
            if tag == "nr":
                sn = surname_len(w, 0, lex)
                if len(w) >= 3 and all(c in translit for c in w):
                    foreign.add_word(w, w)
                if sn and 2 <= len(w) <= sn + 2:
                    given.update(w[sn:])
                    name_freq[w[0]] += freq
                    # Two-character nr words are mostly ordinary words
                    # (文明, 明白); reduplications (白花花) are not names.
                    if len(w) == sn + 2 and w[-1] != w[-2]:
                        known.add(w)
                    elif len(w) == sn + 1 and freq >= _NR2_WORD_FREQ:
                        common[w] = freq
            elif 2 <= len(w) <= 3:
                common[w] = freq
                if tag == "nrfg" and surname_len(w, 0, lex):
                    famous.add(w)
    if len(foreign) == 0:
        foreign.add_word("\x00", "\x00")
    foreign.make_automaton()
    share = {c: name_freq[c] / all_freq[c] for c in lex.surnames if all_freq[c]}
    left = frozenset(r["word"] for r in read_tsv("person_left_cues.tsv"))
    firsts = frozenset(x[0] for x in lex.surnames)
    classes = chars.table(firsts, (c for c in left if len(c) == 1), lex.after_first, translit)
    kinds = dict(lex.kinds)
    for w in left:
        if len(w) > 1:
            kinds[w] = kinds.get(w, 0) | CUE_WORD
    words = word_index(kinds)
    return NameModel(foreign, frozenset(known), common, dict(given), share, left, translit, classes, firsts,
                     frozenset(famous), words,
                     frozenset(ch for ch, k in given.items()
                               if k >= _GIVEN_MIN and ch not in _NOT_NAME and is_han(ch)))


def is_word(w: str, m: NameModel) -> bool:
    """An ordinary word rather than a name (来说, 文明)."""
    return m.common.get(w, 0) >= _COMMON_FREQ


def _word_inside(w: str, sn: int, m: NameModel) -> bool:
    """The surname and the first given character make a common word (纪念|章)."""
    return len(w) > sn + 1 and m.common.get(w[:sn + 1], 0) >= _GLUE_FREQ


_HONORIFICS = frozenset(("先生", "女士", "老总", "同志", "总理", "主席", "书记", "部长", "老师", "师傅",
                         "大爷", "大妈", "阿姨"))


def _honorific(text: str, j: int, lex: PersonLexicon) -> bool:
    """A title or an after-name word right after the surname (周|总理, 胡|先生)."""
    two = text[j:j + 2]
    return two in _HONORIFICS or two in lex.titles or text[j:j + 3] in lex.titles


def plausible_after_title(text: str, s: int, e: int, lex: PersonLexicon, m: NameModel) -> bool:
    """A name read right after a title: not a word (来说), and a rare surname
    only in a known or a closed three-character name (not 记者|来接)."""
    w = text[s:e]
    sn = surname_len(text, s, lex)
    if w not in m.famous and (is_word(w, m) or _word_inside(w, sn, m)):
        return False  # 记者|来说; but 总理|李强 (a public figure jieba lists as a word)
    strong = sn == 2 or m.surname_share.get(text[s], 0.0) >= _STRONG_SURNAME
    # A rare surname (于, 查) after a title still starts a full three-character
    # name closed by a cue (首席执行官于英涛|介绍).
    closed_by_mark = e >= len(text) or not is_han(text[e])  # 记者高渊）
    return strong or w in m.known or closed_by_mark or (len(w) == sn + 2 and _right_cue(text, e, lex))


def _glued_left(text: str, i: int, m: NameModel) -> bool:
    """text[i] belongs to an ordinary word starting before it (紧|张)."""
    c = m.common
    if i >= 1 and c.get(text[i - 1:i + 1], 0) >= _GLUE_FREQ:
        return True
    return i >= 2 and c.get(text[i - 2:i + 1], 0) >= _GLUE_FREQ


def _glued_right(text: str, e: int, m: NameModel) -> bool:
    """text[e-1] belongs to an ordinary word going on after it."""
    c, n = m.common, len(text)
    if e + 1 <= n and c.get(text[e - 1:e + 1], 0) >= _GLUE_FREQ:
        return True
    return e + 2 <= n and c.get(text[e - 1:e + 2], 0) >= _GLUE_FREQ


def _left_cue(text: str, i: int, m: NameModel, title_ends: set[int]) -> bool:
    if i == 0 or i in title_ends:
        return True
    prev = text[i - 1]
    if not is_han(prev):
        return not prev.isalnum()  # punctuation, not a number (5000|万人)
    return prev in m.left_cues or (i >= 2 and text[i - 2:i] in m.left_cues)


def _right_cue(text: str, e: int, lex: PersonLexicon) -> bool:
    if e >= len(text):
        return True
    c = text[e]
    if c not in lex.after_first:  # most characters: one set lookup
        return not is_han(c) and not c.isalnum()
    return after_word_at(text, e, lex)


def _personal_right(text: str, e: int, lex: PersonLexicon) -> bool:
    """An after-name word only a person takes (同志, 表示, 说): two characters
    or more, or 说/称; not 的, 等, 和 nor punctuation."""
    c = text[e:e + 1]
    return c in ("说", "称") or any(text.startswith(w, e) for w in lex.personal_after.get(c, ()))


def _tokens_agree(s: int, e: int, toks: list[Token]) -> bool:
    """No token crosses the name's edges."""
    return not any(t.start < s < t.end or t.start < e < t.end for t in toks)


_DOT_NAME = regex.compile(r"\p{Han}+(?:·\p{Han}+)+")
# function characters that never go on a ·-joined name (吉内特·哈姆利|在|华盛顿|对…)
_DOTTED_STOP = frozenset("对和与是的等为向将从被把了也都")
_DOTTED_PART_MAX = 8
# how often jieba's dictionary must have seen a word (提议 1748) for it to be
# read as run on into a ·-joined name rather than part of it
_RUN_ON_FREQ = 1000


def _only_inside(occ: bytearray, out: list[tuple[int, int]], s: int, e: int) -> bool:
    """Every taken position of [s, e) lies in a name of ``out`` that [s, e)
    contains (吉内特 inside 吉内特·哈姆利): the longer name may replace them."""
    inner = [(a, b) for a, b in out if s <= a and b <= e]
    covered = bytearray(e - s)
    for a, b in inner:
        covered[a - s:b - s] = b"\x01" * (b - a)
    return all(covered[k - s] for k in range(s, e) if occ[k])


def _drop_inside(out: list[tuple[int, int]], occ: bytearray, s: int, e: int) -> None:
    """Remove the names of ``out`` inside [s, e) and free their positions."""
    for a, b in [x for x in out if s <= x[0] and x[1] <= e]:
        out.remove((a, b))
        occ[a:b] = bytes(b - a)


def dotted_end(text: str, e: int, lex: PersonLexicon, translit: frozenset[str]) -> int:
    """The end of the ·-joined parts of a name from ``e`` (艾尔肯|·吐尼亚孜):
    each part is two to eight Han characters, ending before a function
    character or a word that follows names (说, 在, 主持), and before two or
    more characters after its last transliteration character (托马斯|替代;
    one may stay: 吐尼亚孜). ``e`` itself when no such part follows."""
    n = len(text)
    while text.startswith("·", e):
        r = e + 1
        while r < n and r - e <= _DOTTED_PART_MAX and is_han(text[r]) and text[r] not in _DOTTED_STOP \
                and not (r - e > 2 and after_word_at(text, r, lex)):
            r += 1
        last = r
        while last > e + 1 and text[last - 1] not in translit:
            last -= 1
        if last > e + 1 and r - last >= 2:
            r = last
        if r - (e + 1) < 2:
            break
        e = r
    return e


def dotted_verb_cut(text: str, e: int, m: NameModel,
                    tokens_in: Callable[[int, int], list[Token]] | None) -> int:
    """The end of a ·-joined name ending at ``e`` without a verb run on into
    it (谢赫·哈西娜|提议, where 提 is also a transliteration character): a
    frequent word of jieba's (not a name) holding the name's last character,
    starting two characters or more into the last part and holding one
    character that transliterates no name, is no part of it. Words running
    on into a function character (哈姆利|在: 利在) are jieba's guesses, not
    words. ``e`` itself when no such word is found."""
    part = text.rfind("·", 0, e) + 1
    if tokens_in is None or e - part < 3:
        return e
    for t in tokens_in(part, min(len(text), e + 1)):
        if t.start < e <= t.end and t.start >= part + 2 and t.end - t.start >= 2 \
                and m.common.get(t.text, 0) >= _RUN_ON_FREQ \
                and any(c not in m.translit for c in t.text) \
                and not any(c in _DOTTED_STOP for c in text[e:t.end]):
            return t.start
    return e


def _han_run_start(text: str, k: int) -> int:
    j = k
    while j > 0 and k - j < 12 and is_han(text[j - 1]):
        j -= 1
    return j


def _candidate_starts(text: str, m: NameModel, title_ends: set[int], lex: PersonLexicon,
                      cls: chars.Classes, cue_words: list[tuple[int, str]]) -> list[int]:
    """Where a name may start: a surname after a cue (punctuation, 、, 由,
    会见, a title), or the start of a name jieba knows. Everything else needs
    both, so these positions are all the rules ever accept. ``cls``: the
    text's character classes (``chars.classify``, without the surnames
    inside taken spans: no name starts there); ``cue_words``: the left cues
    of two characters (``lexicon.scan_words``)."""
    starts = set(chars.cued_surnames(cls))
    starts.update(_after_cue_words(text, m.surname_firsts, cue_words))
    firsts = m.surname_firsts
    starts.update(i for i in title_ends if text[i:i + 1] in firsts)
    # no cue before: only a known three-character name closed by a cue
    known = m.known
    starts.update(i for i in chars.closable_triples(cls)
                  if text[i:i + 3] in known and _closed_name3(text, i, lex))
    return sorted(starts)


def _after_cue_words(text: str, firsts: frozenset[str], cue_words: list[tuple[int, str]]) -> list[int]:
    """Surname characters right after a left cue word (会见|王), as a regex
    alternation of the cue words (in sorted order) followed by a surname
    character finds them scanning left to right: its matches do not overlap."""
    out: list[int] = []
    free_from = 0
    for end, w in sorted(cue_words, key=lambda h: (h[0] + 1 - len(h[1]), h[1])):
        if end + 1 - len(w) >= free_from and text[end + 1:end + 2] in firsts:
            out.append(end + 1)
            free_from = end + 2
    return out


def _closed_name3(text: str, i: int, lex: PersonLexicon) -> bool:
    """What ``closed_surname`` says at the start of a known three-character
    name: its given name in the basic CJK block, then punctuation, the end,
    or an after-name word (one set lookup for most)."""
    if not ("\u4e00" <= text[i + 1] <= "\u9fff" and "\u4e00" <= text[i + 2] <= "\u9fff"):
        return False
    j = i + 3
    if j >= len(text):
        return True
    c = text[j]
    if not ("\u4e00" <= c <= "\u9fff" or "0" <= c <= "9" or "A" <= c <= "Z" or "a" <= c <= "z"):
        return True
    return after_word_at(text, j, lex)


def _abbreviation_list(text: str, s: int, e: int) -> bool:
    """A two-character item of a 、 list sharing a character, at the same
    place, with the item next to it (郑开、郑新, 桑龙、城龙): abbreviations of
    place pairs, not people."""
    w = text[s:e]
    items = []
    if s >= 3 and text[s - 1] == "、":
        items.append(text[s - 3:s - 1])
    if text[e:e + 1] == "、":
        items.append(text[e + 1:e + 3])
    return any(len(x) == 2 and is_han(x[0]) and is_han(x[1]) and (x[0] == w[0] or x[1] == w[1])
               for x in items)


def _enclosed(text: str, s: int, e: int) -> bool:
    """The whole content of quotes or book-title marks (《满江红》, “金小丑”)."""
    return s > 0 and e < len(text) and text[s - 1] in "《“‘「\"" and text[e] in "》”’」\""


def _list_neighbours(text: str, lex: PersonLexicon, m: NameModel, s: int, e: int) -> list[tuple[int, int]]:
    """Names standing next to a name in a 、 list (沈国放、解振华)."""
    out = []
    if e < len(text) and text[e] == "、":
        i = e + 1
        sn = surname_len(text, i, lex)
        if sn:
            for L in (sn + 2, sn + 1):
                w = text[i:i + L]
                if len(w) == L and _listed_name(text, i, i + L, sn, lex, m) and _right_cue(text, i + L, lex):
                    out.append((i, i + L))
                    break
    if s > 1 and text[s - 1] == "、":
        for L in (3, 2, 4):
            i = s - 1 - L
            if i < 0:
                continue
            w = text[i:s - 1]
            sn = surname_len(w, 0, lex)
            if sn and len(w) in (sn + 1, sn + 2) and _listed_name(text, i, s - 1, sn, lex, m) \
                    and _left_cue(text, i, m, set()):
                out.append((i, s - 1))
                break
    return out


def _listed_name(text: str, s: int, e: int, sn: int, lex: PersonLexicon, m: NameModel) -> bool:
    """text[s:e] may be a name in a 、 list: a plain one, or one ending in
    a function character before a firm close (孙用和、朱英培; not 孙用|和)."""
    ends_function = function_given_end(text, s, sn, lex)
    if ends_function is not None:
        return ends_function == e and _plain_name(text[s:e - 1], sn, m)
    return _plain_name(text[s:e], sn, m)


def _plain_name(w: str, sn: int, m: NameModel) -> bool:
    return all(ch in m.given_ok for ch in w[sn:]) \
        and not is_word(w, m) and not _word_inside(w, sn, m)


def byline_names(text: str, lex: PersonLexicon, m: NameModel,
                 taken: bytearray | None = None) -> list[tuple[int, int]]:
    """Names in a paragraph-final by-line, written without separators:
    （邹蓬王国平张学辉） → 邹蓬, 王国平, 张学辉. ``taken``: one byte per
    character, 1 where a span is taken; a by-line taken whole (its one name
    found already) is not split."""
    out: list[tuple[int, int]] = []
    opens = [k for b in _BYLINE_BRACKETS for k in _find_all(text, b)
             if k > 0 and text[k - 1] in _BYLINE_BEFORE]
    for k in sorted(opens):
        mt = _BYLINE.match(text, k)
        if mt is None:
            continue
        s, e = mt.start(1), mt.end(1)
        if taken is not None and taken.find(0, s, e) < 0:
            continue
        best = _split_names(text, s, e, lex, m)
        if best:
            out.extend(best)
    return out


def _find_all(text: str, c: str) -> list[int]:
    """Every index of the character ``c`` in ``text``."""
    out = []
    k = text.find(c)
    while k >= 0:
        out.append(k)
        k = text.find(c, k + 1)
    return out


def _split_names(text: str, s: int, e: int, lex: PersonLexicon, m: NameModel) -> list[tuple[int, int]] | None:
    # best[i] = (score, spans) for text[s:i]
    best: dict[int, tuple[float, list[tuple[int, int]]]] = {s: (0.0, [])}
    for i in range(s, e):
        if i not in best:
            continue
        sn = surname_len(text, i, lex)
        if not sn:
            continue
        for L in (sn + 1, sn + 2):
            j = i + L
            if j > e or not _plain_name(text[i:j], sn, m):
                continue
            w = text[i:j]
            strong = sn == 2 or m.surname_share.get(text[i], 0.0) >= _STRONG_SURNAME
            score = best[i][0] + (2.0 if w in m.known else 0.0) + (1.0 if strong else 0.0) + 0.1 * (L - sn)
            if j not in best or best[j][0] < score:
                best[j] = (score, best[i][1] + [(i, j)])
    got = best.get(e)
    return got[1] if got and got[1] else None


@dataclass(slots=True)
class _Search:
    """One document's untitled-name search: the taken positions (``occ``:
    one byte per character and one more, 1 where a span is taken), the
    names taken (``out``), and names waiting on jieba (``waiting``). A
    name the caller already holds, found again, adds nothing but its
    taken positions: jieba is asked about it only when a later rule reads
    those (``settle``), and answers then what it would have answered at
    once (nothing between read them)."""

    text: str
    lex: PersonLexicon
    m: NameModel
    occ: bytearray
    tokens_in: Callable[[int, int], list[Token]] | None
    place_ends: frozenset[int]
    strict: bool
    out: list[tuple[int, int]] = field(default_factory=list)
    waiting: list[tuple[int, int]] = field(default_factory=list)  # never overlapping

    def free(self, s: int, e: int) -> bool:
        """No span taken in [s, e) (waiting names there settled first)."""
        if self.waiting:
            self.settle(s, e)
        return self.occ.find(1, s, e) < 0

    def take(self, s: int, e: int) -> None:
        self.out.append((s, e))
        self.occ[s:e] = b"\x01" * (e - s)

    def tokens_around(self, s: int, e: int) -> list[Token]:
        """jieba's tokens of the name and two characters on each side."""
        assert self.tokens_in is not None  # (None: nothing is asked)
        return self.tokens_in(max(0, s - 2), min(len(self.text), e + 2))

    def settle(self, s: int, e: int) -> None:
        """Ask jieba about the waiting names overlapping [s, e): taken
        where its tokens agree."""
        for a, b in [w for w in self.waiting if w[0] < e and s < w[1]]:
            self.waiting.remove((a, b))
            if _tokens_agree(a, b, self.tokens_around(a, b)):
                self.take(a, b)


def _verdict(d: _Search, i: int, sn: int, L: int, left: bool, known_long: bool,
             strong: bool) -> bool | None:
    """Whether the surname at ``i`` and ``L - sn`` given characters are a
    name: True, False, or None when jieba's tokens decide (they must not
    cut it). ``left``: a cue before it; ``known_long``: jieba knows the
    surname with two given characters; ``strong``: a common surname. Reads
    the taken positions, changes nothing."""
    text, lex, m = d.text, d.lex, d.m
    n = len(text)
    e = i + L
    if e > n:
        return False
    known = known_long and L == sn + 2
    right = _right_cue(text, e, lex)
    # what the decision below needs at least: both cues, or a known
    # name and one (a rare surname: a known name and both); test it
    # before the rules that look words up
    if not ((left and right) or (known and (left or right))) or (not strong and not known):
        return False
    w = text[i:e]
    given = w[sn:]
    # a function character ending the name (林金和，) is its own, and then
    # the shorter reading (林金|和) is no name
    ends_function = function_given_end(text, i, sn, lex)
    if ends_function is not None and L == sn + 1:
        return False
    given_plain = all(ch in m.given_ok for ch in given) \
        or (ends_function == e and given[0] in m.given_ok)
    if w[-1] in lex.not_final or not given_plain or not d.free(i, e) or _enclosed(text, i, e):
        return False
    if e < n and text[e] in m.translit and all(c in m.translit for c in w):
        return False  # the head of a longer foreign name (罗马尼|亚)
    if _word_inside(w, sn, m) and not (known and strong):
        return False
    given_limit = (_GIVEN_WORD_FREQ_KNOWN if known else _GIVEN_WORD_FREQ) if strong \
        else _GIVEN_WORD_FREQ_WEAK
    if m.common.get(w, 0) >= _COMMON_FREQ or m.common.get(given, 0) >= given_limit \
            or _glued_right(text, e, m):
        return False
    if not known and L == sn + 1 and (text[i - 1:i] == "的" or _abbreviation_list(text, i, e)):
        return False  # 我们的|荣光, 郑开、郑新、郑焦 (railway lines): words, not names
    if d.strict and not _personal_right(text, e, lex):
        return False  # (before jieba is asked)
    if not strong:
        return known and left and right
    # without a cue before it, a known name must not follow a
    # place (北京|马拉松) nor close only with a quote (喜|马拉雅”)
    # and punctuation alone does not close it (极目楚天舒，: a verse)
    bare_known = right and i not in d.place_ends and text[e:e + 1] not in "”’」"
    # a known name with a cue on one side only still must not cut
    # a word (万|马奔腾|的, 楚天舒|展)
    # (jieba is asked only when its answer decides)
    if (left and right and not known) or (known and not (left and right) and (left or bare_known)):
        return True if d.tokens_in is None else None
    return left and right


def _after_descriptor(d: _Search, i: int) -> int | None:
    """End of a name right after an occupation word ending at ``i``
    (建筑师|王澍|设计), read as after a title (``rules.name_at``): not an
    ordinary word (代表|大会, 群众|路线), plausible given characters, and
    no token of jieba's crossing either edge (主人翁|精神: 主人|翁)."""
    text, lex, m = d.text, d.lex, d.m
    sn = surname_len(text, i, lex) if i < len(text) else 0
    # the occupation word must not be the head of a longer word (山村|民居)
    if not sn or not d.free(i, i + sn) or _glued_left(text, i, m) or _honorific(text, i + sn, lex):
        return None  # (市民|陈女士: a surname and an honorific, no name)
    e = name_at(text, i, lex, d.tokens_in)
    if e is None or e - i <= sn or not d.free(i, e) or _enclosed(text, i, e):
        return None
    w = text[i:e]
    if e < len(text) and text[e] in m.translit and all(c in m.translit for c in w):
        return None  # the head of a longer foreign name (丈夫|罗文|塔尔)
    strong = sn == 2 or m.surname_share.get(text[i], 0.0) >= _STRONG_SURNAME
    known = w in m.known
    if not (strong or known) or w[-1] in lex.not_final or not all(ch in m.given_ok for ch in w[sn:]) \
            or m.common.get(w[sn:], 0) >= (_GIVEN_WORD_FREQ_KNOWN if known else _GIVEN_WORD_FREQ) \
            or not plausible_after_title(text, i, e, lex, m) or _glued_right(text, e, m):
        return None  # (a rare surname, 相|结合, 战|隆冬: words)
    # a short name before a given-name character that starts no word may
    # be cut from a longer one (工程师贺长|红研制): not for the occupation to say
    if e - i == sn + 1 and text[e:e + 1] in m.given_ok and not is_word(text[e:e + 2], m) \
            and not is_word(text[e:e + 3], m):
        return None
    return e if _tokens_agree(i, e, d.tokens_around(i, e)) else None


def find_names(text: str, lex: PersonLexicon, m: NameModel, taken: bytearray,
               title_ends: set[int],
               tokens_in: Callable[[int, int], list[Token]] | None,
               seeds: list[tuple[int, int]] = (),  # type: ignore[assignment]
               place_ends: frozenset[int] = frozenset(), strict: bool = False,
               cue_words: list[tuple[int, str]] | None = None,
               held: Collection[str] = frozenset(),
               cp: chars.CodePoints | None = None,
               descriptor_ends: Collection[int] = ()) -> list[tuple[int, int]]:
    """Spans of personal names found without a title (``taken``: one byte
    per character and one more, 1 where a span is already taken; changed
    by the search. ``seeds``: names found otherwise, whose 、 list
    neighbours are names too). ``strict`` (work
    reports, which name very few people): a name must also be followed by a
    word only people take (同志, 先生, 表示), not by punctuation or 等
    (荣光，, 沃尔沃等, 吉尼斯世界纪录). ``cue_words``: what
    ``lexicon.scan_words`` found with ``m.words``, when it ran. ``held``:
    names the caller already has, for which one more span changes nothing
    (jieba is asked about them only where the span matters, ``_Search``):
    a returned span of a held name may be missing where jieba was not asked.
    ``cp``: ``chars.code_points(text)``, when the caller has it.
    ``descriptor_ends``: ends of occupation words (``person_descriptors.tsv``:
    画家, 快递员), after which a name needs no cue of its own after it."""
    d = _Search(text, lex, m, taken, tokens_in, place_ends, strict)
    occ, out, free, take = taken, d.out, d.free, d.take
    if cue_words is None:
        cue_words = scan_words(text, m.words, cp).cue_words
    cls = chars.classify(text, m.classes, occ, cp)

    # 1. Surname + one or two given characters. A common surname needs a cue
    #    on one side when jieba knows the name, on both sides (and jieba's
    #    tokens agreeing) when it does not; a rare one (时, 国, 高) needs a
    #    known name with cues on both sides.
    given_ok, known_names, surnames = m.given, m.known, lex.surnames
    # class bits as bytes (cheap to read one at a time); the reads below go
    # up to three past the end of the text, which closes a name (RIGHT)
    bits = cls.tobytes() + bytes([chars.RIGHT]) * 3
    right_bit = chars.RIGHT
    for i in _candidate_starts(text, m, title_ends, lex, cls, cue_words):
        sn = 2 if text[i:i + 2] in surnames else 1 if text[i:i + 1] in surnames else 0  # surname_len
        if not sn:
            continue
        # Every rule below accepts a known name or one with a cue after it:
        # test that first (most candidates fail it). Known names are a
        # surname and two given characters: text[i:i + sn + 1] never is one.
        # Most often neither character after the first given one may start
        # a cue (two ordinary ideographs: no RIGHT bit): no _right_cue call.
        known_long = text[i:i + sn + 2] in known_names
        if not known_long and not (
                (bits[i + sn + 1] | bits[i + sn + 2]) & right_bit
                and (_right_cue(text, i + sn + 2, lex) or _right_cue(text, i + sn + 1, lex))):
            continue
        if given_ok.get(text[i + sn:i + sn + 1], 0) < _GIVEN_MIN or not free(i, i + sn):
            continue  # a plausible first given character, not taken
        strong = sn == 2 or m.surname_share.get(text[i], 0.0) >= _STRONG_SURNAME
        if not strong and not known_long:
            continue  # a rare surname only starts a known name (most words here: 来源, 高质量)
        left = _left_cue(text, i, m, title_ends)
        if not left and not known_long:
            continue  # without a cue before it only a known name will do
        if i not in title_ends and _glued_left(text, i, m):
            continue
        if not strong and not left:
            continue  # a rare surname needs cues on both sides
        if _honorific(text, i + sn, lex):
            continue
        for L in (sn + 2, sn + 1):
            ok = _verdict(d, i, sn, L, left, known_long, strong)
            if ok is None:  # jieba decides
                e = i + L
                if text[i:e] in held and (L == sn + 1 or _verdict(d, i, sn, sn + 1, left, known_long, strong)
                                          is False):
                    d.waiting.append((i, e))  # (no shorter name could replace it)
                    break
                ok = _tokens_agree(i, e, d.tokens_around(i, e))
            if ok:
                d.take(i, i + L)
                break
    # 1b. A surname right after an occupation (建筑师王澍设计): the
    #     occupation is a cue strong enough without one after the name.
    if not strict and tokens_in is not None:
        for i in sorted(descriptor_ends):
            end = _after_descriptor(d, i)
            if end is not None:
                take(i, end)
    # 2. Foreign names jieba knows (克林顿), with a cue on one side.
    # foreign names are written only in transliteration characters: look for
    # them inside runs of those (a few percent of the text)
    foreign_hits = [hit for s, e in chars.translit_runs(cls) for hit in m.foreign.iter(text, s, e)]
    for end, w in foreign_hits:
        s, e = end + 1 - len(w), end + 1
        if m.common.get(w[:2], 0) >= _GLUE_FREQ or is_word(w, m):
            continue
        # the whole transliteration run (内塔尼亚胡, not 尼亚胡), if not too long
        while s > 0 and text[s - 1] in m.translit and e - s < 7:
            s -= 1
        while e < len(text) and text[e] in m.translit and e - s < 7:
            e += 1
        # both cues: many transliteration-only words are brands and places (沃尔沃, 马拉松)
        if free(s, e) and not _enclosed(text, s, e) and (
                _left_cue(text, s, m, title_ends) and _right_cue(text, e, lex)) \
                and (not strict or _personal_right(text, e, lex)):
            take(s, e)
    # 3. Transliterated foreign names joined by · (吉内特·哈姆利).
    dot = text.find("·")
    while dot >= 0:  # only where a · is: the pattern is anchored there
        mt = _DOT_NAME.match(text, _han_run_start(text, dot), min(len(text), dot + 40))
        dot = text.find("·", dot + 1)
        if mt is None:
            continue
        s = mt.start()
        k = text.index("·", s)
        j = k
        # back over transliteration characters, but not into a title (总理|谢赫: 理)
        while j > s and text[j - 1] in m.translit and j not in title_ends:
            j -= 1
        r = dotted_verb_cut(text, dotted_end(text, k, lex, m.translit), m, d.tokens_in)
        if k - j >= 2 and r - k >= 3 and (free(j, r) or _only_inside(occ, out, j, r)):
            _drop_inside(out, occ, j, r)
            take(j, r)
    # 4. Paragraph-final by-lines （邹蓬王国平张学辉）.
    # (a by-line taken whole gives nothing free: not split; by-lines do
    # not overlap, and no waiting name lies on taken positions)
    for s, e in byline_names(text, lex, m, occ):
        if free(s, e):
            take(s, e)
    # 5. Neighbours in 、 lists of names already found (a waiting name
    #    with neighbours is one whose span matters).
    for w in [w for w in d.waiting if _list_neighbours(text, lex, m, *w)]:
        d.settle(*w)
    todo = sorted(set(out) | set(seeds))
    seen = set(todo)
    while todo:
        s, e = todo.pop()
        for span in _list_neighbours(text, lex, m, s, e):
            if span not in seen and free(*span):
                seen.add(span)
                take(*span)
                todo.append(span)
    return sorted(out)
