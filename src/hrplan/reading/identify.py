"""Which program, unit and period a submission reports on, told from the blocks above its table.

Sources, first found wins: --program/--unit/--period (always), the identification block
("Mã đơn vị: SYT", "Kỳ báo cáo: Quý II/2023"), the title block ("UBND HUYỆN HÒA AN",
"Chương trình số 08-CTr/TU", "6 THÁNG ĐẦU NĂM 2023"), then the workspace's file-name pattern
(SYT_2023-Q2.xlsx). A title block names several bodies: the parent ("UBND TỈNH CAO BẰNG")
above the issuing body ("SỞ Y TẾ") and a place in the date line ("Cao Bằng, ngày ..."). The
reporter is the most specific unit named; two unrelated units named is ambiguous and refused.

A title also names the program, and `hrplan template` writes the program's title ("... giai đoạn
2024 - 2025") and, over the unit, its parent ("TỈNH HÀ GIANG"). Those describe the program and the
province, not the report: a line naming the program does not give the program's own period, nor
(where the program says how often units report) a longer period its title words spell; and a unit
named only in the heading (the bodies beside the national motto, "UBND TỈNH ...", the date line)
that is a parent of the program's reporters rather than one of them did not send the file. Set
aside, they refuse the file at that line unless the file name or --unit/--period tells instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from hrplan.reading.layout import TableLayout
from hrplan.reading.types import ReadContext
from hrplan.messages import render
from hrplan.names import fold, strip_diacritics
from hrplan.definitions import Period, PeriodError
from hrplan.problems import Location, Problem, Severity
from hrplan.definitions import Program
from hrplan.definitions import UnitTree, unexpected_reporters


# "08-CTr/TU", "06-ĐA/TU", "số 12 - CTr/TU": matched on text lower-cased without diacritics.
_PROGRAM_CODE = re.compile(r"\b(\d{1,4})\s*[-‑–]\s*(ctr|da|kh|nq|ct|qd)\s*/\s*([a-z]+)\b")
# A date line ("Hòa An, ngày 05 tháng 7 năm 2023") names the day the report was signed, not its period.
_DATE_TEXT = re.compile(r"\bngay\s*(?:\d{1,2}\s*)?thang\s*(?:\d{1,2}\s*)?nam\s+\d{4}")  # also "ngày  tháng  năm 2023"
# "từ năm 2021 đến ngày 31/5/2023", "từ 2021 đến tháng 5 năm 2023", "từ năm 2021 đến năm 2023"
_RANGE_TEXT = re.compile(r"\btu\s+(?:nam\s+)?(\d{4})\s+den\s+(?:het\s+)?(?:ngay\s+)?(?:\d{1,2}\s+)?(?:thang\s+)?"
                         r"(?:(\d{1,2})\s+)?(?:nam\s+)?(\d{4})")
# "GIAI ĐOẠN 2016 - 2020", "giai đoạn 2016-2020", "NĂM 2016 - 2020": a whole-years range
_SPAN_TEXT = re.compile(r"\b(?:giai doan|nam|period)\s+(\d{4})\s+(\d{4})\b")
_QUARTER_TEXT = re.compile(r"\bquy\s+(i{1,3}|iv|[1-4])\s*(?:nam\s*)?(\d{4})")
# "Quý I và Quý II năm 2025", "Quý I, II năm 2025", "Quý I - II/2025", "quý III và quý IV năm 2025": the span they name
_QUARTERS_TEXT = re.compile(r"\bquy\s+((?:i{1,3}|iv|[1-4])(?:\s+(?:va\s+|den\s+)?(?:quy\s+)?(?:i{1,3}|iv|[1-4]))+)"
                            r"\s*(?:nam\s*)?(\d{4})")
# "9 tháng đầu năm 2025", "9 tháng năm 2025": months 01..09
_FIRST_MONTHS_TEXT = re.compile(r"\b(\d{1,2})\s*thang\s*(?:dau\s*)?(?:nam\s*)?(\d{4})\b")
# "Tháng 6 năm 2025", "tháng 6/2025", "Tháng 1 - tháng 3 năm 2025", "từ tháng 01 đến tháng 6 năm 2025"
_MONTH_TEXT = re.compile(r"\bthang\s+(\d{1,2})(?:\s+(?:den\s+|va\s+)?(?:thang\s+)?(\d{1,2}))?\s+(?:nam\s+)?(\d{4})\b")
# A date as folded ("30/6/2025", "ngày 30 tháng 6 năm 2025" -> "30 6 2025", "30 thang 6 nam 2025")
_DATE = r"(\d{1,2})\s+(?:thang\s+)?(\d{1,2})\s+(?:nam\s+)?(\d{4})\b"
# The day a title's figures run to: the end of "từ ngày 01/4/2025 đến ngày 30/6/2025", "lũy kế đến 30/6/2025",
# "số liệu tính đến ngày 31/3/2025". Not the day the report was signed ("ngày 05/4/2025", "Kèm theo Báo cáo … ngày …").
_UNTIL_TEXT = re.compile(r"(?:\btu\s+(?:ngay\s+)?\d{1,2}\s+(?:thang\s+)?\d{1,2}\s+(?:nam\s+)?\d{4}\s+|\b(?:luy ke(?:\s+[a-z]+){0,4}?"
                         r"|tinh)\s+)den\s+(?:het\s+)?(?:ngay\s+)?" + _DATE)
_HALF_TEXT = re.compile(r"\b6\s*thang\s*(dau|cuoi)\s*(?:nam\s*)?(\d{4})")
_YEAR_TEXT = re.compile(r"\bnam\s+(\d{4})\b")
_EN_QUARTER = re.compile(r"\bq([1-4])\s*(\d{4})\b|\bquarter\s+([1-4])\s*(?:of\s*)?(\d{4})")
_EN_HALF = re.compile(r"\b(first|second)\s+half\s+(?:of\s+)?(\d{4})")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Lines that name other bodies than the sender: the addressee, the legal basis, the recipients.
_NOT_THE_SENDER = re.compile(r"^(kinh gui|can cu|noi nhan|dong gui|thuc hien|theo)\b")
# The heading of an official document (Decree 30/2020/NĐ-CP): the national or party motto on the right,
# the bodies on the left ("UBND TỈNH CAO BẰNG", "TỈNH HÀ GIANG", "HUYỆN ỦY BẮC QUANG"), the number and
# the date line under them.
_MOTTO = re.compile(r"^(cong hoa xa hoi chu nghia viet nam|doc lap tu do hanh phuc|dang cong san viet nam)$")
_BODY_LINE = re.compile(r"^((uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|ban chap hanh|bch|dang bo|tinh uy|thanh uy"
                        r"|huyen uy|quan uy|thi uy|dang uy)\s+)?(tinh(?! hinh)|thanh pho|huyen|quan(?! ly)|thi xa"
                        r"|xa(?! hoi)|phuong(?! an| thuc| huong)|thi tran)\b")
# What stands for words taken out of a folded line: fold keeps '%', so the words either side never join
# into a period ('năm' + '2025').
_GAP = " % "
# A file name's period that goes on past what the pattern read ('2024' of '2024-05').
_CUT_SHORT = re.compile(r"[-.](\d{1,2})(?!\d)")
_RANGE_NAME = re.compile(r"_to_(\d{4}(?:-\d{2})?)(?![\d-])")
_FREQUENCY_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


@dataclass
class Identity:
    """What a submission is for, and what stopped telling it."""

    program: str | None = None
    unit: str | None = None
    period: str | None = None
    problems: list[Problem] = field(default_factory=list)
    # Where the unit and the period were read: 'option' (--unit, --period), 'cell' (an identification cell, a
    # title line, the data-kind line: `*_cell` names it) or 'file_name'; None when not told.
    unit_from: str | None = None
    unit_cell: str | None = None
    period_from: str | None = None
    period_cell: str | None = None


def identify(path: Path, layout: TableLayout, ctx: ReadContext) -> Identity:
    """Give the program, unit and period of the submission laid out in `layout`, with any problem."""
    found = Identity()
    where = Location(str(path), layout.sheet.name)
    from_name = _from_file_name(path, ctx.filename_pattern, ctx.programs)
    program = _identify_program(found, layout, ctx, where, from_name)
    _identify_unit(found, layout, ctx, where, from_name, program)
    _identify_period(found, layout, ctx, where, from_name, program)
    if program and found.unit and program.scope in ctx.units and not ctx.units.is_under(found.unit, program.scope):
        # Stored, its figures would never count in the program's reports: refuse it instead.
        found.problems.append(Problem("submission.unit_outside_scope", location=_label_location(layout, "unit", where),
                                      params={"unit": found.unit, "program": program.code, "scope": program.scope}))
    elif program and found.unit and unexpected_reporters(program, ctx.units, [found.unit]):
        # Stored and counted (its figures are real), but the program did not ask it: said here, by `check` and in
        # the report's coverage line, so that a department's 40 people never join the districts' sums unseen.
        unit = ctx.units.get(found.unit)
        location = Location(where.file, where.sheet, found.unit_cell) if found.unit_cell else where
        found.problems.append(Problem("submission.unexpected_reporter", Severity.WARNING, location, {
            "unit": f"{unit.name} ({unit.code})", "unit_code": unit.code, "program": program.code,
            "reporters": _some(list(program.reporters or []))}))
    if found.unit and found.period:
        _unit_lived(found, layout, ctx, where)
    return found


def _unit_lived(found: Identity, layout: TableLayout, ctx: ReadContext, where: Location) -> None:
    """Refuse a report for a period wholly outside its unit's life (units.yaml `from:`, `until:`): a dissolved
    district's quarter after the reform would be added beside the new commune that holds the same people."""
    unit, period = ctx.units.get(found.unit), Period.parse(found.period)
    if unit.lived(period.start, period.end):
        return
    # The cell to correct is the one the period was read from, else the unit's; a period from the file name or
    # --period has no cell, and the advice says where it came from instead of 'this cell'.
    cell = found.period_cell or found.unit_cell
    location = Location(where.file, where.sheet, cell) if cell else where
    fix = {"cell": "submission.life_fix.cell", "file_name": "submission.life_fix.file_name",
           "option": "submission.life_fix.option"}.get(found.period_from or "", "submission.life_fix.cell")
    said = {"period": found.period, "file": Path(where.file or "").name}
    params = {"unit": f"{unit.name} ({unit.code})", "period": found.period,
              "fix": render(fix, "en", **said), "fix_vi": render(fix, "vi", **said)}
    if unit.until is not None and period.start > unit.until:
        day = (unit.until + timedelta(days=1)).strftime("%d/%m/%Y")
        successor = ctx.units.units.get(unit.merged_into) if unit.merged_into else None
        if successor is not None:
            code = "submission.unit_merged"
            params["successor"] = f"{successor.name} ({successor.code})"
        else:
            code = "submission.unit_ended"
    else:
        code, day = "submission.unit_not_yet", unit.began.strftime("%d/%m/%Y")
    params["day"] = day
    found.problems.append(Problem(code, location=location, params=params))


