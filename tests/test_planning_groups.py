"""Planning indicators up the unit tree: a maximum stays a maximum, a share is over the members that gave both numbers.

Found by writing a new planning program as a new user: the province row added up the units' "most titles for one
person" (2 + 2 + 4 + 2 + 3 = 13), and a district that left its number of young cadres blank still counted in the
province's number planned (31 of 246 = 13%, a false warning, where the members that answered have 31 of 196).
"""
from __future__ import annotations

import json

from openpyxl import load_workbook

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from rule_workbooks import PROGRAM, PROGRAM_FILE, findings, submit
from test_checks_rules import _with, ws  # noqa: F401 (ws: the rule tests' workspace with their program, a fixture)


def _figures(ws, period: str):
    with ws.open_store() as store:
        return compute_figures(ws.program(PROGRAM), Period.parse(period), store, ws.units)


def test_the_province_maximum_is_its_largest_units_never_their_sum(ws, run, tmp_path):
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH_NG=(None, 2), QH_CD=(None, 3)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH_NG=(None, 4), QH_CD=(None, 2)))
    figures = _figures(ws, "2023-Q1")
    assert figures.get("CB", "QH-NG").actual == 4  # not 6
    assert figures.get("CB", "QH-CD").actual == 3  # not 5
    assert figures.get("CB", "BD").actual == 80  # a count still adds up
    out = tmp_path / "r.json"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "json", "-o", out, workspace=ws).exit_code == 0
    (row,) = [r for r in json.loads(out.read_text(encoding="utf-8"))["summary"] if r["indicator"] == "QH-NG"]
    assert (row["unit"], row["actual"], row["display"]["actual"]) == ("CB", 4, "4")
    # The limit (3 titles per person) is judged where it was reported: at HHA, not again at the province.
    over = findings(run, ws, "2023-Q1", "check.planning_titles_per_person")
    assert [f["unit"] for f in over] == ["HHA"]


def test_a_maximum_reported_each_quarter_is_the_largest_over_a_range(ws, run, tmp_path):
    program = ws.root / "programs" / PROGRAM_FILE
    program.write_text(program.read_text(encoding="utf-8").replace(
        "planning: {role: titles_per_person}}", "planning: {role: titles_per_person}, accumulation: per_period}"),
        encoding="utf-8")
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH_NG=(None, 2)))
    submit(run, ws, tmp_path, "SYT", "2023-Q2", _with(QH_NG=(None, 3)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH_NG=(None, 1)))
    submit(run, ws, tmp_path, "HHA", "2023-Q2", _with(QH_NG=(None, 1)))
    figures = _figures(ws, "2023-Q1..2023-Q2")
    assert figures.get("SYT", "QH-NG").actual == 3  # not 2 + 3
    assert figures.get("CB", "QH-NG").actual == 3
    assert figures.get("SYT", "BD").actual == 80  # a per-period count still adds its quarters
    with ws.open_store() as store:  # the database's sums (hrplan.figures.sums) give the same
        summed = compute_figures(ws.program(PROGRAM), Period.parse("2023-Q1..2023-Q2"), store, ws.units, sources=False)
    assert summed.get("SYT", "QH-NG").actual == 3 and summed.get("CB", "QH-NG").actual == 3


def test_a_share_leaves_out_a_unit_that_left_its_count_blank_from_both_numbers(ws, run, tmp_path):
    # SYT: 4 women of 12 planned (33%). HHA: 50 planned, the women's cell left empty.
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 12), QH_NU=(None, 4)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(40, 50), QH_NU=(None, None)))
    shares = findings(run, ws, "2023-Q1", "check.planning_women_share")
    assert shares == []  # 4 of 62 (6%) would be a false warning: the members that gave both have 4 of 12


def test_a_group_share_under_the_floor_names_the_units_left_out(ws, run, tmp_path):
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 12), QH_NU=(None, 2)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(40, 50), QH_NU=(None, None)))
    by_unit = {f["unit"]: f for f in findings(run, ws, "2023-Q1", "check.planning_women_share")}
    assert set(by_unit) == {"SYT", "CB"}
    province = by_unit["CB"]["message"]
    assert "2/12" in province and "16,7%" in province and "2/62" not in province
    assert "không tính: Huyện Hòa An" in province
    assert "không tính" not in by_unit["SYT"]["message"]
    english = findings(run, ws, "2023-Q1", "check.planning_women_share", PROGRAM, "--lang", "en")
    assert "left out: Huyện Hòa An" in next(f for f in english if f["unit"] == "CB")["message"]


