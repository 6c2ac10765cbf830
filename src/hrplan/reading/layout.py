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

from hrplan.names import fold, nfc
from hrplan.reading.columns import VALUE_ROLES, HeaderColumn, caption_period, caption_role
from hrplan.reading.data_kind import DataKind, find_data_kind, generic_role
from hrplan.problems import cell_name
from hrplan.workbooks import RawSheet, RawWorkbook

HEADER_SCAN_ROWS = 40

_LABELS = {
    "program": re.compile(r"^(ma )?(chuong trinh|de an|ke hoach so|program)( so)?$"),
    "unit": re.compile(r"^(ma |ten )?(don vi|don vi bao cao|co quan|co quan bao cao|unit|reporting unit|dia ban)$"),
    "period": re.compile(r"^(ky bao cao|ky|thoi ky|period|reporting period|nam|nam bao cao)$"),
}
# A machine parameter row ("ma_tinh | tu_thang | den_thang | nam") over a row of values.
_MACHINE_KEY = re.compile(r"^[a-z]+(_[a-z]+)*$")
_UNIT_KEYS = ("ma_dv", "ma_don_vi", "ma_xa", "ma_huyen", "ma_tinh")  # most specific first
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
    uom_note_cell: str | None = None  # where that note is ("E7"): a unit that cannot convert is fixed there
    header: list[HeaderColumn] = field(default_factory=list)  # every captioned column, with its period
    kind: DataKind | None = None  # "Loại số liệu: TH Năm" above the table
    kind_unread: tuple[str, str] | None = None  # (text, cell) of a data-kind line naming no plan/actual/estimate
    # One row per unit ("Xã Hồng Việt | 121 | 310"): the column naming the units, and the caption naming the
    # indicator over each value column ("Đàn bò (con)" over its "KH | TH"). None: the rows are indicators.
    unit_column: int | None = None
    indicator_captions: dict[int, str] = field(default_factory=dict)
    units_declared: str | None = None  # a declared layout's `units:` (per_row | per_block)
    ignored: set[int] = field(default_factory=set)  # columns a declared layout says to leave ("ignore")


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
    filled = merged_fill(sheet)
    kind, _ = find_data_kind(sheet, HEADER_SCAN_ROWS)
    width = sheet.width
    below = _roles_of_row(sheet, filled, 0, kind, width)
    for row in range(min(HEADER_SCAN_ROWS, sheet.height)):
        roles = below  # each row's roles are worked out once: as the row below, then as the row itself
        below = _roles_of_row(sheet, filled, row + 1, kind, width)
        years = _year_row_roles(sheet, row + 1, roles)
        two_rows = years is not None or _is_second_header_row(sheet, row + 1, roles, below)
        if years:
            roles.update(years)
        elif two_rows:
            # A second header row refines the first: "Kết quả thực hiện" over "KH | TH".
            roles.update({c: r for c, r in below.items() if r != "name"})
        if "name" not in roles.values() or not any(r in VALUE_ROLES for r in roles.values()):
            continue
        first_data = row + 2 if two_rows else row + 1
        columns: dict[str, int] = {}
        for col in sorted(roles):
            columns.setdefault(roles[col], col)
        if is_column_code_row(sheet, first_data):
            first_data += 1
        header = [_header_column(sheet, filled, row, col, roles[col], two_rows) for col in sorted(roles)]
        captions = {h.col: h.caption for h in header}
        layout = TableLayout(sheet, row, first_data, columns, captions, header=header)
        read_blocks_above(sheet, layout)
        return layout
    return None


def _with_kind(sheet: RawSheet, layout: TableLayout, kind_label: str | None = None) -> None:
    layout.kind, layout.kind_unread = find_data_kind(sheet, layout.header_row, kind_label)


