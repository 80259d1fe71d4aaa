"""Turning a code span into a ``Code``: normalised code, kind, meaning."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...normalize import halfwidth
from ..time.classes import HAN

# What may sit between a code's closing quote and its head noun phrase:
# further quoted codes of the same list and 等.
_SKIP = re.compile(r"(?:[“‘「\"][^“”‘’「」\"\n]{1,12}[”’」\"]|、|和|等)*")
# Characters a head noun phrase is made of (CJK only; it stops at any
# punctuation, digit or Latin letter).
_PHRASE = re.compile(rf"[{HAN}]{{1,10}}")  # \p{Han} as regex's ranges (time/classes.py)
# Words that end the noun phrase before them (verbs and function words that
# commonly follow a code).
_PHRASE_STOP = ("等", "的", "和", "与", "为", "是", "在", "中", "上", "下", "推动", "推进",
                "加快", "取得", "落地", "实施", "作为", "已", "将", "要", "获", "仍", "全部",
                "圆满", "收官", "相", "并", "及", "深入", "加速", "持续", "显著", "不断",
                "开工", "提质", "综合")
_ANY_STOP = re.compile("|".join(map(re.escape, _PHRASE_STOP)))  # one search before trying each
# Heads that start a programme of their own after a code's head noun.
_NEW_PROGRAMME = ("工程", "行动", "计划")


@dataclass(frozen=True, slots=True)
class Heads:
    """The head nouns of ``code_heads.tsv`` and the tables ``head_kind``
    looks them up in (built once per lexicon: a phrase is then read in a few
    dictionary look-ups instead of one search per head noun)."""

    words: tuple[str, ...]  # longest first
    words_set: frozenset[str]
    lengths: tuple[int, ...]  # the distinct lengths, longest first
    ending_in: Mapping[str, tuple[str, ...]]  # last character → head nouns ending in it

    @classmethod
    def of(cls, words: Iterable[str]) -> Heads:
        ws = tuple(sorted(set(words), key=len, reverse=True))
        ending: dict[str, list[str]] = {}
        for w in ws:
            ending.setdefault(w[-1], []).append(w)
        return cls(ws, frozenset(ws), tuple(sorted({len(w) for w in ws}, reverse=True)),
                   {c: tuple(hs) for c, hs in ending.items()})


def normalise_code(s: str) -> str:
    """Width and case: ４１５ｘ → 415X; spaces dropped."""
    return halfwidth(s).replace(" ", "").upper()


def head_kind(text: str, end: int, code: str, heads: Heads) -> str | None:
    """The head noun naming what the code is: the noun phrase right after the
    code when it ends in a head noun, else the code's own last word, else None."""
    i = end
    if i < len(text) and text[i] in "”’」』\"'":
        i += 1
        m = _SKIP.match(text, i)
        if m:
            i = m.end()
    m = _PHRASE.match(text, i)
    if m:
        best = _phrase_head(_before_stop(m.group(0)), heads)
        if best:
            return best
    if code.endswith(heads.words):  # one C call before trying each head
        for h in heads.words:  # longest first: the code's own last word
            if code.endswith(h) and len(code) > len(h):
                return h
    return None


def _before_stop(phrase: str) -> str:
    """``phrase`` cut before its stop words (each in list order, at its first
    occurrence in what the earlier ones left)."""
    m = _ANY_STOP.search(phrase)
    if m is None:
        return phrase
    if m.end() - m.start() == 1:
        # The leftmost stop is one character: every cut the list makes lies
        # at or after it, and it is still there when its turn comes, so the
        # phrase ends where it starts. (A two-character one may be cut
        # through by a stop listed before it: in 作为, 为 cuts first.)
        return phrase[:m.start()]
    for stop in _PHRASE_STOP:
        k = phrase.find(stop)
        if k == 0:
            return ""
        if k > 0:
            phrase = phrase[:k]
    return phrase


def _phrase_head(phrase: str, heads: Heads) -> str | None:
    """The shortest prefix of ``phrase`` ending in a head noun, extended over
    the head nouns right after it (经济政策|体系, 重大项目|建设, 建设|方案),
    but not into a second programme (科技创新体系|建设工程)."""
    e = _first_head_end(phrase, heads)
    if e is None:
        return None
    while True:
        nxt = _head_at(phrase, e, heads)
        if nxt is None or nxt in _NEW_PROGRAMME or phrase.startswith(_NEW_PROGRAMME, e + len(nxt)):
            break
        e += len(nxt)
    return phrase[:e]


def _first_head_end(phrase: str, heads: Heads) -> int | None:
    """Where the earliest-ending head noun of ``phrase`` ends; 战略|性 is an
    adjective (战略性新兴产业集群), not the head."""
    for e, c in enumerate(phrase, 1):
        hs = heads.ending_in.get(c)
        if hs and phrase.endswith(hs, 0, e) and not phrase.startswith("性", e):
            return e
    return None


def _head_at(phrase: str, i: int, heads: Heads) -> str | None:
    """The longest head noun starting at ``phrase[i]``."""
    for n in heads.lengths:
        w = phrase[i:i + n]
        if len(w) == n and w in heads.words_set:
            return w
    return None
