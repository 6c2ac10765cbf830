"""A file whose period cell, title and file name name different periods is refused, not stored under the cell's.

Found by a tester: HBS's 2025-Q4 template (title 'Quý IV/2025', name '…_HBS_2025-Q4.xlsx') with '2025-Q3' left in
its period cell (last quarter's file copied) replaced HBS's 2025-Q3 figures, exit 0, and the log said nothing; a file
named 'HVQ_2025-Q2.xlsx' (the workspace's own filename_pattern) replaced HVQ's 2025-Q1.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import openpyxl

from hrplan.importer import import_files
from inbox_builder import consolidate
from quarterly import UNITS, filled_template, make_workspace

PERIOD_CELL = "D10"  # the template's 'Kỳ báo cáo:' value


def _with_period_cell(path: Path, period: str) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet["B10"].value == "Kỳ báo cáo:"
    sheet[PERIOD_CELL].value = period
    book.save(path)
    return path


def _stored(ws, unit: str, period: str) -> list[tuple[str, object]]:
    with ws.open_store() as store:
        record = store.current("Q-01/KH", unit, period)
        return None if record is None else (record.file_name, record.id)


def test_the_nightly_job_refuses_last_quarters_period_cell_under_this_quarters_title(tmp_path: Path):
    ws = make_workspace(tmp_path / "ws")
    filled_template(ws, "A", "2024-Q3", {"DT": (None, 7)})
    assert consolidate(ws).returncode == 0
    q3 = _stored(ws, "A", "2024-Q3")
    # This quarter's template, its period cell copied from last quarter's file.
    copied = _with_period_cell(filled_template(ws, "A", "2024-Q4", {"DT": (None, 12)}), "2024-Q3")
    stamp = copied.stat().st_mtime - 60
    os.utime(copied, (stamp, stamp))
    night = consolidate(ws, "--json")
    assert night.returncode == 3, night.stderr  # done, some files rejected
    assert _stored(ws, "A", "2024-Q3") == q3 and _stored(ws, "A", "2024-Q4") is None  # nothing replaced
    (entry,) = json.loads(night.stdout)["files"]
    assert entry["outcome"] == "rejected" and entry["moved_to"] == f"rejected/{copied.name}"
    reason = (ws.root / "rejected" / f"{copied.name}.reason.txt").read_text(encoding="utf-8")
    assert "Kỳ báo cáo không khớp: ô D10 ghi 2024-Q3 nhưng tiêu đề (ô A6: 'Quý IV/2024" in reason
    assert "ghi 2024-Q4" in reason and "Hãy sửa ô kỳ báo cáo hoặc tiêu đề cho đúng kỳ của số liệu rồi gửi lại tệp" in reason
    assert "The report's period does not agree: cell D10 says 2024-Q3 but the title (cell A6" in reason
    assert "--period" not in reason.split("[Cho cán bộ tổng hợp")[0]  # the clerk's part names no option
    assert "hrplan import <file> --period <period>" in reason  # the analyst's part says how to decide
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    line = next(x for x in log.splitlines() if " rejected " in x)
    assert copied.name in line and "D10" in line and "2024-Q4" in line


def test_a_file_name_naming_another_period_refuses_it_and_period_decides(tmp_path: Path, run):
    ws = make_workspace(tmp_path / "ws")
    made = filled_template(ws, "B", "2024-Q1", {"DT": (None, 5)})  # cell and title both 2024-Q1
    named = made.with_name("B_2024-Q2.xlsx")  # the name the workspace's filename_pattern reads as 2024-Q2
    made.rename(named)
    (result,) = import_files(ws, [named])
    assert result.outcome.value == "rejected"
    (error,) = [p for p in result.problems if p.is_error]
    assert error.code == "submission.period_differs" and error.location.cell == PERIOD_CELL
    assert "ô D10 ghi 2024-Q1 nhưng tên tệp 'B_2024-Q2.xlsx' ghi 2024-Q2" in error.message("vi")
    assert _stored(ws, "B", "2024-Q1") is None
    # The CLI says so and exits 3; --period is the analyst's word on which period it is.
    refused = run("import", named, workspace=ws, lang="en")
    assert refused.exit_code == 3 and "the file name 'B_2024-Q2.xlsx' says 2024-Q2" in " ".join(refused.output.split())
    taken = run("import", named, "--period", "2024-Q1", workspace=ws)
    assert taken.exit_code == 0, taken.output
    assert _stored(ws, "B", "2024-Q1") is not None and _stored(ws, "B", "2024-Q2") is None


def test_a_year_or_a_range_in_the_name_or_title_that_holds_the_period_is_no_contradiction(tmp_path: Path):
    ws = make_workspace(tmp_path / "ws")
    made = filled_template(ws, "C", "2024-Q2", {"DT": (None, 5)})
    book = openpyxl.load_workbook(made)
    book.worksheets[0]["A6"].value = "NĂM 2024"
    book.save(made)
    named = made.with_name("C_2024_bao-cao.xlsx")
    made.rename(named)
    (result,) = import_files(ws, [named])
    assert result.outcome.value == "imported" and not result.problems, result.problems


# Sở Bình renamed as a commune whose name holds a period, as the province's communes in hard-hit areas are named.
NAMED_UNITS = UNITS.replace(
    "{code: B, name: Sở Bình, parent: P}",
    '{code: B, name: "Ủy ban nhân dân xã Bình thuộc vùng đặc biệt khó khăn giai đoạn 2026 - 2030 của tỉnh", parent: P}')


def test_a_period_inside_the_units_own_name_is_no_title(tmp_path: Path):
    """The template heads its sheet with the unit's name: a commune 'thuộc vùng đặc biệt khó khăn giai đoạn 2026 -
    2030' reporting for 2024-Q1 was refused as if its title said 2026-2030 (seen when the refusal came in)."""
    assert NAMED_UNITS != UNITS
    ws = make_workspace(tmp_path / "ws", units=NAMED_UNITS)
    path = filled_template(ws, "B", "2024-Q1", {"DT": (None, 7)})
    (result,) = import_files(ws, [path])
    assert result.outcome.value == "imported", [p.message("en") for p in result.problems]
    assert not [p for p in result.problems if p.code.startswith("submission.period")]
