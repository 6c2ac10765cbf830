"""Planning indicators up the unit tree: a maximum stays a maximum, a share is over the members that gave both numbers.

Found by writing a new planning program as a new user: the province row added up the units' "most titles for one
person" (2 + 2 + 4 + 2 + 3 = 13), and a district that left its number of young cadres blank still counted in the
province's number planned (31 of 246 = 13%, a false warning, where the members that answered have 31 of 196).
"""
from __future__ import annotations

import json

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
    assert "2/12" in province and "17%" in province and "2/62" not in province
    assert "không tính: Huyện Hòa An" in province
    assert "không tính" not in by_unit["SYT"]["message"]
    english = findings(run, ws, "2023-Q1", "check.planning_women_share", PROGRAM, "--lang", "en")
    assert "left out: Huyện Hòa An" in next(f for f in english if f["unit"] == "CB")["message"]
