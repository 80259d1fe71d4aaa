"""From the spaCy tagger pipeline to character spans (the only spaCy-aware decoding)."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from .bioes import decode
from .decode import BioesDecoder


def doc_spans(doc: Any) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` character spans of ``doc``'s BIOES tags
    (argmax tags as set by the tagger; for gold docs and quick checks)."""
    toks = list(doc)
    return _to_chars(toks, decode([t.tag_ for t in toks]))


def _to_chars(toks: list[Any], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for s, e, label in spans:
        last = toks[e - 1]
        out.append((toks[s].idx, last.idx + len(last), label))
    return out


_SPACE = re.compile(r"\s")


def make_doc(nlp: Any, text: str) -> Any:
    """``nlp.make_doc(text)``; without whitespace the char tokenizer's result
    is simply one token per character, built directly (it is cheaper)."""
    if _SPACE.search(text):
        return nlp.make_doc(text)
    return Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))


def _doc_char_spans(doc: Any, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    if not spans:
        return []
    arr = doc.to_array([IDX, LENGTH])
    return [(int(arr[s, 0]), int(arr[e - 1, 0] + arr[e - 1, 1]), label) for s, e, label in spans]


def predict_spans(nlp: Any, texts: Sequence[str], batch_size: int = 64,
                  decoder: BioesDecoder | None = None) -> Iterator[list[tuple[int, int, str]]]:
    """Character spans per text: the tok2vec runs through ``nlp.pipe``, the
    tagger's scores are decoded with BIOES constraints (``BioesDecoder``)."""
    tagger = nlp.get_pipe("tagger")
    decoder = decoder or BioesDecoder(tagger.labels)
    docs = list(nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=batch_size, disable=["tagger"]))
    for i in range(0, len(docs), batch_size):
        batch = docs[i:i + batch_size]
        for doc, scores in zip(batch, tagger.model.predict(batch), strict=True):
            yield _doc_char_spans(doc, decoder.spans(tagger.model.ops.to_numpy(scores)))
