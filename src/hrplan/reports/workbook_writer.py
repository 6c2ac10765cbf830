"""The one writer for every workbook hrplan writes (templates, consolidated and feedback workbooks).

Text that came from a file or a definition (unit, program and indicator names, notes, cell
text) is data, never a formula: anything starting with = + - @ is stored as a text cell with
Excel's quote prefix, so neither Excel nor LibreOffice evaluates it (no `=HYPERLINK`, no DDE),
and control characters that XML cannot hold are dropped instead of failing the save.
Only hrplan's own formulas, written with `put_formula`, are stored as formulas; `save_workbook`
checks every cell once more before saving, so a cell set directly with openpyxl cannot slip a
formula through either.

    wb = new_workbook()
    ws = wb.active
    put(ws, "A1", unit.name, font=Font(bold=True))
    put(ws, (row, 3), indicator.name)
    put_formula(ws, (row, 7), f"=IF(E{row}>0,F{row}/E{row},\"\")")
    save_workbook(wb, path)
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@")
# Characters XML 1.0 cannot hold (openpyxl raises IllegalCharacterError on them); tab, LF and CR are kept.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_OWN = "_hrplan_own_formulas"  # attribute on the Workbook: {(sheet title, coordinate)} hrplan wrote itself

Ref = "str | tuple[int, int]"


def new_workbook() -> Workbook:
    """Give a new, empty workbook to fill with `put` and `put_formula` and save with `save_workbook`."""
    wb = Workbook()
    setattr(wb, _OWN, set())
    return wb


def open_workbook(path: Path) -> Workbook:
    """Open a workbook hrplan wrote earlier to fill it in; its existing formulas count as hrplan's own."""
    wb = load_workbook(path)
    setattr(wb, _OWN, {(ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                       if c.data_type == "f"})
    return wb


def clean_text(text: str) -> str:
    """Give text without the control characters a workbook cannot hold."""
    return _ILLEGAL.sub("", text)


def put(ws, ref: Any, value: Any, **style: Any) -> Cell:
    """Write a value into a cell ('B3' or (row, col), 1-based) as data: text stays text. Give the cell.

    Keyword arguments set cell styles (font=..., alignment=..., number_format=..., ...).
    """
    cell = ws[ref] if isinstance(ref, str) else ws.cell(*ref)
    if isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl makes '=...' a formula on assignment; this undoes it
        if text.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited and confirmed
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def put_formula(ws, ref: Any, formula: str, **style: Any) -> Cell:
    """Write one of hrplan's own formulas (never text from a file or definition). Give the cell."""
    if not formula.startswith("="):
        raise ValueError(f"not a formula: {formula!r}")
    cell = ws[ref] if isinstance(ref, str) else ws.cell(*ref)
    cell.value = formula
    _own(ws.parent).add((ws.title, cell.coordinate))
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def neutralize(wb: Workbook) -> int:
    """Turn every formula cell hrplan did not write with `put_formula` into text; give how many there were."""
    own = _own(wb)
    count = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and (ws.title, cell.coordinate) not in own:
                    put(ws, cell.coordinate, str(cell.value))
                    count += 1
                elif cell.data_type in ("s", "inlineStr") and isinstance(cell.value, str):
                    cleaned = clean_text(cell.value)
                    if cleaned != cell.value or cleaned.startswith(FORMULA_STARTS):
                        put(ws, cell.coordinate, cleaned)
    return count


def save_workbook(wb: Workbook, path: Path) -> Path:
    """Check every cell (`neutralize`), then save to `path` (parent folders made) and give the path."""
    neutralize(wb)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _own(wb: Workbook) -> set:
    if not hasattr(wb, _OWN):
        setattr(wb, _OWN, set())
    return getattr(wb, _OWN)
