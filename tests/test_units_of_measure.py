"""Units of measure are part of the stored value: a program's uom change converts, or refuses, never relabels.

Real workbooks made with the template (tests/quarterly.py), imported for real; then the program file changes.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from hrplan.definitions import Period
from hrplan.figures import compute_figures
from hrplan.problems import HrplanError
from hrplan.reports import build_report
from hrplan.workspace import Workspace

from quarterly import PROGRAM, filled_template, make_workspace, send

KP = "{code: KP, name: Kinh phí đào tạo, name_en: Training budget, uom: triệu đồng, accumulation: per_period}"


def _with_uom(ws: Workspace, text: str) -> Workspace:
    path = ws.programs_dir / "Q-01-KH.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(KP, text), encoding="utf-8")
    return Workspace(ws.root)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    assert KP in PROGRAM
    ws = make_workspace(tmp_path / "ws")
    (result,) = send(ws, filled_template(ws, "A", "2024-Q2", {"DT": (None, 3), "KP": (None, "1,5")}))
    assert result.values
    return ws


def _kp(ws: Workspace) -> Decimal:
    with ws.open_store() as store:
        return compute_figures(ws.program("Q-01/KH"), Period.parse("2024-Q2"), store, ws.units).get("A", "KP").actual


def test_a_program_uom_change_converts_the_stored_values(ws: Workspace) -> None:
    assert _kp(ws) == Decimal("1.5")
    with ws.open_store() as store:
        (stored,) = [v for s in store.submissions("Q-01/KH") for v in store.values(s.id) if v.indicator == "KP"]
    assert (stored.value, stored.uom) == (Decimal("1.5"), "triệu đồng")
    ws = _with_uom(ws, KP.replace("uom: triệu đồng", "uom: nghìn đồng"))
    assert _kp(ws) == 1500  # 1,5 triệu đồng = 1.500 nghìn đồng, not 1,5 nghìn đồng


def test_a_uom_change_that_cannot_convert_is_refused(ws: Workspace) -> None:
    ws = _with_uom(ws, KP.replace("uom: triệu đồng", "uom: người"))
    with pytest.raises(HrplanError) as exc:
        build_report(ws, "Q-01/KH", "2024-Q2")
    (problem,) = exc.value.problems
    assert problem.code == "figures.uom_unconvertible"
    assert "'triệu đồng'" in problem.message("en") and "'người'" in problem.message("en")


def test_an_unknown_uom_is_refused_with_the_known_ones_and_a_program_can_declare_one(ws: Workspace) -> None:
    with pytest.raises(HrplanError) as exc:
        _with_uom(ws, KP.replace("uom: triệu đồng", "uom: xyz")).program("Q-01/KH")
    (problem,) = exc.value.problems
    assert problem.code == "program.invalid" and problem.location.field == "indicators[1].uom"
    assert "triệu đồng" in problem.params["expected"] and "lượt người" in problem.params["expected"]
    declared = KP.replace("uom: triệu đồng", "uom: chục triệu đồng")
    path = ws.programs_dir / "Q-01-KH.yaml"
    unknown = KP.replace("uom: triệu đồng", "uom: xyz")
    path.write_text(path.read_text(encoding="utf-8").replace(unknown, declared) +
                    "measures:\n  - {name: chục triệu đồng, dimension: money, factor: 10000000}\n", encoding="utf-8")
    assert _kp(Workspace(ws.root)) == Decimal("0.15")
