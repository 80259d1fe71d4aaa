"""meta: published date, source, author(s) and editors from the text's furniture.

Runs first. Reads the head (header lines, by-lines, a work report's delivery
line and the official who delivered it) and the tail (trailing （记者 X）/(X)
by-line, 责编 line). Sets ``state.published`` from the document when the
caller gave none, so relative times can resolve.
"""
from __future__ import annotations

from typing import ClassVar

import regex

from ...config import Config
from ...state import DocState
from ...types import Meta
from . import rules
from .resolve import clean_name, iso_date, split_names

_HEAD = 1500  # characters of the head searched for header furniture
_TAIL = 600   # characters of the tail searched for closing by-lines
# A by-line ending in one of these credits a photo or a drawing (the
# people stage reads the name from it: rules.PHOTO_CREDIT), not the text.
_CREDIT_MARKS = ("摄", "绘")


class MetaStage:
    kind: ClassVar[str] = "meta"
    requires: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, state: DocState) -> None:
        state.meta = read_meta(state.text)
        if state.published is None:
            state.published = state.meta.published


def read_meta(text: str) -> Meta:
    head = text[:_HEAD]
    tail_start = max(0, len(text) - _TAIL)
    tail = text[tail_start:]
    published: str | None = None
    source: str | None = None
    authors: list[str] = []
    editors: list[str] = []

    # A work report's delivery line: its date is the publication date and the
    # official named after it (or before 在) is the author.
    dm = _delivery(head)
    if dm:
        published = iso_date(dm["y"], dm["m"], dm["d"])
        official = clean_name(dm["pre"]) if dm["pre"] else None
        if official is None:
            official = _official_after(head, dm.end())
        if official:
            authors.append(official)

    if published is None:
        m = _search(rules.DATE_LINE, rules.DATE_LINE_NEEDS, head)
        if m:
            published = iso_date(m["y"], m["m"], m["d"], m["H"], m["M"], m["S"])

    if published is None:
        published = _head_date(head, tail)
    if published is None:
        m = dateline(text)
        if m and m["y"]:
            published = iso_date(m["y"], m["m"], m["d"])

    pm = _search(rules.PAPER_BYLINE, rules.PAPER_BYLINE_NEEDS, head)
    if pm:
        if published is None:
            published = iso_date(pm["y"], pm["m"], pm["d"])
        source = pm["src"]
        if pm["a"]:
            authors += [n for n in split_names(pm["a"]) if n not in authors]

    sm = (_search(rules.SOURCE_LINE, rules.SOURCE_LINE_NEEDS, head)
          or _search(rules.SOURCE_LINE, rules.SOURCE_LINE_NEEDS, tail))
    if sm and source is None:
        source = sm["v"]

    for region in (head, tail) if tail_start >= _HEAD else (text,):
        am = _search(rules.AUTHOR_LINE, rules.AUTHOR_LINE_NEEDS, region)
        if am:
            authors += [n for n in split_names(am["v"]) if n not in authors]
    lead = text[:400]
    for rm in rules.REPORTER.finditer(lead) if _holds(lead, rules.REPORTER_NEEDS) else ():
        line_end = text.find("\n", rm.end())
        if "摄" in text[rm.start(): line_end if line_end >= 0 else len(text)]:
            continue  # a photo credit (记者 X 摄), not the author
        authors += [n for n in split_names(rm["v"]) if n not in authors]
    # Closing by-line: only on the last lines of the text.
    if _holds(tail, rules.TRAILING_BYLINE_NEEDS):
        last_lines = "\n".join(tail.rstrip().splitlines()[-3:])
        for bm in rules.TRAILING_BYLINE.finditer(last_lines):
            if bm["v"].endswith(_CREDIT_MARKS):
                continue  # a photo or drawing credit ((本报记者张三摄), (杨崇南绘)), not the author
            authors += [n for n in split_names(bm["v"]) if n not in authors]

    em = (_search(rules.EDITOR_LINE, rules.EDITOR_LINE_NEEDS, tail)
          or _search(rules.EDITOR_LINE, rules.EDITOR_LINE_NEEDS, head))
    if em:
        editors = split_names(em["v"])

    return Meta(published=published, source=source,
                author="、".join(authors) if authors else None, editors=tuple(editors))


def dateline(text: str) -> regex.Match[str] | None:
    """A news dateline's date in the lead (新华社北京|2024年11月28日电): the
    meta stage reads its date, linking keeps it from governing a figure's
    period and the capital before it from making the document's region."""
    lead = text[:rules.DATELINE_REACH]
    if "日电" not in lead and "日讯" not in lead:
        return None
    return rules.DATELINE.search(text, 0, rules.DATELINE_REACH)


def _holds(region: str, words: tuple[str, ...]) -> bool:
    """Whether ``region`` holds one of the words a pattern needs."""
    return any(w in region for w in words)


def _search(pattern: regex.Pattern[str], needs: tuple[str, ...], region: str) -> regex.Match[str] | None:
    """``pattern.search(region)``, not tried when ``region`` holds none of
    the words ``needs`` that the pattern cannot match without, and started
    where a match can first start: at most ``rules.LEAD[pattern]``
    characters before the first of those words (0 when not listed)."""
    first = -1
    for w in needs:
        i = region.find(w)
        if i >= 0 and (first < 0 or i < first):
            first = i
    if first < 0:
        return None
    lead = rules.LEAD.get(pattern)
    return pattern.search(region, 0 if lead is None else max(0, first - lead))


def _head_date(head: str, tail: str) -> str | None:
    """The date of a line that starts with one (and holds nothing but header
    fields), on the first lines of the head or the last lines of the tail."""
    top = head.split("\n", rules.HEAD_DATE_LINES)[:rules.HEAD_DATE_LINES]
    bottom = tail.rstrip().rsplit("\n", rules.TAIL_DATE_LINES)[-rules.TAIL_DATE_LINES:]
    for line in (*top, *bottom):
        # a date line starts with a digit: test that before the pattern
        if line[:1].isdigit() or line.lstrip()[:1].isdigit():
            m = rules.HEAD_DATE_LINE.match(line)
            if m:
                return iso_date(m["y"], m["m"], m["d"], m["H"], m["M"], m["S"])
    return None


def _delivery(head: str) -> regex.Match[str] | None:
    """``rules.DELIVERY.search(head)``, tried only at line starts (where its
    ``^`` lets it match): the search itself tries every position."""
    if not _holds(head, rules.DELIVERY_NEEDS):
        return None
    p = 0
    while p >= 0:
        m = rules.DELIVERY.match(head, p)
        if m is not None:
            return m
        p = head.find("\n", p)
        if p >= 0:
            p += 1
    return None


def _official_after(head: str, pos: int) -> str | None:
    """The official on the rest of the delivery line or the next few lines:
    ``浙江省代省长刘捷作…``, ``国务院总理\\n李克强``, ``省长 梁惠玲``, or a bare
    name on its own line."""
    rest = "\n".join(head[pos:].split("\n")[:5])
    m = rules.OFFICIAL_AFTER.search(rest)
    if m:
        return clean_name(m["v"])
    for line in rest.split("\n")[1:]:
        if ":" in line or "代表" in line:
            continue
        bm = rules.BARE_NAME_LINE.fullmatch(line)
        if bm:
            return clean_name(bm["v"])
    return None
