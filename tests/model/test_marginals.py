"""The CRF's span probabilities (forward-backward) against brute force."""
from __future__ import annotations

import itertools
import math

import pytest

from cnpolicy_extract.model import shipped_model_dir
from cnpolicy_extract.model.linear import LinearTagger


@pytest.fixture(scope="module")
def tagger() -> LinearTagger:
    path = shipped_model_dir()
    if path is None:
        pytest.skip("no shipped model")
    return LinearTagger(path)


def brute_force(tagger: LinearTagger, text: str, tags: dict[int, str]) -> float:
    """P(tag[i] == tags[i] for each i) by summing every tag sequence of ``text``
    (one clause at the start of a text: no entry transition)."""
    em = tagger.emissions(text).astype(float)
    labels = tagger.labels
    total = hit = 0.0
    for seq in itertools.product(range(len(labels)), repeat=len(text)):
        score = tagger._start[seq[0]] + em[0, seq[0]] + tagger._end[seq[-1]]
        for t in range(1, len(seq)):
            score += tagger._trans[seq[t - 1], seq[t]] + em[t, seq[t]]
        if score < -1e6:  # an invalid BIOES sequence
            continue
        p = math.exp(score)
        total += p
        if all(labels[seq[i]] == tag for i, tag in tags.items()):
            hit += p
    return hit / total


@pytest.mark.parametrize(("span", "tags"), [
    ((0, 1, "PERSON"), {0: "S-PERSON"}),
    ((1, 3, "PERSON"), {1: "B-PERSON", 2: "E-PERSON"}),
    ((0, 2, "LOC"), {0: "B-LOC", 1: "E-LOC"}),
    ((0, 4, "ORG"), {0: "B-ORG", 1: "I-ORG", 2: "I-ORG", 3: "E-ORG"}),
])
def test_span_probability_is_the_crf_marginal(tagger: LinearTagger, span: tuple[int, int, str],
                                              tags: dict[int, str]) -> None:
    text = "江主席说"
    got = tagger.analyse(text, [span])[1][0]
    assert got == pytest.approx(brute_force(tagger, text, tags), rel=1e-6, abs=1e-12)


def test_spans_across_clauses_or_of_unseen_shapes_get_zero(tagger: LinearTagger) -> None:
    text = "增进友谊，来宾很多。"
    probs = tagger.analyse(text, [(3, 6, "LOC"), (5, 6, "LOC"), (5, 7, "LOC")])[1]
    assert probs[0] == 0.0  # runs over the comma
    assert probs[1] == 0.0  # S-LOC was never seen in training
    assert 0.0 <= probs[2] <= 1.0


def test_a_name_in_a_title_context_is_likelier_than_a_common_word(tagger: LinearTagger) -> None:
    text = "省长李明说要增进友谊"
    p_name, p_word = tagger.analyse(text, [(2, 4, "PERSON"), (8, 10, "LOC")])[1]
    assert p_name > 0.5 > p_word
