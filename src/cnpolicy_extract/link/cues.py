"""Cue-word tables for linking, loaded once per LinkStage from resources/link_*.tsv."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dimensions.time.frame import title_words
from ..resources import read_tsv


def _longest_first(words: set[str] | list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _alternation(words: tuple[str, ...], *, reverse: bool = False) -> re.Pattern[str]:
    """One compiled pattern for a word list, optionally of the reversed words,
    to match at the *end* of a phrase by matching its reverse.

    It matches what the alternation of the words longest first matches (the
    longest word at the leftmost position), written as a trie (增(?:长|加)…)
    so that a position is tried once per character instead of once per word
    (5x faster on the 160 trailing words)."""
    ws = {w[::-1] for w in words} if reverse else set(words)
    ws.discard("")
    return re.compile(trie_pattern(ws) if ws else r"(?!)")


_Trie = dict[str, "_Trie"]


def trie_pattern(words: set[str] | list[str] | tuple[str, ...]) -> str:
    """A regex matching the longest of ``words`` at a position, as a trie:
    at each node the longer continuations are tried before the word ending there."""
    root: _Trie = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here

    def build(node: _Trie) -> str:
        alts = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        if "" in node:  # greedy: the longer words first, then the word ending here
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(root)


@dataclass(frozen=True, slots=True)
class MetricCues:
    verbs: tuple[str, ...]
    trail: tuple[str, ...]
    lead: tuple[str, ...]
    stop: tuple[str, ...]
    ellipsis: frozenset[str]
    not_etc: tuple[str, ...]
    frame: tuple[str, ...]
    heads: tuple[str, ...]
    head_starts: tuple[str, ...]
    splits: tuple[tuple[str, tuple[str, ...]], ...]
    not_verb: tuple[str, ...] = ()  # nouns that start with a verb (保障房): no verb there
    # verbs that head the noun before them when right before a figure (职业技能培训200万人次)
    noun_verbs: tuple[str, ...] = ()
    # stop words that end a noun only once it has begun (全国 in 28项制度创新成果全国推广,
    # not in 42家全国重点实验室): adverbs and prepositions that also open nouns
    stop_inner: frozenset[str] = frozenset()
    # words that contain a stop word but do not end the noun (全国性, 所在, 在建)
    not_stop: frozenset[str] = frozenset()
    # 连续 + a duration (连续4年, 连续18个月): how long a state lasted, not an amount
    # of anything; the figure gets no metric
    streak: tuple[str, ...] = ()
    streak_units: tuple[str, ...] = ()
    # units of medal tallies (4金1银1铜): nothing counted is written, no metric
    tally_units: frozenset[str] = frozenset()
    # compiled once from the lists above (matching words at a phrase's end is
    # matching reversed words at the start of the reversed phrase)
    trail_rev: re.Pattern[str] = field(init=False, repr=False)
    verbs_rev: re.Pattern[str] = field(init=False, repr=False)
    lead_re: re.Pattern[str] = field(init=False, repr=False)
    stop_re: re.Pattern[str] = field(init=False, repr=False)
    frame_re: re.Pattern[str] = field(init=False, repr=False)
    not_etc_re: re.Pattern[str] = field(init=False, repr=False)
    not_etc_len: int = field(init=False, repr=False)  # the longest not_etc word
    # a cue regex can only match where one of its words' first (last, when matched
    # reversed) characters stands: a set look-up skips most regex calls
    lead_first: frozenset[str] = field(init=False, repr=False)
    frame_first: frozenset[str] = field(init=False, repr=False)
    trail_last: frozenset[str] = field(init=False, repr=False)
    verb_set: frozenset[str] = field(init=False, repr=False)
    single_verbs: frozenset[str] = field(init=False, repr=False)  # 获, 占: verbs only clause-initially

    def __post_init__(self) -> None:
        object.__setattr__(self, "lead_first", frozenset(w[0] for w in self.lead if w))
        object.__setattr__(self, "frame_first", frozenset(w[0] for w in self.frame if w))
        object.__setattr__(self, "trail_last", frozenset(w[-1] for w in self.trail if w))
        object.__setattr__(self, "verb_set", frozenset(self.verbs))
        object.__setattr__(self, "single_verbs", frozenset(w for w in self.verbs if len(w) == 1))
        object.__setattr__(self, "trail_rev", _alternation(self.trail, reverse=True))
        multi = tuple(w for w in self.verbs if len(w) > 1)
        object.__setattr__(self, "verbs_rev", _alternation(multi, reverse=True))
        object.__setattr__(self, "lead_re", _alternation(self.lead))
        object.__setattr__(self, "stop_re", _alternation(self.stop))
        object.__setattr__(self, "frame_re", _alternation(self.frame))
        object.__setattr__(self, "not_etc_re", _alternation(self.not_etc))
        object.__setattr__(self, "not_etc_len", max(map(len, self.not_etc), default=0))

    @classmethod
    def load(cls) -> MetricCues:
        by_role: dict[str, list[str]] = {}
        for row in read_tsv("link_metric_cues.tsv"):
            by_role.setdefault(row["role"], []).append(row["word"])
        heads: dict[str, list[str]] = {}
        for row in read_tsv("link_metric_heads.tsv"):
            heads.setdefault(row["role"], []).append(row["word"])
        splits = tuple(
            (row["prefix"], tuple(row["parts"].split("|")))
            for row in sorted(read_tsv("link_metric_splits.tsv"), key=lambda r: -len(r["prefix"]))
        )
        noun_verbs = by_role.get("noun_verb", [])
        verbs = by_role.get("verb", []) + noun_verbs  # (they are verbs everywhere else)
        return cls(
            verbs=_longest_first(verbs),
            trail=_longest_first(by_role.get("trail", []) + verbs),
            lead=_longest_first(by_role.get("lead", [])),
            # change verbs and qualifiers (增长, 以上…) also end a following noun phrase
            # (not_stop words are in the pattern so that they match instead of the
            # stop word inside them, and are then passed over)
            stop=_longest_first(by_role.get("stop", []) + verbs + by_role.get("stop_inner", [])
                                + by_role.get("not_stop", [])
                                + [w for w in by_role.get("trail", []) if len(w) > 1]),
            stop_inner=frozenset(by_role.get("stop_inner", [])),
            not_stop=frozenset(by_role.get("not_stop", [])),
            ellipsis=frozenset(by_role.get("ellipsis", [])),
            not_etc=_longest_first(by_role.get("not_etc", [])),
            frame=_longest_first(by_role.get("frame", [])),
            heads=_longest_first(heads.get("head", [])),
            head_starts=tuple(heads.get("start", [])),
            splits=splits,
            not_verb=tuple(by_role.get("not_verb", [])),
            noun_verbs=_longest_first(noun_verbs),
            streak=tuple(by_role.get("streak", [])),
            streak_units=tuple(by_role.get("streak_unit", [])),
            tally_units=frozenset(by_role.get("tally_unit", [])),
        )


@dataclass(frozen=True, slots=True)
class PeriodCues:
    vague: frozenset[str]
    plan_name: tuple[str, ...]
    base: tuple[str, ...]
    recurring: tuple[str, ...]
    reanchor: frozenset[str]
    report: tuple[str, ...]
    review: tuple[str, ...]
    plan: tuple[str, ...]
    year_titles: frozenset[str] = frozenset()  # title words of a report on one year (统计公报)
    # a plan name's first and a base word's last characters: cheap tests before
    # a startswith/endswith with a tuple of words (one per time of a document)
    plan_name_first: frozenset[str] = field(init=False, repr=False, compare=False)
    base_last: frozenset[str] = field(init=False, repr=False, compare=False)
    base_len: int = field(init=False, repr=False, compare=False)  # the longest base word

    def __post_init__(self) -> None:
        if "" in self.plan_name or "" in self.base:
            raise ValueError("link_period_cues.tsv: an empty plan_name or base word")
        object.__setattr__(self, "plan_name_first", frozenset(w[0] for w in self.plan_name))
        object.__setattr__(self, "base_last", frozenset(w[-1] for w in self.base))
        object.__setattr__(self, "base_len", max(map(len, self.base), default=0))

    @classmethod
    def load(cls) -> PeriodCues:
        by_role: dict[str, list[str]] = {}
        for row in read_tsv("link_period_cues.tsv"):
            by_role.setdefault(row["role"], []).append(row["word"])
        return cls(
            vague=frozenset(by_role.get("vague", [])),
            plan_name=_longest_first(by_role.get("plan_name", [])),
            base=_longest_first(by_role.get("base", [])),
            recurring=_longest_first(by_role.get("recurring", [])),
            reanchor=frozenset(by_role.get("reanchor", [])),
            report=tuple(by_role.get("report", [])),
            review=_longest_first(by_role.get("review", [])),
            plan=_longest_first(by_role.get("plan", [])),
            year_titles=title_words(),
        )


@dataclass(frozen=True, slots=True)
class RegionCues:
    scope: tuple[tuple[str, str], ...]  # (word, target) for scope words, longest word first
    platform: tuple[str, ...] = ()      # name endings of platforms (小镇): use the parent
    locative: tuple[str, ...] = ()      # 来自/位于…: a place after the figure scopes it
    national: tuple[str, ...] = ()      # 国务院, 党中央…: a placeless document is national
    national_datelines: frozenset[str] = frozenset()  # 北京市: its datelines file national news
    event: tuple[str, ...] = ()         # 奥运会, 博览会…: a place naming an event is not a scope
    # the locative words' last characters: a cheap test before endswith
    locative_last: frozenset[str] = field(init=False, repr=False, compare=False)
    # the scope words' first characters: a cheap test before trying each word
    scope_first: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "locative_last", frozenset(w[-1] for w in self.locative if w))
        object.__setattr__(self, "scope_first", frozenset(w[0] for w, _ in self.scope if w))

    @classmethod
    def load(cls) -> RegionCues:
        rows = [(r["word"], r["target"]) for r in read_tsv("link_region_cues.tsv")]
        special = {"@parent", "@locative", "@national", "@national_dateline", "@event"}
        return cls(
            scope=tuple(sorted(((w, t) for w, t in rows if t not in special), key=lambda x: -len(x[0]))),
            platform=tuple(w for w, t in rows if t == "@parent"),
            locative=_longest_first([w for w, t in rows if t == "@locative"]),
            national=tuple(w for w, t in rows if t == "@national"),
            national_datelines=frozenset(w for w, t in rows if t == "@national_dateline"),
            event=tuple(w for w, t in rows if t == "@event"),
        )
