"""Reading the rows of a found table: the program's indicators, their figures and cells, totals checked.

`choose_table_columns` keeps the columns of the submission's period; `read_rows` walks the rows
(a row's path from its numbering, the program's rows only, totals checked against the rows they
close); `read_table` does both for one table and refuses a table holding plans only.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hrplan.definitions import Indicator, Program
from hrplan.messages import render
from hrplan.names import closest, fold, nfc
from hrplan.problems import Location, Problem, Severity, cell_name
from hrplan.reading.columns import HeaderColumn, choose_columns
from hrplan.reading.layout import TableLayout
from hrplan.reading.rows import Hierarchy, IndicatorMatcher, split_numbering
from hrplan.reading.totals import MEASURES, TotalChecker, total_wording
from hrplan.reading.types import BlankCell, StoredValue
from hrplan.values import (
    MAX_FIGURE,
    NotANumber,
    OutOfRange,
    format_number,
    format_percent,
    format_times,
    number_params,
    parse_number,
)
from hrplan.workbooks import RawSheet

if TYPE_CHECKING:
    from hrplan.reading.submission import ParsedSubmission

# Words that start the foot of a report (recipients, signatures): the table has ended.
TABLE_END = re.compile(r"^(noi nhan|nguoi lap bieu|nguoi lap|thu truong|tm |kt |ky ten|xac nhan)")
def read_table(result: ParsedSubmission, layout: TableLayout, program: Program) -> None:
    if not choose_table_columns(result, layout):
        return
    read_rows(result, layout, program)
    if result.ok and not any(v.measure in ("actual", "estimate") for v in result.values):
        # Plans alone (e.g. a template returned untouched, plans pre-filled) report nothing.
        result.problems.append(Problem("submission.empty", location=Location(str(result.path), layout.sheet.name)))


def choose_table_columns(result: ParsedSubmission, layout: TableLayout) -> bool:
    """Keep only the columns of the submission's period in `layout.columns`; False when that cannot be told."""
    choice = choose_columns(layout.header, result.period)
    where = Location(str(result.path), layout.sheet.name, cell_name(layout.header_row, 0))
    for role, columns in choice.ambiguous.items():
        result.problems.append(Problem("columns.ambiguous", location=where, params={
            "role": render(f"column_role.{role}", "en"), "role_vi": render(f"column_role.{role}", "vi"), "period": result.period or "?", "candidates": _describe(layout, columns)}))
    if not any(r in choice.columns for r in ("actual", "estimate")) and (
            choice.unmatched.get("actual") or choice.unmatched.get("estimate")):
        found = choice.unmatched.get("actual", []) + choice.unmatched.get("estimate", [])
        result.problems.append(Problem("columns.other_period", location=where, params={
            "period": result.period or "?", "candidates": _describe(layout, found)}))
    if choice.other_period:
        result.notes.append(Problem("columns.context", Severity.INFO, where, params={
            "period": result.period or "?", "columns": _describe(layout, choice.other_period)}))
    layout.columns = choice.columns
    return not choice.ambiguous and "name" in choice.columns


def unplaced_columns(layout: TableLayout) -> list[str]:
    """Give the columns holding figures whose caption names no role the reader knows ("Dự kiến phân bổ"), as
    "C8 'caption'": never read, so named rather than dropped in silence."""
    sheet = layout.sheet
    known = {c.col for c in layout.header} | set(layout.columns.values()) | layout.ignored
    if "name" not in layout.columns:
        return []
    out = []
    for col in range(sheet.width):
        if col in known:
            continue
        if not any(_is_figure(sheet.value(row, col)) for row in range(layout.first_data_row, sheet.height)
                   if _text(sheet.value(row, layout.columns["name"]))):
            continue
        captions = [_text(sheet.value(r, col)) for r in range(layout.header_row, layout.first_data_row)]
        caption = " ".join(dict.fromkeys(c for c in captions if c))
        out.append(f"{cell_name(layout.header_row, col)} '{caption}'" if caption else cell_name(layout.header_row, col))
    return out


def _is_figure(value: Any) -> bool:
    if isinstance(value, bool) or value in ("", None):
        return False
    try:
        return parse_number(value) is not None
    except (NotANumber, OutOfRange):
        return False


