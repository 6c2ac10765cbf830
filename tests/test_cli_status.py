"""`hrplan status` and how a mistake in a workspace file is shown (file, field, line; never a traceback)."""
from __future__ import annotations

import json

from conftest import sample_submissions
from hrplan.importer import import_files


def test_status_lists_who_sent_and_who_is_missing(sample_ws, run):
    import_files(sample_ws, sample_submissions()[:1])
    import_files(sample_ws, [p for p in sample_submissions()[1:] if "_TCT_" not in p.name])
    result = run("status", "--format", "json", workspace=sample_ws)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    row = next(p for p in data["periods"] if p["program"] == "12-CTr/TU")
    assert row["period"] == "2016..2019-05" and row["missing"] == ["TCT"] and row["superseded"] == 1
    assert data["counts"]["current"] == 16 and data["counts"]["superseded"] == 1
    table = run("status", workspace=sample_ws)
    assert "TCT" in table.stdout and "16 báo cáo hiện hành, 1 bản cũ" in table.stdout


def test_a_malformed_program_file_is_reported_with_file_field_and_line(sample_ws, run):
    path = sample_ws.root / "programs" / "12-CTr-TU.yaml"
    text = path.read_text(encoding="utf-8").replace("    uom: lớp\n", "    uom: lớp\n    kind: dem_so\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    kind: dem_so") + 1
    result = run("status", workspace=sample_ws, lang="en")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"12-CTr-TU.yaml › line {line} › indicators[8].kind" in result.stderr
    assert "'dem_so'" in result.stderr and "count" in result.stderr


def test_program_file_mistakes_are_explained_in_vietnamese_by_default(sample_ws, run):
    path = sample_ws.root / "programs" / "12-CTr-TU.yaml"
    text = path.read_text(encoding="utf-8").replace("issued: 2016-05-09", "issued: 9/5/2016")
    path.write_text(text, encoding="utf-8")
    result = run("status", workspace=sample_ws)
    assert result.exit_code == 2
    assert "12-CTr-TU.yaml › dòng 8 › issued" in result.stderr
    assert "Cần: một ngày dạng 2021-07-16." in result.stderr


def test_a_broken_workspace_config_is_a_plain_error_not_an_internal_one(sample_ws, run):
    (sample_ws.root / "hrplan.yaml").write_text("name: x\ncutoff: {day: 15\n", encoding="utf-8")
    result = run("status", workspace=sample_ws.root)
    assert result.exit_code == 2
    assert "yaml.syntax" in result.stderr and "hrplan.yaml › dòng 3" in result.stderr
    (sample_ws.root / "hrplan.yaml").write_text("name: x\ncutoff: {day: 40}\n", encoding="utf-8")
    result = run("status", workspace=sample_ws.root)
    assert result.exit_code == 2 and "Cần: một số không lớn hơn 28." in result.stderr


def test_a_target_for_a_unit_missing_from_the_registry_is_refused_with_its_line(sample_ws, run):
    csv_path = sample_ws.root / "programs" / "12-CTr-TU_targets.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("DT-YT,SYT,,25", "DT-YT,SYTE,,25"), encoding="utf-8")
    result = run("check", "--period", "2019", workspace=sample_ws, lang="en")
    assert result.exit_code == 2
    assert "program.unknown_unit" in result.stderr and "'SYTE'" in result.stderr
    assert "12-CTr-TU_targets.csv:4" in result.stderr  # header, DT-GD SGDDT, DT-GD TPCB, then this


def test_per_unit_targets_can_live_in_a_workbook(sample_ws, run, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "unit", "period", "value"])
    ws.append(["DT-YT", "SYT", None, 30])
    wb.save(sample_ws.root / "programs" / "chi-tieu.xlsx")
    path = sample_ws.root / "programs" / "12-CTr-TU.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("targets_file: 12-CTr-TU_targets.csv",
                                                             "targets_file: chi-tieu.xlsx"), encoding="utf-8")
    out = tmp_path / "t.xlsx"
    assert run("template", "-p", "12-CTr/TU", "-u", "SYT", "--period", "2016..2019-05", "-o", out,
               workspace=sample_ws).exit_code == 0  # a review from the program start: the whole-program target
    from openpyxl import load_workbook

    sheet = load_workbook(out)["Báo cáo"]
    row = next(r for r in range(14, sheet.max_row + 1) if sheet.cell(r, 2).value == "DT-YT")
    assert sheet.cell(row, 5).value == 30
    program = sample_ws.__class__(sample_ws.root).program("12-CTr/TU")
    assert [t.source for t in program.targets if t.unit == "SYT"] == ["chi-tieu.xlsx › Sheet › A2"]


