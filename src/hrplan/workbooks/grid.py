"""Reading workbooks: .xlsx, .xlsm, .xls and .ods into plain grids of cell values, nothing else.

One fast reader (python-calamine) for all four formats. Each sheet comes back as a grid whose
row and column indexes are the sheet's own (grid[0][0] is A1), with its merged ranges, its
visibility, for .xls the formula cells whose result is the empty string (read as blank where
LibreOffice stored 0: `xls_details`), and, for .xlsx, the fonts of text cells (to recognise legacy Vietnamese fonts) and
the formula cells that have no stored result. A file is inspected for hostile content
(`file_safety`) before it is opened. This module only reads: it never interprets.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

import python_calamine as pc

from hrplan.problems import HrplanError, Location, Problem, cell_name
from hrplan.workbooks.safety import ReadLimits, load_workbook_bytes
from hrplan.workbooks.xls_details import Formulas, empty_text_cells, zero_result_formulas
from hrplan.workbooks.xlsx_details import XlsxDetails

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_LEGACY_FONT = re.compile(r"^(\.vn|vni[-\s])", re.I)


@dataclass
class RawSheet:
    """One sheet as read: values by (row, col), merged ranges, and what the reader noticed."""

    name: str
    visible: bool
    grid: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row0, col0, row1, col1)
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)  # only cells in legacy fonts
    formulas_without_value: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)  # zero-based; .xlsx only (not told for .xls, .ods)

    def value(self, row: int, col: int) -> Any:
        if 0 <= row < len(self.grid) and 0 <= col < len(self.grid[row]):
            return self.grid[row][col]
        return ""

    @property
    def height(self) -> int:
        return len(self.grid)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.grid), default=0)


@dataclass
class RawWorkbook:
    """A workbook as read: its path, format and sheets in workbook order."""

    path: Path
    kind: str
    sheets: list[RawSheet]


@dataclass
class CheckedFile:
    """A workbook file's bytes once the safety checks passed on them, with the .xlsx details gathered
    in the same pass (legacy fonts, formulas without a result; for .xls, the formulas stored with the result 0)."""

    path: Path
    data: bytes
    details: XlsxDetails | None = None
    xls_formulas: Formulas | None = None  # .xls: the formula cells stored with the result 0 (`xls_details`)


def check_file(path: Path, limits: ReadLimits | None = None) -> tuple[CheckedFile | None, list[Problem]]:
    """Read a workbook file once and check it (`safety`); give it, or None and the problems refusing it."""
    details = XlsxDetails() if path.suffix.lower() in (".xlsx", ".xlsm") else None
    data, problems = load_workbook_bytes(path, limits, details)
    if data is None:
        return None, problems
    formulas = zero_result_formulas(data) if path.suffix.lower() == ".xls" else None
    return CheckedFile(path, data, details, formulas), []


def read_workbook(path: Path, limits: ReadLimits | None = None, with_hidden: bool = True,
                  checked: CheckedFile | None = None) -> RawWorkbook:
    """Give the workbook's sheets as grids; raise HrplanError with a plain reason when it cannot be read.

    `checked`: the file as `check_file` gave it (its checks passed, its details gathered); else it is
    checked here first.
    """
    limits = limits or ReadLimits()
    suffix = path.suffix.lower()
    where = Location(file=str(path))
    if not path.exists():
        raise HrplanError(Problem("file.not_found", location=where, params={"path": str(path)}))
    if suffix not in WORKBOOK_SUFFIXES:
        raise HrplanError(Problem("file.unsupported_type", location=where, params={"found": suffix or path.name}))
    if checked is None:
        checked, problems = check_file(path, limits)
        if checked is None:
            raise HrplanError(problems)
    try:
        book = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise HrplanError(Problem("file.password", location=where)) from None
    except Exception as exc:  # calamine raises several kinds for damaged files
        raise HrplanError(Problem("file.unreadable", location=where, params=_reader_said(exc))) from None
    sheets: list[RawSheet] = []
    try:
        for meta in book.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            visible = meta.visible == pc.SheetVisibleEnum.Visible
            if not visible and not with_hidden:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            _check_extent(path, meta.name, sheet, limits)
            grid = sheet.to_python(skip_empty_area=False)
            merged = _merges_within(sheet.merged_cell_ranges or [], len(grid), max((len(r) for r in grid), default=0))
            sheets.append(RawSheet(meta.name, visible, [[_plain(v) for v in row] for row in grid], merged))
    except HrplanError:
        raise
    except Exception as exc:
        raise HrplanError(Problem("file.unreadable", location=where, params=_reader_said(exc))) from None
    finally:
        book.close()
    if suffix in (".xlsx", ".xlsm"):
        _add_xlsx_details(path, sheets, checked.details)
    elif suffix == ".xls":  # a formula whose result is "" (an empty ratio cell) reads as blank, not as 0
        blanks = empty_text_cells(checked.xls_formulas or {}, {s.name: s.value for s in sheets})
        for sheet in sheets:
            for row, col in blanks.get(sheet.name, ()):
                if row < len(sheet.grid) and col < len(sheet.grid[row]):
                    sheet.grid[row][col] = ""
    return RawWorkbook(path, suffix.lstrip("."), sheets)


def _check_extent(path: Path, name: str, sheet: Any, limits: ReadLimits) -> None:
    """Refuse a sheet whose grid from A1 to its last cell is too large, before it becomes Python objects.

    The grid is read from A1 (skip_empty_area=False), so its size is the last cell's row times its
    column, however few cells hold data: one cell at ALL99999 makes 100 million.
    """
    end = sheet.end or (0, 0)
    rows, columns = end[0] + 1, end[1] + 1
    where = Location(file=str(path), sheet=name)
    params = {"part": name, "ref": cell_name(*end), "rows": rows, "columns": columns}
    if rows * columns > limits.max_cells:
        raise HrplanError(Problem("file.too_many_cells", location=where,
                                  params={**params, "cells": rows * columns, "max_cells": limits.max_cells}))
    if rows > limits.max_rows or columns > limits.max_columns:
        raise HrplanError(Problem("file.too_many_rows", location=where,
                                  params={**params, "max_rows": limits.max_rows, "max_columns": limits.max_columns}))


def _merges_within(ranges: list, height: int, width: int) -> list[tuple[int, int, int, int]]:
    """Give the merged ranges cut to the grid that was read: a merge over the whole sheet (A1:XFD1048576,
    a few bytes in the file) would otherwise make the reader visit billions of empty cells."""
    merged = []
    for a, b in ranges[:100_000]:
        r0, c0, r1, c1 = a[0], a[1], min(b[0], height - 1), min(b[1], width - 1)
        if r0 <= r1 and c0 <= c1:
            merged.append((r0, c0, r1, c1))
    return merged


def _plain(value: Any) -> Any:
    """Give a cell value in the types the rest of hrplan expects (str, int, float, date or '')."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, (str, int, float, date, bool)):
        return value
    return str(value)


