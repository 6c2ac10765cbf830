"""A running total over a range counts each unit's last report, and says so when that report ends early.

Found with a new program: over 2024..2025-Q1 the master's-degree stock summed the monthly units' March 2025 with a
yearly district's end of 2024, and said nothing of it (the caveat named a commune's missing months instead, which
a running total does not need: only its last part counts).
"""
from __future__ import annotations

import json

import pytest

from rule_workbooks import GOOD, PROGRAM, PROGRAM_FILE, add_program, submit


@pytest.fixture
def ws(sample_ws, run, tmp_path):
    add_program(sample_ws)
    program = sample_ws.root / "programs" / PROGRAM_FILE
    program.write_text(program.read_text(encoding="utf-8").replace("reporting: quarter\n",
                                                                   "reporting: quarter\nunit_reporting: {HHA: year}\n"),
                       encoding="utf-8")
    for label, stock in (("2023-Q1", 10), ("2023-Q3", 14), ("2023-Q4", 16), ("2024-Q1", 18)):  # no 2023-Q2
        submit(run, sample_ws, tmp_path, "SYT", label, {**GOOD, "LK": (None, stock)})
    submit(run, sample_ws, tmp_path, "HHA", "2023", {**GOOD, "LK": (None, 7)})
    return sample_ws


def _rows(run, ws, tmp_path, lang="vi") -> dict:
    out = tmp_path / f"range-{lang}.json"
    result = run("report", "-p", PROGRAM, "--period", "2023-Q1..2024-Q1", "-f", "json", "-o", out, workspace=ws,
                 lang=lang)
    assert result.exit_code == 0, result.output
    return {r["indicator"]: r for r in json.loads(out.read_text(encoding="utf-8"))["summary"]}


def test_a_yearly_units_stock_is_said_to_be_as_of_its_year_and_a_missing_middle_quarter_is_not(ws, run, tmp_path):
    lk = _rows(run, ws, tmp_path)["LK"]
    assert lk["actual"] == 25  # SYT's 2024-Q1 (18) and HHA's 2023 (7)
    assert "số lũy kế của Huyện Hòa An tính đến hết năm 2023" in lk["sentence"]
    assert "chưa đủ" not in lk["sentence"]  # SYT's missing 2023-Q2 does not touch its stock at 2024-Q1
    bd = _rows(run, ws, tmp_path)["BD"]
    assert "chưa đủ" in bd["sentence"]  # a flow summed over the quarters does lack 2023-Q2
    english = _rows(run, ws, tmp_path, "en")["LK"]
    assert "running total of Huyện Hòa An as of the end of 2023" in english["sentence"]
