"""spaCy component ``cnpolicy_extract`` (registered through the
``spacy_factories`` entry point, so ``nlp.add_pipe("cnpolicy_extract")`` works
without importing this package).

Every result becomes a Span in ``doc.spans["cnpolicy_extract"]`` with the typed
result (Figure, Code, Organization, Person, Place, Time) on ``span._.cnpolicy``;
a non-overlapping subset, longest first, is added to ``doc.ents`` (existing
entities are kept; ours never overwrite them). Character offsets are mapped
onto the pipeline's tokens: exactly under the ``char`` segmenter, expanded to
token boundaries under ``jieba`` or ``pkuseg``.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..config import Config
from ..extractor import Extractor
from ..types import Document

LABELS: dict[str, str] = {
    "figures": "FIGURE", "codes": "CODE", "organizations": "ORG",
    "people": "PERSON", "places": "PLACE", "times": "TIME",
}
EXTENSION = "cnpolicy"
SPANS_KEY = "cnpolicy_extract"


def results(doc: Document) -> list[tuple[int, int, str, Any]]:
    """(start, end, label, typed result) for everything in ``doc``; a person
    gives one entry per mention."""
    out: list[tuple[int, int, str, Any]] = []
    for kind, label in LABELS.items():
        for item in getattr(doc, kind):
            if kind == "people":
                out.extend((m.start, m.end, label, item) for m in item.mentions)
            else:
                out.append((item.start, item.end, label, item))
    return out


class CnpolicyComponent:
    def __init__(self, extractor: Extractor, *, spans_key: str = SPANS_KEY, set_ents: bool = True,
                 traditional: str = "off") -> None:
        if not Span.has_extension(EXTENSION):
            Span.set_extension(EXTENSION, default=None)
        self.extractor = extractor
        self.spans_key = spans_key
        self.set_ents = set_ents
        from ..io.traditional import resolve_mode

        self.traditional = resolve_mode(traditional)

    def __call__(self, doc: Doc) -> Doc:
        from ..io.traditional import extract_text

        found = extract_text(self.extractor, doc.text, mode=self.traditional)
        spans: list[Span] = []
        for start, end, label, item in results(found):
            span = doc.char_span(start, end, label=label)
            if span is None:  # not on token boundaries: widen to the tokens covering it
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span._.set(EXTENSION, item)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            self._set_ents(doc, spans)
        return doc

    @staticmethod
    def _set_ents(doc: Doc, spans: list[Span]) -> None:
        taken = [False] * len(doc)
        for e in doc.ents:
            for i in range(e.start, e.end):
                taken[i] = True
        chosen: list[Span] = []
        for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            if any(taken[span.start:span.end]):
                continue
            for i in range(span.start, span.end):
                taken[i] = True
            chosen.append(span)
        if chosen:
            doc.set_ents(sorted(chosen), default="unmodified")


@Language.factory(
    "cnpolicy_extract",
    default_config={"kinds": None, "tokenizer": "jieba", "model": None, "model_policy": "model",
                    "spans_key": SPANS_KEY, "set_ents": True, "traditional": "off"},
)
def make_component(nlp: Language, name: str, kinds: list[str] | None, tokenizer: str,
                   model: str | None, model_policy: str, spans_key: str, set_ents: bool,
                   traditional: str) -> CnpolicyComponent:
    """``nlp.add_pipe("cnpolicy_extract", config={"kinds": ["figures"]})``; the
    entity model is opt-in as everywhere: ``config={"model": "default"}``."""
    opts: dict[str, Any] = {"tokenizer": tokenizer, "model": model, "model_policy": model_policy}
    config = Config(**opts) if kinds is None else Config(kinds=frozenset(kinds), **opts)
    from . import cached_extractor

    return CnpolicyComponent(cached_extractor(config), spans_key=spans_key, set_ents=set_ents,
                             traditional=traditional)
