"""Tests for the figures: the seeds' numbers from a real workspace and store (hrplan.figures).

The sample workbooks are imported for real (the mistaken earlier SYT file first, then the
corrected ones), and every figure is checked against the source articles and against the very
cells it cites.
"""
from __future__ import annotations

import csv
import shutil
import textwrap
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from hrplan.figures import Figure, FigureSet, compute_figures
from hrplan.importer import Outcome, import_files
from hrplan.definitions.periods import Period
from hrplan.definitions import Program, load_program
from hrplan.reports.submission_template import HEADER_ROW, MAIN_SHEET, write_template
from hrplan.values import parse_number
from hrplan.workspace import Workspace, init_workspace

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
SUBMISSIONS = SAMPLE / "submissions"
RUNS = {
    "12-CTr/TU": "2016..2019-05",
    "08-CTr/TU": "2021..2023-05",
    "NA-LC/2011-2016": "2011..2016-08",
    "06-ĐA/TU": "2021..2022",
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("figures") / "ws"
    init_workspace(root, name="figures")
    shutil.copytree(SAMPLE / "programs", root / "programs", dirs_exist_ok=True)
    shutil.copy(SAMPLE / "units.yaml", root / "units.yaml")
    ws = Workspace(root)
    earlier = import_files(ws, [SUBMISSIONS.parent / "earlier_submissions"])
    main = import_files(ws, sorted(SUBMISSIONS.glob("*.xlsx")))
    assert [r.outcome for r in earlier] == [Outcome.IMPORTED]
    assert not [r for r in main if r.outcome not in (Outcome.IMPORTED, Outcome.UPDATED)]
    return ws


@pytest.fixture(scope="module")
def figure_sets(workspace: Workspace) -> dict[str, FigureSet]:
    with workspace.open_store() as store:
        return {code: compute_figures(workspace.program(code), Period.parse(period), store, workspace.units)
                for code, period in RUNS.items()}


def scope_figure(figure_sets: dict[str, FigureSet], program: str, indicator: str) -> Figure:
    figures = figure_sets[program]
    figure = figures.get(figures.root, indicator)
    assert figure is not None, (program, indicator)
    return figure


def test_scope_is_the_province(figure_sets: dict[str, FigureSet]) -> None:
    assert {code: fs.root for code, fs in figure_sets.items()} == {
        "12-CTr/TU": "CB", "08-CTr/TU": "CB", "NA-LC/2011-2016": "NA", "06-ĐA/TU": "BT"}


# -- Program 12-CTr/TU, review of May 2019 -------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "actual", "plan", "ratio", "status"),
    [
        ("DT-YT", 117, 41, 117 / 41, "over"),  # 285%
        ("DT-GD", 30, 10, 3.0, "over"),  # 300%
        ("DT-VH", 4, 4, 1.0, "met"),  # 100%
        ("BD-QLNN", 79, 176, 79 / 176, "behind"),  # 45%
        ("BD-LDQL", 139, 200, 0.695, "behind"),  # nearly 70%
        ("CCLLCT", 430, 181, 430 / 181, "over"),  # 238%
        ("LC-TRE", 24, 40, 0.6, "behind"),  # 60% of the target
    ],
)
def test_program_12_achievement(figure_sets, indicator, actual, plan, ratio, status) -> None:
    fig = scope_figure(figure_sets, "12-CTr/TU", indicator)
    assert (fig.actual, fig.plan) == (actual, plan)
    assert fig.ratio == pytest.approx(ratio)
    assert fig.status(figure_sets["12-CTr/TU"].program) == status
    assert fig.is_group and fig.unpaired == []


def test_the_corrected_submission_counts_not_the_earlier_one(figure_sets) -> None:
    fig = scope_figure(figure_sets, "12-CTr/TU", "DT-YT")
    assert fig.ratio == pytest.approx(2.8537, abs=1e-4)
    assert sorted((s.unit, s.value) for s in fig.actual_sources) == [("HHA", 17), ("SYT", 80), ("TPCB", 20)]
    assert figure_sets["12-CTr/TU"].get("SYT", "DT-YT").actual == 80  # not the 75 of the earlier file


def test_rotation_is_judged_against_the_province_wide_target(figure_sets) -> None:
    fig = scope_figure(figure_sets, "12-CTr/TU", "LC-TRE")
    (source,) = fig.plan_sources
    assert (source.unit, source.value) == ("CB", 40)
    assert source.target.startswith("12-CTr-TU.yaml")
    unit = figure_sets["12-CTr/TU"].get("BTCTU", "LC-TRE")
    assert (unit.actual, unit.plan) == (24, None)  # the unit itself has no target of its own


