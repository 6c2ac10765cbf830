"""`hrplan feedback`: the unit's own workbook back, problem cells coloured and commented, a first sheet of links."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from conftest import SAMPLE
from hrplan.reports.submission_template import MAIN_SHEET
from rule_workbooks import declare
from test_cli_check import _edit, _load

NAME = "12-CTr-TU_SYT_2016_to_2019-05.xlsx"


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-calc-nogui when it is absent"
    return found


def test_the_units_workbook_comes_back_marked_and_opens_in_libreoffice(sample_ws, run, tmp_path):
    inbox = tmp_path / "sent"
    inbox.mkdir()
    bad = _edit(NAME, inbox / NAME, {("DT-YT", 7): "250%", ("DT-YT", 5): 30, ("DT-YT", 8): "=cmd|' /C calc'!A0"})
    _load(sample_ws, replace={NAME: bad})
    # A custom rule whose name starts with '=' must stay text on the feedback sheet.
    declare(sample_ws, "checks:\n  custom:\n    - {code: X, name: '=1+2 kiểm tra', left: DT-YT, operator: '<', right: '50'}\n",
            "12-CTr-TU.yaml")
    out = tmp_path / "feedback"
    result = run("feedback", "-p", "12-CTr/TU", "--period", "2016..2019-05", "--unit", "SYT", "-o", out,
                 workspace=sample_ws)
    assert result.exit_code == 0, result.output
    (path,) = out.glob("*.xlsx")
    assert path.name == "12-CTr-TU_SYT_2016_to_2019-05_phan-hoi.xlsx"

    original = load_workbook(bad)[MAIN_SHEET]
    wb = load_workbook(path)
    assert wb.sheetnames == ["Phản hồi", *load_workbook(bad).sheetnames]
    sheet = wb[MAIN_SHEET]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "DT-YT")
    stated, actual = sheet.cell(row, 7), sheet.cell(row, 6)
    assert "Tỷ lệ ghi trong báo cáo là 250%" in stated.comment.text and "Cần: tỷ lệ" in stated.comment.text
    assert stated.fill.fgColor.rgb.endswith("FFC000")
    assert "=1+2 kiểm tra" in actual.comment.text  # the custom rule: DT-YT 80 is not < 50
    # Everything else is as the unit sent it: every value, and unmarked cells have no comment.
    for r in range(1, original.max_row + 1):
        for c in range(1, original.max_column + 1):
            assert sheet.cell(r, c).value == original.cell(r, c).value, (r, c)
    assert sheet.cell(row - 1, 6).comment is None
    # The first sheet lists the findings, each linked to its cell.
    first = wb["Phản hồi"]
    links = {first.cell(r, 6).value: first.cell(r, 6).hyperlink.location
             for r in range(5, first.max_row + 1) if first.cell(r, 6).hyperlink}
    assert links[f"G{row}"] == f"'{MAIN_SHEET}'!G{row}" and links[f"F{row}"] == f"'{MAIN_SHEET}'!F{row}"
    texts = [first.cell(r, 7).value for r in range(5, first.max_row + 1)]
    assert any(t.startswith("[Cảnh báo] =1+2 kiểm tra") for t in texts)
    assert all(first.cell(r, 7).data_type == "s" for r in range(5, first.max_row + 1))

    pdf_dir = tmp_path / "pdf"
    done = subprocess.run([_soffice(), "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(pdf_dir), str(path)],
                          capture_output=True, text=True, timeout=180)
    pdf = pdf_dir / path.with_suffix(".pdf").name
    assert done.returncode == 0 and pdf.exists() and pdf.stat().st_size > 5000, done.stderr
    assert "repair" not in (done.stdout + done.stderr).lower()
    data = pdf.read_bytes()
    assert data.count(b"/Type/Page") - data.count(b"/Type/Pages") >= 2  # the feedback sheet and the unit's own


def test_all_units_writes_one_file_per_unit_with_findings_and_a_moved_file_is_found_in_the_inbox(sample_ws, run,
                                                                                                 tmp_path):
    sent = tmp_path / "sent"
    shutil.copytree(SAMPLE / "submissions", sent)
    from hrplan.importer import import_files

    import_files(sample_ws, sorted(sent.glob("12-CTr-TU_*.xlsx")))
    shutil.move(str(sent / "12-CTr-TU_SNV_2016_to_2019-05.xlsx"), sample_ws.root / "inbox" / "snv.xlsx")
    (sent / "12-CTr-TU_HHA_2016_to_2019-05.xlsx").unlink()
    result = run("feedback", "-p", "12-CTr/TU", "--period", "2016..2019-05", "--all-units", "-o", tmp_path / "out",
                 workspace=sample_ws)
    names = sorted(p.name.split("_")[1] for p in (tmp_path / "out").glob("*.xlsx"))
    assert "SNV" in names and "BTCTU" in names and "HHA" not in names
    assert result.exit_code == 2 and "feedback.file_not_found" in result.stderr and "HHA" in result.stderr


def test_a_file_the_nightly_job_filed_in_done_is_found(tmp_path, run):
    # The nightly job moves each imported file to done/<period>/: feedback looks there (it used to look only at the
    # import path and inbox/, and its advice, putting the file back in inbox/, made the next night take it again).
    from inbox_builder import consolidate, night_workspace

    ws = night_workspace(tmp_path / "night", good=3)
    consolidate(ws, check=True)
    filed = ws.root / "done" / "2016_to_2019-05" / NAME
    assert filed.is_file()
    result = run("feedback", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-u", "SYT", "-o", tmp_path / "out",
                 workspace=ws)
    assert result.exit_code == 0, result.stderr
    (marked,) = (tmp_path / "out").glob("*.xlsx")
    assert MAIN_SHEET in load_workbook(marked).sheetnames


def test_feedback_takes_output_like_template_and_report_and_still_takes_out(tmp_path, run):
    # `template` and `report` take -o/--output; feedback took only --out, so `--output` was a usage error.
    from inbox_builder import consolidate, night_workspace

    ws = night_workspace(tmp_path / "night", good=3)
    consolidate(ws, check=True)
    for option, folder in (("--output", "by-output"), ("--out", "by-out")):
        result = run("feedback", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-u", "SYT", option,
                     tmp_path / folder, workspace=ws)
        assert result.exit_code == 0, (option, result.output, result.stderr)
        assert [p.name for p in (tmp_path / folder).glob("*.xlsx")] == ["12-CTr-TU_SYT_2016_to_2019-05_phan-hoi.xlsx"]
