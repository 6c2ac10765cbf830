"""A figure that lacks units says so: the report's coverage, its sentences and its rows name the due units that sent
nothing; a district whose every commune sent has reported; section III counts the units it shows."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from hrplan.checks import check_program
from hrplan.figures import compute_figures
from hrplan.importer import Outcome
from hrplan.reports import build_report
from hrplan.reports.content import lacks
from hrplan.definitions import Period
from hrplan.reports.files import write_reports
from hrplan.reports.xlsx_rows import tree_rows
from hrplan.workspace import Workspace

from quarterly import DISTRICT_UNITS, filled_template, make_workspace, send

MISSING = "(chưa gồm 4/5 đơn vị chưa gửi: Sở Bình, Sở Công, Sở Đức, Sở Én)"


@pytest.fixture(scope="module")
def one_sent(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """Only Sở An sent 2024-Q1 (its own plan typed: 55, actual 60); the four other departments sent nothing."""
    ws = make_workspace(tmp_path_factory.mktemp("absent") / "ws")
    results = send(ws, filled_template(ws, "A", "2024-Q1", {"DT": (55, 60)}))
    assert [r.outcome for r in results] == [Outcome.IMPORTED], [r.problems for r in results]
    return ws


def test_a_quarter_with_units_that_sent_nothing_is_not_complete(one_sent: Workspace) -> None:
    report = build_report(one_sent, "Q-01/KH", "2024-Q1")
    coverage = report.data["coverage"]
    assert coverage["complete"] is False
    assert coverage["absent"] == ["B", "C", "D", "E"]
    assert [(c["unit"], c["present"], c["missing"]) for c in coverage["units"]] == [
        (u, 0, ["2024-Q1"]) for u in "BCDE"]
    assert coverage["text"] == ("Chưa nhận được báo cáo của 4/5 đơn vị: Sở Bình, Sở Công, Sở Đức, Sở Én. "
                                "Số liệu tổng hợp chưa gồm các đơn vị này.")
    doc = json.loads(report.to_json())
    assert doc["coverage"]["complete"] is False and doc["coverage"]["absent"] == ["B", "C", "D", "E"]


def test_each_group_figure_lacking_due_units_is_marked_beside_it(one_sent: Workspace) -> None:
    report = build_report(one_sent, "Q-01/KH", "2024-Q1")
    [dt] = [r for r in report.data["summary"] if r["indicator"] == "DT"]
    assert dt["ratio"] == pytest.approx(60 / 55)  # A's own plan: the ratio is over A alone, and says so
    assert dt["sentence"] == ("Cán bộ được đào tạo: 60 người, đạt 109% kế hoạch (vượt) " + MISSING + ".")
    assert dt["footnotes"][0] == "Chưa gồm 4/5 đơn vị chưa gửi báo cáo: Sở Bình, Sở Công, Sở Đức, Sở Én."
    assert dt["absent"] == {"units": ["B", "C", "D", "E"], "names": ["Sở Bình", "Sở Công", "Sở Đức", "Sở Én"],
                            "due": 5}
    assert report.data["narrative"][0] == dt["sentence"]
    # The JSON's rows and the workbook's row of the province carry it too.
    doc = json.loads(report.to_json())
    assert doc["summary"][0]["absent"]["units"] == ["B", "C", "D", "E"]
    frame = tree_rows(report.data, one_sent.units, "vi")
    scope_row = frame[(frame["unit"] == "P") & (frame["indicator"] == "DT")].iloc[0]
    assert scope_row["notes"].startswith("Chưa gồm 4/5 đơn vị chưa gửi báo cáo: Sở Bình")


def test_the_html_report_marks_the_sentence_and_the_table_row(one_sent: Workspace, tmp_path: Path) -> None:
    html = write_reports(one_sent, "Q-01/KH", "2024-Q1", ["html"]).paths["html"].read_text(encoding="utf-8")
    assert MISSING in html
    assert "(1) Chưa gồm 4/5 đơn vị chưa gửi báo cáo: Sở Bình, Sở Công, Sở Đức, Sở Én." in html
    # Said once in section V, not twice.
    assert html.count("Chưa nhận được báo cáo của 4/5 đơn vị") == 2  # under the title, and in section V


def test_a_year_marks_a_unit_that_sent_no_quarter_beside_one_that_sent_three(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    send(ws, *[filled_template(ws, "A", q, {"DT": (None, 10)}) for q in ("2024-Q1", "2024-Q2", "2024-Q3")],
         *[filled_template(ws, u, q, {"DT": (None, 10)}) for u in "BCD" for q in
           ("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4")])
    report = build_report(ws, "Q-01/KH", "2024")
    [dt] = [r for r in report.data["summary"] if r["indicator"] == "DT"]
    assert dt["sentence"].endswith("(số liệu chưa đủ: Sở An 3/4 quý) (chưa gồm 1/5 đơn vị chưa gửi: Sở Én).")
    assert report.data["coverage"]["absent"] == ["E"]
    assert [(c["unit"], c["present"]) for c in report.data["coverage"]["units"]] == [("A", 3), ("E", 0)]


DISTRICT = """
code: Q-01/KH
title: Chương trình thử báo cáo theo năm
period: 2024-2026
scope: P
reporting: year
indicators:
  - {code: DT, name: Cán bộ được đào tạo, uom: người, accumulation: per_period}
