"""Computing figures: achievement of plan, planning ratios and coverage, per unit and up the unit tree.

A group's ratio comes from the group's sums (sum of actuals / sum of plans), never from the
average of its members' percentages. Every figure keeps the cells (or target lines) its
numbers came from, so a report can show where each figure was read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from hrplan.definitions import Period
from hrplan.definitions import Accumulation, Direction, Indicator, IndicatorKind, Program
from hrplan.store import Store
from hrplan.definitions import UnitTree

_GRANULARITY = ("year", "half", "quarter", "month")


@dataclass(frozen=True)
class Source:
    """Where a number was read: a cell of a submission, or a line of the program's targets."""

    unit: str
    value: Decimal
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    period: str | None = None
    target: str | None = None  # program file or CSV line, for plans that come from targets

    def to_dict(self) -> dict[str, Any]:
        d = {"unit": self.unit, "value": float(self.value), "file": self.file, "sheet": self.sheet,
             "cell": self.cell, "period": self.period, "target": self.target}
        return {k: v for k, v in d.items() if v is not None}

    def describe(self) -> str:
        if self.target:
            return f"{self.unit}: chỉ tiêu giao {self.target}"
        return f"{self.unit}: {self.file} › {self.sheet} › {self.cell}"


@dataclass
class Figure:
    """One indicator for one unit (or a group of units) over one period."""

    indicator: Indicator
    unit: str
    period: Period
    plan: Decimal | None = None  # plan, seats (planning ratio) or denominator (coverage)
    actual: Decimal | None = None  # actual, candidates or numerator
    estimate: Decimal | None = None  # ước thực hiện, kept apart from the actual
    stated_plan: Decimal | None = None  # the plan the submission wrote, when a target overrides it
    is_group: bool = False
    members: list[str] = field(default_factory=list)  # units whose numbers are summed here
    unpaired: list[str] = field(default_factory=list)  # members with an actual but no plan (left out of the ratio)
    plan_sources: list[Source] = field(default_factory=list)
    actual_sources: list[Source] = field(default_factory=list)
    ratio_plan: Decimal | None = None  # the plan the ratio is taken against (paired members only)
    ratio_actual: Decimal | None = None

    @property
    def ratio(self) -> float | None:
        """Give actual / plan as a float (2.853 for 285%), or None without both."""
        if self.ratio_plan is None or self.ratio_actual is None or self.ratio_plan == 0:
            return None
        return float(self.ratio_actual / self.ratio_plan)

    def status(self, program: Program) -> str:
        """Give the status word key: over, met, nearly, behind, in_band, below_band, above_band, no_plan, no_data."""
        ind = self.indicator
        if self.actual is None:
            return "no_data"
        ratio = self.ratio
        if ratio is None:
            return "no_plan"
        if ind.kind is IndicatorKind.PLANNING_RATIO:
            band = ind.band
            if band and band.min is not None and ratio < band.min - 1e-9:
                return "below_band"
            if band and band.max is not None and ratio > band.max + 1e-9:
                return "above_band"
            return "in_band"
        bands = program.status_bands
        if ind.direction is Direction.LOWER:
            return "met" if ratio <= bands.met + 1e-9 else "behind"
        if ratio > bands.over + 1e-9:
            return "over"
        if ratio >= bands.met - 1e-9:
            return "met"
        if ratio >= bands.nearly - 1e-9:
            return "nearly"
        return "behind"


@dataclass
class FigureSet:
    """All figures of a program for a period: per reporting unit and per group up the tree."""

    program: Program
    period: Period
    figures: dict[tuple[str, str], Figure]  # (unit, indicator) -> figure
    submitted: dict[str, list[str]]  # unit -> periods of the submissions used
    root: str | None

    def get(self, unit: str, indicator: str) -> Figure | None:
        return self.figures.get((unit, indicator))

    def for_unit(self, unit: str) -> list[Figure]:
        return [f for f in (self.figures.get((unit, i.code)) for i in self.program.indicators) if f is not None]


def compute_figures(program: Program, period: Period, store: Store, units: UnitTree) -> FigureSet:
    """Give the program's figures for `period` from the store's current submissions."""
    rows = [r for r in store.current_values(program.code) if period.contains(Period.parse(r["period"]))]
    chosen = _choose_periods(rows, period)
    figures: dict[tuple[str, str], Figure] = {}
    submitted: dict[str, list[str]] = {}
    book = program.measure_book()
    for unit, unit_rows in _by(rows, "unit").items():
        periods = chosen[unit]
        submitted[unit] = sorted(periods)
        usable = [r for r in unit_rows if r["period"] in periods]
        for ind in program.indicators:
            fig = _unit_figure(program, ind, unit, period, [r for r in usable if r["indicator"] == ind.code], book)
            if fig is not None:
                figures[(unit, ind.code)] = fig
    root = program.scope if program.scope in units else None
    tops = [root] if root else [u for u in units.roots()]
    for top in tops:
        for ind in program.indicators:
            _group_figure(program, ind, top, period, units, figures, book, is_scope=top == root)
    return FigureSet(program, period, figures, submitted, root)


