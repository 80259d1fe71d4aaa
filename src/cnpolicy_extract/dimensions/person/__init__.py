"""people: named persons with every position the text states, one entry per
person across mentions.

Matching lives in ``rules.py``; word lists in ``resources/titles.tsv`` and
``resources/person_*.tsv`` (loaded by ``lexicon.py``). Organisations come
from the organizations stage (``requires``); places, when that stage ran,
name the body of a title such as 浙江省代省长.
"""
from __future__ import annotations

from typing import ClassVar

import regex

from ...config import Config
from ...lazy import Lazy
from ...state import DocState
from ...types import Mention, Person, Position
from .. import short_name
from . import chars, names, rules
from .lexicon import PersonLexicon, load_lexicon, scan_words
from .rules import Found, Span

_ORG_ROLE = {"government": "official", "party": "official", "legislature": "official",
             "court": "official", "company": "executive", "research": "scholar",
             "university": "scholar", "media": "journalist"}
_CLAUSE_END = frozenset("。，,；;：:！!？?\n")
_SENTENCE_END = regex.compile(r"[。；;！!？?\n]")
_COMMA = regex.compile(r"[，,]")
_CLAUSE_REACH = 120  # characters after a stated position searched for more (也是…)


def _inverse(state: DocState) -> dict[int, int]:
    """Original offset → normalised offset (empty when the map is the identity)."""
    offs = state.norm.offsets
    if offs is None:
        return {}
    inv: dict[int, int] = {}
    for i, o in enumerate(offs):
        inv.setdefault(o, i)
    return inv


def _bodies(state: DocState) -> tuple[list[Span], list[Span]]:
    """The organisations and places found so far, in normalised offsets."""
    inv = _inverse(state)
    if inv:
        return ([Span(inv.get(o.start, o.start), inv.get(o.end, o.end), o.text, o.type)
                 for o in state.organizations],
                [Span(inv.get(p.start, p.start), inv.get(p.end, p.end), p.text, "place")
                 for p in state.places])
    new = tuple.__new__  # a NamedTuple's own __new__ is a Python function
    return ([new(Span, (o.start, o.end, o.text, o.type)) for o in state.organizations],
            [new(Span, (p.start, p.end, p.text, "place")) for p in state.places])


def occupancy(n: int, spans: list[tuple[int, int]]) -> bytearray:
    """One byte per character of a text of length ``n`` (and one more): 1
    inside any of ``spans`` (overlap tests are then ``find(1, s, e)``)."""
    occ = bytearray(n + 1)
    mark(occ, spans)
    return occ


def mark(occ: bytearray, spans: list[tuple[int, int]]) -> None:
    for a, b in spans:
        occ[a:b] = b"\x01" * (b - a)


def _longer_names(names: list[str], titled: set[str]) -> dict[str, tuple[str, ...]]:
    """The names found that lie inside longer names found right after a
    title (陈云: 主任陈云林), each with those longer names; most documents
    have none. (Only titled names: a by-line read with its credit, 杨崇南绘,
    must not hide the name.)"""
    out: dict[str, tuple[str, ...]] = {}
    for a in names:
        bs = tuple(b for b in titled if len(b) > len(a) and a in b)
        if bs:
            out[a] = bs
    return out


def _occurrences(text: str, occ: bytearray, names: tuple[str, ...]) -> bytearray:
    """A copy of ``occ`` with every occurrence of ``names`` marked."""
    out = bytearray(occ)
    for w in names:
        i = rules.find(text, w)
        while i >= 0:
            out[i:i + len(w)] = b"\x01" * len(w)
            i = rules.find(text, w, i + len(w))
    return out


def _role(f: Found, lex: PersonLexicon) -> str | None:
    for title, org in f.positions:
        r = lex.titles.get(title)
        if r:
            return r
        if org is not None and org.type in _ORG_ROLE:
            return _ORG_ROLE[org.type]
    # no title nor body said the role: an office is an official's, but a
    # 代表 of a group (职工代表张华) holds none
    if any(org is not None or title not in lex.no_role_alone for title, org in f.positions):
        return "official"
    return None


def _copula_position(text: str, org: Span, titles_by_start: dict[int, Span], f: Found) -> None:
    """魏永牛是静宁县归雁工程领导小组办公室(以下简称“归雁办”)副主任。: a
    name, 是, a body and a title ending the clause is a position."""
    t = titles_by_start.get(short_name.after_note(text, org.end))
    if t is None or not (t.end == len(text) or text[t.end] in _CLAUSE_END):
        return
    if not any(q[0] == t.text for q in f.positions):
        f.positions.append((t.text, org))


