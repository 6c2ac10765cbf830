"""Longer periods say what they are made of; a plan without an actual is a finding (check.incomplete_period,
check.missing_value, the report's coverage line).

Real workbooks made with the template for a quarterly program (tests/quarterly.py), imported for real.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hrplan.checks import run_checks
from hrplan.importer import Outcome
from hrplan.reports import build_report
from hrplan.workspace import Workspace

from quarterly import PROGRAM, filled_template, make_workspace, office_table, send


@pytest.fixture(scope="module")
def quarters(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = make_workspace(tmp_path_factory.mktemp("quarters") / "ws")
    files = [filled_template(ws, "A", q, {"DT": (None, 10)}) for q in ("2024-Q1", "2024-Q2", "2024-Q4")]  # no Q3
    files += [filled_template(ws, "B", q, {"DT": (None, 15)}) for q in ("2024-Q1", "2024-Q3", "2024-Q4")]
    files.append(filled_template(ws, "B", "2024-Q2", {"DT": (None, 15), "KP": (30, None, "Chưa quyết toán")}))
    results = send(ws, *files)
    assert {r.outcome for r in results} == {Outcome.IMPORTED}, [r.problems for r in results]
    return ws


def test_a_year_from_quarters_names_the_missing_quarter(quarters: Workspace) -> None:
    findings = [f for f in run_checks(quarters, ["Q-01/KH"], "2024") if f.code == "check.incomplete_period"]
    assert [(f.unit, f.params["parts"], f.params["missing"]) for f in findings] == [("A", "3/4 quý", "Quý III/2024")]
    assert "thiếu Quý III/2024" in findings[0].message("vi")
    (english,) = [f for f in run_checks(quarters, ["Q-01/KH"], "2024", lang="en") if f.code == "check.incomplete_period"]
    assert "only 3/4 quarters; missing Q3 2024" in english.message("en")


def test_the_report_marks_the_figure_and_states_the_coverage(quarters: Workspace) -> None:
    data = build_report(quarters, "Q-01/KH", "2024").data
    assert data["coverage"]["complete"] is False
    assert "Sở An 3/4 quý (Quý III/2024)" in data["coverage"]["text"]
    a = next(r for r in data["units"] if r["unit"] == "A" and r["indicator"] == "DT")
    assert a["parts"] == "3/4 quý" and a["actual"] == 30
    top = next(r for r in data["summary"] if r["indicator"] == "DT")
    assert "(số liệu chưa đủ: Sở An 3/4 quý)" in top["sentence"]


def test_a_plan_without_an_actual_is_a_finding_with_its_cell_and_note(quarters: Workspace) -> None:
    (finding,) = [f for f in run_checks(quarters, ["Q-01/KH"], "2024-Q2") if f.code == "check.missing_value"]
    assert (finding.unit, finding.indicator, finding.location.cell) == ("B", "KP", "F15")
    assert finding.location.file.endswith("Q-01-KH_B_2024-Q2.xlsx")
    assert "Chưa quyết toán" in finding.message("vi") and "30 triệu đồng" in finding.message("vi")


def test_an_exact_submission_wins_over_parts_and_is_complete(quarters: Workspace) -> None:
    (year,) = send(quarters, filled_template(quarters, "A", "2024", {"DT": (None, 44)}))
    assert year.outcome is Outcome.IMPORTED
    data = build_report(quarters, "Q-01/KH", "2024").data
    a = next(r for r in data["units"] if r["unit"] == "A" and r["indicator"] == "DT")
    assert (a["actual"], a["parts"]) == (44, None)
    assert not [f for f in run_checks(quarters, ["Q-01/KH"], "2024") if f.code == "check.incomplete_period"]


def test_a_plan_without_an_actual_column_is_worded_without_a_cell_and_names_the_estimate(tmp_path: Path) -> None:
    """Sở An's table has 'Kế hoạch | Ước thực hiện' and no actual column: no cell to name (never 'ô thực hiện -'),
    and the estimate it sent is told; Sở Bình left its actual cell E2 empty beside an estimate: the cell is named."""
    ws = make_workspace(tmp_path / "ws")
    results = send(ws, office_table(tmp_path / "A_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 30, 31]],
                                    columns=("Kế hoạch", "Ước thực hiện")),
                   office_table(tmp_path / "B_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 20, None, 18],
                                                              [2, "Kinh phí đào tạo", "triệu đồng", 100, 90, 95]],
                                estimate=True))
    assert {r.outcome for r in results} == {Outcome.IMPORTED}, [r.problems for r in results]
    found = {f.unit: f for f in run_checks(ws, ["Q-01/KH"], "2024-Q1") if f.code == "check.missing_value"}
    assert found["A"].message("vi") == (
        "Cán bộ được đào tạo (Quý I/2024): có kế hoạch 30 người nhưng báo cáo không có số thực hiện (không có ô thực"
        " hiện cho chỉ tiêu này). Đơn vị có gửi số ước thực hiện 31 người, không thay cho số thực hiện. Hãy bổ sung số"
        " liệu hoặc ghi lý do.")
    assert found["A"].location.cell is None
    assert found["B"].location.cell == "E2"
    assert found["B"].message("vi").startswith("Cán bộ được đào tạo (Quý I/2024): có kế hoạch 20 người nhưng ô thực"
                                               " hiện E2 để trống. Đơn vị có gửi số ước thực hiện 18 người")
    (english,) = [f for f in run_checks(ws, ["Q-01/KH"], "2024-Q1", lang="en")
                  if f.code == "check.missing_value" and f.unit == "A"]
    assert "it has no actual cell for this indicator). The unit sent an estimate of 31 people" in english.message("en")


def test_a_finding_on_a_year_of_quarters_names_its_first_cell_and_how_many_more(tmp_path: Path, run) -> None:
    """Sở An's 2024 DT is 5 + 5 + 5 from three quarter files: the finding points at the first quarter's cell and
    says there are 2 more (in the line, the table's cell column and the JSON), never the first cell as if alone.

    Its Q3 never came: the year is judged against the three quarters' pro-rata shares (30), as a quarter never sent
    leaves its share out of the ratio (DT's `interim: pro_rata`); without one it would not be judged at all."""
    import json

    dt = "uom: người, accumulation: per_period}"
    quarters = make_workspace(tmp_path / "ws", program=PROGRAM.replace(dt, dt[:-1] + ", interim: pro_rata}", 1))
    send(quarters, *[filled_template(quarters, "A", q, {"DT": (None, 5)}) for q in ("2024-Q1", "2024-Q2", "2024-Q4")])
    send(quarters, filled_template(quarters, "B", "2024-Q2", {"DT": (None, 15), "KP": (30, None, "Chưa quyết toán")}))

    (finding,) = [f for f in run_checks(quarters, ["Q-01/KH"], "2024")
                  if f.code == "check.behind_plan" and f.unit == "A" and f.indicator == "DT"]
    assert (finding.params["actual"], finding.params["plan"]) == ("15", "30")
    assert finding.location.file.endswith("Q-01-KH_A_2024-Q1.xlsx") and finding.location.more == 2
    assert finding.location.describe("vi").endswith(f"› {finding.location.cell} và 2 ô khác")
    assert finding.location.describe("en").endswith(f"› {finding.location.cell} and 2 other cells")
    result = run("check", "-p", "Q-01/KH", "--period", "2024", "-f", "json", workspace=quarters)
    found = next(f for f in json.loads(result.stdout)["findings"]
                 if f["code"] == "check.behind_plan" and f["unit"] == "A" and f["indicator"] == "DT")
    assert found["location"]["more"] == 2
    table = run("check", "-p", "Q-01/KH", "--period", "2024", workspace=quarters).stdout
    assert f"{finding.location.cell}+2" in table and f"{finding.location.cell} và 2 ô khác)" in table
    # a quarter's own finding is one cell, said plainly
    (single,) = [f for f in run_checks(quarters, ["Q-01/KH"], "2024-Q2") if f.code == "check.missing_value"]
    assert single.location.more is None and single.location.describe("vi").endswith("› F15")
