"""`hrplan check`: findings as data with codes and cells, and exit codes the nightly job relies on."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

from conftest import SAMPLE, sample_submissions
from hrplan.importer import import_files
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET

SUB = SAMPLE / "submissions"


def _load(ws, skip: tuple[str, ...] = (), replace: dict[str, Path] | None = None) -> None:
    import_files(ws, sample_submissions()[:1])
    files = [replace.get(p.name, p) if replace else p for p in sample_submissions()[1:] if p.name not in skip]
    import_files(ws, files)


def _edit(name: str, dst: Path, changes: dict[tuple[str, int], object]) -> Path:
    shutil.copy(SUB / name, dst)
    wb = load_workbook(dst)
    ws = wb[MAIN_SHEET]
    rows = {ws.cell(r, 2).value: r for r in range(HEADER_ROW + 2, ws.max_row + 1)}
    for (code, col), value in changes.items():
        ws.cell(rows[code], col).value = value
    wb.save(dst)
    return dst


def _check(run, ws, program: str, period: str, *extra: str):
    result = run("check", "-p", program, "--period", period, "--format", "json", *extra, workspace=ws)
    return result, json.loads(result.stdout)["findings"]


def test_behind_plan_is_a_warning_so_the_exit_code_is_0_unless_fail_on_warning(sample_ws, run):
    _load(sample_ws)
    result, findings = _check(run, sample_ws, "12-CTr/TU", "2016..2019-05")
    assert result.exit_code == 0
    behind = {(f["unit"], f["indicator"]) for f in findings if f["code"] == "check.behind_plan"}
    assert {("CB", "BD-QLNN"), ("CB", "BD-LDQL"), ("CB", "LC-TRE"), ("SNV", "BD-QLNN")} <= behind
    qlnn = next(f for f in findings if f["code"] == "check.behind_plan" and f["unit"] == "CB" and f["indicator"] == "BD-QLNN")
    assert qlnn["severity"] == "warning" and "79/176" in qlnn["message"] and "45%" in qlnn["message"]
    strict, _ = _check(run, sample_ws, "12-CTr/TU", "2016..2019-05", "--fail-on", "warning")
    assert strict.exit_code == 1


def test_a_unit_that_did_not_report_is_an_error_and_exit_code_1(sample_ws, run):
    _load(sample_ws, skip=("12-CTr-TU_HHA_2016_to_2019-05.xlsx",))
    result, findings = _check(run, sample_ws, "12-CTr/TU", "2016..2019-05")
    assert result.exit_code == 1
    missing = [f for f in findings if f["code"] == "check.missing_submission"]
    assert [(f["unit"], f["severity"]) for f in missing] == [("HHA", "error")]
    table = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", workspace=sample_ws)
    assert table.exit_code == 1 and "Huyện Hòa An (HHA) chưa gửi báo cáo" in table.stdout


def test_parts_that_do_not_add_up_and_a_ratio_outside_its_band(sample_ws, run, tmp_path):
    name = "08-CTr-TU_BTCTU_2021_to_2023-05.xlsx"
    bad = _edit(name, tmp_path / name, {("CB-GIOITHIEU", 6): 100, ("QH-BCH", 6): 85})
    _load(sample_ws, replace={name: bad})
    result, findings = _check(run, sample_ws, "08-CTr/TU", "2021..2023-05")
    assert result.exit_code == 1
    mismatch = [f for f in findings if f["code"] == "check.breakdown_mismatch"]
    # Named where it is, once: the province's sum disagrees only by BTCTU's own error (it was said again for CB,
    # without a cell, and counted as a second error).
    assert {f["unit"] for f in mismatch} == {"BTCTU"}
    assert "210" in mismatch[0]["message"] and "208" in mismatch[0]["message"]
    assert next(f for f in mismatch if f["unit"] == "BTCTU")["location"]["cell"].startswith("F")
    band = [f for f in findings if f["code"] == "check.planning_ratio_out_of_band"]
    assert {(f["unit"], f["indicator"]) for f in band} == {("BTCTU", "QH-BCH"), ("CB", "QH-BCH")}
    assert "1,6" in band[0]["message"] and "1,5" in band[0]["message"]


def test_a_stated_percentage_that_differs_is_flagged_at_its_cell(sample_ws, run, tmp_path):
    name = "12-CTr-TU_SYT_2016_to_2019-05.xlsx"
    bad = _edit(name, tmp_path / name, {("DT-YT", 7): "250%", ("DT-YT", 5): 30})
    _load(sample_ws, replace={name: bad})
    _, findings = _check(run, sample_ws, "12-CTr/TU", "2016..2019-05")
    stated = [f for f in findings if f["code"] == "stated_ratio.differs"]
    assert len(stated) == 1 and stated[0]["unit"] == "SYT" and stated[0]["location"]["cell"].startswith("G")
    assert "250%" in stated[0]["message"] and "267%" in stated[0]["message"]  # 80 / 30 as the file states the plan
    plan = [f for f in findings if f["code"] == "check.plan_differs_from_target"]
    assert [(f["unit"], f["indicator"], f["severity"]) for f in plan] == [("SYT", "DT-YT", "info")]


def test_english_messages_and_a_bad_program_name(sample_ws, run):
    _load(sample_ws)
    result = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", "--lang", "en", workspace=sample_ws)
    assert "of plan (not met)" in result.stdout
    unknown = run("check", "-p", "99-CTr/TU", "--period", "2023", workspace=sample_ws)
    assert unknown.exit_code == 2 and "program.not_found" in unknown.stderr and "12-CTr/TU" in unknown.stderr


def test_a_mistyped_fail_on_level_is_a_usage_error_not_a_silent_pass(sample_ws, run):
    # The nightly job relies on the exit code: a typo must not turn every run green.
    result = run("check", "--period", "2016..2019-05", "--fail-on", "warnings", workspace=sample_ws)
    assert result.exit_code == 2
    assert "option.invalid" in result.stderr and "error, warning, info, never" in result.stderr


def test_many_findings_are_summarised_at_a_terminal_and_verbose_prints_every_one(sample_ws, run, monkeypatch):
    # The summary is what a national check shows (tens of thousands of findings); the sample is lowered into it.
    from hrplan.cli import cmd_check

    _load(sample_ws, skip=("12-CTr-TU_HHA_2016_to_2019-05.xlsx",))
    _, findings = _check(run, sample_ws, "12-CTr/TU", "2016..2019-05")
    assert len(findings) > 6
    monkeypatch.setattr(cmd_check, "FULL_TABLE", 5)
    table = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", workspace=sample_ws)
    out = table.stdout
    assert table.exit_code == 1 and "Theo quy tắc" in out and "Theo đơn vị trực thuộc Tỉnh Cao Bằng" in out
    by_rule = {}
    for f in findings:
        by_rule[f["code"]] = by_rule.get(f["code"], 0) + 1
    for code, n in by_rule.items():  # each rule's row: its code and its count
        assert any(code.removeprefix("check.") in line and f" {n} " in line for line in out.splitlines()), code
    flat = " ".join(out.split())  # a long message (with its figure's marks) wraps at the terminal's width
    shown = [f["message"] for f in findings if " ".join(f["message"].split()) in flat]
    assert len(shown) == min(20, len(findings)) < len(findings) + 1
    assert "Huyện Hòa An (HHA) chưa gửi báo cáo" in out  # the error comes first among the most important
    assert f"Danh sách đầy đủ {len(findings)} vấn đề: thêm --verbose" in out
    every = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", "--verbose", workspace=sample_ws).stdout
    assert all(f["message"] in every for f in findings)
    listing = every.split("vấn đề ở")[0]
    assert sum(line.lstrip().startswith(f"{n}. ") for n in range(1, len(findings) + 1) for line in listing.splitlines()) \
        == len(findings)  # one numbered line per finding, before the summary
    assert "[bold]" not in every and "[/]" not in every


def test_the_summary_in_english(sample_ws, run, monkeypatch):
    from hrplan.cli import cmd_check

    _load(sample_ws)
    monkeypatch.setattr(cmd_check, "FULL_TABLE", 2)
    out = run("check", "-p", "12-CTr/TU", "--period", "2016..2019-05", "--lang", "en", workspace=sample_ws).stdout
    assert "By rule" in out and "By unit under Tỉnh Cao Bằng" in out and "most important" in out
    assert "add --verbose, or write a file with -f xlsx, -f csv, -f json" in out


def test_a_check_over_several_programs_names_each_findings_program(sample_ws, run, monkeypatch):
    # `check --period 2021` covers 06-ĐA/TU and 08-CTr/TU: "Unit BTCTU has not sent its report for 2021" did not
    # say for which program, and the table had no program either.
    from hrplan.cli import cmd_check

    _load(sample_ws)
    missing = "08-CTr/TU: Unit Ban Tổ chức Tỉnh ủy (BTCTU) has not sent its report for 2021."
    table = run("check", "--period", "2021", workspace=sample_ws, lang="en")
    assert table.exit_code == 1, table.output
    assert missing in table.stdout and "06-ĐA/TU: Unit Sở Nội vụ Bến Tre (SNV-BT) has not sent" in table.stdout
    rows = [line for line in table.stdout.splitlines() if line.startswith("│")]
    programs = [i for i, line in enumerate(rows) if "Program 06-ĐA/TU" in line or "Program 08-CTr/TU" in line]
    assert len(programs) == 2 and "Program 06-ĐA/TU" in rows[programs[0]]  # a row above each program's units
    assert any("BTCTU" in line for line in rows[programs[1]:]) and not any("BTCTU" in line for line in rows[:programs[1]])
    vi = run("check", "--period", "2021", workspace=sample_ws).stdout
    assert "Chương trình 08-CTr/TU" in vi and "08-CTr/TU: Đơn vị Ban Tổ chức Tỉnh ủy (BTCTU) chưa gửi" in vi
    # one program named: nothing added
    one = run("check", "-p", "08-CTr/TU", "--period", "2021", workspace=sample_ws, lang="en").stdout
    assert "Unit Ban Tổ chức Tỉnh ủy (BTCTU) has not sent" in one and "08-CTr/TU:" not in one and "Program " not in one
    # beyond the full table: the most important findings and --verbose's lines say it too
    monkeypatch.setattr(cmd_check, "FULL_TABLE", 3)
    summary = run("check", "--period", "2021", workspace=sample_ws, lang="en").stdout
    assert "By rule" in summary and missing in summary and "Program 08-CTr/TU" in summary
    every = run("check", "--period", "2021", "--verbose", workspace=sample_ws, lang="en").stdout
    assert f"Error missing_submission {missing}" in every
    data = json.loads(run("check", "--period", "2021", "-f", "json", workspace=sample_ws).stdout)
    assert {(f["program"], f["unit"]) for f in data["findings"] if f["code"] == "check.missing_submission"} >= {
        ("08-CTr/TU", "BTCTU"), ("06-ĐA/TU", "SNV-BT")}
