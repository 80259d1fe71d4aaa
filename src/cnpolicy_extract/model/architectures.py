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


def char_bigram_columns(doc: Doc, trigrams: bool = False) -> numpy.ndarray:
    """(n, 4) uint64: NORM, SHAPE, left bigram (i-1, i), right bigram (i, i+1);
    with ``trigrams`` a fifth column, the centred trigram (i-1, i, i+1)."""
    a = doc.to_array([NORM, SHAPE]).astype(numpy.uint64).reshape(-1, 2)
    n = a.shape[0]
    out = numpy.empty((n, 5 if trigrams else 4), dtype=numpy.uint64)
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
        if trigrams:
            out[:, 4] = _pair(out[:, 2], nxt)
    return out


def _features_forward(model: Model[list[Doc], list[Ints2d]], docs: list[Doc],
                      is_train: bool) -> tuple[list[Ints2d], Any]:
    tri = bool(model.attrs["trigrams"])
    feats = [model.ops.asarray2i(char_bigram_columns(doc, tri), dtype="uint64")  # type: ignore[arg-type]
             for doc in docs]
    return feats, lambda d_feats: []


def CharBigramFeatures(trigrams: bool = False) -> Model[list[Doc], list[Ints2d]]:
    return Model("char_bigram_features", _features_forward, attrs={"trigrams": trigrams})


@registry.architectures("cnpolicy_extract.CharBigramEmbed.v1")  # type: ignore[untyped-decorator]
def CharBigramEmbed(width: int, embed_width: int, char_rows: int, bigram_rows: int,
                    shape_rows: int = 100, maxout_pieces: int = 2,
                    trigram_rows: int = 0) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of the char, its shape, both bigrams (and the centred
    trigram when ``trigram_rows``), concatenated and mixed to ``width`` by one
    Maxout layer."""
    rows = [char_rows, shape_rows, bigram_rows, bigram_rows] + ([trigram_rows] if trigram_rows else [])
    embeds: list[Model[Any, Any]] = [
        HashEmbed(embed_width, r, column=i, seed=11 + i, dropout=0.0) for i, r in enumerate(rows)]
    mix: Model[Any, Any] = with_array(
        Maxout(width, embed_width * len(rows), nP=maxout_pieces, dropout=0.0, normalize=True))
    return chain(
        CharBigramFeatures(trigrams=bool(trigram_rows)),
        list2ragged(),
        with_array(concatenate(*embeds)),
        mix,
        ragged2list(),
    )


@registry.scorers("cnpolicy_extract.bioes_scorer.v1")  # type: ignore[untyped-decorator]
def make_bioes_scorer() -> Any:
    """Entity P/R/F1 (exact spans) of the BIOES tags, so that training keeps
    the model with the best entity F1 on dev, not the best tag accuracy."""
    return score_bioes


def score_bioes(examples: Any, **_: Any) -> dict[str, Any]:
    from .spacy_doc import doc_spans

    tp: dict[str, int] = {}
    n_pred: dict[str, int] = {}
    n_gold: dict[str, int] = {}
    for eg in examples:
        gold = set(doc_spans(eg.reference))
        pred = set(doc_spans(eg.predicted))
        for counts, spans in ((n_gold, gold), (n_pred, pred), (tp, gold & pred)):
            for _s, _e, lab in spans:
                counts[lab] = counts.get(lab, 0) + 1

    def f(t: int, p: int, g: int) -> dict[str, float]:
        pr = t / p if p else 0.0
        rc = t / g if g else 0.0
        return {"p": pr, "r": rc, "f": 2 * pr * rc / (pr + rc) if pr + rc else 0.0}

    total = f(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    per_type = {lab: f(tp.get(lab, 0), n_pred.get(lab, 0), n_gold[lab]) for lab in n_gold}
    return {"ents_p": total["p"], "ents_r": total["r"], "ents_f": total["f"], "ents_per_type": per_type}
