"""A program-wide `interim: pro_rata` splits flows only: a running total's target (a payroll ceiling) holds whole in
every part of its year, and a review from the program's start is compared with the whole-program target."""
from __future__ import annotations

from pathlib import Path

from hrplan.reports import build_report

from quarterly import TWO_UNITS as UNITS, filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử tinh giản biên chế
period: 2024-2028
scope: P
reporting: half
interim: pro_rata
indicators:
  - {code: BC, name: Biên chế hưởng lương ngân sách, uom: người, direction: lower, accumulation: cumulative}
  - {code: LC, name: Cán bộ trẻ được luân chuyển, uom: người, accumulation: per_period}
targets:
  - {indicator: BC, unit: A, period: "2024", value: 1150}
  - {indicator: BC, unit: B, period: "2024", value: 4800}
  - {indicator: LC, value: 40}
reporters: [A, B]
"""


def _row(data: dict, unit: str, indicator: str) -> dict:
    return next(r for r in data["units"] if r["unit"] == unit and r["indicator"] == indicator)


def test_a_running_totals_ceiling_holds_whole_in_the_half_year(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    send(ws, filled_template(ws, "A", "2024-H1", {"BC": (1150, 1140)}),
         filled_template(ws, "B", "2024-H1", {"BC": (4800, 4790)}))
    data = build_report(ws, "Q-01/KH", "2024-H1").data
    sentence = next(s for s in data["narrative"] if s.startswith("Biên chế"))
    # the ceilings whole (5.950), not halved (2.975: "5.930 người, bằng 199% mức trần")
    assert sentence.startswith("Biên chế hưởng lương ngân sách: 5.930 người, bằng gần 100% mức trần 5.950 "
                               "(không vượt trần)"), sentence
    a = _row(data, "A", "BC")
    assert (a["plan"], a["plan_rule"]) == (1150, "whole")
    assert any("là số lũy kế" in f and "không chia theo thời gian" in f for f in a["footnotes"]), a["footnotes"]
    # the clerks wrote the real ceiling: nothing to flag
    assert not [f for f in data["findings"] if f["code"] == "check.plan_differs_from_target"], data["findings"]


def test_a_review_from_the_programs_start_is_against_the_whole_program_target(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    send(ws, *(filled_template(ws, unit, half, {"LC": (None, n)})
               for unit, half, n in [("A", "2024-H1", 4), ("A", "2024-H2", 5), ("A", "2025-H1", 3),
                                     ("B", "2024-H1", 4), ("B", "2024-H2", 5), ("B", "2025-H1", 3)]))
    data = build_report(ws, "Q-01/KH", "2024..2025-06").data
    sentence = next(s for s in data["narrative"] if s.startswith("Cán bộ trẻ"))
    # 24 of the 40 of the whole program, as the mid-term review says; not 24 of 40 × 18/60 = 12 ("200%, vượt")
    assert sentence.startswith("Cán bộ trẻ được luân chuyển: 24 người, đạt 60% kế hoạch (chưa đạt)"), sentence
    assert [r["plan_rule"] for r in data["summary"] if r["indicator"] == "LC"] == ["review"]
