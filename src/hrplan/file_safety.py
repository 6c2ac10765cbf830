"""Pre-flight inspection of workbook files before python-calamine ever sees them.

Provincial units send workbooks by e-mail and chat; some are damaged, some are not workbooks
at all, and a hostile one could be built to exhaust memory (a "zip bomb", an XML entity bomb,
a sheet claiming a million rows). `inspect_workbook` looks at a file quickly and in bounded
memory and returns `Problem`s that refuse it; an empty list means the file may be opened.

What is checked, in order (the first refusal wins, so the answer is one problem):

* the path is an existing regular file no larger than `max_file_bytes`;
* the file kind, decided by its magic bytes and not by its name:
  - ZIP (`PK\\x03\\x04`): xlsx/xlsm or ods;
  - OLE2 compound file (`D0 CF 11 E0 A1 B1 1A E1`): an xls, or a password-protected xlsx
    (an OLE2 file holding an "EncryptedPackage" stream), or another Office 97-2003 file;
  - anything else is refused as 'file.unreadable' with a `found` saying what it looks like;
* for ZIP files, from the central directory only (nothing is unpacked yet): the member count,
  encrypted members, the compression ratio of every member, and the total declared unpacked
  size of the parts that python-calamine reads;
* then the parts python-calamine reads are streamed through zlib in 64 KB chunks, never held
  whole, and never trusted beyond what they declare: a part that unpacks to more than its
  declared size, or a running total above `max_uncompressed_bytes`, stops the read at once.
  While streaming we refuse any `<!DOCTYPE`/`<!ENTITY` in an XML prolog, read each
  worksheet's `<dimension ref=...>` near its start, and watch the row/cell references for
  rows or columns beyond the limits (a dimension can lie or be missing).

Limitations, on purpose:

* xls (BIFF) and ods sheets get no row/column check here: finding their sizes means parsing
  BIFF records or ODF repeat attributes. The reader checks python-calamine's
  `sheet.height`/`sheet.width` (`total_height`/`total_width`) after loading instead.
* A BIFF8 xls protected with a password (FILEPASS record) is not detected here; the reader
  maps python-calamine's `PasswordError` to 'file.password'.
* Cells written without an `r="A1"` reference are placed implicitly; their columns are not
  counted here (their rows are, by counting `<row` elements). A sheet dense enough to matter
  is caught by the size and ratio limits.
* The `found` texts for 'file.unreadable' are English phrases (the catalogue message around
  them is translated).
"""
from __future__ import annotations

import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field

from hrplan.problems import Location, Problem, Severity

__all__ = ["ReadLimits", "inspect_workbook", "sniff_kind"]

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

CHUNK = 64 * 1024  # the unit of every read: raw bytes from disk and unpacked bytes from zlib
PROLOG_WINDOW = 64 * 1024  # the XML declaration, comments and DOCTYPE must end within this
DIMENSION_WINDOW = 64 * 1024  # <dimension ref=...> is the 2nd/3rd element of a worksheet
RATIO_MIN_BYTES = 1024 * 1024  # the ratio limit applies to members above this unpacked size
OLE_SCAN_CHUNK = 1024 * 1024
SNIFF_BYTES = 4096
REL_KEEP_BYTES = 1024 * 1024  # a workbook's .rels part is kept (to find sheets) up to this size


class ReadLimits(BaseModel):
    """Bounds on what a workbook file may contain before it is opened; safe defaults."""

    model_config = ConfigDict(extra="forbid")

    max_file_bytes: int = Field(default=50 * 1024**2, gt=0)
    # total unpacked size of the zip members that are read (the parts python-calamine reads)
    max_uncompressed_bytes: int = Field(default=300 * 1024**2, gt=0)
    # per member, unpacked/packed, for members above RATIO_MIN_BYTES (~1 MB) unpacked
    max_compression_ratio: float = Field(default=200.0, gt=1.0)
    max_zip_members: int = Field(default=5000, gt=0)
    max_rows: int = Field(default=100_000, gt=0)  # per sheet
    max_columns: int = Field(default=1_000, gt=0)  # per sheet
    # per sheet, rows x columns of the area the reader fills in memory (it is dense: one cell at
    # A1 and one at ALL99999 make 100 million); 2 million is far above any real submission
    max_cells: int = Field(default=2_000_000, gt=0)


