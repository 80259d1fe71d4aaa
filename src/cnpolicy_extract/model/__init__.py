"""The statistical layer: the shipped entity model and how it joins the rules.

``ModelStage`` runs after the organisation, place and person rule stages:
the model's people, places and organisations replace, join or yield to the
rules' as ``Config.model_policy`` says (``POLICIES``); times, figures and
codes always win. The model loads on the first document processed with a
model configured: ``Config(model=None)`` never loads it.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..lazy import Lazy
from ..types import Mention, Organization, Person, Place
from .loader import EntityModel, resolve_model_path, shipped_model_dir
from .merge import MIN_LENGTH, inside, merge, overlaps, quoted, well_formed

if TYPE_CHECKING:
    from ..config import Config
    from ..state import DocState

__all__ = ["EntityModel", "ModelStage", "merge", "resolve_model_path", "shipped_model_dir"]

#: model label → the DocState list it extends
LABEL_KIND = {"PERSON": "people", "LOC": "places", "ORG": "organizations"}


@dataclass(frozen=True, slots=True)
class Policy:
    """How model spans join the rules' entities."""

    labels: tuple[str, ...]  # model labels that may be added
    override: tuple[str, ...]  # model spans of these labels replace overlapping rule entities of them
    exclusive: tuple[str, ...] = ()  # rule entities of these labels stay only where the model agrees
    keep_titled: bool = False  # rule people with a title or role never yield
    skip_quoted: bool = False  # no model span inside a short quotation or title
    surname_people: bool = False  # one-character model people kept (PD1998 tags 江 in 江主席)
    vet: tuple[str, ...] = ()  # rule entities of these labels the model did not find stay only
    vet_floor: float = 0.0  # ... when the model gives their span at least this probability
    figures_yield: bool = False  # model organisations drop the figures inside them (二大队, 615所)


#: per ``Config.model_policy``; chosen on the PD1998 dev split
#: (benchmarks/model_ablation.py --both-labels) and the two gold texts.
#: Dev F1 PERSON/LOC/ORG: rules only .807/.845/.795, model only .893/.902/.883.
POLICIES: dict[str, Policy] = {
    # news NER: dev .920/.909/.883 (train-only model). Model people and
    # places replace the rule entities they overlap; the rules' other people
    # and places stay where the model gives their span a probability of at
    # least .01 (dev PER/LOC: .910/.904 with every one kept, .907/.906 at .15; flat
    # from .003 to .02), which drops 友谊/来宾-style gazetteer hits and caption
    # words; one-character people stay (PD1998 tags 江 in 江主席: +.008 PER).
    # Rule organisations follow SPEC, where 县委 and 人民解放军 count and
    # PD1998's do not, so ORG is the model's, and its organisations drop the
    # figures inside them (三大队: on 1,500 train articles 16 organisations
    # were lost to figures, none gained). Not for policy text: on the
    # work-report gold places .79, orgs .21 (浙江日报 → 浙江, 嘉兴 swallowed
    # into 嘉兴斯达微电子)
    "model": Policy(("PERSON", "LOC", "ORG"), ("PERSON", "LOC", "ORG"), ("ORG",),
                    surname_people=True, vet=("LOC", "PERSON"), vet_floor=0.01, figures_yield=True),
    # policy documents: dev .910/.893/.795; gold people/places/orgs: seed
    # 1.0/1.0/1.0 (as the rules alone), work report 1.0/.92/1.0 (rules alone
    # 1.0/.979/1.0: the model adds 海岛县, 城中村, 中欧). Quoted brand and award
    # names (“杭州港”, “中国美术奖”) are never the model's places here.
    "rules": Policy(("PERSON", "LOC"), ("PERSON", "LOC"), (), keep_titled=True, skip_quoted=True),
}


def _gazetteer() -> dict[str, tuple[str, str | None, str | None, str | None]]:
    """Place name or short form → (name, level, parent, code), for names that
    mean one place only (朝阳 is a district and a city: left out)."""
    from ..dimensions.place import data

    full: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {}
    short: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {}
    for e in data.division_entries():
        row = (e.name, e.level, e.parent, e.code)
        full.setdefault(e.name, []).append(row)
        for sf in e.shorts:
            short.setdefault(sf, []).append(row)
    for alias, e in data.world_entries():
        short.setdefault(alias, []).append((e.name, e.level, e.parent, e.code))
    out = {k: v[0] for k, v in short.items() if len(set(v)) == 1}
    out.update({k: v[0] for k, v in full.items() if len(set(v)) == 1})
    return out


