"""A program's `interim: pro_rata` splits a year's flow (people trained) by quarter, never a planning ratio's seats:
a title's 2 seats are 2 seats in every quarter, and 2 people planned for them is 1,0 lần, not 4 lần against 0,5."""
from __future__ import annotations

from pathlib import Path

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from hrplan.importer import Outcome

from quarterly import PROGRAM, filled_template, make_workspace, send

PRO_RATA = PROGRAM.replace("reporting: quarter\n", "reporting: quarter\ninterim: pro_rata\n")


def test_pro_rata_splits_a_flow_by_quarter_but_keeps_a_planning_ratios_seats_whole(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", program=PRO_RATA)
    program = ws.program("Q-01/KH")
    seats = program.plan_for("QH", "A", Period.parse("2024-Q2"))
    assert seats.target is not None and seats.target.value == 2, seats  # the year's 2 seats, not 2 × 3/12
    assert program.plan_for("DT", "A", Period.parse("2024-Q2")).target.value == 10  # 40 × 3/12: a flow is split
    (sent,) = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, 9), "QH": (None, 2)}))
    assert sent.outcome is Outcome.IMPORTED, sent.problems
    with ws.open_store() as store:
        figures = compute_figures(program, Period.parse("2024-Q2"), store, ws.units)
    qh = figures.get("A", "QH")
    assert (qh.plan, qh.actual, round(qh.ratio, 2)) == (2, 2, 1.0)
    from hrplan.reports import build_report

    row = next(r for r in build_report(ws, "Q-01/KH", "2024-Q2").data["units"] if r["unit"] == "A" and r["indicator"] == "QH")
    assert row["plan_rule"] == "whole"
    assert any("giữ nguyên cho từng kỳ" in f for f in row["footnotes"]), row["footnotes"]
