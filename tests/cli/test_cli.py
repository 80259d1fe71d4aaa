from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cnpolicy_extract.io.batch as batch
from cnpolicy_extract import cli
from cnpolicy_extract.io.writers import decode_json

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "batch"))
from batch_helpers import PARAS, PercentExtractor  # noqa: E402

runner = CliRunner()


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI runs with the stand-in extractor (in-process, --workers 1)."""
    monkeypatch.setattr(cli, "_make_extractor", PercentExtractor)
    monkeypatch.setattr(batch, "Extractor", PercentExtractor)
    import cnpolicy_extract.io.records as records
    monkeypatch.setattr(records, "Extractor", PercentExtractor)


@pytest.mark.parametrize("cmd", [[], ["run"], ["show"], ["html"], ["schema"], ["version"]])
def test_help_everywhere(cmd: list[str]) -> None:
    r = runner.invoke(cli.app, [*cmd, "--help"])
    assert r.exit_code == 0, r.output
    assert "Usage" in r.output


def test_run_writes_records_and_fails_on_bad_files(tmp_path: Path, fake: None) -> None:
    (tmp_path / "in").mkdir()
    for i, p in enumerate(PARAS):
        (tmp_path / "in" / f"{i}.txt").write_text(p, encoding="gb18030" if i % 2 else "utf-8")
    (tmp_path / "in" / "zz.bin").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "o.jsonl"
    r = runner.invoke(cli.app, ["run", str(tmp_path / "in"), "-o", str(out)])
    assert r.exit_code == 1
    assert "1 files failed" in r.output and "zz.bin" in r.output
    recs = [decode_json(x) for x in out.read_bytes().splitlines()]
    assert [Path(x["id"]).name for x in recs] == [f"{i}.txt" for i in range(len(PARAS))]
    assert sum(len(x["figures"]) for x in recs) == sum(p.count("%") for p in PARAS)
    # all good: exit 0
    r = runner.invoke(cli.app, ["run", str(tmp_path / "in" / "1.txt"), "-o", str(out), "-f", "csv"])
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,start,end,text,value")


def test_stdout_run_lists_every_failure_on_stderr(tmp_path: Path, fake: None) -> None:
    (tmp_path / "a.txt").write_text(PARAS[1], encoding="utf-8")
    for i in range(12):
        (tmp_path / f"b{i:02d}").symlink_to(tmp_path / "nowhere")
    r = runner.invoke(cli.app, ["run", str(tmp_path)])
    assert r.exit_code == 1
    assert r.output.count("broken symbolic link") >= 12  # all, beyond the summary's first ten
    assert r.output.count('"schema":"cnpolicy-extract/1"') == 1


def test_show_and_html(tmp_path: Path, fake: None) -> None:
    f = tmp_path / "a.txt"
    f.write_text("\n".join(PARAS), encoding="utf-8")
    r = runner.invoke(cli.app, ["show", str(f)])
    assert r.exit_code == 0, r.output
    assert "figures (4)" in r.output and "5.5%" in r.output and "王建国" in r.output
    page = tmp_path / "a.html"
    r = runner.invoke(cli.app, ["html", str(f), "-o", str(page)])
    assert r.exit_code == 0
    assert page.read_text(encoding="utf-8").count('<mark class="figures"') == 4
    r = runner.invoke(cli.app, ["show", str(tmp_path / "missing.txt")])
    assert r.exit_code == 1 and "no such file" in r.output


@pytest.mark.parametrize(("command", "module"), [
    ("train", "cnpolicy_extract.training.crf"),
    ("train-spacy", "cnpolicy_extract.training.ner"),
    ("train-segmenter", "cnpolicy_extract.training.segmenter"),
])
def test_train_commands_delegate_with_arguments(monkeypatch: pytest.MonkeyPatch, command: str,
                                                module: str) -> None:
    seen: list[list[str]] = []
    import types
    fake_mod = types.ModuleType(module)
    fake_mod.main = lambda argv: seen.append(list(argv)) or 3  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module, fake_mod)
    r = runner.invoke(cli.app, [command, "--limit", "5", "--help-me", "x"])
    assert seen == [["--limit", "5", "--help-me", "x"]] and r.exit_code == 3


def test_missing_training_module_is_a_clear_error() -> None:
    import typer
    with pytest.raises(typer.Exit) as e:
        cli._delegate("cnpolicy_extract.training.does_not_exist", [])
    assert e.value.exit_code == 2


def test_kill_then_resume_gives_the_clean_output(tmp_path: Path) -> None:
    """A real process killed with SIGKILL mid-run, then --resume."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(200):
        (src / f"{i:04d}.txt").write_text(PARAS[i % len(PARAS)] * 20, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests" / "batch")}
    code = ("import sys; from batch_helpers import PercentExtractor; "
            "import cnpolicy_extract.io.batch as b, cnpolicy_extract.io.records as r; "
            "import time; orig = r.process_file\n"
            "def slow(*a):\n    time.sleep(0.004); return orig(*a)\n"
            "b.process_file = r.process_file = slow; b.Extractor = r.Extractor = PercentExtractor\n"
            "from cnpolicy_extract.cli import app; app()")
    clean = tmp_path / "clean.jsonl"
    subprocess.run([sys.executable, "-c", code, "run", str(src), "-o", str(clean)], env=env, check=True,
                   capture_output=True)
    out = tmp_path / "out.jsonl"
    p = subprocess.Popen([sys.executable, "-c", code, "run", str(src), "-o", str(out)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 60):
        time.sleep(0.02)
    p.send_signal(signal.SIGKILL)
    p.wait()
    n = out.read_bytes().count(b"\n")
    assert 60 <= n < 200
    r = subprocess.run([sys.executable, "-c", code, "run", str(src), "-o", str(out), "--resume"],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "already done" in r.stderr
    assert out.read_bytes() == clean.read_bytes()


def test_model_options_add_the_entity_model(tmp_path: Path) -> None:
    f = tmp_path / "news.txt"
    f.write_text("奥尔布赖特昨天在北京会见了客人。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert runner.invoke(cli.app, ["run", str(f), "-o", str(out), "-k", "people"]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["people"] == []  # no title, not a known name
    r = runner.invoke(cli.app, ["run", str(f), "-o", str(out), "-k", "people", "--model", "default"])
    assert r.exit_code == 0
    assert [p["name"] for p in json.loads(out.read_text(encoding="utf-8"))["people"]] == ["奥尔布赖特"]
    bad = runner.invoke(cli.app, ["run", str(f), "--model", "default", "--model-policy", "both"])
    assert bad.exit_code == 2 and "model_policy" in bad.output
    missing = runner.invoke(cli.app, ["run", str(f), "--model", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no entity model" in missing.output


def test_timeout_option_fails_only_the_stalling_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from batch_helpers import StallingExtractor

    import cnpolicy_extract.io.records as records
    monkeypatch.setattr(records, "Extractor", StallingExtractor)
    (tmp_path / "a.txt").write_text(PARAS[1], encoding="utf-8")
    (tmp_path / "b.txt").write_text("STALL", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = runner.invoke(cli.app, ["run", str(tmp_path), "-o", str(out), "--timeout", "0.3"])
    assert r.exit_code == 1
    assert "timed out after 0.3 s" in r.output and "b.txt" in r.output
    assert [Path(decode_json(x)["id"]).name for x in out.read_bytes().splitlines()] == ["a.txt"]
    bad = runner.invoke(cli.app, ["run", str(tmp_path), "--timeout", "0"])
    assert bad.exit_code == 2