def _describe(layout: TableLayout, columns: list[HeaderColumn]) -> str:
    return ", ".join(f"{cell_name(layout.header_row, c.col)} '{c.caption}'" for c in columns)


# -- rows -------------------------------------------------------------------------------------
def read_rows(result: ParsedSubmission, layout: TableLayout, program: Program, prefix: tuple[str, ...] = (),
               seen: dict[str, str] | None = None, finish: bool = True) -> list[tuple[Location, str, str, bool]]:
    """Read the program's rows; skip and count the others; check the totals against the rows they close.

    A table made for the program (no more unknown rows with figures than indicator rows) refuses
    a row it does not know: a renamed row there is a mistake to fix. A wider office table (a
    district's 200 rows, of which the program wants five) has its other rows skipped and counted
    in one note, with a warning for a row that closely resembles an indicator the file lacks.
    """
    sheet, cols = layout.sheet, layout.columns
    matcher = IndicatorMatcher(program)
    book = program.measure_book()
    tree, totals = Hierarchy(prefix), TotalChecker()
    seen = {} if seen is None else seen  # shared by the blocks of one table: an indicator is read once
    unknown: list[tuple[Location, str, str, bool]] = []  # (where, label as found, name without numbering, hidden)
    owner: dict[int, tuple[str, str]] = {}  # row -> (indicator, unit written) of a row read, or of its parts
    parts: dict[str, list[tuple[str, str, bool]]] = {}  # indicator -> its sub-rows with figures: (cell, name, hidden)
    for row in range(layout.first_data_row, sheet.height):
        name = _row_label(layout, row)
        code = _text(sheet.value(row, cols["code"])) if "code" in cols else ""
        cells = {m: (row, cols[m]) for m in ("plan", "actual", "estimate", "ratio") if m in cols}
        has_values = any(_text(sheet.value(*rc)) for m, rc in cells.items() if m != "ratio") or any(
            rc in sheet.formulas_without_value for m, rc in cells.items() if m != "ratio")
        if not name and not code and not (has_values and _any_number(sheet, cells)):
            continue  # blank, or words under the table
        stt = sheet.value(row, cols["stt"]) if "stt" in cols and cols["stt"] != cols["name"] else ""
        numbering, bare = split_numbering(stt, name)
        raw_name = sheet.value(row, cols["name"])
        indent = len(raw_name) - len(raw_name.lstrip(" ")) if isinstance(raw_name, str) else 0
        label = tree.place(row, numbering, bare, indent)
        indicator = matcher.match(code, name, label)
        label_cell = cell_name(row, cols["code"] if code and "code" in cols else cols["name"])
        where = Location(str(result.path), sheet.name, label_cell)
        if indicator is None and TABLE_END.match(fold(bare)):
            break  # "Nơi nhận:", signatures: the table is over
        wording = total_wording(bare) if indicator is None and not code else None
        if wording:
            stated = {m: (n, cell_name(*cells[m])) for m, n in _numbers(sheet, cells).items()}
            totals.total(label, wording[0], wording[1], stated)
            continue
        row_uom = _text(sheet.value(row, cols["uom"])) if "uom" in cols else ""
        whole = owner.get(label.parent) if label.parent is not None and label.is_part_marked and not code else None
        if whole is not None and not _own_indicator(program, book, indicator, whole, row_uom or layout.uom_note):
            # "- Đào tạo sau đại học" under "Kinh phí": the money spent on it, a part of that row, not the
            # people indicator of the same name; "- Trong đó: nữ", "- Ngân sách tỉnh" likewise.
            owner[row] = (whole[0], row_uom or whole[1])
            if has_values:
                parts.setdefault(whole[0], []).append((label_cell, name, row in sheet.hidden_rows))
            continue
        if indicator is None:
            if matcher.is_section(bare) or (label.is_heading_level and code == ""):
                totals.heading(label)
            else:
                totals.row(label, _numbers(sheet, cells), row_uom)
            if matcher.is_section(bare):
                continue  # a section heading of the program, perhaps with its subtotal
            if has_values and (name or code):
                unknown.append((where, code or name, bare or code, row in sheet.hidden_rows))
            elif has_values:
                result.problems.append(Problem("row.unnamed", location=where))
            continue
        if indicator in seen:
            result.problems.append(Problem("indicator.duplicate", location=where,
                                           params={"indicator": indicator, "other": seen[indicator]}))
            continue
        seen[indicator] = label_cell
        owner[row] = (indicator, row_uom or layout.uom_note or "")
        note = _text(sheet.value(row, cols["note"])) if "note" in cols else ""
        uom_at = (cell_name(row, cols["uom"]), "column") if row_uom else (
            (layout.uom_note_cell, "note") if layout.uom_note and layout.uom_note_cell else None)
        figures = read_indicator_row(result, layout, program, book, indicator, row, cells,
                                      row_uom or layout.uom_note, note or None, uom_at)
        totals.row(label, figures, row_uom)
    for indicator, rows in parts.items():
        ind = program.indicator(indicator)
        result.notes.append(Problem("rows.parts_not_read", Severity.INFO,
                                    Location(str(result.path), sheet.name, seen[indicator]), {
                                        "indicator": ind.name, "indicator_code": ind.code,
                                        "rows": row_list(rows, "en"), "rows_vi": row_list(rows, "vi")}))
    if finish:
        unknown_rows(result, program, matcher, unknown, seen)
    for cell, stated, summed in totals.mismatches():
        result.problems.append(Problem("table.total_mismatch", Severity.WARNING,
                                       Location(str(result.path), sheet.name, cell),
                                       number_params(found=stated, expected=summed)))
    return unknown


