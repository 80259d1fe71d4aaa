"""pkuseg backend: spacy-pkuseg with a model directory the user gives.

spacy-pkuseg's pretrained models are downloaded at run time, which fails
offline, so there is no default: train one with
``cnpolicy-extract train-segmenter`` (it writes to
``cnpolicy_extract.paths.segmenter_dir()``) or pass any directory holding
``features.msgpack`` and ``weights.npz`` from ``spacy_pkuseg.train``.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import paths
from ..lazy import Lazy
from . import Token
from ._align import align
from .lexicon import clean_word

MODEL_FILES: tuple[str, ...] = ("features.msgpack", "weights.npz")

# spacy_pkuseg.pkuseg() loads through a module-global ``config.modelDir``
# that it sets just before reading: two models built at once in two threads
# could read each other's files. Builds are therefore serialised.
_BUILD_LOCK = threading.Lock()


class SegmenterModelError(FileNotFoundError):
    """The pkuseg model directory is missing or incomplete."""


def check_model_dir(model_dir: str | os.PathLike[str]) -> Path:
    """The absolute model directory, or a ``SegmenterModelError`` saying how to get one."""
    path = Path(model_dir).expanduser().resolve()
    hint = (
        "train one with `cnpolicy-extract train-segmenter` (it writes to "
        f"{paths.segmenter_dir()}, i.e. cnpolicy_extract.paths.segmenter_dir()) or pass a "
        "directory written by spacy_pkuseg.train(); spacy-pkuseg's pretrained models cannot "
        "be downloaded here"
    )
    if not path.is_dir():
        raise SegmenterModelError(f"pkuseg model directory {path} does not exist: {hint}")
    missing = [f for f in MODEL_FILES if not (path / f).is_file()]
    if missing:
        raise SegmenterModelError(
            f"pkuseg model directory {path} lacks {', '.join(missing)}: {hint}")
    return path


class PkusegTokenizer:
    """Tokens from a spacy-pkuseg model in ``model_dir``.

    The directory is checked when the tokenizer is made (a clear error
    early, not at the first document); the model loads on first use.
    ``user_words`` are kept whole (pkuseg's user dictionary), e.g.
    ``lexicon.lexicon_words()``; none by default, so the model is measured
    as trained. ``tag=True`` is accepted but gives no tags (our models are
    trained for segmentation only).
    """

    name = "pkuseg"

    def __init__(self, model_dir: str | os.PathLike[str], *, user_words: Iterable[str] = ()) -> None:
        self.model_dir = check_model_dir(model_dir)
        self.user_words = tuple(w for w in (clean_word(u) for u in user_words) if w)
        self._seg: Lazy[Any] = Lazy(self._build)

    def _build(self) -> Any:
        import spacy_pkuseg

        check_model_dir(self.model_dir)  # it may have gone since __init__
        with _BUILD_LOCK:
            # An absolute path is never one of pkuseg's downloadable model
            # names, so this never tries the network.
            return spacy_pkuseg.pkuseg(
                model_name=str(self.model_dir),
                user_dict=list(self.user_words) if self.user_words else "default",
            )

    def tokenize(self, text: str, *, tag: bool = False) -> list[Token]:
        if not text or text.isspace():
            return []
        return align(text, self._seg.get().cut(text))

    def __repr__(self) -> str:
        return f"PkusegTokenizer({str(self.model_dir)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (str(self.model_dir), self.user_words))


def _rebuild(model_dir: str, user_words: tuple[str, ...]) -> PkusegTokenizer:
    return PkusegTokenizer(model_dir, user_words=user_words)
