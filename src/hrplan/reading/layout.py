"""Finding the table in a sheet: the header row, what each column holds, and the blocks above it.

Office workbooks put a title block (issuing body, national motto, report title), sometimes a
parameter block (unit, period) and a note "Đơn vị tính: Triệu đồng" above the table; headers
can be merged over two rows ("Kết quả thực hiện" over "Kế hoạch | Thực hiện"); a row of column
codes ("A | B | 1 | 2 | 3=2/1") may sit under the header. This module recognises all that from
captions in Vietnamese (with or without diacritics), common abbreviations and English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hrplan.names import compact, fold, nfc
from hrplan.problems import cell_name
from hrplan.workbooks import RawSheet, RawWorkbook

HEADER_SCAN_ROWS = 40
VALUE_ROLES = ("plan", "actual", "estimate")

# Checked in this order: the first role whose pattern matches a folded caption wins.
_ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("estimate", re.compile(r"\buoc\b|\buth\b|\bestimat")),
    # The same period a year before ("TH cùng kỳ 2022") is context, not this report's figure.
    ("previous", re.compile(r"\bcung ky\b|\bnam truoc\b|\bky truoc\b|\bprevious\b|\blast year\b|\bsame period\b")),
    ("ratio", re.compile(r"\bty le\b|\bti le\b|^%$|\bso sanh\b|\bratio\b|\bpercent|^% |\bdat %")),
    ("cumulative", re.compile(r"\bluy ke\b|\bcumulative\b")),
    ("note", re.compile(r"\bghi chu\b|\bnotes?\b|\bremarks?\b")),
    ("uom", re.compile(r"^dvt\b|^don vi tinh\b|^don vi do\b|^uom\b|^unit of measure\b|^unit$")),
    ("code", re.compile(r"^ma\b|^ma chi tieu\b|^ma so\b|\bindicator code\b|^code$")),
    ("plan", re.compile(r"\bke hoach\b|^kh\b|\bkh \d{4}\b|\bplan\b|\btarget\b|\bchi tieu giao\b|\bso vi tri\b|\bseats\b")),
    ("actual", re.compile(r"\bthuc hien\b|^th\b|\bth \d{4}\b|\bactual\b|\bket qua\b|\bda thuc hien\b|\bresult")),
    ("name", re.compile(r"\bnoi dung\b|\bchi tieu\b|\bindicator\b|\bcontent\b|\bdanh muc\b|\bhang muc\b|\bitem\b|^ten\b")),
]
_STT = {"stt", "tt", "sott", "sothutu", "no"}

_LABELS = {
    "program": re.compile(r"^(ma )?(chuong trinh|de an|ke hoach so|program)( so)?$"),
    "unit": re.compile(r"^(ma |ten )?(don vi|don vi bao cao|co quan|co quan bao cao|unit|reporting unit)$"),
    "period": re.compile(r"^(ky bao cao|ky|thoi ky|period|reporting period)$"),
}
_UOM_NOTE = re.compile(r"^don vi tinh\s*[: ]\s*(.+)$|^dvt\s*[: ]\s*(.+)$", re.I)
_COLUMN_CODE = re.compile(r"^\(?([a-z]|\d{1,2})\)?(\s*=\s*[\d\s/*+x().,-]+)?$", re.I)


@dataclass
class TableLayout:
    """Where the data table of a sheet is and what its columns hold."""

    sheet: RawSheet
    header_row: int  # zero-based; shown to users as header_row + 1
    first_data_row: int
    columns: dict[str, int]  # role -> column index
    captions: dict[int, str]  # column index -> caption as written (for messages)
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # program/unit/period -> (text, cell)
    title_lines: list[tuple[str, str]] = field(default_factory=list)  # (text, cell) above the table
    uom_note: str | None = None  # "Đơn vị tính: Triệu đồng" above the table


def find_table(book: RawWorkbook, read_hidden: bool = False) -> TableLayout | None:
    """Give the layout of the first sheet holding a recognisable data table, or None."""
    for sheet in book.sheets:
        if not sheet.visible and not read_hidden:
            continue
        layout = find_table_in_sheet(sheet)
        if layout is not None:
            return layout
    return None


def find_table_in_sheet(sheet: RawSheet) -> TableLayout | None:
    """Give the layout of the table in one sheet, or None when no header row is recognised."""
    filled = _merged_fill(sheet)
    for row in range(min(HEADER_SCAN_ROWS, sheet.height)):
        roles = _roles_of_row(sheet, filled, row)
        below = _roles_of_row(sheet, filled, row + 1)
        two_rows = _is_second_header_row(sheet, row + 1, roles, below)
        if two_rows:
            # A second header row refines the first: "Kết quả thực hiện" over "KH | TH".
            roles.update({c: r for c, r in below.items() if r != "name"})
        if "name" not in roles.values() or not any(r in VALUE_ROLES for r in roles.values()):
            continue
        first_data = row + 2 if two_rows else row + 1
        columns: dict[str, int] = {}
        for col in sorted(roles):
            columns.setdefault(roles[col], col)
        if _is_column_code_row(sheet, first_data):
            first_data += 1
        captions = {c: _caption(sheet, filled, row, c) for c in roles}
        layout = TableLayout(sheet, row, first_data, columns, captions)
        _read_blocks_above(sheet, layout)
        return layout
    return None


def _is_second_header_row(sheet: RawSheet, row: int, upper: dict[int, str], roles: dict[int, str]) -> bool:
    """Tell whether `row` continues the header above it rather than starting the data.

    It names a plan, actual, estimate or ratio column, holds words only, and leaves the name
    column empty (a first data row has its indicator's name there, perhaps "Kế hoạch ..."; a
    header row of its own under a title has its own "Nội dung").
    """
    if not any(r in VALUE_ROLES + ("ratio",) for r in roles.values()) or row >= sheet.height:
        return False
    name_cols = [c for c, r in upper.items() if r == "name"] + [c for c, r in roles.items() if r == "name"]
    if any(str(sheet.value(row, c)).strip() for c in name_cols):
        return False
    return all(isinstance(v, str) for v in sheet.grid[row] if v not in ("", None))


def _merged_fill(sheet: RawSheet) -> dict[tuple[int, int], Any]:
    """Give, for every cell inside a merged range, the value of the range's top-left cell."""
    fill: dict[tuple[int, int], Any] = {}
    for r0, c0, r1, c1 in sheet.merged:
        if r0 > HEADER_SCAN_ROWS + 2:
            continue
        top_left = sheet.value(r0, c0)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                fill[(r, c)] = top_left
    return fill