def _own_indicator(program: Program, book: Any, indicator: str | None, whole: tuple[str, str], uom: str | None) -> bool:
    """Tell whether a row written as a part of the row read as `whole` is an indicator of its own.

    It is when the program declares it a part of that indicator (`breakdowns`), or when it names another
    indicator and its unit of measure (its own ĐVT, else the note above the table or its parent's) can hold
    that indicator's figures: "- Lượt người tham dự" (lượt người) under "a) Hội nghị" (hội nghị).
    """
    if indicator is None or indicator == whole[0]:
        return False
    if any(b.total == whole[0] and indicator in b.parts for b in program.breakdowns):
        return True
    ind = program.indicator(indicator)
    written = uom or whole[1] or program.indicator(whole[0]).uom
    return ind.kind.value != "count" or book.convert(Decimal(1), written, ind.uom) is not None


def row_list(rows: list[tuple[str, str, bool]], lang: str) -> str:
    """Give rows as a message lists them: "B23 '- Ngân sách tỉnh' (dòng ẩn), B24 '- Nguồn khác'"."""
    hidden = render("row.hidden", lang)
    return ", ".join(f"{cell} '{name}'" + (f" ({hidden})" if is_hidden else "") for cell, name, is_hidden in rows)


def unknown_rows(result: ParsedSubmission, program: Program, matcher: IndicatorMatcher,
                  unknown: list[tuple[Location, str, str, bool]], seen: dict[str, str]) -> None:
    """Refuse the unknown rows of a program's own form; skip and count those of a wider table."""
    if not unknown:
        return
    if len(unknown) <= len(seen):
        hints = {fold(i.name): f"{i.code} ({i.name})" for i in program.indicators}
        hints.update({fold(i.code): f"{i.code} ({i.name})" for i in program.indicators})
        for where, found, bare, hidden in unknown:
            near = ", ".join(closest(bare, hints))
            params = {"found": found, "program": program.code, "closest": near or "-"}
            for suffix, lang in _LANGS:
                if near:  # no "Gần giống: -" when nothing is near
                    params[f"opt_closest{suffix}"] = render("indicator.unknown.closest", lang, closest=near)
                if hidden:  # the clerk cannot see it without unhiding the row
                    params[f"opt_hidden{suffix}"] = f" ({render('row.hidden', lang)})"
            result.problems.append(Problem("indicator.unknown", location=where, params=params))
        return
    first = unknown[0][0]
    result.notes.append(Problem("rows.not_in_program", Severity.INFO, Location(first.file, first.sheet),
                                {"count": len(unknown), "program": program.code}))
    for where, found, bare, _ in unknown:
        code = matcher.resembling(bare)
        if code is not None and code not in seen:
            ind = program.indicator(code)
            result.problems.append(Problem("row.resembles_indicator", Severity.WARNING, where,
                                           {"found": found, "indicator": f"{ind.code} ({ind.name})"}))
    missing = [i.code for i in program.indicators if i.code not in seen]
    if missing and seen:
        result.problems.append(Problem("indicator.missing", Severity.WARNING, Location(first.file, first.sheet),
                                       {"indicators": ", ".join(missing), "program": program.code}))


