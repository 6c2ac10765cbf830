"""Unpack one ZIP member in bounded chunks, never trusting the size it declares."""
from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Protocol

from hrplan.workbooks.safety.limits import CHUNK, ZIP_MAGIC
from hrplan.workbooks.safety.refusal import Refusal, sizes, unreadable
from hrplan.workbooks.safety.xml_watch import PrologWatch, SheetWatch



class PartReader(Protocol):
    """What follows a part's unpacked chunks alongside the checks (xlsx_details' sheet watcher)."""

    def feed(self, chunk: bytes) -> None: ...

    def finish(self) -> None: ...


DAMAGED_ZIP = ("a damaged or incomplete ZIP file (perhaps only part of it was downloaded)",
               "tệp ZIP bị hỏng hoặc không đầy đủ (có thể mới tải về được một phần)")
def unpacked_too_large(total: int, limit: int) -> Refusal:
    return Refusal(
        "file.unpacked_too_large",
        **sizes(size=total, limit=limit),
        size_bytes=total,
        limit_bytes=limit,
    )


def ascii_excerpt(raw: bytes) -> str:
    return raw[:80].decode("ascii", "replace")


@dataclass
class Budget:
    """The running total of unpacked bytes across all parts read; refuses past the limit."""

    limit: int
    used: int = 0

    def spend(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise unpacked_too_large(self.used, self.limit)


def iter_member(fh: IO[bytes], size: int, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """Unpack one member in chunks of at most CHUNK bytes, straight from the file.

    zlib is driven by hand (not ZipFile.open) so that the true unpacked size is seen: the
    read stops with a refusal as soon as it passes the size the member declares, and a member
    that ends short of it, or whose CRC differs, is damaged.
    """
    if info.flag_bits & 0x1:
        raise Refusal("file.password")
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) < 30 or local[:4] != ZIP_MAGIC:
        raise unreadable(*DAMAGED_ZIP)
    name_len, extra_len = struct.unpack_from("<HH", local, 26)
    start = info.header_offset + 30 + name_len + extra_len
    if start + info.compress_size > size:
        raise unreadable(*DAMAGED_ZIP)
    fh.seek(start)
    left = info.compress_size
    out = 0
    crc = 0

    def emit(data: bytes) -> bytes:
        nonlocal out, crc
        out += len(data)
        if out > info.file_size:
            raise unreadable(
                f"a damaged ZIP file (part '{info.filename}' unpacks to more than the {info.file_size} bytes it declares)",
                f"tệp ZIP bị hỏng (phần '{info.filename}' giải nén ra nhiều hơn {info.file_size} byte đã khai)",
            )
        crc = zlib.crc32(data, crc)
        return data

    if info.compress_type == zipfile.ZIP_STORED:
        while left:
            raw = fh.read(min(CHUNK, left))
            if not raw:
                raise unreadable(*DAMAGED_ZIP)
            left -= len(raw)
            yield emit(raw)
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        try:
            while left and not inflater.eof:
                raw = fh.read(min(CHUNK, left))
                if not raw:
                    raise unreadable(*DAMAGED_ZIP)
                left -= len(raw)
                data = inflater.decompress(raw, CHUNK)
                if data:
                    yield emit(data)
                while inflater.unconsumed_tail and not inflater.eof:
                    data = inflater.decompress(inflater.unconsumed_tail, CHUNK)
                    if data:
                        yield emit(data)
            data = inflater.flush()  # at most what zlib still holds back (< its 32 KB window)
            if data:
                yield emit(data)
        except zlib.error:
            raise unreadable(*DAMAGED_ZIP) from None
    else:
        raise unreadable(f"a ZIP file using an unusual compression method ({info.compress_type})",
                         f"tệp ZIP dùng kiểu nén lạ ({info.compress_type})")
    if out != info.file_size or crc != info.CRC:
        raise unreadable(*DAMAGED_ZIP)


def read_small(fh: IO[bytes], size: int, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Give the first `limit` unpacked bytes of a member (for the ODF 'mimetype')."""
    if info.file_size > limit:
        return b""
    data = b""
    for chunk in iter_member(fh, size, info):
        data += chunk
    return data


def scan_part(
    fh: IO[bytes],
    size: int,
    info: zipfile.ZipInfo,
    budget: Budget,
    *,
    keep: int = 0,
    sheet: SheetWatch | None = None,
    reader: PartReader | None = None,
) -> bytes:
    """Stream one XML part: check its prolog, its true size and (for a sheet) its extent.

    Gives back the first `keep` bytes of the part (0: nothing is kept). `reader`, when given, sees
    each chunk after the checks passed on it (the one pass that also gathers what the reader needs).
    """
    prolog = PrologWatch(info.filename)
    kept: list[bytes] = []
    kept_len = 0
    for chunk in iter_member(fh, size, info):
        budget.spend(len(chunk))
        if not prolog.done:
            prolog.feed(chunk)
        if sheet is not None:
            sheet.feed(chunk)
        if reader is not None:
            reader.feed(chunk)
        if keep and kept_len < keep:
            kept.append(chunk[: keep - kept_len])
            kept_len += len(kept[-1])
    if not prolog.done:
        prolog.finish()
    if sheet is not None:
        sheet.finish()
    if reader is not None:
        reader.finish()
    return b"".join(kept)
