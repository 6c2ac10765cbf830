"""`hrplan template`: the standard workbook a unit fills in, and importing it back."""
from __future__ import annotations

import json

from openpyxl import load_workbook

from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET


def _rows_by_code(ws) -> dict[str, int]:
    return {ws.cell(r, 2).value: r for r in range(HEADER_ROW + 2, ws.max_row + 1) if ws.cell(r, 2).value}


def test_template_has_identification_block_headers_locked_codes_validation_and_known_plans(sample_ws, run, tmp_path):
    out = tmp_path / "SYT.xlsx"
    result = run("template", "--program", "12-CTr/TU", "--unit", "SYT", "--period", "2019", "-o", out, workspace=sample_ws)
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb.sheetnames == [MAIN_SHEET, "Hướng dẫn"]
    ws = wb[MAIN_SHEET]
    assert [ws.cell(r, 4).value for r in (8, 9, 10)] == ["12-CTr/TU", "SYT", "2019"]
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, 9)] == [
        "STT", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Ghi chú"]
    rows = _rows_by_code(ws)
    assert len(rows) == 11
    # 2019 has no target of its own: the whole-program target (2016-2020) is a note, never the year's plan
    assert ws.cell(rows["DT-YT"], 5).value is None
    assert "KH giai đoạn 2016 - 2020: 25" in ws.cell(rows["DT-YT"], 5).comment.text
    assert ws.cell(rows["DT-GD"], 5).value is None  # no target for SYT: left for the unit
    assert ws.protection.sheet is True
    assert ws.cell(rows["DT-YT"], 2).protection.locked is True
    assert ws.cell(rows["DT-YT"], 6).protection.locked is False
    validations = ws.data_validations.dataValidation
    counts = next(v for v in validations if f"E{rows['DT-YT']}" in str(v.sqref))  # people: whole numbers only
    assert counts.type == "whole" and counts.formula1 == "0"


def test_a_review_from_the_program_start_is_prefilled_with_the_whole_program_target(sample_ws, run, tmp_path):
    out = tmp_path / "SYT.xlsx"
    run("template", "-p", "12-CTr/TU", "-u", "SYT", "--period", "2016..2019-05", "-o", out, workspace=sample_ws)
    ws = load_workbook(out)[MAIN_SHEET]
    rows = _rows_by_code(ws)
    assert ws.cell(rows["DT-YT"], 5).value == 25  # the unit's target from the program's CSV
    assert "Chỉ tiêu giao cho" in ws.cell(rows["DT-YT"], 5).comment.text


def test_all_units_writes_one_template_per_expected_reporter(sample_ws, run, tmp_path):
    result = run("template", "-p", "08-CTr/TU", "--period", "2023-H1", "--all-units", "-o", tmp_path / "out", workspace=sample_ws)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").glob("*.xlsx"))
    assert names == sorted(f"08-CTr-TU_{u}_2023-H1.xlsx" for u in ["BTCTU", "SLDTBXH", "TPCB", "HHA", "HTK"])


def test_a_filled_template_imports_and_an_empty_one_is_refused(sample_ws, run, tmp_path):
    path = tmp_path / "HHA.xlsx"
    run("template", "-p", "12-CTr/TU", "-u", "Huyện Hòa An", "--period", "2016..2019-05", "-o", path,
        workspace=sample_ws)
    empty = run("import", path, "--format", "json", workspace=sample_ws)
    assert empty.exit_code == 3
    assert '"submission.empty"' in empty.stdout
    wb = load_workbook(path)
    ws = wb[MAIN_SHEET]
    rows = _rows_by_code(ws)
    ws.cell(rows["DT-YT"], 6).value = 9
    ws.cell(rows["CCLLCT"], 6).value = "1.297"  # Vietnamese number text
    wb.save(path)
    result = run("import", path, "--format", "json", workspace=sample_ws)
    assert result.exit_code == 0, result.output
    with sample_ws.open_store() as store:
        (sub,) = store.submissions("12-CTr/TU", "HHA", "2016..2019-05")
        values = {(v.indicator, v.measure): (v.value, v.cell) for v in store.values(sub.id)}
    assert values[("DT-YT", "actual")] == (9, f"F{rows['DT-YT']}")
    assert values[("CCLLCT", "actual")] == (1297, f"F{rows['CCLLCT']}")
    assert values[("DT-YT", "plan")] == (8, f"E{rows['DT-YT']}")


def test_no_plan_is_prefilled_for_a_period_outside_the_program(sample_ws, run, tmp_path):
    out = tmp_path / "late.xlsx"
    run("template", "-p", "12-CTr/TU", "-u", "SYT", "--period", "2023", "-o", out, workspace=sample_ws)
    ws = load_workbook(out)[MAIN_SHEET]
    assert ws.cell(_rows_by_code(ws)["DT-YT"], 5).value is None


def test_unknown_unit_is_a_plain_error_with_closest_names(sample_ws, run, tmp_path):
    result = run("template", "-p", "12-CTr/TU", "-u", "Sở Y te Cao Bang x", "--period", "2023", "-o", tmp_path / "x.xlsx",
                 workspace=sample_ws)
    assert result.exit_code == 2
    assert "unit.not_found" in result.stderr and "SYT" in result.stderr


def test_the_title_states_the_cut_off_window_of_the_workspace(sample_ws, run, tmp_path):
    out = tmp_path / "q2.xlsx"
    run("template", "-p", "12-CTr/TU", "-u", "SYT", "--period", "2023-Q2", "-o", out, workspace=sample_ws)
    ws = load_workbook(out)[MAIN_SHEET]
    assert ws["A6"].value == "Quý II/2023 (số liệu từ ngày 15/03/2023 đến ngày 14/06/2023)"


PRO_RATA = """
code: Q-01/KH
title: Chương trình thử tinh giản biên chế
period: 2024-2026
scope: P
reporting: half
interim: pro_rata
indicators:
  - {code: DT, name: Cán bộ được đào tạo, uom: người, accumulation: per_period}
  - {code: BC, name: Biên chế hưởng lương ngân sách, uom: người, direction: lower, accumulation: level}
  - {code: TR, name: Trần biên chế theo lộ trình, uom: người, direction: lower, accumulation: cumulative,
     interim: none}
targets:
  - {indicator: DT, unit: A, period: "2024", value: 40}
  - {indicator: BC, unit: A, period: "2024", value: 1150}
  - {indicator: TR, unit: A, period: "2024", value: 1150}
reporters: [A]
"""


def test_the_template_shows_the_share_check_holds_the_unit_to(tmp_path, run):
    """Under interim: pro_rata, check holds Sở An's first half of 2024 to half its year's 40; the template left the
    plan empty and said nothing of the year's target. A level's ceiling holds whole (1.150 staff are not 575 in a
    half-year), and where the program gives the half-year no plan, the note names the year's ceiling."""
    from quarterly import UNITS, make_workspace

    ws = make_workspace(tmp_path / "ws", program=PRO_RATA, units=UNITS)
    out = tmp_path / "A.xlsx"
    assert run("template", "-p", "Q-01/KH", "-u", "A", "--period", "2024-H1", "-o", out, workspace=ws).exit_code == 0
    book = load_workbook(out)
    sheet = book[MAIN_SHEET]
    rows = _rows_by_code(sheet)
    dt, bc, tr = (sheet.cell(rows[c], 5) for c in ("DT", "BC", "TR"))
    assert dt.value == 20
    assert "KH 6 tháng đầu năm 2024 theo tỷ lệ thời gian" in dt.comment.text
    assert "KH năm 2024 40 × 6/12 tháng = 20" in dt.comment.text
    assert bc.value == 1150 and "giữ nguyên cho từng kỳ (Mức trần năm 2024 không chia theo thời gian)" in bc.comment.text
    assert tr.value is None and "Mức trần năm 2024: 1.150" in tr.comment.text
    # The unit leaves the plans as written and types its actuals: check finds its plan is the program's.
    for code, actual in (("DT", 18), ("BC", 1140), ("TR", 1140)):
        sheet.cell(rows[code], 6).value = actual
    book.save(out)
    assert run("import", out, workspace=ws).exit_code == 0
    doc = json.loads(run("check", "-p", "Q-01/KH", "--period", "2024-H1", "-f", "json",
                                       workspace=ws).stdout)
    rows_ = doc if isinstance(doc, list) else doc.get("findings", doc)
    assert not [f for f in rows_ if f["code"] == "check.plan_differs_from_target"], rows_
    [behind] = [f for f in rows_ if (f["code"], f["unit"], f["indicator"]) == ("check.behind_plan", "A", "DT")]
    assert "thực hiện 18/20 người" in behind["message"]