def _row_label(layout: TableLayout, row: int) -> str:
    """Give the text naming a row: its name cell, or a 'Tổng cộng' merged over or typed left of it."""
    sheet, col = layout.sheet, layout.columns["name"]
    name = _text(sheet.value(row, col))
    if name:
        return name
    for r0, c0, r1, c1 in sheet.merged:
        if r0 <= row <= r1 and c0 <= col <= c1:
            return _text(sheet.value(r0, c0))
    for c in range(col):
        text = _text(sheet.value(row, c))
        if total_wording(split_numbering("", text)[1]):
            return text
    return ""


def read_indicator_row(result: ParsedSubmission, layout: TableLayout, program: Program, book: Any,
                        code: str, row: int, cells: dict[str, tuple[int, int]], uom: str | None,
                        note: str | None = None, uom_at: tuple[str, str] | None = None) -> dict[str, Decimal]:
    """Read one indicator's figures from its cells; `uom_at` is (cell, 'column' | 'note' | 'caption'): where the
    unit of measure was written, which a unit that cannot convert points at."""
    sheet = layout.sheet
    ind = program.indicator(code)
    result.rows.append(code)
    numbers: dict[str, Decimal] = {}
    for measure in ("plan", "actual", "estimate"):
        if measure not in cells:
            continue
        r, c = cells[measure]
        cell = cell_name(r, c)
        where = Location(str(result.path), sheet.name, cell)
        if (r, c) in sheet.formulas_without_value:
            result.problems.append(Problem("value.formula_no_value", location=where,
                                           params={"found": sheet.formulas_without_value[(r, c)]}))
            continue
        raw = sheet.value(r, c)
        try:
            number = parse_number(raw)
        except OutOfRange:
            result.problems.append(Problem("value.out_of_range", location=where,
                                           params={"found": _text(raw)[:40], "limit": format_number(MAX_FIGURE)}))
            continue
        except NotANumber:
            result.problems.append(Problem("value.not_number", location=where, params={"found": _text(raw)}))
            continue
        if number is None:
            if measure == "actual":
                result.blanks.append(BlankCell(code, measure, sheet.name, cell, note))
            continue
        if number < 0:
            result.problems.append(Problem("value.negative", location=where,
                                           params={"found": _text(raw), "indicator": ind.name}))
            continue
        if uom and ind.kind.value == "count":
            converted = book.convert(number, uom, ind.uom)
            if converted is None:
                result.problems.append(_uom_mismatch(where, uom_at, uom, ind.uom, ind.name))
                continue
            if abs(converted) >= MAX_FIGURE:
                result.problems.append(Problem("value.out_of_range", location=where,
                                               params={"found": _text(raw)[:40], "limit": format_number(MAX_FIGURE)}))
                continue
            converted = _tidy(converted)
            if converted != number:
                # Both languages' words and numbers are kept: the note is worded when `check` shows it ('0,4'/'0.4').
                places = max(0, -number.normalize().as_tuple().exponent)
                exact = max(0, -converted.normalize().as_tuple().exponent)  # every decimal: 1.297 triệu is 1,297 tỷ
                result.notes.append(Problem("value.uom_converted", Severity.INFO, where, {
                    "found": book.label(uom, "en"), "found_vi": uom, "expected": book.label(ind.uom, "en"),
                    "expected_vi": ind.uom, "value": format_number(number, places, lang="en"),
                    "value_vi": format_number(number, places), "converted": format_number(converted, exact, lang="en"),
                    "converted_vi": format_number(converted, exact)}))
            number = converted
        if book.is_whole(ind.uom) and number != number.to_integral_value():
            # Excel in an English locale turns a typed "1.297" into the number 1.297.
            places = -number.normalize().as_tuple().exponent
            typed = _text(raw)
            why = ("percent" if "%" in typed else "locale" if places == 3 and not isinstance(raw, str) else "decimal")
            params = {"found": format_number(number, places, lang="en"), "found_vi": format_number(number, places),
                      "uom": ind.uom, "indicator": ind.name, "typed": typed[:40]}
            result.problems.append(Problem("value.fractional_count", location=where, params={
                **params, "advice": render(f"value.fractional_count.{why}", "en", **{**params, "uom": book.label(ind.uom, "en")}),
                "advice_vi": render(f"value.fractional_count.{why}", "vi", **params)}))
            continue
        numbers[measure] = number
        result.values.append(StoredValue(code, measure, number, ind.uom, sheet.name, cell, _text(raw), note))
    if "ratio" in cells:
        _read_stated_ratio(result, layout, code, cells["ratio"], numbers, ind)
    return numbers


