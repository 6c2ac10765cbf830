"""The scale benchmark (bench/run.py) still runs end to end: --quick asserts no timing, only that every
line is measured and written, and that the figures it times are the right ones."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmark_prints_every_line_and_writes_json(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--cache", str(tmp_path / "cache"),
                          "--results", str(tmp_path / "results")], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr[-3000:]
    assert "IMPORT INCOMPLETE" not in out.stdout
    results = list((tmp_path / "results").glob("*_quick.json"))
    assert len(results) == 1
    data = json.loads(results[0].read_text(encoding="utf-8"))
    assert data["cpu_count"] >= 1 and data["commit"]
    keys = [line["key"] for line in data["lines"]]
    for key in ("import_vs_bare", "pandas_default_vs_import", "import_vs_pandas_calamine", "reimport_vs_import",
                "check_json_quarter", "check_json_range", "report_json_quarter", "report_json_range",
                "check_table_quarter", "peak_figures", "import_peak_growth", "size_html", "size_word", "size_json",
                "unit_targets_check", "unit_targets_report", "help_seconds", "status_seconds"):
        assert key in keys
    for line in data["lines"]:
        assert line["result"] in ("PASS", "FAIL")
        assert line["label"] in out.stdout  # every line printed with its target and verdict
    by_key = {line["key"]: line for line in data["lines"]}
    assert by_key["figures_agree"]["result"] == "PASS", by_key["figures_agree"]  # the timed report sums the store right
    assert by_key["import_vs_bare"]["measured"] > 0 and by_key["check_json_range"]["measured"] > 0


@pytest.mark.sqlite_only
def test_the_columnar_sketch_writes_a_finding_per_row_off_plan_with_its_cell(sample_ws, run, tmp_path: Path) -> None:
    """bench/columnar_sketch.py (the floor any check's time is compared with in the README) sums what hrplan sums."""
    assert run("import", SAMPLE / "submissions" / "12-CTr-TU_SYT_2016_to_2019-05.xlsx",
               workspace=sample_ws).exit_code == 0
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "columnar_sketch.py"), "--run", str(sample_ws.root),
                          "12-CTr/TU", "2016..2019-05"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    findings = {(f["unit"], f["indicator"]): f for f in json.loads(out.stdout)}
    # Sở Y tế's 80 specialists against the 25 its workbook wrote, 320% (the sketch reads no targets file), with its
    # cell, and the same for the province above it (its one member)
    syt, province = findings[("SYT", "DT-YT")], findings[("CB", "DT-YT")]
    assert "thực hiện 80/25, đạt 320%" in syt["message"] and syt["cell"] and syt["code"] == "check.over_plan"
    assert (province["figure"], province["code"]) == (syt["figure"], syt["code"])
