"""Group rows add up on their face; pairing is per unit and per period (hrplan.figures, report data).

Real workbooks made with the template for a five-unit program (tests/quarterly.py), imported
for real; the report data is what the HTML, JSON and Word reports show.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from hrplan.importer import Outcome
from hrplan.reports import build_report
from hrplan.workspace import Workspace

from quarterly import filled_template, make_workspace, send


@pytest.fixture(scope="module")
def year_2024(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = make_workspace(tmp_path_factory.mktemp("groups") / "ws")
    results = send(
        ws,
        filled_template(ws, "A", "2024", {"DT": (None, 50), "QH": (None, 3)}),  # 3 candidates for 2 seats
        filled_template(ws, "B", "2024", {"DT": (None, None, "Chưa quyết toán"), "KP": (None, 5)}),  # DT: plan 60, no actual
        filled_template(ws, "C", "2024", {"DT": (None, 90)}),  # seats 3 pre-filled, no candidates
        filled_template(ws, "D", "2024", {"DT": (None, 10)}),
    )  # E (plan 20) sends nothing
    assert [r.outcome for r in results] == [Outcome.IMPORTED] * 4, [r.problems for r in results]
    return ws


def test_group_plan_actual_and_ratio_are_over_the_same_members(year_2024: Workspace) -> None:
    program = year_2024.program("Q-01/KH")
    with year_2024.open_store() as store:
        p = compute_figures(program, Period.parse("2024"), store, year_2024.units).get("P", "DT")
    assert (p.ratio_plan, p.ratio_actual) == (190, 150)  # A, C, D: 40 + 100 + 50 against 50 + 90 + 10
    assert p.full_plan == 270  # every unit's plan, E's 20 and B's 60 included
    assert sorted((lo.unit, lo.reason, lo.plan) for lo in p.left_out) == [("B", "no_actual", 60), ("E", "no_submission", 20)]


def test_report_row_shows_the_same_members_and_names_the_others(year_2024: Workspace) -> None:
    data = build_report(year_2024, "Q-01/KH", "2024").data
    row = next(r for r in data["summary"] if r["indicator"] == "DT")
    assert (row["display"]["plan"], row["display"]["actual"], row["display"]["ratio"]) == ("190", "150", "79%")
    assert row["full_plan"] == 270
    notes = " | ".join(row["footnotes"])
    assert "KH toàn Tỉnh Thử 270, trong đó đơn vị đã báo cáo 190" in notes
    assert "Sở Bình có KH 60 nhưng chưa có số thực hiện" in notes and "Sở Én chưa gửi báo cáo (KH 20)" in notes
    assert "Ghi chú của Sở Bình: Chưa quyết toán" in " | ".join(
        " | ".join(u["footnotes"]) for u in data["units"] if u["unit"] == "B")


def test_planning_ratio_counts_seats_only_of_units_that_sent_candidates(year_2024: Workspace) -> None:
    data = build_report(year_2024, "Q-01/KH", "2024").data
    row = next(r for r in data["summary"] if r["indicator"] == "QH")
    assert (row["display"]["actual"], row["display"]["plan"], row["display"]["ratio"]) == ("3", "2", "1,5 lần")
    assert row["status"] == "in_band"
    assert "3 người cho 2 vị trí, bằng 1,5 lần" in row["sentence"]


def test_pairing_is_per_unit_and_per_year_over_a_range(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    # Training budget, plans written by the unit year by year; 2026 has an actual but no plan.
    results = send(ws, *[filled_template(ws, "A", year, {"DT": (None, 1), "KP": (plan, actual)})
                         for year, plan, actual in [("2024", 100, 90), ("2025", 100, 108), ("2026", "", 50)]])
    assert [r.outcome for r in results] == [Outcome.IMPORTED] * 3, [r.problems for r in results]
    with ws.open_store() as store:
        a = compute_figures(ws.program("Q-01/KH"), Period.parse("2024..2026"), store, ws.units).get("A", "KP")
    assert (a.ratio_actual, a.ratio_plan) == (198, 200)  # 99%, not 248/200 = 124%
    assert a.actual == 248
    assert [(lo.reason, lo.period, lo.actual) for lo in a.left_out] == [("no_plan", "2026", 50)]
