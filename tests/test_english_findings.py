"""--lang en findings in English: indicator names (name_en), units of measure, numbers and norm bands.

A program whose every indicator has an English name, its units' templates filled in and imported for real, then
checked in English: no finding message keeps a Vietnamese word, apart from the proper names the program cannot
translate (the units', the regulation's) and what a unit wrote itself.
"""
from __future__ import annotations

import json
import unicodedata

import pytest
from openpyxl import load_workbook

from hrplan.importer import import_files
from hrplan.reports import build_report, write_reports
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET
from rule_workbooks import workbook

PROGRAM = "EN-01/KH"
PROGRAM_YAML = """\
code: EN-01/KH
title: Kế hoạch thử nghiệm đào tạo, bồi dưỡng và quy hoạch cán bộ
title_en: Test plan for training and planning
period: 2022-2025
scope: CB
reporting: quarter
reporters: [SYT, HHA]
indicators:
  - {code: BD, name: Lượt cán bộ được bồi dưỡng, name_en: Officials trained, uom: lượt người, accumulation: per_period}
  - {code: BD-NAM, name: "Trong đó: nam", name_en: of which men, uom: lượt người, accumulation: per_period}
  - {code: BD-NU, name: "Trong đó: nữ", name_en: of which women, uom: lượt người, accumulation: per_period}
  - {code: KP, name: Kinh phí đào tạo, name_en: Training budget, uom: triệu đồng, accumulation: per_period}
  - {code: LK, name: Đào tạo sau đại học lũy kế, name_en: Postgraduates (running total), uom: người, accumulation: cumulative}
  - {code: PH, name: Trạm y tế có bác sĩ, name_en: Health stations with a doctor, uom: trạm, kind: coverage}
  - {code: QH, name: Quy hoạch Ban Chấp hành, name_en: Executive committee planning, kind: planning_ratio,
     band: {min: 1.0, max: 1.5, source: Quy định 377-QĐ/TW}}
  - {code: QH-NU, name: Trong đó nữ quy hoạch, name_en: of whom women, planning: {role: women, of: QH}}
  - {code: QH-TRE, name: Trong đó cán bộ trẻ, name_en: of whom young, planning: {role: young, of: QH}}
  - {code: QH-CD, name: Số người quy hoạch nhiều nhất cho một chức danh, name_en: Most people for one title,
     planning: {role: people_per_title}}
  - {code: QH-NG, name: Số chức danh nhiều nhất cho một người, name_en: Most titles for one person,
     planning: {role: titles_per_person}}
breakdowns:
  - {total: BD, parts: [BD-NAM, BD-NU]}
planning_limits: {people_per_title_max: 3, titles_per_person_max: 3, women_min_share: 0.25, young_min_share: 0.15,
                  source: Quy định 377-QĐ/TW}
targets:
  - {indicator: KP, period: '2022', value: 100}
  - {indicator: KP, period: '2023', value: 100}
  - {indicator: KP, period: '2024', value: 100}
  - {indicator: KP, period: '2025', value: 100}
  - {indicator: KP, value: 350}
checks:
  custom:
    - {code: CD-3, name: Mỗi chức danh không quá ba người, name_en: At most three people per title,
       left: QH-CD, operator: "<=", right: "3"}
"""

# Each unit's quarter, (plan, actual) per indicator, made to set off every rule that names an indicator.
FIRST = {"SYT": {"LK": (None, 30)}}
SECOND = {
    # 1.250,5 of 2.000: behind plan; 23 of 20 stations: coverage over 100%; 26 after 30: a running total down;
    # 20 people for 13 seats: 1,54 times, out of the band; 4 women and 2 young of 20, 4 people per title and
    # 4 titles per person: over the limits (the first also over the custom rule's 3).
    "SYT": {"KP": (2000, 1250.5), "PH": (20, 23), "LK": (None, 26), "QH": (13, 20), "QH-NU": (None, 4),
            "QH-TRE": (None, 2), "QH-CD": (None, 4), "QH-NG": (None, 4), "BD": (1100, 980),
            "BD-NAM": (None, 500), "BD-NU": (None, 480)},
    # A plan of 1 against 1.420: over plan and a likely typo; parts 700 + 710 of 1.420: a breakdown that does not
    # add up; a plan of 500 without its actual: a missing value.
    "HHA": {"BD": (1, 1420), "BD-NAM": (None, 700), "BD-NU": (None, 710), "KP": (500, None)},
    # The province reports its units' total as its own: counted twice.
    "CB": {"BD": (None, 2400)},
}
EXPECTED_RULES = {
    "check.behind_plan", "check.over_plan", "check.likely_typo", "check.coverage_over_100",
    "check.cumulative_decrease", "check.breakdown_mismatch", "check.group_counted_twice", "check.missing_value",
    "check.subperiod_targets", "check.planning_ratio_out_of_band", "check.planning_women_share",
    "check.planning_young_share", "check.planning_people_per_title", "check.planning_titles_per_person",
    "check.custom",
}
# Proper names the program cannot translate: the regulation a limit comes from.
PROPER_NAMES = ("Quy định 377-QĐ/TW",)


