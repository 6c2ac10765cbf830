"""check.subperiod_targets: targets set for the years of a program that do not add up to its whole-program target."""
from __future__ import annotations

from decimal import Decimal

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Accumulation, Period
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    program = ctx.program
    whole = Period.parse(program.period)
    # One pass, grouped by indicator then unit: a target for every commune is 100,000s of lines. Only a unit with
    # a target for some period of its own (a year) can have parts that do not add up.
    by_indicator: dict[str, dict[str | None, list]] = {}
    with_parts: set[tuple[str, str | None]] = set()
    for t in program.targets:
        by_indicator.setdefault(t.indicator, {}).setdefault(t.unit, []).append(t)
        if t.period:
            with_parts.add((t.indicator, t.unit))
    for ind in program.indicators:
        if ind.accumulation is not Accumulation.PER_PERIOD:
            continue  # running totals: the last year's target is the whole program's, they do not add up
        of_unit = by_indicator.get(ind.code, {})
        for unit in sorted((u for u in of_unit if (ind.code, u) in with_parts), key=lambda u: u or ""):
            mine = of_unit[unit]
            overall = next((t for t in mine if t.period is None or Period.parse(t.period) == whole), None)
            parts = [t for t in mine if t.period and Period.parse(t.period).kind == "year"
                     and whole.contains(Period.parse(t.period))]
            if overall is None or not parts:
                continue
            summed = sum((t.value for t in parts), Decimal(0))
            every_year = len({t.period for t in parts}) == len(whole.years())
            if summed > overall.value or (every_year and summed != overall.value):
                yield RULE.finding(ctx, unit or program.scope, ind.code, {
                    "indicator": ind.name_in(ctx.lang), "whole": format_number(overall.value, lang=ctx.lang), "period": whole.label,
                    "parts": " + ".join(format_number(t.value, lang=ctx.lang) for t in sorted(parts, key=lambda t: t.period)),
                    "parts_sum": format_number(summed, lang=ctx.lang), "years": len(parts)},
                    Location(program.source_file, line=None, field="targets"))


RULE = Rule("check.subperiod_targets", Severity.WARNING, "consistency",
            "Yearly targets of a per-period indicator do not add up to its whole-program target (with every year "
            "set), or exceed it (periodic targets should sum to the life-of-program target).", _run)
