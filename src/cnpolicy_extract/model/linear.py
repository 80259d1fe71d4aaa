"""The linear-chain CRF entity tagger at prediction time: numpy only.

The model is a table of feature keys (``features.keys``) with one weight per
tag, plus tag-to-tag transition weights, trained by CRFsuite
(``training/crf.py``) and stored as ``crf.npz``. Scoring a text is a lookup
of its keys in the sorted key table (``numpy.searchsorted``), a sum, and a
Viterbi search over the sentences of the text, all sentences at once.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
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

    def tags(self, text: str, em: numpy.ndarray | None = None) -> list[int]:
        """The best tag index per character (Viterbi per clause, clauses batched)."""
        n = len(text)
        if n == 0:
            return []
        if em is None:
            em = self.emissions(text)
        bounds = _clauses(text)
        out = numpy.full(n, self._outside, numpy.int64)
        for group in _similar_lengths(bounds):
            self._batch(text, em, group, out)
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
        return self.analyse(text, [])[0]

    def analyse(self, text: str, candidates: list[tuple[int, int, str]]
                ) -> tuple[list[tuple[int, int, str]], list[float]]:
        """The model's spans over ``text``, and for each candidate
        ``(start, end, label)`` the probability (CRF marginal, by
        forward-backward over its clause) that exactly that span is one
        entity of that label. A candidate across clauses, or of a shape the
        model never tagged (``S-LOC``), gets 0."""
        if not text:
            return [], [0.0] * len(candidates)
        em = self.emissions(text)
        found = decode([self.labels[t] for t in self.tags(text, em)])
        return found, self._probabilities(text, em, candidates)

    def _probabilities(self, text: str, em: numpy.ndarray,
                       candidates: list[tuple[int, int, str]]) -> list[float]:
        if not candidates:
            return []
        bounds = _clauses(text)
        starts = [b[0] for b in bounds]
        index = {lab: i for i, lab in enumerate(self.labels)}
        todo: list[tuple[int, list[int], int]] = []  # (clause, tag ids, start)
        for s, e, label in candidates:
            k = bisect_right(starts, s) - 1
            tags = ([f"S-{label}"] if e - s == 1 else
                    [f"B-{label}", *[f"I-{label}"] * (e - s - 2), f"E-{label}"])
            if k < 0 or e > bounds[k][1] or e <= s or any(t not in index for t in tags):
                todo.append((-1, [], s))
            else:
                todo.append((k, [index[t] for t in tags], s))
        wanted = sorted({k for k, _, _ in todo if k >= 0})
        tables: dict[int, tuple[numpy.ndarray, numpy.ndarray, float]] = {}
        for group in _similar_lengths([bounds[k] for k in wanted]):
            for (cs, _), table in zip(group, self._forward_backward(text, em, group), strict=True):
                tables[bisect_right(starts, cs) - 1] = table
        out: list[float] = []
        for k, ids, s in todo:
            if k < 0:
                out.append(0.0)
                continue
            alpha, beta, log_z = tables[k]
            u = s - bounds[k][0]
            score = float(alpha[u, ids[0]])
            for t in range(1, len(ids)):
                score += float(self._trans[ids[t - 1], ids[t]] + em[s + t, ids[t]])
            score += float(beta[u + len(ids) - 1, ids[-1]])
            out.append(min(1.0, math.exp(score - log_z)))
        return out

    def _forward_backward(self, text: str, em: numpy.ndarray, bounds: list[tuple[int, int]]
                          ) -> list[tuple[numpy.ndarray, numpy.ndarray, float]]:
        """Per clause: log forward and backward scores and the log partition,
        each clause entered as ``_batch`` enters it; clauses batched."""
        b = len(bounds)
        m = max(e - s for s, e in bounds)
        lens = numpy.array([e - s for s, e in bounds])
        pos = numpy.array([s for s, _ in bounds])[:, None] + numpy.arange(m)[None, :]
        valid = numpy.arange(m)[None, :] < lens[:, None]
        x = em[numpy.where(valid, pos, 0)].astype(numpy.float64)  # (b, m, L)
        trans = self._trans.astype(numpy.float64)[None, :, :]
        entered = numpy.array([s > 0 and text[s - 1] != "\n" for s, _ in bounds])
        enter = numpy.where(entered[:, None], self.trans[self._outside][None, :], 0.0)
        alpha = numpy.empty(x.shape)
        alpha[:, 0] = x[:, 0] + self._start + enter
        for t in range(1, m):
            alpha[:, t] = _logsumexp(alpha[:, t - 1, :, None] + trans, axis=1) + x[:, t]
        end = numpy.broadcast_to(self._end.astype(numpy.float64), (b, len(self.labels)))
        beta = numpy.empty(x.shape)
        beta[:, m - 1] = end
        for t in range(m - 2, -1, -1):
            step = _logsumexp(trans + (x[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
            beta[:, t] = numpy.where(valid[:, t + 1][:, None], step, end)
        last = alpha[numpy.arange(b), lens - 1]
        log_z = _logsumexp(last + end, axis=1)
        return [(alpha[i], beta[i], float(log_z[i])) for i in range(b)]


def _clauses(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CLAUSE.finditer(text) if m.end() > m.start()]


def _similar_lengths(bounds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Clauses grouped by length (each group at most twice its shortest, or
    32), so one batched search wastes little on padding."""
    order = sorted(bounds, key=lambda b: b[1] - b[0])
    groups: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(order):
        j = i
        top = order[i][1] - order[i][0]
        while j < len(order) and order[j][1] - order[j][0] <= max(2 * top, 32):
            j += 1
        groups.append(order[i:j])
        i = j
    return groups


def _logsumexp(a: numpy.ndarray, axis: int) -> numpy.ndarray:
    top = a.max(axis=axis, keepdims=True)
    top = numpy.where(numpy.isfinite(top), top, 0.0)
    out: numpy.ndarray = numpy.log(numpy.exp(a - top).sum(axis=axis)) + numpy.squeeze(top, axis=axis)
    return out
