"""jieba backend: a private ``jieba.Tokenizer`` per instance.

Never the module singleton ``jieba.dt`` and never any call that changes
jieba's module-global state (``del_word`` / ``add_word(w, 0)`` write to
``finalseg.Force_Split_Words``, shared by every instance; see
../shared/NOTES.md). Words are only ever added, with positive frequencies,
to this instance's own dictionary.

The dictionary loads on first use, once, thread-safely. jieba's prefix
cache is written to ``cnpolicy_extract.paths.cache_dir()`` (never the
shared temp directory). jieba's DEBUG chatter is silenced only while we
build, and only on jieba's own logger (see ``_jieba_log_quieted``).
"""
from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import paths
from ..lazy import Lazy
from . import Token
from ._align import align
from .lexicon import LEXICON_SOURCES, LexiconSource, clean_word, lexicon_words

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

log = logging.getLogger(__name__)

# jieba attaches a DEBUG-level stderr handler to logger "jieba" when
# imported, and logs "Building prefix dict …" on every dictionary load.
# We do not configure logging at import and never touch the root logger;
# instead the build raises jieba's own logger above CRITICAL for its
# duration and restores the previous level after. The lock makes the
# save/restore pairs of concurrent builds nest correctly (otherwise one
# build could "restore" another's raised level for good). Side effect,
# accepted: jieba messages logged by other threads during our ~1 s build are
# dropped. Failures jieba would log (cache not writable) we report ourselves.
_JIEBA_LOG_LOCK = threading.Lock()


@contextlib.contextmanager
def _jieba_log_quieted() -> Iterator[None]:
    logger = logging.getLogger("jieba")
    with _JIEBA_LOG_LOCK:
        saved = logger.level
        logger.setLevel(logging.CRITICAL + 1)
        try:
            yield
        finally:
            logger.setLevel(saved)


def cache_file_name() -> str:
    """jieba's prefix-dictionary cache, per jieba version (its dict may change)."""
    import jieba

    return f"jieba-{jieba.__version__}.cache"


class JiebaTokenizer:
    """Tokens from the extractor's own ``jieba.Tokenizer`` (HMM on by default).

    sources: lexicons whose words are added to the dictionary (default
        ``lexicon.LEXICON_SOURCES``; ``()`` for jieba's dictionary alone).
    extra_words: more words to keep whole, e.g. a user's own terms.
    hmm: jieba's HMM for unknown words (``jieba.lcut``'s default).
    cache_dir: where jieba's prefix cache goes (default ``paths.cache_dir()``,
        resolved when the dictionary is built).

    ``tokenize(text)`` is plain segmentation; ``tokenize(text, tag=True)``
    adds jieba.posseg tags (about four times slower; its tagger is built on
    first tagged call only).
    """

    name = "jieba"

    def __init__(
        self,
        *,
        sources: Iterable[LexiconSource] = LEXICON_SOURCES,
        extra_words: Iterable[str] = (),
        hmm: bool = True,
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.sources = tuple(sources)
        self.extra_words = tuple(extra_words)
        self.hmm = hmm
        self.cache_dir = None if cache_dir is None else Path(cache_dir)
        self._jieba: Lazy[jieba.Tokenizer] = Lazy(self._build)
        self._posseg: Lazy[jieba.posseg.POSTokenizer] = Lazy(self._build_posseg)

    # -- building ---------------------------------------------------------
    def user_words(self) -> dict[str, str]:
        """``{word: tag}`` added on top of jieba's dictionary."""
        words = lexicon_words(self.sources)
        for raw in self.extra_words:
            w = clean_word(raw)
            if w is not None:
                words.setdefault(w, "n")
        return words

    def _build(self) -> jieba.Tokenizer:
        import jieba

        cache_dir = self.cache_dir or paths.cache_dir()
        tok = jieba.Tokenizer()
        # Both before first use: jieba joins them, and falls back to the
        # shared temp directory only when tmp_dir is None.
        tok.tmp_dir = str(cache_dir)
        tok.cache_file = cache_file_name()
        writable = True
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            writable = False
            log.warning("cannot create the jieba cache directory %s (%s); the dictionary will be "
                        "rebuilt on every start (about 1 s)", cache_dir, e)
        with _jieba_log_quieted():
            tok.initialize()
            for word, tag in self.user_words().items():
                tok.add_word(word, tag=tag)  # freq from suggest_freq: always > 0
        if writable and not (cache_dir / tok.cache_file).is_file():
            log.warning("could not write jieba's cache in %s; the dictionary will be rebuilt on every "
                        "start (about 1 s)", cache_dir)
        return tok

    def _build_posseg(self) -> jieba.posseg.POSTokenizer:
        tok = self._jieba.get()
        with _jieba_log_quieted():
            import jieba.posseg

            pos = jieba.posseg.POSTokenizer(tok)
            # Moves our words' tags into the tagger now, not lazily inside
            # the first cut (where concurrent callers would race on it).
            pos.makesure_userdict_loaded()
        return pos

    @property
    def jieba(self) -> jieba.Tokenizer:
        """The private ``jieba.Tokenizer`` (built on first access)."""
        return self._jieba.get()

    # -- tokenizing -------------------------------------------------------
    def tokenize(self, text: str, *, tag: bool = False) -> list[Token]:
        if not text:
            return []
        if tag:
            pairs = self._posseg.get().lcut(text, HMM=self.hmm)
            return align(text, [p.word for p in pairs], [p.flag for p in pairs])
        return align(text, self._jieba.get().cut(text, HMM=self.hmm))

    def __repr__(self) -> str:
        return f"JiebaTokenizer(hmm={self.hmm}, loaded={self._jieba.loaded})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Ship the recipe, not 160 MB of dictionary.
        return (_rebuild, (self.sources, self.extra_words, self.hmm, self.cache_dir))


def _rebuild(sources: tuple[LexiconSource, ...], extra: tuple[str, ...], hmm: bool,
             cache_dir: Path | None) -> JiebaTokenizer:
    return JiebaTokenizer(sources=sources, extra_words=extra, hmm=hmm, cache_dir=cache_dir)
