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
