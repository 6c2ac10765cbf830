"""`hrplan report`: the JSON carries every figure as numbers with sources; the HTML shows them the Vietnamese way."""
from __future__ import annotations

import json
import re

import pytest
from openpyxl import load_workbook

from conftest import SAMPLE, sample_submissions
from hrplan.importer import import_files
from hrplan.reports.json_format import figure_sources


@pytest.fixture
def loaded_ws(sample_ws):
    import_files(sample_ws, sample_submissions()[:1])
    import_files(sample_ws, sample_submissions()[1:])
    return sample_ws


def _summary(data: dict) -> dict[str, dict]:
    return {row["indicator"]: row for row in data["summary"]}


def test_json_report_carries_the_seed_figures_as_numbers(loaded_ws, run, tmp_path):
    out = tmp_path / "r.json"
    result = run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "--format", "json", "-o", out, workspace=loaded_ws)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = _summary(data)
    assert data["scope"] == {"code": "CB", "name": "Tỉnh Cao Bằng"}
    expected = {"DT-YT": (41, 117, "285%", "over"), "DT-GD": (10, 30, "300%", "over"), "DT-VH": (4, 4, "100%", "met"),
                "BD-QLNN": (176, 79, "45%", "behind"), "BD-LDQL": (200, 139, "gần 70%", "behind"),
                "CCLLCT": (181, 430, "238%", "over"), "LC-TRE": (40, 24, "60%", "behind")}
    for code, (plan, actual, shown, status) in expected.items():
        row = rows[code]
        assert (row["plan"], row["actual"], row["display"]["ratio"], row["status"]) == (plan, actual, shown, status), code
        assert row["ratio"] == pytest.approx(actual / plan)
    assert "139 người, đạt gần 70% kế hoạch" in " ".join(data["narrative"])


def test_every_actual_in_the_report_traces_to_a_cell_holding_it(loaded_ws, run, tmp_path):
    out = tmp_path / "r.json"
    run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", "-o", out, workspace=loaded_ws)
    assert '"sources"' not in out.read_text(encoding="utf-8")  # sources only when asked: they are most of the file
    run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "json", "--sources", "-o", out, workspace=loaded_ws)
    data = json.loads(out.read_text(encoding="utf-8"))
    behind = figure_sources(data)
    units = [dict(zip(data["units"]["columns"], row)) for row in data["units"]["rows"]]
    checked = 0
    for (table, i), cells in behind.items():
        if table == "units":
            for src in cells["actual"]:
                ws = load_workbook(SAMPLE / "submissions" / src["file"], data_only=True)[src["sheet"]]
                assert ws[src["cell"]].value == src["value"], (units[i]["unit"], units[i]["indicator"])
                checked += 1
    assert checked >= 20
    yt = behind[("summary", [r["indicator"] for r in data["summary"]].index("DT-YT"))]
    assert sum(s["value"] for s in yt["actual"]) == 117
    assert {s["unit"] for s in yt["actual"]} == {"SYT", "TPCB", "HHA"}
    assert all(s["target"].startswith("12-CTr-TU_targets.csv:") for s in yt["plan"])


def test_planning_ratios_breakdowns_and_vietnamese_numbers_in_the_html(loaded_ws, run, tmp_path):
    out = tmp_path / "r.html"
    result = run("report", "-p", "08-CTr/TU", "--period", "2021..2023-05", "-o", out, workspace=loaded_ws)
    assert result.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "bằng 1,15 lần" in html and "bằng 1,4 lần" in html
    assert "210 người, trong đó: điều động 45; luân chuyển 12; bổ nhiệm 9; bổ nhiệm lại 42; giới thiệu ứng cử 102." in html
    assert "217 người, trong đó: cán bộ cấp huyện được luân chuyển 173; cán bộ cấp xã được luân chuyển 44." in html
    assert "27.296" in html
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in html and "Cao Bằng, ngày" in html  # a Tỉnh ủy program: the Party's format
    assert "<script" not in html and "http" not in html.split("<body>")[1]  # self-contained


def test_each_year_against_its_own_target_and_the_sum_against_the_sum(loaded_ws, run, tmp_path):
    out = tmp_path / "r.json"
    run("report", "-p", "06-DA-TU", "--period", "2021..2022", "-f", "json", "-o", out, workspace=loaded_ws)
    data = json.loads(out.read_text(encoding="utf-8"))
    row = _summary(data)["KHCN-DT"]
    assert (row["plan"], row["actual"]) == (800, 953)
    assert [(a["year"], a["plan"], a["actual"], a["display"]["ratio"]) for a in data["annual"]] == [
        (2021, 400, 470, "118%"), (2022, 400, 483, "121%")]
    assert _summary(data)["BD-CMNV"]["display"]["actual"] == "15.185"


