"""The Extractor: a fixed configuration, lazily built stages, safe to share."""
from __future__ import annotations

import importlib
import operator
from collections.abc import Iterable, Iterator
from typing import Any

from .config import Config
from .lazy import Lazy
from .normalize import normalize
from .stage import Stage
from .state import DocState
from .tokenize import Token, Tokenizer, make_tokenizer
from .types import Document, Meta

# Run order, and where each stage lives. A stage may read the results of the
# stages before it (declared in its ``requires``).
_STAGES: tuple[tuple[str, str, str], ...] = (
    ("meta", "cnpolicy_extract.dimensions.meta", "MetaStage"),
    ("times", "cnpolicy_extract.dimensions.time", "TimeStage"),
    ("codes", "cnpolicy_extract.dimensions.code", "CodeStage"),
    ("organizations", "cnpolicy_extract.dimensions.organization", "OrganizationStage"),
    ("places", "cnpolicy_extract.dimensions.place", "PlaceStage"),
    ("people", "cnpolicy_extract.dimensions.person", "PersonStage"),
    ("figures", "cnpolicy_extract.dimensions.figure", "FigureStage"),
)
_ORDER = tuple(k for k, _, _ in _STAGES)


def _load_stage_class(kind: str) -> type:
    for k, module, cls in _STAGES:
        if k == kind:
            return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]
    raise KeyError(kind)


class Extractor:
    """Extracts what ``config`` selects. Behaviour is fixed once built; heavy
    resources (jieba, the model) load on first need, once, thread-safely."""

    def __init__(self, config: Config | None = None) -> None:
        if config is not None and not isinstance(config, Config):
            raise TypeError(f"config must be a Config, not {type(config).__name__}")
        self.config = config or Config()
        if self.config.tokenizer == "pkuseg":
            # fail now, not at the first document that needs tokens
            from .tokenize.pkuseg_backend import check_model_dir

            check_model_dir(self.config.pkuseg_model or "")
        self._tokenizer: Lazy[Tokenizer] = Lazy(self._make_tokenizer)
        self._pipeline: Lazy[tuple[Stage, ...]] = Lazy(self._build)

    def _make_tokenizer(self) -> Tokenizer:
        return make_tokenizer(self.config)

    def _tokenize(self, text: str) -> list[Token]:
        return self._tokenizer.get().tokenize(text)

    @property
    def tokenizer(self) -> Tokenizer:
        return self._tokenizer.get()

    def _build(self) -> tuple[Stage, ...]:
        wanted = set(self.config.kinds)
        model_stage: type | None = None
        if self.config.model is not None and wanted & {"people", "places", "organizations"}:
            from .model import ModelStage

            model_stage = ModelStage
            wanted |= ModelStage.requires
        classes: dict[str, type] = {}
        todo = list(wanted)
        while todo:  # close over declared dependencies
            kind = todo.pop()
            if kind in classes:
                continue
            cls = classes[kind] = _load_stage_class(kind)
            todo.extend(getattr(cls, "requires", ()))
        stages = []
        for kind in _ORDER:
            if kind in classes:
                stages.append(classes[kind](self.config))
        # The statistical model adds people/places the rules missed.
        if model_stage is not None:
            stages.append(model_stage(self.config))
        # Linking (figure → metric/period/region) and overlap resolution.
        from .link import LinkStage

        stages.append(LinkStage(self.config))
        return tuple(stages)

    def extract(self, text: str, *, published: str | None = None, doc_id: str | None = None) -> Document:
        if not isinstance(text, str):
            raise TypeError(f"extract() needs a str, not {type(text).__name__}")
        if published is not None and not isinstance(published, str):
            raise TypeError("published must be an ISO date string such as '2024-11-22' or None")
        state = DocState(norm=normalize(text), published=published, _tokenize=self._tokenize)
        for stage in self._pipeline.get():
            stage(state)
        kinds = self.config.kinds

        def pick(kind: str) -> tuple[Any, ...]:
            if kind not in kinds:
                return ()
            return tuple(sorted(getattr(state, kind), key=_span_key))

        meta = state.meta if "meta" in kinds else Meta(published=published)
        if published is not None:
            meta = Meta(published=published, source=meta.source, author=meta.author, editors=meta.editors)
        return Document(
            text=text, id=doc_id, meta=meta,
            figures=pick("figures"), codes=pick("codes"),
            organizations=pick("organizations"),
            people=tuple(state.people) if "people" in kinds else (),
            places=pick("places"), times=pick("times"),
        )

    def pipe(self, texts: Iterable[str]) -> Iterator[Document]:
        """Documents for ``texts``, in order, streamed."""
        for text in texts:
            yield self.extract(text)

    def __repr__(self) -> str:
        return f"Extractor({self.config!r})"


# (start, end) of a result, read in C (sorting is per item of every list of every call)
_span_key = operator.attrgetter("start", "end")
