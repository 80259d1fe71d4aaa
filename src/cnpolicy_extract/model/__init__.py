"""The statistical layer: the shipped entity model and how it joins the rules.

``ModelStage`` runs after the organisation, place and person rule stages and
adds the people, places and organisations the model finds that rules missed
(``merge.merge``: rules win wherever they matched). Nothing here imports
spaCy until a document is processed with a model configured:
``Config(model=None)`` never loads it.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from ..lazy import Lazy
from ..types import Mention, Organization, Person, Place
from .loader import EntityModel, resolve_model_path, shipped_model_dir
from .merge import merge, well_formed

if TYPE_CHECKING:
    from ..config import Config
    from ..state import DocState

__all__ = ["EntityModel", "ModelStage", "merge", "resolve_model_path", "shipped_model_dir"]

#: model label → the DocState list it extends
LABEL_KIND = {"PERSON": "people", "LOC": "places", "ORG": "organizations"}
#: labels whose model candidates are added to the rules' results, chosen by
#: measurement on the PD1998 dev split (benchmarks/model_ablation.py --both-labels;
#: 120 dev articles, F1 rules / model / rules+model): PERSON .763/.823/.834,
#: LOC .846/.831/.855 — added; ORG .802/.747/.788 — the suffix and gazetteer
#: rules alone do better, so model organisations are not added.
DEFAULT_LABELS: tuple[str, ...] = ("PERSON", "LOC")


def _org_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, type) from the organisation suffix table, longest first."""
    from ..resources import read_tsv

    rows = [(r["suffix"], r["type"]) for r in read_tsv("org_suffixes.tsv") if r.get("suffix")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


class ModelStage:
    """Adds model-found entities that rules missed (see ``merge``), for the
    labels in ``DEFAULT_LABELS`` unless told otherwise.

    Not one of the per-kind stages: it extends ``people``, ``places`` and
    ``organizations`` and must run after their rule stages and before
    linking. A no-op when ``config.model`` is None, when the shipped model is
    absent, or when none of those kinds is wanted.
    """

    kind: ClassVar[str] = "model"
    requires: ClassVar[frozenset[str]] = frozenset({"organizations", "places", "people"})

    def __init__(self, config: Config, labels: tuple[str, ...] = DEFAULT_LABELS) -> None:
        self._kinds = frozenset(config.kinds) & frozenset(LABEL_KIND[lab] for lab in labels)
        path = resolve_model_path(config.model) if self._kinds else None
        self.model: EntityModel | None = EntityModel(path) if path is not None else None
        self._suffixes: Lazy[tuple[tuple[str, str], ...]] = Lazy(_org_suffixes)

    def __call__(self, state: DocState) -> None:
        if self.model is None:
            return
        found = self.model.predict(state.text)  # offsets index state.text (normalised)
        if not found:
            return
        # rule spans in original offsets; everything a rule matched blocks the model
        rules: list[tuple[int, int, str]] = []
        for xs in (state.organizations, state.places, state.times, state.codes, state.figures):
            rules.extend((x.start, x.end, "") for x in xs)
        for p in state.people:
            rules.extend((m.start, m.end, "") for m in p.mentions)
        norm = state.norm
        text = state.text
        cands = [(*norm.span(s, e), label) for s, e, label in found if well_formed(text[s:e], label)]
        labels = [lab for lab, kind in LABEL_KIND.items() if kind in self._kinds]
        added = merge(rules, cands, labels)
        self._add(state, added)

    def _add(self, state: DocState, spans: Iterable[tuple[int, int, str]]) -> None:
        original = state.norm.original
        new_people: dict[str, list[Mention]] = {}
        for s, e, label in spans:
            text = original[s:e]
            if label == "LOC":
                state.places.append(Place(s, e, text, name=_name(text), level=None))
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
