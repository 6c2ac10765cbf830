"""A range's years and a ceiling, as the report shows them (a tester's report on 15/KH-UBND).

A report to 30/06/2025 charted 2025 with the second half's figures in it; a year without a plan as a point at 0%;
and a ceiling (staff on the budget payroll, `direction: lower`) 111% over its plan as 'đạt 111% kế hoạch', drawn
above the 100% line like a success. Real workbooks made with the template (tests/quarterly.py), imported for real.
"""
from __future__ import annotations

import re

import openpyxl

from hrplan.reports import build_document, build_report, write_reports
from hrplan.reports.json_format import figure_rows
from quarterly import DISTRICT_UNITS, filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử tinh giản biên chế
period: 2024-2026
scope: P
reporting: quarter
interim: pro_rata
indicators:
  - {code: DT, name: Cán bộ được đào tạo, name_en: Officials trained, uom: người, accumulation: per_period}
  - {code: BC, name: Biên chế hưởng lương ngân sách, name_en: Staff on the budget payroll, uom: người,
     direction: lower, accumulation: cumulative, interim: to_date}
targets:
  - {indicator: DT, period: "2024", value: 100}
  - {indicator: DT, period: "2025", value: 100}
  - {indicator: BC, unit: A, period: "2024", value: 50}
  - {indicator: BC, unit: C, period: "2024", value: 40}
reporters: [A, C]
"""
UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: A, name: Sở An, parent: P}
  - {code: C, name: Sở Công, parent: P}
"""
QUARTERS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]


def _two_years(tmp_path):
    """Sở An trains 30 a quarter, Sở Công 0; their payroll is 55 and 40 all along, against ceilings of 50 and 40 in
    2024 (none for 2025). Every quarter of 2024 and 2025 is in, the second half of 2025 with 100 trained."""
    ws = make_workspace(tmp_path / "ws", PROGRAM, UNITS)
    for q in QUARTERS:
        trained = 100 if q >= "2025-Q3" else 30
        send(ws, filled_template(ws, "A", q, {"DT": ("", trained), "BC": ("", 55)}),
             filled_template(ws, "C", q, {"DT": ("", 0), "BC": ("", 40)}))
    return ws


def _labels(svg: str) -> list[str]:
    """The figures written on a chart (not its axis label)."""
    return [t.strip() for t in re.findall(r">\s*(\d[^<>]*%[^<>]*)\s*<", svg)]


def test_a_year_of_a_range_is_cut_at_the_ranges_end_and_said_so(tmp_path):
    ws = _two_years(tmp_path)
    data = build_report(ws, "Q-01/KH", "2024..2025-Q2").data
    rows = {(a["year"], a["indicator"]): a for a in data["annual"]}
    assert [(a["year"], a["indicator"]) for a in data["annual"]] == [(2024, "BC"), (2024, "DT"), (2025, "BC"),
                                                                      (2025, "DT")]
    # 2025 is its first half: 60 trained, not the 260 of the whole year (the second half is after the report's end)
    assert (rows[2025, "DT"]["actual"], rows[2025, "DT"]["span"], rows[2025, "DT"]["period"]) == (
        60, "2025 (đến 30/06)", "2025-01..2025-06")
    assert (rows[2024, "DT"]["actual"], rows[2024, "DT"]["span"]) == (120, "2024")
    doc = build_document(ws, "Q-01/KH", "2024..2025-Q2")
    (chart,) = [c for c in doc.charts if c.key == "over_time"]
    assert "2025 (đến 30/06)" in chart.svg and ">2025<" not in chart.svg.replace(" ", "")
    # no point for the payroll's 2025, which has no ceiling: never a '0%' nor a '-' drawn on the line
    labels = _labels(chart.svg)
    assert labels == ["106% (vượt trần)", "120%", "120%"], labels
    english = build_report(ws, "Q-01/KH", "2024..2025-Q2", lang="en").data
    assert {a["span"] for a in english["annual"]} == {"2024", "2025 (to 30/06)"}


