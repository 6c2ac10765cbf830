"""The floors hrplan is measured against, each run as its own process by bench/run.py.

    python bench/baselines.py bare FILELIST              python-calamine reading every sheet of every file
    python bench/baselines.py pandas ENGINE FILELIST     the analyst's script: read_excel, concat, groupby
    python bench/baselines.py sql STORE PROGRAM PERIOD.. a SQL GROUP BY of plan and actual per unit and indicator

FILELIST is a text file with one path a line. ENGINE is `default` (pandas chooses: openpyxl for
.xlsx, xlrd for .xls, odf for .ods) or `calamine`. Each prints one line (a count) so the work
cannot be skipped.
"""
from __future__ import annotations

import sys
from pathlib import Path


def bare(filelist: str) -> int:
    from python_calamine import CalamineWorkbook

    cells = 0
    for line in Path(filelist).read_text(encoding="utf-8").splitlines():
        book = CalamineWorkbook.from_path(line)
        for name in book.sheet_names:
            cells += sum(len(row) for row in book.get_sheet_by_name(name).to_python())
        book.close()
    return cells


def analyst_pandas(engine: str, filelist: str) -> int:
    """What an analyst writes without hrplan: every sheet read, the first one's numbers summed per file."""
    import pandas as pd

    frames = []
    for line in Path(filelist).read_text(encoding="utf-8").splitlines():
        sheets = pd.read_excel(line, sheet_name=None, header=None, engine=None if engine == "default" else engine)
        first = next(iter(sheets.values()))
        numbers = first.apply(pd.to_numeric, errors="coerce")
        frames.append(numbers.assign(file=Path(line).name))
    table = pd.concat(frames, ignore_index=True)
    return len(table.groupby("file").sum(numeric_only=True))


def sql(store: str, program: str, *periods: str) -> int:
    """Sum the current submissions' plan and actual per unit and indicator for the periods named."""
    import sqlite3

    db = sqlite3.connect(store)
    marks = ",".join("?" * len(periods))
    rows = db.execute(
        "SELECT s.unit, v.indicator,"
        " SUM(CASE WHEN v.measure = 'plan' THEN CAST(v.value AS REAL) END),"
        " SUM(CASE WHEN v.measure = 'actual' THEN CAST(v.value AS REAL) END)"
        " FROM submission_values v JOIN submissions s ON s.id = v.submission_id"
        f" WHERE s.program = ? AND s.superseded_by IS NULL AND s.period IN ({marks})"
        " GROUP BY s.unit, v.indicator",
        (program, *periods),
    ).fetchall()
    return len(rows)


if __name__ == "__main__":
    what, *args = sys.argv[1:]
    count = {"bare": bare, "pandas": analyst_pandas, "sql": sql}[what](*args)
    print(count)