def layout_at(sheet: RawSheet, row: int, rows: int, fixed: dict[int, str], captions: dict[str, str],
              kind_label: str | None = None) -> TableLayout:
    """Give the table whose header starts at `row` (zero-based) and spans `rows` rows, as declared.

    `fixed` gives roles by column (the label and code columns); `captions` maps folded captions to
    roles ("dự toán được giao" -> plan, "tien bhtt" -> actual, or "ignore"); other captions are
    recognised as usual.
    """
    filled = merged_fill(sheet)
    kind, _ = find_data_kind(sheet, row, kind_label)
    roles: dict[int, str] = {}
    ignored: set[int] = set()
    for col in range(sheet.width):
        if col in fixed:
            roles[col] = fixed[col]
            continue
        texts = [t for t in (caption_at(sheet, filled, r, col) for r in range(row, row + rows)) if t]
        declared = next((captions[fold(t)] for t in reversed(texts) if fold(t) in captions), None)
        detected = next((r for r in (caption_role(t) or generic_role(t, kind) for t in reversed(texts)) if r), None)
        role = declared or detected
        if role and role not in ("ignore", "name"):  # the label column is the declared one
            roles[col] = role
        elif role == "ignore":
            ignored.add(col)
    header = [_header_column(sheet, filled, row, col, roles[col], rows > 1) for col in sorted(roles)]
    first_data = row + rows
    if is_column_code_row(sheet, first_data):
        first_data += 1
    columns: dict[str, int] = {}
    for column in header:
        columns.setdefault(column.role, column.col)
    layout = TableLayout(sheet, row, first_data, columns, {h.col: h.caption for h in header}, header=header,
                         ignored=ignored)
    read_blocks_above(sheet, layout, kind_label)
    return layout


def _header_column(sheet: RawSheet, filled: dict, row: int, col: int, role: str, two_rows: bool) -> HeaderColumn:
    """Give a column's role, period and caption, the period of a second header row winning ("Thực hiện" over "2019")."""
    upper = caption_at(sheet, filled, row, col)
    lower = caption_at(sheet, filled, row + 1, col) if two_rows else ""
    left = col
    while not upper and left > 0:  # a year under a caption centred over several columns without merging
        left -= 1
        upper = caption_at(sheet, filled, row, left)
    caption = upper if not lower or lower == upper else f"{upper} {lower}".strip()
    period = (caption_period(lower) if lower else None) or caption_period(upper)
    # "Xã Hồng Việt" over "TH 2021 | KH 2022 | TH 2022": a block of value columns for one unit (or one kind of
    # figure). A caption naming a role ("Kết quả thực hiện") or only a period ("Năm 2023") is no block.
    block = ""
    if lower and upper != lower and caption_role(upper) is None and caption_period(upper) is None:
        block = upper
    return HeaderColumn(col, role, period, caption, block)


def _year_row_roles(sheet: RawSheet, row: int, upper: dict[int, str]) -> dict[int, str] | None:
    """Give the roles of a second header row made of years ("2016 | 2017 | ... | 2020"), or None.

    A year under a caption takes its role; a year under a blank cell takes the role of the
    nearest caption to its left (a "Thực hiện" centred over its years without merging).
    """
    if row >= sheet.height:
        return None
    cells = [(c, v) for c, v in enumerate(sheet.grid[row]) if str(v).strip()]
    if len(cells) < 2 or any(upper.get(c) in ("name", "stt") for c, _ in cells):
        return None
    roles: dict[int, str] = {}
    for col, value in cells:
        text = str(int(value)) if isinstance(value, float) and value == int(value) else str(value).strip()
        if not _is_year(text):
            return None
        role = upper.get(col) or next((upper[c] for c in range(col - 1, -1, -1) if c in upper), None)
        if role not in VALUE_ROLES + ("ratio", "cumulative", "previous"):
            return None
        roles[col] = role
    return roles


def _is_year(text: str) -> bool:
    """Tell whether a header cell is a year: '2019', 'Năm 2019'."""
    key = fold(text).removeprefix("nam ")
    return key.isdigit() and 1990 <= int(key) <= 2100


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


