"""A district with a target of its own whose communes have targets of their own too: its target is never silently
taken for its whole subtree's, dropping its communes' (a payroll ceiling of 2.880 for the district's own staff
beside 680 and 590 for its communes). The year and its half-years agree."""
from __future__ import annotations

from pathlib import Path

from hrplan.reports import build_report

from quarterly import DISTRICT_UNITS, filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử tinh giản biên chế
period: 2024-2028
scope: P
reporting: half
interim: to_date
indicators:
  - {code: BC, name: Biên chế hưởng lương ngân sách, uom: người, direction: lower, accumulation: cumulative}
targets:
  - {indicator: BC, unit: H, period: "2024", value: 2880}
  - {indicator: BC, unit: A, period: "2024", value: 680}
  - {indicator: BC, unit: B, period: "2024", value: 590}
  - {indicator: BC, unit: C, period: "2024", value: 1150}
reporters: [H, A, B, C]
"""
CEILING = {"H": 2880, "A": 680, "B": 590, "C": 1150}
STAFF = {"H": (2950, 2870), "A": (695, 690), "B": (605, 600), "C": (1170, 1140)}


def _sentence(data: dict) -> str:
    return next(s for s in data["narrative"] if s.startswith("Biên chế"))


def _row(data: dict, unit: str) -> dict:
    return next(r for r in [*data["summary"], *data["units"]] if r["unit"] == unit and r["indicator"] == "BC")


def test_a_reporting_districts_own_target_is_added_to_its_communes(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=DISTRICT_UNITS)
    send(ws, *(filled_template(ws, unit, half, {"BC": (CEILING[unit], STAFF[unit][i])})
               for unit in CEILING for i, half in enumerate(["2024-H1", "2024-H2"])))
    year = build_report(ws, "Q-01/KH", "2024").data
    # 2.870 + 690 + 600 + 1.140 = 5.300 against 2.880 + 680 + 590 + 1.150 = 5.300, not against 4.030 (131%)
    assert _sentence(year) == "Biên chế hưởng lương ngân sách: 5.300 người, bằng 100% mức trần 5.300 (không vượt trần).", \
        _sentence(year)
    district = _row(year, "H")
    assert (district["plan"], district["actual"]) == (4150, 4160)  # its own 2.880 with its communes' 1.270
    # the half-year (plans as written, interim to_date) gives the same plan
    half = build_report(ws, "Q-01/KH", "2024-H1").data
    assert _row(half, "P")["plan"] == _row(year, "P")["plan"] == 5300
    assert _row(half, "H")["plan"] == 4150


def test_a_district_that_sent_nothing_of_its_own_is_named_with_its_target(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", program=PROGRAM.replace("reporting: half", "reporting: year"),
                        units=DISTRICT_UNITS)
    send(ws, *(filled_template(ws, unit, "2024", {"BC": (CEILING[unit], STAFF[unit][1])}) for unit in "ABC"))
    year = build_report(ws, "Q-01/KH", "2024").data
    district = _row(year, "H")
    assert (district["plan"], district["actual"], district["full_plan"]) == (1270, 1290, 4150)
    assert any("Huyện Hà chưa gửi báo cáo (KH 2.880)" in f for f in district["lacks"]), district["lacks"]


def test_a_subtree_target_smaller_than_its_members_is_marked(tmp_path: Path) -> None:
    # The district does not report for itself: its target is its subtree's, and smaller than its communes' 1.270.
    program = PROGRAM.replace("reporting: half", "reporting: year").replace("value: 2880", "value: 1200") \
        .replace("reporters: [H, A, B, C]", "reporters: [A, B, C]")
    ws = make_workspace(tmp_path / "ws", program=program, units=DISTRICT_UNITS)
    send(ws, *(filled_template(ws, unit, "2024", {"BC": (CEILING[unit], STAFF[unit][1])}) for unit in "ABC"))
    year = build_report(ws, "Q-01/KH", "2024").data
    district = _row(year, "H")
    assert (district["plan"], district["actual"]) == (1200, 1290)
    assert ("KH giao cho Huyện Hà (1.200) nhỏ hơn tổng KH của các đơn vị trực thuộc (1.270); tỷ lệ tính trên KH "
            "giao cho Huyện Hà.") in district["lacks"], district["lacks"]
    assert any("nhỏ hơn tổng KH" in f for f in district["footnotes"])
