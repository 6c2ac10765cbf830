"""The names `hrplan template` writes ('15-KH-UBND_HBS_2025-Q1.xlsx') are read by the workspace's filename_pattern.

Found by a tester: the default pattern '^(?P<unit>[^_]+)_(?P<period>…)' read '15-KH-UBND' as the unit and no period,
so a damaged HBS file under the template's own name was refused without a 'Read as' line, stayed in rejected/ after
HBS's good copy was stored, and was named on every night's `unmatched` line.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from hrplan.reading.identify import _from_file_name
from hrplan.workspace import WorkspaceConfig
from inbox_builder import consolidate
from quarterly import filled_template, make_workspace

PATTERN = WorkspaceConfig().filename_pattern  # what `hrplan init` writes into hrplan.yaml


def test_the_pattern_reads_the_templates_names_and_the_names_it_read_before(tmp_path: Path):
    programs = make_workspace(tmp_path / "ws").programs
    assert _from_file_name(Path("Q-01-KH_A_2024-Q1.xlsx"), PATTERN, programs) == {
        "program": "Q-01/KH", "unit": "A", "period": "2024-Q1"}
    assert _from_file_name(Path("q-01-kh_B_2025-H2 (2).xlsx"), PATTERN, programs)["period"] == "2025-H2"
    assert _from_file_name(Path("Q-01-KH_C_2024_to_2025-05.xlsx"), PATTERN, programs)["period"] == "2024..2025-05"
    assert _from_file_name(Path("SYT_2023-Q2.xlsx"), PATTERN, programs) == {"unit": "SYT", "period": "2023-Q2"}
    assert _from_file_name(Path("XHT_2024-05.xlsx"), PATTERN, programs) == {"unit": "XHT"}  # not the year 2024
    assert _from_file_name(Path("baocao.xlsx"), PATTERN, programs) == {}


def _aged(path: Path) -> Path:
    stamp = time.time() - 3600  # an .xlsx cut short is waited for 15 minutes, then refused as damaged
    os.utime(path, (stamp, stamp))
    return path


def test_a_damaged_file_under_the_templates_name_is_settled_by_the_units_good_copy(tmp_path: Path, run):
    ws = make_workspace(tmp_path / "ws")
    good = filled_template(ws, "A", "2024-Q1", {"DT": (None, 7)})
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])  # the copy broke off half-way
    _aged(good)
    first = consolidate(ws)
    assert first.returncode == 3, first.stderr
    reason = ws.root / "rejected" / f"{good.name}.reason.txt"
    assert "file.unreadable" in reason.read_text(encoding="utf-8")
    assert "Tệp đọc được là / Read as: Q-01/KH | A | 2024-Q1" in reason.read_text(encoding="utf-8")
    log = (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
    assert " unmatched " not in log
    # Until the good copy arrives, feedback names it instead of failing on a file it cannot open.
    feedback = run("feedback", "--period", "2024-Q1", "-u", "A", workspace=ws, lang="en")
    assert feedback.exit_code == 0, feedback.output
    assert "cannot be opened" in " ".join(feedback.output.split()) and f"rejected/{good.name}.reason.txt" in feedback.output
    _aged(filled_template(ws, "A", "2024-Q1", {"DT": (None, 7)}))  # the unit sends it again, whole
    second = consolidate(ws)
    assert second.returncode == 0, second.stderr
    assert sorted(p.name for p in (ws.root / "rejected" / "settled").iterdir()) == [good.name, f"{good.name}.reason.txt"]
    assert not reason.exists()
    assert " unmatched " not in (ws.root / "logs" / "consolidate.log").read_text(encoding="utf-8")
