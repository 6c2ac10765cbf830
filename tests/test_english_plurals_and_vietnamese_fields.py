"""Words a message carries are in its own language and number: 'dòng 24' in Vietnamese, '1 error' in English.

The nightly log said "(0 errors, 1 warnings)" and "1 program(s)"; a program file's wrong period was told in
Vietnamese as "Cần: '2024-20x6' is not a period; write it like 2021-2025." at "units.yaml › line 24".
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE, make_sample_workspace
from inbox_builder import consolidate

from hrplan.definitions.program_files import load_program
from hrplan.problems import HrplanError


def test_a_wrong_program_period_is_told_in_vietnamese_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("code: X\ntitle: t\nperiod: 2024-20x6\nindicators:\n  - {code: A, name: a, uom: người}\n",
                    encoding="utf-8")
    with pytest.raises(HrplanError) as caught:
        load_program(path)
    (problem,) = caught.value.problems
    assert "Cần: '2024-20x6' không phải một kỳ; hãy viết như 2021-2025." in problem.message("vi")
    assert "Expected: '2024-20x6' is not a period; write it like 2021-2025." in problem.message("en")
    assert problem.location.describe("vi") == "x.yaml › dòng 3 › period"
    assert problem.location.describe("en") == "x.yaml › line 3 › period"


def test_the_nightly_log_counts_in_english_singular_and_plural(tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    shutil.copyfile(SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx",
                    ws.root / "inbox" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx")
    run = consolidate(ws, env={"HRPLAN_LANG": "en", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stdout + run.stderr
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert "reports rewritten for 1 program." in log and "program(s)" not in log
    report = next(line for line in log.splitlines() if " report " in line)
    assert "(1 errors" not in report and " 1 warnings" not in report
    assert any(f"({n} error{'' if n == 1 else 's'}, " in report for n in range(50))


def test_no_english_message_writes_a_plural_as_s_in_brackets() -> None:
    from hrplan.messages import MESSAGES, render

    assert [code for code, (_, en) in MESSAGES.items() if "(s)" in en] == []
    assert render("import.summary.errors", "en", n=1) == "1 error"
    assert render("import.summary.errors", "en", n=3) == "3 errors"
    assert render("findings.counts", "en", error=1, warning=0, info=2) == "1 error, 0 warnings, 2 notes."
    assert render("template.written", "en", n=1) == "Wrote 1 template."


def test_the_template_command_counts_in_english(sample_ws, run, tmp_path: Path) -> None:
    result = run("template", "-p", "12-CTr/TU", "--period", "2019", "--unit", "SYT", "-o", tmp_path / "t.xlsx",
                 workspace=sample_ws, lang="en")
    assert result.exit_code == 0, result.output
    assert "Wrote 1 template." in result.output


@pytest.mark.parametrize("layout, vi, en", [
    ("  - {files: '^HHA_', label_column: B2}", "'B2' không phải một cột; hãy ghi chữ cái của cột, ví dụ B",
     "'B2' is not a column; write its letters, e.g. B"),
    ("  - {files: '^HHA_(', label_column: B}", "'^HHA_(' không phải một biểu thức chính quy",
     "'^HHA_(' is not a regular expression"),
    ("  - {files: '^HHA_', captions: {kehoach: [KH]}}", "vai trò của tiêu đề cột là plan, actual, estimate, ratio hoặc ignore",
     "caption roles are plan, actual, estimate, ratio or ignore"),
    ("  - {header_row: 9, label_column: B}", "mỗi cách trình bày (layout) trong hrplan.yaml ghi các tệp nó dùng cho",
     "each layout in hrplan.yaml names the files it is for"),
])
def test_a_wrong_layout_setting_is_told_in_the_users_language(sample_ws, run, layout: str, vi: str, en: str) -> None:
    config = sample_ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "layouts:\n" + layout + "\n", encoding="utf-8")
    said_vi = run("status", workspace=sample_ws)
    said_en = run("status", workspace=sample_ws, lang="en")
    assert said_vi.exit_code == said_en.exit_code != 0
    assert vi in said_vi.output and en not in said_vi.output
    assert en in said_en.output
