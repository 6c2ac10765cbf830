"""Tables with one row per unit and the figures in named columns: a district's summary of its communes.

    STT | Đơn vị        | Lao động nông thôn được giải quyết việc làm (người) | Đàn bò (con) | ...
    1   | Xã Hồng Việt  | 121                                                  | 310          |
    ... | Tổng cộng     | 490                                                  | 1300         |

Each column names an indicator (by its name or an alias, the unit of measure in parentheses
aside); what its figures are comes from a row under it ("KH | TH" under a merged "Đàn bò"), or
from the data-kind line above the table ("Loại số liệu: TH Năm"). Each unit's row becomes that
unit's submission, with the cell of every value; a total row ("Tổng cộng", "Toàn huyện") is
checked against the units' rows and never stored.

Detected only when it cannot be mistaken: a unit column ("Đơn vị", "Tên xã", "Địa bàn") over at
least two rows naming units of the registry, and more rows naming units than not. A program or
the workspace can declare it (`units: per_row`) where detection cannot be sure.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from hrplan.definitions import Program, UnitTree
from hrplan.messages import render
from hrplan.names import fold, nfc
from hrplan.problems import Location, Problem, Severity, cell_name
from hrplan.reading.blocks import is_total_block
from hrplan.reading.columns import VALUE_ROLES, HeaderColumn, caption_period, caption_role, choose_columns
from hrplan.reading.layout import (HEADER_SCAN_ROWS, TableLayout, caption_at, is_column_code_row, merged_fill,
                                   read_blocks_above)
from hrplan.reading.refusals import PEOPLE_CAPTION
from hrplan.reading.rows import IndicatorMatcher, RowLabel, split_numbering
from hrplan.reading.table import TABLE_END, read_indicator_row
from hrplan.reading.totals import total_wording
from hrplan.reading.types import ReadContext
from hrplan.values import NotANumber, number_params, parse_number
from hrplan.workbooks import RawSheet

if TYPE_CHECKING:
    from hrplan.reading.data_kind import DataKind
    from hrplan.reading.submission import ParsedSubmission

# The caption of the column naming the units; "Đơn vị tính" is the unit of measure, never this.
_UNIT_CAPTION = re.compile(r"^(ten )?(don vi|don vi bao cao|dia ban|dia phuong|co quan|xa|phuong|huyen|"
                           r"xa phuong|xa phuong thi tran|xa thi tran|huyen thanh pho|huyen thi xa thanh pho|"
                           r"unit|reporting unit|commune|district)( bao cao)?$")
_UOM_IN_CAPTION = re.compile(r"\s*\(([^)]*)\)\s*$")  # "Đàn bò (con)": the indicator and its unit of measure
_SHARED_ROLES = ("stt", "note", "code", "uom")
MAX_ROWS = 2000  # rows looked at under a candidate header


def indicator_caption(caption: str) -> tuple[str, str | None]:
    """Give (indicator name, unit of measure) of a column caption: 'Đàn bò (con)' -> ('Đàn bò', 'con')."""
    text = nfc(caption).strip()
    if m := _UOM_IN_CAPTION.search(text):
        return text[:m.start()].strip(), m[1].strip() or None
    return text, None


def find_unit_rows(sheet: RawSheet, units: UnitTree) -> TableLayout | None:
    """Give the sheet's table whose rows are units of the registry under a unit column, or None."""
    if not _has_unit_caption(sheet):
        return None  # most sheets: a table of indicators
    filled = merged_fill(sheet)
    width = sheet.width
    for row in range(min(HEADER_SCAN_ROWS, sheet.height)):
        keys = [fold(caption_at(sheet, filled, row, c)) for c in range(width)]  # each caption folded once
        unit_col = next((c for c, key in enumerate(keys) if _UNIT_CAPTION.match(key)), None)
        if unit_col is None:
            continue
        if any(PEOPLE_CAPTION.match(key) for key in keys):
            return None  # a list of people with their workplace ("Họ và tên | Đơn vị"): no figures per unit
        rows = 2 if _spans_two_rows(sheet, filled, row, unit_col) else 1
        layout = unit_rows_at(sheet, row, rows, unit_col, {})
        if _rows_are_units(layout, units):
            return layout
    return None


def _has_unit_caption(sheet: RawSheet) -> bool:
    """Tell whether a cell of the rows a header is looked for in reads as a unit column's caption. Every caption
    `find_unit_rows` looks at is such a cell's text (a merged range's caption is its top-left cell's), so a
    sheet without one has no table of units, and its captions need not be made cell by cell."""
    texts = {v for line in sheet.grid[:HEADER_SCAN_ROWS] for v in line if isinstance(v, str)}
    return any(_UNIT_CAPTION.match(fold(v)) for v in texts)


