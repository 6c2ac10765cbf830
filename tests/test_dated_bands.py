"""A planning regulation changes: bands and limits with their dates, each period judged by the one in force at its end.

Found by a user test of a planning program (15-KH/TU): the analyst changed a band from 1,0–1,3 (Quy định 50-QĐ/TW)
to 1,0–2,0 (Quy định 377-QĐ/TW, issued 08/10/2025) and the report of a half-year that had ended in June said
"trong khung" and named Quy định 377, with no note; a band with dates (`until: 2025-10-07`) was refused as
"datetime.date(2025, 10, 7)" of a field that does not exist. Real program files, real workbooks (the program's
template filled and imported) and the real check and report.
"""
from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from hrplan.definitions import load_program
from hrplan.problems import HrplanError
from rule_workbooks import GOOD, PROGRAM, PROGRAM_FILE, PROGRAM_YAML, findings, submit

# Quy định 50 until the last day of June 2023, Quy định 377 from the next day: Q2 2023 is judged by the first, Q3 by
# the second. The limits move with them (the women's floor raised from 25% to 30%, for the test's sake).
DATED_BAND = """band: [{min: 1.0, max: 1.3, source: Quy định 50-QĐ/TW, until: 2023-06-30},
           {min: 1.0, max: 2.0, source: Quy định 377-QĐ/TW, from: 2023-07-01}]"""
DATED_LIMITS = """planning_limits:
  - {people_per_title_max: 3, titles_per_person_max: 3, women_min_share: 0.25, young_min_share: 0.15,
     source: Quy định 50-QĐ/TW, until: 2023-06-30}
  - {people_per_title_max: 3, titles_per_person_max: 3, women_min_share: 0.30, young_min_share: 0.15,
     source: Quy định 377-QĐ/TW, from: 2023-07-01}
"""
SINGLE_BAND = "band: {min: 1.0, max: 1.5, source: Quy định 377-QĐ/TW}"
SINGLE_LIMITS = PROGRAM_YAML[PROGRAM_YAML.index("planning_limits:"):]


def dated_program(band: str = DATED_BAND, limits: str = DATED_LIMITS) -> str:
    text = PROGRAM_YAML.replace(SINGLE_LIMITS, limits)
    return text.replace("kind: planning_ratio, " + SINGLE_BAND + "}", "kind: planning_ratio,\n     " + band + "}")


def _html_text(path: Path) -> str:
    text = re.sub(r"<style.*?</style>|<svg.*?</svg>", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"</(p|h1|h2|h3|tr|div)>", "\n", text)
    text = re.sub(r"</t[dh]>", " | ", text)
    return "\n".join(line.strip() for line in unescape(re.sub(r"<[^>]+>", "", text)).splitlines() if line.strip())


@pytest.fixture
def changed(sample_ws, run, tmp_path):
    """Huyện Hòa An plans 16 people for 10 seats (1,6 lần) and 4 women among them (25%), Sở Y tế 12 for 10 with 4
    women, in Q2 and again in Q3 2023: the province 28 for 20 (1,4 lần), 8 women (28,6%)."""
    (sample_ws.root / "programs" / PROGRAM_FILE).write_text(dated_program(), encoding="utf-8")
    for period in ("2023-Q2", "2023-Q3"):
        submit(run, sample_ws, tmp_path, "SYT", period, GOOD)
        submit(run, sample_ws, tmp_path, "HHA", period, {**GOOD, "QH": (10, 16), "QH-NU": (None, 4)})
    return sample_ws


def test_a_period_is_judged_by_the_band_in_force_at_its_end_and_names_its_regulation(changed, run):
    band = {f["unit"]: f["message"] for f in findings(run, changed, "2023-Q2", "check.planning_ratio_out_of_band")}
    assert band == {
        "HHA": "Quy hoạch Ban Chấp hành: 16 người cho 10 vị trí, bằng 1,6 lần; khung quy định 1,0–1,3 lần "
               "(Quy định 50-QĐ/TW).",
        "CB": "Quy hoạch Ban Chấp hành: 28 người cho 20 vị trí, bằng 1,4 lần; khung quy định 1,0–1,3 lần "
              "(Quy định 50-QĐ/TW)."}
    # The same numbers a quarter later, under Quy định 377's band of 1,0–2,0: within it.
    assert findings(run, changed, "2023-Q3", "check.planning_ratio_out_of_band") == []


