"""A finding on a group's figure says what the figure lacks, as the report's sentence does: the units that sent
nothing, the commune missing of a district only partly in. Before, `check` said 'đạt 80% kế hoạch' for the province
and the district with no mark, an empty cell and `"location": {}`, while the report marked both."""
from __future__ import annotations

import json

import openpyxl
from pathlib import Path

from hrplan.checks import check_program
from hrplan.definitions import Period
from hrplan.figures import compute_figures
from hrplan.importer import Outcome

from quarterly import DISTRICT_UNITS, filled_template, make_workspace, send

PROGRAM = """
code: Q-01/KH
title: Chương trình thử báo cáo theo năm
period: 2024-2026
scope: P
reporting: year
indicators:
  - {code: DT, name: Cán bộ được đào tạo, name_en: Officials trained, uom: người, accumulation: per_period}
targets:
  - {indicator: DT, unit: A, period: "2024", value: 10}
  - {indicator: DT, unit: B, period: "2024", value: 10}
  - {indicator: DT, unit: M, period: "2024", value: 10}
  - {indicator: DT, unit: N, period: "2024", value: 10}
  - {indicator: DT, unit: C, period: "2024", value: 20}
reporters: [H, K, C]
"""
UNITS = DISTRICT_UNITS


def _ws(tmp_path: Path):
    """Huyện Hà's two communes sent; of Huyện Kỳ's, Xã Mai sent (4 of its 10), Xã Nam did not; Sở Công sent nothing."""
    ws = make_workspace(tmp_path / "ws", program=PROGRAM, units=UNITS)
    results = send(ws, filled_template(ws, "A", "2024", {"DT": (None, 9)}),
                   filled_template(ws, "B", "2024", {"DT": (None, 11)}),
                   filled_template(ws, "M", "2024", {"DT": (None, 4)}))
    assert {r.outcome for r in results} == {Outcome.IMPORTED}, [r.problems for r in results]
    return ws


def test_a_finding_on_a_group_figure_says_what_it_lacks(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    program = ws.program("Q-01/KH")
    with ws.open_store() as store:
        figures = compute_figures(program, Period.parse("2024"), store, ws.units, sources=False)
        findings = check_program(program, figures, store, ws.units, "vi")
    behind = {f.unit: f for f in findings if f.code == "check.behind_plan"}
    k, p = behind["K"], behind["P"]
    assert k.message("vi").endswith("đạt 40% kế hoạch (chưa đạt) (chưa gồm Xã Nam (Huyện Kỳ) chưa gửi).")
    assert p.message("vi").endswith("(chưa gồm 1/3 đơn vị chưa gửi: Sở Công) (chưa gồm Xã Nam (Huyện Kỳ) chưa gửi).")
    assert k.to_dict("vi")["lacks"]["members_missing"] == [{"unit": "N", "group": "K"}]
    assert p.to_dict("vi")["lacks"]["absent"] == ["C"] and p.to_dict("vi")["lacks"]["due"] == 3
    # A unit's own figure that lacks nothing carries no mark.
    assert all(f.lacks is None for f in findings if f.unit in ("A", "B", "M"))


def test_check_shows_the_marks_in_the_table_and_the_json_in_both_languages(tmp_path: Path, run) -> None:
    ws = _ws(tmp_path)
    result = run("check", "-p", "Q-01/KH", "--period", "2024", "--verbose", workspace=ws)
    assert "thiếu 2 đơn vị" in result.output  # the province's row: Sở Công and Xã Nam, in the cell column
    assert "(chưa gồm Xã Nam (Huyện Kỳ) chưa gửi)" in result.output
    english = run("check", "-p", "Q-01/KH", "--period", "2024", "--verbose", workspace=ws, lang="en", width=240)
    assert "(not met) (leaves out 1 of the 3 units due to report: Sở Công sent nothing) (leaves out Xã Nam (Huyện Kỳ), " \
           "not sent)" in \
        english.output
    doc = json.loads(run("check", "-p", "Q-01/KH", "--period", "2024", "-f", "json", workspace=ws).stdout)
    rows = doc if isinstance(doc, list) else doc.get("findings", doc)
    [province] = [f for f in rows if f["unit"] == "P" and f["code"] == "check.behind_plan"]
    assert province["lacks"]["absent"] == ["C"]
    assert "chưa gồm 1/3 đơn vị chưa gửi: Sở Công" in province["lacks"]["text"]


DISTRICT_OWN_ROW = """
code: Q-01/KH
title: Chương trình thử báo cáo theo năm
period: 2024-2026
scope: P
reporting: year
indicators:
  - {code: DT, name: Cán bộ được đào tạo, name_en: Officials trained, uom: người, accumulation: per_period}
  - {code: LK, name: Trạm y tế có bác sĩ, name_en: Stations with a doctor, uom: trạm, accumulation: cumulative}
targets:
  - {indicator: DT, unit: K, period: "2025", value: 24}
  - {indicator: DT, unit: M, period: "2025", value: 10}
  - {indicator: DT, unit: N, period: "2025", value: 10}
reporters: [K, M, N]
"""


def test_a_finding_on_a_districts_own_row_carries_no_mark_of_its_communes(tmp_path: Path, run) -> None:
    """Huyện Kỳ sent its own row (8 of 24, stated as 75%; its running total of stations down from 5 to 4), Xã Mai
    sent, Xã Nam did not. Before, the district's stated ratio read 'tính lại được 33% (chưa gồm 1/3 đơn vị chưa gửi:
    Xã Nam)': the 33% is its own 8/24, which lacks nothing; the group's own figures keep their marks."""
    ws = make_workspace(tmp_path / "ws", program=DISTRICT_OWN_ROW, units=UNITS)
    send(ws, filled_template(ws, "K", "2024", {"LK": (None, 5)}), filled_template(ws, "M", "2024", {"LK": (None, 1)}),
         filled_template(ws, "N", "2024", {"LK": (None, 1)}))
    own = filled_template(ws, "K", "2025", {"DT": (None, 8), "LK": (None, 4)})
    book = openpyxl.load_workbook(own)
    sheet = book["Báo cáo"]
    [row] = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "DT"]
    sheet.cell(row, 7).value = "75%"
    book.save(own)
    results = send(ws, own, filled_template(ws, "M", "2025", {"DT": (None, 4), "LK": (None, 1)}))
    assert {r.outcome for r in results} == {Outcome.IMPORTED}, [r.problems for r in results]
    doc = json.loads(run("check", "-p", "Q-01/KH", "--period", "2025", "-f", "json", workspace=ws).stdout)
    rows = doc if isinstance(doc, list) else doc.get("findings", doc)
    found = {(f["code"], f["unit"], f["indicator"]): f for f in rows}
    stated = found[("stated_ratio.differs", "K", "DT")]
    assert stated["message"].endswith("tỷ lệ ghi trong báo cáo là 75%, tính lại được 33%."), stated["message"]
    assert "lacks" not in stated
    decrease = found[("check.cumulative_decrease", "K", "LK")]
    assert "chưa gồm" not in decrease["message"] and "lacks" not in decrease
    # The district's group figure (its target 24 for its row and Xã Mai's) still says it lacks Xã Nam.
    behind = found[("check.behind_plan", "K", "DT")]
    assert "(chưa gồm 1/3 đơn vị chưa gửi: Xã Nam)" in behind["message"] and behind["lacks"]["absent"] == ["N"]