def unit_rows_at(sheet: RawSheet, row: int, rows: int, unit_col: int, captions: dict[str, str],
                 kind_label: str | None = None) -> TableLayout:
    """Give the table with one row per unit whose header starts at `row` (zero-based) over `rows` rows.

    `captions` maps folded captions to roles as a layout declares them ("chỉ tiêu giao" -> plan, or "ignore").
    """
    filled = merged_fill(sheet)
    first_data = row + rows
    if is_column_code_row(sheet, first_data):
        first_data += 1
    layout = TableLayout(sheet, row, first_data, {"name": unit_col}, {unit_col: caption_at(sheet, filled, row, unit_col)},
                         unit_column=unit_col)
    read_blocks_above(sheet, layout, kind_label)  # title lines, parameter block, the data-kind line
    header: list[HeaderColumn] = []
    for col in range(sheet.width):
        if col == unit_col:
            continue
        upper = caption_at(sheet, filled, row, col)
        lower = caption_at(sheet, filled, row + 1, col) if rows > 1 else ""
        if not upper and not lower:
            continue
        left = col
        while not upper and left > unit_col + 1:  # "Đàn bò" centred over its KH | TH without merging
            left -= 1
            upper = caption_at(sheet, filled, row, left)
        if fold(upper) in captions and captions[fold(upper)] == "ignore":
            continue
        shared = caption_role(upper)
        if shared in _SHARED_ROLES or (shared == "name" and not lower):
            layout.columns.setdefault(shared, col)
            layout.captions[col] = upper
            header.append(HeaderColumn(col, shared, None, upper))
            continue
        role = _role(lower or "", captions, layout.kind) if lower and lower != upper else _role("", captions,
                                                                                                  layout.kind)
        caption = upper if not lower or lower == upper else f"{upper} {lower}"
        period = (caption_period(lower) if lower and lower != upper else None) or caption_period(upper)
        layout.indicator_captions[col] = upper
        layout.captions[col] = caption
        header.append(HeaderColumn(col, role, period, caption))
    layout.header = header
    return layout


def _role(caption: str, declared: dict[str, str], kind: DataKind | None) -> str:
    """Give a value column's role: the word under the indicator ('KH', 'TH', or a declared one), else the data
    kind's ('Loại số liệu: TH Năm'); '' when nothing says it."""
    if caption:
        role = declared.get(fold(caption)) or caption_role(caption)
        return role if role in VALUE_ROLES + ("ratio",) else ""
    return kind.role if kind is not None else ""


def _spans_two_rows(sheet: RawSheet, filled: dict, row: int, unit_col: int) -> bool:
    """Tell whether the header takes two rows: the unit caption merged down, or words KH/TH under the captions."""
    if any(r0 == row and c0 <= unit_col <= c1 and r1 > row for r0, c0, r1, c1 in sheet.merged):
        return True
    if str(sheet.value(row + 1, unit_col)).strip():
        return False
    below = [caption_at(sheet, filled, row + 1, c) for c in range(sheet.width) if c != unit_col]
    return any(caption_role(t) in VALUE_ROLES for t in below if t)


def _rows_are_units(layout: TableLayout, units: UnitTree) -> bool:
    """Tell whether the rows under the unit column name units: at least two, and more than rows that do not."""
    named = unknown = 0
    for row in range(layout.first_data_row, min(layout.sheet.height, layout.first_data_row + MAX_ROWS)):
        text = nfc(str(layout.sheet.value(row, layout.unit_column))).strip()
        if not text:
            continue
        bare = split_numbering("", text)[1]
        if TABLE_END.match(fold(bare)):
            break  # "Nơi nhận:", signatures
        if units.match(bare):
            named += 1
        elif not (total_wording(bare) or is_total_block(bare)):
            unknown += 1
    return named >= 2 and named > unknown


