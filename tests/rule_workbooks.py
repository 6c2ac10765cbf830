"""Real workbooks for the rule tests: a quarterly test program, units' templates filled in and imported."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from hrplan.importer import import_files
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET

PROGRAM = "QT-01/KH"
PROGRAM_FILE = "QT-01-KH.yaml"
PROGRAM_YAML = """\
code: QT-01/KH
title: Kế hoạch thử nghiệm đào tạo, bồi dưỡng và quy hoạch cán bộ giai đoạn 2022 - 2025
period: 2022-2025
scope: CB
reporting: quarter
reporters: [SYT, HHA]
indicators:
  - {code: BD, name: Bồi dưỡng cán bộ trong kỳ, uom: người, accumulation: per_period}
  - {code: LK, name: Đào tạo sau đại học lũy kế, uom: người, accumulation: cumulative}
  - {code: PH, name: Trạm y tế có bác sĩ, uom: trạm, kind: coverage}
  - {code: QH, name: Quy hoạch Ban Chấp hành, kind: planning_ratio, band: {min: 1.0, max: 1.5, source: Quy định 377-QĐ/TW}}
  - {code: QH-NU, name: Trong đó nữ, planning: {role: women, of: QH}}
  - {code: QH-TRE, name: Trong đó cán bộ trẻ, planning: {role: young, of: QH}}
  - {code: QH-CD, name: Số người quy hoạch nhiều nhất cho một chức danh, planning: {role: people_per_title}}
  - {code: QH-NG, name: Số chức danh nhiều nhất quy hoạch cho một người, planning: {role: titles_per_person}}
planning_limits: {people_per_title_max: 3, titles_per_person_max: 3, women_min_share: 0.25, young_min_share: 0.15,
                  source: Quy định 377-QĐ/TW}
"""

# An ordinary quarter of a unit: (plan, actual) per indicator, every rule quiet.
GOOD = {"BD": (40, 40), "LK": (None, 10), "PH": (20, 20), "QH": (10, 12), "QH-NU": (None, 4), "QH-TRE": (None, 3),
        "QH-CD": (None, 2), "QH-NG": (None, 2)}


def add_program(ws, extra_yaml: str = "") -> None:
    (ws.root / "programs" / PROGRAM_FILE).write_text(PROGRAM_YAML + extra_yaml, encoding="utf-8")


def declare(ws, yaml_text: str, program_file: str = PROGRAM_FILE) -> None:
    """Append a block (e.g. `checks:`) to a program file of the workspace."""
    path = ws.root / "programs" / program_file
    path.write_text(path.read_text(encoding="utf-8") + yaml_text, encoding="utf-8")


def workbook(run, ws, folder: Path, unit: str, period: str, figures: dict[str, tuple], saved: str | None = None,
             program: str = PROGRAM) -> Path:
    """Give the unit's filled-in template for the period (plan and actual per indicator), saved at `saved` (ISO)."""
    path = folder / f"{unit}_{period}.xlsx"
    result = run("template", "-p", program, "-u", unit, "--period", period, "-o", path, workspace=ws)
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    sheet = wb[MAIN_SHEET]
    rows = {sheet.cell(r, 2).value: r for r in range(HEADER_ROW + 2, sheet.max_row + 1) if sheet.cell(r, 2).value}
    for code, (plan, actual) in figures.items():
        sheet.cell(rows[code], 5).value = plan
        sheet.cell(rows[code], 6).value = actual
    wb.save(path)
    if saved:
        stamp = datetime.fromisoformat(saved).timestamp()
        os.utime(path, (stamp, stamp))
    return path


def submit(run, ws, folder: Path, unit: str, period: str, figures: dict[str, tuple], saved: str | None = None) -> Path:
    """Import the unit's workbook for the period; give its path."""
    path = workbook(run, ws, folder, unit, period, figures, saved)
    (result,) = import_files(ws, [path])
    assert result.outcome.value in ("imported", "updated"), result
    return path


def findings(run, ws, period: str, code: str | None = None, program: str = PROGRAM, *extra: str) -> list[dict]:
    result = run("check", "-p", program, "--period", period, "-f", "json", *extra, workspace=ws)
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.stdout)["findings"]
    return [f for f in found if code is None or f["code"] == code]


def switch_off(ws, code: str, program_file: str = PROGRAM_FILE) -> None:
    declare(ws, f"checks:\n  rules:\n    {code}: {{enabled: false}}\n", program_file)
