"""A period outside the program's own: refused at import and by the nightly job (a mistyped year), by check and report.

Found with a new planning program (2025-2030): a district's file for 2024 was stored without a word, `status`
then listed 2024 with four units missing, `check --period 2019` reported units missing and `report --period 2031`
wrote a report.
"""
from __future__ import annotations

from hrplan.importer import import_files
from hrplan.jobs.current import current_period
from rule_workbooks import GOOD, PROGRAM, add_program, submit, workbook


def test_a_file_for_a_year_before_the_program_is_refused_at_its_period_cell(sample_ws, run, tmp_path):
    # Stored with a warning, it was filed under done/2021-Q4/, counted in no report, and the unit stayed missing
    # while check and feedback refused to speak of 2021-Q4: nobody could send it back.
    add_program(sample_ws)  # QT-01/KH runs 2022-2025
    (result,) = import_files(sample_ws, [workbook(run, sample_ws, tmp_path, "SYT", "2021-Q4", GOOD)])
    assert result.outcome.value == "rejected"
    (error,) = [p for p in result.problems if p.code == "submission.period_not_in_program"]
    assert error.is_error and error.location.cell == "D10"
    assert error.message("vi").startswith("Kỳ báo cáo nằm ngoài thời gian của chương trình: ô D10 ghi 2021-Q4, nhưng "
                                          "chương trình QT-01/KH chỉ gồm 2022-2025.")
    with sample_ws.open_store() as store:  # nothing stored: the nightly job's current period is never the mistyped one
        assert store.current(PROGRAM, "SYT", "2021-Q4") is None
        assert current_period(sample_ws, sample_ws.program(PROGRAM), store) is None
    submit(run, sample_ws, tmp_path, "SYT", "2023-Q1", GOOD)
    with sample_ws.open_store() as store:
        assert current_period(sample_ws, sample_ws.program(PROGRAM), store) == "2023-Q1"
    # --period outside the program is refused the same way, naming the option.
    outside = run("import", workbook(run, sample_ws, tmp_path, "HHA", "2023-Q1", GOOD), "--period", "2026",
                  workspace=sample_ws, lang="en")
    assert outside.exit_code == 3 and "--period says 2026, but program QT-01/KH covers 2022-2025 only" in " ".join(
        outside.output.split())


def test_the_nightly_job_refuses_a_file_dated_outside_the_program_with_a_reason_for_the_clerk(sample_ws, run, tmp_path):
    import json
    import shutil

    from inbox_builder import consolidate

    add_program(sample_ws)
    made = workbook(run, sample_ws, tmp_path, "HHA", "2021-Q4", GOOD)
    shutil.copyfile(made, sample_ws.root / "inbox" / "HHA_baocao.xlsx")
    night = consolidate(sample_ws, "--lang", "en", "--json")
    assert night.returncode == 3, night.stderr
    (entry,) = json.loads(night.stdout)["files"]
    assert entry["outcome"] == "rejected" and entry["moved_to"] == "rejected/HHA_baocao.xlsx"
    assert not (sample_ws.root / "done").exists() or not any((sample_ws.root / "done").rglob("*.xlsx"))
    reason = (sample_ws.root / "rejected" / "HHA_baocao.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "HHA_baocao.xlsx › " in reason and "D10" in reason
    assert "ô D10 ghi 2021-Q4, nhưng chương trình QT-01/KH chỉ gồm 2022-2025" in reason
    assert "Hãy ghi đúng kỳ báo cáo (trong 2022-2025) vào ô 'Kỳ báo cáo' của biểu mẫu rồi gửi lại tệp" in reason
    assert "cell D10 says 2021-Q4, but program QT-01/KH covers 2022-2025 only" in reason
    log = (sample_ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    line = next(x for x in log.splitlines() if " rejected " in x)
    assert "HHA_baocao.xlsx" in line and "covers 2022-2025 only" in line  # in the run's language
    assert " late " not in log


def test_check_and_report_of_a_period_outside_the_program_say_so_and_do_nothing(sample_ws, run, tmp_path):
    add_program(sample_ws)
    check = run("check", "-p", PROGRAM, "--period", "2031", workspace=sample_ws)
    assert check.exit_code == 2
    assert "Kỳ 2031 nằm ngoài thời gian của chương trình QT-01/KH (2022-2025)" in " ".join(check.stderr.split())
    out = tmp_path / "r.html"
    report = run("report", "-p", PROGRAM, "--period", "2031", "-o", out, workspace=sample_ws, lang="en")
    assert report.exit_code == 2 and not out.exists()
    assert "Period 2031 lies outside program QT-01/KH's period (2022-2025)" in " ".join(report.stderr.split())
    # Without -p, the programs the period belongs to are checked; the others are not asked for it.
    every = run("check", "--period", "2023-Q1", "-f", "json", "--fail-on", "never", workspace=sample_ws)
    assert every.exit_code == 0, every.stderr


def test_a_title_naming_another_period_than_the_period_cell_refuses_the_file_at_the_cell(tmp_path):
    # The tester's case: a district's corrected file titled 'Quý IV/2025 (…)' with '2025-Q3' in its period cell
    # was stored as 2025-Q3 without a word, even by --dry-run; then with a warning, still replacing 2025-Q3.
    import openpyxl
    from quarterly import filled_template, make_workspace

    ws = make_workspace(tmp_path / "ws")
    path = filled_template(ws, "A", "2024-Q3", {"DT": (None, 3)})
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["A6"].value = "Quý IV/2024 (số liệu từ ngày 15/09/2024 đến ngày 14/12/2024)"
    book.save(path)
    (result,) = import_files(ws, [path])
    assert (result.outcome.value, result.period) == ("rejected", "2024-Q3")  # read as the cell says, not stored
    (error,) = [p for p in result.problems if p.code == "submission.period_differs"]
    assert error.severity.value == "error" and error.location.cell == "D10"
    assert error.message("vi").startswith("Kỳ báo cáo không khớp: ô D10 ghi 2024-Q3 nhưng tiêu đề (ô A6: 'Quý IV/2024 (số")
    assert "ghi 2024-Q4" in error.message("vi") and "--period" in error.message("vi")
    assert "cell D10 says 2024-Q3 but the title (cell A6" in error.message("en")
    # the template as written, and a title naming the year the quarter is in, say nothing
    for period, title in (("2024-Q1", None), ("2024-Q2", "NĂM 2024")):
        path = filled_template(ws, "B", period, {"DT": (None, 3)})
        if title:
            book = openpyxl.load_workbook(path)
            book.worksheets[0]["A6"].value = title
            book.save(path)
        (result,) = import_files(ws, [path])
        assert result.outcome.value == "imported" and not result.problems, (period, result.problems)
