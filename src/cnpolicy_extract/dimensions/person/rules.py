"""Finding people: a name after a chain of titles (紫光股份董事长、新华三集团
总裁兼首席执行官于英涛), a name before a title (习近平总书记), well-known
names, and by-lines. Positions are read backwards from the name.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ...tokenize import Token
from .. import short_name
from .lexicon import PersonLexicon, after_word_at

_HAN = regex.compile(r"\p{Han}")


def is_han(c: str) -> bool:
    """``_HAN.match(c)`` for one character, without the pattern for the
    common ideographs (U+4E00-U+9FA5 are Han in every Unicode version; no Han
    character lies below U+2E80)."""
    return "\u4e00" <= c <= "\u9fa5" or (c >= "\u2e80" and _HAN.match(c) is not None)
# Characters that never sit inside a Chinese personal name.
_NOT_NAME = frozenset("的了是在和与及或等其这那此我你他她们个年月日省市县区镇村局厅部委会院所派")
# Titles that name their own body (国家主席) do not inherit one from a chain.
_SELF_CONTAINED = ("国家", "全国")
_SEPARATORS = "、兼"
# Prefixes of a deputy's title (副行长 is the 行长's deputy): see same_office.
_DEPUTY = ("常务副", "副", "执行")
# A bracketed photo or drawing credit: (本报记者张三摄), (李四、王五摄), (赵六绘).
# The photographer is a journalist the text names, though not its author.
PHOTO_CREDIT = regex.compile(
    r"\((?:本报|新华社)?(?:特约|见习)?(?:记者|通讯员)?\s*"
    r"(?P<v>\p{Han}{2,4}?(?:\s*[、,]\s*\p{Han}{2,4}?)*)\s*(?:摄|绘)\)")
_HAN_RUN = regex.compile(r"\p{Han}+")
# Quotes that open a word: a conjunction may stand before them.
_OPENING_QUOTES = "“‘《「\"'"


def find(text: str, w: str, start: int = 0) -> int:
    """``text.find(w, start)``, found by its first character: on Chinese
    text, ``str.find`` of one character (a byte search underneath) is many
    times faster than of several, and a word's first character is rarely
    much more frequent than the word."""
    if not w:
        return text.find(w, start)
    c = w[0]
    i = text.find(c, start)
    while i >= 0 and not text.startswith(w, i):
        i = text.find(c, i + 1)
    return i


def photo_credits(text: str) -> list[tuple[int, int]]:
    """Spans of the names in bracketed photo and drawing credits."""
    if find(text, "摄)") < 0 and find(text, "绘)") < 0:
        return []
    return [(m.start("v") + n.start(), m.start("v") + n.end())
            for m in PHOTO_CREDIT.finditer(text) for n in _HAN_RUN.finditer(m["v"])]


class Span(NamedTuple):
    """A title, organisation or place (a tuple: built by the dozen per document)."""

    start: int
    end: int
    text: str
    type: str = ""


@dataclass(slots=True)
class Found:
    name: str
    start: int
    end: int
    positions: list[tuple[str, Span | None]]
    role: str | None = None


def title_spans(text: str, lex: PersonLexicon, blocked: list[Span],
                found: list[tuple[int, str]] | None = None,
                blocked_occ: bytearray | None = None) -> list[Span]:
    """Longest titles, not overlapping each other nor a blocked span (an
    organisation: 委员 inside 委员会). ``found``: (end index, title) hits
    already read from the text (``lexicon.scan``); ``blocked_occ``: the
    blocked spans as one byte per character and one more, 1 inside one."""
    if found is None:
        found = list(lex.title_auto.iter(text))
    # longest first, then leftmost (no two hits share both)
    hits = sorted([(-len(w), e + 1 - len(w), e + 1, w) for e, w in found])
    kept: list[Span] = []
    # 1: a kept title; 2: inside a blocked span
    if blocked_occ is not None:
        occ = blocked_occ.replace(b"\x01", b"\x02")
    else:
        occ = bytearray(len(text) + 1)
        for b in blocked:
            occ[b.start:b.end] = b"\x02" * (b.end - b.start)
    new = tuple.__new__  # a NamedTuple's own __new__ is a Python function
    for _, s, e, w in hits:
        if occ.find(1, s, e) >= 0:
            continue
        if occ.find(2, s, e) >= 0 and not _covers_blocked(Span(s, e, w), occ):
            continue
        occ[s:e] = b"\x01" * (e - s)
        kept.append(new(Span, (s, e, w, "")))
    kept.sort()  # by start: kept titles do not overlap
    return kept


def _covers_blocked(h: Span, occ: bytearray) -> bool:
    """The title wholly contains the blocked characters it touches (it is
    not cut by an organisation: 委员 inside 委员会)."""
    inside_start = h.start == 0 or occ[h.start - 1] != 2 or occ[h.start] != 2
    inside_end = occ[h.end - 1] != 2 or occ[h.end] != 2
    return inside_start and inside_end


def surname_len(text: str, i: int, lex: PersonLexicon) -> int:
    if text[i:i + 2] in lex.surnames:
        return 2
    if text[i:i + 1] in lex.surnames:
        return 1
    return 0


def firm_close(text: str, e: int, lex: PersonLexicon) -> bool:
    """Only a name could end before ``e``: the end, punctuation but an
    opening quote (刘江和“李向阳”: 和 joins two names), 说/称 or an
    after-name word of two characters (表示, 同志); not 在, 的, 等, which
    also follow other words."""
    if e >= len(text):
        return True
    c = text[e]
    if not is_han(c):
        return not c.isalnum() and c not in _OPENING_QUOTES
    return c in "说称" or any(text.startswith(w, e) for w in lex.personal_after.get(c, ()))


def function_given_end(text: str, i: int, sn: int, lex: PersonLexicon) -> int | None:
    """End of a name whose given name ends in a function character
    (``person_given_function.tsv``) before a firm close (林金和，男: the
    conjunction 和 would need a word after it), or None."""
    e = i + sn + 2
    if text[e - 1:e] in lex.given_function and _name_char(text[i + sn]) and firm_close(text, e, lex):
        return e
    return None


def name_at(text: str, i: int, lex: PersonLexicon,
            tokens_in: Callable[[int, int], list[Token]] | None) -> int | None:
    """End of the personal name starting at ``i`` (surname + one or two
    given characters), or None."""
    sn = surname_len(text, i, lex)
    if not sn:
        return None
    e = function_given_end(text, i, sn, lex)  # 厂长林金和说
    if e is not None:
        return e
    # the lengths whose given characters may all stand in a name: none, the
    # short one, or both
    n = len(text)
    ok: list[int] = []
    for L in (sn + 1, sn + 2):
        if i + L > n or not _name_char(text[i + L - 1]):
            break
        ok.append(L)
    if not ok:
        return None
    # the first length closed by an after-name word, else by punctuation or the end
    # (not by a digit or letter: 副总裁赵超携151万元 holds a verb before the count)
    edge = None
    for L in ok:
        j = i + L
        if j >= n or not is_han(text[j]):
            if edge is None and (j >= n or not text[j].isalnum()):
                edge = j
        elif after_word_at(text, j, lex):
            return j
    if edge is not None:
        return edge
    if tokens_in is None:
        return None
    toks = [t for t in tokens_in(i, min(n, i + sn + 4)) if t.start >= i]
    if toks and toks[0].start == i and (toks[0].end - i) in ok:
        return toks[0].end
    if len(toks) >= 2 and toks[0].end - i == sn and (toks[1].end - i) in ok:
        return toks[1].end
    return None


def listed_after(text: str, end: int, lex: PersonLexicon,
                 titles_by_start: dict[int, Span]) -> list[tuple[int, int]]:
    """Names in a 、 list right after a titled name that ends at ``end``
    (副市长陈卫强、胡伟出席): each closed by punctuation or an after-name word
    without asking the tokenizer; the list stops at a title (董事长张三、总经理李四)."""
    out: list[tuple[int, int]] = []
    while text[end:end + 1] == "、" and end + 1 not in titles_by_start:
        e = name_at(text, end + 1, lex, None)
        if e is None:
            break
        out.append((end + 1, e))
        end = e
    return out


def _name_char(c: str) -> bool:
    return is_han(c) and c not in _NOT_NAME


def same_office(a: str, b: str) -> bool:
    """Titles of one office but for a deputy prefix (行长, 副行长)."""
    return _office(a) == _office(b)


def _office(title: str) -> str:
    for p in _DEPUTY:
        if title.startswith(p) and len(title) > len(p) + 1:
            return title[len(p):]
    return title


def chain_before(text: str, name_start: int, titles_by_end: dict[int, Span],
                 orgs_by_end: dict[int, Span],
                 carried: dict[int, tuple[str, Span]] | None = None) -> list[tuple[str, Span | None]]:
    """Positions stated before a name, in reading order, titles in a 、/兼
    list sharing the organisation named before them (also across an
    ``(以下简称…)`` note between the two). ``carried``: the first title and
    its organisation of the names found so far, by the name's end; a chain
    that names no organisation and follows such a name and a 、 takes its
    organisation when the titles differ only by a deputy prefix
    (中国人民银行行长潘功胜、副行长张青松)."""
    found: list[tuple[str, Span | None]] = []
    i = name_start
    while True:
        t = titles_by_end.get(i)
        if t is None:
            break
        org = orgs_by_end.get(t.start) or orgs_by_end.get(short_name.before_note(text, t.start))
        found.append((t.text, org))
        i = org.start if org is not None else t.start
        if i > 0 and text[i - 1] in _SEPARATORS:
            i -= 1
            continue
        if i in titles_by_end:  # stacked titles: 党组成员副主任
            continue
        break
    if carried and found and found[-1][1] is None:
        before = carried.get(i if text[i:i + 1] == "、" else i - 1 if text[i - 1:i] in "，," else -1)
        if before is not None and same_office(before[0], found[-1][0]):
            found[-1] = (found[-1][0], before[1])
    found.reverse()
    out: list[tuple[str, Span | None]] = []
    last: Span | None = None
    for title, org in found:
        if org is None and last is not None and not title.startswith(_SELF_CONTAINED):
            org = last
        if org is not None:
            last = org
        out.append((title, org))
    return out
