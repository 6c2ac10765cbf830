"""From a read workbook to a submission: which program, unit and period, and which figures where.

This is the step that interprets: it converts legacy text, finds the table (`layout`), tells
indicators from section, blank and total rows, parses Vietnamese numbers, converts units of
measure and collects every problem with its cell. It never touches the store.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from hrplan import legacy_text
from hrplan.file_safety import ReadLimits
from hrplan.layout import TableLayout, find_table
from hrplan.names import closest, fold, nfc
from hrplan.periods import Period, PeriodError
from hrplan.problems import HrplanError, Location, Problem, Severity, cell_name
from hrplan.programs import Program
from hrplan.store import StoredValue
from hrplan.units import UnitTree
from hrplan.values import NotANumber, parse_number
from hrplan.workbook import RawSheet, RawWorkbook, read_workbook

_PROGRAM_CODE = re.compile(r"\b(\d{1,4})\s*[-‑]\s*(ctr|da|kh|nq|ct)\s*/\s*([a-z]+)\b", re.I)
_NUMBERING = re.compile(r"^\s*((?:[ivxlc]+|[a-zđ]|\d+(?:\.\d+)*)[.)/]|[-+•*–])\s*", re.I)
_TOTAL_NAMES = {"tong cong", "cong", "tong", "total", "tong so", "grand total", "cong tong"}
_QUARTER_TEXT = re.compile(r"\bquy\s+(i{1,3}|iv|[1-4])\s*(?:nam\s*)?[/-]?\s*(\d{4})")
_HALF_TEXT = re.compile(r"\b6\s*thang\s*(dau|cuoi)\s*nam\s*(\d{4})")
_YEAR_TEXT = re.compile(r"\bnam\s+(\d{4})\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass
class ReadContext:
    """What reading a submission needs from the workspace, plus the user's overrides."""

    programs: dict[str, Program]
    units: UnitTree
    limits: ReadLimits = field(default_factory=ReadLimits)
    read_hidden: bool = False
    filename_pattern: str | None = None
    program: str | None = None  # --program: always wins
    unit: str | None = None  # --unit: always wins
    period: str | None = None  # --period: always wins


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
    problems: list[Problem] = field(default_factory=list)  # errors refuse the file; warnings are kept
    notes: list[Problem] = field(default_factory=list)  # what the reader did (sheet used, text converted)

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def content_hash(self) -> str:
        """Give a hash of what the submission says, whatever file it came in."""
        h = hashlib.sha256(f"{self.program}|{self.unit}|{self.period}".encode())
        for v in sorted(self.values, key=lambda v: (v.indicator, v.measure)):
            h.update(f"|{v.indicator}|{v.measure}|{v.value.normalize()}".encode())
        return h.hexdigest()


def read_submission(path: Path, ctx: ReadContext) -> ParsedSubmission:
    """Give the submission a workbook holds, with every problem found and where."""
    result = ParsedSubmission(path)
    try:
        book = read_workbook(path, ctx.limits, with_hidden=True)
    except HrplanError as exc:
        result.problems.extend(exc.problems)
        return result
    _convert_legacy_text(book, result)
    layout = find_table(book, read_hidden=ctx.read_hidden)
    if layout is None:
        result.problems.append(Problem("table.not_found", location=Location(file=str(path))))
        return result
    result.sheet, result.header_row = layout.sheet.name, layout.header_row + 1
    result.notes.append(Problem("table.used", Severity.INFO, Location(str(path), layout.sheet.name, cell_name(layout.header_row, 0)),
                                {"sheet": layout.sheet.name, "row": layout.header_row + 1}))
    _identify(result, layout, ctx)
    if result.program is None:
        return result
    program = ctx.programs[result.program]
    _read_rows(result, layout, program)
    if result.ok and not result.values:
        result.problems.append(Problem("submission.empty", location=Location(str(path), layout.sheet.name)))
    return result


