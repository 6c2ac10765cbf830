"""check.unexpected_reporter: a unit the program's `reporters` neither list nor hold sent figures that are counted."""
from __future__ import annotations

from hrplan.checks.rule import CheckContext, Rule
from hrplan.definitions import Period, unexpected_reporters
from hrplan.messages import render
from hrplan.problems import Location, Severity


def _run(ctx: CheckContext):
    # Its figures are real and in every total above it (a department's 40 planned beside the districts'); the
    # program did not ask for them, so the analyst decides: add it to `reporters`, or correct the file.
    figures = ctx.figures
    counted = [u for u in figures.submitted if u not in figures.unregistered and u not in figures.outside_life]
    for unit in unexpected_reporters(ctx.program, ctx.units, counted):
        files = _files(ctx, unit)
        file = files[0] if files else ""
        if len(files) > 1:  # a range made of several reports ('2025-Q2..2026-Q1': four quarter files)
            sent = render("check.unexpected_reporter.files", ctx.lang, n=len(files))
        else:
            sent = render("check.unexpected_reporter.file", ctx.lang, file=file) if file else ""
        period = ctx.period.in_sentence(ctx.lang)
        yield RULE.finding(ctx, unit, None, {
            "unit": f"{ctx.units.get(unit).name} ({unit})" if unit in ctx.units else unit, "unit_code": unit,
            # the period runs on in the sentence: 'có báo cáo từ 01/04/2025 đến 31/03/2026', not 'có báo cáo Từ …'
            "period": period[:1].lower() + period[1:] if ctx.lang == "vi" else period, "file": file or "-",
            "sent": sent, "reporters": ", ".join(ctx.program.reporters or [])}, Location(file=file or None))


def _files(ctx: CheckContext, unit: str) -> list[str]:
    """Give the names of the unit's current files for the period: its own, or those of the periods inside it."""
    record = ctx.store.current(ctx.program.code, unit, ctx.period.label)
    if record is not None:
        return [record.file_name] if record.file_name else []
    periods = sorted(p for p in ctx.store.current_unit_periods(ctx.program.code).get(unit, ())
                     if ctx.period.contains(Period.parse(p)))
    records = (ctx.store.current(ctx.program.code, unit, p) for p in periods)
    return list(dict.fromkeys(r.file_name for r in records if r is not None and r.file_name))


RULE = Rule("check.unexpected_reporter", Severity.WARNING, "completeness",
            "A unit that is not among the program's `reporters` (nor under one of them) has a submission for the "
            "period: its figures are stored and counted in the totals, and the report's coverage line names it. "
            "Add it to `reporters`, or correct the file's unit or program. A program without `reporters` (its "
            "reporters are the units with targets) never gives this finding.", _run)
