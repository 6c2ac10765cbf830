"""A table read as a program or the workspace declares it (`layouts:`), instead of as detected.

The workspace's layouts (hrplan.yaml, chosen by file-name pattern) are tried before reading; a
program's layouts once the program is known. Declared beats detected: the sheet, header rows and
columns are taken as written, the declared captions give the roles, and the import notes which
declaration was used.
"""
from __future__ import annotations

from pathlib import Path

from hrplan.definitions import DeclaredLayout
from hrplan.names import fold, nfc
from hrplan.problems import Location, Problem, Severity, cell_name
from hrplan.reading.layout import TableLayout, layout_at
from hrplan.reading.unit_rows import unit_rows_at
from hrplan.workbooks import RawSheet, RawWorkbook


def declared_for(path: Path, layouts: list[DeclaredLayout]) -> DeclaredLayout | None:
    """Give the first layout declared for a file of this name, or None."""
    return next((layout for layout in layouts if layout.applies_to(path.name)), None)


def table_as_declared(book: RawWorkbook, declared: DeclaredLayout, source: str,
                      read_hidden: bool) -> tuple[TableLayout | None, Problem]:
    """Give the table laid out as declared, and the note (or the error) saying so."""
    where = Location(str(book.path))
    sheet = _sheet(book, declared.sheet, read_hidden)
    if sheet is None:
        return None, Problem("layout.sheet_not_found", location=where, params={
            "sheet": declared.sheet or "-", "source": source, "sheets": ", ".join(s.name for s in book.sheets)})
    fixed = {_column_index(declared.label_column): "name"}
    if declared.code_column:
        fixed[_column_index(declared.code_column)] = "code"
    if declared.uom_column:
        fixed[_column_index(declared.uom_column)] = "uom"
    captions = {fold(text): role for role, texts in declared.captions.items() for text in texts}
    if declared.units == "per_row":  # the label column names the units; the captions name the indicators
        layout = unit_rows_at(sheet, declared.header_row - 1, declared.header_rows,
                              _column_index(declared.label_column), captions, declared.parameters.get("kind"))
    else:
        layout = layout_at(sheet, declared.header_row - 1, declared.header_rows, fixed, captions,
                           declared.parameters.get("kind"))
    layout.units_declared = declared.units
    _read_parameters(sheet, layout, {k: v for k, v in declared.parameters.items() if k != "kind"})
    at = Location(str(book.path), sheet.name, cell_name(declared.header_row - 1, 0))
    values = layout.indicator_captions if declared.units == "per_row" else [
        c for c in layout.header if c.role in ("plan", "actual", "estimate")]
    if not values:
        return None, Problem("layout.no_value_columns", location=at, params={
            "source": source, "row": declared.header_row, "captions": ", ".join(
                f"'{c}'" for c in layout.captions.values() if c) or "-"})
    return layout, Problem("layout.declared", Severity.INFO, at, {"source": source, "sheet": sheet.name,
                                                                 "row": declared.header_row})


def _sheet(book: RawWorkbook, name: str | None, read_hidden: bool) -> RawSheet | None:
    for sheet in book.sheets:
        if name is not None and fold(sheet.name) == fold(name):
            return sheet
        if name is None and (sheet.visible or read_hidden):
            return sheet
    return None


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def _read_parameters(sheet: RawSheet, layout: TableLayout, keys: dict[str, str]) -> None:
    """Take the declared parameter keys above the table: 'Địa bàn: Xã …' in one cell, 'Năm | 2020' side by side,
    or a machine row of keys ('ma_xa | nam') over a row of values."""
    wanted = {fold(key): name for name, key in keys.items()}
    for row in range(layout.header_row):
        for col, value in enumerate(sheet.grid[row]):
            text = nfc(str(value)).strip()
            if not text:
                continue
            key, _, stated = text.partition(":")
            name = wanted.get(fold(key))
            if name is None:
                continue
            found = None
            if stated.strip():
                found = (stated.strip(), cell_name(row, col))
            else:
                right = next(((c, v) for c, v in enumerate(sheet.grid[row]) if c > col and str(v).strip()), None)
                below = sheet.value(row + 1, col) if row + 1 < layout.header_row else ""
                if right is not None:
                    found = (_text(right[1]), cell_name(row, right[0]))
                elif str(below).strip():
                    found = (_text(below), cell_name(row + 1, col))
            if found:
                layout.labels[name] = found


def _text(value: object) -> str:
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return nfc(str(value)).strip()
