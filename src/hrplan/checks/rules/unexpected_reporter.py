"""check.unexpected_reporter: a unit the program's `reporters` neither list nor hold sent figures that are counted."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import unexpected_reporters
from hrplan.problems import Location, Severity


def _run(ctx: CheckContext):
    # Its figures are real and in every total above it (a department's 40 planned beside the districts'); the
    # program did not ask for them, so the analyst decides: add it to `reporters`, or correct the file.
    figures = ctx.figures
    counted = [u for u in figures.submitted if u not in figures.unregistered and u not in figures.outside_life]
    for unit in unexpected_reporters(ctx.program, ctx.units, counted):
        record = ctx.store.current(ctx.program.code, unit, ctx.period.label)
        file = record.file_name if record is not None else ""
        yield RULE.finding(ctx, unit, None, {
            "unit": f"{ctx.units.get(unit).name} ({unit})" if unit in ctx.units else unit, "unit_code": unit,
            "period": ctx.period.in_sentence(ctx.lang), "file": file or "-",
            "reporters": ", ".join(ctx.program.reporters or [])}, Location(file=file or None))


RULE = Rule("check.unexpected_reporter", Severity.WARNING, "completeness",
            "A unit that is not among the program's `reporters` (nor under one of them) has a submission for the "
            "period: its figures are stored and counted in the totals, and the report's coverage line names it. "
            "Add it to `reporters`, or correct the file's unit or program. A program without `reporters` (its "
            "reporters are the units with targets) never gives this finding.", _run)
