"""Helpers for the tokenizer tests: sentences every backend must tokenise with
exact offsets (written for these tests), the protocol check, subprocesses."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cnpolicy_extract.tokenize import Token

HERE = Path(__file__).resolve().parent

SENTENCES: tuple[str, ...] = (
    "",
    " ",
    "今年全省生产总值增长5.5%，新增就业岗位12.3万个。",
    "全角数字１２．５％和全角空格　以及英文GDP混排",
    "第一行\n第二行\r\n\t第三行  末尾空格  ",
    "“八八战略”实施二十周年，415X产业集群加快建设。",
    "省委书记在杭州市主持召开会议，研究部署新质生产力发展工作。",
    "a",
    "😀表情符号和\u200b零宽字符",
    "〔2024〕3号文件：电话0571-87051234",
)


def check_tokens(text: str, tokens: list[Token]) -> None:
    """The protocol's promise: offsets index ``text``; tokens are in order,
    non-empty, non-overlapping, and cover every non-whitespace character."""
    pos = 0
    for t in tokens:
        assert isinstance(t, Token)
        assert t.start < t.end, t
        assert text[t.start:t.end] == t.text, t
        assert t.start >= pos, f"{t} overlaps or is out of order"
        assert text[pos:t.start].isspace() or pos == t.start, f"characters skipped before {t}"
        assert not t.text.isspace(), t
        pos = t.end
    assert not text[pos:] or text[pos:].isspace(), "characters after the last token are missing"


def sentence_lines(name: str) -> list[str]:
    """Segmented sentences of a data file next to this conftest ('#' lines skipped)."""
    text = (HERE / name).read_text(encoding="utf-8")
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def run_python(code: str, env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (so other tests' imports do not leak in)."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=full_env, timeout=timeout)
    assert proc.returncode == 0, f"subprocess failed:\n{proc.stdout}\n{proc.stderr}"
    return proc
