"""Finding and loading the entity model, on first use.

Two kinds of model directory: a linear-chain CRF (``crf.npz``, numpy only;
the shipped one) or a spaCy tagger pipeline (``config.cfg``; spaCy is
imported only then).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from ..lazy import Lazy
from ..normalize import normalize

#: package data folder of the shipped model (``cnpolicy_extract/models/ner_crf``)
SHIPPED = "ner_crf"
#: lines longer than this are cut (at a 。 when there is one) before tagging
_CHUNK = 4000


def _is_model_dir(path: Path) -> bool:
    return (path / "crf.npz").is_file() or (path / "config.cfg").is_file()


def shipped_model_dir() -> Path | None:
    """The shipped model's directory, or None when the package has none."""
    root = resources.files("cnpolicy_extract.models").joinpath(SHIPPED)
    path = Path(str(root))
    return path if _is_model_dir(path) else None


def resolve_model_path(spec: str | None) -> Path | None:
    """``None`` → no model; ``"default"`` → the shipped one (None if absent);
    anything else → that directory (a ``crf.npz`` or a spaCy pipeline)."""
    if spec is None:
        return None
    if spec == "default":
        return shipped_model_dir()
    path = Path(spec).expanduser()
    if not _is_model_dir(path):
        raise FileNotFoundError(f"no entity model at {path} "
                                "(expected crf.npz, or a spaCy pipeline with config.cfg)")
    return path


def _load_spacy(path: Path) -> tuple[Any, Any]:
    """The spaCy pipeline and the BIOES decoder for its tag set."""
    import spacy

    from . import architectures  # noqa: F401  (registers the embedding layer)
    from .decode import BioesDecoder

    nlp = spacy.load(path)
    tagger: Any = nlp.get_pipe("tagger")
    return nlp, BioesDecoder(tagger.labels)


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` of ``text`` cut at line ends (the line break left
    out), long lines at 。."""
    pos = 0
    for line in text.splitlines(keepends=True):
        full = len(line)
        line = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        start = pos
        while len(line) > _CHUNK:
            cut = line.rfind("。", 0, _CHUNK) + 1 or _CHUNK
            yield start, line[:cut]
            start += cut
            line = line[cut:]
        if line.strip():
            yield start, line
        pos += full


class EntityModel:
    """The statistical PERSON / LOC / ORG tagger, loaded on first use, once,
    thread-safely. A CRF predicts without locks (it only reads its tables);
    a spaCy pipeline predicts under a lock (its vocabulary grows while it
    reads new characters)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.kind = "crf" if (self.path / "crf.npz").is_file() else "spacy"
        self._crf: Lazy[Any] = Lazy(self._load_crf)
        self._nlp: Lazy[tuple[Any, Any]] = Lazy(self._load)
        self._lock = threading.Lock()

    def _load_crf(self) -> Any:
        from .linear import LinearTagger

        return LinearTagger(self.path)

    def _load(self) -> tuple[Any, Any]:
        return _load_spacy(self.path)

    @property
    def loaded(self) -> bool:
        return self._crf.loaded if self.kind == "crf" else self._nlp.loaded

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` spans over ``text`` (labels PERSON, LOC,
        ORG); the text is width-normalised first, offsets index ``text``."""
        if self.kind == "crf":
            return self.analyse(text, [])[0]
        return self._predict_spacy(normalize(text))

    def analyse(self, text: str, candidates: list[tuple[int, int, str]]
                ) -> tuple[list[tuple[int, int, str]], list[float] | None]:
        """``predict(text)``, and for each candidate ``(start, end, label)``
        over ``text`` the model's probability that exactly that span is one
        entity of that label (None from a spaCy model: it has no such
        estimate). One pass of the model serves both."""
        if self.kind != "crf":
            return self.predict(text), None
        norm = normalize(text)
        if norm.offsets is not None:
            to_norm = norm.from_original
            candidates = [(to_norm(s), to_norm(e), lab) for s, e, lab in candidates]
        spans, probs = self._crf.get().analyse(norm.text, candidates)
        return [(*norm.span(s, e), label) for s, e, label in spans], probs

    def _predict_spacy(self, norm: Any) -> list[tuple[int, int, str]]:
        from .spacy_doc import predict_spans

        pieces = list(chunks(norm.text))
        if not pieces:
            return []
        nlp, decoder = self._nlp.get()
        out: list[tuple[int, int, str]] = []
        with self._lock:
            found = list(predict_spans(nlp, [p for _, p in pieces], decoder=decoder))
        for (offset, _), spans in zip(pieces, found, strict=True):
            for s, e, label in spans:
                a, b = norm.span(s + offset, e + offset)
                out.append((a, b, label))
        return out

    def __getstate__(self) -> Path:
        return self.path

    def __setstate__(self, path: Path) -> None:
        self.__init__(path)  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"EntityModel({str(self.path)!r})"
