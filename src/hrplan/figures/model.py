"""What a figure is: plan and actual of one indicator for a unit or group over a period, with what it lacks.

A figure's ratio is taken over the members (and sub-periods) that have both a plan and an
actual; those left out are named with the reason (`LeftOut`), the parts of a longer period that
did not arrive are listed (`Coverage`), and a longer target that is only context is kept apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from hrplan.definitions import Direction, Indicator, IndicatorKind, Period, Program


@dataclass(frozen=True, slots=True)
class Source:
    """Where a number was read: a cell of a submission, or a line of the program's targets."""

    unit: str
    value: Decimal
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    period: str | None = None
    target: str | None = None  # program file or CSV line, for plans that come from targets
    note: str | None = None  # the row's 'Ghi chú'

    def to_dict(self) -> dict[str, Any]:
        d = {"unit": self.unit, "value": float(self.value), "file": self.file, "sheet": self.sheet,
             "cell": self.cell, "period": self.period, "target": self.target, "note": self.note}
        return {k: v for k, v in d.items() if v is not None}

    def describe(self) -> str:
        if self.target:
            return f"{self.unit}: chỉ tiêu giao {self.target}"
        return f"{self.unit}: {self.file} › {self.sheet} › {self.cell}"


def _source(cell: Source | tuple) -> Source:
    if isinstance(cell, Source):
        return cell
    unit, value, file, sheet, address, period, note = cell
    return Source(unit, value, file, sheet, address, period, note=note)