def _word_at(text: str, i: int, words: tuple[str, ...]) -> int:
    """The end of the first of ``words`` written at ``i``, or -1."""
    for w in words:
        if text.startswith(w, i):
            return i + len(w)
    return -1


def _stated_positions(text: str, j: int, lex: PersonLexicon, orgs_by_start: dict[int, Span],
                      titles_by_start: dict[int, Span], f: Found) -> None:
    """Positions stated after a name ending at ``j``: 王建国是/现任<body><title>。,
    and each clause right after that keeps him as its subject when it opens
    with 也是/兼任 (刘明是一家企业的负责人，也是<body><title>). The clauses
    stop at the first that opens otherwise (another subject may follow)."""
    k = _word_at(text, j, lex.copula_lead)
    if k < 0:
        return
    org = orgs_by_start.get(k)
    if org is not None:
        _copula_position(text, org, titles_by_start, f)
    stop = _SENTENCE_END.search(text, k, min(len(text), k + _CLAUSE_REACH))
    end = stop.start() if stop is not None else min(len(text), k + _CLAUSE_REACH)
    c = _COMMA.search(text, k, end)
    while c is not None:
        k2 = _word_at(text, c.end(), lex.copula_more)
        if k2 < 0:
            return
        org = orgs_by_start.get(k2)
        if org is not None:
            _copula_position(text, org, titles_by_start, f)
        c = _COMMA.search(text, k2, end)


