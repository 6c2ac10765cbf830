"""From a read workbook to a submission: which figures of which indicators, in which cells.

This is the step that interprets: it converts legacy text, finds the table (`layout`), asks
`identify` for the program, unit and period, tells indicators from section, blank and total
rows, parses Vietnamese numbers, converts units of measure and collects every problem with its
cell. It never touches the store.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from hrplan.messages import render
from hrplan.reading.columns import HeaderColumn, caption_role
from hrplan.reading.declared import declared_for, table_as_declared
from hrplan.reading.blocks import block_layout, blocks_of, is_total_block
from hrplan.reading.formulas import calculate_formulas
from hrplan.reading.identify import identify, identity_from_name
from hrplan.reading.table import choose_table_columns, read_rows, read_table, unknown_rows, unplaced_columns
from hrplan.reading.text import convert_legacy_text
from hrplan.reading.rows import IndicatorMatcher
from hrplan.reading.types import BlankCell, ReadContext, StoredValue
from hrplan.reading.layout import TableLayout, find_table_in_sheet
from hrplan.reading.refusals import not_found, unfilled_template
from hrplan.reading.unit_rows import find_unit_rows, read_unit_rows
from hrplan.problems import HrplanError, Location, Problem, Severity, cell_name
from hrplan.definitions import DeclaredLayout, Program
from hrplan.workbooks import CheckedFile, RawWorkbook, read_workbook


@dataclass
class ParsedSubmission:
    """A submission as read from one file, before it is stored."""

    path: Path
    program: str | None = None
    unit: str | None = None
    period: str | None = None
    sheet: str | None = None
    header_row: int | None = None  # 1-based, as Excel shows it
    values: list[StoredValue] = field(default_factory=list)
    blanks: list[BlankCell] = field(default_factory=list)  # actual cells of indicator rows left empty
    # The indicators the file has a row for, figures or not: a row present with blank cells is the clerk's word
    # for that indicator; an indicator with no row is one this file does not speak of (an annex of one table).
    rows: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # errors refuse the file; warnings are kept
    notes: list[Problem] = field(default_factory=list)  # what the reader did (sheet used, text converted)
    # One submission per unit when the sheet holds a block of columns per unit: the file is all or nothing.
    parts: list[ParsedSubmission] = field(default_factory=list)
    sealed: str | None = field(default=None, repr=False, compare=False)  # the content hash once read (`seal`)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems) and all(part.ok for part in self.parts)

    def content_hash(self) -> str:
        """Give a hash of what the submission says, whatever file it came in."""
        h = hashlib.sha256(f"{self.program}|{self.unit}|{self.period}".encode())
        for v in sorted(self.values, key=lambda v: (v.indicator, v.measure)):
            h.update(f"|{v.indicator}|{v.measure}|{v.value.normalize()}".encode())
        # A row with no figure says something too (a newer file's blank row is not kept from the earlier version,
        # a missing row is): only then is it hashed, so the hash of every file with a figure on each row is as before.
        if bare := sorted(set(self.rows) - {v.indicator for v in self.values}):
            h.update(("|rows without figures|" + "|".join(bare)).encode())
        return h.hexdigest()

    def sealed_content_hash(self) -> str:
        """Give `content_hash()` as of when the read was finished (`seal`), else as of now."""
        return self.sealed or self.content_hash()

    def seal(self) -> None:
        """Note the content hash of this read and its parts: the read is finished (the reader's worker does
        this, so that the one process that writes the store does not)."""
        self.sealed = self.content_hash()
        for part in self.parts:
            part.seal()


def read_submission(path: Path, ctx: ReadContext, checked: CheckedFile | None = None) -> ParsedSubmission:
    """Give the submission a workbook holds, with every problem found and where.

    `checked`: the file as `workbooks.check_file` read and checked it (else it is checked here).
    """
    result = ParsedSubmission(path)
    try:
        book = read_workbook(path, ctx.limits, with_hidden=True, checked=checked)
    except HrplanError as exc:  # damaged, a password, too large: what it is for, its name alone may tell
        result.problems.extend(exc.problems)
        result.program, result.unit, result.period = identity_from_name(path, ctx)
        return result
    text_notes = convert_legacy_text(book)
    for raw_sheet in book.sheets:  # an app's plain formulas (=K43, =SUM(D10:D15)) never calculated: calculate them
        if calculated := calculate_formulas(raw_sheet, book.sheets):
            text_notes.append(Problem("value.formula_calculated", Severity.INFO, Location(str(path), raw_sheet.name,
                                                                                       calculated[0]), {
                "sheet": raw_sheet.name, "count": len(calculated),
                "cells": ", ".join(calculated[:8]) + (", …" if len(calculated) > 8 else "")}))
    if placeholder := unfilled_template(book, ctx.read_hidden):  # a template's "<#…>" fields were never filled in
        sheet_name, cell, text = placeholder
        result.problems.append(Problem("file.template_placeholders", location=Location(str(path), sheet_name, cell),
                                       params={"found": text}))
        return result
    # Declared beats detected: the workspace's layout for this file name, else one a program names files for.
    declared = _declared(result, book, ctx, [(CONFIG_SOURCE, ctx.layouts)], by_name_only=False)
    detected = None
    if declared is None and not result.problems:
        detected = _detect(book, ctx)
        declared = None if detected else _declared(result, book, ctx, _program_layouts(ctx), by_name_only=True)
    layout = (declared or detected) if not result.problems else None
    if layout is None:
        hidden = next((s for s in book.sheets if not s.visible and not ctx.read_hidden
                       and find_unit_rows(s, ctx.units)), None) if not result.problems else None
        if hidden is not None:  # a summary of units on a hidden sheet only: say so, as for other tables
            result.problems.append(Problem("table.only_hidden", location=Location(str(path), hidden.name),
                                           params={"sheet": hidden.name}))
        elif not result.problems:
            result.problems.extend(not_found(result.path, book, ctx.read_hidden))
        return result
    found = identify(path, layout, ctx)
    program = ctx.programs.get(found.program) if found.program else None
    if declared is None and program is not None and program.layouts:
        # The program declares how its workbooks read: the detected table gives way to that.
        declared = _declared(result, book, ctx, [(program.code, program.layouts)], by_name_only=False)
        if result.problems:
            return result
        if declared is not None:
            layout, found = declared, identify(path, declared, ctx)
    sheet = layout.sheet
    result.sheet, result.header_row = sheet.name, layout.header_row + 1
    if uncalculated := _caption_formulas(result, layout):  # a caption built from a cell it cannot reach
        result.problems.extend(uncalculated)
        return result
    result.notes.insert(0, Problem("table.used", Severity.INFO, Location(str(path), sheet.name,
                                                                         cell_name(layout.header_row, 0)),
                                   {"sheet": sheet.name, "row": layout.header_row + 1}))
    result.notes.extend(n for n in text_notes if n.location.sheet == sheet.name)
    result.program, result.unit, result.period = found.program, found.unit, found.period
    result.problems.extend(found.problems)
    _data_kind_notes(result, layout)
    if result.program is None:
        return result
    if layout.unit_column is not None:  # one row per unit: each row is that unit's submission
        result.problems[:] = [p for p in result.problems if p.code not in _UNIT_PROBLEMS]
        result.unit = None
        read_unit_rows(result, layout, ctx)
        return result
    if unplaced := unplaced_columns(layout):  # before the blocks: each block sees only its own columns
        result.notes.append(Problem("columns.unplaced", Severity.INFO, Location(
            str(result.path), layout.sheet.name, cell_name(layout.header_row, 0)), {"columns": ", ".join(unplaced)}))
    blocks = blocks_of(layout.header)
    per_block = layout.units_declared == "per_block"
    if blocks and not per_block and not any(ctx.units.match(caption) for caption in blocks):
        _read_kind_blocks(result, layout, ctx.programs[result.program], blocks)
        return result
    if blocks:
        _read_unit_blocks(result, layout, ctx, blocks)
        return result
    read_table(result, layout, ctx.programs[result.program])
    return result


CONFIG_SOURCE = "hrplan.yaml"


def _detect(book: RawWorkbook, ctx: ReadContext) -> TableLayout | None:
    """Give the table of the first sheet holding one: a table of one row per unit where its rows name units,
    else a table whose rows are indicators."""
    for sheet in book.sheets:
        if sheet.visible or ctx.read_hidden:
            if layout := find_unit_rows(sheet, ctx.units) or find_table_in_sheet(sheet):
                return layout
    return None


def _data_kind_notes(result: ParsedSubmission, layout: TableLayout) -> None:
    """Say what the data-kind line above the table ("Loại số liệu: TH Năm") made of the figures, or that it
    was not understood."""
    sheet = layout.sheet.name
    if layout.kind_unread is not None:
        text, cell = layout.kind_unread
        result.problems.append(Problem("data_kind.not_understood", Severity.WARNING,
                                       Location(str(result.path), sheet, cell), {"found": text}))
    kind = layout.kind
    if kind is None:
        return
    given = [c for c in layout.header if c.role == kind.role and caption_role(c.caption) is None]
    result.notes.append(Problem("data_kind.read", Severity.INFO, Location(str(result.path), sheet, kind.cell), {
        "kind": kind.text, "role": render(f"column_role.{kind.role}", "en"),
        "role_vi": render(f"column_role.{kind.role}", "vi"), "period": result.period or "?",
        "columns": ", ".join(f"{cell_name(layout.header_row, c.col)} '{c.caption}'" for c in given) or "-"}))


def _caption_formulas(result: ParsedSubmission, layout: TableLayout) -> list[Problem]:
    """Give an error for each header caption that is a formula left without a result and not calculable
    (="TH "&YEAR(TODAY())): its column cannot be told, so the table is not read with a column missing."""
    sheet = layout.sheet
    return [Problem("caption.formula_no_value", location=Location(str(result.path), sheet.name, cell_name(r, c)),
                    params={"found": formula})
            for (r, c), formula in sorted(sheet.formulas_without_value.items())
            if layout.header_row <= r < layout.first_data_row]


def _program_layouts(ctx: ReadContext) -> list[tuple[str, list[DeclaredLayout]]]:
    return [(p.code, p.layouts) for p in ctx.programs.values() if p.layouts]


def _declared(result: ParsedSubmission, book: RawWorkbook, ctx: ReadContext,
              sources: list[tuple[str, list[DeclaredLayout]]], by_name_only: bool) -> TableLayout | None:
    """Give the table as the first layout declared for this file reads it (a note says so), or None.

    `by_name_only`: before the program is known, only a layout naming its files (`files:`) applies.
    A declared layout that does not fit the workbook is an error, never a silent fall-back to guessing.
    """
    for source, layouts in sources:
        declared = declared_for(result.path, [d for d in layouts if d.files or not by_name_only])
        if declared is None:
            continue
        layout, said = table_as_declared(book, declared, source, ctx.read_hidden)
        (result.notes if layout is not None else result.problems).append(said)
        return layout
    return None


_UNIT_PROBLEMS = {"submission.no_unit", "submission.ambiguous_unit", "unit.not_found", "submission.unit_outside_scope",
                  "submission.unit_from_heading", "submission.unexpected_reporter",
                  "submission.unit_from_file_name_unknown"}


def _read_unit_blocks(result: ParsedSubmission, layout: TableLayout, ctx: ReadContext,
                      blocks: dict[str, list[HeaderColumn]]) -> None:
    """Read one submission per block of columns ("Xã Hồng Việt" over its TH/KH columns) into `result.parts`."""
    program = ctx.programs[result.program]
    scope = set(ctx.units.subtree(program.scope)) if program.scope in ctx.units else None
    result.problems[:] = [p for p in result.problems if p.code not in _UNIT_PROBLEMS]  # the blocks name the units
    result.unit = None
    for caption, columns in blocks.items():
        where = Location(str(result.path), layout.sheet.name, cell_name(layout.header_row, columns[0].col))
        unit = ctx.units.match(caption)
        if unit is None and is_total_block(caption):
            result.notes.append(Problem("block.total_skipped", Severity.INFO, where, {"block": caption}))
            continue
        if unit is None:
            result.problems.append(Problem("block.unit_not_found", location=where, params={"block": caption}))
            continue
        if ctx.unit and ctx.units.match(ctx.unit) != unit:
            continue  # --unit: only that unit's block
        part = ParsedSubmission(result.path, result.program, unit, result.period, result.sheet, result.header_row,
                                notes=list(result.notes))
        if scope is not None and unit not in scope:
            part.problems.append(Problem("submission.unit_outside_scope", location=where,
                                         params={"unit": unit, "program": program.code, "scope": program.scope}))
        read_table(part, block_layout(layout, columns), program)
        result.parts.append(part)
    if not result.parts and result.ok:
        result.problems.append(Problem("submission.empty", location=Location(str(result.path), layout.sheet.name)))


_UOM_IN_CAPTION = re.compile(r"\s*\([^)]*\)")  # "SẢN LƯỢNG (tấn)": the block is "Sản lượng"


def _read_kind_blocks(result: ParsedSubmission, layout: TableLayout, program: Program,
                      blocks: dict[str, list[HeaderColumn]]) -> None:
    """Read blocks of different figures for the same rows ("SẢN LƯỢNG | GIÁ TRỊ SẢN XUẤT", each with its own
    KH/TH columns) into one submission: a row's path starts with its block's caption, so an indicator
    declared as "Sản lượng › Lúa" is read from that block only."""
    seen: dict[str, str] = {}
    unknown: dict[Location, tuple[Location, str, str, bool]] = {}  # a row unknown in every block is counted once
    for caption, columns in blocks.items():
        block = block_layout(layout, columns)
        if choose_table_columns(result, block):
            rows = read_rows(result, block, program, (_UOM_IN_CAPTION.sub("", caption).strip(),), seen, finish=False)
            unknown.update({row[0]: row for row in rows})
    unknown_rows(result, program, IndicatorMatcher(program), [u for u in unknown.values()
                                                               if u[0].cell not in seen.values()], seen)
    if result.ok and not any(v.measure in ("actual", "estimate") for v in result.values):
        result.problems.append(Problem("submission.empty", location=Location(str(result.path), layout.sheet.name)))


