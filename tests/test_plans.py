"""Plans belong to periods: which plan a quarter is judged against, as the program declares (definitions/plans.py).

Real workbooks made with the template (tests/quarterly.py): unit A has an annual 2024 target of 40
and sends 14 for 2024-Q2.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl

from hrplan.checks import run_checks
from hrplan.definitions import Period, Program
from hrplan.importer import Outcome
from hrplan.reports import build_report
from hrplan.reports.submission_template import MAIN_SHEET

from quarterly import PROGRAM, filled_template, make_workspace, send


def _q2(tmp_path: Path, program: str = PROGRAM):
    ws = make_workspace(tmp_path / "ws", program)
    (result,) = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, 14)}))
    assert result.outcome is Outcome.IMPORTED, result.problems
    return ws


def test_by_default_a_quarter_shows_the_annual_target_as_context_and_is_not_behind(tmp_path: Path) -> None:
    ws = _q2(tmp_path)
    data = build_report(ws, "Q-01/KH", "2024-Q2").data
    row = next(r for r in data["units"] if r["unit"] == "A" and r["indicator"] == "DT")
    assert (row["plan"], row["ratio"], row["status"]) == (None, None, "no_plan")
    assert row["context"]["value"] == 40 and row["context"]["period"] == "2024"
    assert "Cán bộ được đào tạo: 14 người (KH năm 2024: 40)." == row["sentence"]
    findings = run_checks(ws, ["Q-01/KH"], "2024-Q2")
    assert not [f for f in findings if f.code == "check.behind_plan"]


def test_the_province_row_shows_its_units_year_targets_summed_as_context(tmp_path: Path) -> None:
    """Each unit has its 2024 target and reports quarterly: the province's Q2 row says 'KH năm 2024: 270', the sum
    of every unit's (those that sent nothing included), as context only; it is not judged against it."""
    ws = make_workspace(tmp_path / "ws")
    sent = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, 14)}), filled_template(ws, "B", "2024-Q2", {"DT": (None, 20)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent)
    data = build_report(ws, "Q-01/KH", "2024-Q2").data
    row = next(r for r in data["summary"] if r["unit"] == "P" and r["indicator"] == "DT")
    assert row["context"] == {"unit": "P", "value": 270.0, "period": "2024"}  # 40 + 60 + 100 + 50 + 20
    assert (row["ratio"], row["status"]) == (None, "no_plan")
    # C, D and E sent nothing for Q2: the province's 34 says so beside it.
    assert row["sentence"] == ("Cán bộ được đào tạo: 34 người (KH năm 2024: 270) "
                               "(chưa gồm 3/5 đơn vị chưa gửi: Sở Công, Sở Đức, Sở Én).")
    findings = run_checks(ws, ["Q-01/KH"], "2024-Q2")
    assert not [f for f in findings if f.code == "check.behind_plan"]


def test_the_template_prefills_only_the_plan_of_its_own_period(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    quarter = openpyxl.load_workbook(filled_template(ws, "A", "2024-Q2", {}))[MAIN_SHEET]
    year = openpyxl.load_workbook(filled_template(ws, "A", "2024", {}))[MAIN_SHEET]
    assert quarter["E14"].value is None and "KH năm 2024: 40" in quarter["E14"].comment.text
    assert year["E14"].value == 40 and "Chỉ tiêu giao cho Năm 2024" in year["E14"].comment.text


def test_pro_rata_judges_a_quarter_against_a_quarter_of_the_year(tmp_path: Path) -> None:
    ws = _q2(tmp_path, PROGRAM.replace("reporting: quarter", "reporting: quarter\ninterim: pro_rata"))
    data = build_report(ws, "Q-01/KH", "2024-Q2").data
    row = next(r for r in data["units"] if r["unit"] == "A" and r["indicator"] == "DT")
    assert (row["plan"], row["display"]["ratio"], row["status"]) == (10, "140%", "over")
    assert row["plan_rule"] == "pro_rata"


def test_periodic_targets_and_target_to_date() -> None:
    from hrplan.definitions import Interim

    program = Program.model_validate({
        "code": "T", "title": "t", "period": "2024-2026",
        "indicators": [{"code": "LC", "name": "Luân chuyển", "accumulation": "cumulative"},
                       {"code": "DT", "name": "Đào tạo", "accumulation": "per_period", "interim": "periodic"}],
        "targets": [{"indicator": c, "period": p, "value": v} for c in ("LC", "DT")
                    for p, v in [("2024", 40), ("2024-Q1", 8), ("2024-Q2", 12)]],
    })
    q2 = Period.parse("2024-Q2")
    assert (program.plan_for("DT", None, q2).value, program.plan_for("DT", None, q2).rule) == (12, "exact")
    q3 = program.plan_for("DT", None, Period.parse("2024-Q3"))
    assert (q3.value, q3.context.value) == (None, 40)  # no quarterly target: the year's is context
    assert program.plan_for("DT", None, Period.parse("2024-H1")).value == 20  # Q1 + Q2 tile the half-year
    june = Period.parse("2024-06")  # a running total at the end of June
    assert program.plan_for("LC", None, june).value is None
    to_date = program.model_copy(update={"interim": Interim.TO_DATE}).plan_for("LC", None, june)
    assert (to_date.value, to_date.rule) == (20, "to_date")  # the targets of the quarters completed by June


def test_a_unit_with_one_target_under_each_interim_rule() -> None:
    # a per-unit targets table gives most units one target each: the shortest way through plan_for
    from decimal import Decimal

    from hrplan.definitions import Interim

    program = Program.model_validate({
        "code": "T", "title": "t", "period": "2021-2025",
        "indicators": [{"code": "DT", "name": "Đào tạo", "accumulation": "per_period"}],
        "targets": [{"indicator": "DT", "unit": "X1", "value": 60, "source": "t.csv:2"},
                    {"indicator": "DT", "unit": "X2", "period": "2022", "value": 12, "source": "t.csv:3"}],
    })

    def plan(interim: str, unit: str, period: str) -> tuple:
        found = program.model_copy(update={"interim": Interim(interim)}).plan_for("DT", unit, Period.parse(period))
        return found.rule, found.value, found.context.source if found.context else None

    assert plan("none", "X1", "2021-2025") == ("exact", 60, None)
    assert plan("none", "X1", "2022-Q1") == ("none", None, "t.csv:2")  # context only
    assert plan("pro_rata", "X1", "2022-Q1") == ("pro_rata", Decimal(3), "t.csv:2")  # 60 x 3/60 months
    assert plan("none", "X1", "2021..2023-05") == ("review", 60, None)  # a review from the program's start
    assert plan("to_date", "X1", "2022-Q1") == ("none", None, "t.csv:2")
    assert plan("none", "X2", "2022") == ("exact", 12, None)
    assert plan("pro_rata", "X2", "2022-H1") == ("pro_rata", 6, "t.csv:3")
    assert plan("pro_rata", "X2", "2023") == ("exact", None, None)  # outside its target's year: no plan
    assert plan("none", "X3", "2022") == ("exact", None, None)  # a unit without a target


def test_the_one_quarter_a_unit_sent_of_a_year_takes_that_quarters_target(tmp_path: Path) -> None:
    """A year with no target of its own: each quarter's target pairs with that quarter's actual, also when a unit
    has sent only one quarter so far and left its plan cell empty (it used to be left out as 'no plan')."""
    from hrplan.figures import compute_figures

    program = PROGRAM.replace("reporters:", "  - {indicator: KP, unit: A, period: 2024-Q1, value: 100}\n"
                                            "  - {indicator: KP, unit: B, period: 2024-Q1, value: 50}\n"
                                            "  - {indicator: KP, unit: B, period: 2024-Q2, value: 50}\nreporters:", 1)
    ws = make_workspace(tmp_path / "ws", program=program)
    sent = send(ws, filled_template(ws, "A", "2024-Q1", {"KP": ("", 90)}),
                filled_template(ws, "B", "2024-Q1", {"KP": ("", 40)}), filled_template(ws, "B", "2024-Q2", {"KP": ("", 60)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent), [r.problems for r in sent]
    with ws.open_store() as store:
        year = compute_figures(ws.program("Q-01/KH"), Period.parse("2024"), store, ws.units)
    a, b, top = year.get("A", "KP"), year.get("B", "KP"), year.get("P", "KP")
    assert (a.ratio_plan, a.ratio_actual, a.left_out) == (100, 90, [])
    assert (b.ratio_plan, b.ratio_actual) == (100, 100)
    assert (top.ratio_plan, top.ratio_actual, top.left_out) == (200, 190, [])
    assert a.incomplete and a.incomplete[0].missing == ("2024-Q2", "2024-Q3", "2024-Q4")  # still said: 1/4 quarters
