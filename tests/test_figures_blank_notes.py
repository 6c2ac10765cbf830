"""An actual left empty with a note beside it ('Chưa quyết toán') is named where its figure is reported.

A unit that sent its report but wrote no number, only a note, is not in the sum: before, with no plan
beside the cell, it vanished (no figure, so the note reached no row). Now the unit's figure is made for it,
the group's row says the sum leaves it out and carries the note. An empty cell without a note is what units
leave on the rows of a shared template that are not theirs: nothing is said of it. Workbooks are made with
the template and imported for real (tests/quarterly.py).
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from hrplan.importer import Outcome
from hrplan.workspace import Workspace

from quarterly import PROGRAM, filled_template, make_workspace, send

CUMULATIVE = PROGRAM.replace("targets:", "  - {code: LK, name: Cán bộ có bằng thạc sĩ (lũy kế), name_en: Officials with a "
                                         "master's degree (running total), uom: người, accumulation: cumulative}\n"
                                         "targets:", 1)


def _ws(tmp_path: Path) -> Workspace:
    ws = make_workspace(tmp_path / "ws", program=CUMULATIVE)
    sent = send(ws,
                filled_template(ws, "A", "2024-Q2", {"KP": ("", 5), "DT": (10, 9)}),
                filled_template(ws, "B", "2024-Q2", {"KP": ("", None, "Chưa quyết toán"), "DT": (10, None, "Chưa tổng hợp"),
                                                             "QH": (None, 4)}),
                filled_template(ws, "C", "2024-Q2", {"KP": ("", None), "DT": (10, 12)}),
                filled_template(ws, "A", "2024-Q1", {"LK": ("", None, "Chưa có số liệu"), "KP": ("", 1)}),
                filled_template(ws, "A", "2024-Q3", {"LK": ("", 7)}),
                filled_template(ws, "B", "2024-Q1", {"LK": ("", 3)}),
                filled_template(ws, "B", "2024-Q3", {"LK": ("", None, "Đang xác minh"), "KP": ("", 2)}))
    assert all(r.outcome is Outcome.IMPORTED for r in sent), [r.problems for r in sent]
    return ws


def _figures(ws: Workspace, period: str):
    with ws.open_store() as store:
        return compute_figures(ws.program("Q-01/KH"), Period.parse(period), store, ws.units)


def _report(ws: Workspace, run, period: str, lang: str, tmp_path: Path) -> dict:
    out = tmp_path / f"r-{lang}.json"
    result = run("report", "-p", "Q-01/KH", "--period", period, "-f", "json", "-o", out, workspace=ws, lang=lang)
    assert result.exit_code == 0, result.output
    return {row["indicator"]: row for row in json.loads(out.read_text(encoding="utf-8"))["summary"] if row["unit"] == "P"}


def test_a_noted_empty_actual_is_not_a_member_of_the_sum_and_is_named_with_its_note(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    figures = _figures(ws, "2024-Q2")
    group, unit = figures.get("P", "KP"), figures.get("B", "KP")
    assert group.actual == Decimal(5) and group.members == ["A"]  # B's empty cell is in no sum
    assert group.blanks == [("B", None)] and ("B", "Chưa quyết toán") in group.notes
    assert unit is not None and unit.actual is None and unit.plan is None and unit.blanks == [("B", None)]
    assert figures.get("C", "KP") is None and ("C", None) not in group.blanks  # empty without a note: nothing said


def test_the_report_row_says_the_sum_leaves_the_unit_out_in_both_languages(tmp_path: Path, run) -> None:
    ws = _ws(tmp_path)
    vi, en = _report(ws, run, "2024-Q2", "vi", tmp_path), _report(ws, run, "2024-Q2", "en", tmp_path)
    assert "Để trống số thực hiện, không có trong tổng: Sở Bình." in vi["KP"]["lacks"]
    assert "Ghi chú của Sở Bình: Chưa quyết toán" in vi["KP"]["footnotes"]
    assert "Actual left empty, not in the total: Sở Bình." in en["KP"]["lacks"]
    assert not any("Sở Công" in text for text in vi["KP"]["footnotes"])
    # With a plan beside it the empty cell is a member left out of the ratio, said once, in those words.
    dt = " ".join(vi["DT"]["footnotes"])
    assert "Sở Bình có KH 10 nhưng chưa có số thực hiện" in dt and "Để trống" not in dt


def test_a_running_total_counts_only_the_last_part_a_unit_sent(tmp_path: Path) -> None:
    figures = _figures(_ws(tmp_path), "2024-Q1..2024-Q3")
    group = figures.get("P", "LK")
    assert group.blanks == [("B", "2024-Q3")]  # A's empty Q1 is behind its Q3 total of 7: nothing is missing
    assert ("B", "Đang xác minh") in group.notes and ("A", "Chưa có số liệu") not in group.notes


def test_the_sentence_of_a_figure_that_leaves_out_a_blank_says_so_beside_it(tmp_path: Path) -> None:
    """Sở Bình sent 2024-Q2 with 'Cán bộ được đào tạo' left empty ('Chưa tổng hợp'): the province's 21 leaves it out.
    The footnote said so, the sentence (narrative, summary, HTML, English) did not: it now says it as the absent mark
    does."""
    from hrplan.reports import build_report
    from hrplan.reports.files import write_reports

    ws = _ws(tmp_path)
    report = build_report(ws, "Q-01/KH", "2024-Q2")
    [dt] = [r for r in report.data["summary"] if r["indicator"] == "DT" and r["unit"] == "P"]
    assert dt["total_actual"] == 21
    assert dt["sentence"].endswith(" (chưa gồm số để trống của Sở Bình) (1).") or dt["sentence"].endswith(
        " (chưa gồm số để trống của Sở Bình).")
    assert any(line.startswith("Cán bộ được đào tạo: 21 người") and "(chưa gồm số để trống của Sở Bình)" in line
               for line in report.data["narrative"])
    assert dt["absent"]["blanks"] == [{"unit": "B", "name": "Sở Bình", "period": None}]
    doc = json.loads(report.to_json())
    [row] = [r for r in doc["summary"] if r["indicator"] == "DT" and r["unit"] == "P"]
    assert row["absent"]["blanks"][0]["unit"] == "B"
    html = write_reports(ws, "Q-01/KH", "2024-Q2", ["html"]).paths["html"].read_text(encoding="utf-8")
    assert "(chưa gồm số để trống của Sở Bình)" in html
    english = build_report(ws, "Q-01/KH", "2024-Q2", lang="en")
    [en] = [r for r in english.data["summary"] if r["indicator"] == "DT" and r["unit"] == "P"]
    assert "(leaves out the actual left empty by Sở Bình)" in en["sentence"]