# -- reading: one submission per unit row ------------------------------------------------------------------
def read_unit_rows(result: ParsedSubmission, layout: TableLayout, ctx: ReadContext) -> None:
    """Read one submission per unit row into `result.parts`; the figures of each indicator column of the
    report's period, each with its cell; a total row checked against the units' rows, never stored."""
    from hrplan.reading.submission import ParsedSubmission  # the type this fills in (it imports this module)

    program = ctx.programs[result.program]
    sheet, path = layout.sheet, str(result.path)
    columns = _indicator_columns(result, layout, program)
    if columns is None:
        return
    scope = set(ctx.units.subtree(program.scope)) if program.scope in ctx.units else None
    book = program.measure_book()
    seen: dict[str, str] = {}
    sums: dict[int, Decimal] = {}  # by column: the units' figures added up, to check a total row against
    blank_units: list[str] = []
    named = _units_named(layout, ctx.units)
    # A row naming the parent of other rows' units ("Huyện Hòa An" over its communes) is their total: stored
    # beside them, the district would be counted twice when figures are summed up the unit tree.
    parents = {u for u in named if any(o != u and ctx.units.is_under(o, u) for o in named)}
    parent_rows: list[tuple[int, str]] = []
    by_unit: dict[str, dict[int, Decimal]] = {}
    for row in range(layout.first_data_row, sheet.height):
        text = _text(sheet.value(row, layout.unit_column))
        cells = {(ind, m): (row, col) for ind, by_role in columns.items() for m, col in by_role.items()}
        filled = {key for key, rc in cells.items() if key[1] != "ratio" and _text(sheet.value(*rc))}
        if not text and not filled:
            continue
        where = Location(path, sheet.name, cell_name(row, layout.unit_column))
        bare = split_numbering("", text)[1]
        if TABLE_END.match(fold(bare)):
            break
        unit = ctx.units.match(bare) if bare else None
        numbers = _numbers(sheet, cells)
        if unit is None and (total_wording(bare) or is_total_block(bare)):
            _check_total(result, layout, row, cells, numbers, sums)
            continue
        if unit in parents:
            parent_rows.append((row, unit))
            continue
        if unit is None:
            result.problems.append(Problem("unit_rows.unit_not_found", location=where,
                                           params={"found": text or "-"}))
            continue
        if unit in seen:
            result.problems.append(Problem("unit_rows.duplicate_unit", location=where,
                                           params={"unit": unit, "other": seen[unit]}))
            continue
        seen[unit] = where.cell
        for key, value in numbers.items():
            sums[cells[key][1]] = sums.get(cells[key][1], Decimal(0)) + value
            by_unit.setdefault(unit, {})[cells[key][1]] = value
        if ctx.unit and ctx.units.match(ctx.unit) != unit:
            continue  # --unit: only that unit's row
        if not any(m in ("actual", "estimate") for (_, m) in filled):  # no figure: this unit has not reported
            blank_units.append(f"{text} ({where.cell})")
            continue
        part = ParsedSubmission(result.path, result.program, unit, result.period, result.sheet, result.header_row,
                                notes=list(result.notes))
        if scope is not None and unit not in scope:
            part.problems.append(Problem("submission.unit_outside_scope", location=where,
                                         params={"unit": unit, "program": program.code, "scope": program.scope}))
        note = _text(sheet.value(row, layout.columns["note"])) if "note" in layout.columns else ""
        for indicator, by_role in columns.items():
            uom, uom_at = _uom_of(layout, by_role)
            if uom is None and layout.uom_note:
                uom, uom_at = layout.uom_note, ((layout.uom_note_cell, "note") if layout.uom_note_cell else None)
            read_indicator_row(part, layout, program, book, indicator, row,
                               {m: (row, col) for m, col in by_role.items()}, uom, note or None, uom_at)
        result.parts.append(part)
    for row, parent in parent_rows:  # checked against the rows of the units under it, never stored
        under = [figures for unit, figures in by_unit.items() if ctx.units.is_under(unit, parent)]
        cells = {(ind, m): (row, col) for ind, by_role in columns.items() for m, col in by_role.items()}
        _check_total(result, layout, row, cells, _numbers(sheet, cells), {
            col: sum((f[col] for f in under if col in f), Decimal(0)) for col in {c for f in under for c in f}})
        result.notes.append(Problem("unit_rows.parent_total", Severity.INFO, Location(
            path, sheet.name, cell_name(row, layout.unit_column)), {"unit": parent}))
    if blank_units:
        result.notes.append(Problem("unit_rows.no_figures", Severity.INFO, Location(path, sheet.name),
                                    {"units": ", ".join(blank_units)}))
    if not result.parts and result.ok:
        result.problems.append(Problem("submission.empty", location=Location(path, sheet.name)))


def _units_named(layout: TableLayout, units: UnitTree) -> set[str]:
    """Give the units the rows of the table name, down to the foot of the report."""
    named = set()
    for row in range(layout.first_data_row, layout.sheet.height):
        bare = split_numbering("", _text(layout.sheet.value(row, layout.unit_column)))[1]
        if TABLE_END.match(fold(bare)):
            break
        if bare and (unit := units.match(bare)):
            named.add(unit)
    return named