def _note(cell: Source | tuple) -> tuple[str, str | None]:
    return (cell.unit, cell.note) if isinstance(cell, Source) else (cell[0], cell[6])


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A member (or one of its sub-periods) left out of a ratio, and why."""

    unit: str
    # no_submission (sent nothing) | no_actual (a plan, no actual) | no_plan (an actual, no plan) | unsplit (a part
    # without an actual, or never sent, whose share of the whole period's plan no `interim` rule gives: the unit's
    # ratio is not taken) | not_sent (a part of the period the unit never sent: its share of the target left out)
    # | ended (a running total's member merged or dissolved before the period's end: figures.compute._ended_before)
    # | zero_plan (a planning ratio's 0 seats, or a coverage's 0 denominator, with an actual: no ratio to take)
    reason: str
    period: str | None = None  # the sub-period, when pairing was per period
    plan: Decimal | None = None
    actual: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "reason": self.reason, "period": self.period,
                "plan": float(self.plan) if self.plan is not None else None,
                "actual": float(self.actual) if self.actual is not None else None}


@dataclass(frozen=True, slots=True)
class Coverage:
    """Which parts of a longer period a unit sent, at its reporting frequency ('3/4 quý')."""

    unit: str
    frequency: str  # quarter | half | year | month
    expected: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def present(self) -> int:
        return len(self.expected) - len(self.missing)

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "frequency": self.frequency, "expected": list(self.expected),
                "missing": list(self.missing), "present": self.present}


@dataclass(slots=True)
class Figure:
    """One indicator for one unit (or a group of units) over one period."""

    indicator: Indicator
    unit: str
    period: Period
    plan: Decimal | None = None  # plan, seats (planning ratio) or denominator (coverage) of the members with figures
    actual: Decimal | None = None  # actual, candidates or numerator: everything the members reported
    estimate: Decimal | None = None  # ước thực hiện, kept apart from the actual
    # (unit, its estimate) of the members whose estimate is summed here: a group's estimate covers only the units
    # that sent an ƯTH column, often fewer than its members (`members`); the report says over which it is summed.
    estimate_members: tuple = ()
    stated_plan: Decimal | None = None  # the plan the submission wrote, when a target overrides it
    is_group: bool = False
    members: list[str] = field(default_factory=list)  # units whose numbers are summed here
    # Where the plan and the actual came from: a Source, or for a submission's cell the tuple (unit, value, file,
    # sheet, cell, period, note) until asked for (`plan_sources`, `actual_sources`): a national range has
    # millions of cells and a tuple is made twenty times faster than a Source, in the same memory.
    plan_cells: list[Source | tuple] = field(default_factory=list)
    actual_cells: list[Source | tuple] = field(default_factory=list)
    estimate_cells: tuple = ()  # the cells the estimate came from, as above (kept only with sources)
    # How many cells the actual adds up (a unit's year of quarter files: 3), also when only the first is kept: a
    # finding names the first and says how many more (`checks.finding.first_cell`).
    actual_count: int = 0
    ratio_plan: Decimal | None = None  # the plan the ratio is taken against (paired members and periods only)
    ratio_actual: Decimal | None = None  # the actual of those same members and periods
    left_out: list[LeftOut] = field(default_factory=list)
    full_plan: Decimal | None = None  # the plan of every member, those that sent nothing included ("KH toàn tỉnh")
    context: Source | None = None  # a longer period's target, shown as context only ("KH năm 2024: 270")
    plan_rule: str | None = None  # how the plan applies: exact | sum | review | pro_rata | to_date | stated
    # A pieced plan spelt out: (period label, target value, months taken or None, months of its period) each
    plan_pieces: tuple = ()
    incomplete: list[Coverage] = field(default_factory=list)  # members whose parts of the period are missing
    blank_notes: list[tuple[str, str]] = field(default_factory=list)  # (unit, note) beside an actual left blank
    # (unit, sub-period or None) where a unit that sent its report left the actual empty with a note beside it: not
    # in the sums, and said so, also where no plan makes it a missing value (compute._mark_blanks). Rare: an empty
    # tuple until there is one (a list per figure was 15 MB of a national range's memory).
    blanks: list[tuple[str, str | None]] | tuple = ()
    # (unit, period) where a running total (cumulative indicator) counts a unit's last report, which ends before the
    # figure's period does (a yearly unit's 2024 inside 2024..2025-Q1): its number is as of that date, and says so.
    as_of: tuple = ()
    # The expected reporters under a group (itself included) due for the period that sent nothing for it: the
    # group's sums lack them, whatever its plan ("chưa gồm 3/4 đơn vị chưa gửi"); `due` counts the reporters under
    # it due for the period. Set on group figures only (compute._mark_absent).
    absent: tuple[str, ...] = ()
    due: int = 0
    # (member, the due reporter above it) of the due reporters under the group that sent nothing in their own name but
    # some of whose members did (`FigureSet.partly_in`): the members that sent nothing ('Xã Thái Hòa (Huyện Hàm
    # Yên)'); the reporter's figures are in the sums, those members' are not.
    members_missing: tuple[tuple[str, str], ...] = ()
    # A group's own submission's figure, when the group unit reported for itself besides its members (a district's
    # own file): summed with theirs, and kept apart so that a check can tell whether it repeats their total.
    own: Figure | None = None
    # (the group's own target, its members' plans summed) where a target set for a group that does not report for
    # itself (so taken as its whole subtree's) is smaller than what its members were given: judged against its own
    # target, and said so under its row (compute._group_figure).
    target_below: tuple[Decimal, Decimal] | None = None
    # False: of the submissions' cells only the first actual one and those with a note were kept
    # (compute_figures(sources=False)); every cell's source cannot be given then.
    sources_kept: bool = True
    _ratio_memo: tuple | None = field(default=None, init=False, repr=False, compare=False)
    _status_memo: tuple | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def unpaired(self) -> list[str]:
        """Give the members with an actual but no plan (left out of the ratio), in order, once each."""
        return list(dict.fromkeys(lo.unit for lo in self.left_out if lo.reason == "no_plan"))

    @property
    def plan_sources(self) -> list[Source]:
        """Give where the plan came from: the cells of the submissions, or the target's line."""
        self._sources_were_kept()
        return [_source(c) for c in self.plan_cells]

    @property
    def actual_sources(self) -> list[Source]:
        """Give the cells the actual came from."""
        self._sources_were_kept()
        return [_source(c) for c in self.actual_cells]

    @property
    def estimate_sources(self) -> list[Source]:
        """Give the cells the estimate (ước thực hiện) came from."""
        self._sources_were_kept()
        return [_source(c) for c in self.estimate_cells]

    @property
    def estimate_partial(self) -> bool:
        """Tell whether the estimate is summed over fewer units than the figure's members (those without an ƯTH)."""
        return self.estimate is not None and len(self.estimate_members) < len(dict.fromkeys(self.members))

    def _sources_were_kept(self) -> None:
        if not self.sources_kept:  # a caller's mistake, never the user's: a partial list would pass for all
            raise ValueError(f"the figure {self.unit}/{self.indicator.code} was computed without its sources "
                             "(compute_figures(..., sources=True) keeps them)")

    def first_actual_source(self) -> Source | None:
        """Give the first cell the actual came from (what a finding points at), or None."""
        return _source(self.actual_cells[0]) if self.actual_cells else None

    def first_actual_cell(self) -> tuple[str | None, str | None, str | None] | None:
        """Give the file, sheet and cell of `first_actual_source` (no Source made: a check points 120,000 times)."""
        if not self.actual_cells:
            return None
        c = self.actual_cells[0]
        return (c.file, c.sheet, c.cell) if isinstance(c, Source) else (c[2], c[3], c[4])

    @property
    def notes(self) -> list[tuple[str, str]]:
        """Give the (unit, note) pairs the members wrote beside these numbers."""
        seen = dict.fromkeys([*((unit, note) for unit, note in map(_note, [*self.actual_cells, *self.plan_cells])
                                if note), *self.blank_notes])
        return list(seen)

    @property
    def ratio(self) -> float | None:
        """Give actual / plan as a float (2.853 for 285%), or None without both."""
        plan, actual = self.ratio_plan, self.ratio_actual
        if plan is None or actual is None or plan == 0:
            return None
        memo = self._ratio_memo  # the rules and the report ask each figure many times; a Decimal division is slow
        if memo is None or memo[0] is not actual or memo[1] is not plan:
            memo = self._ratio_memo = (actual, plan, float(actual / plan))
        return memo[2]

    def status(self, program: Program) -> str:
        """Give the status word key: over, met, nearly, behind, in_band, below_band, above_band, no_plan, no_data."""
        memo = self._status_memo  # each rule and each report row asks; the same numbers give the same word
        if (memo is not None and memo[0] is program and memo[1] is self.actual and memo[2] is self.ratio_plan
                and memo[3] is self.ratio_actual):
            return memo[4]
        word = self._status(program)
        self._status_memo = (program, self.actual, self.ratio_plan, self.ratio_actual, word)
        return word

    def _status(self, program: Program) -> str:
        ind = self.indicator
        if self.actual is None:
            return "no_data"
        ratio = self.ratio
        if ratio is None:
            return "no_plan"
        if ind.kind is IndicatorKind.PLANNING_RATIO:
            band = ind.band_at(self.period.end)  # the band in force on the period's last day
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


