"""ZIP workbooks (.xlsx, .xlsm, .ods): member counts, ratios, declared sizes, then each part read streamed."""
from __future__ import annotations

import re
import struct
import zipfile
from typing import IO, Protocol

from hrplan.workbooks.safety.limits import RATIO_MIN_BYTES, REL_KEEP_BYTES, ReadLimits
from hrplan.workbooks.safety.ods import check_ods_extent
from hrplan.values import format_number
from hrplan.workbooks.safety.refusal import Refusal, sizes, unreadable
from hrplan.workbooks.safety.xml_watch import SheetWatch, worksheet_targets
from hrplan.workbooks.safety.zip_stream import (
    PartReader,
    iter_member,
    DAMAGED_ZIP,
    Budget,
    ascii_excerpt,
    read_small,
    scan_part,
    unpacked_too_large,
)

# -- ZIP (xlsx, xlsm, ods) ---------------------------------------------------------------------

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


def _zip_entry_count(fh: IO[bytes], size: int) -> int:
    """Give the member count from the end-of-central-directory record, before zipfile lists
    the members (so a file claiming millions of members is refused without building them)."""
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or at + 22 > len(tail):
        raise unreadable(*DAMAGED_ZIP)
    count = struct.unpack_from("<H", tail, at + 10)[0]
    if count == 0xFFFF:  # a Zip64 archive: the real count is in the Zip64 record
        loc = at - 20
        if loc < 0 or tail[loc : loc + 4] != _ZIP64_LOCATOR:
            raise unreadable(*DAMAGED_ZIP)
        (record_offset,) = struct.unpack_from("<Q", tail, loc + 8)
        if record_offset + 56 > size:
            raise unreadable(*DAMAGED_ZIP)
        fh.seek(record_offset)
        record = fh.read(56)
        if len(record) < 56 or record[:4] != _ZIP64_EOCD:
            raise unreadable(*DAMAGED_ZIP)
        (count,) = struct.unpack_from("<Q", record, 32)
    return count


# Parts python-calamine reads, by kind. Worksheets are also found through the workbook's rels.
_XLSX_PARTS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/_rels/workbook.xml.rels",
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
)
_XLSX_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_XLSX_SHEET_RE = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
_ODS_PARTS = ("META-INF/manifest.xml", "styles.xml", "content.xml")
_ODS_MIMETYPES = (
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.spreadsheet-template",
)


class DetailCollector(Protocol):
    """What gathers, during the scan, what the reader needs beyond the checks (xlsx_details.XlsxDetails)."""

    def keep_part(self, name: str) -> bool: ...

    def part_bytes(self, name: str, data: bytes) -> None: ...

    def sheet_watch(self, name: str) -> PartReader: ...


