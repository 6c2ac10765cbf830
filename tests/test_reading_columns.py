"""Columns chosen by period (issue 13): captions carry a role and a period; only the report's own are read."""
from __future__ import annotations

from pathlib import Path

import pytest

from hrplan.definitions import Period
from hrplan.importer import Outcome
from hrplan.reading.columns import caption_period, caption_role
from hrplan.workspace import Workspace
from test_messy_workbooks import corpus, import_one, stored, ws  # noqa: F401  (fixtures)


@pytest.mark.parametrize("caption, role, span", [
    ("TH 2019", "actual", ("2019-01-01", "2019-12-31")),
    ("KH2021", "plan", ("2021-01-01", "2021-12-31")),
    ("ƯTH 2020", "estimate", ("2020-01-01", "2020-12-31")),
    ("ƯTH2019", "estimate", ("2019-01-01", "2019-12-31")),
    ("TH2003", "actual", ("2003-01-01", "2003-12-31")),
    ("Thực hiện 6 tháng đầu năm", "actual", ("2023-01-01", "2023-06-30")),
    ("Lũy kế đến 31/5", "cumulative", ("2023-01-01", "2023-05-31")),
    ("Thực hiện giai đoạn 2016-2020", "actual", ("2016-01-01", "2020-12-31")),
    ("Thực hiện 5 tháng", "actual", ("2023-01-01", "2023-05-31")),
    ("Quý II/2022", None, ("2022-04-01", "2022-06-30")),
])
def test_caption_gives_role_and_period(caption: str, role: str | None, span: tuple[str, str]) -> None:
    assert caption_role(caption) == role
    start, end = caption_period(caption).resolve(Period.parse("2023-H1"))
    assert (start.isoformat(), end.isoformat()) == span


@pytest.mark.parametrize("caption", ["So sánh % ƯTH2020/ƯTH2019", "BQGĐ (%)", "So sánh %", "Tốc độ tăng (%)"])
def test_comparison_columns_are_not_achievement(caption: str) -> None:
    assert caption_role(caption) == "comparison"


def test_wrong_year_column_is_context_and_named_in_a_note(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "wrong_year_columns.xlsx")
    assert result.outcome is Outcome.IMPORTED
    values = stored(ws, result.submission_id)
    assert values[("LC-TONG", "actual")] == 80  # TH2022 (F10), not TH 2021 (75)
    assert not any(measure == "stated_ratio" for _, measure in values)  # "So sánh %" is no achievement
    [note] = [n for n in result.notes if n.code == "columns.context"]
    assert note.params["columns"] == "D9 'TH 2021', G9 'KH2023'"
    with ws.open_store() as store:
        cells = {(v.indicator, v.measure): v.cell for v in store.values(result.submission_id)}
    assert cells[("LC-TONG", "actual")] == "F10"


def test_report_of_another_period_than_its_columns_is_refused(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "wrong_year_columns.xlsx", period="2024")
    assert result.outcome is Outcome.REJECTED
    [problem] = [p for p in result.problems if p.is_error]
    assert problem.code == "columns.other_period"
    assert problem.params["candidates"] == "D9 'TH 2021', F9 'TH2022'"


def test_ambiguous_columns_list_the_candidates(ws: Workspace, corpus: Path) -> None:
    result = import_one(ws, corpus / "two_actual_columns_same_year.xlsx")
    [problem] = result.problems
    assert problem.params["candidates"] == "E9 'TH 2022 (sơ bộ)', F9 'TH 2022 (chính thức)'"
    assert "E9 'TH 2022 (sơ bộ)'" in problem.message("vi")