def test_the_limits_in_force_at_the_period_end_judge_the_shares(changed, run):
    assert findings(run, changed, "2023-Q2", "check.planning_women_share") == []  # 25% and 28,6%: at least 25%
    q3 = {f["unit"]: f["message"] for f in findings(run, changed, "2023-Q3", "check.planning_women_share")}
    assert q3["HHA"] == ("Trong đó nữ: 4/16 người quy hoạch là nữ (25,0%), dưới mức tối thiểu 30% "
                         "(Quy định 377-QĐ/TW).")


def test_the_report_of_a_past_period_keeps_its_band_and_regulation(changed, run, tmp_path):
    path = tmp_path / "q2.html"
    result = run("report", "-p", PROGRAM, "--period", "2023-Q2", "-f", "html", "-o", path, workspace=changed)
    assert result.exit_code == 0, result.output
    text = _html_text(path)
    # (a table cell keeps a number and its word on one line: a no-break space between them)
    assert "Quy hoạch Ban Chấp hành | 20 | 28 | 1,4\u00a0lần | 1,0–1,3\u00a0lần (Quy định 50-QĐ/TW) | trên khung" in text
    assert "Quy hoạch Ban Chấp hành: 28 người cho 20 vị trí, bằng 1,4 lần (trên khung 1,0–1,3 lần theo " \
           "Quy định 50-QĐ/TW)." in text
    assert "Đơn vị chưa bảo đảm giới hạn hoặc khung theo Quy định 50-QĐ/TW:" in text
    assert "Quy định 377" not in text
    path = tmp_path / "q3.html"
    result = run("report", "-p", PROGRAM, "--period", "2023-Q3", "-f", "html", "-o", path, workspace=changed)
    assert result.exit_code == 0, result.output
    text = _html_text(path)
    assert "Quy hoạch Ban Chấp hành | 20 | 28 | 1,4\u00a0lần | 1,0–2,0\u00a0lần (Quy định 377-QĐ/TW) | trong khung" in text
    assert "mức tối thiểu 30% (Quy định 377-QĐ/TW): dưới mức tối thiểu" in text
    assert "Quy định 50" not in text


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / PROGRAM_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    return [f"dòng {p.location.line} › {p.message('vi')}" for p in exc.value.problems]


def test_the_single_band_form_and_the_dated_list_both_load(tmp_path):
    from datetime import date

    path = tmp_path / PROGRAM_FILE
    path.write_text(dated_program(), encoding="utf-8")
    qh = load_program(path).indicator("QH")
    assert (qh.band_at(date(2023, 6, 30)).source, qh.band_at(date(2023, 7, 1)).source) == (
        "Quy định 50-QĐ/TW", "Quy định 377-QĐ/TW")
    path.write_text(PROGRAM_YAML, encoding="utf-8")
    single = load_program(path)
    assert single.indicator("QH").band_at(date(2024, 1, 1)).max == 1.5
    assert single.limits_at(date(2024, 1, 1)).women_min_share == 0.25


@pytest.mark.parametrize(("band", "expected"), [
    # overlapping: Quy định 50's until: after Quy định 377's from:
    (DATED_BAND.replace("until: 2023-06-30", "until: 2023-07-10"),
     "dòng 12 › Trường indicators[3].band[0].until: 2023-07-10. Cần: một ngày cuối trước ngày đầu của mục [1] "
     "(from: 01/07/2023): mỗi ngày chỉ một mức có hiệu lực."),
    # a gap: nothing in force from 21/06 to 30/06
    (DATED_BAND.replace("until: 2023-06-30", "until: 2023-06-20"),
     "dòng 13 › Trường indicators[3].band[1].from: 2023-07-01. Cần: ngày liền sau until: của mục [0] (21/06/2023): "
     "không để ngày nào không có mức."),
    # two bands in force for good: the first one never ends
    (DATED_BAND.replace(", until: 2023-06-30", ""),
     "dòng 12 › Trường indicators[3].band[0].until: thiếu. Cần: một ngày cuối trước ngày đầu của mục [1] "
     "(from: 01/07/2023): mỗi ngày chỉ một mức có hiệu lực."),
    # the program's last days without a band
    (DATED_BAND.replace("from: 2023-07-01}", "from: 2023-07-01, until: 2024-12-31}"),
     "dòng 13 › Trường indicators[3].band[1].until: 2024-12-31. Cần: không trước ngày cuối của chương trình "
     "(31/12/2025), hoặc bỏ until: (còn hiệu lực)."),
])
def test_overlapping_or_gapped_dates_are_refused_at_their_line(tmp_path, band, expected):
    assert _problems(tmp_path, dated_program(band=band)) == [expected]


