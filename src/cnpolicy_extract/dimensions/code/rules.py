"""Finding programme-code candidates (matching only; resolving is in resolve.py).

Three named rules, each a generator of ``Candidate``:

* ``quoted``   — a short quoted designator carrying a numeral or X
  (“415X”, ‘315’, “八八战略”, “8+4”, “双尖双领+X”): span inside the quotes.
* ``registry`` — a well-known code from ``program_codes.tsv`` written without
  quotes (十四五, 八八战略).
* ``numbered`` — unquoted evidence forms: a five-year-plan number (十四五),
  digits with X or ``+`` (415X, 1+N), or a bare number glued to a programme
  head noun (211工程, 863计划).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..time.classes import HAN

# Characters that make a designator "numbered".
# 零 is left out: “零伤亡”, “零距离” are targets, not numbered programmes.
NUMERAL_CHARS = frozenset("0123456789一二三四五六七八九十百千万亿两双")
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "'": "'"}
# A designator: short, no sentence punctuation inside. Group ``body`` is set
# only when the body holds a character that ``has_numeral`` needs (a
# numeral, X, + or ×). A body without one matches at all only when its
# closing quote could open the next designator (" or '), which the scan must
# then step over, as the plain pattern ``[“‘「『"'](B{1,12})[”’」』"']`` does.
_BODY = r"[^“”‘’「」『』\"'，。；：！？,;:!?\n]"
_MAY_NUMBER = "".join(sorted(NUMERAL_CHARS)) + "+Xx×"
_QUOTED = re.compile(rf"[“‘「『\"'](?:(?P<body>(?={_BODY}{{0,11}}[{re.escape(_MAY_NUMBER)}]){_BODY}{{1,12}})"
                     rf"[”’」』\"']|{_BODY}{{1,12}}[\"'])")
_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五")
_DIGIT_CODE = re.compile(
    r"(?<![0-9A-Za-z.])("
    r"[0-9]+[Xx](?![A-Za-z])"                       # 415X
    r"|[0-9]+(?:\+[0-9A-Za-z]+)+"                    # 8+4, 1+N, 4+1+X
    r"|[0-9]{2,4}(?=工程|计划|战略|体系)"            # 211工程, 863计划
    r")(?![0-9])"
)
# Where a digit code can start: a digit run (nothing alphanumeric or . before
# it) whose next character is one the code pattern needs after the whole run
# (X, +, or the head noun of 211工程). Starts with the digit class so that the
# search skips other characters fast; the lookbehind sees the character
# before the run's first digit.
_DIGITS = re.compile(r"[0-9](?<![0-9A-Za-z.][0-9])[0-9]*(?=[Xx+工计战体])")
# × is a placeholder too (数据要素×)
_PLUS_X = re.compile(rf"\+[Xx]$|^[0-9]+[Xx]$|[0-9]\+[0-9A-Za-z]|[{HAN}]×$")  # \p{Han}: time/classes.py
_NUMERAL = re.compile("[" + "".join(sorted(NUMERAL_CHARS)) + "]")
# A bare year or quantity in quotes (“2024”, “3%”), and the head nouns that
# still make it a designator right after the quote (compiled once, not per call).
_BARE_QUANTITY = re.compile(r"[0-9.%]+(?:年|月|日|%)?")
_HEAD_AFTER = re.compile(r"(?:工程|计划|战略|体系|科技|产业|先进|行动|项目)")
# heads a quoted year is never a code before (“152”工作体系, but “2024”工作会议)
_HEAD_AFTER_NOT_YEAR = re.compile(r"(?:工作|改革|政策|模式|机制|建设|方案)")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


class Candidate(NamedTuple):  # a tuple: built by the dozen per document, cheaply
    start: int  # offsets into the normalised text
    end: int
    rule: str
    quoted: bool


def has_numeral(s: str, idioms: tuple[str, ...], any_idiom: re.Pattern[str] | None = None) -> bool:
    """True when ``s`` carries a numeral or X outside idioms such as 一体/一批
    (``any_idiom``: ``idiom_pattern(idioms)``, one search before masking)."""
    if _PLUS_X.search(s):
        return True
    if _NUMERAL.search(s) is None:  # masking idioms only removes numerals
        return False
    if any_idiom is not None and any_idiom.search(s) is None:
        return True  # a numeral and no idiom to hide it
    masked = s
    for w in idioms:  # longest idioms first (caller sorts)
        if w in masked:
            masked = masked.replace(w, "□" * len(w))
    return any(c in NUMERAL_CHARS for c in masked)


def idiom_pattern(idioms: tuple[str, ...]) -> re.Pattern[str]:
    """Matches where any of ``idioms`` occurs."""
    return re.compile("|".join(map(re.escape, idioms)) if idioms else r"(?!)")


def quoted(text: str, idioms: tuple[str, ...], any_idiom: re.Pattern[str] | None = None
           ) -> Iterator[Candidate]:
    for m in _QUOTED.finditer(text):
        body = m.group("body")
        if body is None:
            continue  # no numeral, X, + or ×: has_numeral would say no
        s, e = m.span()
        if text[e - 1] != _QUOTES[text[s]]:
            continue
        if body.strip() != body or not has_numeral(body, idioms, any_idiom):
            continue
        # A bare year or quantity in quotes (“2024”, “3%”) is not a designator.
        if _BARE_QUANTITY.fullmatch(body) and not _has_head_after(text, e, _YEAR.fullmatch(body) is None):
            continue
        yield Candidate(s + 1, e - 1, "quoted", True)


def _has_head_after(text: str, i: int, not_year: bool = True) -> bool:
    head = text[i:i + 2]
    return bool(_HEAD_AFTER.match(head) or (not_year and _HEAD_AFTER_NOT_YEAR.match(head)))


def numbered(text: str) -> Iterator[Candidate]:
    for m in _FIVE_YEAR.finditer(text):
        yield Candidate(m.start(), m.end(), "numbered", False)
    # The code pattern is tried only where a digit run that could be one starts.
    for m in _DIGITS.finditer(text):
        d = _DIGIT_CODE.match(text, m.start())
        if d:
            yield Candidate(d.start(1), d.end(1), "numbered", False)
