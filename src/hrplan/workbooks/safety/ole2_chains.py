"""OLE2 sector chains, checked before any reader follows them: a FAT that points outside the file, a chain that
loops, or a stream longer than the file is refused here, so a damaged .xls cannot make a reader allocate or spin.

Layout (MS-CFB): a 512-byte header (sector size 512 or 4096 from its sector shift), the DIFAT's first 109 FAT
sector numbers in the header and the rest in DIFAT sectors, the FAT as 32-bit "next sector" numbers, the
directory as a chain of 128-byte entries (start sector at +116, stream size at +120).
"""
from __future__ import annotations

import struct
from typing import IO

from hrplan.workbooks.safety.refusal import unreadable

_END, _FREE, _FAT_SECTOR, _DIFAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFC
MINI_STREAM_CUTOFF = 4096  # smaller streams live in the mini stream, inside the file's root stream


def _damaged(why: str, why_vi: str):
    return unreadable(f"a damaged Excel 97-2003 file ({why})", f"tệp Excel 97-2003 bị hỏng ({why_vi})")


def check_chains(fh: IO[bytes], size: int, stream_names: tuple[str, ...] = ("workbook", "book")) -> None:
    """Refuse the compound file when its FAT, its directory chain or the workbook stream's chain is broken."""
    fh.seek(0)
    header = fh.read(512)
    shift = struct.unpack_from("<H", header, 30)[0]
    if shift not in (9, 12):
        raise _damaged(f"sector size 2^{shift}", f"kích thước sector 2^{shift}")
    sector = 1 << shift
    sectors = max(0, (size - sector) // sector)  # whole sectors after the header sector
    n_fat, first_dir, first_difat, n_difat = (struct.unpack_from("<I", header, off)[0] for off in (44, 48, 68, 72))
    if n_fat == 0 or n_fat > sectors or n_difat > sectors:
        raise _damaged("its sector table is larger than the file", "bảng sector lớn hơn cả tệp")

    def read_sector(n: int) -> bytes:
        if n >= sectors:
            raise _damaged(f"sector {n} is beyond the end of the file", f"sector {n} nằm ngoài cuối tệp")
        fh.seek((n + 1) * sector)
        return fh.read(sector)

    fat_sectors = [s for s in struct.unpack_from("<109I", header, 76) if s != _FREE][:n_fat]
    next_difat, seen = first_difat, 0
    while len(fat_sectors) < n_fat and next_difat not in (_END, _FREE):
        seen += 1
        if seen > n_difat:
            raise _damaged("its sector table list loops", "danh sách bảng sector quay vòng")
        block = struct.unpack(f"<{sector // 4}I", read_sector(next_difat))
        fat_sectors += [s for s in block[:-1] if s != _FREE]
        next_difat = block[-1]
    fat: list[int] = []
    for s in fat_sectors[:n_fat]:
        fat.extend(struct.unpack(f"<{sector // 4}I", read_sector(s)))

    def chain(start: int, what: tuple[str, str]) -> list[int]:
        out, n = [], start
        while n != _END:
            if n >= sectors or n >= len(fat) or len(out) > sectors:
                loops = len(out) > sectors
                raise _damaged(f"{what[0]}: its sector chain " + ("loops" if loops else "points outside the file"),
                               f"{what[1]}: chuỗi sector " + ("quay vòng" if loops else "trỏ ra ngoài tệp"))
            out.append(n)
            n = fat[n]
        return out

    directory = b"".join(read_sector(s) for s in chain(first_dir, ("the directory", "thư mục bên trong")))
    for off in range(0, len(directory) - 127, 128):
        entry = directory[off:off + 128]
        name_len, kind = struct.unpack_from("<HB", entry, 64)
        if kind != 2 or not 2 <= name_len <= 64:
            continue
        name = entry[:name_len - 2].decode("utf-16-le", "replace").lower()
        if name not in stream_names:
            continue
        start, length = struct.unpack_from("<II", entry, 116)
        if length > size:
            raise _damaged(f"the workbook stream claims {length:,} bytes in a file of {size:,}",
                           f"luồng bảng tính ghi {length:,} byte trong tệp chỉ có {size:,}")
        if length >= MINI_STREAM_CUTOFF and len(chain(start, ("the workbook stream", "luồng bảng tính"))) * sector < length:
            raise _damaged("the workbook stream is cut short", "luồng bảng tính bị cắt cụt")