targets:
  - {indicator: DT, unit: A, period: "2024", value: 10}
  - {indicator: DT, unit: B, period: "2024", value: 10}
  - {indicator: DT, unit: C, period: "2024", value: 20}
reporters: [H, K, C]
"""


def test_a_district_whose_every_commune_sent_has_reported(tmp_path: Path) -> None:
    """Huyện Hà's figures came as its two communes' submissions (its table of communes, stored per commune): it has
    reported. Huyện Kỳ has one commune of two in: it has not, and says so."""
    ws = make_workspace(tmp_path / "ws", program=DISTRICT, units=DISTRICT_UNITS)
    results = send(ws, filled_template(ws, "A", "2024", {"DT": (None, 9)}),
                   filled_template(ws, "B", "2024", {"DT": (None, 11)}),
                   filled_template(ws, "M", "2024", {"DT": (None, 4)}),
                   filled_template(ws, "C", "2024", {"DT": (None, 20)}))
    assert {r.outcome for r in results} == {Outcome.IMPORTED}
    program = ws.program("Q-01/KH")
    with ws.open_store() as store:
        figures = compute_figures(program, Period.parse("2024"), store, ws.units)
        findings = check_program(program, figures, store, ws.units, "vi")
    assert figures.through_members == {"H": ["A", "B"]}
    missing = [(f.code, f.unit) for f in findings if f.code == "check.missing_submission"]
    assert missing == [("check.missing_submission", "K")]
    report = build_report(ws, "Q-01/KH", "2024")
    coverage = report.data["coverage"]
    # Huyện Kỳ is partly in: Xã Mai's figures are in the totals, Xã Nam's are not; the report names Xã Nam.
    assert coverage["absent"] == [] and coverage["complete"] is False
    assert coverage["partly_in"] == {"K": {"missing": ["N"], "missing_names": ["Xã Nam"]}}
    said = lacks(program, report.data, ws.units, "vi")
    assert said[0] == "Huyện Kỳ: mới có 1/2 đơn vị trực thuộc, chưa có Xã Nam."
    assert not any("Huyện Hà" in line for line in said)


def test_a_district_whose_communes_partly_sent_names_the_missing_commune_not_itself(tmp_path: Path) -> None:
    """Huyện Kỳ sent nothing in its own name, Xã Mai sent, Xã Nam did not: Xã Mai's 4 are in Huyện Kỳ's row and the
    province's, so neither may say Huyện Kỳ is left out; both name Xã Nam, in the sentence, the row and the JSON."""
    ws = make_workspace(tmp_path / "ws", program=DISTRICT, units=DISTRICT_UNITS)
    send(ws, filled_template(ws, "A", "2024", {"DT": (None, 9)}), filled_template(ws, "B", "2024", {"DT": (None, 11)}),
         filled_template(ws, "M", "2024", {"DT": (None, 4)}), filled_template(ws, "C", "2024", {"DT": (None, 20)}))
    report = build_report(ws, "Q-01/KH", "2024")
    [dt] = [r for r in report.data["summary"] if r["indicator"] == "DT"]
    assert dt["total_actual"] == 44  # 9 + 11 + 4 + 20: Huyện Kỳ's commune is in
    assert dt["sentence"].endswith(" (chưa gồm Xã Nam (Huyện Kỳ) chưa gửi).")
    assert "Huyện Kỳ)" in dt["sentence"] and "đơn vị chưa gửi: Huyện Kỳ" not in dt["sentence"]
    assert dt["footnotes"][0] == "Chưa gồm đơn vị trực thuộc chưa gửi báo cáo: Xã Nam (Huyện Kỳ)."
    [k] = [r for r in report.data["units"] if r["unit"] == "K" and r["indicator"] == "DT"]
    assert k["total_actual"] == 4
    assert k["absent"] == {"units": [], "names": [], "due": 1, "members_missing": [
        {"unit": "N", "name": "Xã Nam", "group": "K", "group_name": "Huyện Kỳ"}]}
    doc = json.loads(report.to_json())
    assert doc["summary"][0]["absent"]["members_missing"][0]["unit"] == "N"
    assert doc["coverage"]["partly_in"] == {"K": {"missing": ["N"], "missing_names": ["Xã Nam"]}}
    english = build_report(ws, "Q-01/KH", "2024", lang="en")
    assert "Huyện Kỳ: 1 of 2 members in, not yet Xã Nam." in english.data["coverage"]["text"]