def vietnamese_letters(text: str) -> str:
    """Give the letters of `text` outside ASCII (ư, ơ, đ, ạ …), in order."""
    return "".join(ch for ch in text if ord(ch) > 127 and unicodedata.category(ch).startswith("L"))


@pytest.fixture
def checked_ws(sample_ws, run, tmp_path):
    (sample_ws.root / "programs" / "EN-01-KH.yaml").write_text(PROGRAM_YAML, encoding="utf-8")
    for period, figures in (("2023-Q1", FIRST), ("2023-Q2", SECOND)):
        folder = tmp_path / period
        folder.mkdir()
        for unit, values in figures.items():
            path = workbook(run, sample_ws, folder, unit, period, values, program=PROGRAM)
            (result,) = import_files(sample_ws, [path])
            assert result.outcome.value == "imported", result.problems
    return sample_ws


def check(run, ws, lang: str) -> list[dict]:
    result = run("check", "-p", PROGRAM, "--period", "2023-Q2", "-f", "json", workspace=ws, lang=lang)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def test_english_findings_name_indicators_units_of_measure_and_bands_in_english(checked_ws, run):
    findings = check(run, checked_ws, "en")
    assert EXPECTED_RULES <= {f["code"] for f in findings}
    unit_names = sorted((u.name for u in checked_ws.units.units.values()), key=len, reverse=True)
    for f in findings:
        text = f["message"]
        for name in (*unit_names, *PROPER_NAMES):
            text = text.replace(name, "")
        assert vietnamese_letters(text) == "", (f["code"], f["message"])
    by_code = {f["code"]: f for f in findings}
    assert by_code["check.behind_plan"]["message"] == (
        "Training budget: 1,250.5 of 2,000 million VND, 63% of plan (not met).")
    assert "Officials trained: 1,420 of 1 person-times" in by_code["check.over_plan"]["message"]
    assert by_code["check.planning_ratio_out_of_band"]["message"] == (
        "Executive committee planning: 20 people for 13 seats, 1.54 times; the norm band is 1.0–1.5 times "
        "(Quy định 377-QĐ/TW).")
    assert by_code["check.planning_ratio_out_of_band"]["figure"] == "1.54"
    assert by_code["check.missing_value"]["message"].startswith("Training budget (Q2 2023): a plan of 500 million VND")
    assert by_code["check.custom"]["message"].startswith("At most three people per title: QH-CD = 4")


def test_vietnamese_findings_are_as_before(checked_ws, run):
    by_code = {f["code"]: f for f in check(run, checked_ws, "vi")}
    assert by_code["check.behind_plan"]["message"] == (
        "Kinh phí đào tạo: thực hiện 1.250,5/2.000 triệu đồng, đạt 63% kế hoạch (chưa đạt).")
    assert by_code["check.planning_ratio_out_of_band"]["message"] == (
        "Quy hoạch Ban Chấp hành: 20 người cho 13 vị trí, bằng 1,54 lần; khung quy định 1,0–1,5 lần (Quy định 377-QĐ/TW).")
    assert by_code["check.planning_ratio_out_of_band"]["figure"] == "1,54"
    assert "1.420/1 lượt người" in by_code["check.over_plan"]["message"]


