"""Benchmark of the quarterly cycle: import, check and report, as ratios against baselines measured in the same run.

    python bench/bench_cycle.py [--units 200] [--indicators 30]

Baselines: the bare read (python-calamine opening every file and reading every sheet, the
floor for any import) and a plain SQL aggregate over the stored values (the floor for any
figure). Ratios, not seconds, are the targets: they hold on any machine. Not part of the test
run (STYLE.md: speed is measured, never asserted in a unit test).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import python_calamine as pc
import yaml

from hrplan.figures import compute_figures
from hrplan.importer import import_files
from hrplan.definitions.periods import Period
from hrplan.definitions import load_program
from hrplan.reports import build_report, render_html
from hrplan.checks import check_program
from hrplan.reports.submission_template import fill_values, template_file_name, write_template
from hrplan.definitions.units import load_units
from hrplan.workspace import Workspace, init_workspace

# Targets: ratio ceilings against the baselines (how many times the floor a step may cost).
# Import does much more than read (hostile-file inspection, legacy text, layout, one fsynced
# transaction per file); 40x the bare read keeps a province's quarter (500 files) within
# seconds. Measured on the development machine (2 cores), 200 files: import 24x, figures and
# check 29x, report 92x.
TARGETS = {"import / bare read": 40.0, "figures+check / SQL aggregate": 200.0, "report / SQL aggregate": 400.0}


def build(root: Path, n_units: int, n_indicators: int) -> tuple[Workspace, list[Path]]:
    ws = init_workspace(root / "ws", name="bench")
    program = {
        "code": "BENCH/TU", "title": "Benchmark program", "period": "2021-2025", "scope": "P",
        "indicators": [{"code": f"I{i:03d}", "name": f"Chỉ tiêu số {i}", "uom": "người",
                        "section": f"Phần {i // 10 + 1}"} for i in range(n_indicators)],
        "targets": [{"indicator": f"I{i:03d}", "value": 10 * n_units} for i in range(n_indicators)],
        "reporters": [f"U{u:04d}" for u in range(n_units)],
    }
    (ws.programs_dir / "BENCH-TU.yaml").write_text(yaml.safe_dump(program, allow_unicode=True), encoding="utf-8")
    units = [{"code": "P", "name": "Tỉnh thử"}] + [
        {"code": f"D{d}", "name": f"Cụm {d}", "parent": "P"} for d in range(10)] + [
        {"code": f"U{u:04d}", "name": f"Xã thử {u}", "parent": f"D{u % 10}"} for u in range(n_units)]
    ws.units_file.write_text(yaml.safe_dump({"units": units}, allow_unicode=True), encoding="utf-8")
    ws = Workspace(ws.root)
    prog, tree = load_program(ws.programs_dir / "BENCH-TU.yaml"), load_units(ws.units_file)
    period = Period.parse("2023-Q2")
    files = []
    for u in range(n_units):
        unit = tree.get(f"U{u:04d}")
        path = write_template(root / "in" / template_file_name(prog, unit, period), prog, unit, period)
        fill_values(path, {f"I{i:03d}": (10, (u * 7 + i) % 25) for i in range(n_indicators)})
        files.append(path)
    return ws, files


def timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    out = func()
    return time.perf_counter() - start, out


def bare_read(files: list[Path]) -> int:
    cells = 0
    for f in files:
        book = pc.CalamineWorkbook.from_path(str(f))
        for name in book.sheet_names:
            cells += sum(len(r) for r in book.get_sheet_by_name(name).to_python())
        book.close()
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--indicators", type=int, default=30)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hrplan-bench-"))
    try:
        print(f"building {args.units} submissions x {args.indicators} indicators in {tmp} ...", file=sys.stderr)
        ws, files = build(tmp, args.units, args.indicators)
        t_read, _ = timed(lambda: bare_read(files))
        t_import, results = timed(lambda: import_files(ws, files))
        assert all(r.outcome.value == "imported" for r in results), "every benchmark file must import"
        program, period = ws.program("BENCH/TU"), Period.parse("2023-Q2")
        with ws.open_store() as store:
            sql = ("SELECT v.indicator, v.measure, SUM(CAST(v.value AS REAL)) FROM submission_values v"
                   " JOIN submissions s ON s.id = v.submission_id WHERE s.program = ? AND s.superseded_by IS NULL"
                   " GROUP BY v.indicator, v.measure")
            t_sql, _ = timed(lambda: store.db.execute(sql, (program.code,)).fetchall())

            def figures_and_check():
                figs = compute_figures(program, period, store, ws.units)
                return check_program(program, figs, store, ws.units)

            t_check, _ = timed(figures_and_check)
        t_report, _ = timed(lambda: render_html(build_report(ws, "BENCH/TU", "2023-Q2")))
        t_reimport, again = timed(lambda: import_files(ws, files))
        assert all(r.outcome.value == "unchanged" for r in again)
        ratios = {"import / bare read": t_import / t_read, "figures+check / SQL aggregate": t_check / t_sql,
                  "report / SQL aggregate": t_report / t_sql}
        print(f"{'step':34} {'seconds':>9} {'ratio':>9} {'target':>8}")
        print(f"{'baseline: bare read':34} {t_read:9.3f}")
        print(f"{'baseline: SQL aggregate':34} {t_sql:9.4f}")
        print(f"{'import (' + str(len(files)) + ' files)':34} {t_import:9.3f} {ratios['import / bare read']:9.1f} {TARGETS['import / bare read']:8.0f}")
        print(f"{'re-import (all unchanged)':34} {t_reimport:9.3f} {t_reimport / t_read:9.1f}")
        print(f"{'figures + check':34} {t_check:9.3f} {ratios['figures+check / SQL aggregate']:9.1f} {TARGETS['figures+check / SQL aggregate']:8.0f}")
        print(f"{'report (HTML)':34} {t_report:9.3f} {ratios['report / SQL aggregate']:9.1f} {TARGETS['report / SQL aggregate']:8.0f}")
        missed = [k for k, v in ratios.items() if v > TARGETS[k]]
        print("targets met" if not missed else f"targets missed: {', '.join(missed)}")
        sys.exit(1 if missed else 0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