def _caption(sheet: RawSheet, filled: dict, row: int, col: int) -> str:
    value = sheet.value(row, col)
    if value in ("", None):
        value = filled.get((row, col), "")
    return nfc(str(value)).strip()


def _roles_of_row(sheet: RawSheet, filled: dict, row: int) -> dict[int, str]:
    roles: dict[int, str] = {}
    for col in range(sheet.width):
        caption = _caption(sheet, filled, row, col)
        if not caption or len(caption) > 80:
            continue
        role = caption_role(caption)
        if role:
            roles[col] = role
    return roles


def caption_role(caption: str) -> str | None:
    """Give the role a header caption names: 'Thực hiện' -> 'actual', 'S\\nT\\nT' -> 'stt'."""
    if compact(caption) in _STT:
        return "stt"
    key = fold(caption)
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(key):
            return role
    return None


def _is_column_code_row(sheet: RawSheet, row: int) -> bool:
    cells = [str(v).strip() for v in (sheet.grid[row] if row < sheet.height else []) if str(v).strip()]
    return len(cells) >= 2 and all(len(c) <= 12 and _COLUMN_CODE.match(c) for c in cells)


def _read_blocks_above(sheet: RawSheet, layout: TableLayout) -> None:
    for row in range(layout.header_row):
        cells = [(c, v) for c, v in enumerate(sheet.grid[row]) if str(v).strip()]
        for i, (col, value) in enumerate(cells):
            text = nfc(str(value)).strip()
            ref = cell_name(row, col)
            key = fold(text.rstrip(":"))
            label, _, stated = text.partition(":")
            for name, pattern in _LABELS.items():
                if pattern.match(key) and i + 1 < len(cells):
                    nxt_col, nxt = cells[i + 1]
                    layout.labels.setdefault(name, (nfc(str(nxt)).strip(), cell_name(row, nxt_col)))
                elif stated.strip() and pattern.match(fold(label)):  # "Kỳ báo cáo: Quý II/2023" in one cell
                    layout.labels.setdefault(name, (stated.strip(), ref))
            match = _UOM_NOTE.match(fold(text)) if "tinh" in key or key.startswith("dvt") else None
            if match and layout.uom_note is None:
                raw = text.split(":", 1)[1] if ":" in text else text
                layout.uom_note = raw.strip(" ()")
            layout.title_lines.append((text, ref))
