"""Per-unit targets kept in a table beside the program file: a CSV or a workbook (first sheet).

Columns: indicator, unit, period, value[, uom]. Each row becomes a `Target` naming its file and row.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import InvalidOperation
from pathlib import Path
from typing import Callable

from hrplan.collector import paused_gc
from hrplan.definitions.programs import Program, Target
from hrplan.problems import HrplanError, Location, Problem


@dataclass
class _Table:
    """A targets table as read: its column names, and where each row is and its values by position."""

    header: list[str]
    header_at: object  # where the header is: a line (CSV) or a cell (workbook)
    rows: Callable[[], list[tuple[object, list]]]  # read when called (after the header is checked)
    pad: str | None  # a row's value in a column it stops short of: '' in a CSV, None in a sheet
    location: Callable[[object], Location]  # a row's place as a problem's location
    source: Callable[[object], str]  # a row's place as a target's source: 't.csv:12', 't.xlsx › Sheet › A2'


def load_targets_table(path: Path, program: Program) -> list[Target]:
    """Give the per-unit targets of a CSV or a workbook (first sheet): columns indicator, unit, period, value[, uom].

    A national table has 132,000 rows: each row is a list read by position, and each target is made from
    values checked here as the model would check them (the same few hundred values and periods parsed
    once each), not validated one by one (0.8 s).
    """
    if not path.exists():
        raise HrplanError(Problem("targets.invalid", location=Location(file=str(path)),
                                  params={"found": "file not found", "found_vi": "không có tệp này", "expected": "the file named by targets_file", "expected_vi": "tệp ghi ở targets_file"}))
    if not path.is_file():
        raise HrplanError(Problem("targets.invalid", location=Location(file=str(path)),
                                  params={"found": "a folder, not a file", "found_vi": "một thư mục, không phải tệp",
                                          "expected": "the file named by targets_file", "expected_vi": "tệp ghi ở targets_file"}))
    table = _workbook_table(path) if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods") else _csv_table(path)
    with paused_gc():  # 132,000 new objects, none in a cycle: collecting cycles meanwhile doubled the time
        return _targets(table, program)


def _targets(table: _Table, program: Program) -> list[Target]:
    """Give the table's targets, column by column when every row fits the header (see `_whole_table`), else
    row by row; raise HrplanError with every row's mistake, each at its line or cell."""
    from hrplan.definitions.periods import Period
    from hrplan.values import parse_number

    missing = {"indicator", "value"} - set(table.header)
    if missing:
        raise HrplanError(Problem("targets.invalid", location=table.location(table.header_at),
                                  params={"found": f"no column {', '.join(sorted(missing))}",
                                          "found_vi": f"không có cột {', '.join(sorted(missing))}",
                                          "expected": "columns indicator, unit, period, value[, uom]",
                                          "expected_vi": "các cột indicator, unit, period, value[, uom]"}))
    known = {i.code for i in program.indicators}
    width = len(table.header)
    columns = {name: j for j, name in enumerate(table.header)}  # a name given twice: its last column, as a dict
    at = [columns.get(name) for name in ("indicator", "value", "unit", "period", "uom")]
    rows = table.rows()
    if all(len(values) == width for _, values in rows):
        targets = _whole_table(rows, at, known, table.source)
        if targets is not None:
            return targets
    ci, vi, ui, pi, oi = at
    problems: list[Problem] = []
    targets = []
    numbers: dict[str, object] = {}  # a national table repeats the same few hundred values
    periods: set[str] = set()  # and the same few periods
    read = sorted(columns.values()) if len(columns) < width else None  # the columns a name given twice leaves
    make, location, source_of, pad = Target.checked, table.location, table.source, table.pad
    for where, values in rows:
        values = [v.strip() if v else v for v in values]
        if len(values) < width:
            values += [pad] * (width - len(values))
        elif len(values) > width:
            extra = [v for v in values[width:] if v]
            if extra:
                problems.append(Problem("targets.invalid", location=location(where), params={
                    "found": f"{width + len(extra)} values for {width} columns ({', '.join(extra)} left over)",
                    "found_vi": f"{width + len(extra)} giá trị cho {width} cột (thừa {', '.join(extra)})",
                    "expected": 'one value per column; a decimal comma must be quoted ("6,5") or written 6.5',
                    "expected_vi": 'mỗi cột một giá trị; số có dấu phẩy thập phân phải để trong ngoặc kép ("6,5") '
                                   "hoặc viết 6.5"}))
                continue
        if not (any(values[:width]) if read is None else any(values[j] for j in read)):
            continue  # a row of blank cells
        code, text = values[ci] or "", values[vi]
        unit = values[ui] if ui is not None else None
        period = values[pi] if pi is not None else None
        uom = values[oi] if oi is not None else None
        if code not in known:
            problems.append(Problem("targets.invalid", location=location(where),
                                    params={"found": f"indicator '{code}'", "found_vi": f"chỉ tiêu '{code}'",
                                            "expected": "an indicator code of the program",
                                            "expected_vi": "mã một chỉ tiêu của chương trình"}))
            continue
        try:
            value = numbers[text] if text in numbers else numbers.setdefault(text, parse_number(text))
            if value is None:
                raise ValueError
            if period and period not in periods:
                Period.parse(period)  # a PeriodError (a ValueError) where it names no period
                periods.add(period)
            targets.append(make(code, value, unit or None, period or None, uom or None, source_of(where)))
        except (ValueError, InvalidOperation):
            problems.append(Problem("targets.invalid", location=location(where),
                                    params={"found": f"value '{text}' / period '{period}'",
                                            "found_vi": f"giá trị '{text}' / kỳ '{period}'",
                                            "expected": "a number and a period such as 2023 or 2021..2023-Q2",
                                            "expected_vi": "một số và một kỳ như 2023 hoặc 2021..2023-Q2"}))
    if problems:
        raise HrplanError(problems)
    return targets


