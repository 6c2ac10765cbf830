"""Workbooks: open any .xlsx/.xlsm/.xls/.ods safely and give its sheets as grids of cells.

Entry points: `read_workbook` (a `RawWorkbook` of `RawSheet`s), `check_file` (read a file once,
checked, for `read_workbook`), `inspect_workbook` and `ReadLimits` (refuse hostile files before
opening), `to_unicode`/`guess_encoding` (TCVN3 and VNI text).

Each entry point's module loads when it is first asked for: the workspace settings need
`ReadLimits`, not the readers (python-calamine, the safety scans), so `hrplan status` skips them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from hrplan.lazy import lazy_exports

if TYPE_CHECKING:
    from hrplan.workbooks.grid import WORKBOOK_SUFFIXES, CheckedFile, RawSheet, RawWorkbook, check_file, read_workbook
    from hrplan.workbooks.legacy_text import guess_encoding, to_unicode
    from hrplan.workbooks.safety import ReadLimits, inspect_workbook, sniff_kind

__all__ = ["WORKBOOK_SUFFIXES", "CheckedFile", "check_file", "RawSheet", "RawWorkbook", "read_workbook",
           "guess_encoding", "to_unicode", "ReadLimits", "inspect_workbook", "sniff_kind"]

_HOMES = {"WORKBOOK_SUFFIXES": "hrplan.workbooks.grid", "CheckedFile": "hrplan.workbooks.grid",
          "check_file": "hrplan.workbooks.grid", "RawSheet": "hrplan.workbooks.grid",
          "RawWorkbook": "hrplan.workbooks.grid", "read_workbook": "hrplan.workbooks.grid",
          "guess_encoding": "hrplan.workbooks.legacy_text", "to_unicode": "hrplan.workbooks.legacy_text",
          "ReadLimits": "hrplan.workbooks.safety.limits", "inspect_workbook": "hrplan.workbooks.safety",
          "sniff_kind": "hrplan.workbooks.safety"}


__getattr__ = lazy_exports(__name__, _HOMES)
