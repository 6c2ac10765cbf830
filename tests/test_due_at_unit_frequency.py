"""A unit is due for a period only at its own reporting frequency (`reporting`, `unit_reporting`): check, status
and the report agree (hrplan.definitions.reporting).

A quarterly program whose Sở An reports monthly and Sở Én yearly: a quarterly unit owes nothing for a month, a
yearly one nothing for a quarter; a monthly unit's quarter is in when its three months are, partly in when some
are. Real workbooks made with the template (tests/quarterly.py), imported for real.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hrplan.checks import run_checks
from hrplan.importer import Outcome
from hrplan.reports import build_report
from hrplan.workspace import Workspace

from quarterly import PROGRAM, filled_template, make_workspace, send

MIXED = PROGRAM.replace("reporting: quarter\n", "reporting: quarter\nunit_reporting: {A: month, E: year}\n")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = make_workspace(tmp_path_factory.mktemp("mixed") / "ws", program=MIXED)
    files = [filled_template(ws, "A", m, {"DT": (None, 3)}) for m in ("2024-01", "2024-02", "2024-03", "2024-04",
                                                                      "2024-06")]  # no May
    files += [filled_template(ws, u, "2024-Q1", {"DT": (None, 10)}) for u in ("B", "C", "D")]
    files.append(filled_template(ws, "B", "2024-Q2", {"DT": (None, 12)}))
    files.append(filled_template(ws, "E", "2024", {"DT": (None, 20)}))
    results = send(ws, *files)
    assert {r.outcome for r in results} == {Outcome.IMPORTED}, [r.problems for r in results]
    return ws


def _missing(ws: Workspace, period: str) -> list[str]:
    return [f.unit for f in run_checks(ws, ["Q-01/KH"], period) if f.code == "check.missing_submission"]


def test_a_month_is_due_only_from_the_monthly_unit(mixed: Workspace) -> None:
    assert _missing(mixed, "2024-03") == []
    assert _missing(mixed, "2024-05") == ["A"]


def test_a_quarter_is_not_due_from_the_yearly_unit_and_a_year_is(mixed: Workspace) -> None:
    assert _missing(mixed, "2024-Q1") == []
    assert sorted(_missing(mixed, "2024-Q2")) == ["C", "D"]
    assert "E" not in _missing(mixed, "2024")
    (partly,) = [f for f in run_checks(mixed, ["Q-01/KH"], "2024-Q2") if f.code == "check.incomplete_period"]
    assert (partly.unit, partly.params["parts"], partly.params["missing"]) == ("A", "2/3 tháng", "Tháng 05/2024")


def test_the_status_matrix_shows_months_partly_in_and_the_year_where_it_ends(mixed: Workspace, run) -> None:
    result = run("status", "--period", "2024", "-p", "Q-01/KH", "-f", "json", workspace=mixed)
    assert result.exit_code == 0, result.output
    (matrix,) = json.loads(result.stdout)["programs"]
    cells = {r["unit"]: r["cells"] for r in matrix["rows"]}
    assert [cells["A"][q]["status"] for q in matrix["periods"]] == ["sent", "partial", "missing", "missing"]
    assert {k: cells["A"]["2024-Q2"][k] for k in ("present", "expected", "missing")} == \
        {"present": 2, "expected": 3, "missing": ["2024-05"]}
    assert [cells["E"][q]["status"] for q in matrix["periods"]] == ["other_frequency"] * 3 + ["sent"]
    assert cells["E"]["2024-Q4"]["period"] == "2024"
    assert [cells["B"][q]["status"] for q in matrix["periods"]] == ["sent", "sent", "missing", "missing"]
    table = run("status", "--period", "2024-H1", "-p", "Q-01/KH", workspace=mixed).stdout
    assert "mới có 2/3 tháng" in table and "báo cáo năm" in table
    english = run("status", "--period", "2024-H1", "-p", "Q-01/KH", workspace=mixed, lang="en").stdout
    assert "only 2/3 months" in english and "reports yearly" in english


def test_the_overview_and_the_digest_do_not_call_a_unit_missing_from_a_period_it_does_not_owe(mixed: Workspace,
                                                                                                run) -> None:
    result = run("status", "-f", "json", workspace=mixed)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    missing = {r["period"]: r["missing"] for r in data["periods"]}
    assert missing["2024-03"] == [] and missing["2024-Q1"] == []
    assert missing["2024-Q2"] == ["C", "D"] and missing["2024"] == []
    (current,) = data["consolidate"]["current"]
    assert current["period"] == "2024" and current["missing"] == []


def test_a_months_report_says_it_holds_the_monthly_units_only(mixed: Workspace, run, tmp_path: Path) -> None:
    coverage = build_report(mixed, "Q-01/KH", "2024-03").data["coverage"]
    assert coverage["complete"] is False
    assert coverage["due"] == ["A"]
    assert coverage["not_due"] == [{"unit": u, "frequency": "quarter"} for u in ("B", "C", "D")] + \
        [{"unit": "E", "frequency": "year"}]
    assert coverage["text"] == ("Số liệu tháng 03/2024 chỉ gồm các đơn vị báo cáo cho kỳ này (Sở An); Sở Bình, Sở Công, "
                                "Sở Đức (báo cáo theo quý), Sở Én (báo cáo hằng năm) không phải báo cáo tháng 03/2024 "
                                "nên không có trong số liệu.")
    english = build_report(mixed, "Q-01/KH", "2024-03", lang="en").data["coverage"]["text"]
    assert english.startswith("The figures for March 2024 hold only the units that report for it (Sở An); ")
    assert "Sở Én (report yearly) do not report for March 2024" in english
    html = tmp_path / "march.html"
    assert run("report", "-p", "Q-01/KH", "--period", "2024-03", "-o", html, workspace=mixed).exit_code == 0
    text = html.read_text(encoding="utf-8")
    assert "Chưa nhận được báo cáo" not in text and "chỉ gồm các đơn vị báo cáo cho kỳ này" in text


def test_a_quarters_report_names_the_yearly_unit_and_counts_only_the_units_due(mixed: Workspace) -> None:
    coverage = build_report(mixed, "Q-01/KH", "2024-Q2").data["coverage"]
    assert coverage["due"] == ["A", "B", "C", "D"] and coverage["not_due"] == [{"unit": "E", "frequency": "year"}]
    assert "Sở An 2/3 tháng (Tháng 05/2024)" in coverage["text"]
    assert "Sở Én (báo cáo hằng năm) không phải báo cáo quý II/2024" in coverage["text"]
    from hrplan.reports.content import lacks

    report = build_report(mixed, "Q-01/KH", "2024-Q2")
    said = lacks(mixed.program("Q-01/KH"), report.data, mixed.units, "vi")
    assert any(s.startswith("Chưa nhận được báo cáo của 2/4 đơn vị: Sở Công, Sở Đức.") for s in said), said


def test_a_year_of_the_yearly_unit_is_complete(mixed: Workspace) -> None:
    coverage = build_report(mixed, "Q-01/KH", "2024").data["coverage"]
    assert coverage["not_due"] == [] and "Sở Én" not in coverage["text"]
