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
