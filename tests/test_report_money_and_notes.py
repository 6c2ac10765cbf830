"""Money in tỷ đồng is shown exact, and a unit's note is said once in the consolidated workbook (a tester's report on
15/KH-UBND: "Đã đổi 1.297 Triệu đồng thành 1,3 tỷ đồng", "6,997" written "7 tỷ đồng", and the note column
"Ghi chú của Phường Mỹ Lâm: …\\nPhường Mỹ Lâm: Ghi chú của Phường Mỹ Lâm: …"). Real workbooks, imported for real."""
from __future__ import annotations

import openpyxl

from hrplan.reports import build_report, write_reports
from quarterly import TWO_UNITS as UNITS, filled_template, make_workspace, office_table, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử kinh phí
period: 2024-2026
scope: P
reporting: quarter
indicators:
  - {code: DT, name: Cán bộ được đào tạo, name_en: Officials trained, uom: người, accumulation: per_period}
  - {code: KP, name: Kinh phí đào tạo, name_en: Training budget, uom: tỷ đồng, accumulation: per_period}
reporters: [A, B]
"""


def test_an_amount_converted_to_ty_dong_keeps_every_decimal_and_sentences_keep_them(tmp_path):
    ws = make_workspace(tmp_path / "ws", PROGRAM, UNITS)
    (result,) = send(ws, office_table(ws.inbox / "A_2024-Q1.xlsx", [[1, "Kinh phí đào tạo", "Triệu đồng", 7000, 6997]]))
    converted = {n.location.cell: n for n in result.notes if n.code == "value.uom_converted"}
    assert sorted(n.message("vi") for n in converted.values()) == [
        "Đã đổi 6.997 Triệu đồng thành 6,997 tỷ đồng.", "Đã đổi 7.000 Triệu đồng thành 7 tỷ đồng."]
    assert "Converted 6,997 million VND to 6.997 billion VND." in [n.message("en") for n in converted.values()]
    data = build_report(ws, "Q-01/KH", "2024-Q1").data
    (kp,) = [r for r in data["summary"] if r["indicator"] == "KP"]
    assert kp["display"]["actual"] == "6,997"  # not '7': 3 million đồng short of plan
    assert kp["sentence"].startswith("Kinh phí đào tạo: 6,997 tỷ đồng, đạt gần 100% kế hoạch"), kp["sentence"]
    english = build_report(ws, "Q-01/KH", "2024-Q1", lang="en").data
    assert [r["display"]["actual"] for r in english["summary"] if r["indicator"] == "KP"] == ["6.997"]


def test_a_units_note_is_said_once_in_the_workbooks_note_column(tmp_path):
    ws = make_workspace(tmp_path / "ws", PROGRAM, UNITS)
    send(ws, filled_template(ws, "A", "2024-Q1", {"DT": (10, 15, "Sửa số gõ nhầm (150 -> 15)")}),
         filled_template(ws, "B", "2024-Q1", {"DT": (10, 10)}))
    path = write_reports(ws, "Q-01/KH", "2024-Q1", ["xlsx"]).paths["xlsx"]
    sheet = openpyxl.load_workbook(path).worksheets[0]
    (row,) = [r for r in sheet.iter_rows(values_only=True) if r[0] == "DT"]
    assert row[-1] == "Ghi chú của Sở An: Sửa số gõ nhầm (150 -> 15)", row[-1]