def _org_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, type) from the organisation suffix table, longest first."""
    from ..resources import read_tsv

    rows = [(r["suffix"], r["type"]) for r in read_tsv("org_suffixes.tsv") if r.get("suffix")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


class ModelStage:
    """Adds model-found entities that rules missed (see ``merge``), for the
    labels, overrides and exclusive labels of ``POLICIES[config.model_policy]``
    unless told otherwise.

    Not one of the per-kind stages: it extends ``people``, ``places`` and
    ``organizations`` and must run after their rule stages and before
    linking. A no-op when ``config.model`` is None, when the shipped model is
    absent, or when none of those kinds is wanted.
    """

    kind: ClassVar[str] = "model"
    requires: ClassVar[frozenset[str]] = frozenset({"organizations", "places", "people"})

    def __init__(self, config: Config, labels: tuple[str, ...] | None = None,
                 override: tuple[str, ...] | None = None, exclusive: tuple[str, ...] | None = None) -> None:
        policy = POLICIES[config.model_policy]
        labels = policy.labels if labels is None else labels
        self._kinds = frozenset(config.kinds) & frozenset(LABEL_KIND[lab] for lab in labels)
        self._override = frozenset(policy.override if override is None else override)
        self._exclusive = frozenset(policy.exclusive if exclusive is None else exclusive)
        self._keep_titled = policy.keep_titled
        self._skip_quoted = policy.skip_quoted
        self._min_length = {**MIN_LENGTH, "PERSON": 1} if policy.surname_people else MIN_LENGTH
        self._vet = frozenset(policy.vet)
        self._vet_floor = policy.vet_floor
        self._figures_yield = policy.figures_yield and "organizations" in self._kinds
        path = resolve_model_path(config.model) if self._kinds else None
        self.model: EntityModel | None = EntityModel(path) if path is not None else None
        self._suffixes: Lazy[tuple[tuple[str, str], ...]] = Lazy(_org_suffixes)
        self._places: Lazy[dict[str, tuple[str, str | None, str | None, str | None]]] = Lazy(_gazetteer)

    def __call__(self, state: DocState) -> None:
        if self.model is None:
            return
        # rule entities to vet, scored in the same pass of the model
        vetted = self._vettable(state)  # original offsets, as every result's
        if vetted:
            to_norm = state.norm.from_original
            found, probs = self.model.analyse(  # offsets index state.text (normalised)
                state.text, [(to_norm(s), to_norm(e), lab) for s, e, lab in vetted])
        else:
            found, probs = self.model.predict(state.text), None
        if not found and probs is None and not self._exclusive:
            return
        norm = state.norm
        text = state.text
        regions = quoted(text) if self._skip_quoted else []
        cands = [(*norm.span(s, e), label) for s, e, label in found
                 if well_formed(text[s:e], label) and not (regions and inside(regions, s, e))]
        labels = [lab for lab, kind in LABEL_KIND.items() if kind in self._kinds]
        # times and codes block the model; figures too, unless its
        # organisations (those times and codes leave) win over them
        fixed: list[tuple[int, int, str]] = [(x.start, x.end, "") for x in state.times]
        fixed.extend((x.start, x.end, "") for x in state.codes)
        if self._figures_yield and state.figures:
            orgs = [(s, e) for s, e, _ in merge(fixed, cands, ("ORG",), self._min_length)]
            if orgs:
                state.figures[:] = [f for f in state.figures if not overlaps(orgs, f.start, f.end)]
        fixed.extend((x.start, x.end, "") for x in state.figures)
        cands = merge(fixed, cands, labels, self._min_length)
        if self._override:
            self._drop_overlapped(state, [c for c in cands if c[2] in self._override])
        # an exclusive label keeps only the rule entities the model also found
        if "ORG" in self._exclusive:
            mine = {(s, e) for s, e, lab in cands if lab == "ORG"}
            state.organizations[:] = [o for o in state.organizations if (o.start, o.end) in mine]
        if "LOC" in self._exclusive:
            mine = {(s, e) for s, e, lab in cands if lab == "LOC"}
            state.places[:] = [p for p in state.places if (p.start, p.end) in mine]
        if "PERSON" in self._exclusive:
            mine = {(s, e) for s, e, lab in cands if lab == "PERSON"}
            self._keep_mentions(state, lambda m: (m.start, m.end) in mine, self._keep_titled)
        if probs is not None:
            self._drop_implausible(state, vetted, probs, {(s, e, lab) for s, e, lab in cands})
        # entity spans the rules (still) hold block the model
        rules: list[tuple[int, int, str]] = [(x.start, x.end, "") for x in state.organizations]
        rules.extend((x.start, x.end, "") for x in state.places)
        for p in state.people:
            rules.extend((m.start, m.end, "") for m in p.mentions)
        self._add(state, merge(rules, cands, labels, self._min_length))

    def _vettable(self, state: DocState) -> list[tuple[int, int, str]]:
        """Spans of the rule entities of the vetted labels (people with a
        title or role are exempt under ``keep_titled``)."""
        out: list[tuple[int, int, str]] = []
        if "LOC" in self._vet:
            out.extend((p.start, p.end, "LOC") for p in state.places)
        if "PERSON" in self._vet:
            for p in state.people:
                if not (self._keep_titled and (p.positions or p.role)):
                    out.extend((m.start, m.end, "PERSON") for m in p.mentions)
        return out

    def _drop_implausible(self, state: DocState, vetted: list[tuple[int, int, str]],
                          probs: list[float], found: set[tuple[int, int, str]]) -> None:
        """Remove the vetted rule entities that the model did not find itself
        and gives a probability below the floor."""
        weak = {t for t, pr in zip(vetted, probs, strict=True) if pr < self._vet_floor and t not in found}
        if not weak:
            return
        state.places[:] = [p for p in state.places if (p.start, p.end, "LOC") not in weak]
        self._keep_mentions(state, lambda m: (m.start, m.end, "PERSON") not in weak, False)

    def _drop_overlapped(self, state: DocState, won: list[tuple[int, int, str]]) -> None:
        """Remove the rule entities of the overriding labels that overlap a
        model span of those labels, unless they have exactly its span and
        label (then the richer rule entity stays). With ``keep_titled``,
        people the rules found with a title or role always stay."""
        if not won:
            return
        spans = sorted(won)
        starts = [s for s, _, _ in spans]

        def beaten(s: int, e: int, label: str) -> bool:
            # model spans do not overlap each other, so their ends rise with
            # their starts: the last one starting before ``e`` decides
            i = bisect_left(starts, e)
            if not i:
                return False
            ms, me, ml = spans[i - 1]
            return me > s and not (ms == s and me == e and ml == label)

        over = self._override
        if "LOC" in over:
            state.places[:] = [x for x in state.places if not beaten(x.start, x.end, "LOC")]
        if "ORG" in over:
            state.organizations[:] = [x for x in state.organizations if not beaten(x.start, x.end, "ORG")]
        if "PERSON" in over:
            self._keep_mentions(state, lambda m: not beaten(m.start, m.end, "PERSON"), self._keep_titled)

    @staticmethod
    def _keep_mentions(state: DocState, keep: Callable[[Mention], bool], titled_stay: bool) -> None:
        """Keep the rule people's mentions that ``keep`` accepts (all of a
        titled person's with ``titled_stay``); a person left with none goes."""
        people: list[Person] = []
        for p in state.people:
            if titled_stay and (p.positions or p.role):
                people.append(p)
                continue
            kept = tuple(m for m in p.mentions if keep(m))
            if kept == p.mentions:
                people.append(p)
            elif kept:
                people.append(Person(p.name, kept, p.role, p.positions))
        state.people[:] = people

    def _add(self, state: DocState, spans: Iterable[tuple[int, int, str]]) -> None:
        original = state.norm.original
        new_people: dict[str, list[Mention]] = {}
        for s, e, label in spans:
            text = original[s:e]
            if label == "LOC":
                name = _name(text)
                # a place the gazetteer knows (uniquely) gets its level, parent and code
                known = self._places.get().get(name)
                if known is None:
                    state.places.append(Place(s, e, text, name=name))
                else:
                    state.places.append(Place(s, e, text, *known))
            elif label == "ORG":
                name = _name(text)
                state.organizations.append(Organization(s, e, text, name=name, type=self._org_type(name)))
            elif label == "PERSON":
                new_people.setdefault(_name(text), []).append(Mention(s, e))
        if not new_people:
            return
        # a name the rules already know gains mentions; other names are new people
        for i, p in enumerate(state.people):
            extra: list[Mention] | None = new_people.pop(p.name, None)
            if extra:
                merged = tuple(sorted((*p.mentions, *extra), key=lambda m: (m.start, m.end)))
                state.people[i] = Person(p.name, merged, p.role, p.positions)
        for name, found in new_people.items():
            state.people.append(Person(name=name, mentions=tuple(found)))

    def _org_type(self, name: str) -> str:
        for suffix, typ in self._suffixes.get():
            if name.endswith(suffix):
                return typ or "other"
        return "other"


def _name(text: str) -> str:
    """The normalised surface (width-normalised, inner whitespace removed)."""
    from ..normalize import halfwidth

    return "".join(halfwidth(text).split())
