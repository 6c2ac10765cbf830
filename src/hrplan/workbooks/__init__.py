"""Workbooks: open any .xlsx/.xlsm/.xls/.ods safely and give its sheets as grids of cells.

Entry points: `read_workbook` (a `RawWorkbook` of `RawSheet`s), `inspect_workbook` and `ReadLimits`
(refuse hostile files before opening), `to_unicode`/`guess_encoding` (TCVN3 and VNI text).
"""
from __future__ import annotations

from hrplan.workbooks.grid import (
           WORKBOOK_SUFFIXES,
           RawSheet,
           RawWorkbook,
           read_workbook,
)
from hrplan.workbooks.legacy_text import guess_encoding, to_unicode
from hrplan.workbooks.safety import ReadLimits, inspect_workbook, sniff_kind

__all__ = ["WORKBOOK_SUFFIXES", "RawSheet", "RawWorkbook", "read_workbook", "guess_encoding", "to_unicode",
           "ReadLimits", "inspect_workbook", "sniff_kind"]
