"""A template whose identification block was cleared is not identified from its title lines.

The title block `hrplan template` writes names the program ("BÁO CÁO KẾT QUẢ THỰC HIỆN 05-KH/UBND",
its title "... giai đoạn 2024 - 2025") and, over the unit, the parent body ("TỈNH HÀ GIANG"). With the
"Mã đơn vị" / "Kỳ báo cáo" cells cleared, those lines describe the program and the province, not the
report: the program's own period is not the period of a monthly report, and the province (the program's
scope, not one of its reporters) did not send a district's file. Such a file is refused at the line it
was read from, saying what to fill; --unit / --period settle it.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl

from hrplan.reports.submission_template import MAIN_SHEET, fill_values
from quarterly import make_workspace

MONTHLY = """
code: 05-KH/UBND
title: Đào tạo, bồi dưỡng cán bộ, công chức tỉnh Lạng Sơn giai đoạn 2024 - 2025
period: 2024-2025
scope: LS
reporting: quarter
unit_reporting: {XHT: month}
indicators:
  - {code: BD-TONG, name: "Lượt cán bộ, công chức được bồi dưỡng", uom: lượt người, accumulation: per_period}
  - {code: KP-DT, name: "Kinh phí đào tạo, bồi dưỡng", uom: triệu đồng, accumulation: per_period}
reporters: [HCL, XHT]
"""
MONTHLY_UNITS = """
units:
  - {code: LS, name: Tỉnh Lạng Sơn}
  - {code: HCL, name: Huyện Cao Lộc, parent: LS}
  - {code: XHT, name: Xã Hợp Thành, parent: HCL}
"""
PLANNING = """
code: 15-CTr/TU
title: Công tác quy hoạch cán bộ nhiệm kỳ 2025 - 2030
period: 2025-2030
scope: HG
indicators:
  - {code: QH-BCH, name: Quy hoạch Ban Chấp hành Đảng bộ, uom: người, kind: planning_ratio, accumulation: cumulative}
  - {code: QH-NU, name: Trong đó nữ, uom: người, accumulation: cumulative}
reporters: [BTCTU, HVX, HBQ]
"""
PLANNING_UNITS = """
units:
  - {code: HG, name: Tỉnh Hà Giang}
  - {code: BTCTU, name: Ban Tổ chức Tỉnh ủy, parent: HG}
  - {code: HVX, name: Huyện Vị Xuyên, parent: HG}
  - {code: HBQ, name: Huyện Bắc Quang, parent: HG}
"""


def _template(run, ws, program: str, unit: str, period: str, name: str, figures: dict,
              clear: tuple[str, ...]) -> Path:
    """Give `hrplan template`'s workbook for the unit and period, filled, with the cells `clear` emptied."""
    path = ws.root / "sent" / name
    path.parent.mkdir(exist_ok=True)
    made = run("template", "-p", program, "--unit", unit, "--period", period, "-o", path, workspace=ws)
    assert made.exit_code == 0, made.stdout + made.stderr
    fill_values(path, figures)
    book = openpyxl.load_workbook(path)
    sheet = book[MAIN_SHEET]
    for ref in clear:
        sheet[ref].value = None
    book.save(path)
    return path


ID_BLOCK = ("B8", "D8", "B9", "D9", "E9", "B10", "D10")  # "Mã chương trình / Mã đơn vị / Kỳ báo cáo" and their values


def _submissions(ws) -> list[tuple[str, str, str]]:
    with ws.open_store() as store:
        return sorted((s.program, s.unit, s.period) for s in store.submissions())


