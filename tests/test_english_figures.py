"""One language at a time: --lang en gives English words and English number formats (1,297; 1.15).

Real workbooks made with the template (tests/quarterly.py), imported for real.
"""
from __future__ import annotations

from pathlib import Path

from hrplan.checks import run_checks
from hrplan.importer import Outcome
from hrplan.reports import build_report

from quarterly import filled_template, make_workspace, send


def test_english_report_sentences_and_findings_use_english_numbers(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    (result,) = send(ws, filled_template(ws, "A", "2024", {"DT": (None, "1.297"), "KP": ("2.000", "1.250,5")}))
    assert result.outcome is Outcome.IMPORTED, result.problems
    en = build_report(ws, "Q-01/KH", "2024", lang="en").data
    vi = build_report(ws, "Q-01/KH", "2024").data
    sentences = {r["indicator"]: r["sentence"] for r in en["summary"]}
    # Only Sở An sent: every province figure says which units it leaves out.
    absent = "Sở Bình, Sở Công, Sở Đức, Sở Én"
    assert sentences["DT"] == f"Officials trained: 1,297 people, 3,243% of plan (over) (leaves out 4 of the 5 units due to report: {absent} sent nothing)."
    assert sentences["KP"] == f"Training budget: 1,250.5 million VND, 63% of plan (not met) (leaves out 4 of the 5 units due to report: {absent} sent nothing)."
    assert {r["indicator"]: r["sentence"] for r in vi["summary"]}["KP"] == (
        f"Kinh phí đào tạo: 1.250,5 triệu đồng, đạt 63% kế hoạch (chưa đạt) (chưa gồm 4/5 đơn vị chưa gửi: {absent}).")
    assert en["period"]["text"] == "Year 2024" and en["period"]["window"]["text"] == "data from 15/12/2023 to 14/12/2024"
    behind = next(f for f in run_checks(ws, ["Q-01/KH"], "2024", lang="en") if f.code == "check.behind_plan")
    assert "1,250.5" in behind.message("en") and "2,000" in behind.message("en") and "đạt" not in behind.message("en")


def test_english_sentences_name_periods_as_english_runs_on_not_as_headings(tmp_path: Path) -> None:
    # A period inside an English sentence read "(plan for Year 2024: 40)", a heading's capital mid-sentence;
    # the Vietnamese sentence lowers its own ("KH năm 2024").
    ws = make_workspace(tmp_path / "ws")
    (result,) = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, 14)}))
    assert result.outcome is Outcome.IMPORTED, result.problems
    en = build_report(ws, "Q-01/KH", "2024-Q2", lang="en").data
    row = next(r for r in en["units"] if r["unit"] == "A" and r["indicator"] == "DT")
    assert row["sentence"] == "Officials trained: 14 people (plan for 2024: 40)."
    assert "No plan of its own for Q2 2024; plan for 2024: 40 (context only, not judged)." in row["footnotes"]
    vi = build_report(ws, "Q-01/KH", "2024-Q2").data
    assert next(r for r in vi["units"] if r["unit"] == "A" and r["indicator"] == "DT")["sentence"] == (
        "Cán bộ được đào tạo: 14 người (KH năm 2024: 40).")
    # A year built from quarters, and the first half: 'the figures for 2024', 'for the first half of 2024'.
    year = next(f for f in run_checks(ws, ["Q-01/KH"], "2024", lang="en") if f.code == "check.incomplete_period")
    assert "the figures for 2024 have only 1/4 quarters" in year.message("en"), year.message("en")
    assert "Year" not in year.message("en")
    half = next(f for f in run_checks(ws, ["Q-01/KH"], "2024-H1", lang="en") if f.code == "check.incomplete_period")
    assert "the figures for the first half of 2024 have only" in half.message("en"), half.message("en")
    assert "năm 2024" in next(f for f in run_checks(ws, ["Q-01/KH"], "2024") if
                              f.code == "check.incomplete_period").message("vi")
