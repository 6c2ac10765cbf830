"""What an analyst sees at an 80- and a 60-column terminal: tables that never split a number, a date, a code or a
file name, and that give way gracefully (fewer columns, then a list) when they cannot fit.

A real workspace of the bundled sample (the demo's programs and files, the correction of Sở Y tế's file among
them), imported once for the module; each test runs the real CLI at the width the analyst has.
"""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import SAMPLE, make_sample_workspace, sample_submissions
from hrplan.importer import import_files
from hrplan.workspace import Workspace


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory) -> Workspace:
    ws = make_sample_workspace(tmp_path_factory.mktemp("narrow") / "ws")
    shutil.copytree(SAMPLE / "quarterly" / "programs", ws.programs_dir, dirs_exist_ok=True)
    ws = Workspace(ws.root)
    import_files(ws, sample_submissions()[:1])  # the first version of Sở Y tế's file, then its correction
    import_files(ws, sample_submissions()[1:])
    import_files(ws, sorted((SAMPLE / "quarterly" / "submissions").glob("*.xlsx")))
    return ws


def _lines(text: str, width: int) -> list[str]:
    lines = text.splitlines()
    assert all(len(line.rstrip()) <= width for line in lines), [line for line in lines if len(line.rstrip()) > width]
    return lines


def _whole(text: str, *tokens: str) -> None:
    """Each token is on one line of `text` (never broken across two)."""
    for token in tokens:
        assert any(token in line for line in text.splitlines()), (token, text)


@pytest.mark.parametrize("width", [80, 60])
def test_history_keeps_dates_file_names_and_changes_whole(demo_ws, run, width):
    result = run("history", "-p", "12-CTr/TU", "-u", "SYT", workspace=demo_ws, width=width)
    assert result.exit_code == 0, result.output
    out = result.stdout
    _lines(out, width)
    assert len(re.findall(r"\b\d\d/\d\d/20\d\d \d\d:\d\d\b", out)) == 2  # the year in full, the date with its hour
    _whole(out, "12-CTr-TU_SYT_2016_to_2019-05.xlsx", "bị thay bởi #", "Sở Y tế (SYT)", "2016..2019-05")
    flat = " ".join(out.split())
    assert "DT-THS thực hiện: 75 → 80" in flat and "DT-YT thực hiện: 75 → 80" in flat
    assert "Ghi chú" not in out  # no notes, no empty column for them


def test_history_at_80_columns_is_one_line_per_version(demo_ws, run):
    out = run("history", "-p", "12-CTr/TU", "-u", "SYT", workspace=demo_ws, width=80, lang="en").stdout
    rows = [line for line in _lines(out, 80) if "12-CTr-TU_SYT_2016_to_2019-05.xlsx" in line]
    assert len(rows) == 2 and "current" in rows[1] and re.search(r"\d\d/\d\d/20\d\d \d\d:\d\d", rows[0])
    assert "changed DT-THS actual: 75 → 80; DT-YT actual: 75 → 80." in " ".join(out.split())


@pytest.mark.parametrize("width", [80, 60])
def test_status_keeps_program_codes_whole(demo_ws, run, width):
    out = run("status", workspace=demo_ws, width=width).stdout
    _lines(out, width)
    table = out.split("báo cáo hiện hành")[0]  # the lines under the table name programs and periods too
    _whole(table, "NA-LC/2011-2016", "2011..2016-08", "12-CTr/TU", "2016..2019-05", "BTCTU-NA")


def test_check_at_60_columns_keeps_rule_codes_whole(demo_ws, run):
    result = run("check", "-p", "27-KH/UBND", "--period", "2024", workspace=demo_ws, width=60)
    out = result.stdout
    _lines(out, 60)
    _whole(out, "behind_plan", "incomplete_period", "missing_value", "Cảnh báo", "gần 100%", "hơn 100%")
    assert "KP-DTBD" in out  # the indicator stays; the cell gives way (each message under the table names it)


def test_the_summary_tables_are_padded_inside_their_borders(demo_ws, run, monkeypatch):
    from hrplan.cli import cmd_check

    monkeypatch.setattr(cmd_check, "FULL_TABLE", 3)
    out = run("check", "-p", "27-KH/UBND", "--period", "2024", workspace=demo_ws, width=80).stdout
    rows = [line.rstrip() for line in _lines(out, 80) if line.startswith(("┃", "│"))]
    assert "┃ Quy tắc" in out and "┃ Đơn vị" in out
    assert rows and all(len(line) > 2 and line[1] == " " and line[-2] == " " for line in rows), [r for r in rows if len(r) < 3 or r[1] != " " or r[-2] != " "]


def test_import_in_english_at_80_columns_keeps_file_names_whole(demo_ws, run):
    from conftest import REPO

    corpus = REPO / "tests" / "corpus"
    result = run("import", "--dry-run", corpus / "text_in_number_cell.xlsx", corpus / "tcvn3_vntime.xlsx",
                 corpus / "two_row_header.xlsx", workspace=demo_ws, width=80, lang="en")
    table = re.split(r"^(?:Note|Error) ", result.stdout, flags=re.M)[0]  # the lines under it are the terminal's to wrap
    assert "┃ File" in table and "Program: 08-CTr/TU" in table  # a table, the program all share said above it
    _lines(table, 80)
    _whole(table, "text_in_number_cell.xlsx", "tcvn3_vntime.xlsx", "two_row_header.xlsx", "08-CTr/TU")


