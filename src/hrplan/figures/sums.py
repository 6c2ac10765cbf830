"""Unit figures from the database's sums, where a period is made of several parts: a range, a year of quarters.

A national 8-quarter range is two million values; taking each into Python cost most of its
figures' time, while the database adds up a unit's parts in one pass (`Store.current_sums`).
A unit's figures come from its sums only when they are the numbers `compute._unit_figure`
makes from its rows: every value a plain whole number (exact in the database's integers) with
no note, plans and actuals only, in the indicator's unit of measure, every part of the period
with both a plan and an actual, and every submission of the unit inside the period used. Any
other unit is taken row by row, as before. The single cells a figure needs are looked up: the
first actual (what a finding points at), and for a running total (cumulative indicator) the
latest part's plan and actual, the only ones it counts.

For a single part (a quarter of quarterly reports) the sums are as many rows as the values and
the rows are cheaper: `worth_summing` says when to use them. The figures are the same either way.
"""
from __future__ import annotations

from collections import defaultdict

from hrplan.definitions import Accumulation, Period, Program
from hrplan.figures.model import Figure
from hrplan.store import Store

EXACT = 2 ** 53  # below this every whole number a float sum holds is exact (SQLite's TOTAL)


def worth_summing(used: dict[str, set[str]]) -> bool:
    """Tell whether the units' parts (unit -> submissions used) are on average two or more each."""
    return sum(map(len, used.values())) >= 2 * len(used)


def summed_units(store: Store, program: Program, inside: list[str],
                 whole: dict[str, int]) -> dict[str, dict[str, tuple]]:
    """Give unit -> indicator -> (actual, plan) for the units whose figures can come from the database's sums.

    `whole`: unit -> how many parts its figures use, for the units that use every submission inside the period."""
    codes = {ind.code: ind for ind in program.indicators}
    out: dict[str, dict[str, tuple]] = {}
    refused: set[str] = set()
    uoms = {code: ind.uom for code, ind in codes.items()}
    for unit, code, actual, plan, rows, others in store.current_sums(program.code, inside, uoms):
        ind = codes.get(code)
        if ind is None or unit in refused:
            continue  # an indicator the program no longer has counts in no figure
        parts = whole.get(unit)
        if parts is None or (ind.is_maximum and ind.accumulation is Accumulation.PER_PERIOD and parts > 1) or others or rows != 2 * parts or actual >= EXACT or plan >= EXACT:
            refused.add(unit)
            out.pop(unit, None)
            continue
        sums = out.get(unit)
        if sums is None:
            sums = out[unit] = {}
        sums[ind.code] = (int(actual), int(plan))
    return out


def look_up(store: Store, program: Program, summed: dict[str, dict[str, tuple]], used: dict[str, set[str]],
            numbers) -> None:
    """Complete the sums with the single cells the figures need: each (actual, plan) becomes (actual, plan, first
    actual cell as a figure keeps it: (unit, value, file, sheet, cell, period, None)).

    Every part has an actual, so the first (in the rows' order, `current_values_by_unit`) is in the unit's
    earliest part. A running total (cumulative indicator) counts only the latest part: its sums are replaced by
    that part's plan and actual, and its first cell is that part's actual."""
    running = [i.code for i in program.indicators if i.takes_latest]
    firsts: dict[str, list[str]] = defaultdict(list)  # period -> units
    latest: dict[str, list[str]] = defaultdict(list)
    for unit in summed:
        firsts[min(used[unit])].append(unit)
        if running:
            latest[max(used[unit], key=lambda label: Period.parse(label).end)].append(unit)
    keep = {}.setdefault  # one text object for every cell that repeats it (a figure keeps its cell for good)

    def first(unit: str, text: str, name: str, sheet: str | None, cell: str | None, label: str) -> tuple:
        return keep(unit, unit), numbers[text], keep(name, name), keep(sheet, sheet), keep(cell, cell), label, None

    for label, units in firsts.items():
        for unit, code, _, name, text, sheet, cell in store.current_period_values(program.code, label, units,
                                                                                  measures=["actual"]):
            sums = summed[unit]
            if code in sums:
                sums[code] = (*sums[code][:2], first(unit, text, name, sheet, cell, label))
    for label, units in latest.items():
        for unit, code, measure, name, text, sheet, cell in store.current_period_values(program.code, label, units,
                                                                                        indicators=running):
            sums = summed[unit]
            if code in sums:
                actual, plan, cell_kept = sums[code]
                if measure == "actual":
                    sums[code] = (text, plan, first(unit, text, name, sheet, cell, label))
                else:
                    sums[code] = (actual, text, cell_kept)


def fill(fig: Figure, sums: tuple, numbers) -> None:
    """Set a unit figure's actual and stated plan from its sums, and its first actual cell (see `look_up`)."""
    fig.actual, fig.stated_plan = numbers[sums[0]], numbers[sums[1]]
    fig.actual_cells.append(sums[2])