def test_a_date_is_shown_as_written_never_as_python(tmp_path):
    text = PROGRAM_YAML.replace("source: Quy định 377-QĐ/TW}}", "source: Quy định 377-QĐ/TW, untill: 2025-10-07}}")
    assert _problems(tmp_path, text) == [
        "dòng 11 › Trường indicators[3].band.untill: 2025-10-07. Cần: không có trường này (tên gõ sai?)."]


def test_a_comma_in_an_unquoted_name_says_to_put_the_name_in_quotes(tmp_path):
    text = PROGRAM_YAML.replace("{code: BD, name: Bồi dưỡng cán bộ trong kỳ,",
                                "{code: BD, name: Bồi dưỡng cán bộ xã, phường trong kỳ,")
    assert _problems(tmp_path, text) == [
        "dòng 8 › Trường indicators[0].name: 'Bồi dưỡng cán bộ xã', còn 'phường trong kỳ' bị đọc thành một trường "
        "riêng: dấu ',' hoặc ':' trong giá trị không để trong ngoặc kép đã cắt nó ra. Cần: để cả giá trị trong ngoặc "
        "kép: name: \"Bồi dưỡng cán bộ xã, phường trong kỳ\"."]


def test_a_colon_in_an_unquoted_name_says_to_put_the_name_in_quotes(tmp_path):
    path = tmp_path / PROGRAM_FILE
    path.write_text(PROGRAM_YAML.replace("name: Bồi dưỡng cán bộ trong kỳ,", "name: Bồi dưỡng: cán bộ trong kỳ,"),
                    encoding="utf-8")
    with pytest.raises(HrplanError) as exc:
        load_program(path)
    (problem,) = exc.value.problems
    assert problem.code == "yaml.syntax" and problem.location.line == 8
    assert "hãy để giá trị đó (thường là tên) trong ngoặc kép" in problem.message("vi")
    assert "put that value (usually a name) in double quotes" in problem.message("en")


def test_breaches_of_two_regulations_are_not_listed_under_one(sample_ws, run, tmp_path):
    """The band still from Quy định 50, the limits from Quy định 377: the heading names neither alone, each line
    names its own."""
    program = PROGRAM_YAML.replace(SINGLE_BAND, SINGLE_BAND.replace("377", "50"))
    (sample_ws.root / "programs" / PROGRAM_FILE).write_text(program, encoding="utf-8")
    submit(run, sample_ws, tmp_path, "SYT", "2023-Q2", GOOD)
    submit(run, sample_ws, tmp_path, "HHA", "2023-Q2", {**GOOD, "QH": (10, 16), "QH-NU": (None, 2)})
    path = tmp_path / "q2.html"
    result = run("report", "-p", PROGRAM, "--period", "2023-Q2", "-f", "html", "-o", path, workspace=sample_ws)
    assert result.exit_code == 0, result.output
    text = _html_text(path)
    assert "Đơn vị chưa bảo đảm giới hạn hoặc khung theo quy định về quy hoạch cán bộ:" in text
    assert ("- Huyện Hòa An: Quy hoạch Ban Chấp hành: 16 người cho 10 vị trí, bằng 1,6 lần; khung quy định 1,0–1,5 lần "
            "(Quy định 50-QĐ/TW).") in text
    assert "- Huyện Hòa An: Trong đó nữ: 2/16 người quy hoạch là nữ (12,5%), dưới mức tối thiểu 25% (Quy định 377-QĐ/TW)." \
        in text