@dataclass(slots=True)
class FigureSet:
    """All figures of a program for a period: per reporting unit and per group up the tree."""

    program: Program
    period: Period
    figures: dict[tuple[str, str], Figure]  # (unit, indicator) -> figure
    submitted: dict[str, list[str]]  # unit -> periods of the submissions used
    root: str | None
    coverage: dict[str, Coverage] = field(default_factory=dict)  # unit -> parts sent of the period
    blanks: list[dict[str, Any]] = field(default_factory=list)  # actual cells left empty, with file, cell, note
    sources_kept: bool = True  # every figure keeps every cell behind its numbers (see compute_figures)
    from_sums: frozenset[str] = frozenset()  # units whose figures came from the database's sums (figures.sums)
    # unit -> periods of the stored submissions of units the registry (units.yaml) no longer has: in no group's sum,
    # named by check.unregistered_unit and the report's coverage line, never dropped in silence
    unregistered: dict[str, list[str]] = field(default_factory=dict)
    # unit -> periods of its stored submissions lying wholly outside its life (units.yaml `from:`, `until:`, written
    # after they were imported): in no figure, named by check.outside_unit_life and the coverage line, as above
    outside_life: dict[str, list[str]] = field(default_factory=dict)
    # The expected reporters due for the period (at their frequency, in their life), in the program's order; of
    # them, those that sent nothing for it (`absent`, in no figure, none of their members either), and those that sent nothing in their own name
    # but whose every member did (a district's table of its communes: `reported_through_members`), with those members.
    due: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    through_members: dict[str, list[str]] = field(default_factory=dict)
    # Due reporters that sent nothing in their own name but some of whose members did (a district with 2 of its 3
    # communes' files), each with its members that sent nothing: "partly in", not among `absent`.
    partly_in: dict[str, list[str]] = field(default_factory=dict)
    # Of the expected reporters that sent nothing in their own name for the period, those known to report only some
    # indicators, with them (compute._indicators_reported): a district that never reports a training budget is
    # missing from the period's headcounts, not from its budget. A unit not in it: every indicator (`owes`).
    reports: dict[str, frozenset[str]] = field(default_factory=dict)

    def owes(self, unit: str, indicator: str) -> bool:
        """Tell whether `unit` is held to report `indicator`: it has a target for it, reported it (a value, or a blank
        with a note) in a submission of the program of any period, or nothing of what it reports is known."""
        known = self.reports.get(unit)
        return known is None or indicator in known

    def get(self, unit: str, indicator: str) -> Figure | None:
        return self.figures.get((unit, indicator))

    def reported(self, unit: str, indicator: str) -> Figure | None:
        """Give the figure of what `unit` itself reported: for a group unit (a district that reports beside its
        communes) its own report's figure, not its group's sum; for any other unit its figure."""
        fig = self.figures.get((unit, indicator))
        return fig.own if fig is not None and fig.is_group else fig

    def for_unit(self, unit: str) -> list[Figure]:
        return [f for f in (self.figures.get((unit, i.code)) for i in self.program.indicators) if f is not None]

    def incomplete_units(self) -> list[Coverage]:
        """Give the coverage of each unit that is missing parts of the period."""
        return [c for _, c in sorted(self.coverage.items()) if not c.complete]
