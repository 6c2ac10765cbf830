"""Figures of a period made of parts from the database's sums (hrplan.figures.sums) say what the rows say.

A year of quarterly workbooks, imported for real: units whose values the database may add up
take its sums, the others (a note, a decimal, a part without a plan, a year sent whole beside
its quarters, a unit of measure the program has since changed) are taken row by row. Either
way every figure, its ratio, first cell, notes, left-out members and coverage are those of
the figures computed from every cell (`compute_figures(sources=True)`, which never sums).
"""
from __future__ import annotations

import pytest
from conftest import pg_server_or_reason
from quarterly import filled_template, make_workspace, send

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from hrplan.importer import Outcome
from hrplan.workspace import Workspace

PROGRAM = """
code: Q-01/KH
title: Chương trình thử cộng dồn theo quý
period: 2024-2026
scope: P
reporting: quarter
indicators:
  - {code: DT, name: Cán bộ được đào tạo, uom: người, accumulation: per_period}
  - {code: KP, name: Kinh phí đào tạo, uom: triệu đồng, accumulation: per_period}
  - {code: TD, name: Cán bộ đạt chuẩn trình độ, uom: người, accumulation: cumulative}
targets:
  - {indicator: DT, unit: A, period: "2024", value: 40}
  - {indicator: DT, unit: B, period: "2024", value: 60}
  - {indicator: DT, unit: D, period: "2024", value: 50}
reporters: [A, B, C, D, E, F, G]
"""
UNITS = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: H1, name: Huyện Một, parent: P}
  - {code: A, name: Xã An, parent: H1}
  - {code: B, name: Xã Bình, parent: H1}
  - {code: C, name: Xã Công, parent: H1}
  - {code: H2, name: Huyện Hai, parent: P}
  - {code: D, name: Xã Đức, parent: H2}
  - {code: E, name: Xã Én, parent: H2}
  - {code: F, name: Xã Phú, parent: H2}
  - {code: G, name: Xã Giang, parent: P}
"""
QUARTERS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
FIELDS = ("plan", "actual", "estimate", "stated_plan", "is_group", "members", "ratio_plan", "ratio_actual", "left_out",
          "full_plan", "context", "plan_rule", "incomplete", "blank_notes")


def _quarter(q: int, **changes) -> dict[str, tuple]:
    rows = {"DT": (10, 8 + q), "KP": (100, 90 + q), "TD": (30, 20 + 3 * q)}
    rows.update(changes)
    return rows


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ws(request, tmp_path_factory: pytest.TempPathFactory):
    """The workspace, once on an SQLite store and once on the session's PostgreSQL server (their SQL differs)."""
    store = None
    if request.param == "postgresql":
        server = pg_server_or_reason()
        if isinstance(server, str):
            pytest.skip(f"PostgreSQL half skipped: {server}")
        name = server.new_database()
        request.addfinalizer(lambda: server.drop_database(name))
        store = server.url(name)
    ws = make_workspace(tmp_path_factory.mktemp("sums") / "ws", PROGRAM, UNITS, store)
    files = []
    for q, quarter in enumerate(QUARTERS, 1):
        files.append(filled_template(ws, "A", quarter, _quarter(q)))  # plain: summed
        files.append(filled_template(ws, "B", quarter, _quarter(q, DT=(10, 7, "Bổ sung")) if q == 2 else _quarter(q)))
        files.append(filled_template(ws, "C", quarter, _quarter(q, KP=(100, 92.5)) if q == 3 else _quarter(q)))
        if q < 4:  # D misses the fourth quarter: summed, and its coverage says so
            files.append(filled_template(ws, "D", quarter, _quarter(q)))
        if q < 3:  # E's second quarter has no plan for KP: paired period by period, row by row
            files.append(filled_template(ws, "E", quarter, _quarter(q, KP=("", 95)) if q == 2 else _quarter(q)))
        files.append(filled_template(ws, "F", quarter, _quarter(q)))
        files.append(filled_template(ws, "G", quarter, _quarter(q)))
    files.append(filled_template(ws, "F", "2024", {"DT": (40, 35), "KP": (400, 380), "TD": (30, 31)}))  # a year whole
    results = send(ws, *files)
    assert [r.outcome for r in results] == [Outcome.IMPORTED] * len(files), [r.problems for r in results]
    return ws


