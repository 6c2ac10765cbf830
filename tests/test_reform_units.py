"""The 2025 administrative reform: units that end, begin and merge (giải thể, sáp nhập, thành lập).

The tester's case, made small: province P with a department S and a district H of communes X1, X2 until
30 June 2025; from 1 July 2025 the new commune N (= X1 + X2) sits under the province and H is gone. Figures
of units deleted from units.yaml must never vanish in silence; units declared ended or begun owe only the
periods of their life, their targets count only there, and a running total is not counted twice across a
merger.
"""
from __future__ import annotations

import json
import textwrap

import pytest

from quarterly import filled_template, make_workspace, send

PROGRAM = """
code: R-01/KH
title: Đào tạo cán bộ qua sắp xếp đơn vị hành chính
period: 2024-2026
scope: P
reporting: quarter
interim: pro_rata
indicators:
  - {code: DT, name: Cán bộ được cử đi đào tạo, name_en: Officials sent to training, uom: người, accumulation: per_period}
  - {code: CC, name: Cán bộ đạt chuẩn, name_en: Officials meeting the standard, uom: người, kind: coverage,
     accumulation: cumulative}
targets:
  - {indicator: DT, unit: S, period: "2025", value: 40}
  - {indicator: DT, unit: X1, period: "2025", value: 8}
  - {indicator: DT, unit: X2, period: "2025", value: 12}
  - {indicator: DT, unit: N, period: "2025", value: 20}
reporters: [S, H, X1, X2, N]
"""
BEFORE = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: S, name: Sở Nội vụ, parent: P}
  - {code: H, name: Huyện Cũ, parent: P}
  - {code: X1, name: Xã Một, parent: H}
  - {code: X2, name: Xã Hai, parent: H}
  - {code: N, name: Xã Mới, parent: P}
"""
AFTER = """
units:
  - {code: P, name: Tỉnh Thử}
  - {code: S, name: Sở Nội vụ, parent: P}
  - {code: H, name: Huyện Cũ, parent: P, until: 2025-06-30}
  - {code: X1, name: Xã Một, parent: H, until: 2025-06-30, merged_into: N}
  - {code: X2, name: Xã Hai, parent: H, until: 2025-06-30, merged_into: N}
  - {code: N, name: Xã Mới, parent: P, from: 2025-07-01}
"""


def _write_units(ws, text: str) -> None:
    (ws.root / "units.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def _report(run, ws, period: str, tmp_path, lang: str = "vi") -> dict:
    out = tmp_path / f"r-{period}-{lang}.json"
    result = run("report", "-p", "R-01/KH", "--period", period, "-f", "json", "-o", out, workspace=ws, lang=lang)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _findings(run, ws, period: str, lang: str = "vi") -> list[dict]:
    result = run("check", "-p", "R-01/KH", "--period", period, "-f", "json", workspace=ws, lang=lang)
    return json.loads(result.stdout)["findings"]


def _row(report: dict, indicator: str) -> dict:
    return next(r for r in report["summary"] if r["indicator"] == indicator)


@pytest.fixture
def old_ws(tmp_path):
    """The registry before the reform, with 2024-Q1 sent by S, X1 and X2."""
    ws = make_workspace(tmp_path / "ws", PROGRAM, BEFORE)
    for unit, dt in (("S", 10), ("X1", 3), ("X2", 4)):
        send(ws, filled_template(ws, unit, "2024-Q1", {"DT": (None, dt), "CC": (30, 20)}, program="R-01/KH"))
    return ws


def test_figures_of_units_deleted_from_the_registry_are_named_not_dropped(old_ws, run, tmp_path):
    _write_units(old_ws, """
        units:
          - {code: P, name: Tỉnh Thử}
          - {code: S, name: Sở Nội vụ, parent: P}
          - {code: N, name: Xã Mới, parent: P}
        """)
    program = old_ws.root / "programs" / "Q-01-KH.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace("reporters: [S, H, X1, X2, N]", "reporters: [S, N]")
                       .replace("  - {indicator: DT, unit: X1, period: \"2025\", value: 8}\n", "")
                       .replace("  - {indicator: DT, unit: X2, period: \"2025\", value: 12}\n", ""), encoding="utf-8")
    report = _report(run, old_ws, "2024-Q1", tmp_path)
    coverage = report["coverage"]
    assert not coverage["complete"]
    assert [u["unit"] for u in coverage["unregistered"]] == ["X1", "X2"]
    assert coverage["text"].startswith("Không tính vào số liệu: báo cáo đã lưu của X1, X2 (Quý I/2024)")
    assert "until:" in coverage["text"]
    english = _report(run, old_ws, "2024-Q1", tmp_path, "en")["coverage"]["text"]
    assert english.startswith("Not counted in the figures: the stored reports of X1, X2 (Q1 2024)")
    found = [(f["code"], f["unit"]) for f in _findings(run, old_ws, "2024-Q1")
             if f["code"] == "check.unregistered_unit"]
    assert found == [("check.unregistered_unit", "X1"), ("check.unregistered_unit", "X2")]
    history = run("history", "-p", "R-01/KH", "-u", "X1", "-f", "json", workspace=old_ws)
    assert history.exit_code == 0, history.output
    assert [e["period"] for e in json.loads(history.stdout)] == ["2024-Q1"]
    assert run("history", "-p", "R-01/KH", "-u", "X9", workspace=old_ws).exit_code != 0  # a typo is still refused
