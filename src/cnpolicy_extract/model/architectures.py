"""The embedding layer of the entity model: characters plus character bigrams.

Chinese NER over char tokens gains most from knowing the neighbouring
characters (a bigram is a cheap stand-in for a word), and a table lookup is
much cheaper than the convolution layers that would otherwise have to learn
it — which keeps the model above 50,000 chars/s. Registered in spaCy's
registry as ``cnpolicy_extract.CharBigramEmbed.v1``; importing this module
(the model loader and the trainer do) makes saved pipelines loadable.
"""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import NORM, SHAPE
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

_BOS = numpy.uint64(0x5EED_0000_0000_0001)
_EOS = numpy.uint64(0x5EED_0000_0000_0002)
_ONE = numpy.uint64(1)
_63 = numpy.uint64(63)


def _pair(a: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    """An order-sensitive 64-bit combination of two hash columns."""
    return a ^ ((b << _ONE) | (b >> _63))


def char_bigram_columns(doc: Doc) -> numpy.ndarray:
    """(n, 4) uint64: NORM, SHAPE, left bigram (i-1, i), right bigram (i, i+1)."""
    a = doc.to_array([NORM, SHAPE]).astype(numpy.uint64).reshape(-1, 2)
    n = a.shape[0]
    out = numpy.empty((n, 4), dtype=numpy.uint64)
    out[:, :2] = a
    if n:
        o = a[:, 0]
        prev = numpy.empty_like(o)
        prev[0] = _BOS
        prev[1:] = o[:-1]
        nxt = numpy.empty_like(o)
        nxt[-1] = _EOS
        nxt[:-1] = o[1:]
        out[:, 2] = _pair(prev, o)
        out[:, 3] = _pair(o, nxt)
    return out


def _features_forward(model: Model[list[Doc], list[Ints2d]], docs: list[Doc],
                      is_train: bool) -> tuple[list[Ints2d], Any]:
    feats = [model.ops.asarray2i(char_bigram_columns(doc), dtype="uint64")  # type: ignore[arg-type]
             for doc in docs]
    return feats, lambda d_feats: []


def CharBigramFeatures() -> Model[list[Doc], list[Ints2d]]:
    return Model("char_bigram_features", _features_forward)


@registry.architectures("cnpolicy_extract.CharBigramEmbed.v1")  # type: ignore[untyped-decorator]
def CharBigramEmbed(width: int, embed_width: int, char_rows: int, bigram_rows: int,
                    shape_rows: int = 100, maxout_pieces: int = 2) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of the char, its shape and both bigrams, concatenated
    and mixed to ``width`` by one Maxout layer."""
    rows = [char_rows, shape_rows, bigram_rows, bigram_rows]
    embeds: list[Model[Any, Any]] = [HashEmbed(embed_width, r, column=i, seed=11 + i, dropout=0.0) for i, r in enumerate(rows)]
    mix: Model[Any, Any] = with_array(Maxout(width, embed_width * len(rows), nP=maxout_pieces, dropout=0.0, normalize=True))
    return chain(
        CharBigramFeatures(),
        list2ragged(),
        with_array(concatenate(*embeds)),
        mix,
        ragged2list(),
    )