# -- text -------------------------------------------------------------------------------------
def _convert_legacy_text(book: RawWorkbook, result: ParsedSubmission) -> None:
    for sheet in book.sheets:
        texts = [v for row in sheet.grid for v in row if isinstance(v, str) and v]
        sheet_encoding = legacy_text.guess_encoding(texts)
        converted: set[str] = set()
        for r, row in enumerate(sheet.grid):
            for c, value in enumerate(row):
                if isinstance(value, str) and value:
                    text, used = legacy_text.to_unicode(value, sheet.fonts.get((r, c)), sheet_encoding)
                    row[c] = text
                    if used:
                        converted.add(used)
        for encoding in sorted(converted):
            result.notes.append(Problem("text.legacy_converted", Severity.INFO, Location(str(book.path), sheet.name),
                                        {"encoding": encoding.upper(), "sheet": sheet.name}))


# -- program, unit, period --------------------------------------------------------------------
def _identify(result: ParsedSubmission, layout: TableLayout, ctx: ReadContext) -> None:
    where = Location(str(result.path), layout.sheet.name)
    from_name = _from_file_name(result.path, ctx.filename_pattern)
    titles = " | ".join(t for t, _ in layout.title_lines)

    # Program: --program, the template's label, a program code in the title, the only program.
    program_text = ctx.program or _label(layout, "program")
    if program_text is None:
        codes = {_code_key(m.group(0)) for m in _PROGRAM_CODE.finditer(fold(titles))}
        found = [p for p in ctx.programs.values() if _code_key(fold(p.code)) in codes]
        program_text = found[0].code if len(found) == 1 else None
    if program_text is None and len(ctx.programs) == 1:
        program_text = next(iter(ctx.programs))
    if program_text is not None:
        match = [p for p in ctx.programs.values() if _code_key(fold(p.code)) == _code_key(fold(program_text))]
        if match:
            result.program = match[0].code
        else:
            result.problems.append(Problem("program.not_found", location=where,
                                           params={"program": program_text, "known": ", ".join(ctx.programs)}))
            return
    else:
        result.problems.append(Problem("submission.no_program", location=where))

    # Unit: --unit, the label, the title block, the file name.
    unit_text = ctx.unit or _label(layout, "unit")
    if unit_text is not None:
        code = ctx.units.match(unit_text)
        if code is None:
            result.problems.append(Problem("unit.not_found", location=_label_location(layout, "unit", where),
                                           params={"unit": unit_text, "hint": ""}))
        result.unit = code
    else:
        candidates = _units_in_titles(layout, ctx.units)
        if len(candidates) == 1:
            result.unit = candidates[0]
        elif len(candidates) > 1:
            result.problems.append(Problem("submission.ambiguous_unit", location=where,
                                           params={"candidates": ", ".join(candidates)}))
        elif from_name.get("unit") and ctx.units.match(from_name["unit"]):
            result.unit = ctx.units.match(from_name["unit"])
        else:
            result.problems.append(Problem("submission.no_unit", location=where))

    # Period: --period, the label, the title block, the file name.
    period_text = ctx.period or _label(layout, "period") or _period_in_titles(titles) or from_name.get("period")
    if period_text is None:
        result.problems.append(Problem("submission.no_period", location=where))
    else:
        try:
            result.period = Period.parse(period_text).label
        except PeriodError:
            result.problems.append(Problem("period.invalid", location=_label_location(layout, "period", where),
                                           params={"found": period_text}))


def _code_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text)


def _label(layout: TableLayout, name: str) -> str | None:
    found = layout.labels.get(name)
    return found[0] if found and found[0] else None


def _label_location(layout: TableLayout, name: str, where: Location) -> Location:
    found = layout.labels.get(name)
    return Location(where.file, where.sheet, found[1]) if found else where


def _units_in_titles(layout: TableLayout, units: UnitTree) -> list[str]:
    """Give the units whose name or alias appears in the title block, longest names first."""
    hits: dict[str, int] = {}
    for text, _ in layout.title_lines:
        key = f" {fold(text)} "
        for code, unit in units.units.items():
            for name in [unit.name, *unit.aliases]:
                folded = fold(name)
                if len(folded) >= 4 and f" {folded} " in key:
                    hits[code] = max(hits.get(code, 0), len(folded))
    if not hits:
        return []
    best = max(hits.values())
    return sorted(c for c, n in hits.items() if n == best)


