"""check.missing_value: a plan with no actual beside it (the cell left blank), for a unit that sent its report."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period
from hrplan.messages import render
from hrplan.problems import Location, Severity
from hrplan.values import format_number


def _run(ctx: CheckContext):
    blanks = {(b["unit"], b["indicator"], b["period"]): b for b in ctx.figures.blanks}
    for fig in ctx.figures.figures.values():
        if fig.is_group:
            continue
        for lo in fig.left_out:
            if lo.reason != "no_actual" or lo.unit != fig.unit:
                continue
            periods = [lo.period] if lo.period else ctx.figures.submitted.get(fig.unit, [])
            found = [blanks[k] for k in ((fig.unit, fig.indicator.code, p) for p in periods) if k in blanks]
            blank = found[0] if found else None
            # A whole period's plan with no actual in any of its parts (a year's target, four quarter files): the
            # first empty cell, and how many more (the unit's feedback then pins it on no one quarter's cell).
            where = (Location(blank["file_name"], blank["sheet"], blank["cell"],
                              more=len(found) - 1 if len(found) > 1 else None) if blank else Location())
            note = render("check.missing_value.note", ctx.lang, note=blank["note"]) if blank and blank["note"] else ""
            uom = ctx.uom(fig.indicator.uom)
            if fig.estimate is not None and (lo.period is None or len(periods) == 1):  # the estimate of that part
                note += render("check.missing_value.estimate", ctx.lang,
                               estimate=format_number(fig.estimate, lang=ctx.lang), uom=uom)
            period = (Period.parse(lo.period) if lo.period else ctx.period).in_sentence(ctx.lang)
            yield RULE.finding(ctx, fig.unit, fig.indicator.code, {
                "indicator": fig.indicator.name_in(ctx.lang), "plan": format_number(lo.plan, lang=ctx.lang), "uom": uom,
                "period": period, "note": note, "cell": blank["cell"] if blank else ""}, where,
                wording=None if blank else NO_CELL)


NO_CELL = "check.missing_value.no_cell"  # no empty cell to name: the table had no actual column or row for it
RULE = Rule("check.missing_value", Severity.WARNING, "completeness",
            "A unit that sent its report left the actual empty where there is a plan (the cell is named, with the "
            "row's 'Ghi chú'; an estimate it sent instead is mentioned).", _run,
            messages=("check.missing_value", "check.missing_value.note", NO_CELL, "check.missing_value.estimate"))
