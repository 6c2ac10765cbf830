"""A unit the registry lacks: the reason says so and says what to do (add it to units.yaml, or an alias)."""
from __future__ import annotations

from pathlib import Path

from inbox_builder import consolidate
from quarterly import make_workspace, office_table


def test_a_file_named_for_a_unit_missing_from_the_registry_says_the_name_gives_it(tmp_path: Path, run):
    ws = make_workspace(tmp_path / "ws")
    path = office_table(tmp_path / "SYT_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 10, 8]])
    result = run("import", path, workspace=ws)
    assert result.exit_code == 3
    out = " ".join(result.output.split())
    assert "submission.unit_from_file_name_unknown" in out
    assert "tên tệp cho mã đơn vị 'SYT', nhưng units.yaml không có đơn vị này" in out
    assert "thêm đơn vị đó vào units.yaml (mã, tên, đơn vị cấp trên)" in out
    assert "Không xác định được đơn vị báo cáo. Hãy ghi" not in out  # not the bare "cannot tell"
    english = " ".join(run("import", path, workspace=ws, lang="en").output.split())
    assert "its name gives the unit code 'SYT', but units.yaml has no such unit" in english


def test_the_nightly_reason_tells_the_clerk_the_code_and_the_analyst_to_add_the_unit(tmp_path: Path):
    ws = make_workspace(tmp_path / "ws")
    office_table(ws.root / "inbox" / "SYT_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 10, 8]])
    # A unit cell naming a unit the registry lacks ("Huyện Lộc Bình"): the analyst may add it, not only an alias.
    office_table(ws.root / "inbox" / "A_2024-Q1.xlsx", [[1, "Cán bộ được đào tạo", "người", 10, 8]])
    _unit_cell(ws.root / "inbox" / "A_2024-Q1.xlsx", "Huyện Lộc Bình")
    assert consolidate(ws).returncode == 3
    syt = (ws.root / "rejected" / "SYT_2024-Q1.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "tên tệp ghi mã đơn vị 'SYT', không có trong danh mục đơn vị" in syt  # the clerk's part
    assert "units.yaml" not in syt.split("[English]")[0]  # the clerk is not told of the analyst's files
    assert "Nếu là đơn vị chưa có trong units.yaml: thêm đơn vị đó (mã, tên, đơn vị cấp trên)" in syt
    assert "If the unit is missing from units.yaml: add it there (code, name, parent)" in syt
    other = (ws.root / "rejected" / "A_2024-Q1.xlsx.reason.txt").read_text(encoding="utf-8")
    assert "Huyện Lộc Bình" in other
    assert "if the unit is missing from units.yaml: add it there (code, name, parent)" in other


def _unit_cell(path: Path, name: str) -> None:
    """Put the identification line 'Mã đơn vị: <name>' above the office's table."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.insert_rows(1, 2)
    sheet["A1"], sheet["B1"] = "Mã đơn vị:", name
    book.save(path)
