"""Build a batch test corpus from ../shared/texts/ in a temp dir (never commit it).

Good files are runs of 1–4 consecutive paragraphs of the shared texts, mostly
UTF-8, with tricky-but-valid ones mixed in (UTF-8 with BOM, GB18030, GBK, Big5
after OpenCC s2t, UTF-16 LE/BE with and without BOM, empty files). Bad files
(default 6%) are undecodable (cp1252, UTF-8 with stray bytes), binary (PNG/ELF/
zip-like and random bytes), broken symlinks, symlink loops, FIFOs, and — when
not running as root — files without read permission.

Writes MANIFEST.tsv beside the corpus: path, kind, expected (ok|error).

    python benchmarks/batch_corpus.py /tmp/corpus --files 5000 --bad 0.06
"""
from __future__ import annotations

import argparse
import codecs
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_TEXTS = ROOT.parent / "shared" / "texts"


def paragraphs(src: Path = SHARED_TEXTS) -> list[str]:
    out: list[str] = []
    for f in sorted(src.glob("*.txt")):
        out.extend(p for p in f.read_text(encoding="utf-8").split("\n") if p.strip())
    if not out:
        sys.exit(f"no texts in {src}")
    return out


def _s2t() -> object | None:
    try:
        import opencc
    except ImportError:
        return None
    return opencc.OpenCC("s2t")


GOOD_KINDS = [  # (kind, weight)
    ("utf-8", 70), ("utf-8-bom", 5), ("gb18030", 8), ("gbk", 3), ("big5", 4),
    ("utf-16-le-bom", 3), ("utf-16-le", 2), ("utf-16-be", 2), ("empty", 1),
]
BAD_KINDS = ["cp1252", "utf8-stray", "binary-png", "binary-elf", "binary-random",
             "broken-link", "link-loop", "fifo", "no-permission"]


def encode_good(kind: str, text: str, s2t: object | None) -> bytes:
    if kind == "utf-8":
        return text.encode("utf-8")
    if kind == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if kind in ("gb18030", "gbk"):
        return text.encode(kind, errors="strict")
    if kind == "big5":
        trad = s2t.convert(text) if s2t is not None else text  # type: ignore[attr-defined]
        return trad.encode("big5")
    if kind == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if kind in ("utf-16-le", "utf-16-be"):
        return text.encode(kind)
    if kind == "empty":
        return b""
    raise ValueError(kind)


def build(out: Path, n_files: int, bad_fraction: float, seed: int = 7, max_paras: int = 4) -> Path:
    rng = random.Random(seed)
    paras = paragraphs()
    s2t = _s2t()
    out.mkdir(parents=True, exist_ok=True)
    n_bad = max(1, round(n_files * bad_fraction))
    slots = ["bad"] * n_bad + ["good"] * (n_files - n_bad)
    rng.shuffle(slots)
    kinds, weights = zip(*GOOD_KINDS, strict=True)
    manifest = []
    root_user = os.geteuid() == 0
    for i, slot in enumerate(slots):
        sub = out / f"d{i // 500:02d}"
        sub.mkdir(exist_ok=True)
        start = rng.randrange(len(paras))
        text = "\n".join(paras[start:start + rng.randint(1, max_paras)]) + "\n"
        if slot == "good":
            kind = rng.choices(kinds, weights)[0]
            try:
                data = encode_good(kind, text, s2t)
            except UnicodeEncodeError:  # a char outside GBK/Big5: keep it UTF-8
                kind, data = "utf-8", text.encode("utf-8")
            p = sub / f"f{i:05d}.txt"
            p.write_bytes(data)
            manifest.append((p, kind, "ok"))
            continue
        kind = rng.choice([k for k in BAD_KINDS if k != "no-permission" or not root_user])
        p = sub / f"f{i:05d}.{'bin' if kind.startswith('binary') else 'txt'}"
        if kind == "cp1252":
            p.write_bytes(("Prix: 12 € — café, crème brûlée, déjà vu. " * 5).encode("cp1252"))
        elif kind == "utf8-stray":
            b = bytearray(text.encode("utf-8"))
            b[len(b) // 2:len(b) // 2] = b"\xff\xfe\xc0\x80"
            p.write_bytes(bytes(b))
        elif kind == "binary-png":
            p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000))
        elif kind == "binary-elf":
            p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00>\x00" + rng.randbytes(3000))
        elif kind == "binary-random":
            p.write_bytes(rng.randbytes(4096))
        elif kind == "broken-link":
            p.symlink_to(sub / f"missing-{i}")
        elif kind == "link-loop":
            p.symlink_to(p.name)
        elif kind == "fifo":
            os.mkfifo(p)
        elif kind == "no-permission":
            p.write_bytes(text.encode("utf-8"))
            p.chmod(0)
        manifest.append((p, kind, "error"))
    mpath = out.parent / (out.name + ".MANIFEST.tsv")
    with mpath.open("w", encoding="utf-8") as f:
        f.write("path\tkind\texpected\n")
        for p, kind, exp in manifest:
            f.write(f"{p}\t{kind}\t{exp}\n")
    return mpath


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="corpus directory (created; use a temp dir)")
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--bad", type=float, default=0.06, help="fraction of bad files")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-paras", type=int, default=4, help="paragraphs per good file: 1..N")
    a = ap.parse_args()
    m = build(a.out, a.files, a.bad, a.seed, a.max_paras)
    rows = [line.split("\t") for line in m.read_text(encoding="utf-8").splitlines()[1:]]
    from collections import Counter
    c = Counter(r[1] for r in rows)
    print(f"{len(rows)} files in {a.out}; manifest {m}")
    print("  " + ", ".join(f"{k} {n}" for k, n in sorted(c.items())))
    print(f"  bad: {sum(r[2] == 'error' for r in rows)}")


if __name__ == "__main__":
    main()