def check_zip(fh: IO[bytes], size: int, limits: ReadLimits, details: DetailCollector | None = None) -> None:
    count = _zip_entry_count(fh, size)
    if count > limits.max_zip_members:
        raise Refusal("file.too_many_parts", found=count, limit=limits.max_zip_members)
    fh.seek(0)
    try:
        zf = zipfile.ZipFile(fh)  # reads the central directory only
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error,
            NotImplementedError, KeyError, IndexError, OverflowError):
        raise unreadable(*DAMAGED_ZIP) from None
    if len(infos) > limits.max_zip_members:
        raise Refusal("file.too_many_parts", found=len(infos), limit=limits.max_zip_members)

    # 1. what the central directory declares (nothing unpacked yet)
    for info in infos:
        if info.flag_bits & 0x1:
            raise Refusal("file.password")
        if info.file_size > RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise zip_bomb(info.filename, info.compress_size, info.file_size, limits)

    by_name = {info.filename: info for info in infos}
    by_lower = {info.filename.lower(): info for info in infos}

    def member(name: str) -> zipfile.ZipInfo | None:
        return by_name.get(name) or by_lower.get(name.lower())

    # 2. which kind of ZIP this is, and which parts python-calamine will read
    if member("xl/workbook.xml") is not None:
        kind = "xlsx"
        parts = [m for m in (member(n) for n in _XLSX_PARTS) if m is not None]
        sheets = [i for i in infos if _XLSX_SHEET_RE.match(i.filename)]
    elif member("xl/workbook.bin") is not None:
        raise Refusal("file.unsupported_type", found=".xlsb")
    elif member("content.xml") is not None:
        kind = "ods"
        mimetype = member("mimetype")
        if mimetype is not None:
            declared = read_small(fh, size, mimetype, 256).strip()
            if declared not in _ODS_MIMETYPES:
                raise unreadable(f"an OpenDocument file that is not a spreadsheet ({ascii_excerpt(declared)})",
                                 f"tệp OpenDocument không phải bảng tính ({ascii_excerpt(declared)})")
        parts = [m for m in (member(n) for n in _ODS_PARTS) if m is not None]
        sheets = []
    elif member("word/document.xml") is not None:
        raise unreadable("a Word document", "một văn bản Word")
    elif member("ppt/presentation.xml") is not None:
        raise unreadable("a PowerPoint presentation", "một bài trình chiếu PowerPoint")
    else:
        raise unreadable("a ZIP archive that holds no workbook", "một tệp nén ZIP không chứa bảng tính")

    # 3. the declared total of what will be read
    check_declared_total(parts + sheets, limits)

    # 4. stream the parts: entity declarations, true sizes, the workbook's sheet list
    budget = Budget(limits.max_uncompressed_bytes)
    rels_text = b""
    for info in parts:
        keep = REL_KEEP_BYTES if info.filename.lower() == _XLSX_WORKBOOK_RELS.lower() else 0
        wanted = kind == "xlsx" and details is not None and details.keep_part(info.filename)
        kept = scan_part(fh, size, info, budget, keep=max(keep, info.file_size if wanted else 0))
        if wanted:
            details.part_bytes(info.filename, kept)
        if keep:
            rels_text = kept[:keep]
    if kind == "xlsx":
        strings = member("xl/sharedStrings.xml")
        if strings is not None:
            check_shared_strings_count(fh, size, strings, limits)
        seen = {i.filename for i in sheets} | {i.filename for i in parts}
        for target in worksheet_targets(rels_text):
            info = member(target)
            if info is not None and info.filename not in seen:
                seen.add(info.filename)
                sheets.append(info)
        check_declared_total(parts + sheets, limits)
        for info in sheets:
            scan_part(fh, size, info, budget, sheet=SheetWatch(info.filename, limits),
                      reader=details.sheet_watch(info.filename) if details is not None else None)
    elif kind == "ods":
        try:
            check_ods_extent(fh, size, member("content.xml"), limits)
        except (SyntaxError, ValueError) as exc:  # xml ParseError is a SyntaxError; a repeat count that is no number
            raise unreadable(f"a damaged .ods file (content.xml: {str(exc)[:120]})",
                             f"tệp .ods bị hỏng (content.xml: {str(exc)[:120]})") from None


_SST_COUNT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sst\b[^>]*?\s(?:uniqueCount|count)\s*=\s*[\"']\s*(\d+)")


def check_shared_strings_count(fh: IO[bytes], size: int, info: zipfile.ZipInfo, limits: ReadLimits) -> None:
    """Refuse a shared-strings table that declares more strings than a sheet can hold cells.

    The reader reserves memory for the declared count before reading one string: a 2 KB file
    declaring 4 billion asks for 103 GB and aborts the process.
    """
    head = b""
    for chunk in iter_member(fh, size, info):
        head += chunk
        start = head.find(b"<sst")
        if len(head) >= 64 * 1024 or (start >= 0 and b">" in head[start:]):
            break
    for match in _SST_COUNT.finditer(head[: 64 * 1024]):
        declared = int(match.group(1)[:20])
        if declared > limits.max_shared_strings:
            raise Refusal("file.too_many_strings", part=info.filename, found=declared, limit=limits.max_shared_strings)


def zip_bomb(part: str, packed: int, unpacked: int, limits: ReadLimits) -> Refusal:
    return Refusal(
        "file.zip_bomb",
        part=part,
        **sizes(packed=packed, unpacked=unpacked),
        ratio=round(unpacked / max(packed, 1)),
        ratio_vi=format_number(round(unpacked / max(packed, 1)), lang="vi"),
        limit=round(limits.max_compression_ratio),
        limit_vi=format_number(round(limits.max_compression_ratio), lang="vi"),
    )


def check_declared_total(infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_bytes:
        raise unpacked_too_large(total, limits.max_uncompressed_bytes)


