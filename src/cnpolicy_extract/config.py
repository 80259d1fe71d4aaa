"""Extractor configuration: frozen and picklable, so workers can rebuild it."""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

KINDS: frozenset[str] = frozenset(
    {"meta", "figures", "codes", "organizations", "people", "places", "times"}
)
TOKENIZERS: frozenset[str] = frozenset({"jieba", "char", "pkuseg"})
MODEL_POLICIES: frozenset[str] = frozenset({"model", "rules"})


@dataclass(frozen=True, slots=True)
class Config:
    """What to extract and with which resources.

    kinds: subset of ``KINDS``; default all. ``Config(kinds={"figures"})`` is
        figure extraction alone (jieba is never loaded).
    tokenizer: ``"jieba"`` (default), ``"char"`` or ``"pkuseg"``.
    pkuseg_model: directory of a spacy-pkuseg model (for ``tokenizer="pkuseg"``).
    model: the statistical entity model: ``None`` (default: rules only),
        ``"default"`` (the shipped CRF trained on People's Daily 1998) or a
        path. Opt-in: it finds people, places and organisations the rules
        miss in news; see docs/model-card.md.
    model_policy: how model and rules join when ``model`` is set.
        ``"model"`` (default): news-NER conventions — model spans replace
        overlapping rule people, places and organisations (titled people
        stay), organisations are the model's alone, rules add the people
        and places it missed. ``"rules"``: the rules' entities (SPEC
        conventions, e.g. 省委 and 人民解放军 are organisations) stay and win
        overlaps with model organisations; model people and places replace
        untitled rule people and rule places they overlap. Use ``"rules"``
        for policy documents.
    link: fill each figure's ``metric``, ``period`` and ``region``. ``None``
        (default) links unless figures are the only kind asked for: figure-only
        extraction is the fast path, and linking costs about as much as
        finding the figures. Period and region use the times and places
        stages when they run (else a light year scan and scope words).
    """

    kinds: AbstractSet[str] = field(default=KINDS)  # stored as a frozenset
    tokenizer: str = "jieba"
    pkuseg_model: str | None = None
    model: str | None = None
    link: bool | None = None
    model_policy: str = "model"

    def __post_init__(self) -> None:
        kinds = self.kinds
        if isinstance(kinds, str) or not all(isinstance(k, str) for k in kinds):
            raise TypeError("Config.kinds must be a collection of kind names, e.g. {'figures'}")
        kinds = frozenset(kinds)
        unknown = kinds - KINDS
        if unknown:
            raise ValueError(f"unknown kinds {sorted(unknown)}; choose from {sorted(KINDS)}")
        object.__setattr__(self, "kinds", kinds)
        if self.tokenizer not in TOKENIZERS:
            raise ValueError(f"unknown tokenizer {self.tokenizer!r}; choose from {sorted(TOKENIZERS)}")
        if self.model_policy not in MODEL_POLICIES:
            raise ValueError(f"unknown model_policy {self.model_policy!r}; "
                             f"choose from {sorted(MODEL_POLICIES)}")
        if self.link is not None and not isinstance(self.link, bool):
            raise TypeError("Config.link must be True, False or None")
        if self.tokenizer == "pkuseg" and not self.pkuseg_model:
            raise ValueError("tokenizer='pkuseg' needs pkuseg_model=PATH "
                             "(its pretrained model cannot be downloaded)")

    @property
    def links_figures(self) -> bool:
        """Whether figures get metric, period and region (see ``link``)."""
        if self.link is not None:
            return self.link
        return self.kinds != frozenset({"figures"})