def _uom_mismatch(where: Location, uom_at: tuple[str, str] | None, found: str, expected: str,
                  indicator: str) -> Problem:
    """Give the refusal of a unit of measure that cannot convert, at the cell where the unit was written (the ĐVT
    cell, the 'Đơn vị tính' line above the table, a column caption), naming the figure's cell too."""
    params = {"found": found, "expected": expected, "indicator": indicator}
    if uom_at is None:
        params.update({f"opt_advice{s}": render("value.uom_mismatch.advice.none", lang) for s, lang in _LANGS})
        return Problem("value.uom_mismatch", location=where, params=params)
    cell, source = uom_at
    for suffix, lang in _LANGS:
        params[f"opt_written{suffix}"] = render(f"value.uom_mismatch.written.{source}", lang, cell=cell)
        params[f"opt_value{suffix}"] = render("value.uom_mismatch.value", lang, cell=where.cell)
        params[f"opt_advice{suffix}"] = render(f"value.uom_mismatch.advice.{source}", lang, cell=cell)
    return Problem("value.uom_mismatch", location=Location(where.file, where.sheet, cell), params=params)


_LANGS = (("", "en"), ("_vi", "vi"))


def _read_stated_ratio(result: ParsedSubmission, layout: TableLayout, code: str, rc: tuple[int, int],
                       numbers: dict[str, Decimal], ind: Indicator | None = None) -> None:
    """Keep a stated percentage, and a warning when it differs from the recomputed one; a planning ratio
    (candidates per seat) is stated and told in times ('1,5 lần'), as the template formats its cell."""
    times = ind is not None and ind.kind.value == "planning_ratio"
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
        shown = format_times if times else format_percent
        result.problems.append(Problem("stated_ratio.differs", Severity.WARNING, where, {
            "stated": shown(float(stated), lang="en"), "stated_vi": shown(float(stated), lang="vi"),
            "computed": shown(float(computed), lang="en"), "computed_vi": shown(float(computed), lang="vi"),
            "indicator": code, **_stated_ratio_names(ind)}))


def _stated_ratio_names(ind: Indicator | None) -> dict[str, str]:
    """Give the indicator's name for a stated ratio's warning, in both languages ('name', 'name_vi')."""
    return {"name": ind.name_in("en"), "name_vi": ind.name} if ind is not None else {}


def _numbers(sheet: RawSheet, cells: dict[str, tuple[int, int]]) -> dict[str, Decimal]:
    """Give the plan, actual and estimate a row states as numbers (words and blanks left out)."""
    out = {}
    for measure in MEASURES:
        if measure in cells:
            try:
                number = parse_number(sheet.value(*cells[measure]))
            except NotANumber:
                continue
            if number is not None:
                out[measure] = number
    return out


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


def _tidy(number: Decimal) -> Decimal:
    """Give a number without trailing zeros and without an exponent: 261951.000 -> 261951."""
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def _text(value: Any) -> str:
    if value is None:
        return ""
    return nfc(str(value)).strip()
