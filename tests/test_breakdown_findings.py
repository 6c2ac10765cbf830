"""check.breakdown_mismatch over a year of quarters: said once, where it is (the quarter whose parts do not add up).

Found with a new program: a commune's Q2 parts did not add up; the year's check pointed at its Q1 file (whose parts
add up) and said the same error again for its district and the province, without a cell: "6 lỗi" where there were 2.
"""
from __future__ import annotations

import json

from hrplan.importer import import_files
from rule_workbooks import workbook
from test_report_breakdown_sentence import PROGRAM, YAML


def test_a_quarters_parts_that_do_not_add_up_are_named_once_at_that_quarters_cell(sample_ws, run, tmp_path):
    (sample_ws.root / "programs" / "BD-02-KH.yaml").write_text(YAML, encoding="utf-8")
    good = {"BD": (100, 110), "BD-NAM": (None, 60), "BD-NU": (None, 50), "HV": (None, 30), "HV-NU": (None, 12)}
    files = [workbook(run, sample_ws, tmp_path, unit, q, good, program=PROGRAM)
             for unit in ("SYT", "HHA") for q in ("2023-Q1", "2023-Q3", "2023-Q4")]
    files.append(workbook(run, sample_ws, tmp_path, "HHA", "2023-Q2", good, program=PROGRAM))
    files.append(workbook(run, sample_ws, tmp_path, "SYT", "2023-Q2", {**good, "BD-NU": (None, 45)}, program=PROGRAM))
    assert all(r.outcome.value == "imported" for r in import_files(sample_ws, files))
    result = run("check", "-p", PROGRAM, "--period", "2023", "-f", "json", workspace=sample_ws)
    mismatch = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "check.breakdown_mismatch"]
    assert [(f["unit"], f["location"]["file"], f["location"]["cell"]) for f in mismatch] == [
        ("SYT", "SYT_2023-Q2.xlsx", "F14")], mismatch
    assert "tổng 440" in mismatch[0]["message"] and "435" in mismatch[0]["message"]
