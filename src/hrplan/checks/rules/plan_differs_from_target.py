"""check.plan_differs_from_target: the plan a unit wrote is not the target the program assigned it."""
from __future__ import annotations

from decimal import Decimal

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period
from hrplan.messages import render
from hrplan.problems import Location, Severity
from hrplan.values import format_number

SHARE = "check.plan_differs_from_target.share"


def _run(ctx: CheckContext):
    for fig in ctx.figures.figures.values():
        if fig.is_group or fig.stated_plan is None or fig.plan is None or fig.stated_plan == fig.plan:
            continue
        target, wording, extra = fig.plan, None, {}
        missing = {label for cover in fig.incomplete for label in cover.missing}
        if missing:
            # The unit wrote the plans of the parts it sent only (3 quarters of 30): compare them with the target's
            # share of those parts, not with the whole period's (120), which they can never equal.
            never = [lo for lo in fig.left_out if lo.unit == fig.unit and lo.period in missing]
            if any(lo.reason != "not_sent" or lo.plan is None for lo in never) or not never:
                continue  # no interim rule gives a missing part's share: the plans sent cannot be compared
            target = fig.plan - sum((lo.plan for lo in never), Decimal(0))
            if fig.stated_plan == target:
                continue
            cover = fig.incomplete[0]
            wording = SHARE
            extra = {"whole": format_number(fig.plan, lang=ctx.lang),
                     "parts": render("figure.parts", ctx.lang, present=cover.present, expected=len(cover.expected),
                                     kind=render(f"figure.kind.{cover.frequency}", "en"),
                                     kind_vi=render(f"figure.kind.{cover.frequency}", "vi"))}
        yield RULE.finding(ctx, fig.unit, fig.indicator.code, {
            "indicator": fig.indicator.name_in(ctx.lang), "stated": format_number(fig.stated_plan, lang=ctx.lang),
            "target": format_number(target, lang=ctx.lang), **extra},
            _plan_cell(ctx, fig), wording=wording)


def _plan_cell(ctx: CheckContext, fig) -> Location:
    """Give where the unit wrote its plan: the first part's cell, and how many more it adds up ('và 2 ô khác').

    The figures keep no plan cell when a target overrides it (check computes them without sources); the few units
    this rule names are looked up in the store."""
    parts = sorted(ctx.figures.submitted.get(fig.unit, ()), key=lambda label: Period.parse(label).start)
    cells = [row for label in parts
             for row in ctx.store.current_period_values(ctx.program.code, label, [fig.unit], measures=["plan"],
                                                        indicators=[fig.indicator.code])]
    if not cells:
        first = fig.first_actual_cell()
        return Location(first[0], first[1]) if first else Location()
    _, _, _, file, _, sheet, cell = cells[0]
    return Location(file, sheet, cell, more=len(cells) - 1 if len(cells) > 1 else None)


RULE = Rule("check.plan_differs_from_target", Severity.INFO, "consistency",
            "The plan written in a unit's workbook differs from the target the program assigns (for a period of "
            "which parts never came, the target's share of the parts sent); the target is used.",
            _run, messages=("check.plan_differs_from_target", SHARE))
