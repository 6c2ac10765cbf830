"""check.group_counted_twice: a district that sends its communes' total as its own figures is counted twice.

Workbooks are made with the template and imported for real (tests/quarterly.py).
"""
from __future__ import annotations

from pathlib import Path

from hrplan.checks import run_checks
from hrplan.importer import Outcome
from hrplan.reports import build_report

from quarterly import filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Thử
period: 2024-2026
scope: P
reporting: quarter
indicators:
  - {code: DT, name: Cán bộ được đào tạo, uom: người, accumulation: per_period}
  - {code: KP, name: Kinh phí, uom: triệu đồng, accumulation: per_period}
targets:
  - {indicator: DT, unit: C1, period: "2024-Q2", value: 10}
  - {indicator: DT, unit: C2, period: "2024-Q2", value: 20}
reporters: [H1, C1, C2]
"""
UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: H1, name: Huyện Một, parent: P}
  - {code: C1, name: Xã Một, parent: H1}
  - {code: C2, name: Xã Hai, parent: H1}
"""


def _ws(tmp_path: Path, district: dict, program: str = PROGRAM):
    ws = make_workspace(tmp_path / "ws", program, UNITS)
    sent = send(ws, filled_template(ws, "C1", "2024-Q2", {"DT": (None, 12), "KP": ("", 5)}),
                filled_template(ws, "C2", "2024-Q2", {"DT": (None, 18), "KP": ("", 7)}),
                filled_template(ws, "H1", "2024-Q2", district))
    assert all(r.outcome is Outcome.IMPORTED for r in sent), [r.problems for r in sent]
    return ws


def _found(ws) -> list:
    return [f for f in run_checks(ws, ["Q-01/KH"], "2024-Q2") if f.code == "check.group_counted_twice"]


def test_a_district_reporting_its_communes_total_as_its_own_is_an_error_at_its_cell(tmp_path: Path) -> None:
    ws = _ws(tmp_path, {"DT": (30, 30), "KP": ("", 4)})  # DT repeats 12 + 18; KP is the district's own 4
    (finding,) = _found(ws)
    assert (finding.unit, finding.indicator, finding.severity.value) == ("H1", "DT", "error")
    assert (finding.location.file.endswith("Q-01-KH_H1_2024-Q2.xlsx"), finding.location.cell) == (True, "F14")
    vi, en = finding.message("vi"), finding.message("en")
    assert "Huyện Một tự báo cáo Cán bộ được đào tạo: 30" in vi and "(Xã Một, Xã Hai)" in vi and "hiện là 60" in vi
    assert "counts it twice (it now reads 60)" in en
    row = next(r for r in build_report(ws, "Q-01/KH", "2024-Q2").data["summary"] if r["indicator"] == "DT")
    assert row["actual"] == 60  # the sum is not silently changed: the check says what to fix


def test_a_district_with_figures_of_its_own_is_not_flagged(tmp_path: Path) -> None:
    assert _found(_ws(tmp_path, {"DT": ("", 3), "KP": ("", 4)})) == []


def test_the_program_can_turn_the_rule_off_for_a_district_whose_own_figure_happens_to_match(tmp_path: Path) -> None:
    program = PROGRAM + "checks:\n  rules:\n    check.group_counted_twice: {enabled: false}\n"
    assert _found(_ws(tmp_path, {"DT": (30, 30)}, program)) == []


def test_one_small_figure_matching_by_chance_among_figures_of_its_own_is_not_an_error(tmp_path: Path) -> None:
    # Found in a new program: a district's own running total 6 = 3 + 3 by chance, its other figures its own, was an
    # error. A district copying its communes' total matches on every figure both sent; one match of four is chance.
    program = PROGRAM.replace("  - {code: KP, name: Kinh phí, uom: triệu đồng, accumulation: per_period}\n",
                              "  - {code: KP, name: Kinh phí, uom: triệu đồng, accumulation: per_period}\n"
                              "  - {code: LK, name: Lũy kế thạc sỹ, uom: người}\n"
                              "  - {code: HV, name: Học viên, uom: người, accumulation: per_period}\n")
    ws = make_workspace(tmp_path / "ws", program, UNITS)
    sent = send(ws, filled_template(ws, "C1", "2024-Q2", {"DT": (None, 12), "KP": ("", 5), "LK": ("", 3), "HV": ("", 4)}),
                filled_template(ws, "C2", "2024-Q2", {"DT": (None, 18), "KP": ("", 7), "LK": ("", 3), "HV": ("", 6)}),
                filled_template(ws, "H1", "2024-Q2", {"DT": ("", 9), "KP": ("", 4), "LK": ("", 6), "HV": ("", 2)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent), [r.problems for r in sent]
    assert _found(ws) == []
    copied = make_workspace(tmp_path / "copied", program, UNITS)  # the communes' totals on three of four: flagged
    send(copied, filled_template(copied, "C1", "2024-Q2", {"DT": (None, 12), "KP": ("", 5), "LK": ("", 3), "HV": ("", 4)}),
         filled_template(copied, "C2", "2024-Q2", {"DT": (None, 18), "KP": ("", 7), "LK": ("", 3), "HV": ("", 6)}),
         filled_template(copied, "H1", "2024-Q2", {"DT": ("", 30), "KP": ("", 12), "LK": ("", 6), "HV": ("", 2)}))
    assert sorted(f.indicator for f in _found(copied)) == ["DT", "KP", "LK"]
