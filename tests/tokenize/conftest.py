"""Shared, session-wide tokenizers for the tokenizer tests.

jieba's dictionary takes about a second and 160 MB to load, so one
``JiebaTokenizer`` serves every test that only reads from it; its cache goes
to a pytest temp directory, not the user's cache. The pkuseg tests use a tiny
model trained here from hand-written sentences (spacy-pkuseg's pretrained
model cannot be downloaded); training runs in a subprocess whose TMPDIR is a
pytest temp directory, because spacy_pkuseg.train keeps its scratch files in
the temp directory and its settings in a module-global object.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from tok_helpers import run_python, sentence_lines

from cnpolicy_extract.tokenize.jieba_backend import JiebaTokenizer


@pytest.fixture(scope="session")
def jieba_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("jieba-cache")


@pytest.fixture(scope="session")
def jieba_tok(jieba_cache: Path) -> JiebaTokenizer:
    return JiebaTokenizer(cache_dir=jieba_cache)


TRAIN_ITER = 10


@pytest.fixture(scope="session")
def pkuseg_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spacy-pkuseg model trained on ``pkuseg_sentences.txt`` (≈1 s)."""
    work = tmp_path_factory.mktemp("pkuseg")
    (work / "tmp").mkdir()
    train, heldout, model = work / "train.txt", work / "test.txt", work / "model"
    train.write_text("\n".join(sentence_lines("pkuseg_sentences.txt")) + "\n", encoding="utf-8")
    heldout.write_text("\n".join(sentence_lines("pkuseg_heldout.txt")) + "\n", encoding="utf-8")
    run_python(
        "import spacy_pkuseg; "
        f"spacy_pkuseg.train({str(train)!r}, {str(heldout)!r}, {str(model)!r}, train_iter={TRAIN_ITER})",
        env={"TMPDIR": str(work / "tmp")},
    )
    return model
