"""What the linear entity tagger knows about words: a lexicon of typed words
and the per-character feature columns it yields.

Words come from jieba's dictionary (with its POS tags: ``nr`` person, ``ns``
place, ``nt`` organisation), the project's gazetteer (administrative
divisions and world places), title table and organisation suffixes. For
each character the tagger sees the longest word starting there, the longest
ending there and the longest covering it, each as (length, type): the
lexicon marks boundaries a character window cannot see (``江泽民`` ends,
``委员会`` closes an organisation, ``总书记`` precedes a name).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy

from .. import bytescan

#: word types, as small ints (0 = none)
WORD, PER, LOC, ORG, TITLE, ORGSUF = 1, 2, 3, 4, 5, 6
_POS_TYPE = {"nr": PER, "nrfg": PER, "nrt": PER, "ns": LOC, "nt": ORG}
_MAXLEN = 8  # longer words are reported as this long
N_COLUMNS = 3


def jieba_words() -> Iterator[tuple[str, int]]:
    """(word, type) from jieba's main dictionary, words of two or more characters."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) >= 2:
                yield parts[0], _POS_TYPE.get(parts[2] if len(parts) > 2 else "", WORD)


def project_words() -> Iterator[tuple[str, int]]:
    """(word, type) from the project's gazetteer, titles and organisation suffixes."""
    from .. import resources
    from ..dimensions.place import data as places

    divisions = places.division_entries()
    for e in divisions:
        yield e.name, LOC
        for s in e.shorts:
            yield s, LOC
    for alias, _ in places.world_entries():
        yield alias, LOC
    for r in resources.read_tsv("titles.tsv"):
        yield r["title"], TITLE
    for r in resources.read_tsv("org_suffixes.tsv"):
        if r.get("suffix"):
            yield r["suffix"], ORGSUF


class Lexicon:
    """An Aho-Corasick automaton over typed words; built once, read-only after."""

    def __init__(self, words: Iterable[tuple[str, int]]) -> None:
        table: dict[str, int] = {}
        for w, t in words:
            if len(w) < 2:
                continue
            old = table.get(w)
            # the project's types beat jieba's; a typed entry beats a plain word
            if old is None or old == WORD or t in (LOC, TITLE, ORGSUF):
                table[w] = t
        # over UTF-8 bytes (bytescan): the root of 338 k words has thousands
        # of children over characters, a few lead bytes over bytes
        self._auto = bytescan.automaton([(w, (len(w), t)) for w, t in table.items()])
        self.size = len(table)

    @classmethod
    def default(cls) -> Lexicon:
        return cls((*jieba_words(), *project_words()))

    def columns(self, text: str) -> list[numpy.ndarray]:
        """``N_COLUMNS`` int64 arrays over ``text``: longest word starting at
        each character, longest ending there, longest covering it (with the
        character's place in it: 1 begin, 2 inside, 3 end), each as a code."""
        n = len(text)
        start = [0] * n
        end = [0] * n
        cover = [0] * n
        cover_len = [0] * n
        for e, (length, typ) in bytescan.hits(self._auto, text):
            s = e - length + 1
            code = min(length, _MAXLEN) * 8 + typ
            if length > start[s] >> 3 or (length == start[s] >> 3 and typ > start[s] & 7):
                start[s] = code
            if length > end[e] >> 3:
                end[e] = code
            for i in range(s, e + 1):
                if length > cover_len[i]:
                    cover_len[i] = length
                    cover[i] = code * 4 + (1 if i == s else 3 if i == e else 2)
        return [numpy.array(start, numpy.int64), numpy.array(end, numpy.int64),
                numpy.array(cover, numpy.int64)]
