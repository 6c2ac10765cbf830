"""check.group_counted_twice: a unit reported for itself exactly the total of the units under it, who reported too.

A district that sends its communes' total as its own figures, while the communes send theirs, is counted twice in
the province's sum. The rule finds a group whose own actual equals the sum of its members' actuals (not zero), and
only where that is the district's pattern, not a coincidence: on at least half of the indicators both it and its
members reported (a district copying its communes' total matches on all of them; a small running total, 6 = 3 + 3,
can match alone). A district whose own figures still happen to match turns the rule off in the program's `checks:`.
"""
from __future__ import annotations

from collections import defaultdict

from hrplan.checks.finding import first_cell
from hrplan.checks.rule import CheckContext, Rule
from hrplan.problems import Severity
from hrplan.values import format_number

SHOWN = 3  # members named in the message; more are counted


def _run(ctx: CheckContext):
    lang, units = ctx.lang, ctx.units
    compared: dict[str, list[tuple]] = defaultdict(list)  # group unit -> (figure, whether its own repeats its members)
    for fig in ctx.figures.figures.values():
        own = fig.own
        if own is None or own.actual is None or not own.actual or fig.actual is None:
            continue
        members = fig.actual - own.actual
        if members:
            compared[fig.unit].append((fig, members == own.actual))
    for unit, figs in compared.items():
        repeated = [fig for fig, same in figs if same]
        if not repeated or 2 * len(repeated) < len(figs):
            continue  # a match among figures of its own is a coincidence, not a copied total
        for fig in repeated:
            others = [u for u in dict.fromkeys(fig.members) if u != fig.unit]
            names = [units.get(u).name if u in units else u for u in others]
            listed = ", ".join(names[:SHOWN]) + (f" (+{len(names) - SHOWN})" if len(names) > SHOWN else "")
            yield RULE.finding(ctx, fig.unit, fig.indicator.code, {
                "unit": units.get(fig.unit).name if fig.unit in units else fig.unit,
                "indicator": fig.indicator.name_in(lang), "own": format_number(fig.own.actual, lang=lang),
                "members": listed, "total": format_number(fig.actual, lang=lang)}, first_cell(fig.own))


RULE = Rule("check.group_counted_twice", Severity.ERROR, "consistency",
            "A unit reported for itself exactly the total of the units under it, who reported too: if it is their "
            "total, the sum above counts it twice.", _run)
