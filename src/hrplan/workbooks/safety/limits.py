"""Bounds on what a workbook may contain before it is opened (`read_limits` in hrplan.yaml)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

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
    # declared size of an .xlsx shared-strings table (the reader reserves memory for it up front)
    max_shared_strings: int = Field(default=2_000_000, gt=0)
    # Each file is read in a worker process with these limits; beyond them the file is refused
    # ('file.reader_failed') and the run goes on. Memory is address space the reader may add.
    max_read_memory_bytes: int = Field(default=1536 * 1024**2, gt=0)
    max_read_seconds: float = Field(default=120.0, gt=0)
