"""Finding input files and reading them as text, whatever state they are in.

Every failure becomes a ``ReadError`` with a short human reason; nothing here
lets a bad file escape as an arbitrary exception.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Iterable, Iterator

from .encoding import DETECT_BYTES, DecodeError, check_text, decode, detect

# Files above this size are streamed in chunks instead of read whole.
STREAM_BYTES = 8 << 20
# Target chunk length (characters) when streaming; split at a paragraph or
# sentence end near this size.
CHUNK_CHARS = 1 << 20
_SENTENCE_ENDS = "。！？!?；;\n"


class ReadError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unlisted(str):
    """A folder that could not be listed, yielded by ``iter_paths`` so that it is
    reported (``reason``) rather than silently skipped."""

    reason: str

    def __new__(cls, path: str, reason: str) -> Unlisted:
        self = super().__new__(cls, path)
        self.reason = reason
        return self

    def __reduce__(self) -> tuple[type[Unlisted], tuple[str, str]]:
        return (Unlisted, (str(self), self.reason))


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Files under ``paths``, folders walked in sorted order, streamed.

    Anything that is not a folder is yielded — broken links, FIFOs and missing
    paths too — so that it is reported rather than silently skipped; so is a
    folder that cannot be listed (as an ``Unlisted``). Symbolic links to
    folders inside a walked folder are not followed (reported).
    """
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            failed: list[OSError] = []
            for root, dirs, files in os.walk(p, onerror=failed.append):
                while failed:
                    e = failed.pop()
                    yield Unlisted(os.fspath(e.filename or root),
                                   f"cannot list folder: {e.strerror or e}")
                dirs.sort()
                # os.walk lists symlinks to folders under dirs but does not follow them
                links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
                for name in sorted([*files, *links]):
                    yield os.path.join(root, name)
            while failed:
                e = failed.pop()
                yield Unlisted(os.fspath(e.filename or p), f"cannot list folder: {e.strerror or e}")
        else:
            yield p


def _stat(path: str) -> os.stat_result:
    if isinstance(path, Unlisted):
        raise ReadError(path.reason)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError("broken symbolic link") from None
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise ReadError("symbolic link loop") from None
        raise ReadError(f"cannot stat: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        if os.path.islink(path):
            raise ReadError("symbolic link to a folder (not followed)")
        raise ReadError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        kind = ("FIFO" if stat.S_ISFIFO(st.st_mode) else "socket" if stat.S_ISSOCK(st.st_mode)
                else "device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "special file")
        raise ReadError(f"not a regular file ({kind})")
    return st


def _open(path: str):  # type: ignore[no-untyped-def]
    try:
        return open(path, "rb")  # the caller closes it
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as e:
        raise ReadError(f"cannot open: {e.strerror or e}") from None


def file_size(path: str) -> int:
    return _stat(path).st_size


def read_text(path: str | os.PathLike[str]) -> str:
    """The whole file as text (any accepted encoding). Raises ReadError."""
    path = os.fspath(path)
    _stat(path)
    with _open(path) as f:
        try:
            data = f.read()
        except OSError as e:
            raise ReadError(f"read failed: {e.strerror or e}") from None
    try:
        return decode(data)[0]
    except DecodeError as e:
        raise ReadError(e.reason) from None


def iter_chunks(path: str | os.PathLike[str], chunk_chars: int = CHUNK_CHARS,
                block_bytes: int = 1 << 20) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` pieces of a file of any size, in order, with flat memory.

    Pieces end at a line or sentence end near ``chunk_chars`` characters;
    ``offset`` is the piece's character index in the whole decoded file, so
    ``whole[offset:offset+len(text)] == text``. The encoding is chosen from the
    head of the file; if a later part does not decode, ReadError is raised
    (callers discard what they built for this file).
    """
    path = os.fspath(path)
    _stat(path)
    with _open(path) as f:
        head = f.read(DETECT_BYTES)
        try:
            det = detect(head, complete=len(head) < DETECT_BYTES)
        except DecodeError as e:
            raise ReadError(e.reason) from None
        dec = codecs.getincrementaldecoder(det.encoding)("strict")
        pending = head[det.bom:]
        offset = 0
        buf = ""
        consumed = det.bom
        while True:
            final = not pending and not (pending := f.read(block_bytes))
            try:
                buf += dec.decode(pending, final=final)
            except UnicodeDecodeError as e:
                where = consumed + e.start
                raise ReadError(f"undecodable bytes as {det.encoding} near byte {where}") from None
            consumed += len(pending)
            pending = b""
            while len(buf) >= chunk_chars or (final and buf):
                cut = len(buf) if final and len(buf) < chunk_chars else _cut(buf, chunk_chars)
                piece, buf = buf[:cut], buf[cut:]
                try:
                    check_text(piece)
                except DecodeError as e:
                    raise ReadError(e.reason) from None
                yield offset, piece
                offset += len(piece)
            if final:
                return


def _cut(buf: str, size: int) -> int:
    """Where to end a piece: after the last paragraph break in ``buf[:size]``,
    else the last sentence end, else at ``size`` (never splitting a CRLF or a
    surrogate-free char, which Python strings do not have)."""
    window = buf[:size]
    i = window.rfind("\n", size // 2)
    if i < 0:
        i = max(window.rfind(c, size // 2) for c in _SENTENCE_ENDS)
    if i < 0:
        return size
    return i + 1


def is_stream_size(path: str, threshold: int = STREAM_BYTES) -> bool:
    return file_size(path) > threshold


def safe_str(s: str) -> str:
    """``s`` as valid Unicode for JSON: bytes that were not UTF-8 in a file
    name (surrogate-escaped by the OS layer) become ``\\xNN``."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        pass
    try:
        return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")


def path_id(path: str) -> str:
    """The record id of a path: the path itself, made valid Unicode."""
    return safe_str(os.fspath(path))
