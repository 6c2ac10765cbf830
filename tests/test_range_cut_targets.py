"""A range that ends (or starts) inside a target's period, as a mid-term review to June does: the targets of the
years wholly inside it plus the interim rule's share of the year it cuts, never the group target dropped."""
from __future__ import annotations

from pathlib import Path

from hrplan.reports import build_report

from quarterly import TWO_UNITS as UNITS, filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử bồi dưỡng
period: 2024-2028
scope: P
reporting: half
interim: pro_rata
indicators:
  - {code: BD, name: Lượt cán bộ tham gia bồi dưỡng, uom: lượt người, accumulation: per_period}
targets:
  - {indicator: BD, period: "2024", value: 400}
  - {indicator: BD, period: "2025", value: 400}
  - {indicator: BD, unit: B, period: "2024", value: 100}
  - {indicator: BD, unit: B, period: "2025", value: 60}
reporters: [A, B]
"""


def test_a_range_to_june_is_judged_against_the_whole_years_and_half_of_the_next(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    # Sở An writes its own plan (100 a half-year); Sở Bình leaves its plan to its targets
    send(ws, *(filled_template(ws, "A", half, {"BD": (100, n)})
               for half, n in [("2024-H1", 90), ("2024-H2", 110), ("2025-H1", 100)]),
         *(filled_template(ws, "B", half, {"BD": ("", n)})
           for half, n in [("2024-H1", 150), ("2024-H2", 120), ("2025-H1", 134)]))
    data = build_report(ws, "Q-01/KH", "2024..2025-06").data
    sentence = next(s for s in data["narrative"] if s.startswith("Lượt cán bộ"))
    # 300 + 404 = 704 against 400 + 400 × 6/12 = 600, not Sở An's own 300 against its 300 ("đạt 100%")
    assert sentence == "Lượt cán bộ tham gia bồi dưỡng: 704 lượt người, đạt 117% kế hoạch (vượt).", sentence
    (province,) = [r for r in data["summary"] if r["indicator"] == "BD"]
    assert (province["plan"], province["plan_rule"]) == (600, "pieced")
    assert ("KH của kỳ cộng phần thuộc kỳ của từng chỉ tiêu, tính theo quy định của chương trình: KH năm 2024 400 + "
            "KH năm 2025 400 × 6/12 tháng = 600.") in province["footnotes"], province["footnotes"]
    # a unit's own yearly targets the same way: 100 + 60 × 6/12 = 130
    b = next(r for r in data["units"] if r["unit"] == "B" and r["indicator"] == "BD")
    assert (b["plan"], b["actual"], b["plan_rule"]) == (130, 404, "pieced")
    # the whole years and the half-years were right already, and stay so
    year = build_report(ws, "Q-01/KH", "2024").data
    assert next(s for s in year["narrative"] if s.startswith("Lượt")) == \
        "Lượt cán bộ tham gia bồi dưỡng: 470 lượt người, đạt 118% kế hoạch (vượt)."
