"""Tests for the units registry: a tree of any depth, matching names, mistakes by line (hrplan.units)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hrplan.problems import HrplanError
from hrplan.definitions.units import UnitTree, load_units

SAMPLE_UNITS = Path(__file__).resolve().parents[1] / "sample_data" / "units.yaml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "units.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# A province after 1 July 2025: communes straight under the province, beside a department that
# has its own sub-units three levels deep. No level is assumed.
TREE = """
units:
  - {code: TN, name: Tỉnh Thái Nguyên, kind: tỉnh}
  - {code: XA-DC, name: Xã Đại Từ, parent: TN, kind: xã, aliases: [UBND xã Đại Từ]}
  - {code: PH-PY, name: Phường Phổ Yên, parent: TN, kind: phường}
  - {code: SYT, name: Sở Y tế, parent: TN, kind: sở, aliases: [Sở Y tế Thái Nguyên]}
  - {code: BV, name: Bệnh viện Đa khoa tỉnh, parent: SYT}
  - {code: BV-K1, name: Khoa Nội, parent: BV}
  - {code: BV-K1-A, name: Đơn nguyên A, parent: BV-K1}
"""


@pytest.fixture
def tree(tmp_path: Path) -> UnitTree:
    return load_units(write(tmp_path, TREE))


def test_tree_of_any_depth(tree: UnitTree) -> None:
    assert tree.roots() == ["TN"]
    assert tree.children("TN") == ["XA-DC", "PH-PY", "SYT"]  # communes directly under the province
    assert tree.descendants("SYT") == ["BV", "BV-K1", "BV-K1-A"]
    assert tree.subtree("BV") == ["BV", "BV-K1", "BV-K1-A"]
    assert tree.leaves("TN") == ["XA-DC", "PH-PY", "BV-K1-A"]
    assert tree.subtree(None) == ["TN", "XA-DC", "PH-PY", "SYT", "BV", "BV-K1", "BV-K1-A"]
    assert tree.get("XA-DC").kind == "xã"
    assert "BV-K1-A" in tree and "HUYEN" not in tree


def test_sample_registry_has_three_provinces() -> None:
    tree = load_units(SAMPLE_UNITS)
    assert tree.roots() == ["CB", "NA", "BT"]
    assert "SYT" in tree.children("CB")
    assert tree.subtree("BT") == ["BT", "SKHCN-BT", "SNV-BT"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("SYT", "SYT"),
        ("syt", "SYT"),
        ("Sở Y tế", "SYT"),
        ("SỞ Y TẾ", "SYT"),
        ("So Y te", "SYT"),  # typed without diacritics
        ("Sở  Y\ntế", "SYT"),  # broken across lines
        ("Sở Y tế Thái Nguyên", "SYT"),  # alias
        ("ubnd xa dai tu", "XA-DC"),  # alias, folded (đ as d)
        ("Phường Phổ Yên", "PH-PY"),
    ],
)
def test_match_by_code_name_or_alias(tree: UnitTree, text: str, code: str) -> None:
    assert tree.match(text) == code
    assert tree.resolve(text) == code


def test_no_match(tree: UnitTree) -> None:
    assert tree.match("Sở Tài chính") is None


def test_resolve_names_the_closest_units(tree: UnitTree) -> None:
    with pytest.raises(HrplanError) as exc:
        tree.resolve("Sở Y tê Thai Nguyen tỉnh")
    (problem,) = exc.value.problems
    assert problem.code == "unit.not_found"
    assert problem.params["unit"] == "Sở Y tê Thai Nguyen tỉnh"
    assert problem.params["hint"].startswith(" Gần giống / closest: SYT (Sở Y tế), TN (Tỉnh Thái Nguyên)")


def test_resolve_hint_names_each_unit_once(tree: UnitTree) -> None:
    # 'So Y te TN' is close to both the name and the alias of SYT
    with pytest.raises(HrplanError) as exc:
        tree.resolve("So Y te TN")
    assert exc.value.problems[0].params["hint"].count("SYT (Sở Y tế)") == 1


def test_resolve_without_anything_close(tree: UnitTree) -> None:
    with pytest.raises(HrplanError) as exc:
        tree.resolve("Zzzzzzzz")
    assert exc.value.problems[0].params["hint"] == ""


# -- mistakes ------------------------------------------------------------------------------------


def test_duplicate_code_reported_with_line(tmp_path: Path) -> None:
    path = write(tmp_path, """
        units:
          - {code: TN, name: Tỉnh Thái Nguyên}
          - {code: SYT, name: Sở Y tế, parent: TN}
          - code: SYT
            name: Sở Y tế (lặp)
            parent: TN
        """)
    with pytest.raises(HrplanError) as exc:
        load_units(path)
    (problem,) = exc.value.problems
    assert problem.code == "units.invalid"
    assert (problem.location.file, problem.location.line, problem.location.field) == (str(path), 4, "units[2]")
    assert "SYT" in problem.params["found"]


def test_unknown_parent_reported_with_line(tmp_path: Path) -> None:
    path = write(tmp_path, """
        units:
          - {code: TN, name: Tỉnh Thái Nguyên}
          - code: XA-DC
            name: Xã Đại Từ
            parent: HUYEN-DT
        """)
    with pytest.raises(HrplanError) as exc:
        load_units(path)
    (problem,) = exc.value.problems
    assert problem.code == "units.invalid"
    assert (problem.location.line, problem.location.field) == (5, "units[1].parent")
    assert "HUYEN-DT" in problem.params["found"]


def test_cycles_reported_with_line(tmp_path: Path) -> None:
    path = write(tmp_path, """
        units:
          - {code: TN, name: Tỉnh Thái Nguyên}
          - code: A
            name: Alpha
            parent: C
          - code: B
            name: Beta
            parent: A
          - code: C
            name: Gamma
            parent: B
          - {code: D, name: Delta, parent: A}
          - {code: S, name: Tự trỏ, parent: S}
        """)
    with pytest.raises(HrplanError) as exc:
        load_units(path)
    problems = exc.value.problems
    assert [p.code for p in problems] == ["units.invalid", "units.invalid"]
    assert [(p.location.line, p.location.field) for p in problems] == [(5, "units[1].parent"), (13, "units[5].parent")]
    assert problems[0].params["found"].endswith("A → C → B → A")
    assert problems[1].params["found"].endswith("S → S")


def test_missing_name_reported_with_field(tmp_path: Path) -> None:
    path = write(tmp_path, """
        units:
          - {code: TN, name: Tỉnh Thái Nguyên}
          - code: SYT
            parent: TN
        """)
    with pytest.raises(HrplanError) as exc:
        load_units(path)
    (problem,) = exc.value.problems
    assert (problem.location.field, problem.location.line) == ("units[1].name", 3)


def test_file_without_units_list(tmp_path: Path) -> None:
    with pytest.raises(HrplanError) as exc:
        load_units(write(tmp_path, "donvi:\n  - {code: TN, name: Tỉnh}\n"))
    assert (exc.value.problems[0].code, exc.value.problems[0].location.line) == ("units.invalid", 1)
