"""`hrplan feedback`: the unit's own workbook back, problem cells coloured and commented, a first sheet of links."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from conftest import SAMPLE
from hrplan.reports.feedback import FILL
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
    assert "thạc sỹ: tỷ lệ ghi trong báo cáo là 250%" in stated.comment.text and "Cần: tỷ lệ" in stated.comment.text
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
    assert any(t.startswith("=1+2 kiểm tra") for t in texts)  # the level has its own column
    assert all(first.cell(r, 7).data_type == "s" for r in range(5, first.max_row + 1))
    # The kind of each problem in the clerk's words (it showed 'stated_ratio.differs'); the code last, for the analyst.
    assert [first.cell(4, c).value for c in (3, 8)] == ["Loại vấn đề", "Mã (cho cán bộ tổng hợp)"]
    kinds = {first.cell(r, 8).value: first.cell(r, 3).value for r in range(5, first.max_row + 1)}
    assert kinds["stated_ratio.differs"] == "Tỷ lệ ghi sai" and kinds["custom"] == "Quy tắc của chương trình"
    assert not any("_" in kind or "." in kind for kind in kinds.values()), kinds

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


def _refused_night(tmp_path):
    """Give a workspace whose nightly run refused SYT's file (DT-YT's actual typed '3 người'), and that file's row."""
    from conftest import make_sample_workspace
    from inbox_builder import consolidate

    ws = make_sample_workspace(tmp_path / "night")
    config = ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("settle_seconds: 2", "settle_seconds: 0.3"),
                      encoding="utf-8")
    sent = _edit(NAME, ws.root / "inbox" / "BC SYT quy.xlsx", {("DT-YT", 6): "3 người"})
    os.utime(sent, (1_700_000_000, 1_700_000_000))
    original = load_workbook(sent)[MAIN_SHEET]
    row = next(r for r in range(1, original.max_row + 1) if original.cell(r, 2).value == "DT-YT")
    night = consolidate(ws)
    assert night.returncode == 3, night.stdout + night.stderr
    assert (ws.root / "rejected" / "BC SYT quy.xlsx.reason.txt").is_file()
    return ws, row