def test_section_three_shows_and_counts_a_unit_with_a_plan_and_no_actual_yet(tmp_path: Path) -> None:
    """Sở Bình sent its plan and left the actual for later (and an actual without a plan): it is one of the units
    section III shows and counts."""
    ws = make_workspace(tmp_path / "ws")
    send(ws, *[filled_template(ws, u, "2024", {"DT": (None, 30)}) for u in "ACDE"],
         filled_template(ws, "B", "2024", {"DT": (60, None), "KP": ("", 12)}))
    html = write_reports(ws, "Q-01/KH", "2024", ["html"]).paths["html"].read_text(encoding="utf-8")
    assert "kết quả của 5 đơn vị trực thuộc Tỉnh Thử" in html
    assert "<td>Sở Bình</td>" in html.replace("\n", "")


def test_status_and_the_arrival_matrix_say_the_same_of_a_district_as_the_report(tmp_path: Path) -> None:
    """`hrplan status`, its --period matrix and the nightly digest counted Huyện Hà 'chưa gửi' while the report and
    `check` said it had reported through its communes: all now say so; Huyện Kỳ (one commune of two) stays missing."""
    from datetime import date

    from hrplan.checks import completeness_matrix
    from hrplan.store import workspace_status

    ws = make_workspace(tmp_path / "ws", program=DISTRICT, units=DISTRICT_UNITS)
    send(ws, filled_template(ws, "A", "2024", {"DT": (None, 9)}), filled_template(ws, "B", "2024", {"DT": (None, 11)}),
         filled_template(ws, "M", "2024", {"DT": (None, 4)}), filled_template(ws, "C", "2024", {"DT": (None, 20)}))
    program = ws.program("Q-01/KH")
    with ws.open_store() as store:
        rows = workspace_status(store, ws.programs, ws.units)
        matrix = completeness_matrix(program, Period.parse("2024"), store, ws.units, None, date(2025, 3, 1))
    assert [(r.period, r.missing) for r in rows] == [("2024", ["K"])]
    cells = {row.unit: row.cells[0].status for row in matrix.rows}
    assert cells["H"] == "through_members" and cells["K"] == "missing" and cells["A"] == "sent"


PLANNING = """
code: Q-01/KH
title: Chương trình thử quy hoạch
period: 2024-2026
scope: P
reporting: year
indicators:
  - {code: DT, name: Cán bộ được đào tạo, uom: người, accumulation: per_period}
  - {code: QH, name: Quy hoạch lãnh đạo sở, uom: người, kind: planning_ratio, band: {min: 1.0, max: 1.5}}
  - {code: QH-NU, name: Trong đó nữ, uom: người, planning: {role: women, of: QH}}
planning_limits: {women_min_share: 0.25, source: Quy định 377-QĐ/TW}
reporters: [A, B, C, D, E]
"""


def test_the_planning_section_marks_its_figures_as_the_indicator_table_does(tmp_path: Path) -> None:
    """Sở An and Sở Bình sent (5 seats, 7 planned, 2 women); three departments sent nothing. Table II marked the
    planning row, section III's row and its share line did not (HTML, Word and English alike)."""
    ws = make_workspace(tmp_path / "ws", program=PLANNING)
    send(ws, filled_template(ws, "A", "2024", {"DT": (10, 9), "QH": (2, 3), "QH-NU": (None, 1)}),
         filled_template(ws, "B", "2024", {"DT": (10, 12), "QH": (3, 4), "QH-NU": (None, 1)}))
    from hrplan.reports.document import build_document

    missing = "(chưa gồm 3/5 đơn vị chưa gửi: Sở Công, Sở Đức, Sở Én)"
    doc = build_document(ws, "Q-01/KH", "2024")
    [row] = doc.context["planning"]
    table_mark = next(r["mark"] for r in doc.context["table"] if r.get("code") == "QH")
    assert row["mark"] == table_mark != "" and row["name"].endswith(table_mark)
    [share] = doc.context["planning_limits"]
    assert f"2/7 người, bằng 28,6% {missing}; mức tối thiểu 25%" in share
    html = write_reports(ws, "Q-01/KH", "2024", ["html", "docx"]).paths["html"].read_text(encoding="utf-8")
    assert f"bằng 28,6% {missing}" in html
    english = build_document(ws, "Q-01/KH", "2024", lang="en")
    assert "(leaves out 3 of the 5 units due to report: Sở Công, Sở Đức, Sở Én sent nothing)" in english.context["planning_limits"][0]
    assert english.context["planning"][0]["mark"] != ""


