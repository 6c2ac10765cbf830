"""`hrplan status --period`: units × periods due, on time, late or missing, units that never sent included."""
from __future__ import annotations

import json

from rule_workbooks import GOOD, add_program, submit


def test_matrix_shows_on_time_late_and_missing_quarters_and_a_unit_that_never_sent(sample_ws, run, tmp_path):
    add_program(sample_ws)
    declare = sample_ws.root / "programs" / "QT-01-KH.yaml"
    declare.write_text(declare.read_text(encoding="utf-8").replace("reporters: [SYT, HHA]", "reporters: [SYT, HHA, HTK]"),
                       encoding="utf-8")
    config = sample_ws.root / "hrplan.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "deadline: {day: 15, months_after: 1, source: NĐ 09/2019}\n",
                      encoding="utf-8")
    submit(run, sample_ws, tmp_path, "SYT", "2023-Q1", GOOD, saved="2023-04-10T08:00:00")
    submit(run, sample_ws, tmp_path, "SYT", "2023-Q2", GOOD, saved="2023-07-30T08:00:00")
    submit(run, sample_ws, tmp_path, "HHA", "2023-Q1", GOOD, saved="2023-04-15T20:00:00")
    result = run("status", "--period", "2023-H1", "-p", "QT-01/KH", "-f", "json", workspace=sample_ws)
    assert result.exit_code == 0, result.output
    (matrix,) = json.loads(result.stdout)["programs"]
    assert matrix["periods"] == ["2023-Q1", "2023-Q2"]
    cells = {r["unit"]: {p: c["status"] for p, c in r["cells"].items()} for r in matrix["rows"]}
    assert cells == {"SYT": {"2023-Q1": "on_time", "2023-Q2": "late"},
                     "HHA": {"2023-Q1": "on_time", "2023-Q2": "missing"},
                     "HTK": {"2023-Q1": "missing", "2023-Q2": "missing"}}
    assert matrix["rows"][0]["cells"]["2023-Q2"]["due"] == "15/07/2023"
    table = run("status", "--period", "2023-H1", "-p", "QT-01/KH", workspace=sample_ws)
    assert "HTK Huyện Trùng Khánh" in table.stdout and "muộn 30/07/2023" in table.stdout
    assert "Hạn gửi: ngày 15 tháng thứ 1 sau kỳ (NĐ 09/2019)" in table.stdout