def test_program_period_in_its_title_is_not_a_monthly_reports_period(run, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", MONTHLY, MONTHLY_UNITS)
    # The explorers' file: the month line (A6) and the identification cells gone; only the program's
    # title "... giai đoạn 2024 - 2025" names years, and the name XHT_2024-05 is longer than the pattern's period.
    path = _template(run, ws, "05-KH/UBND", "XHT", "2024-05", "XHT_2024-05.xlsx", {"BD-TONG": (5, 5)},
                     ("A6", *ID_BLOCK))

    refused = run("import", "-p", "05-KH/UBND", path, workspace=ws)
    assert refused.exit_code == 3, refused.stdout
    out = " ".join(refused.stdout.split())
    assert "submission.period_from_program_title" in out
    assert f"{path.name} › {MAIN_SHEET} › A5" in out  # the program's title line
    assert "2024-2025" in out and "--period" in out and "Kỳ báo cáo" in out
    assert _submissions(ws) == []

    english = run("import", "--dry-run", "-p", "05-KH/UBND", path, workspace=ws, lang="en")
    text = " ".join(english.stdout.split())
    assert english.exit_code == 3
    assert "is the period of program 05-KH/UBND" in text and "pass --period" in text

    settled = run("import", "-p", "05-KH/UBND", "--period", "2024-05", path, workspace=ws)
    assert settled.exit_code == 0, settled.stdout
    assert _submissions(ws) == [("05-KH/UBND", "XHT", "2024-05")]


def test_the_period_line_wins_over_the_programs_title(run, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", MONTHLY, MONTHLY_UNITS)
    # Only the identification cells cleared: "Quý II/2024 (số liệu từ ...)" in A6 says the period.
    path = _template(run, ws, "05-KH/UBND", "HCL", "2024-Q2", "bao_cao_quy.xlsx", {"BD-TONG": (20, 18)}, ID_BLOCK)

    result = run("import", "-p", "05-KH/UBND", path, workspace=ws)
    assert result.exit_code == 0, result.stdout
    assert _submissions(ws) == [("05-KH/UBND", "HCL", "2024-Q2")]


def test_province_in_the_heading_is_not_a_districts_reporting_unit(run, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", PLANNING, PLANNING_UNITS)
    # HVX's file without its identification cells and without its own name (A2) under "TỈNH HÀ GIANG".
    path = _template(run, ws, "15-CTr/TU", "HVX", "2025", "BaoCao_QH_noA2.xlsx",
                     {"QH-BCH": (53, 58), "QH-NU": (None, 12)}, ("A2", *ID_BLOCK))

    refused = run("import", "-p", "15-CTr/TU", "--period", "2025", path, workspace=ws)
    assert refused.exit_code == 3, refused.stdout
    out = " ".join(refused.stdout.split())
    assert "submission.unit_from_heading" in out
    assert f"{path.name} › {MAIN_SHEET} › A1" in out  # "TỈNH HÀ GIANG"
    assert "HG" in out and "BTCTU, HVX, HBQ" in out and "--unit" in out and "Mã đơn vị" in out
    assert _submissions(ws) == []  # the province's total would have counted HVX's 58 twice

    settled = run("import", "-p", "15-CTr/TU", "--period", "2025", "--unit", "HVX", path, workspace=ws)
    assert settled.exit_code == 0, settled.stdout
    assert _submissions(ws) == [("15-CTr/TU", "HVX", "2025")]

    # With its own line (A2 "HUYỆN VỊ XUYÊN") under the province, the title still names the district.
    named = _template(run, ws, "15-CTr/TU", "HBQ", "2025", "BaoCao_QH.xlsx", {"QH-BCH": (40, 44)}, ID_BLOCK)
    assert run("import", "-p", "15-CTr/TU", named, workspace=ws).exit_code == 0
    assert _submissions(ws) == [("15-CTr/TU", "HBQ", "2025"), ("15-CTr/TU", "HVX", "2025")]



def test_a_program_reporting_once_for_its_whole_period_keeps_the_period_its_title_names(run, tmp_path: Path) -> None:
    # A program that says no reporting frequency: a report titled with the program's title ("… giai đoạn 2024 -
    # 2025") may well be for that whole period, as before; only a shorter frequency sets the title's period aside.
    once = MONTHLY.replace("reporting: quarter\nunit_reporting: {XHT: month}\n", "")
    ws = make_workspace(tmp_path / "ws", once, MONTHLY_UNITS)
    path = _template(run, ws, "05-KH/UBND", "HCL", "2024-2025", "HCL_ca_giai_doan.xlsx", {"BD-TONG": (50, 48)},
                     ("A6", "B10", "D10"))
    result = run("import", "-p", "05-KH/UBND", path, workspace=ws)
    assert result.exit_code == 0, result.stdout
    assert _submissions(ws) == [("05-KH/UBND", "HCL", "2024-2025")]


def test_a_unit_spelt_otherwise_names_the_closest_units_and_what_to_do(run, tmp_path: Path) -> None:
    # "Không có đơn vị 'TP Hà Giang' trong danh mục đơn vị." and nothing more: no candidate, no way out.
    ws = make_workspace(tmp_path / "ws", MONTHLY, MONTHLY_UNITS)
    path = _template(run, ws, "05-KH/UBND", "HCL", "2024-Q2", "cao_loc.xlsx", {"BD-TONG": (20, 18)}, ())
    book = openpyxl.load_workbook(path)
    book[MAIN_SHEET]["D9"].value = "H. Cao Loc"
    book.save(path)
    refused = run("import", path, workspace=ws)
    out = " ".join(refused.stdout.split())
    assert refused.exit_code == 3 and "› D9" in out
    assert "Gần giống: HCL (Huyện Cao Lộc)" in out and "--unit" in out and "aliases" in out
    english = " ".join(run("import", "--dry-run", path, workspace=ws, lang="en").stdout.split())
    assert "Closest: HCL (Huyện Cao Lộc)" in english and "What to do" in english
