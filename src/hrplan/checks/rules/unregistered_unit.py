"""check.unregistered_unit: the store holds a unit's submissions for the period but the registry no longer has the unit."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period
from hrplan.problems import Severity


def _run(ctx: CheckContext):
    # Its figures sit under no group of the tree: every total of the period lacks them (a district deleted from
    # units.yaml after the reform took its whole year out of the province's sum).
    for unit, parts in sorted(ctx.figures.unregistered.items()):
        yield RULE.finding(ctx, unit, None, {
            "unit": unit, "periods": ", ".join(Period.parse(p).in_sentence(ctx.lang) for p in parts)})


RULE = Rule("check.unregistered_unit", Severity.ERROR, "completeness",
            "The store holds submissions of a unit for the period that the units registry (units.yaml) no longer "
            "has: they are in no total. Keep the unit in units.yaml with the day it ended (`until:`, and "
            "`merged_into:` for a merger).", _run)
