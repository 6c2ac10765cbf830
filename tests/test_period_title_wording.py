"""Titles that name a period in words the reader did not know, against the template's period cell D10.

Found by a tester (exD): 'Quý I và Quý II năm 2025' over a '2025-H1' cell was refused as 2025-Q2; 'Tháng 6 năm 2025',
'Lũy kế đến 30/6/2025', 'Từ ngày 01/4/2025 đến ngày 30/6/2025' over 2025-Q1 and '9 tháng đầu năm 2025' over 2025-Q3
were stored under the cell's quarter (a nine-month figure as Q3 counts Q1 and Q2 twice in a sum); a file
'B_2024 gui ngay 10-01.xlsx' whose cell and title both say 2023-Q4 was refused for its bare year.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from hrplan.importer import import_files
from quarterly import filled_template, make_workspace


def _sent(tmp_path: Path, cell: str, title: str, name: str | None = None):
    ws = make_workspace(tmp_path / "ws")
    path = filled_template(ws, "B", cell, {"DT": (None, 5)})
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet["B10"].value == "Kỳ báo cáo:"
    sheet["A6"].value, sheet["D10"].value = title, cell
    book.save(path)
    if name is not None:
        path = path.rename(path.with_name(name))
    (result,) = import_files(ws, [path])
    return result


@pytest.mark.parametrize("cell, title", [
    ("2024-H1", "Quý I và Quý II năm 2024"),
    ("2024-H1", "Quý I, II năm 2024"),
    ("2024-H1", "Quý I - II/2024"),
    ("2024-H2", "quý III và quý IV năm 2024"),
    ("2024-Q1", "Số liệu tính đến ngày 31/3/2024"),
    ("2024-Q1", "Quý I/2024 (số liệu từ ngày 15/12/2023 đến ngày 14/03/2024)"),  # an office's own cut-off
    ("2024-Q1", "(Kèm theo Báo cáo số 15/BC-SNV ngày 05/4/2024)"),  # the day it was signed
    ("2024-Q1", "Tháng 1 - tháng 3 năm 2024"),
    ("2024-Q1", "Tháng 3 năm 2024"),  # a month inside the cell's quarter
    ("2024-H1", "Từ tháng 01 đến tháng 6 năm 2024"),
])
def test_a_title_naming_the_cells_period_in_other_words_is_taken(tmp_path: Path, cell: str, title: str):
    result = _sent(tmp_path, cell, title)
    assert result.outcome.value == "imported", [p.message("vi") for p in result.problems]
    assert result.period == cell


@pytest.mark.parametrize("cell, title, said", [
    ("2024-Q1", "Tháng 6 năm 2024", "2024-06"),
    ("2024-Q1", "Lũy kế đến 30/6/2024", "30/06/2024"),
    ("2024-Q1", "Từ ngày 01/4/2024 đến ngày 30/6/2024", "30/06/2024"),
    ("2024-Q3", "9 tháng đầu năm 2024", "2024-01..2024-09"),
])
def test_a_title_naming_another_period_in_words_refuses_the_file(tmp_path: Path, cell: str, title: str, said: str):
    result = _sent(tmp_path, cell, title)
    assert result.outcome.value == "rejected"
    (error,) = [p for p in result.problems if p.is_error]
    assert error.code == "submission.period_differs"
    assert f"ô D10 ghi {cell} nhưng tiêu đề (ô A6: '{title}') ghi {said}" in error.message("vi")


def test_a_bare_year_in_the_file_name_is_no_period_when_cell_and_title_agree(tmp_path: Path):
    result = _sent(tmp_path, "2024-Q4", "Quý IV năm 2024", name="B_2025 gui ngay 10-01.xlsx")
    assert result.outcome.value == "imported", [p.message("vi") for p in result.problems]
    assert result.period == "2024-Q4"