def _identify_program(found: Identity, layout: TableLayout, ctx: ReadContext, where: Location,
                      from_name: dict[str, str]) -> Program | None:
    text = ctx.program or _label(layout, "program")
    if text is None:
        text = program_in_titles([t for t, _ in layout.title_lines], ctx.programs)
    if text is None:
        text = from_name.get("program")
    if text is None and len(ctx.programs) == 1:
        text = next(iter(ctx.programs))
    if text is None:
        found.problems.append(Problem("submission.no_program", location=where))
        return None
    match = [p for p in ctx.programs.values() if _code_key(p.code) == _code_key(text)]
    if not match:
        found.problems.append(Problem("program.not_found", location=_label_location(layout, "program", where),
                                      params={"program": text, "known": ", ".join(ctx.programs)}))
        return None
    found.program = match[0].code
    return match[0]


def program_in_titles(lines: list[str], programs: dict[str, Program]) -> str | None:
    """Give the code of the one program whose code ('08-CTr/TU') or title the title lines quote."""
    text = " | ".join(_plain(line) for line in lines)
    codes = {m[1].lstrip("0") + m[2] + m[3] for m in _PROGRAM_CODE.finditer(text)}
    hits = [p.code for p in programs.values() if _code_key(p.code) in codes]
    if not hits:
        folded = fold(" | ".join(lines))
        hits = [p.code for p in programs.values() if len(fold(p.title)) > 20 and fold(p.title) in folded]
    return hits[0] if len(hits) == 1 else None


