"""One parametrised test runs every example of corpus.py through its rule."""
from __future__ import annotations

import re

import pytest

from cnpolicy_extract.link.cues import MetricCues, PeriodCues, RegionCues
from cnpolicy_extract.link.metric import join, link_metrics
from cnpolicy_extract.link.period import link_periods, profile
from cnpolicy_extract.link.region import PlaceRef, link_regions

from .corpus import METRIC, PERIOD, REGION

MC, PC, RC = MetricCues.load(), PeriodCues.load(), RegionCues.load()


def find(text: str, needle: str) -> tuple[int, int]:
    """Span of ``needle`` in ``text``; ``"x#2"`` is its second occurrence."""
    word, _, nth = needle.partition("#")
    pos = -1
    for _ in range(int(nth or 1)):
        pos = text.index(word, pos + 1)
    return pos, pos + len(word)


def all_figures(text: str) -> list[tuple[int, int]]:
    """Every number+unit in the text, so each rule sees its neighbours too."""
    pat = re.compile(r"[\d.]+(?:万亿|亿|万)?(?:元|家|个|条|件|列|场|人|吨|P|%)?"
                     r"|[一二三四五六七八九十两]+[成件个类]")
    return [(m.start(), m.end()) for m in pat.finditer(text) if not text.startswith("年", m.end())]


@pytest.mark.parametrize("kind,rule,case", [
    *(("metric", c[0], c) for c in METRIC),
    *(("period", c[0], c) for c in PERIOD),
    *(("region", c[0], c) for c in REGION),
])
def test_example(kind: str, rule: str, case: tuple) -> None:
    text, fig = case[1], case[2]
    target = find(text, fig)
    figures = sorted(set(all_figures(text)) | {target})
    k = figures.index(target)
    if kind == "metric":
        got = join(link_metrics(text, figures, MC)[k], lambda s, e: text[s:e])
        assert got == case[3], (rule, text, fig)
    elif kind == "period":
        times = [(*find(text, t), v) for t, v in case[3]]
        prof = profile(text, times, case[4], PC)
        got = link_periods(text, figures, times, PC, prof)[k]
        assert got == case[5], (rule, text, fig)
    else:
        places = [PlaceRef(*find(text, t), name, level, parent) for t, name, level, parent in case[3]]
        times = [(m.start(), m.end()) for m in re.finditer(r"\d{4}年", text)]
        # as the stage does: a figure continues the one before when their metrics agree
        metrics = link_metrics(text, figures, MC, [(p.start, p.end) for p in places])
        continues = [i > 0 and metrics[i] is not None and metrics[i] == metrics[i - 1]
                     for i in range(len(figures))]
        got = link_regions(text, figures, places, RC, case[4], times, continues)[k]
        assert got == case[5], (rule, text, fig)


def test_fenbie_over_places() -> None:
    """厦门、福州机场旅客吞吐量分别达…: the places are the items, the rest the head."""
    text = "厦门、福州机场旅客吞吐量分别达2790万人次、1529万人次。"
    figures = [find(text, "2790万人次"), find(text, "1529万人次")]
    places = [find(text, "厦门"), find(text, "福州")]
    got = [join(m, lambda s, e: text[s:e]) for m in link_metrics(text, figures, MC, places)]
    assert got == ["厦门机场旅客吞吐量", "福州机场旅客吞吐量"]
