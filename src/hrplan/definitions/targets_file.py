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
from hrplan.workbooks import read_workbook


def load_targets_table(path: Path, program: Program) -> list[Target]:
    """Give the per-unit targets of a CSV or a workbook (first sheet): columns indicator, unit, period, value[, uom]."""
    from hrplan.values import parse_number

    if not path.exists():
        raise HrplanError(Problem("targets.invalid", location=Location(file=str(path)),
                                  params={"found": "file not found", "expected": "the file named by targets_file"}))
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


def _csv_rows(path: Path):
    """Yield (location, row) for a targets CSV: first the header (as keys), then each row by its line."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = [(k or "").strip().lower() for k in next(reader, [])]
        yield Location(file=str(path), line=1), {k: "" for k in header}
        file = str(path)
        width = len(header)
        for values in reader:
            if not values:
                continue  # a blank line (reader.line_num still counts it)
            if len(values) < width:
                values = values + [""] * (width - len(values))
            # reader.line_num is the file's line, even after blank lines
            yield Location(file=file, line=reader.line_num), {k: v.strip() for k, v in zip(header, values)}


def _workbook_rows(path: Path):
    """Yield (location, row) for a targets sheet (the first visible sheet): header row first."""


    sheet = next((s for s in read_workbook(path).sheets if s.visible), None)
    grid = sheet.grid if sheet else []
    header = [str(v).strip().lower() for v in (grid[0] if grid else [])]
    yield Location(file=str(path), sheet=sheet.name if sheet else None, cell="A1"), {h: "" for h in header if h}
    for r, values in enumerate(grid[1:], start=1):
        row = {h: str(v).strip() for h, v in zip(header, values) if h}
        yield Location(file=str(path), sheet=sheet.name, cell=f"A{r + 1}"), row
