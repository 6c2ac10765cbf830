"""`report -f json` gathers the cells behind each figure only for `--sources`, and loads no document writer."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import sample_submissions
from hrplan.importer import import_files
from hrplan.reports import build_report, report_json


@pytest.fixture
def loaded_ws(sample_ws):
    import_files(sample_ws, sample_submissions())
    return sample_ws


def test_sources_are_gathered_only_when_asked(loaded_ws) -> None:
    plain = build_report(loaded_ws, "12-CTr/TU", "2016..2019-05")
    full = build_report(loaded_ws, "12-CTr/TU", "2016..2019-05", sources=True)
    assert not any("sources" in row for row in plain.data["summary"] + plain.data["units"])
    assert all("sources" in row for row in full.data["summary"] + full.data["units"])
    assert any(row["sources"]["actual"] for row in full.data["units"])
    # without --sources the JSON is the same either way: a report built with them has them taken out
    plain.data["generated_at"] = full.data["generated_at"]
    assert report_json(plain) == report_json(full)
    assert '"sources"' in report_json(full, sources=True)
    with pytest.raises(ValueError, match="without its sources"):
        report_json(plain, sources=True)


def test_a_json_report_loads_no_chart_or_document_writer(loaded_ws, tmp_path) -> None:
    """`report -f json` writes data: matplotlib (the charts), docxtpl and the HTML and workbook writers stay unloaded
    (about a second of every run, at any scale)."""
    out_file = tmp_path / "r.json"
    code = ("import sys; from hrplan.cli.main import app\n"
            f"try:\n    app(args=['-w', {str(loaded_ws.root)!r}, 'report', '-p', '12-CTr/TU', '--period', '2016..2019-05',"
            f" '-f', 'json', '-o', {str(out_file)!r}], prog_name='hrplan')\nexcept SystemExit:\n    pass\n"
            "print('LOADED:' + ','.join(m for m in ('matplotlib', 'docxtpl', 'jinja2', 'hrplan.reports.document',"
            " 'hrplan.reports.html', 'hrplan.reports.xlsx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out_file.exists(), out.stdout + out.stderr
    loaded = out.stdout.split("LOADED:")[1].strip()
    assert loaded == "", f"report -f json loaded {loaded}"


def test_a_figures_sources_are_exactly_the_cells_it_adds_up(tmp_path, run) -> None:
    """Sở Công has a plan of 5 and no actual: the province's plan (30) lists the cells of An and Bình, which add up to
    it, and Công's D2 apart as left out; the estimate (An's 15) lists An's ƯTH cell."""
    import json

    from hrplan.reports.json_format import figure_sources
    from quarterly import make_workspace, office_table, send

    ws = make_workspace(tmp_path / "ws")
    send(ws, office_table(tmp_path / "A_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 10, 12, 15]], estimate=True),
         office_table(tmp_path / "B_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 20, 18]]),
         office_table(tmp_path / "C_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 5, None],
                                                    [2, "Kinh phí đào tạo", "triệu đồng", 50, 40]]))
    out = tmp_path / "r.json"
    run("report", "-p", "Q-01/KH", "--period", "2024-Q1", "-f", "json", "--sources", "-o", out, workspace=ws)
    doc = json.loads(out.read_text(encoding="utf-8"))
    row = next(i for i, r in enumerate(doc["summary"]) if r["indicator"] == "DT")
    assert (doc["summary"][row]["plan"], doc["summary"][row]["actual"]) == (30, 30)
    cells = figure_sources(doc)[("summary", row)]
    where = lambda key: [(c["unit"], c["value"], c["file"], c["cell"]) for c in cells[key]]  # noqa: E731
    assert where("plan") == [("A", 10, "A_2024-Q1.xlsx", "D2"), ("B", 20, "B_2024-Q1.xlsx", "D2")]
    assert sum(c["value"] for c in cells["plan"]) == doc["summary"][row]["plan"]
    assert where("plan_left_out") == [("C", 5, "C_2024-Q1.xlsx", "D2")]
    assert where("actual") == [("A", 12, "A_2024-Q1.xlsx", "E2"), ("B", 18, "B_2024-Q1.xlsx", "E2")]
    assert where("estimate") == [("A", 15, "A_2024-Q1.xlsx", "F2")]