def inspect_workbook(path: Path, limits: ReadLimits | None = None) -> list[Problem]:
    """Inspect a workbook file before it is opened; an empty list means it is safe to open.

    Otherwise the list holds ERROR problems located at the file. Reads are bounded: at most
    one chunk of raw and one chunk of unpacked data are held at a time, and no read goes
    beyond the limits.
    """
    path = Path(path)
    limits = limits or ReadLimits()
    location = Location(file=str(path))
    try:
        _inspect(path, limits)
    except _Refusal as refusal:
        return [Problem(refusal.code, Severity.ERROR, location, refusal.params)]
    return []


def sniff_kind(head: bytes) -> str:
    """Give the container kind of a file from its first bytes: 'zip', 'ole2' or 'other'."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    return "other"


# --------------------------------------------------------------------------------------------
# internals


class _Refusal(Exception):
    """Raised inside the inspection to stop at the first reason to refuse the file."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params


def _unreadable(found: str) -> _Refusal:
    return _Refusal("file.unreadable", found=found)


def _size_text(n: float) -> str:
    """Give a byte count for people: '812 KB', '63.2 MB'."""
    if n < 1024**2:
        return f"{max(1, round(n / 1024))} KB" if n else "0 KB"
    if n < 1024**3:
        return f"{n / 1024**2:.1f} MB"
    return f"{n / 1024**3:.1f} GB"