def test_per_unit_targets_make_the_plan(figure_sets) -> None:
    fig = scope_figure(figure_sets, "12-CTr/TU", "DT-YT")
    assert sorted((s.unit, s.value, s.target) for s in fig.plan_sources) == [
        ("HHA", 8, "12-CTr-TU_targets.csv:6"), ("SYT", 25, "12-CTr-TU_targets.csv:4"),
        ("TPCB", 8, "12-CTr-TU_targets.csv:5")]
    syt = figure_sets["12-CTr/TU"].get("SYT", "DT-YT")
    assert (syt.actual, syt.plan, syt.status(figure_sets["12-CTr/TU"].program)) == (80, 25, "over")


def test_indicator_without_a_plan(figure_sets) -> None:
    fig = scope_figure(figure_sets, "12-CTr/TU", "DT-THS")
    assert fig.actual == 173  # 22 + 80 + 20 + 4 + 30 + 17
    assert fig.ratio is None
    assert fig.status(figure_sets["12-CTr/TU"].program) == "no_plan"
    assert sorted(fig.unpaired) == ["BTCTU", "HHA", "SGDDT", "SVHTTDL", "SYT", "TPCB"]


# -- Program 08-CTr/TU, mid-term review of June 2023 ---------------------------------------------


@pytest.mark.parametrize(("indicator", "candidates", "seats", "ratio"), [("QH-BCH", 61, 53, 1.1509), ("QH-BTV", 21, 15, 1.4)])
def test_program_08_planning_ratios(figure_sets, indicator, candidates, seats, ratio) -> None:
    fig = scope_figure(figure_sets, "08-CTr/TU", indicator)
    assert (fig.actual, fig.plan) == (candidates, seats)
    assert fig.ratio == pytest.approx(ratio, abs=1e-4)
    assert fig.status(figure_sets["08-CTr/TU"].program) == "in_band"


def test_planning_band_is_a_setting_of_the_program_file(workspace: Workspace, tmp_path: Path) -> None:
    text = (workspace.programs_dir / "08-CTr-TU.yaml").read_text(encoding="utf-8")
    stricter = text.replace("band: {min: 1.0, max: 1.5", "band: {min: 1.0, max: 1.1").replace(
        "band: {min: 1.0, max: 2.0", "band: {min: 1.5, max: 2.0")
    assert stricter != text
    (tmp_path / "08.yaml").write_text(stricter, encoding="utf-8")
    program = load_program(tmp_path / "08.yaml")
    with workspace.open_store() as store:
        figures = compute_figures(program, Period.parse("2021..2023-05"), store, workspace.units)
    assert figures.get("CB", "QH-BCH").status(program) == "above_band"  # 1,15 > 1,1
    assert figures.get("CB", "QH-BTV").status(program) == "below_band"  # 1,4 < 1,5


def test_program_08_breakdowns_add_up(figure_sets) -> None:
    get = lambda code: scope_figure(figure_sets, "08-CTr/TU", code).actual  # noqa: E731
    parts = ["CB-DIEUDONG", "CB-LUANCHUYEN", "CB-BONHIEM", "CB-BONHIEMLAI", "CB-GIOITHIEU"]
    assert get("CB-TONG") == 210
    assert [get(p) for p in parts] == [45, 12, 9, 42, 102]
    assert (get("LC-TONG"), get("LC-HUYEN"), get("LC-XA")) == (217, 173, 44)
    assert scope_figure(figure_sets, "08-CTr/TU", "LC-TONG").members == ["TPCB", "HHA", "HTK"]


def test_program_08_coverage(figure_sets) -> None:
    fig = scope_figure(figure_sets, "08-CTr/TU", "KH-LC")
    assert (fig.actual, fig.plan, fig.ratio) == (3, 3, 1.0)
    assert fig.status(figure_sets["08-CTr/TU"].program) == "met"


def test_text_typed_numbers_are_read_the_vietnamese_way(figure_sets) -> None:
    assert scope_figure(figure_sets, "08-CTr/TU", "TT-NGUOI").actual == 27296  # typed "27.296"
    assert scope_figure(figure_sets, "06-ĐA/TU", "BD-CMNV").actual == 15185  # typed "15.185"


# -- Nghệ An rotation 2011-2016 ------------------------------------------------------------------


