"""Tests for finding one program in a workspace (hrplan.workspace.Workspace.program): only its own file
and targets are parsed, and every mistake loading all programs refuses is still refused, the same way."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import make_sample_workspace
from hrplan.problems import HrplanError
from hrplan.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return make_sample_workspace(tmp_path / "ws")


def _problems(call) -> list[tuple]:
    with pytest.raises(HrplanError) as exc:
        call()
    return [(p.code, p.location.file, p.location.field, p.location.line, p.params) for p in exc.value.problems]


def test_a_program_is_loaded_without_parsing_the_others(ws: Workspace) -> None:
    # 08-CTr/TU broken: asking for 12-CTr/TU never reads it, loading all programs does
    path = ws.programs_dir / "08-CTr-TU.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: planning_ratio", "kind: ratio", 1), encoding="utf-8")
    program = ws.program("12-ctr-tu")
    assert program.code == "12-CTr/TU" and ws.program("12-CTr/TU") is program
    assert [t.source for t in program.targets if t.unit == "SYT"] == ["12-CTr-TU_targets.csv:4"]
    assert "programs" not in ws.__dict__
    assert [p[0] for p in _problems(lambda: Workspace(ws.root).programs)] == ["program.invalid"]
    with pytest.raises(HrplanError):
        Workspace(ws.root).program("08-CTr/TU")


def test_a_broken_targets_table_of_another_program_is_not_read(ws: Workspace) -> None:
    shutil.copy(ws.programs_dir / "12-CTr-TU.yaml", ws.programs_dir / "13-CTr-TU.yaml")
    path = ws.programs_dir / "13-CTr-TU.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("code: 12-CTr/TU", "code: 13-CTr/TU")
                    .replace("targets_file: 12-CTr-TU_targets.csv", "targets_file: missing.csv"), encoding="utf-8")
    assert ws.program("12-CTr/TU").code == "12-CTr/TU"
    assert [p[0] for p in _problems(lambda: Workspace(ws.root).program("13-CTr/TU"))] == ["targets.invalid"]


def test_a_code_used_twice_is_refused_as_when_loading_all(ws: Workspace) -> None:
    shutil.copy(ws.programs_dir / "08-CTr-TU.yaml", ws.programs_dir / "zz-copy.yaml")
    expected = _problems(lambda: Workspace(ws.root).programs)
    assert [p[0] for p in expected] == ["program.duplicate"]
    assert _problems(lambda: ws.program("12-CTr/TU")) == expected


def test_a_unit_missing_from_the_registry_is_refused_as_when_loading_all(ws: Workspace) -> None:
    csv_path = ws.programs_dir / "12-CTr-TU_targets.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("DT-YT,SYT,,25", "DT-YT,SYTE,,25"), encoding="utf-8")
    expected = _problems(lambda: Workspace(ws.root).programs)
    assert [p[0] for p in expected] == ["program.unknown_unit"]
    assert _problems(lambda: ws.program("12-CTr/TU")) == expected
    assert Workspace(ws.root).program("08-CTr/TU").code == "08-CTr/TU"  # a program without that unit is fine


def test_an_unknown_program_lists_the_known_ones_as_before(ws: Workspace) -> None:
    problems = _problems(lambda: ws.program("99-CTr/TU"))
    assert [(p[0], p[4]) for p in problems] == [
        ("program.not_found", {"program": "99-CTr/TU", "known": "06-ĐA/TU, 08-CTr/TU, 12-CTr/TU, NA-LC/2011-2016"})]


def test_a_file_whose_code_line_cannot_tell_is_parsed(ws: Workspace) -> None:
    # a quoted key: only parsing the file tells the code; every file is then loaded, as before
    path = ws.programs_dir / "08-CTr-TU.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("code: 08-CTr/TU\n", '"code": 08-CTr/TU\n', 1),
                    encoding="utf-8")
    assert ws.program("08-CTr/TU").code == "08-CTr/TU"
    assert "programs" in ws.__dict__


def test_an_edited_program_file_is_read_again_by_the_next_command(ws: Workspace) -> None:
    assert ws.program("12-CTr/TU").title != "Đã sửa"
    path = ws.programs_dir / "12-CTr-TU.yaml"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(title, "title: Đã sửa"), encoding="utf-8")
    assert Workspace(ws.root).program("12-CTr/TU").title == "Đã sửa"
