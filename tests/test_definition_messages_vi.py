"""A mistake in units.yaml, a program file or its targets table is told wholly in Vietnamese by default.

The analyst edits these files by hand; before, the Vietnamese message carried the English description of
what was found ("Danh mục đơn vị: code 'X' used twice. Cần: unique unit codes."). Each case writes a real
file, loads it as hrplan does, and reads the message in both languages.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hrplan.definitions.program_files import load_program
from hrplan.definitions.units import load_units
from hrplan.problems import HrplanError

PROGRAM = "code: X\ntitle: t\nperiod: '2026'\nindicators:\n  - {code: A, name: a, uom: người}\n"


def _problems(load, path: Path) -> list:
    with pytest.raises(HrplanError) as caught:
        load(path)
    return caught.value.problems


@pytest.mark.parametrize("text, vi, en", [
    ("units:\n  - {code: L, name: L}\n  - {code: L, name: M}\n", "mã 'L' dùng hai lần. Cần: mỗi đơn vị một mã riêng",
     "code 'L' used twice. Expected: unique unit codes"),
    ("units:\n  - {code: L, name: L, parent: Q}\n", "đơn vị cấp trên 'Q' của 'L' không có trong danh mục",
     "parent 'Q' of 'L' is not a unit"),
    ("units:\n  - {code: L, name: L, parent: M}\n  - {code: M, name: M, parent: L}\n", "cấp trên vòng quanh: L → M → L",
     "a cycle of parents: L → M → L"),
    ("unit:\n  - {code: L, name: L}\n", "không có danh sách 'units:'", "no 'units:' list"),
    ("units:\n  - {code: L, name: L}\n  -\t{code: M}\n", "thường là ký tự Tab", "cannot start any token"),
])
def test_units_registry_mistakes(tmp_path: Path, text: str, vi: str, en: str) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(text, encoding="utf-8")
    (problem,) = _problems(load_units, path)
    assert vi in problem.message("vi") and en in problem.message("en")
    assert en not in problem.message("vi")


@pytest.mark.parametrize("csv, vi, en", [
    ("indicator,unit,period,value\nA,L,2026,5,7\n", "5 giá trị cho 4 cột (thừa 7)", "5 values for 4 columns"),
    ("indicator,unit,period,value\nZ,L,2026,3\n", "chỉ tiêu 'Z'. Cần: mã một chỉ tiêu của chương trình",
     "indicator 'Z'. Expected: an indicator code of the program"),
    ("indicator,unit,period,value\nA,L,20x6,abc\n", "giá trị 'abc' / kỳ '20x6'. Cần: một số và một kỳ",
     "value 'abc' / period '20x6'"),
    ("unit,period\nL,2026\n", "không có cột indicator, value", "no column indicator, value"),
    (None, "không có tệp này. Cần: tệp ghi ở targets_file", "file not found"),
])
def test_targets_table_mistakes(tmp_path: Path, csv: str | None, vi: str, en: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(PROGRAM + "targets_file: t.csv\n", encoding="utf-8")
    if csv is not None:
        (tmp_path / "t.csv").write_text(csv, encoding="utf-8")
    (problem,) = _problems(load_program, path)
    assert problem.code == "targets.invalid"
    assert vi in problem.message("vi") and en in problem.message("en") and en not in problem.message("vi")


@pytest.mark.parametrize("extra, vi, en", [
    ("  - {code: A, name: b, uom: người}\n", "mã chỉ tiêu 'A' không dùng hai lần", "indicator code 'A' used twice"),
    ("breakdowns:\n  - {total: A, parts: [B]}\n", "chỉ tiêu 'B' nêu trong breakdowns phải được khai trong indicators",
     "breakdown names indicator 'B'"),
    ("targets:\n  - {indicator: B, value: 3}\n", "chỉ tiêu 'B' nêu trong targets phải được khai",
     "a target names indicator 'B'"),
    ("  - {code: C, uom: người}\n", "Trường indicators[1].name: thiếu.", "Field indicators[1].name: missing."),
])
def test_program_file_mistakes(tmp_path: Path, extra: str, vi: str, en: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(PROGRAM + extra, encoding="utf-8")
    (problem,) = _problems(load_program, path)
    assert vi in problem.message("vi") and en in problem.message("en"), (problem.message("vi"), problem.message("en"))


def test_a_yaml_mistake_the_table_does_not_know_is_shown_as_pyyaml_says_it(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("code: [X\n", encoding="utf-8")
    (problem,) = _problems(load_program, path)
    assert problem.code == "yaml.syntax" and problem.params["found"] in problem.message("vi")
