"""The linear-chain CRF entity tagger at prediction time: numpy only.

The model is a table of feature keys (``features.keys``) with one weight per
tag, plus tag-to-tag transition weights, trained by CRFsuite
(``training/crf.py``) and stored as ``crf.npz``. Scoring a text is a lookup
of its keys in the sorted key table (``numpy.searchsorted``), a sum, and a
Viterbi search over the sentences of the text, all sentences at once.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy

from . import features
from .bioes import decode
from .decode import BioesDecoder
from .lexicon import Lexicon

MODEL_FILE = "crf.npz"
#: clauses, each ending at (and including) a separator that is never inside
#: an entity; they are decoded in batches, each clause after the first
#: entered from that separator's tag (``O``)
_CLAUSE = re.compile(r"[^。！？；!?;\n，,、：:]*[。！？；!?;\n，,、：:]?")
_NEG = numpy.float32(-1e9)


class LinearTagger:
    """Built from a ``crf.npz``; read-only after construction (thread-safe)."""

    def __init__(self, path: Path | str, lexicon: Lexicon | None = None) -> None:
        path = Path(path)
        if path.is_dir():
            path = path / MODEL_FILE
        with numpy.load(path, allow_pickle=False) as z:
            self.keys: numpy.ndarray = z["keys"]
            self.weights: numpy.ndarray = z["weights"].astype(numpy.float32)
            self.trans: numpy.ndarray = z["trans"].astype(numpy.float32)
            self.labels: tuple[str, ...] = tuple(str(x) for x in z["labels"])
            self.uses_lexicon = bool(z["lexicon"])
            self.wide = bool(z["wide"]) if "wide" in z.files else False
        self.lexicon = lexicon if self.uses_lexicon else None
        if self.uses_lexicon and self.lexicon is None:
            self.lexicon = Lexicon.default()
        # the weight table gets a zero row for keys the model never saw
        self._table = numpy.vstack((self.weights, numpy.zeros((1, self.weights.shape[1]), numpy.float32)))
        self._outside = self.labels.index("O")
        # BIOES validity as hard constraints: CRFsuite only learns that
        # O → I-PER is rare, decoding makes it impossible
        allowed = BioesDecoder(self.labels)
        self._trans = self.trans + allowed.trans
        self._start = allowed.start
        self._end = allowed.end

    def emissions(self, text: str) -> numpy.ndarray:
        """``(len(text), n_labels)`` summed feature weights."""
        k = features.keys(text, self.lexicon, self.wide)
        flat = k.ravel()
        idx = numpy.searchsorted(self.keys, flat)
        idx[idx == len(self.keys)] = 0
        miss = self.keys[idx] != flat
        idx[miss] = len(self.keys)
        summed: numpy.ndarray = self._table[idx.reshape(k.shape)].sum(axis=1)
        return summed

    def tags(self, text: str) -> list[int]:
        """The best tag index per character (Viterbi per clause, clauses batched)."""
        n = len(text)
        if n == 0:
            return []
        em = self.emissions(text)
        bounds = [(m.start(), m.end()) for m in _CLAUSE.finditer(text) if m.end() > m.start()]
        out = numpy.full(n, self._outside, numpy.int64)
        # clauses of similar length share one batched search
        bounds.sort(key=lambda b: b[1] - b[0])
        i = 0
        while i < len(bounds):
            j = i
            top = bounds[i][1] - bounds[i][0]
            while j < len(bounds) and bounds[j][1] - bounds[j][0] <= max(2 * top, 32):
                j += 1
            self._batch(text, em, bounds[i:j], out)
            i = j
        return out.tolist()

    def _batch(self, text: str, em: numpy.ndarray, bounds: list[tuple[int, int]],
               out: numpy.ndarray) -> None:
        b = len(bounds)
        m = max(e - s for s, e in bounds)
        n_lab = em.shape[1]
        lens = numpy.array([e - s for s, e in bounds])
        pos = numpy.array([s for s, _ in bounds])[:, None] + numpy.arange(m)[None, :]
        valid = numpy.arange(m)[None, :] < lens[:, None]
        pos = numpy.where(valid, pos, 0)
        x = em[pos]  # (b, m, L)
        back = numpy.zeros((b, m, n_lab), numpy.int64)
        entered = numpy.array([s > 0 and text[s - 1] not in "\n" for s, _ in bounds])
        enter = numpy.where(entered[:, None], self.trans[self._outside][None, :], 0)
        score = x[:, 0, :] + self._start + enter
        trans = self._trans[None, :, :]
        ident = numpy.arange(n_lab)[None, :]
        for t in range(1, m):
            cand = score[:, :, None] + trans
            arg = cand.argmax(axis=1)
            new = cand.max(axis=1) + x[:, t, :]
            live = valid[:, t][:, None]
            score = numpy.where(live, new, score)
            back[:, t, :] = numpy.where(live, arg, ident)
        best = (score + self._end).argmax(axis=1)
        path = numpy.empty((b, m), numpy.int64)
        path[:, m - 1] = best
        for t in range(m - 1, 0, -1):
            path[:, t - 1] = back[numpy.arange(b), t, path[:, t]]
        out[pos[valid]] = path[valid]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` over ``text`` (width-normalised)."""
        tags = self.tags(text)
        return decode([self.labels[t] for t in tags])