def _inspect(path: Path, limits: ReadLimits) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _Refusal("file.not_found", path=str(path)) from None
    except OSError as exc:
        raise _unreadable(f"a file that cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise _unreadable("a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        # never open a FIFO or device: reading it could block or never end
        raise _unreadable("not a regular file (a device, pipe or socket)")
    size = st.st_size
    if size > limits.max_file_bytes:
        raise _Refusal(
            "file.too_large",
            size=_size_text(size),
            limit=_size_text(limits.max_file_bytes),
            size_bytes=size,
            limit_bytes=limits.max_file_bytes,
        )
    if size == 0:
        raise _unreadable("an empty file")
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
            kind = sniff_kind(head)
            if kind == "zip":
                _check_zip(fh, size, limits)
            elif kind == "ole2":
                _check_ole2(fh, size)
            else:
                raise _unreadable(_describe(head))
    except OSError as exc:
        raise _unreadable(f"a file that cannot be read ({exc.strerror or exc})") from None


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


def _describe(head: bytes) -> str:
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


# -- OLE2 (xls, encrypted xlsx) ----------------------------------------------------------------

# Directory entries are 128 bytes, aligned on 128 in the file (the header is one 512- or
# 4096-byte sector and directory sectors follow whole). An entry starts with its UTF-16LE name,
# NUL-terminated, in a 64-byte field, then the name length in bytes (with the NUL) and the type
# (1 storage, 2 stream, 5 root). A bounded byte search for the names we care about, checked
# against that layout, is enough: we do not follow the FAT chains.
_OLE_NAMES = ("EncryptedPackage", "Workbook", "Book")
_OLE_NAME_RE = re.compile(
    b"|".join(re.escape(n.encode("utf-16-le") + b"\x00\x00") for n in _OLE_NAMES), re.IGNORECASE
)


def _check_ole2(fh: IO[bytes], size: int) -> None:
    if size < 1024:  # a header sector and at least one directory sector
        raise _unreadable("a damaged or incomplete Excel 97-2003 file")
    names = _ole_entry_names(fh, size)
    if "encryptedpackage" in names:
        raise _Refusal("file.password")
    if not names & {"workbook", "book"}:
        raise _unreadable("an Office 97-2003 file that is not an Excel workbook (perhaps a Word document)")


def _ole_entry_names(fh: IO[bytes], size: int) -> set[str]:
    """Give the lower-cased names of interest found as OLE directory entries (bounded scan)."""
    found: set[str] = set()
    overlap = 128
    fh.seek(0)
    base = 0  # file offset of buf[0]
    buf = b""
    while True:
        chunk = fh.read(OLE_SCAN_CHUNK)
        if not chunk:
            break
        buf += chunk
        for match in _OLE_NAME_RE.finditer(buf):
            pos = base + match.start()
            if pos % 128 or pos < 512 or match.start() + 68 > len(buf):
                continue
            entry = buf[match.start() : match.start() + 68]
            name_len, entry_type = struct.unpack_from("<HB", entry, 64)
            name = match.group().decode("utf-16-le").rstrip("\x00")
            if name_len == (len(name) + 1) * 2 and entry_type in (1, 2):
                found.add(name.lower())
        keep = min(overlap, len(buf))
        base += len(buf) - keep
        buf = buf[-keep:]
    return found


# -- ZIP (xlsx, xlsm, ods) ---------------------------------------------------------------------

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_DAMAGED_ZIP = "a damaged or incomplete ZIP file (perhaps only part of it was downloaded)"


def _zip_entry_count(fh: IO[bytes], size: int) -> int:
    """Give the member count from the end-of-central-directory record, before zipfile lists
    the members (so a file claiming millions of members is refused without building them)."""
    tail_len = min(size, 22 + 65535)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or at + 22 > len(tail):
        raise _unreadable(_DAMAGED_ZIP)
    count = struct.unpack_from("<H", tail, at + 10)[0]
    if count == 0xFFFF:  # a Zip64 archive: the real count is in the Zip64 record
        loc = at - 20
        if loc < 0 or tail[loc : loc + 4] != _ZIP64_LOCATOR:
            raise _unreadable(_DAMAGED_ZIP)
        (record_offset,) = struct.unpack_from("<Q", tail, loc + 8)
        if record_offset + 56 > size:
            raise _unreadable(_DAMAGED_ZIP)
        fh.seek(record_offset)
        record = fh.read(56)
        if len(record) < 56 or record[:4] != _ZIP64_EOCD:
            raise _unreadable(_DAMAGED_ZIP)
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


def _check_zip(fh: IO[bytes], size: int, limits: ReadLimits) -> None:
    count = _zip_entry_count(fh, size)
    if count > limits.max_zip_members:
        raise _Refusal("file.too_many_parts", found=count, limit=limits.max_zip_members)
    fh.seek(0)
    try:
        zf = zipfile.ZipFile(fh)  # reads the central directory only
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error,
            NotImplementedError, KeyError, IndexError, OverflowError):
        raise _unreadable(_DAMAGED_ZIP) from None
    if len(infos) > limits.max_zip_members:
        raise _Refusal("file.too_many_parts", found=len(infos), limit=limits.max_zip_members)

    # 1. what the central directory declares (nothing unpacked yet)
    for info in infos:
        if info.flag_bits & 0x1:
            raise _Refusal("file.password")
        if info.file_size > RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise _zip_bomb(info.filename, info.compress_size, info.file_size, limits)

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
        raise _Refusal("file.unsupported_type", found=".xlsb")
    elif member("content.xml") is not None:
        kind = "ods"
        mimetype = member("mimetype")
        if mimetype is not None:
            declared = _read_small(fh, size, mimetype, 256).strip()
            if declared not in _ODS_MIMETYPES:
                raise _unreadable(f"an OpenDocument file that is not a spreadsheet ({_ascii(declared)})")
        parts = [m for m in (member(n) for n in _ODS_PARTS) if m is not None]
        sheets = []
    elif member("word/document.xml") is not None:
        raise _unreadable("a Word document")
    elif member("ppt/presentation.xml") is not None:
        raise _unreadable("a PowerPoint presentation")
    else:
        raise _unreadable("a ZIP archive that holds no workbook")

    # 3. the declared total of what will be read
    _check_declared_total(parts + sheets, limits)

    # 4. stream the parts: entity declarations, true sizes, the workbook's sheet list
    budget = _Budget(limits.max_uncompressed_bytes)
    rels_text = b""
    for info in parts:
        keep = REL_KEEP_BYTES if info.filename.lower() == _XLSX_WORKBOOK_RELS.lower() else 0
        kept = _scan_part(fh, size, info, budget, keep=keep)
        if keep:
            rels_text = kept
    if kind == "xlsx":
        seen = {i.filename for i in sheets} | {i.filename for i in parts}
        for target in _worksheet_targets(rels_text):
            info = member(target)
            if info is not None and info.filename not in seen:
                seen.add(info.filename)
                sheets.append(info)
        _check_declared_total(parts + sheets, limits)
        for info in sheets:
            _scan_part(fh, size, info, budget, sheet=_SheetWatch(info.filename, limits))
    elif kind == "ods":
        _check_ods_extent(fh, size, member("content.xml"), limits)


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _check_ods_extent(fh: IO[bytes], size: int, info: zipfile.ZipInfo, limits: ReadLimits) -> None:
    """Refuse an ods whose repeat attributes spread content over too many rows or columns.

    A few hundred bytes of content.xml can ask for a cell repeated over 90,000 rows and 1,000
    columns, which the reader would expand into 90 million cells. Repeats of *empty* rows and
    cells (LibreOffice writes one to the end of every sheet) cost nothing and are not counted.
    """
    from xml.etree.ElementTree import XMLPullParser

    parser = XMLPullParser(events=("start", "end"))
    table, row_pos, col_pos, last_row, last_col = "", 0, 0, 0, 0
    row_last_col = 0

    def refuse_if_too_big() -> None:
        if last_row > limits.max_rows or last_col > limits.max_columns:
            raise _Refusal("file.too_many_rows", part=f"content.xml ({table})", ref=f"{_col_letters(last_col)}{last_row}",
                           rows=last_row, columns=last_col, max_rows=limits.max_rows, max_columns=limits.max_columns)

    for chunk in _iter_member(fh, size, info):
        parser.feed(chunk)
        for event, el in parser.read_events():
            tag = el.tag
            if event == "start" and tag == _ODS_TABLE + "table":
                table, row_pos, last_row, last_col = el.get(_ODS_TABLE + "name", ""), 0, 0, 0
            elif event == "start" and tag == _ODS_TABLE + "table-row":
                col_pos, row_last_col = 0, 0
            elif event == "end" and tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
                col_pos += int(el.get(_ODS_TABLE + "number-columns-repeated", "1") or 1)
                if el.get(_ODS_OFFICE + "value-type") or len(el):
                    row_last_col = col_pos
                el.clear()
            elif event == "end" and tag == _ODS_TABLE + "table-row":
                row_pos += int(el.get(_ODS_TABLE + "number-rows-repeated", "1") or 1)
                if row_last_col:
                    last_row, last_col = row_pos, max(last_col, row_last_col)
                    refuse_if_too_big()
                    if last_row * last_col > limits.max_cells:
                        raise _Refusal("file.too_many_cells", part=f"content.xml ({table})",
                                       ref=f"{_col_letters(last_col)}{last_row}", cells=last_row * last_col,
                                       max_cells=limits.max_cells)
                el.clear()
    parser.close()


