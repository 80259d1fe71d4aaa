"""Batch runs over a corpus from batch_corpus.py: correctness, kill/resume,
speed-up of --workers 2 over --workers 1, and peak memory against corpus size
and file size. Each run is a fresh `cnpolicy-extract run` process; peak
memory is sampled from /proc for the process and its workers.

    python benchmarks/batch_scaling.py --dir /tmp/bcorp            # builds it if absent
    python benchmarks/batch_scaling.py --dir /tmp/bcorp --big-mb 200

Prints ratios measured in this run (note the machine's load: `uptime`).
"""
from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import msgspec

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import batch_corpus  # noqa: E402

CLI = [sys.executable, "-c", "from cnpolicy_extract.cli import main; main()"]


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.extend(int(x) for x in f.read().split())
    except OSError:
        pass
    return out


class Peak(threading.Thread):
    """Peak RSS of the main process, of the largest worker, and of the tree."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.main = self.worker = self.total = 0
        self.stop = False

    def run(self) -> None:
        while not self.stop:
            main = _rss_kb(self.pid)
            kids = [_rss_kb(c) for c in _children(self.pid)]
            self.main = max(self.main, main)
            self.worker = max(self.worker, *kids, 0)
            self.total = max(self.total, main + sum(kids))
            time.sleep(0.05)


ENV: dict[str, str] | None = None  # set by --snapshot


CPU: dict[str, float] = {}  # CPU seconds (user+sys) of the last run's process tree


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(args: list[str], *, kill_at_lines: int | None = None,
        out: Path | None = None) -> tuple[float, Peak, int]:
    c0 = _children_cpu()
    t0 = time.perf_counter()
    p = subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    peak = Peak(p.pid)
    peak.start()
    if kill_at_lines is not None:
        assert out is not None
        while p.poll() is None:
            if out.exists() and out.stat().st_size and _count_lines(out) >= kill_at_lines:
                p.send_signal(signal.SIGKILL)
                break
            time.sleep(0.05)
    _, err = p.communicate()
    dt = time.perf_counter() - t0
    CPU["last"] = _children_cpu() - c0  # the CLI waits for its workers, so they count
    peak.stop = True
    peak.join()
    if kill_at_lines is None and p.returncode not in (0, 1):
        sys.exit(f"run failed ({p.returncode}): {err.decode()[-2000:]}")
    return dt, peak, p.returncode


def _count_lines(p: Path) -> int:
    with p.open("rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


def check(out: Path, manifest: Path, only: str | None = None) -> str:
    rows = [r.split("\t") for r in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    if only:
        rows = [r for r in rows if r[0].startswith(only)]
    good = [r[0] for r in rows if r[2] == "ok"]
    bad = {r[0] for r in rows if r[2] == "error"}
    dec = msgspec.json.Decoder()
    ids = [dec.decode(x)["id"] for x in out.read_bytes().splitlines()]
    errs = {}
    ep = out.with_name(out.name + ".errors.jsonl")
    if ep.exists():
        for x in ep.read_bytes().splitlines():
            d = dec.decode(x)
            errs[d["id"]] = d["error"]
    problems = []
    if sorted(ids) != sorted(good):
        problems.append(f"records {len(ids)} (unique {len(set(ids))}) vs good files {len(good)}")
    if set(errs) != bad:
        extra = sorted(set(errs) - bad)[:5]
        problems.append(f"errors {len(errs)} vs bad files {len(bad)}; unexpected: {extra} "
                        f"{[errs[e] for e in extra]}")
    if any(not r for r in errs.values()):
        problems.append("an error without a reason")
    return "OK" if not problems else "; ".join(problems)


class _Fig(msgspec.Struct):
    start: int
    end: int
    text: str


class _Rec(msgspec.Struct):
    figures: list[_Fig]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/cnpolicy-batch-bench"))
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--kinds", default=None, help="restrict kinds (default: all)")
    ap.add_argument("--big-mb", type=int, default=0, help="also stream one file of this size (figures only)")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--max-paras", type=int, default=4, help="corpus files of 1..N paragraphs (when built)")
    ap.add_argument("--quick", action="store_true", help="only -w 1 vs -w 2 and the checks")
    ap.add_argument("--snapshot", action="store_true",
                    help="run a copy of src/ taken now (others may be editing the tree)")
    a = ap.parse_args()
    if a.snapshot:
        import shutil
        snap = a.dir / "src-snapshot"
        shutil.rmtree(snap, ignore_errors=True)
        shutil.copytree(HERE.parent / "src", snap, ignore=shutil.ignore_patterns("__pycache__"))
        global ENV
        ENV = {**os.environ, "PYTHONPATH": str(snap)}
        print("running a snapshot of src/ in", snap)
    corpus = a.dir / "corpus"
    manifest = a.dir / "corpus.MANIFEST.tsv"
    if not manifest.exists():
        batch_corpus.build(corpus, a.files, 0.06, max_paras=a.max_paras)
    kinds = ["--kinds", a.kinds] if a.kinds else []
    print("load before:", os.getloadavg())
    try:
        auto = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip()
        print(f"sched_autogroup_enabled={auto} (1: CPU is shared per session, so other "
              "sessions' load caps this run's share whatever --workers is)")
    except OSError:
        pass
    res: dict[str, object] = {}
    if not a.skip_scaling:
        o1, o2 = a.dir / "w1.jsonl", a.dir / "w2.jsonl"
        t1, p1, _ = run(["run", str(corpus), "-o", str(o1), "-w", "1", *kinds])
        c1 = CPU["last"]
        print(f"workers=1: {t1:.1f} s wall, {c1:.1f} CPU-s ({c1 / t1:.2f} cores busy), "
              f"peak RSS main {p1.main / 1024:.0f} MB")
        t2, p2, _ = run(["run", str(corpus), "-o", str(o2), "-w", "2", *kinds])
        c2 = CPU["last"]
        print(f"workers=2: {t2:.1f} s wall, {c2:.1f} CPU-s ({c2 / t2:.2f} cores busy), "
              f"peak RSS main {p2.main / 1024:.0f} MB, "
              f"largest worker {p2.worker / 1024:.0f} MB, tree {p2.total / 1024:.0f} MB")
        print(f"speed-up workers 2 / 1: {t1 / t2:.2f}x   (load now {os.getloadavg()})")
        print("check w1:", check(o1, manifest), "| check w2:", check(o2, manifest))
        print("w1 output == w2 output:", o1.read_bytes() == o2.read_bytes())
        res.update(t1=t1, t2=t2)
        if a.quick:
            print("load after:", os.getloadavg())
            return
        # kill halfway, then resume
        ok = o2.read_bytes().count(b"\n")
        ko = a.dir / "killed.jsonl"
        for f in (ko, ko.with_name(ko.name + ".errors.jsonl")):
            f.unlink(missing_ok=True)
        _, _, rc = run(["run", str(corpus), "-o", str(ko), "-w", "2", *kinds], kill_at_lines=ok // 2, out=ko)
        n_killed = _count_lines(ko)
        tail = ko.read_bytes()[-1:] if ko.stat().st_size else b""
        _, _, rc2 = run(["run", str(corpus), "-o", str(ko), "-w", "2", "--resume", *kinds])
        same = ko.read_bytes() == o2.read_bytes()
        same_err = (ko.with_name(ko.name + ".errors.jsonl").read_bytes()
                    == o2.with_name(o2.name + ".errors.jsonl").read_bytes())
        print(f"killed (rc {rc}) after {n_killed} records (last byte {tail!r}); resume rc {rc2}: "
              f"output identical to clean run: {same}; errors identical: {same_err}")
        # memory against the number of files: the first 1000 files vs all
        small = a.dir / "small.jsonl"
        subset = sorted(p for p in corpus.iterdir())[:2]
        _, ps, _ = run(["run", *map(str, subset), "-o", str(small), "-w", "2", *kinds])
        n_sub = sum(len(os.listdir(d)) for d in subset)
        print(f"{n_sub} files: peak RSS main {ps.main / 1024:.0f} MB, worker {ps.worker / 1024:.0f} MB | "
              f"{a.files} files: main {p2.main / 1024:.0f} MB, worker {p2.worker / 1024:.0f} MB")
    if a.big_mb:
        paras = batch_corpus.paragraphs()
        for mb in sorted({max(1, a.big_mb // 10), a.big_mb}):
            big = a.dir / f"big{mb}.txt"
            if not big.exists() or big.stat().st_size < mb << 20:
                with big.open("w", encoding="utf-8") as f:
                    size, i = 0, 0
                    while size < mb << 20:
                        s = paras[i % len(paras)] + "\n"
                        f.write(s)
                        size += len(s.encode("utf-8"))
                        i += 1
            ob = a.dir / f"big{mb}.jsonl"
            tb, pb, rc = run(["run", str(big), "-o", str(ob), "--kinds", "figures"])
            rec = msgspec.json.decode(ob.read_bytes(), type=_Rec)
            text = big.read_text(encoding="utf-8")
            bad = sum(text[f.start:f.end] != f.text for f in rec.figures)
            print(f"{mb} MB file, figures only: {tb:.1f} s, {len(rec.figures)} figures, "
                  f"{bad} spans not matching the file, peak RSS main {pb.main / 1024:.0f} MB")
            del text, rec
    print("load after:", os.getloadavg())


if __name__ == "__main__":
    main()