def test_a_ceiling_is_said_and_drawn_as_a_ceiling_not_as_achieving_106_percent(tmp_path):
    ws = _two_years(tmp_path)
    data = build_report(ws, "Q-01/KH", "2024").data
    (row,) = [r for r in data["summary"] if r["indicator"] == "BC"]
    assert (row["display"]["ratio"], row["status"], row["status_text"]) == ("106%", "behind", "vượt trần")
    assert row["sentence"] == "Biên chế hưởng lương ngân sách: 95 người, bằng 106% mức trần 90 (vượt trần)."
    assert "đạt 106%" not in " ".join(data["narrative"])
    (a,) = [r for r in data["units"] if r["unit"] == "A" and r["indicator"] == "BC"]
    (c,) = [r for r in data["units"] if r["unit"] == "C" and r["indicator"] == "BC"]
    assert (a["status_text"], c["status_text"]) == ("vượt trần", "không vượt trần")
    english = build_report(ws, "Q-01/KH", "2024", lang="en").data
    (en,) = [r for r in english["summary"] if r["indicator"] == "BC"]
    assert en["sentence"] == "Staff on the budget payroll: 95 people, 106% of the ceiling of 90 (over the ceiling)."

    doc = build_document(ws, "Q-01/KH", "2024")
    body = doc.context["sections"][0]["paragraph"]
    assert "95 người, bằng 106% mức trần 90 (vượt trần)" in body, body
    (table_row,) = [r for r in doc.context["table"] if r.get("code") == "BC"]
    assert table_row["status_text"] == "vượt trần"
    assert "Sở An: Biên chế hưởng lương ngân sách bằng 110% mức trần (vượt trần)." in doc.context["behind_text"]
    (by_unit,) = [c for c in doc.charts if c.key == "by_unit"]
    assert "110% (vượt trần)" in _labels(by_unit.svg) and "100% (không vượt trần)" in _labels(by_unit.svg)

    paths = write_reports(ws, "Q-01/KH", "2024", ["html", "xlsx", "json"]).paths
    html = paths["html"].read_text(encoding="utf-8")
    assert "bằng 106% mức trần 90 (vượt trần)" in html and "đạt 106%" not in html
    sheet = openpyxl.load_workbook(paths["xlsx"])["2024"]  # a row per unit and indicator
    cells = [list(r) for r in sheet.iter_rows(values_only=True)]
    status = {r[4]: r[9] for r in cells if r[0] == "BC"}
    assert status == {"P": "vượt trần", "A": "vượt trần", "C": "không vượt trần"}, status
    import json

    doc_json = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert doc_json["status_words"]["ceiling.behind"] == "vượt trần"
    back = {(r["unit"], r["indicator"]): r for r in figure_rows(doc_json)}
    assert back["A", "BC"]["status_text"] == "vượt trần" and back["A", "BC"]["direction"] == "lower"


def test_a_year_with_a_ceiling_is_drawn_under_its_own_words(tmp_path):
    ws = _two_years(tmp_path)
    doc = build_document(ws, "Q-01/KH", "2024..2025-Q2")
    (chart,) = [c for c in doc.charts if c.key == "over_time"]
    labels = _labels(chart.svg)
    assert "106% (vượt trần)" in labels, labels
    assert "mức trần: thấp hơn là đạt" in chart.svg


DISTRICT_PROGRAM = """
code: Q-01/KH
title: Chương trình thử trạm y tế
period: 2024-2026
scope: P
reporting: quarter
indicators:
  - {code: TYT, name: Trạm y tế có bác sĩ, name_en: Health stations with a doctor, uom: trạm, kind: coverage,
     accumulation: cumulative}
reporters: [H, A, B, K, M, N, C]
"""


def _district_behind(tmp_path):
    """Huyện Hà's own stations are 5 of 10 with a doctor, its two communes' 1 of 1 each (the district 7/12, 58%);
    Huyện Kỳ 10/10; Sở Công 0/0."""
    ws = make_workspace(tmp_path / "ws", DISTRICT_PROGRAM, DISTRICT_UNITS)
    send(ws, filled_template(ws, "H", "2024-Q1", {"TYT": (10, 5)}),
         *(filled_template(ws, u, "2024-Q1", {"TYT": (1, 1)}) for u in "ABMN"),
         filled_template(ws, "K", "2024-Q1", {"TYT": (8, 8)}), filled_template(ws, "C", "2024-Q1", {"TYT": (0, 0)}))
    return ws


def test_the_unit_chart_shows_a_district_behind_though_its_communes_are_not(tmp_path):
    # It showed the four communes at 100% and left out the district, the one unit behind.
    doc = build_document(_district_behind(tmp_path), "Q-01/KH", "2024-Q1")
    (by_unit,) = [c for c in doc.charts if c.key == "by_unit"]
    assert "Huyện Hà" in by_unit.svg and "Huyện Kỳ" in by_unit.svg and "Xã An" not in by_unit.svg
    assert sorted(_labels(by_unit.svg)) == ["100%", "58%"], _labels(by_unit.svg)


def test_a_coverage_sentence_gives_its_status_word_as_check_does(tmp_path):
    # '…: 17/22, đạt 77%.' where check calls the same figure 'chưa đạt'.
    ws = _district_behind(tmp_path)
    body = build_document(ws, "Q-01/KH", "2024-Q1").context["sections"][0]["paragraph"]
    assert body == "Trạm y tế có bác sĩ: 17/22, đạt 77% (chưa đạt).", body
    data = build_report(ws, "Q-01/KH", "2024-Q1", lang="en").data
    assert data["summary"][0]["sentence"] == "Health stations with a doctor: 17/22, 77% (not met)."
    assert build_report(ws, "Q-01/KH", "2024-Q1").data["narrative"] == ["Trạm y tế có bác sĩ: 17/22, đạt 77% (chưa đạt)."]