def _period_in_titles(titles: str) -> str | None:
    key = fold(titles)
    if m := _QUARTER_TEXT.search(key):
        q = _ROMAN.get(m[1], None) or int(m[1])
        return f"{m[2]}-Q{q}"
    if m := _HALF_TEXT.search(key):
        return f"{m[2]}-H{1 if m[1] == 'dau' else 2}"
    if m := _YEAR_TEXT.search(key):
        return m[1]
    return None


def _from_file_name(path: Path, pattern: str | None) -> dict[str, str]:
    if not pattern:
        return {}
    try:
        m = re.search(pattern, path.stem)
    except re.error:
        return {}
    return {k: v for k, v in (m.groupdict() if m else {}).items() if v}


# -- rows -------------------------------------------------------------------------------------
def _read_rows(result: ParsedSubmission, layout: TableLayout, program: Program) -> None:
    sheet, cols = layout.sheet, layout.columns
    index = program.name_index()
    book = program.measure_book()
    names_for_hint = {fold(i.name): f"{i.code} ({i.name})" for i in program.indicators}
    names_for_hint.update({fold(i.code): f"{i.code} ({i.name})" for i in program.indicators})
    seen: dict[str, str] = {}
    indicator_rows: list[dict[str, Decimal]] = []
    for row in range(layout.first_data_row, sheet.height):
        name = _text(sheet.value(row, cols["name"]))
        code = _text(sheet.value(row, cols["code"])) if "code" in cols else ""
        cells = {m: (row, cols[m]) for m in ("plan", "actual", "estimate", "ratio") if m in cols}
        has_values = any(_text(sheet.value(*rc)) for m, rc in cells.items() if m != "ratio") or any(
            rc in sheet.formulas_without_value for m, rc in cells.items() if m != "ratio")
        if not name and not code and not (has_values and _any_number(sheet, cells)):
            continue  # blank, or words under the table (signature block, "Nơi nhận")
        bare = _NUMBERING.sub("", name)
        if fold(bare) in _TOTAL_NAMES and not index.get(fold(code)) and not index.get(fold(bare)):
            _check_total(result, layout, row, cells, indicator_rows)
            continue
        indicator = index.get(fold(code)) if code else None
        indicator = indicator or index.get(fold(name)) or index.get(fold(bare))
        label_cell = cell_name(row, cols["code"] if code and "code" in cols else cols["name"])
        where = Location(str(result.path), sheet.name, label_cell)
        if indicator is None:
            if has_values:
                result.problems.append(Problem("indicator.unknown", location=where, params={
                    "found": code or name, "program": program.code,
                    "closest": ", ".join(closest(bare or code, names_for_hint)) or "-"}))
            continue  # a section heading (I, II, 1, a) or a note line
        if indicator in seen:
            result.problems.append(Problem("indicator.duplicate", location=where,
                                           params={"indicator": indicator, "other": seen[indicator]}))
            continue
        seen[indicator] = label_cell
        row_uom = _text(sheet.value(row, cols["uom"])) if "uom" in cols else ""
        indicator_rows.append(_read_indicator_row(result, layout, program, book, indicator, row, cells,
                                                  row_uom or layout.uom_note))


