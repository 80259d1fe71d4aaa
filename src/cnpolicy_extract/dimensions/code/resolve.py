"""Turning a code span into a ``Code``: normalised code, kind, meaning."""
from __future__ import annotations

import re

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


def normalise_code(s: str) -> str:
    """Width and case: ４１５ｘ → 415X; spaces dropped."""
    return halfwidth(s).replace(" ", "").upper()


def head_kind(text: str, end: int, code: str, heads: tuple[str, ...]) -> str | None:
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
        phrase = m.group(0)
        for stop in _PHRASE_STOP if _ANY_STOP.search(phrase) else ():
            k = phrase.find(stop)
            if k == 0:
                phrase = ""
                break
            if k > 0:
                phrase = phrase[:k]
        best = _phrase_head(phrase, heads)
        if best:
            return best
    if code.endswith(heads):  # one C call before trying each head
        for h in heads:  # longest first: the code's own last word
            if code.endswith(h) and len(code) > len(h):
                return h
    return None


def _phrase_head(phrase: str, heads: tuple[str, ...]) -> str | None:
    """The shortest prefix of ``phrase`` ending in a head noun, extended over
    the head nouns right after it (经济政策|体系, 重大项目|建设, 建设|方案),
    but not into a second programme (科技创新体系|建设工程)."""
    # 战略|性 is an adjective (战略性新兴产业集群), not the head
    ends = sorted({k + len(h) for h in heads if h in phrase for k in _find_all(phrase, h)
                   if not phrase.startswith("性", k + len(h))})
    if not ends:
        return None
    e = ends[0]
    while True:
        nxt = next((h for h in heads if phrase.startswith(h, e)), None)  # longest first
        if nxt is None or nxt in _NEW_PROGRAMME:
            break
        after = phrase[e + len(nxt):]
        if any(after.startswith(p) for p in _NEW_PROGRAMME):
            break
        e += len(nxt)
    return phrase[:e]


# Heads that start a programme of their own after a code's head noun.
_NEW_PROGRAMME = ("工程", "行动", "计划")


def _find_all(s: str, sub: str) -> list[int]:
    out, i = [], s.find(sub)
    while i >= 0:
        out.append(i)
        i = s.find(sub, i + 1)
    return out
