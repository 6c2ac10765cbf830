"""A headcount is a level (số tại thời điểm), not a running total: the staff on the budget payroll at a half-year's end
may fall, and falling is the goal of a reduction program. Before, `check.cumulative_decrease` gave an error on every
unit that cut staff ('số lũy kế 1.140 người thấp hơn kỳ trước (1.170 …). Cần: số lũy kế không giảm.') and `check`
exited 1, while the documented settings (`cumulative`, `per_period`) had none that fit a stock."""
from __future__ import annotations

import json
from pathlib import Path

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from hrplan.importer import Outcome

from quarterly import TWO_UNITS as UNITS, filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử tinh giản biên chế
period: 2024-2026
scope: P
reporting: half
indicators:
  - {code: BC, name: Biên chế hưởng lương ngân sách, uom: người, direction: lower, accumulation: cumulative}
  - {code: NS, name: Người làm việc tại thời điểm báo cáo, uom: người, accumulation: level}
  - {code: LK, name: Trạm y tế có bác sĩ (lũy kế), uom: trạm, accumulation: cumulative}
reporters: [A, B]
"""


def _ws(tmp_path: Path):
    """Both units cut staff from H1 to H2 (BC, NS); Sở Bình's running total of stations also fell (LK)."""
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    results = send(ws, filled_template(ws, "A", "2024-H1", {"BC": (None, 1170), "NS": (None, 300), "LK": (None, 5)}),
                   filled_template(ws, "B", "2024-H1", {"BC": (None, 800), "NS": (None, 200), "LK": (None, 9)}))
    results += send(ws, filled_template(ws, "A", "2024-H2", {"BC": (None, 1140), "NS": (None, 280), "LK": (None, 6)}),
                    filled_template(ws, "B", "2024-H2", {"BC": (None, 790), "NS": (None, 190), "LK": (None, 7)}))
    assert {r.outcome for r in results} == {Outcome.IMPORTED}, [r.problems for r in results]
    return ws


def test_a_falling_headcount_is_no_error_and_a_falling_running_total_still_is(tmp_path: Path, run) -> None:
    ws = _ws(tmp_path)
    result = run("check", "-p", "Q-01/KH", "--period", "2024-H2", "-f", "json", workspace=ws)
    doc = json.loads(result.stdout)
    rows = doc if isinstance(doc, list) else doc.get("findings", doc)
    decreases = [(f["unit"], f["indicator"]) for f in rows if f["code"] == "check.cumulative_decrease"]
    # BC (direction: lower) and NS (accumulation: level) fall as they should; only Sở Bình's running total is wrong.
    assert decreases == [("B", "LK")]
    [lk] = [f for f in rows if f["code"] == "check.cumulative_decrease"]
    assert "số lũy kế 7 trạm thấp hơn kỳ trước (9 ở kỳ 6 tháng đầu năm 2024)" in lk["message"]


def test_check_exits_0_when_only_staff_fell(tmp_path: Path, run) -> None:
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    send(ws, filled_template(ws, "A", "2024-H1", {"BC": (None, 1170), "NS": (None, 300)}),
         filled_template(ws, "B", "2024-H1", {"BC": (None, 800), "NS": (None, 200)}))
    send(ws, filled_template(ws, "A", "2024-H2", {"BC": (None, 1140), "NS": (None, 280)}),
         filled_template(ws, "B", "2024-H2", {"BC": (None, 790), "NS": (None, 190)}))
    result = run("check", "-p", "Q-01/KH", "--period", "2024-H2", workspace=ws)
    assert result.exit_code == 0, result.output
    assert "cumulative_decrease" not in result.output


def test_a_level_over_a_year_is_its_latest_half_not_their_sum(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    program = ws.program("Q-01/KH")
    with ws.open_store() as store:
        figures = compute_figures(program, Period.parse("2024"), store, ws.units, sources=False)
    assert figures.get("A", "NS").actual == 280  # the staff at the year's end, not 300 + 280
    assert figures.get("P", "NS").actual == 280 + 190
