from __future__ import annotations

import pickle
import shutil
import threading
from pathlib import Path

import pytest
from tok_helpers import SENTENCES, check_tokens, sentence_lines

from cnpolicy_extract.config import Config
from cnpolicy_extract.tokenize import Tokenizer, make_tokenizer
from cnpolicy_extract.tokenize.pkuseg_backend import PkusegTokenizer, SegmenterModelError


def test_a_missing_model_dir_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(SegmenterModelError, match="does not exist") as err:
        PkusegTokenizer(tmp_path / "nowhere")
    assert "cnpolicy-extract train-segmenter" in str(err.value)
    assert "segmenter_dir()" in str(err.value)


def test_make_tokenizer_fails_early_on_a_missing_model(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        make_tokenizer(Config(tokenizer="pkuseg", pkuseg_model=str(tmp_path / "nowhere")))


@pytest.mark.parametrize("missing", ["weights.npz", "features.msgpack"])
def test_an_incomplete_model_dir_names_the_missing_file(pkuseg_model: Path, tmp_path: Path,
                                                        missing: str) -> None:
    broken = tmp_path / "model"
    shutil.copytree(pkuseg_model, broken)
    (broken / missing).unlink()
    with pytest.raises(SegmenterModelError, match=missing):
        PkusegTokenizer(broken)


@pytest.fixture(scope="module")
def pkuseg_tok(pkuseg_model: Path) -> PkusegTokenizer:
    tok = make_tokenizer(Config(tokenizer="pkuseg", pkuseg_model=str(pkuseg_model)))
    assert isinstance(tok, PkusegTokenizer) and isinstance(tok, Tokenizer)
    return tok


@pytest.mark.parametrize("text", SENTENCES)
def test_pkuseg_tokens_follow_the_protocol(pkuseg_tok: PkusegTokenizer, text: str) -> None:
    check_tokens(text, pkuseg_tok.tokenize(text))


def test_the_trained_model_segments_its_training_sentences(pkuseg_tok: PkusegTokenizer) -> None:
    # The model was loaded from the directory and learned the words: most
    # training sentences come back exactly as segmented.
    lines = sentence_lines("pkuseg_sentences.txt")
    exact = sum([t.text for t in pkuseg_tok.tokenize(line.replace(" ", ""))] == line.split()
                for line in lines)
    assert exact >= 0.8 * len(lines), f"{exact}/{len(lines)} training sentences reproduced"


def test_user_words_are_kept_whole(pkuseg_model: Path) -> None:
    tok = PkusegTokenizer(pkuseg_model, user_words=["数字经济创新提质"])
    assert "数字经济创新提质" in [t.text for t in tok.tokenize("推动数字经济创新提质发展")]


def test_one_shared_pkuseg_tokenizer_is_thread_safe(pkuseg_model: Path) -> None:
    tok = PkusegTokenizer(pkuseg_model)  # unbuilt: threads race to build it
    texts = [s for s in SENTENCES if s.strip()] * 5
    n = 6
    barrier = threading.Barrier(n)
    results: list[list[object]] = [[] for _ in range(n)]

    def work(i: int) -> None:
        barrier.wait()
        results[i] = [tok.tokenize(t) for t in texts]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = [tok.tokenize(t) for t in texts]
    assert all(r == expected for r in results)


def test_pickles_as_a_recipe(pkuseg_tok: PkusegTokenizer) -> None:
    copy = pickle.loads(pickle.dumps(pkuseg_tok))
    assert copy.tokenize("全省生产总值增长") == pkuseg_tok.tokenize("全省生产总值增长")