def _same(full, lean) -> None:
    assert list(lean.figures) == list(full.figures) and lean.submitted == full.submitted
    assert lean.coverage == full.coverage and lean.blanks == full.blanks
    for key, fig in full.figures.items():
        other = lean.figures[key]
        assert [getattr(other, f) for f in FIELDS] == [getattr(fig, f) for f in FIELDS], key
        assert [str(getattr(other, f)) for f in FIELDS] == [str(getattr(fig, f)) for f in FIELDS], key
        assert other.notes == fig.notes and other.first_actual_source() == fig.first_actual_source(), key
        assert other.ratio == fig.ratio and other.status(full.program) == fig.status(full.program), key


def test_a_year_of_quarters_from_the_sums_is_the_year_from_the_rows(ws) -> None:
    program = ws.program("Q-01/KH")
    with ws.open_store() as store:
        full = compute_figures(program, Period.parse("2024"), store, ws.units)
        lean = compute_figures(program, Period.parse("2024"), store, ws.units, sources=False)
    assert full.from_sums == frozenset()
    # A, D and G are plain; B has a note, C a decimal, E a part without a plan, F a year beside its quarters.
    assert lean.from_sums == {"A", "D", "G"}
    _same(full, lean)
    a = lean.get("A", "DT")
    assert (a.actual, a.stated_plan, a.plan, a.plan_rule) == (8 * 4 + 10, 40, 40, "exact")
    assert a.first_actual_cell()[0].endswith(".xlsx") and a.actual_cells[0][5] == "2024-Q1"
    kp = lean.get("A", "KP")
    assert (kp.actual, kp.plan, kp.plan_rule, kp.ratio_plan) == (90 * 4 + 10, 400, "stated", 400)
    td = lean.get("A", "TD")  # a running total counts its latest part only, and points at it
    assert (td.actual, td.plan) == (32, 30) and td.actual_cells[0][5] == "2024-Q4"
    d = lean.get("D", "TD")
    assert (d.actual, d.incomplete[0].missing) == (29, ("2024-Q4",))
    assert lean.get("F", "DT").actual == 35  # the year sent whole wins over its quarters
    assert lean.get("P", "DT").members == full.get("P", "DT").members


def test_a_range_and_a_single_quarter_agree_too(ws) -> None:
    program = ws.program("Q-01/KH")
    with ws.open_store() as store:
        # B's note and E's missing plan are in the first half; C's decimal is not, nor F's year.
        for label, summed in (("2024-Q1..2024-Q2", {"A", "C", "D", "F", "G"}), ("2024-Q3", set())):
            period = Period.parse(label)
            full = compute_figures(program, period, store, ws.units)
            lean = compute_figures(program, period, store, ws.units, sources=False)
            assert lean.from_sums == summed, label  # one part each: the rows are cheaper than sums
            _same(full, lean)


def test_a_unit_of_measure_changed_since_the_import_is_converted_not_summed(ws) -> None:
    """The program now counts KP in nghìn đồng: the stored triệu đồng convert, so no unit takes the sums."""
    path = ws.root / "programs" / "Q-01-KH.yaml"
    text = path.read_text(encoding="utf-8")
    try:
        path.write_text(text.replace("uom: triệu đồng", "uom: nghìn đồng"), encoding="utf-8")
        changed = Workspace(ws.root)
        program = changed.program("Q-01/KH")
        with changed.open_store() as store:
            full = compute_figures(program, Period.parse("2024"), store, changed.units)
            lean = compute_figures(program, Period.parse("2024"), store, changed.units, sources=False)
        assert lean.from_sums == frozenset()
        _same(full, lean)
        assert lean.get("A", "KP").actual == (90 * 4 + 10) * 1000
    finally:
        path.write_text(text, encoding="utf-8")