@pytest.mark.parametrize("lang, short", [("vi", ("1 ô TH trống", "thiếu 1 quý")),
                                         ("en", ("1 blank actual", "lacks 1 quarter"))])
def test_the_cell_column_says_what_a_groups_figure_lacks(demo_ws, run, lang, short):
    # Tỉnh Cao Bằng's 2024: Sở Y tế left its Q4 budget actual empty; Huyện Hòa An never sent its third quarter.
    out = run("check", "-p", "27-KH/UBND", "--period", "2024", workspace=demo_ws, width=80, lang=lang).stdout
    rows = _lines(out, 80)

    def cell(code: str, rule: str) -> str:  # the cell column of the finding's row, over as many lines as it takes
        i = next(i for i, line in enumerate(rows) if code in line and rule in line)
        said = [rows[i].split("│")[-2]]
        said += [line.split("│")[-2] for line in rows[i + 1:i + 3] if line.startswith("│") and line.split("│")[1].isspace()]
        assert all(part.startswith(" ") and part.endswith(" ") for part in said)  # padded inside the borders
        return " ".join(" ".join(said).split())

    assert cell("KP-DTBD", "behind_plan") == short[0]
    assert cell("BD-CBCC", "over_plan") == short[1]
    assert not re.search(r"(thiếu|lacks) \d+ ?│", out)


def test_a_findings_words_say_an_empty_actual_once(demo_ws, run, tmp_path):
    from openpyxl import load_workbook

    for lang, said, again in (("vi", "Sở Y tế (Quý IV/2024) có KH 200 nhưng chưa có số thực hiện.",
                               "chưa gồm số để trống của Sở Y tế"),
                              ("en", "Sở Y tế (Q4 2024) has a plan of 200 but no actual.",
                               "leaves out the actual left empty by Sở Y tế")):
        flat = " ".join(run("check", "-p", "27-KH/UBND", "--period", "2024", workspace=demo_ws, lang=lang).stdout.split())
        assert said in flat and again not in flat
        path = tmp_path / f"findings_{lang}.xlsx"
        run("check", "-p", "27-KH/UBND", "--period", "2024", "-f", "xlsx", "-o", path, workspace=demo_ws, lang=lang)
        cells = " ".join(str(c.value) for row in load_workbook(path).worksheets[0].iter_rows() for c in row if c.value)
        assert said in cells and again not in cells


def test_a_ratio_not_judged_is_said_in_the_readers_words(demo_ws, run):
    # Huyện Hòa An never sent 2024's third quarter and the program does not say how a year's plan splits.
    for lang, words in (("vi", "chương trình không quy định cách chia kế hoạch cho từng kỳ"),
                        ("en", "which the program does not say how to divide between its parts")):
        flat = " ".join(run("check", "-p", "27-KH/UBND", "--period", "2024", workspace=demo_ws, lang=lang).stdout.split())
        assert words in flat and "interim" not in flat


def test_an_unknown_unit_with_none_close_is_said_without_closest(demo_ws, run, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "unknown_unit.xlsx"
    wb = load_workbook(SAMPLE / "quarterly" / "submissions" / "27-KH-UBND_SYT_2024-Q2.xlsx")
    wb.worksheets[0]["D9"], wb.worksheets[0]["E9"], wb.worksheets[0]["A2"] = "XYZ", "Huyện Không Có", "HUYỆN KHÔNG CÓ"
    wb.save(path)
    for lang in ("vi", "en"):
        result = run("import", "--dry-run", path, workspace=demo_ws, lang=lang)
        assert result.exit_code == 3 and "unit.not_found" in result.output
        assert "XYZ" in result.output and ": -" not in result.output, result.output
    from hrplan.jobs.filing import _to_unit  # the reason file a unit's clerk reads
    from hrplan.importer import ImportOptions, import_files

    (r,) = import_files(demo_ws, [path], ImportOptions(dry_run=True))
    problem = next(p for p in r.problems if p.code == "unit.not_found")
    assert _to_unit(problem, "vi") == ("Không có đơn vị 'XYZ' trong danh mục đơn vị. Hãy sửa ô cho đúng tên hoặc mã "
                                       "đơn vị rồi gửi lại tệp.")


def test_verbose_check_at_80_columns_gives_each_message_a_line_of_its_own(demo_ws, run):
    """`check -v` put each message in a row of the table, inside the 21-column code column: some twenty-five lines of
    a few words each per finding at 80 columns (a tester's report). Now, as without -v, numbered lines follow."""
    out = run("check", "-p", "27-KH/UBND", "--period", "2024", "--verbose", workspace=demo_ws, width=80).stdout
    lines = _lines(out, 80)
    table_end = max(i for i, line in enumerate(lines) if line.startswith("└"))
    numbered = [line for line in lines[table_end:] if re.match(r"\d+\. ", line)]
    assert numbered and len(numbered) == len(re.findall(r"^│ *\d+ │", out, flags=re.M)), out
    assert "Huyện Hòa An" in " ".join(lines[table_end:])
    # no row of the table holds a message's words: the longest table line stays a table line, its cells short
    assert all(len(line.split("│")) <= 8 for line in lines[:table_end] if "│" in line)
    assert not any("chưa gửi báo cáo" in line for line in lines[:table_end]), out
