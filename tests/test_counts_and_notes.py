"""Nothing silent at reading: fractional counts refused, 'Ghi chú' kept per value, blank actuals kept with their cell.

Workbooks are made with the template (tests/quarterly.py) and imported for real.
"""
from __future__ import annotations

from pathlib import Path

from hrplan.importer import Outcome
from hrplan.workspace import Workspace

from quarterly import filled_template, make_workspace, send


def _ws(tmp_path: Path) -> Workspace:
    return make_workspace(tmp_path / "ws")


def test_english_locale_count_is_refused_naming_the_trap(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    # Excel set to English stored a typed "1.297" as the number 1.297
    (result,) = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, 1.297)}))
    assert result.outcome is Outcome.REJECTED
    (problem,) = [p for p in result.problems if p.is_error]
    assert (problem.code, problem.location.cell) == ("value.fractional_count", "F14")
    vi, en = problem.message("vi"), problem.message("en")
    assert "chứa 1,297" in vi and "1297" in vi and "số nguyên" in vi
    assert "English locale" in en and "holds 1.297" in en and "1297" in en
    with ws.open_store() as store:
        assert store.counts()["values"] == 0


def test_text_decimal_count_is_refused_but_an_amount_may_be_fractional(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    (people,) = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, "1,5")}))
    assert people.outcome is Outcome.REJECTED
    assert [p.code for p in people.problems if p.is_error] == ["value.fractional_count"]
    (money,) = send(ws, filled_template(ws, "B", "2024-Q2", {"DT": (None, 12), "KP": (None, "1,5")}))
    assert money.outcome is Outcome.IMPORTED, money.problems
    with ws.open_store() as store:
        (value,) = [v for v in store.values(money.submission_id) if v.indicator == "KP"]
    assert str(value.value) == "1.5" and value.uom == "triệu đồng"


def test_notes_are_kept_with_values_and_blank_actuals(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    path = filled_template(ws, "A", "2024-Q2", {"DT": (10, 8, "Bổ sung lớp tháng 6"),
                                               "KP": (100, None, "Chưa quyết toán")})
    (result,) = send(ws, path)
    assert result.outcome is Outcome.IMPORTED, result.problems
    with ws.open_store() as store:
        values = {(v.indicator, v.measure): v.note for v in store.values(result.submission_id)}
        blanks = store.blanks(result.submission_id)
    assert values[("DT", "actual")] == values[("DT", "plan")] == "Bổ sung lớp tháng 6"
    assert [(b.indicator, b.measure, b.cell, b.note) for b in blanks if b.indicator == "KP"] == [
        ("KP", "actual", "F15", "Chưa quyết toán")]


def test_template_validates_whole_numbers_for_counts_and_decimals_for_amounts(tmp_path: Path) -> None:
    import openpyxl

    ws = _ws(tmp_path)
    path = filled_template(ws, "A", "2024-Q2", {})
    sheet = openpyxl.load_workbook(path)["Báo cáo"]
    kinds = {str(rng): dv.type for dv in sheet.data_validations.dataValidation for rng in dv.sqref.ranges}
    assert kinds == {"E14:F14": "whole", "E15:F15": "decimal", "E16:F16": "whole"}  # người, triệu đồng, người


def test_history_shows_the_notes(tmp_path: Path, run) -> None:
    import json

    ws = _ws(tmp_path)
    send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (10, 8, "Bổ sung lớp tháng 6"), "KP": (100, None, "Chưa quyết toán")}))
    result = run("history", "-p", "Q-01/KH", "-u", "A", "--format", "json", workspace=ws)
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.stdout)
    assert entry["notes"] == [{"indicator": "DT", "note": "Bổ sung lớp tháng 6"}, {"indicator": "KP", "note": "Chưa quyết toán"}]
    table = run("history", "-p", "Q-01/KH", "-u", "A", workspace=ws)
    assert "Chưa quyết toán" in table.stdout


def test_a_percentage_or_a_decimal_typed_in_a_count_gets_advice_that_fits_it(tmp_path: Path) -> None:
    # "26%" typed in the number of women was told as "the cell holds 0,26 … Excel set to English reads '1.297'…".
    ws = _ws(tmp_path)
    (percent,) = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, "26%")}))
    (problem,) = [p for p in percent.problems if p.is_error]
    assert problem.code == "value.fractional_count"
    vi, en = problem.message("vi"), problem.message("en")
    assert "tỷ lệ phần trăm (26%)" in vi and "1.297" not in vi
    assert "percentage (26%)" in en and "number of people" in en and "English locale" not in en
    (decimal,) = send(ws, filled_template(ws, "B", "2024-Q2", {"DT": (None, "1,15")}))
    (problem,) = [p for p in decimal.problems if p.is_error]
    assert "chứa 1,15" in problem.message("vi") and "số nguyên (ví dụ 12)" in problem.message("vi")
    assert "1.297" not in problem.message("vi") and "English locale" not in problem.message("en")