def merged_fill(sheet: RawSheet) -> dict[tuple[int, int], Any]:
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


def caption_at(sheet: RawSheet, filled: dict, row: int, col: int) -> str:
    value = sheet.value(row, col)
    if value in ("", None):
        value = filled.get((row, col), "")
    return nfc(str(value)).strip()


def _roles_of_row(sheet: RawSheet, filled: dict, row: int, kind: DataKind | None = None,
                  width: int | None = None) -> dict[int, str]:
    roles: dict[int, str] = {}
    for col in range(sheet.width if width is None else width):
        caption = caption_at(sheet, filled, row, col)
        if not caption or len(caption) > 80:
            continue
        role = caption_role(caption) or generic_role(caption, kind)  # "Số liệu" under "Loại số liệu: TH Năm"
        if role:
            roles[col] = role
    return roles


def is_column_code_row(sheet: RawSheet, row: int) -> bool:
    cells = [str(v).strip() for v in (sheet.grid[row] if row < sheet.height else []) if str(v).strip()]
    return len(cells) >= 2 and all(len(c) <= 12 and _COLUMN_CODE.match(c) for c in cells)


def _read_machine_parameters(sheet: RawSheet, layout: TableLayout) -> None:
    """Take unit and period from a row of machine keys over a row of values (`ma_xa | tu_thang | den_thang | nam`)."""
    for row in range(layout.header_row - 1):
        keys = {str(v).strip().lower(): c for c, v in enumerate(sheet.grid[row]) if str(v).strip()}
        if "nam" not in keys or len(keys) < 2 or not all(_MACHINE_KEY.match(k) for k in keys):
            continue
        values = {k: _whole(sheet.value(row + 1, c)) for k, c in keys.items()}
        year, first, last = values.get("nam"), values.get("tu_thang") or "1", values.get("den_thang") or "12"
        if year.isdigit() and first.isdigit() and last.isdigit():
            layout.labels.setdefault("period", (_months_period(int(year), int(first), int(last)),
                                                cell_name(row + 1, keys["nam"])))
        program_key = next((k for k in ("ma_chuong_trinh", "ma_ct") if values.get(k)), None)
        if program_key:
            layout.labels.setdefault("program", (values[program_key], cell_name(row + 1, keys[program_key])))
        unit_key = next((k for k in _UNIT_KEYS if values.get(k)), None)
        if unit_key:
            layout.labels.setdefault("unit", (values[unit_key], cell_name(row + 1, keys[unit_key])))
        return


def _whole(value: Any) -> str:
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return str(value).strip()


def _months_period(year: int, first: int, last: int) -> str:
    """Give a period label for months first..last of a year: 1..12 -> '2020', 1..6 -> '2020-H1', 4..6 -> '2020-Q2'."""
    if (first, last) == (1, 12):
        return str(year)
    if (first, last) in ((1, 6), (7, 12)):
        return f"{year}-H{1 if first == 1 else 2}"
    if first % 3 == 1 and last == first + 2:
        return f"{year}-Q{last // 3}"
    return f"{year}-{first:02d}..{year}-{last:02d}"


def read_blocks_above(sheet: RawSheet, layout: TableLayout, kind_label: str | None = None) -> None:
    _with_kind(sheet, layout, kind_label)
    _read_machine_parameters(sheet, layout)
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
                    layout.labels.setdefault(name, (nfc(_whole(nxt)), cell_name(row, nxt_col)))
                elif stated.strip() and pattern.match(fold(label)):  # "Kỳ báo cáo: Quý II/2023" in one cell
                    layout.labels.setdefault(name, (stated.strip(), ref))
            match = _UOM_NOTE.match(fold(text)) if "tinh" in key or key.startswith("dvt") else None
            if match and layout.uom_note is None:
                raw = text.split(":", 1)[1] if ":" in text else text
                layout.uom_note = raw.strip(" ()")
                layout.uom_note_cell = ref
            layout.title_lines.append((text, ref))
