"""check.outside_unit_life: a stored submission's period lies wholly outside its unit's life (units.yaml `from:`,
`until:` written after it was imported): it is in no figure."""
from __future__ import annotations

from datetime import timedelta

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period
from hrplan.messages import render
from hrplan.problems import Location, Severity


def _run(ctx: CheckContext):
    # Import refuses such a file now; one stored before the dates were written is left out of the figures as a unit
    # no longer in the registry is (FigureSet.outside_life), and named here with its file.
    for unit, parts in sorted(ctx.figures.outside_life.items()):
        life = ctx.program.life_of(unit)
        for label in parts:
            period = Period.parse(label)
            record = ctx.store.current(ctx.program.code, unit, label)
            file = record.file_name if record is not None else ""
            yield RULE.finding(ctx, unit, None, {
                "unit": f"{ctx.units.get(unit).name} ({unit})" if unit in ctx.units else unit,
                "period": period.in_sentence(ctx.lang), "file": file, "life": _life(ctx, life, period)},
                Location(file=file or None))


def _life(ctx: CheckContext, life, period: Period) -> str:
    """Give 'đã giải thể từ ngày 01/07/2025' / 'thành lập từ ngày …' for the unit whose life `period` lies outside."""
    if life.until is not None and period.start > life.until:
        day = (life.until + timedelta(days=1)).strftime("%d/%m/%Y")
        successor = life.merged_into
        if successor is not None:
            name = ctx.units.get(successor).name if successor in ctx.units else successor
            return render("check.outside_unit_life.merged", ctx.lang, day=day, successor=f"{name} ({successor})")
        return render("check.outside_unit_life.ended", ctx.lang, day=day)
    return render("check.outside_unit_life.not_yet", ctx.lang, day=life.began.strftime("%d/%m/%Y"))


RULE = Rule("check.outside_unit_life", Severity.ERROR, "completeness",
            "A stored submission is for a period wholly outside its unit's life (units.yaml `from:`, `until:`, "
            "written after the file was imported): it is in no figure. Leave it, or correct the dates in units.yaml.",
            _run)
