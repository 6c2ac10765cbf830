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
from hrplan.workbooks.safety.refusal import Refusal, sizes, unreadable
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
        raise unreadable(f"a file that cannot be read ({exc.strerror or exc})",
                         f"tệp không đọc được ({exc.strerror or exc})") from None


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
                raise unreadable(*NOT_REGULAR)
            chunks, left = [], min(st.st_size, limits.max_file_bytes) + 1
            while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise unreadable(f"a file that cannot be read ({exc.strerror or exc})",
                         f"tệp không đọc được ({exc.strerror or exc})") from None
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
        raise unreadable(f"a file that cannot be read ({exc.strerror or exc})",
                         f"tệp không đọc được ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise unreadable("a folder, not a file", "một thư mục, không phải tệp")
    if not stat.S_ISREG(st.st_mode):
        # never open a FIFO or device: reading it could block or never end
        raise unreadable(*NOT_REGULAR)
    _check_size(st.st_size, limits)
    return st.st_size


def _check_size(size: int, limits: ReadLimits) -> None:
    if size > limits.max_file_bytes:
        raise Refusal(
            "file.too_large",
            **sizes(size=size, limit=limits.max_file_bytes),
            size_bytes=size,
            limit_bytes=limits.max_file_bytes,
        )
    if size == 0:
        raise unreadable("an empty file", "tệp rỗng")


def _check_kind(fh: IO[bytes], size: int, limits: ReadLimits, details: DetailCollector | None) -> None:
    head = fh.read(SNIFF_BYTES)
    kind = sniff_kind(head)
    if kind == "zip":
        check_zip(fh, size, limits, details)
    elif kind == "ole2":
        check_ole2(fh, size)
    else:
        raise unreadable(*describe(head))


# -- what a non-workbook file looks like -------------------------------------------------------

NOT_REGULAR = ("not a regular file (a device, pipe or socket)", "không phải tệp thông thường (thiết bị, pipe hoặc socket)")
_EXTRACT = ("extract the workbook first", "hãy giải nén lấy bảng tính trước")
_OTHER_MAGICS: tuple[tuple[bytes, tuple[str, str]], ...] = (
    (b"%PDF", ("a PDF document", "một tài liệu PDF")),
    (b"PK\x05\x06", ("an empty ZIP archive", "một tệp nén ZIP rỗng")),
    (b"PK\x07\x08", ("a split ZIP archive", "một phần của tệp nén ZIP chia nhỏ")),
    (b"Rar!\x1a\x07", (f"a RAR archive ({_EXTRACT[0]})", f"một tệp nén RAR ({_EXTRACT[1]})")),
    (b"7z\xbc\xaf\x27\x1c", (f"a 7-Zip archive ({_EXTRACT[0]})", f"một tệp nén 7-Zip ({_EXTRACT[1]})")),
    (b"\x1f\x8b", (f"a gzip archive ({_EXTRACT[0]})", f"một tệp nén gzip ({_EXTRACT[1]})")),
    (b"\x89PNG", ("a PNG image", "một ảnh PNG")),
    (b"\xff\xd8\xff", ("a JPEG image", "một ảnh JPEG")),
    (b"GIF8", ("a GIF image", "một ảnh GIF")),
    (b"MZ", ("a Windows program", "một chương trình Windows")),
    (b"{\\rtf", ("an RTF document", "một văn bản RTF")),
)


def describe(head: bytes) -> tuple[str, str]:
    """Say in a few words what a file that is not a workbook looks like, in English and in Vietnamese."""
    for magic, what in _OTHER_MAGICS:
        if head.startswith(magic):
            return what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:].decode("utf-16-le" if head[:2] == b"\xff\xfe" else "utf-16-be", "ignore")
    else:
        text = head.decode("utf-8", "ignore") if b"\x00" not in head[:1024] else ""
    lowered = text.lstrip("\ufeff \t\r\n").lower()
    if lowered.startswith("<!doctype html") or re.search(r"<(html|head|body|table|meta)\b", lowered[:2048]):
        return ("an HTML page (a web page saved with a workbook's name)",
                "một trang HTML (trang web được lưu với tên của bảng tính)")
    if lowered.startswith("mime-version:") or "content-type: multipart/related" in lowered[:2048]:
        return "a saved web archive (MHT)", "một trang web lưu trữ (MHT)"
    if lowered.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in lowered:
            return "an Excel 2003 XML spreadsheet", "một bảng tính Excel 2003 XML"
        return "an XML document", "một tài liệu XML"
    if text and _mostly_printable(text):
        if text.count(",") + text.count(";") + text.count("\t") >= 2:
            return "a plain text file (perhaps CSV)", "một tệp văn bản thuần (có thể là CSV)"
        return "a plain text file", "một tệp văn bản thuần"
    return "an unknown binary format", "một định dạng nhị phân không rõ"


def _mostly_printable(text: str) -> bool:
    sample = text[:2048]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t")
    return printable >= 0.95 * len(sample)


