from __future__ import annotations

import codecs

import pytest

from cnpolicy_extract.io.encoding import DecodeError, decode

SIMPLIFIED = ("浙江省经济和信息化厅表示，今年全省规上工业增加值增长6.1%，"
              "新增科技型中小企业1.2万家，研发投入强度达到3.5%左右。")
TRADITIONAL = ("浙江省經濟和資訊化廳表示，今年全省規上工業增加值增長6.1%，"
               "臺灣地區經濟成長率達3.5%，新增科技型中小企業一萬兩千家。")


@pytest.mark.parametrize(("data", "text", "encoding"), [
    (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, None),  # with BOM
    (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
    (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
    (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
    (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),  # GBK widened to GB18030
    (SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030"),
    (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    ("𠮷野家".encode("gb18030") + SIMPLIFIED.encode("gb18030"), "𠮷野家" + SIMPLIFIED, "gb18030"),
    (b"", "", "utf-8"),
    # too short for the detector: the fallback picks the plausible reading
    ("。\n".encode("gb18030"), "。\n", "gb18030"),
    ("。\n".encode("big5"), "。\n", "big5"),
    ("Public domain\nfalse\n".encode("utf-16-be"), "Public domain\nfalse\n", "utf-16-be"),
    ("Public domain\n".encode("utf-16-le"), "Public domain\n", "utf-16-le"),
    ("“各地”，".encode("utf-16-le"), "“各地”，", "utf-16-le"),
    # 一 is U+4E00: NUL bytes on both sides of UTF-16 (digits on one, 一 on the other)
    *((t.encode(e), t, e) for e in ("utf-16-le", "utf-16-be")
      for t in ["一季度增长10.5%，一一落实，第一批100家，统一规划。" * 3]),
])
def test_decodes_each_encoding(data: bytes, text: str, encoding: str | None) -> None:
    got, enc = decode(data)
    assert got == text
    if encoding:
        assert enc == encoding


def test_big5_is_not_read_as_gb18030() -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: this succeeds and gives garbage
    assert decode(data) == (TRADITIONAL, "big5")


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,  # binary
    b"\x7fELF\x02\x01\x01\x00" + bytes(200) + b"\x03\x00\x3e\x00" * 50,
    "café crème brûlée naïve façade déjà vu".encode("latin-1"),  # undecodable
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(1, 250)) * 4,
    b"abc\x00def\x00" * 20,  # text with NULs
])
def test_rejects_binary_and_undecodable(data: bytes) -> None:
    with pytest.raises(DecodeError) as e:
        decode(data)
    assert e.value.reason.startswith(("binary", "undecodable"))