def test_more_women_than_people_planned_is_an_error_at_the_cell_and_left_out_of_the_group_share(ws, run, tmp_path):
    # Found on a planning program: Xã Minh Xuân typed 20 women of 18 planned, and the province's share read
    # 31/76 = 40,8% "đạt", where the units whose numbers hold have 11/58 = 19%.
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 12), QH_NU=(None, 2)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(15, 18), QH_NU=(None, 20)))
    (error,) = findings(run, ws, "2023-Q1", "check.planning_share_over_whole")
    assert (error["unit"], error["indicator"], error["severity"]) == ("HHA", "QH-NU", "error")
    assert error["location"]["cell"].startswith("F") and "20 người" in error["message"]
    shares = {f["unit"]: f["message"] for f in findings(run, ws, "2023-Q1", "check.planning_women_share")}
    assert set(shares) == {"SYT", "CB"}  # HHA's 20/18 is no share at all, under or over the floor
    assert "2/12" in shares["CB"] and "Không tính Huyện Hòa An (20/18)" in shares["CB"]
    out = tmp_path / "r.html"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "html", "-o", out, workspace=ws).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "2/12 người, bằng 16,7%" in page and "dưới mức tối thiểu" in page and "22/30" not in page


def test_people_planned_for_0_seats_are_left_out_of_the_group_ratio_and_named(ws, run, tmp_path):
    # 12 people for 10 seats, and 5 people for 0 seats: 17/10 = 1,7 (above the band) was the province's ratio.
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 12)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(0, 5)))
    figures = _figures(ws, "2023-Q1")
    assert figures.get("CB", "QH").ratio == 1.2
    (error,) = findings(run, ws, "2023-Q1", "check.zero_plan_with_actual")
    assert (error["unit"], error["indicator"], error["severity"]) == ("HHA", "QH", "error")
    assert error["location"]["cell"].startswith("E")  # the 0 seats
    assert "5 người quy hoạch cho 0 vị trí" in error["message"]
    assert findings(run, ws, "2023-Q1", "check.planning_ratio_out_of_band") == []
    out = tmp_path / "r.json"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "json", "-o", out, workspace=ws).exit_code == 0
    (row,) = [r for r in json.loads(out.read_text(encoding="utf-8"))["summary"] if r["indicator"] == "QH"]
    assert row["display"]["ratio"] == "1,2 lần"
    assert "Không tính vào tỷ lệ: Huyện Hòa An ghi 5 người quy hoạch cho 0 vị trí." in row["footnotes"]


def test_the_most_people_per_title_names_the_units_that_did_not_give_it(ws, run, tmp_path):
    # The province's line read "3; mức tối đa 3: trong giới hạn" while two units had left the number blank.
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH_CD=(None, 3)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH_CD=(None, None)))
    out = tmp_path / "r.html"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "html", "-o", out, workspace=ws).exit_code == 0
    assert ("Số người quy hoạch nhiều nhất cho một chức danh: 3; mức tối đa 3 (Quy định 377-QĐ/TW): trong giới hạn. "
            "Chỉ tính các đơn vị có số; không tính: Huyện Hòa An.") in out.read_text(encoding="utf-8")


def test_four_people_planned_for_one_seat_is_over_the_people_per_title_limit(ws, run, tmp_path):
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(1, 4)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(10, 12)))
    (over,) = findings(run, ws, "2023-Q1", "check.planning_people_per_title")
    assert (over["unit"], over["indicator"]) == ("SYT", "QH")
    assert "4 người quy hoạch cho 1 vị trí, quá mức tối đa 3 người cho một chức danh" in over["message"]


def test_people_planned_for_0_seats_are_left_out_of_the_group_shares_too(ws, run, tmp_path):
    # Found on a planning program: Huyện ủy Lộc Bình planned 10 people for 0 seats; the province's ratio left it out,
    # while its women and young cadres still counted in the shares (55/226 where the units with seats have 52/216).
    # SYT: 4 women and 3 young of 12 planned for 10 seats; HHA: 2 women and 3 young of 20 planned for 0 seats.
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 12), QH_NU=(None, 4), QH_TRE=(None, 3)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(0, 20), QH_NU=(None, 2), QH_TRE=(None, 3)))
    # 6/32 women (18,8%) and 6/32 young would be under the floors: the members of the ratio have 4/12 and 3/12
    # (HHA's own 2 women of its 20 people is a share of its own: under the floor, said at HHA)
    assert [f["unit"] for f in findings(run, ws, "2023-Q1", "check.planning_women_share")] == ["HHA"]
    assert findings(run, ws, "2023-Q1", "check.planning_young_share") == []
    out = tmp_path / "r.html"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "html", "-o", out, workspace=ws).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "4/12 người, bằng 33,3%" in page and "3/12 người, bằng 25,0%" in page
    assert ("Không tính Huyện Hòa An (2/20): đơn vị quy hoạch người cho 0 vị trí, không được tính vào tỷ lệ chung."
            in page)
    english = tmp_path / "r.en.html"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "html", "-o", english, "--lang", "en",
               workspace=ws).exit_code == 0
    page = english.read_text(encoding="utf-8")
    assert "4 of 12, 33.3%" in page and "Left out: Huyện Hòa An (2/20), whose people are planned for 0 seats" in page