def test_nghe_an_rotation_breakdown(figure_sets) -> None:
    get = lambda code: scope_figure(figure_sets, "NA-LC/2011-2016", code).actual  # noqa: E731
    assert (get("LC-TONG"), get("LC-TINH-HUYEN"), get("LC-HUYEN-TINH"), get("LC-NGANH")) == (139, 41, 46, 52)


# -- Project 06-ĐA/TU: each year against its own target ------------------------------------------


def test_project_06_two_years_against_the_sum_of_annual_targets(figure_sets) -> None:
    fig = scope_figure(figure_sets, "06-ĐA/TU", "KHCN-DT")
    assert (fig.actual, fig.plan) == (953, 800)
    assert fig.ratio == pytest.approx(953 / 800)
    assert fig.status(figure_sets["06-ĐA/TU"].program) == "over"
    assert figure_sets["06-ĐA/TU"].submitted["SKHCN-BT"] == ["2021", "2022"]  # per-period figures added up


@pytest.mark.parametrize(("year", "actual"), [("2021", 470), ("2022", 483)])
def test_project_06_each_year(workspace: Workspace, year: str, actual: int) -> None:
    program = workspace.program("06-DA-TU")
    with workspace.open_store() as store:
        figures = compute_figures(program, Period.parse(year), store, workspace.units)
    fig = figures.get("BT", "KHCN-DT")
    assert (fig.actual, fig.plan) == (actual, 400)
    assert fig.status(program) == "over"
    assert "SNV-BT" not in figures.submitted  # its 2021..2022 submission is not inside one year


# -- every figure cites real cells ---------------------------------------------------------------


def test_every_source_holds_its_value(figure_sets) -> None:
    books: dict[str, openpyxl.Workbook] = {}
    with (SAMPLE / "programs" / "12-CTr-TU_targets.csv").open(encoding="utf-8") as lines:
        target_lines = list(csv.reader(lines))
    cells = targets = 0
    for figures in figure_sets.values():
        for fig in figures.figures.values():
            for source in [*fig.actual_sources, *fig.plan_sources]:
                if source.target is not None:
                    if source.target.startswith("12-CTr-TU_targets.csv:"):
                        line = int(source.target.rsplit(":", 1)[1])
                        assert Decimal(target_lines[line - 1][3]) == source.value
                        targets += 1
                    continue
                path = SUBMISSIONS / source.file  # the current submissions are the main folder's
                book = books.setdefault(source.file, openpyxl.load_workbook(path, data_only=True))
                held = book[source.sheet][source.cell].value
                assert parse_number(held) == source.value, (source.file, source.sheet, source.cell, held)
                cells += 1
    assert cells > 100 and targets > 10


# -- groups: ratio of sums, unpaired members -----------------------------------------------------

GROUP_PROGRAM = """
code: T-03/TU
title: Chương trình thử
period: 2021-2025
scope: P
indicators:
  - {code: DT, name: Đào tạo, uom: người}
"""
GROUP_UNITS = """
units:
  - {code: P, name: Tỉnh thử}
  - {code: G, name: Huyện thử, parent: P}
  - {code: A, name: Xã An, parent: G}
  - {code: B, name: Xã Bình, parent: G}
  - {code: C, name: Sở Công, parent: P}
"""


@pytest.fixture(scope="module")
def group_figures(tmp_path_factory: pytest.TempPathFactory) -> tuple[Program, FigureSet]:
    root = tmp_path_factory.mktemp("groups") / "ws"
    ws = init_workspace(root, name="groups")
    (root / "programs" / "T-03-TU.yaml").write_text(textwrap.dedent(GROUP_PROGRAM).lstrip(), encoding="utf-8")
    (root / "units.yaml").write_text(textwrap.dedent(GROUP_UNITS).lstrip(), encoding="utf-8")
    ws = Workspace(root)
    program, period = ws.program("T-03/TU"), Period.parse("2023")
    # A: 20 of 10 (200%); B: 5 with no plan; C: 50 of 100 (50%)
    filled = {"A": (10, 20), "B": (None, 5), "C": (100, 50)}
    paths = []
    for code, (plan, actual) in filled.items():
        path = write_template(ws.inbox / f"T-03-TU_{code}_2023.xlsx", program, ws.units.get(code), period)
        book = openpyxl.load_workbook(path)
        sheet = book[MAIN_SHEET]
        row = next(r for r in range(HEADER_ROW + 2, sheet.max_row + 1) if sheet.cell(r, 2).value == "DT")
        sheet.cell(row, 5, plan)
        sheet.cell(row, 6, actual)
        book.save(path)
        paths.append(path)
    results = import_files(ws, paths)
    assert [r.outcome for r in results] == [Outcome.IMPORTED] * 3, [r.problems for r in results]
    with ws.open_store() as store:
        return program, compute_figures(program, period, store, ws.units)


