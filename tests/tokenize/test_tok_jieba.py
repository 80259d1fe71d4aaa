from __future__ import annotations

import logging
import pickle
import threading
from pathlib import Path

import pytest
from tok_helpers import SENTENCES, check_tokens, run_python

from cnpolicy_extract.config import Config
from cnpolicy_extract.tokenize import Tokenizer, make_tokenizer
from cnpolicy_extract.tokenize.jieba_backend import JiebaTokenizer, cache_file_name
from cnpolicy_extract.tokenize.lexicon import LexiconSource, lexicon_words

# Not in jieba's dictionary, and made of words it knows: split unless added.
INVENTED = "数字经济创新提质"


@pytest.mark.parametrize("text", SENTENCES)
def test_jieba_tokens_follow_the_protocol(jieba_tok: JiebaTokenizer, text: str) -> None:
    check_tokens(text, jieba_tok.tokenize(text))


@pytest.mark.parametrize("text", SENTENCES)
def test_tagged_tokens_follow_the_protocol_and_carry_tags(jieba_tok: JiebaTokenizer, text: str) -> None:
    tokens = jieba_tok.tokenize(text, tag=True)
    check_tokens(text, tokens)
    assert all(t.tag for t in tokens)


def test_untagged_tokens_have_no_tags(jieba_tok: JiebaTokenizer) -> None:
    assert all(t.tag is None for t in jieba_tok.tokenize("省委书记主持会议"))


def test_jieba_segments_like_jieba_lcut(jieba_tok: JiebaTokenizer) -> None:
    # Words, not characters: the backend really is jieba, HMM on.
    words = [t.text for t in jieba_tok.tokenize("我们要加快发展现代化产业体系")]
    assert "现代化" in words and "产业" in words


def test_make_tokenizer_defaults_to_jieba() -> None:
    tok = make_tokenizer(Config())
    assert isinstance(tok, JiebaTokenizer) and isinstance(tok, Tokenizer)
    assert not tok._jieba.loaded  # making it costs nothing; loading waits for use


def test_lexicon_words_are_kept_whole(jieba_tok: JiebaTokenizer) -> None:
    words = lexicon_words([LexiconSource("program_codes.tsv", ("code",), "nz"),
                           LexiconSource("jieba_words.txt")])
    assert words
    split = [w for w in words if [t.text for t in jieba_tok.tokenize(f"推进{w}。")] != ["推进", w, "。"]]
    assert not split, f"lexicon words cut apart: {split}"


def test_organisation_lexicon_words_get_their_tag(jieba_tok: JiebaTokenizer) -> None:
    orgs = [w for w, tag in lexicon_words().items() if tag == "nt"]
    if not orgs:
        pytest.skip("no organisation lexicon yet")
    tagged = 0
    for w in orgs:
        toks = jieba_tok.tokenize(f"支持{w}开展工作", tag=True)
        tagged += any(t.text == w and t.tag == "nt" for t in toks)
    # posseg's own scoring may still join a short name with a neighbour.
    assert tagged >= 0.9 * len(orgs), f"only {tagged}/{len(orgs)} organisation words came out whole as nt"


def test_two_instances_are_independent(tmp_path: Path) -> None:
    with_word = JiebaTokenizer(sources=(), extra_words=[INVENTED], cache_dir=tmp_path)
    plain = JiebaTokenizer(sources=(), cache_dir=tmp_path)
    text = f"大力推进{INVENTED}工作"
    assert INVENTED in [t.text for t in with_word.tokenize(text)]
    assert INVENTED not in [t.text for t in plain.tokenize(text)]
    assert with_word.jieba is not plain.jieba
    # Building and using the second did not change the first.
    assert INVENTED in [t.text for t in with_word.tokenize(text)]


def test_no_module_global_jieba_state_is_touched(jieba_cache: Path) -> None:
    # Fresh interpreter: jieba.dt must stay unbuilt, finalseg's shared
    # force-split set empty, jieba's logger level as jieba left it.
    out = run_python(
        "import logging, jieba, jieba.finalseg as fs\n"
        "from cnpolicy_extract.tokenize.jieba_backend import JiebaTokenizer\n"
        "before = logging.getLogger('jieba').level\n"
        "t = JiebaTokenizer()\n"
        "t.tokenize('推进新质生产力发展'); t.tokenize('省委书记主持会议', tag=True)\n"
        "assert not jieba.dt.initialized, 'jieba.dt was built'\n"
        "assert not fs.Force_Split_Words, fs.Force_Split_Words\n"
        "assert logging.getLogger('jieba').level == before\n"
        "print('ok')\n",
        env={"CNPOLICY_EXTRACT_CACHE": str(jieba_cache)},
    )
    assert out.stdout.strip() == "ok"


def test_cache_lands_in_the_private_cache_dir_and_logging_is_quiet(tmp_path: Path) -> None:
    cache, shared_tmp = tmp_path / "cache", tmp_path / "tmp"
    shared_tmp.mkdir()
    out = run_python(
        "import cnpolicy_extract as ce\n"
        "ext = ce.Extractor(ce.Config(model=None))\n"
        "print(len(ext.tokenizer.tokenize('推进新质生产力发展')))\n",
        env={"CNPOLICY_EXTRACT_CACHE": str(cache), "TMPDIR": str(shared_tmp)},
    )
    assert int(out.stdout) > 0
    assert (cache / cache_file_name()).is_file()
    assert not list(shared_tmp.iterdir()), "something was written to the shared temp directory"
    assert "prefix dict" not in out.stderr and "Loading model" not in out.stderr, out.stderr


def test_an_unwritable_cache_dir_warns_and_still_works(tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    tok = JiebaTokenizer(sources=(), cache_dir=blocker / "cache")
    with caplog.at_level(logging.WARNING, logger="cnpolicy_extract"):
        assert [t.text for t in tok.tokenize("发展经济")] == ["发展", "经济"]
    assert any("cache" in r.getMessage() for r in caplog.records)


def test_one_shared_tokenizer_is_thread_safe(jieba_cache: Path) -> None:
    texts = [s * 3 for s in SENTENCES if s.strip()] * 4
    tok = JiebaTokenizer(cache_dir=jieba_cache)  # unbuilt: threads race to build it
    n = 8
    barrier = threading.Barrier(n)
    results: list[list[object]] = [[] for _ in range(n)]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            barrier.wait()
            for j, text in enumerate(texts):
                results[i].append(id(tok.jieba))
                results[i].append(tok.tokenize(text, tag=(i + j) % 3 == 0))
        except BaseException as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len({r for res in results for r in res[0::2]}) == 1, "the dictionary was built more than once"
    serial = [[tok.tokenize(text, tag=(i + j) % 3 == 0) for j, text in enumerate(texts)] for i in range(n)]
    assert [res[1::2] for res in results] == serial


def test_pickles_as_a_recipe(jieba_tok: JiebaTokenizer) -> None:
    jieba_tok.tokenize("建")  # loaded: the pickle must still be small
    data = pickle.dumps(jieba_tok)
    assert len(data) < 100_000
    copy = pickle.loads(data)
    assert copy.tokenize("推进新质生产力发展") == jieba_tok.tokenize("推进新质生产力发展")