def test_a_refused_file_comes_back_to_its_clerk_with_the_refusing_cell_marked(tmp_path, run):
    # The nightly job refused the unit's file: nothing stored, so the checks had nothing and feedback said
    # "Không có vấn đề nào cần phản hồi", exit 0, no file. The clerk is the one who must mend it.
    ws, row = _refused_night(tmp_path)
    out = tmp_path / "out"
    result = run("feedback", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-u", "SYT", "-o", out, workspace=ws)
    assert result.exit_code == 0, result.output + result.stderr
    assert "Không có vấn đề" not in result.stdout
    assert "bị từ chối" in result.stdout and "rejected/BC SYT quy.xlsx.reason.txt" in result.stdout
    (path,) = out.glob("*.xlsx")
    assert path.name == "12-CTr-TU_SYT_2016_to_2019-05_bi-tu-choi_phan-hoi.xlsx"
    wb = load_workbook(path)
    sheet = wb[MAIN_SHEET]
    marked = sheet.cell(row, 6)
    assert marked.value == "3 người" and marked.fill.fgColor.rgb.endswith(FILL["error"])
    assert "Ô chứa '3 người', cần một số" in marked.comment.text
    first = wb["Phản hồi"]
    assert "chưa được nhận" in first["A1"].value and "BC SYT quy.xlsx.reason.txt" in first["A2"].value
    assert [first.cell(5, c).value for c in (2, 3, 5, 6, 8)] == ["Lỗi", "Ô không phải là số", MAIN_SHEET, f"F{row}",
                                                                  "value.not_number"]
    assert first.cell(5, 6).hyperlink.location == f"'{MAIN_SHEET}'!F{row}"
    # --all-units finds it too; in English the sheet is English
    en = run("feedback", "--period", "2016..2019-05", "--all-units", "-o", tmp_path / "en", workspace=ws, lang="en")
    assert en.exit_code == 0 and "was refused" in en.stdout, en.output
    (english,) = (tmp_path / "en").glob("*.xlsx")
    assert load_workbook(english)["Feedback"].cell(5, 3).value == "Not a number"


def test_a_refusal_made_good_is_no_longer_sent_back(tmp_path, run):
    from inbox_builder import consolidate

    ws, _ = _refused_night(tmp_path)
    fixed = _edit(NAME, ws.root / "inbox" / "BC SYT quy.xlsx", {("DT-YT", 6): 3})
    os.utime(fixed, (1_700_000_100, 1_700_000_100))
    assert consolidate(ws).returncode in (0, 3)
    assert not (ws.root / "rejected" / "BC SYT quy.xlsx").exists()  # settled: in rejected/settled/
    result = run("feedback", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-u", "SYT", "-o", tmp_path / "out",
                 workspace=ws)
    assert not list((tmp_path / "out").glob("*bi-tu-choi*"))
    assert "bị từ chối" not in result.stdout


def test_a_refusal_that_names_no_unit_is_named_instead_of_nothing_to_send_back(tmp_path, run):
    # A damaged file's refusal cannot say whose it is ('Read as' is missing): feedback matched it to no unit and said
    # "Không có vấn đề nào cần phản hồi" while the clerk's file waited in rejected/.
    from inbox_builder import consolidate

    ws, _ = _refused_night(tmp_path)
    broken = ws.root / "inbox" / "bao cao hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    os.utime(broken, (1_700_000_000, 1_700_000_000))
    assert consolidate(ws).returncode == 3
    assert (ws.root / "rejected" / "bao cao hong.xlsx.reason.txt").is_file()
    result = run("feedback", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-u", "TPCB", "-o", tmp_path / "out",
                 workspace=ws)
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Còn 1 tệp bị từ chối trong rejected/ không đọc ra được đơn vị hoặc kỳ" in text
    assert "rejected/bao cao hong.xlsx (bao cao hong.xlsx.reason.txt)" in text
    assert "rejected/BC SYT quy.xlsx" not in text  # SYT's refusal says whose it is: it goes to SYT, not here


def _year_of_quarters(tmp_path):
    """Give a quarterly program's workspace where, for 2024, Sở An sent Q1, Q2 and Q4 (not Q3) and Sở Bình all four
    quarters, its Q4 budget actual left empty with 'Chưa quyết toán' beside it (its year's budget, 180 of 225, behind
    plan, is added up from three quarters' cells)."""
    from hrplan.importer import Outcome
    from quarterly import filled_template, make_workspace, send

    ws = make_workspace(tmp_path / "ws")
    paths = [filled_template(ws, "A", q, {"DT": (None, 10)}) for q in ("2024-Q1", "2024-Q2", "2024-Q4")]
    paths += [filled_template(ws, "B", q, {"DT": (None, 15), "KP": (75, 60)}) for q in ("2024-Q1", "2024-Q2", "2024-Q3")]
    paths += [filled_template(ws, "B", "2024-Q4", {"DT": (None, 15), "KP": (75, None, "Chưa quyết toán")})]
    results = send(ws, *paths)
    assert {r.outcome for r in results} == {Outcome.IMPORTED}, [r.problems for r in results]
    return ws


def _feedback_rows(path):
    sheet = load_workbook(path).worksheets[0]
    return sheet, [[sheet.cell(r, c).value for c in range(1, 9)] for r in range(5, sheet.max_row + 1)]


def test_a_year_of_quarters_gets_its_findings_in_the_right_file_with_the_right_advice(tmp_path, run):
    ws = _year_of_quarters(tmp_path)
    out = tmp_path / "out"
    result = run("feedback", "--period", "2024", "--all-units", "-o", out, workspace=ws, lang="en")
    assert result.exit_code == 0, result.output + result.stderr
    # No file of '0 findings': only each unit's latest quarter carries the year's findings; the English run names
    # its files in English. The command says which reports had nothing to say.
    assert sorted(p.name for p in out.glob("*.xlsx")) == ["Q-01-KH_A_2024-Q4_feedback.xlsx",
                                                          "Q-01-KH_B_2024-Q4_feedback.xlsx"]
    text = " ".join(result.stdout.split())
    # ... and, the run being of the year, that it looked at the year's figures only (a quarter behind its own plan is
    # no year's finding: told as 'nothing to say' about the quarter, it misled), with the way to the quarters' own.
    assert ("The figures of 2024 (added up from its parts) have nothing to mark in these reports, so no "
            "feedback file was written: Sở An (A): Q1 2024, Q2 2024; Sở Bình (B): Q1 2024, Q2 2024, Q3 2024.") in text
    assert "each part's own findings (a quarter behind its plan, say) come with hrplan feedback --period <period> " \
           "(e.g. --period 2024-Q1)" in text
    vietnamese = run("feedback", "--period", "2024", "--all-units", "-o", tmp_path / "vi", workspace=ws)
    assert "Số liệu năm 2024 (cộng từ các kỳ) không có vấn đề nào ghi được vào các báo cáo sau" in \
        " ".join(vietnamese.stdout.split())
    # Sở An's missing quarter: no cell, the whole year named, and the advice is to send Q3, not to check a cell.
    sheet, rows = _feedback_rows(out / "Q-01-KH_A_2024-Q4_feedback.xlsx")
    assert sheet.title == "Feedback" and sheet.cell(4, 6).value == "Cell"
    assert "Click a link in the Cell column" in sheet["A2"].value and "column Ô" not in sheet["A2"].value
    [missing] = [r for r in rows if r[7] == "incomplete_period"]
    assert missing[1] == "Error" and missing[4] is None and missing[5] is None
    assert missing[6].startswith("About the figures for 2024 as a whole (added up from the reports for Q1 2024, "
                                 "Q2 2024, Q4 2024), not this file's alone: Sở An (A): the figures for 2024 have "
                                 "only 3/4 quarters; missing Q3 2024.")
    assert missing[6].endswith("Please send the missing report: Q3 2024. The reports already sent need no change.")
    assert not any("[Error]" in r[6] or "[Warning]" in r[6] or "check this cell" in r[6] for r in rows)
    # Sở Bình: the year's budget (three quarters' cells added up) is on no cell; Q4's empty actual is on its cell.
    sheet, rows = _feedback_rows(out / "Q-01-KH_B_2024-Q4_feedback.xlsx")
    [year] = [r for r in rows if r[7] == "behind_plan" and r[3] == "KP"]
    assert year[4] is None and year[5] is None
    assert year[6].startswith("About the figures for 2024 as a whole") and "180 of 225" in year[6]
    [empty] = [r for r in rows if r[7] == "missing_value" and r[3] == "KP"]
    assert empty[5] and empty[6].startswith("Training budget (Q4 2024)")
    marked = load_workbook(out / "Q-01-KH_B_2024-Q4_feedback.xlsx")[MAIN_SHEET][empty[5]]
    assert marked.comment.text.startswith("[Warning] Training budget (Q4 2024)")
    assert "If the figure is known, enter it in this cell" in marked.comment.text
    commented = [c.coordinate for row in load_workbook(out / "Q-01-KH_B_2024-Q4_feedback.xlsx")[MAIN_SHEET].iter_rows()
                 for c in row if c.comment and c.comment.text.startswith(("[Error]", "[Warning]", "[Note]"))]
    assert commented == [empty[5]]  # the year's findings are pinned on no cell


def test_a_unit_asked_for_with_nothing_to_say_gets_no_file_and_is_named(tmp_path, run):
    ws = _year_of_quarters(tmp_path)
    out = tmp_path / "out"
    result = run("feedback", "--period", "2024-Q2", "-u", "A", "-o", out, workspace=ws)
    assert result.exit_code == 0, result.output + result.stderr
    assert not list(out.glob("*.xlsx"))
    text = " ".join(result.stdout.split())
    assert "Không ghi tệp phản hồi cho các báo cáo không có vấn đề: Sở An (A): Quý II/2024." in text
