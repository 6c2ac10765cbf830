"""OLE2 compound files: an .xls, or a password-protected .xlsx (an EncryptedPackage stream)."""
from __future__ import annotations

import re
import struct
from typing import IO

from hrplan.workbooks.safety.limits import OLE_SCAN_CHUNK
from hrplan.workbooks.safety.ole2_chains import check_chains
from hrplan.workbooks.safety.refusal import Refusal, unreadable

# -- OLE2 (xls, encrypted xlsx) ----------------------------------------------------------------

# Directory entries are 128 bytes, aligned on 128 in the file (the header is one 512- or
# 4096-byte sector and directory sectors follow whole). An entry starts with its UTF-16LE name,
# NUL-terminated, in a 64-byte field, then the name length in bytes (with the NUL) and the type
# (1 storage, 2 stream, 5 root). A bounded byte search for the names we care about, checked
# against that layout, finds them; the FAT chains are then checked (ole2_chains.py).
_OLE_NAMES = ("EncryptedPackage", "Workbook", "Book")
_OLE_NAME_RE = re.compile(
    b"|".join(re.escape(n.encode("utf-16-le") + b"\x00\x00") for n in _OLE_NAMES), re.IGNORECASE
)


def check_ole2(fh: IO[bytes], size: int) -> None:
    if size < 1024:  # a header sector and at least one directory sector
        raise unreadable("a damaged or incomplete Excel 97-2003 file", "tệp Excel 97-2003 bị hỏng hoặc không đầy đủ")
    names = _ole_entry_names(fh, size)
    if "encryptedpackage" in names:
        raise Refusal("file.password")
    if not names & {"workbook", "book"}:
        raise unreadable("an Office 97-2003 file that is not an Excel workbook (perhaps a Word document)",
                         "tệp Office 97-2003 không phải bảng tính Excel (có thể là văn bản Word)")
    check_chains(fh, size)


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