def find_people(state: DocState, lex: PersonLexicon, model: names.NameModel | None = None) -> list[Person]:
    text = state.text
    orgs, places = _bodies(state)
    # one pass finds titles, known names, descriptors (and, with the name
    # model, its left cue words)
    cp = chars.code_points(text)  # for both numpy passes (words, character classes)
    words = scan_words(text, model.words if model is not None else lex.words, cp)
    title_hits, known_hits, descriptor_ends = words.titles, words.known, words.descriptors
    occ = occupancy(len(text), [(o.start, o.end) for o in orgs])  # 1 inside an organisation
    titles = rules.title_spans(text, lex, orgs, title_hits, occ)
    titles_by_end = {t.end: t for t in titles}
    bodies_by_end = {p.end: p for p in places}
    bodies_by_end.update({o.end: o for o in orgs})
    for t in titles:  # a place named right before a title (浙江省代省长)
        if t.start not in bodies_by_end and t.start > 0:
            # only the lengths of division names ending with this character
            for k in lex.division_lengths.get(text[t.start - 1], ()):
                s0 = t.start - k
                if s0 >= 0 and text[s0:t.start] in lex.divisions:
                    bodies_by_end[t.start] = Span(s0, t.start, text[s0:t.start], "place")
                    break

    def free(s: int, e: int) -> bool:
        return occ.find(1, s, e) < 0

    found: dict[str, Found] = {}

    def add(name: str, s: int, e: int, positions: list[tuple[str, Span | None]],
            role: str | None = None) -> None:
        f = found.get(name)
        if f is None:
            f = found[name] = Found(name, s, e, [], role)
        for p in positions:
            if all(p[0] != q[0] or (p[1] and q[1] and p[1].text != q[1].text) for q in f.positions):
                f.positions.append(p)
        if role and not f.role:
            f.role = role

    titles_by_start = {t.start: t for t in titles}
    # 1. Names right after a title, with the chain of titles before them.
    carried: dict[int, tuple[str, Span]] = {}  # first title and body of each, by the name's end
    titled: set[str] = set()  # the names read right after a title
    for t in titles:
        ns = t.end
        if text[ns:ns + 1] == " " and text[ns + 1:ns + 2] != " ":
            ns += 1  # 北京市市长 殷勇: one space between title and name
        e = rules.name_at(text, ns, lex, state.tokens_in) if ns < len(text) else None
        if e is None or not free(ns, e):
            continue
        if model is not None and not names.plausible_after_title(text, ns, e, lex, model):
            continue
        if text.startswith("·", e) and model is not None:  # 艾尔肯·吐尼亚孜: the whole name
            e = names.dotted_verb_cut(text, names.dotted_end(text, e, lex, model.translit),
                                      model, state.tokens_in)
        chain = rules.chain_before(text, t.end, titles_by_end, bodies_by_end, carried)
        if chain and chain[0][1] is not None:
            carried[e] = (chain[0][0], chain[0][1])
        add(text[ns:e], ns, e, chain)
        titled.add(text[ns:e])
        # names listed after it share its titles (副市长陈卫强、胡伟出席)
        for s2, e2 in rules.listed_after(text, e, lex, titles_by_start):
            if free(s2, e2):
                add(text[s2:e2], s2, e2, chain)
    # 2. Well-known names.
    for end, name in known_hits:
        s = end + 1 - len(name)
        if free(s, end + 1):
            add(name, s, end + 1, [], lex.known[name] or None)
    # 3. By-lines: author and editors read by the meta stage.
    meta = state.meta
    # A work report's author is the official who delivered it.
    author_role = "official" if "工作报告" in text[:300] else "journalist"
    for who, role in [(a, author_role) for a in (meta.author or "").split("、") if a] + \
            [(x, "editor") for x in meta.editors]:
        i = rules.find(text, who) if who else -1
        j = i + len(who)
        if i < 0 and 1 < len(who) <= 4:  # 李　强: a by-line name spaced out
            m = regex.search(r"[ \t]*".join(map(regex.escape, who)), text)
            if m is not None:
                i, j = m.span()
        if i >= 0:
            # a by-line's title may stand on the line before the name
            # (国务院总理\n 李克强, 自治区代理主席 嘎玛泽登)
            k = i
            while k > 0 and i - k < 3 and text[k - 1] in " \t\n":
                k -= 1
            chain = rules.chain_before(text, k, titles_by_end, bodies_by_end) \
                if k < i and k in titles_by_end else []
            add(who, i, j, chain, role)
    for s, e in rules.photo_credits(text):
        add(text[s:e], s, e, [], "journalist")
    # 4. Names without a title (surname + given name, jieba's names).
    if model is not None:
        seeds = [(f.start, f.end) for f in found.values()]
        taken = bytearray(occ)  # organisations, and the names and places found
        mark(taken, seeds)
        mark(taken, [(p.start, p.end) for p in places])
        cue_ends = {t.end for t in titles} | set(descriptor_ends)
        # (add changes nothing for a name already found: find_names need
        # not ask jieba about those, ``held``)
        for s, e in names.find_names(text, lex, model, taken, cue_ends, state.tokens_in,
                                     seeds=seeds, place_ends=frozenset(p.end for p in places),
                                     strict=author_role == "official", cue_words=words.cue_words,
                                     held=frozenset(found), cp=cp,
                                     descriptor_ends=descriptor_ends):
            add(text[s:e], s, e, [])
    # Titles written after a name (习近平总书记, 李强总理).
    orgs_by_start = {o.start: o for o in orgs}
    copula_firsts = frozenset(w[0] for w in lex.copula_lead)
    compounds = lex.compounds_by_first
    span = state.norm.span if state.norm.offsets is not None else None
    people: list[Person] = []
    longer = _longer_names(list(found), titled) if titled else {}
    for name, f in found.items():
        mentions: list[Mention] = []
        # a name inside a longer one found (陈云 in 主任陈云林) is no mention there
        blocked = _occurrences(text, occ, longer[name]) if name in longer else occ
        i = rules.find(text, name)
        while i >= 0:
            j = i + len(name)
            ws = compounds.get(text[j:j + 1])
            if blocked.find(1, i, j) < 0 and not (ws and any(text.startswith(w, j) for w in ws)):
                mentions.append(Mention(*span(i, j)) if span else Mention(i, j))
                after = titles_by_start.get(j)
                if after is not None and after.text not in lex.before_only \
                        and not any(q[0] == after.text for q in f.positions):
                    f.positions.append((after.text, None))
                elif text[j:j + 1] in copula_firsts:
                    _stated_positions(text, j, lex, orgs_by_start, titles_by_start, f)
            i = rules.find(text, name, j)
        if not mentions and f.end - f.start > len(name):  # only written spaced out (李　强)
            mentions.append(Mention(*span(f.start, f.end)) if span else Mention(f.start, f.end))
        if not mentions:
            continue
        byline = f.role in ("journalist", "editor") and not f.positions
        person_role = f.role if byline else (_role(f, lex) or f.role)
        positions = tuple(Position(title, org.text if org is not None else None)
                          for title, org in f.positions)
        people.append(Person(name, tuple(mentions), person_role, positions))
    people.sort(key=lambda p: p.mentions[0].start)
    return people


class PersonStage:
    kind: ClassVar[str] = "people"
    requires: ClassVar[frozenset[str]] = frozenset({"organizations"})

    def __init__(self, config: Config) -> None:
        self.config = config
        self._lex: Lazy[PersonLexicon] = Lazy(load_lexicon)
        self._model: Lazy[names.NameModel] = Lazy(lambda: names.load_model(self._lex.get()))

    def __call__(self, state: DocState) -> None:
        state.people.extend(find_people(state, self._lex.get(), self._model.get()))