def _identify_unit(found: Identity, layout: TableLayout, ctx: ReadContext, where: Location,
                   from_name: dict[str, str], program: Program | None) -> None:
    text = ctx.unit or _label(layout, "unit")
    if text is not None:
        found.unit = ctx.units.match(text)
        found.unit_from = "option" if ctx.unit else "cell"
        found.unit_cell = None if ctx.unit else _label_location(layout, "unit", where).cell
        if found.unit is None:
            location = where if ctx.unit else _label_location(layout, "unit", where)
            near = ", ".join(ctx.units.closest(text))
            hint = "unit.not_found.in_file" if near else "unit.not_found.in_file.none"  # no 'Gần giống: -'
            found.problems.append(Problem("unit.not_found", location=location, params={
                "unit": text, "near": near or "-", "hint": render(hint, "en", near=near),
                "hint_vi": render(hint, "vi", near=near),
                **({"opt_near": render("unit.near", "en", near=near), "opt_near_vi": render("unit.near", "vi", near=near)}
                   if near else {})}))
        return
    lines = joined_heading([(t, cell) for t, cell in layout.title_lines if not _NOT_THE_SENDER.match(fold(t))])
    scope = program.scope if program else None
    candidates = units_in_titles([t for t, _ in lines], ctx.units, scope)
    parents = _parents_in_heading(candidates, lines, ctx.units, program)
    candidates = [c for c in candidates if c not in parents]
    by_name = ctx.units.match(from_name["unit"]) if from_name.get("unit") else None
    if parents and not candidates and by_name is None:
        unit, cell = next(iter(parents.items()))
        found.problems.append(Problem("submission.unit_from_heading",
                                      location=Location(where.file, where.sheet, cell),
                                      params={"unit": f"{ctx.units.get(unit).name} ({unit})",
                                              "unit_name": ctx.units.get(unit).name, "line": _line_at(layout, cell),
                                              "program": program.code,
                                              "reporters": _some(_reporters(program, ctx.units) or [])}))
        return
    if len(candidates) == 1:
        found.unit = candidates[0]
        found.unit_from = "cell"
        found.unit_cell = next((cell for t, cell in lines if found.unit in units_in_titles([t], ctx.units, scope)), None)
    elif len(candidates) > 1 and by_name is not None:
        found.unit, found.unit_from = by_name, "file_name"  # the title names two units; the file name says which
    elif len(candidates) > 1:
        found.problems.append(Problem("submission.ambiguous_unit", location=where,
                                      params={"candidates": ", ".join(candidates)}))
    elif from_name.get("unit") and ctx.units.match(from_name["unit"]):
        found.unit, found.unit_from = ctx.units.match(from_name["unit"]), "file_name"
    elif from_name.get("unit"):  # the name says which unit, but the registry lacks it: say so, not "cannot tell"
        found.problems.append(Problem("submission.unit_from_file_name_unknown", location=where, params={
            "unit": from_name["unit"], "near": ", ".join(ctx.units.closest(from_name["unit"])) or "-"}))
    else:
        found.problems.append(Problem("submission.no_unit", location=where))


