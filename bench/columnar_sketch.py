"""How fast can any check of one period be in Python? A sketch measured against the SQL floor, in turns.

    python bench/columnar_sketch.py WORKSPACE PROGRAM PERIOD [--rounds 3]

`check -f json` must stay within 5x a SQL GROUP BY of plan and actual per unit and indicator
(`baselines.sql`). This sketch is the least such a check can do, written column-wise: the same
GROUP BY (with the first actual cell, for the finding's location), the sums up the unit tree in
pandas, a status per row, one finding (code, unit, indicator, figure, message, location) per row
behind or over plan, written as JSON with orjson. It has none of hrplan's rules beyond those two
(missing submissions, notes, breakdowns, units of measure, targets, left-out members, exact
decimals, names), so its time is a floor for hrplan's, not a design. Each round times the SQL
floor and the sketch as whole processes, one after the other; the line prints the median ratio.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sketch(workspace: str, program: str, period: str) -> int:
    import sqlite3

    import orjson
    import pandas as pd

    root = Path(workspace)
    db = sqlite3.connect(root / "hrplan.sqlite")
    rows = db.execute(
        "SELECT s.unit, v.indicator,"
        " SUM(CASE WHEN v.measure = 'plan' THEN CAST(v.value AS REAL) END),"
        " SUM(CASE WHEN v.measure = 'actual' THEN CAST(v.value AS REAL) END),"
        " MIN(s.file_name), MIN(CASE WHEN v.measure = 'actual' THEN v.sheet END),"
        " MIN(CASE WHEN v.measure = 'actual' THEN v.cell END)"
        " FROM submission_values v JOIN submissions s ON s.id = v.submission_id"
        " WHERE s.program = ? AND s.superseded_by IS NULL AND s.period = ?"
        " GROUP BY s.unit, v.indicator", (program, period)).fetchall()
    own = pd.DataFrame(rows, columns=["unit", "indicator", "plan", "actual", "file", "sheet", "cell"])
    cached = root / ".hrplan-definitions" / "units.json"  # hrplan's own parsed copy of units.yaml, when made
    if cached.exists():
        units = orjson.loads(cached.read_bytes())["data"]
    else:
        import yaml
        units = yaml.load((root / "units.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["units"]
    parent = {u["code"]: u.get("parent") for u in units}
    names = {u["code"]: u["name"] for u in units}
    pairs = []
    for unit in own["unit"].unique():
        above = parent.get(unit)
        while above:
            pairs.append((unit, above))
            above = parent.get(above)
    tree = pd.DataFrame(pairs, columns=["unit", "group"])
    groups = (own.merge(tree, on="unit").groupby(["group", "indicator"], as_index=False)[["plan", "actual"]].sum()
              .rename(columns={"group": "unit"}))
    table = pd.concat([own, groups], ignore_index=True)
    table = table[table["plan"].notna() & table["actual"].notna() & (table["plan"] > 0)]  # both, as hrplan pairs them
    table = table.assign(ratio=table["actual"] / table["plan"])
    flagged = table[(table["ratio"] < 0.95) | (table["ratio"] > 1.0)]
    behind = flagged["ratio"] < 1
    percent = (flagged["ratio"] * 100).round().astype(int).astype(str) + "%"
    findings = pd.DataFrame({
        "code": behind.map({True: "check.behind_plan", False: "check.over_plan"}),
        "severity": behind.map({True: "warning", False: "info"}), "program": program, "period": period,
        "unit": flagged["unit"], "indicator": flagged["indicator"], "figure": percent,
        "message": (flagged["unit"].map(names) + " " + flagged["indicator"] + ": thực hiện "
                    + flagged["actual"].astype(int).astype(str) + "/" + flagged["plan"].astype(int).astype(str)
                    + ", đạt " + percent + " kế hoạch"),
        "file": flagged["file"], "sheet": flagged["sheet"], "cell": flagged["cell"]})
    sys.stdout.write(findings.to_json(orient="records", force_ascii=False, indent=2))
    return len(findings)


def _timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(workspace: str, program: str, period: str, rounds: int) -> None:
    python = sys.executable
    floor = [python, str(HERE / "baselines.py"), "sql", str(Path(workspace) / "hrplan.sqlite"), program, period]
    own = [python, __file__, "--run", workspace, program, period]
    ratios, seconds, floors = [], [], []
    for _ in range(rounds):
        f, s = _timed(floor), _timed(own)
        floors.append(f)
        seconds.append(s)
        ratios.append(s / f)
    ratio = statistics.median(ratios)
    print(f"columnar sketch of check -f json, {period} / SQL GROUP BY: {ratio:.2f}x "
          f"(sketch {statistics.median(seconds):.2f} s, SQL {statistics.median(floors):.3f} s; "
          f"{rounds} rounds) target <=5x: {'PASS' if ratio <= 5 else 'FAIL'}")


if __name__ == "__main__":
    if sys.argv[1] == "--run":
        sketch(*sys.argv[2:5])
    else:
        args = sys.argv[1:]
        rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 3
        compare(*[a for a in args if not a.startswith("--") and not (a.isdigit() and "--rounds" in args)][:3], rounds)
