"""Tests for the units registry: a tree of any depth, matching names, mistakes by line (hrplan.units)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hrplan.problems import HrplanError
from hrplan.definitions.units import CACHE_MIN_BYTES, UnitTree, load_units

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
    # in one language at a time: 'Gần giống / closest' mixed both in a Vietnamese message
    assert "Gần giống: SYT (Sở Y tế), TN (Tỉnh Thái Nguyên)" in problem.message("vi")
    assert "closest" not in problem.message("vi").lower()
    assert "Closest: SYT (Sở Y tế), TN (Tỉnh Thái Nguyên)" in problem.message("en")


def test_resolve_hint_names_each_unit_once(tree: UnitTree) -> None:
    # 'So Y te TN' is close to both the name and the alias of SYT
    with pytest.raises(HrplanError) as exc:
        tree.resolve("So Y te TN")
    assert exc.value.problems[0].params["hint"].count("SYT (Sở Y tế)") == 1


def test_resolve_without_anything_close(tree: UnitTree) -> None:
    with pytest.raises(HrplanError) as exc:
        tree.resolve("Zzzzzzzz")
    (problem,) = exc.value.problems
    assert problem.params["near"] == ""  # nothing close: no empty 'Gần giống:', only what to do
    assert problem.message("vi") == ("Không có đơn vị 'Zzzzzzzz' trong danh mục đơn vị. Hãy ghi mã hoặc tên đơn vị "
                                     "như trong danh mục.")


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


# -- the definitions cache: a large registry is parsed once per change of its bytes ----------------


def _national(tmp_path: Path, communes: int = 900) -> Path:
    lines = ["units:", "  - {code: VN, name: Cả nước}"]
    lines += [f"  - {{code: X{i:05d}, name: Xã Số {i:05d}, parent: VN, kind: xã}}" for i in range(communes)]
    path = tmp_path / "units.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size >= CACHE_MIN_BYTES  # large enough to be kept
    return path


def _names(tree: UnitTree) -> dict[str, str]:
    return {code: unit.name for code, unit in tree.units.items()}


def test_a_large_registry_is_kept_and_an_edit_is_seen(tmp_path: Path) -> None:
    from hrplan.definitions.cache import CACHE_DIR

    path = _national(tmp_path)
    first = load_units(path, cache_in=tmp_path)
    kept = tmp_path / CACHE_DIR / "units.json"
    assert kept.is_file()
    again = load_units(path, cache_in=tmp_path)
    assert _names(again) == _names(first) and again.descendants("VN") == first.descendants("VN")
    # the same size, the same modification time: only the bytes differ
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("Xã Số 00007", "Xã Mới 0007"), encoding="utf-8")
    import os

    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert load_units(path, cache_in=tmp_path).get("X00007").name == "Xã Mới 0007"
    assert load_units(path).get("X00007").name == "Xã Mới 0007"


def test_a_hit_gives_what_was_kept_for_those_bytes_only(tmp_path: Path) -> None:
    import json

    from hrplan.definitions.cache import CACHE_DIR

    path = _national(tmp_path)
    load_units(path, cache_in=tmp_path)
    kept = tmp_path / CACHE_DIR / "units.json"
    entry = json.loads(kept.read_text(encoding="utf-8"))
    entry["data"][1]["name"] = "Đã ghi trong bộ nhớ đệm"
    kept.write_text(json.dumps(entry), encoding="utf-8")
    assert load_units(path, cache_in=tmp_path).get("X00000").name == "Đã ghi trong bộ nhớ đệm"  # a hit: no parse
    path.write_text(path.read_text(encoding="utf-8") + "  - {code: X99999, name: Xã Cuối, parent: VN}\n",
                    encoding="utf-8")
    tree = load_units(path, cache_in=tmp_path)  # other bytes: parsed, and kept anew
    assert tree.get("X00000").name == "Xã Số 00000" and "X99999" in tree
    assert json.loads(kept.read_text(encoding="utf-8"))["data"][1]["name"] == "Xã Số 00000"


@pytest.mark.parametrize("garbage", [b"", b'{"key": "x", "da', b"\xff\xfe", b'["not", "an", "entry"]'])
def test_a_torn_or_foreign_cache_file_is_a_miss(tmp_path: Path, garbage: bytes) -> None:
    from hrplan.definitions.cache import CACHE_DIR

    path = _national(tmp_path)
    (tmp_path / CACHE_DIR).mkdir()
    (tmp_path / CACHE_DIR / "units.json").write_bytes(garbage)
    (tmp_path / CACHE_DIR / ".units-left-by-a-kill.tmp").write_bytes(b'{"key": ')
    assert len(load_units(path, cache_in=tmp_path).units) == 901
    assert len(load_units(path, cache_in=tmp_path).units) == 901


def test_a_registry_with_a_mistake_is_never_kept(tmp_path: Path) -> None:
    from hrplan.definitions.cache import CACHE_DIR

    path = _national(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("parent: VN, kind: xã}", "parent: VNN, kind: xã}", 1),
                    encoding="utf-8")
    with pytest.raises(HrplanError) as without:
        load_units(path)
    with pytest.raises(HrplanError) as cached:
        load_units(path, cache_in=tmp_path)
    assert [(p.code, p.location.line, p.params) for p in cached.value.problems] == \
        [(p.code, p.location.line, p.params) for p in without.value.problems]
    assert cached.value.problems[0].location.line == 3
    assert not (tmp_path / CACHE_DIR / "units.json").exists()


def test_windows_line_ends_and_a_bom_read_as_without_the_cache(tmp_path: Path) -> None:
    path = _national(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert _names(load_units(path, cache_in=tmp_path)) == _names(load_units(path))
    path.write_bytes(path.read_bytes().replace(b"{code: X00004, name: X", b"{code: X00003, name: X"))
    with pytest.raises(HrplanError) as without:
        load_units(path)
    with pytest.raises(HrplanError) as cached:
        load_units(path, cache_in=tmp_path)
    assert [(p.location.line, p.params) for p in cached.value.problems] == \
        [(p.location.line, p.params) for p in without.value.problems] == \
        [(7, {"found": "code 'X00003' used twice", "found_vi": "mã 'X00003' dùng hai lần",
              "expected": "unique unit codes", "expected_vi": "mỗi đơn vị một mã riêng"})]


def test_a_workspace_keeps_its_registry_parsed_in_its_own_folder(tmp_path: Path) -> None:
    from hrplan.definitions.cache import CACHE_DIR
    from hrplan.workspace import Workspace, init_workspace

    root = tmp_path / "ws"
    init_workspace(root)
    _national(root)
    assert len(Workspace(root).units.units) == 901 and (root / CACHE_DIR / "units.json").is_file()
    path = root / "units.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Xã Số 00899", "Phường 00899"), encoding="utf-8")
    assert Workspace(root).units.get("X00899").name == "Phường 00899"
    assert Workspace(root).units.match("Xã Số 00899") is None


def test_commands_loading_while_the_registry_is_rewritten_each_get_one_whole_version(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = _national(tmp_path)
    old = path.read_text(encoding="utf-8")
    new = old.replace("Xã Số", "Phường Số")
    loader = ("import sys; from pathlib import Path; from hrplan.definitions.units import load_units\n"
              "for _ in range(12):\n"
              "    names = {u.name.split(' Số')[0] for u in load_units(Path(sys.argv[1]), cache_in=Path(sys.argv[2])).units.values()}\n"
              "    print(sorted(names - {'Cả nước'}))\n")
    runs = [subprocess.Popen([sys.executable, "-c", loader, str(path), str(tmp_path)], stdout=subprocess.PIPE, text=True)
            for _ in range(3)]
    for i in range(30):  # each version written whole (a replace, as an editor saves)
        tmp = tmp_path / "units.yaml.new"
        tmp.write_text(new if i % 2 else old, encoding="utf-8")
        tmp.replace(path)
    outputs = [run.communicate(timeout=120)[0].split("\n") for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert {line for out in outputs for line in out if line} <= {"['Xã']", "['Phường']"}
    path.write_text(new, encoding="utf-8")
    assert {u.name.split(" Số")[0] for u in load_units(path, cache_in=tmp_path).units.values()} == {"Cả nước", "Phường"}