def test_the_english_reports_list_of_errors_and_planning_table_are_english(checked_ws):
    report = build_report(checked_ws, PROGRAM, "2023-Q2", lang="en").data
    errors = [f["message"] for f in report["findings"] if f["severity"] == "error"]
    assert "Officials trained: total 1,420 but the parts add up to 1,410 (700 + 710)." in errors
    html = write_reports(checked_ws, PROGRAM, "2023-Q2", ["html"], "en").paths["html"].read_text(encoding="utf-8")
    assert "1.0–1.5 times" in html and "lần" not in html
    assert "Officials trained: total 1,420" in html and "Lượt cán bộ" not in html.split("<body", 1)[-1]


def test_a_converted_amount_is_told_in_each_languages_numbers(sample_ws, run, tmp_path):
    """A budget row typed in tỷ đồng (the number 0.4, as Excel stores it) is converted to the indicator's
    triệu đồng; the import note says 0,4 in Vietnamese and 0.4 billion VND in English."""
    (sample_ws.root / "programs" / "EN-01-KH.yaml").write_text(PROGRAM_YAML, encoding="utf-8")
    path = workbook(run, sample_ws, tmp_path, "SYT", "2023-Q2", {"KP": (None, 0.4)}, program=PROGRAM)
    wb = load_workbook(path)
    sheet = wb[MAIN_SHEET]
    row = next(r for r in range(HEADER_ROW + 2, sheet.max_row + 1) if sheet.cell(r, 2).value == "KP")
    sheet.cell(row, 4).value = "tỷ đồng"
    wb.save(path)
    english = run("import", "--dry-run", path, workspace=sample_ws, lang="en")
    assert "Converted 0.4 billion VND to 400 million VND." in english.output, english.output
    vietnamese = run("import", path, workspace=sample_ws)
    assert vietnamese.exit_code == 0, vietnamese.output
    assert "Đã đổi 0,4 tỷ đồng thành 400 triệu đồng." in vietnamese.output, vietnamese.output


@pytest.fixture
def ceiling_ws(sample_ws, run, tmp_path):
    """The rule tests' program with a lower-is-better indicator (early leavers, a ceiling of 4), and SYT's 6."""
    from rule_workbooks import GOOD, add_program, submit

    add_program(sample_ws)
    program = sample_ws.root / "programs" / "QT-01-KH.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "  - {code: BD, name: Bồi dưỡng cán bộ trong kỳ, uom: người, accumulation: per_period}",
        "  - {code: BD, name: Bồi dưỡng cán bộ trong kỳ, uom: người, accumulation: per_period}\n"
        "  - {code: NV, name: Nghỉ việc trước tuổi, name_en: Early leavers, uom: người, direction: lower,"
        " accumulation: per_period}"), encoding="utf-8")
    submit(run, sample_ws, tmp_path, "SYT", "2023-Q1", {**GOOD, "NV": (4, 6)})
    return sample_ws


def test_a_ceiling_overrun_is_said_as_a_ceiling_not_as_achieving_150_percent(ceiling_ws, run):
    # "thực hiện 6/4 người, đạt 150% kế hoạch (chưa đạt)" for officials leaving early, where lower is better.
    from rule_workbooks import PROGRAM, findings

    (vi,) = [f for f in findings(run, ceiling_ws, "2023-Q1", "check.behind_plan") if f["unit"] == "SYT"]
    assert "vượt mức trần 4" in vi["message"] and "đạt 150%" not in vi["message"]
    (en,) = [f for f in findings(run, ceiling_ws, "2023-Q1", "check.behind_plan", PROGRAM, "--lang", "en")
             if f["unit"] == "SYT"]
    assert en["message"] == "Early leavers: 6 people, above the ceiling of 4 (150% of it; not met)."


def test_a_ceiling_findings_words_survive_the_report_json(ceiling_ws, run, tmp_path):
    # The JSON report leaves out a message that is its code's template filled: a finding worded otherwise (a
    # ceiling's 'behind plan') must carry its own message, or a reader rebuilds 'đạt 150% kế hoạch'.
    import json

    from hrplan.reports.json_format import finding_rows
    from rule_workbooks import PROGRAM

    out = tmp_path / "r.json"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "json", "-o", out, workspace=ceiling_ws).exit_code == 0
    rows = finding_rows(json.loads(out.read_text(encoding="utf-8")))
    (ceiling,) = [r for r in rows if r["code"] == "check.behind_plan" and r["unit"] == "SYT" and r["indicator"] == "NV"]
    assert "vượt mức trần 4" in ceiling["message"], ceiling