def _by(rows: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


def _choose_periods(rows: list[dict], period: Period) -> dict[str, set[str]]:
    """Give, per unit, the submission periods to use: the exact period, else one granularity of parts."""
    chosen: dict[str, set[str]] = {}
    for unit, unit_rows in _by(rows, "unit").items():
        labels = {r["period"] for r in unit_rows}
        if period.label in labels:
            chosen[unit] = {period.label}
            continue
        for kind in _GRANULARITY:
            parts = {p for p in labels if Period.parse(p).kind == kind}
            if parts:
                chosen[unit] = parts
                break
        else:
            chosen[unit] = {max(labels, key=lambda p: Period.parse(p).end)}
    return chosen


def _unit_figure(program: Program, ind: Indicator, unit: str, period: Period, rows: list[dict], book) -> Figure | None:
    fig = Figure(ind, unit, period, members=[unit])
    latest = max((Period.parse(r["period"]).end for r in rows), default=None)
    for r in rows:
        if ind.accumulation is Accumulation.CUMULATIVE and Period.parse(r["period"]).end != latest:
            continue  # a running total: only the latest counts
        value = Decimal(r["value"])
        source = Source(unit, value, r["file_name"], r["sheet"], r["cell"], r["period"])
        if r["measure"] == "actual":
            fig.actual = (fig.actual or 0) + value
            fig.actual_sources.append(source)
        elif r["measure"] == "estimate":
            fig.estimate = (fig.estimate or 0) + value
        elif r["measure"] == "plan":
            fig.stated_plan = (fig.stated_plan or 0) + value
            fig.plan_sources.append(source)
    target = program.target(ind.code, unit, period)
    if target is not None:
        value = target.value
        if target.uom:
            value = book.convert(value, target.uom, ind.uom) or value
        fig.plan = value
        fig.plan_sources = [Source(unit, value, target=target.source, period=target.period or program.period)]
    else:
        fig.plan = fig.stated_plan
        fig.stated_plan = None
    if fig.actual is None and fig.plan is None and fig.estimate is None:
        return None
    fig.ratio_plan, fig.ratio_actual = fig.plan, fig.actual
    return fig


def _group_figure(program: Program, ind: Indicator, node: str, period: Period, units: UnitTree,
                  figures: dict, book, is_scope: bool) -> Figure | None:
    """Give the figure of `node` and its subtree, built bottom-up from summed numbers."""
    children = [c for c in (_group_figure(program, ind, child, period, units, figures, book, False)
                            for child in units.children(node)) if c is not None]
    own = figures.get((node, ind.code))
    if not children:
        return own
    parts = children + ([own] if own is not None else [])
    group = Figure(ind, node, period, is_group=True)
    for part in parts:
        group.members.extend(part.members)
        group.actual_sources.extend(part.actual_sources)
        if part.actual is not None:
            group.actual = (group.actual or 0) + part.actual
        if part.estimate is not None:
            group.estimate = (group.estimate or 0) + part.estimate
        if part.plan is not None:
            group.plan = (group.plan or 0) + part.plan
            group.plan_sources.extend(part.plan_sources)
        if part.ratio_plan is not None and part.ratio_actual is not None:
            group.ratio_plan = (group.ratio_plan or 0) + part.ratio_plan
            group.ratio_actual = (group.ratio_actual or 0) + part.ratio_actual
            group.unpaired.extend(part.unpaired)  # a paired sub-group may still have left members out
        elif part.actual is not None:
            group.unpaired.extend(part.unpaired or part.members)
    # A target set for the group itself (the province's own target) is what its sum is judged against.
    target = program.target(ind.code, node, period) or (program.target(ind.code, None, period) if is_scope else None)
    if target is not None:
        value = book.convert(target.value, target.uom, ind.uom) if target.uom else target.value
        group.plan = value if value is not None else target.value
        group.plan_sources = [Source(node, group.plan, target=target.source, period=target.period or program.period)]
        group.ratio_plan, group.ratio_actual, group.unpaired = group.plan, group.actual, []
    if group.actual is None and group.plan is None:
        return None
    figures[(node, ind.code)] = group
    return group
