"""Constrained decoding of the tagger's scores into valid BIOES spans.

The tagger scores each character independently, so its argmax can read
``江/B-LOC 苏/I-ORG 加/I-ORG 佳/I-ORG 队/E-ORG``. A Viterbi search over the
tag scores with BIOES transition constraints (``B-X`` → ``I-X``/``E-X`` …)
picks the best *valid* sequence instead — the job a CRF layer would do. It
runs only over runs of characters whose argmax is not ``O`` (most text is
``O``), so it costs little.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy

from .bioes import OUTSIDE, decode

_NEG = -1e9


class BioesDecoder:
    """Built once per label set; ``spans(scores)`` per document."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)
        n = len(self.labels)
        parts = [lab.partition("-") for lab in self.labels]
        prefix = [p[0] if p[1] else "O" for p in parts]
        ent = [p[2] for p in parts]
        self.outside = self.labels.index(OUTSIDE) if OUTSIDE in self.labels else -1
        # a tag may open a sequence/follow a closed span iff it is O, B or S;
        # after B-X / I-X only I-X or E-X may follow
        opens = numpy.array([pr in ("O", "B", "S") for pr in prefix])
        closes = numpy.array([pr in ("O", "E", "S") for pr in prefix])
        trans = numpy.full((n, n), _NEG, dtype="float32")
        for i in range(n):
            for j in range(n):
                if closes[i] and opens[j]:
                    trans[i, j] = 0.0
                elif prefix[i] in ("B", "I") and prefix[j] in ("I", "E") and ent[i] == ent[j]:
                    trans[i, j] = 0.0
        self.trans = trans
        self.start = numpy.where(opens, 0.0, _NEG).astype("float32")
        self.end = numpy.where(closes, 0.0, _NEG).astype("float32")

    def tags(self, scores: numpy.ndarray) -> list[str]:
        """The best valid tag sequence for (n, labels) logits."""
        scores = numpy.asarray(scores, dtype="float32")
        n = scores.shape[0]
        if n == 0:
            return []
        best = scores.argmax(axis=1)
        out = [self.labels[i] for i in best]
        if self.outside < 0:
            return out
        # log-softmax, then Viterbi over each maximal run of non-O argmax
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - numpy.log(numpy.exp(z).sum(axis=1, keepdims=True))
        inside = best != self.outside
        i = 0
        while i < n:
            if not inside[i]:
                i += 1
                continue
            j = i
            while j < n and inside[j]:
                j += 1
            for k, t in enumerate(self._viterbi(logp[i:j]), start=i):
                out[k] = self.labels[t]
            i = j
        return out

    def _viterbi(self, logp: numpy.ndarray) -> list[int]:
        m = logp.shape[0]
        score = logp[0] + self.start
        back = numpy.empty((m, logp.shape[1]), dtype="int32")
        for t in range(1, m):
            cand = score[:, None] + self.trans
            back[t] = cand.argmax(axis=0)
            score = cand.max(axis=0) + logp[t]
        score = score + self.end
        path = [int(score.argmax())]
        for t in range(m - 1, 0, -1):
            path.append(int(back[t, path[-1]]))
        path.reverse()
        return path

    def spans(self, scores: numpy.ndarray) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` in token indices."""
        return decode(self.tags(scores))
