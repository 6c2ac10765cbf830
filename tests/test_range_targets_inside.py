"""A range judges each unit's years against the targets those years have, as each year's own report does.

Found with a new program: the 2024 report judged a commune against its 2024 target (60) and said so ("the plan
the report wrote is 50 … the target is used"), while the range 2024..2025-Q1 summed the plans its months wrote
(50): the province read 102% "vượt" over the range where the targets give 98% "gần đạt".
"""
from __future__ import annotations

import pytest

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from rule_workbooks import GOOD, PROGRAM, add_program, submit

TARGETS = """\
targets:
  - {indicator: BD, unit: SYT, period: "2023", value: 400}
"""


@pytest.fixture
def ws(sample_ws, run, tmp_path):
    add_program(sample_ws, TARGETS)
    for q in (1, 2, 3, 4):  # each quarter wrote a plan of 90 (360 for the year) and did 100
        submit(run, sample_ws, tmp_path, "SYT", f"2023-Q{q}", {**GOOD, "BD": (90, 100)})
        submit(run, sample_ws, tmp_path, "HHA", f"2023-Q{q}", {**GOOD, "BD": (50, 50)})
    submit(run, sample_ws, tmp_path, "SYT", "2024-Q1", {**GOOD, "BD": (100, 100)})
    submit(run, sample_ws, tmp_path, "HHA", "2024-Q1", {**GOOD, "BD": (50, 40)})
    return sample_ws


def _figure(ws, period: str, unit: str, sources: bool = True):
    with ws.open_store() as store:
        return compute_figures(ws.program(PROGRAM), Period.parse(period), store, ws.units, sources=sources).get(unit, "BD")


@pytest.mark.parametrize("sources", [True, False])  # row by row, and the database's sums (figures.sums)
def test_a_year_inside_a_range_is_judged_against_its_target_not_its_quarters_plans(ws, sources):
    year = _figure(ws, "2023", "SYT", sources)
    assert (year.plan, year.actual) == (400, 400)  # the year's own report: its target
    syt = _figure(ws, "2023-Q1..2024-Q1", "SYT", sources)
    assert (syt.plan, syt.actual, syt.ratio_plan, syt.ratio_actual) == (500, 500, 500, 500)  # 400 + 2024-Q1's 100
    assert syt.plan_rule == "sum"
    hha = _figure(ws, "2023-Q1..2024-Q1", "HHA", sources)  # no target: the plans its quarters wrote, as before
    assert (hha.plan, hha.actual) == (250, 240)
    province = _figure(ws, "2023-Q1..2024-Q1", "CB", sources)
    assert (province.ratio_plan, province.ratio_actual) == (750, 740)


def test_a_targeted_year_with_no_actual_is_named_with_its_target(ws, run, tmp_path):
    submit(run, ws, tmp_path, "SYT", "2023-Q1", {**GOOD, "BD": (90, None)})
    for q in (2, 3, 4):
        submit(run, ws, tmp_path, "SYT", f"2023-Q{q}", {**GOOD, "BD": (90, None)})
    syt = _figure(ws, "2023-Q1..2024-Q1", "SYT")
    assert (syt.plan, syt.ratio_plan, syt.ratio_actual) == (500, 100, 100)
    assert [(lo.reason, lo.period, lo.plan) for lo in syt.left_out] == [("no_actual", "2023", 400)]
