"""A small quarterly program in a real workspace, its workbooks made with the template (for the figures tests).

The issue's case: a 2024–2026 program of Tỉnh Thử whose units report quarterly; templates are
written by `hrplan.reports.submission_template`, filled with openpyxl the way a unit would
(numbers, English-locale decimals, notes in 'Ghi chú') and imported for real.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl

from hrplan.definitions import Period
from hrplan.importer import FileResult, import_files
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET, template_file_name, write_template
from hrplan.workspace import Workspace, init_workspace

PROGRAM = """
code: Q-01/KH
title: Chương trình thử báo cáo theo quý
period: 2024-2026
scope: P
reporting: quarter
indicators:
  - {code: DT, name: Cán bộ được đào tạo, name_en: Officials trained, uom: người, accumulation: per_period}
  - {code: KP, name: Kinh phí đào tạo, name_en: Training budget, uom: triệu đồng, accumulation: per_period}
  - {code: QH, name: Quy hoạch lãnh đạo sở, name_en: Planned for department leaders, uom: người, kind: planning_ratio,
     band: {min: 1.0, max: 1.5}}
targets:
  - {indicator: DT, unit: A, period: "2024", value: 40}
  - {indicator: DT, unit: B, period: "2024", value: 60}
  - {indicator: DT, unit: C, period: "2024", value: 100}
  - {indicator: DT, unit: D, period: "2024", value: 50}
  - {indicator: DT, unit: E, period: "2024", value: 20}
  - {indicator: QH, unit: A, period: "2024", value: 2}
  - {indicator: QH, unit: B, period: "2024", value: 3}
  - {indicator: QH, unit: C, period: "2024", value: 3}
reporters: [A, B, C, D, E]
"""
UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: A, name: Sở An, parent: P}
  - {code: B, name: Sở Bình, parent: P}
  - {code: C, name: Sở Công, parent: P}
  - {code: D, name: Sở Đức, parent: P}
  - {code: E, name: Sở Én, parent: P}
"""

# Two departments under the province (the smallest group: a province's sum of two units).
TWO_UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: A, name: Sở An, parent: P}
  - {code: B, name: Sở Bình, parent: P}
"""

# Two districts with two communes each, and a department, under the province (district and commune tests).
DISTRICT_UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: H, name: Huyện Hà, parent: P}
  - {code: A, name: Xã An, parent: H}
  - {code: B, name: Xã Bình, parent: H}
  - {code: K, name: Huyện Kỳ, parent: P}
  - {code: M, name: Xã Mai, parent: K}
  - {code: N, name: Xã Nam, parent: K}
  - {code: C, name: Sở Công, parent: P}
"""


def make_workspace(root: Path, program: str = PROGRAM, units: str = UNITS, store: str | None = None) -> Workspace:
    """Give a new workspace in `root` with the program and units given (and the store at `store`, if given)."""
    init_workspace(root, name="thử", store=store)
    (root / "programs" / "Q-01-KH.yaml").write_text(textwrap.dedent(program).lstrip(), encoding="utf-8")
    (root / "units.yaml").write_text(textwrap.dedent(units).lstrip(), encoding="utf-8")
    return Workspace(root)


def filled_template(ws: Workspace, unit: str, period: str, rows: dict[str, tuple], program: str = "Q-01/KH") -> Path:
    """Write the unit's template for the period and fill it: {indicator: (plan, actual[, note])}.

    A plan of None leaves the template's pre-filled plan as it is; '' clears it.
    """
    prog, per = ws.program(program), Period.parse(period)
    path = write_template(ws.inbox / template_file_name(prog, ws.units.get(unit), per), prog, ws.units.get(unit), per,
                          cutoff=ws.config.cutoff)
    book = openpyxl.load_workbook(path)
    sheet = book[MAIN_SHEET]
    where = {sheet.cell(r, 2).value: r for r in range(HEADER_ROW + 2, sheet.max_row + 1) if sheet.cell(r, 2).value}
    for code, (plan, actual, *note) in rows.items():
        row = where[code]
        if plan is not None:
            sheet.cell(row, 5).value = plan if plan != "" else None
        sheet.cell(row, 6).value = actual
        if note:
            sheet.cell(row, 8).value = note[0]
    book.save(path)
    return path


def send(ws: Workspace, *paths: Path) -> list[FileResult]:
    """Import the files for real and give the results."""
    return import_files(ws, list(paths))


def office_table(path: Path, rows: list[list], estimate: bool = False,
                 columns: tuple[str, ...] = ("Kế hoạch", "Thực hiện")) -> Path:
    """Write an office's own table (not the template): STT | Nội dung | ĐVT | Kế hoạch | Thực hiện [| Ước thực hiện],
    one row per [number, indicator name, unit of measure, plan, actual(, estimate)] (other figure `columns`: as
    many numbers); unit and period come from the file name (the workspace's `filename_pattern`: 'A_2024-Q1.xlsx')."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    sheet.append(["STT", "Nội dung", "ĐVT", *columns] + (["Ước thực hiện"] if estimate else []))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
