"""Per-unit targets kept in a table beside the program file: a CSV or a workbook (first sheet).

Columns: indicator, unit, period, value[, uom]. Each row becomes a `Target` naming its file and row.
"""
from __future__ import annotations

import csv
from decimal import InvalidOperation
from pathlib import Path

from pydantic import ValidationError

from hrplan.definitions.programs import Program, Target
from hrplan.problems import HrplanError, Location, Problem


def load_targets_table(path: Path, program: Program) -> list[Target]:
    """Give the per-unit targets of a CSV or a workbook (first sheet): columns indicator, unit, period, value[, uom]."""
    from hrplan.values import parse_number

    if not path.exists():
        raise HrplanError(Problem("targets.invalid", location=Location(file=str(path)),
                                  params={"found": "file not found", "expected": "the file named by targets_file"}))
    if not path.is_file():
        raise HrplanError(Problem("targets.invalid", location=Location(file=str(path)),
                                  params={"found": "a folder, not a file", "expected": "the file named by targets_file"}))
    rows = _workbook_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods") else _csv_rows(path)
    header_loc, header = next(rows, (Location(file=str(path), line=1), {}))
    missing = {"indicator", "value"} - {k for k in header}
    if missing:
        raise HrplanError(Problem("targets.invalid", location=header_loc,
                                  params={"found": f"no column {', '.join(sorted(missing))}",
                                          "expected": "columns indicator, unit, period, value[, uom]"}))
    known = {i.code for i in program.indicators}
    problems: list[Problem] = []
    targets: list[Target] = []
    numbers: dict[str, object] = {}  # a national table repeats the same few hundred values
    name = path.name
    for loc, row in rows:
        if _EXTRA in row:
            problems.append(Problem("targets.invalid", location=loc, params={
                "found": f"{len(header) + len(row[_EXTRA])} values for {len(header)} columns ({', '.join(row[_EXTRA])} left over)",
                "expected": 'one value per column; a decimal comma must be quoted ("6,5") or written 6.5'}))
            continue
        code = row.get("indicator", "")
        if not any(row.values()):
            continue
        if code not in known:
            problems.append(Problem("targets.invalid", location=loc,
                                    params={"found": f"indicator '{code}'", "expected": "an indicator code of the program"}))
            continue
        try:
            text = row.get("value")
            value = numbers[text] if text in numbers else numbers.setdefault(text, parse_number(text))
            if value is None:
                raise ValueError
            period = row.get("period") or None
            source = f"{name}:{loc.line}" if loc.line else f"{name} › {loc.sheet} › {loc.cell}"
            targets.append(Target(indicator=code, value=value, unit=row.get("unit") or None,
                                  period=period, uom=row.get("uom") or None, source=source))
        except (ValueError, InvalidOperation, ValidationError):
            problems.append(Problem("targets.invalid", location=loc,
                                    params={"found": f"value '{row.get('value')}' / period '{row.get('period')}'",
                                            "expected": "a number and a period such as 2023 or 2021..2023-Q2"}))
    if problems:
        raise HrplanError(problems)
    return targets


_EXTRA = "\x00extra"  # the key of values beyond the header's columns
MAX_CSV_BYTES = 20 * 1024**2
MAX_CSV_FIELD = 64 * 1024


def csv_text(path: Path) -> str:
    """Give a CSV file's text, whatever Excel saved it in: UTF-8 (with or without BOM), UTF-16
    ('Unicode text'), or Windows-1258 (Vietnamese Windows, 'CSV' without UTF-8)."""
    data = path.read_bytes()
    if len(data) > MAX_CSV_BYTES:
        raise HrplanError(Problem("targets.invalid", location=Location(file=str(path)),
                                  params={"found": f"a file of {len(data):,} bytes", "expected": "at most 20 MB"}))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        import unicodedata

        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))  # cp1258 tones are combining marks


def _csv_rows(path: Path):
    """Yield (location, row) for a targets CSV: first the header (as keys), then each row by its line.

    The delimiter is ',' or, as Excel writes it on a Vietnamese Windows (decimal comma), ';' or a tab.
    Values beyond the header's columns are kept under _EXTRA (a decimal comma not quoted: '6,5').
    """
    import io

    text = csv_text(path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    file = str(path)
    try:
        header = [(k or "").strip().lower() for k in next(reader, [])]
        yield Location(file=file, line=1), {k: "" for k in header}
        width = len(header)
        for values in reader:
            if not values:
                continue  # a blank line (reader.line_num still counts it)
            if any(len(v) > MAX_CSV_FIELD for v in values):
                raise HrplanError(Problem("targets.invalid", location=Location(file=file, line=reader.line_num),
                                          params={"found": "a value longer than 64 KB", "expected": "one short value per column"}))
            row = {k: v.strip() for k, v in zip(header, values)}
            extra = [v.strip() for v in values[width:] if v.strip()]
            if extra:
                row[_EXTRA] = extra
            for k in header[len(values):]:
                row[k] = ""
            # reader.line_num is the file's line, even after blank lines
            yield Location(file=file, line=reader.line_num), row
    except csv.Error as exc:
        raise HrplanError(Problem("targets.invalid", location=Location(file=file, line=reader.line_num),
                                  params={"found": f"not readable as CSV ({exc})", "expected": "one row per line"})) from None


def _workbook_rows(path: Path):
    """Yield (location, row) for a targets sheet (the first visible sheet): header row first."""
    from hrplan.workbooks import read_workbook  # the workbook reader loads only for targets kept in a workbook

    sheet = next((s for s in read_workbook(path).sheets if s.visible), None)
    grid = sheet.grid if sheet else []
    header = [str(v).strip().lower() for v in (grid[0] if grid else [])]
    yield Location(file=str(path), sheet=sheet.name if sheet else None, cell="A1"), {h: "" for h in header if h}
    for r, values in enumerate(grid[1:], start=1):
        row = {h: str(v).strip() for h, v in zip(header, values) if h}
        yield Location(file=str(path), sheet=sheet.name, cell=f"A{r + 1}"), row