def _reader_said(exc: BaseException) -> dict[str, str]:
    """Give what the reading library said of a file it could not open, for the message in either language."""
    said = _short(exc)
    return {"found": f"the reader said '{said}'", "found_vi": f"bộ đọc báo lỗi '{said}'"}


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


# -- .xlsx details calamine does not give: legacy fonts and formulas without results ----------
def _add_xlsx_details(path: Path, sheets: list[RawSheet], details: XlsxDetails | None) -> None:
    """Give each sheet its legacy-font cells and formulas without a result: from what the safety scan
    gathered in its one pass, else (no scan, or a sheet the stream could not follow) by reading the
    sheet's XML again with ElementTree, as before. Both give the same: tests/test_xlsx_details.py."""
    by_name = {s.name: s for s in sheets}
    if details is None:
        _read_xlsx_details(path, by_name)
        return
    if details.legacy_xfs() is None:
        return  # styles that cannot be read: no details at all, as the ElementTree reading gives
    again: dict[str, RawSheet] = {}
    for name, part in details.sheet_parts().items():
        sheet = by_name.get(name)
        if sheet is None:
            continue
        found = details.sheets.get(part)
        if found is not None and found.complete:
            sheet.fonts.update(found.fonts)
            sheet.formulas_without_value.update(found.formulas_without_value)
            sheet.hidden_rows.update(found.hidden_rows)
        else:  # not followed by the scan (another part name, a chart sheet) or not followable: the old way
            again[name] = sheet
    if again:
        _read_xlsx_details(path, again)