def _zip_bomb(part: str, packed: int, unpacked: int, limits: ReadLimits) -> _Refusal:
    return _Refusal(
        "file.zip_bomb",
        part=part,
        packed=_size_text(packed),
        unpacked=_size_text(unpacked),
        ratio=round(unpacked / max(packed, 1)),
        limit=round(limits.max_compression_ratio),
    )


def _check_declared_total(infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_bytes:
        raise _unpacked_too_large(total, limits.max_uncompressed_bytes)


def _unpacked_too_large(total: int, limit: int) -> _Refusal:
    return _Refusal(
        "file.unpacked_too_large",
        size=_size_text(total),
        limit=_size_text(limit),
        size_bytes=total,
        limit_bytes=limit,
    )


def _ascii(raw: bytes) -> str:
    return raw[:80].decode("ascii", "replace")


@dataclass
class _Budget:
    """The running total of unpacked bytes across all parts read; refuses past the limit."""

    limit: int
    used: int = 0

    def spend(self, n: int) -> None:
        self.used += n
        if self.used > self.limit:
            raise _unpacked_too_large(self.used, self.limit)


def _iter_member(fh: IO[bytes], size: int, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """Unpack one member in chunks of at most CHUNK bytes, straight from the file.

    zlib is driven by hand (not ZipFile.open) so that the true unpacked size is seen: the
    read stops with a refusal as soon as it passes the size the member declares, and a member
    that ends short of it, or whose CRC differs, is damaged.
    """
    if info.flag_bits & 0x1:
        raise _Refusal("file.password")
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) < 30 or local[:4] != ZIP_MAGIC:
        raise _unreadable(_DAMAGED_ZIP)
    name_len, extra_len = struct.unpack_from("<HH", local, 26)
    start = info.header_offset + 30 + name_len + extra_len
    if start + info.compress_size > size:
        raise _unreadable(_DAMAGED_ZIP)
    fh.seek(start)
    left = info.compress_size
    out = 0
    crc = 0

    def emit(data: bytes) -> bytes:
        nonlocal out, crc
        out += len(data)
        if out > info.file_size:
            raise _unreadable(
                f"a damaged ZIP file (part '{info.filename}' unpacks to more than the "
                f"{info.file_size} bytes it declares)"
            )
        crc = zlib.crc32(data, crc)
        return data

    if info.compress_type == zipfile.ZIP_STORED:
        while left:
            raw = fh.read(min(CHUNK, left))
            if not raw:
                raise _unreadable(_DAMAGED_ZIP)
            left -= len(raw)
            yield emit(raw)
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
        try:
            while left and not inflater.eof:
                raw = fh.read(min(CHUNK, left))
                if not raw:
                    raise _unreadable(_DAMAGED_ZIP)
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
            raise _unreadable(_DAMAGED_ZIP) from None
    else:
        raise _unreadable(f"a ZIP file using an unusual compression method ({info.compress_type})")
    if out != info.file_size or crc != info.CRC:
        raise _unreadable(_DAMAGED_ZIP)


def _read_small(fh: IO[bytes], size: int, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Give the first `limit` unpacked bytes of a member (for the ODF 'mimetype')."""
    if info.file_size > limit:
        return b""
    data = b""
    for chunk in _iter_member(fh, size, info):
        data += chunk
    return data


def _scan_part(
    fh: IO[bytes],
    size: int,
    info: zipfile.ZipInfo,
    budget: _Budget,
    *,
    keep: int = 0,
    sheet: _SheetWatch | None = None,
) -> bytes:
    """Stream one XML part: check its prolog, its true size and (for a sheet) its extent.

    Gives back the first `keep` bytes of the part (0: nothing is kept).
    """
    prolog = _PrologWatch(info.filename)
    kept = b""
    for chunk in _iter_member(fh, size, info):
        budget.spend(len(chunk))
        if not prolog.done:
            prolog.feed(chunk)
        if sheet is not None:
            sheet.feed(chunk)
        if keep and len(kept) < keep:
            kept += chunk[: keep - len(kept)]
    if not prolog.done:
        prolog.finish()
    if sheet is not None:
        sheet.finish()
    return kept


# -- XML prologs -------------------------------------------------------------------------------

_ROOT_START = re.compile(rb"<[A-Za-z_]")  # the first start tag (not <? or <!) is the root


class _PrologWatch:
    """Looks at the start of an XML part for a DOCTYPE or ENTITY before the root element.

    A DTD can only come before the root element, so only the prolog is read (up to
    PROLOG_WINDOW bytes). UTF-16 parts are decoded first so a declaration cannot hide there.
    """

    def __init__(self, part: str):
        self.part = part
        self.head = b""
        self.done = False

    def feed(self, chunk: bytes) -> None:
        self.head += chunk[: PROLOG_WINDOW + 1 - len(self.head)]
        text = self._text()
        root = _ROOT_START.search(text)
        prolog = text[: root.start()] if root else text
        lowered = prolog.lower()
        for marker in (b"<!doctype", b"<!entity"):
            if marker in lowered:
                raise _Refusal("file.xml_entities", part=self.part, found=marker.decode().upper())
        if root:
            self.done = True
        elif len(self.head) > PROLOG_WINDOW:
            raise _unreadable(
                f"a damaged workbook (part '{self.part}' has no XML element in its first "
                f"{PROLOG_WINDOW // 1024} KB)"
            )

    def finish(self) -> None:
        self.done = True  # a part with no element at all is left for the reader to report

    def _text(self) -> bytes:
        head = self.head
        if head.startswith(b"\xff\xfe") or (len(head) > 1 and head[0] != 0 and head[1] == 0):
            return head.decode("utf-16-le", "ignore").encode("utf-8")
        if head.startswith(b"\xfe\xff") or (len(head) > 1 and head[0] == 0 and head[1] != 0):
            return head.decode("utf-16-be", "ignore").encode("utf-8")
        return head


# -- worksheet extents -------------------------------------------------------------------------

_DIMENSION_RE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"']"
)
_REF_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$")


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def _col_letters(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_CELL_REF_RE = re.compile(rb'<c\s+r="([A-Z]{1,3})(\d{1,7})"')


class _SheetWatch:
    """Watches one worksheet's XML stream for rows/columns beyond the limits.

    First the `<dimension ref="A1:XFD1048576"/>` near the start (within DIMENSION_WINDOW);
    then, because a dimension may lie or be missing, every `r="..."` reference of a row or
    cell that is long enough to possibly pass the limits (so ordinary references, the vast
    majority, do not even produce a match), and the count of `<row` elements for rows
    written without a reference.
    """

    def __init__(self, part: str, limits: ReadLimits):
        self.part = part
        self.limits = limits
        self.head = b""
        self.dimension_done = False
        self.tail = b""
        self.row_elements = 0
        min_digits = len(str(limits.max_rows))
        min_letters = len(_col_letters(limits.max_columns))
        alternatives = [rb"[A-Za-z]{0,3}\d{%d,}" % min_digits]
        if min_letters <= 3:
            alternatives.append(rb"[A-Za-z]{%d,3}\d+" % min_letters)
        # starts with a literal so the regex engine can skip ahead fast; the whitespace before
        # the attribute name is checked on the (rare) matches
        self.ref_re = re.compile(rb"r\s*=\s*[\"'](%s)[\"']" % b"|".join(alternatives))
        self.max_row = self.max_col = 0  # the extent of the cells written, for the max_cells check

    def feed(self, chunk: bytes) -> None:
        if not self.dimension_done:
            self.head += chunk[: DIMENSION_WINDOW - len(self.head)]
            match = _DIMENSION_RE.search(self.head)
            if match:
                self.dimension_done = True
                self._check_ref(match.group(1).decode("ascii", "replace"))
            elif len(self.head) >= DIMENSION_WINDOW:
                self.dimension_done = True
                self.head = b""
        buf = self.tail + chunk
        # a '<row' split across chunks is counted once: the tail is 3 bytes shorter than it
        self.row_elements += (self.tail[-3:] + chunk).count(b"<row")
        if self.row_elements > self.limits.max_rows:
            self._refuse(f"A{self.row_elements}", self.row_elements, 1)
        for match in self.ref_re.finditer(buf):
            if match.start() and buf[match.start() - 1] not in b" \t\r\n":
                continue  # another attribute ending in 'r', not r="..."
            self._check_ref(match.group(1).decode("ascii", "replace"))
        for match in _CELL_REF_RE.finditer(chunk):
            self.max_col = max(self.max_col, _col_number(match.group(1).decode("ascii")))
            self.max_row = max(self.max_row, int(match.group(2)))
        if self.max_row * self.max_col > self.limits.max_cells:
            raise _Refusal("file.too_many_cells", part=self.part, ref=f"{_col_letters(self.max_col)}{self.max_row}",
                           cells=self.max_row * self.max_col, max_cells=self.limits.max_cells)
        self.tail = buf[-64:]

    def finish(self) -> None:
        self.head = b""
        self.tail = b""

    def _check_ref(self, ref: str) -> None:
        match = _REF_RE.match(ref.strip())
        if not match:
            if ref.strip().isdigit():  # a row's r="123"
                rows = int(ref)
                if rows > self.limits.max_rows:
                    self._refuse(f"A{rows}", rows, 1)
            return  # an unreadable dimension is left to the reader
        first_col, first_row, last_col, last_row = match.groups()
        col = _col_number(last_col or first_col)
        row = int(last_row or first_row)
        if row > self.limits.max_rows or col > self.limits.max_columns:
            self._refuse(f"{_col_letters(col)}{row}", row, col)

    def _refuse(self, ref: str, rows: int, columns: int) -> None:
        raise _Refusal(
            "file.too_many_rows",
            part=self.part,
            ref=ref,
            rows=rows,
            columns=columns,
            max_rows=self.limits.max_rows,
            max_columns=self.limits.max_columns,
        )


# -- the workbook's sheet list -----------------------------------------------------------------

_RELATIONSHIP_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?Relationship\b[^>]*>")
_ATTR_RE = re.compile(rb"\b(Type|Target|TargetMode)\s*=\s*[\"']([^\"']*)[\"']")


def _worksheet_targets(rels: bytes) -> list[str]:
    """Give the zip names of the worksheets the workbook's relationships point to."""
    targets = []
    for element in _RELATIONSHIP_RE.findall(rels):
        attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR_RE.findall(element)}
        if not attrs.get("Type", "").endswith("/worksheet") or attrs.get("TargetMode") == "External":
            continue
        target = attrs.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else _join_part("xl", target)
        if name:
            targets.append(name)
    return targets


def _join_part(base: str, target: str) -> str:
    parts = base.split("/")
    for piece in target.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts)