def test_group_ratio_is_the_ratio_of_sums(group_figures) -> None:
    program, figures = group_figures
    a, c, p = figures.get("A", "DT"), figures.get("C", "DT"), figures.get("P", "DT")
    assert (a.ratio, c.ratio) == (2.0, 0.5)  # their mean would be 125%
    assert (p.ratio_actual, p.ratio_plan) == (70, 110)
    assert p.ratio == pytest.approx(70 / 110)  # 64%, not 125%
    assert p.status(program) == "behind"


def test_a_member_without_a_plan_is_unpaired_and_left_out(group_figures) -> None:
    program, figures = group_figures
    g, p = figures.get("G", "DT"), figures.get("P", "DT")
    assert (g.actual, g.plan) == (25, 10)  # B's 5 is counted in the actual...
    assert g.ratio == 2.0  # ...but not in the ratio
    assert g.unpaired == ["B"]
    assert p.actual == 75 and p.ratio == pytest.approx(70 / 110)
    assert p.unpaired == ["B"]  # still named at the top, through the paired district
    assert sorted(p.members) == ["A", "B", "C"]
    b = figures.get("B", "DT")
    assert (b.actual, b.ratio, b.status(program)) == (5, None, "no_plan")


def _same_but_the_cells(full: FigureSet, lean: FigureSet) -> tuple[int, int]:
    """Assert that figures computed without their sources say what those with them say; give how many figures
    have notes and how many kept fewer cells."""
    fields = ("plan", "actual", "estimate", "stated_plan", "is_group", "members", "ratio_plan", "ratio_actual",
              "left_out", "full_plan", "context", "plan_rule", "incomplete", "blank_notes")
    assert lean.figures.keys() == full.figures.keys() and lean.submitted == full.submitted
    noted = fewer = 0
    for key, fig in full.figures.items():
        other = lean.figures[key]
        assert [getattr(other, f) for f in fields] == [getattr(fig, f) for f in fields], key
        assert other.notes == fig.notes and other.first_actual_source() == fig.first_actual_source(), key
        assert other.ratio == fig.ratio and other.status(full.program) == fig.status(full.program)
        noted += bool(fig.notes)
        fewer += len(other.actual_cells) + len(other.plan_cells) < len(fig.actual_cells) + len(fig.plan_cells)
    return noted, fewer


def test_figures_without_their_sources_have_the_same_numbers_and_first_cells(workspace, figure_sets) -> None:
    """`check` computes figures keeping only the cells a finding points at and those with a note."""
    fewer = 0
    with workspace.open_store() as store:
        for code, period in RUNS.items():
            lean = compute_figures(workspace.program(code), Period.parse(period), store, workspace.units, sources=False)
            fewer += _same_but_the_cells(figure_sets[code], lean)[1]
            some = next(f for f in lean.figures.values() if f.actual_cells)
            with pytest.raises(ValueError, match="without its sources"):
                some.actual_sources
    assert fewer > 0


def test_figures_without_their_sources_keep_every_note(tmp_path: Path) -> None:
    from quarterly import filled_template, make_workspace, send

    ws = make_workspace(tmp_path / "ws")
    send(ws, filled_template(ws, "A", "2024-Q1", {"DT": (10, 8), "KP": (100, 90)}),
         filled_template(ws, "A", "2024-Q2", {"DT": (10, 6, "Bổ sung lớp tháng 6"), "KP": (100, 95)}),
         filled_template(ws, "A", "2024-Q3", {"DT": (10, 7), "KP": (100, None, "Chưa quyết toán")}),
         filled_template(ws, "B", "2024-Q2", {"DT": (5, 5, "Đủ"), "KP": (50, 40)}))
    program = ws.program("Q-01/KH")
    with ws.open_store() as store:
        full = compute_figures(program, Period.parse("2024"), store, ws.units)
        lean = compute_figures(program, Period.parse("2024"), store, ws.units, sources=False)
    noted, fewer = _same_but_the_cells(full, lean)
    assert noted >= 4 and fewer  # A's and B's DT, A's KP (a blank's note), the province's DT and KP
    assert lean.get("P", "DT").notes == [("A", "Bổ sung lớp tháng 6"), ("B", "Đủ")]
