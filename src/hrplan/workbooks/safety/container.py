"""What kind of file this is (regular, not empty, not too large, ZIP or OLE2), then its container's checks."""
from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path
from typing import IO

from hrplan.workbooks.safety.limits import (
    OLE2_MAGIC,
    SNIFF_BYTES,
    ZIP_MAGIC,
    ReadLimits,
)
from hrplan.workbooks.safety.ole2 import check_ole2
from hrplan.workbooks.safety.refusal import Refusal, size_text, unreadable
from hrplan.workbooks.safety.zip_parts import DetailCollector, check_zip


def sniff_kind(head: bytes) -> str:
    """Give the container kind of a file from its first bytes: 'zip', 'ole2' or 'other'."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    return "other"


def inspect_container(path: Path, limits: ReadLimits, details: DetailCollector | None = None) -> None:
    """Check the file streamed from disk (at most a chunk held at a time); raise Refusal."""
    size = _checked_size(path, limits)
    try:
        with path.open("rb") as fh:
            _check_kind(fh, size, limits, details)
    except OSError as exc:
        raise unreadable(f"a file that cannot be read ({exc.strerror or exc})") from None


def load_container(path: Path, limits: ReadLimits, details: DetailCollector | None = None) -> bytes:
    """Give the file's bytes, read once (its size checked first, so at most `max_file_bytes`), after the
    same checks as `inspect_container` passed on those bytes; raise Refusal.

    The bytes checked are the bytes hashed: a file changed on disk meanwhile cannot slip past the checks.
    """
    _checked_size(path, limits)  # a file over max_file_bytes is refused before it is read
    try:
        fd = os.open(str(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):  # swapped for a FIFO or device since the stat: never read it
                raise unreadable("not a regular file (a device, pipe or socket)")
            chunks, left = [], min(st.st_size, limits.max_file_bytes) + 1
            while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise unreadable(f"a file that cannot be read ({exc.strerror or exc})") from None
    data = b"".join(chunks)
    _check_size(len(data), limits)
    _check_kind(io.BytesIO(data), len(data), limits, details)
    return data


def _checked_size(path: Path, limits: ReadLimits) -> int:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise Refusal("file.not_found", path=str(path)) from None
    except OSError as exc:
        raise unreadable(f"a file that cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise unreadable("a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        # never open a FIFO or device: reading it could block or never end
        raise unreadable("not a regular file (a device, pipe or socket)")
    _check_size(st.st_size, limits)
    return st.st_size


def _check_size(size: int, limits: ReadLimits) -> None:
    if size > limits.max_file_bytes:
        raise Refusal(
            "file.too_large",
            size=size_text(size),
            limit=size_text(limits.max_file_bytes),
            size_bytes=size,
            limit_bytes=limits.max_file_bytes,
        )
    if size == 0:
        raise unreadable("an empty file")


def _check_kind(fh: IO[bytes], size: int, limits: ReadLimits, details: DetailCollector | None) -> None:
    head = fh.read(SNIFF_BYTES)
    kind = sniff_kind(head)
    if kind == "zip":
        check_zip(fh, size, limits, details)
    elif kind == "ole2":
        check_ole2(fh, size)
    else:
        raise unreadable(describe(head))


# -- what a non-workbook file looks like -------------------------------------------------------

_OTHER_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"PK\x07\x08", "a split ZIP archive"),
    (b"Rar!\x1a\x07", "a RAR archive (extract the workbook first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive (extract the workbook first)"),
    (b"\x1f\x8b", "a gzip archive (extract the workbook first)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF document"),
)


def describe(head: bytes) -> str:
    """Say in a few words what a file that is not a workbook looks like."""
    for magic, what in _OTHER_MAGICS:
        if head.startswith(magic):
            return what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:].decode("utf-16-le" if head[:2] == b"\xff\xfe" else "utf-16-be", "ignore")
    else:
        text = head.decode("utf-8", "ignore") if b"\x00" not in head[:1024] else ""
    lowered = text.lstrip("\ufeff \t\r\n").lower()
    if lowered.startswith("<!doctype html") or re.search(r"<(html|head|body|table|meta)\b", lowered[:2048]):
        return "an HTML page (a web page saved with a workbook's name)"
    if lowered.startswith("mime-version:") or "content-type: multipart/related" in lowered[:2048]:
        return "a saved web archive (MHT)"
    if lowered.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in lowered:
            return "an Excel 2003 XML spreadsheet"
        return "an XML document"
    if text and _mostly_printable(text):
        if text.count(",") + text.count(";") + text.count("\t") >= 2:
            return "text (perhaps a CSV file)"
        return "text"
    return "an unknown binary format"


def _mostly_printable(text: str) -> bool:
    sample = text[:2048]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t")
    return printable >= 0.95 * len(sample)