def _read_xlsx_details(path: Path, by_name: dict[str, RawSheet]) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            parts = _sheet_parts(zf)
            legacy_xfs = _legacy_font_styles(zf)
            for name, part in parts.items():
                sheet = by_name.get(name)
                if sheet is not None and part in zf.namelist():
                    _scan_sheet_xml(zf, part, sheet, legacy_xfs)
    except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError):
        # The grid was read; these extras are best effort and never block an import.
        return


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    targets = {}
    for _, el in iterparse(zf.open("xl/_rels/workbook.xml.rels")):
        if el.tag.endswith("Relationship"):
            target = el.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[el.get("Id")] = target
    names = {}
    for _, el in iterparse(zf.open("xl/workbook.xml")):
        if el.tag == _NS + "sheet":
            names[el.get("name")] = targets.get(el.get(rel_ns + "id"), "")
    return names


def _legacy_font_styles(zf: zipfile.ZipFile) -> dict[int, str]:
    """Give the style (xf) indexes whose font is a legacy Vietnamese font, with the font name."""
    if "xl/styles.xml" not in zf.namelist():
        return {}
    fonts: list[str] = []
    xfs: dict[int, str] = {}
    in_fonts = in_cell_xfs = False
    xf_index = 0
    for event, el in iterparse(zf.open("xl/styles.xml"), events=("start", "end")):
        tag = el.tag.replace(_NS, "")
        if tag == "fonts":
            in_fonts = event == "start"
        elif tag == "cellXfs":
            in_cell_xfs = event == "start"
        elif event == "end" and in_fonts and tag == "font":
            name_el = el.find(_NS + "name")
            fonts.append(name_el.get("val", "") if name_el is not None else "")
        elif event == "end" and in_cell_xfs and tag == "xf":
            font_id = int(el.get("fontId", 0))
            if font_id < len(fonts) and _LEGACY_FONT.match(fonts[font_id]):
                xfs[xf_index] = fonts[font_id]
            xf_index += 1
    return xfs


def _scan_sheet_xml(zf: zipfile.ZipFile, part: str, sheet: RawSheet, legacy_xfs: dict[int, str]) -> None:
    for event, el in iterparse(zf.open(part), events=("start", "end")):
        if event == "start":
            if el.tag == _NS + "row" and el.get("hidden") in ("1", "true") and (el.get("r") or "").isdigit():
                sheet.hidden_rows.add(int(el.get("r")) - 1)
            continue
        if el.tag != _NS + "c":
            continue
        ref = el.get("r")
        if ref:
            row, col = _ref_to_index(ref)
            style = int(el.get("s", 0))
            if style in legacy_xfs:
                sheet.fonts[(row, col)] = legacy_xfs[style]
            formula = el.find(_NS + "f")
            value = el.find(_NS + "v")
            if formula is not None and (value is None or value.text in (None, "")) and el.find(_NS + "is") is None:
                sheet.formulas_without_value[(row, col)] = "=" + (formula.text or "")
        el.clear()


def _ref_to_index(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters.upper():
        col = col * 26 + (ord(ch) - 64)
    return int(ref[len(letters):]) - 1, col - 1
