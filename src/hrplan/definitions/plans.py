"""Which plan applies to a period (kế hoạch của kỳ): targets belong to their own period.

A target set for a year is the plan of that year; a quarter inside it is judged against it only
as the program declares (`interim`, per program or per indicator):

- `none` (default): a shorter period has no plan of its own; the longer target is shown as
  context ("KH năm 2024: 270") and nothing is called behind plan.
- `pro_rata`: the longer target times the share of its months (a quarter of a year: 1/4); a planning ratio's
  seats, a coverage's denominator and the target of a running total or a level (accumulation: cumulative or
  level, a payroll ceiling) are counts of what exists and hold whole for every part (`whole`); a review from the program's start is compared with
  the whole-program target, as under `none`.
- `to_date`: for a period from the start of the longer target's period (2024..2024-06), or a
  running total (accumulation: cumulative), the targets of the sub-periods completed by its end
  (TolaActivity's "target to date").
- `periodic`: only explicit targets of the period (quarterly targets); none is context.

Under every rule a target for exactly the period applies, and so does the sum of explicit
targets that tile it (annual targets over 2021..2022, quarterly targets over a year). A
cumulative review from the program's start ("2016..2019-05", a mid-term review) is compared
with the whole-program target, as the reviews themselves do.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from hrplan.definitions.periods import Period

if TYPE_CHECKING:  # the models import this module
    from hrplan.definitions.programs import Program, Target

_KINDS = ("year", "half", "quarter", "month")


class Interim(str, Enum):
    """How a period shorter than a target's period is judged against it."""

    NONE = "none"
    PRO_RATA = "pro_rata"
    TO_DATE = "to_date"
    PERIODIC = "periodic"


@dataclass(frozen=True)
class PlanFor:
    """The plan that applies to one indicator, unit and period, and the longer target shown beside it."""

    target: Target | None  # what the period is judged against (None: no plan of its own)
    context: Target | None = None  # a longer period's target, shown as context ("KH năm 2024: 270")
    # exact | sum | review | pro_rata | whole (seats under pro_rata) | to_date | none | pieced (a range crossing its
    # targets' periods: the targets inside it plus the interim rule's share of those it cuts, `_pieced`)
    rule: str = "exact"
    # A pieced plan's pieces, to spell it out: (target, months of it taken, months of its period), months None where
    # the target's period lies wholly inside ('KH năm 2025 120 × 9/12 tháng + KH năm 2026 120 × 3/12 tháng').
    pieces: tuple = ()

    @property
    def value(self) -> Decimal | None:
        return self.target.value if self.target is not None else None


_NO_PLAN = PlanFor(None)


def plan_for(program: Program, indicator: str, unit: str | None, period: Period) -> PlanFor:
    """Give the plan that applies to `period` under the program's interim rule, with any longer target as context."""
    spans = program._spans_of(indicator, unit)
    if not spans:  # most units of a national tree have no target of their own
        return _NO_PLAN
    if not program.lived(unit, period):  # dissolved or merged before it, or set up after (units.yaml until:, from:)
        return _NO_PLAN
    if len(spans) == 1:  # a per-unit table: one target per unit and indicator, which tiles nothing else
        context, span = spans[0]
        if span == period:
            return PlanFor(context, rule="exact")
        if not span.contains(period):
            return _NO_PLAN
        longer = spans
    else:
        for t, s in spans:
            if s == period:
                return PlanFor(t, rule="exact")
        tiled = _tiling(spans, period)
        if tiled:
            return PlanFor(_summed(program, indicator, unit, period, tiled), rule="sum")
        longer = [(t, s) for t, s in spans if s.contains(period)]
        if not longer:
            return _pieced(program, indicator, unit, period, spans) if period.kind == "range" else _NO_PLAN
        longer.sort(key=lambda ts: ts[1].end.toordinal() - ts[1].start.toordinal())
        context, span = longer[0]
    ind = program.indicator(indicator)
    interim = ind.interim or program.interim
    if context.period is None and period.kind == "range" and period.start == program.period_value.start \
            and interim in (Interim.NONE, Interim.PRO_RATA):
        # A mid-term review against the program's own target: 24 of a 40-person target for the whole program is 60%,
        # never 24 of its pro-rata share (12, "200%").
        return PlanFor(context, rule="review")
    if interim is Interim.PRO_RATA and (ind.kind.value in ("planning_ratio", "coverage") or ind.takes_latest):
        # Seats (a planning ratio's plan) and a coverage's denominator are counts of what exists, not of what is done
        # over time: a title's 2 seats are 2 in every quarter of the year, never 2 × 3/12 = 0,5. So is the target of a
        # running total or a level (staff on the payroll against the year's ceiling): the number at any day of the
        # year is held to it whole, never to half of it in June (a ceiling of 1.150 staff is not 575 for a half-year).
        from hrplan.definitions.programs import Target

        return PlanFor(Target(indicator=indicator, unit=unit, period=period.label, value=context.value, uom=context.uom,
                              source=context.source), context, "whole")
    if interim is Interim.PRO_RATA:
        from hrplan.definitions.programs import Target

        share = Decimal(_months(period)) / Decimal(_months(span))
        value = context.value * share
        return PlanFor(Target(indicator=indicator, unit=unit, period=period.label, value=value, uom=context.uom,
                              source=f"{context.source or ''} × {_months(period)}/{_months(span)}"),
                       context, "pro_rata")
    if interim is Interim.TO_DATE:
        for _, outer in longer:  # the smallest longer period whose completed parts have targets
            if period.start != outer.start and ind.accumulation.value == "per_period":
                continue  # a period's own flow is not judged against a target to date
            to_date = Period(outer.start, period.end, f"{outer.label}..{period.label}")
            done = _tiling([(t, s) for t, s in spans if s != outer], to_date)
            if done:
                return PlanFor(_summed(program, indicator, unit, period, done), context, "to_date")
    return PlanFor(None, context, "none")