def joined_heading(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Give the title lines with each body written under its parent read as one name too: the Party heading
    "TỈNH ỦY LẠNG SƠN" over "BAN TỔ CHỨC" is "Ban Tổ chức Tỉnh ủy Lạng Sơn", and "UBND HUYỆN CAO LỘC" over
    "PHÒNG NỘI VỤ" is "Phòng Nội vụ huyện Cao Lộc" (at the lower line's cell)."""
    at = {cell: text for text, cell in lines}
    out = list(lines)
    for text, cell in lines:
        column, row = re.sub(r"\d+$", "", cell), _row_of(cell)
        upper = at.get(f"{column}{row - 1}")
        if upper is None or text != text.upper() or len(fold(text).split()) > 6 or _BODY_LINE.match(fold(text)):
            continue
        if _MOTTO.match(fold(text)) or upper != upper.upper() or not (m := _BODY_LINE.match(fold(upper))):
            continue
        folded = fold(upper)
        out.append((f"{fold(text)} {folded}", cell))
        if m[1] and m[2] in ("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"):  # "Phòng Nội vụ huyện ..."
            out.append((f"{fold(text)} {folded[m.end(1):]}", cell))
    return out


def _reporters(program: Program, units: UnitTree) -> list[str] | None:
    """Give the units that report on the program: its `reporters`, else every unit under its scope (None: any)."""
    if program.reporters is not None:
        return list(program.reporters)
    if program.scope in units:
        return units.descendants(program.scope)
    return None


def _parents_in_heading(candidates: list[str], lines: list[tuple[str, str]], units: UnitTree,
                        program: Program | None) -> dict[str, str]:
    """Give the units named only in the document's heading that are parents of the program's reporters,
    not reporters themselves ('TỈNH HÀ GIANG' over a district's cleared name), each with the cell naming it."""
    reporters = _reporters(program, units) if program is not None else None
    if not reporters:
        return {}
    sending = set(reporters)
    parents = [c for c in candidates
               if c not in sending and any(r != c and r in units and units.is_under(r, c) for r in sending)]
    if not parents:
        return {}
    motto_rows = {_row_of(cell) for text, cell in lines if _MOTTO.match(fold(text))}
    heading = [(t, cell) for t, cell in lines if _row_of(cell) in motto_rows or _is_heading_line(t)]
    elsewhere = set(units_in_titles([t for t, cell in lines if (t, cell) not in heading], units, program.scope))
    found = {}
    for code in parents:
        if code in elsewhere:
            continue
        cell = next((cell for t, cell in heading if code in units_in_titles([t], units, program.scope)), None)
        if cell is not None:
            found[code] = cell
    return found


def _some(codes: list[str], most: int = 8) -> str:
    return ", ".join(codes[:most]) + (", …" if len(codes) > most else "")


def _is_heading_line(text: str) -> bool:
    """Tell whether a line is the heading's body ('UBND TỈNH CAO BẰNG', typed in capitals) or its date line."""
    key = fold(text)
    body = text == text.upper() and len(key.split()) <= 8 and _BODY_LINE.match(key)
    return bool(body or _DATE_TEXT.search(key))


def _row_of(cell: str) -> int:
    return int(re.sub(r"^[A-Z]+", "", cell) or 0)


def _line_at(layout: TableLayout, cell: str) -> str:
    return next((t for t, c in layout.title_lines if c == cell), "")


def units_in_titles(lines: list[str], units: UnitTree, scope: str | None = None) -> list[str]:
    """Give the units the title lines name, most specific only: a name inside a longer one and an
    ancestor of another unit named (the parent body, the province in the date line) drop out."""
    # Every run of words of a title line is looked up among the folded names (a dict built once per
    # tree): the same mentions as searching each line for every unit's name, without the scan of
    # the whole registry per line that made import quadratic in the number of units.
    allowed = scope if scope in units else None
    names, longest = units.names_by_key()
    spans: dict[str, list[tuple[int, int, int]]] = {}  # unit -> (line, start, end) of each mention
    for i, line in enumerate(lines):
        words = fold(line).split(" ")
        starts, at = [], 0
        for w in words:
            starts.append(at)
            at += len(w) + 1
        for a in range(len(words)):
            for b in range(a + 1, min(len(words), a + longest) + 1):
                name = " ".join(words[a:b])
                if len(name) < 4:
                    continue
                for code in names.get(name, ()):
                    if allowed is None or units.is_under(code, allowed):
                        spans.setdefault(code, []).append((i, starts[a], starts[b - 1] + len(words[b - 1])))

    def inside_other(code: str) -> bool:
        return all(any(o != code and li == lo and so <= s and e <= eo and (eo - so) > (e - s)
                       for o, others in spans.items() for lo, so, eo in others)
                   for li, s, e in spans[code])

    named = [c for c in spans if not inside_other(c)]
    ancestors = {a for c in named for a in named if a != c and units.is_under(c, a)}
    return sorted(c for c in named if c not in ancestors)


def _identify_period(found: Identity, layout: TableLayout, ctx: ReadContext, where: Location,
                     from_name: dict[str, str], program: Program | None) -> None:
    text = ctx.period or _label(layout, "period")
    source = ("option", None) if ctx.period else ("cell", _label_location(layout, "period", where).cell)
    unit_name = ctx.units.get(found.unit).name if found.unit and found.unit in ctx.units else None
    if text is not None and not ctx.period:
        text = period_in_text(text) or text  # "Kỳ báo cáo: 6 tháng đầu năm 2023"
    set_aside: tuple[str, str] | None = None
    if text is None:
        lines, set_aside = _title_without_program_periods(layout.title_lines, program, found.unit, unit_name)
        text = period_in_text(" | ".join(lines))
        source = ("cell", next((cell for line, (_, cell) in zip(lines, layout.title_lines)
                                if text is not None and period_in_text(line) == text), None))
        if text is None:
            text, source = from_name.get("period"), ("file_name", None)
    kind = layout.kind
    if text is None and kind is not None and kind.span is not None and kind.span.first_year:  # "TH năm 2022"
        said = kind.period_in(kind.span.first_year)
        text = said.label if said else None
        source = ("cell", kind.cell)
    found.period_from, found.period_cell = source
    if text is None and set_aside is not None:
        period, cell = set_aside
        found.problems.append(Problem("submission.period_from_program_title",
                                      location=Location(where.file, where.sheet, cell),
                                      params={"found": period, "line": _line_at(layout, cell), "program": program.code}))
        return
    if text is None:
        found.problems.append(Problem("submission.no_period", location=where))
        return
    try:
        period = Period.parse(text)
    except PeriodError:
        location = where if ctx.period else _label_location(layout, "period", where)
        found.problems.append(Problem("period.invalid", location=location, params={"found": text}))
        return
    found.period = period.label
    if kind is not None and not ctx.period:
        _period_with_kind(found, layout, period, where)
    if not ctx.period:
        _sources_differ(found, layout, program, period, where, from_name, unit_name)
    if program is not None and found.period is not None:
        _inside_program(found, layout, program, where)


def _inside_program(found: Identity, layout: TableLayout, program: Program, where: Location) -> None:
    """Refuse a report for a period wholly outside its program's (a mistyped year, '2024-Q4' in a 2025 program):
    stored, it counted in no report, was filed under done/2024-Q4/, and the unit stayed missing for its quarter
    while `check` and `feedback` refused to speak of that period."""
    whole, said = program.period_value, Period.parse(found.period)
    if not (said.end < whole.start or said.start > whole.end):
        return
    cell = found.period_cell if found.period_from == "cell" else None
    location = Location(where.file, where.sheet, cell) if cell else where
    if found.period_from == "file_name":
        source: tuple[str, dict[str, str]] = ("file_name", {"file": Path(where.file or "").name, "period": said.label})
    elif found.period_from == "option":
        source = ("option", {"period": said.label})
    else:
        source = ("cell", {"cell": cell or "?", "period": said.label})
    params = {"period": said.label, "program": program.code, "program_period": program.period}
    for lang, suffix in (("en", ""), ("vi", "_vi")):
        params["said" + suffix] = render(f"submission.period_source.{source[0]}", lang, **source[1])
    found.problems.append(Problem("submission.period_not_in_program", location=location, params=params))


def _sources_differ(found: Identity, layout: TableLayout, program: Program | None, period: Period, where: Location,
                    from_name: dict[str, str], unit_name: str | None = None) -> None:
    """Refuse the file when the title or the file name names another period than the one read ('Quý IV/2025' over
    a cell '2025-Q3', a file '…_2025-Q4.xlsx'): stored under the cell's period, last quarter's copied file replaced
    another quarter's figures. Only --period (the analyst's word) decides between them. A title naming a year or
    more that holds the cell's period ('NĂM 2025' over '2025-Q3') does not contradict it, nor a file name whose
    period overlaps it ('2016' of '…_2016_to_2019-05'); the program's own period in its title is set aside."""
    others: list[tuple[str, dict[str, str]]] = []
    read = _parsed(found.period) or period  # a year the data-kind line made a half ('Năm: 2022', 'TH 6 tháng')
    if _label(layout, "period") is not None:  # the period cell against the title
        label_rows = {_row_of(cell) for _, cell in layout.labels.values() if cell}
        title = [(t, cell) for t, cell in layout.title_lines if _row_of(cell) not in label_rows]
        lines, _ = _title_without_program_periods(title, program, found.unit, unit_name)
        said = period_in_text(" | ".join(lines))
        named = _parsed(said)
        within_year = named is not None and named.start.year == named.end.year
        if named is not None and named != period and not (named == read or (
                named.contains(read) and named.kind not in ("quarter", "half", "month")
                and not (named.kind == "range" and within_year)  # '9 tháng đầu năm 2025' over 2025-Q3
        ) or (named.kind == "month" and read.contains(named))):  # 'Tháng 3 năm 2025' over 2025-Q1
            cell = next((cell for line, (text, cell) in zip(lines, title) if period_in_text(line) == said), None)
            others.append(("title", {"cell": cell or "?", "line": _line_at(layout, cell) if cell else "",
                                     "period": named.label}))
        elif (until := next(((day, cell) for line, (_, cell) in zip(lines, title)
                             if (day := _until_outside(line, read))), None)) is not None:
            others.append(("title", {"cell": until[1] or "?", "line": _line_at(layout, until[1]) if until[1] else "",
                                     "period": until[0]}))
        title_agrees = named is not None and not others
    else:
        title_agrees = False
    by_name = _parsed(from_name.get("period")) if found.period_from != "file_name" else None
    if by_name is not None and by_name.kind == "year" and title_agrees:
        by_name = None  # 'SNV_2025 gui ngay 10-01.xlsx': a bare year may be the day it was sent, not its period
    if by_name is not None and (by_name.end < read.start or read.end < by_name.start):
        others.append(("file_name", {"file": Path(where.file or "").name, "period": by_name.label}))
    if not others:
        return
    if _label(layout, "period") is not None:
        location, mine = _label_location(layout, "period", where), ("cell", {"cell": _label_location(
            layout, "period", where).cell or "?", "period": period.label})
    else:  # read from a title line or the data-kind line
        cell = found.period_cell
        location = Location(where.file, where.sheet, cell) if cell else where
        mine = ("title", {"cell": cell or "?", "line": _line_at(layout, cell) if cell else "", "period": read.label})
    params = {"period": read.label, "periods": ", ".join(dict.fromkeys(p["period"] for _, p in others))}
    for lang, suffix in (("en", ""), ("vi", "_vi")):
        params["said" + suffix] = render(f"submission.period_source.{mine[0]}", lang, **mine[1])
        params["others" + suffix] = render("submission.period_source.and", lang).join(
            render(f"submission.period_source.{kind}", lang, **p) for kind, p in others)
    found.problems.append(Problem("submission.period_differs", location=location, params=params))


def _parsed(text: str | None) -> Period | None:
    if not text:
        return None
    try:
        return Period.parse(text)
    except PeriodError:
        return None


def _title_without_program_periods(title_lines: list[tuple[str, str]], program: Program | None,
                                   unit: str | None, unit_name: str | None = None
                                   ) -> tuple[list[str], tuple[str, str] | None]:
    """Give the title lines with the periods that describe the program taken out, and the first one taken out
    (period, cell): in a line naming the program, the program's own period, and in the program's title quoted,
    any period, when longer than the unit reports at ('giai đoạn 2024 - 2025' over a monthly report). A program
    that says no frequency, or reports once for its whole period, keeps its period: it may be the report's.
    The reporting unit's own name is no title either ('ỦY BAN NHÂN DÂN XÃ BÌNH THUỘC VÙNG ĐẶC BIỆT KHÓ KHĂN GIAI ĐOẠN
    2026 - 2030', the heading the template writes): a period inside it is the name's, never the report's."""
    name = fold(unit_name) if unit_name and len(unit_name) > 12 else None
    if name is not None:
        title_lines = [(text if name not in fold(text) else fold(text).replace(name, _GAP), cell)
                       for text, cell in title_lines]
    if program is None:
        return [t for t, _ in title_lines], None
    own = Period.parse(program.period)
    frequency = program.unit_reporting.get(unit or "") or program.reporting
    title = fold(program.title)
    code = _code_key(program.code)
    lines, set_aside = [], None
    for text, cell in title_lines:
        key = fold(text)
        quotes_title = len(title) > 20 and title in key
        names_code = code in {m[1].lstrip("0") + m[2] + m[3] for m in _PROGRAM_CODE.finditer(_plain(text))}
        if quotes_title:
            said = period_in_text(title)
            if said and _longer_than(Period.parse(said), frequency):
                key, set_aside = key.replace(title, _GAP), set_aside or (said, cell)
        while ((quotes_title or names_code) and _longer_than(own, frequency) and (said := _period_and_rest(key))
               and _same(said[0], own)):
            key, set_aside = said[1], set_aside or (said[0], cell)
        lines.append(text if key == fold(text) else key)
    return lines, set_aside


def _same(label: str, period: Period) -> bool:
    try:
        return Period.parse(label) == period
    except PeriodError:
        return False


def _longer_than(period: Period, frequency: str | None) -> bool:
    """Tell whether a period spans more months than the frequency a unit reports at (False when none is set)."""
    if frequency not in _FREQUENCY_MONTHS:
        return False
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    return months > _FREQUENCY_MONTHS[frequency]


def _period_with_kind(found: Identity, layout: TableLayout, period: Period, where: Location) -> None:
    """Refine a year by the data-kind line ('Năm: 2022' with 'TH 6 tháng' is 2022-H1), or refuse a contradiction
    ('6 THÁNG ĐẦU NĂM 2022' in the title, 'TH Năm' in the line)."""
    kind = layout.kind
    said = kind.period_in(period.end.year) if kind is not None else None
    if kind is None or said is None or said == period:
        return
    if period.kind == "year" and period.contains(said) and not kind.span.first_year:
        found.period = said.label
        return
    found.problems.append(Problem("data_kind.period_differs", location=Location(where.file, where.sheet, kind.cell),
                                  params={"kind": kind.text, "kind_period": said.label, "period": period.label}))


def period_in_text(text: str) -> str | None:
    """Give the period a title names: 'QUÝ II/2023' -> 2023-Q2, '6 THÁNG ĐẦU NĂM 2023' -> 2023-H1,
    'từ năm 2021 đến ngày 31/5/2023' -> 2021..2023-05, 'NĂM 2022' -> 2022 (a date line's year does
    not count); None when it names none."""
    found = _period_and_rest(text)
    return found[0] if found else None


def _period_and_rest(text: str) -> tuple[str, str] | None:
    """Give the period a text names (as `period_in_text`) and the text folded without the words naming it."""
    try:
        return Period.parse(text.strip()).label, ""
    except PeriodError:
        pass
    if m := _RANGE_TEXT.search(folded := fold(text)):
        return f"{m[1]}..{m[3]}" + (f"-{int(m[2]):02d}" if m[2] else ""), _cut(folded, m)
    key = _DATE_TEXT.sub(" ", folded)
    if (m := _SPAN_TEXT.search(key)) and m[1] < m[2]:
        return f"{m[1]}-{m[2]}", _cut(key, m)
    for m in _QUARTERS_TEXT.finditer(key):
        quarters = [_ROMAN.get(q) or int(q) for q in re.findall(r"\b(i{1,3}|iv|[1-4])\b", m[1])]
        if quarters == list(range(quarters[0], quarters[-1] + 1)):  # 'Quý I và III' names no one span
            return _months_label(int(m[2]), quarters[0] * 3 - 2, quarters[-1] * 3), _cut(key, m)
    if m := _QUARTER_TEXT.search(key):
        return f"{m[2]}-Q{_ROMAN.get(m[1]) or int(m[1])}", _cut(key, m)
    if m := _HALF_TEXT.search(key):
        return f"{m[2]}-H{1 if m[1] == 'dau' else 2}", _cut(key, m)
    for m in _FIRST_MONTHS_TEXT.finditer(key):
        if 2 <= int(m[1]) <= 12:
            return _months_label(int(m[2]), 1, int(m[1])), _cut(key, m)
    for m in _MONTH_TEXT.finditer(key):
        first, last = int(m[1]), int(m[2] or m[1])
        if 1 <= first <= last <= 12:
            return _months_label(int(m[3]), first, last), _cut(key, m)
    if m := _EN_QUARTER.search(key):
        return f"{m[2] or m[4]}-Q{m[1] or m[3]}", _cut(key, m)
    if m := _EN_HALF.search(key):
        return f"{m[2]}-H{1 if m[1] == 'first' else 2}", _cut(key, m)
    if m := _YEAR_TEXT.search(key):
        return m[1], _cut(key, m)
    return None


def _months_label(year: int, first: int, last: int) -> str:
    """Give the label of months first..last of a year, as a quarter, half or year when it is one."""
    span = Period.parse(f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}..{year}-{last:02d}")
    for label in [f"{year}"] + [f"{year}-H{h}" for h in (1, 2)] + [f"{year}-Q{q}" for q in range(1, 5)]:
        if Period.parse(label) == span:
            return label
    return span.label


def _until_outside(text: str, period: Period) -> str | None:
    """Give the day a title's figures run to ('Lũy kế đến 30/6/2025' -> '30/06/2025') when it lies outside the
    period, or None: a cut-off inside it ('Số liệu tính đến ngày 31/3/2025' over 2025-Q1, or an office's own
    cut-off 'từ ngày 15/12/2024 đến ngày 14/03/2025') does not contradict it."""
    for m in _UNTIL_TEXT.finditer(fold(text)):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        try:
            until = date(year, month, day)
        except ValueError:
            continue
        if not period.start <= until <= period.end:
            return f"{day:02d}/{month:02d}/{year}"
    return None


def _cut(text: str, m: re.Match) -> str:
    return text[:m.start()] + _GAP + text[m.end():]


def _plain(text: str) -> str:
    """Give text lower-cased without diacritics, punctuation kept ('08-CTr/TU' -> '08-ctr/tu')."""
    return strip_diacritics(text).lower()


def _code_key(text: str) -> str:
    key = re.sub(r"[^0-9a-z]", "", fold(text))
    return key.lstrip("0")


def _label(layout: TableLayout, name: str) -> str | None:
    found = layout.labels.get(name)
    return found[0] if found and found[0] else None


def _label_location(layout: TableLayout, name: str, where: Location) -> Location:
    found = layout.labels.get(name)
    return Location(where.file, where.sheet, found[1]) if found else where


def _from_file_name(path: Path, pattern: str | None, programs: dict[str, Program] | None = None) -> dict[str, str]:
    """Give what the file name says (unit, period, and program when it starts with a program's code as `hrplan
    template` writes it: '15-KH-UBND_HBS_2025-Q1.xlsx'), read by the workspace's pattern ('SYT_2023-Q2.xlsx')."""
    if not pattern:
        return {}
    stem = path.stem
    for program in (programs or {}).values():  # the template's name: the pattern reads what follows the program
        prefix = f"{program.slug}_"
        if stem.lower().startswith(prefix.lower()) and (found := _by_pattern(stem[len(prefix):], pattern)):
            return {**found, "program": program.code}
    return _by_pattern(stem, pattern)


def _by_pattern(stem: str, pattern: str) -> dict[str, str]:
    try:
        m = re.search(pattern, stem)
    except re.error:
        return {}
    found = {k: v for k, v in (m.groupdict() if m else {}).items() if v}
    if not found.get("period"):
        return found
    if more := _RANGE_NAME.match(stem, m.end("period")):  # a range as file names write it: '2016_to_2019-05'
        found["period"] = f"{found['period']}..{more[1]}"
    elif more := _CUT_SHORT.match(stem, m.end("period")):
        try:  # 'XHT_2024-05' read by '(?P<period>\d{4}(?:-[QH]\d)?)' is not the year 2024
            Period.parse(f"{found['period']}-{more[1]}")
            del found["period"]
        except PeriodError:
            pass
    return found


def identity_from_name(path: Path, ctx: ReadContext) -> tuple[str | None, str | None, str | None]:
    """Give the program, unit and period of a file that cannot be opened, as its name and the run's options tell
    them, or (None, None, None) unless all three can be told: a damaged '15-KH-UBND_HBS_2025-Q1.xlsx' refused is
    then made good by HBS's next file for that quarter, instead of waiting in rejected/ for the analyst."""
    from_name = _from_file_name(path, ctx.filename_pattern, ctx.programs)
    program_text = ctx.program or from_name.get("program") or (next(iter(ctx.programs)) if len(ctx.programs) == 1
                                                              else None)
    program = next((p for p in ctx.programs.values() if program_text and _code_key(p.code) == _code_key(program_text)),
                   None)
    unit_text = ctx.unit or from_name.get("unit")
    unit = ctx.units.match(unit_text) if unit_text else None
    period = _parsed(ctx.period or from_name.get("period"))
    if program is None or unit is None or period is None:
        return None, None, None
    return program.code, unit, period.label