def test_a_group_ratio_finding_says_the_numbers_it_divides_and_who_is_left_out(ws, run, tmp_path):
    # Found on a planning program: 'TINH … 268 người cho 88 vị trí, bằng 2,93 lần', where 268/88 is 3,05: the ratio
    # was over the 258 people of the units with seats, the finding said everyone's 268 and named nobody.
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 20), BD=(40, 20)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(0, 5), BD=(None, 30)))
    band = {f["unit"]: f["message"] for f in findings(run, ws, "2023-Q1", "check.planning_ratio_out_of_band")}
    assert set(band) == {"SYT", "CB"}
    assert band["CB"].startswith("Quy hoạch Ban Chấp hành: 20 người cho 10 vị trí, bằng 2 lần;")  # not 25 for 10
    assert band["CB"].endswith(" Không tính vào tỷ lệ: Huyện Hòa An ghi 5 người quy hoạch cho 0 vị trí.")
    assert "Không tính" not in band["SYT"]
    behind = {f["unit"]: f["message"] for f in findings(run, ws, "2023-Q1", "check.behind_plan")}
    assert "thực hiện 20/40" in behind["CB"]
    assert behind["CB"].endswith(" Không tính vào tỷ lệ: Huyện Hòa An thực hiện 30 nhưng chưa có kế hoạch.")
    english = {f["unit"]: f["message"] for f in findings(run, ws, "2023-Q1", "check.planning_ratio_out_of_band",
                                                         PROGRAM, "--lang", "en")}
    assert english["CB"].endswith(" Left out of the ratio: Huyện Hòa An wrote 5 people planned for 0 seats.")


def _with_sources(ws) -> None:
    """Give the test program a breakdown of those planned by source (nguồn tại chỗ, nguồn từ nơi khác)."""
    program = ws.root / "programs" / PROGRAM_FILE
    program.write_text(program.read_text(encoding="utf-8").replace(
        "  - {code: QH-NU,", "  - {code: QH-TC, name: Nguồn tại chỗ}\n  - {code: QH-NK, name: Nguồn từ nơi khác}\n"
        "  - {code: QH-NU,") + "breakdowns:\n  - {total: QH, parts: [QH-TC, QH-NK]}\n", encoding="utf-8")


def test_a_breakdowns_parts_are_told_over_the_members_its_total_shows(ws, run, tmp_path):
    # Found on a planning program: '258 người, trong đó: nguồn tại chỗ 176; nguồn từ nơi khác 82' with the note
    # 'Các phần cộng lại 258, không bằng tổng 268': the parts counted Lộc Bình's 6 + 4 (10 people for 0 seats), left
    # out of the 258, and the note compared them with a 268 the row never shows.
    _with_sources(ws)
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 12), QH_TC=(None, 7), QH_NK=(None, 4)))  # 11, not 12
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(0, 5), QH_TC=(None, 3), QH_NK=(None, 2)))
    out = tmp_path / "r.html"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "html", "-o", out, workspace=ws).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "trong đó: nguồn tại chỗ 7; nguồn từ nơi khác 4" in page  # not 10; 6
    assert ("Các phần cộng lại 11, không bằng tổng 12, do số liệu của: Sở Y tế (tổng 12 nhưng các phần cộng lại 11)."
            in page)
    assert "Huyện Hòa An (tổng" not in page and "tổng 17" not in page
    # the part's own row keeps its whole sum, and says what of it is outside the total's row
    assert ("Số 10 gồm cả số của Huyện Hòa An, là đơn vị không tính trong tổng 12 (Quy hoạch Ban Chấp hành); chỉ "
            "tính các đơn vị của tổng: 7.") in page


def test_a_share_under_its_floor_is_never_written_as_the_floor(ws, run, tmp_path):
    # Found on a planning program: '2/21 người quy hoạch là cán bộ trẻ (10%), dưới mức tối thiểu 10%' (9,5%).
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(40, 48), QH_TRE=(None, 7)))  # 14,58%: '15%' under 15%
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(20, 20), QH_TRE=(None, 4)))  # 20%
    young = {f["unit"]: f for f in findings(run, ws, "2023-Q1", "check.planning_young_share")}
    assert set(young) == {"SYT"}
    assert "7/48 người quy hoạch là cán bộ trẻ (14,6%), dưới mức tối thiểu 15%" in young["SYT"]["message"]
    assert young["SYT"]["figure"] == "14,6%"


def test_a_group_women_total_holding_a_number_flagged_impossible_says_so(ws, run, tmp_path):
    # Found on a planning program: 'Trong đó nữ: 105 người' held Văn Lãng's 50 women of 42 planned, an error the
    # check names, with no word beside the total.
    submit(run, ws, tmp_path, "SYT", "2023-Q1", _with(QH=(10, 12), QH_NU=(None, 4)))
    submit(run, ws, tmp_path, "HHA", "2023-Q1", _with(QH=(15, 18), QH_NU=(None, 20)))
    note = "Gồm 20 nữ của Huyện Hòa An, nhiều hơn số người quy hoạch 18: số này có lỗi, chưa dùng để tính tỷ lệ."
    out = tmp_path / "r.html"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "html", "-o", out, workspace=ws).exit_code == 0
    assert note in out.read_text(encoding="utf-8")
    book = tmp_path / "r.xlsx"
    assert run("report", "-p", PROGRAM, "--period", "2023-Q1", "-f", "xlsx", "-o", book, workspace=ws).exit_code == 0
    texts = [c.value for sheet in load_workbook(book) for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any(note in t for t in texts)