def test_section_four_shows_a_row_for_each_unit_that_sent_nothing_and_one_with_only_an_error(tmp_path: Path) -> None:
    """Sở An sent its training (45 of 40); Sở Bình sent only its planning, 5 people for 0 seats (an error, no ratio);
    Sở Công, Sở Đức and Sở Én sent nothing (plans 100, 50, 20). The section counted 1 unit and showed Sở An alone."""
    from hrplan.reports.document import build_document

    ws = make_workspace(tmp_path / "ws")
    send(ws, filled_template(ws, "A", "2024", {"DT": (40, 45)}), filled_template(ws, "B", "2024", {"QH": (0, 5)}))
    context = build_document(ws, "Q-01/KH", "2024").context
    rows = context["top_units"]
    assert list(dict.fromkeys(r["unit_code"] for r in rows)) == ["A", "B", "C", "D", "E"]
    assert context["top_units_text"].startswith("Bảng dưới đây nêu kết quả của 5 đơn vị trực thuộc Tỉnh Thử")
    [b] = [r for r in rows if r["unit_code"] == "B"]
    assert (b["indicator"], b["actual"]) == ("QH", "5")
    unsent = [(r["unit_code"], r["indicator"], r["plan"], r["actual"], r["status_text"]) for r in rows
              if r["unit_code"] in "CDE"]
    assert unsent == [("C", "DT", "100", "-", "Chưa gửi báo cáo"), ("C", "QH", "3", "-", "Chưa gửi báo cáo"),
                      ("D", "DT", "50", "-", "Chưa gửi báo cáo"), ("E", "DT", "20", "-", "Chưa gửi báo cáo")]
    html = write_reports(ws, "Q-01/KH", "2024", ["html", "docx"]).paths["html"].read_text(encoding="utf-8")
    assert html.count("Chưa gửi báo cáo<") >= 3 or html.count("Chưa gửi báo cáo") >= 3
    english = build_document(ws, "Q-01/KH", "2024", lang="en").context
    assert [r["status_text"] for r in english["top_units"] if r["unit_code"] == "E"] == ["No report sent"]


def test_a_unit_that_sent_nothing_is_missing_only_from_the_indicators_it_reports(tmp_path: Path) -> None:
    """Sở Công reports headcounts, never a budget (its budget row left empty in every file, no budget target): its
    missing Q2 leaves out nothing of the budget total, which is complete and says nothing; the headcount total
    names it. Sở Én never sent the program anything: nothing says what it does not report, so it is missing from
    both (a total is marked rather than wrongly complete)."""
    ws = make_workspace(tmp_path / "ws")
    budget = {"A": (100, 90), "B": (50, 50)}
    q1 = [filled_template(ws, u, "2024-Q1", {"DT": (None, 5), **({"KP": budget[u]} if u in budget else {})})
          for u in "ABCD"]
    q2 = [filled_template(ws, u, "2024-Q2", {"DT": (None, 6), **({"KP": budget[u]} if u in budget else {})})
          for u in "ABD"]
    results = send(ws, *q1, *q2)
    assert all(r.outcome is Outcome.IMPORTED for r in results), [r.problems for r in results]
    report = build_report(ws, "Q-01/KH", "2024-Q2", lang="en")
    rows = {r["indicator"]: r for r in report.data["summary"]}
    assert report.data["coverage"]["absent"] == ["C", "E"]  # both sent nothing: the coverage line names both
    assert rows["DT"]["absent"]["units"] == ["C", "E"] and rows["DT"]["absent"]["due"] == 5
    assert rows["KP"]["absent"]["units"] == ["E"] and rows["KP"]["absent"]["due"] == 4
    assert "Sở Công" not in rows["KP"]["sentence"] and "Sở Công" in rows["DT"]["sentence"]
    # The workbook's period sheet: Sở Công has a "Sent nothing" headcount row, no budget row; the province's
    # budget row does not name it.
    path = write_reports(ws, "Q-01/KH", "2024-Q2", ["xlsx"], lang="en").paths["xlsx"]
    sheet = openpyxl.load_workbook(path)["2024-Q2"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Code")
    code, unit, status, notes = (header.index(c) for c in ("Code", "Unit (Code)", "Status", "Notes"))
    table = {(r[code], r[unit]): r for r in sheet.iter_rows(values_only=True) if r[unit] in ("P", "C", "E")}
    assert table[("DT", "C")][status] == "Sent nothing"
    assert ("KP", "C") not in table
    assert table[("KP", "E")][status] == "Sent nothing"
    assert "Sở Công" not in (table[("KP", "P")][notes] or "") and "Sở Én" in table[("KP", "P")][notes]
    assert table[("DT", "P")][notes].startswith("Leaves out 2 of the 5 units due to report: Sở Công, Sở Én sent nothing.")
    assert table[("KP", "P")][notes].startswith("Leaves out 1 of the 4 units due to report: Sở Én sent nothing.")