MAX_CSV_BYTES = 20 * 1024**2
MAX_CSV_FIELD = 64 * 1024


def csv_text(path: Path) -> str:
    """Give a CSV file's text, whatever Excel saved it in: UTF-8 (with or without BOM), UTF-16
    ('Unicode text'), or Windows-1258 (Vietnamese Windows, 'CSV' without UTF-8)."""
    data = path.read_bytes()
    if len(data) > MAX_CSV_BYTES:
        raise HrplanError(Problem("targets.invalid", location=Location(file=str(path)),
                                  params={"found": f"a file of {len(data):,} bytes",
                                          "found_vi": f"tệp {len(data):,} byte".replace(",", "."),
                                          "expected": "at most 20 MB", "expected_vi": "tối đa 20 MB"}))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        import unicodedata

        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))  # cp1258 tones are combining marks


def _whole_table(rows: list[tuple[object, list[str]]], at: list[int | None], known: set[str],
                 source_of: Callable[[object], str]) -> list[Target] | None:
    """Give the targets of a table whose rows all fit the header, column by column: each distinct
    value and period is checked once, and no row holds a mistake; None when one may (a blank or
    unknown indicator, a value or period that does not parse): the rows are then read one by one, to
    say where."""
    from itertools import repeat

    from hrplan.definitions.periods import Period, PeriodError
    from hrplan.values import parse_number

    if not rows:
        return []
    columns = list(zip(*(values for _, values in rows)))
    code, text, unit, period, uom = (tuple(map(str.strip, columns[j])) if j is not None else repeat(None) for j in at)
    codes = set(code)
    if "" in codes or not codes <= known:
        return None
    try:
        numbers = {t: parse_number(t) for t in set(text)}
        for p in set(period) if at[3] is not None else ():
            if p:
                Period.parse(p)
    except (ValueError, InvalidOperation, PeriodError):
        return None
    if None in numbers.values():
        return None
    make = Target.checked
    return [make(c, numbers[t], u or None, p or None, o or None, source_of(where))
            for c, t, u, p, o, (where, _) in zip(code, text, unit, period, uom, rows)]


def _csv_table(path: Path) -> _Table:
    """Give a targets CSV as a table: the header's names, then each row by its line.

    The delimiter is ',' or, as Excel writes it on a Vietnamese Windows (decimal comma), ';' or a tab.
    Values beyond the header's columns stay in the row (a decimal comma not quoted: '6,5').
    """
    import io

    text = csv_text(path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    file, name = str(path), path.name
    try:
        header = [(k or "").strip().lower() for k in next(reader, [])]
    except csv.Error as exc:
        raise _not_csv(file, reader, exc) from None

    def rows() -> list[tuple[int, list[str]]]:
        whole = _one_line_rows(text, delimiter)
        if whole is not None:
            return whole
        read = []
        try:
            for values in reader:
                if not values:
                    continue  # a blank line (reader.line_num still counts it)
                if max(map(len, values)) > MAX_CSV_FIELD:
                    raise HrplanError(Problem("targets.invalid", location=Location(file=file, line=reader.line_num),
                                              params={"found": "a value longer than 64 KB",
                                                      "found_vi": "một giá trị dài quá 64 KB",
                                                      "expected": "one short value per column",
                                                      "expected_vi": "mỗi cột một giá trị ngắn"}))
                read.append((reader.line_num, values))  # the file's line, even after blank lines
        except csv.Error as exc:
            raise _not_csv(file, reader, exc) from None
        return read

    return _Table(header, 1, rows, "", lambda line: Location(file=file, line=line), lambda line: f"{name}:{line}")


def _one_line_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]] | None:
    """Give each row of a CSV text after the header with its line, read in one go, when every row is one line
    and no line is longer than a value may be; None otherwise (the rows are then read one by one, to say
    where a value is too long or the text stops being CSV)."""
    import io

    if max(map(len, text.split("\n"))) > MAX_CSV_FIELD:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        read = list(reader)
    except csv.Error:
        return None
    if reader.line_num != len(read):  # a quoted value spans lines
        return None
    return [(line, values) for line, values in enumerate(read[1:], start=2) if values]


def _not_csv(file: str, reader, exc: csv.Error) -> HrplanError:
    return HrplanError(Problem("targets.invalid", location=Location(file=file, line=reader.line_num),
                               params={"found": f"not readable as CSV ({exc})", "found_vi": f"không đọc được như CSV ({exc})",
                                       "expected": "one row per line", "expected_vi": "mỗi dòng một hàng"}))


def _workbook_table(path: Path) -> _Table:
    """Give a targets sheet (the first visible sheet) as a table: header row first, each row by its cell A."""
    from hrplan.workbooks import read_workbook  # the workbook reader loads only for targets kept in a workbook

    sheet = next((s for s in read_workbook(path).sheets if s.visible), None)
    grid = sheet.grid if sheet else []
    header = [str(v).strip().lower() for v in (grid[0] if grid else [])]
    named = [j for j, h in enumerate(header) if h]  # columns without a caption are not read
    named = [j for j, h in enumerate(header) if h]  # columns without a caption are not read

    def rows() -> list[tuple[str, list[str]]]:
        return [(f"A{r + 1}", [str(values[j]).strip() for j in named if j < len(values)])  # a short row stays short
                for r, values in enumerate(grid[1:], start=1)]

    file, name, sheet_name = str(path), path.name, sheet.name if sheet else None
    return _Table([header[j] for j in named], "A1", rows, None,
                  lambda cell: Location(file=file, sheet=sheet_name, cell=cell),
                  lambda cell: f"{name} › {sheet_name} › {cell}")