def test_report_default_path_is_in_the_workspace_reports_folder(loaded_ws, run):
    result = run("report", "-p", "NA-LC/2011-2016", "--period", "2011..2016-08", workspace=loaded_ws)
    assert result.exit_code == 0
    path = loaded_ws.root / "reports" / "NA-LC-2011-2016_2011_to_2016-08.html"
    assert path.exists()
    assert "139 người, trong đó: từ tỉnh về giữ chức bí thư, phó bí thư, chủ tịch, phó chủ tịch cấp huyện 41" in path.read_text(encoding="utf-8")


def test_a_bad_period_is_a_plain_error(loaded_ws, run):
    result = run("report", "-p", "12-CTr/TU", "--period", "quý 2", workspace=loaded_ws)
    assert result.exit_code == 2
    assert "period.invalid" in result.stderr and "2023-Q2" in result.stderr


def test_estimates_get_their_own_column_only_when_a_unit_sent_some(sample_ws, run, tmp_path):
    from conftest import REPO

    import_files(sample_ws, [REPO / "tests" / "corpus" / "estimate_column.xlsx"])
    out = tmp_path / "h1.html"
    run("report", "-p", "08-CTr/TU", "--period", "2023-H1", "-o", out, workspace=sample_ws)
    html = out.read_text(encoding="utf-8")
    assert "<th>Ước thực hiện</th>" in html
    table = html[html.index("II. BẢNG TỔNG HỢP"):]
    row = table[table.index("Số cán bộ được luân chuyển"):].split("</tr>")[0]
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in row.split("</td>")[:-1]]
    assert cells[1:6] == ["người", "90", "70", "80", "78%"]  # plan, actual, estimate, ratio of the actual
    json_out = tmp_path / "h1.json"
    run("report", "-p", "08-CTr/TU", "--period", "2023-H1", "-f", "json", "-o", json_out, workspace=sample_ws)
    lc = next(r for r in json.loads(json_out.read_text(encoding="utf-8"))["summary"] if r["indicator"] == "LC-TONG")
    assert (lc["plan"], lc["actual"], lc["estimate"]) == (90, 70, 80)
    no_estimates = tmp_path / "r.html"
    run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-o", no_estimates, workspace=sample_ws)
    assert "Ước thực hiện" not in no_estimates.read_text(encoding="utf-8")


def test_all_formats_go_where_output_says_not_over_the_reports_in_reports(loaded_ws, run, tmp_path):
    # `-f all -o DIR` wrote into reports/ and overwrote the Vietnamese reports there (an English run meant for DIR).
    before = {p.name: p.stat().st_mtime_ns for p in loaded_ws.reports_dir.glob("*")}
    folder = tmp_path / "en"
    result = run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "all", "-o", folder,
                 workspace=loaded_ws, lang="en")
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in folder.iterdir()) == [".docx", ".html", ".json", ".xlsx"]
    named = tmp_path / "named" / "bao-cao.docx"
    assert run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "all", "-o", named,
               workspace=loaded_ws).exit_code == 0
    assert sorted(p.name for p in named.parent.iterdir()) == ["bao-cao.docx", "bao-cao.html", "bao-cao.json",
                                                              "bao-cao.xlsx"]
    assert {p.name: p.stat().st_mtime_ns for p in loaded_ws.reports_dir.glob("*")} == before
    one = tmp_path / "one.html"
    assert run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", "html", "-o", one,
               workspace=loaded_ws).exit_code == 0 and one.is_file()


@pytest.mark.parametrize("fmt, suffixes", [("docx", [".docx"]), ("json", [".json"]), ("all", [".docx", ".html", ".json", ".xlsx"])])
def test_an_output_ending_in_a_separator_is_a_folder_made_for_the_report(loaded_ws, run, tmp_path, fmt, suffixes):
    # `-f docx -o vi/` with no folder vi/ wrote a FILE named 'vi' (a Word document with neither folder nor extension).
    folder = tmp_path / "vi"
    result = run("report", "-p", "12-CTr/TU", "--period", "2016..2019-05", "-f", fmt, "-o", f"{folder}/",
                 workspace=loaded_ws)
    assert result.exit_code == 0, result.output
    assert folder.is_dir(), f"{folder} is a file"
    assert sorted(p.name for p in folder.iterdir()) == [f"12-CTr-TU_2016_to_2019-05{s}" for s in suffixes]
    assert str(folder / f"12-CTr-TU_2016_to_2019-05{suffixes[0]}") in result.output