def test_a_misspelt_key_in_a_program_file_is_refused_not_ignored(sample_ws, run):
    path = sample_ws.root / "programs" / "12-CTr-TU.yaml"
    text = path.read_text(encoding="utf-8").replace("targets_file:", "target_file:")
    path.write_text(text, encoding="utf-8")
    result = run("status", workspace=sample_ws)
    assert result.exit_code == 2
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("target_file:"))) + 1
    assert f"12-CTr-TU.yaml › dòng {line} › target_file" in result.stderr
    assert "Cần: không có trường này (tên gõ sai?)." in result.stderr


def test_a_new_workspace_is_told_what_to_do_not_shown_an_empty_table(sample_ws, run, tmp_path):
    assert run("init", tmp_path / "moi", "--name", "Tỉnh Mới").exit_code == 0
    result = run("status", workspace=tmp_path / "moi")
    assert result.exit_code == 0, result.output
    assert "Kho chưa có báo cáo nào (0 chương trình đã khai báo)." in result.stdout
    assert "hrplan import" in result.stdout and "┏" not in result.stdout and "Tỉnh Mới" in result.stdout
    english = run("status", workspace=tmp_path / "moi", lang="en")
    assert "The store holds no reports yet (0 programs defined)." in english.stdout
    assert json.loads(run("status", "-f", "json", workspace=tmp_path / "moi").stdout)["periods"] == []
    # programs but nothing sent yet: the same sentence counts them; once a file is in, the table
    defined = run("status", workspace=sample_ws, lang="en")
    assert f"({len(sample_ws.programs)} programs defined)" in defined.stdout
    import_files(sample_ws, sample_submissions()[:1])
    assert "┏" in run("status", workspace=sample_ws).stdout


def test_program_option_limits_the_table_the_json_and_the_counts_to_that_program(sample_ws, run):
    # `status -p 27-KH/UBND` listed every program (only `--period` read -p): the help says "Program (default: all)".
    import_files(sample_ws, [p for p in sample_submissions()[1:] if not p.name.startswith("06-DA-TU")])
    data = json.loads(run("status", "-p", "12-CTr/TU", "-f", "json", workspace=sample_ws).stdout)
    assert {r["program"] for r in data["periods"]} == {"12-CTr/TU"}
    assert data["counts"]["current"] == 8 and data["counts"]["superseded"] == 0  # its 8 files, not the store's 14
    assert {c["program"] for c in data["consolidate"]["current"]} == {"12-CTr/TU"}
    everything = json.loads(run("status", "-f", "json", workspace=sample_ws).stdout)
    assert {r["program"] for r in everything["periods"]} == {"08-CTr/TU", "12-CTr/TU", "NA-LC/2011-2016"}
    assert everything["counts"]["current"] == 14
    assert data["counts"]["values"] < everything["counts"]["values"]
    table = run("status", "-p", "08-CTr/TU", "-p", "NA-LC/2011-2016", workspace=sample_ws, lang="en")
    assert table.exit_code == 0, table.output
    assert "08-CTr/TU" in table.stdout and "NA-LC/2011-2016" in table.stdout and "12-CTr/TU" not in table.stdout
    assert "6 current submissions, 0 superseded" in table.stdout
    # a program the store holds nothing of: said so, not "the store holds no reports yet" nor the others' table
    nothing = run("status", "-p", "06-ĐA/TU", workspace=sample_ws, lang="en")
    assert nothing.exit_code == 0 and "The store holds no reports for 06-ĐA/TU yet." in nothing.stdout
    assert "┏" not in nothing.stdout and "12-CTr/TU" not in nothing.stdout
    assert "Kho chưa có báo cáo nào của 06-ĐA/TU." in run("status", "-p", "06-ĐA/TU", workspace=sample_ws).stdout
    unknown = run("status", "-p", "99-XYZ", workspace=sample_ws)
    assert unknown.exit_code == 2 and "program.not_found" in unknown.stderr


def test_status_json_that_cannot_run_still_prints_its_status_and_problems_on_stdout(sample_ws, run):
    # A monitoring script reads stdout: an unknown program (or a store out of reach) gives JSON, as
    # `consolidate --json` and `import -f json` do, the message on stderr as ever.
    for args in (("-p", "XYZ"), ("-p", "XYZ", "--period", "2023-Q2")):
        result = run("status", "-f", "json", *args, workspace=sample_ws, lang="en")
        assert result.exit_code == 2
        data = json.loads(result.stdout)
        assert data["status"] == "could_not_run" and data["exit_code"] == 2
        assert data["problems"] and "XYZ" in data["problems"][0]["message"]
        assert "XYZ" in result.stderr
