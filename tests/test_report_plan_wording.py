"""How the report's footnotes name a target held whole or pieced from others (found by a tester, exD).

A payroll ceiling kept as a level (`accumulation: level`, `direction: lower`) was called "Chỉ tiêu … là số lũy kế (số
có đến cuối kỳ)": it is a ceiling, and a number at a moment, not a running total.
"""
from __future__ import annotations

from pathlib import Path

from hrplan.reports import build_report

from quarterly import TWO_UNITS as UNITS, filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử tinh giản biên chế
period: 2024-2026
scope: P
reporting: quarter
interim: pro_rata
indicators:
  - {code: BC, name: Biên chế hưởng lương ngân sách, uom: người, direction: lower, accumulation: level}
  - {code: LK, name: Cán bộ được luân chuyển, uom: người, accumulation: cumulative}
  - {code: BD, name: Lượt cán bộ được bồi dưỡng, uom: lượt người, accumulation: per_period}
targets:
  - {indicator: BC, unit: A, period: "2024", value: 60}
  - {indicator: LK, unit: A, period: "2024", value: 40}
  - {indicator: BD, unit: A, period: "2024", value: 120}
  - {indicator: BD, unit: A, period: "2025", value: 120}
reporters: [A]
"""


def _row(data: dict, unit: str, indicator: str) -> dict:
    return next(r for r in data["units"] if r["unit"] == unit and r["indicator"] == indicator)


def test_a_levels_ceiling_held_whole_is_called_a_ceiling_at_the_periods_end(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    send(ws, filled_template(ws, "A", "2024-Q3", {"BC": (60, 58), "LK": (40, 10)}))
    vi = build_report(ws, "Q-01/KH", "2024-Q3").data
    notes = _row(vi, "A", "BC")["footnotes"]
    assert "Mức trần năm 2024 (60) là số tại thời điểm cuối kỳ, giữ nguyên cho từng kỳ trong đó, không chia theo " \
           "thời gian." in notes, notes
    assert not [n for n in notes if "lũy kế" in n or "Chỉ tiêu" in n], notes
    # a running total's target keeps its words
    assert "Chỉ tiêu năm 2024 (40) là số lũy kế (số có đến cuối kỳ)" in " ".join(_row(vi, "A", "LK")["footnotes"])
    en = build_report(ws, "Q-01/KH", "2024-Q3", lang="en").data
    notes = _row(en, "A", "BC")["footnotes"]
    assert any(n.startswith("The ceiling for 2024 (60) is a level (the number at the period's end)") for n in notes), notes


def test_a_plan_pieced_from_two_cut_years_spells_each_share(tmp_path: Path) -> None:
    """Over 2024-Q2..2025-Q1 the plan is 120 × 9/12 + 120 × 3/12: the footnote said "(như KH năm 2025: 120)", as if
    a year lay wholly inside the range (found by a tester over 2025-Q2..2026-Q1)."""
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    send(ws, *(filled_template(ws, "A", q, {"BD": (None, 30)}) for q in ("2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1")))
    for lang, words in (
            ("vi", "KH của kỳ cộng phần thuộc kỳ của từng chỉ tiêu, tính theo quy định của chương trình: KH năm 2024 "
                   "120 × 9/12 tháng + KH năm 2025 120 × 3/12 tháng = 120."),
            ("en", "the plan for 2024 120 × 9/12 months + the plan for 2025 120 × 3/12 months = 120.")):
        row = _row(build_report(ws, "Q-01/KH", "2024-Q2..2025-Q1", lang=lang).data, "A", "BD")
        assert (row["plan"], row["plan_rule"]) == (120, "pieced")
        assert any(words in n for n in row["footnotes"]), row["footnotes"]
        assert not [n for n in row["footnotes"] if "nằm trọn" in n or "such as the plan" in n], row["footnotes"]
