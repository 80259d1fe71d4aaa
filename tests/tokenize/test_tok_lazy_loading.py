"""Extraction that needs no tokens never loads jieba, nor the model's libraries
(checked in a fresh interpreter, so other tests' imports do not interfere)."""
from __future__ import annotations

from pathlib import Path

from tok_helpers import run_python

CHECK = """
import sys
import cnpolicy_extract as ce
from cnpolicy_extract.tokenize import make_tokenizer
assert "jieba" not in sys.modules, "importing the package loaded jieba"
make_tokenizer(ce.Config())  # making the backend object must not load it either
assert "jieba" not in sys.modules, "making the jieba backend loaded jieba"
ext = ce.Extractor(ce.Config(kinds={"figures"}))
doc = ext.extract("今年全省生产总值增长5.5%，达到8.26万亿元，新增就业岗位约12万个。")
list(ext.pipe(["投资增长百分之十", "", "约3至5个"]))
# jieba above all; nor the statistical side (spaCy, pkuseg, numpy): figures
# need no tokens and no model.
HEAVY = {"jieba", "spacy", "spacy_pkuseg", "thinc", "numpy"}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
assert not loaded, f"figure extraction loaded {loaded}"
print("ok", len(doc.figures))
"""


def test_figure_extraction_does_not_load_jieba(tmp_path: Path) -> None:
    out = run_python(CHECK, env={"CNPOLICY_EXTRACT_CACHE": str(tmp_path)})
    assert out.stdout.startswith("ok")
    assert not list(tmp_path.iterdir()), "figure extraction wrote a tokenizer cache"