def _indicator_columns(result: ParsedSubmission, layout: TableLayout,
                       program: Program) -> dict[str, dict[str, int]] | None:
    """Give, for each indicator named by a column caption, its columns of the report's period by role; None
    (with the problems said) when a column's role or period cannot be told."""
    matcher = IndicatorMatcher(program)
    sheet, path = layout.sheet, str(result.path)
    groups: dict[str, list[HeaderColumn]] = {}
    others: list[str] = []
    for column in layout.header:
        if column.col not in layout.indicator_captions:
            continue
        name = indicator_caption(layout.indicator_captions[column.col])[0]
        indicator = matcher.match("", name, RowLabel(layout.header_row, "", name, 3.0))
        where = Location(path, sheet.name, cell_name(layout.header_row, column.col))
        if indicator is None:
            others.append(f"{where.cell} '{column.caption}'")
            continue
        if not column.role:
            result.problems.append(Problem("unit_rows.role_unknown", location=where, params={
                "caption": column.caption, "indicator": indicator}))
            continue
        groups.setdefault(indicator, []).append(column)
    if others:
        result.notes.append(Problem("unit_rows.columns_not_in_program", Severity.INFO, Location(path, sheet.name),
                                    {"count": len(others), "program": program.code, "columns": ", ".join(others)}))
    if not groups and not result.problems:
        result.problems.append(Problem("unit_rows.no_indicator_columns", location=Location(
            path, sheet.name, cell_name(layout.header_row, layout.unit_column)), params={
            "program": program.code, "captions": ", ".join(others) or "-"}))
    chosen: dict[str, dict[str, int]] = {}
    context: list[HeaderColumn] = []
    for indicator, group in groups.items():
        choice = choose_columns(group, result.period)
        for role, candidates in choice.ambiguous.items():
            result.problems.append(Problem("columns.ambiguous", location=Location(path, sheet.name, cell_name(
                layout.header_row, candidates[0].col)), params={
                "role": render(f"column_role.{role}", "en"), "role_vi": render(f"column_role.{role}", "vi"),
                "period": result.period or "?", "candidates": _describe(layout, candidates)}))
        context += choice.other_period
        chosen[indicator] = {r: c for r, c in choice.columns.items() if r in VALUE_ROLES + ("ratio",)}
    if context:
        result.notes.append(Problem("columns.context", Severity.INFO, Location(
            path, sheet.name, cell_name(layout.header_row, 0)), {"period": result.period or "?",
                                                                 "columns": _describe(layout, context)}))
    return None if any(p.is_error for p in result.problems) else chosen


def _check_total(result: ParsedSubmission, layout: TableLayout, row: int, cells: dict, numbers: dict,
                 sums: dict[int, Decimal]) -> None:
    """Warn where a total row ('Tổng cộng', 'Toàn huyện') differs from the units' rows above it."""
    for key, stated in numbers.items():
        col = cells[key][1]
        summed = sums.get(col)
        if summed is not None and summed != stated:
            result.problems.append(Problem("table.total_mismatch", Severity.WARNING, Location(
                str(result.path), layout.sheet.name, cell_name(row, col)),
                number_params(found=stated, expected=summed)))


def _uom_of(layout: TableLayout, by_role: dict[str, int]) -> tuple[str | None, tuple[str, str] | None]:
    """Give the unit of measure an indicator's caption names ("Đàn bò (con)") and where: (cell, 'caption')."""
    for col in by_role.values():
        uom = indicator_caption(layout.indicator_captions.get(col, ""))[1]
        if uom:
            return uom, (cell_name(layout.header_row, col), "caption")
    return None, None


def _numbers(sheet: RawSheet, cells: dict[tuple[str, str], tuple[int, int]]) -> dict[tuple[str, str], Decimal]:
    """Give the figures a row states as numbers (words, blanks and ratios left out)."""
    out = {}
    for key, rc in cells.items():
        if key[1] == "ratio":
            continue
        try:
            number = parse_number(sheet.value(*rc))
        except NotANumber:
            continue  # words in a figure cell: refused when the unit's row is read
        if number is not None:
            out[key] = number
    return out


def _describe(layout: TableLayout, columns: list[HeaderColumn]) -> str:
    return ", ".join(f"{cell_name(layout.header_row, c.col)} '{c.caption}'" for c in columns)


def _text(value: object) -> str:
    return "" if value is None else nfc(str(value)).strip()
