"""check.group_counted_twice: a unit reported for itself exactly the total of the units under it, who reported too.

A district that sends its communes' total as its own figures, while the communes send theirs, is counted twice in
the province's sum. The rule finds a group whose own actual equals the sum of its members' actuals (not zero);
a district with figures of its own that happen to equal its communes' total turns the rule off in the program's
`checks:`.
"""
from __future__ import annotations

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.problems import Severity
from hrplan.values import format_number

SHOWN = 3  # members named in the message; more are counted


def _run(ctx: CheckContext):
    lang, units = ctx.lang, ctx.units
    for fig in ctx.figures.figures.values():
        own = fig.own
        if own is None or own.actual is None or not own.actual or fig.actual is None:
            continue
        members = fig.actual - own.actual
        if members != own.actual:
            continue
        others = [u for u in dict.fromkeys(fig.members) if u != fig.unit]
        names = [units.get(u).name if u in units else u for u in others]
        listed = ", ".join(names[:SHOWN]) + (f" (+{len(names) - SHOWN})" if len(names) > SHOWN else "")
        yield RULE.finding(ctx, fig.unit, fig.indicator.code, {
            "unit": units.get(fig.unit).name if fig.unit in units else fig.unit,
            "indicator": fig.indicator.name_in(lang), "own": format_number(own.actual, lang=lang),
            "members": listed, "total": format_number(fig.actual, lang=lang)}, first_cell(own))


RULE = Rule("check.group_counted_twice", Severity.ERROR, "consistency",
            "A unit reported for itself exactly the total of the units under it, who reported too: if it is their "
            "total, the sum above counts it twice.", _run)