def _pieced(program: Program, indicator: str, unit: str | None, period: Period,
            spans: list[tuple[Target, Period]]) -> PlanFor:
    """Give the plan of a range that crosses its targets' periods (2026..2027-06 over the 2026 and 2027 targets): each
    target's period wholly inside it is its own target, each part of one cut by the range's edge (2027-H1) takes the
    plan the interim rule gives it (pro rata: 2027's 400 × 6/12); summed when every piece has one (400 + 200), else
    no plan. Only for a flow (per_period): a running total's range is its last part, not a sum."""
    ind = program.indicator(indicator)
    if ind.accumulation.value != "per_period" or ind.kind.value != "count" or ind.is_maximum:
        return _NO_PLAN
    for kind in _KINDS:
        cut = sorted(((t, s) for t, s in spans if s.kind == kind and s.start <= period.end and period.start <= s.end),
                     key=lambda ts: ts[1].start)
        if not cut or cut[0][1].start > period.start or cut[-1][1].end < period.end:
            continue
        if not all((b.start - a.end).days == 1 for (_, a), (_, b) in zip(cut, cut[1:])):
            continue
        pieces, spelt, context, shared = [], [], None, False
        for t, s in cut:
            if period.contains(s):
                pieces.append(t)
                spelt.append((t, None, None))
                continue
            part = _span(max(s.start, period.start), min(s.end, period.end))
            got = plan_for(program, indicator, unit, part)
            if got.target is None or got.rule not in ("exact", "sum", "pro_rata", "to_date"):
                return _NO_PLAN
            pieces.append(got.target)
            spelt.append((t, _months(part), _months(s)) if got.rule == "pro_rata" else (got.target, None, None))
            context, shared = got.context or context, shared or got.rule in ("pro_rata", "to_date")
        target = _summed(program, indicator, unit, period, pieces)
        return PlanFor(target, context, "pieced" if shared else "sum", tuple(spelt))
    return _NO_PLAN


def _span(start, end) -> Period:
    """Give the period from `start` to `end` under its office name where it has one ('2027-H1'), else as a range."""
    first = Period.parse(f"{start.year}-{start.month:02d}")
    for label in (str(start.year), f"{start.year}-H{(start.month + 5) // 6}", f"{start.year}-Q{(start.month + 2) // 3}"):
        named = Period.parse(label)
        if (named.start, named.end) == (start, end):
            return named
    last = Period.parse(f"{end.year}-{end.month:02d}")
    return first if first == last else Period.parse(f"{first.label}..{last.label}")


def _tiling(spans: list[tuple[Target, Period]], period: Period) -> list[Target]:
    """Give targets of one kind of sub-period that cover `period` exactly, end to end, or []."""
    within = [(t, s) for t, s in spans if s != period and period.contains(s)]
    if not within:  # a quarter asked of a table of whole-program targets: nothing to tile it with
        return []
    for kind in _KINDS:
        inside = sorted(((t, s) for t, s in within if s.kind == kind), key=lambda ts: ts[1].start)
        if not inside or inside[0][1].start != period.start or inside[-1][1].end != period.end:
            continue
        if all((b.start - a.end).days == 1 for (_, a), (_, b) in zip(inside, inside[1:])):
            return [t for t, _ in inside]
    return []


def _summed(program: Program, indicator: str, unit: str | None, period: Period, parts: list[Target]) -> Target:
    """Give one target summing `parts`, in the indicator's unit of measure (they may be written in others)."""
    from hrplan.definitions.programs import Target

    book, uom = program.measure_book(), program.indicator(indicator).uom
    value = sum(((book.convert(t.value, t.uom, uom) if t.uom else t.value) or t.value for t in parts), Decimal(0))
    return Target(indicator=indicator, unit=unit, period=period.label, value=value,
                       source=" + ".join(sorted({t.source or "" for t in parts})))


def _months(period: Period) -> int:
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
