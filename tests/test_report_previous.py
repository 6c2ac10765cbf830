"""The report's comparison with the previous period sets like against like: everything reported in each period.

Workbooks are made with the template and imported for real (tests/quarterly.py).
"""
from __future__ import annotations

from pathlib import Path

from hrplan.definitions import Period
from hrplan.importer import Outcome
from hrplan.reports import build_report
from hrplan.reports.previous import comparison, previous_period

from quarterly import filled_template, make_workspace, send


def test_the_change_is_between_the_whole_actuals_even_where_a_member_has_no_plan(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    sent = send(ws,
                filled_template(ws, "A", "2024-Q1", {"KP": ("", 50)}), filled_template(ws, "B", "2024-Q1", {"KP": (40, 40)}),
                filled_template(ws, "A", "2024-Q2", {"KP": ("", 70)}), filled_template(ws, "B", "2024-Q2", {"KP": (30, 30)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent), [r.problems for r in sent]
    report = build_report(ws, "Q-01/KH", "2024-Q2", previous=True)
    row = next(r for r in report.data["summary"] if r["indicator"] == "KP")
    assert (row["actual"], row["total_actual"]) == (30, 100)  # the ratio pairs B's 30 with its plan; A has none
    compared = comparison(ws.program("Q-01/KH"), Period.parse("2024-Q2"), None, ws.units, report.data, "vi",
                          report.previous)
    (kp,) = [r for r in compared["rows"] if r["indicator"] == "KP"]
    assert (kp["previous"], kp["current"], kp["change"]) == ("90", "100", "+10")
    assert compared["period"] == previous_period(Period.parse("2024-Q2")).label == "2024-Q1"


def test_a_member_without_a_plan_is_named_once_under_what_the_figures_lack(tmp_path: Path) -> None:
    from hrplan.reports.content import lacks

    ws = make_workspace(tmp_path / "ws")
    send(ws, filled_template(ws, "A", "2024-Q2", {"KP": ("", 70)}), filled_template(ws, "B", "2024-Q2", {"KP": (30, 30)}))
    data = build_report(ws, "Q-01/KH", "2024-Q2").data
    said = [line for line in lacks(ws.program("Q-01/KH"), data, ws.units, "vi") if "Sở An" in line]
    assert said == ["Kinh phí đào tạo: Không tính vào tỷ lệ: Sở An thực hiện 70 nhưng chưa có kế hoạch."]


def test_a_unit_whose_actual_is_blank_in_one_period_is_left_out_of_that_indicators_change_and_named(
        tmp_path: Path) -> None:
    """Sở An sent both quarters but left Q2's budget blank ('Chưa quyết toán'): its Q1 budget is not set against a
    Q2 total without it (the change came out reversed: 90 -> 30, -60); the budget is compared over Sở Bình alone."""
    ws = make_workspace(tmp_path / "ws")
    sent = send(ws,
                filled_template(ws, "A", "2024-Q1", {"KP": (60, 60), "DT": (10, 10)}),
                filled_template(ws, "B", "2024-Q1", {"KP": (40, 30), "DT": (10, 5)}),
                filled_template(ws, "A", "2024-Q2", {"KP": (60, None, "Chưa quyết toán"), "DT": (10, 12)}),
                filled_template(ws, "B", "2024-Q2", {"KP": (40, 45), "DT": (10, 6)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent), [r.problems for r in sent]
    report = build_report(ws, "Q-01/KH", "2024-Q2", previous=True)
    compared = comparison(ws.program("Q-01/KH"), Period.parse("2024-Q2"), None, ws.units, report.data, "vi",
                          report.previous)
    rows = {r["indicator"]: (r["previous"], r["current"], r["change"]) for r in compared["rows"]}
    assert rows == {"KP": ("30", "45", "+15"), "DT": ("15", "18", "+3")}
    assert compared["text"] == ("Kinh phí đào tạo: chỉ so sánh các đơn vị có số thực hiện cả hai kỳ; không tính "
                                "Sở An (chưa có số thực hiện quý II/2024). So với Quý I/2024:")
    en = comparison(ws.program("Q-01/KH"), Period.parse("2024-Q2"), None, ws.units,
                    build_report(ws, "Q-01/KH", "2024-Q2", "en").data, "en", report.previous)
    assert en["text"].startswith("Training budget: compared over the units with an actual in both periods; left "
                                 "out: Sở An (no actual for Q2 2024).")


def test_a_ranges_previous_period_is_the_range_of_the_same_length_just_before_it_never_a_part_of_it(
        tmp_path: Path) -> None:
    assert previous_period(Period.parse("2021..2022")).label == "2019..2020"  # not '2021', a part of the range
    assert previous_period(Period.parse("2024-Q3..2024-Q4")).label == "2024-H1"
    assert previous_period(Period.parse("2016..2019-05")).label == "2012-08..2015-12"
    ws = make_workspace(tmp_path / "ws")
    send(ws, *(filled_template(ws, "A", f"2024-Q{q}", {"DT": (10, q)}) for q in (1, 2, 3, 4)))
    program = ws.program("Q-01/KH")
    for period, text, rows in (("2024-Q3..2024-Q4", "So với 6 tháng đầu năm 2024:", [("3", "7", "+4")]),
                               # 2022..2023 starts before the program's 2024-2026: there is no previous period
                               ("2024..2025", "Kỳ này không có kỳ trước để so sánh.", [])):
        report = build_report(ws, "Q-01/KH", period, previous=True)
        compared = comparison(program, Period.parse(period), None, ws.units, report.data, "vi", report.previous)
        assert compared["text"] == text, period
        assert [(r["previous"], r["current"], r["change"]) for r in compared["rows"] if r["indicator"] == "DT"] == rows


def test_a_quarter_after_a_half_year_compares_its_running_totals_with_the_half_years_as_the_check_does(
        tmp_path: Path) -> None:
    """Units sent 2025-H1, then 2025-Q3: check.cumulative_decrease compared Q3's running total with H1's (which ends
    on Q2's last day), while the report said there were no figures for Q2 to compare with. The report now compares
    the running totals with H1's, says so, and leaves the flows (H1's six months against Q3's three) out."""
    from hrplan.checks import run_checks
    from quarterly import PROGRAM

    program = PROGRAM.replace("  - {code: KP,", "  - {code: LK, name: Cán bộ luân chuyển (lũy kế), name_en: Cadres "
                              "rotated (running total), uom: người, accumulation: cumulative}\n  - {code: KP,")
    ws = make_workspace(tmp_path / "ws", program=program)
    sent = send(ws, filled_template(ws, "A", "2024-H1", {"LK": ("", 160), "KP": ("", 50)}),
                filled_template(ws, "A", "2024-Q3", {"LK": ("", 20), "KP": ("", 30)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent), [r.problems for r in sent]
    (decrease,) = [f for f in run_checks(ws, ["Q-01/KH"], "2024-Q3") if f.code == "check.cumulative_decrease"]
    assert decrease.params["previous"] == "160"
    report = build_report(ws, "Q-01/KH", "2024-Q3", previous=True)
    for lang, words in (("vi", "Không có báo cáo riêng cho Quý II/2024; số lũy kế được so sánh với số đến hết Quý "
                                "II/2024 trong báo cáo 6 tháng đầu năm 2024"),
                        ("en", "No report was sent for Q2 2024 itself; running totals are compared with their value "
                               "at its end, from the report for the first half of 2024")):
        compared = comparison(ws.program("Q-01/KH"), Period.parse("2024-Q3"), None, ws.units, report.data, lang,
                              report.previous)
        assert compared["text"].startswith(words), compared["text"]
        assert [(r["indicator"], r["previous"], r["current"], r["change"]) for r in compared["rows"]] == [
            ("LK", "160", "20", "-140")]  # KP (a flow) is not compared: H1's six months are not Q2
        assert (compared["period"], compared["instead_of"]) == ("2024-H1", "2024-Q2")