def _read_indicator_row(result: ParsedSubmission, layout: TableLayout, program: Program, book: Any,
                        code: str, row: int, cells: dict[str, tuple[int, int]], uom: str | None) -> dict[str, Decimal]:
    sheet = layout.sheet
    ind = program.indicator(code)
    numbers: dict[str, Decimal] = {}
    for measure in ("plan", "actual", "estimate"):
        if measure not in cells:
            continue
        r, c = cells[measure]
        where = Location(str(result.path), sheet.name, cell_name(r, c))
        if (r, c) in sheet.formulas_without_value:
            result.problems.append(Problem("value.formula_no_value", location=where,
                                           params={"found": sheet.formulas_without_value[(r, c)]}))
            continue
        raw = sheet.value(r, c)
        try:
            number = parse_number(raw)
        except NotANumber:
            result.problems.append(Problem("value.not_number", location=where, params={"found": _text(raw)}))
            continue
        if number is None:
            continue
        if number < 0:
            result.problems.append(Problem("value.negative", location=where,
                                           params={"found": _text(raw), "indicator": ind.name}))
            continue
        if uom and ind.kind.value == "count":
            converted = book.convert(number, uom, ind.uom)
            if converted is None:
                result.problems.append(Problem("value.uom_mismatch", location=where,
                                               params={"found": uom, "expected": ind.uom, "indicator": ind.name}))
                continue
            if converted != number:
                result.notes.append(Problem("value.uom_converted", Severity.INFO, where,
                                            {"found": uom, "expected": ind.uom, "value": str(number), "converted": str(converted)}))
            number = converted
        numbers[measure] = number
        result.values.append(StoredValue(code, measure, number, ind.uom, sheet.name, cell_name(r, c), _text(raw)))
    if "ratio" in cells:
        _read_stated_ratio(result, layout, code, cells["ratio"], numbers)
    return numbers


def _read_stated_ratio(result: ParsedSubmission, layout: TableLayout, code: str, rc: tuple[int, int],
                       numbers: dict[str, Decimal]) -> None:
    """Keep a stated percentage, and a warning when it differs from the recomputed one."""
    sheet = layout.sheet
    raw = sheet.value(*rc)
    try:
        stated = parse_number(raw)
    except NotANumber:
        return  # a ratio column holding words ("vượt") states nothing to check
    if stated is None:
        return
    plan, actual = numbers.get("plan"), numbers.get("actual")
    computed = actual / plan if plan and actual is not None else None
    percent_text = isinstance(raw, str) and raw.strip().endswith("%")
    if not percent_text:
        # "285" in a "Tỷ lệ (%)" column means 285%; 2.85 from a percent-formatted cell means 285% too.
        as_percent = stated / 100
        if computed is not None:
            stated = as_percent if abs(as_percent - computed) < abs(stated - computed) else stated
        elif stated > 10:
            stated = as_percent
    where = Location(str(result.path), sheet.name, cell_name(*rc))
    result.values.append(StoredValue(code, "stated_ratio", stated, None, sheet.name, cell_name(*rc), _text(raw)))
    if computed is not None and abs(stated - computed) >= Decimal("0.01"):
        from hrplan.values import format_percent

        result.problems.append(Problem("stated_ratio.differs", Severity.WARNING, where, {
            "stated": format_percent(float(stated)), "computed": format_percent(float(computed)), "indicator": code}))


def _check_total(result: ParsedSubmission, layout: TableLayout, row: int, cells: dict[str, tuple[int, int]],
                 above: list[dict[str, Decimal]]) -> None:
    """Cross-check a 'Tổng cộng' row against the indicator rows above it; it is never stored."""
    for measure in ("plan", "actual", "estimate"):
        if measure not in cells:
            continue
        try:
            stated = parse_number(layout.sheet.value(*cells[measure]))
        except NotANumber:
            stated = None
        if stated is None:
            continue
        summed = sum((r.get(measure, Decimal(0)) for r in above), Decimal(0))
        if summed != stated:
            result.problems.append(Problem("table.total_mismatch", Severity.WARNING,
                                           Location(str(result.path), layout.sheet.name, cell_name(*cells[measure])),
                                           {"found": str(stated), "expected": str(summed)}))


def _any_number(sheet: RawSheet, cells: dict[str, tuple[int, int]]) -> bool:
    for measure, rc in cells.items():
        if measure == "ratio":
            continue
        if rc in sheet.formulas_without_value:
            return True
        try:
            if parse_number(sheet.value(*rc)) is not None:
                return True
        except NotANumber:
            pass
    return False


def _text(value: Any) -> str:
    if value is None:
        return ""
    return nfc(str(value)).strip()
